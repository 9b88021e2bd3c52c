//! O*NET's importance and level ratings of skills and knowledge: their import (from the
//! release's own folder or another release's beside it), and what `show`, `compare` and `gap`
//! make of them, against the fixture (`tests/fixtures/onet`: Data Scientists, Computer and
//! Information Research Scientists and one of the two Analysts rated; the other occupations
//! not) and, when it is there, the real O*NET 29.0 files in `../shared/onet-29.0-skills`.

use std::path::Path;

use crate::common::{TestEnv, copy_files, fixture};

/// O*NET's attribution of an output that shows 29.2's data and 29.0's ratings.
pub(crate) const ATTRIBUTION_WITH_RATINGS: &str = "This product includes information from the O*NET 29.2 Database and, for the importance and level ratings, the O*NET 29.0 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.";

/// A folder of the fixture's rating files alone, as O*NET 29.0's: its `Read Me.txt` names the
/// release.
fn ratings_of_29_0() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for file in ["Skills.txt", "Knowledge.txt"] {
        std::fs::copy(fixture("onet").join(file), dir.path().join(file)).unwrap();
    }
    std::fs::write(
        dir.path().join("Read Me.txt"),
        "O*NET 29.0 Database\r\nAugust 2024 Release\r\n",
    )
    .unwrap();
    dir
}

/// The fixture without its rating files, so that they can only come from elsewhere.
fn release_without_ratings() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_files(&fixture("onet"), dir.path());
    for file in ["Skills.txt", "Knowledge.txt"] {
        std::fs::remove_file(dir.path().join(file)).unwrap();
    }
    dir
}

fn import_with_ratings(env: &TestEnv, release: &Path, ratings: &Path) -> serde_json::Value {
    env.json(&[
        "import",
        "onet",
        release.to_str().unwrap(),
        "--ratings",
        ratings.to_str().unwrap(),
    ])
}

