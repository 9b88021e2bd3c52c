//! The embedded dataset (O*NET 29.2 and BLS OEWS May 2025 in `data/embedded/`): what a fresh
//! install answers with an empty data folder, what `sources` says of it, and how an import
//! takes its place. Figures are BLS's, from `oe.data.0.Current` of the May 2025 release.

use serde_json::Value;

use crate::common::{ATTRIBUTION, TestEnv, copy_files, figure, fixture, shared};

#[test]
fn show_answers_for_occupations_outside_the_curated_roles() {
    let env = TestEnv::new().embedded();
    let ds = env.json(&["show", "data-scientists"]);
    assert_eq!(ds["id"], "data-scientists");
    assert_eq!(ds["title"], "Data Scientists");
    assert_eq!(ds["onet"]["code"], "15-2051.00");
    assert_eq!(ds["origin"]["kind"], "onet");
    // It shows O*NET 29.0's skill and knowledge ratings too, and names that release.
    assert_eq!(ds["onet"]["ratings_release"], "29.0");
    assert_eq!(ds["attribution"], crate::ratings::ATTRIBUTION_WITH_RATINGS);
    assert_eq!(
        env.json(&["show", "data-scientists", "--section", "tasks"])["attribution"],
        ATTRIBUTION
    );
    let text = env.stdout(&["show", "47-2111.00", "--format", "plain"]);
    assert!(
        text.starts_with("electricians\t\tTitle\t\tElectricians\nelectricians\t\t\t\tInstall, maintain, and repair electrical wiring, equipment, and fixtures."),
        "{text}"
    );
    assert!(
        text.contains("\nelectricians\t\tSource\t\tO*NET 29.2 Database\n"),
        "{text}"
    );
}

#[test]
fn search_finds_occupations_by_what_people_call_them() {
    let env = TestEnv::new().embedded();
    let hits = env.json(&["search", "electrician"]);
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
    let env = TestEnv::new().embedded();
    let out = env.json(&["salary", "registered-nurses", "--city", "Boston"]);
    let official = &out["official"][0];
    assert_eq!(official["id"], "registered-nurses");
    let occupation = &official["occupations"][0];
    assert_eq!(occupation["occupation"]["soc"], "29-1141");
    let estimate = &occupation["estimates"][0];
    assert_eq!(estimate["area"]["code"], "0014460");
    assert_eq!(estimate["area"]["name"], "Boston-Cambridge-Newton, MA-NH");
    // OEUM001446000000029114101 and ...13 in oe.data.0.Current.
    assert_eq!(figure(estimate, "employment")["value"], 64240);
    assert_eq!(figure(estimate, "annual-median")["value"], 106_180);
    assert_eq!(out["official_source"]["name"], "BLS OEWS May 2025");
    // The role's title and code are O*NET's, so the output carries its attribution.
    assert_eq!(out["attribution"], ATTRIBUTION);
}

#[test]
fn where_ranks_every_metro_for_any_occupation() {
    let env = TestEnv::new().embedded();
    let out = env.run(&["where", "software-developers", "--format", "plain"]);
    let text = out.stdout;
    assert!(
        text.starts_with(
            "software-developers\t15-1252\tSoftware Developers\t1\t0041940\tSan Jose-Sunnyvale-Santa Clara, CA\t213110\tpublished\t221710\t87350\t76.962\t7.09\t"
        ),
        "{text}"
    );
    assert_eq!(text.lines().count(), 10, "{text}");
    assert!(
        out.stderr
            .contains("10 of 513 metro areas with an estimate."),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.ends_with(&format!("\n{ATTRIBUTION}\n")),
        "{}",
        out.stderr
    );
}

#[test]
fn match_and_list_cover_every_occupation() {
    let env = TestEnv::new().embedded();
    let matches = env.json(&["match", "--skills", "python,sql"]);
    // Both are vocabulary skills, read from the occupations' own skill lists: in Technology
    // Skills.txt, 131 occupations have the example "Python" and 151 "Structured query language
    // SQL", which map onto them.
    assert_eq!(matches["inputs"][0]["occupations_listing"], 131);
    assert_eq!(matches["inputs"][1]["occupations_listing"], 151);
    let first = &matches["ranking"][0];
    assert_eq!(first["matched"], 2, "{first}");
    // Every role is ranked, those that list no technology too: ratings weigh every input.
    assert_eq!(matches["ranked"], 1_016 + 5);
    let list = env.json(&["list"]);
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
    let env = TestEnv::new().embedded();
    let out = env.json(&["sources"]);
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
    assert_eq!(wages["counts"]["estimates"], 253_832);
    assert!(wages["folder"].is_null(), "{wages}");
}

