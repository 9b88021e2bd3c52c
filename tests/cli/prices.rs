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
    assert_eq!(p["year"], 2024);
    assert_eq!(p["published"], "February 19, 2026");
    assert_eq!(p["embedded"], false);
    assert_eq!(p["counts"]["metros"], 6);
    let out = env.stdout(&["sources", "--format", "plain"]);
    assert!(
        out.contains("Price levels\nSource\tBEA Regional Price Parities 2014-2024\nReleased\tFebruary 19, 2026\n"),
        "{out}"
    );
    assert!(
        out.contains("Cite as\tU.S. Bureau of Economic Analysis, \"Regional Price Parities by State and Metro Area\""),
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
    assert!(
        err.contains("has 1 rows that cannot be read; nothing was imported and the current import is kept (fix them, or pass --force to import the rest):"),
        "{err}"
    );
    assert!(
        err.contains("MARPP_MSA_2014_2024.csv line 7: has 20 fields, the header 19"),
        "{err}"
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
