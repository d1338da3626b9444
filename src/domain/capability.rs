//! Staff capability: evaluations per period, team averages, training needs and effect,
//! scores derived from customers and from process compliance, and turnover.

use super::model::{
    Capability, Evaluation, Evaluator, Id, QuestionKind, Response, Staff, Time, Training,
};
use super::period::Period;
use super::scoring::{mean_of, Questions};
use crate::domain::sort;
use chrono::NaiveDate;
use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::ops::Range;

/// The range of an evaluation's score per capability: the guide describes a 1 to a 5.
pub const SCORE_SCALE: (u8, u8) = (1, 5);

/// The capabilities in use, in the order they were created (the radar's axis order).
pub fn in_use(capabilities: &[Capability]) -> Vec<&Capability> {
    let mut caps: Vec<&Capability> = capabilities.iter().filter(|c| !c.archived).collect();
    sort::by_key(&mut caps, |c| (c.created_at, c.id));
    caps
}

/// Orders a person's evaluations: later period first, then the latest edit (id breaks the
/// tie so two devices always pick the same one).
fn recency(e: &Evaluation) -> (NaiveDate, Time, Id) {
    (e.period, e.updated_at, e.id)
}

fn of(
    evals: &[Evaluation],
    staff_id: Id,
    evaluator: Evaluator,
) -> impl Iterator<Item = &Evaluation> {
    evals
        .iter()
        .filter(move |e| e.staff_id == staff_id && e.evaluator == evaluator)
}

/// The latest evaluation of each staff member for one period by one kind of evaluator;
/// an evaluation entered twice counts once.
pub fn latest_evaluations(
    evals: &[Evaluation],
    period: NaiveDate,
    evaluator: Evaluator,
) -> BTreeMap<Id, &Evaluation> {
    let mut latest: BTreeMap<Id, &Evaluation> = BTreeMap::new();
    for e in evals
        .iter()
        .filter(|e| e.period == period && e.evaluator == evaluator)
    {
        let kept = latest.entry(e.staff_id).or_insert(e);
        if recency(e) > recency(kept) {
            *kept = e;
        }
    }
    latest
}

/// The period a staff page opens on: the latest one with a manager's evaluation (of
/// `staff_id` when given, else of anyone), not later than `current`; `current` itself
/// when there is none, so an empty new month does not hide last month's scores.
pub fn latest_period(evals: &[Evaluation], staff_id: Option<Id>, current: NaiveDate) -> NaiveDate {
    evals
        .iter()
        .filter(|e| e.evaluator == Evaluator::Manager && e.period <= current)
        .filter(|e| staff_id.is_none_or(|s| e.staff_id == s))
        .map(|e| e.period)
        .max()
        .unwrap_or(current)
}

