//! `careers salary` and `careers trends`.

use serde_json::Value;

use crate::common::{TestEnv, assert_fits};

/// The figures of a salary JSON report, across roles.
fn figures(json: &Value) -> Vec<&Value> {
    json["roles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["figures"].as_array().unwrap())
        .collect()
}

/// Runs `careers salary ARGS --format json` and returns the text of every figure it shows.
fn texts(args: &[&str]) -> Vec<String> {
    let mut all = vec!["salary"];
    all.extend(args);
    let json = TestEnv::new().json(&all);
    figures(&json)
        .iter()
        .map(|f| f["text"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn every_city_returns_its_figure_exactly_under_each_of_its_names() {
    let env = TestEnv::new();
    let cases = [
        ("Seattle", "$147,000 – $182,182"),
        ("seattle", "$147,000 – $182,182"),
        ("Austin", "$155,000 – $207,775"),
        ("San Francisco", "$110,000 – $193,919"),
        ("SF", "$110,000 – $193,919"),
        ("New York City", "$168,767"),
        ("NYC", "$168,767"),
        ("nyc", "$168,767"),
        ("Los Angeles", "$185,000"),
        ("LA", "$185,000"),
        ("Boston", "$130,000 – $164,700"),
        ("Chicago", "$172,500"),
        ("Remote", "average $187,824"),
    ];
    for (city, expected) in cases {
        assert_eq!(texts(&["--city", city]), [expected], "--city {city}");
        let table = env.stdout(&["salary", "ml-engineer", "--city", city]);
        assert!(table.contains(expected), "{city}: {table}");
    }
}

#[test]
fn every_experience_level_with_every_company_type_returns_its_figure_exactly() {
    let cases = [
        ("entry", "general", "$96,000 – $132,000"),
        ("entry-level", "top-tech", "up to $152,601"),
        ("mid", "general", "$144,000 – $180,000"),
        ("Mid-Career", "FAANG", "$132,326 – $181,999"),
        ("senior", "general", "$172,654+"),
        ("experienced", "big tech", "$148,672 – $208,931+"),
    ];
    for (level, company, expected) in cases {
        assert_eq!(
            texts(&["ml-engineer", "--experience", level, "--company", company]),
            [expected],
            "--experience {level} --company {company}"
        );
    }
    assert_eq!(
        texts(&["--experience", "senior"]),
        ["$172,654+", "$148,672 – $208,931+"]
    );
    assert_eq!(texts(&["--company", "startup"]), ["average $136,917"]);
    assert_eq!(texts(&["--company", "AI startups"]), ["average $136,917"]);
}

#[test]
fn every_industry_and_the_additional_and_total_compensation_return_exactly() {
    assert_eq!(texts(&["--industry", "real estate"]), ["median $194,101"]);
    assert_eq!(
        texts(&["--industry", "Information Technology"]),
        ["$185,687"]
    );
    // Repeated, a figure of any of them passes.
    assert_eq!(
        texts(&[
            "--industry",
            "Information Technology",
            "--industry",
            "real estate"
        ]),
        ["median $194,101", "$185,687"]
    );
    assert_eq!(
        texts(&["--about", "additional"]),
        ["average $44,362 – $60,000+"]
    );
    assert_eq!(texts(&["--about", "total-compensation"]), ["$202,331+"]);
    assert_eq!(
        texts(&["--about", "overall"]),
        ["average $157,969 – $161,777", "average $109,143 – $166,000"]
    );
}

#[test]
fn without_arguments_every_figure_of_every_profile_shows_grouped() {
    let env = TestEnv::new();
    let json = env.json(&["salary"]);
    assert_eq!(figures(&json).len(), 21);
    let dims: Vec<&str> = figures(&json)
        .iter()
        .map(|f| f["dimension"].as_str().unwrap())
        .collect();
    let mut grouped = dims.clone();
    grouped.dedup();
    assert_eq!(
        grouped,
        [
            "overall",
            "company",
            "experience",
            "location",
            "industry",
            "additional-compensation",
            "total-compensation"
        ]
    );
    assert_eq!(
        json["roles_without_figures"],
        serde_json::json!([
            "data-engineer",
            "data-engineering-manager",
            "data-engineering-team-lead",
            "data-governance-analyst"
        ])
    );
    let growth: Vec<String> = json["roles"][0]["growth"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["event"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(growth.len(), 4);
    insta::assert_snapshot!("salary_ml_engineer", env.stdout(&["salary", "ml-engineer"]));
}

#[test]
fn growth_levers_show_with_the_role_salary() {
    let env = TestEnv::new();
    let out = env.stdout(&["salary", "mle"]);
    for text in ["3-5%", "20-30%+", "15-25%", "Additional cash compensation"] {
        assert!(out.contains(text), "{text}");
    }
}

#[test]
fn filters_combine() {
    let env = TestEnv::new();
    let json = env.json(&[
        "salary",
        "ml-engineer",
        "--experience",
        "senior",
        "--company",
        "top-tech",
    ]);
    let figs = figures(&json);
    assert_eq!(figs.len(), 1);
    assert_eq!(figs[0]["text"], "$148,672 – $208,931+");
    assert_eq!(json["filters"]["experience"], "senior");
    assert_eq!(json["filters"]["company"], "top-tech");
    insta::assert_snapshot!(
        "salary_senior_top_tech",
        env.stdout(&[
            "salary",
            "ml-engineer",
            "--experience",
            "senior",
            "--company",
            "top-tech"
        ])
    );
}

#[test]
fn a_combination_with_no_figure_says_so_and_succeeds() {
    let env = TestEnv::new();
    assert_eq!(
        env.stdout(&[
            "salary",
            "mle",
            "--city",
            "Seattle",
            "--experience",
            "senior"
        ]),
        "Filters: city Seattle, experience senior.\n\
         No salary figure for ml-engineer matches city Seattle, experience senior.\n\
         No role has salary figures for the combination city Seattle, experience senior.\n\
         Roles with salary figures for city Seattle alone: ml-engineer.\n\
         Roles with salary figures for experience senior alone: ml-engineer.\n"
    );
    assert_eq!(
        env.stdout(&[
            "salary",
            "data-engineer",
            "--city",
            "Austin",
            "--about",
            "location"
        ]),
        "Filters: city Austin, about location.\n\
         No salary figures for data-engineer in bundled profiles.\n\
         Roles with salary figures for city Austin, about location: ml-engineer.\n"
    );
}

#[test]
fn json_figures_carry_kind_integer_amounts_currency_year_and_source() {
    let env = TestEnv::new();
    let json = env.json(&["salary", "--city", "Seattle"]);
    let f = figures(&json)[0];
    assert_eq!(f["kind"], "range");
    assert_eq!(f["low"], 147_000);
    assert_eq!(f["high"], 182_182);
    assert_eq!(f["open_high"], false);
    assert_eq!(f["currency"], "USD");
    assert_eq!(f["year"], 2024);
    assert_eq!(f["dimension"], "location");
    assert_eq!(f["label"], "Seattle");
    assert_eq!(
        f["source"]["document"],
        "AiPathly career page: Machine Learning Developer"
    );
    assert_eq!(f["source"]["section"], "Salary Ranges (US Market, 2024)");
    assert!(f.get("statistic").is_none());

    let all = env.json(&["salary"]);
    let by_text = |t: &str| {
        figures(&all)
            .into_iter()
            .find(|f| f["text"] == t)
            .cloned()
            .unwrap()
    };
    let remote = by_text("average $187,824");
    assert_eq!(remote["kind"], "amount");
    assert_eq!(remote["amount"], 187_824);
    assert_eq!(remote["statistic"], "average");
    let senior = by_text("$172,654+");
    assert_eq!(senior["kind"], "at-least");
    assert_eq!(senior["amount"], 172_654);
    assert_eq!(senior["open_high"], true);
    let entry_top = by_text("up to $152,601");
    assert_eq!(entry_top["kind"], "up-to");
    assert_eq!(entry_top["amount"], 152_601);
    assert_eq!(entry_top["experience"], "entry");
    assert_eq!(entry_top["company"], "top-tech");
    let market = by_text("average $109,143 – $166,000");
    assert_eq!(market["source"]["section"], "Market Demand");
}

#[test]
fn sort_orders_each_group_and_says_how_open_figures_sort() {
    let env = TestEnv::new();
    let order = |by: &str| texts(&["--about", "location", "--sort", by]);
    assert_eq!(
        order("low"),
        [
            "average $187,824",
            "$185,000",
            "$172,500",
            "$168,767",
            "$155,000 – $207,775",
            "$147,000 – $182,182",
            "$130,000 – $164,700",
            "$110,000 – $193,919"
        ]
    );
    assert_eq!(order("high")[0], "$155,000 – $207,775");
    assert_eq!(order("mid")[0], "average $187,824");
    let out =
        TestEnv::new()
            .width(200)
            .stdout(&["salary", "--about", "experience", "--sort", "high"]);
    assert!(
        out.contains(
            "Each group is sorted by the high end of its bands, highest first. Open-ended figures"
        ),
        "{out}"
    );
    assert!(
        out.contains("sort on the amount they state: $148,672 – $208,931+, $172,654+."),
        "{out}"
    );
    let stderr = env.fails(&["salary", "--sort", "top"], 2);
    assert!(
        stderr.contains("invalid value 'top' for '--sort <END>'"),
        "{stderr}"
    );
}

#[test]
fn my_pay_is_placed_against_every_band() {
    let env = TestEnv::new();
    let json = env.json(&["salary", "--about", "location", "--my-pay", "$150,000"]);
    assert_eq!(json["my_pay"], 150_000);
    let place = |label: &str| {
        figures(&json)
            .into_iter()
            .find(|f| f["label"] == label)
            .unwrap()["my_pay"]
            .clone()
    };
    assert_eq!(
        place("Seattle"),
        serde_json::json!({"position": "inside", "percent": 9, "above_low": 3000, "below_high": 32182})
    );
    assert_eq!(
        place("Austin"),
        serde_json::json!({"position": "below", "by": 5000})
    );
    let out = env.stdout(&["salary", "--city", "la", "--my-pay", "190k"]);
    assert!(out.contains("above, by $5,000"), "{out}");
    for amount in ["150000", "150,000", "$150,000", "150k", "150K"] {
        let json = env.json(&["salary", "--city", "sf", "--my-pay", amount]);
        assert_eq!(json["my_pay"], 150_000, "{amount}");
    }
}

#[test]
fn my_pay_is_not_placed_against_additional_cash() {
    let env = TestEnv::new();
    let out = TestEnv::new().width(160).stdout(&[
        "salary",
        "mle",
        "--about",
        "additional",
        "--my-pay",
        "150k",
    ]);
    assert!(out.contains("not comparable: additional cash"), "{out}");
    assert!(!out.contains("above"), "{out}");
    let json = env.json(&["salary", "mle", "--about", "additional", "--my-pay", "150k"]);
    assert_eq!(
        figures(&json)[0]["my_pay"],
        serde_json::json!({"not_comparable": "additional cash"})
    );
    let json = env.json(&["salary", "mle", "--about", "total", "--my-pay", "150k"]);
    assert_eq!(
        figures(&json)[0]["my_pay"],
        serde_json::json!({"position": "below", "by": 52331})
    );
    let json = env.json(&[
        "salary",
        "mle",
        "--experience",
        "senior",
        "--my-pay",
        "210k",
    ]);
    assert_eq!(
        figures(&json)[1]["my_pay"],
        serde_json::json!({"position": "above", "by": 1069, "open_high": true})
    );
}

#[test]
fn bad_my_pay_is_a_usage_error() {
    let env = TestEnv::new();
    for bad in ["lots", "150.000", "-5", "0", "15,00", "150m", "45/day"] {
        let arg = format!("--my-pay={bad}");
        let stderr = env.fails(&["salary", &arg], 2);
        assert!(
            stderr.contains(&format!("invalid value '{bad}' for '--my-pay <AMOUNT>'"))
                && stderr.contains("expected a year's pay such as 150000, 150,000 or $150k, or an hourly rate such as 45/hr or 45h"),
            "{bad}: {stderr}"
        );
    }
    assert_eq!(
        env.fails(&["salary", "--my-pay", "lots"], 2),
        "careers: error: invalid value 'lots' for '--my-pay <AMOUNT>': \"lots\" is not an amount of pay; expected a year's pay such as 150000, 150,000 or $150k, or an hourly rate such as 45/hr or 45h; see careers salary --help\n"
    );
}

#[test]
fn a_years_pay_below_1000_is_a_usage_error_suggesting_hourly_or_thousands() {
    let env = TestEnv::new();
    assert_eq!(
        env.fails(&["salary", "--my-pay", "45"], 2),
        "careers: error: invalid value '45' for '--my-pay <AMOUNT>': $45 is too little for a year's pay; for $45 an hour write 45/hr (= $93,600 a year at 2,080 hours), for $45,000 a year write 45k; see careers salary --help\n"
    );
}

#[test]
fn my_pay_takes_an_hourly_rate_at_2080_hours_a_year() {
    let env = TestEnv::new();
    for (text, annual, hourly) in [
        ("45/hr", 93_600, 45.0),
        ("45h", 93_600, 45.0),
        ("45.50/hr", 94_640, 45.5),
    ] {
        let json = env.json(&["salary", "mle", "--about", "location", "--my-pay", text]);
        assert_eq!(json["my_pay"], annual, "{text}");
        assert_eq!(json["my_pay_hourly"], hourly, "{text}");
    }
    for text in ["150000", "150,000", "$150k"] {
        let json = env.json(&["salary", "mle", "--about", "location", "--my-pay", text]);
        assert_eq!(json["my_pay"], 150_000, "{text}");
        assert!(json.get("my_pay_hourly").is_none(), "{text}");
    }
    let run = env.run(&[
        "salary", "mle", "--about", "location", "--my-pay", "45/hr", "--format", "plain",
    ]);
    let out = run.stdout;
    assert!(
        run.stderr.contains("Your pay: $45 an hour, $93,600 a year. An hourly rate counts 2,080 hours a year (52 weeks of 40 hours), as BLS turns hourly wages into annual ones.\n"),
        "{}",
        run.stderr
    );
    // Boston's band is $130,000 to $164,700: $93,600 is $36,400 below it.
    assert!(
        out.contains("\tBoston\tOther major tech hubs\tBoston\t"),
        "{out}"
    );
    assert!(
        out.contains("\t$130,000 – $164,700\t\tAiPathly career page: Machine Learning Developer, section \"Salary Ranges (US Market, 2024)\"\tbelow\t\t-36400\t"),
        "{out}"
    );
}

#[test]
fn charts_fit_at_40_80_and_120_columns() {
    for width in [40, 80, 120] {
        let at_width = TestEnv::new().width(width);
        for args in [
            &["salary", "ml-engineer"][..],
            &["salary", "--about", "location", "--my-pay", "150k"],
            &["salary", "--experience", "senior", "--my-pay", "150k"],
            &["salary", "--list-cities"],
            &["trends"],
        ] {
            let out = at_width.stdout(args);
            assert_fits(&out, width);
        }
        let out = at_width.stdout(&["salary", "--about", "location"]);
        assert!(out.contains("Pay by location, ml-engineer"), "{width}");
        assert!(out.contains('█'), "{width}");
    }
    insta::assert_snapshot!(
        "salary_experience_chart_40",
        TestEnv::new()
            .width(40)
            .stdout(&["salary", "--about", "experience", "--my-pay", "150k"])
    );
    insta::assert_snapshot!(
        "salary_location_chart_120",
        TestEnv::new()
            .width(120)
            .stdout(&["salary", "--about", "location", "--my-pay", "150k"])
    );
}

#[test]
fn no_chart_for_a_single_band_or_for_other_comparisons() {
    let env = TestEnv::new();
    let out = env.stdout(&["salary", "--city", "Seattle"]);
    assert!(!out.contains('█'), "{out}");
    let out = env.stdout(&["salary", "--about", "industry"]);
    assert!(!out.contains('█'), "{out}");
}

#[test]
fn bad_values_for_every_filter_fail_with_known_values_and_a_suggestion() {
    let env = TestEnv::new();
    // Open sets (places, industries, roles) are checked against the data: exit 1.
    let cases: [(&[&str], &str); 3] = [
        (
            &["salary", "--city", "Seatle"],
            "careers: error: unknown city \"Seatle\" (did you mean Seattle?); known cities: Seattle, Austin, San Francisco, New York City, Los Angeles, Boston, Chicago, Remote\n",
        ),
        (
            &["salary", "--industry", "real-estat"],
            "careers: error: unknown industry \"real-estat\" (did you mean Real Estate?); known industries: Real Estate, Information Technology, Retail and Wholesale, Healthcare, Human Resources\n",
        ),
        (
            &["salary", "ml-enginer"],
            "careers: error: unknown role \"ml-enginer\" (did you mean ml-engineer?); `careers search WORDS` finds a role by the words of its title, tasks or skills\n",
        ),
    ];
    for (args, expected) in cases {
        assert_eq!(env.fails(args, 1), expected, "{args:?}");
    }
    // Closed sets are part of the command line: a usage error, exit 2, as for --sort.
    let cases: [(&[&str], &str); 3] = [
        (
            &["salary", "--experience", "senoir"],
            "careers: error: invalid value 'senoir' for '--experience <LEVEL>' (did you mean senior?); possible values: entry, mid, senior; see careers salary --help\n",
        ),
        (
            &["salary", "--company", "fang"],
            "careers: error: invalid value 'fang' for '--company <TYPE>'; possible values: general, top-tech, startup; see careers salary --help\n",
        ),
        (
            &["salary", "--about", "citys"],
            "careers: error: invalid value 'citys' for '--about <WHAT>'; possible values: overall, company, experience, location, industry, additional-compensation, total-compensation; see careers salary --help\n",
        ),
    ];
    for (args, expected) in cases {
        assert_eq!(env.fails(args, 2), expected, "{args:?}");
    }
    // Every name a closed value answers to, in any case, with spaces or hyphens.
    for (flag, value, canonical) in [
        ("--experience", "junior", "entry"),
        ("--experience", "Entry-Level", "entry"),
        ("--experience", "experienced", "senior"),
        ("--company", "FAANG", "top-tech"),
        ("--company", "big tech", "top-tech"),
        ("--company", "big-tech", "top-tech"),
        ("--about", "cities", "location"),
    ] {
        let v = env.json(&["salary", "mle", flag, value]);
        let key = flag.trim_start_matches("--");
        assert_eq!(v["filters"][key], canonical, "{flag} {value}");
    }
}

#[test]
fn roles_without_pay_figures_say_so_and_invent_none() {
    let env = TestEnv::new();
    for id in [
        "data-engineer",
        "data-engineering-manager",
        "data-engineering-team-lead",
        "data-governance-analyst",
    ] {
        assert_eq!(
            env.stdout(&["salary", id]),
            format!(
                "No salary figures for {id} in bundled profiles.\nRoles with salary figures: ml-engineer.\n"
            )
        );
        let json = env.json(&["salary", id]);
        assert_eq!(json["roles"], serde_json::json!([]));
        assert_eq!(json["roles_without_figures"], serde_json::json!([id]));
    }
    assert_eq!(
        env.stdout(&["salary", "data-engineer", "--city", "NYC"]),
        "Filters: city New York City.\n\
         No salary figures for data-engineer in bundled profiles.\n\
         Roles with salary figures for city New York City: ml-engineer.\n"
    );
}

#[test]
fn an_industry_ranked_without_a_figure_says_what_the_source_says() {
    let env = TestEnv::new();
    let out = env.stdout(&["salary", "--industry", "healthcare"]);
    assert!(
        out.contains("• Healthcare (ranked 4 of 5): Demand is growing and pay is competitive"),
        "{out}"
    );
    assert!(!out.contains('$'), "no figure is invented: {out}");
    let json = env.json(&["salary", "--industry", "healthcare"]);
    assert_eq!(json["roles"][0]["figures"], serde_json::json!([]));
    assert_eq!(json["roles"][0]["unfigured_industries"][0]["rank"], 4);
}

#[test]
fn list_cities_counts_roles_with_figures_in_each_place() {
    let env = TestEnv::new();
    insta::assert_snapshot!(
        "salary_list_cities",
        env.stdout(&["salary", "--list-cities"])
    );
    let json = env.json(&["salary", "--list-cities"]);
    let names: Vec<&str> = json["cities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Seattle",
            "Austin",
            "San Francisco",
            "New York City",
            "Los Angeles",
            "Boston",
            "Chicago",
            "Remote"
        ]
    );
    assert_eq!(
        json["cities"][0]["roles"],
        serde_json::json!(["ml-engineer"])
    );
    assert_eq!(
        env.stdout(&["salary", "data-engineer", "--list-cities"]),
        "Places with pay figures\nNo salary figures for data-engineer in bundled profiles, so no places.\n"
    );
    let stderr = env.fails(&["salary", "--list-cities", "--city", "Austin"], 2);
    assert!(stderr.contains("cannot be used with"), "{stderr}");
}

#[test]
fn csv_has_one_row_per_figure_with_the_json_fields_and_spellings() {
    let env = TestEnv::new();
    let out = env.stdout(&["salary", "--city", "Austin", "--format", "csv"]);
    assert_eq!(
        out,
        "id,dimension,label,group,location,experience,years,company,industry,kind,amount,low,high,open_high,statistic,measure,currency,year,text,note,source,my_pay_position,my_pay_percent,my_pay_by,soc,area_code,industry_code,datatype,in_us_prices,price_level,price_year,attribution\n\
         ml-engineer,location,Austin,Top-paying cities,Austin,,,,,range,,155000,207775,false,,salary,USD,2024,\"$155,000 – $207,775\",,\"AiPathly career page: Machine Learning Developer, section \"\"Salary Ranges (US Market, 2024)\"\"\",,,,,,,,,,,\n"
    );
    let out = env.stdout(&[
        "salary",
        "mle",
        "--experience",
        "entry",
        "--company",
        "general",
        "--my-pay",
        "100k",
        "--format",
        "csv",
    ]);
    let row = out.lines().nth(1).unwrap();
    assert!(
        row.starts_with("ml-engineer,experience,General,Entry-level (0-2 years),,entry,0-2 years,general,,range,,96000,132000,false,,salary,"),
        "{row}"
    );
    assert!(row.ends_with(",inside,11,4000,,,,,,,,"), "{row}");
    let out = env.stdout(&["salary", "mle", "--about", "overall", "--format", "csv"]);
    assert!(out.contains(",average,base-salary,USD,"), "{out}");
}

#[test]
fn a_user_role_without_figures_is_not_said_to_be_bundled() {
    // One user profile without salary or market data.
    let env = TestEnv::new().width(200).with_profile(
        "prompt-engineer.json",
        r#"{"id": "prompt-engineer", "title": "Prompt Engineer", "summary": "Writes prompts."}"#,
    );
    let path = env.data_dir().join("profiles/prompt-engineer.json");
    assert_eq!(
        env.stdout(&["salary", "prompt-engineer"]),
        format!(
            "No salary figures for prompt-engineer in its profile ({}).\nRoles with salary figures: ml-engineer.\n",
            path.display()
        )
    );
    assert_eq!(
        env.stdout(&["trends", "prompt-engineer"]),
        format!(
            "No market data for prompt-engineer in its profile ({}).\nRoles with market data: ml-engineer, data-governance-analyst.\n",
            path.display()
        )
    );
    let all = env
        .stdout(&["salary", "--about", "location"])
        .replace('\n', " ");
    assert!(
        all.contains(&format!(
            "No salary figures for data-engineer, data-engineering-manager, data-engineering-team-lead and data-governance-analyst in bundled profiles, nor for prompt-engineer in its profile ({}).",
            path.display()
        )),
        "{all}"
    );
}

#[test]
fn list_cities_separates_each_alias() {
    let env = TestEnv::new();
    let json = env.json(&["salary", "--list-cities"]);
    assert_eq!(
        json["cities"][2]["aliases"],
        serde_json::json!(["SF", "San Francisco, CA"])
    );
    let out = env.stdout(&["salary", "--list-cities"]);
    assert!(out.contains("SF; San Francisco, CA"), "{out}");
}

#[test]
fn about_names_are_the_same_in_help_echo_and_errors() {
    let env = TestEnv::new();
    let help = env.stdout(&["salary", "--help"]);
    assert!(
        help.contains("additional-compensation or total-compensation"),
        "{help}"
    );
    for (short, long) in [
        ("additional", "additional-compensation"),
        ("total", "total-compensation"),
    ] {
        let json = env.json(&["salary", "--about", short]);
        assert_eq!(json["filters"]["about"], long);
        let out = env.stdout(&["salary", "--about", long]);
        assert!(out.starts_with(&format!("Filters: about {long}.")), "{out}");
    }
}

#[test]
fn chart_labels_are_the_table_labels() {
    let out = TestEnv::new()
        .width(160)
        .stdout(&["salary", "--about", "location"]);
    let chart = &out[out.find("Pay by location").unwrap()..];
    assert!(chart.contains("\nRemote positions │"), "{chart}");
    let out = TestEnv::new()
        .width(160)
        .stdout(&["salary", "--about", "experience"]);
    let chart = &out[out.find("Pay by experience").unwrap()..];
    assert!(
        chart.contains("\nEntry-level (0-2 years) · General "),
        "{chart}"
    );
}

#[test]
fn notes_name_the_measure_only_when_not_plain_salary() {
    let json_notes = |args: &[&str]| TestEnv::new().width(200).stdout(args);
    let out = json_notes(&["salary", "mle", "--about", "location"]);
    assert!(!out.contains("salary;"), "{out}");
    assert!(out.contains("┆ Top-paying cities "), "{out}");
    let out = json_notes(&["salary", "mle", "--about", "total"]);
    assert!(out.contains("┆ total compensation "), "{out}");
    assert!(!out.contains("Additional compensation"), "{out}");
}

#[test]
fn the_whole_salary_shows_what_moves_pay_as_show_does() {
    let env = TestEnv::new();
    let salary = env.stdout(&["salary", "mle"]);
    let show = env.stdout(&["show", "mle", "--section", "salary"]);
    let factors = "What moves pay\n• Education (Ph.D. vs. Master's vs. Bachelor's)\n";
    assert!(salary.contains(factors), "{salary}");
    assert!(show.contains(factors), "{show}");
    let json = env.json(&["salary", "mle"]);
    assert_eq!(json["roles"][0]["factors"].as_array().unwrap().len(), 5);
    let filtered = env.stdout(&["salary", "mle", "--city", "Austin"]);
    assert!(!filtered.contains("What moves pay"), "{filtered}");
}

#[test]
fn sort_is_named_in_json() {
    let env = TestEnv::new();
    let json = env.json(&["salary", "mle", "--sort", "mid"]);
    assert_eq!(
        json["sort"],
        serde_json::json!({"by": "mid", "order": "descending"})
    );
}

#[test]
fn trends_show_demand_industries_skills_and_trends() {
    let env = TestEnv::new();
    insta::assert_snapshot!("trends_all", env.stdout(&["trends"]));
    let json = env.json(&["trends", "mle"]);
    let role = &json["roles"][0];
    assert_eq!(role["id"], "ml-engineer");
    let kinds: Vec<&str> = role["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "job-growth",
            "openings-growth",
            "openings-growth",
            "skill-demand",
            "projected-growth",
            "market-size",
            "market-growth-rate"
        ]
    );
    assert_eq!(role["figures"][5]["value"]["value"], 225.91);
    assert_eq!(role["industries"][0]["uses"][2], "Algorithmic trading");
    assert_eq!(role["in_demand_skills"].as_array().unwrap().len(), 5);
    assert_eq!(role["trends"].as_array().unwrap().len(), 9);
    assert_eq!(role["trends"][2]["figure"]["value"]["value"], 70.0);

    let all = env.json(&["trends"]);
    let ids: Vec<&str> = all["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["ml-engineer", "data-governance-analyst"]);
    assert_eq!(
        all["roles_without_market_data"],
        serde_json::json!([
            "data-engineer",
            "data-engineering-manager",
            "data-engineering-team-lead"
        ])
    );
}

#[test]
fn trends_for_a_role_without_market_data_says_so() {
    let env = TestEnv::new();
    assert_eq!(
        env.stdout(&["trends", "data-engineer"]),
        "No market data for data-engineer in bundled profiles.\nRoles with market data: ml-engineer, data-governance-analyst.\n"
    );
    assert_eq!(
        env.fails(&["trends", "ml-enginer"], 1),
        "careers: error: unknown role \"ml-enginer\" (did you mean ml-engineer?); `careers search WORDS` finds a role by the words of its title, tasks or skills\n"
    );
}

#[test]
fn hints_say_why_nothing_is_shown_and_where_else_to_look_as_tagged_objects() {
    let env = TestEnv::new();
    let args = [
        "salary",
        "ml-engineer",
        "--experience",
        "senior",
        "--city",
        "Remote",
    ];
    assert_eq!(
        env.json(&args)["hints"],
        serde_json::json!([
            {"kind": "no-figure-matches", "roles": ["ml-engineer"], "filters": {"cities": ["Remote"], "experience": "senior"}},
            {"kind": "no-role-matches", "filters": {"cities": ["Remote"], "experience": "senior"}, "combination": true},
            {"kind": "roles-with-figures", "filters": {"cities": ["Remote"]}, "alone": true, "roles": ["ml-engineer"]},
            {"kind": "roles-with-figures", "filters": {"experience": "senior"}, "alone": true, "roles": ["ml-engineer"]},
        ])
    );
    let run = env.run(&[&args[..], &["--format", "plain"]].concat());
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "Filters: city Remote, experience senior.\n\
         No salary figure for ml-engineer matches city Remote, experience senior.\n\
         No role has salary figures for the combination city Remote, experience senior.\n\
         Roles with salary figures for city Remote alone: ml-engineer.\n\
         Roles with salary figures for experience senior alone: ml-engineer.\n"
    );
    let mine = TestEnv::new().with_profile(
        "mine.json",
        r#"{"id":"mine","title":"Mine","summary":"Me."}"#,
    );
    let json = mine.json(&["salary", "mine", "--city", "Seattle"]);
    assert_eq!(
        json["hints"],
        serde_json::json!([
            {"kind": "no-figures", "roles": ["mine"]},
            {"kind": "roles-with-figures", "filters": {"cities": ["Seattle"]}, "alone": false, "roles": ["ml-engineer"]},
        ])
    );
    let run = mine.run(&["salary", "mine", "--city", "Seattle", "--format", "plain"]);
    assert_eq!(run.stdout, "");
    let text = run.stderr;
    assert!(
        text.contains(&format!(
            "No salary figures for mine in its profile ({}).\n",
            mine.profile_path("mine.json").display()
        )),
        "{text}"
    );
}
