//! Every `console` example in `README.md` and in `docs/*.md` is the real output of the current
//! binary on a fresh install (the embedded data, an empty data folder), at 80 columns. A block
//! is one command, `$ careers ARGS`, then exactly what it prints: stdout, then stderr.
//!
//! After a change to what careers prints, `CAREERS_UPDATE_EXAMPLES=1 cargo test --test cli
//! readme` writes each block's real output in place of the old one (as insta's update mode
//! does) instead of failing; the diff is then the change to review.

use std::path::{Path, PathBuf};

use crate::common::TestEnv;

/// Set to `1`, the test rewrites the examples instead of failing on them.
const UPDATE: &str = "CAREERS_UPDATE_EXAMPLES";

/// The width the documents state their examples at.
const WIDTH: usize = 80;

/// One `console` block: its command and the lines that hold its output.
struct Example<'a> {
    /// What follows `$ careers `.
    command: &'a str,
    /// 1-based line of the command, for messages.
    line: usize,
    /// The output lines, as indices into the document's lines: `output.start` is the line after
    /// the command, `output.end` the closing fence.
    output: std::ops::Range<usize>,
}

/// The README, then every Markdown file in `docs/`, by name.
fn documents() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
        .expect("the docs/ folder")
        .map(|entry| entry.expect("a docs/ entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    docs.sort();
    let mut all = vec![root.join("README.md")];
    all.extend(docs);
    all
}

/// The `console` blocks of a document split into lines (each with its line end).
fn examples<'a>(lines: &[&'a str], name: &str) -> Vec<Example<'a>> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim() != "```console" {
            i += 1;
            continue;
        }
        let start = i + 1;
        let end = (start..lines.len())
            .find(|&j| lines[j].trim() == "```")
            .unwrap_or_else(|| panic!("{name}:{}: a console block without its closing ```", i + 1));
        // Every console block is a command and its output: none goes unchecked.
        let command = lines
            .get(start)
            .filter(|_| start < end)
            .and_then(|line| line.trim_end().strip_prefix("$ careers "))
            .unwrap_or_else(|| {
                panic!(
                    "{name}:{}: a console block must start with `$ careers ...`",
                    start + 1
                )
            });
        found.push(Example {
            command,
            line: start + 1,
            output: start + 1..end,
        });
        i = end + 1;
    }
    found
}

/// What `careers ARGS` prints on a fresh install, stdout then stderr.
fn run(command: &str, name: &str, line: usize) -> String {
    let args = shell_words::split(command)
        .unwrap_or_else(|e| panic!("{name}:{line}: `careers {command}` does not parse: {e}"));
    // A fresh data folder for each example, so that none depends on what another wrote.
    let out = TestEnv::new().embedded().width(WIDTH).run(&args);
    let mut actual = out.stdout;
    actual.push_str(&out.stderr);
    actual
}

/// The first line where `expected` and `actual` differ, worded for a failure message.
fn first_difference(expected: &str, actual: &str) -> String {
    let mut expected_lines = expected.lines();
    let mut actual_lines = actual.lines();
    for n in 1.. {
        match (expected_lines.next(), actual_lines.next()) {
            (Some(e), Some(a)) if e == a => {}
            (None, None) => return "they differ only in line ends".to_owned(),
            (e, a) => {
                return format!(
                    "output line {n}:\n  shown:  {}\n  actual: {}",
                    e.unwrap_or("(nothing)"),
                    a.unwrap_or("(nothing)")
                );
            }
        }
    }
    unreachable!()
}

#[test]
fn documented_examples_are_real_output() {
    let update = std::env::var_os(UPDATE).is_some_and(|v| v == "1");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stale = Vec::new();
    let mut in_readme = 0;
    for path in documents() {
        let name = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .display()
            .to_string();
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let found = examples(&lines, &name);
        if name == "README.md" {
            in_readme = found.len();
        }
        // The document as it would be with every example's real output.
        let mut updated = String::with_capacity(text.len());
        let mut copied = 0;
        for example in &found {
            let expected: String = lines[example.output.clone()].concat();
            let mut actual = run(example.command, &name, example.line);
            if actual != expected {
                stale.push(format!(
                    "{name}:{}: `careers {}` prints something else; {}",
                    example.line,
                    example.command,
                    first_difference(&expected, &actual)
                ));
            }
            if !actual.is_empty() && !actual.ends_with('\n') {
                actual.push('\n');
            }
            updated.push_str(&lines[copied..example.output.start].concat());
            updated.push_str(&actual);
            copied = example.output.end;
        }
        updated.push_str(&lines[copied..].concat());
        if update && updated != text {
            std::fs::write(&path, updated).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    assert!(
        in_readme >= 3,
        "the README shows at least three examples, found {in_readme}"
    );
    assert!(
        update || stale.is_empty(),
        "{} documented examples are out of date (CAREERS_UPDATE_EXAMPLES=1 cargo test --test \
         cli readme writes the real output into them):\n\n{}",
        stale.len(),
        stale.join("\n\n")
    );
}
