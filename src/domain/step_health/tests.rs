//! Step health on a hand-made process: two steps, ten runs, a linked question, a complaint.

use super::*;
use crate::domain::feedback;
use crate::domain::survey_fixtures::{question, response, version};
use chrono::{Duration, NaiveDate, TimeZone, Utc};

fn at(d: u32, h: u32) -> Time {
    Utc.with_ymd_and_hms(2026, 10, d, h, 0, 0).unwrap()
}

fn october() -> Span {
    Span {
        instants: at(1, 0)..Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap(),
        days: (
            NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
        ),
    }
}

fn step(n: u128) -> Step {
    Step {
        id: Id::from_u128(n),
        name: LocalText::new(&format!("步骤{n}"), &format!("Step {n}")),
        role_id: None,
        standard: LocalText::default(),
        time_limit_s: 60,
        tier: Tier::Basic,
        options: vec![],
        inputs: vec![],
        outputs: vec![],
        value_adding: true,
    }
}

/// A run on day `d`: step 1 in 30 s, step 2 in `second` seconds.
fn run(d: u32, second: i64) -> ProcessRun {
    let start = at(d, 12);
    let one = start + Duration::seconds(30);
    let two = one + Duration::seconds(second);
    let rec = |n: u128, from: Time, to: Time| StepRecord {
        step_id: Id::from_u128(n),
        started_at: Some(from),
        done_at: Some(to),
        done_by: None,
        option: None,
        note: String::new(),
        skipped_reason: None,
    };
    ProcessRun {
        location_id: None,
        id: Id::new_v4(),
        created_at: start,
        updated_at: two,
        process_version_id: Id::from_u128(100),
        staff_id: None,
        visit_code: String::new(),
        started_at: start,
        finished_at: Some(two),
        steps: vec![rec(1, start, one), rec(2, one, two)],
    }
}

fn data() -> Data {
    let process = ServiceProcess {
        id: Id::from_u128(1),
        created_at: at(1, 0),
        updated_at: at(1, 0),
        name: LocalText::new("桌边服务", "Table service"),
        category: String::new(),
        archived: false,
    };
    let v = ProcessVersion {
        id: Id::from_u128(100),
        created_at: at(1, 0),
        updated_at: at(1, 0),
        process_id: process.id,
        number: 1,
        status: VersionStatus::Published,
        change_note: String::new(),
        published_at: Some(at(1, 0)),
        stages: vec![Stage {
            kind: StageKind::In,
            steps: vec![step(1), step(2)],
        }],
    };
    // Step 2 is late (90 s > 60 s) in 3 of 10 runs: 30 % late, 70 % compliant.
    let runs = (1..=10)
        .map(|d| run(d, if d <= 3 { 90 } else { 40 }))
        .collect();
    // Five 2-star answers to a question about step 1: 2 on 1–5 is below 3.5.
    let mut q = question(QuestionKind::Stars, None);
    q.step_ids = vec![Id::from_u128(1)];
    let sv = version(vec![q.clone()]);
    let responses = (1..=5)
        .map(|d| response(&sv, None, d, &[(q.id, 2)]))
        .collect();
    let mut complaint = feedback::open(
        FeedbackKind::Complaint,
        Channel::Phone,
        String::new(),
        Id::from_u128(9),
        at(5, 9),
    );
    complaint.step_id = Some(Id::from_u128(2));
    Data {
        processes: vec![process],
        process_versions: vec![v],
        runs,
        survey_versions: vec![sv],
        responses,
        feedback: vec![complaint],
        ..Data::default()
    }
}

#[test]
fn the_worst_step_comes_first_with_its_evidence() {
    let rows = step_health(
        &data(),
        &Facts::new(&data()),
        &october(),
        &Filter::default(),
    );
    assert_eq!(rows.len(), 2);
    let (two, one) = (&rows[0], &rows[1]);
    assert_eq!(two.step_id, Id::from_u128(2));
    assert_eq!(two.compliance, Share { num: 7, den: 10 });
    assert_eq!(two.overrun, Share { num: 3, den: 10 });
    assert_eq!(two.complaints, 1);
    assert_eq!(two.answers, 0);
    assert_eq!(
        two.concerns,
        vec![
            Concern::LowCompliance,
            Concern::OftenLate,
            Concern::Complaints
        ]
    );
    assert_eq!(one.step_id, Id::from_u128(1));
    assert_eq!(one.compliance, Share { num: 10, den: 10 });
    assert_eq!((one.answers, one.score), (5, Some(2.0)));
    assert_eq!(one.concerns, vec![Concern::LowScore]);
}

