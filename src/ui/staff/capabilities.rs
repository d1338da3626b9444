//! The capability model: what the business scores its staff on, each with a description, a
//! guide to what 1–5 look like, a target, and the survey dimensions customers speak to it by.

use super::super::app_data::app_data;
use super::super::conflict::ConflictPrompt;
use super::super::{browser, ctx, labels};
use super::{StaffTabs, View};
use crate::charts::radar::AXES;
use crate::domain::capabilities::{default_capabilities, DEFAULT_TARGET};
use crate::domain::capability as cap;
use crate::domain::edit::{self, Rebased};
use crate::domain::model::{Capability, Dimension, Id, LocalText};
use crate::domain::sort;
use crate::domain::Data;
use crate::i18n::{pick, Key};
use crate::route::Section;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Writes one edited field into the draft.
type Setter = Box<dyn Fn(&mut Capability, String)>;

/// Targets offered: half steps on the 1–5 guide.
const TARGETS: [f64; 9] = [1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0];

#[component]
pub fn CapabilitiesPage() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let ids = Memo::new(move |_| {
        app.data.with(|d| {
            let mut caps: Vec<&Capability> = d.capabilities.iter().collect();
            sort::by_key(&mut caps, |c| (c.archived, c.created_at, c.id));
            caps.into_iter().map(|c| c.id).collect::<Vec<_>>()
        })
    });
    let in_use = Memo::new(move |_| app.data.with(|d| cap::in_use(&d.capabilities).len()));
    let add = move |_| {
        let now = browser::now();
        app.save_later(Data {
            capabilities: vec![Capability {
                id: browser::new_id(),
                created_at: now,
                updated_at: now,
                name: LocalText::new("新能力", "New capability"),
                description: LocalText::default(),
                guide: vec![LocalText::default(); 5],
                target: DEFAULT_TARGET,
                dimensions: Vec::new(),
                archived: false,
            }],
            ..Data::default()
        });
    };
    view! {
        <section class="page" data-page=Section::Staff.slug()>
            <h1>{c.t(Key::CapabilitiesTitle)}</h1>
            <StaffTabs current=View::Capabilities/>
            <p class="lead">{c.t(Key::CapabilitiesHelp)}</p>
            <Show when=move || { let n = in_use.get(); n > 0 && !AXES.contains(&n) }>
                <p class="alert alert-warn" role="status">{c.t(Key::RadarAxisCount)}</p>
            </Show>
            <Show when=move || ids.with(Vec::is_empty)>
                <NoCapabilities/>
            </Show>
            <For each=move || ids.get() key=|id| *id let:id>
                <CapabilityCard id/>
            </For>
            <button type="button" on:click=add data-testid="add-capability">{c.t(Key::CapabilityAdd)}</button>
        </section>
    }
}

/// Shown where capabilities are needed and there are none: one tap adds the six defaults.
#[component]
pub fn NoCapabilities() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let use_defaults = move |_| {
        app.save_later(Data {
            capabilities: default_capabilities(&mut browser::new_id, browser::now()),
            ..Data::default()
        });
    };
    view! {
        <div class="card" data-testid="no-capabilities">
            <p>{c.t(Key::CapabilitiesNone)}</p>
            <button type="button" on:click=use_defaults data-testid="use-default-capabilities">{c.t(Key::CapabilitiesDefaults)}</button>
        </div>
    }
}

