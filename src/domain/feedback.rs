//! Feedback handling: complaints, suggestions and praise from staff or from low kiosk
//! scores, moved open → in progress → resolved → closed, with first-response and resolution
//! times, and due dates whose passing makes an item overdue.

use super::model::*;
use super::process_analysis::median;
use chrono::Duration;

/// A complaint is answered within a day: service recovery is worth most while the
/// customer still remembers the visit.
pub const COMPLAINT_DUE_HOURS: i64 = 24;
/// A suggestion gets a reply within three days; praise needs none.
pub const SUGGESTION_DUE_HOURS: i64 = 72;

pub fn due_hours(kind: FeedbackKind) -> Option<i64> {
    match kind {
        FeedbackKind::Complaint => Some(COMPLAINT_DUE_HOURS),
        FeedbackKind::Suggestion => Some(SUGGESTION_DUE_HOURS),
        FeedbackKind::Praise => None,
    }
}

/// A new, open item; everything else (staff, step, response) is filled in by the caller.
pub fn open(kind: FeedbackKind, channel: Channel, text: String, id: Id, now: Time) -> Feedback {
    Feedback {
        location_id: None,
        id,
        created_at: now,
        updated_at: now,
        kind,
        channel,
        text,
        staff_id: None,
        step_id: None,
        response_id: None,
        owner_id: None,
        root_cause: None,
        whys: Vec::new(),
        status: FeedbackStatus::Open,
        first_response_at: None,
        resolved_at: None,
        due_at: due_hours(kind).map(|h| now + Duration::hours(h)),
        resolution: None,
        history: Vec::new(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusError {
    /// Not a forward move, or a move that has its own function (resolving, reopening).
    NotAllowed,
    /// Resolving needs a note of what was done for the customer.
    NoResolutionNote,
    /// Reopening needs the reason the fix did not hold.
    NoReason,
}

/// Applies a move allowed by the caller's rule: times, status and the history entry.
fn moved(f: &Feedback, to: FeedbackStatus, by: Option<Id>, note: String, now: Time) -> Feedback {
    use FeedbackStatus::*;
    let mut g = f.clone();
    g.status = to;
    g.updated_at = super::edit::edited_at(f.updated_at, now);
    if g.first_response_at.is_none() {
        g.first_response_at = Some(now);
    }
    match to {
        Resolved | Closed if g.resolved_at.is_none() => g.resolved_at = Some(now),
        InProgress => g.resolved_at = None,
        _ => {}
    }
    g.history.push(FeedbackEvent {
        at: now,
        by,
        to,
        note,
    });
    g
}

/// Moves an item forward to "in progress" or "closed"; a stage may be skipped (a praise can
/// be closed at once). The first move out of "open" is the first response; closing an
/// unresolved item is its resolution. Resolving and reopening have their own functions,
/// because each must say what happened.
pub fn set_status(
    f: &Feedback,
    to: FeedbackStatus,
    by: Option<Id>,
    now: Time,
) -> Result<Feedback, StatusError> {
    if to <= f.status || to == FeedbackStatus::Resolved {
        return Err(StatusError::NotAllowed);
    }
    Ok(moved(f, to, by, String::new(), now))
}

/// Resolves an open or in-progress item with what was done for the customer.
pub fn resolve(
    f: &Feedback,
    mut resolution: Resolution,
    by: Option<Id>,
    now: Time,
) -> Result<Feedback, StatusError> {
    if f.status >= FeedbackStatus::Resolved {
        return Err(StatusError::NotAllowed);
    }
    resolution.note = resolution.note.trim().to_string();
    resolution.compensation = resolution.compensation.trim().to_string();
    if resolution.note.is_empty() {
        return Err(StatusError::NoResolutionNote);
    }
    let mut g = moved(
        f,
        FeedbackStatus::Resolved,
        by,
        resolution.note.clone(),
        now,
    );
    g.resolution = Some(resolution);
    Ok(g)
}

/// Reopens a resolved or closed item when the fix did not hold: back to "in progress",
/// no longer resolved. What was done stays on record until the next resolution replaces it.
pub fn reopen(
    f: &Feedback,
    reason: &str,
    by: Option<Id>,
    now: Time,
) -> Result<Feedback, StatusError> {
    if f.status < FeedbackStatus::Resolved {
        return Err(StatusError::NotAllowed);
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(StatusError::NoReason);
    }
    Ok(moved(
        f,
        FeedbackStatus::InProgress,
        by,
        reason.to_string(),
        now,
    ))
}

pub fn is_overdue(f: &Feedback, now: Time) -> bool {
    let unresolved = matches!(f.status, FeedbackStatus::Open | FeedbackStatus::InProgress);
    unresolved && f.due_at.is_some_and(|d| d < now)
}

/// When the item was first resolved (or closed): its history says, and an item from before
/// the history was kept says by its resolution time.
pub fn first_resolved_at(f: &Feedback) -> Option<Time> {
    f.history
        .iter()
        .find(|e| e.to >= FeedbackStatus::Resolved)
        .map(|e| e.at)
        .or(f.resolved_at)
}

/// Whether the item was reopened after a resolution: the fix did not hold the first time.
pub fn was_reopened(f: &Feedback) -> bool {
    f.history
        .iter()
        .skip_while(|e| e.to < FeedbackStatus::Resolved)
        .any(|e| e.to < FeedbackStatus::Resolved)
}

pub fn first_response(f: &Feedback) -> Option<Duration> {
    Some(f.first_response_at? - f.created_at)
}

pub fn resolution(f: &Feedback) -> Option<Duration> {
    Some(f.resolved_at? - f.created_at)
}

/// The order of the list: overdue first (the most overdue on top), then unresolved before
/// resolved, then newest first.
pub fn sort(items: &mut [&Feedback], now: Time) {
    crate::domain::sort::by_key(items, |f| {
        (
            !is_overdue(f, now),
            f.due_at.filter(|_| is_overdue(f, now)),
            f.status,
            std::cmp::Reverse(f.created_at),
        )
    });
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Open, in progress, resolved, closed.
    pub by_status: [usize; 4],
    pub overdue: usize,
    /// Medians in minutes, over the items that have the time; `None` when none has.
    pub first_response_min: Option<f64>,
    pub n_first_response: usize,
    pub resolution_min: Option<f64>,
    pub n_resolution: usize,
}

pub fn summary<'a>(items: impl IntoIterator<Item = &'a Feedback>, now: Time) -> Summary {
    let mut s = Summary::default();
    let (mut first, mut resolved) = (Vec::new(), Vec::new());
    let minutes = |d: Duration| d.num_seconds() as f64 / 60.0;
    for f in items {
        s.by_status[f.status as usize] += 1;
        s.overdue += usize::from(is_overdue(f, now));
        first.extend(first_response(f).map(minutes));
        resolved.extend(resolution(f).map(minutes));
    }
    (s.n_first_response, s.n_resolution) = (first.len(), resolved.len());
    s.first_response_min = median(&mut first);
    s.resolution_min = median(&mut resolved);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::survey_fixtures::day;
    use FeedbackStatus::*;

    fn complaint(created: Time) -> Feedback {
        open(
            FeedbackKind::Complaint,
            Channel::Phone,
            "汤是凉的".into(),
            Id::from_u128(1),
            created,
        )
    }

    #[test]
    fn due_dates_by_kind() {
        let c = complaint(day(1));
        assert_eq!(c.due_at, Some(day(2)));
        let s = open(
            FeedbackKind::Suggestion,
            Channel::Online,
            String::new(),
            Id::from_u128(2),
            day(1),
        );
        assert_eq!(s.due_at, Some(day(4)));
        let p = open(
            FeedbackKind::Praise,
            Channel::InPerson,
            String::new(),
            Id::from_u128(3),
            day(1),
        );
        assert_eq!((p.due_at, p.status), (None, Open));
    }

    fn fixed(note: &str) -> Resolution {
        Resolution {
            note: note.into(),
            compensation: " 免单 ".into(),
            called_back_by: Some(Id::from_u128(7)),
            called_back_at: Some(day(2)),
        }
    }

    #[test]
    fn lifecycle_sets_response_and_resolution_times() {
        let h = |n: i64| day(1) + Duration::hours(n);
        let f = complaint(day(1));
        let f = set_status(&f, InProgress, None, h(2)).unwrap();
        assert_eq!(first_response(&f), Some(Duration::hours(2)));
        let f = resolve(&f, fixed("换了热汤"), None, h(20)).unwrap();
        assert_eq!(resolution(&f), Some(Duration::hours(20)));
        // Reopened: no longer resolved, the first response stays.
        let f = reopen(&f, "又凉了", None, h(30)).unwrap();
        assert_eq!(
            (f.status, resolution(&f), first_response(&f)),
            (InProgress, None, Some(Duration::hours(2)))
        );
        let f = set_status(&f, Closed, None, h(40)).unwrap();
        assert_eq!(resolution(&f), Some(Duration::hours(40)));
        assert_eq!(
            set_status(&f, Open, None, h(41)),
            Err(StatusError::NotAllowed)
        );
        assert_eq!(
            set_status(&f, InProgress, None, h(41)),
            Err(StatusError::NotAllowed),
            "going back is a reopening, with a reason"
        );
        // Open straight to closed: responded and resolved at once.
        let g = set_status(&complaint(day(1)), Closed, None, h(1)).unwrap();
        assert_eq!(
            (first_response(&g), resolution(&g)),
            (Some(Duration::hours(1)), Some(Duration::hours(1)))
        );
        assert_eq!(
            set_status(&g, Closed, None, h(2)),
            Err(StatusError::NotAllowed)
        );
    }

    #[test]
    fn resolving_records_what_was_done_and_needs_a_note() {
        let f = complaint(day(1));
        assert_eq!(
            set_status(&f, Resolved, None, day(2)),
            Err(StatusError::NotAllowed),
            "resolving goes through resolve, which asks what was done"
        );
        assert_eq!(
            resolve(&f, fixed("  "), None, day(2)),
            Err(StatusError::NoResolutionNote)
        );
        let g = resolve(&f, fixed(" 换了热汤 "), Some(Id::from_u128(7)), day(2)).unwrap();
        let r = g.resolution.clone().unwrap();
        assert_eq!(
            (r.note.as_str(), r.compensation.as_str()),
            ("换了热汤", "免单")
        );
        assert_eq!(
            (r.called_back_by, r.called_back_at),
            (Some(Id::from_u128(7)), Some(day(2)))
        );
        assert_eq!(
            resolve(&g, fixed("again"), None, day(3)),
            Err(StatusError::NotAllowed)
        );
    }

    #[test]
    fn a_closed_item_reopens_only_with_a_reason() {
        let closed = set_status(&complaint(day(1)), Closed, None, day(2)).unwrap();
        assert_eq!(
            reopen(&closed, " ", None, day(3)),
            Err(StatusError::NoReason)
        );
        assert_eq!(
            reopen(&complaint(day(1)), "why", None, day(3)),
            Err(StatusError::NotAllowed),
            "an open item has nothing to reopen"
        );
        let g = reopen(&closed, " 客户又打来电话 ", Some(Id::from_u128(9)), day(3)).unwrap();
        assert_eq!((g.status, g.resolved_at), (InProgress, None));
        assert_eq!(g.updated_at, day(3));
    }

    #[test]
    fn every_move_is_in_the_history_with_who_and_when() {
        let (ann, bo) = (Some(Id::from_u128(7)), Some(Id::from_u128(8)));
        let f = complaint(day(1));
        let f = set_status(&f, InProgress, ann, day(2)).unwrap();
        let f = resolve(&f, fixed("换了热汤"), ann, day(3)).unwrap();
        let f = set_status(&f, Closed, bo, day(4)).unwrap();
        let f = reopen(&f, "又凉了", bo, day(5)).unwrap();
        let got: Vec<(Time, Option<Id>, FeedbackStatus, &str)> = f
            .history
            .iter()
            .map(|e| (e.at, e.by, e.to, e.note.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (day(2), ann, InProgress, ""),
                (day(3), ann, Resolved, "换了热汤"),
                (day(4), bo, Closed, ""),
                (day(5), bo, InProgress, "又凉了"),
            ]
        );
    }

    #[test]
    fn overdue_only_while_unresolved_and_listed_first() {
        let late = complaint(day(1)); // due day 2
        let fresh = complaint(day(5)); // due day 6
        let mut done = complaint(day(1));
        done.status = Resolved;
        let now = day(3);
        assert!(is_overdue(&late, now));
        assert!(!is_overdue(&fresh, now));
        assert!(!is_overdue(&done, now));
        let mut list = vec![&done, &fresh, &late];
        sort(&mut list, now);
        let order: Vec<(Time, FeedbackStatus)> =
            list.iter().map(|f| (f.created_at, f.status)).collect();
        assert_eq!(order, [(day(1), Open), (day(5), Open), (day(1), Resolved)]);
    }

    #[test]
    fn summary_counts_and_medians() {
        let h = |n: i64| day(1) + Duration::hours(n);
        let a = set_status(&complaint(day(1)), InProgress, None, h(1)).unwrap(); // responded 60 min
        let b = resolve(&complaint(day(1)), fixed("ok"), None, h(3)).unwrap(); // 180 min, resolved 180
        let c = set_status(&b, Closed, None, h(9)).unwrap(); // resolution stays 180
        let d = set_status(&complaint(day(1)), Closed, None, h(5)).unwrap(); // 300 min both
        let e = complaint(day(1)); // open, due day 2: overdue on day 3
        let s = summary([&a, &c, &d, &e], day(3));
        assert_eq!(s.by_status, [1, 1, 0, 2]);
        // a (in progress) and e (open) are past their day-2 due time; resolved ones are not.
        assert_eq!(s.overdue, 2);
        // First responses 60, 180, 300 → median 180; resolutions 180, 300 → 240.
        assert_eq!((s.first_response_min, s.n_first_response), (Some(180.0), 3));
        assert_eq!((s.resolution_min, s.n_resolution), (Some(240.0), 2));
        let none = summary([], day(3));
        assert_eq!((none.first_response_min, none.n_first_response), (None, 0));
    }
}
