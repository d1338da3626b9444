//! The export tables on small hand-made data: columns, codes or labels, local times.

use super::*;
use crate::domain::feedback as fb;
use crate::domain::survey_fixtures::{question, response, version};
use chrono::{TimeZone, Utc};

fn span() -> Span {
    Span {
        instants: Utc.with_ymd_and_hms(2026, 10, 1, 0, 0, 0).unwrap()
            ..Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap(),
        days: (
            chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
        ),
    }
}

fn plus8() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap()
}

fn label(l: Label) -> String {
    format!("L:{}", l.code())
}

fn zh(t: &LocalText) -> String {
    t.zh.clone()
}

fn naming(codes: bool) -> Naming<'static> {
    Naming {
        codes,
        label: &label,
        text: &zh,
    }
}

fn data() -> (Data, Id) {
    let mut stars = question(QuestionKind::Stars, None);
    stars.text = LocalText::new("总体满意度", "Overall");
    stars.follow_up = Some(LocalText::new("哪里不好?", "What went wrong?"));
    let mut dish = question(QuestionKind::MultipleChoice, None);
    dish.text = LocalText::new("点了什么", "Ordered");
    dish.options = vec![
        LocalText::new("面", "Noodles"),
        LocalText::new("饭", "Rice"),
    ];
    let v = version(vec![stars.clone(), dish.clone()]);
    let survey = Survey {
        id: v.survey_id,
        created_at: v.created_at,
        updated_at: v.created_at,
        name: LocalText::new("餐后评价", "After dinner"),
        kind: SurveyKind::Instant,
        archived: false,
    };
    let anna = Id::from_u128(7);
    let mut r = response(&v, Some(anna), 31, &[(stars.id, 2)]);
    // 20:00 UTC on 31 October is 04:00 on 1 November in UTC+8; the file says both.
    r.submitted_at = Utc.with_ymd_and_hms(2026, 10, 31, 20, 0, 0).unwrap();
    r.answers.insert(dish.id, Answer::Choices(vec![1]));
    r.follow_ups.insert(stars.id, "汤凉了, \"很\"慢".into());
    let created = r.created_at;
    let d = Data {
        surveys: vec![survey],
        survey_versions: vec![v],
        responses: vec![r],
        staff: vec![Staff {
            id: anna,
            created_at: created,
            updated_at: created,
            name: "Anna".into(),
            role_id: None,
            joined_on: None,
            left_on: None,
        }],
        ..Data::default()
    };
    (d, anna)
}

#[test]
fn responses_one_row_each_one_column_per_question() {
    let (d, _) = data();
    let t = responses(
        &d,
        &span(),
        &Filter::default(),
        plus8(),
        &naming(false),
        MultiChoice::OneColumn,
    );
    assert_eq!(
        t.columns,
        [
            "L:id",
            "L:local_time",
            "L:utc_offset",
            "L:survey",
            "L:version",
            "L:staff",
            "L:process",
            "L:visit_code",
            "L:device",
            "L:location",
            "总体满意度",
            "总体满意度 (L:follow_up)",
            "点了什么",
        ]
    );
    assert_eq!(t.rows.len(), 1);
    let row = &t.rows[0];
    let local = chrono::NaiveDate::from_ymd_opt(2026, 11, 1)
        .unwrap()
        .and_hms_opt(4, 0, 0)
        .unwrap();
    assert_eq!(row[1], Cell::DateTime(local));
    assert_eq!(row[2], Cell::text("+08:00"));
    assert_eq!(row[3], Cell::text("餐后评价"));
    assert_eq!(row[4], Cell::Number(1.0));
    assert_eq!(row[5], Cell::text("Anna"));
    assert_eq!(
        row[9],
        Cell::Empty,
        "a single shop's response has no location"
    );
    assert_eq!(row[10], Cell::Number(2.0), "a score is a number");
    assert_eq!(row[11], Cell::text("汤凉了, \"很\"慢"));
    assert_eq!(row[12], Cell::text("饭"));
}

