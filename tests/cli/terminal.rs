//! Terminal conventions from the binary: the piped and terminal looks, the pager, colour rules,
//! closed pipes, Ctrl-C, escape sequences in profile text, and one-line usage errors. Tests that
//! need a terminal run the binary under a pseudo-terminal made by `script` (util-linux).

use std::io::Read;
use std::process::{Child, Stdio};

use crate::common::{TestEnv, markdown_text};

const ESC: char = '\u{1b}';

/// Environment variables a test sets.
type Env<'a> = &'a [(&'a str, &'a str)];

/// `careers list` with these colour variables set (and stdout a pipe): whether it has escapes.
fn coloured(vars: Env, args: &[&str]) -> bool {
    let mut all = vec!["list"];
    all.extend(args);
    let out = TestEnv::new().colour().envs(vars.iter().copied()).run(&all);
    assert!(out.success());
    out.stdout.contains(ESC)
}

#[test]
fn colour_on_a_pipe_follows_the_flag_then_no_color_then_clicolor_force() {
    // Auto on a pipe: no colour.
    assert!(!coloured(&[], &[]));
    assert!(!coloured(&[], &["--color", "auto"]));
    // A non-empty CLICOLOR_FORCE turns it on under auto, even on a pipe: any value, "0" too,
    // as in cargo and every program built on anstream; an empty one counts as unset.
    assert!(coloured(&[("CLICOLOR_FORCE", "1")], &[]));
    assert!(coloured(&[("CLICOLOR_FORCE", "0")], &[]));
    assert!(!coloured(&[("CLICOLOR_FORCE", "")], &[]));
    // A non-empty NO_COLOR wins over CLICOLOR_FORCE; an empty one counts as unset.
    assert!(!coloured(
        &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")],
        &[]
    ));
    assert!(coloured(&[("NO_COLOR", ""), ("CLICOLOR_FORCE", "1")], &[]));
    // The flag decides before any variable.
    assert!(coloured(&[], &["--color", "always"]));
    assert!(coloured(&[("NO_COLOR", "1")], &["--color", "always"]));
    assert!(!coloured(&[("CLICOLOR_FORCE", "1")], &["--color", "never"]));
}

#[test]
fn colour_always_only_adds_escapes() {
    let env = TestEnv::new();
    let plain = env.stdout(&["show", "ml-engineer", "--color", "never"]);
    let colour = env.stdout(&["show", "ml-engineer", "--color", "always"]);
    assert!(colour.contains("\u{1b}[1m"), "bold headings");
    assert!(!plain.contains(ESC));
    let stripped = strip_escapes(&colour);
    assert_eq!(stripped, plain);
}

/// Removes CSI sequences (`ESC [ ... letter`).
fn strip_escapes(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(ch) = chars.next() {
        if ch == ESC && chars.next() == Some('[') {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(ch);
        }
    }
    out
}

