//! One feedback item being handled: its status moves, its times, the root cause and the
//! five whys that led there.

use super::super::app_data::app_data;
use super::super::conflict::ConflictPrompt;
use super::super::improvement::{recent, StartButton};
use super::super::processes::step_choices;
use super::super::root_cause::{self, RootCauseFields};
use super::super::{browser, ctx, labels};
use crate::domain::edit::{self, Rebased};
use crate::domain::feedback::{self as fb};
use crate::domain::model::{Feedback, FeedbackStatus, Id, Resolution, Trigger};
use crate::domain::Data;
use crate::i18n::{format_datetime, format_elapsed, Key};
use crate::route::{Route, Section};
use leptos::prelude::*;

/// The forward moves offered for an item in `from`, named for what the person does.
/// Resolving and reopening have their own forms, since each must say what happened.
fn moves(from: FeedbackStatus) -> Vec<(FeedbackStatus, Key)> {
    use FeedbackStatus::*;
    match from {
        Open => vec![(InProgress, Key::FbStart), (Closed, Key::FbClose)],
        InProgress => vec![(Closed, Key::FbClose)],
        Resolved => vec![(Closed, Key::FbClose)],
        Closed => vec![],
    }
}

fn refusal_key(e: fb::StatusError) -> Key {
    match e {
        fb::StatusError::NotAllowed => Key::FbMoveRefused,
        fb::StatusError::NoResolutionNote => Key::FbResolutionNoteNeeded,
        fb::StatusError::NoReason => Key::FbReopenReasonNeeded,
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
                <div class="row-actions">
                    <StartButton trigger=move || Trigger::Feedback { feedback_ids: fid.into_iter().collect() } period=recent/>
                </div>
                <Status item/>
                <HistoryList item/>
                <Causes item/>
            </Show>
        </section>
    }
}

