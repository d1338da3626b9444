//! Improvement actions on hand-made records: stage moves and refusals, overdue, the list,
//! pre-filling, and the effect over equal windows in UTC+8.

use super::effect::{windows, ChangeSource};
use super::*;
use crate::domain::period::Period;
use crate::domain::survey_fixtures::{question, version};
use chrono::{Duration, FixedOffset, TimeZone, Utc};

fn utc(m: u32, d: u32, h: u32, min: u32, s: u32) -> Time {
    Utc.with_ymd_and_hms(2026, m, d, h, min, s).unwrap()
}

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn plus8() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap()
}

/// 2026-11-01 00:00 in UTC+8: local midnight is 16:00 UTC the day before.
fn change() -> Time {
    utc(10, 31, 16, 0, 0)
}

fn blank(stage: PdcaStage) -> ImprovementAction {
    ImprovementAction {
        id: Id::from_u128(1),
        created_at: utc(10, 1, 0, 0, 0),
        updated_at: utc(10, 1, 0, 0, 0),
        title: "t".into(),
        trigger: Trigger::Manual,
        condition: None,
        goal: None,
        root_cause: None,
        whys: vec![],
        notes: String::new(),
        tasks: vec![],
        owner_id: None,
        due_on: None,
        stage,
        moves: vec![],
        process_version_id: None,
        training_id: None,
        noted: None,
    }
}

fn task(n: u128, due: Option<NaiveDate>, done: bool) -> Task {
    Task {
        id: Id::from_u128(n),
        what: "x".into(),
        staff_id: None,
        who: "Li".into(),
        due_on: due,
        done_at: done.then(|| utc(10, 2, 0, 0, 0)),
    }
}

fn goal(kpi: Kpi) -> Option<Goal> {
    Some(Goal {
        kpi: kpi.code().into(),
        target: 90.0,
        by: date(12, 31),
    })
}

#[test]
fn plan_moves_to_do_only_with_a_goal_and_a_countermeasure() {
    let now = utc(10, 5, 0, 0, 0);
    let mut a = blank(PdcaStage::Plan);
    assert_eq!(
        move_to(&a, PdcaStage::Do, "", None, now),
        Err(MoveError::NoGoal)
    );
    a.goal = goal(Kpi::Csat);
    assert_eq!(
        move_to(&a, PdcaStage::Do, "", None, now),
        Err(MoveError::NoTasks)
    );
    a.tasks = vec![task(7, None, false)];
    let moved = move_to(&a, PdcaStage::Do, "", None, now).unwrap();
    assert_eq!(moved.stage, PdcaStage::Do);
    assert_eq!(moved.updated_at, now);
    assert_eq!(
        moved.moves,
        vec![StageMove {
            from: PdcaStage::Plan,
            to: PdcaStage::Do,
            at: now,
            note: String::new()
        }]
    );
    assert_eq!(
        move_to(&a, PdcaStage::Check, "", None, now),
        Err(MoveError::NotAdjacent)
    );
    assert_eq!(
        move_to(&a, PdcaStage::Plan, "", None, now),
        Err(MoveError::SameStage)
    );
}

#[test]
fn open_tasks_block_check_and_act_needs_a_measured_effect() {
    let now = utc(10, 5, 0, 0, 0);
    let mut a = blank(PdcaStage::Do);
    a.tasks = vec![task(7, None, true), task(8, None, false)];
    assert_eq!(
        move_to(&a, PdcaStage::Check, "", None, now),
        Err(MoveError::OpenTasks)
    );
    a.tasks[1].done_at = Some(now);
    let checked = move_to(&a, PdcaStage::Check, "", None, now).unwrap();
    assert_eq!(super::stage::do_finished_at(&checked), Some(now));
    for v in [None, Some(Verdict::NotEnoughData)] {
        assert_eq!(
            move_to(&checked, PdcaStage::Act, "", v, now),
            Err(MoveError::NoEvidence)
        );
    }
    let act = move_to(
        &checked,
        PdcaStage::Act,
        "",
        Some(Verdict::NoClearChange),
        now,
    )
    .unwrap();
    let mut reopened = act.clone();
    reopened.tasks.push(task(9, None, false));
    assert_eq!(
        move_to(&reopened, PdcaStage::Done, "", None, now),
        Err(MoveError::OpenTasks)
    );
    let done = move_to(&act, PdcaStage::Done, "", None, now).unwrap();
    // Back one stage is always allowed, even out of Done.
    assert_eq!(
        move_to(&done, PdcaStage::Act, "", None, now).unwrap().stage,
        PdcaStage::Act
    );
    assert_eq!(
        move_to(&checked, PdcaStage::Do, "", None, now)
            .unwrap()
            .stage,
        PdcaStage::Do
    );
}

