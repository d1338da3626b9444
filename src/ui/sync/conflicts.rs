//! The Data page's list of sync conflicts: for each, what it is, the two devices and times,
//! the fields that differ side by side; keep what was kept, or bring the other back.

use super::{sync_ctx, SyncCtx};
use crate::domain::sync::conflict::{Restore, Side};
use crate::domain::sync::Conflict;
use crate::domain::Data;
use crate::i18n::{format_datetime, Key, Lang};
use crate::storage::SyncWrite;
use crate::ui::app_data::{self, app_data};
use crate::ui::{browser, ctx, labels};
use leptos::prelude::*;
use leptos::task::spawn_local;

fn when(t: crate::domain::model::Time, lang: Lang) -> String {
    format_datetime(t, browser::utc_offset_at(t), lang)
}

fn side(s: &Side, lang: Lang) -> String {
    Key::ConflictDevice
        .text(lang)
        .replace("{device}", &s.device.chars().take(8).collect::<String>())
        .replace("{time}", &when(s.changed_at, lang))
}

/// Forgets a conflict once it is decided.
async fn dismiss(sync: SyncCtx, key: String) -> bool {
    let Some(s) = app_data::store() else {
        return false;
    };
    let keys = [key.clone()];
    let w = SyncWrite {
        conflicts_remove: &keys,
        ..SyncWrite::default()
    };
    let ok = s.write_sync(&w).await.is_ok();
    if ok {
        sync.conflicts
            .update(|list| list.retain(|c| c.key() != key));
    }
    ok
}

#[component]
pub fn ConflictsCard() -> impl IntoView {
    let c = ctx();
    let s = sync_ctx();
    move || {
        let list = s.conflicts.get();
        if list.is_empty() {
            return ().into_any();
        }
        view! {
            <section class="card" data-testid="conflicts" aria-labelledby="conflicts-title">
                <h2 id="conflicts-title">{c.t(Key::ConflictsTitle)}" ("{list.len()}")"</h2>
                <p class="muted">{c.t(Key::ConflictsIntro)}</p>
                {list.into_iter().rev().map(|k| view! { <ConflictItem conflict=k/> }).collect_view()}
            </section>
        }
        .into_any()
    }
}

#[component]
fn ConflictItem(conflict: Conflict) -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let sync = sync_ctx();
    let failed = RwSignal::new(None::<Key>);
    let key = conflict.key();
    let differences = conflict.differences();
    let keep = {
        let key = key.clone();
        move |_| {
            let key = key.clone();
            spawn_local(async move {
                if !dismiss(sync, key).await {
                    failed.set(Some(Key::SaveFailed));
                }
            });
        }
    };
    let restore = {
        let conflict = conflict.clone();
        move |_| {
            let key = conflict.key();
            let (changes, deletes) = match conflict.restore(browser::now()) {
                Restore::Save(d) => (*d, Vec::new()),
                Restore::Delete(col, id) => (Data::default(), vec![(col, id)]),
                Restore::Unreadable => {
                    failed.set(Some(Key::ConflictUnreadable));
                    return;
                }
            };
            spawn_local(async move {
                if app.save(changes, deletes).await.is_ok() && !dismiss(sync, key).await {
                    failed.set(Some(Key::SaveFailed));
                }
            });
        }
    };
    let lang = move || c.lang.get();
    let deleted = |s: &Side| s.record.is_none();
    let (kept_deleted, lost_deleted) = (deleted(&conflict.kept), deleted(&conflict.lost));
    let kept = conflict.kept.clone();
    let lost = conflict.lost.clone();
    let found = conflict.detected_at;
    view! {
        <article class="conflict" data-testid="conflict" data-collection=conflict.collection.name() data-id=conflict.id.to_string()>
            <h3>{c.t(labels::collection(conflict.collection))}</h3>
            <p class="muted">{move || Key::ConflictFound.text(lang()).replace("{time}", &when(found, lang()))}</p>
            <div class="table-scroll">
                <table class="report-table conflict-table">
                    <thead><tr>
                        <th scope="col">{c.t(Key::ConflictField)}</th>
                        <th scope="col">{c.t(Key::ConflictKept)}<br/><small>{move || side(&kept, lang())}</small></th>
                        <th scope="col">{c.t(Key::ConflictOther)}<br/><small>{move || side(&lost, lang())}</small></th>
                    </tr></thead>
                    <tbody>
                        {(kept_deleted || lost_deleted).then(|| view! {
                            <tr>
                                <th scope="row">"—"</th>
                                <td>{kept_deleted.then(|| c.t(Key::ConflictDeleted))}</td>
                                <td>{lost_deleted.then(|| c.t(Key::ConflictDeleted))}</td>
                            </tr>
                        })}
                        {differences.into_iter().map(|d| view! {
                            <tr data-field=d.field.clone()>
                                <th scope="row"><code>{d.field.clone()}</code></th>
                                <td data-side="kept">{d.kept.unwrap_or_default()}</td>
                                <td data-side="lost">{d.lost.unwrap_or_default()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <div class="row-actions">
                <button type="button" class="secondary" data-testid="conflict-keep" on:click=keep>{c.t(Key::ConflictKeepKept)}</button>
                <button type="button" data-testid="conflict-restore" on:click=restore>{c.t(Key::ConflictRestore)}</button>
            </div>
            {move || failed.get().map(|k| view! { <p class="alert alert-error" role="alert">{c.t(k)}</p> })}
        </article>
    }
}