/// `careers ARGS` started with stdout and stderr pipes, and the piped look.
fn spawn(env: &TestEnv, args: &[&str]) -> Child {
    env.std_cmd()
        .env_remove("CAREERS_FORMAT")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Reads `first` bytes of stdout (0: none), closes the pipe, and returns (exit code, stderr).
fn close_after(env: &TestEnv, args: &[&str], first: usize) -> (Option<i32>, String) {
    let mut child = spawn(env, args);
    let mut stdout = child.stdout.take().unwrap();
    let mut head = vec![0; first];
    stdout.read_exact(&mut head).unwrap();
    drop(stdout);
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (status.code(), err)
}

/// An output far larger than a pipe's buffer (64 KiB), so the command is still writing when the
/// reader goes away: the write fails mid-way and the command must still end quietly.
#[test]
fn a_reader_that_closes_in_the_middle_of_a_long_output_ends_quietly() {
    let env = (0..1500).fold(TestEnv::new(), |env, i| {
        env.with_profile(
            &format!("role-{i}.json"),
            &format!(
                r#"{{"id":"role-{i}","title":"Role {i}","summary":"A role written to make the list long: {}."}}"#,
                "words ".repeat(20)
            ),
        )
    });
    let full = env.run(&["list", "--format", "csv"]);
    assert!(
        full.stdout.len() > 4 * 64 * 1024,
        "{} bytes",
        full.stdout.len()
    );
    let (code, err) = close_after(&env, &["list", "--format", "csv"], 100);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(err, "");
}

#[test]
fn a_reader_that_closes_early_ends_any_command_quietly() {
    for args in [
        &["list"][..],
        &["show", "ml-engineer"],
        &["salary"],
        &["salary", "--format", "json"],
        &["trends", "--format", "csv"],
        &[
            "compare",
            "data-engineer",
            "ml-engineer",
            "--format",
            "markdown",
        ],
        &["completions", "bash"],
        &["man"],
    ] {
        for first in [0, 64] {
            let (code, err) = close_after(&TestEnv::new(), args, first);
            assert_eq!(code, Some(0), "{args:?} after {first} bytes: {err}");
            // Plain's notes may reach stderr; never an error.
            assert!(
                !err.contains("careers:"),
                "{args:?} after {first} bytes: {err}"
            );
        }
    }
}

#[test]
#[cfg(unix)]
fn ctrl_c_exits_130() {
    // Thousands of report lines into a pipe nobody reads: the command blocks on a full pipe
    // and is still running when the signal arrives.
    let files: Vec<String> = (0..4000).map(|i| format!("missing-{i:05}.json")).collect();
    let mut args = vec!["validate"];
    args.extend(files.iter().map(String::as_str));
    let mut child = spawn(&TestEnv::new(), &args);
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(child.try_wait().unwrap().is_none(), "still writing");
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
}

#[test]
fn escape_sequences_in_profile_text_are_shown_never_interpreted() {
    let scratch = TestEnv::new()
        .in_scratch()
        .with_fixture_profile("bad/escape-title.json");
    let all_three = &["table", "markdown", "csv"][..];
    // The CSV of gap and path holds their rows only, not the role's title.
    for (args, formats) in [
        (&["list"][..], all_three),
        (&["show", "escape-title"], all_three),
        (&["compare", "escape-title", "ml-engineer"], all_three),
        (
            &["gap", "escape-title", "ml-engineer"],
            &["table", "markdown"],
        ),
        (&["path", "escape-title"], &["table", "markdown"]),
    ] {
        for &format in formats {
            for colour in ["never", "always"] {
                let mut all = args.to_vec();
                all.extend(["--format", format, "--color", colour]);
                let out = scratch.quiet_stdout(&all);
                // A table may wrap the title, so look for its pieces; Markdown escapes them,
                // so look in the text a Markdown reader sees.
                let shown = match format {
                    "markdown" => markdown_text(&out),
                    _ => out.clone(),
                };
                for piece in ["\\u{1b}[31mRed\\u{1b}[0m", "\\u{1b}]0;owned\\u{7}Lead"] {
                    assert!(shown.contains(piece), "{all:?}: {out}");
                }
                assert!(!out.contains('\u{7}'), "{all:?}");
                assert!(
                    !out.contains("\u{1b}[31m") && !out.contains("\u{1b}]0;"),
                    "{all:?}: {out:?}"
                );
            }
        }
    }
}

#[test]
fn escape_sequences_in_arguments_are_shown_in_errors() {
    let env = TestEnv::new();
    let err = env.fails(&["show", "\u{1b}[2Jx"], 1);
    assert_eq!(
        err,
        "careers: error: unknown role \"\\u{1b}[2Jx\"; `careers search WORDS` finds a role by the words of its title, tasks or skills; O*NET's ~1,000 occupations are not imported and may know it: `careers import onet DIR`\n"
    );
    let err = env.fails(&["--format", "\u{1b}]0;t\u{7}", "list"], 2);
    assert!(!err.contains(ESC) && !err.contains('\u{7}'), "{err:?}");
    assert!(err.contains("'\\u{1b}]0;t\\u{7}'"), "{err}");
}

/// Usage errors: the exact line, exit 2, nothing on stdout.
#[test]
fn usage_errors_are_one_line_with_a_suggestion() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["shwo", "ml-engineer"],
            "unrecognized subcommand 'shwo' (did you mean show?); see careers --help",
        ),
        (
            &["frobnicate"],
            "unrecognized subcommand 'frobnicate'; commands: list, show, search, salary, where, worth, \
             places, trends, outlook, find, explain, compare, gap, moves, match, path, validate, schema, new, import, sources, completions, \
             man; see careers --help",
        ),
        (
            &[],
            "no command given; commands: list, show, search, salary, where, worth, places, trends, outlook, \
             find, explain, compare, gap, moves, match, path, validate, schema, new, import, sources, completions, man; see careers --help",
        ),
        (
            &["show", "ml-engineer", "--secton", "salary"],
            "unexpected argument '--secton' found (did you mean --section?); see careers show \
             --help",
        ),
        (
            &["list", "--frmat", "json"],
            "unexpected argument '--frmat' found (did you mean --format?); see careers list --help",
        ),
        (
            &["list", "--format", "jsn"],
            "invalid value 'jsn' for '--format <FORMAT>' (did you mean json?); possible values: \
             table, plain, json, csv, markdown; see careers list --help",
        ),
        (
            &["list", "--color", "sometimes"],
            "invalid value 'sometimes' for '--color <WHEN>'; possible values: auto, always, \
             never; see careers list --help",
        ),
        (
            &["salary", "--sort", "hi"],
            "invalid value 'hi' for '--sort <END>' (did you mean high?); possible values: low, \
             high, mid; see careers salary --help",
        ),
        (
            &["show"],
            "the following required arguments were not provided: <ROLE>; usage: careers show \
             [OPTIONS] <ROLE>; see careers show --help",
        ),
        (
            &["import"],
            "'careers import' requires a subcommand but one was not provided; commands: onet, oews, projections, \
             prices; see careers import --help",
        ),
        (
            &["completions", "bsh"],
            "invalid value 'bsh' for '<SHELL>' (did you mean bash?); possible values: bash, \
             elvish, fish, powershell, zsh; see careers completions --help",
        ),
    ];
    let env = TestEnv::new();
    for (args, message) in cases {
        let err = env.fails(args, 2);
        assert_eq!(err, format!("careers: error: {message}\n"), "{args:?}");
    }
}

