//! Instant and follow-up answers of the same visit, joined by the visit code printed on the
//! receipt: how a customer felt at the visit against how they feel days later.

use super::capability::to_five;
use super::data::Data;
use super::model::*;
use super::scoring::{mean_of, Questions};
use crate::domain::sort;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq)]
pub struct VisitChange {
    /// Visits answered in both surveys.
    pub pairs: usize,
    /// Means on the 1–5 scale over those visits.
    pub instant: Option<f64>,
    pub follow_up: Option<f64>,
    /// follow-up − instant.
    pub change: Option<f64>,
}

/// Codes are typed by hand or scanned: compare them without case or surrounding blanks.
pub fn normalise(code: &str) -> String {
    code.trim().to_uppercase()
}

/// A response's mean scored answer on the 1–5 scale (stars, smileys, NPS and Likert alike).
fn score(r: &Response, qs: &Questions) -> Option<f64> {
    let values: Vec<f64> = qs
        .scored(r)
        .filter_map(|(q, s)| to_five(q.kind, s))
        .collect();
    mean_of(&values)
}

/// Per visit code: the first instant answer, and the first follow-up answered after it.
pub fn visit_change(d: &Data, instant_survey: Id, follow_up_survey: Id) -> VisitChange {
    let qs = Questions::new(&d.survey_versions);
    let survey_of: BTreeMap<Id, Id> = d
        .survey_versions
        .iter()
        .map(|v| (v.id, v.survey_id))
        .collect();
    let scored = |survey: Id| -> BTreeMap<String, Vec<(Time, f64)>> {
        let mut by_code: BTreeMap<String, Vec<(Time, f64)>> = BTreeMap::new();
        for r in d.responses.iter().filter(|r| {
            !r.visit_code.trim().is_empty() && survey_of.get(&r.survey_version_id) == Some(&survey)
        }) {
            if let Some(s) = score(r, &qs) {
                by_code
                    .entry(normalise(&r.visit_code))
                    .or_default()
                    .push((r.submitted_at, s));
            }
        }
        by_code
            .values_mut()
            .for_each(|v| sort::by_key(v, |(t, _)| *t));
        by_code
    };
    let later = scored(follow_up_survey);
    let (mut before, mut after) = (Vec::new(), Vec::new());
    for (code, answers) in scored(instant_survey) {
        let (at, first) = answers[0];
        let next = later
            .get(&code)
            .and_then(|f| f.iter().find(|(t, _)| *t > at));
        if let Some((_, s)) = next {
            before.push(first);
            after.push(*s);
        }
    }
    let (instant, follow_up) = (mean_of(&before), mean_of(&after));
    VisitChange {
        pairs: before.len(),
        instant,
        follow_up,
        change: instant.zip(follow_up).map(|(b, a)| a - b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::survey_fixtures::{question, response, version};

    fn coded(v: &SurveyVersion, day: u32, code: &str, scores: &[(Id, u8)]) -> Response {
        let mut r = response(v, None, day, scores);
        r.visit_code = code.into();
        r
    }

    #[test]
    fn visits_pair_by_code_and_order() {
        let instant = version(vec![question(QuestionKind::Stars, None)]);
        let later = version(vec![
            question(QuestionKind::Nps, None),
            question(QuestionKind::Text, None),
        ]);
        let (s, n) = (instant.questions[0].id, later.questions[0].id);
        let d = Data {
            responses: vec![
                coded(&instant, 1, "A1", &[(s, 5)]),
                coded(&later, 4, " a1 ", &[(n, 5)]), // NPS 5 → 3 on 1–5; same visit
                coded(&instant, 2, "B2", &[(s, 2)]),
                coded(&later, 6, "B2", &[(n, 10)]),  // → 5
                coded(&instant, 3, "C3", &[(s, 4)]), // never followed up
                coded(&later, 1, "D4", &[(n, 0)]),   // follow-up of a visit never rated
                coded(&instant, 9, "E5", &[(s, 3)]),
                coded(&later, 8, "E5", &[(n, 0)]), // answered before the visit's rating
                coded(&later, 9, "", &[(n, 0)]),
            ],
            survey_versions: vec![instant.clone(), later.clone()],
            ..Data::default()
        };
        let c = visit_change(&d, instant.survey_id, later.survey_id);
        // Pairs A1 (5 → 3) and B2 (2 → 5): instant 3.5, follow-up 4, change +0.5.
        assert_eq!(
            c,
            VisitChange {
                pairs: 2,
                instant: Some(3.5),
                follow_up: Some(4.0),
                change: Some(0.5)
            }
        );
        // Read the other way round only E5 pairs: NPS 0 (→ 1) on day 8, then 3 stars on day 9.
        let reverse = visit_change(&d, later.survey_id, instant.survey_id);
        assert_eq!((reverse.pairs, reverse.change), (1, Some(2.0)));
        let unrelated = visit_change(&d, instant.survey_id, Id::from_u128(1));
        assert_eq!((unrelated.pairs, unrelated.instant), (0, None));
    }
}
