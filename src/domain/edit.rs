//! Saving an edit of a record: the time it is stamped with, and what happens when the
//! record was changed elsewhere (another tab) after the form read it.

use super::data::Record;
use super::model::Time;
use chrono::Duration;
use serde_json::Value;

/// The `updated_at` of an edit of a version last changed at `previous`: now, but always
/// after `previous`. A clock that went back, or a version stamped by a clock ahead, would
/// otherwise let the older version win the merge over this edit.
pub fn edited_at(previous: Time, now: Time) -> Time {
    now.max(previous + Duration::milliseconds(1))
}

/// `record` stamped as edited now, after `previous`.
pub fn stamped<R: Record>(mut record: R, previous: Time, now: Time) -> R {
    record.set_updated_at(edited_at(previous, now));
    record
}

/// What a form's save writes.
#[derive(Clone, Debug, PartialEq)]
pub enum Rebased<R> {
    /// The stored version with this form's changes on top, stamped.
    Write(R),
    /// A field this form changed was changed elsewhere too, differently: writing either
    /// would drop the other silently, so the person chooses (`stamped` keeps theirs).
    Conflict,
}

/// A form read `base` and made it `mine`; `stored` is the version stored now (`None` when
/// it was deleted meanwhile, which the edit undoes: it is the later change). The form's
/// changed fields — top-level fields of the record — are put on `stored`: edits of
/// different fields in two tabs both survive.
pub fn rebase<R: Record>(base: &R, mine: R, stored: Option<&R>, now: Time) -> Rebased<R> {
    let Some(stored) = stored.filter(|s| *s != base) else {
        return Rebased::Write(stamped(mine, base.updated_at(), now));
    };
    let previous = stored.updated_at();
    let (Value::Object(base), Value::Object(mut out), Value::Object(ours)) =
        (to_value(base), to_value(stored), to_value(&mine))
    else {
        return Rebased::Conflict;
    };
    for (field, value) in ours {
        let before = base.get(&field);
        if field == "updated_at" || before == Some(&value) {
            continue;
        }
        match out.get(&field) {
            Some(theirs) if before != Some(theirs) && *theirs != value => return Rebased::Conflict,
            _ => {
                out.insert(field, value);
            }
        }
    }
    // Through text, not `from_value`: a second `Deserialize` per record type (for `Value`)
    // would cost the wasm tens of KB for this rare path; text reads with storage's own.
    match serde_json::from_str::<R>(&Value::Object(out).to_string()) {
        Ok(r) => Rebased::Write(stamped(r, previous, now)),
        Err(_) => Rebased::Conflict,
    }
}

fn to_value<R: Record>(r: &R) -> Value {
    serde_json::to_string(r)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Id, Staff};
    use chrono::NaiveDate;

    fn at(ms: i64) -> Time {
        chrono::DateTime::from_timestamp_millis(1_790_000_000_000 + ms).unwrap()
    }

    fn staff() -> Staff {
        Staff {
            id: Id::from_u128(1),
            created_at: at(0),
            updated_at: at(0),
            name: "王芳".into(),
            role_id: None,
            joined_on: None,
            left_on: None,
        }
    }

    #[test]
    fn an_edit_is_stamped_after_the_version_it_changes() {
        assert_eq!(edited_at(at(0), at(500)), at(500));
        // The clock went back, or the version came from a clock ahead.
        assert_eq!(edited_at(at(900), at(500)), at(901));
        assert_eq!(edited_at(at(500), at(500)), at(501));
    }

    #[test]
    fn two_tabs_editing_different_fields_both_survive() {
        let base = staff();
        // Tab A renamed; tab B, still showing the old name, sets the day they left.
        let stored = Staff {
            name: "王芳芳".into(),
            updated_at: at(10),
            ..base.clone()
        };
        let left = NaiveDate::from_ymd_opt(2026, 11, 30);
        let mine = Staff {
            left_on: left,
            ..base.clone()
        };
        let Rebased::Write(s) = rebase(&base, mine, Some(&stored), at(5)) else {
            panic!("no conflict: different fields");
        };
        assert_eq!((s.name.as_str(), s.left_on), ("王芳芳", left));
        assert_eq!(
            s.updated_at,
            at(11),
            "after the stored version, though the clock says 5"
        );
    }

    #[test]
    fn the_same_field_changed_in_two_tabs_is_a_conflict() {
        let base = staff();
        let stored = Staff {
            name: "A".into(),
            updated_at: at(10),
            ..base.clone()
        };
        let mine = Staff {
            name: "B".into(),
            ..base.clone()
        };
        assert_eq!(
            rebase(&base, mine.clone(), Some(&stored), at(20)),
            Rebased::Conflict
        );
        // Both made the same change: nothing is lost.
        let same = Staff {
            name: "A".into(),
            ..base.clone()
        };
        assert!(matches!(
            rebase(&base, same, Some(&stored), at(20)),
            Rebased::Write(_)
        ));
        // Keeping mine is stamped after theirs.
        assert_eq!(stamped(mine, stored.updated_at, at(5)).updated_at, at(11));
    }

    #[test]
    fn nothing_changed_elsewhere_writes_the_form() {
        let base = staff();
        let mine = Staff {
            name: "新".into(),
            ..base.clone()
        };
        assert_eq!(
            rebase(&base, mine.clone(), Some(&base), at(7)),
            Rebased::Write(Staff {
                updated_at: at(7),
                ..mine.clone()
            })
        );
        assert!(matches!(
            rebase(&base, mine, None, at(7)),
            Rebased::Write(_)
        ));
    }

    #[test]
    fn a_question_added_in_another_tab_is_never_dropped_silently() {
        use crate::domain::model::QuestionKind;
        use crate::domain::survey_fixtures::{day, question, version};
        let base = version(vec![question(QuestionKind::Stars, None)]);
        // Tab A added a question and saved.
        let mut stored = base.clone();
        stored.questions.push(question(QuestionKind::Nps, None));
        stored.updated_at = day(2);
        // Tab B edited question 1 of what it read.
        let mut mine = base.clone();
        mine.questions[0].required = true;
        assert_eq!(
            rebase(&base, mine, Some(&stored), day(3)),
            Rebased::Conflict
        );
        // Tab B changed nothing in the questions (the survey's name, say): A's stay.
        let Rebased::Write(v) = rebase(&base, base.clone(), Some(&stored), day(3)) else {
            panic!("nothing to lose");
        };
        assert_eq!(v.questions, stored.questions);
    }
}
