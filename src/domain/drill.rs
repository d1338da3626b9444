//! Drill-down: the records behind one figure of the dashboard — a KPI tile, a Pareto bar, a
//! heat-map cell or a step-health row — under the same period and filters, so the manager
//! reads the responses, feedback items, runs or staff a number was made of.

use super::kpi::{self, Filter, Kpi, Span};
use super::model::*;
use super::scoring::{servqual_items, Questions};
use super::Data;
use crate::domain::sort;
use chrono::{Datelike, FixedOffset, Timelike};
use rustc_hash::FxHashSet;
use std::cmp::Reverse;

/// What was clicked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Kpi(Kpi),
    /// A Pareto bar; `None` is the complaints not analysed yet.
    Cause(Option<RootCause>),
    /// A heat-map cell: weekday (0 = Monday) and local hour.
    Hour {
        weekday: u8,
        hour: u8,
    },
    Step(Id),
}

const CAUSES: [(RootCause, &str); 6] = [
    (RootCause::People, "people"),
    (RootCause::Process, "process"),
    (RootCause::Equipment, "equipment"),
    (RootCause::Materials, "materials"),
    (RootCause::Environment, "environment"),
    (RootCause::Measurement, "measurement"),
];

impl Focus {
    /// The `focus=` value of the drill-down's address.
    pub fn code(self) -> String {
        match self {
            Focus::Kpi(k) => format!("kpi.{}", k.code()),
            Focus::Cause(None) => "cause.none".into(),
            Focus::Cause(Some(c)) => {
                let code = CAUSES.iter().find(|(x, _)| *x == c).map_or("", |(_, s)| s);
                format!("cause.{code}")
            }
            Focus::Hour { weekday, hour } => format!("hour.{weekday}.{hour}"),
            Focus::Step(id) => format!("step.{id}"),
        }
    }

    pub fn parse(code: &str) -> Option<Focus> {
        let (kind, rest) = code.split_once('.')?;
        match kind {
            "kpi" => Kpi::ALL
                .into_iter()
                .find(|k| k.code() == rest)
                .map(Focus::Kpi),
            "cause" if rest == "none" => Some(Focus::Cause(None)),
            "cause" => CAUSES
                .iter()
                .find(|(_, s)| *s == rest)
                .map(|(c, _)| Focus::Cause(Some(*c))),
            "hour" => {
                let (w, h) = rest.split_once('.')?;
                let (weekday, hour) = (w.parse().ok()?, h.parse().ok()?);
                (weekday < 7 && hour < 24).then_some(Focus::Hour { weekday, hour })
            }
            "step" => rest.parse().ok().map(Focus::Step),
            _ => None,
        }
    }

    /// Reads `focus=…` out of a query string such as the URL fragment's.
    pub fn from_query(query: &str) -> Option<Focus> {
        query
            .split('&')
            .find_map(|kv| kv.strip_prefix("focus="))
            .and_then(Focus::parse)
    }
}

/// The records behind a figure, newest first.
#[derive(Debug, Default, PartialEq)]
pub struct Behind<'d> {
    pub responses: Vec<&'d Response>,
    pub feedback: Vec<&'d Feedback>,
    pub runs: Vec<&'d ProcessRun>,
    pub staff: Vec<&'d Staff>,
    pub audits: Vec<&'d Audit>,
}

