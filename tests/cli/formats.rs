//! Every command in every format, from the built binary: tables as snapshots at a fixed width,
//! JSON, CSV and Markdown parsed back and checked by their own rules, and no escape codes in a
//! machine format whatever the colour settings.

use std::path::Path;

use crate::common::{TestEnv, assert_fits};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// One invocation of every command that renders a report: (snapshot name, arguments). A new
/// command adds its line here and is then checked in every format and width.
pub(crate) const COMMANDS: &[(&str, &[&str])] = &[
    ("list", &["list"]),
    ("show", &["show", "ml-engineer"]),
    ("show_user_profile", &["show", "quoting-analyst"]),
    ("search", &["search", "engineer"]),
    ("salary", &["salary", "ml-engineer"]),
    ("trends", &["trends", "ml-engineer"]),
    ("outlook", &["outlook", "ml-engineer"]),
    ("compare", &["compare", "quoting-analyst", "ml-engineer"]),
    ("gap", &["gap", "quoting-analyst", "ml-engineer"]),
    ("match", &["match", "--skills", "python,sql"]),
    ("path", &["path", "ml-engineer"]),
    ("validate", &["validate", "data/profiles"]),
    ("schema", &["schema"]),
    (
        "new",
        &[
            "new",
            "analytics-engineer",
            "--title",
            "Analytics Engineer",
            "--summary",
            "Builds the models analysts query.",
        ],
    ),
];

/// Commands whose table format is a text to copy or redirect (`careers schema > file`), printed
/// as it is: wrapping it to the width would break it.
const VERBATIM: &[&str] = &["schema"];

/// The title and summary of the fixture profile: a comma, quotes, a pipe and a newline.
const AWKWARD_TITLE: &str = "Analyst, \"Quoting\" | Pipes";
const AWKWARD_SUMMARY: &str = "Line one, with a comma.\nLine two with \"quotes\" and a | pipe.";

/// A scratch folder whose data directory holds the profile with awkward text. Commands run
/// inside it with `CAREERS_DATA_DIR=data`, so the paths they print are the same everywhere.
pub(crate) fn awkward() -> TestEnv {
    TestEnv::new()
        .in_scratch()
        .with_fixture_profile("formats/quoting-analyst.json")
}

/// Runs one command in one format in a fresh scratch folder (`new` writes a file). Nothing goes
/// to stderr but `new`'s hints for people, in the formats for people.
fn render(args: &[&str], format: &str, extra: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend(["--format", format]);
    all.extend(extra);
    let out = awkward().run(&all);
    assert_eq!(out.code, Some(0), "careers {all:?}: {}", out.stderr);
    let hints = args[0] == "new" && !["json", "csv"].contains(&format);
    assert_eq!(
        out.stderr.is_empty(),
        !hints,
        "careers {all:?}: {}",
        out.stderr
    );
    out.stdout
}

#[test]
fn every_command_renders_a_table_at_100_columns() {
    for (name, args) in COMMANDS {
        let out = render(args, "table", &["--color", "never"]);
        if !VERBATIM.contains(name) {
            assert_fits(&out, 100);
        }
        insta::assert_snapshot!(format!("table_{name}"), out);
    }
}

#[test]
fn every_command_renders_valid_json() {
    for (name, args) in COMMANDS {
        let out = render(args, "json", &[]);
        let value: serde_json::Value =
            serde_json::from_str(&out).unwrap_or_else(|e| panic!("{name}: {e}"));
        insta::assert_snapshot!(format!("json_{name}"), out);
        // One object, its format version first; the schema is a JSON Schema document.
        let object = value
            .as_object()
            .unwrap_or_else(|| panic!("{name}: {value}"));
        if *name == "schema" {
            assert!(object.get("format_version").is_none(), "{name}");
        } else {
            assert!(
                out.starts_with("{\n  \"format_version\": 4,\n"),
                "{name}: {out}"
            );
            assert_eq!(object["format_version"], 4, "{name}");
        }
    }
}

#[test]
fn every_command_renders_csv_with_a_header_and_equal_rows() {
    for (name, args) in COMMANDS {
        let out = render(args, "csv", &[]);
        insta::assert_snapshot!(format!("csv_{name}"), out);
        let (headers, rows) = parse_csv(&out);
        assert!(
            !headers.is_empty() && headers.iter().all(|h| !h.is_empty()),
            "{name}: header {headers:?}"
        );
        for row in &rows {
            assert_eq!(row.len(), headers.len(), "{name}: {row:?}");
        }
    }
}

