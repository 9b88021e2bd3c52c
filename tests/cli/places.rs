//! Every place a person names, from the binary with the embedded data: BLS's whole area names,
//! the rural forms, principal cities, the common names, comma lists, and `careers places`; with
//! `../shared`, every name of BLS's area list and every principal city of Census's list.

use crate::common::{TestEnv, shared};

/// The OEWS area code each place resolves to, through `worth` (one place each, never a list).
fn codes(env: &TestEnv, places: &[&str]) -> Vec<String> {
    let mut args = vec!["worth".to_owned()];
    for p in places {
        args.push("100000".into());
        args.push((*p).to_owned());
    }
    let json = env.json(&args);
    json["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["area"]["code"].as_str().unwrap().to_owned())
        .collect()
}

/// The names `salary --city VALUE` reads VALUE as.
fn cities(env: &TestEnv, value: &str) -> Vec<String> {
    let json = env.json(&["salary", "--city", value]);
    json["filters"]["cities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_names_people_use_resolve() {
    let env = TestEnv::new().embedded();
    for chunk in [
        [
            ("Northwest Alabama nonmetropolitan area", "0100001"),
            ("Alaska nonmetropolitan area", "0200006"),
            ("Northwest Alabama nonmetropolitan", "0100001"),
            ("rural Alaska", "0200006"),
            ("Arizona nonmetropolitan", "0400001"),
        ],
        [
            // A state's name is the state, never its own nonmetropolitan areas.
            ("Alaska", "0200000"),
            ("Arizona", "0400000"),
            ("Connecticut", "0900000"),
            ("Kansas", "2000000"),
            ("Puerto Rico", "7200000"),
        ],
        [
            ("Maryland", "2400000"),
            ("Massachusetts", "2500000"),
            ("New York State", "3600000"),
            ("Washington", "5300000"),
            ("Washington, DC", "0047900"),
        ],
        [
            // The documented common names.
            ("Manhattan", "0035620"),
            ("Brooklyn", "0035620"),
            ("Bay Area", "0041860"),
            ("Silicon Valley", "0041940"),
            ("Philly", "0037980"),
        ],
        [
            ("Honolulu", "0046520"),
            ("Saint Louis", "0041180"),
            ("St. Louis", "0041180"),
            ("Manhattan, KS", "0031740"),
            ("DC", "1100000"),
        ],
        [
            // Census's principal cities.
            ("Mountain View", "0041940"),
            ("Plano", "0019100"),
            ("Plano, TX", "0019100"),
            ("Louisville", "0031140"),
            ("Nashville", "0034980"),
        ],
    ] {
        let places: Vec<&str> = chunk.iter().map(|(p, _)| *p).collect();
        let want: Vec<&str> = chunk.iter().map(|(_, c)| *c).collect();
        assert_eq!(codes(&env, &places), want);
    }
}

#[test]
fn rural_forms_take_every_nonmetropolitan_area_of_a_state() {
    let env = TestEnv::new().embedded();
    let montana = [
        "Southwest Montana nonmetropolitan area",
        "West Montana nonmetropolitan area",
        "East-Central Montana nonmetropolitan area",
    ];
    for value in ["rural Montana", "Montana nonmetropolitan", "nonmetro MT"] {
        assert_eq!(cities(&env, value), montana, "{value}");
    }
    // One place cannot be three: `worth` lists them.
    let err = env.fails(&["worth", "100k", "rural Montana", "100k", "US"], 1);
    assert!(
        err.starts_with("careers: error: place \"rural Montana\" has several readings: Southwest Montana nonmetropolitan area (3000003); West Montana nonmetropolitan area (3000004); East-Central Montana nonmetropolitan area (3000006)"),
        "{err}"
    );
}

#[test]
fn comma_lists_take_us_state_codes_and_names() {
    let env = TestEnv::new().embedded();
    assert_eq!(cities(&env, "Boston,US"), ["Boston", "National"]);
    assert_eq!(cities(&env, "Texas,US"), ["Texas", "National"]);
    assert_eq!(cities(&env, "CA,TX"), ["California", "Texas"]);
    assert_eq!(cities(&env, "Austin,SF"), ["Austin", "San Francisco"]);
    // A postal code after a city is still its state.
    assert_eq!(
        cities(&env, "Portland,OR"),
        ["Portland-Vancouver-Hillsboro, OR-WA"]
    );
    assert_eq!(
        cities(&env, "Portland, ME, Plano"),
        [
            "Portland-South Portland, ME",
            "Dallas-Fort Worth-Arlington, TX"
        ]
    );
}

#[test]
fn places_lists_every_area_with_its_kind_state_and_price_level() {
    let env = TestEnv::new().embedded();
    let json = env.json(&["places"]);
    assert_eq!(json["found"], "all");
    let places = json["places"].as_array().unwrap();
    assert_eq!(places.len(), 583);
    let count = |kind: &str| places.iter().filter(|p| p["kind"] == kind).count();
    assert_eq!(
        (
            count("nation"),
            count("state"),
            count("metropolitan"),
            count("nonmetropolitan")
        ),
        (1, 54, 393, 135)
    );
    let austin = places.iter().find(|p| p["code"] == "0012420").unwrap();
    assert_eq!(austin["state"], "TX");
    assert_eq!(austin["prices"]["all_items"], 98.066);
    let guam = places.iter().find(|p| p["code"] == "6600000").unwrap();
    assert_eq!(guam["prices"]["status"], "not-priced");
    let texas = env.json(&["places", "TX"]);
    assert_eq!(texas["found"], "state");
    assert_eq!(texas["places"][0]["name"], "Texas");
    assert!(
        texas["places"]
            .as_array()
            .unwrap()
            .iter()
            .skip(1)
            .all(|p| p["name"].as_str().unwrap().contains("TX")
                || p["name"].as_str().unwrap().contains("Texas")),
        "{texas}"
    );
    let plano = env.json(&["places", "Plano"]);
    assert_eq!(plano["found"], "place");
    assert_eq!(plano["places"][0]["code"], "0019100");
    let bay = env.run(&["places", "Bay", "Area", "--format", "plain"]);
    assert!(
        bay.stdout
            .starts_with("0041860\tSan Francisco-Oakland-Fremont, CA\tmetropolitan\tCA\t2024\t"),
        "{}",
        bay.stdout
    );
    let bay = bay.stderr;
    assert!(
        bay.contains(
            "Bay Area: San Francisco-Oakland-Fremont, CA; Silicon Valley is San Jose's metro.\n"
        ),
        "{bay}"
    );
    let words = env.json(&["places", "Central"]);
    assert_eq!(words["found"], "name-holds");
    assert!(words["places"].as_array().unwrap().len() > 3, "{words}");
    let err = env.fails(&["places", "Atlantiss"], 1);
    assert!(
        err.starts_with("careers: error: unknown place \"Atlantiss\" (did you mean Atlanta"),
        "{err}"
    );
    let csv = env.stdout(&["places", "rural", "Montana", "--format", "csv"]);
    assert_eq!(
        csv.lines().next().unwrap(),
        "code,area,kind,state,price_year,price_level,housing_price_level"
    );
    assert_eq!(csv.lines().count(), 4, "{csv}");
}

#[test]
#[ignore = "needs ../shared/oews-2025 (run by .ci/run when it is there)"]
fn every_bls_area_name_resolves_to_itself() {
    let env = TestEnv::new().embedded();
    let text = std::fs::read_to_string(shared("oews-2025/oe.area")).unwrap();
    let areas: Vec<(String, String)> = text
        .lines()
        .skip(1)
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            (cols[1].to_owned(), cols[3].to_owned())
        })
        .collect();
    assert_eq!(areas.len(), 583);
    for chunk in areas.chunks(5) {
        let mut names: Vec<&str> = chunk.iter().map(|(_, n)| n.as_str()).collect();
        let mut want: Vec<&str> = chunk.iter().map(|(c, _)| c.as_str()).collect();
        if names.len() < 2 {
            names.push("US");
            want.push("0000000");
        }
        assert_eq!(codes(&env, &names), want);
    }
}

