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
use std::collections::HashMap;
use std::ops::AddAssign;

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
        let add = |a: &mut Share, b: Share| {
            a.num += b.num;
            a.den += b.den;
        };
        add(&mut self.compliance, o.compliance);
        for (t, x) in self.tiers.iter_mut().zip(o.tiers) {
            add(t, x);
        }
        add(&mut self.on_time, o.on_time);
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ResponseFact {
    pub at: Time,
    staff: Option<Id>,
    process: Option<Id>,
    survey: Option<Id>,
    pub(super) answers: Answers,
    /// Each answer to a question linked to SOP steps, rescaled to 1–5, once per step.
    pub linked: Vec<(Id, f64)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RunFact {
    pub at: Time,
    staff: Option<Id>,
    process: Id,
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
}

impl Facts {
    pub fn new(d: &Data) -> Facts {
        let questions = Questions::new(&d.survey_versions);
        let survey_of: HashMap<Id, Id> = d
            .survey_versions
            .iter()
            .map(|v| (v.id, v.survey_id))
            .collect();
        let pairs: HashMap<Id, Vec<(usize, Id, Id)>> = d
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
                    answers,
                    linked,
                }
            })
            .collect();
        responses.sort_by_key(|r| r.at);

        let versions: HashMap<Id, &ProcessVersion> =
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
                    done,
                    steps,
                })
            })
            .collect();
        runs.sort_by_key(|r| r.at);
        Facts { responses, runs }
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
        })
    }

    pub(super) fn answers(&self, span: &Span, f: &Filter) -> Answers {
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
            f.staff.is_none_or(|s| r.staff == Some(s)) && f.process.is_none_or(|p| p == r.process)
        })
    }

    pub(super) fn steps(&self, span: &Span, f: &Filter) -> StepsDone {
        let mut sum = StepsDone::default();
        for r in self.runs_in(span, f) {
            sum += &r.done;
        }
        sum
    }
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
) -> (Answers, Vec<(Id, f64)>) {
    let mut a = Answers {
        responses: 1,
        ..Answers::default()
    };
    let mut linked = Vec::new();
    for (q, s) in questions.scored(r) {
        if let Some(v) = to_five(q.kind, s) {
            linked.extend(q.step_ids.iter().map(|id| (*id, v)));
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
