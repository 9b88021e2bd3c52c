//! BEA's Regional Price Parities: the import of BEA's three CSVs (the fixture in
//! `tests/fixtures/prices`, BEA's own rows of a few areas for 2014-2024 in BEA's layout), its
//! strictness, and `careers sources`.

use crate::common::{TestEnv, copy_of, fixture};

fn prices_fixture() -> String {
    fixture("prices").to_str().unwrap().to_owned()
}

#[test]
fn an_import_keeps_every_row_of_beas_files() {
    let env = TestEnv::new();
    let json = env.json(&["import", "prices", &prices_fixture()]);
    assert_eq!(json["database"], "BEA Regional Price Parities");
    assert_eq!(json["release"]["name"], "2014-2024");
    // From the files' note "Last updated: February 19, 2026-- new statistics for 2024; …".
    assert_eq!(json["release"]["published"], "February 19, 2026");
    let c = &json["counts"];
    // 8 MARPP, 9 PARPP and 5 SARPP areas, five lines each.
    assert_eq!(c["rows"], 110);
    assert_eq!(c["rows_skipped"], 0);
    // Kiryas Joel, Portland (ME), Portland (OR), Seattle, Twin Falls, Washington.
    assert_eq!(c["metros"], 6);
    // District of Columbia's nonmetropolitan portion is 0.000 throughout: not a portion.
    assert_eq!(c["portions"], 7);
    assert_eq!(c["states"], 4);
    // 110 rows of 11 years, less the 15 `(NA)` of Kiryas Joel (2014, 2015) and Twin Falls
    // (2014), and DC's 55 zeros.
    assert_eq!(c["values"], 1_140);
    assert_eq!(
        (c["first_year"].as_u64(), c["last_year"].as_u64()),
        (Some(2014), Some(2024))
    );
    assert_eq!(
        json["citation"],
        "U.S. Bureau of Economic Analysis, \"Regional Price Parities by State and Metro Area\""
    );
    let sources = env.json(&["sources"]);
    let p = &sources["prices"];
    assert_eq!(p["name"], "BEA Regional Price Parities 2014-2024");
    assert_eq!(p["release"], "2014-2024");
    assert_eq!(p["published"], "February 19, 2026");
    assert_eq!(p["embedded"], false);
    assert_eq!(p["counts"]["metros"], 6);
    let out = env.stdout(&["sources", "--format", "plain"]);
    assert!(
        out.contains("\nsources\tPrice levels\tSource\t\tBEA Regional Price Parities 2014-2024\nsources\tPrice levels\tReleased\t\tFebruary 19, 2026\n"),
        "{out}"
    );
    assert!(
        out.contains("\nsources\tPrice levels\tCite as\t\tU.S. Bureau of Economic Analysis, \"Regional Price Parities by State and Metro Area\""),
        "{out}"
    );
}

#[test]
fn a_row_that_cannot_be_read_fails_the_import_unless_forced() {
    let env = TestEnv::new();
    let copy = copy_of(&fixture("prices"));
    let file = copy.path().join("MARPP_MSA_2014_2024.csv");
    let text = std::fs::read_to_string(&file).unwrap();
    // Seattle's all-items RPP of 2019, mistyped with a comma: one field too many.
    let bad = text.replacen("112.458", "112,458", 1);
    assert_ne!(bad, text);
    std::fs::write(&file, bad).unwrap();
    let dir = copy.path().to_str().unwrap();
    let err = env.fails(&["import", "prices", dir], 1);
    assert_eq!(
        err,
        format!(
            "careers: error: {dir} has 1 row that cannot be read (MARPP_MSA_2014_2024.csv line 7: has 20 fields, the header 19); nothing was imported and the current import is kept (fix them, or pass --force to import the rest)\n"
        )
    );
    assert!(!env.data_dir().join("prices").exists());
    let json = env.json(&["import", "prices", dir, "--force"]);
    assert_eq!(json["counts"]["rows_skipped"], 1);
    assert_eq!(json["counts"]["rows"], 110);
    assert_eq!(
        json["skipped_rows"],
        serde_json::json!([{"file": "MARPP_MSA_2014_2024.csv", "line": 7, "reason": "has 20 fields, the header 19"}])
    );
    let out = env.stdout(&["import", "prices", dir, "--force", "--format", "plain"]);
    assert!(out.contains("Rows skipped\t1\n"), "{out}");
    assert!(
        out.contains("Rows left out (--force)\n- MARPP_MSA_2014_2024.csv line 7: has 20 fields, the header 19\n"),
        "{out}"
    );
}

