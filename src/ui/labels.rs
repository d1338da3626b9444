//! Domain codes to the keys of their translated texts.

use crate::domain::exports::{Col, Label};
use crate::domain::import::{ProblemKind, TypeDetail};
use crate::domain::improvement::{MoveError, Verdict};
use crate::domain::kpi::Kpi;
use crate::domain::model::{
    Channel, Dimension, Evaluator, FeedbackKind, FeedbackStatus, PdcaStage, RootCause, Tier,
    Trigger,
};
use crate::domain::period_choice::PeriodChoice;
use crate::domain::process_analysis::FlagReason;
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
        Collection::AlertAcks => Key::CollAlertAcks,
        Collection::Audits => Key::CollAudits,
        Collection::Locations => Key::CollLocations,
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
        ProblemKind::DuplicateStepId(_) => Key::ProblemDuplicateStepId,
        ProblemKind::UnknownStep(_) => Key::ProblemUnknownStep,
        ProblemKind::DuplicateAuditStep(_) => Key::ProblemDuplicateAuditStep,
        ProblemKind::UnknownQuestion(_) => Key::ProblemUnknownQuestion,
        ProblemKind::OutOfScale { .. } => Key::ProblemOutOfScale,
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
        ProblemKind::WrongType(detail) => type_detail(detail, lang),
        ProblemKind::DuplicateId(id)
        | ProblemKind::DuplicateStepId(id)
        | ProblemKind::UnknownStep(id)
        | ProblemKind::DuplicateAuditStep(id)
        | ProblemKind::UnknownQuestion(id) => id.to_string(),
        ProblemKind::OutOfScale { value, min, max } => Key::ProblemScale
            .text(lang)
            .replace("{value}", &value.to_string())
            .replace("{min}", &min.to_string())
            .replace("{max}", &max.to_string()),
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

