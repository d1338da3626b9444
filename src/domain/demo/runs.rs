//! Process runs: each step started and done by whoever holds its role that day, mostly
//! within the time limit, sometimes over (serving, at peak, most of all) or skipped.

use super::clock::{is_peak, local_date};
use super::texts::{custom_notes, SKIP_REASONS};
use super::Gen;
use crate::domain::model::*;
use crate::domain::sort;
use chrono::Duration;

pub(super) struct Style {
    /// Longest wait between two steps.
    pub gap_max_s: i64,
    pub may_skip: bool,
    /// The step that runs late at peak times.
    pub bottleneck: Option<Id>,
    /// Steps that would end after this (at the latest `now`) stay pending.
    pub until: Time,
}

/// One run of `version` from `started_at`, led by staff `lead`. Steps that would end after
/// `style.until` are left pending and the run unfinished.
pub(super) fn run(
    g: &mut Gen,
    version: &ProcessVersion,
    started_at: Time,
    lead: usize,
    visit_code: String,
    style: &Style,
) -> ProcessRun {
    let date = local_date(started_at);
    let mut t = started_at;
    let mut finished = true;
    let mut steps = Vec::new();
    for stage in &version.stages {
        for step in &stage.steps {
            let pending = StepRecord {
                step_id: step.id,
                started_at: None,
                done_at: None,
                done_by: None,
                option: None,
                note: String::new(),
                skipped_reason: None,
            };
            if !finished {
                steps.push(pending);
                continue;
            }
            let optional = stage.kind == StageKind::Post || step.tier == Tier::Custom;
            if style.may_skip && g.rng.chance(if optional { 0.05 } else { 0.01 }) {
                let reason = g.rng.pick(&SKIP_REASONS).written_in(g.lang);
                steps.push(StepRecord {
                    skipped_reason: Some(reason),
                    ..pending
                });
                continue;
            }
            let on_duty = g.team.on_duty(step.role_id, date);
            let doer = if on_duty.is_empty() || on_duty.contains(&lead) {
                lead
            } else {
                *g.rng.pick(&on_duty)
            };
            let start = t + Duration::seconds(g.rng.between(0, style.gap_max_s));
            let mut p_over = 0.06 - 0.04 * g.team.skill[doer];
            if style.bottleneck == Some(step.id) {
                p_over += if is_peak(start) { 0.3 } else { 0.1 };
            }
            let factor = if g.rng.chance(p_over) {
                1.05 + 0.6 * g.rng.unit()
            } else {
                0.35 + 0.65 * g.rng.unit()
            };
            let done = start + Duration::seconds((f64::from(step.time_limit_s) * factor) as i64);
            if done > style.until {
                finished = false;
                steps.push(pending);
                continue;
            }
            let option = match step.tier {
                Tier::Standard => {
                    Some(g.rng.weighted(&[6, 3, 1, 1][..step.options.len().min(4)]) as u32)
                }
                _ => None,
            };
            let note = match step.tier {
                Tier::Custom => g.rng.pick(custom_notes(step)).written_in(g.lang),
                _ => String::new(),
            };
            steps.push(StepRecord {
                started_at: Some(start),
                done_at: Some(done),
                done_by: Some(g.team.staff[doer].id),
                option,
                note,
                ..pending
            });
            t = done;
        }
    }
    ProcessRun {
        location_id: None,
        id: g.id(),
        created_at: started_at,
        updated_at: t,
        process_version_id: version.id,
        staff_id: Some(g.team.staff[lead].id),
        visit_code,
        started_at,
        finished_at: finished.then_some(t),
        steps,
    }
}

/// Whether the run did `step_id` and took longer than its limit.
pub(super) fn overran(run: &ProcessRun, step_id: Id, limit_s: u32) -> bool {
    run.steps.iter().any(|s| {
        s.step_id == step_id
            && matches!((s.started_at, s.done_at), (Some(a), Some(b)) if b - a > Duration::seconds(i64::from(limit_s)))
    })
}

/// A quarter of table service, oldest first: version 1 until `switch`, then version 2.
/// Visit codes are the local date and the table's number that day, e.g. "0314-027".
pub(super) fn table_runs(
    g: &mut Gen,
    count: usize,
    v1: &ProcessVersion,
    v2: &ProcessVersion,
    switch: Time,
    waiter: Option<Id>,
    bottleneck: Option<Id>,
) -> Vec<ProcessRun> {
    let mut starts: Vec<Time> = (0..count).map(|_| g.clock.meal_time(&mut g.rng)).collect();
    sort::by(&mut starts, Ord::cmp);
    let style = Style {
        gap_max_s: 45,
        may_skip: true,
        bottleneck,
        until: g.clock.now,
    };
    let mut runs = Vec::with_capacity(count);
    let mut seq = (None, 0);
    for start in starts {
        let date = local_date(start);
        seq = if seq.0 == Some(date) {
            (seq.0, seq.1 + 1)
        } else {
            (Some(date), 1)
        };
        let code = format!("{}-{:03}", date.format("%m%d"), seq.1);
        let lead = g.waiter_on(waiter, date);
        let version = if start < switch { v1 } else { v2 };
        runs.push(run(g, version, start, lead, code, &style));
    }
    runs
}
