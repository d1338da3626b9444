//! 数据 Data: storage status, backup export, import with preview (merge or replace),
//! snapshots, demo data.

use super::app_data::{app_data, store, AppData};
use super::{browser, ctx, labels, Ctx};
use crate::domain::import::{self, Flag, FlagKind, Problem, MAX_PROBLEMS};
use crate::domain::period::local_date;
use crate::domain::{backup, demo, merge, rfc3339, Data};
use crate::i18n::{format_datetime, format_number, Key};
use crate::route::Section;
use crate::storage::settings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

#[component]
pub fn DataPage() -> impl IntoView {
    let c = ctx();
    view! {
        <section class="page" data-page=Section::Data.slug()>
            <h1>{c.t(Key::NavData)}</h1>
            <StorageCard/>
            <super::sync::ConflictsCard/>
            <ExportCard/>
            <ImportCard/>
            <SnapshotsCard/>
            <DemoCard/>
        </section>
    }
}

fn bytes(v: Option<f64>, c: Ctx) -> String {
    match v {
        Some(b) => format!("{} MB", format_number(b / 1_000_000.0, 1, c.lang.get())),
        None => Key::StorageUnknown.text(c.lang.get()).to_string(),
    }
}

#[component]
fn StorageCard() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let info = RwSignal::new(browser::StorageInfo::default());
    let refresh = move || spawn_local(async move { info.set(browser::storage_info().await) });
    refresh();
    // Re-measure after every change of the data.
    Effect::new(move |_| {
        app.data.track();
        refresh();
    });
    let ask = move |_| {
        spawn_local(async move {
            browser::request_persistence().await;
            info.set(browser::storage_info().await);
        })
    };
    view! {
        <div class="card" data-testid="storage">
            <h2>{c.t(Key::StorageTitle)}</h2>
            <dl class="facts">
                <dt>{c.t(Key::StorageUsed)}</dt>
                <dd data-testid="storage-used">{move || bytes(info.get().used, c)}</dd>
                <dt>{c.t(Key::StorageAvailable)}</dt>
                <dd data-testid="storage-quota">{move || bytes(info.get().quota, c)}</dd>
                <dt>{c.t(Key::StoragePersisted)}</dt>
                <dd data-testid="storage-persisted">{move || match info.get().persisted {
                    Some(true) => c.t(Key::StoragePersistedYes)(),
                    Some(false) => c.t(Key::StoragePersistedNo)(),
                    None => c.t(Key::StorageUnknown)(),
                }}</dd>
            </dl>
            <Show when=move || info.get().persisted == Some(false)>
                <button type="button" class="secondary" on:click=ask>{c.t(Key::StorageAskPersist)}</button>
            </Show>
            <h2>{c.t(Key::RecordCounts)}</h2>
            <CountsTable data=app.data/>
        </div>
    }
}

