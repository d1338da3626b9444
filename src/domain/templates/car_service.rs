//! 汽车4S店维修保养接待: e-survey at handover, a person calls back three days later.

use super::roles::{CASHIER, CUSTOMER_CARE, SERVICE_ADVISOR, TECHNICIAN};
use super::spec::{step, TemplateSpec};
use crate::domain::bilingual::Bi;
use crate::domain::model::StageKind;

const WORK_ORDER: Bi = Bi("维修工单", "Work order");

pub(super) const TEMPLATE: TemplateSpec = TemplateSpec {
    name: Bi("4S店维修保养接待", "Car dealership service reception"),
    category: "auto",
    stages: [
        (
            StageKind::Pre,
            &[
                step(
                    SERVICE_ADVISOR,
                    Bi("预约确认", "Confirm the appointment"),
                    Bi(
                        "提前一天电话或短信确认到店时间与维修需求",
                        "A day ahead, confirm the time and the work needed by phone or SMS",
                    ),
                    300,
                )
                .io(&[Bi("预约记录", "Appointment list")], &[Bi("预约确认", "Confirmed appointment")]),
                step(
                    TECHNICIAN,
                    Bi("备件预检", "Pre-pick the parts"),
                    Bi(
                        "按预约项目提前备好常用保养件",
                        "Set aside the usual service parts for the booked work",
                    ),
                    900,
                ),
            ],
        ),
        (
            StageKind::In,
            &[
                step(
                    SERVICE_ADVISOR,
                    Bi("接车问候", "Greet and receive"),
                    Bi(
                        "客户到店2分钟内迎接,铺好座椅套、方向盘套、脚垫三件套",
                        "Meet the customer within 2 min; fit seat, wheel and floor covers",
                    ),
                    120,
                ),
                step(
                    SERVICE_ADVISOR,
                    Bi("环车检查", "Walk-around inspection"),
                    Bi(
                        "与客户一起环车检查外观、里程、油量与贵重物品并拍照留证",
                        "Walk round the car with the customer: body, mileage, fuel, valuables; take photos",
                    ),
                    600,
                )
                .io(&[], &[Bi("环车检查单", "Inspection sheet")]),
                step(
                    SERVICE_ADVISOR,
                    Bi("确认项目与报价", "Agree the work and the quote"),
                    Bi(
                        "说明维修项目、价格与预计交车时间,客户确认后开单",
                        "Explain the work, price and ready time; open the work order once the customer agrees",
                    ),
                    600,
                )
                .options(&[
                    Bi("标准保养套餐", "Standard service package"),
                    Bi("保养加全车检测", "Service plus full check"),
                    Bi("按需维修", "Repair as needed"),
                ])
                .io(&[], &[WORK_ORDER]),
                step(
                    SERVICE_ADVISOR,
                    Bi("纸质工单多次签字", "Repeated sign-offs on the paper order"),
                    Bi(
                        "工单打印后在车间、质检、结算处各签一次",
                        "The printed work order is signed again at the workshop, inspection and cashier",
                    ),
                    300,
                )
                .non_value_adding(),
                step(
                    TECHNICIAN,
                    Bi("维修作业", "Carry out the work"),
                    Bi(
                        "按工单和厂家标准作业,更换下的旧件留给客户查看",
                        "Work to the order and the maker's standard; keep replaced parts to show the customer",
                    ),
                    5400,
                )
                .io(&[WORK_ORDER], &[Bi("完工车辆", "Finished car")]),
                step(
                    SERVICE_ADVISOR,
                    Bi("增项沟通", "Discuss extra findings"),
                    Bi(
                        "作业中发现新问题时,视情况向客户说明并由客户决定,须记录",
                        "If the work reveals new problems, explain as the case needs and let the customer decide; note required",
                    ),
                    600,
                )
                .custom(),
                step(
                    TECHNICIAN,
                    Bi("质检", "Quality check"),
                    Bi(
                        "完工后逐项自检并路试,在工单上签字",
                        "Check every item and road-test after the work; sign the order",
                    ),
                    900,
                ),
                step(
                    SERVICE_ADVISOR,
                    Bi("交车说明", "Handover"),
                    Bi(
                        "陪同客户验车,讲解作业内容与下次保养时间",
                        "Inspect the car with the customer; explain the work done and the next service date",
                    ),
                    600,
                ),
                step(
                    CASHIER,
                    Bi("结算", "Payment"),
                    Bi(
                        "核对工单金额,5分钟内完成结算",
                        "Check the amount against the work order; settle within 5 min",
                    ),
                    300,
                )
                .options(&[
                    Bi("扫码支付", "Mobile payment"),
                    Bi("刷卡", "Card"),
                    Bi("现金", "Cash"),
                ]),
            ],
        ),
        (
            StageKind::Post,
            &[
                step(
                    SERVICE_ADVISOR,
                    Bi("交车问卷", "E-survey at handover"),
                    Bi(
                        "交车时向客户发送电子问卷",
                        "Send the customer an electronic survey at handover",
                    ),
                    300,
                ),
                step(
                    CUSTOMER_CARE,
                    Bi("三日电话回访", "Phone call after 3 days"),
                    Bi(
                        "交车三日内人工电话回访,确认车辆使用正常",
                        "Within 3 days of handover, call to check the car is running well",
                    ),
                    259_200,
                ),
            ],
        ),
    ],
};
