//! The kiosk lock: device state, not page state. While a survey is handed to customers, every
//! route, every history entry and every new tab shows that kiosk; only the manager PIN ends it.
//! The browser's address bar and tab switcher are the operating system's to shut (screen
//! pinning, Guided Access); this keeps everything inside the page shut.

use crate::route::Route;
use crate::storage::kiosk as stored;
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::JsValue;

thread_local! {
    /// Whether the entry the Back button would leave to is a kiosk entry of ours.
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

/// Reads the stored lock, follows it across tabs, and keeps the route on the kiosk while it
/// holds. Returns the lock: the survey id this device is locked to.
pub fn install(route: RwSignal<Route>) -> RwSignal<Option<String>> {
    let lock = RwSignal::new(stored::locked());
    // Another tab locked or unlocked (a manager tab left open beside the kiosk locks too).
    let storage = window_event_listener_untyped("storage", move |_| lock.set(stored::locked()));
    // Back and forward land on entries of this page: put the kiosk back in their place.
    let pop = window_event_listener_untyped("popstate", move |_| {
        if lock.get_untracked().is_some() {
            GUARDED.set(false);
        }
    });
    // Only a user gesture may add a history entry the Back button stops at, so the guard is
    // re-armed on the customer's next touch or key.
    let arm = move |_| {
        if let Some(id) = lock.get_untracked() {
            guard(&id);
        }
    };
    let touch = window_event_listener_untyped("pointerdown", arm);
    let key = window_event_listener_untyped("keydown", arm);
    on_cleanup(move || {
        storage.remove();
        pop.remove();
        touch.remove();
        key.remove();
    });
    Effect::new(move |_| {
        if let Some(id) = lock.get() {
            let kiosk = Route::Kiosk(Some(id));
            if route.get() != kiosk {
                replace_url(&kiosk.href());
                route.set(kiosk);
            }
        }
    });
    lock
}

/// The route to show: the locked kiosk whatever the address says.
pub fn shown(lock: RwSignal<Option<String>>, route: RwSignal<Route>) -> Memo<Route> {
    Memo::new(move |_| match lock.get() {
        Some(id) => Route::Kiosk(Some(id)),
        None => route.get(),
    })
}

/// Locks this device to `survey`. Called from the shift screen's tap, a user gesture.
pub fn lock(lock: RwSignal<Option<String>>, survey: &str) -> Result<(), String> {
    stored::set_locked(Some(survey))?;
    GUARDED.set(false);
    guard(survey);
    lock.set(Some(survey.to_string()));
    Ok(())
}

/// Ends the lock (after the PIN) and goes to `to`, on the manager's page.
pub fn unlock(lock: RwSignal<Option<String>>, to: &Route) {
    let _ = stored::set_locked(None);
    GUARDED.set(false);
    lock.set(None);
    let _ = window().location().set_href(&to.url());
}

/// The kiosk to show instead of `route`: the one this device is locked to, or `route` itself
/// when it is a kiosk address.
pub fn kiosk_route(route: &Route) -> Option<Route> {
    match (stored::locked(), route) {
        (Some(id), _) => Some(Route::Kiosk(Some(id))),
        (None, Route::Kiosk(_)) => Some(route.clone()),
        (None, _) => None,
    }
}

/// Goes to `route` on its own page, in place of this entry: the Back button does not
/// return to an address that only forwarded.
pub fn go(route: &Route) {
    let _ = window().location().replace(&route.url());
}

fn guard(survey: &str) {
    if GUARDED.get() {
        return;
    }
    let href = Route::Kiosk(Some(survey.to_string())).href();
    if let Ok(history) = window().history() {
        if history
            .push_state_with_url(&JsValue::NULL, "", Some(&href))
            .is_ok()
        {
            GUARDED.set(true);
        }
    }
}

fn replace_url(href: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(href));
    }
}
