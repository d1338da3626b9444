//! Files the user downloads are named after the business and the day, like the backup.

use super::app_data::app_data;
use super::browser;
use crate::domain::backup;
use leptos::prelude::*;

/// Downloads an SVG chart as `serviceflow-<business>-<date>-<suffix>.svg`; the suffix (a
/// person's name, say) is made file-safe like the business name.
pub fn download_svg(suffix: &str, svg: &str) {
    let name = app_data().data.with_untracked(|d| {
        let business = d
            .workspace()
            .map(|w| w.business_name.clone())
            .unwrap_or_default();
        backup::file_name(&business, browser::today())
            .replace(".json", &format!("-{}.svg", backup::slug(suffix)))
    });
    let _ = browser::download(&name, svg, "image/svg+xml");
}
