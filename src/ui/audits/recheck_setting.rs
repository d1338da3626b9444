//! The re-check interval in Settings: 7–15 days after a failed audit; anything else is
//! refused with its range and nothing is saved.

use super::super::app_data::app_data;
use super::super::ctx;
use crate::domain::audit;
use crate::i18n::Key;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn RecheckSettingCard() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let typed = RwSignal::new(None::<String>);
    let shown = move || {
        typed
            .get()
            .unwrap_or_else(|| app.data.with(audit::recheck_days).to_string())
    };
    let message = RwSignal::new(None::<bool>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(setting) = audit::recheck_setting_typed(&shown()) else {
            return message.set(Some(false));
        };
        spawn_local(async move {
            if app.save_workspace(|w| w.audits = setting).await.is_ok() {
                typed.set(None);
                message.set(Some(true));
            }
        });
    };
    view! {
        <form class="card form" novalidate on:submit=save data-testid="recheck-setting">
            <h2>{c.t(Key::NavAudits)}</h2>
            <label for="recheck-days">{c.t(Key::RecheckDaysLabel)}</label>
            <input id="recheck-days" type="number" min="7" max="15" step="1" inputmode="numeric"
                prop:value=shown on:input=move |ev| { typed.set(Some(event_target_value(&ev))); message.set(None); }/>
            <button type="submit" data-testid="save-recheck-days">{c.t(Key::Save)}</button>
            {move || message.get().map(|ok| if ok {
                view! { <p class="alert alert-ok" role="status" data-testid="recheck-message">{c.t(Key::Saved)}</p> }.into_any()
            } else {
                view! { <p class="alert alert-error" role="alert" data-testid="recheck-message">{c.t(Key::RecheckDaysBad)}</p> }.into_any()
            })}
        </form>
    }
}
