//! `careers import oews`, `salary` and `where` from BLS OEWS estimates, against the project's
//! own fixture in BLS's flat-file layout (`tests/fixtures/oews`: padding, CRLF, `-` values with
//! footnotes 4, 5 and 8, malformed rows, no `oe.areatype`, an occupation published only as its
//! broad group, two Portlands) and, when it is there, the real release in `../shared/oews-2025`.

use std::path::PathBuf;

use crate::common::{
    ATTRIBUTION, NOTICE, TestEnv, copy_of, figure, fixture, oews_row, oews_with_rows, shared,
};

/// A data directory with the OEWS fixture imported, and the O*NET fixture when `onet`.
fn imported(onet: bool) -> TestEnv {
    let env = TestEnv::new().with_oews(fixture("oews"));
    if onet {
        env.with_onet(fixture("onet"))
    } else {
        env
    }
}

/// The fixture's three malformed rows: a short row, a figure that is not a number, an area the
/// mapping file does not have.
fn malformed_rows() -> Vec<Vec<u8>> {
    vec![
        b"OEUN000000000000015205116     \t2025\tA01".to_vec(),
        oews_row("OEUM004266000000015122113", "12O,000", ""),
        oews_row("OEUM009999900000015205113", "100000", ""),
    ]
}

#[test]
fn import_reports_counts_and_missing_files() {
    let env = TestEnv::new();
    let out = env.run(&["import", "oews", fixture("oews").to_str().unwrap()]);
    assert!(out.success());
    assert!(
        out.stderr.is_empty(),
        "no progress bar when stderr is not a terminal"
    );
    assert_eq!(
        out.stdout,
        format!(
            "Imported BLS OEWS May 2025\n\
             From          {}\n\
             Into          {}\n\
             Data files    oe.data.0.Current\n\
             Rows read     118\n\
             Values kept   118\n\
             Estimates     10\n\
             Occupations   7\n\
             Areas         8\n\
             Industries    3\n\
             Rows skipped  0\n\
             \n\
             Files not in the folder (skipped)\n\
             • oe.areatype\n\
             BLS.gov cannot vouch for the data or analyses derived from these data after the data have been\n\
             retrieved from BLS.gov.\n",
            fixture("oews").display(),
            env.data_dir().join("oews").display()
        )
    );
}

#[test]
fn malformed_rows_fail_the_import_and_force_marks_what_they_touched_incomplete() {
    let rows = malformed_rows();
    let source = oews_with_rows(&rows.iter().map(Vec::as_slice).collect::<Vec<_>>());
    let env = imported(false);
    let manifest = std::fs::read(env.data_dir().join("oews/manifest.json")).unwrap();
    assert_eq!(
        env.fails(&["import", "oews", source.path().to_str().unwrap()], 1),
        format!(
            "careers: error: {} has 3 rows that cannot be read (\
             oe.data.0.Current line 120: 3 columns where the header has 5; \
             oe.data.0.Current line 121, column 4 (value): series OEUM004266000000015122113: value \"12O,000\" is not a number with at most 0 decimals (Annual median wage); \
             oe.data.0.Current line 122, column 1 (series_id): series OEUM009999900000015205113: area 0099999 is not in oe.area\
             ); nothing was imported and the current import is kept (fix them, or pass --force to import the rest)\n",
            source.path().display()
        )
    );
    assert_eq!(
        std::fs::read(env.data_dir().join("oews/manifest.json")).unwrap(),
        manifest
    );
    let out = env.run(&["import", "oews", "--force", source.path().to_str().unwrap()]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.contains(
            "Rows skipped  3\n\
             \n\
             Files not in the folder (skipped)\n\
             • oe.areatype\n\
             \n\
             Malformed rows (skipped)\n\
             • oe.data.0.Current line 120: 3 columns where the header has 5\n\
             • oe.data.0.Current line 121: column 4 (value): series OEUM004266000000015122113: value \"12O,000\" is\n  not a number with at most 0 decimals (Annual median wage)\n\
             • oe.data.0.Current line 122: column 1 (series_id): series OEUM009999900000015205113: area 0099999\n  is not in oe.area\n"
        ),
        "{}",
        out.stdout
    );
    // Every occupation a skipped row touched says so wherever its figures are shown.
    let v = env.json(&["salary", "ml-engineer"]);
    let occupations = v["official"][0]["occupations"].as_array().unwrap();
    let marks: Vec<(&str, &serde_json::Value)> = occupations
        .iter()
        .map(|o| {
            (
                o["occupation"]["soc"].as_str().unwrap(),
                &o["occupation"]["incomplete"],
            )
        })
        .collect();
    assert_eq!(
        marks,
        [
            (
                "15-1221",
                &serde_json::json!(
                    "a row of its estimates could not be read and the import left them out (oe.data.0.Current line 121)"
                )
            ),
            ("15-1299", &serde_json::Value::Null),
            (
                "15-2051",
                &serde_json::json!(
                    "2 rows of its estimates could not be read and the import left them out (oe.data.0.Current line 120, ...)"
                )
            ),
        ]
    );
    let text = env.stdout(&["where", "ml-engineer"]);
    assert!(
        text.contains("SOC 15-2051 Data Scientists (incomplete: 2 rows of its estimates could not be read and the import\nleft them out (oe.data.0.Current line 120, ...))"),
        "{text}"
    );
}

/// A `NaN`, `inf`, text or bytes that are not UTF-8 where BLS puts a figure make the file
/// damaged; BLS's own `-` stays "not published" and is no problem.
#[test]
fn values_that_are_not_figures_fail_the_import_with_their_line_and_column() {
    let env = TestEnv::new().timeout(std::time::Duration::from_secs(30));
    let rows = [
        oews_row("OEUM004266000000015205113", "NaN", ""),
        oews_row("OEUM004266000000015205112", "inf", ""),
        oews_row("OEUM004266000000015205111", "lots", ""),
        b"OEUM004266000000015205110     \t2025\tA01\t      \xff\xfe\t".to_vec(),
    ];
    let source = oews_with_rows(&rows.iter().map(Vec::as_slice).collect::<Vec<_>>());
    assert_eq!(
        env.fails(&["import", "oews", source.path().to_str().unwrap()], 1),
        format!(
            "careers: error: {} has 4 rows that cannot be read (\
             oe.data.0.Current line 120, column 4 (value): series OEUM004266000000015205113: value \"NaN\" is not a number with at most 0 decimals (Annual median wage); \
             oe.data.0.Current line 121, column 4 (value): series OEUM004266000000015205112: value \"inf\" is not a number with at most 0 decimals (Annual 25th percentile wage); \
             oe.data.0.Current line 122, column 4 (value): series OEUM004266000000015205111: value \"lots\" is not a number with at most 0 decimals (Annual 10th percentile wage); \
             oe.data.0.Current line 123, column 4 (value): bytes that are not UTF-8, the file's encoding\
             ); nothing was imported and the current import is kept (fix them, or pass --force to import the rest)\n",
            source.path().display()
        )
    );
    assert!(!env.data_dir().join("oews").exists());
}

/// The first 70% of the data file, an empty one and another file in its place never replace a
/// whole import: each fails, naming the file or what would be lost, and keeps it.
#[test]
fn a_cut_empty_or_wrong_data_file_keeps_the_current_import() {
    let env = imported(false).timeout(std::time::Duration::from_secs(30));
    let manifest = std::fs::read(env.data_dir().join("oews/manifest.json")).unwrap();
    let source = copy_of(&fixture("oews"));
    let data = source.path().join("oe.data.0.Current");
    let whole = std::fs::read_to_string(fixture("oews/oe.data.0.Current")).unwrap();
    let lines: Vec<&str> = whole.split_inclusive('\n').collect();
    std::fs::write(&data, lines[..lines.len() * 7 / 10].concat()).unwrap();
    assert_eq!(
        env.fails(&["import", "oews", source.path().to_str().unwrap()], 1),
        format!(
            "careers: error: {} holds much less than the current BLS OEWS May 2025 (rows read 118 → 82, estimates 10 → 7); the current import is kept (pass --force to replace it anyway)\n",
            source.path().display()
        )
    );
    std::fs::write(&data, "").unwrap();
    assert_eq!(
        env.fails(&["import", "oews", source.path().to_str().unwrap()], 1),
        format!(
            "careers: error: {} is empty; it needs a header row (series_id, year, period, value, footnote_codes)\n",
            data.display()
        )
    );
    std::fs::copy(fixture("oews/oe.area"), &data).unwrap();
    let err = env.fails(&["import", "oews", source.path().to_str().unwrap()], 1);
    assert!(
        err.starts_with(&format!(
            "careers: error: {} has no column \"series_id\" (its header: ",
            data.display()
        )),
        "{err}"
    );
    assert_eq!(
        std::fs::read(env.data_dir().join("oews/manifest.json")).unwrap(),
        manifest
    );
}

