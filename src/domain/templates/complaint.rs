//! 投诉处理与服务补救: fits every business; the demo restaurant runs it for its complaints.

use super::roles::{FRONT_DESK, MANAGER};
use super::spec::{step, TemplateSpec};
use crate::domain::bilingual::Bi;
use crate::domain::model::StageKind;

pub(super) const TEMPLATE: TemplateSpec = TemplateSpec {
    name: Bi("投诉处理与服务补救", "Complaint handling and service recovery"),
    category: "general",
    stages: [
        (
            StageKind::Pre,
            &[
                step(
                    FRONT_DESK,
                    Bi("接收登记", "Receive and log"),
                    Bi(
                        "当场或电话接收投诉,完整记录时间、经过与客户诉求",
                        "Take the complaint in person or by phone; log the time, what happened and what the customer wants",
                    ),
                    300,
                )
                .io(&[], &[Bi("投诉记录", "Complaint record")]),
                step(
                    MANAGER,
                    Bi("指定责任人", "Assign an owner"),
                    Bi(
                        "30分钟内指定处理责任人与完成时限",
                        "Within 30 min, name an owner and a deadline",
                    ),
                    1800,
                ),
            ],
        ),
        (
            StageKind::In,
            &[
                step(
                    MANAGER,
                    Bi("致歉安抚", "Apologise and calm"),
                    Bi(
                        "先处理情绪再处理事情:倾听不打断,真诚致歉",
                        "Feelings first, then facts: listen without interrupting and apologise sincerely",
                    ),
                    180,
                ),
                step(
                    MANAGER,
                    Bi("核实情况", "Establish the facts"),
                    Bi(
                        "询问当事员工、查看记录,确认事实经过",
                        "Ask the staff involved and check the records to confirm what happened",
                    ),
                    900,
                ),
                step(
                    MANAGER,
                    Bi("补救方案", "Offer a remedy"),
                    Bi(
                        "在授权范围内提出补救方案并征得客户同意",
                        "Offer a remedy within your authority and get the customer's agreement",
                    ),
                    600,
                )
                .options(&[
                    Bi("重做或更换", "Redo or replace"),
                    Bi("折扣或退款", "Discount or refund"),
                    Bi("赠送下次优惠券", "Voucher for the next visit"),
                ]),
                step(
                    MANAGER,
                    Bi("特殊补偿", "Special gesture"),
                    Bi(
                        "标准方案不足以挽回时按客户情况定制补偿,须记录理由",
                        "When the standard remedies are not enough, tailor a gesture to the customer; note the reason",
                    ),
                    600,
                )
                .custom(),
            ],
        ),
        (
            StageKind::Post,
            &[
                step(
                    MANAGER,
                    Bi("24小时回访", "Call back within 24 h"),
                    Bi(
                        "24小时内回访,确认客户对处理结果满意",
                        "Within 24 h, call back to confirm the customer is satisfied with the outcome",
                    ),
                    86_400,
                ),
                step(
                    MANAGER,
                    Bi("根因分析", "Root-cause analysis"),
                    Bi(
                        "48小时内完成5个为什么分析,归类根因并提出改进措施",
                        "Within 48 h, ask why five times, classify the root cause and propose a fix",
                    ),
                    172_800,
                )
                .io(
                    &[Bi("投诉记录", "Complaint record")],
                    &[Bi("改进措施", "Improvement action")],
                ),
            ],
        ),
    ],
};
