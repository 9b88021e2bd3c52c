//! BLS Employment Projections 2024-34, embedded: each role's outlook, the ranked lists and their
//! filters, and (with `../shared/bls-ep-2024-34`) every figure against BLS's CSV export of the
//! same release, the import, and a damaged import.

use crate::common::{NOTICE, TestEnv, shared};

/// The projection of `args`' first occupation, from its JSON.
fn first_projection(env: &TestEnv, args: &[&str]) -> serde_json::Value {
    let json = env.json(args);
    json["projections"][0].clone()
}

#[test]
fn data_scientists_get_blss_figures_exact_to_the_release() {
    let env = TestEnv::new().embedded();
    // Employment Projections.csv: 15-2051, 245.9, 328.3, 82.5, 33.5, 23.4, "112,590",
    // Bachelor's degree, None, None.
    let o = first_projection(&env, &["outlook", "data-scientists"]);
    assert_eq!(o["basis"], "same-occupation");
    let p = &o["projection"];
    assert_eq!(p["soc"], "15-2051");
    assert_eq!(p["code"], "15-2051.00");
    assert_eq!(p["id"], "data-scientists");
    assert_eq!(p["employment_base"], 245_900);
    assert_eq!(p["employment_projected"], 328_300);
    assert_eq!(p["change"], 82_500);
    assert_eq!(p["change_percent"], 33.5);
    assert_eq!(p["openings"], 23_400);
    assert_eq!(
        p["ep_median_wage"],
        serde_json::json!({"kind": "dollars", "dollars": 112_590})
    );
    assert_eq!(p["education"], "bachelor");
    assert_eq!(p["experience"], "none");
    assert_eq!(p["training"], "none");
    assert_eq!(o["major_group"]["soc"], "15-0000");
    let json = env.json(&["outlook", "data-scientists"]);
    assert_eq!(json["all_occupations"]["change_percent"], 3.1);
    assert_eq!(
        json["projections_source"]["name"],
        "BLS Employment Projections 2024-34"
    );
    assert_eq!(json["notice"], NOTICE);
}

