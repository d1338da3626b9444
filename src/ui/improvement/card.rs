//! One improvement action as an A3: what triggered it and the condition it started from,
//! the plan (title, owner, goal, root cause and whys), the countermeasures, the stage
//! moves, what it made the standard, and its measured effect.

use super::super::app_data::app_data;
use super::super::conflict::ConflictPrompt;
use super::super::root_cause::{self, RootCauseFields};
use super::super::{browser, ctx, labels};
use super::effect::EffectCard;
use super::tasks::Tasks;
use crate::domain::edit::{self, Rebased};
use crate::domain::improvement::{self, kpi_of, DEFAULT_WINDOW_DAYS};
use crate::domain::kpi::Kpi;
use crate::domain::model::{Goal, Id, ImprovementAction, PdcaStage, VersionStatus};
use crate::domain::sort;
use crate::domain::Data;
use crate::i18n::{format_date, format_datetime, format_number, pick, Key};
use crate::route::{Route, Section};
use chrono::NaiveDate;
use leptos::prelude::*;

pub(super) type Action = Memo<Option<ImprovementAction>>;

pub(super) fn save(a: ImprovementAction) {
    app_data().save_later(Data {
        improvement_actions: vec![a],
        ..Data::default()
    });
}

/// The stored action changed by `change` at now, for the edits that are one click.
pub(super) fn save_edit(action: Action, change: impl FnOnce(&mut ImprovementAction)) {
    if let Some(mut a) = action.get_untracked() {
        let previous = a.updated_at;
        change(&mut a);
        save(edit::stamped(a, previous, browser::now()));
    }
}

#[component]
pub fn ImprovementDetail(id: String) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let aid = id.parse::<Id>().ok();
    let action: Action = Memo::new(move |_| {
        app.data.with(|d| {
            d.improvement_actions
                .iter()
                .find(|a| Some(a.id) == aid)
                .cloned()
        })
    });
    let exists = Memo::new(move |_| action.with(Option::is_some));
    let days = RwSignal::new(DEFAULT_WINDOW_DAYS);
    view! {
        <section class="page" data-page="improvement-action">
            <a href=Route::Section(Section::Improvement).href() class="back-link">{c.t(Key::ImpBack)}</a>
            <Show when=move || exists.get() fallback=move || view! { <p class="alert alert-warn">{c.t(Key::ImpNotFound)}</p> }>
                <Header action/>
                <Plan action/>
                <Tasks action/>
                <Stages action days/>
                <Standard action/>
                <EffectCard action days/>
            </Show>
        </section>
    }
}

#[component]
fn Header(action: Action) -> impl IntoView {
    let c = ctx();
    move || {
        let a = action.get()?;
        let lang = c.lang.get();
        let late = !improvement::overdue(&a, browser::today()).is_empty();
        let condition = a.condition.clone().map(|k| {
            let kpi = kpi_of(&k.kpi);
            let value = match (kpi, k.value) {
                (Some(kpi), Some(v)) => super::super::dashboard::tiles::value_text(kpi, v, lang),
                _ => "–".into(),
            };
            format!(
                "{}: {value} (n={}) · {} – {}",
                kpi.map_or(k.kpi.clone(), |k| labels::kpi(k).text(lang).to_string()),
                k.n,
                format_date(k.from, lang),
                format_date(k.to, lang)
            )
        });
        let title = labels::action_title(&a.title, lang);
        Some(view! {
            <h1 data-testid="action-title">{title}</h1>
            <div class="card" class:overdue=late>
                <p>
                    {c.t(Key::ImpStage)}": "<strong data-testid="action-stage">{c.t(labels::pdca(a.stage))}</strong>
                    {late.then(|| view! { " "<span class="badge badge-danger" data-testid="overdue">{c.t(Key::ImpOverdue)}</span> })}
                </p>
                <dl class="facts">
                    <dt>{c.t(Key::ImpTrigger)}</dt><dd data-testid="action-trigger">{c.t(labels::trigger(&a.trigger))}</dd>
                    <dt>{c.t(Key::ImpCondition)}</dt>
                    <dd data-testid="action-condition">{condition.unwrap_or_else(|| Key::ImpNoCondition.text(lang).to_string())}</dd>
                    {a.noted.clone().map(|n| {
                        let figure = move |v: Option<f64>| v.map_or("–".to_string(), |v| format_number(v, 1, lang));
                        view! { <dt>{n.kpi.clone()}</dt><dd>{figure(n.before)}" → "{figure(n.after)}</dd> }
                    })}
                </dl>
            </div>
        })
    }
}

