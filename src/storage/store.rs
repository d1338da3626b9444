//! The record store. Layout (see docs/ARCHITECTURE.md, "Storage layout"):
//! - `records`: one entry per record, key `collection/id`, value its JSON. High-volume
//!   collections may hold `null` here: a deletion not yet folded into their segments.
//! - `segments`: high-volume collections (responses, runs) in JSON arrays of up to
//!   `SEGMENT` records, key `collection/000042`, stored as UTF-8 bytes (a `Uint8Array`:
//!   no conversion to and from the browser's UTF-16 strings; text from before is read too). Loading 100 segments is ~20× faster than
//!   100,000 entries, and a save touches only the records that changed; once a collection
//!   has `SEGMENT` loose entries they are folded into fresh segments in one transaction. A
//!   batch of `SEGMENT` or more is appended as segments of its own; a later segment's copy
//!   of a record wins on load.
//! - `snapshots`: whole backup files taken before a replace, key = RFC 3339 time.
//! - tombstones live in `records` too, key `tombstones/collection/id`: written in the same
//!   transaction as the deletion they record, and no collection is named `tombstones`.
//!
//! Every write is one transaction: it lands whole or not at all.

use super::idb::{committed, read_all, read_all_bytes, request, transaction, StoreError};
use super::outbox::{self, SyncWrite, SYNC};
use crate::domain::model::Id;
use crate::domain::tombstone::Tombstone;
use crate::domain::{merge, Collection, Data, PairVisitor, Record, VisitorMut};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    IdbDatabase, IdbKeyRange, IdbObjectStore, IdbOpenDbRequest, IdbTransaction, IdbTransactionMode,
};

pub const DB_NAME: &str = "serviceflow";
/// 2 added the `sync` store (`outbox.rs`).
const DB_VERSION: u32 = 2;
pub(super) const RECORDS: &str = "records";
const SEGMENTS: &str = "segments";
const SNAPSHOTS: &str = "snapshots";
/// The key prefix of tombstones in `RECORDS`.
pub(super) const TOMBSTONES: &str = "tombstones";
pub const SEGMENT: usize = 1000;
const KEEP_SNAPSHOTS: usize = 3;

pub(super) fn segmented(c: Collection) -> bool {
    matches!(c, Collection::Responses | Collection::Runs)
}

/// What a segmented collection has stored: loose entries (to know when to fold them into
/// segments) and segment entries (the next segment's number).
#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    loose: usize,
    segments: usize,
}

/// A write whose requests are issued; it is stored once `commit` resolves.
pub struct Pending<'a> {
    store: &'a Store,
    tx: IdbTransaction,
    counts: FxHashMap<Collection, Counts>,
}

impl Pending<'_> {
    pub async fn commit(self) -> Result<(), StoreError> {
        committed(&self.tx).await?;
        *self.store.counts.borrow_mut() = self.counts;
        Ok(())
    }
}

pub struct Store {
    pub(super) db: IdbDatabase,
    counts: RefCell<FxHashMap<Collection, Counts>>,
}

