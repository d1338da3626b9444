//! Domain codes to the keys of their translated texts.

use crate::domain::import::ProblemKind;
use crate::domain::model::{Channel, Dimension, FeedbackKind, FeedbackStatus, RootCause};
use crate::domain::Collection;
use crate::i18n::{Key, Lang};
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

pub fn problem(kind: &ProblemKind) -> Key {
    match kind {
        ProblemKind::Unreadable => Key::ProblemUnreadable,
        ProblemKind::Empty => Key::ProblemEmpty,
        ProblemKind::NotJson { .. } => Key::ProblemNotJson,
        ProblemKind::Truncated => Key::ProblemTruncated,
        ProblemKind::NotAnObject => Key::ProblemNotAnObject,
        ProblemKind::WrongFormat => Key::ProblemWrongFormat,
        ProblemKind::MissingField(_) => Key::ProblemMissingField,
        ProblemKind::NewerSchema { .. } => Key::ProblemNewerSchema,
        ProblemKind::BadSchemaVersion => Key::ProblemBadSchemaVersion,
        ProblemKind::WrongType(_) => Key::ProblemWrongType,
        ProblemKind::UnknownCollection(_) => Key::ProblemUnknownCollection,
        ProblemKind::DuplicateId(_) => Key::ProblemDuplicateId,
        ProblemKind::DanglingRef { .. } => Key::ProblemDanglingRef,
        ProblemKind::TooLarge { .. } => Key::ProblemTooLarge,
    }
}

/// The detail after the translated text: where in the text, or names, numbers, ids.
pub fn problem_detail(kind: &ProblemKind, lang: Lang) -> String {
    match kind {
        ProblemKind::NotJson { line, column } => Key::ProblemLineColumn
            .text(lang)
            .replace("{line}", &line.to_string())
            .replace("{column}", &column.to_string()),
        ProblemKind::MissingField(f) | ProblemKind::UnknownCollection(f) => f.clone(),
        ProblemKind::NewerSchema { found, supported } => format!("{found} > {supported}"),
        ProblemKind::WrongType(detail) => detail.clone(),
        ProblemKind::DuplicateId(id) => id.to_string(),
        ProblemKind::DanglingRef { collection, id } => format!("{}/{id}", collection.name()),
        ProblemKind::TooLarge { limit } => format!("≤ {limit}"),
        ProblemKind::Unreadable
        | ProblemKind::Empty
        | ProblemKind::Truncated
        | ProblemKind::NotAnObject
        | ProblemKind::WrongFormat
        | ProblemKind::BadSchemaVersion => String::new(),
    }
}

/// SERVQUAL's dimensions by name; a business's own dimension shows as "custom".
pub fn dimension(d: &Dimension) -> Key {
    match d {
        Dimension::Tangibles => Key::DimTangibles,
        Dimension::Reliability => Key::DimReliability,
        Dimension::Responsiveness => Key::DimResponsiveness,
        Dimension::Assurance => Key::DimAssurance,
        Dimension::Empathy => Key::DimEmpathy,
        Dimension::Custom(_) => Key::DimCustom,
    }
}

pub fn feedback_kind(k: FeedbackKind) -> Key {
    match k {
        FeedbackKind::Complaint => Key::FbComplaint,
        FeedbackKind::Suggestion => Key::FbSuggestion,
        FeedbackKind::Praise => Key::FbPraise,
    }
}

pub fn channel(c: Channel) -> Key {
    match c {
        Channel::InPerson => Key::ChInPerson,
        Channel::Phone => Key::ChPhone,
        Channel::Kiosk => Key::ChKiosk,
        Channel::Online => Key::ChOnline,
        Channel::Other => Key::ChOther,
    }
}

pub fn status(s: FeedbackStatus) -> Key {
    match s {
        FeedbackStatus::Open => Key::FsOpen,
        FeedbackStatus::InProgress => Key::FsInProgress,
        FeedbackStatus::Resolved => Key::FsResolved,
        FeedbackStatus::Closed => Key::FsClosed,
    }
}

pub fn root_cause(r: RootCause) -> Key {
    match r {
        RootCause::People => Key::RcPeople,
        RootCause::Process => Key::RcProcess,
        RootCause::Equipment => Key::RcEquipment,
        RootCause::Materials => Key::RcMaterials,
        RootCause::Environment => Key::RcEnvironment,
        RootCause::Measurement => Key::RcMeasurement,
    }
}

/// A process category: a template's industry code by its name, a business's own as written.
pub fn category(text: &str, lang: Lang) -> String {
    let key = match text {
        "restaurant" => Key::CatRestaurant,
        "hotel" => Key::CatHotel,
        "telecom" => Key::CatTelecom,
        "auto" => Key::CatAuto,
        "clinic" => Key::CatClinic,
        "general" => Key::CatGeneral,
        own => return own.to_string(),
    };
    key.text(lang).to_string()
}
