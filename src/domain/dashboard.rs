//! The dashboard's view: the query it is opened with (period and filters, from the URL
//! fragment), and its KPI tiles — each figure against its target and the previous equal
//! period, with the last periods for a sparkline. One KPI pass per period, shared by all tiles.

use super::kpi::{self, Facts, Filter, Kpi, Span, Value};
use super::model::Time;
use super::model::{Channel, Id, Targets, Tier};
use super::period_choice::PeriodChoice;
use super::Data;
use std::collections::BTreeMap;

/// Periods a sparkline shows, the current one last.
pub const HISTORY: usize = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Query {
    pub period: PeriodChoice,
    pub filter: Filter,
}

impl Default for Query {
    fn default() -> Self {
        Query {
            period: PeriodChoice::ThisMonth,
            filter: Filter::default(),
        }
    }
}

pub fn channel_code(c: Channel) -> &'static str {
    match c {
        Channel::InPerson => "in-person",
        Channel::Phone => "phone",
        Channel::Kiosk => "kiosk",
        Channel::Online => "online",
        Channel::Other => "other",
    }
}

impl Query {
    /// Reads `period=…&process=…&survey=…&staff=…&channel=…&location=…`; what it does not understand it
    /// leaves at the default, so an old or hand-edited link still opens.
    pub fn parse(query: &str) -> Query {
        Query::parse_or(query, Query::default())
    }

    /// The same, starting from `default` (the report opens on last month).
    pub fn parse_or(query: &str, default: Query) -> Query {
        let mut q = default;
        for (key, value) in query.split('&').filter_map(|kv| kv.split_once('=')) {
            let id = || value.parse::<Id>().ok();
            match key {
                "period" => q.period = PeriodChoice::parse(value).unwrap_or(q.period),
                "process" => q.filter.process = id(),
                "survey" => q.filter.survey = id(),
                "staff" => q.filter.staff = id(),
                "location" => q.filter.location = id(),
                "channel" => {
                    q.filter.channel = Channel::ALL.into_iter().find(|c| channel_code(*c) == value)
                }
                _ => {}
            }
        }
        q
    }

    pub fn to_query(&self) -> String {
        let mut parts = vec![format!("period={}", self.period.code())];
        let f = &self.filter;
        parts.extend(f.process.map(|p| format!("process={p}")));
        parts.extend(f.survey.map(|s| format!("survey={s}")));
        parts.extend(f.staff.map(|s| format!("staff={s}")));
        parts.extend(f.channel.map(|c| format!("channel={}", channel_code(c))));
        parts.extend(f.location.map(|l| format!("location={l}")));
        parts.join("&")
    }
}

/// The workspace target of a KPI, where it has one.
pub fn target(t: &Targets, k: Kpi) -> Option<f64> {
    Some(match k {
        Kpi::Csat => t.csat,
        Kpi::Nps => t.nps,
        Kpi::Ces => t.ces,
        Kpi::ComplaintRate => t.complaint_rate,
        Kpi::FirstResponseMinutes => t.first_response_min,
        Kpi::ResolvedInTime => t.resolution,
        Kpi::FirstContactResolution => t.first_contact_resolution,
        Kpi::ServqualGap(_) => return None,
        Kpi::Compliance => t.compliance,
        Kpi::ComplianceTier(Tier::Basic) => t.compliance,
        Kpi::ComplianceTier(_) => return None,
        Kpi::OnTimeSteps => t.on_time,
        Kpi::AuditScore => t.audit_score,
        Kpi::Turnover => t.turnover,
        Kpi::TrainingCoverage => t.training_coverage,
    })
}

/// The KPIs a workspace sets targets for (the tiers follow overall compliance; a SERVQUAL
/// gap is read against zero, customers' own expectation).
pub fn targeted() -> impl Iterator<Item = Kpi> {
    Kpi::ALL
        .into_iter()
        .filter(|k| !matches!(k, Kpi::ComplianceTier(_) | Kpi::ServqualGap(_)))
}

/// The values a target of `k` can take.
pub fn target_range(k: Kpi) -> (f64, f64) {
    match k {
        Kpi::Nps => (-100.0, 100.0),
        Kpi::Ces => (1.0, 7.0),
        Kpi::ComplaintRate => (0.0, 1000.0),
        Kpi::FirstResponseMinutes => (0.0, 10_080.0),
        Kpi::ServqualGap(_) => (-6.0, 6.0),
        _ => (0.0, 100.0),
    }
}

