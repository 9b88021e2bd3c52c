//! The one exit-code rule of docs/GUIDE.md, case by case: 0 success, 1 a runtime failure (stdout
//! that cannot be written, input with nothing usable in it, bad data), 2 a usage error (an
//! empty name or place, a bad value of an option or of the variable standing for one). Every
//! case runs under a timeout and checks the exact message.

use std::time::Duration;

use crate::common::{Outcome, TestEnv, careers_bin};

const LIMIT: Duration = Duration::from_secs(30);

fn bounded() -> TestEnv {
    TestEnv::new().timeout(LIMIT)
}

/// Runs `careers ARGS` through `sh` with stdout closed (`>&-`), under `timeout`.
fn with_stdout_closed(env: &TestEnv, args: &str) -> Outcome {
    let line = format!("exec {} {args} >&-", careers_bin().display());
    env.program("timeout")
        .args([&LIMIT.as_secs().to_string(), "sh", "-c", &line])
        .output()
        .unwrap()
        .into()
}

#[cfg(target_os = "linux")]
#[test]
fn a_closed_stdout_is_exit_1_naming_stdout() {
    let env = bounded();
    let message = "careers: error: cannot write to stdout: it was closed when careers started; give the output somewhere to go (a file, a pipe, or >/dev/null to discard it)\n";
    for args in [
        "list",
        "show ml-engineer --format json",
        "--version",
        "--help",
    ] {
        let out = with_stdout_closed(&env, args);
        assert_eq!(
            (out.code, out.stderr.as_str()),
            (Some(1), message),
            "{args}"
        );
    }
    // Nothing was started: no profile written.
    let out = with_stdout_closed(&env, "new my-role --summary Mine.");
    assert_eq!(out.code, Some(1));
    assert!(!env.data_dir().join("profiles/my-role.json").exists());
    // Output thrown away on purpose is not an error.
    let out: Outcome = env
        .program("timeout")
        .args([
            &LIMIT.as_secs().to_string(),
            "sh",
            "-c",
            &format!("exec {} list >/dev/null", careers_bin().display()),
        ])
        .output()
        .unwrap()
        .into();
    assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""));
}

#[test]
fn no_usable_skill_is_exit_1_with_the_same_message_in_list_and_match() {
    let env = bounded();
    let known = "known skills: Adaptability, Agile, Airflow,";
    let list = env.fails(&["list", "--skill", "zzzz"], 1);
    assert!(
        list.starts_with(&format!("careers: error: unknown skill \"zzzz\"; {known}")),
        "{list}"
    );
    assert_eq!(env.fails(&["match", "--skills", "zzzz"], 1), list);
    // One unknown skill beside a known one still ranks, and says what it left out.
    let out = env.run(&["match", "--skills", "zzzz,python", "--format", "json"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["unknown"][0]["name"], "zzzz");
}

#[test]
fn an_empty_name_or_place_is_a_usage_error() {
    let env = bounded();
    for (args, arg, command) in [
        (
            &["salary", "ml-engineer", "--city", ""][..],
            "--city <PLACE>",
            "salary",
        ),
        (&["salary", "--city", "  "], "--city <PLACE>", "salary"),
        (&["salary", "--industry", ""], "--industry <NAME>", "salary"),
        (
            &["compare", "ml-engineer", "data-engineer", "--city", ""],
            "--city <PLACE>",
            "compare",
        ),
        (&["show", ""], "<ROLE>", "show"),
        (&["where", " "], "<ROLE>", "where"),
        (&["gap", "", "ml-engineer"], "<FROM>", "gap"),
        (&["list", "--skill", ""], "--skill <NAME>", "list"),
        (&["match", "--from", ""], "--from <ROLE>", "match"),
    ] {
        assert_eq!(
            env.fails(args, 2),
            format!(
                "careers: error: a value is required for '{arg}' but none was supplied; see careers {command} --help\n"
            ),
            "{args:?}"
        );
    }
}

#[test]
fn a_bad_careers_format_names_the_variable_and_the_option_overrides_it() {
    let env = bounded().env("CAREERS_FORMAT", "xml");
    assert_eq!(
        env.fails(&["list"], 2),
        "careers: error: invalid value 'xml' in the environment variable CAREERS_FORMAT; possible values: table, plain, json, csv, markdown; set it to one of them, or unset it (--format overrides it)\n"
    );
    let out = env.run(&["list", "--format", "json"]);
    assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""));
    assert!(out.stdout.starts_with("{\n  \"format_version\""));
    // The option's own bad value blames the option.
    assert_eq!(
        env.fails(&["list", "--format", "xml"], 2),
        "careers: error: invalid value 'xml' for '--format <FORMAT>'; possible values: table, plain, json, csv, markdown; see careers list --help\n"
    );
    // Empty counts as unset, as for CAREERS_DATA_DIR.
    let out = bounded()
        .env("CAREERS_FORMAT", "")
        .run(&["show", "ml-engineer"]);
    // Plain, the default in a pipe: its closing note goes to stderr.
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            Some(0),
            "Source: AiPathly career page: Machine Learning Developer, section \"Salary Ranges (US Market, 2024)\".\n"
        )
    );
    assert!(
        out.stdout
            .starts_with("ml-engineer\t\tTitle\t\tMachine Learning Engineer\n")
    );
}