pub async fn open() -> Result<Store, StoreError> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| StoreError::Unavailable("indexedDB".into()))?;
    let req: IdbOpenDbRequest = factory
        .open_with_u32(DB_NAME, DB_VERSION)
        .map_err(|e| StoreError::Unavailable(format!("{e:?}")))?;
    let upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new({
        let req = req.clone();
        move |_| {
            let Ok(db) = req.result().map(|r| r.unchecked_into::<IdbDatabase>()) else {
                return;
            };
            let have = db.object_store_names();
            for name in [RECORDS, SEGMENTS, SNAPSHOTS, SYNC] {
                if !have.contains(name) {
                    let _ = db.create_object_store(name);
                }
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let blocked = Closure::<dyn FnMut()>::new(|| {});
    req.set_onblocked(Some(blocked.as_ref().unchecked_ref()));
    let db: IdbDatabase = request(&req).await?.unchecked_into();
    drop((upgrade, blocked));
    // Another tab that upgrades the schema later asks us to let go.
    let on_change = Closure::<dyn FnMut()>::new({
        let db = db.clone();
        move || db.close()
    });
    db.set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    Ok(Store {
        db,
        counts: RefCell::new(FxHashMap::default()),
    })
}

fn key(c: Collection, id: impl std::fmt::Display) -> String {
    format!("{}/{id}", c.name())
}

fn segment_key(c: Collection, n: usize) -> String {
    format!("{}/{n:06}", c.name())
}

pub(super) fn collection_range(c: Collection) -> Result<IdbKeyRange, StoreError> {
    prefix_range(&format!("{}/", c.name()))
}

/// Every key that starts with `prefix`.
pub(super) fn prefix_range(prefix: &str) -> Result<IdbKeyRange, StoreError> {
    IdbKeyRange::bound(
        &JsValue::from_str(prefix),
        &JsValue::from_str(&format!("{prefix}\u{ffff}")),
    )
    .map_err(StoreError::from_js)
}

fn js(err: JsValue) -> StoreError {
    StoreError::from_js(err)
}

/// Writes a whole collection as it should be: segments for high-volume ones, entries
/// otherwise. Returns the number of segments written.
fn put_collection<R: Record>(
    records_os: &IdbObjectStore,
    segments_os: &IdbObjectStore,
    records: &[R],
) -> Result<usize, StoreError> {
    let c = R::COLLECTION;
    let range = collection_range(c)?;
    records_os.delete(&range).map_err(js)?;
    segments_os.delete(&range).map_err(js)?;
    if segmented(c) {
        put_segments(segments_os, records, 0)
    } else {
        for r in records {
            put_record(records_os, r)?;
        }
        Ok(0)
    }
}

/// `records` as segments numbered from `first`; returns how many.
fn put_segments<R: Record>(
    os: &IdbObjectStore,
    records: &[R],
    first: usize,
) -> Result<usize, StoreError> {
    let mut n = 0;
    // One buffer for every segment: grown once, not doubled from empty for each.
    let mut json = Vec::new();
    for chunk in records.chunks(SEGMENT) {
        json.clear();
        serde_json::to_writer(&mut json, chunk).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        os.put_with_key(
            &js_sys::Uint8Array::from(json.as_slice()),
            &JsValue::from_str(&segment_key(R::COLLECTION, first + n)),
        )
        .map_err(js)?;
        n += 1;
    }
    Ok(n)
}

pub(super) fn put_record<R: Record>(os: &IdbObjectStore, r: &R) -> Result<(), StoreError> {
    let json = serde_json::to_string(r).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    os.put_with_key(
        &JsValue::from_str(&json),
        &JsValue::from_str(&key(R::COLLECTION, r.id())),
    )
    .map_err(js)?;
    Ok(())
}

fn put_tombstones(os: &IdbObjectStore, tombstones: &[Tombstone]) -> Result<(), StoreError> {
    for t in tombstones {
        let json = serde_json::to_string(t).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let key = format!("{TOMBSTONES}/{}/{}", t.collection.name(), t.id);
        os.put_with_key(&JsValue::from_str(&json), &JsValue::from_str(&key))
            .map_err(js)?;
    }
    Ok(())
}

/// Plans one collection's part of a write: loose entries; a batch of `SEGMENT` or more
/// (a pulled page, an import) appended as segments of its own; or, once loose entries or
/// superseded copies in segments pile up, the whole collection rewritten as fresh segments.
/// Appending keeps a first sync of 100,000 responses linear: rewriting every segment per
/// page of 1,000 made it quadratic.
struct WritePlan<'a> {
    records_os: &'a IdbObjectStore,
    segments_os: &'a IdbObjectStore,
    counts: FxHashMap<Collection, Counts>,
    error: Option<StoreError>,
}

impl WritePlan<'_> {
    fn segmented<R: Record>(&mut self, changes: &[R], after: &[R]) -> Result<(), StoreError> {
        let c = R::COLLECTION;
        let had = self.counts.get(&c).copied().unwrap_or_default();
        let appended = (had.segments + changes.len().div_ceil(SEGMENT)) * SEGMENT;
        // With loose entries stored, some could be older versions (or deletion marks) of the
        // batch's records and would override it on load: then rewrite instead.
        let now = if changes.len() >= SEGMENT
            && had.loose == 0
            && appended <= 2 * after.len() + 2 * SEGMENT
        {
            let n = put_segments(self.segments_os, changes, had.segments)?;
            Counts {
                loose: had.loose,
                segments: had.segments + n,
            }
        } else if changes.len() >= SEGMENT || had.loose + changes.len() >= SEGMENT {
            let segments = put_collection(self.records_os, self.segments_os, after)?;
            Counts { loose: 0, segments }
        } else {
            for r in changes {
                put_record(self.records_os, r)?;
            }
            Counts {
                loose: had.loose + changes.len(),
                segments: had.segments,
            }
        };
        self.counts.insert(c, now);
        Ok(())
    }
}

impl PairVisitor for WritePlan<'_> {
    fn visit<R: Record>(&mut self, changes: &[R], after: &[R]) {
        if changes.is_empty() || self.error.is_some() {
            return;
        }
        let result = if segmented(R::COLLECTION) {
            self.segmented(changes, after)
        } else {
            changes
                .iter()
                .try_for_each(|r| put_record(self.records_os, r))
        };
        if let Err(e) = result {
            self.error = Some(e);
        }
    }
}

