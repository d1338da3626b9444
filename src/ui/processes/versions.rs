//! Version history (each version can be opened read-only) and the field-by-field diff
//! between any two versions, old value → new value.

use super::super::app_data::app_data;
use super::super::{browser, ctx, labels};
use super::editor::stage_key;
use super::list::status_key;
use crate::domain::improvement;
use crate::domain::model::{Id, LocalText};
use crate::domain::process_diff::{diff, FieldValue, StepField};
use crate::domain::process_library as library;
use crate::domain::Data;
use crate::i18n::{format_datetime, format_minutes, pick, Key, Lang};
use crate::route::{ProcessView, Route, Section};
use leptos::prelude::*;

fn texts(list: &[LocalText], lang: Lang) -> String {
    list.iter()
        .map(|t| pick(t, lang))
        .collect::<Vec<_>>()
        .join(" / ")
}

/// A field's value as the reader sees it; an empty one as "—".
fn shown(v: &FieldValue, d: &Data, lang: Lang) -> String {
    let text = match v {
        FieldValue::Text(t) => pick(t, lang).to_string(),
        FieldValue::Role(id) => d
            .roles
            .iter()
            .find(|r| Some(r.id) == *id)
            .map(|r| pick(&r.name, lang).to_string())
            .unwrap_or_else(|| Key::StepNoRole.text(lang).to_string()),
        FieldValue::Seconds(s) => format!("{} min", format_minutes(*s, lang)),
        FieldValue::Tier(t) => labels::tier(*t).text(lang).to_string(),
        FieldValue::Options(o) => texts(o, lang),
        FieldValue::Lines(l) => l.join(" / "),
        FieldValue::Flag(on) => if *on { Key::YesText } else { Key::NoText }
            .text(lang)
            .to_string(),
        FieldValue::Stage(k) => stage_key(*k).text(lang).to_string(),
        FieldValue::Position(n) => n.to_string(),
    };
    if text.trim().is_empty() {
        "—".into()
    } else {
        text
    }
}

fn field_key(f: StepField) -> Key {
    match f {
        StepField::Name => Key::FieldName,
        StepField::Role => Key::FieldRole,
        StepField::Standard => Key::FieldStandard,
        StepField::TimeLimit => Key::FieldTimeLimit,
        StepField::Tier => Key::FieldTier,
        StepField::Options => Key::FieldOptions,
        StepField::Inputs => Key::FieldInputs,
        StepField::Outputs => Key::FieldOutputs,
        StepField::ValueAdding => Key::FieldValueAdding,
        StepField::Stage => Key::FieldStage,
        StepField::Position => Key::FieldPosition,
    }
}

