//! Generated files: completion scripts for every shell and the man page, from the binary.

use std::process::Command as Process;

use crate::formats::Scratch;

/// Says on the test's stderr that a check was skipped because a tool is missing.
#[allow(clippy::print_stderr)]
fn skipped(note: &str) {
    eprintln!("note: {note}");
}

const SHELLS: &[&str] = &["bash", "zsh", "fish", "powershell", "elvish"];

#[test]
fn every_shell_gets_a_hook_and_bash_parses_it() {
    let scratch = Scratch::awkward();
    for shell in SHELLS {
        let hook = scratch.stdout(&["completions", shell]);
        assert!(hook.contains("COMPLETE"), "{shell}: {hook}");
        assert!(hook.contains("careers"), "{shell}");
        // The hook asks careers each time: no id is baked into it.
        assert!(!hook.contains("ml-engineer"), "{shell}");
        assert!(hook.len() < 4000, "{shell}: {} bytes", hook.len());
    }
    let bash = scratch.stdout(&["completions", "bash"]);
    // --format does not apply to a generated script, and COMPLETE=bash prints the same hook.
    assert_eq!(
        scratch.stdout(&["completions", "bash", "--format", "json"]),
        bash
    );
    let out = scratch.command().env("COMPLETE", "bash").output().unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), bash);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("careers.bash");
    std::fs::write(&file, &bash).unwrap();
    match Process::new("bash").arg("-n").arg(&file).output() {
        Ok(out) => assert!(
            out.status.success(),
            "bash -n: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(_) => skipped("bash is not installed; skipped `bash -n`"),
    }
}

/// What `careers` answers when `shell`'s hook asks it to complete the last of `words`.
fn candidates(scratch: &Scratch, shell: &str, words: &[&str]) -> Vec<String> {
    crate::common::completions(scratch.command(), shell, words)
}

#[test]
fn bash_and_fish_complete_ids_places_and_closed_values_from_the_data() {
    let scratch = Scratch::awkward();
    for shell in ["bash", "fish"] {
        // Role ids, bundled and the user's.
        assert_eq!(
            candidates(&scratch, shell, &["show", "data-engineering-"]),
            ["data-engineering-manager", "data-engineering-team-lead"],
            "{shell}"
        );
        assert_eq!(
            candidates(&scratch, shell, &["show", "quo"]),
            ["quoting-analyst"],
            "{shell}"
        );
        // After `gap FROM`, each id once.
        let to = candidates(&scratch, shell, &["gap", "ml-engineer", "data-"]);
        assert_eq!(
            to,
            [
                "data-engineer",
                "data-engineering-manager",
                "data-engineering-team-lead",
                "data-governance-analyst"
            ],
            "{shell}"
        );
        // A place, a career stage, a closed value set.
        assert_eq!(
            candidates(&scratch, shell, &["salary", "--city", "Sea"]),
            ["Seattle"],
            "{shell}"
        );
        assert_eq!(
            candidates(&scratch, shell, &["salary", "--experience", ""]),
            ["entry", "mid", "senior"],
            "{shell}"
        );
        assert_eq!(
            candidates(
                &scratch,
                shell,
                &["show", "ml-engineer", "--section", "sal"]
            ),
            ["salary"],
            "{shell}"
        );
        assert!(
            candidates(&scratch, shell, &["list", "--skill", "Pyt"]).contains(&"Python".to_owned()),
            "{shell}"
        );
    }
}

#[test]
fn the_man_page_covers_every_command_and_renders() {
    let scratch = Scratch::awkward();
    let roff = scratch.stdout(&["man"]);
    let subcommands: Vec<String> = crate::common::stdout_of(&["--help"])
        .split("Commands:\n")
        .nth(1)
        .unwrap()
        .lines()
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .map(|l| l.split_whitespace().next().unwrap().to_owned())
        .filter(|name| name != "help")
        .collect();
    assert!(subcommands.len() >= 13, "{subcommands:?}");
    assert!(roff.contains("\n.TH careers 1 "), "the page of careers");
    for sub in &subcommands {
        assert!(
            roff.contains(&format!(
                "\n.TH careers-{sub} 1 2025-12-01 \"careers 0.1.0\""
            )),
            "a page for {sub}"
        );
    }

    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("careers.1");
    std::fs::write(&page, &roff).unwrap();
    match Process::new("man")
        .args(["--warnings", "-E", "UTF-8", "-l"])
        .arg(&page)
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .output()
    {
        Ok(out) => {
            assert!(out.status.success());
            assert_eq!(String::from_utf8_lossy(&out.stderr), "", "groff warnings");
            let text = String::from_utf8(out.stdout).unwrap();
            assert!(text.contains("careers-show"), "{text}");
            for section in [
                "NAME",
                "SYNOPSIS",
                "DESCRIPTION",
                "OPTIONS",
                "EXIT STATUS",
                "ENVIRONMENT",
                "FILES",
            ] {
                assert!(
                    text.contains(&format!("\n{section}\n")),
                    "{section}: {text}"
                );
            }
            assert!(text.contains("2025-12-01"), "dated: {text}");
            assert!(text.contains("CAREERS_PAGER"), "{text}");
            assert!(text.contains("DATA_DIR/profiles/*.json"), "{text}");
        }
        Err(_) => skipped("man is not installed; skipped rendering with `man -l`"),
    }
}

#[test]
fn man_dir_writes_one_page_per_command() {
    let scratch = Scratch::awkward();
    let listed = scratch.stdout(&["man", "--dir", "pages"]);
    let written: Vec<&str> = listed.lines().collect();
    assert_eq!(written[0], "pages/careers.1");
    assert!(written.contains(&"pages/careers-show.1"), "{listed}");
    assert!(written.contains(&"pages/careers-completions.1"), "{listed}");
    let show = std::fs::read_to_string(scratch.path().join("pages/careers-show.1")).unwrap();
    assert!(
        show.contains(".TH careers-show 1 2025-12-01 \"careers 0.1.0\" \"careers manual\""),
        "{show}"
    );
    for section in ["EXAMPLES", "EXIT STATUS", "ENVIRONMENT", "FILES"] {
        assert!(
            show.contains(&format!("\n.SH {section}\n")),
            "{section}: {show}"
        );
    }
    assert!(!show.contains(".SH EXTRA"), "{show}");
}
