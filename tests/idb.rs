//! The IndexedDB store in real headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]
// A test binary: its sorts are not in the app (clippy.toml).
#![allow(clippy::disallowed_methods)]

use chrono::DateTime;
use serviceflow::domain::model::*;
use serviceflow::domain::tombstone::Tombstone;
use serviceflow::domain::{merge, Collection, Data};
use serviceflow::storage::{self, store::SEGMENT};
use std::collections::BTreeMap;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn t(s: i64) -> Time {
    DateTime::from_timestamp(1_700_000_000 + s, 0).unwrap()
}

fn role(n: u128, name: &str) -> Role {
    Role {
        id: Id::from_u128(n),
        created_at: t(0),
        updated_at: t(n as i64),
        name: LocalText::new(name, name),
    }
}

fn response(n: u128) -> Response {
    Response {
        location_id: None,
        id: Id::from_u128(1_000_000 + n),
        created_at: t(0),
        updated_at: t(0),
        survey_version_id: Id::from_u128(7),
        submitted_at: t(n as i64),
        device_id: "tablet-1".into(),
        staff_id: None,
        process_id: None,
        visit_code: String::new(),
        answers: BTreeMap::from([(Id::from_u128(8), Answer::Score((n % 5) as u8 + 1))]),
        follow_ups: BTreeMap::new(),
    }
}

fn sorted(mut d: Data) -> Data {
    d.roles.sort_by_key(|r| r.id);
    d.responses.sort_by_key(|r| r.id);
    d
}

#[wasm_bindgen_test]
async fn writes_only_changes_and_reads_them_back() {
    let store = storage::open().await.expect("open");
    store.replace(&Data::default()).await.unwrap();
    let first = Data {
        roles: vec![role(1, "前台"), role(2, "服务员")],
        responses: (0..10).map(response).collect(),
        ..Data::default()
    };
    store.write(&first, &[], &first).await.unwrap();
    assert_eq!(sorted(store.load().await.unwrap()), sorted(first.clone()));

    // Change one role, delete one response: the rest stays as it was, and the deletion's
    // tombstone is stored with it.
    let changed = Data {
        roles: vec![role(2, "收银")],
        tombstones: vec![Tombstone {
            collection: Collection::Responses,
            id: response(3).id,
            deleted_at: t(100),
            device_id: "tablet-1".into(),
        }],
        ..Data::default()
    };
    let mut after = first.clone();
    let deletes = merge::apply(&mut after, &changed);
    assert_eq!(deletes, [(Collection::Responses, response(3).id)]);
    store.write(&changed, &deletes, &after).await.unwrap();
    let loaded = sorted(store.load().await.unwrap());
    assert_eq!(loaded, sorted(after.clone()));
    assert_eq!(loaded.responses.len(), 9);
    assert_eq!(loaded.roles[1].name.zh, "收银");
    assert_eq!(loaded.tombstones, changed.tombstones);

    // An older version written after the deletion (another tab's) stays deleted on load.
    store
        .write(
            &Data {
                responses: vec![response(3)],
                ..Data::default()
            },
            &[],
            &after,
        )
        .await
        .unwrap();
    assert_eq!(store.load().await.unwrap().responses.len(), 9);
}

#[wasm_bindgen_test]
async fn many_responses_fold_into_segments_and_load_whole() {
    let store = storage::open().await.expect("open");
    store.replace(&Data::default()).await.unwrap();
    let n = SEGMENT as u128 * 2 + 17;
    let all = Data {
        responses: (0..n).map(response).collect(),
        ..Data::default()
    };
    store.write(&all, &[], &all).await.unwrap();
    // One more after the fold is a single loose entry on top of the segments.
    let extra = Data {
        responses: vec![response(n)],
        ..Data::default()
    };
    let mut after = all.clone();
    after.responses.push(response(n));
    store.write(&extra, &[], &after).await.unwrap();
    let loaded = store.load().await.unwrap();
    assert_eq!(loaded.responses.len(), n as usize + 1);
    assert_eq!(sorted(loaded), sorted(after));
}

