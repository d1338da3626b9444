//! Running a published version as a checklist: each step is ticked (time and person
//! recorded), its option chosen or note written as its tier asks, or skipped with a reason.

use super::model::*;
use super::process_edit::steps;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunError {
    NotPublished,
    Finished,
    NoSuchStep,
    /// A standard-tier step needs one of its options.
    NeedOption,
    /// A custom-tier step needs a note.
    NeedNote,
    NeedReason,
}

pub fn start(
    version: &ProcessVersion,
    id: Id,
    staff_id: Option<Id>,
    visit_code: &str,
    now: Time,
) -> Result<ProcessRun, RunError> {
    if version.status != VersionStatus::Published {
        return Err(RunError::NotPublished);
    }
    Ok(ProcessRun {
        location_id: None,
        id,
        created_at: now,
        updated_at: now,
        process_version_id: version.id,
        staff_id,
        visit_code: visit_code.trim().to_string(),
        started_at: now,
        finished_at: None,
        steps: Vec::new(),
    })
}

/// When the current step began: at the last tick or skip (each one stamps the run), or at
/// the run's start.
pub fn step_started(run: &ProcessRun) -> Time {
    if run.steps.is_empty() {
        run.started_at
    } else {
        run.updated_at
    }
}

/// The first step with no record yet: the one the checklist offers next.
pub fn current<'a>(version: &'a ProcessVersion, run: &ProcessRun) -> Option<&'a Step> {
    steps(version).find(|s| !run.steps.iter().any(|r| r.step_id == s.id))
}

fn record(
    run: &mut ProcessRun,
    version: &ProcessVersion,
    step_id: Id,
    rec: StepRecord,
    now: Time,
) -> Result<(), RunError> {
    if run.finished_at.is_some() {
        return Err(RunError::Finished);
    }
    if !steps(version).any(|s| s.id == step_id) {
        return Err(RunError::NoSuchStep);
    }
    run.steps.retain(|r| r.step_id != step_id);
    run.steps.push(rec);
    run.updated_at = super::edit::edited_at(run.updated_at, now);
    Ok(())
}

pub fn complete(
    run: &mut ProcessRun,
    version: &ProcessVersion,
    step_id: Id,
    by: Option<Id>,
    option: Option<u32>,
    note: &str,
    now: Time,
) -> Result<(), RunError> {
    let step = steps(version)
        .find(|s| s.id == step_id)
        .ok_or(RunError::NoSuchStep)?;
    match step.tier {
        Tier::Standard if option.is_none_or(|i| (i as usize) >= step.options.len()) => {
            return Err(RunError::NeedOption)
        }
        Tier::Custom if note.trim().is_empty() => return Err(RunError::NeedNote),
        _ => {}
    }
    let rec = StepRecord {
        step_id,
        started_at: Some(step_started(run)),
        done_at: Some(now),
        done_by: by,
        option: option.filter(|_| step.tier == Tier::Standard),
        note: note.trim().to_string(),
        skipped_reason: None,
    };
    record(run, version, step_id, rec, now)
}

pub fn skip(
    run: &mut ProcessRun,
    version: &ProcessVersion,
    step_id: Id,
    reason: &str,
    now: Time,
) -> Result<(), RunError> {
    if reason.trim().is_empty() {
        return Err(RunError::NeedReason);
    }
    let rec = StepRecord {
        step_id,
        started_at: Some(step_started(run)),
        done_at: None,
        done_by: None,
        option: None,
        note: String::new(),
        skipped_reason: Some(reason.trim().to_string()),
    };
    record(run, version, step_id, rec, now)
}

pub fn finish(run: &mut ProcessRun, now: Time) -> Result<(), RunError> {
    if run.finished_at.is_some() {
        return Err(RunError::Finished);
    }
    run.finished_at = Some(now);
    run.updated_at = super::edit::edited_at(run.updated_at, now);
    Ok(())
}

/// How a run went, for the screen shown when it is finished.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunSummary {
    /// Steps done (late ones included).
    pub done: usize,
    /// Steps skipped, with the reason given.
    pub skipped: Vec<(Id, String)>,
    /// Steps done after their time limit, with the seconds over it.
    pub late: Vec<(Id, i64)>,
    /// Steps the run never reached (it was finished early).
    pub not_reached: usize,
}

