//! Editing a survey's questions. A version nobody has answered yet is changed in place; once
//! a response exists, saving publishes a new version and retires the old one, so every
//! response keeps the exact questions it answered.

use super::data::Data;
use super::model::*;

/// Why questions cannot be saved, per question (or for the whole survey).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionIssue {
    pub question_id: Option<Id>,
    pub kind: QuestionIssueKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionIssueKind {
    /// Neither the Chinese nor the English text is written.
    EmptyText,
    /// A choice question needs at least two named options.
    TooFewOptions,
    /// The follow-up threshold lies outside the question's scale, or the kind has no scale.
    BadThreshold,
    /// A follow-up threshold without a follow-up text, or the other way round.
    HalfFollowUp,
    NoQuestions,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Saved {
    /// The unanswered version was changed in place.
    Updated(SurveyVersion),
    /// A new version; the previous one, retired, is the second.
    NewVersion(SurveyVersion, SurveyVersion),
}

/// A blank question of `kind`; scored kinds ask "what went wrong?" at their low end.
pub fn new_question(kind: QuestionKind, id: Id) -> Question {
    let options = match kind {
        QuestionKind::SingleChoice | QuestionKind::MultipleChoice => {
            vec![LocalText::default(), LocalText::default()]
        }
        _ => Vec::new(),
    };
    Question {
        id,
        kind,
        text: LocalText::default(),
        required: false,
        options,
        dimension: None,
        step_ids: Vec::new(),
        follow_up: None,
        follow_up_at_or_below: None,
        servqual: None,
    }
}

fn blank(t: &LocalText) -> bool {
    t.zh.trim().is_empty() && t.en.trim().is_empty()
}

pub fn validate(questions: &[Question]) -> Vec<QuestionIssue> {
    let mut issues = Vec::new();
    if questions.is_empty() {
        issues.push(QuestionIssue {
            question_id: None,
            kind: QuestionIssueKind::NoQuestions,
        });
    }
    for q in questions {
        let mut add = |kind| {
            issues.push(QuestionIssue {
                question_id: Some(q.id),
                kind,
            })
        };
        if blank(&q.text) {
            add(QuestionIssueKind::EmptyText);
        }
        let choice = matches!(
            q.kind,
            QuestionKind::SingleChoice | QuestionKind::MultipleChoice
        );
        if choice && q.options.iter().filter(|o| !blank(o)).count() < 2 {
            add(QuestionIssueKind::TooFewOptions);
        }
        if let Some(at) = q.follow_up_at_or_below {
            let inside = q
                .kind
                .scale()
                .is_some_and(|(lo, hi)| (lo..=hi).contains(&at));
            if !inside {
                add(QuestionIssueKind::BadThreshold);
            }
        }
        let has_text = q.follow_up.as_ref().is_some_and(|t| !blank(t));
        if has_text != q.follow_up_at_or_below.is_some() {
            add(QuestionIssueKind::HalfFollowUp);
        }
    }
    issues
}

/// The version the kiosk shows: the newest published one.
pub fn current(d: &Data, survey_id: Id) -> Option<&SurveyVersion> {
    d.survey_versions
        .iter()
        .filter(|v| v.survey_id == survey_id && v.status == VersionStatus::Published)
        .max_by_key(|v| v.number)
}

/// Saves `questions` as the survey's current questions. Options left blank are dropped.
pub fn save(
    d: &Data,
    survey_id: Id,
    mut questions: Vec<Question>,
    new_id: Id,
    now: Time,
) -> Result<Saved, Vec<QuestionIssue>> {
    for q in &mut questions {
        q.options.retain(|o| !blank(o));
        if q.follow_up.as_ref().is_some_and(blank) {
            q.follow_up = None;
        }
    }
    let issues = validate(&questions);
    if !issues.is_empty() {
        return Err(issues);
    }
    let Some(latest) = current(d, survey_id) else {
        let number = 1;
        return Ok(Saved::Updated(version(
            new_id, survey_id, number, questions, now,
        )));
    };
    let answered = d.responses.iter().any(|r| r.survey_version_id == latest.id);
    if !answered {
        return Ok(Saved::Updated(SurveyVersion {
            questions,
            updated_at: super::edit::edited_at(latest.updated_at, now),
            ..latest.clone()
        }));
    }
    let newest = d
        .survey_versions
        .iter()
        .filter(|v| v.survey_id == survey_id)
        .map(|v| v.number)
        .max()
        .unwrap_or(latest.number);
    let retired = SurveyVersion {
        status: VersionStatus::Retired,
        updated_at: super::edit::edited_at(latest.updated_at, now),
        ..latest.clone()
    };
    Ok(Saved::NewVersion(
        version(new_id, survey_id, newest + 1, questions, now),
        retired,
    ))
}

fn version(
    id: Id,
    survey_id: Id,
    number: u32,
    questions: Vec<Question>,
    now: Time,
) -> SurveyVersion {
    SurveyVersion {
        id,
        created_at: now,
        updated_at: now,
        survey_id,
        number,
        status: VersionStatus::Published,
        questions,
    }
}

/// Names compare without case or surrounding blanks; an empty half matches nothing.
fn same(a: &str, b: &str) -> bool {
    let a = a.trim();
    !a.is_empty() && a.to_lowercase() == b.trim().to_lowercase()
}

/// Whether a survey other than `except` already has this name in either language. Archived
/// surveys count: their results are still listed under their name.
pub fn name_taken(surveys: &[Survey], name: &LocalText, except: Option<Id>) -> bool {
    surveys
        .iter()
        .filter(|s| Some(s.id) != except)
        .any(|s| same(&name.zh, &s.name.zh) || same(&name.en, &s.name.en))
}

/// `name` as it is when free, else numbered "(2)", "(3)", … in both languages: a second copy
/// of an instrument must be told apart in the list and the kiosk.
pub fn unique_name(surveys: &[Survey], name: &LocalText) -> LocalText {
    let numbered = |n: usize| {
        let add = |t: &str| {
            if t.trim().is_empty() {
                String::new()
            } else {
                format!("{} ({n})", t.trim())
            }
        };
        LocalText {
            zh: add(&name.zh),
            en: add(&name.en),
        }
    };
    if !name_taken(surveys, name, None) {
        return name.clone();
    }
    (2..)
        .map(numbered)
        .find(|n| !name_taken(surveys, n, None))
        .unwrap_or_else(|| name.clone())
}

/// Moves question `index` one place up (`-1`) or down (`1`); out of range does nothing.
pub fn move_question(questions: &mut [Question], index: usize, by: isize) {
    let Some(to) = index.checked_add_signed(by) else {
        return;
    };
    if to < questions.len() && index < questions.len() {
        questions.swap(index, to);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::survey_fixtures::{day, question, response, version as fixture};

    fn id(n: u128) -> Id {
        Id::from_u128(n)
    }

    fn named(kind: QuestionKind) -> Question {
        let mut q = question(kind, None);
        q.text = LocalText::new("服务如何?", "How was the service?");
        q
    }

    fn data() -> (Data, Id) {
        let v = fixture(vec![named(QuestionKind::Stars)]);
        let survey = v.survey_id;
        (
            Data {
                survey_versions: vec![v],
                ..Data::default()
            },
            survey,
        )
    }

    #[test]
    fn an_unanswered_version_changes_in_place() {
        let (d, survey) = data();
        let old = d.survey_versions[0].clone();
        let mut qs = old.questions.clone();
        qs.push(named(QuestionKind::Text));
        let Ok(Saved::Updated(v)) = save(&d, survey, qs, id(9), day(20)) else {
            panic!("expected an in-place update");
        };
        assert_eq!((v.id, v.number, v.questions.len()), (old.id, 1, 2));
        assert_eq!(v.updated_at, day(20));
    }

    #[test]
    fn a_save_on_a_clock_behind_is_still_the_later_version() {
        let (d, survey) = data();
        let old = d.survey_versions[0].clone();
        let behind = old.updated_at - chrono::Duration::days(3);
        let Ok(Saved::Updated(v)) = save(&d, survey, old.questions.clone(), id(9), behind) else {
            panic!("expected an in-place update");
        };
        assert!(v.updated_at > old.updated_at);
    }

    #[test]
    fn an_answered_version_is_kept_and_a_new_one_published() {
        let (mut d, survey) = data();
        let old = d.survey_versions[0].clone();
        d.responses
            .push(response(&old, None, 3, &[(old.questions[0].id, 4)]));
        let mut qs = old.questions.clone();
        qs[0].text.en = "How was your visit?".into();
        let Ok(Saved::NewVersion(new, retired)) = save(&d, survey, qs, id(9), day(20)) else {
            panic!("expected a new version");
        };
        assert_eq!(
            (new.id, new.number, new.status),
            (id(9), 2, VersionStatus::Published)
        );
        assert_eq!(new.questions[0].text.en, "How was your visit?");
        // The old version keeps its questions; only its status changes.
        assert_eq!(retired.id, old.id);
        assert_eq!(retired.status, VersionStatus::Retired);
        assert_eq!(retired.questions, old.questions);
    }

    #[test]
    fn problems_are_found_per_question() {
        let (d, survey) = data();
        let mut empty = named(QuestionKind::SingleChoice);
        empty.text = LocalText::default();
        empty.options = vec![LocalText::new("是", "Yes"), LocalText::default()];
        let mut threshold = named(QuestionKind::Smiley);
        threshold.follow_up = Some(LocalText::new("哪里不好?", "What went wrong?"));
        threshold.follow_up_at_or_below = Some(5); // smileys go 1–4
        let mut half = named(QuestionKind::Stars);
        half.follow_up_at_or_below = Some(2);
        let mut text_kind = named(QuestionKind::Text);
        text_kind.follow_up = Some(LocalText::new("为什么?", "Why?"));
        text_kind.follow_up_at_or_below = Some(1);
        let qs = vec![
            empty.clone(),
            threshold.clone(),
            half.clone(),
            text_kind.clone(),
        ];
        let issues = save(&d, survey, qs, id(9), day(20)).unwrap_err();
        use QuestionIssueKind::*;
        let got: Vec<(Option<Id>, QuestionIssueKind)> =
            issues.iter().map(|i| (i.question_id, i.kind)).collect();
        assert_eq!(
            got,
            [
                (Some(empty.id), EmptyText),
                // The blank option was dropped: one named option is too few.
                (Some(empty.id), TooFewOptions),
                (Some(threshold.id), BadThreshold),
                (Some(half.id), HalfFollowUp),
                (Some(text_kind.id), BadThreshold),
            ]
        );
        assert_eq!(
            validate(&[]),
            [QuestionIssue {
                question_id: None,
                kind: NoQuestions
            }]
        );
    }

    fn survey(zh: &str, en: &str) -> Survey {
        Survey {
            id: Id::new_v4(),
            created_at: day(1),
            updated_at: day(1),
            name: LocalText::new(zh, en),
            kind: SurveyKind::Instant,
            archived: false,
        }
    }

    #[test]
    fn duplicate_names_are_found_and_numbered() {
        let mut list = vec![survey("满意度", "CSAT"), survey("", "Visit")];
        list[1].archived = true;
        let csat = LocalText::new("满意度", "CSAT");
        assert!(name_taken(&list, &LocalText::new("", " csat "), None));
        assert!(
            name_taken(&list, &LocalText::new("", "visit"), None),
            "archived still counts"
        );
        assert!(
            !name_taken(&list, &csat, Some(list[0].id)),
            "its own name is not a duplicate"
        );
        assert!(!name_taken(&list, &LocalText::new("", ""), None));
        assert_eq!(
            unique_name(&list, &csat),
            LocalText::new("满意度 (2)", "CSAT (2)")
        );
        list.push(survey("满意度 (2)", "CSAT (2)"));
        assert_eq!(
            unique_name(&list, &csat),
            LocalText::new("满意度 (3)", "CSAT (3)")
        );
        let free = LocalText::new("回访", "Follow-up");
        assert_eq!(unique_name(&list, &free), free);
        assert_eq!(
            unique_name(&list, &LocalText::new("", "Visit")),
            LocalText::new("", "Visit (2)")
        );
    }

    #[test]
    fn questions_move_within_bounds() {
        let mut qs: Vec<Question> = (0..3).map(|_| named(QuestionKind::Stars)).collect();
        let ids: Vec<Id> = qs.iter().map(|q| q.id).collect();
        move_question(&mut qs, 0, -1);
        move_question(&mut qs, 2, 1);
        assert_eq!(qs.iter().map(|q| q.id).collect::<Vec<_>>(), ids);
        move_question(&mut qs, 1, -1);
        assert_eq!(
            qs.iter().map(|q| q.id).collect::<Vec<_>>(),
            [ids[1], ids[0], ids[2]]
        );
    }

    #[test]
    fn new_choice_questions_start_with_two_options() {
        assert_eq!(
            new_question(QuestionKind::MultipleChoice, id(1))
                .options
                .len(),
            2
        );
        assert!(new_question(QuestionKind::Nps, id(1)).options.is_empty());
    }
}
