//! The pure domain core: records, rules, KPIs, import / merge / migrate. No `web-sys`, no
//! clock ("now" is an argument), no display text (it returns enums and codes).

pub mod bilingual;
pub mod capabilities;
pub mod data;
pub mod demo;
pub mod instruments;
pub mod model;
pub mod templates;

pub use data::{Collection, Data, PairVisitor, Record, Visitor, VisitorMut};
