//! The alert thresholds in Settings: an empty field turns its rule off; a value outside its
//! range is refused by name and nothing is saved.

use super::app_data::app_data;
use super::ctx;
use crate::domain::alerts::{rules_from, RuleError};
use crate::domain::model::AlertRules;
use crate::i18n::Key;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn error_key(e: RuleError) -> Key {
    match e {
        RuleError::CsatOutOfRange => Key::AlertRuleCsatInvalid,
        RuleError::NpsOutOfRange => Key::AlertRuleNpsInvalid,
        RuleError::ComplaintsNotWhole => Key::AlertRuleComplaintsInvalid,
        RuleError::StepScoreOutOfRange => Key::AlertRuleStepInvalid,
    }
}

#[component]
pub fn AlertRulesCard() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let stored = move || {
        app.data
            .with(|d| d.workspace().map(|w| w.alerts.clone()))
            .unwrap_or_default()
    };
    // Rust's shortest form, which a number field reads back: 80, 3.5, -10.
    let text = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    // What is typed, per field; `None` means "as stored".
    let fields: [RwSignal<Option<String>>; 4] = std::array::from_fn(|_| RwSignal::new(None));
    let shown = move |i: usize| {
        fields[i].get().unwrap_or_else(|| {
            let r: AlertRules = stored();
            match i {
                0 => text(r.csat_below),
                1 => text(r.nps_below),
                2 => r
                    .complaints_per_day
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                _ => text(r.step_score_below),
            }
        })
    };
    let message = RwSignal::new(None::<Result<(), RuleError>>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let rules = match rules_from(&shown(0), &shown(1), &shown(2), &shown(3)) {
            Ok(r) => r,
            Err(e) => return message.set(Some(Err(e))),
        };
        spawn_local(async move {
            if app.save_workspace(|w| w.alerts = rules).await.is_ok() {
                fields.iter().for_each(|f| f.set(None));
                message.set(Some(Ok(())));
            }
        });
    };
    let field = move |i: usize,
                      id: &'static str,
                      label: Key,
                      min: &'static str,
                      max: &'static str,
                      step: &'static str| {
        view! {
            <div>
                <label for=id>{c.t(label)}</label>
                <input id=id type="number" min=min max=max step=step inputmode="decimal"
                    prop:value=move || shown(i)
                    on:input=move |ev| { fields[i].set(Some(event_target_value(&ev))); message.set(None); }/>
            </div>
        }
    };
    view! {
        <form class="card form" novalidate on:submit=save data-testid="alert-rules">
            <h2>{c.t(Key::AlertRulesTitle)}</h2>
            <p class="muted">{c.t(Key::AlertRulesHelp)}</p>
            <div class="form-grid">
                {field(0, "alert-csat", Key::AlertRuleCsat, "0", "100", "any")}
                {field(1, "alert-nps", Key::AlertRuleNps, "-100", "100", "any")}
                {field(2, "alert-complaints", Key::AlertRuleComplaints, "0", "10000", "1")}
                {field(3, "alert-step", Key::AlertRuleStep, "1", "5", "any")}
            </div>
            <button type="submit" data-testid="save-alert-rules">{c.t(Key::Save)}</button>
            {move || message.get().map(|m| match m {
                Ok(()) => view! { <p class="alert alert-ok" role="status" data-testid="alert-rules-message">{c.t(Key::Saved)}</p> }.into_any(),
                Err(e) => view! { <p class="alert alert-error" role="alert" data-testid="alert-rules-message">{c.t(error_key(e))}</p> }.into_any(),
            })}
        </form>
    }
}
