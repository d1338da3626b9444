//! 持续改进 The rules of improvement actions: which stage moves are allowed (`stage`), a new
//! action pre-filled from what triggered it (`open`), its effect measured before and after
//! the change (`effect`), the period report's section (`report`), and here what the board and the list need: the KPI an action is
//! about, the process it concerns, whether it is overdue, and the list's filters.

use super::kpi::{Filter, Kpi};
use super::model::*;
use super::Data;
use crate::domain::sort;
use chrono::NaiveDate;

pub mod effect;
pub mod open;
pub mod report;
pub mod stage;

pub use effect::{effect, Comparison, Effect, StepEffect, Verdict, DEFAULT_WINDOW_DAYS};
pub use open::{alert_trigger, condition, open, prefill_root_cause};
pub use stage::{move_to, MoveError};

/// The KPI of a stored code (`Kpi::code`), if it names one.
pub fn kpi_of(code: &str) -> Option<Kpi> {
    Kpi::ALL.into_iter().find(|k| k.code() == code)
}

/// The KPI the action is meant to move: its goal's, else the one its condition measured.
pub fn action_kpi(a: &ImprovementAction) -> Option<Kpi> {
    let code = a
        .goal
        .as_ref()
        .map(|g| &g.kpi)
        .or(a.condition.as_ref().map(|c| &c.kpi))?;
    kpi_of(code)
}

/// The process an action concerns: the one its trigger names (a step-health row, an audit,
/// a complaint's step), else the one whose version it changed.
pub fn action_process(d: &Data, a: &ImprovementAction) -> Option<Id> {
    let of_version = |id: Id| {
        d.process_versions
            .iter()
            .find(|v| v.id == id)
            .map(|v| v.process_id)
    };
    let of_step = |step: Id| {
        d.process_versions
            .iter()
            .find(|v| v.stages.iter().flat_map(|s| &s.steps).any(|s| s.id == step))
            .map(|v| v.process_id)
    };
    let from_trigger = match &a.trigger {
        Trigger::StepHealth { process_id, .. } => Some(*process_id),
        Trigger::AuditFinding { audit_id, .. } => d
            .audits
            .iter()
            .find(|x| x.id == *audit_id)
            .and_then(|x| of_version(x.process_version_id)),
        Trigger::Feedback { feedback_ids } => feedback_ids
            .iter()
            .filter_map(|id| d.feedback.iter().find(|f| f.id == *id)?.step_id)
            .find_map(of_step),
        Trigger::Manual | Trigger::ParetoCause { .. } | Trigger::Alert { .. } => None,
    };
    from_trigger.or_else(|| a.process_version_id.and_then(of_version))
}

/// The KPI filter the action is measured under: its process, if it concerns one. The
/// condition when opened and the effect later are both taken under it.
pub fn scope(d: &Data, a: &ImprovementAction) -> Filter {
    Filter {
        process: action_process(d, a),
        ..Filter::default()
    }
}

/// What makes an open action overdue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Late {
    /// The action's own due date has passed.
    Action,
    /// The goal's by-date has passed.
    Goal,
    /// A countermeasure not done by its due date.
    Task(Id),
}

/// Why an action is overdue on local day `today` (a date passes the day after it); empty
/// when it is not, and always for a done or abandoned action.
pub fn overdue(a: &ImprovementAction, today: NaiveDate) -> Vec<Late> {
    if !a.stage.is_open() {
        return Vec::new();
    }
    let past = |d: Option<NaiveDate>| d.is_some_and(|d| d < today);
    let mut late = Vec::new();
    if past(a.due_on) {
        late.push(Late::Action);
    }
    if past(a.goal.as_ref().map(|g| g.by)) {
        late.push(Late::Goal);
    }
    late.extend(
        a.tasks
            .iter()
            .filter(|t| t.done_at.is_none() && past(t.due_on))
            .map(|t| Late::Task(t.id)),
    );
    late
}

/// The list's filters; `None` and `false` keep everything.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListFilter {
    pub stage: Option<PdcaStage>,
    pub owner: Option<Id>,
    pub process: Option<Id>,
    pub overdue_only: bool,
}

/// The actions the filter keeps: overdue ones first, then by due date (undated last), then
/// oldest first.
pub fn list<'d>(d: &'d Data, f: &ListFilter, today: NaiveDate) -> Vec<&'d ImprovementAction> {
    let mut kept: Vec<(bool, &ImprovementAction)> = d
        .improvement_actions
        .iter()
        .filter(|a| f.stage.is_none_or(|s| a.stage == s))
        .filter(|a| f.owner.is_none_or(|o| a.owner_id == Some(o)))
        .filter(|a| f.process.is_none_or(|p| action_process(d, a) == Some(p)))
        .map(|a| (!overdue(a, today).is_empty(), a))
        .filter(|(late, _)| *late || !f.overdue_only)
        .collect();
    sort::by_key(&mut kept, |(late, a)| {
        (!late, a.due_on.is_none(), a.due_on, a.created_at)
    });
    kept.into_iter().map(|(_, a)| a).collect()
}

/// The actions a new version of `process` can name as the one it carries out: the open
/// ones, those about this process (or about no process yet) first, then the rest, each
/// group oldest first.
pub fn for_version(d: &Data, process: Id) -> Vec<&ImprovementAction> {
    let mut open: Vec<(bool, &ImprovementAction)> = d
        .improvement_actions
        .iter()
        .filter(|a| a.stage.is_open())
        .map(|a| {
            let about = action_process(d, a);
            (about.is_some() && about != Some(process), a)
        })
        .collect();
    sort::by_key(&mut open, |(elsewhere, a)| (*elsewhere, a.created_at));
    open.into_iter().map(|(_, a)| a).collect()
}

/// The action that made `version` the standard, if one names it.
pub fn made_standard_by(d: &Data, version: Id) -> Option<&ImprovementAction> {
    d.improvement_actions
        .iter()
        .find(|a| a.process_version_id == Some(version))
}

#[cfg(test)]
#[path = "improvement/tests.rs"]
mod tests;
