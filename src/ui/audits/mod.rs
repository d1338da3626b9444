//! 巡检 / 神秘顾客 Service audits: the audits of a period with their scores and re-checks,
//! overdue re-checks first, and false ticking (`false_ticking`); a new walk (`walk`); one
//! audit with what failed, its re-check, and "Start an improvement" on a failed step
//! (`detail`); the re-check interval in Settings (`recheck_setting`).

mod detail;
mod false_ticking;
mod recheck_setting;
mod walk;

pub use detail::AuditDetail;
pub use recheck_setting::RecheckSettingCard;
pub use walk::{WalkPage, NEW};

use super::app_data::app_data;
use super::dashboard::picker::Picker;
use super::dashboard::{span, value_style};
use super::{browser, ctx, query_url};
use crate::domain::audit::{self, RecheckState};
use crate::domain::dashboard::Query;
use crate::domain::kpi::Kpi;
use crate::domain::model::{Audit, AuditKind, ProcessVersion};
use crate::domain::sort;
use crate::domain::Data;
use crate::i18n::{format_date, format_number, pick, Key, Lang};
use crate::route::{Route, Section};
use leptos::prelude::*;

/// An audit's score as the reader sees it: "83 % (5/6)", or "–" when nothing was seen.
pub fn score_text(share: crate::domain::process_analysis::Share, lang: Lang) -> String {
    match share.ratio() {
        Some(r) => {
            let (decimals, unit) = value_style(Kpi::AuditScore);
            format!(
                "{}{unit} ({}/{})",
                format_number(100.0 * r, decimals, lang),
                share.num,
                share.den
            )
        }
        None => "–".into(),
    }
}

pub fn kind_key(k: AuditKind) -> Key {
    match k {
        AuditKind::Visible => Key::AuditVisible,
        AuditKind::Anonymous => Key::AuditAnonymous,
    }
}

/// The re-check's state in words, and whether it is late.
pub fn recheck_text(a: &Audit, lang: Lang) -> (String, bool) {
    match audit::recheck_state(a, browser::today()) {
        RecheckState::None => ("–".into(), false),
        RecheckState::Due(d) => (
            format!("{} {}", Key::RecheckDue.text(lang), format_date(d, lang)),
            false,
        ),
        RecheckState::Overdue(d) => (
            format!(
                "{} {}",
                Key::RecheckOverdue.text(lang),
                format_date(d, lang)
            ),
            true,
        ),
        RecheckState::Done(_) => (Key::RecheckDone.text(lang).to_string(), false),
    }
}

fn process_name(d: &Data, v: &ProcessVersion, lang: Lang) -> String {
    d.processes
        .iter()
        .find(|p| p.id == v.process_id)
        .map(|p| pick(&p.name, lang).to_string())
        .unwrap_or_default()
}

#[component]
pub fn AuditsPage() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let query = query_url::bind(Section::Audits, Query::default());
    let rows = Memo::new(move |_| {
        let q = query.get();
        let s = span(q.period.resolve(browser::today()));
        let lang = c.lang.get();
        app.data.with(|d| {
            let mut rows: Vec<_> = audit::audits_in(d, &s, &q.filter)
                .map(|(a, v)| {
                    let (recheck, late) = recheck_text(a, lang);
                    (
                        a.clone(),
                        process_name(d, v, lang),
                        audit::score(a, v).overall,
                        audit::failed_steps(a).count(),
                        recheck,
                        late,
                    )
                })
                .collect();
            sort::by_key(&mut rows, |r| std::cmp::Reverse((r.0.date, r.0.created_at)));
            rows
        })
    });
    let overdue = Memo::new(move |_| {
        let lang = c.lang.get();
        app.data.with(|d| {
            audit::rechecks_overdue(d, browser::today())
                .into_iter()
                .filter_map(|a| {
                    let v = d
                        .process_versions
                        .iter()
                        .find(|v| v.id == a.process_version_id)?;
                    Some((a.id, process_name(d, v, lang), a.date))
                })
                .collect::<Vec<_>>()
        })
    });
    let new_walk = Route::Detail(Section::Audits, NEW.into(), None).href();
    view! {
        <section class="page" data-page=Section::Audits.slug()>
            <h1>{c.t(Key::NavAudits)}</h1>
            <p class="lead">{c.t(Key::AboutAudits)}</p>
            <div class="row-actions">
                <a class="button" href=new_walk data-testid="new-audit">{c.t(Key::AuditNew)}</a>
            </div>
            {move || {
                let late = overdue.get();
                (!late.is_empty()).then(|| view! {
                    <div class="alert alert-warn" data-testid="rechecks-overdue">
                        <p>{c.t(Key::RechecksOverdue)}</p>
                        <ul>{late.into_iter().map(|(id, name, date)| view! {
                            <li><a href=Route::Detail(Section::Audits, id.to_string(), None).href()>{format!("{name} · {}", format_date(date, c.lang.get()))}</a></li>
                        }).collect_view()}</ul>
                    </div>
                })
            }}
            <Picker query/>
            <div class="table-scroll" tabindex="0" role="region" aria-label=c.t(Key::NavAudits)>
                <table class="report-table" data-testid="audit-list">
                    <thead><tr>
                        <th scope="col">{c.t(Key::AuditDate)}</th>
                        <th scope="col">{c.t(Key::ColProcess)}</th>
                        <th scope="col">{c.t(Key::AuditAuditor)}</th>
                        <th scope="col">{c.t(Key::AuditScore)}</th>
                        <th scope="col">{c.t(Key::AuditFailed)}</th>
                        <th scope="col">{c.t(Key::Recheck)}</th>
                    </tr></thead>
                    <tbody>
                        {move || {
                            let lang = c.lang.get();
                            rows.get().into_iter().map(|(a, process, score, failed, recheck, late)| view! {
                                <tr data-audit=a.id.to_string()>
                                    <td><a href=Route::Detail(Section::Audits, a.id.to_string(), None).href()>{format_date(a.date, lang)}</a></td>
                                    <td>{process}</td>
                                    <td>{a.auditor.clone()}" · "{kind_key(a.kind).text(lang)}</td>
                                    <td data-col="score">{score_text(score, lang)}</td>
                                    <td data-col="failed">{failed}</td>
                                    <td data-col="recheck" class:late=late>{recheck}</td>
                                </tr>
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            {move || rows.with(Vec::is_empty).then(|| view! { <p class="muted" data-testid="audits-none">{c.t(Key::AuditsNone)}</p> })}
            <false_ticking::FalseTickingTable query/>
        </section>
    }
}
