use super::*;
use crate::domain::model::{StageKind, Tier};
use chrono::{TimeZone, Utc};
use uuid::Uuid;

fn counter() -> impl FnMut() -> Id {
    let mut n = 0u64;
    move || {
        n += 1;
        Uuid::from_u64_pair(0, n)
    }
}

fn now() -> Time {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap()
}

fn all_steps(v: &ProcessVersion) -> impl Iterator<Item = &Step> {
    v.stages.iter().flat_map(|s| &s.steps)
}

#[test]
fn every_template_has_the_three_stages_in_order_and_none_empty() {
    for t in TemplateId::ALL {
        let made = instantiate(t, &mut counter(), now(), &[], Lang::Zh);
        let kinds: Vec<StageKind> = made.version.stages.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [StageKind::Pre, StageKind::In, StageKind::Post],
            "{t:?}"
        );
        assert!(
            made.version.stages.iter().all(|s| !s.steps.is_empty()),
            "{t:?}"
        );
        assert_eq!(made.version.status, VersionStatus::Published);
        assert_eq!(made.version.number, 1);
        assert_eq!(made.version.published_at, Some(now()));
        assert_eq!(made.version.process_id, made.process.id);
    }
}

#[test]
fn every_step_is_complete_and_bilingual() {
    for t in TemplateId::ALL {
        let made = instantiate(t, &mut counter(), now(), &[], Lang::Zh);
        for s in all_steps(&made.version) {
            let role = s.role_id.expect("a step without a role");
            assert!(made.new_roles.iter().any(|r| r.id == role), "{t:?}");
            assert!(s.time_limit_s > 0, "{t:?} {:?}", s.name);
            for text in [&s.name, &s.standard] {
                assert!(!text.zh.is_empty() && !text.en.is_empty(), "{t:?} {text:?}");
            }
            match s.tier {
                Tier::Standard => assert!(s.options.len() >= 2, "{t:?} {:?}", s.name),
                Tier::Basic | Tier::Custom => assert!(s.options.is_empty()),
            }
            for o in &s.options {
                assert!(!o.zh.is_empty() && !o.en.is_empty());
            }
        }
        assert!(!made.process.name.zh.is_empty() && !made.process.name.en.is_empty());
    }
}

#[test]
fn every_template_uses_all_three_tiers_and_some_mark_waste() {
    let mut with_waste = 0;
    for t in TemplateId::ALL {
        let made = instantiate(t, &mut counter(), now(), &[], Lang::Zh);
        for tier in [Tier::Basic, Tier::Standard, Tier::Custom] {
            assert!(
                all_steps(&made.version).any(|s| s.tier == tier),
                "{t:?} {tier:?}"
            );
        }
        if all_steps(&made.version).any(|s| !s.value_adding) {
            with_waste += 1;
        }
    }
    // Every template but complaint handling keeps one step the sources would remove.
    assert_eq!(with_waste, TemplateId::ALL.len() - 1);
}

#[test]
fn restaurant_follows_greet_order_serve_settle_see_off() {
    let made = instantiate(
        TemplateId::RestaurantTable,
        &mut counter(),
        now(),
        &[],
        Lang::Zh,
    );
    let names: Vec<&str> = all_steps(&made.version)
        .map(|s| s.name.zh.as_str())
        .collect();
    let order = ["迎宾", "点餐", "上菜", "结账", "送客"];
    let at: Vec<usize> = order
        .iter()
        .map(|n| names.iter().position(|x| x == n).expect(n))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{names:?}");
}

#[test]
fn ids_are_unique_and_come_from_the_caller() {
    let made = instantiate(
        TemplateId::CarMaintenance,
        &mut counter(),
        now(),
        &[],
        Lang::Zh,
    );
    let mut ids: Vec<Id> = vec![made.process.id, made.version.id];
    ids.extend(made.new_roles.iter().map(|r| r.id));
    ids.extend(all_steps(&made.version).map(|s| s.id));
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n);
    // The counter started at 1 and nothing else drew from it.
    assert!(ids.iter().all(|id| id.as_u64_pair().1 <= n as u64));
}

#[test]
fn roles_are_made_once_per_template() {
    let made = instantiate(
        TemplateId::RestaurantTable,
        &mut counter(),
        now(),
        &[],
        Lang::Zh,
    );
    // Front desk, waiter, food runner, cashier: four roles for twelve steps (sorted by
    // code point: 传 U+4F20, 前 U+524D, 收 U+6536, 服 U+670D).
    let mut names: Vec<&str> = made.new_roles.iter().map(|r| r.name.zh.as_str()).collect();
    names.sort();
    assert_eq!(names, ["传菜员", "前台", "收银", "服务员"]);
}

#[test]
fn an_existing_role_is_reused_by_either_name() {
    let mut ids = counter();
    let restaurant = instantiate(TemplateId::RestaurantTable, &mut ids, now(), &[], Lang::Zh);
    // The hotel needs 前台 like the restaurant: it must point to the same record.
    let hotel = instantiate(
        TemplateId::HotelCheckIn,
        &mut ids,
        now(),
        &restaurant.new_roles,
        Lang::Zh,
    );
    let front_desk = restaurant
        .new_roles
        .iter()
        .find(|r| r.name.zh == "前台")
        .unwrap()
        .id;
    assert!(hotel.new_roles.iter().all(|r| r.name.zh != "前台"));
    let greet = all_steps(&hotel.version).next().unwrap();
    assert_eq!(greet.role_id, Some(front_desk));

    // A role the business typed only in English, in its own case, still matches.
    let cashier = Role {
        id: Uuid::from_u64_pair(9, 9),
        created_at: now(),
        updated_at: now(),
        name: LocalText::new("", " CASHIER "),
    };
    let clinic = instantiate(
        TemplateId::ClinicVisit,
        &mut counter(),
        now(),
        &[cashier],
        Lang::Zh,
    );
    assert!(clinic.new_roles.iter().all(|r| r.name.en != "Cashier"));
    assert!(all_steps(&clinic.version).any(|s| s.role_id == Some(Uuid::from_u64_pair(9, 9))));
}

#[test]
fn an_unnamed_role_matches_nothing() {
    let blank = Role {
        id: Uuid::from_u64_pair(9, 9),
        created_at: now(),
        updated_at: now(),
        name: LocalText::default(),
    };
    let made = instantiate(
        TemplateId::ComplaintHandling,
        &mut counter(),
        now(),
        &[blank],
        Lang::Zh,
    );
    // Front desk and manager are both new.
    assert_eq!(made.new_roles.len(), 2);
}

#[test]
fn plain_texts_are_written_in_the_chosen_language_never_as_pairs() {
    for lang in Lang::ALL {
        for t in TemplateId::ALL {
            let made = instantiate(t, &mut counter(), now(), &[], lang);
            let found = crate::domain::bilingual::pairs_in(&(
                &made.process,
                &made.version,
                &made.new_roles,
            ));
            assert_eq!(found, Vec::<String>::new(), "{t:?} {lang:?}");
        }
    }
    let en = instantiate(
        TemplateId::RestaurantTable,
        &mut counter(),
        now(),
        &[],
        Lang::En,
    );
    let zh = instantiate(
        TemplateId::RestaurantTable,
        &mut counter(),
        now(),
        &[],
        Lang::Zh,
    );
    let first_input = |v: &ProcessVersion| all_steps(v).find_map(|s| s.inputs.first().cloned());
    assert_eq!(
        first_input(&en.version).as_deref(),
        Some("Table-setting standard")
    );
    assert_eq!(first_input(&zh.version).as_deref(), Some("摆台标准"));
}
