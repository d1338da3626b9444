//! 经营看板 Dashboard: the manager's home. One period picker and one set of filters for the
//! whole page, kept in the URL fragment (`#/dashboard?period=2026-11`) so a link or a reload
//! shows the same view; KPI tiles, trend, heat map, Pareto and exports below it. An empty
//! workspace gets the first-visit start instead.

mod alerts;
pub(super) mod charts;
pub(super) mod compare;
pub(super) mod exports;
pub(super) mod picker;
mod records;
mod start;
mod step_health;
pub(super) mod tiles;

pub use records::RecordsPage;
pub use tiles::style as value_style;

use super::app_data::{app_data, LoadState};
use super::{browser, ctx, query_url};
use crate::domain::dashboard::Query;
use crate::domain::kpi::Span;
use crate::domain::period::Period;
use crate::domain::Data;
use crate::i18n::Key;
use crate::route::Section;
use leptos::prelude::*;

/// The local period as the KPI core takes it.
pub fn span(p: Period) -> Span {
    Span {
        instants: browser::bounds(p),
        days: (p.from, p.to),
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
    let query = query_url::bind(Section::Dashboard, Query::default());
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
                    <alerts::Alerts query/>
                    <tiles::Tiles query/>
                    <compare::LocationCompare query/>
                    <step_health::StepHealthTable query/>
                    <charts::Charts query/>
                    <exports::Exports query/>
                }.into_any()
            }}
        </section>
    }
}
