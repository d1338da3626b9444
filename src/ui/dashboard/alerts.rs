//! 预警 The open alerts of the page's period, each with the records behind it and an
//! acknowledgement (who, a note; the time is the device's); those acknowledged are listed
//! below with who saw them, when, and what they noted.

use super::super::app_data::app_data;
use super::super::improvement::StartButton;
use super::super::{browser, ctx};
use super::{records, span};
use crate::domain::alerts::{acknowledge, acknowledgements, alerts, Alert, AlertKind};
use crate::domain::dashboard::Query;
use crate::domain::drill::Focus;
use crate::domain::improvement::alert_trigger;
use crate::domain::kpi::Kpi;
use crate::domain::model::AlertAck;
use crate::domain::period::Period;
use crate::domain::period_choice::PeriodChoice;
use crate::domain::Data;
use crate::i18n::{format_date, format_datetime, format_number, pick, Key, Lang};
use leptos::prelude::*;
use leptos::task::spawn_local;

fn describe(a: &Alert, lang: Lang) -> String {
    let (key, value, threshold) = match &a.kind {
        AlertKind::LowCsat => (
            Key::AlertLowCsat,
            format_number(a.value, 1, lang),
            format_number(a.threshold, 0, lang),
        ),
        AlertKind::LowNps => (
            Key::AlertLowNps,
            format_number(a.value, 0, lang),
            format_number(a.threshold, 0, lang),
        ),
        AlertKind::ComplaintDay(day) => {
            return Key::AlertComplaintDay
                .text(lang)
                .replace("{day}", &format_date(*day, lang))
                .replace("{value}", &a.n.to_string())
                .replace("{threshold}", &format_number(a.threshold, 0, lang));
        }
        AlertKind::LowStep { name, .. } => {
            return Key::AlertLowStep
                .text(lang)
                .replace("{step}", pick(name, lang))
                .replace("{value}", &format_number(a.value, 2, lang))
                .replace("{threshold}", &format_number(a.threshold, 1, lang))
                .replace("{n}", &a.n.to_string());
        }
    };
    key.text(lang)
        .replace("{value}", &value)
        .replace("{threshold}", &threshold)
        .replace("{n}", &a.n.to_string())
}

/// The records behind an alert: the KPI's, the day's complaints, the step's.
fn drill(a: &Alert, query: &Query) -> String {
    match &a.kind {
        AlertKind::LowCsat => records::href(query, Focus::Kpi(Kpi::Csat)),
        AlertKind::LowNps => records::href(query, Focus::Kpi(Kpi::Nps)),
        AlertKind::ComplaintDay(day) => {
            let one_day = Query {
                period: PeriodChoice::Custom(Period::new(*day, *day).expect("one day")),
                ..Query::default()
            };
            records::href(&one_day, Focus::Kpi(Kpi::ComplaintRate))
        }
        AlertKind::LowStep { step_id, .. } => records::href(query, Focus::Step(*step_id)),
    }
}

/// The local days an alert was raised over: a complaint day's own, else the page's period.
fn raised_over(a: &Alert, query: &Query) -> Period {
    match a.kind {
        AlertKind::ComplaintDay(day) => Period::new(day, day).expect("one day"),
        _ => query.period.resolve(browser::today()),
    }
}

