//! Upgrades an older backup file one schema version at a time, on the raw JSON, before it
//! is read into records. Each step knows only its own change.

use serde_json::{json, Map, Value};

/// `STEPS[i]` upgrades schema `i + 1` to `i + 2`.
const STEPS: &[fn(&mut Map<String, Value>)] = &[v1_to_v2, v2_to_v3];

/// Upgrades `file` (a parsed backup object) from `from` to the current schema.
pub fn migrate(file: &mut Map<String, Value>, from: u32) {
    for step in STEPS.iter().skip(from.saturating_sub(1) as usize) {
        step(file);
    }
    file.insert(
        "schema_version".into(),
        json!(super::backup::SCHEMA_VERSION),
    );
}

/// Schema 1 kept two flat targets on the workspace; schema 2 has one `targets` object with
/// four, the ones v1 did not know taking their defaults.
fn v1_to_v2(file: &mut Map<String, Value>) {
    let defaults = super::model::Targets::default();
    let Some(workspaces) = file
        .get_mut("data")
        .and_then(|d| d.get_mut("workspace"))
        .and_then(Value::as_array_mut)
    else {
        return;
    };
    for w in workspaces.iter_mut().filter_map(Value::as_object_mut) {
        let csat = w.remove("csat_target").unwrap_or(json!(defaults.csat));
        let nps = w.remove("nps_target").unwrap_or(json!(defaults.nps));
        w.insert(
            "targets".into(),
            json!({ "csat": csat, "nps": nps, "compliance": defaults.compliance, "resolution": defaults.resolution }),
        );
    }
}

/// Schema 3 keeps deletions (`data.tombstones`); a file from before knows of none.
fn v2_to_v3(file: &mut Map<String, Value>) {
    if let Some(data) = file.get_mut("data").and_then(Value::as_object_mut) {
        data.entry("tombstones").or_insert_with(|| json!([]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v1_targets_become_a_targets_object() {
        let mut file = json!({
            "schema_version": 1,
            "data": { "workspace": [{ "business_name": "x", "csat_target": 85.0, "nps_target": 20 }] }
        });
        migrate(file.as_object_mut().unwrap(), 1);
        let w = &file["data"]["workspace"][0];
        assert_eq!(
            w["targets"],
            json!({ "csat": 85.0, "nps": 20, "compliance": 95.0, "resolution": 90.0 })
        );
        assert!(w.get("csat_target").is_none());
        assert_eq!(file["schema_version"], 3);
        assert_eq!(file["data"]["tombstones"], json!([]));
    }

    #[test]
    fn v2_files_gain_an_empty_list_of_deletions() {
        let mut file = json!({ "schema_version": 2, "data": { "staff": [] } });
        migrate(file.as_object_mut().unwrap(), 2);
        assert_eq!(
            file,
            json!({ "schema_version": 3, "data": { "staff": [], "tombstones": [] } })
        );
    }

    #[test]
    fn current_files_are_untouched() {
        let mut file = json!({
            "schema_version": 3,
            "data": { "workspace": [{ "targets": { "csat": 1 } }], "tombstones": [] }
        });
        let before = file.clone();
        migrate(file.as_object_mut().unwrap(), 3);
        assert_eq!(file, before);
    }
}
