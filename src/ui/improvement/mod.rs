//! 持续改进 Improvement: the PDCA actions as a board by stage, filtered by owner, process
//! and lateness, overdue ones first and marked; each card opens its A3 (`card`).

mod card;
pub(super) mod effect;
mod start;
mod tasks;

pub use card::ImprovementDetail;
pub use start::{recent, StartButton};

use super::app_data::app_data;
use super::{browser, ctx, labels};
use crate::domain::improvement::{self, action_kpi, ListFilter};
use crate::domain::model::{ImprovementAction, PdcaStage, Trigger};
use crate::i18n::{format_date, pick, Key};
use crate::route::{Route, Section};
use leptos::prelude::*;

const BOARD: [PdcaStage; 6] = [
    PdcaStage::Plan,
    PdcaStage::Do,
    PdcaStage::Check,
    PdcaStage::Act,
    PdcaStage::Done,
    PdcaStage::Abandoned,
];

#[component]
pub fn ImprovementPage() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let filter = RwSignal::new(ListFilter::default());
    let as_list = RwSignal::new(false);
    let shown = Memo::new(move |_| {
        let f = filter.get();
        app.data.with(|d| {
            improvement::list(d, &f, browser::today())
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let none = move || app.data.with(|d| d.improvement_actions.is_empty());
    let processes = move || {
        app.data.with(|d| {
            d.processes
                .iter()
                .map(|p| (p.id, pick(&p.name, c.lang.get()).to_string()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="page" data-page=Section::Improvement.slug()>
            <h1>{c.t(Key::NavImprovement)}</h1>
            <p class="lead">{c.t(Key::AboutImprovement)}</p>
            <div class="row-actions">
                <StartButton trigger=|| Trigger::Manual period=recent label=Key::ImpNew/>
            </div>
            {move || none().then(|| view! { <p class="muted" data-testid="improvement-none">{c.t(Key::ImprovementNone)}</p> })}
            <div class="toolbar" data-testid="improvement-filters">
                <fieldset class="choices">
                    <legend class="visually-hidden">{c.t(Key::ImpView)}</legend>
                    <label class="check"><input type="radio" name="imp-view" id="imp-board" prop:checked=move || !as_list.get() on:change=move |_| as_list.set(false)/>{c.t(Key::ImpBoard)}</label>
                    <label class="check"><input type="radio" name="imp-view" id="imp-list" prop:checked=move || as_list.get() on:change=move |_| as_list.set(true)/>{c.t(Key::ImpList)}</label>
                </fieldset>
                <label for="imp-stage">{c.t(Key::ImpStageFilter)}</label>
                <select id="imp-stage" on:change=move |ev| { let code = event_target_value(&ev); filter.update(|f| f.stage = BOARD.into_iter().find(|s| stage_code(*s) == code)); }>
                    <option value="">{c.t(Key::ImpAll)}</option>
                    {BOARD.into_iter().map(|s| view! { <option value=stage_code(s)>{c.t(labels::pdca(s))}</option> }).collect_view()}
                </select>
                <label for="imp-owner">{c.t(Key::ImpOwner)}</label>
                <select id="imp-owner" on:change=move |ev| filter.update(|f| f.owner = event_target_value(&ev).parse().ok())>
                    <option value="">{c.t(Key::ImpAll)}</option>
                    {move || app.data.with(|d| d.active_staff()).into_iter().map(|(id, n)| view! { <option value=id.to_string()>{n}</option> }).collect_view()}
                </select>
                <label for="imp-process">{c.t(Key::ImpProcess)}</label>
                <select id="imp-process" on:change=move |ev| filter.update(|f| f.process = event_target_value(&ev).parse().ok())>
                    <option value="">{c.t(Key::ImpAll)}</option>
                    {move || processes().into_iter().map(|(id, n)| view! { <option value=id.to_string()>{n}</option> }).collect_view()}
                </select>
                <label class="check">
                    <input type="checkbox" id="imp-overdue" on:change=move |ev| filter.update(|f| f.overdue_only = event_target_checked(&ev))/>
                    {c.t(Key::ImpOverdueOnly)}
                </label>
            </div>
            <Show when=move || as_list.get()>
                <ActionList shown/>
            </Show>
            <div class="pdca-board" data-testid="pdca-board" hidden=move || as_list.get()>
                {BOARD.into_iter().map(|stage| {
                    let cards = move || shown.with(|all| all.iter().filter(|a| a.stage == stage).cloned().collect::<Vec<_>>());
                    view! {
                        <section class="card pdca-column" data-stage=stage_code(stage)>
                            <h2>{c.t(labels::pdca(stage))}" ("<span data-testid="stage-count">{move || cards().len()}</span>")"</h2>
                            <ul class="improvement-list">
                                {move || cards().into_iter().map(|a| view! { <BoardCard action=a/> }).collect_view()}
                            </ul>
                        </section>
                    }
                }).collect_view()}
            </div>
        </section>
    }
}

fn stage_code(s: PdcaStage) -> String {
    format!("{s:?}").to_lowercase()
}

/// The same actions as a table, for reading many at once.
#[component]
fn ActionList(shown: Memo<Vec<ImprovementAction>>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=c.t(Key::ImpList)>
            <table class="report-table" data-testid="improvement-list">
                <thead><tr>
                    <th scope="col">{c.t(Key::ImpTitle)}</th>
                    <th scope="col">{c.t(Key::ImpStageFilter)}</th>
                    <th scope="col">{c.t(Key::ImpOwner)}</th>
                    <th scope="col">{c.t(Key::ImprovementDue)}</th>
                </tr></thead>
                <tbody>
                    {move || {
                        let lang = c.lang.get();
                        let today = browser::today();
                        shown.get().into_iter().map(|a| {
                            let late = !improvement::overdue(&a, today).is_empty();
                            let owner = a.owner_id.and_then(|id| app.data.with_untracked(|d| d.staff_member(id).map(|s| s.name.clone())));
                            view! {
                                <tr data-action=a.id.to_string() data-stage=stage_code(a.stage)>
                                    <th scope="row"><a href=Route::Detail(Section::Improvement, a.id.to_string(), None).href()>{labels::action_title(&a.title, lang)}</a>
                                        {late.then(|| view! { " "<span class="badge badge-danger">{Key::ImpOverdue.text(lang)}</span> })}</th>
                                    <td>{labels::pdca(a.stage).text(lang)}</td>
                                    <td>{owner.unwrap_or_else(|| "–".into())}</td>
                                    <td>{a.due_on.map(|d| format_date(d, lang)).unwrap_or_else(|| "–".into())}</td>
                                </tr>
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn BoardCard(action: ImprovementAction) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let owner = action.owner_id.and_then(|id| {
        app.data
            .with_untracked(|d| d.staff_member(id).map(|s| s.name.clone()))
    });
    let late = !improvement::overdue(&action, browser::today()).is_empty();
    let kpi = action_kpi(&action);
    let done = action.tasks.iter().filter(|t| t.done_at.is_some()).count();
    let tasks = action.tasks.len();
    let href = Route::Detail(Section::Improvement, action.id.to_string(), None).href();
    let title = action.title.clone();
    let lang = move || c.lang.get();
    view! {
        <li class="pdca-card" class:overdue=late data-action=action.id.to_string()>
            <a class="pdca-title" href=href>{move || labels::action_title(&title, lang())}</a>
            {late.then(|| view! { " "<span class="badge badge-danger" data-testid="overdue">{c.t(Key::ImpOverdue)}</span> })}
            <p class="muted small">
                {move || kpi.map(|k| labels::kpi(k).text(lang()))}
                {owner.map(|o| format!(" · {o}"))}
                {move || action.due_on.map(|d| format!(" · {} {}", Key::ImprovementDue.text(lang()), format_date(d, lang())))}
                {(tasks > 0).then(|| format!(" · {done}/{tasks}"))}
            </p>
        </li>
    }
}
