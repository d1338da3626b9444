//! Finding one record by id, for the pages that name what a record points at.

use super::model::*;
use super::Data;

impl Data {
    pub fn survey(&self, id: Id) -> Option<&Survey> {
        self.surveys.iter().find(|s| s.id == id)
    }

    /// The survey a response's version belongs to.
    pub fn survey_of_version(&self, version: Id) -> Option<&Survey> {
        let v = self.survey_versions.iter().find(|v| v.id == version)?;
        self.survey(v.survey_id)
    }

    pub fn staff_member(&self, id: Id) -> Option<&Staff> {
        self.staff.iter().find(|s| s.id == id)
    }

    pub fn process(&self, id: Id) -> Option<&ServiceProcess> {
        self.processes.iter().find(|p| p.id == id)
    }

    /// The process a run's version belongs to.
    pub fn process_of_version(&self, version: Id) -> Option<&ServiceProcess> {
        let v = self.process_versions.iter().find(|v| v.id == version)?;
        self.process(v.process_id)
    }
}
