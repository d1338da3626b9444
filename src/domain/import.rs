//! Reading a backup file that cannot be trusted. Nothing is returned until the whole file
//! is checked: JSON syntax, format, schema version (migrating older ones), every record's
//! fields and types, duplicate ids, references, sizes, and what the parts say about each
//! other (`semantics`). Problems are codes with JSON paths.

mod detail;
mod flags;
mod path;
mod semantics;
mod split;

pub use detail::TypeDetail;
pub use flags::{flags, Flag, FlagKind};

use super::backup::{Backup, FORMAT, SCHEMA_VERSION};
use super::data::{Collection, Data, Record, Visitor, VisitorMut};
use super::migrate::migrate;
use super::model::Id;
use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::value::to_raw_value;
use serde_json::{Map, Value};
use split::{Collections, Part, Records};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Larger than any real workspace: ten years of a busy shop's responses are ~1 GB less.
pub const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;
pub const MAX_RECORDS: usize = 2_000_000;
pub const MAX_TEXT_CHARS: usize = 100_000;
/// The message lists the first problems; more would bury them.
pub const MAX_PROBLEMS: usize = 20;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where, as a JSON path: `$` for the whole file, `data.staff[3].name` for a field.
    pub path: String,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file could not be read at all.
    Unreadable,
    /// Nothing in the file but, at most, white space.
    Empty,
    NotJson {
        line: usize,
        column: usize,
    },
    Truncated,
    NotAnObject,
    WrongFormat,
    MissingField(String),
    NewerSchema {
        found: u64,
        supported: u32,
    },
    BadSchemaVersion,
    WrongType(TypeDetail),
    UnknownCollection(String),
    DuplicateId(Id),
    DanglingRef {
        collection: Collection,
        id: Id,
    },
    TooLarge {
        limit: u64,
    },
    /// Two steps of one process version share this id.
    DuplicateStepId(Id),
    /// Feedback names a step no process version has.
    UnknownStep(Id),
    /// An audit scores this step more than once.
    DuplicateAuditStep(Id),
    /// A response answers a question its survey version does not have.
    UnknownQuestion(Id),
    /// A score off its scale: a question's, or the capabilities' 1–5.
    OutOfScale {
        value: u8,
        min: u8,
        max: u8,
    },
}

impl Problem {
    fn at(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem {
            path: path.into(),
            kind,
        }
    }

    pub fn unreadable() -> Problem {
        Problem::at("$", ProblemKind::Unreadable)
    }
}

/// Reads and checks a whole file at once (tests, and the callers that need no progress).
pub fn parse(bytes: &[u8], existing: &Data) -> Result<Backup, Vec<Problem>> {
    let mut checking = begin(bytes)?;
    while !checking.read(usize::MAX) {}
    checking.finish(existing)
}

fn refused<T>(path: &str, kind: ProblemKind) -> Result<T, Vec<Problem>> {
    Err(vec![Problem::at(path, kind)])
}

/// A file whose syntax, header and shape are checked, its records read a batch at a time
/// (`read`), so a page can show progress and stay responsive between batches.
pub struct Checking<'a> {
    /// Everything but `data`, parsed.
    header: Map<String, Value>,
    collections: Collections<'a>,
    data: Data,
    problems: Vec<Problem>,
    /// The next record to read: an index into `Collection::ALL`, and one into its array.
    next: (usize, usize),
    done: usize,
    total: usize,
}

