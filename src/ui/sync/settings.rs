//! Settings → Sync: the server, the database and the user; test the connection (with the
//! reason when it fails, and CouchDB's CORS lines when that is the reason), create the
//! database, turn sync on or off.

use super::status::{reach_text, settings_problem};
use super::{create, probe, wake};
use crate::domain::sync::server::{self, Reach, Server};
use crate::i18n::Key;
use crate::storage::settings::{self as stored, SyncSettings};
use crate::ui::ctx;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Debug, PartialEq)]
enum Said {
    Problem(Key),
    Reach(Reach),
    Done(Key),
}

#[component]
pub fn SyncCard() -> impl IntoView {
    let c = ctx();
    let saved = stored::sync();
    let on = RwSignal::new(saved.on);
    let url = RwSignal::new(saved.url);
    let db = RwSignal::new(saved.db);
    let user = RwSignal::new(saved.user);
    let password = RwSignal::new(saved.password);
    let said = RwSignal::new(None::<Said>);
    let busy = RwSignal::new(false);
    // Counts answers, so a test (or a screen reader) can tell a new one from the last.
    let answers = RwSignal::new(0u32);
    let tell = move |s: Said| {
        answers.update(|n| *n += 1);
        said.set(Some(s));
    };
    let checked = move || -> Option<Server> {
        match server::check(
            &url.get_untracked(),
            &db.get_untracked(),
            &user.get_untracked(),
            &password.get_untracked(),
        ) {
            Ok(s) => Some(s),
            Err(p) => {
                tell(Said::Problem(settings_problem(p)));
                None
            }
        }
    };
    let store = move |s: &Server, turn_on: bool| {
        let settings = SyncSettings {
            url: s.url.clone(),
            db: s.db.clone(),
            user: s.user.clone(),
            password: s.password.clone(),
            on: turn_on,
        };
        if stored::save_sync(&settings).is_err() {
            tell(Said::Problem(Key::ErrQuota));
            return;
        }
        on.set(turn_on);
        wake();
        tell(Said::Done(if turn_on {
            Key::SyncIsOn
        } else {
            Key::SyncIsOff
        }));
    };
    let test = move |turn_on: bool| {
        let Some(s) = checked() else { return };
        busy.set(true);
        spawn_local(async move {
            let r = probe(&s).await;
            busy.set(false);
            match r {
                Reach::Ready if turn_on => store(&s, true),
                other => tell(Said::Reach(other)),
            }
        });
    };
    let make_db = move |_| {
        let Some(s) = checked() else { return };
        busy.set(true);
        spawn_local(async move {
            let r = create(&s).await;
            busy.set(false);
            tell(match r {
                Reach::Ready => Said::Done(Key::SyncCreated),
                Reach::WrongCredentials | Reach::Forbidden => Said::Problem(Key::SyncCannotCreate),
                other => Said::Reach(other),
            });
        });
    };
    let turn_off = move |_| {
        if let Ok(s) = server::check(
            &url.get_untracked(),
            &db.get_untracked(),
            &user.get_untracked(),
            &password.get_untracked(),
        ) {
            store(&s, false);
        } else {
            let mut settings = stored::sync();
            settings.on = false;
            let _ = stored::save_sync(&settings);
            on.set(false);
            wake();
            tell(Said::Done(Key::SyncIsOff));
        }
    };
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let message = move || {
        let lang = c.lang.get();
        said.get().map(|s| match s {
            Said::Done(k) => view! { <p class="alert alert-ok" role="status" data-testid="sync-message">{k.text(lang)}</p> }.into_any(),
            Said::Problem(k) => view! { <p class="alert alert-error" role="alert" data-testid="sync-message">{k.text(lang)}</p> }.into_any(),
            Said::Reach(Reach::Ready) => view! { <p class="alert alert-ok" role="status" data-testid="sync-message" data-reach="ready">{reach_text(Reach::Ready, lang)}</p> }.into_any(),
            Said::Reach(r) => {
                let code = match r {
                    Reach::NoDatabase => "no-database",
                    Reach::WrongCredentials => "wrong-credentials",
                    Reach::Forbidden => "forbidden",
                    Reach::Unreachable => "unreachable",
                    Reach::CorsRefused => "cors",
                    _ => "unexpected",
                };
                view! {
                    <div class="alert alert-error" role="alert" data-testid="sync-message" data-reach=code>
                        <p>{reach_text(r, lang)}</p>
                        {(r == Reach::CorsRefused).then(|| view! { <pre class="code" data-testid="sync-cors">{server::cors_settings(&origin)}</pre> })}
                        {(r == Reach::NoDatabase).then(|| view! {
                            <button type="button" data-testid="sync-create" on:click=make_db>{c.t(Key::SyncCreateDb)}</button>
                        })}
                    </div>
                }
                .into_any()
            }
        })
    };
    let field = move |id: &'static str,
                      label: Key,
                      value: RwSignal<String>,
                      kind: &'static str,
                      auto: &'static str,
                      help: Option<&'static str>| {
        view! {
            <label for=id>{c.t(label)}</label>
            <input id=id type=kind autocomplete=auto spellcheck="false" autocapitalize="none"
                aria-describedby=help
                prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
        }
    };
    view! {
        <form class="card form" novalidate data-testid="sync-settings" data-on=move || on.get().to_string()
            data-answers=move || answers.get().to_string() aria-busy=move || busy.get().to_string()
            on:submit=move |ev| { ev.prevent_default(); test(true); }>
            <h2>{c.t(Key::SyncTitle)}</h2>
            <p class="muted">{c.t(Key::SyncIntro)}</p>
            {field("sync-url", Key::SyncUrl, url, "url", "url", Some("sync-url-help"))}
            <p class="muted" id="sync-url-help">{c.t(Key::SyncUrlHelp)}</p>
            {field("sync-db", Key::SyncDb, db, "text", "off", None)}
            {field("sync-user", Key::SyncUser, user, "text", "username", None)}
            {field("sync-password", Key::SyncPassword, password, "password", "current-password", Some("sync-password-help"))}
            <p class="muted" id="sync-password-help">{c.t(Key::SyncPasswordHelp)}</p>
            <div class="row-actions">
                <button type="button" class="secondary" data-testid="sync-test" prop:disabled=busy on:click=move |_| test(false)>{c.t(Key::SyncTest)}</button>
                <button type="submit" data-testid="sync-on" prop:disabled=busy>{c.t(Key::SyncTurnOn)}</button>
                <Show when=move || on.get()>
                    <button type="button" class="secondary" data-testid="sync-off" on:click=turn_off>{c.t(Key::SyncTurnOff)}</button>
                </Show>
            </div>
            {message}
        </form>
    }
}