#[test]
fn abandoning_needs_a_reason_and_is_final() {
    let now = utc(10, 5, 0, 0, 0);
    let a = blank(PdcaStage::Check);
    assert_eq!(
        move_to(&a, PdcaStage::Abandoned, "  ", None, now),
        Err(MoveError::ReasonRequired)
    );
    let gone = move_to(&a, PdcaStage::Abandoned, " replaced by v2 ", None, now).unwrap();
    assert_eq!(gone.moves[0].note, "replaced by v2");
    assert_eq!(
        move_to(&gone, PdcaStage::Check, "", None, now),
        Err(MoveError::Closed)
    );
    let done = blank(PdcaStage::Done);
    assert_eq!(
        move_to(&done, PdcaStage::Abandoned, "why", None, now),
        Err(MoveError::Closed)
    );
}

#[test]
fn a_move_is_stamped_after_the_last_change_even_when_the_clock_went_back() {
    let a = ImprovementAction {
        goal: goal(Kpi::Csat),
        tasks: vec![task(1, None, false)],
        ..blank(PdcaStage::Plan)
    };
    let earlier = a.updated_at - Duration::hours(1);
    let moved = move_to(&a, PdcaStage::Do, "", None, earlier).unwrap();
    assert_eq!(moved.updated_at, a.updated_at + Duration::milliseconds(1));
}

#[test]
fn overdue_when_a_due_date_has_passed() {
    let today = date(11, 10);
    let mut a = blank(PdcaStage::Do);
    a.due_on = Some(today);
    a.tasks = vec![
        task(1, Some(date(11, 9)), true),
        task(2, Some(today), false),
    ];
    assert!(overdue(&a, today).is_empty(), "due today is not late yet");
    a.due_on = Some(date(11, 9));
    a.goal = Some(Goal {
        by: date(11, 1),
        ..goal(Kpi::Csat).unwrap()
    });
    a.tasks.push(task(3, Some(date(11, 8)), false));
    assert_eq!(
        overdue(&a, today),
        vec![Late::Action, Late::Goal, Late::Task(Id::from_u128(3))]
    );
    a.stage = PdcaStage::Done;
    assert!(overdue(&a, today).is_empty());
}

#[test]
fn the_list_filters_and_puts_overdue_first() {
    let today = date(11, 10);
    let owner = Id::from_u128(50);
    let process = Id::from_u128(60);
    let mut late = blank(PdcaStage::Plan);
    late.id = Id::from_u128(2);
    late.due_on = Some(date(11, 1));
    let mut soon = blank(PdcaStage::Do);
    soon.id = Id::from_u128(3);
    soon.due_on = Some(date(11, 20));
    soon.owner_id = Some(owner);
    soon.trigger = Trigger::StepHealth {
        process_id: process,
        step_id: Id::from_u128(61),
    };
    let undated = blank(PdcaStage::Do);
    let d = Data {
        improvement_actions: vec![undated.clone(), soon.clone(), late.clone()],
        ..Data::default()
    };
    let ids = |f: ListFilter| -> Vec<Id> { list(&d, &f, today).iter().map(|a| a.id).collect() };
    assert_eq!(
        ids(ListFilter::default()),
        vec![late.id, soon.id, undated.id]
    );
    let only = |f: ListFilter| ids(f);
    assert_eq!(
        only(ListFilter {
            stage: Some(PdcaStage::Do),
            ..Default::default()
        }),
        vec![soon.id, undated.id]
    );
    assert_eq!(
        only(ListFilter {
            owner: Some(owner),
            ..Default::default()
        }),
        vec![soon.id]
    );
    assert_eq!(
        only(ListFilter {
            process: Some(process),
            ..Default::default()
        }),
        vec![soon.id]
    );
    assert_eq!(
        only(ListFilter {
            overdue_only: true,
            ..Default::default()
        }),
        vec![late.id]
    );
}