/// The checks that need the whole file parsed: size, JSON syntax, format, schema version
/// (migrating older ones), header, and each collection's shape.
pub fn begin(bytes: &[u8]) -> Result<Checking<'_>, Vec<Problem>> {
    if bytes.len() > MAX_FILE_BYTES {
        return refused(
            "$",
            ProblemKind::TooLarge {
                limit: MAX_FILE_BYTES as u64,
            },
        );
    }
    // Notepad and some editors start UTF-8 files with a byte order mark; JSON has none.
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return refused("$", ProblemKind::Empty);
    }
    // Only a top level that is not an object is a type error here: the rest stays raw.
    let top: split::Top = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) if e.is_eof() => return refused("$", ProblemKind::Truncated),
        Err(e) if e.is_data() => return refused("$", ProblemKind::NotAnObject),
        Err(e) => {
            return refused(
                "$",
                ProblemKind::NotJson {
                    line: e.line(),
                    column: e.column(),
                },
            )
        }
    };
    let mut header = top.header;
    if header.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return refused("format", ProblemKind::WrongFormat);
    }
    let version = match header.get("schema_version") {
        None => {
            return refused(
                "schema_version",
                ProblemKind::MissingField("schema_version".into()),
            )
        }
        Some(v) => match v.as_u64() {
            Some(n) if n > SCHEMA_VERSION as u64 => {
                return refused(
                    "schema_version",
                    ProblemKind::NewerSchema {
                        found: n,
                        supported: SCHEMA_VERSION,
                    },
                )
            }
            Some(n) if n >= 1 => n as u32,
            _ => return refused("schema_version", ProblemKind::BadSchemaVersion),
        },
    };
    let raw = match top.data {
        None => return refused("data", ProblemKind::MissingField("data".into())),
        Some(Part::Not) => {
            return refused("data", ProblemKind::WrongType(TypeDetail::ExpectedObject))
        }
        Some(Part::Is(split::Data(parts))) => parts,
    };
    let mut problems = Vec::new();
    check_header(&header, &mut problems);
    let mut collections = shape(raw, &mut problems);
    if version < SCHEMA_VERSION {
        upgrade(&mut header, &mut collections, version);
    }
    check_texts(&collections, &mut problems);
    if !problems.is_empty() {
        problems.truncate(MAX_PROBLEMS);
        return Err(problems);
    }
    let total = Collection::ALL
        .iter()
        .filter_map(|c| collections.get(c.name()))
        .map(Vec::len)
        .sum();
    Ok(Checking {
        header,
        collections,
        data: Data::default(),
        problems: Vec::new(),
        next: (0, 0),
        done: 0,
        total,
    })
}

/// Migrations work on a parsed file; an older file is parsed whole for them, then split
/// into records again. Older files come from older, smaller workspaces.
fn upgrade(header: &mut Map<String, Value>, collections: &mut Collections, from: u32) {
    let data: Map<String, Value> = std::mem::take(collections)
        .into_iter()
        .map(|(name, records)| {
            let records = records
                .iter()
                .map(|r| serde_json::from_str(r.get()).unwrap_or(Value::Null))
                .collect();
            (name, Value::Array(records))
        })
        .collect();
    header.insert("data".into(), Value::Object(data));
    migrate(header, from);
    if let Some(Value::Object(data)) = header.remove("data") {
        *collections = data
            .into_iter()
            .filter_map(|(name, records)| match records {
                Value::Array(a) => Some((name, a)),
                _ => None,
            })
            .map(|(name, a)| {
                let raw = a
                    .iter()
                    .filter_map(|r| to_raw_value(r).ok().map(Cow::Owned))
                    .collect();
                (name, raw)
            })
            .collect();
    }
}

impl Checking<'_> {
    /// Records read so far, of how many.
    pub fn progress(&self) -> (usize, usize) {
        (self.done, self.total)
    }

    /// Reads up to `n` more records, each on its own so bad ones are reported with their
    /// paths; true when every record is read (or there are problems enough to stop).
    pub fn read(&mut self, mut n: usize) -> bool {
        while n > 0 && self.problems.len() < MAX_PROBLEMS {
            let (c, i) = self.next;
            let Some(&collection) = Collection::ALL.get(c) else {
                return true;
            };
            let len = self.collections.get(collection.name()).map_or(0, Vec::len);
            let to = len.min(i.saturating_add(n));
            let mut batch = Batch {
                reader: Reader {
                    collections: &self.collections,
                    problems: std::mem::take(&mut self.problems),
                },
                collection,
                items: i..to,
            };
            self.data.visit_mut(&mut batch);
            self.problems = batch.reader.problems;
            n -= to - i;
            self.done += to - i;
            self.next = if to == len { (c + 1, 0) } else { (c, to) };
        }
        self.problems.len() >= MAX_PROBLEMS || self.next.0 >= Collection::ALL.len()
    }

    /// The checks across records, against what is on the device: ids, references, and what
    /// the parts say about each other.
    pub fn finish(mut self, existing: &Data) -> Result<Backup, Vec<Problem>> {
        let mut reader = Reader {
            collections: &self.collections,
            problems: std::mem::take(&mut self.problems),
        };
        self.data.tombstones = reader.read_all(TOMBSTONES, 0..usize::MAX);
        if !reader.problems.is_empty() {
            return Err(reader.problems);
        }
        let (data, mut problems) = (self.data, Vec::new());
        check_integrity(&data, existing, &mut problems);
        if problems.is_empty() {
            semantics::check(&data, existing, &mut problems);
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut header = self.header;
        header.insert("data".into(), Value::Object(Map::new()));
        // Read from text, as every record was: `from_value` would instantiate each record
        // type's `Deserialize` a second time, for `Value`.
        match serde_json::from_str::<Backup>(&Value::Object(header).to_string()) {
            Ok(b) => Ok(Backup { data, ..b }),
            Err(e) => refused("$", detail::from_serde(&e.to_string())),
        }
    }
}

