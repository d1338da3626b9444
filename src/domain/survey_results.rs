//! One question's results beyond its headline figure: how the answers spread, how the
//! figure moves week by week or month by month, and what customers wrote (text answers and
//! low-score follow-ups), filtered to what the manager is looking into. Each carries its n.

use super::capability::to_five;
use super::model::*;
use super::period::{local_date, Period, PeriodKind};
use super::scoring::{self, Figure, Questions};
use crate::domain::sort;
use chrono::{FixedOffset, NaiveDate};
use std::collections::BTreeMap;

/// The period the survey list and the results page both open on: the last 30 days.
pub const DEFAULT_PERIOD_DAYS: u32 = 30;

/// Without a follow-up threshold, an answer is low in the bottom of its scale: at or below
/// 2.5 on the 1–5 capability scale (stars 1–2, smileys 1–2, NPS 0–3, Likert 1–3).
const LOW_ON_FIVE: f64 = 2.5;

/// How many answers chose each value: the scale's values (every one, even unchosen), or the
/// option indices of a choice question. `n` counts the responses that answered.
#[derive(Clone, Debug, PartialEq)]
pub struct Distribution {
    pub counts: Vec<(u32, usize)>,
    pub n: usize,
}

/// `None` for text questions, which have no values to count.
pub fn distribution(q: &Question, responses: &[&Response]) -> Option<Distribution> {
    let values: Vec<u32> = match q.kind.scale() {
        Some((lo, hi)) => (u32::from(lo)..=u32::from(hi)).collect(),
        None if q.kind == QuestionKind::Text => return None,
        None => (0..q.options.len() as u32).collect(),
    };
    let mut counts: BTreeMap<u32, usize> = values.iter().map(|v| (*v, 0)).collect();
    let mut n = 0;
    for r in responses {
        let chosen: Vec<u32> = match r.answers.get(&q.id) {
            Some(Answer::Score(s)) => vec![u32::from(*s)],
            Some(Answer::Choice(c)) => vec![*c],
            Some(Answer::Choices(cs)) => cs.clone(),
            _ => continue,
        };
        let mut counted = false;
        for v in chosen {
            // Values outside the question (a damaged import) are not counted.
            if let Some(c) = counts.get_mut(&v) {
                *c += 1;
                counted = true;
            }
        }
        n += usize::from(counted);
    }
    Some(Distribution {
        counts: counts.into_iter().collect(),
        n,
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bucket {
    /// Weeks start on Monday.
    Week,
    Month,
}

/// The first local day of the week or month that `t` falls in.
pub fn bucket_of(t: Time, offset: FixedOffset, bucket: Bucket) -> NaiveDate {
    let kind = match bucket {
        Bucket::Week => PeriodKind::Week,
        Bucket::Month => PeriodKind::Month,
    };
    Period::containing(kind, local_date(t, offset)).from
}

/// The figure that suits the question's kind: CSAT for stars, NPS for 0–10, else the mean
/// of its scale. `None` for unscored kinds.
pub fn figure(q: &Question, responses: &[&Response]) -> Option<Figure> {
    let ids = [q.id];
    let rs = responses.iter().copied();
    Some(match q.kind {
        QuestionKind::Stars => scoring::csat(rs, &ids),
        QuestionKind::Nps => scoring::nps(rs, &ids),
        k => scoring::mean(rs, &ids, k.scale()?),
    })
}

/// The question's figure per week or month, oldest first; only periods with answers appear.
pub fn trend(
    q: &Question,
    responses: &[&Response],
    bucket: Bucket,
    offset: FixedOffset,
) -> Vec<(NaiveDate, Figure)> {
    let mut by: BTreeMap<NaiveDate, Vec<&Response>> = BTreeMap::new();
    for r in responses.iter().filter(|r| r.answers.contains_key(&q.id)) {
        by.entry(bucket_of(r.submitted_at, offset, bucket))
            .or_default()
            .push(r);
    }
    by.into_iter()
        .filter_map(|(start, rs)| Some((start, figure(q, &rs)?)).filter(|(_, f)| f.n > 0))
        .collect()
}

/// Whether a scored answer is low: at or below the question's follow-up threshold, or in
/// the bottom of the scale when it has none.
pub fn is_low(q: &Question, score: u8) -> bool {
    match q.follow_up_at_or_below {
        Some(limit) => score <= limit,
        None => to_five(q.kind, score).is_some_and(|v| v <= LOW_ON_FIVE),
    }
}

/// Something a customer wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct Comment<'r> {
    pub response: &'r Response,
    pub question_id: Id,
    pub text: &'r str,
    /// The score it explains, for a follow-up; `None` for a text question's answer.
    pub score: Option<u8>,
    /// A follow-up, or a text answer in a response with a low score.
    pub low: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CommentFilter {
    pub low_only: bool,
    /// The staff member on duty.
    pub staff: Option<Id>,
    /// A process step the answered question measures (for a follow-up, the scored one).
    pub step: Option<Id>,
}

/// Every comment in `responses` that passes `filter`, newest first.
pub fn comments<'r>(
    questions: &Questions,
    responses: &[&'r Response],
    filter: &CommentFilter,
) -> Vec<Comment<'r>> {
    let mut out = Vec::new();
    for r in responses {
        if filter.staff.is_some() && r.staff_id != filter.staff {
            continue;
        }
        let scored: Vec<(&Question, u8)> = questions.scored(r).collect();
        let any_low = scored.iter().any(|(q, s)| is_low(q, *s));
        let follow_ups = r.follow_ups.iter().filter_map(|(qid, text)| {
            let (q, s) = scored.iter().find(|(q, _)| q.id == *qid)?;
            Some((*q, text.as_str(), Some(*s), is_low(q, *s)))
        });
        let texts = r.answers.iter().filter_map(|(qid, a)| {
            let Answer::Text(text) = a else {
                return None;
            };
            let q = questions.get(r.survey_version_id, *qid)?;
            Some((q, text.as_str(), None, any_low))
        });
        for (q, text, score, low) in texts.chain(follow_ups) {
            let on_step = filter.step.is_none_or(|s| q.step_ids.contains(&s));
            if text.trim().is_empty() || !on_step || (filter.low_only && !low) {
                continue;
            }
            out.push(Comment {
                response: r,
                question_id: q.id,
                text,
                score,
                low,
            });
        }
    }
    sort::by_key(&mut out, |c| std::cmp::Reverse(c.response.submitted_at));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::survey_fixtures::{question, response, version};

    fn staff(n: u128) -> Option<Id> {
        Some(Id::from_u128(n))
    }

    #[test]
    fn distribution_counts_every_value_and_the_responses_that_answered() {
        let v = version(vec![question(QuestionKind::Stars, None)]);
        let q = &v.questions[0];
        let rs: Vec<Response> = [5, 5, 4, 1, 9]
            .iter()
            .map(|s| response(&v, None, 2, &[(q.id, *s)]))
            .chain([response(&v, None, 2, &[])])
            .collect();
        let refs: Vec<&Response> = rs.iter().collect();
        let d = distribution(q, &refs).unwrap();
        // 9 is off the scale; the empty response did not answer.
        assert_eq!(d.counts, [(1, 1), (2, 0), (3, 0), (4, 1), (5, 2)]);
        assert_eq!(d.n, 4);

        let mut multi = question(QuestionKind::MultipleChoice, None);
        multi.options = vec![LocalText::new("甲", "A"), LocalText::new("乙", "B")];
        let mut r1 = response(&v, None, 2, &[]);
        r1.answers.insert(multi.id, Answer::Choices(vec![0, 1]));
        let mut r2 = response(&v, None, 2, &[]);
        r2.answers.insert(multi.id, Answer::Choices(vec![1]));
        let d = distribution(&multi, &[&r1, &r2]).unwrap();
        assert_eq!((d.counts, d.n), (vec![(0, 1), (1, 2)], 2));
        assert_eq!(
            distribution(&question(QuestionKind::Text, None), &refs),
            None
        );
    }

    #[test]
    fn trend_by_week_and_month_with_n() {
        let v = version(vec![question(QuestionKind::Stars, None)]);
        let q = &v.questions[0];
        // October 2026: the 5th and 12th are Mondays. Days 5 and 6 (5★, 3★) are one week,
        // day 12 (4★) the next; day 31 at noon UTC is 1 November at UTC+13.
        let rs: Vec<Response> = [(5, 5), (6, 3), (12, 4), (31, 5)]
            .iter()
            .map(|(d, s)| response(&v, None, *d, &[(q.id, *s)]))
            .collect();
        let refs: Vec<&Response> = rs.iter().collect();
        let weeks: Vec<(NaiveDate, Option<f64>, usize)> =
            trend(q, &refs, Bucket::Week, FixedOffset::east_opt(0).unwrap())
                .into_iter()
                .map(|(d, f)| (d, f.value, f.n))
                .collect();
        let date = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        assert_eq!(
            weeks,
            [
                (date(10, 5), Some(50.0), 2),
                (date(10, 12), Some(100.0), 1),
                (date(10, 26), Some(100.0), 1)
            ]
        );
        let months: Vec<(NaiveDate, usize)> = trend(
            q,
            &refs,
            Bucket::Month,
            FixedOffset::east_opt(13 * 3600).unwrap(),
        )
        .into_iter()
        .map(|(d, f)| (d, f.n))
        .collect();
        assert_eq!(months, [(date(10, 1), 3), (date(11, 1), 1)]);
    }

    #[test]
    fn comments_filter_by_low_score_staff_and_step() {
        let step = Id::from_u128(50);
        let mut stars = question(QuestionKind::Stars, None);
        stars.step_ids = vec![step];
        stars.follow_up = Some(LocalText::new("哪里不好?", "What went wrong?"));
        stars.follow_up_at_or_below = Some(2);
        let text = question(QuestionKind::Text, None);
        let v = version(vec![stars.clone(), text.clone()]);
        let with_text = |r: &mut Response, t: &str| {
            r.answers.insert(text.id, Answer::Text(t.into()));
        };
        let mut a = response(&v, staff(1), 3, &[(stars.id, 1)]);
        a.follow_ups.insert(stars.id, "汤是凉的".into());
        with_text(&mut a, "不会再来");
        let mut b = response(&v, staff(2), 4, &[(stars.id, 5)]);
        with_text(&mut b, "很好");
        let mut c = response(&v, staff(1), 5, &[(stars.id, 4)]);
        with_text(&mut c, "  ");
        let versions = [v];
        let qs = Questions::new(&versions);
        let rs = [&a, &b, &c];
        let texts = |f: CommentFilter| -> Vec<&str> {
            comments(&qs, &rs, &f).iter().map(|c| c.text).collect()
        };
        // Newest first; the blank answer is no comment.
        assert_eq!(
            texts(CommentFilter::default()),
            ["很好", "不会再来", "汤是凉的"]
        );
        let low = CommentFilter {
            low_only: true,
            ..Default::default()
        };
        assert_eq!(texts(low), ["不会再来", "汤是凉的"]);
        let by_staff = CommentFilter {
            staff: staff(2),
            ..Default::default()
        };
        assert_eq!(texts(by_staff), ["很好"]);
        // Only the star question measures the step: its follow-up is the one comment.
        let on_step = CommentFilter {
            step: Some(step),
            ..Default::default()
        };
        let found = comments(&qs, &rs, &on_step);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].text, found[0].score, found[0].low),
            ("汤是凉的", Some(1), true)
        );
    }

    #[test]
    fn low_uses_the_threshold_or_the_bottom_of_the_scale() {
        let mut q = question(QuestionKind::Nps, None);
        assert!(is_low(&q, 3) && !is_low(&q, 4));
        q.follow_up_at_or_below = Some(6);
        assert!(is_low(&q, 6) && !is_low(&q, 7));
        let likert = question(QuestionKind::Likert, None);
        assert!(is_low(&likert, 3) && !is_low(&likert, 4));
    }
}
