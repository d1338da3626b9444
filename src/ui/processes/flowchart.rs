//! The swimlane flowchart and the SIPOC view of the newest version.

use super::super::app_data::app_data;
use super::super::{ctx, export};
use super::editor::stage_key;
use crate::charts::swimlane::{self, Node, Swimlane};
use crate::domain::model::*;
use crate::domain::process_edit::steps;
use crate::domain::process_library as library;
use crate::domain::Data;
use crate::i18n::{format_minutes, pick, Key, Lang};
use leptos::prelude::*;

fn chart(d: &Data, v: &ProcessVersion, lang: Lang) -> Swimlane {
    let role_name = |id: Option<Id>| {
        id.and_then(|id| d.roles.iter().find(|r| r.id == id))
            .map(|r| pick(&r.name, lang).to_string())
            .unwrap_or_else(|| Key::StepNoRole.text(lang).to_string())
    };
    let mut lanes: Vec<Option<Id>> = Vec::new();
    for s in steps(v) {
        if !lanes.contains(&s.role_id) {
            lanes.push(s.role_id);
        }
    }
    let stages = v
        .stages
        .iter()
        .map(|stage| {
            let nodes = stage
                .steps
                .iter()
                .map(|s| Node {
                    label: pick(&s.name, lang).to_string(),
                    lane: lanes.iter().position(|l| *l == s.role_id).unwrap_or(0),
                    tier: s.tier,
                    detail: format!("{} min", format_minutes(s.time_limit_s, lang)),
                    value_adding: s.value_adding,
                })
                .collect();
            (stage_key(stage.kind).text(lang).to_string(), nodes)
        })
        .collect();
    let title = d
        .processes
        .iter()
        .find(|p| p.id == v.process_id)
        .map(|p| {
            format!(
                "{} · {} {}",
                pick(&p.name, lang),
                Key::ProcVersionN.text(lang),
                v.number
            )
        })
        .unwrap_or_default();
    Swimlane {
        title,
        lanes: lanes.into_iter().map(role_name).collect(),
        stages,
        legend: [
            Key::TierBasicShort,
            Key::TierStandardShort,
            Key::TierCustomShort,
            Key::LegendNva,
        ]
        .map(|k| k.text(lang).to_string()),
    }
}

#[component]
pub fn Flowchart(process_id: Id) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let svg = move || {
        let lang = c.lang.get();
        app.data.with(|d| {
            library::latest(d, process_id).map(|v| (swimlane::render(&chart(d, v, lang)), v.number))
        })
    };
    let download = move |_| {
        if let Some((svg, number)) = svg() {
            export::download_svg(&format!("process-v{number}"), &svg);
        }
    };
    view! {
        <p class="muted no-print">{c.t(Key::FlowchartHelp)}</p>
        <button type="button" class="secondary no-print" data-testid="download-svg" on:click=download>{c.t(Key::DownloadSvg)}</button>
        // The SVG is built by `charts::swimlane`, which escapes every label. The box scrolls
        // sideways on a tablet, so it takes the focus (arrow keys scroll it) and has a name.
        <div class="chart-scroll" data-testid="swimlane" tabindex="0" role="region" aria-label=c.t(Key::TabFlowchart) inner_html=move || svg().map(|(s, _)| s).unwrap_or_default()></div>
    }
}

#[component]
pub fn Sipoc(process_id: Id) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let columns = move || {
        let lang = c.lang.get();
        app.data.with(|d| {
            let Some(v) = library::latest(d, process_id) else {
                return Vec::new();
            };
            let mut suppliers: Vec<String> = Vec::new();
            let mut inputs: Vec<String> = Vec::new();
            let mut outputs: Vec<String> = Vec::new();
            let push = |list: &mut Vec<String>, item: String| {
                if !item.is_empty() && !list.contains(&item) {
                    list.push(item);
                }
            };
            for s in steps(v) {
                if let Some(r) = s.role_id.and_then(|id| d.roles.iter().find(|r| r.id == id)) {
                    push(&mut suppliers, pick(&r.name, lang).to_string());
                }
                s.inputs.iter().for_each(|i| push(&mut inputs, i.clone()));
                s.outputs.iter().for_each(|o| push(&mut outputs, o.clone()));
            }
            let process = steps(v).map(|s| pick(&s.name, lang).to_string()).collect();
            vec![
                (Key::SipocSuppliers, suppliers),
                (Key::SipocInputs, inputs),
                (Key::SipocProcess, process),
                (Key::SipocOutputs, outputs),
                (
                    Key::SipocCustomers,
                    vec![Key::SipocCustomer.text(lang).to_string()],
                ),
            ]
        })
    };
    view! {
        <p class="muted">{c.t(Key::SipocHelp)}</p>
        <div class="sipoc" data-testid="sipoc">
            {move || columns().into_iter().map(|(key, items)| view! {
                <section class="card">
                    <h2>{c.t(key)}</h2>
                    <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                </section>
            }).collect_view()}
        </div>
    }
}
