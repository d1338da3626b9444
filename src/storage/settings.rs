//! Small settings in localStorage (gloo-storage): a few bytes each, read at start-up.

use crate::i18n::Lang;
use gloo_storage::{LocalStorage, Storage};

const LANG: &str = "serviceflow.lang";

pub fn load_lang() -> Option<Lang> {
    LocalStorage::get(LANG).ok()
}

pub fn save_lang(lang: Lang) {
    // A lost language choice costs one click; the UI already shows the new language.
    let _ = LocalStorage::set(LANG, lang);
}
