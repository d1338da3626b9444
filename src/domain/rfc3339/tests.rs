use super::*;
use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};

/// Instants across the years chrono writes with four digits, with no fraction and with
/// fractions of each length chrono chooses (a small deterministic generator: no crate).
fn instants() -> Vec<Time> {
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let first = NaiveDate::from_ymd_opt(0, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc();
    let span = 10_000 * 365 * 86_400;
    (0..4_000)
        .map(|i| {
            let secs = (next() % span) as i64;
            let nano = match i % 4 {
                0 => 0,
                1 => (next() % 1_000) as u32 * 1_000_000,
                2 => (next() % 1_000_000) as u32 * 1_000,
                _ => (next() % 1_000_000_000) as u32,
            };
            first + TimeDelta::seconds(secs) + TimeDelta::nanoseconds(i64::from(nano))
        })
        .collect()
}

#[test]
fn writes_what_chrono_writes() {
    for t in instants() {
        assert_eq!(format(&t), t.to_rfc3339_opts(SecondsFormat::AutoSi, true));
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            serde_json::to_string(&format(&t)).unwrap()
        );
    }
}

#[test]
fn reads_back_what_it_writes_and_what_chrono_writes_with_an_offset() {
    for (i, t) in instants().into_iter().enumerate() {
        assert_eq!(parse(&format(&t)), Some(t));
        let east = [0, 8 * 3600, -5 * 3600 - 1800, 14 * 3600, -(12 * 3600)][i % 5];
        let there = t.with_timezone(&FixedOffset::east_opt(east).unwrap());
        for secs in [SecondsFormat::Secs, SecondsFormat::Nanos] {
            let text = there.to_rfc3339_opts(secs, false);
            let want = DateTime::parse_from_rfc3339(&text)
                .unwrap()
                .with_timezone(&Utc);
            assert_eq!(parse(&text), Some(want), "{text}");
        }
    }
}

#[test]
fn reads_the_forms_rfc_3339_allows_as_chrono_does() {
    for text in [
        "2026-11-02T08:00:00Z",
        "2026-11-02t08:00:00z",
        "2026-11-02 08:00:00Z",
        "2026-11-02T08:00:00.5Z",
        "2026-11-02T08:00:00.123456789123Z",
        "2026-11-02T16:00:00+08:00",
        "2026-11-02T16:00:00+0800",
        "2026-11-02T03:30:00-04:30",
        "2026-12-31T23:59:60Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999Z",
    ] {
        let chrono: Time = text.parse().unwrap();
        assert_eq!(parse(text), Some(chrono), "{text}");
    }
    let leap = parse("2026-12-31T23:59:60.250Z").unwrap();
    assert_eq!(format(&leap), "2026-12-31T23:59:60.250Z");
}

#[test]
fn refuses_what_is_not_a_date_and_time() {
    for text in [
        "",
        "2026-11-02",
        "2026-11-02T08:00Z",
        "2026-11-02T08:00:00",
        "2026-11-02T08:00:00Zjunk",
        "2026-02-30T08:00:00Z",
        "2026-13-01T08:00:00Z",
        "2026-11-02T24:00:00Z",
        "2026-11-02T08:60:00Z",
        "2026-11-02T08:00:61Z",
        "2026-11-02T08:00:00.Z",
        "2026-11-02T08:00:00+24:00",
        "2026-11-02T08:00:00+08:60",
        "26-11-02T08:00:00Z",
        "2026-1-02T08:00:00Z",
        "２０２６-11-02T08:00:00Z",
        "2026-11-02X08:00:00Z",
        // The shapes read at fixed places, each with one wrong byte.
        "2026-11-02T08:00:0xZ",
        "2026-11-02T08:00:00.12xZ",
        "2026-11-02T08:00:00.123+",
        "2026-11-02T08-00:00Z",
        "+026-11-02T08:00:00Z",
        "2026-11-02T08:00:00 Z",
    ] {
        assert_eq!(parse(text), None, "{text}");
    }
}