fn check_header(file: &Map<String, Value>, problems: &mut Vec<Problem>) {
    for field in ["app_version", "exported_at", "device_id"] {
        match file.get(field) {
            None => problems.push(Problem::at(field, ProblemKind::MissingField(field.into()))),
            Some(Value::String(_)) => {}
            Some(_) => problems.push(Problem::at(
                field,
                ProblemKind::WrongType(TypeDetail::ExpectedText),
            )),
        }
    }
    if let Some(Value::String(t)) = file.get("exported_at") {
        if super::rfc3339::parse(t).is_none() {
            problems.push(Problem::at(
                "exported_at",
                ProblemKind::WrongType(TypeDetail::ExpectedTime),
            ));
        }
    }
}

/// The key of the deletions beside the collections in `data`.
const TOMBSTONES: &str = "tombstones";

/// Known collections, each an array within the size limit, split into its records.
fn shape<'a>(
    raw: BTreeMap<String, Part<Records<'a>>>,
    problems: &mut Vec<Problem>,
) -> Collections<'a> {
    let mut out = Collections::new();
    for (name, value) in raw {
        let path = format!("data.{name}");
        if name != TOMBSTONES && Collection::from_name(&name).is_none() {
            problems.push(Problem::at(path, ProblemKind::UnknownCollection(name)));
            continue;
        }
        match value {
            Part::Is(a) if a.len() > MAX_RECORDS => problems.push(Problem::at(
                path,
                ProblemKind::TooLarge {
                    limit: MAX_RECORDS as u64,
                },
            )),
            Part::Is(a) => {
                out.insert(name, a);
            }
            Part::Not => problems.push(Problem::at(
                path,
                ProblemKind::WrongType(TypeDetail::ExpectedArray),
            )),
        }
    }
    out
}

/// No absurd text. A record's JSON holds at least a byte per character of each of its
/// texts, so only a record longer than the limit is parsed to look.
fn check_texts(collections: &Collections, problems: &mut Vec<Problem>) {
    for (name, records) in collections {
        let long = records
            .iter()
            .enumerate()
            .filter(|(_, r)| r.get().len() > MAX_TEXT_CHARS);
        for (i, r) in long {
            let value: Value = serde_json::from_str(r.get()).unwrap_or(Value::Null);
            if let Some(at) = too_long(&value) {
                problems.push(Problem::at(
                    format!("data.{name}[{i}]{at}"),
                    ProblemKind::TooLarge {
                        limit: MAX_TEXT_CHARS as u64,
                    },
                ));
            }
        }
    }
}

/// Where in `v` the first text longer than `MAX_TEXT_CHARS` is, as a path suffix.
fn too_long(v: &Value) -> Option<String> {
    match v {
        // Counting chars is needed only when the bytes could be too many.
        Value::String(s) if s.len() > MAX_TEXT_CHARS && s.chars().count() > MAX_TEXT_CHARS => {
            Some(String::new())
        }
        Value::Array(a) => a
            .iter()
            .enumerate()
            .find_map(|(i, x)| too_long(x).map(|rest| format!("[{i}]{rest}"))),
        Value::Object(o) => o
            .iter()
            .find_map(|(k, x)| too_long(x).map(|rest| format!(".{k}{rest}"))),
        _ => None,
    }
}

/// Reads each record on its own, so several bad records are reported with their paths.
struct Reader<'a> {
    collections: &'a Collections<'a>,
    problems: Vec<Problem>,
}

