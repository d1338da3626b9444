//! The pure domain core: records, rules, KPIs, import / merge / migrate. No `web-sys`, no
//! clock ("now" is an argument), no display text (it returns enums and codes).

pub mod alerts;
pub mod audit;
pub mod backup;
pub mod bilingual;
pub mod capabilities;
pub mod capability;
pub mod csv;
pub mod dashboard;
pub mod data;
pub mod demo;
pub mod drill;
pub mod edit;
pub mod exports;
pub mod feedback;
pub mod import;
pub mod improvement;
pub mod instruments;
pub mod kiosk;
pub mod kpi;
pub mod locations;
mod lookup;
pub mod merge;
pub mod migrate;
pub mod model;
pub mod period;
pub mod period_choice;
pub mod pin;
pub mod process_analysis;
pub mod process_diff;
pub mod process_edit;
pub mod process_library;
pub mod process_run;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;
pub mod rfc3339;
pub mod scoring;
pub mod sort;
pub mod start;
pub mod stats;
pub mod step_health;
pub mod survey_edit;
#[cfg(test)]
mod survey_fixtures;
pub mod survey_results;
pub mod sync;
pub mod table;
pub mod templates;
pub mod tombstone;
pub mod visit_link;
pub mod xlsx;

pub use data::{Collection, Data, PairVisitor, Record, Visitor, VisitorMut};
