//! The KPIs that the dashboard, the report and the exports share: one pass over the records
//! of a period (its local bounds as UTC instants, and its local days), with the filters, gives
//! every figure with its denominator. Codes and numbers out; formulas in `docs/ARCHITECTURE.md`.

use super::capability::turnover_percent;
use super::feedback::first_response;
use super::model::*;
use super::process_analysis::{finished_within, median, outcomes, Share};
use super::scoring::{Questions, SMALL_SAMPLE};
use super::Data;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kpi {
    /// Star answers 4–5 ÷ star answers, %.
    Csat,
    /// % promoters (9–10) − % detractors (0–6) of NPS answers.
    Nps,
    /// Mean 1–7 of effort (Likert) answers that are not SERVQUAL items.
    Ces,
    /// Complaints received ÷ responses × 1,000.
    ComplaintRate,
    /// Median minutes from a complaint's arrival to its first handling.
    FirstResponseMinutes,
    /// Complaints due in the period that were resolved by their due time ÷ those due.
    ResolvedInTime,
    /// Steps done to standard and on time ÷ required steps of the runs finished, %.
    Compliance,
    /// The same over the steps of one tier.
    ComplianceTier(Tier),
    /// Steps done within their time limit ÷ steps done, %.
    OnTimeSteps,
    /// Staff who left ÷ average headcount, %.
    Turnover,
    /// Staff employed in the period with a training in it ÷ staff employed, %.
    TrainingCoverage,
}

impl Kpi {
    pub const ALL: [Kpi; 13] = [
        Kpi::Csat,
        Kpi::Nps,
        Kpi::Ces,
        Kpi::ComplaintRate,
        Kpi::FirstResponseMinutes,
        Kpi::ResolvedInTime,
        Kpi::Compliance,
        Kpi::ComplianceTier(Tier::Basic),
        Kpi::ComplianceTier(Tier::Standard),
        Kpi::ComplianceTier(Tier::Custom),
        Kpi::OnTimeSteps,
        Kpi::Turnover,
        Kpi::TrainingCoverage,
    ];

    /// Whether a rise is good news (the colour of the change arrow).
    pub fn higher_is_better(self) -> bool {
        !matches!(
            self,
            Kpi::ComplaintRate | Kpi::FirstResponseMinutes | Kpi::Turnover
        )
    }

    pub fn code(self) -> &'static str {
        match self {
            Kpi::Csat => "csat",
            Kpi::Nps => "nps",
            Kpi::Ces => "ces",
            Kpi::ComplaintRate => "complaint_rate",
            Kpi::FirstResponseMinutes => "first_response_min",
            Kpi::ResolvedInTime => "resolved_in_time",
            Kpi::Compliance => "compliance",
            Kpi::ComplianceTier(Tier::Basic) => "compliance_basic",
            Kpi::ComplianceTier(Tier::Standard) => "compliance_standard",
            Kpi::ComplianceTier(Tier::Custom) => "compliance_custom",
            Kpi::OnTimeSteps => "on_time_steps",
            Kpi::Turnover => "turnover",
            Kpi::TrainingCoverage => "training_coverage",
        }
    }
}

/// A figure and the count it was computed over. `None` when there is nothing to count.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Value {
    pub value: Option<f64>,
    pub n: usize,
}

impl Value {
    fn ratio(num: usize, den: usize, scale: f64) -> Value {
        Value {
            value: (den > 0).then(|| scale * num as f64 / den as f64),
            n: den,
        }
    }

    pub fn small_sample(self) -> bool {
        self.n < SMALL_SAMPLE
    }
}

/// The change from the previous period; none when either side has no figure (never 0 %).
pub fn change(now: Value, before: Value) -> Option<f64> {
    Some(now.value? - before.value?)
}

/// What the figures are narrowed to. `None` is everything.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub process: Option<Id>,
    pub survey: Option<Id>,
    pub staff: Option<Id>,
    /// Narrows feedback; responses all come from the kiosk, so they count under `Kiosk` only.
    pub channel: Option<Channel>,
}

/// The period: its UTC instants and the same span as local calendar days (inclusive).
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub instants: Range<Time>,
    pub days: (NaiveDate, NaiveDate),
}

