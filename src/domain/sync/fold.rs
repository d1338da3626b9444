//! Folding documents from the server into the device's records: the merge rule decides
//! (newer `updated_at` wins, a later deletion removes), what the device holds that beats the
//! server's copy goes back into the outbox, and where both sides changed one record since
//! they last met, the losing version is kept as a `Conflict`.

use super::conflict::{Conflict, Side};
use super::doc::{DocId, Pulled};
use super::replica::Step;
use crate::domain::data::{Collection, Data, PairVisitor, Record};
use crate::domain::merge;
use crate::domain::model::{Id, Time};
use crate::domain::tombstone::Tombstone;
use rustc_hash::FxHashMap;

/// What this device changed and has not pushed yet, each with its base: the `updated_at`
/// of the version the change was made on (none for a new record). A server version other
/// than the base is a change made elsewhere meanwhile.
pub type Outbox = FxHashMap<DocId, Option<Time>>;

/// What to store for `pulled`: the server's versions that win, with their tombstones
/// (`changes`); the versions this device holds that beat the server's, to push (again),
/// each with its new base, the server's version just seen (`outbox_put`); the outbox
/// entries whose change lost, with nothing left to push (`outbox_remove`); the conflicts.
/// `device`: this device, whose own documents coming back are never taken for someone
/// else's change.
pub fn fold(local: &Data, outbox: &Outbox, pulled: Pulled, device: &str, now: Time) -> Step {
    let pulled = &pulled;
    let incoming = &pulled.data;
    let changes = merge::merge(local, incoming);
    let stamps = super::doc::stamps(incoming, None);
    let mut push: Vec<(DocId, Option<Time>)> =
        super::doc::ids_of(&merge::newer_here(local, incoming))
            .into_iter()
            .filter(|id| !id.tombstone)
            .map(|id| (id, stamps.get(&id).copied()))
            .collect();
    let ours: FxHashMap<(Collection, Id), &Tombstone> =
        local.tombstones.iter().map(|t| (t.key(), t)).collect();
    push.extend(
        incoming
            .tombstones
            .iter()
            .filter(|t| ours.get(&t.key()).is_some_and(|o| o.is_later_than(t)))
            .map(|t| (DocId::of_tombstone(t), Some(t.deleted_at))),
    );
    let settled = super::doc::ids_of(&changes)
        .into_iter()
        .filter(|id| outbox.contains_key(id))
        .collect();
    let theirs: FxHashMap<(Collection, Id), &Tombstone> =
        incoming.tombstones.iter().map(|t| (t.key(), t)).collect();
    let mut find = Find {
        outbox,
        pulled,
        ours,
        theirs,
        device,
        now,
        conflicts: Vec::new(),
    };
    local.visit_pair(incoming, &mut find);
    Step {
        changes,
        outbox_put: push,
        outbox_remove: settled,
        conflicts: find.conflicts,
        since: None,
        revs: Vec::new(),
    }
}

/// Conflicts: a record changed here and elsewhere; a record changed here and deleted
/// elsewhere; a record deleted here and changed elsewhere after that.
struct Find<'a> {
    outbox: &'a Outbox,
    pulled: &'a Pulled,
    ours: FxHashMap<(Collection, Id), &'a Tombstone>,
    theirs: FxHashMap<(Collection, Id), &'a Tombstone>,
    device: &'a str,
    now: Time,
    conflicts: Vec<Conflict>,
}

impl Find<'_> {
    /// The device that wrote an incoming document, unless it is this one.
    fn elsewhere(&self, id: DocId) -> Option<&str> {
        self.pulled
            .devices
            .get(&id)
            .map(String::as_str)
            .filter(|d| *d != self.device)
    }

    fn record_against_record<R: Record>(&mut self, l: &R, r: &R, base: Option<Time>) {
        let id = DocId::record(R::COLLECTION, l.id());
        let Some(from) = self.elsewhere(id) else {
            return;
        };
        if r == l || base == Some(r.updated_at()) {
            return;
        }
        let (theirs, mine) = (Side::of(r, from), Side::of(l, self.device));
        let (kept, lost) = if std::ptr::eq(merge::newer(l, r), l) {
            (mine, theirs)
        } else {
            (theirs, mine)
        };
        self.conflicts
            .push(Conflict::new(R::COLLECTION, l.id(), self.now, kept, lost));
    }
}

impl PairVisitor for Find<'_> {
    fn visit<R: Record>(&mut self, local: &[R], incoming: &[R]) {
        let c = R::COLLECTION;
        let by_id: FxHashMap<Id, &R> = incoming.iter().map(|r| (r.id(), r)).collect();
        for l in local {
            let Some(&base) = self.outbox.get(&DocId::record(c, l.id())) else {
                continue;
            };
            if let Some(r) = by_id.get(&l.id()) {
                self.record_against_record(l, *r, base);
            }
            if let Some(t) = self.theirs.get(&(c, l.id())).copied() {
                let new_to_us = self
                    .ours
                    .get(&(c, l.id()))
                    .is_none_or(|o| t.is_later_than(o));
                let from_elsewhere = self.elsewhere(DocId::of_tombstone(t)).is_some();
                if new_to_us && from_elsewhere && t.hides(l.updated_at()) {
                    let lost = Side::of(l, self.device);
                    self.conflicts
                        .push(Conflict::new(c, l.id(), self.now, Side::deleted(t), lost));
                }
            }
        }
        for r in incoming {
            let Some(t) = self.ours.get(&(c, r.id())).copied() else {
                continue;
            };
            let unpushed = self.outbox.contains_key(&DocId::of_tombstone(t));
            if let Some(from) = self.elsewhere(DocId::record(c, r.id())) {
                if unpushed && !t.hides(r.updated_at()) {
                    let kept = Side::of(r, from);
                    self.conflicts
                        .push(Conflict::new(c, r.id(), self.now, kept, Side::deleted(t)));
                }
            }
        }
    }
}
