//! Profiles users write: loading beside the bundled ones, `validate`, `schema`, `new`, and a
//! corpus of broken files, each with its exact message and exit code.

use std::path::{Path, PathBuf};

use crate::common::TestEnv;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A fixture profile's path from the crate root, as `validate` run there prints it.
fn fixture(rel: &str) -> String {
    format!("tests/fixtures/profiles/{rel}")
}

/// `careers validate ARGS` from the crate root: (exit code, stdout).
fn validate(args: &[&str]) -> (i32, String) {
    let mut all = vec!["validate"];
    all.extend(args);
    let out = TestEnv::new().current_dir(ROOT).run(&all);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    (out.code.unwrap(), out.stdout)
}

/// The bad-input corpus: each file, the exact report, and exit code 1.
#[test]
fn every_bad_file_gets_its_exact_message_and_exit_1() {
    let cases: &[(&str, &str)] = &[
        (
            "empty.json",
            "empty.json: the file is empty; a profile needs at least \"id\", \"title\" and \"summary\"",
        ),
        (
            "truncated.json",
            "truncated.json:1:30: EOF while parsing a string, near `{\"id\": \"x\", \"title\": \"X\", \"sum`",
        ),
        (
            "trailing-comma.json",
            "trailing-comma.json:5:1: trailing comma, near `}`",
        ),
        (
            "invalid-utf8.json",
            "invalid-utf8.json:1:26: not valid UTF-8 (byte 0xe9); save the file as UTF-8",
        ),
        (
            "wrong-types.json",
            "wrong-types.json: aliases: expected an array, found the string \"wt\"\n\
            {dir}wrong-types.json: skills[0].note: expected a string, found true\n\
            {dir}wrong-types.json: title: expected a string, found the number 5",
        ),
        (
            "unknown-field.json",
            "unknown-field.json: salry: unknown field (did you mean salary?)",
        ),
        (
            "missing-field.json",
            "missing-field.json: missing required field \"summary\"",
        ),
        (
            "negative-amount.json",
            "negative-amount.json: salary.figures[0].pay.amount: must be at least 0, found the number -5",
        ),
        (
            "low-above-high.json",
            "low-above-high.json: salary.figures[0].pay: low (182182) is greater than high (147000)",
        ),
        (
            "string-amount.json",
            "string-amount.json: salary.figures[0].pay.high: expected an integer, found the string \"182k\"",
        ),
        (
            "bad-enum.json",
            "bad-enum.json: salary.figures[0].dimension: expected one of overall, company, experience, location, industry, additional-compensation, total-compensation, found the string \"locaton\" (did you mean location?)",
        ),
        (
            "bad-pay-kind.json",
            "bad-pay-kind.json: salary.figures[0].pay.kind: expected one of amount, range, at-least, up-to, found the string \"between\"",
        ),
        (
            "percent-out-of-range.json",
            "percent-out-of-range.json: trends[0].figure.value: 170% is out of range: a share must lie between 0 and 100",
        ),
        (
            "traversal-id.json",
            "traversal-id.json: id: \"../../etc/passwd\" is not a lowercase slug (letters a-z, digits and single hyphens, e.g. \"etc-passwd\")",
        ),
        (
            "not-a-slug.json",
            "not-a-slug.json: id: \"ML Engineer\" is not a lowercase slug (letters a-z, digits and single hyphens, e.g. \"ml-engineer\")",
        ),
        (
            "not-an-object.json",
            "not-an-object.json: expected an object, found an array",
        ),
        (
            "null-title.json",
            "null-title.json: title: expected a string, found null",
        ),
        (
            "alias-collision.json",
            "alias-collision.json: aliases[0]: alias \"mle\" already names ml-engineer",
        ),
        (
            "unresolved-reference.json",
            "unresolved-reference.json: career.related_roles[0].profile: refers to profile \"quantum-whisperer\", which does not exist; remove \"profile\" to name the role only",
        ),
        (
            "year-out-of-range.json",
            "year-out-of-range.json: salary.figures[0].year: 3024 is not a plausible year",
        ),
        (
            "deep.json",
            "deep.json:1:128: nested too deeply (more than 128 levels); no profile needs that, near `[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[`",
        ),
    ];
    let dir = fixture("bad/");
    for (file, expected) in cases {
        let (code, out) = validate(&[&fixture(&format!("bad/{file}"))]);
        let problems = expected.matches('\n').count() + 1;
        let summary = if problems == 1 {
            "1 file: 0 valid, 1 problem".to_owned()
        } else {
            format!("1 file: 0 valid, {problems} problems")
        };
        let expected = format!("{dir}{}\n{summary}\n", expected.replace("{dir}", &dir));
        assert_eq!(out, expected, "{file}");
        assert_eq!(code, 1, "{file}");
    }
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let path = fixture("bad/bom.json");
    assert_eq!(
        validate(&[&path]),
        (0, format!("{path}: ok\n1 file: 1 valid, 0 problems\n"))
    );
}

