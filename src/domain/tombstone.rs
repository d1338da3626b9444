//! Deletions that stay deleted. Each deletion leaves a tombstone — which record, when, on
//! which device — kept in storage, in the backup file and in cross-tab messages, so merging
//! an older file (or hearing an older message) cannot bring the record back. Tombstones are
//! never dropped: they are a few dozen bytes, and a dropped one would let its record return.

use super::data::{Collection, Data, Record, Visitor};
use super::edit::edited_at;
use super::model::{Id, Time};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tombstone {
    pub collection: Collection,
    pub id: Id,
    #[serde(with = "crate::domain::rfc3339")]
    pub deleted_at: Time,
    pub device_id: String,
}

impl Tombstone {
    pub fn key(&self) -> (Collection, Id) {
        (self.collection, self.id)
    }

    /// Whether this deletion removes a version last changed at `updated_at`. A tie goes to
    /// the deletion: one deletes what one sees, so the edit came first.
    pub fn hides(&self, updated_at: Time) -> bool {
        self.deleted_at >= updated_at
    }

    /// Of two tombstones of one record, the later deletion; equal times go to the greater
    /// device id, so every tab and file keeps the same one.
    pub fn later<'a>(&'a self, other: &'a Tombstone) -> &'a Tombstone {
        if other.is_later_than(self) {
            other
        } else {
            self
        }
    }

    pub fn is_later_than(&self, other: &Tombstone) -> bool {
        (&self.deleted_at, &self.device_id) > (&other.deleted_at, &other.device_id)
    }
}

/// Adds a tombstone from `device_id` for each of `deletes` that `changes` does not already
/// carry one for (a merge or another tab brings the original deletion with it). It is
/// stamped like an edit: now, but after the record's last change in `current`, so a record
/// stamped by a clock ahead is deleted too.
pub fn stamp(
    changes: &mut Data,
    deletes: &[(Collection, Id)],
    current: &Data,
    now: Time,
    device_id: &str,
) {
    for &(collection, id) in deletes {
        if !changes
            .tombstones
            .iter()
            .any(|t| t.key() == (collection, id))
        {
            let deleted_at = last_change(current, collection, id)
                .map_or(now, |previous| edited_at(previous, now));
            changes.tombstones.push(Tombstone {
                collection,
                id,
                deleted_at,
                device_id: device_id.to_string(),
            });
        }
    }
}

fn last_change(data: &Data, collection: Collection, id: Id) -> Option<Time> {
    struct Find(Collection, Id, Option<Time>);
    impl Visitor for Find {
        fn visit<R: Record>(&mut self, records: &[R]) {
            if R::COLLECTION == self.0 {
                self.2 = records
                    .iter()
                    .find(|r| r.id() == self.1)
                    .map(Record::updated_at);
            }
        }
    }
    let mut find = Find(collection, id, None);
    data.visit(&mut find);
    find.2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: i64) -> Time {
        chrono::DateTime::from_timestamp(s, 0).unwrap()
    }

    fn stone(s: i64, device: &str) -> Tombstone {
        Tombstone {
            collection: Collection::Responses,
            id: Id::from_u128(1),
            deleted_at: at(s),
            device_id: device.into(),
        }
    }

    #[test]
    fn a_deletion_hides_edits_up_to_its_own_instant() {
        let t = stone(10, "a");
        assert!(t.hides(at(9)));
        assert!(t.hides(at(10)));
        assert!(!t.hides(at(11)));
    }

    #[test]
    fn the_later_tombstone_is_kept_whichever_comes_first() {
        let (old, new, tie) = (stone(1, "b"), stone(2, "a"), stone(2, "b"));
        assert_eq!(old.later(&new), &new);
        assert_eq!(new.later(&old), &new);
        assert_eq!(new.later(&tie), &tie);
        assert_eq!(tie.later(&new), &tie);
        assert!(!new.is_later_than(&new.clone()));
    }

    #[test]
    fn stamping_keeps_a_carried_tombstone() {
        let carried = stone(1, "other");
        let mut changes = Data {
            tombstones: vec![carried.clone()],
            ..Data::default()
        };
        let deletes = [
            (Collection::Responses, Id::from_u128(1)),
            (Collection::Staff, Id::from_u128(2)),
        ];
        stamp(&mut changes, &deletes, &Data::default(), at(5), "here");
        assert_eq!(changes.tombstones.len(), 2);
        assert_eq!(changes.tombstones[0], carried);
        assert_eq!(
            changes.tombstones[1],
            Tombstone {
                collection: Collection::Staff,
                id: Id::from_u128(2),
                deleted_at: at(5),
                device_id: "here".into(),
            }
        );
    }

    #[test]
    fn a_record_from_a_clock_ahead_is_deleted_too() {
        let t = at(1_000);
        let role = crate::domain::model::Role {
            id: Id::from_u128(7),
            created_at: t,
            updated_at: t,
            name: Default::default(),
        };
        let mut current = Data {
            roles: vec![role],
            ..Data::default()
        };
        let mut changes = Data::default();
        let deletes = [(Collection::Roles, Id::from_u128(7))];
        stamp(&mut changes, &deletes, &current, at(5), "here");
        assert!(changes.tombstones[0].hides(t));
        crate::domain::merge::apply(&mut current, &changes);
        assert!(current.roles.is_empty());
    }
}
