//! 设置 Settings: the business's name and KPI targets (a workspace record in IndexedDB), and the language.

use super::app_data::app_data;
use super::shell::LangSwitch;
use super::{browser, ctx};
use crate::domain::model::{Targets, Workspace, WORKSPACE_ID};
use crate::domain::{pin, Data};
use crate::i18n::Key;
use crate::route::Section;
use crate::storage::kiosk as kiosk_store;
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
            <KioskSettingsCard/>
            <div class="card">
                <h2>{c.t(Key::Language)}</h2>
                <div class="lang-card"><LangSwitch/></div>
            </div>
        </section>
    }
}

/// The kiosk's PIN (kept only as a salted PBKDF2 hash), idle timeout and partial-survey rule.
#[component]
fn KioskSettingsCard() -> impl IntoView {
    let c = ctx();
    let kiosk = RwSignal::new(kiosk_store::load());
    let pin_entry = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, Key)>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut k = kiosk.get_untracked();
        let entered = pin_entry.get_untracked();
        if !entered.is_empty() {
            if !pin::is_valid(&entered) {
                message.set(Some((false, Key::KioskPinInvalid)));
                return;
            }
            let salt = *browser::new_id().as_bytes();
            k.pin = Some(pin::hash(&entered, &salt, pin::ROUNDS));
            k.failures = 0;
            k.locked_until = 0.0;
        }
        match kiosk_store::save(&k) {
            Ok(()) => {
                kiosk.set(k);
                pin_entry.set(String::new());
                message.set(Some((true, Key::KioskSettingsSaved)));
            }
            Err(_) => message.set(Some((false, Key::ErrQuota))),
        }
    };
    view! {
        <form class="card form" on:submit=save data-testid="kiosk-settings">
            <h2>{c.t(Key::KioskSettingsTitle)}</h2>
            <p class="muted" data-testid="pin-state">{move || c.t(if kiosk.with(|k| k.pin.is_some()) { Key::KioskPinSet } else { Key::KioskPinNotSet })()}</p>
            <label for="new-pin">{c.t(Key::KioskPinNew)}</label>
            <input id="new-pin" type="password" inputmode="numeric" autocomplete="new-password" maxlength="8"
                prop:value=pin_entry on:input=move |ev| pin_entry.set(event_target_value(&ev))/>
            <label for="idle-seconds">{c.t(Key::KioskIdle)}</label>
            <input id="idle-seconds" type="number" min="10" max="600" step="1"
                prop:value=move || kiosk.with(|k| k.idle_seconds.to_string())
                on:change=move |ev| {
                    let v = event_target_value(&ev).parse::<u32>().unwrap_or(60).clamp(10, 600);
                    kiosk.update(|k| k.idle_seconds = v);
                }/>
            <label class="check">
                <input type="checkbox" prop:checked=move || kiosk.with(|k| k.keep_partial)
                    on:change=move |ev| { let on = event_target_checked(&ev); kiosk.update(|k| k.keep_partial = on); }/>
                {c.t(Key::KioskKeepPartial)}
            </label>
            <button type="submit" data-testid="save-kiosk">{c.t(Key::Save)}</button>
            {move || message.get().map(|(ok, k)| view! {
                <p class=if ok { "alert alert-ok" } else { "alert alert-error" } role="status">{c.t(k)}</p>
            })}
        </form>
    }
}
