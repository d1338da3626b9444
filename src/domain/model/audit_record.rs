//! 巡检 / 神秘顾客 A service audit: a walk through one published process version, each step
//! passed, failed or not seen. The rules are in `domain::audit`.

use super::{Id, Time};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditKind {
    /// 巡检: a manager, seen by the staff.
    Visible,
    /// 神秘顾客: a mystery shopper.
    Anonymous,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditResult {
    Passed,
    Failed,
    /// The auditor had no chance to see it; left out of the score.
    NotSeen,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StepResult {
    pub step_id: Id,
    pub result: AuditResult,
    #[serde(default)]
    pub note: String,
}

/// 复查: the failed steps are checked again by `due_on`; closed by the audit that did it
/// (`audit_id`) or marked done without one (`done_at`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recheck {
    #[serde(with = "crate::domain::rfc3339")]
    pub due_on: NaiveDate,
    pub audit_id: Option<Id>,
    #[serde(default, with = "crate::domain::rfc3339::option")]
    pub done_at: Option<Time>,
}

impl Recheck {
    pub fn is_done(&self) -> bool {
        self.audit_id.is_some() || self.done_at.is_some()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Audit {
    pub id: Id,
    #[serde(with = "crate::domain::rfc3339")]
    pub created_at: Time,
    #[serde(with = "crate::domain::rfc3339")]
    pub updated_at: Time,
    pub process_version_id: Id,
    pub auditor: String,
    pub kind: AuditKind,
    /// The local day of the walk.
    #[serde(with = "crate::domain::rfc3339")]
    pub date: NaiveDate,
    pub results: Vec<StepResult>,
    pub recheck: Option<Recheck>,
    /// The location (门店) of the device that recorded it; none on a single shop's records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_id: Option<Id>,
}

/// Audit settings of the workspace. Files from before audits existed take the default.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditSettings {
    /// Days from a failed audit to its re-check (`RECHECK_DAYS`).
    pub recheck_days: u32,
}

/// The re-check comes 7–15 days after the audit (复查 in the source articles), 10 unless set.
pub const RECHECK_DAYS: std::ops::RangeInclusive<u32> = 7..=15;
pub const DEFAULT_RECHECK_DAYS: u32 = 10;

impl Default for AuditSettings {
    fn default() -> Self {
        AuditSettings {
            recheck_days: DEFAULT_RECHECK_DAYS,
        }
    }
}
