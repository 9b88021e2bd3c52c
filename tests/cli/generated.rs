//! Generated files: completion scripts for every shell and the man page, from the binary.

use std::process::Command as Process;

use crate::common::TestEnv;
use crate::formats::awkward;

/// Says on the test's stderr that a check was skipped because a tool is missing.
#[allow(clippy::print_stderr)]
fn skipped(note: &str) {
    eprintln!("note: {note}");
}

const SHELLS: &[&str] = &["bash", "zsh", "fish", "powershell", "elvish"];

#[test]
fn every_shell_gets_a_hook_and_bash_parses_it() {
    let scratch = awkward();
    for shell in SHELLS {
        let hook = scratch.quiet_stdout(&["completions", shell]);
        assert!(hook.contains("COMPLETE"), "{shell}: {hook}");
        assert!(hook.contains("careers"), "{shell}");
        // The hook asks careers each time: no id is baked into it.
        assert!(!hook.contains("ml-engineer"), "{shell}");
        assert!(hook.len() < 4000, "{shell}: {} bytes", hook.len());
    }
    let bash = scratch.quiet_stdout(&["completions", "bash"]);
    // --format does not apply to a generated script, and COMPLETE=bash prints the same hook.
    assert_eq!(
        scratch.quiet_stdout(&["completions", "bash", "--format", "json"]),
        bash
    );
    let out = scratch.cmd().env("COMPLETE", "bash").output().unwrap();
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

#[test]
fn bash_and_fish_complete_ids_places_and_closed_values_from_the_data() {
    let scratch = awkward();
    for shell in ["bash", "fish"] {
        // Role ids, bundled and the user's.
        assert_eq!(
            scratch.completions(shell, &["show", "data-engineering-"]),
            ["data-engineering-manager", "data-engineering-team-lead"],
            "{shell}"
        );
        assert_eq!(
            scratch.completions(shell, &["show", "quo"]),
            ["quoting-analyst"],
            "{shell}"
        );
        // After `gap FROM`, each id once.
        let to = scratch.completions(shell, &["gap", "ml-engineer", "data-"]);
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
            scratch.completions(shell, &["salary", "--city", "Sea"]),
            ["Seattle"],
            "{shell}"
        );
        assert_eq!(
            scratch.completions(shell, &["salary", "--experience", ""]),
            ["entry", "mid", "senior"],
            "{shell}"
        );
        assert_eq!(
            scratch.completions(shell, &["show", "ml-engineer", "--section", "sal"]),
            ["salary"],
            "{shell}"
        );
        assert!(
            scratch
                .completions(shell, &["list", "--skill", "Pyt"])
                .contains(&"Python".to_owned()),
            "{shell}"
        );
    }
}

