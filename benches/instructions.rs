//! Instructions a whole `careers` process executes, counted by valgrind's callgrind: a count
//! that does not depend on the machine's load, checked against the budgets of the table
//! renderer (the curated profiles alone, `CAREERS_NO_EMBEDDED=1`) and of the embedded dataset
//! (a fresh install). Run with `cargo bench --bench instructions` (the release binary; needs
//! valgrind).

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::Command;

const CAREERS: &str = env!("CARGO_BIN_EXE_careers");

/// (what, arguments, budget in instructions; 0 for a figure shown for comparison only), with
/// the curated profiles alone.
const CASES: &[(&str, &[&str], u64)] = &[
    (
        "show ml-engineer (table)",
        &["show", "ml-engineer", "--format", "table"],
        6_000_000,
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
];

fn main() {
    let data_dir = tempfile::tempdir().expect("a temporary data directory");
    let out_file = data_dir.path().join("callgrind.out");
    let mut over = Vec::new();
    println!("| command | instructions | budget |");
    println!("| --- | ---: | ---: |");
    let cases = CASES
        .iter()
        .map(|c| (c, false))
        .chain(EMBEDDED.iter().map(|c| (c, true)));
    for (&(what, args, budget), embedded) in cases {
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
            .env("CAREERS_DATA_DIR", data_dir.path())
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
        let count: u64 = log
            .lines()
            .find_map(|l| l.split("Collected : ").nth(1))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or_else(|| panic!("no instruction count for {what}: {log}"));
        let shown = if budget == 0 {
            "-".to_owned()
        } else {
            budget.to_string()
        };
        let data = if embedded { "embedded" } else { "curated only" };
        println!(
            "| `careers {}` ({data}) | {count} | {shown} |",
            args.join(" ")
        );
        if budget != 0 && count > budget {
            over.push(format!("{what}: {count} > {budget}"));
        }
    }
    if !over.is_empty() {
        eprintln!("over budget: {}", over.join("; "));
        std::process::exit(1);
    }
}
