//! The capability radar on the page: series built from scores per capability, the SVG from
//! `charts::radar`, and its download.

use super::super::{ctx, export};
use crate::charts::radar::{radar_svg, RadarError, RadarSeries, RadarSpec, SeriesKind};
use crate::domain::capability::{in_use, Average};
use crate::domain::model::{Capability, Id};
use crate::domain::Data;
use crate::i18n::{Key, Lang};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// One line of the radar, or `None` when it has no score at all (no previous period yet):
/// a line flat at zero would read as "scored 0".
pub fn series(
    kind: SeriesKind,
    label: String,
    caps: &[&Capability],
    score: impl Fn(&Capability) -> Option<f64>,
) -> Option<RadarSeries> {
    let values: Vec<Option<f64>> = caps.iter().map(|c| score(c)).collect();
    values.iter().any(Option::is_some).then(|| RadarSeries {
        label,
        // A capability not scored sits at the centre; the table beside says "–".
        values: values.into_iter().map(|v| v.unwrap_or(f64::NAN)).collect(),
        kind,
    })
}

pub fn target(caps: &[&Capability], lang: Lang) -> Option<RadarSeries> {
    series(
        SeriesKind::Target,
        Key::RadarTarget.text(lang).into(),
        caps,
        |c| Some(c.target),
    )
}

pub fn spec(
    title: String,
    caps: &[&Capability],
    series: Vec<RadarSeries>,
    size: u32,
    lang: Lang,
) -> RadarSpec {
    RadarSpec {
        title,
        axes: caps
            .iter()
            .map(|c| super::capability_name(c, lang))
            .collect(),
        series,
        max: 5.0,
        size,
    }
}

/// The team-average radar over the target, `None` when nobody is evaluated in the period.
pub fn team_spec(
    d: &Data,
    avg: &BTreeMap<Id, Average>,
    size: u32,
    lang: Lang,
) -> Option<RadarSpec> {
    if avg.is_empty() {
        return None;
    }
    let caps = in_use(&d.capabilities);
    let series = [
        target(&caps, lang),
        series(
            SeriesKind::TeamAverage,
            Key::RadarTeam.text(lang).into(),
            &caps,
            |c| avg.get(&c.id).map(|a| a.mean),
        ),
    ];
    Some(spec(
        Key::RadarTeamTitle.text(lang).into(),
        &caps,
        series.into_iter().flatten().collect(),
        size,
        lang,
    ))
}

/// The chart, a message where it cannot be drawn, and (unless `small`) a download button.
#[component]
pub fn RadarChart(
    #[prop(into)] spec: Signal<Option<RadarSpec>>,
    #[prop(into)] file: Signal<String>,
    #[prop(optional)] small: bool,
) -> impl IntoView {
    let c = ctx();
    let svg = Memo::new(move |_| spec.get().map(|s| radar_svg(&s)));
    let download = move |_| {
        if let Some(Ok(s)) = svg.get_untracked() {
            export::download_svg(&file.get_untracked(), &s);
        }
    };
    move || match svg.get() {
        None => view! { <p class="muted">{c.t(Key::RadarNoScores)}</p> }.into_any(),
        Some(Err(RadarError::AxisCount(_))) => {
            view! { <p class="alert alert-warn">{c.t(Key::RadarAxisCount)}</p> }.into_any()
        }
        Some(Err(_)) => {
            view! { <p class="alert alert-error">{c.t(Key::RadarFailed)}</p> }.into_any()
        }
        // `charts::radar` escapes every label, so names are drawn as text.
        Some(Ok(s)) => view! {
            <div class="radar" class:radar-small=small data-testid="radar" inner_html=s></div>
            {(!small).then(|| view! {
                <button type="button" class="button-secondary no-print" data-testid="download-radar"
                    on:click=download>{c.t(Key::DownloadSvg)}</button>
            })}
        }
        .into_any(),
    }
}
