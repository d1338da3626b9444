//! The draft as the customer will see it on the kiosk: each question's screen in turn, in
//! the kiosk's styles, with answers that do nothing. Nothing is stored.

use super::super::ctx;
use crate::domain::model::*;
use crate::i18n::{pick, Key};
use leptos::prelude::*;

/// What a score button shows: stars and faces as on the kiosk, numbers else.
fn face(kind: QuestionKind, s: u8) -> String {
    match kind {
        QuestionKind::Stars => format!("{s} ★"),
        QuestionKind::Smiley => ["😞", "🙁", "🙂", "😀"]
            .get(usize::from(s.saturating_sub(1)))
            .unwrap_or(&"")
            .to_string(),
        _ => s.to_string(),
    }
}

#[component]
pub fn Preview(draft: RwSignal<Vec<Question>>, name: RwSignal<LocalText>) -> impl IntoView {
    let c = ctx();
    let at = RwSignal::new(0usize);
    let screen = move || {
        let lang = c.lang.get();
        let qs = draft.get();
        let count = qs.len();
        let i = at.get().min(count.saturating_sub(1));
        let q = qs.get(i)?.clone();
        let answers = match q.kind.scale() {
            Some((lo, hi)) => view! {
                <div class=format!("kiosk-scale scale-{}", hi - lo + 1)>
                    {(lo..=hi).map(|s| view! { <button type="button" class="kiosk-answer" tabindex="-1" aria-hidden="true">{face(q.kind, s)}</button> }).collect_view()}
                </div>
            }
            .into_any(),
            None if q.kind == QuestionKind::Text => view! { <textarea class="kiosk-text" rows="3" readonly aria-hidden="true" tabindex="-1"></textarea> }.into_any(),
            None => view! {
                <div class="kiosk-choices">
                    {q.options.iter().map(|o| view! { <button type="button" class="kiosk-answer" tabindex="-1" aria-hidden="true">{pick(o, lang).to_string()}</button> }).collect_view()}
                </div>
            }
            .into_any(),
        };
        Some(view! {
            <p class="kiosk-progress">{i + 1}" / "{count}</p>
            <h1 class="kiosk-question" data-testid="preview-question">{pick(&q.text, lang).to_string()}</h1>
            {answers}
        })
    };
    let count = move || draft.with(Vec::len);
    view! {
        <div class="card" data-testid="survey-preview">
            <h2>{c.t(Key::SurveyPreview)}" · "{move || pick(&name.get(), c.lang.get()).to_string()}</h2>
            <p class="muted small">{c.t(Key::SurveyPreviewHelp)}</p>
            <div class="kiosk kiosk-preview">{screen}</div>
            <div class="row-actions">
                <button type="button" class="button-secondary" data-testid="preview-back" disabled=move || at.get() == 0
                    on:click=move |_| at.update(|i| *i = i.saturating_sub(1))>{c.t(Key::PreviewBack)}</button>
                <button type="button" class="button-secondary" data-testid="preview-next" disabled=move || { at.get() + 1 >= count() }
                    on:click=move |_| at.update(|i| *i += 1)>{c.t(Key::KioskNext)}</button>
            </div>
        </div>
    }
}
