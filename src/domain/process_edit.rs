//! Editing a process: only drafts change; publishing freezes a version with a change note;
//! a new draft starts from the latest version, keeping step ids so versions can be diffed.

use super::model::*;
use crate::domain::sort;

/// Why a draft cannot be published, per step (or for the whole version).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepIssue {
    pub step_id: Option<Id>,
    pub kind: IssueKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IssueKind {
    EmptyName,
    MissingRole,
    NonPositiveTimeLimit,
    /// A standard-tier step needs at least two options to choose from.
    TooFewOptions,
    NoSteps,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// Published and retired versions are immutable.
    NotADraft,
    NoteRequired,
    Invalid(Vec<StepIssue>),
    NoSuchStep,
}

pub fn steps(v: &ProcessVersion) -> impl Iterator<Item = &Step> {
    v.stages.iter().flat_map(|s| s.steps.iter())
}

pub fn validate(v: &ProcessVersion) -> Vec<StepIssue> {
    let mut issues = Vec::new();
    for s in steps(v) {
        let mut add = |kind| {
            issues.push(StepIssue {
                step_id: Some(s.id),
                kind,
            })
        };
        if s.name.zh.trim().is_empty() && s.name.en.trim().is_empty() {
            add(IssueKind::EmptyName);
        }
        if s.role_id.is_none() {
            add(IssueKind::MissingRole);
        }
        if s.time_limit_s == 0 {
            add(IssueKind::NonPositiveTimeLimit);
        }
        let named_options = s
            .options
            .iter()
            .filter(|o| !(o.zh.trim().is_empty() && o.en.trim().is_empty()))
            .count();
        if s.tier == Tier::Standard && named_options < 2 {
            add(IssueKind::TooFewOptions);
        }
    }
    if steps(v).next().is_none() {
        issues.push(StepIssue {
            step_id: None,
            kind: IssueKind::NoSteps,
        });
    }
    issues
}

/// The draft, frozen: status published, stamped, with its change note.
pub fn publish(draft: &ProcessVersion, note: &str, now: Time) -> Result<ProcessVersion, EditError> {
    if draft.status != VersionStatus::Draft {
        return Err(EditError::NotADraft);
    }
    if note.trim().is_empty() {
        return Err(EditError::NoteRequired);
    }
    let issues = validate(draft);
    if !issues.is_empty() {
        return Err(EditError::Invalid(issues));
    }
    Ok(ProcessVersion {
        status: VersionStatus::Published,
        change_note: note.trim().to_string(),
        published_at: Some(now),
        updated_at: now,
        ..draft.clone()
    })
}

/// A draft numbered after `from`, with its stages and step ids.
pub fn new_draft(from: &ProcessVersion, id: Id, now: Time) -> ProcessVersion {
    ProcessVersion {
        id,
        created_at: now,
        updated_at: now,
        number: from.number + 1,
        status: VersionStatus::Draft,
        change_note: String::new(),
        published_at: None,
        ..from.clone()
    }
}

/// Changes a draft through `edit`; anything else is refused untouched.
pub fn edit(
    v: &ProcessVersion,
    now: Time,
    edit: impl FnOnce(&mut ProcessVersion),
) -> Result<ProcessVersion, EditError> {
    if v.status != VersionStatus::Draft {
        return Err(EditError::NotADraft);
    }
    let mut next = v.clone();
    edit(&mut next);
    next.updated_at = super::edit::edited_at(v.updated_at, now);
    Ok(next)
}

fn position(v: &ProcessVersion, step_id: Id) -> Option<(usize, usize)> {
    v.stages.iter().enumerate().find_map(|(si, s)| {
        s.steps
            .iter()
            .position(|st| st.id == step_id)
            .map(|i| (si, i))
    })
}

/// Moves a step one place up (`-1`) or down (`1`); at a stage's edge it crosses into the
/// neighbouring stage, so a step can travel anywhere by repeated moves.
pub fn move_step(v: &mut ProcessVersion, step_id: Id, delta: i8) -> Result<(), EditError> {
    let (si, i) = position(v, step_id).ok_or(EditError::NoSuchStep)?;
    let len = v.stages[si].steps.len();
    match delta {
        -1 if i > 0 => v.stages[si].steps.swap(i, i - 1),
        -1 if si > 0 => {
            let step = v.stages[si].steps.remove(i);
            v.stages[si - 1].steps.push(step);
        }
        1 if i + 1 < len => v.stages[si].steps.swap(i, i + 1),
        1 if si + 1 < v.stages.len() => {
            let step = v.stages[si].steps.remove(i);
            v.stages[si + 1].steps.insert(0, step);
        }
        _ => {}
    }
    Ok(())
}

pub fn remove_step(v: &mut ProcessVersion, step_id: Id) -> Result<Step, EditError> {
    let (si, i) = position(v, step_id).ok_or(EditError::NoSuchStep)?;
    Ok(v.stages[si].steps.remove(i))
}

pub fn step_mut(v: &mut ProcessVersion, step_id: Id) -> Option<&mut Step> {
    v.stages
        .iter_mut()
        .flat_map(|s| s.steps.iter_mut())
        .find(|s| s.id == step_id)
}

