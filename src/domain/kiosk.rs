//! What a kiosk submission turns into: the response, and a service-recovery item when the
//! customer gave a low score.

use super::feedback;
use super::model::*;
use std::collections::BTreeMap;

/// Whether this answer asks for the question's "what went wrong?" follow-up.
pub fn is_low(q: &Question, answer: &Answer) -> bool {
    match (q.follow_up_at_or_below, answer) {
        (Some(limit), Answer::Score(s)) => q.follow_up.is_some() && *s <= limit,
        _ => false,
    }
}

pub struct Submission {
    pub answers: BTreeMap<Id, Answer>,
    pub follow_ups: BTreeMap<Id, String>,
    pub staff_id: Option<Id>,
    pub device_id: String,
    pub visit_code: String,
    pub location_id: Option<Id>,
}

pub fn response(version: &SurveyVersion, s: Submission, id: Id, now: Time) -> Response {
    Response {
        id,
        created_at: now,
        updated_at: now,
        survey_version_id: version.id,
        submitted_at: now,
        device_id: s.device_id,
        staff_id: s.staff_id,
        process_id: None,
        visit_code: s.visit_code.trim().to_string(),
        answers: s.answers,
        follow_ups: s
            .follow_ups
            .into_iter()
            .filter(|(_, t)| !t.trim().is_empty())
            .collect(),
        location_id: s.location_id,
    }
}

/// A complaint to follow up, when any answer was low; its text is what the customer wrote.
pub fn recovery(version: &SurveyVersion, r: &Response, id: Id, now: Time) -> Option<Feedback> {
    let low: Vec<&Question> = version
        .questions
        .iter()
        .filter(|q| r.answers.get(&q.id).is_some_and(|a| is_low(q, a)))
        .collect();
    if low.is_empty() {
        return None;
    }
    let text = low
        .iter()
        .filter_map(|q| r.follow_ups.get(&q.id))
        .cloned()
        .collect::<Vec<_>>()
        .join(" / ");
    let mut f = feedback::open(FeedbackKind::Complaint, Channel::Kiosk, text, id, now);
    f.staff_id = r.staff_id;
    f.response_id = Some(r.id);
    f.location_id = r.location_id;
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::instruments::{instantiate, InstrumentId};
    use chrono::Duration;

    fn now() -> Time {
        chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap()
    }

    fn csat() -> SurveyVersion {
        let mut n = 0u128;
        instantiate(
            InstrumentId::Csat,
            &mut || {
                n += 1;
                Id::from_u128(n)
            },
            now(),
        )
        .version
    }

    fn submit(v: &SurveyVersion, stars: u8, why: &str) -> Response {
        let q = v
            .questions
            .iter()
            .find(|q| q.kind == QuestionKind::Stars)
            .unwrap();
        let s = Submission {
            answers: BTreeMap::from([(q.id, Answer::Score(stars))]),
            follow_ups: BTreeMap::from([(q.id, why.to_string())]),
            staff_id: Some(Id::from_u128(77)),
            device_id: "tablet".into(),
            visit_code: " A1 ".into(),
            location_id: Some(Id::from_u128(88)),
        };
        response(v, s, Id::from_u128(500), now())
    }

    #[test]
    fn a_low_score_becomes_a_recovery_item_due_in_a_day() {
        let v = csat();
        let r = submit(&v, 2, "上菜太慢");
        assert_eq!(r.visit_code, "A1");
        let f = recovery(&v, &r, Id::from_u128(600), now()).expect("2 stars is low");
        assert_eq!(
            (f.kind, f.channel, f.status),
            (
                FeedbackKind::Complaint,
                Channel::Kiosk,
                FeedbackStatus::Open
            )
        );
        assert_eq!(
            (f.text.as_str(), f.response_id, f.staff_id),
            ("上菜太慢", Some(r.id), Some(Id::from_u128(77)))
        );
        let shop = Some(Id::from_u128(88));
        assert_eq!(
            (r.location_id, f.location_id),
            (shop, shop),
            "where it was given"
        );
        assert_eq!(f.due_at, Some(now() + Duration::hours(24)));
    }

    #[test]
    fn good_scores_make_no_item_and_blank_follow_ups_are_dropped() {
        let v = csat();
        let r = submit(&v, 4, "  ");
        assert!(r.follow_ups.is_empty());
        assert!(recovery(&v, &r, Id::from_u128(600), now()).is_none());
    }
}
