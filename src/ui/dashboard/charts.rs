//! The dashboard's charts, each with a download and a table twin (for screen readers and
//! print): a KPI's trend against its target, satisfaction by weekday and hour, and the
//! Pareto of complaint causes.

use super::super::app_data::app_data;
use super::super::export::download_svg;
use super::super::{browser, ctx, labels};
use super::tiles::value_text;
use super::{records, span};
use crate::charts::heatmap::{heat_cells, heatmap_svg, HeatSpec};
use crate::charts::pareto::{pareto, pareto_svg, ParetoRow, ParetoSpec};
use crate::charts::trend::{trend_svg, TrendSpec};
use crate::domain::dashboard::{self, Query};
use crate::domain::drill::Focus;
use crate::domain::kpi::{self, Facts, Filter, Kpi, Span, Value};
use crate::domain::model::RootCause;
use crate::domain::model::Targets;
use crate::domain::period_choice::PeriodChoice;
use crate::domain::Data;
use crate::i18n::{format_number, Key, Lang};
use chrono::NaiveDate;
use leptos::prelude::*;

const TREND_BUCKETS: usize = 12;
/// Below this many answers an hour of a weekday is too few to go by.
const HEAT_MIN_N: usize = 5;
pub const WEEKDAYS: [Key; 7] = [
    Key::WeekdayMon,
    Key::WeekdayTue,
    Key::WeekdayWed,
    Key::WeekdayThu,
    Key::WeekdayFri,
    Key::WeekdaySat,
    Key::WeekdaySun,
];

/// Follows a tap on a chart's drill-down target (`data-href` on an SVG element).
fn follow_drill(ev: leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    let target = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("[data-href]").ok().flatten());
    if let Some(href) = target.and_then(|e| e.get_attribute("data-href")) {
        let _ = window().location().set_hash(&href);
    }
}

/// A chart with its title, its SVG (or a sentence why there is none), a download, and the
/// same numbers as a table. `links`, shaped like the table's rows, makes cells links to the
/// records behind them (the chart's own tap targets are for pointers only).
#[component]
pub fn Figure(
    id: &'static str,
    title: Signal<String>,
    svg: Signal<Option<String>>,
    table: Signal<(Vec<String>, Vec<Vec<String>>)>,
    #[prop(optional)] links: Option<Signal<Vec<Vec<Option<String>>>>>,
) -> impl IntoView {
    let c = ctx();
    // Callers pass derived signals; read once per change here, not once per cell (and an
    // unchanged chart keeps its SVG).
    let svg = Memo::new(move |_| svg.get());
    let table = Memo::new(move |_| table.get());
    let links = links.map(|l| Memo::new(move |_| l.get()));
    let open = RwSignal::new(false);
    let link_at = move |r: usize, i: usize| {
        links.and_then(|l| l.with(|l| l.get(r).and_then(|row| row.get(i).cloned().flatten())))
    };
    view! {
        <figure class="card chart-figure" data-chart=id>
            <figcaption><h2>{title}</h2></figcaption>
            {move || match svg.get() {
                Some(s) => view! {
                    <div class="chart" inner_html=s.clone() on:click=follow_drill></div>
                    <button type="button" class="secondary" data-testid=format!("download-{id}")
                        on:click=move |_| download_svg(id, &s)>{c.t(Key::DashDownloadSvg)}</button>
                }.into_any(),
                None => view! { <p class="muted">{c.t(Key::DashNoChart)}</p> }.into_any(),
            }}
            // The rows are built when the table is opened: a closed one is neither shown nor
            // read by screen readers, and rebuilding it on every change cost more than the chart.
            <details class="chart-table" on:toggle=move |ev| {
                open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open());
            }>
                <summary>{c.t(Key::DashTable)}</summary>
                {move || open.get().then(|| view! {
                    <table data-testid=format!("table-{id}")>
                        <thead><tr>{move || table.with(|t| t.0.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view())}</tr></thead>
                        <tbody>
                            {move || table.with(|t| t.1.iter().enumerate().map(|(r, row)| view! {
                                <tr>{row.iter().enumerate().map(|(i, cell)| match link_at(r, i) {
                                    Some(href) => view! { <td><a href=href>{cell.clone()}</a></td> }.into_any(),
                                    None => view! { <td>{cell.clone()}</td> }.into_any(),
                                }).collect_view()}</tr>
                            }).collect_view())}
                        </tbody>
                    </table>
                })}
            </details>
        </figure>
    }
}

#[component]
pub fn Charts(query: RwSignal<Query>) -> impl IntoView {
    view! {
        <Trend query/>
        <ParetoFigure query id="pareto"/>
        <Heatmap query/>
    }
}

