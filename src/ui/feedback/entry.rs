//! Entering a complaint, suggestion or praise as staff heard it: kind, channel, what was
//! said, and the person and process step it concerns.

use super::super::app_data::app_data;
use super::super::processes::step_choices;
use super::super::{browser, ctx, labels};
use super::KINDS;
use crate::domain::feedback;
use crate::domain::model::{Channel, FeedbackKind};
use crate::domain::Data;
use crate::i18n::Key;
use crate::storage::settings;
use leptos::prelude::*;

#[component]
pub fn NewFeedback() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let kind = RwSignal::new(FeedbackKind::Complaint);
    let channel = RwSignal::new(Channel::InPerson);
    let text = RwSignal::new(String::new());
    let staff = RwSignal::new(String::new());
    let step = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = text.get_untracked().trim().to_string();
        missing.set(t.is_empty());
        if t.is_empty() {
            return;
        }
        let mut f = feedback::open(
            kind.get_untracked(),
            channel.get_untracked(),
            t,
            browser::new_id(),
            browser::now(),
        );
        f.staff_id = staff.get_untracked().parse().ok();
        f.step_id = step.get_untracked().parse().ok();
        f.location_id = settings::location();
        app.save_later(Data {
            feedback: vec![f],
            ..Data::default()
        });
        text.set(String::new());
    };
    let people = move || app.data.with(Data::active_staff);
    let steps = move || app.data.with(|d| step_choices(d, c.lang.get()));
    view! {
        <details class="card" data-testid="new-feedback">
            <summary class="summary-button">{c.t(Key::FbAdd)}</summary>
            <form class="form-grid" on:submit=submit novalidate>
                <div class="field">
                    <label for="fb-kind">{c.t(Key::FbKind)}</label>
                    <select id="fb-kind" on:change=move |ev| kind.set(KINDS[event_target_value(&ev).parse::<usize>().unwrap_or(0).min(2)])>
                        {KINDS.into_iter().enumerate().map(|(i, k)| view! { <option value=i.to_string()>{c.t(labels::feedback_kind(k))}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="fb-channel">{c.t(Key::FbChannel)}</label>
                    <select id="fb-channel" on:change=move |ev| channel.set(Channel::ALL[event_target_value(&ev).parse::<usize>().unwrap_or(0).min(4)])>
                        {Channel::ALL.into_iter().enumerate().map(|(i, ch)| view! { <option value=i.to_string()>{c.t(labels::channel(ch))}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field span-2">
                    <label for="fb-text">{c.t(Key::FbText)}</label>
                    <textarea id="fb-text" rows="3" prop:value=text on:input=move |ev| text.set(event_target_value(&ev))
                        aria-invalid=move || missing.get().to_string()></textarea>
                </div>
                <div class="field">
                    <label for="fb-staff">{c.t(Key::FbStaff)}</label>
                    <select id="fb-staff" on:change=move |ev| staff.set(event_target_value(&ev))>
                        <option value="">"–"</option>
                        {move || people().into_iter().map(|(id, n)| view! { <option value=id.to_string()>{n}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="fb-step">{c.t(Key::FbStep)}</label>
                    <select id="fb-step" on:change=move |ev| step.set(event_target_value(&ev))>
                        <option value="">"–"</option>
                        {move || steps().into_iter().map(|(id, n)| view! { <option value=id.to_string()>{n}</option> }).collect_view()}
                    </select>
                </div>
                <Show when=move || missing.get()>
                    <p class="alert alert-warn span-2" role="alert">{c.t(Key::FbTextMissing)}</p>
                </Show>
                <button type="submit" class="span-2" data-testid="add-feedback">{c.t(Key::FbAdd)}</button>
            </form>
        </details>
    }
}