fn save(f: Feedback) {
    app_data().save_later(Data {
        feedback: vec![f],
        ..Data::default()
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

/// A staff picker: who is acting, or who called the customer back.
#[component]
fn StaffSelect(id: &'static str, label: Key, value: RwSignal<Option<Id>>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    view! {
        <div class="field">
            <label for=id>{c.t(label)}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev).parse().ok())>
                <option value="">"–"</option>
                {move || app.data.with(Data::active_staff).into_iter().map(|(sid, name)| view! {
                    <option value=sid.to_string() selected=move || value.get() == Some(sid)>{name}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn Status(item: Memo<Option<Feedback>>) -> impl IntoView {
    let c = ctx();
    let refused = RwSignal::new(None::<Key>);
    let by = RwSignal::new(None::<Id>);
    let note = RwSignal::new(String::new());
    let compensation = RwSignal::new(String::new());
    let caller = RwSignal::new(None::<Id>);
    let reason = RwSignal::new(String::new());
    let apply = move |result: Result<Feedback, fb::StatusError>| match result {
        Ok(g) => {
            refused.set(None);
            save(g);
        }
        Err(e) => refused.set(Some(refusal_key(e))),
    };
    let go = move |to: FeedbackStatus| {
        if let Some(f) = item.get_untracked() {
            apply(fb::set_status(&f, to, by.get_untracked(), browser::now()));
        }
    };
    let resolve = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(f) = item.get_untracked() else {
            return;
        };
        let now = browser::now();
        let called = caller.get_untracked();
        let r = Resolution {
            note: note.get_untracked(),
            compensation: compensation.get_untracked(),
            called_back_by: called,
            // The call is recorded as the resolution is: the person resolving has just called.
            called_back_at: called.map(|_| now),
        };
        apply(fb::resolve(&f, r, by.get_untracked(), now));
    };
    let reopen = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(f) = item.get_untracked() {
            apply(fb::reopen(
                &f,
                &reason.get_untracked(),
                by.get_untracked(),
                browser::now(),
            ));
            if refused.get_untracked().is_none() {
                reason.set(String::new());
            }
        }
    };
    let card = move || {
        let f = item.get()?;
        let lang = c.lang.get();
        let now = browser::now();
        let overdue = fb::is_overdue(&f, now);
        let elapsed = |d: Option<chrono::Duration>| {
            d.map(|d| format_elapsed(d.num_seconds() as f64 / 60.0, lang))
                .unwrap_or_else(|| "–".into())
        };
        let can_resolve = f.status < FeedbackStatus::Resolved;
        let can_reopen = f.status >= FeedbackStatus::Resolved;
        let resolution = f.resolution.clone();
        Some(view! {
            <h2>{c.t(Key::FbStatus)}": "<span data-testid="status">{c.t(labels::status(f.status))}</span>
                {overdue.then(|| view! { " "<span class="badge badge-danger" data-testid="overdue">{c.t(Key::FbOverdue)}</span> })}
            </h2>
            <dl class="facts">
                <dt>{c.t(Key::FbDue)}</dt><dd>{f.due_at.map(|d| format_datetime(d, browser::utc_offset_at(d), lang)).unwrap_or_else(|| "–".into())}</dd>
                <dt>{c.t(Key::FbFirstResponse)}</dt><dd data-testid="first-response">{elapsed(fb::first_response(&f))}</dd>
                <dt>{c.t(Key::FbResolution)}</dt><dd data-testid="resolution">{elapsed(fb::resolution(&f))}</dd>
            </dl>
            {resolution.map(|r| view! { <ResolutionFacts r/> })}
            <div class="row-actions">
                {moves(f.status).into_iter().map(|(to, key)| view! {
                    <button type="button" data-move=format!("{to:?}") on:click=move |_| go(to)>{c.t(key)}</button>
                }).collect_view()}
            </div>
            {can_resolve.then(|| view! {
                <form class="form-grid" data-testid="resolve-form" on:submit=resolve>
                    <h3 class="span-2">{c.t(Key::FbResolve)}</h3>
                    <div class="field span-2">
                        <label for="fb-resolution-note">{c.t(Key::FbResolutionNote)}</label>
                        <textarea id="fb-resolution-note" rows="2" prop:value=note on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                    </div>
                    <div class="field">
                        <label for="fb-compensation">{c.t(Key::FbCompensation)}</label>
                        <input id="fb-compensation" prop:value=compensation on:input=move |ev| compensation.set(event_target_value(&ev))/>
                    </div>
                    <StaffSelect id="fb-called-back-by" label=Key::FbCalledBackBy value=caller/>
                    <button type="submit" data-move="Resolved">{c.t(Key::FbResolve)}</button>
                </form>
            })}
            {can_reopen.then(|| view! {
                <form class="form-inline" data-testid="reopen-form" on:submit=reopen>
                    <label for="fb-reopen-reason">{c.t(Key::FbReopenReason)}</label>
                    <input id="fb-reopen-reason" prop:value=reason on:input=move |ev| reason.set(event_target_value(&ev))/>
                    <button type="submit" data-move="Reopen">{c.t(Key::FbReopen)}</button>
                </form>
            })}
        })
    };
    view! {
        <div class="card" data-testid="feedback-status" class:overdue=move || item.with(|f| f.as_ref().is_some_and(|f| fb::is_overdue(f, browser::now())))>
            // Who is acting comes first: every move below is recorded in their name.
            <StaffSelect id="fb-by" label=Key::FbActingAs value=by/>
            {card}
            {move || refused.get().map(|k| view! { <p class="alert alert-warn" role="alert" data-testid="move-refused">{c.t(k)}</p> })}
        </div>
    }
}

/// Who called back, when, what was done and given.
#[component]
fn ResolutionFacts(r: Resolution) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let lang = c.lang.get_untracked();
    let caller = r
        .called_back_by
        .map(|id| staff_name(&app.data.with_untracked(|d| d.staff.clone()), id));
    let when = r
        .called_back_at
        .map(|t| format_datetime(t, browser::utc_offset_at(t), lang));
    view! {
        <dl class="facts" data-testid="resolution-facts">
            <dt>{c.t(Key::FbResolutionNote)}</dt><dd data-testid="resolution-note">{r.note}</dd>
            <dt>{c.t(Key::FbCompensation)}</dt><dd data-testid="compensation">{if r.compensation.is_empty() { "–".to_string() } else { r.compensation }}</dd>
            <dt>{c.t(Key::FbCalledBackBy)}</dt><dd data-testid="called-back">{match (caller, when) {
                (Some(who), Some(at)) => format!("{who} · {at}"),
                _ => "–".into(),
            }}</dd>
        </dl>
    }
}

fn staff_name(staff: &[crate::domain::model::Staff], id: Id) -> String {
    staff
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.name.clone())
        .unwrap_or_else(|| "–".into())
}

/// Every status move with who made it and when, and the reason of a reopening.
#[component]
fn HistoryList(item: Memo<Option<Feedback>>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    move || {
        let f = item.get()?;
        let lang = c.lang.get();
        let rows: Vec<_> = app.data.with(|d| {
            f.history
                .iter()
                .map(|e| {
                    let who = e.by.map(|id| staff_name(&d.staff, id));
                    (
                        format_datetime(e.at, browser::utc_offset_at(e.at), lang),
                        who,
                        e.to,
                        e.note.clone(),
                    )
                })
                .collect()
        });
        Some(view! {
            <div class="card" data-testid="feedback-history">
                <h2>{c.t(Key::FbHistory)}</h2>
                {if rows.is_empty() {
                    view! { <p class="muted">{c.t(Key::FbHistoryNone)}</p> }.into_any()
                } else {
                    view! {
                        <ol class="history">
                            {rows.into_iter().map(|(at, who, to, note)| view! {
                                <li data-testid="history-entry">
                                    <strong>{c.t(labels::status(to))}</strong>" · "{at}" · "{who.unwrap_or_else(|| "–".into())}
                                    {(!note.is_empty()).then(|| view! { ": "<span>{note}</span> })}
                                </li>
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
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
    let cause = RwSignal::new(None);
    let whys = RwSignal::new(Vec::new());
    // The version the fields show: a save puts only what changed here on what is stored
    // (`edit::rebase`), and asks when another tab changed the cause or the whys too.
    let base = StoredValue::new(f.clone());
    let show = move |f: &Feedback| {
        cause.set(f.root_cause);
        whys.set(root_cause::padded(&f.whys));
        base.set_value(f.clone());
    };
    show(&f);
    let saved = RwSignal::new(false);
    let conflict = RwSignal::new(false);
    let mine = move || {
        let mut f = base.get_value();
        f.root_cause = cause.get_untracked();
        f.whys = root_cause::trimmed(whys.get_untracked());
        f
    };
    let write = move |f: Feedback| {
        conflict.set(false);
        show(&f);
        save(f);
        saved.set(true);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let stored = item.get_untracked();
        match edit::rebase(&base.get_value(), mine(), stored.as_ref(), browser::now()) {
            Rebased::Write(f) => write(f),
            Rebased::Conflict => conflict.set(true),
        }
    };
    let reload = move || {
        if let Some(f) = item.get_untracked() {
            show(&f);
        }
        conflict.set(false);
    };
    let keep = move || {
        if let Some(theirs) = item.get_untracked() {
            let ours = Feedback {
                root_cause: mine().root_cause,
                whys: mine().whys,
                ..theirs.clone()
            };
            write(edit::stamped(ours, theirs.updated_at, browser::now()));
        }
    };
    view! {
        <form class="card form-grid" on:submit=submit data-testid="root-cause">
            <h2 class="span-2">{c.t(Key::FbRootCauseTitle)}</h2>
            <RootCauseFields cause_id="fb-cause" why_id="why-" cause whys edited=move || saved.set(false)/>
            <button type="submit" data-testid="save-causes">{c.t(Key::Save)}</button>
            <Show when=move || conflict.get()>
                <ConflictPrompt on_reload=reload on_keep=keep/>
            </Show>
            <Show when=move || saved.get()>
                <p class="alert alert-ok" role="status">{c.t(Key::Saved)}</p>
            </Show>
        </form>
    }
    .into_any()
}
