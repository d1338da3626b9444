//! The effect of an action, measured honestly: the KPI over equal windows before and after
//! the change, with n on each side, the difference and a 95 % interval for it, and a verdict
//! that claims nothing from fewer than 30 records a side.
//!
//! - The change is the publish time of the process version the action made the standard,
//!   else the moment Do was finished.
//! - The windows are the `days` local days either side of the change instant: before is
//!   `[change − days, change)`, after `[change, change + days)` (with the fixed offset the
//!   caller passes, local days are 24 h, so the two are equal); a record at the change
//!   instant is after it. Their local dates (for the staff KPIs) come from the offset.
//! - Proportions (CSAT %, compliance %, steps on time %, first-contact resolution %,
//!   resolved in time %) get Newcombe's hybrid score interval; means (CES, a step's time,
//!   a linked question's score) Welch's t interval. Other KPIs are compared without one.
//! - The verdict: not enough data below 30 on a side; improved or worsened when the
//!   interval lies wholly on one side of 0 (which side is good depends on the KPI); else no
//!   clear change.

use super::stage::do_finished_at;
use crate::domain::capability::to_five;
use crate::domain::kpi::{self, Filter, Kpi, Span, Value};
use crate::domain::model::*;
use crate::domain::period::local_date;
use crate::domain::process_analysis::{outcomes, Share};
use crate::domain::scoring::{Questions, SMALL_SAMPLE};
use crate::domain::stats::{newcombe, welch, Sample, Z95};
use crate::domain::Data;
use chrono::{Duration, FixedOffset};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

pub const DEFAULT_WINDOW_DAYS: u32 = 30;

/// Nothing counted.
const NONE: Value = Value { value: None, n: 0 };

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Improved,
    Worsened,
    NoClearChange,
    NotEnoughData,
    /// Enough data, but a KPI (NPS, a rate, a median) this app has no interval for: the
    /// figures are shown without a claim.
    NoInterval,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeSource {
    Published,
    DoFinished,
}

