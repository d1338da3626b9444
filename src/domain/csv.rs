//! CSV as Excel and WPS open it: RFC 4180 quoting, CRLF line ends, UTF-8 with a byte-order
//! mark by default (without it Excel reads Chinese as mojibake), and text that a spreadsheet
//! would run as a formula neutralised with a leading `'`. Numbers stay numbers.

use super::table::{Cell, Table};

pub const BOM: &str = "\u{feff}";

/// Text starting with one of these is a formula (or DDE) to a spreadsheet.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

pub fn write(table: &Table, with_bom: bool) -> String {
    let mut out = String::new();
    if with_bom {
        out.push_str(BOM);
    }
    let header: Vec<Cell> = table
        .columns
        .iter()
        .map(|c| Cell::text(c.as_str()))
        .collect();
    for row in std::iter::once(&header).chain(&table.rows) {
        let fields: Vec<String> = row.iter().map(field).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

fn field(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Number(v) if v.is_finite() => number(*v),
        Cell::Number(_) => String::new(),
        Cell::DateTime(t) => t.format("%Y-%m-%d %H:%M:%S").to_string(),
        Cell::Text(s) => quote(&neutralise(s)),
    }
}

/// Whole numbers without a decimal point; others with as many digits as they need.
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn neutralise(s: &str) -> String {
    if s.starts_with(FORMULA_START) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn quote(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn table(rows: Vec<Vec<Cell>>) -> Table {
        Table {
            name: "t".into(),
            columns: vec!["a".into(), "b,c".into()],
            rows,
        }
    }

    #[test]
    fn quoting_line_ends_and_bom() {
        let t = table(vec![vec![
            Cell::text("汤太咸,还\"凉\"\n了"),
            Cell::Number(4.0),
        ]]);
        let csv = write(&t, true);
        assert_eq!(
            csv,
            "\u{feff}a,\"b,c\"\r\n\"汤太咸,还\"\"凉\"\"\n了\",4\r\n"
        );
        assert!(!write(&t, false).starts_with(BOM));
    }

    #[test]
    fn formulas_are_neutralised_in_text_only() {
        let t = table(vec![
            vec![Cell::text("=1+1"), Cell::Number(-3.5)],
            vec![Cell::text("+86 138"), Cell::text("-x")],
            vec![Cell::text("@SUM(A1)"), Cell::text("\tx")],
            vec![Cell::text("\rx"), Cell::text("a=b")],
        ]);
        let csv = write(&t, false);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[1], "'=1+1,-3.5", "a negative number is a number");
        assert_eq!(lines[2], "'+86 138,'-x");
        assert_eq!(lines[3], "'@SUM(A1),'\tx");
        // A neutralised CR still needs quotes; only a leading sign counts.
        assert_eq!(lines[4], "\"'\rx\",a=b");
    }

    #[test]
    fn numbers_dates_and_empties() {
        let at = NaiveDate::from_ymd_opt(2026, 11, 30)
            .unwrap()
            .and_hms_opt(23, 30, 5)
            .unwrap();
        let t = table(vec![
            vec![Cell::DateTime(at), Cell::Number(1.0 / 3.0)],
            vec![Cell::Empty, Cell::Number(f64::NAN)],
            vec![Cell::Number(1200.0), Cell::number(None)],
        ]);
        let csv = write(&t, false);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[1], "2026-11-30 23:30:05,0.3333333333333333");
        assert_eq!(lines[2], ",");
        assert_eq!(lines[3], "1200,");
    }
}
