//! The only place that knows about tables, JSON, CSV, Markdown, colour and width. Commands hand
//! over a [`Report`]; [`emit`] writes it in the chosen format.

mod chart;
mod csv_out;
pub mod document;
mod grid;
mod markdown;
pub mod pager;
mod plain;
pub mod progress;
pub mod sanitize;
mod table;
mod terminal;
mod wrap;

use std::io::Write;

use serde::Serialize;

pub use document::{Bar, Block, Cell, Chart, ColumnKind, Document, Table, Tone};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Boxed tables for people, fitted to the terminal (the default on a terminal)
    Table,
    /// One line per record, fields separated by a tab, a fixed set of columns per command and
    /// no header: the CSV records without their header, for grep, cut and awk (the default
    /// when stdout is not a terminal); notes and notices go to stderr
    Plain,
    /// JSON for scripts: stable field names, numbers as numbers
    Json,
    /// CSV (RFC 4180) with a header row, one row per record
    Csv,
    /// GitHub-flavoured Markdown, ready to paste
    Markdown,
}

/// Flat rows for CSV: a header and one row per record.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Records {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The positions of the rows that show BLS OEWS figures, whose `attribution` cell carries
    /// BLS's notice, in a view that tells them from the others ([`Records::marking_official`]);
    /// `None`: every row may.
    pub official: Option<Vec<usize>>,
}

impl Records {
    pub fn new<I, S>(headers: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Records {
            headers: headers.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
            official: None,
        }
    }

    /// Records whose rows of BLS OEWS figures are pushed with [`Records::push_official`], so
    /// that only those carry BLS's notice.
    pub fn marking_official(mut self) -> Self {
        self.official = Some(Vec::new());
        self
    }

    /// The records with their `id` column first, before `rank`: every command's plain lines
    /// start with the id alone (`cut -f1`).
    pub fn id_first(mut self) -> Self {
        if let Some(at) = self.headers.iter().position(|h| h == "id") {
            self.headers[..=at].rotate_right(1);
            for row in &mut self.rows {
                if row.len() > at {
                    row[..=at].rotate_right(1);
                }
            }
        }
        self
    }

    /// Pushes a row that shows BLS OEWS figures.
    pub fn push_official<I, S>(&mut self, row: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let at = self.rows.len();
        self.official.get_or_insert_with(Vec::new).push(at);
        self.push(row);
    }

    pub fn push<I, S>(&mut self, row: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.rows.push(row.into_iter().map(Into::into).collect());
    }
}

/// What a command returns: a value that serializes to JSON and lays itself out for people.
pub trait Report: Serialize {
    /// The report for people (table and Markdown formats).
    fn document(&self) -> Document;

    /// The report as flat records (CSV, and plain without the header): one typed record per
    /// row, the id first, numbers raw. By default the document's values, one a record
    /// ([`sectioned_records`]), for the reports that are an account rather than data.
    fn records(&self) -> Records {
        sectioned_records("", &self.document())
    }

    /// What the plain look writes to stderr besides the document's notes: a summary that the
    /// document shows as text of its own (`validate`'s count of files and problems).
    fn plain_footer(&self) -> Vec<String> {
        Vec::new()
    }

    /// Whether the plain look is the report's records (true) or its document drawn line by
    /// line, for the few outputs that are one text rather than records: a schema, the path of
    /// a file just written, an import's account.
    fn plain_records(&self) -> bool {
        true
    }

    /// The attribution a licence asks this output to carry (O*NET's CC BY 4.0), if any. The
    /// renderers add it to every format: a closing note for people, a column in CSV; JSON
    /// carries it as a field of the report.
    fn attribution(&self) -> Option<&str> {
        None
    }

    /// The notice BLS asks every output of its OEWS figures to carry, when the report shows
    /// some. The renderers add it once, like the attribution.
    fn official_notice(&self) -> Option<&str> {
        None
    }

    /// Whether the CSV has an `attribution` column whatever the data in use: true for the
    /// reports that can show a licensed source's data, so that their header is the same with
    /// and without it (the column is empty where nothing needs one).
    fn attribution_column(&self) -> bool {
        false
    }

    /// What a person may do next, for stderr: kept off stdout so that a script reads only the
    /// report (`$EDITOR "$(careers new ID ...)"`).
    fn hints(&self) -> Vec<String> {
        Vec::new()
    }