#[component]
pub fn Alerts(query: RwSignal<Query>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let all = Memo::new(move |_| {
        let q = query.get();
        let s = span(q.period.resolve(browser::today()));
        app.data.with(|d: &Data| {
            let rules = d.workspace().map(|w| w.alerts.clone()).unwrap_or_default();
            let offset_at = browser::offset_cache();
            let raised = app
                .facts
                .with(|facts| alerts(d, facts, &s, &rules, browser::now(), &offset_at));
            acknowledgements(&raised, &d.alert_acks)
                .into_iter()
                .map(|(a, ack)| (a, ack.cloned()))
                .collect::<Vec<_>>()
        })
    });
    let open = move || {
        all.get()
            .into_iter()
            .filter(|(_, k)| k.is_none())
            .map(|(a, _)| a)
            .collect::<Vec<_>>()
    };
    let seen = move || {
        all.get()
            .into_iter()
            .filter_map(|(a, k)| k.map(|k| (a, k)))
            .collect::<Vec<_>>()
    };
    view! {
        <section class="card alerts" data-testid="alerts" aria-labelledby="alerts-title">
            <h2 id="alerts-title">{c.t(Key::AlertsTitle)}</h2>
            {move || {
                let open = open();
                if open.is_empty() {
                    return view! { <p class="muted" data-testid="alerts-none">{c.t(Key::AlertsNone)}</p> }.into_any();
                }
                view! {
                    <ul class="alert-list">
                        {open.into_iter().map(|a| view! { <OpenAlert alert=a query/> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {move || {
                let seen = seen();
                (!seen.is_empty()).then(|| view! {
                    <details class="alerts-seen" data-testid="alerts-seen">
                        <summary>{c.t(Key::AlertsSeen)}" ("{seen.len()}")"</summary>
                        <ul>
                            {seen.into_iter().map(|(a, k)| view! { <SeenAlert alert=a ack=k/> }).collect_view()}
                        </ul>
                    </details>
                })
            }}
        </section>
    }
}

#[component]
fn OpenAlert(alert: Alert, query: RwSignal<Query>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let editing = RwSignal::new(false);
    let by = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let refused = RwSignal::new(false);
    let key = alert.key.clone();
    let text = {
        let a = alert.clone();
        move || describe(&a, c.lang.get())
    };
    let href = {
        let a = alert.clone();
        move || drill(&a, &query.get())
    };
    let stored = StoredValue::new(alert);
    let trigger =
        move || stored.with_value(|a| alert_trigger(a, raised_over(a, &query.get_untracked())));
    let period = move || stored.with_value(|a| raised_over(a, &query.get_untracked()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = browser::new_id();
        let made = stored.with_value(|a| {
            acknowledge(
                a,
                &by.get_untracked(),
                &note.get_untracked(),
                id,
                browser::now(),
            )
        });
        match made {
            Err(_) => refused.set(true),
            Ok(ack) => spawn_local(async move {
                let changes = Data {
                    alert_acks: vec![ack],
                    ..Data::default()
                };
                let _ = app.save(changes, Vec::new()).await;
            }),
        }
    };
    let form_id = format!("ack-{}", key.replace(':', "-"));
    view! {
        <li class="alert alert-warn" data-alert=key.clone() data-testid="alert-open">
            <p><strong>{text}</strong></p>
            <p><a href=href>{c.t(Key::DrillOpen)}</a></p>
            <div class="row-actions"><StartButton trigger period/></div>
            {move || if editing.get() {
                let form_id = form_id.clone();
                view! {
                    <form class="form ack-form" novalidate on:submit=submit>
                        <label for=format!("{form_id}-by")>{c.t(Key::AlertAckBy)}</label>
                        <input id=format!("{form_id}-by") type="text" maxlength="60" autocomplete="name" data-testid="ack-by"
                            prop:value=move || by.get() on:input=move |ev| { by.set(event_target_value(&ev)); refused.set(false); }/>
                        <label for=format!("{form_id}-note")>{c.t(Key::AlertAckNote)}</label>
                        <textarea id=format!("{form_id}-note") maxlength="500" data-testid="ack-note"
                            prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                        {move || refused.get().then(|| view! { <p class="alert alert-error" role="alert">{c.t(Key::AlertAckNoName)}</p> })}
                        <div class="row-actions">
                            <button type="submit" data-testid="ack-save">{c.t(Key::AlertAckSave)}</button>
                            <button type="button" class="secondary" on:click=move |_| editing.set(false)>{c.t(Key::Cancel)}</button>
                        </div>
                    </form>
                }.into_any()
            } else {
                view! { <button type="button" class="secondary" data-testid="ack-open" on:click=move |_| editing.set(true)>{c.t(Key::AlertAck)}</button> }.into_any()
            }}
        </li>
    }
}

#[component]
fn SeenAlert(alert: Alert, ack: AlertAck) -> impl IntoView {
    let c = ctx();
    let when = ack.created_at;
    let note = (!ack.note.is_empty()).then(|| format!(" · {}", ack.note));
    let by = ack.by;
    let key = alert.key.clone();
    view! {
        <li data-alert=key data-testid="alert-seen">
            <span>{move || describe(&alert, c.lang.get())}</span>
            <br/>
            <small class="muted">
                {move || Key::AlertAckedBy.text(c.lang.get()).replace("{by}", &by).replace("{at}", &format_datetime(when, browser::utc_offset_at(when), c.lang.get()))}
                {note}
            </small>
        </li>
    }
}
