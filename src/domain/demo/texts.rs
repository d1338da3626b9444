//! The demo's wording: what guests write, why steps were skipped, what staff noted, and
//! the complaint topics with their 5-whys analyses.

use crate::domain::bilingual::Bi;
use crate::domain::model::{RootCause, Step};
use crate::domain::templates::restaurant::{
    GREET, RECORD_PREFERENCES, SERVE, SETTLE, SET_TABLE, TABLE_CARE,
};
use crate::domain::templates::spec::StepSpec;

pub(super) const SKIP_REASONS: [Bi; 4] = [
    Bi("顾客赶时间,提前离开", "Guest in a hurry, left early"),
    Bi("高峰期人手不足", "Short-staffed at peak"),
    Bi("顾客婉拒", "Guest declined"),
    Bi("平板没电", "Tablet out of battery"),
];

const CARE_NOTES: [Bi; 5] = [
    Bi(
        "顾客庆祝生日,赠送长寿面并合唱生日歌",
        "Birthday: free longevity noodles and a song",
    ),
    Bi(
        "儿童同行,提供儿童椅和儿童餐具",
        "Child at the table: high chair and kids' cutlery",
    ),
    Bi(
        "老人用餐,请后厨将菜品做得软烂",
        "Elderly guest: asked the kitchen to cook dishes softer",
    ),
    Bi(
        "常规巡台,添茶换骨碟",
        "Routine care: tea refilled, plates changed",
    ),
    Bi("顾客对花生过敏,已通知后厨", "Peanut allergy: kitchen told"),
];

const PREFERENCE_NOTES: [Bi; 4] = [
    Bi(
        "常客王先生:不吃香菜,喜欢靠窗座位",
        "Regular Mr Wang: no coriander, likes a window seat",
    ),
    Bi("会员刘女士:少油少盐", "Member Ms Liu: less oil and salt"),
    Bi(
        "常客陈先生一家:需要儿童椅",
        "The Chen family, regulars: need a high chair",
    ),
    Bi(
        "会员周女士:偏好包间",
        "Member Ms Zhou: prefers a private room",
    ),
];

const GESTURE_NOTES: [Bi; 3] = [
    Bi(
        "赠送甜品并免除该菜费用",
        "Free dessert and the dish taken off the bill",
    ),
    Bi(
        "店长亲自致电道歉并赠送会员积分",
        "Manager phoned to apologise and added member points",
    ),
    Bi(
        "下次到店免费升级包间",
        "Free private-room upgrade on the next visit",
    ),
];

/// What a custom-tier step's note says, by step.
pub(super) fn custom_notes(step: &Step) -> &'static [Bi] {
    if is(step, TABLE_CARE) {
        &CARE_NOTES
    } else if is(step, RECORD_PREFERENCES) {
        &PREFERENCE_NOTES
    } else {
        &GESTURE_NOTES
    }
}

pub(super) fn is(step: &Step, spec: StepSpec) -> bool {
    step.name.en == spec.name.1
}

pub(super) const PRAISE: [Bi; 4] = [
    Bi(
        "服务员很热情,推荐的菜很好吃",
        "Friendly waiter and great recommendations",
    ),
    Bi("上菜快,环境干净", "Quick service and a clean place"),
    Bi(
        "记得我们不吃辣,很贴心",
        "They remembered we don't eat spicy food, very thoughtful",
    ),
    Bi(
        "儿童椅和儿童餐具准备得很周到",
        "High chair and kids' cutlery were ready for our child",
    ),
];

pub(super) const SUGGESTIONS: [Bi; 4] = [
    Bi("希望增加儿童套餐", "Please add a kids' menu"),
    Bi(
        "周末可以开放线上排队",
        "Online queuing at weekends would help",
    ),
    Bi("希望提供更多素食", "More vegetarian dishes, please"),
    Bi("停车指引可以更清楚", "Parking directions could be clearer"),
];

/// Follow-up answers that are not worth a complaint.
pub(super) const MILD: [Bi; 3] = [
    Bi("价格有点高", "A bit pricey"),
    Bi("菜品口味一般", "The food was just OK"),
    Bi("环境有点吵", "A little noisy"),
];

pub(super) struct Topic {
    pub text: Bi,
    pub step: StepSpec,
    pub cause: RootCause,
    pub whys: [Bi; 5],
}

pub(super) const SLOW_SERVING: usize = 0;
pub(super) const WRONG_BILL: usize = 3;

