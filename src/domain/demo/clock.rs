//! Where demo events fall: the 89 full local days before today, at a restaurant's meal
//! times, in China Standard Time (UTC+8), busier at weekends.

use super::rng::Rng;
use crate::domain::model::Time;
use chrono::{Datelike, Duration, NaiveDate, Timelike, Weekday};

const LOCAL_OFFSET_H: i64 = 8;
/// Full past days only: the oldest, 89 days ago, still starts after `now − 90 days`.
pub(super) const DAYS: i64 = 89;

/// The demo's time zone, as the KPI core takes it.
pub(super) fn offset() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(LOCAL_OFFSET_H as i32 * 3600).expect("a valid offset")
}

pub(super) struct Clock {
    pub now: Time,
    pub today: NaiveDate,
}

impl Clock {
    pub fn new(now: Time) -> Self {
        Clock {
            now,
            today: local_date(now),
        }
    }

    pub fn days_ago(&self, days: i64) -> NaiveDate {
        self.today - Duration::days(days)
    }

    /// The instant of a local date and time of day.
    pub fn at(&self, date: NaiveDate, minutes: i64) -> Time {
        let midnight = date
            .and_hms_opt(0, 0, 0)
            .expect("midnight exists")
            .and_utc();
        midnight + Duration::minutes(minutes) - Duration::hours(LOCAL_OFFSET_H)
    }

    /// A guest's arrival: a past day (weekends half again as busy), lunch or dinner.
    pub fn meal_time(&self, rng: &mut Rng) -> Time {
        let date = loop {
            let d = self.days_ago(rng.between(1, DAYS));
            if weekend(d) || rng.chance(2.0 / 3.0) {
                break d;
            }
        };
        let minutes = if rng.chance(0.4) {
            rng.between(11 * 60, 13 * 60 + 30)
        } else {
            rng.between(17 * 60, 20 * 60 + 30)
        };
        self.at(date, minutes) + Duration::seconds(rng.between(0, 59))
    }
}

pub(super) fn local_date(t: Time) -> NaiveDate {
    (t + Duration::hours(LOCAL_OFFSET_H)).date_naive()
}

/// 12:00–13:00 and 18:00–19:30 local: the rushes when serving runs late.
pub(super) fn is_peak(t: Time) -> bool {
    let local = t + Duration::hours(LOCAL_OFFSET_H);
    let m = local.hour() * 60 + local.minute();
    (720..780).contains(&m) || (1080..1170).contains(&m)
}

fn weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Fri | Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    #[test]
    fn local_times_are_utc_plus_eight() {
        // 2026-03-01 01:00 UTC is 09:00 in Beijing, same date; 17:00 UTC is the next day.
        let c = Clock::new(Utc.with_ymd_and_hms(2026, 3, 1, 17, 0, 0).unwrap());
        assert_eq!(c.today, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
        let nine = c.at(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), 9 * 60);
        assert_eq!(nine, Utc.with_ymd_and_hms(2026, 3, 1, 1, 0, 0).unwrap());
        // 12:30 local is 04:30 UTC: a peak; 15:00 local is not.
        assert!(is_peak(Utc.with_ymd_and_hms(2026, 3, 1, 4, 30, 0).unwrap()));
        assert!(!is_peak(Utc.with_ymd_and_hms(2026, 3, 1, 7, 0, 0).unwrap()));
    }

    #[test]
    fn meal_times_fall_inside_the_window() {
        let now = Utc.with_ymd_and_hms(2026, 3, 1, 0, 30, 0).unwrap();
        let c = Clock::new(now);
        let mut rng = Rng::new(3);
        for _ in 0..5_000 {
            let t = c.meal_time(&mut rng);
            assert!(t < now && t > now - Duration::days(90), "{t}");
        }
    }
}
