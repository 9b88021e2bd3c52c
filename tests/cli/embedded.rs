//! The embedded dataset (O*NET 29.2 and BLS OEWS May 2025 in `data/embedded/`): what a fresh
//! install answers with an empty data folder, what `sources` says of it, and how an import
//! takes its place. Figures are BLS's, from `oe.data.0.Current` of the May 2025 release.

use std::path::Path;

use serde_json::Value;

use crate::common::{ATTRIBUTION, careers, with_embedded};

/// `careers ARGS --format json` on a fresh install, parsed.
fn json(args: &[&str]) -> Value {
    json_in(None, args)
}

fn json_in(data: Option<&Path>, args: &[&str]) -> Value {
    let mut cmd = with_embedded();
    if let Some(dir) = data {
        cmd.env("CAREERS_DATA_DIR", dir);
    }
    serde_json::from_str(&succeeds(cmd.args(args).args(["--format", "json"]))).unwrap()
}

fn plain(args: &[&str]) -> String {
    succeeds(with_embedded().args(args).args(["--format", "plain"]))
}

/// Runs `cmd`, asserts that it succeeds, and returns its stdout.
fn succeeds(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Imports `source` (a folder) into `data` as `careers import DATABASE` does.
fn import(data: &Path, database: &str, source: &Path) {
    succeeds(
        careers()
            .env("CAREERS_DATA_DIR", data)
            .args(["import", database])
            .arg(source),
    );
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The value of `measure` in a `figures` array of the JSON output.
fn figure(figures: &Value, measure: &str) -> Value {
    figures
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["measure"] == measure)
        .unwrap_or_else(|| panic!("no {measure} in {figures}"))["value"]
        .clone()
}

#[test]
fn show_answers_for_occupations_outside_the_curated_roles() {
    let ds = json(&["show", "data-scientists"]);
    assert_eq!(ds["id"], "data-scientists");
    assert_eq!(ds["title"], "Data Scientists");
    assert_eq!(ds["onet"]["code"], "15-2051.00");
    assert_eq!(ds["origin"]["kind"], "onet");
    assert_eq!(ds["attribution"], ATTRIBUTION);
    let text = plain(&["show", "47-2111.00"]);
    assert!(
        text.starts_with("Electricians (electricians)\nInstall, maintain, and repair electrical wiring, equipment, and fixtures."),
        "{text}"
    );
    assert!(text.contains("\nSource\tO*NET 29.2 Database\n"), "{text}");
}

#[test]
fn search_finds_occupations_by_what_people_call_them() {
    let hits = json(&["search", "electrician"]);
    assert_eq!(hits["total"], 26);
    let ids: Vec<&str> = hits["results"]
        .as_array()
        .unwrap()
        .iter()
        .take(2)
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["electricians", "helpers-electricians"], "{hits}");
}

#[test]
fn salary_gives_bls_figures_for_any_occupation_and_metro() {
    let out = json(&["salary", "registered-nurses", "--city", "Boston"]);
    let official = &out["official"][0];
    assert_eq!(official["role"], "registered-nurses");
    let occupation = &official["occupations"][0];
    assert_eq!(occupation["occupation"]["soc"], "29-1141");
    let estimate = &occupation["estimates"][0];
    assert_eq!(estimate["area"]["code"], "0014460");
    assert_eq!(estimate["area"]["name"], "Boston-Cambridge-Newton, MA-NH");
    // OEUM001446000000029114101 and ...13 in oe.data.0.Current.
    assert_eq!(figure(&estimate["figures"], "employment"), 64240.0);
    assert_eq!(figure(&estimate["figures"], "annual-median"), 106180.0);
    assert_eq!(out["official_source"]["name"], "BLS OEWS May 2025");
    // The role's title and code are O*NET's, so the output carries its attribution.
    assert_eq!(out["attribution"], ATTRIBUTION);
}

