//! The responses of the surveys: filtered by period, survey and staff on duty; one opened to
//! read its answers; deleted after a confirmation.

use super::app_data::app_data;
use super::{browser, ctx};
use crate::domain::model::{Answer, Id, Response};
use crate::domain::period::Period;
use crate::domain::sort;
use crate::domain::Collection;
use crate::i18n::{format_datetime, pick, Key, Lang};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The list shows the newest of the matching responses; a year of a busy shop is thousands.
const SHOWN: usize = 100;

fn answer_text(a: &Answer, options: &[crate::domain::model::LocalText], lang: Lang) -> String {
    let option = |i: &u32| {
        options
            .get(*i as usize)
            .map(|o| pick(o, lang).to_string())
            .unwrap_or_else(|| i.to_string())
    };
    match a {
        Answer::Score(s) => s.to_string(),
        Answer::Choice(i) => option(i),
        Answer::Choices(is) => is.iter().map(option).collect::<Vec<_>>().join(", "),
        Answer::Text(t) => t.clone(),
    }
}

#[component]
pub fn Responses() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let days = RwSignal::new(30u32);
    let survey = RwSignal::new(None::<Id>);
    let staff = RwSignal::new(None::<Id>);
    let open = RwSignal::new(None::<Id>);
    let deleted = RwSignal::new(false);
    let matching = Memo::new(move |_| {
        let from = browser::bounds(Period::last_days(browser::today(), days.get())).start;
        let (survey, staff) = (survey.get(), staff.get());
        app.data.with(|d| {
            let versions: Vec<Id> = d
                .survey_versions
                .iter()
                .filter(|v| survey.is_none_or(|s| v.survey_id == s))
                .map(|v| v.id)
                .collect();
            let mut rs: Vec<&Response> = d
                .responses
                .iter()
                .filter(|r| {
                    r.submitted_at >= from
                        && versions.contains(&r.survey_version_id)
                        && staff.is_none_or(|s| r.staff_id == Some(s))
                })
                .collect();
            sort::by_key(&mut rs, |r| std::cmp::Reverse(r.submitted_at));
            (
                rs.len(),
                rs.into_iter().take(SHOWN).map(|r| r.id).collect::<Vec<_>>(),
            )
        })
    });
    let delete = move |id: Id| {
        if !window()
            .confirm_with_message(Key::ResponseDeleteConfirm.text(c.lang.get_untracked()))
            .unwrap_or(false)
        {
            return;
        }
        spawn_local(async move {
            if app
                .save(Default::default(), vec![(Collection::Responses, id)])
                .await
                .is_ok()
            {
                open.set(None);
                deleted.set(true);
            }
        });
    };
    let row = move |id: Id| {
        let lang = c.lang.get();
        app.data.with(|d| {
            let r = d.responses.iter().find(|r| r.id == id)?;
            let v = d
                .survey_versions
                .iter()
                .find(|v| v.id == r.survey_version_id);
            let survey = v
                .and_then(|v| d.surveys.iter().find(|s| s.id == v.survey_id))
                .map(|s| pick(&s.name, lang).to_string())
                .unwrap_or_default();
            let staff = r
                .staff_id
                .and_then(|s| d.staff.iter().find(|x| x.id == s))
                .map(|s| s.name.clone())
                .unwrap_or_default();
            let answers = v
                .map(|v| {
                    v.questions
                        .iter()
                        .filter_map(|q| {
                            r.answers.get(&q.id).map(|a| {
                                (
                                    pick(&q.text, lang).to_string(),
                                    answer_text(a, &q.options, lang),
                                    r.follow_ups.get(&q.id).cloned(),
                                )
                            })
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default();
            Some((
                format_datetime(r.submitted_at, browser::utc_offset_at(r.submitted_at), lang),
                survey,
                staff,
                answers,
            ))
        })
    };
    view! {
        <section class="card" data-testid="responses">
            <h2>{c.t(Key::ResponsesTitle)}</h2>
            <div class="toolbar">
                <label for="resp-period">{c.t(Key::AnalysisPeriod)}</label>
                <select id="resp-period" on:change=move |ev| days.set(event_target_value(&ev).parse().unwrap_or(30))>
                    <option value="7">{c.t(Key::AnalysisLast7)}</option>
                    <option value="30" selected>{c.t(Key::AnalysisLast30)}</option>
                    <option value="90">{c.t(Key::AnalysisLast90)}</option>
                </select>
                <label for="resp-survey">{c.t(Key::ResponsesSurvey)}</label>
                <select id="resp-survey" on:change=move |ev| survey.set(event_target_value(&ev).parse().ok())>
                    <option value="">{c.t(Key::ResponsesAll)}</option>
                    {move || app.data.with(|d| d.surveys.iter().map(|s| (s.id, pick(&s.name, c.lang.get()).to_string())).collect::<Vec<_>>())
                        .into_iter().map(|(id, n)| view! { <option value=id.to_string()>{n}</option> }).collect_view()}
                </select>
                <label for="resp-staff">{c.t(Key::ResponsesStaff)}</label>
                <select id="resp-staff" on:change=move |ev| staff.set(event_target_value(&ev).parse().ok())>
                    <option value="">{c.t(Key::ResponsesAll)}</option>
                    {move || app.data.with(|d| d.staff.iter().map(|s| (s.id, s.name.clone())).collect::<Vec<_>>())
                        .into_iter().map(|(id, n)| view! { <option value=id.to_string()>{n}</option> }).collect_view()}
                </select>
            </div>
            <Show when=move || deleted.get()>
                <p class="alert alert-ok" role="status" data-testid="response-deleted">{c.t(Key::ResponseDeleted)}</p>
            </Show>
            <p class="muted" data-testid="response-total">
                {c.t(Key::ResponsesShown)}" "{move || matching.with(|(_, ids)| ids.len())}" "{c.t(Key::ResponsesOf)}" "
                <span data-testid="response-matching">{move || matching.with(|(n, _)| *n)}</span>
            </p>
            <ul class="response-list">
                {move || {
                    let (total, ids) = matching.get();
                    if total == 0 {
                        return view! { <li class="muted">{c.t(Key::ResponsesNone)}</li> }.into_any();
                    }
                    ids.into_iter().filter_map(|id| row(id).map(|(when, survey, staff, answers)| {
                        let summary = answers.iter().filter(|(_, a, _)| a.len() <= 3).map(|(_, a, _)| a.clone()).collect::<Vec<_>>().join(" · ");
                        view! {
                            <li class="response-row" data-response=id.to_string()>
                                <div class="response-head">
                                    <span>{when}</span><span>{survey}</span><span>{staff}</span><strong>{summary}</strong>
                                    <button type="button" class="secondary" data-action="open"
                                        aria-expanded=move || (open.get() == Some(id)).to_string()
                                        on:click=move |_| open.update(|o| *o = if *o == Some(id) { None } else { Some(id) })>{c.t(Key::ResponseOpen)}</button>
                                </div>
                                <Show when=move || open.get() == Some(id)>
                                    <dl class="facts">
                                        {answers.iter().map(|(q, a, why)| view! {
                                            <dt>{q.clone()}</dt>
                                            <dd>{a.clone()}{why.clone().map(|w| view! { " — "<em>{w}</em> })}</dd>
                                        }).collect_view()}
                                    </dl>
                                    <button type="button" class="danger" data-action="delete" on:click=move |_| delete(id)>{c.t(Key::ResponseDelete)}</button>
                                </Show>
                            </li>
                        }
                    })).collect_view().into_any()
                }}
            </ul>
        </section>
    }
}