    /// The version of the JSON layout the report follows, written first in its object as
    /// `format_version`; `None` for JSON that is a document of another standard (the JSON
    /// Schema of `careers schema`).
    fn json_version(&self) -> Option<u32> {
        Some(JSON_FORMAT_VERSION)
    }
}

/// The version of the JSON every command writes, raised when a field changes meaning or goes
/// away (a new field does not raise it).
pub const JSON_FORMAT_VERSION: u32 = 4;

/// A report's JSON with its format version first.
#[derive(Serialize)]
struct Versioned<'a, R> {
    format_version: u32,
    #[serde(flatten)]
    report: &'a R,
}

/// How to draw: width of the terminal and whether colour is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub width: usize,
    pub color: bool,
}

/// The narrowest width the table renderer lays out for.
pub const MIN_WIDTH: usize = 40;
/// The width when neither `COLUMNS` nor the terminal says.
pub const DEFAULT_WIDTH: usize = 100;

impl Style {
    /// `COLUMNS` if set to a number, else the terminal's width, else [`DEFAULT_WIDTH`]; never
    /// below [`MIN_WIDTH`].
    pub fn detect_width(columns: Option<&str>) -> usize {
        let width = columns
            .and_then(|c| c.trim().parse::<usize>().ok())
            .filter(|&w| w > 0)
            .or_else(|| {
                terminal_size::terminal_size_of(std::io::stdout())
                    .map(|(terminal_size::Width(w), _)| usize::from(w))
            })
            .unwrap_or(DEFAULT_WIDTH);
        width.clamp(MIN_WIDTH, u16::MAX as usize)
    }
}

/// The height of the terminal on stdout, when stdout is one.
pub fn screen_rows() -> Option<usize> {
    terminal_size::terminal_size_of(std::io::stdout())
        .map(|(_, terminal_size::Height(h))| usize::from(h))
}

impl Format {
    /// Whether output in this format may carry colour: only the looks drawn for a terminal.
    pub fn takes_colour(self) -> bool {
        matches!(self, Format::Table)
    }
}

/// Writes `report` to `out` in `format`. Returns the lines that belong on stderr: in plain
/// records, the document's notes (counts, sources, notices), which would break a script's
/// reading of stdout but that a person still wants to see.
pub fn emit<R: Report>(
    report: &R,
    format: Format,
    style: Style,
    out: &mut dyn Write,
) -> std::io::Result<Vec<String>> {
    if format == Format::Plain && report.plain_records() {
        let records = report.records();
        plain::write_records(&records, out)?;
        return Ok(plain_notes(report, &records));
    }
    match format {
        Format::Json => {
            match report.json_version() {
                Some(format_version) => sanitize::write_json(
                    &mut *out,
                    &Versioned {
                        format_version,
                        report,
                    },
                )?,
                None => sanitize::write_json(&mut *out, report)?,
            }
            writeln!(out)
        }
        Format::Table => terminal::write(&attributed_document(report), style, out),
        Format::Plain => plain::write(&attributed_document(report), style.color, out),
        Format::Markdown => markdown::write(&attributed_document(report), out),
        Format::Csv => csv_out::write(&attributed_records(report), out),
    }
    .map(|()| Vec::new())
}

/// The notes of the report's document, each once and in order, its notices among them, and
/// its paragraphs that no record holds (a count, why nothing matched).
fn plain_notes<R: Report>(report: &R, records: &Records) -> Vec<String> {
    let held = |text: &str| records.rows.iter().any(|r| r.iter().any(|c| c == text));
    let mut notes: Vec<String> = Vec::new();
    for block in attributed_document(report).blocks {
        let text = match block {
            Block::Note(note) => note,
            Block::Paragraph(text) if !held(&text) => text,
            _ => continue,
        };
        if !notes.contains(&text) {
            notes.push(text);
        }
    }
    notes.extend(report.plain_footer());
    notes
}

/// Writes a generated file (a completion script, a man page) exactly as it is. Its text comes
/// from the command-line definition and slug ids, not from free profile text.
pub fn write_verbatim(bytes: &[u8], out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(bytes)
}

/// The notices an output of `report` carries, once each: BLS's for its figures, then O*NET's
/// attribution.
fn notices<R: Report>(report: &R) -> Vec<&str> {
    [report.official_notice(), report.attribution()]
        .into_iter()
        .flatten()
        .collect()
}

