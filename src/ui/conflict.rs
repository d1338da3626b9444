//! The question a form asks when a field it changed was changed elsewhere (another tab) since
//! it was read: load theirs, or keep mine. Never decided silently (`domain::edit::rebase`).

use super::ctx;
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn ConflictPrompt(
    on_reload: impl Fn() + Copy + 'static,
    on_keep: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let c = ctx();
    view! {
        <div class="alert alert-warn" role="alert" data-testid="conflict">
            <p>{c.t(Key::ConflictChangedElsewhere)}</p>
            <div class="row-actions">
                <button type="button" data-testid="conflict-reload" on:click=move |_| on_reload()>{c.t(Key::ConflictReload)}</button>
                <button type="button" class="secondary" data-testid="conflict-keep" on:click=move |_| on_keep()>{c.t(Key::ConflictKeepMine)}</button>
            </div>
        </div>
    }
}
