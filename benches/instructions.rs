//! Instructions a whole `careers` process executes, counted by valgrind's callgrind: a count
//! that does not depend on the machine's load, checked against the budgets of the table
//! renderer. Run with `cargo bench --bench instructions` (the release binary; needs valgrind).

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::Command;

const CAREERS: &str = env!("CARGO_BIN_EXE_careers");

/// (what, arguments, budget in instructions; 0 for a figure shown for comparison only).
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

fn main() {
    let data_dir = tempfile::tempdir().expect("a temporary data directory");
    let out_file = data_dir.path().join("callgrind.out");
    let mut over = Vec::new();
    println!("| command | instructions | budget |");
    println!("| --- | ---: | ---: |");
    for &(what, args, budget) in CASES {
        let run = Command::new("valgrind")
            .arg("--tool=callgrind")
            .arg(format!("--callgrind-out-file={}", out_file.display()))
            .arg(CAREERS)
            .args(args)
            .env("CAREERS_DATA_DIR", data_dir.path())
            .env("COLUMNS", "100")
            .env_remove("CAREERS_FORMAT")
            .output();
        let Ok(run) = run else {
            println!("valgrind is not installed: nothing measured");
            return;
        };
        let log = String::from_utf8_lossy(&run.stderr);
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
        println!("| `careers {}` | {count} | {shown} |", args.join(" "));
        if budget != 0 && count > budget {
            over.push(format!("{what}: {count} > {budget}"));
        }
    }
    if !over.is_empty() {
        eprintln!("over budget: {}", over.join("; "));
        std::process::exit(1);
    }
}
