//! 设置 Settings: the business's name and KPI targets (a workspace record in IndexedDB), and the language.

use super::app_data::app_data;
use super::shell::LangSwitch;
use super::{browser, ctx};
use crate::domain::model::{Targets, Workspace, WORKSPACE_ID};
use crate::domain::Data;
use crate::i18n::Key;
use crate::route::Section;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let current = move || app.data.with(|d| d.workspace().cloned());
    let name = RwSignal::new(String::new());
    // Follow the stored value (also when another tab changes it) unless the user is typing.
    let dirty = RwSignal::new(false);
    Effect::new(move |_| {
        let stored = current().map(|w| w.business_name).unwrap_or_default();
        if !dirty.get_untracked() {
            name.set(stored);
        }
    });
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = browser::now();
        let workspace = match current() {
            Some(w) => Workspace {
                business_name: name.get_untracked().trim().to_string(),
                updated_at: now,
                ..w
            },
            None => Workspace {
                id: WORKSPACE_ID,
                created_at: now,
                updated_at: now,
                business_name: name.get_untracked().trim().to_string(),
                industry: String::new(),
                targets: Targets::default(),
            },
        };
        spawn_local(async move {
            let changes = Data {
                workspace: vec![workspace],
                ..Data::default()
            };
            let ok = app.save(changes, Vec::new()).await.is_ok();
            saved.set(ok);
            if ok {
                dirty.set(false);
            }
        });
    };
    view! {
        <section class="page" data-page=Section::Settings.slug()>
            <h1>{c.t(Key::NavSettings)}</h1>
            <form class="card form" on:submit=save>
                <h2>{c.t(Key::BusinessTitle)}</h2>
                <label for="business-name">{c.t(Key::BusinessName)}</label>
                <input id="business-name" type="text" maxlength="80" autocomplete="organization"
                    prop:value=name
                    on:input=move |ev| { name.set(event_target_value(&ev)); dirty.set(true); saved.set(false); }/>
                <button type="submit" data-testid="save-business">{c.t(Key::Save)}</button>
                <Show when=move || saved.get()>
                    <p class="alert alert-ok" role="status">{c.t(Key::Saved)}</p>
                </Show>
            </form>
            <div class="card">
                <h2>{c.t(Key::Language)}</h2>
                <div class="lang-card"><LangSwitch/></div>
            </div>
        </section>
    }
}
