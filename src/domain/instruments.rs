//! Ready-made survey instruments: the standard scales a small business can put on a
//! tablet or send days later, each as a survey and its published version 1.

mod servqual;

pub use servqual::servqual_dimension;

use super::bilingual::Bi;
use super::model::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InstrumentId {
    /// Stars 1–5; "what went wrong?" at 2 or below.
    Csat,
    /// 0–10; "what should we do better?" at 6 or below (detractors).
    Nps,
    /// Likert 1–7 agreement with "it was easy to get my issue handled".
    Ces,
    /// One perception item per SERVQUAL dimension: a simplification, no gap scores.
    ServqualShort,
    /// The 22 items, each as expectation and perception (Parasuraman, Zeithaml & Berry 1988).
    Servqual22,
    /// Complaint, suggestion or praise, then what happened.
    ComplaintForm,
}

impl InstrumentId {
    pub const ALL: [InstrumentId; 6] = [
        InstrumentId::Csat,
        InstrumentId::Nps,
        InstrumentId::Ces,
        InstrumentId::ServqualShort,
        InstrumentId::Servqual22,
        InstrumentId::ComplaintForm,
    ];

    fn title(self) -> Bi {
        match self {
            InstrumentId::Csat => Bi("顾客满意度(CSAT)", "Customer satisfaction (CSAT)"),
            InstrumentId::Nps => Bi("净推荐值(NPS)", "Net Promoter Score (NPS)"),
            InstrumentId::Ces => Bi("客户费力度(CES)", "Customer effort score (CES)"),
            // The list marks a simplification beside the name, so the name does not say it.
            InstrumentId::ServqualShort => Bi(
                "SERVQUAL 简版(每维度一题)",
                "SERVQUAL short form (one item per dimension)",
            ),
            InstrumentId::Servqual22 => Bi(
                "SERVQUAL 22项量表(期望与感知)",
                "SERVQUAL 22-item scale (expectations and perceptions)",
            ),
            InstrumentId::ComplaintForm => Bi("投诉与建议", "Complaints and suggestions"),
        }
    }

    pub fn name(self) -> LocalText {
        self.title().local()
    }

    /// The long SERVQUAL forms are sent later (回访); the rest are answered on the spot.
    pub fn kind(self) -> SurveyKind {
        match self {
            InstrumentId::ServqualShort | InstrumentId::Servqual22 => SurveyKind::FollowUp,
            _ => SurveyKind::Instant,
        }
    }

    /// True when the instrument trades validity for brevity (the short SERVQUAL measures
    /// perceptions only, one item per dimension, so it gives no expectation gap).
    pub fn is_simplification(self) -> bool {
        self == InstrumentId::ServqualShort
    }
}

/// The complaint form's first question: option `i` is `COMPLAINT_FORM_KINDS[i]`.
pub const COMPLAINT_FORM_KINDS: [FeedbackKind; 3] = [
    FeedbackKind::Complaint,
    FeedbackKind::Suggestion,
    FeedbackKind::Praise,
];

#[derive(Clone, Debug, PartialEq)]
pub struct Instrument {
    pub survey: Survey,
    pub version: SurveyVersion,
}

/// Builds the survey and its published version 1; ids come from `ids` in a fixed order.
pub fn instantiate(i: InstrumentId, ids: &mut impl FnMut() -> Id, now: Time) -> Instrument {
    let survey = Survey {
        id: ids(),
        created_at: now,
        updated_at: now,
        name: i.name(),
        kind: i.kind(),
        archived: false,
    };
    let version_id = ids();
    let questions = questions(i, ids);
    Instrument {
        version: SurveyVersion {
            id: version_id,
            created_at: now,
            updated_at: now,
            survey_id: survey.id,
            number: 1,
            status: VersionStatus::Published,
            questions,
        },
        survey,
    }
}

