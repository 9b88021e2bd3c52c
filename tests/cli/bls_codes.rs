//! Which of BLS's codes answers for each O*NET occupation: the most detailed one BLS publishes
//! (its own, else the combined occupation it is in, else its broad group), in OEWS and in the
//! projections alike; and BLS's group codes asked for directly. The real-data tests read the
//! expected codes and figures from `../shared`'s files themselves, and ask the embedded release,
//! which `.ci/run` holds byte for byte to what `careers dataset` makes of those files.

use std::collections::{BTreeMap, BTreeSet};

use crate::common::{TestEnv, figure, shared};

/// `oe.occupation`: each code (`211018`) with its name and display level.
fn oews_occupations() -> BTreeMap<String, (String, u8)> {
    let text = std::fs::read_to_string(shared("oews-2025").join("oe.occupation")).unwrap();
    text.lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (
                f[0].trim().to_owned(),
                (f[1].trim().to_owned(), f[2].trim().parse().unwrap()),
            )
        })
        .collect()
}

/// O*NET 29.2's occupation codes (`21-1014.00`), in its order.
fn onet_codes() -> Vec<String> {
    let text = std::fs::read_to_string(shared("onet-29.2").join("Occupation Data.txt")).unwrap();
    text.lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap().to_owned())
        .collect()
}

/// `211018` → `21-1018`.
fn hyphen(code: &str) -> String {
    format!("{}-{}", &code[..2], &code[2..])
}

/// The national cross-industry value of an OEWS series (`01` employment) in
/// `oe.data.0.Current`, as the file writes it.
fn national(rows: &str, code: &str, datatype: &str) -> String {
    let id = format!("OEUN0000000000000{code}{datatype}");
    rows.lines()
        .find(|l| l.starts_with(&id))
        .unwrap_or_else(|| panic!("{id} is in the file"))
        .split('\t')
        .nth(3)
        .unwrap()
        .trim()
        .to_owned()
}

#[test]
#[ignore = "needs ../shared/oews-2025 and ../shared/onet-29.2 (run by .ci/run when they are there)"]
fn every_o_net_occupation_reaches_the_most_detailed_code_bls_publishes_for_it() {
    let oews = oews_occupations();
    let onet = onet_codes();
    let onet_socs: BTreeSet<String> = onet.iter().map(|c| c[..7].replace('-', "")).collect();
    // From the files: for each O*NET occupation whose 6-digit code BLS does not publish, the
    // detailed codes BLS publishes in its broad group that O*NET has no occupation under.
    let mut combined: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut expected: BTreeMap<String, (String, &str)> = BTreeMap::new();
    for code in &onet {
        let soc = code[..7].replace('-', "");
        if oews.contains_key(&soc) {
            let basis = if code.ends_with(".00") {
                "same-occupation"
            } else {
                "within-occupation"
            };
            expected.insert(code.clone(), (hyphen(&soc), basis));
            continue;
        }
        let candidates: Vec<&String> = oews
            .iter()
            .filter(|(c, (_, level))| {
                // BLS shows some broad groups at the detailed level (`131020`); a detailed
                // code ends in 1 to 9.
                *level == 3 && c[..5] == soc[..5] && !c.ends_with('0') && !onet_socs.contains(*c)
            })
            .map(|(c, _)| c)
            .collect();
        let broad = format!("{}0", &soc[..5]);
        if let [one] = candidates.as_slice() {
            combined.entry(hyphen(one)).or_default().push(code.clone());
            expected.insert(code.clone(), (hyphen(one), "combined"));
        } else if oews.contains_key(&broad) {
            // No O*NET occupation gets a broad group where BLS publishes a more detailed code
            // for it: here BLS publishes none.
            assert!(candidates.is_empty(), "{code}: {candidates:?}");
            expected.insert(code.clone(), (hyphen(&broad), "aggregate"));
        }
    }
    assert_eq!(
        combined.keys().map(String::as_str).collect::<Vec<_>>(),
        ["21-1018", "25-2052", "25-9045", "51-2028", "53-1047"]
    );
    assert_eq!(combined.values().map(Vec::len).sum::<usize>(), 14);
    assert_eq!(
        combined["21-1018"],
        ["21-1011.00".to_owned(), "21-1014.00".to_owned()]
    );

    // What careers answers for every O*NET occupation at once.
    let env = TestEnv::new().embedded();
    let mut args = vec!["salary".to_owned()];
    args.extend(onet.iter().cloned());
    let v = env.json(&args);
    let mut answered: BTreeMap<String, (String, String)> = BTreeMap::new();
    for role in v["official"].as_array().unwrap() {
        for o in role["occupations"].as_array().unwrap() {
            let o = &o["occupation"];
            answered.insert(
                o["code"].as_str().unwrap().to_owned(),
                (
                    o["soc"].as_str().unwrap().to_owned(),
                    o["basis"].as_str().unwrap().to_owned(),
                ),
            );
        }
    }
    let expected: BTreeMap<String, (String, String)> = expected
        .into_iter()
        .map(|(k, (soc, basis))| (k, (soc, basis.to_owned())))
        .collect();
    assert_eq!(answered, expected);

    // Each combined occupation's national employment and median, as the data file has them.
    let rows = std::fs::read_to_string(shared("oews-2025").join("oe.data.0.Current")).unwrap();
    assert_eq!(national(&rows, "211018", "01"), "491930");
    for (soc, codes) in &combined {
        let code = soc.replace('-', "");
        let employment: f64 = national(&rows, &code, "01").parse().unwrap();
        let median: f64 = national(&rows, &code, "13").parse().unwrap();
        for onet_code in codes {
            let v = env.json(&["salary", onet_code]);
            let w = &v["official"][0]["occupations"][0];
            assert_eq!(w["occupation"]["soc"], soc.as_str(), "{onet_code}");
            assert_eq!(w["occupation"]["title"], oews[&code].0, "{onet_code}");
            let national = &w["estimates"][0];
            assert_eq!(figure(national, "employment")["value"], employment);
            assert_eq!(figure(national, "annual-median")["value"], median);
        }
    }

    // `where` ranks the combined occupation's metro areas: every one with an estimate of it.
    let metros: BTreeSet<&str> = rows
        .lines()
        .filter(|l| l.starts_with("OEUM") && l[11..17] == *"000000" && l[17..23] == *"211018")
        .map(|l| &l[4..11])
        .collect();
    let v = env.json(&["where", "21-1011.00", "--top", "3"]);
    let o = &v["occupations"][0];
    assert_eq!(o["occupation"]["soc"], "21-1018");
    assert_eq!(o["occupation"]["basis"], "combined");
    assert_eq!(o["estimated"], metros.len());
    assert_eq!(o["ranked"].as_array().unwrap().len(), 3);
}