/// Why a value could not be read; serde's own words only for what has no code.
fn type_detail(d: &TypeDetail, lang: Lang) -> String {
    let key = match d {
        TypeDetail::ExpectedObject => Key::DetailExpectedObject,
        TypeDetail::ExpectedArray => Key::DetailExpectedArray,
        TypeDetail::ExpectedText => Key::DetailExpectedText,
        TypeDetail::ExpectedTime => Key::DetailExpectedTime,
        TypeDetail::ExpectedId => Key::DetailExpectedId,
        TypeDetail::InvalidType => Key::DetailInvalidType,
        TypeDetail::InvalidValue => Key::DetailInvalidValue,
        TypeDetail::UnknownVariant(name) => {
            return Key::DetailUnknownVariant.text(lang).replace("{name}", name)
        }
        TypeDetail::UnknownField(name) => {
            return Key::DetailUnknownField.text(lang).replace("{name}", name)
        }
        TypeDetail::Other(words) => return words.clone(),
    };
    key.text(lang).to_string()
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

pub fn kpi(k: Kpi) -> Key {
    match k {
        Kpi::Csat => Key::KpiCsat,
        Kpi::Nps => Key::KpiNps,
        Kpi::Ces => Key::KpiCes,
        Kpi::ComplaintRate => Key::KpiComplaintRate,
        Kpi::FirstResponseMinutes => Key::KpiFirstResponse,
        Kpi::ResolvedInTime => Key::KpiResolvedInTime,
        Kpi::FirstContactResolution => Key::KpiFcr,
        Kpi::ServqualGap(0) => Key::KpiGapTangibles,
        Kpi::ServqualGap(1) => Key::KpiGapReliability,
        Kpi::ServqualGap(2) => Key::KpiGapResponsiveness,
        Kpi::ServqualGap(3) => Key::KpiGapAssurance,
        Kpi::ServqualGap(_) => Key::KpiGapEmpathy,
        Kpi::Compliance => Key::KpiCompliance,
        Kpi::ComplianceTier(Tier::Basic) => Key::KpiComplianceBasic,
        Kpi::ComplianceTier(Tier::Standard) => Key::KpiComplianceStandard,
        Kpi::ComplianceTier(Tier::Custom) => Key::KpiComplianceCustom,
        Kpi::OnTimeSteps => Key::KpiOnTime,
        Kpi::AuditScore => Key::KpiAudit,
        Kpi::Turnover => Key::KpiTurnover,
        Kpi::TrainingCoverage => Key::KpiTraining,
    }
}

pub fn kpi_formula(k: Kpi) -> Key {
    match k {
        Kpi::Csat => Key::FormulaCsat,
        Kpi::Nps => Key::FormulaNps,
        Kpi::Ces => Key::FormulaCes,
        Kpi::ComplaintRate => Key::FormulaComplaintRate,
        Kpi::FirstResponseMinutes => Key::FormulaFirstResponse,
        Kpi::ResolvedInTime => Key::FormulaResolvedInTime,
        Kpi::FirstContactResolution => Key::FormulaFcr,
        Kpi::ServqualGap(_) => Key::FormulaServqualGap,
        Kpi::Compliance => Key::FormulaCompliance,
        Kpi::ComplianceTier(_) => Key::FormulaComplianceTier,
        Kpi::OnTimeSteps => Key::FormulaOnTime,
        Kpi::AuditScore => Key::FormulaAudit,
        Kpi::Turnover => Key::FormulaTurnover,
        Kpi::TrainingCoverage => Key::FormulaTraining,
    }
}

pub fn tier(t: Tier) -> Key {
    match t {
        Tier::Basic => Key::TierBasic,
        Tier::Standard => Key::TierStandard,
        Tier::Custom => Key::TierCustom,
    }
}

pub fn period_choice(p: PeriodChoice) -> Key {
    match p {
        PeriodChoice::Today => Key::PeriodToday,
        PeriodChoice::ThisWeek => Key::PeriodThisWeek,
        PeriodChoice::LastWeek => Key::PeriodLastWeek,
        PeriodChoice::ThisMonth => Key::PeriodThisMonth,
        PeriodChoice::LastMonth => Key::PeriodLastMonth,
        PeriodChoice::ThisQuarter => Key::PeriodThisQuarter,
        PeriodChoice::ThisYear => Key::PeriodThisYear,
        PeriodChoice::Month { .. } => Key::PeriodFixedMonth,
        PeriodChoice::Custom(_) => Key::PeriodCustom,
    }
}

/// The name an export writes for a column or a code, in the reader's language.
pub fn export_label(l: Label, lang: Lang) -> String {
    let key = match l {
        Label::Column(c) => column(c),
        Label::Kpi(k) => kpi(k),
        Label::Channel(c) => channel(c),
        Label::FeedbackKind(k) => feedback_kind(k),
        Label::Status(s) => status(s),
        Label::RootCause(r) => root_cause(r),
        Label::Evaluator(Evaluator::Manager) => Key::EvalManager,
        Label::Evaluator(Evaluator::SelfReview) => Key::EvalSelf,
        Label::Tier(t) => tier(t),
    };
    key.text(lang).to_string()
}

fn column(c: Col) -> Key {
    match c {
        Col::Id => Key::ColId,
        Col::LocalTime => Key::ColLocalTime,
        Col::UtcOffset => Key::ColUtcOffset,
        Col::Survey => Key::ColSurvey,
        Col::Version => Key::ColVersion,
        Col::Staff => Key::ColStaff,
        Col::Process => Key::ColProcess,
        Col::Step => Key::ColStep,
        Col::VisitCode => Key::ColVisitCode,
        Col::Device => Key::ColDevice,
        Col::Location => Key::ColLocation,
        Col::FollowUp => Key::ColFollowUp,
        Col::Kind => Key::ColKind,
        Col::Channel => Key::ColChannel,
        Col::Status => Key::ColStatus,
        Col::RootCause => Key::ColRootCause,
        Col::Text => Key::ColText,
        Col::FirstResponse => Key::ColFirstResponse,
        Col::Resolved => Key::ColResolved,
        Col::Due => Key::ColDue,
        Col::Run => Key::ColRun,
        Col::Started => Key::ColStarted,
        Col::Done => Key::ColDone,
        Col::Tier => Key::ColTier,
        Col::Option => Key::ColOption,
        Col::Note => Key::ColNote,
        Col::Skipped => Key::ColSkipped,
        Col::Seconds => Key::ColSeconds,
        Col::Limit => Key::ColLimit,
        Col::Period => Key::ColPeriod,
        Col::Evaluator => Key::ColEvaluator,
        Col::Capability => Key::ColCapability,
        Col::Score => Key::ColScore,
        Col::Title => Key::ColTitle,
        Col::Date => Key::ColDate,
        Col::Trainer => Key::ColTrainer,
        Col::Attendees => Key::ColAttendees,
        Col::Capabilities => Key::ColCapabilities,
        Col::Kpi => Key::ColKpi,
        Col::Value => Key::ColValue,
        Col::N => Key::ColN,
        Col::Target => Key::ColTarget,
        Col::Previous => Key::ColPrevious,
        Col::Change => Key::ColChange,
        Col::Best => Key::ColBest,
        Col::Worst => Key::ColWorst,
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

pub fn flag_reason(r: FlagReason) -> Key {
    match r {
        FlagReason::OverrunShare => Key::ReasonOverrunShare,
        FlagReason::LowCompliance => Key::ReasonLowCompliance,
        FlagReason::MeanOverLimit => Key::ReasonMeanOverLimit,
    }
}

pub fn pdca(s: PdcaStage) -> Key {
    match s {
        PdcaStage::Plan => Key::PdcaPlan,
        PdcaStage::Do => Key::PdcaDo,
        PdcaStage::Check => Key::PdcaCheck,
        PdcaStage::Act => Key::PdcaAct,
        PdcaStage::Done => Key::PdcaDone,
        PdcaStage::Abandoned => Key::PdcaAbandoned,
    }
}

pub fn trigger(t: &Trigger) -> Key {
    match t {
        Trigger::Manual => Key::TrigManual,
        Trigger::Feedback { .. } => Key::TrigFeedback,
        Trigger::ParetoCause { .. } => Key::TrigPareto,
        Trigger::StepHealth { .. } => Key::TrigStepHealth,
        Trigger::Alert { .. } => Key::TrigAlert,
        Trigger::AuditFinding { .. } => Key::TrigAudit,
    }
}

pub fn verdict(v: Verdict) -> Key {
    match v {
        Verdict::Improved => Key::VerdictImproved,
        Verdict::Worsened => Key::VerdictWorsened,
        Verdict::NoClearChange => Key::VerdictNoClear,
        Verdict::NotEnoughData => Key::VerdictNotEnough,
        Verdict::NoInterval => Key::VerdictNoInterval,
    }
}

pub fn move_error(e: MoveError) -> Key {
    match e {
        MoveError::Closed => Key::MoveClosed,
        MoveError::SameStage | MoveError::NotAdjacent => Key::MoveNotAdjacent,
        MoveError::ReasonRequired => Key::MoveReason,
        MoveError::NoGoal => Key::MoveNoGoal,
        MoveError::NoTasks => Key::MoveNoTasks,
        MoveError::OpenTasks => Key::MoveOpenTasks,
        MoveError::NoEvidence => Key::MoveNoEvidence,
    }
}

/// An action's title, or "untitled" for one not named yet.
pub fn action_title(title: &str, lang: Lang) -> String {
    if title.trim().is_empty() {
        Key::ImpUntitled.text(lang).to_string()
    } else {
        title.to_string()
    }
}