/// The records a figure of `span` under `f` was computed from. `now` decides which complaints
/// are late, `offset_at` the local hour of an answer (as the heat map reads it).
pub fn behind<'d>(
    d: &'d Data,
    span: &'d Span,
    f: &'d Filter,
    focus: Focus,
    now: Time,
    offset_at: &dyn Fn(Time) -> FixedOffset,
) -> Behind<'d> {
    let mut b = Behind::default();
    let questions = Questions::new(&d.survey_versions);
    let responses: Vec<&'d Response> = kpi::responses(d, span, f).collect();
    let answered = |pick: &dyn Fn(&Question) -> bool| -> Vec<&'d Response> {
        responses
            .iter()
            .copied()
            .filter(|r| questions.scored(r).any(|(q, _)| pick(q)))
            .collect()
    };
    let all_complaints: Vec<&'d Feedback> =
        kpi::feedback_where(d, f, |c| c.kind == FeedbackKind::Complaint).collect();
    let complaints = |pick: &dyn Fn(&Feedback) -> bool| -> Vec<&'d Feedback> {
        all_complaints.iter().copied().filter(|c| pick(c)).collect()
    };
    let arrived = |c: &Feedback| span.instants.contains(&c.created_at);
    match focus {
        Focus::Kpi(k) => match k {
            Kpi::Csat => b.responses = answered(&|q| q.kind == QuestionKind::Stars),
            Kpi::Nps => b.responses = answered(&|q| q.kind == QuestionKind::Nps),
            Kpi::Ces => {
                b.responses = answered(&|q| {
                    q.kind == QuestionKind::Likert && q.servqual.is_none() && q.dimension.is_none()
                })
            }
            Kpi::ServqualGap(i) => {
                let dim = &Dimension::SERVQUAL[usize::from(i).min(4)];
                let pairs: FxHashSet<(Id, Id)> = d
                    .survey_versions
                    .iter()
                    .flat_map(|v| {
                        servqual_items(v)
                            .into_iter()
                            .filter(|it| it.dimension == *dim)
                            .map(|it| (it.expectation, it.perception))
                    })
                    .collect();
                let scored =
                    |r: &Response, q: &Id| matches!(r.answers.get(q), Some(Answer::Score(_)));
                b.responses = responses
                    .iter()
                    .copied()
                    .filter(|r| pairs.iter().any(|(e, p)| scored(r, e) && scored(r, p)))
                    .collect();
            }
            Kpi::ComplaintRate => b.feedback = complaints(&arrived),
            Kpi::FirstResponseMinutes => {
                b.feedback = complaints(&|c| arrived(c) && c.first_response_at.is_some())
            }
            Kpi::ResolvedInTime => b.feedback = complaints(&|c| kpi::due_decided(c, span, now)),
            Kpi::FirstContactResolution => {
                b.feedback = complaints(&|c| kpi::first_resolved_in(c, span))
            }
            Kpi::Compliance | Kpi::ComplianceTier(_) | Kpi::OnTimeSteps => {
                b.runs = kpi::runs(d, span, f).collect()
            }
            Kpi::AuditScore => {
                b.audits = super::audit::audits_in(d, span, f)
                    .map(|(a, _)| a)
                    .collect()
            }
            Kpi::Turnover | Kpi::TrainingCoverage => {
                b.staff = d
                    .staff
                    .iter()
                    .filter(|s| f.staff.is_none_or(|id| s.id == id) && kpi::employed(s, span))
                    .collect()
            }
        },
        Focus::Cause(cause) => b.feedback = complaints(&|c| arrived(c) && c.root_cause == cause),
        Focus::Hour { weekday, hour } => {
            let at_hour = |r: &&Response| {
                let local = r.submitted_at.with_timezone(&offset_at(r.submitted_at));
                local.weekday().num_days_from_monday() == u32::from(weekday)
                    && local.hour() == u32::from(hour)
            };
            b.responses = answered(&|q| q.kind == QuestionKind::Stars);
            b.responses.retain(at_hour);
        }
        Focus::Step(step) => {
            let versions: FxHashSet<Id> = d
                .process_versions
                .iter()
                .filter(|v| v.stages.iter().flat_map(|s| &s.steps).any(|s| s.id == step))
                .map(|v| v.id)
                .collect();
            b.runs = kpi::runs(d, span, f)
                .filter(|r| versions.contains(&r.process_version_id))
                .collect();
            b.responses = answered(&|q| q.step_ids.contains(&step));
            b.feedback = complaints(&|c| arrived(c) && c.step_id == Some(step));
        }
    }
    sort::by_key(&mut b.responses, |r| Reverse(r.submitted_at));
    sort::by_key(&mut b.feedback, |c| Reverse(c.created_at));
    sort::by_key(&mut b.runs, |r| Reverse(r.finished_at));
    sort::by_key(&mut b.audits, |a| Reverse(a.date));
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dashboard::Query;
    use crate::domain::demo;
    use crate::domain::kpi::figures;
    use crate::domain::period::Period;
    use chrono::{NaiveDate, TimeZone, Utc};

    fn utc(_: Time) -> FixedOffset {
        FixedOffset::east_opt(0).unwrap()
    }

    #[test]
    fn focus_codes_round_trip_and_junk_is_refused() {
        let mut all: Vec<Focus> = Kpi::ALL.into_iter().map(Focus::Kpi).collect();
        all.push(Focus::Cause(None));
        all.extend(CAUSES.iter().map(|(c, _)| Focus::Cause(Some(*c))));
        all.push(Focus::Hour {
            weekday: 6,
            hour: 23,
        });
        all.push(Focus::Step(Id::from_u128(7)));
        for f in all {
            assert_eq!(Focus::parse(&f.code()), Some(f), "{f:?}");
        }
        for bad in [
            "",
            "kpi",
            "kpi.nope",
            "hour.7.1",
            "hour.1.24",
            "cause.x",
            "step.1",
        ] {
            assert_eq!(Focus::parse(bad), None, "{bad}");
        }
        let q = format!("period=2026-11&focus={}", Focus::Kpi(Kpi::Nps).code());
        assert_eq!(Focus::from_query(&q), Some(Focus::Kpi(Kpi::Nps)));
        assert_eq!(Query::parse(&q).period.code(), "2026-11");
    }

    /// October of the demo (loaded on 2 December), UTC: it has complaints, runs and staff.
    fn demo_month() -> (Data, Span, Time) {
        let now = Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).unwrap();
        let d = demo::for_app(now, crate::i18n::Lang::En);
        let p = Period::month(NaiveDate::from_ymd_opt(2026, 10, 1).unwrap());
        let span = Span {
            instants: p.bounds(FixedOffset::east_opt(0).unwrap()),
            days: (p.from, p.to),
        };
        (d, span, now)
    }

    #[test]
    fn the_records_behind_a_kpi_are_the_ones_it_counts() {
        let (d, span, now) = demo_month();
        let f = Filter::default();
        let figs = figures(&d, &span, &f, now);
        let count = |k: Kpi| {
            let b = behind(&d, &span, &f, Focus::Kpi(k), now, &utc);
            (
                b.responses.len(),
                b.feedback.len(),
                b.runs.len(),
                b.staff.len(),
            )
        };
        // Figures whose n counts records one for one.
        assert_eq!(count(Kpi::ResolvedInTime).1, figs[&Kpi::ResolvedInTime].n);
        assert_eq!(
            count(Kpi::FirstContactResolution).1,
            figs[&Kpi::FirstContactResolution].n
        );
        assert_eq!(
            count(Kpi::FirstResponseMinutes).1,
            figs[&Kpi::FirstResponseMinutes].n
        );
        assert_eq!(count(Kpi::Turnover).3, figs[&Kpi::Turnover].n);
        let complaints = count(Kpi::ComplaintRate).1;
        let rate = figs[&Kpi::ComplaintRate];
        assert!(complaints > 0, "the demo month has complaints");
        assert!((rate.value.unwrap() - 1000.0 * complaints as f64 / rate.n as f64).abs() < 1e-9);
        // CSAT: every response with a star answer; each adds at least one answer to n.
        let (csat_responses, ..) = count(Kpi::Csat);
        assert!(csat_responses > 0 && csat_responses <= figs[&Kpi::Csat].n);
        let runs = count(Kpi::Compliance).2;
        assert!(runs > 0);
        assert!(
            behind(&d, &span, &f, Focus::Kpi(Kpi::Compliance), now, &utc)
                .runs
                .iter()
                .all(|r| r.finished_at.is_some_and(|t| span.instants.contains(&t)))
        );
        // The audit score's n is the steps seen in the audits behind it.
        let audits = behind(&d, &span, &f, Focus::Kpi(Kpi::AuditScore), now, &utc).audits;
        assert!(!audits.is_empty(), "the demo month has audits");
        let seen: usize = audits
            .iter()
            .flat_map(|a| &a.results)
            .filter(|r| r.result != AuditResult::NotSeen)
            .count();
        assert_eq!(seen, figs[&Kpi::AuditScore].n);
        assert!(audits
            .iter()
            .all(|a| (span.days.0..=span.days.1).contains(&a.date)));
    }

    #[test]
    fn causes_hours_and_steps_narrow_the_records() {
        let (d, span, now) = demo_month();
        let f = Filter::default();
        let causes = kpi::root_causes(&d, &span, &f);
        for (cause, n) in &causes {
            let b = behind(&d, &span, &f, Focus::Cause(*cause), now, &utc);
            assert_eq!(b.feedback.len(), *n, "{cause:?}");
            assert!(b.feedback.iter().all(|c| c.root_cause == *cause));
        }
        // The heat map's cell counts are star answers; the responses behind a cell are those
        // submitted in that local hour, and every one of them has a star answer.
        let facts = kpi::Facts::new(&d);
        let points: Vec<_> = kpi::satisfaction_points(&facts, &span, &f, &utc).collect();
        let (at, _) = points[0];
        let (weekday, hour) = (at.weekday().num_days_from_monday() as u8, at.hour() as u8);
        let b = behind(&d, &span, &f, Focus::Hour { weekday, hour }, now, &utc);
        assert!(!b.responses.is_empty());
        assert!(b.responses.iter().all(|r| {
            r.submitted_at.weekday().num_days_from_monday() == u32::from(weekday)
                && r.submitted_at.hour() == u32::from(hour)
        }));
        assert!(
            b.responses.len()
                <= points
                    .iter()
                    .filter(|(t, _)| t.weekday() == at.weekday() && t.hour() == at.hour())
                    .count()
        );
        // A step: the complaints named against it, and only runs of versions that have it.
        let health = crate::domain::step_health::step_health(&d, &kpi::Facts::new(&d), &span, &f);
        let worst = &health[0];
        let b = behind(&d, &span, &f, Focus::Step(worst.step_id), now, &utc);
        assert_eq!(b.feedback.len(), worst.complaints);
        assert_eq!(
            b.runs.iter().map(|r| r.id).collect::<FxHashSet<_>>().len(),
            b.runs.len()
        );
        let newest_first = b
            .feedback
            .windows(2)
            .all(|w| w[0].created_at >= w[1].created_at);
        assert!(newest_first);
    }
}
