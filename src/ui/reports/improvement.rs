//! The report's improvement section: the actions worked on in the period by stage, and
//! those finished in it with their effect, measured as on their A3 card.

use super::super::app_data::app_data;
use super::super::dashboard::span;
use super::super::dashboard::tiles::value_text;
use super::super::improvement::effect::row;
use super::super::{browser, ctx, labels};
use crate::domain::dashboard::Query;
use crate::domain::improvement::report::in_period;
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn ImprovementPart(query: RwSignal<Query>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    view! {
        <section class="report-part" data-part="improvement">
            <h2>{c.t(Key::ReportSecImprovement)}</h2>
            {move || {
                let q = query.get();
                let lang = c.lang.get();
                let s = span(q.period.resolve(browser::today()));
                app.data.with(|d| {
                    let r = in_period(d, &s, browser::utc_offset(), browser::now());
                    let finished = r.finished.iter().map(|(a, e)| {
                        let title = labels::action_title(&a.title, lang);
                        match e {
                            Some(e) => {
                                let kpi = e.kpi;
                                let name = format!("{title} · {}", labels::kpi(kpi).text(lang));
                                row(name, &e.figure, move |v| value_text(kpi, v, lang), lang)
                            }
                            None => view! {
                                <tr><th scope="row">{title}</th><td colspan="5">{Key::ImpEffectNone.text(lang)}</td></tr>
                            }.into_any(),
                        }
                    }).collect_view();
                    let none_finished = r.finished.is_empty();
                    view! {
                        <table class="report-table" data-testid="report-improvement-stages">
                            <thead><tr>{r.by_stage.iter().map(|(st, _)| view! { <th scope="col">{labels::pdca(*st).text(lang)}</th> }).collect_view()}</tr></thead>
                            <tbody><tr>{r.by_stage.iter().map(|(st, n)| view! { <td data-stage=format!("{st:?}").to_lowercase()>{*n}</td> }).collect_view()}</tr></tbody>
                        </table>
                        <h3>{Key::ReportFinishedActions.text(lang)}</h3>
                        {if none_finished {
                            view! { <p class="muted" data-testid="report-improvement-none">{Key::ReportNoFinished.text(lang)}</p> }.into_any()
                        } else {
                            view! {
                                <table class="report-table" data-testid="report-improvement-effects">
                                    <thead><tr>
                                        <th scope="col">{Key::ImpGoalKpi.text(lang)}</th>
                                        <th scope="col">{Key::ImpBefore.text(lang)}</th>
                                        <th scope="col">{Key::ImpAfter.text(lang)}</th>
                                        <th scope="col">{Key::ImpDifference.text(lang)}</th>
                                        <th scope="col">{Key::ImpInterval.text(lang)}</th>
                                        <th scope="col">{Key::ImpEffect.text(lang)}</th>
                                    </tr></thead>
                                    <tbody>{finished}</tbody>
                                </table>
                            }.into_any()
                        }}
                    }
                })
            }}
        </section>
    }
}
