//! The process editor: a draft's stages and steps, edited by touch and keyboard; publishing
//! with a change note. A published version is shown read-only with "start a draft".

use super::super::app_data::{app_data, AppData};
use super::super::{browser, ctx, Ctx};
use super::list::status_key;
use crate::domain::model::*;
use crate::domain::process_edit::{self as edit, EditError, IssueKind};
use crate::domain::process_library as library;
use crate::domain::Data;
use crate::i18n::{format_number, pick, Key, Lang};
use leptos::prelude::*;
use leptos::task::spawn_local;

pub fn stage_key(k: StageKind) -> Key {
    match k {
        StageKind::Pre => Key::StagePre,
        StageKind::In => Key::StageIn,
        StageKind::Post => Key::StagePost,
    }
}

pub fn tier_key(t: Tier) -> Key {
    match t {
        Tier::Basic => Key::TierBasic,
        Tier::Standard => Key::TierStandard,
        Tier::Custom => Key::TierCustom,
    }
}

fn issue_key(k: IssueKind) -> Key {
    match k {
        IssueKind::EmptyName => Key::IssueEmptyName,
        IssueKind::MissingRole => Key::IssueMissingRole,
        IssueKind::NonPositiveTimeLimit => Key::IssueBadTime,
        IssueKind::TooFewOptions => Key::IssueTooFewOptions,
        IssueKind::NoSteps => Key::IssueNoSteps,
    }
}

/// Writes `value` into the current language's half of a bilingual text.
fn set_local(text: &mut LocalText, lang: Lang, value: String) {
    match lang {
        Lang::Zh => text.zh = value,
        Lang::En => text.en = value,
    }
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// Applies `change` to the latest draft of the process and saves it.
fn save_draft(app: AppData, process_id: Id, change: impl FnOnce(&mut ProcessVersion) + 'static) {
    let Some(current) = app
        .data
        .with_untracked(|d| library::latest(d, process_id).cloned())
    else {
        return;
    };
    if let Ok(next) = edit::edit(&current, browser::now(), change) {
        spawn_local(async move {
            let _ = app
                .save(
                    Data {
                        process_versions: vec![next],
                        ..Data::default()
                    },
                    Vec::new(),
                )
                .await;
        });
    }
}

#[component]
pub fn Editor(process_id: Id) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let version = move || app.data.with(|d| library::latest(d, process_id).cloned());
    view! {
        <ProcessFields process_id/>
        {move || version().map(|v| {
            let draft = v.status == VersionStatus::Draft;
            view! {
                <p class="version-line" data-testid="version-line">
                    {c.t(Key::ProcVersionN)}" "{v.number}" · "<strong>{c.t(status_key(v.status))}</strong>
                </p>
                {(!draft).then(|| view! { <StartDraft version=v.clone()/> })}
                {v.stages.iter().map(|stage| view! {
                    <StageBlock process_id stage=stage.clone() draft/>
                }).collect_view()}
                {draft.then(|| view! { <PublishForm process_id/> })}
            }
        })}
    }
}

#[component]
fn ProcessFields(process_id: Id) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let process = move || {
        app.data
            .with(|d| d.processes.iter().find(|p| p.id == process_id).cloned())
    };
    let save = move |change: Box<dyn FnOnce(&mut ServiceProcess)>| {
        let Some(mut p) = process() else { return };
        change(&mut p);
        p.updated_at = browser::now();
        spawn_local(async move {
            let _ = app
                .save(
                    Data {
                        processes: vec![p],
                        ..Data::default()
                    },
                    Vec::new(),
                )
                .await;
        });
    };
    view! {
        <div class="card form-grid">
            <div>
                <label for="process-name">{c.t(Key::ProcName)}</label>
                <input id="process-name" type="text" maxlength="80"
                    prop:value=move || process().map(|p| pick(&p.name, c.lang.get()).to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let lang = c.lang.get_untracked();
                        save(Box::new(move |p| set_local(&mut p.name, lang, v)));
                    }/>
            </div>
            <div>
                <label for="process-category">{c.t(Key::ProcCategory)}</label>
                <input id="process-category" type="text" maxlength="40"
                    prop:value=move || process().map(|p| p.category).unwrap_or_default()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        save(Box::new(move |p| p.category = v));
                    }/>
            </div>
        </div>
    }
}

#[component]
fn StartDraft(version: ProcessVersion) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let start = move |_| {
        let draft = edit::new_draft(&version, browser::new_id(), browser::now());
        spawn_local(async move {
            let _ = app
                .save(
                    Data {
                        process_versions: vec![draft],
                        ..Data::default()
                    },
                    Vec::new(),
                )
                .await;
        });
    };
    view! {
        <div class="alert alert-warn">
            <p>{c.t(Key::EditReadOnly)}</p>
            <button type="button" data-testid="start-draft" on:click=start>{c.t(Key::EditNewDraft)}</button>
        </div>
    }
}

