//! The KPIs that the dashboard, the report and the exports share: one pass over the records
//! of a period (its local bounds as UTC instants, and its local days), with the filters, gives
//! every figure with its denominator. Codes and numbers out; formulas in `docs/ARCHITECTURE.md`.

use super::capability::turnover_percent;
use super::feedback::{first_resolved_at, first_response, was_reopened};
use super::model::*;
use super::period::Period;
use super::process_analysis::{median, Share};
use super::scoring::{servqual_items, SMALL_SAMPLE};
use super::Data;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
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
    /// Complaints first resolved in the period and never reopened ÷ those first resolved, %.
    FirstContactResolution,
    /// Mean perception − expectation of the SERVQUAL pairs of one dimension (the index into
    /// `Dimension::SERVQUAL`); below 0 the service falls short of what customers expect.
    ServqualGap(u8),
    /// Steps done to standard and on time ÷ required steps of the runs finished, %.
    Compliance,
    /// The same over the steps of one tier.
    ComplianceTier(Tier),
    /// Steps done within their time limit ÷ steps done, %.
    OnTimeSteps,
    /// 巡检 Audited steps passed ÷ seen, pooled over the period's audits, %.
    AuditScore,
    /// Staff who left ÷ average headcount, %.
    Turnover,
    /// Staff employed in the period with a training in it ÷ staff employed, %.
    TrainingCoverage,
}

impl Kpi {
    pub const ALL: [Kpi; 20] = [
        Kpi::Csat,
        Kpi::Nps,
        Kpi::Ces,
        Kpi::ServqualGap(0),
        Kpi::ServqualGap(1),
        Kpi::ServqualGap(2),
        Kpi::ServqualGap(3),
        Kpi::ServqualGap(4),
        Kpi::ComplaintRate,
        Kpi::FirstContactResolution,
        Kpi::FirstResponseMinutes,
        Kpi::ResolvedInTime,
        Kpi::Compliance,
        Kpi::ComplianceTier(Tier::Basic),
        Kpi::ComplianceTier(Tier::Standard),
        Kpi::ComplianceTier(Tier::Custom),
        Kpi::OnTimeSteps,
        Kpi::AuditScore,
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
            Kpi::FirstContactResolution => "first_contact_resolution",
            Kpi::ServqualGap(0) => "servqual_gap_tangibles",
            Kpi::ServqualGap(1) => "servqual_gap_reliability",
            Kpi::ServqualGap(2) => "servqual_gap_responsiveness",
            Kpi::ServqualGap(3) => "servqual_gap_assurance",
            Kpi::ServqualGap(_) => "servqual_gap_empathy",
            Kpi::Compliance => "compliance",
            Kpi::ComplianceTier(Tier::Basic) => "compliance_basic",
            Kpi::ComplianceTier(Tier::Standard) => "compliance_standard",
            Kpi::ComplianceTier(Tier::Custom) => "compliance_custom",
            Kpi::OnTimeSteps => "on_time_steps",
            Kpi::AuditScore => "audit_score",
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
    /// 门店: the records made at one location. Staff are not assigned to one, so the staff
    /// KPIs (turnover, training) have nothing to count under it.
    pub location: Option<Id>,
}

impl Filter {
    /// Whether a record made at `at` passes the location filter.
    pub fn at(&self, at: Option<Id>) -> bool {
        self.location.is_none_or(|l| at == Some(l))
    }
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
    let keep = response_filter(d, f);
    d.responses
        .iter()
        .filter(move |r| span.instants.contains(&r.submitted_at) && keep(r))
}

/// Whether a response passes the filter (whenever it was given).
fn response_filter<'d>(d: &'d Data, f: &'d Filter) -> impl Fn(&Response) -> bool + 'd {
    let survey_of: FxHashMap<Id, Id> = d
        .survey_versions
        .iter()
        .map(|v| (v.id, v.survey_id))
        .collect();
    move |r| {
        f.staff.is_none_or(|s| r.staff_id == Some(s))
            && f.process.is_none_or(|p| r.process_id == Some(p))
            && f.survey
                .is_none_or(|s| survey_of.get(&r.survey_version_id) == Some(&s))
            && f.channel.is_none_or(|c| c == Channel::Kiosk)
            && f.at(r.location_id)
    }
}

/// The complaints a filter keeps that arrived in a span.
pub fn complaints<'d>(
    d: &'d Data,
    span: &'d Span,
    f: &'d Filter,
) -> impl Iterator<Item = &'d Feedback> + 'd {
    complaints_where(d, f, move |c| span.instants.contains(&c.created_at))
}

