//! One question in the builder. Every field writes straight into the draft, found by the
//! question's id, so moving questions never mixes their edits up.

use super::super::app_data::app_data;
use super::super::processes::step_choices;
use super::super::{ctx, labels};
use super::builder::{kind_key, KINDS};
use crate::domain::model::*;
use crate::domain::survey_edit::move_question;
use crate::i18n::Key;
use leptos::prelude::*;

/// The `<select>` value of a dimension: its index, "custom", or "" for none.
fn dimension_value(d: &Option<Dimension>) -> String {
    match d {
        None => String::new(),
        Some(Dimension::Custom(_)) => "custom".into(),
        Some(d) => Dimension::SERVQUAL
            .iter()
            .position(|x| x == d)
            .map(|i| i.to_string())
            .unwrap_or_default(),
    }
}

/// Changes the draft's question `qid` in place; both the card and its options write this way.
fn edit_question(draft: RwSignal<Vec<Question>>, qid: Id, f: &dyn Fn(&mut Question)) {
    draft.update(|qs| {
        if let Some(q) = qs.iter_mut().find(|q| q.id == qid) {
            f(q)
        }
    })
}

#[component]
pub fn QuestionCard(draft: RwSignal<Vec<Question>>, qid: Id) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let get = move |f: fn(&Question) -> String| {
        move || draft.with(|qs| qs.iter().find(|q| q.id == qid).map(f).unwrap_or_default())
    };
    let edit = move |f: &dyn Fn(&mut Question)| edit_question(draft, qid, f);
    let index = move || draft.with(|qs| qs.iter().position(|q| q.id == qid).unwrap_or(0));
    let kind = Memo::new(move |_| {
        draft
            .with(|qs| qs.iter().find(|q| q.id == qid).map(|q| q.kind))
            .unwrap_or(QuestionKind::Text)
    });
    let field_id = move |name: &str| format!("q-{qid}-{name}");
    let text_input = move |label: Key,
                           name: &'static str,
                           read: fn(&Question) -> String,
                           write: fn(&mut Question, String)| {
        view! {
            <div class="field">
                <label for=field_id(name)>{c.t(label)}</label>
                <input id=field_id(name) data-field=name prop:value=get(read)
                    on:input=move |ev| { let v = event_target_value(&ev); edit(&|q| write(q, v.clone())); }/>
            </div>
        }
    };
    let steps_list = move || app.data.with(|d| step_choices(d, c.lang.get()));
    let scale = move || kind.get().scale();
    let confirming = RwSignal::new(false);
    view! {
        <li class="card question form-grid" data-question=qid.to_string()>
            <h2 class="span-2">{move || format!("{} {}", Key::QuestionN.text(c.lang.get()), index() + 1)}</h2>
            <div class="field">
            <label for=field_id("kind")>{c.t(Key::QuestionKindLabel)}</label>
            <select id=field_id("kind") data-field="kind" on:change=move |ev| {
                let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                let k = KINDS[i.min(KINDS.len() - 1)];
                edit(&|q| {
                    q.kind = k;
                    // A threshold belongs to a scale; a new kind starts without one.
                    q.follow_up_at_or_below = None;
                    q.follow_up = None;
                    if matches!(k, QuestionKind::SingleChoice | QuestionKind::MultipleChoice) && q.options.len() < 2 {
                        q.options.resize(2, LocalText::default());
                    }
                });
            }>
                {KINDS.into_iter().enumerate().map(|(i, k)| view! {
                    <option value=i.to_string() selected=move || kind.get() == k>{c.t(kind_key(k))}</option>
                }).collect_view()}
            </select>
            </div>
            <label class="check">
                <input type="checkbox" data-field="required"
                    prop:checked=move || draft.with(|qs| qs.iter().any(|q| q.id == qid && q.required))
                    on:change=move |ev| { let on = event_target_checked(&ev); edit(&|q| q.required = on); }/>
                {c.t(Key::QuestionRequired)}
            </label>
            {text_input(Key::QuestionTextZh, "text-zh", |q| q.text.zh.clone(), |q, v| q.text.zh = v)}
            {text_input(Key::QuestionTextEn, "text-en", |q| q.text.en.clone(), |q, v| q.text.en = v)}
            <Show when=move || matches!(kind.get(), QuestionKind::SingleChoice | QuestionKind::MultipleChoice)>
                <Options draft qid/>
            </Show>
            <div class="field">
            <label for=field_id("dimension")>{c.t(Key::QuestionDimension)}</label>
            <select id=field_id("dimension") data-field="dimension" on:change=move |ev| {
                let v = event_target_value(&ev);
                let d = match v.as_str() {
                    "" => None,
                    "custom" => Some(Dimension::Custom(String::new())),
                    i => i.parse::<usize>().ok().and_then(|i| Dimension::SERVQUAL.get(i).cloned()),
                };
                edit(&|q| q.dimension = d.clone());
            }>
                <option value="" selected=move || get(|q| dimension_value(&q.dimension))().is_empty()>{c.t(Key::QuestionNoDimension)}</option>
                {Dimension::SERVQUAL.iter().enumerate().map(|(i, d)| view! {
                    <option value=i.to_string() selected=move || get(|q| dimension_value(&q.dimension))() == i.to_string()>{c.t(labels::dimension(d))}</option>
                }).collect_view()}
                <option value="custom" selected=move || get(|q| dimension_value(&q.dimension))() == "custom">{c.t(Key::DimCustom)}</option>
            </select>
            </div>
            <Show when=move || get(|q| dimension_value(&q.dimension))() == "custom">
                {text_input(Key::QuestionCustomDimension, "custom-dimension",
                    |q| match &q.dimension { Some(Dimension::Custom(s)) => s.clone(), _ => String::new() },
                    |q, v| q.dimension = Some(Dimension::Custom(v)))}
            </Show>
            <details class="span-2 guide">
                <summary>{c.t(Key::QuestionSteps)}" ("{move || draft.with(|qs| qs.iter().find(|q| q.id == qid).map_or(0, |q| q.step_ids.len()))}")"</summary>
                <div class="choices">
                    {move || steps_list().into_iter().map(|(sid, label)| view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=move || draft.with(|qs| qs.iter().any(|q| q.id == qid && q.step_ids.contains(&sid)))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    edit(&|q| { q.step_ids.retain(|s| *s != sid); if on { q.step_ids.push(sid); } });
                                }/>
                            {label}
                        </label>
                    }).collect_view()}
                </div>
            </details>
            <Show when=move || scale().is_some()>
                <div class="field span-2">
                <label for=field_id("threshold")>{c.t(Key::QuestionFollowUpAt)}</label>
                <select id=field_id("threshold") data-field="threshold" on:change=move |ev| {
                    let at = event_target_value(&ev).parse::<u8>().ok();
                    edit(&|q| q.follow_up_at_or_below = at);
                }>
                    <option value="">{c.t(Key::QuestionNoFollowUp)}</option>
                    {move || scale().map(|(lo, hi)| (lo..=hi).map(|s| view! {
                        <option value=s.to_string() selected=move || draft.with(|qs| qs.iter().any(|q| q.id == qid && q.follow_up_at_or_below == Some(s)))>{s}</option>
                    }).collect_view())}
                </select>
                </div>
                {text_input(Key::QuestionFollowUpZh, "follow-up-zh", |q| q.follow_up.as_ref().map(|t| t.zh.clone()).unwrap_or_default(),
                    |q, v| q.follow_up.get_or_insert_with(LocalText::default).zh = v)}
                {text_input(Key::QuestionFollowUpEn, "follow-up-en", |q| q.follow_up.as_ref().map(|t| t.en.clone()).unwrap_or_default(),
                    |q, v| q.follow_up.get_or_insert_with(LocalText::default).en = v)}
            </Show>
            <div class="row-actions span-2">
                <button type="button" class="button-secondary" data-action="up" on:click=move |_| { let i = index(); draft.update(|qs| move_question(qs, i, -1)) }
                    aria-label=move || format!("{} {}", Key::StepMoveUp.text(c.lang.get()), index() + 1)>"↑"</button>
                <button type="button" class="button-secondary" data-action="down" on:click=move |_| { let i = index(); draft.update(|qs| move_question(qs, i, 1)) }
                    aria-label=move || format!("{} {}", Key::StepMoveDown.text(c.lang.get()), index() + 1)>"↓"</button>
                <button type="button" class="button-danger" data-action="remove" on:click=move |_| confirming.set(true)>{c.t(Key::QuestionRemove)}</button>
            </div>
            // A removed question takes its wording with it: ask once before it goes.
            <Show when=move || confirming.get()>
                <div class="alert alert-warn span-2" role="alertdialog" aria-labelledby=field_id("confirm") data-testid="confirm-remove">
                    <p id=field_id("confirm")>{move || format!("{} {}?", Key::QuestionRemoveConfirm.text(c.lang.get()), index() + 1)}</p>
                    <div class="row-actions">
                        <button type="button" class="button-danger" data-action="confirm-remove" on:click=move |_| draft.update(|qs| qs.retain(|q| q.id != qid))>{c.t(Key::QuestionRemove)}</button>
                        <button type="button" class="button-secondary" data-action="cancel-remove" on:click=move |_| confirming.set(false)>{c.t(Key::Cancel)}</button>
                    </div>
                </div>
            </Show>
        </li>
    }
}