#[test]
fn a_curated_role_shows_the_pages_dated_claim_beside_blss_projections() {
    let env = TestEnv::new().embedded();
    let json = env.json(&["outlook", "ml-engineer"]);
    let periods: Vec<&str> = json["growth"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["period"].as_str())
        .collect();
    assert!(periods.contains(&"2022-2032"), "{json}");
    let socs: Vec<&str> = json["projections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["projection"]["soc"].as_str().unwrap())
        .collect();
    assert_eq!(socs, ["15-1221", "15-1299", "15-2051"]);
    let out = env.seen(&["outlook", "ml-engineer", "--format", "plain"]);
    assert!(
        out.contains(
            "These figures are for the periods shown; BLS Employment Projections 2024-34 follow."
        ),
        "{out}"
    );
}

#[test]
fn an_occupation_bls_does_not_project_says_so() {
    let env = TestEnv::new().embedded();
    let json = env.json(&["outlook", "55-1011.00"]);
    assert!(json.get("projections").is_none(), "{json}");
    assert_eq!(
        json["no_projections"],
        serde_json::json!([{"kind": "not-projected", "release": "BLS Employment Projections 2024-34", "soc": "55-1011"}])
    );
    let out = env.seen(&["outlook", "55-1011.00", "--format", "plain"]);
    assert!(
        out.contains("No BLS Employment Projections 2024-34 for air-crew-officers: BLS Employment Projections 2024-34 projects neither 55-1011 nor a group of it."),
        "{out}"
    );
    // Mental health counselors (21-1014) are projected only combined with substance abuse
    // counselors (21-1011), as BLS's 21-1018.
    let o = first_projection(&env, &["outlook", "21-1014.00"]);
    assert_eq!(o["basis"], "combined");
    assert_eq!(o["projection"]["soc"], "21-1018");
    assert_eq!(o["projection"]["employment_base"], 483_500);
    // Medical and clinical laboratory technologists (29-2011) only within their broad group,
    // which BLS projects as a line item.
    let o = first_projection(&env, &["outlook", "29-2011.00"]);
    assert_eq!(o["basis"], "group");
    assert_eq!(o["projection"]["soc"], "29-2010");
}

fn socs(json: &serde_json::Value) -> Vec<String> {
    json["occupations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["soc"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_lists_rank_every_occupation_in_every_format() {
    let env = TestEnv::new().embedded();
    let fastest = env.json(&["outlook", "--top", "3"]);
    assert_eq!(socs(&fastest), ["49-9081", "47-2231", "29-1171"]);
    assert_eq!(fastest["matched"], 832);
    let declining = env.json(&["outlook", "--by", "decline", "--top", "2"]);
    for o in declining["occupations"].as_array().unwrap() {
        assert!(o["change_percent"].as_f64().unwrap() < 0.0, "{o}");
    }
    let healthcare = env.json(&[
        "outlook",
        "--group",
        "29,31",
        "--education",
        "postsecondary",
        "--by",
        "openings",
        "--top",
        "3",
    ]);
    assert_eq!(socs(&healthcare), ["31-1120", "31-1131", "31-9092"]);
    for format in ["table", "plain", "markdown"] {
        // Plain's notes, BLS's notice among them, are on stderr.
        let out = env.seen(&[
            "outlook", "--by", "openings", "--top", "2", "--format", format,
        ]);
        assert!(
            format == "plain"
                || out.contains("Occupations with the most openings, 2024-2034 (BLS)"),
            "{out}"
        );
        let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(flat.matches(NOTICE).count(), 1, "{format}: {out}");
    }
    let csv = env.stdout(&["outlook", "--top", "1", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "id",
            "rank",
            "code",
            "soc",
            "title",
            "employment_base",
            "employment_projected",
            "change",
            "change_percent",
            "openings",
            "openings_growth",
            "openings_labor_force_exits",
            "openings_occupational_transfers",
            "self_employed_percent",
            "ep_median_wage",
            "ep_median_wage_kind",
            "education",
            "experience",
            "training",
            "base_year",
            "projected_year",
            "incomplete",
            "attribution"
        ]
    );
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[3], "49-9081");
    assert_eq!(&row[5], "13600");
    assert_eq!(&row[8], "49.9");
    assert_eq!(&row[16], "postsecondary");
    // An official release left nothing out.
    assert_eq!(&row[21], "");
    assert!(row[22].starts_with(NOTICE));
}

#[test]
fn filters_that_take_nothing_and_bad_groups_fail_clearly() {
    let env = TestEnv::new().embedded();
    assert_eq!(
        env.fails(&["outlook", "--group", "55"], 1),
        "careers: error: no occupation BLS projects is in SOC group 55; try fewer filters\n"
    );
    let usage = env.fails(&["outlook", "--group", "2x"], 2);
    assert!(
        usage.contains("a SOC major group is two digits, such as 29 or 15-0000, not \"2x\""),
        "{usage}"
    );
    let conflict = env.fails(&["outlook", "ml-engineer", "--top", "3"], 2);
    assert!(conflict.contains("cannot be used with"), "{conflict}");
}

#[test]
fn without_a_release_the_list_says_how_to_get_one() {
    let env = TestEnv::new();
    assert_eq!(
        env.fails(&["outlook"], 1),
        "careers: error: no BLS Employment Projections release is in use; import one with `careers import projections FILE`\n"
    );
}

#[test]
fn show_compare_and_gap_carry_the_projections() {
    let env = TestEnv::new().embedded();
    let out = env.stdout(&["show", "15-2051.00", "--format", "plain"]);
    assert!(
        out.contains("\tAt a glance\t\tMedian pay $120,230 (BLS OEWS May 2025, National); jobs +33.5% 2024-2034, all occupations +3.1%; 23,400 openings a year; entry: Bachelor's degree (BLS Employment Projections 2024-34)"),
        "{out}"
    );
    let json = env.json(&["show", "15-2051.00", "--section", "outlook"]);
    assert_eq!(
        json["outlook"]["projection"]["projection"]["openings"],
        23_400
    );
    let compare = env.json(&["compare", "data-scientists", "registered-nurses"]);
    assert_eq!(
        compare["roles"][1]["projections"][0]["projection"]["soc"],
        "29-1141"
    );
    let gap = env.json(&["gap", "data-engineer", "data-scientists"]);
    // 33.5 (15-2051) less 8.7 (15-1243).
    assert_eq!(gap["outlook"]["change_percent_difference"], 24.8);
}

/// The rows of BLS's CSV export: (code, employment 2024, change percent, openings, education).
fn csv_rows() -> Vec<(String, String, String, String, String)> {
    let bytes = std::fs::read(shared("bls-ep-2024-34/Employment Projections.csv")).unwrap();
    let text: String = bytes.iter().map(|&b| char::from(b)).collect();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (
                r[1].to_owned(),
                r[2].to_owned(),
                r[5].to_owned(),
                r[6].to_owned(),
                r[8].to_owned(),
            )
        })
        .collect()
}

