//! The customer-facing kiosk: one question per screen, one tap per answer, a thank-you, then
//! a fresh start for the next customer. Idle tablets start over by themselves; leaving needs
//! the manager PIN. Every response is stored the moment it is submitted.

use super::app_data::app_data;
use super::shell::LangSwitch;
use super::{browser, ctx, kiosk_lock};
use crate::domain::kiosk::{self as submit, Submission};
use crate::domain::model::*;
use crate::domain::{pin, survey_edit, Data};
use crate::i18n::{pick, Key};
use crate::route::{Route, Section};
use crate::storage::{kiosk as settings, settings as device};
use leptos::context::Provider;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

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
pub fn Kiosk(survey: Option<String>) -> impl IntoView {
    // The customer's language is the kiosk's own: switching it leaves the manager's stored
    // language alone, and each new customer starts again in the shift's language.
    let manager = ctx();
    let c = super::Ctx {
        lang: RwSignal::new(manager.lang.get_untracked()),
        ..manager
    };
    let app = app_data();
    let survey_id = survey.and_then(|s| s.parse::<Id>().ok());
    let version = Memo::new(move |_| {
        app.data
            .with(|d| survey_edit::current(d, survey_id?).cloned())
    });
    // Provided to the kiosk's own children only: the manager's pages keep their language.
    view! {
        <Provider value=c>
        <main id="main" class="kiosk" data-page="kiosk" lang=move || c.lang.get().code() data-state=move || app.state.with(super::app_data::LoadState::code)>
            <div class="kiosk-top"><LangSwitch local=true/></div>
            {move || match version.get() {
                Some(v) => view! { <KioskRun version=v/> }.into_any(),
                None => view! { <NoSurvey/> }.into_any(),
            }}
        </main>
        </Provider>
    }
}

/// A locked kiosk whose survey is gone (deleted, or replaced by an import) still needs the PIN.
#[component]
fn NoSurvey() -> impl IntoView {
    let c = ctx();
    let asking = RwSignal::new(false);
    let kiosk = RwSignal::new(settings::load());
    view! {
        <h1 class="kiosk-title">{c.t(Key::KioskTitle)}</h1>
        <p class="kiosk-message">{c.t(Key::KioskNoSurvey)}</p>
        {move || if asking.get() {
            view! { <PinScreen kiosk on_cancel=move || asking.set(false)/> }.into_any()
        } else if c.kiosk_lock.get().is_some() {
            view! { <button type="button" class="secondary" data-testid="kiosk-exit" on:click=move |_| asking.set(true)>{c.t(Key::KioskExit)}</button> }.into_any()
        } else {
            view! { <a class="button secondary" href=Route::Section(Section::Surveys).href()>{c.t(Key::KioskBack)}</a> }.into_any()
        }}
    }
}

