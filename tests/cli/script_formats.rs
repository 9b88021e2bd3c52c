//! Every command's output as a script reads it, on a fresh install: its CSV through Python's
//! `csv` module and sqlite3's `.import --csv` (one field count on every row, numbers that parse
//! as numbers), and its plain output (no header, one record a line with the same fields on
//! every line, numbers without separators, nothing but records on stdout).

use crate::common::TestEnv;

/// The commands, each with arguments that give several records.
const COMMANDS: &[&[&str]] = &[
    &["list"],
    &["list", "--limit", "2"],
    &["show", "ml-engineer"],
    &["show", "15-2051.00"],
    &["search", "electricians"],
    &["salary", "mle"],
    &["salary", "mle", "--my-pay", "150000"],
    &[
        "salary",
        "data-scientists",
        "--city",
        "Austin",
        "--my-pay",
        "150000",
    ],
    &["salary", "--list-cities"],
    &["salary", "--city", "Denver", "--top", "3"],
    &["where", "data-scientists"],
    &["where", "data-scientists", "--in", "WA"],
    &["places", "Texas"],
    &["worth", "120000", "Austin", "150000", "SF"],
    &[
        "worth",
        "45/hr",
        "Austin",
        "150k",
        "SF",
        "--role",
        "software-developers",
    ],
    &["trends", "mle"],
    &["outlook", "ml-engineer"],
    &["outlook", "29-1141"],
    &["outlook", "--by", "openings", "--top", "5"],
    &["find", "--zone", "3-5"],
    &["explain", "zones"],
    &["explain", "interests"],
    &["compare", "ml-engineer", "data-scientists", "electricians"],
    &[
        "compare",
        "software-developers",
        "data-scientists",
        "--city",
        "Austin",
    ],
    &["gap", "data-engineer", "ml-engineer"],
    &[
        "gap",
        "electricians",
        "plumbers-pipefitters-and-steamfitters",
    ],
    &["match", "--skills", "python,sql"],
    &["moves", "electricians"],
    &["path", "ml-engineer"],
    &["validate"],
    &["sources"],
];

/// The columns that hold numbers whatever the row; `value`, `from`, `to` and `difference` hold
/// one where the row's `unit` names one.
const NUMERIC: &[&str] = &[
    "rank",
    "score",
    "median",
    "mean",
    "employment",
    "jobs_per_1000",
    "location_quotient",
    "annual_10",
    "annual_25",
    "annual_75",
    "annual_90",
    "employment_rse",
    "wage_rse",
    "price_level",
    "housing_price_level",
    "median_in_us_prices",
    "real_median",
    "amount",
    "low",
    "high",
    "year",
    "price_year",
    "hourly",
    "in_us_prices",
    "difference_from_first",
    "percent_from_first",
    "my_pay_percent",
    "my_pay_by",
    "importance",
    "weight",
    "similarity_percent",
    "median_pay",
    "pay_change",
    "job_zone",
    "job_zone_change",
    "growth_percent",
    "openings",
    "skill_importance",
    "knowledge_importance",
    "interest_fit",
    "line",
    "column",
    "employment_base",
    "employment_projected",
    "change",
    "change_percent",
    "self_employed_percent",
    "ep_median_wage",
    "base_year",
    "projected_year",
];

/// Reads CSV on stdin with Python's csv module; argv[1] is the numeric columns. Prints the
/// number of records, or each row of the wrong length and each number that does not parse.
const PYTHON: &str = r#"
import csv, sys
rows = list(csv.reader(sys.stdin))
header, numeric = rows[0], set(sys.argv[1].split(","))
unit = header.index("unit") if "unit" in header else None
bad = []
for n, row in enumerate(rows[1:], 2):
    if len(row) != len(header):
        bad.append(f"row {n}: {len(row)} fields, the header {len(header)}")
        continue
    united = unit is not None and row[unit] not in ("", "category")
    for name, value in zip(header, row):
        if value and (name in numeric or (united and name in ("value", "from", "to", "difference"))):
            try:
                float(value)
            except ValueError:
                bad.append(f"row {n}: {name} {value!r} is no number")
if bad:
    sys.exit("\n".join(bad))
print(len(rows) - 1)
"#;

