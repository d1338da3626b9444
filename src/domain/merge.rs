//! Combining two sets of records: the preview an import shows, the merge it applies, and
//! the same rule for cross-tab updates.
//!
//! Rule: per record id, the newer `updated_at` wins; on a tie, the record whose JSON text
//! is greater wins. That is a total order on versions of a record, so merging is
//! idempotent and order-independent.

use super::data::{Collection, Data, PairVisitor, Record, VisitorMut};
use super::model::Id;
use std::cmp::Ordering;
use std::collections::HashMap;

/// Which of two versions of one record is kept.
pub fn newer<'a, R: Record>(a: &'a R, b: &'a R) -> &'a R {
    match compare(a, b) {
        Ordering::Less => b,
        _ => a,
    }
}

fn compare<R: Record>(a: &R, b: &R) -> Ordering {
    a.updated_at().cmp(&b.updated_at()).then_with(|| {
        let text = |r: &R| serde_json::to_string(r).unwrap_or_default();
        text(a).cmp(&text(b))
    })
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PreviewRow {
    pub new: usize,
    pub identical: usize,
    /// In both, different, and the file's version is kept.
    pub incoming_newer: usize,
    /// In both, different, and the device's version is kept.
    pub existing_newer: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preview(Vec<(Collection, PreviewRow)>);

impl Preview {
    /// One row per collection the file has records of, in collection order.
    pub fn rows(&self) -> Vec<(Collection, PreviewRow)> {
        self.0.clone()
    }

    /// All collections together: what a merge adds (`new`) and updates (`incoming_newer`).
    pub fn total(&self) -> PreviewRow {
        self.0
            .iter()
            .fold(PreviewRow::default(), |t, (_, r)| PreviewRow {
                new: t.new + r.new,
                identical: t.identical + r.identical,
                incoming_newer: t.incoming_newer + r.incoming_newer,
                existing_newer: t.existing_newer + r.existing_newer,
            })
    }

    pub fn row(&self, c: Collection) -> PreviewRow {
        self.0
            .iter()
            .find(|(k, _)| *k == c)
            .map(|(_, r)| *r)
            .unwrap_or_default()
    }
}

fn index<R: Record>(records: &[R]) -> HashMap<Id, &R> {
    records.iter().map(|r| (r.id(), r)).collect()
}

pub fn preview(existing: &Data, incoming: &Data) -> Preview {
    struct V(Vec<(Collection, PreviewRow)>);
    impl PairVisitor for V {
        fn visit<R: Record>(&mut self, existing: &[R], incoming: &[R]) {
            if incoming.is_empty() {
                return;
            }
            let have = index(existing);
            let mut row = PreviewRow::default();
            for r in incoming {
                match have.get(&r.id()) {
                    None => row.new += 1,
                    Some(e) if *e == r => row.identical += 1,
                    Some(e) if compare(r, e) == Ordering::Greater => row.incoming_newer += 1,
                    Some(_) => row.existing_newer += 1,
                }
            }
            self.0.push((R::COLLECTION, row));
        }
    }
    let mut v = V(Vec::new());
    existing.visit_pair(incoming, &mut v);
    Preview(v.0)
}

/// The records of `incoming` that must be written so `existing` holds the merge of both:
/// new ones and those that win a conflict. Nothing else, so a save stays proportional.
pub fn merge(existing: &Data, incoming: &Data) -> Data {
    struct V(Data);
    impl PairVisitor for V {
        fn visit<R: Record>(&mut self, existing: &[R], incoming: &[R]) {
            let have = index(existing);
            // Within `incoming` an id could repeat (cross-tab batches); keep its winner.
            let mut winners: HashMap<Id, &R> = HashMap::new();
            for r in incoming {
                let keep = match have.get(&r.id()) {
                    Some(e) => compare(r, e) == Ordering::Greater,
                    None => true,
                };
                if keep {
                    winners
                        .entry(r.id())
                        .and_modify(|w| *w = newer(w, r))
                        .or_insert(r);
                }
            }
            let out = incoming
                .iter()
                .filter(|r| winners.get(&r.id()).is_some_and(|w| std::ptr::eq(*w, *r)));
            self.0.records_mut::<R>().extend(out.cloned());
        }
    }
    let mut v = V(Data::default());
    existing.visit_pair(incoming, &mut v);
    v.0
}

/// The records of `here` that beat the version of the same id in `incoming`: after a
/// tab stored an older version, these must be written again so storage keeps the winner.
pub fn newer_here(here: &Data, incoming: &Data) -> Data {
    struct V(Data);
    impl PairVisitor for V {
        fn visit<R: Record>(&mut self, here: &[R], incoming: &[R]) {
            let theirs = index(incoming);
            let ours = here.iter().filter(|r| {
                theirs
                    .get(&r.id())
                    .is_some_and(|t| compare(*r, *t) == Ordering::Greater)
            });
            self.0.records_mut::<R>().extend(ours.cloned());
        }
    }
    let mut v = V(Data::default());
    here.visit_pair(incoming, &mut v);
    v.0
}

/// Upserts `changes` into `data` by id (the in-memory side of a save).
pub fn apply(data: &mut Data, changes: &Data) {
    struct V<'a>(&'a Data);
    impl VisitorMut for V<'_> {
        fn visit<R: Record>(&mut self, target: &mut Vec<R>) {
            let changed = self.0.records::<R>();
            if changed.is_empty() {
                return;
            }
            let mut at: HashMap<Id, usize> = target
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
    data.visit_mut(&mut V(changes));
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
                existing_newer: 1
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