// Rewrites every segment as text, as stored before segments were bytes; resolves to how many
// segments were bytes.
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
export function segments_to_text() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('serviceflow');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('segments', 'readwrite');
      const os = tx.objectStore('segments');
      const keys = os.getAllKeys();
      const vals = os.getAll();
      let bytes = 0;
      vals.onsuccess = () => vals.result.forEach((v, i) => {
        if (v instanceof Uint8Array) bytes += 1;
        os.put(new TextDecoder().decode(v), keys.result[i]);
      });
      tx.oncomplete = () => { open.result.close(); resolve(bytes); };
      tx.onerror = () => reject(tx.error);
    };
  });
}"#)]
extern "C" {
    fn segments_to_text() -> js_sys::Promise;
}

#[wasm_bindgen_test]
async fn segments_are_bytes_and_text_from_before_still_loads() {
    let store = storage::open().await.expect("open");
    store.replace(&Data::default()).await.unwrap();
    let all = Data {
        responses: (0..SEGMENT as u128 * 2 + 3).map(response).collect(),
        ..Data::default()
    };
    store.write(&all, &[], &all).await.unwrap();
    let bytes = wasm_bindgen_futures::JsFuture::from(segments_to_text())
        .await
        .unwrap();
    assert_eq!(bytes.as_f64(), Some(3.0));
    let reopened = storage::open().await.expect("open");
    assert_eq!(sorted(reopened.load().await.unwrap()), sorted(all));
}

#[wasm_bindgen_test]
async fn replace_is_whole_and_snapshots_keep_the_newest_three() {
    let store = storage::open().await.expect("open");
    store
        .replace(&Data {
            roles: vec![role(1, "a")],
            ..Data::default()
        })
        .await
        .unwrap();
    // The file's deletions replace the device's too.
    let next = Data {
        roles: vec![role(9, "z")],
        tombstones: vec![Tombstone {
            collection: Collection::Roles,
            id: role(1, "a").id,
            deleted_at: t(50),
            device_id: "tablet-2".into(),
        }],
        ..Data::default()
    };
    store.replace(&next).await.unwrap();
    assert_eq!(store.load().await.unwrap(), next);
    for k in [
        "2026-01-01T00:00:00Z",
        "2026-01-02T00:00:00Z",
        "2026-01-03T00:00:00Z",
        "2026-01-04T00:00:00Z",
    ] {
        store
            .save_snapshot(k, &format!("{{\"k\":\"{k}\"}}"))
            .await
            .unwrap();
    }
    let keys = store.snapshot_keys().await.unwrap();
    assert_eq!(
        keys,
        vec![
            "2026-01-02T00:00:00Z",
            "2026-01-03T00:00:00Z",
            "2026-01-04T00:00:00Z"
        ]
    );
    let json = store
        .read_snapshot("2026-01-04T00:00:00Z")
        .await
        .unwrap()
        .unwrap();
    assert!(json.contains("2026-01-04"));
}