/// Due in the span and decided by `now`: resolved, or past due.
pub fn due_decided(c: &Feedback, span: &Span, now: Time) -> bool {
    c.due_at.is_some_and(|due| span.instants.contains(&due))
        && (c.resolved_at.is_some() || c.due_at.is_some_and(|due| due <= now))
}

pub fn first_resolved_in(c: &Feedback, span: &Span) -> bool {
    first_resolved_at(c).is_some_and(|t| span.instants.contains(&t))
}

/// On the staff at some time in the span's days.
pub fn employed(s: &Staff, span: &Span) -> bool {
    let (from, to) = span.days;
    s.joined_on.is_none_or(|j| j <= to) && s.left_on.is_none_or(|l| l >= from)
}

/// The runs finished in a span that the filter keeps.
pub fn runs<'d>(
    d: &'d Data,
    span: &'d Span,
    f: &'d Filter,
) -> impl Iterator<Item = &'d ProcessRun> + 'd {
    let version = run_version(d, f);
    d.runs.iter().filter(move |r| {
        r.finished_at.is_some_and(|t| span.instants.contains(&t)) && version(r).is_some()
    })
}

/// A run's process version, if the filter keeps the run (whenever it finished).
fn run_version<'d>(
    d: &'d Data,
    f: &'d Filter,
) -> impl Fn(&ProcessRun) -> Option<&'d ProcessVersion> + 'd {
    let versions: FxHashMap<Id, &ProcessVersion> =
        d.process_versions.iter().map(|v| (v.id, v)).collect();
    move |r| {
        if f.staff.is_some_and(|s| r.staff_id != Some(s)) || !f.at(r.location_id) {
            return None;
        }
        versions
            .get(&r.process_version_id)
            .copied()
            .filter(|v| f.process.is_none_or(|p| p == v.process_id))
    }
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
    // Only a process filter needs it, and it is read for every span of the sparklines.
    let step_process = if f.process.is_some() {
        step_processes(d)
    } else {
        FxHashMap::default()
    };
    d.feedback.iter().filter(move |c| {
        when(c)
            && f.staff.is_none_or(|s| c.staff_id == Some(s))
            && f.channel.is_none_or(|ch| c.channel == ch)
            && f.at(c.location_id)
            && f.process
                .is_none_or(|p| c.step_id.and_then(|s| step_process.get(&s).copied()) == Some(p))
    })
}

/// Step id → the process it belongs to, over every version.
fn step_processes(d: &Data) -> FxHashMap<Id, Id> {
    d.process_versions
        .iter()
        .flat_map(|v| {
            v.stages
                .iter()
                .flat_map(move |s| s.steps.iter().map(move |st| (st.id, v.process_id)))
        })
        .collect()
}

/// Every KPI for one span. `now` decides which open complaints are already late.
pub fn figures(d: &Data, span: &Span, f: &Filter, now: Time) -> BTreeMap<Kpi, Value> {
    figures_each(d, std::slice::from_ref(span), f, now)
        .pop()
        .unwrap_or_default()
}

/// Every KPI for each of `spans` (in time order, not overlapping), reading the responses and
/// runs once for all of them: the dashboard's sparkline periods cost one pass, not one each.
pub fn figures_each(d: &Data, spans: &[Span], f: &Filter, now: Time) -> Vec<BTreeMap<Kpi, Value>> {
    figures_from(d, &Facts::new(d), spans, f, now)
}

/// The same from facts already read out of `d` (the dashboard keeps them until the records
/// change, so a change of period or filter only adds up facts).
pub fn figures_from(
    d: &Data,
    facts: &Facts,
    spans: &[Span],
    f: &Filter,
    now: Time,
) -> Vec<BTreeMap<Kpi, Value>> {
    let answers: Vec<Answers> = spans.iter().map(|s| facts.answers(s, f)).collect();
    let steps: Vec<StepsDone> = spans.iter().map(|s| facts.steps(s, f)).collect();
    spans
        .iter()
        .zip(answers)
        .zip(steps)
        .map(|((span, a), process)| {
            let mut m = others(d, span, f, now, a.responses);
            let share = |s: Share| Value::ratio(s.num, s.den, 100.0);
            let mean = |sum: f64, n: usize| Value {
                value: (n > 0).then(|| sum / n as f64),
                n,
            };
            m.extend([
                (Kpi::Compliance, share(process.compliance)),
                (Kpi::ComplianceTier(Tier::Basic), share(process.tiers[0])),
                (Kpi::ComplianceTier(Tier::Standard), share(process.tiers[1])),
                (Kpi::ComplianceTier(Tier::Custom), share(process.tiers[2])),
                (Kpi::OnTimeSteps, share(process.on_time)),
                (Kpi::Csat, Value::ratio(a.satisfied, a.stars, 100.0)),
                (
                    Kpi::Nps,
                    Value {
                        value: (a.nps_n > 0)
                            .then(|| 100.0 * (a.promoters - a.detractors) as f64 / a.nps_n as f64),
                        n: a.nps_n,
                    },
                ),
                (Kpi::Ces, mean(a.ces_sum, a.ces_n)),
            ]);
            for (i, (sum, n)) in a.gaps.into_iter().enumerate() {
                m.insert(Kpi::ServqualGap(i as u8), mean(sum, n));
            }
            m
        })
        .collect()
}

