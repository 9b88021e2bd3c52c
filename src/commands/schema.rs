//! `careers schema`: the JSON Schema of a profile file.

use serde::Serialize;

use crate::Context;
use crate::cli::SchemaArgs;
use crate::render::{Document, Records, Report};

/// The schema; its JSON form is the schema itself.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct SchemaReport {
    pub schema: serde_json::Value,
}

pub fn run(_ctx: &Context, _args: &SchemaArgs) -> anyhow::Result<SchemaReport> {
    Ok(SchemaReport {
        schema: crate::validate::profile_schema().clone(),
    })
}

impl Report for SchemaReport {
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
