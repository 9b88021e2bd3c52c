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
    assert_eq!(manifest["counts"]["ratings"]["version"], "29.0");

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
    let out = env.run(&["show", "25-2031.00", "--format", "plain"]);
    let text = out.stdout;
    let id = "secondary-school-teachers-except-special-and-career-technical-education";
    assert!(text.contains(&format!("\n{id}\tSkills (O*NET 29.0)\tInstructing\tImportance (1-5)\t4.12\n{id}\tSkills (O*NET 29.0)\tInstructing\tLevel (0-7)\t4.12\n{id}\tSkills (O*NET 29.0)\tSpeaking\tImportance (1-5)\t4.12\n")), "{text}");
    // The notes of what is left out go to stderr.
    assert!(out.stderr.contains("35 rated, most important first; and 25 more (`careers show 25-2031.00 --full` or `--section ratings` shows them all).\n"), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("33 rated, most important first; and 23 more"),
        "{}",
        out.stderr
    );
    let importance = |text: &str| {
        text.lines()
            .filter(|l| l.contains("\tSkills (O*NET 29.0)\t") && l.contains("\tImportance (1-5)\t"))
            .count()
    };
    assert_eq!(importance(&text), 10, "{text}");
    let full = env.stdout(&["show", "25-2031.00", "--full", "--format", "plain"]);
    // All 35 skills, nothing left out.
    assert_eq!(importance(&full), 35, "{full}");
}

/// Real data: O*NET 29.0's Skills.txt and Knowledge.txt, as the embedded data gives them.
#[cfg(feature = "embedded")]
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
        let (code_at, name_at, scale_at, value_at, suppress_at, not_relevant_at) = (
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
            if f[code_at] != code {
                continue;
            }
            let e = out
                .entry(f[name_at].to_owned())
                .or_insert((0.0, false, 0.0, false, false));
            let value: f64 = f[value_at].parse().unwrap();
            match f[scale_at] {
                "IM" => (e.0, e.1) = (value, f[suppress_at] == "Y"),
                "LV" => (e.2, e.3, e.4) = (value, f[suppress_at] == "Y", f[not_relevant_at] == "Y"),
                other => panic!("scale {other}"),
            }
        }
        out
    }

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

/// `(kind, name, from level, to level, to importance, weight)` of each element of a list of
/// `gap`'s JSON.
fn shortfalls(list: &serde_json::Value) -> Vec<(String, String, f64, f64, f64, f64)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["kind"].as_str().unwrap().to_owned(),
                s["name"].as_str().unwrap().to_owned(),
                s["from_level"].as_f64().unwrap(),
                s["to_level"].as_f64().unwrap(),
                s["to_importance"].as_f64().unwrap(),
                s["weight"].as_f64().unwrap(),
            )
        })
        .collect()
}

fn row(
    kind: &str,
    name: &str,
    from: f64,
    to: f64,
    importance: f64,
    weight: f64,
) -> (String, String, f64, f64, f64, f64) {
    (kind.into(), name.into(), from, to, importance, weight)
}

#[test]
fn gap_ranks_what_to_raise_by_importance_times_shortfall_and_sets_uncertain_figures_apart() {
    let env = imported();
    let gap = env.json(&["gap", "15-2051.00", "15-1221.00"]);
    let r = &gap["ratings"];
    assert_eq!(r["release"], "29.2");
    assert_eq!(
        r["from"],
        serde_json::json!({"code": "15-2051.00", "soc": "15-2051", "title": "Data Scientists", "via": "own"})
    );
    // Exact hundredths: 4.12 × (4.88 − 4.25) is 2.5956.
    assert_eq!(
        shortfalls(&r["to_raise"]),
        [
            row(
                "knowledge",
                "Computers and Electronics",
                5.5,
                6.1,
                4.8,
                2.88
            ),
            row("skill", "Reading Comprehension", 4.25, 4.88, 4.12, 2.5956),
            row("skill", "Writing", 3.88, 4.5, 3.88, 2.4056),
            row("knowledge", "Mathematics", 5.3, 5.6, 4.4, 1.32),
        ]
    );
    // Programming's level in TO and Biology's importance and level are suppressed: named, not
    // ranked. Biology is not relevant to data scientists, a level of 0 to make up.
    assert_eq!(
        shortfalls(&r["uncertain"]),
        [
            row("skill", "Programming", 5.12, 5.88, 4.62, 3.5112),
            row("knowledge", "Biology", 0.0, 1.5, 2.1, 3.15),
        ]
    );
    assert_eq!(r["uncertain"][1]["from_not_relevant"], true);
    assert_eq!(
        r["uncertain"][1]["uncertain"],
        serde_json::json!(["to-level", "to-importance"])
    );
    // The skill Mathematics: research scientists need 4.75, data scientists have 5.00.
    assert_eq!(r["met"], 1);
    assert_eq!(gap["attribution"], crate::common::ATTRIBUTION);

    // The other way, Biology is not relevant to data scientists: nothing to make up.
    let back = env.json(&["gap", "15-1221.00", "15-2051.00"])["ratings"].clone();
    assert_eq!(
        shortfalls(&back["to_raise"]),
        [row("skill", "Mathematics", 4.75, 5.0, 4.5, 1.125)]
    );
    assert_eq!(back["uncertain"], serde_json::json!([]));
    assert_eq!(back["met"], 6);
}

