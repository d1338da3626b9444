//! Combining two sets of records: the preview an import shows, the merge it applies, and
//! the same rule for cross-tab updates.
//!
//! Rule: per record id, the newer `updated_at` wins; on a tie, the record whose JSON text
//! is greater wins. A tombstone takes part like a version: per record the later deletion is
//! kept, and it removes every version changed at or before it, while a version changed
//! after it stays (an edit made after the deletion elsewhere). Records and tombstones are
//! each a total order, and whether a record is shown depends only on the winners of both,
//! so merging is idempotent and order-independent.

use super::data::{Collection, Data, PairVisitor, Record, Visitor, VisitorMut};
use super::model::{Id, Time};
use super::tombstone::Tombstone;
use rustc_hash::{FxHashMap, FxHashSet};
use std::cmp::Ordering;

type Key = (Collection, Id);

/// Which of two versions of one record is kept.
pub fn newer<'a, R: Record>(a: &'a R, b: &'a R) -> &'a R {
    match compare(a, b) {
        Ordering::Less => b,
        _ => a,
    }
}

fn compare<R: Record>(a: &R, b: &R) -> Ordering {
    a.updated_at().cmp(&b.updated_at()).then_with(|| {
        // Equal copies are the common tie (a file merged again): no text to write for them.
        if a == b {
            return Ordering::Equal;
        }
        let text = |r: &R| serde_json::to_string(r).unwrap_or_default();
        text(a).cmp(&text(b))
    })
}

/// The latest tombstone of each record.
fn stones(tombstones: &[Tombstone]) -> FxHashMap<Key, &Tombstone> {
    let mut latest: FxHashMap<Key, &Tombstone> =
        FxHashMap::with_capacity_and_hasher(tombstones.len(), Default::default());
    for t in tombstones {
        latest
            .entry(t.key())
            .and_modify(|w| *w = w.later(t))
            .or_insert(t);
    }
    latest
}

