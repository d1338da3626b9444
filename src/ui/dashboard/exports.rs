//! Tables for Excel: one CSV at a time, or every table in one workbook, always of the page's
//! period and filters — the file name says which.

use super::super::app_data::app_data;
use super::super::{browser, ctx, labels};
use super::span;
use crate::domain::dashboard::{self, Query};
use crate::domain::exports::{self as tables, MultiChoice, Naming};
use crate::domain::table::Table;
use crate::domain::{backup, csv, xlsx, Data};
use crate::domain::{kpi, locations};
use crate::i18n::{pick, Key, Lang};
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum What {
    Responses,
    Runs,
    Feedback,
    Evaluations,
    Trainings,
    Kpis,
    Locations,
}

const ALL: [(What, &str, Key); 7] = [
    (What::Responses, "responses", Key::ExportResponses),
    (What::Runs, "runs", Key::ExportRuns),
    (What::Feedback, "feedback", Key::ExportFeedback),
    (What::Evaluations, "evaluations", Key::ExportEvaluations),
    (What::Trainings, "trainings", Key::ExportTrainings),
    (What::Kpis, "kpis", Key::ExportKpis),
    (What::Locations, "locations", Key::ExportByLocation),
];

struct Options {
    codes: bool,
    multi: MultiChoice,
}

fn build(d: &Data, q: &Query, what: What, o: &Options, lang: Lang) -> Table {
    let period = q.period.resolve(browser::today());
    let s = span(period);
    let label = move |l| labels::export_label(l, lang);
    let text = move |t: &_| pick(t, lang).to_string();
    let naming = Naming {
        codes: o.codes,
        label: &label,
        text: &text,
    };
    let offset = browser::utc_offset();
    let f = &q.filter;
    match what {
        What::Responses => tables::responses(d, &s, f, offset, &naming, o.multi),
        What::Runs => tables::runs(d, &s, f, offset, &naming),
        What::Feedback => tables::feedback(d, &s, f, offset, &naming),
        What::Evaluations => tables::evaluations(d, &s, f, &naming),
        What::Trainings => tables::trainings(d, &s, &naming),
        What::Kpis => {
            let now = browser::now();
            let targets = d.workspace().map(|w| w.targets.clone()).unwrap_or_default();
            let [before, this] = app_data()
                .facts
                .with(|facts| kpi::with_previous(d, facts, period, f, now, browser::bounds));
            tables::kpi_summary(&this, &before, &|k| dashboard::target(&targets, k), &naming)
        }
        What::Locations => {
            let cmp = app_data()
                .facts
                .with(|facts| locations::compare(d, facts, &s, f, browser::now()));
            tables::by_location(&cmp, &naming)
        }
    }
}

/// Whether the table is offered: a single shop has no locations to compare.
fn offered(d: &Data, what: What) -> bool {
    what != What::Locations || locations::compared(d)
}

/// `serviceflow-<business>-<what>-<from>_<to>[-filtered].<ext>`: the file says what it holds.
fn file_name(d: &Data, q: &Query, what: &str, ext: &str) -> String {
    let business = d
        .workspace()
        .map(|w| w.business_name.clone())
        .unwrap_or_default();
    let p = q.period.resolve(browser::today());
    let filtered = if q.filter == Default::default() {
        ""
    } else {
        "-filtered"
    };
    format!(
        "{}-{what}-{}_{}{filtered}.{ext}",
        backup::file_stem(&business),
        p.from,
        p.to
    )
}

#[component]
pub fn Exports(query: RwSignal<Query>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let what = RwSignal::new(0usize);
    let bom = RwSignal::new(true);
    let codes = RwSignal::new(false);
    let per_option = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let options = move || Options {
        codes: codes.get_untracked(),
        multi: if per_option.get_untracked() {
            MultiChoice::ColumnPerOption
        } else {
            MultiChoice::OneColumn
        },
    };
    let csv_file = move |_| {
        let (w, slug, _) = ALL[what.get_untracked().min(ALL.len() - 1)];
        let q = query.get_untracked();
        let lang = c.lang.get_untracked();
        let (name, text) = app.data.with_untracked(|d| {
            (
                file_name(d, &q, slug, "csv"),
                csv::write(&build(d, &q, w, &options(), lang), bom.get_untracked()),
            )
        });
        failed.set(browser::download(&name, &text, "text/csv;charset=utf-8").is_err());
    };
    let workbook = move |_| {
        let q = query.get_untracked();
        let lang = c.lang.get_untracked();
        let (name, bytes) = app.data.with_untracked(|d| {
            let sheets: Vec<Table> = ALL
                .iter()
                .filter(|(w, ..)| offered(d, *w))
                .map(|(w, _, key)| Table {
                    name: key.text(lang).to_string(),
                    ..build(d, &q, *w, &options(), lang)
                })
                .collect();
            (file_name(d, &q, "tables", "xlsx"), xlsx::write(&sheets))
        });
        failed.set(
            browser::download_bytes(
                &name,
                &bytes,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            .is_err(),
        );
    };
    view! {
        <div class="card form" data-testid="exports">
            <h2>{c.t(Key::ExportTablesTitle)}</h2>
            <label for="export-what">{c.t(Key::ExportWhat)}</label>
            <select id="export-what" on:change=move |ev| what.set(event_target_value(&ev).parse().unwrap_or(0))>
                {move || ALL.iter().enumerate().filter(|(_, (w, ..))| app.data.with(|d| offered(d, *w))).map(|(i, (_, slug, key))| view! { <option value=i.to_string() data-table=*slug selected=move || what.get() == i>{c.t(*key)}</option> }).collect_view()}
            </select>
            <label class="check"><input type="checkbox" id="export-bom" prop:checked=bom on:change=move |ev| bom.set(event_target_checked(&ev))/>{c.t(Key::ExportBom)}</label>
            <label class="check"><input type="checkbox" id="export-codes" prop:checked=codes on:change=move |ev| codes.set(event_target_checked(&ev))/>{c.t(Key::ExportCodes)}</label>
            <label class="check"><input type="checkbox" id="export-per-option" prop:checked=per_option on:change=move |ev| per_option.set(event_target_checked(&ev))/>{c.t(Key::ExportPerOption)}</label>
            <div class="row-actions">
                <button type="button" data-testid="export-csv" on:click=csv_file>{c.t(Key::ExportCsv)}</button>
                <button type="button" class="secondary" data-testid="export-xlsx" on:click=workbook>{c.t(Key::ExportXlsx)}</button>
            </div>
            <Show when=move || failed.get()>
                <p class="alert alert-error" role="alert">{c.t(Key::ExportFailed)}</p>
            </Show>
        </div>
    }
}
