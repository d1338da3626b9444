//! The records pre-grouped for the KPIs: what each response and each finished run adds to
//! the figures, read once when the records change and kept in time order. A change of
//! period or filter then finds its span by binary search and adds up small facts, instead of
//! reading every answer against its question again.

use super::super::capability::to_five;
use super::super::model::*;
use super::super::process_analysis::{outcomes, Share};
use super::super::scoring::Questions;
use super::super::Data;
use super::{servqual_pairs, Filter, Span};
use crate::domain::sort;
use rustc_hash::FxHashMap;
use std::ops::{AddAssign, Sub};

/// Linked scores are added up in sixtieths of a point: 60 is divisible by every scale's
/// step on 1–5 (4 for stars, 3 smileys, 10 NPS, 6 Likert), so sums are exact integers and a
/// span's total is the same however it is added up.
pub const SIXTIETHS: f64 = 60.0;

/// Facts per block of the running totals: an unfiltered span adds up the blocks' totals and
/// scans at most two partial blocks, so a long period costs what a short one does.
const BLOCK: usize = 64;

/// What responses add up to.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Answers {
    pub responses: usize,
    pub stars: usize,
    pub satisfied: usize,
    pub nps_n: usize,
    pub promoters: i64,
    pub detractors: i64,
    pub ces_n: usize,
    pub ces_sum: f64,
    /// Per SERVQUAL dimension: the sum of perception − expectation over answered pairs, and
    /// how many pairs.
    pub gaps: [(f64, usize); 5],
}

impl AddAssign<&Answers> for Answers {
    fn add_assign(&mut self, o: &Answers) {
        self.responses += o.responses;
        self.stars += o.stars;
        self.satisfied += o.satisfied;
        self.nps_n += o.nps_n;
        self.promoters += o.promoters;
        self.detractors += o.detractors;
        self.ces_n += o.ces_n;
        self.ces_sum += o.ces_sum;
        for (g, x) in self.gaps.iter_mut().zip(o.gaps) {
            g.0 += x.0;
            g.1 += x.1;
        }
    }
}

impl Sub for Answers {
    type Output = Answers;
    // Every sum is of whole numbers (scores, counts), so a difference of running totals is
    // exact in f64.
    fn sub(mut self, o: Answers) -> Answers {
        self.responses -= o.responses;
        self.stars -= o.stars;
        self.satisfied -= o.satisfied;
        self.nps_n -= o.nps_n;
        self.promoters -= o.promoters;
        self.detractors -= o.detractors;
        self.ces_n -= o.ces_n;
        self.ces_sum -= o.ces_sum;
        for (g, x) in self.gaps.iter_mut().zip(o.gaps) {
            g.0 -= x.0;
            g.1 -= x.1;
        }
        self
    }
}

/// What the steps of finished runs add up to.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct StepsDone {
    pub compliance: Share,
    /// Basic, standard, custom.
    pub tiers: [Share; 3],
    pub on_time: Share,
}

impl AddAssign<&StepsDone> for StepsDone {
    fn add_assign(&mut self, o: &StepsDone) {
        self.compliance += o.compliance;
        for (t, x) in self.tiers.iter_mut().zip(o.tiers) {
            *t += x;
        }
        self.on_time += o.on_time;
    }
}

impl Sub for StepsDone {
    type Output = StepsDone;
    fn sub(mut self, o: StepsDone) -> StepsDone {
        self.compliance -= o.compliance;
        for (t, x) in self.tiers.iter_mut().zip(o.tiers) {
            *t -= x;
        }
        self.on_time -= o.on_time;
        self
    }
}

/// What one SOP step's runs and linked answers add up to.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StepTotals {
    /// Runs in which it was done to standard and on time.
    pub compliance: Share,
    /// Timed runs in which it took longer than its limit.
    pub overrun: Share,
    pub answers: usize,
    /// The linked answers' sum, in `SIXTIETHS`.
    pub score: u64,
}

impl AddAssign<&StepTotals> for StepTotals {
    fn add_assign(&mut self, o: &StepTotals) {
        self.compliance += o.compliance;
        self.overrun += o.overrun;
        self.answers += o.answers;
        self.score += o.score;
    }
}

impl Sub for StepTotals {
    type Output = StepTotals;
    fn sub(mut self, o: StepTotals) -> StepTotals {
        self.compliance -= o.compliance;
        self.overrun -= o.overrun;
        self.answers -= o.answers;
        self.score -= o.score;
        self
    }
}