#[test]
fn help_and_version_print_on_stdout_and_exit_0() {
    let env = TestEnv::new();
    for args in [
        &["--help"][..],
        &["-h"],
        &["show", "--help"],
        &["help", "gap"],
        &["help", "--help"],
        &["help", "-h"],
    ] {
        let out = env.stdout(args);
        assert!(
            out.starts_with("Usage: ") || out.contains("\nUsage: "),
            "{args:?}"
        );
    }
    assert_eq!(env.stdout(&["--version"]), "careers 0.1.0\n");
    let help = env.stdout(&["--help"]);
    assert!(
        help.contains("Exit codes:\n  0    success\n  1    runtime error"),
        "{help}"
    );
    for (name, _) in crate::formats::COMMANDS {
        let sub = name.split('_').next().unwrap();
        let help = env.stdout(&[sub, "--help"]);
        assert!(help.contains("Examples:\n  careers "), "{sub}: {help}");
    }
    for sub in ["completions", "man"] {
        assert!(
            env.stdout(&[sub, "--help"])
                .contains("Examples:\n  careers ")
        );
    }
}

/// Runs `careers ARGS` with stdout on a pseudo-terminal (through `script`), with `vars` set, and
/// returns what the terminal received, line ends as `\n`.
fn on_terminal(vars: Env, args: &[&str]) -> String {
    // A terminal's own look and colour, unless `vars` say otherwise.
    TestEnv::new()
        .colour()
        .env_remove("CAREERS_FORMAT")
        .env("TERM", "xterm")
        .envs(vars.iter().copied())
        .on_terminal(args)
}

/// `careers ARGS` with stdout a pipe and no format chosen.
fn piped(args: &[&str]) -> String {
    TestEnv::new().env_remove("CAREERS_FORMAT").stdout(args)
}

const BOX: &[char] = &['╭', '│', '┆', '═', '╰'];