#[component]
pub fn Versions(process_id: Id) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let versions = Memo::new(move |_| {
        app.data.with(|d| {
            library::versions(d, process_id)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let numbers =
        Memo::new(move |_| versions.with(|v| v.iter().map(|v| v.number).collect::<Vec<_>>()));
    // Compare the two newest versions unless the user picks others.
    let left = RwSignal::new(None::<u32>);
    let right = RwSignal::new(None::<u32>);
    let pick_or = move |sig: RwSignal<Option<u32>>, back: usize| {
        sig.get()
            .or_else(|| numbers.with(|n| n.len().checked_sub(back).and_then(|i| n.get(i).copied())))
    };
    let chosen = move || (pick_or(left, 2), pick_or(right, 1));
    // The improvement action a version carries out, linked.
    let carried_out = move |version: Id| {
        app.data.with(|d| {
            improvement::made_standard_by(d, version).map(|a| {
                let href = Route::Detail(Section::Improvement, a.id.to_string(), None).href();
                let title = labels::action_title(&a.title, c.lang.get());
                view! { <a data-testid="version-action" href=href>{c.t(Key::VersionCarriesOut)}": "{title}</a> }
            })
        })
    };
    let right_version = move || {
        let n = chosen().1?;
        versions.with(|vs| vs.iter().find(|v| v.number == n).map(|v| v.id))
    };
    let result = move || {
        let (Some(a), Some(b)) = chosen() else {
            return None;
        };
        versions.with(|vs| {
            let find = |n| vs.iter().find(|v| v.number == n);
            Some(diff(find(a)?, find(b)?))
        })
    };
    let select = move |sig: RwSignal<Option<u32>>, id: &'static str, back: usize| {
        view! {
            <select id=id on:change=move |ev| sig.set(event_target_value(&ev).parse().ok())>
                {move || numbers.get().into_iter().map(|n| view! {
                    <option value=n.to_string() selected=move || pick_or(sig, back) == Some(n)>{c.t(Key::ProcVersionN)}" "{n}</option>
                }).collect_view()}
            </select>
        }
    };
    view! {
        <h2>{c.t(Key::VersionsTitle)}</h2>
        <table data-testid="version-history">
            <tbody>
                {move || versions.get().into_iter().rev().map(|v| view! {
                    <tr>
                        <th scope="row">{c.t(Key::ProcVersionN)}" "{v.number}</th>
                        <td>{c.t(status_key(v.status))}</td>
                        <td>{v.published_at.map(|t| format_datetime(t, browser::utc_offset_at(t), c.lang.get()))}</td>
                        <td>{v.change_note.clone()}</td>
                        <td>{carried_out(v.id)}</td>
                        <td><a class="touch-link" data-testid="open-version" href=Route::Detail(Section::Processes, process_id.to_string(), Some(ProcessView::Version(v.number).slug())).href()>{c.t(Key::VersionOpen)}</a></td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <Show when=move || numbers.with(|n| n.len() >= 2)>
            <h2>{c.t(Key::VersionCompare)}</h2>
            <div class="toolbar">
                <label class="visually-hidden" for="diff-left">{c.t(Key::VersionCompare)}</label>
                {select(left, "diff-left", 2)}
                <span>{c.t(Key::VersionWith)}</span>
                <label class="visually-hidden" for="diff-right">{c.t(Key::VersionWith)}</label>
                {select(right, "diff-right", 1)}
            </div>
            <div data-testid="version-diff">
                <p>{move || right_version().and_then(carried_out)}</p>
                {move || result().map(|d| {
                    if d.is_empty() {
                        return view! { <p>{c.t(Key::DiffNone)}</p> }.into_any();
                    }
                    let lang = c.lang.get();
                    view! {
                        <Show when={let n = d.added.len(); move || n > 0}>
                            <h3>{c.t(Key::DiffAdded)}</h3>
                        </Show>
                        <ul class="diff-added">{d.added.iter().map(|s| view! { <li>"+ "{pick(&s.name, lang).to_string()}</li> }).collect_view()}</ul>
                        <Show when={let n = d.removed.len(); move || n > 0}>
                            <h3>{c.t(Key::DiffRemoved)}</h3>
                        </Show>
                        <ul class="diff-removed">{d.removed.iter().map(|s| view! { <li>"− "{pick(&s.name, lang).to_string()}</li> }).collect_view()}</ul>
                        <Show when={let n = d.changed.len(); move || n > 0}>
                            <h3>{c.t(Key::DiffChanged)}</h3>
                        </Show>
                        <ul class="diff-changed">{d.changed.iter().map(|ch| {
                            let fields = app.data.with(|data| ch.fields.iter().map(|f| {
                                let (old, new) = (shown(&f.old, data, lang), shown(&f.new, data, lang));
                                view! {
                                    <li data-field=format!("{:?}", f.field)>
                                        {field_key(f.field).text(lang)}": "<del>{old}</del>" → "<ins>{new}</ins>
                                    </li>
                                }
                            }).collect_view());
                            view! { <li data-step=ch.step.id.to_string()><strong>{pick(&ch.step.name, lang).to_string()}</strong><ul>{fields}</ul></li> }
                        }).collect_view()}</ul>
                    }.into_any()
                })}
            </div>
        </Show>
    }
}
