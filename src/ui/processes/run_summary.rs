//! What the staff see when a run is finished: how many steps were done, which were skipped
//! and why, which ran late and by how much.

use super::super::app_data::app_data;
use super::super::ctx;
use crate::domain::model::Id;
use crate::domain::process_edit::steps;
use crate::domain::process_run::summary;
use crate::i18n::{format_minutes, pick, Key};
use leptos::prelude::*;

#[component]
pub fn Summary(run_id: Id, on_again: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let result = Memo::new(move |_| {
        app.data.with(|d| {
            let run = d.runs.iter().find(|r| r.id == run_id)?;
            let v = d
                .process_versions
                .iter()
                .find(|v| v.id == run.process_version_id)?;
            let name = |id: Id| {
                steps(v)
                    .find(|s| s.id == id)
                    .map(|s| s.name.clone())
                    .unwrap_or_default()
            };
            let sum = summary(v, run);
            let skipped: Vec<_> = sum
                .skipped
                .iter()
                .map(|(id, why)| (name(*id), why.clone()))
                .collect();
            let late: Vec<_> = sum.late.iter().map(|(id, s)| (name(*id), *s)).collect();
            Some((sum.done, skipped, late, sum.not_reached))
        })
    });
    let none = move || view! { <p class="muted">{c.t(Key::RunSummaryNone)}</p> };
    view! {
        <div class="card run-summary" data-testid="run-summary" role="status">
            <h2>{c.t(Key::RunSummaryTitle)}</h2>
            {move || result.get().map(|(done, skipped, late, not_reached)| {
                let lang = c.lang.get();
                view! {
                    <div class="kpis">
                        <div class="card kpi"><span class="muted">{c.t(Key::RunSummaryDone)}</span><strong data-testid="summary-done">{done}</strong></div>
                        <div class="card kpi"><span class="muted">{c.t(Key::RunSkipped)}</span><strong data-testid="summary-skipped">{skipped.len()}</strong></div>
                        <div class="card kpi"><span class="muted">{c.t(Key::RunSummaryLate)}</span><strong data-testid="summary-late">{late.len()}</strong></div>
                        {(not_reached > 0).then(|| view! {
                            <div class="card kpi"><span class="muted">{c.t(Key::RunSummaryNotReached)}</span><strong>{not_reached}</strong></div>
                        })}
                    </div>
                    <h3>{c.t(Key::RunSkipped)}</h3>
                    {if skipped.is_empty() { none().into_any() } else { view! {
                        <ul data-testid="summary-skipped-list">{skipped.into_iter().map(|(name, why)| view! {
                            <li><strong>{pick(&name, lang).to_string()}</strong>" — "{why}</li>
                        }).collect_view()}</ul>
                    }.into_any() }}
                    <h3>{c.t(Key::RunSummaryLate)}</h3>
                    {if late.is_empty() { none().into_any() } else { view! {
                        <ul data-testid="summary-late-list">{late.into_iter().map(|(name, over)| view! {
                            <li><strong>{pick(&name, lang).to_string()}</strong>" — "{c.t(Key::RunSummaryOver)}" "{format_minutes(over.max(0) as u32, lang)}" min"</li>
                        }).collect_view()}</ul>
                    }.into_any() }}
                }
            })}
            <button type="button" class="big" data-testid="run-again" on:click=move |_| on_again()>{c.t(Key::RunAgain)}</button>
        </div>
    }
}
