//! The store one collection at a time, for the kiosk page: it reads the few small
//! collections it shows and adds the records a customer makes, without the code that loads,
//! folds or merges everything (which would be most of the manager's download).

use super::idb::{committed, read_range, transaction, StoreError};
use super::outbox::{put_outbox, SYNC};
use super::store::{
    collection_range, prefix_range, put_record, segmented, Store, RECORDS, TOMBSTONES,
};
use crate::domain::model::Id;
use crate::domain::sync::DocId;
use crate::domain::tombstone::Tombstone;
use crate::domain::{Collection, Record};
use std::collections::BTreeMap;
use web_sys::{IdbObjectStore, IdbTransaction, IdbTransactionMode};

/// New records written in one transaction, as loose entries: the manager's next start
/// reads them like any other, and folds them into segments when there are enough.
pub struct Adding {
    tx: IdbTransaction,
    os: IdbObjectStore,
    /// Sync's store when sync is on: each new record also goes into the outbox.
    sync: Option<IdbObjectStore>,
}

impl Adding {
    /// On failure the whole write is abandoned: nothing of it is stored.
    pub fn put<R: Record>(&self, r: &R) -> Result<(), StoreError> {
        put_record(&self.os, r)
            .and_then(|()| match &self.sync {
                Some(os) => put_outbox(os, DocId::record(R::COLLECTION, r.id()), None),
                None => Ok(()),
            })
            .inspect_err(|_| {
                let _ = self.tx.abort();
            })
    }

    pub async fn commit(self) -> Result<(), StoreError> {
        committed(&self.tx).await
    }
}

fn corrupt(c: Collection, e: serde_json::Error) -> StoreError {
    StoreError::Corrupt(format!("{}: {e}", c.name()))
}

impl Store {
    /// The stored records of one collection that is not kept in segments, without those a
    /// stored tombstone hides (the same rule `Store::load` applies).
    pub async fn load_collection<R: Record>(&self) -> Result<Vec<R>, StoreError> {
        let c = R::COLLECTION;
        if segmented(c) {
            return Err(StoreError::Corrupt(format!(
                "{}: kept in segments",
                c.name()
            )));
        }
        let hidden = self.tombstones_of(c).await?;
        let mut out = Vec::new();
        for (_, json) in read_range(&self.db, RECORDS, Some(&collection_range(c)?)).await? {
            let r: R = serde_json::from_str(&json).map_err(|e| corrupt(c, e))?;
            if !hidden.get(&r.id()).is_some_and(|t| t.hides(r.updated_at())) {
                out.push(r);
            }
        }
        Ok(out)
    }

    /// Apart from `load_collection`, so that it is compiled once, not once per record type.
    async fn tombstones_of(&self, c: Collection) -> Result<BTreeMap<Id, Tombstone>, StoreError> {
        let range = prefix_range(&format!("{TOMBSTONES}/{}/", c.name()))?;
        let mut hidden = BTreeMap::new();
        for (_, json) in read_range(&self.db, RECORDS, Some(&range)).await? {
            let t: Tombstone = serde_json::from_str(&json).map_err(|e| corrupt(c, e))?;
            hidden.insert(t.id, t);
        }
        Ok(hidden)
    }

    /// A write of new records; nothing is stored until `Adding::commit` resolves. With
    /// `outbox`, each record also waits in sync's outbox.
    pub fn adding(&self, outbox: bool) -> Result<Adding, StoreError> {
        let stores: &[&str] = if outbox { &[RECORDS, SYNC] } else { &[RECORDS] };
        let tx = transaction(&self.db, stores, IdbTransactionMode::Readwrite)?;
        let os = tx.object_store(RECORDS).map_err(StoreError::from_js)?;
        let sync = match outbox {
            true => Some(tx.object_store(SYNC).map_err(StoreError::from_js)?),
            false => None,
        };
        Ok(Adding { tx, os, sync })
    }
}
