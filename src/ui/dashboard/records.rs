//! The records behind one figure (`#/dashboard/records?period=…&focus=kpi.csat`): what a
//! tile, a Pareto bar, a heat-map cell or a step row was computed from, under the same
//! period and filters, newest first, each linked to where it is handled.

use super::super::app_data::app_data;
use super::super::improvement::StartButton;
use super::super::{browser, ctx, labels};
use super::span;
use crate::domain::dashboard::Query;
use crate::domain::drill::{behind, Focus};
use crate::domain::model::{Answer, FeedbackKind, Trigger};
use crate::domain::Data;
use crate::i18n::{format_date, format_datetime, pick, Key, Lang};
use crate::route::{Route, Section};
use leptos::prelude::*;

/// Rows shown per kind of record; the count says how many there are in all.
const SHOWN: usize = 200;

/// The address of the records behind `focus` under `query`.
pub fn href(query: &Query, focus: Focus) -> String {
    format!(
        "#/{}/records?{}&focus={}",
        Section::Dashboard.slug(),
        query.to_query(),
        focus.code()
    )
}

fn read() -> (Query, Option<Focus>) {
    let hash = window().location().hash().unwrap_or_default();
    let q = hash.split_once('?').map_or("", |(_, q)| q);
    (Query::parse(q), Focus::from_query(q))
}

fn focus_text(d: &Data, focus: Focus, lang: Lang) -> String {
    match focus {
        Focus::Kpi(k) => labels::kpi(k).text(lang).to_string(),
        Focus::Cause(None) => Key::DashUnanalysed.text(lang).to_string(),
        Focus::Cause(Some(c)) => labels::root_cause(c).text(lang).to_string(),
        Focus::Hour { weekday, hour } => format!(
            "{} {hour:02}:00–{hour:02}:59",
            super::charts::WEEKDAYS[usize::from(weekday)].text(lang)
        ),
        Focus::Step(id) => d
            .process_versions
            .iter()
            .flat_map(|v| v.stages.iter().flat_map(|s| &s.steps))
            .find(|s| s.id == id)
            .map(|s| pick(&s.name, lang).to_string())
            .unwrap_or_default(),
    }
}

/// The improvement a Pareto bar or a step's records can start.
fn start_from(d: &Data, focus: Focus) -> Option<Trigger> {
    match focus {
        Focus::Cause(cause) => Some(Trigger::ParetoCause { cause }),
        Focus::Step(step_id) => d
            .process_versions
            .iter()
            .find(|v| {
                v.stages
                    .iter()
                    .flat_map(|s| &s.steps)
                    .any(|s| s.id == step_id)
            })
            .map(|v| Trigger::StepHealth {
                process_id: v.process_id,
                step_id,
            }),
        Focus::Kpi(_) | Focus::Hour { .. } => None,
    }
}

#[component]
pub fn RecordsPage() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let view_of = RwSignal::new(read());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| view_of.set(read()));
    on_cleanup(move || listener.remove());
    let back = move || {
        format!(
            "#/{}?{}",
            Section::Dashboard.slug(),
            view_of.get().0.to_query()
        )
    };
    let period_text = move || {
        let p = view_of.get().0.period.resolve(browser::today());
        let l = c.lang.get();
        format!("{} – {}", format_date(p.from, l), format_date(p.to, l))
    };
    view! {
        <section class="page drill" data-page="records">
            <p><a href=back data-testid="drill-back">{c.t(Key::DrillBack)}</a></p>
            {move || {
                let (query, focus) = view_of.get();
                let Some(focus) = focus else {
                    return view! { <h1>{c.t(Key::DrillTitle)}</h1><p>{c.t(Key::DrillUnknown)}</p> }.into_any();
                };
                let lang = c.lang.get();
                let s = span(query.period.resolve(browser::today()));
                app.data.with(|d| {
                    let b = behind(d, &s, &query.filter, focus, browser::now(), &browser::utc_offset_at);
                    let title = format!("{} · {}", c.t(Key::DrillTitle)(), focus_text(d, focus, lang));
                    let empty = b.responses.is_empty() && b.feedback.is_empty() && b.runs.is_empty() && b.staff.is_empty() && b.audits.is_empty();
                    view! {
                        <h1 data-testid="drill-title">{title}</h1>
                        <p class="muted">{period_text}</p>
                        {start_from(d, focus).map(StoredValue::new).map(|trigger| view! {
                            <div class="row-actions">
                                <StartButton trigger=move || trigger.get_value() period=move || view_of.get_untracked().0.period.resolve(browser::today())/>
                            </div>
                        })}
                        {empty.then(|| view! { <p data-testid="drill-empty">{c.t(Key::DrillNone)}</p> })}
                        {(!b.responses.is_empty()).then(|| responses(d, &b.responses, lang))}
                        {(!b.feedback.is_empty()).then(|| feedback(d, &b.feedback, lang))}
                        {(!b.runs.is_empty()).then(|| runs(d, &b.runs, lang))}
                        {(!b.staff.is_empty()).then(|| staff(&b.staff, lang))}
                        {(!b.audits.is_empty()).then(|| audits(d, &b.audits, lang))}
                    }.into_any()
                })
            }}
        </section>
    }
}

