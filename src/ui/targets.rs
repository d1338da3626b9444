//! The workspace's KPI targets, which the dashboard's tiles, trend lines and the exports
//! compare with. A value outside a KPI's range is refused by name and nothing is saved.

use super::app_data::app_data;
use super::dashboard::value_style;
use super::{ctx, labels};
use crate::domain::dashboard::{target, target_range, targeted, with_target};
use crate::domain::kpi::Kpi;
use crate::domain::model::Targets;
use crate::i18n::{format_number, Key};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

#[component]
pub fn TargetsCard() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let stored = move || {
        app.data
            .with(|d| d.workspace().map(|w| w.targets.clone()))
            .unwrap_or_default()
    };
    // What is typed, per KPI; empty means "as stored".
    let typed = RwSignal::new(BTreeMap::<Kpi, String>::new());
    let message = RwSignal::new(None::<Result<(), Kpi>>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut t: Targets = stored();
        for (k, text) in typed.get_untracked() {
            let parsed = text.trim().parse::<f64>().ok();
            match parsed.and_then(|v| with_target(&t, k, v)) {
                Some(next) => t = next,
                None => return message.set(Some(Err(k))),
            }
        }
        spawn_local(async move {
            if app.save_workspace(|w| w.targets = t).await.is_ok() {
                typed.set(BTreeMap::new());
                message.set(Some(Ok(())));
            }
        });
    };
    view! {
        <form class="card form" novalidate on:submit=save data-testid="targets">
            <h2>{c.t(Key::TargetsTitle)}</h2>
            <p class="muted">{c.t(Key::TargetsHelp)}</p>
            <div class="form-grid">
                {targeted().map(|k| {
                    let id = format!("target-{}", k.code());
                    let (lo, hi) = target_range(k);
                    let (decimals, unit) = value_style(k);
                    let shown = move || typed.with(|m| m.get(&k).cloned()).unwrap_or_else(|| {
                        target(&stored(), k).map(|v| format_number(v, decimals, c.lang.get()).replace(',', "")).unwrap_or_default()
                    });
                    view! {
                        <div>
                            <label for=id.clone()>{c.t(labels::kpi(k))}{(!unit.is_empty()).then(|| format!(" ({unit})"))}</label>
                            <input id=id type="number" step="any" min=lo max=hi inputmode="decimal"
                                prop:value=shown
                                on:input=move |ev| { let v = event_target_value(&ev); typed.update(|m| { m.insert(k, v); }); message.set(None); }/>
                        </div>
                    }
                }).collect_view()}
            </div>
            <button type="submit" data-testid="save-targets">{c.t(Key::Save)}</button>
            {move || message.get().map(|m| match m {
                Ok(()) => view! { <p class="alert alert-ok" role="status" data-testid="targets-message">{c.t(Key::Saved)}</p> }.into_any(),
                Err(k) => {
                    let (lo, hi) = target_range(k);
                    view! {
                        <p class="alert alert-error" role="alert" data-testid="targets-message">
                            {c.t(Key::TargetsInvalid)}" "{c.t(labels::kpi(k))}": "{move || format!("{} – {}", format_number(lo, 0, c.lang.get()), format_number(hi, 0, c.lang.get()))}
                        </p>
                    }.into_any()
                }
            })}
        </form>
    }
}
