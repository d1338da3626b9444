//! The roles (岗位) the templates assign steps to.

use crate::domain::bilingual::Bi;

pub const FRONT_DESK: Bi = Bi("前台", "Front desk");
pub const WAITER: Bi = Bi("服务员", "Waiter");
pub const FOOD_RUNNER: Bi = Bi("传菜员", "Food runner");
pub const CASHIER: Bi = Bi("收银", "Cashier");
pub const MANAGER: Bi = Bi("店长", "Manager");
pub const BELLHOP: Bi = Bi("礼宾员", "Bellhop");
pub const HOUSEKEEPER: Bi = Bi("客房服务员", "Housekeeper");
pub const LOBBY_MANAGER: Bi = Bi("大堂经理", "Lobby manager");
pub const COUNTER_CLERK: Bi = Bi("营业员", "Counter clerk");
pub const SERVICE_ADVISOR: Bi = Bi("服务顾问", "Service advisor");
pub const TECHNICIAN: Bi = Bi("技师", "Technician");
pub const CUSTOMER_CARE: Bi = Bi("客服专员", "Customer care agent");
pub const DOCTOR: Bi = Bi("医生", "Doctor");
pub const NURSE: Bi = Bi("护士", "Nurse");
pub const PHARMACIST: Bi = Bi("药师", "Pharmacist");
