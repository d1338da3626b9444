//! A deterministic demo workspace: a restaurant with staff, its table-service process, a
//! CSAT + NPS survey, and `responses` answers spread over the 90 days before `now`, with
//! runs, feedback, evaluations, a training and an improvement action. Same seed, same data;
//! it scales to 100,000 responses for the benchmarks.

use super::data::Data;
use super::model::*;
use super::templates::TemplateId;
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::BTreeMap;

/// SplitMix64: tiny, fast, and good enough for made-up data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn id(&mut self) -> Id {
        uuid::Builder::from_random_bytes(
            (u128::from(self.next()) << 64 | u128::from(self.next())).to_le_bytes(),
        )
        .into_uuid()
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const DAYS: i64 = 90;

pub fn generate(seed: u64, responses: usize, now: Time) -> Data {
    let mut rng = Rng(seed);
    let start = now - Duration::days(DAYS);
    let mut d = Data::default();

    d.workspace.push(Workspace {
        id: WORKSPACE_ID,
        created_at: start,
        updated_at: start,
        business_name: "示例餐厅 Demo Restaurant".into(),
        industry: "restaurant".into(),
        targets: Targets::default(),
    });

    // The restaurant table-service template (迎宾 → 点餐 → 上菜 → 结账 → 送客) brings its roles.
    let manager = Role {
        id: rng.id(),
        created_at: start,
        updated_at: start,
        name: super::templates::roles::MANAGER.local(),
    };
    let template = super::templates::instantiate(
        TemplateId::RestaurantTable,
        &mut || rng.id(),
        start,
        std::slice::from_ref(&manager),
    );
    d.roles.push(manager);
    d.roles.extend(template.new_roles);
    let (process, version) = (template.process, template.version);

    let people = [
        "王芳", "李强", "张伟", "刘洋", "陈静", "赵磊", "孙丽", "周敏",
    ];
    let joined = NaiveDate::from_ymd_opt(2024, 3, 1).expect("valid date");
    for (i, name) in people.iter().enumerate() {
        let left_on = (i == 5).then(|| (now - Duration::days(20)).date_naive());
        // The last person manages; the others spread over the template's roles.
        let role_id = if i + 1 == people.len() {
            d.roles[0].id
        } else {
            d.roles[1 + i % (d.roles.len() - 1)].id
        };
        d.staff.push(Staff {
            id: rng.id(),
            created_at: start,
            updated_at: start,
            name: (*name).into(),
            role_id: Some(role_id),
            joined_on: Some(joined + Duration::days(40 * i as i64)),
            left_on,
        });
    }

    // Survey: CSAT stars + NPS.
    let survey = Survey {
        id: rng.id(),
        created_at: start,
        updated_at: start,
        name: LocalText::new("用餐满意度", "Dining satisfaction"),
        kind: SurveyKind::Instant,
        archived: false,
    };
    let q = |rng: &mut Rng, kind, zh: &str, en: &str, dimension, at_or_below| Question {
        id: rng.id(),
        kind,
        text: LocalText::new(zh, en),
        required: true,
        options: Vec::new(),
        dimension,
        step_ids: Vec::new(),
        follow_up: Some(LocalText::new("哪里让您不满意?", "What went wrong?")),
        follow_up_at_or_below: Some(at_or_below),
        servqual: None,
    };
    let csat = q(
        &mut rng,
        QuestionKind::Stars,
        "您对本次用餐满意吗?",
        "How satisfied are you with your meal?",
        Some(Dimension::Reliability),
        2,
    );
    let nps = q(
        &mut rng,
        QuestionKind::Nps,
        "您有多大可能向朋友推荐我们?",
        "How likely are you to recommend us to a friend?",
        None,
        6,
    );
    let survey_version = SurveyVersion {
        id: rng.id(),
        created_at: start,
        updated_at: start,
        survey_id: survey.id,
        number: 1,
        status: VersionStatus::Published,
        questions: vec![csat.clone(), nps.clone()],
    };

    let on_duty: Vec<Id> = d
        .staff
        .iter()
        .filter(|s| s.left_on.is_none())
        .map(|s| s.id)
        .collect();
    let span = DAYS * 24 * 3600;
    d.responses.reserve(responses);
    for i in 0..responses {
        let at = (start
            + Duration::seconds(
                (i as i64 * span) / responses.max(1) as i64 + rng.below(600) as i64,
            ))
        .min(now);
        let stars = [5, 5, 5, 4, 4, 4, 3, 2, 1][rng.below(9) as usize];
        let score = (stars * 2 - rng.below(2) as u8).min(10);
        let mut follow_ups = BTreeMap::new();
        if stars <= 2 {
            follow_ups.insert(
                csat.id,
                rng.pick(&["上菜太慢", "菜凉了", "服务员态度冷淡"])
                    .to_string(),
            );
        }
        d.responses.push(Response {
            id: rng.id(),
            created_at: at,
            updated_at: at,
            survey_version_id: survey_version.id,
            submitted_at: at,
            device_id: "demo-tablet".into(),
            staff_id: Some(*rng.pick(&on_duty)),
            process_id: Some(process.id),
            visit_code: if rng.chance(20) {
                format!("A{:05}", rng.below(100_000))
            } else {
                String::new()
            },
            answers: BTreeMap::from([
                (csat.id, Answer::Score(stars)),
                (nps.id, Answer::Score(score)),
            ]),
            follow_ups,
        });
    }

    let steps: Vec<&Step> = version.stages.iter().flat_map(|s| &s.steps).collect();
    for day in 0..DAYS {
        let begun = start + Duration::days(day) + Duration::hours(11);
        let mut t = begun;
        let staff_id = *rng.pick(&on_duty);
        let records = steps
            .iter()
            .map(|s| {
                let started = t;
                let took = s.time_limit_s as i64 * (60 + rng.below(70) as i64) / 100;
                t = started + Duration::seconds(took);
                let skipped = !s.value_adding && rng.chance(40);
                StepRecord {
                    step_id: s.id,
                    started_at: Some(started),
                    done_at: (!skipped).then_some(t),
                    done_by: Some(staff_id),
                    option: (s.tier == Tier::Standard).then(|| rng.below(2) as u32),
                    note: if s.tier == Tier::Custom {
                        "送上小礼品".into()
                    } else {
                        String::new()
                    },
                    skipped_reason: skipped.then(|| "顾客赶时间".into()),
                }
            })
            .collect();
        d.runs.push(ProcessRun {
            id: rng.id(),
            created_at: begun,
            updated_at: t,
            process_version_id: version.id,
            staff_id: Some(staff_id),
            visit_code: String::new(),
            started_at: begun,
            finished_at: Some(t),
            steps: records,
        });
    }

    // Complaints concern the step that overruns most often: serving the dishes.
    let slowest = steps
        .iter()
        .max_by_key(|s| s.time_limit_s)
        .map(|s| s.id)
        .expect("template has steps");
    let low: Vec<(Id, Time, Option<Id>)> = d
        .responses
        .iter()
        .filter(|r| matches!(r.answers.get(&csat.id), Some(Answer::Score(s)) if *s <= 1))
        .take(40)
        .map(|r| (r.id, r.submitted_at, r.staff_id))
        .collect();
    let causes = [
        RootCause::People,
        RootCause::Process,
        RootCause::Equipment,
        RootCause::Materials,
    ];
    for (i, (response_id, at, staff_id)) in low.into_iter().enumerate() {
        let status = [
            FeedbackStatus::Open,
            FeedbackStatus::InProgress,
            FeedbackStatus::Resolved,
            FeedbackStatus::Closed,
        ][i % 4];
        let first = at + Duration::minutes(30 + rng.below(600) as i64);
        let resolved = matches!(status, FeedbackStatus::Resolved | FeedbackStatus::Closed)
            .then(|| first + Duration::hours(rng.below(48) as i64 + 1));
        d.feedback.push(Feedback {
            id: rng.id(),
            created_at: at,
            updated_at: resolved.unwrap_or(first),
            kind: FeedbackKind::Complaint,
            channel: Channel::Kiosk,
            text: "上菜太慢,等了四十分钟".into(),
            staff_id,
            step_id: Some(slowest),
            response_id: Some(response_id),
            owner_id: d.staff.last().map(|s| s.id),
            root_cause: Some(*rng.pick(&causes)),
            whys: vec![
                "厨房出餐慢".into(),
                "高峰期只有一名厨师".into(),
                "排班未按客流安排".into(),
            ],
            status,
            first_response_at: (status != FeedbackStatus::Open).then_some(first),
            resolved_at: resolved,
            due_at: Some(at + Duration::days(2)),
        });
    }

    let capabilities = [
        ("服务意识", "Service awareness", Dimension::Empathy),
        ("专业知识", "Professional knowledge", Dimension::Assurance),
        ("沟通技巧", "Communication", Dimension::Empathy),
        ("情绪管理", "Emotion management", Dimension::Assurance),
        ("响应速度", "Responsiveness", Dimension::Responsiveness),
        ("问题解决", "Problem solving", Dimension::Reliability),
    ];
    for (zh, en, dim) in capabilities {
        d.capabilities.push(Capability {
            id: rng.id(),
            created_at: start,
            updated_at: start,
            name: LocalText::new(zh, en),
            description: LocalText::default(),
            guide: Vec::new(),
            target: 4.0,
            dimensions: vec![dim],
            archived: false,
        });
    }
    let first_month = NaiveDate::from_ymd_opt(start.year(), start.month(), 1).expect("valid date");
    for m in 0..3u32 {
        let period = first_month
            .checked_add_months(chrono::Months::new(m))
            .expect("valid month");
        let at = start + Duration::days(30 * m as i64 + 28);
        for s in d.staff.iter().filter(|s| s.left_on.is_none()) {
            let scores = d
                .capabilities
                .iter()
                .map(|c| (c.id, (2 + rng.below(3) + u64::from(m > 1)) as u8))
                .collect();
            d.evaluations.push(Evaluation {
                id: rng.id(),
                created_at: at,
                updated_at: at,
                staff_id: s.id,
                period,
                evaluator: Evaluator::Manager,
                scores,
                note: String::new(),
            });
        }
    }
    d.trainings.push(Training {
        id: rng.id(),
        created_at: start,
        updated_at: start,
        title: "高峰期沟通与情绪管理".into(),
        date: (start + Duration::days(45)).date_naive(),
        capability_ids: vec![d.capabilities[2].id, d.capabilities[3].id],
        attendee_ids: on_duty.iter().take(4).copied().collect(),
        trainer: "店长".into(),
    });
    d.improvement_actions.push(ImprovementAction {
        id: rng.id(),
        created_at: start,
        updated_at: start,
        title: "高峰期增加一名传菜员".into(),
        stage: PdcaStage::Check,
        owner_id: d.staff.last().map(|s| s.id),
        due_on: Some((now + Duration::days(14)).date_naive()),
        findings: "投诉集中在上菜环节".into(),
        feedback_ids: d.feedback.iter().take(3).map(|f| f.id).collect(),
        process_version_id: Some(version.id),
        kpi: "csat".into(),
        kpi_before: Some(82.0),
        kpi_after: None,
    });

    d.processes.push(process);
    d.process_versions.push(version);
    d.surveys.push(survey);
    d.survey_versions.push(survey_version);
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::{Record, Visitor};
    use crate::domain::Collection;
    use std::collections::{HashMap, HashSet};

    fn now() -> Time {
        chrono::DateTime::parse_from_rfc3339("2026-11-22T12:00:00Z")
            .unwrap()
            .to_utc()
    }

    /// Every reference of every record points at a record that exists.
    pub(crate) fn dangling(d: &Data) -> Vec<(Collection, Id)> {
        struct Ids(HashMap<Collection, HashSet<Id>>, Vec<(Collection, Id)>);
        impl Visitor for Ids {
            fn visit<R: Record>(&mut self, rs: &[R]) {
                self.0
                    .entry(R::COLLECTION)
                    .or_default()
                    .extend(rs.iter().map(Record::id));
                self.1.extend(rs.iter().flat_map(Record::refs));
            }
        }
        let mut ids = Ids(HashMap::new(), Vec::new());
        d.visit(&mut ids);
        ids.1
            .iter()
            .filter(|(c, id)| !ids.0.get(c).is_some_and(|s| s.contains(id)))
            .copied()
            .collect()
    }

    #[test]
    fn same_seed_same_data_other_seed_other_data() {
        assert_eq!(generate(1, 200, now()), generate(1, 200, now()));
        assert_ne!(
            generate(1, 200, now()).responses,
            generate(2, 200, now()).responses
        );
    }

    #[test]
    fn references_are_whole_and_dates_in_range() {
        let d = generate(3, 2_000, now());
        assert_eq!(dangling(&d), vec![]);
        assert_eq!(d.responses.len(), 2_000);
        assert_eq!(d.runs.len(), DAYS as usize);
        assert!(!d.feedback.is_empty() && d.feedback.len() <= 40);
        assert_eq!(d.capabilities.len(), 6);
        assert_eq!(
            d.evaluations.len(),
            3 * 7,
            "three months of the seven staff still employed"
        );
        let earliest = now() - Duration::days(DAYS);
        assert!(d
            .responses
            .iter()
            .all(|r| r.submitted_at >= earliest && r.submitted_at <= now()));
    }

    #[test]
    fn scales_to_a_hundred_thousand() {
        let d = generate(4, 100_000, now());
        assert_eq!(d.responses.len(), 100_000);
        let ids: HashSet<Id> = d.responses.iter().map(|r| r.id).collect();
        assert_eq!(ids.len(), 100_000);
    }
}
