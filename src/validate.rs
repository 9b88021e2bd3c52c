//! Checks a profile file and reports every problem in it, not just the first: JSON syntax with
//! line, column and an excerpt; schema errors with the JSON path of the field, what was expected
//! and what was found; then the model's invariants. Never panics, whatever the bytes.

use std::sync::OnceLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::paths::LocationSegment;
use serde_json::Value;

use crate::error::suggest;
use crate::model::Profile;

/// Profile files larger than this are refused unread: no real profile comes near it.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// One problem in a file, located by line and column or by JSON path.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The JSON path of the field, e.g. `salary.figures[2].pay.high`; empty for the whole file.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub path: String,
    pub message: String,
}

impl Diagnostic {
    fn at_path(path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            line: None,
            column: None,
            path: path.into(),
            message: message.into(),
        }
    }

    fn whole_file(message: impl Into<String>) -> Self {
        Diagnostic::at_path("", message)
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(col)) => write!(f, "{line}:{col}: ")?,
            (Some(line), None) => write!(f, "{line}: ")?,
            _ => {}
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

/// The JSON Schema of a profile, as `careers schema` prints it.
pub fn profile_schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let mut schema = serde_json::to_value(schemars::schema_for!(Profile))
            .expect("a derived schema serializes");
        if let Some(obj) = schema.as_object_mut() {
            obj.insert(
                "$id".into(),
                Value::String("https://careers.invalid/schema/profile.json".into()),
            );
        }
        schema
    })
}

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        jsonschema::validator_for(profile_schema()).expect("the derived schema is valid")
    })
}

/// The field names allowed in the object at `location`, for did-you-mean on unknown fields.
fn fields_at(location: &jsonschema::paths::Location) -> Vec<String> {
    let root = profile_schema();
    let mut nodes = vec![root];
    for segment in location {
        nodes = nodes
            .into_iter()
            .flat_map(|n| branches(root, n))
            .filter_map(|n| match &segment {
                LocationSegment::Property(name) => n.get("properties")?.get(name.as_ref()),
                LocationSegment::Index(_) => n.get("items"),
            })
            .collect();
    }
    let mut names: Vec<String> = nodes
        .into_iter()
        .flat_map(|n| branches(root, n))
        .filter_map(|n| n.get("properties").and_then(Value::as_object))
        .flat_map(|props| props.keys().cloned())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// A schema node with its `$ref` followed and its `oneOf`/`anyOf` branches spread out.
fn branches<'a>(root: &'a Value, node: &'a Value) -> Vec<&'a Value> {
    let node = match node.get("$ref").and_then(Value::as_str) {
        Some(pointer) => root
            .pointer(pointer.trim_start_matches('#'))
            .unwrap_or(node),
        None => node,
    };
    let mut out = vec![node];
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(list) = node.get(key).and_then(Value::as_array) {
            out.extend(list.iter().flat_map(|n| branches(root, n)));
        }
    }
    out
}

