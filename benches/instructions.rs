//! Instructions a whole `careers` process executes, counted by valgrind's callgrind: a count
//! that does not depend on the machine's load, checked against the budgets of the table
//! renderer (the curated profiles alone, `CAREERS_NO_EMBEDDED=1`), of the embedded dataset
//! (a fresh install), of a user profile whose title is one 320,000-character word, of
//! 5,000, 10,000 and 20,000 generated user profiles (a fresh install, the profiles folder's
//! index in place, as every run after the first finds it), and the extra a place named
//! through a principal city or a common name may cost, and what a TAB costs (a completion on a
//! fresh install). Run with `cargo bench --bench
//! instructions` (the release binary; needs valgrind). A count over its budget, or a doubling
//! of the profiles that costs more than [`MAX_DOUBLING`] times as much, fails the run.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::Command;

const CAREERS: &str = env!("CARGO_BIN_EXE_careers");

/// (what, arguments, budget in instructions; 0 for a figure shown for comparison only), with
/// the curated profiles alone.
const CASES: &[(&str, &[&str], u64)] = &[
    (
        "show ml-engineer (table)",
        &["show", "ml-engineer", "--format", "table"],
        // comfy-table draws the tables (5.3 million with the hand-written grid before it).
        10_000_000,
    ),
    ("list (table)", &["list", "--format", "table"], 2_000_000),
    (
        "show ml-engineer (plain)",
        &["show", "ml-engineer", "--format", "plain"],
        0,
    ),
    (
        "show ml-engineer (json)",
        &["show", "ml-engineer", "--format", "json"],
        0,
    ),
    ("list (json)", &["list", "--format", "json"], 0),
    ("--version", &["--version"], 0),
];

