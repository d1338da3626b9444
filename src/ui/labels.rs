//! Domain codes to the keys of their translated texts.

use crate::domain::Collection;
use crate::i18n::Key;
use crate::storage::StoreError;

pub fn collection(c: Collection) -> Key {
    match c {
        Collection::Workspace => Key::CollWorkspace,
        Collection::Roles => Key::CollRoles,
        Collection::Staff => Key::CollStaff,
        Collection::Processes => Key::CollProcesses,
        Collection::ProcessVersions => Key::CollProcessVersions,
        Collection::Runs => Key::CollRuns,
        Collection::Surveys => Key::CollSurveys,
        Collection::SurveyVersions => Key::CollSurveyVersions,
        Collection::Responses => Key::CollResponses,
        Collection::Feedback => Key::CollFeedback,
        Collection::Capabilities => Key::CollCapabilities,
        Collection::Evaluations => Key::CollEvaluations,
        Collection::Trainings => Key::CollTrainings,
        Collection::ImprovementActions => Key::CollImprovementActions,
    }
}

pub fn store_error(e: &StoreError) -> Key {
    match e {
        StoreError::Quota => Key::ErrQuota,
        StoreError::Blocked => Key::ErrBlocked,
        StoreError::Aborted(_) => Key::ErrAborted,
        StoreError::Unavailable(_) => Key::ErrUnavailable,
        StoreError::Corrupt(_) => Key::ErrCorrupt,
    }
}
