//! Survey answers: about two in five come from a table run (same visit code, staff and
//! time), the rest from the door kiosk. Scores lean on the waiter's skill, on serving that
//! ran late, and on the simplified process after the switch.

use super::clock::local_date;
use super::texts::{
    MILD, PRAISE, SLOW_SERVING, SUGGESTIONS, TOPICS, TOPIC_WEIGHTS_AFTER, TOPIC_WEIGHTS_BEFORE,
};
use super::Gen;
use crate::domain::model::*;
use chrono::Duration;
use std::collections::BTreeMap;

/// P(score ≤ i) for stars 1–5: CSAT (4–5) ≈ 82 %.
const STARS: [f64; 5] = [0.04, 0.09, 0.18, 0.45, 1.0];
/// P(score ≤ i) for NPS 0–10: 18 % detractors, 52 % promoters, NPS ≈ 34.
const NPS: [f64; 11] = [
    0.01, 0.02, 0.03, 0.05, 0.07, 0.11, 0.18, 0.30, 0.48, 0.70, 1.0,
];
const TABLETS: [&str; 3] = ["tablet-01", "tablet-02", "tablet-03"];
const KIOSK: &str = "kiosk-door";

pub(super) struct Setting<'a> {
    pub process_id: Id,
    pub csat: &'a SurveyVersion,
    pub nps: &'a SurveyVersion,
    pub switch: Time,
    pub waiter: Option<Id>,
}

pub(super) struct Answered {
    pub responses: Vec<Response>,
    /// (response index, complaint topic) of the answers that become complaints.
    pub complaints: Vec<(usize, usize)>,
}

/// `n` responses; `late[i]` says whether run `i` served late.
pub(super) fn responses(
    g: &mut Gen,
    n: usize,
    runs: &[ProcessRun],
    late: &[bool],
    s: &Setting,
) -> Answered {
    let linked = n.min(runs.len() * 2 / 5);
    let mut out = Answered {
        responses: Vec::with_capacity(n),
        complaints: Vec::new(),
    };
    for i in 0..n {
        let (submitted_at, staff, visit_code, was_late, device) = if i < linked {
            let j = i * runs.len() / linked;
            let run = &runs[j];
            let end = run.finished_at.unwrap_or(run.started_at);
            let at = end + Duration::seconds(g.rng.between(60, 600));
            let staff = run.staff_id.and_then(|id| g.team.index_of(id)).unwrap_or(0);
            (
                at,
                staff,
                run.visit_code.clone(),
                late[j],
                *g.rng.pick(&TABLETS),
            )
        } else {
            let at = g.clock.meal_time(&mut g.rng) + Duration::minutes(g.rng.between(60, 100));
            let staff = g.waiter_on(s.waiter, local_date(at));
            (at, staff, String::new(), false, KIOSK)
        };
        let shift = 0.06 * g.team.skill[staff] - if was_late { 0.2 } else { 0.0 }
            + if submitted_at >= s.switch { 0.03 } else { 0.0 };
        let u = (g.rng.unit() + shift).clamp(0.0, 0.999_999);
        let is_csat = g.rng.chance(0.55);
        let (version, score, severe, happy) = if is_csat {
            let stars = level(u, &STARS) as u8 + 1;
            (s.csat, stars, stars <= 2, stars >= 4)
        } else {
            let nps = level(u, &NPS) as u8;
            (s.nps, nps, nps <= 4, nps >= 9)
        };
        let (rated, comment) = (&version.questions[0], &version.questions[1]);
        let mut answers = BTreeMap::new();
        answers.insert(rated.id, Answer::Score(score));
        let mut follow_ups = BTreeMap::new();
        let asks = rated.follow_up_at_or_below.is_some_and(|at| score <= at);
        if asks && g.rng.chance(0.75) {
            let text = if severe || g.rng.chance(0.5) {
                let topic = if was_late {
                    SLOW_SERVING
                } else if submitted_at < s.switch {
                    g.rng.weighted(&TOPIC_WEIGHTS_BEFORE)
                } else {
                    g.rng.weighted(&TOPIC_WEIGHTS_AFTER)
                };
                if severe && g.rng.chance(0.35) {
                    out.complaints.push((i, topic));
                }
                TOPICS[topic].text
            } else {
                *g.rng.pick(&MILD)
            };
            follow_ups.insert(rated.id, text.written_in(g.lang));
        }
        if g.rng.chance(0.06) {
            let text = g.rng.pick(if happy { &PRAISE } else { &SUGGESTIONS });
            answers.insert(comment.id, Answer::Text(text.written_in(g.lang)));
        }
        out.responses.push(Response {
            location_id: None,
            id: g.id(),
            created_at: submitted_at,
            updated_at: submitted_at,
            survey_version_id: version.id,
            submitted_at,
            device_id: device.into(),
            staff_id: Some(g.team.staff[staff].id),
            process_id: Some(s.process_id),
            visit_code,
            answers,
            follow_ups,
        });
    }
    out
}

/// The first level whose cumulative share exceeds `u`.
fn level(u: f64, cumulative: &[f64]) -> usize {
    cumulative
        .iter()
        .position(|c| u < *c)
        .unwrap_or(cumulative.len() - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_reads_the_cumulative_table() {
        // u = 0.05 is past 1★ (0.04) and inside 2★ (0.09): index 1.
        assert_eq!(level(0.05, &STARS), 1);
        assert_eq!(level(0.0, &STARS), 0);
        assert_eq!(level(0.999, &STARS), 4);
        // u = 0.5 is past 8 (0.48) and inside 9 (0.70).
        assert_eq!(level(0.5, &NPS), 9);
    }
}