#[test]
fn ratings_of_another_release_are_imported_beside_it_and_name_their_release() {
    let (release, ratings) = (release_without_ratings(), ratings_of_29_0());
    let env = TestEnv::new();
    let report = import_with_ratings(&env, release.path(), ratings.path());
    assert_eq!(report["version"], "29.2");
    assert_eq!(report["counts"]["rated_occupations"], 3);
    assert_eq!(
        report["ratings"],
        serde_json::json!({"version": "29.0", "source": std::path::absolute(ratings.path()).unwrap()})
    );
    // The release's own folder has no rating files, and is not asked for them.
    assert_eq!(
        report["missing_files"],
        serde_json::json!(["Abilities.txt"])
    );
    assert_eq!(report["attribution"], ATTRIBUTION_WITH_RATINGS);
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(env.data_dir().join("onet/manifest.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["ratings"]["version"], "29.0");

    let shown = env.json(&["show", "15-2051.00", "--section", "ratings"]);
    assert_eq!(shown["onet"]["ratings_release"], "29.0");
    assert_eq!(shown["attribution"], ATTRIBUTION_WITH_RATINGS);
}

#[test]
fn a_ratings_folder_that_is_not_there_fails_before_anything_is_read() {
    let env = TestEnv::new();
    let err = env.fails(
        &[
            "import",
            "onet",
            fixture("onet").to_str().unwrap(),
            "--ratings",
            fixture("no-such-folder").to_str().unwrap(),
        ],
        1,
    );
    assert!(err.ends_with("no-such-folder does not exist\n"), "{err}");
}

/// A data directory with the fixture imported, its ratings its own (release 29.2).
fn imported() -> TestEnv {
    TestEnv::new().with_onet(fixture("onet"))
}

/// `(name, importance, level)` of each element of a kind in `show`'s JSON.
fn figures(onet: &serde_json::Value, kind: &str) -> Vec<(String, f64, f64)> {
    onet[kind]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_owned(),
                r["importance"].as_f64().unwrap(),
                r["level"].as_f64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn show_lists_skills_and_knowledge_by_importance_with_both_scales_and_o_net_s_flags() {
    let env = imported();
    let onet = env.json(&["show", "15-1221.00"])["onet"].clone();
    assert_eq!(onet["ratings_release"], "29.2");
    let named = |v: &[(String, f64, f64)]| -> Vec<(String, f64, f64)> { v.to_vec() };
    assert_eq!(
        named(&figures(&onet, "skills")),
        [
            ("Programming".to_owned(), 4.62, 5.88),
            ("Mathematics".to_owned(), 4.25, 4.75),
            ("Reading Comprehension".to_owned(), 4.12, 4.88),
            ("Writing".to_owned(), 3.88, 4.5),
        ]
    );
    // Programming's level is suppressed; Biology's importance too, which puts it last, unranked.
    assert_eq!(onet["skills"][0]["level_suppressed"], true);
    assert_eq!(
        onet["knowledge"][2],
        serde_json::json!({"id": "2.C.4.d", "name": "Biology", "importance": 2.1, "level": 1.5,
            "importance_suppressed": true, "level_suppressed": true})
    );
    assert_eq!(
        figures(&onet, "knowledge")[..2],
        [
            ("Computers and Electronics".to_owned(), 4.8, 6.1),
            ("Mathematics".to_owned(), 4.4, 5.6),
        ]
    );
    let text = env.stdout(&["show", "15-1221.00", "--section", "ratings"]);
    insta::assert_snapshot!("show_fixture_ratings", text);
}

#[test]
fn an_occupation_o_net_does_not_rate_says_so_in_every_format() {
    // Wide enough that the table look does not wrap the sentence.
    let env = imported().width(200);
    let args = ["show", "13-1161.00", "--section", "ratings"];
    let json = env.json(&args);
    assert_eq!(json["onet"]["unrated"], true);
    assert_eq!(json["onet"]["ratings_release"], "29.2");
    assert!(json["onet"].get("skills").is_none());
    let sentence = "O*NET 29.2 does not rate this occupation's skills and knowledge: a gap in O*NET's data, not a rating of zero.";
    for format in ["table", "plain"] {
        let text = env.stdout(&[&args[..], &["--format", format]].concat());
        assert!(text.contains(sentence), "{format}: {text}");
    }
    let markdown = env.stdout(&[&args[..], &["--format", "markdown"]].concat());
    assert!(
        markdown.contains("O\\*NET 29.2 does not rate this occupation's skills and knowledge"),
        "{markdown}"
    );
    let csv = env.stdout(&[&args[..], &["--format", "csv"]].concat());
    assert!(csv.contains("does not rate this occupation"), "{csv}");
}

#[cfg(feature = "embedded")]
#[test]
fn show_gives_the_ten_most_important_of_each_kind_and_all_with_full() {
    let env = TestEnv::new().embedded();
    let text = env.stdout(&["show", "25-2031.00", "--format", "plain"]);
    assert!(text.contains("\nSkills (O*NET 29.0)\nElement\tImportance (1-5)\tLevel (0-7)\nInstructing\t4.12\t4.12\nSpeaking\t4.12\t4.12\n"), "{text}");
    assert!(text.contains("35 rated, most important first; and 25 more (`careers show 25-2031.00 --full` or `--section ratings` shows them all).\n"), "{text}");
    assert!(
        text.contains("33 rated, most important first; and 23 more"),
        "{text}"
    );
    let full = env.stdout(&["show", "25-2031.00", "--full", "--format", "plain"]);
    let skills = full
        .split("\nSkills (O*NET 29.0)\n")
        .nth(1)
        .unwrap()
        .split("\n\n")
        .next()
        .unwrap();
    // The header and all 35 skills, nothing left out.
    assert_eq!(skills.lines().count(), 36, "{skills}");
}

/// Real data: O*NET 29.0's Skills.txt and Knowledge.txt, as `show` gives them.
mod real {
    use super::*;
    use crate::common::shared;

    /// Every rating of `code` in one of the shared files: element name → (importance, importance
    /// suppressed, level, level suppressed, not relevant), read from O*NET's columns.
    #[allow(clippy::type_complexity)]
    pub(crate) fn ratings_in(
        file: &str,
        code: &str,
    ) -> std::collections::BTreeMap<String, (f64, bool, f64, bool, bool)> {
        let text = std::fs::read_to_string(shared("onet-29.0-skills").join(file)).unwrap();
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
        let at = |name: &str| header.iter().position(|h| *h == name).unwrap();
        let (c, n, s, v, sup, nr) = (
            at("O*NET-SOC Code"),
            at("Element Name"),
            at("Scale ID"),
            at("Data Value"),
            at("Recommend Suppress"),
            at("Not Relevant"),
        );
        let mut out = std::collections::BTreeMap::new();
        for line in lines {
            let f: Vec<&str> = line.split('\t').collect();
            if f[c] != code {
                continue;
            }
            let e = out
                .entry(f[n].to_owned())
                .or_insert((0.0, false, 0.0, false, false));
            let value: f64 = f[v].parse().unwrap();
            match f[s] {
                "IM" => (e.0, e.1) = (value, f[sup] == "Y"),
                "LV" => (e.2, e.3, e.4) = (value, f[sup] == "Y", f[nr] == "Y"),
                other => panic!("scale {other}"),
            }
        }
        out
    }

    #[cfg(feature = "embedded")]
    #[test]
    #[ignore = "needs ../shared/onet-29.0-skills"]
    fn every_figure_of_four_occupations_is_o_net_29_0_s() {
        let env = TestEnv::new().embedded();
        for code in ["25-2031.00", "29-1141.00", "17-1011.00", "15-1243.00"] {
            let onet = env.json(&["show", code, "--section", "ratings"])["onet"].clone();
            assert_eq!(onet["ratings_release"], "29.0");
            for (kind, file) in [("skills", "Skills.txt"), ("knowledge", "Knowledge.txt")] {
                let expected = ratings_in(file, code);
                let shown = onet[kind].as_array().unwrap();
                assert_eq!(shown.len(), expected.len(), "{code} {kind}");
                assert_eq!(shown.len(), if kind == "skills" { 35 } else { 33 });
                for r in shown {
                    let name = r["name"].as_str().unwrap();
                    let (im, im_sup, lv, lv_sup, nr) = expected[name];
                    let flag =
                        |f: &str| r.get(f).and_then(serde_json::Value::as_bool) == Some(true);
                    assert_eq!(r["importance"].as_f64().unwrap(), im, "{code} {name}");
                    assert_eq!(r["level"].as_f64().unwrap(), lv, "{code} {name}");
                    assert_eq!(flag("importance_suppressed"), im_sup, "{code} {name}");
                    assert_eq!(flag("level_suppressed"), lv_sup, "{code} {name}");
                    assert_eq!(flag("not_relevant"), nr, "{code} {name}");
                }
                // Most important first, the suppressed importances last.
                let order: Vec<(bool, f64)> = shown
                    .iter()
                    .map(|r| {
                        let name = r["name"].as_str().unwrap();
                        (expected[name].1, -expected[name].0)
                    })
                    .collect();
                assert!(order.is_sorted_by(|a, b| a <= b), "{code} {kind}");
            }
        }
        // Some registered nurse skills are not relevant; the figures keep O*NET's value.
        let rn = env.json(&["show", "29-1141.00", "--section", "ratings"])["onet"].clone();
        let repairing = rn["skills"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == "Repairing")
            .unwrap()
            .clone();
        assert_eq!(
            repairing,
            serde_json::json!({"id": "2.B.3.l", "name": "Repairing", "importance": 1.12, "level": 0.12, "not_relevant": true})
        );
    }

    #[cfg(feature = "embedded")]
    #[test]
    #[ignore = "needs ../shared/onet-29.0-skills"]
    fn the_occupations_o_net_29_0_rates_are_those_of_its_files() {
        let text = std::fs::read_to_string(shared("onet-29.0-skills").join("Skills.txt")).unwrap();
        let rated: std::collections::BTreeSet<&str> = text
            .lines()
            .skip(1)
            .map(|l| l.split('\t').next().unwrap())
            .collect();
        assert_eq!(rated.len(), 879);
        let env = TestEnv::new().embedded();
        let sources = env.json(&["sources"]);
        assert_eq!(sources["sources"][1]["ratings"]["occupations"], 879);
        assert_eq!(sources["sources"][1]["ratings"]["version"], "29.0");
        // An "All Other" occupation of 29.2 has no rows in 29.0's files.
        assert!(!rated.contains("11-9199.00"));
        let unrated = env.json(&["show", "11-9199.00", "--section", "ratings"]);
        assert_eq!(unrated["onet"]["unrated"], true);
    }
}