#[component]
fn CountsTable(data: RwSignal<Data>) -> impl IntoView {
    let c = ctx();
    view! {
        <table data-testid="record-counts">
            <tbody>
                {move || data.with(|d| d.counts()).into_iter().map(|(coll, n)| view! {
                    <tr data-collection=coll.name()>
                        <th scope="row">{c.t(labels::collection(coll))}</th>
                        <td class="num">{move || format_number(n as f64, 0, c.lang.get())}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

fn business_name(d: &Data) -> String {
    d.workspace
        .first()
        .map(|w| w.business_name.clone())
        .unwrap_or_default()
}

fn backup_json(d: &Data) -> String {
    let device = settings::device_id(|| browser::new_id().to_string());
    backup::to_json(&backup::export(d, APP_VERSION, &device, browser::now()))
}

#[component]
fn ExportCard() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let last = RwSignal::new(settings::last_export());
    let overdue = move || {
        let since = last.get().and_then(|s| rfc3339::parse(&s));
        app.data
            .with(|d| backup::reminder_due(d, since, browser::now()))
    };
    let export = move |_| {
        let now = browser::now();
        let (name, json) = app.data.with_untracked(|d| {
            (
                backup::file_name(&business_name(d), local_date(now, browser::utc_offset())),
                backup_json(d),
            )
        });
        if browser::download(&name, &json, "application/json").is_ok() {
            settings::set_last_export(&rfc3339::format(&now));
            last.set(Some(rfc3339::format(&now)));
        }
    };
    let last_text = move || match last.get().and_then(|s| rfc3339::parse(&s)) {
        Some(t) => format_datetime(t, browser::utc_offset_at(t), c.lang.get()),
        None => c.t(Key::Never)().to_string(),
    };
    view! {
        <div class="card">
            <h2>{c.t(Key::ExportTitle)}</h2>
            <p>{c.t(Key::ExportHelp)}</p>
            <Show when=overdue>
                <p class="alert alert-warn" data-testid="backup-reminder">{c.t(Key::BackupReminder)}</p>
            </Show>
            <p class="muted">{c.t(Key::LastBackup)}": "<span data-testid="last-export">{last_text}</span></p>
            <button type="button" data-testid="export" on:click=export>{c.t(Key::ExportButton)}</button>
        </div>
    }
}

/// Records read between two redraws while a file is checked (~50 ms on a tablet).
const IMPORT_SLICE: usize = 1_000;

#[derive(Clone)]
enum ImportState {
    Idle,
    Reading,
    /// Reading the records; how far is in the card's `progress`.
    Checking,
    Refused(Vec<Problem>),
    /// The file's records, the counts, and what the person should check first. Shared, not
    /// owned: the view reads the state by cloning it, and 100,000 responses took 100 ms to copy.
    Preview(Arc<Data>, merge::Preview, Vec<Flag>),
    /// Merged: records added and updated.
    Merged(usize, usize),
    /// Replaced by the file's records, this many.
    Replaced(usize),
}

#[component]
fn ImportCard() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let state = RwSignal::new(ImportState::Idle);
    let progress = RwSignal::new((0, 0));
    let take_file = move |file: web_sys::File| {
        state.set(ImportState::Reading);
        spawn_local(async move {
            let Ok(bytes) = browser::read_file(&file).await else {
                state.set(ImportState::Refused(vec![Problem::unreadable()]));
                return;
            };
            // A big file takes seconds to check: the records are read in slices, with the
            // count shown and the page redrawn between them.
            browser::next_task().await;
            let mut checking = match import::begin(&bytes) {
                Ok(c) => c,
                Err(problems) => return state.set(ImportState::Refused(problems)),
            };
            loop {
                let done = checking.read(IMPORT_SLICE);
                progress.set(checking.progress());
                if !matches!(state.get_untracked(), ImportState::Checking) {
                    state.set(ImportState::Checking);
                }
                browser::next_task().await;
                if done {
                    break;
                }
            }
            // The checks across records, then the comparison with the device, each a task.
            let checked = app
                .data
                .with_untracked(|existing| checking.finish(existing));
            // The records were read in place from the file's bytes; only now can they go.
            drop(bytes);
            let b = match checked {
                Ok(b) => b,
                Err(problems) => return state.set(ImportState::Refused(problems)),
            };
            browser::next_task().await;
            let preview = app
                .data
                .with_untracked(|existing| merge::preview(existing, &b.data));
            let flags = import::flags(&b, browser::now());
            state.set(ImportState::Preview(Arc::new(b.data), preview, flags));
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            take_file(file);
        }
        input.set_value("");
    };
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            take_file(file);
        }
    };
    view! {
        <div class="card">
            <h2>{c.t(Key::ImportTitle)}</h2>
            <p>{c.t(Key::ImportHelp)}</p>
            <div class="drop-zone" class:dragging=dragging data-testid="drop-zone"
                on:dragover=move |ev| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <label class="button secondary file-button">
                    {c.t(Key::ImportChoose)}
                    <input type="file" accept=".json,application/json" class="visually-hidden"
                        data-testid="import-file" on:change=on_pick/>
                </label>
                <span class="muted">{c.t(Key::ImportDrop)}</span>
            </div>
            {move || match state.get() {
                ImportState::Idle => ().into_any(),
                ImportState::Reading => view! { <p role="status">{c.t(Key::ImportReading)}</p> }.into_any(),
                // Announced once; the count and the bar move without being read out each time.
                ImportState::Checking => view! {
                    <div data-testid="import-progress">
                        <p role="status">{c.t(Key::ImportReading)}</p>
                        <p class="muted">{move || {
                            let (done, total) = progress.get();
                            let lang = c.lang.get();
                            Key::ImportChecking.text(lang)
                                .replace("{done}", &format_number(done as f64, 0, lang))
                                .replace("{total}", &format_number(total as f64, 0, lang))
                        }}</p>
                        <progress max=move || progress.get().1 value=move || progress.get().0 aria-label=c.t(Key::ImportReading)></progress>
                    </div>
                }.into_any(),
                ImportState::Refused(problems) => view! { <Refused problems/> }.into_any(),
                ImportState::Merged(added, updated) => view! {
                    <p class="alert alert-ok" role="status" data-testid="import-done">{move || {
                        let lang = c.lang.get();
                        Key::ImportDoneMerged.text(lang)
                            .replace("{added}", &format_number(added as f64, 0, lang))
                            .replace("{updated}", &format_number(updated as f64, 0, lang))
                    }}</p>
                }.into_any(),
                ImportState::Replaced(records) => view! {
                    <p class="alert alert-ok" role="status" data-testid="import-done">{move || {
                        let lang = c.lang.get();
                        Key::ImportDoneReplaced.text(lang).replace("{records}", &format_number(records as f64, 0, lang))
                    }}</p>
                }.into_any(),
                ImportState::Preview(incoming, preview, flags) => view! {
                    <ImportPreview incoming preview flags state app/>
                }.into_any(),
            }}
        </div>
    }
}

#[component]
fn Refused(problems: Vec<Problem>) -> impl IntoView {
    let c = ctx();
    view! {
        <div class="alert alert-error" role="alert" data-testid="import-refused">
            <p><strong>{c.t(Key::ImportRefused)}</strong></p>
            <ul>
                {problems.into_iter().map(|p| {
                    let key = labels::problem(&p.kind);
                    // "$" is the whole file: a place only for problems inside it.
                    let path = (p.path != "$").then(|| p.path.clone());
                    view! {
                        <li>{c.t(key)}
                            {path.map(|path| view! { " " {c.t(Key::ProblemAt)} " " <code>{path}</code> })}
                            {move || {
                                let detail = labels::problem_detail(&p.kind, c.lang.get());
                                (!detail.is_empty()).then(|| view! { " " <small>{detail}</small> })
                            }}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// Times no right clock produces, listed before the merge (the first few, and how many more).
#[component]
fn Flags(flags: Vec<Flag>) -> impl IntoView {
    let c = ctx();
    let more = flags.len().saturating_sub(MAX_PROBLEMS);
    let key = |k: &FlagKind| match k {
        FlagKind::ExportedInFuture => Key::FlagFileFromFuture,
        FlagKind::AfterExport => Key::FlagAfterExport,
        FlagKind::UpdatedBeforeCreated => Key::FlagUpdatedBeforeCreated,
    };
    (!flags.is_empty()).then(|| view! {
        <div class="alert alert-warn" role="status" data-testid="import-flags">
            <p><strong>{c.t(Key::FlagsTitle)}</strong></p>
            <ul>
                {flags.into_iter().take(MAX_PROBLEMS).map(|f| view! {
                    <li data-flag=format!("{:?}", f.kind)>
                        <code>{f.path.clone()}</code>" "{c.t(key(&f.kind))}
                    </li>
                }).collect_view()}
            </ul>
            {(more > 0).then(|| view! {
                <p>{move || Key::FlagsMore.text(c.lang.get()).replace("{n}", &format_number(more as f64, 0, c.lang.get()))}</p>
            })}
        </div>
    })
}

#[component]
fn ImportPreview(
    incoming: Arc<Data>,
    preview: merge::Preview,
    flags: Vec<Flag>,
    state: RwSignal<ImportState>,
    app: AppData,
) -> impl IntoView {
    let c = ctx();
    let incoming = StoredValue::new(incoming);
    let busy = RwSignal::new(false);
    let total = preview.total();
    let do_merge = move |_| {
        busy.set(true);
        spawn_local(async move {
            let changes = app
                .data
                .with_untracked(|d| incoming.with_value(|i| merge::merge(d, i)));
            if app.save(changes, Vec::new()).await.is_ok() {
                state.set(ImportState::Merged(
                    total.new + total.restored,
                    total.incoming_newer,
                ));
            }
            busy.set(false);
        });
    };
    // Replacing drops what the file lacks, so it is asked for a second time.
    let confirming = RwSignal::new(false);
    let do_replace = move |_| {
        confirming.set(false);
        busy.set(true);
        spawn_local(async move {
            let records = incoming.with_value(|d| d.counts().iter().map(|(_, n)| n).sum());
            if replace_with_snapshot(app, Arc::unwrap_or_clone(incoming.get_value())).await {
                state.set(ImportState::Replaced(records));
            }
            busy.set(false);
        });
    };
    view! {
        <div data-testid="import-preview">
            <h3>{c.t(Key::ImportPreview)}</h3>
            <table>
                <thead><tr>
                    <th scope="col">{c.t(Key::PreviewCollection)}</th>
                    <th scope="col" class="num">{c.t(Key::PreviewNew)}</th>
                    <th scope="col" class="num">{c.t(Key::PreviewIdentical)}</th>
                    <th scope="col" class="num">{c.t(Key::PreviewIncomingNewer)}</th>
                    <th scope="col" class="num">{c.t(Key::PreviewExistingNewer)}</th>
                    <th scope="col" class="num">{c.t(Key::PreviewDeletedHere)}</th>
                    <th scope="col" class="num">{c.t(Key::PreviewDeletedInFile)}</th>
                    <th scope="col" class="num">{c.t(Key::PreviewRestored)}</th>
                </tr></thead>
                <tbody>
                    {preview.rows().into_iter().map(|(coll, row)| view! {
                        <tr data-collection=coll.name()>
                            <th scope="row">{c.t(labels::collection(coll))}</th>
                            <td class="num" data-col="new">{row.new}</td>
                            <td class="num" data-col="identical">{row.identical}</td>
                            <td class="num" data-col="incoming-newer">{row.incoming_newer}</td>
                            <td class="num" data-col="existing-newer">{row.existing_newer}</td>
                            <td class="num" data-col="deleted-here">{row.deleted_here}</td>
                            <td class="num" data-col="deleted-in-file">{row.deleted_in_file}</td>
                            <td class="num" data-col="restored">{row.restored}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <Flags flags/>
            <div class="choices">
                <div>
                    <button type="button" data-testid="import-merge" disabled=busy on:click=do_merge>{c.t(Key::ImportMerge)}</button>
                    <p class="muted">{c.t(Key::ImportMergeHelp)}</p>
                </div>
                <div>
                    <button type="button" class="danger" data-testid="import-replace" disabled=busy
                        aria-expanded=move || confirming.get().to_string()
                        on:click=move |_| confirming.set(true)>{c.t(Key::ImportReplace)}</button>
                    <p class="muted">{c.t(Key::ImportReplaceHelp)}</p>
                </div>
                <button type="button" class="secondary" on:click=move |_| state.set(ImportState::Idle)>{c.t(Key::Cancel)}</button>
            </div>
            <Show when=move || confirming.get()>
                <ConfirmReplace on_yes=do_replace on_no=move || confirming.set(false)/>
            </Show>
        </div>
    }
}

/// The second question before everything is replaced: in the page, read out as an alert
/// dialog, keyboard first (focus starts on keeping the data, Escape keeps it too).
#[component]
fn ConfirmReplace(
    on_yes: impl Fn(leptos::ev::MouseEvent) + Copy + 'static,
    on_no: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let c = ctx();
    let keep = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = keep.get() {
            let _ = b.focus();
        }
    });
    view! {
        <div class="confirm alert alert-warn" role="alertdialog" aria-modal="false"
            aria-labelledby="confirm-replace-title" aria-describedby="confirm-replace-body"
            data-testid="confirm-replace"
            on:keydown=move |ev| if ev.key() == "Escape" { on_no() }>
            <p id="confirm-replace-title"><strong>{c.t(Key::ConfirmReplaceTitle)}</strong></p>
            <p id="confirm-replace-body">{c.t(Key::ConfirmReplaceBody)}</p>
            <div class="row-actions">
                <button type="button" class="danger" data-testid="confirm-replace-yes" on:click=on_yes>{c.t(Key::ConfirmReplaceYes)}</button>
                <button type="button" class="secondary" data-testid="confirm-replace-no" node_ref=keep on:click=move |_| on_no()>{c.t(Key::ConfirmReplaceNo)}</button>
            </div>
        </div>
    }
}

/// Keeps what is there as a snapshot, then replaces it; nothing is replaced if the snapshot fails.
async fn replace_with_snapshot(app: AppData, data: Data) -> bool {
    let Some(s) = store() else { return false };
    let current = app.data.with_untracked(backup_json);
    if let Err(e) = s
        .save_snapshot(&rfc3339::format(&browser::now()), &current)
        .await
    {
        app.save_error.set(Some(e));
        return false;
    }
    app.replace(data).await.is_ok()
}

#[component]
fn SnapshotsCard() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let keys = RwSignal::new(Vec::<String>::new());
    let message = RwSignal::new(None::<Key>);
    let refresh = move || {
        spawn_local(async move {
            if let Some(s) = store() {
                keys.set(s.snapshot_keys().await.unwrap_or_default());
            }
        })
    };
    Effect::new(move |_| {
        app.data.track();
        refresh();
    });
    let restore = move |key: String| {
        spawn_local(async move {
            let Some(s) = store() else { return };
            let Ok(Some(json)) = s.read_snapshot(&key).await else {
                return;
            };
            match import::parse(json.as_bytes(), &Data::default()) {
                Ok(b) => {
                    if replace_with_snapshot(app, b.data).await {
                        message.set(Some(Key::SnapshotRestored));
                    }
                }
                Err(_) => app
                    .save_error
                    .set(Some(crate::storage::StoreError::Corrupt(key))),
            }
        })
    };
    view! {
        <div class="card" data-testid="snapshots">
            <h2>{c.t(Key::SnapshotsTitle)}</h2>
            <p class="muted">{c.t(Key::SnapshotsHelp)}</p>
            {move || message.get().map(|k| view! { <p class="alert alert-ok" role="status">{c.t(k)}</p> })}
            <Show when=move || keys.with(Vec::is_empty)>
                <p>{c.t(Key::SnapshotsNone)}</p>
            </Show>
            <ul class="snapshot-list">
                {move || keys.get().into_iter().rev().map(|k| {
                    let label = rfc3339::parse(&k)
                        .map(|t| format_datetime(t, browser::utc_offset_at(t), c.lang.get()))
                        .unwrap_or_else(|| k.clone());
                    let key = k.clone();
                    view! {
                        <li>
                            <span>{label}</span>
                            <button type="button" class="secondary" data-testid="snapshot-restore"
                                on:click=move |_| restore(key.clone())>{c.t(Key::SnapshotRestore)}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

#[component]
fn DemoCard() -> impl IntoView {
    let c = ctx();
    let app = app_data();
    let done = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let load = move |_| {
        busy.set(true);
        spawn_local(async move {
            let demo = demo::for_app(browser::now(), c.lang.get_untracked());
            let changes = app.data.with_untracked(|d| merge::merge(d, &demo));
            done.set(app.save(changes, Vec::new()).await.is_ok());
            busy.set(false);
        });
    };
    view! {
        <div class="card">
            <h2>{c.t(Key::DemoTitle)}</h2>
            <p>{c.t(Key::DemoHelp)}</p>
            <button type="button" data-testid="load-demo" disabled=busy on:click=load>{c.t(Key::DemoButton)}</button>
            <Show when=move || done.get()>
                <p class="alert alert-ok" role="status" data-testid="demo-loaded">{c.t(Key::DemoLoaded)}</p>
            </Show>
        </div>
    }
}
