//! The survey builder: the survey's name and kind, and its questions — kind, text in both
//! languages, required, options, quality dimension, the process steps it measures, and the
//! follow-up asked on a low score. Saving an answered survey publishes a new version. A save
//! starts from what the builder read: changes made elsewhere since (another tab) are kept
//! where they touch other fields, and asked about where they touch the same.

use super::super::app_data::app_data;
use super::super::conflict::ConflictPrompt;
use super::super::{browser, ctx};
use super::preview::Preview;
use super::question::QuestionCard;
use crate::domain::edit::{self, Rebased};
use crate::domain::model::*;
use crate::domain::survey_edit::{self, QuestionIssue, QuestionIssueKind, Saved};
use crate::domain::Data;
use crate::i18n::{pick, Key};
use crate::route::{Route, Section};
use leptos::prelude::*;
use leptos::task::spawn_local;

pub const KINDS: [QuestionKind; 7] = [
    QuestionKind::Stars,
    QuestionKind::Smiley,
    QuestionKind::Nps,
    QuestionKind::Likert,
    QuestionKind::SingleChoice,
    QuestionKind::MultipleChoice,
    QuestionKind::Text,
];

pub fn kind_key(k: QuestionKind) -> Key {
    match k {
        QuestionKind::Stars => Key::QkStars,
        QuestionKind::Smiley => Key::QkSmiley,
        QuestionKind::Nps => Key::QkNps,
        QuestionKind::Likert => Key::QkLikert,
        QuestionKind::SingleChoice => Key::QkSingle,
        QuestionKind::MultipleChoice => Key::QkMultiple,
        QuestionKind::Text => Key::QkText,
    }
}

fn issue_key(k: QuestionIssueKind) -> Key {
    match k {
        QuestionIssueKind::EmptyText => Key::QiEmptyText,
        QuestionIssueKind::TooFewOptions => Key::QiTooFewOptions,
        QuestionIssueKind::BadThreshold => Key::QiBadThreshold,
        QuestionIssueKind::HalfFollowUp => Key::QiHalfFollowUp,
        QuestionIssueKind::NoQuestions => Key::QiNoQuestions,
    }
}

/// What the last save did, for the message under the button.
#[derive(Clone, PartialEq)]
enum Outcome {
    Updated,
    NewVersion(u32),
    Invalid(Vec<QuestionIssue>),
    /// Another survey has this name: the list and the kiosk could not tell them apart.
    NameTaken,
}

