//! What a well-typed file can still get wrong: parts that contradict each other. Each one
//! would be a wrong figure on screen (a step counted twice, a score of 99 on a 1–5 scale),
//! so each is refused with its JSON path.

use super::{Problem, ProblemKind, MAX_PROBLEMS};
use crate::domain::capability::SCORE_SCALE;
use crate::domain::model::{Answer, Id, ProcessVersion, SurveyVersion};
use crate::domain::Data;
use rustc_hash::{FxHashMap, FxHashSet};

/// Checks the file's records; `existing` supplies the versions they may point at.
pub(super) fn check(data: &Data, existing: &Data, problems: &mut Vec<Problem>) {
    let mut found = Found(problems);
    duplicate_steps(data, &mut found);
    feedback_steps(data, existing, &mut found);
    answers(data, existing, &mut found);
    evaluation_scores(data, &mut found);
    audit_steps(data, existing, &mut found);
}

/// Problems, up to the number a message lists.
struct Found<'a>(&'a mut Vec<Problem>);

impl Found<'_> {
    /// `path` is only written for a problem: most records have none, and an import checks
    /// a million answers.
    fn add(&mut self, path: impl FnOnce() -> String, kind: ProblemKind) {
        if self.0.len() < MAX_PROBLEMS {
            self.0.push(Problem::at(path(), kind));
        }
    }
}

/// Steps are followed across runs and versions by id, so one id is one step.
fn duplicate_steps(data: &Data, found: &mut Found) {
    for (i, v) in data.process_versions.iter().enumerate() {
        let mut seen = FxHashSet::default();
        for (s, stage) in v.stages.iter().enumerate() {
            for (k, step) in stage.steps.iter().enumerate() {
                if !seen.insert(step.id) {
                    found.add(
                        || format!("data.process_versions[{i}].stages[{s}].steps[{k}].id"),
                        ProblemKind::DuplicateStepId(step.id),
                    );
                }
            }
        }
    }
}

/// A complaint about a step must name a step of some process version, here or in the file.
fn feedback_steps(data: &Data, existing: &Data, found: &mut Found) {
    let steps: FxHashSet<Id> = data
        .process_versions
        .iter()
        .chain(&existing.process_versions)
        .flat_map(|v| v.stages.iter().flat_map(|s| &s.steps))
        .map(|s| s.id)
        .collect();
    for (i, f) in data.feedback.iter().enumerate() {
        if let Some(step) = f.step_id.filter(|s| !steps.contains(s)) {
            found.add(
                || format!("data.feedback[{i}].step_id"),
                ProblemKind::UnknownStep(step),
            );
        }
    }
}

/// Every answer is to a question of the version answered, and a score lies on its scale.
fn answers(data: &Data, existing: &Data, found: &mut Found) {
    // The file's version wins over the device's: it is the one the file's responses answered.
    let versions: FxHashMap<Id, &SurveyVersion> = existing
        .survey_versions
        .iter()
        .chain(&data.survey_versions)
        .map(|v| (v.id, v))
        .collect();
    for (i, r) in data.responses.iter().enumerate() {
        // A missing version is a dangling reference, already refused.
        let Some(v) = versions.get(&r.survey_version_id) else {
            continue;
        };
        for (qid, answer) in &r.answers {
            let path = || format!("data.responses[{i}].answers.{qid}");
            let Some(q) = v.questions.iter().find(|q| q.id == *qid) else {
                found.add(path, ProblemKind::UnknownQuestion(*qid));
                continue;
            };
            if let (Answer::Score(n), Some(scale)) = (answer, q.kind.scale()) {
                out_of_scale(*n, scale, path, found);
            }
        }
        for qid in r.follow_ups.keys() {
            if !v.questions.iter().any(|q| q.id == *qid) {
                found.add(
                    || format!("data.responses[{i}].follow_ups.{qid}"),
                    ProblemKind::UnknownQuestion(*qid),
                );
            }
        }
    }
}

fn evaluation_scores(data: &Data, found: &mut Found) {
    for (i, e) in data.evaluations.iter().enumerate() {
        for (cap, score) in &e.scores {
            let path = || format!("data.evaluations[{i}].scores.{cap}");
            out_of_scale(*score, SCORE_SCALE, path, found);
        }
    }
}

/// An audit scores the steps of its own version, each once: a step of another version, or a
/// step scored twice, would make its score and false-ticking rate wrong.
fn audit_steps(data: &Data, existing: &Data, found: &mut Found) {
    let versions: FxHashMap<Id, &ProcessVersion> = existing
        .process_versions
        .iter()
        .chain(&data.process_versions)
        .map(|v| (v.id, v))
        .collect();
    for (i, a) in data.audits.iter().enumerate() {
        // A missing version is a dangling reference, already refused.
        let Some(v) = versions.get(&a.process_version_id) else {
            continue;
        };
        let steps: FxHashSet<Id> = v
            .stages
            .iter()
            .flat_map(|s| &s.steps)
            .map(|s| s.id)
            .collect();
        let mut seen = FxHashSet::default();
        for (k, r) in a.results.iter().enumerate() {
            let path = || format!("data.audits[{i}].results[{k}].step_id");
            if !steps.contains(&r.step_id) {
                found.add(path, ProblemKind::UnknownStep(r.step_id));
            } else if !seen.insert(r.step_id) {
                found.add(path, ProblemKind::DuplicateAuditStep(r.step_id));
            }
        }
    }
}

fn out_of_scale(value: u8, (min, max): (u8, u8), path: impl FnOnce() -> String, found: &mut Found) {
    if !(min..=max).contains(&value) {
        found.add(path, ProblemKind::OutOfScale { value, min, max });
    }
}
