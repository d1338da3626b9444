//! The customer-facing kiosk: one question per screen, one tap per answer, a thank-you, then
//! a fresh start for the next customer. Idle tablets start over by themselves; leaving needs
//! the manager PIN. Every response is stored the moment it is submitted.

mod page;
mod push;
mod records;
mod screens;

use super::app_data::LoadState;
use super::shell::LangSwitch;
use super::{browser, ctx, labels};
use crate::domain::kiosk::{self as submit, Submission};
use crate::domain::model::*;
use crate::domain::survey_edit;
use crate::i18n::Key;
use crate::route::{Route, Section};
use crate::storage::{kiosk as settings, settings as device};
use leptos::prelude::*;
use leptos::task::spawn_local;
use records::kiosk_records;
use screens::{focus_on_mount, PinScreen, QuestionScreen, ShiftStart, VisitCodeScreen};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

pub use page::mount;

const THANKS_MS: u64 = 4000;
/// The kiosk run on screen (0: none), and the number the next one gets.
static LIVE_RUN: AtomicU64 = AtomicU64::new(0);
static NEXT_RUN: AtomicU64 = AtomicU64::new(1);
const WARN_BEFORE_S: f64 = 10.0;
/// Taps closer together than this are one tap: a double tap must not answer twice.
const TAP_GUARD_MS: u64 = 400;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Screen {
    Shift,
    VisitCode,
    Question(usize),
    FollowUp(usize),
    Thanks,
    Pin,
}

fn keep_awake() {
    // Where the Wake Lock API exists the screen stays on; elsewhere this does nothing.
    let nav = window().navigator();
    if let Ok(lock) = js_sys::Reflect::get(&nav, &"wakeLock".into()) {
        if let Ok(request) = js_sys::Reflect::get(&lock, &"request".into()) {
            if let Ok(f) = wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(request) {
                let _ = f.call1(&lock, &"screen".into());
            }
        }
    }
}

#[component]
fn Kiosk(survey: Option<String>) -> impl IntoView {
    let c = ctx();
    let records = kiosk_records();
    let survey_id = survey.and_then(|s| s.parse::<Id>().ok());
    let version = Memo::new(move |_| {
        records
            .data
            .with(|d| survey_edit::current(d, survey_id?).cloned())
    });
    view! {
        <main id="main" class="kiosk" data-page="kiosk" data-state=move || records.state.with(LoadState::code)>
            <div class="kiosk-top"><LangSwitch local=true/></div>
            {move || match (records.state.get(), version.get()) {
                (LoadState::Loading, _) => view! { <p class="kiosk-message" role="status">{c.t(Key::Loading)}</p> }.into_any(),
                (LoadState::Failed(e), _) => view! {
                    <p class="alert alert-error" role="alert" data-testid="load-error">{c.t(Key::LoadFailed)}" "{c.t(labels::store_error(&e))}</p>
                    <NoSurvey/>
                }.into_any(),
                (LoadState::Ready, Some(v)) => view! { <KioskRun version=v/> }.into_any(),
                (LoadState::Ready, None) => view! { <p class="kiosk-message">{c.t(Key::KioskNoSurvey)}</p><NoSurvey/> }.into_any(),
            }}
        </main>
    }
}

/// A locked kiosk whose survey is gone (deleted, or replaced by an import), or that cannot
/// read its records, still needs the PIN.
#[component]
fn NoSurvey() -> impl IntoView {
    let c = ctx();
    let asking = RwSignal::new(false);
    let kiosk = RwSignal::new(settings::load());
    view! {
        <h1 class="kiosk-title">{c.t(Key::KioskTitle)}</h1>
        {move || if asking.get() {
            view! { <PinScreen kiosk on_cancel=move || asking.set(false)/> }.into_any()
        } else if c.kiosk_lock.get().is_some() {
            view! { <button type="button" class="secondary" data-testid="kiosk-exit" on:click=move |_| asking.set(true)>{c.t(Key::KioskExit)}</button> }.into_any()
        } else {
            view! { <a class="button secondary" href=Route::Section(Section::Surveys).url()>{c.t(Key::KioskBack)}</a> }.into_any()
        }}
    }
}

