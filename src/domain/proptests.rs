//! Properties of the backup file and of merge, over generated workspaces with valid
//! references, deletions, and deliberately colliding ids (so merges meet real conflicts,
//! and deletions meet older and newer versions of what they deleted).

use super::data::{Collection, Data, Record, Visitor, VisitorMut};
use super::model::*;
use super::tombstone::Tombstone;
use super::{backup, import, merge};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use rustc_hash::FxHashSet;
use std::collections::BTreeMap;

fn time(s: i64) -> Time {
    chrono::DateTime::from_timestamp(1_780_000_000 + s * 3600, 0).unwrap()
}

fn id(kind: u128, n: u128) -> Id {
    Id::from_u128(kind << 64 | n)
}

fn dedup<R: Record>(records: Vec<R>) -> Vec<R> {
    let mut seen = FxHashSet::default();
    records
        .into_iter()
        .filter(|r| seen.insert(r.id()))
        .collect()
}

type RoleSeed = (u8, i64, String);
type StaffSeed = (u8, i64, String, Option<u8>);
type ResponseSeed = (u16, i64, Option<u8>, u8, u8, String);
/// Which audit, when, its two steps' results (two bits each), mystery shopper or not.
type AuditSeed = (u8, i64, u8, bool);
/// Which collection (roles, staff, responses, audits), which record, when, which of two
/// devices.
type TombstoneSeed = (u8, u16, i64, bool);

/// Deletions of generated ids; the records they hide are dropped, as a device never holds
/// a record it deleted after its last change.
fn delete(data: &mut Data, seeds: Vec<TombstoneSeed>) {
    let mut seen = FxHashSet::default();
    let tombstones = seeds
        .into_iter()
        .map(|(c, n, t, a)| {
            let (collection, kind, n) = match c % 4 {
                0 => (Collection::Roles, 1, n % 6),
                1 => (Collection::Staff, 2, n % 6),
                2 => (Collection::Responses, 5, n % 30),
                _ => (Collection::Audits, 10, n % 4),
            };
            Tombstone {
                collection,
                id: id(kind, n.into()),
                deleted_at: time(t),
                device_id: if a { "a" } else { "b" }.into(),
            }
        })
        .filter(|t| seen.insert(t.key()))
        .collect();
    merge::apply(
        data,
        &Data {
            tombstones,
            ..Data::default()
        },
    );
}

fn build(
    roles: Vec<RoleSeed>,
    staff: Vec<StaffSeed>,
    surveys: Vec<(u8, i64)>,
    responses: Vec<ResponseSeed>,
    audits: Vec<AuditSeed>,
    deletions: Vec<TombstoneSeed>,
) -> Data {
    let roles = dedup(
        roles
            .into_iter()
            .map(|(n, t, name)| Role {
                id: id(1, n.into()),
                created_at: time(0),
                updated_at: time(t),
                name: LocalText::new(&name, "role"),
            })
            .collect(),
    );
    let role_ids: Vec<Id> = roles.iter().map(|r| r.id).collect();
    let staff = dedup(
        staff
            .into_iter()
            .map(|(n, t, name, role)| Staff {
                id: id(2, n.into()),
                created_at: time(0),
                updated_at: time(t),
                name,
                role_id: role.and_then(|r| role_ids.get(r as usize).copied()),
                joined_on: None,
                left_on: None,
            })
            .collect(),
    );
    let staff_ids: Vec<Id> = staff.iter().map(|s| s.id).collect();
    let surveys: Vec<Survey> = dedup(
        surveys
            .into_iter()
            .map(|(n, t)| Survey {
                id: id(3, n.into()),
                created_at: time(0),
                updated_at: time(t),
                name: LocalText::new("问卷", "Survey"),
                kind: SurveyKind::Instant,
                archived: t % 2 == 0,
            })
            .collect(),
    );
    let question = id(9, 1);
    let survey_versions: Vec<SurveyVersion> = surveys
        .iter()
        .map(|s| SurveyVersion {
            id: id(4, s.id.as_u128() & 0xff),
            created_at: time(0),
            updated_at: time(0),
            survey_id: s.id,
            number: 1,
            status: VersionStatus::Published,
            questions: vec![Question {
                id: question,
                kind: QuestionKind::Stars,
                text: LocalText::new("满意吗", "Satisfied?"),
                required: true,
                options: Vec::new(),
                dimension: Some(Dimension::Custom("味道".into())),
                step_ids: Vec::new(),
                follow_up: None,
                follow_up_at_or_below: None,
                servqual: None,
            }],
        })
        .collect();
    let version_ids: Vec<Id> = survey_versions.iter().map(|v| v.id).collect();
    let responses = if version_ids.is_empty() {
        Vec::new()
    } else {
        dedup(
            responses
                .into_iter()
                .map(|(n, t, staff, version, stars, code)| Response {
                    location_id: None,
                    id: id(5, n.into()),
                    created_at: time(0),
                    updated_at: time(t),
                    survey_version_id: version_ids[version as usize % version_ids.len()],
                    submitted_at: time(t),
                    device_id: "t".into(),
                    staff_id: staff.and_then(|s| staff_ids.get(s as usize).copied()),
                    process_id: None,
                    visit_code: code,
                    answers: BTreeMap::from([(question, Answer::Score(stars % 5 + 1))]),
                    follow_ups: BTreeMap::new(),
                })
                .collect(),
        )
    };
    let (processes, process_versions, audits) = audited(audits);
    let mut data = Data {
        roles,
        staff,
        surveys,
        survey_versions,
        responses,
        processes,
        process_versions,
        audits,
        ..Data::default()
    };
    delete(&mut data, deletions);
    data
}

