//! A hand-made process of four steps and four runs; every expected figure is worked out in
//! the comments.

use super::*;
use chrono::{DateTime, Duration};

fn t(min: i64) -> Time {
    DateTime::from_timestamp(1_790_000_000, 0).unwrap() + Duration::minutes(min)
}

fn id(n: u128) -> Id {
    Id::from_u128(n)
}

fn step(n: u128, tier: Tier, limit_min: u32, value_adding: bool) -> Step {
    Step {
        id: id(n),
        name: LocalText::new(&format!("步骤{n}"), &format!("Step {n}")),
        role_id: None,
        standard: LocalText::default(),
        time_limit_s: limit_min * 60,
        tier,
        options: if tier == Tier::Standard {
            vec![LocalText::new("甲", "A"), LocalText::new("乙", "B")]
        } else {
            vec![]
        },
        inputs: vec![],
        outputs: vec![],
        value_adding,
    }
}

/// Steps: 1 basic 2 min · 2 standard 5 min · 3 custom 3 min · 4 basic 1 min (non-value-adding).
fn version() -> ProcessVersion {
    ProcessVersion {
        id: id(100),
        created_at: t(0),
        updated_at: t(0),
        process_id: id(1),
        number: 1,
        status: VersionStatus::Published,
        change_note: "v1".into(),
        published_at: Some(t(0)),
        stages: vec![
            Stage {
                kind: StageKind::Pre,
                steps: vec![step(1, Tier::Basic, 2, true)],
            },
            Stage {
                kind: StageKind::In,
                steps: vec![
                    step(2, Tier::Standard, 5, true),
                    step(3, Tier::Custom, 3, true),
                ],
            },
            Stage {
                kind: StageKind::Post,
                steps: vec![step(4, Tier::Basic, 1, false)],
            },
        ],
    }
}

