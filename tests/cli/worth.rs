//! What pay buys where, from the binary with the embedded data: `worth`, `where --by
//! real-median`, and `salary` and `compare` at a place. The figures are BEA's RPP 2024 (MARPP:
//! Austin-Round Rock-San Marcos 98.066 all items, 120.361 housing; San Francisco-Oakland-Fremont
//! 115.613 and 194.718) and BLS OEWS May 2025; with `../shared/bea-rpp-2024`, every area's
//! parity is checked against BEA's file.

use crate::common::{NOTICE, TestEnv, shared};

/// `amount` divided by `parity`/100, rounded half up: the rule the figures follow.
fn in_us_prices(amount: u64, parity_thousandths: u64) -> u64 {
    (amount * 100_000 * 2 + parity_thousandths) / (2 * parity_thousandths)
}

#[test]
fn worth_answers_austin_against_san_francisco_in_one_command() {
    let env = TestEnv::new().embedded();
    let json = env.json(&["worth", "120000", "Austin", "150000", "San Francisco"]);
    let places = json["places"].as_array().unwrap();
    assert_eq!(places[0]["area"]["code"], "0012420");
    assert_eq!(places[0]["amount"], 120_000);
    assert_eq!(places[0]["prices"]["all_items"], 98.066);
    assert_eq!(places[0]["prices"]["housing"], 120.361);
    assert_eq!(places[0]["prices"]["year"], 2024);
    assert_eq!(places[0]["prices"]["bea_table"], "MARPP");
    assert_eq!(places[0]["prices"]["geo_fips"], "12420");
    let austin = in_us_prices(120_000, 98_066);
    assert_eq!(austin, 122_367);
    assert_eq!(places[0]["in_us_prices"], austin);
    assert_eq!(places[1]["area"]["code"], "0041860");
    assert_eq!(places[1]["prices"]["all_items"], 115.613);
    assert_eq!(places[1]["prices"]["housing"], 194.718);
    let sf = in_us_prices(150_000, 115_613);
    assert_eq!(sf, 129_743);
    assert_eq!(places[1]["in_us_prices"], sf);
    // 122,367 - 129,743 = -7,376, which is 5.685% of 129,743.
    assert_eq!(
        json["comparisons"],
        serde_json::json!([{"first": 0, "other": 1, "difference": -7_376, "percent": -5.7}])
    );
    assert_eq!(
        json["prices_source"]["name"],
        "BEA Regional Price Parities 2008-2024"
    );
    assert!(json.get("role").is_none());
    let run = env.run(&[
        "worth",
        "120000",
        "Austin",
        "150000",
        "San Francisco",
        "--format",
        "plain",
    ]);
    // The records on stdout, the sentence that compares them on stderr.
    assert!(
        run.stderr.starts_with("$120,000 in Austin-Round Rock-San Marcos, TX is worth $7,376 (5.7%) less than $150,000 in San Francisco-Oakland-Fremont, CA: $122,367 against $129,743 at U.S.-average prices.\n"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stdout,
        "Austin\t0012420\tAustin-Round Rock-San Marcos, TX\t120000\t\t2024\t98.066\t120.361\t122367\t\t\t\t\t\t\t\t\n\
         San Francisco\t0041860\tSan Francisco-Oakland-Fremont, CA\t150000\t\t2024\t115.613\t194.718\t129743\t7376\t5.7\t\t\t\t\t\t\n"
    );
    // Amounts as people type them, and the places' other names.
    let again = env.json(&["worth", "$120k", "austin, tx", "150,000", "SF"]);
    assert_eq!(again["comparisons"], json["comparisons"]);
}

#[test]
fn with_a_role_each_amount_is_placed_among_its_wages_there() {
    let env = TestEnv::new().embedded();
    let asked = [
        "worth",
        "120000",
        "Austin",
        "150000",
        "San Francisco",
        "--role",
        "software-developers",
    ];
    let as_format = |format: &str| env.stdout(&[&asked[..], &["--format", format]].concat());
    let json = env.json(&asked);
    assert_eq!(json["role"]["id"], "software-developers");
    assert_eq!(json["notice"], NOTICE);
    let austin = &json["places"][0]["role_wages"][0];
    assert_eq!(austin["occupation"]["soc"], "15-1252");
    assert_eq!(austin["estimated"], true);
    assert_eq!(austin["median"]["value"], 134_120);
    // Austin's 25th percentile $104,000, median $134,120: 25 + 25 × 16,000 / 30,120 = 38.3.
    let placement = &austin["placement"];
    assert_eq!(placement["kind"], "between");
    assert_eq!(
        (
            placement["low_wage"].as_u64(),
            placement["high_wage"].as_u64()
        ),
        (Some(104_000), Some(134_120))
    );
    let sf = &json["places"][1]["role_wages"][0];
    assert_eq!(sf["median"]["value"], 186_640);
    assert_eq!(
        (
            sf["placement"]["low_wage"].as_u64(),
            sf["placement"]["high_wage"].as_u64()
        ),
        (Some(128_090), Some(163_500))
    );
    let out = as_format("table");
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        out.contains("$120,000 ┆ $134,120 ┆ between the 25th percentile ($104,000)"),
        "{out}"
    );
    // In CSV and plain, as numbers: about the 38th percentile of Austin's wages.
    let plain = as_format("plain");
    assert!(
        plain.starts_with("Austin\t0012420\tAustin-Round Rock-San Marcos, TX\t120000\t\t2024\t98.066\t120.361\t122367\t\t\t\t15-1252\t134120\tpublished\tbetween\t38.3\n"),
        "{plain}"
    );
}