/// The plan's fields, read once so a save elsewhere does not undo typing; a save puts only
/// what changed here on what is stored (`edit::rebase`), and asks if another tab changed
/// the same fields.
#[component]
fn Plan(action: Action) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let Some(a) = action.get_untracked() else {
        return ().into_any();
    };
    let title = RwSignal::new(String::new());
    let owner = RwSignal::new(None::<Id>);
    let due = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let goal_kpi = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let by = RwSignal::new(String::new());
    let cause = RwSignal::new(None);
    let whys = RwSignal::new(Vec::new());
    let base = StoredValue::new(a.clone());
    let show = move |a: &ImprovementAction| {
        title.set(a.title.clone());
        owner.set(a.owner_id);
        due.set(a.due_on.map(|d| d.to_string()).unwrap_or_default());
        notes.set(a.notes.clone());
        goal_kpi.set(a.goal.as_ref().map(|g| g.kpi.clone()).unwrap_or_default());
        target.set(
            a.goal
                .as_ref()
                .map(|g| g.target.to_string())
                .unwrap_or_default(),
        );
        by.set(
            a.goal
                .as_ref()
                .map(|g| g.by.to_string())
                .unwrap_or_default(),
        );
        cause.set(a.root_cause);
        whys.set(root_cause::padded(&a.whys));
        base.set_value(a.clone());
    };
    show(&a);
    let saved = RwSignal::new(false);
    let refused = RwSignal::new(None::<Key>);
    let conflict = RwSignal::new(false);
    let date = |s: String| s.parse::<NaiveDate>().ok();
    // The form as an action, or why it cannot be one.
    let mine = move || -> Result<ImprovementAction, Key> {
        let mut a = base.get_value();
        a.title = title.get_untracked().trim().to_string();
        if a.title.is_empty() {
            return Err(Key::ImpTitleNeeded);
        }
        a.owner_id = owner.get_untracked();
        a.due_on = date(due.get_untracked());
        a.notes = notes.get_untracked().trim().to_string();
        let (k, t, b) = (
            goal_kpi.get_untracked(),
            target.get_untracked(),
            by.get_untracked(),
        );
        a.goal = match (
            kpi_of(&k),
            t.trim()
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite()),
            date(b.clone()),
        ) {
            (Some(k), Some(target), Some(by)) => Some(Goal {
                kpi: k.code().to_string(),
                target,
                by,
            }),
            _ if k.is_empty() && t.trim().is_empty() && b.is_empty() => None,
            _ => return Err(Key::ImpGoalInvalid),
        };
        a.root_cause = cause.get_untracked();
        a.whys = root_cause::trimmed(whys.get_untracked());
        Ok(a)
    };
    let write = move |a: ImprovementAction| {
        conflict.set(false);
        show(&a);
        save(a);
        saved.set(true);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ours = match mine() {
            Ok(a) => a,
            Err(k) => return refused.set(Some(k)),
        };
        refused.set(None);
        let stored = action.get_untracked();
        match edit::rebase(&base.get_value(), ours, stored.as_ref(), browser::now()) {
            Rebased::Write(a) => write(a),
            Rebased::Conflict => conflict.set(true),
        }
    };
    let reload = move || {
        if let Some(a) = action.get_untracked() {
            show(&a);
        }
        conflict.set(false);
    };
    let keep = move || {
        if let (Some(theirs), Ok(ours)) = (action.get_untracked(), mine()) {
            let merged = ImprovementAction {
                title: ours.title,
                owner_id: ours.owner_id,
                due_on: ours.due_on,
                notes: ours.notes,
                goal: ours.goal,
                root_cause: ours.root_cause,
                whys: ours.whys,
                ..theirs.clone()
            };
            write(edit::stamped(merged, theirs.updated_at, browser::now()));
        }
    };
    let edited = move || saved.set(false);
    view! {
        <form class="card form-grid" on:submit=submit data-testid="action-plan">
            <h2 class="span-2">{c.t(Key::ImpPlan)}</h2>
            <div class="field span-2">
                <label for="ia-title">{c.t(Key::ImpTitle)}</label>
                <input id="ia-title" maxlength="200" prop:value=title on:input=move |ev| { title.set(event_target_value(&ev)); edited(); }/>
            </div>
            <div class="field">
                <label for="ia-owner">{c.t(Key::ImpOwner)}</label>
                <select id="ia-owner" on:change=move |ev| { owner.set(event_target_value(&ev).parse().ok()); edited(); }>
                    <option value="">"–"</option>
                    {move || app.data.with(Data::active_staff).into_iter().map(|(sid, name)| view! {
                        <option value=sid.to_string() selected=move || owner.get() == Some(sid)>{name}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="ia-due">{c.t(Key::ImpDueOn)}</label>
                <input id="ia-due" type="date" prop:value=due on:input=move |ev| { due.set(event_target_value(&ev)); edited(); }/>
            </div>
            <div class="field span-2">
                <label for="ia-notes">{c.t(Key::ImpNotes)}</label>
                <textarea id="ia-notes" rows="3" prop:value=notes on:input=move |ev| { notes.set(event_target_value(&ev)); edited(); }></textarea>
            </div>
            <div class="field">
                <label for="ia-goal-kpi">{c.t(Key::ImpGoalKpi)}</label>
                <select id="ia-goal-kpi" on:change=move |ev| { goal_kpi.set(event_target_value(&ev)); edited(); }>
                    <option value="">"–"</option>
                    {Kpi::ALL.into_iter().map(|k| view! {
                        <option value=k.code() selected=move || goal_kpi.get() == k.code()>{c.t(labels::kpi(k))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="ia-goal-target">{c.t(Key::ImpGoalTarget)}</label>
                <input id="ia-goal-target" inputmode="decimal" prop:value=target on:input=move |ev| { target.set(event_target_value(&ev)); edited(); }/>
            </div>
            <div class="field">
                <label for="ia-goal-by">{c.t(Key::ImpGoalBy)}</label>
                <input id="ia-goal-by" type="date" prop:value=by on:input=move |ev| { by.set(event_target_value(&ev)); edited(); }/>
            </div>
            <RootCauseFields cause_id="ia-cause" why_id="ia-why-" cause whys edited/>
            <button type="submit" data-testid="save-plan">{c.t(Key::Save)}</button>
            {move || refused.get().map(|k| view! { <p class="alert alert-warn span-2" role="alert" data-testid="plan-refused">{c.t(k)}</p> })}
            <Show when=move || conflict.get()>
                <ConflictPrompt on_reload=reload on_keep=keep/>
            </Show>
            <Show when=move || saved.get()>
                <p class="alert alert-ok span-2" role="status" data-testid="plan-saved">{c.t(Key::ImpSaved)}</p>
            </Show>
        </form>
    }
    .into_any()
}

/// The stage moves offered: back one, on one, abandon with a reason; each refused move says
/// what the stage it leaves still needs.
#[component]
fn Stages(action: Action, days: RwSignal<u32>) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let refused = RwSignal::new(None::<Key>);
    let reason = RwSignal::new(String::new());
    let go = move |to: PdcaStage, note: String| {
        let Some(a) = action.get_untracked() else {
            return;
        };
        let now = browser::now();
        let evidence = app.data.with_untracked(|d| {
            improvement::effect(d, &a, days.get_untracked(), browser::utc_offset(), now)
                .map(|e| e.figure.verdict)
        });
        match improvement::move_to(&a, to, &note, evidence, now) {
            Ok(moved) => {
                refused.set(None);
                reason.set(String::new());
                save(moved);
            }
            Err(e) => refused.set(Some(labels::move_error(e))),
        }
    };
    let neighbours = move |s: PdcaStage| {
        let i = PdcaStage::CYCLE.iter().position(|x| *x == s);
        let back = i
            .and_then(|i| i.checked_sub(1))
            .map(|i| PdcaStage::CYCLE[i]);
        let on = i.and_then(|i| PdcaStage::CYCLE.get(i + 1).copied());
        (back, on)
    };
    view! {
        <div class="card" data-testid="action-stages">
            <h2>{c.t(Key::ImpStage)}</h2>
            {move || {
                let a = action.get()?;
                let (back, on) = neighbours(a.stage);
                let open = a.stage.is_open();
                Some(view! {
                    <div class="row-actions">
                        {back.filter(|_| a.stage != PdcaStage::Abandoned).map(|to| view! {
                            <button type="button" class="secondary" data-move=format!("{to:?}").to_lowercase() on:click=move |_| go(to, String::new())>
                                {c.t(Key::ImpMoveBack)}" "{c.t(labels::pdca(to))}
                            </button>
                        })}
                        {on.map(|to| view! {
                            <button type="button" data-move=format!("{to:?}").to_lowercase() on:click=move |_| go(to, String::new())>
                                {c.t(Key::ImpMoveTo)}" "{c.t(labels::pdca(to))}
                            </button>
                        })}
                    </div>
                    {open.then(|| view! {
                        <form class="form-inline" data-testid="abandon-form" on:submit=move |ev| { ev.prevent_default(); go(PdcaStage::Abandoned, reason.get_untracked()); }>
                            <label for="ia-abandon">{c.t(Key::ImpAbandonReason)}</label>
                            <input id="ia-abandon" prop:value=reason on:input=move |ev| reason.set(event_target_value(&ev))/>
                            <button type="submit" class="danger" data-move="abandoned">{c.t(Key::ImpAbandon)}</button>
                        </form>
                    })}
                })
            }}
            {move || refused.get().map(|k| view! { <p class="alert alert-warn" role="alert" data-testid="move-refused">{c.t(k)}</p> })}
            <h3>{c.t(Key::ImpHistory)}</h3>
            {move || {
                let a = action.get()?;
                let lang = c.lang.get();
                Some(if a.moves.is_empty() {
                    view! { <p class="muted">{c.t(Key::ImpHistoryNone)}</p> }.into_any()
                } else {
                    view! {
                        <ol class="history">
                            {a.moves.iter().map(|m| view! {
                                <li data-testid="stage-move">
                                    {c.t(labels::pdca(m.from))}" → "<strong>{c.t(labels::pdca(m.to))}</strong>" · "
                                    {format_datetime(m.at, browser::utc_offset_at(m.at), lang)}
                                    {(!m.note.is_empty()).then(|| view! { ": "<span>{m.note.clone()}</span> })}
                                </li>
                            }).collect_view()}
                        </ol>
                    }.into_any()
                })
            }}
        </div>
    }
}

/// What the action made the standard: the SOP version it changed and the training that
/// taught it, each stored when picked.
#[component]
fn Standard(action: Action) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let versions = move || {
        let lang = c.lang.get();
        app.data.with(|d| {
            let process =
                action.with(|a| a.as_ref().and_then(|a| improvement::action_process(d, a)));
            let mut vs: Vec<_> = d
                .process_versions
                .iter()
                .filter(|v| v.status != VersionStatus::Draft)
                .filter(|v| process.is_none_or(|p| v.process_id == p))
                .map(|v| {
                    let name = d
                        .processes
                        .iter()
                        .find(|p| p.id == v.process_id)
                        .map(|p| pick(&p.name, lang).to_string())
                        .unwrap_or_default();
                    (v.id, format!("{name} v{}", v.number))
                })
                .collect();
            sort::by(&mut vs, |a, b| a.1.cmp(&b.1));
            vs
        })
    };
    let trainings = move || {
        app.data.with(|d| {
            let mut ts: Vec<_> = d
                .trainings
                .iter()
                .map(|t| (t.id, t.date, t.title.clone()))
                .collect();
            sort::by_key(&mut ts, |t| std::cmp::Reverse(t.1));
            ts
        })
    };
    let linked = move || {
        action.with(|a| {
            a.as_ref()
                .map(|a| (a.process_version_id, a.training_id))
                .unwrap_or_default()
        })
    };
    view! {
        <div class="card form-grid" data-testid="action-standard">
            <h2 class="span-2">{c.t(Key::ImpStandard)}</h2>
            <div class="field">
                <label for="ia-version">{c.t(Key::ImpVersion)}</label>
                <select id="ia-version" on:change=move |ev| { let v = event_target_value(&ev).parse().ok(); save_edit(action, |a| a.process_version_id = v); }>
                    <option value="">"–"</option>
                    {move || versions().into_iter().map(|(id, name)| view! {
                        <option value=id.to_string() selected=move || linked().0 == Some(id)>{name}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="ia-training">{c.t(Key::ImpTraining)}</label>
                <select id="ia-training" on:change=move |ev| { let t = event_target_value(&ev).parse().ok(); save_edit(action, |a| a.training_id = t); }>
                    <option value="">"–"</option>
                    {move || trainings().into_iter().map(|(id, date, title)| view! {
                        <option value=id.to_string() selected=move || linked().1 == Some(id)>{format!("{} · {title}", format_date(date, c.lang.get()))}</option>
                    }).collect_view()}
                </select>
            </div>
        </div>
    }
}
