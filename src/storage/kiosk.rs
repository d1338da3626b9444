//! The kiosk's settings on this device (localStorage): the PIN hash, timeouts, the shift,
//! and the count of wrong PIN attempts, which survives a reload so waiting cannot be skipped.

use crate::domain::model::Id;
use crate::domain::pin::PinHash;
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

const KEY: &str = "serviceflow.kiosk";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct KioskSettings {
    pub pin: Option<PinHash>,
    pub idle_seconds: u32,
    pub keep_partial: bool,
    pub staff_on_duty: Option<Id>,
    /// Each customer is first asked for the visit code on their receipt (it can be skipped),
    /// so an instant rating can be joined with the follow-up days later.
    pub ask_visit_code: bool,
    pub failures: u32,
    /// Epoch milliseconds before which no PIN attempt is taken.
    pub locked_until: f64,
}

impl Default for KioskSettings {
    fn default() -> Self {
        KioskSettings {
            pin: None,
            idle_seconds: 60,
            keep_partial: false,
            staff_on_duty: None,
            ask_visit_code: false,
            failures: 0,
            locked_until: 0.0,
        }
    }
}

pub fn load() -> KioskSettings {
    LocalStorage::get(KEY).unwrap_or_default()
}

/// Saved, or the browser refused (storage full or disabled): the caller shows that.
pub fn save(s: &KioskSettings) -> Result<(), String> {
    LocalStorage::set(KEY, s).map_err(|e| e.to_string())
}

/// Changes some fields of what is stored now, so that a form opened earlier cannot put back
/// an old PIN or an old count of wrong attempts.
pub fn update(change: impl FnOnce(&mut KioskSettings)) -> Result<(), String> {
    let mut s = load();
    change(&mut s);
    save(&s)
}

/// The survey this device is locked to, kept apart from the settings so that a settings form
/// saved from a stale copy can never unlock the kiosk.
const LOCK: &str = "serviceflow.kiosk.lock";

pub fn lock_key() -> &'static str {
    LOCK
}

pub fn locked() -> Option<String> {
    LocalStorage::get(LOCK).ok()
}

/// Locking must be stored before the tablet is handed over: an unstored lock is no lock.
pub fn set_locked(survey: Option<&str>) -> Result<(), String> {
    match survey {
        Some(id) => LocalStorage::set(LOCK, id).map_err(|e| e.to_string()),
        None => {
            LocalStorage::delete(LOCK);
            Ok(())
        }
    }
}