fn complaint(n: u128, cause: Option<RootCause>, whys: &[&str], day: u32) -> Feedback {
    let mut f = crate::domain::feedback::open(
        FeedbackKind::Complaint,
        Channel::InPerson,
        "slow".into(),
        Id::from_u128(n),
        utc(10, day, 4, 0, 0),
    );
    f.root_cause = cause;
    f.whys = whys.iter().map(|w| w.to_string()).collect();
    f
}

#[test]
fn root_cause_and_whys_come_from_the_linked_complaints() {
    let d = Data {
        feedback: vec![
            complaint(1, Some(RootCause::People), &["a", "b"], 3),
            complaint(2, Some(RootCause::People), &["c", "", "d", "e"], 4),
            complaint(
                3,
                Some(RootCause::Process),
                &["1", "2", "3", "4", "5", "6"],
                5,
            ),
            complaint(4, Some(RootCause::Process), &["x"], 6),
            complaint(5, Some(RootCause::People), &[], 7),
        ],
        ..Data::default()
    };
    let ids = |n: &[u128]| n.iter().map(|n| Id::from_u128(*n)).collect::<Vec<_>>();
    // People 3 of 4 linked: its longest chain (blank whys dropped) is item 2's.
    let (cause, whys) = prefill_root_cause(&d, &ids(&[1, 2, 3, 5]));
    assert_eq!(cause, Some(RootCause::People));
    assert_eq!(whys, vec!["c", "d", "e"]);
    // A tie (one each) goes to the first cause in order: people before process.
    let (cause, _) = prefill_root_cause(&d, &ids(&[1, 4]));
    assert_eq!(cause, Some(RootCause::People));
    // Five whys at most.
    assert_eq!(prefill_root_cause(&d, &ids(&[3])).1.len(), 5);
    assert_eq!(prefill_root_cause(&d, &[]), (None, vec![]));
}

/// A star question and an effort (CES) question of one survey version.
struct Survey {
    v: SurveyVersion,
    star: Id,
    effort: Id,
}

fn survey() -> Survey {
    let star = question(QuestionKind::Stars, None);
    let effort = question(QuestionKind::Likert, None);
    let (s, e) = (star.id, effort.id);
    Survey {
        v: version(vec![star, effort]),
        star: s,
        effort: e,
    }
}

fn answer(s: &Survey, at: Time, q: Id, score: u8) -> Response {
    let mut r = crate::domain::survey_fixtures::response(&s.v, None, 1, &[(q, score)]);
    (r.submitted_at, r.created_at, r.updated_at) = (at, at, at);
    r
}

/// Star answers around the change: before, 28 of 40 satisfied (70 %); after, 45 of 50
/// (90 %). The edges: the first instant of the before window and the last before the change
/// count before; the change instant itself and the last instant of the after window count
/// after; one second outside either window counts nowhere.
fn csat_data(s: &Survey) -> Data {
    let c = change();
    let thirty = Duration::days(30);
    let sec = Duration::seconds(1);
    let mut rs = vec![
        answer(s, c - thirty, s.star, 5),
        answer(s, c - sec, s.star, 5),
        answer(s, c - thirty - sec, s.star, 5),
        answer(s, c, s.star, 4),
        answer(s, c + thirty - sec, s.star, 4),
        answer(s, c + thirty, s.star, 1),
    ];
    for i in 0..38 {
        let score = if i < 26 { 4 } else { 2 };
        rs.push(answer(s, c - Duration::hours(i + 1), s.star, score));
    }
    for i in 0..48 {
        let score = if i < 43 { 5 } else { 1 };
        rs.push(answer(s, c + Duration::hours(i + 1), s.star, score));
    }
    Data {
        survey_versions: vec![s.v.clone()],
        responses: rs,
        ..Data::default()
    }
}

