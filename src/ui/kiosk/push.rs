//! A locked kiosk's share of sync: what customers leave goes to the server as soon as it is
//! stored, and again every minute while anything waits (the tablet may be offline). It sends
//! only the new records this page wrote, which no other device can have changed, so a
//! "conflict" answer means the server has it already. A customer never sees a sync error.

use crate::domain::model::Time;
use crate::domain::sync::doc;
use crate::domain::sync::push::{self, Answer, Outgoing};
use crate::storage::couch::{self, Request};
use crate::storage::{settings as stored, Store};
use leptos::task::spawn_local;
use std::cell::Cell;
use std::rc::Rc;

const PUSH: usize = 200;

thread_local! {
    static SOON: Cell<bool> = const { Cell::new(false) };
}

/// Whether a new record should wait in the outbox: once a server is set, on or off (it
/// goes out when sync is on).
pub fn on() -> bool {
    stored::sync().configured()
}

/// Push now rather than at the next minute.
pub fn soon() {
    SOON.with(|s| s.set(true));
}

pub fn start(store: Rc<Store>) {
    spawn_local(async move {
        loop {
            while push_once(&store).await {}
            for _ in 0..240 {
                if SOON.with(|s| s.replace(false)) {
                    break;
                }
                couch::sleep(250).await;
            }
        }
    });
}

#[derive(serde::Deserialize)]
struct Stamp {
    #[serde(with = "crate::domain::rfc3339")]
    updated_at: Time,
}

/// Sends one batch; whether a full batch went out (so more may wait).
async fn push_once(store: &Store) -> bool {
    let settings = stored::sync();
    if !settings.on {
        return false;
    }
    let Ok(server) = settings.server() else {
        return false;
    };
    let Ok(records) = store.outbox_records(PUSH).await else {
        return false;
    };
    let device = stored::device_id(|| crate::ui::browser::new_id().to_string());
    let sent: Vec<Outgoing> = records
        .iter()
        .filter_map(|(id, text)| {
            let stamp = serde_json::from_str::<Stamp>(text).ok()?.updated_at;
            let json = doc::text(*id, None, stamp, &device, text);
            Some(Outgoing {
                id: *id,
                stamp,
                json,
            })
        })
        .collect();
    if sent.is_empty() {
        return false;
    }
    let r = Request {
        method: "POST",
        url: &server.bulk_docs_url(),
        body: Some(&push::body(&sent)),
        cancel: None,
    };
    let answer = couch::send_basic(&server, r, 60_000).await;
    let Some(answers) = answer
        .ok()
        .filter(|(status, _)| (200..300).contains(status))
        .and_then(|(_, text)| push::answers(&text))
    else {
        return false;
    };
    let done: Vec<_> = answers
        .into_iter()
        .filter_map(|a| match a {
            Answer::Saved { id, .. } | Answer::Conflict(id) => Some(id),
            Answer::Refused { .. } => None,
        })
        .collect();
    store.remove_from_outbox(&done).await.is_ok() && sent.len() == PUSH
}