#[component]
fn StageBlock(process_id: Id, stage: Stage, draft: bool) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let kind = stage.kind;
    let add = move |_| {
        let id = browser::new_id();
        let role = app.data.with_untracked(|d| {
            library::latest(d, process_id)
                .and_then(|v| edit::steps(v).filter_map(|s| s.role_id).last())
        });
        let name = LocalText::new(Key::StepNew.text(Lang::Zh), Key::StepNew.text(Lang::En));
        save_draft(app, process_id, move |v| {
            edit::add_step(v, kind, id, name, role)
        });
    };
    let empty = stage.steps.is_empty();
    view! {
        <section class="stage" data-stage=format!("{kind:?}").to_lowercase()>
            <h2>{c.t(stage_key(kind))}</h2>
            {empty.then(|| view! { <p class="muted">{c.t(Key::StageEmpty)}</p> })}
            <ol class="steps">
                {stage.steps.into_iter().map(|s| view! { <StepCard process_id step=s draft/> }).collect_view()}
            </ol>
            {draft.then(|| view! {
                <button type="button" class="secondary" data-testid="add-step" on:click=add>{c.t(Key::StepAdd)}</button>
            })}
        </section>
    }
}

fn option_lines(options: &[LocalText], lang: Lang) -> String {
    options
        .iter()
        .map(|o| pick(o, lang))
        .collect::<Vec<_>>()
        .join("\n")
}

fn minutes(seconds: u32, c: Ctx) -> String {
    format_number(
        seconds as f64 / 60.0,
        if seconds % 60 == 0 { 0 } else { 1 },
        c.lang.get(),
    )
}