fn hidden(stones: &FxHashMap<Key, &Tombstone>, key: Key, updated_at: Time) -> bool {
    stones.get(&key).is_some_and(|t| t.hides(updated_at))
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PreviewRow {
    pub new: usize,
    pub identical: usize,
    /// In both, different, and the file's version is kept.
    pub incoming_newer: usize,
    /// In both, different, and the device's version is kept.
    pub existing_newer: usize,
    /// In the file, but deleted on this device after its last change: it stays deleted.
    pub deleted_here: usize,
    /// On this device, but deleted in the file after its last change: the merge deletes it.
    pub deleted_in_file: usize,
    /// Deleted on this device, changed in the file after that: the merge brings it back.
    pub restored: usize,
}

impl PreviewRow {
    fn plus(self, r: PreviewRow) -> PreviewRow {
        PreviewRow {
            new: self.new + r.new,
            identical: self.identical + r.identical,
            incoming_newer: self.incoming_newer + r.incoming_newer,
            existing_newer: self.existing_newer + r.existing_newer,
            deleted_here: self.deleted_here + r.deleted_here,
            deleted_in_file: self.deleted_in_file + r.deleted_in_file,
            restored: self.restored + r.restored,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preview(Vec<(Collection, PreviewRow)>);

impl Preview {
    /// One row per collection the file has records or deletions of, in collection order.
    pub fn rows(&self) -> Vec<(Collection, PreviewRow)> {
        self.0.clone()
    }

    /// All collections together: what a merge adds (`new`, `restored`), updates
    /// (`incoming_newer`) and deletes (`deleted_in_file`).
    pub fn total(&self) -> PreviewRow {
        self.0
            .iter()
            .fold(PreviewRow::default(), |t, (_, r)| t.plus(*r))
    }

    pub fn row(&self, c: Collection) -> PreviewRow {
        self.0
            .iter()
            .find(|(k, _)| *k == c)
            .map(|(_, r)| *r)
            .unwrap_or_default()
    }
}

fn index<R: Record>(records: &[R]) -> FxHashMap<Id, &R> {
    records.iter().map(|r| (r.id(), r)).collect()
}

pub fn preview(existing: &Data, incoming: &Data) -> Preview {
    struct V<'a> {
        here: FxHashMap<Key, &'a Tombstone>,
        file: FxHashMap<Key, &'a Tombstone>,
        rows: Vec<(Collection, PreviewRow)>,
    }
    impl PairVisitor for V<'_> {
        fn visit<R: Record>(&mut self, existing: &[R], incoming: &[R]) {
            let c = R::COLLECTION;
            let have = index(existing);
            let mut row = PreviewRow::default();
            for r in incoming {
                let key = (c, r.id());
                match have.get(&r.id()) {
                    Some(e) if hidden(&self.file, key, newer(r, *e).updated_at()) => {
                        row.deleted_in_file += 1
                    }
                    Some(e) if *e == r => row.identical += 1,
                    Some(e) if compare(r, e) == Ordering::Greater => row.incoming_newer += 1,
                    Some(_) => row.existing_newer += 1,
                    None if hidden(&self.here, key, r.updated_at()) => row.deleted_here += 1,
                    // The file deleted its own record: nothing changes here.
                    None if hidden(&self.file, key, r.updated_at()) => {}
                    None if self.here.contains_key(&key) => row.restored += 1,
                    None => row.new += 1,
                }
            }
            let theirs = index(incoming);
            row.deleted_in_file += existing
                .iter()
                .filter(|e| {
                    !theirs.contains_key(&e.id()) && hidden(&self.file, (c, e.id()), e.updated_at())
                })
                .count();
            if !incoming.is_empty() || row != PreviewRow::default() {
                self.rows.push((c, row));
            }
        }
    }
    let mut v = V {
        here: stones(&existing.tombstones),
        file: stones(&incoming.tombstones),
        rows: Vec::new(),
    };
    existing.visit_pair(incoming, &mut v);
    Preview(v.rows)
}

/// What must be written so `existing` holds the merge of both: the records of `incoming`
/// that are new or win a conflict and that no tombstone of either side hides, and the
/// tombstones of `incoming` later than the device's. `apply` then drops what they delete.
/// Nothing else, so a save stays proportional.
pub fn merge(existing: &Data, incoming: &Data) -> Data {
    struct V<'a> {
        here: FxHashMap<Key, &'a Tombstone>,
        file: FxHashMap<Key, &'a Tombstone>,
        out: Data,
    }
    impl PairVisitor for V<'_> {
        fn visit<R: Record>(&mut self, existing: &[R], incoming: &[R]) {
            let c = R::COLLECTION;
            let have = index(existing);
            // Within `incoming` an id could repeat (cross-tab batches); keep its winner.
            let mut winners: FxHashMap<Id, &R> = FxHashMap::default();
            for r in incoming {
                let key = (c, r.id());
                let beats_here = have
                    .get(&r.id())
                    .is_none_or(|e| compare(r, e) == Ordering::Greater);
                let deleted = hidden(&self.here, key, r.updated_at())
                    || hidden(&self.file, key, r.updated_at());
                if beats_here && !deleted {
                    winners
                        .entry(r.id())
                        .and_modify(|w| *w = newer(w, r))
                        .or_insert(r);
                }
            }
            let out = incoming
                .iter()
                .filter(|r| winners.get(&r.id()).is_some_and(|w| std::ptr::eq(*w, *r)));
            self.out.records_mut::<R>().extend(out.cloned());
        }
    }
    let mut v = V {
        here: stones(&existing.tombstones),
        file: stones(&incoming.tombstones),
        out: Data::default(),
    };
    existing.visit_pair(incoming, &mut v);
    let mut out = v.out;
    out.tombstones = incoming
        .tombstones
        .iter()
        .filter(|t| {
            let key = t.key();
            v.file.get(&key).is_some_and(|w| std::ptr::eq(*w, *t))
                && v.here.get(&key).is_none_or(|h| t.is_later_than(h))
        })
        .cloned()
        .collect();
    out
}

/// The records of `here` that beat the version of the same id in `incoming`, or outlive
/// its tombstone: after a tab stored an older version or deleted an older one, these must
/// be written again so storage keeps the winner.
pub fn newer_here(here: &Data, incoming: &Data) -> Data {
    struct V<'a> {
        deleted: FxHashMap<Key, &'a Tombstone>,
        out: Data,
    }
    impl PairVisitor for V<'_> {
        fn visit<R: Record>(&mut self, here: &[R], incoming: &[R]) {
            let theirs = index(incoming);
            let c = R::COLLECTION;
            let ours = here.iter().filter(|r| {
                let beaten = theirs
                    .get(&r.id())
                    .is_some_and(|t| compare(*r, *t) == Ordering::Greater);
                let outlived = self
                    .deleted
                    .get(&(c, r.id()))
                    .is_some_and(|t| !t.hides(r.updated_at()));
                beaten || outlived
            });
            self.out.records_mut::<R>().extend(ours.cloned());
        }
    }
    let mut v = V {
        deleted: stones(&incoming.tombstones),
        out: Data::default(),
    };
    here.visit_pair(incoming, &mut v);
    v.out
}