/// One capability's editor. Its fields are read once: the list is keyed by id, so saving
/// another card never resets this one.
#[component]
fn CapabilityCard(id: Id) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let Some(original) = app
        .data
        .with_untracked(|d| d.capabilities.iter().find(|c| c.id == id).cloned())
    else {
        return ().into_any();
    };
    // The version the card was read from: a save puts only what changed here on what is
    // stored (`edit::rebase`), and asks when another tab changed the same field.
    let base = StoredValue::new(original.clone());
    let draft = RwSignal::new(original);
    let saved = RwSignal::new(false);
    let conflict = RwSignal::new(false);
    let archived = Memo::new(move |_| draft.with(|d| d.archived));
    let text = move |get: fn(&Capability) -> &String| move || draft.with(|d| get(d).clone());
    let edit = move |f: Setter| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            draft.update(|d| f(d, v));
            saved.set(false);
        }
    };
    let stored = move || {
        app.data
            .with_untracked(|d| d.capabilities.iter().find(|c| c.id == id).cloned())
    };
    let write = move |record: Capability| {
        conflict.set(false);
        base.set_value(record.clone());
        draft.set(record.clone());
        spawn_local(async move {
            let changes = Data {
                capabilities: vec![record],
                ..Data::default()
            };
            saved.set(app.save(changes, Vec::new()).await.is_ok());
        });
    };
    let save = move |archive: Option<bool>| {
        if let Some(a) = archive {
            draft.update(|d| d.archived = a);
        }
        let mine = draft.get_untracked();
        match edit::rebase(&base.get_value(), mine, stored().as_ref(), browser::now()) {
            Rebased::Write(r) => write(r),
            Rebased::Conflict => conflict.set(true),
        }
    };
    let reload = move || {
        if let Some(theirs) = stored() {
            base.set_value(theirs.clone());
            draft.set(theirs);
        }
        conflict.set(false);
    };
    let keep = move || {
        if let Some(theirs) = stored() {
            write(edit::stamped(
                draft.get_untracked(),
                theirs.updated_at,
                browser::now(),
            ));
        }
    };
    let field = move |label: Key,
                      name: &'static str,
                      value: Box<dyn Fn() -> String + Send + Sync>,
                      on: Setter| {
        let input_id = format!("cap-{id}-{name}");
        view! {
            <label for=input_id.clone()>{c.t(label)}</label>
            <input id=input_id data-field=name prop:value=value on:change=edit(on)/>
        }
    };
    let heading = move || pick(&draft.with(|d| d.name.clone()), c.lang.get()).to_string();
    view! {
        <form class="card form-grid capability" data-capability=id.to_string() class:archived=move || archived.get()
            on:submit=move |ev| { ev.prevent_default(); save(None); }>
            <h2>{heading}{move || archived.get().then(|| view! { " ("{c.t(Key::ProcArchived)}")" })}</h2>
            {field(Key::CapabilityNameZh, "name-zh", Box::new(text(|d| &d.name.zh)), Box::new(|d, v| d.name.zh = v))}
            {field(Key::CapabilityNameEn, "name-en", Box::new(text(|d| &d.name.en)), Box::new(|d, v| d.name.en = v))}
            {field(Key::CapabilityDescZh, "desc-zh", Box::new(text(|d| &d.description.zh)), Box::new(|d, v| d.description.zh = v))}
            {field(Key::CapabilityDescEn, "desc-en", Box::new(text(|d| &d.description.en)), Box::new(|d, v| d.description.en = v))}
            <label for=format!("cap-{id}-target")>{c.t(Key::CapabilityTarget)}</label>
            <select id=format!("cap-{id}-target") data-field="target"
                on:change=move |ev| {
                    if let Ok(t) = event_target_value(&ev).parse::<f64>() {
                        draft.update(|d| d.target = t);
                        saved.set(false);
                    }
                }>
                {TARGETS.into_iter().map(|t| view! {
                    <option value=t.to_string() selected=move || draft.with(|d| (d.target - t).abs() < 1e-9)>{format!("{t:.1}")}</option>
                }).collect_view()}
            </select>
            <fieldset class="choices">
                <legend>{c.t(Key::CapabilityDimensions)}</legend>
                {Dimension::SERVQUAL.into_iter().map(|dim| {
                    let on = dim.clone();
                    let checked = dim.clone();
                    view! {
                        <label class="check">
                            <input type="checkbox"
                                prop:checked=move || draft.with(|d| d.dimensions.contains(&checked))
                                on:change=move |ev| {
                                    let yes = event_target_checked(&ev);
                                    let dim = on.clone();
                                    draft.update(|d| {
                                        d.dimensions.retain(|x| *x != dim);
                                        if yes { d.dimensions.push(dim); }
                                    });
                                    saved.set(false);
                                }/>
                            {c.t(labels::dimension(&dim))}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <details class="guide">
                <summary>{c.t(Key::CapabilityGuide)}</summary>
                {(0..5usize).map(|i| {
                    let level = i + 1;
                    view! {
                        <p class="small"><strong>{level}</strong></p>
                        {field(Key::CapabilityGuideZh, ["guide-zh-1", "guide-zh-2", "guide-zh-3", "guide-zh-4", "guide-zh-5"][i],
                            Box::new(move || draft.with(|d| d.guide.get(i).map(|g| g.zh.clone()).unwrap_or_default())),
                            Box::new(move |d, v| { d.guide.resize(5, LocalText::default()); d.guide[i].zh = v; }))}
                        {field(Key::CapabilityGuideEn, ["guide-en-1", "guide-en-2", "guide-en-3", "guide-en-4", "guide-en-5"][i],
                            Box::new(move || draft.with(|d| d.guide.get(i).map(|g| g.en.clone()).unwrap_or_default())),
                            Box::new(move |d, v| { d.guide.resize(5, LocalText::default()); d.guide[i].en = v; }))}
                    }
                }).collect_view()}
            </details>
            <div class="row-actions">
                <button type="submit" data-testid="save-capability">{c.t(Key::Save)}</button>
                <button type="button" class="button-secondary" data-testid="archive-capability"
                    on:click=move |_| save(Some(!archived.get_untracked()))>
                    {move || if archived.get() { c.t(Key::ProcUnarchive)() } else { c.t(Key::ProcArchive)() }}
                </button>
            </div>
            <Show when=move || conflict.get()>
                <ConflictPrompt on_reload=reload on_keep=keep/>
            </Show>
            <Show when=move || saved.get()>
                <p class="alert alert-ok" role="status">{c.t(Key::Saved)}</p>
            </Show>
        </form>
    }
    .into_any()
}
