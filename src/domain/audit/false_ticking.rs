//! 虚假打勾 False ticking: steps staff ticked done in their checklist runs on the day an
//! auditor saw the same step fail.
//!
//! - An observation is one audit result of a step, passed or failed (not seen says
//!   nothing), of an audit dated in the period.
//! - A tick is a step record of a run of the audit's process that was marked done (not
//!   skipped) on the audit's local day; its staff member is the one who did it, else the
//!   run's.
//! - An observation is covered when that step was ticked that day; a false tick is a
//!   covered observation that failed.
//! - Rate per step = false ticks ÷ covered observations of the step. Rate per staff member
//!   = false ticks ÷ covered observations, over the observations of steps the person ticked
//!   that day (one observation counts once for each person who ticked the step).
//! - As for bottlenecks, below `MIN_N` covered observations a rate is not given.

use super::audits_in;
use crate::domain::kpi::{Filter, Span};
use crate::domain::model::*;
use crate::domain::period::local_date;
use crate::domain::process_analysis::MIN_N;
use crate::domain::Data;
use chrono::{FixedOffset, NaiveDate};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Ticked {
    /// Observations of steps ticked done that day.
    pub covered: usize,
    /// Of those, the ones the auditor failed.
    pub failed: usize,
    /// failed ÷ covered; `None` below `MIN_N` covered observations.
    pub rate: Option<f64>,
}

impl Ticked {
    fn add(&mut self, failed: bool) {
        self.covered += 1;
        self.failed += usize::from(failed);
        self.rate = (self.covered >= MIN_N).then(|| self.failed as f64 / self.covered as f64);
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct FalseTicking {
    /// (process id, step id) → its rate.
    pub steps: BTreeMap<(Id, Id), Ticked>,
    /// Staff id → their rate.
    pub staff: BTreeMap<Id, Ticked>,
}

/// False ticking in a span under a filter (its process; a staff filter keeps that person's
/// ticks). `offset` gives the local day of a tick.
pub fn false_ticking(d: &Data, span: &Span, f: &Filter, offset: FixedOffset) -> FalseTicking {
    let process_of: FxHashMap<Id, Id> = d
        .process_versions
        .iter()
        .map(|v| (v.id, v.process_id))
        .collect();
    // (process, step, local day) → who ticked it.
    let mut ticks: FxHashMap<(Id, Id, NaiveDate), BTreeSet<Option<Id>>> = FxHashMap::default();
    for run in &d.runs {
        let Some(&process) = process_of.get(&run.process_version_id) else {
            continue;
        };
        for rec in run.steps.iter().filter(|r| r.skipped_reason.is_none()) {
            let (Some(done), who) = (rec.done_at, rec.done_by.or(run.staff_id)) else {
                continue;
            };
            if f.staff.is_none_or(|s| who == Some(s)) && f.at(run.location_id) {
                ticks
                    .entry((process, rec.step_id, local_date(done, offset)))
                    .or_default()
                    .insert(who);
            }
        }
    }
    let all_staff = Filter { staff: None, ..*f };
    let mut out = FalseTicking::default();
    for (a, v) in audits_in(d, span, &all_staff) {
        for r in &a.results {
            let failed = match r.result {
                AuditResult::Passed => false,
                AuditResult::Failed => true,
                AuditResult::NotSeen => continue,
            };
            let Some(who) = ticks.get(&(v.process_id, r.step_id, a.date)) else {
                continue;
            };
            out.steps
                .entry((v.process_id, r.step_id))
                .or_default()
                .add(failed);
            for s in who.iter().flatten() {
                out.staff.entry(*s).or_default().add(failed);
            }
        }
    }
    out
}
