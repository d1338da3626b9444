//! How well the process is followed: compliance overall, per tier and per step, times
//! against limits, the bottleneck, and steps to simplify. Every figure shows its n.

use super::super::app_data::app_data;
use super::super::{browser, ctx, labels, Ctx};
use crate::domain::model::Id;
use crate::domain::period::Period;
use crate::domain::process_analysis::{analyse, Share};
use crate::i18n::{format_minutes, format_percent, pick, Key};
use leptos::prelude::*;

fn share(s: Share, c: Ctx) -> String {
    match s.ratio() {
        Some(r) => format!(
            "{} ({}/{})",
            format_percent(r, 1, c.lang.get()),
            s.num,
            s.den
        ),
        None => c.t(Key::NoData)().to_string(),
    }
}

fn seconds(s: Option<f64>, c: Ctx) -> String {
    s.map(|s| format!("{} min", format_minutes(s.round() as u32, c.lang.get())))
        .unwrap_or_else(|| c.t(Key::NoData)().to_string())
}

#[component]
pub fn Analysis(process_id: Id) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let days = RwSignal::new(30u32);
    let result = Memo::new(move |_| {
        let period = browser::bounds(Period::last_days(browser::today(), days.get()));
        app.data
            .with(|d| analyse(d, process_id, period.start, period.end))
    });
    view! {
        <div class="toolbar">
            <label for="period">{c.t(Key::AnalysisPeriod)}</label>
            <select id="period" on:change=move |ev| days.set(event_target_value(&ev).parse().unwrap_or(30))>
                <option value="7">{c.t(Key::AnalysisLast7)}</option>
                <option value="30" selected>{c.t(Key::AnalysisLast30)}</option>
                <option value="90">{c.t(Key::AnalysisLast90)}</option>
            </select>
        </div>
        <div class="kpis">
            <div class="card kpi"><span class="muted">{c.t(Key::AnalysisRuns)}</span><strong data-testid="runs">{move || result.with(|a| a.runs)}</strong></div>
            <div class="card kpi wide"><span class="muted">{c.t(Key::AnalysisCompliance)}</span><strong data-testid="compliance">{move || share(result.with(|a| a.compliance), c)}</strong></div>
        </div>
        <h2>{c.t(Key::AnalysisByTier)}</h2>
        <table data-testid="by-tier">
            <tbody>{move || result.with(|a| a.by_tier.clone()).into_iter().map(|(t, s)| view! {
                <tr><th scope="row">{c.t(labels::tier(t))}</th><td class="num">{share(s, c)}</td></tr>
            }).collect_view()}</tbody>
        </table>
        <h2>{c.t(Key::AnalysisBottleneck)}</h2>
        <p class="muted">{c.t(Key::AnalysisBottleneckHelp)}</p>
        <div data-testid="bottleneck">{move || result.with(|a| {
            let lang = c.lang.get();
            let name = |id| a.steps.iter().find(|s| s.step_id == id).map(|s| pick(&s.name, lang).to_string()).unwrap_or_default();
            let flagged = a.bottlenecks.iter().map(|f| {
                let reasons = f.reasons.iter().map(|r| labels::flag_reason(*r).text(lang)).collect::<Vec<_>>().join(" · ");
                view! {
                    <li data-step=f.step_id.to_string()>
                        <strong>{name(f.step_id)}</strong>" — "{reasons}
                        <br/><span class="muted">{c.t(Key::AnalysisOverrun)}" "{share(f.overrun, c)}" · "{c.t(Key::AnalysisComplianceShort)}" "{share(f.compliance, c)}</span>
                    </li>
                }
            }).collect_view();
            let too_few = a.too_few.iter().map(|id| name(*id)).collect::<Vec<_>>().join("、");
            view! {
                {a.bottlenecks.is_empty().then(|| view! { <p>{c.t(Key::AnalysisBottleneckNone)}</p> })}
                <ol class="flagged">{flagged}</ol>
                {(!too_few.is_empty()).then(|| view! { <p class="muted" data-testid="too-few">{c.t(Key::AnalysisTooFew)}" "{too_few}</p> })}
            }
        })}</div>
        <h2>{c.t(Key::AnalysisSimplify)}</h2>
        <p class="muted">{c.t(Key::AnalysisSimplifyHelp)}</p>
        <div data-testid="simplify">{move || result.with(|a| {
            if a.simplify.is_empty() {
                return view! { <p>{c.t(Key::AnalysisSimplifyNone)}</p> }.into_any();
            }
            let items = a.simplify.iter().filter_map(|id| a.steps.iter().find(|s| s.step_id == *id)).map(|s| {
                let name = pick(&s.name, c.lang.get()).to_string();
                view! { <li>{name}</li> }
            }).collect_view();
            view! { <ul>{items}</ul> }.into_any()
        })}</div>
        <h2>{c.t(Key::AnalysisByStep)}</h2>
        <div class="table-scroll">
            <table data-testid="by-step">
                <thead><tr>
                    <th scope="col">{c.t(Key::StepName)}</th>
                    <th scope="col" class="num">{c.t(Key::AnalysisComplianceShort)}</th>
                    <th scope="col" class="num">{c.t(Key::AnalysisMean)}</th>
                    <th scope="col" class="num">{c.t(Key::AnalysisMedian)}</th>
                    <th scope="col" class="num">{c.t(Key::RunLimit)}</th>
                    <th scope="col" class="num">{c.t(Key::AnalysisOverrun)}</th>
                </tr></thead>
                <tbody>{move || result.with(|a| a.steps.clone()).into_iter().map(|s| {
                    let bottleneck = result.with(|a| a.bottlenecks.iter().any(|f| f.step_id == s.step_id));
                    view! {
                        <tr class:bottleneck=bottleneck data-step=s.step_id.to_string()>
                            <th scope="row">{pick(&s.name, c.lang.get()).to_string()}</th>
                            <td class="num">{share(s.compliance, c)}</td>
                            <td class="num">{seconds(s.mean_s, c)}" (n="{s.n_timed}")"</td>
                            <td class="num">{seconds(s.median_s, c)}</td>
                            <td class="num">{seconds(Some(s.limit_s as f64), c)}</td>
                            <td class="num">{share(s.overrun, c)}</td>
                        </tr>
                    }
                }).collect_view()}</tbody>
            </table>
        </div>
    }
}