#[component]
fn KioskRun(version: SurveyVersion) -> impl IntoView {
    let c = ctx();
    let records = kiosk_records();
    let version = StoredValue::new(version);
    let survey_key = version.with_value(|v| v.survey_id.to_string());
    // A locked device (reloaded, or opened in a new tab) goes straight back to its customers.
    let resumed = c.kiosk_lock.get_untracked().as_deref() == Some(survey_key.as_str());
    let kiosk = RwSignal::new(settings::load());
    // Where each customer starts: the receipt's visit code, if the shift asks for it.
    let first = move || {
        if kiosk.get_untracked().ask_visit_code {
            Screen::VisitCode
        } else {
            Screen::Question(0)
        }
    };
    let screen = RwSignal::new(if resumed { first() } else { Screen::Shift });
    // Unlocked from another tab: this one is back at the shift screen, with its way back.
    Effect::new(move |_| {
        if c.kiosk_lock.get().is_none() && screen.get_untracked() != Screen::Shift {
            screen.set(Screen::Shift);
        }
    });
    let visit_code = RwSignal::new(String::new());
    let answers = RwSignal::new(BTreeMap::<Id, Answer>::new());
    let follow_ups = RwSignal::new(BTreeMap::<Id, String>::new());
    let text = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let save_failed = RwSignal::new(false);
    let now_ms = RwSignal::new(js_sys::Date::now());
    let last_touch = RwSignal::new(js_sys::Date::now());
    // Timers may fire after the kiosk is left (a clock that jumps fires them late): each
    // first asks whether this run is still the one on screen, a plain number that, unlike
    // the signals, outlives the component.
    let run = NEXT_RUN.fetch_add(1, Ordering::Relaxed);
    LIVE_RUN.store(run, Ordering::Relaxed);
    let thanks_timer = StoredValue::new(None::<TimeoutHandle>);
    on_cleanup(move || {
        let _ = LIVE_RUN.compare_exchange(run, 0, Ordering::Relaxed, Ordering::Relaxed);
        if let Some(h) = thanks_timer.try_get_value().flatten() {
            h.clear();
        }
    });
    let alive = move || LIVE_RUN.load(Ordering::Relaxed) == run;
    keep_awake();

    let shift_lang = StoredValue::new(c.lang.get_untracked());
    let reset = move || {
        c.lang.set(shift_lang.get_value());
        answers.set(BTreeMap::new());
        follow_ups.set(BTreeMap::new());
        text.set(String::new());
        visit_code.set(String::new());
        save_failed.set(false);
        screen.set(first());
    };
    let store_response = move |then_thank: bool| {
        let v = version.get_value();
        let s = Submission {
            answers: answers.get_untracked(),
            follow_ups: follow_ups.get_untracked(),
            staff_id: kiosk.get_untracked().staff_on_duty,
            device_id: device::device_id(|| browser::new_id().to_string()),
            visit_code: visit_code.get_untracked(),
            location_id: device::location(),
        };
        let now = browser::now();
        let response = submit::response(&v, s, browser::new_id(), now);
        let recovery = submit::recovery(&v, &response, browser::new_id(), now);
        spawn_local(async move {
            let saved = records.save(response, recovery).await;
            // The kiosk may have been left while the write was under way.
            if screen.try_get_untracked().is_none() {
                return;
            }
            match saved {
                Ok(()) if then_thank => {
                    screen.set(Screen::Thanks);
                    if let Ok(h) = set_timeout_with_handle(
                        move || {
                            if alive() && screen.try_get_untracked() == Some(Screen::Thanks) {
                                reset()
                            }
                        },
                        Duration::from_millis(THANKS_MS),
                    ) {
                        thanks_timer.set_value(Some(h));
                    }
                }
                Ok(()) => reset(),
                Err(_) => save_failed.set(true),
            }
        });
    };
    let count = version.with_value(|v| v.questions.len());
    let advance = move |from: usize| {
        text.set(String::new());
        if from + 1 < count {
            screen.set(Screen::Question(from + 1));
        } else {
            store_response(true);
        }
    };
    // One tap answers; a second tap within the guard is the same tap.
    let tap = move |f: Box<dyn FnOnce()>| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        last_touch.set(js_sys::Date::now());
        f();
        set_timeout(
            move || {
                if alive() {
                    busy.set(false);
                }
            },
            Duration::from_millis(TAP_GUARD_MS),
        );
    };
    let answer = move |i: usize, a: Answer| {
        let q = version.with_value(|v| v.questions[i].clone());
        let low = submit::is_low(&q, &a);
        answers.update(|m| {
            m.insert(q.id, a);
        });
        if low {
            screen.set(Screen::FollowUp(i));
        } else {
            advance(i);
        }
    };

    // The idle clock: a warning, then a fresh start (keeping what was answered if set so).
    if let Ok(h) = set_interval_with_handle(
        move || {
            if !alive() {
                return;
            }
            now_ms.set(js_sys::Date::now());
            let idle = (now_ms.get_untracked() - last_touch.get_untracked()) / 1000.0;
            let started = matches!(screen.get_untracked(), Screen::Question(i) if i > 0)
                || matches!(screen.get_untracked(), Screen::FollowUp(_));
            if started && idle >= kiosk.get_untracked().idle_seconds as f64 {
                last_touch.set(js_sys::Date::now());
                if kiosk.get_untracked().keep_partial && !answers.get_untracked().is_empty() {
                    store_response(false);
                } else {
                    reset();
                }
            }
        },
        Duration::from_millis(500),
    ) {
        on_cleanup(move || h.clear());
    }
    let warning = move || {
        let started = matches!(screen.get(), Screen::Question(i) if i > 0)
            || matches!(screen.get(), Screen::FollowUp(_));
        let idle = (now_ms.get() - last_touch.get()) / 1000.0;
        started && idle >= kiosk.get().idle_seconds as f64 - WARN_BEFORE_S
    };

    // Announced politely, from a region that stays in the page: a live region inserted
    // together with its text is not read by most screen readers.
    let progress = move || match screen.get() {
        Screen::Question(i) => Key::KioskProgress
            .text(c.lang.get())
            .replace("{n}", &(i + 1).to_string())
            .replace("{count}", &count.to_string()),
        _ => String::new(),
    };

    view! {
        <p class="visually-hidden" aria-live="polite" data-testid="kiosk-progress-live">{progress}</p>
        <div class="kiosk-stage" on:pointerdown=move |_| last_touch.set(js_sys::Date::now()) on:keydown=move |_| last_touch.set(js_sys::Date::now())>
            {move || match screen.get() {
                Screen::Shift => view! { <ShiftStart kiosk version=version.get_value() on_start=move || { shift_lang.set_value(c.lang.get_untracked()); screen.set(first()) }/> }.into_any(),
                Screen::VisitCode => view! { <VisitCodeScreen visit_code on_next=move || screen.set(Screen::Question(0))/> }.into_any(),
                Screen::Question(i) => {
                    let q = version.with_value(|v| v.questions[i].clone());
                    view! { <QuestionScreen q index=i count answer tap text advance busy/> }.into_any()
                }
                Screen::FollowUp(i) => {
                    let q = version.with_value(|v| v.questions[i].clone());
                    let prompt = q.follow_up.clone().unwrap_or_default();
                    let label = prompt.clone();
                    let heading = NodeRef::<leptos::html::H1>::new();
                    focus_on_mount(heading);
                    view! {
                        <h1 class="kiosk-question" tabindex="-1" node_ref=heading>{c.pick(prompt)}</h1>
                        <label class="visually-hidden" for="follow-up">{c.pick(label)}</label>
                        <textarea id="follow-up" class="kiosk-text" rows="4" prop:value=text on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                        <button type="button" class="big" data-testid="kiosk-next" disabled=move || busy.get() on:click=move |_| tap(Box::new(move || {
                            let t = text.get_untracked();
                            follow_ups.update(|m| { m.insert(q.id, t); });
                            advance(i);
                        }))>{c.t(Key::KioskNext)}</button>
                    }.into_any()
                }
                Screen::Thanks => {
                    let heading = NodeRef::<leptos::html::H1>::new();
                    focus_on_mount(heading);
                    view! {
                    <div class="kiosk-thanks" role="status" data-testid="kiosk-thanks">
                        <h1 class="kiosk-title" tabindex="-1" node_ref=heading>{c.t(Key::KioskThanks)}</h1>
                        <p class="kiosk-message">{c.t(Key::KioskThanksBody)}</p>
                    </div>
                }.into_any()
                }
                Screen::Pin => view! { <PinScreen kiosk on_cancel=move || screen.set(first())/> }.into_any(),
            }}
            <Show when=move || save_failed.get()>
                <p class="alert alert-error" role="alert" data-testid="kiosk-save-failed">{c.t(Key::KioskSaveFailed)}</p>
            </Show>
            <Show when=warning>
                <div class="alert alert-warn kiosk-idle" role="alert" data-testid="idle-warning">
                    <p>{c.t(Key::KioskIdleWarning)}</p>
                    <button type="button" on:click=move |_| last_touch.set(js_sys::Date::now())>{c.t(Key::KioskStillHere)}</button>
                </div>
            </Show>
            <Show when=move || !matches!(screen.get(), Screen::Pin | Screen::Shift)>
                <button type="button" class="kiosk-exit secondary" data-testid="kiosk-exit" on:click=move |_| screen.set(Screen::Pin)>{c.t(Key::KioskExit)}</button>
            </Show>
        </div>
    }
}