#[test]
fn a_bad_value_is_named_by_its_column() {
    let env = TestEnv::new();
    let copy = copy_of(&fixture("prices"));
    let file = copy.path().join("SARPP_STATE_2014_2024.csv");
    let text = std::fs::read_to_string(&file).unwrap();
    // Maine's all-items RPP of 2014 (the first year, column 9), mistyped.
    let line = text
        .lines()
        .position(|l| l.starts_with(" \"23000\""))
        .unwrap()
        + 1;
    let bad = text.replacen("92.521", "9x.521", 1);
    assert_ne!(bad, text);
    std::fs::write(&file, bad).unwrap();
    let err = env.fails(&["import", "prices", copy.path().to_str().unwrap()], 1);
    assert!(
        err.contains(&format!("SARPP_STATE_2014_2024.csv line {line}, column 9 (2014): \"9x.521\" is neither a number nor (NA)")),
        "{err}"
    );
}

#[test]
fn a_folder_without_one_of_beas_files_says_which_and_where_to_get_it() {
    let env = TestEnv::new();
    let copy = copy_of(&fixture("prices"));
    std::fs::remove_file(copy.path().join("PARPP_PORT_2014_2024.csv")).unwrap();
    let err = env.fails(&["import", "prices", copy.path().to_str().unwrap()], 1);
    assert_eq!(
        err,
        format!(
            "careers: error: {} has no PARPP_*.csv; download BEA's three Regional Price Parities files (MARPP, PARPP and SARPP, from apps.bea.gov/regional/downloadzip.htm, \"RPP\") into one folder\n",
            copy.path().display()
        )
    );
    let err = env.fails(&["import", "prices", "./no-such-folder"], 1);
    assert_eq!(err, "careers: error: ./no-such-folder does not exist\n");
}

#[test]
fn files_of_two_releases_are_not_mixed() {
    let env = TestEnv::new();
    let copy = copy_of(&fixture("prices"));
    let file = copy.path().join("SARPP_STATE_2014_2024.csv");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("February 19, 2026", "September 26, 2025"),
    )
    .unwrap();
    let err = env.fails(&["import", "prices", copy.path().to_str().unwrap()], 1);
    assert_eq!(
        err,
        "careers: error: SARPP_STATE_2014_2024.csv was last updated September 26, 2025, MARPP_MSA_2014_2024.csv February 19, 2026: the three files must come from one BEA release\n"
    );
}

/// The all-items RPP of the last year of the row of `fips` in the fixture's `file`.
fn fixture_parity(file: &str, fips: &str) -> f64 {
    let text = std::fs::read_to_string(fixture("prices").join(file)).unwrap();
    let row = text
        .lines()
        .find(|l| l.starts_with(&format!(" \"{fips}\"")) && l.contains(",1,\"...\""))
        .unwrap();
    row.rsplit(',').next().unwrap().trim().parse().unwrap()
}

