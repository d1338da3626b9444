//! 持续改进 The improvement action, an A3 / PDCA card: what triggered it, the condition it
//! started from, the goal, the root cause, the countermeasures and every stage move. The
//! rules that change it are in `domain::improvement`.

use super::{Id, RootCause, Time};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PdcaStage {
    Plan,
    Do,
    Check,
    Act,
    Done,
    /// Given up, with a reason (the note of the move that abandoned it).
    Abandoned,
}

impl PdcaStage {
    /// The stages of the cycle, in order (`Abandoned` is off the cycle).
    pub const CYCLE: [PdcaStage; 5] = [
        PdcaStage::Plan,
        PdcaStage::Do,
        PdcaStage::Check,
        PdcaStage::Act,
        PdcaStage::Done,
    ];

    /// Still being worked on: neither done nor abandoned.
    pub fn is_open(self) -> bool {
        !matches!(self, PdcaStage::Done | PdcaStage::Abandoned)
    }
}

/// What caused the action, linked to the record or figure it came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Trigger {
    /// Written down by hand, from nothing the app recorded.
    #[default]
    Manual,
    Feedback {
        feedback_ids: Vec<Id>,
    },
    /// A bar of the complaints' Pareto chart; `None` is the "not analysed yet" bar.
    ParetoCause {
        cause: Option<RootCause>,
    },
    StepHealth {
        process_id: Id,
        step_id: Id,
    },
    /// A dashboard alert: its key (as acknowledgements name it), the KPI's code and the
    /// first local day of the period (or the day) it was raised for.
    Alert {
        key: String,
        kpi: String,
        #[serde(with = "crate::domain::rfc3339")]
        on: NaiveDate,
    },
    AuditFinding {
        audit_id: Id,
        step_id: Id,
    },
}

/// A KPI as it stood when the action was opened, over the local days `from..=to`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Condition {
    /// `Kpi::code`.
    pub kpi: String,
    pub value: Option<f64>,
    pub n: usize,
    #[serde(with = "crate::domain::rfc3339")]
    pub from: NaiveDate,
    #[serde(with = "crate::domain::rfc3339")]
    pub to: NaiveDate,
    #[serde(with = "crate::domain::rfc3339")]
    pub taken_at: Time,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    /// `Kpi::code`.
    pub kpi: String,
    pub target: f64,
    #[serde(with = "crate::domain::rfc3339")]
    pub by: NaiveDate,
}

/// One countermeasure. `staff_id` when a member of staff does it, else `who` names them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub id: Id,
    pub what: String,
    pub staff_id: Option<Id>,
    #[serde(default)]
    pub who: String,
    #[serde(default, with = "crate::domain::rfc3339::option")]
    pub due_on: Option<NaiveDate>,
    #[serde(default, with = "crate::domain::rfc3339::option")]
    pub done_at: Option<Time>,
}

/// A stage move: when, and the reason (required when abandoning).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageMove {
    pub from: PdcaStage,
    pub to: PdcaStage,
    #[serde(with = "crate::domain::rfc3339")]
    pub at: Time,
    #[serde(default)]
    pub note: String,
}

/// A KPI's figures typed by hand into actions of files before schema 4, kept as written;
/// newer actions measure their effect from the records instead.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotedFigures {
    pub kpi: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImprovementAction {
    pub id: Id,
    #[serde(with = "crate::domain::rfc3339")]
    pub created_at: Time,
    #[serde(with = "crate::domain::rfc3339")]
    pub updated_at: Time,
    pub title: String,
    #[serde(default)]
    pub trigger: Trigger,
    pub condition: Option<Condition>,
    pub goal: Option<Goal>,
    pub root_cause: Option<RootCause>,
    #[serde(default)]
    pub whys: Vec<String>,
    /// What was found, in the owner's words.
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub tasks: Vec<Task>,
    pub owner_id: Option<Id>,
    #[serde(default, with = "crate::domain::rfc3339::option")]
    pub due_on: Option<NaiveDate>,
    pub stage: PdcaStage,
    /// Every stage move, oldest first.
    #[serde(default)]
    pub moves: Vec<StageMove>,
    /// The SOP version the action made the standard.
    pub process_version_id: Option<Id>,
    /// The training that taught the change.
    pub training_id: Option<Id>,
    #[serde(default)]
    pub noted: Option<NotedFigures>,
}
