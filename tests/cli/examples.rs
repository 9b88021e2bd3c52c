//! Every example of `--help` and of the man pages runs: each line of every EXAMPLES section of
//! `careers man` is run as a shell runs it (pipes, redirections, `~`), with `careers` on the
//! `PATH` (as [`TestEnv`] has it), in a home folder of its own where the files the examples name are: a profile
//! `my-role.json`, a folder `~/team-profiles`, and O*NET's, BLS's and BEA's files where the import
//! examples look for them (the project's fixtures). Each must exit 0.

use crate::common::{TestEnv, fixture, projections_workbook};

/// The example lines of every page of `careers man`, a continued line joined to the next.
fn examples(env: &TestEnv) -> Vec<String> {
    let man = env.stdout(&["man"]);
    let mut lines = Vec::new();
    let mut inside = false;
    let mut pending = String::new();
    for line in man.lines() {
        match line {
            ".SH EXAMPLES" => inside = true,
            ".fi" => inside = false,
            ".nf" => {}
            _ if inside => {
                let text = line
                    .replace("\\-", "-")
                    .replace("\\*(Aq", "'")
                    .replace("\\\\", "\\");
                if let Some(head) = text.strip_suffix('\\') {
                    pending.push_str(head);
                    continue;
                }
                pending.push_str(&text);
                lines.push(std::mem::take(&mut pending));
            }
            _ => {}
        }
    }
    lines
}

#[test]
fn every_example_of_the_help_and_the_man_pages_runs() {
    let env = TestEnv::new().embedded();
    let home = env.root().join("home");
    std::fs::create_dir_all(home.join("Downloads")).unwrap();
    std::fs::create_dir_all(home.join("team-profiles")).unwrap();
    // A fish user has its configuration folder.
    std::fs::create_dir_all(home.join(".config/fish")).unwrap();
    let profile =
        std::fs::read_to_string(fixture("profiles/good/analytics-engineer.json")).unwrap();
    std::fs::write(home.join("my-role.json"), &profile).unwrap();
    std::fs::write(home.join("team-profiles/my-role.json"), &profile).unwrap();
    std::os::unix::fs::symlink(fixture("onet"), home.join("Downloads/db_29_2_text")).unwrap();
    std::os::unix::fs::symlink(fixture("onet"), home.join("db_29_2_text")).unwrap();
    std::os::unix::fs::symlink(fixture("oews"), home.join("Downloads/oews")).unwrap();
    std::os::unix::fs::symlink(fixture("prices"), home.join("Downloads/RPP")).unwrap();
    projections_workbook(&home.join("Downloads/occupation.xlsx"));
    let examples = examples(&env);
    assert!(examples.len() >= 40, "{examples:#?}");
    for example in &examples {
        let out = env
            .program("bash")
            .args(["-o", "pipefail", "-c", example])
            .current_dir(&home)
            .env("HOME", &home)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "`{example}` exits {:?}: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // What the jq example gives is every id of `careers list`, one a line.
    let ids = env
        .program("bash")
        .args([
            "-o",
            "pipefail",
            "-c",
            "careers list --format json | jq -r '.roles[].id'",
        ])
        .current_dir(&home)
        .output()
        .unwrap();
    let ids = String::from_utf8(ids.stdout).unwrap();
    assert!(ids.lines().any(|l| l == "ml-engineer"), "{ids}");
    assert!(ids.lines().any(|l| l == "data-scientists"), "{ids}");
}
