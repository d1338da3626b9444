//! 持续改进 Improvement: the PDCA actions in the records, grouped by stage, each with its
//! owner, due date, notes, goal and the figures an older file noted (before → after). The
//! cards are read here; they are made and moved with the PDCA workflow.

use super::app_data::app_data;
use super::ctx;
use super::labels;
use crate::domain::improvement::action_kpi;
use crate::domain::model::{ImprovementAction, PdcaStage};
use crate::i18n::{format_date, format_number, Key};
use crate::route::Section;
use leptos::prelude::*;

const STAGES: [(PdcaStage, Key); 6] = [
    (PdcaStage::Plan, Key::PdcaPlan),
    (PdcaStage::Do, Key::PdcaDo),
    (PdcaStage::Check, Key::PdcaCheck),
    (PdcaStage::Act, Key::PdcaAct),
    (PdcaStage::Done, Key::PdcaDone),
    (PdcaStage::Abandoned, Key::PdcaAbandoned),
];

#[component]
pub fn ImprovementPage() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let actions = move |stage: PdcaStage| {
        app.data.with(|d| {
            let mut a: Vec<ImprovementAction> = d
                .improvement_actions
                .iter()
                .filter(|a| a.stage == stage)
                .cloned()
                .collect();
            a.sort_by_key(|a| (a.due_on, a.created_at));
            a
        })
    };
    let none = move || app.data.with(|d| d.improvement_actions.is_empty());
    view! {
        <section class="page" data-page=Section::Improvement.slug()>
            <h1>{c.t(Key::NavImprovement)}</h1>
            <p class="lead">{c.t(Key::AboutImprovement)}</p>
            {move || none().then(|| view! { <p class="muted" data-testid="improvement-none">{c.t(Key::ImprovementNone)}</p> })}
            {STAGES.into_iter().map(|(stage, key)| view! {
                {move || {
                    let list = actions(stage);
                    (!list.is_empty()).then(|| view! {
                        <section class="card" data-stage=format!("{stage:?}").to_lowercase()>
                            <h2>{c.t(key)}" ("{list.len()}")"</h2>
                            <ul class="improvement-list">
                                {list.into_iter().map(|a| view! { <Action action=a/> }).collect_view()}
                            </ul>
                        </section>
                    })
                }}
            }).collect_view()}
        </section>
    }
}

#[component]
fn Action(action: ImprovementAction) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let owner = action.owner_id.and_then(|id| {
        app.data
            .with_untracked(|d| d.staff_member(id).map(|s| s.name.clone()))
    });
    let lang = move || c.lang.get();
    let figure = move |v: Option<f64>| v.map_or("–".to_string(), |v| format_number(v, 1, lang()));
    let noted = action.noted.clone();
    let goal = action.goal.clone();
    let goal_kpi = action_kpi(&action);
    view! {
        <li data-action=action.id.to_string()>
            <h3>{action.title.clone()}</h3>
            <p class="muted">
                {owner.map(|o| format!("{o} · "))}
                {move || action.due_on.map(|d| format!("{} {}", Key::ImprovementDue.text(lang()), format_date(d, lang())))}
            </p>
            {(!action.notes.is_empty()).then(|| view! { <p>{action.notes.clone()}</p> })}
            {goal.map(|g| view! {
                <p data-testid="improvement-goal">
                    {move || Key::ImprovementGoal.text(lang())}": "
                    {move || goal_kpi.map(|k| format!("{} ", labels::kpi(k).text(lang())))}
                    {move || format_number(g.target, 1, lang())}" · "
                    {move || format!("{} {}", Key::ImprovementDue.text(lang()), format_date(g.by, lang()))}
                </p>
            })}
            {noted.map(|n| view! {
                <p>{n.kpi.clone()}": "{move || figure(n.before)}" → "{move || figure(n.after)}</p>
            })}
        </li>
    }
}
