//! Stage moves. Plan → Do → Check → Act → Done, one stage at a time either way, or
//! Abandoned from any open stage. Each forward move asks for what the stage it leaves was
//! for, so a card cannot reach Done on paper only:
//! - into Do: a goal (what "better" is) and at least one countermeasure;
//! - into Check, Act or Done: every countermeasure done;
//! - into Act (make it the standard): a measured effect, any verdict but "not enough data" —
//!   a change that did nothing is still worth deciding on, an unmeasured one is not;
//! - into Abandoned: a reason.
//!
//! Back one stage is always allowed (Done back to Act reopens it); Abandoned is final.

use super::effect::Verdict;
use crate::domain::edit::edited_at;
use crate::domain::model::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoveError {
    /// Abandoned actions do not move.
    Closed,
    /// Already in that stage.
    SameStage,
    /// Not the next or the previous stage.
    NotAdjacent,
    ReasonRequired,
    NoGoal,
    NoTasks,
    OpenTasks,
    /// Act needs a measured effect.
    NoEvidence,
}

/// The action moved to `to` at `now`, with `note` (the reason when abandoning); `evidence`
/// is the verdict of its effect (`effect::effect`), when one was measured.
pub fn move_to(
    a: &ImprovementAction,
    to: PdcaStage,
    note: &str,
    evidence: Option<Verdict>,
    now: Time,
) -> Result<ImprovementAction, MoveError> {
    check(a, to, note, evidence)?;
    let at = edited_at(a.updated_at, now);
    let mut moved = a.clone();
    moved.moves.push(StageMove {
        from: a.stage,
        to,
        at,
        note: note.trim().to_string(),
    });
    moved.stage = to;
    moved.updated_at = at;
    Ok(moved)
}

fn check(
    a: &ImprovementAction,
    to: PdcaStage,
    note: &str,
    evidence: Option<Verdict>,
) -> Result<(), MoveError> {
    use PdcaStage::*;
    if a.stage == Abandoned {
        return Err(MoveError::Closed);
    }
    if a.stage == to {
        return Err(MoveError::SameStage);
    }
    if to == Abandoned {
        return match (a.stage.is_open(), note.trim().is_empty()) {
            (false, _) => Err(MoveError::Closed),
            (true, true) => Err(MoveError::ReasonRequired),
            (true, false) => Ok(()),
        };
    }
    let at = |s: PdcaStage| PdcaStage::CYCLE.iter().position(|c| *c == s);
    let (from_i, to_i) = (at(a.stage), at(to));
    match (from_i, to_i) {
        (Some(f), Some(t)) if t + 1 == f => return Ok(()),
        (Some(f), Some(t)) if t == f + 1 => {}
        _ => return Err(MoveError::NotAdjacent),
    }
    if to == Do {
        if a.goal.is_none() {
            return Err(MoveError::NoGoal);
        }
        if a.tasks.is_empty() {
            return Err(MoveError::NoTasks);
        }
    }
    if matches!(to, Check | Act | Done) && a.tasks.iter().any(|t| t.done_at.is_none()) {
        return Err(MoveError::OpenTasks);
    }
    if to == Act && evidence.is_none_or(|v| v == Verdict::NotEnoughData) {
        return Err(MoveError::NoEvidence);
    }
    Ok(())
}

/// When Do was finished: the last move out of Do into Check (a card sent back and forward
/// again changed the process then).
pub fn do_finished_at(a: &ImprovementAction) -> Option<Time> {
    a.moves
        .iter()
        .rev()
        .find(|m| m.from == PdcaStage::Do && m.to == PdcaStage::Check)
        .map(|m| m.at)
}
