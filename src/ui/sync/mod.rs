//! Sync with the business's CouchDB server, in every manager tab while a manager has it on
//! (see docs/ARCHITECTURE.md, "Sync"). One loop: pull `_changes` pages until caught up,
//! push the outbox to `_bulk_docs`, then long-poll; a local save cuts the long poll short.
//! Each pulled page is stored with its checkpoint in one transaction, and the outbox lives
//! in IndexedDB, so a reload or a crash neither skips nor loses anything.

mod conflicts;
mod settings;
mod status;

pub use conflicts::ConflictsCard;
pub use settings::SyncCard;
pub use status::SyncStatus;

use super::app_data::{self, AppData, LoadState};
use super::browser;
use crate::domain::model::Time;
use crate::domain::sync::server::{self, Reach, Server, SettingsProblem};
use crate::domain::sync::{doc, push, Conflict, DocId, Pulled, Replica, Step};
use crate::domain::Data;
use crate::storage::couch::{self, Cancel, NetError, Request};
use crate::storage::{settings as stored, Store, StoreError, SyncWrite};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;

/// Documents per `_changes` page and per `_bulk_docs` request.
const PAGE: usize = 1000;
const PUSH: usize = 500;
/// CouchDB answers a long poll with nothing after this long; a local save cuts it short.
const LONG_POLL_MS: u32 = 25_000;
/// A request with no answer after this long is given up (a link that died mid-way).
const GIVE_UP_MS: i32 = 60_000;

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Off,
    /// Pulling or pushing; the outbox's size.
    Working(usize),
    Synced(Time),
    Offline(Time),
    Failed(Problem),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Settings(SettingsProblem),
    Reach(Reach),
    /// `_bulk_docs` refused a document: the server's reason.
    Refused(String),
    Store(StoreError),
}

/// What the pages read: the status line and the conflicts list.
#[derive(Clone, Copy)]
pub struct SyncCtx {
    pub status: RwSignal<Status>,
    pub conflicts: RwSignal<Vec<Conflict>>,
}

pub fn sync_ctx() -> SyncCtx {
    expect_context::<SyncCtx>()
}

/// The running sync of this tab: its replica for one server and database.
struct Live {
    target: String,
    replica: Replica,
    cancel: Option<Cancel>,
    /// A local save since the last push.
    changed: bool,
}

