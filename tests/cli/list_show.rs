//! `careers list` and `careers show`.

use crate::common::{TestEnv, assert_fits};

#[test]
fn list_renders_every_profile() {
    let env = TestEnv::new();
    insta::assert_snapshot!("list_table", env.stdout(&["list", "--color", "never"]));
}

#[test]
fn list_json_has_ids_titles_and_data_kinds() {
    let env = TestEnv::new();
    let json = env.json(&["list"]);
    let ids: Vec<&str> = json["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "ml-engineer",
            "data-engineer",
            "data-engineering-manager",
            "data-engineering-team-lead",
            "data-governance-analyst"
        ]
    );
    assert_eq!(json["total"], 5);
    let json = &json["roles"];
    assert_eq!(json[0]["title"], "Machine Learning Engineer");
    assert_eq!(json[0]["origin"]["kind"], "bundled");
    let kinds: Vec<&str> = json[0]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"salary") && kinds.contains(&"trends"),
        "{kinds:?}"
    );
    let de_kinds = json[1]["data"].as_array().unwrap();
    assert!(
        !de_kinds.contains(&"salary".into()),
        "data-engineer has no salary"
    );
}

#[test]
fn show_renders_the_whole_ml_engineer_profile() {
    let env = TestEnv::new();
    insta::assert_snapshot!("show_ml_engineer", env.stdout(&["show", "ml-engineer"]));
}

#[test]
fn show_renders_each_short_profile() {
    let env = TestEnv::new();
    for id in [
        "data-engineer",
        "data-engineering-manager",
        "data-engineering-team-lead",
        "data-governance-analyst",
    ] {
        insta::assert_snapshot!(format!("show_{id}"), env.stdout(&["show", id]));
    }
}

#[test]
fn show_resolves_aliases_and_titles_in_any_case() {
    let env = TestEnv::new();
    let by_id = env.stdout(&["show", "ml-engineer"]);
    for alias in [
        "MLE",
        "ml-developer",
        "Machine Learning Engineer",
        "machine learning developer",
    ] {
        assert_eq!(env.stdout(&["show", alias]), by_id, "{alias}");
    }
    assert_eq!(
        env.json(&["show", "Data Governance Analyst"])["id"],
        "data-governance-analyst"
    );
}

#[test]
fn show_json_keeps_every_salary_figure_exactly() {
    let env = TestEnv::new();
    let json = env.json(&["show", "ml-engineer", "--section", "salary"]);
    let figures = json["salary"]["figures"].as_array().unwrap();
    let find = |location: &str| {
        figures
            .iter()
            .find(|f| f["location"] == location)
            .unwrap_or_else(|| panic!("no figure for {location}"))
    };
    let seattle = find("Seattle");
    assert_eq!(seattle["pay"]["kind"], "range");
    assert_eq!(seattle["pay"]["low"], 147_000);
    assert_eq!(seattle["pay"]["high"], 182_182);
    assert_eq!(seattle["year"], 2024);
    assert_eq!(find("Los Angeles")["pay"]["amount"], 185_000);
    assert_eq!(find("Chicago")["pay"]["amount"], 172_500);
    assert_eq!(find("New York City")["pay"]["amount"], 168_767);
    let remote = find("Remote");
    assert_eq!(remote["pay"]["amount"], 187_824);
    assert_eq!(remote["statistic"], "average");
    // Sections not asked for are left out.
    assert!(json.get("skills").is_none());
    assert!(json.get("trends").is_none());
    assert_eq!(json["id"], "ml-engineer");
}

#[test]
fn show_json_keeps_open_ended_figures_open() {
    let env = TestEnv::new();
    let json = env.json(&["show", "ml-engineer"]);
    let figures = json["salary"]["figures"].as_array().unwrap();
    let senior_general = figures
        .iter()
        .find(|f| f["experience"] == "senior" && f["company"] == "general")
        .unwrap();
    assert_eq!(
        senior_general["pay"],
        serde_json::json!({"kind": "at-least", "amount": 172_654})
    );
    let entry_top = figures
        .iter()
        .find(|f| f["experience"] == "entry" && f["company"] == "top-tech")
        .unwrap();
    assert_eq!(
        entry_top["pay"],
        serde_json::json!({"kind": "up-to", "amount": 152_601})
    );
    let senior_top = figures
        .iter()
        .find(|f| f["experience"] == "senior" && f["company"] == "top-tech")
        .unwrap();
    assert_eq!(
        senior_top["pay"],
        serde_json::json!({"kind": "range", "low": 148_672, "high": 208_931, "open_high": true})
    );
}

