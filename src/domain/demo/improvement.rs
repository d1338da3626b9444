//! PDCA cards in every stage: done (re-keying removed, version 2 published), act (the
//! audit's failed closing step, with a training), check (an alert), do (serving at peak),
//! plan (people-caused complaints, a task overdue) and abandoned. Conditions are measured
//! on the generated records with the KPI core, as the app measures them.

use super::clock::offset;
use super::texts::{is, SLOW_SERVING, TOPICS, WRONG_BILL};
use super::Gen;
use crate::domain::audit::failed_steps;
use crate::domain::bilingual::Bi;
use crate::domain::improvement::open::condition;
use crate::domain::improvement::scope;
use crate::domain::kpi::Kpi;
use crate::domain::model::*;
use crate::domain::period::Period;
use crate::domain::sort;
use crate::domain::Data;
use chrono::{Duration, NaiveDate};

pub(super) struct Facts<'a> {
    pub v1: &'a ProcessVersion,
    pub v2: &'a ProcessVersion,
    pub switch: Time,
    pub owner: Id,
}

const EVIDENCE: usize = 5;

/// A card opened at `at`: the fields every demo card fills the same way.
fn card(g: &mut Gen, title: Bi, trigger: Trigger, owner: Id, at: Time) -> ImprovementAction {
    ImprovementAction {
        id: g.id(),
        created_at: at,
        updated_at: at,
        title: title.written_in(g.lang),
        trigger,
        condition: None,
        goal: None,
        root_cause: None,
        whys: Vec::new(),
        notes: String::new(),
        tasks: Vec::new(),
        owner_id: Some(owner),
        due_on: None,
        stage: PdcaStage::Plan,
        moves: Vec::new(),
        process_version_id: None,
        training_id: None,
        noted: None,
    }
}

/// `a` moved through `stages` at the given times, ending in the last.
fn moved(mut a: ImprovementAction, stages: &[(PdcaStage, Time)], note: &str) -> ImprovementAction {
    for (to, at) in stages {
        let note = if *to == PdcaStage::Abandoned {
            note
        } else {
            ""
        };
        a.moves.push(StageMove {
            from: a.stage,
            to: *to,
            at: *at,
            note: note.to_string(),
        });
        a.stage = *to;
        a.updated_at = *at;
    }
    a
}

fn task(g: &mut Gen, what: Bi, who: Id, due_on: NaiveDate, done_at: Option<Time>) -> Task {
    Task {
        id: g.id(),
        what: what.written_in(g.lang),
        staff_id: Some(who),
        who: String::new(),
        due_on: Some(due_on),
        done_at,
    }
}

/// The condition of `kpi` over the 30 local days before `at`, under the card's scope.
fn measured(d: &Data, a: &mut ImprovementAction, kpi: Kpi, at: Time) {
    let today = super::clock::local_date(at);
    let period = Period::last_days(today - Duration::days(1), 30);
    a.condition = Some(condition(d, kpi, period, &scope(d, a), offset(), at));
}

fn goal(kpi: Kpi, target: f64, by: NaiveDate) -> Option<Goal> {
    Some(Goal {
        kpi: kpi.code().to_string(),
        target,
        by,
    })
}