#[test]
fn serde_round_trip_and_the_error_names_the_format() {
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct R {
        #[serde(with = "super")]
        at: Time,
        #[serde(default, with = "super::option")]
        done: Option<Time>,
    }
    let at = parse("2026-11-02T08:00:00.120Z").unwrap();
    let r = R { at, done: None };
    let text = serde_json::to_string(&r).unwrap();
    assert_eq!(text, r#"{"at":"2026-11-02T08:00:00.120Z","done":null}"#);
    assert_eq!(serde_json::from_str::<R>(&text).unwrap(), r);
    // A missing optional time is none, as serde's own `Option` reads it.
    let r: R = serde_json::from_str(r#"{"at":"2026-11-02T08:00:00Z"}"#).unwrap();
    assert_eq!(r.done, None);
    let r: R =
        serde_json::from_str(r#"{"at":"2026-11-02T08:00:00Z","done":"2026-11-03T08:00:00Z"}"#)
            .unwrap();
    assert_eq!(r.done, parse("2026-11-03T08:00:00Z"));
    let e = serde_json::from_str::<R>(r#"{"at":"yesterday"}"#)
        .unwrap_err()
        .to_string();
    assert!(e.contains(EXPECTED), "{e}");
    assert!(serde_json::from_str::<R>(r#"{"at":7}"#).is_err());
}

#[test]
fn dates_are_written_and_read_as_chrono_does() {
    for t in instants() {
        let d = t.date_naive();
        assert_eq!(write_date(&d).as_str(), d.to_string());
        assert_eq!(serde_json::to_string(&d).unwrap(), format!("\"{d}\""));
        assert_eq!(parse_date(write_date(&d).as_str()), Some(d));
    }
    for text in [
        "2026-02-29",
        "2026-00-10",
        "2026-1-10",
        "2026-01-10T00:00:00Z",
        " 2026-01-10",
        "",
    ] {
        assert_eq!(parse_date(text), None, "{text}");
    }
    assert_eq!(
        parse_date("2028-02-29"),
        NaiveDate::from_ymd_opt(2028, 2, 29)
    );
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct D {
        #[serde(with = "super")]
        on: NaiveDate,
        #[serde(default, with = "super::option")]
        left: Option<NaiveDate>,
    }
    let d: D = serde_json::from_str(r#"{"on":"2026-11-02"}"#).unwrap();
    assert_eq!(
        serde_json::to_string(&d).unwrap(),
        r#"{"on":"2026-11-02","left":null}"#
    );
    let e = serde_json::from_str::<D>(r#"{"on":"2026-11-31"}"#)
        .unwrap_err()
        .to_string();
    assert!(e.contains(EXPECTED_DATE) && !e.contains(EXPECTED), "{e}");
}

/// Every time and date field of a type serde reads or writes names this module. Without it,
/// chrono's serde is used silently: the same text, but its general parser, three times
/// slower, and a second parser in the wasm. Read from the source, as a lint would.
#[test]
fn every_serialized_time_field_names_this_module() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let (mut dirs, mut missing, mut fields) = (vec![root], Vec::new(), 0);
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            // This module's own tests name it as `super`.
            if path.extension().is_none_or(|e| e != "rs") || dir.ends_with("rfc3339") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let lines: Vec<&str> = text.lines().map(str::trim).collect();
            let (mut derives_serde, mut in_serde_type) = (false, false);
            for (i, (line, raw)) in lines.iter().zip(text.lines()).enumerate() {
                // The end of an item, or a function's parameters: no longer a type's fields.
                if raw.starts_with('}') || line.contains("fn ") {
                    in_serde_type = false;
                }
                if line.starts_with("#[derive(") {
                    derives_serde = line.contains("Serialize") || line.contains("Deserialize");
                } else if ["struct ", "enum "].iter().any(|k| line.contains(k))
                    && !line.starts_with("//")
                {
                    in_serde_type = std::mem::take(&mut derives_serde);
                }
                let Some((_, ty)) = line.split_once(": ") else {
                    continue;
                };
                let ty = ty.trim_end_matches(',');
                let timed = ["Time", "NaiveDate", "Option<Time>", "Option<NaiveDate>"];
                if !in_serde_type || !timed.contains(&ty) || line.starts_with("//") {
                    continue;
                }
                fields += 1;
                let attrs = lines[..i]
                    .iter()
                    .rev()
                    .take_while(|l| l.starts_with("#[") || l.starts_with("//"));
                if !attrs.clone().any(|a| a.contains("rfc3339")) {
                    missing.push(format!("{}:{}: {line}", path.display(), i + 1));
                }
            }
        }
    }
    // The records alone have dozens: a scan that finds none has stopped working.
    assert!(fields > 30, "only {fields} time fields found");
    assert!(missing.is_empty(), "{missing:#?}");
}
