//! One feedback item being handled: its status moves, its times, the root cause and the
//! five whys that led there.

use super::super::app_data::app_data;
use super::super::processes::step_choices;
use super::super::{browser, ctx, labels};
use crate::domain::feedback::{self as fb};
use crate::domain::model::{Feedback, FeedbackStatus, Id, RootCause};
use crate::domain::Data;
use crate::i18n::{format_datetime, format_elapsed, Key};
use crate::route::{Route, Section};
use leptos::prelude::*;
use leptos::task::spawn_local;

const CAUSES: [RootCause; 6] = [
    RootCause::People,
    RootCause::Process,
    RootCause::Equipment,
    RootCause::Materials,
    RootCause::Environment,
    RootCause::Measurement,
];
const WHYS: usize = 5;

/// The buttons offered for an item in `from`: each move `set_status` allows, named for
/// what the person does.
fn moves(from: FeedbackStatus) -> Vec<(FeedbackStatus, Key)> {
    use FeedbackStatus::*;
    match from {
        Open => vec![
            (InProgress, Key::FbStart),
            (Resolved, Key::FbResolve),
            (Closed, Key::FbClose),
        ],
        InProgress => vec![(Resolved, Key::FbResolve), (Closed, Key::FbClose)],
        Resolved => vec![(Closed, Key::FbClose), (InProgress, Key::FbReopen)],
        Closed => vec![],
    }
}

#[component]
pub fn FeedbackDetail(id: String) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let fid = id.parse::<Id>().ok();
    let item = Memo::new(move |_| {
        app.data
            .with(|d| d.feedback.iter().find(|f| Some(f.id) == fid).cloned())
    });
    let exists = Memo::new(move |_| item.with(Option::is_some));
    view! {
        <section class="page" data-page="feedback-item">
            <a href=Route::Section(Section::Feedback).href() class="back-link">{c.t(Key::FbBack)}</a>
            <Show when=move || exists.get() fallback=move || view! { <p class="alert alert-warn">{c.t(Key::FbNotFound)}</p> }>
                <Header item/>
                <Status item/>
                <Causes item/>
            </Show>
        </section>
    }
}

fn save(f: Feedback) {
    let app = app_data();
    spawn_local(async move {
        let _ = app
            .save(
                Data {
                    feedback: vec![f],
                    ..Data::default()
                },
                Vec::new(),
            )
            .await;
    });
}

#[component]
fn Header(item: Memo<Option<Feedback>>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    move || {
        let f = item.get()?;
        let lang = c.lang.get();
        let (staff, step) = app.data.with(|d| {
            let staff = f
                .staff_id
                .and_then(|s| d.staff.iter().find(|x| x.id == s))
                .map(|s| s.name.clone());
            let step = f
                .step_id
                .and_then(|s| step_choices(d, lang).into_iter().find(|(id, _)| *id == s))
                .map(|(_, n)| n);
            (staff, step)
        });
        Some(view! {
            <h1>{c.t(labels::feedback_kind(f.kind))}" · "{format_datetime(f.created_at, browser::utc_offset_at(f.created_at), lang)}</h1>
            <div class="card">
                <p class="feedback-text" data-testid="feedback-text">{f.text.clone()}</p>
                <dl class="facts">
                    <dt>{c.t(Key::FbChannel)}</dt><dd>{c.t(labels::channel(f.channel))}</dd>
                    <dt>{c.t(Key::FbStaff)}</dt><dd data-testid="feedback-staff">{staff.unwrap_or_else(|| "–".into())}</dd>
                    <dt>{c.t(Key::FbStep)}</dt><dd data-testid="feedback-step">{step.unwrap_or_else(|| "–".into())}</dd>
                    {f.response_id.map(|_| view! { <dt>{c.t(Key::FbSource)}</dt><dd>{c.t(Key::FbFromKiosk)}</dd> })}
                </dl>
            </div>
        })
    }
}