/// In the order of the version's steps.
pub fn summary(version: &ProcessVersion, run: &ProcessRun) -> RunSummary {
    let mut out = RunSummary::default();
    for step in steps(version) {
        let Some(rec) = run.steps.iter().find(|r| r.step_id == step.id) else {
            out.not_reached += 1;
            continue;
        };
        if let Some(reason) = &rec.skipped_reason {
            out.skipped.push((step.id, reason.clone()));
            continue;
        }
        out.done += 1;
        if let (Some(a), Some(b)) = (rec.started_at, rec.done_at) {
            let over = (b - a).num_seconds() - i64::from(step.time_limit_s);
            if over > 0 {
                out.late.push((step.id, over));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::Data;
    use crate::domain::process_analysis::{analyse, Share};
    use crate::domain::templates::{instantiate, TemplateId};
    use crate::i18n::Lang;
    use chrono::Duration;

    fn t(min: i64) -> Time {
        chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap() + Duration::minutes(min)
    }

    fn version() -> ProcessVersion {
        let mut n = 0u128;
        instantiate(
            TemplateId::RestaurantTable,
            &mut || {
                n += 1;
                Id::from_u128(n)
            },
            t(0),
            &[],
            Lang::Zh,
        )
        .version
    }

    #[test]
    fn a_checklist_run_from_start_to_finish() {
        let v = version();
        let mut run = start(&v, Id::from_u128(500), None, " T12 ", t(0)).unwrap();
        assert_eq!(run.visit_code, "T12");
        let mut minute = 0;
        while let Some(step) = current(&v, &run).cloned() {
            minute += 1;
            let (option, note) = match step.tier {
                Tier::Standard => {
                    assert_eq!(
                        complete(&mut run, &v, step.id, None, None, "", t(minute)),
                        Err(RunError::NeedOption)
                    );
                    (Some(0), "")
                }
                Tier::Custom => {
                    assert_eq!(
                        complete(&mut run, &v, step.id, None, None, " ", t(minute)),
                        Err(RunError::NeedNote)
                    );
                    (None, "为寿星送了长寿面")
                }
                Tier::Basic => (None, ""),
            };
            if !step.value_adding {
                assert_eq!(
                    skip(&mut run, &v, step.id, "", t(minute)),
                    Err(RunError::NeedReason)
                );
                skip(&mut run, &v, step.id, "系统已直连厨房", t(minute)).unwrap();
            } else {
                complete(&mut run, &v, step.id, None, option, note, t(minute)).unwrap();
            }
        }
        assert_eq!(run.steps.len(), steps(&v).count());
        // Each step started when the one before it ended: one minute each.
        let done: Vec<_> = run.steps.iter().filter(|r| r.done_at.is_some()).collect();
        assert!(done
            .iter()
            .all(|r| r.done_at.unwrap() - r.started_at.unwrap() == Duration::minutes(1)));
        finish(&mut run, t(minute + 1)).unwrap();
        assert_eq!(finish(&mut run, t(99)), Err(RunError::Finished));
        assert_eq!(
            complete(
                &mut run,
                &v,
                steps(&v).next().unwrap().id,
                None,
                None,
                "",
                t(99)
            ),
            Err(RunError::Finished)
        );

        // Every step took 1 minute, within every limit: all done steps comply; the skipped one does not.
        let data = Data {
            process_versions: vec![v.clone()],
            runs: vec![run],
            ..Data::default()
        };
        let a = analyse(&data, v.process_id, t(0), t(1000));
        let total = steps(&v).count();
        let skipped = steps(&v).filter(|s| !s.value_adding).count();
        assert_eq!(
            a.compliance,
            Share {
                num: total - skipped,
                den: total
            }
        );
    }

    #[test]
    fn only_published_versions_run() {
        let mut v = version();
        v.status = VersionStatus::Draft;
        assert_eq!(
            start(&v, Id::from_u128(1), None, "", t(0)),
            Err(RunError::NotPublished)
        );
    }

    #[test]
    fn the_summary_counts_done_skipped_late_and_not_reached() {
        let v = version();
        let all: Vec<Step> = steps(&v).cloned().collect();
        let mut run = start(&v, Id::from_u128(500), None, "", t(0)).unwrap();
        // Step 1 in one minute; step 2 one minute over its limit; step 3 skipped; then
        // finished early.
        let limit2 = i64::from(all[1].time_limit_s);
        complete(&mut run, &v, all[0].id, None, Some(0), "好", t(1)).unwrap();
        let at = t(1) + Duration::seconds(limit2 + 60);
        complete(&mut run, &v, all[1].id, None, Some(0), "好", at).unwrap();
        skip(&mut run, &v, all[2].id, " 顾客赶时间 ", at).unwrap();
        finish(&mut run, at).unwrap();
        assert_eq!(
            summary(&v, &run),
            RunSummary {
                done: 2,
                skipped: vec![(all[2].id, "顾客赶时间".into())],
                late: vec![(all[1].id, 60)],
                not_reached: all.len() - 3,
            }
        );
    }
}