#[cfg(feature = "embedded")]
#[test]
fn an_import_answers_and_a_damaged_one_falls_back_with_a_warning() {
    let env = TestEnv::new().embedded();
    env.json(&["import", "prices", &prices_fixture()]);
    // The import answers: Seattle's 2024 RPP of the fixture, and Austin, which the fixture
    // does not price, has none.
    let seattle = env.json(&["places", "Seattle"]);
    assert_eq!(
        seattle["places"][0]["prices"]["all_items"].as_f64(),
        Some(fixture_parity("MARPP_MSA_2014_2024.csv", "42660"))
    );
    assert_eq!(
        seattle["prices_source"]["name"],
        "BEA Regional Price Parities 2014-2024"
    );
    let austin = env.json(&["places", "Austin"]);
    assert_eq!(austin["places"][0]["prices"]["status"], "not-priced");
    // Eastern Washington's nonmetropolitan area takes Washington's nonmetropolitan portion.
    let rural = env.json(&["places", "rural", "Washington"]);
    for p in rural["places"].as_array().unwrap() {
        assert_eq!(
            p["prices"]["all_items"].as_f64(),
            Some(fixture_parity("PARPP_PORT_2014_2024.csv", "53999")),
            "{p}"
        );
        assert_eq!(p["prices"]["bea_table"], "PARPP");
    }
    // One flipped byte: a warning naming the folder and the fix, and the embedded release's
    // answer.
    let stored = env.data_dir().join("prices/prices.bin");
    let mut bytes = std::fs::read(&stored).unwrap();
    bytes[40] ^= 0x20;
    std::fs::write(&stored, bytes).unwrap();
    let out = env.run(&["places", "Austin", "--format", "json"]);
    assert_eq!(out.code, Some(0));
    let folder = env.data_dir().join("prices");
    assert_eq!(
        out.stderr,
        format!(
            "careers: warning: the imported BEA Regional Price Parities data in {} cannot be read (prices.bin does not match its checksum: it was changed or damaged after the import); import it again with `careers import prices DIR`, or remove it with `rm -r {}`; answering from the embedded BEA Regional Price Parities 2008-2024 meanwhile\n",
            folder.display(),
            folder.display()
        )
    );
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["places"][0]["prices"]["all_items"], 98.066);
}

#[test]
#[ignore = "needs ../shared/bea-rpp-2024 (run by .ci/run when it is there)"]
fn beas_release_imports_whole_from_its_own_files() {
    let env = TestEnv::new();
    let dir = crate::common::shared("bea-rpp-2024");
    let json = env.json(&["import", "prices", dir.to_str().unwrap()]);
    // 387 metros, 51 states with DC, and 102 state portions less the four BEA gives as 0.000
    // throughout (the nonmetropolitan portions of Delaware, DC, New Jersey and Rhode Island);
    // rows: 389 + 103 + 52 areas, five lines each.
    let c = &json["counts"];
    assert_eq!(c["metros"], 387);
    assert_eq!(c["states"], 51);
    assert_eq!(c["portions"], 98);
    assert_eq!(c["rows"], (389 + 103 + 52) * 5);
    assert_eq!(c["rows_skipped"], 0);
    assert_eq!(
        (c["first_year"].as_u64(), c["last_year"].as_u64()),
        (Some(2008), Some(2024))
    );
    assert_eq!(json["release"]["published"], "February 19, 2026");
    // Every value BEA publishes (not `(NA)`, not 0.000), counted from the files.
    let mut values = 0;
    for file in [
        "MARPP_MSA_2008_2024.csv",
        "PARPP_PORT_2008_2024.csv",
        "SARPP_STATE_2008_2024.csv",
    ] {
        let bytes = std::fs::read(dir.join(file)).unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(bytes.as_slice());
        for r in reader.records() {
            let r = r.unwrap();
            if r.len() < 9 {
                continue;
            }
            values += r
                .iter()
                .skip(8)
                .filter(|v| v.trim().parse::<f64>().is_ok_and(|v| v > 0.0))
                .count();
        }
    }
    assert_eq!(c["values"].as_u64(), Some(values as u64));
}

