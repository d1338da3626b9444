//! The tables a manager exports for Excel: responses (one row per response, one column per
//! question), feedback, checklist runs (one row per step record), evaluations, trainings and
//! the KPI summary. Each takes the period and filters of the page it is exported from.
//! Headers and codes are named by the caller (`Naming`): as codes, or translated.

use super::kpi::{self, Filter, Kpi, Span, Value};
use super::locations::{Comparison, Mark};
use super::model::*;
use super::table::{Cell, Table};
use super::Data;
use crate::domain::sort;
use chrono::FixedOffset;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// Everything an export names: its columns and the codes in its cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    Column(Col),
    Kpi(Kpi),
    Channel(Channel),
    FeedbackKind(FeedbackKind),
    Status(FeedbackStatus),
    RootCause(RootCause),
    Evaluator(Evaluator),
    Tier(Tier),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    Id,
    LocalTime,
    UtcOffset,
    Survey,
    Version,
    Staff,
    Process,
    Step,
    VisitCode,
    Device,
    Location,
    FollowUp,
    Kind,
    Channel,
    Status,
    RootCause,
    Text,
    FirstResponse,
    Resolved,
    Due,
    Run,
    Started,
    Done,
    Tier,
    Option,
    Note,
    Skipped,
    Seconds,
    Limit,
    Period,
    Evaluator,
    Capability,
    Score,
    Title,
    Date,
    Trainer,
    Attendees,
    Capabilities,
    Kpi,
    Value,
    N,
    Target,
    Previous,
    Change,
    Best,
    Worst,
}

impl Label {
    /// The code written when the user asks for codes (stable, for scripts and pivots).
    pub fn code(self) -> String {
        let snake = |s: String| {
            let mut out = String::new();
            for (i, c) in s.chars().enumerate() {
                if c.is_uppercase() && i > 0 {
                    out.push('_');
                }
                out.extend(c.to_lowercase());
            }
            out
        };
        match self {
            Label::Column(c) => snake(format!("{c:?}")),
            Label::Kpi(k) => k.code().to_string(),
            Label::Channel(c) => snake(format!("{c:?}")),
            Label::FeedbackKind(k) => snake(format!("{k:?}")),
            Label::Status(s) => snake(format!("{s:?}")),
            Label::RootCause(r) => snake(format!("{r:?}")),
            Label::Evaluator(e) => snake(format!("{e:?}")),
            Label::Tier(t) => snake(format!("{t:?}")),
        }
    }
}

/// How the caller wants names written: as codes, or by its `label` (the UI's translation).
/// Record texts written in both languages are picked by `text`.
pub struct Naming<'a> {
    pub codes: bool,
    pub label: &'a dyn Fn(Label) -> String,
    pub text: &'a dyn Fn(&LocalText) -> String,
}