/// A CSV header names the same columns whatever data answers: the curated profiles alone, or
/// with the embedded O*NET and OEWS releases (an `attribution` column is there either way).
#[test]
fn every_csv_header_is_the_same_with_and_without_the_official_data() {
    for (name, args) in COMMANDS {
        if *name == "new" {
            continue; // It writes a file: the second run would find it there.
        }
        let mut all = args.to_vec();
        all.extend(["--format", "csv"]);
        let header = |out: &str| -> String { out.lines().next().unwrap_or_default().to_owned() };
        let curated = awkward().run(&all);
        let official = awkward().embedded().run(&all);
        assert!(curated.success() && official.success(), "{name}");
        assert_eq!(header(&curated.stdout), header(&official.stdout), "{name}");
    }
}

/// Where a `null` may stand: the four fields that are always there, `null` when there is no
/// value (docs/OUTPUT.md, "Missing values"), by their place in a command's JSON. Anything else
/// without a value is left out.
fn may_be_null(command: &str, path: &str) -> bool {
    let field = path.rsplit('.').next().unwrap_or_default();
    let parent = path[..path.len() - field.len()].trim_end_matches('.');
    let in_roles =
        parent.starts_with(".roles[") && parent.ends_with(']') && !parent[1..].contains('.');
    match (command, field) {
        // A pay figure's year: in show's salary section and salary's figures.
        (_, "year") => parent.contains("figures["),
        ("compare", "headline_salary" | "next_roles_from") => in_roles,
        ("match", "from") => parent.is_empty(),
        _ => false,
    }
}