#[test]
#[ignore = "needs ../shared/census-cbsa-2023 (run by .ci/run when it is there)"]
fn every_principal_city_with_its_state_resolves_to_its_metro() {
    use calamine::{Data, Reader};
    let env = TestEnv::new().embedded();
    let path = shared("census-cbsa-2023/list2_2023.xlsx");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).unwrap();
    let text = |c: &Data| match c {
        Data::String(s) => s.trim().to_owned(),
        Data::Float(f) => format!("{f:.0}"),
        other => other.to_string(),
    };
    let metros: Vec<(String, String, String, String)> = range
        .rows()
        .filter(|row| row.len() >= 5 && text(&row[2]) == "Metropolitan Statistical Area")
        .map(|row| {
            let fips = format!("{:0>2}", text(&row[4]));
            (text(&row[0]), text(&row[1]), text(&row[3]), fips)
        })
        .collect();
    let postal = postal_codes_from_titles(&metros);
    let mut cities: Vec<(String, String)> = Vec::new();
    for (code, _, name, fips) in &metros {
        // Census's names of consolidated cities and of two names ("Ventura") are read by the
        // rules the unit tests of `careers::census` hold.
        if name.contains('(') {
            continue;
        }
        cities.push((format!("{name}, {}", postal[fips]), format!("00{code}")));
    }
    let metropolitan = metros.len();
    assert_eq!(metropolitan, 726);
    assert!(cities.len() > 710, "{}", cities.len());
    for chunk in cities.chunks(5) {
        let mut names: Vec<&str> = chunk.iter().map(|(n, _)| n.as_str()).collect();
        let mut want: Vec<&str> = chunk.iter().map(|(_, c)| c.as_str()).collect();
        if names.len() < 2 {
            names.push("US");
            want.push("0000000");
        }
        assert_eq!(codes(&env, &names), want, "{names:?}");
    }
}

/// Each state's postal code, read from the metros' titles: a state's code is the one every
/// metro with a principal city in it names ("Kansas City, MO-KS"), and a code that another
/// state already holds is not a state's own (DC's only metro also names VA, MD and WV).
fn postal_codes_from_titles(
    metros: &[(String, String, String, String)],
) -> std::collections::HashMap<String, String> {
    use std::collections::{BTreeSet, HashMap};
    let mut candidates: HashMap<String, BTreeSet<String>> = HashMap::new();
    for (_, title, _, fips) in metros {
        let (_, states) = title
            .rsplit_once(", ")
            .expect("a metro title ends with its states");
        let named: BTreeSet<String> = states.split('-').map(str::to_owned).collect();
        candidates
            .entry(fips.clone())
            .and_modify(|c| c.retain(|s| named.contains(s)))
            .or_insert(named);
    }
    let mut postal: HashMap<String, String> = HashMap::new();
    while postal.len() < candidates.len() {
        let before = postal.len();
        for (fips, left) in &candidates {
            let open: Vec<&String> = left
                .iter()
                .filter(|s| !postal.values().any(|taken| taken == *s))
                .collect();
            if !postal.contains_key(fips) && open.len() == 1 {
                postal.insert(fips.clone(), open[0].clone());
            }
        }
        assert!(
            postal.len() > before,
            "states left unresolved: {candidates:?}"
        );
    }
    postal
}