#[component]
fn StepCard(process_id: Id, step: Step, draft: bool) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let id = step.id;
    let dom = |field: &str| format!("step-{id}-{field}");
    let change = move |f: Box<dyn FnOnce(&mut Step)>| {
        save_draft(app, process_id, move |v| {
            if let Some(s) = edit::step_mut(v, id) {
                f(s);
            }
        })
    };
    let roles = move || {
        app.data.with(|d| {
            d.roles
                .iter()
                .map(|r| (r.id, pick(&r.name, c.lang.get()).to_string()))
                .collect::<Vec<_>>()
        })
    };
    if !draft {
        let role = step.role_id;
        let role_name = move || {
            roles()
                .into_iter()
                .find(|(rid, _)| Some(*rid) == role)
                .map(|(_, n)| n)
                .unwrap_or_default()
        };
        let s = step.clone();
        return view! {
            <li class="step card" data-step=id.to_string()>
                <h3>{move || pick(&s.name, c.lang.get()).to_string()}</h3>
                <p class="muted small">{role_name}" · "{minutes(step.time_limit_s, c)}" min · "{c.t(tier_key(step.tier))}
                    {(!step.value_adding).then(|| view! { " · "<span class="tag-nva">{c.t(Key::StepNonValueAdding)}</span> })}</p>
                <p>{move || pick(&step.standard, c.lang.get()).to_string()}</p>
            </li>
        }
        .into_any();
    }
    let (name, standard, options) = (
        step.name.clone(),
        step.standard.clone(),
        step.options.clone(),
    );
    let moved = move |delta: i8| {
        save_draft(app, process_id, move |v| {
            let _ = edit::move_step(v, id, delta);
        })
    };
    view! {
        <li class="step card editing" data-step=id.to_string()>
            <div class="form-grid">
                <div class="span-2">
                    <label for=dom("name")>{c.t(Key::StepName)}</label>
                    <input id=dom("name") type="text" maxlength="80" data-field="name"
                        prop:value=move || pick(&name, c.lang.get()).to_string()
                        on:change=move |ev| { let v = event_target_value(&ev); let l = c.lang.get_untracked(); change(Box::new(move |s| set_local(&mut s.name, l, v))); }/>
                </div>
                <div>
                    <label for=dom("role")>{c.t(Key::StepRole)}</label>
                    <select id=dom("role") data-field="role" on:change=move |ev| {
                        let v = event_target_value(&ev).parse::<Id>().ok();
                        change(Box::new(move |s| s.role_id = v));
                    }>
                        <option value="" selected=step.role_id.is_none()>{c.t(Key::StepNoRole)}</option>
                        {move || roles().into_iter().map(|(rid, n)| view! {
                            <option value=rid.to_string() selected=Some(rid) == step.role_id>{n}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div>
                    <label for=dom("limit")>{c.t(Key::StepTimeLimit)}</label>
                    <input id=dom("limit") type="number" min="0.5" step="0.5" inputmode="decimal" data-field="limit"
                        prop:value=(step.time_limit_s as f64 / 60.0).to_string()
                        on:change=move |ev| {
                            let secs = event_target_value(&ev).parse::<f64>().map(|m| (m * 60.0).round().max(0.0) as u32).unwrap_or(0);
                            change(Box::new(move |s| s.time_limit_s = secs));
                        }/>
                </div>
                <div class="span-2">
                    <label for=dom("standard")>{c.t(Key::StepStandard)}</label>
                    <textarea id=dom("standard") rows="2" data-field="standard"
                        prop:value=move || pick(&standard, c.lang.get()).to_string()
                        on:change=move |ev| { let v = event_target_value(&ev); let l = c.lang.get_untracked(); change(Box::new(move |s| set_local(&mut s.standard, l, v))); }></textarea>
                </div>
                <div>
                    <label for=dom("tier")>{c.t(Key::StepTier)}</label>
                    <select id=dom("tier") data-field="tier" on:change=move |ev| {
                        let tier = match event_target_value(&ev).as_str() { "standard" => Tier::Standard, "custom" => Tier::Custom, _ => Tier::Basic };
                        change(Box::new(move |s| s.tier = tier));
                    }>
                        {[(Tier::Basic, "basic"), (Tier::Standard, "standard"), (Tier::Custom, "custom")].into_iter().map(|(t, v)| view! {
                            <option value=v selected=t == step.tier>{c.t(tier_key(t))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <label class="check">
                    <input type="checkbox" data-field="value-adding" prop:checked=step.value_adding
                        on:change=move |ev| { let on = event_target_checked(&ev); change(Box::new(move |s| s.value_adding = on)); }/>
                    {c.t(Key::StepValueAdding)}
                </label>
                {(step.tier == Tier::Standard).then(|| view! {
                    <div class="span-2">
                        <label for=dom("options")>{c.t(Key::StepOptions)}</label>
                        <textarea id=dom("options") rows="3" data-field="options"
                            prop:value=move || option_lines(&options, c.lang.get())
                            on:change=move |ev| {
                                let v = lines(&event_target_value(&ev));
                                let l = c.lang.get_untracked();
                                change(Box::new(move |s| {
                                    s.options = v.into_iter().enumerate().map(|(i, text)| {
                                        let mut o = s.options.get(i).cloned().unwrap_or_default();
                                        set_local(&mut o, l, text);
                                        o
                                    }).collect();
                                }));
                            }></textarea>
                    </div>
                })}
                <div>
                    <label for=dom("inputs")>{c.t(Key::StepInputs)}</label>
                    <textarea id=dom("inputs") rows="2" data-field="inputs" prop:value=step.inputs.join("\n")
                        on:change=move |ev| { let v = lines(&event_target_value(&ev)); change(Box::new(move |s| s.inputs = v)); }></textarea>
                </div>
                <div>
                    <label for=dom("outputs")>{c.t(Key::StepOutputs)}</label>
                    <textarea id=dom("outputs") rows="2" data-field="outputs" prop:value=step.outputs.join("\n")
                        on:change=move |ev| { let v = lines(&event_target_value(&ev)); change(Box::new(move |s| s.outputs = v)); }></textarea>
                </div>
            </div>
            <div class="row-actions">
                <button type="button" class="secondary" id=dom("up") data-action="up" on:click=move |_| moved(-1)>"↑ "{c.t(Key::StepMoveUp)}</button>
                <button type="button" class="secondary" id=dom("down") data-action="down" on:click=move |_| moved(1)>"↓ "{c.t(Key::StepMoveDown)}</button>
                <button type="button" class="danger" data-action="remove" on:click=move |_| save_draft(app, process_id, move |v| { let _ = edit::remove_step(v, id); })>
                    {c.t(Key::StepRemove)}
                </button>
            </div>
        </li>
    }
    .into_any()
}

#[component]
fn PublishForm(process_id: Id) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<EditError>);
    let publish = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(draft) = app
            .data
            .with_untracked(|d| library::latest(d, process_id).cloned())
        else {
            return;
        };
        match edit::publish(&draft, &note.get_untracked(), browser::now()) {
            Ok(v) => {
                error.set(None);
                spawn_local(async move {
                    let _ = app
                        .save(
                            Data {
                                process_versions: vec![v],
                                ..Data::default()
                            },
                            Vec::new(),
                        )
                        .await;
                });
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let step_name = move |id: Option<Id>| -> String {
        let Some(id) = id else { return String::new() };
        app.data.with_untracked(|d| {
            library::latest(d, process_id)
                .and_then(|v| {
                    edit::steps(v)
                        .find(|s| s.id == id)
                        .map(|s| pick(&s.name, c.lang.get_untracked()).to_string())
                })
                .unwrap_or_default()
        })
    };
    view! {
        <form class="card form" on:submit=publish data-testid="publish-form">
            <h2>{c.t(Key::Publish)}</h2>
            <label for="change-note">{c.t(Key::ChangeNote)}</label>
            <textarea id="change-note" rows="2" prop:value=note on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            {move || error.get().map(|e| match e {
                EditError::NoteRequired => view! { <p class="alert alert-error" role="alert">{c.t(Key::PublishNeedsNote)}</p> }.into_any(),
                EditError::Invalid(issues) => view! {
                    <div class="alert alert-error" role="alert" data-testid="publish-issues">
                        <p>{c.t(Key::PublishFixFirst)}</p>
                        <ul>{issues.into_iter().map(|i| {
                            let name = step_name(i.step_id);
                            view! { <li>{(!name.is_empty()).then(|| format!("{name}: "))}{c.t(issue_key(i.kind))}</li> }
                        }).collect_view()}</ul>
                    </div>
                }.into_any(),
                EditError::NotADraft | EditError::NoSuchStep => ().into_any(),
            })}
            <button type="submit" data-testid="publish">{c.t(Key::Publish)}</button>
        </form>
    }
}
