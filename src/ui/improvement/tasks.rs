//! The countermeasures: what, who, by when; ticked off as they are done. Each change is one
//! save on the stored action.

use super::super::app_data::app_data;
use super::super::{browser, ctx};
use super::card::{save_edit, Action};
use crate::domain::model::{Id, Task};
use crate::domain::Data;
use crate::i18n::{format_date, Key};
use leptos::prelude::*;

#[component]
pub fn Tasks(action: Action) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let what = RwSignal::new(String::new());
    let who = RwSignal::new(None::<Id>);
    let due = RwSignal::new(String::new());
    let refused = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = what.get_untracked().trim().to_string();
        if text.is_empty() {
            return refused.set(true);
        }
        refused.set(false);
        let task = Task {
            id: browser::new_id(),
            what: text,
            staff_id: who.get_untracked(),
            who: String::new(),
            due_on: due.get_untracked().parse().ok(),
            done_at: None,
        };
        save_edit(action, |a| a.tasks.push(task));
        what.set(String::new());
        due.set(String::new());
    };
    let toggle = move |id: Id, done: bool| {
        let now = browser::now();
        save_edit(action, |a| {
            if let Some(t) = a.tasks.iter_mut().find(|t| t.id == id) {
                t.done_at = done.then_some(now);
            }
        });
    };
    view! {
        <div class="card" data-testid="action-tasks">
            <h2>{c.t(Key::ImpTasks)}</h2>
            {move || {
                let a = action.get()?;
                let lang = c.lang.get();
                let today = browser::today();
                Some(if a.tasks.is_empty() {
                    view! { <p class="muted">{c.t(Key::ImpTasksNone)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="task-list">
                            {a.tasks.iter().map(|t| {
                                let id = t.id;
                                let who = t.staff_id.and_then(|s| app.data.with_untracked(|d| d.staff_member(s).map(|m| m.name.clone()))).unwrap_or_else(|| t.who.clone());
                                let late = t.done_at.is_none() && t.due_on.is_some_and(|d| d < today);
                                let label = format!("task-{id}");
                                view! {
                                    <li data-task=id.to_string() class:overdue=late>
                                        <input type="checkbox" id=label.clone() prop:checked=t.done_at.is_some()
                                            on:change=move |ev| toggle(id, event_target_checked(&ev))/>
                                        <label for=label>{t.what.clone()}</label>
                                        <span class="muted small">
                                            {(!who.is_empty()).then(|| format!(" · {who}"))}
                                            {t.due_on.map(|d| format!(" · {} {}", Key::ImpTaskDue.text(lang), format_date(d, lang)))}
                                        </span>
                                        {late.then(|| view! { " "<span class="badge badge-danger">{c.t(Key::ImpOverdue)}</span> })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })
            }}
            <form class="form-grid" data-testid="add-task" on:submit=add>
                <div class="field span-2">
                    <label for="task-what">{c.t(Key::ImpTaskWhat)}</label>
                    <input id="task-what" maxlength="500" prop:value=what on:input=move |ev| what.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="task-who">{c.t(Key::ImpTaskWho)}</label>
                    <select id="task-who" on:change=move |ev| who.set(event_target_value(&ev).parse().ok())>
                        <option value="">"–"</option>
                        {move || app.data.with(Data::active_staff).into_iter().map(|(sid, name)| view! { <option value=sid.to_string()>{name}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="task-due">{c.t(Key::ImpTaskDue)}</label>
                    <input id="task-due" type="date" prop:value=due on:input=move |ev| due.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="secondary">{c.t(Key::ImpTaskAdd)}</button>
                <Show when=move || refused.get()>
                    <p class="alert alert-warn span-2" role="alert">{c.t(Key::ImpTaskNeedsWhat)}</p>
                </Show>
            </form>
        </div>
    }
}