/// At most 20 problems are listed, then how many more.
#[test]
fn many_problems_are_listed_twenty_then_counted() {
    let env = TestEnv::new().timeout(std::time::Duration::from_secs(30));
    let rows: Vec<Vec<u8>> = (0..25)
        .map(|i| oews_row("OEUM004266000000015205113", &format!("x{i}"), ""))
        .collect();
    let source = oews_with_rows(&rows.iter().map(Vec::as_slice).collect::<Vec<_>>());
    let err = env.fails(&["import", "oews", source.path().to_str().unwrap()], 1);
    assert_eq!(err.matches(" line ").count(), 20, "{err}");
    assert!(
        err.ends_with("; and 5 more); nothing was imported and the current import is kept (fix them, or pass --force to import the rest)\n"),
        "{err}"
    );
}

#[test]
fn import_json_has_counts_release_and_notice() {
    let env = TestEnv::new();
    let v: serde_json::Value = serde_json::from_str(
        &env.run(&[
            "import",
            "oews",
            fixture("oews").to_str().unwrap(),
            "--format",
            "json",
        ])
        .stdout,
    )
    .unwrap();
    assert_eq!(v["database"], "OEWS");
    assert_eq!(
        v["release"],
        serde_json::json!({"code": "2025A01", "name": "May 2025"})
    );
    assert_eq!(
        v["counts"],
        serde_json::json!({"rows": 118, "values": 118, "estimates": 10, "areas": 8,
            "occupations": 7, "industries": 3, "rows_skipped": 0})
    );
    assert_eq!(v["missing_files"], serde_json::json!(["oe.areatype"]));
    assert_eq!(v["skipped_rows"], serde_json::json!([]));
    assert_eq!(v["notice"], NOTICE);
}

#[test]
fn salary_shows_each_figure_of_a_place_with_blss_special_values_kept() {
    let env = imported(true);
    let v = env.json(&["salary", "data-scientists", "--city", "Seattle"]);
    assert_eq!(v["official_source"]["name"], "BLS OEWS May 2025");
    assert_eq!(v["official_source"]["notice"], NOTICE);
    let occupation = &v["official"][0]["occupations"][0];
    assert_eq!(
        occupation["occupation"],
        serde_json::json!({"code": "15-2051.00", "soc": "15-2051", "title": "Data Scientists", "basis": "same-occupation"})
    );
    let seattle = &occupation["estimates"][0];
    assert_eq!(
        seattle["area"],
        serde_json::json!({"code": "0042660", "name": "Seattle-Tacoma-Bellevue, WA", "kind": "metro"})
    );
    assert_eq!(seattle["industry"]["code"], "000000");
    assert_eq!(figure(seattle, "annual-median")["value"], 164_740);
    assert_eq!(figure(seattle, "hourly-median")["value"], 79.2);
    assert_eq!(figure(seattle, "employment")["value"], 8370);
    assert_eq!(figure(seattle, "jobs-per-1000")["value"], 4.011);
    assert_eq!(figure(seattle, "location-quotient")["value"], 2.38);
    assert_eq!(figure(seattle, "wage-rse")["value"], 2);
    assert_eq!(
        figure(seattle, "annual-90"),
        &serde_json::json!({"measure": "annual-90", "datatype": "15", "name": "Annual 90th percentile wage",
            "status": "at-least", "at_least": 239_200,
            "footnote": {"code": "5", "text": "This wage is equal to or greater than $115.00 per hour or $239,200 per year."}})
    );

    let text = env.stdout(&["salary", "data-scientists", "--city", "Seattle"]);
    // Figures are right-aligned.
    let row = |label: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("│ {label:<17} ┆ ")))
            .unwrap_or_else(|| panic!("no {label} row: {text}"))
    };
    assert!(row("90th percentile").ends_with(" ≥ $239,200 │"), "{text}");
    assert!(row("Median").ends_with(" $164,740 │"), "{text}");
    assert!(
        text.contains("Source: BLS OEWS May 2025 · Seattle-Tacoma-Bellevue, WA."),
        "{text}"
    );
    assert!(
        text.contains("≥ and +: BLS footnote 5: This wage is equal to or greater than $115.00")
    );
    assert!(text.contains("retrieved from BLS.gov.\n"), "{text}");
    // Data Scientists here is an O*NET occupation: its title and code are O*NET's.
    assert!(
        text.trim_end().ends_with("trademark of USDOL/ETA."),
        "{text}"
    );
    assert_eq!(v["attribution"], ATTRIBUTION);
}

#[test]
fn several_places_compare_side_by_side_and_not_released_stays_unpublished() {
    let env = imported(true);
    let v = env.json(&[
        "salary",
        "data-scientists",
        "--city",
        "Seattle,Portland, OR",
        "--city",
        "WA",
    ]);
    let estimates = v["official"][0]["occupations"][0]["estimates"]
        .as_array()
        .unwrap();
    let names: Vec<&str> = estimates
        .iter()
        .map(|e| e["area"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Seattle-Tacoma-Bellevue, WA",
            "Portland-Vancouver-Hillsboro, OR-WA",
            "Washington"
        ]
    );
    let employment = figure(&estimates[1], "employment");
    assert_eq!(employment["status"], "not-published");
    assert_eq!(employment["footnote"]["code"], "8");
    assert!(
        employment.get("value").is_none(),
        "a `-` never becomes a number"
    );
    let text = env.stdout(&[
        "salary",
        "data-scientists",
        "--city",
        "Seattle,Portland, OR",
    ]);
    assert!(text.contains("not released"), "{text}");
}

#[test]
fn no_place_means_the_nation_and_a_sector_reads_the_national_industry_estimate() {
    let env = imported(true);
    let v = env.json(&["salary", "data-scientists"]);
    let national = &v["official"][0]["occupations"][0]["estimates"][0];
    assert_eq!(national["area"]["name"], "National");
    assert_eq!(figure(national, "annual-median")["value"], 120_230);
    for sector in ["finance", "Finance and Insurance", "52"] {
        let v = env.json(&["salary", "data-scientists", "--industry", sector]);
        assert_eq!(
            v["official_industry"]["name"],
            "Sector 52 - Finance and Insurance"
        );
        // The all-industry estimate first, the sector's beside it.
        let estimates = &v["official"][0]["occupations"][0]["estimates"];
        assert_eq!(estimates[0]["industry"]["code"], "000000", "{sector}");
        assert_eq!(figure(&estimates[0], "annual-median")["value"], 120_230);
        assert_eq!(estimates[1]["industry"]["code"], "52--53", "{sector}");
        assert_eq!(
            figure(&estimates[1], "annual-median")["value"],
            143_600.0,
            "{sector}"
        );
        assert_eq!(v["filters"]["industry"], "Finance and Insurance");
    }
    let v = env.json(&[
        "salary",
        "data-scientists",
        "--industry",
        "finance",
        "--city",
        "Seattle",
    ]);
    assert_eq!(
        v["official_notes"],
        serde_json::json!([{"kind": "sector-national-only"}])
    );
    let err = env.fails(&["salary", "data-scientists", "--industry", "farming"], 1);
    assert!(
        err.starts_with("careers: error: unknown industry \"farming\"; known industries: "),
        "{err}"
    );
    assert!(err.contains("Finance and Insurance"), "{err}");
}

