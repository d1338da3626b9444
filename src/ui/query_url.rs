//! A page's view (period and filters) kept in the URL fragment after `?`, so a link or a
//! reload shows the same view: read on arrival, rewritten in place as it changes, followed
//! when a link changes only the fragment.

use crate::domain::dashboard::Query;
use crate::route::Section;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

const URL_DELAY: std::time::Duration = std::time::Duration::from_millis(150);

fn read(default: Query) -> Query {
    let hash = window().location().hash().unwrap_or_default();
    match hash.split_once('?') {
        Some((_, q)) => Query::parse_or(q, default),
        None => default,
    }
}

/// The page's query signal, bound to the address of `section`.
pub fn bind(section: Section, default: Query) -> RwSignal<Query> {
    let query = RwSignal::new(read(default));
    // In place, without a history entry: Back leaves the page, not the last filter. A moment
    // after the change, so the page is redrawn first: Chromium's same-document navigation
    // forces a layout and re-reads the favicon, ~10 ms a change on a tablet. The pending
    // rewrite is dropped when the page goes, or it would overwrite the next page's address.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let href = format!("#/{}?{}", section.slug(), query.get().to_query());
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let rewrite = move || {
            // Only while the address is still this page's: a rewrite that fired after a
            // link led elsewhere would put this page's address on the next page's entry.
            let here = window().location().hash().unwrap_or_default();
            if here.split('?').next() != href.split('?').next() {
                return;
            }
            if let Ok(h) = window().history() {
                let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&href));
            }
        };
        pending.set_value(set_timeout_with_handle(rewrite, URL_DELAY).ok());
    });
    on_cleanup(move || {
        if let Some(h) = pending.try_get_value().flatten() {
            h.clear();
        }
    });
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let q = read(default);
        if query.get_untracked() != q {
            query.set(q);
        }
    });
    on_cleanup(move || listener.remove());
    query
}
