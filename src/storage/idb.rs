//! A thin, promise-free wrapper over IndexedDB. Requests are all issued synchronously inside
//! one transaction and only the transaction's completion is awaited: awaiting between
//! requests could let the transaction auto-commit under us.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DomException, IdbDatabase, IdbKeyRange, IdbRequest, IdbTransaction, IdbTransactionMode,
};

/// Why a storage operation failed, as a code the UI translates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The disk or the origin's quota is full.
    Quota,
    /// Another tab holds an old version of the database open.
    Blocked,
    /// The transaction was aborted (by the browser or an error inside it).
    Aborted(String),
    /// IndexedDB is missing or refused (private mode in some browsers, disabled storage).
    Unavailable(String),
    /// Stored data could not be read back.
    Corrupt(String),
}

impl StoreError {
    pub(crate) fn from_js(err: JsValue) -> StoreError {
        match err.dyn_ref::<DomException>() {
            Some(e) if e.name() == "QuotaExceededError" => StoreError::Quota,
            Some(e) if e.name() == "AbortError" => StoreError::Aborted(e.message()),
            Some(e) => StoreError::Aborted(format!("{}: {}", e.name(), e.message())),
            None => StoreError::Aborted(format!("{err:?}")),
        }
    }

    pub fn detail(&self) -> &str {
        match self {
            StoreError::Quota | StoreError::Blocked => "",
            StoreError::Aborted(d) | StoreError::Unavailable(d) | StoreError::Corrupt(d) => d,
        }
    }
}

/// Event handlers set on a request or transaction for one wait, unset and freed when the wait
/// ends, also when it is abandoned. `Closure::once_into_js` would leak each handler that never
/// runs (the error handler of every request that succeeds) with what it holds: the request and
/// its result, every stored record's text at each load (129 MB of JS heap instead of 2 at
/// 100,000 responses).
struct Handlers {
    target: web_sys::EventTarget,
    events: &'static [&'static str],
    closures: Vec<Closure<dyn FnMut()>>,
}

impl Handlers {
    /// A promise that resolves (with nothing) on the first of `events` and rejects on the
    /// others; the result or error is read from the target afterwards.
    fn wait(target: &web_sys::EventTarget, events: &'static [&'static str]) -> (Handlers, Promise) {
        let mut closures = Vec::new();
        let promise = Promise::new(&mut |resolve, reject| {
            for (i, event) in events.iter().enumerate() {
                let settle = if i == 0 {
                    resolve.clone()
                } else {
                    reject.clone()
                };
                let f = Closure::<dyn FnMut()>::new(move || {
                    let _ = settle.call0(&JsValue::NULL);
                });
                let _ = target.add_event_listener_with_callback(event, f.as_ref().unchecked_ref());
                closures.push(f);
            }
        });
        let h = Handlers {
            target: target.clone(),
            events,
            closures,
        };
        (h, promise)
    }
}

impl Drop for Handlers {
    fn drop(&mut self) {
        for (event, f) in self.events.iter().zip(&self.closures) {
            let _ = self
                .target
                .remove_event_listener_with_callback(event, f.as_ref().unchecked_ref());
        }
    }
}

/// Resolves with the request's result, rejects with its error.
pub(crate) async fn request(req: &IdbRequest) -> Result<JsValue, StoreError> {
    let (handlers, promise) = Handlers::wait(req, &["success", "error"]);
    let settled = JsFuture::from(promise).await;
    drop(handlers);
    match settled {
        Ok(_) => req.result().map_err(StoreError::from_js),
        Err(_) => Err(StoreError::from_js(
            req.error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::NULL),
        )),
    }
}

/// Resolves when the transaction commits; rejects with the first error if it aborts.
pub(crate) async fn committed(tx: &IdbTransaction) -> Result<(), StoreError> {
    let (handlers, promise) = Handlers::wait(tx, &["complete", "abort", "error"]);
    let settled = JsFuture::from(promise).await;
    drop(handlers);
    match (settled, tx.error()) {
        (Ok(_), _) => Ok(()),
        // No error on abort means the browser aborted it (e.g. quota in some engines).
        (Err(_), None) => Err(StoreError::Aborted(String::new())),
        (Err(_), Some(e)) => Err(StoreError::from_js(e.into())),
    }
}

pub(crate) fn transaction(
    db: &IdbDatabase,
    stores: &[&str],
    mode: IdbTransactionMode,
) -> Result<IdbTransaction, StoreError> {
    let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
    db.transaction_with_str_sequence_and_mode(&names, mode)
        .map_err(StoreError::from_js)
}

/// All keys and values of a store whose values are strings, read in one transaction.
pub(crate) async fn read_all(
    db: &IdbDatabase,
    store: &str,
) -> Result<Vec<(String, String)>, StoreError> {
    read_range(db, store, None).await
}

/// The keys and values of a store within `range` (all of them without one).
pub(crate) async fn read_range(
    db: &IdbDatabase,
    store: &str,
    range: Option<&IdbKeyRange>,
) -> Result<Vec<(String, String)>, StoreError> {
    read_range_as(db, store, range, |v| v.as_string()).await
}

/// All keys and values of a store whose values are UTF-8 bytes, or text as stored before.
pub(crate) async fn read_all_bytes(
    db: &IdbDatabase,
    store: &str,
) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
    read_range_as(db, store, None, |v| {
        match v.dyn_into::<js_sys::Uint8Array>() {
            Ok(bytes) => Some(bytes.to_vec()),
            Err(v) => v.as_string().map(String::into_bytes),
        }
    })
    .await
}

async fn read_range_as<T>(
    db: &IdbDatabase,
    store: &str,
    range: Option<&IdbKeyRange>,
    value: impl Fn(JsValue) -> Option<T>,
) -> Result<Vec<(String, T)>, StoreError> {
    let tx = transaction(db, &[store], IdbTransactionMode::Readonly)?;
    let os = tx.object_store(store).map_err(StoreError::from_js)?;
    let (keys_req, vals_req) = match range {
        Some(r) => (os.get_all_keys_with_key(r), os.get_all_with_key(r)),
        None => (os.get_all_keys(), os.get_all()),
    };
    let keys_req = keys_req.map_err(StoreError::from_js)?;
    let vals_req = vals_req.map_err(StoreError::from_js)?;
    let keys: Array = request(&keys_req).await?.unchecked_into();
    let vals: Array = request(&vals_req).await?.unchecked_into();
    let mut out = Vec::with_capacity(keys.length() as usize);
    for (k, v) in keys.iter().zip(vals.iter()) {
        match (k.as_string(), value(v)) {
            (Some(k), Some(v)) => out.push((k, v)),
            _ => return Err(StoreError::Corrupt(format!("{store}: a non-text entry"))),
        }
    }
    Ok(out)
}
