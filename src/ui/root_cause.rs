//! The root-cause category and the five whys, as a complaint and an improvement action both
//! ask them. The fields only edit the signals; the form around them saves.

use super::{ctx, labels};
use crate::domain::improvement::open::WHYS;
use crate::domain::model::RootCause;
use crate::i18n::Key;
use leptos::prelude::*;

/// `whys` padded to one field per why.
pub fn padded(whys: &[String]) -> Vec<String> {
    let mut w = whys.to_vec();
    w.resize(WHYS, String::new());
    w
}

/// The chain as kept: each answer trimmed, empty ones at the end dropped.
pub fn trimmed(whys: Vec<String>) -> Vec<String> {
    let mut w: Vec<String> = whys.into_iter().map(|w| w.trim().to_string()).collect();
    while w.last().is_some_and(String::is_empty) {
        w.pop();
    }
    w
}

/// `cause_id` names the select; the whys are `{why_id}1` … `{why_id}5`. `edited` is called
/// on every change.
#[component]
pub fn RootCauseFields(
    cause_id: &'static str,
    why_id: &'static str,
    cause: RwSignal<Option<RootCause>>,
    whys: RwSignal<Vec<String>>,
    edited: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let c = ctx();
    view! {
        <div class="field span-2">
            <label for=cause_id>{c.t(Key::FbRootCause)}</label>
            <select id=cause_id on:change=move |ev| { cause.set(event_target_value(&ev).parse::<usize>().ok().and_then(|i| RootCause::ALL.get(i).copied())); edited(); }>
                <option value="">"–"</option>
                {RootCause::ALL.into_iter().enumerate().map(|(i, rc)| view! {
                    <option value=i.to_string() selected=move || cause.get() == Some(rc)>{c.t(labels::root_cause(rc))}</option>
                }).collect_view()}
            </select>
        </div>
        <p class="muted small span-2">{c.t(Key::FbWhysHelp)}</p>
        {(0..WHYS).map(|i| {
            let id = format!("{why_id}{}", i + 1);
            view! {
                <div class="field span-2">
                    <label for=id.clone()>{move || format!("{} {}", Key::FbWhy.text(c.lang.get()), i + 1)}</label>
                    <input id=id prop:value=move || whys.with(|w| w.get(i).cloned().unwrap_or_default())
                        on:input=move |ev| { let v = event_target_value(&ev); whys.update(|w| if let Some(x) = w.get_mut(i) { *x = v }); edited(); }/>
                </div>
            }
        }).collect_view()}
    }
}
