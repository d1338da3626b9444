//! The team: who works here (add, with role and start date), the team's radar and training
//! needs for a period, and one small radar per person.

use super::super::app_data::app_data;
use super::super::{browser, ctx};
use super::radar::{self, RadarChart};
use super::{capability_name, month_value, score_text, PeriodPicker, StaffTabs, View};
use crate::charts::radar::{RadarSpec, SeriesKind};
use crate::domain::capability::{self as cap, Average};
use crate::domain::model::{Evaluator, Id, LocalText, Role, Staff};
use crate::domain::sort;
use crate::domain::Data;
use crate::i18n::{format_date, format_number, pick, Key};
use crate::route::{Route, Section};
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use std::collections::BTreeMap;

#[component]
pub fn StaffPage() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let period = super::opening_period(None);
    let has_caps = Memo::new(move |_| app.data.with(|d| !cap::in_use(&d.capabilities).is_empty()));
    view! {
        <section class="page" data-page=Section::Staff.slug()>
            <h1>{c.t(Key::NavStaff)}</h1>
            <StaffTabs current=View::Team/>
            <AddStaff/>
            <StaffList/>
            <div class="card form-inline no-print">
                <PeriodPicker period id="team-period"/>
            </div>
            <Show when=move || has_caps.get() fallback=|| view! { <super::capabilities::NoCapabilities/> }>
                <TeamRadar period/>
                <Turnover/>
            </Show>
        </section>
    }
}

#[component]
fn AddStaff() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let new_role = RwSignal::new(String::new());
    let joined = RwSignal::new(browser::today().to_string());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        if n.is_empty() {
            return;
        }
        let now = browser::now();
        let mut changes = Data::default();
        let typed_role = new_role.get_untracked().trim().to_string();
        let role_id = if !typed_role.is_empty() {
            let r = Role {
                id: browser::new_id(),
                created_at: now,
                updated_at: now,
                // The manager names it in one language; both show that name until edited.
                name: LocalText::new(&typed_role, &typed_role),
            };
            let id = r.id;
            changes.roles.push(r);
            Some(id)
        } else {
            role.get_untracked().parse::<Id>().ok()
        };
        changes.staff.push(Staff {
            id: browser::new_id(),
            created_at: now,
            updated_at: now,
            name: n,
            role_id,
            joined_on: joined.get_untracked().parse().ok(),
            left_on: None,
        });
        app.save_later(changes);
        name.set(String::new());
        new_role.set(String::new());
    };
    let roles = move || app.data.with(|d| super::role_choices(d, c.lang.get()));
    view! {
        <form class="card form-grid" on:submit=submit data-testid="add-staff">
            <h2>{c.t(Key::StaffAdd)}</h2>
            <label for="staff-name">{c.t(Key::StaffName)}</label>
            <input id="staff-name" required bind:value=name/>
            <label for="staff-role">{c.t(Key::StaffRole)}</label>
            <select id="staff-role" on:change=move |ev| role.set(event_target_value(&ev))>
                <option value="">{c.t(Key::StepNoRole)}</option>
                {move || roles().into_iter().map(|(id, n)| view! { <option value=id>{n}</option> }).collect_view()}
            </select>
            <label for="staff-new-role">{c.t(Key::StaffNewRole)}</label>
            <input id="staff-new-role" bind:value=new_role/>
            <label for="staff-joined">{c.t(Key::StaffJoined)}</label>
            <input id="staff-joined" type="date" bind:value=joined/>
            <button type="submit">{c.t(Key::StaffAdd)}</button>
        </form>
    }
}