#[test]
fn curated_roles_reach_bls_through_their_o_net_links_and_aggregates_are_named() {
    // No O*NET import: the curated profile's own links suffice.
    let env = imported(false);
    let v = env.json(&["salary", "ml-engineer"]);
    let occupations = v["official"][0]["occupations"].as_array().unwrap();
    let socs: Vec<(&str, &str)> = occupations
        .iter()
        .map(|o| {
            (
                o["occupation"]["soc"].as_str().unwrap(),
                o["occupation"]["basis"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        socs,
        [
            ("15-1221", "same-occupation"),
            ("15-1299", "within-occupation"),
            ("15-2051", "same-occupation")
        ]
    );
    // The curated figures are still there beside them.
    assert!(!v["roles"].as_array().unwrap().is_empty());

    let env = imported(true);
    let v = env.json(&["salary", "13-1161.00"]);
    let o = &v["official"][0]["occupations"][0]["occupation"];
    assert_eq!(o["soc"], "13-1160");
    assert_eq!(o["basis"], "aggregate");
    let text = env.stdout(&["salary", "13-1161.00"]);
    assert!(
        text.contains("SOC 13-1160 Market Research Analysts and Marketing Specialists (BLS publishes O*NET 13-1161.00 only\nin this group)"),
        "{text}"
    );
}

#[test]
fn a_role_without_bls_figures_says_so_and_why() {
    let env = imported(true);
    let v = env.json(&["salary", "data-engineering-team-lead"]);
    assert_eq!(
        v["roles_without_official"],
        serde_json::json!([{"id": "data-engineering-team-lead", "reason": {"kind": "no-linked-occupation"}}])
    );
    let v = env.json(&["salary", "11-9199.99"]);
    assert_eq!(
        v["roles_without_official"][0]["reason"],
        serde_json::json!({"kind": "not-published", "release": "BLS OEWS May 2025", "soc": "11-9199", "group": "11-9190"})
    );
    let text = env.stdout(&["salary", "11-9199.99"]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(
            "No BLS OEWS wages for data-engineer-11-9199-99: BLS OEWS May 2025 publishes no \
             estimate for SOC 11-9199 or its group 11-9190."
        ),
        "{text}"
    );
    let odd = imported(false).with_profile(
        "odd.json",
        r#"{"id":"odd","title":"Odd","summary":"S.","codes":[{"system":"onet-soc","code":"15-12","title":"X"}]}"#,
    );
    assert_eq!(
        odd.json(&["salary", "odd"])["roles_without_official"],
        serde_json::json!([{"id": "odd", "reason": {"kind": "not-a-code", "code": "15-12"}}])
    );
    assert_eq!(
        odd.fails(&["where", "odd"], 1),
        "careers: error: no BLS OEWS estimates for odd: 15-12 is not an O*NET-SOC code\n"
    );
    let err = env.fails(&["where", "data-engineering-team-lead"], 1);
    assert_eq!(
        err,
        "careers: error: no BLS OEWS estimates for data-engineering-team-lead: its profile links no O*NET-SOC occupation, which BLS OEWS estimates are published by\n"
    );
}

#[test]
fn my_pay_is_placed_between_published_percentiles_as_a_labelled_estimate() {
    let env = imported(true);
    let v = env.json(&[
        "salary",
        "data-scientists",
        "--city",
        "Seattle",
        "--my-pay",
        "150k",
    ]);
    let placed = &v["official"][0]["occupations"][0]["estimates"][0]["my_pay"];
    // 150,000 lies between the 25th (108,740) and the median (164,740): 25 + 25 × 41,260 / 56,000.
    assert_eq!(
        placed,
        &serde_json::json!({"kind": "between", "low_percentile": 25, "low_wage": 108_740,
            "high_percentile": 50, "high_wage": 164_740, "estimated_percentile": 43.4})
    );
    let text = env.stdout(&[
        "salary",
        "data-scientists",
        "--city",
        "Seattle",
        "--my-pay",
        "150k",
    ]);
    assert!(text.contains("43rd percentile (estimate)"), "{text}");
    assert!(
        text.contains("drawn on a straight line between their wages"),
        "{text}"
    );
    let v = env.json(&[
        "salary",
        "data-scientists",
        "--city",
        "Seattle",
        "--my-pay",
        "300k",
    ]);
    assert_eq!(
        v["official"][0]["occupations"][0]["estimates"][0]["my_pay"],
        serde_json::json!({"kind": "above-highest", "percentile": 75, "wage": 210_370}),
        "a top-coded 90th percentile is no wage to place against"
    );
}

#[test]
fn places_resolve_by_city_state_code_and_ambiguous_names_list_their_readings() {
    let env = imported(true);
    let area = |place: &str| -> String {
        let v = env.json(&["salary", "data-scientists", "--city", place]);
        v["official"][0]["occupations"][0]["estimates"][0]["area"]["code"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    for (place, code) in [
        ("Seattle", "0042660"),
        ("seattle-tacoma", "0042660"),
        ("Bellevue", "0042660"),
        ("0042660", "0042660"),
        ("WA", "5300000"),
        ("us", "0000000"),
        ("national", "0000000"),
        ("Vancouver", "0038900"),
        ("Portland, OR", "0038900"),
        ("Portland ME", "0038860"),
        ("Washington", "5300000"),
    ] {
        assert_eq!(area(place), code, "{place}");
    }
    // BLS's own name of an area is that area: the state; the metro by its city and state.
    let named = |place: &str| -> String {
        let v = env.json(&["salary", "--city", place]);
        v["filters"]["cities"][0].as_str().unwrap().to_owned()
    };
    for (place, name) in [
        ("Washington", "Washington"),
        (
            "Washington, DC",
            "Washington-Arlington-Alexandria, DC-VA-MD-WV",
        ),
        (
            "Washington-Arlington-Alexandria, DC-VA-MD-WV",
            "Washington-Arlington-Alexandria, DC-VA-MD-WV",
        ),
        ("Arlington", "Washington-Arlington-Alexandria, DC-VA-MD-WV"),
    ] {
        assert_eq!(named(place), name, "{place}");
    }
    assert_eq!(
        env.fails(&["salary", "data-scientists", "--city", "Portland"], 1),
        "careers: error: place \"Portland\" has several readings: Portland-Vancouver-Hillsboro, OR-WA (0038900); Portland-South Portland, ME (0038860); name one more exactly (a state such as \"Portland, OR\", or the area code)\n"
    );
    assert_eq!(
        env.fails(&["salary", "--city", "Seatle"], 1),
        "careers: error: unknown place \"Seatle\" (did you mean Seattle or Seattle, WA?); a place is a state (Texas, WA), a metro area by one of its cities or principal cities (Seattle, Plano), a state's nonmetropolitan areas (rural Montana), a common name (Bay Area), US, or a 7-digit OEWS area code; `careers places` lists them all\n"
    );
}

#[test]
fn curated_cities_keep_working_and_remote_has_no_bls_area() {
    let env = imported(false);
    let v = env.json(&["salary", "ml-engineer", "--city", "Remote"]);
    assert_eq!(v["filters"]["cities"], serde_json::json!(["Remote"]));
    assert!(v.get("official").is_none());
    assert_eq!(
        v["official_notes"],
        serde_json::json!([{"kind": "no-area", "place": "Remote"}])
    );
    let v = env.json(&["salary", "ml-engineer", "--city", "Seattle"]);
    assert_eq!(v["roles"][0]["figures"][0]["location"], "Seattle");
    assert_eq!(
        v["official"][0]["occupations"][2]["estimates"][0]["area"]["name"],
        "Seattle-Tacoma-Bellevue, WA"
    );
}

#[test]
fn top_ranks_a_places_occupations_by_median_and_filters_by_group_and_title() {
    let env = imported(false);
    let v = env.json(&["salary", "--city", "US", "--top", "3"]);
    let ranked: Vec<(&str, u64)> = v["top"]["ranked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["soc"].as_str().unwrap(), r["rank"].as_u64().unwrap()))
        .collect();
    // Medians: 15-1221 167,960; 15-2051 120,230; 15-1299 110,430; 25-1011 107,430.
    assert_eq!(ranked, [("15-1221", 1), ("15-2051", 2), ("15-1299", 3)]);
    assert_eq!(
        v["top"]["occupations"], 4,
        "detailed occupations only: not the broad 13-1160"
    );
    let v = env.json(&["salary", "--city", "US", "--top", "5", "--group", "25"]);
    let teacher = &v["top"]["ranked"][0]["estimate"];
    assert_eq!(
        figure(teacher, "hourly-mean")["footnote"]["code"],
        "4",
        "no hourly wage for an occupation paid by the year"
    );
    let v = env.json(&["salary", "--city", "US", "--top", "5", "--title", "scien"]);
    assert_eq!(v["top"]["ranked"].as_array().unwrap().len(), 2);
    let text = env.stdout(&["salary", "--city", "US", "--top", "5", "--group", "25"]);
    assert!(
        text.contains("Best-paid occupations: National, SOC group 25"),
        "{text}"
    );
}

#[test]
fn where_ranks_metros_or_states_by_the_figure_asked_for() {
    let env = imported(true);
    let v = env.json(&["where", "data-scientists"]);
    let o = &v["occupations"][0];
    let areas: Vec<&str> = o["ranked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["area"]["code"].as_str().unwrap())
        .collect();
    assert_eq!(areas, ["0042660", "0038900", "0038860"]);
    assert_eq!(o["estimated"], 3);
    let v = env.json(&["where", "data-scientists", "--by", "employment"]);
    let o = &v["occupations"][0];
    assert_eq!(o["ranked"].as_array().unwrap().len(), 2);
    assert_eq!(
        o["not_published"], 1,
        "Portland, OR's employment is not released"
    );
    let v = env.json(&["where", "data-scientists", "--states", "--top", "1"]);
    assert_eq!(
        v["occupations"][0]["ranked"][0]["area"]["name"],
        "Washington"
    );
    assert_eq!(v["areas"], "state");
    let text = env.stdout(&["where", "data-scientists", "--by", "lq"]);
    assert!(
        text.starts_with(
            "Where: Data Scientists (data-scientists), metro areas by location quotient\n"
        ),
        "{text}"
    );
    let csv = env.stdout(&["where", "data-scientists", "--format", "csv"]);
    assert_eq!(
        csv.lines().next().unwrap(),
        "id,soc,occupation,rank,area_code,area,median,median_status,mean,employment,jobs_per_1000,location_quotient,annual_10,annual_25,annual_75,annual_90,employment_rse,wage_rse,unreliable,at_least,price_level,median_in_us_prices,source,attribution"
    );
    assert_eq!(
        csv.lines().nth(1).unwrap(),
        format!(
            "data-scientists,15-2051,Data Scientists,1,0042660,\"Seattle-Tacoma-Bellevue, WA\",164740,published,160460,8370,4.011,2.38,81130,108740,210370,239200,3.3,2,false,annual-90,,,BLS OEWS May 2025,\"{NOTICE} {ATTRIBUTION}\""
        )
    );
    let err = TestEnv::new().fails(&["where", "ml-engineer"], 2);
    assert_eq!(
        err,
        "careers: error: `careers where` ranks areas by BLS OEWS estimates, and none are loaded; import them with `careers import oews DIR`\n"
    );
}

#[test]
fn csv_has_one_row_per_official_figure() {
    let env = imported(true);
    let csv = env.stdout(&[
        "salary",
        "data-scientists",
        "--city",
        "Seattle",
        "--format",
        "csv",
    ]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        rows.len(),
        13,
        "one row per published or unpublished figure"
    );
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let median = rows
        .iter()
        .find(|r| &r[col("measure")] == "annual-median")
        .unwrap();
    assert_eq!(&median[col("dimension")], "official");
    assert_eq!(&median[col("amount")], "164740");
    assert_eq!(&median[col("area_code")], "0042660");
    assert_eq!(&median[col("soc")], "15-2051");
    assert_eq!(&median[col("source")], "BLS OEWS May 2025");
    let top = rows.iter().find(|r| &r[col("datatype")] == "15").unwrap();
    assert_eq!(&top[col("kind")], "at-least");
    assert_eq!(&top[col("amount")], "239200");
    assert_eq!(&top[col("text")], "≥ $239,200");
}

#[test]
fn a_failed_or_much_smaller_import_keeps_the_previous_one() {
    let env = imported(false);
    let manifest = std::fs::read(env.data_dir().join("oews/manifest.json")).unwrap();
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(
        env.fails(&["import", "oews", empty.path().to_str().unwrap()], 1),
        format!(
            "careers: error: {} holds none of BLS's OEWS flat files (oe.area, oe.occupation, oe.data.0.Current); point the import at the folder they are in\n",
            empty.path().display()
        )
    );
    // A copy cut mid-row fails; one with a tenth of the rows is refused unless forced.
    let cut = copy_of(&fixture("oews"));
    let data = std::fs::read(fixture("oews/oe.data.0.Current")).unwrap();
    std::fs::write(
        cut.path().join("oe.data.0.Current"),
        &data[..data.len() / 2],
    )
    .unwrap();
    let err = env.fails(&["import", "oews", cut.path().to_str().unwrap()], 1);
    assert!(
        err.contains("oe.data.0.Current ends mid-row at line"),
        "{err}"
    );
    assert!(
        err.ends_with("the file is incomplete; download it again\n"),
        "{err}"
    );
    let text = String::from_utf8(data.clone()).unwrap();
    let few: String = text.lines().take(14).flat_map(|l| [l, "\n"]).collect();
    std::fs::write(cut.path().join("oe.data.0.Current"), few).unwrap();
    let err = env.fails(&["import", "oews", cut.path().to_str().unwrap()], 1);
    assert_eq!(
        err,
        format!(
            "careers: error: {} holds much less than the current BLS OEWS May 2025 (rows read 118 → 13, estimates 10 → 2); the current import is kept (pass --force to replace it anyway)\n",
            cut.path().display()
        )
    );
    assert_eq!(
        std::fs::read(env.data_dir().join("oews/manifest.json")).unwrap(),
        manifest
    );
    env.stdout(&["import", "oews", "--force", cut.path().to_str().unwrap()]);
    assert_ne!(
        std::fs::read(env.data_dir().join("oews/manifest.json")).unwrap(),
        manifest
    );
}

#[test]
fn a_second_import_into_one_data_folder_is_refused_while_one_runs() {
    let env = TestEnv::new();
    let lock = careers::datadir::imports::ImportLock::take(&env.data_dir()).unwrap();
    for (database, source) in [("oews", fixture("oews")), ("onet", fixture("onet"))] {
        assert_eq!(
            env.fails(&["import", database, source.to_str().unwrap()], 1),
            format!(
                "careers: error: another import into {} is running; wait for it to finish, then import again\n",
                env.data_dir().display()
            )
        );
    }
    drop(lock);
    // A test running beside this one may have forked while the lock was held: its child
    // shares the lock until it execs. Wait for that to pass.
    let free = (0..100).any(|_| {
        let taken = careers::datadir::imports::ImportLock::take(&env.data_dir()).is_ok();
        if !taken {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        taken
    });
    assert!(free, "the import lock was never released");
    env.stdout(&["import", "oews", fixture("oews").to_str().unwrap()]);
}

#[test]
fn a_killed_imports_leftovers_are_removed_by_the_next_command() {
    let env = imported(false);
    let temp = env.data_dir().join(".oews-import-x1");
    std::fs::create_dir(&temp).unwrap();
    std::fs::write(temp.join("wages.bin"), b"half").unwrap();
    env.stdout(&["salary", "ml-engineer"]);
    assert!(!temp.exists());
}

#[test]
fn a_corrupt_import_is_a_warning_with_the_fix_and_the_embedded_release_answers() {
    let oews = |env: &TestEnv| env.data_dir().join("oews");
    let fix = |env: &TestEnv| {
        format!(
            "); import it again with `careers import oews FOLDER`, or remove it with `rm -r {}`",
            careers::render::sanitize::shell_quote(&oews(env).display().to_string())
        )
    };
    // Without an embedded release, the command answers without BLS's figures, and says why.
    let env = imported(false);
    std::fs::write(oews(&env).join("tables.bin"), b"\xff\xff").unwrap();
    let out = env.run(&["salary", "ml-engineer", "--format", "json"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stderr.starts_with(&format!(
            "careers: warning: the imported BLS OEWS data in {} cannot be read (",
            oews(&env).display()
        )),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .ends_with(&format!("{}; no other release is at hand\n", fix(&env))),
        "{}",
        out.stderr
    );
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert!(json.get("official_source").is_none(), "{json}");
    // Commands that do not need wages are not affected.
    assert_eq!(env.run(&["show", "ml-engineer"]).stderr, "");
    // With one, it answers in the import's place, as a damaged O*NET or projections import does.
    #[cfg(feature = "embedded")]
    {
        let env = imported(false).embedded();
        std::fs::write(oews(&env).join("tables.bin"), b"\xff\xff").unwrap();
        let out = env.run(&[
            "salary",
            "data-scientists",
            "--city",
            "Seattle",
            "--format",
            "json",
        ]);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        assert!(
            out.stderr.ends_with(&format!(
                "{}; answering from the embedded BLS OEWS May 2025 meanwhile\n",
                fix(&env)
            )),
            "{}",
            out.stderr
        );
        let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(json["official_source"]["name"], "BLS OEWS May 2025");
    }
}

/// A cut `wages.bin` is found when the import is opened (its length is not the one its manifest
/// records), and named with its folder and the fix, whichever role is asked for.
#[test]
fn a_cut_wages_file_names_its_folder_and_the_fix() {
    let env = imported(false).timeout(std::time::Duration::from_secs(30));
    let wages = env.data_dir().join("oews/wages.bin");
    let whole = std::fs::metadata(&wages).unwrap().len();
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&wages)
        .unwrap();
    file.set_len(whole / 2).unwrap();
    let oews = env.data_dir().join("oews");
    // The damaged-import rule: a warning with the folder and the fix, and no other release
    // here to answer in its place.
    let message = format!(
        "careers: warning: the imported BLS OEWS data in {} cannot be read (wages.bin has {} bytes, its manifest says {}); import it again with `careers import oews FOLDER`, or remove it with `rm -r {}`; no other release is at hand\n",
        oews.display(),
        whole / 2,
        whole,
        careers::render::sanitize::shell_quote(&oews.display().to_string())
    );
    for args in [
        &["salary", "ml-engineer", "--city", "Seattle"][..],
        &["where", "ml-engineer"],
    ] {
        let out = env.run(args);
        assert!(out.stderr.starts_with(&message), "{args:?}: {}", out.stderr);
    }
}

/// Zeroed or flipped bytes in `wages.bin` keep its length: they are found when a block is
/// decoded, by the block's checksum, and are the damaged-import rule's case all the same.
#[test]
fn a_damaged_block_of_wages_is_a_warning_with_the_fix_and_the_embedded_release_answers() {
    let damage = |env: &TestEnv, zero: bool| {
        let wages = env.data_dir().join("oews/wages.bin");
        let mut bytes = std::fs::read(&wages).unwrap();
        if zero {
            bytes.fill(0);
        } else {
            for b in &mut bytes {
                *b ^= 0x20;
            }
        }
        std::fs::write(&wages, bytes).unwrap();
    };
    let warning = |env: &TestEnv| {
        let oews = env.data_dir().join("oews");
        format!(
            "careers: warning: the imported BLS OEWS data in {} cannot be read (a block of wages.bin does not match its checksum: it was changed or damaged after the import); import it again with `careers import oews FOLDER`, or remove it with `rm -r {}`",
            oews.display(),
            careers::render::sanitize::shell_quote(&oews.display().to_string())
        )
    };
    for zero in [true, false] {
        let env = imported(false).timeout(std::time::Duration::from_secs(30));
        damage(&env, zero);
        let out = env.run(&["salary", "ml-engineer", "--format", "json"]);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        assert_eq!(
            out.stderr,
            format!("{}; no other release is at hand\n", warning(&env))
        );
        let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        assert!(json.get("official_source").is_none(), "{json}");
        #[cfg(feature = "embedded")]
        {
            let env = imported(false)
                .embedded()
                .timeout(std::time::Duration::from_secs(30));
            damage(&env, zero);
            let out = env.run(&[
                "salary",
                "data-scientists",
                "--city",
                "Seattle",
                "--format",
                "json",
            ]);
            assert_eq!(out.code, Some(0), "{}", out.stderr);
            assert_eq!(
                out.stderr,
                format!(
                    "{}; answering from the embedded BLS OEWS May 2025 meanwhile\n",
                    warning(&env)
                )
            );
            let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
            assert_eq!(json["official_source"]["name"], "BLS OEWS May 2025");
            let median = &json["official"][0]["occupations"][0]["estimates"][0];
            assert_eq!(median["area"]["name"], "Seattle-Tacoma-Bellevue, WA");
        }
    }
}

/// The ranking within a place, from the area's table of medians, is the one BLS's own rows
/// give: Seattle's detailed occupations (display level 3) by cross-industry median, top-coded
/// ones (`-` with footnote 5) first, by code among equals.
#[test]
#[ignore = "needs ../shared/oews-2025 (run by .ci/run when it is there)"]
#[cfg(feature = "embedded")]
fn the_real_top_of_a_place_is_the_one_blss_rows_give() {
    let levels = std::fs::read_to_string(shared("oews-2025").join("oe.occupation")).unwrap();
    let detailed: std::collections::HashSet<String> = levels
        .lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.get(2).map(|s| s.trim()) == Some("3")).then(|| f[0].trim().to_owned())
        })
        .collect();
    // OE U M 0042660 000000 OOOOOO 13: Seattle, cross-industry, the annual median.
    let mut medians: Vec<(u64, String)> = shared_rows()
        .into_iter()
        .filter(|(id, _, _)| id.len() == 25 && &id[4..17] == "0042660000000" && id.ends_with("13"))
        .filter(|(id, _, _)| detailed.contains(&id[17..23]))
        .filter_map(|(id, value, notes)| {
            let key = match value.parse::<u64>() {
                Ok(v) => v,
                Err(_) if notes.split(',').any(|n| n.trim() == "5") => u64::MAX,
                Err(_) => return None,
            };
            Some((key, format!("{}-{}", &id[17..19], &id[19..23])))
        })
        .collect();
    medians.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let expected: Vec<&str> = medians
        .iter()
        .take(10)
        .map(|(_, soc)| soc.as_str())
        .collect();
    let env = TestEnv::new().embedded();
    let v = env.json(&["salary", "--city", "Seattle", "--top", "10"]);
    let ranked: Vec<&str> = v["top"]["ranked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["soc"].as_str().unwrap())
        .collect();
    assert_eq!(ranked, expected);
    assert_eq!(v["top"]["occupations"], medians.len());
}

/// A flipped byte in the table of medians per area is found when a ranking reads the area's
/// block: the damaged-import rule, and the embedded release ranks in its place.
#[test]
#[cfg(feature = "embedded")]
fn a_damaged_table_of_medians_is_a_warning_and_the_embedded_release_ranks() {
    let env = imported(false)
        .embedded()
        .timeout(std::time::Duration::from_secs(30));
    let oews = env.data_dir().join("oews");
    let areas = oews.join("areas.bin");
    let mut bytes = std::fs::read(&areas).unwrap();
    for b in &mut bytes {
        *b ^= 0x01;
    }
    std::fs::write(&areas, bytes).unwrap();
    let out = env.run(&[
        "salary", "--city", "Seattle", "--top", "3", "--format", "json",
    ]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stderr,
        format!(
            "careers: warning: the imported BLS OEWS data in {} cannot be read (a block of areas.bin does not match its checksum: it was changed or damaged after the import); import it again with `careers import oews FOLDER`, or remove it with `rm -r {}`; answering from the embedded BLS OEWS May 2025 meanwhile\n",
            oews.display(),
            careers::render::sanitize::shell_quote(&oews.display().to_string())
        )
    );
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["top"]["area"]["name"], "Seattle-Tacoma-Bellevue, WA");
    assert_eq!(json["top"]["ranked"].as_array().unwrap().len(), 3);
}

/// Every `(series_id, value, footnotes)` of the real data file, read without the importer.
fn shared_rows() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(shared("oews-2025").join("oe.data.0.Current")).unwrap();
    text.lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (
                f[0].trim().to_owned(),
                f[3].trim().to_owned(),
                f[4].trim().to_owned(),
            )
        })
        .collect()
}

#[test]
#[ignore = "needs ../shared/oews-2025 (run by .ci/run when it is there)"]
fn the_real_release_imports_with_the_counts_and_figures_its_files_hold() {
    let source = shared("oews-2025");
    let rows = shared_rows();
    let lines = |f: &str| {
        std::fs::read_to_string(source.join(f))
            .unwrap()
            .lines()
            .count() as u64
            - 1
    };
    let env = TestEnv::new();
    let v: serde_json::Value = serde_json::from_str(
        &env.run(&[
            "import",
            "oews",
            source.to_str().unwrap(),
            "--format",
            "json",
        ])
        .stdout,
    )
    .unwrap();
    let onet = source.parent().unwrap().join("onet-29.2");
    env.stdout(&["import", "onet", onet.to_str().unwrap()]);
    let cells: std::collections::HashSet<&str> = rows.iter().map(|(id, _, _)| &id[..23]).collect();
    assert_eq!(v["counts"]["rows"], rows.len() as u64);
    assert_eq!(v["counts"]["values"], rows.len() as u64);
    assert_eq!(v["counts"]["rows_skipped"], 0);
    assert_eq!(v["counts"]["estimates"], cells.len() as u64);
    assert_eq!(v["counts"]["areas"], lines("oe.area"));
    assert_eq!(v["counts"]["occupations"], lines("oe.occupation"));
    assert_eq!(v["counts"]["industries"], lines("oe.industry"));

    // Every figure of data scientists in Seattle, as the file has it.
    let out = env.json(&["salary", "15-2051", "--city", "Seattle"]);
    let seattle = &out["official"][0]["occupations"][0]["estimates"][0];
    let mut checked = 0;
    for (id, value, footnotes) in rows
        .iter()
        .filter(|(id, _, _)| id.starts_with("OEUM004266000000015205"))
    {
        let f = seattle["figures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["datatype"] == id[23..])
            .unwrap();
        if value == "-" {
            assert_ne!(f["status"], "published", "{id} {footnotes}");
        } else {
            assert_eq!(
                f["value"].as_f64().unwrap(),
                value.parse::<f64>().unwrap(),
                "{id}"
            );
        }
        checked += 1;
    }
    assert_eq!(checked, 13);

    // Every top-coded annual 90th percentile of a metro stays a lower bound in `where`.
    let top_coded = rows
        .iter()
        .find(|(id, v, f)| id.starts_with("OEUM") && id.ends_with("13") && v == "-" && f == "5")
        .expect("some metro median is top-coded");
    let soc = &top_coded.0[17..23];
    let v = env.json(&[
        "where",
        &format!("{}-{}", &soc[..2], &soc[2..]),
        "--top",
        "600",
    ]);
    let area = &top_coded.0[4..11];
    let ranked = v["occupations"][0]["ranked"].as_array().unwrap();
    let entry = ranked.iter().find(|r| r["area"]["code"] == area).unwrap();
    assert_eq!(figure(entry, "annual-median")["status"], "at-least");
    assert_eq!(figure(entry, "annual-median")["at_least"], 239_200);
    assert_eq!(
        entry["rank"], 1,
        "a top-coded median ranks above every published one"
    );
}

#[test]
fn sources_names_the_release_its_publication_counts_and_notice() {
    let env = imported(false);
    let v = env.json(&["sources"]);
    let w = &v["wages"];
    assert_eq!(w["kind"], "oews");
    assert_eq!(w["release"], "May 2025");
    assert_eq!(w["release_code"], "2025A01");
    assert_eq!(w["published"], "2026-05-15");
    assert_eq!(w["folder"], env.data_dir().join("oews").to_str().unwrap());
    assert_eq!(w["imported_from"], fixture("oews").to_str().unwrap());
    assert_eq!(w["counts"]["estimates"], 10);
    assert_eq!(w["licence"], "public domain (U.S. government work)");
    assert_eq!(w["notice"], NOTICE);
    let text = env.stdout(&["sources", "--format", "markdown"]);
    assert!(text.contains("| Published | 2026-05-15 |"), "{text}");
    assert!(
        text.contains("10 estimates of 7 occupations in 8 areas (118 rows read, 0 skipped)"),
        "{text}"
    );
    assert!(text.contains(NOTICE), "{text}");
}

#[test]
fn compare_shows_each_roles_bls_median_and_employment_and_gap_the_difference() {
    let env = imported(true);
    let v = env.json(&[
        "compare",
        "data-scientists",
        "ml-engineer",
        "--city",
        "Seattle",
    ]);
    let official = &v["roles"][0]["official"][0];
    assert_eq!(official["occupation"]["soc"], "15-2051");
    assert_eq!(official["area"]["code"], "0042660");
    assert_eq!(official["median"]["value"], 164_740);
    assert_eq!(official["employment"]["value"], 8370);
    assert_eq!(v["official_source"]["name"], "BLS OEWS May 2025");
    assert_eq!(v["notice"], NOTICE);
    let text = env.stdout(&["compare", "data-scientists", "ml-engineer"]);
    assert!(text.contains("Median pay (BLS)"), "{text}");
    assert!(text.contains("$120,230 (SOC 15-2051"), "{text}");
    assert!(
        text.contains("BLS OEWS May 2025 · National, cross-industry"),
        "{text}"
    );

    // ml-engineer links research scientists (15-1221, 167,960) first, but the occupation
    // whose technologies map onto the most of its skills is data scientists' (15-2051,
    // 120,230): its pay is that one's, the same median as data-scientists'.
    let v = env.json(&["gap", "data-scientists", "ml-engineer"]);
    assert_eq!(v["pay"]["difference"], 0);
    assert_eq!(v["pay"]["from"]["occupation"]["soc"], "15-2051");
    assert_eq!(v["pay"]["to"]["occupation"]["soc"], "15-2051");
    assert_eq!(v["pay"]["to"]["occupation"]["code"], "15-2051.00");
    let text = env.seen(&[
        "gap",
        "data-scientists",
        "ml-engineer",
        "--format",
        "markdown",
    ]);
    assert!(
        text.contains("(SOC 15-2051 Data Scientists): the same median."),
        "{text}"
    );
    // Without wages for one side there is no difference to state.
    let v = env.json(&["gap", "data-engineering-team-lead", "ml-engineer"]);
    assert!(v.get("pay").is_none());
}

#[test]
fn two_imports_and_a_reader_together_never_mix_or_break_a_read() {
    let env = TestEnv::new()
        .with_onet(fixture("onet"))
        .with_oews(fixture("oews"));
    let expected_show = env.stdout(&["show", "15-2051.00", "--format", "json"]);
    let expected_salary = env.stdout(&[
        "salary",
        "data-scientists",
        "--city",
        "Seattle",
        "--format",
        "json",
    ]);
    let spawn_import = |database: &str, source: PathBuf| {
        env.std_cmd()
            .args(["import", database])
            .arg(source)
            .env("CAREERS_FORMAT", "json")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    for _ in 0..3 {
        let imports = [
            spawn_import("onet", fixture("onet")),
            spawn_import("oews", fixture("oews")),
            spawn_import("onet", fixture("onet")),
        ];
        // Reads while the imports run: each sees a whole import, old or new (both the same here).
        for _ in 0..5 {
            assert_eq!(
                env.stdout(&["show", "15-2051.00", "--format", "json"]),
                expected_show
            );
            assert_eq!(
                env.stdout(&[
                    "salary",
                    "data-scientists",
                    "--city",
                    "Seattle",
                    "--format",
                    "json"
                ]),
                expected_salary
            );
        }
        for child in imports {
            let out = child.wait_with_output().unwrap();
            let err = String::from_utf8(out.stderr).unwrap();
            // An import either ran or refused because another held the lock: nothing else.
            assert!(
                out.status.success() || err.contains("another import into"),
                "{err}"
            );
        }
    }
    let mut left: Vec<String> = std::fs::read_dir(env.data_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, [".import.lock", ".read.lock", "oews", "onet"]);
}

#[test]
fn places_complete_from_the_imported_areas() {
    let env = imported(false);
    for shell in ["bash", "fish"] {
        assert_eq!(
            env.completions(shell, &["salary", "--city", "Port"]),
            [
                "Portland-South Portland, ME",
                "Portland-Vancouver-Hillsboro, OR-WA"
            ],
            "{shell}"
        );
        assert_eq!(
            env.completions(shell, &["where", "ml-eng"]),
            ["ml-engineer"],
            "{shell}"
        );
    }
}

#[test]
#[cfg(feature = "embedded")]
fn salary_city_top_shows_the_ranking_alone_unless_roles_are_named() {
    let env = TestEnv::new().embedded();
    assert_eq!(
        env.stdout(&["salary", "--city", "Denver", "--top", "3"]),
        "Best-paid occupations: Denver-Aurora-Centennial, CO\n\
╭───┬─────────┬─────────────────────────────────┬────────────┬────────────╮\n\
│ # ┆ SOC     ┆ Occupation                      ┆     Median ┆ Employment │\n\
╞═══╪═════════╪═════════════════════════════════╪════════════╪════════════╡\n\
│ 1 ┆ 29-1212 ┆ Cardiologists                   ┆ ≥ $239,200 ┆         80 │\n\
│ 2 ┆ 29-1214 ┆ Emergency Medicine Physicians   ┆ ≥ $239,200 ┆        260 │\n\
│ 3 ┆ 29-1218 ┆ Obstetricians and Gynecologists ┆ ≥ $239,200 ┆        240 │\n\
╰───┴─────────┴─────────────────────────────────┴────────────┴────────────╯\n\
3 of 648 occupations with a published median there, by median annual wage (BLS OEWS May 2025). 10\n\
more have estimates without a published median.\n\
≥ and +: BLS footnote 5: This wage is equal to or greater than $115.00 per hour or $239,200 per\n\
year.\n\
BLS.gov cannot vouch for the data or analyses derived from these data after the data have been\n\
retrieved from BLS.gov.\n"
    );
    let v = env.json(&["salary", "--city", "Denver", "--top", "3"]);
    assert_eq!(v["roles"], serde_json::json!([]));
    assert!(
        v.get("official").is_none() && v.get("hints").is_none(),
        "{v}"
    );
    assert_eq!(v["top"]["ranked"].as_array().unwrap().len(), 3);
    let csv = env.stdout(&[
        "salary", "--city", "Denver", "--top", "3", "--format", "csv",
    ]);
    let socs: std::collections::BTreeSet<&str> = csv
        .lines()
        .skip(1)
        .map(|l| {
            assert!(l.starts_with(",official,"), "{l}");
            l.split(",BLS OEWS May 2025,,,,")
                .nth(1)
                .unwrap()
                .get(..7)
                .unwrap()
        })
        .collect();
    assert_eq!(
        socs.into_iter().collect::<Vec<_>>(),
        ["29-1212", "29-1214", "29-1218"]
    );
    // A role named brings its figures, and the ranking still comes.
    let v = env.json(&["salary", "mle", "--city", "Denver", "--top", "3"]);
    assert_eq!(v["official"][0]["id"], "ml-engineer");
    assert_eq!(v["top"]["ranked"].as_array().unwrap().len(), 3);
}

#[test]
fn industries_repeat_side_by_side_and_a_curated_one_says_bls_is_all_industry() {
    let env = imported(true).width(100);
    let v = env.json(&[
        "salary",
        "data-scientists",
        "--industry",
        "finance",
        "--industry",
        "information",
    ]);
    assert_eq!(
        v["filters"]["industries"],
        serde_json::json!(["Finance and Insurance", "Information"])
    );
    assert!(v["filters"].get("industry").is_none());
    let codes: Vec<&str> = v["official_industries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["000000", "52--53", "51--52"]);
    let estimates = v["official"][0]["occupations"][0]["estimates"]
        .as_array()
        .unwrap();
    assert_eq!(
        estimates.len(),
        2,
        "the fixture has no Information estimate"
    );
    assert_eq!(
        v["official_notes"],
        serde_json::json!([{
            "kind": "no-sector-estimate",
            "soc": "15-2051",
            "industry": {"code": "51--52", "name": "Sector 51 - Information"}
        }])
    );
    let text = env.stdout(&[
        "salary",
        "data-scientists",
        "--industry",
        "finance",
        "--industry",
        "information",
        "--format",
        "plain",
    ]);
    // A record per figure and industry: the all-industry one, then Finance's.
    assert!(
        text.contains("\tAnnual median wage\tData Scientists\tNational\t\t\t\tCross-Industry, Private, Federal, State, and Local\tpublished\t120230\t"),
        "{text}"
    );
    assert!(
        text.contains("\tAnnual median wage\tData Scientists\tNational\t\t\t\tSector 52 - Finance and Insurance\tpublished\t143600\t"),
        "{text}"
    );

    // A curated industry that is no BLS sector: BLS's figures are said to be all-industry.
    let v = env.json(&[
        "salary",
        "ml-engineer",
        "--industry",
        "Information Technology",
    ]);
    assert_eq!(
        v["official_notes"],
        serde_json::json!([{"kind": "not-a-sector", "industries": ["Information Technology"]}])
    );
    assert_eq!(v["official_industry"]["code"], "000000");
    let text = env.stdout(&[
        "salary",
        "ml-engineer",
        "--industry",
        "Information Technology",
        "--format",
        "table",
    ]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let note = "Information Technology is no BLS industry sector: the BLS OEWS May 2025 figures below are all-industry. Official wages: Machine Learning Engineer (ml-engineer)";
    assert!(flat.contains(note), "{text}");
}

#[test]
fn where_in_ranks_a_states_areas_with_metros_spanning_states_in_each() {
    let env = imported(true);
    let codes = |v: &serde_json::Value| -> Vec<String> {
        v["occupations"][0]["ranked"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["area"]["code"].as_str().unwrap().to_owned())
            .collect()
    };
    // Portland-Vancouver-Hillsboro, OR-WA is Oregon's (its code) and Washington's (its name).
    for (state, want) in [
        ("WA", &["0042660", "0038900"][..]),
        ("Washington", &["0042660", "0038900"][..]),
        ("oregon", &["0038900"][..]),
        ("ME", &["0038860"][..]),
    ] {
        let v = env.json(&["where", "data-scientists", "--in", state, "--all"]);
        assert_eq!(codes(&v), want, "{state}");
    }
    let v = env.json(&["where", "data-scientists", "--in", "WA"]);
    assert_eq!(v["within"]["name"], "Washington");
    assert_eq!(v["all"], false);
    assert_eq!(v["max_rse"], 30.0);
    assert_eq!(v["omit_unreliable"], false);
    let seattle = &v["occupations"][0]["ranked"][0];
    assert_eq!(
        seattle["reliability"],
        serde_json::json!({"employment_rse": 3.3, "wage_rse": 2.0, "unreliable": false})
    );
    // Portland, OR's employment RSE is not released: it is not held against the estimate.
    assert_eq!(
        v["occupations"][0]["ranked"][1]["reliability"],
        serde_json::json!({"wage_rse": 3.2, "unreliable": false})
    );
    assert_eq!(
        env.stdout(&[
            "where",
            "data-scientists",
            "--in",
            "WA",
            "--format",
            "plain"
        ]),
        "data-scientists\t15-2051\tData Scientists\t1\t0042660\tSeattle-Tacoma-Bellevue, WA\t164740\tpublished\t160460\t8370\t4.011\t2.38\t81130\t108740\t210370\t239200\t3.3\t2\tfalse\tannual-90\t\t\tBLS OEWS May 2025\n\
         data-scientists\t15-2051\tData Scientists\t2\t0038900\tPortland-Vancouver-Hillsboro, OR-WA\t110280\tpublished\t114610\t\t\t\t70110\t84950\t139020\t171330\t\t3.2\tfalse\t\t\t\tBLS OEWS May 2025\n"
    );

    // Portland, ME's employment RSE is 25.4%: within 30%, flagged above 20%, left out on asking.
    let maine = |extra: &[&str]| {
        let mut args = vec!["where", "data-scientists", "--in", "ME"];
        args.extend_from_slice(extra);
        env.json(&args)
    };
    assert_eq!(
        maine(&[])["occupations"][0]["ranked"][0]["reliability"]["unreliable"],
        false
    );
    let v = maine(&["--max-rse", "20"]);
    let o = &v["occupations"][0];
    assert_eq!(o["ranked"][0]["reliability"]["unreliable"], true);
    assert_eq!(o["flagged_unreliable"], 1);
    assert!(o.get("omitted_unreliable").is_none());
    let out = env.run(&[
        "where",
        "data-scientists",
        "--in",
        "ME",
        "--max-rse",
        "20",
        "--format",
        "plain",
    ]);
    let text = format!("{}{}", out.stdout, out.stderr);
    assert!(
        text.contains("\t1\t0038860\tPortland-South Portland, ME\t90040\tpublished\t")
            && text.contains("\t25.4\t6.1\ttrue\t")
            && text.contains("\n* Unreliable: BLS's relative standard error (RSE) of the employment or wage there is above 20%; --omit-unreliable leaves such areas out, --max-rse PCT moves the line.\n"),
        "{text}"
    );
    let csv = env.stdout(&[
        "where",
        "data-scientists",
        "--in",
        "ME",
        "--max-rse",
        "20",
        "--format",
        "csv",
    ]);
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let headers = rows.headers().unwrap().clone();
    let row = rows.records().next().unwrap().unwrap();
    let col = |name: &str| &row[headers.iter().position(|h| h == name).unwrap()];
    assert_eq!(
        (col("employment_rse"), col("wage_rse"), col("unreliable")),
        ("25.4", "6.1", "true")
    );
    assert_eq!(col("median"), "90040");
    let v = maine(&["--max-rse", "20", "--omit-unreliable"]);
    let o = &v["occupations"][0];
    assert_eq!(o["ranked"], serde_json::json!([]));
    assert_eq!(o["omitted_unreliable"], 1);
    let out = env.run(&[
        "where",
        "data-scientists",
        "--in",
        "ME",
        "--max-rse",
        "20",
        "--omit-unreliable",
        "--format",
        "plain",
    ]);
    // No record; the count on stderr.
    assert_eq!(out.stdout, "");
    let text = out.stderr;
    assert!(
        text.contains("0 of 1 metro and nonmetro areas of Maine with an estimate. 1 with an employment or wage RSE above 20% is left out as unreliable. Source: BLS OEWS May 2025, cross-industry.\n"),
        "{text}"
    );
}

#[test]
fn where_in_and_all_refuse_what_they_cannot_do() {
    let env = imported(true);
    assert_eq!(
        env.fails(&["where", "data-scientists", "--in", "Seattle"], 2),
        "careers: error: --in takes a state, such as TX or Texas; \"Seattle\" is Seattle-Tacoma-Bellevue, WA\n"
    );
    let err = env.fails(&["where", "data-scientists", "--in", "WA", "--states"], 2);
    assert!(
        err.contains("the argument '--in <STATE>' cannot be used with '--states'"),
        "{err}"
    );
    let err = env.fails(&["where", "data-scientists", "--all", "--top", "3"], 2);
    assert!(
        err.contains("the argument '--all' cannot be used with '--top <N>'"),
        "{err}"
    );
    let err = env.fails(&["where", "data-scientists", "--max-rse", "0"], 2);
    assert!(
        err.contains("invalid value '0' for '--max-rse <PCT>': \"0\" is no relative standard error; give a percentage above 0 and at most 100, e.g. 30 or 50%"),
        "{err}"
    );
    let err = env.fails(&["where", "data-scientists", "--in", "Atlantis"], 1);
    assert!(err.contains("unknown place \"Atlantis\""), "{err}");
}

/// The `(value, footnotes)` of every series of `occupation` (six digits) in the real data file,
/// by series id.
fn shared_series_of(occupation: &str) -> std::collections::HashMap<String, (String, String)> {
    let text = std::fs::read_to_string(shared("oews-2025").join("oe.data.0.Current")).unwrap();
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let id = f[0].trim();
            (id.starts_with("OEUM") && &id[11..17] == "000000" && &id[17..23] == occupation).then(
                || {
                    (
                        id.to_owned(),
                        (f[3].trim().to_owned(), f[4].trim().to_owned()),
                    )
                },
            )
        })
        .collect()
}

/// `(code, name)` of the metropolitan and nonmetropolitan areas of a state (FIPS, postal):
/// filed under it, or naming it among their states.
fn shared_areas_of(fips: &str, postal: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(shared("oews-2025").join("oe.area")).unwrap();
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let (state, code, kind, name) = (f[0], f[1], f[2], f[3].trim());
            let names_it = name
                .rsplit_once(", ")
                .is_some_and(|(_, s)| s.split('-').any(|p| p == postal));
            (kind == "M" && (state == fips || names_it)).then(|| (code.to_owned(), name.to_owned()))
        })
        .collect()
}

#[test]
#[ignore = "needs ../shared/oews-2025 (run by .ci/run when it is there)"]
fn where_in_texas_lists_exactly_its_areas_with_a_published_median_in_order() {
    let env = TestEnv::new().embedded();
    for (soc, role, fips, postal) in [
        ("151252", "software-developers", "48", "TX"),
        ("152051", "data-scientists", "08", "CO"),
        ("152051", "data-scientists", "20", "KS"),
    ] {
        let series = shared_series_of(soc);
        let get =
            |area: &str, datatype: &str| series.get(&format!("OEUM{area}000000{soc}{datatype}"));
        // Published medians rank by value; a top-coded one ("-" with footnote 5) above them.
        let mut want: Vec<(u64, String, String, bool)> = Vec::new();
        let mut estimated = 0;
        for (code, name) in shared_areas_of(fips, postal) {
            let Some((median, footnote)) = get(&code, "13") else {
                continue;
            };
            estimated += 1;
            let key = match median.parse::<u64>() {
                Ok(v) => v,
                Err(_) if footnote == "5" => u64::MAX,
                Err(_) => continue,
            };
            let over = |datatype: &str| {
                get(&code, datatype)
                    .and_then(|(v, _)| v.parse::<f64>().ok())
                    .is_some_and(|rse| rse > 30.0)
            };
            let unreliable = over("02") || over("05");
            want.push((key, name, code, unreliable));
        }
        want.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let v = env.json(&["where", role, "--in", postal, "--all"]);
        let o = &v["occupations"][0];
        let got: Vec<(String, bool)> = o["ranked"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["area"]["code"].as_str().unwrap().to_owned(),
                    r["reliability"]["unreliable"].as_bool().unwrap(),
                )
            })
            .collect();
        let expected: Vec<(String, bool)> = want.iter().map(|w| (w.2.clone(), w.3)).collect();
        assert!(!expected.is_empty(), "{postal}");
        assert_eq!(got, expected, "{role} in {postal}");
        assert_eq!(o["estimated"], estimated, "{role} in {postal}");
        // The percentiles are in every ranked area's figures.
        let first = &o["ranked"][0];
        for (measure, datatype) in [("annual-10", "11"), ("annual-90", "15")] {
            let (value, _) = get(&want[0].2, datatype).unwrap();
            if let Ok(v) = value.parse::<f64>() {
                assert_eq!(figure(first, measure)["value"], v, "{postal} {measure}");
            }
        }
    }
    // Nationally, every metro flagged is one whose employment or wage RSE is above 30%.
    let series = shared_series_of("152051");
    let mut over: Vec<String> = series
        .iter()
        .filter(|(id, (v, _))| {
            (id.ends_with("02") || id.ends_with("05")) && v.parse::<f64>().is_ok_and(|r| r > 30.0)
        })
        .map(|(id, _)| id[4..11].to_owned())
        .filter(|area| {
            series
                .get(&format!("OEUM{area}00000015205113"))
                .is_some_and(|(v, f)| v.parse::<u64>().is_ok() || f == "5")
        })
        .collect();
    over.sort();
    over.dedup();
    let v = env.json(&["where", "data-scientists", "--all"]);
    let mut flagged: Vec<String> = v["occupations"][0]["ranked"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["reliability"]["unreliable"] == true)
        .map(|r| r["area"]["code"].as_str().unwrap().to_owned())
        .collect();
    flagged.sort();
    assert!(!over.is_empty());
    assert_eq!(flagged, over);
    assert_eq!(v["occupations"][0]["flagged_unreliable"], over.len());
}

