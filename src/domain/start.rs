//! A new business's first minute: its name and industry, that industry's standard process,
//! complaint handling (which every business needs), and a CSAT and an NPS survey, so the
//! kiosk and the dashboard have something to show from the first customer on.

use super::instruments::{self, InstrumentId};
use super::model::*;
use super::templates::{self, TemplateId};
use super::Data;
use crate::i18n::Lang;

/// The six industries of the templates, by the template that stands for each.
pub const INDUSTRIES: [TemplateId; 6] = TemplateId::ALL;

pub fn starter(
    business_name: &str,
    industry: TemplateId,
    ids: &mut impl FnMut() -> Id,
    now: Time,
    lang: Lang,
) -> Data {
    let mut d = Data {
        workspace: vec![Workspace {
            business_name: business_name.trim().to_string(),
            industry: industry.category().to_string(),
            ..Workspace::blank(now)
        }],
        ..Data::default()
    };
    let mut processes = vec![industry];
    if industry != TemplateId::ComplaintHandling {
        processes.push(TemplateId::ComplaintHandling);
    }
    for t in processes {
        let made = templates::instantiate(t, ids, now, &d.roles, lang);
        d.roles.extend(made.new_roles);
        d.processes.push(made.process);
        d.process_versions.push(made.version);
    }
    for i in [InstrumentId::Csat, InstrumentId::Nps] {
        let made = instruments::instantiate(i, ids, now);
        d.surveys.push(made.survey);
        d.survey_versions.push(made.version);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{backup, import};

    fn counter() -> impl FnMut() -> Id {
        let mut n = 0u128;
        move || {
            n += 1;
            Id::from_u128(n)
        }
    }

    #[test]
    fn every_industry_starts_with_its_process_complaints_and_two_surveys() {
        let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        for industry in INDUSTRIES {
            let d = starter("  老王面馆 ", industry, &mut counter(), now, Lang::Zh);
            let w = d.workspace().unwrap();
            assert_eq!(w.business_name, "老王面馆");
            assert_eq!(w.industry, industry.category());
            let expected = if industry == TemplateId::ComplaintHandling {
                1
            } else {
                2
            };
            assert_eq!(d.processes.len(), expected, "{industry:?}");
            assert_eq!(d.processes[0].name, industry.name());
            assert!(d
                .process_versions
                .iter()
                .all(|v| v.status == VersionStatus::Published));
            let kinds: Vec<QuestionKind> = d
                .survey_versions
                .iter()
                .map(|v| v.questions[0].kind)
                .collect();
            assert_eq!(kinds, [QuestionKind::Stars, QuestionKind::Nps]);
            // Roles shared by the two processes are made once.
            let mut names: Vec<&str> = d.roles.iter().map(|r| r.name.zh.as_str()).collect();
            names.sort();
            let before = names.len();
            names.dedup();
            assert_eq!(names.len(), before, "{industry:?}");
            // What the start writes passes the import's full check, references and all.
            let file = backup::to_json(&backup::export(&d, "test", "device", now));
            assert!(
                import::parse(file.as_bytes(), &Data::default()).is_ok(),
                "{industry:?}"
            );
        }
    }
}
