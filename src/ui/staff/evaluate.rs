//! Scoring a person for a period: 1–5 on every capability with its guide at hand, and a
//! note. Entering the same period and evaluator again edits that evaluation.

use super::super::app_data::app_data;
use super::super::{browser, ctx};
use super::person::evaluator_key;
use super::{capability_name, month_value};
use crate::domain::capability as cap;
use crate::domain::edit;
use crate::domain::model::{Evaluation, Evaluator, Id};
use crate::domain::Data;
use crate::i18n::{pick, Key};
use crate::storage::settings;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

#[component]
pub fn EvaluationForm(staff_id: Id, period: RwSignal<NaiveDate>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let evaluator = RwSignal::new(Evaluator::Manager);
    let scores = RwSignal::new(BTreeMap::<Id, u8>::new());
    let note = RwSignal::new(String::new());
    let saved = RwSignal::new(false);
    let existing = move || {
        app.data.with_untracked(|d| {
            cap::latest_evaluations(
                &d.evaluations,
                period.get_untracked(),
                evaluator.get_untracked(),
            )
            .get(&staff_id)
            .map(|e| (*e).clone())
        })
    };
    // A new period or evaluator starts from what was entered for it, if anything.
    Effect::new(move |_| {
        period.track();
        evaluator.track();
        let e = existing();
        scores.set(e.as_ref().map(|e| e.scores.clone()).unwrap_or_default());
        note.set(e.map(|e| e.note).unwrap_or_default());
        saved.set(false);
    });
    let caps = Memo::new(move |_| {
        let lang = c.lang.get();
        app.data.with(|d| {
            cap::in_use(&d.capabilities)
                .into_iter()
                .map(|c| {
                    let guide: Vec<String> =
                        c.guide.iter().map(|g| pick(g, lang).to_string()).collect();
                    (
                        c.id,
                        capability_name(c, lang),
                        pick(&c.description, lang).to_string(),
                        guide,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = browser::now();
        let e = match existing() {
            Some(e) => Evaluation {
                scores: scores.get_untracked(),
                note: note.get_untracked().trim().into(),
                updated_at: edit::edited_at(e.updated_at, now),
                ..e
            },
            None => Evaluation {
                id: browser::new_id(),
                created_at: now,
                updated_at: now,
                staff_id,
                period: period.get_untracked(),
                evaluator: evaluator.get_untracked(),
                scores: scores.get_untracked(),
                note: note.get_untracked().trim().into(),
                location_id: settings::location(),
            },
        };
        spawn_local(async move {
            let changes = Data {
                evaluations: vec![e],
                ..Data::default()
            };
            saved.set(app.save(changes, Vec::new()).await.is_ok());
        });
    };
    view! {
        <form class="card evaluation" on:submit=submit data-testid="evaluate">
            <h2>{c.t(Key::EvalTitle)}" · "{move || month_value(period.get())}</h2>
            <fieldset class="choices">
                <legend>{c.t(Key::EvalBy)}</legend>
                {[Evaluator::Manager, Evaluator::SelfReview].into_iter().map(|who| view! {
                    <label class="check">
                        <input type="radio" name="evaluator" data-evaluator=format!("{who:?}")
                            prop:checked=move || evaluator.get() == who
                            on:change=move |_| evaluator.set(who)/>
                        {c.t(evaluator_key(who))}
                    </label>
                }).collect_view()}
            </fieldset>
            {move || caps.get().into_iter().map(|(id, name, description, guide)| {
                let group = format!("score-{id}");
                view! {
                    <fieldset class="score-scale" data-capability=id.to_string()>
                        <legend><strong>{name}</strong><span class="muted small">" "{description}</span></legend>
                        <div class="score-options">
                            {(cap::SCORE_SCALE.0..=cap::SCORE_SCALE.1).map(|s| {
                                let hint = guide.get(usize::from(s) - 1).cloned().unwrap_or_default();
                                let title = hint.clone();
                                view! {
                                    <label class="score-option" title=title>
                                        <input type="radio" name=group.clone() value=s.to_string()
                                            prop:checked=move || scores.with(|m| m.get(&id) == Some(&s))
                                            on:change=move |_| { scores.update(|m| { m.insert(id, s); }); saved.set(false); }/>
                                        <span class="score-number">{s}</span>
                                        <span class="score-hint">{hint}</span>
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                    </fieldset>
                }
            }).collect_view()}
            <label for="eval-note">{c.t(Key::EvalNote)}</label>
            <textarea id="eval-note" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            <button type="submit" data-testid="save-evaluation"
                disabled=move || scores.with(BTreeMap::is_empty)>{c.t(Key::EvalSave)}</button>
            <Show when=move || saved.get()>
                <p class="alert alert-ok" role="status" data-testid="evaluation-saved">{c.t(Key::Saved)}</p>
            </Show>
        </form>
    }
}
