//! The `sync` object store: what sync must remember between visits, written in the same
//! transaction as the records it concerns.
//! - `outbox/<doc id>`: a change not yet pushed, its value the base it was made on (JSON);
//! - `checkpoint`: the server and database, and the `last_seq` of the last page stored;
//! - `revs/<doc id>`: the server's `_rev` of each document last seen (its text), so a push
//!   after a reload names the revision it replaces instead of learning it by a conflict;
//! - `conflicts/<time>/<collection>/<id>`: a version that lost while two devices were apart.

use super::idb::{committed, read_range, request, transaction, StoreError};
use super::store::{prefix_range, Store, RECORDS};
use crate::domain::model::Time;
use crate::domain::sync::{Conflict, DocId, Outbox, Step};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;
use web_sys::{IdbObjectStore, IdbTransactionMode};

pub const SYNC: &str = "sync";
const OUTBOX: &str = "outbox/";
const CONFLICTS: &str = "conflicts/";
const CHECKPOINT: &str = "checkpoint";
const REVS: &str = "revs/";

/// Sync's part of one write.
#[derive(Default)]
pub struct SyncWrite<'a> {
    pub outbox_put: &'a [(DocId, Option<Time>)],
    pub outbox_remove: &'a [DocId],
    pub conflicts: &'a [Conflict],
    pub conflicts_remove: &'a [String],
    /// (server and database, `last_seq`)
    pub checkpoint: Option<(&'a str, &'a str)>,
    pub revs: &'a [(DocId, String)],
    /// Another server or database: the revisions seen on the last one mean nothing there.
    pub forget_revs: bool,
}

