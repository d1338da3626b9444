//! The effect, measured honestly: the KPI over equal windows before and after the change,
//! n on each side, the difference with its 95 % interval, and a verdict in plain words; for
//! an action about one step, the step's own figures too.

use super::super::app_data::app_data;
use super::super::dashboard::tiles::value_text;
use super::super::{browser, ctx, labels};
use super::card::Action;
use crate::domain::improvement::effect::ChangeSource;
use crate::domain::improvement::{self, Comparison};
use crate::domain::kpi::Kpi;
use crate::domain::model::Id;
use crate::i18n::{format_date, format_datetime, format_number, pick, Key, Lang};
use leptos::prelude::*;

const MIN_DAYS: u32 = 7;
const MAX_DAYS: u32 = 365;

/// One comparison as a table row: name, before (n), after (n), change, interval, verdict.
pub(in crate::ui) fn row(
    name: String,
    cmp: &Comparison,
    text: impl Fn(f64) -> String,
    lang: Lang,
) -> AnyView {
    let side = |v: crate::domain::kpi::Value| match v.value {
        Some(x) => format!("{} (n={})", text(x), v.n),
        None => format!("– (n={})", v.n),
    };
    let signed = |x: f64| {
        let t = format_number(x.abs(), 2, lang);
        if x < 0.0 {
            format!("−{t}")
        } else {
            format!("+{t}")
        }
    };
    let interval = cmp
        .interval
        .map(|(lo, hi)| format!("{} … {}", signed(lo), signed(hi)))
        .unwrap_or_else(|| "–".into());
    view! {
        <tr data-verdict=format!("{:?}", cmp.verdict).to_lowercase()>
            <th scope="row">{name}</th>
            <td data-col="before">{side(cmp.before)}</td>
            <td data-col="after">{side(cmp.after)}</td>
            <td data-col="difference">{cmp.difference.map(signed).unwrap_or_else(|| "–".into())}</td>
            <td data-col="interval">{interval}</td>
            <td data-col="verdict">{labels::verdict(cmp.verdict).text(lang)}</td>
        </tr>
    }
    .into_any()
}

#[component]
pub fn EffectCard(action: Action, days: RwSignal<u32>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let typed = RwSignal::new(days.get_untracked().to_string());
    let bad_days = RwSignal::new(false);
    let effect = Memo::new(move |_| {
        let a = action.get()?;
        let days = days.get();
        app.data
            .with(|d| improvement::effect(d, &a, days, browser::utc_offset(), browser::now()))
    });
    let question = move |id: Id, lang: Lang| {
        app.data.with(|d| {
            d.survey_versions
                .iter()
                .flat_map(|v| &v.questions)
                .find(|q| q.id == id)
                .map(|q| pick(&q.text, lang).to_string())
                .unwrap_or_default()
        })
    };
    let step_name = move |id: Id, lang: Lang| {
        app.data.with(|d| {
            d.process_versions
                .iter()
                .flat_map(|v| v.stages.iter().flat_map(|s| &s.steps))
                .find(|s| s.id == id)
                .map(|s| pick(&s.name, lang).to_string())
                .unwrap_or_default()
        })
    };
    let set_days = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        typed.set(text.clone());
        match text.trim().parse::<u32>() {
            Ok(n) if (MIN_DAYS..=MAX_DAYS).contains(&n) => {
                bad_days.set(false);
                days.set(n);
            }
            _ => bad_days.set(true),
        }
    };
    view! {
        <div class="card" data-testid="action-effect">
            <h2>{c.t(Key::ImpEffect)}</h2>
            <div class="field">
                <label for="ia-window">{c.t(Key::ImpWindow)}</label>
                <input id="ia-window" type="number" inputmode="numeric" min=MIN_DAYS max=MAX_DAYS prop:value=typed on:change=set_days/>
            </div>
            <Show when=move || bad_days.get()>
                <p class="alert alert-warn" role="alert">{c.t(Key::ImpWindowInvalid)}</p>
            </Show>
            {move || {
                let lang = c.lang.get();
                let Some(e) = effect.get() else {
                    let no_kpi = action.with(|a| a.as_ref().is_some_and(|a| improvement::action_kpi(a).is_none()));
                    let key = if no_kpi { Key::ImpEffectNoKpi } else { Key::ImpEffectNone };
                    return view! { <p class="muted" data-testid="effect-none">{c.t(key)}</p> }.into_any();
                };
                let source = match e.source {
                    ChangeSource::Published => Key::ImpChangedPublished,
                    ChangeSource::DoFinished => Key::ImpChangedDo,
                };
                let span = |s: &crate::domain::kpi::Span| format!("{} – {}", format_date(s.days.0, lang), format_date(s.days.1, lang));
                let kpi: Kpi = e.kpi;
                let step = e.step.clone();
                view! {
                    <p data-testid="effect-change">{c.t(source)}" · "{format_datetime(e.change_at, browser::utc_offset_at(e.change_at), lang)}</p>
                    <p class="muted">{c.t(Key::ImpBefore)}": "{span(&e.before)}" · "{c.t(Key::ImpAfter)}": "{span(&e.after)}</p>
                    <p data-testid="effect-verdict"><strong>{labels::verdict(e.figure.verdict).text(lang)}</strong></p>
                    <div class="table-scroll" tabindex="0" role="region" aria-label=c.t(Key::ImpEffect)>
                        <table class="report-table" data-testid="effect-table">
                            <thead><tr>
                                <th scope="col">{c.t(Key::ImpGoalKpi)}</th>
                                <th scope="col">{c.t(Key::ImpBefore)}</th>
                                <th scope="col">{c.t(Key::ImpAfter)}</th>
                                <th scope="col">{c.t(Key::ImpDifference)}</th>
                                <th scope="col">{c.t(Key::ImpInterval)}</th>
                                <th scope="col">{c.t(Key::ImpEffect)}</th>
                            </tr></thead>
                            <tbody>
                                {row(labels::kpi(kpi).text(lang).to_string(), &e.figure, move |v| value_text(kpi, v, lang), lang)}
                                {step.map(|s| {
                                    let name = step_name(s.step_id, lang);
                                    view! {
                                        {row(format!("{name} · {}", Key::KpiCompliance.text(lang)), &s.compliance, move |v| format!("{}%", format_number(v, 0, lang)), lang)}
                                        {row(format!("{name} · {}", Key::ImpStepTime.text(lang)), &s.time_s, move |v| format_number(v, 0, lang), lang)}
                                        {s.questions.iter().map(|(q, cmp)| row(question(*q, lang), cmp, move |v| format_number(v, 2, lang), lang)).collect_view()}
                                    }
                                })}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </div>
    }
}
