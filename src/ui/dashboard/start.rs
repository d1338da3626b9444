//! The first visit: business name and industry, then one tap to a working setup (that
//! industry's process, complaint handling, a CSAT and an NPS survey), or the demo.

use super::super::app_data::app_data;
use super::super::{browser, ctx, labels};
use crate::domain::start::{starter, INDUSTRIES};
use crate::domain::{demo, merge};
use crate::i18n::Key;
use crate::route::{Route, Section};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Start() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let name = RwSignal::new(String::new());
    let industry = RwSignal::new(0usize);
    let refused = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let save = move |changes| {
        busy.set(true);
        spawn_local(async move {
            let ok = app.save(changes, Vec::new()).await.is_ok();
            busy.set(false);
            if ok {
                let _ = window()
                    .location()
                    .set_hash(&Route::Section(Section::Processes).href());
            }
        });
    };
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let business = name.get_untracked();
        if business.trim().is_empty() {
            refused.set(true);
            return;
        }
        let t = INDUSTRIES[industry.get_untracked().min(INDUSTRIES.len() - 1)];
        save(starter(
            &business,
            t,
            &mut browser::new_id,
            browser::now(),
            c.lang.get_untracked(),
        ));
    };
    let load_demo = move |_| {
        let lang = c.lang.get_untracked();
        let made = demo::for_app(browser::now(), lang);
        save(app.data.with_untracked(|d| merge::merge(d, &made)));
    };
    view! {
        <div class="card start" data-testid="start">
            <h2>{c.t(Key::StartTitle)}</h2>
            <p class="lead">{c.t(Key::StartLead)}</p>
            <form class="form" novalidate on:submit=create>
                <label for="start-name">{c.t(Key::StartBusiness)}</label>
                <input id="start-name" type="text" maxlength="80" autocomplete="organization"
                    aria-describedby="start-message"
                    prop:value=name on:input=move |ev| { name.set(event_target_value(&ev)); refused.set(false); }/>
                <label for="start-industry">{c.t(Key::StartIndustry)}</label>
                <select id="start-industry" on:change=move |ev| industry.set(event_target_value(&ev).parse().unwrap_or(0))>
                    {INDUSTRIES.into_iter().enumerate().map(|(i, t)| view! {
                        <option value=i.to_string()>{move || labels::category(t.category(), c.lang.get())}</option>
                    }).collect_view()}
                </select>
                <p id="start-message" class="alert alert-error" role="alert" hidden=move || !refused.get()>{c.t(Key::StartNeedName)}</p>
                <div class="row-actions">
                    <button type="submit" class="big" data-testid="start-create" disabled=busy>{c.t(Key::StartCreate)}</button>
                    <button type="button" class="secondary" data-testid="start-demo" disabled=busy on:click=load_demo>{c.t(Key::DemoButton)}</button>
                </div>
            </form>
        </div>
    }
}
