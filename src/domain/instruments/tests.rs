use super::*;
use chrono::{TimeZone, Utc};
use uuid::Uuid;

fn counter() -> impl FnMut() -> Id {
    let mut n = 0u64;
    move || {
        n += 1;
        Uuid::from_u64_pair(0, n)
    }
}

fn make(i: InstrumentId) -> Instrument {
    let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    instantiate(i, &mut counter(), now)
}

fn bilingual(t: &LocalText) -> bool {
    !t.zh.trim().is_empty() && !t.en.trim().is_empty()
}

#[test]
fn every_text_is_in_both_languages() {
    for i in InstrumentId::ALL {
        let m = make(i);
        assert!(bilingual(&m.survey.name), "{i:?}");
        assert!(!m.version.questions.is_empty(), "{i:?}");
        for q in &m.version.questions {
            assert!(bilingual(&q.text), "{i:?} {:?}", q.text);
            assert!(q.options.iter().all(bilingual), "{i:?}");
            assert!(q.follow_up.iter().all(bilingual), "{i:?}");
        }
    }
}

#[test]
fn versions_are_published_and_ids_unique() {
    for i in InstrumentId::ALL {
        let m = make(i);
        assert_eq!(m.version.status, VersionStatus::Published);
        assert_eq!(m.version.survey_id, m.survey.id);
        let mut ids: Vec<Id> = m.version.questions.iter().map(|q| q.id).collect();
        ids.extend([m.survey.id, m.version.id]);
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "{i:?}");
    }
}

#[test]
fn follow_ups_ask_on_low_scores_within_the_scale() {
    let first = |i| make(i).version.questions.remove(0);
    let csat = first(InstrumentId::Csat);
    assert_eq!(
        (csat.kind, csat.follow_up_at_or_below),
        (QuestionKind::Stars, Some(2))
    );
    assert_eq!(csat.follow_up.unwrap().en, "What went wrong?");
    let nps = first(InstrumentId::Nps);
    assert_eq!(
        (nps.kind, nps.follow_up_at_or_below),
        (QuestionKind::Nps, Some(6))
    );
    let ces = first(InstrumentId::Ces);
    assert_eq!(ces.kind, QuestionKind::Likert);
    assert_eq!(ces.text.en, "It was easy to get my issue handled.");
    for i in InstrumentId::ALL {
        for q in make(i).version.questions {
            if let Some(at) = q.follow_up_at_or_below {
                let (lo, hi) = q.kind.scale().expect("a follow-up on an unscored question");
                assert!(lo <= at && at < hi, "{i:?}");
            }
        }
    }
}

#[test]
fn servqual_22_has_an_expectation_and_a_perception_per_item() {
    let qs = make(InstrumentId::Servqual22).version.questions;
    assert_eq!(qs.len(), 44);
    let mut expectations = Vec::new();
    let mut perceptions = Vec::new();
    for q in &qs {
        assert_eq!(q.kind, QuestionKind::Likert);
        match q.servqual.expect("a SERVQUAL question without its part") {
            ServqualPart::Expectation { item } => expectations.push((item, q.dimension.clone())),
            ServqualPart::Perception { item } => perceptions.push((item, q.dimension.clone())),
        }
    }
    let items: Vec<u8> = (1..=22).collect();
    for half in [&expectations, &perceptions] {
        assert_eq!(half.iter().map(|(i, _)| *i).collect::<Vec<_>>(), items);
        let count = |d: Dimension| half.iter().filter(|(_, x)| *x == Some(d.clone())).count();
        // Parasuraman, Zeithaml & Berry 1988: 4 + 5 + 4 + 4 + 5 = 22.
        assert_eq!(count(Dimension::Tangibles), 4);
        assert_eq!(count(Dimension::Reliability), 5);
        assert_eq!(count(Dimension::Responsiveness), 4);
        assert_eq!(count(Dimension::Assurance), 4);
        assert_eq!(count(Dimension::Empathy), 5);
    }
    // Expectations come first, then perceptions.
    assert!(matches!(
        qs[21].servqual,
        Some(ServqualPart::Expectation { item: 22 })
    ));
    assert!(matches!(
        qs[22].servqual,
        Some(ServqualPart::Perception { item: 1 })
    ));
}

#[test]
fn servqual_dimension_covers_exactly_items_1_to_22() {
    assert_eq!(servqual_dimension(0), None);
    assert_eq!(servqual_dimension(4), Some(Dimension::Tangibles));
    assert_eq!(servqual_dimension(5), Some(Dimension::Reliability));
    assert_eq!(servqual_dimension(13), Some(Dimension::Responsiveness));
    assert_eq!(servqual_dimension(14), Some(Dimension::Assurance));
    assert_eq!(servqual_dimension(22), Some(Dimension::Empathy));
    assert_eq!(servqual_dimension(23), None);
}

#[test]
fn short_servqual_is_one_perception_item_per_dimension_and_flagged() {
    let qs = make(InstrumentId::ServqualShort).version.questions;
    let dims: Vec<Option<Dimension>> = qs.iter().map(|q| q.dimension.clone()).collect();
    assert_eq!(
        dims,
        [
            Dimension::Tangibles,
            Dimension::Reliability,
            Dimension::Responsiveness,
            Dimension::Assurance,
            Dimension::Empathy
        ]
        .map(Some)
    );
    assert!(qs.iter().all(|q| q.servqual.is_none()));
    let flagged: Vec<InstrumentId> = InstrumentId::ALL
        .into_iter()
        .filter(|i| i.is_simplification())
        .collect();
    assert_eq!(flagged, [InstrumentId::ServqualShort]);
}

#[test]
fn complaint_form_asks_the_kind_then_the_story() {
    let qs = make(InstrumentId::ComplaintForm).version.questions;
    assert_eq!(qs[0].kind, QuestionKind::SingleChoice);
    assert_eq!(qs[0].options.len(), COMPLAINT_FORM_KINDS.len());
    assert_eq!(qs[0].options[0].zh, "投诉");
    assert_eq!(COMPLAINT_FORM_KINDS[0], FeedbackKind::Complaint);
    assert_eq!((qs[1].kind, qs[1].required), (QuestionKind::Text, true));
}

#[test]
fn no_text_is_a_chinese_english_pair() {
    for i in InstrumentId::ALL {
        let m = make(i);
        let found = crate::domain::bilingual::pairs_in(&(&m.survey, &m.version));
        assert_eq!(found, Vec::<String>::new(), "{i:?}");
    }
}

#[test]
fn a_simplification_is_not_named_one_twice() {
    // The instrument list adds "简化版 / simplified" beside such a name.
    for i in InstrumentId::ALL
        .into_iter()
        .filter(|i| i.is_simplification())
    {
        let name = i.name();
        assert!(!name.zh.contains("简化"), "{}", name.zh);
        assert!(!name.en.to_lowercase().contains("simplif"), "{}", name.en);
    }
}
