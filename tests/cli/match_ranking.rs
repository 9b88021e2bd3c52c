//! `careers match` (and `gap`'s technologies) over the embedded O*NET 29.2 (with 29.0's
//! ratings), OEWS and projections: the cases issue 25 names give the answers a person would
//! expect, in every format; and, when `../shared` is there, every importance a row shows is the
//! one O*NET's files give, and every technology is listed by the occupations its file names.

use std::collections::HashMap;

use crate::common::{TestEnv, match_inputs, shared};

fn env() -> TestEnv {
    TestEnv::new().embedded().width(100)
}

/// The report of `match ARGS --format json` at `--top top`.
fn report(env: &TestEnv, args: &[&str], top: &str) -> serde_json::Value {
    let mut all = vec!["match"];
    all.extend(args);
    all.extend(["--top", top]);
    env.json(&all)
}

/// (id, code, score) of each ranked row.
fn rows(report: &serde_json::Value) -> Vec<(String, String, f64)> {
    report["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["id"].as_str().unwrap().to_owned(),
                m["code"].as_str().unwrap_or_default().to_owned(),
                m["score"].as_f64().unwrap(),
            )
        })
        .collect()
}

/// The position of `id` in the ranking.
fn rank(report: &serde_json::Value, id: &str) -> Option<usize> {
    rows(report).iter().position(|r| r.0 == id)
}

/// Every ranked row's O*NET-SOC code starts with one of `prefixes`.
fn codes_start_with(report: &serde_json::Value, prefixes: &[&str]) {
    for (id, code, _) in rows(report) {
        assert!(prefixes.iter().any(|p| code.starts_with(p)), "{id} {code}");
    }
}

/// The same ranking in every format: the table and Markdown name the first rows in order, CSV
/// has a record a row in the JSON's order.
fn same_in_every_format(env: &TestEnv, args: &[&str]) {
    let json = report(env, args, "5");
    let ids: Vec<String> = rows(&json).into_iter().map(|r| r.0).collect();
    let mut all = vec!["match"];
    all.extend(args);
    all.extend(["--top", "5"]);
    for format in ["table", "markdown"] {
        let mut with = all.clone();
        with.extend(["--format", format]);
        let out = env.stdout(&with);
        let at: Vec<usize> = ids
            .iter()
            .map(|id| out.find(id.as_str()).unwrap())
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{format}: {out}");
    }
    let mut csv = all.clone();
    csv.extend(["--format", "csv"]);
    let out = env.stdout(&csv);
    let csv_ids: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(csv_ids, ids, "{out}");
}

/// The rows tied on a score are in the order the rule states: higher median pay, then id; and
/// no more than `most` share a score in the top 10.
fn ties_follow_the_rule(report: &serde_json::Value, most: usize) {
    let ranking = report["ranking"].as_array().unwrap();
    let pay = |m: &serde_json::Value| m["median_pay"]["dollars"].as_u64();
    for w in ranking.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        assert!(a["score"].as_f64() >= b["score"].as_f64(), "{a} before {b}");
        if a["score"] == b["score"] {
            assert!(
                pay(a) > pay(b) || (pay(a) == pay(b) && a["id"].as_str() < b["id"].as_str()),
                "{a} before {b}"
            );
        }
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    for m in ranking.iter().take(10) {
        *counts.entry(m["score"].to_string()).or_default() += 1;
    }
    assert!(counts.values().all(|&n| n <= most), "{counts:?}");
}

