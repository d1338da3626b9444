//! Two devices changed one record while apart: the merge rule keeps one version and this
//! keeps the other, so the manager can see both and bring the loser back. Nothing is
//! dropped silently.

use crate::domain::data::{Collection, Data, Record, VisitorMut};
use crate::domain::edit::edited_at;
use crate::domain::model::{Id, Time};
use crate::domain::tombstone::Tombstone;
use serde::{Deserialize, Serialize};

/// One version: which device wrote it, when it was last changed, and the record's JSON
/// text, or none for a deletion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Side {
    pub device: String,
    #[serde(with = "crate::domain::rfc3339")]
    pub changed_at: Time,
    pub record: Option<String>,
}

impl Side {
    pub fn of<R: Record>(r: &R, device: &str) -> Side {
        Side {
            device: device.to_string(),
            changed_at: r.updated_at(),
            record: serde_json::to_string(r).ok(),
        }
    }

    pub fn deleted(t: &Tombstone) -> Side {
        Side {
            device: t.device_id.clone(),
            changed_at: t.deleted_at,
            record: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub collection: Collection,
    pub id: Id,
    #[serde(with = "crate::domain::rfc3339")]
    pub detected_at: Time,
    pub kept: Side,
    pub lost: Side,
}

/// A field whose value differs between the two versions, as JSON text (a string without
/// its quotes); `None` where that side has no such field or was a deletion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub field: String,
    pub kept: Option<String>,
    pub lost: Option<String>,
}

/// What bringing the losing version back saves.
#[derive(Debug, PartialEq)]
pub enum Restore {
    /// The lost version, stamped as an edit made now (so it wins everywhere).
    Save(Box<Data>),
    /// The lost side was a deletion: delete the record again.
    Delete(Collection, Id),
    /// The lost text is no record of its collection (a newer app's field, damage).
    Unreadable,
}

impl Conflict {
    pub fn new(collection: Collection, id: Id, at: Time, kept: Side, lost: Side) -> Conflict {
        Conflict {
            collection,
            id,
            detected_at: at,
            kept,
            lost,
        }
    }

    /// The storage key: one entry per conflict, in the order they were found.
    pub fn key(&self) -> String {
        format!(
            "{}/{}/{}",
            self.detected_at
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            self.collection.name(),
            self.id
        )
    }

    pub fn differences(&self) -> Vec<Difference> {
        let fields = |s: &Side| -> Vec<(String, String)> {
            let value = s
                .record
                .as_deref()
                .and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok());
            match value {
                Some(serde_json::Value::Object(m)) => m
                    .into_iter()
                    .map(|(k, v)| {
                        let text = match v {
                            serde_json::Value::String(s) => s,
                            other => other.to_string(),
                        };
                        (k, text)
                    })
                    .collect(),
                _ => Vec::new(),
            }
        };
        let kept = fields(&self.kept);
        let lost = fields(&self.lost);
        let find = |list: &[(String, String)], k: &str| {
            list.iter().find(|(f, _)| f == k).map(|(_, v)| v.clone())
        };
        let mut seen = rustc_hash::FxHashSet::default();
        kept.iter()
            .chain(&lost)
            .map(|(k, _)| k)
            .filter(|k| seen.insert(k.as_str()) && k.as_str() != "updated_at")
            .filter_map(|k| {
                let (a, b) = (find(&kept, k), find(&lost, k));
                (a != b).then(|| Difference {
                    field: k.clone(),
                    kept: a,
                    lost: b,
                })
            })
            .collect()
    }

    /// The save that brings the lost version back, as an edit made at `now` that follows
    /// the kept one.
    pub fn restore(&self, now: Time) -> Restore {
        let at = edited_at(self.kept.changed_at, now);
        let Some(text) = &self.lost.record else {
            return Restore::Delete(self.collection, self.id);
        };
        let mut put = Put {
            collection: self.collection,
            text,
            at,
            ok: false,
        };
        let mut data = Data::default();
        data.visit_mut(&mut put);
        if put.ok {
            Restore::Save(Box::new(data))
        } else {
            Restore::Unreadable
        }
    }
}

struct Put<'a> {
    collection: Collection,
    text: &'a str,
    at: Time,
    ok: bool,
}

impl VisitorMut for Put<'_> {
    fn visit<R: Record>(&mut self, out: &mut Vec<R>) {
        if R::COLLECTION != self.collection {
            return;
        }
        if let Ok(mut r) = serde_json::from_str::<R>(self.text) {
            r.set_updated_at(self.at);
            out.push(r);
            self.ok = true;
        }
    }
}
