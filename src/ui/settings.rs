//! 设置 Settings: the business's name and KPI targets (a workspace record in IndexedDB), and the language.

use super::app_data::app_data;
use super::shell::LangSwitch;
use super::{browser, ctx};
use crate::domain::pin;
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
        let name = name.get_untracked().trim().to_string();
        spawn_local(async move {
            let ok = app.save_workspace(|w| w.business_name = name).await.is_ok();
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
            <super::targets::TargetsCard/>
            <super::alert_rules::AlertRulesCard/>
            <super::audits::RecheckSettingCard/>
            <KioskSettingsCard/>
            <super::locations::LocationsCard/>
            <super::sync::SyncCard/>
            <div class="card">
                <h2>{c.t(Key::Language)}</h2>
                <div class="lang-card"><LangSwitch/></div>
            </div>
        </section>
    }
}

/// The kiosk's PIN (kept only as a salted PBKDF2 hash), idle timeout and partial-survey rule.
/// Changing or removing a PIN needs the current one: Settings may be open on an unattended tablet.
#[component]
fn KioskSettingsCard() -> impl IntoView {
    let c = ctx();
    let kiosk = RwSignal::new(kiosk_store::load());
    let current_pin = RwSignal::new(String::new());
    let pin_entry = RwSignal::new(String::new());
    let idle = RwSignal::new(kiosk.get_untracked().idle_seconds.to_string());
    let message = RwSignal::new(None::<(bool, Key)>);
    // A weak PIN is kept only when Save is pressed again for the same PIN after the warning.
    let warned_weak = RwSignal::new(None::<String>);
    let has_pin = move || kiosk.with(|k| k.pin.is_some());
    let current_ok = move || {
        let stored = kiosk_store::load();
        match stored.pin {
            Some(p) => pin::verify(&current_pin.get_untracked(), &p),
            None => true,
        }
    };
    let store =
        move |change: Box<dyn FnOnce(&mut kiosk_store::KioskSettings)>| match kiosk_store::update(
            change,
        ) {
            Ok(()) => {
                kiosk.set(kiosk_store::load());
                current_pin.set(String::new());
                pin_entry.set(String::new());
                warned_weak.set(None);
                message.set(Some((true, Key::KioskSettingsSaved)));
            }
            Err(_) => message.set(Some((false, Key::ErrQuota))),
        };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(idle_seconds) = idle
            .get_untracked()
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|s| (IDLE_MIN..=IDLE_MAX).contains(s))
        else {
            message.set(Some((false, Key::KioskIdleInvalid)));
            return;
        };
        let keep_partial = kiosk.get_untracked().keep_partial;
        let entered = pin_entry.get_untracked();
        let new_pin = if entered.is_empty() {
            None
        } else if !pin::is_valid(&entered) {
            message.set(Some((false, Key::KioskPinInvalid)));
            return;
        } else if !current_ok() {
            message.set(Some((false, Key::KioskPinCurrentWrong)));
            return;
        } else if pin::is_weak(&entered) && warned_weak.get_untracked().as_deref() != Some(&entered)
        {
            warned_weak.set(Some(entered));
            message.set(Some((false, Key::KioskPinWeak)));
            return;
        } else {
            let salt = *browser::new_id().as_bytes();
            Some(pin::hash(&entered, &salt, pin::ROUNDS))
        };
        store(Box::new(move |k| {
            k.idle_seconds = idle_seconds;
            k.keep_partial = keep_partial;
            if let Some(p) = new_pin {
                k.pin = Some(p);
                k.failures = 0;
                k.locked_until = 0.0;
            }
        }));
    };
    let remove = move |_| {
        if !current_ok() {
            message.set(Some((false, Key::KioskPinCurrentWrong)));
            return;
        }
        store(Box::new(|k| {
            k.pin = None;
            k.failures = 0;
            k.locked_until = 0.0;
        }));
    };
    view! {
        <form class="card form" novalidate on:submit=save data-testid="kiosk-settings">
            <h2>{c.t(Key::KioskSettingsTitle)}</h2>
            <p class="muted" data-testid="pin-state">{move || c.t(if has_pin() { Key::KioskPinSet } else { Key::KioskPinNotSet })()}</p>
            <Show when=has_pin>
                <label for="current-pin">{c.t(Key::KioskPinCurrent)}</label>
                <input id="current-pin" type="password" inputmode="numeric" autocomplete="current-password" maxlength="8"
                    prop:value=current_pin on:input=move |ev| current_pin.set(event_target_value(&ev))/>
            </Show>
            <label for="new-pin">{c.t(Key::KioskPinNew)}</label>
            <input id="new-pin" type="password" inputmode="numeric" autocomplete="new-password" maxlength="8"
                aria-describedby="new-pin-help"
                prop:value=pin_entry on:input=move |ev| pin_entry.set(event_target_value(&ev))/>
            <p class="muted" id="new-pin-help">{c.t(Key::KioskPinAdvice)}</p>
            <label for="idle-seconds">{c.t(Key::KioskIdle)}</label>
            <input id="idle-seconds" type="number" min=IDLE_MIN max=IDLE_MAX step="1"
                prop:value=idle on:input=move |ev| idle.set(event_target_value(&ev))/>
            <label class="check">
                <input type="checkbox" prop:checked=move || kiosk.with(|k| k.keep_partial)
                    on:change=move |ev| { let on = event_target_checked(&ev); kiosk.update(|k| k.keep_partial = on); }/>
                {c.t(Key::KioskKeepPartial)}
            </label>
            <div class="row-actions">
                <button type="submit" data-testid="save-kiosk">{c.t(Key::Save)}</button>
                <Show when=has_pin>
                    <button type="button" class="secondary" data-testid="remove-pin" on:click=remove>{c.t(Key::KioskPinRemove)}</button>
                </Show>
            </div>
            {move || message.get().map(|(ok, k)| view! {
                <p class=if ok { "alert alert-ok" } else { "alert alert-error" } role="status" data-testid="kiosk-settings-message">{c.t(k)}</p>
            })}
        </form>
    }
}

const IDLE_MIN: u32 = 10;
const IDLE_MAX: u32 = 600;
