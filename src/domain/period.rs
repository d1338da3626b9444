//! Calendar periods as the device's people live them: days, ISO weeks, months, quarters and
//! years in the device's local time, turned into the UTC instants records keep. The UTC
//! offset is an argument, like "now": a shop in Shanghai closes its month at 16:00 UTC.

use super::model::Time;
use chrono::{Datelike, Duration, FixedOffset, Months, NaiveDate, NaiveTime};
use std::ops::Range;

/// The local calendar date of `at` for a device `offset` from UTC.
pub fn local_date(at: Time, offset: FixedOffset) -> NaiveDate {
    at.with_timezone(&offset).date_naive()
}

/// The instant the local day `date` starts.
pub fn local_midnight(date: NaiveDate, offset: FixedOffset) -> Time {
    let utc = date.and_time(NaiveTime::MIN).and_utc();
    utc - Duration::seconds(offset.local_minus_utc().into())
}

/// The kinds of calendar period a picker offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PeriodKind {
    Day,
    /// ISO: Monday to Sunday.
    Week,
    Month,
    Quarter,
    Year,
}

/// Local calendar days `from..=to` (both included, `from <= to`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// A custom range; `None` when it ends before it starts.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Option<Period> {
        (from <= to).then_some(Period { from, to })
    }

    pub fn day(date: NaiveDate) -> Period {
        Period {
            from: date,
            to: date,
        }
    }

    /// The period of `kind` that `date` falls in.
    pub fn containing(kind: PeriodKind, date: NaiveDate) -> Period {
        let first_month = |months_per_period: u32| {
            let m0 = date.month0() / months_per_period * months_per_period;
            NaiveDate::from_ymd_opt(date.year(), m0 + 1, 1).unwrap_or(date)
        };
        match kind {
            PeriodKind::Day => Period::day(date),
            PeriodKind::Week => {
                let from = date - Duration::days(date.weekday().num_days_from_monday().into());
                Period::spanning(from, Duration::days(7))
            }
            PeriodKind::Month => Period::months(first_month(1), 1),
            PeriodKind::Quarter => Period::months(first_month(3), 3),
            PeriodKind::Year => Period::months(first_month(12), 12),
        }
    }

    pub fn month(date: NaiveDate) -> Period {
        Period::containing(PeriodKind::Month, date)
    }

    /// The last `days` local days up to and including `today` (at least one).
    pub fn last_days(today: NaiveDate, days: u32) -> Period {
        let span = Duration::days(days.max(1).into());
        Period::spanning(today - span + Duration::days(1), span)
    }

    fn spanning(from: NaiveDate, span: Duration) -> Period {
        Period {
            from,
            to: from + span - Duration::days(1),
        }
    }

    /// `months` whole months from the first day `from`.
    fn months(from: NaiveDate, months: u32) -> Period {
        let next = from
            .checked_add_months(Months::new(months))
            .unwrap_or(NaiveDate::MAX);
        Period {
            from,
            to: next.pred_opt().unwrap_or(next),
        }
    }

    /// Days in the period.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// Whole calendar months, when the period is (its first day is a 1st and the day after
    /// its last is too).
    fn whole_months(&self) -> Option<u32> {
        let after = self.to.succ_opt()?;
        (self.from.day() == 1 && after.day() == 1).then(|| {
            let months = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
            (months(after) - months(self.from)) as u32
        })
    }

    /// The equal period just before: the previous month for a month (however long each
    /// is), the previous quarter or year likewise, otherwise as many days just before.
    pub fn previous(&self) -> Period {
        match self.whole_months() {
            Some(n) => Period::months(
                self.from
                    .checked_sub_months(Months::new(n))
                    .unwrap_or(NaiveDate::MIN),
                n,
            ),
            None => {
                let span = Duration::days(self.days());
                Period::spanning(self.from - span, span)
            }
        }
    }

    /// The instants of the period for a device `offset` from UTC: from its first local
    /// midnight to the one after its last day, exclusive, so nothing counts in two periods.
    pub fn bounds(&self, offset: FixedOffset) -> Range<Time> {
        self.bounds_in(|_| offset)
    }

    /// The same where the offset changes over the year (summer time): `offset_at` gives
    /// the device's offset at an instant, and each end is cut at its own day's offset.
    pub fn bounds_in(&self, offset_at: impl Fn(Time) -> FixedOffset) -> Range<Time> {
        let midnight = |date: NaiveDate| {
            // Guessed from the offset at that UTC midnight, then taken at the guess:
            // clocks change in the small hours, so the second offset is the day's own.
            let utc_midnight = date.and_time(NaiveTime::MIN).and_utc();
            let guess = local_midnight(date, offset_at(utc_midnight));
            local_midnight(date, offset_at(guess))
        };
        let after = self.to.succ_opt().unwrap_or(self.to);
        midnight(self.from)..midnight(after)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn shanghai() -> FixedOffset {
        FixedOffset::east_opt(8 * 3600).unwrap()
    }
    fn new_york() -> FixedOffset {
        FixedOffset::west_opt(5 * 3600).unwrap()
    }
    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }
    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> Time {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn local_dates_around_midnight() {
        // 16:30 UTC on 31 Dec is 00:30 on 1 Jan in UTC+8.
        assert_eq!(
            local_date(utc(2026, 12, 31, 16, 30), shanghai()),
            date(2027, 1, 1)
        );
        assert_eq!(
            local_date(utc(2026, 12, 31, 15, 59), shanghai()),
            date(2026, 12, 31)
        );
        // 03:00 UTC on 1 Jan is 22:00 on 31 Dec in UTC−5.
        assert_eq!(
            local_date(utc(2027, 1, 1, 3, 0), new_york()),
            date(2026, 12, 31)
        );
        assert_eq!(
            local_date(utc(2027, 1, 1, 5, 0), new_york()),
            date(2027, 1, 1)
        );
        assert_eq!(
            local_midnight(date(2027, 1, 1), shanghai()),
            utc(2026, 12, 31, 16, 0)
        );
        assert_eq!(
            local_midnight(date(2027, 1, 1), new_york()),
            utc(2027, 1, 1, 5, 0)
        );
    }

    #[test]
    fn a_month_cuts_at_local_midnight() {
        let jan = Period::month(local_date(utc(2026, 12, 31, 16, 30), shanghai()));
        assert_eq!(
            jan,
            Period::new(date(2027, 1, 1), date(2027, 1, 31)).unwrap()
        );
        assert_eq!(
            jan.bounds(shanghai()),
            utc(2026, 12, 31, 16, 0)..utc(2027, 1, 31, 16, 0)
        );
        let dec = Period::month(local_date(utc(2027, 1, 1, 3, 0), new_york()));
        assert_eq!(dec.from, date(2026, 12, 1));
        assert_eq!(
            dec.bounds(new_york()),
            utc(2026, 12, 1, 5, 0)..utc(2027, 1, 1, 5, 0)
        );
        assert!(dec.bounds(new_york()).contains(&utc(2027, 1, 1, 3, 0)));
        // 23:30 on 30 Nov in UTC+8 is November there, December in UTC.
        let late = utc(2026, 11, 30, 15, 30);
        assert!(Period::month(date(2026, 11, 1))
            .bounds(shanghai())
            .contains(&late));
        assert!(!Period::month(date(2026, 12, 1))
            .bounds(shanghai())
            .contains(&late));
        assert_eq!(Period::month(date(2024, 2, 10)).days(), 29);
    }

    #[test]
    fn a_day_and_an_iso_week() {
        assert_eq!(
            Period::day(date(2026, 12, 31)).bounds(new_york()),
            utc(2026, 12, 31, 5, 0)..utc(2027, 1, 1, 5, 0)
        );
        // Thursday 31 Dec 2026: its week runs Monday 28 Dec to Sunday 3 Jan.
        let week = Period::containing(PeriodKind::Week, date(2026, 12, 31));
        assert_eq!(
            week,
            Period::new(date(2026, 12, 28), date(2027, 1, 3)).unwrap()
        );
        assert_eq!(
            week.bounds(shanghai()),
            utc(2026, 12, 27, 16, 0)..utc(2027, 1, 3, 16, 0)
        );
        // A Monday and a Sunday are in their own week.
        assert_eq!(
            Period::containing(PeriodKind::Week, date(2026, 12, 28)),
            week
        );
        assert_eq!(Period::containing(PeriodKind::Week, date(2027, 1, 3)), week);
        assert_eq!(week.previous().from, date(2026, 12, 21));
    }

    #[test]
    fn quarters_and_years() {
        let q4 = Period::containing(PeriodKind::Quarter, date(2026, 11, 30));
        assert_eq!(
            q4,
            Period::new(date(2026, 10, 1), date(2026, 12, 31)).unwrap()
        );
        assert_eq!(
            q4.bounds(new_york()),
            utc(2026, 10, 1, 5, 0)..utc(2027, 1, 1, 5, 0)
        );
        assert_eq!(
            q4.previous(),
            Period::new(date(2026, 7, 1), date(2026, 9, 30)).unwrap()
        );
        let year = Period::containing(PeriodKind::Year, date(2027, 1, 1));
        assert_eq!(
            year,
            Period::new(date(2027, 1, 1), date(2027, 12, 31)).unwrap()
        );
        assert_eq!(
            year.bounds(shanghai()),
            utc(2026, 12, 31, 16, 0)..utc(2027, 12, 31, 16, 0)
        );
        assert_eq!(year.previous().from, date(2026, 1, 1));
    }

    #[test]
    fn previous_periods_are_equal_ones() {
        // March's previous is all of February, not 31 days.
        let march = Period::month(date(2027, 3, 15));
        assert_eq!(
            march.previous(),
            Period::new(date(2027, 2, 1), date(2027, 2, 28)).unwrap()
        );
        assert_eq!(
            Period::month(date(2027, 1, 5)).previous(),
            Period::month(date(2026, 12, 1))
        );
        // A custom range steps back by its own length.
        let custom = Period::new(date(2027, 1, 10), date(2027, 1, 19)).unwrap();
        assert_eq!(
            custom.previous(),
            Period::new(date(2026, 12, 31), date(2027, 1, 9)).unwrap()
        );
        assert_eq!(
            Period::day(date(2027, 1, 1)).previous(),
            Period::day(date(2026, 12, 31))
        );
    }

    #[test]
    fn custom_ranges_include_their_end() {
        assert_eq!(Period::new(date(2027, 1, 2), date(2027, 1, 1)), None);
        let p = Period::new(date(2026, 12, 30), date(2027, 1, 1)).unwrap();
        assert_eq!(p.days(), 3);
        assert_eq!(
            p.bounds(new_york()),
            utc(2026, 12, 30, 5, 0)..utc(2027, 1, 2, 5, 0)
        );
    }

    #[test]
    fn summer_time_moves_each_end_by_its_own_offset() {
        // New York: UTC−4 from 14 Mar 2027 07:00 UTC to 7 Nov 2027 06:00 UTC, else UTC−5.
        let summer = utc(2027, 3, 14, 7, 0)..utc(2027, 11, 7, 6, 0);
        let zone = |t: Time| {
            let hours = if summer.contains(&t) { 4 } else { 5 };
            FixedOffset::west_opt(hours * 3600).unwrap()
        };
        let march = Period::month(date(2027, 3, 1));
        assert_eq!(
            march.bounds_in(zone),
            utc(2027, 3, 1, 5, 0)..utc(2027, 4, 1, 4, 0)
        );
        let july = Period::month(date(2027, 7, 1));
        assert_eq!(
            july.bounds_in(zone),
            utc(2027, 7, 1, 4, 0)..utc(2027, 8, 1, 4, 0)
        );
        // A fixed offset is the plain case.
        assert_eq!(march.bounds_in(|_| new_york()), march.bounds(new_york()));
    }

    #[test]
    fn last_days_end_today() {
        let today = local_date(utc(2027, 1, 1, 3, 0), new_york());
        let week = Period::last_days(today, 7);
        assert_eq!(
            week,
            Period::new(date(2026, 12, 25), date(2026, 12, 31)).unwrap()
        );
        assert_eq!(week.bounds(new_york()).start, utc(2026, 12, 25, 5, 0));
        assert!(week.bounds(new_york()).contains(&utc(2027, 1, 1, 3, 0)));
        assert_eq!(Period::last_days(today, 0), Period::day(today));
    }
}
