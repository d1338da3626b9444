//! Recording a walk: the audit a manager or mystery shopper fills in, checked before it is
//! stored, with the re-check its failed steps lead to, and the earlier re-checks it settles.

use super::{close_recheck, failed_steps, with_recheck};
use crate::domain::model::*;
use crate::domain::Data;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;

/// What the walk form says before it is stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Walk {
    pub auditor: String,
    pub kind: AuditKind,
    pub date: NaiveDate,
    /// Each step's result so far; a step missing here has not been judged yet.
    pub results: FxHashMap<Id, (AuditResult, String)>,
    /// Whether failed steps get a re-check (after the workspace's days).
    pub recheck: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WalkError {
    /// Only a published version is walked.
    NotPublished,
    NoAuditor,
    /// A walk is dated on the day it happened, never ahead.
    FutureDate,
    /// These many steps have no result yet (not seen is a result).
    Unjudged(usize),
    /// Every step was not seen: the walk says nothing.
    NothingSeen,
}

/// The audit of `walk` through `version`, with a re-check of its failed steps when asked for
/// and something failed, or why it cannot be stored. `today` is the device's local day.
pub fn record(
    version: &ProcessVersion,
    walk: &Walk,
    recheck_days: u32,
    today: NaiveDate,
    id: Id,
    now: Time,
) -> Result<Audit, WalkError> {
    if version.status != VersionStatus::Published {
        return Err(WalkError::NotPublished);
    }
    let auditor = walk.auditor.trim();
    if auditor.is_empty() {
        return Err(WalkError::NoAuditor);
    }
    if walk.date > today {
        return Err(WalkError::FutureDate);
    }
    let steps: Vec<&Step> = version.stages.iter().flat_map(|s| &s.steps).collect();
    let unjudged = steps
        .iter()
        .filter(|s| !walk.results.contains_key(&s.id))
        .count();
    if unjudged > 0 {
        return Err(WalkError::Unjudged(unjudged));
    }
    let results: Vec<StepResult> = steps
        .iter()
        .map(|s| {
            let (result, note) = &walk.results[&s.id];
            StepResult {
                step_id: s.id,
                result: *result,
                note: note.trim().to_string(),
            }
        })
        .collect();
    if results.iter().all(|r| r.result == AuditResult::NotSeen) {
        return Err(WalkError::NothingSeen);
    }
    let audit = Audit {
        location_id: None,
        id,
        created_at: now,
        updated_at: now,
        process_version_id: version.id,
        auditor: auditor.to_string(),
        kind: walk.kind,
        date: walk.date,
        results,
        recheck: None,
    };
    Ok(if walk.recheck {
        with_recheck(&audit, recheck_days, now).unwrap_or(audit)
    } else {
        audit
    })
}

/// The earlier audits whose open re-check `new` settles, closed by it: audits of the same
/// process dated no later than `new`, each of whose failed steps `new` saw again.
pub fn settled_by(d: &Data, new: &Audit, now: Time) -> Vec<Audit> {
    let process_of = |version: Id| {
        d.process_versions
            .iter()
            .find(|v| v.id == version)
            .map(|v| v.process_id)
    };
    let Some(process) = process_of(new.process_version_id) else {
        return Vec::new();
    };
    let seen: Vec<Id> = new
        .results
        .iter()
        .filter(|r| r.result != AuditResult::NotSeen)
        .map(|r| r.step_id)
        .collect();
    d.audits
        .iter()
        .filter(|a| {
            a.id != new.id
                && a.date <= new.date
                && a.recheck.as_ref().is_some_and(|r| !r.is_done())
                && process_of(a.process_version_id) == Some(process)
                && failed_steps(a).all(|s| seen.contains(&s))
        })
        .filter_map(|a| close_recheck(a, Some(new.id), now).ok())
        .collect()
}
