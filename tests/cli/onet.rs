//! `careers import onet`, `careers sources`, `careers search`, the `list` filters and the O*NET
//! sections of `show`, against the project's own fixture in O*NET's format
//! (`tests/fixtures/onet*`) and, when it is there, the real database in `../shared/onet-29.2`.

use std::path::Path;

use crate::common::{ATTRIBUTION, TestEnv, copy_of, fixture, shared};

/// A fresh data directory with the fixture imported into it.
pub(crate) fn imported() -> TestEnv {
    let env = TestEnv::new();
    let out = env.run(&["import", "onet", fixture("onet").to_str().unwrap()]);
    assert!(out.success(), "{}", out.stderr);
    assert!(
        out.stderr.is_empty(),
        "no progress bar when stderr is not a terminal"
    );
    env
}

/// The ids of a list of roles, or of `list`'s `roles`.
fn ids(value: &serde_json::Value) -> Vec<String> {
    value
        .get("roles")
        .unwrap_or(value)
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn import_reports_counts_missing_files_and_every_malformed_row() {
    let env = TestEnv::new().width(200);
    // The data directory named by --data-dir, as people name it.
    let data = env.data_dir();
    let out = env.run(&[
        "--data-dir",
        data.to_str().unwrap(),
        "import",
        "onet",
        fixture("onet-malformed").to_str().unwrap(),
        "--force",
    ]);
    assert!(out.success());
    let text = out
        .stdout
        .replace(&env.data_dir().display().to_string(), "[DATA]")
        .replace(
            &fixture("onet-malformed").display().to_string(),
            "[FIXTURE]",
        );
    insta::assert_snapshot!("import_fixture", text);
}

#[test]
fn import_json_has_counts_and_attribution() {
    let env = TestEnv::new();
    let report = env.json(&["import", "onet", fixture("onet").to_str().unwrap()]);
    assert_eq!(report["version"], "29.2");
    assert_eq!(
        report["counts"],
        serde_json::json!({
            "occupations": 6, "alternate_titles": 6, "reported_titles": 2, "tasks": 4,
            "technology_skills": 7, "tools": 2, "related_links": 4, "rated_occupations": 3,
            "skills_rated": 3, "knowledge_rated": 3, "rows_skipped": 0
        })
    );
    // Skills.txt and Knowledge.txt are the release's own.
    assert_eq!(report["ratings"], serde_json::json!({"version": "29.2"}));
    assert_eq!(
        report["missing_files"],
        serde_json::json!(["Abilities.txt"])
    );
    assert_eq!(report["skipped_rows"], serde_json::json!([]));
    assert_eq!(report["attribution"], ATTRIBUTION);
}

#[test]
fn an_import_of_only_the_required_file_reports_every_optional_file_missing() {
    let env = TestEnv::new();
    let report = env.json(&["import", "onet", fixture("onet-minimal").to_str().unwrap()]);
    assert_eq!(report["counts"]["occupations"], 1);
    assert_eq!(report["missing_files"].as_array().unwrap().len(), 15);
    // No `Read Me.txt` and a folder name that is not O*NET's: the release is unknown.
    assert_eq!(report["version"], serde_json::Value::Null);
    assert!(
        report["attribution"]
            .as_str()
            .unwrap()
            .starts_with("This product includes information from the O*NET Database by")
    );
}

#[test]
fn technology_skills_without_the_in_demand_column_import_as_not_in_demand() {
    // Releases before O*NET added the In Demand flag lack the column.
    let env = TestEnv::new();
    env.stdout(&[
        "import",
        "onet",
        fixture("onet-no-in-demand").to_str().unwrap(),
    ]);
    let p = env.json(&["show", "15-2051.00"]);
    assert_eq!(
        p["onet"]["technology"],
        serde_json::json!([{
            "example": "Apache Spark",
            "commodity": "Business intelligence and data analysis software",
            "skill": "Spark",
            "hot": true
        }])
    );
}

#[test]
fn a_failed_import_leaves_the_previous_data_in_place() {
    let env = imported();
    let before = env.stdout(&["show", "15-2051.00"]);
    let manifest = std::fs::read(env.data_dir().join("onet/manifest.json")).unwrap();

    let err = env.fails(
        &["import", "onet", fixture("onet-broken").to_str().unwrap()],
        1,
    );
    assert_eq!(
        err,
        "careers: error: Occupation Data.txt: the header has no column \"Title\"\n"
    );
    let err = env.fails(
        &[
            "import",
            "onet",
            fixture("no-such-folder").to_str().unwrap(),
        ],
        1,
    );
    assert!(err.ends_with("no-such-folder does not exist\n"), "{err}");

    assert_eq!(env.stdout(&["show", "15-2051.00"]), before);
    assert_eq!(
        std::fs::read(env.data_dir().join("onet/manifest.json")).unwrap(),
        manifest
    );
    let mut leftovers: Vec<String> = std::fs::read_dir(env.data_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    leftovers.sort();
    assert_eq!(
        leftovers,
        [".import.lock", ".read.lock", "onet"],
        "no temporary folder is left behind, only the import's lock files"
    );
}

#[test]
fn an_interrupted_import_is_ignored_and_cleaned_up_by_the_next() {
    let env = imported();
    // What an import killed half-way leaves: a temporary folder beside `onet`.
    let leftover = env.data_dir().join(".onet-import-Ab12Cd");
    std::fs::create_dir(&leftover).unwrap();
    std::fs::write(leftover.join("index.bin"), b"half written").unwrap();
    assert_eq!(ids(&env.json(&["list", "--source", "onet"])).len(), 6);
    env.stdout(&["import", "onet", fixture("onet").to_str().unwrap()]);
    assert!(!leftover.exists());
}

/// A release that would lose most of a kind of row names the file it comes from, and whether it
/// is empty or missing.
#[test]
fn a_smaller_import_names_the_empty_or_missing_file() {
    let env = imported();
    let source = copy_of(&fixture("onet"));
    std::fs::write(source.path().join("Task Statements.txt"), b"").unwrap();
    std::fs::remove_file(source.path().join("Tools Used.txt")).unwrap();
    let err = env.fails(&["import", "onet", source.path().to_str().unwrap()], 1);
    assert_eq!(
        err,
        format!(
            "careers: error: this import would replace 4 tasks with 0 (\"Task Statements.txt\" is empty), 2 tools with 0 (\"Tools Used.txt\" is missing), losing more than the 5% a new release may (a truncated or incomplete download, or a partial release?); the previous import is kept: check those files in {} (download the database again), or pass --force to replace it anyway\n",
            source.path().display()
        )
    );
}

#[test]
fn importing_again_replaces_the_previous_import() {
    let env = imported();
    assert_eq!(ids(&env.json(&["list", "--source", "onet"])).len(), 6);
    // One occupation and no rows would replace six and all their rows: refused, and kept.
    let minimal = fixture("onet-minimal");
    let err = env.fails(&["import", "onet", minimal.to_str().unwrap()], 1);
    assert_eq!(
        err,
        format!(
            "careers: error: this import would replace 6 occupations with 1 (\"Occupation Data.txt\" holds fewer), 6 alternate titles with 0 (\"Alternate Titles.txt\" is missing), 2 reported titles with 0 (\"Sample of Reported Titles.txt\" is missing), 4 tasks with 0 (\"Task Statements.txt\" is missing), 7 technology skills with 0 (\"Technology Skills.txt\" is missing), 2 tools with 0 (\"Tools Used.txt\" is missing), 4 related links with 0 (\"Related Occupations.txt\" is missing), 3 rated occupations with 0 (\"Skills.txt\" is missing), 3 occupations with skill ratings with 0 (\"Skills.txt\" is missing), 3 occupations with knowledge ratings with 0 (\"Knowledge.txt\" is missing), losing more than the 5% a new release may (a truncated or incomplete download, or a partial release?); the previous import is kept: check those files in {} (download the database again), or pass --force to replace it anyway\n",
            minimal.display()
        )
    );
    assert_eq!(ids(&env.json(&["list", "--source", "onet"])).len(), 6);
    env.stdout(&["import", "onet", minimal.to_str().unwrap(), "--force"]);
    assert_eq!(
        ids(&env.json(&["list", "--source", "onet"])),
        ["data-scientists"]
    );
}

#[test]
fn an_unreadable_import_is_an_error_that_names_the_fix() {
    let env = imported();
    let onet = env.data_dir().join("onet");
    let len = std::fs::metadata(onet.join("names.bin")).unwrap().len();
    std::fs::write(onet.join("names.bin"), b"not postcard").unwrap();
    let why = format!(
        "the imported O*NET data in {} cannot be read (names.bin has 12 bytes, its manifest says {len}); import it again with `careers import onet FOLDER`, or remove it with `rm -r {}`; no other release is at hand",
        onet.display(),
        onet.display()
    );
    // Commands that need the import fail with the reason and both fixes.
    let err = env.fails(&["search", "python"], 1);
    assert_eq!(
        err,
        format!("careers: warning: {why}\ncareers: error: {why}\n")
    );
    let err = env.fails(&["show", "data-scientists"], 1);
    assert_eq!(
        err,
        format!(
            "careers: warning: {why}\ncareers: error: unknown role \"data-scientists\" among the bundled and your own profiles, and {why}\n"
        )
    );
    // The bundled profiles still answer, with the warning.
    let bundled_show = || {
        let out = env.run(&["show", "ml-engineer"]);
        assert_eq!(out.code, Some(0));
        assert!(
            out.stdout.starts_with("Machine Learning Engineer"),
            "{}",
            out.stdout
        );
        out.stderr
    };
    assert_eq!(bundled_show(), format!("careers: warning: {why}\n"));
    // Importing again is one fix, so it must work.
    env.stdout(&["import", "onet", fixture("onet").to_str().unwrap()]);
    env.stdout(&["list"]);
    // Removing the folder is the other.
    std::fs::write(onet.join("names.bin"), b"not postcard").unwrap();
    std::fs::remove_dir_all(&onet).unwrap();
    assert_eq!(bundled_show(), "", "no warning once the folder is gone");
}

#[test]
fn show_an_imported_occupation_by_code_id_or_title() {
    let env = imported();
    let by_code = env.stdout(&["show", "15-2051.00"]);
    assert_eq!(env.stdout(&["show", "data-scientists"]), by_code);
    assert_eq!(env.stdout(&["show", "Data Scientists"]), by_code);
    insta::assert_snapshot!("show_fixture_data_scientists", by_code);
}

#[test]
fn show_json_of_an_imported_occupation_has_every_o_net_part() {
    let env = imported();
    let p = env.json(&["show", "15-2051.00"]);
    assert_eq!(p["id"], "data-scientists");
    assert_eq!(
        p["origin"],
        serde_json::json!({"kind": "onet", "version": "29.2"})
    );
    assert_eq!(p["attribution"], ATTRIBUTION);
    let skills: Vec<&str> = p["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(skills, ["Spark", "Python", "SQL"]);
    let onet = &p["onet"];
    assert_eq!(
        onet["technology"][0],
        serde_json::json!({
            "example": "Apache Spark", "commodity": "Business intelligence and data analysis software",
            "skill": "Spark", "hot": true, "in_demand": true
        })
    );
    assert_eq!(onet["technology"][3]["skill"], serde_json::Value::Null);
    assert_eq!(
        onet["tasks"][2],
        serde_json::json!({"statement": "Present findings to stakeholders.", "kind": "supplemental"})
    );
    assert_eq!(onet["job_zone"]["zone"], 4);
    assert_eq!(
        onet["education"],
        serde_json::json!([
            {"level": "Master's Degree", "percent": 45.5},
            {"level": "Bachelor's Degree", "percent": 40.0},
            {"level": "Doctoral Degree", "percent": 14.5},
        ])
    );
    assert_eq!(onet["interest_code"], "IC");
    assert_eq!(
        onet["work_styles"],
        serde_json::json!(["Analytical Thinking", "Attention to Detail", "Integrity"])
    );
    let related: Vec<(&str, &str)> = onet["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["tier"].as_str().unwrap(), r["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        related,
        [
            ("Primary-Short", "15-1221.00"),
            ("Primary-Long", "13-1111.00"),
            ("Supplemental", "15-1299.08")
        ]
    );
    assert_eq!(onet["ratings_release"], "29.2");
    assert_eq!(
        onet["skills"][0],
        serde_json::json!({"id": "2.A.1.e", "name": "Mathematics", "importance": 4.5, "level": 5.0})
    );
    // Biology: Not Relevant = Y keeps O*NET's figure, flagged.
    assert_eq!(
        onet["knowledge"][2],
        serde_json::json!({"id": "2.C.4.d", "name": "Biology", "importance": 1.4, "level": 0.25, "not_relevant": true})
    );
    assert_eq!(
        onet["alternate_titles"],
        serde_json::json!(["Machine Learning Engineer", "Data Scientist"])
    );

    let other = env.json(&["show", "15-1221.00"]);
    // A tie between two levels of education goes to the lower one.
    assert_eq!(other["onet"]["education"][0]["level"], "Master's Degree");
    assert_eq!(other["onet"]["education"][1]["level"], "Doctoral Degree");
    assert_eq!(other["onet"]["interest_code"], "IRA");
    assert_eq!(other["onet"]["tasks"][0]["kind"], serde_json::Value::Null);
}

#[test]
fn imported_ids_are_unique_and_never_take_a_curated_id() {
    let env = imported();
    let all = ids(&env.json(&["list", "--source", "onet"]));
    assert_eq!(
        all,
        [
            "data-engineer-11-9199-99",
            "analysts",
            "analysts-13-1161-00",
            "computer-and-information-research-scientists",
            "computer-systems-engineers-architects",
            "data-scientists"
        ]
    );
    assert_eq!(
        env.json(&["show", "data-engineer"])["origin"]["kind"],
        "bundled"
    );
}

#[test]
fn show_ml_engineer_adds_what_the_linked_occupations_say() {
    let env = imported();
    let text = env.stdout(&["show", "ml-engineer", "--section", "onet"]);
    insta::assert_snapshot!("show_ml_engineer_onet_links", text);
    let p = env.json(&["show", "ml-engineer"]);
    // A summary of each, from the index: what `show CODE` gives whole.
    let links: Vec<(&str, u64, u64)> = p["onet_links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["id"].as_str().unwrap(),
                l["technology_count"].as_u64().unwrap(),
                l["task_count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        links,
        [
            ("computer-and-information-research-scientists", 2, 1),
            ("computer-systems-engineers-architects", 1, 0),
            ("data-scientists", 4, 3)
        ]
    );
    assert_eq!(p["attribution"], ATTRIBUTION);
    // Without an import, nothing of O*NET's and no attribution.
    let plain = TestEnv::new().json(&["show", "ml-engineer"]);
    assert!(plain.get("onet_links").is_none() && plain.get("attribution").is_none());
}

#[test]
fn search_finds_the_occupations_o_net_lists_a_title_for() {
    let env = imported();
    let found = env.json(&["search", "machine learning engineer"]);
    assert_eq!(
        ids(&found["results"]),
        [
            "ml-engineer",
            "computer-and-information-research-scientists",
            "computer-systems-engineers-architects",
            "data-scientists"
        ]
    );
    assert_eq!(
        found["results"][3]["matched"],
        serde_json::json!([{"in": "alternate-title", "text": "Machine Learning Engineer"}])
    );
    assert_eq!(found["attribution"], ATTRIBUTION);
    insta::assert_snapshot!(
        "search_spark",
        env.stdout(&["search", "spark", "--limit", "3"])
    );
}

#[test]
fn search_without_o_net_searches_the_curated_profiles_and_carries_no_attribution() {
    let found = TestEnv::new().json(&["search", "pipelines"]);
    assert_eq!(
        ids(&found["results"]),
        ["data-engineer", "data-engineering-team-lead"]
    );
    assert!(found.get("attribution").is_none());
    assert_eq!(
        TestEnv::new().fails(&["search", "--", "--"], 2),
        "careers: error: search needs at least one letter or digit to look for\n"
    );
    insta::assert_snapshot!(
        "search_nothing",
        TestEnv::new().stdout(&["search", "zebra keeper"])
    );
}

#[test]
fn list_filters_by_source_zone_skill_hot_technology_and_limit() {
    let env = imported();
    let list = |args: &[&str]| {
        let mut all = vec!["list"];
        all.extend(args);
        ids(&env.json(&all))
    };
    assert_eq!(list(&["--source", "bundled"]).len(), 5);
    assert_eq!(list(&["--source", "user"]), Vec::<String>::new());
    assert_eq!(
        list(&["--zone", "4"]),
        ["computer-systems-engineers-architects", "data-scientists"]
    );
    assert_eq!(
        list(&["--skill", "apache spark"]),
        [
            "ml-engineer",
            "data-engineer",
            "computer-systems-engineers-architects",
            "data-scientists"
        ]
    );
    // A technology outside the vocabulary matches by its O*NET name.
    assert_eq!(
        list(&["--skill", "Example analytics suite"]),
        ["data-scientists"]
    );
    assert_eq!(list(&["--hot", "Python"]), ["data-scientists"]);
    // A vocabulary skill that a hot technology maps onto.
    assert_eq!(list(&["--hot", "SQL"]), ["data-scientists"]);
    assert_eq!(
        list(&["--source", "onet", "--skill", "python", "--limit", "2"]),
        [
            "computer-and-information-research-scientists",
            "data-scientists"
        ]
    );
    // The attribution once for the document, not on each row.
    let rows = env.json(&["list", "--source", "onet", "--limit", "1"]);
    assert_eq!(rows["attribution"], ATTRIBUTION);
    // All six occupations passed the filter; `--limit` kept one.
    assert_eq!(rows["total"], 6);
    assert!(rows["roles"][0].get("attribution").is_none());
    let csv = env.stdout(&["list", "--skill", "sql", "--format", "csv"]);
    assert_eq!(
        csv.lines().next().unwrap(),
        "id,title,code,job_zone,summary,data,origin,file,attribution"
    );
    assert!(csv.lines().nth(1).unwrap().ends_with(",bundled,,"), "{csv}");
    assert!(
        csv.lines()
            .last()
            .unwrap()
            .ends_with(&format!(",onet,,\"{ATTRIBUTION}\"")),
        "{csv}"
    );
    let table = env.stdout(&["list", "--zone", "5", "--color", "never"]);
    insta::assert_snapshot!("list_zone_5", table);
}

#[test]
fn list_filter_errors_name_the_value_and_suggest() {
    let env = imported();
    let err = env.fails(&["list", "--skill", "sparkk"], 1);
    assert!(
        err.starts_with("careers: error: unknown skill \"sparkk\" (did you mean Spark?); known skills: Adaptability, Agile, Airflow,"),
        "{err}"
    );
    // --hot lists the import's hot technologies, the most common first, not skill names; a
    // skill no hot technology maps onto (AWS is listed, but never hot) is not one.
    for (name, hint) in [
        ("adaptability", ""),
        ("AWS", ""),
        ("pythn", " (did you mean Python?)"),
    ] {
        assert_eq!(
            env.fails(&["list", "--hot", name], 1),
            format!(
                "careers: error: unknown hot technology \"{name}\"{hint}; known hot technologies: Apache Spark, Python, Structured query language SQL\n"
            )
        );
    }
    let err = env.fails(&["list", "--zone", "6"], 2);
    assert!(err.contains("6 is not in 1..=5"), "{err}");
    let err = env.fails(&["list", "--source", "web"], 2);
    assert_eq!(
        err,
        "careers: error: invalid value 'web' for '--source <SOURCE>'; possible values: bundled, user, onet; see careers list --help\n"
    );
}

#[test]
fn sources_lists_each_source_with_its_licence() {
    let env = imported();
    let report = env.json(&["sources"]);
    let onet = &report["sources"][1];
    assert_eq!(onet["kind"], "onet");
    assert_eq!(onet["version"], "29.2");
    assert_eq!(onet["profiles"], 6);
    assert_eq!(
        onet["folder"],
        env.data_dir().join("onet").to_str().unwrap()
    );
    assert_eq!(onet["imported_from"], fixture("onet").to_str().unwrap());
    assert_eq!(onet["embedded"], false);
    assert_eq!(onet["attribution"], ATTRIBUTION);
    let date = onet["imported_at"].as_str().unwrap();
    assert!(date.len() == 20 && date.ends_with('Z'), "{date}");
    // Markdown, whose layout does not depend on how long the paths are.
    let text = env
        .stdout(&["sources", "--format", "markdown"])
        .replace(date, "[DATE]")
        .replace(&fixture("onet").display().to_string(), "[FIXTURE]")
        .replace(&env.data_dir().display().to_string(), "[DATA]");
    insta::assert_snapshot!("sources_with_onet", text);
    let bare = TestEnv::new();
    insta::assert_snapshot!(
        "sources_bundled_only",
        bare.stdout(&["sources", "--format", "json"])
            .replace(&bare.data_dir().display().to_string(), "[DATA]")
    );
}

#[test]
fn an_o_net_code_without_an_import_is_an_unknown_role() {
    let err = TestEnv::new().fails(&["show", "15-2051.00"], 1);
    assert!(
        err.starts_with("careers: error: unknown role \"15-2051.00\""),
        "{err}"
    );
}

/// Rows of an O*NET file as maps from column name to value, read without the importer.
fn rows_of(dir: &Path, file: &str) -> Vec<std::collections::HashMap<String, String>> {
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let mut lines = text.split("\r\n").filter(|l| !l.is_empty());
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    lines
        .map(|l| {
            header
                .iter()
                .zip(l.split('\t'))
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

#[test]
#[ignore = "needs ../shared/onet-29.2 (run by .ci/run when it is there)"]
fn the_real_database_imports_with_the_counts_its_files_hold() {
    let source = shared("onet-29.2");
    let env = TestEnv::new();
    let report = env.json(&["import", "onet", source.to_str().unwrap()]);
    let code = "15-2051.00";
    let of = |file: &str| -> Vec<std::collections::HashMap<String, String>> {
        rows_of(&source, file)
            .into_iter()
            .filter(|r| r["O*NET-SOC Code"] == code)
            .collect()
    };
    assert_eq!(
        report["counts"]["occupations"],
        rows_of(&source, "Occupation Data.txt").len()
    );
    assert_eq!(report["counts"]["rows_skipped"], 0);
    assert_eq!(report["version"], "29.2");

    let p = env.json(&["show", code]);
    let onet = &p["onet"];
    let technology = of("Technology Skills.txt");
    assert_eq!(
        onet["technology"].as_array().unwrap().len(),
        technology.len()
    );
    let hot: Vec<&str> = technology
        .iter()
        .filter(|r| r["Hot Technology"] == "Y")
        .map(|r| r["Example"].as_str())
        .collect();
    let hot_imported: Vec<&str> = onet["technology"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["hot"] == true)
        .map(|t| t["example"].as_str().unwrap())
        .collect();
    assert_eq!(hot_imported, hot);
    assert_eq!(
        onet["tasks"].as_array().unwrap().len(),
        of("Task Statements.txt").len()
    );
    let tiers = ["Primary-Short", "Primary-Long", "Supplemental"];
    let mut related: Vec<(usize, u32, String)> = of("Related Occupations.txt")
        .iter()
        .map(|r| {
            (
                tiers
                    .iter()
                    .position(|t| *t == r["Relatedness Tier"])
                    .unwrap(),
                r["Index"].parse().unwrap(),
                r["Related O*NET-SOC Code"].clone(),
            )
        })
        .collect();
    related.sort();
    let imported: Vec<&str> = onet["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = related.iter().map(|r| r.2.as_str()).collect();
    assert_eq!(imported, expected);
    // The skill vocabulary maps O*NET's technology names.
    let skills: Vec<&str> = p["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    for s in ["Spark", "SQL", "AWS", "Python"] {
        assert!(skills.contains(&s), "{s} in {skills:?}");
    }
    let found = env.json(&["search", "machine learning engineer"]);
    let found = ids(&found["results"]);
    for id in [
        "ml-engineer",
        "computer-and-information-research-scientists",
        "computer-systems-engineers-architects",
        "data-scientists",
    ] {
        assert!(found.contains(&id.to_owned()), "{id} in {found:?}");
    }
}

/// The line `grep -n PATTERN FILE` gives for the one line that holds `pattern`.
fn grep_line(file: &Path, pattern: &str) -> u64 {
    let out = std::process::Command::new("grep")
        .args(["-n", "-a", "-F", pattern])
        .arg(file)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut lines = text.lines();
    let number = lines.next().unwrap().split(':').next().unwrap().parse();
    assert!(lines.next().is_none(), "{pattern} is on one line only");
    number.unwrap()
}

#[test]
fn skipped_rows_name_the_line_grep_gives_in_crlf_files() {
    let env = TestEnv::new();
    let report = env.json(&[
        "import",
        "onet",
        fixture("onet-malformed").to_str().unwrap(),
        "--force",
    ]);
    let source = fixture("onet-malformed");
    let expect = [
        ("Occupation Data.txt", "15-205X.00"),
        ("Alternate Titles.txt", "99-9999.00"),
        ("Task Statements.txt", "Sometimes"),
        ("Technology Skills.txt", "Maybe"),
    ];
    for (file, pattern) in expect {
        let row = report["skipped_rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["file"] == file && r["reason"].as_str().unwrap().contains(pattern))
            .unwrap_or_else(|| panic!("{file}: no skipped row for {pattern}"));
        assert_eq!(
            row["line"].as_u64().unwrap(),
            grep_line(&source.join(file), pattern),
            "{file}"
        );
    }
}

#[test]
fn a_previous_import_left_aside_by_a_swap_cut_short_is_moved_back() {
    // What a swap killed between its two renames leaves: no `onet/`, the previous import aside.
    let env = imported();
    let aside = env.data_dir().join(".onet-previous-4242");
    std::fs::rename(env.data_dir().join("onet"), &aside).unwrap();
    assert_eq!(
        ids(&env.json(&["list", "--source", "onet"])).len(),
        6,
        "the previous import is read"
    );
    assert!(env.data_dir().join("onet/manifest.json").is_file());
    assert!(!aside.exists(), "and moved back");
}

#[test]
fn an_import_that_cannot_remove_the_previous_data_succeeds_with_a_warning() {
    let env = TestEnv::new();
    std::fs::write(env.data_dir().join("onet"), b"not a folder").unwrap();
    let out = env.run(&["import", "onet", fixture("onet-minimal").to_str().unwrap()]);
    assert_eq!(out.code, Some(0));
    let stderr = out.stderr;
    let aside = format!("{}", env.data_dir().join(".onet-previous-").display());
    assert!(
        stderr.starts_with(
            "careers: warning: the import is in place, but the previous one could not be removed ("
        ) && stderr.contains(&aside)
            && stderr.ends_with(" by hand\n")
            && stderr.lines().count() == 1,
        "{stderr}"
    );
    assert_eq!(
        ids(&env.json(&["list", "--source", "onet"])),
        ["data-scientists"]
    );
}

#[test]
fn an_empty_optional_file_is_skipped_and_named_an_empty_download() {
    let source = copy_of(&fixture("onet"));
    std::fs::write(source.path().join("Tools Used.txt"), b"").unwrap();
    let env = TestEnv::new();
    let report = env.json(&["import", "onet", source.path().to_str().unwrap()]);
    assert_eq!(report["empty_files"], serde_json::json!(["Tools Used.txt"]));
    assert_eq!(report["counts"]["tools"], 0);
    assert_eq!(report["counts"]["occupations"], 6);
    let text = TestEnv::new().stdout(&["import", "onet", source.path().to_str().unwrap()]);
    assert!(
        text.contains("Empty files (skipped)\n• Tools Used.txt is empty (0 bytes; a truncated download?); download the database again\n"),
        "{text}"
    );
}

#[test]
fn an_empty_occupation_file_or_a_utf16_file_aborts_with_the_cause_and_the_fix() {
    let source = copy_of(&fixture("onet"));
    std::fs::write(source.path().join("Occupation Data.txt"), b"").unwrap();
    let env = TestEnv::new();
    let args = ["import", "onet", source.path().to_str().unwrap()];
    assert_eq!(
        env.fails(&args, 1),
        "careers: error: \"Occupation Data.txt\" is empty (0 bytes; a truncated download?); download the database again\n"
    );

    let source = copy_of(&fixture("onet"));
    let text = std::fs::read_to_string(source.path().join("Skills.txt")).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(source.path().join("Skills.txt"), utf16).unwrap();
    let args = ["import", "onet", source.path().to_str().unwrap()];
    assert_eq!(
        env.fails(&args, 1),
        "careers: error: Skills.txt is not UTF-8 text (UTF-16?); import O*NET's text edition (e.g. db_29_2_text), whose files are UTF-8\n"
    );
}

#[test]
fn follow_on_rows_of_one_bad_code_are_grouped_and_do_not_hide_the_other_errors() {
    let source = copy_of(&fixture("onet-malformed"));
    let path = source.path().join("Alternate Titles.txt");
    let mut bytes = std::fs::read(&path).unwrap();
    for _ in 0..25 {
        bytes.extend(b"99-9999.00\tOrphan Title\tn/a\t08\r\n");
    }
    std::fs::write(&path, bytes).unwrap();
    let env = TestEnv::new();
    let args = ["import", "onet", source.path().to_str().unwrap(), "--force"];
    let report = env.json(&args);
    assert_eq!(report["counts"]["rows_skipped"], 37);
    assert_eq!(report["skipped_rows"].as_array().unwrap().len(), 37);
    let orphan =
        "column 1 \"O*NET-SOC Code\": O*NET-SOC code 99-9999.00 is not in \"Occupation Data.txt\"";
    assert_eq!(
        report["skipped_groups"][3],
        serde_json::json!({"file": "Alternate Titles.txt", "reason": orphan, "rows": 26, "first_line": 8})
    );
    let text = TestEnv::new().width(200).run(&args).stdout;
    assert!(
        text.contains(&format!("• Alternate Titles.txt line 8 and 25 more rows: {orphan}\n• Alternate Titles.txt line 9: column 2 \"Alternate Title\": the bytes are not UTF-8 text, the file's encoding\n")),
        "{text}"
    );
    assert!(
        text.contains("• Skills.txt line 6: column 5 \"Data Value\": Data Value 8.5 is out of the LV scale's range\n"),
        "{text}"
    );
    assert!(!text.contains("more\n"), "{text}");
    // Without --force, the 37 problems fail the import: the first 20 listed, by file, line and
    // column, and the rest counted.
    let err = TestEnv::new().fails(&args[..3], 1);
    assert!(
        err.starts_with(&format!(
            "careers: error: {} has 37 rows that cannot be read: Occupation Data.txt line 8: expected 3 fields, found 2; Occupation Data.txt line 9, column 1 \"O*NET-SOC Code\": \"15-205X.00\" is not an O*NET-SOC code; ",
            source.path().display()
        )),
        "{err}"
    );
    assert!(
        err.ends_with("; and 17 more; nothing was imported and the previous import is kept (download the database again, or pass --force to import the rest, marking each occupation a left-out row names incomplete)\n"),
        "{err}"
    );
    assert_eq!(err.matches(" line ").count(), 20, "{err}");
}

#[test]
fn education_keeps_the_distribution_and_flags_what_o_net_recommends_suppressing() {
    let env = imported();
    // 60% Bachelor's is flagged "Recommend Suppress"; 40% Master's is not. Both are kept.
    assert_eq!(
        env.json(&["show", "15-1299.08"])["onet"]["education"],
        serde_json::json!([
            {"level": "Bachelor's Degree", "percent": 60.0, "recommend_suppress": true},
            {"level": "Master's Degree", "percent": 40.0},
        ])
    );
    let text = env.stdout(&["show", "13-1111.00"]);
    assert!(
        text.contains("O*NET respondents: Bachelor's Degree 70% (uncertain), Master's Degree"),
        "{text}"
    );
}

#[test]
fn a_user_profile_named_like_an_occupation_leaves_its_code_resolving() {
    let env = imported();
    env.stdout(&["new", "data-scientists", "--summary", "Mine."]);
    let mine = env.json(&["show", "data-scientists"]);
    assert_eq!(mine["summary"], "Mine.");
    for query in ["15-2051.00", "15-2051", "data-scientists-15-2051-00"] {
        let occupation = env.json(&["show", query]);
        assert_eq!(occupation["id"], "data-scientists-15-2051-00", "{query}");
        assert_eq!(occupation["onet"]["code"], "15-2051.00", "{query}");
    }
    assert_eq!(
        ids(&env.json(&["list", "--source", "onet"])).len(),
        6,
        "no occupation is dropped"
    );
}

#[test]
#[ignore = "needs ../shared/onet-29.2 (run by .ci/run when it is there)"]
fn an_unknown_hot_technology_lists_the_twenty_most_common_of_the_real_database() {
    let source = shared("onet-29.2");
    let env = TestEnv::new();
    env.stdout(&["import", "onet", source.to_str().unwrap()]);
    let err = env.fails(&["list", "--hot", "adaptability"], 1);
    assert!(
        err.starts_with("careers: error: unknown hot technology \"adaptability\"; known hot technologies: Microsoft Excel, Microsoft Office software, Microsoft Word,")
            && err.ends_with(", and 150 more\n"),
        "{err}"
    );
    assert_eq!(err.matches(", ").count(), 20);
}

/// The warning and error of an import whose `file` does not match its manifest's checksum.
fn checksum_mismatch(onet: &Path, file: &str) -> String {
    format!(
        "the imported O*NET data in {o} cannot be read ({file} does not match its checksum: it was changed or damaged after the import); import it again with `careers import onet FOLDER`, or remove it with `rm -r {o}`; no other release is at hand",
        o = onet.display()
    )
}

#[test]
fn a_damaged_details_file_leaves_the_curated_profile_showing() {
    let env = imported();
    let onet = env.data_dir().join("onet");
    let details = onet.join("details.bin");
    let len = std::fs::metadata(&details).unwrap().len() as usize;
    std::fs::write(&details, vec![b'#'; len]).unwrap();
    // The whole import is damaged: the curated profile shows, with the warning, and without
    // the occupations it links to.
    let why = checksum_mismatch(&onet, "details.bin");
    let out = env.run(&["show", "ml-engineer"]);
    assert_eq!(out.code, Some(0));
    assert!(
        out.stdout
            .starts_with("Machine Learning Engineer (ml-engineer)\n"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("3 of them hot"), "{}", out.stdout);
    assert_eq!(out.stderr, format!("careers: warning: {why}\n"));
    let err = env.fails(&["show", "15-2051.00"], 1);
    assert!(
        err.starts_with(&format!("careers: warning: {why}\n")),
        "{err}"
    );
}

#[test]
fn a_damaged_word_index_is_a_damaged_import() {
    let env = imported();
    let onet = env.data_dir().join("onet");
    // Same length, one byte flipped: only the checksum can tell.
    let words = onet.join("words.bin");
    let mut bytes = std::fs::read(&words).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x01;
    std::fs::write(&words, bytes).unwrap();
    let why = checksum_mismatch(&onet, "words.bin");
    let err = env.fails(&["search", "data"], 1);
    assert_eq!(
        err,
        format!("careers: warning: {why}\ncareers: error: {why}\n")
    );
    let err = env.fails(&["show", "15-2051.00"], 1);
    assert!(
        err.starts_with(&format!("careers: warning: {why}\n")),
        "{err}"
    );
    // Importing again mends it.
    env.stdout(&["import", "onet", fixture("onet").to_str().unwrap()]);
    assert_eq!(
        env.json(&["search", "15-2051"])["results"][0]["id"],
        "data-scientists"
    );
}

#[test]
#[cfg(feature = "embedded")]
fn a_flipped_byte_in_the_stored_index_is_never_served_and_the_embedded_release_answers() {
    let fresh = TestEnv::new().embedded();
    let embedded = fresh.json(&["show", "15-2051.00"]);
    assert!(
        embedded["summary"]
            .as_str()
            .unwrap()
            .starts_with("Develop and implement a set of techniques"),
        "{embedded}"
    );
    let env = TestEnv::new().embedded().with_onet(fixture("onet"));
    let onet = env.data_dir().join("onet");
    let index = onet.join("index.bin");
    let mut bytes = std::fs::read(&index).unwrap();
    bytes[3] ^= 0x20;
    std::fs::write(&index, bytes).unwrap();
    let out = env.run(&["show", "15-2051.00", "--format", "json"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stderr,
        format!(
            "careers: warning: the imported O*NET data in {o} cannot be read (index.bin does not match its checksum: it was changed or damaged after the import); import it again with `careers import onet FOLDER`, or remove it with `rm -r {o}`; answering from the embedded O*NET 29.2 meanwhile\n",
            o = onet.display()
        )
    );
    let shown: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(shown["summary"], embedded["summary"]);
    assert_eq!(shown["skills"], embedded["skills"]);
}
