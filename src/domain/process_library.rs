//! The process library: finding a process's versions, searching, duplicating, archiving.

use super::data::Data;
use super::model::*;
use crate::domain::sort;

/// All versions of a process, oldest first.
pub fn versions(d: &Data, process_id: Id) -> Vec<&ProcessVersion> {
    let mut v: Vec<_> = d
        .process_versions
        .iter()
        .filter(|v| v.process_id == process_id)
        .collect();
    sort::by_key(&mut v, |v| v.number);
    v
}

/// The newest version, draft or not: what the editor shows.
pub fn latest(d: &Data, process_id: Id) -> Option<&ProcessVersion> {
    versions(d, process_id).into_iter().last()
}

/// The newest published version: what runs use.
pub fn current_published(d: &Data, process_id: Id) -> Option<&ProcessVersion> {
    versions(d, process_id)
        .into_iter()
        .rev()
        .find(|v| v.status == VersionStatus::Published)
}

/// Processes whose name (either language) or category contains `query`, case-insensitive;
/// archived ones only when asked. Sorted by Chinese name, then English.
pub fn search<'a>(d: &'a Data, query: &str, include_archived: bool) -> Vec<&'a ServiceProcess> {
    let q = query.trim().to_lowercase();
    let mut found: Vec<_> = d
        .processes
        .iter()
        .filter(|p| include_archived || !p.archived)
        .filter(|p| {
            q.is_empty()
                || [&p.name.zh, &p.name.en, &p.category]
                    .iter()
                    .any(|t| t.to_lowercase().contains(&q))
        })
        .collect();
    sort::by(&mut found, |a, b| {
        (&a.name.zh, &a.name.en).cmp(&(&b.name.zh, &b.name.en))
    });
    found
}

/// A copy of a process as a new process with one draft version copied from `from`. Steps
/// get new ids: the copy's history is its own. `suffix` is the translated "(copy)" pair.
pub fn duplicate(
    process: &ServiceProcess,
    from: &ProcessVersion,
    suffix: &LocalText,
    ids: &mut impl FnMut() -> Id,
    now: Time,
) -> (ServiceProcess, ProcessVersion) {
    let copy = ServiceProcess {
        id: ids(),
        created_at: now,
        updated_at: now,
        name: LocalText {
            zh: format!("{}{}", process.name.zh, suffix.zh),
            en: format!("{}{}", process.name.en, suffix.en),
        },
        category: process.category.clone(),
        archived: false,
    };
    let mut stages = from.stages.clone();
    for step in stages.iter_mut().flat_map(|s| s.steps.iter_mut()) {
        step.id = ids();
    }
    let version = ProcessVersion {
        id: ids(),
        created_at: now,
        updated_at: now,
        process_id: copy.id,
        number: 1,
        status: VersionStatus::Draft,
        change_note: String::new(),
        published_at: None,
        stages,
    };
    (copy, version)
}

/// A new, empty process: a draft with the three stages and no steps.
pub fn blank(
    name: LocalText,
    ids: &mut impl FnMut() -> Id,
    now: Time,
) -> (ServiceProcess, ProcessVersion) {
    let process = ServiceProcess {
        id: ids(),
        created_at: now,
        updated_at: now,
        name,
        category: String::new(),
        archived: false,
    };
    let stages = [StageKind::Pre, StageKind::In, StageKind::Post]
        .into_iter()
        .map(|kind| Stage {
            kind,
            steps: Vec::new(),
        })
        .collect();
    let version = ProcessVersion {
        id: ids(),
        created_at: now,
        updated_at: now,
        process_id: process.id,
        number: 1,
        status: VersionStatus::Draft,
        change_note: String::new(),
        published_at: None,
        stages,
    };
    (process, version)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::templates::{instantiate, TemplateId};
    use crate::i18n::Lang;

    fn now() -> Time {
        chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap()
    }

    fn counter_from(mut n: u128) -> impl FnMut() -> Id {
        move || {
            n += 1;
            Id::from_u128(n)
        }
    }

    fn counter() -> impl FnMut() -> Id {
        counter_from(0)
    }

    fn library() -> Data {
        let mut ids = counter();
        let mut d = Data::default();
        for t in [
            TemplateId::RestaurantTable,
            TemplateId::HotelCheckIn,
            TemplateId::ClinicVisit,
        ] {
            let i = instantiate(t, &mut ids, now(), &d.roles, Lang::Zh);
            d.roles.extend(i.new_roles);
            d.processes.push(i.process);
            d.process_versions.push(i.version);
        }
        d.processes[2].archived = true;
        d
    }

    #[test]
    fn search_by_either_language_or_category_and_hides_archived() {
        let d = library();
        assert_eq!(search(&d, "", false).len(), 2);
        assert_eq!(search(&d, "", true).len(), 3);
        assert_eq!(search(&d, "HOTEL", false).len(), 1);
        assert_eq!(search(&d, "酒店", false).len(), 1);
        assert_eq!(search(&d, "restaurant", false).len(), 1, "by category too");
        assert!(
            search(&d, "门诊", false).is_empty(),
            "the clinic is archived"
        );
        assert_eq!(search(&d, "门诊", true).len(), 1);
    }

    #[test]
    fn duplicate_is_a_new_draft_with_new_step_ids() {
        let d = library();
        let (p, v) = (&d.processes[0], &d.process_versions[0]);
        let (copy, draft) = duplicate(
            p,
            v,
            &LocalText::new("(副本)", " (copy)"),
            &mut counter_from(10_000),
            now(),
        );
        assert_ne!(copy.id, p.id);
        assert_eq!(copy.name.zh, format!("{}(副本)", p.name.zh));
        assert_eq!(draft.status, VersionStatus::Draft);
        assert_eq!(draft.process_id, copy.id);
        let old: Vec<Id> = v
            .stages
            .iter()
            .flat_map(|s| s.steps.iter().map(|s| s.id))
            .collect();
        let new: Vec<Id> = draft
            .stages
            .iter()
            .flat_map(|s| s.steps.iter().map(|s| s.id))
            .collect();
        assert_eq!(old.len(), new.len());
        assert!(old.iter().all(|id| !new.contains(id)));
    }

    #[test]
    fn versions_latest_and_published() {
        let mut d = library();
        let pid = d.processes[0].id;
        let mut draft = d.process_versions[0].clone();
        draft.id = Id::from_u128(99_999);
        draft.number = 2;
        draft.status = VersionStatus::Draft;
        d.process_versions.push(draft);
        assert_eq!(versions(&d, pid).len(), 2);
        assert_eq!(latest(&d, pid).unwrap().number, 2);
        assert_eq!(current_published(&d, pid).unwrap().number, 1);
    }

    #[test]
    fn blank_has_three_empty_stages() {
        let (p, v) = blank(LocalText::new("新流程", "New"), &mut counter(), now());
        assert_eq!(v.process_id, p.id);
        assert_eq!(
            v.stages.iter().map(|s| s.kind).collect::<Vec<_>>(),
            [StageKind::Pre, StageKind::In, StageKind::Post]
        );
        assert!(v.stages.iter().all(|s| s.steps.is_empty()));
    }
}
