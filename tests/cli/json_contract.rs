//! The one JSON contract of every command (docs/OUTPUT.md, format 4): a role is keyed `id`; a
//! record of an O*NET occupation carries its O*NET-SOC code as `code` and its SOC code as
//! `soc`; every source has one shape; counts are integers. Each command's JSON, on a fresh
//! install and after imports, is walked whole.

use serde_json::Value;

use crate::common::{TestEnv, fixture};

/// The keys a source may have; `name` and `release` it always has.
const SOURCE_KEYS: [&str; 5] = ["name", "release", "published", "citation", "notice"];

/// Keys whose numbers count people, jobs or openings, or are whole-dollar BLS figures.
const COUNT_KEYS: [&str; 8] = [
    "employment",
    "employment_base",
    "employment_projected",
    "change",
    "openings",
    "value",
    "at_least",
    "in_us_prices",
];

/// Every command that reports, as `careers ARGS --format json` runs it on the embedded data.
#[cfg_attr(not(feature = "embedded"), allow(dead_code))]
const COMMANDS: &[&[&str]] = &[
    &["list"],
    &["list", "--source", "onet", "--limit", "5"],
    &["show", "ml-engineer"],
    &["show", "15-2051.00"],
    &["show", "21-1014.00"],
    &["search", "data scientist"],
    &["search", "15-2051"],
    &["salary", "ml-engineer"],
    &["salary", "15-2051.00"],
    &["salary", "21-1014.00"],
    &["salary", "15-1250"],
    &["salary", "ml-engineer", "--city", "Seattle"],
    &["salary", "data-governance-analyst", "--industry", "Finance"],
    &["salary", "--city", "Austin", "--top", "5"],
    &["salary", "--list-cities"],
    &["where", "data-scientists"],
    &["where", "ml-engineer", "--by", "real-median"],
    &["places", "Austin"],
    &[
        "worth",
        "100000",
        "Austin",
        "120000",
        "Seattle",
        "--role",
        "15-2051.00",
    ],
    &["trends"],
    &["outlook", "ml-engineer"],
    &["outlook", "15-2051.00"],
    &["outlook", "15-1250"],
    &["outlook"],
    &["find", "--top", "5"],
    &["find", "--top", "5", "--city", "Austin", "--real"],
    &["explain"],
    &["compare", "ml-engineer", "15-2051.00", "--city", "Seattle"],
    &["gap", "data-engineer", "ml-engineer"],
    &["gap", "data-engineering-team-lead", "15-2051.00"],
    &[
        "match",
        "--skills",
        "python,machine learning,statistics",
        "-n",
        "5",
    ],
    &["moves", "ml-engineer"],
    &["path", "ml-engineer"],
    &["path", "15-2051.00"],
    &["sources"],
    &["validate"],
];