#[test]
fn piped_list_is_one_tab_separated_line_per_role() {
    let out = piped(&["list"]);
    insta::assert_snapshot!("plain_list", out);
    let lines: Vec<&str> = out.lines().collect();
    // Five roles, a line each: no header, no closing note (that goes to stderr).
    assert_eq!(lines.len(), 5, "{out}");
    for line in &lines {
        // id, title, code, job_zone, summary, data, origin, file.
        assert_eq!(line.split('\t').count(), 8, "{line}");
    }
    assert!(
        lines[0].starts_with("ml-engineer\tMachine Learning Engineer\t\t\tBuilds, deploys"),
        "{out}"
    );
    assert!(!out.contains(BOX), "{out}");
    assert_eq!(out, piped(&["list", "--format", "plain"]));
    let run = TestEnv::new().env_remove("CAREERS_FORMAT").run(&["list"]);
    assert_eq!(
        run.stderr,
        "5 roles, all bundled. `careers show ROLE` shows one in full.\n"
    );
}

#[test]
fn piped_show_is_a_record_per_value() {
    let out = piped(&["show", "data-governance-analyst"]);
    insta::assert_snapshot!("plain_show", out);
    assert!(!out.contains(BOX), "{out}");
    for line in out.lines() {
        assert_eq!(line.split('\t').count(), 5, "{line}");
        assert!(line.starts_with("data-governance-analyst\t"), "{line}");
    }
    assert!(out.contains("\ndata-governance-analyst\tResponsibilities\tKey responsibilities\tWhat the role does\tCreate and put in place data standards\ndata-governance-analyst\tResponsibilities\tKey responsibilities\tWhat the role does\tManage metadata\n"), "{out}");
    assert!(
        out.contains("\ndata-governance-analyst\tSoft skills\t\t\tCommunication\ndata-governance-analyst\tSoft skills\t\t\tCollaboration\n"),
        "{out}"
    );
}

#[test]
fn a_terminal_gets_boxed_tables_and_format_chooses_either_look() {
    for args in [&["list"][..], &["show", "data-governance-analyst"]] {
        let mut all = args.to_vec();
        all.extend(["--no-pager", "--color", "never"]);
        let boxed = on_terminal(&[], &all);
        assert!(
            boxed.contains('╭') && boxed.contains('┆'),
            "{args:?}: {boxed}"
        );
        // What a pipe gets by default, a terminal gets with --format plain, and the other way.
        let mut plain = all.clone();
        plain.extend(["--format", "plain"]);
        // The terminal shows stderr too: plain's closing notes after the records.
        let shown = on_terminal(&[], &plain);
        assert!(shown.starts_with(&piped(args)), "{args:?}: {shown}");
        let mut table = args.to_vec();
        table.extend(["--format", "table"]);
        assert_eq!(piped(&table), boxed, "{args:?}");
    }
}

/// A pager that copies what it is given into `file`.
fn recording_pager(file: &std::path::Path) -> String {
    shell_words::join([
        "sh",
        "-c",
        &format!("cat > {}", shell_words::quote(&file.display().to_string())),
    ])
}

#[test]
fn output_longer_than_the_screen_goes_through_the_pager() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("paged");
    let pager = recording_pager(&file);
    let direct = on_terminal(&[], &["list", "--no-pager"]);
    // CAREERS_PAGER first, then PAGER.
    for var in ["CAREERS_PAGER", "PAGER"] {
        let _ = std::fs::remove_file(&file);
        let shown = on_terminal(&[("LINES", "10"), (var, &pager)], &["list"]);
        assert_eq!(shown, "", "{var}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), direct, "{var}");
    }
    let _ = std::fs::remove_file(&file);
    let other = recording_pager(&dir.path().join("other"));
    on_terminal(
        &[
            ("LINES", "10"),
            ("CAREERS_PAGER", &pager),
            ("PAGER", &other),
        ],
        &["list"],
    );
    assert!(file.exists() && !dir.path().join("other").exists());
}