/// Thousands with one decimal, as the CSV writes them ("1,579.80"), in jobs.
fn jobs(text: &str) -> u64 {
    let t = text.replace(',', "");
    let (whole, frac) = t.split_once('.').unwrap_or((&t, "0"));
    let frac = format!("{frac:0<3}");
    whole.parse::<u64>().unwrap() * 1000 + frac[..3].parse::<u64>().unwrap()
}

#[test]
#[ignore = "needs ../shared/bls-ep-2024-34 (run by .ci/run when it is there)"]
fn the_embedded_lists_are_blss_csv_export_ranked() {
    let env = TestEnv::new().embedded();
    let rows = csv_rows();
    assert_eq!(rows.len(), 832);
    // Every occupation's employment, growth and openings, as `outlook CODE` gives them.
    let all = env.json(&["outlook", "--top", "900"]);
    let listed = all["occupations"].as_array().unwrap();
    assert_eq!(listed.len(), 832);
    for (code, base, percent, openings, education) in &rows {
        let o = listed.iter().find(|o| o["soc"] == code.as_str()).unwrap();
        assert_eq!(o["employment_base"].as_u64(), Some(jobs(base)), "{code}");
        assert_eq!(
            o["change_percent"].as_f64(),
            Some(percent.parse().unwrap()),
            "{code}"
        );
        assert_eq!(o["openings"].as_u64(), Some(jobs(openings)), "{code}");
        let label = o["education"].as_str().unwrap();
        let bls = match label {
            "none" => "No formal educational credential",
            "high-school" => "High school diploma or equivalent",
            "some-college" => "Some college, no degree",
            "postsecondary" => "Postsecondary nondegree award",
            "associate" => "Associate's degree",
            "bachelor" => "Bachelor's degree",
            "master" => "Master's degree",
            "doctoral" => "Doctoral or professional degree",
            other => panic!("{other}"),
        };
        assert_eq!(bls, education, "{code}");
    }
    // "Which healthcare jobs need no degree and have the most openings", from the CSV.
    let no_degree = [
        "No formal educational credential",
        "High school diploma or equivalent",
        "Some college, no degree",
        "Postsecondary nondegree award",
    ];
    let mut expected: Vec<&(String, String, String, String, String)> = rows
        .iter()
        .filter(|r| {
            (r.0.starts_with("29-") || r.0.starts_with("31-")) && no_degree.contains(&r.4.as_str())
        })
        .collect();
    expected.sort_by(|a, b| {
        jobs(&b.3)
            .cmp(&jobs(&a.3))
            .then(jobs(&b.1).cmp(&jobs(&a.1)))
    });
    let json = env.json(&[
        "outlook",
        "--group",
        "29,31",
        "--education",
        "postsecondary",
        "--by",
        "openings",
        "--top",
        "10",
    ]);
    assert_eq!(json["matched"].as_u64(), Some(expected.len() as u64));
    let want: Vec<String> = expected.iter().take(10).map(|r| r.0.clone()).collect();
    assert_eq!(socs(&json), want);
}

