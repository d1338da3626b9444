//! `#/audits/new`: walking a published process step by step, by touch: each step passed,
//! failed or not seen, with a note; stored with its re-check, settling earlier re-checks
//! of the same process it saw again, then opened.

use super::super::app_data::app_data;
use super::super::{browser, ctx};
use super::kind_key;
use crate::domain::audit::{self, Walk, WalkError};
use crate::domain::model::{Audit, AuditKind, AuditResult, Id, ProcessVersion};
use crate::domain::process_library as library;
use crate::domain::Data;
use crate::i18n::{pick, Key};
use crate::route::{Route, Section};
use crate::storage::settings;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use rustc_hash::FxHashMap;

/// The id slot of the walk form's address.
pub const NEW: &str = "new";

const RESULTS: [AuditResult; 3] = [
    AuditResult::Passed,
    AuditResult::Failed,
    AuditResult::NotSeen,
];

pub fn result_key(r: AuditResult) -> Key {
    match r {
        AuditResult::Passed => Key::AuditPassed,
        AuditResult::Failed => Key::AuditFailedStep,
        AuditResult::NotSeen => Key::AuditNotSeen,
    }
}

fn error_key(e: WalkError) -> Key {
    match e {
        WalkError::NotPublished => Key::WalkNotPublished,
        WalkError::NoAuditor => Key::WalkNoAuditor,
        WalkError::FutureDate => Key::WalkFutureDate,
        WalkError::Unjudged(_) => Key::WalkUnjudged,
        WalkError::NothingSeen => Key::WalkNothingSeen,
    }
}

