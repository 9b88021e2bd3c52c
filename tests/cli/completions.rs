//! Completion of the embedded data's values: what `careers` answers the shells (codes with their
//! titles, places, skills and sectors by the start of any of their words, in any case), and what
//! bash, zsh and fish themselves put on the line at a TAB, with a binary moved after its hook
//! was sourced.

use crate::common::{TestEnv, careers_bin, fixture, shared};

/// What `careers` answers fish for the last of `words`: each value with its description.
fn described(env: &TestEnv, words: &[&str]) -> Vec<String> {
    let mut args = vec!["--", "careers"];
    args.extend(words);
    let out = env
        .cmd()
        .env("COMPLETE", "fish")
        .args(&args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{words:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn codes_complete_with_their_titles() {
    let env = TestEnv::new().embedded();
    let codes = described(&env, &["show", "15-20"]);
    assert_eq!(
        codes,
        [
            "15-2011.00\tActuaries",
            "15-2021.00\tMathematicians",
            "15-2031.00\tOperations Research Analysts",
            "15-2041.00\tStatisticians",
            "15-2041.01\tBiostatisticians",
            "15-2051.00\tData Scientists",
            "15-2051.01\tBusiness Intelligence Analysts",
            "15-2051.02\tClinical Data Managers",
            "15-2099.00\tMathematical Science Occupations, All Other",
            "15-2099.01\tBioinformatics Technicians",
        ]
    );
    // zsh shows them as `value:description` too.
    let zsh = env.completions("zsh", &["show", "15-2051.0"]);
    assert_eq!(zsh, ["15-2051.00", "15-2051.01", "15-2051.02"]);
    let out = env
        .cmd()
        .env("COMPLETE", "zsh")
        .env("_CLAP_COMPLETE_INDEX", "2")
        .env("_CLAP_IFS", "\n")
        .args(["--", "careers", "show", "15-2051.00"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "15-2051.00:Data Scientists"
    );
}

#[test]
fn places_complete_by_the_start_of_any_word_in_any_case() {
    let env = TestEnv::new().embedded();
    for shell in ["bash", "zsh", "fish"] {
        for typed in ["sea", "SEA", "Sea", "seattle"] {
            assert_eq!(
                env.completions(shell, &["salary", "--city", typed]),
                ["Seattle", "Seattle-Tacoma-Bellevue, WA"],
                "{shell} {typed}"
            );
        }
        // A later word of a metro's name.
        for typed in ["tacoma", "Tacoma", "bellevue, w"] {
            assert_eq!(
                env.completions(shell, &["salary", "--city", typed]),
                ["Seattle-Tacoma-Bellevue, WA"],
                "{shell} {typed}"
            );
        }
        // Not from the middle of a word.
        assert_eq!(
            env.completions(shell, &["salary", "--city", "eattle"]),
            Vec::<String>::new(),
            "{shell}"
        );
    }
    // Names that begin with the word come before those with a later word that does.
    let york = env.completions("bash", &["salary", "--city", "york"]);
    assert_eq!(
        york,
        [
            "York-Hanover, PA",
            "Capital/Northern New York nonmetropolitan area",
            "Central East New York nonmetropolitan area",
            "New York",
            "New York City",
            "New York-Newark-Jersey City, NY-NJ",
            "Southwest New York nonmetropolitan area",
        ]
    );
}

#[test]
fn skills_and_sectors_complete_by_the_start_of_any_word_in_any_case() {
    let env = TestEnv::new().embedded();
    for typed in ["py", "PY", "Py"] {
        assert_eq!(
            env.completions("bash", &["match", "--skills", typed]),
            ["PySpark", "PyTorch", "Python"],
            "{typed}"
        );
    }
    // The next skill after a comma.
    assert_eq!(
        env.completions("bash", &["match", "--skills", "sql,pyt"]),
        ["sql,PyTorch", "sql,Python"]
    );
    // A later word.
    assert_eq!(
        env.completions("bash", &["list", "--skill", "LANGUAGE"]),
        ["Database query languages", "Natural language processing"]
    );
    assert_eq!(
        env.completions("bash", &["salary", "--industry", "admin"]),
        [
            "Administrative and Support and Waste Management and Remediation Services",
            "Other Services (except Public Administration)",
        ]
    );
    assert_eq!(
        env.completions("bash", &["salary", "--industry", "HEALTH"]),
        ["Health Care and Social Assistance"]
    );
}

#[test]
#[ignore = "needs ../shared/oews-2025"]
fn every_sector_of_the_oews_release_completes() {
    // BLS's industries, by the name careers gives them (a sector's without "Sector 52 - ").
    let industries = std::fs::read_to_string(shared("oews-2025/oe.industry")).unwrap();
    let names: Vec<&str> = industries
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').nth(1))
        .map(|name| match name.split_once(" - ") {
            Some((prefix, short)) if prefix.starts_with("Sector") => short,
            _ => name,
        })
        .collect();
    let sectors: Vec<&str> = industries
        .lines()
        .filter_map(|l| l.split('\t').nth(1))
        .filter_map(|name| name.split_once(" - "))
        .filter(|(prefix, _)| prefix.starts_with("Sector"))
        .map(|(_, name)| name)
        .collect();
    assert_eq!(sectors.len(), 20);
    let offered = TestEnv::new()
        .embedded()
        .completions("bash", &["salary", "--industry", ""]);
    for sector in &sectors {
        assert!(offered.iter().any(|o| o == sector), "{sector}: {offered:?}");
    }
    // Besides BLS's industries, only those of the curated pay figures.
    let curated = TestEnv::new().completions("bash", &["salary", "--industry", ""]);
    assert_eq!(curated, ["Information Technology", "Real Estate"]);
    for name in &offered {
        assert!(
            names.contains(&name.as_str()) || curated.contains(name),
            "{name}"
        );
    }
}

/// One shell in a terminal: how to start it, and how to source careers' hook in it.
struct Shell {
    name: &'static str,
    start: &'static str,
    hook: &'static str,
}

const SHELLS: [Shell; 3] = [
    Shell {
        name: "bash",
        start: "bash --norc --noprofile -i",
        hook: "source <(careers completions bash)",
    },
    Shell {
        name: "zsh",
        start: "zsh -f -i",
        hook: "autoload -U compinit; compinit -u; source <(careers completions zsh)",
    },
    Shell {
        name: "fish",
        start: "fish --no-config -i",
        hook: "careers completions fish | source",
    },
];

/// What `shell` has on the line after each of `lines` and a TAB, one line of `<word>`s each
/// (`tests/fixtures/shells/tab.zsh` types them in a terminal), with `careers` found on `path`
/// and `then` run after the hook is sourced.
fn tab(env: &TestEnv, shell: &Shell, path: &str, then: &str, lines: &[&str]) -> Vec<String> {
    let setup = format!("{}; {then}", shell.hook);
    let out = env
        .program("zsh")
        .arg("-f")
        .arg(fixture("shells/tab.zsh"))
        .args([shell.start, &setup])
        .args(lines)
        .env("PATH", path)
        // The shells' own files (history) go to the scratch folder.
        .env("HOME", env.root())
        .output()
        .unwrap_or_else(|e| panic!("zsh: {e}"));
    assert!(
        out.status.success(),
        "{}: {}",
        shell.name,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
#[ignore = "needs zsh (which drives the terminal), bash and fish (.ci/run installs them and runs this)"]
fn bash_zsh_and_fish_complete_in_a_terminal_with_the_binary_moved() {
    let env = TestEnv::new().embedded();
    for shell in &SHELLS {
        // The binary the hook came from, moved after the hook was sourced, to another folder
        // on the PATH.
        let first = tempfile::tempdir().unwrap();
        let then = tempfile::tempdir().unwrap();
        std::fs::copy(careers_bin(), first.path().join("careers")).unwrap();
        let path = format!(
            "{}:{}:/usr/local/bin:/usr/bin:/bin",
            first.path().display(),
            then.path().display()
        );
        let moved = format!(
            "mv {} {}",
            first.path().join("careers").display(),
            then.path().display()
        );
        let lines = tab(
            &env,
            shell,
            &path,
            &moved,
            &[
                "careers salary --city tacoma",
                "careers salary --city SEATTLE-T",
                r"careers salary --city Seattle-Tacoma-Bellevue,\ W",
                "careers salary --city sea",
                "careers match --skills PYTH",
                "careers show data-scientis",
            ],
        );
        assert!(!first.path().join("careers").exists());
        assert!(then.path().join("careers").exists());
        let metro = "<careers><salary><--city><Seattle-Tacoma-Bellevue, WA>";
        assert_eq!(
            lines,
            [
                metro,
                metro,
                metro,
                // What Seattle and its metro share.
                "<careers><salary><--city><Seattle>",
                "<careers><match><--skills><Python>",
                "<careers><show><data-scientists>",
            ],
            "{}",
            shell.name
        );
    }
}
