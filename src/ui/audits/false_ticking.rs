//! 虚假打勾 False ticking of the period: per step and per staff member, the steps ticked done
//! in checklist runs on a day an auditor failed them, with the same minimum n as bottlenecks.

use super::super::app_data::app_data;
use super::super::dashboard::span;
use super::super::{browser, ctx};
use crate::domain::audit::{false_ticking, Ticked};
use crate::domain::dashboard::Query;
use crate::domain::process_analysis::MIN_N;
use crate::domain::Data;
use crate::i18n::{format_number, pick, Key, Lang};
use leptos::prelude::*;

fn rate_text(t: &Ticked, lang: Lang) -> String {
    match t.rate {
        Some(r) => format!("{} %", format_number(100.0 * r, 0, lang)),
        None => Key::FalseTickFewer
            .text(lang)
            .replace("{n}", &MIN_N.to_string()),
    }
}

fn step_name(d: &Data, step: crate::domain::model::Id, lang: Lang) -> String {
    d.process_versions
        .iter()
        .flat_map(|v| v.stages.iter().flat_map(|s| &s.steps))
        .find(|s| s.id == step)
        .map(|s| pick(&s.name, lang).to_string())
        .unwrap_or_default()
}

#[component]
pub fn FalseTickingTable(query: RwSignal<Query>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let rows = Memo::new(move |_| {
        let q = query.get();
        let s = span(q.period.resolve(browser::today()));
        let lang = c.lang.get();
        app.data.with(|d| {
            let ft = false_ticking(d, &s, &q.filter, browser::utc_offset());
            let steps: Vec<(String, Ticked)> = ft
                .steps
                .iter()
                .map(|((_, step), t)| (step_name(d, *step, lang), *t))
                .collect();
            let staff: Vec<(String, Ticked)> = ft
                .staff
                .iter()
                .map(|(id, t)| {
                    let name = d
                        .staff_member(*id)
                        .map(|s| s.name.clone())
                        .unwrap_or_default();
                    (name, *t)
                })
                .collect();
            (steps, staff)
        })
    });
    let table = move |who: Key, kind: &'static str, list: Vec<(String, Ticked)>, lang: Lang| {
        view! {
            <table class="report-table" data-testid=format!("false-ticking-{kind}")>
                <thead><tr>
                    <th scope="col">{who.text(lang)}</th>
                    <th scope="col">{Key::FalseTickCovered.text(lang)}</th>
                    <th scope="col">{Key::FalseTickFailed.text(lang)}</th>
                    <th scope="col">{Key::FalseTickRate.text(lang)}</th>
                </tr></thead>
                <tbody>{list.into_iter().map(|(name, t)| view! {
                    <tr>
                        <th scope="row">{name}</th>
                        <td data-col="covered">{t.covered}</td>
                        <td data-col="failed">{t.failed}</td>
                        <td data-col="rate">{rate_text(&t, lang)}</td>
                    </tr>
                }).collect_view()}</tbody>
            </table>
        }
    };
    view! {
        <section class="card" data-testid="false-ticking">
            <h2>{c.t(Key::FalseTickTitle)}</h2>
            <p class="muted">{c.t(Key::FalseTickAbout)}</p>
            {move || {
                let lang = c.lang.get();
                let (steps, staff) = rows.get();
                if steps.is_empty() {
                    return view! { <p class="muted" data-testid="false-ticking-none">{c.t(Key::FalseTickNone)}</p> }.into_any();
                }
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label=Key::FalseTickTitle.text(lang)>
                        {table(Key::FalseTickStep, "steps", steps, lang)}
                        {table(Key::ColStaff, "staff", staff, lang)}
                    </div>
                }.into_any()
            }}
        </section>
    }
}