/// A KPI over the last buckets (months or weeks) that end with `end`: (label, value).
pub fn trend_points(
    d: &Data,
    facts: &Facts,
    filter: &Filter,
    k: Kpi,
    end: NaiveDate,
    monthly: bool,
) -> Vec<(String, Value)> {
    let (choice, label): (PeriodChoice, fn(NaiveDate) -> String) = if monthly {
        (PeriodChoice::ThisMonth, |d| d.format("%Y-%m").to_string())
    } else {
        (PeriodChoice::ThisWeek, |d| d.format("%m-%d").to_string())
    };
    let periods = choice.history(end, TREND_BUCKETS);
    let spans: Vec<Span> = periods.iter().copied().map(span).collect();
    let figures = kpi::figures_from(d, facts, &spans, filter, browser::now());
    periods
        .iter()
        .zip(figures)
        .map(|(p, m)| (label(p.from), m[&k]))
        .collect()
}

/// The trend chart of `points`, with the target line; `None` when there is nothing to draw.
pub fn trend_chart(
    title: &str,
    k: Kpi,
    points: &[(String, Value)],
    target: Option<f64>,
    lang: Lang,
) -> Option<String> {
    if points.iter().all(|(_, v)| v.value.is_none()) {
        return None;
    }
    let buckets: Vec<String> = points.iter().map(|(b, _)| b.clone()).collect();
    let values: Vec<Option<f64>> = points.iter().map(|(_, v)| v.value).collect();
    let target_label =
        target.map(|t| format!("{} {}", Key::DashTarget.text(lang), value_text(k, t, lang)));
    let range = match k {
        Kpi::Nps => Some((-100.0, 100.0)),
        Kpi::Ces => Some((1.0, 7.0)),
        Kpi::ServqualGap(_) => Some((-6.0, 6.0)),
        Kpi::ComplaintRate | Kpi::FirstResponseMinutes => None,
        _ => Some((0.0, 100.0)),
    };
    trend_svg(&TrendSpec {
        title,
        buckets: &buckets,
        values: &values,
        target: target.zip(target_label.as_deref()),
        y_range: range,
    })
    .ok()
}

/// The trend's table twin.
pub fn trend_table(
    k: Kpi,
    points: Vec<(String, Value)>,
    lang: Lang,
) -> (Vec<String>, Vec<Vec<String>>) {
    let head = vec![
        Key::DashColWhen.text(lang).to_string(),
        Key::DashColValue.text(lang).to_string(),
        "n".to_string(),
    ];
    let rows = points
        .into_iter()
        .map(|(b, v)| {
            vec![
                b,
                v.value.map_or_else(
                    || Key::DashNoData.text(lang).to_string(),
                    |x| value_text(k, x, lang),
                ),
                v.n.to_string(),
            ]
        })
        .collect();
    (head, rows)
}

fn targets_of(d: &Data) -> Targets {
    d.workspace().map(|w| w.targets.clone()).unwrap_or_default()
}

#[component]
fn Trend(query: RwSignal<Query>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let kpi = RwSignal::new(Kpi::Csat);
    let monthly = RwSignal::new(true);
    let points = Memo::new(move |_| {
        let q = query.get();
        let end = q.period.resolve(browser::today()).to;
        app.data.with(|d| {
            app.facts
                .with(|facts| trend_points(d, facts, &q.filter, kpi.get(), end, monthly.get()))
        })
    });
    let target = move || {
        app.data
            .with(|d| dashboard::target(&targets_of(d), kpi.get()))
    };
    let title = Signal::derive(move || {
        format!(
            "{} · {}",
            c.t(Key::DashTrend)(),
            c.t(labels::kpi(kpi.get()))()
        )
    });
    let svg = Signal::derive(move || {
        trend_chart(
            &title.get(),
            kpi.get(),
            &points.get(),
            target(),
            c.lang.get(),
        )
    });
    let table = Signal::derive(move || trend_table(kpi.get(), points.get(), c.lang.get()));
    view! {
        <div class="card form-grid chart-controls">
            <div>
                <label for="trend-kpi">{c.t(Key::DashTrendKpi)}</label>
                <select id="trend-kpi" on:change=move |ev| {
                    let code = event_target_value(&ev);
                    if let Some(k) = Kpi::ALL.into_iter().find(|k| k.code() == code) { kpi.set(k) }
                }>
                    {Kpi::ALL.into_iter().map(|k| view! { <option value=k.code() selected=move || kpi.get() == k>{c.t(labels::kpi(k))}</option> }).collect_view()}
                </select>
            </div>
            <div>
                <label for="trend-buckets">{c.t(Key::DashBuckets)}</label>
                <select id="trend-buckets" on:change=move |ev| monthly.set(event_target_value(&ev) == "month")>
                    <option value="month" selected=true>{c.t(Key::DashMonthly)}</option>
                    <option value="week">{c.t(Key::DashWeekly)}</option>
                </select>
            </div>
        </div>
        <Figure id="trend" title svg table/>
    }
}

/// Complaint causes of a span, largest first, "not analysed" (`None`) last.
pub fn pareto_rows(d: &Data, s: &Span, filter: &Filter) -> Vec<ParetoRow<Option<RootCause>>> {
    pareto(kpi::root_causes(d, s, filter), Some(None))
}

