//! `careers outlook ROLE`: the growth figures and outlook a curated profile reports, and BLS
//! OEWS national employment and median pay of the role's occupations (May 2025, from
//! `oe.data.0.Current`: datatypes 01 and 13 of area 0000000, cross-industry).

use crate::common::{ATTRIBUTION, NOTICE, TestEnv};

#[test]
fn a_curated_role_gets_its_growth_figures_outlook_and_bls_employment() {
    let env = TestEnv::new().embedded();
    let json = env.json(&["outlook", "mle"]);
    assert_eq!(json["id"], "ml-engineer");
    // Its first linked occupation's code, and every one it links.
    assert_eq!(json["code"], "15-1221.00", "{json}");
    assert_eq!(json["soc"], "15-1221", "{json}");
    assert_eq!(
        json["codes"],
        serde_json::json!(["15-1221.00", "15-1299.08", "15-2051.00"])
    );
    let growth: Vec<(&str, f64)> = json["growth"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["metric"].as_str().unwrap(),
                f["value"]["value"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        growth,
        [
            ("Growth of AI and ML jobs", 74.0),
            ("Growth in AI scientist job openings", 80.0),
            ("Growth in machine learning engineer positions", 70.0),
            ("Projected growth rate for ML engineering", 23.0),
            (
                "Compound annual growth rate (CAGR) of the global ML market",
                36.2
            ),
        ]
    );
    assert_eq!(json["outlook"].as_array().unwrap().len(), 4);
    let employment: Vec<(&str, f64, f64)> = json["employment"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["occupation"]["soc"].as_str().unwrap(),
                h["employment"]["value"].as_f64().unwrap(),
                h["median"]["value"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        employment,
        [
            ("15-1221", 37_200.0, 140_300.0),
            ("15-1299", 435_370.0, 116_580.0),
            ("15-2051", 262_440.0, 120_230.0),
        ]
    );
    assert_eq!(json["employment"][0]["area"]["code"], "0000000");
    assert_eq!(json["official_source"]["name"], "BLS OEWS May 2025");
    assert!(json.get("attribution").is_none(), "{json}");
    insta::assert_snapshot!(
        "outlook_ml_engineer",
        env.stdout(&["outlook", "ml-engineer"])
    );
}

#[test]
fn an_occupation_gets_bls_figures_and_o_nets_attribution() {
    let env = TestEnv::new().embedded();
    let json = env.json(&["outlook", "registered nurses"]);
    assert_eq!(json["id"], "registered-nurses");
    assert_eq!(json["code"], "29-1141.00");
    assert_eq!(json["growth"], serde_json::json!([]));
    assert_eq!(json["outlook"], serde_json::json!([]));
    assert_eq!(json["employment"][0]["employment"]["value"], 3_379_720);
    assert_eq!(json["employment"][0]["median"]["value"], 97_550);
    assert_eq!(json["attribution"], ATTRIBUTION);
    let out = env.run(&["outlook", "29-1141", "--format", "plain"]);
    let text = out.stdout;
    assert!(
        text.contains("\nregistered-nurses\temployment\tSOC 29-1141 Registered Nurses\tpublished\t3379720\tpeople\t3,379,720\t\tBLS OEWS May 2025 · National\nregistered-nurses\tannual-median\tSOC 29-1141 Registered Nurses\tpublished\t97550\tusd-per-year\t$97,550\t\tBLS OEWS May 2025 · National\n"),
        "{text}"
    );
    // The attribution on stderr, with the other notices.
    assert!(!text.contains(ATTRIBUTION), "{text}");
    assert!(out.stderr.contains(ATTRIBUTION), "{}", out.stderr);
}

#[test]
fn every_output_of_bls_figures_carries_blss_notice_once() {
    let env = TestEnv::new().embedded();
    // (arguments, the CSV rows that show BLS figures: the rest carry no notice).
    let bls_rows = |row: &csv::StringRecord, args: &[&str]| match args[0] {
        "outlook" => {
            ["employment", "annual-median"].contains(&&row[1])
                || row[8].starts_with("BLS Employment Projections")
        }
        "compare" => row[8].starts_with("BLS "),
        "gap" => &row[0] == "pay" || &row[0] == "outlook",
        "salary" => &row[1] == "official",
        "sources" => &row[1] == "Official wages" || &row[1] == "Official projections",
        _ => true,
    };
    for args in [
        &["outlook", "ml-engineer"][..],
        &["compare", "ml-engineer", "data-engineer"],
        &["gap", "data-engineer", "ml-engineer"],
        &["where", "data-scientists", "--top", "2"],
        &["salary", "ml-engineer", "--city", "Seattle"],
        &["sources"],
    ] {
        for format in ["table", "plain", "markdown"] {
            // Plain's notices are on stderr.
            let run = env.run(&[args, &["--format", format]].concat());
            let out = format!("{}{}", run.stdout, run.stderr);
            let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(flat.matches(NOTICE).count(), 1, "{args:?} {format}: {out}");
        }
        let csv = env.stdout(&[args, &["--format", "csv"]].concat());
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let headers = reader.headers().unwrap().clone();
        let column = headers.iter().position(|h| h == "attribution");
        let column = column.unwrap_or_else(|| panic!("{args:?}: {csv}"));
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let (with, without): (Vec<_>, Vec<_>) = rows.iter().partition(|r| bls_rows(r, args));
        assert!(!with.is_empty(), "{args:?}: {csv}");
        for row in with {
            assert!(row[column].starts_with(NOTICE), "{args:?}: {row:?}");
        }
        for row in without {
            assert!(!row[column].contains(NOTICE), "{args:?}: {row:?}");
        }
        let json = env.json(args).to_string();
        assert_eq!(json.matches(NOTICE).count(), 1, "{args:?}: {json}");
    }
    // `sources` names O*NET's release too: every CSV row carries its attribution.
    let csv = env.stdout(&["sources", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let column = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "attribution");
    let column = column.unwrap_or_else(|| panic!("{csv}"));
    for row in reader.records().map(Result::unwrap) {
        // The embedded O*NET release carries 29.0's ratings: its attribution names both.
        assert!(
            row[column].ends_with(crate::ratings::ATTRIBUTION_WITH_RATINGS),
            "{row:?}"
        );
    }
    // Without a BLS figure, no notice.
    let curated = env.stdout(&["salary", "data-engineering-team-lead"]);
    assert!(!curated.contains(NOTICE), "{curated}");
}

#[test]
fn csv_gives_numbers_plain_with_their_unit() {
    let env = TestEnv::new().embedded();
    let csv = env.stdout(&["outlook", "data-governance-analyst", "--format", "csv"]);
    assert_eq!(
        csv.replace(NOTICE, "NOTICE"),
        "id,part,what,status,value,unit,text,period,source,attribution\n\
         data-governance-analyst,growth,Projected growth of related roles,reported,10,percent,10%,2022-2032,\"AiPathly career page: Machine Learning Developer, section \"\"More Careers: Data Governance Analyst\"\"\",\n\
         data-governance-analyst,outlook,,,,,Growth prospects look promising,,,\n\
         data-governance-analyst,outlook,,,,,The role matters more and more as organizations see how much decisions depend on data and how strict data management has to be,,,\n\
         data-governance-analyst,employment-base,Database architects (15-1243),published,66900,jobs,\"66,900\",2024-2034,BLS Employment Projections 2024-34,NOTICE\n\
         data-governance-analyst,employment-projected,Database architects (15-1243),published,72700,jobs,\"72,700\",2024-2034,BLS Employment Projections 2024-34,NOTICE\n\
         data-governance-analyst,change,Database architects (15-1243),published,5800,jobs,\"5,800 more\",2024-2034,BLS Employment Projections 2024-34,NOTICE\n\
         data-governance-analyst,change-percent,Database architects (15-1243),published,8.7,percent,8.7% more,2024-2034,BLS Employment Projections 2024-34,NOTICE\n\
         data-governance-analyst,openings,Database architects (15-1243),published,4000,jobs-per-year,\"4,000: +500 from growth, 1,500 from workers leaving the labor force, 2,000 from workers moving to other occupations\",2024-2034,BLS Employment Projections 2024-34,NOTICE\n\
         data-governance-analyst,ep-median-wage-dollars,Database architects (15-1243),published,135980,usd-per-year,\"$135,980\",2024-2034,BLS Employment Projections 2024-34,NOTICE\n\
         data-governance-analyst,education,Database architects (15-1243),published,bachelor,category,Bachelor's degree,2024-2034,BLS Employment Projections 2024-34,NOTICE\n\
         data-governance-analyst,employment,SOC 15-1243 Database Architects,published,67140,people,\"67,140\",,BLS OEWS May 2025 · National,NOTICE\n\
         data-governance-analyst,annual-median,SOC 15-1243 Database Architects,published,139500,usd-per-year,\"$139,500\",,BLS OEWS May 2025 · National,NOTICE\n"
    );
}

#[test]
fn a_role_with_no_market_data_says_so() {
    let env = TestEnv::new();
    assert_eq!(
        env.stdout(&["outlook", "data-engineer"]),
        "Outlook: Data Engineer (data-engineer)\n\
         data-engineer's profile reports no growth figures or outlook.\n\
         No BLS Employment Projections release is in use: `careers import projections FILE` adds one.\n\
         No BLS OEWS release is in use: `careers import oews DIR` adds one.\n"
    );
    let json = env.json(&["outlook", "data-engineer"]);
    assert!(json.get("employment").is_none(), "{json}");
    let mine = TestEnv::new().embedded().with_profile(
        "mine.json",
        r#"{"id":"mine","title":"Mine","summary":"Me."}"#,
    );
    assert_eq!(
        mine.stdout(&["outlook", "mine"]),
        "Outlook: Mine (mine)\n\
         mine's profile reports no growth figures or outlook.\n\
         No BLS Employment Projections 2024-34 for mine: the profile links no O*NET-SOC occupation, which BLS\n\
         projects by.\n\
         No BLS OEWS May 2025 estimates for mine: its profile links no O*NET-SOC occupation, which BLS OEWS\n\
         estimates are published by.\n"
    );
    let json = mine.json(&["outlook", "mine"]);
    assert_eq!(json["official_source"]["name"], "BLS OEWS May 2025");
    assert_eq!(
        json["no_estimates"],
        serde_json::json!({"kind": "no-linked-occupation"})
    );
    assert!(
        env.fails(&["outlook", "no-such-role"], 1)
            .starts_with("careers: error: unknown role \"no-such-role\""),
    );
}