/// A person's latest evaluation from an earlier period than `period` ("last period").
pub fn previous_evaluation(
    evals: &[Evaluation],
    staff_id: Id,
    period: NaiveDate,
    evaluator: Evaluator,
) -> Option<&Evaluation> {
    of(evals, staff_id, evaluator)
        .filter(|e| e.period < period)
        .max_by_key(|e| recency(e))
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Average {
    pub mean: f64,
    /// People scored on the capability.
    pub n: usize,
}

/// The team's mean score per capability for one period, over each person's latest
/// evaluation by `evaluator` (managers' for the radar; self reviews are averaged apart).
/// A capability nobody was scored on is absent.
pub fn team_average(
    evals: &[Evaluation],
    period: NaiveDate,
    evaluator: Evaluator,
) -> BTreeMap<Id, Average> {
    let mut scores: BTreeMap<Id, Vec<f64>> = BTreeMap::new();
    for e in latest_evaluations(evals, period, evaluator).values() {
        for (c, s) in &e.scores {
            scores.entry(*c).or_default().push(f64::from(*s));
        }
    }
    scores
        .into_iter()
        .filter_map(|(c, v)| {
            Some((
                c,
                Average {
                    mean: mean_of(&v)?,
                    n: v.len(),
                },
            ))
        })
        .collect()
}

/// A capability below its target.
#[derive(Clone, Debug, PartialEq)]
pub struct Need {
    pub capability_id: Id,
    pub target: f64,
    pub actual: f64,
    /// target − actual, always > 0.
    pub gap: f64,
}

/// Training needs, weakest first: only capabilities below target, largest gap first, ties
/// in the order of `capabilities`. Archived or unscored capabilities are not needs.
pub fn training_needs(
    capabilities: &[Capability],
    actual: impl Fn(Id) -> Option<f64>,
) -> Vec<Need> {
    let mut needs: Vec<Need> = capabilities
        .iter()
        .filter(|c| !c.archived)
        .filter_map(|c| {
            let actual = actual(c.id)?;
            let gap = c.target - actual;
            (gap > 0.0).then_some(Need {
                capability_id: c.id,
                target: c.target,
                actual,
                gap,
            })
        })
        .collect();
    // A stable sort keeps the capability order among equal gaps.
    sort::by(&mut needs, |a, b| b.gap.total_cmp(&a.gap));
    needs
}

/// One person's needs from one evaluation.
pub fn person_needs(capabilities: &[Capability], evaluation: &Evaluation) -> Vec<Need> {
    training_needs(capabilities, |c| {
        evaluation.scores.get(&c).map(|&s| s.into())
    })
}

/// The team's needs from its averages.
pub fn team_needs(capabilities: &[Capability], averages: &BTreeMap<Id, Average>) -> Vec<Need> {
    training_needs(capabilities, |c| averages.get(&c).map(|a| a.mean))
}

#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub capability_id: Id,
    pub before: Option<u8>,
    pub after: Option<u8>,
    pub change: Option<i16>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AttendeeEffect<'e> {
    pub staff_id: Id,
    /// The evaluations compared (their periods label the radar's lines).
    pub before: Option<&'e Evaluation>,
    pub after: Option<&'e Evaluation>,
    /// One per targeted capability, in the training's order.
    pub changes: Vec<Change>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CapabilityEffect {
    pub capability_id: Id,
    pub mean_change: Option<f64>,
    /// Attendees with a score both before and after.
    pub n: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TrainingEffect<'e> {
    pub attendees: Vec<AttendeeEffect<'e>>,
    pub team: Vec<CapabilityEffect>,
}

/// Before/after a training, from manager evaluations. "Before" is the latest evaluation
/// whose period starts on or before the training date (the period the training fell in is
/// mostly lived before it); "after" is the first whose period starts later.
pub fn training_effect<'e>(training: &Training, evals: &'e [Evaluation]) -> TrainingEffect<'e> {
    let attendees: Vec<AttendeeEffect> = training
        .attendee_ids
        .iter()
        .map(|&staff_id| {
            let mine = || of(evals, staff_id, Evaluator::Manager);
            let before = mine()
                .filter(|e| e.period <= training.date)
                .max_by_key(|e| recency(e));
            let after = mine()
                .filter(|e| e.period > training.date)
                .max_by_key(|e| (Reverse(e.period), e.updated_at, e.id));
            let score = |e: Option<&Evaluation>, c: &Id| e?.scores.get(c).copied();
            AttendeeEffect {
                staff_id,
                before,
                after,
                changes: training
                    .capability_ids
                    .iter()
                    .map(|c| {
                        let (b, a) = (score(before, c), score(after, c));
                        Change {
                            capability_id: *c,
                            before: b,
                            after: a,
                            change: b.zip(a).map(|(b, a)| i16::from(a) - i16::from(b)),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let team = training
        .capability_ids
        .iter()
        .map(|c| {
            let changes: Vec<f64> = attendees
                .iter()
                .flat_map(|a| &a.changes)
                .filter(|ch| &ch.capability_id == c)
                .filter_map(|ch| ch.change.map(f64::from))
                .collect();
            CapabilityEffect {
                capability_id: *c,
                mean_change: mean_of(&changes),
                n: changes.len(),
            }
        })
        .collect();
    TrainingEffect { attendees, team }
}

/// The month `date` falls in, as its first day: evaluations are kept per month.
pub fn month_of(date: NaiveDate) -> NaiveDate {
    Period::month(date).from
}

/// Customer-derived scores are hidden below this many responses: a couple of answers
/// would praise or blame a person on chance.
pub const MIN_CUSTOMER_RESPONSES: usize = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hidden {
    TooFewResponses,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DerivedScore {
    /// 1–5, `None` when hidden.
    pub value: Option<f64>,
    /// Responses that spoke about the capability.
    pub n: usize,
    pub hidden: Option<Hidden>,
}

/// A scored answer on the 1–5 capability scale: linear from the question's own range
/// (stars unchanged, smiley 1–4, NPS 0–10, Likert 1–7); `None` for unscored kinds and
/// out-of-scale scores.
pub fn to_five(kind: QuestionKind, score: u8) -> Option<f64> {
    let (lo, hi) = kind.scale()?;
    (lo..=hi)
        .contains(&score)
        .then(|| 1.0 + 4.0 * f64::from(score - lo) / f64::from(hi - lo))
}

/// What customers said about one person in `period` (responses where they were on duty),
/// per capability: the mean of the rescaled answers to questions of the capability's
/// dimensions. Every unarchived capability with dimensions gets an entry.
pub fn customer_scores(
    responses: &[Response],
    questions: &Questions,
    capabilities: &[Capability],
    staff_id: Id,
    period: Range<Time>,
    min_responses: usize,
) -> BTreeMap<Id, DerivedScore> {
    let on_duty: Vec<&Response> = responses
        .iter()
        .filter(|r| r.staff_id == Some(staff_id) && period.contains(&r.submitted_at))
        .collect();
    capabilities
        .iter()
        .filter(|c| !c.archived && !c.dimensions.is_empty())
        .map(|c| {
            let mut n = 0;
            let mut values = Vec::new();
            for r in &on_duty {
                let before = values.len();
                values.extend(
                    questions
                        .scored(r)
                        .filter(|(q, _)| {
                            q.dimension
                                .as_ref()
                                .is_some_and(|d| c.dimensions.contains(d))
                        })
                        .filter_map(|(q, s)| to_five(q.kind, s)),
                );
                n += usize::from(values.len() > before);
            }
            let shown = n >= min_responses;
            let score = DerivedScore {
                value: mean_of(&values).filter(|_| shown),
                n,
                hidden: (!shown).then_some(Hidden::TooFewResponses),
            };
            (c.id, score)
        })
        .collect()
}

/// Process compliance (0..1, steps done to standard ÷ required) on the 1–5 scale, linearly:
/// 0 → 1, 0.5 → 3, 1 → 5. Out-of-range ratios are clamped; NaN is no data.
pub fn process_score(compliance: f64) -> Option<f64> {
    (!compliance.is_nan()).then(|| 1.0 + 4.0 * compliance.clamp(0.0, 1.0))
}

/// Staff turnover % for the days `from..=to`: leavers ÷ average headcount, where the
/// headcount is taken at the start of `from` and at the end of `to`. Unknown join dates
/// count as always employed. `None` when there was nobody to lose.
pub fn turnover_percent(staff: &[Staff], from: NaiveDate, to: NaiveDate) -> Option<f64> {
    let joined_by = |s: &Staff, d: NaiveDate| s.joined_on.is_none_or(|j| j <= d);
    let start = staff
        .iter()
        .filter(|s| joined_by(s, from) && s.left_on.is_none_or(|l| l >= from))
        .count();
    let end = staff
        .iter()
        .filter(|s| joined_by(s, to) && s.left_on.is_none_or(|l| l > to))
        .count();
    let leavers = staff
        .iter()
        .filter(|s| s.left_on.is_some_and(|l| from <= l && l <= to))
        .count();
    let headcount = (start + end) as f64 / 2.0;
    (from <= to && headcount > 0.0).then(|| 100.0 * leavers as f64 / headcount)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Dimension, LocalText, SurveyVersion};
    use crate::domain::survey_fixtures::{day, question, response, version};

    fn id(n: u128) -> Id {
        Id::from_u128(n)
    }

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn cap(n: u128, target: f64, dimensions: Vec<Dimension>) -> Capability {
        Capability {
            id: id(n),
            created_at: day(1),
            updated_at: day(1),
            name: LocalText::default(),
            description: LocalText::default(),
            guide: Vec::new(),
            target,
            dimensions,
            archived: false,
        }
    }

    /// An evaluation of staff `s` for the month `m`, last edited on October `edited`.
    fn eval(s: u128, m: u32, who: Evaluator, edited: u32, scores: &[(u128, u8)]) -> Evaluation {
        Evaluation {
            location_id: None,
            id: Id::new_v4(),
            created_at: day(1),
            updated_at: day(edited),
            staff_id: id(s),
            period: date(m, 1),
            evaluator: who,
            scores: scores.iter().map(|&(c, v)| (id(c), v)).collect(),
            note: String::new(),
        }
    }

    use Evaluator::{Manager, SelfReview};

    fn team() -> Vec<Evaluation> {
        vec![
            eval(1, 10, Manager, 2, &[(1, 1)]), // superseded by the edit below
            eval(1, 10, Manager, 5, &[(1, 4), (2, 3)]),
            eval(2, 10, Manager, 3, &[(1, 2)]),
            eval(2, 10, SelfReview, 3, &[(1, 5)]),
            eval(1, 9, Manager, 9, &[(1, 5)]),
        ]
    }

    #[test]
    fn latest_evaluation_per_staff_and_period() {
        let evals = team();
        let latest = latest_evaluations(&evals, date(10, 1), Manager);
        assert_eq!(latest.len(), 2);
        assert_eq!(latest[&id(1)].scores[&id(1)], 4);
        let own = latest_evaluations(&evals, date(10, 1), SelfReview);
        assert_eq!(own.keys().collect::<Vec<_>>(), [&id(2)]);
    }

    #[test]
    fn pages_open_on_the_latest_period_with_evaluations() {
        let mut evals = team();
        // Only a self review in September for person 3; a manager's for December is ahead.
        evals.push(eval(3, 9, SelfReview, 9, &[(1, 3)]));
        evals.push(eval(2, 12, Manager, 9, &[(1, 3)]));
        // In November (nothing yet) the team opens on October, not the empty month.
        assert_eq!(latest_period(&evals, None, date(11, 1)), date(10, 1));
        assert_eq!(latest_period(&evals, Some(id(1)), date(11, 1)), date(10, 1));
        assert_eq!(latest_period(&evals, Some(id(1)), date(9, 1)), date(9, 1));
        // Self reviews do not count; nobody evaluated falls back to the current month.
        assert_eq!(latest_period(&evals, Some(id(3)), date(11, 1)), date(11, 1));
        assert_eq!(latest_period(&[], None, date(11, 1)), date(11, 1));
    }

    #[test]
    fn team_average_uses_managers_latest_only() {
        let avg = team_average(&team(), date(10, 1), Manager);
        // Capability 1: alice 4 (not her superseded 1), bob 2 (not his self 5): 3 over 2.
        assert_eq!(avg[&id(1)], Average { mean: 3.0, n: 2 });
        assert_eq!(avg[&id(2)], Average { mean: 3.0, n: 1 });
        assert!(team_average(&team(), date(11, 1), Manager).is_empty());
    }

    #[test]
    fn previous_period_scores() {
        let evals = team();
        let prev = previous_evaluation(&evals, id(1), date(10, 1), Manager).unwrap();
        assert_eq!(prev.period, date(9, 1));
        assert_eq!(
            previous_evaluation(&evals, id(1), date(9, 1), Manager),
            None
        );
        assert_eq!(
            previous_evaluation(&evals, id(2), date(10, 1), Manager),
            None
        );
    }

    #[test]
    fn needs_rank_largest_gap_first_ties_by_capability_order() {
        let mut archived = cap(4, 5.0, vec![]);
        archived.archived = true;
        // Capability 10 is listed before capability 0 on purpose: ties follow the list, not ids.
        let caps = [
            cap(10, 4.0, vec![]),
            cap(2, 4.5, vec![]),
            cap(3, 4.0, vec![]),
            archived,
            cap(5, 4.0, vec![]), // never scored: not a need
            cap(0, 5.0, vec![]),
        ];
        let e = eval(
            1,
            10,
            Manager,
            1,
            &[(10, 3), (2, 3), (3, 5), (4, 1), (0, 4)],
        );
        let needs = person_needs(&caps, &e);
        // Gaps: c10 4−3 = 1, c2 4.5−3 = 1.5, c3 4−5 < 0 (out), c0 5−4 = 1.
        let got: Vec<(Id, f64)> = needs.iter().map(|n| (n.capability_id, n.gap)).collect();
        assert_eq!(got, [(id(2), 1.5), (id(10), 1.0), (id(0), 1.0)]);
        assert_eq!((needs[0].target, needs[0].actual), (4.5, 3.0));

        // Team: capability 10 averages (2 + 3)/2 = 2.5 → gap 1.5; capability 2 at 4.5 → 0.
        let avg = BTreeMap::from([
            (id(10), Average { mean: 2.5, n: 2 }),
            (id(2), Average { mean: 4.5, n: 2 }),
        ]);
        let team: Vec<(Id, f64)> = team_needs(&caps, &avg)
            .iter()
            .map(|n| (n.capability_id, n.gap))
            .collect();
        assert_eq!(team, [(id(10), 1.5)]);
    }

    #[test]
    fn training_effect_before_and_after() {
        let training = Training {
            id: id(99),
            created_at: day(1),
            updated_at: day(1),
            title: String::new(),
            date: date(10, 15),
            capability_ids: vec![id(1), id(2)],
            attendee_ids: vec![id(1), id(2), id(3)],
            trainer: String::new(),
        };
        let evals = vec![
            eval(1, 9, Manager, 1, &[(1, 2), (2, 3)]),
            eval(1, 10, Manager, 1, &[(1, 3), (2, 3)]), // Oct 1 ≤ Oct 15: the "before"
            eval(1, 11, Manager, 1, &[(1, 4), (2, 4)]), // the first after
            eval(1, 12, Manager, 1, &[(1, 5), (2, 5)]),
            eval(1, 11, SelfReview, 1, &[(1, 1)]),
            eval(2, 10, Manager, 1, &[(1, 2)]),
            eval(2, 11, Manager, 1, &[(1, 4), (2, 2)]),
            eval(3, 10, Manager, 1, &[(1, 1), (2, 1)]), // never evaluated after
        ];
        let fx = training_effect(&training, &evals);
        let changes = |i: usize| -> Vec<Option<i16>> {
            fx.attendees[i].changes.iter().map(|c| c.change).collect()
        };
        // Alice 3→4 and 3→4; Bob 2→4 and (none)→2; Carol has no "after".
        assert_eq!(changes(0), [Some(1), Some(1)]);
        assert_eq!(changes(1), [Some(2), None]);
        assert_eq!(changes(2), [None, None]);
        let period = |e: Option<&Evaluation>| e.map(|e| e.period);
        assert_eq!(period(fx.attendees[0].before), Some(date(10, 1)));
        assert_eq!(period(fx.attendees[0].after), Some(date(11, 1)));
        assert_eq!(period(fx.attendees[2].after), None);
        // Team: capability 1 (1 + 2)/2 = 1.5 over 2; capability 2 only Alice's +1.
        assert_eq!(fx.team[0].mean_change, Some(1.5));
        assert_eq!(fx.team[0].n, 2);
        assert_eq!(fx.team[1].mean_change, Some(1.0));
        assert_eq!(fx.team[1].n, 1);
    }

    #[test]
    fn rescale_to_five() {
        use QuestionKind::*;
        let cases = [
            (Stars, 3, Some(3.0)),
            (Smiley, 1, Some(1.0)),
            (Smiley, 4, Some(5.0)),
            (Nps, 0, Some(1.0)),
            (Nps, 5, Some(3.0)),    // 1 + 4 × 5/10
            (Likert, 4, Some(3.0)), // 1 + 4 × 3/6
            (Likert, 7, Some(5.0)),
            (Stars, 0, None),
            (Text, 3, None),
        ];
        for (kind, s, want) in cases {
            assert_eq!(to_five(kind, s), want, "{kind:?} {s}");
        }
    }

    struct Survey {
        versions: Vec<SurveyVersion>,
        stars: Id,
        nps: Id,
        smiley: Id,
        likert: Id,
    }

    fn survey() -> Survey {
        let stars = question(QuestionKind::Stars, Some(Dimension::Empathy));
        let nps = question(QuestionKind::Nps, Some(Dimension::Responsiveness));
        let smiley = question(QuestionKind::Smiley, Some(Dimension::Empathy));
        let likert = question(QuestionKind::Likert, Some(Dimension::Tangibles));
        let ids = (stars.id, nps.id, smiley.id, likert.id);
        Survey {
            versions: vec![version(vec![stars, nps, smiley, likert])],
            stars: ids.0,
            nps: ids.1,
            smiley: ids.2,
            likert: ids.3,
        }
    }

    #[test]
    fn customer_scores_hidden_below_minimum() {
        let s = survey();
        let v = &s.versions[0];
        let alice = Some(id(1));
        let caps = [
            cap(1, 4.0, vec![Dimension::Empathy, Dimension::Responsiveness]),
            cap(2, 4.0, vec![Dimension::Tangibles]),
            cap(3, 4.0, vec![]), // nothing customers can speak to
        ];
        let mut rs = vec![
            response(v, alice, 2, &[(s.stars, 5), (s.nps, 10)]), // 5, 5
            response(v, alice, 3, &[(s.stars, 3)]),              // 3
            response(v, alice, 4, &[(s.smiley, 2)]),             // 1 + 4/3 = 7/3
            response(v, alice, 5, &[(s.nps, 5)]),                // 3
            response(v, alice, 6, &[(s.likert, 7)]),             // capability 2 only
            response(v, Some(id(2)), 6, &[(s.stars, 1)]),        // someone else
            response(v, alice, 20, &[(s.stars, 1)]),             // after the period
        ];
        let qs = Questions::new(&s.versions);
        let period = day(1)..day(15);
        let scores = |rs: &[Response]| {
            customer_scores(
                rs,
                &qs,
                &caps,
                id(1),
                period.clone(),
                MIN_CUSTOMER_RESPONSES,
            )
        };
        let got = scores(&rs);
        assert_eq!(got.len(), 2);
        // Four responses spoke about capability 1: below 5, hidden.
        let hidden = DerivedScore {
            value: None,
            n: 4,
            hidden: Some(Hidden::TooFewResponses),
        };
        assert_eq!(got[&id(1)], hidden);
        assert_eq!(got[&id(2)].n, 1);

        rs.push(response(v, alice, 7, &[(s.stars, 4)]));
        let got = scores(&rs);
        // Answers 5, 5, 3, 7/3, 3, 4 = 67/3 over 6 answers = 67/18 ≈ 3.722, from 5 responses.
        let c1 = got[&id(1)];
        assert_eq!((c1.n, c1.hidden), (5, None));
        assert!((c1.value.unwrap() - 67.0 / 18.0).abs() < 1e-12);
    }

    #[test]
    fn monthly_periods() {
        assert_eq!(month_of(date(2, 28)), date(2, 1));
        assert_eq!(month_of(date(12, 1)), date(12, 1));
    }

    #[test]
    fn process_score_is_linear() {
        assert_eq!(process_score(0.0), Some(1.0));
        assert_eq!(process_score(0.5), Some(3.0));
        assert!((process_score(0.8).unwrap() - 4.2).abs() < 1e-12);
        assert_eq!(process_score(1.3), Some(5.0));
        assert_eq!(process_score(f64::NAN), None);
    }

    fn person(joined: Option<(u32, u32)>, left: Option<(u32, u32)>) -> Staff {
        Staff {
            id: Id::new_v4(),
            created_at: day(1),
            updated_at: day(1),
            name: String::new(),
            role_id: None,
            joined_on: joined.map(|(m, d)| date(m, d)),
            left_on: left.map(|(m, d)| date(m, d)),
        }
    }

    #[test]
    fn turnover_over_average_headcount() {
        let staff = [
            person(Some((1, 1)), None),           // start, end
            person(Some((1, 1)), Some((10, 10))), // start, leaver
            person(Some((10, 5)), None),          // end
            person(Some((1, 1)), Some((9, 30))),  // gone before: nothing
            person(None, Some((10, 31))),         // start, leaver (not there at the end)
            person(Some((1, 1)), Some((11, 2))),  // start, end
        ];
        // Start 4, end 3: average 3.5; 2 leavers → 2 / 3.5 = 57.142857… %.
        let t = turnover_percent(&staff, date(10, 1), date(10, 31)).unwrap();
        assert!((t - 200.0 / 3.5).abs() < 1e-9);
        assert_eq!(turnover_percent(&[], date(10, 1), date(10, 31)), None);
    }
}