/// `t` with the target of `k` set to `v`; `None` when `v` is outside the KPI's range (or not
/// a number), so a bad entry changes nothing.
pub fn with_target(t: &Targets, k: Kpi, v: f64) -> Option<Targets> {
    let (lo, hi) = target_range(k);
    if !(lo..=hi).contains(&v) {
        return None;
    }
    let mut t = t.clone();
    let slot = match k {
        Kpi::Csat => &mut t.csat,
        Kpi::Nps => &mut t.nps,
        Kpi::Ces => &mut t.ces,
        Kpi::ComplaintRate => &mut t.complaint_rate,
        Kpi::FirstResponseMinutes => &mut t.first_response_min,
        Kpi::ResolvedInTime => &mut t.resolution,
        Kpi::FirstContactResolution => &mut t.first_contact_resolution,
        Kpi::ServqualGap(_) => return None,
        Kpi::Compliance => &mut t.compliance,
        Kpi::ComplianceTier(_) => return None,
        Kpi::OnTimeSteps => &mut t.on_time,
        Kpi::AuditScore => &mut t.audit_score,
        Kpi::Turnover => &mut t.turnover,
        Kpi::TrainingCoverage => &mut t.training_coverage,
    };
    *slot = v;
    Some(t)
}

/// Whether a figure meets its target, the right way up for the KPI.
pub fn meets(k: Kpi, value: f64, target: f64) -> bool {
    if k.higher_is_better() {
        value >= target
    } else {
        value <= target
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tile {
    pub kpi: Kpi,
    pub now: Value,
    pub before: Value,
    pub change: Option<f64>,
    /// Whether the change is good news; `None` when there is no change.
    pub change_good: Option<bool>,
    pub target: Option<f64>,
    pub meets_target: Option<bool>,
    /// The last `HISTORY` periods, oldest first.
    pub history: Vec<Option<f64>>,
}

/// The tiles for `spans` (the last periods, oldest first, the current one last). A SERVQUAL
/// gap has a tile only where the data has expectation / perception pairs.
pub fn tiles(
    d: &Data,
    facts: &Facts,
    spans: &[Span],
    f: &Filter,
    now: Time,
    targets: &Targets,
) -> Vec<Tile> {
    let figures: Vec<BTreeMap<Kpi, Value>> = kpi::figures_from(d, facts, spans, f, now);
    let empty = Value { value: None, n: 0 };
    let at = |i: Option<usize>, k: Kpi| {
        i.and_then(|i| figures.get(i))
            .and_then(|m| m.get(&k).copied())
            .unwrap_or(empty)
    };
    let last = figures.len().checked_sub(1);
    let before = last.and_then(|l| l.checked_sub(1));
    Kpi::ALL
        .into_iter()
        .filter(|k| {
            !matches!(k, Kpi::ServqualGap(_))
                || figures.iter().any(|m| m.get(k).is_some_and(|v| v.n > 0))
        })
        .map(|k| {
            let (now, before) = (at(last, k), at(before, k));
            let change = kpi::change(now, before);
            let target = target(targets, k);
            Tile {
                kpi: k,
                now,
                before,
                change,
                change_good: change
                    .filter(|c| *c != 0.0)
                    .map(|c| (c > 0.0) == k.higher_is_better()),
                target,
                meets_target: now.value.zip(target).map(|(v, t)| meets(k, v, t)),
                history: figures
                    .iter()
                    .map(|m| m.get(&k).and_then(|v| v.value))
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::period::Period;
    use crate::domain::survey_fixtures::{question, response, version};
    use chrono::{NaiveDate, TimeZone, Utc};

    #[test]
    fn queries_round_trip_and_junk_keeps_defaults() {
        let q = Query {
            period: PeriodChoice::Month {
                year: 2026,
                month: 11,
            },
            filter: Filter {
                process: Some(Id::from_u128(1)),
                survey: None,
                staff: Some(Id::from_u128(2)),
                channel: Some(Channel::Phone),
                location: Some(Id::from_u128(3)),
            },
        };
        assert_eq!(Query::parse(&q.to_query()), q);
        assert!(q.to_query().starts_with("period=2026-11&process="));
        assert_eq!(Query::parse(""), Query::default());
        assert_eq!(Query::parse("period=nonsense&staff=42&x"), Query::default());
        assert_eq!(
            Query::parse("channel=kiosk").filter.channel,
            Some(Channel::Kiosk)
        );
    }

    fn span(m: u32) -> Span {
        let from = NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
        let p = Period::month(from);
        Span {
            instants: Utc.from_utc_datetime(&p.from.and_hms_opt(0, 0, 0).unwrap())
                ..Utc.from_utc_datetime(&p.to.succ_opt().unwrap().and_hms_opt(0, 0, 0).unwrap()),
            days: (p.from, p.to),
        }
    }

    #[test]
    fn tiles_compare_with_the_previous_period_and_the_target() {
        let stars = question(crate::domain::model::QuestionKind::Stars, None);
        let v = version(vec![stars.clone()]);
        let mut d = Data {
            survey_versions: vec![v.clone()],
            ..Data::default()
        };
        // October: 5, 5, 2 → 66.7 %. September: none. November is asked for with October before.
        for s in [5, 5, 2] {
            d.responses.push(response(&v, None, 10, &[(stars.id, s)]));
        }
        let now = Utc.with_ymd_and_hms(2026, 11, 15, 0, 0, 0).unwrap();
        let tiles = tiles(
            &d,
            &Facts::new(&d),
            &[span(9), span(10)],
            &Filter::default(),
            now,
            &Targets::default(),
        );
        let csat = tiles.iter().find(|t| t.kpi == Kpi::Csat).unwrap();
        assert_eq!(csat.now.n, 3);
        assert!((csat.now.value.unwrap() - 200.0 / 3.0).abs() < 1e-9);
        assert_eq!(csat.before, Value { value: None, n: 0 });
        assert_eq!(csat.change, None, "no data before: no change");
        assert_eq!(csat.change_good, None);
        assert_eq!(csat.target, Some(90.0));
        assert_eq!(csat.meets_target, Some(false));
        assert_eq!(csat.history, vec![None, csat.now.value]);

        // November gets one 5: CSAT 100 %, up from 66.7 %: good news.
        d.responses.push(response(&v, None, 10, &[(stars.id, 5)]));
        d.responses[3].submitted_at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
        let tiles = super::tiles(
            &d,
            &Facts::new(&d),
            &[span(10), span(11)],
            &Filter::default(),
            now,
            &Targets::default(),
        );
        let csat = tiles.iter().find(|t| t.kpi == Kpi::Csat).unwrap();
        assert!((csat.change.unwrap() - 100.0 / 3.0).abs() < 1e-9);
        assert_eq!(csat.change_good, Some(true));
        assert_eq!(csat.meets_target, Some(true));
    }

    #[test]
    fn targets_are_set_within_their_range_only() {
        let t = Targets::default();
        for k in targeted() {
            let (lo, hi) = target_range(k);
            let set = with_target(&t, k, hi).unwrap();
            assert_eq!(target(&set, k), Some(hi), "{k:?}");
            assert_eq!(with_target(&t, k, lo - 1.0), None, "{k:?}");
            assert_eq!(with_target(&t, k, f64::NAN), None, "{k:?}");
        }
        assert_eq!(with_target(&t, Kpi::Ces, 7.5), None);
        assert_eq!(with_target(&t, Kpi::Nps, -50.0).unwrap().nps, -50.0);
        assert_eq!(
            with_target(&t, Kpi::ComplianceTier(Tier::Basic), 50.0),
            None
        );
        assert_eq!(targeted().count(), Kpi::ALL.len() - 8);
    }

    #[test]
    fn lower_is_better_for_complaints_time_and_turnover() {
        assert!(meets(Kpi::ComplaintRate, 10.0, 20.0));
        assert!(!meets(Kpi::FirstResponseMinutes, 45.0, 30.0));
        assert!(meets(Kpi::Csat, 90.0, 90.0));
        assert_eq!(
            target(&Targets::default(), Kpi::ComplianceTier(Tier::Custom)),
            None
        );
    }
}