impl StepTotals {
    fn run(o: &StepFact) -> StepTotals {
        let mut t = StepTotals::default();
        t.compliance.add(o.compliant);
        if let Some(late) = o.overrun {
            t.overrun.add(late);
        }
        t
    }

    fn answer(sixtieths: u32) -> StepTotals {
        StepTotals {
            answers: 1,
            score: u64::from(sixtieths),
            ..StepTotals::default()
        }
    }
}

/// One step's runs and answers in time order, with running totals (`totals[i]` is the sum
/// of the first `i`).
#[derive(Clone, Debug, Default, PartialEq)]
struct StepSeries {
    at: Vec<Time>,
    totals: Vec<StepTotals>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ResponseFact {
    pub at: Time,
    staff: Option<Id>,
    process: Option<Id>,
    survey: Option<Id>,
    location: Option<Id>,
    pub(super) answers: Answers,
    /// Each answer to a question linked to SOP steps, rescaled to 1–5 and kept in sixtieths
    /// (every scale's 1–5 values are whole sixtieths), once per step.
    linked: Vec<(Id, u32)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RunFact {
    pub at: Time,
    staff: Option<Id>,
    process: Id,
    location: Option<Id>,
    done: StepsDone,
    /// Per step of its version, in order.
    pub steps: Vec<StepFact>,
}

/// One step of a finished run, as step health reads it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StepFact {
    pub step: Id,
    pub compliant: bool,
    /// Whether it took longer than its limit, when it was timed.
    pub overrun: Option<bool>,
}

/// Every response and finished run as a fact, oldest first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    responses: Vec<ResponseFact>,
    runs: Vec<RunFact>,
    /// Running totals at each `BLOCK`-th fact.
    answer_totals: Vec<Answers>,
    step_totals: Vec<StepsDone>,
    /// Per SOP step, for step health over every record.
    step_series: FxHashMap<Id, StepSeries>,
}

impl Facts {
    pub fn new(d: &Data) -> Facts {
        let questions = Questions::new(&d.survey_versions);
        let survey_of: FxHashMap<Id, Id> = d
            .survey_versions
            .iter()
            .map(|v| (v.id, v.survey_id))
            .collect();
        let pairs: FxHashMap<Id, Vec<(usize, Id, Id)>> = d
            .survey_versions
            .iter()
            .map(|v| (v.id, servqual_pairs(v)))
            .filter(|(_, p)| !p.is_empty())
            .collect();
        let mut responses: Vec<ResponseFact> = d
            .responses
            .iter()
            .map(|r| {
                let (answers, linked) = answers(r, &questions, pairs.get(&r.survey_version_id));
                ResponseFact {
                    at: r.submitted_at,
                    staff: r.staff_id,
                    process: r.process_id,
                    survey: survey_of.get(&r.survey_version_id).copied(),
                    location: r.location_id,
                    answers,
                    linked,
                }
            })
            .collect();
        sort::by_key(&mut responses, |r| r.at);

        let versions: FxHashMap<Id, &ProcessVersion> =
            d.process_versions.iter().map(|v| (v.id, v)).collect();
        let mut runs: Vec<RunFact> = d
            .runs
            .iter()
            .filter_map(|run| {
                let at = run.finished_at?;
                let v = versions.get(&run.process_version_id)?;
                let mut done = StepsDone::default();
                let mut steps = Vec::new();
                for o in outcomes(v, run) {
                    let overrun = o.actual_s.map(|a| a > f64::from(o.step.time_limit_s));
                    done.compliance.add(o.compliant);
                    done.tiers[o.step.tier as usize].add(o.compliant);
                    if let Some(late) = overrun {
                        done.on_time.add(!late);
                    }
                    steps.push(StepFact {
                        step: o.step.id,
                        compliant: o.compliant,
                        overrun,
                    });
                }
                Some(RunFact {
                    at,
                    staff: run.staff_id,
                    process: v.process_id,
                    location: run.location_id,
                    done,
                    steps,
                })
            })
            .collect();
        sort::by_key(&mut runs, |r| r.at);
        Facts {
            answer_totals: running_totals(&responses, |r| &r.answers),
            step_totals: running_totals(&runs, |r| &r.done),
            step_series: step_series(&responses, &runs),
            responses,
            runs,
        }
    }