fn env() -> TestEnv {
    // A profile with problems, for `validate`.
    TestEnv::new()
        .embedded()
        .with_profile("broken.json", r#"{"id": "Broken", "title": 3}"#)
}

/// stdout of `careers ARGS`, which may exit 1 (`validate` of a broken profile).
fn output(env: &TestEnv, args: &[&str], format: &str) -> (String, String) {
    let mut all = args.to_vec();
    all.extend(["--format", format]);
    let out = env.run(&all);
    assert!(
        matches!(out.code, Some(0 | 1)),
        "{all:?}: {:?} {}",
        out.code,
        out.stderr
    );
    (out.stdout, out.stderr)
}

/// The number of records Python's csv module reads, after its checks.
fn python_records(args: &[&str], csv: &str) -> usize {
    use std::io::Write;
    let mut child = std::process::Command::new("python3")
        .args(["-c", PYTHON, &NUMERIC.join(",")])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(csv.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?}: {stderr}\n{csv}");
    String::from_utf8(out.stdout)
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// The number of rows sqlite3 imports, and what it says on stderr (a row of the wrong length
/// is reported there).
fn sqlite_records(env: &TestEnv, csv: &str) -> (usize, String) {
    let file = env.root().join("out.csv");
    std::fs::write(&file, csv).unwrap();
    let out = std::process::Command::new("sqlite3")
        .args([
            ":memory:",
            "-cmd",
            &format!(".import --csv {} t", file.display()),
            "SELECT count(*) FROM t",
        ])
        .output()
        .expect("sqlite3 runs");
    let stdout = String::from_utf8(out.stdout).unwrap();
    (
        stdout.trim().parse().unwrap_or(usize::MAX),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn every_command_s_csv_reads_as_typed_records_in_python_and_sqlite() {
    let env = env();
    for args in COMMANDS {
        let (csv, _) = output(&env, args, "csv");
        let rows = python_records(args, &csv);
        let (imported, complaints) = sqlite_records(&env, &csv);
        assert_eq!(complaints, "", "{args:?}");
        assert_eq!(imported, rows, "{args:?}");
        let header = csv.lines().next().unwrap();
        assert!(
            !header.split(',').any(|h| h == "role" || h == "aspect"),
            "{args:?}: {header}"
        );
        assert!(!csv.contains("not stated in source"), "{args:?}");
    }
}

#[test]
fn every_command_s_plain_output_is_its_records_one_a_line() {
    let env = env();
    for args in COMMANDS {
        let (csv, _) = output(&env, args, "csv");
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let shown: Vec<usize> = (0..header.len())
            .filter(|&i| header[i] != "attribution")
            .collect();
        let (plain, notes) = output(&env, args, "plain");
        let lines: Vec<&str> = plain.lines().collect();
        // Nothing but the records: no header, count, hint or notice.
        assert_eq!(lines.len(), rows.len(), "{args:?}: {plain}");
        for (line, row) in lines.iter().zip(&rows) {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), shown.len(), "{args:?}: {line}");
            // The id (or the record's key) alone in the first field, as in CSV.
            assert_eq!(fields[0], &row[shown[0]], "{args:?}: {line}");
            for (field, &i) in fields.iter().zip(&shown) {
                if NUMERIC.contains(&header[i].as_str()) && !field.is_empty() {
                    assert!(
                        field.parse::<f64>().is_ok(),
                        "{args:?}: {} {field:?} in {line}",
                        header[i]
                    );
                }
            }
        }
        for notice in ["BLS.gov cannot vouch", "This product includes information"] {
            assert!(!plain.contains(notice), "{args:?}: {plain}");
        }
        // The notices a report carries reach stderr, so a person still sees them.
        if csv.contains("This product includes information") {
            assert!(
                notes.contains("This product includes information"),
                "{args:?}: {notes}"
            );
        }
    }
}

#[test]
fn plain_list_is_a_line_per_role_whatever_the_limit_or_profiles() {
    let env = env().with_profile(
        "mine.json",
        r#"{"id": "mine", "title": "Mine", "summary": "Me."}"#,
    );
    let total = env.json(&["list"])["total"].as_u64().unwrap() as usize;
    let (plain, notes) = output(&env, &["list"], "plain");
    assert_eq!(plain.lines().count(), total);
    assert!(notes.contains("roles"), "{notes}");
    // The same fields on two lines and on every line, with or without a user's profile.
    let fields =
        |text: &str| -> Vec<usize> { text.lines().map(|l| l.split('\t').count()).collect() };
    let (two, _) = output(&env, &["list", "--limit", "2"], "plain");
    assert_eq!(fields(&two), [8, 8]);
    assert!(fields(&plain).iter().all(|&n| n == 8));
    assert!(plain.contains("\nmine\tMine\t\t\tMe.\t\t"), "{plain}");
    // `cut -f1` gives ids alone.
    let (search, _) = output(&env, &["search", "electricians"], "plain");
    assert_eq!(
        search.lines().next().unwrap().split('\t').next(),
        Some("electricians")
    );
}

#[test]
fn plain_and_csv_numbers_are_raw() {
    let env = env();
    // San Jose's software developers: 87,350 jobs, a median of $213,110.
    let (plain, _) = output(&env, &["where", "software-developers"], "plain");
    let first: Vec<&str> = plain.lines().next().unwrap().split('\t').collect();
    assert_eq!(first[0], "software-developers");
    assert_eq!(first[6], "213110");
    assert_eq!(first[9], "87350");
    // gap's difference: BLS's national medians, $63,190 and $63,800.
    let (csv, _) = output(
        &env,
        &[
            "gap",
            "electricians",
            "plumbers-pipefitters-and-steamfitters",
        ],
        "csv",
    );
    assert!(
        csv.contains("\npay,,national-median,63190,63800,610,usd-per-year,,,"),
        "{csv}"
    );
    assert!(
        csv.contains("\noutlook,,projected-change,9.5,4.5,-5,percent,,,"),
        "{csv}"
    );
    // salary's pay placement as numbers: $150,000 is 72% of the way up $109,143-$166,000.
    let (csv, _) = output(&env, &["salary", "mle", "--my-pay", "150000"], "csv");
    assert!(csv.contains(",inside,72,40857,"), "{csv}");
}
