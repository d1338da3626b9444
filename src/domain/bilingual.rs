//! Built-in content (templates, instruments, demo data) is written once in Chinese and
//! English as static pairs, then turned into records.

use super::model::LocalText;
use crate::i18n::Lang;

/// A static Chinese / English pair: `Bi(zh, en)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bi(pub &'static str, pub &'static str);

impl Bi {
    pub fn local(self) -> LocalText {
        LocalText::new(self.0, self.1)
    }

    /// For record fields that hold one plain `String` (inputs, notes, feedback text…): a
    /// person writes those in one language, so built-in content is created in the
    /// language of whoever creates it, never as "中文 / English".
    pub fn written_in(self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.0,
            Lang::En => self.1,
        }
        .to_string()
    }
}

#[cfg(test)]
/// True when `text` holds a Chinese text and a Latin one side by side ("菜单 / Menu"): the
/// shape single-language fields must never have.
pub(crate) fn is_pair(text: &str) -> bool {
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    text.split(" / ").collect::<Vec<_>>().windows(2).any(|w| {
        let (left, right) = (w[0], w[1]);
        let latin = |s: &str| s.chars().any(|c| c.is_ascii_alphabetic());
        (left.chars().any(han) && latin(right) && !right.chars().any(han))
            || (latin(left) && !left.chars().any(han) && right.chars().any(han))
    })
}

/// Every text in `records` (as its backup file would hold it) that is such a pair.
#[cfg(test)]
pub(crate) fn pairs_in(records: &impl serde::Serialize) -> Vec<String> {
    fn walk(v: &serde_json::Value, found: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) if is_pair(s) => found.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, found)),
            serde_json::Value::Object(o) => o.values().for_each(|v| walk(v, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    walk(
        &serde_json::to_value(records).expect("records serialize"),
        &mut found,
    );
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_in_takes_one_language() {
        assert_eq!(Bi("菜单", "Menu").written_in(Lang::Zh), "菜单");
        assert_eq!(Bi("菜单", "Menu").written_in(Lang::En), "Menu");
        assert_eq!(Bi("菜单", "Menu").local(), LocalText::new("菜单", "Menu"));
    }

    #[test]
    fn a_pair_is_chinese_beside_latin() {
        assert!(is_pair("菜单 / Menu"));
        assert!(is_pair("Menu / 菜单"));
        assert!(!is_pair("菜单 / 酒水"));
        assert!(!is_pair("3 / 5"));
        assert!(!is_pair("Menu / drinks"));
        assert!(!is_pair("点菜单(Menu)"));
    }
}
