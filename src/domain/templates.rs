//! Ready-made service processes drawn from the source articles: each becomes a process and
//! its first published version, with the roles it needs (reusing the workspace's own).

mod car_service;
mod clinic;
mod complaint;
mod hotel;
pub(crate) mod restaurant;
pub mod roles;
pub(crate) mod spec;
mod telecom;

use super::bilingual::Bi;
use super::model::*;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TemplateId {
    /// 餐厅桌边服务: 迎宾 → 点餐 → 上菜 → 结账 → 送客.
    RestaurantTable,
    /// 酒店入住接待, with the three-tier front-desk standard of the sources.
    HotelCheckIn,
    /// 电信营业厅柜台业务办理.
    TelecomCounter,
    /// 汽车4S店维修保养接待, with the 3-day call-back.
    CarMaintenance,
    /// 门诊就诊.
    ClinicVisit,
    /// 投诉处理与服务补救: fits any business.
    ComplaintHandling,
}

impl TemplateId {
    pub const ALL: [TemplateId; 6] = [
        TemplateId::RestaurantTable,
        TemplateId::HotelCheckIn,
        TemplateId::TelecomCounter,
        TemplateId::CarMaintenance,
        TemplateId::ClinicVisit,
        TemplateId::ComplaintHandling,
    ];

    pub(crate) fn spec(self) -> &'static spec::TemplateSpec {
        match self {
            TemplateId::RestaurantTable => &restaurant::TEMPLATE,
            TemplateId::HotelCheckIn => &hotel::TEMPLATE,
            TemplateId::TelecomCounter => &telecom::TEMPLATE,
            TemplateId::CarMaintenance => &car_service::TEMPLATE,
            TemplateId::ClinicVisit => &clinic::TEMPLATE,
            TemplateId::ComplaintHandling => &complaint::TEMPLATE,
        }
    }

    /// The process name the template gives (content, in both languages).
    pub fn name(self) -> LocalText {
        self.spec().name.local()
    }

    /// Industry code: "restaurant", "hotel", "telecom", "auto", "clinic" or "general".
    pub fn category(self) -> &'static str {
        self.spec().category
    }
}

/// A template turned into records. `new_roles` are the roles the workspace did not have yet;
/// the caller stores them with the process.
#[derive(Clone, Debug, PartialEq)]
pub struct Instantiated {
    pub process: ServiceProcess,
    pub version: ProcessVersion,
    pub new_roles: Vec<Role>,
}

const CHANGE_NOTE: Bi = Bi("由模板创建", "Created from a template");

/// Builds the process and its published version 1. Ids come from `ids`, in a fixed order,
/// so a seeded generator gives the same records every time. A step's role is an existing
/// role with the same Chinese name or English name (case-insensitive), else a new one.
/// Names and standards keep both languages; the plain-text fields (inputs, outputs, change
/// note) are written in `lang`, the language of the person creating the process.
pub fn instantiate(
    t: TemplateId,
    ids: &mut impl FnMut() -> Id,
    now: Time,
    existing_roles: &[Role],
    lang: Lang,
) -> Instantiated {
    let spec = t.spec();
    let process = ServiceProcess {
        id: ids(),
        created_at: now,
        updated_at: now,
        name: spec.name.local(),
        category: spec.category.into(),
        archived: false,
    };
    let version_id = ids();
    let mut new_roles = Vec::new();
    let mut stages = Vec::with_capacity(spec.stages.len());
    for (kind, specs) in &spec.stages {
        let mut steps = Vec::with_capacity(specs.len());
        for s in specs.iter() {
            let role_id = match find_role(existing_roles.iter().chain(&new_roles), s.role) {
                Some(id) => id,
                None => {
                    let role = Role {
                        id: ids(),
                        created_at: now,
                        updated_at: now,
                        name: s.role.local(),
                    };
                    new_roles.push(role);
                    new_roles[new_roles.len() - 1].id
                }
            };
            steps.push(s.to_step(ids(), role_id, lang));
        }
        stages.push(Stage { kind: *kind, steps });
    }
    let version = ProcessVersion {
        id: version_id,
        created_at: now,
        updated_at: now,
        process_id: process.id,
        number: 1,
        status: VersionStatus::Published,
        change_note: CHANGE_NOTE.written_in(lang),
        published_at: Some(now),
        stages,
    };
    Instantiated {
        process,
        version,
        new_roles,
    }
}

/// The role a business would call by this name, in either language.
pub(crate) fn find_role<'a>(roles: impl IntoIterator<Item = &'a Role>, name: Bi) -> Option<Id> {
    roles
        .into_iter()
        .find(|r| {
            let (zh, en) = (r.name.zh.trim(), r.name.en.trim());
            (!zh.is_empty() && zh == name.0) || (!en.is_empty() && en.eq_ignore_ascii_case(name.1))
        })
        .map(|r| r.id)
}

#[cfg(test)]
mod tests;
