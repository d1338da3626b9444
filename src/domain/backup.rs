//! The backup file: one JSON document holding the whole workspace.

use super::data::{Collection, Data};
use super::model::Time;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "serviceflow";
/// Bumped with every change of the file's shape; `migrate` upgrades older files step by step.
pub const SCHEMA_VERSION: u32 = 5;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub schema_version: u32,
    pub app_version: String,
    #[serde(with = "crate::domain::rfc3339")]
    pub exported_at: Time,
    pub device_id: String,
    pub data: Data,
}

/// Days without an export after which the Data page asks for one.
pub const REMIND_AFTER_DAYS: i64 = 7;

/// True when there is something to lose, records beyond the workspace's own settings, and
/// no backup was exported in the last `REMIND_AFTER_DAYS` days (or ever).
pub fn reminder_due(data: &Data, last_export: Option<Time>, now: Time) -> bool {
    let has_records = data
        .counts()
        .into_iter()
        .any(|(c, n)| c != Collection::Workspace && n > 0);
    has_records && last_export.is_none_or(|t| (now - t).num_days() >= REMIND_AFTER_DAYS)
}

pub fn export(data: &Data, app_version: &str, device_id: &str, now: Time) -> Backup {
    Backup {
        format: FORMAT.to_string(),
        schema_version: SCHEMA_VERSION,
        app_version: app_version.to_string(),
        exported_at: now,
        device_id: device_id.to_string(),
        data: data.clone(),
    }
}

/// Compact JSON: a year of responses is tens of megabytes, and no one reads it by eye.
pub fn to_json(backup: &Backup) -> String {
    serde_json::to_string(backup).expect("records always serialize")
}

/// Text made safe in a file name on every file system: letters and digits of any script
/// are kept, every other run of characters becomes one `-`; at most 60 characters, and
/// empty when nothing is left.
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_matches('-').chars().take(60).collect()
}

/// `serviceflow-<business>-<yyyy-mm-dd>.json`.
pub fn file_name(business_name: &str, date: NaiveDate) -> String {
    format!(
        "{}-{}.json",
        file_stem(business_name),
        date.format("%Y-%m-%d")
    )
}

/// `serviceflow-<business>`: every file the app writes starts so.
pub fn file_stem(business_name: &str) -> String {
    let slug = slug(business_name);
    let slug = if slug.is_empty() {
        "workspace".to_string()
    } else {
        slug
    };
    format!("serviceflow-{slug}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
    }

    /// The published schema names every collection and every field an export writes, so it
    /// cannot silently fall behind the records (the e2e test validates a real export in full).
    #[test]
    fn schema_covers_every_field_an_export_writes() {
        let schema: serde_json::Value =
            serde_json::from_str(include_str!("../../docs/backup.schema.json")).unwrap();
        assert_eq!(
            schema["properties"]["schema_version"]["const"],
            SCHEMA_VERSION
        );
        let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let mut demo = super::super::demo::generate(5, 50, now, crate::i18n::Lang::Zh);
        // The demo is one shop's: a chain's records name their location.
        let shop =
            super::super::locations::new("North", super::super::model::Id::from_u128(9), now);
        let at = Some(shop.id);
        demo.locations.push(shop);
        demo.runs[0].location_id = at;
        demo.responses[0].location_id = at;
        demo.feedback[0].location_id = at;
        demo.evaluations[0].location_id = at;
        demo.audits[0].location_id = at;
        let file: serde_json::Value =
            serde_json::from_str(&to_json(&export(&demo, "t", "d", now))).unwrap();
        for c in super::super::Collection::ALL {
            let props = &schema["$defs"][c.name()]["properties"];
            assert!(props.is_object(), "schema lacks {}", c.name());
            let records = file["data"][c.name()].as_array().unwrap();
            assert!(!records.is_empty(), "demo data has no {}", c.name());
            for key in records[0].as_object().unwrap().keys() {
                assert!(props.get(key).is_some(), "schema lacks {}.{key}", c.name());
            }
        }
        let stone = serde_json::to_value(super::super::tombstone::Tombstone {
            collection: Collection::Responses,
            id: super::super::model::Id::from_u128(1),
            deleted_at: now,
            device_id: "d".into(),
        })
        .unwrap();
        let props = &schema["$defs"]["tombstones"]["properties"];
        for key in stone.as_object().unwrap().keys() {
            assert!(props.get(key).is_some(), "schema lacks tombstones.{key}");
        }
        assert!(file["data"]["tombstones"].is_array());
    }

    #[test]
    fn file_names() {
        assert_eq!(
            file_name("老街 面馆", day()),
            "serviceflow-老街-面馆-2026-11-02.json"
        );
        assert_eq!(
            file_name("Joe's Car/Service  ", day()),
            "serviceflow-Joe-s-Car-Service-2026-11-02.json"
        );
        assert_eq!(
            file_name("", day()),
            "serviceflow-workspace-2026-11-02.json"
        );
        assert_eq!(
            file_name("../..", day()),
            "serviceflow-workspace-2026-11-02.json"
        );
    }

    #[test]
    fn export_stamps_the_header() {
        let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let b = export(&Data::default(), "0.1.0", "tablet-7", now);
        let json: serde_json::Value = serde_json::from_str(&to_json(&b)).unwrap();
        assert_eq!(json["format"], "serviceflow");
        assert_eq!(json["schema_version"], SCHEMA_VERSION);
        assert_eq!(json["device_id"], "tablet-7");
        assert!(json["data"]["responses"].as_array().unwrap().is_empty());
    }

    #[test]
    fn reminds_only_when_there_is_something_to_lose() {
        let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let days = |n| Some(now - chrono::Duration::days(n));
        // A fresh install, or one with only its settings saved, has nothing to back up.
        let mut settings_only = Data::default();
        assert!(!reminder_due(&settings_only, None, now));
        settings_only.workspace =
            super::super::demo::generate(5, 50, now, crate::i18n::Lang::Zh).workspace;
        assert!(!reminder_due(&settings_only, None, now));
        let demo = super::super::demo::generate(5, 50, now, crate::i18n::Lang::Zh);
        assert!(reminder_due(&demo, None, now));
        assert!(reminder_due(&demo, days(REMIND_AFTER_DAYS), now));
        assert!(!reminder_due(&demo, days(REMIND_AFTER_DAYS - 1), now));
    }
}