#[test]
fn imported_wages_and_price_levels_answer_without_the_embedded_data() {
    let env = TestEnv::new()
        .with_oews(fixture("oews"))
        .with_prices(fixture("prices"));
    let json = env.json(&["places"]);
    let places = json["places"].as_array().unwrap();
    let level = |code: &str| {
        places.iter().find(|p| p["code"] == code).unwrap()["prices"]["all_items"].as_f64()
    };
    assert_eq!(
        level("0042660"),
        Some(fixture_parity("MARPP_MSA_2014_2024.csv", "42660"))
    );
    assert_eq!(
        level("2300000"),
        Some(fixture_parity("SARPP_STATE_2014_2024.csv", "23000"))
    );
    assert_eq!(level("0000000"), Some(100.0));
    let worth = env.json(&["worth", "100000", "Seattle", "100000", "Maine"]);
    assert_eq!(
        worth["prices_source"]["name"],
        "BEA Regional Price Parities 2014-2024"
    );
    assert_eq!(worth["comparisons"][0]["other"], 1);
}

/// A fresh install with the fixture price parities imported under `--force`, the first `from`
/// of the metro file made `to`.
#[cfg(feature = "embedded")]
fn forced_metro_prices(from: &str, to: &str) -> TestEnv {
    let env = TestEnv::new().embedded().in_scratch();
    let copy = copy_of(&fixture("prices"));
    let file = copy.path().join("MARPP_MSA_2014_2024.csv");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen(from, to, 1)).unwrap();
    let forced = env.run(&["import", "prices", copy.path().to_str().unwrap(), "--force"]);
    assert!(forced.success(), "{}", forced.stderr);
    env
}

#[test]
#[cfg(feature = "embedded")]
fn an_area_whose_row_was_left_out_says_so_where_its_price_level_is_asked() {
    // Seattle's all-items RPP of 2019, mistyped with a comma: one field too many.
    let env = forced_metro_prices("112.458", "112,458");
    let why = "a row of BEA's files for it could not be read and the import left it out (MARPP_MSA_2014_2024.csv line 7: has 20 fields, the header 19)";
    let worth = ["worth", "100000", "Seattle", "100000", "Portland, OR"];
    let json = env.json(&worth);
    assert_eq!(
        json["places"][0]["prices"],
        serde_json::json!({"status": "not-priced", "reason": "incomplete", "incomplete": why})
    );
    assert_eq!(json["places"][1]["prices"]["all_items"], 105.421);
    assert_eq!(json["comparisons"], serde_json::json!([]));
    // The records on stdout, with why in Seattle's `price_incomplete` field; the sentence on
    // stderr.
    let plain = env.run(&[&worth[..], &["--format", "plain"]].concat());
    assert_eq!(
        plain.stdout,
        format!(
            "Seattle\t0042660\tSeattle-Tacoma-Bellevue, WA\t100000\t\t\t\t\t\t\t\t{why}\t\t\t\t\t\nPortland, OR\t0038900\tPortland-Vancouver-Hillsboro, OR-WA\t100000\t\t2024\t105.421\t125.114\t94858\t\t\t\t\t\t\t\t\n"
        )
    );
    assert!(
        plain.stderr.contains(&format!(
            "Seattle-Tacoma-Bellevue, WA's price level is incomplete: {why}.\n"
        )),
        "{}",
        plain.stderr
    );
    let real = [
        "where",
        "data-scientists",
        "--by",
        "real-median",
        "--top",
        "3",
    ];
    let json = env.json(&real);
    let o = &json["occupations"][0];
    assert_eq!(
        o["prices_incomplete"],
        serde_json::json!([{"area": {"code": "0042660", "kind": "metro", "name": "Seattle-Tacoma-Bellevue, WA"}, "incomplete": why}])
    );
    assert_eq!(o["not_priced"], 351);
    let plain = env.run(&[&real[..], &["--format", "plain"]].concat());
    assert_eq!(plain.stdout.lines().count(), 3, "{}", plain.stdout);
    assert!(
        plain.stderr.contains(&format!(" 351 have no price level (BEA does not price them) and are not ranked. 1 has no price level because the import of BEA's price parities left out rows, and is not ranked (Seattle-Tacoma-Bellevue, WA: incomplete: {why}). ")),
        "{}",
        plain.stderr
    );
    let salary = env.seen(&[
        "salary",
        "data-scientists",
        "--city",
        "Seattle",
        "--format",
        "plain",
    ]);
    assert!(
        salary.contains(&format!(
            "Price level of Seattle-Tacoma-Bellevue, WA: incomplete: {why}.\n"
        )),
        "{salary}"
    );
}

