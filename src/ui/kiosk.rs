//! The customer-facing screen: no navigation; leaving needs the manager.

use super::{ctx, shell::LangSwitch};
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn Kiosk() -> impl IntoView {
    let c = ctx();
    view! {
        <main id="main" class="kiosk" data-page="kiosk">
            <div class="kiosk-top"><LangSwitch/></div>
            <h1 class="kiosk-title">{c.t(Key::KioskTitle)}</h1>
            <p class="kiosk-message">{c.t(Key::KioskNoSurvey)}</p>
        </main>
    }
}
