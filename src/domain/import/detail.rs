//! Why a value could not be read, as a code the UI translates. Serde explains in English;
//! its common messages are recognised here so a Chinese refusal is Chinese throughout, and
//! only the rare rest keeps serde's words.

use super::ProblemKind;
use crate::domain::rfc3339;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypeDetail {
    ExpectedObject,
    ExpectedArray,
    ExpectedText,
    /// A date or time that is not RFC 3339 (`2026-11-02T08:00:00Z`, `2026-11-02`).
    ExpectedTime,
    /// An id that is not a UUID.
    ExpectedId,
    /// A value of another JSON type than the field takes: text where a number goes.
    InvalidType,
    /// The right JSON type, but not a value the field takes: a negative count, 300 in a byte.
    InvalidValue,
    /// A name that is not one of the field's choices.
    UnknownVariant(String),
    UnknownField(String),
    Other(String),
}

/// The text between the first pair of backticks: serde quotes names so.
fn quoted(msg: &str) -> String {
    msg.split('`').nth(1).unwrap_or_default().to_string()
}

/// What a record's deserialization error says, as a problem kind.
pub fn from_serde(msg: &str) -> ProblemKind {
    if msg.starts_with("missing field `") {
        return ProblemKind::MissingField(quoted(msg));
    }
    // chrono's parse errors, and a time or date that `rfc3339` could not read.
    const TIME: [&str; 7] = [
        "input contains invalid characters",
        "premature end of input",
        "input is out of range",
        "trailing input",
        "input is not enough for unique date and time",
        "no possible date and time matching input",
        "bad or unsupported format string",
    ];
    let detail = if TIME.iter().any(|t| msg.starts_with(t)) || msg.contains(rfc3339::EXPECTED_DATE)
    {
        TypeDetail::ExpectedTime
    } else if msg.starts_with("invalid type:") {
        TypeDetail::InvalidType
    } else if msg.starts_with("invalid value:") || msg.starts_with("invalid length ") {
        TypeDetail::InvalidValue
    } else if msg.starts_with("UUID parsing failed") {
        TypeDetail::ExpectedId
    } else if msg.starts_with("unknown variant `") {
        TypeDetail::UnknownVariant(quoted(msg))
    } else if msg.starts_with("unknown field `") {
        TypeDetail::UnknownField(quoted(msg))
    } else {
        TypeDetail::Other(msg.to_string())
    };
    ProblemKind::WrongType(detail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Answer, Feedback, Id, Time};
    use serde_json::json;

    fn kind_of<T: serde::de::DeserializeOwned + std::fmt::Debug>(
        v: serde_json::Value,
    ) -> ProblemKind {
        from_serde(&serde_json::from_value::<T>(v).unwrap_err().to_string())
    }

    #[test]
    fn serdes_common_messages_become_codes() {
        use TypeDetail::*;
        let wrong = ProblemKind::WrongType;
        assert_eq!(kind_of::<u8>(json!("x")), wrong(InvalidType));
        assert_eq!(kind_of::<u8>(json!(300)), wrong(InvalidValue));
        assert_eq!(kind_of::<Time>(json!("yesterday")), wrong(ExpectedTime));
        assert_eq!(
            kind_of::<chrono::NaiveDate>(json!("2026-13-01")),
            wrong(ExpectedTime)
        );
        assert_eq!(kind_of::<Id>(json!("not-a-uuid")), wrong(ExpectedId));
        assert_eq!(kind_of::<Id>(json!("12")), wrong(ExpectedId));
        assert_eq!(
            kind_of::<Answer>(json!({ "kind": "grade", "value": 1 })),
            wrong(UnknownVariant("grade".into()))
        );
        assert_eq!(
            kind_of::<crate::domain::tombstone::Tombstone>(json!({ "extra": 1 })),
            wrong(UnknownField("extra".into()))
        );
        assert_eq!(
            kind_of::<Feedback>(json!({})),
            ProblemKind::MissingField("id".into())
        );
        assert_eq!(
            from_serde("something else"),
            wrong(Other("something else".into()))
        );
    }
}
