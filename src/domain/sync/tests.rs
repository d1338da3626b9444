use super::conflict::Restore;
use super::doc::{self, DocId, Pulled};
use super::push::{self, Answer, Outgoing};
use super::server::{self, Reach, SettingsProblem};
use super::{Conflict, Replica, Step};
use crate::domain::data::{Collection, Data, Record, Visitor};
use crate::domain::model::{Id, Staff, Time};
use crate::domain::{demo, merge, tombstone};
use crate::i18n::Lang;
use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use rustc_hash::FxHashMap;
use serde_json::value::RawValue;
use std::collections::BTreeMap;

fn time(s: i64) -> Time {
    Utc.timestamp_opt(1_767_000_000 + s, 0).unwrap()
}

fn staff(n: u8, name: &str, at: i64) -> Staff {
    Staff {
        id: Id::from_bytes([n; 16]),
        created_at: time(0),
        updated_at: time(at),
        name: name.into(),
        role_id: None,
        joined_on: None,
        left_on: None,
    }
}

fn raw(texts: &[String]) -> Vec<Box<RawValue>> {
    texts
        .iter()
        .map(|t| RawValue::from_string(t.clone()).unwrap())
        .collect()
}

fn read(texts: &[String]) -> Pulled {
    let boxes = raw(texts);
    let refs: Vec<&RawValue> = boxes.iter().map(|b| b.as_ref()).collect();
    Pulled::read(&refs)
}

/// Every record and tombstone of `data` as the documents a push would send.
fn all_docs(data: &Data, device: &str) -> Vec<Outgoing> {
    let outbox = doc::ids_of(data).into_iter().map(|id| (id, None)).collect();
    push::docs(data, &outbox, &FxHashMap::default(), device, usize::MAX).0
}

#[test]
fn doc_ids_read_back_for_every_collection_and_tombstones() {
    let id = Id::from_bytes([7; 16]);
    for &c in Collection::ALL {
        for tombstone in [false, true] {
            let d = DocId {
                collection: c,
                id,
                tombstone,
            };
            assert_eq!(DocId::parse(&d.to_string()), Some(d));
        }
    }
    assert_eq!(
        DocId::record(Collection::Staff, id).to_string(),
        "staff/07070707-0707-0707-0707-070707070707"
    );
    assert_eq!(DocId::parse("_design/x"), None);
    assert_eq!(
        DocId::parse("tombstones/nothing/07070707-0707-0707-0707-070707070707"),
        None
    );
    assert_eq!(DocId::parse("staff/not-a-uuid"), None);
}