thread_local! {
    static LIVE: RefCell<Option<Live>> = const { RefCell::new(None) };
    static WAKE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn with_live<T>(f: impl FnOnce(&mut Live) -> T) -> Option<T> {
    LIVE.with(|l| l.borrow_mut().as_mut().map(f))
}

/// The outbox entries a local save adds once a server is set, also while sync is off or
/// not yet started (before the records are loaded, with settings it cannot use): whatever
/// is saved meanwhile goes out when it runs.
pub fn outbox_for(changes: &Data, before: &Data) -> Vec<(DocId, Option<Time>)> {
    if let Some(entries) = with_live(|l| l.replica.saved(changes, before)) {
        return entries;
    }
    if stored::sync().configured() {
        Replica::new().saved(changes, before)
    } else {
        Vec::new()
    }
}

/// After a local save is stored: its entries wait in the outbox; push soon.
pub fn saved(outbox: &[(DocId, Option<Time>)]) {
    with_live(|l| {
        l.replica.apply(&Step {
            outbox_put: outbox.to_vec(),
            ..Step::default()
        });
        l.changed = true;
        if let Some(c) = l.cancel.take() {
            c.cancel();
        }
    });
}

/// After everything was replaced (a backup restored): all of it goes to the server, and the
/// server's records are read again from the start, so that what the replace removed but
/// other devices hold comes back by the merge rule instead of being lost to them or to us.
pub async fn replaced(data: &Data) {
    let Some(target) = with_live(|l| l.target.clone()) else {
        return;
    };
    let Some(s) = app_data::store() else { return };
    if let Ok(all) = seed(&s, doc::ids_of(data), &target, false).await {
        with_live(|l| l.replica.since = "0".into());
        saved(&all);
    }
}

/// Puts every document of `ids` (all a device holds) in the outbox and starts `target`'s
/// checkpoint from 0.
async fn seed(
    s: &Store,
    ids: Vec<DocId>,
    target: &str,
    first_meeting: bool,
) -> Result<Vec<(DocId, Option<Time>)>, StoreError> {
    let all: Vec<(DocId, Option<Time>)> = ids.into_iter().map(|id| (id, None)).collect();
    let w = SyncWrite {
        outbox_put: &all,
        checkpoint: Some((target, "0")),
        forget_revs: first_meeting,
        ..SyncWrite::default()
    };
    s.write_sync(&w).await?;
    Ok(all)
}

/// Ends a wait early: the settings changed, or the manager asked to retry.
pub fn wake() {
    WAKE.with(|w| w.set(true));
    with_live(|l| {
        if let Some(c) = l.cancel.take() {
            c.cancel();
        }
    });
}

async fn wait(ms: i32) {
    let mut left = ms;
    while left > 0 && !WAKE.with(|w| w.replace(false)) {
        couch::sleep(250).await;
        left -= 250;
    }
}

pub fn provide(app: AppData) {
    let ctx = SyncCtx {
        status: RwSignal::new(Status::Off),
        conflicts: RwSignal::new(Vec::new()),
    };
    provide_context(ctx);
    // Back online: no need to wait out the back-off.
    let _ = window_event_listener(leptos::ev::online, |_| wake());
    spawn_local(run(app, ctx));
}

fn device() -> String {
    stored::device_id(|| browser::new_id().to_string())
}

/// Why a cycle stopped.
enum Stop {
    Offline,
    Problem(Problem),
}

impl From<StoreError> for Stop {
    fn from(e: StoreError) -> Stop {
        Stop::Problem(Problem::Store(e))
    }
}

async fn run(app: AppData, ctx: SyncCtx) {
    let mut backoff = 1_000;
    let mut offline_since = None;
    if let Some(s) = app_data::store() {
        if let Ok(c) = s.conflicts().await {
            ctx.conflicts.set(c);
        }
    }
    loop {
        let settings = stored::sync();
        // Folding into records not yet loaded would overwrite newer stored ones.
        if !settings.on || app.state.get_untracked() != LoadState::Ready {
            LIVE.with(|l| l.borrow_mut().take());
            ctx.status.set(Status::Off);
            wait(1_000).await;
            continue;
        }
        let server = match settings.server() {
            Ok(s) => s,
            Err(p) => {
                ctx.status.set(Status::Failed(Problem::Settings(p)));
                wait(5_000).await;
                continue;
            }
        };
        match cycle(app, ctx, &server).await {
            Ok(()) => {
                backoff = 1_000;
                offline_since = None;
            }
            Err(stop) => {
                ctx.status.set(match stop {
                    Stop::Offline => {
                        Status::Offline(*offline_since.get_or_insert_with(browser::now))
                    }
                    Stop::Problem(p) => Status::Failed(p),
                });
                wait(backoff).await;
                backoff = (backoff * 2).min(60_000);
            }
        }
    }
}

/// Loads the outbox and checkpoint for this server and database; the first time this
/// device meets them, everything it holds goes into the outbox.
async fn start(app: AppData, server: &Server) -> Result<(), Stop> {
    let target = server.target();
    if with_live(|l| l.target == target) == Some(true) {
        return Ok(());
    }
    let s = app_data::store().ok_or(StoreError::Unavailable(String::new()))?;
    let since = match s.checkpoint(&target).await? {
        Some(since) => since,
        None => {
            seed(&s, app.data.with_untracked(doc::ids_of), &target, true).await?;
            "0".to_string()
        }
    };
    let replica = Replica {
        outbox: s.outbox().await?,
        revs: s.revs().await?,
        since,
    };
    LIVE.with(|l| {
        *l.borrow_mut() = Some(Live {
            target,
            replica,
            cancel: None,
            changed: false,
        })
    });
    Ok(())
}

async fn cycle(app: AppData, ctx: SyncCtx, server: &Server) -> Result<(), Stop> {
    start(app, server).await?;
    // The status line (a live region) changes only when something moves, not at every
    // long poll: "syncing" while pages come or changes go, then "synced" with that time.
    let waiting = || with_live(|l| l.replica.outbox.len()).unwrap_or(0);
    let was_synced = matches!(ctx.status.get_untracked(), Status::Synced(_));
    let mut moved = !was_synced;
    if moved {
        ctx.status.set(Status::Working(waiting()));
    }
    loop {
        let since = with_live(|l| l.replica.since.clone()).unwrap_or_default();
        let url = server.changes_url(&doc::since_param(&since), PAGE, None);
        let text = call(server, "GET", &url, None, None).await?;
        let page = doc::changes(&text).ok_or(not_couch(200))?;
        let full = page.rows >= PAGE;
        if page.rows > 0 && !moved {
            moved = true;
            ctx.status.set(Status::Working(waiting()));
        }
        fold(app, ctx, server, page.pulled, Some(page.last_seq)).await?;
        if !full {
            break;
        }
    }
    moved |= push_all(app, ctx, server).await?;
    if moved {
        ctx.status.set(Status::Synced(browser::now()));
    }
    // A save made while pushing goes out before waiting.
    if with_live(|l| std::mem::take(&mut l.changed)) == Some(true) {
        return Ok(());
    }
    let Some(cancel) = Cancel::new() else {
        return Ok(());
    };
    with_live(|l| l.cancel = Some(cancel.clone()));
    let since = with_live(|l| l.replica.since.clone()).unwrap_or_default();
    let url = server.changes_url(&doc::since_param(&since), PAGE, Some(LONG_POLL_MS));
    match call(server, "GET", &url, None, Some(&cancel)).await {
        Ok(text) => {
            if let Some(page) = doc::changes(&text) {
                fold(app, ctx, server, page.pulled, Some(page.last_seq)).await?;
            }
            Ok(())
        }
        // A long poll cut short by a save (or by the time limit) is no failure.
        Err(Stop::Offline) if cancel.is_cancelled() => Ok(()),
        Err(e) => Err(e),
    }
}

/// Sends the outbox; whether anything was sent.
async fn push_all(app: AppData, ctx: SyncCtx, server: &Server) -> Result<bool, Stop> {
    let s = app_data::store().ok_or(StoreError::Unavailable(String::new()))?;
    // Other tabs of this device fill the outbox too.
    let stored_outbox = s.outbox().await?;
    with_live(|l| l.replica.outbox = stored_outbox);
    let device = device();
    // Each round settles or re-reads what it sent; the bound only stops a server that
    // keeps answering "conflict" from holding the loop.
    let rounds = with_live(|l| l.replica.outbox.len()).unwrap_or(0) / PUSH + 10;
    let mut sent_any = false;
    for _ in 0..rounds {
        let next = app
            .data
            .with_untracked(|d| with_live(|l| l.replica.next_push(d, &device, PUSH)));
        let Some((sent, gone)) = next else {
            return Ok(sent_any);
        };
        if !gone.is_empty() {
            let step = Step {
                outbox_remove: gone,
                ..Step::default()
            };
            s.write_sync(&SyncWrite::of(&step, "")).await?;
            with_live(|l| l.replica.apply(&step));
        }
        if sent.is_empty() {
            return Ok(sent_any);
        }
        sent_any = true;
        ctx.status.set(Status::Working(
            with_live(|l| l.replica.outbox.len()).unwrap_or(0),
        ));
        let text = call(
            server,
            "POST",
            &server.bulk_docs_url(),
            Some(&push::body(&sent)),
            None,
        )
        .await?;
        let answers = push::answers(&text).ok_or(not_couch(201))?;
        let pushed = app
            .data
            .with_untracked(|d| with_live(|l| l.replica.pushed(d, &sent, answers)));
        let Some(pushed) = pushed else {
            return Ok(sent_any);
        };
        s.write_sync(&SyncWrite::of(&pushed.step, "")).await?;
        with_live(|l| l.replica.apply(&pushed.step));
        if let Some((error, reason)) = pushed.refused {
            let why = if reason.is_empty() { error } else { reason };
            return Err(Stop::Problem(Problem::Refused(why)));
        }
        if !pushed.conflicted.is_empty() {
            let body = server::keys_body(&pushed.conflicted);
            let text = call(server, "POST", &server.all_docs_url(), Some(&body), None).await?;
            let pulled = doc::all_docs(&text).ok_or(not_couch(200))?;
            fold(app, ctx, server, pulled, None).await?;
        }
    }
    Ok(sent_any)
}

/// Folds documents in and stores the result with sync's state in one transaction.
async fn fold(
    app: AppData,
    ctx: SyncCtx,
    server: &Server,
    pulled: Pulled,
    since: Option<String>,
) -> Result<(), Stop> {
    let device = device();
    let now = browser::now();
    let step = app
        .data
        .with_untracked(|d| with_live(|l| l.replica.fold(d, pulled, since, &device, now)));
    let Some(step) = step else {
        return Ok(());
    };
    let target = server.target();
    app.save_synced(&step.changes, &SyncWrite::of(&step, &target))
        .await?;
    with_live(|l| l.replica.apply(&step));
    if !step.conflicts.is_empty() {
        ctx.conflicts
            .update(|c| c.extend(step.conflicts.iter().cloned()));
    }
    Ok(())
}

/// A 2xx answer whose text is not what CouchDB sends for the request.
fn not_couch(status: u16) -> Stop {
    Stop::Problem(Problem::Reach(Reach::Unexpected(status)))
}

/// One request; its text if the server said yes (2xx).
async fn call(
    server: &Server,
    method: &str,
    url: &str,
    body: Option<&str>,
    cancel: Option<&Cancel>,
) -> Result<String, Stop> {
    let answer = couch::send(
        server,
        Request {
            method,
            url,
            body,
            cancel,
        },
        GIVE_UP_MS,
    )
    .await;
    match answer {
        Ok((status, text)) => match server::reach(status) {
            Reach::Ready => Ok(text),
            other => Err(Stop::Problem(Problem::Reach(other))),
        },
        Err(NetError::Failed | NetError::Aborted) => Err(Stop::Offline),
    }
}

/// `GET` or `PUT /{db}`, given up after 15 s: the manager is waiting for the answer.
async fn db_request(server: &Server, method: &str) -> Result<(u16, String), NetError> {
    let url = server.db_url();
    let r = Request {
        method,
        url: &url,
        body: None,
        cancel: None,
    };
    couch::send(server, r, 15_000).await
}

/// `GET /{db}`, and where the browser got no answer, whether the server is there at all.
pub async fn probe(server: &Server) -> Reach {
    let answer = db_request(server, "GET").await;
    match answer {
        Ok((status, _)) => server::reach(status),
        Err(_) if couch::answers_at_all(&server.url).await => Reach::CorsRefused,
        Err(_) => Reach::Unreachable,
    }
}

/// `PUT /{db}`.
pub async fn create(server: &Server) -> Reach {
    let answer = db_request(server, "PUT").await;
    match answer {
        // 412: it exists already (made meanwhile), which is what was wanted.
        Ok((412, _)) => Reach::Ready,
        Ok((status, _)) => server::reach(status),
        Err(_) => Reach::Unreachable,
    }
}
