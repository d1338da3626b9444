//! A table of typed cells: what every export (CSV, XLSX) and every chart's table twin is made
//! from, so they cannot disagree.

use chrono::NaiveDateTime;

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Number(f64),
    /// A local date-time (the device's zone; the table carries the offset in its own column).
    DateTime(NaiveDateTime),
    Text(String),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub fn number(v: Option<f64>) -> Cell {
        v.map_or(Cell::Empty, Cell::Number)
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// Also the sheet's name in a workbook and part of the file name.
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}
