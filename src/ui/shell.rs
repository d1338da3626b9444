//! The manager's frame: header with the business name, navigation, the current section.

use super::app_data::{app_data, LoadState};
use super::{ctx, labels};
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
        Section::Audits => Key::NavAudits,
        Section::Reports => Key::NavReports,
        Section::Data => Key::NavData,
        Section::Settings => Key::NavSettings,
    }
}

#[component]
pub fn Shell(route: Route) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let business = move || {
        app.data
            .with(|d| d.workspace.first().map(|w| w.business_name.clone()))
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| Key::DefaultBusinessName.text(c.lang.get()).to_string())
    };
    let current = match &route {
        Route::Section(s) | Route::Detail(s, ..) => Some(*s),
        _ => None,
    };
    let nav_list = NodeRef::<leptos::html::Ul>::new();
    Effect::new(move |_| {
        if let Some(list) = nav_list.get() {
            show_current(&list);
        }
    });
    // A detail page reads its record once, when it mounts (forms keep what is typed): a
    // deep link or a reload must not mount it before the records are loaded, or it finds
    // nothing. Latched, so a reload of the records later never unmounts a form.
    let loaded = Memo::new(move |was: Option<&bool>| {
        was.copied().unwrap_or(false) || matches!(app.state.get(), LoadState::Ready)
    });
    let detail = matches!(route, Route::Detail(..));
    let body = move || {
        if detail && !loaded.get() {
            return ().into_any();
        }
        page(route.clone())
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
                <span class="brand-name" data-testid="business-name">{business}</span>
                <span class="brand-app">{c.t(Key::AppName)}</span>
            </div>
            <div class="header-tools">
                <LangSwitch/>
                <a class="button button-secondary" href=Route::Section(Section::Surveys).href()>{c.t(Key::OpenKiosk)}</a>
            </div>
        </header>
        <nav class="app-nav" aria-label=c.t(Key::MainNavigation)>
            <ul node_ref=nav_list>
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
        <main id="main" class="app-main" tabindex="-1" data-state=move || app.state.with(LoadState::code)>
            <StatusBanner/>
            <super::sync::SyncStatus/>
            {body}
        </main>
    }
}

/// The page of a route.
fn page(route: Route) -> AnyView {
    match route {
        Route::Section(Section::Dashboard) => {
            view! { <super::dashboard::DashboardPage/> }.into_any()
        }
        Route::Detail(Section::Dashboard, page, _) if page == "records" => {
            view! { <super::dashboard::RecordsPage/> }.into_any()
        }
        Route::Section(Section::Reports) => view! { <super::reports::ReportsPage/> }.into_any(),
        Route::Section(Section::Processes) => {
            view! { <super::processes::ProcessesPage/> }.into_any()
        }
        Route::Detail(Section::Processes, id, view) => {
            view! { <super::processes::ProcessDetail id view/> }.into_any()
        }
        Route::Section(Section::Surveys) => view! { <super::surveys::SurveysPage/> }.into_any(),
        Route::Detail(Section::Surveys, id, view) => {
            view! { <super::surveys::SurveyDetail id view/> }.into_any()
        }
        Route::Section(Section::Feedback) => view! { <super::feedback::FeedbackPage/> }.into_any(),
        Route::Detail(Section::Feedback, id, _) => {
            view! { <super::feedback::FeedbackDetail id/> }.into_any()
        }
        Route::Section(Section::Staff) => view! { <super::staff::StaffPage/> }.into_any(),
        Route::Detail(Section::Staff, id, _) => {
            view! { <super::staff::StaffDetail id/> }.into_any()
        }
        Route::Section(Section::Data) => view! { <super::data::DataPage/> }.into_any(),
        Route::Section(Section::Settings) => view! { <super::settings::SettingsPage/> }.into_any(),
        Route::Section(Section::Improvement) => {
            view! { <super::improvement::ImprovementPage/> }.into_any()
        }
        Route::Detail(Section::Improvement, id, _) => {
            view! { <super::improvement::ImprovementDetail id/> }.into_any()
        }
        Route::Section(Section::Audits) => view! { <super::audits::AuditsPage/> }.into_any(),
        Route::Detail(Section::Audits, id, _) if id == super::audits::NEW => {
            view! { <super::audits::WalkPage/> }.into_any()
        }
        Route::Detail(Section::Audits, id, _) => {
            view! { <super::audits::AuditDetail id/> }.into_any()
        }
        _ => view! { <NotFound/> }.into_any(),
    }
}

/// On a narrow screen the row of sections scrolls sideways: the current one is brought into
/// the middle, so the reader sees where they are and what lies on either side.
fn show_current(list: &web_sys::HtmlUListElement) {
    let Ok(Some(link)) = list.query_selector("[aria-current=\"page\"]") else {
        return;
    };
    let link: web_sys::HtmlElement = link.unchecked_into();
    list.set_scroll_left(link.offset_left() - (list.client_width() - link.offset_width()) / 2);
}

/// `local`: switches only the language in context (the kiosk's customer), leaving the
/// stored language as it is.
#[component]
pub fn LangSwitch(#[prop(optional)] local: bool) -> impl IntoView {
    let c = ctx();
    view! {
        <div class="lang-switch" role="group" aria-label=c.t(Key::Language)>
            {Lang::ALL.into_iter().map(|l| view! {
                <button type="button" class="lang-option"
                    lang=l.code()
                    aria-pressed=move || (c.lang.get() == l).to_string()
                    on:click=move |_| if local { c.lang.set(l) } else { c.set_lang(l) }>
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

/// Start-up and save failures, always visible until dismissed: no save fails silently.
#[component]
fn StatusBanner() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    view! {
        {move || match app.state.get() {
            LoadState::Loading => view! { <p class="muted" role="status">{c.t(Key::Loading)}</p> }.into_any(),
            LoadState::Failed(e) => view! {
                <div class="alert alert-error" role="alert" data-testid="load-error">
                    <strong>{c.t(Key::LoadFailed)}</strong>" "{c.t(labels::store_error(&e))}
                    " "<small>{e.detail().to_string()}</small>
                </div>
            }.into_any(),
            LoadState::Ready => ().into_any(),
        }}
        {move || app.save_error.get().map(|e| view! {
            <div class="alert alert-error" role="alert" data-testid="save-error">
                <p><strong>{c.t(Key::SaveFailed)}</strong></p>
                <p>{c.t(labels::store_error(&e))}" "<small>{e.detail().to_string()}</small></p>
                <button type="button" class="secondary" on:click=move |_| app.save_error.set(None)>{c.t(Key::Dismiss)}</button>
            </div>
        })}
    }
}