/// Applies a save or a merge to the in-memory `data`: upserts the records of `changes` by
/// id, keeps the later tombstone of each record, and drops the records a tombstone now
/// hides, returning them so storage deletes them too.
pub fn apply(data: &mut Data, changes: &Data) -> Vec<(Collection, Id)> {
    struct Upsert<'a>(&'a Data);
    impl VisitorMut for Upsert<'_> {
        fn visit<R: Record>(&mut self, target: &mut Vec<R>) {
            let changed = self.0.records::<R>();
            if changed.is_empty() {
                return;
            }
            let mut at: FxHashMap<Id, usize> = target
                .iter()
                .enumerate()
                .map(|(i, r)| (r.id(), i))
                .collect();
            for r in changed {
                match at.get(&r.id()) {
                    Some(&i) => target[i] = r.clone(),
                    None => {
                        at.insert(r.id(), target.len());
                        target.push(r.clone());
                    }
                }
            }
        }
    }
    data.visit_mut(&mut Upsert(changes));
    if changes.tombstones.is_empty() && data.tombstones.is_empty() {
        return Vec::new();
    }
    let mut at: FxHashMap<Key, usize> = data
        .tombstones
        .iter()
        .enumerate()
        .map(|(i, t)| (t.key(), i))
        .collect();
    for t in &changes.tombstones {
        match at.get(&t.key()) {
            Some(&i) => {
                if t.is_later_than(&data.tombstones[i]) {
                    data.tombstones[i] = t.clone();
                }
            }
            None => {
                at.insert(t.key(), data.tombstones.len());
                data.tombstones.push(t.clone());
            }
        }
    }
    // Only what this change touched can have become hidden.
    struct Keys(FxHashSet<Key>);
    impl Visitor for Keys {
        fn visit<R: Record>(&mut self, records: &[R]) {
            self.0
                .extend(records.iter().map(|r| (R::COLLECTION, r.id())));
        }
    }
    let mut touched = Keys(changes.tombstones.iter().map(Tombstone::key).collect());
    changes.visit(&mut touched);
    let deleted: FxHashMap<Key, Tombstone> = touched
        .0
        .iter()
        .filter_map(|k| at.get(k).map(|&i| (*k, data.tombstones[i].clone())))
        .collect();
    struct Hide {
        deleted: FxHashMap<Key, Tombstone>,
        gone: Vec<Key>,
    }
    impl VisitorMut for Hide {
        fn visit<R: Record>(&mut self, records: &mut Vec<R>) {
            let c = R::COLLECTION;
            if !self.deleted.keys().any(|(k, _)| *k == c) {
                return;
            }
            records.retain(|r| {
                let key = (c, r.id());
                let gone = self
                    .deleted
                    .get(&key)
                    .is_some_and(|t| t.hides(r.updated_at()));
                if gone {
                    self.gone.push(key);
                }
                !gone
            });
        }
    }
    let mut hide = Hide {
        deleted,
        gone: Vec::new(),
    };
    data.visit_mut(&mut hide);
    hide.gone
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{LocalText, Role};

    fn role(n: u128, hour: i64, name: &str) -> Role {
        let t = chrono::DateTime::from_timestamp(hour * 3600, 0).unwrap();
        Role {
            id: Id::from_u128(n),
            created_at: t,
            updated_at: t,
            name: LocalText::new(name, name),
        }
    }

    fn roles(rs: Vec<Role>) -> Data {
        Data {
            roles: rs,
            ..Data::default()
        }
    }

    /// Role 1 identical, 2 newer on the device, 3 newer in the file, 4 only in the file.
    fn device_and_file() -> (Data, Data) {
        let here = roles(vec![role(1, 1, "a"), role(2, 5, "b"), role(3, 1, "c")]);
        let file = roles(vec![
            role(1, 1, "a"),
            role(2, 1, "old"),
            role(3, 9, "new"),
            role(4, 1, "d"),
        ]);
        (here, file)
    }

    fn stone(n: u128, hour: i64) -> Tombstone {
        Tombstone {
            collection: Collection::Roles,
            id: Id::from_u128(n),
            deleted_at: chrono::DateTime::from_timestamp(hour * 3600, 0).unwrap(),
            device_id: "d".into(),
        }
    }

    /// Role 1 deleted here after the file's version, role 2 deleted here before the file's
    /// edit, role 3 deleted in the file after this device's version, role 4 plain new.
    fn deletions() -> (Data, Data) {
        let here = Data {
            roles: vec![role(3, 1, "c")],
            tombstones: vec![stone(1, 5), stone(2, 5)],
            ..Data::default()
        };
        let file = Data {
            roles: vec![role(1, 1, "a"), role(2, 9, "b"), role(4, 1, "d")],
            tombstones: vec![stone(3, 2)],
            ..Data::default()
        };
        (here, file)
    }

    #[test]
    fn preview_tells_deletions_apart_from_new_records() {
        let (here, file) = deletions();
        let row = preview(&here, &file).row(Collection::Roles);
        assert_eq!(
            row,
            PreviewRow {
                new: 1,
                deleted_here: 1,
                deleted_in_file: 1,
                restored: 1,
                ..PreviewRow::default()
            }
        );
        // Deleting a record the file lacks still shows a row.
        let only_stone = Data {
            tombstones: vec![stone(3, 2)],
            ..Data::default()
        };
        assert_eq!(preview(&here, &only_stone).total().deleted_in_file, 1);
    }

    #[test]
    fn a_deleted_record_stays_deleted_and_a_later_edit_comes_back() {
        let (mut here, file) = deletions();
        let changes = merge(&here, &file);
        let names: Vec<_> = changes.roles.iter().map(|r| r.name.zh.as_str()).collect();
        assert_eq!(names, ["b", "d"]);
        assert_eq!(changes.tombstones, vec![stone(3, 2)]);
        let gone = apply(&mut here, &changes);
        assert_eq!(gone, vec![(Collection::Roles, Id::from_u128(3))]);
        let ids: Vec<_> = here.roles.iter().map(|r| r.id.as_u128()).collect();
        assert_eq!(ids, [2, 4]);
        // Every tombstone is kept, also the one a later edit outlived.
        assert_eq!(here.tombstones.len(), 3);
        assert_eq!(
            merge(&here, &file),
            Data::default(),
            "merging again changes nothing"
        );
    }

    #[test]
    fn an_older_tombstone_does_not_replace_a_later_one() {
        let mut here = Data {
            tombstones: vec![stone(1, 5)],
            ..Data::default()
        };
        let older = Data {
            tombstones: vec![stone(1, 2)],
            ..Data::default()
        };
        assert!(merge(&here, &older).tombstones.is_empty());
        apply(&mut here, &older);
        assert_eq!(here.tombstones, vec![stone(1, 5)]);
    }

    #[test]
    fn newer_here_writes_back_an_edit_that_outlives_a_deletion() {
        let here = roles(vec![role(1, 9, "edited"), role(2, 1, "old")]);
        let incoming = Data {
            tombstones: vec![stone(1, 5), stone(2, 5)],
            ..Data::default()
        };
        let back: Vec<_> = newer_here(&here, &incoming)
            .roles
            .into_iter()
            .map(|r| r.name.zh)
            .collect();
        assert_eq!(back, ["edited"]);
    }

    #[test]
    fn preview_counts_each_case() {
        let (here, file) = device_and_file();
        let row = preview(&here, &file).row(Collection::Roles);
        assert_eq!(
            row,
            PreviewRow {
                new: 1,
                identical: 1,
                incoming_newer: 1,
                existing_newer: 1,
                ..PreviewRow::default()
            }
        );
        assert_eq!(
            preview(&here, &file).rows().len(),
            1,
            "only collections the file has"
        );
    }

    #[test]
    fn the_total_adds_up_every_collection() {
        let (mut here, mut file) = device_and_file();
        here.staff = Vec::new();
        let demo = crate::domain::demo::generate(
            3,
            40,
            chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap(),
            crate::i18n::Lang::En,
        );
        file.staff = demo.staff.clone();
        let total = preview(&here, &file).total();
        assert_eq!(total.new, 1 + demo.staff.len());
        assert_eq!(
            (total.identical, total.incoming_newer, total.existing_newer),
            (1, 1, 1)
        );
        let merged = merge(&here, &file);
        assert_eq!(
            merged.roles.len() + merged.staff.len(),
            total.new + total.incoming_newer
        );
    }

    #[test]
    fn merge_writes_only_new_and_winning_records() {
        let (here, file) = device_and_file();
        let names: Vec<_> = merge(&here, &file)
            .roles
            .into_iter()
            .map(|r| r.name.zh)
            .collect();
        assert_eq!(names, ["new", "d"]);
    }

    #[test]
    fn ties_go_to_the_greater_text_on_both_sides() {
        let (x, y) = (role(1, 3, "x"), role(1, 3, "y"));
        assert_eq!(newer(&x, &y), &y);
        assert_eq!(newer(&y, &x), &y);
    }

    #[test]
    fn newer_here_finds_what_must_be_written_back() {
        let here = roles(vec![
            role(1, 5, "mine"),
            role(2, 1, "old"),
            role(9, 1, "unrelated"),
        ]);
        let incoming = roles(vec![role(1, 2, "theirs"), role(2, 4, "theirs")]);
        let back: Vec<_> = newer_here(&here, &incoming)
            .roles
            .into_iter()
            .map(|r| r.name.zh)
            .collect();
        assert_eq!(back, ["mine"]);
    }
}