/// The same, on a fresh install: the embedded O*NET, OEWS and projections data, nothing
/// imported.
const EMBEDDED: &[(&str, &[&str], u64)] = &[
    (
        "show ml-engineer (json, with its linked occupations)",
        &["show", "ml-engineer", "--format", "json"],
        // 1.2 times the 3.7 million it cost before the data was embedded.
        4_440_000,
    ),
    (
        "show 15-2051.00 (json)",
        &["show", "15-2051.00", "--format", "json"],
        10_000_000,
    ),
    (
        "salary data-scientists --city Seattle (json)",
        &[
            "salary",
            "data-scientists",
            "--city",
            "Seattle",
            "--format",
            "json",
        ],
        // Issue 22's budget: the tables and indexes opened are read in place, and which other
        // roles have a figure at the place is known without reading their profiles.
        3_300_000,
    ),
    (
        "search data (json)",
        &["search", "data", "--format", "json"],
        30_000_000,
    ),
    (
        "match --skills python,sql,spark (json)",
        &["match", "--skills", "python,sql,spark", "--format", "json"],
        15_000_000,
    ),
    (
        "match --skills autocad,revit,writing,biology,python (json)",
        &[
            "match",
            "--skills",
            "autocad,revit,writing,biology,python",
            "--format",
            "json",
        ],
        // Issue 25: five inputs within 15 million.
        15_000_000,
    ),
    (
        "gap 25-2031.00 25-9031.00 (json)",
        &["gap", "25-2031.00", "25-9031.00", "--format", "json"],
        // Issue 25's budget. Comparing the two occupations' ratings costs about 0.4 million,
        // the technologies of the two occupations' records about 1 million; the rest is two
        // O*NET records, BLS OEWS's tables and two occupations' wages and BLS's projections.
        8_000_000,
    ),
    (
        "gap registered-nurses nurse-practitioners (table)",
        &[
            "gap",
            "registered-nurses",
            "nurse-practitioners",
            "--format",
            "table",
        ],
        8_000_000,
    ),
    (
        "moves registered-nurses (json)",
        &["moves", "registered-nurses", "--format", "json"],
        // Issue 25's budget: 879 rating records compared, ten moves with their pay and gaps.
        20_000_000,
    ),
    (
        "moves 25-2031.00 --up (table)",
        &["moves", "25-2031.00", "--up", "--format", "table"],
        20_000_000,
    ),
    (
        "show 25-2031.00 --section ratings (table)",
        &[
            "show",
            "25-2031.00",
            "--section",
            "ratings",
            "--format",
            "table",
        ],
        0,
    ),
    (
        "compare registered-nurses nurse-practitioners (table)",
        &[
            "compare",
            "registered-nurses",
            "nurse-practitioners",
            "--format",
            "table",
        ],
        0,
    ),
    (
        "list, every role (table)",
        &["list", "--format", "table"],
        40_000_000,
    ),
    (
        "where software-developers --top 10 (table)",
        &[
            "where",
            "software-developers",
            "--top",
            "10",
            "--format",
            "table",
        ],
        10_000_000,
    ),
    (
        "salary --city Seattle --top 10 (json)",
        &[
            "salary", "--city", "Seattle", "--top", "10", "--format", "json",
        ],
        // The area's table of medians, then the ten occupations' estimates (274 million when
        // every occupation's estimates were decoded for one area's medians).
        15_000_000,
    ),
    (
        "search registered nurse (json)",
        &["search", "registered nurse", "--format", "json"],
        0,
    ),
    (
        "search ml enginer (json, near words)",
        &["search", "ml enginer", "--format", "json"],
        0,
    ),
    (
        "show 47-2111.00 (table)",
        &["show", "47-2111.00", "--format", "table"],
        0,
    ),
    (
        "where software-developers (json)",
        &["where", "software-developers", "--format", "json"],
        0,
    ),
    (
        "outlook ml-engineer (table)",
        &["outlook", "ml-engineer", "--format", "table"],
        0,
    ),
    (
        "outlook 15-2051.00 (json)",
        &["outlook", "15-2051.00", "--format", "json"],
        4_000_000,
    ),
    (
        "outlook, the fastest-growing of every occupation (json)",
        &["outlook", "--top", "20", "--format", "json"],
        10_000_000,
    ),
    (
        "outlook --group 29,31 --education postsecondary --by openings (table)",
        &[
            "outlook",
            "--group",
            "29,31",
            "--education",
            "postsecondary",
            "--by",
            "openings",
            "--format",
            "table",
        ],
        10_000_000,
    ),
    (
        "where software-developers --by real-median (table)",
        &[
            "where",
            "software-developers",
            "--by",
            "real-median",
            "--format",
            "table",
        ],
        // Every metro's median divided by its price level: the price parities decoded once.
        10_000_000,
    ),
    (
        "find --education high-school --min-pay 60000 (table)",
        &[
            "find",
            "--education",
            "high-school",
            "--min-pay",
            "60000",
            "--format",
            "table",
        ],
        // Issue 27 asks any find over all occupations within 30 million. The medians come
        // from one block of `areas.bin`; the education filter reads every role's projections
        // row, and the roles it keeps their OEWS link (20 million).
        30_000_000,
    ),
    (
        "find --city Denver --real --min-pay 60000 (json)",
        &[
            "find",
            "--city",
            "Denver",
            "--real",
            "--min-pay",
            "60000",
            "--format",
            "json",
        ],
        // Every role's OEWS link and Denver median, the shown roles' projections (23 million).
        30_000_000,
    ),
    (
        "find with a place and every filter (table)",
        &[
            "find",
            "--education",
            "bachelor",
            "--zone",
            "3-5",
            "--interests",
            "IA",
            "--min-pay",
            "50000",
            "--city",
            "Denver",
            "--real",
            "--growth",
            "0",
            "--min-openings",
            "100",
            "--group",
            "15,17,19,29",
            "--title",
            "engineer",
            "--skill",
            "mathematics",
            "--knowledge",
            "physics",
            "--tech",
            "python",
            "--format",
            "table",
        ],
        // 37.7 million before the filters that read what a role holds ran first (the
        // projections and OEWS links only for the roles they keep) and each rating filter read
        // one column of the ratings: 19.3 million, of them 3.9 the technology word index and
        // 2.4 BEA's price parities.
        30_000_000,
    ),
    (
        "find --interests IA --zone 3-5 --city Denver (json)",
        &[
            "find",
            "--interests",
            "IA",
            "--zone",
            "3-5",
            "--city",
            "Denver",
            "--format",
            "json",
        ],
        // Ranked by fit: only the 20 shown read their OEWS links, Denver medians and
        // projections (12.9 million).
        30_000_000,
    ),
    (
        "find --tech python --sort pay (json)",
        &[
            "find", "--tech", "python", "--sort", "pay", "--format", "json",
        ],
        // The technology word index, then the national medians of the roles listing Python.
        30_000_000,
    ),
    (
        "find --skill instructing --knowledge biology (json)",
        &[
            "find",
            "--skill",
            "instructing",
            "--knowledge",
            "biology",
            "--format",
            "json",
        ],
        // One column of the ratings read for each filter.
        30_000_000,
    ),
    (
        "find --sort growth --top 50 (json)",
        &[
            "find", "--sort", "growth", "--top", "50", "--format", "json",
        ],
        // Every role's projections row; only the 50 shown read their medians.
        30_000_000,
    ),
    ("explain (table)", &["explain", "--format", "table"], 0),
    (
        "worth 120000 Austin 150000 San Francisco (table)",
        &[
            "worth",
            "120000",
            "Austin",
            "150000",
            "San Francisco",
            "--format",
            "table",
        ],
        0,
    ),
    (
        "places (json, all 583 areas)",
        &["places", "--format", "json"],
        0,
    ),
];