#[test]
#[ignore = "needs ../shared/bls-ep-2024-34 (run by .ci/run when it is there)"]
fn an_import_answers_and_a_damaged_one_falls_back_with_a_warning() {
    let env = TestEnv::new().embedded();
    let workbook = shared("bls-ep-2024-34/occupation.xlsx");
    let imported = env.json(&["import", "projections", workbook.to_str().unwrap()]);
    assert_eq!(imported["counts"]["occupations"], 832);
    assert_eq!(imported["release"]["name"], "2024-34");
    let sources = env.json(&["sources"]);
    assert_eq!(sources["projections"]["embedded"], false);
    // One flipped byte in the stored rows: a warning that names the folder and the fix, and the
    // embedded release's answer.
    let stored = env.data_dir().join("projections/projections.bin");
    let mut bytes = std::fs::read(&stored).unwrap();
    bytes[100] ^= 0x20;
    std::fs::write(&stored, bytes).unwrap();
    let out = env.run(&["outlook", "data-scientists", "--format", "json"]);
    assert_eq!(out.code, Some(0));
    let folder = env.data_dir().join("projections");
    assert_eq!(
        out.stderr,
        format!(
            "careers: warning: the imported BLS Employment Projections data in {} cannot be read (projections.bin does not match its checksum: it was changed or damaged after the import); import it again with `careers import projections FILE`, or remove it with `rm -r {}`; answering from the embedded BLS Employment Projections 2024-34 meanwhile\n",
            folder.display(),
            folder.display()
        )
    );
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        json["projections"][0]["projection"]["employment_base"],
        245_900
    );
}

#[test]
fn an_import_of_a_workbook_answers_and_a_malformed_one_keeps_it() {
    let env = TestEnv::new();
    let good = env.root().join("occupation.xlsx");
    crate::common::projections_workbook(&good);
    let imported = env.json(&["import", "projections", good.to_str().unwrap()]);
    assert_eq!(imported["counts"]["occupations"], 1);
    assert_eq!(imported["counts"]["groups"], 1);
    assert_eq!(
        imported["release"],
        serde_json::json!({"name": "2024-34", "published": "August 2025"})
    );
    let list = env.json(&["outlook"]);
    assert_eq!(socs(&list), ["15-2051"]);
    assert_eq!(list["occupations"][0]["employment_base"], 245_900);
    assert_eq!(list["occupations"][0]["openings_growth"], 8_300);
    // A figure that is not a number: the import fails naming the cell, and the first stays.
    let bad = env.root().join("bad.xlsx");
    crate::common::projections_workbook_with(&bad, Some("lots"));
    let err = env.fails(&["import", "projections", bad.to_str().unwrap()], 1);
    assert_eq!(
        err,
        format!(
            "careers: error: {} has 1 row that cannot be read (sheet \"Sheet1\", row 4, column D: \"lots\" is not a number); nothing was imported and the current import is kept (pass --force to import the rest)\n",
            bad.display()
        )
    );
    assert_eq!(socs(&env.json(&["outlook"])), ["15-2051"]);
    // --force takes the rest; then nothing is left to rank by growth but the summary is kept.
    let forced = env.run(&["import", "projections", bad.to_str().unwrap(), "--force"]);
    assert_eq!(forced.code, Some(1), "{}", forced.stderr);
    assert!(
        forced.stderr.contains("holds no occupation BLS projects"),
        "{}",
        forced.stderr
    );
}

const STATISTICIAN: &str = r#"{"id":"statistician","title":"Statistician","summary":"Models data.","codes":[{"system":"onet-soc","code":"15-2041.00","title":"Statisticians"}]}"#;

