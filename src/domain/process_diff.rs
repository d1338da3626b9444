//! What changed between two versions of a process: steps added, removed, and changed field
//! by field with the old and the new value. Steps are matched by id, which a new draft
//! keeps from the version it copies.

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

impl StepField {
    const ALL: [StepField; 11] = [
        StepField::Name,
        StepField::Role,
        StepField::Standard,
        StepField::TimeLimit,
        StepField::Tier,
        StepField::Options,
        StepField::Inputs,
        StepField::Outputs,
        StepField::ValueAdding,
        StepField::Stage,
        StepField::Position,
    ];
}

/// One field's value, for showing what it was and what it became.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    Text(LocalText),
    Role(Option<Id>),
    Seconds(u32),
    Tier(Tier),
    Options(Vec<LocalText>),
    Lines(Vec<String>),
    Flag(bool),
    Stage(StageKind),
    /// 1-based place among the steps both versions have.
    Position(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub struct FieldChange {
    pub field: StepField,
    pub old: FieldValue,
    pub new: FieldValue,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StepChange {
    /// The step as it is in the newer version.
    pub step: Step,
    pub fields: Vec<FieldChange>,
}

/// A step where it stands: its stage and its place among the common steps.
struct Placed<'a> {
    step: &'a Step,
    stage: StageKind,
    position: usize,
}

fn value(field: StepField, p: &Placed) -> FieldValue {
    let s = p.step;
    match field {
        StepField::Name => FieldValue::Text(s.name.clone()),
        StepField::Role => FieldValue::Role(s.role_id),
        StepField::Standard => FieldValue::Text(s.standard.clone()),
        StepField::TimeLimit => FieldValue::Seconds(s.time_limit_s),
        StepField::Tier => FieldValue::Tier(s.tier),
        StepField::Options => FieldValue::Options(s.options.clone()),
        StepField::Inputs => FieldValue::Lines(s.inputs.clone()),
        StepField::Outputs => FieldValue::Lines(s.outputs.clone()),
        StepField::ValueAdding => FieldValue::Flag(s.value_adding),
        StepField::Stage => FieldValue::Stage(p.stage),
        StepField::Position => FieldValue::Position(p.position),
    }
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
        let place = |order: &[Id]| order.iter().position(|x| *x == s.id).unwrap_or(0) + 1;
        let was = Placed {
            step: o,
            stage: old_stage,
            position: place(&order_old),
        };
        let is = Placed {
            step: s,
            stage: *stage,
            position: place(&order_new),
        };
        let fields: Vec<FieldChange> = StepField::ALL
            .into_iter()
            .map(|field| FieldChange {
                field,
                old: value(field, &was),
                new: value(field, &is),
            })
            .filter(|c| c.old != c.new)
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
        let was = steps(&old).find(|s| s.id == ids[1]).unwrap();
        assert_eq!(
            d.changed[0].fields,
            vec![
                FieldChange {
                    field: StepField::TimeLimit,
                    old: FieldValue::Seconds(was.time_limit_s),
                    new: FieldValue::Seconds(was.time_limit_s + 30),
                },
                FieldChange {
                    field: StepField::ValueAdding,
                    old: FieldValue::Flag(was.value_adding),
                    new: FieldValue::Flag(!was.value_adding),
                },
            ]
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
        // Pre-service has two steps, so the first two in-service steps were 3rd and 4th.
        let moved = |old, new| {
            Some(vec![FieldChange {
                field: StepField::Position,
                old: FieldValue::Position(old),
                new: FieldValue::Position(new),
            }])
        };
        assert_eq!(new.stages[0].steps.len(), 2);
        assert_eq!(fields(second_in), moved(4, 3));
        assert_eq!(fields(first_in), moved(3, 4));

        let mut crossed = new_draft(&old, Id::from_u128(9_002), now());
        move_step(&mut crossed, first_in, -1).unwrap(); // to the end of pre-service: same order overall
        let d = diff(&old, &crossed);
        assert_eq!(d.changed.len(), 1);
        assert_eq!(
            d.changed[0].fields,
            vec![FieldChange {
                field: StepField::Stage,
                old: FieldValue::Stage(StageKind::In),
                new: FieldValue::Stage(StageKind::Pre),
            }]
        );
        assert_eq!(steps(&crossed).count(), steps(&old).count());
    }
}
