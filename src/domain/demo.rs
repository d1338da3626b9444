//! A deterministic demo workspace, 示例餐厅 (Demo Restaurant), over the 90 days before
//! `now`, for trying the product and for load tests. The same seed gives the same `Data`;
//! nothing here reads a clock or an OS random source.

mod audits;
mod clock;
mod feedback;
mod improvement;
mod people;
mod responses;
mod rng;
mod runs;
mod team;
mod texts;

use super::alerts;
use super::bilingual::Bi;
use super::capabilities::default_capabilities;
use super::data::Data;
use super::instruments::{self, InstrumentId};
use super::kpi::{Facts, Span};
use super::model::*;
use super::period::Period;
use super::templates::restaurant::SERVE;
use super::templates::roles::{FRONT_DESK, MANAGER, WAITER};
use super::templates::{self, find_role, TemplateId};
use crate::i18n::Lang;
use chrono::{Duration, NaiveDate};
use clock::Clock;
use rng::Rng;
use team::Team;

pub const BUSINESS_NAME: Bi = Bi("示例餐厅", "Demo Restaurant");
/// The app always loads the demo with this seed and size, so loading it twice (from the Data
/// page or the first-visit start) changes nothing the second time.
const APP_SEED: u64 = 2026;
const APP_RESPONSES: usize = 600;

/// The demo the app's buttons load.
pub fn for_app(now: Time, lang: Lang) -> Data {
    generate(APP_SEED, APP_RESPONSES, now, lang)
}
/// Days before `now` the simplified table-service version 2 was published.
const SWITCH_DAYS_AGO: i64 = 30;
/// A table-service run per two responses, within what a small restaurant seats a day.
const MIN_RUNS: usize = 2 * clock::DAYS as usize;
const MAX_RUNS: usize = 60 * clock::DAYS as usize;

/// The demo data set with `responses` survey responses. Everything falls in the 90 days
/// before `now`; ids and values depend only on `seed`, `responses` and `now`. What guests,
/// staff and managers wrote (plain-text fields) is written in `lang`, the language of whoever
/// loads the demo; names, standards and questions keep both languages.
pub fn generate(seed: u64, responses: usize, now: Time, lang: Lang) -> Data {
    let clock = Clock::new(now);
    let setup = now - Duration::days(90);
    let switch = clock.at(clock.days_ago(SWITCH_DAYS_AGO), 0);
    // Ids draw from their own stream, so adding a record never shifts the values.
    let mut ids = Rng::new(seed ^ 0x5EED_1D5E_ED1D_5EED);
    let mut next_id = || ids.uuid();

    let workspace = Workspace {
        // The one workspace of every device: the demo merges into the business's own.
        id: WORKSPACE_ID,
        created_at: setup,
        updated_at: setup,
        business_name: BUSINESS_NAME.written_in(lang),
        industry: TemplateId::RestaurantTable.category().into(),
        targets: Targets::default(),
        alerts: AlertRules::default(),
        audits: AuditSettings::default(),
    };
    let table = templates::instantiate(TemplateId::RestaurantTable, &mut next_id, setup, &[], lang);
    let mut roles = table.new_roles;
    let handling = templates::instantiate(
        TemplateId::ComplaintHandling,
        &mut next_id,
        setup,
        &roles,
        lang,
    );
    roles.extend(handling.new_roles);
    let mut v1 = table.version;
    let v2 = simplify(&mut v1, next_id(), switch, lang);
    let team = Team::new(&mut next_id, &clock, setup, &roles);
    let capabilities = default_capabilities(&mut next_id, setup);
    let mut csat = instruments::instantiate(InstrumentId::Csat, &mut next_id, setup);
    // The restaurant reads its star question as the service attitude it asks about, so the
    // staff pages can show what customers said about each waiter's service awareness.
    csat.version.questions[0].dimension = Some(Dimension::Empathy);
    let nps = instruments::instantiate(InstrumentId::Nps, &mut next_id, setup);

    let mut g = Gen {
        rng: Rng::new(seed),
        ids,
        clock,
        team,
        lang,
    };
    let waiter = find_role(&roles, WAITER);
    let manager = g
        .team
        .staff
        .iter()
        .position(|s| s.role_id == find_role(&roles, MANAGER))
        .expect("the team has a manager");
    let serve = v1
        .stages
        .iter()
        .flat_map(|s| &s.steps)
        .find(|s| texts::is(s, SERVE))
        .expect("table service serves");
    let run_count = (responses / 2).clamp(MIN_RUNS, MAX_RUNS);
    let mut all_runs =
        runs::table_runs(&mut g, run_count, &v1, &v2, switch, waiter, Some(serve.id));
    let late: Vec<bool> = all_runs
        .iter()
        .map(|r| runs::overran(r, serve.id, serve.time_limit_s))
        .collect();
    let setting = responses::Setting {
        process_id: table.process.id,
        csat: &csat.version,
        nps: &nps.version,
        switch,
        waiter,
    };
    let answered = responses::responses(&mut g, responses, &all_runs, &late, &setting);
    let complaints = feedback::complaints(
        &mut g,
        &answered.responses,
        &answered.complaints,
        &handling.version,
        &v1,
        manager,
    );
    all_runs.extend(complaints.runs);
    let training = people::training(
        &mut g,
        &capabilities,
        &[waiter, find_role(&roles, FRONT_DESK)],
    );
    let evaluations = people::evaluations(&mut g, &capabilities, &training, manager);
    let mut all_feedback = complaints.feedback;
    all_feedback.extend(feedback::floor_feedback(
        &mut g,
        (responses / 80).max(8),
        waiter,
        manager,
    ));

    let mut process = table.process;
    process.updated_at = switch;
    let manager_name = g.team.staff[manager].name.clone();
    let mut d = Data {
        workspace: vec![workspace],
        roles,
        staff: std::mem::take(&mut g.team.staff),
        processes: vec![process, handling.process],
        process_versions: vec![v1, v2, handling.version],
        runs: all_runs,
        surveys: vec![csat.survey, nps.survey],
        survey_versions: vec![csat.version, nps.version],
        responses: answered.responses,
        feedback: all_feedback,
        capabilities,
        evaluations,
        trainings: vec![training],
        improvement_actions: Vec::new(),
        alert_acks: Vec::new(),
        audits: Vec::new(),
        locations: Vec::new(),
        tombstones: Vec::new(),
    };
    d.alert_acks = acknowledged(&d, &mut g, &manager_name);
    let recheck_days = AuditSettings::default().recheck_days;
    d.audits = audits::audits(
        &mut g,
        &d.process_versions[0],
        &d.process_versions[1],
        &manager_name,
        recheck_days,
    );
    let facts = improvement::Facts {
        v1: &d.process_versions[0],
        v2: &d.process_versions[1],
        switch,
        owner: d.staff[manager].id,
    };
    d.improvement_actions = improvement::actions(&mut g, &d, &facts);
    d
}

