//! Bottlenecks: steps that often run over their limit or are often not done to standard.
//! A mean over the limit alone misses a step that is late in a quarter of runs but quick
//! the rest of the time, so the share of late runs and compliance are judged as well.

use super::{Share, StepFigures};
use crate::domain::model::Id;
use crate::domain::sort;

/// Below this many runs of a step its shares say too little to flag it.
pub const MIN_N: usize = 10;
/// A step late in this share of its timed runs or more is flagged.
pub const OVERRUN_SHARE: f64 = 0.15;
/// A step done to standard and on time in less than this share of runs is flagged.
pub const LOW_COMPLIANCE: f64 = 0.85;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlagReason {
    OverrunShare,
    LowCompliance,
    MeanOverLimit,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Flagged {
    pub step_id: Id,
    pub reasons: Vec<FlagReason>,
    pub overrun: Share,
    pub compliance: Share,
}

fn reasons(f: &StepFigures) -> Vec<FlagReason> {
    let checks = [
        (
            FlagReason::OverrunShare,
            f.overrun.ratio().is_some_and(|r| r >= OVERRUN_SHARE),
        ),
        (
            FlagReason::LowCompliance,
            f.compliance.ratio().is_some_and(|r| r < LOW_COMPLIANCE),
        ),
        (
            FlagReason::MeanOverLimit,
            f.mean_s.is_some_and(|m| m > f.limit_s as f64),
        ),
    ];
    checks
        .into_iter()
        .filter(|(_, hit)| *hit)
        .map(|(r, _)| r)
        .collect()
}

/// The flagged steps, most late first, then least compliant; and the steps with too few
/// runs (fewer than `MIN_N`) to judge.
pub fn bottlenecks(steps: &[StepFigures]) -> (Vec<Flagged>, Vec<Id>) {
    let (judged, too_few): (Vec<&StepFigures>, Vec<&StepFigures>) =
        steps.iter().partition(|f| f.compliance.den >= MIN_N);
    let mut flagged: Vec<Flagged> = judged
        .into_iter()
        .filter_map(|f| {
            let reasons = reasons(f);
            (!reasons.is_empty()).then_some(Flagged {
                step_id: f.step_id,
                reasons,
                overrun: f.overrun,
                compliance: f.compliance,
            })
        })
        .collect();
    let ratio = |s: Share| s.ratio().unwrap_or(0.0);
    sort::by(&mut flagged, |a, b| {
        ratio(b.overrun)
            .total_cmp(&ratio(a.overrun))
            .then(ratio(a.compliance).total_cmp(&ratio(b.compliance)))
    });
    (flagged, too_few.into_iter().map(|f| f.step_id).collect())
}
