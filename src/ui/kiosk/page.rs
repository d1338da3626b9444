//! The kiosk's page, `kiosk.html`: the kiosk alone, with the few records it shows. Any
//! other address belongs to the manager's page, where an unlocked kiosk sends it.

use super::records::KioskRecords;
use super::Kiosk;
use crate::route::Route;
use crate::ui::{kiosk_lock, provide_ctx};
use leptos::prelude::*;

pub fn mount() {
    leptos::mount::mount_to_body(KioskPage);
}

#[component]
fn KioskPage() -> impl IntoView {
    let c = provide_ctx();
    provide_context(KioskRecords::new());
    let shown = kiosk_lock::shown(c.kiosk_lock, c.route);
    move || match shown.get() {
        Route::Kiosk(survey) => view! { <Kiosk survey/> }.into_any(),
        other => {
            kiosk_lock::go(&other);
            ().into_any()
        }
    }
}
