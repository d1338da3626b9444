//! Built-in content (templates, instruments, demo data) is written once in Chinese and
//! English as static pairs, then turned into records.

use super::model::LocalText;

/// A static Chinese / English pair: `Bi(zh, en)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bi(pub &'static str, pub &'static str);

impl Bi {
    pub fn local(self) -> LocalText {
        LocalText::new(self.0, self.1)
    }

    /// For record fields that hold one plain `String` (inputs, notes, feedback text…):
    /// both languages, so the content reads in either UI language.
    pub fn joined(self) -> String {
        format!("{} / {}", self.0, self.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_keeps_both_languages_in_order() {
        assert_eq!(Bi("菜单", "Menu").joined(), "菜单 / Menu");
        assert_eq!(Bi("菜单", "Menu").local(), LocalText::new("菜单", "Menu"));
    }
}