#[test]
#[cfg(feature = "embedded")]
fn where_in_marks_the_estimates_bls_measures_imprecisely_in_the_table() {
    let env = TestEnv::new().embedded();
    let out = env.stdout(&["where", "data-scientists", "--in", "CO", "--all"]);
    let want = "Where: Data Scientists (data-scientists), metro and nonmetro areas of Colorado by median annual wage\n\
\n\
SOC 15-2051 Data Scientists\n\
╭───┬─────────────────────────────────────────┬──────────┬──────────┬────────────┬──────────┬──────╮\n\
│ # ┆ Area                                    ┆   Median ┆     Mean ┆ Employment ┆      Per ┆   LQ │\n\
│   ┆                                         ┆          ┆          ┆            ┆    1,000 ┆      │\n\
│   ┆                                         ┆          ┆          ┆            ┆     jobs ┆      │\n\
╞═══╪═════════════════════════════════════════╪══════════╪══════════╪════════════╪══════════╪══════╡\n\
│ 1 ┆ Boulder, CO                             ┆ $134,040 ┆ $146,690 ┆        540 ┆    2.826 ┆ 1.67 │\n\
│ 2 ┆ Colorado Springs, CO                    ┆ $127,600 ┆ $132,120 ┆        580 ┆    1.825 ┆ 1.08 │\n\
│ 3 ┆ Greeley, CO                             ┆ $116,790 ┆ $121,520 ┆        100 ┆    0.832 ┆ 0.49 │\n\
│ 4 ┆ Denver-Aurora-Centennial, CO            ┆ $112,520 ┆ $125,040 ┆      4,510 ┆    2.804 ┆ 1.66 │\n\
│ 5 ┆ Fort Collins-Loveland, CO *             ┆ $111,310 ┆ $114,250 ┆        220 ┆    1.296 ┆ 0.77 │\n\
│ 6 ┆ Grand Junction, CO                      ┆ $111,300 ┆ $114,180 ┆         40 ┆    0.533 ┆ 0.32 │\n\
│ 7 ┆ Northwest Colorado nonmetropolitan area ┆  $99,980 ┆ $110,220 ┆         50 ┆    0.360 ┆ 0.21 │\n\
╰───┴─────────────────────────────────────────┴──────────┴──────────┴────────────┴──────────┴──────╯\n\
7 of 7 metro and nonmetro areas of Colorado with an estimate. Source: BLS OEWS May 2025,\n\
cross-industry.\n\
* Unreliable: BLS's relative standard error (RSE) of the employment or wage there is above 30%;\n\
--omit-unreliable leaves such areas out, --max-rse PCT moves the line.\n";
    assert!(out.starts_with(want), "{out}");
}

