//! Two audits of table service: a mystery shopper's before version 2, all seen steps
//! passed; and the manager's walk of version 2 last week, which failed serving and one
//! more step and set a re-check.

use super::texts::{is, SLOW_SERVING, TOPICS};
use super::Gen;
use crate::domain::bilingual::Bi;
use crate::domain::model::*;
use chrono::Duration;

/// The mystery shopper's visit, days before today (before version 2 was published).
const SHOPPER_DAYS_AGO: i64 = 40;
/// The manager's walk, days before today.
const WALK_DAYS_AGO: i64 = 6;

pub(super) fn audits(
    g: &mut Gen,
    v1: &ProcessVersion,
    v2: &ProcessVersion,
    manager: &str,
    recheck_days: u32,
) -> Vec<Audit> {
    let shopper_on = g.clock.days_ago(SHOPPER_DAYS_AGO);
    let steps1: Vec<&Step> = v1.stages.iter().flat_map(|s| &s.steps).collect();
    let shopper = Audit {
        location_id: None,
        id: g.id(),
        created_at: g.clock.at(shopper_on, 21 * 60),
        updated_at: g.clock.at(shopper_on, 21 * 60),
        process_version_id: v1.id,
        auditor: Bi("神秘顾客 王女士", "Mystery shopper Ms Wang").written_in(g.lang),
        kind: AuditKind::Anonymous,
        date: shopper_on,
        results: steps1
            .iter()
            .enumerate()
            .map(|(i, s)| StepResult {
                step_id: s.id,
                // A guest does not see the kitchen's preparation before opening.
                result: if i == 0 {
                    AuditResult::NotSeen
                } else {
                    AuditResult::Passed
                },
                note: String::new(),
            })
            .collect(),
        recheck: None,
    };

    let walk_on = g.clock.days_ago(WALK_DAYS_AGO);
    let steps2: Vec<&Step> = v2.stages.iter().flat_map(|s| &s.steps).collect();
    let last = steps2.last().map(|s| s.id);
    let failed_note = |s: &Step| {
        if is(s, TOPICS[SLOW_SERVING].step) {
            Some(Bi(
                "晚高峰两桌等菜超过20分钟,传菜员只有一人",
                "At the dinner rush two tables waited over 20 minutes; one food runner",
            ))
        } else if Some(s.id) == last {
            Some(Bi(
                "结账后没有邀请客人扫码评价",
                "No invitation to rate the visit after paying",
            ))
        } else {
            None
        }
    };
    let at = g.clock.at(walk_on, 20 * 60);
    let walk = Audit {
        location_id: None,
        id: g.id(),
        created_at: at,
        updated_at: at,
        process_version_id: v2.id,
        auditor: manager.to_string(),
        kind: AuditKind::Visible,
        date: walk_on,
        results: steps2
            .iter()
            .map(|s| match failed_note(s) {
                Some(note) => StepResult {
                    step_id: s.id,
                    result: AuditResult::Failed,
                    note: note.written_in(g.lang),
                },
                None => StepResult {
                    step_id: s.id,
                    result: AuditResult::Passed,
                    note: String::new(),
                },
            })
            .collect(),
        recheck: Some(Recheck {
            due_on: walk_on + Duration::days(recheck_days.into()),
            audit_id: None,
            done_at: None,
        }),
    };
    vec![shopper, walk]
}