#[test]
fn where_ranks_every_metro_for_any_occupation() {
    let text = plain(&["where", "software-developers"]);
    assert!(
        text.contains(
            "\n1\tSan Jose-Sunnyvale-Santa Clara, CA\t$213,110\t$221,710\t87,350\t76.962\t7.09\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("10 of 513 metro areas with an estimate."),
        "{text}"
    );
    assert!(text.ends_with(&format!("\n{ATTRIBUTION}\n")), "{text}");
}

#[test]
fn match_and_list_cover_every_occupation() {
    let matches = json(&["match", "--skills", "python,sql"]);
    // Roles listing Python and SQL: in Technology Skills.txt, 131 occupations have the example
    // "Python" and 151 "Structured query language SQL"; three curated profiles list each.
    let first = &matches["ranking"][0];
    assert_eq!(first["matched"], 2, "{first}");
    assert_eq!(first["matched_skills"][0]["listed_by"], 134);
    assert_eq!(first["matched_skills"][1]["listed_by"], 154);
    assert_eq!(matches["ranked"], 866);
    let list = json(&["list"]);
    let roles = list["roles"].as_array().unwrap();
    assert_eq!(roles.len(), 1_016 + 5);
    assert_eq!(list["total"], 1_016 + 5);
    let onet = roles
        .iter()
        .filter(|r| r["origin"]["kind"] == "onet")
        .count();
    assert_eq!(onet, 1_016);
}

#[test]
fn sources_says_the_embedded_releases_are_in_use() {
    let out = json(&["sources"]);
    let onet = out["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "onet")
        .unwrap();
    assert_eq!(onet["embedded"], true);
    assert_eq!(onet["version"], "29.2");
    assert_eq!(onet["published"], "February 2025");
    assert_eq!(onet["profiles"], 1016);
    assert_eq!(onet["imported_from"], "onet-29.2");
    assert!(onet.get("folder").is_none(), "{onet}");
    let wages = &out["wages"];
    assert_eq!(wages["embedded"], true);
    assert_eq!(wages["release"], "May 2025");
    assert_eq!(wages["published"], "2026-05-15");
    assert_eq!(wages["counts"]["estimates"], 253832);
    assert!(wages["folder"].is_null(), "{wages}");
}

#[test]
fn an_import_replaces_the_embedded_release_of_its_kind() {
    let data = tempfile::tempdir().unwrap();
    import(data.path(), "onet", &fixture("onet"));
    let sources = json_in(Some(data.path()), &["sources"]);
    let onet = sources["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "onet")
        .unwrap()
        .clone();
    assert_eq!(onet["embedded"], false);
    assert_eq!(
        onet["folder"],
        data.path().join("onet").display().to_string()
    );
    assert_eq!(onet["imported_from"], fixture("onet").display().to_string());
    // The fixture's six good occupations, not O*NET's 1,016; its own words for Data Scientists.
    assert_eq!(onet["profiles"], 6);
    let ds = json_in(Some(data.path()), &["show", "data-scientists"]);
    assert_eq!(
        ds["summary"],
        "Turn raw data into useful information with statistics and software."
    );
    // The embedded occupations are gone with the embedded release.
    let out = with_embedded()
        .env("CAREERS_DATA_DIR", data.path())
        .args(["show", "electricians"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("careers: error: unknown role \"electricians\""),
        "{err}"
    );
    // OEWS is still the embedded release until it is imported too.
    assert_eq!(sources["wages"]["embedded"], true);
    import(data.path(), "oews", &fixture("oews"));
    let sources = json_in(Some(data.path()), &["sources"]);
    assert_eq!(sources["wages"]["embedded"], false);
    assert_eq!(
        sources["wages"]["folder"],
        data.path().join("oews").display().to_string()
    );
}

#[test]
#[ignore = "imports O*NET 29.2 and OEWS May 2025 from ../shared; .ci/run runs it when they are there"]
fn importing_the_releases_it_embeds_changes_no_answer() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let data = tempfile::tempdir().unwrap();
    import(data.path(), "onet", &shared.join("onet-29.2"));
    import(data.path(), "oews", &shared.join("oews-2025"));
    for args in [
        &["show", "data-scientists"][..],
        &["show", "47-2111.00", "--full"],
        &["show", "ml-engineer"],
        &["search", "electrician"],
        &["salary", "registered-nurses", "--city", "Boston"],
        &["salary", "data-scientists", "--city", "Seattle,Austin"],
        &["where", "software-developers"],
        &["match", "--skills", "python,sql"],
        &["compare", "data-scientists", "ml-engineer"],
        &["list"],
    ] {
        let embedded = succeeds(with_embedded().args(args));
        let imported = succeeds(careers().env("CAREERS_DATA_DIR", data.path()).args(args));
        assert_eq!(embedded, imported, "{args:?}");
    }
}

#[test]
fn an_import_that_cannot_be_read_leaves_the_embedded_release_answering() {
    let data = tempfile::tempdir().unwrap();
    import(data.path(), "onet", &fixture("onet"));
    // As an import stored by an older version of careers would be.
    let manifest = data.path().join("onet/manifest.json");
    let mut stored: Value =
        serde_json::from_str(&std::fs::read_to_string(&manifest).unwrap()).unwrap();
    stored["format"] = 4.into();
    std::fs::write(&manifest, stored.to_string()).unwrap();
    let out = with_embedded()
        .env("CAREERS_DATA_DIR", data.path())
        .args(["show", "electricians", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let shown: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(shown["onet"]["code"], "47-2111.00");
    let onet = data.path().join("onet");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "careers: warning: the imported O*NET data in {o} cannot be read (it is in format 4, this version reads format 6); import it again with `careers import onet FOLDER`, or remove it with `rm -r {o}`; answering from the embedded O*NET 29.2 meanwhile\n",
            o = onet.display()
        )
    );
}

#[test]
fn an_occupation_whose_id_and_renamed_id_are_taken_still_gets_an_id_of_its_own() {
    let data = tempfile::tempdir().unwrap();
    let profiles = data.path().join("profiles");
    std::fs::create_dir_all(&profiles).unwrap();
    for id in ["data-scientists", "data-scientists-15-2051-00"] {
        std::fs::write(
            profiles.join(format!("{id}.json")),
            format!(r#"{{"id": "{id}", "title": "Mine {id}", "summary": "A profile of mine."}}"#),
        )
        .unwrap();
    }
    let list = json_in(Some(data.path()), &["list"]);
    let ids: Vec<&str> = list["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "every id once");
    let ds = json_in(Some(data.path()), &["show", "15-2051.00"]);
    assert_eq!(ds["id"], "data-scientists-15-2051-00-2");
    assert_eq!(ds["title"], "Data Scientists");
    let mine = json_in(Some(data.path()), &["show", "data-scientists-15-2051-00"]);
    assert_eq!(mine["title"], "Mine data-scientists-15-2051-00");
}

#[test]
fn a_folder_name_with_a_newline_stays_on_its_line_in_sources() {
    let data = tempfile::tempdir().unwrap();
    let source = data.path().join("bad\nFAKE line");
    std::fs::create_dir(&source).unwrap();
    for entry in std::fs::read_dir(fixture("onet")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), source.join(entry.file_name())).unwrap();
    }
    import(data.path(), "onet", &source);
    let out = succeeds(
        with_embedded()
            .env("CAREERS_DATA_DIR", data.path())
            .args(["sources", "--format", "plain"]),
    );
    assert!(!out.contains("\nFAKE line"), "{out}");
    assert!(out.contains("bad\\u{a}FAKE line"), "{out}");
}
