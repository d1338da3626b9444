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
mod locations;
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
mod tabs;
mod targets;

use crate::domain::model::LocalText;
use crate::i18n::{pick, Key, Lang};
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

    /// A record's text in the reader's language, re-read when the language changes.
    pub fn pick(self, text: LocalText) -> impl Fn() -> String + 'static {
        move || pick(&text, self.lang.get()).to_string()
    }

    pub fn set_lang(self, lang: Lang) {
        self.lang.set(lang);
        stored::save_lang(lang);
    }
}

pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// The manager's page (`index.html`). A kiosk address, or a device locked to its kiosk, goes
/// to the kiosk's own page before anything else is loaded.
pub fn mount() {
    if let Some(kiosk) = kiosk_lock::kiosk_route(&current_route()) {
        return kiosk_lock::go(&kiosk);
    }
    leptos::mount::mount_to_body(App);
}

/// The kiosk's page (`kiosk.html`), a binary of its own: see docs/ARCHITECTURE.md.
pub fn mount_kiosk() {
    kiosk::mount();
}

fn current_route() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

/// What both pages start with: the language, the route followed from the address, the kiosk
/// lock, and `<html lang>` and the title kept in the reader's language.
pub(crate) fn provide_ctx() -> Ctx {
    let lang = RwSignal::new(stored::load_lang().unwrap_or_else(browser_lang));
    let route = RwSignal::new(current_route());
    let kiosk_lock = kiosk_lock::install(route);
    let ctx = Ctx {
        lang,
        route,
        kiosk_lock,
    };
    provide_context(ctx);
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
    ctx
}

#[component]
fn App() -> impl IntoView {
    let ctx = provide_ctx();
    let app = app_data::AppData::new();
    provide_context(app);
    sync::provide(app);
    let shown = kiosk_lock::shown(ctx.kiosk_lock, ctx.route);
    move || match shown.get() {
        kiosk @ Route::Kiosk(_) => {
            kiosk_lock::go(&kiosk);
            ().into_any()
        }
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
