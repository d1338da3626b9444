//! 满意度调查 Surveys: the business's surveys, added from ready-made instruments, each with
//! its latest figures and a link that starts the kiosk.

mod breakdown;
mod builder;
mod comments;
mod preview;
mod question;
mod results;

use super::app_data::app_data;
use super::{browser, ctx};
use crate::domain::instruments::{self, InstrumentId};
use crate::domain::model::{
    Id, LocalText, QuestionKind, Response, Survey, SurveyKind, SurveyVersion,
};
use crate::domain::period::Period;
use crate::domain::survey_results::DEFAULT_PERIOD_DAYS;
use crate::domain::{edit, scoring, survey_edit, Data};
use crate::i18n::{format_number, pick, Key};
use crate::route::{Route, Section};
use leptos::prelude::*;

/// The question ids of one kind in these versions.
fn questions(versions: &[&SurveyVersion], kind: QuestionKind) -> Vec<Id> {
    versions
        .iter()
        .flat_map(|v| v.questions.iter())
        .filter(|q| q.kind == kind)
        .map(|q| q.id)
        .collect()
}

/// `#/surveys/<id>` edits a survey, `#/surveys/<id>/results` shows its figures.
#[component]
pub fn SurveyDetail(id: String, view: Option<String>) -> impl IntoView {
    let Ok(survey_id) = id.parse::<Id>() else {
        return view! { <p class="alert alert-warn">{ctx().t(Key::SurveyNotFound)}</p> }.into_any();
    };
    match view.as_deref() {
        Some("results") => view! { <results::Results survey_id/> }.into_any(),
        _ => view! { <builder::Builder survey_id/> }.into_any(),
    }
}