pub(super) fn actions(g: &mut Gen, d: &Data, f: &Facts) -> Vec<ImprovementAction> {
    let day = |t: Time| super::clock::local_date(t);
    let (now, today, owner) = (g.clock.now, g.clock.today, f.owner);
    let step = |v: &ProcessVersion, topic: usize| {
        v.stages
            .iter()
            .flat_map(|s| &s.steps)
            .find(|s| is(s, TOPICS[topic].step))
            .map(|s| s.id)
    };
    let table = f.v2.process_id;

    // Done: the re-keying step removed; version 2 is the change.
    let opened = f.switch - Duration::days(14);
    let wrong_bills = about(d, step(f.v1, WRONG_BILL), |c| c.created_at < f.switch);
    let mut rekey = card(
        g,
        Bi(
            "删除“手写单重复录入”环节",
            "Remove re-keying of handwritten orders",
        ),
        Trigger::Feedback {
            feedback_ids: wrong_bills.clone(),
        },
        owner,
        opened,
    );
    (rekey.root_cause, rekey.whys) =
        crate::domain::improvement::prefill_root_cause(d, &wrong_bills);
    rekey.notes = Bi(
        "点餐后手写单要再录入收银系统:每桌多花约2分钟,还造成账单错误。改为扫码点餐和手持点餐机直接下单。",
        "Handwritten orders were typed into the POS again: about 2 extra minutes a table, and wrong bills. Orders now go straight in from QR ordering and handheld devices.",
    )
    .written_in(g.lang);
    measured(d, &mut rekey, Kpi::Csat, opened);
    rekey.goal = goal(Kpi::Csat, 90.0, day(f.switch) + Duration::days(28));
    rekey.due_on = Some(day(f.switch));
    rekey.tasks = vec![
        task(
            g,
            Bi("手持点餐机直连收银系统", "Connect the handhelds to the POS"),
            owner,
            day(f.switch) - Duration::days(3),
            Some(f.switch - Duration::days(4)),
        ),
        task(
            g,
            Bi("发布流程第2版", "Publish table service version 2"),
            owner,
            day(f.switch),
            Some(f.switch),
        ),
    ];
    rekey.process_version_id = Some(f.v2.id);
    let rekey = moved(
        rekey,
        &[
            (PdcaStage::Do, opened + Duration::days(2)),
            (PdcaStage::Check, f.switch),
            (PdcaStage::Act, f.switch + Duration::days(28)),
            (PdcaStage::Done, f.switch + Duration::days(29)),
        ],
        "",
    );

    // Act: the walk's failed closing step, taught in a training.
    let walk = d.audits.iter().find(|a| a.process_version_id == f.v2.id);
    let failed_close = walk.and_then(|a| failed_steps(a).last().map(|s| (a.id, s)));
    let closing = failed_close.map(|(audit_id, step_id)| {
        let at = d
            .audits
            .iter()
            .find(|a| a.id == audit_id)
            .map_or(now, |a| a.updated_at);
        let mut a = card(
            g,
            Bi(
                "结账后邀请客人评价",
                "Invite guests to rate the visit after paying",
            ),
            Trigger::AuditFinding { audit_id, step_id },
            owner,
            at,
        );
        a.root_cause = Some(RootCause::People);
        measured(d, &mut a, Kpi::Compliance, at);
        a.goal = goal(Kpi::Compliance, 95.0, today + Duration::days(20));
        a.tasks = vec![task(
            g,
            Bi(
                "晨会演练结账话术",
                "Rehearse the closing words at the morning briefing",
            ),
            owner,
            today - Duration::days(3),
            Some(at + Duration::days(1)),
        )];
        a.training_id = d.trainings.first().map(|t| t.id);
        moved(
            a,
            &[
                (PdcaStage::Do, at + Duration::hours(2)),
                (PdcaStage::Check, at + Duration::days(2)),
                (PdcaStage::Act, at + Duration::days(5)),
            ],
            "",
        )
    });

    // Check: an alert on CSAT, countermeasures done five days ago.
    let alerted = now - Duration::days(12);
    let month = Period::month(day(alerted));
    let mut alert = card(
        g,
        Bi("周末满意度回升", "Win back weekend satisfaction"),
        Trigger::Alert {
            // As `alerts::alerts` names a CSAT alert of a month.
            key: format!("csat:{}..{}", month.from, month.to),
            kpi: Kpi::Csat.code().to_string(),
            on: month.from,
        },
        owner,
        alerted,
    );
    measured(d, &mut alert, Kpi::Csat, alerted);
    alert.goal = goal(Kpi::Csat, 88.0, today + Duration::days(25));
    alert.tasks = vec![task(
        g,
        Bi("周末加排一名服务员", "Roster one more waiter at weekends"),
        owner,
        today - Duration::days(6),
        Some(now - Duration::days(6)),
    )];
    let alert = moved(
        alert,
        &[
            (PdcaStage::Do, alerted + Duration::days(1)),
            (PdcaStage::Check, now - Duration::days(5)),
        ],
        "",
    );

    // Do: serving at peak, from its step-health row.
    let opened = now - Duration::days(10);
    let serve = step(f.v2, SLOW_SERVING).unwrap_or(f.v2.id);
    let mut serving = card(
        g,
        Bi("高峰期缩短上菜时间", "Faster serving at peak hours"),
        Trigger::StepHealth {
            process_id: table,
            step_id: serve,
        },
        owner,
        opened,
    );
    serving.root_cause = Some(RootCause::Process);
    serving.notes = Bi(
        "上菜是最常超时的步骤,集中在午晚高峰;传菜员只有一人。试行高峰期服务员协助传菜。",
        "Serving is the step most often over time, mostly at the lunch and dinner rush, with one food runner. Trial: waiters help run dishes at peak.",
    )
    .written_in(g.lang);
    measured(d, &mut serving, Kpi::OnTimeSteps, opened);
    serving.goal = goal(Kpi::OnTimeSteps, 90.0, today + Duration::days(21));
    serving.due_on = Some(today + Duration::days(21));
    serving.tasks = vec![
        task(
            g,
            Bi(
                "高峰期排班表加传菜协助",
                "Add runner cover to the peak rota",
            ),
            owner,
            today - Duration::days(7),
            Some(now - Duration::days(8)),
        ),
        task(
            g,
            Bi("出菜口加叫号屏", "Put a call screen at the pass"),
            owner,
            today + Duration::days(10),
            None,
        ),
    ];
    let serving = moved(serving, &[(PdcaStage::Do, now - Duration::days(3))], "");

    // Plan: complaints about people, a task already late.
    let opened = now - Duration::days(4);
    let mut people = card(
        g,
        Bi("减少服务态度投诉", "Fewer complaints about staff attitude"),
        Trigger::ParetoCause {
            cause: Some(RootCause::People),
        },
        owner,
        opened,
    );
    people.root_cause = Some(RootCause::People);
    measured(d, &mut people, Kpi::ComplaintRate, opened);
    people.tasks = vec![task(
        g,
        Bi(
            "听取三位投诉客人的回访录音",
            "Listen to three complaint call-backs",
        ),
        owner,
        today - Duration::days(1),
        None,
    )];

    // Abandoned: overtaken by version 2.
    let opened = f.switch - Duration::days(20);
    let handheld = card(
        g,
        Bi("手写单改用复写纸", "Carbon copies for handwritten orders"),
        Trigger::Manual,
        owner,
        opened,
    );
    let reason = Bi("已由扫码点餐取代", "Replaced by QR ordering").written_in(g.lang);
    let handheld = moved(
        handheld,
        &[(PdcaStage::Abandoned, opened + Duration::days(5))],
        &reason,
    );

    [
        Some(rekey),
        closing,
        Some(alert),
        Some(serving),
        Some(people),
        Some(handheld),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The latest few complaints about `step` that pass `keep`.
fn about(d: &Data, step: Option<Id>, keep: impl Fn(&Feedback) -> bool) -> Vec<Id> {
    let mut hits: Vec<&Feedback> = d
        .feedback
        .iter()
        .filter(|c| {
            c.kind == FeedbackKind::Complaint && c.step_id.is_some() && c.step_id == step && keep(c)
        })
        .collect();
    sort::by_key(&mut hits, |c| std::cmp::Reverse(c.created_at));
    hits.iter().take(EVIDENCE).map(|c| c.id).collect()
}
