//! 酒店入住接待, after the sources' three-tier front desk: registration and key card strict,
//! room assignment and add-ons from limited options, VIP and special requests tailored.

use super::roles::{BELLHOP, FRONT_DESK, HOUSEKEEPER, LOBBY_MANAGER};
use super::spec::{step, TemplateSpec};
use crate::domain::bilingual::Bi;
use crate::domain::model::StageKind;

pub(super) const TEMPLATE: TemplateSpec = TemplateSpec {
    name: Bi("酒店入住接待", "Hotel check-in"),
    category: "hotel",
    stages: [
        (
            StageKind::Pre,
            &[
                step(
                    FRONT_DESK,
                    Bi("核对当日预抵", "Review today's arrivals"),
                    Bi(
                        "开班前核对当日预抵名单、房型与特殊要求",
                        "Before the shift, check today's arrivals, room types and special requests",
                    ),
                    900,
                )
                .io(&[Bi("预订系统", "Booking system")], &[Bi("预抵清单", "Arrivals list")]),
                step(
                    HOUSEKEEPER,
                    Bi("确认房态", "Confirm rooms are ready"),
                    Bi(
                        "预抵房间清洁、查房完毕并在系统中置为可售",
                        "Rooms for arrivals cleaned, inspected and set to vacant-ready in the system",
                    ),
                    1800,
                )
                .io(&[], &[Bi("房态表", "Room status")]),
            ],
        ),
        (
            StageKind::In,
            &[
                step(
                    FRONT_DESK,
                    Bi("迎宾问候", "Greet at the desk"),
                    Bi(
                        "客人走近前台3米内起身微笑问候",
                        "Stand and greet with a smile when the guest is within 3 m of the desk",
                    ),
                    30,
                ),
                step(
                    FRONT_DESK,
                    Bi("入住登记", "Registration and ID check"),
                    Bi(
                        "核验身份证件并录入登记信息,同时制作房卡",
                        "Verify the ID and register the guest, making the key card at the same time",
                    ),
                    180,
                )
                .io(
                    &[Bi("身份证件", "ID document"), Bi("预订单", "Booking")],
                    &[Bi("入住登记单", "Registration record")],
                ),
                step(
                    FRONT_DESK,
                    Bi("重复填写纸质登记表", "Copy details onto a paper form"),
                    Bi(
                        "系统登记后再手工填写纸质登记表存档",
                        "After registering in the system, copy the same details onto a paper form for the file",
                    ),
                    120,
                )
                .non_value_adding(),
                step(
                    FRONT_DESK,
                    Bi("房间安排", "Room assignment"),
                    Bi(
                        "在允许的选项中为客人安排房间并说明房间位置",
                        "Assign a room from the allowed options and explain where it is",
                    ),
                    120,
                )
                .options(&[
                    Bi("按预订房型", "As booked"),
                    Bi("免费升级", "Free upgrade"),
                    Bi("安静楼层", "Quiet floor"),
                ]),
                step(
                    FRONT_DESK,
                    Bi("增值服务推荐", "Offer add-on services"),
                    Bi(
                        "按客人行程推荐一项增值服务,不强推",
                        "Suggest one add-on that fits the guest's plans, without pushing",
                    ),
                    90,
                )
                .options(&[
                    Bi("早餐", "Breakfast"),
                    Bi("延迟退房", "Late check-out"),
                    Bi("接送机", "Airport transfer"),
                ]),
                step(
                    FRONT_DESK,
                    Bi("发放房卡", "Hand over the key card"),
                    Bi(
                        "双手递交房卡,告知早餐时间与无线网络密码",
                        "Hand over the key card with both hands; give breakfast times and the Wi-Fi password",
                    ),
                    60,
                )
                .io(&[], &[Bi("房卡", "Key card")]),
                step(
                    LOBBY_MANAGER,
                    Bi("商务接待与特殊需求", "VIP reception and special requests"),
                    Bi(
                        "商务客人、贵宾及特殊需求(无障碍、纪念日布置等)按客人要求定制接待,须记录",
                        "Business guests, VIPs and special needs (accessibility, anniversary set-up…) get a reception tailored to them; note required",
                    ),
                    900,
                )
                .custom(),
                step(
                    BELLHOP,
                    Bi("行李引领", "Escort with luggage"),
                    Bi(
                        "主动提拿行李,引领入房并介绍房间设施",
                        "Carry the luggage, show the guest to the room and explain its facilities",
                    ),
                    600,
                ),
            ],
        ),
        (
            StageKind::Post,
            &[
                step(
                    FRONT_DESK,
                    Bi("入住关怀电话", "Courtesy call"),
                    Bi(
                        "入住15分钟后致电确认房间是否满意",
                        "Call 15 min after check-in to check the room is satisfactory",
                    ),
                    900,
                ),
                step(
                    FRONT_DESK,
                    Bi("更新客史档案", "Update the guest history"),
                    Bi(
                        "记录客人偏好与本次特殊需求",
                        "Record the guest's preferences and this stay's special requests",
                    ),
                    300,
                )
                .io(&[], &[Bi("客史档案", "Guest history")]),
            ],
        ),
    ],
};
