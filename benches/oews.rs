//! What BLS OEWS wages cost, against the real release in `../shared/oews-2025`: the import's
//! wall-clock and CPU time and peak memory, the stored size, instruction counts of the queries
//! (valgrind's callgrind: the same however busy the machine is), and each query's wall-clock
//! time above a hello-world process (`/bin/true`), the two run in turn so that load hits both.
//!
//! Run with `cargo bench --bench oews` (the release binary; instruction counts need valgrind).

// A benchmark's report is its output.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CAREERS: &str = env!("CARGO_BIN_EXE_careers");

const QUERIES: &[&[&str]] = &[
    &["show", "ml-engineer", "--format", "json"],
    &[
        "salary",
        "ml-engineer",
        "--city",
        "Seattle",
        "--format",
        "json",
    ],
    &[
        "salary",
        "ml-engineer",
        "--city",
        "Seattle,Austin",
        "--my-pay",
        "150k",
        "--format",
        "json",
    ],
    &["where", "ml-engineer", "--format", "json"],
    &["where", "ml-engineer", "--states", "--format", "json"],
    &[
        "salary", "--city", "Seattle", "--top", "10", "--format", "json",
    ],
];

fn main() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(|p| p.join("shared/oews-2025"))
        .filter(|p| p.join("oe.data.0.Current").is_file());
    let Some(source) = source else {
        println!("../shared/oews-2025 is not beside the repository: nothing measured");
        return;
    };
    let data = tempfile::tempdir().expect("temp dir");
    let started = Instant::now();
    let import = Command::new("/usr/bin/time")
        .args(["-f", "%U %S %M"])
        .arg(CAREERS)
        .arg("--data-dir")
        .arg(data.path())
        .args(["import", "oews"])
        .arg(&source)
        .stdout(Stdio::null())
        .output()
        .expect("runs /usr/bin/time");
    let wall = started.elapsed();
    let rusage = String::from_utf8_lossy(&import.stderr);
    let fields: Vec<f64> = rusage
        .lines()
        .last()
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    if let [user, system, kib] = fields[..] {
        println!(
            "import: {:.2} s wall, {:.2} s CPU, peak memory {:.1} MiB",
            wall.as_secs_f64(),
            user + system,
            kib / 1024.0
        );
    }
    for file in ["tables.bin", "wages.bin"] {
        let len = std::fs::metadata(data.path().join("oews").join(file)).map_or(0, |m| m.len());
        println!("stored {file}: {len} bytes");
    }
    println!("\n| query | instructions | ms above /bin/true (median of 21, in turn) |");
    println!("| --- | ---: | ---: |");
    for args in QUERIES {
        let counted = Command::new("valgrind")
            .args([
                "--tool=callgrind",
                "--callgrind-out-file=/dev/null",
                CAREERS,
            ])
            .arg("--data-dir")
            .arg(data.path())
            .args(*args)
            .stdout(Stdio::null())
            .output();
        let instructions = counted
            .ok()
            .and_then(|o| {
                String::from_utf8_lossy(&o.stderr)
                    .lines()
                    .find_map(|l| l.split("Collected : ").nth(1).map(|n| n.trim().to_owned()))
            })
            .unwrap_or_else(|| "(no valgrind)".to_owned());
        let (mut ours, mut base) = (Vec::new(), Vec::new());
        for _ in 0..21 {
            base.push(time(&mut Command::new("/bin/true")));
            let mut cmd = Command::new(CAREERS);
            cmd.arg("--data-dir").arg(data.path()).args(*args);
            ours.push(time(&mut cmd));
        }
        let above = median(&mut ours).saturating_sub(median(&mut base));
        println!(
            "| `careers {}` | {instructions} | {:.2} |",
            args.join(" "),
            above.as_secs_f64() * 1000.0
        );
    }
}

fn time(cmd: &mut Command) -> Duration {
    let start = Instant::now();
    cmd.stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("runs");
    start.elapsed()
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}