#[test]
fn show_json_carries_market_figures_with_units_and_reporters() {
    let env = TestEnv::new();
    let json = env.json(&["show", "ml-engineer", "--section", "market"]);
    let figures = json["market"]["figures"].as_array().unwrap();
    let by_value = |v: f64| {
        figures
            .iter()
            .find(|f| f["value"]["value"].as_f64() == Some(v))
            .unwrap_or_else(|| panic!("no figure {v}"))
    };
    assert_eq!(by_value(74.0)["reported_by"], "LinkedIn");
    assert_eq!(by_value(23.0)["period"], "2022-2032");
    assert_eq!(by_value(225.91)["value"]["unit"], "usd-billions");
    assert_eq!(by_value(36.2)["value"]["unit"], "percent");
}

#[test]
fn show_sections_filter_the_table() {
    let env = TestEnv::new();
    let out = env.stdout(&["show", "ml-engineer", "-s", "trends"]);
    assert!(out.contains("Trends"));
    assert!(
        out.contains("Low-Code and No-Code AI") || out.contains("Low-code"),
        "{out}"
    );
    assert!(!out.contains("Responsibilities"));
    assert!(!out.contains("Salary"));
}

#[test]
fn show_says_when_a_section_has_no_data() {
    let env = TestEnv::new();
    let out = env.stdout(&["show", "data-engineer", "--section", "salary"]);
    assert!(
        out.contains("data-engineer has no data for: salary."),
        "{out}"
    );
    assert!(!out.contains('$'), "no invented pay: {out}");
}

#[test]
fn unknown_role_exits_1_with_a_suggestion() {
    let env = TestEnv::new();
    assert_eq!(
        env.fails(&["show", "ml-enginer"], 1),
        "careers: error: unknown role \"ml-enginer\" (did you mean ml-engineer?); `careers search WORDS` finds a role by the words of its title, tasks or skills\n"
    );
    assert_eq!(
        env.fails(&["show", "astronaut"], 1),
        "careers: error: unknown role \"astronaut\"; `careers search WORDS` finds a role by the words of its title, tasks or skills; O*NET's ~1,000 occupations are not imported and may know it: `careers import onet DIR`\n"
    );
}

#[test]
fn unknown_section_is_a_usage_error() {
    let env = TestEnv::new();
    let err = env.fails(&["show", "ml-engineer", "--section", "salaries"], 2);
    assert_eq!(
        err,
        "careers: error: invalid value 'salaries' for '--section <NAME>' (did you mean salary?); \
         possible values: overview, differences, responsibilities, requirements, skills, \
         soft-skills, industries, career, market, salary, trends, best-practices, challenges, outlook, \
         onet, titles, tasks, technology, tools, education, job-zone, interests, work-styles, \
         ratings, related; see careers show --help\n"
    );
}

#[test]
fn help_and_version() {
    let env = TestEnv::new();
    let help = env.stdout(&["--help"]);
    assert!(help.contains("Exit codes:"));
    assert!(help.contains("2    usage error"));
    assert!(env.stdout(&["--version"]).starts_with("careers 0.1.0"));
    assert!(env.stdout(&["show", "--help"]).contains("Examples:"));
    assert_eq!(env.run(&["bogus"]).code, Some(2));
}

#[test]
fn tables_fit_every_width_down_to_40() {
    for width in [40, 60, 80, 120] {
        let env = TestEnv::new().width(width);
        for args in [
            &["list"][..],
            &["show", "ml-engineer"],
            &["show", "data-engineer"],
        ] {
            let out = env.run(args);
            assert!(out.success());
            assert_fits(&out.stdout, width);
        }
    }
}

#[cfg(not(feature = "embedded"))]
#[test]
fn a_build_without_the_embedded_data_answers_from_the_curated_profiles_alone() {
    let env = TestEnv::new().embedded();
    assert_eq!(env.run(&["show", "data-scientists"]).code, Some(1));
    let out = env.run(&["list", "--format", "json"]);
    let list: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(list["roles"].as_array().unwrap().len(), 5);
    assert_eq!(list["total"], 5);
}

#[test]
fn search_takes_several_words_unquoted_as_one_phrase() {
    let env = TestEnv::new();
    let quoted = env.stdout(&["search", "machine learning engineer", "--format", "json"]);
    let unquoted = env.stdout(&[
        "search", "machine", "learning", "engineer", "--format", "json",
    ]);
    assert_eq!(quoted, unquoted);
    let json: serde_json::Value = serde_json::from_str(&unquoted).unwrap();
    assert_eq!(json["query"], "machine learning engineer");
    assert_eq!(json["results"][0]["id"], "ml-engineer");
}
