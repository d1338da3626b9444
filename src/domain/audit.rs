//! 巡检 / 神秘顾客 Service audits: the score of a walk (passed ÷ seen, overall, per stage and
//! per tier), the re-check failed steps lead to, the audit score of a period, each step's
//! audit results for step health, false ticking (`false_ticking`) and recording a walk
//! (`walk`).

use super::kpi::{Filter, Span, Value};
use super::model::*;
use super::process_analysis::Share;
use super::Data;
use chrono::{Duration, NaiveDate};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

mod false_ticking;
mod walk;
pub use false_ticking::{false_ticking, FalseTicking, Ticked};
pub use walk::{record, settled_by, Walk, WalkError};

#[derive(Clone, Debug, PartialEq)]
pub struct AuditScore {
    /// Steps passed of steps seen (not seen ones are left out: an auditor who could not
    /// watch a step says nothing about it).
    pub overall: Share,
    /// Pre, in, post; a stage with no step seen has den 0.
    pub stages: [(StageKind, Share); 3],
    /// Basic, standard, custom.
    pub tiers: [(Tier, Share); 3],
}

/// How the steps of `version` fared in `audit`; results naming other steps are ignored
/// (an import refuses them).
pub fn score(audit: &Audit, version: &ProcessVersion) -> AuditScore {
    let mut s = AuditScore {
        overall: Share::default(),
        stages: [StageKind::Pre, StageKind::In, StageKind::Post].map(|k| (k, Share::default())),
        tiers: [Tier::Basic, Tier::Standard, Tier::Custom].map(|t| (t, Share::default())),
    };
    let results: FxHashMap<Id, AuditResult> = audit
        .results
        .iter()
        .map(|r| (r.step_id, r.result))
        .collect();
    for stage in &version.stages {
        for step in &stage.steps {
            let passed = match results.get(&step.id) {
                Some(AuditResult::Passed) => true,
                Some(AuditResult::Failed) => false,
                Some(AuditResult::NotSeen) | None => continue,
            };
            s.overall.add(passed);
            s.stages[stage.kind as usize].1.add(passed);
            s.tiers[step.tier as usize].1.add(passed);
        }
    }
    s
}

/// The steps the auditor failed.
pub fn failed_steps(audit: &Audit) -> impl Iterator<Item = Id> + '_ {
    audit
        .results
        .iter()
        .filter(|r| r.result == AuditResult::Failed)
        .map(|r| r.step_id)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecheckError {
    /// Only failed steps are checked again.
    NothingFailed,
    /// Outside `RECHECK_DAYS`.
    DaysOutOfRange,
    /// The audit has no re-check to close.
    NoRecheck,
    /// The re-check is closed already.
    AlreadyDone,
}

/// The workspace's days to a re-check, or the default before any was set.
pub fn recheck_days(d: &Data) -> u32 {
    d.workspace()
        .map_or(DEFAULT_RECHECK_DAYS, |w| w.audits.recheck_days)
}

/// The audit with a re-check of its failed steps due `days` after it, stamped at `now`.
pub fn with_recheck(audit: &Audit, days: u32, now: Time) -> Result<Audit, RecheckError> {
    if failed_steps(audit).next().is_none() {
        return Err(RecheckError::NothingFailed);
    }
    if !RECHECK_DAYS.contains(&days) {
        return Err(RecheckError::DaysOutOfRange);
    }
    Ok(Audit {
        recheck: Some(Recheck {
            due_on: audit.date + Duration::days(days.into()),
            audit_id: None,
            done_at: None,
        }),
        updated_at: super::edit::edited_at(audit.updated_at, now),
        ..audit.clone()
    })
}

/// The audit with its re-check closed at `now`: by the audit that re-checked the failed
/// steps (`by`), or by hand without one.
pub fn close_recheck(audit: &Audit, by: Option<Id>, now: Time) -> Result<Audit, RecheckError> {
    let r = audit.recheck.as_ref().ok_or(RecheckError::NoRecheck)?;
    if r.is_done() {
        return Err(RecheckError::AlreadyDone);
    }
    let at = super::edit::edited_at(audit.updated_at, now);
    Ok(Audit {
        recheck: Some(Recheck {
            audit_id: by,
            done_at: Some(at),
            ..r.clone()
        }),
        updated_at: at,
        ..audit.clone()
    })
}

