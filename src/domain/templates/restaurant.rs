//! 餐厅桌边服务: 迎宾 → 点餐 → 上菜 → 结账 → 送客. The demo workspace runs it, so its
//! steps are named constants it can find.

use super::roles::{CASHIER, FOOD_RUNNER, FRONT_DESK, WAITER};
use super::spec::{step, StepSpec, TemplateSpec};
use crate::domain::bilingual::Bi;
use crate::domain::model::StageKind;

const TABLE_READY: Bi = Bi("备好的桌位", "Ready table");
const ORDER_SLIP: Bi = Bi("点菜单", "Order slip");
const KITCHEN_TICKET: Bi = Bi("厨房单", "Kitchen ticket");

pub(crate) const SET_TABLE: StepSpec = step(
    WAITER,
    Bi("摆台检查", "Check the table setting"),
    Bi(
        "餐具、台布、调料齐全无破损,桌面整洁无水渍",
        "Cutlery, cloth and condiments complete and undamaged; table clean and dry",
    ),
    180,
)
.io(&[Bi("摆台标准", "Table-setting standard")], &[TABLE_READY]);

const CONFIRM_BOOKING: StepSpec = step(
    FRONT_DESK,
    Bi("核对预订与桌位", "Match bookings to tables"),
    Bi(
        "核对预订人数、时间与特殊要求(生日、儿童座椅),提前留好桌位",
        "Check party size, time and special requests (birthday, high chair); hold the table",
    ),
    120,
)
.io(
    &[Bi("预订记录", "Booking list")],
    &[Bi("桌位安排", "Table plan")],
);

pub(crate) const GREET: StepSpec = step(
    FRONT_DESK,
    Bi("迎宾", "Greet and seat"),
    Bi(
        "顾客进门10秒内微笑问候,引导入座,拉椅并递上菜单",
        "Greet with a smile within 10 s of arrival, lead to the table, pull out the chair, hand over the menu",
    ),
    90,
);

pub(crate) const TAKE_ORDER: StepSpec = step(
    WAITER,
    Bi("点餐", "Take the order"),
    Bi(
        "介绍招牌菜,询问忌口与过敏,复述订单并确认",
        "Introduce the signature dishes, ask about dislikes and allergies, read the order back",
    ),
    300,
)
.options(&[
    Bi("纸质菜单点餐", "Paper menu"),
    Bi("扫码自助点餐", "QR self-ordering"),
    Bi("服务员推荐套餐", "Waiter-recommended set"),
])
.io(&[Bi("菜单", "Menu")], &[ORDER_SLIP]);

pub(crate) const RE_KEY_ORDER: StepSpec = step(
    WAITER,
    Bi(
        "手写单重复录入收银系统",
        "Re-key the handwritten slip into the POS",
    ),
    Bi(
        "将手写点菜单逐项录入收银系统并打印厨房单",
        "Enter each item of the handwritten slip into the POS and print the kitchen ticket",
    ),
    120,
)
.io(&[ORDER_SLIP], &[KITCHEN_TICKET])
.non_value_adding();

pub(crate) const SERVE: StepSpec = step(
    FOOD_RUNNER,
    Bi("上菜", "Serve the dishes"),
    Bi(
        "首道菜15分钟内上桌,全部菜品30分钟内上齐;上菜时报菜名并核对桌号",
        "First dish within 15 min, all dishes within 30 min; announce each dish and check the table number",
    ),
    1800,
)
.io(&[KITCHEN_TICKET], &[Bi("上齐的菜品", "Dishes served")]);

pub(crate) const TABLE_CARE: StepSpec = step(
    WAITER,
    Bi("席间服务", "Care during the meal"),
    Bi(
        "每10分钟巡台,添茶、换骨碟;留意生日、儿童、老人等特殊需求并灵活处理,须记录",
        "Check the table every 10 min, refill tea, change plates; spot special needs (birthday, children, elderly) and handle them freely; note required",
    ),
    2400,
)
.custom();

pub(crate) const SETTLE: StepSpec = step(
    CASHIER,
    Bi("结账", "Settle the bill"),
    Bi(
        "核对账单与点菜单一致,3分钟内完成结账,主动询问是否需要发票",
        "Check the bill against the order, settle within 3 minutes, offer an invoice",
    ),
    180,
)
.options(&[
    Bi("扫码支付", "Mobile payment"),
    Bi("刷卡", "Card"),
    Bi("现金", "Cash"),
])
.io(
    &[Bi("账单", "Bill")],
    &[Bi("收据或发票", "Receipt or invoice")],
);

pub(crate) const SEE_OFF: StepSpec = step(
    FRONT_DESK,
    Bi("送客", "See the guests off"),
    Bi(
        "提醒带好随身物品,送至门口,道谢并欢迎再次光临",
        "Remind guests of their belongings, walk them to the door, thank them and invite them back",
    ),
    60,
);

const INVITE_FEEDBACK: StepSpec = step(
    WAITER,
    Bi("邀请评价", "Invite feedback"),
    Bi(
        "礼貌邀请顾客完成满意度评价,不诱导打分",
        "Politely invite the guest to rate the visit, without steering the score",
    ),
    60,
)
.options(&[
    Bi("桌边平板评价", "Table tablet"),
    Bi("扫码问卷", "QR survey card"),
])
.io(&[], &[Bi("评价", "Rating")]);

const RESET_TABLE: StepSpec = step(
    WAITER,
    Bi("清台翻台", "Clear and reset the table"),
    Bi(
        "顾客离座后5分钟内清台、消毒并重新摆台",
        "Within 5 min of the guests leaving, clear, disinfect and re-set the table",
    ),
    300,
)
.io(&[], &[TABLE_READY]);

pub(crate) const RECORD_PREFERENCES: StepSpec = step(
    WAITER,
    Bi("记录顾客偏好", "Record guest preferences"),
    Bi(
        "为会员和常客记录口味、忌口、座位偏好,供下次到店使用,须记录",
        "For members and regulars, log tastes, allergies and seating preferences for the next visit; note required",
    ),
    180,
)
.custom()
.io(&[], &[Bi("客户档案", "Guest profile")]);

pub(super) const TEMPLATE: TemplateSpec = TemplateSpec {
    name: Bi("餐厅桌边服务", "Restaurant table service"),
    category: "restaurant",
    stages: [
        (StageKind::Pre, &[SET_TABLE, CONFIRM_BOOKING]),
        (
            StageKind::In,
            &[
                GREET,
                TAKE_ORDER,
                RE_KEY_ORDER,
                SERVE,
                TABLE_CARE,
                SETTLE,
                SEE_OFF,
            ],
        ),
        (
            StageKind::Post,
            &[INVITE_FEEDBACK, RESET_TABLE, RECORD_PREFERENCES],
        ),
    ],
};
