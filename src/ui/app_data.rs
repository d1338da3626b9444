//! The app's copy of the records, kept equal to what IndexedDB holds: a change is applied
//! in memory, written in one transaction, and if the write fails the copy is reloaded from
//! storage and the failure is shown. Other tabs hear of every saved change. Every deletion
//! is saved with its tombstone, so no merge or other tab brings the record back.

use super::tabs;
use crate::domain::kpi::Facts;
use crate::domain::model::{Id, Workspace};
use crate::domain::{merge, tombstone, Collection, Data};
use crate::storage::{self, settings, Store, StoreError, SyncWrite};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    static STORE: RefCell<Option<Rc<Store>>> = const { RefCell::new(None) };
}

pub fn store() -> Option<Rc<Store>> {
    STORE.with(|s| s.borrow().clone())
}

#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    Loading,
    Ready,
    Failed(StoreError),
}

impl LoadState {
    /// For the page's `data-state`, so end-to-end tests can wait until the records are in.
    pub fn code(&self) -> &'static str {
        match self {
            LoadState::Loading => "loading",
            LoadState::Ready => "ready",
            LoadState::Failed(_) => "failed",
        }
    }
}

#[derive(Clone, Copy)]
pub struct AppData {
    pub data: RwSignal<Data>,
    pub state: RwSignal<LoadState>,
    /// The last failed save, shown until dismissed.
    pub save_error: RwSignal<Option<StoreError>>,
    /// The records pre-grouped for the KPIs, rebuilt (when read) only as the records change.
    pub facts: Memo<Facts>,
}

impl AppData {
    pub fn new() -> AppData {
        let data = RwSignal::new(Data::default());
        let app = AppData {
            data,
            facts: Memo::new(move |_| data.with(Facts::new)),
            state: RwSignal::new(LoadState::Loading),
            save_error: RwSignal::new(None),
        };
        spawn_local(async move {
            match storage::open().await {
                Ok(s) => {
                    let s = Rc::new(s);
                    STORE.with(|slot| *slot.borrow_mut() = Some(s.clone()));
                    app.reload().await;
                    tabs::listen(app);
                    // Ask once per start; browsers grant it silently or remember the answer.
                    super::browser::request_persistence().await;
                }
                Err(e) => app.state.set(LoadState::Failed(e)),
            }
        });
        app
    }

    /// Re-reads everything from storage: at start-up, after a failed save, after another tab's import.
    pub async fn reload(self) {
        let Some(s) = store() else { return };
        match s.load().await {
            Ok(d) => {
                self.data.set(d);
                self.state.set(LoadState::Ready);
            }
            Err(e) => self.state.set(LoadState::Failed(e)),
        }
    }

    /// Saves the workspace (the business's settings) as `change` leaves it.
    pub async fn save_workspace(
        self,
        change: impl FnOnce(&mut Workspace),
    ) -> Result<(), StoreError> {
        let w = self
            .data
            .with_untracked(|d| Workspace::edited(d.workspace(), super::browser::now(), change));
        let changes = Data {
            workspace: vec![w],
            ..Data::default()
        };
        self.save(changes, Vec::new()).await
    }

    /// Saves records (new or changed), tombstones `changes` carries (a merge's) and
    /// deletions, each given a tombstone unless `changes` carries one. Resolves once
    /// stored; on failure the error is shown, the in-memory copy is reloaded from storage,
    /// and `Err` returned.
    pub async fn save(
        self,
        mut changes: Data,
        deletes: Vec<(Collection, Id)>,
    ) -> Result<(), StoreError> {
        let device = settings::device_id(|| super::browser::new_id().to_string());
        self.data.with_untracked(|d| {
            tombstone::stamp(&mut changes, &deletes, d, super::browser::now(), &device)
        });
        let outbox = self
            .data
            .with_untracked(|d| super::sync::outbox_for(&changes, d));
        let write = SyncWrite {
            outbox_put: &outbox,
            ..SyncWrite::default()
        };
        let with_sync = (!outbox.is_empty()).then_some(&write);
        self.write(&changes, deletes, with_sync).await?;
        super::sync::saved(&outbox);
        Ok(())
    }

    /// Stores what sync pulled (`changes`, already the merge's winners) with sync's state
    /// for it, in one transaction.
    pub async fn save_synced(self, changes: &Data, sync: &SyncWrite<'_>) -> Result<(), StoreError> {
        self.write(changes, Vec::new(), Some(sync)).await
    }

    /// Applies `changes` in memory, writes them in one transaction, announces them; on
    /// failure shows the error and re-reads storage.
    async fn write(
        self,
        changes: &Data,
        deletes: Vec<(Collection, Id)>,
        sync: Option<&SyncWrite<'_>>,
    ) -> Result<(), StoreError> {
        let Some(s) = store() else {
            let e = StoreError::Unavailable(String::new());
            self.save_error.set(Some(e.clone()));
            return Err(e);
        };
        let mut gone = Vec::new();
        self.data
            .update_untracked(|d| gone = merge::apply(d, changes));
        // A record this tab does not hold may still be stored (another tab's): delete it too.
        for k in deletes {
            if !gone.contains(&k) {
                gone.push(k);
            }
        }
        let staged = {
            let after = self.data.read_untracked();
            s.stage(changes, &gone, &after, sync)
        };
        let written = match staged {
            Ok(pending) => pending.commit().await,
            Err(e) => Err(e),
        };
        match written {
            Ok(()) => {
                // A pulled page may change nothing (the echo of this device's own push).
                if !changes.is_empty() {
                    self.data.notify();
                    tabs::announce(changes);
                }
                Ok(())
            }
            Err(e) => {
                self.save_error.set(Some(e.clone()));
                self.reload().await;
                Err(e)
            }
        }
    }

    /// Saves without waiting, for edits whose only follow-up is the banner a failure shows.
    pub fn save_later(self, changes: Data) {
        spawn_local(async move {
            let _ = self.save(changes, Vec::new()).await;
        });
    }

    /// Replaces everything (after the caller took a snapshot).
    pub async fn replace(self, data: Data) -> Result<(), StoreError> {
        let Some(s) = store() else {
            return Err(StoreError::Unavailable(String::new()));
        };
        match s.replace(&data).await {
            Ok(()) => {
                super::sync::replaced(&data).await;
                self.data.set(data);
                tabs::announce_reload();
                Ok(())
            }
            Err(e) => {
                self.save_error.set(Some(e.clone()));
                self.reload().await;
                Err(e)
            }
        }
    }
}

pub fn app_data() -> AppData {
    expect_context::<AppData>()
}