/// Every `null` in `value`, as the path to it.
fn nulls(value: &serde_json::Value, path: &str, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Null => out.push(path.to_owned()),
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                nulls(v, &format!("{path}[{i}]"), out);
            }
        }
        serde_json::Value::Object(fields) => {
            for (k, v) in fields {
                nulls(v, &format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn json_is_null_only_in_the_documented_fields() {
    let contract = std::fs::read_to_string(Path::new(ROOT).join("docs/OUTPUT.md")).unwrap();
    assert!(
        contract.contains(
            "a pay figure's `year`, `compare`'s\n`headline_salary` and `next_roles_from`, and `match`'s `from`"
        ),
        "docs/OUTPUT.md states the four nullable fields"
    );
    let more: &[(&str, &[&str])] = &[
        ("where", &["where", "data-scientists", "--top", "3"]),
        ("sources", &["sources"]),
        (
            "salary",
            &[
                "salary",
                "ml-engineer",
                "--experience",
                "senior",
                "--city",
                "Remote",
            ],
        ),
        (
            "salary",
            &["salary", "data-scientists", "--city", "Seattle"],
        ),
        ("gap", &["gap", "data-engineer", "ml-engineer"]),
        ("outlook", &["outlook", "registered-nurses"]),
        ("show", &["show", "15-2051.00"]),
    ];
    // With the curated profiles alone, and on a fresh install when the data is compiled in.
    for embedded in [false]
        .into_iter()
        .chain(cfg!(feature = "embedded").then_some(true))
    {
        let cases = COMMANDS.iter().filter(|(n, _)| *n != "new").chain(more);
        for (name, args) in cases {
            let env = if embedded {
                awkward().embedded()
            } else {
                awkward()
            };
            let out = env.run(&[*args, &["--format", "json"]].concat());
            if !out.success() {
                // Commands of the embedded data alone, run without it.
                assert!(
                    !embedded && ["where", "outlook", "show", "salary"].contains(&args[0]),
                    "{args:?}"
                );
                continue;
            }
            let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
            let mut found = Vec::new();
            nulls(&json, "", &mut found);
            let command = args[0];
            for path in found {
                assert!(
                    may_be_null(command, &path),
                    "{name} {args:?}: null at {path}"
                );
            }
        }
    }
}

#[test]
fn every_command_renders_markdown_tables_with_a_separator_and_equal_cells() {
    for (name, args) in COMMANDS {
        let out = render(args, "markdown", &[]);
        insta::assert_snapshot!(format!("markdown_{name}"), out);
        check_markdown(name, &out);
    }
}

#[test]
fn machine_formats_never_carry_escape_codes() {
    for (name, args) in COMMANDS {
        for format in ["json", "csv", "markdown"] {
            let plain = render(args, format, &["--color", "never"]);
            let mut all = args.to_vec();
            all.extend(["--format", format, "--color", "always"]);
            let forced = awkward()
                .colour()
                .env("CLICOLOR_FORCE", "1")
                .run(&all)
                .stdout;
            assert!(!forced.contains('\u{1b}'), "{name} {format}: {forced:?}");
            assert_eq!(forced, plain, "{name} {format}: colour changes nothing");
        }
    }
}

#[test]
fn every_command_fits_40_and_60_columns() {
    for width in [40, 60] {
        for (name, args) in COMMANDS {
            let out = awkward().width(width).run(args);
            assert!(out.success(), "{name} at {width}");
            let text = out.stdout;
            assert!(!text.is_empty(), "{name} at {width}");
            if VERBATIM.contains(name) {
                serde_json::from_str::<serde_json::Value>(&text).expect("the text is kept whole");
            } else {
                assert_fits(&text, width);
            }
        }
    }
}

#[test]
fn csv_keeps_commas_quotes_and_newlines_field_by_field() {
    let scratch = awkward();
    let (headers, rows) = parse_csv(&scratch.quiet_stdout(&["list", "--format", "csv"]));
    assert_eq!(
        headers,
        [
            "id",
            "title",
            "code",
            "job_zone",
            "summary",
            "data",
            "origin",
            "file",
            "attribution"
        ]
    );
    let json: serde_json::Value =
        serde_json::from_str(&scratch.quiet_stdout(&["list", "--format", "json"])).unwrap();
    let roles = json["roles"].as_array().unwrap();
    assert_eq!(rows.len(), roles.len());
    assert_eq!(rows.len(), 6, "five bundled roles and the user's");
    for (row, role) in rows.iter().zip(roles) {
        for (i, field) in [(0, "id"), (1, "title"), (4, "summary")] {
            assert_eq!(row[i], role[field].as_str().unwrap(), "{field}");
        }
        let data: Vec<&str> = role["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d.as_str().unwrap())
            .collect();
        assert_eq!(row[5], data.join("; "), "lists are joined with \"; \"");
    }
    let awkward = rows.iter().find(|r| r[0] == "quoting-analyst").unwrap();
    assert_eq!(awkward[1], AWKWARD_TITLE);
    assert_eq!(awkward[4], AWKWARD_SUMMARY);
    assert_eq!(awkward[6], "user");
    assert_eq!(awkward[7], "data/profiles/quoting-analyst.json");

    let (headers, rows) = parse_csv(&scratch.quiet_stdout(&[
        "compare",
        "quoting-analyst",
        "ml-engineer",
        "--format",
        "csv",
    ]));
    assert_eq!(
        headers,
        [
            "id",
            "part",
            "what",
            "status",
            "value",
            "unit",
            "text",
            "period",
            "source",
            "attribution"
        ]
    );
    assert_eq!(
        rows[0],
        [
            "quoting-analyst",
            "title",
            "",
            "",
            "",
            "",
            AWKWARD_TITLE,
            "",
            "",
            ""
        ]
    );
    assert_eq!(rows[1][1], "summary");
    assert_eq!(rows[1][6], AWKWARD_SUMMARY);
}

#[test]
fn json_numbers_are_numbers_and_field_names_are_stable() {
    let scratch = awkward();
    let json = |args: &[&str]| -> serde_json::Value {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        serde_json::from_str(&scratch.quiet_stdout(&all)).unwrap()
    };
    let salary = json(&["salary", "ml-engineer"]);
    let first = &salary["roles"][0]["figures"][0];
    assert_eq!(first["low"], serde_json::json!(157_969));
    assert!(first["low"].is_u64() && first["high"].is_u64(), "{first}");
    assert_eq!(first["high"].as_u64(), Some(161_777));
    assert_eq!(first["year"].as_u64(), Some(2024));

    let list = json(&["list"]);
    let keys: Vec<&String> = list["roles"][0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "code", "codes", "data", "id", "origin", "soc", "summary", "title"
        ]
    );

    let ranked = json(&["match", "--skills", "python,sql"]);
    let top = &ranked["ranking"][0];
    assert_eq!(top["id"], "data-engineer");
    assert!(top["matched"].is_u64() && top["score"].is_f64(), "{top}");

    let awkward = json(&["show", "quoting-analyst"]);
    assert_eq!(awkward["title"], AWKWARD_TITLE);
    assert_eq!(awkward["summary"], AWKWARD_SUMMARY);
}

#[test]
fn markdown_escapes_pipes_and_newlines_inside_cells() {
    let out = awkward().quiet_stdout(&["list", "--format", "markdown"]);
    check_markdown("list", &out);
    let row = out
        .lines()
        .find(|l| l.starts_with("| quoting-analyst"))
        .unwrap();
    assert_eq!(
        row,
        "| quoting-analyst | Analyst, \"Quoting\" \\| Pipes | user |"
    );
    // The summary, with its line break and pipe, is in compare's table.
    let out = awkward().quiet_stdout(&[
        "compare",
        "quoting-analyst",
        "data-engineer",
        "--format",
        "markdown",
    ]);
    check_markdown("compare", &out);
    assert!(
        out.contains("Line one, with a comma. Line two with \"quotes\" and a \\| pipe."),
        "{out}"
    );
}

fn parse_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().iter().map(String::from).collect();
    // The reader rejects a record whose length differs from the header's.
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (headers, rows)
}

/// Every table: a header row, a separator row of the same width, rows of the same width, and
/// a blank line (or the end) after it, so no raw newline has split a row.
fn check_markdown(name: &str, text: &str) {
    // No HTML: renderers in safe mode drop it or show it as text.
    assert!(!text.contains("<br>"), "{name}: {text}");
    let lines: Vec<&str> = text.lines().collect();
    let mut in_code = false;
    let mut i = 0;
    while i < lines.len() {
        if lines[i].starts_with("```") {
            in_code = !in_code;
        }
        if in_code || !lines[i].starts_with('|') {
            i += 1;
            continue;
        }
        let width = cells(name, lines[i]);
        let separator = lines.get(i + 1).copied().unwrap_or_default();
        assert_eq!(
            separator,
            format!("|{}", " --- |".repeat(width)),
            "{name}: no separator after {:?}",
            lines[i]
        );
        let mut j = i + 2;
        while j < lines.len() && lines[j].starts_with('|') {
            assert_eq!(cells(name, lines[j]), width, "{name}: {:?}", lines[j]);
            j += 1;
        }
        assert!(
            j == lines.len() || lines[j].is_empty(),
            "{name}: a table runs into {:?}",
            lines[j]
        );
        i = j;
    }
    assert!(!in_code, "{name}: a code block is left open");
}

/// The number of cells in a Markdown table row: pipes not escaped by a backslash, less one.
fn cells(name: &str, line: &str) -> usize {
    let mut pipes = 0;
    let mut ends_with_pipe = false;
    let mut chars = line.chars();
    while let Some(ch) = chars.next() {
        ends_with_pipe = ch == '|';
        match ch {
            // A backslash escapes the next character, a pipe or another backslash.
            '\\' => {
                chars.next();
            }
            '|' => pipes += 1,
            _ => {}
        }
    }
    assert!(ends_with_pipe && pipes >= 2, "{name}: {line:?}");
    pipes - 1
}

/// The top-level JSON fields docs/OUTPUT.md documents for each command; renaming one breaks
/// scripts, so it fails here first.
#[test]
fn json_top_level_fields_are_the_documented_ones() {
    let documented: &[(&str, &[&str])] = &[
        ("list", &["total", "roles"]),
        ("salary", &["filters", "roles", "roles_without_figures"]),
        ("trends", &["roles", "roles_without_market_data"]),
        (
            "outlook",
            &["id", "title", "code", "soc", "codes", "growth", "outlook"],
        ),
        ("compare", &["roles", "skills", "soft_skills"]),
        (
            "gap",
            &[
                "from",
                "to",
                "carries_over",
                "to_learn",
                "not_needed",
                "soft_skills_to_learn",
                "soft_skills_shared",
                "soft_skills_not_compared",
                "certifications_to_get",
                "requirements",
            ],
        ),
        ("match", &["inputs", "from", "unknown", "ranked", "ranking"]),
        (
            "path",
            &[
                "id",
                "title",
                "code",
                "soc",
                "codes",
                "progression",
                "specializations",
                "paths",
                "related_roles",
                "opportunities",
                "compared_with",
                "work_settings",
                "comes_from",
            ],
        ),
        ("validate", &["files", "summary"]),
        ("new", &["id", "path", "schema"]),
    ];
    let contract = std::fs::read_to_string(Path::new(ROOT).join("docs/OUTPUT.md")).unwrap();
    for (name, fields) in documented {
        let args = COMMANDS.iter().find(|(n, _)| n == name).unwrap().1;
        let value: serde_json::Value = serde_json::from_str(&render(args, "json", &[])).unwrap();
        // Every command has `format_version`, documented once for all.
        let mut actual: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .filter(|k| k != &"format_version")
            .collect();
        let mut expected = fields.to_vec();
        actual.sort_unstable();
        expected.sort_unstable();
        assert_eq!(actual, expected, "{name}");
        let start = format!("| `{name}` | `{{{}", fields[0]);
        let row = contract
            .lines()
            .find(|l| l.starts_with(&start))
            .unwrap_or_else(|| panic!("docs/OUTPUT.md documents {name}: {start}"));
        // Every field, also those the embedded data adds, is named in the row.
        let embedded: serde_json::Value = serde_json::from_str(
            &awkward()
                .embedded()
                .quiet_stdout(&[args, &["--format", "json"]].concat()),
        )
        .unwrap();
        let keys = embedded
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .chain(actual.iter().copied());
        for key in keys {
            let named = row
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .any(|word| word == key);
            assert!(
                key == "format_version" || named,
                "docs/OUTPUT.md's {name} row names {key}: {row}"
            );
        }
    }
}
