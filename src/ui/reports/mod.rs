//! 服务质量报告 Reports: the service report for any period (last month by default), printed
//! to A4 through the browser (its "Save as PDF" is the PDF export). It is made of the
//! dashboard's own figures and charts, so the two can never disagree. Sections can be left
//! out; the choice is remembered on this device.

mod improvement;

use super::app_data::app_data;
use super::dashboard::charts::{trend_chart, trend_points, trend_table, Figure, ParetoFigure};
use super::dashboard::compare;
use super::dashboard::picker::Picker;
use super::dashboard::span;
use super::staff::radar::{team_spec, RadarChart};
use super::{browser, ctx, labels, query_url};
use crate::domain::capability as cap;
use crate::domain::dashboard::{self, Query};
use crate::domain::exports::{self, Naming};
use crate::domain::kpi::{self, Kpi};
use crate::domain::model::Evaluator;
use crate::domain::model::{FeedbackKind, Targets};
use crate::domain::period_choice::PeriodChoice;
use crate::domain::process_analysis::analyse;
use crate::domain::sort;
use crate::domain::table::{Cell, Table};
use crate::domain::Data;
use crate::i18n::{format_date, format_datetime, format_number, pick, Key, Lang};
use crate::route::Section;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

const HIDDEN: &str = "serviceflow.report.hidden";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Kpis,
    Locations,
    Trends,
    Complaints,
    Processes,
    Staff,
    Improvement,
    Formulas,
}

const PARTS: [(Part, &str, Key); 8] = [
    (Part::Kpis, "kpis", Key::ReportSecKpis),
    (Part::Locations, "locations", Key::ReportSecLocations),
    (Part::Trends, "trends", Key::ReportSecTrends),
    (Part::Complaints, "complaints", Key::ReportSecComplaints),
    (Part::Processes, "processes", Key::ReportSecProcesses),
    (Part::Staff, "staff", Key::ReportSecStaff),
    (Part::Improvement, "improvement", Key::ReportSecImprovement),
    (Part::Formulas, "formulas", Key::ReportSecFormulas),
];

/// Trends the report always draws: satisfaction, loyalty and the standard being followed.
const TRENDS: [Kpi; 3] = [Kpi::Csat, Kpi::Nps, Kpi::Compliance];

fn targets_of(d: &Data) -> Targets {
    d.workspace().map(|w| w.targets.clone()).unwrap_or_default()
}

/// A table's cells as the reader reads them.
fn cell_text(c: &Cell, lang: Lang) -> String {
    match c {
        Cell::Empty => "–".into(),
        Cell::Number(v) => format_number(*v, if v.fract() == 0.0 { 0 } else { 1 }, lang),
        Cell::DateTime(t) => t.format("%Y-%m-%d %H:%M").to_string(),
        Cell::Text(s) => s.clone(),
    }
}