/// The figures of a period and of the equal period before it (`[before, this]`);
/// `bounds` gives a local period's instants.
pub fn with_previous(
    d: &Data,
    facts: &Facts,
    p: Period,
    f: &Filter,
    now: Time,
    bounds: impl Fn(Period) -> Range<Time>,
) -> [BTreeMap<Kpi, Value>; 2] {
    let span = |p: Period| Span {
        instants: bounds(p),
        days: (p.from, p.to),
    };
    let mut both = figures_from(d, facts, &[span(p.previous()), span(p)], f, now);
    let this = both.pop().unwrap_or_default();
    [both.pop().unwrap_or_default(), this]
}

/// A version's SERVQUAL pairs of the five standard dimensions: (dimension index, expectation
/// question, perception question).
fn servqual_pairs(v: &SurveyVersion) -> Vec<(usize, Id, Id)> {
    servqual_items(v)
        .into_iter()
        .filter_map(|it| {
            let dim = Dimension::SERVQUAL
                .iter()
                .position(|x| *x == it.dimension)?;
            Some((dim, it.expectation, it.perception))
        })
        .collect()
}

/// The KPIs of feedback and staff for one span (few records: read per span); `responses`,
/// the span's count, is the complaint rate's denominator.
fn others(d: &Data, span: &Span, f: &Filter, now: Time, responses: usize) -> BTreeMap<Kpi, Value> {
    let arrived: Vec<&Feedback> = complaints(d, span, f).collect();
    let mut first: Vec<f64> = arrived
        .iter()
        .filter_map(|c| first_response(c))
        .map(|t| t.num_seconds() as f64 / 60.0)
        .collect();
    let due: Vec<&Feedback> = complaints_where(d, f, |c| due_decided(c, span, now)).collect();
    let in_time = due
        .iter()
        .filter(|c| c.resolved_at.zip(c.due_at).is_some_and(|(r, due)| r <= due))
        .count();
    let resolved: Vec<&Feedback> = complaints_where(d, f, |c| first_resolved_in(c, span)).collect();
    let held = resolved.iter().filter(|c| !was_reopened(c)).count();

    let staff: Vec<&Staff> = d
        .staff
        .iter()
        .filter(|s| f.staff.is_none_or(|id| s.id == id) && f.location.is_none())
        .collect();
    let (from, to) = span.days;
    let employed: Vec<&&Staff> = staff.iter().filter(|s| employed(s, span)).collect();
    let trained = employed
        .iter()
        .filter(|s| {
            d.trainings
                .iter()
                .any(|t| (from..=to).contains(&t.date) && t.attendee_ids.contains(&s.id))
        })
        .count();
    let owned: Vec<Staff> = staff.iter().map(|s| (*s).clone()).collect();
    BTreeMap::from([
        (
            Kpi::ComplaintRate,
            Value::ratio(arrived.len(), responses, 1000.0),
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
            Kpi::FirstContactResolution,
            Value::ratio(held, resolved.len(), 100.0),
        ),
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
        (Kpi::AuditScore, super::audit::score_in(d, span, f)),
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
/// An iterator, so a long period's points are bucketed as they come, never all held at once.
pub fn satisfaction_points<'a>(
    facts: &'a Facts,
    span: &Span,
    f: &'a Filter,
    offset_at: &'a dyn Fn(Time) -> chrono::FixedOffset,
) -> impl Iterator<Item = (chrono::NaiveDateTime, f64)> + 'a {
    facts.responses_in(span, f).flat_map(move |r| {
        let local = r.at.with_timezone(&offset_at(r.at)).naive_local();
        let a = &r.answers;
        let happy = std::iter::repeat_n((local, 100.0), a.satisfied);
        happy.chain(std::iter::repeat_n((local, 0.0), a.stars - a.satisfied))
    })
}

mod facts;
use facts::{Answers, StepsDone};
pub use facts::{Facts, RunFact, StepFact, StepTotals, SIXTIETHS};

#[cfg(test)]
#[path = "kpi/tests.rs"]
mod tests;
