//! What an import preview warns of: times no right clock produces. They are listed rather
//! than refused — a wrong clock is not a damaged file — so the person merges knowingly; a
//! record from a clock ahead would otherwise win every merge over later corrections.

use crate::domain::backup::Backup;
use crate::domain::data::{Record, Visitor};
use crate::domain::model::Time;
use chrono::Duration;

/// Clocks of a business's tablets disagree by minutes, time zones are set wrong by hours;
/// beyond a day the time is not to be trusted.
pub const CLOCK_TOLERANCE: Duration = Duration::days(1);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FlagKind {
    /// The file says it was exported later than the importing device's now.
    ExportedInFuture,
    /// A record changed after the file was exported.
    AfterExport,
    UpdatedBeforeCreated,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag {
    /// `$` for the file, `data.responses[3]` for a record.
    pub path: String,
    pub kind: FlagKind,
}

/// Every flag of `backup`, read on a device whose clock says `now`.
pub fn flags(backup: &Backup, now: Time) -> Vec<Flag> {
    struct Check {
        latest: Time,
        out: Vec<Flag>,
    }
    impl Visitor for Check {
        fn visit<R: Record>(&mut self, records: &[R]) {
            let name = R::COLLECTION.name();
            for (i, r) in records.iter().enumerate() {
                let kind = if r.updated_at() > self.latest {
                    FlagKind::AfterExport
                } else if r.updated_at() < r.created_at() {
                    FlagKind::UpdatedBeforeCreated
                } else {
                    continue;
                };
                self.out.push(Flag {
                    path: format!("data.{name}[{i}]"),
                    kind,
                });
            }
        }
    }
    let mut check = Check {
        latest: backup.exported_at + CLOCK_TOLERANCE,
        out: Vec::new(),
    };
    if backup.exported_at > now + CLOCK_TOLERANCE {
        check.out.push(Flag {
            path: "exported_at".into(),
            kind: FlagKind::ExportedInFuture,
        });
    }
    backup.data.visit(&mut check);
    check.out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::backup::export;
    use crate::domain::model::{Id, LocalText, Role};
    use crate::domain::Data;

    fn at(hours: i64) -> Time {
        chrono::DateTime::from_timestamp(1_790_000_000 + hours * 3600, 0).unwrap()
    }

    fn role(n: u128, created: i64, updated: i64) -> Role {
        Role {
            id: Id::from_u128(n),
            created_at: at(created),
            updated_at: at(updated),
            name: LocalText::new("前台", "Front desk"),
        }
    }

    #[test]
    fn future_and_backwards_times_are_flagged_with_their_paths() {
        let data = Data {
            roles: vec![
                role(1, 0, 1),
                role(2, 0, 100 * 24 * 365),
                role(3, 5, 2),
                role(4, 0, 10 + 23),
            ],
            ..Data::default()
        };
        let file = export(&data, "t", "d", at(10));
        assert_eq!(
            flags(&file, at(10)),
            [
                Flag {
                    path: "data.roles[1]".into(),
                    kind: FlagKind::AfterExport
                },
                Flag {
                    path: "data.roles[2]".into(),
                    kind: FlagKind::UpdatedBeforeCreated
                },
            ]
        );
        // Read by a device whose clock is two days behind the exporting one's.
        let behind = flags(&file, at(10 - 48));
        assert_eq!(behind[0].path, "exported_at");
        assert_eq!(behind[0].kind, FlagKind::ExportedInFuture);
        assert!(flags(&export(&Data::default(), "t", "d", at(10)), at(0)).is_empty());
    }
}