/// Audits of one two-step process version, which exists only when some audit does.
fn audited(seeds: Vec<AuditSeed>) -> (Vec<ServiceProcess>, Vec<ProcessVersion>, Vec<Audit>) {
    if seeds.is_empty() {
        return (Vec::new(), Vec::new(), Vec::new());
    }
    let step = |n: u128| Step {
        id: id(8, n),
        name: LocalText::new("步骤", "Step"),
        role_id: None,
        standard: LocalText::default(),
        time_limit_s: 60,
        tier: Tier::Basic,
        options: Vec::new(),
        inputs: Vec::new(),
        outputs: Vec::new(),
        value_adding: true,
    };
    let process = ServiceProcess {
        id: id(6, 1),
        created_at: time(0),
        updated_at: time(0),
        name: LocalText::new("流程", "Process"),
        category: String::new(),
        archived: false,
    };
    let version = ProcessVersion {
        id: id(7, 1),
        created_at: time(0),
        updated_at: time(0),
        process_id: process.id,
        number: 1,
        status: VersionStatus::Published,
        change_note: String::new(),
        published_at: Some(time(0)),
        stages: vec![Stage {
            kind: StageKind::In,
            steps: vec![step(1), step(2)],
        }],
    };
    let results = [
        AuditResult::Passed,
        AuditResult::Failed,
        AuditResult::NotSeen,
    ];
    let audits = dedup(
        seeds
            .into_iter()
            .map(|(n, t, bits, anonymous)| Audit {
                location_id: None,
                id: id(10, u128::from(n % 4)),
                created_at: time(0),
                updated_at: time(t),
                process_version_id: version.id,
                auditor: "巡检 <x>".into(),
                kind: if anonymous {
                    AuditKind::Anonymous
                } else {
                    AuditKind::Visible
                },
                date: time(t).date_naive(),
                results: (0..2u8)
                    .map(|k| StepResult {
                        step_id: id(8, u128::from(k) + 1),
                        result: results[usize::from(bits >> (2 * k) & 3) % 3],
                        note: String::new(),
                    })
                    .collect(),
                recheck: (bits & 16 != 0).then(|| Recheck {
                    due_on: time(t).date_naive() + chrono::Duration::days(10),
                    audit_id: None,
                    done_at: None,
                }),
            })
            .collect(),
    );
    (vec![process], vec![version], audits)
}

