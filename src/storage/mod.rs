//! Browser storage behind one small interface: records in IndexedDB (`store`), small
//! settings in localStorage (`settings`); the kiosk page reads and adds one collection at a
//! time (`collection`).

mod collection;
pub mod couch;
mod idb;
pub mod kiosk;
mod outbox;
pub mod settings;
pub mod store;

pub use collection::Adding;
pub use idb::StoreError;
pub use outbox::SyncWrite;
pub use store::{open, Store};
