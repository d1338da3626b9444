//! The six capabilities the sources train and score staff on (服务意识, 专业知识, 沟通技巧,
//! 情绪管理 from the training standard; 响应速度 and 问题解决 from the KPIs).

use super::bilingual::Bi;
use super::model::{Capability, Dimension, Id, Time};

/// What a manager expects of an experienced member of staff on the 1–5 guide.
pub const DEFAULT_TARGET: f64 = 4.0;

struct Spec {
    name: Bi,
    description: Bi,
    guide: [Bi; 5],
    dimensions: &'static [Dimension],
}

const DEFAULTS: [Spec; 6] = [
    Spec {
        name: Bi("服务意识", "Service awareness"),
        description: Bi(
            "主动发现并满足顾客需求,把下一环节也当作顾客",
            "Notices and meets customers' needs unprompted; treats the next step as a customer too",
        ),
        guide: [
            Bi("被动等待吩咐,常忽视顾客", "Waits to be asked; often overlooks customers"),
            Bi("能回应明确要求,但缺少主动", "Answers clear requests but rarely takes the initiative"),
            Bi("按标准主动问候和服务", "Greets and serves proactively, as the standard says"),
            Bi("预见常见需求并提前满足", "Anticipates common needs and meets them early"),
            Bi("为顾客创造惊喜,带动团队", "Creates delightful moments and lifts the team"),
        ],
        dimensions: &[Dimension::Empathy],
    },
    Spec {
        name: Bi("专业知识", "Professional knowledge"),
        description: Bi(
            "熟悉产品、流程与标准,能准确解答顾客问题",
            "Knows the products, the process and its standards; answers customers' questions correctly",
        ),
        guide: [
            Bi("不熟悉基本产品和流程", "Does not know the basic products and process"),
            Bi("掌握基本知识,常需他人帮助", "Knows the basics but often needs help"),
            Bi("能独立准确解答常见问题", "Answers common questions correctly on their own"),
            Bi("能处理复杂问题并给出建议", "Handles complex questions and gives advice"),
            Bi("能培训他人,是团队的专家", "Trains others; the team's go-to expert"),
        ],
        dimensions: &[Dimension::Assurance, Dimension::Reliability],
    },
    Spec {
        name: Bi("沟通技巧", "Communication"),
        description: Bi(
            "耐心倾听,表达清晰,用顾客听得懂的话沟通",
            "Listens patiently, speaks clearly, uses words the customer understands",
        ),
        guide: [
            Bi("常打断顾客,表达不清", "Often interrupts; hard to follow"),
            Bi("能表达基本信息,但倾听不足", "Gets basic information across but listens poorly"),
            Bi("耐心倾听,表达清楚准确", "Listens patiently; clear and accurate"),
            Bi("能根据顾客调整沟通方式", "Adapts how they speak to each customer"),
            Bi("能化解误会,让顾客信服", "Clears up misunderstandings; customers are convinced"),
        ],
        dimensions: &[Dimension::Empathy, Dimension::Assurance],
    },
    Spec {
        name: Bi("情绪管理", "Emotion management"),
        description: Bi(
            "在压力和冲突下保持冷静、礼貌",
            "Stays calm and polite under pressure and in conflict",
        ),
        guide: [
            Bi("遇到不满易与顾客争执", "Argues with unhappy customers"),
            Bi("能克制,但情绪常外露", "Holds back, but emotions often show"),
            Bi("高峰期和投诉时保持礼貌", "Stays polite at peak times and with complaints"),
            Bi("能安抚顾客情绪", "Calms upset customers"),
            Bi("能把不满的顾客转为满意", "Turns unhappy customers into satisfied ones"),
        ],
        dimensions: &[Dimension::Assurance],
    },
    Spec {
        name: Bi("响应速度", "Responsiveness"),
        description: Bi(
            "及时回应顾客,在时限内完成每个步骤",
            "Responds promptly and finishes each step within its time limit",
        ),
        guide: [
            Bi("经常让顾客等待,多次超时", "Keeps customers waiting; often over time"),
            Bi("平时及时,高峰期常超时", "On time when quiet, often late at peak"),
            Bi("基本在时限内完成", "Mostly within the time limits"),
            Bi("高峰期也能在时限内完成", "Within the limits even at peak"),
            Bi("提前完成并能支援同事", "Ahead of time and helps colleagues"),
        ],
        dimensions: &[Dimension::Responsiveness],
    },
    Spec {
        name: Bi("问题解决", "Problem solving"),
        description: Bi(
            "找到问题根因,当场或按时限解决",
            "Finds the root cause and solves the problem on the spot or in time",
        ),
        guide: [
            Bi("遇到问题推给他人", "Passes problems on to others"),
            Bi("能处理简单问题", "Solves simple problems"),
            Bi("能在授权范围内解决常见问题", "Solves common problems within their authority"),
            Bi("能解决复杂问题并防止再发", "Solves complex problems and stops them recurring"),
            Bi("推动流程改进,根除问题", "Drives process changes that remove the cause"),
        ],
        dimensions: &[Dimension::Reliability],
    },
];

/// The six default capabilities, in this order: service awareness, professional knowledge,
/// communication, emotion management, responsiveness, problem solving. Ids come from `ids`.
pub fn default_capabilities(ids: &mut impl FnMut() -> Id, now: Time) -> Vec<Capability> {
    DEFAULTS
        .iter()
        .zip(0..)
        .map(|(d, i)| Capability {
            id: ids(),
            // A millisecond apart: capabilities are listed by creation, so they keep this order.
            created_at: now + chrono::Duration::milliseconds(i),
            updated_at: now,
            name: d.name.local(),
            description: d.description.local(),
            guide: d.guide.iter().map(|g| g.local()).collect(),
            target: DEFAULT_TARGET,
            dimensions: d.dimensions.to_vec(),
            archived: false,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use uuid::Uuid;

    #[test]
    fn six_bilingual_capabilities_with_a_five_level_guide() {
        let mut n = 0;
        let now = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
        let caps = default_capabilities(
            &mut || {
                n += 1;
                Uuid::from_u64_pair(0, n)
            },
            now,
        );
        let names: Vec<&str> = caps.iter().map(|c| c.name.zh.as_str()).collect();
        assert_eq!(
            names,
            [
                "服务意识",
                "专业知识",
                "沟通技巧",
                "情绪管理",
                "响应速度",
                "问题解决"
            ]
        );
        for c in &caps {
            assert_eq!(c.guide.len(), 5);
            let texts = c.guide.iter().chain([&c.name, &c.description]);
            assert!(texts
                .into_iter()
                .all(|t| !t.zh.is_empty() && !t.en.is_empty()));
            assert!((1.0..=5.0).contains(&c.target));
            assert!(!c.dimensions.is_empty());
        }
        let mut ids: Vec<Id> = caps.iter().map(|c| c.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 6);
    }

    #[test]
    fn they_stay_in_order_whatever_their_ids() {
        let now = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
        let mut n = 100;
        // Ids counting down: sorting by id alone would reverse the list.
        let mut caps = default_capabilities(
            &mut || {
                n -= 1;
                Uuid::from_u64_pair(0, n)
            },
            now,
        );
        caps[1].archived = true;
        let names: Vec<&str> = crate::domain::capability::in_use(&caps)
            .iter()
            .map(|c| c.name.en.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "Service awareness",
                "Communication",
                "Emotion management",
                "Responsiveness",
                "Problem solving"
            ]
        );
    }
}
