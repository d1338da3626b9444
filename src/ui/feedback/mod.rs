//! 投诉与建议 Feedback: complaints, suggestions and praise entered by staff or raised by a
//! low kiosk score; the list puts overdue items first; one item is handled on its own page.

mod entry;
mod item;

use super::app_data::app_data;
use super::{browser, ctx, labels};
use crate::domain::feedback::{self as fb, Summary};
use crate::domain::model::{Feedback, FeedbackKind, FeedbackStatus, Id};
use crate::i18n::{format_datetime, format_elapsed, Key, Lang};
use crate::route::{Route, Section};
use leptos::prelude::*;

pub use item::FeedbackDetail;

pub const KINDS: [FeedbackKind; 3] = [
    FeedbackKind::Complaint,
    FeedbackKind::Suggestion,
    FeedbackKind::Praise,
];
pub const STATUSES: [FeedbackStatus; 4] = [
    FeedbackStatus::Open,
    FeedbackStatus::InProgress,
    FeedbackStatus::Resolved,
    FeedbackStatus::Closed,
];

/// The list shows this many; the summary counts them all.
const SHOWN: usize = 200;

fn median_text(value: Option<f64>, n: usize, lang: Lang) -> String {
    match value {
        Some(m) => format!("{} (n={n})", format_elapsed(m, lang)),
        None => format!("{} (n=0)", Key::NoData.text(lang)),
    }
}

#[component]
pub fn FeedbackPage() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let status = RwSignal::new(None::<FeedbackStatus>);
    let kind = RwSignal::new(None::<FeedbackKind>);
    let listed = Memo::new(move |_| {
        let now = browser::now();
        let (status, kind) = (status.get(), kind.get());
        app.data.with(|d| {
            let mut items: Vec<&Feedback> = d
                .feedback
                .iter()
                .filter(|f| {
                    status.is_none_or(|s| f.status == s) && kind.is_none_or(|k| f.kind == k)
                })
                .collect();
            fb::sort(&mut items, now);
            let summary = fb::summary(items.iter().copied(), now);
            let shown: Vec<(Feedback, bool)> = items
                .into_iter()
                .take(SHOWN)
                .map(|f| (f.clone(), fb::is_overdue(f, now)))
                .collect();
            (summary, shown)
        })
    });
    view! {
        <section class="page" data-page=Section::Feedback.slug()>
            <h1>{c.t(Key::NavFeedback)}</h1>
            <entry::NewFeedback/>
            <div class="card form-inline no-print">
                <label for="fb-filter-status">{c.t(Key::FbStatus)}</label>
                <select id="fb-filter-status" on:change=move |ev| status.set(event_target_value(&ev).parse::<usize>().ok().and_then(|i| STATUSES.get(i).copied()))>
                    <option value="">{c.t(Key::ResponsesAll)}</option>
                    {STATUSES.into_iter().enumerate().map(|(i, s)| view! { <option value=i.to_string()>{c.t(labels::status(s))}</option> }).collect_view()}
                </select>
                <label for="fb-filter-kind">{c.t(Key::FbKind)}</label>
                <select id="fb-filter-kind" on:change=move |ev| kind.set(event_target_value(&ev).parse::<usize>().ok().and_then(|i| KINDS.get(i).copied()))>
                    <option value="">{c.t(Key::ResponsesAll)}</option>
                    {KINDS.into_iter().enumerate().map(|(i, k)| view! { <option value=i.to_string()>{c.t(labels::feedback_kind(k))}</option> }).collect_view()}
                </select>
            </div>
            {move || view! { <SummaryView s=listed.get().0/> }}
            <ul class="process-list" data-testid="feedback-list">
                {move || {
                    let (_, shown) = listed.get();
                    if shown.is_empty() {
                        return view! { <li class="muted">{c.t(Key::FbNone)}</li> }.into_any();
                    }
                    shown.into_iter().map(|(f, overdue)| view! { <Row f overdue/> }).collect_view().into_any()
                }}
            </ul>
        </section>
    }
}

#[component]
fn SummaryView(s: Summary) -> impl IntoView {
    let c = ctx();
    let lang = c.lang.get_untracked();
    view! {
        <div class="kpis" data-testid="feedback-summary">
            {STATUSES.into_iter().map(|st| view! {
                <div class="card kpi" data-status-count=format!("{st:?}")>
                    <span>{c.t(labels::status(st))}</span><strong>{s.by_status[st as usize]}</strong>
                </div>
            }).collect_view()}
            <div class="card kpi" class:kpi-alert={s.overdue > 0} data-testid="overdue-count">
                <span>{c.t(Key::FbOverdue)}</span><strong>{s.overdue}</strong>
            </div>
            <div class="card kpi wide">
                <span>{c.t(Key::FbMedianFirstResponse)}</span><strong>{median_text(s.first_response_min, s.n_first_response, lang)}</strong>
            </div>
            <div class="card kpi wide">
                <span>{c.t(Key::FbMedianResolution)}</span><strong>{median_text(s.resolution_min, s.n_resolution, lang)}</strong>
            </div>
        </div>
    }
}

#[component]
fn Row(f: Feedback, overdue: bool) -> impl IntoView {
    let c = ctx();
    let id: Id = f.id;
    let preview: String = f.text.chars().take(120).collect();
    let created = f.created_at;
    view! {
        <li class="card process-row feedback-row" class:overdue=overdue data-feedback=id.to_string() data-status=format!("{:?}", f.status)>
            <div>
                <a class="process-name" href=Route::Detail(Section::Feedback, id.to_string(), None).href()>
                    {c.t(labels::feedback_kind(f.kind))}" · "{c.t(labels::status(f.status))}
                </a>
                {overdue.then(|| view! { <span class="badge badge-danger" data-testid="overdue">{c.t(Key::FbOverdue)}</span> })}
                <p>{if preview.is_empty() { Key::FbNoText.text(c.lang.get_untracked()).to_string() } else { preview }}</p>
                <p class="muted small">
                    {move || format_datetime(created, browser::utc_offset_at(created), c.lang.get())}" · "{c.t(labels::channel(f.channel))}
                </p>
            </div>
        </li>
    }
}
