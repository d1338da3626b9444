//! Step health on the dashboard: the worst SOP steps of the period first, each with its
//! compliance, how often it runs late, what customers said about it and the complaints
//! that name it.

use super::super::app_data::app_data;
use super::super::{browser, ctx};
use super::{records, span};
use crate::domain::dashboard::Query;
use crate::domain::drill::Focus;
use crate::domain::process_analysis::Share;
use crate::domain::step_health::{step_health, Concern, MIN_ANSWERS};
use crate::i18n::{format_number, pick, Key, Lang};
use leptos::prelude::*;

fn concern_key(c: Concern) -> Key {
    match c {
        Concern::LowCompliance => Key::ReasonLowCompliance,
        Concern::OftenLate => Key::ReasonOverrunShare,
        Concern::LowScore => Key::ConcernLowScore,
        Concern::Complaints => Key::ConcernComplaints,
        Concern::AuditFailed => Key::ConcernAuditFailed,
    }
}

fn share(s: Share, lang: Lang) -> String {
    s.ratio().map_or_else(
        || "–".to_string(),
        |r| {
            format!(
                "{}% ({}/{})",
                format_number(100.0 * r, 0, lang),
                s.num,
                s.den
            )
        },
    )
}

#[component]
pub fn StepHealthTable(query: RwSignal<Query>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let rows = Memo::new(move |_| {
        let q = query.get();
        let s = span(q.period.resolve(browser::today()));
        app.data
            .with(|d| app.facts.with(|facts| step_health(d, facts, &s, &q.filter)))
    });
    let process_name = move |id| {
        app.data.with(|d| {
            d.process(id)
                .map(|p| pick(&p.name, c.lang.get()).to_string())
                .unwrap_or_default()
        })
    };
    view! {
        <section class="card" data-testid="step-health">
            <h2>{c.t(Key::DashStepHealth)}</h2>
            <p class="muted">{c.t(Key::DashStepHealthHelp)}</p>
            {move || {
                let lang = c.lang.get();
                let rows = rows.get();
                if rows.is_empty() {
                    return view! { <p class="muted">{c.t(Key::DashStepHealthNone)}</p> }.into_any();
                }
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label=c.t(Key::DashStepHealth)>
                    <table class="report-table">
                        <thead><tr>
                            <th scope="col">{c.t(Key::ColStep)}</th>
                            <th scope="col">{c.t(Key::KpiCompliance)}</th>
                            <th scope="col">{c.t(Key::ColLate)}</th>
                            <th scope="col">{c.t(Key::ColLinkedScore)}</th>
                            <th scope="col">{c.t(Key::DashParetoCount)}</th>
                            <th scope="col">{c.t(Key::ColAudits)}</th>
                            <th scope="col">{c.t(Key::ColConcerns)}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().take(10).map(|h| {
                                let score = match h.score {
                                    Some(v) if h.answers >= MIN_ANSWERS => format!("{} (n={})", format_number(v, 2, lang), h.answers),
                                    _ if h.answers > 0 => format!("{} (n={})", Key::DashHeatTooFew.text(lang), h.answers),
                                    _ => "–".to_string(),
                                };
                                let concerns: Vec<&str> = h.concerns.iter().map(|k| concern_key(*k).text(lang)).collect();
                                view! {
                                    <tr data-step=h.step_id.to_string() class:flagged=!h.concerns.is_empty()>
                                        <th scope="row"><a href=records::href(&query.get_untracked(), Focus::Step(h.step_id))>{pick(&h.name, lang).to_string()}</a><br/><small class="muted">{process_name(h.process_id)}</small></th>
                                        <td>{share(h.compliance, lang)}</td>
                                        <td>{share(h.overrun, lang)}</td>
                                        <td>{score}</td>
                                        <td>{h.complaints}</td>
                                        <td data-col="audits">{if h.audit.seen == 0 { "–".to_string() } else { format!("{} / {}", h.audit.failed, h.audit.seen) }}</td>
                                        <td>{if concerns.is_empty() { "–".to_string() } else { concerns.join(", ") }}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