fn questions(i: InstrumentId, ids: &mut impl FnMut() -> Id) -> Vec<Question> {
    match i {
        InstrumentId::Csat => vec![
            question(ids, QuestionKind::Stars, CSAT).follow_up(WHAT_WENT_WRONG, 2),
            comment(ids),
        ],
        InstrumentId::Nps => vec![
            question(ids, QuestionKind::Nps, NPS).follow_up(DO_BETTER, 6),
            comment(ids),
        ],
        InstrumentId::Ces => vec![question(ids, QuestionKind::Likert, CES).follow_up(
            Bi("哪一步最费力?", "What made it hard?"),
            // 1–3 is the "disagree" half of the 7-point scale.
            3,
        )],
        InstrumentId::ServqualShort => SHORT_SERVQUAL
            .into_iter()
            .map(|(dimension, text)| {
                let mut q = question(ids, QuestionKind::Likert, text);
                q.dimension = Some(dimension);
                q
            })
            .collect(),
        InstrumentId::Servqual22 => servqual_22(ids),
        InstrumentId::ComplaintForm => {
            let mut kind = question(
                ids,
                QuestionKind::SingleChoice,
                Bi("您想告诉我们的是?", "What would you like to tell us?"),
            );
            kind.options = [
                Bi("投诉", "A complaint"),
                Bi("建议", "A suggestion"),
                Bi("表扬", "Praise"),
            ]
            .iter()
            .map(|o| o.local())
            .collect();
            let what = question(
                ids,
                QuestionKind::Text,
                Bi("请描述具体情况", "Please tell us what happened"),
            );
            let mut contact = question(
                ids,
                QuestionKind::Text,
                Bi(
                    "联系方式(选填,便于我们回复您)",
                    "Contact details (optional, so we can reply)",
                ),
            );
            contact.required = false;
            vec![kind, what, contact]
        }
    }
}

const CSAT: Bi = Bi(
    "您对本次服务的总体满意度如何?",
    "How satisfied are you with our service today?",
);
const WHAT_WENT_WRONG: Bi = Bi("哪里让您不满意?", "What went wrong?");
const NPS: Bi = Bi(
    "您有多大可能把我们推荐给朋友或同事?",
    "How likely are you to recommend us to a friend or colleague?",
);
const DO_BETTER: Bi = Bi("我们怎样做才能让您更满意?", "What should we do better?");
const CES: Bi = Bi(
    "本次我的问题很容易就得到了处理。",
    "It was easy to get my issue handled.",
);

const SHORT_SERVQUAL: [(Dimension, Bi); 5] = [
    (
        Dimension::Tangibles,
        Bi(
            "本店的环境、设施和员工仪表整洁得体。",
            "The premises, equipment and staff look clean and appropriate.",
        ),
    ),
    (
        Dimension::Reliability,
        Bi(
            "本店按承诺的时间和方式提供了服务。",
            "We delivered the service as and when we promised.",
        ),
    ),
    (
        Dimension::Responsiveness,
        Bi(
            "员工乐意帮助您,并迅速回应您的需求。",
            "Staff were willing to help and responded to you promptly.",
        ),
    ),
    (
        Dimension::Assurance,
        Bi(
            "员工专业、有礼貌,让您感到放心。",
            "Staff were knowledgeable and courteous, and you felt safe.",
        ),
    ),
    (
        Dimension::Empathy,
        Bi(
            "员工关注并理解您的个人需求。",
            "Staff paid attention to and understood your own needs.",
        ),
    ),
];

/// Expectations 1–22 first, then perceptions 1–22, as the scale is administered.
fn servqual_22(ids: &mut impl FnMut() -> Id) -> Vec<Question> {
    let mut all = servqual_half(ids, false);
    all.extend(servqual_half(ids, true));
    all
}

fn servqual_half(ids: &mut impl FnMut() -> Id, perception: bool) -> Vec<Question> {
    (1u8..)
        .zip(servqual::ITEMS)
        .map(|(item, (e, p))| {
            let (text, part) = if perception {
                (p, ServqualPart::Perception { item })
            } else {
                (e, ServqualPart::Expectation { item })
            };
            let mut q = question(ids, QuestionKind::Likert, text);
            q.dimension = servqual_dimension(item);
            q.servqual = Some(part);
            q
        })
        .collect()
}

fn comment(ids: &mut impl FnMut() -> Id) -> Question {
    let mut q = question(
        ids,
        QuestionKind::Text,
        Bi(
            "还有什么想告诉我们的吗?(选填)",
            "Anything else you would like to tell us? (optional)",
        ),
    );
    q.required = false;
    q
}

fn question(ids: &mut impl FnMut() -> Id, kind: QuestionKind, text: Bi) -> Question {
    Question {
        id: ids(),
        kind,
        text: text.local(),
        required: true,
        options: Vec::new(),
        dimension: None,
        step_ids: Vec::new(),
        follow_up: None,
        follow_up_at_or_below: None,
        servqual: None,
    }
}

trait FollowUp {
    fn follow_up(self, text: Bi, at_or_below: u8) -> Self;
}

impl FollowUp for Question {
    fn follow_up(mut self, text: Bi, at_or_below: u8) -> Self {
        self.follow_up = Some(text.local());
        self.follow_up_at_or_below = Some(at_or_below);
        self
    }
}

#[cfg(test)]
mod tests;
