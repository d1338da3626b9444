//! Satisfaction scores from responses. Each figure carries its n and a small-sample flag;
//! no answers gives `None`, never 0.
//!
//! - CSAT: share of star answers (1–5) that are 4 or 5, in percent.
//! - NPS: percent promoters (9–10) minus percent detractors (0–6), from −100 to 100.
//! - CES: mean agreement (1–7) with "it was easy to get my issue handled".
//! - SERVQUAL: perception minus expectation per item, per dimension (mean of its items),
//!   overall unweighted (mean of dimensions) and weighted by 100-point importance.

use super::model::*;
use crate::domain::sort;
use std::collections::BTreeMap;

/// Below this many answers a figure is shown with a warning.
pub const SMALL_SAMPLE: usize = 30;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figure {
    pub value: Option<f64>,
    pub n: usize,
    pub small_sample: bool,
}

impl Figure {
    fn of(value: Option<f64>, n: usize) -> Figure {
        Figure {
            value: if n == 0 { None } else { value },
            n,
            small_sample: n < SMALL_SAMPLE,
        }
    }
}

/// Every question of some survey versions, found by (version, question): a new version may
/// keep a question's id, and a response is read against the version it answered.
pub struct Questions<'q>(BTreeMap<(Id, Id), &'q Question>);

impl<'q> Questions<'q> {
    pub fn new(versions: &'q [SurveyVersion]) -> Self {
        Questions(
            versions
                .iter()
                .flat_map(|v| v.questions.iter().map(move |q| ((v.id, q.id), q)))
                .collect(),
        )
    }

    /// The question `question` as asked in `version`.
    pub fn get(&self, version: Id, question: Id) -> Option<&'q Question> {
        self.0.get(&(version, question)).copied()
    }

    /// The scored answers of one response, with their question. Answers outside the
    /// question's scale, or to unknown / unscored questions, are ignored (a damaged import
    /// must not bend the figures).
    pub fn scored<'r>(
        &'r self,
        response: &'r Response,
    ) -> impl Iterator<Item = (&'q Question, u8)> + 'r {
        response.answers.iter().filter_map(move |(qid, answer)| {
            let q = self.0.get(&(response.survey_version_id, *qid))?;
            let Answer::Score(s) = answer else {
                return None;
            };
            let (lo, hi) = q.kind.scale()?;
            (lo..=hi).contains(s).then_some((*q, *s))
        })
    }
}

pub(crate) fn mean_of(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Every score answer to the given questions.
fn scores<'a, I>(responses: I, questions: &'a [Id]) -> impl Iterator<Item = u8> + 'a
where
    I: IntoIterator<Item = &'a Response>,
    I::IntoIter: 'a,
{
    responses.into_iter().flat_map(move |r| {
        questions
            .iter()
            .filter_map(move |q| match r.answers.get(q) {
                Some(Answer::Score(s)) => Some(*s),
                _ => None,
            })
    })
}

pub fn csat<'a, I>(responses: I, questions: &'a [Id]) -> Figure
where
    I: IntoIterator<Item = &'a Response>,
    I::IntoIter: 'a,
{
    let (mut n, mut satisfied) = (0, 0);
    for s in scores(responses, questions).filter(|s| (1..=5).contains(s)) {
        n += 1;
        satisfied += usize::from(s >= 4);
    }
    Figure::of(Some(100.0 * satisfied as f64 / n.max(1) as f64), n)
}

pub fn nps<'a, I>(responses: I, questions: &'a [Id]) -> Figure
where
    I: IntoIterator<Item = &'a Response>,
    I::IntoIter: 'a,
{
    let (mut n, mut promoters, mut detractors) = (0, 0, 0);
    for s in scores(responses, questions).filter(|s| *s <= 10) {
        n += 1;
        promoters += usize::from(s >= 9);
        detractors += usize::from(s <= 6);
    }
    Figure::of(
        Some(100.0 * (promoters as f64 - detractors as f64) / n.max(1) as f64),
        n,
    )
}

