//! Browser storage behind one small interface: records in IndexedDB (`store`), small
//! settings in localStorage (`settings`).

mod idb;
pub mod kiosk;
pub mod settings;
pub mod store;

pub use idb::StoreError;
pub use store::{open, Store};