#[test]
fn gap_reads_in_every_format() {
    let env = imported();
    let args = ["gap", "15-2051.00", "15-1221.00"];
    let with = |format: &str| env.stdout(&[&args[..], &["--format", format]].concat());
    insta::assert_snapshot!("gap_fixture_ratings", with("table"));
    let wide = env
        .std_cmd()
        .env("COLUMNS", "400")
        .args([&args[..], &["--format", "table"]].concat())
        .output()
        .unwrap();
    let table = String::from_utf8(wide.stdout).unwrap();
    assert!(
        table.contains("computer-and-information-research-scientists needs 4 of the 7 skills and knowledge areas O*NET rates at a higher level than data-scientists has; most of all Computers and Electronics, Reading Comprehension and Writing.\n"),
        "{table}"
    );
    assert!(
        table.contains("Also needed higher, but not ranked because O*NET recommends suppressing a figure (few respondents or a wide error): Programming (5.12 → 5.88; level needed uncertain), Biology (0.00 → 1.50; level needed and importance uncertain).\n"),
        "{table}"
    );
    let plain = with("plain");
    assert!(
        plain.starts_with(
            "to-raise\tknowledge\tComputers and Electronics\t5.5\t6.1\t0.6\tlevel-0-7\t4.8\t2.88\n"
        ),
        "{plain}"
    );
    let csv = with("csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "status,category,name,from,to,difference,unit,importance,weight,attribution"
    );
    assert!(
        lines[1].starts_with(
            "to-raise,knowledge,Computers and Electronics,5.5,6.1,0.6,level-0-7,4.8,2.88,"
        ),
        "{csv}"
    );
    assert!(
        lines[2].starts_with(
            "to-raise,skill,Reading Comprehension,4.25,4.88,0.63,level-0-7,4.12,2.5956,"
        ),
        "{csv}"
    );
    assert!(
        lines[5].starts_with("uncertain,skill,Programming,5.12,5.88,0.76,level-0-7,4.62,3.5112,"),
        "{csv}"
    );
    let markdown = with("markdown");
    assert!(
        markdown.contains("## Skills and knowledge to raise (O\\*NET 29.2)"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| Computers and Electronics | knowledge | 5.50 | 6.10 | 4.80 |"),
        "{markdown}"
    );
    let json = env.json(&args);
    assert_eq!(
        json["ratings"]["to_raise"][0]["name"],
        "Computers and Electronics"
    );
}

#[test]
fn a_curated_role_takes_the_ratings_of_its_first_linked_occupation() {
    let env = imported();
    // ml-engineer links 15-1221.00 first.
    let gap = env.json(&["gap", "ml-engineer", "15-2051.00"]);
    assert_eq!(
        gap["ratings"]["from"],
        serde_json::json!({"code": "15-1221.00", "soc": "15-1221", "title": "Computer and Information Research Scientists", "via": "first-linked-code"})
    );
    assert_eq!(
        shortfalls(&gap["ratings"]["to_raise"]),
        [row("skill", "Mathematics", 4.75, 5.0, 4.5, 1.125)]
    );
    let text = env
        .width(400)
        .stdout(&["gap", "ml-engineer", "15-2051.00", "--format", "table"]);
    assert!(
        text.contains("O*NET 29.2's ratings of 15-1221.00 Computer and Information Research Scientists (its first linked occupation) for ml-engineer and 15-2051.00 Data Scientists for data-scientists"),
        "{text}"
    );
}

#[test]
fn gap_says_why_a_role_has_no_ratings() {
    let env = imported().width(400);
    let gap = env.json(&["gap", "data-engineering-team-lead", "13-1161.00"]);
    assert!(gap.get("ratings").is_none());
    assert_eq!(
        gap["ratings_missing"],
        serde_json::json!([
            {"id": "data-engineering-team-lead", "reason": {"kind": "no-linked-occupation"}},
            {"id": "analysts-13-1161-00", "reason": {"kind": "not-rated", "code": "13-1161.00", "release": "29.2"}}
        ])
    );
    let text = env.stdout(&[
        "gap",
        "data-engineering-team-lead",
        "13-1161.00",
        "--format",
        "table",
    ]);
    assert!(
        text.contains("\nSkills and knowledge (O*NET 29.2)\nNo skill and knowledge ratings to compare: data-engineering-team-lead links no O*NET occupation; O*NET 29.2 does not rate analysts-13-1161-00 (13-1161.00).\n"),
        "{text}"
    );
    // Without O*NET data there is nothing to say of ratings.
    let bare = TestEnv::new().json(&["gap", "data-engineer", "ml-engineer"]);
    assert!(bare.get("ratings").is_none() && bare.get("ratings_missing").is_none());
}

/// The first `n` names `gap FROM TO` ranks to raise, in each of the five formats: the same in
/// all of them.
#[cfg(feature = "embedded")]
fn ranked_in_every_format(env: &TestEnv, from: &str, to: &str, n: usize) -> Vec<String> {
    let json = env.json(&["gap", from, to]);
    let names: Vec<String> = json["ratings"]["to_raise"]
        .as_array()
        .unwrap()
        .iter()
        .take(n)
        .map(|s| s["name"].as_str().unwrap().to_owned())
        .collect();
    let run = |format: &str| env.stdout(&["gap", from, to, "--format", format]);
    let rows = |text: &str, prefix: &str, cut: char| -> Vec<String> {
        text.lines()
            .filter_map(|l| l.strip_prefix(prefix))
            .filter_map(|l| l.split(cut).next())
            .map(|name| name.trim().to_owned())
            .filter(|name| names.contains(name))
            .collect()
    };
    let table = run("table");
    let plain = run("plain");
    let markdown = run("markdown");
    let csv = run("csv");
    for (format, found) in [
        ("table", rows(&table, "│ ", '┆')),
        (
            "plain",
            plain
                .lines()
                .filter(|l| l.starts_with("to-raise\t"))
                .map(|l| l.split('\t').nth(2).unwrap().to_owned())
                .collect(),
        ),
        ("markdown", rows(&markdown, "| ", '|')),
    ] {
        assert_eq!(
            found.into_iter().take(n).collect::<Vec<_>>(),
            names,
            "{format}"
        );
    }
    // The csv rows name the kind first: "to-raise,knowledge,Biology,...".
    let csv_names: Vec<&str> = csv
        .lines()
        .filter(|l| l.starts_with("to-raise,"))
        .take(n)
        .map(|l| l.split(',').nth(2).unwrap())
        .collect();
    assert_eq!(csv_names, names, "csv");
    names
}

#[cfg(feature = "embedded")]
#[test]
fn a_teacher_becoming_an_instructional_coordinator_raises_administration_and_budgets() {
    // A coordinator plans curricula and runs programmes, staff and budgets: O*NET 29.0 rates
    // administration and management, financial resources and office administration well above
    // a secondary-school teacher's level, and writing and evaluating systems after them. Nothing
    // about programming languages, which the technology lists alone used to suggest.
    let env = TestEnv::new().embedded();
    let names = ranked_in_every_format(&env, "25-2031.00", "25-9031.00", 5);
    assert_eq!(
        names,
        [
            "Administration and Management",
            "Management of Financial Resources",
            "Administrative",
            "Writing",
            "Systems Evaluation"
        ]
    );
    let r = env.json(&["gap", "25-2031.00", "25-9031.00"])["ratings"].clone();
    assert_eq!(r["release"], "29.0");
    assert_eq!(
        shortfalls(&r["to_raise"])[..2],
        [
            row(
                "knowledge",
                "Administration and Management",
                2.56,
                3.77,
                3.79,
                4.5859
            ),
            row(
                "skill",
                "Management of Financial Resources",
                0.88,
                2.38,
                2.25,
                3.375
            ),
        ]
    );
    assert_eq!(r["to_raise"].as_array().unwrap().len(), 42);
    assert_eq!(r["met"], 26);
    // Only what a coordinator needs higher is listed: instructing (4.12 for a teacher, 4.25 for
    // a coordinator) is; mathematics (knowledge 3.69 for both, the skill 3.00 against 2.88) is
    // not.
    let listed: Vec<String> = shortfalls(&r["to_raise"])
        .into_iter()
        .map(|s| s.1)
        .collect();
    assert!(listed.iter().any(|n| n == "Instructing"));
    assert!(!listed.iter().any(|n| n == "Mathematics"));
    let wide = env
        .std_cmd()
        .env("COLUMNS", "600")
        .args(["gap", "25-2031.00", "25-9031.00", "--format", "table"])
        .output()
        .unwrap();
    let plain = String::from_utf8(wide.stdout).unwrap();
    assert!(
        plain.contains("\nSkills and knowledge to raise (O*NET 29.0)\ninstructional-coordinators needs 42 of the 68 skills and knowledge areas O*NET rates at a higher level than secondary-school-teachers-except-special-and-career-technical-education has; most of all Administration and Management, Management of Financial Resources and Administrative.\n"),
        "{plain}"
    );
    assert!(
        plain.ends_with(&format!("{ATTRIBUTION_WITH_RATINGS}\n")),
        "{plain}"
    );
    let json = env.json(&["gap", "25-2031.00", "25-9031.00"]);
    assert_eq!(json["attribution"], ATTRIBUTION_WITH_RATINGS);
}

#[cfg(feature = "embedded")]
#[test]
fn a_registered_nurse_becoming_a_nurse_practitioner_raises_clinical_knowledge() {
    // A nurse practitioner diagnoses, treats and prescribes: O*NET 29.0 rates biology, therapy
    // and counseling and the English language far higher than for a registered nurse, with
    // medicine and dentistry and science in the first ten. There is something to learn.
    let env = TestEnv::new().embedded();
    let names = ranked_in_every_format(&env, "29-1141.00", "29-1171.00", 3);
    assert_eq!(
        names,
        ["Biology", "Therapy and Counseling", "English Language"]
    );
    let r = env.json(&["gap", "registered nurses", "nurse practitioners"])["ratings"].clone();
    let first_ten: Vec<String> = shortfalls(&r["to_raise"])
        .into_iter()
        .take(10)
        .map(|s| s.1)
        .collect();
    for expected in [
        "Medicine and Dentistry",
        "Science",
        "Education and Training",
    ] {
        assert!(first_ten.iter().any(|n| n == expected), "{first_ten:?}");
    }
    assert_eq!(
        shortfalls(&r["to_raise"])[0],
        row("knowledge", "Biology", 2.58, 5.04, 4.22, 10.3812)
    );
    // Geography is not relevant to registered nurses and its level is suppressed there: named,
    // not ranked.
    let uncertain = shortfalls(&r["uncertain"]);
    assert_eq!(
        uncertain[0],
        row("knowledge", "Geography", 0.0, 1.83, 1.74, 3.1842)
    );
    assert_eq!(r["uncertain"][0]["from_not_relevant"], true);
}

#[cfg(feature = "embedded")]
#[test]
#[ignore = "needs ../shared/onet-29.0-skills"]
fn gap_rankings_follow_from_o_net_29_0_s_files() {
    use real::ratings_in;
    let env = TestEnv::new().embedded();
    for (from, to) in [
        ("25-2031.00", "25-9031.00"),
        ("29-1141.00", "29-1171.00"),
        ("17-1011.00", "15-1243.00"),
    ] {
        // Every element both rate whose working level (0 when not relevant) is higher in TO,
        // with no suppressed figure, ranked by TO's importance × the difference.
        let mut expected = Vec::new();
        for (kind, file) in [("skill", "Skills.txt"), ("knowledge", "Knowledge.txt")] {
            let (have, want) = (ratings_in(file, from), ratings_in(file, to));
            for (name, &(im, im_sup, lv, lv_sup, nr)) in &want {
                let (_, _, had, had_sup, had_nr) = have[name];
                let (a, b) = (if had_nr { 0.0 } else { had }, if nr { 0.0 } else { lv });
                let (a100, b100, im100) = (
                    (a * 100.0_f64).round() as i64,
                    (b * 100.0_f64).round() as i64,
                    (im * 100.0_f64).round() as i64,
                );
                if b100 > a100 && !(im_sup || lv_sup || had_sup) {
                    expected.push((im100 * (b100 - a100), im100, kind, name.clone()));
                }
            }
        }
        expected.sort_by(|x, y| y.0.cmp(&x.0).then(y.1.cmp(&x.1)).then(x.3.cmp(&y.3)));
        let got: Vec<(String, String)> =
            shortfalls(&env.json(&["gap", from, to])["ratings"]["to_raise"])
                .into_iter()
                .map(|s| (s.0, s.1))
                .collect();
        let want: Vec<(String, String)> = expected
            .into_iter()
            .map(|(_, _, kind, name)| (kind.to_owned(), name))
            .collect();
        assert_eq!(got, want, "{from} → {to}");
    }
}

#[test]
fn compare_shows_each_role_s_most_important_skills_and_knowledge_side_by_side() {
    let env = imported();
    let args = ["compare", "15-2051.00", "ml-engineer", "13-1161.00"];
    let json = env.json(&args);
    let roles = json["roles"].as_array().unwrap();
    let names = |r: &serde_json::Value, kind: &str| -> Vec<String> {
        r["ratings"][kind]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        names(&roles[0], "skills"),
        [
            "Mathematics",
            "Programming",
            "Reading Comprehension",
            "Writing"
        ]
    );
    assert_eq!(
        names(&roles[0], "knowledge"),
        ["Computers and Electronics", "Mathematics", "Biology"]
    );
    // ml-engineer through 15-1221.00, whose Biology importance is suppressed: not ranked.
    assert_eq!(
        roles[1]["ratings"]["occupation"]["via"],
        "first-linked-code"
    );
    assert_eq!(
        names(&roles[1], "knowledge"),
        ["Computers and Electronics", "Mathematics"]
    );
    assert_eq!(
        roles[2]["no_ratings"],
        serde_json::json!({"kind": "not-rated", "code": "13-1161.00", "release": "29.2"})
    );
    let plain = env.stdout(&[&args[..], &["--format", "plain"]].concat());
    assert!(
        plain.contains("\ndata-scientists\ttop-skill-importance\tMathematics\trated\t4.5\timportance-1-5\t\t\tO*NET 29.2 (15-2051.00)\ndata-scientists\ttop-skill-level\tMathematics\trated\t5\tlevel-0-7\t\t\tO*NET 29.2 (15-2051.00)\n"),
        "{plain}"
    );
    assert!(
        plain.contains("\nml-engineer\ttop-skill-level\tProgramming\tuncertain\t5.88\tlevel-0-7\t\t\tO*NET 29.2 (15-1221.00)\n"),
        "{plain}"
    );
    assert!(
        plain.contains("\nanalysts-13-1161-00\tratings\t\tnot-rated\t\t\t13-1161.00 is not rated by O*NET 29.2\t\t\n"),
        "{plain}"
    );
    let csv = env.stdout(&[&args[..], &["--format", "csv"]].concat());
    assert!(
        csv.contains("\ndata-scientists,top-knowledge-level,Biology,not-relevant,0,level-0-7,,,O*NET 29.2 (15-2051.00),"),
        "{csv}"
    );
    let markdown = env.stdout(&[&args[..], &["--format", "markdown"]].concat());
    assert!(
        markdown.contains("| Top skills (O\\*NET 29.2) | Mathematics 4.50 (level 5.00); "),
        "{markdown}"
    );
    insta::assert_snapshot!("compare_fixture_ratings", env.stdout(&args));
}

#[cfg(feature = "embedded")]
#[test]
fn compare_a_nurse_and_a_nurse_practitioner_side_by_side() {
    let env = TestEnv::new().embedded();
    let json = env.json(&["compare", "registered-nurses", "nurse-practitioners"]);
    let top = |i: usize, kind: &str| -> Vec<(String, f64, f64)> {
        json["roles"][i]["ratings"][kind]
            .as_array()
            .unwrap()
            .iter()
            .take(3)
            .map(|e| {
                (
                    e["name"].as_str().unwrap().to_owned(),
                    e["importance"].as_f64().unwrap(),
                    e["level"].as_f64().unwrap(),
                )
            })
            .collect()
    };
    // O*NET 29.0: a nurse's work is people and care, a nurse practitioner's medicine.
    assert_eq!(
        top(0, "knowledge"),
        [
            ("Psychology".to_owned(), 4.58, 6.08),
            ("Customer and Personal Service".to_owned(), 4.4, 5.48),
            ("Medicine and Dentistry".to_owned(), 4.36, 4.47),
        ]
    );
    assert_eq!(
        top(1, "knowledge"),
        [
            ("Medicine and Dentistry".to_owned(), 4.83, 5.57),
            ("English Language".to_owned(), 4.26, 5.3),
            ("Biology".to_owned(), 4.22, 5.04),
        ]
    );
    assert_eq!(json["roles"][0]["ratings"]["release"], "29.0");
    assert_eq!(json["attribution"], ATTRIBUTION_WITH_RATINGS);
    let table = env
        .width(80)
        .stdout(&["compare", "registered-nurses", "nurse-practitioners"]);
    assert!(
        table.contains(
            "│ Top knowledge (O*NET     ┆ Psychology 4.58 (level  ┆ Medicine and Dentistry  │"
        ),
        "{table}"
    );
}

#[test]
fn moves_rank_occupations_by_how_alike_their_ratings_are() {
    // Wide enough that the table look does not wrap the gaps.
    let env = imported().width(200);
    let json = env.json(&["moves", "15-2051.00"]);
    assert_eq!(json["release"], "29.2");
    assert_eq!(json["compared"], 2);
    assert_eq!(json["from"]["job_zone"], 4);
    let moves = json["moves"].as_array().unwrap();
    // Research scientists against data scientists, over the five elements both rate reliably
    // (Programming's and Biology's figures are suppressed for research scientists):
    // weights 8.12, 7.38, 8.75, 9.40, 8.60 and level differences 0.63, 0.62, 0.25, 0.60, 0.30,
    // 1 - 20.0987 / (42.25 × 7) = 93.2%.
    assert_eq!(moves[0]["code"], "15-1221.00");
    assert_eq!(moves[0]["similarity_percent"], 93.2);
    assert_eq!(moves[0]["job_zone_change"], 1);
    let gaps: Vec<&str> = moves[0]["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        gaps,
        [
            "Computers and Electronics",
            "Reading Comprehension",
            "Writing"
        ]
    );
    // Analysts need every level lower; Programming and Biology, not relevant to them, count
    // as 0: 1 - 79.3975 / (44.88 × 7) = 74.7%.
    assert_eq!(moves[1]["code"], "13-1111.00");
    assert_eq!(moves[1]["similarity_percent"], 74.7);
    assert_eq!(moves[1]["gaps"], serde_json::json!([]));
    assert!(moves[1].get("job_zone").is_none());

    // Only moves up: a higher pay or job zone.
    let up = env.json(&["moves", "15-2051.00", "--up"]);
    assert_eq!(up["moves"].as_array().unwrap().len(), 1);
    assert_eq!(up["moves"][0]["code"], "15-1221.00");

    let plain = env.stdout(&["moves", "data-scientists", "--format", "plain"]);
    assert!(
        plain.starts_with("computer-and-information-research-scientists\t1\t15-1221.00\tComputer and Information Research Scientists\t93.2\t\t\t5\t1\tComputers and Electronics 5.50 → 6.10; Reading Comprehension 4.25 → 4.88; Writing 3.88 → 4.50\nanalysts\t2\t13-1111.00\tAnalysts\t74.7\t\t\t\t\tnone: no level needed above the role's\n"),
        "{plain}"
    );
    let csv = env.stdout(&["moves", "data-scientists", "--format", "csv"]);
    assert!(
        csv.starts_with("id,rank,code,title,similarity_percent,median_pay,pay_change,job_zone,job_zone_change,gaps,attribution\ncomputer-and-information-research-scientists,1,15-1221.00,Computer and Information Research Scientists,93.2,,,5,1,"),
        "{csv}"
    );
    let markdown = env.stdout(&["moves", "data-scientists", "--format", "markdown"]);
    assert!(
        markdown
            .contains("| 1 | Computer and Information Research Scientists; 15-1221.00 | 93.2% |"),
        "{markdown}"
    );
    insta::assert_snapshot!(
        "moves_fixture",
        env.stdout(&["moves", "data-scientists", "--format", "table"])
    );
}

#[test]
fn moves_needs_a_rated_role_and_says_why_not() {
    let env = imported();
    let err = env.fails(&["moves", "13-1161.00"], 1);
    assert_eq!(
        err,
        "careers: error: moves compares O*NET's skill and knowledge ratings, and O*NET 29.2 does not rate 13-1161.00; try one of its related occupations (`careers path 13-1161.00`)\n"
    );
    let err = env.fails(&["moves", "data-engineering-team-lead"], 1);
    assert!(
        err.contains("data-engineering-team-lead links no O*NET occupation"),
        "{err}"
    );
    let err = TestEnv::new().fails(&["moves", "ml-engineer"], 1);
    assert!(
        err.contains("which the O*NET data in use does not have"),
        "{err}"
    );
}

#[cfg(feature = "embedded")]
#[test]
fn moves_from_a_nurse_and_a_teacher_are_the_neighbouring_occupations() {
    let env = TestEnv::new().embedded();
    let codes = |json: &serde_json::Value| -> Vec<String> {
        json["moves"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["code"].as_str().unwrap().to_owned())
            .collect()
    };
    // A registered nurse's skills and knowledge are most like the nursing specialties, licensed
    // practical nurses and the therapists'.
    let rn = env.json(&["moves", "registered-nurses"]);
    assert_eq!(rn["compared"], 878);
    let first = codes(&rn);
    assert_eq!(first[..3], ["29-1141.01", "29-2061.00", "29-9091.00"]);
    assert!(first.contains(&"29-1123.00".to_owned()), "{first:?}");
    assert_eq!(rn["moves"][0]["similarity_percent"], 95.2);
    assert_eq!(rn["moves"][1]["pay_change"], -33150);
    // Moving up: pharmacists pay $43,360 more, through chemistry, biology and mathematics.
    let up = env.json(&["moves", "registered-nurses", "--up"]);
    let pharmacists = up["moves"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["code"] == "29-1051.00")
        .unwrap();
    assert_eq!(pharmacists["pay_change"], 43360);
    assert_eq!(pharmacists["job_zone_change"], 1);
    assert_eq!(pharmacists["gaps"][0]["name"], "Chemistry");
    // A secondary-school teacher: the other teachers, and instructional coordinators within
    // the first ten, with the gap `gap` gives.
    let teacher = env.json(&["moves", "25-2031.00"]);
    let codes = codes(&teacher);
    assert_eq!(codes[0], "25-2021.00");
    let coordinators = teacher["moves"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["code"] == "25-9031.00")
        .unwrap();
    assert_eq!(coordinators["pay_change"], 5400);
    assert_eq!(
        coordinators["gaps"][0]["name"],
        "Administration and Management"
    );
    assert_eq!(teacher["attribution"], ATTRIBUTION_WITH_RATINGS);
    // Every format, at 80 columns.
    for format in ["table", "plain", "markdown", "csv"] {
        let text = env.stdout(&["moves", "registered-nurses", "--format", format]);
        assert!(text.contains("Acute Care Nurses"), "{format}: {text}");
        assert!(text.contains("95.2"), "{format}: {text}");
    }
}

#[test]
fn an_import_without_ratings_does_not_replace_one_with_them_unless_forced() {
    let env = imported();
    let release = release_without_ratings();
    let args = ["import", "onet", release.path().to_str().unwrap()];
    let err = env.fails(&args, 1);
    assert!(
        err.contains("this import would replace 3 rated occupations with 0 (\"Skills.txt\" is missing), 3 occupations with skill ratings with 0 (\"Skills.txt\" is missing), 3 occupations with knowledge ratings with 0 (\"Knowledge.txt\" is missing), losing more than the 5% a new release may"),
        "{err}"
    );
    assert_eq!(
        env.json(&["show", "15-2051.00"])["onet"]["ratings_release"],
        "29.2"
    );
    let forced = env.json(&[&args[..], &["--force"]].concat());
    assert_eq!(forced["counts"]["rated_occupations"], 0);
    assert!(forced.get("ratings").is_none());
    // Without ratings in the release, show says nothing of them.
    let shown = env.json(&["show", "15-2051.00"]);
    assert!(shown["onet"].get("ratings_release").is_none());
    assert!(shown["onet"].get("unrated").is_none());
}