/// (step, minutes taken, option, note, skipped)
type Rec = (u128, i64, Option<u32>, &'static str, bool);

/// Run `n` of the version, starting `start` minutes in, its steps one after another.
fn run(n: u128, start: i64, recs: &[Rec]) -> ProcessRun {
    let mut at = t(start);
    let steps = recs
        .iter()
        .map(|&(s, took, option, note, skipped)| {
            let started = at;
            at += Duration::minutes(took);
            StepRecord {
                step_id: id(s),
                started_at: Some(started),
                done_at: (!skipped).then_some(at),
                done_by: None,
                option,
                note: note.into(),
                skipped_reason: skipped.then(|| "顾客赶时间".into()),
            }
        })
        .collect();
    ProcessRun {
        location_id: None,
        id: id(n),
        created_at: t(start),
        updated_at: at,
        process_version_id: id(100),
        staff_id: None,
        visit_code: String::new(),
        started_at: t(start),
        finished_at: Some(at),
        steps,
    }
}

fn data() -> Data {
    let version = version();
    Data {
        process_versions: vec![version],
        runs: vec![
            // Run A: all on time and to standard → 4 of 4.
            run(
                10,
                0,
                &[
                    (1, 1, None, "", false),
                    (2, 4, Some(0), "", false),
                    (3, 2, None, "加了生日蛋糕", false),
                    (4, 1, None, "", false),
                ],
            ),
            // Run B: step 1 late (3 > 2), step 2 option missing, step 3 note missing, step 4 skipped → 0 of 4.
            run(
                11,
                100,
                &[
                    (1, 3, None, "", false),
                    (2, 4, None, "", false),
                    (3, 2, None, " ", false),
                    (4, 0, None, "", true),
                ],
            ),
            // Run C: step 2 late (7 > 5) with an option; the rest fine → 3 of 4.
            run(
                12,
                200,
                &[
                    (1, 2, None, "", false),
                    (2, 7, Some(1), "", false),
                    (3, 3, None, "送小菜", false),
                    (4, 1, None, "", false),
                ],
            ),
            // Run D: finished outside the period (starts at +5000 min) → ignored.
            run(13, 5000, &[(1, 1, None, "", false)]),
        ],
        ..Data::default()
    }
}

fn analysis() -> ProcessAnalysis {
    analyse(&data(), id(1), t(0), t(1000))
}

fn figures(a: &ProcessAnalysis, n: u128) -> &StepFigures {
    a.steps.iter().find(|f| f.step_id == id(n)).unwrap()
}

#[test]
fn overall_compliance_counts_every_required_step() {
    let a = analysis();
    assert_eq!(a.runs, 3);
    // A 4 + B 0 + C 3 = 7 compliant of 3 runs × 4 steps = 12.
    assert_eq!(a.compliance, Share { num: 7, den: 12 });
    assert!((a.compliance.ratio().unwrap() - 7.0 / 12.0).abs() < 1e-12);
}

#[test]
fn compliance_per_step_and_per_tier() {
    let a = analysis();
    // Step 1: A on time, B late, C exactly 2 min (on time) → 2/3.
    assert_eq!(figures(&a, 1).compliance, Share { num: 2, den: 3 });
    // Step 2: A ok, B no option, C late → 1/3.
    assert_eq!(figures(&a, 2).compliance, Share { num: 1, den: 3 });
    // Step 3: A note, B blank note, C note (3 min = limit) → 2/3.
    assert_eq!(figures(&a, 3).compliance, Share { num: 2, den: 3 });
    // Step 4: A ok, B skipped, C ok → 2/3.
    assert_eq!(figures(&a, 4).compliance, Share { num: 2, den: 3 });
    // Basic = steps 1 and 4 → 4/6; standard 1/3; custom 2/3.
    assert_eq!(
        a.by_tier,
        vec![
            (Tier::Basic, Share { num: 4, den: 6 }),
            (Tier::Standard, Share { num: 1, den: 3 }),
            (Tier::Custom, Share { num: 2, den: 3 })
        ]
    );
}

#[test]
fn time_statistics_and_bottleneck() {
    let a = analysis();
    // Step 1 took 1, 3, 2 min → mean 120 s, median 120 s, 1 of 3 over the 2 min limit.
    let s1 = figures(&a, 1);
    assert_eq!(
        (s1.n_timed, s1.mean_s, s1.median_s),
        (3, Some(120.0), Some(120.0))
    );
    assert_eq!(s1.overrun, Share { num: 1, den: 3 });
    // Step 2 took 4, 4, 7 min → mean 300 s (= limit, not over), median 240 s.
    let s2 = figures(&a, 2);
    assert_eq!((s2.mean_s, s2.median_s), (Some(300.0), Some(240.0)));
    // Step 4 was done twice, 1 min each: even n, median (60 + 60) / 2.
    let s4 = figures(&a, 4);
    assert_eq!((s4.n_timed, s4.median_s), (2, Some(60.0)));
    assert_eq!(s4.skipped, Share { num: 1, den: 3 });
    // Three runs are fewer than MIN_N: nothing is flagged, every step is too few to judge.
    assert!(a.bottlenecks.is_empty());
    assert_eq!(a.too_few, vec![id(1), id(2), id(3), id(4)]);
}

/// Ten runs: step 1 takes 3 min (limit 2) in runs 0–2 and 1 min otherwise; step 2 lacks
/// its option in runs 3 and 4; step 3 is always fine; step 4 takes 2 min (limit 1) in run 5.
fn ten_runs(count: u128) -> Data {
    let runs = (0..count)
        .map(|i| {
            let s1 = if i < 3 { 3 } else { 1 };
            let option = (!matches!(i, 3 | 4)).then_some(0);
            let s4 = if i == 5 { 2 } else { 1 };
            run(
                20 + i,
                20 * i as i64,
                &[
                    (1, s1, None, "", false),
                    (2, 4, option, "", false),
                    (3, 2, None, "好", false),
                    (4, s4, None, "", false),
                ],
            )
        })
        .collect();
    Data {
        process_versions: vec![version()],
        runs,
        ..Data::default()
    }
}

#[test]
fn bottlenecks_are_ranked_by_overrun_share_then_compliance_with_reasons() {
    let a = analyse(&ten_runs(10), id(1), t(0), t(1000));
    assert!(a.too_few.is_empty());
    let got: Vec<(Id, Vec<FlagReason>, Share, Share)> = a
        .bottlenecks
        .iter()
        .map(|f| (f.step_id, f.reasons.clone(), f.overrun, f.compliance))
        .collect();
    use FlagReason::*;
    assert_eq!(
        got,
        vec![
            // Late in 3 of 10 (30 % ≥ 15 %) and so compliant in 7 of 10 (70 % < 85 %),
            // though its mean (7 × 1 + 3 × 3) / 10 = 1.6 min stays under the 2 min limit.
            (
                id(1),
                vec![OverrunShare, LowCompliance],
                Share { num: 3, den: 10 },
                Share { num: 7, den: 10 }
            ),
            // Late once in 10 (10 %), compliant 9 of 10, but mean 1.1 min > 1 min.
            (
                id(4),
                vec![MeanOverLimit],
                Share { num: 1, den: 10 },
                Share { num: 9, den: 10 }
            ),
            // Never late, but the option is missing twice: 8 of 10 = 80 % < 85 %.
            (
                id(2),
                vec![LowCompliance],
                Share { num: 0, den: 10 },
                Share { num: 8, den: 10 }
            ),
        ]
    );
    assert_eq!(figures(&a, 1).mean_s, Some(96.0));
}

#[test]
fn below_the_minimum_n_no_step_is_flagged() {
    let a = analyse(&ten_runs(9), id(1), t(0), t(1000));
    assert!(a.bottlenecks.is_empty());
    assert_eq!(a.too_few, vec![id(1), id(2), id(3), id(4)]);
}

#[test]
fn steps_to_simplify_and_empty_periods() {
    let a = analysis();
    // Step 4 is non-value-adding (and skipped 1 of 3 = 33 % ≥ 30 %).
    assert_eq!(a.simplify, vec![id(4)]);
    let none = analyse(&data(), id(1), t(-100), t(-1));
    assert_eq!((none.runs, none.compliance.ratio()), (0, None));
    assert!(none.steps.is_empty());
    assert!(none.bottlenecks.is_empty() && none.too_few.is_empty());
}

#[test]
fn medians() {
    assert_eq!(median(&mut []), None);
    assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
    assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
}

#[test]
fn staff_compliance_counts_only_their_runs_in_the_period() {
    let mut d = data();
    // Runs A and B (and D, outside the period) served by staff 7, C by staff 8.
    for (run, staff) in d.runs.iter_mut().zip([7, 7, 8, 7]) {
        run.staff_id = Some(id(staff));
    }
    // Staff 7: A 4 + B 0 of 8 steps; staff 8: C 3 of 4; nobody else served a run.
    assert_eq!(
        staff_compliance(&d, id(7), t(0), t(1000)),
        Share { num: 4, den: 8 }
    );
    assert_eq!(
        staff_compliance(&d, id(8), t(0), t(1000)),
        Share { num: 3, den: 4 }
    );
    assert_eq!(staff_compliance(&d, id(9), t(0), t(1000)).ratio(), None);
}