#[test]
fn multiple_choice_as_zero_one_columns_and_codes() {
    let (d, _) = data();
    let t = responses(
        &d,
        &span(),
        &Filter::default(),
        plus8(),
        &naming(true),
        MultiChoice::ColumnPerOption,
    );
    assert_eq!(&t.columns[..3], ["id", "local_time", "utc_offset"]);
    assert_eq!(&t.columns[12..], ["点了什么: 面", "点了什么: 饭"]);
    assert_eq!(&t.rows[0][12..], [Cell::Number(0.0), Cell::Number(1.0)]);
    let one = responses(
        &d,
        &span(),
        &Filter::default(),
        plus8(),
        &naming(true),
        MultiChoice::OneColumn,
    );
    assert_eq!(
        one.rows[0][12],
        Cell::text("2"),
        "codes are 1-based option numbers"
    );
}

#[test]
fn filters_narrow_the_export() {
    let (d, anna) = data();
    let other = Filter {
        staff: Some(Id::from_u128(8)),
        ..Filter::default()
    };
    assert!(responses(
        &d,
        &span(),
        &other,
        plus8(),
        &naming(true),
        MultiChoice::OneColumn
    )
    .rows
    .is_empty());
    let hers = Filter {
        staff: Some(anna),
        ..Filter::default()
    };
    assert_eq!(
        responses(
            &d,
            &span(),
            &hers,
            plus8(),
            &naming(true),
            MultiChoice::OneColumn
        )
        .rows
        .len(),
        1
    );
}

#[test]
fn feedback_with_codes_or_labels() {
    let (mut d, _) = data();
    let at = Utc.with_ymd_and_hms(2026, 10, 3, 1, 0, 0).unwrap();
    let mut c = fb::open(
        FeedbackKind::Complaint,
        Channel::Phone,
        "=cmd".into(),
        Id::from_u128(1),
        at,
    );
    c.root_cause = Some(RootCause::Equipment);
    d.feedback.push(c);
    let codes = feedback(&d, &span(), &Filter::default(), plus8(), &naming(true));
    assert_eq!(codes.columns[3..6], ["kind", "channel", "status"]);
    assert_eq!(
        codes.rows[0][3..6],
        [
            Cell::text("complaint"),
            Cell::text("phone"),
            Cell::text("open")
        ]
    );
    assert_eq!(
        codes.rows[0][6],
        Cell::text("=cmd"),
        "neutralising is the writer's job"
    );
    assert_eq!(codes.rows[0][10], Cell::text("equipment"));
    let labels = feedback(&d, &span(), &Filter::default(), plus8(), &naming(false));
    assert_eq!(labels.rows[0][4], Cell::text("L:phone"));
    assert_eq!(Label::Column(Col::FirstResponse).code(), "first_response");
}

#[test]
fn kpi_summary_has_target_previous_and_change() {
    let now = BTreeMap::from([(
        Kpi::Csat,
        Value {
            value: Some(90.0),
            n: 40,
        },
    )]);
    let before = BTreeMap::from([(
        Kpi::Csat,
        Value {
            value: Some(85.0),
            n: 35,
        },
    )]);
    let t = kpi_summary(
        &now,
        &before,
        &|k| (k == Kpi::Csat).then_some(92.0),
        &naming(true),
    );
    assert_eq!(
        t.columns,
        ["kpi", "value", "n", "target", "previous", "change"]
    );
    assert_eq!(
        t.rows[0],
        [
            Cell::text("csat"),
            Cell::Number(90.0),
            Cell::Number(40.0),
            Cell::Number(92.0),
            Cell::Number(85.0),
            Cell::Number(5.0),
        ]
    );
    let empty = kpi_summary(&now, &BTreeMap::new(), &|_| None, &naming(true));
    assert_eq!(
        empty.rows[0][4..],
        [Cell::Empty, Cell::Empty],
        "no previous data: no change"
    );
}