/// A new basic step at the end of `stage`, with the given role (the last one used, say).
pub fn add_step(
    v: &mut ProcessVersion,
    stage: StageKind,
    id: Id,
    name: LocalText,
    role_id: Option<Id>,
) {
    let step = Step {
        id,
        name,
        role_id,
        standard: LocalText::default(),
        time_limit_s: 60,
        tier: Tier::Basic,
        options: Vec::new(),
        inputs: Vec::new(),
        outputs: Vec::new(),
        value_adding: true,
    };
    match v.stages.iter_mut().find(|s| s.kind == stage) {
        Some(s) => s.steps.push(step),
        None => {
            v.stages.push(Stage {
                kind: stage,
                steps: vec![step],
            });
            sort::by_key(&mut v.stages, |s| s.kind);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::templates::{instantiate, TemplateId};
    use crate::i18n::Lang;

    fn now() -> Time {
        chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap()
    }

    fn ids() -> impl FnMut() -> Id {
        let mut n = 0u128;
        move || {
            n += 1;
            Id::from_u128(n)
        }
    }

    fn published() -> ProcessVersion {
        instantiate(
            TemplateId::RestaurantTable,
            &mut ids(),
            now(),
            &[],
            Lang::Zh,
        )
        .version
    }

    fn order(v: &ProcessVersion) -> Vec<(StageKind, Id)> {
        v.stages
            .iter()
            .flat_map(|s| s.steps.iter().map(move |st| (s.kind, st.id)))
            .collect()
    }

    #[test]
    fn published_versions_are_immutable() {
        let v = published();
        assert_eq!(
            edit(&v, now(), |v| v.stages.clear()),
            Err(EditError::NotADraft)
        );
        assert_eq!(publish(&v, "again", now()), Err(EditError::NotADraft));
    }

    #[test]
    fn a_new_draft_keeps_step_ids_and_publishes_as_the_next_number() {
        let v = published();
        let draft = new_draft(&v, Id::from_u128(500), now());
        assert_eq!((draft.number, draft.status), (2, VersionStatus::Draft));
        assert_eq!(order(&draft), order(&v));
        assert_eq!(publish(&draft, "  ", now()), Err(EditError::NoteRequired));
        let later = now() + chrono::Duration::hours(1);
        let p = publish(&draft, " 加快上菜 ", later).unwrap();
        assert_eq!(
            (p.number, p.status, p.change_note.as_str(), p.published_at),
            (2, VersionStatus::Published, "加快上菜", Some(later))
        );
    }

    #[test]
    fn validation_names_each_problem() {
        let mut d = new_draft(&published(), Id::from_u128(500), now());
        let first = steps(&d).next().unwrap().id;
        let s = step_mut(&mut d, first).unwrap();
        s.name = LocalText::new(" ", "");
        s.role_id = None;
        s.time_limit_s = 0;
        s.tier = Tier::Standard;
        s.options = vec![LocalText::new("唯一", "only"), LocalText::default()];
        let kinds: Vec<IssueKind> = validate(&d).into_iter().map(|i| i.kind).collect();
        assert_eq!(
            kinds,
            [
                IssueKind::EmptyName,
                IssueKind::MissingRole,
                IssueKind::NonPositiveTimeLimit,
                IssueKind::TooFewOptions
            ]
        );
        assert!(matches!(publish(&d, "note", now()), Err(EditError::Invalid(i)) if i.len() == 4));
        d.stages.iter_mut().for_each(|s| s.steps.clear());
        assert_eq!(
            validate(&d),
            vec![StepIssue {
                step_id: None,
                kind: IssueKind::NoSteps
            }]
        );
    }

    #[test]
    fn moves_cross_stage_edges_and_stop_at_the_ends() {
        let mut d = new_draft(&published(), Id::from_u128(500), now());
        let before = order(&d);
        let first_in = d.stages[1].steps[0].id;
        move_step(&mut d, first_in, -1).unwrap();
        assert_eq!(
            d.stages[0].steps.last().unwrap().id,
            first_in,
            "moved up into pre-service"
        );
        move_step(&mut d, first_in, 1).unwrap();
        assert_eq!(order(&d), before, "and back");
        let very_first = before[0].1;
        move_step(&mut d, very_first, -1).unwrap();
        assert_eq!(order(&d), before, "nothing above the first step");
        assert_eq!(
            move_step(&mut d, Id::from_u128(999_999), 1),
            Err(EditError::NoSuchStep)
        );
    }

    #[test]
    fn add_and_remove() {
        let (_, mut v) =
            crate::domain::process_library::blank(LocalText::new("新", "New"), &mut ids(), now());
        add_step(
            &mut v,
            StageKind::Post,
            Id::from_u128(77),
            LocalText::new("回访", "Call back"),
            None,
        );
        assert_eq!(v.stages[2].steps.len(), 1);
        assert_eq!(
            remove_step(&mut v, Id::from_u128(77)).unwrap().name.en,
            "Call back"
        );
        assert!(steps(&v).next().is_none());
    }
}