#[test]
fn a_row_left_out_under_force_makes_its_occupation_incomplete() {
    let env = TestEnv::new()
        .in_scratch()
        .with_profile("statistician.json", STATISTICIAN);
    let bad = env.root().join("occupation.xlsx");
    crate::common::projections_workbook_with_statisticians(&bad, "lots", None);
    // Strict by default: nothing is imported.
    let err = env.fails(&["import", "projections", "occupation.xlsx"], 1);
    assert_eq!(
        err,
        "careers: error: occupation.xlsx has 1 row that cannot be read (sheet \"Sheet1\", row 5, column D: \"lots\" is not a number); nothing was imported and the current import is kept (pass --force to import the rest)\n"
    );
    let forced = env.run(&["import", "projections", "occupation.xlsx", "--force"]);
    assert!(forced.success(), "{}", forced.stderr);
    let why = "a row of BLS's workbook for it could not be read and the import left it out (occupation.xlsx, sheet \"Sheet1\", row 5, column D: \"lots\" is not a number)";
    // The record on stdout, the sentence on stderr.
    let plain = env.run(&["outlook", "statistician", "--format", "plain"]);
    assert_eq!(
        plain.stdout,
        format!(
            "statistician\tincomplete\t15-2041\tincomplete\t\t\t{why}\t2024-2034\tBLS Employment Projections 2024-34\n"
        )
    );
    assert!(
        plain.stderr.contains(&format!(
            "No BLS Employment Projections 2024-34 for statistician: 15-2041 (incomplete: {why}).\n"
        )),
        "{}",
        plain.stderr
    );
    let json = env.json(&["outlook", "statistician"]);
    assert_eq!(
        json["no_projections"],
        serde_json::json!([{"kind": "incomplete", "soc": "15-2041", "incomplete": why}])
    );
    let csv = env.stdout(&["outlook", "statistician", "--format", "csv"]);
    assert_eq!(
        csv,
        format!(
            "id,part,what,status,value,unit,text,period,source,attribution\nstatistician,incomplete,15-2041,incomplete,,,\"{}\",2024-2034,BLS Employment Projections 2024-34,\n",
            why.replace('"', "\"\"")
        )
    );
    // Asked for by its BLS code, without O*NET's occupations: still BLS's, and incomplete.
    let json = env.json(&["outlook", "15-2041"]);
    assert_eq!(
        json["no_projections"],
        serde_json::json!([{"kind": "incomplete", "soc": "15-2041", "incomplete": why}])
    );
    // The lists rank the rest and say which occupation is not ranked, and why.
    let list = env.run(&["outlook", "--format", "plain"]);
    assert_eq!(
        list.stdout,
        "\t1\t\t15-2051\tData scientists\t245900\t328300\t82500\t33.5\t23400\t8300\t5800\t9300\t1.8\t112590\tdollars\tbachelor\tnone\tnone\t2024\t2034\t\n"
    );
    assert!(
        list.stderr.contains(&format!(
            "Not ranked, as the import left out its row: 15-2041 (incomplete: {why}).\n"
        )),
        "{}",
        list.stderr
    );
    let list = env.json(&["outlook"]);
    assert_eq!(
        list["left_out"],
        serde_json::json!([{"kind": "incomplete", "soc": "15-2041", "incomplete": why}])
    );
    // Data scientists' row was read: their outlook is whole.
    let scientists = env.json(&["outlook", "15-2051"]);
    assert_eq!(
        scientists["projections"][0]["projection"]["employment_base"],
        245_900
    );
    assert_eq!(
        scientists["projections"][0]["projection"].get("incomplete"),
        None
    );
}

#[test]
fn a_row_left_out_that_names_no_occupation_makes_every_answer_incomplete() {
    let env = TestEnv::new()
        .in_scratch()
        .with_profile("statistician.json", STATISTICIAN);
    let bad = env.root().join("occupation.xlsx");
    crate::common::projections_workbook_with_statisticians(&bad, "36.7", Some("15-20X1"));
    let forced = env.run(&["import", "projections", "occupation.xlsx", "--force"]);
    assert!(forced.success(), "{}", forced.stderr);
    let why = "a row of BLS's workbook could not be read, nor which occupation it is for, and the import left it out (occupation.xlsx, sheet \"Sheet1\", row 5, column B: \"15-20X1\" is not an occupation code like 15-2051); any answer from this release may be missing figures";
    let plain = env.stdout(&["outlook", "15-2051", "--format", "plain"]);
    assert!(
        plain.ends_with(&format!(
            "15-2051\teducation\tData scientists (15-2051)\tpublished\tbachelor\tcategory\tBachelor's degree\t2024-2034\tBLS Employment Projections 2024-34\n15-2051\tincomplete\tData scientists (15-2051)\tincomplete\t\t\t{why}\t2024-2034\tBLS Employment Projections 2024-34\n"
        )),
        "{plain}"
    );
    // For people, the sentence above the figures.
    let markdown = env.stdout(&["outlook", "15-2051", "--format", "markdown"]);
    assert!(
        markdown.contains("\nIncomplete: a row of BLS's workbook could not be read, nor which occupation it is for"),
        "{markdown}"
    );
    let json = env.json(&["outlook", "15-2051"]);
    assert_eq!(json["projections"][0]["projection"]["incomplete"], why);
    let json = env.json(&["outlook", "statistician"]);
    assert_eq!(
        json["no_projections"],
        serde_json::json!([{"kind": "incomplete", "soc": "15-2041", "incomplete": why}])
    );
    let csv = env.stdout(&["outlook", "--format", "csv"]);
    assert_eq!(
        csv,
        format!(
            "id,rank,code,soc,title,employment_base,employment_projected,change,change_percent,openings,openings_growth,openings_labor_force_exits,openings_occupational_transfers,self_employed_percent,ep_median_wage,ep_median_wage_kind,education,experience,training,base_year,projected_year,incomplete,attribution\n,1,,15-2051,Data scientists,245900,328300,82500,33.5,23400,8300,5800,9300,1.8,112590,dollars,bachelor,none,none,2024,2034,\"{}\",{NOTICE}\n",
            why.replace('"', "\"\"")
        )
    );
}

