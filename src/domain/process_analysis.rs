//! How well a process is followed over a period: compliance (overall, per step, per tier),
//! actual times against limits, the bottleneck, and steps to simplify. Every figure keeps
//! its n; no data gives `None`, never 0 %.
//!
//! Definitions:
//! - A run counts when it finished within `[from, to)`.
//! - Required steps: every step of the version the run used.
//! - A step is compliant when it was done (not skipped), on time (its actual time is within
//!   the limit) and to standard for its tier: basic — done; standard — an existing option was
//!   chosen; custom — a note was written.
//! - A step's actual time runs from its `started_at`, or else from the previous step's
//!   `done_at`, or else from the run's start, to its `done_at`.

use super::data::Data;
use super::model::*;
use super::process_edit::steps;
use crate::domain::sort;
use rustc_hash::FxHashMap;

mod bottleneck;
pub use bottleneck::{FlagReason, Flagged, LOW_COMPLIANCE, MIN_N, OVERRUN_SHARE};

/// `num` of `den`, e.g. compliant steps of required steps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Share {
    pub num: usize,
    pub den: usize,
}

impl Share {
    pub fn ratio(self) -> Option<f64> {
        (self.den > 0).then(|| self.num as f64 / self.den as f64)
    }

    pub(crate) fn add(&mut self, hit: bool) {
        self.den += 1;
        self.num += usize::from(hit);
    }
}

impl std::ops::AddAssign for Share {
    fn add_assign(&mut self, o: Share) {
        self.num += o.num;
        self.den += o.den;
    }
}

impl std::ops::SubAssign for Share {
    fn sub_assign(&mut self, o: Share) {
        self.num -= o.num;
        self.den -= o.den;
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct StepFigures {
    pub step_id: Id,
    pub name: LocalText,
    pub tier: Tier,
    pub limit_s: u32,
    pub value_adding: bool,
    pub compliance: Share,
    pub skipped: Share,
    /// Actual seconds of the times it was done.
    pub n_timed: usize,
    pub mean_s: Option<f64>,
    pub median_s: Option<f64>,
    pub overrun: Share,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ProcessAnalysis {
    pub runs: usize,
    pub compliance: Share,
    pub by_tier: Vec<(Tier, Share)>,
    /// In the order of the newest version's steps, then steps only older versions had.
    pub steps: Vec<StepFigures>,
    /// Bottlenecks, worst first (see `bottleneck`).
    pub bottlenecks: Vec<Flagged>,
    /// Steps run fewer than `MIN_N` times: too few to judge as bottlenecks.
    pub too_few: Vec<Id>,
    /// Steps to eliminate or merge: non-value-adding, or skipped in 30 % of runs or more.
    pub simplify: Vec<Id>,
}

pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    sort::by(values, |a, b| a.total_cmp(b));
    let m = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[m]
    } else {
        (values[m - 1] + values[m]) / 2.0
    })
}

fn to_standard(step: &Step, rec: &StepRecord) -> bool {
    match step.tier {
        Tier::Basic => true,
        Tier::Standard => rec
            .option
            .is_some_and(|i| (i as usize) < step.options.len()),
        Tier::Custom => !rec.note.trim().is_empty(),
    }
}

/// How one step of a run went.
pub(crate) struct Outcome<'v> {
    pub step: &'v Step,
    /// Seconds taken, when it was done.
    pub actual_s: Option<f64>,
    pub compliant: bool,
    pub skipped: bool,
}

pub(crate) fn outcomes<'v>(version: &'v ProcessVersion, run: &ProcessRun) -> Vec<Outcome<'v>> {
    let records: FxHashMap<Id, &StepRecord> = run.steps.iter().map(|r| (r.step_id, r)).collect();
    let mut previous_done = run.started_at;
    steps(version)
        .map(|step| {
            let rec = records.get(&step.id);
            let done_at = rec
                .filter(|r| r.skipped_reason.is_none())
                .and_then(|r| r.done_at);
            let mut out = Outcome {
                step,
                actual_s: None,
                compliant: false,
                skipped: rec.is_some_and(|r| r.skipped_reason.is_some()),
            };
            if let (Some(rec), Some(done)) = (rec, done_at) {
                let start = rec.started_at.unwrap_or(previous_done);
                let actual = (done - start).num_milliseconds().max(0) as f64 / 1000.0;
                out.actual_s = Some(actual);
                out.compliant = actual <= step.time_limit_s as f64 && to_standard(step, rec);
                previous_done = done;
            }
            out
        })
        .collect()
}

