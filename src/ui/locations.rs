//! Settings → Locations (门店): the chain's shops, and which one this device stands in.

use super::app_data::app_data;
use super::{browser, ctx};
use crate::domain::edit;
use crate::domain::locations::{self, NameProblem, NAME_MAX};
use crate::domain::model::{Id, Location};
use crate::domain::{Collection, Data};
use crate::i18n::Key;
use crate::storage::settings;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn problem_key(p: NameProblem) -> Key {
    match p {
        NameProblem::Empty => Key::LocationNameEmpty,
        NameProblem::TooLong => Key::LocationNameLong,
        NameProblem::Taken => Key::LocationNameTaken,
    }
}

#[component]
pub fn LocationsCard() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let here = RwSignal::new(settings::location());
    let message = RwSignal::new(None::<(bool, Key)>);
    let new_name = RwSignal::new(String::new());
    let all = move || {
        app.data.with(|d| {
            locations::sorted(d)
                .into_iter()
                .map(|l| (l.clone(), locations::in_use(d, l.id)))
                .collect::<Vec<_>>()
        })
    };
    let store = move |changes: Data, deletes: Vec<(Collection, Id)>, done: Key| {
        spawn_local(async move {
            let ok = app.save(changes, deletes).await.is_ok();
            message.set(Some((ok, if ok { done } else { Key::ErrQuota })));
        });
    };
    // An added or renamed location.
    let save = move |l: Location| {
        let changes = Data {
            locations: vec![l],
            ..Data::default()
        };
        store(changes, Vec::new(), Key::Saved);
    };
    let checked = move |name: &str, renaming: Option<Id>| {
        let problem = app
            .data
            .with_untracked(|d| locations::name_problem(d, name, renaming));
        if let Some(p) = problem {
            message.set(Some((false, problem_key(p))));
        }
        problem.is_none()
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        if !checked(&name, None) {
            return;
        }
        new_name.set(String::new());
        save(locations::new(&name, browser::new_id(), browser::now()));
    };
    let rename = move |l: Location, name: String| {
        if name.trim() == l.name || !checked(&name, Some(l.id)) {
            return;
        }
        save(Location {
            name: name.trim().to_string(),
            updated_at: edit::edited_at(l.updated_at, browser::now()),
            ..l
        });
    };
    let delete = move |id: Id| {
        if here.get_untracked() == Some(id) {
            let _ = settings::set_location(None);
            here.set(None);
        }
        store(
            Data::default(),
            vec![(Collection::Locations, id)],
            Key::LocationDeleted,
        );
    };
    let choose = move |value: String| {
        let at = value.parse::<Id>().ok();
        match settings::set_location(at) {
            Ok(()) => {
                here.set(at);
                message.set(Some((true, Key::Saved)));
            }
            Err(_) => message.set(Some((false, Key::ErrQuota))),
        }
    };
    view! {
        <div class="card form" data-testid="locations">
            <h2>{c.t(Key::LocationsTitle)}</h2>
            <p class="muted" id="locations-help">{c.t(Key::LocationsHelp)}</p>
            <label for="device-location">{c.t(Key::DeviceLocation)}</label>
            <select id="device-location" aria-describedby="locations-help" data-testid="device-location"
                on:change=move |ev| choose(event_target_value(&ev))>
                <option value="" selected=move || here.get().is_none()>{c.t(Key::DeviceLocationNone)}</option>
                {move || all().into_iter().map(|(l, _)| view! {
                    <option value=l.id.to_string() selected=move || here.get() == Some(l.id)>{l.name.clone()}</option>
                }).collect_view()}
            </select>
            <ul class="location-list" data-testid="location-list">
                {move || all().into_iter().map(|(l, used)| {
                    let input_id = format!("location-{}", l.id);
                    let name = RwSignal::new(l.name.clone());
                    let id = l.id;
                    let label = l.name.clone();
                    let key = l.name.clone();
                    view! {
                        <li class="location-row" data-location=key>
                            <label class="visually-hidden" for=input_id.clone()>{c.t(Key::LocationName)}" "{label}</label>
                            <input id=input_id type="text" maxlength=NAME_MAX prop:value=name
                                on:input=move |ev| name.set(event_target_value(&ev))/>
                            <span class="muted">{move || format!("{} {used}", c.t(Key::LocationRecords)())}</span>
                            <button type="button" class="secondary" data-testid="rename-location"
                                on:click=move |_| rename(l.clone(), name.get_untracked())>{c.t(Key::LocationRename)}</button>
                            // A location with records keeps them named; it can be renamed, not deleted.
                            <button type="button" class="secondary" data-testid="delete-location"
                                disabled={used > 0} on:click=move |_| delete(id)>{c.t(Key::ResponseDelete)}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="row-actions" on:submit=add novalidate>
                <label for="new-location">{c.t(Key::LocationNew)}</label>
                <input id="new-location" type="text" maxlength=NAME_MAX data-testid="new-location"
                    prop:value=new_name on:input=move |ev| new_name.set(event_target_value(&ev))/>
                <button type="submit" data-testid="add-location">{c.t(Key::LocationAdd)}</button>
            </form>
            {move || message.get().map(|(ok, k)| view! {
                <p class=if ok { "alert alert-ok" } else { "alert alert-error" } role="status" data-testid="locations-message">{c.t(k)}</p>
            })}
        </div>
    }
}
