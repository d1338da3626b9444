//! The kiosk's screens: the shift's start, the visit code, one question, the PIN.

use super::records::kiosk_records;
use crate::domain::model::*;
use crate::domain::{pin, Data};
use crate::i18n::{pick, Key};
use crate::route::{Route, Section};
use crate::storage::kiosk as settings;
use crate::ui::{ctx, kiosk_lock};
use leptos::prelude::*;

#[component]
pub(super) fn ShiftStart(
    kiosk: RwSignal<settings::KioskSettings>,
    version: SurveyVersion,
    on_start: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let c = ctx();
    let records = kiosk_records();
    let survey_id = version.survey_id;
    let people = move || records.data.with(Data::active_staff);
    let name = move || {
        records.data.with(|d| {
            d.survey(survey_id)
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
                    <a href=Route::Section(Section::Settings).url()>{c.t(Key::KioskShiftSetPin)}</a>
                </p>
            })}
            <Show when=move || refused.get()>
                <p class="alert alert-error" role="alert">{c.t(Key::ErrQuota)}</p>
            </Show>
            <button type="button" class="big" data-testid="kiosk-start" disabled=!has_pin on:click=start>{c.t(Key::KioskShiftStart)}</button>
            <a class="button secondary" data-testid="shift-back" href=Route::Section(Section::Surveys).url()>{c.t(Key::KioskBack)}</a>
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
pub(super) fn VisitCodeScreen(
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
pub(super) fn focus_on_mount(heading: NodeRef<leptos::html::H1>) {
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
pub(super) fn QuestionScreen(
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
            <div class=format!("kiosk-scale scale-{}", hi - lo + 1) role="group" aria-label=c.pick(title.clone())
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
                            on:click=move |_| tap(Box::new(move || answer(index, Answer::Choice(i as u32))))>{c.pick(o.clone())}</button>
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
                            {c.pick(o.clone())}
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
            <label class="visually-hidden" for="kiosk-text">{c.pick(text_label.clone())}</label>
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
        <h1 class="kiosk-question" data-testid="kiosk-question" tabindex="-1" node_ref=heading_ref>{c.pick(heading.clone())}</h1>
        {body}
        {skippable.then(|| view! {
            <button type="button" class="secondary" data-testid="kiosk-skip" disabled=move || busy.get() on:click=move |_| tap(Box::new(move || advance(index)))>{c.t(Key::KioskSkipQuestion)}</button>
        })}
    }
}

#[component]
pub(super) fn PinScreen(
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
            // Whole seconds, written as an integer: no float formatting on the kiosk's page.
            let wait = ((k.locked_until - now) / 1000.0).ceil() as u64;
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
