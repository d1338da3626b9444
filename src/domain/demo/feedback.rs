//! Feedback: complaints raised from low answers, each handled as a run of the complaint
//! process (its times are the recovery times), plus praise and suggestions from the floor.

use super::clock::local_date;
use super::runs::{run, Style};
use super::texts::{is, PRAISE, SUGGESTIONS, TOPICS};
use super::Gen;
use crate::domain::bilingual::Bi;
use crate::domain::model::*;
use chrono::Duration;

/// A complaint's owner answers within the working day, so waits between steps are long.
const COMPLAINT_GAP_MAX_S: i64 = 4 * 3600;
/// Recent complaints are often still being handled: half of those younger than this stall
/// somewhere in their first two days.
const BACKLOG_DAYS: i64 = 14;
const STALL_WITHIN_S: i64 = 2 * 86_400;
/// Resolved items are closed once they are two weeks old.
const CLOSE_AFTER_DAYS: i64 = 14;

pub(super) struct Complaints {
    pub feedback: Vec<Feedback>,
    pub runs: Vec<ProcessRun>,
}

/// One complaint per (response index, topic); `handling` is the complaint process version,
/// `table` the table-service version the topics' steps are found in.
pub(super) fn complaints(
    g: &mut Gen,
    responses: &[Response],
    raised: &[(usize, usize)],
    handling: &ProcessVersion,
    table: &ProcessVersion,
    manager: usize,
) -> Complaints {
    let first_in = handling.stages[1].steps[0].id;
    let callback = handling.stages[2].steps[0].id;
    let analysis = handling.stages[2].steps[1].id;
    let mut out = Complaints {
        feedback: Vec::with_capacity(raised.len()),
        runs: Vec::with_capacity(raised.len()),
    };
    for &(ri, topic) in raised {
        let r = &responses[ri];
        let t = &TOPICS[topic];
        let created = r.submitted_at;
        let style = Style {
            gap_max_s: COMPLAINT_GAP_MAX_S,
            may_skip: false,
            bottleneck: None,
            until: stalled_at(g, created),
        };
        let handled = run(g, handling, created, manager, r.visit_code.clone(), &style);
        let done = |step: Id| {
            handled
                .steps
                .iter()
                .find(|s| s.step_id == step)
                .and_then(|s| s.done_at)
        };
        let analysed = done(analysis).is_some();
        let step_id = table
            .stages
            .iter()
            .flat_map(|s| &s.steps)
            .find(|s| is(s, t.step))
            .map(|s| s.id);
        let mut f = item(g, FeedbackKind::Complaint, Channel::Kiosk, t.text, created);
        f.staff_id = r.staff_id;
        f.step_id = step_id;
        f.response_id = Some(r.id);
        f.owner_id = Some(g.team.staff[manager].id);
        f.root_cause = analysed.then_some(t.cause);
        f.whys = if analysed {
            t.whys.iter().map(|w| w.written_in(g.lang)).collect()
        } else {
            Vec::new()
        };
        settle(g, &mut f, done(first_in), done(callback));
        out.feedback.push(f);
        out.runs.push(handled);
    }
    out
}

/// Where handling of a complaint made at `created` has got to by now.
fn stalled_at(g: &mut Gen, created: Time) -> Time {
    let now = g.clock.now;
    let age = (now - created).num_seconds();
    if age < BACKLOG_DAYS * 86_400 && g.rng.chance(0.5) {
        created + Duration::seconds(g.rng.between(0, age.min(STALL_WITHIN_S)))
    } else {
        now
    }
}

/// Praise and suggestions told to staff, by phone or online.
pub(super) fn floor_feedback(
    g: &mut Gen,
    count: usize,
    waiter: Option<Id>,
    manager: usize,
) -> Vec<Feedback> {
    (0..count)
        .map(|_| {
            let created = g.clock.meal_time(&mut g.rng) + Duration::minutes(g.rng.between(30, 120));
            let channel = *g
                .rng
                .pick(&[Channel::InPerson, Channel::Phone, Channel::Online]);
            let praise = g.rng.chance(0.6);
            let (kind, text) = if praise {
                (FeedbackKind::Praise, *g.rng.pick(&PRAISE))
            } else {
                (FeedbackKind::Suggestion, *g.rng.pick(&SUGGESTIONS))
            };
            let mut f = item(g, kind, channel, text, created);
            if praise {
                let on_duty = g.waiter_on(waiter, local_date(created));
                f.staff_id = Some(g.team.staff[on_duty].id);
            }
            f.owner_id = Some(g.team.staff[manager].id);
            let answered = created + Duration::hours(g.rng.between(2, 48));
            // Praise is closed with the thank-you; a suggestion takes a while to act on.
            let resolved = if praise {
                answered
            } else {
                answered + Duration::hours(g.rng.between(4, 240))
            };
            settle(g, &mut f, Some(answered), Some(resolved));
            f
        })
        .collect()
}

fn item(g: &mut Gen, kind: FeedbackKind, channel: Channel, text: Bi, created: Time) -> Feedback {
    crate::domain::feedback::open(kind, channel, text.written_in(g.lang), g.id(), created)
}

/// Status and recovery times as they stand at `now`: what lies in the future has not
/// happened yet.
fn settle(g: &Gen, f: &mut Feedback, answered: Option<Time>, resolved: Option<Time>) {
    let now = g.clock.now;
    f.first_response_at = answered.filter(|t| *t <= now);
    f.resolved_at = resolved.filter(|t| *t <= now && f.first_response_at.is_some());
    f.status = match (f.first_response_at, f.resolved_at) {
        (_, Some(r)) if now - r > Duration::days(CLOSE_AFTER_DAYS) => FeedbackStatus::Closed,
        (_, Some(_)) => FeedbackStatus::Resolved,
        (Some(_), None) => FeedbackStatus::InProgress,
        (None, None) => FeedbackStatus::Open,
    };
    f.updated_at = f
        .resolved_at
        .or(f.first_response_at)
        .unwrap_or(f.created_at);
}
