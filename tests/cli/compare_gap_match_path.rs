//! `careers compare`, `gap`, `match` and `path` on the bundled profiles.

use crate::common::{TestEnv, assert_fits, match_inputs};

fn names(value: &serde_json::Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect()
}

#[test]
fn compare_data_engineer_and_ml_engineer() {
    let env = TestEnv::new();
    insta::assert_snapshot!(
        "compare_data-engineer_ml-engineer",
        env.stdout(&["compare", "data-engineer", "ml-engineer"])
    );
}

#[test]
fn compare_json_marks_shared_and_single_role_skills() {
    let env = TestEnv::new();
    let json = env.json(&["compare", "data-engineer", "ml-engineer"]);
    let skills = json["skills"].as_array().unwrap();
    let shared: Vec<&str> = skills
        .iter()
        .filter(|s| s["shared"] == true)
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        shared,
        [
            "Python",
            "SQL",
            "Java",
            "Cloud computing",
            "AWS",
            "Google Cloud",
            "Azure",
            "Big data",
            "Hadoop",
            "Spark"
        ]
    );
    let only = |id: &str| -> Vec<&str> {
        skills
            .iter()
            .filter(|s| s["roles"] == serde_json::json!([id]))
            .map(|s| s["name"].as_str().unwrap())
            .collect()
    };
    assert_eq!(
        only("data-engineer"),
        [
            "Scala",
            "Database management",
            "Relational databases",
            "NoSQL",
            "Data pipelines",
            "Data architecture",
            "Data quality",
            "Data security",
            "Regulatory compliance"
        ]
    );
    assert_eq!(only("ml-engineer").len(), 35);
    assert_eq!(skills.len(), 54);
    let spark = skills.iter().find(|s| s["name"] == "Spark").unwrap();
    assert_eq!(spark["category"], "big-data");
    assert_eq!(
        spark["roles"],
        serde_json::json!(["data-engineer", "ml-engineer"])
    );
    let ml = &json["roles"][1];
    assert_eq!(ml["headline_salary"]["label"], "Machine Learning Engineer");
    assert_eq!(ml["headline_salary"]["pay"]["low"], 157_969);
    assert_eq!(ml["headline_salary"]["pay"]["high"], 161_777);
    assert!(json["roles"][0]["headline_salary"].is_null());
    assert_eq!(ml["growth"].as_array().unwrap().len(), 5);
}

#[test]
fn compare_without_colour_marks_columns_in_words() {
    let env = TestEnv::new();
    let out = env.stdout(&["compare", "data-engineer", "ml-engineer"]);
    assert!(!out.contains('\u{1b}'), "no escapes when piped");
    assert!(out.contains("Shared by all"));
    assert!(out.contains("Only data-engineer"));
    assert!(out.contains("Only ml-engineer"));
    assert!(out.contains(
        "Technical skills: 10 shared by all, 9 only data-engineer, 35 only ml-engineer."
    ));
}

#[test]
fn compare_with_colour_gives_each_role_its_own_colour() {
    let text = TestEnv::new()
        .run(&[
            "compare",
            "data-engineer",
            "ml-engineer",
            "--color",
            "always",
        ])
        .stdout;
    // Shared skills green, the first role's cyan, the second's magenta (the bright colours,
    // as 256-colour codes 10, 14 and 13).
    let green = "\u{1b}[38;5;10m";
    let (cyan, magenta) = ("\u{1b}[38;5;14m", "\u{1b}[38;5;13m");
    assert!(
        text.contains(&format!("{green}Programming languages: Python, SQL, Java")),
        "{text}"
    );
    assert!(
        text.contains(&format!("{cyan}Only data-engineer")),
        "{text}"
    );
    assert!(
        text.contains(&format!("{cyan}Programming languages: Scala")),
        "{text}"
    );
    assert!(
        text.contains(&format!("{magenta}Programming languages: C++, R")),
        "{text}"
    );
}

#[test]
fn five_roles_fit_at_80_and_40_columns() {
    let roles = [
        "compare",
        "data-engineer",
        "ml-engineer",
        "data-governance-analyst",
        "data-engineering-team-lead",
        "data-engineering-manager",
    ];
    for width in [80, 40] {
        let out = TestEnv::new().width(width).run(&roles);
        assert!(out.success());
        assert_fits(&out.stdout, width);
        assert!(out.stdout.contains("Some, not all"), "{}", out.stdout);
    }
    insta::assert_snapshot!(
        "compare_five_roles_80",
        TestEnv::new().width(80).run(&roles).stdout
    );
}

