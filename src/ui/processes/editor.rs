//! The process editor: a draft's stages and steps, edited by touch and keyboard; publishing
//! with a change note. A published version is shown read-only with "start a draft".

use super::super::app_data::{app_data, AppData};
use super::super::{browser, ctx, labels};
use super::list::status_key;
use crate::domain::model::*;
use crate::domain::process_edit::{self as edit, IssueKind};
use crate::domain::process_library as library;
use crate::domain::Data;
use crate::i18n::{format_minutes, pick, Key, Lang};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub fn stage_key(k: StageKind) -> Key {
    match k {
        StageKind::Pre => Key::StagePre,
        StageKind::In => Key::StageIn,
        StageKind::Post => Key::StagePost,
    }
}

pub(super) fn issue_key(k: IssueKind) -> Key {
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

/// What a text field shows: the stored value, except while the user is typing in it. Edits
/// are saved as they are typed, and a save that lands after the next keystroke (or the
/// stored form: trimmed lines, minutes) must not overwrite what is being written.
pub(super) fn shown(dom_id: String, stored: impl Fn() -> String) -> impl Fn() -> String {
    move || {
        let value = stored();
        document()
            .active_element()
            .filter(|el| el.id() == dom_id)
            .and_then(|el| js_sys::Reflect::get(&el, &"value".into()).ok()?.as_string())
            .unwrap_or(value)
    }
}

/// Applies `change` to the latest draft of the process and saves it.
pub(super) fn save_draft(
    app: AppData,
    process_id: Id,
    change: impl FnOnce(&mut ProcessVersion) + 'static,
) {
    let Some(current) = app
        .data
        .with_untracked(|d| library::latest(d, process_id).cloned())
    else {
        return;
    };
    if let Ok(next) = edit::edit(&current, browser::now(), change) {
        app.save_later(Data {
            process_versions: vec![next],
            ..Data::default()
        });
    }
}

#[component]
pub fn Editor(process_id: Id) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let version = Memo::new(move |_| app.data.with(|d| library::latest(d, process_id).cloned()));
    let draft = Signal::derive(move || {
        version.with(|v| v.as_ref().is_some_and(|v| v.status == VersionStatus::Draft))
    });
    let kinds = Memo::new(move |_| {
        version.with(|v| {
            v.as_ref()
                .map(|v| v.stages.iter().map(|s| s.kind).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    view! {
        <ProcessFields process_id/>
        <p class="version-line" data-testid="version-line">
            {move || version.with(|v| v.as_ref().map(|v| v.number)).map(|n| format!("{} {n} · ", c.t(Key::ProcVersionN)()))}
            <strong>{move || version.with(|v| v.as_ref().map(|v| c.t(status_key(v.status))()))}</strong>
        </p>
        <Show when=move || !draft.get()>
            {move || version.get().map(|v| view! { <StartDraft version=v/> })}
        </Show>
        <For each=move || kinds.get() key=|k| *k children=move |kind| view! { <StageBlock process_id kind version draft/> }/>
        <Show when=move || draft.get()>
            <super::publish::PublishForm process_id version/>
        </Show>
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
        p.updated_at = crate::domain::edit::edited_at(p.updated_at, browser::now());
        app.save_later(Data {
            processes: vec![p],
            ..Data::default()
        });
    };
    view! {
        <div class="card form-grid">
            <div>
                <label for="process-name">{c.t(Key::ProcName)}</label>
                <input id="process-name" type="text" maxlength="80"
                    prop:value=shown("process-name".into(), move || process().map(|p| pick(&p.name, c.lang.get()).to_string()).unwrap_or_default())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        let lang = c.lang.get_untracked();
                        save(Box::new(move |p| set_local(&mut p.name, lang, v)));
                    }/>
            </div>
            <div>
                <label for="process-category">{c.t(Key::ProcCategory)}</label>
                <input id="process-category" type="text" maxlength="40"
                    prop:value=shown("process-category".into(), move || process().map(|p| p.category).unwrap_or_default())
                    on:input=move |ev| {
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
        app.save_later(Data {
            process_versions: vec![draft],
            ..Data::default()
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
fn StageBlock(
    process_id: Id,
    kind: StageKind,
    version: Memo<Option<ProcessVersion>>,
    draft: Signal<bool>,
) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let ids = Memo::new(move |_| {
        version.with(|v| {
            v.as_ref()
                .and_then(|v| v.stages.iter().find(|s| s.kind == kind))
                .map(|s| s.steps.iter().map(|st| st.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
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
    view! {
        <section class="stage" data-stage=format!("{kind:?}").to_lowercase()>
            <h2>{c.t(stage_key(kind))}</h2>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="muted">{c.t(Key::StageEmpty)}</p>
            </Show>
            <ol class="steps">
                <For each=move || ids.get() key=|id| *id children=move |id| view! { <StepCard process_id step_id=id version draft/> }/>
            </ol>
            <Show when=move || draft.get()>
                <button type="button" class="secondary" data-testid="add-step" on:click=add>{c.t(Key::StepAdd)}</button>
            </Show>
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

#[component]
fn StepCard(
    process_id: Id,
    step_id: Id,
    version: Memo<Option<ProcessVersion>>,
    draft: Signal<bool>,
) -> impl IntoView {
    let step = Memo::new(move |_| {
        version.with(|v| {
            v.as_ref()
                .and_then(|v| edit::steps(v).find(|s| s.id == step_id).cloned())
        })
    });
    view! {
        <li class="step card" class:editing=move || draft.get() data-step=step_id.to_string()>
            {move || if draft.get() {
                view! { <StepFields process_id step_id step/> }.into_any()
            } else {
                view! { <StepSummary step/> }.into_any()
            }}
        </li>
    }
}

#[component]
fn StepSummary(step: Memo<Option<Step>>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let get = move |f: fn(&Step, Lang) -> String| {
        move || step.with(|s| s.as_ref().map(|s| f(s, c.lang.get())).unwrap_or_default())
    };
    let role = move || {
        let role_id = step.with(|s| s.as_ref().and_then(|s| s.role_id));
        app.data.with(|d| {
            d.roles
                .iter()
                .find(|r| Some(r.id) == role_id)
                .map(|r| pick(&r.name, c.lang.get()).to_string())
        })
    };
    let limit = move || {
        step.with(|s| {
            s.as_ref()
                .map(|s| format_minutes(s.time_limit_s, c.lang.get()))
        })
        .unwrap_or_default()
    };
    let tier = move || step.with(|s| s.as_ref().map(|s| c.t(labels::tier(s.tier))()));
    let nva = move || step.with(|s| s.as_ref().is_some_and(|s| !s.value_adding));
    view! {
        <h3>{get(|s, l| pick(&s.name, l).to_string())}</h3>
        <p class="muted small">{role}" · "{limit}" min · "{tier}
            <Show when=nva>" · "<span class="tag-nva">{c.t(Key::StepNonValueAdding)}</span></Show>
        </p>
        <p>{get(|s, l| pick(&s.standard, l).to_string())}</p>
    }
}

#[component]
fn StepFields(process_id: Id, step_id: Id, step: Memo<Option<Step>>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let id = step_id;
    let dom = move |field: &str| format!("step-{id}-{field}");
    let change = move |f: Box<dyn FnOnce(&mut Step)>| {
        save_draft(app, process_id, move |v| {
            if let Some(s) = edit::step_mut(v, id) {
                f(s);
            }
        })
    };
    let read = move |f: fn(&Step, Lang) -> String| {
        move || step.with(|s| s.as_ref().map(|s| f(s, c.lang.get())).unwrap_or_default())
    };
    let is = move |f: fn(&Step) -> bool| move || step.with(|s| s.as_ref().is_some_and(f));
    let roles = move || {
        app.data.with(|d| {
            d.roles
                .iter()
                .map(|r| (r.id, pick(&r.name, c.lang.get()).to_string()))
                .collect::<Vec<_>>()
        })
    };
    let role_id = move || step.with(|s| s.as_ref().and_then(|s| s.role_id));
    let tier = move || step.with(|s| s.as_ref().map(|s| s.tier));
    let moved = move |delta: i8| {
        save_draft(app, process_id, move |v| {
            let _ = edit::move_step(v, id, delta);
        });
        // The card moves in the page; keep keyboard focus on the button that moved it.
        let button = dom(if delta < 0 { "up" } else { "down" });
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&button) {
                let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
    };
    let remove = move |_| {
        let sure = window()
            .confirm_with_message(Key::StepRemoveConfirm.text(c.lang.get_untracked()))
            .unwrap_or(false);
        if sure {
            save_draft(app, process_id, move |v| {
                let _ = edit::remove_step(v, id);
            });
        }
    };
    view! {
        <div class="form-grid">
            <div class="span-2">
                <label for=dom("name")>{c.t(Key::StepName)}</label>
                <input id=dom("name") type="text" maxlength="80" data-field="name"
                    prop:value=shown(dom("name"), read(|s, l| pick(&s.name, l).to_string()))
                    on:input=move |ev| { let v = event_target_value(&ev); let l = c.lang.get_untracked(); change(Box::new(move |s| set_local(&mut s.name, l, v))); }/>
            </div>
            <div>
                <label for=dom("role")>{c.t(Key::StepRole)}</label>
                <select id=dom("role") data-field="role" on:change=move |ev| {
                    let v = event_target_value(&ev).parse::<Id>().ok();
                    change(Box::new(move |s| s.role_id = v));
                }>
                    <option value="" selected=move || role_id().is_none()>{c.t(Key::StepNoRole)}</option>
                    {move || roles().into_iter().map(|(rid, n)| view! {
                        <option value=rid.to_string() selected=move || role_id() == Some(rid)>{n}</option>
                    }).collect_view()}
                </select>
            </div>
            <div>
                <label for=dom("limit")>{c.t(Key::StepTimeLimit)}</label>
                <input id=dom("limit") type="number" min="0.5" step="0.5" inputmode="decimal" data-field="limit"
                    prop:value=shown(dom("limit"), read(|s, _| (s.time_limit_s as f64 / 60.0).to_string()))
                    on:input=move |ev| {
                        let secs = event_target_value(&ev).parse::<f64>().map(|m| (m * 60.0).round().max(0.0) as u32).unwrap_or(0);
                        change(Box::new(move |s| s.time_limit_s = secs));
                    }/>
            </div>
            <div class="span-2">
                <label for=dom("standard")>{c.t(Key::StepStandard)}</label>
                <textarea id=dom("standard") rows="2" data-field="standard"
                    prop:value=shown(dom("standard"), read(|s, l| pick(&s.standard, l).to_string()))
                    on:input=move |ev| { let v = event_target_value(&ev); let l = c.lang.get_untracked(); change(Box::new(move |s| set_local(&mut s.standard, l, v))); }></textarea>
            </div>
            <div>
                <label for=dom("tier")>{c.t(Key::StepTier)}</label>
                <select id=dom("tier") data-field="tier" on:change=move |ev| {
                    let t = match event_target_value(&ev).as_str() { "standard" => Tier::Standard, "custom" => Tier::Custom, _ => Tier::Basic };
                    change(Box::new(move |s| s.tier = t));
                }>
                    {[(Tier::Basic, "basic"), (Tier::Standard, "standard"), (Tier::Custom, "custom")].into_iter().map(|(t, v)| view! {
                        <option value=v selected=move || tier() == Some(t)>{c.t(labels::tier(t))}</option>
                    }).collect_view()}
                </select>
            </div>
            <label class="check">
                <input type="checkbox" data-field="value-adding" prop:checked=is(|s| s.value_adding)
                    on:change=move |ev| { let on = event_target_checked(&ev); change(Box::new(move |s| s.value_adding = on)); }/>
                {c.t(Key::StepValueAdding)}
            </label>
            <Show when=is(|s| s.tier == Tier::Standard)>
                <div class="span-2">
                    <label for=dom("options")>{c.t(Key::StepOptions)}</label>
                    <textarea id=dom("options") rows="3" data-field="options"
                        prop:value=shown(dom("options"), read(|s, l| option_lines(&s.options, l)))
                        on:input=move |ev| {
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
            </Show>
            <div>
                <label for=dom("inputs")>{c.t(Key::StepInputs)}</label>
                <textarea id=dom("inputs") rows="2" data-field="inputs" prop:value=shown(dom("inputs"), read(|s, _| s.inputs.join("\n")))
                    on:input=move |ev| { let v = lines(&event_target_value(&ev)); change(Box::new(move |s| s.inputs = v)); }></textarea>
            </div>
            <div>
                <label for=dom("outputs")>{c.t(Key::StepOutputs)}</label>
                <textarea id=dom("outputs") rows="2" data-field="outputs" prop:value=shown(dom("outputs"), read(|s, _| s.outputs.join("\n")))
                    on:input=move |ev| { let v = lines(&event_target_value(&ev)); change(Box::new(move |s| s.outputs = v)); }></textarea>
            </div>
        </div>
        <div class="row-actions">
            <button type="button" class="secondary" id=dom("up") data-action="up" on:click=move |_| moved(-1)>"↑ "{c.t(Key::StepMoveUp)}</button>
            <button type="button" class="secondary" id=dom("down") data-action="down" on:click=move |_| moved(1)>"↓ "{c.t(Key::StepMoveDown)}</button>
            <button type="button" class="danger" data-action="remove" on:click=remove>
                {c.t(Key::StepRemove)}
            </button>
        </div>
    }
}