impl Reader<'_> {
    /// The items of `data.<name>` in `range` that read as `T`; the others become problems.
    fn read_all<T: serde::de::DeserializeOwned>(
        &mut self,
        name: &str,
        range: std::ops::Range<usize>,
    ) -> Vec<T> {
        let Some(items) = self.collections.get(name) else {
            return Vec::new();
        };
        let end = range.end.min(items.len());
        let Some(items) = items.get(range.start..end) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in (range.start..).zip(items) {
            if self.problems.len() >= MAX_PROBLEMS {
                break;
            }
            match serde_json::from_str::<T>(item.get()) {
                Ok(r) => out.push(r),
                Err(e) => {
                    let kind = detail::from_serde(&without_position(&e));
                    let whole = matches!(kind, ProblemKind::MissingField(_));
                    let inner = path::of_error(item.get(), &e, whole);
                    let path = if inner.is_empty() {
                        format!("data.{name}[{i}]")
                    } else {
                        format!("data.{name}[{i}].{inner}")
                    };
                    self.problems.push(Problem::at(path, kind));
                }
            }
        }
        out
    }
}

/// serde_json's message without its " at line 1 column 80": the path says where.
fn without_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Some records of one collection, appended to its `Vec` in `Data`.
struct Batch<'a> {
    reader: Reader<'a>,
    collection: Collection,
    items: std::ops::Range<usize>,
}

impl VisitorMut for Batch<'_> {
    fn visit<R: Record>(&mut self, out: &mut Vec<R>) {
        if R::COLLECTION == self.collection {
            let batch = self
                .reader
                .read_all::<R>(self.collection.name(), self.items.clone());
            out.extend(batch);
        }
    }
}