/// Builds `Data` from what is stored: segments in key order, then loose entries on top.
struct Loader {
    segments: FxHashMap<Collection, Vec<Vec<u8>>>,
    loose: FxHashMap<Collection, Vec<(String, String)>>,
    error: Option<StoreError>,
}

impl VisitorMut for Loader {
    fn visit<R: Record>(&mut self, out: &mut Vec<R>) {
        let c = R::COLLECTION;
        // A record can be in several segments (a batch appended with a newer version):
        // the later segment's copy is the one kept.
        let mut by_id: FxHashMap<Id, usize> = FxHashMap::default();
        let mut keep = |out: &mut Vec<R>, r: R| match by_id.get(&r.id()) {
            Some(&i) => out[i] = r,
            None => {
                by_id.insert(r.id(), out.len());
                out.push(r);
            }
        };
        let parse_err = |e: serde_json::Error| StoreError::Corrupt(format!("{}: {e}", c.name()));
        for json in self.segments.remove(&c).unwrap_or_default() {
            // Read as text: the one `from_str` instance per record type, shared with the
            // loose entries (`from_slice` would be a second, 80 KB).
            let read = std::str::from_utf8(&json)
                .map_err(serde::de::Error::custom)
                .and_then(serde_json::from_str::<Vec<R>>);
            match read {
                Ok(chunk) => chunk.into_iter().for_each(|r| keep(out, r)),
                Err(e) => {
                    self.error.get_or_insert(parse_err(e));
                    return;
                }
            }
        }
        let Some(entries) = self.loose.remove(&c) else {
            return;
        };
        let mut deleted = rustc_hash::FxHashSet::default();
        for (id, json) in entries {
            if json == "null" {
                deleted.insert(id);
                continue;
            }
            match serde_json::from_str::<R>(&json) {
                Ok(r) => keep(out, r),
                Err(e) => {
                    self.error.get_or_insert(parse_err(e));
                    return;
                }
            }
        }
        if !deleted.is_empty() {
            out.retain(|r| !deleted.contains(&r.id().to_string()));
        }
    }
}