#[test]
fn the_pager_is_skipped_when_off_short_piped_or_missing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("paged");
    let pager = recording_pager(&file);
    let direct = on_terminal(&[], &["list", "--no-pager"]);
    let cases: &[(Env, &[&str])] = &[
        (
            &[("LINES", "10"), ("CAREERS_PAGER", &pager)],
            &["list", "--no-pager"],
        ),
        (
            &[("LINES", "10"), ("CAREERS_PAGER", ""), ("PAGER", &pager)],
            &["list"],
        ),
        (&[("LINES", "500"), ("CAREERS_PAGER", &pager)], &["list"]),
        (
            &[("LINES", "10"), ("CAREERS_PAGER", "careers-no-such-pager")],
            &["list"],
        ),
    ];
    for (env, args) in cases {
        assert_eq!(on_terminal(env, args), direct, "{env:?} {args:?}");
        assert!(!file.exists(), "{env:?} {args:?}");
    }
    let out = TestEnv::new()
        .env("LINES", "10")
        .env("CAREERS_PAGER", &pager)
        .run(&["list"]);
    assert!(out.stdout.starts_with('╭'));
    assert!(!file.exists(), "never when piped");
}

/// A pager that writes its environment to `file`, shows what it is given, and fails.
fn failing_pager(file: &std::path::Path) -> String {
    let file = shell_words::quote(&file.display().to_string()).into_owned();
    shell_words::join(["sh", "-c", &format!("env > {file}; cat; exit 1")])
}

#[test]
fn a_pager_that_fails_after_taking_the_output_shows_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("environment");
    let pager = failing_pager(&file);
    let direct = on_terminal(&[], &["list", "--no-pager"]);
    let shown = on_terminal(&[("LINES", "10"), ("PAGER", &pager)], &["list"]);
    assert_eq!(shown, direct, "once, by the pager");
    // LESS unset: the pager gets git's LESS=FRX, so that `PAGER=less` shows colour.
    let environment = std::fs::read_to_string(&file).unwrap();
    assert!(
        environment.lines().any(|l| l == "LESS=FRX"),
        "{environment}"
    );
    // A LESS of the user's own is left as it is.
    on_terminal(
        &[("LINES", "10"), ("PAGER", &pager), ("LESS", "-S")],
        &["list"],
    );
    let environment = std::fs::read_to_string(&file).unwrap();
    assert!(environment.lines().any(|l| l == "LESS=-S"), "{environment}");
    // A pager that quits without reading had the output too: it is not written again.
    let quits = on_terminal(&[("LINES", "10"), ("PAGER", "false")], &["list"]);
    assert_eq!(quits, "");
}

#[test]
fn colour_on_a_terminal_follows_no_color_clicolor_and_term() {
    let coloured = |vars: Env, args: &[&str]| {
        let mut all = args.to_vec();
        all.push("--no-pager");
        on_terminal(vars, &all).contains(ESC)
    };
    assert!(coloured(&[], &["list"]));
    assert!(!coloured(&[("NO_COLOR", "1")], &["list"]));
    assert!(!coloured(&[("CLICOLOR", "0")], &["list"]));
    assert!(!coloured(&[("TERM", "dumb")], &["list"]));
    assert!(coloured(
        &[("TERM", "dumb"), ("CLICOLOR_FORCE", "1")],
        &["list"]
    ));
    assert!(!coloured(&[], &["list", "--color", "never"]));
    assert!(coloured(
        &[("NO_COLOR", "1")],
        &["list", "--color", "always"]
    ));
    // Machine formats never.
    assert!(!coloured(&[], &["list", "--format", "json"]));
    // clap's own help follows the same choice.
    assert!(coloured(&[], &["--help"]));
    assert!(!coloured(&[], &["--color=never", "--help"]));
    assert!(!coloured(&[("NO_COLOR", "1")], &["salary", "--help"]));
    assert!(!coloured(&[("TERM", "dumb")], &["--help"]));
}

#[test]
fn help_colour_on_a_pipe_follows_the_flag_and_clicolor_force() {
    let help = |vars: Env, args: &[&str]| {
        TestEnv::new()
            .colour()
            .envs(vars.iter().copied())
            .run(args)
            .stdout
            .contains(ESC)
    };
    assert!(!help(&[], &["--help"]));
    assert!(help(&[], &["--color=always", "--help"]));
    assert!(help(&[("CLICOLOR_FORCE", "1")], &["show", "--help"]));
    assert!(!help(
        &[("CLICOLOR_FORCE", "1")],
        &["--color", "never", "--help"]
    ));
}