/// `Employment Projections.csv`: each line item's code with its 2024 employment in jobs.
fn projected_employment() -> BTreeMap<String, u64> {
    let bytes = std::fs::read(shared("bls-ep-2024-34").join("Employment Projections.csv")).unwrap();
    // Latin-1: every byte is its own character.
    let text: String = bytes.iter().map(|&b| char::from(b)).collect();
    let mut out = BTreeMap::new();
    for line in text.lines().skip(1) {
        // Fields may be quoted and hold commas.
        let mut fields = Vec::new();
        let (mut field, mut quoted) = (String::new(), false);
        for c in line.chars() {
            match c {
                '"' => quoted = !quoted,
                ',' if !quoted => fields.push(std::mem::take(&mut field)),
                c => field.push(c),
            }
        }
        fields.push(field);
        let thousands: f64 = fields[2].replace(',', "").parse().unwrap();
        out.insert(fields[1].clone(), (thousands * 1000.0).round() as u64);
    }
    out
}

#[test]
#[ignore = "needs ../shared/bls-ep-2024-34 and ../shared/onet-29.2 (run by .ci/run when they are there)"]
fn the_projections_answer_each_occupation_with_the_most_detailed_line_item_bls_projects() {
    let projected = projected_employment();
    let onet = onet_codes();
    let onet_socs: BTreeSet<&str> = onet.iter().map(|c| &c[..7]).collect();
    let env = TestEnv::new().embedded();
    let mut combined: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    // Every O*NET occupation whose own code BLS does not project as a line item: the one line
    // item of its broad group that O*NET lacks, else its broad group when that is a line item.
    for code in onet.iter().filter(|c| !projected.contains_key(&c[..7])) {
        let candidates: Vec<&String> = projected
            .keys()
            .filter(|c| c[..6] == code[..6] && !c.ends_with('0') && !onet_socs.contains(c.as_str()))
            .collect();
        let broad = format!("{}0", &code[..6]);
        let (soc, basis) = match candidates.as_slice() {
            [one] => {
                combined.entry(one.as_str()).or_default().push(code);
                (one.as_str(), "combined")
            }
            [] if projected.contains_key(&broad) => (broad.as_str(), "group"),
            // Only a summary row of a group, which the CSV does not hold, or nothing.
            _ => continue,
        };
        let v = env.json(&["outlook", code]);
        let o = &v["projections"][0];
        assert_eq!(o["basis"], basis, "{code}");
        assert_eq!(o["projection"]["soc"], soc, "{code}");
        assert_eq!(o["projection"]["employment_base"], projected[soc], "{code}");
    }
    assert_eq!(
        combined.keys().copied().collect::<Vec<_>>(),
        ["21-1018", "25-2052", "25-9045", "51-2028", "53-1047"]
    );
    assert_eq!(combined.values().map(Vec::len).sum::<usize>(), 14);
}