#[test]
#[cfg(feature = "embedded")]
fn a_row_left_out_without_its_geofips_makes_every_price_level_incomplete() {
    // Seattle's all-items row (line 7), its GeoFIPS mistyped.
    let env = forced_metro_prices("\"42660\"", "\"4266X\"");
    let why = "a row of BEA's files could not be read, nor which area it is for, and the import left it out (MARPP_MSA_2014_2024.csv line 7, column 1 (GeoFIPS): \"4266X\" is not a GeoFIPS code (five digits)); any answer from this release may be missing figures";
    let worth = ["worth", "100000", "Seattle", "100000", "Portland, OR"];
    let json = env.json(&worth);
    // Seattle's all-items row is gone: no value that year, and why it may be so.
    assert_eq!(
        json["places"][0]["prices"],
        serde_json::json!({"status": "not-priced", "reason": "no-value-that-year", "year": 2024, "incomplete": why})
    );
    // Portland is priced, but the row left out could have been any area's.
    assert_eq!(json["places"][1]["prices"]["all_items"], 105.421);
    assert_eq!(json["places"][1]["prices"]["incomplete"], why);
    let plain = env.seen(&[&worth[..], &["--format", "plain"]].concat());
    assert!(
        plain.contains(&format!("\nThe price levels of Seattle-Tacoma-Bellevue, WA, Portland-Vancouver-Hillsboro, OR-WA are incomplete: {why}.\n")),
        "{plain}"
    );
    let csv = env.stdout(&[&worth[..], &["--format", "csv"]].concat());
    let quoted = why.replace('"', "\"\"");
    assert_eq!(
        csv,
        format!(
            "place,area_code,area,amount,hourly,price_year,price_level,housing_price_level,in_us_prices,difference_from_first,percent_from_first,price_incomplete,soc,median,median_status,my_pay_position,my_pay_percent,attribution\nSeattle,0042660,\"Seattle-Tacoma-Bellevue, WA\",100000,,,,,,,,\"{quoted}\",,,,,,\n\"Portland, OR\",0038900,\"Portland-Vancouver-Hillsboro, OR-WA\",100000,,2024,105.421,125.114,94858,,,\"{quoted}\",,,,,,\n"
        )
    );
    let real = [
        "where",
        "data-scientists",
        "--by",
        "real-median",
        "--top",
        "3",
    ];
    let json = env.json(&real);
    assert_eq!(json["prices_incomplete"], why);
    assert_eq!(json["occupations"][0]["not_priced"], 352);
    let plain = env.seen(&[&real[..], &["--format", "plain"]].concat());
    assert!(
        plain.contains(" 352 have no price level (BEA does not price them, or the import left out their rows) and are not ranked. "),
        "{plain}"
    );
    assert!(
        plain.contains(&format!("\nPrice levels incomplete: {why}.\n")),
        "{plain}"
    );
    // salary's price line says it too, for a place that is priced.
    let salary = env.seen(&[
        "salary",
        "data-scientists",
        "--city",
        "Portland, OR",
        "--format",
        "plain",
    ]);
    assert!(
        salary.contains(
            "\tBLS OEWS May 2025\t\t\t\t15-2051\t0038900\t000000\t13\t122936\t105.421\t2024\n"
        ),
        "{salary}"
    );
    assert!(
        salary.contains(&format!(
            "\nPrice level of Portland-Vancouver-Hillsboro, OR-WA: incomplete: {why}.\n"
        )),
        "{salary}"
    );
}
