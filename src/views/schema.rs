//! How `careers schema` reads: the schema's own text for people, and in JSON the schema as
//! editors read it; in CSV one row per top-level field of a profile, with whether it is required
//! and what it holds.

use crate::commands::schema::SchemaReport;
use crate::render::{Document, Records, Report};

impl Report for SchemaReport {
    /// One text, not records: plain shows it as it is.
    fn plain_records(&self) -> bool {
        false
    }

    /// The JSON is the schema itself, which editors read.
    fn json_version(&self) -> Option<u32> {
        None
    }

    /// Whatever the format, people want the schema text itself.
    fn document(&self) -> Document {
        let mut doc = Document::default();
        doc.code(serde_json::to_string_pretty(&self.schema).unwrap_or_default());
        doc
    }

    /// One row per top-level field: its name, whether it is required, and what it holds.
    fn records(&self) -> Records {
        let mut records = Records::new(["field", "required", "description"]);
        let required: Vec<&str> = self.schema["required"]
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        if let Some(props) = self.schema["properties"].as_object() {
            for (name, prop) in props {
                records.push([
                    name.clone(),
                    required.contains(&name.as_str()).to_string(),
                    prop["description"].as_str().unwrap_or_default().to_owned(),
                ]);
            }
        }
        records
    }
}
