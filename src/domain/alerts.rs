//! 预警 Alerts: the workspace's thresholds checked against a period — CSAT or NPS below X,
//! more than N complaints on one local day, a step whose linked questions score below X.
//! An alert is open until someone acknowledges it (who, when, a note); the acknowledgement
//! is a record, so every device of the business sees it.

use super::kpi::{self, Facts, Filter, Kpi, Span};
use super::model::*;
use super::period::local_date;
use super::step_health::{step_health, MIN_ANSWERS};
use super::Data;
use chrono::{FixedOffset, NaiveDate};
use std::collections::BTreeMap;

/// Fewer answers than this say too little to raise a CSAT or NPS alert.
pub const MIN_N: usize = 10;

#[derive(Clone, Debug, PartialEq)]
pub enum AlertKind {
    LowCsat,
    LowNps,
    ComplaintDay(NaiveDate),
    LowStep {
        step_id: Id,
        process_id: Id,
        name: LocalText,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Alert {
    /// Names the alert across devices: its rule and the period, day or step.
    pub key: String,
    pub kind: AlertKind,
    pub value: f64,
    pub threshold: f64,
    pub n: usize,
}

/// The alerts `rules` raise in `span`, over all the business's records (filters narrow the
/// view, not what needs attention). `offset_at` gives the local day of a complaint.
pub fn alerts(
    d: &Data,
    facts: &Facts,
    span: &Span,
    rules: &AlertRules,
    now: Time,
    offset_at: &dyn Fn(Time) -> FixedOffset,
) -> Vec<Alert> {
    let all = Filter::default();
    let (from, to) = span.days;
    let period = format!("{from}..{to}");
    let mut out = Vec::new();
    let figures = kpi::figures_from(d, facts, std::slice::from_ref(span), &all, now)
        .pop()
        .unwrap_or_default();
    for (kpi, below, kind, code) in [
        (Kpi::Csat, rules.csat_below, AlertKind::LowCsat, "csat"),
        (Kpi::Nps, rules.nps_below, AlertKind::LowNps, "nps"),
    ] {
        let v = figures[&kpi];
        if let (Some(value), Some(threshold)) = (v.value, below) {
            if v.n >= MIN_N && value < threshold {
                out.push(Alert {
                    key: format!("{code}:{period}"),
                    kind,
                    value,
                    threshold,
                    n: v.n,
                });
            }
        }
    }
    if let Some(max) = rules.complaints_per_day {
        let mut per_day: BTreeMap<NaiveDate, usize> = BTreeMap::new();
        for c in kpi::complaints(d, span, &all) {
            *per_day
                .entry(local_date(c.created_at, offset_at(c.created_at)))
                .or_default() += 1;
        }
        for (day, n) in per_day.into_iter().filter(|(_, n)| *n > max as usize) {
            out.push(Alert {
                key: format!("complaints:{day}"),
                kind: AlertKind::ComplaintDay(day),
                value: n as f64,
                threshold: f64::from(max),
                n,
            });
        }
    }
    if let Some(threshold) = rules.step_score_below {
        for h in step_health(d, facts, span, &all) {
            match h.score {
                Some(value) if h.answers >= MIN_ANSWERS && value < threshold => out.push(Alert {
                    key: format!("step:{}:{period}", h.step_id),
                    kind: AlertKind::LowStep {
                        step_id: h.step_id,
                        process_id: h.process_id,
                        name: h.name,
                    },
                    value,
                    threshold,
                    n: h.answers,
                }),
                _ => {}
            }
        }
    }
    out
}

/// The acknowledgement of each alert that has one (the latest, if two devices both did).
pub fn acknowledgements<'a>(
    alerts: &[Alert],
    acks: &'a [AlertAck],
) -> Vec<(Alert, Option<&'a AlertAck>)> {
    alerts
        .iter()
        .map(|a| {
            let ack = acks
                .iter()
                .filter(|k| k.key == a.key)
                .max_by_key(|k| k.created_at);
            (a.clone(), ack)
        })
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AckError {
    /// Who acknowledged it must be said.
    NoName,
}

/// The acknowledgement of `alert` by `by`, with an optional note.
pub fn acknowledge(
    alert: &Alert,
    by: &str,
    note: &str,
    id: Id,
    now: Time,
) -> Result<AlertAck, AckError> {
    let by = by.trim();
    if by.is_empty() {
        return Err(AckError::NoName);
    }
    Ok(AlertAck {
        id,
        created_at: now,
        updated_at: now,
        key: alert.key.clone(),
        by: by.to_string(),
        note: note.trim().to_string(),
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleError {
    CsatOutOfRange,
    NpsOutOfRange,
    ComplaintsNotWhole,
    StepScoreOutOfRange,
}

/// Rules from what was typed in Settings: an empty field turns its rule off; a value outside
/// its range is refused, naming the field.
pub fn rules_from(
    csat: &str,
    nps: &str,
    complaints: &str,
    step: &str,
) -> Result<AlertRules, RuleError> {
    let number = |text: &str, lo: f64, hi: f64, e: RuleError| -> Result<Option<f64>, RuleError> {
        let t = text.trim();
        if t.is_empty() {
            return Ok(None);
        }
        match t.parse::<f64>() {
            Ok(v) if (lo..=hi).contains(&v) => Ok(Some(v)),
            _ => Err(e),
        }
    };
    let complaints = match complaints.trim() {
        "" => None,
        t => Some(
            t.parse::<u32>()
                .ok()
                .filter(|n| *n <= 10_000)
                .ok_or(RuleError::ComplaintsNotWhole)?,
        ),
    };
    Ok(AlertRules {
        csat_below: number(csat, 0.0, 100.0, RuleError::CsatOutOfRange)?,
        nps_below: number(nps, -100.0, 100.0, RuleError::NpsOutOfRange)?,
        complaints_per_day: complaints,
        step_score_below: number(step, 1.0, 5.0, RuleError::StepScoreOutOfRange)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::feedback;
    use crate::domain::survey_fixtures::{question, response, version};
    use chrono::{TimeZone, Utc};

    fn at(d: u32, h: u32) -> Time {
        Utc.with_ymd_and_hms(2026, 10, d, h, 0, 0).unwrap()
    }

    fn october() -> Span {
        Span {
            instants: at(1, 0)..Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap(),
            days: (
                NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
                NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
            ),
        }
    }

    fn utc8(_: Time) -> FixedOffset {
        FixedOffset::east_opt(8 * 3600).unwrap()
    }

    fn complaint(t: Time) -> Feedback {
        feedback::open(
            FeedbackKind::Complaint,
            Channel::Phone,
            String::new(),
            Id::new_v4(),
            t,
        )
    }

    fn with_stars(scores: &[u8]) -> Data {
        let stars = question(QuestionKind::Stars, None);
        let v = version(vec![stars.clone()]);
        let mut d = Data {
            survey_versions: vec![v.clone()],
            ..Data::default()
        };
        for (i, s) in scores.iter().enumerate() {
            d.responses
                .push(response(&v, None, 1 + i as u32 % 28, &[(stars.id, *s)]));
        }
        d
    }

    #[test]
    fn csat_below_the_threshold_raises_one_alert_when_there_are_enough_answers() {
        let rules = AlertRules::default();
        let now = at(31, 12);
        // 7 of 10 satisfied: 70 % < 80 %.
        let d = with_stars(&[5, 5, 5, 5, 5, 5, 4, 2, 1, 3]);
        let a = alerts(&d, &Facts::new(&d), &october(), &rules, now, &utc8);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].kind, AlertKind::LowCsat);
        assert_eq!(a[0].key, "csat:2026-10-01..2026-10-31");
        assert!((a[0].value - 70.0).abs() < 1e-9);
        assert_eq!((a[0].threshold, a[0].n), (80.0, 10));
        // Nine answers are too few; 8 of 10 meets the threshold.
        let few = with_stars(&[1; 9]);
        assert!(alerts(&few, &Facts::new(&few), &october(), &rules, now, &utc8).is_empty());
        let d = with_stars(&[5, 5, 5, 5, 5, 5, 5, 5, 1, 1]);
        assert!(alerts(&d, &Facts::new(&d), &october(), &rules, now, &utc8).is_empty());
        // A rule turned off raises nothing.
        let off = AlertRules {
            csat_below: None,
            ..rules
        };
        let d = with_stars(&[1; 20]);
        assert!(alerts(&d, &Facts::new(&d), &october(), &off, now, &utc8).is_empty());
    }

    #[test]
    fn complaints_are_counted_per_local_day() {
        let rules = AlertRules {
            complaints_per_day: Some(2),
            ..AlertRules::default()
        };
        // 3 Oct 17:00 UTC is 4 Oct 01:00 in UTC+8: with the two on 4 Oct that makes three.
        let d = Data {
            feedback: vec![
                complaint(at(3, 17)),
                complaint(at(4, 2)),
                complaint(at(4, 9)),
                complaint(at(3, 9)),
                complaint(at(3, 10)),
            ],
            ..Data::default()
        };
        let a = alerts(&d, &Facts::new(&d), &october(), &rules, at(31, 0), &utc8);
        assert_eq!(a.len(), 1, "{a:?}");
        let day = NaiveDate::from_ymd_opt(2026, 10, 4).unwrap();
        assert_eq!(a[0].kind, AlertKind::ComplaintDay(day));
        assert_eq!(a[0].key, "complaints:2026-10-04");
        assert_eq!(a[0].n, 3);
    }

    #[test]
    fn acknowledging_needs_a_name_and_the_latest_counts() {
        let alert = Alert {
            key: "nps:x".into(),
            kind: AlertKind::LowNps,
            value: -10.0,
            threshold: 0.0,
            n: 40,
        };
        assert_eq!(
            acknowledge(&alert, "  ", "", Id::new_v4(), at(5, 9)),
            Err(AckError::NoName)
        );
        let first =
            acknowledge(&alert, " 王店长 ", " 已安排培训 ", Id::new_v4(), at(5, 9)).unwrap();
        assert_eq!(
            (first.by.as_str(), first.note.as_str()),
            ("王店长", "已安排培训")
        );
        let later = acknowledge(&alert, "Li", "", Id::new_v4(), at(6, 9)).unwrap();
        let other = Alert {
            key: "csat:x".into(),
            ..alert.clone()
        };
        let acks = [first, later.clone()];
        let seen = acknowledgements(&[alert, other], &acks);
        assert_eq!(seen[0].1, Some(&later));
        assert_eq!(seen[1].1, None);
    }

    #[test]
    fn rules_from_settings_refuse_out_of_range_values() {
        assert_eq!(
            rules_from("85", "-10", "5", "3.5"),
            Ok(AlertRules {
                csat_below: Some(85.0),
                nps_below: Some(-10.0),
                complaints_per_day: Some(5),
                step_score_below: Some(3.5),
            })
        );
        assert_eq!(
            rules_from("", "", "", ""),
            Ok(AlertRules {
                csat_below: None,
                nps_below: None,
                complaints_per_day: None,
                step_score_below: None,
            })
        );
        assert_eq!(
            rules_from("101", "", "", ""),
            Err(RuleError::CsatOutOfRange)
        );
        assert_eq!(
            rules_from("", "-101", "", ""),
            Err(RuleError::NpsOutOfRange)
        );
        assert_eq!(
            rules_from("", "", "2.5", ""),
            Err(RuleError::ComplaintsNotWhole)
        );
        assert_eq!(
            rules_from("", "", "-1", ""),
            Err(RuleError::ComplaintsNotWhole)
        );
        assert_eq!(
            rules_from("", "", "", "6"),
            Err(RuleError::StepScoreOutOfRange)
        );
        assert_eq!(
            rules_from("abc", "", "", ""),
            Err(RuleError::CsatOutOfRange)
        );
    }
}
