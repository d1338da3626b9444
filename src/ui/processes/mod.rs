//! 服务流程 Processes: the library, and one process's editor, flowchart, versions, runs and analysis.

mod analysis;
mod editor;
mod flowchart;
mod list;
mod publish;
mod run;
mod run_summary;
mod sheet;
mod versions;

use super::app_data::app_data;
use super::ctx;
use crate::domain::model::Id;
use crate::i18n::{pick, Key};
use crate::route::{ProcessView, Route, Section};
use leptos::prelude::*;

pub use editor::stage_key;
pub use list::ProcessesPage;

/// Every step of the published processes as (id, "process · step"): what a survey question
/// or a complaint can point at.
pub fn step_choices(d: &crate::domain::Data, lang: crate::i18n::Lang) -> Vec<(Id, String)> {
    use crate::domain::process_edit::steps;
    use crate::domain::process_library::current_published;
    d.processes
        .iter()
        .filter(|p| !p.archived)
        .filter_map(|p| current_published(d, p.id).map(|v| (p, v)))
        .flat_map(|(p, v)| {
            steps(v)
                .map(|s| {
                    (
                        s.id,
                        format!("{} · {}", pick(&p.name, lang), pick(&s.name, lang)),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The views of one process, as the last part of its route.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Editor,
    Flowchart,
    Sipoc,
    Versions,
    Run,
    Analysis,
}

impl Tab {
    const ALL: [Tab; 6] = [
        Tab::Editor,
        Tab::Flowchart,
        Tab::Sipoc,
        Tab::Versions,
        Tab::Run,
        Tab::Analysis,
    ];

    fn slug(self) -> &'static str {
        match self {
            Tab::Editor => "edit",
            Tab::Flowchart => "flowchart",
            Tab::Sipoc => "sipoc",
            Tab::Versions => "versions",
            Tab::Run => "run",
            Tab::Analysis => "analysis",
        }
    }

    fn key(self) -> Key {
        match self {
            Tab::Editor => Key::TabEditor,
            Tab::Flowchart => Key::TabFlowchart,
            Tab::Sipoc => Key::TabSipoc,
            Tab::Versions => Key::TabVersions,
            Tab::Run => Key::TabRun,
            Tab::Analysis => Key::TabAnalysis,
        }
    }

    fn parse(view: Option<&str>) -> Tab {
        Tab::ALL
            .into_iter()
            .find(|t| Some(t.slug()) == view)
            .unwrap_or(Tab::Editor)
    }
}

#[component]
pub fn ProcessDetail(id: String, view: Option<String>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let tab = Tab::parse(view.as_deref());
    let special = view.as_deref().and_then(ProcessView::parse);
    let Ok(process_id) = id.parse::<Id>() else {
        return view! { <Missing/> }.into_any();
    };
    // Only the name and existence are watched here: re-rendering the tab on every save
    // would drop what the user is typing.
    let exists = Memo::new(move |_| {
        app.data
            .with(|d| d.processes.iter().any(|p| p.id == process_id))
    });
    let name = move || {
        app.data.with(|d| {
            d.process(process_id)
                .map(|p| pick(&p.name, c.lang.get()).to_string())
        })
    };
    view! {
        <section class="page" data-page="process">
            <a href=Route::Section(Section::Processes).href() class="back-link">{c.t(Key::ProcBack)}</a>
            <Show when=move || exists.get() fallback=|| view! { <Missing/> }>
                <h1>{name}</h1>
                <nav class="tabs" aria-label=c.t(Key::NavProcesses)>
                    {Tab::ALL.into_iter().map(|t| view! {
                        <a class="tab" data-tab=t.slug()
                            href=Route::Detail(Section::Processes, process_id.to_string(), Some(t.slug().into())).href()
                            aria-current=(t == tab && special.is_none()).then_some("page")>{c.t(t.key())}</a>
                    }).collect_view()}
                    <a class="tab" data-tab="card"
                        href=Route::Detail(Section::Processes, process_id.to_string(), Some(ProcessView::Card.slug())).href()
                        aria-current=(special == Some(ProcessView::Card)).then_some("page")>{c.t(Key::TabCard)}</a>
                </nav>
                {match special {
                    Some(ProcessView::Card) => view! { <sheet::SopCard process_id/> }.into_any(),
                    Some(ProcessView::Version(number)) => view! { <sheet::VersionView process_id number/> }.into_any(),
                    None => match tab {
                    Tab::Editor => view! { <editor::Editor process_id/> }.into_any(),
                    Tab::Flowchart => view! { <flowchart::Flowchart process_id/> }.into_any(),
                    Tab::Sipoc => view! { <flowchart::Sipoc process_id/> }.into_any(),
                    Tab::Versions => view! { <versions::Versions process_id/> }.into_any(),
                    Tab::Run => view! { <run::Run process_id/> }.into_any(),
                    Tab::Analysis => view! { <analysis::Analysis process_id/> }.into_any(),
                    },
                }}
            </Show>
        </section>
    }
    .into_any()
}

#[component]
fn Missing() -> impl IntoView {
    let c = ctx();
    view! { <p class="alert alert-warn">{c.t(Key::ProcNotFound)}</p> }
}
