//! Finding an occupation by what people call it, ranking matches and showing a thousand
//! occupations: against `tests/fixtures/onet-find` (a shortened O*NET in its own format) and,
//! ignored unless it is there, the real database in `../shared/onet-29.2`.

use std::path::{Path, PathBuf};

use crate::common::careers;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/onet-find")
}

fn real() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/onet-29.2")
}

/// A fresh data directory with `source` imported into it.
fn imported(source: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = careers()
        .arg("--data-dir")
        .arg(dir.path())
        .args(["import", "onet"])
        .arg(source)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

/// Runs `careers --data-dir DIR ARGS` at 80 columns; returns (exit code, stdout, stderr).
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = careers()
        .env("COLUMNS", "80")
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn stdout(dir: &Path, args: &[&str]) -> String {
    let (code, out, err) = run(dir, args);
    assert_eq!(code, 0, "careers {args:?}: {err}");
    out
}

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&stdout(dir, &all)).unwrap()
}

/// The id `show QUERY` answers with.
fn shown_id(dir: &Path, query: &str) -> String {
    json(dir, &["show", query])["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn names_people_use_resolve_to_one_occupation() {
    let dir = imported(&fixture());
    for (query, id) in [
        // Singular of an O*NET title.
        ("data scientist", "data-scientists"),
        ("software developer", "software-developers"),
        ("electrician", "electricians"),
        ("registered nurse", "registered-nurses"),
        ("Registered-Nurses", "registered-nurses"),
        // An alternate title of one occupation alone, with and without its abbreviation.
        ("Traffic Engineer", "transportation-engineers"),
        ("journeyman electricians", "electricians"),
        (
            "licensed practical nurse",
            "licensed-practical-and-licensed-vocational-nurses",
        ),
        ("RN", "registered-nurses"),
        // A reported title.
        ("inside wireman", "electricians"),
        // Codes with and without the suffix.
        ("15-2051.00", "data-scientists"),
        ("15-2051", "data-scientists"),
        ("29-1141", "registered-nurses"),
        // A curated alias beats an alternate title three occupations share.
        ("Machine Learning Engineer", "ml-engineer"),
    ] {
        assert_eq!(shown_id(dir.path(), query), id, "{query}");
    }
}

#[test]
fn a_name_several_occupations_answer_to_lists_them_with_their_codes() {
    let dir = imported(&fixture());
    let (code, out, err) = run(dir.path(), &["show", "nurse"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        "careers: error: \"nurse\" names 2 roles: acute-care-nurses (29-1141.01, O*NET title \"Nurse\"), registered-nurses (29-1141.00, O*NET title \"Nurse\"); name one by its id or code\n"
    );
    let (code, _, err) = run(dir.path(), &["compare", "data analyst", "rn"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "careers: error: \"data analyst\" names 2 roles: data-scientists (15-2051.00, O*NET title \"Data Analyst\"), statisticians (15-2041.00, O*NET title \"Data Analyst\"); name one by its id or code\n"
    );
}

#[test]
fn a_miss_without_o_net_says_what_an_import_would_add() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(dir.path(), &["show", "15-2051.00"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "careers: error: unknown role \"15-2051.00\"; run `careers list` to see every role; it is an O*NET-SOC code, and O*NET is not imported: `careers import onet DIR` adds its occupations\n"
    );
    let (code, _, err) = run(dir.path(), &["show", "electrician"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "careers: error: unknown role \"electrician\"; run `careers list` to see every role; O*NET's ~1,000 occupations are not imported and may know it: `careers import onet DIR`\n"
    );
    // A near miss of a bundled role keeps its suggestion and needs no import.
    let (_, _, err) = run(dir.path(), &["show", "ml-enginer"]);
    assert_eq!(
        err,
        "careers: error: unknown role \"ml-enginer\" (did you mean ml-engineer?); run `careers list` to see every role\n"
    );
    // With O*NET imported, a miss says nothing of importing it.
    let onet = imported(&fixture());
    let (code, _, err) = run(onet.path(), &["show", "plumber"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "careers: error: unknown role \"plumber\"; run `careers list` to see every role\n"
    );
}

#[test]
#[ignore = "needs ../shared/onet-29.2"]
fn names_people_use_resolve_in_the_real_database() {
    let dir = imported(&real());
    for (query, id) in [
        ("data scientist", "data-scientists"),
        ("software developer", "software-developers"),
        ("electrician", "electricians"),
        ("registered nurse", "registered-nurses"),
        ("15-2051", "data-scientists"),
    ] {
        assert_eq!(shown_id(dir.path(), query), id, "{query}");
    }
    let (code, _, err) = run(dir.path(), &["show", "nurse"]);
    assert_eq!(code, 1);
    assert!(err.starts_with("careers: error: \"nurse\" names 3 roles: acute-care-nurses (29-1141.01, O*NET title \"Nurse\"), "), "{err}");
}
