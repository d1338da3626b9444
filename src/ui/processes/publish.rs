//! Publishing a draft: its change note, and the improvement action the new version carries
//! out, which is linked to it in the same save (the version history and the diff show it).

use super::super::app_data::app_data;
use super::super::{browser, ctx, labels};
use super::editor::{issue_key, save_draft, shown};
use crate::domain::edit::stamped;
use crate::domain::improvement;
use crate::domain::model::*;
use crate::domain::process_edit::{self as edit, EditError};
use crate::domain::process_library as library;
use crate::domain::Data;
use crate::i18n::{pick, Key};
use leptos::prelude::*;

#[component]
pub(super) fn PublishForm(process_id: Id, version: Memo<Option<ProcessVersion>>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let error = RwSignal::new(None::<EditError>);
    let carries_out = RwSignal::new(None::<Id>);
    let actions = move || {
        app.data.with(|d| {
            improvement::for_version(d, process_id)
                .into_iter()
                .map(|a| (a.id, a.title.clone()))
                .collect::<Vec<_>>()
        })
    };
    let publish = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(draft) = app
            .data
            .with_untracked(|d| library::latest(d, process_id).cloned())
        else {
            return;
        };
        let now = browser::now();
        match edit::publish(&draft, &draft.change_note, now) {
            Ok(v) => {
                error.set(None);
                let linked = carries_out.get_untracked().and_then(|id| {
                    app.data.with_untracked(|d| {
                        let a = d.improvement_actions.iter().find(|a| a.id == id)?;
                        let previous = a.updated_at;
                        let a = ImprovementAction {
                            process_version_id: Some(v.id),
                            ..a.clone()
                        };
                        Some(stamped(a, previous, now))
                    })
                });
                carries_out.set(None);
                app.save_later(Data {
                    process_versions: vec![v],
                    improvement_actions: linked.into_iter().collect(),
                    ..Data::default()
                });
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let step_name = move |id: Option<Id>| -> String {
        let Some(id) = id else { return String::new() };
        app.data.with_untracked(|d| {
            library::latest(d, process_id)
                .and_then(|v| {
                    edit::steps(v)
                        .find(|s| s.id == id)
                        .map(|s| pick(&s.name, c.lang.get_untracked()).to_string())
                })
                .unwrap_or_default()
        })
    };
    view! {
        <form class="card form" on:submit=publish data-testid="publish-form">
            <h2>{c.t(Key::Publish)}</h2>
            <label for="change-note">{c.t(Key::ChangeNote)}</label>
            <textarea id="change-note" rows="2"
                prop:value=shown("change-note".into(), move || version.with(|v| v.as_ref().map(|v| v.change_note.clone()).unwrap_or_default()))
                on:input=move |ev| { let v = event_target_value(&ev); save_draft(app, process_id, move |d| d.change_note = v); }></textarea>
            <label for="publish-action">{c.t(Key::PublishAction)}</label>
            <select id="publish-action" on:change=move |ev| carries_out.set(event_target_value(&ev).parse().ok())>
                <option value="" selected=move || carries_out.get().is_none()>{c.t(Key::PublishNoAction)}</option>
                {move || actions().into_iter().map(|(id, title)| view! {
                    <option value=id.to_string() selected=move || carries_out.get() == Some(id)>{move || labels::action_title(&title, c.lang.get())}</option>
                }).collect_view()}
            </select>
            {move || error.get().map(|e| match e {
                EditError::NoteRequired => view! { <p class="alert alert-error" role="alert">{c.t(Key::PublishNeedsNote)}</p> }.into_any(),
                EditError::Invalid(issues) => view! {
                    <div class="alert alert-error" role="alert" data-testid="publish-issues">
                        <p>{c.t(Key::PublishFixFirst)}</p>
                        <ul>{issues.into_iter().map(|i| {
                            let name = step_name(i.step_id);
                            view! { <li>{(!name.is_empty()).then(|| format!("{name}: "))}{c.t(issue_key(i.kind))}</li> }
                        }).collect_view()}</ul>
                    </div>
                }.into_any(),
                EditError::NotADraft | EditError::NoSuchStep => ().into_any(),
            })}
            <button type="submit" data-testid="publish">{c.t(Key::Publish)}</button>
        </form>
    }
}
