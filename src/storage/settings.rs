//! Small settings in localStorage (gloo-storage): a few bytes each, read at start-up.

use crate::domain::model::Id;
use crate::domain::sync::server::{self, Server, SettingsProblem};
use crate::i18n::Lang;
use gloo_storage::{LocalStorage, Storage};

const LANG: &str = "serviceflow.lang";
const DEVICE_ID: &str = "serviceflow.device_id";
const LAST_EXPORT: &str = "serviceflow.last_export";
const LOCATION: &str = "serviceflow.location";

pub fn load_lang() -> Option<Lang> {
    LocalStorage::get(LANG).ok()
}

pub fn save_lang(lang: Lang) {
    // A lost language choice costs one click; the UI already shows the new language.
    let _ = LocalStorage::set(LANG, lang);
}

/// This device's id, made once: backups and responses say which tablet they came from.
pub fn device_id(make: impl FnOnce() -> String) -> String {
    if let Ok(id) = LocalStorage::get::<String>(DEVICE_ID) {
        return id;
    }
    let id = make();
    let _ = LocalStorage::set(DEVICE_ID, &id);
    id
}

/// The location (门店) this device is at: stamped on what it records. A device setting, not
/// a record: two tablets of one workspace stand in different shops.
pub fn location() -> Option<Id> {
    LocalStorage::get(LOCATION).ok()
}

pub fn set_location(at: Option<Id>) -> Result<(), String> {
    match at {
        Some(id) => LocalStorage::set(LOCATION, id).map_err(|e| e.to_string()),
        None => {
            LocalStorage::delete(LOCATION);
            Ok(())
        }
    }
}

/// When a backup was last exported (RFC 3339), for the backup reminder.
pub fn last_export() -> Option<String> {
    LocalStorage::get(LAST_EXPORT).ok()
}

pub fn set_last_export(at: &str) {
    let _ = LocalStorage::set(LAST_EXPORT, at);
}

const SYNC: &str = "serviceflow.sync";

/// The manager's CouchDB settings. They stay on this device: the password is in no backup,
/// export or document.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct SyncSettings {
    pub url: String,
    pub db: String,
    pub user: String,
    pub password: String,
    pub on: bool,
}

impl SyncSettings {
    /// The server these settings name, if they pass `server::check`.
    pub fn server(&self) -> Result<Server, SettingsProblem> {
        server::check(&self.url, &self.db, &self.user, &self.password)
    }

    /// A server and database were set: changes are kept for it, on or off.
    pub fn configured(&self) -> bool {
        !self.url.is_empty() && !self.db.is_empty()
    }
}

pub fn sync() -> SyncSettings {
    LocalStorage::get(SYNC).unwrap_or_default()
}

/// Fails (with the browser's reason) when localStorage is full or refused.
pub fn save_sync(s: &SyncSettings) -> Result<(), String> {
    LocalStorage::set(SYNC, s).map_err(|e| e.to_string())
}