    /// Per SOP step, its runs and linked answers in the span that the filter keeps.
    pub fn step_totals(&self, span: &Span, f: &Filter) -> FxHashMap<Id, StepTotals> {
        if keeps_every_response(f) {
            return self
                .step_series
                .iter()
                .map(|(id, s)| {
                    let (a, b) = range(&s.at, span, |t| *t);
                    (*id, s.totals[b] - s.totals[a])
                })
                .collect();
        }
        let mut out: FxHashMap<Id, StepTotals> = FxHashMap::default();
        for run in self.runs_in(span, f) {
            for o in &run.steps {
                *out.entry(o.step).or_default() += &StepTotals::run(o);
            }
        }
        for r in self.responses_in(span, f) {
            for (step, v) in &r.linked {
                *out.entry(*step).or_default() += &StepTotals::answer(*v);
            }
        }
        out
    }

    /// The responses of a span that the filter keeps.
    pub fn responses_in<'a>(
        &'a self,
        span: &Span,
        f: &'a Filter,
    ) -> impl Iterator<Item = &'a ResponseFact> + 'a {
        let (a, b) = range(&self.responses, span, |r| r.at);
        self.responses[a..b].iter().filter(move |r| {
            f.staff.is_none_or(|s| r.staff == Some(s))
                && f.process.is_none_or(|p| r.process == Some(p))
                && f.survey.is_none_or(|s| r.survey == Some(s))
                && f.channel.is_none_or(|c| c == Channel::Kiosk)
                && f.at(r.location)
        })
    }

    pub(super) fn answers(&self, span: &Span, f: &Filter) -> Answers {
        if keeps_every_response(f) {
            let (a, b) = range(&self.responses, span, |r| r.at);
            return total(&self.responses, &self.answer_totals, a, b, |r| &r.answers);
        }
        let mut sum = Answers::default();
        for r in self.responses_in(span, f) {
            sum += &r.answers;
        }
        sum
    }

    /// The finished runs of a span that the filter keeps.
    pub fn runs_in<'a>(
        &'a self,
        span: &Span,
        f: &'a Filter,
    ) -> impl Iterator<Item = &'a RunFact> + 'a {
        let (a, b) = range(&self.runs, span, |r| r.at);
        self.runs[a..b].iter().filter(move |r| {
            f.staff.is_none_or(|s| r.staff == Some(s))
                && f.process.is_none_or(|p| p == r.process)
                && f.at(r.location)
        })
    }

    pub(super) fn steps(&self, span: &Span, f: &Filter) -> StepsDone {
        if f.staff.is_none() && f.process.is_none() && f.location.is_none() {
            let (a, b) = range(&self.runs, span, |r| r.at);
            return total(&self.runs, &self.step_totals, a, b, |r| &r.done);
        }
        let mut sum = StepsDone::default();
        for r in self.runs_in(span, f) {
            sum += &r.done;
        }
        sum
    }
}

fn step_series(responses: &[ResponseFact], runs: &[RunFact]) -> FxHashMap<Id, StepSeries> {
    let mut events: FxHashMap<Id, Vec<(Time, StepTotals)>> = FxHashMap::default();
    for run in runs {
        for o in &run.steps {
            events
                .entry(o.step)
                .or_default()
                .push((run.at, StepTotals::run(o)));
        }
    }
    for r in responses {
        for (step, v) in &r.linked {
            events
                .entry(*step)
                .or_default()
                .push((r.at, StepTotals::answer(*v)));
        }
    }
    events
        .into_iter()
        .map(|(id, mut e)| {
            sort::by_key(&mut e, |(t, _)| *t);
            let mut sum = StepTotals::default();
            let mut totals = vec![sum];
            for (_, t) in &e {
                sum += t;
                totals.push(sum);
            }
            let at = e.into_iter().map(|(t, _)| t).collect();
            (id, StepSeries { at, totals })
        })
        .collect()
}

/// Whether the filter keeps every response (all of them come from the kiosk): such a span
/// is added up from running totals.
fn keeps_every_response(f: &Filter) -> bool {
    f.staff.is_none()
        && f.process.is_none()
        && f.survey.is_none()
        && f.channel.is_none_or(|c| c == Channel::Kiosk)
        && f.location.is_none()
}

/// `totals[k]` is the sum of the first `k * BLOCK` facts.
fn running_totals<F, T>(facts: &[F], part: impl Fn(&F) -> &T) -> Vec<T>
where
    T: Default + Copy + for<'x> AddAssign<&'x T>,
{
    let mut totals = vec![T::default()];
    let mut sum = T::default();
    for block in facts.chunks_exact(BLOCK) {
        for f in block {
            sum += part(f);
        }
        totals.push(sum);
    }
    totals
}