#[cfg(feature = "embedded")]
#[test]
fn every_command_keeps_the_one_json_contract() {
    let env = TestEnv::new().embedded();
    let mut broken = Vec::new();
    let new = env.json(&["new", "contract-role", "--summary", "A role of the test."]);
    check(&new, "$", &mut broken);
    for args in COMMANDS {
        let json = env.json(args);
        assert!(json.is_object(), "{args:?}: {json}");
        let mut found = Vec::new();
        check(&json, "$", &mut found);
        broken.extend(found.into_iter().map(|f| format!("{args:?} {f}")));
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn import_reports_keep_the_one_json_contract() {
    let env = TestEnv::new();
    let mut broken = Vec::new();
    for (database, folder) in [("onet", "onet"), ("oews", "oews"), ("prices", "prices")] {
        let json = env.json(&["import", database, fixture(folder).to_str().unwrap()]);
        // An import's `source` is the folder it read, not a source of figures.
        let mut report = json.clone();
        report.as_object_mut().unwrap().remove("source");
        let mut found = Vec::new();
        check(&report, "$", &mut found);
        broken.extend(found.into_iter().map(|f| format!("import {database}: {f}")));
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn the_contract_check_catches_each_break() {
    let broken = |value: Value| {
        let mut found = Vec::new();
        check(&value, "$", &mut found);
        found
    };
    let role = serde_json::json!({"id": "data-scientists", "title": "Data Scientists",
        "code": "15-2051.00", "soc": "15-2051", "origin": {"kind": "onet"}});
    assert_eq!(broken(role.clone()), Vec::<String>::new());
    let mut keyed_role = role.clone();
    keyed_role["role"] = "data-scientists".into();
    assert_eq!(broken(keyed_role), ["$: a role keyed `role`"]);
    let mut no_soc = role.clone();
    no_soc.as_object_mut().unwrap().remove("soc");
    assert_eq!(
        broken(no_soc),
        ["$: the occupation 15-2051.00 has no `soc`"]
    );
    let mut no_id = role.clone();
    no_id.as_object_mut().unwrap().remove("id");
    assert_eq!(broken(no_id), ["$: a role without `id`"]);
    assert_eq!(
        broken(serde_json::json!({"occupation": {"onet_code": "15-2051.00", "soc": "15-2051"}})),
        ["$.occupation: `onet_code`"]
    );
    assert_eq!(
        broken(serde_json::json!({"official_source": "BLS OEWS May 2025"})),
        ["$.official_source: a source as \"BLS OEWS May 2025\""]
    );
    assert_eq!(
        broken(serde_json::json!({"employment": {"measure": "employment", "value": 87350.0}})),
        ["$.employment.value: the count 87350.0 written as a float"]
    );
    assert_eq!(
        broken(serde_json::json!({"value": 26.13, "in_us_prices": 26.5})),
        Vec::<String>::new()
    );
}

/// Walks `value` at `path` and adds each break of the contract to `broken`.
fn check(value: &Value, path: &str, broken: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            check_object(map, path, broken);
            for (key, child) in map {
                let at = format!("{path}.{key}");
                if is_source_key(key, child) {
                    check_source(child, &at, broken);
                }
                // A curated figure's `{unit, value}` is a percentage or billions of dollars as
                // its profile types it, no count.
                let quantity = key == "value" && map.contains_key("unit");
                if COUNT_KEYS.contains(&key.as_str())
                    && !quantity
                    && child.as_f64().is_some_and(|n| n.fract() == 0.0)
                    && child.is_f64()
                {
                    broken.push(format!("{at}: the count {child} written as a float"));
                }
                // A profile's `codes` and an O*NET record's `related` are lists as the profile
                // and O*NET's record hold them: `{system, code, title, basis}` and `{code,
                // title, tier, rank}`.
                if key == "codes" || key == "related" {
                    continue;
                }
                check(child, &at, broken);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check(item, &format!("{path}[{i}]"), broken);
            }
        }
        _ => {}
    }
}

fn check_object(map: &serde_json::Map<String, Value>, path: &str, broken: &mut Vec<String>) {
    for old in ["onet_code", "onet_soc", "bls_code"] {
        if map.contains_key(old) {
            broken.push(format!("{path}: `{old}`"));
        }
    }
    // `worth`'s `role` is the object of the role `--role` names, keyed `id` itself.
    if let Some(role) = map.get("role")
        && role.get("id").is_none()
    {
        broken.push(format!("{path}: a role keyed `role`"));
    }
    let origin = map.get("origin").and_then(|o| o.get("kind"));
    if origin.is_some() && !map.get("id").is_some_and(Value::is_string) {
        broken.push(format!("{path}: a role without `id`"));
    }
    let code = map.get("code").and_then(Value::as_str);
    if origin.and_then(Value::as_str) == Some("onet") && code.is_none() {
        broken.push(format!("{path}: an O*NET occupation without `code`"));
    }
    if let Some(code) = code.filter(|c| looks_like_soc(c)) {
        if !is_onet_code(code) {
            broken.push(format!("{path}: `code` {code} is no O*NET-SOC code"));
        } else if map.contains_key("title") && !map.contains_key("soc") {
            broken.push(format!("{path}: the occupation {code} has no `soc`"));
        }
    }
    if let Some(soc) = map.get("soc")
        && !soc.as_str().is_some_and(is_soc_code)
    {
        broken.push(format!("{path}: `soc` {soc} is no SOC code"));
    }
    if let Some(codes) = map.get("codes").and_then(Value::as_array) {
        for c in codes.iter().filter_map(Value::as_str) {
            if !is_onet_code(c) {
                broken.push(format!("{path}: `codes` holds {c}"));
            }
        }
    }
}

/// Whether `key` names a source of figures: `*_source`, and a `source` that is not a curated
/// profile's document (`{document, section, year}`).
fn is_source_key(key: &str, value: &Value) -> bool {
    key.ends_with("_source") || (key == "source" && value.get("document").is_none())
}

fn check_source(value: &Value, path: &str, broken: &mut Vec<String>) {
    let Some(map) = value.as_object() else {
        broken.push(format!("{path}: a source as {value}"));
        return;
    };
    for key in ["name", "release"] {
        if !map.get(key).is_some_and(Value::is_string) {
            broken.push(format!("{path}: a source without `{key}`"));
        }
    }
    for key in map.keys() {
        if !SOURCE_KEYS.contains(&key.as_str()) {
            broken.push(format!("{path}: a source with `{key}`"));
        }
    }
}

/// `15-2051.00`.
fn is_onet_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 10
        && code.get(..7).is_some_and(is_soc_code)
        && b[7] == b'.'
        && b[8..].iter().all(u8::is_ascii_digit)
}

/// `15-2051`.
fn is_soc_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 7
        && b[..2].iter().all(u8::is_ascii_digit)
        && b[2] == b'-'
        && b[3..].iter().all(u8::is_ascii_digit)
}

/// Whether `code` begins as a SOC code does (`15-2051`), rather than an area or industry code.
fn looks_like_soc(code: &str) -> bool {
    code.get(..7).is_some_and(is_soc_code)
}
