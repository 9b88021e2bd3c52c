//! Input a hostile or unlucky user might hand the tool: files that are FIFOs, links to devices,
//! sparse giants, names with newlines, text made to act in a terminal, a spreadsheet or a
//! Markdown viewer. Every case runs the binary under a timeout, so that a regression fails
//! instead of hanging, and checks its exact message and exit code.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::common::{Outcome, TestEnv, careers_bin, copy_of, fixture, shared};

/// Long enough for a debug build on a busy machine; a hang or a read of gigabytes takes longer.
const LIMIT: Duration = Duration::from_secs(30);

/// Where every case runs: commands that take longer than [`LIMIT`] fail.
fn bounded() -> TestEnv {
    TestEnv::new().timeout(LIMIT)
}

/// A data directory whose profiles folder holds one entry made by `make`.
fn profiles_with(name: &str, make: impl FnOnce(&Path)) -> (TestEnv, PathBuf) {
    let env = bounded();
    let path = env.profile_path(name);
    make(&path);
    (env, path)
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

fn sparse(path: &Path, len: u64) {
    std::fs::File::create(path).unwrap().set_len(len).unwrap();
}

/// Every command that loads the user's profiles warns about the odd file and goes on; validate
/// reports the same reason.
fn assert_refused_everywhere(env: &TestEnv, path: &Path, reason: &str) {
    let warning = format!(
        "careers: warning: skipped {p}: {reason}; run `careers validate {p}`\n",
        p = path.display()
    );
    let commands: [&[&str]; 8] = [
        &["list"],
        &["show", "ml-engineer"],
        &["search", "python"],
        &["match", "--skills", "python"],
        &["salary", "ml-engineer"],
        &["sources"],
        &["completions", "bash"],
        &["compare", "ml-engineer", "data-engineer"],
    ];
    for args in commands {
        let out = env.run(args);
        assert_eq!(out.code, Some(0), "{args:?}: {}", out.stderr);
        assert_eq!(out.stderr, warning, "{args:?}");
    }
    let out = env.run(&["validate"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stdout,
        format!("{}: {reason}\n1 file: 0 valid, 1 problem\n", path.display())
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_in_the_profiles_folder_is_refused_at_once() {
    let (env, path) = profiles_with("x.json", mkfifo);
    assert_refused_everywhere(&env, &path, "is a named pipe (FIFO), not a regular file");
}

#[cfg(unix)]
#[test]
fn a_link_to_a_device_is_refused_unread() {
    for device in ["/dev/zero", "/dev/urandom"] {
        let (env, path) =
            profiles_with("x.json", |p| std::os::unix::fs::symlink(device, p).unwrap());
        assert_refused_everywhere(&env, &path, "is a device, not a regular file");
    }
}

#[test]
fn a_sparse_giant_is_refused_by_its_size() {
    let (env, path) = profiles_with("x.json", |p| sparse(p, 2 << 30));
    assert_refused_everywhere(
        &env,
        &path,
        "is 2,147,483,648 bytes; a profile file may be at most 1,048,576 bytes",
    );
}

#[test]
fn sizes_are_exact_at_the_bound() {
    let (env, path) = profiles_with("x.json", |p| sparse(p, 1_048_577));
    let out = env.run(&["validate"]);
    assert_eq!(
        out.stdout,
        format!(
            "{}: is 1,048,577 bytes; a profile file may be at most 1,048,576 bytes\n1 file: 0 valid, 1 problem\n",
            path.display()
        )
    );
    // 1,048,576 bytes are read: the file is NUL bytes, so it fails as JSON, not by its size.
    sparse(&path, 1_048_576);
    let out = env.run(&["validate"]);
    assert_eq!(
        out.stdout,
        format!(
            "{}:1:1: expected value, near `\\u{{0}}`\n1 file: 0 valid, 1 problem\n",
            path.display()
        )
    );
}

/// A data directory with the fixture imported, and the `list` output of that import.
fn imported() -> (TestEnv, String) {
    let env = bounded().with_onet(copy_of(&fixture("onet")).path());
    let list = env.run(&["list", "--format", "json"]);
    (env, list.stdout)
}

/// Imports `source` over a good import: the import fails with `message` and the previous data
/// stays.
fn assert_import_refused(source: &Path, message: &str) {
    let (env, before) = imported();
    let out = env.run(&["import", "onet", source.to_str().unwrap()]);
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    assert_eq!(out.stderr, format!("careers: error: {message}\n"));
    let after = env.run(&["list", "--format", "json"]);
    assert_eq!(after.stdout, before, "the previous import is kept");
}

#[cfg(unix)]
#[test]
fn odd_files_in_an_o_net_folder_fail_the_import_at_once() {
    for file in ["Read Me.txt", "Skills.txt", "Occupation Data.txt"] {
        let source = copy_of(&fixture("onet"));
        let path = source.path().join(file);
        std::fs::remove_file(&path).unwrap();
        mkfifo(&path);
        assert_import_refused(
            source.path(),
            &format!(
                "cannot read {}: is a named pipe (FIFO), not a regular file",
                path.display()
            ),
        );
        std::fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
        assert_import_refused(
            source.path(),
            &format!(
                "cannot read {}: is a device, not a regular file",
                path.display()
            ),
        );
    }
    let source = copy_of(&fixture("onet"));
    let readme = source.path().join("Read Me.txt");
    sparse(&readme, 2 << 30);
    assert_import_refused(
        source.path(),
        &format!(
            "cannot read {}: is 2,147,483,648 bytes; at most 65,536 are read",
            readme.display()
        ),
    );
    let source = copy_of(&fixture("onet"));
    let tasks = source.path().join("Task Statements.txt");
    sparse(&tasks, 300 << 20);
    assert_import_refused(
        source.path(),
        &format!(
            "cannot read {}: is 314,572,800 bytes; at most 268,435,456 are read",
            tasks.display()
        ),
    );
}

#[cfg(unix)]
#[test]
fn odd_files_in_the_stored_import_leave_the_bundled_profiles_working() {
    for (file, reason) in [
        (
            "index.bin",
            "index.bin is a named pipe (FIFO), not a regular file",
        ),
        (
            "manifest.json",
            "manifest.json is a device, not a regular file",
        ),
    ] {
        let (env, _) = imported();
        let onet = env.data_dir().join("onet");
        let path = onet.join(file);
        std::fs::remove_file(&path).unwrap();
        if file == "index.bin" {
            mkfifo(&path);
        } else {
            std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
        }
        let warning = format!(
            "careers: warning: the imported O*NET data in {o} cannot be read ({reason}); import it again with `careers import onet FOLDER`, or remove it with `rm -r {o}`; no other release is at hand\n",
            o = onet.display()
        );
        let out = env.run(&["show", "ml-engineer"]);
        assert_eq!(out.code, Some(0));
        assert_eq!(out.stderr, warning);
    }
    // A details file cut short is found when the import opens, so bundled `show` still works.
    let (env, _) = imported();
    let details = env.data_dir().join("onet/details.bin");
    let len = std::fs::metadata(&details).unwrap().len();
    std::fs::write(&details, b"{}").unwrap();
    let out = env.run(&["show", "ml-engineer"]);
    assert_eq!(out.code, Some(0));
    assert_eq!(
        out.stderr,
        format!(
            "careers: warning: the imported O*NET data in {o} cannot be read (details.bin has 2 bytes, its manifest says {len}); import it again with `careers import onet FOLDER`, or remove it with `rm -r {o}`; no other release is at hand\n",
            o = env.data_dir().join("onet").display()
        )
    );
}

/// A profile file with `title` and `summary` as given, in a fresh data directory.
fn profile_titled(title: &str, summary: &str) -> TestEnv {
    let json = serde_json::json!({"id": "odd", "title": title, "summary": summary});
    bounded().with_profile("odd.json", &json.to_string())
}

#[test]
fn a_file_name_with_a_newline_cannot_forge_a_line_and_paths_are_quoted() {
    let (env, path) = profiles_with("evil\ncareers: error: forged.json", |p| {
        std::fs::write(p, b"{").unwrap();
    });
    let out = env.run(&["list"]);
    assert_eq!(out.code, Some(0));
    let shown = path.display().to_string().replace('\n', "\\u{a}");
    assert_eq!(
        out.stderr,
        format!(
            "careers: warning: skipped {shown}: 1:1: EOF while parsing an object, near `{{`; run `careers validate '{shown}'`\n"
        )
    );
    let out = env.run(&["validate"]);
    assert_eq!(
        out.stdout,
        format!(
            "{shown}:1:1: EOF while parsing an object, near `{{`\n1 file: 0 valid, 1 problem\n"
        )
    );
    let (env, path) = profiles_with("my role.json", |p| std::fs::write(p, b"{").unwrap());
    let out = env.run(&["list"]);
    assert_eq!(
        out.stderr,
        format!(
            "careers: warning: skipped {p}: 1:1: EOF while parsing an object, near `{{`; run `careers validate '{p}'`\n",
            p = path.display()
        )
    );
}

#[test]
fn invisible_and_bidi_characters_are_shown_escaped_in_every_format() {
    let env = profile_titled(
        "A\u{61c}B\u{2028}C\u{2029}D\u{200b}E\u{202e}F\u{7f}G\u{9b}H",
        "s",
    );
    for format in ["table", "markdown", "csv"] {
        let out = env.run(&["show", "odd", "--format", format]);
        let shown = out.stdout;
        let shown = match format {
            "markdown" => crate::common::markdown_text(&shown),
            _ => shown,
        };
        assert!(
            shown.contains("A\\u{61c}B\\u{2028}C\\u{2029}D\\u{200b}E\\u{202e}F\\u{7f}G\\u{9b}H"),
            "{format}: {shown}"
        );
    }
    // JSON keeps the text, written with escapes: never one of these characters raw.
    let out = env.run(&["show", "odd", "--format", "json"]);
    let json = out.stdout;
    assert!(
        json.contains(r#""title": "A\u061cB\u2028C\u2029D\u200bE\u202eF\u007fG\u009bH""#),
        "{json}"
    );
    assert!(!json.chars().any(|c| c.is_control() && c != '\n'));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        value["title"],
        "A\u{61c}B\u{2028}C\u{2029}D\u{200b}E\u{202e}F\u{7f}G\u{9b}H"
    );
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_start_with_a_quote() {
    let env = profile_titled("=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)");
    let out = env.run(&["list", "--format", "csv", "--source", "user"]);
    assert_eq!(
        out.stdout,
        format!(
            "id,title,code,job_zone,summary,data,origin,file,attribution\nodd,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",,,'@SUM(A1),,user,{},\n",
            env.data_dir().join("profiles/odd.json").display()
        )
    );
}

#[test]
fn markdown_shows_markup_in_profile_text_as_text() {
    let title = "O*NET … O*NET® <script>alert(1)</script>";
    let summary = "[click](javascript:alert(1)) ![i](x.png) _u_ ~~s~~ &#x1b; `rm -rf` `code";
    let env = profile_titled(title, summary);
    for args in [&["show", "odd"][..], &["list", "--source", "user"]] {
        let mut all = args.to_vec();
        all.extend(["--format", "markdown"]);
        let out = env.run(&all);
        // markdown_text fails on any emphasis, link, image, HTML or strikethrough.
        let shown = crate::common::markdown_text(&out.stdout);
        assert!(shown.contains(title), "{args:?}: {shown}");
        // `list` shows one line per role, without its summary.
        if args[0] == "show" {
            assert!(shown.contains(summary), "{args:?}: {shown}");
        }
    }
}

/// Runs `careers ARGS` with stdout on `/dev/full`, under `timeout`: (exit code, stderr).
#[cfg(target_os = "linux")]
fn to_full_disk(env: &TestEnv, args: &[&str]) -> (i32, String) {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out: Outcome = env
        .program("timeout")
        .arg(LIMIT.as_secs().to_string())
        .arg(careers_bin())
        .args(args)
        .stdout(full)
        .output()
        .unwrap()
        .into();
    (out.code.unwrap(), out.stderr)
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_stdout_is_an_error_that_names_stdout() {
    let env = bounded().width(80);
    let full = "cannot write to stdout: No space left on device";
    for args in [&["--help"][..], &["list"], &["completions", "bash"]] {
        assert_eq!(
            to_full_disk(&env, args),
            (1, format!("careers: error: {full}\n")),
            "{args:?}"
        );
    }
    // Work that is done is said to be done.
    let fixture = fixture("onet");
    assert_eq!(
        to_full_disk(&env, &["import", "onet", fixture.to_str().unwrap()]),
        (
            1,
            format!(
                "careers: error: the import is in place, but its report could not be printed: {full}\n"
            )
        )
    );
    assert!(env.data_dir().join("onet/manifest.json").is_file());
    assert_eq!(
        to_full_disk(&env, &["new", "my-role", "--summary", "Runs my team."]),
        (
            1,
            format!(
                "careers: error: the profile is written, but its report could not be printed: {full}\n"
            )
        )
    );
    assert!(env.data_dir().join("profiles/my-role.json").is_file());
}

#[test]
fn integers_written_as_floats_name_the_field_and_the_fix() {
    let (env, path) = profiles_with("x.json", |p| {
        let text = std::fs::read_to_string(fixture("profiles/bad/string-amount.json")).unwrap();
        std::fs::write(p, text.replace("\"182k\"", "1.5e5")).unwrap();
    });
    let out = env.run(&["validate"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stdout,
        format!(
            "{}: salary.figures[0].pay.high: expected an integer, found the number 150000.0; write it as an integer (150000)\n1 file: 0 valid, 1 problem\n",
            path.display()
        )
    );
}

#[test]
fn an_o_net_file_cut_mid_row_fails_the_import_and_keeps_the_previous_one() {
    let source = copy_of(&fixture("onet"));
    let path = source.path().join("Occupation Data.txt");
    let whole = std::fs::read(&path).unwrap();
    // Cut inside the third row's description, as an interrupted download would.
    std::fs::write(&path, &whole[..whole.len() - 200]).unwrap();
    assert_import_refused(
        source.path(),
        &format!(
            "\"Occupation Data.txt\" ends mid-row (its last line has no line end): it looks cut short; download the database again (it is {})",
            path.display()
        ),
    );
}

/// Every imported occupation, shown in full from the stored import.
fn show_every_occupation(env: &TestEnv) -> Vec<serde_json::Value> {
    let list = env.run(&["list", "--source", "onet", "--format", "json"]);
    let roles: serde_json::Value = serde_json::from_str(&list.stdout).unwrap();
    roles["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let id = r["id"].as_str().unwrap();
            let out = env.run(&["show", id, "--format", "json"]);
            assert_eq!(out.code, Some(0), "{id}: {}", out.stderr);
            serde_json::from_str(&out.stdout).unwrap()
        })
        .collect()
}

#[test]
fn values_json_cannot_hold_fail_the_import_and_forced_they_mark_the_occupation_incomplete() {
    let source = copy_of(&fixture("onet"));
    let education = source
        .path()
        .join("Education, Training, and Experience.txt");
    let rows = std::fs::read_to_string(&education).unwrap();
    // The fixture's first two rows give 15-2051.00 levels 6 (40%) and 8 (45.5%).
    let rows = rows
        .replacen("\tRL\t6\t40.00\t", "\tRL\t6\tNaN\t", 1)
        .replacen("\tRL\t8\t45.50\t", "\tRL\t8\tinf\t", 1);
    std::fs::write(&education, rows).unwrap();
    let env = bounded();
    let file = "Education, Training, and Experience.txt";
    let mut args = vec!["import", "onet", source.path().to_str().unwrap()];
    let out = env.run(&args);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr,
        format!(
            "careers: error: {} has 2 rows that cannot be read: {file} line 2, column 6 \"Data Value\": Data Value \"NaN\" is not a finite number; {file} line 3, column 6 \"Data Value\": Data Value \"inf\" is not a finite number; nothing was imported and the previous import is kept (download the database again, or pass --force to import the rest, marking each occupation a left-out row names incomplete)\n",
            source.path().display()
        )
    );
    assert!(!env.data_dir().join("onet").exists());
    args.extend(["--force", "--format", "json"]);
    let out = env.run(&args);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let report: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        report["skipped_rows"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["file"] == file)
            .cloned()
            .collect::<Vec<_>>(),
        [
            serde_json::json!({"file": file, "line": 2, "reason": "column 6 \"Data Value\": Data Value \"NaN\" is not a finite number"}),
            serde_json::json!({"file": file, "line": 3, "reason": "column 6 \"Data Value\": Data Value \"inf\" is not a finite number"}),
        ]
    );
    let shown = show_every_occupation(&env);
    assert_eq!(shown.len(), 6);
    assert!(shown.iter().all(|p| p["onet"]["code"].is_string()));
    // The occupation the rows were of says so, with why; the others are whole.
    let incomplete: Vec<_> = shown
        .iter()
        .filter(|p| p["onet"].get("incomplete").is_some())
        .collect();
    assert_eq!(incomplete.len(), 1);
    assert_eq!(incomplete[0]["onet"]["code"], "15-2051.00");
    assert_eq!(
        incomplete[0]["onet"]["incomplete"],
        serde_json::json!([
            format!(
                "{file} line 2, column 6 \"Data Value\": Data Value \"NaN\" is not a finite number"
            ),
            format!(
                "{file} line 3, column 6 \"Data Value\": Data Value \"inf\" is not a finite number"
            ),
        ])
    );
    let text = env.stdout(&["show", "15-2051.00", "--format", "plain"]);
    assert!(
        text.contains(&format!("\tIncomplete\t\tthe import left out 2 rows of this occupation that could not be read: {file} line 2, column 6 \"Data Value\": Data Value \"NaN\" is not a finite number; {file} line 3")),
        "{text}"
    );
}

#[test]
#[ignore = "needs ../shared/onet-29.2"]
fn a_real_occupation_file_cut_short_never_replaces_the_complete_import() {
    let real = shared("onet-29.2");
    let env = bounded();
    let out = env.run(&["import", "onet", real.to_str().unwrap()]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let before = env.run(&["list", "--format", "json"]).stdout;
    // A copy whose Occupation Data ends after 500 of its 1,016 rows, at a row boundary.
    let cut = copy_of(&real);
    let occupations = cut.path().join("Occupation Data.txt");
    let whole = std::fs::read_to_string(&occupations).unwrap();
    let kept: String = whole.split_inclusive("\r\n").take(501).collect();
    std::fs::write(&occupations, kept).unwrap();
    let out = env.run(&["import", "onet", cut.path().to_str().unwrap()]);
    assert_eq!(out.code, Some(1));
    let err = out.stderr;
    assert!(
        err.starts_with("careers: error: this import would replace 1,016 occupations with 500 (\"Occupation Data.txt\" holds fewer), ")
            && err.ends_with(&format!(", losing more than the 5% a new release may (a truncated or incomplete download, or a partial release?); the previous import is kept: check those files in {} (download the database again), or pass --force to replace it anyway\n", cut.path().display())),
        "{err}"
    );
    assert_eq!(env.run(&["list", "--format", "json"]).stdout, before);
    // Cut inside a row instead: refused by the file alone.
    std::fs::write(&occupations, &whole.as_bytes()[..whole.len() / 2]).unwrap();
    let out = env.run(&["import", "onet", cut.path().to_str().unwrap()]);
    assert_eq!(
        out.stderr,
        format!(
            "careers: error: \"Occupation Data.txt\" ends mid-row (its last line has no line end): it looks cut short; download the database again (it is {})\n",
            occupations.display()
        )
    );
    assert_eq!(env.run(&["list", "--format", "json"]).stdout, before);
}

#[test]
fn a_name_with_no_letter_or_digit_is_refused_and_never_matches() {
    let (env, path) = profiles_with("y.json", |p| {
        std::fs::write(
            p,
            r#"{"id": "y", "title": "Y", "summary": "s", "aliases": ["数据", "ok"]}"#,
        )
        .unwrap();
    });
    let problem = "aliases[0]: \"数据\" has no ASCII letter or digit, so no name could find it; add some (e.g. a transliteration)";
    let out = env.run(&["validate"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stdout,
        format!(
            "{}: {problem}\n1 file: 0 valid, 1 problem\n",
            path.display()
        )
    );
    let warning = format!(
        "careers: warning: skipped {p}: {problem}; run `careers validate {p}`\n",
        p = path.display()
    );
    // An empty name is a usage error, before any profile is read.
    assert_eq!(
        env.fails(&["show", ""], 2),
        "careers: error: a value is required for '<ROLE>' but none was supplied; see careers show --help\n"
    );
    for query in ["???", "数据"] {
        let out = env.run(&["show", query]);
        assert_eq!(out.code, Some(1), "{query:?}");
        let err = out.stderr;
        assert!(
            err.starts_with(&format!(
                "{warning}careers: error: unknown role \"{query}\""
            )),
            "{query:?}: {err}"
        );
    }
}

#[test]
fn a_key_twice_in_a_profile_is_an_error_with_its_line() {
    let (env, path) = profiles_with("x.json", |p| {
        std::fs::write(
            p,
            "{\"id\": \"x\", \"title\": \"X\",\n \"summary\": \"s\",\n \"title\": \"Y\"}",
        )
        .unwrap();
    });
    let out = env.run(&["validate"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stdout,
        format!(
            "{}:3:8: duplicate key \"title\"; each key may appear once in an object, near `\"title\"`\n1 file: 0 valid, 1 problem\n",
            path.display()
        )
    );
    let out = env.run(&["show", "x"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr,
        format!(
            "careers: warning: skipped {p}: {dup}; run `careers validate {p}`\ncareers: error: role \"x\" is defined in {p}, which cannot be loaded: {dup}; run `careers validate {p}`\n",
            dup = "3:8: duplicate key \"title\"; each key may appear once in an object, near `\"title\"`",
            p = path.display()
        )
    );
}

#[test]
fn a_huge_unknown_name_is_answered_at_once_without_suggestions() {
    let (env, _) = imported();
    let name = "data-scientist".repeat(7 * 1024);
    for args in [
        &["show", name.as_str()][..],
        &["list", "--hot", name.as_str()],
        &["list", "--skill", name.as_str()],
    ] {
        let out = env.run(args);
        assert_eq!(out.code, Some(1), "{:?}", &args[..1]);
        let err = out.stderr;
        assert!(
            err.starts_with("careers: error: unknown "),
            "{}",
            &err[..80]
        );
        assert!(!err.contains("did you mean"), "{:?}", &args[..1]);
    }
    let out = env.run(&["show", &name]);
    assert_eq!(
        out.stderr,
        format!(
            "careers: error: unknown role \"{name}\"; `careers search WORDS` finds a role by the words of its title, tasks or skills\n"
        )
    );
}

/// Starts `careers show big --format json` on a profile with a 900 KB summary, with stdout a
/// pipe nobody reads: the command blocks writing it, as a command does in the middle of work.
#[cfg(unix)]
fn blocked_on_stdout() -> (TestEnv, std::process::Child) {
    let (env, _) = profiles_with("big.json", |p| {
        let summary = "word ".repeat(180_000);
        let json = serde_json::json!({"id": "big", "title": "Big", "summary": summary});
        std::fs::write(p, json.to_string()).unwrap();
    });
    let child = env
        .std_cmd()
        .args(["show", "big", "--format", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    (env, child)
}

#[cfg(unix)]
#[test]
fn sigterm_and_sighup_end_a_command_like_ctrl_c() {
    for signal in ["TERM", "HUP", "INT"] {
        let (_env, mut child) = blocked_on_stdout();
        // Time to load the profile and fill the pipe; the signal works either way.
        std::thread::sleep(Duration::from_millis(500));
        let sent = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let deadline = std::time::Instant::now() + LIMIT;
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if std::time::Instant::now() > deadline {
                child.kill().unwrap();
                panic!("SIG{signal}: still running");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        // The handler's exit code, not death by the signal (which has no code).
        assert_eq!(status.code(), Some(130), "SIG{signal}: {status:?}");
    }
}