fn checked_at(c: Time, kpi: Kpi) -> ImprovementAction {
    ImprovementAction {
        goal: goal(kpi),
        moves: vec![StageMove {
            from: PdcaStage::Do,
            to: PdcaStage::Check,
            at: c,
            note: String::new(),
        }],
        ..blank(PdcaStage::Check)
    }
}

#[test]
fn windows_are_equal_and_cut_at_the_change_instant_in_local_days() {
    let [before, after] = windows(change(), 30, plus8());
    assert_eq!(before.instants, utc(10, 1, 16, 0, 0)..change());
    assert_eq!(after.instants, change()..utc(11, 30, 16, 0, 0));
    assert_eq!(before.days, (date(10, 2), date(10, 31)));
    assert_eq!(after.days, (date(11, 1), date(11, 30)));
}

/// By hand, Newcombe's method 10 for 45/50 − 28/40 (Statistics in Medicine 17:873–890):
/// Wilson 45/50 is 0.7864 to 0.9565 and 28/40 is 0.5457 to 0.8193; d = 0.2; lower
/// 0.2 − √(0.1136² + 0.1193²) = 0.0353, upper 0.2 + √(0.0565² + 0.1543²) = 0.3643. As %,
/// 3.53 to 36.43: wholly above 0, so CSAT improved.
#[test]
fn csat_effect_with_its_interval() {
    let s = survey();
    let d = csat_data(&s);
    let a = checked_at(change(), Kpi::Csat);
    let e = effect(&d, &a, DEFAULT_WINDOW_DAYS, plus8(), utc(12, 1, 0, 0, 0)).unwrap();
    assert_eq!(
        (e.change_at, e.source),
        (change(), ChangeSource::DoFinished)
    );
    let f = e.figure;
    assert_eq!((f.before.n, f.after.n), (40, 50));
    assert!((f.before.value.unwrap() - 70.0).abs() < 1e-9);
    assert!((f.after.value.unwrap() - 90.0).abs() < 1e-9);
    assert!((f.difference.unwrap() - 20.0).abs() < 1e-9);
    let (lo, hi) = f.interval.unwrap();
    assert!(
        (lo - 3.53).abs() < 0.01 && (hi - 36.43).abs() < 0.01,
        "{lo} {hi}"
    );
    assert_eq!(f.verdict, Verdict::Improved);
    assert!(e.step.is_none());
}

#[test]
fn a_new_version_names_an_open_action_of_its_process_first() {
    let (here, there) = (Id::from_u128(60), Id::from_u128(62));
    let about = |n: u128, process: Id, stage: PdcaStage, day: u32| ImprovementAction {
        id: Id::from_u128(n),
        created_at: utc(10, day, 0, 0, 0),
        trigger: Trigger::StepHealth {
            process_id: process,
            step_id: Id::from_u128(61),
        },
        ..blank(stage)
    };
    let mut unscoped = blank(PdcaStage::Plan);
    unscoped.id = Id::from_u128(5);
    unscoped.created_at = utc(10, 9, 0, 0, 0);
    let mut linked = about(6, here, PdcaStage::Act, 3);
    linked.process_version_id = Some(Id::from_u128(90));
    let d = Data {
        improvement_actions: vec![
            about(2, there, PdcaStage::Plan, 1),
            about(3, here, PdcaStage::Done, 1),
            unscoped,
            about(4, here, PdcaStage::Do, 8),
            linked,
        ],
        ..Data::default()
    };
    let ids: Vec<u128> = for_version(&d, here)
        .iter()
        .map(|a| a.id.as_u128())
        .collect();
    // Done ones are not offered; another process's come last.
    assert_eq!(ids, vec![6, 4, 5, 2]);
    assert_eq!(
        made_standard_by(&d, Id::from_u128(90)).map(|a| a.id),
        Some(Id::from_u128(6))
    );
    assert_eq!(made_standard_by(&d, Id::from_u128(91)), None);
}

