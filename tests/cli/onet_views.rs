//! How compare, gap, match, path and show treat imported O*NET occupations: every output that
//! shows one carries O*NET's attribution in every format (outputs of curated profiles alone carry
//! none), and an occupation's education, job zone and related occupations take part like a
//! curated profile's.

use crate::common::{ATTRIBUTION, TestEnv};
use crate::onet::imported;

/// `careers ARGS --format FORMAT`'s output, which must succeed.
fn in_format(env: &TestEnv, args: &[&str], format: &str) -> String {
    let mut all = args.to_vec();
    all.extend(["--format", format]);
    env.stdout(&all)
}

#[test]
fn commands_showing_an_occupation_carry_the_attribution_in_every_format() {
    let env = imported();
    let commands: [&[&str]; 6] = [
        &["show", "15-2051.00"],
        &["compare", "data-scientists", "ml-engineer"],
        &["gap", "data-engineer", "data-scientists"],
        &["match", "--skills", "python,sql,spark"],
        &["path", "data-scientists"],
        &["show", "ml-engineer"],
    ];
    for args in commands {
        for format in ["table", "markdown", "csv"] {
            let mut out = in_format(&env, args, format);
            if format == "markdown" {
                out = crate::common::markdown_text(&out);
            }
            // Tables wrap the sentence; compare it without line breaks.
            let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(flat.contains(ATTRIBUTION), "{args:?} {format}: {out}");
        }
        let json = env.json(args);
        assert_eq!(json["attribution"], ATTRIBUTION, "{args:?} json");
    }
    // CSV carries it as a column on every row.
    let csv = in_format(&env, &["compare", "data-scientists", "ml-engineer"], "csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let at = headers
        .iter()
        .position(|h| h == "attribution")
        .expect("an attribution column");
    for row in reader.records() {
        assert_eq!(&row.unwrap()[at], ATTRIBUTION);
    }
}

#[test]
fn curated_profiles_alone_carry_no_attribution() {
    let env = imported();
    for args in [&["path", "ml-engineer"][..], &["path", "data-engineer"]] {
        for format in ["table", "markdown", "csv", "json"] {
            let out = in_format(&env, args, format);
            assert!(
                !out.contains("O*NET 29.2 Database"),
                "{args:?} {format}: {out}"
            );
        }
    }
    // compare and gap show the O*NET ratings of a curated role's first linked occupation
    // (ml-engineer's 15-1221.00 is in the fixture), and carry the attribution for them.
    for args in [
        &["compare", "data-engineer", "ml-engineer"][..],
        &["gap", "data-engineer", "ml-engineer"],
    ] {
        for format in ["table", "markdown", "csv", "json"] {
            let out = in_format(&env, args, format);
            // Markdown writes O\*NET.
            assert!(
                out.contains("NET 29.2 Database"),
                "{args:?} {format}: {out}"
            );
        }
    }
}

#[test]
fn path_of_an_occupation_lists_its_related_occupations_in_tier_order() {
    let env = imported();
    let json = env.json(&["path", "15-2051.00"]);
    let related: Vec<(&str, &str)> = json["related_roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["profile"].as_str().unwrap(),
                r["description"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        related,
        [
            (
                "computer-and-information-research-scientists",
                "O*NET related occupation 15-1221.00 (Primary-Short, rank 1)"
            ),
            (
                "analysts",
                "O*NET related occupation 13-1111.00 (Primary-Long, rank 2)"
            ),
            (
                "computer-systems-engineers-architects",
                "O*NET related occupation 15-1299.08 (Supplemental, rank 3)"
            ),
        ]
    );
}

/// The education of 15-2051.00 in the fixture, as show, compare and gap all word it.
const EDUCATION: &str =
    "O*NET respondents: Master's Degree 46%, Bachelor's Degree 40%, Doctoral Degree 15%";

#[test]
fn compare_and_gap_use_an_occupations_education_and_job_zone() {
    let env = imported();
    let json = env.json(&["compare", "15-2051.00", "ml-engineer"]);
    let requirements = &json["roles"][0]["requirements"];
    assert_eq!(requirements["education"]["note"], EDUCATION);
    assert_eq!(
        requirements["experience"],
        serde_json::json!([{"stage": "O*NET job zone 4", "note": "Zone four (fixture)"}])
    );
    let gap = env.json(&["gap", "ml-engineer", "data-scientists"]);
    assert_eq!(gap["requirements"]["to"]["education"]["note"], EDUCATION);
    let show = in_format(&env, &["show", "15-2051.00"], "table");
    // Wrapped at 100 columns, word for word the same.
    let words: Vec<&str> = EDUCATION.split_whitespace().collect();
    let shown = show.split_once("\nEducation ").unwrap().1;
    let shown: Vec<&str> = shown.split_whitespace().take(words.len()).collect();
    assert_eq!(shown, words, "{show}");
}