impl Store {
    /// A read-write transaction over the two record stores (and sync's, `with_sync`).
    fn record_stores(
        &self,
        with_sync: bool,
    ) -> Result<(IdbTransaction, IdbObjectStore, IdbObjectStore), StoreError> {
        let stores: &[&str] = if with_sync {
            &[RECORDS, SEGMENTS, SYNC]
        } else {
            &[RECORDS, SEGMENTS]
        };
        let tx = transaction(&self.db, stores, IdbTransactionMode::Readwrite)?;
        let records_os = tx.object_store(RECORDS).map_err(js)?;
        let segments_os = tx.object_store(SEGMENTS).map_err(js)?;
        Ok((tx, records_os, segments_os))
    }

    pub async fn load(&self) -> Result<Data, StoreError> {
        let mut segments: FxHashMap<Collection, Vec<Vec<u8>>> = FxHashMap::default();
        let mut counts: FxHashMap<Collection, Counts> = FxHashMap::default();
        for (k, v) in read_all_bytes(&self.db, SEGMENTS).await? {
            let Some((c, n)) = k.split_once('/') else {
                continue;
            };
            if let Some(c) = Collection::from_name(c) {
                segments.entry(c).or_default().push(v);
                let next = n.parse::<usize>().map_or(0, |n| n + 1);
                let count = counts.entry(c).or_default();
                count.segments = count.segments.max(next);
            }
        }
        let mut loose: FxHashMap<Collection, Vec<(String, String)>> = FxHashMap::default();
        let mut tombstones = Vec::new();
        for (k, v) in read_all(&self.db, RECORDS).await? {
            let Some((c, id)) = k.split_once('/') else {
                continue;
            };
            if c == TOMBSTONES {
                tombstones.push(
                    serde_json::from_str::<Tombstone>(&v)
                        .map_err(|e| StoreError::Corrupt(format!("{TOMBSTONES}: {e}")))?,
                );
            } else if let Some(c) = Collection::from_name(c) {
                loose.entry(c).or_default().push((id.to_string(), v));
            }
        }
        for (c, v) in loose.iter().filter(|(c, _)| segmented(**c)) {
            counts.entry(*c).or_default().loose = v.len();
        }
        *self.counts.borrow_mut() = counts;
        let mut loader = Loader {
            segments,
            loose,
            error: None,
        };
        let mut data = Data::default();
        data.visit_mut(&mut loader);
        if let Some(e) = loader.error {
            return Err(e);
        }
        // Two tabs may have stored an edit and a later deletion of one record in either
        // order; what is loaded obeys the merge rule whichever came last.
        merge::apply(
            &mut data,
            &Data {
                tombstones,
                ..Data::default()
            },
        );
        Ok(data)
    }

    /// Saves `changes` (records to put) and `deletes`; `after` is all data once applied,
    /// used when a high-volume collection is folded into fresh segments.
    pub async fn write(
        &self,
        changes: &Data,
        deletes: &[(Collection, Id)],
        after: &Data,
    ) -> Result<(), StoreError> {
        self.stage(changes, deletes, after, None)?.commit().await
    }