#[test]
fn the_published_version_is_the_change_date_before_do_finished() {
    let s = survey();
    let mut d = csat_data(&s);
    let published = change() + Duration::days(2);
    d.process_versions.push(ProcessVersion {
        id: Id::from_u128(70),
        created_at: published,
        updated_at: published,
        process_id: Id::from_u128(71),
        number: 2,
        status: VersionStatus::Published,
        change_note: String::new(),
        published_at: Some(published),
        stages: vec![],
    });
    let a = ImprovementAction {
        process_version_id: Some(Id::from_u128(70)),
        ..checked_at(change(), Kpi::Csat)
    };
    let (at, source) = super::effect::change_at(&d, &a).unwrap();
    assert_eq!((at, source), (published, ChangeSource::Published));
    assert!(super::effect::change_at(&d, &blank(PdcaStage::Do)).is_none());
}

#[test]
fn an_empty_or_small_side_is_not_enough_data() {
    let s = survey();
    let mut d = csat_data(&s);
    d.responses.retain(|r| r.submitted_at < change());
    let a = checked_at(change(), Kpi::Csat);
    let e = effect(&d, &a, 30, plus8(), utc(12, 1, 0, 0, 0)).unwrap();
    assert_eq!(e.figure.after.n, 0);
    assert_eq!(e.figure.difference, None);
    assert_eq!(e.figure.verdict, Verdict::NotEnoughData);
    // 29 a side, however large the change, is no claim either.
    let before = crate::domain::kpi::Value {
        value: Some(10.0),
        n: 29,
    };
    let after = crate::domain::kpi::Value {
        value: Some(100.0),
        n: 29,
    };
    assert_eq!(
        effect::compare_shares(before, after, true).verdict,
        Verdict::NotEnoughData
    );
}

/// Effort answers: before 15 × 3 and 15 × 5 (mean 4, variance 30/29 = 1.03448), after
/// 15 × 5 and 15 × 7 (mean 6, the same variance). se = √(2 × 1.03448 / 30) = 0.26261; with
/// equal n and variances Welch's df is 2 × 29 = 58, t(0.975, 58) = 2.0017, so the
/// difference 2 has the interval 2 ± 0.5257 = 1.4743 to 2.5257.
#[test]
fn ces_effect_uses_welchs_interval() {
    let s = survey();
    let c = change();
    let mut rs = Vec::new();
    for i in 0..30 {
        let odd = i % 2 == 1;
        rs.push(answer(
            &s,
            c - Duration::hours(i + 1),
            s.effort,
            if odd { 3 } else { 5 },
        ));
        rs.push(answer(
            &s,
            c + Duration::hours(i + 1),
            s.effort,
            if odd { 5 } else { 7 },
        ));
    }
    let d = Data {
        survey_versions: vec![s.v.clone()],
        responses: rs,
        ..Data::default()
    };
    let e = effect(
        &d,
        &checked_at(c, Kpi::Ces),
        30,
        plus8(),
        utc(12, 1, 0, 0, 0),
    )
    .unwrap();
    let (lo, hi) = e.figure.interval.unwrap();
    assert!(
        (lo - 1.4743).abs() < 1e-3 && (hi - 2.5257).abs() < 1e-3,
        "{lo} {hi}"
    );
    assert_eq!((e.figure.before.n, e.figure.after.n), (30, 30));
    assert_eq!(e.figure.verdict, Verdict::Improved);
}

