//! The static shape templates are written in: compact, checked at compile time, and turned
//! into records only when a business picks the template.

use crate::domain::bilingual::Bi;
use crate::domain::model::{Id, StageKind, Step, Tier};
use crate::i18n::Lang;

#[derive(Clone, Copy, Debug)]
pub(crate) enum TierSpec {
    Basic,
    Standard(&'static [Bi]),
    Custom,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct StepSpec {
    pub name: Bi,
    pub role: Bi,
    pub standard: Bi,
    pub limit_s: u32,
    pub tier: TierSpec,
    pub inputs: &'static [Bi],
    pub outputs: &'static [Bi],
    pub value_adding: bool,
}

pub(crate) struct TemplateSpec {
    pub name: Bi,
    pub category: &'static str,
    pub stages: [(StageKind, &'static [StepSpec]); 3],
}

/// A basic-tier, value-adding step; the methods below change that.
pub(crate) const fn step(role: Bi, name: Bi, standard: Bi, limit_s: u32) -> StepSpec {
    StepSpec {
        name,
        role,
        standard,
        limit_s,
        tier: TierSpec::Basic,
        inputs: &[],
        outputs: &[],
        value_adding: true,
    }
}

impl StepSpec {
    pub(crate) const fn options(self, options: &'static [Bi]) -> Self {
        StepSpec {
            tier: TierSpec::Standard(options),
            ..self
        }
    }

    pub(crate) const fn custom(self) -> Self {
        StepSpec {
            tier: TierSpec::Custom,
            ..self
        }
    }

    pub(crate) const fn io(self, inputs: &'static [Bi], outputs: &'static [Bi]) -> Self {
        StepSpec {
            inputs,
            outputs,
            ..self
        }
    }

    /// A step the sources would eliminate or merge (重复录入, 多余签字…), kept so the
    /// process shows the waste it really has.
    pub(crate) const fn non_value_adding(self) -> Self {
        StepSpec {
            value_adding: false,
            ..self
        }
    }

    /// Inputs and outputs are one plain text each, so they are written in `lang`.
    pub(crate) fn to_step(self, id: Id, role_id: Id, lang: Lang) -> Step {
        let (tier, options) = match self.tier {
            TierSpec::Basic => (Tier::Basic, Vec::new()),
            TierSpec::Standard(options) => {
                (Tier::Standard, options.iter().map(|o| o.local()).collect())
            }
            TierSpec::Custom => (Tier::Custom, Vec::new()),
        };
        Step {
            id,
            name: self.name.local(),
            role_id: Some(role_id),
            standard: self.standard.local(),
            time_limit_s: self.limit_s,
            tier,
            options,
            inputs: self.inputs.iter().map(|i| i.written_in(lang)).collect(),
            outputs: self.outputs.iter().map(|o| o.written_in(lang)).collect(),
            value_adding: self.value_adding,
        }
    }
}
