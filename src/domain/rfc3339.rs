//! Times and dates as RFC 3339 text, read and written here rather than by chrono's serde:
//! chrono's general-purpose parser and formatter were a third of an import's check and of
//! the start-up's parse, and 6 KB of the kiosk. Every `Time` and `NaiveDate` field of a
//! record names this module (`#[serde(with = "rfc3339")]`, `rfc3339::option` for an
//! `Option` of either).
//!
//! Written exactly as chrono writes them (`2026-08-25T05:31:51Z`, a fraction of 3, 6 or 9
//! digits only when there is one; `2026-08-25`). Read: what RFC 3339 allows (`T`, `t` or a
//! space between date and time, a fraction of any length, `Z`, `z` or `±hh:mm`), and
//! `±hhmm`.

use super::model::Time;
use chrono::{Datelike, NaiveDate, TimeDelta, Timelike};
use serde::de::{self, Deserializer, Unexpected, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::marker::PhantomData;

/// What a time field expects, in a deserialization error.
pub const EXPECTED: &str = "an RFC 3339 date and time";
/// What a date field expects; also the start of `EXPECTED`, so the import's
/// `detail::from_serde` finds both by this.
pub const EXPECTED_DATE: &str = "an RFC 3339 date";

/// The time as `YYYY-MM-DDThh:mm:ss[.fff]Z`.
pub fn format(t: &Time) -> String {
    write_time(t).as_str().to_owned()
}

fn write_time(t: &Time) -> Written {
    let mut out = write_date(&t.date_naive());
    let (mut sec, mut nano) = (t.second(), t.nanosecond());
    if nano >= 1_000_000_000 {
        // A leap second.
        sec += 1;
        nano -= 1_000_000_000;
    }
    for (sep, n) in [(b'T', t.hour()), (b':', t.minute()), (b':', sec)] {
        out.push(sep);
        out.digits(n, 2);
    }
    if nano != 0 {
        out.push(b'.');
        if nano % 1_000_000 == 0 {
            out.digits(nano / 1_000_000, 3);
        } else if nano % 1_000 == 0 {
            out.digits(nano / 1_000, 6);
        } else {
            out.digits(nano, 9);
        }
    }
    out.push(b'Z');
    out
}

fn write_date(d: &NaiveDate) -> Written {
    let mut out = Written::default();
    let year = d.year();
    if !(0..=9999).contains(&year) {
        // As chrono: ISO 8601 wants the sign on a year outside four digits.
        out.push(if year < 0 { b'-' } else { b'+' });
    }
    let year = year.unsigned_abs();
    out.digits(year, year.checked_ilog10().unwrap_or(0).max(3) as usize + 1);
    for n in [d.month(), d.day()] {
        out.push(b'-');
        out.digits(n, 2);
    }
    out
}

/// A time or date as written, on the stack: every time of every record is written at each
/// save and export, so none of them allocates.
pub struct Written {
    bytes: [u8; 40],
    len: usize,
}

impl Default for Written {
    fn default() -> Self {
        Written {
            bytes: [0; 40],
            len: 0,
        }
    }
}

impl Written {
    fn push(&mut self, b: u8) {
        self.bytes[self.len] = b;
        self.len += 1;
    }

    /// `n` in `width` digits, zero-padded.
    fn digits(&mut self, mut n: u32, width: usize) {
        for at in (self.len..self.len + width).rev() {
            self.bytes[at] = b'0' + (n % 10) as u8;
            n /= 10;
        }
        self.len += width;
    }

    fn as_str(&self) -> &str {
        // Only ASCII digits and signs are written.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

/// The instant `s` names, if it is an RFC 3339 date and time.
pub fn parse(s: &str) -> Option<Time> {
    canonical(s.as_bytes()).or_else(|| general(s))
}

/// The form this module writes with no fraction or with milliseconds, read at fixed places:
/// nearly every time in a file has it, and an import reads a million of them.
fn canonical(b: &[u8]) -> Option<Time> {
    let nano = match b.len() {
        20 => 0,
        24 if b[19] == b'.' => digits_at(b, 20, 3)? * 1_000_000,
        _ => return None,
    };
    let second = digits_at(b, 17, 2)?;
    // A leap second is the general reader's.
    let fixed = b[10] == b'T' && b[13] == b':' && b[16] == b':' && b[b.len() - 1] == b'Z';
    if !fixed || second > 59 {
        return None;
    }
    canonical_date(&b[..10])?
        .and_hms_nano_opt(digits_at(b, 11, 2)?, digits_at(b, 14, 2)?, second, nano)
        .map(|t| t.and_utc())
}

/// `YYYY-MM-DD` read at fixed places.
fn canonical_date(b: &[u8]) -> Option<NaiveDate> {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(
        digits_at(b, 0, 4)? as i32,
        digits_at(b, 5, 2)?,
        digits_at(b, 8, 2)?,
    )
}

/// The number the `n` digits from `at` spell, if they are all digits.
fn digits_at(b: &[u8], at: usize, n: usize) -> Option<u32> {
    b.get(at..at + n)?.iter().try_fold(0, |v, &c| {
        c.is_ascii_digit().then(|| v * 10 + u32::from(c - b'0'))
    })
}

/// Any RFC 3339 date and time, and `±hhmm`.
fn general(s: &str) -> Option<Time> {
    let mut r = Reader(s.as_bytes());
    let date = r.date()?;
    r.one_of(b"Tt ")?;
    let hour = r.number(2)?;
    r.byte(b':')?;
    let minute = r.number(2)?;
    r.byte(b':')?;
    let second = r.number(2)?;
    let nano = if r.byte(b'.').is_some() {
        r.fraction()?
    } else {
        0
    };
    let offset = r.offset()?;
    if !r.0.is_empty() {
        return None;
    }
    // Second 60 is a leap second, held by chrono as 59 and a nanosecond count past 10⁹.
    let (second, nano) = if second == 60 {
        (59, nano + 1_000_000_000)
    } else {
        (second, nano)
    };
    let local = date.and_hms_nano_opt(hour, minute, second, nano)?;
    Some(
        local
            .checked_sub_signed(TimeDelta::seconds(offset))?
            .and_utc(),
    )
}

/// The day `s` names, if it is an RFC 3339 date (`YYYY-MM-DD`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    if let Some(d) = canonical_date(s.as_bytes()) {
        return Some(d);
    }
    let mut r = Reader(s.as_bytes());
    let date = r.date()?;
    r.0.is_empty().then_some(date)
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn date(&mut self) -> Option<NaiveDate> {
        let year = self.year()?;
        self.byte(b'-')?;
        let month = self.number(2)?;
        self.byte(b'-')?;
        let day = self.number(2)?;
        NaiveDate::from_ymd_opt(year, month, day)
    }

    fn next(&mut self) -> Option<u8> {
        let (b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(*b)
    }

    fn byte(&mut self, want: u8) -> Option<()> {
        self.one_of(&[want]).map(|_| ())
    }

    fn one_of(&mut self, any: &[u8]) -> Option<u8> {
        let b = *self.0.first()?;
        any.contains(&b).then(|| {
            self.0 = &self.0[1..];
            b
        })
    }

    fn digit(&mut self) -> Option<u32> {
        let b = *self.0.first()?;
        b.is_ascii_digit().then(|| {
            self.0 = &self.0[1..];
            u32::from(b - b'0')
        })
    }

    fn number(&mut self, digits: usize) -> Option<u32> {
        (0..digits).try_fold(0, |n, _| Some(n * 10 + self.digit()?))
    }

    /// Four digits, or a sign and at least four (a year chrono wrote outside 0–9999).
    fn year(&mut self) -> Option<i32> {
        let sign = self.one_of(b"+-");
        let mut year = self.number(4)? as i32;
        if sign.is_some() {
            while let Some(d) = self.digit() {
                year = year.checked_mul(10)?.checked_add(d as i32)?;
            }
        }
        Some(if sign == Some(b'-') { -year } else { year })
    }

    /// Nanoseconds from at least one digit; digits past the ninth are dropped.
    fn fraction(&mut self) -> Option<u32> {
        let mut nano = self.digit()?;
        let mut digits = 1;
        while let Some(d) = self.digit() {
            if digits < 9 {
                nano = nano * 10 + d;
                digits += 1;
            }
        }
        Some(nano * 10u32.pow(9 - digits))
    }

    /// Seconds east of UTC.
    fn offset(&mut self) -> Option<i64> {
        match self.next()? {
            b'Z' | b'z' => Some(0),
            sign @ (b'+' | b'-') => {
                let hours = self.number(2)?;
                self.byte(b':');
                let minutes = self.number(2)?;
                if hours > 23 || minutes > 59 {
                    return None;
                }
                let secs = i64::from(hours * 3600 + minutes * 60);
                Some(if sign == b'-' { -secs } else { secs })
            }
            _ => None,
        }
    }
}

/// What this module reads and writes: a time or a date.
pub trait Text: Sized {
    const EXPECTED: &'static str;
    fn write(&self) -> Written;
    fn parse(s: &str) -> Option<Self>;
}

impl Text for Time {
    const EXPECTED: &'static str = EXPECTED;
    fn write(&self) -> Written {
        write_time(self)
    }
    fn parse(s: &str) -> Option<Self> {
        parse(s)
    }
}

impl Text for NaiveDate {
    const EXPECTED: &'static str = EXPECTED_DATE;
    fn write(&self) -> Written {
        write_date(self)
    }
    fn parse(s: &str) -> Option<Self> {
        parse_date(s)
    }
}

pub fn serialize<T: Text, S: Serializer>(t: &T, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(t.write().as_str())
}

pub fn deserialize<'de, T: Text, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    d.deserialize_str(TextVisitor(PhantomData))
}

struct TextVisitor<T>(PhantomData<T>);

impl<T: Text> Visitor<'_> for TextVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(T::EXPECTED)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        T::parse(v).ok_or_else(|| E::invalid_value(Unexpected::Str(v), &self))
    }
}

/// The same for an `Option` field; give it `default` too, as serde's own `Option`
/// handling is off once `with` is set.
pub mod option {
    use super::*;

    struct Out<'a, T>(&'a T);

    impl<T: Text> Serialize for Out<'_, T> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            super::serialize(self.0, s)
        }
    }

    struct In<T>(T);

    impl<'de, T: Text> Deserialize<'de> for In<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<In<T>, D::Error> {
            super::deserialize(d).map(In)
        }
    }

    pub fn serialize<T: Text, S: Serializer>(t: &Option<T>, s: S) -> Result<S::Ok, S::Error> {
        t.as_ref().map(Out).serialize(s)
    }

    pub fn deserialize<'de, T: Text, D: Deserializer<'de>>(d: D) -> Result<Option<T>, D::Error> {
        Ok(Option::<In<T>>::deserialize(d)?.map(|t| t.0))
    }
}

#[cfg(test)]
mod tests;
