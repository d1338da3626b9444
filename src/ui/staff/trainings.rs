//! Trainings: what was taught, when, to whom, aimed at which capabilities, and what changed
//! — each attendee's radar before and after, and the change per targeted capability.

use super::super::app_data::app_data;
use super::super::{browser, ctx};
use super::radar::{self, RadarChart};
use super::{capability_name, month_value, staff_name, StaffTabs, View};
use crate::charts::radar::{RadarSpec, SeriesKind};
use crate::domain::capability::{self as cap, AttendeeEffect, TrainingEffect};
use crate::domain::model::{Evaluation, Id, Training};
use crate::domain::sort;
use crate::domain::Data;
use crate::i18n::{format_date, format_number, Key, Lang};
use crate::route::Section;
use leptos::prelude::*;

#[component]
pub fn TrainingsPage() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let ids = Memo::new(move |_| {
        app.data.with(|d| {
            let mut ts: Vec<&Training> = d.trainings.iter().collect();
            sort::by_key(&mut ts, |t| std::cmp::Reverse((t.date, t.created_at)));
            ts.into_iter().map(|t| t.id).collect::<Vec<_>>()
        })
    });
    view! {
        <section class="page" data-page=Section::Staff.slug()>
            <h1>{c.t(Key::TrainingsTitle)}</h1>
            <StaffTabs current=View::Trainings/>
            <AddTraining/>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="muted">{c.t(Key::TrainingsNone)}</p>
            </Show>
            {move || ids.get().into_iter().map(|id| view! { <TrainingCard id/> }).collect_view()}
        </section>
    }
}

/// Toggles `id` in a list signal, for the checkbox groups.
fn toggle(list: RwSignal<Vec<Id>>, id: Id, on: bool) {
    list.update(|l| {
        l.retain(|x| *x != id);
        if on {
            l.push(id);
        }
    });
}

#[component]
fn AddTraining() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let title = RwSignal::new(String::new());
    let date = RwSignal::new(browser::today().to_string());
    let trainer = RwSignal::new(String::new());
    let aimed = RwSignal::new(Vec::<Id>::new());
    let attendees = RwSignal::new(Vec::<Id>::new());
    let problem = RwSignal::new(None::<Key>);
    let caps = move || {
        let lang = c.lang.get();
        app.data.with(|d| {
            cap::in_use(&d.capabilities)
                .into_iter()
                .map(|c| (c.id, capability_name(c, lang)))
                .collect::<Vec<_>>()
        })
    };
    let people = move || app.data.with(|d| d.active_staff());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (t, d) = (
            title.get_untracked().trim().to_string(),
            date.get_untracked().parse().ok(),
        );
        let missing = if t.is_empty() || d.is_none() {
            Some(Key::TrainingNeedsTitle)
        } else if aimed.with_untracked(Vec::is_empty) {
            Some(Key::TrainingNeedsCapability)
        } else if attendees.with_untracked(Vec::is_empty) {
            Some(Key::TrainingNeedsAttendee)
        } else {
            None
        };
        problem.set(missing);
        let (Some(date), None) = (d, missing) else {
            return;
        };
        let now = browser::now();
        app.save_later(Data {
            trainings: vec![Training {
                id: browser::new_id(),
                created_at: now,
                updated_at: now,
                title: t,
                date,
                capability_ids: aimed.get_untracked(),
                attendee_ids: attendees.get_untracked(),
                trainer: trainer.get_untracked().trim().into(),
            }],
            ..Data::default()
        });
        title.set(String::new());
        aimed.set(Vec::new());
        attendees.set(Vec::new());
    };
    view! {
        <form class="card form-grid" on:submit=submit data-testid="add-training" novalidate>
            <h2>{c.t(Key::TrainingAdd)}</h2>
            <label for="training-title">{c.t(Key::TrainingTitle)}</label>
            <input id="training-title" bind:value=title/>
            <label for="training-date">{c.t(Key::TrainingDate)}</label>
            <input id="training-date" type="date" bind:value=date/>
            <label for="training-trainer">{c.t(Key::TrainingTrainer)}</label>
            <input id="training-trainer" bind:value=trainer/>
            <fieldset class="choices" data-testid="training-capabilities">
                <legend>{c.t(Key::TrainingAimedAt)}</legend>
                {move || caps().into_iter().map(|(id, name)| view! {
                    <label class="check">
                        <input type="checkbox" value=id.to_string()
                            prop:checked=move || aimed.with(|l| l.contains(&id))
                            on:change=move |ev| toggle(aimed, id, event_target_checked(&ev))/>
                        {name}
                    </label>
                }).collect_view()}
            </fieldset>
            <fieldset class="choices" data-testid="training-attendees">
                <legend>{c.t(Key::TrainingAttendees)}</legend>
                {move || people().into_iter().map(|(id, name)| view! {
                    <label class="check">
                        <input type="checkbox" value=id.to_string()
                            prop:checked=move || attendees.with(|l| l.contains(&id))
                            on:change=move |ev| toggle(attendees, id, event_target_checked(&ev))/>
                        {name}
                    </label>
                }).collect_view()}
            </fieldset>
            {move || problem.get().map(|k| view! { <p class="alert alert-warn" role="alert">{c.t(k)}</p> })}
            <button type="submit">{c.t(Key::TrainingAdd)}</button>
        </form>
    }
}