/// Checks the bytes of one profile file. Returns the profile, or every problem found.
pub fn check_bytes(bytes: &[u8]) -> Result<Profile, Vec<Diagnostic>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let valid = &bytes[..err.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let column = valid.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
            return Err(vec![Diagnostic {
                line: Some(line),
                column: Some(column),
                path: String::new(),
                message: format!(
                    "not valid UTF-8 (byte 0x{:02x}); save the file as UTF-8",
                    bytes[err.valid_up_to()]
                ),
            }]);
        }
    };
    if text.trim().is_empty() {
        return Err(vec![Diagnostic::whole_file(
            "the file is empty; a profile needs at least \"id\", \"title\" and \"summary\"",
        )]);
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(err) => return Err(vec![syntax_diagnostic(text, &err)]),
    };
    // A parsed `Value` keeps the last of two equal keys without a word; a reader of the file
    // may well mean the first.
    if let Err(err) = serde_json::from_str::<UniqueKeys>(text) {
        return Err(vec![syntax_diagnostic(text, &err)]);
    }
    let errors: Vec<(String, Vec<Diagnostic>)> = validator()
        .iter_errors(&value)
        .map(|e| {
            (
                e.instance_path().as_str().to_owned(),
                schema_diagnostics(&e),
            )
        })
        .collect();
    // The schema counts 150000.0 and 1.5e5 as integers; the model's u64 does not, and its
    // error would name neither the field nor the fix.
    let floats = float_integers(&value);
    if errors.is_empty() {
        if !floats.is_empty() {
            return Err(floats);
        }
        let profile: Profile = match serde_json::from_value(value) {
            Ok(p) => p,
            Err(err) => return Err(vec![Diagnostic::whole_file(err.to_string())]),
        };
        let invariants = invariant_diagnostics(&profile);
        return if invariants.is_empty() {
            Ok(profile)
        } else {
            Err(invariants)
        };
    }
    let mut problems: Vec<Diagnostic> = errors.iter().flat_map(|(_, d)| d.clone()).collect();
    problems.dedup();
    problems.extend(floats);
    // Check the invariants of what remains once the fields that broke the schema are taken
    // out, so one run reports every problem, not the schema's first and the rest next time.
    let mut pruned = value;
    let mut removed = Vec::new();
    for (pointer, _) in &errors {
        if let Some(path) = prune(&mut pruned, pointer) {
            removed.push(path);
        }
    }
    if let Ok(profile) = serde_json::from_value::<Profile>(pruned) {
        problems.extend(
            invariant_diagnostics(&profile)
                .into_iter()
                .filter(|d| !removed.iter().any(|r| d.path.starts_with(r.as_str()))),
        );
    }
    Err(problems)
}

fn invariant_diagnostics(profile: &Profile) -> Vec<Diagnostic> {
    profile
        .problems()
        .into_iter()
        .map(|p| Diagnostic::at_path(p.path, p.message))
        .chain(key_diagnostics(profile))
        .collect()
}

/// Whether a profile that parsed also holds up as a file: every name it can be looked up by
/// has something to look it up with. (A key given twice in an object fails the parse itself:
/// see the test `a_key_given_twice_anywhere_fails_the_parse`.)
pub fn sound_as_file(profile: &Profile) -> bool {
    key_diagnostics(profile).is_empty()
}

/// The id, title and aliases that normalise to nothing: lookups compare names by their ASCII
/// letters and digits, so `"数据"` or `"???"` would match every other such name, `''` included.
fn key_diagnostics(profile: &Profile) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut check = |path: String, name: &str| {
        // An empty name is the model's to report.
        if !name.trim().is_empty() && crate::model::role_key(name).is_empty() {
            out.push(Diagnostic::at_path(
                path,
                format!(
                    "{name:?} has no ASCII letter or digit, so no name could find it; add some (e.g. a transliteration)"
                ),
            ));
        }
    };
    check("title".into(), &profile.title);
    for (i, alias) in profile.aliases.iter().enumerate() {
        check(format!("aliases[{i}]"), alias);
    }
    out
}

/// Any JSON document, read only to refuse an object that holds a key twice.
struct UniqueKeys;

impl<'de> serde::Deserialize<'de> for UniqueKeys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(UniqueKeys)
    }
}

