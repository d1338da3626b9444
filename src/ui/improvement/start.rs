//! "Start an improvement" wherever a finding is shown: a new Plan-stage action linked to it,
//! its condition measured over the period the finding was seen in, stored, then opened.

use super::super::app_data::app_data;
use super::super::{browser, ctx};
use crate::domain::improvement;
use crate::domain::model::Trigger;
use crate::domain::period::Period;
use crate::domain::Data;
use crate::i18n::Key;
use crate::route::{Route, Section};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Days a finding from a page without a period (a complaint, the board) is measured over.
const RECENT_DAYS: u32 = 30;

pub fn recent() -> Period {
    Period::last_days(browser::today(), RECENT_DAYS)
}

/// Opens, stores and shows a new action from `trigger`.
pub fn start(trigger: Trigger, period: Period) {
    let app = app_data();
    let (id, now) = (browser::new_id(), browser::now());
    let action = app
        .data
        .with_untracked(|d| improvement::open(d, trigger, period, browser::utc_offset(), id, now));
    spawn_local(async move {
        let changes = Data {
            improvement_actions: vec![action],
            ..Data::default()
        };
        if app.save(changes, Vec::new()).await.is_ok() {
            let href = Route::Detail(Section::Improvement, id.to_string(), None).href();
            let _ = window().location().set_hash(&href);
        }
    });
}

/// The button that starts an action from `trigger` over `period`, both read when pressed.
#[component]
pub fn StartButton(
    trigger: impl Fn() -> Trigger + Copy + 'static,
    period: impl Fn() -> Period + Copy + 'static,
    #[prop(optional)] label: Option<Key>,
) -> impl IntoView {
    let c = ctx();
    view! {
        <button type="button" class="secondary" data-testid="start-improvement"
            on:click=move |_| start(trigger(), period())>{c.t(label.unwrap_or(Key::ImpStart))}</button>
    }
}