#[test]
fn a_bls_group_s_code_answers_with_the_group_s_own_figures() {
    let env = TestEnv::new().embedded();
    let v = env.json(&["salary", "15-1250"]);
    let w = &v["official"][0]["occupations"][0];
    assert_eq!(
        w["occupation"],
        serde_json::json!({
            "soc": "15-1250",
            "title": "Software and Web Developers, Programmers, and Testers",
            "basis": "bls-group"
        })
    );
    assert_eq!(
        figure(&w["estimates"][0], "employment")["value"],
        2_150_380.0
    );
    let text = env.stdout(&["salary", "15-1250"]);
    assert!(
        text.contains(
            "SOC broad group 15-1250 Software and Web Developers, Programmers, and Testers\n"
        ),
        "{text}"
    );

    let v = env.json(&["where", "29-0000", "--top", "1"]);
    let o = &v["occupations"][0];
    assert_eq!(o["occupation"]["basis"], "bls-group");
    assert_eq!(
        o["occupation"]["title"],
        "Healthcare Practitioners and Technical Occupations"
    );
    assert_eq!(
        o["ranked"][0]["area"]["name"],
        "San Jose-Sunnyvale-Santa Clara, CA"
    );
    assert_eq!(figure(&o["ranked"][0], "annual-median")["value"], 159_560);
    let text = env.stdout(&["where", "29-0000", "--top", "1"]);
    assert!(
        text.contains(
            "SOC major group 29-0000 Healthcare Practitioners and Technical Occupations\n"
        ),
        "{text}"
    );

    let v = env.json(&["outlook", "15-1250"]);
    assert_eq!(v["soc"], "15-1250");
    let o = &v["projections"][0];
    assert_eq!(o["basis"], "bls-group");
    assert_eq!(o["projection"]["employment_base"], 2_231_500);
    let text = env.stdout(&["outlook", "15-1250"]);
    assert!(
        text.contains("15-1250 is a BLS group: these are the figures of the group as a whole."),
        "{text}"
    );
    assert!(!text.contains("reports no growth figures"), "{text}");
}

#[test]
fn a_combined_occupation_s_own_code_answers_as_itself() {
    let env = TestEnv::new().embedded();
    let v = env.json(&["salary", "21-1018"]);
    let o = &v["official"][0]["occupations"][0]["occupation"];
    assert_eq!(
        (o["soc"].as_str(), o["basis"].as_str()),
        (Some("21-1018"), Some("same-occupation"))
    );
    let v = env.json(&["outlook", "21-1018"]);
    assert_eq!(v["projections"][0]["basis"], "same-occupation");
    assert_eq!(
        v["projections"][0]["projection"]["employment_base"],
        483_500
    );
}

#[test]
fn a_code_neither_o_net_nor_bls_has_names_the_nearest_bls_groups() {
    let env = TestEnv::new().embedded();
    let err = env.fails(&["salary", "15-1260"], 1);
    assert_eq!(
        err,
        "careers: error: no O*NET occupation, nor BLS occupation or group, has the code \"15-1260\" (did you mean 15-1250 (Software and Web Developers, Programmers, and Testers), 15-1240 (Database and Network Administrators and Architects) or 15-1230 (Computer Support Specialists)?); `careers search WORDS` finds a role by its words\n"
    );
    let err = env.fails(&["where", "99-0000"], 1);
    assert_eq!(
        err,
        "careers: error: no O*NET occupation, nor BLS occupation or group, has the code \"99-0000\"; `careers search WORDS` finds a role by its words\n"
    );
    // Only the commands of BLS's figures take BLS's codes: `show` names profiles.
    let err = env.fails(&["show", "15-1250"], 1);
    assert!(
        err.starts_with("careers: error: unknown role \"15-1250\""),
        "{err}"
    );
}