/// The manager has acknowledged the alerts of the last three full local months, noting what
/// was done about them.
fn acknowledged(d: &Data, g: &mut Gen, manager: &str) -> Vec<AlertAck> {
    let offset = clock::offset();
    let this_month = Period::month(g.clock.today);
    let months = std::iter::successors(Some(this_month.previous()), |p| Some(p.previous())).take(3);
    let facts = Facts::new(d);
    let mut acks = Vec::new();
    for p in months {
        let span = Span {
            instants: p.bounds(offset),
            days: (p.from, p.to),
        };
        for a in alerts::alerts(
            d,
            &facts,
            &span,
            &AlertRules::default(),
            g.clock.now,
            &|_| offset,
        ) {
            let at = g.clock.at(p.to, 22 * 60);
            let note = texts::ALERT_NOTE.written_in(g.lang);
            let id = g.id();
            acks.extend(alerts::acknowledge(&a, manager, &note, id, at));
        }
    }
    acks
}

/// Version 2 drops the non-value-adding steps (流程简化) and keeps every other step's id,
/// so a step can be followed across versions; version 1 retires.
fn simplify(v1: &mut ProcessVersion, id: Id, at: Time, lang: Lang) -> ProcessVersion {
    let mut v2 = v1.clone();
    v2.id = id;
    v2.number = v1.number + 1;
    (v2.created_at, v2.updated_at, v2.published_at) = (at, at, Some(at));
    v2.change_note = Bi(
        "删除非增值环节“手写单重复录入”",
        "Removed the non-value-adding step \u{201c}re-key the handwritten slip\u{201d}",
    )
    .written_in(lang);
    for stage in &mut v2.stages {
        stage.steps.retain(|s| s.value_adding);
    }
    v1.status = VersionStatus::Retired;
    v1.updated_at = at;
    v2
}

/// What every part of the generator shares.
struct Gen {
    rng: Rng,
    ids: Rng,
    clock: Clock,
    team: Team,
    /// The language plain-text fields are written in.
    lang: Lang,
}

impl Gen {
    fn id(&mut self) -> Id {
        self.ids.uuid()
    }

    /// A waiter working on `date`, at random; the first staff member if none is.
    fn waiter_on(&mut self, waiter: Option<Id>, date: NaiveDate) -> usize {
        let on_duty = self.team.on_duty(waiter, date);
        if on_duty.is_empty() {
            0
        } else {
            *self.rng.pick(&on_duty)
        }
    }
}

#[cfg(test)]
mod tests;