#[test]
fn sectors_stand_beside_the_all_industry_figures_at_100_columns() {
    let env = imported(true);
    let out = env.stdout(&[
        "salary",
        "data-scientists",
        "--industry",
        "finance",
        "--industry",
        "information",
    ]);
    let want = "Filters: industries Finance and Insurance, Information.\n\
\n\
Official wages: Data Scientists (data-scientists)\n\
\n\
SOC 15-2051 Data Scientists\n\
╭─────────────────┬────────────────┬───────────────────────╮\n\
│ Figure          ┆ All industries ┆ Finance and Insurance │\n\
╞═════════════════╪════════════════╪═══════════════════════╡\n\
│ Employment      ┆        262,440 ┆                32,410 │\n\
│ 10th percentile ┆        $67,240 ┆               $80,150 │\n\
│ 25th percentile ┆        $85,660 ┆              $103,230 │\n\
│ Median          ┆       $120,230 ┆              $143,600 │\n\
│ 75th percentile ┆       $158,880 ┆              $183,590 │\n\
│ 90th percentile ┆       $199,130 ┆              $221,330 │\n\
│ Mean            ┆       $126,800 ┆              $149,370 │\n\
│ Hourly median   ┆         $57.80 ┆                $69.04 │\n\
│ Hourly mean     ┆         $60.96 ┆                $71.81 │\n\
│ Wage RSE        ┆           0.7% ┆                  1.2% │\n\
│ Employment RSE  ┆           1.1% ┆                  3.1% │\n\
╰─────────────────┴────────────────┴───────────────────────╯\n\
10th to 90th percentile, 15-2051 BLS OEWS May 2025\n\
All industries (BLS)        │  ██████████████████████████████████████████          │ median $120,230\n\
Finance and Insurance (BLS) │      █████████████████████████████████████████████   │ median $143,600\n\
\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20$60k                     $145k                   $230k\n\
Source: BLS OEWS May 2025 · National · Sector 52 - Finance and Insurance.\n\
BLS OEWS May 2025 publishes no estimate of SOC 15-2051 in Information.\n";
    assert!(out.starts_with(want), "{out}");
}
