//! The status line every manager page shows while sync is on.

use super::{sync_ctx, wake, Problem, Status};
use crate::domain::sync::server::{Reach, SettingsProblem};
use crate::i18n::{format_datetime, Key};
use crate::route::{Route, Section};
use crate::ui::{browser, ctx, labels};
use leptos::prelude::*;

pub fn settings_problem(p: SettingsProblem) -> Key {
    match p {
        SettingsProblem::BadUrl => Key::SyncBadUrl,
        SettingsProblem::NotHttps => Key::SyncNotHttps,
        SettingsProblem::BadDatabase => Key::SyncBadDb,
        SettingsProblem::HalfCredentials => Key::SyncHalfCredentials,
    }
}

/// The text of a `Reach` other than `Ready`; `{n}` is filled in by the caller.
pub fn reach(r: Reach) -> Key {
    match r {
        Reach::Ready => Key::SyncReady,
        Reach::NoDatabase => Key::SyncNoDb,
        Reach::WrongCredentials => Key::SyncWrongCredentials,
        Reach::Forbidden => Key::SyncForbidden,
        Reach::Unreachable => Key::SyncUnreachable,
        Reach::CorsRefused => Key::SyncCors,
        Reach::Unexpected(_) => Key::SyncUnexpected,
    }
}

pub fn reach_text(r: Reach, lang: crate::i18n::Lang) -> String {
    let text = reach(r).text(lang);
    match r {
        Reach::Unexpected(n) => text.replace("{n}", &n.to_string()),
        _ => text.to_string(),
    }
}

fn problem_text(p: &Problem, lang: crate::i18n::Lang) -> String {
    match p {
        Problem::Settings(s) => settings_problem(*s).text(lang).to_string(),
        Problem::Reach(r) => reach_text(*r, lang),
        Problem::Refused(why) => format!("{} {why}", Key::SyncRefused.text(lang)),
        Problem::Store(e) => labels::store_error(e).text(lang).to_string(),
    }
}

#[component]
pub fn SyncStatus() -> impl IntoView {
    let c = ctx();
    let s = sync_ctx();
    let at = move |t| format_datetime(t, browser::utc_offset_at(t), c.lang.get());
    move || {
        let lang = c.lang.get();
        let (code, text) = match s.status.get() {
            Status::Off => return ().into_any(),
            Status::Working(0) => ("working", Key::SyncStatusWorking.text(lang).to_string()),
            Status::Working(n) => (
                "working",
                Key::SyncStatusWaiting
                    .text(lang)
                    .replace("{n}", &n.to_string()),
            ),
            Status::Synced(t) => (
                "synced",
                Key::SyncStatusSynced.text(lang).replace("{time}", &at(t)),
            ),
            Status::Offline(t) => (
                "offline",
                Key::SyncStatusOffline.text(lang).replace("{time}", &at(t)),
            ),
            Status::Failed(p) => (
                "error",
                format!(
                    "{} {}",
                    Key::SyncStatusError.text(lang),
                    problem_text(&p, lang)
                ),
            ),
        };
        let failed = code == "error";
        view! {
            <p class=format!("sync-status sync-{code}") role="status" data-testid="sync-status" data-sync=code>
                <span>{text}</span>
                {failed.then(|| view! {
                    " "<button type="button" class="secondary" data-testid="sync-retry" on:click=|_| wake()>{c.t(Key::SyncRetry)}</button>
                    " "<a href=Route::Section(Section::Settings).href()>{c.t(Key::SyncSettingsLink)}</a>
                })}
            </p>
        }
        .into_any()
    }
}