/// A place named exactly against the same place named another way, on a fresh install: the
/// second may cost at most `extra` instructions more than the first.
/// A role asked for by its O*NET-SOC code and by its 6-digit SOC code, which must cost no more
/// (issue 22): the short code is looked up as its `.00` occupation without searching titles.
const SOC_CODES: &[(&str, &[&str], &[&str])] = &[(
    "salary --city Seattle (json)",
    &[
        "salary",
        "15-2051.00",
        "--city",
        "Seattle",
        "--format",
        "json",
    ],
    &["salary", "15-2051", "--city", "Seattle", "--format", "json"],
)];

const NAMED_OTHERWISE: &[(&str, &[&str], &[&str], u64)] = &[
    (
        "a principal city (Plano) against the metro's whole name",
        &[
            "places",
            "Dallas-Fort Worth-Arlington, TX",
            "--format",
            "json",
        ],
        &["places", "Plano", "--format", "json"],
        300_000,
    ),
    (
        "a common name (Bay Area) against the metro's whole name",
        &[
            "places",
            "San Francisco-Oakland-Fremont, CA",
            "--format",
            "json",
        ],
        &["places", "Bay Area", "--format", "json"],
        300_000,
    ),
    (
        "a principal city with its state (Mountain View, CA) against the metro's whole name",
        &[
            "places",
            "San Jose-Sunnyvale-Santa Clara, CA",
            "--format",
            "json",
        ],
        &["places", "Mountain View, CA", "--format", "json"],
        300_000,
    ),
];

/// With one user profile whose title is a single word of [`LONG_WORD`] characters: the table
/// layout must stay linear in the text. Its budget is the renderer's, with the curated profiles
/// (the other cases of [`CASES`]); on a fresh install it is shown for comparison.
const LONG_TITLE: &[(&str, &[&str], u64, bool)] = &[
    (
        "list and a 320,000-character title (table)",
        &["list", "--format", "table"],
        100_000_000,
        false,
    ),
    (
        "list, every role and a 320,000-character title (table)",
        &["list", "--format", "table"],
        0,
        true,
    ),
];

/// The length of the long title's one word.
const LONG_WORD: usize = 320_000;

/// With this many generated user profiles (each about 1.2 KB, like a profile a user writes
/// with a few sections), on a fresh install: (what, arguments, budget at [`SCALE_BUDGETED`]
/// profiles).
const SCALE: &[(&str, &[&str], u64)] = &[
    (
        "show ml-engineer (json)",
        &["show", "ml-engineer", "--format", "json"],
        300_000_000,
    ),
    ("list (json)", &["list", "--format", "json"], 2_000_000_000),
];

/// The counts of generated profiles, each twice the one before.
const SCALE_COUNTS: &[usize] = &[5_000, 10_000, 20_000];

