//! Upgrades an older backup file one schema version at a time, on the raw JSON, before it
//! is read into records. Each step knows only its own change.

use serde_json::{json, Map, Value};

/// `STEPS[i]` upgrades schema `i + 1` to `i + 2`.
const STEPS: &[fn(&mut Map<String, Value>)] = &[v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5];

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

/// Schema 4 turns improvement actions into A3 cards: the findings become the notes, the
/// linked feedback the trigger, and the KPI figures typed by hand are kept as `noted` (they
/// were not measured from the records, so they are neither a condition nor an effect).
fn v3_to_v4(file: &mut Map<String, Value>) {
    let Some(actions) = file
        .get_mut("data")
        .and_then(|d| d.get_mut("improvement_actions"))
        .and_then(Value::as_array_mut)
    else {
        return;
    };
    for a in actions.iter_mut().filter_map(Value::as_object_mut) {
        let notes = a.remove("findings").unwrap_or(json!(""));
        a.insert("notes".into(), notes);
        let feedback = a.remove("feedback_ids").unwrap_or(json!([]));
        let trigger = match feedback.as_array() {
            Some(ids) if !ids.is_empty() => json!({ "kind": "feedback", "feedback_ids": ids }),
            _ => json!({ "kind": "manual" }),
        };
        a.insert("trigger".into(), trigger);
        let kpi = a.remove("kpi").unwrap_or(json!(""));
        let before = a.remove("kpi_before").unwrap_or(Value::Null);
        let after = a.remove("kpi_after").unwrap_or(Value::Null);
        let written = kpi.as_str().is_some_and(|k| !k.is_empty());
        let noted = (written || !before.is_null() || !after.is_null())
            .then(|| json!({ "kpi": kpi, "before": before, "after": after }));
        a.insert("noted".into(), noted.unwrap_or(Value::Null));
    }
}

/// Schema 5 adds locations (门店) and a record's `location_id`, both optional: a file from
/// before is one shop's, and reads as it is. The step exists so an older app refuses a
/// schema-5 file by its version instead of stumbling on the fields it does not know.
fn v4_to_v5(_: &mut Map<String, Value>) {}

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
        assert_eq!(file["schema_version"], 5);
        assert_eq!(file["data"]["tombstones"], json!([]));
    }

    #[test]
    fn v2_files_gain_an_empty_list_of_deletions() {
        let mut file = json!({ "schema_version": 2, "data": { "staff": [] } });
        migrate(file.as_object_mut().unwrap(), 2);
        assert_eq!(
            file,
            json!({ "schema_version": 5, "data": { "staff": [], "tombstones": [] } })
        );
    }

    #[test]
    fn current_files_are_untouched() {
        let mut file = json!({
            "schema_version": 5,
            "data": { "workspace": [{ "targets": { "csat": 1 } }], "tombstones": [] }
        });
        let before = file.clone();
        migrate(file.as_object_mut().unwrap(), 5);
        assert_eq!(file, before);
    }

    #[test]
    fn v4_files_read_as_one_shop() {
        let data = json!({ "responses": [], "tombstones": [] });
        let mut file = json!({ "schema_version": 4, "data": data });
        migrate(file.as_object_mut().unwrap(), 4);
        assert_eq!(file, json!({ "schema_version": 5, "data": data }));
    }

    /// A schema-3 action as the demo wrote it: nothing it held may be lost.
    fn v3_action(feedback: Value, kpi: &str, before: Value) -> Value {
        json!({
            "id": "00000000-0000-4000-8000-000000000001",
            "created_at": "2026-10-01T02:00:00Z",
            "updated_at": "2026-10-02T02:00:00Z",
            "title": "Remove re-keying",
            "stage": "done",
            "owner_id": null,
            "due_on": "2026-10-20",
            "findings": "Orders were typed twice.",
            "feedback_ids": feedback,
            "process_version_id": null,
            "kpi": kpi,
            "kpi_before": before,
            "kpi_after": 31.5
        })
    }

    #[test]
    fn v3_actions_become_a3_cards() {
        let fb = "00000000-0000-4000-8000-0000000000f1";
        let mut file = json!({
            "schema_version": 3,
            "data": {
                "improvement_actions": [v3_action(json!([fb]), "Service time (min)", json!(38.25))],
                "tombstones": []
            }
        });
        migrate(file.as_object_mut().unwrap(), 3);
        let a = &file["data"]["improvement_actions"][0];
        assert_eq!(a["notes"], "Orders were typed twice.");
        assert_eq!(
            a["trigger"],
            json!({ "kind": "feedback", "feedback_ids": [fb] })
        );
        assert_eq!(
            a["noted"],
            json!({ "kpi": "Service time (min)", "before": 38.25, "after": 31.5 })
        );
        for gone in ["findings", "feedback_ids", "kpi", "kpi_before", "kpi_after"] {
            assert!(a.get(gone).is_none(), "{gone} left behind");
        }
        let read: crate::domain::model::ImprovementAction =
            serde_json::from_value(a.clone()).unwrap();
        assert_eq!(read.stage, crate::domain::model::PdcaStage::Done);
        assert_eq!(read.due_on.unwrap().to_string(), "2026-10-20");
        assert!(read.moves.is_empty() && read.tasks.is_empty() && read.goal.is_none());
    }

    #[test]
    fn a_v3_action_without_links_or_figures_is_manual_with_nothing_noted() {
        let mut file = json!({
            "schema_version": 3,
            "data": { "improvement_actions": [v3_action(json!([]), "", Value::Null)] }
        });
        file["data"]["improvement_actions"][0]["kpi_after"] = Value::Null;
        migrate(file.as_object_mut().unwrap(), 3);
        let a = &file["data"]["improvement_actions"][0];
        assert_eq!(a["trigger"], json!({ "kind": "manual" }));
        assert_eq!(a["noted"], Value::Null);
    }
}