/// The sum of `facts[a..b]`: whole blocks from their running totals, the ends one by one.
fn total<F, T>(facts: &[F], totals: &[T], a: usize, b: usize, part: impl Fn(&F) -> &T) -> T
where
    T: Default + Copy + for<'x> AddAssign<&'x T> + Sub<Output = T>,
{
    let scan = |from: usize, to: usize| {
        let mut sum = T::default();
        for f in &facts[from..to] {
            sum += part(f);
        }
        sum
    };
    let (first, last) = (a.div_ceil(BLOCK), b / BLOCK);
    if first >= last {
        return scan(a, b);
    }
    let mut sum = totals[last] - totals[first];
    sum += &scan(a, first * BLOCK);
    sum += &scan(last * BLOCK, b);
    sum
}

/// The index range of the facts (in time order) whose instant falls in the span.
fn range<T>(facts: &[T], span: &Span, at: impl Fn(&T) -> Time) -> (usize, usize) {
    let a = facts.partition_point(|x| at(x) < span.instants.start);
    let b = facts.partition_point(|x| at(x) < span.instants.end);
    (a, b.max(a))
}

/// What one response adds to the satisfaction KPIs, and its answers linked to steps.
fn answers(
    r: &Response,
    questions: &Questions,
    pairs: Option<&Vec<(usize, Id, Id)>>,
) -> (Answers, Vec<(Id, u32)>) {
    let mut a = Answers {
        responses: 1,
        ..Answers::default()
    };
    let mut linked = Vec::new();
    for (q, s) in questions.scored(r) {
        if let Some(v) = to_five(q.kind, s) {
            let sixtieths = (v * SIXTIETHS).round() as u32;
            linked.extend(q.step_ids.iter().map(|id| (*id, sixtieths)));
        }
        match q.kind {
            QuestionKind::Stars => {
                a.stars += 1;
                a.satisfied += usize::from(s >= 4);
            }
            QuestionKind::Nps => {
                a.nps_n += 1;
                a.promoters += i64::from(s >= 9);
                a.detractors += i64::from(s <= 6);
            }
            QuestionKind::Likert if q.servqual.is_none() && q.dimension.is_none() => {
                a.ces_n += 1;
                a.ces_sum += f64::from(s);
            }
            _ => {}
        }
    }
    for (dim, e, p) in pairs.into_iter().flatten() {
        if let (Some(Answer::Score(e)), Some(Answer::Score(p))) =
            (r.answers.get(e), r.answers.get(p))
        {
            a.gaps[*dim].0 += f64::from(*p) - f64::from(*e);
            a.gaps[*dim].1 += 1;
        }
    }
    (a, linked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::survey_fixtures::{question, response, version};
    use chrono::Duration;

    /// 300 responses a minute apart with varied answers: an unfiltered sum (running totals)
    /// must equal adding up the same span one response at a time, for spans that start and
    /// end inside, on and across block edges.
    #[test]
    fn running_totals_add_up_like_a_scan() {
        let stars = question(QuestionKind::Stars, None);
        let nps = question(QuestionKind::Nps, None);
        let ces = question(QuestionKind::Likert, None);
        let v = version(vec![stars.clone(), nps.clone(), ces.clone()]);
        let mut d = Data::default();
        for i in 0..300u32 {
            let mut r = response(
                &v,
                None,
                1,
                &[
                    (stars.id, (i % 5 + 1) as u8),
                    (nps.id, (i * 7 % 11) as u8),
                    (ces.id, (i % 7 + 1) as u8),
                ],
            );
            r.submitted_at += Duration::minutes(i64::from(i));
            d.responses.push(r);
        }
        d.survey_versions.push(v);
        let facts = Facts::new(&d);
        let start = d.responses[0].submitted_at;
        let every = Filter::default();
        for (a, b) in [
            (0, 300),
            (0, 64),
            (1, 63),
            (63, 129),
            (64, 128),
            (5, 250),
            (127, 193),
            (299, 300),
            (10, 10),
        ] {
            let span = Span {
                instants: start + Duration::minutes(a)..start + Duration::minutes(b),
                days: (start.date_naive(), start.date_naive()),
            };
            let mut scanned = Answers::default();
            for r in facts.responses_in(&span, &every) {
                scanned += &r.answers;
            }
            assert_eq!(scanned.responses, (b - a) as usize, "{a}..{b}");
            assert_eq!(facts.answers(&span, &every), scanned, "{a}..{b}");
        }
    }
}
