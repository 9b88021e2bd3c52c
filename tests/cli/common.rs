//! The one way tests run the built binary: a [`TestEnv`], a controlled environment with its own
//! data directory (no colour variables, no user data, a fixed width), so rendered output is
//! stable; and the helpers about the data that many tests share.

use std::ffi::{OsStr, OsString};
use std::fmt::Debug;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// O*NET 29.2's attribution, which every output that shows its data carries.
pub(crate) const ATTRIBUTION: &str = "This product includes information from the O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.";

/// BLS's notice, which every output that shows OEWS figures carries.
pub(crate) const NOTICE: &str = "BLS.gov cannot vouch for the data or analyses derived from these data after the data have been retrieved from BLS.gov.";

/// The width every rendered snapshot is taken at unless a test says otherwise.
const WIDTH: &str = "100";

/// The variables every test run starts without: colour, width, locale, user data, format,
/// pager and terminal settings of whoever runs the tests.
const CLEARED: &[&str] = &[
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
    "LESS",
    "LINES",
    "TERM",
    "SOURCE_DATE_EPOCH",
    "CAREERS_NO_EMBEDDED",
    // anstream colours a terminal under CI whatever TERM says: tests set it when they need it.
    "CI",
];

/// Where tests run `careers`: the [`CLEARED`] variables removed, a width of [`WIDTH`] columns,
/// the terminal's table look, no colour, the curated profiles alone (no embedded dataset), a
/// fixed date, and a fresh data directory of its own. Builders change one of these or fill the
/// data directory; runners run the binary in it.
pub(crate) struct TestEnv {
    /// Holds the data directory (`data`) and whatever else a test writes beside it.
    root: tempfile::TempDir,
    /// Variables set (`Some`) or removed (`None`), in order: a later entry wins.
    vars: Vec<(OsString, Option<OsString>)>,
    current_dir: Option<PathBuf>,
    timeout: Option<Duration>,
}

/// What a run of `careers` gave: its exit code (`None` when a signal ended it) and its output.
#[derive(Debug)]
pub(crate) struct Outcome {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    pub(crate) fn success(&self) -> bool {
        self.code == Some(0)
    }
}

impl From<std::process::Output> for Outcome {
    fn from(out: std::process::Output) -> Outcome {
        Outcome {
            code: out.status.code(),
            stdout: String::from_utf8(out.stdout).expect("UTF-8 on stdout"),
            stderr: String::from_utf8(out.stderr).expect("UTF-8 on stderr"),
        }
    }
}

impl Default for TestEnv {
    fn default() -> TestEnv {
        TestEnv::new()
    }
}

impl TestEnv {
    /// The environment above, with an empty data directory.
    pub(crate) fn new() -> TestEnv {
        let root = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(root.path().join("data")).expect("data dir");
        let env = TestEnv {
            vars: CLEARED.iter().map(|var| (var.into(), None)).collect(),
            root,
            current_dir: None,
            timeout: None,
        };
        let data = env.data_dir();
        // The look of a terminal, although stdout is a pipe here: snapshots and the README show
        // what people see. Tests of the piped look remove it.
        env.env("COLUMNS", WIDTH)
            .env("CAREERS_FORMAT", "table")
            .env("CAREERS_DATA_DIR", data)
            // `careers` on the PATH, where the completion hooks and the examples find it.
            .env("PATH", path_with_careers())
            // The curated profiles alone, unless a test asks for the embedded dataset
            // ([`TestEnv::embedded`]): most tests are of the tool, not of O*NET's 1,016
            // occupations.
            .env("CAREERS_NO_EMBEDDED", "1")
            // 2025-12-01: the date on generated man pages.
            .env("SOURCE_DATE_EPOCH", "1764547200")
            // `--color auto` then never colours; `--color always` still does. Tests of the
            // colour rules ask for them with [`TestEnv::colour`].
            .env("NO_COLOR", "1")
    }

    /// As a fresh install runs: with the embedded dataset.
    pub(crate) fn embedded(self) -> TestEnv {
        self.env_remove("CAREERS_NO_EMBEDDED")
    }

