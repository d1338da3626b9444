//! A section whose feature has not landed yet says what it will hold.

use super::{ctx, shell::nav_key};
use crate::i18n::Key;
use crate::route::Section;
use leptos::prelude::*;

fn about_key(section: Section) -> Key {
    match section {
        Section::Dashboard => Key::AboutDashboard,
        Section::Processes => Key::AboutProcesses,
        Section::Surveys => Key::AboutSurveys,
        Section::Feedback => Key::AboutFeedback,
        Section::Staff => Key::AboutStaff,
        Section::Improvement => Key::AboutImprovement,
        Section::Reports => Key::AboutReports,
        Section::Data => Key::AboutData,
        Section::Settings => Key::AboutSettings,
    }
}

#[component]
pub fn SectionPage(section: Section) -> impl IntoView {
    let c = ctx();
    view! {
        <section class="page" data-page=section.slug()>
            <h1>{c.t(nav_key(section))}</h1>
            <p class="lead">{c.t(about_key(section))}</p>
            <p class="muted">{c.t(Key::ComingSoon)}</p>
        </section>
    }
}