/// The count of generated profiles the budgets of [`SCALE`] hold at.
const SCALE_BUDGETED: usize = 10_000;

/// Twice the profiles may cost at most this many times as much: linear, with room for noise.
const MAX_DOUBLING: f64 = 2.2;

/// The skills generated profiles pick from: names of the vocabulary.
const SKILLS: &[&str] = &[
    "Python",
    "SQL",
    "Spark",
    "Airflow",
    "Kafka",
    "Docker",
    "Kubernetes",
    "AWS",
    "Tableau",
    "Statistics",
    "Machine learning",
    "Data modeling",
    "ETL",
    "Git",
    "Scala",
    "Snowflake",
];

/// A valid user profile, the `i`th of a generated set: its own id, title and aliases, six
/// skills, a group of responsibilities, two pay figures and a link to a curated profile.
fn generated_profile(i: usize) -> String {
    let skills: Vec<serde_json::Value> = (0..6)
        .map(|k| serde_json::json!({ "name": SKILLS[(i + k * 3) % SKILLS.len()] }))
        .collect();
    let low = 60_000 + (i % 50) * 1_000;
    serde_json::json!({
        "$schema": "../profile.schema.json",
        "id": format!("generated-role-{i}"),
        "title": format!("Generated Role {i}"),
        "summary": format!("Role number {i} of a generated set: builds and runs the data products a team relies on."),
        "aliases": [format!("gen role {i}"), format!("generated analyst {i}")],
        "overview": "Works between the engineers who collect the data and the people who decide with it: \
            keeps the warehouse tidy, the pipelines running and the numbers explained, and teaches \
            others to answer their own questions where they can.",
        "responsibilities": [{
            "name": "Key responsibilities",
            "items": [
                "Build and maintain the pipelines that feed the team's reports",
                "Model the data so that analysts can query it with confidence",
                "Work with stakeholders to turn questions into measurable answers",
            ],
        }],
        "skills": skills,
        "salary": {
            "figures": [
                {
                    "dimension": "overall",
                    "label": format!("Generated Role {i}"),
                    "pay": {"kind": "range", "low": low, "high": low + 40_000},
                    "statistic": "median",
                    "measure": "base-salary",
                    "year": 2024,
                },
                {
                    "dimension": "location",
                    "label": "Seattle",
                    "location": "Seattle",
                    "pay": {"kind": "amount", "amount": low + 25_000},
                    "measure": "salary",
                    "year": 2024,
                },
            ],
        },
        "career": {
            "related_roles": [{"title": "Data Engineer", "profile": "data-engineer"}],
        },
    })
    .to_string()
}

/// Adds the generated profiles `from..to` to `profiles`.
fn generate(profiles: &std::path::Path, from: usize, to: usize) {
    for i in from..to {
        std::fs::write(
            profiles.join(format!("generated-role-{i}.json")),
            generated_profile(i),
        )
        .expect("a generated profile");
    }
}

/// What a TAB costs on a fresh install: `careers` answering bash's hook for the last of these
/// words (`COMPLETE=bash careers -- careers WORDS`).
const COMPLETIONS: &[(&str, &[&str], u64)] = &[
    (
        "places by any word (salary --city sea)",
        &["salary", "--city", "sea"],
        BUDGET_COMPLETION,
    ),
    (
        "codes with their titles (show 15-20)",
        &["show", "15-20"],
        BUDGET_COMPLETION,
    ),
    (
        "skills (match --skills py)",
        &["match", "--skills", "py"],
        BUDGET_COMPLETION,
    ),
    (
        "every BLS industry (salary --industry)",
        &["salary", "--industry", ""],
        BUDGET_COMPLETION,
    ),
];

/// Issue 23's 10 ms for a TAB, in instructions: `show 15-20`'s 6.4 million took a median 5.7 ms,
/// the process's start included, on 2 cores at a load of 13 (docs/BENCHMARKS.md), so 10 million
/// keeps a TAB within 10 ms.
const BUDGET_COMPLETION: u64 = 10_000_000;

/// Runs `careers ARGS` under callgrind and returns its instruction count.
fn count(
    args: &[&str],
    data_dir: &std::path::Path,
    embedded: bool,
    out_file: &std::path::Path,
) -> u64 {
    count_with(args, &[], data_dir, embedded, out_file)
}