#[wasm_bindgen_test]
async fn big_batches_are_appended_as_segments_and_the_latest_copy_wins() {
    let store = storage::open().await.expect("open");
    store.replace(&Data::default()).await.unwrap();
    let page = |from: u128, n: u128| -> Vec<Response> { (from..from + n).map(response).collect() };
    // Three pages of a first sync, the third carrying a newer version of one record of the first.
    let mut after = Data::default();
    for batch in [
        page(0, SEGMENT as u128),
        page(SEGMENT as u128, SEGMENT as u128 + 5),
    ] {
        let changes = Data {
            responses: batch,
            ..Data::default()
        };
        merge::apply(&mut after, &changes);
        store.write(&changes, &[], &after).await.unwrap();
    }
    let mut third = page(3 * SEGMENT as u128, SEGMENT as u128 - 1);
    let mut newer = response(7);
    newer.updated_at = t(500);
    third.push(newer.clone());
    let changes = Data {
        responses: third,
        ..Data::default()
    };
    merge::apply(&mut after, &changes);
    store.write(&changes, &[], &after).await.unwrap();
    let loaded = store.load().await.unwrap();
    assert_eq!(
        loaded.responses.len(),
        after.responses.len(),
        "no record twice"
    );
    assert_eq!(sorted(loaded.clone()), sorted(after.clone()));
    assert!(loaded.responses.contains(&newer));

    // A deletion is a loose mark; the next big batch then rewrites, and the mark holds.
    let gone = response(3).id;
    let stone = Data {
        tombstones: vec![Tombstone {
            collection: Collection::Responses,
            id: gone,
            deleted_at: t(600),
            device_id: "tablet-1".into(),
        }],
        ..Data::default()
    };
    let deletes = merge::apply(&mut after, &stone);
    store.write(&stone, &deletes, &after).await.unwrap();
    let changes = Data {
        responses: page(10 * SEGMENT as u128, SEGMENT as u128),
        ..Data::default()
    };
    merge::apply(&mut after, &changes);
    store.write(&changes, &[], &after).await.unwrap();
    let loaded = store.load().await.unwrap();
    assert!(!loaded.responses.iter().any(|r| r.id == gone));
    assert_eq!(sorted(loaded), sorted(after.clone()));

    // After a reload of the store's counts, appending continues after the last segment.
    let reopened = storage::open().await.expect("open");
    reopened.load().await.unwrap();
    let changes = Data {
        responses: page(20 * SEGMENT as u128, SEGMENT as u128),
        ..Data::default()
    };
    merge::apply(&mut after, &changes);
    reopened.write(&changes, &[], &after).await.unwrap();
    assert_eq!(sorted(reopened.load().await.unwrap()), sorted(after));
}

#[wasm_bindgen_test]
async fn sync_state_is_written_with_the_records_and_read_back() {
    use serviceflow::domain::sync::DocId;
    use serviceflow::storage::SyncWrite;
    let store = storage::open().await.expect("open");
    store.replace(&Data::default()).await.unwrap();
    let changes = Data {
        roles: vec![role(1, "前台")],
        ..Data::default()
    };
    let id = DocId::record(Collection::Roles, role(1, "x").id);
    let put = [(id, Some(t(1)))];
    let revs = [(id, "3-9f2c".to_string())];
    let w = SyncWrite {
        outbox_put: &put,
        checkpoint: Some(("https://couch shop", "\"12-abc\"")),
        revs: &revs,
        ..SyncWrite::default()
    };
    store
        .stage(&changes, &[], &changes, Some(&w))
        .unwrap()
        .commit()
        .await
        .unwrap();
    assert_eq!(store.load().await.unwrap().roles, changes.roles);
    let outbox = store.outbox().await.unwrap();
    assert_eq!(outbox.get(&id), Some(&Some(t(1))));
    assert_eq!(
        store
            .checkpoint("https://couch shop")
            .await
            .unwrap()
            .as_deref(),
        Some("\"12-abc\"")
    );
    assert_eq!(store.checkpoint("https://other shop").await.unwrap(), None);
    let remove = [id];
    store
        .write_sync(&SyncWrite {
            outbox_remove: &remove,
            ..SyncWrite::default()
        })
        .await
        .unwrap();
    assert!(store.outbox().await.unwrap().is_empty());
    // The revisions seen outlive the page, and another server forgets them.
    let seen = store.revs().await.unwrap();
    assert_eq!(seen.get(&id).map(String::as_str), Some("3-9f2c"));
    assert_eq!(seen.len(), 1);
    let newer = [(id, "4-aa01".to_string())];
    store
        .write_sync(&SyncWrite {
            revs: &newer,
            ..SyncWrite::default()
        })
        .await
        .unwrap();
    assert_eq!(store.revs().await.unwrap()[&id], "4-aa01");
    assert_eq!(
        store.outbox().await.unwrap().len(),
        0,
        "a rev is no outbox entry"
    );
    store
        .write_sync(&SyncWrite {
            forget_revs: true,
            ..SyncWrite::default()
        })
        .await
        .unwrap();
    assert!(store.revs().await.unwrap().is_empty());
}
