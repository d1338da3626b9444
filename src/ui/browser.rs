//! The few browser services the features need, wrapped once: the clock and time zone,
//! downloads, files, and the storage manager.

use crate::domain::model::Time;
use crate::domain::period::{local_date, Period};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use js_sys::{Array, Promise, Reflect};
use std::ops::Range;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// "Now" for the domain core, which never reads a clock itself.
pub fn now() -> DateTime<Utc> {
    let ms = js_sys::Date::now() as i64;
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

/// The device's offset from UTC now, which the domain cuts days and months with.
pub fn utc_offset() -> FixedOffset {
    offset_of(&js_sys::Date::new_0())
}

/// The device's offset from UTC at `at`: a time from summer is shown in summer time.
pub fn utc_offset_at(at: DateTime<Utc>) -> FixedOffset {
    offset_of(&js_sys::Date::new(&JsValue::from_f64(
        at.timestamp_millis() as f64,
    )))
}

/// `utc_offset_at` remembered per quarter hour, for reading many instants: offsets change
/// only at whole quarter hours, and asking JavaScript for each of 100,000 answers is slow.
pub fn offset_cache() -> impl Fn(DateTime<Utc>) -> FixedOffset {
    let seen = std::cell::RefCell::new(rustc_hash::FxHashMap::default());
    move |at| {
        let slot = at.timestamp().div_euclid(900);
        *seen
            .borrow_mut()
            .entry(slot)
            .or_insert_with(|| utc_offset_at(at))
    }
}

fn offset_of(date: &js_sys::Date) -> FixedOffset {
    // JavaScript counts minutes behind UTC (Shanghai is −480); chrono counts seconds ahead.
    let east = -(date.get_timezone_offset() * 60.0) as i32;
    FixedOffset::east_opt(east).unwrap_or(FixedOffset::east_opt(0).expect("UTC exists"))
}

/// The instants of a local period, each end cut at the device's offset on its day.
pub fn bounds(period: Period) -> Range<Time> {
    period.bounds_in(utc_offset_at)
}

/// Today's date on the device.
pub fn today() -> NaiveDate {
    local_date(now(), utc_offset())
}

pub fn new_id() -> uuid::Uuid {
    uuid::Uuid::new_v4()
}

/// Hands `text` to the browser as a file download; nothing leaves the device. As its
/// UTF-8 bytes: a JS string of a big backup would be decoded only to be encoded again.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    download_bytes(file_name, text.as_bytes(), mime)
}

/// The same for binary files (a workbook).
pub fn download_bytes(file_name: &str, bytes: &[u8], mime: &str) -> Result<(), JsValue> {
    let parts = Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    // Revoke later: Safari starts the download asynchronously.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    web_sys::window()
        .ok_or("no window")?
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)?;
    Ok(())
}

/// Resolves in a later task, after the browser has had the chance to redraw and to handle
/// input: long work done in slices stays out of the person's way.
///
/// A message to itself, not `setTimeout(0)`: browsers hold a timer set from a timer's task
/// for at least 4 ms after five in a row, which was a tenth of a second per hundred slices
/// of an import.
pub async fn next_task() {
    let wait = Promise::new(&mut |resolve, _| match web_sys::MessageChannel::new() {
        Ok(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            let _ = channel.port2().post_message(&JsValue::UNDEFINED);
        }
        Err(_) => {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }
        }
    });
    let _ = JsFuture::from(wait).await;
}

pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, JsValue> {
    let buf = JsFuture::from(file.array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let nav = web_sys::window()?.navigator();
    // Missing on old browsers and insecure origins.
    Reflect::has(&nav, &"storage".into())
        .ok()?
        .then(|| nav.storage())
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StorageInfo {
    pub used: Option<f64>,
    pub quota: Option<f64>,
    pub persisted: Option<bool>,
}

async fn call(promise: Result<Promise, JsValue>) -> Option<JsValue> {
    JsFuture::from(promise.ok()?).await.ok()
}

pub async fn storage_info() -> StorageInfo {
    let Some(sm) = storage_manager() else {
        return StorageInfo::default();
    };
    let estimate = call(sm.estimate()).await;
    let field = |name: &str| {
        estimate
            .as_ref()
            .and_then(|e| Reflect::get(e, &name.into()).ok())
            .and_then(|v| v.as_f64())
    };
    StorageInfo {
        used: field("usage"),
        quota: field("quota"),
        persisted: call(sm.persisted()).await.and_then(|v| v.as_bool()),
    }
}

/// Asks the browser to keep our data (Safari otherwise clears it after 7 days unvisited).
pub async fn request_persistence() -> Option<bool> {
    call(storage_manager()?.persist())
        .await
        .and_then(|v| v.as_bool())
}
