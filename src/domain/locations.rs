//! 门店 Locations of a chain: their names, and each KPI of a period compared across them with
//! the best and the worst marked.

use super::kpi::{self, Facts, Filter, Kpi, Span, Value};
use super::model::{Id, Location, Time};
use super::Data;

/// The KPIs compared across locations: those of records a location makes (staff belong to
/// no location, so turnover and training are not among them).
pub const COMPARED: [Kpi; 10] = [
    Kpi::Csat,
    Kpi::Nps,
    Kpi::Ces,
    Kpi::ComplaintRate,
    Kpi::FirstResponseMinutes,
    Kpi::ResolvedInTime,
    Kpi::FirstContactResolution,
    Kpi::Compliance,
    Kpi::OnTimeSteps,
    Kpi::AuditScore,
];

pub const NAME_MAX: usize = 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameProblem {
    Empty,
    TooLong,
    /// Another location already has it (case and surrounding spaces ignored).
    Taken,
}

/// What is wrong with `name` for a location (`renaming` is the one being renamed).
pub fn name_problem(d: &Data, name: &str, renaming: Option<Id>) -> Option<NameProblem> {
    let name = name.trim();
    if name.is_empty() {
        return Some(NameProblem::Empty);
    }
    if name.chars().count() > NAME_MAX {
        return Some(NameProblem::TooLong);
    }
    let name = name.to_lowercase();
    d.locations
        .iter()
        .any(|l| Some(l.id) != renaming && l.name.trim().to_lowercase() == name)
        .then_some(NameProblem::Taken)
}

pub fn new(name: &str, id: Id, now: Time) -> Location {
    Location {
        id,
        created_at: now,
        updated_at: now,
        name: name.trim().to_string(),
    }
}

/// Whether there is anything to compare: two locations or more.
pub fn compared(d: &Data) -> bool {
    d.locations.len() >= 2
}

/// The locations in name order.
pub fn sorted(d: &Data) -> Vec<&Location> {
    let mut all: Vec<&Location> = d.locations.iter().collect();
    super::sort::by_key(&mut all, |l| (l.name.clone(), l.id));
    all
}

/// How many records were made at a location: one in use is not deleted, or its records
/// would lose the name they are reported under.
pub fn in_use(d: &Data, id: Id) -> usize {
    let at = Some(id);
    d.responses.iter().filter(|r| r.location_id == at).count()
        + d.runs.iter().filter(|r| r.location_id == at).count()
        + d.feedback.iter().filter(|r| r.location_id == at).count()
        + d.audits.iter().filter(|r| r.location_id == at).count()
        + d.evaluations.iter().filter(|r| r.location_id == at).count()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Best,
    Worst,
}

/// One KPI across the locations: a value per location (in `Comparison::locations` order)
/// and the mark each gets.
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    pub kpi: Kpi,
    pub values: Vec<Value>,
    pub marks: Vec<Option<Mark>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Each location's id and name, in name order.
    pub locations: Vec<(Id, String)>,
    pub rows: Vec<Compared>,
}

/// Each compared KPI of `span` per location, under the other filters of `f` (its own
/// location, if any, is replaced by each location in turn).
pub fn compare(d: &Data, facts: &Facts, span: &Span, f: &Filter, now: Time) -> Comparison {
    let locations: Vec<(Id, String)> = sorted(d).iter().map(|l| (l.id, l.name.clone())).collect();
    let figures: Vec<_> = locations
        .iter()
        .map(|(l, _)| {
            let only = Filter {
                location: Some(*l),
                ..*f
            };
            kpi::figures_from(d, facts, std::slice::from_ref(span), &only, now)
                .pop()
                .unwrap_or_default()
        })
        .collect();
    let rows = COMPARED
        .into_iter()
        .map(|k| {
            let values: Vec<Value> = figures
                .iter()
                .map(|m| m.get(&k).copied().unwrap_or(Value { value: None, n: 0 }))
                .collect();
            let marks = marks(k, &values);
            Compared {
                kpi: k,
                values,
                marks,
            }
        })
        .collect();
    Comparison { locations, rows }
}

/// Best and worst among the values large enough to rank (a small sample is not a finding);
/// none when fewer than two can be ranked or they are all equal. Ties share the mark.
pub fn marks(k: Kpi, values: &[Value]) -> Vec<Option<Mark>> {
    let ranked: Vec<f64> = values
        .iter()
        .filter(|v| !v.small_sample())
        .filter_map(|v| v.value)
        .collect();
    let (lo, hi) = ranked
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        });
    if ranked.len() < 2 || lo == hi {
        return vec![None; values.len()];
    }
    let (best, worst) = if k.higher_is_better() {
        (hi, lo)
    } else {
        (lo, hi)
    };
    values
        .iter()
        .map(|v| match v.value {
            _ if v.small_sample() => None,
            Some(x) if x == best => Some(Mark::Best),
            Some(x) if x == worst => Some(Mark::Worst),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
#[path = "locations/tests.rs"]
mod tests;