#[test]
fn show_find_and_compare_say_which_projections_are_incomplete() {
    let env = TestEnv::new()
        .in_scratch()
        .with_profile("statistician.json", STATISTICIAN);
    let bad = env.root().join("occupation.xlsx");
    crate::common::projections_workbook_with_statisticians(&bad, "lots", None);
    let forced = env.run(&["import", "projections", "occupation.xlsx", "--force"]);
    assert!(forced.success(), "{}", forced.stderr);
    let why = "a row of BLS's workbook for it could not be read and the import left it out (occupation.xlsx, sheet \"Sheet1\", row 5, column D: \"lots\" is not a number)";
    // find: the role is counted as lacking its growth, with why.
    let found = env.json(&["find", "--growth", "1"]);
    assert_eq!(
        found["left_out"],
        serde_json::json!([{"lacking": "growth", "count": 4, "incomplete": [{"id": "statistician", "incomplete": why}]}])
    );
    let plain = env.seen(&["find", "--growth", "1", "--format", "plain"]);
    assert!(
        plain.contains(&format!("\nLeft out, lacking a figure a filter needs: 4 roles have no BLS projected growth (statistician: incomplete: {why}).\n")),
        "{plain}"
    );
    // compare: each role's occupations, the one left out among them.
    let plain = env.stdout(&[
        "compare",
        "statistician",
        "data-engineer",
        "--format",
        "plain",
    ]);
    for id in ["statistician", "data-engineer"] {
        assert!(
            plain.contains(&format!("\n{id}\tincomplete\t15-2041\tincomplete\t\t\t{why}\t2024-2034\tBLS Employment Projections 2024-34\n")),
            "{plain}"
        );
    }
    // gap: the outlook is not compared, and the report says why.
    let json = env.json(&["gap", "statistician", "data-engineer"]);
    assert_eq!(json.get("outlook"), None);
    assert_eq!(
        json["outlook_incomplete"],
        serde_json::json!([{"id": "statistician", "soc": "15-2041", "incomplete": why}])
    );
    let seen = env.seen(&["gap", "statistician", "data-engineer", "--format", "plain"]);
    assert!(
        seen.contains(&format!("outlook-incomplete\t\t15-2041\t{why}\t\t\t\t\t\n")),
        "{seen}"
    );
    assert!(
        seen.contains(&format!(
            "The outlook is not compared: statistician's projection 15-2041 is incomplete: {why}.\n"
        )),
        "{seen}"
    );
    // show: the outlook section of the O*NET occupation says why it has no projection.
    let env = env.embedded();
    let plain = env.seen(&["show", "15-2041.00", "--format", "markdown"]);
    assert!(
        plain.contains(&format!("\n## Outlook 2024-2034 (BLS)\n\n> No BLS Employment Projections 2024-34: 15-2041 (incomplete: {why}).\n")),
        "{plain}"
    );
    let json = env.json(&["show", "15-2041.00"]);
    assert_eq!(
        json["outlook"]["no_projection"],
        serde_json::json!({"kind": "incomplete", "soc": "15-2041", "incomplete": why})
    );
}
