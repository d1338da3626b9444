//! 员工能力 Staff: the team, one person's evaluations and radar, the capability model the
//! business scores on, and the trainings with their effect.

mod capabilities;
mod evaluate;
mod person;
pub(super) mod radar;
mod team;
mod trainings;

use super::ctx;
use crate::domain::model::{Capability, Id, Staff};
use crate::i18n::{pick, Key, Lang};
use crate::route::{Route, Section};
use chrono::NaiveDate;
use leptos::prelude::*;

pub use team::StaffPage;

/// The views of the section: the team, then two pages named in the route's id place.
#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    Team,
    Capabilities,
    Trainings,
}

impl View {
    fn href(self) -> String {
        match self {
            View::Team => Route::Section(Section::Staff),
            View::Capabilities => Route::Detail(Section::Staff, "capabilities".into(), None),
            View::Trainings => Route::Detail(Section::Staff, "trainings".into(), None),
        }
        .href()
    }
}

/// `#/staff/capabilities`, `#/staff/trainings`, or one person's page `#/staff/<id>`.
#[component]
pub fn StaffDetail(id: String) -> impl IntoView {
    match id.as_str() {
        "capabilities" => view! { <capabilities::CapabilitiesPage/> }.into_any(),
        "trainings" => view! { <trainings::TrainingsPage/> }.into_any(),
        other => match other.parse::<Id>() {
            Ok(staff_id) => view! { <person::PersonPage staff_id/> }.into_any(),
            Err(_) => {
                view! { <p class="alert alert-warn">{ctx().t(Key::StaffNotFound)}</p> }.into_any()
            }
        },
    }
}

#[component]
fn StaffTabs(current: View) -> impl IntoView {
    let c = ctx();
    let tab = move |v: View, key: Key, slug: &'static str| {
        view! {
            <a class="tab" data-tab=slug href=v.href() aria-current=(v == current).then_some("page")>{c.t(key)}</a>
        }
    };
    view! {
        <nav class="tabs" aria-label=c.t(Key::NavStaff)>
            {tab(View::Team, Key::StaffTabTeam, "team")}
            {tab(View::Capabilities, Key::StaffTabCapabilities, "capabilities")}
            {tab(View::Trainings, Key::StaffTabTrainings, "trainings")}
        </nav>
    }
}

/// A period as `2026-11`: `<input type="month">`'s value, and how the pages name it.
fn month_value(period: NaiveDate) -> String {
    period.format("%Y-%m").to_string()
}

fn parse_month(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&format!("{value}-01"), "%Y-%m-%d").ok()
}

/// The period a team or person page opens on: the latest with a manager's evaluation (of
/// `staff_id`, if given), chosen once the records are loaded, so a new, still empty month
/// does not hide last month's scores. Later saves do not move it.
fn opening_period(staff_id: Option<Id>) -> RwSignal<NaiveDate> {
    let app = super::app_data::app_data();
    let current = crate::domain::capability::month_of(super::browser::today());
    let period = RwSignal::new(current);
    Effect::new(move |chosen: Option<bool>| {
        if chosen == Some(true) {
            return true;
        }
        let ready = app
            .state
            .with(|s| matches!(s, super::app_data::LoadState::Ready));
        if ready {
            let p = app.data.with_untracked(|d| {
                crate::domain::capability::latest_period(&d.evaluations, staff_id, current)
            });
            period.set(p);
        }
        ready
    });
    period
}

/// A labelled month picker bound to `period`.
#[component]
fn PeriodPicker(period: RwSignal<NaiveDate>, id: &'static str) -> impl IntoView {
    let c = ctx();
    view! {
        <label for=id>{c.t(Key::StaffPeriod)}</label>
        <input type="month" id=id prop:value=move || month_value(period.get())
            on:change=move |ev| {
                if let Some(p) = parse_month(&event_target_value(&ev)) {
                    period.set(p);
                }
            }/>
    }
}

/// The roles as (id, name) for a `<select>`.
fn role_choices(d: &crate::domain::Data, lang: Lang) -> Vec<(String, String)> {
    d.roles
        .iter()
        .map(|r| (r.id.to_string(), pick(&r.name, lang).to_string()))
        .collect()
}

fn capability_name(c: &Capability, lang: Lang) -> String {
    pick(&c.name, lang).to_string()
}

fn staff_name(staff: &[Staff], id: Id) -> String {
    staff
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.name.clone())
        .unwrap_or_else(|| id.to_string())
}

/// Scores shown to one decimal, "–" where there is none.
fn score_text(value: Option<f64>, lang: Lang) -> String {
    value
        .map(|v| crate::i18n::format_number(v, 1, lang))
        .unwrap_or_else(|| "–".into())
}
