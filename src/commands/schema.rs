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

pub fn run(_ctx: &Context, _args: &SchemaArgs) -> anyhow::Result<SchemaReport> {
    Ok(SchemaReport {
        schema: editor_schema(),
    })
}

/// The schema for editors: the derived one, with the rules `validate` checks on single fields
/// that a JSON Schema can say too, so that an editor flags them as they are typed: an id is a
/// lowercase slug of at most 100 characters, a title and a summary hold more than spaces, a pay
/// figure's year lies in 1900-2100, a percentage falls by at most 100 and a share lies in
/// 0-100. Rules across fields or files (a band's low above its high,
/// an alias claimed twice, a reference to a missing profile) stay `validate`'s alone.
pub fn editor_schema() -> serde_json::Value {
    use serde_json::json;
    let mut schema = crate::validate::profile_schema().clone();
    let mut set = |pointer: &str, rules: serde_json::Value| {
        if let (Some(target), Some(rules)) = (schema.pointer_mut(pointer), rules.as_object())
            && let Some(target) = target.as_object_mut()
        {
            for (k, v) in rules {
                target.insert(k.clone(), v.clone());
            }
        }
    };
    set(
        "/properties/id",
        json!({"pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 100}),
    );
    set("/properties/title", json!({"pattern": "\\S"}));
    set("/properties/summary", json!({"pattern": "\\S"}));
    set(
        "/$defs/SalaryFigure/properties/year",
        json!({"minimum": 1900, "maximum": 2100}),
    );
    // A percentage falls by at most 100; a share (adoption) lies in 0-100.
    set(
        "/$defs/Quantity/oneOf/0/properties/value",
        json!({"minimum": -100}),
    );
    set(
        "/$defs/Figure",
        json!({
            "if": {
                "properties": {
                    "kind": {"const": "adoption"},
                    "value": {"properties": {"unit": {"const": "percent"}}}
                },
                "required": ["kind", "value"]
            },
            "then": {
                "properties": {"value": {"properties": {"value": {"minimum": 0, "maximum": 100}}}}
            }
        }),
    );
    schema
}
