//! Running the published version as a checklist, by touch: who serves, tick each step as it
//! happens with a live timer against its limit, choose the option or write the note its tier
//! asks for, or skip with a reason; then finish and see how the run went.

use super::super::app_data::{app_data, AppData};
use super::super::{browser, ctx, labels};
use super::editor::stage_key;
use super::run_summary::Summary;
use crate::domain::model::*;
use crate::domain::process_library as library;
use crate::domain::process_run::{self as runs, RunError};
use crate::domain::Data;
use crate::i18n::{format_minutes, pick, Key};
use crate::storage::settings;
use leptos::prelude::*;

fn error_key(e: RunError) -> Key {
    match e {
        RunError::NeedOption => Key::RunNeedOption,
        RunError::NeedNote => Key::RunNeedNote,
        RunError::NeedReason => Key::RunNeedReason,
        RunError::NotPublished => Key::RunNoPublished,
        RunError::Finished | RunError::NoSuchStep => Key::RunFinished,
    }
}

fn save_run(app: AppData, run: ProcessRun) {
    app.save_later(Data {
        runs: vec![run],
        ..Data::default()
    });
}

fn clock(seconds: i64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[component]
pub fn Run(process_id: Id) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let published = Memo::new(move |_| {
        app.data
            .with(|d| library::current_published(d, process_id).cloned())
    });
    let active = Memo::new(move |_| {
        app.data.with(|d| {
            let ids: Vec<Id> = library::versions(d, process_id)
                .iter()
                .map(|v| v.id)
                .collect();
            d.runs
                .iter()
                .filter(|r| r.finished_at.is_none() && ids.contains(&r.process_version_id))
                .max_by_key(|r| r.started_at)
                .map(|r| r.id)
        })
    });
    // The run just finished, whose summary stays up until another run is started.
    let finished = RwSignal::new(None::<Id>);
    view! {
        {move || match (published.get(), active.get(), finished.get()) {
            (_, None, Some(run_id)) => view! { <Summary run_id on_again=move || finished.set(None)/> }.into_any(),
            (_, Some(run_id), _) => view! { <Checklist run_id finished/> }.into_any(),
            (Some(v), None, None) => view! { <StartRun version=v/> }.into_any(),
            (None, None, None) => view! { <p class="alert alert-warn">{c.t(Key::RunNoPublished)}</p> }.into_any(),
        }}
    }
}

#[component]
fn StartRun(version: ProcessVersion) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let staff = RwSignal::new(None::<Id>);
    let code = RwSignal::new(String::new());
    let number = version.number;
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Ok(mut run) = runs::start(
            &version,
            browser::new_id(),
            staff.get_untracked(),
            &code.get_untracked(),
            browser::now(),
        ) {
            run.location_id = settings::location();
            save_run(app, run);
        }
    };
    let people = move || app.data.with(Data::active_staff);
    view! {
        <form class="card form" on:submit=start data-testid="start-run">
            <h2>{c.t(Key::RunStart)}</h2>
            <p class="muted">{c.t(Key::RunVersionUsed)}" "{number}</p>
            <label for="run-staff">{c.t(Key::RunStaff)}</label>
            <select id="run-staff" on:change=move |ev| staff.set(event_target_value(&ev).parse().ok())>
                <option value="">{c.t(Key::RunNoStaff)}</option>
                {move || people().into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
            </select>
            <label for="run-code">{c.t(Key::RunVisitCode)}</label>
            <input id="run-code" type="text" maxlength="32" autocomplete="off" prop:value=code on:input=move |ev| code.set(event_target_value(&ev))/>
            <button type="submit" class="big">{c.t(Key::RunStart)}</button>
        </form>
    }
}

