//! The JSON path of the place where serde_json stopped reading a record, found by scanning the
//! record's text up to that place. Tracking the path during the parse (serde_path_to_error)
//! instantiated every record type's `Deserialize` a second time: 197 KB of wasm (66 KB
//! gzipped). A refusal is rare, so the scan runs only then.

enum Frame {
    /// An object and the key whose value is being read (none between a `,` and its `:`).
    Object(Option<String>),
    Array(usize),
}

/// Where `e`, an error reading `text` (valid JSON), happened, as `answers[2].value`; the
/// empty string for the record as a whole. `whole`: the error is about the object being read
/// (a missing field), not the last value read in it.
pub fn of_error(text: &str, e: &serde_json::Error, whole: bool) -> String {
    let start_of_line = match e.line() {
        0 | 1 => 0,
        n => text
            .match_indices('\n')
            .nth(n - 2)
            .map_or(text.len(), |(i, _)| i + 1),
    };
    path_at(text, (start_of_line + e.column()).min(text.len()), whole)
}

fn path_at(text: &str, at: usize, whole: bool) -> String {
    let bytes = &text.as_bytes()[..at];
    let mut stack: Vec<Frame> = Vec::new();
    let mut key: Option<String> = None;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let end = string_end(bytes, i);
                if let Some(Frame::Object(None)) = stack.last() {
                    key = text.get(i..end).and_then(|k| serde_json::from_str(k).ok());
                }
                i = end;
                continue;
            }
            b':' => {
                if let Some(Frame::Object(k)) = stack.last_mut() {
                    *k = key.take();
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object(k)) => *k = None,
                Some(Frame::Array(n)) => *n += 1,
                None => {}
            },
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            _ => {}
        }
        i += 1;
    }
    if whole {
        if let Some(Frame::Object(k)) = stack.last_mut() {
            *k = None;
        }
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(k)) if path.is_empty() => path.push_str(k),
            Frame::Object(Some(k)) => {
                path.push('.');
                path.push_str(k);
            }
            Frame::Object(None) => {}
            Frame::Array(n) => path.push_str(&format!("[{n}]")),
        }
    }
    path
}

/// The index just past the string starting at `start` (its opening quote), or the end.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[allow(dead_code)]
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        value: u8,
        note: Option<String>,
    }

    #[allow(dead_code)]
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Outer {
        name: String,
        items: Vec<Inner>,
        scores: BTreeMap<String, Inner>,
        at: chrono::DateTime<chrono::Utc>,
    }

    /// The path of the error reading `text` as `Outer`, by this scan and by serde_path_to_error's
    /// rule (the key of each value entered, the index of each item).
    fn path(text: &str) -> String {
        let e = serde_json::from_str::<Outer>(text).err().expect("refused");
        let kind = crate::domain::import::detail::from_serde(&e.to_string());
        of_error(
            text,
            &e,
            matches!(kind, super::super::ProblemKind::MissingField(_)),
        )
    }

    const GOOD_ITEMS: &str =
        r#"[{"value": 1, "note": "a \"quoted\" , [ { text"}, {"value": 2, "note": null}]"#;

    fn outer(name: &str, items: &str, scores: &str, at: &str) -> String {
        format!(r#"{{"name": {name}, "items": {items}, "scores": {scores}, "at": {at}}}"#)
    }

    #[test]
    fn a_bad_value_is_named_by_its_keys_and_indices() {
        let at = r#""2026-11-02T08:00:00Z""#;
        assert_eq!(path(&outer("42", GOOD_ITEMS, "{}", at)), "name");
        let items = r#"[{"value": 1, "note": "x"}, {"value": 300}]"#;
        assert_eq!(path(&outer(r#""n""#, items, "{}", at)), "items[1].value");
        let scores = r#"{"a b": {"value": 1}, "k\"ey": {"value": "x"}}"#;
        assert_eq!(
            path(&outer(r#""n""#, GOOD_ITEMS, scores, at)),
            "scores.k\"ey.value"
        );
        assert_eq!(
            path(&outer(r#""n""#, GOOD_ITEMS, "{}", r#""yesterday""#)),
            "at"
        );
        // A value that is an object or an array of the wrong kind.
        assert_eq!(path(&outer(r#""n""#, "{}", "{}", at)), "items");
        assert_eq!(path(&outer(r#""n""#, "[[1]]", "{}", at)), "items[0]");
    }

    #[test]
    fn a_missing_or_unknown_field_names_the_object() {
        let at = r#""2026-11-02T08:00:00Z""#;
        let items = r#"[{"value": 1}, {"note": "x"}]"#;
        assert_eq!(path(&outer(r#""n""#, items, "{}", at)), "items[1]");
        let items = r#"[{"value": 1, "colour": "red"}]"#;
        assert_eq!(path(&outer(r#""n""#, items, "{}", at)), "items[0]");
        assert_eq!(path(r#"{"name": "n"}"#), "");
    }

    #[test]
    fn lines_and_columns_of_a_pretty_printed_record_are_followed() {
        let text = "{\n  \"name\": \"n\",\n  \"items\": [\n    {\"value\": 1},\n    {\"value\": -1}\n  ],\n  \"scores\": {}, \"at\": \"2026-11-02T08:00:00Z\"\n}";
        assert_eq!(path(text), "items[1].value");
    }
}