    /// Colour as the environment and the terminal decide it, without the `NO_COLOR` that turns
    /// it off everywhere else.
    pub(crate) fn colour(self) -> TestEnv {
        self.env_remove("NO_COLOR")
    }

    /// A terminal `columns` wide.
    pub(crate) fn width(self, columns: usize) -> TestEnv {
        self.env("COLUMNS", columns.to_string())
    }

    pub(crate) fn env(mut self, var: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> TestEnv {
        self.vars
            .push((var.as_ref().to_owned(), Some(value.as_ref().to_owned())));
        self
    }

    /// Each of `vars`, in order.
    pub(crate) fn envs<K: AsRef<OsStr>, V: AsRef<OsStr>>(
        self,
        vars: impl IntoIterator<Item = (K, V)>,
    ) -> TestEnv {
        vars.into_iter()
            .fold(self, |env, (var, value)| env.env(var, value))
    }

    pub(crate) fn env_remove(mut self, var: impl AsRef<OsStr>) -> TestEnv {
        self.vars.push((var.as_ref().to_owned(), None));
        self
    }

    /// Runs every command in `dir`.
    pub(crate) fn current_dir(mut self, dir: impl Into<PathBuf>) -> TestEnv {
        self.current_dir = Some(dir.into());
        self
    }

    /// Runs every command inside [`TestEnv::root`] with `CAREERS_DATA_DIR=data`, so the paths it
    /// prints are the same in every run.
    pub(crate) fn in_scratch(self) -> TestEnv {
        let root = self.root().to_path_buf();
        self.current_dir(root).env("CAREERS_DATA_DIR", "data")
    }

    /// Fails a run that takes longer than `limit` instead of waiting for it.
    pub(crate) fn timeout(mut self, limit: Duration) -> TestEnv {
        self.timeout = Some(limit);
        self
    }

    /// A user profile `file_name` (in the profiles folder) holding `text`.
    pub(crate) fn with_profile(self, file_name: &str, text: &str) -> TestEnv {
        std::fs::write(self.profile_path(file_name), text).expect("profile written");
        self
    }

    /// A copy of the fixture profile `tests/fixtures/profiles/REL` in the profiles folder.
    pub(crate) fn with_fixture_profile(self, rel: &str) -> TestEnv {
        let source = fixture("profiles").join(rel);
        let name = source.file_name().expect("a file").to_str().expect("UTF-8");
        std::fs::copy(&source, self.profile_path(name)).expect("profile copied");
        self
    }

    /// `careers import onet SOURCE` into the data directory, which must succeed.
    pub(crate) fn with_onet(self, source: impl AsRef<Path>) -> TestEnv {
        self.imported("onet", source.as_ref())
    }

    /// `careers import oews SOURCE` into the data directory, which must succeed.
    pub(crate) fn with_oews(self, source: impl AsRef<Path>) -> TestEnv {
        self.imported("oews", source.as_ref())
    }

    /// Imports BLS's projections workbook at `source`.
    #[cfg_attr(not(feature = "embedded"), allow(dead_code))]
    pub(crate) fn with_projections(self, source: impl AsRef<Path>) -> TestEnv {
        self.imported("projections", source.as_ref())
    }

    /// Imports BEA's price parities from the folder `source`.
    pub(crate) fn with_prices(self, source: impl AsRef<Path>) -> TestEnv {
        self.imported("prices", source.as_ref())
    }

    fn imported(self, database: &str, source: &Path) -> TestEnv {
        let out = self.run(&[
            OsStr::new("import"),
            OsStr::new(database),
            source.as_os_str(),
        ]);
        assert!(
            out.success(),
            "careers import {database} {}: {}",
            source.display(),
            out.stderr
        );
        self
    }

    /// The folder that holds the data directory, for what a test keeps beside it.
    pub(crate) fn root(&self) -> &Path {
        self.root.path()
    }

    /// The data directory every command reads, by its absolute path.
    pub(crate) fn data_dir(&self) -> PathBuf {
        self.root().join("data")
    }

    /// Where the profile `file_name` of the data directory goes; the folder is made.
    pub(crate) fn profile_path(&self, file_name: &str) -> PathBuf {
        let profiles = self.data_dir().join("profiles");
        std::fs::create_dir_all(&profiles).expect("profiles folder");
        profiles.join(file_name)
    }

    /// `program` with this environment and working folder, for running `careers` through
    /// another program (a shell, `script`, `timeout`).
    pub(crate) fn program(&self, program: impl AsRef<OsStr>) -> std::process::Command {
        let mut cmd = std::process::Command::new(program);
        for (var, value) in &self.vars {
            match value {
                Some(value) => cmd.env(var, value),
                None => cmd.env_remove(var),
            };
        }
        if let Some(dir) = &self.current_dir {
            cmd.current_dir(dir);
        }
        cmd
    }

    /// `careers` in this environment, to spawn.
    pub(crate) fn std_cmd(&self) -> std::process::Command {
        self.program(careers_bin())
    }

    /// `careers` in this environment, for what the runners do not cover (standard input, an
    /// assertion of assert_cmd's).
    pub(crate) fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::from_std(self.std_cmd());
        if let Some(limit) = self.timeout {
            cmd.timeout(limit);
        }
        cmd
    }

