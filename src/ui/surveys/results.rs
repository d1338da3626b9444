//! One survey's results for a period: CSAT, NPS and CES with their n, each question's
//! figure, SERVQUAL gaps (unweighted and by the manager's importance points), and how
//! visits rated at the time were rated again in a follow-up survey.

use super::super::app_data::app_data;
use super::super::{browser, ctx, labels};
use super::breakdown::Breakdown;
use super::builder::kind_key;
use super::comments::Comments;
use crate::domain::model::*;
use crate::domain::period::Period;
use crate::domain::scoring::{self, Figure, ServqualGaps};
use crate::domain::survey_results::DEFAULT_PERIOD_DAYS;
use crate::domain::visit_link::visit_change;
use crate::i18n::{format_number, pick, Key, Lang};
use crate::route::{Route, Section};
use leptos::prelude::*;

/// A figure as text: value with its n, "no data" without one, and a small-sample warning.
fn figure_text(f: Figure, decimals: usize, suffix: &str, lang: Lang) -> String {
    match f.value {
        None => format!("{} (n=0)", Key::NoData.text(lang)),
        Some(v) => format!(
            "{}{suffix} (n={}){}",
            format_number(v, decimals, lang),
            f.n,
            if f.small_sample {
                Key::SmallSample.text(lang)
            } else {
                ""
            }
        ),
    }
}

/// The figure that suits a question's kind: CSAT for stars, NPS for 0–10, the mean else.
fn question_figure(q: &Question, rs: &[&Response], lang: Lang) -> Option<String> {
    let ids = [q.id];
    let it = rs.iter().copied();
    Some(match q.kind {
        QuestionKind::Stars => format!(
            "CSAT {}",
            figure_text(scoring::csat(it, &ids), 0, "%", lang)
        ),
        QuestionKind::Nps => format!("NPS {}", figure_text(scoring::nps(it, &ids), 0, "", lang)),
        k => {
            let range = k.scale()?;
            let label = if q.kind == QuestionKind::Likert {
                Key::MeanCes
            } else {
                Key::MeanScore
            };
            format!(
                "{} {}",
                label.text(lang),
                figure_text(scoring::mean(it, &ids, range), 2, "", lang)
            )
        }
    })
}

