//! The workbook read back by a real reader (calamine), cell by cell and type by type.

use super::*;
use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use std::io::Cursor;

fn tables() -> Vec<Table> {
    let at = NaiveDate::from_ymd_opt(2026, 11, 30)
        .unwrap()
        .and_hms_opt(23, 30, 0)
        .unwrap();
    vec![
        Table {
            name: "答卷 responses".into(),
            columns: vec!["when".into(), "score".into(), "comment".into()],
            rows: vec![
                vec![
                    Cell::DateTime(at),
                    Cell::Number(4.5),
                    Cell::text("汤太咸,还\"凉\"\n了 <b>&"),
                ],
                vec![Cell::Empty, Cell::Number(-2.0), Cell::text("=1+1")],
            ],
        },
        Table {
            // Forbidden characters go; a clash in case gets a number.
            name: "runs/[all]".into(),
            columns: vec!["x".into()],
            rows: vec![vec![Cell::text("bell \u{7} gone")]],
        },
        Table {
            name: "RUNSALL".into(),
            columns: vec!["y".into()],
            rows: vec![],
        },
    ]
}

#[test]
fn a_real_reader_opens_every_sheet_with_typed_cells() {
    let bytes = write(&tables());
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("a valid workbook");
    assert_eq!(
        book.sheet_names(),
        vec!["答卷 responses", "runsall", "RUNSALL 2"]
    );
    let sheet = book.worksheet_range("答卷 responses").unwrap();
    assert_eq!(sheet.get_size(), (3, 3));
    assert_eq!(sheet.get_value((0, 1)), Some(&Data::String("score".into())));
    match sheet.get_value((1, 0)) {
        Some(Data::DateTime(d)) => {
            let expected = 46_356.0 + 23.5 / 24.0;
            assert!((d.as_f64() - expected).abs() < 1e-9, "{}", d.as_f64());
            assert!(d.is_datetime());
        }
        other => panic!("a date cell, got {other:?}"),
    }
    assert_eq!(sheet.get_value((1, 1)), Some(&Data::Float(4.5)));
    assert_eq!(
        sheet.get_value((1, 2)),
        Some(&Data::String("汤太咸,还\"凉\"\n了 <b>&".into()))
    );
    assert_eq!(sheet.get_value((2, 0)), Some(&Data::Empty));
    assert_eq!(sheet.get_value((2, 1)), Some(&Data::Float(-2.0)));
    // Text that looks like a formula is text, not a formula.
    assert_eq!(sheet.get_value((2, 2)), Some(&Data::String("=1+1".into())));
    let formulas = book.worksheet_formula("答卷 responses").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    let second = book.worksheet_range("runsall").unwrap();
    assert_eq!(
        second.get_value((1, 0)),
        Some(&Data::String("bell  gone".into()))
    );
}

#[test]
fn columns_and_crc() {
    assert_eq!(column(0), "A");
    assert_eq!(column(25), "Z");
    assert_eq!(column(26), "AA");
    assert_eq!(column(701), "ZZ");
    assert_eq!(column(702), "AAA");
    // The check value of CRC-32/ISO-HDLC.
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
}