/// The rows in the reader's words.
pub fn pareto_labelled(
    rows: Vec<ParetoRow<Option<RootCause>>>,
    lang: Lang,
) -> Vec<ParetoRow<String>> {
    rows.into_iter()
        .map(|r| {
            r.map_key(|k| match k {
                Some(cause) => labels::root_cause(cause).text(lang).to_string(),
                None => Key::DashUnanalysed.text(lang).to_string(),
            })
        })
        .collect()
}

pub fn pareto_chart(rows: &[ParetoRow<String>], links: &[String], lang: Lang) -> Option<String> {
    if rows.is_empty() {
        return None;
    }
    pareto_svg(&ParetoSpec {
        title: Key::DashPareto.text(lang),
        rows,
        count_label: Key::DashParetoCount.text(lang),
        cumulative_label: Key::DashParetoCumulative.text(lang),
        links,
    })
    .ok()
}

pub fn pareto_table(rows: Vec<ParetoRow<String>>, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let head = [
        Key::ColRootCause,
        Key::DashParetoCount,
        Key::DashColShare,
        Key::DashParetoCumulative,
    ]
    .map(|k| k.text(lang).to_string())
    .to_vec();
    let rows = rows
        .into_iter()
        .map(|r| {
            vec![
                r.key,
                r.count.to_string(),
                format!("{}%", format_number(r.share, 1, lang)),
                format!("{}%", format_number(r.cumulative, 1, lang)),
            ]
        })
        .collect();
    (head, rows)
}

/// The Pareto of the page's period, as a figure with its download and table.
#[component]
pub fn ParetoFigure(query: RwSignal<Query>, id: &'static str) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let raw = Memo::new(move |_| {
        let q = query.get();
        let s = span(q.period.resolve(browser::today()));
        app.data.with(|d| pareto_rows(d, &s, &q.filter))
    });
    let rows = Memo::new(move |_| pareto_labelled(raw.get(), c.lang.get()));
    let hrefs = Memo::new(move |_| {
        let q = query.get();
        raw.with(|rows| {
            rows.iter()
                .map(|r| records::href(&q, Focus::Cause(r.key)))
                .collect::<Vec<_>>()
        })
    });
    let title = Signal::derive(move || c.t(Key::DashPareto)().to_string());
    let svg = Signal::derive(move || pareto_chart(&rows.get(), &hrefs.get(), c.lang.get()));
    let table = Signal::derive(move || pareto_table(rows.get(), c.lang.get()));
    let links = Signal::derive(move || hrefs.get().into_iter().map(|h| vec![Some(h)]).collect());
    view! { <Figure id title svg table links/> }
}

#[component]
fn Heatmap(query: RwSignal<Query>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let cells = Memo::new(move |_| {
        let q = query.get();
        let s = span(q.period.resolve(browser::today()));
        let offset_at = browser::offset_cache();
        app.facts
            .with(|facts| heat_cells(kpi::satisfaction_points(facts, &s, &q.filter, &offset_at)))
    });
    // The hours the business had answers in, or a usual opening day.
    let hours = move || {
        let used: Vec<usize> = cells.with(|cells| {
            (0..24)
                .filter(|h| cells.iter().any(|day| day[*h].n > 0))
                .collect()
        });
        match (used.first(), used.last()) {
            (Some(a), Some(b)) => *a..=*b,
            _ => 8..=21,
        }
    };
    let title = Signal::derive(move || c.t(Key::DashHeatmap)().to_string());
    let weekdays = move || WEEKDAYS.map(|k| c.t(k)().to_string());
    let href = move |weekday: usize, hour: usize| {
        let focus = Focus::Hour {
            weekday: weekday as u8,
            hour: hour as u8,
        };
        records::href(&query.get(), focus)
    };
    let svg = Signal::derive(move || {
        let cells = cells.get();
        if cells.iter().all(|day| day.iter().all(|h| h.n == 0)) {
            return None;
        }
        heatmap_svg(&HeatSpec {
            title: &title.get(),
            weekdays: &weekdays(),
            cells: &cells,
            hours: hours(),
            min_n: HEAT_MIN_N,
            scale: (50.0, 100.0),
            unit: "%",
            decimals: 0,
            too_few: c.t(Key::DashHeatTooFew)(),
            link: Some(&href),
        })
        .ok()
    });
    let table = Signal::derive(move || {
        let lang = c.lang.get();
        let days = weekdays();
        let mut head = vec![String::new()];
        head.extend(days.iter().cloned());
        let cells = cells.get();
        let rows = hours()
            .map(|h| {
                let mut row = vec![format!("{h:02}:00")];
                row.extend(cells.iter().map(|day| match day[h].mean {
                    Some(m) => format!("{}% (n={})", format_number(m, 0, lang), day[h].n),
                    None => "–".to_string(),
                }));
                row
            })
            .collect();
        (head, rows)
    });
    // The first column is the hour; each weekday's cell with answers links to them.
    let links = Signal::derive(move || {
        let cells = cells.get();
        hours()
            .map(|h| {
                let mut row = vec![None];
                row.extend((0..7).map(|day| (cells[day][h].n > 0).then(|| href(day, h))));
                row
            })
            .collect()
    });
    view! { <Figure id="heatmap" title svg table links/> }
}