    /// Runs `careers ARGS` and returns what it gave.
    pub(crate) fn run<A: AsRef<OsStr> + Debug>(&self, args: &[A]) -> Outcome {
        self.cmd()
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("careers {args:?} does not finish: {e}"))
            .into()
    }

    /// Runs `careers ARGS`, asserts success, and returns stdout.
    pub(crate) fn stdout<A: AsRef<OsStr> + Debug>(&self, args: &[A]) -> String {
        let out = self.run(args);
        assert!(out.success(), "careers {args:?} failed: {}", out.stderr);
        out.stdout
    }

    /// Runs `careers ARGS`, asserts success, and returns stdout then stderr: what a person
    /// sees of a plain report, its records and then its notes.
    pub(crate) fn seen<A: AsRef<OsStr> + Debug>(&self, args: &[A]) -> String {
        let out = self.run(args);
        assert!(out.success(), "careers {args:?} failed: {}", out.stderr);
        out.stdout + &out.stderr
    }

    /// Runs `careers ARGS` with stdout on a pseudo-terminal (through `script`, of util-linux),
    /// asserts success, and returns what the terminal received, line ends as `\n`.
    pub(crate) fn on_terminal(&self, args: &[&str]) -> String {
        let mut words = vec![careers_bin().display().to_string()];
        words.extend(args.iter().map(|a| (*a).to_owned()));
        let out: Outcome = self
            .program("script")
            .args(["-qec", &shell_words::join(&words), "/dev/null"])
            .stdin(std::process::Stdio::null())
            .output()
            .expect("script (util-linux) runs")
            .into();
        assert!(out.success(), "{args:?}: {}", out.stderr);
        out.stdout.replace("\r\n", "\n")
    }

    /// Runs `careers ARGS`, asserts success with nothing on stderr, and returns stdout.
    pub(crate) fn quiet_stdout<A: AsRef<OsStr> + Debug>(&self, args: &[A]) -> String {
        let out = self.run(args);
        assert_eq!(out.code, Some(0), "careers {args:?}: {}", out.stderr);
        assert_eq!(out.stderr, "", "careers {args:?}");
        out.stdout
    }

    /// Runs `careers ARGS --format json`, asserts success, and parses stdout.
    pub(crate) fn json<A: AsRef<OsStr> + Debug>(&self, args: &[A]) -> serde_json::Value {
        let mut all: Vec<&OsStr> = args.iter().map(AsRef::as_ref).collect();
        all.extend([OsStr::new("--format"), OsStr::new("json")]);
        serde_json::from_str(&self.stdout(&all)).expect("valid JSON")
    }

    /// Runs `careers ARGS`, asserts it fails with `code` and nothing on stdout, and returns
    /// stderr.
    pub(crate) fn fails<A: AsRef<OsStr> + Debug>(&self, args: &[A], code: i32) -> String {
        let out = self.run(args);
        assert_eq!(
            out.code,
            Some(code),
            "careers {args:?}: stdout {}",
            out.stdout
        );
        assert!(out.stdout.is_empty(), "nothing on stdout on failure");
        out.stderr
    }

    /// What `careers` answers when `shell`'s completion hook asks it to complete the last of
    /// `words`: one candidate a line, fish's `value<TAB>help` and zsh's `value:help` cut to the
    /// value.
    pub(crate) fn completions(&self, shell: &str, words: &[&str]) -> Vec<String> {
        let mut args = vec!["--", "careers"];
        args.extend(words);
        let out = self
            .cmd()
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
            .map(|l| l.split('\t').next().unwrap())
            .map(|l| match shell {
                "zsh" => l.split(':').next().unwrap().to_owned(),
                _ => l.to_owned(),
            })
            .filter(|l| !l.is_empty())
            .collect()
    }
}