#[test]
fn compare_usage_errors_exit_2() {
    let env = TestEnv::new();
    assert_eq!(
        env.fails(&["compare", "ml-engineer"], 2),
        "careers: error: compare takes 2 to 5 roles, got 1; e.g. `careers compare data-engineer ml-engineer`\n"
    );
    assert_eq!(
        env.fails(&["compare"], 2),
        "careers: error: compare takes 2 to 5 roles, got 0; e.g. `careers compare data-engineer ml-engineer`\n"
    );
    let six = [
        "compare",
        "data-engineer",
        "ml-engineer",
        "data-governance-analyst",
        "data-engineering-team-lead",
        "data-engineering-manager",
        "mle",
    ];
    assert!(
        env.fails(&six, 2)
            .contains("compare takes 2 to 5 roles, got 6")
    );
    assert_eq!(
        env.fails(&["compare", "ml-engineer", "mle"], 2),
        "careers: error: \"ml-engineer\" and \"mle\" are the same role (ml-engineer); compare takes 2 to 5 different roles\n"
    );
    assert_eq!(
        env.fails(&["compare", "data-engineer", "data-engineer"], 2),
        "careers: error: \"data-engineer\" is given twice; compare takes 2 to 5 different roles\n"
    );
    assert_eq!(
        env.fails(&["compare", "data-engineer", "ml-enginer"], 1),
        "careers: error: unknown role \"ml-enginer\" (did you mean ml-engineer?); `careers search WORDS` finds a role by the words of its title, tasks or skills\n"
    );
}

#[test]
fn compare_csv_has_an_aspect_per_row_and_a_skill_per_row() {
    let env = TestEnv::new();
    let out = env.stdout(&["compare", "data-engineer", "ml-engineer", "--format", "csv"]);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("id,part,what,status,value,unit,text,period,source,attribution")
    );
    assert_eq!(
        lines.next(),
        Some("data-engineer,title,,,,,Data Engineer,,,")
    );
    assert!(
        out.contains("\ndata-engineer,skill,Big data,,,,Spark,,,\n"),
        "{out}"
    );
    assert!(
        out.contains("\nml-engineer,skill,Big data,,,,Spark,,,\n"),
        "{out}"
    );
    assert!(!out.contains("\ndata-engineer,soft-skill,,,,,Communication,"));
    assert!(
        out.contains("\nml-engineer,soft-skill,,,,,Communication,,,\n"),
        "{out}"
    );
    // A role without a headline salary has no such record, rather than filler text.
    assert!(!out.contains("data-engineer,headline-salary"), "{out}");
    assert!(
        out.contains(
            "\nml-engineer,headline-salary-low,Machine Learning Engineer,range,157969,usd-per-year,"
        ),
        "{out}"
    );
}

#[test]
fn gap_data_engineer_to_ml_engineer() {
    let env = TestEnv::new();
    insta::assert_snapshot!(
        "gap_data-engineer_ml-engineer",
        env.stdout(&["gap", "data-engineer", "ml-engineer"])
    );
}

#[test]
fn gap_ml_engineer_to_data_engineer() {
    let env = TestEnv::new();
    insta::assert_snapshot!(
        "gap_ml-engineer_data-engineer",
        env.stdout(&["gap", "ml-engineer", "data-engineer"])
    );
}

#[test]
fn gap_json_lists_skills_to_learn_and_carrying_over() {
    let env = TestEnv::new();
    let json = env.json(&["gap", "data-engineer", "mle"]);
    assert_eq!(json["from"]["skills"], 19);
    assert_eq!(json["to"]["skills"], 45);
    assert_eq!(
        names(&json["carries_over"]),
        [
            "Python",
            "Java",
            "SQL",
            "Cloud computing",
            "AWS",
            "Google Cloud",
            "Azure",
            "Big data",
            "Hadoop",
            "Spark"
        ]
    );
    assert_eq!(json["to_learn"].as_array().unwrap().len(), 35);
    assert_eq!(json["to_learn"][2]["category"], "ml-framework");
    assert_eq!(json["not_needed"].as_array().unwrap().len(), 9);

    let back = env.json(&["gap", "ml-engineer", "data-engineer"]);
    assert_eq!(back["carries_over"].as_array().unwrap().len(), 10);
    assert_eq!(
        names(&back["to_learn"])[..5],
        [
            "Scala",
            "Database management",
            "Relational databases",
            "NoSQL",
            "Data pipelines"
        ]
    );
    assert_eq!(back["to_learn"].as_array().unwrap().len(), 9);
    // Requirements are the profiles' own, structured as `show` gives them.
    assert_eq!(back["requirements"]["to"], serde_json::json!({}));
    assert_eq!(
        back["requirements"]["from"]["experience"][0],
        serde_json::json!({"stage": "Entry-level", "years": {"min": 1, "max": 3}, "note": "or a relevant advanced degree"})
    );
    let to_dga = env.json(&["gap", "ml-engineer", "data-governance-analyst"]);
    assert_eq!(
        to_dga["certifications_to_get"],
        serde_json::json!(["DGSP", "CompTIA Data+"])
    );
}