#[test]
fn a_place_bea_does_not_price_has_no_worth_and_no_comparison() {
    let env = TestEnv::new().embedded();
    let json = env.json(&["worth", "90000", "7200000", "120000", "Austin"]);
    let pr = &json["places"][0];
    assert_eq!(
        pr["prices"],
        serde_json::json!({"status": "not-priced", "reason": "not-in-bea-tables"})
    );
    assert!(pr.get("in_us_prices").is_none(), "{pr}");
    assert_eq!(json["comparisons"], serde_json::json!([]));
    let run = env.run(&[
        "worth", "90000", "7200000", "120000", "Austin", "--format", "plain",
    ]);
    assert!(
        run.stdout
            .starts_with("7200000\t7200000\tPuerto Rico\t90000\t\t\t\t\t\t\t\t\t\t\t\t\t\n"),
        "{}",
        run.stdout
    );
    let out = run.stderr;
    assert!(
        out.contains("BEA publishes no price level for Puerto Rico: what pay buys there cannot be set against the others.\n"),
        "{out}"
    );
    // The nation is priced at 100 by BEA's own table.
    let us = env.json(&["worth", "100000", "US", "100000", "Austin"]);
    assert_eq!(us["places"][0]["prices"]["all_items"], 100.0);
    assert_eq!(us["places"][0]["in_us_prices"], 100_000);
}

#[test]
fn worth_names_the_argument_at_fault() {
    let env = TestEnv::new().embedded();
    let err = env.fails(&["worth", "120000", "Austin", "150000"], 2);
    assert_eq!(
        err,
        "careers: error: `worth` takes an amount and a place, in pairs, and \"150000\" has no partner; e.g. careers worth 120000 Austin 150000 \"San Francisco\"\n"
    );
    let err = env.fails(&["worth", "Austin", "120000", "SF", "150000"], 2);
    assert!(
        err.starts_with("careers: error: AMOUNT \"Austin\" is not an amount of pay; expected a year's pay such as 150000, 150,000 or $150k, or an hourly rate such as 45/hr or 45h; each place follows its amount"),
        "{err}"
    );
    let err = env.fails(&["worth", "120000", "Austin"], 2);
    assert!(
        err.contains("`worth` compares 2 to 5 places, not 1"),
        "{err}"
    );
    let err = env.fails(&["worth", "120000", "Remote", "150000", "Austin"], 2);
    assert!(
        err.contains(
            "\"Remote\" is no BLS area, and has no price level; name a metro area, a state or US"
        ),
        "{err}"
    );
}