/// The same, with these variables set (a completion's `COMPLETE`).
fn count_with(
    args: &[&str],
    vars: &[(&str, String)],
    data_dir: &std::path::Path,
    embedded: bool,
    out_file: &std::path::Path,
) -> u64 {
    let mut valgrind = Command::new("valgrind");
    valgrind.envs(vars.iter().map(|(var, value)| (var, value)));
    if embedded {
        valgrind.env_remove("CAREERS_NO_EMBEDDED");
    } else {
        valgrind.env("CAREERS_NO_EMBEDDED", "1");
    }
    let run = valgrind
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", out_file.display()))
        .arg(CAREERS)
        .args(args)
        .env("CAREERS_DATA_DIR", data_dir)
        .env("COLUMNS", "100")
        .env_remove("CAREERS_FORMAT")
        .output();
    let run = run.unwrap_or_else(|e| {
        eprintln!("valgrind cannot be run ({e}): the budgets need it; install valgrind");
        std::process::exit(1);
    });
    let log = String::from_utf8_lossy(&run.stderr);
    assert!(
        run.status.success(),
        "careers {} failed under valgrind: {log}",
        args.join(" ")
    );
    log.lines()
        .find_map(|l| l.split("Collected : ").nth(1))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no instruction count for careers {}: {log}", args.join(" ")))
}

/// Where a case's data comes from.
#[derive(Clone, Copy, PartialEq)]
enum Data {
    Curated,
    Embedded,
    /// The long-title profile, with the embedded data or without.
    LongTitle {
        embedded: bool,
    },
}

fn main() {
    let data_dir = tempfile::tempdir().expect("a temporary data directory");
    let out_file = data_dir.path().join("callgrind.out");
    // A data directory of its own, holding the profile with the long title.
    let long_dir = tempfile::tempdir().expect("a temporary data directory");
    let profiles = long_dir.path().join("profiles");
    std::fs::create_dir(&profiles).expect("a profiles folder");
    let profile = format!(
        r#"{{"id": "long-title", "title": "{}", "summary": "A title of one long word."}}"#,
        "x".repeat(LONG_WORD)
    );
    std::fs::write(profiles.join("long-title.json"), profile).expect("the long-title profile");
    let mut over = Vec::new();
    println!("| command | instructions | budget |");
    println!("| --- | ---: | ---: |");
    let cases = CASES
        .iter()
        .map(|&(what, args, budget)| (what, args, budget, Data::Curated))
        .chain(
            EMBEDDED
                .iter()
                .map(|&(what, args, budget)| (what, args, budget, Data::Embedded)),
        )
        .chain(LONG_TITLE.iter().map(|&(what, args, budget, embedded)| {
            (what, args, budget, Data::LongTitle { embedded })
        }));
    for (what, args, budget, data) in cases {
        let (embedded, dir) = match data {
            Data::Curated => (false, data_dir.path()),
            Data::Embedded => (true, data_dir.path()),
            Data::LongTitle { embedded } => (embedded, long_dir.path()),
        };
        let count = count(args, dir, embedded, &out_file);
        let shown = if budget == 0 {
            "-".to_owned()
        } else {
            budget.to_string()
        };
        let data = match data {
            Data::Curated => "curated only",
            Data::Embedded => "embedded",
            Data::LongTitle { embedded: false } => "curated only, a 320,000-character title",
            Data::LongTitle { embedded: true } => "embedded, a 320,000-character title",
        };
        println!(
            "| `careers {}` ({data}) | {count} | {shown} |",
            args.join(" ")
        );
        if budget != 0 && count > budget {
            over.push(format!("{what}: {count} > {budget}"));
        }
    }
    over.extend(scale(&out_file));
    println!();
    println!("| place named | exactly | otherwise | more | budget |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    for &(what, exact, otherwise, extra) in NAMED_OTHERWISE {
        let base = count(exact, data_dir.path(), true, &out_file);
        let other = count(otherwise, data_dir.path(), true, &out_file);
        let more = other.saturating_sub(base);
        println!("| {what} | {base} | {other} | {more} | {extra} |");
        if more > extra {
            over.push(format!("{what}: {more} more > {extra}"));
        }
    }
    println!();
    println!("| role asked by | O*NET-SOC code | 6-digit SOC code | more |");
    println!("| --- | ---: | ---: | ---: |");
    for &(what, full, short) in SOC_CODES {
        let base = count(full, data_dir.path(), true, &out_file);
        let other = count(short, data_dir.path(), true, &out_file);
        let more = other.saturating_sub(base);
        println!("| {what} | {base} | {other} | {more} |");
        if more > 0 {
            over.push(format!("{what}: the 6-digit code costs {more} more"));
        }
    }
    println!();
    println!("| completion (bash, a fresh install) | instructions | budget |");
    println!("| --- | ---: | ---: |");
    for &(what, words, budget) in COMPLETIONS {
        let mut args = vec!["--", "careers"];
        args.extend(words);
        let vars = [
            ("COMPLETE", "bash".to_owned()),
            ("_CLAP_COMPLETE_INDEX", words.len().to_string()),
            ("_CLAP_IFS", "\n".to_owned()),
        ];
        let count = count_with(&args, &vars, data_dir.path(), true, &out_file);
        println!("| {what} | {count} | {budget} |");
        if count > budget {
            over.push(format!("completion, {what}: {count} > {budget}"));
        }
    }
    if !over.is_empty() {
        eprintln!("over budget: {}", over.join("; "));
        std::process::exit(1);
    }
}

