//! Cross-tab sync over a BroadcastChannel: a tab that saved tells the others what changed,
//! deletions as their tombstones; they fold it in with the merge rule (newer `updated_at`
//! wins, a later deletion removes), so neither tab's newer edit is overwritten by an older
//! one and a deleted record does not live on in another tab. Large batches just ask the
//! others to reload.

use super::app_data::AppData;
use crate::domain::model::{Feedback, Response};
use crate::domain::{merge, Data};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "serviceflow-sync";
/// Above this many records a message would be large; the other tabs re-read storage instead.
const INLINE_LIMIT: usize = 2000;

#[derive(Serialize, Deserialize)]
enum Message {
    /// Records and tombstones saved (boxed: `Data` is large beside `Reload`).
    Changed {
        changes: Box<Data>,
    },
    Reload,
}

thread_local! {
    /// One channel for posting and listening: a channel never receives its own messages,
    /// while a second one in this tab would, and the tab would answer its own saves.
    static TAB: Option<BroadcastChannel> = BroadcastChannel::new(CHANNEL).ok();
}

fn post(msg: &Message) {
    if let Ok(json) = serde_json::to_string(msg) {
        post_text(&json);
    }
}

fn post_text(json: &str) {
    TAB.with(|ch| {
        if let Some(ch) = ch {
            let _ = ch.post_message(&JsValue::from_str(json));
        }
    });
}

/// `announce` of a kiosk's new response and its recovery item. The message is put together
/// here rather than serialised from a `Data`, so that the kiosk page does not carry the
/// serialiser of every collection; the other tabs read it as `Message::Changed`.
pub fn announce_response(response: &Response, recovery: Option<&Feedback>) {
    let (Ok(r), Ok(f)) = (
        serde_json::to_string(response),
        serde_json::to_string(&recovery.into_iter().collect::<Vec<_>>()),
    ) else {
        return;
    };
    post_text(&format!(
        r#"{{"Changed":{{"changes":{{"responses":[{r}],"feedback":{f}}}}}}}"#
    ));
}

pub fn announce(changes: &Data) {
    if changes.len() > INLINE_LIMIT {
        post(&Message::Reload);
    } else {
        post(&Message::Changed {
            changes: Box::new(changes.clone()),
        });
    }
}

pub fn announce_reload() {
    post(&Message::Reload);
}

/// Calls `heard` whatever another tab saved: the kiosk page just re-reads what it shows.
pub fn on_any_change(heard: impl Fn() + 'static) {
    subscribe(move |_| heard());
}

pub fn listen(app: AppData) {
    subscribe(move |ev: MessageEvent| {
        let Some(json) = ev.data().as_string() else {
            return;
        };
        match serde_json::from_str::<Message>(&json) {
            Ok(Message::Changed { changes }) => {
                // Where this tab holds a newer version than the one just stored (or deleted),
                // store ours again: storage must end with the winner, whichever tab wrote last.
                let ours = app.data.with_untracked(|d| merge::newer_here(d, &changes));
                app.data.update(|d| {
                    let newer = merge::merge(d, &changes);
                    merge::apply(d, &newer);
                });
                if !ours.is_empty() {
                    app.save_later(ours);
                }
            }
            Ok(Message::Reload) | Err(_) => spawn_local(app.reload()),
        }
    });
}

fn subscribe(on: impl FnMut(MessageEvent) + 'static) {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(on);
    TAB.with(|ch| {
        if let Some(ch) = ch {
            ch.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        }
    });
    // It lives as long as the page.
    on_message.forget();
}