#[component]
fn DataTable(table: Table, testid: &'static str) -> impl IntoView {
    let lang = ctx().lang.get_untracked();
    view! {
        <table class="report-table" data-testid=testid>
            <thead><tr>{table.columns.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
            <tbody>
                {table.rows.into_iter().map(|row| view! {
                    <tr>{row.iter().map(|c| view! { <td>{cell_text(c, lang)}</td> }).collect_view()}</tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
pub fn ReportsPage() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let default = Query {
        period: PeriodChoice::last_full_month(browser::today()),
        ..Query::default()
    };
    let query = query_url::bind(Section::Reports, default);
    let hidden = RwSignal::new(LocalStorage::get::<Vec<String>>(HIDDEN).unwrap_or_default());
    let shown = move |slug: &str| !hidden.with(|h| h.iter().any(|s| s == slug));
    let toggle = move |slug: &'static str, on: bool| {
        hidden.update(|h| {
            h.retain(|s| s != slug);
            if !on {
                h.push(slug.to_string());
            }
        });
        // A lost choice costs a tap; the report already shows it.
        let _ = LocalStorage::set(HIDDEN, hidden.get_untracked());
    };
    let business = move || {
        app.data
            .with(|d| d.workspace().map(|w| w.business_name.clone()))
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| Key::DefaultBusinessName.text(c.lang.get()).to_string())
    };
    let period_text = move || {
        let p = query.get().period.resolve(browser::today());
        let l = c.lang.get();
        format!("{} – {}", format_date(p.from, l), format_date(p.to, l))
    };
    let generated = browser::now();
    view! {
        <section class="page report" data-page=Section::Reports.slug()>
            <div class="no-print">
                <h1>{c.t(Key::NavReports)}</h1>
                <Picker query/>
                <fieldset class="card report-parts">
                    <legend>{c.t(Key::ReportSections)}</legend>
                    {PARTS.into_iter().filter(|(p, ..)| *p != Part::Locations || compare::shown()).map(|(_, slug, key)| view! {
                        <label class="check">
                            <input type="checkbox" data-part=slug prop:checked=move || shown(slug)
                                on:change=move |ev| toggle(slug, event_target_checked(&ev))/>
                            {c.t(key)}
                        </label>
                    }).collect_view()}
                </fieldset>
                <p class="muted">{c.t(Key::ReportPrintHint)}</p>
                <button type="button" class="big" data-testid="print-report" on:click=move |_| { let _ = window().print(); }>{c.t(Key::ReportPrint)}</button>
            </div>
            // A layout table, so that print repeats its head (business and period) on every page.
            <table class="report-frame" role="presentation">
            <thead><tr><td><div class="report-running">{business}" · "{period_text}</div></td></tr></thead>
            <tbody><tr><td>
            <header class="report-cover" data-testid="report-cover">
                <h2 class="report-title">{c.t(Key::ReportTitle)}</h2>
                <p class="report-business">{business}</p>
                <p>{c.t(Key::PeriodLabel)}": "<strong data-testid="report-period">{period_text}</strong></p>
                <p class="muted">{c.t(Key::ReportGenerated)}" "{move || format_datetime(generated, browser::utc_offset_at(generated), c.lang.get())}</p>
            </header>
            {move || shown("kpis").then(|| view! { <KpiPart query/> })}
            {move || (shown("locations") && compare::shown()).then(|| view! { <LocationsPart query/> })}
            {move || shown("trends").then(|| view! { <TrendsPart query/> })}
            {move || shown("complaints").then(|| view! { <ComplaintsPart query/> })}
            {move || shown("processes").then(|| view! { <ProcessesPart query/> })}
            {move || shown("staff").then(|| view! { <StaffPart query/> })}
            {move || shown("improvement").then(|| view! { <improvement::ImprovementPart query/> })}
            {move || shown("formulas").then(|| view! { <FormulasPart/> })}
            </td></tr></tbody>
            </table>
        </section>
    }
}

fn naming_in(lang: Lang, f: impl FnOnce(&Naming) -> Table) -> Table {
    let label = move |l| labels::export_label(l, lang);
    let text = move |t: &_| pick(t, lang).to_string();
    f(&Naming {
        codes: false,
        label: &label,
        text: &text,
    })
}

#[component]
fn KpiPart(query: RwSignal<Query>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let table = move || {
        let q = query.get();
        let lang = c.lang.get();
        let p = q.period.resolve(browser::today());
        app.data.with(|d| {
            let now = browser::now();
            let targets = targets_of(d);
            let [before, this] = app
                .facts
                .with(|facts| kpi::with_previous(d, facts, p, &q.filter, now, browser::bounds));
            naming_in(lang, |n| {
                exports::kpi_summary(&this, &before, &|k| dashboard::target(&targets, k), n)
            })
        })
    };
    view! {
        <section class="report-part" data-part="kpis">
            <h2>{c.t(Key::ReportSecKpis)}</h2>
            {move || view! { <DataTable table=table() testid="report-kpis"/> }}
        </section>
    }
}

#[component]
fn LocationsPart(query: RwSignal<Query>) -> impl IntoView {
    let c = ctx();
    let cmp = compare::comparison(query);
    let table = move || {
        let lang = c.lang.get();
        cmp.with(|m| naming_in(lang, |n| exports::by_location(m, n)))
    };
    view! {
        <section class="report-part" data-part="locations">
            <h2>{c.t(Key::ReportSecLocations)}</h2>
            <p class="muted">{c.t(Key::CompareHelp)}</p>
            {move || view! { <DataTable table=table() testid="report-locations"/> }}
        </section>
    }
}

#[component]
fn TrendsPart(query: RwSignal<Query>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    view! {
        <section class="report-part" data-part="trends">
            <h2>{c.t(Key::ReportSecTrends)}</h2>
            {TRENDS.into_iter().map(|k| {
                let points = Memo::new(move |_| {
                    let q = query.get();
                    let end = q.period.resolve(browser::today()).to;
                    app.data.with(|d| app.facts.with(|facts| trend_points(d, facts, &q.filter, k, end, true)))
                });
                let title = Signal::derive(move || c.t(labels::kpi(k))().to_string());
                let target = move || app.data.with(|d| dashboard::target(&targets_of(d), k));
                let svg = Signal::derive(move || trend_chart(&title.get(), k, &points.get(), target(), c.lang.get()));
                let table = Signal::derive(move || trend_table(k, points.get(), c.lang.get()));
                view! { <Figure id=k.code() title svg table/> }
            }).collect_view()}
        </section>
    }
}

#[component]
fn ComplaintsPart(query: RwSignal<Query>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let latest = move || {
        let q = query.get();
        let lang = c.lang.get();
        let s = span(q.period.resolve(browser::today()));
        app.data.with(|d| {
            let mut t = naming_in(lang, |n| {
                exports::feedback(d, &s, &q.filter, browser::utc_offset(), n)
            });
            // Complaints only, newest first; the kind column then says nothing.
            let kind =
                labels::export_label(exports::Label::FeedbackKind(FeedbackKind::Complaint), lang);
            t.rows
                .retain(|r| r.get(3) == Some(&Cell::Text(kind.clone())));
            let at = |r: &Vec<Cell>| match r.get(1) {
                Some(Cell::DateTime(t)) => Some(*t),
                _ => None,
            };
            sort::by_key(&mut t.rows, |r| std::cmp::Reverse(at(r)));
            t.rows.truncate(10);
            let keep = [1, 5, 6, 9, 10];
            Table {
                name: t.name,
                columns: keep.iter().map(|i| t.columns[*i].clone()).collect(),
                rows: t
                    .rows
                    .iter()
                    .map(|r| keep.iter().map(|i| r[*i].clone()).collect())
                    .collect(),
            }
        })
    };
    view! {
        <section class="report-part" data-part="complaints">
            <h2>{c.t(Key::ReportSecComplaints)}</h2>
            <ParetoFigure query id="report-pareto"/>
            <h3>{c.t(Key::ReportLatestComplaints)}</h3>
            {move || {
                let t = latest();
                if t.rows.is_empty() {
                    view! { <p class="muted">{c.t(Key::ReportNoComplaints)}</p> }.into_any()
                } else {
                    view! { <DataTable table=t testid="report-complaints"/> }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn ProcessesPart(query: RwSignal<Query>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let rows = move || {
        let q = query.get();
        let lang = c.lang.get();
        let bounds = span(q.period.resolve(browser::today())).instants;
        app.data.with(|d| {
            d.processes
                .iter()
                .filter(|p| !p.archived && q.filter.process.is_none_or(|id| id == p.id))
                .filter_map(|p| {
                    let a = analyse(d, p.id, bounds.start, bounds.end);
                    (a.runs > 0).then(|| {
                        let step_name = |id| {
                            a.steps
                                .iter()
                                .find(|s| s.step_id == id)
                                .map(|s| pick(&s.name, lang).to_string())
                                .unwrap_or_default()
                        };
                        let flagged: Vec<String> = a
                            .bottlenecks
                            .iter()
                            .take(3)
                            .map(|f| {
                                let why: Vec<&str> = f
                                    .reasons
                                    .iter()
                                    .map(|r| labels::flag_reason(*r).text(lang))
                                    .collect();
                                format!("{} ({})", step_name(f.step_id), why.join(", "))
                            })
                            .collect();
                        let compliance = a.compliance.ratio().map_or_else(
                            || "–".to_string(),
                            |r| {
                                format!(
                                    "{}% ({}/{})",
                                    format_number(100.0 * r, 1, lang),
                                    a.compliance.num,
                                    a.compliance.den
                                )
                            },
                        );
                        (pick(&p.name, lang).to_string(), a.runs, compliance, flagged)
                    })
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="report-part" data-part="processes">
            <h2>{c.t(Key::ReportSecProcesses)}</h2>
            {move || {
                let rows = rows();
                if rows.is_empty() {
                    return view! { <p class="muted">{c.t(Key::ReportNoRuns)}</p> }.into_any();
                }
                view! {
                    <table class="report-table" data-testid="report-processes">
                        <thead><tr>
                            <th scope="col">{c.t(Key::ColProcess)}</th>
                            <th scope="col">{c.t(Key::ColRun)}</th>
                            <th scope="col">{c.t(Key::KpiCompliance)}</th>
                            <th scope="col">{c.t(Key::AnalysisBottleneck)}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|(name, runs, compliance, flagged)| view! {
                                <tr>
                                    <td>{name}</td><td>{runs}</td><td>{compliance}</td>
                                    <td>{if flagged.is_empty() { c.t(Key::ReportNoBottleneck)().to_string() } else { flagged.join("; ") }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn StaffPart(query: RwSignal<Query>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let table = move || {
        let q = query.get();
        let s = span(q.period.resolve(browser::today()));
        let lang = c.lang.get();
        app.data
            .with(|d| naming_in(lang, |n| exports::trainings(d, &s, n)))
    };
    // The team as last evaluated by the period's end.
    let radar = Memo::new(move |_| {
        let end = query.get().period.resolve(browser::today()).to;
        let lang = c.lang.get();
        app.data.with(|d| {
            let period = cap::latest_period(&d.evaluations, None, end);
            let avg = cap::team_average(&d.evaluations, period, Evaluator::Manager);
            team_spec(d, &avg, 420, lang)
        })
    });
    // Each training of the period: the team's mean change per capability it aimed at.
    let effects = move || {
        let p = query.get().period.resolve(browser::today());
        let lang = c.lang.get();
        app.data.with(|d| {
            d.trainings
                .iter()
                .filter(|t| (p.from..=p.to).contains(&t.date))
                .flat_map(|t| {
                    cap::training_effect(t, &d.evaluations)
                        .team
                        .into_iter()
                        .map(|e| {
                            let name = d
                                .capabilities
                                .iter()
                                .find(|c| c.id == e.capability_id)
                                .map(|c| pick(&c.name, lang).to_string())
                                .unwrap_or_default();
                            let change = e.mean_change.map_or_else(
                                || Key::ReportNoEffectYet.text(lang).to_string(),
                                |m| {
                                    format!(
                                        "{}{}",
                                        if m > 0.0 { "+" } else { "" },
                                        format_number(m, 2, lang)
                                    )
                                },
                            );
                            (t.title.clone(), name, change, e.n)
                        })
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="report-part" data-part="staff">
            <h2>{c.t(Key::ReportSecStaff)}</h2>
            <div class="report-chart" data-testid="report-team-radar">
                <RadarChart spec=Signal::derive(move || radar.get()) file="team-radar" small=true/>
            </div>
            <h3>{c.t(Key::ReportTrainingsHeld)}</h3>
            {move || {
                let t = table();
                if t.rows.is_empty() {
                    view! { <p class="muted">{c.t(Key::ReportNoTrainings)}</p> }.into_any()
                } else {
                    view! { <DataTable table=t testid="report-trainings"/> }.into_any()
                }
            }}
            {move || {
                let rows = effects();
                (!rows.is_empty()).then(|| view! {
                    <h3>{c.t(Key::ReportTrainingEffect)}</h3>
                    <p class="muted">{c.t(Key::ReportTrainingEffectHelp)}</p>
                    <table class="report-table" data-testid="report-training-effect">
                        <thead><tr>
                            <th scope="col">{c.t(Key::ColTitle)}</th>
                            <th scope="col">{c.t(Key::ColCapability)}</th>
                            <th scope="col">{c.t(Key::ColChange)}</th>
                            <th scope="col">"n"</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|(t, cap, change, n)| view! {
                                <tr><td>{t}</td><td>{cap}</td><td>{change}</td><td>{n}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                })
            }}
        </section>
    }
}

#[component]
fn FormulasPart() -> impl IntoView {
    let c = ctx();
    view! {
        <section class="report-part" data-part="formulas">
            <h2>{c.t(Key::ReportSecFormulas)}</h2>
            <dl class="report-formulas">
                {Kpi::ALL.into_iter().map(|k| view! {
                    <dt>{c.t(labels::kpi(k))}</dt>
                    <dd>{c.t(labels::kpi_formula(k))}</dd>
                }).collect_view()}
            </dl>
        </section>
    }
}
