//! Staff development: one workshop on communication and emotion management, and the
//! manager's monthly evaluations for the last three full months.

use super::Gen;
use crate::domain::bilingual::Bi;
use crate::domain::model::*;
use chrono::{Datelike, Duration, Months, NaiveDate};
use std::collections::BTreeMap;

/// Positions in `default_capabilities`' documented order.
const COMMUNICATION: usize = 2;
const EMOTION: usize = 3;
const TRAINING_DAYS_AGO: i64 = 40;
const MONTHS: u32 = 3;

/// The workshop for everyone who faces guests (front desk and waiters) on the day.
pub(super) fn training(
    g: &mut Gen,
    capabilities: &[Capability],
    trainees: &[Option<Id>],
) -> Training {
    let date = g.clock.days_ago(TRAINING_DAYS_AGO);
    let attendee_ids = (0..g.team.staff.len())
        .filter(|&i| g.team.active(i, date) && trainees.contains(&g.team.staff[i].role_id))
        .map(|i| g.team.staff[i].id)
        .collect();
    let created = g.clock.at(date - Duration::days(7), 10 * 60);
    Training {
        id: g.id(),
        created_at: created,
        updated_at: g.clock.at(date, 18 * 60),
        title: Bi(
            "情绪管理与投诉应对工作坊",
            "Emotion management and complaint handling workshop",
        )
        .written_in(g.lang),
        date,
        capability_ids: vec![capabilities[COMMUNICATION].id, capabilities[EMOTION].id],
        attendee_ids,
        trainer: Bi("外部讲师 林老师", "External trainer Ms Lin").written_in(g.lang),
    }
}

/// Scores follow each person's skill, grow a little month by month, and jump on the
/// trained capabilities for attendees after the workshop's month.
pub(super) fn evaluations(
    g: &mut Gen,
    capabilities: &[Capability],
    training: &Training,
    manager: usize,
) -> Vec<Evaluation> {
    let this_month = g.clock.today.with_day(1).expect("day 1 exists");
    let mut out = Vec::new();
    for back in (1..=MONTHS).rev() {
        let period = this_month - Months::new(back);
        let next = period + Months::new(1);
        let growth = 0.15 * f64::from(MONTHS - back);
        let trained_month = period > month_of(training.date);
        let written = g.clock.at(next, 10 * 60).min(g.clock.now);
        for i in 0..g.team.staff.len() {
            if i == manager || !worked_in(&g.team.staff[i], period, next) {
                continue;
            }
            let attended = training.attendee_ids.contains(&g.team.staff[i].id);
            let mut scores = BTreeMap::new();
            for (c, cap) in capabilities.iter().enumerate() {
                let trained = attended && trained_month && (c == COMMUNICATION || c == EMOTION);
                let x = 3.3
                    + 0.9 * g.team.skill[i]
                    + growth
                    + if trained { 0.5 } else { 0.0 }
                    + 0.4 * (g.rng.unit() * 2.0 - 1.0);
                scores.insert(cap.id, x.round().clamp(1.0, 5.0) as u8);
            }
            out.push(Evaluation {
                location_id: None,
                id: g.id(),
                created_at: written,
                updated_at: written,
                staff_id: g.team.staff[i].id,
                period,
                evaluator: Evaluator::Manager,
                scores,
                note: String::new(),
            });
        }
    }
    out
}

fn month_of(d: NaiveDate) -> NaiveDate {
    d.with_day(1).expect("day 1 exists")
}

/// Employed on at least one day of [start, end).
fn worked_in(s: &Staff, start: NaiveDate, end: NaiveDate) -> bool {
    s.joined_on.is_none_or(|j| j < end) && s.left_on.is_none_or(|l| l > start)
}
