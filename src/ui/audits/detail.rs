//! `#/audits/<id>`: one audit, its score overall, per stage and per tier, each step's result
//! and note, the re-check of its failed steps, and "Start an improvement" on a failed step.

use super::super::app_data::app_data;
use super::super::improvement::StartButton;
use super::super::processes::stage_key;
use super::super::{browser, ctx, labels};
use super::walk::result_key;
use super::{kind_key, process_name, recheck_text, score_text};
use crate::domain::audit::{self, RecheckState};
use crate::domain::model::{Audit, AuditResult, Id, ProcessVersion, Trigger};
use crate::domain::period::Period;
use crate::domain::Data;
use crate::i18n::{format_date, pick, Key};
use crate::route::{Route, Section};
use leptos::prelude::*;

/// Days before the audit that a finding's condition is measured over.
const FINDING_DAYS: u32 = 30;

fn save(a: Audit) {
    app_data().save_later(Data {
        audits: vec![a],
        ..Data::default()
    });
}

#[component]
pub fn AuditDetail(id: String) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let aid = id.parse::<Id>().ok();
    let found = Memo::new(move |_| {
        app.data.with(|d| {
            let a = d.audits.iter().find(|a| Some(a.id) == aid)?;
            let v = d
                .process_versions
                .iter()
                .find(|v| v.id == a.process_version_id)?;
            Some((a.clone(), v.clone(), process_name(d, v, c.lang.get())))
        })
    });
    view! {
        <section class="page" data-page="audit">
            <a href=Route::Section(Section::Audits).href() class="back-link">{c.t(Key::AuditsBack)}</a>
            {move || match found.get() {
                None => view! { <p class="alert alert-warn">{c.t(Key::AuditNotFound)}</p> }.into_any(),
                Some((a, v, name)) => view! { <Audited audit=a version=v name/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Audited(audit: Audit, version: ProcessVersion, name: String) -> impl IntoView {
    let c = ctx();
    let lang = c.lang.get_untracked();
    let score = audit::score(&audit, &version);
    let (recheck, late) = recheck_text(&audit, lang);
    let state = audit::recheck_state(&audit, browser::today());
    let period = Period::last_days(audit.date, FINDING_DAYS);
    let stored = StoredValue::new(audit.clone());
    let schedule = move |_| {
        let days = app_data().data.with_untracked(audit::recheck_days);
        if let Ok(a) = audit::with_recheck(&stored.get_value(), days, browser::now()) {
            save(a);
        }
    };
    let close = move |_| {
        if let Ok(a) = audit::close_recheck(&stored.get_value(), None, browser::now()) {
            save(a);
        }
    };
    let failed = audit::failed_steps(&audit).count();
    let results: rustc_hash::FxHashMap<Id, (AuditResult, String)> = audit
        .results
        .iter()
        .map(|r| (r.step_id, (r.result, r.note.clone())))
        .collect();
    let audit_id = audit.id;
    view! {
        <h1 data-testid="audit-title">{format!("{name} · v{}", version.number)}</h1>
        <p class="lead">{format!("{} · {} · {}", format_date(audit.date, lang), audit.auditor, kind_key(audit.kind).text(lang))}</p>
        <div class="card">
            <h2>{c.t(Key::AuditScore)}</h2>
            <p class="kpi-value" data-testid="audit-score">{score_text(score.overall, lang)}</p>
            <table class="report-table" data-testid="audit-breakdown">
                <tbody>
                    {score.stages.iter().map(|(k, s)| view! {
                        <tr data-stage=format!("{k:?}").to_lowercase()><th scope="row">{stage_key(*k).text(lang)}</th><td>{score_text(*s, lang)}</td></tr>
                    }).collect_view()}
                    {score.tiers.iter().map(|(t, s)| view! {
                        <tr data-tier=format!("{t:?}").to_lowercase()><th scope="row">{labels::tier(*t).text(lang)}</th><td>{score_text(*s, lang)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <div class="card" data-testid="audit-recheck">
            <h2>{c.t(Key::Recheck)}</h2>
            <p class:late=late data-testid="recheck-state">{recheck}</p>
            {(state == RecheckState::None && failed > 0).then(|| view! {
                <button type="button" class="secondary" data-testid="schedule-recheck" on:click=schedule>{c.t(Key::RecheckSchedule)}</button>
            })}
            {matches!(state, RecheckState::Due(_) | RecheckState::Overdue(_)).then(|| view! {
                <p class="muted small">{c.t(Key::RecheckHow)}</p>
                <button type="button" class="secondary" data-testid="close-recheck" on:click=close>{c.t(Key::RecheckClose)}</button>
            })}
            {match state {
                RecheckState::Done(Some(by)) => Some(view! {
                    <a href=Route::Detail(Section::Audits, by.to_string(), None).href() data-testid="rechecked-by">{c.t(Key::RecheckOpenAudit)}</a>
                }),
                _ => None,
            }}
        </div>
        <ol class="card audit-results" data-testid="audit-results">
            {version.stages.iter().flat_map(|s| s.steps.iter()).map(|step| {
                let (result, note) = results.get(&step.id).cloned().unwrap_or((AuditResult::NotSeen, String::new()));
                let step_id = step.id;
                let is_failed = result == AuditResult::Failed;
                view! {
                    <li data-step=step_id.to_string() data-result=format!("{result:?}").to_lowercase()>
                        <strong>{pick(&step.name, lang).to_string()}</strong>" · "
                        <span class:audit-result-failed=is_failed>{result_key(result).text(lang)}</span>
                        {(!note.is_empty()).then(|| view! { <p class="muted">{note}</p> })}
                        {is_failed.then(|| view! {
                            <div class="row-actions">
                                <StartButton trigger=move || Trigger::AuditFinding { audit_id, step_id } period=move || period/>
                            </div>
                        })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
