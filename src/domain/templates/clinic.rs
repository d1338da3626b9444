//! 门诊就诊. Keeps the paper-report round trip the sources want removed (results shared
//! with the doctor's workstation instead).

use super::roles::{CASHIER, DOCTOR, FRONT_DESK, NURSE, PHARMACIST};
use super::spec::{step, TemplateSpec};
use crate::domain::bilingual::Bi;
use crate::domain::model::StageKind;

pub(super) const TEMPLATE: TemplateSpec = TemplateSpec {
    name: Bi("门诊就诊", "Clinic visit"),
    category: "clinic",
    stages: [
        (
            StageKind::Pre,
            &[
                step(
                    FRONT_DESK,
                    Bi("预约提醒", "Appointment reminder"),
                    Bi(
                        "就诊前一天发送提醒,告知需携带的病历与检查资料",
                        "The day before, remind the patient which records and results to bring",
                    ),
                    300,
                ),
                step(
                    NURSE,
                    Bi("诊室准备", "Prepare the consulting room"),
                    Bi(
                        "开诊前消毒诊室,备齐器械与表单",
                        "Before clinic hours, disinfect the room and stock instruments and forms",
                    ),
                    900,
                ),
            ],
        ),
        (
            StageKind::In,
            &[
                step(
                    FRONT_DESK,
                    Bi("挂号登记", "Registration"),
                    Bi(
                        "核对身份与医保信息,5分钟内完成挂号",
                        "Check ID and insurance details; register within 5 min",
                    ),
                    300,
                )
                .options(&[
                    Bi("预约挂号", "Booked"),
                    Bi("现场挂号", "Walk-in"),
                    Bi("复诊", "Return visit"),
                ])
                .io(
                    &[Bi("身份证件或医保卡", "ID or insurance card")],
                    &[Bi("挂号单", "Registration slip")],
                ),
                step(
                    NURSE,
                    Bi("分诊测量", "Triage and vital signs"),
                    Bi(
                        "测量体温、血压,询问主诉并按病情轻重分诊",
                        "Take temperature and blood pressure, ask the main complaint, triage by urgency",
                    ),
                    300,
                ),
                step(
                    DOCTOR,
                    Bi("问诊", "Consultation"),
                    Bi(
                        "耐心倾听,用通俗语言解释病情与检查目的",
                        "Listen patiently; explain the condition and the purpose of any test in plain words",
                    ),
                    1200,
                )
                .io(&[], &[Bi("病历", "Medical record")]),
                step(
                    NURSE,
                    Bi("检查检验", "Tests"),
                    Bi(
                        "按医嘱完成检查,结果同步至医生工作站",
                        "Do the ordered tests; results go to the doctor's workstation",
                    ),
                    1800,
                )
                .options(&[
                    Bi("血常规", "Blood count"),
                    Bi("影像检查", "Imaging"),
                    Bi("无需检查", "No test needed"),
                ]),
                step(
                    NURSE,
                    Bi("患者往返取送纸质报告", "Patient carries the paper report back"),
                    Bi(
                        "患者到检验科取纸质报告后再回诊室排队",
                        "The patient fetches the paper report from the lab and queues again at the consulting room",
                    ),
                    1200,
                )
                .non_value_adding(),
                step(
                    DOCTOR,
                    Bi("个性化治疗方案", "Individual treatment plan"),
                    Bi(
                        "结合患者情况制定并解释治疗方案,须记录",
                        "Draw up and explain a plan fitted to the patient; note required",
                    ),
                    600,
                )
                .custom()
                .io(&[], &[Bi("处方", "Prescription")]),
                step(
                    CASHIER,
                    Bi("缴费", "Payment"),
                    Bi(
                        "告知费用明细,5分钟内完成缴费",
                        "Explain the charges; take payment within 5 min",
                    ),
                    300,
                )
                .options(&[Bi("医保结算", "Insurance"), Bi("自费", "Self-pay")]),
                step(
                    PHARMACIST,
                    Bi("取药与用药交代", "Dispense and explain the medicine"),
                    Bi(
                        "核对处方,逐项交代用法用量与注意事项",
                        "Check the prescription; explain dose, timing and warnings item by item",
                    ),
                    300,
                )
                .io(&[Bi("处方", "Prescription")], &[]),
            ],
        ),
        (
            StageKind::Post,
            &[
                step(
                    FRONT_DESK,
                    Bi("复诊预约", "Book the return visit"),
                    Bi(
                        "离院前预约复诊时间",
                        "Book the return visit before the patient leaves",
                    ),
                    180,
                ),
                step(
                    NURSE,
                    Bi("三日随访", "Follow-up call after 3 days"),
                    Bi(
                        "3日内电话随访用药效果与不适",
                        "Within 3 days, call about the medicine's effect and any discomfort",
                    ),
                    259_200,
                ),
            ],
        ),
    ],
};
