//! Two languages, 简体中文 and English. Every key is declared with both texts in one
//! macro row (`keys.rs`), so a key missing in either language does not compile.

mod format;
mod keys;

pub use format::{
    format_date, format_datetime, format_elapsed, format_minutes, format_number, format_percent,
};
pub use keys::Key;

/// The text of a record in `lang`, or in the other language when the business wrote only one.
pub fn pick(text: &crate::domain::model::LocalText, lang: Lang) -> &str {
    let (first, second) = match lang {
        Lang::Zh => (&text.zh, &text.en),
        Lang::En => (&text.en, &text.zh),
    };
    if first.trim().is_empty() {
        second
    } else {
        first
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[serde(rename = "zh")]
    Zh,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The BCP 47 tag written to `<html lang>` and kept in settings.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first of the browser's preferred languages that we speak; English otherwise.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_code)
            .unwrap_or(Lang::En)
    }

    /// The language's own name, shown on the switch so a reader finds their language.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_first_supported_language() {
        assert_eq!(Lang::negotiate(["fr-FR", "zh-TW", "en"]), Lang::Zh);
        assert_eq!(Lang::negotiate(["en-GB", "zh-CN"]), Lang::En);
        assert_eq!(Lang::negotiate(["de", "ja"]), Lang::En);
        assert_eq!(Lang::negotiate([]), Lang::En);
        assert_eq!(Lang::negotiate(["ZH_hans"]), Lang::Zh);
    }

    #[test]
    fn pick_falls_back_to_the_other_language() {
        let both = crate::domain::model::LocalText::new("前台", "Front desk");
        assert_eq!(pick(&both, Lang::Zh), "前台");
        assert_eq!(pick(&both, Lang::En), "Front desk");
        let zh_only = crate::domain::model::LocalText::new("前台", " ");
        assert_eq!(pick(&zh_only, Lang::En), "前台");
    }

    #[test]
    fn code_round_trips() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
    }
}