#[test]
fn duplicate_ids_across_files_are_reported_on_the_later_file() {
    let dir = fixture("dups");
    assert_eq!(
        validate(&[&dir]),
        (
            1,
            format!(
                "{dir}/dup-a.json: ok\n{dir}/dup-b.json: id: \"dup\" is already defined in {dir}/dup-a.json\n\
                 2 files: 1 valid, 1 problem\n"
            )
        )
    );
}

#[test]
fn a_folder_reports_every_file_and_one_summary() {
    let (code, out) = validate(&[&fixture("bad")]);
    assert_eq!(code, 1);
    assert!(out.ends_with("24 files: 2 valid, 25 problems\n"), "{out}");
}

#[test]
fn a_ten_megabyte_file_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.json");
    let title = "x".repeat(10 * 1024 * 1024);
    std::fs::write(
        &path,
        format!(r#"{{"id":"huge","title":"{title}","summary":"s"}}"#),
    )
    .unwrap();
    let (code, out) = validate(&[path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        format!(
            "{}: is 10,485,798 bytes; a profile file may be at most 1,048,576 bytes\n1 file: 0 valid, 1 problem\n",
            path.display()
        )
    );
}

#[test]
fn a_directory_named_like_a_profile_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("x.json")).unwrap();
    let (code, out) = validate(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        format!(
            "{}/x.json: is a directory, not a profile file\n1 file: 0 valid, 1 problem\n",
            dir.path().display()
        )
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.json");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let (code, out) = validate(&[a.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        format!(
            "{}: cannot read: Too many levels of symbolic links\n1 file: 0 valid, 1 problem\n",
            a.display()
        )
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.json");
    std::fs::write(&path, r#"{"id":"locked","title":"L","summary":"s"}"#).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    let (code, out) = validate(&[path.to_str().unwrap()]);
    if std::fs::read(&path).is_ok() {
        // Running as root, permissions do not stop a read; a path through a file does.
        let through = path.join("inner.json");
        let (code, out) = validate(&[through.to_str().unwrap()]);
        assert_eq!(code, 1);
        assert_eq!(
            out,
            format!(
                "{}: cannot read: Not a directory\n1 file: 0 valid, 1 problem\n",
                through.display()
            )
        );
    } else {
        assert_eq!(code, 1);
        assert_eq!(
            out,
            format!(
                "{}: cannot read: Permission denied\n1 file: 0 valid, 1 problem\n",
                path.display()
            )
        );
    }
}

/// A data directory holding the given fixture profiles.
fn data_dir_with(files: &[&str]) -> TestEnv {
    files
        .iter()
        .fold(TestEnv::new(), |env, rel| env.with_fixture_profile(rel))
}