/// The PATH with the built binary's folder first.
fn path_with_careers() -> OsString {
    let mut dirs = vec![careers_bin().parent().expect("a folder").to_path_buf()];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(dirs).expect("a PATH")
}

/// The built `careers` binary.
pub(crate) fn careers_bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("careers")
}

/// `tests/fixtures/REL`: the project's own data in the formats careers reads.
pub(crate) fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// `../shared/REL`, the real releases beside the repository (CI puts them there); the tests that
/// read them are `#[ignore]`d and run by `.ci/run` when they are there.
pub(crate) fn shared(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the repository has a parent folder")
        .join("shared")
        .join(rel)
}

/// Copies the files of the folder `from` into the folder `to`.
pub(crate) fn copy_files(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

/// A copy of the files of the folder `from` in a fresh folder, for a test to alter.
pub(crate) fn copy_of(from: &Path) -> tempfile::TempDir {
    let copy = tempfile::tempdir().unwrap();
    copy_files(from, copy.path());
    copy
}

/// A copy of the OEWS fixture (BLS's flat-file layout) whose data file `oe.data.0.Current`
/// has `rows` (raw bytes, CRLF added) after its own.
pub(crate) fn oews_with_rows(rows: &[&[u8]]) -> tempfile::TempDir {
    let copy = copy_of(&fixture("oews"));
    let path = copy.path().join("oe.data.0.Current");
    let mut data = std::fs::read(&path).unwrap();
    for row in rows {
        data.extend_from_slice(row);
        data.extend_from_slice(b"\r\n");
    }
    std::fs::write(&path, data).unwrap();
    copy
}

/// An OEWS data row in BLS's layout: series id, year 2025, period A01, `value`, footnotes.
pub(crate) fn oews_row(series: &str, value: &str, footnotes: &str) -> Vec<u8> {
    format!("{series:<30}\t2025\tA01\t{value:>12}\t{footnotes}").into_bytes()
}

/// The figure of `measure` in a BLS estimate of the JSON output.
pub(crate) fn figure<'a>(estimate: &'a serde_json::Value, measure: &str) -> &'a serde_json::Value {
    estimate["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["measure"] == measure)
        .unwrap_or_else(|| panic!("no {measure} in {estimate}"))
}

/// Asserts no line of `text` is wider than `width` columns.
pub(crate) fn assert_fits(text: &str, width: usize) {
    for line in text.lines() {
        let w = unicode_width::UnicodeWidthStr::width(line);
        assert!(w <= width, "line of width {w} > {width}: {line:?}");
    }
}

/// The text a CommonMark (GitHub-flavoured) reader sees in `markdown`: text and code, cells
/// separated by ` | `, `<br>` as a newline. Markup other than headings, paragraphs, quotes,
/// lists, tables, code and `<br>` is a test failure: escaped text never becomes markup.
pub(crate) fn markdown_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut text = String::new();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(t) => text.push_str(&t),
            // Every backtick is escaped: no text becomes a code span.
            Event::Code(t) => panic!("a code span `{t}` in {markdown}"),
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

/// Writes a small workbook in the layout of BLS's `occupation.xlsx` to `path`: Table 1.2 and
/// Table 1.10 for all occupations and data scientists, with BLS's 2024-34 figures of them.
pub(crate) fn projections_workbook(path: &Path) {
    projections_workbook_with(path, None);
}

/// The same, with data scientists' 2024 employment (Table 1.2, row 4, column D) written as the
/// text given.
pub(crate) fn projections_workbook_with(path: &Path, employment_text: Option<&'static str>) {
    projections_workbook_of(path, employment_text, None);
}

