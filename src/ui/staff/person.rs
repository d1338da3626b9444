//! One person: their details, the radar for a period over the team, the target and their
//! previous period, the scores from every source side by side, needs, and history.

use super::super::app_data::app_data;
use super::super::conflict::ConflictPrompt;
use super::super::{browser, ctx};
use super::evaluate::EvaluationForm;
use super::radar::{self, RadarChart};
use super::team::team_mean;
use super::{capability_name, month_value, score_text, PeriodPicker, StaffTabs, View};
use crate::charts::radar::SeriesKind;
use crate::domain::capability::{self as cap, DerivedScore, MIN_CUSTOMER_RESPONSES};
use crate::domain::edit::{self, Rebased};
use crate::domain::model::{Dimension, Evaluation, Evaluator, Id, Staff, VersionStatus};
use crate::domain::period::Period;
use crate::domain::process_analysis::staff_compliance;
use crate::domain::scoring::Questions;
use crate::domain::sort;
use crate::domain::{Collection, Data};
use crate::i18n::{format_date, format_number, format_percent, Key, Lang};
use crate::route::{Route, Section};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;

pub fn evaluator_key(e: Evaluator) -> Key {
    match e {
        Evaluator::Manager => Key::EvalManager,
        Evaluator::SelfReview => Key::EvalSelf,
    }
}

#[component]
pub fn PersonPage(staff_id: Id) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let period = super::opening_period(Some(staff_id));
    let person = Memo::new(move |_| {
        app.data
            .with(|d| d.staff.iter().find(|s| s.id == staff_id).cloned())
    });
    let exists = Memo::new(move |_| person.with(Option::is_some));
    view! {
        <section class="page" data-page="staff-person">
            <a href=Route::Section(Section::Staff).href() class="back-link">{c.t(Key::StaffBack)}</a>
            <Show when=move || exists.get() fallback=move || view! { <p class="alert alert-warn">{c.t(Key::StaffNotFound)}</p> }>
                <h1 data-testid="person-name">{move || person.get().map(|p| p.name)}</h1>
                <StaffTabs current=View::Team/>
                <PersonForm staff_id/>
                <div class="card form-inline no-print">
                    <PeriodPicker period id="person-period"/>
                </div>
                <PersonRadar staff_id period/>
                <ScoreTable staff_id period/>
                <EvaluationForm staff_id period/>
                <History staff_id/>
            </Show>
        </section>
    }
}

