//! Every KPI on hand-computed fixtures.

use super::*;
use crate::domain::feedback;
use crate::domain::survey_fixtures::{question, response, version};
use chrono::{Duration, TimeZone, Utc};

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> Time {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// October 2026 in UTC: the fixtures' responses are on October days at noon UTC.
fn october() -> Span {
    Span {
        instants: at(2026, 10, 1, 0, 0)..at(2026, 11, 1, 0, 0),
        days: (date(10, 1), date(10, 31)),
    }
}

fn all() -> Filter {
    Filter::default()
}

fn complaint(created: Time) -> Feedback {
    feedback::open(
        FeedbackKind::Complaint,
        Channel::Phone,
        String::new(),
        Id::new_v4(),
        created,
    )
}

#[test]
fn an_empty_period_has_no_figures_and_no_change() {
    let d = Data::default();
    let figures = figures(&d, &october(), &all(), at(2026, 11, 1, 0, 0));
    for kpi in Kpi::ALL {
        let v = figures[&kpi];
        assert_eq!(v.value, None, "{kpi:?}");
        assert_eq!(v.n, 0, "{kpi:?}");
        assert!(v.small_sample());
    }
    let one = Value {
        value: Some(80.0),
        n: 40,
    };
    assert_eq!(
        change(one, figures[&Kpi::Csat]),
        None,
        "no data before: no change, not 0"
    );
    assert_eq!(
        change(
            one,
            Value {
                value: Some(75.0),
                n: 31
            }
        ),
        Some(5.0)
    );
}

#[test]
fn satisfaction_from_one_pass() {
    let stars = question(QuestionKind::Stars, None);
    let nps = question(QuestionKind::Nps, None);
    let ces = question(QuestionKind::Likert, None);
    let servqual_item = question(QuestionKind::Likert, Some(Dimension::Empathy));
    let v = version(vec![
        stars.clone(),
        nps.clone(),
        ces.clone(),
        servqual_item.clone(),
    ]);
    let mut d = Data {
        survey_versions: vec![v.clone()],
        ..Data::default()
    };
    // Stars 5, 4, 3, 1 → 2 of 4 satisfied = 50 %. NPS 10, 9, 8, 6, 0 → (2 − 2) / 5 = 0.
    // CES 7, 5, 3 → 5.0; the dimension-tagged Likert item (7s) is not effort.
    let rows: [(&[u8], Option<u8>, Option<u8>); 5] = [
        (&[5], Some(10), Some(7)),
        (&[4], Some(9), Some(5)),
        (&[3], Some(8), Some(3)),
        (&[1], Some(6), None),
        (&[], Some(0), None),
    ];
    for (i, (s, n, c)) in rows.iter().enumerate() {
        let mut scores = vec![(servqual_item.id, 7)];
        scores.extend(s.iter().map(|s| (stars.id, *s)));
        scores.extend(n.map(|n| (nps.id, n)));
        scores.extend(c.map(|c| (ces.id, c)));
        d.responses.push(response(&v, None, 2 + i as u32, &scores));
    }
    // Outside the period: not counted.
    d.responses.push(response(&v, None, 31, &[(stars.id, 1)]));
    d.responses[5].submitted_at = at(2026, 11, 1, 0, 0);
    let f = figures(&d, &october(), &all(), at(2026, 11, 1, 0, 0));
    assert_eq!(
        f[&Kpi::Csat],
        Value {
            value: Some(50.0),
            n: 4
        }
    );
    assert_eq!(
        f[&Kpi::Nps],
        Value {
            value: Some(0.0),
            n: 5
        }
    );
    assert_eq!(
        f[&Kpi::Ces],
        Value {
            value: Some(5.0),
            n: 3
        }
    );

    // One more promoter: (3 − 2) / 6 = 16.67.
    d.responses.push(response(&v, None, 20, &[(nps.id, 10)]));
    let f = figures(&d, &october(), &all(), at(2026, 11, 1, 0, 0));
    let nps_value = f[&Kpi::Nps].value.unwrap();
    assert!((nps_value - 100.0 / 6.0).abs() < 1e-9, "{nps_value}");
}

#[test]
fn a_local_month_in_utc_plus_8_takes_the_late_evening_answer() {
    let stars = question(QuestionKind::Stars, None);
    let v = version(vec![stars.clone()]);
    let mut late = response(&v, None, 1, &[(stars.id, 5)]);
    // 23:30 on 31 October in Shanghai is 15:30 UTC the same day: October there.
    late.submitted_at = at(2026, 10, 31, 15, 30);
    let mut after_midnight = response(&v, None, 1, &[(stars.id, 1)]);
    // 00:30 on 1 November in Shanghai is 16:30 UTC on 31 October: November there.
    after_midnight.submitted_at = at(2026, 10, 31, 16, 30);
    let d = Data {
        survey_versions: vec![v],
        responses: vec![late, after_midnight],
        ..Data::default()
    };
    let local_october = Span {
        instants: at(2026, 9, 30, 16, 0)..at(2026, 10, 31, 16, 0),
        days: (date(10, 1), date(10, 31)),
    };
    let f = figures(&d, &local_october, &all(), at(2026, 12, 1, 0, 0));
    assert_eq!(
        f[&Kpi::Csat],
        Value {
            value: Some(100.0),
            n: 1
        }
    );
}

#[test]
fn complaints_rate_response_time_and_resolution_in_time() {
    let stars = question(QuestionKind::Stars, None);
    let v = version(vec![stars.clone()]);
    let mut d = Data {
        survey_versions: vec![v.clone()],
        ..Data::default()
    };
    for day in 1..=4 {
        d.responses.push(response(&v, None, day, &[(stars.id, 5)]));
    }
    // Due 24 h after arrival. a: answered after 30 min, resolved in time. b: answered after
    // 90 min, resolved late. c: answered after 10 min, never resolved, past due by `now`.
    // e: arrived on 31 Oct, due 1 Nov (outside): counts for the rate, not for "in time".
    let mut a = complaint(at(2026, 10, 5, 9, 0));
    a.first_response_at = Some(a.created_at + Duration::minutes(30));
    a.resolved_at = Some(a.created_at + Duration::hours(3));
    let mut b = complaint(at(2026, 10, 6, 9, 0));
    b.first_response_at = Some(b.created_at + Duration::minutes(90));
    b.resolved_at = Some(b.created_at + Duration::hours(30));
    let mut c = complaint(at(2026, 10, 7, 9, 0));
    c.first_response_at = Some(c.created_at + Duration::minutes(10));
    let e = complaint(at(2026, 10, 31, 12, 0));
    let praise = feedback::open(
        FeedbackKind::Praise,
        Channel::InPerson,
        String::new(),
        Id::new_v4(),
        at(2026, 10, 8, 9, 0),
    );
    d.feedback = vec![a, b, c, e, praise];
    let f = figures(&d, &october(), &all(), at(2026, 11, 15, 0, 0));
    // 4 complaints ÷ 4 responses × 1,000.
    assert_eq!(
        f[&Kpi::ComplaintRate],
        Value {
            value: Some(1000.0),
            n: 4
        }
    );
    // Median of 10, 30, 90 minutes.
    assert_eq!(
        f[&Kpi::FirstResponseMinutes],
        Value {
            value: Some(30.0),
            n: 3
        }
    );
    // a in time; b late; c late (past due, unresolved) → 1 of 3.
    let in_time = f[&Kpi::ResolvedInTime];
    assert_eq!(in_time.n, 3);
    assert!((in_time.value.unwrap() - 100.0 / 3.0).abs() < 1e-9);

    // Before c's due time, c is still undecided and not counted.
    let f = figures(&d, &october(), &all(), at(2026, 10, 7, 12, 0));
    assert_eq!(
        f[&Kpi::ResolvedInTime],
        Value {
            value: Some(50.0),
            n: 2
        }
    );

    // The channel filter narrows complaints; responses count only under the kiosk channel.
    let phone = Filter {
        channel: Some(Channel::Phone),
        ..Filter::default()
    };
    let f = figures(&d, &october(), &phone, at(2026, 11, 15, 0, 0));
    assert_eq!(f[&Kpi::ComplaintRate], Value { value: None, n: 0 });
    assert_eq!(f[&Kpi::FirstResponseMinutes].n, 3);
}

#[test]
fn filters_by_staff_and_survey() {
    let stars = question(QuestionKind::Stars, None);
    let v1 = version(vec![stars.clone()]);
    let v2 = version(vec![stars.clone()]);
    let (anna, ben) = (Id::from_u128(1), Id::from_u128(2));
    let d = Data {
        survey_versions: vec![v1.clone(), v2.clone()],
        responses: vec![
            response(&v1, Some(anna), 3, &[(stars.id, 5)]),
            response(&v1, Some(ben), 3, &[(stars.id, 2)]),
            response(&v2, Some(anna), 4, &[(stars.id, 1)]),
        ],
        ..Data::default()
    };
    let now = at(2026, 11, 1, 0, 0);
    let by = |f: Filter| figures(&d, &october(), &f, now)[&Kpi::Csat];
    assert_eq!(by(Filter::default()).n, 3);
    let anna_only = by(Filter {
        staff: Some(anna),
        ..Filter::default()
    });
    assert_eq!(
        anna_only,
        Value {
            value: Some(50.0),
            n: 2
        }
    );
    let first_survey = by(Filter {
        survey: Some(v1.survey_id),
        ..Filter::default()
    });
    assert_eq!(
        first_survey,
        Value {
            value: Some(50.0),
            n: 2
        }
    );
}

fn person(id: u128, joined: NaiveDate, left: Option<NaiveDate>) -> Staff {
    Staff {
        id: Id::from_u128(id),
        created_at: at(2026, 1, 1, 0, 0),
        updated_at: at(2026, 1, 1, 0, 0),
        name: format!("p{id}"),
        role_id: None,
        joined_on: Some(joined),
        left_on: left,
    }
}

#[test]
fn turnover_and_training_coverage() {
    // Four employed in October (one joined in November does not count); one leaves on the
    // 20th. Headcount 4 at the start, 3 at the end → turnover 1 ÷ 3.5.
    let staff = vec![
        person(1, date(1, 1), None),
        person(2, date(1, 1), None),
        person(3, date(1, 1), Some(date(10, 20))),
        person(4, date(10, 1), None),
        person(5, date(11, 2), None),
    ];
    let training = Training {
        id: Id::from_u128(9),
        created_at: at(2026, 10, 10, 0, 0),
        updated_at: at(2026, 10, 10, 0, 0),
        title: String::new(),
        date: date(10, 10),
        capability_ids: vec![],
        // Person 5 attends but was not yet employed in October: not counted.
        attendee_ids: vec![Id::from_u128(1), Id::from_u128(3), Id::from_u128(5)],
        trainer: String::new(),
    };
    let d = Data {
        staff,
        trainings: vec![training],
        ..Data::default()
    };
    let f = figures(&d, &october(), &all(), at(2026, 11, 1, 0, 0));
    let turnover = f[&Kpi::Turnover];
    assert!((turnover.value.unwrap() - 100.0 / 3.5).abs() < 1e-9);
    assert_eq!(turnover.n, 4);
    assert_eq!(
        f[&Kpi::TrainingCoverage],
        Value {
            value: Some(50.0),
            n: 4
        }
    );
    assert!(Kpi::Csat.higher_is_better() && !Kpi::Turnover.higher_is_better());
}

fn step(n: u128, tier: Tier) -> Step {
    Step {
        id: Id::from_u128(n),
        name: LocalText::default(),
        role_id: None,
        standard: LocalText::default(),
        time_limit_s: 60,
        tier,
        options: vec![],
        inputs: vec![],
        outputs: vec![],
        value_adding: true,
    }
}

/// A run of the two-step version: each step's (seconds taken, note).
fn run(staff: Option<Id>, start: Time, steps: [(i64, &str); 2]) -> ProcessRun {
    let mut at = start;
    let records = steps
        .iter()
        .zip([1u128, 2])
        .map(|((took, note), n)| {
            let started = at;
            at += Duration::seconds(*took);
            StepRecord {
                step_id: Id::from_u128(n),
                started_at: Some(started),
                done_at: Some(at),
                done_by: None,
                option: None,
                note: note.to_string(),
                skipped_reason: None,
            }
        })
        .collect();
    ProcessRun {
        location_id: None,
        id: Id::new_v4(),
        created_at: start,
        updated_at: at,
        process_version_id: Id::from_u128(100),
        staff_id: staff,
        visit_code: String::new(),
        started_at: start,
        finished_at: Some(at),
        steps: records,
    }
}

#[test]
fn compliance_overall_per_tier_and_on_time() {
    let version = ProcessVersion {
        id: Id::from_u128(100),
        created_at: at(2026, 9, 1, 0, 0),
        updated_at: at(2026, 9, 1, 0, 0),
        process_id: Id::from_u128(1),
        number: 1,
        status: VersionStatus::Published,
        change_note: String::new(),
        published_at: None,
        stages: vec![Stage {
            kind: StageKind::In,
            steps: vec![step(1, Tier::Basic), step(2, Tier::Custom)],
        }],
    };
    let anna = Id::from_u128(7);
    let d = Data {
        process_versions: vec![version],
        runs: vec![
            // Basic in 30 s: compliant, on time. Custom in 90 s with a note: late.
            run(Some(anna), at(2026, 10, 2, 12, 0), [(30, ""), (90, "生日")]),
            // Basic fine; custom in 30 s but without its note: on time, not compliant.
            run(None, at(2026, 10, 3, 12, 0), [(30, ""), (30, " ")]),
            // Finished in November: outside.
            run(None, at(2026, 11, 3, 12, 0), [(30, ""), (30, "x")]),
        ],
        ..Data::default()
    };
    let f = figures(&d, &october(), &all(), at(2026, 11, 5, 0, 0));
    assert_eq!(
        f[&Kpi::Compliance],
        Value {
            value: Some(50.0),
            n: 4
        }
    );
    assert_eq!(
        f[&Kpi::ComplianceTier(Tier::Basic)],
        Value {
            value: Some(100.0),
            n: 2
        }
    );
    assert_eq!(
        f[&Kpi::ComplianceTier(Tier::Custom)],
        Value {
            value: Some(0.0),
            n: 2
        }
    );
    assert_eq!(
        f[&Kpi::ComplianceTier(Tier::Standard)],
        Value { value: None, n: 0 }
    );
    assert_eq!(
        f[&Kpi::OnTimeSteps],
        Value {
            value: Some(75.0),
            n: 4
        }
    );
    let hers = Filter {
        staff: Some(anna),
        ..Filter::default()
    };
    let f = figures(&d, &october(), &hers, at(2026, 11, 5, 0, 0));
    assert_eq!(
        f[&Kpi::Compliance],
        Value {
            value: Some(50.0),
            n: 2
        }
    );
    let other_process = Filter {
        process: Some(Id::from_u128(2)),
        ..Filter::default()
    };
    assert_eq!(
        figures(&d, &october(), &other_process, at(2026, 11, 5, 0, 0))[&Kpi::Compliance].n,
        0
    );
}

#[test]
fn root_causes_and_satisfaction_points() {
    let mut a = complaint(at(2026, 10, 5, 9, 0));
    a.root_cause = Some(RootCause::People);
    let mut b = complaint(at(2026, 10, 6, 9, 0));
    b.root_cause = Some(RootCause::People);
    let c = complaint(at(2026, 10, 7, 9, 0));
    let stars = question(QuestionKind::Stars, None);
    let v = version(vec![stars.clone()]);
    let mut r = response(&v, None, 1, &[(stars.id, 4)]);
    r.submitted_at = at(2026, 10, 9, 15, 30);
    let d = Data {
        feedback: vec![a, b, c],
        survey_versions: vec![v.clone()],
        responses: vec![r, response(&v, None, 2, &[(stars.id, 2)])],
        ..Data::default()
    };
    assert_eq!(
        root_causes(&d, &october(), &all()),
        vec![(None, 1), (Some(RootCause::People), 2)]
    );
    let plus8 = |_| chrono::FixedOffset::east_opt(8 * 3600).unwrap();
    let facts = Facts::new(&d);
    let points: Vec<_> = satisfaction_points(&facts, &october(), &all(), &plus8).collect();
    // In time order: noon UTC on the 2nd is 20:00 in UTC+8; 15:30 UTC on the 9th is 23:30.
    let local = |day, h, m| date(10, day).and_hms_opt(h, m, 0).unwrap();
    assert_eq!(
        points,
        vec![(local(2, 20, 0), 0.0), (local(9, 23, 30), 100.0)]
    );
}

#[test]
fn first_contact_resolution_counts_reopened_items_against_the_first_resolution() {
    let fix = |c: &Feedback, at: Time| {
        let r = Resolution {
            note: "refund".into(),
            ..Resolution::default()
        };
        feedback::resolve(c, r, None, at).unwrap()
    };
    // a: resolved 5 Oct, held. b: resolved 6 Oct, reopened 8 Oct, resolved again 2 Nov.
    // c: resolved on 3 Nov (outside October). d: never resolved. e: from before the history
    // was kept — resolved 9 Oct with no history: held.
    let a = fix(&complaint(at(2026, 10, 5, 9, 0)), at(2026, 10, 5, 12, 0));
    let b = fix(&complaint(at(2026, 10, 6, 9, 0)), at(2026, 10, 6, 12, 0));
    let b = feedback::reopen(&b, "still broken", None, at(2026, 10, 8, 9, 0)).unwrap();
    let b = fix(&b, at(2026, 11, 2, 9, 0));
    let c = fix(&complaint(at(2026, 10, 30, 9, 0)), at(2026, 11, 3, 9, 0));
    let d_ = complaint(at(2026, 10, 7, 9, 0));
    let mut e = complaint(at(2026, 10, 9, 8, 0));
    e.resolved_at = Some(at(2026, 10, 9, 10, 0));
    e.status = FeedbackStatus::Resolved;
    let d = Data {
        feedback: vec![a, b, c, d_, e],
        ..Data::default()
    };
    let f = figures(&d, &october(), &all(), at(2026, 11, 15, 0, 0));
    // a, b, e first resolved in October; b was reopened → 2 of 3.
    let fcr = f[&Kpi::FirstContactResolution];
    assert_eq!(fcr.n, 3);
    assert!((fcr.value.unwrap() - 200.0 / 3.0).abs() < 1e-9);
}

#[test]
fn servqual_gaps_per_dimension_from_answered_pairs() {
    let pair = |item: u8, dim: Dimension| {
        let mut e = question(QuestionKind::Likert, Some(dim.clone()));
        e.servqual = Some(ServqualPart::Expectation { item });
        let mut p = question(QuestionKind::Likert, Some(dim));
        p.servqual = Some(ServqualPart::Perception { item });
        (e, p)
    };
    let (e1, p1) = pair(1, Dimension::Tangibles);
    let (e2, p2) = pair(2, Dimension::Tangibles);
    let (e5, p5) = pair(5, Dimension::Empathy);
    let v = version(vec![
        e1.clone(),
        p1.clone(),
        e2.clone(),
        p2.clone(),
        e5.clone(),
        p5.clone(),
    ]);
    let mut d = Data {
        survey_versions: vec![v.clone()],
        ..Data::default()
    };
    // Tangibles pairs: (7, 5) → −2, (6, 6) → 0, (4, 7) → +3; item 2 of the second response is
    // unanswered (perception only), so 3 pairs: mean +1/3. Empathy: (7, 4) → −3, one pair.
    d.responses.push(response(
        &v,
        None,
        3,
        &[
            (e1.id, 7),
            (p1.id, 5),
            (e2.id, 6),
            (p2.id, 6),
            (e5.id, 7),
            (p5.id, 4),
        ],
    ));
    d.responses
        .push(response(&v, None, 4, &[(e1.id, 4), (p1.id, 7), (p2.id, 2)]));
    let f = figures(&d, &october(), &all(), at(2026, 11, 15, 0, 0));
    let tangibles = f[&Kpi::ServqualGap(0)];
    assert_eq!(tangibles.n, 3);
    assert!((tangibles.value.unwrap() - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(
        f[&Kpi::ServqualGap(4)],
        Value {
            value: Some(-3.0),
            n: 1
        }
    );
    assert_eq!(f[&Kpi::ServqualGap(1)], Value { value: None, n: 0 });
    // SERVQUAL items are not effort answers.
    assert_eq!(f[&Kpi::Ces].n, 0);
}

#[test]
fn figures_of_several_spans_equal_each_span_alone() {
    let stars = question(QuestionKind::Stars, None);
    let v = version(vec![stars.clone()]);
    let mut d = Data {
        survey_versions: vec![v.clone()],
        ..Data::default()
    };
    for (day, s) in [(1, 5), (2, 1), (9, 4), (10, 2), (20, 5), (31, 3)] {
        d.responses.push(response(&v, None, day, &[(stars.id, s)]));
    }
    d.feedback.push(complaint(at(2026, 10, 9, 9, 0)));
    let weeks: Vec<Span> = (0..5)
        .map(|w| {
            let from = date(10, 1) + Duration::days(7 * w);
            let to = from + Duration::days(6);
            Span {
                instants: Utc.from_utc_datetime(&from.and_hms_opt(0, 0, 0).unwrap())
                    ..Utc.from_utc_datetime(&to.succ_opt().unwrap().and_hms_opt(0, 0, 0).unwrap()),
                days: (from, to),
            }
        })
        .collect();
    let now = at(2026, 11, 15, 0, 0);
    let each = figures_each(&d, &weeks, &all(), now);
    assert_eq!(each.len(), weeks.len());
    for (span, m) in weeks.iter().zip(&each) {
        assert_eq!(*m, figures(&d, span, &all(), now), "{span:?}");
    }
    // Week 2 (8–14 Oct): stars 4 and 2, one complaint.
    assert_eq!(
        each[1][&Kpi::Csat],
        Value {
            value: Some(50.0),
            n: 2
        }
    );
    assert_eq!(each[1][&Kpi::ComplaintRate].value, Some(500.0));
    // The fifth week runs 29 Oct – 4 Nov: it holds the 31 Oct answer.
    assert_eq!(each[4][&Kpi::Csat].n, 1);
}
