//! Locations: names, the location filter over every kind of record, and the comparison.

use super::*;
use crate::domain::exports::{self, Naming};
use crate::domain::feedback;
use crate::domain::model::*;
use crate::domain::survey_fixtures::{day, question, response, version};
use crate::domain::table::Cell;
use chrono::{Duration, NaiveDate};

fn october() -> Span {
    Span {
        instants: day(1)..day(31) + Duration::days(1),
        days: (
            NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
        ),
    }
}

fn shop(n: u128, name: &str) -> Location {
    new(name, Id::from_u128(n), day(1))
}

/// A workspace with the stars question `q` and, per location, (satisfied, unhappy) responses.
fn answered(shops: &[(Option<Id>, usize, usize)]) -> Data {
    let q = question(QuestionKind::Stars, None);
    let v = version(vec![q.clone()]);
    let mut d = Data::default();
    for (at, happy, unhappy) in shops {
        let stars = std::iter::repeat_n(5, *happy).chain(std::iter::repeat_n(2, *unhappy));
        for (i, s) in stars.enumerate() {
            let mut r = response(&v, None, 2 + (i % 20) as u32, &[(q.id, s)]);
            r.location_id = *at;
            d.responses.push(r);
        }
    }
    d.survey_versions.push(v);
    d
}

fn figures_at(d: &Data, location: Option<Id>) -> std::collections::BTreeMap<Kpi, Value> {
    let f = Filter {
        location,
        ..Filter::default()
    };
    kpi::figures(d, &october(), &f, day(31))
}

#[test]
fn names_must_be_given_short_and_unique() {
    let mut d = Data::default();
    d.locations.push(shop(1, "North Gate"));
    assert_eq!(name_problem(&d, "  ", None), Some(NameProblem::Empty));
    assert_eq!(
        name_problem(&d, &"店".repeat(NAME_MAX + 1), None),
        Some(NameProblem::TooLong)
    );
    assert_eq!(name_problem(&d, &"店".repeat(NAME_MAX), None), None);
    assert_eq!(
        name_problem(&d, " north gate ", None),
        Some(NameProblem::Taken)
    );
    assert_eq!(
        name_problem(&d, "North gate", Some(Id::from_u128(1))),
        None,
        "renaming a location to its own name in other case"
    );
    assert_eq!(new("  South  ", Id::from_u128(2), day(1)).name, "South");
}

#[test]
fn the_location_filter_splits_responses_runs_feedback_and_audits() {
    let (north, south) = (Some(Id::from_u128(1)), Some(Id::from_u128(2)));
    // North: 3 of 4 satisfied; south: 1 of 5; one response from before locations.
    let mut d = answered(&[(north, 3, 1), (south, 1, 4), (None, 1, 0)]);
    for (n, at) in [(1, north), (2, north), (3, south)] {
        let mut c = feedback::open(
            FeedbackKind::Complaint,
            Channel::Phone,
            String::new(),
            Id::from_u128(100 + n),
            day(5),
        );
        c.location_id = at;
        d.feedback.push(c);
    }
    let all = figures_at(&d, None);
    assert_eq!(all[&Kpi::Csat].n, 10);
    assert_eq!(all[&Kpi::Csat].value, Some(50.0));
    let n = figures_at(&d, north);
    assert_eq!((n[&Kpi::Csat].value, n[&Kpi::Csat].n), (Some(75.0), 4));
    assert_eq!(n[&Kpi::ComplaintRate].value, Some(2.0 / 4.0 * 1000.0));
    let s = figures_at(&d, south);
    assert_eq!((s[&Kpi::Csat].value, s[&Kpi::Csat].n), (Some(20.0), 5));
    assert_eq!(s[&Kpi::ComplaintRate].value, Some(1.0 / 5.0 * 1000.0));
    // Staff belong to no location: their KPIs have nothing to count under one.
    d.staff.push(Staff {
        id: Id::from_u128(9),
        created_at: day(1),
        updated_at: day(1),
        name: "Ann".into(),
        role_id: None,
        joined_on: None,
        left_on: None,
    });
    assert_eq!(figures_at(&d, None)[&Kpi::TrainingCoverage].n, 1);
    assert_eq!(figures_at(&d, north)[&Kpi::TrainingCoverage].n, 0);
}

