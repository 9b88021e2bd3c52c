//! Finding an occupation by what people call it, ranking matches and showing a thousand
//! occupations: against `tests/fixtures/onet-find` (a shortened O*NET in its own format) and,
//! ignored unless it is there, the real database in `../shared/onet-29.2`.

use std::path::{Path, PathBuf};

use crate::common::{TestEnv, fixture, match_inputs, shared};

fn real() -> PathBuf {
    shared("onet-29.2")
}

/// At 80 columns, with `source` imported.
fn imported(source: &Path) -> TestEnv {
    TestEnv::new().width(80).with_onet(source)
}

/// The id `show QUERY` answers with.
fn shown_id(env: &TestEnv, query: &str) -> String {
    env.json(&["show", query])["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn names_people_use_resolve_to_one_occupation() {
    let env = imported(&fixture("onet-find"));
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
        assert_eq!(shown_id(&env, query), id, "{query}");
    }
}

#[test]
fn a_name_several_occupations_answer_to_lists_them_with_their_codes() {
    let env = imported(&fixture("onet-find"));
    let out = env.run(&["show", "nurse"]);
    assert_eq!((out.code, out.stdout.as_str()), (Some(1), ""));
    assert_eq!(
        out.stderr,
        "careers: error: \"nurse\" names 2 roles; name one by its id or code:\n  acute-care-nurses (29-1141.01, O*NET title \"Nurse\")\n  registered-nurses (29-1141.00, O*NET title \"Nurse\")\n"
    );
    // Of the two occupations with the alternate title "Data Analyst", only Data Scientists has
    // a word of it in its own title: that one is clearly meant, and show says how it was found.
    let out = env.run(&["show", "data analyst"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout
            .contains("\"Data Analyst\" is Data Scientists, by O*NET's alternate title."),
        "{}",
        out.stdout
    );
}

#[test]
fn a_miss_without_o_net_says_what_an_import_would_add() {
    let env = TestEnv::new().width(80);
    let out = env.run(&["show", "15-2051.00"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr,
        "careers: error: unknown role \"15-2051.00\"; `careers search WORDS` finds a role by the words of its title, tasks or skills; it is an O*NET-SOC code, and O*NET is not imported: `careers import onet DIR` adds its occupations\n"
    );
    let out = env.run(&["show", "electrician"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr,
        "careers: error: unknown role \"electrician\"; `careers search WORDS` finds a role by the words of its title, tasks or skills; O*NET's ~1,000 occupations are not imported and may know it: `careers import onet DIR`\n"
    );
    // A near miss of a bundled role keeps its suggestion and needs no import.
    let out = env.run(&["show", "ml-enginer"]);
    assert_eq!(
        out.stderr,
        "careers: error: unknown role \"ml-enginer\" (did you mean ml-engineer?); `careers search WORDS` finds a role by the words of its title, tasks or skills\n"
    );
    // With O*NET imported, a miss says nothing of importing it.
    let onet = imported(&fixture("onet-find"));
    let out = onet.run(&["show", "plumber"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr,
        "careers: error: unknown role \"plumber\"; `careers search WORDS` finds a role by the words of its title, tasks or skills\n"
    );
}

#[test]
#[ignore = "needs ../shared/onet-29.2"]
fn names_people_use_resolve_in_the_real_database() {
    let env = imported(&real());
    for (query, id) in [
        ("data scientist", "data-scientists"),
        ("software developer", "software-developers"),
        ("electrician", "electricians"),
        ("registered nurse", "registered-nurses"),
        ("15-2051", "data-scientists"),
    ] {
        assert_eq!(shown_id(&env, query), id, "{query}");
    }
    let out = env.run(&["show", "nurse"]);
    assert_eq!(out.code, Some(1));
    assert!(out.stderr.starts_with("careers: error: \"nurse\" names 3 roles; name one by its id or code:\n  acute-care-nurses (29-1141.01, O*NET title \"Nurse\")\n"), "{}", out.stderr);
    // "UX Designer" is the short form of an alternate title of two occupations; only Web and
    // Digital Interface Designers has a word of it in its own title.
    assert_eq!(
        shown_id(&env, "ux designer"),
        "web-and-digital-interface-designers"
    );
    let shown = env.stdout(&["show", "Software Engineer"]);
    assert!(
        shown.contains("\"Software Engineer\" is Software Developers, by O*NET's alternate title."),
        "{shown}"
    );
    // A name of many occupations lists the best few readings, one a line.
    let out = env.run(&["show", "engineer"]);
    assert_eq!(out.code, Some(1));
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 7, "{}", out.stderr);
    assert!(
        lines[0].starts_with("careers: error: \"engineer\" names "),
        "{}",
        lines[0]
    );
    assert!(
        lines[6].ends_with("more; `careers search engineer` ranks them"),
        "{}",
        lines[6]
    );
    assert!(lines.iter().all(|l| l.len() < 120), "{}", out.stderr);
}

/// The ids `match --skills SKILLS` ranks, best first, and the report.
fn matched(env: &TestEnv, skills: &str, top: &str) -> (Vec<String>, serde_json::Value) {
    let report = env.json(&["match", "--skills", skills, "--top", top]);
    let ids = report["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    (ids, report)
}

#[test]
fn match_ranks_the_roles_whose_central_skills_are_yours_first() {
    let env = imported(&fixture("onet-find"));
    let (ids, report) = matched(&env, "python,sql,statistics", "8");
    // The fixture has no ratings, so each technology scores its listing alone: 1/2, +1/4 hot,
    // +1/4 in demand, 1 on a curated role's own list. The three roles listing all three (hot
    // and in demand) tie on 100%, and without OEWS pay go by id; transportation engineers list
    // Python and SQL without the in-demand flag, below the roles whose postings ask for them.
    assert_eq!(
        ids,
        [
            "data-scientists",
            "ml-engineer",
            "statisticians",
            "computer-systems-analysts",
            "data-engineer",
            "software-developers",
            "market-research-analysts-and-marketing-specialists",
            "transportation-engineers",
        ]
    );
    // Every score is the rule the note states, from the figures the report gives.
    for role in report["ranking"].as_array().unwrap() {
        let mut sum = 0.0;
        for f in role["fits"].as_array().unwrap() {
            let listed = &f["listed"];
            let expected = match listed["by"].as_str() {
                None => 0.0,
                Some("profile") => 1.0,
                Some(_) => {
                    0.5 + 0.25
                        * f64::from(
                            u8::from(listed["hot"].as_bool().unwrap())
                                + u8::from(listed["in_demand"].as_bool().unwrap()),
                        )
                }
            };
            assert_eq!(f["score"].as_f64().unwrap(), expected, "{f}");
            assert_eq!(f["importance"], serde_json::Value::Null, "no ratings: {f}");
            sum += expected;
        }
        let mean = (sum / 3.0 * 1000.0).round() / 10.0;
        assert_eq!(role["score"].as_f64().unwrap(), mean, "{role}");
    }
    assert_eq!(report["ranking"][7]["score"], 50.0);
    assert_eq!(report["ranking"][1]["fits"][2]["listed"]["by"], "profile");
}

#[test]
fn match_maps_common_words_onto_the_vocabulary_and_o_net_technologies() {
    let env = imported(&fixture("onet-find"));
    let (stats, report) = matched(&env, "stats", "4");
    assert_eq!(match_inputs(&report), ["Statistics"]);
    assert_eq!(
        stats,
        [
            "data-scientists",
            "market-research-analysts-and-marketing-specialists",
            "ml-engineer",
            "statisticians",
        ]
    );
    let (ml, report) = matched(&env, "ML", "1");
    assert_eq!(match_inputs(&report), ["Machine learning"]);
    // The curated role lists TensorFlow and the like, which machine learning covers.
    assert_eq!(ml, ["ml-engineer"]);
    assert_eq!(
        report["ranking"][0]["fits"][0]["listed"]["name"],
        "TensorFlow"
    );
    // A technology outside the vocabulary counts by the whole words of O*NET's examples.
    let (vissim, report) = matched(&env, "VISSIM", "2");
    assert_eq!(match_inputs(&report), ["VISSIM"]);
    assert_eq!(report["inputs"][0]["occupations_listing"], 1);
    assert_eq!(vissim[0], "transportation-engineers");
    assert_eq!(
        report["ranking"][0]["fits"][0]["listed"]["name"],
        "PTV Vissim"
    );
    assert_eq!(report["ranking"][1]["score"], 0.0);
    let text = env.stdout(&["match", "--skills", "python,statistics", "--top", "1"]);
    assert!(text.contains("Python 1.00 (listed,"), "{text}");
    assert!(text.contains("│ 1 ┆ data-scientists"), "{text}");
}

#[test]
fn education_is_the_distribution_with_what_o_net_flags_marked_in_every_view() {
    let env = imported(&fixture("onet-find"));
    // Associate's (50.71%) and bachelor's (41.93%) are flagged "Recommend Suppress": kept and
    // marked, and the 4.62% of some college is never called the most common.
    let text = "O*NET respondents: Associate's Degree 51% (uncertain), Bachelor's Degree 42% (uncertain), Some College Courses 5%, 3 other levels 3%; uncertain: O*NET recommends suppressing the figure (few respondents or a wide error)";
    let show = env.json(&["show", "15-1211.00"]);
    assert_eq!(
        show["onet"]["education"],
        serde_json::json!([
            {"level": "Associate's Degree", "percent": 50.71, "recommend_suppress": true},
            {"level": "Bachelor's Degree", "percent": 41.93, "recommend_suppress": true},
            {"level": "Some College Courses", "percent": 4.62},
            {"level": "Master's Degree", "percent": 1.42},
            {"level": "High School Diploma", "percent": 0.77},
            {"level": "Post-Secondary Certificate", "percent": 0.54},
        ])
    );
    let table = env.stdout(&["show", "15-1211.00"]);
    assert!(!table.contains("most common"), "{table}");
    let flat = table.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&format!("Education {text}")), "{table}");
    let compare = env.json(&["compare", "15-1211.00", "registered nurse"]);
    let education = |role: &serde_json::Value| role["requirements"]["education"]["note"].clone();
    assert_eq!(education(&compare["roles"][0]), text);
    assert_eq!(
        education(&compare["roles"][1]),
        "O*NET respondents: Bachelor's Degree 56% (uncertain), Post-Secondary Certificate 23%, Associate's Degree 19%, 2 other levels 2%; uncertain: O*NET recommends suppressing the figure (few respondents or a wide error)"
    );
    let gap = env.json(&["gap", "data-engineer", "15-1211.00"]);
    assert_eq!(gap["requirements"]["to"]["education"]["note"], text);
    let csv = env.stdout(&["gap", "data-engineer", "15-1211.00", "--format", "csv"]);
    assert!(csv.contains(text), "{csv}");
}

/// The "Required Level of Education" rows of `code` in the real file, as (category
/// description, percent, suppressed), most common first, the lower category on a tie.
fn education_rows(code: &str) -> Vec<(String, f64, bool)> {
    let dir = real();
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap();
    let categories: std::collections::HashMap<String, String> =
        read("Education, Training, and Experience Categories.txt")
            .lines()
            .skip(1)
            .map(|l| l.split('\t').collect::<Vec<_>>())
            .filter(|c| c[2] == "RL")
            .map(|c| (c[3].to_owned(), c[4].to_owned()))
            .collect();
    let mut rows: Vec<(u32, String, f64, bool)> = read("Education, Training, and Experience.txt")
        .lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|c| c[0] == code && c[3] == "RL")
        .map(|c| {
            (
                c[4].parse().unwrap(),
                categories[c[4]].clone(),
                c[5].parse().unwrap(),
                c[10] == "Y",
            )
        })
        .filter(|r| r.2 > 0.0)
        .collect();
    rows.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
    rows.into_iter().map(|(_, d, p, s)| (d, p, s)).collect()
}

#[test]
#[ignore = "needs ../shared/onet-29.2"]
fn education_of_computer_systems_analysts_and_registered_nurses_is_what_the_file_says() {
    let env = imported(&real());
    for code in ["15-1211.00", "29-1141.00"] {
        let expected = education_rows(code);
        let shown = env.json(&["show", code]);
        let shown = shown["onet"]["education"].as_array().unwrap();
        assert_eq!(shown.len(), expected.len(), "{code}");
        for (s, (description, percent, suppressed)) in shown.iter().zip(&expected) {
            let level = s["level"].as_str().unwrap();
            assert!(
                description.starts_with(level),
                "{code}: {level} vs {description}"
            );
            assert_eq!(s["percent"].as_f64().unwrap(), *percent, "{code}");
            assert_eq!(
                s["recommend_suppress"].as_bool().unwrap_or(false),
                *suppressed
            );
        }
        let table = env.stdout(&["show", code]);
        let flat = table.split_whitespace().collect::<Vec<_>>().join(" ");
        let (top, top_percent, _) = &expected[0];
        let top = top.split(" (").next().unwrap().split(" - ").next().unwrap();
        assert!(
            flat.contains(&format!(
                "Education O*NET respondents: {top} {}% (uncertain)",
                top_percent.round()
            )),
            "{code}: {table}"
        );
        assert!(!flat.contains("most common"), "{code}");
    }
}

/// The ids `search TEXT` gives, best first.
fn searched(env: &TestEnv, text: &str) -> Vec<String> {
    env.json(&["search", text, "--limit", "100"])["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn search_ranks_what_people_call_an_occupation_first() {
    let env = imported(&fixture("onet-find"));
    assert_eq!(
        searched(&env, "registered nurse"),
        [
            "registered-nurses",
            // "Supervise licensed practical nurses and nursing aides" is no registered nurse.
            "licensed-practical-and-licensed-vocational-nurses",
        ]
    );
    let nurse = searched(&env, "nurse");
    assert_eq!(
        nurse,
        [
            "registered-nurses",
            "acute-care-nurses",
            "licensed-practical-and-licensed-vocational-nurses",
        ]
    );
    assert_eq!(
        searched(&env, "nurses"),
        nurse,
        "one word, singular or plural"
    );
    assert_eq!(searched(&env, "data scientist")[0], "data-scientists");
    assert_eq!(searched(&env, "ml enginer"), ["ml-engineer"]);
    assert_eq!(
        searched(&env, "15-2051"),
        ["data-scientists", "data-engineer", "ml-engineer"],
        "the occupation, then the curated roles linked to it"
    );
    assert_eq!(searched(&env, "15-2051.00"), searched(&env, "15-2051"));
    let text = env.stdout(&["search", "15-2051", "--limit", "1"]);
    assert!(text.contains("code 15-2051.00"), "{text}");
}

#[test]
fn search_help_states_the_ranking_rule() {
    let env = TestEnv::new().width(80);
    let help = env.stdout(&["search", "--help"]);
    let flat = help.split_whitespace().collect::<Vec<_>>().join(" ");
    for rule in [
        "a title counts 100, an alias or O*NET alternate or reported title 40 (100 when it is the query), a skill or technology 20, a task 5 (three at most)",
        "Words compare in the singular",
        "one or two letters off",
        "A code (15-2051 or 15-2051.00)",
    ] {
        assert!(flat.contains(rule), "{rule}: {help}");
    }
}

#[test]
#[ignore = "needs ../shared/onet-29.2"]
fn search_ranks_what_people_call_an_occupation_first_in_the_real_database() {
    let env = imported(&real());
    assert_eq!(searched(&env, "registered nurse")[0], "registered-nurses");
    let nurse = searched(&env, "nurse");
    assert_eq!(nurse[0], "registered-nurses");
    assert!(
        nurse[..10].contains(&"licensed-practical-and-licensed-vocational-nurses".to_owned()),
        "{nurse:?}"
    );
    assert_eq!(searched(&env, "nurses"), nurse);
    assert_eq!(searched(&env, "data scientist")[0], "data-scientists");
    // An exact alternate title ranks its occupation first: Marketing Managers' is "Product
    // Manager", before the Biofuels/Biodiesel ... Product Development Managers title.
    let product = searched(&env, "product manager");
    assert_eq!(
        product[..2],
        [
            "marketing-managers",
            "biofuels-biodiesel-technology-and-product-development-managers"
        ]
    );
    assert_eq!(searched(&env, "ml enginer")[0], "ml-engineer");
    // Every occupation under 15-2051, the .00 one first, from the file.
    let mut under: Vec<String> = std::fs::read_to_string(real().join("Occupation Data.txt"))
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("15-2051."))
        .map(|l| l.split('\t').next().unwrap().to_owned())
        .collect();
    under.sort();
    let codes: Vec<String> = env.json(&["search", "15-2051"])["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| {
            let first = &r["matched"][0];
            (first["in"] == "code").then(|| first["code"].as_str().unwrap().to_owned())
        })
        .collect();
    assert_eq!(codes, under);
}

