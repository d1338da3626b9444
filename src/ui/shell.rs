//! The manager's frame: header with the business name, navigation, the current section.

use super::{ctx, section::SectionPage};
use crate::i18n::{Key, Lang};
use crate::route::{Route, Section};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub fn nav_key(section: Section) -> Key {
    match section {
        Section::Dashboard => Key::NavDashboard,
        Section::Processes => Key::NavProcesses,
        Section::Surveys => Key::NavSurveys,
        Section::Feedback => Key::NavFeedback,
        Section::Staff => Key::NavStaff,
        Section::Improvement => Key::NavImprovement,
        Section::Reports => Key::NavReports,
        Section::Data => Key::NavData,
        Section::Settings => Key::NavSettings,
    }
}

#[component]
pub fn Shell(route: Route) -> impl IntoView {
    let c = ctx();
    let current = match &route {
        Route::Section(s) => Some(*s),
        _ => None,
    };
    let body = match route {
        Route::Section(s) => view! { <SectionPage section=s/> }.into_any(),
        _ => view! { <NotFound/> }.into_any(),
    };
    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            if let Some(main) = document().get_element_by_id("main") {
                let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }>{c.t(Key::SkipToContent)}</a>
        <header class="app-header">
            <div class="brand">
                <span class="brand-name">{c.t(Key::DefaultBusinessName)}</span>
                <span class="brand-app">{c.t(Key::AppName)}</span>
            </div>
            <div class="header-tools">
                <LangSwitch/>
                <a class="button button-secondary" href=Route::Kiosk.href()>{c.t(Key::OpenKiosk)}</a>
            </div>
        </header>
        <nav class="app-nav" aria-label=c.t(Key::MainNavigation)>
            <ul>
                {Section::ALL.into_iter().map(|s| view! {
                    <li>
                        <a href=Route::Section(s).href()
                            class="nav-link"
                            data-section=s.slug()
                            aria-current=move || (current == Some(s)).then_some("page")>
                            {c.t(nav_key(s))}
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        </nav>
        <main id="main" class="app-main" tabindex="-1">{body}</main>
    }
}

#[component]
pub fn LangSwitch() -> impl IntoView {
    let c = ctx();
    view! {
        <div class="lang-switch" role="group" aria-label=c.t(Key::Language)>
            {Lang::ALL.into_iter().map(|l| view! {
                <button type="button" class="lang-option"
                    lang=l.code()
                    aria-pressed=move || (c.lang.get() == l).to_string()
                    on:click=move |_| c.set_lang(l)>
                    {l.endonym()}
                </button>
            }).collect_view()}
        </div>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let c = ctx();
    view! {
        <section class="page">
            <h1>{c.t(Key::NotFoundTitle)}</h1>
            <p>{c.t(Key::NotFoundBody)}</p>
            <a class="button" href=Route::Section(Section::Dashboard).href()>{c.t(Key::BackToDashboard)}</a>
        </section>
    }
}
