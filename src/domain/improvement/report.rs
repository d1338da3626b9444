//! The improvement section of the period report: the actions worked on in the period by
//! the stage they are in now, and those finished in it with their measured effect.

use super::effect::{effect, Effect, DEFAULT_WINDOW_DAYS};
use crate::domain::kpi::Span;
use crate::domain::model::*;
use crate::domain::sort;
use crate::domain::Data;
use chrono::FixedOffset;

const STAGES: [PdcaStage; 6] = [
    PdcaStage::Plan,
    PdcaStage::Do,
    PdcaStage::Check,
    PdcaStage::Act,
    PdcaStage::Done,
    PdcaStage::Abandoned,
];

#[derive(Clone, Debug, PartialEq)]
pub struct InPeriod<'d> {
    /// Actions open at some time in the period (opened before its end, not closed before
    /// its start), counted by their stage now.
    pub by_stage: [(PdcaStage, usize); 6],
    /// Actions moved to Done in the period, oldest first, with their effect over the
    /// default windows (`None` while they have no change date or KPI).
    pub finished: Vec<(&'d ImprovementAction, Option<Effect>)>,
}

/// When an action was closed: its last move to Done or Abandoned, while it is closed.
fn closed_at(a: &ImprovementAction) -> Option<Time> {
    if a.stage.is_open() {
        return None;
    }
    a.moves.iter().rev().find(|m| !m.to.is_open()).map(|m| m.at)
}

pub fn in_period<'d>(d: &'d Data, span: &Span, offset: FixedOffset, now: Time) -> InPeriod<'d> {
    let mut by_stage = STAGES.map(|s| (s, 0));
    let mut finished = Vec::new();
    for a in &d.improvement_actions {
        let opened_before_end = a.created_at < span.instants.end;
        let closed_before_start = closed_at(a).is_some_and(|t| t < span.instants.start);
        if !opened_before_end || closed_before_start {
            continue;
        }
        if let Some(slot) = by_stage.iter_mut().find(|(s, _)| *s == a.stage) {
            slot.1 += 1;
        }
        let done_in_span =
            a.stage == PdcaStage::Done && closed_at(a).is_some_and(|t| span.instants.contains(&t));
        if done_in_span {
            finished.push(a);
        }
    }
    sort::by_key(&mut finished, |a| closed_at(a));
    InPeriod {
        by_stage,
        finished: finished
            .into_iter()
            .map(|a| (a, effect(d, a, DEFAULT_WINDOW_DAYS, offset, now)))
            .collect(),
    }
}