pub(super) const TOPICS: [Topic; 6] = [
    Topic {
        text: Bi(
            "等了快四十分钟才上齐菜,催了两次",
            "Waited almost forty minutes for all the dishes and had to chase twice",
        ),
        step: SERVE,
        cause: RootCause::Process,
        whys: [
            Bi(
                "为什么上菜慢?高峰期出菜口排队",
                "Why slow? At peak the dishes queued at the pass",
            ),
            Bi(
                "为什么排队?传菜员一人跑全场",
                "Why a queue? One food runner covers the whole floor",
            ),
            Bi(
                "为什么只有一人?排班按平日客流",
                "Why only one? The rota follows weekday traffic",
            ),
            Bi(
                "为什么按平日排班?没有按时段统计客流",
                "Why? Traffic has never been counted by hour",
            ),
            Bi(
                "为什么没有统计?缺少简单的客流记录方法",
                "Why not? There was no simple way to record it",
            ),
        ],
    },
    Topic {
        text: Bi("菜上来是凉的", "The dish arrived cold"),
        step: SERVE,
        cause: RootCause::Equipment,
        whys: [
            Bi(
                "为什么凉?菜在出菜口放了很久",
                "Why cold? It sat at the pass too long",
            ),
            Bi(
                "为什么放很久?传菜员在别的桌",
                "Why so long? The runner was at another table",
            ),
            Bi(
                "为什么没有保温?保温灯坏了",
                "Why not kept warm? The heat lamp was broken",
            ),
            Bi(
                "为什么没修?报修后无人跟进",
                "Why not fixed? Nobody followed up the repair request",
            ),
            Bi(
                "为什么无人跟进?设备维护没有责任人",
                "Why? Equipment upkeep has no owner",
            ),
        ],
    },
    Topic {
        text: Bi(
            "服务员态度冷淡,叫了几次没人理",
            "The waiter was cold and ignored us several times",
        ),
        step: TABLE_CARE,
        cause: RootCause::People,
        whys: [
            Bi(
                "为什么没人理?一名服务员同时照看六张桌",
                "Why ignored? One waiter had six tables",
            ),
            Bi(
                "为什么六张?同事请假无人补位",
                "Why six? A colleague was off and nobody covered",
            ),
            Bi(
                "为什么无人补位?没有替班安排",
                "Why? There is no cover arrangement",
            ),
            Bi(
                "为什么态度冷淡?连续高峰后疲惫",
                "Why cold? Worn out after back-to-back rushes",
            ),
            Bi(
                "为什么难以调整情绪?新员工未接受情绪管理培训",
                "Why? New staff had no emotion-management training",
            ),
        ],
    },
    Topic {
        text: Bi(
            "账单多算了一道没上的菜",
            "The bill charged for a dish we never got",
        ),
        step: SETTLE,
        cause: RootCause::Process,
        whys: [
            Bi(
                "为什么多算?收银系统里有这道菜",
                "Why? The dish was in the POS",
            ),
            Bi(
                "为什么在系统里?重录手写单时录错了桌号",
                "Why? It was keyed to the wrong table when the slip was re-typed",
            ),
            Bi(
                "为什么会录错?同一张单要录两遍",
                "Why? Every order is typed twice",
            ),
            Bi(
                "为什么录两遍?点餐和收银系统没有打通",
                "Why twice? Ordering and the POS are not connected",
            ),
            Bi(
                "为什么没打通?流程中仍保留手写单",
                "Why? The process still keeps handwritten slips",
            ),
        ],
    },
    Topic {
        text: Bi(
            "餐具上有水渍和污点",
            "Water stains and spots on the cutlery",
        ),
        step: SET_TABLE,
        cause: RootCause::Materials,
        whys: [
            Bi(
                "为什么有污点?洗后没有擦干",
                "Why spots? Not dried after washing",
            ),
            Bi(
                "为什么没擦干?高峰期直接上桌",
                "Why not dried? Sent straight to tables at peak",
            ),
            Bi(
                "为什么直接上桌?备用餐具不够",
                "Why? Not enough spare cutlery",
            ),
            Bi(
                "为什么不够?破损后没有补货",
                "Why short? Broken pieces were never replaced",
            ),
            Bi(
                "为什么没补货?没有定期盘点",
                "Why? There is no regular stock count",
            ),
        ],
    },
    Topic {
        text: Bi(
            "订了位还在门口等了二十分钟",
            "Had a booking and still waited twenty minutes at the door",
        ),
        step: GREET,
        cause: RootCause::Measurement,
        whys: [
            Bi(
                "为什么要等?预订的桌还没清好",
                "Why wait? The booked table was not cleared",
            ),
            Bi(
                "为什么没清好?上一桌用餐超时",
                "Why? The previous party stayed longer",
            ),
            Bi(
                "为什么没有预留?预订间隔只有90分钟",
                "Why no margin? Bookings are only 90 min apart",
            ),
            Bi(
                "为什么只有90分钟?沿用开业时的规则",
                "Why 90? A rule kept from opening day",
            ),
            Bi(
                "为什么没改?从未统计实际用餐时长",
                "Why not changed? Real meal lengths were never measured",
            ),
        ],
    },
];

/// How often each topic comes up, before and after re-keying was removed (fewer wrong bills).
pub(super) const TOPIC_WEIGHTS_BEFORE: [u32; 6] = [5, 2, 3, 3, 1, 2];
pub(super) const TOPIC_WEIGHTS_AFTER: [u32; 6] = [5, 2, 3, 1, 1, 2];

/// What the demo's manager noted when acknowledging an alert.
pub const ALERT_NOTE: Bi = Bi(
    "已简化上菜流程(第 2 版)并安排服务培训,下月复查。",
    "Table service simplified (version 2) and a service training held; to be checked next month.",
);