#[test]
fn a_teachers_skills_rank_teachers() {
    let env = env();
    let args = ["--skills", "instructing,speaking,english"];
    let r = report(&env, &args, "10");
    // "english" is the start of one O*NET name, the knowledge area English Language.
    assert_eq!(
        r["inputs"],
        serde_json::json!([
            {"name": "Instructing", "kind": "skill", "element_id": "2.B.1.e"},
            {"name": "Speaking", "kind": "skill", "element_id": "2.A.1.d"},
            {"name": "English Language", "kind": "knowledge", "element_id": "2.C.7.a"},
        ])
    );
    // Every one of the top 10 is a postsecondary teacher (SOC 25-1xxx).
    codes_start_with(&r, &["25-1"]);
    assert_eq!(
        rows(&r)[0].0,
        "anthropology-and-archeology-teachers-postsecondary"
    );
    ties_follow_the_rule(&r, 3);
    same_in_every_format(&env, &args);
}

#[test]
fn a_nurse_ranks_health_care_roles() {
    let env = env();
    let args = ["--from", "registered-nurses"];
    let r = report(&env, &args, "10");
    assert_eq!(r["from"], "registered-nurses");
    let inputs = match_inputs(&r);
    // The nurse's own: what it rates at least 3 and a standard deviation above the average
    // occupation, then the technologies its profile maps (O*NET lists Apache Spark for nurses).
    assert_eq!(
        inputs[..3],
        [
            "Psychology",
            "Customer and Personal Service",
            "Medicine and Dentistry"
        ]
    );
    assert!(inputs.contains(&"Therapy and Counseling"), "{inputs:?}");
    assert!(
        !inputs.contains(&"Speaking"),
        "every job speaks: {inputs:?}"
    );
    // The top 10 are health care practitioners (29-), psychologists (19-3039) and a counselor
    // (21-1011), an advanced practice psychiatric nurse among the first five.
    codes_start_with(&r, &["29-", "19-3039", "21-1011"]);
    assert!(rank(&r, "advanced-practice-psychiatric-nurses").is_some_and(|i| i < 5));
    assert_eq!(
        rank(&r, "registered-nurses"),
        None,
        "the role itself is not ranked"
    );
    ties_follow_the_rule(&r, 2);
    same_in_every_format(&env, &args);
}

#[test]
fn a_students_drawing_biology_and_writing_rank_life_and_health_science() {
    let env = env();
    let args = ["--skills", "drawing,biology,writing"];
    let r = report(&env, &args, "10");
    // O*NET has no skill "drawing", but lists drawing software (pedigree drawing for genetic
    // counselors, composite drawing for police sketch artists): it is a technology, and no
    // error. The occupations listing it rate Therapy and Counseling most above the average.
    assert_eq!(r["unknown"], serde_json::json!([]));
    assert_eq!(
        r["inputs"],
        serde_json::json!([
            {"name": "drawing", "kind": "technology", "occupations_listing": 15, "related": "Therapy and Counseling"},
            {"name": "Biology", "kind": "knowledge", "element_id": "2.C.4.d"},
            {"name": "Writing", "kind": "skill", "element_id": "2.A.1.c"},
        ])
    );
    // Genetic counselors list pedigree drawing software and rate Biology highly: first.
    assert_eq!(rows(&r)[0].0, "genetic-counselors");
    codes_start_with(&r, &["29-", "19-1"]);
    ties_follow_the_rule(&r, 2);
    same_in_every_format(&env, &args);
}