#[component]
fn StaffList() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let rows = move || {
        let lang = c.lang.get();
        app.data.with(|d| {
            let mut staff: Vec<&Staff> = d.staff.iter().collect();
            // Current staff first, then by name.
            sort::by(&mut staff, |a, b| {
                (a.left_on.is_some(), &a.name).cmp(&(b.left_on.is_some(), &b.name))
            });
            staff
                .into_iter()
                .map(|s| {
                    let role = s
                        .role_id
                        .and_then(|r| d.roles.iter().find(|x| x.id == r))
                        .map(|r| pick(&r.name, lang).to_string())
                        .unwrap_or_default();
                    let since = s.joined_on.map(|j| format_date(j, lang));
                    let left = s.left_on.map(|l| format_date(l, lang));
                    (s.id, s.name.clone(), role, since, left)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ul class="process-list" data-testid="staff-list">
            {move || {
                let rows = rows();
                if rows.is_empty() {
                    return view! { <li class="muted">{c.t(Key::StaffNone)}</li> }.into_any();
                }
                rows.into_iter().map(|(id, name, role, since, left)| { let has_left = left.is_some(); view! {
                    <li class="card process-row" data-staff=id.to_string() class:staff-left=has_left>
                        <div>
                            <a class="process-name" href=Route::Detail(Section::Staff, id.to_string(), None).href()>{name}</a>
                            // Said in words, not by greying the row out (that fails contrast).
                            {has_left.then(|| view! { <span class="badge badge-muted" data-testid="staff-left-badge">{c.t(Key::StaffLeft)}</span> })}
                            <p class="muted small">
                                {role}
                                {since.map(|d| view! { " · "{c.t(Key::StaffJoined)}" "{d} })}
                                {match left {
                                    Some(d) => view! { " · "<strong>{c.t(Key::StaffLeft)}" "{d}</strong> }.into_any(),
                                    None => view! { " · "{c.t(Key::StaffActive)} }.into_any(),
                                }}
                            </p>
                        </div>
                    </li>
                }}).collect_view().into_any()
            }}
        </ul>
    }
}

/// The team-average radar, the team's training needs, and one small radar per person.
#[component]
fn TeamRadar(period: RwSignal<NaiveDate>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let averages = Memo::new(move |_| {
        app.data
            .with(|d| cap::team_average(&d.evaluations, period.get(), Evaluator::Manager))
    });
    let team_spec = Memo::new(move |_| {
        let avg = averages.get();
        app.data
            .with(|d| radar::team_spec(d, &avg, 520, c.lang.get()))
    });
    let needs = move || {
        let lang = c.lang.get();
        let avg = averages.get();
        app.data.with(|d| {
            cap::team_needs(&d.capabilities, &avg)
                .into_iter()
                .filter_map(|n| {
                    let capability = d.capabilities.iter().find(|c| c.id == n.capability_id)?;
                    let people = avg.get(&n.capability_id).map_or(0, |a: &Average| a.n);
                    Some((capability_name(capability, lang), n, people))
                })
                .collect::<Vec<_>>()
        })
    };
    let people = Memo::new(move |_| {
        let lang = c.lang.get();
        let avg = averages.get();
        app.data.with(|d| {
            let caps = cap::in_use(&d.capabilities);
            let latest = cap::latest_evaluations(&d.evaluations, period.get(), Evaluator::Manager);
            let mut out: Vec<(Id, String, RadarSpec)> = latest
                .values()
                .filter_map(|e| {
                    let name = d.staff.iter().find(|s| s.id == e.staff_id)?.name.clone();
                    let series = [
                        radar::series(
                            SeriesKind::TeamAverage,
                            Key::RadarTeam.text(lang).into(),
                            &caps,
                            |c| team_mean(&avg, c.id),
                        ),
                        radar::series(SeriesKind::Person, name.clone(), &caps, |c| {
                            e.scores.get(&c.id).map(|&s| f64::from(s))
                        }),
                    ];
                    Some((
                        e.staff_id,
                        name.clone(),
                        radar::spec(
                            name,
                            &caps,
                            series.into_iter().flatten().collect(),
                            360,
                            lang,
                        ),
                    ))
                })
                .collect();
            sort::by(&mut out, |a, b| a.1.cmp(&b.1));
            out
        })
    });
    let month = move || month_value(period.get());
    view! {
        <div class="card" data-testid="team-radar">
            <h2>{c.t(Key::RadarTeamTitle)}" · "{month}</h2>
            <RadarChart spec=Signal::derive(move || team_spec.get()) file="team-radar"/>
        </div>
        <div class="card" data-testid="team-needs">
            <h2>{c.t(Key::NeedsTeamTitle)}</h2>
            <p class="muted small">{c.t(Key::NeedsHelp)}</p>
            {move || {
                let needs = needs();
                if averages.with(BTreeMap::is_empty) {
                    return view! { <p class="muted" data-testid="needs-no-data">{c.t(Key::NeedsNoData)}</p> }.into_any();
                }
                if needs.is_empty() {
                    return view! { <p class="muted">{c.t(Key::NeedsNone)}</p> }.into_any();
                }
                let lang = c.lang.get();
                view! {
                    <ol class="needs">
                        {needs.into_iter().map(|(name, n, people)| view! {
                            <li>
                                <strong>{name}</strong>" "
                                {c.t(Key::NeedsGap)}" "{format_number(n.gap, 1, lang)}
                                <span class="muted small">" ("{score_text(Some(n.actual), lang)}" / "{score_text(Some(n.target), lang)}", n="{people}")"</span>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </div>
        <div class="small-multiples" data-testid="team-people">
            // Each link is named by its drawing (role="img", titled with the person's name): an
            // aria-label would not contain the text the radar shows (WCAG 2.5.3, axe).
            {move || people.get().into_iter().map(|(id, _, spec)| view! {
                <a class="card small-radar" href=Route::Detail(Section::Staff, id.to_string(), None).href()>
                    <RadarChart spec=Signal::derive(move || Some(spec.clone())) file=String::new() small=true/>
                </a>
            }).collect_view()}
        </div>
    }
}

/// Turnover over the last twelve months: leavers ÷ average headcount.
#[component]
fn Turnover() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let figure = move || {
        let lang = c.lang.get();
        let today = browser::today();
        let from = today.with_year(today.year() - 1).unwrap_or(today);
        app.data
            .with(|d| cap::turnover_percent(&d.staff, from, today))
            .map(|t| format!("{} %", format_number(t, 1, lang)))
            .unwrap_or_else(|| Key::NoData.text(lang).into())
    };
    view! {
        <p class="card" data-testid="turnover">{c.t(Key::StaffTurnover)}": "<strong>{figure}</strong></p>
    }
}

/// The team's mean on one capability; the person page draws it too.
pub fn team_mean(avg: &BTreeMap<Id, Average>, id: Id) -> Option<f64> {
    avg.get(&id).map(|a| a.mean)
}