#[test]
fn user_profiles_load_beside_the_bundled_ones() {
    let env = data_dir_with(&["good/analytics-engineer.json"]);
    let out = env.run(&["list", "--format", "json"]);
    assert!(out.success());
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let rows = json["roles"].as_array().unwrap();
    assert_eq!(rows.len(), 6);
    let ae = rows
        .iter()
        .find(|r| r["id"] == "analytics-engineer")
        .unwrap();
    let expected_path: PathBuf = env.data_dir().join("profiles/analytics-engineer.json");
    assert_eq!(ae["origin"]["kind"], "user");
    assert_eq!(ae["origin"]["path"], expected_path.to_str().unwrap());
    // Aliases and skill aliases work as for bundled profiles.
    let out = env.run(&["show", "AE", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["id"], "analytics-engineer");
    // The table shows where each profile comes from.
    let table = env.run(&["list"]).stdout;
    assert!(table.contains("┆ Loaded from"), "{table}");
    assert!(table.contains("┆ user "), "{table}");
    assert!(
        table.ends_with(&format!(
            "User profiles come from {}.\n",
            env.data_dir().join("profiles").display()
        )),
        "{table}"
    );
}

#[test]
fn a_user_profile_replaces_the_bundled_one_with_its_id() {
    let env = TestEnv::new().with_profile(
        "data-engineer.json",
        r#"{"id":"data-engineer","title":"Data Engineer (our team)","summary":"Our own take."}"#,
    );
    let out = env.run(&["show", "data-engineer", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["title"], "Data Engineer (our team)");
    assert_eq!(json["origin"]["kind"], "user");
    let out = env.run(&["list", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["roles"].as_array().unwrap().len(), 5);
}

#[test]
fn a_broken_user_file_warns_and_the_rest_goes_on() {
    let env = data_dir_with(&["good/analytics-engineer.json", "bad/trailing-comma.json"]);
    let out = env.run(&["list", "--format", "json"]);
    assert_eq!(out.code, Some(0));
    let path = env.data_dir().join("profiles/trailing-comma.json");
    assert_eq!(
        out.stderr,
        format!(
            "careers: warning: skipped {p}: 5:1: trailing comma, near `}}`; run `careers validate {p}`\n",
            p = path.display()
        )
    );
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["roles"].as_array().unwrap().len(), 6);
}

#[test]
fn asking_for_the_role_in_a_broken_file_fails_with_its_error() {
    let env = data_dir_with(&["bad/low-above-high.json"]);
    let out = env.run(&["show", "low-above-high"]);
    assert_eq!(out.code, Some(1));
    let path = env.data_dir().join("profiles/low-above-high.json");
    let stderr = out.stderr;
    assert!(
        stderr.ends_with(&format!(
            "careers: error: role \"low-above-high\" is defined in {p}, which cannot be loaded: salary.figures[0].pay: low (182182) is greater than high (147000); run `careers validate {p}`\n",
            p = path.display()
        )),
        "{stderr}"
    );
}

#[test]
fn strict_turns_warnings_into_errors() {
    let env = data_dir_with(&["bad/missing-field.json"]);
    let out = env.run(&["--strict", "list"]);
    assert_eq!(out.code, Some(1));
    assert!(out.stdout.is_empty());
    let path = env.data_dir().join("profiles/missing-field.json");
    assert_eq!(
        out.stderr,
        format!(
            "careers: error: {p}: missing required field \"summary\"; run `careers validate {p}` (--strict)\n",
            p = path.display()
        )
    );
}

#[test]
fn escape_sequences_in_a_title_are_shown_never_interpreted() {
    let env = data_dir_with(&["bad/escape-title.json"]);
    for format in ["table", "markdown", "csv"] {
        let out = env.run(&["show", "escape-title", "--format", format]);
        assert!(out.success());
        let text = out.stdout;
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{format}: {text:?}"
        );
        let shown = match format {
            "markdown" => crate::common::markdown_text(&text),
            _ => text.clone(),
        };
        assert!(
            shown.contains("\\u{1b}[31mRed\\u{1b}[0m Team"),
            "{format}: {text}"
        );
    }
    // JSON escapes them by its own rules.
    let out = env.run(&["show", "escape-title", "--format", "json"]);
    let text = out.stdout;
    assert!(!text.contains('\u{1b}'));
    assert!(text.contains("\\u001b[31mRed"));
}

#[test]
fn new_writes_a_starter_profile_atomically_and_refuses_to_overwrite() {
    let env = TestEnv::new();
    let out = env.run(&[
        "new",
        "analytics-engineer",
        "--title",
        "Analytics Engineer",
        "--summary",
        "Builds models.",
    ]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let path = env.data_dir().join("profiles/analytics-engineer.json");
    // The path alone on stdout, so that `$EDITOR "$(careers new ...)"` opens it; what to do
    // next on stderr.
    assert_eq!(out.stdout, format!("{}\n", path.display()));
    assert!(
        out.stderr.starts_with(&format!(
            "Next: add sections (`careers schema` lists them), then check the file with `careers validate {}`.\n",
            path.display()
        )),
        "{}",
        out.stderr
    );
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        written,
        "{\n  \"$schema\": \"../profile.schema.json\",\n  \"id\": \"analytics-engineer\",\n  \"title\": \"Analytics Engineer\",\n  \"summary\": \"Builds models.\"\n}\n"
    );
    assert!(env.data_dir().join("profile.schema.json").is_file());
    // Nothing else is left behind in the folder (no temporary files).
    let names: Vec<_> = std::fs::read_dir(env.data_dir().join("profiles"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["analytics-engineer.json"]);
    // It loads and validates.
    assert_eq!(env.run(&["show", "analytics-engineer"]).code, Some(0));
    let out = env.run(&["validate"]);
    assert_eq!(out.code, Some(0));

    let again = env.run(&["new", "analytics-engineer"]);
    assert_eq!(again.code, Some(1));
    assert_eq!(
        again.stderr,
        format!(
            "careers: error: {} already exists; pass --force to overwrite it\n",
            path.display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        written,
        "the file is untouched"
    );
    let forced = env.run(&[
        "new",
        "analytics-engineer",
        "--force",
        "--summary",
        "Other.",
    ]);
    assert_eq!(forced.code, Some(0));
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("\"summary\": \"Other.\"")
    );
}

#[test]
fn new_refuses_ids_that_could_escape_the_folder() {
    let env = TestEnv::new();
    for (id, message) in [
        (
            "../../x",
            "careers: error: invalid id \"../../x\": an id is a lowercase slug of letters a-z, digits and single hyphens, e.g. \"x\"\n",
        ),
        (
            "a/b",
            "careers: error: invalid id \"a/b\": an id is a lowercase slug of letters a-z, digits and single hyphens, e.g. \"a-b\"\n",
        ),
        (
            "nul",
            "careers: error: invalid id \"nul\": it is a reserved file name on some systems; choose another\n",
        ),
    ] {
        let out = env.run(&["new", id]);
        assert_eq!(out.code, Some(2), "{id}");
        assert_eq!(out.stderr, message);
    }
    assert!(!env.data_dir().join("profiles").exists());
}

#[test]
fn schema_is_json_schema_that_every_bundled_file_satisfies() {
    let out = TestEnv::new().run(&["schema"]);
    assert!(out.success());
    let schema: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(schema["title"], "Profile");
    assert_eq!(
        schema["required"],
        serde_json::json!(["id", "title", "summary"])
    );
    let validator = jsonschema::validator_for(&schema).unwrap();
    let dir = Path::new(ROOT).join("data/profiles");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let value: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert_eq!(errors, Vec::<String>::new(), "{}", path.display());
        checked += 1;
    }
    assert_eq!(checked, 5);
}

#[test]
fn a_broken_file_that_overrides_a_bundled_role_is_not_silently_replaced() {
    let env = TestEnv::new().with_profile(
        "ml-engineer.json",
        r#"{"id": "ml-engineer", "title": "ML Engineer (ours)", "sum"#,
    );
    let path = env.data_dir().join("profiles/ml-engineer.json");
    for query in ["ml-engineer", "mle"] {
        let out = env.run(&["show", query]);
        assert_eq!(out.code, Some(1), "{query}");
        let stderr = out.stderr;
        assert!(
            stderr.ends_with(&format!(
                "careers: error: role \"{query}\" is defined in {p}, which cannot be loaded: 1:57: EOF while parsing a string, near `e\": \"ML Engineer (ours)\", \"sum`; run `careers validate {p}`\n",
                p = path.display()
            )),
            "{stderr}"
        );
    }
    // Other roles still answer, with one warning.
    let out = env.run(&["show", "data-engineer"]);
    assert_eq!(out.code, Some(0));
}

#[test]
fn clashes_between_profiles_are_warned_about_when_they_load() {
    let env = data_dir_with(&["bad/alias-collision.json"]);
    let out = env.run(&["list", "--format", "json"]);
    assert_eq!(out.code, Some(0));
    let path = env.data_dir().join("profiles/alias-collision.json");
    assert_eq!(
        out.stderr,
        format!(
            "careers: warning: {p}: aliases[0]: alias \"mle\" already names ml-engineer; run `careers validate {p}`\n",
            p = path.display()
        )
    );
    // The bundled profile keeps its alias.
    let out = env.run(&["show", "mle", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["id"], "ml-engineer");
    // Under --strict the clash is an error.
    assert_eq!(env.run(&["--strict", "list"]).code, Some(1));
}

#[test]
fn an_empty_careers_data_dir_counts_as_unset() {
    let home = tempfile::tempdir().unwrap();
    let env = TestEnv::new()
        .env("CAREERS_DATA_DIR", "")
        .env("XDG_DATA_HOME", home.path());
    let out = env.run(&["list", "--format", "json"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    // The platform default is used: `new` writes there.
    let out = env.run(&["new", "x-role", "--summary", "An x."]);
    assert_eq!(out.code, Some(0));
    assert!(home.path().join("careers/profiles/x-role.json").is_file());
}

#[test]
fn validate_without_a_profiles_folder_says_how_to_start() {
    let env = TestEnv::new();
    let out = env.run(&["validate"]);
    assert_eq!(out.code, Some(0));
    assert_eq!(
        out.stdout,
        format!(
            "0 files: 0 valid, 0 problems\nNo profile files in {}; `careers new ID` writes one.\n",
            env.data_dir().join("profiles").display()
        )
    );
}