fn serve_step() -> Step {
    Step {
        id: Id::from_u128(81),
        name: LocalText::new("上菜", "Serve"),
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

fn one_step_run(n: u128, start: Time, seconds: i64) -> ProcessRun {
    let done = start + Duration::seconds(seconds);
    ProcessRun {
        location_id: None,
        id: Id::from_u128(1000 + n),
        created_at: start,
        updated_at: done,
        process_version_id: Id::from_u128(80),
        staff_id: None,
        visit_code: String::new(),
        started_at: start,
        finished_at: Some(done),
        steps: vec![StepRecord {
            step_id: Id::from_u128(81),
            started_at: Some(start),
            done_at: Some(done),
            done_by: None,
            option: None,
            note: String::new(),
            skipped_reason: None,
        }],
    }
}

/// The one-step process 79 (version 80, step 81, limit 60 s) with 30 slow runs before `c`
/// and 30 quick ones after (described at the test that reads them).
fn step_data(c: Time) -> Data {
    let v = ProcessVersion {
        id: Id::from_u128(80),
        created_at: c - Duration::days(60),
        updated_at: c - Duration::days(60),
        process_id: Id::from_u128(79),
        number: 1,
        status: VersionStatus::Published,
        change_note: String::new(),
        published_at: None,
        stages: vec![Stage {
            kind: StageKind::In,
            steps: vec![serve_step()],
        }],
    };
    let mut runs = Vec::new();
    for i in 0..30 {
        let slow = if i % 2 == 0 { 80 } else { 100 };
        runs.push(one_step_run(i, c - Duration::hours(i as i64 + 2), slow));
        runs.push(one_step_run(
            100 + i,
            c + Duration::hours(i as i64),
            slow - 60,
        ));
    }
    Data {
        process_versions: vec![v],
        runs,
        ..Data::default()
    }
}

/// Before: 30 runs of 80 s and 100 s alternately (limit 60 s: none compliant, mean 90 s);
/// after: 20 s and 40 s (all compliant, mean 30 s). Compliance 0/30 → 30/30: Newcombe's
/// lower limit, from Wilson 30/30 (0.8865 to 1) and 0/30 (0 to 0.1135), is
/// 1 − √(0.1135² + 0.1135²) = 0.8395. Time: both variances 30 × 100 / 29, so se =
/// √(2 × 103.45 / 30) = 2.626 and df 58: −60 ± 2.0017 × 2.626 = −65.26 to −54.74, lower is
/// better, so improved.
#[test]
fn a_step_action_shows_the_steps_own_figures() {
    let c = change();
    let d = step_data(c);
    let a = ImprovementAction {
        trigger: Trigger::StepHealth {
            process_id: Id::from_u128(79),
            step_id: Id::from_u128(81),
        },
        ..checked_at(c, Kpi::OnTimeSteps)
    };
    let e = effect(&d, &a, 30, plus8(), utc(12, 1, 0, 0, 0)).unwrap();
    assert_eq!(e.figure.verdict, Verdict::Improved);
    let step = e.step.unwrap();
    let (lo, hi) = step.compliance.interval.unwrap();
    assert!(
        (lo - 83.95).abs() < 0.01 && (hi - 100.0).abs() < 1e-9,
        "{lo} {hi}"
    );
    assert_eq!(step.compliance.verdict, Verdict::Improved);
    let (lo, hi) = step.time_s.interval.unwrap();
    assert!(
        (lo + 65.26).abs() < 0.01 && (hi + 54.74).abs() < 0.01,
        "{lo} {hi}"
    );
    assert_eq!(step.time_s.verdict, Verdict::Improved);
    assert!(step.questions.is_empty());
}

/// Opened from a CSAT alert for October in UTC+8: October's local days run from
/// 2026-09-30 16:00 to 2026-10-31 16:00 UTC, so the before window's 40 answers and the one
/// a second before it (5 stars) are October's: 29 of 41 satisfied.
#[test]
fn an_action_opened_from_an_alert_measures_its_condition() {
    let s = survey();
    let d = csat_data(&s);
    let now = utc(11, 2, 0, 0, 0);
    let october = Period::new(date(10, 1), date(10, 31)).unwrap();
    let trigger = Trigger::Alert {
        key: "csat.2026-10".into(),
        kpi: "csat".into(),
        on: date(10, 1),
    };
    let a = open(&d, trigger, october, plus8(), Id::from_u128(9), now);
    assert_eq!(a.stage, PdcaStage::Plan);
    let c = a.condition.unwrap();
    assert_eq!((c.kpi.as_str(), c.n), ("csat", 41));
    assert!((c.value.unwrap() - 100.0 * 29.0 / 41.0).abs() < 1e-9);
    assert_eq!((c.from, c.to, c.taken_at), (date(10, 1), date(10, 31), now));
    let manual = open(&d, Trigger::Manual, october, plus8(), Id::from_u128(9), now);
    assert!(manual.condition.is_none());
}

#[test]
fn an_action_opened_from_complaints_takes_their_root_cause() {
    let d = Data {
        feedback: vec![complaint(1, Some(RootCause::Equipment), &["pos slow"], 3)],
        ..Data::default()
    };
    let october = Period::new(date(10, 1), date(10, 31)).unwrap();
    let trigger = Trigger::Feedback {
        feedback_ids: vec![Id::from_u128(1)],
    };
    let a = open(
        &d,
        trigger,
        october,
        plus8(),
        Id::from_u128(9),
        utc(11, 2, 0, 0, 0),
    );
    assert_eq!(a.root_cause, Some(RootCause::Equipment));
    assert_eq!(a.whys, vec!["pos slow"]);
    // No responses: the complaint rate has no denominator, so no value, never 0.
    let c = a.condition.unwrap();
    assert_eq!((c.kpi.as_str(), c.value, c.n), ("complaint_rate", None, 0));
    let pareto = open(
        &d,
        Trigger::ParetoCause {
            cause: Some(RootCause::People),
        },
        october,
        plus8(),
        Id::from_u128(9),
        utc(11, 2, 0, 0, 0),
    );
    assert_eq!(pareto.root_cause, Some(RootCause::People));
}

/// An audit finding on the one-step process: the condition is the process's compliance over
/// the period before the change (30 runs, none within the limit: 0 of 30), and the
/// auditor's note on the failed step becomes the notes.
#[test]
fn an_action_opened_from_an_audit_finding_is_scoped_to_its_process() {
    let c = change();
    let mut d = step_data(c);
    // Another process's run in the period, wholly compliant: the scope must leave it out.
    let mut other = one_step_run(999, c - Duration::days(3), 10);
    other.process_version_id = Id::from_u128(90);
    d.process_versions.push(ProcessVersion {
        id: Id::from_u128(90),
        process_id: Id::from_u128(91),
        ..d.process_versions[0].clone()
    });
    d.runs.push(other);
    d.audits.push(Audit {
        location_id: None,
        id: Id::from_u128(77),
        created_at: c,
        updated_at: c,
        process_version_id: Id::from_u128(80),
        auditor: "Zhang".into(),
        kind: AuditKind::Anonymous,
        date: date(10, 30),
        results: vec![StepResult {
            step_id: Id::from_u128(81),
            result: AuditResult::Failed,
            note: "dishes waited at the pass".into(),
        }],
        recheck: None,
    });
    let trigger = Trigger::AuditFinding {
        audit_id: Id::from_u128(77),
        step_id: Id::from_u128(81),
    };
    let october = Period::new(date(10, 1), date(10, 31)).unwrap();
    let a = open(&d, trigger, october, plus8(), Id::from_u128(9), c);
    assert_eq!(a.notes, "dishes waited at the pass");
    assert_eq!(action_process(&d, &a), Some(Id::from_u128(79)));
    let cond = a.condition.unwrap();
    assert_eq!(
        (cond.kpi.as_str(), cond.value, cond.n),
        ("compliance", Some(0.0), 30)
    );
}

#[test]
fn kpi_codes_round_trip() {
    for k in Kpi::ALL {
        assert_eq!(kpi_of(k.code()), Some(k));
    }
    assert_eq!(kpi_of("Average service time (min)"), None);
}

#[test]
fn an_alert_starts_an_action_on_its_kpi_and_day_a_step_alert_on_its_step() {
    use crate::domain::alerts::{Alert, AlertKind};
    let period = Period::new(date(11, 1), date(11, 30)).unwrap();
    let raised = |kind| Alert {
        key: "k".into(),
        kind,
        value: 1.0,
        threshold: 2.0,
        n: 40,
    };
    let t = alert_trigger(&raised(AlertKind::ComplaintDay(date(11, 17))), period);
    assert_eq!(
        t,
        Trigger::Alert {
            key: "k".into(),
            kpi: "complaint_rate".into(),
            on: date(11, 17)
        }
    );
    assert_eq!(open::trigger_kpi(&t), Some(Kpi::ComplaintRate));
    let t = alert_trigger(&raised(AlertKind::LowCsat), period);
    assert!(matches!(t, Trigger::Alert { ref kpi, on, .. } if kpi == "csat" && on == date(11, 1)));
    let (step, process) = (Id::from_u128(7), Id::from_u128(8));
    let t = alert_trigger(
        &raised(AlertKind::LowStep {
            step_id: step,
            process_id: process,
            name: Default::default(),
        }),
        period,
    );
    assert_eq!(
        t,
        Trigger::StepHealth {
            process_id: process,
            step_id: step
        }
    );
}

#[test]
fn the_report_counts_the_actions_of_the_period_and_measures_the_finished_ones() {
    let s = survey();
    let d0 = csat_data(&s);
    let moved = |to: PdcaStage, at: Time| StageMove {
        from: PdcaStage::Act,
        to,
        at,
        note: String::new(),
    };
    let mut done = checked_at(change(), Kpi::Csat);
    done.id = Id::from_u128(10);
    done.stage = PdcaStage::Done;
    done.moves
        .push(moved(PdcaStage::Done, utc(11, 15, 0, 0, 0)));
    let mut gone = blank(PdcaStage::Abandoned);
    gone.id = Id::from_u128(11);
    gone.moves
        .push(moved(PdcaStage::Abandoned, utc(10, 20, 0, 0, 0)));
    let mut later = blank(PdcaStage::Plan);
    later.id = Id::from_u128(12);
    later.created_at = utc(12, 5, 0, 0, 0);
    let mut doing = blank(PdcaStage::Do);
    doing.id = Id::from_u128(13);
    // Done before November: counted nowhere in November.
    let mut old = done.clone();
    old.id = Id::from_u128(14);
    old.moves.last_mut().unwrap().at = utc(10, 31, 15, 0, 0);
    let d = Data {
        improvement_actions: vec![done, gone, later, doing, old],
        ..d0
    };
    let [_, november] = windows(change(), 30, plus8());
    let r = report::in_period(&d, &november, plus8(), utc(12, 1, 0, 0, 0));
    let count = |st: PdcaStage| r.by_stage.iter().find(|(x, _)| *x == st).unwrap().1;
    assert_eq!(
        [
            PdcaStage::Plan,
            PdcaStage::Do,
            PdcaStage::Done,
            PdcaStage::Abandoned
        ]
        .map(count),
        [0, 1, 1, 0]
    );
    assert_eq!(r.finished.len(), 1);
    let (a, e) = &r.finished[0];
    assert_eq!(a.id, Id::from_u128(10));
    let e = e.as_ref().unwrap();
    assert_eq!((e.figure.before.n, e.figure.after.n), (40, 50));
    assert_eq!(e.figure.verdict, Verdict::Improved);
}
