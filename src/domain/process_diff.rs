//! What changed between two versions of a process: steps added, removed, and changed field
//! by field. Steps are matched by id, which a new draft keeps from the version it copies.

use super::model::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepField {
    Name,
    Role,
    Standard,
    TimeLimit,
    Tier,
    Options,
    Inputs,
    Outputs,
    ValueAdding,
    Stage,
    /// Its order among the steps both versions have.
    Position,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StepChange {
    /// The step as it is in the newer version.
    pub step: Step,
    pub fields: Vec<StepField>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct VersionDiff {
    pub added: Vec<Step>,
    pub removed: Vec<Step>,
    pub changed: Vec<StepChange>,
}

impl VersionDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

fn located(v: &ProcessVersion) -> Vec<(StageKind, &Step)> {
    v.stages
        .iter()
        .flat_map(|s| s.steps.iter().map(move |st| (s.kind, st)))
        .collect()
}

pub fn diff(old: &ProcessVersion, new: &ProcessVersion) -> VersionDiff {
    let (before, after) = (located(old), located(new));
    let find = |list: &[(StageKind, &Step)], id: Id| list.iter().position(|(_, s)| s.id == id);
    let common_order = |list: &[(StageKind, &Step)], other: &[(StageKind, &Step)]| -> Vec<Id> {
        list.iter()
            .map(|(_, s)| s.id)
            .filter(|id| find(other, *id).is_some())
            .collect()
    };
    let (order_old, order_new) = (common_order(&before, &after), common_order(&after, &before));
    let mut d = VersionDiff {
        added: after
            .iter()
            .filter(|(_, s)| find(&before, s.id).is_none())
            .map(|(_, s)| (*s).clone())
            .collect(),
        removed: before
            .iter()
            .filter(|(_, s)| find(&after, s.id).is_none())
            .map(|(_, s)| (*s).clone())
            .collect(),
        changed: Vec::new(),
    };
    for (stage, s) in &after {
        let Some(i) = find(&before, s.id) else {
            continue;
        };
        let (old_stage, o) = before[i];
        let checks = [
            (StepField::Name, o.name != s.name),
            (StepField::Role, o.role_id != s.role_id),
            (StepField::Standard, o.standard != s.standard),
            (StepField::TimeLimit, o.time_limit_s != s.time_limit_s),
            (StepField::Tier, o.tier != s.tier),
            (StepField::Options, o.options != s.options),
            (StepField::Inputs, o.inputs != s.inputs),
            (StepField::Outputs, o.outputs != s.outputs),
            (StepField::ValueAdding, o.value_adding != s.value_adding),
            (StepField::Stage, old_stage != *stage),
            (
                StepField::Position,
                order_old.iter().position(|x| *x == s.id)
                    != order_new.iter().position(|x| *x == s.id),
            ),
        ];
        let fields: Vec<StepField> = checks
            .into_iter()
            .filter(|(_, changed)| *changed)
            .map(|(f, _)| f)
            .collect();
        if !fields.is_empty() {
            d.changed.push(StepChange {
                step: (*s).clone(),
                fields,
            });
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::process_edit::{
        add_step, move_step, new_draft, remove_step, step_mut, steps,
    };
    use crate::domain::templates::{instantiate, TemplateId};
    use crate::i18n::Lang;

    fn now() -> Time {
        chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap()
    }

    fn v1() -> ProcessVersion {
        let mut n = 0u128;
        instantiate(
            TemplateId::HotelCheckIn,
            &mut || {
                n += 1;
                Id::from_u128(n)
            },
            now(),
            &[],
            Lang::Zh,
        )
        .version
    }

    #[test]
    fn identical_versions_have_no_diff() {
        let v = v1();
        assert!(diff(&v, &new_draft(&v, Id::from_u128(9_000), now())).is_empty());
    }

    #[test]
    fn added_removed_and_changed_field_by_field() {
        let old = v1();
        let mut new = new_draft(&old, Id::from_u128(9_000), now());
        let ids: Vec<Id> = steps(&old).map(|s| s.id).collect();
        let removed = remove_step(&mut new, ids[0]).unwrap();
        add_step(
            &mut new,
            StageKind::Post,
            Id::from_u128(9_001),
            LocalText::new("回访", "Call back"),
            None,
        );
        let s = step_mut(&mut new, ids[1]).unwrap();
        s.time_limit_s += 30;
        s.value_adding = !s.value_adding;
        let d = diff(&old, &new);
        assert_eq!(
            d.removed.iter().map(|s| s.id).collect::<Vec<_>>(),
            vec![removed.id]
        );
        assert_eq!(
            d.added.iter().map(|s| s.id).collect::<Vec<_>>(),
            vec![Id::from_u128(9_001)]
        );
        assert_eq!(
            d.changed.len(),
            1,
            "removing the first step does not move the others among common steps"
        );
        assert_eq!(d.changed[0].step.id, ids[1]);
        assert_eq!(
            d.changed[0].fields,
            vec![StepField::TimeLimit, StepField::ValueAdding]
        );
    }

    #[test]
    fn moves_show_as_position_and_stage() {
        let old = v1();
        let mut new = new_draft(&old, Id::from_u128(9_000), now());
        let first_in = new.stages[1].steps[0].id;
        let second_in = new.stages[1].steps[1].id;
        move_step(&mut new, second_in, -1).unwrap(); // swap the first two in-service steps
        let d = diff(&old, &new);
        let fields = |id| {
            d.changed
                .iter()
                .find(|c| c.step.id == id)
                .map(|c| c.fields.clone())
        };
        assert_eq!(fields(second_in), Some(vec![StepField::Position]));
        assert_eq!(fields(first_in), Some(vec![StepField::Position]));

        let mut crossed = new_draft(&old, Id::from_u128(9_002), now());
        move_step(&mut crossed, first_in, -1).unwrap(); // to the end of pre-service: same order overall
        let d = diff(&old, &crossed);
        assert_eq!(d.changed.len(), 1);
        assert_eq!(d.changed[0].fields, vec![StepField::Stage]);
        assert_eq!(steps(&crossed).count(), steps(&old).count());
    }
}