    /// Issues every request of a write at once, without awaiting: the caller may drop its
    /// borrow of `after` before awaiting `Pending::commit`. `sync`: sync's state that goes
    /// with these records (outbox, checkpoint, conflicts), in the same transaction.
    pub fn stage(
        &self,
        changes: &Data,
        deletes: &[(Collection, Id)],
        after: &Data,
        sync: Option<&SyncWrite>,
    ) -> Result<Pending<'_>, StoreError> {
        let (tx, records_os, segments_os) = self.record_stores(sync.is_some())?;
        let mut plan = WritePlan {
            records_os: &records_os,
            segments_os: &segments_os,
            counts: self.counts.borrow().clone(),
            error: None,
        };
        changes.visit_pair(after, &mut plan);
        let mut counts = plan.counts;
        let planned = match plan.error {
            Some(e) => Err(e),
            None => put_tombstones(&records_os, &changes.tombstones),
        };
        let planned = planned.and_then(|()| {
            deletes.iter().try_for_each(|(c, id)| {
                let k = JsValue::from_str(&key(*c, id));
                if segmented(*c) {
                    counts.entry(*c).or_default().loose += 1;
                    records_os
                        .put_with_key(&JsValue::from_str("null"), &k)
                        .map(|_| ())
                } else {
                    records_os.delete(&k).map(|_| ())
                }
                .map_err(js)
            })
        });
        let planned = planned.and_then(|()| match sync {
            Some(w) => outbox::put(&tx.object_store(SYNC).map_err(js)?, w),
            None => Ok(()),
        });
        if let Err(e) = planned {
            let _ = tx.abort();
            return Err(e);
        }
        Ok(Pending {
            store: self,
            tx,
            counts,
        })
    }

    /// Replaces everything stored by `data`, in one transaction.
    pub async fn replace(&self, data: &Data) -> Result<(), StoreError> {
        let (tx, records_os, segments_os) = self.record_stores(false)?;
        records_os.clear().map_err(js)?;
        segments_os.clear().map_err(js)?;
        struct All<'a> {
            records: &'a IdbObjectStore,
            segments: &'a IdbObjectStore,
            counts: FxHashMap<Collection, Counts>,
            error: Option<StoreError>,
        }
        impl PairVisitor for All<'_> {
            fn visit<R: Record>(&mut self, records: &[R], _: &[R]) {
                if self.error.is_none() {
                    match put_collection(self.records, self.segments, records) {
                        Ok(segments) => {
                            let c = Counts { loose: 0, segments };
                            self.counts.insert(R::COLLECTION, c);
                        }
                        Err(e) => self.error = Some(e),
                    }
                }
            }
        }
        let mut all = All {
            records: &records_os,
            segments: &segments_os,
            counts: FxHashMap::default(),
            error: None,
        };
        data.visit_pair(data, &mut all);
        let written = match all.error.take() {
            Some(e) => Err(e),
            None => put_tombstones(&records_os, &data.tombstones),
        };
        if let Err(e) = written {
            let _ = tx.abort();
            return Err(e);
        }
        committed(&tx).await?;
        *self.counts.borrow_mut() = all.counts;
        Ok(())
    }

    /// Keeps a whole backup file under `at`; only the newest few are kept.
    pub async fn save_snapshot(&self, at: &str, backup_json: &str) -> Result<(), StoreError> {
        let keys = self.snapshot_keys().await?;
        let tx = transaction(&self.db, &[SNAPSHOTS], IdbTransactionMode::Readwrite)?;
        let os = tx.object_store(SNAPSHOTS).map_err(js)?;
        os.put_with_key(&JsValue::from_str(backup_json), &JsValue::from_str(at))
            .map_err(js)?;
        let excess = (keys.len() + 1).saturating_sub(KEEP_SNAPSHOTS);
        for old in keys.iter().take(excess) {
            os.delete(&JsValue::from_str(old)).map_err(js)?;
        }
        committed(&tx).await
    }

    /// Snapshot keys, oldest first.
    pub async fn snapshot_keys(&self) -> Result<Vec<String>, StoreError> {
        let tx = transaction(&self.db, &[SNAPSHOTS], IdbTransactionMode::Readonly)?;
        let os = tx.object_store(SNAPSHOTS).map_err(js)?;
        let keys: js_sys::Array = request(&os.get_all_keys().map_err(js)?)
            .await?
            .unchecked_into();
        Ok(keys.iter().filter_map(|k| k.as_string()).collect())
    }

    pub async fn read_snapshot(&self, at: &str) -> Result<Option<String>, StoreError> {
        let tx = transaction(&self.db, &[SNAPSHOTS], IdbTransactionMode::Readonly)?;
        let os = tx.object_store(SNAPSHOTS).map_err(js)?;
        let v = request(&os.get(&JsValue::from_str(at)).map_err(js)?).await?;
        Ok(v.as_string())
    }
}