#[test]
fn salary_and_compare_at_a_place_show_its_prices_and_wages_in_us_prices() {
    let env = TestEnv::new().embedded();
    let json = env.json(&["salary", "software-developers", "--city", "Austin"]);
    let e = &json["official"][0]["occupations"][0]["estimates"][0];
    assert_eq!(e["prices"]["all_items"], 98.066);
    assert_eq!(e["prices"]["housing"], 120.361);
    let figure = |m: &str| {
        e["figures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["measure"] == m)
            .unwrap()
            .clone()
    };
    // BLS's Austin median $134,120 and hourly median $64.48.
    assert_eq!(
        figure("annual-median")["in_us_prices"].as_f64(),
        Some(in_us_prices(134_120, 98_066) as f64)
    );
    assert_eq!(
        figure("hourly-median")["in_us_prices"].as_f64(),
        Some(in_us_prices(6_448, 98_066) as f64 / 100.0)
    );
    assert!(figure("employment").get("in_us_prices").is_none());
    assert_eq!(
        json["prices_source"]["citation"],
        "U.S. Bureau of Economic Analysis, \"Regional Price Parities by State and Metro Area\""
    );
    let out = env.stdout(&[
        "salary",
        "software-developers",
        "--city",
        "Austin",
        "--format",
        "plain",
    ]);
    // The median's record: $134,120 there, $136,765 in U.S.-average prices, at 98.066.
    assert!(
        out.contains("\tannual-median\tUSD\t2025\t$134,120\t\tBLS OEWS May 2025\t\t\t\t15-1252\t0012420\t000000\t13\t136765\t98.066\t2024\n"),
        "{out}"
    );
    // The nation's wages are in U.S.-average prices already.
    let national = env.json(&["salary", "software-developers"]);
    let e = &national["official"][0]["occupations"][0]["estimates"][0];
    assert!(e.get("prices").is_none(), "{e}");
    assert!(national.get("prices_source").is_none());

    let compare = env.json(&[
        "compare",
        "software-developers",
        "data-scientists",
        "--city",
        "Austin",
    ]);
    assert_eq!(compare["prices"]["area"]["code"], "0012420");
    assert_eq!(compare["prices"]["prices"]["all_items"], 98.066);
    // Data scientists in Austin: BLS median $127,360.
    assert_eq!(
        compare["roles"][1]["official"][0]["median"]["in_us_prices"].as_f64(),
        Some(in_us_prices(127_360, 98_066) as f64)
    );
    let out = env.stdout(&[
        "compare",
        "software-developers",
        "data-scientists",
        "--city",
        "Austin",
        "--format",
        "plain",
    ]);
    assert!(
        out.contains("\nsoftware-developers\tannual-median-in-us-prices\tSOC 15-1252 Software Developers\tpublished\t136765\tusd-per-year\t"),
        "{out}"
    );
    assert!(
        out.contains("\ndata-scientists\tannual-median-in-us-prices\tSOC 15-2051 Data Scientists\tpublished\t129872\tusd-per-year\t"),
        "{out}"
    );
    let out = env.stdout(&[
        "compare",
        "software-developers",
        "data-scientists",
        "--city",
        "Austin",
        "--format",
        "markdown",
    ]);
    assert!(
        out.contains("Prices in Austin-Round Rock-San Marcos, TX: all items 98.066 and housing 120.361 (BEA RPP 2024, U.S. = 100)."),
        "{out}"
    );
}

#[test]
fn where_ranks_areas_by_what_the_median_buys() {
    let env = TestEnv::new().embedded();
    let json = env.json(&[
        "where",
        "software-developers",
        "--by",
        "real-median",
        "--top",
        "600",
    ]);
    assert_eq!(json["by"], "real-median");
    let o = &json["occupations"][0];
    let ranked = o["ranked"].as_array().unwrap();
    // Every ranked area has a price level, and the ranking is by the median divided by it.
    let keys: Vec<f64> = ranked
        .iter()
        .map(|r| {
            let median = r["figures"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["measure"] == "annual-median")
                .unwrap();
            let parity = (r["prices"]["all_items"].as_f64().unwrap() * 1000.0).round() as u64;
            let real = in_us_prices(median["value"].as_f64().unwrap() as u64, parity);
            assert_eq!(median["in_us_prices"].as_f64(), Some(real as f64), "{r}");
            real as f64
        })
        .collect();
    assert!(keys.windows(2).all(|w| w[0] >= w[1]), "{keys:?}");
    // San Jose: $213,110 at 110.423.
    assert_eq!(ranked[0]["area"]["code"], "0041940");
    assert_eq!(keys[0], in_us_prices(213_110, 110_423) as f64);
    let estimated = o["estimated"].as_u64().unwrap();
    let left_out = o["not_published"].as_u64().unwrap()
        + o["not_priced"].as_u64().unwrap()
        + o["top_coded"].as_u64().unwrap();
    assert_eq!(ranked.len() as u64 + left_out, estimated);
    // Puerto Rico's metros are not priced.
    assert!(o["not_priced"].as_u64().unwrap() >= 1);
    assert!(
        !ranked
            .iter()
            .any(|r| r["area"]["name"].as_str().unwrap().ends_with(", PR")),
        "{o}"
    );
    assert_eq!(json["prices_source"]["release"], "2008-2024");
}

/// The all-items parity of the last year of each row of BEA's file `name`, by GeoFIPS.
fn bea_parities(name: &str) -> std::collections::HashMap<String, Option<u64>> {
    let bytes = std::fs::read(shared(&format!("bea-rpp-2024/{name}"))).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(bytes.as_slice());
    let mut out = std::collections::HashMap::new();
    for r in reader.records() {
        let r = r.unwrap();
        if r.len() < 9 || r[4].trim() != "1" {
            continue;
        }
        let fips = r[0].trim().trim_matches('"').to_owned();
        let last = r[r.len() - 1].trim();
        let value = last
            .parse::<f64>()
            .ok()
            .map(|v| (v * 1000.0).round() as u64)
            .filter(|v| *v > 0);
        out.insert(fips, value);
    }
    out
}

#[test]
#[ignore = "needs ../shared/bea-rpp-2024 and ../shared/oews-2025 (run by .ci/run when they are there)"]
fn every_oews_area_takes_its_own_rpp_from_beas_files() {
    let env = TestEnv::new().embedded();
    let metros = bea_parities("MARPP_MSA_2008_2024.csv");
    let portions = bea_parities("PARPP_PORT_2008_2024.csv");
    let states = bea_parities("SARPP_STATE_2008_2024.csv");
    let areas = std::fs::read_to_string(shared("oews-2025/oe.area")).unwrap();
    let mut priced = 0;
    let mut pairs: Vec<String> = Vec::new();
    let mut expected: Vec<(String, Option<u64>)> = Vec::new();
    for line in areas.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (code, kind) = (cols[1], cols[2]);
        let want = match kind {
            "N" => states["00000"],
            "S" => states.get(&format!("{}000", &code[..2])).copied().flatten(),
            _ if code.starts_with("00") => metros.get(&code[2..]).copied().flatten(),
            _ => portions
                .get(&format!("{}999", &code[..2]))
                .copied()
                .flatten(),
        };
        priced += usize::from(want.is_some());
        expected.push((code.to_owned(), want));
    }
    assert_eq!(expected.len(), 583);
    // What BEA prices: the nation, the 50 states and DC, 387 metros and 133 of OEWS's 135
    // nonmetropolitan areas (not Delaware's, whose portion BEA gives as 0.000, nor Puerto
    // Rico's).
    assert_eq!(priced, 1 + 51 + 387 + 133);
    // Each area through `worth`, against the nation, two at a time in one run.
    for chunk in expected.chunks(4) {
        pairs.clear();
        for (code, _) in chunk {
            pairs.push("100000".into());
            pairs.push(code.clone());
        }
        if pairs.len() < 4 {
            pairs.extend(["100000".into(), "US".into()]);
        }
        let json = env.json(
            &[
                &["worth"],
                pairs
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .as_slice(),
            ]
            .concat(),
        );
        for (i, (code, want)) in chunk.iter().enumerate() {
            let place = &json["places"][i];
            assert_eq!(place["area"]["code"], code.as_str());
            let got = place["prices"]["all_items"]
                .as_f64()
                .map(|v| (v * 1000.0).round() as u64);
            assert_eq!(got, *want, "{code}: {place}");
            assert_eq!(
                place["in_us_prices"].as_u64(),
                want.map(|p| in_us_prices(100_000, p)),
                "{code}"
            );
        }
    }
}