#[component]
pub fn SurveysPage() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let choice = RwSignal::new(0usize);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(i) = InstrumentId::ALL.get(choice.get_untracked()) else {
            return;
        };
        let mut made = instruments::instantiate(*i, &mut browser::new_id, browser::now());
        made.survey.name = app
            .data
            .with_untracked(|d| survey_edit::unique_name(&d.surveys, &made.survey.name));
        app.save_later(Data {
            surveys: vec![made.survey],
            survey_versions: vec![made.version],
            ..Data::default()
        });
    };
    let blank = move |_| {
        let now = browser::now();
        let survey = Survey {
            id: browser::new_id(),
            created_at: now,
            updated_at: now,
            name: app.data.with_untracked(|d| {
                survey_edit::unique_name(&d.surveys, &LocalText::new("新问卷", "New survey"))
            }),
            kind: SurveyKind::Instant,
            archived: false,
        };
        let href = Route::Detail(Section::Surveys, survey.id.to_string(), None).href();
        app.save_later(Data {
            surveys: vec![survey],
            ..Data::default()
        });
        let _ = window().location().set_hash(&href);
    };
    // The same period the results page opens on, so the two figures agree.
    let since = browser::bounds(Period::last_days(browser::today(), DEFAULT_PERIOD_DAYS)).start;
    let rows = move |archived: bool| {
        let lang = c.lang.get();
        app.data.with(|d| {
            d.surveys
                .iter()
                .filter(|s| s.archived == archived)
                .map(|s| {
                    let versions: Vec<&SurveyVersion> = d
                        .survey_versions
                        .iter()
                        .filter(|v| v.survey_id == s.id)
                        .collect();
                    let ids: Vec<Id> = versions.iter().map(|v| v.id).collect();
                    let responses: Vec<&Response> = d
                        .responses
                        .iter()
                        .filter(|r| ids.contains(&r.survey_version_id) && r.submitted_at >= since)
                        .collect();
                    let stars = questions(&versions, QuestionKind::Stars);
                    let nps = questions(&versions, QuestionKind::Nps);
                    let csat = scoring::csat(responses.iter().copied(), &stars);
                    let nps = scoring::nps(responses.iter().copied(), &nps);
                    let count = versions
                        .iter()
                        .map(|v| v.questions.len())
                        .max()
                        .unwrap_or(0);
                    (
                        s.id,
                        pick(&s.name, lang).to_string(),
                        count,
                        responses.len(),
                        csat,
                        nps,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    // Archiving hides a survey from the list and its kiosk link; its responses stay.
    let archive = move |id: Id, on: bool| {
        let Some(mut s) = app
            .data
            .with_untracked(|d| d.surveys.iter().find(|s| s.id == id).cloned())
        else {
            return;
        };
        s.archived = on;
        s.updated_at = edit::edited_at(s.updated_at, browser::now());
        app.save_later(Data {
            surveys: vec![s],
            ..Data::default()
        });
    };
    let figure = move |label: &'static str, f: scoring::Figure, suffix: &'static str| {
        f.value.map(|v| {
            format!(
                "{label} {}{suffix}{}",
                format_number(v, 0, c.lang.get()),
                if f.small_sample { " (n<30)" } else { "" }
            )
        })
    };
    view! {
        <section class="page" data-page=Section::Surveys.slug()>
            <h1>{c.t(Key::NavSurveys)}</h1>
            <form class="card form-inline" on:submit=add data-testid="add-survey">
                <h2>{c.t(Key::SurveysAdd)}</h2>
                <label for="instrument">{c.t(Key::SurveysInstrument)}</label>
                <select id="instrument" on:change=move |ev| choice.set(event_target_value(&ev).parse().unwrap_or(0))>
                    {InstrumentId::ALL.into_iter().enumerate().map(|(i, ins)| view! {
                        <option value=i.to_string()>
                            {move || pick(&ins.name(), c.lang.get()).to_string()}
                            {ins.is_simplification().then(|| view! { " ("{c.t(Key::SurveysSimplification)}")" })}
                        </option>
                    }).collect_view()}
                </select>
                <button type="submit">{c.t(Key::SurveysAdd)}</button>
                <button type="button" class="button-secondary" data-testid="blank-survey" on:click=blank>{c.t(Key::SurveysBlank)}</button>
            </form>
            <ul class="process-list" data-testid="survey-list">
                {move || {
                    let rows = rows(false);
                    if rows.is_empty() {
                        return view! { <li class="muted">{c.t(Key::SurveysNone)}</li> }.into_any();
                    }
                    rows.into_iter().map(|(id, name, count, responses, csat, nps)| view! {
                        <li class="card process-row" data-survey=id.to_string()>
                            <div>
                                <strong class="process-name">{name}</strong>
                                <p class="muted small">{count}" "{c.t(Key::SurveysQuestions)}</p>
                                <p class="small" data-testid="survey-headline">
                                    <span data-testid="headline-period">{c.t(Key::AnalysisLast30)}</span>": "
                                    {c.t(Key::SurveysResponses)}" "<span data-testid="response-count">{responses}</span>
                                    {figure("CSAT", csat, "%").map(|t| view! { " · "<span>{t}</span> })}
                                    {figure("NPS", nps, "").map(|t| view! { " · "<span>{t}</span> })}
                                </p>
                            </div>
                            <div class="row-actions">
                                <a class="button button-secondary" data-testid="edit-survey" href=Route::Detail(Section::Surveys, id.to_string(), None).href()>{c.t(Key::SurveysEdit)}</a>
                                <a class="button button-secondary" data-testid="survey-results" href=Route::Detail(Section::Surveys, id.to_string(), Some("results".into())).href()>{c.t(Key::SurveysResults)}</a>
                                <a class="button" data-testid="open-kiosk" href=Route::Kiosk(Some(id.to_string())).url()>{c.t(Key::SurveysOpenKiosk)}</a>
                                <button type="button" class="button-secondary" data-testid="archive-survey" on:click=move |_| archive(id, true)>{c.t(Key::SurveysArchive)}</button>
                            </div>
                        </li>
                    }).collect_view().into_any()
                }}
            </ul>
            {move || {
                let rows = rows(true);
                (!rows.is_empty()).then(|| view! {
                    <details class="card" data-testid="archived-surveys">
                        <summary>{c.t(Key::SurveysArchivedTitle)}" ("{rows.len()}")"</summary>
                        <p class="muted small">{c.t(Key::SurveysArchivedHelp)}</p>
                        <ul class="process-list">
                            {rows.into_iter().map(|(id, name, ..)| view! {
                                <li class="process-row" data-survey=id.to_string()>
                                    <strong class="process-name">{name}</strong>
                                    <div class="row-actions">
                                        <a class="button button-secondary" data-testid="survey-results" href=Route::Detail(Section::Surveys, id.to_string(), Some("results".into())).href()>{c.t(Key::SurveysResults)}</a>
                                        <button type="button" class="button-secondary" data-testid="unarchive-survey" on:click=move |_| archive(id, false)>{c.t(Key::SurveysUnarchive)}</button>
                                    </div>
                                </li>
                            }).collect_view()}
                        </ul>
                    </details>
                })
            }}
            <super::responses::Responses/>
        </section>
    }
}