#[component]
fn Status(item: Memo<Option<Feedback>>) -> impl IntoView {
    let c = ctx();
    let refused = RwSignal::new(false);
    let go = move |to: FeedbackStatus| {
        let Some(f) = item.get_untracked() else {
            return;
        };
        match fb::set_status(&f, to, browser::now()) {
            Ok(g) => {
                refused.set(false);
                save(g);
            }
            Err(_) => refused.set(true),
        }
    };
    move || {
        let f = item.get()?;
        let lang = c.lang.get();
        let now = browser::now();
        let overdue = fb::is_overdue(&f, now);
        let elapsed = |d: Option<chrono::Duration>| {
            d.map(|d| format_elapsed(d.num_seconds() as f64 / 60.0, lang))
                .unwrap_or_else(|| "–".into())
        };
        Some(view! {
            <div class="card" data-testid="feedback-status" class:overdue=overdue>
                <h2>{c.t(Key::FbStatus)}": "<span data-testid="status">{c.t(labels::status(f.status))}</span>
                    {overdue.then(|| view! { " "<span class="badge badge-danger" data-testid="overdue">{c.t(Key::FbOverdue)}</span> })}
                </h2>
                <dl class="facts">
                    <dt>{c.t(Key::FbDue)}</dt><dd>{f.due_at.map(|d| format_datetime(d, browser::utc_offset_at(d), lang)).unwrap_or_else(|| "–".into())}</dd>
                    <dt>{c.t(Key::FbFirstResponse)}</dt><dd data-testid="first-response">{elapsed(fb::first_response(&f))}</dd>
                    <dt>{c.t(Key::FbResolution)}</dt><dd data-testid="resolution">{elapsed(fb::resolution(&f))}</dd>
                </dl>
                <div class="row-actions">
                    {moves(f.status).into_iter().map(|(to, key)| view! {
                        <button type="button" data-move=format!("{to:?}") on:click=move |_| go(to)>{c.t(key)}</button>
                    }).collect_view()}
                </div>
                <Show when=move || refused.get()>
                    <p class="alert alert-warn" role="alert">{c.t(Key::FbMoveRefused)}</p>
                </Show>
            </div>
        })
    }
}

/// Root cause and the five whys, read once so a save elsewhere does not undo typing.
#[component]
fn Causes(item: Memo<Option<Feedback>>) -> impl IntoView {
    let c = ctx();
    let Some(f) = item.get_untracked() else {
        return ().into_any();
    };
    let cause = RwSignal::new(f.root_cause);
    let whys = RwSignal::new({
        let mut w = f.whys.clone();
        w.resize(WHYS, String::new());
        w
    });
    let saved = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mut f) = item.get_untracked() else {
            return;
        };
        f.root_cause = cause.get_untracked();
        f.whys = whys
            .get_untracked()
            .into_iter()
            .map(|w| w.trim().to_string())
            .collect();
        while f.whys.last().is_some_and(String::is_empty) {
            f.whys.pop();
        }
        f.updated_at = browser::now();
        save(f);
        saved.set(true);
    };
    view! {
        <form class="card form-grid" on:submit=submit data-testid="root-cause">
            <h2 class="span-2">{c.t(Key::FbRootCauseTitle)}</h2>
            <div class="field span-2">
                <label for="fb-cause">{c.t(Key::FbRootCause)}</label>
                <select id="fb-cause" on:change=move |ev| { cause.set(event_target_value(&ev).parse::<usize>().ok().and_then(|i| CAUSES.get(i).copied())); saved.set(false); }>
                    <option value="">"–"</option>
                    {CAUSES.into_iter().enumerate().map(|(i, rc)| view! {
                        <option value=i.to_string() selected=move || cause.get() == Some(rc)>{c.t(labels::root_cause(rc))}</option>
                    }).collect_view()}
                </select>
            </div>
            <p class="muted small span-2">{c.t(Key::FbWhysHelp)}</p>
            {(0..WHYS).map(|i| {
                let id = format!("why-{}", i + 1);
                view! {
                    <div class="field span-2">
                        <label for=id.clone()>{move || format!("{} {}", Key::FbWhy.text(c.lang.get()), i + 1)}</label>
                        <input id=id prop:value=move || whys.with(|w| w[i].clone())
                            on:input=move |ev| { let v = event_target_value(&ev); whys.update(|w| w[i] = v); saved.set(false); }/>
                    </div>
                }
            }).collect_view()}
            <button type="submit" data-testid="save-causes">{c.t(Key::Save)}</button>
            <Show when=move || saved.get()>
                <p class="alert alert-ok" role="status">{c.t(Key::Saved)}</p>
            </Show>
        </form>
    }
    .into_any()
}