/// What `shell` itself (zsh or elvish) offers for the last of `words`, running the hook that
/// `careers completions SHELL` prints: zsh with its completion system's two entry points
/// stubbed (`compdef` registers, `_describe` lists the array named third, after `-V values`)
/// and the word being completed in `PREFIX`, as zsh sets it; elvish with the completer bound to
/// a variable instead of the line editor, which a script has not.
fn from_the_shell(scratch: &TestEnv, shell: &str, words: &[&str]) -> Vec<String> {
    let hook = scratch.quiet_stdout(&["completions", shell]);
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let (script, file) = match shell {
        "zsh" => (
            format!(
                "compdef() {{ : }}\n_describe() {{ print -rl -- \"${{(@P)3}}\" }}\n{hook}\nwords=(careers {})\nCURRENT={}\nPREFIX={}\n_clap_dynamic_completer_careers\n",
                quoted.join(" "),
                words.len() + 1,
                quoted.last().expect("a word to complete")
            ),
            "complete.zsh",
        ),
        _ => (
            format!(
                "{}\n$completer careers {}\n",
                hook.replace(
                    "set edit:completion:arg-completer[careers] = ",
                    "var completer = "
                ),
                quoted.join(" ")
            ),
            "complete.elv",
        ),
    };
    let path = scratch.root().join(file);
    std::fs::write(&path, script).unwrap();
    let mut run = scratch.program(shell);
    if shell == "zsh" {
        run.arg("-f");
    }
    let out = run
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{shell}: {e}"));
    assert!(
        out.status.success(),
        "{shell}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        // zsh's candidates are `value:description`.
        .map(|l| l.split(':').next().unwrap().to_owned())
        .collect()
}

#[test]
#[ignore = "needs zsh and elvish (.ci/run installs them and runs this)"]
fn zsh_and_elvish_complete_ids_places_and_closed_values_through_their_hooks() {
    let scratch = awkward();
    for shell in ["zsh", "elvish"] {
        assert_eq!(
            from_the_shell(&scratch, shell, &["show", "data-engineering-"]),
            ["data-engineering-manager", "data-engineering-team-lead"],
            "{shell}"
        );
        assert_eq!(
            from_the_shell(
                &scratch,
                shell,
                &["gap", "ml-engineer", "data-engineering-"]
            ),
            ["data-engineering-manager", "data-engineering-team-lead"],
            "{shell}"
        );
        assert_eq!(
            from_the_shell(&scratch, shell, &["salary", "--city", "Sea"]),
            ["Seattle"],
            "{shell}"
        );
        assert_eq!(
            from_the_shell(&scratch, shell, &["salary", "--experience", ""]),
            ["entry", "mid", "senior"],
            "{shell}"
        );
    }
}

#[test]
fn powershell_zsh_and_elvish_get_the_same_candidates_as_bash() {
    // What each shell's hook asks careers for, and careers answers the same to all five.
    let scratch = awkward();
    for words in [
        &["show", "data-engineering-"][..],
        &["gap", "ml-engineer", "data-"],
        &["salary", "--city", "Sea"],
        &["salary", "--experience", ""],
    ] {
        let bash = scratch.completions("bash", words);
        assert!(!bash.is_empty(), "{words:?}");
        for shell in ["zsh", "powershell", "elvish"] {
            assert_eq!(scratch.completions(shell, words), bash, "{shell} {words:?}");
        }
    }
}

#[test]
fn the_man_page_covers_every_command_and_renders() {
    let scratch = awkward();
    let roff = scratch.quiet_stdout(&["man"]);
    let subcommands: Vec<String> = TestEnv::new()
        .stdout(&["--help"])
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
    let scratch = awkward();
    let listed = scratch.quiet_stdout(&["man", "--dir", "pages"]);
    let written: Vec<&str> = listed.lines().collect();
    assert_eq!(written[0], "pages/careers.1");
    assert!(written.contains(&"pages/careers-show.1"), "{listed}");
    assert!(written.contains(&"pages/careers-completions.1"), "{listed}");
    let show = std::fs::read_to_string(scratch.root().join("pages/careers-show.1")).unwrap();
    assert!(
        show.contains(".TH careers-show 1 2025-12-01 \"careers 0.1.0\" \"careers manual\""),
        "{show}"
    );
    // The roff crate quotes a section name of two words.
    for section in ["EXAMPLES", "\"EXIT STATUS\"", "ENVIRONMENT", "FILES"] {
        assert!(
            show.contains(&format!("\n.SH {section}\n")),
            "{section}: {show}"
        );
    }
    assert!(!show.contains(".SH EXTRA"), "{show}");
}

#[test]
fn hooks_find_careers_on_the_path_so_moving_the_binary_keeps_them_working() {
    let scratch = awkward();
    let bin = crate::common::careers_bin();
    for shell in SHELLS {
        let hook = scratch.quiet_stdout(&["completions", shell]);
        assert!(
            !hook.contains(bin.to_str().unwrap()),
            "{shell}: the hook names the binary's path: {hook}"
        );
    }
    // A copy of the binary elsewhere, first on the PATH, answers the same hook.
    let moved = tempfile::tempdir().unwrap();
    std::fs::copy(&bin, moved.path().join("careers")).unwrap();
    let hook = scratch.quiet_stdout(&["completions", "bash"]);
    let script = format!(
        "{hook}\nCOMP_WORDS=(careers show data-engineering-m)\nCOMP_CWORD=2\n_clap_complete_careers careers data-engineering-m\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n"
    );
    let out = scratch
        .program("bash")
        .args(["-c", &script])
        .env("PATH", format!("{}:/usr/bin:/bin", moved.path().display()))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "data-engineering-manager",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
#[cfg(feature = "embedded")]
fn codes_titles_and_blss_sectors_complete() {
    let env = TestEnv::new().embedded();
    let codes = env.completions("bash", &["show", "15-205"]);
    assert_eq!(codes, ["15-2051.00", "15-2051.01", "15-2051.02"]);
    // Fish shows each id's title beside it.
    let out = env
        .cmd()
        .env("COMPLETE", "fish")
        .env("_CLAP_COMPLETE_INDEX", "2")
        .env("_CLAP_IFS", "\n")
        .args(["--", "careers", "show", "data-scientis"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "data-scientists\tData Scientists\n"
    );
    let sectors = env.completions("bash", &["salary", "--industry", "Fin"]);
    assert_eq!(sectors, ["Finance and Insurance"]);
}