#[test]
fn gap_to_the_same_role_is_a_usage_error() {
    let env = TestEnv::new();
    assert_eq!(
        env.fails(&["gap", "mle", "ml-engineer"], 2),
        "careers: error: \"mle\" and \"ml-engineer\" are the same role (ml-engineer); gap takes two different roles\n"
    );
}

/// The ids and scores of a match report's ranking.
fn scores(json: &serde_json::Value) -> Vec<(String, f64)> {
    json["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["id"].as_str().unwrap().to_owned(),
                m["score"].as_f64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn match_python_sql_spark() {
    let env = TestEnv::new();
    // Without O*NET there are no ratings to weigh a technology with, so each scores its listing
    // alone: 1 for a curated role that lists it, 0 for one that does not; the score is the mean.
    //   data-engineer, ml-engineer        all three: 100%
    //   data-engineering-team-lead        Python: 33.3%
    //   data-governance-analyst           SQL: 33.3%
    //   data-engineering-manager          none: 0%
    // No role has a median pay here, so ties go by id.
    let out = env.stdout(&["match", "--skills", "python,sql,spark"]);
    insta::assert_snapshot!("match_python_sql_spark", out);
    let json = env.json(&["match", "--skills", "python,sql,spark"]);
    let expect = |id: &str, score: f64| (id.to_owned(), score);
    assert_eq!(
        scores(&json),
        [
            expect("data-engineer", 100.0),
            expect("ml-engineer", 100.0),
            expect("data-engineering-team-lead", 33.3),
            expect("data-governance-analyst", 33.3),
            expect("data-engineering-manager", 0.0),
        ]
    );
    let fit = &json["ranking"][2]["fits"][0];
    assert_eq!(
        fit,
        &serde_json::json!({"input": "Python", "score": 1.0, "rated": false,
            "kind": "technology", "listed": {"name": "Python", "by": "profile", "hot": false, "in_demand": false}})
    );
    assert_eq!(json["ranking"][2]["fits"][1]["score"], 0.0);
    assert_eq!(json["ranking"][2]["matched"], 1);
}

#[test]
fn match_aliases_and_case_count_as_the_same_skill() {
    let env = TestEnv::new();
    let a = env.json(&["match", "--skills", "Python,SQL,Spark"]);
    let b = env.json(&[
        "match",
        "--skills",
        "PYTHON, structured query language ,apache spark,python",
    ]);
    assert_eq!(a["ranking"], b["ranking"]);
    assert_eq!(
        match_inputs(&b),
        ["Python", "SQL", "Spark"],
        "the same skill twice counts once"
    );
}

#[test]
fn match_with_a_misspelt_skill_reports_it_and_ranks_the_rest() {
    let env = TestEnv::new();
    let out = env.stdout(&["match", "--skills", "pyhton,sql", "--top", "2"]);
    insta::assert_snapshot!("match_misspelt", out);
    let json = env.json(&["match", "--skills", "pyhton,sql"]);
    assert_eq!(
        json["unknown"],
        serde_json::json!([{"name": "pyhton", "suggestions": ["Python"]}])
    );
    // Three roles list SQL, and tie on 100%: by id.
    let expect = |id: &str, score: f64| (id.to_owned(), score);
    assert_eq!(
        scores(&json)[..4],
        [
            expect("data-engineer", 100.0),
            expect("data-governance-analyst", 100.0),
            expect("ml-engineer", 100.0),
            expect("data-engineering-manager", 0.0),
        ]
    );
    assert_eq!(json["ranked"], 5);
}

/// Nothing usable in the input is exit 1, with the message `list --skill` gives.
#[test]
fn match_with_only_unknown_skills_fails_as_list_does() {
    let env = TestEnv::new();
    let out = env.fails(&["match", "--skills", "basket weaving"], 1);
    assert!(
        out.starts_with(
            "careers: error: unknown skill \"basket weaving\"; known skills: Adaptability, Agile, "
        ),
        "{out}"
    );
    assert_eq!(out, env.fails(&["list", "--skill", "basket weaving"], 1));
    assert_eq!(
        env.fails(&["match", "--skills", "zzzz"], 1),
        env.fails(&["list", "--skill", "zzzz"], 1)
    );
}

#[test]
fn match_from_a_role_ranks_the_others() {
    let env = TestEnv::new();
    let json = env.json(&["match", "--from", "data-engineer", "--top", "2"]);
    assert_eq!(json["from"], "data-engineer");
    assert_eq!(json["inputs"].as_array().unwrap().len(), 19);
    // ml-engineer lists 10 of the data engineer's 19 skills (Python, Java, SQL, the three
    // clouds, Cloud computing, Big data, Hadoop, Spark): 10 / 19 = 52.6%;
    // data-engineering-team-lead 5 (Python, Data pipelines, Data architecture, Data quality,
    // Data security): 26.3%.
    let expect = |id: &str, score: f64| (id.to_owned(), score);
    assert_eq!(
        scores(&json),
        [
            expect("ml-engineer", 52.6),
            expect("data-engineering-team-lead", 26.3)
        ]
    );
    assert_eq!(json["ranking"][0]["matched"], 10);
    assert_eq!(json["ranked"], 4, "data-engineer itself is not ranked");
    let out = env.stdout(&["match", "--from", "data-engineer", "--top", "2"]);
    assert!(out.contains("Top 2 of 4 roles (--top N for more)"), "{out}");
}

#[test]
fn match_usage_errors() {
    let env = TestEnv::new();
    let err = env.fails(&["match"], 2);
    assert!(err.contains("--skills <SKILLS>"), "{err}");
    assert_eq!(
        env.fails(&["match", "--skills", ""], 2),
        "careers: error: match needs at least one skill: --skills python,sql or --from ROLE\n"
    );
    assert!(
        env.fails(&["match", "--skills", "sql", "--top", "0"], 2)
            .contains("--top")
    );
}

#[test]
fn match_csv_is_one_row_per_role() {
    let env = TestEnv::new();
    let out = env.stdout(&["match", "--skills", "python,sql,spark", "--format", "csv"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "id,rank,title,origin,code,soc,score,median_pay,median_kind,job_zone,growth_percent,matched,fits,attribution"
    );
    assert_eq!(
        lines[1],
        "data-engineer,1,Data Engineer,bundled,15-1243.00,15-1243,100,,,,,3,Python 1.00 (listed by the profile); SQL 1.00 (listed by the profile); Spark 1.00 (listed by the profile),"
    );
    assert_eq!(lines.len(), 6);
}

#[test]
fn path_ml_engineer() {
    let env = TestEnv::new();
    insta::assert_snapshot!("path_ml-engineer", env.stdout(&["path", "ml-engineer"]));
    let json = env.json(&["path", "mle"]);
    assert_eq!(json["progression"][1]["roles"][0]["profile"], "ml-engineer");
    assert_eq!(json["opportunities"][0]["profile"], "ml-engineer");
    assert_eq!(json["comes_from"], serde_json::json!([]));
    assert_eq!(json["paths"].as_array().unwrap().len(), 6);
}

#[test]
fn path_of_a_role_with_no_career_data_says_so() {
    let env = TestEnv::new();
    let out = env.stdout(&["path", "data-engineering-manager"]);
    assert!(out.contains("The data-engineering-manager profile names no progression, specializations, career paths or related"), "{out}");
    let out = env.stdout(&["path", "data-governance-analyst", "--format", "csv"]);
    assert_eq!(
        out,
        "relation,stage,title,profile,description,attribution\nprogression,Senior roles,Data Governance Manager,,,\nprogression,Senior roles,Chief Data Officer,,,\n"
    );
}

#[test]
fn markdown_works_for_every_new_command() {
    let env = TestEnv::new();
    for args in [
        &["compare", "data-engineer", "ml-engineer"][..],
        &["gap", "data-engineer", "ml-engineer"],
        &["match", "--skills", "sql"],
        &["path", "ml-engineer"],
    ] {
        let mut all = args.to_vec();
        all.extend(["--format", "markdown"]);
        let out = env.stdout(&all);
        assert!(out.starts_with("# "), "{args:?}: {out}");
        assert!(out.contains("| --- |"), "{args:?}");
    }
}

/// A user profile may list no skills: every command that compares skills says so in a sentence.
#[test]
fn a_profile_without_skills_gets_a_clear_sentence_everywhere() {
    let env = TestEnv::new().width(80).with_profile(
        "no-skills.json",
        r#"{"id": "no-skills", "title": "Skill-less Role", "summary": "A role whose profile lists no skills."}"#,
    );
    assert!(env.stdout(&["gap", "no-skills", "ml-engineer"]).contains(
        "0 of 45 technical skills carry over (no-skills lists none); 45 to learn: Python,\nJava, C++, R, SQL and 40 more."
    ));
    assert!(
        env.stdout(&["gap", "ml-engineer", "no-skills"])
            .contains("no-skills lists no technical skills, so there is no skill gap to measure.")
    );
    assert_eq!(
        env.fails(&["match", "--from", "no-skills"], 1),
        "careers: error: no-skills lists no skills, knowledge or technologies, so there is nothing to match; name yours with --skills\n"
    );
    assert!(
        env.stdout(&["compare", "no-skills", "data-engineer"])
            .contains(
                "Technical skills: 0 shared by all, 0 only no-skills, 19 only data-engineer."
            )
    );
    assert!(env.stdout(&["path", "no-skills"]).contains(
        "The no-skills profile names no progression, specializations, career paths or\nrelated roles."
    ));
}
