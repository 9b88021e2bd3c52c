//! Instructions a whole `careers` process executes, counted by valgrind's callgrind: a count
//! that does not depend on the machine's load, checked against the budgets of the table
//! renderer (the curated profiles alone, `CAREERS_NO_EMBEDDED=1`), of the embedded dataset
//! (a fresh install) and of a user profile whose title is one 320,000-character word, and the
//! extra a place named through a principal city or a common name may cost. Run with
//! `cargo bench --bench instructions` (the release binary; needs valgrind). A count over its
//! budget fails the run.

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

/// The same, on a fresh install: the embedded O*NET and OEWS data, nothing imported.
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
        8_000_000,
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
        let count = instructions(what, args, embedded, dir, &out_file);
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
    println!();
    println!("| place named | exactly | otherwise | more | budget |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    for &(what, exact, otherwise, extra) in NAMED_OTHERWISE {
        let base = instructions(what, exact, true, data_dir.path(), &out_file);
        let other = instructions(what, otherwise, true, data_dir.path(), &out_file);
        let more = other.saturating_sub(base);
        println!("| {what} | {base} | {other} | {more} | {extra} |");
        if more > extra {
            over.push(format!("{what}: {more} more > {extra}"));
        }
    }
    if !over.is_empty() {
        eprintln!("over budget: {}", over.join("; "));
        std::process::exit(1);
    }
}

/// The instructions of one whole `careers ARGS` process under callgrind.
fn instructions(
    what: &str,
    args: &[&str],
    embedded: bool,
    dir: &std::path::Path,
    out_file: &std::path::Path,
) -> u64 {
    let mut valgrind = Command::new("valgrind");
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
        .env("CAREERS_DATA_DIR", dir)
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
        .unwrap_or_else(|| panic!("no instruction count for {what}: {log}"))
}