/// The report's document, closing with each notice it does not already show.
fn attributed_document<R: Report>(report: &R) -> Document {
    let mut doc = report.document();
    for notice in notices(report) {
        let shown = doc
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Note(n) if n == notice));
        if !shown {
            doc.note(notice);
        }
    }
    doc
}

/// The report's records with an `attribution` column, unless they already have one: on each
/// row the notices of the sources it shows, BLS's on the rows of BLS figures (every row, for a
/// report that does not mark them), then O*NET's attribution.
fn attributed_records<R: Report>(report: &R) -> Records {
    let mut records = report.records();
    let (notice, attribution) = (report.official_notice(), report.attribution());
    if (notice.is_some() || attribution.is_some() || report.attribution_column())
        && !records.headers.iter().any(|h| h == "attribution")
    {
        records.headers.push("attribution".into());
        for (i, row) in records.rows.iter_mut().enumerate() {
            let shows_bls = records
                .official
                .as_ref()
                .is_none_or(|rows| rows.binary_search(&i).is_ok());
            let bls = notice.filter(|_| shows_bls);
            let cell: Vec<&str> = [bls, attribution].into_iter().flatten().collect();
            row.push(cell.join(" "));
        }
    }
    records
}

/// The records of a document that is one subject's sections (`show`, `sources`): `id` (the
/// subject's), `section` (the heading it is under), `field` (a field's label, a table row's
/// first cell), `column_name` (the header of the table column the value is in) and `value`: a record per field,
/// paragraph, list item, table cell and line of a cell, so that every value stands alone. A table's figures are
/// raw numbers (`139500`, not `$139,500`), and a cell that gives its value as typed fields (a pay
/// band's `low` and `high`) is a record per field, named in `column_name`; notes and the title
/// are left out.
pub fn sectioned_records(id: &str, doc: &Document) -> Records {
    let mut records = Records::new(["id", "section", "field", "column_name", "value"]);
    let mut section = String::new();
    // A value of several lines (a list in a cell) is a record per line.
    let push = |records: &mut Records, section: &str, field: &str, column: &str, value: &str| {
        let lines = value.lines().map(str::trim).filter(|l| !l.is_empty());
        for line in lines {
            let line = line.strip_prefix("• ").unwrap_or(line);
            records.push([id, section, field, column, line]);
        }
    };
    for block in &doc.blocks {
        match block {
            Block::Heading { level: 1, .. } => {}
            Block::Heading { text, .. } => section.clone_from(text),
            Block::Paragraph(text) => push(&mut records, &section, "", "", text),
            Block::Fields(fields) => {
                for (label, value) in fields {
                    push(&mut records, &section, label, "", value);
                }
            }
            Block::Table(table) => {
                for row in &table.rows {
                    let field = row.first().map_or("", |c| c.text.as_str());
                    for (i, (header, cell)) in table.headers.iter().zip(row).enumerate().skip(1) {
                        // A value given as typed fields is a record per field.
                        if !cell.typed.is_empty() {
                            for (name, value) in &cell.typed {
                                records.push([id, section.as_str(), field, name, value.as_str()]);
                            }
                            continue;
                        }
                        // A table shows `-` where it has no value: a record has none.
                        if cell.text.is_empty() || cell.text == "-" {
                            continue;
                        }
                        let number = cell.holds.unwrap_or(table.kind(i)) == ColumnKind::Number;
                        let value = raw_number(&cell.text).filter(|_| number);
                        let value = value.as_deref().unwrap_or(&cell.text);
                        push(&mut records, &section, field, header, value);
                    }
                }
            }
            Block::List(items) => {
                for item in items {
                    push(&mut records, &section, "", "", item);
                }
            }
            Block::Chart(chart) => {
                for bar in &chart.bars {
                    push(&mut records, &chart.title, &bar.label, "", &bar.value);
                }
            }
            Block::Note(_) | Block::Code(_) => {}
        }
    }
    records
}

/// A figure as a raw number: `$139,500` is `139500`, `4,011` is `4011`, `7.5%` is `7.5`;
/// `None` for anything else.
fn raw_number(text: &str) -> Option<String> {
    let t = text.trim();
    let t = t.strip_prefix('$').unwrap_or(t);
    let t = t.strip_suffix('%').unwrap_or(t);
    let t: String = t.chars().filter(|&c| c != ',').collect();
    t.parse::<f64>().ok().map(|_| t)
}
