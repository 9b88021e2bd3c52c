//! The index of the profiles folder (`DATA_DIR/profiles-index.bin`): it spares start-up the
//! reading of files it has seen unchanged, and never changes an answer. Files are recorded once
//! they are two seconds old, so each test that needs the index waits for that.

use std::time::Duration;

use crate::common::TestEnv;

const LIMIT: Duration = Duration::from_secs(30);

/// How long a file must be left alone before the index records it, and a little more.
const SETTLE: Duration = Duration::from_millis(2_200);

const GOOD: &str = r#"{"id": "my-role", "title": "My Role", "summary": "Mine.", "aliases": ["mine"], "skills": [{"name": "Python"}]}"#;

/// A data directory with a sound profile, a broken one and a second file with the sound one's
/// id, whose files have settled.
fn settled_folder() -> TestEnv {
    let env = TestEnv::new()
        .timeout(LIMIT)
        .with_profile("my-role.json", GOOD)
        .with_profile("broken.json", r#"{"id": "broken", "title": "#)
        .with_profile(
            "z-again.json",
            r#"{"id": "my-role", "title": "Again", "summary": "The id twice."}"#,
        );
    std::thread::sleep(SETTLE);
    env
}

/// What every command the test runs gives: (exit code, stdout, stderr) of each.
fn answers(env: &TestEnv) -> Vec<(Option<i32>, String, String)> {
    let commands: [&[&str]; 6] = [
        &["list", "--format", "json"],
        &["show", "my-role", "--format", "json"],
        &["show", "mine", "--format", "plain"],
        &["show", "broken"],
        &["match", "--skills", "python", "--format", "json"],
        &["--strict", "list"],
    ];
    commands
        .iter()
        .map(|args| {
            let out = env.run(args);
            (out.code, out.stdout, out.stderr)
        })
        .collect()
}

fn index_of(env: &TestEnv) -> std::path::PathBuf {
    env.data_dir().join("profiles-index.bin")
}

#[test]
fn the_index_gives_the_answers_the_files_give() {
    let env = settled_folder();
    let index = index_of(&env);
    assert!(!index.exists());
    let first = answers(&env);
    assert!(index.is_file(), "the first command writes the index");
    let written = std::fs::metadata(&index).unwrap().modified().unwrap();
    // Read from the index: the same answers, the same warnings, and the index left alone.
    assert_eq!(answers(&env), first);
    assert_eq!(
        std::fs::metadata(&index).unwrap().modified().unwrap(),
        written
    );
    let broken = env.data_dir().join("profiles/broken.json");
    let again = env.data_dir().join("profiles/z-again.json");
    let mine = env.data_dir().join("profiles/my-role.json");
    assert_eq!(
        first[0].2,
        format!(
            "careers: warning: skipped {b}: 1:26: EOF while parsing a value, near `{{\"id\": \"broken\", \"title\":`; run `careers validate {b}`\n\
             careers: warning: skipped {a}: id: \"my-role\" is already defined in {m}; run `careers validate {a}`\n",
            b = broken.display(),
            a = again.display(),
            m = mine.display(),
        )
    );
    assert_eq!(first[1].0, Some(0));
    assert!(first[1].1.contains("\"summary\": \"Mine.\""));
    assert_eq!(first[3].0, Some(1));
    assert_eq!(first[5].0, Some(1));
}

#[test]
fn a_file_changed_since_the_index_is_read_again() {
    let env = settled_folder();
    std::fs::remove_file(env.data_dir().join("profiles/z-again.json")).unwrap();
    answers(&env);
    let mine = env.data_dir().join("profiles/my-role.json");
    // The same size, so only the file's times tell the change.
    let edited = GOOD.replace("My Role", "My Rule");
    assert_eq!(edited.len(), GOOD.len());
    std::fs::write(&mine, &edited).unwrap();
    let out = env.run(&["show", "mine", "--format", "plain"]);
    assert!(
        out.stdout.starts_with("my-role\t\tTitle\t\tMy Rule\n"),
        "{}",
        out.stdout
    );
    // Broken now: warned about, and the role explains why it cannot be shown.
    std::fs::write(&mine, r#"{"id": "my-role"}"#).unwrap();
    let out = env.run(&["show", "my-role"]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.ends_with(&format!(
            "careers: error: role \"my-role\" is defined in {m}, which cannot be loaded: missing required field \"title\" (and 1 more problem); run `careers validate {m}`\n",
            m = mine.display()
        )),
        "{}",
        out.stderr
    );
    // A file removed is gone from every answer.
    std::fs::remove_file(&mine).unwrap();
    let out = env.run(&["show", "my-role", "--format", "json"]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.ends_with(
            "careers: error: unknown role \"my-role\"; `careers search WORDS` finds a role by the words of its title, tasks or skills; O*NET's ~1,000 occupations are not imported and may know it: `careers import onet DIR`\n"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn a_damaged_or_unwritable_index_changes_no_answer() {
    let env = settled_folder();
    let first = answers(&env);
    let index = index_of(&env);
    let whole = std::fs::read(&index).unwrap();
    // Each byte flipped in turn in the middle, the file cut, zeroed, emptied: the same answers,
    // and the index made whole again.
    let middle = whole.len() / 2;
    for damaged in [
        {
            let mut b = whole.clone();
            b[middle] ^= 0x01;
            b
        },
        whole[..middle].to_vec(),
        vec![0; whole.len()],
        Vec::new(),
    ] {
        std::fs::write(&index, &damaged).unwrap();
        assert_eq!(answers(&env), first);
        assert_eq!(std::fs::read(&index).unwrap(), whole);
    }
    // An index that cannot be read or replaced (a folder in its place) only costs the reading.
    std::fs::remove_file(&index).unwrap();
    std::fs::create_dir(&index).unwrap();
    assert_eq!(answers(&env), first);
    assert!(index.is_dir());
}

#[test]
fn a_file_too_new_to_trust_its_stamp_is_not_recorded() {
    let env = TestEnv::new()
        .timeout(LIMIT)
        .with_profile("my-role.json", GOOD);
    let out = env.run(&["list"]);
    assert_eq!(out.code, Some(0));
    assert!(
        !index_of(&env).exists(),
        "nothing settled, nothing to record"
    );
}
