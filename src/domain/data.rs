//! All records of a workspace, by collection, and the one generic way to walk them.

use super::model::*;
use super::tombstone::Tombstone;
use serde::{Deserialize, Serialize};

/// A stored record: it knows its collection, its id, its last change, and what it points to.
pub trait Record: Clone + PartialEq + Serialize + for<'de> Deserialize<'de> + 'static {
    const COLLECTION: Collection;
    fn id(&self) -> Id;
    fn created_at(&self) -> Time;
    fn updated_at(&self) -> Time;
    fn set_updated_at(&mut self, at: Time);
    /// The records this one refers to; an import must find each in the file or in storage.
    fn refs(&self) -> Vec<(Collection, Id)> {
        Vec::new()
    }
}

/// Something done to every collection of one `Data`, whatever its record type.
pub trait Visitor {
    fn visit<R: Record>(&mut self, records: &[R]);
}

/// Something done to the same collection of two `Data`s at once (preview, merge).
pub trait PairVisitor {
    fn visit<R: Record>(&mut self, left: &[R], right: &[R]);
}

/// Something that changes each collection of one `Data`.
pub trait VisitorMut {
    fn visit<R: Record>(&mut self, records: &mut Vec<R>);
}

macro_rules! collections {
    ($($field:ident: $ty:ty => $variant:ident),* $(,)?) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Collection { $($variant),* }

        impl Collection {
            pub const ALL: &'static [Collection] = &[$(Collection::$variant),*];

            /// The key in the backup file's `data` object and in storage.
            pub fn name(self) -> &'static str {
                match self { $(Collection::$variant => stringify!($field)),* }
            }

            pub fn from_name(name: &str) -> Option<Collection> {
                match name { $(stringify!($field) => Some(Collection::$variant),)* _ => None }
            }
        }

        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Data {
            $(#[serde(default)] pub $field: Vec<$ty>,)*
            /// Every deletion, so no merge brings a deleted record back. Not a collection:
            /// the visitors walk records, and a tombstone is not one.
            #[serde(default)]
            pub tombstones: Vec<Tombstone>,
        }

        impl Data {
            pub fn visit(&self, v: &mut impl Visitor) {
                $(v.visit(&self.$field);)*
            }

            pub fn visit_pair(&self, other: &Data, v: &mut impl PairVisitor) {
                $(v.visit(&self.$field, &other.$field);)*
            }

            pub fn visit_mut(&mut self, v: &mut impl VisitorMut) {
                $(v.visit(&mut self.$field);)*
            }

            /// The collection holding records of type `R`.
            pub fn records<R: Record>(&self) -> &[R] {
                $(if let Some(v) = (&self.$field as &dyn std::any::Any).downcast_ref::<Vec<R>>() {
                    return v;
                })*
                unreachable!("every Record type has a collection")
            }

            pub fn records_mut<R: Record>(&mut self) -> &mut Vec<R> {
                $(if let Some(v) = (&mut self.$field as &mut dyn std::any::Any).downcast_mut::<Vec<R>>() {
                    return v;
                })*
                unreachable!("every Record type has a collection")
            }
        }

        $(impl Record for $ty {
            const COLLECTION: Collection = Collection::$variant;
            fn id(&self) -> Id { self.id }
            fn created_at(&self) -> Time { self.created_at }
            fn updated_at(&self) -> Time { self.updated_at }
            fn set_updated_at(&mut self, at: Time) { self.updated_at = at; }
            fn refs(&self) -> Vec<(Collection, Id)> { Refs::refs(self) }
        })*
    };
}

collections! {
    workspace: Workspace => Workspace,
    roles: Role => Roles,
    staff: Staff => Staff,
    processes: ServiceProcess => Processes,
    process_versions: ProcessVersion => ProcessVersions,
    runs: ProcessRun => Runs,
    surveys: Survey => Surveys,
    survey_versions: SurveyVersion => SurveyVersions,
    responses: Response => Responses,
    feedback: Feedback => Feedback,
    capabilities: Capability => Capabilities,
    evaluations: Evaluation => Evaluations,
    trainings: Training => Trainings,
    improvement_actions: ImprovementAction => ImprovementActions,
    alert_acks: AlertAck => AlertAcks,
    audits: Audit => Audits,
    locations: Location => Locations,
}

impl Data {
    /// The business's settings, if any were saved.
    pub fn workspace(&self) -> Option<&Workspace> {
        self.workspace.iter().find(|w| w.id == WORKSPACE_ID)
    }

    /// Staff who have not left, as (id, name): who can be on duty or serve a run.
    pub fn active_staff(&self) -> Vec<(Id, String)> {
        self.staff
            .iter()
            .filter(|s| s.left_on.is_none())
            .map(|s| (s.id, s.name.clone()))
            .collect()
    }

    /// Records and tombstones together: how big a change is.
    pub fn len(&self) -> usize {
        self.counts().iter().map(|(_, n)| n).sum::<usize>() + self.tombstones.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Records per collection, for previews and the storage summary.
    pub fn counts(&self) -> Vec<(Collection, usize)> {
        struct Count(Vec<(Collection, usize)>);
        impl Visitor for Count {
            fn visit<R: Record>(&mut self, records: &[R]) {
                self.0.push((R::COLLECTION, records.len()));
            }
        }
        let mut c = Count(Vec::new());
        self.visit(&mut c);
        c.0
    }
}

/// What each record type points to. Kept in one place so validation cannot miss a link.
trait Refs {
    fn refs(&self) -> Vec<(Collection, Id)>;
}

fn opt(c: Collection, id: Option<Id>) -> impl Iterator<Item = (Collection, Id)> {
    id.into_iter().map(move |id| (c, id))
}

fn all(c: Collection, ids: &[Id]) -> impl Iterator<Item = (Collection, Id)> + '_ {
    ids.iter().map(move |id| (c, *id))
}