#[test]
fn worth_takes_an_hourly_rate_at_2080_hours_and_refuses_a_years_pay_below_1000() {
    let env = TestEnv::new().embedded();
    let json = env.json(&["worth", "45/hr", "Austin", "150k", "SF"]);
    let places = json["places"].as_array().unwrap();
    assert_eq!(places[0]["amount"], 45 * 2_080);
    assert_eq!(places[0]["hourly"], 45.0);
    assert!(places[1].get("hourly").is_none());
    assert_eq!(places[0]["in_us_prices"], in_us_prices(93_600, 98_066));
    let run = env.run(&[
        "worth", "45.50h", "Austin", "150k", "SF", "--format", "plain",
    ]);
    let out = format!("{}{}", run.stdout, run.stderr);
    assert!(
        out.starts_with(
            "Austin\t0012420\tAustin-Round Rock-San Marcos, TX\t94640\t45.5\t2024\t98.066\t120.361\t96506\t\t\t\t\t\t\t\t\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("An hourly rate counts 2,080 hours a year (52 weeks of 40 hours), as BLS turns hourly wages into annual ones.\n"),
        "{out}"
    );
    let csv = env.stdout(&["worth", "45/hr", "Austin", "150k", "SF", "--format", "csv"]);
    assert_eq!(
        csv,
        "place,area_code,area,amount,hourly,price_year,price_level,housing_price_level,in_us_prices,difference_from_first,percent_from_first,price_incomplete,soc,median,median_status,my_pay_position,my_pay_percent,attribution\n\
         Austin,0012420,\"Austin-Round Rock-San Marcos, TX\",93600,45,2024,98.066,120.361,95446,,,,,,,,,\n\
         SF,0041860,\"San Francisco-Oakland-Fremont, CA\",150000,,2024,115.613,194.718,129743,34297,26.4,,,,,,,\n"
    );
    assert_eq!(
        env.fails(&["worth", "45", "Austin", "150k", "SF"], 2),
        "careers: error: AMOUNT $45 is too little for a year's pay; for $45 an hour write 45/hr (= $93,600 a year at 2,080 hours), for $45,000 a year write 45k; each place follows its amount, e.g. careers worth 120000 Austin 150000 \"San Francisco\"\n"
    );
}
