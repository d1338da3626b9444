//! The demo restaurant's people: a manager, a front desk, five waiters over the quarter
//! (one left, one replaced them), a food runner and a cashier.

use super::clock::Clock;
use crate::domain::bilingual::Bi;
use crate::domain::model::{Id, Role, Staff, Time};
use crate::domain::templates::find_role;
use crate::domain::templates::roles::{CASHIER, FOOD_RUNNER, FRONT_DESK, MANAGER, WAITER};
use chrono::NaiveDate;

struct Person {
    name: &'static str,
    role: Bi,
    joined_days_ago: i64,
    left_days_ago: Option<i64>,
    /// −1 (weak) … 1 (strong): nudges scores, timings and evaluations.
    skill: f64,
}

const LEFT_DAYS_AGO: i64 = 50;
const REPLACEMENT_JOINED_DAYS_AGO: i64 = 45;

const PEOPLE: [Person; 9] = [
    person("张伟 (Zhang Wei)", MANAGER, 1460, 0.8),
    person("李娜 (Li Na)", FRONT_DESK, 900, 0.5),
    person("王芳 (Wang Fang)", WAITER, 1100, 0.9),
    person("刘洋 (Liu Yang)", WAITER, 600, 0.1),
    person("陈静 (Chen Jing)", WAITER, 400, 0.3),
    Person {
        left_days_ago: Some(LEFT_DAYS_AGO),
        ..person("赵磊 (Zhao Lei)", WAITER, 300, -0.8)
    },
    person("杨帆 (Yang Fan)", WAITER, REPLACEMENT_JOINED_DAYS_AGO, -0.4),
    person("黄强 (Huang Qiang)", FOOD_RUNNER, 700, -0.2),
    person("周敏 (Zhou Min)", CASHIER, 800, 0.4),
];

const fn person(name: &'static str, role: Bi, joined_days_ago: i64, skill: f64) -> Person {
    Person {
        name,
        role,
        joined_days_ago,
        left_days_ago: None,
        skill,
    }
}

pub(super) struct Team {
    pub staff: Vec<Staff>,
    pub skill: Vec<f64>,
}

impl Team {
    /// Staff records for the people; every role must already be among `roles`.
    pub fn new(ids: &mut impl FnMut() -> Id, clock: &Clock, setup: Time, roles: &[Role]) -> Team {
        let staff = PEOPLE
            .iter()
            .map(|p| {
                let joined_on = clock.days_ago(p.joined_days_ago);
                let left_on = p.left_days_ago.map(|d| clock.days_ago(d));
                // A hire after set-up is recorded on their first day; a leaver's record
                // last changes on their last.
                let created_at = setup.max(clock.at(joined_on, 9 * 60));
                let updated_at = left_on.map_or(created_at, |d| clock.at(d, 18 * 60));
                Staff {
                    id: ids(),
                    created_at,
                    updated_at,
                    name: p.name.into(),
                    role_id: Some(find_role(roles, p.role).expect("template roles cover the team")),
                    joined_on: Some(joined_on),
                    left_on,
                }
            })
            .collect();
        Team {
            staff,
            skill: PEOPLE.iter().map(|p| p.skill).collect(),
        }
    }

    pub fn active(&self, i: usize, date: NaiveDate) -> bool {
        let s = &self.staff[i];
        s.joined_on.is_none_or(|j| j <= date) && s.left_on.is_none_or(|l| date < l)
    }

    /// Who of this role works on `date` (everyone works every day in a small restaurant).
    pub fn on_duty(&self, role_id: Option<Id>, date: NaiveDate) -> Vec<usize> {
        (0..self.staff.len())
            .filter(|&i| self.staff[i].role_id == role_id && self.active(i, date))
            .collect()
    }

    pub fn index_of(&self, id: Id) -> Option<usize> {
        self.staff.iter().position(|s| s.id == id)
    }
}
