//! Audits on a hand-made process: score per stage and tier, re-checks, the period score,
//! step results for step health, and false ticking.

use super::*;
use chrono::{FixedOffset, TimeZone, Utc};

fn date(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, d).unwrap()
}

fn id(n: u128) -> Id {
    Id::from_u128(n)
}

fn step(n: u128, tier: Tier) -> Step {
    Step {
        id: id(n),
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

/// Pre: 1 (basic); in: 2 (basic), 3 (standard), 4 (custom); post: 5 (standard).
fn version() -> ProcessVersion {
    let t = Utc.with_ymd_and_hms(2026, 9, 1, 0, 0, 0).unwrap();
    ProcessVersion {
        id: id(100),
        created_at: t,
        updated_at: t,
        process_id: id(10),
        number: 1,
        status: VersionStatus::Published,
        change_note: String::new(),
        published_at: Some(t),
        stages: vec![
            Stage {
                kind: StageKind::Pre,
                steps: vec![step(1, Tier::Basic)],
            },
            Stage {
                kind: StageKind::In,
                steps: vec![
                    step(2, Tier::Basic),
                    step(3, Tier::Standard),
                    step(4, Tier::Custom),
                ],
            },
            Stage {
                kind: StageKind::Post,
                steps: vec![step(5, Tier::Standard)],
            },
        ],
    }
}

fn audit(n: u128, day: u32, results: &[(u128, AuditResult)]) -> Audit {
    let t = Utc.with_ymd_and_hms(2026, 10, day, 12, 0, 0).unwrap();
    Audit {
        location_id: None,
        id: id(n),
        created_at: t,
        updated_at: t,
        process_version_id: id(100),
        auditor: "Zhang".into(),
        kind: AuditKind::Visible,
        date: date(day),
        results: results
            .iter()
            .map(|&(s, result)| StepResult {
                step_id: id(s),
                result,
                note: String::new(),
            })
            .collect(),
        recheck: None,
    }
}

use AuditResult::{Failed, NotSeen, Passed};

fn share(num: usize, den: usize) -> Share {
    Share { num, den }
}

#[test]
fn score_is_passed_over_seen_per_stage_and_tier() {
    let a = audit(
        1,
        5,
        &[
            (1, Passed),
            (2, Failed),
            (3, Passed),
            (4, NotSeen),
            (5, Failed),
            (99, Passed),
        ],
    );
    let s = score(&a, &version());
    // Seen: 1, 2, 3, 5 (4 not seen; 99 is no step of the version). Passed: 1 and 3.
    assert_eq!(s.overall, share(2, 4));
    assert_eq!(
        s.stages,
        [
            (StageKind::Pre, share(1, 1)),
            (StageKind::In, share(1, 2)),
            (StageKind::Post, share(0, 1))
        ]
    );
    assert_eq!(
        s.tiers,
        [
            (Tier::Basic, share(1, 2)),
            (Tier::Standard, share(1, 2)),
            (Tier::Custom, share(0, 0))
        ]
    );
}

#[test]
fn failed_steps_set_a_recheck_within_seven_to_fifteen_days() {
    let now = Utc.with_ymd_and_hms(2026, 10, 6, 0, 0, 0).unwrap();
    let clean = audit(1, 5, &[(1, Passed), (2, NotSeen)]);
    assert_eq!(
        with_recheck(&clean, 10, now),
        Err(RecheckError::NothingFailed)
    );
    let a = audit(2, 5, &[(1, Passed), (2, Failed), (3, Failed)]);
    assert_eq!(failed_steps(&a).collect::<Vec<_>>(), vec![id(2), id(3)]);
    for days in [6, 16] {
        assert_eq!(
            with_recheck(&a, days, now),
            Err(RecheckError::DaysOutOfRange)
        );
    }
    let r = with_recheck(&a, DEFAULT_RECHECK_DAYS, now).unwrap();
    assert_eq!(r.recheck.as_ref().unwrap().due_on, date(15));
    assert_eq!(r.updated_at, now);
    let d = Data {
        audits: vec![r],
        ..Data::default()
    };
    assert!(rechecks_overdue(&d, date(15)).is_empty());
    assert_eq!(rechecks_overdue(&d, date(16)).len(), 1);
    assert_eq!(recheck_setting(7), Ok(AuditSettings { recheck_days: 7 }));
    assert_eq!(recheck_setting(16), Err(RecheckError::DaysOutOfRange));
    assert_eq!(
        recheck_setting_typed(" 15 "),
        Ok(AuditSettings { recheck_days: 15 })
    );
    for bad in ["", "8.5", "-7", "seven", "6"] {
        assert_eq!(
            recheck_setting_typed(bad),
            Err(RecheckError::DaysOutOfRange),
            "{bad}"
        );
    }
    assert_eq!(AuditSettings::default().recheck_days, 10);
    assert_eq!(recheck_days(&Data::default()), 10);
}

#[test]
fn a_recheck_is_closed_once_by_the_audit_that_did_it() {
    let now = Utc.with_ymd_and_hms(2026, 10, 14, 0, 0, 0).unwrap();
    let a = audit(2, 5, &[(2, Failed)]);
    assert_eq!(close_recheck(&a, None, now), Err(RecheckError::NoRecheck));
    let due = with_recheck(&a, 10, now).unwrap();
    let closed = close_recheck(&due, Some(id(3)), now).unwrap();
    let r = closed.recheck.as_ref().unwrap();
    assert_eq!(
        (r.due_on, r.audit_id, r.done_at),
        (
            date(15),
            Some(id(3)),
            Some(now + chrono::Duration::milliseconds(1))
        )
    );
    assert_eq!(
        close_recheck(&closed, None, now),
        Err(RecheckError::AlreadyDone)
    );
    let d = Data {
        audits: vec![closed],
        ..Data::default()
    };
    assert!(rechecks_overdue(&d, date(20)).is_empty());
    assert_eq!(
        recheck_state(&d.audits[0], date(20)),
        RecheckState::Done(Some(id(3)))
    );
    assert_eq!(recheck_state(&due, date(15)), RecheckState::Due(date(15)));
    assert_eq!(
        recheck_state(&due, date(16)),
        RecheckState::Overdue(date(15))
    );
    assert_eq!(recheck_state(&a, date(16)), RecheckState::None);
}

fn october() -> Span {
    let at = |m, d| Utc.with_ymd_and_hms(2026, m, d, 0, 0, 0).unwrap();
    Span {
        instants: at(10, 1)..at(11, 1),
        days: (date(1), date(31)),
    }
}

#[test]
fn the_period_score_pools_steps_seen() {
    let d = Data {
        process_versions: vec![version()],
        audits: vec![
            // 1 of 1 seen and 2 of 4: a mean of scores would say 75 %, pooled is 3 of 5.
            audit(1, 3, &[(1, Passed), (2, NotSeen)]),
            audit(2, 20, &[(1, Passed), (2, Failed), (3, Passed), (5, Failed)]),
            // September: outside the period.
            Audit {
                date: NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
                ..audit(3, 1, &[(1, Failed)])
            },
        ],
        ..Data::default()
    };
    let v = score_in(&d, &october(), &Filter::default());
    assert_eq!(v.n, 5);
    assert!((v.value.unwrap() - 60.0).abs() < 1e-9);
    let other = Filter {
        process: Some(id(11)),
        ..Filter::default()
    };
    assert_eq!(score_in(&d, &october(), &other).value, None);
    let steps = audit_step_results(&d, &october(), &Filter::default());
    assert_eq!(
        steps[&(id(10), id(1))],
        StepAudit {
            passed: 2,
            failed: 0,
            seen: 2
        }
    );
    assert_eq!(
        steps[&(id(10), id(2))],
        StepAudit {
            passed: 0,
            failed: 1,
            seen: 1
        }
    );
    assert!(!steps.contains_key(&(id(10), id(4))));
    assert_eq!(steps.len(), 4);
}

/// A run on local day `day` (UTC+8) in which `who` ticked step 2 done at 20:00 local.
fn ticked(n: u128, day: u32, who: u128) -> ProcessRun {
    let at = Utc.with_ymd_and_hms(2026, 10, day, 12, 0, 0).unwrap();
    ProcessRun {
        location_id: None,
        id: id(1000 + n),
        created_at: at,
        updated_at: at,
        process_version_id: id(100),
        staff_id: Some(id(who)),
        visit_code: String::new(),
        started_at: at,
        finished_at: Some(at),
        steps: vec![StepRecord {
            step_id: id(2),
            started_at: None,
            done_at: Some(at),
            done_by: None,
            option: None,
            note: String::new(),
            skipped_reason: None,
        }],
    }
}

/// Step 2 is audited on days 1–12. Staff 50 ticked it done on days 1–10, staff 51 on days
/// 9–12; nobody ran it on day 13. The auditor failed it on days 2, 4 and 9–12 and on day
/// 13 (no tick that day, so not false ticking).
/// Per step: covered days 1–12, 12 observations, 6 failed → 0.5.
/// Staff 50: days 1–10, 10 observations, failed 2, 4, 9, 10 → 0.4.
/// Staff 51: days 9–12, 4 observations (below the minimum of 10) → no rate.
#[test]
fn false_ticking_per_step_and_per_staff_member() {
    let failed = [2, 4, 9, 10, 11, 12, 13];
    let audits = (1..=13)
        .map(|day| {
            let r = if failed.contains(&day) {
                Failed
            } else {
                Passed
            };
            audit(day.into(), day, &[(2, r), (3, Failed)])
        })
        .collect();
    let mut runs: Vec<ProcessRun> = (1..=10).map(|d| ticked(d.into(), d, 50)).collect();
    runs.extend((9..=12).map(|d| ticked(100 + u128::from(d), d, 51)));
    let d = Data {
        process_versions: vec![version()],
        runs,
        audits,
        ..Data::default()
    };
    let plus8 = FixedOffset::east_opt(8 * 3600).unwrap();
    let f = false_ticking(&d, &october(), &Filter::default(), plus8);
    let step = f.steps[&(id(10), id(2))];
    assert_eq!((step.covered, step.failed, step.rate), (12, 6, Some(0.5)));
    // Step 3 failed every day but was never ticked: no false ticking.
    assert!(!f.steps.contains_key(&(id(10), id(3))));
    assert_eq!(
        f.staff[&id(50)],
        Ticked {
            covered: 10,
            failed: 4,
            rate: Some(0.4)
        }
    );
    assert_eq!(
        f.staff[&id(51)],
        Ticked {
            covered: 4,
            failed: 4,
            rate: None
        }
    );
    let only_51 = Filter {
        staff: Some(id(51)),
        ..Filter::default()
    };
    let f = false_ticking(&d, &october(), &only_51, plus8);
    assert_eq!(f.steps[&(id(10), id(2))].covered, 4);
    assert!(!f.staff.contains_key(&id(50)));
}

/// A tick at 23:30 local on day 4 (15:30 UTC) is day 4's in UTC+8 but would be day 5's in
/// UTC+9: the local day decides which audit it meets.
#[test]
fn a_tick_meets_the_audit_of_its_local_day() {
    let mut run = ticked(1, 4, 50);
    let late = Utc.with_ymd_and_hms(2026, 10, 4, 15, 30, 0).unwrap();
    run.steps[0].done_at = Some(late);
    let d = Data {
        process_versions: vec![version()],
        runs: vec![run],
        audits: vec![audit(1, 4, &[(2, Failed)])],
        ..Data::default()
    };
    let at = |h| FixedOffset::east_opt(h * 3600).unwrap();
    let f = false_ticking(&d, &october(), &Filter::default(), at(8));
    assert_eq!(f.staff[&id(50)].failed, 1);
    let f = false_ticking(&d, &october(), &Filter::default(), at(9));
    assert!(f.staff.is_empty());
}

fn walk(results: &[(u128, AuditResult)]) -> Walk {
    Walk {
        auditor: "  Li  ".into(),
        kind: AuditKind::Anonymous,
        date: date(5),
        results: results
            .iter()
            .map(|&(s, r)| (id(s), (r, format!(" note {s} "))))
            .collect(),
        recheck: true,
    }
}

#[test]
fn a_walk_is_stored_only_when_every_step_is_judged() {
    let now = Utc.with_ymd_and_hms(2026, 10, 5, 12, 0, 0).unwrap();
    let v = version();
    let rec = |w: &Walk, today| record(&v, w, 10, today, id(7), now);
    let all = [
        (1, NotSeen),
        (2, Failed),
        (3, Passed),
        (4, Failed),
        (5, Passed),
    ];
    assert_eq!(rec(&walk(&all[..3]), date(5)), Err(WalkError::Unjudged(2)));
    let mut w = walk(&all);
    w.auditor = " ".into();
    assert_eq!(rec(&w, date(5)), Err(WalkError::NoAuditor));
    assert_eq!(rec(&walk(&all), date(4)), Err(WalkError::FutureDate));
    let unseen: Vec<_> = (1..=5).map(|s| (s, NotSeen)).collect();
    assert_eq!(rec(&walk(&unseen), date(5)), Err(WalkError::NothingSeen));
    let mut draft = v.clone();
    draft.status = VersionStatus::Draft;
    assert_eq!(
        record(&draft, &walk(&all), 10, date(5), id(7), now),
        Err(WalkError::NotPublished)
    );

    // Stored in the version's step order, trimmed, with a re-check 10 days on.
    let a = rec(&walk(&all), date(5)).unwrap();
    assert_eq!(a.auditor, "Li");
    assert_eq!(
        a.results.iter().map(|r| r.step_id).collect::<Vec<_>>(),
        (1..=5).map(id).collect::<Vec<_>>()
    );
    assert_eq!(a.results[1].note, "note 2");
    assert_eq!(a.recheck.as_ref().unwrap().due_on, date(15));
    assert_eq!(score(&a, &v).overall, share(2, 4));
    // No re-check when asked for none, or when nothing failed.
    let mut w = walk(&all);
    w.recheck = false;
    assert_eq!(rec(&w, date(5)).unwrap().recheck, None);
    let passed: Vec<_> = (1..=5).map(|s| (s, Passed)).collect();
    assert_eq!(rec(&walk(&passed), date(5)).unwrap().recheck, None);
}

#[test]
fn a_later_walk_that_sees_the_failed_steps_again_settles_the_recheck() {
    let now = Utc.with_ymd_and_hms(2026, 10, 12, 0, 0, 0).unwrap();
    let first = with_recheck(&audit(2, 5, &[(2, Failed), (4, Failed)]), 10, now).unwrap();
    let d = Data {
        process_versions: vec![version()],
        audits: vec![first.clone()],
        ..Data::default()
    };
    // Step 4 not seen again: the re-check stays open.
    let partial = audit(3, 12, &[(2, Passed), (4, NotSeen)]);
    assert!(settled_by(&d, &partial, now).is_empty());
    // Dated before the first: it cannot re-check it.
    let earlier = audit(4, 4, &[(2, Passed), (4, Passed)]);
    assert!(settled_by(&d, &earlier, now).is_empty());
    let again = audit(5, 12, &[(2, Passed), (4, Failed)]);
    let closed = settled_by(&d, &again, now);
    assert_eq!(closed.len(), 1);
    assert_eq!(closed[0].id, first.id);
    assert_eq!(closed[0].recheck.as_ref().unwrap().audit_id, Some(id(5)));
    // A closed re-check is not closed twice.
    let d = Data {
        audits: closed,
        ..d
    };
    assert!(settled_by(&d, &audit(6, 13, &[(2, Passed), (4, Passed)]), now).is_empty());
}
