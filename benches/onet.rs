//! Whole-process cost of `careers` with the O*NET database imported: wall-clock medians and peak
//! memory of the built binary, against the real database in `../shared/onet-29.2` and against
//! synthetic databases of 1,000, 10,000 and 100,000 occupations to show how cost grows.
//!
//! Run with `cargo bench --bench onet` (the binary is built with the release profile). Set
//! `ONET_BENCH_RUNS` to change the number of runs per figure (default 21) and
//! `ONET_BENCH_SCALES` to a comma-separated list of sizes (default `1000,10000,100000`).
//!
//! Peak memory is the child's maximum resident set size, read with `getrusage(RUSAGE_CHILDREN)`
//! in a helper process that runs exactly one child (this bench re-runs itself with `--peak`).

// A benchmark's report is its output.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CAREERS: &str = env!("CARGO_BIN_EXE_careers");

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(pos) = args.iter().position(|a| a == "--peak") {
        peak_helper(&args[pos + 1..]);
        return;
    }
    let runs: usize = std::env::var("ONET_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(21);
    let scales: Vec<usize> = std::env::var("ONET_BENCH_SCALES")
        .unwrap_or_else(|_| "1000,10000,100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let work = tempfile::tempdir().expect("temp dir");

    let real = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(|p| p.join("shared/onet-29.2"))
        .filter(|p| p.join("Occupation Data.txt").is_file());
    match &real {
        Some(source) => real_database(source, work.path(), runs),
        None => {
            println!("../shared/onet-29.2 is not beside the repository: real-data figures skipped");
        }
    }

    println!(
        "\nGrowth with the number of occupations (synthetic databases), median of {runs} runs, \
         wall-clock / CPU time:\n"
    );
    println!(
        "| occupations | import | show | search data | list --skill python | peak memory (search) |"
    );
    println!("| ---: | ---: | ---: | ---: | ---: | ---: |");
    for &n in &scales {
        let source = work.path().join(format!("synthetic-{n}"));
        write_synthetic(&source, n);
        let data = work.path().join(format!("data-{n}"));
        let import_runs = if n >= 100_000 { 3 } else { 5 };
        let import = measure(
            &data,
            &["import", "onet", source.to_str().unwrap()],
            import_runs,
        );
        let show = measure(&data, &["show", "occupation-00000042"], runs);
        let search = measure(&data, &["search", "data"], runs);
        let list = measure(&data, &["list", "--skill", "python"], runs);
        let both = |m: (Duration, Duration, u64)| format!("{} / {}", ms(m.0), ms(m.1));
        println!(
            "| {n} | {} | {} | {} | {} | {} |",
            both(import),
            both(show),
            both(search),
            both(list),
            mib(search.2)
        );
        std::fs::remove_dir_all(&source).ok();
        std::fs::remove_dir_all(&data).ok();
    }
}

fn real_database(source: &Path, work: &Path, runs: usize) {
    let data = work.join("data-real");
    let import_args = ["import", "onet", source.to_str().unwrap()];
    let import = measure(&data, &import_args, 5);
    println!(
        "Against {} (median of {runs} runs, whole process):\n",
        source.display()
    );
    println!("| command | median | CPU time | target | peak memory |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    let row = |args: &[&str], m: (Duration, Duration, u64), target: &str| {
        println!(
            "| `careers {}` | {} | {} | {target} | {} |",
            args.join(" "),
            ms(m.0),
            ms(m.1),
            mib(m.2)
        );
    };
    row(&import_args[..2], import, "2000 ms");
    let has_match = Command::new(CAREERS)
        .args(["match", "--help"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let mut commands: Vec<(&[&str], &str)> = vec![
        (&["show", "15-2051.00"], "10 ms"),
        (&["search", "data"], "30 ms"),
        (&["list"], "-"),
        (&["list", "--hot", "python"], "-"),
        (&["show", "ml-engineer"], "-"),
    ];
    if has_match {
        commands.insert(2, (&["match", "--skills", "python,sql,spark"], "30 ms"));
    }
    for (args, target) in commands {
        row(args, measure(&data, args, runs), target);
    }
    if !has_match {
        println!("\n`careers match` is not in this build: no figure for it.");
    }
}

/// One run measured by a helper process: wall-clock time, CPU time and peak memory in KiB.
fn sample(data: &Path, args: &[&str]) -> (Duration, Duration, u64) {
    let out = Command::new(std::env::current_exe().unwrap())
        .arg("--peak")
        .arg(CAREERS)
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .stderr(Stdio::inherit())
        .output()
        .expect("helper runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let v: Vec<u64> = text
        .split_whitespace()
        .map(|n| n.parse().expect("helper prints numbers"))
        .collect();
    (Duration::from_nanos(v[0]), Duration::from_nanos(v[1]), v[2])
}

/// Median wall-clock and CPU time of `runs` runs, and the largest peak memory.
fn measure(data: &Path, args: &[&str], runs: usize) -> (Duration, Duration, u64) {
    sample(data, args); // warm the page cache
    let samples: Vec<_> = (0..runs.max(1)).map(|_| sample(data, args)).collect();
    let mut wall: Vec<Duration> = samples.iter().map(|s| s.0).collect();
    let mut cpu: Vec<Duration> = samples.iter().map(|s| s.1).collect();
    wall.sort();
    cpu.sort();
    let peak = samples.iter().map(|s| s.2).max().unwrap_or(0);
    (wall[wall.len() / 2], cpu[cpu.len() / 2], peak)
}

/// Runs the command in `args` as this process's only child and prints its wall-clock time and
/// CPU time (user + system) in nanoseconds and its peak RSS in KiB.
fn peak_helper(args: &[String]) {
    let start = Instant::now();
    let status = Command::new(&args[0])
        .args(&args[1..])
        .env("COLUMNS", "100")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("command runs");
    let wall = start.elapsed();
    assert!(status.success(), "{args:?} failed");
    let usage = nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_CHILDREN)
        .expect("getrusage");
    let nanos = |t: nix::sys::time::TimeVal| {
        t.tv_sec() as u128 * 1_000_000_000 + t.tv_usec() as u128 * 1_000
    };
    let cpu = nanos(usage.user_time()) + nanos(usage.system_time());
    // Linux reports ru_maxrss in KiB.
    println!("{} {cpu} {}", wall.as_nanos(), usage.max_rss());
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

/// Writes a database of `n` made-up occupations in O*NET's text format: each with a title, a
/// description, three alternate titles, four tasks, six technology skills, a job zone and three
/// related occupations. Nothing here comes from O*NET's data.
fn write_synthetic(dir: &PathBuf, n: usize) {
    std::fs::create_dir_all(dir).unwrap();
    let code = |i: usize| {
        format!(
            "{:02}-{:04}.{:02}",
            11 + i / 1_000_000,
            (i / 100) % 10_000,
            i % 100
        )
    };
    let techs = [
        ("Python", "Y"),
        ("Structured query language SQL", "Y"),
        ("Apache Spark", "N"),
        ("Spreadsheet tool", "N"),
        ("Word processor", "N"),
        ("Custom data tool", "Y"),
    ];
    let mut occ = String::from("O*NET-SOC Code\tTitle\tDescription\r\n");
    let mut alt = String::from("O*NET-SOC Code\tAlternate Title\tShort Title\tSource(s)\r\n");
    let mut tasks = String::from(
        "O*NET-SOC Code\tTask ID\tTask\tTask Type\tIncumbents Responding\tDate\tDomain Source\r\n",
    );
    let mut tech = String::from(
        "O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand\r\n",
    );
    let mut zones = String::from("O*NET-SOC Code\tJob Zone\tDate\tDomain Source\r\n");
    let mut related =
        String::from("O*NET-SOC Code\tRelated O*NET-SOC Code\tRelatedness Tier\tIndex\r\n");
    for i in 0..n {
        let c = code(i);
        let _ = write!(
            occ,
            "{c}\tOccupation {i:08}\tPlan and run work of kind {i}, using data and tools to reach goals set by others.\r\n"
        );
        for k in 0..3 {
            let _ = write!(alt, "{c}\tSpecialist {i} Variant {k}\tn/a\t08\r\n");
        }
        for k in 0..4 {
            let kind = if k < 3 { "Core" } else { "Supplemental" };
            let _ = write!(
                tasks,
                "{c}\t{}\tReview records of type {k} and prepare data reports for unit {i}.\t{kind}\t50\t08/2024\tIncumbent\r\n",
                i * 4 + k
            );
        }
        for (name, hot) in techs {
            let _ = write!(tech, "{c}\t{name}\t43232202\tSoftware\t{hot}\tN\r\n");
        }
        let _ = write!(zones, "{c}\t{}\t08/2024\tAnalyst\r\n", 1 + i % 5);
        for (k, tier) in ["Primary-Short", "Primary-Long", "Supplemental"]
            .iter()
            .enumerate()
        {
            let _ = write!(
                related,
                "{c}\t{}\t{tier}\t{}\r\n",
                code((i + k + 1) % n),
                k + 1
            );
        }
    }
    for (name, text) in [
        ("Occupation Data.txt", occ),
        ("Alternate Titles.txt", alt),
        ("Task Statements.txt", tasks),
        ("Technology Skills.txt", tech),
        ("Job Zones.txt", zones),
        ("Related Occupations.txt", related),
    ] {
        std::fs::write(dir.join(name), text).unwrap();
    }
}
