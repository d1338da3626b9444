//! What goes to `_bulk_docs`, and what its answer settles. The outbox names what to send;
//! the document sent is always the device's current version, so a record changed three
//! times offline goes out once.

use super::doc::{self, DocId};
use super::fold::Outbox;
use crate::domain::data::{Data, Record, Visitor};
use crate::domain::model::Time;
use rustc_hash::FxHashMap;
use serde::Deserialize;

/// One document on its way, with the version stamp it carries.
#[derive(Clone, Debug, PartialEq)]
pub struct Outgoing {
    pub id: DocId,
    pub stamp: Time,
    pub json: String,
}

/// Up to `limit` documents for the outbox's entries, and the entries with nothing left to
/// send (a record since deleted here: its tombstone goes instead).
pub fn docs(
    local: &Data,
    outbox: &Outbox,
    revs: &FxHashMap<DocId, String>,
    device: &str,
    limit: usize,
) -> (Vec<Outgoing>, Vec<DocId>) {
    struct V<'a> {
        outbox: &'a Outbox,
        revs: &'a FxHashMap<DocId, String>,
        device: &'a str,
        limit: usize,
        out: Vec<Outgoing>,
        found: Vec<DocId>,
    }
    impl V<'_> {
        fn add(&mut self, id: DocId, stamp: Time, body: Result<String, serde_json::Error>) {
            if !self.outbox.contains_key(&id) {
                return;
            }
            self.found.push(id);
            if self.out.len() < self.limit {
                if let Ok(body) = body {
                    let rev = self.revs.get(&id).map(String::as_str);
                    let json = doc::text(id, rev, stamp, self.device, &body);
                    self.out.push(Outgoing { id, stamp, json });
                }
            }
        }
    }
    impl Visitor for V<'_> {
        fn visit<R: Record>(&mut self, records: &[R]) {
            for r in records {
                let id = DocId::record(R::COLLECTION, r.id());
                if self.outbox.contains_key(&id) {
                    self.add(id, r.updated_at(), serde_json::to_string(r));
                }
            }
        }
    }
    let mut v = V {
        outbox,
        revs,
        device,
        limit,
        out: Vec::new(),
        found: Vec::new(),
    };
    for t in &local.tombstones {
        v.add(
            DocId::of_tombstone(t),
            t.deleted_at,
            serde_json::to_string(t),
        );
    }
    local.visit(&mut v);
    let found: rustc_hash::FxHashSet<DocId> = v.found.into_iter().collect();
    let gone = outbox
        .keys()
        .filter(|id| !found.contains(id))
        .copied()
        .collect();
    (v.out, gone)
}

pub fn body(docs: &[Outgoing]) -> String {
    let list: Vec<&str> = docs.iter().map(|d| d.json.as_str()).collect();
    format!(r#"{{"docs":[{}]}}"#, list.join(","))
}

/// One document's answer from `_bulk_docs`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Saved {
        id: DocId,
        rev: String,
    },
    /// The server holds a version this one was not based on: read it, fold, retry.
    Conflict(DocId),
    /// `forbidden`, `unauthorized` or another refusal, with the server's reason.
    Refused {
        id: DocId,
        error: String,
        reason: String,
    },
}

#[derive(Deserialize)]
struct Wire {
    id: String,
    rev: Option<String>,
    error: Option<String>,
    #[serde(default)]
    reason: String,
}

/// Reads a `_bulk_docs` answer; `None` if it is not one.
pub fn answers(text: &str) -> Option<Vec<Answer>> {
    let rows: Vec<Wire> = serde_json::from_str(text).ok()?;
    Some(
        rows.into_iter()
            .filter_map(|w| {
                let id = DocId::parse(&w.id)?;
                Some(match (w.error, w.rev) {
                    (Some(e), _) if e == "conflict" => Answer::Conflict(id),
                    (Some(error), _) => Answer::Refused {
                        id,
                        error,
                        reason: w.reason,
                    },
                    (None, Some(rev)) => Answer::Saved { id, rev },
                    (None, None) => Answer::Refused {
                        id,
                        error: String::new(),
                        reason: w.reason,
                    },
                })
            })
            .collect(),
    )
}

/// The outbox entries a saved push settles: those whose version on the device is still
/// the one sent (one changed meanwhile stays, to go out next time).
pub fn settled(local: &Data, sent: &[Outgoing], saved: &[DocId]) -> Vec<DocId> {
    let saved: rustc_hash::FxHashSet<DocId> = saved.iter().copied().collect();
    let current = doc::stamps(local, Some(&saved));
    sent.iter()
        .filter(|d| saved.contains(&d.id) && current.get(&d.id) == Some(&d.stamp))
        .map(|d| d.id)
        .collect()
}