#[test]
fn runs_and_audits_count_at_their_location_only() {
    let step = Step {
        id: Id::from_u128(50),
        name: LocalText::default(),
        role_id: None,
        standard: LocalText::default(),
        time_limit_s: 60,
        tier: Tier::Basic,
        options: Vec::new(),
        inputs: Vec::new(),
        outputs: Vec::new(),
        value_adding: true,
    };
    let v = ProcessVersion {
        id: Id::from_u128(40),
        created_at: day(1),
        updated_at: day(1),
        process_id: Id::from_u128(41),
        number: 1,
        status: VersionStatus::Published,
        change_note: String::new(),
        published_at: None,
        stages: vec![Stage {
            kind: StageKind::In,
            steps: vec![step],
        }],
    };
    let north = Some(Id::from_u128(1));
    let run = |n: u128, done: bool, at: Option<Id>| ProcessRun {
        id: Id::from_u128(n),
        created_at: day(3),
        updated_at: day(3),
        process_version_id: v.id,
        staff_id: None,
        visit_code: String::new(),
        started_at: day(3),
        finished_at: Some(day(3) + Duration::minutes(5)),
        steps: vec![StepRecord {
            step_id: Id::from_u128(50),
            started_at: Some(day(3)),
            done_at: done.then(|| day(3) + Duration::seconds(30)),
            done_by: None,
            option: None,
            note: String::new(),
            skipped_reason: (!done).then(|| "busy".into()),
        }],
        location_id: at,
    };
    let audit = |n: u128, result: AuditResult, at: Option<Id>| Audit {
        id: Id::from_u128(n),
        created_at: day(4),
        updated_at: day(4),
        process_version_id: v.id,
        auditor: "Q".into(),
        kind: AuditKind::Visible,
        date: NaiveDate::from_ymd_opt(2026, 10, 4).unwrap(),
        results: vec![StepResult {
            step_id: Id::from_u128(50),
            result,
            note: String::new(),
        }],
        recheck: None,
        location_id: at,
    };
    let d = Data {
        runs: vec![
            run(1, true, north),
            run(2, false, None),
            run(3, false, None),
        ],
        audits: vec![
            audit(10, AuditResult::Passed, north),
            audit(11, AuditResult::Failed, None),
        ],
        process_versions: vec![v],
        ..Data::default()
    };
    let all = figures_at(&d, None);
    assert_eq!(
        (all[&Kpi::Compliance].value, all[&Kpi::Compliance].n),
        (Some(100.0 / 3.0), 3)
    );
    assert_eq!(all[&Kpi::AuditScore].value, Some(50.0));
    let n = figures_at(&d, north);
    assert_eq!(
        (n[&Kpi::Compliance].value, n[&Kpi::Compliance].n),
        (Some(100.0), 1)
    );
    assert_eq!(
        (n[&Kpi::AuditScore].value, n[&Kpi::AuditScore].n),
        (Some(100.0), 1)
    );
}

#[test]
fn the_comparison_marks_best_and_worst_of_the_large_enough() {
    let ids: Vec<Id> = (1..=4).map(Id::from_u128).collect();
    // Satisfied of 40: 36 (90 %), 30 (75 %), 20 (50 %); the fourth has 10 answers, all 5 stars.
    let mut d = answered(&[
        (Some(ids[0]), 36, 4),
        (Some(ids[1]), 30, 10),
        (Some(ids[2]), 20, 20),
        (Some(ids[3]), 10, 0),
    ]);
    d.locations = vec![shop(3, "C"), shop(1, "A"), shop(4, "D"), shop(2, "B")];
    let cmp = compare(&d, &Facts::new(&d), &october(), &Filter::default(), day(31));
    let names: Vec<&str> = cmp.locations.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, ["A", "B", "C", "D"], "in name order");
    let csat = cmp.rows.iter().find(|r| r.kpi == Kpi::Csat).unwrap();
    let values: Vec<Option<f64>> = csat.values.iter().map(|v| v.value).collect();
    assert_eq!(values, [Some(90.0), Some(75.0), Some(50.0), Some(100.0)]);
    assert_eq!(
        csat.marks,
        [Some(Mark::Best), None, Some(Mark::Worst), None],
        "D's 100 % of 10 answers is not ranked"
    );
    assert_eq!(cmp.rows.len(), COMPARED.len());
    // The page's own location filter does not narrow the comparison to one location.
    let one = Filter {
        location: Some(ids[1]),
        ..Filter::default()
    };
    assert_eq!(compare(&d, &Facts::new(&d), &october(), &one, day(31)), cmp);
    assert!(compared(&d));
    let mut single = d.clone();
    single.locations.truncate(1);
    assert!(!compared(&single), "one location has nothing to compare");
    // Other filters still hold: a survey no response is to leaves nothing to rank.
    let other = Filter {
        survey: Some(Id::from_u128(999)),
        ..Filter::default()
    };
    let none = compare(&d, &Facts::new(&d), &october(), &other, day(31));
    assert!(none
        .rows
        .iter()
        .all(|r| r.marks.iter().all(Option::is_none)));
}

