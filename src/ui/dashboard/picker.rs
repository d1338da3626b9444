//! The page's one period picker and its filters (process, survey, staff member, channel, and
//! location once a chain has set locations up).

use super::super::app_data::app_data;
use super::super::{browser, ctx, labels};
use crate::domain::dashboard::{channel_code, Query};
use crate::domain::locations;
use crate::domain::model::{Channel, Id};
use crate::domain::period::Period;
use crate::domain::period_choice::PeriodChoice;
use crate::i18n::{format_date, pick, Key};
use chrono::NaiveDate;
use leptos::prelude::*;

#[component]
pub fn Picker(query: RwSignal<Query>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let period = move || query.get().period.resolve(browser::today());
    let choose = move |code: String| {
        let today = browser::today();
        let choice = match code.as_str() {
            "custom" => PeriodChoice::Custom(query.get_untracked().period.resolve(today)),
            other => PeriodChoice::parse(other).unwrap_or(PeriodChoice::ThisMonth),
        };
        query.update(|q| q.period = choice);
    };
    let set_day = move |from_end: bool, value: String| {
        let Ok(day) = NaiveDate::parse_from_str(&value, "%Y-%m-%d") else {
            return;
        };
        let now = query.get_untracked().period.resolve(browser::today());
        let (from, to) = if from_end {
            (now.from, day)
        } else {
            (day, now.to)
        };
        // A range that ends before it starts is not taken; the inputs show what holds.
        if let Some(p) = Period::new(from, to) {
            query.update(|q| q.period = PeriodChoice::Custom(p));
        }
    };
    let is_custom = move || matches!(query.get().period, PeriodChoice::Custom(_));
    let selected = move || match query.get().period {
        PeriodChoice::Custom(_) => "custom".to_string(),
        other => other.code(),
    };
    let id_of = |v: String| v.parse::<Id>().ok();
    let options = move |items: Vec<(Id, String)>, current: Option<Id>| {
        items
            .into_iter()
            .map(|(id, name)| view! { <option value=id.to_string() selected=current == Some(id)>{name}</option> })
            .collect_view()
    };
    let processes = move || {
        let lang = c.lang.get();
        app.data.with(|d| {
            d.processes
                .iter()
                .filter(|p| !p.archived)
                .map(|p| (p.id, pick(&p.name, lang).to_string()))
                .collect::<Vec<_>>()
        })
    };
    let surveys = move || {
        let lang = c.lang.get();
        app.data.with(|d| {
            d.surveys
                .iter()
                .map(|s| (s.id, pick(&s.name, lang).to_string()))
                .collect::<Vec<_>>()
        })
    };
    let staff = move || {
        app.data.with(|d| {
            d.staff
                .iter()
                .map(|s| (s.id, s.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let locations = move || {
        app.data.with(|d| {
            locations::sorted(d)
                .into_iter()
                .map(|l| (l.id, l.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let has_locations = move || app.data.with(|d| !d.locations.is_empty());
    view! {
        <form class="card form-grid dashboard-picker" data-testid="dashboard-picker" on:submit=|ev| ev.prevent_default()>
            <div>
                <label for="dash-period">{c.t(Key::PeriodLabel)}</label>
                <select id="dash-period" on:change=move |ev| choose(event_target_value(&ev))>
                    {PeriodChoice::RELATIVE.into_iter().map(|p| view! {
                        <option value=p.code() selected=move || selected() == p.code()>{c.t(labels::period_choice(p))}</option>
                    }).collect_view()}
                    {move || match query.get().period {
                        m @ PeriodChoice::Month { .. } => Some(view! { <option value=m.code() selected=true>{m.code()}</option> }),
                        _ => None,
                    }}
                    <option value="custom" selected=is_custom>{c.t(Key::PeriodCustom)}</option>
                </select>
            </div>
            <Show when=is_custom>
                <div>
                    <label for="dash-from">{c.t(Key::PeriodFrom)}</label>
                    <input id="dash-from" type="date" prop:value=move || period().from.to_string()
                        on:change=move |ev| set_day(false, event_target_value(&ev))/>
                </div>
                <div>
                    <label for="dash-to">{c.t(Key::PeriodTo)}</label>
                    <input id="dash-to" type="date" prop:value=move || period().to.to_string()
                        on:change=move |ev| set_day(true, event_target_value(&ev))/>
                </div>
            </Show>
            <div>
                <label for="dash-process">{c.t(Key::FilterProcess)}</label>
                <select id="dash-process" on:change=move |ev| query.update(|q| q.filter.process = id_of(event_target_value(&ev)))>
                    <option value="">{c.t(Key::FilterAll)}</option>
                    {move || options(processes(), query.get().filter.process)}
                </select>
            </div>
            <div>
                <label for="dash-survey">{c.t(Key::FilterSurvey)}</label>
                <select id="dash-survey" on:change=move |ev| query.update(|q| q.filter.survey = id_of(event_target_value(&ev)))>
                    <option value="">{c.t(Key::FilterAll)}</option>
                    {move || options(surveys(), query.get().filter.survey)}
                </select>
            </div>
            <div>
                <label for="dash-staff">{c.t(Key::FilterStaff)}</label>
                <select id="dash-staff" on:change=move |ev| query.update(|q| q.filter.staff = id_of(event_target_value(&ev)))>
                    <option value="">{c.t(Key::FilterAll)}</option>
                    {move || options(staff(), query.get().filter.staff)}
                </select>
            </div>
            <div>
                <label for="dash-channel">{c.t(Key::FilterChannel)}</label>
                <select id="dash-channel" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    query.update(|q| q.filter.channel = Channel::ALL.into_iter().find(|ch| channel_code(*ch) == v));
                }>
                    <option value="">{c.t(Key::FilterAll)}</option>
                    {Channel::ALL.into_iter().map(|ch| view! {
                        <option value=channel_code(ch) selected=move || query.get().filter.channel == Some(ch)>{c.t(labels::channel(ch))}</option>
                    }).collect_view()}
                </select>
            </div>
            <Show when=has_locations>
                <div>
                    <label for="dash-location">{c.t(Key::FilterLocation)}</label>
                    <select id="dash-location" on:change=move |ev| query.update(|q| q.filter.location = id_of(event_target_value(&ev)))>
                        <option value="">{c.t(Key::FilterAll)}</option>
                        {move || options(locations(), query.get().filter.location)}
                    </select>
                </div>
            </Show>
            <p class="muted period-shown" data-testid="period-shown">
                {c.t(Key::PeriodShown)}" "
                {move || { let p = period(); let l = c.lang.get(); format!("{} – {}", format_date(p.from, l), format_date(p.to, l)) }}
                " · "{c.t(Key::PeriodCompared)}" "
                {move || { let p = period().previous(); let l = c.lang.get(); format!("{} – {}", format_date(p.from, l), format_date(p.to, l)) }}
            </p>
        </form>
    }
}