impl Refs for Workspace {
    fn refs(&self) -> Vec<(Collection, Id)> {
        Vec::new()
    }
}

// A record's location is not a reference an import checks: a location deleted on one device
// while another still recorded there must not make that device's backup unreadable.
impl Refs for Location {
    fn refs(&self) -> Vec<(Collection, Id)> {
        Vec::new()
    }
}

impl Refs for Role {
    fn refs(&self) -> Vec<(Collection, Id)> {
        Vec::new()
    }
}

impl Refs for Staff {
    fn refs(&self) -> Vec<(Collection, Id)> {
        opt(Collection::Roles, self.role_id).collect()
    }
}

impl Refs for ServiceProcess {
    fn refs(&self) -> Vec<(Collection, Id)> {
        Vec::new()
    }
}

impl Refs for ProcessVersion {
    fn refs(&self) -> Vec<(Collection, Id)> {
        let steps = self.stages.iter().flat_map(|s| &s.steps);
        std::iter::once((Collection::Processes, self.process_id))
            .chain(steps.flat_map(|s| opt(Collection::Roles, s.role_id)))
            .collect()
    }
}

impl Refs for ProcessRun {
    fn refs(&self) -> Vec<(Collection, Id)> {
        std::iter::once((Collection::ProcessVersions, self.process_version_id))
            .chain(opt(Collection::Staff, self.staff_id))
            .chain(
                self.steps
                    .iter()
                    .flat_map(|s| opt(Collection::Staff, s.done_by)),
            )
            .collect()
    }
}

impl Refs for Survey {
    fn refs(&self) -> Vec<(Collection, Id)> {
        Vec::new()
    }
}

impl Refs for SurveyVersion {
    fn refs(&self) -> Vec<(Collection, Id)> {
        vec![(Collection::Surveys, self.survey_id)]
    }
}

impl Refs for Response {
    fn refs(&self) -> Vec<(Collection, Id)> {
        std::iter::once((Collection::SurveyVersions, self.survey_version_id))
            .chain(opt(Collection::Staff, self.staff_id))
            .chain(opt(Collection::Processes, self.process_id))
            .collect()
    }
}

impl Refs for Feedback {
    fn refs(&self) -> Vec<(Collection, Id)> {
        let called_back = self.resolution.as_ref().and_then(|r| r.called_back_by);
        opt(Collection::Staff, self.staff_id)
            .chain(opt(Collection::Staff, self.owner_id))
            .chain(opt(Collection::Responses, self.response_id))
            .chain(opt(Collection::Staff, called_back))
            .chain(
                self.history
                    .iter()
                    .flat_map(|e| opt(Collection::Staff, e.by)),
            )
            .collect()
    }
}

impl Refs for Capability {
    fn refs(&self) -> Vec<(Collection, Id)> {
        Vec::new()
    }
}

impl Refs for Evaluation {
    fn refs(&self) -> Vec<(Collection, Id)> {
        std::iter::once((Collection::Staff, self.staff_id))
            .chain(self.scores.keys().map(|id| (Collection::Capabilities, *id)))
            .collect()
    }
}

impl Refs for Training {
    fn refs(&self) -> Vec<(Collection, Id)> {
        all(Collection::Capabilities, &self.capability_ids)
            .chain(all(Collection::Staff, &self.attendee_ids))
            .collect()
    }
}

impl Refs for ImprovementAction {
    fn refs(&self) -> Vec<(Collection, Id)> {
        let trigger: Vec<(Collection, Id)> = match &self.trigger {
            Trigger::Feedback { feedback_ids } => all(Collection::Feedback, feedback_ids).collect(),
            Trigger::StepHealth { process_id, .. } => vec![(Collection::Processes, *process_id)],
            Trigger::AuditFinding { audit_id, .. } => vec![(Collection::Audits, *audit_id)],
            Trigger::Manual | Trigger::ParetoCause { .. } | Trigger::Alert { .. } => Vec::new(),
        };
        opt(Collection::Staff, self.owner_id)
            .chain(trigger)
            .chain(
                self.tasks
                    .iter()
                    .flat_map(|t| opt(Collection::Staff, t.staff_id)),
            )
            .chain(opt(Collection::ProcessVersions, self.process_version_id))
            .chain(opt(Collection::Trainings, self.training_id))
            .collect()
    }
}

impl Refs for AlertAck {
    fn refs(&self) -> Vec<(Collection, Id)> {
        Vec::new()
    }
}

impl Refs for Audit {
    fn refs(&self) -> Vec<(Collection, Id)> {
        let recheck = self.recheck.as_ref().and_then(|r| r.audit_id);
        std::iter::once((Collection::ProcessVersions, self.process_version_id))
            .chain(opt(Collection::Audits, recheck))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collection_names_round_trip() {
        for c in Collection::ALL {
            assert_eq!(Collection::from_name(c.name()), Some(*c));
        }
        assert_eq!(Collection::Responses.name(), "responses");
    }

    fn role(n: u128) -> Role {
        let t = chrono::DateTime::from_timestamp(0, 0).unwrap();
        Role {
            id: Id::from_u128(n),
            created_at: t,
            updated_at: t,
            name: LocalText::new("前台", "Front desk"),
        }
    }

    #[test]
    fn counts_name_every_collection() {
        let d = Data {
            roles: vec![role(1), role(3)],
            ..Data::default()
        };
        let counts = d.counts();
        assert_eq!(counts.len(), Collection::ALL.len());
        assert!(counts.contains(&(Collection::Roles, 2)));
        assert!(counts.contains(&(Collection::Responses, 0)));
    }
}