/// The responses a filter keeps, in a span.
pub fn responses<'d>(
    d: &'d Data,
    span: &'d Span,
    f: &'d Filter,
) -> impl Iterator<Item = &'d Response> + 'd {
    let survey_of: HashMap<Id, Id> = d
        .survey_versions
        .iter()
        .map(|v| (v.id, v.survey_id))
        .collect();
    d.responses.iter().filter(move |r| {
        span.instants.contains(&r.submitted_at)
            && f.staff.is_none_or(|s| r.staff_id == Some(s))
            && f.process.is_none_or(|p| r.process_id == Some(p))
            && f.survey
                .is_none_or(|s| survey_of.get(&r.survey_version_id) == Some(&s))
            && f.channel.is_none_or(|c| c == Channel::Kiosk)
    })
}

/// The complaints a filter keeps that arrived in a span.
pub fn complaints<'d>(
    d: &'d Data,
    span: &'d Span,
    f: &'d Filter,
) -> impl Iterator<Item = &'d Feedback> + 'd {
    complaints_where(d, f, move |c| span.instants.contains(&c.created_at))
}

fn complaints_where<'d>(
    d: &'d Data,
    f: &'d Filter,
    when: impl Fn(&Feedback) -> bool + 'd,
) -> impl Iterator<Item = &'d Feedback> + 'd {
    feedback_where(d, f, move |c| c.kind == FeedbackKind::Complaint && when(c))
}

/// The feedback items (of every kind) a filter keeps, among those `when` accepts. The process
/// filter reaches feedback through the step it was recorded against.
pub fn feedback_where<'d>(
    d: &'d Data,
    f: &'d Filter,
    when: impl Fn(&Feedback) -> bool + 'd,
) -> impl Iterator<Item = &'d Feedback> + 'd {
    let step_process = step_processes(d);
    d.feedback.iter().filter(move |c| {
        when(c)
            && f.staff.is_none_or(|s| c.staff_id == Some(s))
            && f.channel.is_none_or(|ch| c.channel == ch)
            && f.process
                .is_none_or(|p| c.step_id.and_then(|s| step_process.get(&s).copied()) == Some(p))
    })
}

/// Step id → the process it belongs to, over every version.
fn step_processes(d: &Data) -> HashMap<Id, Id> {
    d.process_versions
        .iter()
        .flat_map(|v| {
            v.stages
                .iter()
                .flat_map(move |s| s.steps.iter().map(move |st| (st.id, v.process_id)))
        })
        .collect()
}

/// Every KPI for one span, computed in one pass per collection. `now` decides which open
/// complaints are already late.
pub fn figures(d: &Data, span: &Span, f: &Filter, now: Time) -> BTreeMap<Kpi, Value> {
    let questions = Questions::new(&d.survey_versions);
    let (mut stars, mut satisfied) = (0, 0);
    let (mut nps_n, mut promoters, mut detractors) = (0, 0i64, 0i64);
    let (mut ces_n, mut ces_sum) = (0, 0.0);
    let mut n_responses = 0;
    for r in responses(d, span, f) {
        n_responses += 1;
        for (q, s) in questions.scored(r) {
            match q.kind {
                QuestionKind::Stars => {
                    stars += 1;
                    satisfied += usize::from(s >= 4);
                }
                QuestionKind::Nps => {
                    nps_n += 1;
                    promoters += i64::from(s >= 9);
                    detractors += i64::from(s <= 6);
                }
                QuestionKind::Likert if q.servqual.is_none() && q.dimension.is_none() => {
                    ces_n += 1;
                    ces_sum += f64::from(s);
                }
                _ => {}
            }
        }
    }
    let arrived: Vec<&Feedback> = complaints(d, span, f).collect();
    let mut first: Vec<f64> = arrived
        .iter()
        .filter_map(|c| first_response(c))
        .map(|t| t.num_seconds() as f64 / 60.0)
        .collect();
    // Due in the period and decidable: resolved, or past due by `now`.
    let due: Vec<&Feedback> = complaints_where(d, f, |c| {
        c.due_at.is_some_and(|due| span.instants.contains(&due))
    })
    .filter(|c| c.resolved_at.is_some() || c.due_at.is_some_and(|due| due <= now))
    .collect();
    let in_time = due
        .iter()
        .filter(|c| c.resolved_at.zip(c.due_at).is_some_and(|(r, due)| r <= due))
        .count();

    let staff: Vec<&Staff> = d
        .staff
        .iter()
        .filter(|s| f.staff.is_none_or(|id| s.id == id))
        .collect();
    let (from, to) = span.days;
    let employed: Vec<&&Staff> = staff
        .iter()
        .filter(|s| s.joined_on.is_none_or(|j| j <= to) && s.left_on.is_none_or(|l| l >= from))
        .collect();
    let trained = employed
        .iter()
        .filter(|s| {
            d.trainings
                .iter()
                .any(|t| (from..=to).contains(&t.date) && t.attendee_ids.contains(&s.id))
        })
        .count();
    let owned: Vec<Staff> = staff.iter().map(|s| (*s).clone()).collect();

    let process = steps_done(d, span, f);
    let share = |s: Share| Value::ratio(s.num, s.den, 100.0);

    BTreeMap::from([
        (Kpi::Compliance, share(process.compliance)),
        (Kpi::ComplianceTier(Tier::Basic), share(process.tiers[0])),
        (Kpi::ComplianceTier(Tier::Standard), share(process.tiers[1])),
        (Kpi::ComplianceTier(Tier::Custom), share(process.tiers[2])),
        (Kpi::OnTimeSteps, share(process.on_time)),
        (Kpi::Csat, Value::ratio(satisfied, stars, 100.0)),
        (
            Kpi::Nps,
            Value {
                value: (nps_n > 0).then(|| 100.0 * (promoters - detractors) as f64 / nps_n as f64),
                n: nps_n,
            },
        ),
        (
            Kpi::Ces,
            Value {
                value: (ces_n > 0).then(|| ces_sum / ces_n as f64),
                n: ces_n,
            },
        ),
        (
            Kpi::ComplaintRate,
            Value::ratio(arrived.len(), n_responses, 1000.0),
        ),
        (
            Kpi::FirstResponseMinutes,
            Value {
                n: first.len(),
                value: median(&mut first),
            },
        ),
        (Kpi::ResolvedInTime, Value::ratio(in_time, due.len(), 100.0)),
        (
            Kpi::Turnover,
            Value {
                value: turnover_percent(&owned, from, to),
                n: employed.len(),
            },
        ),
        (
            Kpi::TrainingCoverage,
            Value::ratio(trained, employed.len(), 100.0),
        ),
    ])
}

