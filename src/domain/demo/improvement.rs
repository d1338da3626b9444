//! Two PDCA cards: one done (re-keying removed, version 2 published), one under way
//! (serving at peak). Their KPI figures are measured on the generated runs.

use super::runs::{mean_minutes, overran};
use super::texts::{is, SLOW_SERVING, TOPICS};
use super::Gen;
use crate::domain::bilingual::Bi;
use crate::domain::model::*;
use chrono::Duration;

pub(super) struct Facts<'a> {
    pub v1: &'a ProcessVersion,
    pub v2: &'a ProcessVersion,
    pub runs: &'a [ProcessRun],
    pub complaints: &'a [Feedback],
    pub switch: Time,
    pub owner: Id,
}

const EVIDENCE: usize = 5;

pub(super) fn actions(g: &mut Gen, f: &Facts) -> Vec<ImprovementAction> {
    let switch_day = super::clock::local_date(f.switch);
    let rekey = ImprovementAction {
        id: g.id(),
        created_at: f.switch - Duration::days(14),
        updated_at: f.switch + Duration::days(14),
        title: Bi("删除“手写单重复录入”环节", "Remove re-keying of handwritten orders").written_in(g.lang),
        stage: PdcaStage::Done,
        owner_id: Some(f.owner),
        due_on: Some(switch_day),
        findings: Bi(
            "点餐后手写单要再录入收银系统:每桌多花约2分钟,还造成账单错误。改为扫码点餐和手持点餐机直接下单。",
            "Handwritten orders were typed into the POS again: about 2 extra minutes a table, and wrong bills. Orders now go straight in from QR ordering and handheld devices.",
        )
        .written_in(g.lang),
        feedback_ids: about(f.complaints, f.v1, TOPICS[super::texts::WRONG_BILL].step, |c| c.created_at < f.switch),
        process_version_id: Some(f.v2.id),
        kpi: Bi("平均服务时长(分钟)", "Average service time (min)").written_in(g.lang),
        kpi_before: mean_minutes(f.runs.iter().filter(|r| r.process_version_id == f.v1.id)),
        kpi_after: mean_minutes(f.runs.iter().filter(|r| r.process_version_id == f.v2.id)),
    };
    let serve =
        f.v2.stages
            .iter()
            .flat_map(|s| &s.steps)
            .find(|s| is(s, TOPICS[SLOW_SERVING].step));
    let recent: Vec<&ProcessRun> = f.runs.iter().filter(|r| r.started_at >= f.switch).collect();
    let late_share = serve.and_then(|s| {
        let late = recent
            .iter()
            .filter(|r| overran(r, s.id, s.time_limit_s))
            .count();
        (!recent.is_empty()).then(|| (1000.0 * late as f64 / recent.len() as f64).round() / 10.0)
    });
    let serving = ImprovementAction {
        id: g.id(),
        created_at: g.clock.now - Duration::days(10),
        updated_at: g.clock.now - Duration::days(3),
        title: Bi("高峰期缩短上菜时间", "Faster serving at peak hours").written_in(g.lang),
        stage: PdcaStage::Do,
        owner_id: Some(f.owner),
        due_on: Some(g.clock.today + Duration::days(21)),
        findings: Bi(
            "上菜是最常超时的步骤,集中在午晚高峰;传菜员只有一人。试行高峰期服务员协助传菜。",
            "Serving is the step most often over time, mostly at the lunch and dinner rush, with one food runner. Trial: waiters help run dishes at peak.",
        )
        .written_in(g.lang),
        feedback_ids: about(f.complaints, f.v2, TOPICS[SLOW_SERVING].step, |_| true),
        process_version_id: None,
        kpi: Bi("上菜超时率(%)", "Serving over time (%)").written_in(g.lang),
        kpi_before: late_share,
        kpi_after: None,
    };
    vec![rekey, serving]
}

/// The latest few complaints about `step` that pass `keep`.
fn about(
    complaints: &[Feedback],
    version: &ProcessVersion,
    step: crate::domain::templates::spec::StepSpec,
    keep: impl Fn(&Feedback) -> bool,
) -> Vec<Id> {
    let id = version
        .stages
        .iter()
        .flat_map(|s| &s.steps)
        .find(|s| is(s, step))
        .map(|s| s.id);
    let mut hits: Vec<&Feedback> = complaints
        .iter()
        .filter(|c| c.step_id.is_some() && c.step_id == id && keep(c))
        .collect();
    hits.sort_by_key(|c| std::cmp::Reverse(c.created_at));
    hits.iter().take(EVIDENCE).map(|c| c.id).collect()
}