#[component]
fn Checklist(run_id: Id, finished: RwSignal<Option<Id>>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let run = Memo::new(move |_| {
        app.data
            .with(|d| d.runs.iter().find(|r| r.id == run_id).cloned())
    });
    let version = Memo::new(move |_| {
        let vid = run.with(|r| r.as_ref().map(|r| r.process_version_id));
        app.data.with(|d| {
            d.process_versions
                .iter()
                .find(|v| Some(v.id) == vid)
                .cloned()
        })
    });
    // A tick a second drives the live timer.
    let now = RwSignal::new(browser::now());
    if let Ok(handle) = set_interval_with_handle(
        move || now.set(browser::now()),
        std::time::Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }
    let current = Memo::new(move |_| {
        run.with(|r| {
            version.with(|v| match (r, v) {
                (Some(r), Some(v)) => runs::current(v, r).map(|s| s.id),
                _ => None,
            })
        })
    });
    let error = RwSignal::new(None::<RunError>);
    let option = RwSignal::new(None::<u32>);
    let note = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let act = move |skip: bool| {
        let (Some(mut r), Some(v), Some(step_id)) = (
            run.get_untracked(),
            version.get_untracked(),
            current.get_untracked(),
        ) else {
            return;
        };
        let at = browser::now();
        let result = if skip {
            runs::skip(&mut r, &v, step_id, &reason.get_untracked(), at)
        } else {
            let by = r.staff_id;
            runs::complete(
                &mut r,
                &v,
                step_id,
                by,
                option.get_untracked(),
                &note.get_untracked(),
                at,
            )
        };
        match result {
            Ok(()) => {
                error.set(None);
                option.set(None);
                note.set(String::new());
                reason.set(String::new());
                save_run(app, r);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let finish = move |_| {
        let Some(mut r) = run.get_untracked() else {
            return;
        };
        if runs::finish(&mut r, browser::now()).is_ok() {
            finished.set(Some(r.id));
            save_run(app, r);
        }
    };
    let rows = move || {
        let lang = c.lang.get();
        version.with(|v| {
            run.with(|r| {
                let (Some(v), Some(r)) = (v, r) else {
                    return Vec::new();
                };
                v.stages
                    .iter()
                    .flat_map(|st| st.steps.iter().map(move |s| (st.kind, s)))
                    .map(|(kind, s)| {
                        let rec = r.steps.iter().find(|x| x.step_id == s.id).cloned();
                        (kind, s.clone(), rec, pick(&s.name, lang).to_string())
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <div class="card checklist" data-testid="checklist">
            <h2>{c.t(Key::RunActive)}</h2>
            <ol class="check-steps">
                {move || rows().into_iter().map(|(kind, s, rec, name)| {
                    let is_current = current.get() == Some(s.id);
                    let state = match &rec {
                        Some(r) if r.skipped_reason.is_some() => "skipped",
                        Some(_) => "done",
                        None if is_current => "current",
                        None => "pending",
                    };
                    let limit = s.time_limit_s as i64;
                    let elapsed = move || run.with(|r| r.as_ref().map(|r| (now.get() - runs::step_started(r)).num_seconds().max(0))).unwrap_or(0);
                    let took = rec.as_ref().and_then(|r| Some((r.done_at? - r.started_at?).num_seconds()));
                    let options = s.options.clone();
                    view! {
                        <li class=format!("check-step {state}") data-step=s.id.to_string() data-state=state>
                            <div class="check-head">
                                <span class="check-mark" aria-hidden="true">{match state { "done" => "✓", "skipped" => "–", _ => "○" }}</span>
                                <div>
                                    <strong>{name}</strong>
                                    <p class="muted small">{c.t(stage_key(kind))}" · "{c.t(labels::tier(s.tier))}" · "{c.t(Key::RunLimit)}" "{format_minutes(s.time_limit_s, c.lang.get())}" min"</p>
                                    {(!is_current).then(|| view! { <p class="check-standard-brief">{pick(&s.standard, c.lang.get()).to_string()}</p> })}
                                </div>
                                {took.map(|t| view! { <span class="timer" class:over={t > limit}>{clock(t)}</span> })}
                                {(state == "skipped").then(|| view! { <span class="muted">{c.t(Key::RunSkipped)}</span> })}
                                {is_current.then(|| view! {
                                    <span class="timer live" data-testid="timer" class:over={move || elapsed() > limit} role="timer" aria-live="off">
                                        {move || clock(elapsed())}" / "{clock(limit)}
                                    </span>
                                })}
                            </div>
                            {is_current.then(|| view! {
                                <div class="check-body">
                                    <p class="check-standard" data-testid="standard">{pick(&s.standard, c.lang.get()).to_string()}</p>
                                    <p class="check-limit">{c.t(Key::RunLimit)}" "<strong>{format_minutes(s.time_limit_s, c.lang.get())}" min"</strong></p>
                                    {(s.tier == Tier::Standard).then(|| view! {
                                        <fieldset class="options">
                                            <legend>{c.t(Key::RunChoose)}</legend>
                                            {options.iter().enumerate().map(|(i, o)| {
                                                let label = pick(o, c.lang.get()).to_string();
                                                view! {
                                                    <label class="option">
                                                        <input type="radio" name="run-option" value=i.to_string()
                                                            prop:checked=move || option.get() == Some(i as u32)
                                                            on:change=move |_| option.set(Some(i as u32))/>
                                                        {label}
                                                    </label>
                                                }
                                            }).collect_view()}
                                        </fieldset>
                                    })}
                                    {(s.tier == Tier::Custom).then(|| view! {
                                        <label for="run-note">{c.t(Key::RunNote)}</label>
                                        <textarea id="run-note" rows="2" prop:value=note on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                                    })}
                                    <div class="row-actions">
                                        <button type="button" class="big" data-testid="step-done" on:click=move |_| act(false)>"✓ "{c.t(Key::RunDone)}</button>
                                    </div>
                                    <details class="skip">
                                        <summary>{c.t(Key::RunSkip)}</summary>
                                        <label for="run-reason">{c.t(Key::RunSkipReason)}</label>
                                        <input id="run-reason" type="text" maxlength="120" prop:value=reason on:input=move |ev| reason.set(event_target_value(&ev))/>
                                        <button type="button" class="secondary" data-testid="step-skip" on:click=move |_| act(true)>{c.t(Key::RunSkip)}</button>
                                    </details>
                                    {move || error.get().map(|e| view! { <p class="alert alert-error" role="alert">{c.t(error_key(e))}</p> })}
                                </div>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            <Show when=move || current.get().is_none()>
                <button type="button" class="big" data-testid="finish-run" on:click=finish>{c.t(Key::RunFinish)}</button>
            </Show>
        </div>
    }
}