impl<'a> SyncWrite<'a> {
    /// What `step` stores; its checkpoint, if it has one, is `target`'s.
    pub fn of(step: &'a Step, target: &'a str) -> SyncWrite<'a> {
        SyncWrite {
            outbox_put: &step.outbox_put,
            outbox_remove: &step.outbox_remove,
            conflicts: &step.conflicts,
            conflicts_remove: &[],
            checkpoint: step.since.as_deref().map(|s| (target, s)),
            revs: &step.revs,
            forget_revs: false,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Checkpoint {
    target: String,
    since: String,
}

fn js(e: JsValue) -> StoreError {
    StoreError::from_js(e)
}

fn json<T: Serialize>(v: &T) -> Result<JsValue, StoreError> {
    serde_json::to_string(v)
        .map(|t| JsValue::from_str(&t))
        .map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn key(k: String) -> JsValue {
    JsValue::from_str(&k)
}

/// An outbox entry's value: the pushed version's stamp, or none for a new record.
#[derive(Serialize, Deserialize)]
#[serde(transparent)]
struct Base(#[serde(with = "crate::domain::rfc3339::option")] Option<Time>);

/// A change waiting to be pushed. Apart from `put`, so that the kiosk's page, which writes
/// nothing else here, does not carry the serialisers of conflicts and checkpoints.
pub(super) fn put_outbox(
    os: &IdbObjectStore,
    id: DocId,
    base: Option<Time>,
) -> Result<(), StoreError> {
    os.put_with_key(&json(&Base(base))?, &key(format!("{OUTBOX}{id}")))
        .map_err(js)?;
    Ok(())
}

fn remove_outbox(os: &IdbObjectStore, ids: &[DocId]) -> Result<(), StoreError> {
    for id in ids {
        os.delete(&key(format!("{OUTBOX}{id}"))).map_err(js)?;
    }
    Ok(())
}

pub(super) fn put(os: &IdbObjectStore, w: &SyncWrite) -> Result<(), StoreError> {
    remove_outbox(os, w.outbox_remove)?;
    for (id, base) in w.outbox_put {
        put_outbox(os, *id, *base)?;
    }
    for c in w.conflicts {
        os.put_with_key(&json(c)?, &key(format!("{CONFLICTS}{}", c.key())))
            .map_err(js)?;
    }
    for k in w.conflicts_remove {
        os.delete(&key(format!("{CONFLICTS}{k}"))).map_err(js)?;
    }
    if w.forget_revs {
        os.delete(&prefix_range(REVS)?.into()).map_err(js)?;
    }
    for (id, rev) in w.revs {
        os.put_with_key(&JsValue::from_str(rev), &key(format!("{REVS}{id}")))
            .map_err(js)?;
    }
    if let Some((target, since)) = w.checkpoint {
        let c = Checkpoint {
            target: target.into(),
            since: since.into(),
        };
        os.put_with_key(&json(&c)?, &key(CHECKPOINT.into()))
            .map_err(js)?;
    }
    Ok(())
}

impl Store {
    pub async fn outbox(&self) -> Result<Outbox, StoreError> {
        let entries = read_range(&self.db, SYNC, Some(&prefix_range(OUTBOX)?)).await?;
        let mut out = Outbox::with_capacity_and_hasher(entries.len(), Default::default());
        for (k, v) in entries {
            let id = DocId::parse(&k[OUTBOX.len()..]);
            let base = serde_json::from_str::<Base>(&v).map(|b| b.0);
            if let (Some(id), Ok(base)) = (id, base) {
                out.insert(id, base);
            }
        }
        Ok(out)
    }

    /// Up to `limit` outbox entries that are loose records, with their stored text: what
    /// the kiosk's page, which loads no collection whole, can send.
    pub async fn outbox_records(&self, limit: usize) -> Result<Vec<(DocId, String)>, StoreError> {
        let ids: Vec<DocId> = self
            .outbox()
            .await?
            .into_keys()
            .filter(|id| !id.tombstone)
            .take(limit)
            .collect();
        let tx = transaction(&self.db, &[RECORDS], IdbTransactionMode::Readonly)?;
        let os = tx.object_store(RECORDS).map_err(js)?;
        let requests = ids
            .iter()
            .map(|id| os.get(&JsValue::from_str(&id.to_string())).map_err(js))
            .collect::<Result<Vec<_>, _>>()?;
        let mut out = Vec::new();
        for (id, req) in ids.into_iter().zip(requests) {
            if let Some(text) = request(&req).await?.as_string() {
                out.push((id, text));
            }
        }
        Ok(out)
    }

    /// The `last_seq` stored for `target`; another server or database starts from the start.
    pub async fn checkpoint(&self, target: &str) -> Result<Option<String>, StoreError> {
        let range = prefix_range(CHECKPOINT)?;
        let entries = read_range(&self.db, SYNC, Some(&range)).await?;
        Ok(entries
            .into_iter()
            .filter_map(|(_, v)| serde_json::from_str::<Checkpoint>(&v).ok())
            .find(|c| c.target == target)
            .map(|c| c.since))
    }

    /// The server revisions last seen, by document.
    pub async fn revs(&self) -> Result<FxHashMap<DocId, String>, StoreError> {
        let entries = read_range(&self.db, SYNC, Some(&prefix_range(REVS)?)).await?;
        Ok(entries
            .into_iter()
            .filter_map(|(k, rev)| Some((DocId::parse(&k[REVS.len()..])?, rev)))
            .collect())
    }

    /// The conflicts kept, oldest first.
    pub async fn conflicts(&self) -> Result<Vec<Conflict>, StoreError> {
        let entries = read_range(&self.db, SYNC, Some(&prefix_range(CONFLICTS)?)).await?;
        Ok(entries
            .into_iter()
            .filter_map(|(_, v)| serde_json::from_str(&v).ok())
            .collect())
    }

    /// A write of sync's state alone (a push's answer, a conflict dismissed).
    pub async fn write_sync(&self, w: &SyncWrite<'_>) -> Result<(), StoreError> {
        self.sync_write(|os| put(os, w)).await
    }

    /// Outbox entries settled by a push (the kiosk's page).
    pub async fn remove_from_outbox(&self, ids: &[DocId]) -> Result<(), StoreError> {
        self.sync_write(|os| remove_outbox(os, ids)).await
    }

    async fn sync_write(
        &self,
        f: impl FnOnce(&IdbObjectStore) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let tx = transaction(&self.db, &[SYNC], IdbTransactionMode::Readwrite)?;
        let os = tx.object_store(SYNC).map_err(js)?;
        if let Err(e) = f(&os) {
            let _ = tx.abort();
            return Err(e);
        }
        committed(&tx).await
    }
}
