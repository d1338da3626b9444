//! The document format: one CouchDB document per record and one per tombstone.
//!
//! ```json
//! {"_id": "staff/<uuid>", "_rev": "2-…", "collection": "staff",
//!  "updated_at": "2026-12-03T10:00:00Z", "device": "<device id>", "record": {…}}
//! {"_id": "tombstones/staff/<uuid>", "_rev": "1-…", "collection": "staff",
//!  "updated_at": "<deleted_at>", "device": "<device id>", "tombstone": {…}}
//! ```
//! The record is nested as stored (its JSON text put in as it is), so a document is read
//! with the record type's one `Deserialize` and the CouchDB fields never meet its own.
//! `device` is the device that wrote the document.

use crate::domain::data::{Collection, Data, Record, VisitorMut};
use crate::domain::model::{Id, Time};
use crate::domain::rfc3339;
use crate::domain::tombstone::Tombstone;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::fmt;

const TOMBSTONES: &str = "tombstones";

/// A document's `_id`: which record, or which record's tombstone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocId {
    pub collection: Collection,
    pub id: Id,
    pub tombstone: bool,
}

impl DocId {
    pub fn record(collection: Collection, id: Id) -> DocId {
        DocId {
            collection,
            id,
            tombstone: false,
        }
    }

    pub fn of_tombstone(t: &Tombstone) -> DocId {
        DocId {
            collection: t.collection,
            id: t.id,
            tombstone: true,
        }
    }

    pub fn parse(text: &str) -> Option<DocId> {
        let (tombstone, rest) = match text.strip_prefix("tombstones/") {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (c, id) = rest.split_once('/')?;
        Some(DocId {
            collection: Collection::from_name(c)?,
            id: id.parse().ok()?,
            tombstone,
        })
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.tombstone {
            write!(f, "{TOMBSTONES}/")?;
        }
        write!(f, "{}/{}", self.collection.name(), self.id)
    }
}

/// Every document id `changes` writes: what a save puts in the outbox.
pub fn ids_of(changes: &Data) -> Vec<DocId> {
    struct Ids(Vec<DocId>);
    impl crate::domain::Visitor for Ids {
        fn visit<R: Record>(&mut self, records: &[R]) {
            self.0
                .extend(records.iter().map(|r| DocId::record(R::COLLECTION, r.id())));
        }
    }
    let mut ids = Ids(changes.tombstones.iter().map(DocId::of_tombstone).collect());
    changes.visit(&mut ids);
    ids.0
}

/// Each document's version stamp (a record's `updated_at`, a tombstone's `deleted_at`),
/// of every document or of those in `only`.
pub fn stamps(data: &Data, only: Option<&FxHashSet<DocId>>) -> FxHashMap<DocId, Time> {
    struct V<'a>(FxHashMap<DocId, Time>, Option<&'a FxHashSet<DocId>>);
    impl V<'_> {
        fn add(&mut self, id: DocId, at: Time) {
            if self.1.is_none_or(|only| only.contains(&id)) {
                self.0.insert(id, at);
            }
        }
    }
    impl crate::domain::Visitor for V<'_> {
        fn visit<R: Record>(&mut self, records: &[R]) {
            if self
                .1
                .is_some_and(|only| !only.iter().any(|id| id.collection == R::COLLECTION))
            {
                return;
            }
            for r in records {
                self.add(DocId::record(R::COLLECTION, r.id()), r.updated_at());
            }
        }
    }
    let mut v = V(FxHashMap::default(), only);
    for t in &data.tombstones {
        v.add(DocId::of_tombstone(t), t.deleted_at);
    }
    data.visit(&mut v);
    v.0
}

fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// A document's text around the record's (or tombstone's) own JSON text `body`.
pub fn text(id: DocId, rev: Option<&str>, updated_at: Time, device: &str, body: &str) -> String {
    let rev = rev
        .map(|r| format!(r#""_rev":{},"#, quoted(r)))
        .unwrap_or_default();
    let field = if id.tombstone { "tombstone" } else { "record" };
    format!(
        r#"{{"_id":{},{rev}"collection":"{}","updated_at":{},"device":{},"{field}":{body}}}"#,
        quoted(&id.to_string()),
        id.collection.name(),
        quoted(&rfc3339::format(&updated_at)),
        quoted(device),
    )
}

#[derive(Deserialize)]
struct Wire<'a> {
    #[serde(rename = "_id")]
    id: String,
    #[serde(rename = "_rev")]
    rev: Option<String>,
    #[serde(rename = "_deleted", default)]
    deleted: bool,
    #[serde(default)]
    device: String,
    #[serde(borrow)]
    record: Option<&'a RawValue>,
    tombstone: Option<Tombstone>,
}

/// Documents read from the server: their records and tombstones as one `Data`, each one's
/// `_rev` and writing device, and how many could not be read (not ours, or damaged).
#[derive(Debug, Default)]
pub struct Pulled {
    pub data: Data,
    pub revs: Vec<(DocId, String)>,
    pub devices: FxHashMap<DocId, String>,
    pub unreadable: usize,
}

impl Pulled {
    /// Reads each document; one that does not match its `_id` is counted, not used.
    pub fn read(docs: &[&RawValue]) -> Pulled {
        let mut out = Pulled::default();
        let mut records: FxHashMap<Collection, Vec<(Id, &str)>> = FxHashMap::default();
        for raw in docs {
            let Ok(w) = serde_json::from_str::<Wire>(raw.get()) else {
                out.unreadable += 1;
                continue;
            };
            // Design documents and the like are not ours; a deleted one has no body.
            if w.id.starts_with('_') || w.deleted {
                continue;
            }
            let Some(id) = DocId::parse(&w.id) else {
                out.unreadable += 1;
                continue;
            };
            match (id.tombstone, w.record, w.tombstone) {
                (false, Some(body), None) => records
                    .entry(id.collection)
                    .or_default()
                    .push((id.id, body.get())),
                (true, None, Some(t)) if DocId::of_tombstone(&t) == id => {
                    out.data.tombstones.push(t)
                }
                _ => {
                    out.unreadable += 1;
                    continue;
                }
            }
            if let Some(rev) = w.rev {
                out.revs.push((id, rev));
            }
            out.devices.insert(id, w.device);
        }
        let mut fill = Fill {
            records,
            unreadable: 0,
        };
        out.data.visit_mut(&mut fill);
        out.unreadable += fill.unreadable;
        out
    }
}

struct Fill<'a> {
    records: FxHashMap<Collection, Vec<(Id, &'a str)>>,
    unreadable: usize,
}

impl VisitorMut for Fill<'_> {
    fn visit<R: Record>(&mut self, out: &mut Vec<R>) {
        for (id, json) in self.records.remove(&R::COLLECTION).unwrap_or_default() {
            match serde_json::from_str::<R>(json) {
                Ok(r) if r.id() == id => out.push(r),
                _ => self.unreadable += 1,
            }
        }
    }
}

/// One page of `_changes` (`include_docs=true`).
#[derive(Debug, Default)]
pub struct ChangesPage {
    pub pulled: Pulled,
    /// The rows on the page, documents or not: a full page means more may follow.
    pub rows: usize,
    /// `last_seq` as JSON text, stored as the checkpoint once the page is saved.
    pub last_seq: String,
}

#[derive(Deserialize)]
struct Changes<'a> {
    #[serde(borrow)]
    results: Vec<Row<'a>>,
    #[serde(borrow)]
    last_seq: &'a RawValue,
}

#[derive(Deserialize)]
struct Row<'a> {
    #[serde(borrow)]
    doc: Option<&'a RawValue>,
}

/// Reads a `_changes` answer; `None` if it is not one.
pub fn changes(text: &str) -> Option<ChangesPage> {
    let c: Changes = serde_json::from_str(text).ok()?;
    let docs: Vec<&RawValue> = c.results.iter().filter_map(|r| r.doc).collect();
    Some(ChangesPage {
        pulled: Pulled::read(&docs),
        rows: c.results.len(),
        last_seq: c.last_seq.get().to_string(),
    })
}

#[derive(Deserialize)]
struct AllDocs<'a> {
    #[serde(borrow)]
    rows: Vec<Row<'a>>,
}

/// Reads an `_all_docs?include_docs=true` answer for some keys: missing and deleted
/// documents have no `doc` and are left out.
pub fn all_docs(text: &str) -> Option<Pulled> {
    let a: AllDocs = serde_json::from_str(text).ok()?;
    let docs: Vec<&RawValue> = a.rows.iter().filter_map(|r| r.doc).collect();
    Some(Pulled::read(&docs))
}

/// The `since` parameter for a stored `last_seq`: CouchDB 3's are strings, older servers'
/// (and PouchDB's) numbers.
pub fn since_param(last_seq: &str) -> String {
    serde_json::from_str::<String>(last_seq).unwrap_or_else(|_| last_seq.to_string())
}