/// The mean of score answers in `range` (CES: 1–7).
pub fn mean<'a, I>(responses: I, questions: &'a [Id], range: (u8, u8)) -> Figure
where
    I: IntoIterator<Item = &'a Response>,
    I::IntoIter: 'a,
{
    let (mut n, mut sum) = (0usize, 0f64);
    for s in scores(responses, questions).filter(|s| (range.0..=range.1).contains(s)) {
        n += 1;
        sum += s as f64;
    }
    Figure::of(Some(sum / n.max(1) as f64), n)
}

/// One SERVQUAL item: the expectation and perception questions that pair up.
#[derive(Clone, Debug, PartialEq)]
pub struct ServqualItem {
    pub item: u8,
    pub dimension: Dimension,
    pub expectation: Id,
    pub perception: Id,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ServqualGaps {
    /// Item number → mean of (P − E) over responses that answered both.
    pub items: BTreeMap<u8, Figure>,
    /// Dimension → mean of its items' gaps.
    pub dimensions: Vec<(Dimension, Figure)>,
    pub unweighted: Figure,
    pub weighted: Option<Figure>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeightError {
    /// Importance points must add up to 100.
    NotHundred,
}

/// The SERVQUAL items of a survey version: each item whose expectation and perception are
/// both asked, in item order, with the dimension the perception question names.
pub fn servqual_items(version: &SurveyVersion) -> Vec<ServqualItem> {
    let find = |want: fn(u8) -> ServqualPart, item: u8| {
        version
            .questions
            .iter()
            .find(|q| q.servqual == Some(want(item)))
    };
    let mut numbers: Vec<u8> = version
        .questions
        .iter()
        .filter_map(|q| match q.servqual {
            Some(ServqualPart::Perception { item }) => Some(item),
            _ => None,
        })
        .collect();
    sort::by(&mut numbers, Ord::cmp);
    numbers.dedup();
    numbers
        .into_iter()
        .filter_map(|item| {
            let e = find(|item| ServqualPart::Expectation { item }, item)?;
            let p = find(|item| ServqualPart::Perception { item }, item)?;
            Some(ServqualItem {
                item,
                dimension: p.dimension.clone()?,
                expectation: e.id,
                perception: p.id,
            })
        })
        .collect()
}

pub fn servqual<'a>(
    responses: impl IntoIterator<Item = &'a Response> + Clone,
    items: &[ServqualItem],
    weights: Option<&[(Dimension, f64)]>,
) -> Result<ServqualGaps, WeightError> {
    if let Some(w) = weights {
        if (w.iter().map(|(_, p)| p).sum::<f64>() - 100.0).abs() > 1e-6 {
            return Err(WeightError::NotHundred);
        }
    }
    let mut by_item = BTreeMap::new();
    for it in items {
        let gaps: Vec<f64> = responses
            .clone()
            .into_iter()
            .filter_map(|r| {
                match (
                    r.answers.get(&it.expectation),
                    r.answers.get(&it.perception),
                ) {
                    (Some(Answer::Score(e)), Some(Answer::Score(p))) => Some(*p as f64 - *e as f64),
                    _ => None,
                }
            })
            .collect();
        let mean = gaps.iter().sum::<f64>() / gaps.len().max(1) as f64;
        by_item.insert(it.item, Figure::of(Some(mean), gaps.len()));
    }
    let mut dimensions: Vec<(Dimension, Figure)> = Vec::new();
    for it in items {
        if dimensions.iter().any(|(d, _)| *d == it.dimension) {
            continue;
        }
        let figs: Vec<Figure> = items
            .iter()
            .filter(|x| x.dimension == it.dimension)
            .filter_map(|x| by_item.get(&x.item).copied())
            .collect();
        let answered: Vec<f64> = figs.iter().filter_map(|f| f.value).collect();
        let n = figs.iter().map(|f| f.n).min().unwrap_or(0);
        let value =
            (!answered.is_empty()).then(|| answered.iter().sum::<f64>() / answered.len() as f64);
        dimensions.push((
            it.dimension.clone(),
            Figure {
                value,
                n,
                small_sample: n < SMALL_SAMPLE,
            },
        ));
    }
    let answered: Vec<(&Dimension, f64, usize)> = dimensions
        .iter()
        .filter_map(|(d, f)| f.value.map(|v| (d, v, f.n)))
        .collect();
    let n = answered.iter().map(|(_, _, n)| *n).min().unwrap_or(0);
    let unweighted = Figure::of(
        Some(answered.iter().map(|(_, v, _)| v).sum::<f64>() / answered.len().max(1) as f64),
        if answered.is_empty() { 0 } else { n },
    );
    let weighted = weights.map(|w| {
        let total: f64 = answered
            .iter()
            .map(|(d, v, _)| {
                v * w
                    .iter()
                    .find(|(x, _)| x == *d)
                    .map(|(_, p)| *p)
                    .unwrap_or(0.0)
                    / 100.0
            })
            .sum();
        Figure::of(Some(total), if answered.is_empty() { 0 } else { n })
    });
    Ok(ServqualGaps {
        items: by_item,
        dimensions,
        unweighted,
        weighted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(n: u128) -> Id {
        Id::from_u128(n)
    }

    fn response(answers: &[(u128, u8)]) -> Response {
        let t = chrono::DateTime::from_timestamp(0, 0).unwrap();
        Response {
            location_id: None,
            id: Id::from_u128(
                answers
                    .iter()
                    .map(|(a, b)| a * 100 + *b as u128)
                    .sum::<u128>()
                    + 1_000_000,
            ),
            created_at: t,
            updated_at: t,
            survey_version_id: q(999),
            submitted_at: t,
            device_id: String::new(),
            staff_id: None,
            process_id: None,
            visit_code: String::new(),
            answers: answers
                .iter()
                .map(|(k, v)| (q(*k), Answer::Score(*v)))
                .collect(),
            follow_ups: BTreeMap::new(),
        }
    }

    #[test]
    fn csat_counts_fours_and_fives() {
        // Stars 5, 4, 3, 1, 4 → 3 satisfied of 5 = 60 %.
        let rs: Vec<_> = [5, 4, 3, 1, 4]
            .iter()
            .map(|s| response(&[(1, *s)]))
            .collect();
        let f = csat(&rs, &[q(1)]);
        assert_eq!(
            f,
            Figure {
                value: Some(60.0),
                n: 5,
                small_sample: true
            }
        );
        assert_eq!(
            csat(&[], &[q(1)]),
            Figure {
                value: None,
                n: 0,
                small_sample: true
            }
        );
    }

    #[test]
    fn nps_promoters_minus_detractors() {
        // 10, 9, 9, 8, 7, 6, 3, 0, 10, 5 → promoters 4, passives 2, detractors 4 of 10 → 40 − 40 = 0.
        let rs: Vec<_> = [10, 9, 9, 8, 7, 6, 3, 0, 10, 5]
            .iter()
            .map(|s| response(&[(2, *s)]))
            .collect();
        assert_eq!(nps(&rs, &[q(2)]).value, Some(0.0));
        // 9, 10, 8 → 2 promoters of 3, no detractor → 66.7.
        let rs: Vec<_> = [9, 10, 8].iter().map(|s| response(&[(2, *s)])).collect();
        assert!((nps(&rs, &[q(2)]).value.unwrap() - 200.0 / 3.0).abs() < 1e-9);
        assert_eq!(
            nps(&[], &[q(2)]).value,
            None,
            "no responses is no data, not 0"
        );
    }

    #[test]
    fn ces_mean_and_the_small_sample_flag() {
        // 7, 6, 2 → 15 / 3 = 5.
        let rs: Vec<_> = [7, 6, 2].iter().map(|s| response(&[(3, *s)])).collect();
        assert_eq!(mean(&rs, &[q(3)], (1, 7)).value, Some(5.0));
        let many: Vec<_> = (0..30)
            .map(|i| response(&[(3, (i % 7 + 1) as u8), (9, i as u8)]))
            .collect();
        assert!(
            !mean(&many, &[q(3)], (1, 7)).small_sample,
            "30 answers is not small"
        );
    }

    #[test]
    fn servqual_gaps_unweighted_and_weighted() {
        // Two dimensions; tangibles items 1 (E q10, P q11) and 2 (E q12, P q13); reliability item 5 (E q20, P q21).
        let items = vec![
            ServqualItem {
                item: 1,
                dimension: Dimension::Tangibles,
                expectation: q(10),
                perception: q(11),
            },
            ServqualItem {
                item: 2,
                dimension: Dimension::Tangibles,
                expectation: q(12),
                perception: q(13),
            },
            ServqualItem {
                item: 5,
                dimension: Dimension::Reliability,
                expectation: q(20),
                perception: q(21),
            },
        ];
        let rs = vec![
            // Item 1: 5−7 = −2; item 2: 6−6 = 0; item 5: 4−7 = −3.
            response(&[(10, 7), (11, 5), (12, 6), (13, 6), (20, 7), (21, 4)]),
            // Item 1: 6−6 = 0; item 2: 3−5 = −2; item 5: 6−7 = −1.
            response(&[(10, 6), (11, 6), (12, 5), (13, 3), (20, 7), (21, 6)]),
        ];
        let w = [(Dimension::Tangibles, 40.0), (Dimension::Reliability, 60.0)];
        let g = servqual(&rs, &items, Some(&w)).unwrap();
        // Item means: 1 → −1, 2 → −1, 5 → −2.
        assert_eq!(g.items[&1].value, Some(-1.0));
        assert_eq!(g.items[&5].value, Some(-2.0));
        // Tangibles (−1 + −1) / 2 = −1; reliability −2; unweighted (−1 + −2) / 2 = −1.5.
        assert_eq!(
            g.dimensions,
            vec![
                (
                    Dimension::Tangibles,
                    Figure {
                        value: Some(-1.0),
                        n: 2,
                        small_sample: true
                    }
                ),
                (
                    Dimension::Reliability,
                    Figure {
                        value: Some(-2.0),
                        n: 2,
                        small_sample: true
                    }
                ),
            ]
        );
        assert_eq!(g.unweighted.value, Some(-1.5));
        // Weighted: −1 × 0.4 + −2 × 0.6 = −1.6.
        assert!((g.weighted.unwrap().value.unwrap() + 1.6).abs() < 1e-9);
        assert_eq!(
            servqual(&rs, &items, Some(&[(Dimension::Tangibles, 50.0)])),
            Err(WeightError::NotHundred)
        );
        let none = servqual(&[], &items, None).unwrap();
        assert_eq!(none.unweighted.value, None);
    }

    #[test]
    fn servqual_items_pair_expectation_and_perception() {
        use crate::domain::instruments::{instantiate, InstrumentId};
        let version = |i: InstrumentId| {
            let mut n = 0u128;
            let mut ids = move || {
                n += 1;
                Id::from_u128(n)
            };
            instantiate(i, &mut ids, chrono::DateTime::from_timestamp(0, 0).unwrap()).version
        };
        let items = servqual_items(&version(InstrumentId::Servqual22));
        // 22 items: tangibles 1–4, reliability 5–9, responsiveness 10–13, assurance 14–17,
        // empathy 18–22 (Parasuraman, Zeithaml & Berry 1988).
        assert_eq!(items.len(), 22);
        let count = |d: &Dimension| items.iter().filter(|i| i.dimension == *d).count();
        assert_eq!(Dimension::SERVQUAL.each_ref().map(count), [4, 5, 4, 4, 5]);
        assert!(items.iter().all(|i| i.expectation != i.perception));
        // Perceptions only: no gap can be computed.
        assert!(servqual_items(&version(InstrumentId::ServqualShort)).is_empty());
    }
}
