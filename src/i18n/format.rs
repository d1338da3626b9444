//! Dates and numbers as each language writes them.

use super::Lang;
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => date.format("%Y年%-m月%-d日").to_string(),
        Lang::En => date.format("%-d %b %Y").to_string(),
    }
}

/// `offset` is the viewer's UTC offset at `at`: records keep UTC, people read local time.
pub fn format_datetime(at: DateTime<Utc>, offset: FixedOffset, lang: Lang) -> String {
    let local = at.with_timezone(&offset);
    match lang {
        Lang::Zh => local.format("%Y年%-m月%-d日 %H:%M").to_string(),
        Lang::En => local.format("%-d %b %Y %H:%M").to_string(),
    }
}

/// Thousands grouped with commas in both languages; `decimals` fixed.
pub fn format_number(value: f64, decimals: usize, _lang: Lang) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let fixed = format!("{:.*}", decimals, value.abs());
    let (int, frac) = match fixed.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (fixed.as_str(), None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if value < 0.0 && fixed.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A duration in seconds as minutes: whole minutes plainly, others to one decimal.
pub fn format_minutes(seconds: u32, lang: Lang) -> String {
    let decimals = if seconds.is_multiple_of(60) { 0 } else { 1 };
    format_number(seconds as f64 / 60.0, decimals, lang)
}

/// An elapsed time for people: "3 d 4 h", "2 h 5 min", "12 min" ("3天4小时", "2小时5分钟").
pub fn format_elapsed(minutes: f64, lang: Lang) -> String {
    let m = minutes.max(0.0).round() as i64;
    let (d, h, min) = (m / 1440, m % 1440 / 60, m % 60);
    let [day, hour, minute] = match lang {
        Lang::Zh => ["天", "小时", "分钟"],
        Lang::En => [" d", " h", " min"],
    };
    let sep = if lang == Lang::En { " " } else { "" };
    let parts: Vec<String> = if d > 0 {
        vec![format!("{d}{day}"), format!("{h}{hour}")]
    } else if h > 0 {
        vec![format!("{h}{hour}"), format!("{min}{minute}")]
    } else {
        vec![format!("{min}{minute}")]
    };
    parts.join(sep)
}

pub fn format_percent(ratio: f64, decimals: usize, lang: Lang) -> String {
    format!("{}%", format_number(ratio * 100.0, decimals, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn elapsed_times() {
        assert_eq!(format_elapsed(12.4, Lang::En), "12 min");
        assert_eq!(format_elapsed(125.0, Lang::En), "2 h 5 min");
        assert_eq!(format_elapsed(3.0 * 1440.0 + 250.0, Lang::Zh), "3天4小时");
        assert_eq!(format_elapsed(-5.0, Lang::Zh), "0分钟");
    }

    #[test]
    fn dates_per_language() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
        assert_eq!(format_date(d, Lang::Zh), "2026年3月7日");
        assert_eq!(format_date(d, Lang::En), "7 Mar 2026");
    }

    #[test]
    fn datetime_applies_offset() {
        let at = Utc.with_ymd_and_hms(2026, 11, 22, 23, 30, 0).unwrap();
        let east = |h: i32| FixedOffset::east_opt(h * 3600).unwrap();
        assert_eq!(
            format_datetime(at, east(8), Lang::Zh),
            "2026年11月23日 07:30"
        );
        assert_eq!(format_datetime(at, east(-1), Lang::En), "22 Nov 2026 22:30");
        // 03:00 UTC on 1 Jan is still 31 Dec in UTC−5.
        let new_year = Utc.with_ymd_and_hms(2027, 1, 1, 3, 0, 0).unwrap();
        assert_eq!(
            format_datetime(new_year, east(-5), Lang::En),
            "31 Dec 2026 22:00"
        );
        assert_eq!(
            format_datetime(new_year, east(8), Lang::En),
            "1 Jan 2027 11:00"
        );
    }

    #[test]
    fn numbers_grouped() {
        assert_eq!(format_number(1234567.891, 2, Lang::En), "1,234,567.89");
        assert_eq!(format_number(-1000.0, 0, Lang::Zh), "-1,000");
        assert_eq!(format_number(999.0, 0, Lang::Zh), "999");
        assert_eq!(format_number(-0.001, 1, Lang::En), "0.0");
        assert_eq!(format_number(f64::NAN, 1, Lang::En), "—");
        assert_eq!(format_percent(0.905, 1, Lang::Zh), "90.5%");
        assert_eq!(format_minutes(120, Lang::En), "2");
        assert_eq!(format_minutes(90, Lang::En), "1.5");
    }
}
