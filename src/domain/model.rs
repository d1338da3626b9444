//! The records of the whole product. Every record has a UUID made on the device and
//! `created_at` / `updated_at` in UTC; nothing is identified by its position in a list.
//! Versions (process, survey) nest their stages / questions: a published version is
//! immutable, so its parts never change on their own.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

pub type Id = Uuid;
pub type Time = DateTime<Utc>;

/// Text in both languages; either may be empty when the business wrote only one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LocalText {
    #[serde(default)]
    pub zh: String,
    #[serde(default)]
    pub en: String,
}

impl LocalText {
    pub fn new(zh: &str, en: &str) -> Self {
        LocalText {
            zh: zh.into(),
            en: en.into(),
        }
    }
}

/// The workspace's KPI targets. Files from before a target existed take its default.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Targets {
    /// CSAT % (0–100).
    pub csat: f64,
    /// NPS (−100–100).
    pub nps: f64,
    /// Process compliance % (0–100).
    pub compliance: f64,
    /// Complaints resolved by their due time, % (0–100).
    pub resolution: f64,
    /// CES, mean on 1–7.
    pub ces: f64,
    /// Complaints per 1,000 responses, at most.
    pub complaint_rate: f64,
    /// Median minutes to a complaint's first handling, at most.
    pub first_response_min: f64,
    /// Steps done within their time limit, %.
    pub on_time: f64,
    /// Staff turnover in the period, % at most.
    pub turnover: f64,
    /// Staff with a training in the period, %.
    pub training_coverage: f64,
    /// Complaints resolved at the first attempt (never reopened), %.
    pub first_contact_resolution: f64,
    /// Audited steps passed, %.
    pub audit_score: f64,
}

impl Default for Targets {
    fn default() -> Self {
        Targets {
            csat: 90.0,
            nps: 30.0,
            compliance: 95.0,
            resolution: 90.0,
            ces: 5.5,
            complaint_rate: 20.0,
            first_response_min: 30.0,
            on_time: 90.0,
            turnover: 5.0,
            training_coverage: 50.0,
            first_contact_resolution: 80.0,
            audit_score: 90.0,
        }
    }
}

/// The workspace is one record shared by every device of the business, so its id is fixed:
/// the files of several tablets then merge into one workspace instead of several.
pub const WORKSPACE_ID: Id = Uuid::from_u128(0x5e41cef1_0000_4000_8000_000000000001);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    pub id: Id,
    #[serde(with = "crate::domain::rfc3339")]
    pub created_at: Time,
    #[serde(with = "crate::domain::rfc3339")]
    pub updated_at: Time,
    pub business_name: String,
    #[serde(default)]
    pub industry: String,
    #[serde(default)]
    pub targets: Targets,
    #[serde(default)]
    pub alerts: AlertRules,
    #[serde(default)]
    pub audits: AuditSettings,
}

/// When the dashboard raises an alert; `None` turns a rule off. Files from before alerts
/// existed take the defaults.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AlertRules {
    /// CSAT % of the period below this.
    pub csat_below: Option<f64>,
    /// NPS of the period below this.
    pub nps_below: Option<f64>,
    /// More than this many complaints on one local day.
    pub complaints_per_day: Option<u32>,
    /// A step's linked survey questions scoring below this, on 1–5.
    pub step_score_below: Option<f64>,
}

impl Default for AlertRules {
    fn default() -> Self {
        AlertRules {
            csat_below: Some(80.0),
            nps_below: Some(0.0),
            complaints_per_day: Some(3),
            step_score_below: Some(3.5),
        }
    }
}

/// An alert the manager has seen: who, when (`created_at`) and what they noted. `key` names
/// the alert (its rule and the period, day or step it is about), so the same alert stays
/// acknowledged on every device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlertAck {
    pub id: Id,
    #[serde(with = "crate::domain::rfc3339")]
    pub created_at: Time,
    #[serde(with = "crate::domain::rfc3339")]
    pub updated_at: Time,
    pub key: String,
    pub by: String,
    #[serde(default)]
    pub note: String,
}

