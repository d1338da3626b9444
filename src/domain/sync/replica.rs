//! One device's side of sync: its outbox, the server revisions it has seen and its
//! checkpoint, and the steps that change them. Each step returns what must be stored in one
//! transaction with the records (`Step`), and the caller applies it here only once stored,
//! so a closed tab or a failed write never skips or half-applies a batch.

use super::conflict::Conflict;
use super::doc::{self, DocId, Pulled};
use super::fold::{fold, Outbox};
use super::push::{self, Answer, Outgoing};
use crate::domain::data::Data;
use crate::domain::model::Time;
use rustc_hash::{FxHashMap, FxHashSet};

#[derive(Clone, Debug, Default)]
pub struct Replica {
    pub outbox: Outbox,
    /// The server's `_rev` of each document seen; a push without one creates, and a
    /// conflict answer teaches it.
    pub revs: FxHashMap<DocId, String>,
    /// The `last_seq` of the last page stored (JSON text), `"0"` at first.
    pub since: String,
}

/// What to store in one transaction: records, outbox entries, conflicts, the checkpoint.
#[derive(Debug, Default)]
pub struct Step {
    pub changes: Data,
    pub outbox_put: Vec<(DocId, Option<Time>)>,
    pub outbox_remove: Vec<DocId>,
    pub conflicts: Vec<Conflict>,
    pub since: Option<String>,
    pub revs: Vec<(DocId, String)>,
}

/// What a push's answer leaves to do.
#[derive(Debug, Default)]
pub struct Pushed {
    pub step: Step,
    /// Documents the server holds other versions of: read them (`_all_docs`) and fold.
    pub conflicted: Vec<DocId>,
    /// Refusals (`forbidden`, …): the first one's error and reason.
    pub refused: Option<(String, String)>,
}

impl Replica {
    pub fn new() -> Replica {
        Replica {
            since: "0".into(),
            ..Replica::default()
        }
    }

    /// Documents from the server (a `_changes` page, or `_all_docs` after a conflict).
    pub fn fold(
        &self,
        local: &Data,
        mut pulled: Pulled,
        since: Option<String>,
        device: &str,
        now: Time,
    ) -> Step {
        let revs = std::mem::take(&mut pulled.revs);
        Step {
            since,
            revs,
            ..fold(local, &self.outbox, pulled, device, now)
        }
    }

    /// The outbox entries a local save adds. An entry already waiting keeps its base: the
    /// server's version it was first made on.
    pub fn saved(&self, changes: &Data, before: &Data) -> Vec<(DocId, Option<Time>)> {
        let ids: FxHashSet<DocId> = doc::ids_of(changes)
            .into_iter()
            .filter(|id| !self.outbox.contains_key(id))
            .collect();
        let bases = doc::stamps(before, Some(&ids));
        let mut out: Vec<(DocId, Option<Time>)> = ids
            .into_iter()
            .map(|id| (id, bases.get(&id).copied()))
            .collect();
        crate::domain::sort::by_key(&mut out, |(id, _)| *id);
        out
    }

    /// The next documents to send, and the outbox entries with nothing left to send.
    pub fn next_push(
        &self,
        local: &Data,
        device: &str,
        limit: usize,
    ) -> (Vec<Outgoing>, Vec<DocId>) {
        push::docs(local, &self.outbox, &self.revs, device, limit)
    }

    pub fn pushed(&self, local: &Data, sent: &[Outgoing], answers: Vec<Answer>) -> Pushed {
        let mut out = Pushed::default();
        let mut saved = Vec::new();
        for a in answers {
            match a {
                Answer::Saved { id, rev } => {
                    saved.push(id);
                    out.step.revs.push((id, rev));
                }
                Answer::Conflict(id) => out.conflicted.push(id),
                Answer::Refused { error, reason, .. } => {
                    out.refused.get_or_insert((error, reason));
                }
            }
        }
        out.step.outbox_remove = push::settled(local, sent, &saved);
        out
    }

    /// After the step is stored.
    pub fn apply(&mut self, step: &Step) {
        for id in &step.outbox_remove {
            self.outbox.remove(id);
        }
        self.outbox.extend(step.outbox_put.iter().copied());
        self.revs.extend(step.revs.iter().cloned());
        if let Some(s) = &step.since {
            self.since = s.clone();
        }
    }
}