impl<'de> serde::de::Visitor<'de> for UniqueKeys {
    type Value = UniqueKeys;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self, E> {
        Ok(UniqueKeys)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self, E> {
        Ok(UniqueKeys)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self, E> {
        Ok(UniqueKeys)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self, E> {
        Ok(UniqueKeys)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self, E> {
        Ok(UniqueKeys)
    }
    fn visit_unit<E>(self) -> Result<Self, E> {
        Ok(UniqueKeys)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self, A::Error> {
        while seq.next_element::<UniqueKeys>()?.is_some() {}
        Ok(UniqueKeys)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self, A::Error> {
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                return Err(serde::de::Error::custom(format!(
                    "duplicate key {key:?}; each key may appear once in an object"
                )));
            }
            map.next_value::<UniqueKeys>()?;
        }
        Ok(UniqueKeys)
    }
}

/// Takes out of `value` the object field that holds the value at `pointer` (the field itself,
/// or the array field around an array element), so that the rest can be read as a profile. A
/// required top-level field gets a stand-in instead, whose own checks are then not reported.
/// Returns the dotted path of what was taken out.
fn prune(value: &mut Value, pointer: &str) -> Option<String> {
    let segments: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect();
    // The nearest enclosing object field: skip trailing array indexes.
    let mut end = segments.len();
    loop {
        if end == 0 {
            // The whole document is wrong (not an object, or a required field is missing).
            if let Value::Object(map) = value {
                for field in ["id", "title", "summary"] {
                    let ok = map.get(field).is_some_and(Value::is_string);
                    if !ok {
                        map.insert(field.into(), Value::String("stand-in".into()));
                    }
                }
            }
            return Some(String::from("\u{0}"));
        }
        let parent = value.pointer(&segments_to_pointer(&segments[..end - 1]))?;
        if parent.is_object() {
            break;
        }
        end -= 1;
    }
    let key = segments[end - 1].clone();
    let parent_pointer = segments_to_pointer(&segments[..end - 1]);
    let parent = value.pointer_mut(&parent_pointer)?.as_object_mut()?;
    if end == 1 && matches!(key.as_str(), "id" | "title" | "summary") {
        parent.insert(key.clone(), Value::String("stand-in".into()));
    } else {
        parent.remove(&key);
    }
    let mut dotted = String::new();
    for s in &segments[..end] {
        if s.parse::<usize>().is_ok() && !dotted.is_empty() {
            dotted.push_str(&format!("[{s}]"));
        } else {
            if !dotted.is_empty() {
                dotted.push('.');
            }
            dotted.push_str(s);
        }
    }
    Some(dotted)
}

fn segments_to_pointer(segments: &[String]) -> String {
    let mut pointer = String::new();
    for s in segments {
        pointer.push('/');
        pointer.push_str(&s.replace('~', "~0").replace('/', "~1"));
    }
    pointer
}

fn syntax_diagnostic(text: &str, err: &serde_json::Error) -> Diagnostic {
    let line = err.line();
    // serde_json counts a position just after a newline as column 0; editors count from 1.
    let column = err.column().max(1);
    let mut message = err.to_string();
    // serde_json appends " at line L column C"; the location is given separately.
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    if message.starts_with("recursion limit exceeded") {
        message = "nested too deeply (more than 128 levels); no profile needs that".into();
    }
    if let Some(source_line) = text.lines().nth(line.saturating_sub(1)) {
        let excerpt = excerpt(source_line, column);
        if !excerpt.is_empty() {
            message.push_str(&format!(", near `{excerpt}`"));
        }
    }
    Diagnostic {
        line: Some(line),
        column: Some(column),
        path: String::new(),
        message,
    }
}

/// Up to 30 characters of `line` ending at `column`, trimmed.
fn excerpt(line: &str, column: usize) -> String {
    let chars: Vec<char> = line.chars().collect();
    let end = column.min(chars.len());
    let start = end.saturating_sub(30);
    let text: String = chars[start..end].iter().collect();
    let text = text.trim();
    crate::render::sanitize::sanitize(text).into_owned()
}

/// One step into a JSON document.
enum Step<'a> {
    Field(&'a str),
    Item(usize),
}

/// A diagnostic for every whole number written with a fraction or an exponent (`150000.0`,
/// `1.5e5`) where the schema wants an integer.
fn float_integers(value: &Value) -> Vec<Diagnostic> {
    fn walk<'a>(value: &'a Value, path: &mut Vec<Step<'a>>, out: &mut Vec<Diagnostic>) {
        match value {
            Value::Number(n) if n.is_f64() => {
                let f = n.as_f64().unwrap_or(f64::NAN);
                if f.fract() == 0.0 && f.abs() < 1e15 && integer_at(path) {
                    let dotted = path.iter().fold(String::new(), |mut acc, step| {
                        match step {
                            Step::Field(name) if acc.is_empty() => acc.push_str(name),
                            Step::Field(name) => {
                                acc.push('.');
                                acc.push_str(name);
                            }
                            Step::Item(i) => acc.push_str(&format!("[{i}]")),
                        }
                        acc
                    });
                    out.push(Diagnostic::at_path(
                        dotted,
                        format!(
                            "expected an integer, found the number {n}; write it as an integer ({})",
                            f as i64
                        ),
                    ));
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(Step::Item(i));
                    walk(item, path, out);
                    path.pop();
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    path.push(Step::Field(key));
                    walk(item, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, &mut Vec::new(), &mut out);
    out
}

/// Whether the schema wants an integer at `path`, in any of its branches.
fn integer_at(path: &[Step<'_>]) -> bool {
    let root = profile_schema();
    let mut nodes = vec![root];
    for step in path {
        nodes = nodes
            .into_iter()
            .flat_map(|n| branches(root, n))
            .filter_map(|n| match step {
                Step::Field(name) => n.get("properties")?.get(*name),
                Step::Item(_) => n.get("items"),
            })
            .collect();
    }
    nodes
        .into_iter()
        .flat_map(|n| branches(root, n))
        .any(|n| match n.get("type") {
            Some(Value::String(t)) => t == "integer",
            Some(Value::Array(types)) => types.iter().any(|t| t == "integer"),
            _ => false,
        })
}

/// `salary.figures[2].pay.high` from a JSON pointer location.
fn dotted(location: &jsonschema::paths::Location) -> String {
    let mut out = String::new();
    for segment in location {
        match segment {
            LocationSegment::Property(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(&name);
            }
            LocationSegment::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// "the string \"182k\"", "the number -5", "an object".
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => {
            let shown: String = s.chars().take(40).collect();
            let more = if s.chars().count() > 40 { "…" } else { "" };
            format!("the string {shown:?}{more}")
        }
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

fn type_name(kind: &TypeKind) -> String {
    let one = |t: &jsonschema::JsonType| match t.to_string().as_str() {
        "integer" => "an integer".to_owned(),
        "array" => "an array".to_owned(),
        "object" => "an object".to_owned(),
        "null" => "null".to_owned(),
        other => format!("a {other}"),
    };
    match kind {
        TypeKind::Single(t) => one(t),
        TypeKind::Multiple(set) => {
            // "null or a string" is how schemas spell an optional field; say what to write.
            let types: Vec<String> = set
                .iter()
                .filter(|t| t.to_string() != "null")
                .map(|t| one(&t))
                .collect();
            types.join(" or ")
        }
    }
}

fn schema_diagnostics(err: &jsonschema::ValidationError<'_>) -> Vec<Diagnostic> {
    let path = dotted(err.instance_path());
    let instance = err.instance();
    let message = match err.kind() {
        ValidationErrorKind::Type { kind } => {
            // An optional field written as null reads better as its own message.
            format!("expected {}, found {}", type_name(kind), describe(instance))
        }
        ValidationErrorKind::Enum { options } => {
            let known: Vec<String> = options
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            let found = instance.as_str().unwrap_or_default();
            let hint =
                crate::error::did_you_mean(&suggest(found, known.iter().map(String::as_str)));
            format!(
                "expected one of {}, found {}{hint}",
                known.join(", "),
                describe(instance)
            )
        }
        ValidationErrorKind::Constant { expected_value } => {
            format!("expected {expected_value}, found {}", describe(instance))
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let allowed = fields_at(err.instance_path());
            return unexpected
                .iter()
                .map(|field| {
                    let hint = crate::error::did_you_mean(&suggest(
                        field,
                        allowed.iter().map(String::as_str),
                    ));
                    let at = if path.is_empty() {
                        field.clone()
                    } else {
                        format!("{path}.{field}")
                    };
                    Diagnostic::at_path(at, format!("unknown field{hint}"))
                })
                .collect();
        }
        ValidationErrorKind::Required { property } => {
            format!(
                "missing required field {}",
                property
                    .as_str()
                    .map_or_else(|| property.to_string(), |p| format!("\"{p}\""))
            )
        }
        ValidationErrorKind::Minimum { limit } => {
            format!("must be at least {limit}, found {}", describe(instance))
        }
        ValidationErrorKind::Maximum { limit } => {
            format!("must be at most {limit}, found {}", describe(instance))
        }
        ValidationErrorKind::OneOfNotValid { context } | ValidationErrorKind::AnyOf { context } => {
            return alternatives(err, context);
        }
        _ => err.to_string(),
    };
    vec![Diagnostic::at_path(path, message)]
}

/// A value that matched none of several shapes: an optional section (the shape or null) or a
/// tagged value (a salary figure's `pay`, a quantity's `unit`). Reports what the value meant.
fn alternatives(
    err: &jsonschema::ValidationError<'_>,
    context: &[Vec<jsonschema::ValidationError<'static>>],
) -> Vec<Diagnostic> {
    let here = err.instance_path().as_str().to_owned();
    // Shapes the value is not even the right type for (null for an object) say nothing.
    let mut candidates: Vec<&Vec<jsonschema::ValidationError<'static>>> = context
        .iter()
        .filter(|branch| {
            !branch.iter().any(|e| {
                e.instance_path().as_str() == here
                    && matches!(e.kind(), ValidationErrorKind::Type { .. })
            })
        })
        .collect();
    let tag_mismatch = |branch: &Vec<jsonschema::ValidationError<'static>>| {
        branch
            .iter()
            .any(|e| matches!(e.kind(), ValidationErrorKind::Constant { .. }))
    };
    if candidates.len() > 1 {
        let tagged: Vec<_> = candidates
            .iter()
            .copied()
            .filter(|b| !tag_mismatch(b))
            .collect();
        if tagged.is_empty() {
            // No shape has this tag: name the tags that exist.
            let tags: Vec<String> = candidates
                .iter()
                .flat_map(|b| b.iter())
                .filter_map(|e| match e.kind() {
                    ValidationErrorKind::Constant { expected_value } => {
                        expected_value.as_str().map(str::to_owned)
                    }
                    _ => None,
                })
                .collect();
            let field = candidates
                .iter()
                .flat_map(|b| b.iter())
                .find(|e| matches!(e.kind(), ValidationErrorKind::Constant { .. }))
                .map_or_else(
                    || dotted(err.instance_path()),
                    |e| dotted(e.instance_path()),
                );
            let found = candidates[0]
                .iter()
                .find(|e| matches!(e.kind(), ValidationErrorKind::Constant { .. }))
                .map_or_else(|| "nothing".into(), |e| describe(e.instance()));
            let hint = crate::error::did_you_mean(&suggest(
                err.instance()
                    .get(field.rsplit('.').next().unwrap_or_default())
                    .and_then(Value::as_str)
                    .unwrap_or_default(),
                tags.iter().map(String::as_str),
            ));
            return vec![Diagnostic::at_path(
                field,
                format!("expected one of {}, found {found}{hint}", tags.join(", ")),
            )];
        }
        candidates = tagged;
    }
    if let Some(branch) = candidates.first() {
        return branch.iter().flat_map(schema_diagnostics).collect();
    }
    // Every shape wants another type: name the types (an optional object is "an object").
    let mut wanted: Vec<String> = context
        .iter()
        .flatten()
        .filter(|e| e.instance_path().as_str() == here)
        .filter_map(|e| match e.kind() {
            ValidationErrorKind::Type { kind } => Some(type_name(kind)),
            _ => None,
        })
        .filter(|t| !t.is_empty() && t != "null")
        .collect();
    wanted.dedup();
    let message = if wanted.is_empty() {
        format!(
            "{} does not match any allowed shape",
            describe(err.instance())
        )
    } else {
        format!(
            "expected {}, found {}",
            wanted.join(" or "),
            describe(err.instance())
        )
    };
    vec![Diagnostic::at_path(dotted(err.instance_path()), message)]
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

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        match check_bytes(text.as_bytes()) {
            Ok(_) => vec![],
            Err(d) => d.into_iter().map(|d| d.to_string()).collect(),
        }
    }

    #[test]
    fn integers_written_as_floats_get_their_path_and_the_fix() {
        let with = |high: &str, year: &str| {
            format!(
                r#"{{"id": "x", "title": "X", "summary": "s", "salary": {{"figures": [{{"dimension": "location", "label": "Seattle", "location": "Seattle", "pay": {{"kind": "range", "low": 147000, "high": {high}}}, "measure": "salary", "year": {year}}}]}}}}"#
            )
        };
        assert_eq!(
            problems(&with("150000.0", "2024")),
            [
                "salary.figures[0].pay.high: expected an integer, found the number 150000.0; write it as an integer (150000)"
            ]
        );
        assert_eq!(
            problems(&with("1.5e5", "2024.0")),
            [
                "salary.figures[0].pay.high: expected an integer, found the number 150000.0; write it as an integer (150000)",
                "salary.figures[0].year: expected an integer, found the number 2024.0; write it as an integer (2024)"
            ]
        );
        assert_eq!(problems(&with("150000", "2024")), Vec::<String>::new());
    }

    #[test]
    fn every_bundled_profile_passes_the_full_check() {
        for (file, text) in crate::store::BUNDLED_FILES {
            assert_eq!(check_bytes(text.as_bytes()).err(), None, "{file}");
        }
    }

    #[test]
    fn a_minimal_profile_is_valid() {
        assert_eq!(
            problems(r#"{"id":"x","title":"X","summary":"An x."}"#),
            Vec::<String>::new()
        );
    }

    #[test]
    fn every_schema_problem_is_reported_with_its_path() {
        let text = r#"{"id":"x","title":5,"summary":"s","salary":{"figures":[
            {"dimension":"location","label":"Seattle","location":"Seattle","measure":"salary","year":2024,
             "pay":{"kind":"range","low":147000,"high":"182k"}}]},"skils":[]}"#;
        assert_eq!(
            problems(text),
            vec![
                "salary.figures[0].pay.high: expected an integer, found the string \"182k\"",
                "title: expected a string, found the number 5",
                "skils: unknown field (did you mean skills?)",
            ]
        );
    }

    #[test]
    fn schema_errors_and_broken_invariants_come_in_one_report() {
        let text = r#"{"id":"Bad Id","title":"","summary":"s","aliases":"x",
            "trends":[{"name":"T","summary":"S","figure":5}],
            "salary":{"figures":[{"dimension":"overall","label":"a",
            "pay":{"kind":"range","low":10,"high":5},"measure":"salary","year":2024}]}}"#;
        assert_eq!(
            problems(text),
            vec![
                "aliases: expected an array, found the string \"x\"",
                "trends[0].figure: expected an object, found the number 5",
                "id: \"Bad Id\" is not a lowercase slug (letters a-z, digits and single hyphens, e.g. \"bad-id\")",
                "title: must not be empty",
                "salary.figures[0].pay: low (10) is greater than high (5)",
            ]
        );
        // A missing required field does not hide the rest either.
        assert_eq!(
            problems(
                r#"{"id":"x","title":"X","trends":[{"name":"T","summary":"S","figure":{"metric":"m","value":{"unit":"percent","value":170},"kind":"adoption"}}]}"#
            ),
            vec![
                "missing required field \"summary\"",
                "trends[0].figure.value: 170% is out of range: a share must lie between 0 and 100",
            ]
        );
    }

    #[test]
    fn syntax_errors_carry_line_column_and_excerpt() {
        assert_eq!(
            problems("{\n  \"id\": \"x\",\n  \"title\" \"X\"\n}"),
            vec!["3:11: expected `:`, near `\"title\" \"`"]
        );
    }

    #[test]
    fn deep_nesting_is_refused_without_overflow() {
        let text = "[".repeat(10_000);
        assert_eq!(
            problems(&text),
            vec![
                "1:128: nested too deeply (more than 128 levels); no profile needs that, near `[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[`"
            ]
        );
    }
}