/// The settings with a new re-check interval, if it lies in `RECHECK_DAYS`.
pub fn recheck_setting(days: u32) -> Result<AuditSettings, RecheckError> {
    RECHECK_DAYS
        .contains(&days)
        .then_some(AuditSettings { recheck_days: days })
        .ok_or(RecheckError::DaysOutOfRange)
}

/// Where an audit's re-check stands on local day `today`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecheckState {
    /// Nothing failed, or no re-check was asked for.
    None,
    Due(NaiveDate),
    /// Its due day has passed.
    Overdue(NaiveDate),
    /// Closed: by the audit that re-checked it, or by hand.
    Done(Option<Id>),
}

pub fn recheck_state(a: &Audit, today: NaiveDate) -> RecheckState {
    match &a.recheck {
        None => RecheckState::None,
        Some(r) if r.is_done() => RecheckState::Done(r.audit_id),
        Some(r) if r.due_on < today => RecheckState::Overdue(r.due_on),
        Some(r) => RecheckState::Due(r.due_on),
    }
}

/// The same from what was typed: a whole number of days.
pub fn recheck_setting_typed(text: &str) -> Result<AuditSettings, RecheckError> {
    text.trim()
        .parse()
        .map_err(|_| RecheckError::DaysOutOfRange)
        .and_then(recheck_setting)
}

/// Re-checks not done whose due day is before `today`.
pub fn rechecks_overdue(d: &Data, today: NaiveDate) -> Vec<&Audit> {
    d.audits
        .iter()
        .filter(|a| {
            a.recheck
                .as_ref()
                .is_some_and(|r| !r.is_done() && r.due_on < today)
        })
        .collect()
}

/// The audits of a span's local days under a filter (its process; audits have no staff, so
/// a staff filter keeps none, and they are no channel, so that filter is ignored), with
/// their version.
pub fn audits_in<'d>(
    d: &'d Data,
    span: &'d Span,
    f: &'d Filter,
) -> impl Iterator<Item = (&'d Audit, &'d ProcessVersion)> + 'd {
    let versions: FxHashMap<Id, &ProcessVersion> =
        d.process_versions.iter().map(|v| (v.id, v)).collect();
    let (from, to) = span.days;
    d.audits.iter().filter_map(move |a| {
        let v = versions.get(&a.process_version_id)?;
        let keep = (from..=to).contains(&a.date)
            && f.staff.is_none()
            && f.at(a.location_id)
            && f.process.is_none_or(|p| p == v.process_id);
        keep.then_some((a, *v))
    })
}

/// The audit score of a period, %: steps passed ÷ steps seen, pooled over its audits, so a
/// walk through a long process weighs more than a glance at a short one (a mean of audit
/// scores would let a two-step audit count as much as a twenty-step one). n is steps seen.
pub fn score_in(d: &Data, span: &Span, f: &Filter) -> Value {
    let mut pooled = Share::default();
    for (a, v) in audits_in(d, span, f) {
        pooled += score(a, v).overall;
    }
    Value {
        value: pooled.ratio().map(|r| 100.0 * r),
        n: pooled.den,
    }
}

/// One step's audit results in a period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StepAudit {
    pub passed: usize,
    pub failed: usize,
    /// Passed + failed: the results that say something.
    pub seen: usize,
}

/// Every audited step of the period: (process id, step id) → its results. For step health.
pub fn audit_step_results(d: &Data, span: &Span, f: &Filter) -> BTreeMap<(Id, Id), StepAudit> {
    let mut m: BTreeMap<(Id, Id), StepAudit> = BTreeMap::new();
    for (a, v) in audits_in(d, span, f) {
        for r in a
            .results
            .iter()
            .filter(|r| r.result != AuditResult::NotSeen)
        {
            let e = m.entry((v.process_id, r.step_id)).or_default();
            if r.result == AuditResult::Passed {
                e.passed += 1;
            } else {
                e.failed += 1;
            }
            e.seen += 1;
        }
    }
    m
}

#[cfg(test)]
#[path = "audit/tests.rs"]
mod tests;
