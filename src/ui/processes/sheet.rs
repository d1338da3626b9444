//! A version's steps as a read-only sheet: an older version opened from the history, and
//! the SOP card printed for the wall at each station (one A4 page, optionally one role).

use super::super::app_data::app_data;
use super::super::{browser, ctx, labels};
use super::editor::stage_key;
use super::list::status_key;
use crate::domain::model::*;
use crate::domain::process_edit::steps;
use crate::domain::process_library as library;
use crate::i18n::{format_datetime, format_minutes, pick, Key};
use crate::route::{Route, Section};
use leptos::prelude::*;

/// The stages and steps of `version`; with `role`, only that role's steps.
#[component]
fn Sheet(version: ProcessVersion, #[prop(into)] role: Signal<Option<Id>>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let role_name = move |id: Option<Id>| {
        app.data.with(|d| {
            d.roles
                .iter()
                .find(|r| Some(r.id) == id)
                .map(|r| pick(&r.name, c.lang.get()).to_string())
                .unwrap_or_else(|| c.t(Key::StepNoRole)().to_string())
        })
    };
    let stages = version.stages.clone();
    move || {
        let lang = c.lang.get();
        let only = role.get();
        let mut number = 0;
        stages
            .iter()
            .map(|stage| {
                let shown: Vec<&Step> = stage
                    .steps
                    .iter()
                    .filter(|s| only.is_none() || s.role_id == only)
                    .collect();
                let items = shown
                    .into_iter()
                    .map(|s| {
                        number += 1;
                        let options = s
                            .options
                            .iter()
                            .map(|o| pick(o, lang).to_string())
                            .collect::<Vec<_>>();
                        view! {
                            <li class="sheet-step" data-step=s.id.to_string()>
                                <h3><span class="sheet-no">{number}". "</span>{pick(&s.name, lang).to_string()}</h3>
                                <p class="sheet-meta">
                                    {role_name(s.role_id)}" · "{c.t(Key::RunLimit)}" "<strong>{format_minutes(s.time_limit_s, lang)}" min"</strong>" · "{c.t(labels::tier(s.tier))}
                                </p>
                                <p class="sheet-standard">{pick(&s.standard, lang).to_string()}</p>
                                {(!options.is_empty()).then(|| view! {
                                    <ul class="sheet-options">{options.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}</ul>
                                })}
                            </li>
                        }
                    })
                    .collect::<Vec<_>>();
                (!items.is_empty()).then(|| view! {
                    <section class="sheet-stage">
                        <h2>{c.t(stage_key(stage.kind))}</h2>
                        <ol class="sheet-steps">{items}</ol>
                    </section>
                })
            })
            .collect_view()
    }
}

/// `#/processes/<id>/v<n>`: one version as it was, nothing editable.
#[component]
pub fn VersionView(process_id: Id, number: u32) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let version = Memo::new(move |_| {
        app.data.with(|d| {
            library::versions(d, process_id)
                .into_iter()
                .find(|v| v.number == number)
                .cloned()
        })
    });
    let back = Route::Detail(
        Section::Processes,
        process_id.to_string(),
        Some("versions".into()),
    )
    .href();
    view! {
        <div data-testid="version-view">
            {move || match version.get() {
                None => view! { <p class="alert alert-warn">{c.t(Key::ProcNotFound)}</p> }.into_any(),
                Some(v) => {
                    let when = v.published_at.map(|t| format_datetime(t, browser::utc_offset_at(t), c.lang.get()));
                    view! {
                        <p class="version-line">{c.t(Key::ProcVersionN)}" "{v.number}" · "<strong>{c.t(status_key(v.status))}</strong>" "{when}</p>
                        <p class="alert alert-warn">{c.t(Key::VersionReadOnly)}</p>
                        {(!v.change_note.is_empty()).then(|| view! { <p>{c.t(Key::ChangeNote)}": "{v.change_note.clone()}</p> })}
                        <Sheet version=v role=Signal::stored(None)/>
                    }.into_any()
                }
            }}
            <a href=back class="back-link">{c.t(Key::VersionBackToHistory)}</a>
        </div>
    }
}

/// `#/processes/<id>/card`: the published version on one A4 page, for the wall.
#[component]
pub fn SopCard(process_id: Id) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let published = Memo::new(move |_| {
        app.data
            .with(|d| library::current_published(d, process_id).cloned())
    });
    let role = RwSignal::new(None::<Id>);
    let roles = move || {
        let used: Vec<Id> = published.with(|v| {
            v.as_ref()
                .map(|v| steps(v).filter_map(|s| s.role_id).collect())
                .unwrap_or_default()
        });
        app.data.with(|d| {
            d.roles
                .iter()
                .filter(|r| used.contains(&r.id))
                .map(|r| (r.id, pick(&r.name, c.lang.get()).to_string()))
                .collect::<Vec<_>>()
        })
    };
    let title = move || {
        app.data.with(|d| {
            d.process(process_id)
                .map(|p| pick(&p.name, c.lang.get()).to_string())
        })
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        {move || match published.get() {
            None => view! { <p class="alert alert-warn">{c.t(Key::RunNoPublished)}</p> }.into_any(),
            Some(v) => view! {
                <div class="toolbar no-print">
                    <label for="card-role">{c.t(Key::CardRole)}</label>
                    <select id="card-role" on:change=move |ev| role.set(event_target_value(&ev).parse().ok())>
                        <option value="">{c.t(Key::CardAllRoles)}</option>
                        {roles().into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                    </select>
                    <button type="button" data-testid="print-card" on:click=print>{c.t(Key::CardPrint)}</button>
                </div>
                <article class="sop-card" data-testid="sop-card">
                    <header class="sop-head">
                        <h2>{title}</h2>
                        <p>{c.t(Key::ProcVersionN)}" "{v.number}
                            {move || role.get().and_then(|id| roles().into_iter().find(|(r, _)| *r == id)).map(|(_, n)| format!(" · {n}"))}
                        </p>
                    </header>
                    <Sheet version=v role/>
                </article>
            }.into_any(),
        }}
    }
}