/// Ids unique within each collection; every reference found in the file or on the device,
/// or deleted there (a record may outlive one it pointed at: a complaint its response).
fn check_integrity(data: &Data, existing: &Data, problems: &mut Vec<Problem>) {
    struct Ids(FxHashMap<Collection, FxHashSet<Id>>);
    impl Visitor for Ids {
        fn visit<R: Record>(&mut self, records: &[R]) {
            self.0
                .entry(R::COLLECTION)
                .or_default()
                .extend(records.iter().map(Record::id));
        }
    }
    let mut known = Ids(FxHashMap::default());
    existing.visit(&mut known);
    for t in existing.tombstones.iter().chain(&data.tombstones) {
        known.0.entry(t.collection).or_default().insert(t.id);
    }

    struct Check<'a> {
        known: &'a mut FxHashMap<Collection, FxHashSet<Id>>,
        problems: &'a mut Vec<Problem>,
        pass: u8,
    }
    impl Visitor for Check<'_> {
        fn visit<R: Record>(&mut self, records: &[R]) {
            let name = R::COLLECTION.name();
            if self.pass == 0 {
                let mut seen =
                    FxHashSet::with_capacity_and_hasher(records.len(), Default::default());
                for (i, r) in records.iter().enumerate() {
                    if !seen.insert(r.id()) && self.problems.len() < MAX_PROBLEMS {
                        self.problems.push(Problem::at(
                            format!("data.{name}[{i}].id"),
                            ProblemKind::DuplicateId(r.id()),
                        ));
                    }
                }
                self.known.entry(R::COLLECTION).or_default().extend(seen);
                return;
            }
            for (i, r) in records.iter().enumerate() {
                for (c, id) in r.refs() {
                    let found = self.known.get(&c).is_some_and(|ids| ids.contains(&id));
                    if !found && self.problems.len() < MAX_PROBLEMS {
                        self.problems.push(Problem::at(
                            format!("data.{name}[{i}]"),
                            ProblemKind::DanglingRef { collection: c, id },
                        ));
                    }
                }
            }
        }
    }
    // Pass 0 collects the file's ids (and finds duplicates); pass 1 checks references.
    for pass in 0..2 {
        data.visit(&mut Check {
            known: &mut known.0,
            problems,
            pass,
        });
        if !problems.is_empty() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{FeedbackStatus, Targets};

    const V1: &str = include_str!("../../tests/fixtures/backup-v1.json");

    fn problems(text: &str) -> Vec<Problem> {
        parse(text.as_bytes(), &Data::default()).expect_err("must be refused")
    }

    fn edited(edit: impl FnOnce(&mut Value)) -> String {
        let mut v: Value = serde_json::from_str(V1).unwrap();
        edit(&mut v);
        v.to_string()
    }

    #[test]
    fn a_hand_written_v1_file_is_migrated_and_read() {
        let b = parse(V1.as_bytes(), &Data::default()).expect("v1 fixture imports");
        assert_eq!(b.schema_version, SCHEMA_VERSION);
        let w = &b.data.workspace[0];
        assert_eq!(w.business_name, "老街面馆");
        assert_eq!(
            w.targets,
            Targets {
                csat: 88.0,
                nps: 25.0,
                ..Targets::default()
            }
        );
        assert_eq!(
            b.data.staff[1].left_on.map(|d| d.to_string()).as_deref(),
            Some("2026-05-20")
        );
        assert_eq!(b.data.process_versions[0].stages.len(), 3);
        // Fields v1 files may omit take their defaults.
        assert!(b.data.process_versions[0].stages[0].steps[0].value_adding);
        assert_eq!(b.data.responses[1].follow_ups.len(), 1);
        assert_eq!(b.data.feedback[0].status, FeedbackStatus::Resolved);
    }

    /// A schema-3 file (the v1 fixture as schema 3 wrote it, with an improvement action of
    /// that time) imports, and its action keeps everything it held.
    #[test]
    fn a_v3_file_with_an_old_improvement_action_imports() {
        let v3 = include_str!("../../tests/fixtures/backup-v3.json");
        let b = parse(v3.as_bytes(), &Data::default()).expect("v3 fixture imports");
        assert_eq!(b.schema_version, SCHEMA_VERSION);
        let a = &b.data.improvement_actions[0];
        assert_eq!(a.title, "减少等位投诉");
        assert_eq!(a.stage, crate::domain::model::PdcaStage::Check);
        assert_eq!(a.notes, "午市等位超过15分钟的客人投诉最多。");
        assert_eq!(
            a.trigger,
            crate::domain::model::Trigger::Feedback {
                feedback_ids: vec![b.data.feedback[0].id]
            }
        );
        assert_eq!(a.process_version_id, Some(b.data.process_versions[0].id));
        assert_eq!(a.owner_id, Some(b.data.staff[0].id));
        let noted = a.noted.as_ref().unwrap();
        assert_eq!(
            (noted.kpi.as_str(), noted.before, noted.after),
            ("等位时长(分钟)", Some(18.5), None)
        );
        assert!(b.data.audits.is_empty());
    }

    #[test]
    fn an_audit_scores_only_its_versions_steps_each_once() {
        let audit = |steps: &[u32]| {
            let results: Vec<Value> = steps
                .iter()
                .map(|s| serde_json::json!({ "step_id": id(*s).to_string(), "result": "failed" }))
                .collect();
            serde_json::json!([{
                "id": id(95).to_string(),
                "created_at": "2026-06-01T02:00:00Z",
                "updated_at": "2026-06-01T02:00:00Z",
                "process_version_id": id(32).to_string(),
                "auditor": "店长",
                "kind": "visible",
                "date": "2026-06-01",
                "results": results,
                "recheck": null
            }])
        };
        let fine = edited(|v| v["data"]["audits"] = audit(&[41, 42]));
        assert!(parse(fine.as_bytes(), &Data::default()).is_ok());
        let p = refusal(|v| v["data"]["audits"] = audit(&[41, 999]));
        assert_eq!(
            p,
            Problem::at(
                "data.audits[0].results[1].step_id",
                ProblemKind::UnknownStep(id(999))
            )
        );
        let p = refusal(|v| v["data"]["audits"] = audit(&[42, 41, 42]));
        assert_eq!(
            p,
            Problem::at(
                "data.audits[0].results[2].step_id",
                ProblemKind::DuplicateAuditStep(id(42))
            )
        );
    }

    #[test]
    fn syntax_problems() {
        assert_eq!(
            problems("not json")[0].kind,
            ProblemKind::NotJson { line: 1, column: 2 }
        );
        assert_eq!(
            problems(&V1[..V1.len() / 2])[0].kind,
            ProblemKind::Truncated
        );
        assert_eq!(problems("[1, 2]")[0].kind, ProblemKind::NotAnObject);
        // An empty file is not a cut-off one: it says so.
        assert_eq!(problems("")[0].kind, ProblemKind::Empty);
        assert_eq!(problems(" \n\t")[0].kind, ProblemKind::Empty);
    }

    #[test]
    fn format_and_version() {
        let p = problems(&edited(|v| v["format"] = "other".into()));
        assert_eq!(
            (p[0].path.as_str(), &p[0].kind),
            ("format", &ProblemKind::WrongFormat)
        );
        let p = problems(&edited(|v| {
            v["schema_version"] = (SCHEMA_VERSION + 1).into()
        }));
        assert_eq!(
            p[0].kind,
            ProblemKind::NewerSchema {
                found: u64::from(SCHEMA_VERSION + 1),
                supported: SCHEMA_VERSION
            }
        );
        for bad in [Value::from(0), Value::from(1.5), Value::from("2")] {
            assert_eq!(
                problems(&edited(|v| v["schema_version"] = bad))[0].kind,
                ProblemKind::BadSchemaVersion
            );
        }
        let p = problems(&edited(|v| {
            v.as_object_mut().unwrap().remove("schema_version");
        }));
        assert_eq!(
            p[0].kind,
            ProblemKind::MissingField("schema_version".into())
        );
    }

    #[test]
    fn several_bad_records_are_named_with_their_paths() {
        let p = problems(&edited(|v| {
            v["data"]["staff"][0]["name"] = 42.into();
            v["data"]["responses"][1]["submitted_at"] = "yesterday".into();
            v["data"]["roles"][1]
                .as_object_mut()
                .unwrap()
                .remove("name");
        }));
        let paths: Vec<&str> = p.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "data.roles[1]",
                "data.staff[0].name",
                "data.responses[1].submitted_at"
            ]
        );
        assert_eq!(p[0].kind, ProblemKind::MissingField("name".into()));
        assert!(matches!(p[1].kind, ProblemKind::WrongType(_)));
    }

    /// Read one record at a time, as the page does between redraws: the same backup, the
    /// progress counting every record, and a bad record late in the file named at its own
    /// index, not its batch's.
    #[test]
    fn reading_in_batches_gives_the_same_result() {
        let whole = parse(V1.as_bytes(), &Data::default()).unwrap();
        let mut checking = begin(V1.as_bytes()).unwrap();
        let (_, total) = checking.progress();
        let mut steps = 0;
        while !checking.read(1) {
            steps += 1;
            assert_eq!(checking.progress(), (steps, total));
        }
        assert_eq!(checking.progress(), (total, total));
        assert!(total > 5 && steps >= total - 1, "{steps} of {total}");
        assert_eq!(checking.finish(&Data::default()).unwrap(), whole);

        let bad = edited(|v| v["data"]["responses"][1]["submitted_at"] = "yesterday".into());
        let mut checking = begin(bad.as_bytes()).unwrap();
        while !checking.read(1) {}
        let p = checking.finish(&Data::default()).expect_err("refused");
        assert_eq!(p[0].path, "data.responses[1].submitted_at");
    }

    #[test]
    fn unknown_collections_and_shapes() {
        let p = problems(&edited(|v| v["data"]["invoices"] = Value::Array(vec![])));
        assert_eq!(p[0].kind, ProblemKind::UnknownCollection("invoices".into()));
        let p = problems(&edited(|v| v["data"]["staff"] = Value::from("everyone")));
        assert_eq!(p[0].path, "data.staff");
        let p = problems(&edited(|v| {
            v["data"]["feedback"][0]["text"] = "很".repeat(MAX_TEXT_CHARS + 1).into()
        }));
        assert_eq!(
            p[0],
            Problem::at(
                "data.feedback[0].text",
                ProblemKind::TooLarge {
                    limit: MAX_TEXT_CHARS as u64
                }
            )
        );
    }

    #[test]
    fn duplicate_ids_and_dangling_references() {
        let p = problems(&edited(|v| {
            let r = v["data"]["roles"][0].clone();
            v["data"]["roles"].as_array_mut().unwrap().push(r);
        }));
        assert_eq!(p[0].path, "data.roles[2].id");
        assert!(matches!(p[0].kind, ProblemKind::DuplicateId(_)));

        // A response whose survey version is neither in the file nor stored.
        let p = problems(&edited(|v| {
            v["data"]["survey_versions"] = Value::Array(vec![]);
        }));
        let missing: Id = "0b7c2f8e-1d2a-4c1e-9a51-000000000052".parse().unwrap();
        assert_eq!(
            p[0],
            Problem::at(
                "data.responses[0]",
                ProblemKind::DanglingRef {
                    collection: Collection::SurveyVersions,
                    id: missing
                }
            )
        );

        // The same file is fine when the device already has that survey version.
        let full = parse(V1.as_bytes(), &Data::default()).unwrap().data;
        let without = edited(|v| v["data"]["survey_versions"] = Value::Array(vec![]));
        assert!(parse(without.as_bytes(), &full).is_ok());
    }

    /// The one problem a file edited by `edit` is refused with.
    fn refusal(edit: impl FnOnce(&mut Value)) -> Problem {
        let p = problems(&edited(edit));
        assert_eq!(p.len(), 1, "{p:?}");
        p[0].clone()
    }

    fn id(n: u32) -> Id {
        format!("0b7c2f8e-1d2a-4c1e-9a51-{n:012}").parse().unwrap()
    }

    #[test]
    fn parts_that_contradict_each_other_are_refused_with_their_paths() {
        let p = refusal(|v| {
            let steps = &mut v["data"]["process_versions"][0]["stages"][1]["steps"];
            let twin = steps[0].clone();
            steps.as_array_mut().unwrap().push(twin);
        });
        assert_eq!(p.path, "data.process_versions[0].stages[1].steps[2].id");
        assert!(matches!(p.kind, ProblemKind::DuplicateStepId(_)));

        let p = refusal(|v| v["data"]["feedback"][0]["step_id"] = id(999).to_string().into());
        assert_eq!(
            p,
            Problem::at(
                "data.feedback[0].step_id",
                ProblemKind::UnknownStep(id(999))
            )
        );

        let p = refusal(|v| {
            v["data"]["responses"][0]["answers"][id(998).to_string()] =
                serde_json::json!({ "kind": "text", "value": "?" })
        });
        assert_eq!(
            p,
            Problem::at(
                format!("data.responses[0].answers.{}", id(998)),
                ProblemKind::UnknownQuestion(id(998))
            )
        );

        let p = refusal(|v| {
            v["data"]["responses"][0]["answers"][id(53).to_string()]["value"] = 200.into()
        });
        assert_eq!(
            p,
            Problem::at(
                format!("data.responses[0].answers.{}", id(53)),
                ProblemKind::OutOfScale {
                    value: 200,
                    min: 1,
                    max: 5
                }
            )
        );

        let p = refusal(|v| v["data"]["evaluations"][0]["scores"][id(81).to_string()] = 99.into());
        assert_eq!(
            p,
            Problem::at(
                format!("data.evaluations[0].scores.{}", id(81)),
                ProblemKind::OutOfScale {
                    value: 99,
                    min: 1,
                    max: 5
                }
            )
        );
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_json() {
        let with_bom = format!("\u{feff}{V1}");
        assert!(parse(with_bom.as_bytes(), &Data::default()).is_ok());
        assert_eq!(problems("\u{feff}")[0].kind, ProblemKind::Empty);
    }

    #[test]
    fn serde_detail_is_a_code() {
        let p = refusal(|v| v["data"]["staff"][0]["name"] = 42.into());
        assert_eq!(p.kind, ProblemKind::WrongType(TypeDetail::InvalidType));
        let p = refusal(|v| v["data"]["feedback"][0]["kind"] = "rant".into());
        assert_eq!(
            p.kind,
            ProblemKind::WrongType(TypeDetail::UnknownVariant("rant".into()))
        );
    }

    #[test]
    fn deletions_are_read_and_may_be_what_a_record_pointed_at() {
        // The file deleted its survey version; its responses still name it.
        let text = edited(|v| {
            let version = v["data"]["survey_versions"][0]["id"].clone();
            v["data"]["survey_versions"] = Value::Array(vec![]);
            v["data"]["tombstones"] = serde_json::json!([{
                "collection": "survey_versions", "id": version,
                "deleted_at": "2026-06-11T00:00:00Z", "device_id": "t"
            }]);
        });
        let b = parse(text.as_bytes(), &Data::default()).expect("imports");
        assert_eq!(b.data.tombstones.len(), 1);
        assert_eq!(b.data.tombstones[0].collection, Collection::SurveyVersions);
        let p = refusal(|v| v["data"]["tombstones"] = serde_json::json!([{ "collection": "x" }]));
        assert_eq!(p.path, "data.tombstones[0].collection");
    }

    #[test]
    fn problems_are_capped() {
        let p = problems(&edited(|v| {
            let bad = serde_json::json!({ "id": 1 });
            v["data"]["roles"] = Value::Array(vec![bad; 50]);
        }));
        assert_eq!(p.len(), MAX_PROBLEMS);
    }
}