#[test]
fn lower_is_better_ties_share_and_equal_values_mark_nothing() {
    let v = |x: f64| Value {
        value: Some(x),
        n: 40,
    };
    assert_eq!(
        marks(Kpi::ComplaintRate, &[v(5.0), v(20.0), v(5.0)]),
        [Some(Mark::Best), Some(Mark::Worst), Some(Mark::Best)]
    );
    assert_eq!(marks(Kpi::Csat, &[v(80.0), v(80.0)]), [None, None]);
    let none = Value { value: None, n: 0 };
    assert_eq!(marks(Kpi::Csat, &[v(80.0), none]), [None, None]);
}

#[test]
fn in_use_counts_every_kind_of_record_made_there() {
    let north = Some(Id::from_u128(1));
    let mut d = answered(&[(north, 2, 1), (None, 1, 0)]);
    assert_eq!(in_use(&d, Id::from_u128(1)), 3);
    let mut c = feedback::open(
        FeedbackKind::Praise,
        Channel::InPerson,
        String::new(),
        Id::from_u128(7),
        day(2),
    );
    c.location_id = north;
    d.feedback.push(c);
    assert_eq!(in_use(&d, Id::from_u128(1)), 4);
    assert_eq!(in_use(&d, Id::from_u128(2)), 0);
}

#[test]
fn exports_name_the_location_and_compare_them() {
    let (a, b) = (Id::from_u128(1), Id::from_u128(2));
    let mut d = answered(&[(Some(a), 36, 4), (Some(b), 20, 20)]);
    d.locations = vec![shop(1, "North"), shop(2, "South")];
    let label = |l: exports::Label| l.code();
    let text = |t: &LocalText| t.en.clone();
    let naming = Naming {
        codes: true,
        label: &label,
        text: &text,
    };
    let offset = chrono::FixedOffset::east_opt(0).unwrap();
    let only_south = Filter {
        location: Some(b),
        ..Filter::default()
    };
    let t = exports::responses(
        &d,
        &october(),
        &only_south,
        offset,
        &naming,
        exports::MultiChoice::OneColumn,
    );
    let col = t.columns.iter().position(|c| c == "location").unwrap();
    assert_eq!(t.rows.len(), 40);
    assert!(t.rows.iter().all(|r| r[col] == Cell::text("South")));

    let cmp = compare(&d, &Facts::new(&d), &october(), &Filter::default(), day(31));
    let t = exports::by_location(&cmp, &naming);
    assert_eq!(
        t.columns,
        [
            "kpi",
            "North",
            "North (n)",
            "South",
            "South (n)",
            "best",
            "worst"
        ]
    );
    let csat = t.rows.iter().find(|r| r[0] == Cell::text("csat")).unwrap();
    assert_eq!(
        csat[1..],
        [
            Cell::Number(90.0),
            Cell::Number(40.0),
            Cell::Number(50.0),
            Cell::Number(40.0),
            Cell::text("North"),
            Cell::text("South")
        ]
    );
}

#[test]
fn a_record_without_a_location_is_stored_as_before() {
    let d = answered(&[(None, 1, 0)]);
    let json = serde_json::to_value(&d.responses[0]).unwrap();
    assert!(
        json.get("location_id").is_none(),
        "a single shop's file is unchanged"
    );
    let mut r = d.responses[0].clone();
    r.location_id = Some(Id::from_u128(5));
    let back: Response = serde_json::from_value(serde_json::to_value(&r).unwrap()).unwrap();
    assert_eq!(back, r);
}