fn arb_data() -> impl Strategy<Value = Data> {
    (
        vec((0u8..6, 0i64..4, "[a-z<>&\"]{0,6}"), 0..6),
        vec((0u8..6, 0i64..4, "\\PC{0,8}", option::of(0u8..6)), 0..6),
        vec((0u8..3, 0i64..4), 0..3),
        vec(
            (
                0u16..30,
                0i64..4,
                option::of(0u8..6),
                0u8..3,
                0u8..5,
                "[A-Z0-9]{0,3}",
            ),
            0..30,
        ),
        vec((0u8..4, 0i64..4, any::<u8>(), any::<bool>()), 0..4),
        vec((0u8..4, 0u16..30, 0i64..5, any::<bool>()), 0..8),
    )
        .prop_map(|(r, s, v, p, a, t)| build(r, s, v, p, a, t))
}

fn sorted(mut d: Data) -> Data {
    struct Sort;
    impl VisitorMut for Sort {
        fn visit<R: Record>(&mut self, records: &mut Vec<R>) {
            records.sort_by_key(|r| r.id());
        }
    }
    d.visit_mut(&mut Sort);
    d.tombstones.sort_by_key(Tombstone::key);
    d
}

/// Every record shown, with its collection and last change.
fn shown(d: &Data) -> Vec<(Collection, Id, Time)> {
    struct All(Vec<(Collection, Id, Time)>);
    impl Visitor for All {
        fn visit<R: Record>(&mut self, records: &[R]) {
            self.0.extend(
                records
                    .iter()
                    .map(|r| (R::COLLECTION, r.id(), r.updated_at())),
            );
        }
    }
    let mut all = All(Vec::new());
    d.visit(&mut all);
    all.0
}

fn merged(into: &Data, other: &Data) -> Data {
    let mut out = into.clone();
    merge::apply(&mut out, &merge::merge(into, other));
    sorted(out)
}

fn file(d: &Data) -> String {
    backup::to_json(&backup::export(d, "test", "device", time(10)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn export_then_import_restores_identical_data(d in arb_data()) {
        let back = import::parse(file(&d).as_bytes(), &Data::default()).expect("own export imports");
        prop_assert_eq!(back.data, d);
    }

    #[test]
    fn merge_is_idempotent(a in arb_data()) {
        prop_assert_eq!(merge::merge(&a, &a), Data::default());
        prop_assert_eq!(merged(&a, &a), sorted(a));
    }

    #[test]
    fn merge_is_order_independent(a in arb_data(), b in arb_data()) {
        prop_assert_eq!(merged(&a, &b), merged(&b, &a));
    }

    #[test]
    fn merge_never_shows_what_a_kept_tombstone_hides(a in arb_data(), b in arb_data()) {
        let ab = merged(&a, &b);
        for (c, id, updated_at) in shown(&ab) {
            let hidden = ab.tombstones.iter().any(|t| t.key() == (c, id) && t.hides(updated_at));
            prop_assert!(!hidden, "{c:?} {id} shown after its deletion");
        }
        // No deletion is lost: every tombstone of either side is kept or beaten by a later one.
        for t in a.tombstones.iter().chain(&b.tombstones) {
            prop_assert!(ab.tombstones.iter().any(|k| k.key() == t.key() && k.deleted_at >= t.deleted_at));
        }
    }

    #[test]
    fn merge_result_imports_cleanly(a in arb_data(), b in arb_data()) {
        // A merged workspace is itself a valid file: no reference is lost on the way.
        let ab = merged(&a, &b);
        prop_assert!(import::parse(file(&ab).as_bytes(), &Data::default()).is_ok());
    }

    #[test]
    fn import_never_panics_on_arbitrary_bytes(bytes in vec(any::<u8>(), 0..512)) {
        let _ = import::parse(&bytes, &Data::default());
    }

    #[test]
    fn import_never_panics_on_a_damaged_file(d in arb_data(), cut in any::<prop::sample::Index>(), flips in vec((any::<prop::sample::Index>(), any::<u8>()), 0..6)) {
        let mut bytes = file(&d).into_bytes();
        for (at, byte) in flips {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        bytes.truncate(cut.index(bytes.len() + 1));
        let _ = import::parse(&bytes, &Data::default());
    }
}
