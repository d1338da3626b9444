//! Test-only builders for surveys and responses: the records have many fields that the
//! scoring tests do not care about.

use super::model::*;
use chrono::TimeZone;
use uuid::Uuid;

/// Midnight UTC of day `d` of October 2026.
pub fn day(d: u32) -> Time {
    chrono::Utc.with_ymd_and_hms(2026, 10, d, 0, 0, 0).unwrap()
}

pub fn question(kind: QuestionKind, dimension: Option<Dimension>) -> Question {
    Question {
        id: Uuid::new_v4(),
        kind,
        text: LocalText::default(),
        required: false,
        options: Vec::new(),
        dimension,
        step_ids: Vec::new(),
        follow_up: None,
        follow_up_at_or_below: None,
        servqual: None,
    }
}

pub fn version(questions: Vec<Question>) -> SurveyVersion {
    SurveyVersion {
        id: Uuid::new_v4(),
        created_at: day(1),
        updated_at: day(1),
        survey_id: Uuid::new_v4(),
        number: 1,
        status: VersionStatus::Published,
        questions,
    }
}

/// A response to `v` submitted on day `d` (at noon) with the given scores.
pub fn response(v: &SurveyVersion, staff_id: Option<Id>, d: u32, scores: &[(Id, u8)]) -> Response {
    let at = day(d) + chrono::Duration::hours(12);
    Response {
        location_id: None,
        id: Uuid::new_v4(),
        created_at: at,
        updated_at: at,
        survey_version_id: v.id,
        submitted_at: at,
        device_id: String::new(),
        staff_id,
        process_id: None,
        visit_code: String::new(),
        answers: scores.iter().map(|&(q, s)| (q, Answer::Score(s))).collect(),
        follow_ups: Default::default(),
    }
}
