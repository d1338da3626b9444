//! The KPI tiles: value with n, target, change against the previous equal period (coloured by
//! whether it is good news, and said in words), a small-sample flag, a sparkline of the last
//! periods, and the formula on demand.

use super::super::app_data::app_data;
use super::super::{browser, ctx, labels};
use super::{records, span};
use crate::charts::trend::sparkline_svg;
use crate::domain::dashboard::{self, Query, Tile, HISTORY};
use crate::domain::drill::Focus;
use crate::domain::kpi::Kpi;
use crate::i18n::{format_number, Key, Lang};
use leptos::prelude::*;

/// Decimals and unit a KPI is written with.
pub fn style(k: Kpi) -> (usize, &'static str) {
    match k {
        Kpi::Nps | Kpi::FirstResponseMinutes => (0, ""),
        Kpi::Ces | Kpi::ServqualGap(_) => (2, ""),
        Kpi::ComplaintRate => (1, ""),
        _ => (0, "%"),
    }
}

pub fn value_text(k: Kpi, v: f64, lang: Lang) -> String {
    let (decimals, unit) = style(k);
    format!("{}{unit}", format_number(v, decimals, lang))
}

#[component]
pub fn Tiles(query: RwSignal<Query>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let tiles = Memo::new(move |_| {
        let q = query.get();
        let spans: Vec<_> = q
            .period
            .history(browser::today(), HISTORY)
            .into_iter()
            .map(span)
            .collect();
        app.data.with(|d| {
            let targets = d.workspace().map(|w| w.targets.clone()).unwrap_or_default();
            app.facts.with(|facts| {
                dashboard::tiles(d, facts, &spans, &q.filter, browser::now(), &targets)
            })
        })
    });
    // Keyed by KPI, so a change of period or filter updates each tile's texts in place
    // instead of building every tile again.
    let kpis = Memo::new(move |_| tiles.with(|ts| ts.iter().map(|t| t.kpi).collect::<Vec<_>>()));
    view! {
        <h2>{c.t(Key::DashKpis)}</h2>
        <ul class="kpi-tiles" data-testid="kpi-tiles">
            <For each=move || kpis.get() key=|k| *k let:k>
                <KpiTile k tiles query/>
            </For>
        </ul>
    }
}

#[component]
fn KpiTile(k: Kpi, tiles: Memo<Vec<Tile>>, query: RwSignal<Query>) -> impl IntoView {
    let c = ctx();
    let tile = Memo::new(move |_| tiles.with(|ts| ts.iter().find(|t| t.kpi == k).cloned()));
    let drill = move || records::href(&query.get(), Focus::Kpi(k));
    let drill_label = move || format!("{}: {}", c.t(Key::DrillOpen)(), c.t(labels::kpi(k))());
    let lang = move || c.lang.get();
    let value = move || {
        tile.with(|t| t.as_ref().and_then(|t| t.now.value))
            .map_or_else(
                || c.t(Key::DashNoData)().to_string(),
                |v| value_text(k, v, lang()),
            )
    };
    let n = move || tile.with(|t| t.as_ref().map_or(0, |t| t.now.n));
    let change = move || {
        let (change, good) = tile.with(|t| {
            t.as_ref()
                .map_or((None, None), |t| (t.change, t.change_good))
        });
        match (change, good) {
            (None, _) => c.t(Key::DashNoChange)().to_string(),
            (Some(d), good) => {
                let (decimals, unit) = style(k);
                let word = match good {
                    Some(true) => Key::DashBetter,
                    Some(false) => Key::DashWorse,
                    None => Key::DashSame,
                };
                let sign = if d > 0.0 { "+" } else { "" };
                let arrow = if d > 0.0 {
                    "▲"
                } else if d < 0.0 {
                    "▼"
                } else {
                    "■"
                };
                // A change of a percentage is in percentage points.
                let unit = if unit == "%" {
                    Key::DashPoints.text(lang())
                } else {
                    unit
                };
                format!(
                    "{arrow} {sign}{}{unit} {} ({})",
                    format_number(d, decimals, lang()),
                    c.t(Key::DashVsPrevious)(),
                    word.text(lang())
                )
            }
        }
    };
    let change_class = move || match tile.with(|t| t.as_ref().and_then(|t| t.change_good)) {
        Some(true) => "kpi-change good",
        Some(false) => "kpi-change bad",
        None => "kpi-change",
    };
    let target = move || {
        tile.with(|t| {
            t.as_ref()
                .and_then(|t| t.target.map(|v| (v, t.meets_target)))
        })
    };
    let small = move || {
        tile.with(|t| {
            t.as_ref()
                .is_some_and(|t| t.now.small_sample() && t.now.value.is_some())
        })
    };
    let spark = Memo::new(move |_| {
        tile.with(|t| {
            t.as_ref()
                .map(|t| sparkline_svg(&t.history))
                .unwrap_or_default()
        })
    });
    view! {
        <li class="card kpi-tile" data-kpi=k.code()>
            <h3 class="kpi-name">{c.t(labels::kpi(k))}</h3>
            <p class="kpi-value">
                <strong data-testid="kpi-value">{value}</strong>
                " "<span class="muted" data-testid="kpi-n">"n="{n}</span>
            </p>
            <div class="kpi-spark" inner_html=spark></div>
            <p class=change_class data-testid="kpi-change">{change}</p>
            {move || target().map(|(t, meets)| view! {
                <p class="kpi-target">
                    {c.t(Key::DashTarget)}" "{move || value_text(k, t, lang())}
                    {meets.map(|m| view! {
                        " · "<span class=if m { "good" } else { "bad" }>{c.t(if m { Key::DashOnTarget } else { Key::DashOffTarget })}</span>
                    })}
                </p>
            })}
            {move || small().then(|| view! { <p class="kpi-small" data-testid="kpi-small">{c.t(Key::DashSmall)}</p> })}
            <details class="kpi-formula">
                <summary>{c.t(Key::DashFormula)}</summary>
                <p>{c.t(labels::kpi_formula(k))}</p>
            </details>
            <a class="kpi-drill" href=drill aria-label=drill_label data-testid="kpi-drill">{c.t(Key::DrillOpen)}</a>
        </li>
    }
}