pub(crate) fn finished_within(run: &ProcessRun, from: Time, to: Time) -> bool {
    run.finished_at.is_some_and(|f| f >= from && f < to)
}

/// Compliance of the runs one member of staff served that finished within `[from, to)`,
/// over every process: what the person's own work says about following the standards.
pub fn staff_compliance(d: &Data, staff_id: Id, from: Time, to: Time) -> Share {
    let versions: FxHashMap<Id, &ProcessVersion> =
        d.process_versions.iter().map(|v| (v.id, v)).collect();
    let mut share = Share::default();
    for run in d
        .runs
        .iter()
        .filter(|r| r.staff_id == Some(staff_id) && finished_within(r, from, to))
    {
        if let Some(v) = versions.get(&run.process_version_id) {
            outcomes(v, run).iter().for_each(|o| share.add(o.compliant));
        }
    }
    share
}

pub fn analyse(d: &Data, process_id: Id, from: Time, to: Time) -> ProcessAnalysis {
    let versions: FxHashMap<Id, &ProcessVersion> = d
        .process_versions
        .iter()
        .filter(|v| v.process_id == process_id)
        .map(|v| (v.id, v))
        .collect();
    let newest = versions.values().max_by_key(|v| v.number).copied();
    let mut order: Vec<Id> = newest
        .map(|v| steps(v).map(|s| s.id).collect())
        .unwrap_or_default();
    let mut figures: FxHashMap<Id, (StepFigures, Vec<f64>)> = FxHashMap::default();
    let mut by_tier: FxHashMap<Tier, Share> = FxHashMap::default();
    let mut total = Share::default();
    let mut runs = 0;

    for run in d.runs.iter().filter(|r| finished_within(r, from, to)) {
        let Some(version) = versions.get(&run.process_version_id) else {
            continue;
        };
        runs += 1;
        for o in outcomes(version, run) {
            let step = o.step;
            let entry = figures.entry(step.id).or_insert_with(|| {
                if !order.contains(&step.id) {
                    order.push(step.id);
                }
                let f = StepFigures {
                    step_id: step.id,
                    name: step.name.clone(),
                    tier: step.tier,
                    limit_s: step.time_limit_s,
                    value_adding: step.value_adding,
                    compliance: Share::default(),
                    skipped: Share::default(),
                    n_timed: 0,
                    mean_s: None,
                    median_s: None,
                    overrun: Share::default(),
                };
                (f, Vec::new())
            });
            if let Some(actual) = o.actual_s {
                entry.1.push(actual);
                entry.0.overrun.add(actual > step.time_limit_s as f64);
            }
            let (compliant, skipped) = (o.compliant, o.skipped);
            entry.0.compliance.add(compliant);
            entry.0.skipped.add(skipped);
            by_tier.entry(step.tier).or_default().add(compliant);
            total.add(compliant);
        }
    }

    // The newest version's names, tiers and limits describe each step.
    if let Some(v) = newest {
        for s in steps(v) {
            if let Some((f, _)) = figures.get_mut(&s.id) {
                (f.name, f.tier, f.limit_s, f.value_adding) =
                    (s.name.clone(), s.tier, s.time_limit_s, s.value_adding);
            }
        }
    }
    let mut out_steps = Vec::new();
    for id in order {
        let Some((mut f, mut times)) = figures.remove(&id) else {
            continue;
        };
        f.n_timed = times.len();
        f.mean_s = (!times.is_empty()).then(|| times.iter().sum::<f64>() / times.len() as f64);
        f.median_s = median(&mut times);
        out_steps.push(f);
    }
    let (bottlenecks, too_few) = bottleneck::bottlenecks(&out_steps);
    let simplify = out_steps
        .iter()
        .filter(|f| !f.value_adding || f.skipped.ratio().is_some_and(|r| r >= 0.3))
        .map(|f| f.step_id)
        .collect();
    let mut by_tier: Vec<(Tier, Share)> = by_tier.into_iter().collect();
    sort::by_key(&mut by_tier, |(t, _)| *t);
    ProcessAnalysis {
        runs,
        compliance: total,
        by_tier,
        steps: out_steps,
        bottlenecks,
        too_few,
        simplify,
    }
}

#[cfg(test)]
mod tests;