#[test]
fn autocad_and_revit_rank_architects_and_drafters() {
    let env = env();
    let args = ["--skills", "autocad,revit"];
    let r = report(&env, &args, "12");
    // Neither is in the vocabulary: both are O*NET technologies by whole words ("Autodesk
    // AutoCAD", "Autodesk Revit"), weighed with the knowledge area Design.
    assert_eq!(r["inputs"][0]["related"], "Design");
    assert_eq!(r["inputs"][1]["related"], "Design");
    assert_eq!(rows(&r)[0].1, "17-1011.00", "architects first");
    // Architectural and civil drafters list both hot and in demand too, and rate Design 4.32:
    // 11th, among the other drafters, architects, engineers and designers that list both.
    let codes: Vec<String> = rows(&r).into_iter().map(|r| r.1).collect();
    assert_eq!(codes[10], "17-3011.00", "{codes:?}");
    for fit in r["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m["fits"].as_array().unwrap())
    {
        assert_eq!(fit["listed"]["by"], "onet", "{fit}");
    }
    let first = &r["ranking"][0];
    assert_eq!(
        first["fits"][0]["listed"],
        serde_json::json!({"name": "Autodesk AutoCAD", "by": "onet", "hot": true, "in_demand": true})
    );
    ties_follow_the_rule(&r, 2);
    same_in_every_format(&env, &args);
}

#[test]
fn python_sql_and_spark_rank_the_curated_data_engineer_with_its_occupation() {
    let env = env();
    let args = ["--skills", "python,sql,spark"];
    let r = report(&env, &args, "10");
    // The curated role lists all three, which counts as O*NET's hot and in demand, and is
    // weighed with the ratings of its first linked occupation, Database Architects: the same
    // score as that occupation, which lists all three hot and in demand.
    let engineer = rank(&r, "data-engineer").unwrap();
    assert!(engineer < 6, "{:?}", rows(&r));
    let architects = rank(&r, "database-architects").unwrap();
    assert_eq!(rows(&r)[engineer].2, rows(&r)[architects].2);
    assert_eq!(architects, engineer + 1, "same pay, then by id");
    let row = &r["ranking"][engineer];
    assert_eq!(row["code"], "15-1243.00");
    assert_eq!(row["soc"], "15-1243");
    assert_eq!(row["job_zone"], 4);
    assert!(row["median_pay"]["dollars"].as_u64().is_some(), "{row}");
    assert!(row["growth_percent"].as_f64().is_some(), "{row}");
    // Geographers list both Python and SQL but rate Programming low: not in the top 40.
    let r40 = report(&env, &["--skills", "python,sql"], "40");
    assert_eq!(rank(&r40, "geographers"), None);
    ties_follow_the_rule(&r, 3);
    same_in_every_format(&env, &args);
}

#[test]
fn python_sql_and_statistics_rank_statisticians_among_programmers() {
    let env = env();
    let r = report(&env, &["--skills", "python,sql,statistics"], "30");
    assert!(rank(&r, "biostatisticians").is_some_and(|i| i < 5));
    assert!(rank(&r, "statisticians").is_some_and(|i| i < 15));
    assert!(rank(&r, "data-scientists").is_some_and(|i| i < 30));
    for short_list in [
        "geographers",
        "transportation-engineers",
        "cartographers-and-photogrammetrists",
    ] {
        assert_eq!(rank(&r, short_list), None, "{short_list}");
    }
    ties_follow_the_rule(&r, 3);
}

#[test]
fn the_city_sets_the_pay_shown() {
    let env = env();
    let national = report(&env, &["--skills", "instructing"], "3");
    let seattle = report(&env, &["--skills", "instructing", "--city", "Seattle"], "3");
    assert_eq!(national["place"]["kind"], "national");
    assert_eq!(seattle["place"]["code"], "0042660");
    let table = env.stdout(&[
        "match",
        "--skills",
        "instructing",
        "--city",
        "Seattle",
        "--top",
        "3",
    ]);
    assert!(
        table.contains("median pay in Seattle-Tacoma-Bellevue, WA"),
        "{table}"
    );
    let err = env.fails(
        &["match", "--skills", "instructing", "--city", "Atlantis"],
        1,
    );
    assert!(
        err.starts_with("careers: error: unknown place \"Atlantis\""),
        "{err}"
    );
}

/// Importance (IM) of each element by occupation, from O*NET's `Skills.txt` and
/// `Knowledge.txt`, leaving out what O*NET recommends suppressing.
fn importance_from_files() -> HashMap<(String, String), f64> {
    let mut out = HashMap::new();
    for file in ["Skills.txt", "Knowledge.txt"] {
        let text = std::fs::read_to_string(shared("onet-29.0-skills").join(file)).unwrap();
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
        let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
        let (code, element, scale, value, suppress) = (
            col("O*NET-SOC Code"),
            col("Element Name"),
            col("Scale ID"),
            col("Data Value"),
            col("Recommend Suppress"),
        );
        for line in lines {
            let f: Vec<&str> = line.split('\t').collect();
            if f[scale] == "IM" && f[suppress] != "Y" {
                out.insert(
                    (f[code].to_owned(), f[element].to_owned()),
                    f[value].parse().unwrap(),
                );
            }
        }
    }
    out
}

#[test]
#[ignore = "needs ../shared/onet-29.0-skills"]
fn every_importance_and_score_is_o_nets_by_the_stated_rule() {
    let env = env();
    let importance = importance_from_files();
    for skills in ["instructing,speaking,english", "drawing,biology,writing"] {
        let r = report(&env, &["--skills", skills], "10");
        let inputs = r["inputs"].as_array().unwrap();
        for row in r["ranking"].as_array().unwrap() {
            let code = row["code"].as_str().unwrap();
            let mut sum = 0.0;
            for (fit, input) in row["fits"].as_array().unwrap().iter().zip(inputs) {
                let element = input["related"]
                    .as_str()
                    .or(input["name"].as_str())
                    .unwrap();
                let expected = importance[&(code.to_owned(), element.to_owned())];
                assert_eq!(
                    fit["importance"].as_f64().unwrap(),
                    expected,
                    "{code} {element}"
                );
                assert_eq!(fit["rated"], true);
                let scaled = (expected - 1.0) / 4.0;
                let score = match input["kind"].as_str().unwrap() {
                    "technology" => {
                        let listed = &fit["listed"];
                        let listing = if listed.is_null() {
                            0.0
                        } else {
                            0.5 + 0.25
                                * f64::from(
                                    u8::from(listed["hot"] == true)
                                        + u8::from(listed["in_demand"] == true),
                                )
                        };
                        f64::midpoint(listing, scaled)
                    }
                    _ => scaled,
                };
                assert!(
                    (fit["score"].as_f64().unwrap() - score).abs() <= 0.0051,
                    "{fit}"
                );
                sum += score;
            }
            let mean = sum / inputs.len() as f64 * 100.0;
            assert!(
                (row["score"].as_f64().unwrap() - mean).abs() <= 0.05,
                "{row}"
            );
        }
    }
}

#[test]
fn a_commodity_title_matches_every_example_filed_under_it() {
    let env = env();
    let args = ["--skills", "computer aided design"];
    let r = report(&env, &args, "5");
    // Only O*NET's commodity title "Computer aided design CAD software" holds these words; the
    // architects list AutoCAD, hot and in demand, under it and rate Design 4.90.
    assert_eq!(r["inputs"][0]["kind"], "technology");
    assert_eq!(r["inputs"][0]["related"], "Design");
    assert_eq!(rows(&r)[0].1, "17-1011.00", "architects first");
    let first = &r["ranking"][0]["fits"][0];
    assert_eq!(first["listed"]["by"], "onet");
    assert_eq!(first["listed"]["hot"], true);
    assert_eq!(first["listed"]["in_demand"], true);
    assert!(r["unknown"].as_array().unwrap().is_empty());
    same_in_every_format(&env, &args);
}

/// The O*NET-SOC codes whose `Technology Skills.txt` rows have an example or commodity title
/// holding `words` as a run of whole words, in any case.
fn listing_codes(words: &str) -> std::collections::BTreeSet<String> {
    let split = |s: &str| -> Vec<String> {
        s.split(|c: char| !(c.is_alphanumeric() || c == '+' || c == '#'))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let wanted = split(words);
    let text = std::fs::read_to_string(shared("onet-29.2").join("Technology Skills.txt")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (code, example, commodity) = (
        col("O*NET-SOC Code"),
        col("Example"),
        col("Commodity Title"),
    );
    let holds = |s: &str| split(s).windows(wanted.len()).any(|w| w == wanted);
    lines
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| holds(f[example]) || holds(f[commodity]))
        .map(|f| f[code].to_owned())
        .collect()
}

#[test]
#[ignore = "needs ../shared/onet-29.2"]
fn a_technology_is_listed_by_every_occupation_o_nets_file_lists_it_for() {
    let env = env();
    for name in [
        "autocad",
        "computer aided design",
        "epic",
        "quickbooks",
        "spreadsheet",
    ] {
        let r = report(&env, &["--skills", name], "1");
        let expected = listing_codes(name);
        assert_eq!(
            r["inputs"][0]["occupations_listing"],
            expected.len(),
            "{name}"
        );
    }
}

/// (in demand, hot, how many of TO's technologies are of its kind, name) of each technology
/// `gap` ranks for TO.
fn ranked_technologies(report: &serde_json::Value) -> Vec<(bool, bool, u64, String)> {
    report["technologies"]["to_learn"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["in_demand"].as_bool().unwrap(),
                t["hot"].as_bool().unwrap(),
                t["of_its_kind"].as_u64().unwrap(),
                t["name"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn gap_ranks_the_technologies_a_teacher_lacks_by_o_nets_flags() {
    let env = env();
    let r = env.json(&["gap", "25-2031.00", "25-9031.00"]);
    let t = &r["technologies"];
    assert_eq!(t["from_code"], "25-2031.00");
    assert_eq!(t["to_code"], "25-9031.00");
    assert_eq!(t["release"], "29.2");
    let ranked = ranked_technologies(&r);
    // Instructional coordinators' job postings ask for training software first: 22 of the 88
    // technologies O*NET lists for them are computer based training software.
    assert_eq!(t["listed"], 88);
    assert_eq!(
        ranked[0],
        (true, false, 22, "Articulate Storyline".to_owned())
    );
    // In demand, then hot, then the more of TO's technologies are of its kind, then by name.
    for pair in ranked.windows(2) {
        let key = |t: &(bool, bool, u64, String)| {
            (
                std::cmp::Reverse(t.0),
                std::cmp::Reverse(t.1),
                std::cmp::Reverse(t.2),
                t.3.clone(),
            )
        };
        assert!(key(&pair[0]) <= key(&pair[1]), "{pair:?}");
    }
    // What the teacher's occupation lists is not to learn.
    assert!(
        !ranked.iter().any(|t| t.3 == "Microsoft Word"),
        "{ranked:?}"
    );
    let table = env.stdout(&["gap", "25-2031.00", "25-9031.00", "--format", "plain"]);
    assert!(
        table.contains("\ntechnology-to-learn\tComputer based training software\tLearning management system LMS\t\tin demand, 22 of 88 are of its kind\t\t\t\t\n"),
        "{table}"
    );
}

#[test]
#[ignore = "needs ../shared/onet-29.2"]
fn gap_counts_each_kind_of_technology_as_o_nets_file_lists_it() {
    let env = env();
    let r = env.json(&["gap", "registered-nurses", "nurse-practitioners"]);
    let text = std::fs::read_to_string(shared("onet-29.2").join("Technology Skills.txt")).unwrap();
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f[0] == "29-1171.00")
        .collect();
    let names: std::collections::BTreeSet<&str> = rows.iter().map(|f| f[1]).collect();
    assert_eq!(r["technologies"]["listed"], names.len());
    for t in r["technologies"]["to_learn"].as_array().unwrap() {
        let row = rows.iter().find(|f| f[1] == t["name"]).unwrap();
        let kind = rows.iter().filter(|f| f[3] == row[3]).count();
        assert_eq!(t["commodity"], row[3]);
        assert_eq!(t["of_its_kind"], kind, "{t}");
        assert_eq!(t["hot"], row[4] == "Y", "{t}");
        assert_eq!(t["in_demand"], row[5] == "Y", "{t}");
    }
}