/// One attendee's radar: the last evaluation before the training under the first after.
fn before_after(d: &Data, a: &AttendeeEffect, lang: Lang) -> RadarSpec {
    let caps = cap::in_use(&d.capabilities);
    let score = |e: Option<&Evaluation>, id: Id| e?.scores.get(&id).map(|&s| f64::from(s));
    let label = |k: Key, e: Option<&Evaluation>| {
        format!(
            "{} {}",
            k.text(lang),
            e.map(|e| month_value(e.period)).unwrap_or_default()
        )
    };
    let series = [
        radar::target(&caps, lang),
        radar::series(
            SeriesKind::PreviousPeriod,
            label(Key::EffectBefore, a.before),
            &caps,
            |c| score(a.before, c.id),
        ),
        radar::series(
            SeriesKind::Person,
            label(Key::EffectAfter, a.after),
            &caps,
            |c| score(a.after, c.id),
        ),
    ];
    radar::spec(
        staff_name(&d.staff, a.staff_id),
        &caps,
        series.into_iter().flatten().collect(),
        360,
        lang,
    )
}

fn change_text(change: Option<f64>, lang: Lang) -> String {
    match change {
        Some(v) if v > 0.0 => format!("+{}", format_number(v, 1, lang)),
        Some(v) => format_number(v, 1, lang),
        None => "–".into(),
    }
}

#[component]
fn TrainingCard(id: Id) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let view_model = Memo::new(move |_| {
        let lang = c.lang.get();
        app.data.with(|d| {
            let t = d.trainings.iter().find(|t| t.id == id)?.clone();
            let fx: TrainingEffect = cap::training_effect(&t, &d.evaluations);
            let cap_name = |id: Id| {
                d.capabilities
                    .iter()
                    .find(|c| c.id == id)
                    .map(|c| capability_name(c, lang))
                    .unwrap_or_default()
            };
            let aimed: Vec<String> = t.capability_ids.iter().map(|&c| cap_name(c)).collect();
            let team: Vec<(String, Option<f64>, usize)> = fx
                .team
                .iter()
                .map(|e| (cap_name(e.capability_id), e.mean_change, e.n))
                .collect();
            let people: Vec<(String, Vec<Option<f64>>, Option<RadarSpec>)> = fx
                .attendees
                .iter()
                .map(|a| {
                    let changes = a
                        .changes
                        .iter()
                        .map(|ch| ch.change.map(f64::from))
                        .collect();
                    let radar =
                        (a.before.is_some() || a.after.is_some()).then(|| before_after(d, a, lang));
                    (staff_name(&d.staff, a.staff_id), changes, radar)
                })
                .collect();
            Some((t, aimed, team, people))
        })
    });
    move || {
        let lang = c.lang.get();
        view_model.get().map(|(t, aimed, team, people)| {
            let attendees = t.attendee_ids.iter().map(|&s| app.data.with_untracked(|d| staff_name(&d.staff, s))).collect::<Vec<_>>().join(", ");
            view! {
                <article class="card training" data-training=t.id.to_string()>
                    <h2>{t.title.clone()}</h2>
                    <p class="muted small">
                        {format_date(t.date, lang)}
                        {(!t.trainer.is_empty()).then(|| format!(" · {} {}", Key::TrainingTrainer.text(lang), t.trainer))}
                    </p>
                    <p class="small"><strong>{c.t(Key::TrainingAimedAt)}": "</strong>{aimed.join(", ")}</p>
                    <p class="small"><strong>{c.t(Key::TrainingAttendees)}": "</strong>{attendees}</p>
                    <h3>{c.t(Key::EffectTitle)}</h3>
                    <div class="table-scroll">
                        <table data-testid="training-effect">
                            <thead><tr>
                                <th scope="col">{c.t(Key::StaffName)}</th>
                                {aimed.iter().map(|n| view! { <th scope="col">{n.clone()}</th> }).collect_view()}
                            </tr></thead>
                            <tbody>
                                {people.iter().map(|(name, changes, _)| view! {
                                    <tr>
                                        <th scope="row">{name.clone()}</th>
                                        {changes.iter().map(|ch| view! { <td>{change_text(*ch, lang)}</td> }).collect_view()}
                                    </tr>
                                }).collect_view()}
                                <tr class="total" data-testid="effect-team">
                                    <th scope="row">{c.t(Key::EffectTeam)}</th>
                                    {team.iter().map(|(_, mean, n)| view! { <td>{change_text(*mean, lang)}" (n="{*n}")"</td> }).collect_view()}
                                </tr>
                            </tbody>
                        </table>
                    </div>
                    <p class="muted small">{c.t(Key::EffectHelp)}</p>
                    <div class="small-multiples">
                        {people.into_iter().filter_map(|(_, _, radar)| radar).map(|spec| view! {
                            <div class="small-radar"><RadarChart spec=Signal::derive(move || Some(spec.clone())) file=String::new() small=true/></div>
                        }).collect_view()}
                    </div>
                </article>
            }
        })
    }
}