/// The answer options of a choice question, each in both languages.
#[component]
fn Options(draft: RwSignal<Vec<Question>>, qid: Id) -> impl IntoView {
    let c = ctx();
    // A memo: typing in an option must not rebuild the inputs (and lose focus).
    let count = Memo::new(move |_| {
        draft.with(|qs| {
            qs.iter()
                .find(|q| q.id == qid)
                .map_or(0, |q| q.options.len())
        })
    });
    let edit = move |f: &dyn Fn(&mut Question)| edit_question(draft, qid, f);
    let option = move |i: usize, zh: bool| {
        move || {
            draft.with(|qs| {
                qs.iter()
                    .find(|q| q.id == qid)
                    .and_then(|q| q.options.get(i))
                    .map(|o| if zh { o.zh.clone() } else { o.en.clone() })
                    .unwrap_or_default()
            })
        }
    };
    view! {
        <fieldset class="span-2 options-edit">
            <legend>{c.t(Key::QuestionOptions)}</legend>
            {move || (0..count.get()).map(|i| view! {
                <div class="option-row" data-option=i.to_string()>
                    <input aria-label=move || format!("{} {} (中文)", Key::QuestionOption.text(c.lang.get()), i + 1) data-field="option-zh" prop:value=option(i, true)
                        on:input=move |ev| { let v = event_target_value(&ev); edit(&|q| if let Some(o) = q.options.get_mut(i) { o.zh = v.clone() }); }/>
                    <input aria-label=move || format!("{} {} (English)", Key::QuestionOption.text(c.lang.get()), i + 1) data-field="option-en" prop:value=option(i, false)
                        on:input=move |ev| { let v = event_target_value(&ev); edit(&|q| if let Some(o) = q.options.get_mut(i) { o.en = v.clone() }); }/>
                    <button type="button" class="button-secondary" on:click=move |_| edit(&|q| if i < q.options.len() { q.options.remove(i); })
                        aria-label=move || format!("{} {}", Key::QuestionRemoveOption.text(c.lang.get()), i + 1)>"✕"</button>
                </div>
            }).collect_view()}
            <button type="button" class="button-secondary" data-testid="add-option" on:click=move |_| edit(&|q| q.options.push(LocalText::default()))>{c.t(Key::QuestionAddOption)}</button>
        </fieldset>
    }
}