/// One figure before and after: the difference is after − before, in the figure's units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Comparison {
    pub before: Value,
    pub after: Value,
    pub difference: Option<f64>,
    pub interval: Option<(f64, f64)>,
    pub verdict: Verdict,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StepEffect {
    pub step_id: Id,
    /// Runs in which the step was done to standard and on time, %.
    pub compliance: Comparison,
    /// Mean seconds taken.
    pub time_s: Comparison,
    /// Each linked question's mean answer, rescaled to 1–5.
    pub questions: Vec<(Id, Comparison)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Effect {
    pub kpi: Kpi,
    pub change_at: Time,
    pub source: ChangeSource,
    pub before: Span,
    pub after: Span,
    pub figure: Comparison,
    /// For an action about one step (a step-health row, an audit finding).
    pub step: Option<StepEffect>,
}

/// When the change took effect, and what says so.
pub fn change_at(d: &Data, a: &ImprovementAction) -> Option<(Time, ChangeSource)> {
    let published = a
        .process_version_id
        .and_then(|id| d.process_versions.iter().find(|v| v.id == id))
        .and_then(|v| v.published_at);
    published
        .map(|t| (t, ChangeSource::Published))
        .or_else(|| do_finished_at(a).map(|t| (t, ChangeSource::DoFinished)))
}

/// The equal windows before and after `change`.
pub fn windows(change: Time, days: u32, offset: FixedOffset) -> [Span; 2] {
    let len = Duration::days(days.into());
    let last_before = change - Duration::milliseconds(1);
    let (start, end) = (change - len, change + len);
    [
        Span {
            instants: start..change,
            days: (local_date(start, offset), local_date(last_before, offset)),
        },
        Span {
            instants: change..end,
            days: (
                local_date(change, offset),
                local_date(end - Duration::milliseconds(1), offset),
            ),
        },
    ]
}

/// The action's effect over windows of `days`, or `None` while it has no change date or
/// no KPI. `now` decides which open complaints are late, as on the dashboard.
pub fn effect(
    d: &Data,
    a: &ImprovementAction,
    days: u32,
    offset: FixedOffset,
    now: Time,
) -> Option<Effect> {
    let kpi = super::action_kpi(a)?;
    let (change, source) = change_at(d, a)?;
    let [before, after] = windows(change, days, offset);
    let f = super::scope(d, a);
    let spans = [before.clone(), after.clone()];
    let figures = kpi::figures_each(d, &spans, &f, now);
    let value = |i: usize| {
        figures[i]
            .get(&kpi)
            .copied()
            .unwrap_or(Value { value: None, n: 0 })
    };
    let better = kpi.higher_is_better();
    let figure = match kpi {
        Kpi::Ces => compare_means(
            &effort_answers(d, &before, &f),
            &effort_answers(d, &after, &f),
            better,
        ),
        k if is_share(k) => compare_shares(value(0), value(1), better),
        _ => compare_without_interval(value(0), value(1)),
    };
    let step = step_of(&a.trigger).map(|s| step_effect(d, s, &spans, &f));
    Some(Effect {
        kpi,
        change_at: change,
        source,
        before,
        after,
        figure,
        step,
    })
}

/// KPIs that are a share of independent records (a customer's answer, a step of a run),
/// so that a difference of two proportions fits them.
fn is_share(k: Kpi) -> bool {
    matches!(
        k,
        Kpi::Csat
            | Kpi::Compliance
            | Kpi::ComplianceTier(_)
            | Kpi::OnTimeSteps
            | Kpi::FirstContactResolution
            | Kpi::ResolvedInTime
    )
}

fn verdict(before: Value, after: Value, interval: Option<(f64, f64)>, better_up: bool) -> Verdict {
    if before.n < SMALL_SAMPLE || after.n < SMALL_SAMPLE {
        return Verdict::NotEnoughData;
    }
    match interval {
        None => Verdict::NoInterval,
        Some((lo, _)) if lo > 0.0 => up_is(better_up),
        Some((_, hi)) if hi < 0.0 => up_is(!better_up),
        Some(_) => Verdict::NoClearChange,
    }
}

fn up_is(good: bool) -> Verdict {
    if good {
        Verdict::Improved
    } else {
        Verdict::Worsened
    }
}

/// Two percentages (0–100) of n records each: the successes are value × n / 100.
pub fn compare_shares(before: Value, after: Value, higher_is_better: bool) -> Comparison {
    let hits = |v: Value| v.value.map(|p| (p * v.n as f64 / 100.0).round() as usize);
    let interval = hits(after)
        .zip(hits(before))
        .and_then(|(xa, xb)| newcombe(xa, after.n, xb, before.n, Z95))
        .map(|(lo, hi)| (100.0 * lo, 100.0 * hi));
    Comparison {
        before,
        after,
        difference: kpi::change(after, before),
        interval,
        verdict: verdict(before, after, interval, higher_is_better),
    }
}

/// Two sets of values compared by their means.
pub fn compare_means(before: &[f64], after: &[f64], higher_is_better: bool) -> Comparison {
    let value = |v: &[f64]| Value {
        value: (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64),
        n: v.len(),
    };
    let (b, a) = (value(before), value(after));
    let interval = Sample::of(after)
        .zip(Sample::of(before))
        .and_then(|(sa, sb)| welch(sa, sb, 0.95));
    Comparison {
        before: b,
        after: a,
        difference: kpi::change(a, b),
        interval,
        verdict: verdict(b, a, interval, higher_is_better),
    }
}

fn compare_without_interval(before: Value, after: Value) -> Comparison {
    Comparison {
        before,
        after,
        difference: kpi::change(after, before),
        interval: None,
        verdict: verdict(before, after, None, true),
    }
}

/// Whether a question is an effort (CES) question: the KPI core's definition.
fn is_effort(q: &Question) -> bool {
    q.kind == QuestionKind::Likert && q.servqual.is_none() && q.dimension.is_none()
}

/// The effort answers of a span, one value each, for Welch's interval (the KPI core keeps
/// only their sum).
fn effort_answers(d: &Data, span: &Span, f: &Filter) -> Vec<f64> {
    let questions = Questions::new(&d.survey_versions);
    kpi::responses(d, span, f)
        .flat_map(|r| questions.scored(r))
        .filter(|(q, _)| is_effort(q))
        .map(|(_, s)| f64::from(s))
        .collect()
}

fn step_of(t: &Trigger) -> Option<Id> {
    match t {
        Trigger::StepHealth { step_id, .. } | Trigger::AuditFinding { step_id, .. } => {
            Some(*step_id)
        }
        _ => None,
    }
}

/// What one step's runs and linked questions show before and after.
fn step_effect(d: &Data, step: Id, spans: &[Span; 2], f: &Filter) -> StepEffect {
    let versions: FxHashMap<Id, &ProcessVersion> =
        d.process_versions.iter().map(|v| (v.id, v)).collect();
    let questions = Questions::new(&d.survey_versions);
    let mut compliance = [NONE; 2];
    let mut times: [Vec<f64>; 2] = Default::default();
    let mut scores: BTreeMap<Id, [Vec<f64>; 2]> = BTreeMap::new();
    for (i, span) in spans.iter().enumerate() {
        let mut share = Share::default();
        for run in kpi::runs(d, span, f) {
            let Some(v) = versions.get(&run.process_version_id) else {
                continue;
            };
            for o in outcomes(v, run).iter().filter(|o| o.step.id == step) {
                share.add(o.compliant);
                times[i].extend(o.actual_s);
            }
        }
        compliance[i] = Value {
            value: share.ratio().map(|r| 100.0 * r),
            n: share.den,
        };
        for r in kpi::responses(d, span, f) {
            for (q, s) in questions
                .scored(r)
                .filter(|(q, _)| q.step_ids.contains(&step))
            {
                if let Some(v) = to_five(q.kind, s) {
                    scores.entry(q.id).or_default()[i].push(v);
                }
            }
        }
    }
    StepEffect {
        step_id: step,
        compliance: compare_shares(compliance[0], compliance[1], true),
        time_s: compare_means(&times[0], &times[1], false),
        questions: scores
            .into_iter()
            .map(|(q, [b, a])| (q, compare_means(&b, &a, true)))
            .collect(),
    }
}