impl Workspace {
    /// The workspace after `change`, stamped as edited at `now`; a device with none yet
    /// starts from a blank one.
    pub fn edited(
        current: Option<&Workspace>,
        now: Time,
        change: impl FnOnce(&mut Workspace),
    ) -> Workspace {
        let mut w = match current {
            Some(w) => Workspace {
                updated_at: super::edit::edited_at(w.updated_at, now),
                ..w.clone()
            },
            None => Workspace::blank(now),
        };
        change(&mut w);
        w
    }

    /// The workspace of a device that has none yet: default targets, no name.
    pub fn blank(now: Time) -> Workspace {
        Workspace {
            id: WORKSPACE_ID,
            created_at: now,
            updated_at: now,
            business_name: String::new(),
            industry: String::new(),
            targets: Targets::default(),
            alerts: AlertRules::default(),
            audits: AuditSettings::default(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Role {
    pub id: Id,
    #[serde(with = "crate::domain::rfc3339")]
    pub created_at: Time,
    #[serde(with = "crate::domain::rfc3339")]
    pub updated_at: Time,
    pub name: LocalText,
}

/// One shop of a chain (门店). Each device is set to one (a device setting, not a record);
/// what it records carries the location's id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub id: Id,
    #[serde(with = "crate::domain::rfc3339")]
    pub created_at: Time,
    #[serde(with = "crate::domain::rfc3339")]
    pub updated_at: Time,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Staff {
    pub id: Id,
    #[serde(with = "crate::domain::rfc3339")]
    pub created_at: Time,
    #[serde(with = "crate::domain::rfc3339")]
    pub updated_at: Time,
    pub name: String,
    pub role_id: Option<Id>,
    #[serde(default, with = "crate::domain::rfc3339::option")]
    pub joined_on: Option<NaiveDate>,
    #[serde(default, with = "crate::domain::rfc3339::option")]
    pub left_on: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceProcess {
    pub id: Id,
    #[serde(with = "crate::domain::rfc3339")]
    pub created_at: Time,
    #[serde(with = "crate::domain::rfc3339")]
    pub updated_at: Time,
    pub name: LocalText,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub archived: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VersionStatus {
    Draft,
    Published,
    Retired,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageKind {
    /// 服务前准备
    Pre,
    /// 服务中互动
    In,
    /// 服务后跟进
    Post,
}

/// 三层级服务标准.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// 基础环节: done exactly as written.
    Basic,
    /// 中间环节: one of the listed options.
    Standard,
    /// 高端环节: free, a note is required when run.
    Custom,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub id: Id,
    pub name: LocalText,
    pub role_id: Option<Id>,
    pub standard: LocalText,
    /// Time limit in seconds.
    pub time_limit_s: u32,
    pub tier: Tier,
    #[serde(default)]
    pub options: Vec<LocalText>,
    #[serde(default)]
    pub inputs: Vec<String>,
    #[serde(default)]
    pub outputs: Vec<String>,
    #[serde(default = "yes")]
    pub value_adding: bool,
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    pub kind: StageKind,
    pub steps: Vec<Step>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProcessVersion {
    pub id: Id,
    #[serde(with = "crate::domain::rfc3339")]
    pub created_at: Time,
    #[serde(with = "crate::domain::rfc3339")]
    pub updated_at: Time,
    pub process_id: Id,
    pub number: u32,
    pub status: VersionStatus,
    #[serde(default)]
    pub change_note: String,
    #[serde(default, with = "crate::domain::rfc3339::option")]
    pub published_at: Option<Time>,
    pub stages: Vec<Stage>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StepRecord {
    pub step_id: Id,
    #[serde(default, with = "crate::domain::rfc3339::option")]
    pub started_at: Option<Time>,
    #[serde(default, with = "crate::domain::rfc3339::option")]
    pub done_at: Option<Time>,
    pub done_by: Option<Id>,
    /// Index into the step's options (standard tier).
    pub option: Option<u32>,
    #[serde(default)]
    pub note: String,
    pub skipped_reason: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProcessRun {
    pub id: Id,
    #[serde(with = "crate::domain::rfc3339")]
    pub created_at: Time,
    #[serde(with = "crate::domain::rfc3339")]
    pub updated_at: Time,
    pub process_version_id: Id,
    pub staff_id: Option<Id>,
    #[serde(default)]
    pub visit_code: String,
    #[serde(with = "crate::domain::rfc3339")]
    pub started_at: Time,
    #[serde(default, with = "crate::domain::rfc3339::option")]
    pub finished_at: Option<Time>,
    pub steps: Vec<StepRecord>,
    /// The location (门店) of the device that recorded it; none on a single shop's records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_id: Option<Id>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SurveyKind {
    /// 即时: answered at the visit.
    Instant,
    /// 回访: answered days later.
    FollowUp,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Survey {
    pub id: Id,
    #[serde(with = "crate::domain::rfc3339")]
    pub created_at: Time,
    #[serde(with = "crate::domain::rfc3339")]
    pub updated_at: Time,
    pub name: LocalText,
    pub kind: SurveyKind,
    #[serde(default)]
    pub archived: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    Stars,
    Smiley,
    Nps,
    Likert,
    SingleChoice,
    MultipleChoice,
    Text,
}

impl QuestionKind {
    /// The range of a scored answer; `None` for choices and text.
    pub fn scale(self) -> Option<(u8, u8)> {
        match self {
            QuestionKind::Stars => Some((1, 5)),
            QuestionKind::Smiley => Some((1, 4)),
            QuestionKind::Nps => Some((0, 10)),
            QuestionKind::Likert => Some((1, 7)),
            _ => None,
        }
    }
}

/// SERVQUAL's five dimensions, or one the business names.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Tangibles,
    Reliability,
    Responsiveness,
    Assurance,
    Empathy,
    Custom(String),
}

impl Dimension {
    /// SERVQUAL's five, in the order the scale lists them.
    pub const SERVQUAL: [Dimension; 5] = [
        Dimension::Tangibles,
        Dimension::Reliability,
        Dimension::Responsiveness,
        Dimension::Assurance,
        Dimension::Empathy,
    ];
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: Id,
    pub kind: QuestionKind,
    pub text: LocalText,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub options: Vec<LocalText>,
    pub dimension: Option<Dimension>,
    #[serde(default)]
    pub step_ids: Vec<Id>,
    /// Asked when the score is at or below `follow_up_at_or_below`.
    pub follow_up: Option<LocalText>,
    pub follow_up_at_or_below: Option<u8>,
    /// Set on the items of the 22-item SERVQUAL scale, so gaps (perception − expectation)
    /// can be paired by item.
    #[serde(default)]
    pub servqual: Option<ServqualPart>,
}

/// Which half of a SERVQUAL item a question is; `item` is 1–22 (Parasuraman, Zeithaml &
/// Berry 1988).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServqualPart {
    Expectation { item: u8 },
    Perception { item: u8 },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyVersion {
    pub id: Id,
    #[serde(with = "crate::domain::rfc3339")]
    pub created_at: Time,
    #[serde(with = "crate::domain::rfc3339")]
    pub updated_at: Time,
    pub survey_id: Id,
    pub number: u32,
    pub status: VersionStatus,
    pub questions: Vec<Question>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum Answer {
    Score(u8),
    Choice(u32),
    Choices(Vec<u32>),
    Text(String),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Response {
    pub id: Id,
    #[serde(with = "crate::domain::rfc3339")]
    pub created_at: Time,
    #[serde(with = "crate::domain::rfc3339")]
    pub updated_at: Time,
    pub survey_version_id: Id,
    #[serde(with = "crate::domain::rfc3339")]
    pub submitted_at: Time,
    #[serde(default)]
    pub device_id: String,
    pub staff_id: Option<Id>,
    pub process_id: Option<Id>,
    #[serde(default)]
    pub visit_code: String,
    /// Question id → answer. A BTreeMap so the file is stable and diffs are small.
    pub answers: BTreeMap<Id, Answer>,
    /// Question id → the text answered to the low-score follow-up.
    #[serde(default)]
    pub follow_ups: BTreeMap<Id, String>,
    /// The location (门店) of the device that recorded it; none on a single shop's records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_id: Option<Id>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackKind {
    Complaint,
    Suggestion,
    Praise,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    InPerson,
    Phone,
    Kiosk,
    Online,
    Other,
}

impl Channel {
    pub const ALL: [Channel; 5] = [
        Channel::InPerson,
        Channel::Phone,
        Channel::Kiosk,
        Channel::Online,
        Channel::Other,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RootCause {
    People,
    Process,
    Equipment,
    Materials,
    Environment,
    Measurement,
}

impl RootCause {
    /// The six categories (人机料法环测), in the fishbone's order.
    pub const ALL: [RootCause; 6] = [
        RootCause::People,
        RootCause::Process,
        RootCause::Equipment,
        RootCause::Materials,
        RootCause::Environment,
        RootCause::Measurement,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackStatus {
    Open,
    InProgress,
    Resolved,
    Closed,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Feedback {
    pub id: Id,
    #[serde(with = "crate::domain::rfc3339")]
    pub created_at: Time,
    #[serde(with = "crate::domain::rfc3339")]
    pub updated_at: Time,
    pub kind: FeedbackKind,
    pub channel: Channel,
    pub text: String,
    pub staff_id: Option<Id>,
    pub step_id: Option<Id>,
    pub response_id: Option<Id>,
    pub owner_id: Option<Id>,
    pub root_cause: Option<RootCause>,
    #[serde(default)]
    pub whys: Vec<String>,
    pub status: FeedbackStatus,
    #[serde(default, with = "crate::domain::rfc3339::option")]
    pub first_response_at: Option<Time>,
    #[serde(default, with = "crate::domain::rfc3339::option")]
    pub resolved_at: Option<Time>,
    #[serde(default, with = "crate::domain::rfc3339::option")]
    pub due_at: Option<Time>,
    /// What was done for the customer, set when the item is resolved.
    #[serde(default)]
    pub resolution: Option<Resolution>,
    /// Every status move, oldest first: who moved it, when, and why when reopened.
    #[serde(default)]
    pub history: Vec<FeedbackEvent>,
    /// The location (门店) of the device that recorded it; none on a single shop's records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_id: Option<Id>,
}

/// Service recovery as it was done: what fixed it, what the customer was given, and who
/// called the customer back, when.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Resolution {
    pub note: String,
    #[serde(default)]
    pub compensation: String,
    pub called_back_by: Option<Id>,
    #[serde(default, with = "crate::domain::rfc3339::option")]
    pub called_back_at: Option<Time>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeedbackEvent {
    #[serde(with = "crate::domain::rfc3339")]
    pub at: Time,
    /// The staff member who made the move, when the person handling it said who they are.
    pub by: Option<Id>,
    pub to: FeedbackStatus,
    /// The reason given when the item was reopened, or the resolution note; else empty.
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Capability {
    pub id: Id,
    #[serde(with = "crate::domain::rfc3339")]
    pub created_at: Time,
    #[serde(with = "crate::domain::rfc3339")]
    pub updated_at: Time,
    pub name: LocalText,
    #[serde(default)]
    pub description: LocalText,
    /// What a 1, 2, 3, 4 and 5 look like.
    #[serde(default)]
    pub guide: Vec<LocalText>,
    pub target: f64,
    /// Survey dimensions whose answers speak about this capability.
    #[serde(default)]
    pub dimensions: Vec<Dimension>,
    #[serde(default)]
    pub archived: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evaluator {
    Manager,
    SelfReview,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub id: Id,
    #[serde(with = "crate::domain::rfc3339")]
    pub created_at: Time,
    #[serde(with = "crate::domain::rfc3339")]
    pub updated_at: Time,
    pub staff_id: Id,
    /// The period's first day (e.g. 2026-10-01 for October).
    #[serde(with = "crate::domain::rfc3339")]
    pub period: NaiveDate,
    pub evaluator: Evaluator,
    pub scores: BTreeMap<Id, u8>,
    #[serde(default)]
    pub note: String,
    /// The location (门店) of the device that recorded it; none on a single shop's records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_id: Option<Id>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Training {
    pub id: Id,
    #[serde(with = "crate::domain::rfc3339")]
    pub created_at: Time,
    #[serde(with = "crate::domain::rfc3339")]
    pub updated_at: Time,
    pub title: String,
    #[serde(with = "crate::domain::rfc3339")]
    pub date: NaiveDate,
    pub capability_ids: Vec<Id>,
    pub attendee_ids: Vec<Id>,
    #[serde(default)]
    pub trainer: String,
}

mod audit_record;
mod improvement_action;
pub use audit_record::*;
pub use improvement_action::*;
