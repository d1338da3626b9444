//! What a period picker offers, and how the choice is written in the URL fragment
//! (`#/dashboard?period=2026-11`), so a link or a reload shows the same view. Relative choices
//! ("this month") stay relative: the link means the same thing tomorrow.

use super::period::{Period, PeriodKind};
use chrono::{Datelike, Duration, NaiveDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodChoice {
    Today,
    ThisWeek,
    LastWeek,
    ThisMonth,
    LastMonth,
    ThisQuarter,
    ThisYear,
    /// One calendar month (the monthly report's default, as a fixed month).
    Month {
        year: i32,
        month: u32,
    },
    Custom(Period),
}

impl PeriodChoice {
    /// The relative choices, in the order a picker lists them.
    pub const RELATIVE: [PeriodChoice; 7] = [
        PeriodChoice::Today,
        PeriodChoice::ThisWeek,
        PeriodChoice::LastWeek,
        PeriodChoice::ThisMonth,
        PeriodChoice::LastMonth,
        PeriodChoice::ThisQuarter,
        PeriodChoice::ThisYear,
    ];

    pub fn resolve(self, today: NaiveDate) -> Period {
        let this = |kind| Period::containing(kind, today);
        match self {
            PeriodChoice::Today => Period::day(today),
            PeriodChoice::ThisWeek => this(PeriodKind::Week),
            PeriodChoice::LastWeek => this(PeriodKind::Week).previous(),
            PeriodChoice::ThisMonth => this(PeriodKind::Month),
            PeriodChoice::LastMonth => this(PeriodKind::Month).previous(),
            PeriodChoice::ThisQuarter => this(PeriodKind::Quarter),
            PeriodChoice::ThisYear => this(PeriodKind::Year),
            PeriodChoice::Month { year, month } => NaiveDate::from_ymd_opt(year, month, 1)
                .map(Period::month)
                .unwrap_or_else(|| this(PeriodKind::Month)),
            PeriodChoice::Custom(p) => p,
        }
    }

    /// The periods of the same kind before this one, oldest first, ending with it: the
    /// sparkline's and the trend's buckets.
    pub fn history(self, today: NaiveDate, count: usize) -> Vec<Period> {
        let mut out = vec![self.resolve(today)];
        while out.len() < count {
            let before = out[out.len() - 1].previous();
            out.push(before);
        }
        out.reverse();
        out
    }

    pub fn code(self) -> String {
        match self {
            PeriodChoice::Today => "today".into(),
            PeriodChoice::ThisWeek => "week".into(),
            PeriodChoice::LastWeek => "last-week".into(),
            PeriodChoice::ThisMonth => "month".into(),
            PeriodChoice::LastMonth => "last-month".into(),
            PeriodChoice::ThisQuarter => "quarter".into(),
            PeriodChoice::ThisYear => "year".into(),
            PeriodChoice::Month { year, month } => format!("{year:04}-{month:02}"),
            PeriodChoice::Custom(p) => format!("{}..{}", p.from, p.to),
        }
    }

    /// `None` for anything that is not a code this writes: the caller keeps its default.
    pub fn parse(code: &str) -> Option<PeriodChoice> {
        if let Some(c) = PeriodChoice::RELATIVE
            .into_iter()
            .find(|c| c.code() == code)
        {
            return Some(c);
        }
        if let Some((from, to)) = code.split_once("..") {
            let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
            return Period::new(day(from)?, day(to)?).map(PeriodChoice::Custom);
        }
        let first = NaiveDate::parse_from_str(&format!("{code}-01"), "%Y-%m-%d").ok()?;
        (code.len() == 7).then(|| PeriodChoice::Month {
            year: first.year(),
            month: first.month(),
        })
    }

    /// The month just before `today`'s: the monthly report's default.
    pub fn last_full_month(today: NaiveDate) -> PeriodChoice {
        let first = today.with_day(1).unwrap_or(today) - Duration::days(1);
        PeriodChoice::Month {
            year: first.year(),
            month: first.month(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn p(from: NaiveDate, to: NaiveDate) -> Period {
        Period::new(from, to).unwrap()
    }

    #[test]
    fn relative_choices_resolve_from_today() {
        // Wednesday 2 December 2026.
        let today = d(2026, 12, 2);
        let r = |c: PeriodChoice| c.resolve(today);
        assert_eq!(r(PeriodChoice::Today), p(today, today));
        assert_eq!(
            r(PeriodChoice::ThisWeek),
            p(d(2026, 11, 30), d(2026, 12, 6)),
            "weeks start on Monday"
        );
        assert_eq!(
            r(PeriodChoice::LastWeek),
            p(d(2026, 11, 23), d(2026, 11, 29))
        );
        assert_eq!(
            r(PeriodChoice::ThisMonth),
            p(d(2026, 12, 1), d(2026, 12, 31))
        );
        assert_eq!(
            r(PeriodChoice::LastMonth),
            p(d(2026, 11, 1), d(2026, 11, 30))
        );
        assert_eq!(
            r(PeriodChoice::ThisQuarter),
            p(d(2026, 10, 1), d(2026, 12, 31))
        );
        assert_eq!(r(PeriodChoice::ThisYear), p(d(2026, 1, 1), d(2026, 12, 31)));
        assert_eq!(
            PeriodChoice::last_full_month(d(2027, 1, 1)),
            PeriodChoice::Month {
                year: 2026,
                month: 12
            }
        );
    }

    #[test]
    fn codes_round_trip_and_junk_is_refused() {
        let custom = PeriodChoice::Custom(p(d(2026, 11, 3), d(2026, 11, 17)));
        let month = PeriodChoice::Month {
            year: 2026,
            month: 11,
        };
        for c in PeriodChoice::RELATIVE.into_iter().chain([custom, month]) {
            assert_eq!(PeriodChoice::parse(&c.code()), Some(c), "{}", c.code());
        }
        assert_eq!(month.code(), "2026-11");
        assert_eq!(custom.code(), "2026-11-03..2026-11-17");
        for junk in [
            "",
            "2026-13",
            "2026-1",
            "2026-11-17..2026-11-03",
            "x..y",
            "monthly",
            "2026-11-01",
        ] {
            assert_eq!(PeriodChoice::parse(junk), None, "{junk}");
        }
    }

    #[test]
    fn history_walks_back_equal_periods() {
        let months = PeriodChoice::ThisMonth.history(d(2026, 3, 15), 3);
        assert_eq!(
            months,
            vec![
                p(d(2026, 1, 1), d(2026, 1, 31)),
                p(d(2026, 2, 1), d(2026, 2, 28)),
                p(d(2026, 3, 1), d(2026, 3, 31)),
            ]
        );
        let custom =
            PeriodChoice::Custom(p(d(2026, 3, 1), d(2026, 3, 10))).history(d(2026, 3, 15), 2);
        assert_eq!(custom[0], p(d(2026, 2, 19), d(2026, 2, 28)));
    }
}
