//! Charts as SVG strings: pure functions of already-translated labels and numbers, so they
//! are tested natively, drawn crisply at any size (`viewBox`) and downloadable as files.

pub mod heatmap;
pub mod pareto;
pub mod plot;
pub mod radar;
pub mod svg;
pub mod swimlane;
pub mod trend;

/// Why a chart could not be drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartError {
    /// Nothing to draw: no buckets, no rows, no hours.
    Empty,
    /// One value per bucket is needed.
    Length { buckets: usize, values: usize },
    /// A colour scale whose ends are equal or not numbers.
    BadScale,
    /// `plotters` refused to draw (not expected with a string target).
    Draw,
}

impl<E: std::error::Error + Send + Sync> From<plotters::drawing::DrawingAreaErrorKind<E>>
    for ChartError
{
    fn from(_: plotters::drawing::DrawingAreaErrorKind<E>) -> Self {
        ChartError::Draw
    }
}