#[component]
fn KioskRun(version: SurveyVersion) -> impl IntoView {
    let c = ctx();
    let app = app_data();
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
        };
        let now = browser::now();
        let response = submit::response(&v, s, browser::new_id(), now);
        let recovery = submit::recovery(&v, &response, browser::new_id(), now);
        let changes = Data {
            responses: vec![response],
            feedback: recovery.into_iter().collect(),
            ..Data::default()
        };
        spawn_local(async move {
            let saved = app.save(changes, Vec::new()).await;
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
                        <h1 class="kiosk-question" tabindex="-1" node_ref=heading>{move || pick(&prompt, c.lang.get()).to_string()}</h1>
                        <label class="visually-hidden" for="follow-up">{move || pick(&label, c.lang.get()).to_string()}</label>
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

#[component]
fn ShiftStart(
    kiosk: RwSignal<settings::KioskSettings>,
    version: SurveyVersion,
    on_start: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let survey_id = version.survey_id;
    let people = move || app.data.with(Data::active_staff);
    let name = move || {
        app.data.with(|d| {
            d.surveys
                .iter()
                .find(|s| s.id == survey_id)
                .map(|s| pick(&s.name, c.lang.get()).to_string())
                .unwrap_or_default()
        })
    };
    let has_pin = kiosk.get_untracked().pin.is_some();
    let refused = RwSignal::new(false);
    let start = move |_| {
        // Only the shift's own choices are written: the PIN and its back-off stay as stored.
        let shift = kiosk.get_untracked();
        let saved = settings::update(|k| {
            k.staff_on_duty = shift.staff_on_duty;
            k.ask_visit_code = shift.ask_visit_code;
        })
        .and_then(|()| kiosk_lock::lock(c.kiosk_lock, &survey_id.to_string()));
        match saved {
            Ok(()) => on_start(),
            Err(_) => refused.set(true),
        }
    };
    view! {
        <h1 class="kiosk-title">{c.t(Key::KioskShiftTitle)}</h1>
        <p class="kiosk-message" data-testid="shift-survey">{c.t(Key::KioskShiftSurvey)}" "<strong>{name}</strong></p>
        <div class="form kiosk-shift">
            <label for="duty">{c.t(Key::KioskShiftStaff)}</label>
            <select id="duty" on:change=move |ev| {
                let id = event_target_value(&ev).parse::<Id>().ok();
                kiosk.update(|k| k.staff_on_duty = id);
            }>
                <option value="">{c.t(Key::RunNoStaff)}</option>
                {move || people().into_iter().map(|(id, name)| view! {
                    <option value=id.to_string() selected=move || kiosk.get().staff_on_duty == Some(id)>{name}</option>
                }).collect_view()}
            </select>
            <label class="check">
                <input type="checkbox" id="ask-visit-code" prop:checked=move || kiosk.get().ask_visit_code
                    on:change=move |ev| { let on = event_target_checked(&ev); kiosk.update(|k| k.ask_visit_code = on); }/>
                {c.t(Key::KioskAskVisitCode)}
            </label>
            {(!has_pin).then(|| view! {
                <p class="alert alert-warn" role="alert" data-testid="shift-no-pin">
                    {c.t(Key::KioskShiftNoPin)}" "
                    <a href=Route::Section(Section::Settings).href()>{c.t(Key::KioskShiftSetPin)}</a>
                </p>
            })}
            <Show when=move || refused.get()>
                <p class="alert alert-error" role="alert">{c.t(Key::ErrQuota)}</p>
            </Show>
            <button type="button" class="big" data-testid="kiosk-start" disabled=!has_pin on:click=start>{c.t(Key::KioskShiftStart)}</button>
            <a class="button secondary" data-testid="shift-back" href=Route::Section(Section::Surveys).href()>{c.t(Key::KioskBack)}</a>
        </div>
        <details class="kiosk-pinning">
            <summary>{c.t(Key::KioskPinningTitle)}</summary>
            <p>{c.t(Key::KioskPinningAndroid)}</p>
            <p>{c.t(Key::KioskPinningIpad)}</p>
        </details>
    }
}

/// The customer types the code on their receipt, or skips.
#[component]
fn VisitCodeScreen(
    visit_code: RwSignal<String>,
    on_next: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let c = ctx();
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_on_mount(heading);
    view! {
        <h1 class="kiosk-question" tabindex="-1" node_ref=heading>{c.t(Key::KioskVisitCodeTitle)}</h1>
        <form class="form kiosk-shift" on:submit=move |ev| { ev.prevent_default(); on_next(); }>
            <label for="visit-code">{c.t(Key::KioskVisitCodeLabel)}</label>
            <input id="visit-code" class="kiosk-text" autocomplete="off" autocapitalize="characters" maxlength="40"
                prop:value=visit_code on:input=move |ev| visit_code.set(event_target_value(&ev))/>
            <button type="submit" class="big" data-testid="visit-code-next">{c.t(Key::KioskNext)}</button>
            <button type="button" class="secondary" data-testid="visit-code-skip"
                on:click=move |_| { visit_code.set(String::new()); on_next(); }>{c.t(Key::KioskVisitCodeSkip)}</button>
        </form>
    }
}

/// Moves the focus to a new screen's heading once it is in the page. The button that was
/// pressed is gone with the old screen, and the focus would otherwise fall to `<body>`,
/// leaving a keyboard or screen-reader user at the top of nothing.
fn focus_on_mount(heading: NodeRef<leptos::html::H1>) {
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
}

/// What the two ends of a scale mean, said in the scale's description.
fn scale_ends(kind: QuestionKind) -> Option<Key> {
    match kind {
        QuestionKind::Stars => Some(Key::KioskEndsStars),
        QuestionKind::Smiley => Some(Key::KioskEndsSmiley),
        QuestionKind::Nps => Some(Key::KioskEndsNps),
        QuestionKind::Likert => Some(Key::KioskEndsLikert),
        _ => None,
    }
}

fn score_label(kind: QuestionKind, s: u8) -> String {
    match kind {
        QuestionKind::Stars => format!("{s} ★"),
        QuestionKind::Smiley => ["😞", "🙁", "🙂", "😀"]
            .get(s.saturating_sub(1) as usize)
            .unwrap_or(&"")
            .to_string(),
        _ => s.to_string(),
    }
}

#[component]
fn QuestionScreen(
    q: Question,
    index: usize,
    count: usize,
    answer: impl Fn(usize, Answer) + Copy + Send + Sync + 'static,
    tap: impl Fn(Box<dyn FnOnce()>) + Copy + Send + Sync + 'static,
    text: RwSignal<String>,
    advance: impl Fn(usize) + Copy + Send + Sync + 'static,
    busy: RwSignal<bool>,
) -> impl IntoView {
    let c = ctx();
    let title = q.text.clone();
    let picked = RwSignal::new(Vec::<u32>::new());
    let heading = q.text.clone();
    let text_label = q.text.clone();
    let ends_id = format!("ends-{}", q.id);
    let body = match (q.kind, q.kind.scale()) {
        (kind, Some((lo, hi))) => view! {
            <div class=format!("kiosk-scale scale-{}", hi - lo + 1) role="group" aria-label=move || pick(&title, c.lang.get()).to_string()
                aria-describedby=ends_id.clone()>
                {(lo..=hi).map(|s| view! {
                    <button type="button" class="kiosk-answer" data-score=s.to_string() disabled=move || busy.get()
                        aria-label=format!("{s} / {hi}")
                        on:click=move |_| tap(Box::new(move || answer(index, Answer::Score(s))))>{score_label(kind, s)}</button>
                }).collect_view()}
            </div>
            {scale_ends(kind).map(|k| view! { <p class="kiosk-scale-ends muted" id=ends_id.clone() data-testid="kiosk-scale-ends">{c.t(k)}</p> })}
        }.into_any(),
        (QuestionKind::SingleChoice, _) => view! {
            <div class="kiosk-choices">
                {q.options.iter().enumerate().map(|(i, o)| {
                    let o = o.clone();
                    view! {
                        <button type="button" class="kiosk-answer" data-choice=i.to_string() disabled=move || busy.get()
                            on:click=move |_| tap(Box::new(move || answer(index, Answer::Choice(i as u32))))>{move || pick(&o, c.lang.get()).to_string()}</button>
                    }
                }).collect_view()}
            </div>
        }.into_any(),
        (QuestionKind::MultipleChoice, _) => view! {
            <div class="kiosk-choices">
                {q.options.iter().enumerate().map(|(i, o)| {
                    let o = o.clone();
                    let i = i as u32;
                    view! {
                        <button type="button" class="kiosk-answer" aria-pressed=move || picked.get().contains(&i).to_string()
                            on:click=move |_| picked.update(|p| if let Some(at) = p.iter().position(|x| *x == i) { p.remove(at); } else { p.push(i); })>
                            {move || pick(&o, c.lang.get()).to_string()}
                        </button>
                    }
                }).collect_view()}
                <button type="button" class="big" data-testid="kiosk-next" disabled=move || busy.get() on:click=move |_| tap(Box::new(move || {
                    let p = picked.get_untracked();
                    if p.is_empty() { advance(index) } else { answer(index, Answer::Choices(p)) }
                }))>{c.t(Key::KioskNext)}</button>
            </div>
        }.into_any(),
        _ => view! {
            <label class="visually-hidden" for="kiosk-text">{move || pick(&text_label, c.lang.get()).to_string()}</label>
            <textarea id="kiosk-text" class="kiosk-text" rows="4" prop:value=text on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <button type="button" class="big" data-testid="kiosk-next" disabled=move || busy.get() on:click=move |_| tap(Box::new(move || {
                let t = text.get_untracked();
                if t.trim().is_empty() { advance(index) } else { answer(index, Answer::Text(t)) }
            }))>{c.t(Key::KioskNext)}</button>
        }.into_any(),
    };
    let skippable = !q.required && q.kind.scale().is_some();
    let heading_ref = NodeRef::<leptos::html::H1>::new();
    focus_on_mount(heading_ref);
    view! {
        // Seen here; heard from the kiosk's live region ("question 2 of 5").
        <p class="kiosk-progress" aria-hidden="true">{index + 1}" / "{count}</p>
        <h1 class="kiosk-question" data-testid="kiosk-question" tabindex="-1" node_ref=heading_ref>{move || pick(&heading, c.lang.get()).to_string()}</h1>
        {body}
        {skippable.then(|| view! {
            <button type="button" class="secondary" data-testid="kiosk-skip" disabled=move || busy.get() on:click=move |_| tap(Box::new(move || advance(index)))>{c.t(Key::KioskSkipQuestion)}</button>
        })}
    }
}

#[component]
fn PinScreen(
    kiosk: RwSignal<settings::KioskSettings>,
    on_cancel: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let c = ctx();
    let entered = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let leave = move || kiosk_lock::unlock(c.kiosk_lock, &Route::Section(Section::Surveys));
    // The PIN field takes the focus, so a keyboard user types at once and Escape cancels.
    let field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = field.get() {
            let _ = input.focus();
        }
    });
    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // The stored count, not this tab's copy: a tab opened before the wrong attempts (or
        // another tab) must not skip the wait.
        let mut k = settings::load();
        let now = js_sys::Date::now();
        let Some(stored) = k.pin.clone() else {
            return leave();
        };
        if now < k.locked_until {
            let wait = ((k.locked_until - now) / 1000.0).ceil();
            message.set(Some(format!("{} {wait}", c.t(Key::KioskPinWait)())));
            return;
        }
        if pin::verify(&entered.get_untracked(), &stored) {
            k.failures = 0;
            k.locked_until = 0.0;
            let _ = settings::save(&k);
            kiosk.set(k);
            leave();
        } else {
            k.failures += 1;
            k.locked_until = now + pin::wait_after(k.failures) as f64 * 1000.0;
            let _ = settings::save(&k);
            kiosk.set(k);
            entered.set(String::new());
            message.set(Some(c.t(Key::KioskPinWrong)().to_string()));
        }
    };
    view! {
        <form class="form kiosk-pin" on:submit=check data-testid="pin-form"
            on:keydown=move |ev| if ev.key() == "Escape" { on_cancel() }>
            <h1 class="kiosk-title">{c.t(Key::KioskExit)}</h1>
            <label for="pin">{c.t(Key::KioskPinPrompt)}</label>
            <input id="pin" node_ref=field type="password" inputmode="numeric" autocomplete="off" maxlength="8"
                prop:value=entered on:input=move |ev| entered.set(event_target_value(&ev))/>
            {move || message.get().map(|m| view! { <p class="alert alert-error" role="alert" data-testid="pin-message">{m}</p> })}
            <div class="row-actions">
                <button type="submit" data-testid="pin-ok">{c.t(Key::KioskPinOk)}</button>
                <button type="button" class="secondary" on:click=move |_| on_cancel()>{c.t(Key::Cancel)}</button>
            </div>
        </form>
    }
}