#[test]
fn an_import_replaces_the_embedded_release_of_its_kind() {
    let env = TestEnv::new().embedded().with_onet(fixture("onet"));
    let sources = env.json(&["sources"]);
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
        env.data_dir().join("onet").display().to_string()
    );
    assert_eq!(onet["imported_from"], fixture("onet").display().to_string());
    // The fixture's six good occupations, not O*NET's 1,016; its own words for Data Scientists.
    assert_eq!(onet["profiles"], 6);
    let ds = env.json(&["show", "data-scientists"]);
    assert_eq!(
        ds["summary"],
        "Turn raw data into useful information with statistics and software."
    );
    // The embedded occupations are gone with the embedded release.
    let out = env.run(&["show", "electricians"]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr
            .starts_with("careers: error: unknown role \"electricians\""),
        "{}",
        out.stderr
    );
    // OEWS is still the embedded release until it is imported too.
    assert_eq!(sources["wages"]["embedded"], true);
    let env = env.with_oews(fixture("oews"));
    let sources = env.json(&["sources"]);
    assert_eq!(sources["wages"]["embedded"], false);
    assert_eq!(
        sources["wages"]["folder"],
        env.data_dir().join("oews").display().to_string()
    );
}

#[test]
#[ignore = "imports O*NET 29.2 with 29.0's ratings, OEWS May 2025, EP 2024-34 and BEA's RPP from ../shared; .ci/run runs it when they are there"]
fn importing_the_releases_it_embeds_changes_no_answer() {
    let embedded = TestEnv::new().embedded();
    let imported = TestEnv::new();
    let onet = imported.run(&[
        "import",
        "onet",
        shared("onet-29.2").to_str().unwrap(),
        "--ratings",
        shared("onet-29.0-skills").to_str().unwrap(),
    ]);
    assert!(onet.success(), "{}", onet.stderr);
    let prices = imported.run(&["import", "prices", shared("bea-rpp-2024").to_str().unwrap()]);
    assert!(prices.success(), "{}", prices.stderr);
    let imported = imported
        .with_oews(shared("oews-2025"))
        .with_projections(shared("bls-ep-2024-34/occupation.xlsx"));
    for args in [
        &["outlook", "data-scientists"][..],
        &["outlook", "--top", "10"],
        &["show", "data-scientists"],
        &["show", "47-2111.00", "--full"],
        &["show", "ml-engineer"],
        &["search", "electrician"],
        &["salary", "registered-nurses", "--city", "Boston"],
        &["salary", "data-scientists", "--city", "Seattle,Austin"],
        &["where", "software-developers"],
        &["where", "software-developers", "--by", "real-median"],
        &["worth", "120000", "Austin", "150000", "San Francisco"],
        &["places", "rural", "Montana"],
        &["match", "--skills", "python,sql"],
        &["compare", "data-scientists", "ml-engineer"],
        &["gap", "registered-nurses", "nurse-practitioners"],
        &["moves", "25-2031.00", "--up"],
        &["show", "29-1141.00", "--section", "ratings"],
        &["list"],
    ] {
        assert_eq!(embedded.stdout(args), imported.stdout(args), "{args:?}");
    }
}

#[test]
fn an_import_that_cannot_be_read_leaves_the_embedded_release_answering() {
    let env = TestEnv::new().embedded().with_onet(fixture("onet"));
    // As an import stored by an older version of careers would be.
    let manifest = env.data_dir().join("onet/manifest.json");
    let mut stored: Value =
        serde_json::from_str(&std::fs::read_to_string(&manifest).unwrap()).unwrap();
    stored["format"] = 10.into();
    std::fs::write(&manifest, stored.to_string()).unwrap();
    let out = env.run(&["show", "electricians", "--format", "json"]);
    assert_eq!(out.code, Some(0));
    let shown: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(shown["onet"]["code"], "47-2111.00");
    let onet = env.data_dir().join("onet");
    assert_eq!(
        out.stderr,
        format!(
            "careers: warning: the imported O*NET data in {o} cannot be read (it is in format 10, this version reads format 11); import it again with `careers import onet FOLDER`, or remove it with `rm -r {o}`; answering from the embedded O*NET 29.2 meanwhile\n",
            o = onet.display()
        )
    );
}

#[test]
fn an_occupation_whose_id_and_renamed_id_are_taken_still_gets_an_id_of_its_own() {
    let mut env = TestEnv::new().embedded();
    for id in ["data-scientists", "data-scientists-15-2051-00"] {
        env = env.with_profile(
            &format!("{id}.json"),
            &format!(r#"{{"id": "{id}", "title": "Mine {id}", "summary": "A profile of mine."}}"#),
        );
    }
    let list = env.json(&["list"]);
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
    let ds = env.json(&["show", "15-2051.00"]);
    assert_eq!(ds["id"], "data-scientists-15-2051-00-2");
    assert_eq!(ds["title"], "Data Scientists");
    let mine = env.json(&["show", "data-scientists-15-2051-00"]);
    assert_eq!(mine["title"], "Mine data-scientists-15-2051-00");
}

#[test]
fn a_folder_name_with_a_newline_stays_on_its_line_in_sources() {
    let env = TestEnv::new().embedded();
    let source = env.data_dir().join("bad\nFAKE line");
    std::fs::create_dir(&source).unwrap();
    copy_files(&fixture("onet"), &source);
    let env = env.with_onet(&source);
    let out = env.stdout(&["sources", "--format", "plain"]);
    assert!(!out.contains("\nFAKE line"), "{out}");
    assert!(out.contains("bad\\u{a}FAKE line"), "{out}");
}
