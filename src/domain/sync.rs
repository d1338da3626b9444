//! Sync with the business's own CouchDB server (see docs/ARCHITECTURE.md, "Sync"): one
//! document per record and per tombstone, pulled from `_changes` and folded in with the
//! merge rule, pushed to `_bulk_docs` from an outbox. Everything here is pure: the HTTP
//! calls, IndexedDB and the clock are the caller's, so the same steps run in the browser
//! and in the native property test of three devices converging.

pub mod conflict;
pub mod doc;
pub mod fold;
pub mod push;
pub mod replica;
pub mod server;
// Native only: the property test needs proptest, a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use conflict::Conflict;
pub use doc::{DocId, Pulled};
pub use fold::{fold, Outbox};
pub use replica::{Pushed, Replica, Step};
