//! What customers wrote: text answers and the follow-ups to low scores, filtered by low
//! score, the staff member on duty and the process step the question measures.

use super::super::app_data::app_data;
use super::super::processes::step_choices;
use super::super::{browser, ctx};
use crate::domain::model::*;
use crate::domain::scoring::Questions;
use crate::domain::survey_results::{comments, CommentFilter};
use crate::i18n::{format_datetime, pick, Key};
use leptos::prelude::*;

#[component]
pub fn Comments(#[prop(into)] responses: Signal<Vec<Response>>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let filter = RwSignal::new(CommentFilter::default());
    let list = move || {
        let lang = c.lang.get();
        let f = filter.get();
        let rs = responses.get();
        let refs: Vec<&Response> = rs.iter().collect();
        app.data.with(|d| {
            let qs = Questions::new(&d.survey_versions);
            comments(&qs, &refs, &f)
                .into_iter()
                .map(|cm| {
                    let question = qs
                        .get(cm.response.survey_version_id, cm.question_id)
                        .map(|q| pick(&q.text, lang).to_string())
                        .unwrap_or_default();
                    let staff = cm
                        .response
                        .staff_id
                        .and_then(|s| d.staff.iter().find(|x| x.id == s))
                        .map(|s| s.name.clone());
                    (
                        format_datetime(
                            cm.response.submitted_at,
                            browser::utc_offset_at(cm.response.submitted_at),
                            lang,
                        ),
                        question,
                        cm.score,
                        staff,
                        cm.text.to_string(),
                        cm.low,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let people = move || {
        app.data.with(|d| {
            d.staff
                .iter()
                .map(|s| (s.id, s.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let steps = move || app.data.with(|d| step_choices(d, c.lang.get()));
    view! {
        <div class="card" data-testid="comments">
            <h2>{c.t(Key::ResultsComments)}</h2>
            <div class="form-inline no-print">
                <label class="check">
                    <input type="checkbox" id="comments-low" prop:checked=move || filter.with(|f| f.low_only)
                        on:change=move |ev| { let on = event_target_checked(&ev); filter.update(|f| f.low_only = on); }/>
                    {c.t(Key::ResultsLowOnly)}
                </label>
                <label for="comments-staff">{c.t(Key::ResultsFilterStaff)}</label>
                <select id="comments-staff" on:change=move |ev| { let v = event_target_value(&ev).parse().ok(); filter.update(|f| f.staff = v); }>
                    <option value="">{c.t(Key::ResultsAllStaff)}</option>
                    {move || people().into_iter().map(|(id, n)| view! { <option value=id.to_string()>{n}</option> }).collect_view()}
                </select>
                <label for="comments-step">{c.t(Key::ResultsFilterStep)}</label>
                <select id="comments-step" on:change=move |ev| { let v = event_target_value(&ev).parse().ok(); filter.update(|f| f.step = v); }>
                    <option value="">{c.t(Key::ResultsAllSteps)}</option>
                    {move || steps().into_iter().map(|(id, n)| view! { <option value=id.to_string()>{n}</option> }).collect_view()}
                </select>
            </div>
            {move || {
                let rows = list();
                let n = rows.len();
                view! {
                    <p data-testid="comments-n">"n="{n}</p>
                    {if rows.is_empty() {
                        view! { <p class="muted">{c.t(Key::ResultsNoComments)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="comments">
                                {rows.into_iter().map(|(at, question, score, staff, text, low)| view! {
                                    <li data-testid="comment" data-low=low.to_string()>
                                        <p class="comment-text">{text}</p>
                                        <p class="muted small">
                                            {at}" · "{question}
                                            {score.map(|s| view! { " · "{c.t(Key::ResultsScore)}" "{s} })}
                                            {staff.map(|s| view! { " · "{s} })}
                                        </p>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                }
            }}
        </div>
    }
}
