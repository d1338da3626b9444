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
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusError {
    /// A closed item is final; an item never goes back to "open" once someone responded.
    NotAllowed,
}

/// Moves an item to `to`. Forward moves may skip a stage (a praise can be closed at once);
/// a resolved item can be reopened to "in progress" when the fix did not hold. The first
/// move out of "open" is the first response; reaching "resolved" (or "closed" directly) is
/// the resolution; reopening clears it.
pub fn set_status(f: &Feedback, to: FeedbackStatus, now: Time) -> Result<Feedback, StatusError> {
    use FeedbackStatus::*;
    let allowed = to > f.status || (f.status == Resolved && to == InProgress);
    if !allowed {
        return Err(StatusError::NotAllowed);
    }
    let mut g = f.clone();
    g.status = to;
    g.updated_at = now;
    if g.first_response_at.is_none() {
        g.first_response_at = Some(now);
    }
    match to {
        Resolved | Closed if g.resolved_at.is_none() => g.resolved_at = Some(now),
        InProgress => g.resolved_at = None,
        _ => {}
    }
    Ok(g)
}

pub fn is_overdue(f: &Feedback, now: Time) -> bool {
    let unresolved = matches!(f.status, FeedbackStatus::Open | FeedbackStatus::InProgress);
    unresolved && f.due_at.is_some_and(|d| d < now)
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
    items.sort_by_key(|f| {
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

    #[test]
    fn lifecycle_sets_response_and_resolution_times() {
        let h = |n: i64| day(1) + Duration::hours(n);
        let f = complaint(day(1));
        let f = set_status(&f, InProgress, h(2)).unwrap();
        assert_eq!(first_response(&f), Some(Duration::hours(2)));
        let f = set_status(&f, Resolved, h(20)).unwrap();
        assert_eq!(resolution(&f), Some(Duration::hours(20)));
        // Reopened: no longer resolved, the first response stays.
        let f = set_status(&f, InProgress, h(30)).unwrap();
        assert_eq!(
            (resolution(&f), first_response(&f)),
            (None, Some(Duration::hours(2)))
        );
        let f = set_status(&f, Closed, h(40)).unwrap();
        assert_eq!(resolution(&f), Some(Duration::hours(40)));
        assert_eq!(set_status(&f, Open, h(41)), Err(StatusError::NotAllowed));
        assert_eq!(
            set_status(&f, InProgress, h(41)),
            Err(StatusError::NotAllowed)
        );
        // Open straight to closed: responded and resolved at once.
        let g = set_status(&complaint(day(1)), Closed, h(1)).unwrap();
        assert_eq!(
            (first_response(&g), resolution(&g)),
            (Some(Duration::hours(1)), Some(Duration::hours(1)))
        );
        assert_eq!(set_status(&g, Closed, h(2)), Err(StatusError::NotAllowed));
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
        let a = set_status(&complaint(day(1)), InProgress, h(1)).unwrap(); // responded 60 min
        let b = set_status(&complaint(day(1)), Resolved, h(3)).unwrap(); // 180 min, resolved 180
        let c = set_status(&b, Closed, h(9)).unwrap(); // resolution stays 180
        let d = set_status(&complaint(day(1)), Closed, h(5)).unwrap(); // 300 min both
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