#[component]
pub fn Builder(survey_id: Id) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    // What is stored now: the survey and the version its builder edits.
    let stored = move || {
        app.data.with_untracked(|d| {
            let s = d.surveys.iter().find(|s| s.id == survey_id).cloned();
            (s, survey_edit::current(d, survey_id).cloned())
        })
    };
    let (Some(survey), version) = stored() else {
        return view! { <p class="alert alert-warn">{c.t(Key::SurveyNotFound)}</p> }.into_any();
    };
    let questions_of =
        |v: &Option<SurveyVersion>| v.as_ref().map(|v| v.questions.clone()).unwrap_or_default();
    let name = RwSignal::new(survey.name.clone());
    let kind = RwSignal::new(survey.kind);
    // Read once: the draft is the manager's until saved.
    let draft = RwSignal::new(questions_of(&version));
    // The versions the builder shows, which its changes are changes of.
    let base = StoredValue::new((survey, version));
    let show = move |s: Survey, v: Option<SurveyVersion>| {
        name.set(s.name.clone());
        kind.set(s.kind);
        draft.set(questions_of(&v));
        base.set_value((s, v));
    };
    let conflict = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);
    let previewing = RwSignal::new(false);
    let new_kind = RwSignal::new(QuestionKind::Stars);
    let version_line = move || {
        app.data.with(|d| {
            let v = survey_edit::current(d, survey_id)?;
            let answered = d
                .responses
                .iter()
                .filter(|r| r.survey_version_id == v.id)
                .count();
            Some((v.number, answered))
        })
    };
    let add = move |_| {
        draft.update(|qs| {
            qs.push(survey_edit::new_question(
                new_kind.get_untracked(),
                browser::new_id(),
            ))
        });
        outcome.set(None);
    };
    // Saves the builder's survey and questions; unless `keep_mine`, only after putting them
    // on what was stored meanwhile, field by field, and asking when both changed one.
    let save_with = move |keep_mine: bool| {
        let now = browser::now();
        let taken = app.data.with_untracked(|d| {
            survey_edit::name_taken(&d.surveys, &name.get_untracked(), Some(survey_id))
        });
        if taken {
            outcome.set(Some(Outcome::NameTaken));
            return;
        }
        let (base_survey, base_version) = base.get_value();
        let (Some(stored_survey), stored_version) = stored() else {
            return;
        };
        let mine = Survey {
            name: name.get_untracked(),
            kind: kind.get_untracked(),
            ..base_survey.clone()
        };
        let questions = draft.get_untracked();
        let rebased = if keep_mine {
            Some((
                edit::stamped(mine, stored_survey.updated_at, now),
                questions,
            ))
        } else {
            let questions = match (&base_version, &stored_version) {
                (Some(b), Some(s)) => {
                    let mine = SurveyVersion {
                        questions,
                        ..b.clone()
                    };
                    match edit::rebase(b, mine, Some(s), now) {
                        Rebased::Write(v) => Some(v.questions),
                        Rebased::Conflict => None,
                    }
                }
                // Another tab wrote the first questions since this one opened.
                (None, Some(_)) => None,
                (_, None) => Some(questions),
            };
            match (
                edit::rebase(&base_survey, mine, Some(&stored_survey), now),
                questions,
            ) {
                (Rebased::Write(s), Some(q)) => Some((s, q)),
                _ => None,
            }
        };
        let Some((survey, questions)) = rebased else {
            conflict.set(true);
            return;
        };
        conflict.set(false);
        let result = app
            .data
            .with_untracked(|d| survey_edit::save(d, survey_id, questions, browser::new_id(), now));
        let versions = match result {
            Err(issues) => {
                outcome.set(Some(Outcome::Invalid(issues)));
                return;
            }
            Ok(Saved::Updated(v)) => vec![v],
            Ok(Saved::NewVersion(v, old)) => vec![v, old],
        };
        let done = if versions.len() == 2 {
            Outcome::NewVersion(versions[0].number)
        } else {
            Outcome::Updated
        };
        show(survey.clone(), Some(versions[0].clone()));
        let changes = Data {
            surveys: vec![survey],
            survey_versions: versions,
            ..Data::default()
        };
        spawn_local(async move {
            if app.save(changes, Vec::new()).await.is_ok() {
                outcome.set(Some(done));
            }
        });
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save_with(false);
    };
    let reload = move || {
        if let (Some(s), v) = stored() {
            show(s, v);
        }
        conflict.set(false);
        outcome.set(None);
    };
    let number_of = move |qid: Option<Id>| {
        qid.and_then(|q| draft.with_untracked(|qs| qs.iter().position(|x| x.id == q)))
            .map(|i| format!("{} {}: ", Key::QuestionN.text(c.lang.get()), i + 1))
            .unwrap_or_default()
    };
    view! {
        <section class="page" data-page="survey-builder">
            <a href=Route::Section(Section::Surveys).href() class="back-link">{c.t(Key::SurveysBack)}</a>
            <h1>{move || pick(&name.get(), c.lang.get()).to_string()}</h1>
            <p class="version-line" data-testid="survey-version">
                {move || version_line().map(|(n, answered)| format!("{} {n} · {} {answered}", Key::ProcVersionN.text(c.lang.get()), Key::SurveysResponses.text(c.lang.get())))}
            </p>
            <form class="builder" on:submit=save novalidate>
                <div class="card form-grid">
                    <label for="survey-name-zh">{c.t(Key::SurveyNameZh)}</label>
                    <label for="survey-name-en">{c.t(Key::SurveyNameEn)}</label>
                    <input id="survey-name-zh" prop:value=move || name.with(|n| n.zh.clone())
                        on:input=move |ev| name.update(|n| n.zh = event_target_value(&ev))/>
                    <input id="survey-name-en" prop:value=move || name.with(|n| n.en.clone())
                        on:input=move |ev| name.update(|n| n.en = event_target_value(&ev))/>
                    <fieldset class="choices span-2">
                        <legend>{c.t(Key::SurveyKindLabel)}</legend>
                        {[(SurveyKind::Instant, Key::SurveyInstant), (SurveyKind::FollowUp, Key::SurveyFollowUp)].into_iter().map(|(k, key)| view! {
                            <label class="check">
                                <input type="radio" name="survey-kind" prop:checked=move || kind.get() == k on:change=move |_| kind.set(k)/>
                                {c.t(key)}
                            </label>
                        }).collect_view()}
                    </fieldset>
                </div>
                <p class="muted small">{c.t(Key::BuilderVersionHelp)}</p>
                <ol class="questions">
                    <For each=move || draft.with(|qs| qs.iter().map(|q| q.id).collect::<Vec<_>>()) key=|id| *id let:qid>
                        <QuestionCard draft qid/>
                    </For>
                </ol>
                <div class="card form-inline no-print">
                    <label for="new-question-kind">{c.t(Key::QuestionAddKind)}</label>
                    <select id="new-question-kind" on:change=move |ev| {
                        let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                        new_kind.set(KINDS[i.min(KINDS.len() - 1)]);
                    }>
                        {KINDS.into_iter().enumerate().map(|(i, k)| view! { <option value=i.to_string()>{c.t(kind_key(k))}</option> }).collect_view()}
                    </select>
                    <button type="button" class="button-secondary" data-testid="add-question" on:click=add>{c.t(Key::QuestionAdd)}</button>
                </div>
                <div class="row-actions">
                    <button type="submit" class="big" data-testid="save-survey">{c.t(Key::Save)}</button>
                    <button type="button" class="button-secondary" data-testid="toggle-preview" aria-expanded=move || previewing.get().to_string()
                        on:click=move |_| previewing.update(|p| *p = !*p)>{c.t(Key::SurveyPreview)}</button>
                </div>
                <Show when=move || previewing.get()>
                    <Preview draft name/>
                </Show>
                <Show when=move || conflict.get()>
                    <ConflictPrompt on_reload=reload on_keep=move || save_with(true)/>
                </Show>
                {move || outcome.get().map(|o| match o {
                    Outcome::Updated => view! { <p class="alert alert-ok" role="status" data-testid="survey-saved">{c.t(Key::Saved)}</p> }.into_any(),
                    Outcome::NewVersion(n) => view! {
                        <p class="alert alert-ok" role="status" data-testid="survey-saved">{move || format!("{} {n}", Key::BuilderNewVersion.text(c.lang.get()))}</p>
                    }.into_any(),
                    Outcome::NameTaken => view! {
                        <p class="alert alert-error" role="alert" data-testid="survey-name-taken">{c.t(Key::SurveyNameTaken)}</p>
                    }.into_any(),
                    Outcome::Invalid(issues) => view! {
                        <div class="alert alert-error" role="alert" data-testid="survey-issues">
                            <p>{c.t(Key::PublishFixFirst)}</p>
                            <ul>{issues.into_iter().map(|i| view! { <li>{number_of(i.question_id)}{c.t(issue_key(i.kind))}</li> }).collect_view()}</ul>
                        </div>
                    }.into_any(),
                })}
            </form>
        </section>
    }
    .into_any()
}
