//! Charts as SVG strings: pure functions of already-translated labels and numbers, so they
//! are tested natively, drawn crisply at any size (`viewBox`) and downloadable as files.

pub mod radar;
pub mod svg;
pub mod swimlane;