#[test]
fn too_few_runs_or_answers_raise_no_concern() {
    let mut d = data();
    // Nine runs in the period and four answers: below both minimums.
    d.runs[9].finished_at = Some(Utc.with_ymd_and_hms(2026, 11, 2, 0, 0, 0).unwrap());
    d.responses.pop();
    d.feedback.clear();
    let rows = step_health(&d, &Facts::new(&d), &october(), &Filter::default());
    assert!(rows.iter().all(|r| r.concerns.is_empty()), "{rows:#?}");
    // With no concern on either, the less compliant step (6 of 9) still comes first.
    assert_eq!(rows[0].step_id, Id::from_u128(2));
    assert_eq!(rows[0].overrun, Share { num: 3, den: 9 });
    assert_eq!(rows[0].compliance, Share { num: 6, den: 9 });
}

/// A filter is added up record by record, no filter from running totals: with one person
/// behind every record, both give the same rows, and a span that cuts the runs in half
/// keeps only the runs inside it either way. Scores of mixed scales stay exact.
#[test]
fn filtered_and_unfiltered_sums_agree() {
    let mut d = data();
    let who = Id::from_u128(77);
    for r in &mut d.runs {
        r.staff_id = Some(who);
    }
    let mut nps = question(QuestionKind::Nps, None);
    nps.step_ids = vec![Id::from_u128(1)];
    d.survey_versions[0].questions.push(nps.clone());
    for (i, r) in d.responses.iter_mut().enumerate() {
        r.staff_id = Some(who);
        // 7 of 0–10 is 1 + 4 × 0.7 = 3.8 on 1–5.
        if i < 2 {
            r.answers.insert(nps.id, Answer::Score(7));
        }
    }
    d.feedback.clear();
    let facts = Facts::new(&d);
    let person = Filter {
        staff: Some(who),
        ..Filter::default()
    };
    let first_half = Span {
        instants: at(1, 0)..at(6, 0),
        days: october().days,
    };
    for span in [october(), first_half.clone()] {
        let every = step_health(&d, &facts, &span, &Filter::default());
        assert_eq!(every, step_health(&d, &facts, &span, &person));
    }
    let one = step_health(&d, &facts, &october(), &Filter::default())
        .into_iter()
        .find(|h| h.step_id == Id::from_u128(1))
        .unwrap();
    // Five 2-star answers and two 3.8s.
    assert_eq!(one.answers, 7);
    assert_eq!(one.score, Some((5.0 * 2.0 + 2.0 * 3.8) / 7.0));
    let half = step_health(&d, &facts, &first_half, &Filter::default());
    let two = half.iter().find(|h| h.step_id == Id::from_u128(2)).unwrap();
    // Runs of days 1–5 (each finishes on its day at noon): three late, two on time.
    assert_eq!(two.overrun, Share { num: 3, den: 5 });
}

/// An audit in the period that failed step 1 twice over two walks and passed step 2 puts
/// its results beside the step, and a failure is a concern; one outside the period counts
/// for nothing.
#[test]
fn audit_results_join_the_evidence() {
    let mut d = data();
    d.feedback.clear();
    d.responses.clear();
    let walk = |day: u32, one: AuditResult| Audit {
        location_id: None,
        id: Id::new_v4(),
        created_at: at(day, 12),
        updated_at: at(day, 12),
        process_version_id: Id::from_u128(100),
        auditor: "王店长".into(),
        kind: AuditKind::Anonymous,
        date: NaiveDate::from_ymd_opt(2026, 10, day).unwrap(),
        results: vec![
            StepResult {
                step_id: Id::from_u128(1),
                result: one,
                note: String::new(),
            },
            StepResult {
                step_id: Id::from_u128(2),
                result: AuditResult::Passed,
                note: String::new(),
            },
        ],
        recheck: None,
    };
    d.audits = vec![
        walk(3, AuditResult::Failed),
        walk(20, AuditResult::Failed),
        walk(21, AuditResult::NotSeen),
    ];
    let mut november = walk(1, AuditResult::Failed);
    november.date = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    d.audits.push(november);
    let rows = step_health(&d, &Facts::new(&d), &october(), &Filter::default());
    let row = |n: u128| rows.iter().find(|h| h.step_id == Id::from_u128(n)).unwrap();
    assert_eq!(
        row(1).audit,
        StepAudit {
            passed: 0,
            failed: 2,
            seen: 2
        }
    );
    assert!(row(1).concerns.contains(&Concern::AuditFailed));
    assert_eq!(
        row(2).audit,
        StepAudit {
            passed: 3,
            failed: 0,
            seen: 3
        }
    );
    assert!(!row(2).concerns.contains(&Concern::AuditFailed));
}