/// The same, with a row for statisticians (15-2041, Table 1.2 row 5) whose 2024
/// employment (column D) is written as the text given, or whose code (column B) is, when
/// `code_text`.
#[cfg(feature = "embedded")]
pub(crate) fn projections_workbook_with_statisticians(
    path: &Path,
    employment_text: &'static str,
    code_text: Option<&'static str>,
) {
    projections_workbook_of(path, None, Some((employment_text, code_text)));
}

fn projections_workbook_of(
    path: &Path,
    employment_text: Option<&'static str>,
    statisticians: Option<(&'static str, Option<&'static str>)>,
) {
    #[derive(Clone)]
    enum V {
        T(&'static str),
        N(f64),
    }
    use V::{N, T};
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let table_1_2: (&str, &[&str]) = (
        "Table 1.2 Occupational projections, 2024–2034, and worker characteristics, 2024 (Employment in thousands)",
        &[
            "2024 National Employment Matrix title",
            "2024 National Employment Matrix code",
            "Occupation type",
            "Employment, 2024",
            "Employment, 2034",
            "Employment change, numeric, 2024–34",
            "Employment change, percent, 2024–34",
            "Percent self employed, 2024",
            "Occupational openings, 2024–34 annual average",
            "Median annual wage, dollars, 2024[1]",
            "Typical education needed for entry",
            "Work experience in a related occupation",
            "Typical on-the-job training needed to attain competency in the occupation",
        ],
    );
    let table_1_10: (&str, &[&str]) = (
        "Table 1.10 Occupational separations and openings, projected 2024–34 (Employment in thousands)",
        &[
            "2024 National Employment Matrix title",
            "2024 National Employment Matrix code",
            "Occupation type",
            "Labor force exits, 2024–34 annual average",
            "Occupational transfers, 2024–34 annual average",
        ],
    );
    let rows_1_2 = [
        vec![
            T("Total, all occupations"),
            T("00-0000"),
            T("Summary"),
            N(169_956.1),
            N(175_167.9),
            N(5211.8),
            N(3.1),
            N(5.8),
            N(18863.3),
            N(49500.0),
            T("—"),
            T("—"),
            T("—"),
        ],
        vec![
            T("Data scientists"),
            T("15-2051"),
            T("Line item"),
            employment_text.map_or(N(245.9), T),
            N(328.3),
            N(82.5),
            N(33.5),
            N(1.8),
            N(23.4),
            N(112_590.0),
            T("Bachelor's degree"),
            T("None"),
            T("None"),
        ],
    ];
    let mut rows_1_2 = rows_1_2.to_vec();
    // The rows are read as they are; the statisticians' figures are the test's own.
    if let Some((employment, code)) = statisticians {
        rows_1_2.push(vec![
            T("Statisticians"),
            T(code.unwrap_or("15-2041")),
            T("Line item"),
            T(employment),
            N(36.7),
            N(3.9),
            N(11.9),
            N(2.1),
            N(2.9),
            N(104_350.0),
            T("Master's degree"),
            T("None"),
            T("None"),
        ]);
    }
    let rows_1_10 = [
        vec![
            T("Total, all occupations"),
            T("00-0000"),
            T("Summary"),
            N(8155.0),
            N(10187.1),
        ],
        vec![
            T("Data scientists"),
            T("15-2051"),
            T("Line item"),
            N(5.8),
            N(9.3),
        ],
    ];
    for ((title, headers), rows) in [(table_1_2, &rows_1_2[..]), (table_1_10, &rows_1_10[..])] {
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, title).unwrap();
        for (c, h) in headers.iter().enumerate() {
            sheet.write_string(1, c as u16, *h).unwrap();
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let (r, c) = (r as u32 + 2, c as u16);
                match v {
                    T(t) => sheet.write_string(r, c, *t).map(drop),
                    N(n) => sheet.write_number(r, c, *n).map(drop),
                }
                .unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

/// The names of `match`'s inputs, as its JSON report gives them.
pub(crate) fn match_inputs(report: &serde_json::Value) -> Vec<&str> {
    report["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect()
}