/// The loader's warning sends the user to `validate` with the entry's path, and `validate`
/// reports the same problem there.
#[test]
fn a_folder_named_like_a_profile_is_a_problem_to_the_loader_and_to_validate() {
    let env = bounded();
    let path = env.profile_path("x.json");
    std::fs::create_dir(&path).unwrap();
    let p = path.display();
    let out = env.run(&["list"]);
    assert_eq!(out.code, Some(0));
    assert_eq!(
        out.stderr,
        format!(
            "careers: warning: skipped {p}: is a directory, not a profile file; run `careers validate {p}`\n"
        )
    );
    for args in [&["validate", path.to_str().unwrap()][..], &["validate"]] {
        let out = env.run(args);
        assert_eq!(out.code, Some(1), "{args:?}");
        assert_eq!(
            out.stdout,
            format!("{p}: is a directory, not a profile file\n1 file: 0 valid, 1 problem\n"),
            "{args:?}"
        );
    }
    // A folder of profiles given by its own name is still checked as a folder.
    let out = env.run(&[
        "validate",
        env.data_dir().join("profiles").to_str().unwrap(),
    ]);
    assert_eq!(out.code, Some(1));
    assert!(out.stdout.ends_with("1 file: 0 valid, 1 problem\n"));
}

#[test]
fn an_alias_no_lookup_can_reach_is_a_validate_problem() {
    let env = bounded().with_profile(
        "my-ds.json",
        r#"{"id": "my-ds", "title": "My DS", "summary": "Mine.", "aliases": ["dsx", "15-2051.00", "15 2051"]}"#,
    );
    let path = env.profile_path("my-ds.json");
    let p = path.display();
    let problem = |i: usize, alias: &str| {
        format!(
            "aliases[{i}]: alias \"{alias}\" is an O*NET-SOC code, which finds its O*NET occupation, never this profile; remove the alias"
        )
    };
    let out = env.run(&["validate"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stdout,
        format!(
            "{p}: {}\n{p}: {}\n1 file: 0 valid, 2 problems\n",
            problem(1, "15-2051.00"),
            problem(2, "15 2051")
        )
    );
    // The loader warns with the same words, and keeps the profile.
    let out = env.run(&["show", "dsx", "--format", "plain"]);
    assert_eq!(out.code, Some(0));
    assert!(
        out.stdout.starts_with("my-ds\t\tTitle\t\tMy DS\n"),
        "{}",
        out.stdout
    );
    assert_eq!(
        out.stderr,
        format!(
            "careers: warning: {p}: {}; run `careers validate {p}`\ncareers: warning: {p}: {}; run `careers validate {p}`\n",
            problem(1, "15-2051.00"),
            problem(2, "15 2051")
        )
    );
}