/// The [`SCALE`] cases at each of [`SCALE_COUNTS`] generated profiles, and the first run at
/// [`SCALE_BUDGETED`] (no index yet) for comparison. Returns what went over budget.
fn scale(out_file: &std::path::Path) -> Vec<String> {
    let dir = tempfile::tempdir().expect("a temporary data directory");
    let profiles = dir.path().join("profiles");
    std::fs::create_dir(&profiles).expect("a profiles folder");
    let mut over = Vec::new();
    let mut counts: Vec<Vec<u64>> = vec![Vec::new(); SCALE.len()];
    let mut made = 0;
    for &n in SCALE_COUNTS {
        generate(&profiles, made, n);
        made = n;
        // The index records only files that have settled, as a real folder's have.
        std::thread::sleep(std::time::Duration::from_millis(2_100));
        if n == SCALE_BUDGETED {
            let _ = std::fs::remove_file(dir.path().join("profiles-index.bin"));
            let first = count(
                &["show", "ml-engineer", "--format", "json"],
                dir.path(),
                true,
                out_file,
            );
            println!(
                "| `careers show ml-engineer --format json` ({n} user profiles, first run: no index) | {first} | - |"
            );
        }
        // The run that writes the index.
        let warm = Command::new(CAREERS)
            .args(["list", "--format", "json"])
            .env("CAREERS_DATA_DIR", dir.path())
            .env_remove("CAREERS_NO_EMBEDDED")
            .output()
            .expect("careers runs");
        assert!(
            warm.status.success(),
            "{}",
            String::from_utf8_lossy(&warm.stderr)
        );
        for (k, &(what, args, budget)) in SCALE.iter().enumerate() {
            let count = count(args, dir.path(), true, out_file);
            let budget = if n == SCALE_BUDGETED { budget } else { 0 };
            let shown = if budget == 0 {
                "-".to_owned()
            } else {
                budget.to_string()
            };
            println!(
                "| `careers {}` (embedded, {n} user profiles) | {count} | {shown} |",
                args.join(" ")
            );
            if budget != 0 && count > budget {
                over.push(format!("{what} with {n} profiles: {count} > {budget}"));
            }
            if let Some(&before) = counts[k].last() {
                let ratio = count as f64 / before as f64;
                println!("| (twice the profiles: {ratio:.2} times the instructions) | | |");
                if ratio > MAX_DOUBLING {
                    over.push(format!(
                        "{what}: {n} profiles cost {ratio:.2} times {} (at most {MAX_DOUBLING})",
                        n / 2
                    ));
                }
            }
            counts[k].push(count);
        }
    }
    over
}