#[test]
fn list_is_a_line_per_role_filtered_by_group_flags_and_sorted() {
    let env = imported(&fixture("onet-find"));
    let text = env.stdout(&["list", "--group", "29", "--sort", "zone"]);
    assert_eq!(
        text.lines().take(7).collect::<Vec<_>>(),
        [
            "╭────────────┬──────┬───────────────────────────────────────────────────╮",
            "│ Role       ┆ Zone ┆ Title                                             │",
            "╞════════════╪══════╪═══════════════════════════════════════════════════╡",
            "│ 29-1141.01 ┆    4 ┆ Acute Care Nurses                                 │",
            "│ 29-1141.00 ┆    3 ┆ Registered Nurses                                 │",
            "│ 29-2061.00 ┆    3 ┆ Licensed Practical and Licensed Vocational Nurses │",
            "╰────────────┴──────┴───────────────────────────────────────────────────╯",
        ]
    );
    let ids = |args: &[&str]| -> Vec<String> {
        env.json(args)["roles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_owned())
            .collect()
    };
    // Python is in demand for three fixture occupations, hot for five more.
    assert_eq!(
        ids(&["list", "--in-demand", "python", "--sort", "code"]),
        [
            "computer-systems-analysts",
            "software-developers",
            "statisticians",
            "data-scientists"
        ]
        .map(String::from)
        .to_vec()
        .into_iter()
        .collect::<Vec<_>>()
        .into_iter()
        .take(4)
        .collect::<Vec<_>>()
    );
    assert_eq!(
        ids(&[
            "list", "--source", "onet", "--sort", "title", "--limit", "2"
        ]),
        ["acute-care-nurses", "cartographers-and-photogrammetrists"]
    );
    let row = &env.json(&["list", "--group", "15", "--sort", "code", "--limit", "1"])["roles"][0];
    assert_eq!(
        (&row["code"], &row["job_zone"]),
        (&serde_json::json!("15-1211.00"), &serde_json::json!(4))
    );
}

#[test]
#[ignore = "needs ../shared/onet-29.2"]
fn list_of_the_real_database_is_about_a_line_per_role_at_80_columns() {
    let env = imported(&real());
    let occupations = std::fs::read_to_string(real().join("Occupation Data.txt"))
        .unwrap()
        .lines()
        .count()
        - 1;
    let text = env.stdout(&["list"]);
    let coded: Vec<&str> = text
        .lines()
        .filter(|l| {
            l.get(4..14)
                .is_some_and(|c| c.as_bytes()[2] == b'-' && c.as_bytes()[7] == b'.')
        })
        .collect();
    assert_eq!(coded.len(), occupations, "one line starts each occupation");
    // Only titles too long for the column take a second line.
    assert!(
        text.lines().count() < occupations * 4 / 3,
        "{} lines",
        text.lines().count()
    );
}

#[test]
fn show_of_an_occupation_puts_hot_technology_first_and_picks_o_net_sections() {
    let env = imported(&fixture("onet-find"));
    let text = env.stdout(&["show", "15-2051.00", "--section", "technology"]);
    let table: Vec<&str> = text
        .lines()
        .skip_while(|l| *l != "Technology skills")
        .skip(4)
        .take(6)
        .collect();
    assert_eq!(
        table,
        [
            // Two flagged technologies each: the kinds go by name.
            "│ Analytical or scientific software     ┆ SAS (hot, in demand), IBM SPSS       │",
            "│                                       ┆ Statistics (hot)                     │",
            "│ Business intelligence and data        ┆ Apache Spark (hot, in demand),       │",
            "│ analysis software                     ┆ Tableau (hot, in demand)             │",
            "│ Object or component oriented          ┆ Python (hot, in demand), R (hot, in  │",
            "│ development software                  ┆ demand)                              │",
        ]
    );
    assert!(
        !text.contains("Tasks"),
        "only the section asked for: {text}"
    );
    let tasks = env.json(&["show", "15-2051.00", "--section", "tasks"]);
    assert_eq!(tasks["onet"]["tasks"].as_array().unwrap().len(), 2);
    assert_eq!(tasks["onet"].get("technology"), None);
    let related = env.json(&[
        "show",
        "registered nurse",
        "--section",
        "related",
        "--section",
        "education",
    ]);
    assert_eq!(related["onet"]["related"][0]["code"], "29-2061.00");
    assert_eq!(
        related["onet"]["education"][0]["level"],
        "Bachelor's Degree"
    );
    assert_eq!(related["onet"].get("tasks"), None);
    // The skills the technology maps onto follow O*NET's own sections.
    let whole = env.stdout(&["show", "registered-nurses"]);
    let at = |s: &str| whole.find(s).unwrap_or_else(|| panic!("{s}: {whole}"));
    assert!(at("Technology skills") < at("Skills in the vocabulary"));
}

/// Lines of `show CODE` at 80 columns, without and with `--full`.
fn show_lines(env: &TestEnv, code: &str) -> (usize, usize) {
    let short = env.stdout(&["show", code]).lines().count();
    let full = env.stdout(&["show", code, "--full"]).lines().count();
    (short, full)
}

#[test]
#[ignore = "needs ../shared/onet-29.2"]
fn show_of_any_real_occupation_fits_a_few_screens_unless_asked_for_everything() {
    let env = imported(&real());
    // Software developers list the most technology of all (425 rows in O*NET 29.2).
    let (short, full) = show_lines(&env, "15-1253.00");
    assert!(short <= 160, "{short} lines");
    assert!(full > 3 * short, "--full shows everything: {full} lines");
    let text = env.stdout(&["show", "15-1253.00"]);
    let technology = std::fs::read_to_string(real().join("Technology Skills.txt"))
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("15-1253.00\t"))
        .count();
    assert!(
        text.contains(&format!("{technology} technologies of")),
        "{text}"
    );
    // The first kind holds the most hot and in-demand technologies, and leads with them.
    let first = text
        .lines()
        .find(|l| l.contains("Web platform development software"))
        .unwrap_or_default();
    assert!(
        first.starts_with("│ Web platform development software ")
            && first.contains("┆ JavaScript (hot, in demand)"),
        "{text}"
    );
    for code in ["29-1141.00", "15-2051.00", "47-2111.00"] {
        let (short, _) = show_lines(&env, code);
        assert!(short <= 160, "{code}: {short} lines");
    }
}

