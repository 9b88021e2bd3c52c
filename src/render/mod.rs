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

use crate::model::credits::{Credited, CreditedSource};
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
    /// For each source whose rows a view tells from the others ([`Records::marking`]), the
    /// positions of the rows that show its figures, whose `attribution` cell carries its
    /// credit; a source not listed may be on every row.
    pub marked: Vec<(CreditedSource, Vec<usize>)>,
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
            marked: Vec::new(),
        }
    }

    /// Records whose rows of `source`'s figures are pushed with [`Records::push_showing`], so
    /// that only those carry its credit.
    #[must_use]
    pub fn marking(mut self, source: CreditedSource) -> Self {
        self.marks(source);
        self
    }

    /// Records whose rows of BLS figures are pushed with [`Records::push_official`], so that
    /// only those carry BLS's notice.
    #[must_use]
    pub fn marking_official(self) -> Self {
        self.marking(CreditedSource::Bls)
    }

    /// The marked rows of `source`, marking them from now on.
    fn marks(&mut self, source: CreditedSource) -> &mut Vec<usize> {
        let at = if let Some(at) = self.marked.iter().position(|(s, _)| *s == source) {
            at
        } else {
            self.marked.push((source, Vec::new()));
            self.marked.len() - 1
        };
        &mut self.marked[at].1
    }

    /// Marks the rows at `rows` as those that show `source`'s figures.
    pub fn mark_rows(&mut self, source: CreditedSource, rows: impl IntoIterator<Item = usize>) {
        let marks = self.marks(source);
        marks.extend(rows);
        marks.sort_unstable();
        marks.dedup();
    }

    /// Whether the row at `row` may show `source`'s figures.
    fn shows(&self, row: usize, source: CreditedSource) -> bool {
        self.marked
            .iter()
            .find(|(s, _)| *s == source)
            .is_none_or(|(_, rows)| rows.binary_search(&row).is_ok())
    }

    /// The records with their `id` column first, before `rank`: every command's plain lines
    /// start with the id alone (`cut -f1`).
    #[must_use]
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

    /// Pushes a row that shows BLS figures.
    pub fn push_official<I, S>(&mut self, row: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.push_showing(CreditedSource::Bls, row);
    }

    /// Pushes a row that shows `source`'s figures, if any.
    pub fn push_from<I, S>(&mut self, source: Option<CreditedSource>, row: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        match source {
            Some(source) => self.push_showing(source, row),
            None => self.push(row),
        }
    }

    /// Pushes a row that shows `source`'s figures.
    pub fn push_showing<I, S>(&mut self, source: CreditedSource, row: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let at = self.rows.len();
        self.marks(source).push(at);
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

/// What a command returns: a value that serializes to JSON and lays itself out for people. Its
/// credits ([`Credited::credits`], worked out from its facts beside its type) are the notices
/// the renderer adds to every format: a closing note for people, an `attribution` column in
/// CSV; JSON carries them as fields of the report.
pub trait Report: Serialize + Credited {
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

    /// Whether the CSV has an `attribution` column: `Some(true)` whatever the data in use, for
    /// the reports that can show a credited source's data, so that their header is the same
    /// with and without it (the column is empty where nothing needs one); `None` when the
    /// report has credits; `Some(false)` never, for an account that shows none of a source's
    /// figures in its records (an import's).
    fn attribution_column(&self) -> Option<bool> {
        None
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

/// The report's document with its credits, each once: where the document places one (after
/// the section of its source's release, as `sources` does), else closing it, BLS's notice
/// before O*NET's attribution.
fn attributed_document<R: Report>(report: &R) -> Document {
    let mut doc = report.document();
    let credits = report.credits();
    let mut places = std::mem::take(&mut doc.credit_places);
    places.retain(|(source, _)| credits.of(*source).is_some());
    // The first place of each source, the latest first so that the earlier ones stay put.
    places.sort_by_key(|&(source, at)| (source, at));
    places.dedup_by_key(|(source, _)| *source);
    places.sort_by_key(|&(_, at)| std::cmp::Reverse(at));
    for &(source, at) in &places {
        if let Some(text) = credits.of(source) {
            doc.blocks.insert(at, Block::Note(text.to_owned()));
        }
    }
    for credit in credits.iter() {
        if !places.iter().any(|(source, _)| *source == credit.source) {
            doc.note(credit.text);
        }
    }
    doc
}

/// The report's records with an `attribution` column: on each row the credits of the sources
/// it shows, BLS's notice on the rows of BLS figures and O*NET's attribution on those of O*NET
/// data (every row, for a source the view does not mark rows of).
fn attributed_records<R: Report>(report: &R) -> Records {
    let mut records = report.records();
    let credits = report.credits();
    if report.attribution_column().unwrap_or(!credits.is_empty()) {
        let cells: Vec<String> = (0..records.rows.len())
            .map(|i| {
                let shown = credits.iter().filter(|c| records.shows(i, c.source));
                shown.map(|c| c.text).collect::<Vec<_>>().join(" ")
            })
            .collect();
        records.headers.push("attribution".into());
        for (row, cell) in records.rows.iter_mut().zip(cells) {
            row.push(cell);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::credits::Credits;

    /// A report of two rows, the first of BLS figures and the second of O*NET data, whose
    /// document places BLS's notice after its first paragraph.
    #[derive(Serialize)]
    struct TwoSources;

    impl Credited for TwoSources {
        fn credits(&self) -> Credits<'_> {
            Credits::none()
                .onet(Some("O*NET words"))
                .bls(Some("BLS words"))
        }
    }

    impl Report for TwoSources {
        fn document(&self) -> Document {
            let mut doc = Document::default();
            doc.paragraph("wages");
            doc.credit_here(CreditedSource::Bls);
            doc.paragraph("tasks");
            doc
        }

        fn records(&self) -> Records {
            let mut records = Records::new(["id"])
                .marking(CreditedSource::Bls)
                .marking(CreditedSource::Onet);
            records.push_showing(CreditedSource::Bls, ["a"]);
            records.push_showing(CreditedSource::Onet, ["b"]);
            records.push(["c"]);
            records
        }
    }

    #[test]
    fn the_document_carries_each_credit_once_where_placed_else_last() {
        let doc = attributed_document(&TwoSources);
        assert_eq!(
            doc.blocks,
            [
                Block::Paragraph("wages".into()),
                Block::Note("BLS words".into()),
                Block::Paragraph("tasks".into()),
                Block::Note("O*NET words".into()),
            ]
        );
    }

    #[test]
    fn each_record_carries_the_credits_of_the_sources_it_shows() {
        let records = attributed_records(&TwoSources);
        assert_eq!(records.headers, ["id", "attribution"]);
        assert_eq!(
            records.rows,
            [["a", "BLS words"], ["b", "O*NET words"], ["c", ""]]
        );
    }
}