#[test]
fn every_collection_travels_as_documents_and_reads_back_equal() {
    let mut data = demo::for_app(time(0), Lang::En);
    // The demo is one shop's.
    data.locations.push(crate::domain::locations::new(
        "North",
        Id::from_u128(70),
        time(0),
    ));
    data.responses[1].location_id = Some(Id::from_u128(70));
    let mut deletes = vec![(Collection::Staff, data.staff[0].id)];
    deletes.push((Collection::Responses, data.responses[0].id));
    let mut changes = Data::default();
    tombstone::stamp(&mut changes, &deletes, &data, time(10), "dev-a");
    merge::apply(&mut data, &changes);
    // Every collection has records, so each one's mapping is exercised.
    struct Empty(Vec<Collection>);
    impl Visitor for Empty {
        fn visit<R: Record>(&mut self, records: &[R]) {
            if records.is_empty() {
                self.0.push(R::COLLECTION);
            }
        }
    }
    let mut empty = Empty(Vec::new());
    data.visit(&mut empty);
    assert_eq!(
        empty.0,
        Vec::<Collection>::new(),
        "the demo fills every collection"
    );

    let docs = all_docs(&data, "dev-a");
    let texts: Vec<String> = docs
        .iter()
        .map(|d| d.json.replacen("{", r#"{"_rev":"1-abc","#, 1))
        .collect();
    let pulled = read(&texts);
    assert_eq!(pulled.unreadable, 0);
    assert_eq!(pulled.data, data);
    assert_eq!(pulled.revs.len(), docs.len());
    assert!(pulled.revs.iter().all(|(_, r)| r == "1-abc"));
    assert!(pulled.devices.values().all(|d| d == "dev-a"));
    let one: serde_json::Value = serde_json::from_str(&docs[0].json).unwrap();
    assert_eq!(
        one["_id"],
        "tombstones/staff/".to_string() + &data.tombstones[0].id.to_string()
    );
    assert_eq!(one["collection"], "staff");
    assert_eq!(one["device"], "dev-a");
}

#[test]
fn documents_that_are_not_ours_or_damaged_are_counted_not_used() {
    let s = staff(1, "Li", 5);
    let good = doc::text(
        DocId::record(Collection::Staff, s.id),
        Some("1-a"),
        s.updated_at,
        "d",
        &serde_json::to_string(&s).unwrap(),
    );
    let other = staff(2, "Wang", 5);
    let wrong_id = doc::text(
        DocId::record(Collection::Staff, other.id),
        None,
        s.updated_at,
        "d",
        &serde_json::to_string(&s).unwrap(),
    );
    let wrong_shape = doc::text(
        DocId::record(Collection::Roles, s.id),
        None,
        s.updated_at,
        "d",
        &serde_json::to_string(&s).unwrap(),
    );
    let texts = vec![
        good,
        wrong_id,
        wrong_shape,
        r#"{"_id":"_design/app","_rev":"1-x","views":{}}"#.to_string(),
        r#"{"_id":"staff/01010101-0101-0101-0101-010101010101","_rev":"2-x","_deleted":true}"#
            .to_string(),
        r#"{"_id":"notes/1","text":"hello"}"#.to_string(),
        r#"{"_id":"staff/01010101-0101-0101-0101-010101010101"}"#.to_string(),
    ];
    let pulled = read(&texts);
    assert_eq!(pulled.data.staff, vec![s]);
    assert_eq!(pulled.unreadable, 4);
}

#[test]
fn changes_pages_keep_last_seq_as_text_for_the_next_since() {
    let s = staff(1, "Li", 5);
    let d = doc::text(
        DocId::record(Collection::Staff, s.id),
        Some("1-a"),
        s.updated_at,
        "d",
        &serde_json::to_string(&s).unwrap(),
    );
    let text = format!(
        r#"{{"results":[{{"seq":"3-g1AA","id":"x","changes":[{{"rev":"1-a"}}],"doc":{d}}},{{"seq":"4-g1AB","id":"y","changes":[],"deleted":true}}],"last_seq":"4-g1AB","pending":0}}"#
    );
    let page = doc::changes(&text).unwrap();
    assert_eq!(page.rows, 2);
    assert_eq!(page.last_seq, r#""4-g1AB""#);
    assert_eq!(doc::since_param(&page.last_seq), "4-g1AB");
    assert_eq!(doc::since_param("17"), "17");
    assert_eq!(page.pulled.data.staff, vec![s]);
    assert!(doc::changes(r#"{"error":"not_found"}"#).is_none());
}

#[test]
fn settings_are_checked_before_anything_is_sent() {
    let ok = server::check(" https://couch.example.com/ ", "shop_1", "ann", "pw").unwrap();
    assert_eq!(ok.db_url(), "https://couch.example.com/shop_1");
    assert!(server::check("http://127.0.0.1:5984", "shop", "", "").is_ok());
    assert!(server::check("http://localhost:5984/couch", "a/b", "", "").is_ok());
    let err = |u: &str, d: &str, n: &str, p: &str| server::check(u, d, n, p).unwrap_err();
    assert_eq!(
        err("http://couch.example.com", "shop", "", ""),
        SettingsProblem::NotHttps
    );
    assert_eq!(
        err("http://127.0.0.2", "shop", "", ""),
        SettingsProblem::NotHttps
    );
    assert_eq!(err("ftp://x", "shop", "", ""), SettingsProblem::BadUrl);
    assert_eq!(
        err("https://ann:pw@x", "shop", "", ""),
        SettingsProblem::BadUrl
    );
    assert_eq!(
        err("https://x/?a=1", "shop", "", ""),
        SettingsProblem::BadUrl
    );
    assert_eq!(err("https://", "shop", "", ""), SettingsProblem::BadUrl);
    assert_eq!(
        err("https://x", "Shop", "", ""),
        SettingsProblem::BadDatabase
    );
    assert_eq!(
        err("https://x", "1shop", "", ""),
        SettingsProblem::BadDatabase
    );
    assert_eq!(err("https://x", "", "", ""), SettingsProblem::BadDatabase);
    assert_eq!(
        err("https://x", "shop", "ann", ""),
        SettingsProblem::HalfCredentials
    );
    assert_eq!(
        err("https://x", "shop", "", "pw"),
        SettingsProblem::HalfCredentials
    );
    assert_eq!(
        err("http://[::1]:5984", "a", "", ""),
        SettingsProblem::NotHttps
    );
}

#[test]
fn a_server_at_the_pages_origin_logs_in_with_a_session() {
    let proxied = server::check("https://shop.example/couchdb/", "a", "店长", "p\"w").unwrap();
    assert!(proxied.same_origin("https://shop.example"));
    assert!(
        !proxied.same_origin("https://shop.example.evil"),
        "a longer host is another origin"
    );
    assert!(!proxied.same_origin("http://shop.example"));
    let root = server::check("http://127.0.0.1:5984", "a", "u", "p").unwrap();
    assert!(root.same_origin("http://127.0.0.1:5984"));
    assert!(!root.same_origin("http://127.0.0.1:59840"));
    let anonymous = server::check("http://127.0.0.1:5984", "a", "", "").unwrap();
    assert!(
        !anonymous.same_origin("http://127.0.0.1:5984"),
        "nothing to log in with"
    );
    assert_eq!(
        proxied.session_url(),
        "https://shop.example/couchdb/_session"
    );
    let body: serde_json::Value = serde_json::from_str(&proxied.session_body()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({ "name": "店长", "password": "p\"w" })
    );
    assert_ne!(proxied.session_key(), root.session_key());
}

#[test]
fn basic_auth_is_utf8_base64_and_urls_are_encoded() {
    let s = server::check("https://x", "a/b", "Aladdin", "open sesame").unwrap();
    assert_eq!(
        s.authorization().unwrap(),
        "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
    );
    let zh = server::check("https://x", "a", "店长", "密").unwrap();
    // base64 of the UTF-8 bytes of "店长:密", worked out by hand from its bytes.
    assert_eq!(zh.authorization().unwrap(), "Basic 5bqX6ZW/OuWvhg==");
    assert!(server::check("https://x", "a", "", "")
        .unwrap()
        .authorization()
        .is_none());
    assert_eq!(s.db_url(), "https://x/a%2Fb");
    assert_eq!(
        s.changes_url("3-g1A=", 500, Some(25_000)),
        "https://x/a%2Fb/_changes?include_docs=true&since=3-g1A%3D&limit=500&feed=longpoll&timeout=25000"
    );
    assert_eq!(server::reach(200), Reach::Ready);
    assert_eq!(server::reach(401), Reach::WrongCredentials);
    assert_eq!(server::reach(403), Reach::Forbidden);
    assert_eq!(server::reach(404), Reach::NoDatabase);
    assert_eq!(server::reach(502), Reach::Unexpected(502));
}

#[test]
fn bulk_docs_answers_are_read_per_document() {
    let a = "staff/01010101-0101-0101-0101-010101010101";
    let b = "staff/02020202-0202-0202-0202-020202020202";
    let c = "staff/03030303-0303-0303-0303-030303030303";
    let text = format!(
        r#"[{{"ok":true,"id":"{a}","rev":"2-x"}},{{"id":"{b}","error":"conflict","reason":"Document update conflict."}},{{"id":"{c}","error":"forbidden","reason":"read only"}}]"#
    );
    let answers = push::answers(&text).unwrap();
    assert_eq!(
        answers,
        vec![
            Answer::Saved {
                id: DocId::parse(a).unwrap(),
                rev: "2-x".into()
            },
            Answer::Conflict(DocId::parse(b).unwrap()),
            Answer::Refused {
                id: DocId::parse(c).unwrap(),
                error: "forbidden".into(),
                reason: "read only".into()
            },
        ]
    );
    assert!(push::answers(r#"{"error":"unauthorized"}"#).is_none());
}

// ---- a CouchDB stand-in, as its documentation describes it, for the devices below ----

/// Revision numbers, `_bulk_docs` refusing any write not made on the current `_rev`, and a
/// `_changes` feed listing each document once, at its latest change.
#[derive(Default)]
struct Couch {
    docs: BTreeMap<String, (u32, serde_json::Value)>,
    /// The document changed at each sequence number (1-based).
    log: Vec<String>,
}

impl Couch {
    fn with_rev(&self, id: &str) -> String {
        let (n, body) = &self.docs[id];
        let mut body = body.clone();
        body["_rev"] = format!("{n}-r").into();
        body.to_string()
    }

    fn bulk(&mut self, docs: &[Outgoing]) -> String {
        let mut out = Vec::new();
        for d in docs {
            let mut body: serde_json::Value = serde_json::from_str(&d.json).unwrap();
            let id = body["_id"].as_str().unwrap().to_string();
            let rev = body.as_object_mut().unwrap().remove("_rev");
            let current = self.docs.get(&id).map(|(n, _)| format!("{n}-r"));
            if current.as_deref() != rev.as_ref().and_then(|r| r.as_str()) {
                out.push(serde_json::json!({"id": id, "error": "conflict", "reason": "Document update conflict."}));
                continue;
            }
            let n = self.docs.get(&id).map_or(1, |(n, _)| n + 1);
            self.docs.insert(id.clone(), (n, body));
            self.log.push(id.clone());
            out.push(serde_json::json!({"ok": true, "id": id, "rev": format!("{n}-r")}));
        }
        serde_json::Value::Array(out).to_string()
    }

    fn changes(&self, since: usize, limit: usize) -> String {
        let latest: FxHashMap<&String, usize> = self
            .log
            .iter()
            .enumerate()
            .map(|(i, id)| (id, i + 1))
            .collect();
        let rows: Vec<(usize, &String)> = self
            .log
            .iter()
            .enumerate()
            .map(|(i, id)| (i + 1, id))
            .filter(|(seq, id)| *seq > since && latest[id] == *seq)
            .take(limit)
            .collect();
        let last = rows.last().map_or(since, |(s, _)| *s);
        let results: Vec<String> = rows
            .iter()
            .map(|(seq, id)| {
                format!(
                    r#"{{"seq":{seq},"id":"{id}","changes":[],"doc":{}}}"#,
                    self.with_rev(id)
                )
            })
            .collect();
        format!(r#"{{"results":[{}],"last_seq":{last}}}"#, results.join(","))
    }

    fn all_docs(&self, ids: &[DocId]) -> String {
        let rows: Vec<String> = ids
            .iter()
            .map(|id| {
                let id = id.to_string();
                match self.docs.get(&id) {
                    Some(_) => format!(
                        r#"{{"id":"{id}","key":"{id}","doc":{}}}"#,
                        self.with_rev(&id)
                    ),
                    None => format!(r#"{{"key":"{id}","error":"not_found"}}"#),
                }
            })
            .collect();
        format!(r#"{{"rows":[{}]}}"#, rows.join(","))
    }
}

/// A device as the app runs it: saves stamp and fill the outbox, sync pulls then pushes.
struct Device {
    name: String,
    data: Data,
    replica: Replica,
    conflicts: Vec<Conflict>,
}

impl Device {
    fn new(name: &str) -> Device {
        Device {
            name: name.into(),
            data: Data::default(),
            replica: Replica::new(),
            conflicts: Vec::new(),
        }
    }

    fn store(&mut self, step: Step) {
        merge::apply(&mut self.data, &step.changes);
        self.conflicts.extend(step.conflicts.iter().cloned());
        self.replica.apply(&step);
    }

    fn save(&mut self, mut changes: Data, deletes: &[(Collection, Id)], now: Time) {
        tombstone::stamp(&mut changes, deletes, &self.data, now, &self.name);
        let put = self.replica.saved(&changes, &self.data);
        merge::apply(&mut self.data, &changes);
        self.replica.apply(&Step {
            outbox_put: put,
            ..Step::default()
        });
    }

    fn edit(&mut self, n: u8, name: &str, now: Time) {
        let id = Id::from_bytes([n; 16]);
        let previous = self.data.staff.iter().find(|s| s.id == id);
        let mut s = previous.cloned().unwrap_or_else(|| staff(n, name, 0));
        s.name = name.into();
        s.updated_at = previous.map_or(now, |p| crate::domain::edit::edited_at(p.updated_at, now));
        self.save(
            Data {
                staff: vec![s],
                ..Data::default()
            },
            &[],
            now,
        );
    }

    fn delete(&mut self, n: u8, now: Time) {
        let id = Id::from_bytes([n; 16]);
        if self.data.staff.iter().any(|s| s.id == id) {
            self.save(Data::default(), &[(Collection::Staff, id)], now);
        }
    }

    fn sync(&mut self, couch: &mut Couch, now: Time) {
        loop {
            let since: usize = doc::since_param(&self.replica.since).parse().unwrap();
            let page = doc::changes(&couch.changes(since, 3)).unwrap();
            let full = page.rows == 3;
            let step = self.replica.fold(
                &self.data,
                page.pulled,
                Some(page.last_seq),
                &self.name,
                now,
            );
            self.store(step);
            if !full {
                break;
            }
        }
        for _ in 0..10 {
            let (sent, gone) = self.replica.next_push(&self.data, &self.name, 2);
            self.replica.apply(&Step {
                outbox_remove: gone,
                ..Step::default()
            });
            if sent.is_empty() {
                return;
            }
            let answers = push::answers(&couch.bulk(&sent)).unwrap();
            let pushed = self.replica.pushed(&self.data, &sent, answers);
            assert_eq!(pushed.refused, None);
            self.store(pushed.step);
            if !pushed.conflicted.is_empty() {
                let pulled = doc::all_docs(&couch.all_docs(&pushed.conflicted)).unwrap();
                let step = self.replica.fold(&self.data, pulled, None, &self.name, now);
                self.store(step);
            }
        }
        panic!("the outbox did not drain");
    }
}

fn sorted(d: &Data) -> Data {
    let mut d = d.clone();
    crate::domain::sort::by_key(&mut d.staff, |s| s.id);
    crate::domain::sort::by_key(&mut d.tombstones, |t| t.id);
    d
}

#[test]
fn an_edit_travels_and_both_sides_changing_one_record_lists_a_conflict() {
    let mut couch = Couch::default();
    let (mut a, mut b) = (Device::new("a"), Device::new("b"));
    a.edit(1, "Li", time(1));
    a.sync(&mut couch, time(2));
    b.sync(&mut couch, time(3));
    assert_eq!(b.data.staff[0].name, "Li");
    assert!(a.replica.outbox.is_empty() && b.replica.outbox.is_empty());

    // Apart: both rename the same person; b's is later and wins.
    a.edit(1, "Li Na", time(10));
    b.edit(1, "Li Hua", time(11));
    a.sync(&mut couch, time(12));
    b.sync(&mut couch, time(13));
    a.sync(&mut couch, time(14));
    assert_eq!(sorted(&a.data), sorted(&b.data));
    assert_eq!(a.data.staff[0].name, "Li Hua");
    assert_eq!(b.conflicts.len(), 1, "b met a's change on pushing its own");
    let c = &b.conflicts[0];
    assert_eq!((c.kept.device.as_str(), c.lost.device.as_str()), ("b", "a"));
    let diff = c.differences();
    assert_eq!(diff.len(), 1);
    assert_eq!(diff[0].field, "name");
    assert_eq!(
        (diff[0].kept.as_deref(), diff[0].lost.as_deref()),
        (Some("Li Hua"), Some("Li Na"))
    );
    assert!(
        a.conflicts.is_empty(),
        "a's edit was older: it simply takes b's"
    );

    // Bringing the loser back is an edit made now, which then wins everywhere.
    let Restore::Save(back) = c.restore(time(20)) else {
        panic!("a record")
    };
    assert_eq!(back.staff[0].name, "Li Na");
    assert!(back.staff[0].updated_at > a.data.staff[0].updated_at);
    b.save(*back, &[], time(20));
    b.sync(&mut couch, time(21));
    a.sync(&mut couch, time(22));
    assert_eq!(a.data.staff[0].name, "Li Na");
    assert_eq!(sorted(&a.data), sorted(&b.data));
}

#[test]
fn an_edit_of_a_record_pulled_before_is_no_conflict_even_with_its_rev_forgotten() {
    let mut couch = Couch::default();
    let (mut a, mut b) = (Device::new("a"), Device::new("b"));
    a.edit(1, "Li", time(1));
    a.sync(&mut couch, time(2));
    b.sync(&mut couch, time(3));
    // A reload forgets the revisions; the edit then meets the server's copy on its push.
    b.replica.revs.clear();
    b.edit(1, "Li Na", time(4));
    b.sync(&mut couch, time(5));
    a.sync(&mut couch, time(6));
    assert_eq!(a.data.staff[0].name, "Li Na");
    assert!(a.conflicts.is_empty() && b.conflicts.is_empty());
}

#[test]
fn a_delete_stays_deleted_everywhere_and_an_edit_it_overrode_is_listed() {
    let mut couch = Couch::default();
    let (mut a, mut b) = (Device::new("a"), Device::new("b"));
    a.edit(1, "Li", time(1));
    a.sync(&mut couch, time(2));
    b.sync(&mut couch, time(3));
    b.edit(1, "Li Na", time(4));
    a.delete(1, time(5));
    a.sync(&mut couch, time(6));
    b.sync(&mut couch, time(7));
    a.sync(&mut couch, time(8));
    assert!(a.data.staff.is_empty() && b.data.staff.is_empty());
    assert_eq!(b.conflicts.len(), 1);
    assert_eq!(b.conflicts[0].kept.record, None, "the deletion was kept");
    let Restore::Save(back) = b.conflicts[0].restore(time(9)) else {
        panic!("the edit")
    };
    assert_eq!(back.staff[0].name, "Li Na");
    assert!(
        !b.data.tombstones[0].hides(back.staff[0].updated_at),
        "it outlives the deletion"
    );
    // An old copy of the record (a backup from before) does not bring it back.
    let old = Data {
        staff: vec![staff(1, "Li", 1)],
        ..Data::default()
    };
    let winners = merge::merge(&a.data, &old);
    assert!(winners.staff.is_empty());
}

#[test]
fn a_deletion_undone_by_a_later_edit_elsewhere_is_listed() {
    let mut couch = Couch::default();
    let (mut a, mut b) = (Device::new("a"), Device::new("b"));
    a.edit(1, "Li", time(1));
    a.sync(&mut couch, time(2));
    b.sync(&mut couch, time(3));
    a.delete(1, time(4));
    b.edit(1, "Li Na", time(5));
    b.sync(&mut couch, time(6));
    a.sync(&mut couch, time(7));
    b.sync(&mut couch, time(8));
    assert_eq!(a.data.staff[0].name, "Li Na");
    assert_eq!(sorted(&a.data), sorted(&b.data));
    assert_eq!(a.conflicts.len(), 1);
    assert_eq!(a.conflicts[0].lost.record, None, "a's deletion lost");
    assert_eq!(
        a.conflicts[0].restore(time(9)),
        Restore::Delete(Collection::Staff, Id::from_bytes([1; 16]))
    );
}

#[derive(Clone, Debug)]
enum Op {
    Edit(usize, u8, u8),
    Delete(usize, u8),
    Sync(usize),
    ForgetRevs(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..3usize, 1..5u8, 0..4u8).prop_map(|(d, n, v)| Op::Edit(d, n, v)),
        (0..3usize, 1..5u8).prop_map(|(d, n)| Op::Delete(d, n)),
        (0..3usize).prop_map(Op::Sync),
        (0..3usize).prop_map(Op::ForgetRevs),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any interleaving of edits, deletions and syncs on three devices, the clocks of
    /// two of them wrong, ends with the same data everywhere once each has synced twice.
    #[test]
    fn three_devices_converge(ops in proptest::collection::vec(op(), 1..40), skew in (-30i64..30, -30i64..30)) {
        let mut couch = Couch::default();
        let mut devices = [Device::new("a"), Device::new("b"), Device::new("c")];
        let offsets = [0, skew.0, skew.1];
        for (step, o) in ops.iter().enumerate() {
            let at = |d: usize| time(100 + step as i64 + offsets[d]);
            match o {
                Op::Edit(d, n, v) => devices[*d].edit(*n, &format!("name {v}"), at(*d)),
                Op::Delete(d, n) => devices[*d].delete(*n, at(*d)),
                Op::Sync(d) => devices[*d].sync(&mut couch, at(*d)),
                Op::ForgetRevs(d) => devices[*d].replica.revs.clear(),
            }
        }
        for round in 0..2 {
            for (d, device) in devices.iter_mut().enumerate() {
                device.sync(&mut couch, time(1000 + round * 10 + d as i64));
            }
        }
        let first = sorted(&devices[0].data);
        for d in &devices[1..] {
            prop_assert_eq!(&sorted(&d.data), &first);
            prop_assert!(d.replica.outbox.is_empty());
        }
        // And what is shown is what the merge rule makes of every version ever written.
        let mut all = Data::default();
        for d in &devices {
            let w = merge::merge(&all, &d.data);
            merge::apply(&mut all, &w);
        }
        prop_assert_eq!(sorted(&all), first);
    }
}

#[test]
fn the_checkpoint_moves_only_when_its_page_is_stored() {
    let mut r = Replica::new();
    assert_eq!(r.since, "0");
    let s = staff(1, "Li", 5);
    let d = doc::text(
        DocId::record(Collection::Staff, s.id),
        Some("1-a"),
        s.updated_at,
        "b",
        &serde_json::to_string(&s).unwrap(),
    );
    let page = doc::changes(&format!(
        r#"{{"results":[{{"seq":4,"doc":{d}}},{{"seq":5,"doc":{{"_id":"junk"}}}}],"last_seq":5}}"#
    ))
    .unwrap();
    let step = r.fold(
        &Data::default(),
        page.pulled,
        Some(page.last_seq),
        "a",
        time(9),
    );
    // Computed, not yet stored: a crash here re-reads the same page next time.
    assert_eq!(r.since, "0");
    assert_eq!(step.changes.staff, vec![s.clone()]);
    assert_eq!(step.since.as_deref(), Some("5"));
    r.apply(&step);
    assert_eq!(r.since, "5");
    assert_eq!(
        r.revs
            .get(&DocId::record(Collection::Staff, s.id))
            .map(String::as_str),
        Some("1-a")
    );
    // The same page folded again (stored, then the tab closed before it knew) changes nothing.
    let again = doc::changes(&format!(
        r#"{{"results":[{{"seq":4,"doc":{d}}}],"last_seq":5}}"#
    ))
    .unwrap();
    let mut local = Data::default();
    merge::apply(&mut local, &step.changes);
    let twice = r.fold(&local, again.pulled, Some(again.last_seq), "a", time(10));
    assert_eq!(twice.changes, Data::default());
    assert!(twice.conflicts.is_empty() && twice.outbox_put.is_empty());
}

#[test]
fn a_version_here_that_beats_the_servers_and_waits_nowhere_is_pushed_again() {
    // A tie at the same millisecond on two devices: the greater JSON text wins everywhere,
    // so the device holding it must send it even though it changed nothing since.
    let mine = staff(1, "Zhang", 5);
    let theirs = staff(1, "Li", 5);
    let local = Data {
        staff: vec![mine.clone()],
        ..Data::default()
    };
    let d = doc::text(
        DocId::record(Collection::Staff, mine.id),
        Some("2-b"),
        theirs.updated_at,
        "b",
        &serde_json::to_string(&theirs).unwrap(),
    );
    let page = doc::changes(&format!(
        r#"{{"results":[{{"seq":1,"doc":{d}}}],"last_seq":1}}"#
    ))
    .unwrap();
    let step = Replica::new().fold(&local, page.pulled, Some(page.last_seq), "a", time(9));
    assert_eq!(merge::newer(&mine, &theirs), &mine);
    assert!(step.changes.staff.is_empty(), "ours is kept");
    assert_eq!(
        step.outbox_put,
        vec![(DocId::record(Collection::Staff, mine.id), Some(time(5)))]
    );
}