/// A titled table of `total` records of which the first `SHOWN` are given as rows.
fn table(
    kind: &'static str,
    title: Key,
    total: usize,
    head: Vec<Key>,
    rows: Vec<AnyView>,
    lang: Lang,
) -> AnyView {
    let count = if total > SHOWN {
        Key::DrillShownOf
            .text(lang)
            .replace("{shown}", &SHOWN.to_string())
            .replace("{n}", &total.to_string())
    } else {
        Key::DrillCount
            .text(lang)
            .replace("{n}", &total.to_string())
    };
    view! {
        <section class="card" data-records=kind>
            <h2>{title.text(lang)}</h2>
            <p class="muted" data-testid=format!("drill-count-{kind}") data-n=total>{count}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label=title.text(lang)>
                <table class="report-table">
                    <thead><tr>{head.into_iter().map(|h| view! { <th scope="col">{h.text(lang)}</th> }).collect_view()}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

fn staff_name(d: &Data, id: Option<crate::domain::model::Id>) -> String {
    id.and_then(|id| d.staff_member(id))
        .map(|s| s.name.clone())
        .unwrap_or_else(|| "–".into())
}

fn when(t: crate::domain::model::Time, lang: Lang) -> String {
    format_datetime(t, browser::utc_offset_at(t), lang)
}

fn responses(d: &Data, rs: &[&crate::domain::model::Response], lang: Lang) -> AnyView {
    let rows = rs
        .iter()
        .take(SHOWN)
        .map(|r| {
            let survey = d
                .survey_of_version(r.survey_version_id)
                .map(|s| pick(&s.name, lang).to_string())
                .unwrap_or_default();
            let scores: Vec<String> = r
                .answers
                .values()
                .filter_map(|a| match a {
                    Answer::Score(s) => Some(s.to_string()),
                    _ => None,
                })
                .collect();
            view! {
                <tr data-id=r.id.to_string()>
                    <td>{when(r.submitted_at, lang)}</td>
                    <td>{survey}</td>
                    <td>{staff_name(d, r.staff_id)}</td>
                    <td>{scores.join(" · ")}</td>
                    <td>{r.visit_code.clone()}</td>
                </tr>
            }
            .into_any()
        })
        .collect();
    table(
        "responses",
        Key::DrillResponses,
        rs.len(),
        vec![
            Key::ColLocalTime,
            Key::ColSurvey,
            Key::ColStaff,
            Key::DrillScores,
            Key::ColVisitCode,
        ],
        rows,
        lang,
    )
}

fn feedback(d: &Data, fs: &[&crate::domain::model::Feedback], lang: Lang) -> AnyView {
    let rows = fs
        .iter()
        .take(SHOWN)
        .map(|f| {
            let link = Route::Detail(Section::Feedback, f.id.to_string(), None).href();
            let text = if f.text.trim().is_empty() {
                labels::feedback_kind(f.kind).text(lang).to_string()
            } else {
                f.text.clone()
            };
            let cause = f
                .root_cause
                .map_or("–", |r| labels::root_cause(r).text(lang));
            view! {
                <tr data-id=f.id.to_string()>
                    <td>{when(f.created_at, lang)}</td>
                    <td><a href=link>{text}</a></td>
                    <td>{labels::status(f.status).text(lang)}</td>
                    <td>{cause}</td>
                    <td>{staff_name(d, f.staff_id)}</td>
                </tr>
            }
            .into_any()
        })
        .collect();
    let title = if fs.iter().all(|f| f.kind == FeedbackKind::Complaint) {
        Key::DrillComplaints
    } else {
        Key::DrillFeedback
    };
    table(
        "feedback",
        title,
        fs.len(),
        vec![
            Key::ColLocalTime,
            Key::ColText,
            Key::ColStatus,
            Key::ColRootCause,
            Key::ColStaff,
        ],
        rows,
        lang,
    )
}

fn runs(d: &Data, runs: &[&crate::domain::model::ProcessRun], lang: Lang) -> AnyView {
    let rows = runs
        .iter()
        .take(SHOWN)
        .map(|r| {
            let process = d.process_of_version(r.process_version_id);
            let name = process
                .map(|p| pick(&p.name, lang).to_string())
                .unwrap_or_default();
            let link = process
                .map(|p| {
                    Route::Detail(Section::Processes, p.id.to_string(), Some("runs".into())).href()
                })
                .unwrap_or_default();
            let done = r.steps.iter().filter(|s| s.done_at.is_some()).count();
            view! {
                <tr data-id=r.id.to_string()>
                    <td>{r.finished_at.map(|t| when(t, lang)).unwrap_or_default()}</td>
                    <td><a href=link>{name}</a></td>
                    <td>{staff_name(d, r.staff_id)}</td>
                    <td>{format!("{done}/{}", r.steps.len())}</td>
                </tr>
            }
            .into_any()
        })
        .collect();
    table(
        "runs",
        Key::DrillRuns,
        runs.len(),
        vec![
            Key::ColLocalTime,
            Key::ColProcess,
            Key::ColStaff,
            Key::DrillStepsDone,
        ],
        rows,
        lang,
    )
}

fn staff(staff: &[&crate::domain::model::Staff], lang: Lang) -> AnyView {
    let rows = staff
        .iter()
        .take(SHOWN)
        .map(|s| {
            let link = Route::Detail(Section::Staff, s.id.to_string(), None).href();
            let day =
                |d: Option<chrono::NaiveDate>| d.map_or("–".into(), |d| format_date(d, lang));
            view! {
                <tr data-id=s.id.to_string()>
                    <td><a href=link>{s.name.clone()}</a></td>
                    <td>{day(s.joined_on)}</td>
                    <td>{day(s.left_on)}</td>
                </tr>
            }
            .into_any()
        })
        .collect();
    table(
        "staff",
        Key::DrillStaff,
        staff.len(),
        vec![Key::ColStaff, Key::DrillJoined, Key::DrillLeft],
        rows,
        lang,
    )
}

fn audits(d: &Data, list: &[&crate::domain::model::Audit], lang: Lang) -> AnyView {
    let rows = list
        .iter()
        .take(SHOWN)
        .map(|a| {
            let link = Route::Detail(Section::Audits, a.id.to_string(), None).href();
            let score = d
                .process_versions
                .iter()
                .find(|v| v.id == a.process_version_id)
                .map(|v| {
                    super::super::audits::score_text(
                        crate::domain::audit::score(a, v).overall,
                        lang,
                    )
                })
                .unwrap_or_default();
            view! {
                <tr data-id=a.id.to_string()>
                    <td><a href=link>{format_date(a.date, lang)}</a></td>
                    <td>{a.auditor.clone()}</td>
                    <td>{score}</td>
                </tr>
            }
            .into_any()
        })
        .collect();
    table(
        "audits",
        Key::DrillAudits,
        list.len(),
        vec![Key::AuditDate, Key::AuditAuditor, Key::AuditScore],
        rows,
        lang,
    )
}
