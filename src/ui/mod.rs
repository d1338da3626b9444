//! The browser UI: one module per feature, all reading the shared `Ctx`.

mod alert_rules;
mod app_data;
mod audits;
mod browser;
mod conflict;
mod dashboard;
mod data;
mod export;
mod feedback;
mod improvement;
mod kiosk;
mod kiosk_lock;
mod labels;
mod processes;
mod query_url;
mod reports;
mod responses;
mod root_cause;
mod settings;
mod shell;
mod staff;
mod surveys;
mod sync;
mod targets;

use crate::i18n::{Key, Lang};
use crate::route::Route;
use crate::storage::settings as stored;
use leptos::prelude::*;

/// What every view reads: the language and the route. Passed by context, not props,
/// because nearly every component needs both.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub lang: RwSignal<Lang>,
    pub route: RwSignal<Route>,
    /// The survey this device's kiosk is locked to; while set, nothing else is shown.
    pub kiosk_lock: RwSignal<Option<String>>,
}

impl Ctx {
    /// A reactive text: re-reads when the language changes.
    pub fn t(self, key: Key) -> impl Fn() -> &'static str + Copy + 'static {
        move || key.text(self.lang.get())
    }

    pub fn set_lang(self, lang: Lang) {
        self.lang.set(lang);
        stored::save_lang(lang);
    }
}

pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}

pub fn mount() {
    leptos::mount::mount_to_body(App);
}

fn current_route() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

#[component]
fn App() -> impl IntoView {
    let lang = RwSignal::new(stored::load_lang().unwrap_or_else(browser_lang));
    let route = RwSignal::new(current_route());
    let kiosk_lock = kiosk_lock::install(route);
    let ctx = Ctx {
        lang,
        route,
        kiosk_lock,
    };
    provide_context(ctx);
    provide_context(app_data::AppData::new());

    let listener =
        window_event_listener(leptos::ev::hashchange, move |_| route.set(current_route()));
    on_cleanup(move || listener.remove());

    // <html lang> lets screen readers and fonts pick the right language.
    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.code());
        }
        document().set_title(Key::AppName.text(lang));
    });

    let shown = kiosk_lock::shown(kiosk_lock, route);
    move || match shown.get() {
        Route::Kiosk(survey) => view! { <kiosk::Kiosk survey/> }.into_any(),
        other => view! { <shell::Shell route=other/> }.into_any(),
    }
}

fn browser_lang() -> Lang {
    let nav = window().navigator();
    let list: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(nav.language())
        .collect();
    Lang::negotiate(list.iter().map(String::as_str))
}