/// Name, role, joined and left: edited in place. Read once, so a save elsewhere never
/// overwrites what is being typed; the save puts only the fields changed here on what is
/// stored (`edit::rebase`), and asks when another tab changed one of them too.
#[component]
fn PersonForm(staff_id: Id) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let Some(s) = app
        .data
        .with_untracked(|d| d.staff.iter().find(|s| s.id == staff_id).cloned())
    else {
        return ().into_any();
    };
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let joined = RwSignal::new(String::new());
    let left = RwSignal::new(String::new());
    // The version the fields show: what this form's changes are changes of.
    let base = StoredValue::new(s.clone());
    let show = move |s: &Staff| {
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        name.set(s.name.clone());
        role.set(s.role_id.map(|r| r.to_string()).unwrap_or_default());
        joined.set(date(s.joined_on));
        left.set(date(s.left_on));
        base.set_value(s.clone());
    };
    show(&s);
    let saved = RwSignal::new(false);
    let conflict = RwSignal::new(false);
    let stored = move || {
        app.data
            .with_untracked(|d| d.staff.iter().find(|s| s.id == staff_id).cloned())
    };
    let mine = move || {
        let n = name.get_untracked().trim().to_string();
        (!n.is_empty()).then(|| Staff {
            name: n,
            role_id: role.get_untracked().parse().ok(),
            joined_on: joined.get_untracked().parse().ok(),
            left_on: left.get_untracked().parse().ok(),
            ..base.get_value()
        })
    };
    let write = move |s: Staff| {
        conflict.set(false);
        show(&s);
        spawn_local(async move {
            let changes = Data {
                staff: vec![s],
                ..Data::default()
            };
            saved.set(app.save(changes, Vec::new()).await.is_ok());
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(s) = mine() else { return };
        match edit::rebase(&base.get_value(), s, stored().as_ref(), browser::now()) {
            Rebased::Write(s) => write(s),
            Rebased::Conflict => conflict.set(true),
        }
    };
    let reload = move || {
        if let Some(s) = stored() {
            show(&s);
        }
        conflict.set(false);
    };
    let keep = move || {
        let (Some(s), Some(theirs)) = (mine(), stored()) else {
            return;
        };
        write(edit::stamped(s, theirs.updated_at, browser::now()));
    };
    let roles = move || app.data.with(|d| super::role_choices(d, c.lang.get()));
    view! {
        <details class="card">
            <summary>{c.t(Key::StaffDetails)}</summary>
            <form class="form-grid" on:submit=submit data-testid="person-form">
                <label for="person-name">{c.t(Key::StaffName)}</label>
                <input id="person-name" required bind:value=name/>
                <label for="person-role">{c.t(Key::StaffRole)}</label>
                <select id="person-role" prop:value=move || role.get() on:change=move |ev| role.set(event_target_value(&ev))>
                    <option value="">{c.t(Key::StepNoRole)}</option>
                    {move || roles().into_iter().map(|(id, n)| {
                        let selected = role.get_untracked() == id;
                        view! { <option value=id selected=selected>{n}</option> }
                    }).collect_view()}
                </select>
                <label for="person-joined">{c.t(Key::StaffJoined)}</label>
                <input id="person-joined" type="date" bind:value=joined/>
                <label for="person-left">{c.t(Key::StaffLeftOn)}</label>
                <input id="person-left" type="date" bind:value=left/>
                <button type="submit">{c.t(Key::Save)}</button>
                <Show when=move || conflict.get()>
                    <ConflictPrompt on_reload=reload on_keep=keep/>
                </Show>
                <Show when=move || saved.get()>
                    <p class="alert alert-ok" role="status">{c.t(Key::Saved)}</p>
                </Show>
            </form>
        </details>
    }
    .into_any()
}

/// The person's latest manager evaluation for the period, and the previous period's.
fn evaluations(
    d: &Data,
    staff_id: Id,
    period: NaiveDate,
) -> (Option<Evaluation>, Option<Evaluation>) {
    let latest = cap::latest_evaluations(&d.evaluations, period, Evaluator::Manager)
        .get(&staff_id)
        .map(|e| (*e).clone());
    let previous =
        cap::previous_evaluation(&d.evaluations, staff_id, period, Evaluator::Manager).cloned();
    (latest, previous)
}

fn scores_of(e: &Option<Evaluation>, id: Id) -> Option<f64> {
    e.as_ref()?.scores.get(&id).map(|&s| f64::from(s))
}

#[component]
fn PersonRadar(staff_id: Id, period: RwSignal<NaiveDate>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let spec = Memo::new(move |_| {
        let lang = c.lang.get();
        let period = period.get();
        app.data.with(|d| {
            let name = d.staff.iter().find(|s| s.id == staff_id)?.name.clone();
            let caps = cap::in_use(&d.capabilities);
            let (now, before) = evaluations(d, staff_id, period);
            let avg = cap::team_average(&d.evaluations, period, Evaluator::Manager);
            let previous_label = match &before {
                Some(e) => format!(
                    "{} {}",
                    Key::RadarPrevious.text(lang),
                    month_value(e.period)
                ),
                None => String::new(),
            };
            now.as_ref()?;
            let series = [
                radar::target(&caps, lang),
                radar::series(
                    SeriesKind::TeamAverage,
                    Key::RadarTeam.text(lang).into(),
                    &caps,
                    |c| team_mean(&avg, c.id),
                ),
                radar::series(SeriesKind::PreviousPeriod, previous_label, &caps, |c| {
                    scores_of(&before, c.id)
                }),
                radar::series(SeriesKind::Person, name.clone(), &caps, |c| {
                    scores_of(&now, c.id)
                }),
            ];
            let title = format!("{name} · {}", month_value(period));
            Some(radar::spec(
                title,
                &caps,
                series.into_iter().flatten().collect(),
                560,
                lang,
            ))
        })
    });
    // The download is named after the person and the period, not an id.
    let file_name = move || {
        let name = app
            .data
            .with(|d| {
                d.staff
                    .iter()
                    .find(|s| s.id == staff_id)
                    .map(|s| s.name.clone())
            })
            .unwrap_or_default();
        format!("radar-{name}-{}", month_value(period.get()))
    };
    view! {
        <div class="card" data-testid="person-radar">
            <h2>{c.t(Key::RadarPersonTitle)}</h2>
            <RadarChart spec=Signal::derive(move || spec.get()) file=Signal::derive(file_name)/>
        </div>
    }
}

#[derive(Clone, PartialEq)]
struct Row {
    name: String,
    manager: Option<f64>,
    previous: Option<f64>,
    own: Option<f64>,
    customers: Option<DerivedScore>,
    team: Option<f64>,
    target: f64,
}

fn customers_text(d: Option<DerivedScore>, lang: Lang) -> String {
    match d {
        None => "–".into(),
        Some(DerivedScore {
            value: Some(v), n, ..
        }) => format!("{} (n={n})", format_number(v, 1, lang)),
        Some(DerivedScore { n, .. }) => format!("{} (n={n})", Key::DerivedHidden.text(lang)),
    }
}

/// The manager's scores with, beside them and never mixed in, the person's own, what
/// customers said while they were on duty, and how they followed the processes.
#[component]
fn ScoreTable(staff_id: Id, period: RwSignal<NaiveDate>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let table = Memo::new(move |_| {
        let lang = c.lang.get();
        let period = period.get();
        app.data.with(|d| {
            let caps = cap::in_use(&d.capabilities);
            let (now, before) = evaluations(d, staff_id, period);
            let own = cap::latest_evaluations(&d.evaluations, period, Evaluator::SelfReview)
                .get(&staff_id)
                .map(|e| (*e).clone());
            let avg = cap::team_average(&d.evaluations, period, Evaluator::Manager);
            let bounds = browser::bounds(Period::month(period));
            let questions = Questions::new(&d.survey_versions);
            let customers = cap::customer_scores(
                &d.responses,
                &questions,
                &d.capabilities,
                staff_id,
                bounds.clone(),
                MIN_CUSTOMER_RESPONSES,
            );
            let rows: Vec<Row> = caps
                .iter()
                .map(|c| Row {
                    name: capability_name(c, lang),
                    manager: scores_of(&now, c.id),
                    previous: scores_of(&before, c.id),
                    own: scores_of(&own, c.id),
                    customers: customers.get(&c.id).copied(),
                    team: team_mean(&avg, c.id),
                    target: c.target,
                })
                .collect();
            let compliance = staff_compliance(d, staff_id, bounds.start, bounds.end);
            let needs: Vec<(String, f64)> = now
                .as_ref()
                .map(|e| cap::person_needs(&d.capabilities, e))
                .unwrap_or_default()
                .into_iter()
                .filter_map(|n| {
                    let c = d.capabilities.iter().find(|c| c.id == n.capability_id)?;
                    Some((capability_name(c, lang), n.gap))
                })
                .collect();
            // Customer scores exist only through questions tagged with a capability's
            // dimension; say where that is missing instead of showing a bare "–".
            let tagged: Vec<&Dimension> = d
                .survey_versions
                .iter()
                .filter(|v| v.status == VersionStatus::Published)
                .flat_map(|v| v.questions.iter().filter_map(|q| q.dimension.as_ref()))
                .collect();
            let untagged = caps
                .iter()
                .any(|c| !c.dimensions.iter().any(|dim| tagged.contains(&dim)));
            (
                rows,
                compliance,
                needs,
                now.as_ref()
                    .and_then(|e| (!e.note.is_empty()).then(|| e.note.clone())),
                now.is_some(),
                untagged,
            )
        })
    });
    view! {
        <div class="card" data-testid="person-scores">
            <h2>{c.t(Key::ScoresTitle)}</h2>
            {move || {
                let lang = c.lang.get();
                let (rows, compliance, needs, note, evaluated, untagged) = table.get();
                view! {
                    <div class="table-scroll">
                        <table>
                            <thead><tr>
                                <th scope="col">{c.t(Key::CapabilityName)}</th>
                                <th scope="col">{c.t(Key::EvalManager)}</th>
                                <th scope="col">{c.t(Key::RadarPrevious)}</th>
                                <th scope="col">{c.t(Key::EvalSelf)}</th>
                                <th scope="col">{c.t(Key::DerivedCustomers)}</th>
                                <th scope="col">{c.t(Key::RadarTeam)}</th>
                                <th scope="col">{c.t(Key::RadarTarget)}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| view! {
                                    <tr>
                                        <th scope="row">{r.name}</th>
                                        <td data-testid="score-manager">{score_text(r.manager, lang)}</td>
                                        <td data-testid="score-previous">{score_text(r.previous, lang)}</td>
                                        <td>{score_text(r.own, lang)}</td>
                                        <td data-testid="score-customers">{customers_text(r.customers, lang)}</td>
                                        <td>{score_text(r.team, lang)}</td>
                                        <td>{score_text(Some(r.target), lang)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <p class="muted small">{c.t(Key::DerivedHelp)}</p>
                    {untagged.then(|| view! {
                        <p class="alert alert-warn" data-testid="derived-needs-tags">
                            {c.t(Key::DerivedNeedsTags)}" "
                            <a href=Route::Section(Section::Surveys).href() data-testid="tag-questions">{c.t(Key::DerivedTagQuestions)}</a>
                        </p>
                    })}
                    <p data-testid="process-compliance">
                        {c.t(Key::DerivedProcesses)}": "
                        <strong>{match (compliance.ratio(), compliance.ratio().and_then(cap::process_score)) {
                            (Some(r), Some(s)) => format!("{} → {} / 5 (n={})", format_percent(r, 0, lang), format_number(s, 1, lang), compliance.den),
                            _ => Key::NoData.text(lang).to_string(),
                        }}</strong>
                    </p>
                    {note.map(|n| view! { <p><strong>{c.t(Key::EvalNote)}": "</strong>{n}</p> })}
                    <h3>{c.t(Key::NeedsPersonTitle)}</h3>
                    {if !evaluated {
                        view! { <p class="muted" data-testid="needs-no-data">{c.t(Key::NeedsNoData)}</p> }.into_any()
                    } else if needs.is_empty() {
                        view! { <p class="muted">{c.t(Key::NeedsNone)}</p> }.into_any()
                    } else {
                        view! {
                            <ol class="needs" data-testid="person-needs">
                                {needs.into_iter().map(|(name, gap)| view! {
                                    <li><strong>{name}</strong>" "{c.t(Key::NeedsGap)}" "{format_number(gap, 1, lang)}</li>
                                }).collect_view()}
                            </ol>
                        }.into_any()
                    }}
                }
            }}
        </div>
    }
}

/// Every evaluation of the person, newest period first; each can be deleted.
#[component]
fn History(staff_id: Id) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let rows = move || {
        let lang = c.lang.get();
        app.data.with(|d| {
            let caps = cap::in_use(&d.capabilities);
            let mut evals: Vec<&Evaluation> = d
                .evaluations
                .iter()
                .filter(|e| e.staff_id == staff_id)
                .collect();
            sort::by_key(&mut evals, |e| std::cmp::Reverse((e.period, e.updated_at)));
            evals
                .into_iter()
                .map(|e| {
                    let scores = caps
                        .iter()
                        .filter_map(|c| {
                            Some(format!(
                                "{} {}",
                                capability_name(c, lang),
                                e.scores.get(&c.id)?
                            ))
                        })
                        .collect::<Vec<_>>()
                        .join(" · ");
                    (e.id, e.period, e.evaluator, scores, e.note.clone())
                })
                .collect::<Vec<_>>()
        })
    };
    let delete = move |id: Id| {
        let sure = window()
            .confirm_with_message(Key::EvalDeleteConfirm.text(c.lang.get_untracked()))
            .unwrap_or(false);
        if sure {
            spawn_local(async move {
                let _ = app
                    .save(Data::default(), vec![(Collection::Evaluations, id)])
                    .await;
            });
        }
    };
    view! {
        <div class="card" data-testid="history">
            <h2>{c.t(Key::EvalHistory)}</h2>
            {move || {
                let rows = rows();
                if rows.is_empty() {
                    return view! { <p class="muted">{c.t(Key::EvalNone)}</p> }.into_any();
                }
                let lang = c.lang.get();
                view! {
                    <ul class="response-list">
                        {rows.into_iter().map(|(id, period, who, scores, note)| view! {
                            <li class="response-row" data-evaluation=id.to_string()>
                                <div>
                                    <strong>{month_value(period)}</strong>" · "{c.t(evaluator_key(who))}
                                    <p class="small">{scores}</p>
                                    {(!note.is_empty()).then(|| view! { <p class="muted small">{note}</p> })}
                                </div>
                                <button type="button" class="button-danger" on:click=move |_| delete(id)
                                    aria-label=move || format!("{} {}", Key::ResponseDelete.text(c.lang.get()), format_date(period, lang))>
                                    {c.t(Key::ResponseDelete)}
                                </button>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </div>
    }
}
