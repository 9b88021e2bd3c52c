//! Runs the built binary in a controlled environment: no colour variables, no user data, a
//! fixed width, so rendered output is stable.

use std::path::Path;

use assert_cmd::Command;

/// O*NET 29.2's attribution, which every output that shows its data carries.
pub const ATTRIBUTION: &str = "This product includes information from the O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.";

/// The width every rendered snapshot is taken at unless a test says otherwise.
pub const WIDTH: &str = "100";

/// The variables every test run starts without: colour, width, locale, user data, format,
/// pager and terminal settings of whoever runs the tests.
pub const CLEARED: &[&str] = &[
    "NO_COLOR",
    "CLICOLOR_FORCE",
    "CLICOLOR",
    "COLUMNS",
    "LANG",
    "LC_ALL",
    "XDG_DATA_HOME",
    "CAREERS_DATA_DIR",
    "CAREERS_FORMAT",
    "CAREERS_PAGER",
    "PAGER",
    "LINES",
    "TERM",
    "SOURCE_DATE_EPOCH",
    "CAREERS_NO_EMBEDDED",
    // anstream colours a terminal under CI whatever TERM says: tests set it when they need it.
    "CI",
];

/// A `careers` command with a clean environment and an empty user data directory.
pub fn careers() -> Command {
    let mut cmd = Command::cargo_bin("careers").expect("binary is built");
    for var in CLEARED {
        cmd.env_remove(var);
    }
    cmd.env("COLUMNS", WIDTH);
    // The look of a terminal, although stdout is a pipe here: snapshots and the README show
    // what people see. Tests of the piped look remove it.
    cmd.env("CAREERS_FORMAT", "table");
    cmd.env("CAREERS_DATA_DIR", empty_data_dir());
    // The curated profiles alone, unless a test asks for the embedded dataset
    // ([`with_embedded`]): most tests are of the tool, not of O*NET's 1,016 occupations.
    cmd.env("CAREERS_NO_EMBEDDED", "1");
    // 2025-12-01: the date on generated man pages.
    cmd.env("SOURCE_DATE_EPOCH", "1764547200");
    cmd
}

/// A `careers` command as a fresh install runs it: [`careers`] with the embedded dataset.
pub fn with_embedded() -> Command {
    let mut cmd = careers();
    cmd.env_remove("CAREERS_NO_EMBEDDED");
    cmd
}

/// A data directory that exists and holds nothing, shared by every test that needs none.
fn empty_data_dir() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("temp dir"))
        .path()
}

/// Runs `careers ARGS`, asserts success, and returns stdout.
pub fn stdout_of(args: &[&str]) -> String {
    let out = careers().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "careers {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// Runs `careers ARGS`, asserts it fails with `code`, and returns stderr.
pub fn stderr_of(args: &[&str], code: i32) -> String {
    let out = careers().args(args).output().expect("runs");
    assert_eq!(
        out.status.code(),
        Some(code),
        "careers {args:?}: stdout {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(out.stdout.is_empty(), "nothing on stdout on failure");
    String::from_utf8(out.stderr).expect("utf-8 errors")
}

/// Parses JSON output.
pub fn json_of(args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&stdout_of(&all)).expect("valid JSON")
}

/// Asserts no line of `text` is wider than `width` columns.
pub fn assert_fits(text: &str, width: usize) {
    for line in text.lines() {
        let w = unicode_width::UnicodeWidthStr::width(line);
        assert!(w <= width, "line of width {w} > {width}: {line:?}");
    }
}

/// The text a CommonMark (GitHub-flavoured) reader sees in `markdown`: text and code, cells
/// separated by ` | `, `<br>` as a newline. Markup other than headings, paragraphs, quotes,
/// lists, tables, code and `<br>` is a test failure: escaped text never becomes markup.
pub fn markdown_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut text = String::new();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::InlineHtml(html) if &*html == "<br>" => text.push('\n'),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::TableCell) => text.push_str(" | "),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::Item
                | TagEnd::CodeBlock,
            ) => text.push('\n'),
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::Item
                | Tag::Table(_)
                | Tag::TableHead
                | Tag::TableRow
                | Tag::TableCell
                | Tag::CodeBlock(_),
            )
            | Event::End(_) => {}
            other => panic!("markup from text: {other:?} in\n{markdown}"),
        }
    }
    text
}

/// What `cmd` (a `careers` command) answers when `shell`'s completion hook asks it to complete
/// the last of `words`: one candidate a line, fish's `value<TAB>help` cut to the value.
pub fn completions(mut cmd: Command, shell: &str, words: &[&str]) -> Vec<String> {
    let mut args = vec!["--", "careers"];
    args.extend(words);
    let out = cmd
        .env("COMPLETE", shell)
        .env("_CLAP_COMPLETE_INDEX", words.len().to_string())
        .env("_CLAP_IFS", "\n")
        .args(&args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{shell} {words:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}