#[component]
pub fn WalkPage() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let published = Memo::new(move |_| {
        let lang = c.lang.get();
        app.data.with(|d| {
            d.processes
                .iter()
                .filter(|p| !p.archived)
                .filter_map(|p| {
                    let v = library::current_published(d, p.id)?;
                    Some((v.clone(), pick(&p.name, lang).to_string()))
                })
                .collect::<Vec<(ProcessVersion, String)>>()
        })
    });
    let chosen = RwSignal::new(None::<Id>);
    let version = Memo::new(move |_| {
        published.with(|ps| {
            let wanted = chosen.get();
            ps.iter()
                .find(|(v, _)| wanted.is_none_or(|p| v.process_id == p))
                .map(|(v, _)| v.clone())
        })
    });
    let walk = RwSignal::new(Walk {
        auditor: String::new(),
        kind: AuditKind::Visible,
        date: browser::today(),
        results: FxHashMap::default(),
        recheck: true,
    });
    let error = RwSignal::new(None::<WalkError>);
    let days = move || app.data.with(audit::recheck_days);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(v) = version.get_untracked() else {
            return;
        };
        let (id, now) = (browser::new_id(), browser::now());
        let recorded =
            walk.with_untracked(|w| audit::record(&v, w, days(), browser::today(), id, now));
        let a = match recorded {
            Ok(a) => Audit {
                location_id: settings::location(),
                ..a
            },
            Err(e) => {
                error.set(Some(e));
                return;
            }
        };
        error.set(None);
        let mut audits = app.data.with_untracked(|d| audit::settled_by(d, &a, now));
        audits.push(a);
        spawn_local(async move {
            let changes = Data {
                audits,
                ..Data::default()
            };
            if app.save(changes, Vec::new()).await.is_ok() {
                let href = Route::Detail(Section::Audits, id.to_string(), None).href();
                let _ = window().location().set_hash(&href);
            }
        });
    };
    let unjudged = move || {
        version.with(|v| {
            let Some(v) = v else { return 0 };
            walk.with(|w| {
                v.stages
                    .iter()
                    .flat_map(|s| &s.steps)
                    .filter(|s| !w.results.contains_key(&s.id))
                    .count()
            })
        })
    };
    view! {
        <section class="page" data-page="audit-walk">
            <a href=Route::Section(Section::Audits).href() class="back-link">{c.t(Key::AuditsBack)}</a>
            <h1>{c.t(Key::AuditNew)}</h1>
            {move || published.with(Vec::is_empty).then(|| view! { <p class="alert alert-warn">{c.t(Key::WalkNothingPublished)}</p> })}
            <form class="card form" on:submit=submit data-testid="audit-walk" novalidate>
                <div class="form-grid">
                    <div class="field">
                        <label for="walk-process">{c.t(Key::ColProcess)}</label>
                        <select id="walk-process" on:change=move |ev| { chosen.set(event_target_value(&ev).parse().ok()); walk.update(|w| w.results.clear()); }>
                            {move || published.get().into_iter().map(|(v, name)| {
                                let p = v.process_id;
                                view! { <option value=p.to_string() selected=move || version.with(|x| x.as_ref().map(|x| x.process_id)) == Some(p)>{format!("{name} · v{}", v.number)}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="walk-auditor">{c.t(Key::AuditAuditor)}</label>
                        <input id="walk-auditor" type="text" autocomplete="off" prop:value=move || walk.with(|w| w.auditor.clone())
                            on:input=move |ev| { let v = event_target_value(&ev); walk.update(|w| w.auditor = v); }/>
                    </div>
                    <div class="field">
                        <label for="walk-date">{c.t(Key::AuditDate)}</label>
                        <input id="walk-date" type="date" prop:value=move || walk.with(|w| w.date.format("%Y-%m-%d").to_string())
                            on:change=move |ev| if let Ok(d) = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d") { walk.update(|w| w.date = d); }/>
                    </div>
                    <fieldset class="choices field">
                        <legend>{c.t(Key::AuditKindLabel)}</legend>
                        {[AuditKind::Visible, AuditKind::Anonymous].into_iter().map(|k| view! {
                            <label class="check">
                                <input type="radio" name="walk-kind" data-kind=format!("{k:?}").to_lowercase()
                                    prop:checked=move || walk.with(|w| w.kind == k)
                                    on:change=move |_| walk.update(|w| w.kind = k)/>
                                {c.t(kind_key(k))}
                            </label>
                        }).collect_view()}
                    </fieldset>
                </div>
                {move || version.get().map(|v| {
                    let lang = c.lang.get();
                    v.stages.iter().flat_map(|s| s.steps.iter()).map(|step| {
                        let sid = step.id;
                        let group = format!("walk-{sid}");
                        let note_id = format!("walk-note-{sid}");
                        view! {
                            <fieldset class="score-scale audit-step" data-step=sid.to_string()>
                                <legend><strong>{pick(&step.name, lang).to_string()}</strong><span class="muted small">" "{pick(&step.standard, lang).to_string()}</span></legend>
                                <div class="score-options three">
                                    {RESULTS.into_iter().map(|r| view! {
                                        <label class="score-option">
                                            <input type="radio" name=group.clone() data-result=format!("{r:?}").to_lowercase()
                                                prop:checked=move || walk.with(|w| w.results.get(&sid).map(|x| x.0) == Some(r))
                                                on:change=move |_| walk.update(|w| { let note = w.results.get(&sid).map(|x| x.1.clone()).unwrap_or_default(); w.results.insert(sid, (r, note)); })/>
                                            <span class="score-number">{c.t(result_key(r))}</span>
                                        </label>
                                    }).collect_view()}
                                </div>
                                <label for=note_id.clone() class="small">{c.t(Key::AuditNote)}</label>
                                <input id=note_id type="text" autocomplete="off"
                                    prop:value=move || walk.with(|w| w.results.get(&sid).map(|x| x.1.clone()).unwrap_or_default())
                                    disabled=move || walk.with(|w| !w.results.contains_key(&sid))
                                    on:input=move |ev| { let n = event_target_value(&ev); walk.update(|w| if let Some(x) = w.results.get_mut(&sid) { x.1 = n; }); }/>
                            </fieldset>
                        }
                    }).collect_view()
                })}
                <label class="check">
                    <input type="checkbox" id="walk-recheck" prop:checked=move || walk.with(|w| w.recheck)
                        on:change=move |ev| { let on = event_target_checked(&ev); walk.update(|w| w.recheck = on); }/>
                    {move || Key::WalkRecheck.text(c.lang.get()).replace("{n}", &days().to_string())}
                </label>
                {move || error.get().map(|e| {
                    let text = error_key(e).text(c.lang.get()).replace("{n}", &unjudged().to_string());
                    view! { <p class="alert alert-error" role="alert" data-testid="walk-refused">{text}</p> }
                })}
                <button type="submit" data-testid="save-audit" disabled=move || version.with(Option::is_none)>{c.t(Key::AuditSave)}</button>
            </form>
        </section>
    }
}
