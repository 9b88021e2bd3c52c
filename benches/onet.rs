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
            println!("../shared/onet-29.2 is not beside the repository: real-data figures skipped")
        }
    }

    println!(
        "\nGrowth with the number of occupations (synthetic databases), median of {runs} runs:\n"
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
        let import = median_of(import_runs, || {
            time(&data, &["import", "onet", source.to_str().unwrap()])
        });
        let show = median_of(runs, || time(&data, &["show", "occupation-00000042"]));
        let search = median_of(runs, || time(&data, &["search", "data"]));
        let list = median_of(runs, || time(&data, &["list", "--skill", "python"]));
        let peak = peak_kib(&data, &["search", "data"]);
        println!(
            "| {n} | {} | {} | {} | {} | {} |",
            ms(import),
            ms(show),
            ms(search),
            ms(list),
            mib(peak)
        );
        std::fs::remove_dir_all(&source).ok();
        std::fs::remove_dir_all(&data).ok();
    }
}

fn real_database(source: &Path, work: &Path, runs: usize) {
    let data = work.join("data-real");
    let import_args = ["import", "onet", source.to_str().unwrap()];
    let import = median_of(5, || time(&data, &import_args));
    println!(
        "Against {} (median of {runs} runs, whole process):\n",
        source.display()
    );
    println!("| command | median | target | peak memory |");
    println!("| --- | ---: | ---: | ---: |");
    println!(
        "| `careers import onet` | {} | 2000 ms | {} |",
        ms(import),
        mib(peak_kib(&data, &import_args))
    );
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
        let t = median_of(runs, || time(&data, args));
        println!(
            "| `careers {}` | {} | {target} | {} |",
            args.join(" "),
            ms(t),
            mib(peak_kib(&data, args))
        );
    }
    if !has_match {
        println!("\n`careers match` is not in this build: no figure for it.");
    }
}

/// Runs `careers --data-dir DATA ARGS` once and returns its wall-clock time.
fn time(data: &Path, args: &[&str]) -> Duration {
    let start = Instant::now();
    let status = careers(data, args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("careers runs");
    let elapsed = start.elapsed();
    assert!(status.success(), "careers {args:?} failed");
    elapsed
}

fn careers(data: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(CAREERS);
    cmd.arg("--data-dir").arg(data).args(args);
    cmd.env("COLUMNS", "100").env_remove("CAREERS_DATA_DIR");
    cmd
}

fn median_of(runs: usize, mut f: impl FnMut() -> Duration) -> Duration {
    f(); // warm the page cache
    let mut times: Vec<Duration> = (0..runs.max(1)).map(|_| f()).collect();
    times.sort();
    times[times.len() / 2]
}

/// The peak resident memory of one run, in KiB, measured by a helper process.
fn peak_kib(data: &Path, args: &[&str]) -> u64 {
    let out = Command::new(std::env::current_exe().unwrap())
        .arg("--peak")
        .arg(CAREERS)
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .stderr(Stdio::inherit())
        .output()
        .expect("helper runs");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("helper prints KiB")
}

/// Runs the command in `args` as this process's only child and prints its peak RSS in KiB.
fn peak_helper(args: &[String]) {
    let status = Command::new(&args[0])
        .args(&args[1..])
        .env("COLUMNS", "100")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("command runs");
    assert!(status.success(), "{args:?} failed");
    let usage = nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_CHILDREN)
        .expect("getrusage");
    // Linux reports ru_maxrss in KiB.
    println!("{}", usage.max_rss());
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
