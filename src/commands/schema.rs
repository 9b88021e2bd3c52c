//! `careers schema`: the JSON Schema of a profile file.

use serde::Serialize;

use crate::Context;
use crate::cli::SchemaArgs;

/// The schema; its JSON form is the schema itself.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct SchemaReport {
    pub schema: serde_json::Value,
}

/// It shows no credited source's figures.
impl crate::model::credits::Credited for SchemaReport {}

pub fn run(_ctx: &Context, _args: &SchemaArgs) -> anyhow::Result<SchemaReport> {
    Ok(SchemaReport {
        schema: crate::validate::editor_schema(),
    })
}
