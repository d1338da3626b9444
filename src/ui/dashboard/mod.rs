//! 经营看板 Dashboard: the manager's home. One period picker and one set of filters for the
//! whole page, kept in the URL fragment (`#/dashboard?period=2026-11`) so a link or a reload
//! shows the same view; KPI tiles, trend, heat map, Pareto and exports below it. An empty
//! workspace gets the first-visit start instead.

mod charts;
mod exports;
mod picker;
mod start;
mod tiles;

pub use tiles::style as value_style;

use super::app_data::{app_data, LoadState};
use super::{browser, ctx};
use crate::domain::dashboard::Query;
use crate::domain::kpi::Span;
use crate::domain::period::Period;
use crate::domain::Data;
use crate::i18n::Key;
use crate::route::Section;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The local period as the KPI core takes it.
pub fn span(p: Period) -> Span {
    Span {
        instants: browser::bounds(p),
        days: (p.from, p.to),
    }
}

fn read_query() -> Query {
    let hash = window().location().hash().unwrap_or_default();
    Query::parse(hash.split_once('?').map_or("", |(_, q)| q))
}

/// Writes the view into the address without a new history entry: Back leaves the page.
fn write_query(q: &Query) {
    let href = format!("#/{}?{}", Section::Dashboard.slug(), q.to_query());
    if let Ok(h) = window().history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&href));
    }
}

/// Nothing a manager made or recorded yet (a workspace record alone is just the settings).
fn is_empty(d: &Data) -> bool {
    d.processes.is_empty() && d.surveys.is_empty() && d.responses.is_empty() && d.staff.is_empty()
}

#[component]
pub fn DashboardPage() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let query = RwSignal::new(read_query());
    Effect::new(move |_| write_query(&query.get()));
    // A link to another view of this page changes only the fragment: follow it.
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let q = read_query();
        if query.get_untracked() != q {
            query.set(q);
        }
    });
    on_cleanup(move || listener.remove());
    let empty = Memo::new(move |_| app.data.with(is_empty));
    let ready = move || matches!(app.state.get(), LoadState::Ready);
    view! {
        <section class="page dashboard" data-page=Section::Dashboard.slug()>
            <h1>{c.t(Key::NavDashboard)}</h1>
            {move || if ready() && empty.get() {
                view! { <start::Start/> }.into_any()
            } else {
                view! {
                    <picker::Picker query/>
                    <tiles::Tiles query/>
                    <charts::Charts query/>
                    <exports::Exports query/>
                }.into_any()
            }}
        </section>
    }
}
