//! Each question's answers in detail: how they spread over the scale or the options, and
//! the question's figure week by week or month by month, every line with its n.

use super::super::{browser, ctx};
use crate::domain::model::*;
use crate::domain::scoring::Figure;
use crate::domain::survey_results::{self as results, Bucket};
use crate::i18n::{format_date, format_number, pick, Key, Lang};
use leptos::prelude::*;

/// A figure as "value (n=…)", or "–" without answers.
fn figure_text(f: Figure, lang: Lang) -> String {
    match f.value {
        Some(v) => format!("{} (n={})", format_number(v, 1, lang), f.n),
        None => "–".into(),
    }
}

/// The label of a value: the score itself, or the option's text.
fn value_label(q: &Question, v: u32, lang: Lang) -> String {
    match q.kind.scale() {
        Some(_) => v.to_string(),
        None => q
            .options
            .get(v as usize)
            .map(|o| pick(o, lang).to_string())
            .unwrap_or_default(),
    }
}

#[component]
pub fn Breakdown(
    #[prop(into)] version: Signal<Option<SurveyVersion>>,
    #[prop(into)] responses: Signal<Vec<Response>>,
) -> impl IntoView {
    let c = ctx();
    let bucket = RwSignal::new(Bucket::Week);
    let sections = move || {
        let lang = c.lang.get();
        let b = bucket.get();
        let offset = browser::utc_offset();
        let v = version.get()?;
        let rs = responses.get();
        let refs: Vec<&Response> = rs.iter().collect();
        let out: Vec<_> = v
            .questions
            .iter()
            .filter(|q| q.servqual.is_none())
            .filter_map(|q| {
                let dist = results::distribution(q, &refs)?;
                let rows: Vec<(String, usize, f64)> = dist
                    .counts
                    .iter()
                    .map(|(v, n)| {
                        let share = 100.0 * *n as f64 / dist.n.max(1) as f64;
                        (value_label(q, *v, lang), *n, share)
                    })
                    .collect();
                let trend: Vec<(String, String)> = results::trend(q, &refs, b, offset)
                    .into_iter()
                    .map(|(start, f)| (format_date(start, lang), figure_text(f, lang)))
                    .collect();
                Some((q.id, pick(&q.text, lang).to_string(), dist.n, rows, trend))
            })
            .collect();
        Some(out)
    };
    view! {
        <div class="card" data-testid="question-breakdown">
            <h2>{c.t(Key::ResultsDistribution)}</h2>
            <fieldset class="choices no-print">
                <legend>{c.t(Key::ResultsTrend)}</legend>
                {[(Bucket::Week, Key::ResultsByWeek), (Bucket::Month, Key::ResultsByMonth)].into_iter().map(|(b, key)| view! {
                    <label class="check">
                        <input type="radio" name="trend-bucket" data-bucket=format!("{b:?}") prop:checked=move || bucket.get() == b on:change=move |_| bucket.set(b)/>
                        {c.t(key)}
                    </label>
                }).collect_view()}
            </fieldset>
            {move || sections().unwrap_or_default().into_iter().map(|(qid, text, n, rows, trend)| view! {
                <section class="breakdown" data-question=qid.to_string()>
                    <h3>{text}" "<span class="muted small" data-testid="distribution-n">"(n="{n}")"</span></h3>
                    <div class="table-scroll">
                        <table data-testid="distribution">
                            <thead><tr><th scope="col">{c.t(Key::ResultsAnswer)}</th><th scope="col">{c.t(Key::ResultsCount)}</th><th scope="col">"%"</th></tr></thead>
                            <tbody>
                                // The bar's length goes in through the CSSOM (a tuple style): the CSP
                                // blocks `style` attributes.
                                {rows.into_iter().map(|(label, count, share)| view! {
                                    <tr><th scope="row">{label}</th><td data-testid="count">{count}</td>
                                        <td><span class="bar" style=("--share", format!("{share:.0}%"))>{format_number(share, 0, c.lang.get_untracked())}</span></td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    {(!trend.is_empty()).then(|| view! {
                        <div class="table-scroll">
                            <table data-testid="trend">
                                <thead><tr><th scope="col">{c.t(Key::ResultsPeriodFrom)}</th><th scope="col">{c.t(Key::ResultsFigure)}</th></tr></thead>
                                <tbody>
                                    {trend.into_iter().map(|(from, fig)| view! { <tr><th scope="row">{from}</th><td data-testid="trend-figure">{fig}</td></tr> }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    })}
                </section>
            }).collect_view()}
        </div>
    }
}