impl Naming<'_> {
    fn name(&self, l: Label) -> String {
        if self.codes {
            l.code()
        } else {
            (self.label)(l)
        }
    }

    fn cell(&self, l: Label) -> Cell {
        Cell::Text(self.name(l))
    }

    fn columns(&self, cols: &[Col]) -> Vec<String> {
        cols.iter().map(|c| self.name(Label::Column(*c))).collect()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MultiChoice {
    /// The chosen options in one cell, separated by "; ".
    OneColumn,
    /// One 0/1 column per option.
    ColumnPerOption,
}

/// The local wall-clock time of an instant, and the offset it was read with.
fn local(t: Time, offset: FixedOffset) -> Cell {
    Cell::DateTime(t.with_timezone(&offset).naive_local())
}

fn local_opt(t: Option<Time>, offset: FixedOffset) -> Cell {
    t.map_or(Cell::Empty, |t| local(t, offset))
}

fn staff_names(d: &Data) -> FxHashMap<Id, &str> {
    d.staff.iter().map(|s| (s.id, s.name.as_str())).collect()
}

fn location_names(d: &Data) -> FxHashMap<Id, &str> {
    d.locations
        .iter()
        .map(|l| (l.id, l.name.as_str()))
        .collect()
}

fn named(names: &FxHashMap<Id, &str>, id: Option<Id>) -> Cell {
    id.and_then(|i| names.get(&i))
        .map_or(Cell::Empty, |n| Cell::text(*n))
}

pub fn responses(
    d: &Data,
    span: &Span,
    f: &Filter,
    offset: FixedOffset,
    naming: &Naming,
    multi: MultiChoice,
) -> Table {
    let rows: Vec<&Response> = kpi::responses(d, span, f).collect();
    let versions: FxHashMap<Id, &SurveyVersion> =
        d.survey_versions.iter().map(|v| (v.id, v)).collect();
    let surveys: FxHashMap<Id, &Survey> = d.surveys.iter().map(|s| (s.id, s)).collect();
    let processes: FxHashMap<Id, &ServiceProcess> = d.processes.iter().map(|p| (p.id, p)).collect();
    let staff = staff_names(d);
    let locations = location_names(d);
    // One column per question of the versions answered, in version then question order.
    let mut questions: Vec<&Question> = Vec::new();
    let mut answered: Vec<&SurveyVersion> = rows
        .iter()
        .filter_map(|r| versions.get(&r.survey_version_id).copied())
        .collect();
    sort::by_key(&mut answered, |v| (v.survey_id, v.number));
    answered.dedup_by_key(|v| v.id);
    for q in answered.iter().flat_map(|v| &v.questions) {
        if !questions.iter().any(|seen| seen.id == q.id) {
            questions.push(q);
        }
    }
    let fixed = [
        Col::Id,
        Col::LocalTime,
        Col::UtcOffset,
        Col::Survey,
        Col::Version,
        Col::Staff,
        Col::Process,
        Col::VisitCode,
        Col::Device,
        Col::Location,
    ];
    let mut columns = naming.columns(&fixed);
    let follow_up = naming.name(Label::Column(Col::FollowUp));
    for q in &questions {
        let text = (naming.text)(&q.text);
        match (q.kind, multi) {
            (QuestionKind::MultipleChoice, MultiChoice::ColumnPerOption) => columns.extend(
                q.options
                    .iter()
                    .map(|o| format!("{text}: {}", (naming.text)(o))),
            ),
            _ => columns.push(text.clone()),
        }
        if q.follow_up.is_some() {
            columns.push(format!("{text} ({follow_up})"));
        }
    }
    let option = |q: &Question, i: u32| -> String {
        if naming.codes {
            (i + 1).to_string()
        } else {
            q.options
                .get(i as usize)
                .map(|o| (naming.text)(o))
                .unwrap_or_default()
        }
    };
    let rows = rows
        .iter()
        .map(|r| {
            let version = versions.get(&r.survey_version_id);
            let survey = version.and_then(|v| surveys.get(&v.survey_id));
            let mut row = vec![
                Cell::text(r.id.to_string()),
                local(r.submitted_at, offset),
                Cell::text(offset.to_string()),
                survey.map_or(Cell::Empty, |s| Cell::Text((naming.text)(&s.name))),
                version.map_or(Cell::Empty, |v| Cell::Number(f64::from(v.number))),
                named(&staff, r.staff_id),
                r.process_id
                    .and_then(|p| processes.get(&p))
                    .map_or(Cell::Empty, |p| Cell::Text((naming.text)(&p.name))),
                Cell::text(r.visit_code.as_str()),
                Cell::text(r.device_id.as_str()),
                named(&locations, r.location_id),
            ];
            for q in &questions {
                let answer = r.answers.get(&q.id);
                match (q.kind, multi, answer) {
                    (QuestionKind::MultipleChoice, MultiChoice::ColumnPerOption, a) => {
                        let chosen: &[u32] = match a {
                            Some(Answer::Choices(c)) => c,
                            _ => &[],
                        };
                        row.extend((0..q.options.len() as u32).map(|i| {
                            if a.is_none() {
                                Cell::Empty
                            } else {
                                Cell::Number(f64::from(u8::from(chosen.contains(&i))))
                            }
                        }));
                    }
                    (_, _, None) => row.push(Cell::Empty),
                    (_, _, Some(Answer::Score(s))) => row.push(Cell::Number(f64::from(*s))),
                    (_, _, Some(Answer::Choice(i))) => row.push(Cell::Text(option(q, *i))),
                    (_, _, Some(Answer::Choices(c))) => row.push(Cell::Text(
                        c.iter()
                            .map(|i| option(q, *i))
                            .collect::<Vec<_>>()
                            .join("; "),
                    )),
                    (_, _, Some(Answer::Text(t))) => row.push(Cell::text(t.as_str())),
                }
                if q.follow_up.is_some() {
                    row.push(
                        r.follow_ups
                            .get(&q.id)
                            .map_or(Cell::Empty, |t| Cell::text(t.as_str())),
                    );
                }
            }
            row
        })
        .collect();
    Table {
        name: "responses".into(),
        columns,
        rows,
    }
}

/// Step id → (process name, step name), over every version.
fn steps_by_id(d: &Data) -> FxHashMap<Id, (&LocalText, &Step)> {
    let names: FxHashMap<Id, &LocalText> = d.processes.iter().map(|p| (p.id, &p.name)).collect();
    d.process_versions
        .iter()
        .flat_map(|v| {
            let process = names.get(&v.process_id).copied();
            v.stages
                .iter()
                .flat_map(|s| &s.steps)
                .filter_map(move |st| Some((st.id, (process?, st))))
        })
        .collect()
}

pub fn feedback(d: &Data, span: &Span, f: &Filter, offset: FixedOffset, naming: &Naming) -> Table {
    let staff = staff_names(d);
    let steps = steps_by_id(d);
    let locations = location_names(d);
    let cols = [
        Col::Id,
        Col::LocalTime,
        Col::UtcOffset,
        Col::Kind,
        Col::Channel,
        Col::Status,
        Col::Text,
        Col::Staff,
        Col::Process,
        Col::Step,
        Col::RootCause,
        Col::FirstResponse,
        Col::Resolved,
        Col::Due,
        Col::Location,
    ];
    let rows = kpi::feedback_where(d, f, |i| span.instants.contains(&i.created_at))
        .map(|i| {
            let step = i.step_id.and_then(|s| steps.get(&s));
            vec![
                Cell::text(i.id.to_string()),
                local(i.created_at, offset),
                Cell::text(offset.to_string()),
                naming.cell(Label::FeedbackKind(i.kind)),
                naming.cell(Label::Channel(i.channel)),
                naming.cell(Label::Status(i.status)),
                Cell::text(i.text.as_str()),
                named(&staff, i.staff_id),
                step.map_or(Cell::Empty, |(p, _)| Cell::Text((naming.text)(p))),
                step.map_or(Cell::Empty, |(_, s)| Cell::Text((naming.text)(&s.name))),
                i.root_cause
                    .map_or(Cell::Empty, |r| naming.cell(Label::RootCause(r))),
                local_opt(i.first_response_at, offset),
                local_opt(i.resolved_at, offset),
                local_opt(i.due_at, offset),
                named(&locations, i.location_id),
            ]
        })
        .collect();
    Table {
        name: "feedback".into(),
        columns: naming.columns(&cols),
        rows,
    }
}

/// One row per step record of the runs finished in the span.
pub fn runs(d: &Data, span: &Span, f: &Filter, offset: FixedOffset, naming: &Naming) -> Table {
    let staff = staff_names(d);
    let versions: FxHashMap<Id, &ProcessVersion> =
        d.process_versions.iter().map(|v| (v.id, v)).collect();
    let processes: FxHashMap<Id, &ServiceProcess> = d.processes.iter().map(|p| (p.id, p)).collect();
    let locations = location_names(d);
    let cols = [
        Col::Run,
        Col::Process,
        Col::Version,
        Col::Staff,
        Col::VisitCode,
        Col::Started,
        Col::UtcOffset,
        Col::Step,
        Col::Tier,
        Col::Done,
        Col::Seconds,
        Col::Limit,
        Col::Option,
        Col::Note,
        Col::Skipped,
        Col::Location,
    ];
    let mut rows = Vec::new();
    for run in d.runs.iter().filter(|r| {
        r.finished_at.is_some_and(|t| span.instants.contains(&t))
            && f.staff.is_none_or(|s| r.staff_id == Some(s))
            && f.at(r.location_id)
    }) {
        let Some(version) = versions.get(&run.process_version_id) else {
            continue;
        };
        if f.process.is_some_and(|p| p != version.process_id) {
            continue;
        }
        let steps: BTreeMap<Id, &Step> = version
            .stages
            .iter()
            .flat_map(|s| &s.steps)
            .map(|s| (s.id, s))
            .collect();
        let process = processes.get(&version.process_id);
        for rec in &run.steps {
            let step = steps.get(&rec.step_id);
            let seconds = rec
                .started_at
                .zip(rec.done_at)
                .map(|(a, b)| (b - a).num_milliseconds() as f64 / 1000.0);
            rows.push(vec![
                Cell::text(run.id.to_string()),
                process.map_or(Cell::Empty, |p| Cell::Text((naming.text)(&p.name))),
                Cell::Number(f64::from(version.number)),
                named(&staff, run.staff_id),
                Cell::text(run.visit_code.as_str()),
                local(run.started_at, offset),
                Cell::text(offset.to_string()),
                step.map_or(Cell::Empty, |s| Cell::Text((naming.text)(&s.name))),
                step.map_or(Cell::Empty, |s| naming.cell(Label::Tier(s.tier))),
                local_opt(rec.done_at, offset),
                Cell::number(seconds),
                step.map_or(Cell::Empty, |s| Cell::Number(f64::from(s.time_limit_s))),
                rec.option
                    .and_then(|o| step.and_then(|s| s.options.get(o as usize)))
                    .map_or(Cell::Empty, |o| Cell::Text((naming.text)(o))),
                Cell::text(rec.note.as_str()),
                rec.skipped_reason
                    .as_deref()
                    .map_or(Cell::Empty, Cell::text),
                named(&locations, run.location_id),
            ]);
        }
    }
    Table {
        name: "runs".into(),
        columns: naming.columns(&cols),
        rows,
    }
}

/// One row per score of the evaluations whose month falls in the span's days.
pub fn evaluations(d: &Data, span: &Span, f: &Filter, naming: &Naming) -> Table {
    let staff = staff_names(d);
    let caps: FxHashMap<Id, &Capability> = d.capabilities.iter().map(|c| (c.id, c)).collect();
    let locations = location_names(d);
    let (from, to) = span.days;
    let cols = [
        Col::Period,
        Col::Staff,
        Col::Evaluator,
        Col::Capability,
        Col::Score,
        Col::Note,
        Col::Location,
    ];
    let rows = d
        .evaluations
        .iter()
        .filter(|e| {
            (from..=to).contains(&e.period)
                && f.staff.is_none_or(|s| e.staff_id == s)
                && f.at(e.location_id)
        })
        .flat_map(|e| {
            let (staff, caps, locations) = (&staff, &caps, &locations);
            e.scores.iter().map(move |(cap, score)| {
                vec![
                    Cell::text(e.period.format("%Y-%m").to_string()),
                    named(staff, Some(e.staff_id)),
                    naming.cell(Label::Evaluator(e.evaluator)),
                    caps.get(cap)
                        .map_or(Cell::Empty, |c| Cell::Text((naming.text)(&c.name))),
                    Cell::Number(f64::from(*score)),
                    Cell::text(e.note.as_str()),
                    named(locations, e.location_id),
                ]
            })
        })
        .collect();
    Table {
        name: "evaluations".into(),
        columns: naming.columns(&cols),
        rows,
    }
}

pub fn trainings(d: &Data, span: &Span, naming: &Naming) -> Table {
    let staff = staff_names(d);
    let caps: FxHashMap<Id, &Capability> = d.capabilities.iter().map(|c| (c.id, c)).collect();
    let (from, to) = span.days;
    let cols = [
        Col::Date,
        Col::Title,
        Col::Trainer,
        Col::Capabilities,
        Col::Attendees,
    ];
    let rows = d
        .trainings
        .iter()
        .filter(|t| (from..=to).contains(&t.date))
        .map(|t| {
            let list = |names: Vec<String>| Cell::Text(names.join("; "));
            vec![
                Cell::text(t.date.to_string()),
                Cell::text(t.title.as_str()),
                Cell::text(t.trainer.as_str()),
                list(
                    t.capability_ids
                        .iter()
                        .filter_map(|c| caps.get(c).map(|c| (naming.text)(&c.name)))
                        .collect(),
                ),
                list(
                    t.attendee_ids
                        .iter()
                        .filter_map(|a| staff.get(a).map(|n| n.to_string()))
                        .collect(),
                ),
            ]
        })
        .collect();
    Table {
        name: "trainings".into(),
        columns: naming.columns(&cols),
        rows,
    }
}

/// Each KPI with its n, target, the previous period's value and the change.
pub fn kpi_summary(
    now: &BTreeMap<Kpi, Value>,
    before: &BTreeMap<Kpi, Value>,
    target: &dyn Fn(Kpi) -> Option<f64>,
    naming: &Naming,
) -> Table {
    let cols = [
        Col::Kpi,
        Col::Value,
        Col::N,
        Col::Target,
        Col::Previous,
        Col::Change,
    ];
    let rows = now
        .iter()
        .map(|(k, v)| {
            let prev = before.get(k).copied();
            vec![
                naming.cell(Label::Kpi(*k)),
                Cell::number(v.value),
                Cell::Number(v.n as f64),
                Cell::number(target(*k)),
                Cell::number(prev.and_then(|p| p.value)),
                Cell::number(prev.and_then(|p| kpi::change(*v, p))),
            ]
        })
        .collect();
    Table {
        name: "kpi".into(),
        columns: naming.columns(&cols),
        rows,
    }
}

/// The locations compared: a row per KPI, each location's value and n, and which were best
/// and worst.
pub fn by_location(cmp: &Comparison, naming: &Naming) -> Table {
    let mut columns = naming.columns(&[Col::Kpi]);
    let n = naming.name(Label::Column(Col::N));
    for (_, name) in &cmp.locations {
        columns.push(name.clone());
        columns.push(format!("{name} ({n})"));
    }
    columns.extend(naming.columns(&[Col::Best, Col::Worst]));
    let rows = cmp
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![naming.cell(Label::Kpi(r.kpi))];
            for v in &r.values {
                row.push(Cell::number(v.value));
                row.push(Cell::Number(v.n as f64));
            }
            let marked = |m: Mark| {
                let who: Vec<&str> = r
                    .marks
                    .iter()
                    .zip(&cmp.locations)
                    .filter(|(x, _)| **x == Some(m))
                    .map(|(_, (_, name))| name.as_str())
                    .collect();
                Cell::Text(who.join("; "))
            };
            row.push(marked(Mark::Best));
            row.push(marked(Mark::Worst));
            row
        })
        .collect();
    Table {
        name: "locations".into(),
        columns,
        rows,
    }
}

#[cfg(test)]
#[path = "exports/tests.rs"]
mod tests;
