//! The process library: search, create from a template or blank, duplicate, archive.

use super::super::app_data::app_data;
use super::super::{browser, ctx, labels};
use crate::domain::model::{LocalText, ServiceProcess, VersionStatus};
use crate::domain::process_library as library;
use crate::domain::templates::{self, TemplateId};
use crate::domain::Data;
use crate::i18n::{pick, Key};
use crate::route::{Route, Section};
use leptos::prelude::*;
use leptos::task::spawn_local;

pub fn status_key(s: VersionStatus) -> Key {
    match s {
        VersionStatus::Draft => Key::StatusDraft,
        VersionStatus::Published => Key::StatusPublished,
        VersionStatus::Retired => Key::StatusRetired,
    }
}

fn open(id: crate::domain::model::Id) {
    let href = Route::Detail(Section::Processes, id.to_string(), None).href();
    let _ = window().location().set_hash(&href);
}

#[component]
pub fn ProcessesPage() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let query = RwSignal::new(String::new());
    let archived = RwSignal::new(false);
    let rows = move || {
        app.data.with(|d| {
            library::search(d, &query.get(), archived.get())
                .into_iter()
                .map(|p| {
                    (
                        p.clone(),
                        library::latest(d, p.id).map(|v| {
                            (
                                v.number,
                                v.status,
                                v.stages.iter().map(|s| s.steps.len()).sum::<usize>(),
                            )
                        }),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let empty = move || app.data.with(|d| d.processes.is_empty());
    view! {
        <section class="page" data-page=Section::Processes.slug()>
            <h1>{c.t(Key::NavProcesses)}</h1>
            <NewProcess/>
            <div class="toolbar">
                <label class="visually-hidden" for="process-search">{c.t(Key::ProcSearch)}</label>
                <input id="process-search" type="search" placeholder=c.t(Key::ProcSearch)
                    prop:value=query on:input=move |ev| query.set(event_target_value(&ev))/>
                <label class="check">
                    <input type="checkbox" prop:checked=archived on:change=move |ev| archived.set(event_target_checked(&ev))/>
                    {c.t(Key::ProcShowArchived)}
                </label>
            </div>
            <Show when=move || !empty() fallback=move || view! { <p class="muted">{c.t(Key::ProcNone)}</p> }>
                <ul class="process-list" data-testid="process-list">
                    {move || {
                        let rows = rows();
                        if rows.is_empty() {
                            return view! { <li class="muted">{c.t(Key::ProcNoMatch)}</li> }.into_any();
                        }
                        rows.into_iter().map(|(p, latest)| view! { <ProcessRow p latest/> }).collect_view().into_any()
                    }}
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn ProcessRow(p: ServiceProcess, latest: Option<(u32, VersionStatus, usize)>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let href = Route::Detail(Section::Processes, p.id.to_string(), None).href();
    let name = p.name.clone();
    let archived = p.archived;
    let for_dup = p.clone();
    let duplicate = move |_| {
        let p = for_dup.clone();
        spawn_local(async move {
            let now = browser::now();
            let suffix = LocalText::new(
                Key::ProcCopySuffix.text(crate::i18n::Lang::Zh),
                Key::ProcCopySuffix.text(crate::i18n::Lang::En),
            );
            let Some(from) = app
                .data
                .with_untracked(|d| library::latest(d, p.id).cloned())
            else {
                return;
            };
            let (copy, draft) = library::duplicate(&p, &from, &suffix, &mut browser::new_id, now);
            let id = copy.id;
            let changes = Data {
                processes: vec![copy],
                process_versions: vec![draft],
                ..Data::default()
            };
            if app.save(changes, Vec::new()).await.is_ok() {
                open(id);
            }
        });
    };
    let for_archive = p.clone();
    let toggle_archive = move |_| {
        let changed = ServiceProcess {
            archived: !for_archive.archived,
            updated_at: browser::now(),
            ..for_archive.clone()
        };
        app.save_later(Data {
            processes: vec![changed],
            ..Data::default()
        });
    };
    view! {
        <li class="card process-row" class:archived=archived>
            <div>
                <a href=href class="process-name">{move || pick(&name, c.lang.get()).to_string()}</a>
                <p class="muted small">
                    {(!p.category.is_empty()).then(|| view! { <span data-testid="process-category">{let cat = p.category.clone(); move || labels::category(&cat, c.lang.get())}" · "</span> })}
                    {latest.map(|(n, s, steps)| view! {
                        <span>{c.t(Key::ProcVersionN)}" "{n}" · "{c.t(status_key(s))}" · "{c.t(Key::ProcStepCount)}" "{steps}</span>
                    })}
                    {archived.then(|| view! { <span>" · "{c.t(Key::ProcArchived)}</span> })}
                </p>
            </div>
            <div class="row-actions">
                <button type="button" class="secondary" on:click=duplicate>{c.t(Key::ProcDuplicate)}</button>
                <button type="button" class="secondary" on:click=toggle_archive>
                    {c.t(if archived { Key::ProcUnarchive } else { Key::ProcArchive })}
                </button>
            </div>
        </li>
    }
}

#[component]
fn NewProcess() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    // Index into TemplateId::ALL, or the blank process after them.
    let choice = RwSignal::new(0usize);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = browser::now();
        let changes =
            app.data
                .with_untracked(|d| match TemplateId::ALL.get(choice.get_untracked()) {
                    Some(t) => {
                        let made = templates::instantiate(
                            *t,
                            &mut browser::new_id,
                            now,
                            &d.roles,
                            c.lang.get_untracked(),
                        );
                        Data {
                            roles: made.new_roles,
                            processes: vec![made.process],
                            process_versions: vec![made.version],
                            ..Data::default()
                        }
                    }
                    None => {
                        let name = LocalText::new(
                            Key::ProcNewName.text(crate::i18n::Lang::Zh),
                            Key::ProcNewName.text(crate::i18n::Lang::En),
                        );
                        let (p, v) = library::blank(name, &mut browser::new_id, now);
                        Data {
                            processes: vec![p],
                            process_versions: vec![v],
                            ..Data::default()
                        }
                    }
                });
        let id = changes.processes[0].id;
        spawn_local(async move {
            if app.save(changes, Vec::new()).await.is_ok() {
                open(id);
            }
        });
    };
    view! {
        <form class="card form-inline" on:submit=create data-testid="new-process">
            <h2>{c.t(Key::ProcNewTitle)}</h2>
            <label for="template">{c.t(Key::ProcTemplate)}</label>
            <select id="template" on:change=move |ev| choice.set(event_target_value(&ev).parse().unwrap_or(0))>
                {TemplateId::ALL.into_iter().enumerate().map(|(i, t)| view! {
                    <option value=i.to_string()>{move || pick(&t.name(), c.lang.get()).to_string()}</option>
                }).collect_view()}
                <option value=TemplateId::ALL.len().to_string()>{c.t(Key::ProcBlank)}</option>
            </select>
            <button type="submit" data-testid="create-process">{c.t(Key::ProcCreate)}</button>
        </form>
    }
}
