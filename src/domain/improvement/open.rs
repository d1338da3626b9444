//! "Start an improvement" from a finding: a new Plan-stage action linked to its trigger,
//! with the KPI's current condition measured, the root cause taken from the linked
//! complaints (or the Pareto bar) and an audit finding's note as the notes. The title, goal
//! and countermeasures are the owner's to write.

use crate::domain::alerts::{Alert, AlertKind};
use crate::domain::kpi::{self, Filter, Kpi, Span};
use crate::domain::model::*;
use crate::domain::period::Period;
use crate::domain::Data;
use chrono::FixedOffset;
use std::collections::BTreeMap;

/// Five whys: a chain longer than this is cut.
pub const WHYS: usize = 5;

/// `kpi` over the local days of `period` under `f`, as it stands at `now`, from the KPI core.
pub fn condition(
    d: &Data,
    kpi: Kpi,
    period: Period,
    f: &Filter,
    offset: FixedOffset,
    now: Time,
) -> Condition {
    let span = Span {
        instants: period.bounds(offset),
        days: (period.from, period.to),
    };
    let v = kpi::figures(d, &span, f, now).get(&kpi).copied();
    Condition {
        kpi: kpi.code().to_string(),
        value: v.and_then(|v| v.value),
        n: v.map_or(0, |v| v.n),
        from: period.from,
        to: period.to,
        taken_at: now,
    }
}

/// The KPI a trigger is about: complaints for feedback and Pareto causes, compliance for a
/// step (its row in step health, or a step an auditor failed), the alert's own.
pub fn trigger_kpi(t: &Trigger) -> Option<Kpi> {
    match t {
        Trigger::Feedback { .. } | Trigger::ParetoCause { .. } => Some(Kpi::ComplaintRate),
        Trigger::StepHealth { .. } | Trigger::AuditFinding { .. } => Some(Kpi::Compliance),
        Trigger::Alert { kpi, .. } => super::kpi_of(kpi),
        Trigger::Manual => None,
    }
}

/// What an alert raised over `period` starts: a step's alert the step itself (its health
/// and its step-level effect), the others the alert, with the first day it was raised for.
pub fn alert_trigger(a: &Alert, period: Period) -> Trigger {
    let (kpi, on) = match &a.kind {
        AlertKind::LowStep {
            step_id,
            process_id,
            ..
        } => {
            return Trigger::StepHealth {
                process_id: *process_id,
                step_id: *step_id,
            }
        }
        AlertKind::LowCsat => (Kpi::Csat, period.from),
        AlertKind::LowNps => (Kpi::Nps, period.from),
        AlertKind::ComplaintDay(day) => (Kpi::ComplaintRate, *day),
    };
    Trigger::Alert {
        key: a.key.clone(),
        kpi: kpi.code().to_string(),
        on,
    }
}

/// The root cause most of the linked items name (ties to the first in `RootCause` order),
/// and the longest five-whys chain among them of that cause (ties to the newest item).
pub fn prefill_root_cause(d: &Data, feedback_ids: &[Id]) -> (Option<RootCause>, Vec<String>) {
    let items: Vec<&Feedback> = d
        .feedback
        .iter()
        .filter(|f| feedback_ids.contains(&f.id))
        .collect();
    let mut counts: BTreeMap<RootCause, usize> = BTreeMap::new();
    for c in items.iter().filter_map(|f| f.root_cause) {
        *counts.entry(c).or_default() += 1;
    }
    let cause = counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(c, _)| *c);
    let whys = items
        .iter()
        .filter(|f| cause.is_none() || f.root_cause == cause)
        .max_by_key(|f| {
            (
                f.whys.iter().filter(|w| !w.trim().is_empty()).count(),
                f.created_at,
            )
        })
        .map(|f| {
            f.whys
                .iter()
                .filter(|w| !w.trim().is_empty())
                .take(WHYS)
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    (cause, whys)
}

/// What the auditor noted on the step they failed: the finding in their words.
fn auditor_note(d: &Data, audit: Id, step: Id) -> String {
    d.audits
        .iter()
        .find(|a| a.id == audit)
        .and_then(|a| a.results.iter().find(|r| r.step_id == step))
        .map(|r| r.note.clone())
        .unwrap_or_default()
}

/// A new action in Plan, opened from `trigger` at `now`, its condition measured over
/// `period` (the period the finding was seen in) under the action's scope.
pub fn open(
    d: &Data,
    trigger: Trigger,
    period: Period,
    offset: FixedOffset,
    id: Id,
    now: Time,
) -> ImprovementAction {
    let (root_cause, whys) = match &trigger {
        Trigger::Feedback { feedback_ids } => prefill_root_cause(d, feedback_ids),
        Trigger::ParetoCause { cause } => (*cause, Vec::new()),
        _ => (None, Vec::new()),
    };
    let notes = match &trigger {
        Trigger::AuditFinding { audit_id, step_id } => auditor_note(d, *audit_id, *step_id),
        _ => String::new(),
    };
    let mut a = ImprovementAction {
        id,
        created_at: now,
        updated_at: now,
        title: String::new(),
        trigger,
        condition: None,
        goal: None,
        root_cause,
        whys,
        notes,
        tasks: Vec::new(),
        owner_id: None,
        due_on: None,
        stage: PdcaStage::Plan,
        moves: Vec::new(),
        process_version_id: None,
        training_id: None,
        noted: None,
    };
    a.condition =
        trigger_kpi(&a.trigger).map(|k| condition(d, k, period, &super::scope(d, &a), offset, now));
    a
}