/// Complaints of the span by root cause; those not analysed yet under `None`.
pub fn root_causes(d: &Data, span: &Span, f: &Filter) -> Vec<(Option<RootCause>, usize)> {
    let mut counts: BTreeMap<Option<RootCause>, usize> = BTreeMap::new();
    for c in complaints(d, span, f) {
        *counts.entry(c.root_cause).or_default() += 1;
    }
    counts.into_iter().collect()
}

/// Each star answer of the span as (local time, 100 if satisfied else 0): the mean of a
/// bucket of them is its CSAT %. `offset_at` gives the device's offset at an instant.
pub fn satisfaction_points(
    d: &Data,
    span: &Span,
    f: &Filter,
    offset_at: &dyn Fn(Time) -> chrono::FixedOffset,
) -> Vec<(chrono::NaiveDateTime, f64)> {
    let questions = Questions::new(&d.survey_versions);
    responses(d, span, f)
        .flat_map(|r| {
            let local = r.submitted_at.with_timezone(&offset_at(r.submitted_at));
            questions
                .scored(r)
                .filter(|(q, _)| q.kind == QuestionKind::Stars)
                .map(move |(_, s)| (local.naive_local(), if s >= 4 { 100.0 } else { 0.0 }))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[derive(Default)]
struct StepsDone {
    compliance: Share,
    /// Basic, standard, custom.
    tiers: [Share; 3],
    on_time: Share,
}

/// The steps of the runs finished in the span, over every process the filter keeps.
fn steps_done(d: &Data, span: &Span, f: &Filter) -> StepsDone {
    let versions: HashMap<Id, &ProcessVersion> =
        d.process_versions.iter().map(|v| (v.id, v)).collect();
    let mut out = StepsDone::default();
    let runs = d.runs.iter().filter(|r| {
        finished_within(r, span.instants.start, span.instants.end)
            && f.staff.is_none_or(|s| r.staff_id == Some(s))
    });
    for run in runs {
        let Some(v) = versions.get(&run.process_version_id) else {
            continue;
        };
        if f.process.is_some_and(|p| p != v.process_id) {
            continue;
        }
        for o in outcomes(v, run) {
            out.compliance.add(o.compliant);
            out.tiers[o.step.tier as usize].add(o.compliant);
            if let Some(actual) = o.actual_s {
                out.on_time.add(actual <= f64::from(o.step.time_limit_s));
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "kpi/tests.rs"]
mod tests;
