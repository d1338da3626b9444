//! The 22 SERVQUAL items of Parasuraman, Zeithaml & Berry (1988), each as an expectation
//! ("excellent businesses of this kind will…") and a perception ("this business…").
//! The 1988 scale words items 10–13 and 18–22 negatively; they are all positive here (as
//! in the authors' 1991 refinement) so that a higher score is always better. "XYZ" becomes
//! "this business".

use crate::domain::bilingual::Bi;
use crate::domain::model::Dimension;

/// The dimension of SERVQUAL item 1–22: tangibles 1–4, reliability 5–9, responsiveness
/// 10–13, assurance 14–17, empathy 18–22.
pub fn servqual_dimension(item: u8) -> Option<Dimension> {
    Some(match item {
        1..=4 => Dimension::Tangibles,
        5..=9 => Dimension::Reliability,
        10..=13 => Dimension::Responsiveness,
        14..=17 => Dimension::Assurance,
        18..=22 => Dimension::Empathy,
        _ => return None,
    })
}

/// (expectation, perception) of items 1–22, in order.
pub(super) const ITEMS: [(Bi, Bi); 22] = [
    (
        Bi("优秀的同类商家会拥有现代化的设备。", "Excellent businesses of this kind will have up-to-date equipment."),
        Bi("本店拥有现代化的设备。", "This business has up-to-date equipment."),
    ),
    (
        Bi("优秀的同类商家,其环境设施在视觉上吸引人。", "The physical facilities of excellent businesses of this kind will be visually appealing."),
        Bi("本店的环境设施在视觉上吸引人。", "This business's physical facilities are visually appealing."),
    ),
    (
        Bi("优秀的同类商家,其员工穿着得体、整洁。", "Employees of excellent businesses of this kind will be well dressed and neat."),
        Bi("本店员工穿着得体、整洁。", "This business's employees are well dressed and neat."),
    ),
    (
        Bi("优秀的同类商家,其环境设施的外观与所提供的服务相匹配。", "The appearance of the physical facilities of excellent businesses of this kind will be in keeping with the type of service provided."),
        Bi("本店环境设施的外观与所提供的服务相匹配。", "The appearance of this business's physical facilities is in keeping with the type of service provided."),
    ),
    (
        Bi("优秀的同类商家承诺在某个时间做某事时,会按时做到。", "When excellent businesses of this kind promise to do something by a certain time, they will do so."),
        Bi("本店承诺在某个时间做某事时,能按时做到。", "When this business promises to do something by a certain time, it does so."),
    ),
    (
        Bi("顾客遇到问题时,优秀的同类商家会表示关心并让顾客安心。", "When customers have problems, excellent businesses of this kind will be sympathetic and reassuring."),
        Bi("您遇到问题时,本店表示关心并让您安心。", "When you have a problem, this business is sympathetic and reassuring."),
    ),
    (
        Bi("优秀的同类商家是可以信赖的。", "Excellent businesses of this kind will be dependable."),
        Bi("本店是可以信赖的。", "This business is dependable."),
    ),
    (
        Bi("优秀的同类商家会在承诺的时间提供服务。", "Excellent businesses of this kind will provide their services at the time they promise to do so."),
        Bi("本店在承诺的时间提供服务。", "This business provides its services at the time it promises to do so."),
    ),
    (
        Bi("优秀的同类商家会准确地保存记录。", "Excellent businesses of this kind will keep their records accurately."),
        Bi("本店准确地保存记录(如订单、账单)。", "This business keeps its records (orders, bills) accurately."),
    ),
    (
        Bi("优秀的同类商家会确切告诉顾客何时提供服务。", "Excellent businesses of this kind will tell customers exactly when services will be performed."),
        Bi("本店确切告诉您何时提供服务。", "This business tells you exactly when services will be performed."),
    ),
    (
        Bi("顾客会从优秀的同类商家的员工处得到及时的服务。", "Customers will receive prompt service from employees of excellent businesses of this kind."),
        Bi("您从本店员工处得到了及时的服务。", "You receive prompt service from this business's employees."),
    ),
    (
        Bi("优秀的同类商家的员工总是乐意帮助顾客。", "Employees of excellent businesses of this kind will always be willing to help customers."),
        Bi("本店员工总是乐意帮助您。", "This business's employees are always willing to help you."),
    ),
    (
        Bi("优秀的同类商家的员工不会因为太忙而不能及时回应顾客的要求。", "Employees of excellent businesses of this kind will never be too busy to respond to customers' requests promptly."),
        Bi("本店员工从不因为太忙而不能及时回应您的要求。", "This business's employees are never too busy to respond to your requests promptly."),
    ),
    (
        Bi("顾客能够信任优秀的同类商家的员工。", "Customers will be able to trust employees of excellent businesses of this kind."),
        Bi("您可以信任本店的员工。", "You can trust this business's employees."),
    ),
    (
        Bi("顾客与优秀的同类商家的员工交易时会感到放心。", "Customers will feel safe in their transactions with employees of excellent businesses of this kind."),
        Bi("您与本店员工交易时感到放心。", "You feel safe in your transactions with this business's employees."),
    ),
    (
        Bi("优秀的同类商家的员工会一贯礼貌待客。", "Employees of excellent businesses of this kind will be consistently polite."),
        Bi("本店员工一贯礼貌待客。", "This business's employees are consistently polite."),
    ),
    (
        Bi("优秀的同类商家的员工会从企业得到足够的支持以做好工作。", "Employees of excellent businesses of this kind will get adequate support from their employer to do their jobs well."),
        Bi("本店员工从企业得到足够的支持以做好工作。", "This business's employees get adequate support from it to do their jobs well."),
    ),
    (
        Bi("优秀的同类商家会给予每位顾客个别的关注。", "Excellent businesses of this kind will give customers individual attention."),
        Bi("本店给予您个别的关注。", "This business gives you individual attention."),
    ),
    (
        Bi("优秀的同类商家的员工会给予顾客个人化的关心。", "Employees of excellent businesses of this kind will give customers personal attention."),
        Bi("本店员工给予您个人化的关心。", "This business's employees give you personal attention."),
    ),
    (
        Bi("优秀的同类商家的员工会了解顾客的需要。", "Employees of excellent businesses of this kind will know what their customers' needs are."),
        Bi("本店员工了解您的需要。", "This business's employees know what your needs are."),
    ),
    (
        Bi("优秀的同类商家会把顾客的利益放在心上。", "Excellent businesses of this kind will have their customers' best interests at heart."),
        Bi("本店把您的利益放在心上。", "This business has your best interests at heart."),
    ),
    (
        Bi("优秀的同类商家的营业时间会方便所有顾客。", "Excellent businesses of this kind will have operating hours convenient to all their customers."),
        Bi("本店的营业时间对您很方便。", "This business has operating hours convenient to you."),
    ),
];
