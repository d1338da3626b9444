//! 电信营业厅柜台业务: triage to self-service first, so the counter queue stays short.

use super::roles::{COUNTER_CLERK, CUSTOMER_CARE, LOBBY_MANAGER};
use super::spec::{step, TemplateSpec};
use crate::domain::bilingual::Bi;
use crate::domain::model::StageKind;

const ID_DOCUMENT: Bi = Bi("身份证件", "ID document");

pub(super) const TEMPLATE: TemplateSpec = TemplateSpec {
    name: Bi("营业厅柜台业务办理", "Telecom store counter service"),
    category: "telecom",
    stages: [
        (
            StageKind::Pre,
            &[
                step(
                    COUNTER_CLERK,
                    Bi("营业前检查", "Opening check"),
                    Bi(
                        "开门前检查叫号机、评价器、打印机与业务单据",
                        "Before opening, check the queue machine, rating pad, printer and forms",
                    ),
                    900,
                ),
                step(
                    LOBBY_MANAGER,
                    Bi("预约客户准备", "Prepare for booked customers"),
                    Bi(
                        "提前调取线上预约客户资料,备好所需单据",
                        "Pull up the customers who booked online and prepare their forms",
                    ),
                    600,
                )
                .io(&[Bi("线上预约", "Online bookings")], &[]),
            ],
        ),
        (
            StageKind::In,
            &[
                step(
                    LOBBY_MANAGER,
                    Bi("取号分流", "Triage at the entrance"),
                    Bi(
                        "询问来意,简单业务引导至自助渠道,复杂业务取号",
                        "Ask what the customer needs; send simple tasks to self-service, give a queue ticket for the rest",
                    ),
                    120,
                )
                .options(&[
                    Bi("柜台办理", "Counter"),
                    Bi("自助终端", "Self-service kiosk"),
                    Bi("手机营业厅", "Mobile app"),
                ])
                .io(&[], &[Bi("排队号", "Queue ticket")]),
                step(
                    COUNTER_CLERK,
                    Bi("叫号迎接", "Call and greet"),
                    Bi(
                        "叫号后起身示意,微笑问候并请客户入座",
                        "After calling the number, stand, greet with a smile and invite the customer to sit",
                    ),
                    30,
                ),
                step(
                    COUNTER_CLERK,
                    Bi("核验身份", "Verify identity"),
                    Bi(
                        "按实名制要求核验身份证件原件并进行人像比对",
                        "Check the original ID and match the face, as real-name rules require",
                    ),
                    120,
                )
                .io(&[ID_DOCUMENT], &[]),
                step(
                    COUNTER_CLERK,
                    Bi("业务办理", "Carry out the request"),
                    Bi(
                        "一次性告知所需材料,10分钟内办结开户、换卡、套餐变更、缴费等常规业务",
                        "State all required documents at once; finish routine requests (new line, SIM swap, plan change, payment) within 10 min",
                    ),
                    600,
                )
                .io(&[ID_DOCUMENT], &[Bi("业务受理单", "Service order")]),
                step(
                    COUNTER_CLERK,
                    Bi("纸质受理单多处签字", "Sign paper forms in several places"),
                    Bi(
                        "打印纸质受理单,请客户在多处重复签字",
                        "Print the paper order and have the customer sign the same details in several places",
                    ),
                    180,
                )
                .non_value_adding(),
                step(
                    COUNTER_CLERK,
                    Bi("个性化套餐建议", "Tailored plan advice"),
                    Bi(
                        "根据客户用量与家庭情况给出个性化建议,须记录",
                        "Advise on a plan from the customer's usage and household; note required",
                    ),
                    300,
                )
                .custom(),
            ],
        ),
        (
            StageKind::Post,
            &[
                step(
                    COUNTER_CLERK,
                    Bi("邀请评价", "Invite a rating"),
                    Bi(
                        "办结后邀请客户在评价器或短信中评价",
                        "After finishing, invite the customer to rate on the pad or by SMS",
                    ),
                    30,
                )
                .options(&[
                    Bi("柜台评价器", "Counter rating pad"),
                    Bi("短信评价", "SMS survey"),
                ]),
                step(
                    CUSTOMER_CARE,
                    Bi("三日回访", "Call back within 3 days"),
                    Bi(
                        "复杂业务3日内电话回访,确认业务已生效",
                        "For complex requests, call within 3 days to confirm everything works",
                    ),
                    259_200,
                ),
            ],
        ),
    ],
};