#[test]
fn compare_names_the_related_occupations_path_lists_as_next_roles() {
    let env = imported(&fixture("onet-find"));
    let compare = env.json(&["compare", "registered nurse", "data scientist"]);
    let path = env.json(&["path", "registered nurse"]);
    let related: Vec<String> = path["related_roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["title"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        related,
        [
            "Licensed Practical and Licensed Vocational Nurses",
            "Acute Care Nurses"
        ]
    );
    assert_eq!(
        compare["roles"][0]["next_roles"],
        serde_json::json!([
            {"title": "Licensed Practical and Licensed Vocational Nurses", "id": "licensed-practical-and-licensed-vocational-nurses"},
            {"title": "Acute Care Nurses", "id": "acute-care-nurses"}
        ])
    );
    assert_eq!(
        compare["roles"][0]["next_roles_from"],
        serde_json::json!({"kind": "related-roles"})
    );
}

#[test]
fn gap_from_a_role_without_soft_skills_data_does_not_call_them_lacking() {
    let env = imported(&fixture("onet-find"));
    let gap = env.json(&["gap", "data scientist", "ml-engineer"]);
    assert_eq!(gap["soft_skills_to_learn"], serde_json::json!([]));
    assert_eq!(gap["soft_skills_shared"], serde_json::json!([]));
    assert_eq!(gap["soft_skills_not_compared"][0]["name"], "Communication");
    let text = env.stdout(&["gap", "data scientist", "ml-engineer"]);
    assert!(!text.contains("To develop"), "{text}");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("data-scientists's profile has no soft-skills data, so ml-engineer's are not counted as lacking: Communication,"),
        "{text}"
    );
    // Between two profiles with soft skills, the gap is what it was.
    let both = env.json(&["gap", "ml-engineer", "data-governance-analyst"]);
    assert!(both.get("soft_skills_not_compared").is_none());
    assert!(!both["soft_skills_to_learn"].as_array().unwrap().is_empty());
}

#[test]
fn compare_of_the_two_data_engineering_roles_keeps_every_id_whole_at_80_columns() {
    let env = TestEnv::new().width(80);
    let ids = ["data-engineering-manager", "data-engineering-team-lead"];
    let text = env.stdout(&["compare", ids[0], ids[1]]);
    let mut whole = [0, 0];
    for token in text.split(|c: char| c.is_whitespace() || "│┆╭╮╰╯─┬┴┼╞╡╪═(),.;:`".contains(c))
    {
        if let Some(i) = ids.iter().position(|id| *id == token) {
            whole[i] += 1;
        } else if token.contains('-') {
            assert!(
                !ids.iter().any(|id| id.contains(token)),
                "a piece of an id, {token:?}, in:\n{text}"
            );
        }
    }
    assert!(whole.iter().all(|&n| n >= 3), "{whole:?}\n{text}");
}
