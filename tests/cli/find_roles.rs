//! `careers find`: filters over every occupation and curated role, on a fresh install. The
//! real-data tests answer the questions people bring (a diploma and a median over $60,000; an
//! interest code; healthcare jobs that grow and need no degree; pay in Denver once prices are
//! counted) and hold each answer to sets derived from `../shared`'s files: O*NET 29.2's
//! occupations and interests, BLS's Employment Projections CSV and OEWS May 2025's flat file.

use std::collections::{BTreeMap, BTreeSet};

use crate::common::{TestEnv, assert_fits, shared};

fn env() -> TestEnv {
    TestEnv::new().embedded().width(80)
}

/// The O*NET rows of a `find --format json` answer: (code, the row).
fn onet_rows(json: &serde_json::Value) -> Vec<(String, serde_json::Value)> {
    json["roles"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["origin"]["kind"] == "onet")
        .map(|r| (r["code"].as_str().unwrap().to_owned(), r.clone()))
        .collect()
}

#[test]
fn an_unknown_riasec_letter_a_bad_zone_and_a_sort_without_its_figure_are_usage_errors() {
    let env = env();
    assert_eq!(
        env.fails(&["find", "--interests", "IX"], 2),
        "careers: error: invalid value 'IX' for '--interests <LETTERS>': \"X\" is not a RIASEC letter; an interest code is one to three of R (Realistic), I (Investigative), A (Artistic), S (Social), E (Enterprising) and C (Conventional), such as IA; `careers explain interests` says what each means; see careers find --help\n"
    );
    assert!(
        env.fails(&["find", "--interests", "IAI"], 2)
            .contains("\"I\" is in \"IAI\" twice")
    );
    assert!(
        env.fails(&["find", "--zone", "6"], 2)
            .contains("a job zone is 1 to 5, or a range such as 2-3, not \"6\"")
    );
    assert!(
        env.fails(&["find", "--zone", "4-2"], 2)
            .contains("the range \"4-2\" runs backwards; write the lower zone first (2-4)")
    );
    assert_eq!(
        env.fails(&["find", "--sort", "interests"], 2),
        "careers: error: --sort interests ranks by fit to --interests; give your interest code, such as --interests IA\n"
    );
    assert!(env.fails(&["find", "--real"], 2).contains("--city"));
    assert!(
        env.fails(&["find", "--skill", "instructign"], 1)
            .starts_with(
                "careers: error: unknown O*NET skill \"instructign\" (did you mean Instructing?)"
            )
    );
}

