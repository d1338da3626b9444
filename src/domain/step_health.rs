//! 环节健康度 Step health: each SOP step seen from every side at once — how often staff did it to
//! standard and on time (runs), how customers rated the questions linked to it (responses),
//! how many complaints name it (feedback), and what auditors found (audits) — ranked so the
//! worst steps come first, each with the evidence that put it there.

use super::audit::{audit_step_results, StepAudit};
use super::kpi::{self, Facts, Filter, Span, SIXTIETHS};
use super::model::*;
use super::process_analysis::{Share, LOW_COMPLIANCE, MIN_N, OVERRUN_SHARE};
use super::Data;
use crate::domain::sort;
use rustc_hash::FxHashMap;

/// A linked question's mean below this (on 1–5) is a concern.
pub const LOW_SCORE: f64 = 3.5;
/// Fewer linked answers than this say too little about a step.
pub const MIN_ANSWERS: usize = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Concern {
    LowCompliance,
    OftenLate,
    LowScore,
    Complaints,
    /// An auditor (a manager's walk-through or a mystery shopper) failed it.
    AuditFailed,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StepHealth {
    pub process_id: Id,
    pub step_id: Id,
    pub name: LocalText,
    /// Runs in which it was done to standard and on time.
    pub compliance: Share,
    /// Timed runs in which it took longer than its limit.
    pub overrun: Share,
    /// Mean of the linked questions' answers, rescaled to 1–5, and how many there were.
    pub score: Option<f64>,
    pub answers: usize,
    pub complaints: usize,
    /// What audits of the period found at this step.
    pub audit: StepAudit,
    pub concerns: Vec<Concern>,
}

/// Every step of the newest version of each process the filter keeps, worst first: most
/// concerns, then most complaints, then lowest compliance. Shares with too few runs or
/// answers raise no concern. `facts` are `d`'s, read once when the records change.
pub fn step_health(d: &Data, facts: &Facts, span: &Span, f: &Filter) -> Vec<StepHealth> {
    let mut rows: Vec<StepHealth> = Vec::new();
    let mut at: FxHashMap<Id, usize> = FxHashMap::default();
    let newest: FxHashMap<Id, &ProcessVersion> = d
        .process_versions
        .iter()
        .filter(|v| v.status != VersionStatus::Draft)
        .fold(FxHashMap::default(), |mut m, v| {
            let e = m.entry(v.process_id).or_insert(v);
            if v.number > e.number {
                *e = v;
            }
            m
        });
    for p in d
        .processes
        .iter()
        .filter(|p| !p.archived && f.process.is_none_or(|id| id == p.id))
    {
        let Some(v) = newest.get(&p.id) else { continue };
        for s in v.stages.iter().flat_map(|s| &s.steps) {
            at.insert(s.id, rows.len());
            rows.push(StepHealth {
                process_id: p.id,
                step_id: s.id,
                name: s.name.clone(),
                compliance: Share::default(),
                overrun: Share::default(),
                score: None,
                answers: 0,
                complaints: 0,
                audit: StepAudit::default(),
                concerns: Vec::new(),
            });
        }
    }

    for (step, t) in facts.step_totals(span, f) {
        if let Some(&i) = at.get(&step) {
            let h = &mut rows[i];
            h.compliance = t.compliance;
            h.overrun = t.overrun;
            h.answers = t.answers;
            h.score = (t.answers > 0).then(|| t.score as f64 / SIXTIETHS / t.answers as f64);
        }
    }
    for ((_, step), a) in audit_step_results(d, span, f) {
        if let Some(&i) = at.get(&step) {
            rows[i].audit = a;
        }
    }
    for c in kpi::complaints(d, span, f) {
        if let Some(&i) = c.step_id.as_ref().and_then(|s| at.get(s)) {
            rows[i].complaints += 1;
        }
    }

    for h in &mut rows {
        let judged = |s: Share| (s.den >= MIN_N).then(|| s.ratio()).flatten();
        if judged(h.compliance).is_some_and(|r| r < LOW_COMPLIANCE) {
            h.concerns.push(Concern::LowCompliance);
        }
        if judged(h.overrun).is_some_and(|r| r >= OVERRUN_SHARE) {
            h.concerns.push(Concern::OftenLate);
        }
        if h.answers >= MIN_ANSWERS && h.score.is_some_and(|s| s < LOW_SCORE) {
            h.concerns.push(Concern::LowScore);
        }
        if h.complaints > 0 {
            h.concerns.push(Concern::Complaints);
        }
        if h.audit.failed > 0 {
            h.concerns.push(Concern::AuditFailed);
        }
    }
    // Stable: steps with equal evidence keep their order in the process.
    sort::by(&mut rows, |a, b| {
        b.concerns
            .len()
            .cmp(&a.concerns.len())
            .then(b.complaints.cmp(&a.complaints))
            .then(
                a.compliance
                    .ratio()
                    .unwrap_or(1.0)
                    .total_cmp(&b.compliance.ratio().unwrap_or(1.0)),
            )
    });
    rows
}

#[cfg(test)]
#[path = "step_health/tests.rs"]
mod tests;