#[component]
pub fn Results(survey_id: Id) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let days = RwSignal::new(DEFAULT_PERIOD_DAYS);
    let weights = RwSignal::new([20.0f64; 5]);
    // The first local midnight of the period; "all time" has none.
    let since = move || {
        (days.get() > 0)
            .then(|| browser::bounds(Period::last_days(browser::today(), days.get())).start)
    };
    let follow_up = RwSignal::new(None::<Id>);
    let name = move || {
        app.data.with(|d| {
            d.survey(survey_id)
                .map(|s| pick(&s.name, c.lang.get()).to_string())
        })
    };
    // The period's responses to every version of the survey, for the breakdown and comments.
    let responses = Memo::new(move |_| {
        let from = since();
        app.data.with(|d| {
            let versions: Vec<Id> = d
                .survey_versions
                .iter()
                .filter(|x| x.survey_id == survey_id)
                .map(|x| x.id)
                .collect();
            d.responses
                .iter()
                .filter(|r| {
                    versions.contains(&r.survey_version_id)
                        && from.is_none_or(|f| r.submitted_at >= f)
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let version = Memo::new(move |_| {
        app.data
            .with(|d| crate::domain::survey_edit::current(d, survey_id).cloned())
    });
    // Each question's figure over the same responses the breakdown and comments use.
    let questions = Memo::new(move |_| {
        let lang = c.lang.get();
        let Some(v) = version.get() else {
            return (Vec::new(), 0);
        };
        responses.with(|all| {
            let rs: Vec<&Response> = all.iter().collect();
            let rows = v
                .questions
                .iter()
                .filter(|q| q.servqual.is_none())
                .filter_map(|q| {
                    Some((
                        pick(&q.text, lang).to_string(),
                        kind_key(q.kind),
                        question_figure(q, &rs, lang)?,
                    ))
                })
                .collect::<Vec<_>>();
            (rows, rs.len())
        })
    });
    let servqual = Memo::new(move |_| {
        let from = since();
        let w = weights.get();
        app.data.with(|d| {
            let v = crate::domain::survey_edit::current(d, survey_id)?;
            let items = scoring::servqual_items(v);
            if items.is_empty() {
                return None;
            }
            let rs = d.responses.iter().filter(|r| {
                r.survey_version_id == v.id && from.is_none_or(|f| r.submitted_at >= f)
            });
            let weights: Vec<(Dimension, f64)> =
                Dimension::SERVQUAL.iter().cloned().zip(w).collect();
            Some(scoring::servqual(rs, &items, Some(&weights)))
        })
    });
    let follow_ups = move || {
        let lang = c.lang.get();
        app.data.with(|d| {
            d.surveys
                .iter()
                .filter(|s| s.id != survey_id && s.kind == SurveyKind::FollowUp && !s.archived)
                .map(|s| (s.id, pick(&s.name, lang).to_string()))
                .collect::<Vec<_>>()
        })
    };
    let change = move || {
        let other = follow_up.get()?;
        Some(app.data.with(|d| visit_change(d, survey_id, other)))
    };
    view! {
        <section class="page" data-page="survey-results">
            <a href=Route::Section(Section::Surveys).href() class="back-link">{c.t(Key::SurveysBack)}</a>
            <h1>{name}</h1>
            <div class="card form-inline no-print">
                <label for="results-period">{c.t(Key::AnalysisPeriod)}</label>
                <select id="results-period" on:change=move |ev| days.set(event_target_value(&ev).parse().unwrap_or(DEFAULT_PERIOD_DAYS))>
                    {[(7, Key::AnalysisLast7), (30, Key::AnalysisLast30), (90, Key::AnalysisLast90), (0, Key::ResultsAllTime)].into_iter().map(|(n, key)| view! {
                        <option value=n.to_string() selected=n == DEFAULT_PERIOD_DAYS>{c.t(key)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="card" data-testid="question-figures">
                <h2>{c.t(Key::ResultsQuestions)}" · "{c.t(Key::SurveysResponses)}" "{move || questions.get().1}</h2>
                <div class="table-scroll">
                    <table>
                        <tbody>
                            {move || questions.get().0.into_iter().map(|(text, kind, figure)| view! {
                                <tr><th scope="row">{text}<span class="muted small">" · "{c.t(kind)}</span></th><td data-testid="figure">{figure}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p class="muted small">{c.t(Key::ResultsHelp)}</p>
            </div>
            <Breakdown version=Signal::derive(move || version.get()) responses=Signal::derive(move || responses.get())/>
            <Comments responses=Signal::derive(move || responses.get())/>
            {move || { c.lang.track(); servqual.get() }.map(|r| match r {
                Ok(gaps) => view! { <ServqualView gaps weights/> }.into_any(),
                Err(_) => view! {
                    <div class="card"><p class="alert alert-warn" role="alert">{c.t(Key::WeightsNotHundred)}</p><Weights weights/></div>
                }.into_any(),
            })}
            <div class="card form-inline" data-testid="visit-link">
                <h2>{c.t(Key::VisitLinkTitle)}</h2>
                <p class="muted small">{c.t(Key::VisitLinkHelp)}</p>
                <label for="follow-up-survey">{c.t(Key::VisitLinkFollowUp)}</label>
                <select id="follow-up-survey" on:change=move |ev| follow_up.set(event_target_value(&ev).parse().ok())>
                    <option value="">"–"</option>
                    {move || follow_ups().into_iter().map(|(id, n)| view! { <option value=id.to_string()>{n}</option> }).collect_view()}
                </select>
                {move || change().map(|ch| {
                    let lang = c.lang.get();
                    let s = |v: Option<f64>| v.map(|v| format_number(v, 2, lang)).unwrap_or_else(|| "–".into());
                    view! {
                        <p data-testid="visit-change">
                            {c.t(Key::VisitLinkPairs)}" "{ch.pairs}" · "
                            {c.t(Key::VisitLinkInstant)}" "{s(ch.instant)}" → "{c.t(Key::VisitLinkLater)}" "{s(ch.follow_up)}
                            " ("{c.t(Key::VisitLinkChange)}" "{ch.change.map(|v| format!("{}{}", if v > 0.0 { "+" } else { "" }, format_number(v, 2, lang))).unwrap_or_else(|| "–".into())}")"
                        </p>
                    }
                })}
            </div>
        </section>
    }
}

#[component]
fn Weights(weights: RwSignal<[f64; 5]>) -> impl IntoView {
    let c = ctx();
    view! {
        <fieldset class="weights">
            <legend>{c.t(Key::WeightsTitle)}</legend>
            {Dimension::SERVQUAL.iter().enumerate().map(|(i, d)| {
                let id = format!("weight-{i}");
                view! {
                    <label for=id.clone()>{c.t(labels::dimension(d))}</label>
                    <input id=id type="number" min="0" max="100" inputmode="numeric"
                        prop:value=move || weights.get()[i].to_string()
                        on:change=move |ev| {
                            let v = event_target_value(&ev).parse::<f64>().unwrap_or(0.0);
                            weights.update(|w| w[i] = v);
                        }/>
                }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
fn ServqualView(gaps: ServqualGaps, weights: RwSignal<[f64; 5]>) -> impl IntoView {
    let c = ctx();
    let lang = c.lang.get_untracked();
    view! {
        <div class="card" data-testid="servqual">
            <h2>{c.t(Key::ServqualTitle)}</h2>
            <p class="muted small">{c.t(Key::ServqualHelp)}</p>
            <div class="table-scroll">
                <table>
                    <thead><tr><th scope="col">{c.t(Key::QuestionDimension)}</th><th scope="col">{c.t(Key::ServqualGap)}</th></tr></thead>
                    <tbody>
                        {gaps.dimensions.iter().map(|(d, f)| view! {
                            <tr><th scope="row">{c.t(labels::dimension(d))}</th><td>{figure_text(*f, 2, "", lang)}</td></tr>
                        }).collect_view()}
                        <tr class="total"><th scope="row">{c.t(Key::ServqualUnweighted)}</th><td data-testid="servqual-unweighted">{figure_text(gaps.unweighted, 2, "", lang)}</td></tr>
                        <tr class="total"><th scope="row">{c.t(Key::ServqualWeighted)}</th><td data-testid="servqual-weighted">{gaps.weighted.map(|f| figure_text(f, 2, "", lang))}</td></tr>
                    </tbody>
                </table>
            </div>
            <details class="guide">
                <summary>{c.t(Key::ServqualItems)}</summary>
                <ul>
                    {gaps.items.iter().map(|(item, f)| view! { <li>{format!("{item}: {}", figure_text(*f, 2, "", lang))}</li> }).collect_view()}
                </ul>
            </details>
            <Weights weights/>
        </div>
    }
}