#[test]
fn filters_that_exclude_everything_say_so_and_exit_0() {
    let env = env();
    let out = env.run(&["find", "--min-pay", "5000000", "--format", "plain"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    // No record on stdout; why, on stderr.
    assert_eq!(out.stdout, "");
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(
        lines[0],
        "Median pay at least $5,000,000: 0 roles, highest median pay first."
    );
    assert!(
        lines[1].starts_with("Left out, lacking a figure a filter needs: ")
            && lines[1].contains("roles have no BLS median nationally"),
        "{}",
        lines[1]
    );
    assert_eq!(
        lines[2],
        "No role meets every filter; try fewer or looser ones."
    );
    let json = env.json(&[
        "find",
        "--zone",
        "1",
        "--education",
        "doctoral",
        "--group",
        "29",
    ]);
    assert_eq!(json["matched"], 0);
    assert_eq!(json["roles"].as_array().unwrap().len(), 0);
    let csv = env.stdout(&["find", "--min-pay", "5000000", "--format", "csv"]);
    assert_eq!(csv.lines().count(), 1, "{csv}");
}

#[test]
fn every_format_carries_the_same_rows() {
    let env = env();
    let args = [
        "find",
        "--group",
        "29",
        "--education",
        "associate",
        "--growth",
        "5",
        "--top",
        "3",
    ];
    let with = |format: &str| {
        let mut a = args.to_vec();
        a.extend(["--format", format]);
        env.stdout(&a)
    };
    let json = env.json(&args);
    let ids: Vec<&str> = json["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(json["sort"], "pay");
    assert_eq!(ids.len(), 3);
    assert_eq!(json["roles"][0]["median"]["kind"], "dollars");
    assert!(json["roles"][0]["median"]["dollars"].as_u64().unwrap() > 0);
    assert_eq!(json["filters"]["education"], "associate");
    assert_eq!(json["place"]["area"]["code"], "0000000");

    let csv = with("csv");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "id,rank,title,origin,code,area_code,median,median_kind,real_median,growth_percent,openings,education,job_zone,interest_code,interest_fit,skill_importance,knowledge_importance,wages_source,projections_source,attribution"
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 3);
    for (row, id) in rows.iter().zip(&ids) {
        let r = &json["roles"][rows.iter().position(|x| x == row).unwrap()];
        let expected = format!(
            "{id},{},{},onet,{},0000000,{},dollars,,{},{},{},{},{},",
            r["rank"],
            r["title"].as_str().unwrap(),
            r["code"].as_str().unwrap(),
            r["median"]["dollars"],
            r["growth_percent"].as_f64().unwrap(),
            r["openings"],
            r["education"].as_str().unwrap(),
            r["job_zone"],
            r["interest_code"].as_str().unwrap(),
        );
        assert!(row.starts_with(&expected), "{row}\n{expected}");
    }

    let plain = with("plain");
    for id in &ids {
        assert!(
            plain.lines().any(|l| l.starts_with(&format!("{id}\t"))),
            "{plain}"
        );
    }
    let markdown = with("markdown");
    assert!(
        markdown.contains("| Role | Title | Code | Median |"),
        "{markdown}"
    );
    let table = with("table");
    assert_fits(&table, 80);
    for id in &ids {
        assert!(table.contains(id), "{table}");
    }
}

#[test]
fn explain_says_what_zones_and_interest_letters_mean_in_o_net_s_words() {
    let env = env();
    let out = env.run(&["explain", "zone", "4", "--format", "plain"]);
    let zone = out.stdout;
    assert!(
        zone.starts_with("zone\t4\tJob Zone Four: Considerable Preparation Needed\t"),
        "{zone}"
    );
    assert!(
        zone.contains(
            "\tMost of these occupations require a four-year bachelor's degree, but some do not.\t"
        ),
        "{zone}"
    );
    assert!(
        out.stderr
            .contains("Source: O*NET 29.2 Job Zone Reference."),
        "{}",
        out.stderr
    );
    let json = env.json(&["explain", "IA"]);
    let letters: Vec<&str> = json["interests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["letter"].as_str().unwrap())
        .collect();
    assert_eq!(letters, ["I", "A"]);
    assert!(
        json["interests"][0]["description"]
            .as_str()
            .unwrap()
            .starts_with("Work involves studying and researching non-living objects")
    );
    let all = env.json(&["explain"]);
    assert_eq!(all["zones"].as_array().unwrap().len(), 5);
    assert_eq!(all["interests"].as_array().unwrap().len(), 6);
    assert_eq!(
        env.fails(&["explain", "wages"], 2),
        "careers: error: nothing to explain by \"wages\"; explain zones, interests, one zone (4 or \"zone 4\") or an interest code (IA)\n"
    );
}

/// The embedded reference table is O*NET 29.2's files, word for word.
#[test]
#[ignore = "needs ../shared/onet-29.2"]
fn explain_quotes_the_job_zone_reference_and_content_model_of_the_real_release() {
    let env = env();
    let json = env.json(&["explain"]);
    let zones = std::fs::read_to_string(shared("onet-29.2/Job Zone Reference.txt")).unwrap();
    for (line, z) in zones.lines().skip(1).zip(json["zones"].as_array().unwrap()) {
        let cells: Vec<&str> = line.split('\t').collect();
        assert_eq!(z["zone"].to_string(), cells[0]);
        assert_eq!(z["name"], cells[1]);
        assert_eq!(z["experience"], cells[2]);
        assert_eq!(z["education"], cells[3]);
        assert_eq!(z["job_training"], cells[4]);
        assert_eq!(z["examples"], cells[5]);
        assert_eq!(z["svp_range"], cells[6].trim_end());
    }
    let model = std::fs::read_to_string(shared("onet-29.2/Content Model Reference.txt")).unwrap();
    for i in json["interests"].as_array().unwrap() {
        let line = model
            .lines()
            .find(|l| l.starts_with(&format!("{}\t", i["id"].as_str().unwrap())))
            .unwrap();
        let cells: Vec<&str> = line.split('\t').collect();
        assert_eq!(i["name"], cells[1]);
        assert_eq!(i["description"], cells[2].trim_end());
    }
}

// --- The questions, against the files -------------------------------------------------------

/// One field after another of a CSV line, quotes removed.
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            c => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}

/// BLS's projections by SOC code: (entry education, change in percent, openings in
/// thousands), from the EP query tool's CSV (latin-1).
fn projections() -> BTreeMap<String, (String, f64, f64)> {
    let bytes = std::fs::read(shared("bls-ep-2024-34/Employment Projections.csv")).unwrap();
    let text: String = bytes.iter().map(|&b| char::from(b)).collect();
    text.lines()
        .skip(1)
        .map(csv_fields)
        .filter(|f| f.len() > 9)
        .map(|f| {
            let number = |s: &str| s.replace(',', "").parse::<f64>().unwrap();
            (f[1].clone(), (f[8].clone(), number(&f[5]), number(&f[6])))
        })
        .collect()
}

/// OEWS May 2025's cross-industry annual median (datatype 13) of every occupation at an area
/// (7 digits) of a type (N, S, M): a number, or `None` for top-coded (footnote 5).
fn medians(areatype: char, area: &str) -> BTreeMap<String, Option<u64>> {
    let text = std::fs::read_to_string(shared("oews-2025/oe.data.0.Current")).unwrap();
    let prefix = format!("OEU{areatype}{area}000000");
    let mut out = BTreeMap::new();
    for line in text.lines().skip(1) {
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        let id = cells[0];
        if id.len() != 25 || !id.starts_with(&prefix) || !id.ends_with("13") {
            continue;
        }
        let occupation = &id[17..23];
        match cells[3].parse::<u64>() {
            Ok(v) => {
                out.insert(occupation.to_owned(), Some(v));
            }
            Err(_) if cells.get(4).is_some_and(|f| f.contains('5')) => {
                out.insert(occupation.to_owned(), None);
            }
            Err(_) => {}
        }
    }
    out
}

/// Every O*NET 29.2 occupation: (code, title).
fn occupations() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(shared("onet-29.2/Occupation Data.txt")).unwrap();
    text.lines()
        .skip(1)
        .map(|l| {
            let mut cells = l.split('\t');
            (
                cells.next().unwrap().to_owned(),
                cells.next().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The BLS code whose figures an O*NET occupation takes: its own 6-digit code when BLS
/// publishes it, else the one combined occupation BLS publishes in its broad group that no
/// O*NET occupation has (`53-1042.00` → `53-1047`), read from `oe.occupation`.
fn soc(code: &str) -> String {
    static PUBLISHED: std::sync::OnceLock<(BTreeSet<String>, BTreeSet<String>)> =
        std::sync::OnceLock::new();
    let (published, onet) = PUBLISHED.get_or_init(|| {
        let text = std::fs::read_to_string(shared("oews-2025/oe.occupation")).unwrap();
        let published = text
            .lines()
            .skip(1)
            .filter(|l| {
                l.split('\t')
                    .nth(2)
                    .is_some_and(|level| level.trim() == "3")
            })
            .map(|l| l.split('\t').next().unwrap().trim().to_owned())
            .collect();
        let onet = occupations()
            .into_iter()
            .map(|(c, _)| c[..7].replace('-', ""))
            .collect();
        (published, onet)
    });
    let own = code[..7].replace('-', "");
    let combined: Vec<&String> = published
        .iter()
        .filter(|c| c[..5] == own[..5] && !c.ends_with('0') && !onet.contains(*c))
        .collect();
    match combined.as_slice() {
        [one] if !published.contains(&own) => format!("{}-{}", &one[..2], &one[2..]),
        _ => code[..7].to_owned(),
    }
}

#[test]
#[ignore = "needs ../shared/onet-29.2, bls-ep-2024-34 and oews-2025"]
fn a_high_school_diploma_and_a_median_over_60000() {
    let env = env();
    let json = env.json(&[
        "find",
        "--education",
        "high-school",
        "--min-pay",
        "60000",
        "--top",
        "2000",
    ]);
    let found: BTreeSet<String> = onet_rows(&json).into_iter().map(|(c, _)| c).collect();
    let ep = projections();
    let national = medians('N', "0000000");
    let expected: BTreeSet<String> = occupations()
        .into_iter()
        .map(|(code, _)| code)
        .filter(|code| {
            let education = ep.get(&soc(code)).map(|p| p.0.as_str());
            let entry = matches!(
                education,
                Some("High school diploma or equivalent" | "No formal educational credential")
            );
            let pay = national
                .get(&soc(code).replace('-', ""))
                .is_some_and(|m| m.is_none_or(|m| m >= 60_000));
            entry && pay
        })
        .collect();
    assert_eq!(found, expected);
    assert!(expected.len() > 50, "{}", expected.len());
    // Every figure shown is the file's.
    for (code, row) in onet_rows(&json) {
        let median = national[&soc(&code).replace('-', "")];
        assert_eq!(row["median"]["dollars"].as_u64(), median, "{code}");
    }
}

/// 1-6 for R, I, A, S, E, C: O*NET's interest high-points of every occupation.
fn high_points() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(shared("onet-29.2/Interests.txt")).unwrap();
    let mut points: BTreeMap<String, [u8; 3]> = BTreeMap::new();
    for line in text.lines().skip(1) {
        let cells: Vec<&str> = line.split('\t').collect();
        if cells[3] != "IH" {
            continue;
        }
        let slot = match cells[2] {
            "First Interest High-Point" => 0,
            "Second Interest High-Point" => 1,
            _ => 2,
        };
        let value = cells[4].parse::<f64>().unwrap() as u8;
        points.entry(cells[0].to_owned()).or_default()[slot] = value;
    }
    points
        .into_iter()
        .map(|(code, p)| {
            let letters: String = p
                .iter()
                .take_while(|&&v| v > 0)
                .map(|&v| b"RIASEC"[usize::from(v - 1)] as char)
                .collect();
            (code, letters)
        })
        .collect()
}

/// Iachan's M index of a person's code against an occupation's.
fn iachan(person: &str, occupation: &str) -> u64 {
    const W: [[u64; 3]; 3] = [[22, 10, 4], [10, 5, 2], [4, 2, 1]];
    person
        .chars()
        .enumerate()
        .filter_map(|(i, c)| occupation.chars().position(|o| o == c).map(|j| W[i][j]))
        .sum()
}

#[test]
#[ignore = "needs ../shared/onet-29.2"]
fn an_investigative_artistic_code_ranks_by_fit() {
    let env = env();
    let json = env.json(&["find", "--interests", "IA", "--top", "2000"]);
    let rows = onet_rows(&json);
    let codes = high_points();
    let expected: BTreeSet<String> = codes
        .iter()
        .filter(|(_, c)| c.starts_with(['I', 'A']))
        .map(|(code, _)| code.clone())
        .collect();
    let found: BTreeSet<String> = rows.iter().map(|(c, _)| c.clone()).collect();
    assert_eq!(found, expected);
    let fits: Vec<u64> = rows
        .iter()
        .map(|(code, row)| {
            assert_eq!(row["interest_code"], codes[code].as_str(), "{code}");
            let fit = row["interest_fit"].as_u64().unwrap();
            assert_eq!(fit, iachan("IA", &codes[code]), "{code}");
            fit
        })
        .collect();
    assert!(fits.windows(2).all(|w| w[0] >= w[1]), "{fits:?}");
    assert_eq!(fits[0], 27);
}

#[test]
#[ignore = "needs ../shared/onet-29.2 and bls-ep-2024-34"]
fn healthcare_jobs_that_grow_and_need_no_degree() {
    let env = env();
    let json = env.json(&[
        "find",
        "--group",
        "29,31",
        "--education",
        "postsecondary",
        "--growth",
        "5",
        "--top",
        "2000",
    ]);
    let ep = projections();
    let expected: BTreeSet<String> = occupations()
        .into_iter()
        .map(|(code, _)| code)
        .filter(|code| code.starts_with("29-") || code.starts_with("31-"))
        .filter(|code| {
            ep.get(&soc(code)).is_some_and(|(education, growth, _)| {
                matches!(
                    education.as_str(),
                    "No formal educational credential"
                        | "High school diploma or equivalent"
                        | "Some college, no degree"
                        | "Postsecondary nondegree award"
                ) && *growth >= 5.0
            })
        })
        .collect();
    let found: BTreeSet<String> = onet_rows(&json).into_iter().map(|(c, _)| c).collect();
    assert_eq!(found, expected);
    // Dental assistants: a postsecondary award, +5.9%.
    assert!(expected.contains("31-9091.00"), "{expected:?}");
    for (code, row) in onet_rows(&json) {
        let (_, growth, openings) = &ep[&soc(&code)];
        assert_eq!(row["growth_percent"].as_f64(), Some(*growth), "{code}");
        assert_eq!(
            row["openings"].as_f64(),
            Some((openings * 1000.0).round()),
            "{code}"
        );
    }
}

#[test]
#[ignore = "needs ../shared/onet-29.2, oews-2025 and bea-rpp-2024"]
fn the_best_paid_jobs_in_denver_once_prices_are_counted() {
    let env = env();
    let json = env.json(&["find", "--city", "Denver", "--real", "--top", "2000"]);
    assert_eq!(json["place"]["area"]["code"], "0019740");
    let level = json["place"]["price_level"].as_f64().unwrap();
    // BEA's all-items RPP of the Denver metro (CBSA 19740), 2024, from MARPP.
    let rpp = std::fs::read_to_string(shared("bea-rpp-2024/MARPP_MSA_2008_2024.csv")).unwrap();
    let line = rpp
        .lines()
        .find(|l| l.contains("19740") && l.contains("RPPs: All items"))
        .unwrap();
    let last: f64 = csv_fields(line).last().unwrap().trim().parse().unwrap();
    assert_eq!(level, last);
    let denver = medians('M', "0019740");
    let mut expected: Vec<u64> = occupations()
        .iter()
        .filter_map(|(code, _)| denver.get(&soc(code).replace('-', "")).copied().flatten())
        .collect();
    expected.sort_unstable_by(|a, b| b.cmp(a));
    let rows = onet_rows(&json);
    let shown: Vec<u64> = rows
        .iter()
        .take(10)
        .map(|(_, r)| r["median"]["dollars"].as_u64().unwrap())
        .collect();
    assert_eq!(shown, expected[..10]);
    for (code, row) in rows.iter().take(10) {
        let median = row["median"]["dollars"].as_u64().unwrap();
        let real = row["real_median"]["dollars"].as_u64().unwrap();
        // The median in U.S.-average prices: divided by the price level over 100, to the dollar.
        let want = (median as f64 * 100.0 / level).round() as u64;
        assert!(real.abs_diff(want) <= 1, "{code}: {real} vs {want}");
    }
}

#[test]
fn without_the_embedded_data_find_lists_the_curated_roles_by_title_and_pay_is_an_error() {
    let env = TestEnv::new().width(80);
    let out = env.run(&["find", "--format", "plain"]);
    assert_eq!(out.stdout.lines().count(), 5, "{}", out.stdout);
    assert!(
        out.stdout
            .starts_with("data-engineer\t1\tData Engineer\tbundled\t"),
        "{}",
        out.stdout
    );
    assert_eq!(
        out.stderr.lines().next(),
        Some("5 roles, by title (no BLS OEWS release is in use to rank pay by).")
    );
    assert_eq!(
        env.fails(&["find", "--min-pay", "60000"], 1),
        "careers: error: no BLS OEWS release is in use, which pay needs; import one with `careers import oews DIR`\n"
    );
}

#[test]
#[ignore = "needs ../shared/onet-29.2 (run by .ci/run when it is there)"]
fn a_technology_with_symbols_in_its_name_is_told_from_its_letters() {
    let env = env();
    let text = std::fs::read_to_string(shared("onet-29.2/Technology Skills.txt")).unwrap();
    // The occupations whose technology names hold the word itself, `+` and `#` included.
    let listing = |word: &str| -> BTreeSet<String> {
        text.lines()
            .skip(1)
            .filter(|l| {
                l.split('\t').nth(1).is_some_and(|example| {
                    example
                        .split(|c: char| !(c.is_alphanumeric() || c == '+' || c == '#'))
                        .any(|w| w.eq_ignore_ascii_case(word))
                })
            })
            .map(|l| l.split('\t').next().unwrap().to_owned())
            .collect()
    };
    for word in ["C++", "C#"] {
        let json = env.json(&["find", "--tech", word, "--top", "2000"]);
        let found: BTreeSet<String> = onet_rows(&json).into_iter().map(|(c, _)| c).collect();
        let expected = listing(word);
        assert!(expected.len() > 50, "{word}: {}", expected.len());
        assert_eq!(found, expected, "{word}");
    }
}
