//! Writes a report for grep, cut and awk: its [`Records`] one line each, fields separated by a
//! tab, without the header row or the `attribution` column (the notices go to stderr), a tab in
//! a value turned into a space and its lines joined with `; `, so that every line of a command
//! has the same fields whatever the data.
//!
//! The few reports that are one text (a schema, a path) draw their [`Document`] instead: one
//! line per record, fields separated by a tab, no box drawing, no wrapping. A table is its
//! header line then one line per row; label/value
//! fields are `label<TAB>value` lines; list items are `- item` lines; headings stand on their
//! own line after a blank one. A cell of several lines becomes one field, its lines joined with
//! `; ` (a leading bullet dropped), so every record stays on one line whatever its text.

use std::io::{self, Write};

use anstyle::{AnsiColor, Effects, Style as Ansi};

use super::Records;
use super::document::{Block, Cell, Document, Tone};
use super::sanitize::sanitize;
use super::terminal::{paint, tone_style};

pub(super) fn write(doc: &Document, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let strong = Ansi::new().effects(Effects::BOLD);
    for (n, block) in doc.blocks.iter().enumerate() {
        match block {
            Block::Heading { level, text } => {
                if n > 0 {
                    writeln!(out)?;
                }
                let ansi = match level {
                    1 => strong.fg_color(Some(AnsiColor::Cyan.into())),
                    2 => strong,
                    _ => Ansi::new().effects(Effects::UNDERLINE),
                };
                writeln!(out, "{}", paint(&one_line(text), ansi, color))?;
            }
            Block::Paragraph(text) | Block::Code(text) => {
                for line in sanitize(text).lines() {
                    writeln!(out, "{line}")?;
                }
            }
            Block::Note(text) => {
                let dim = Ansi::new().effects(Effects::DIMMED);
                for line in sanitize(text).lines() {
                    writeln!(out, "{}", paint(line, dim, color))?;
                }
            }
            Block::List(items) => {
                for item in items {
                    writeln!(out, "- {}", one_line(item))?;
                }
            }
            Block::Fields(fields) => {
                for (label, value) in fields {
                    let label = paint(&one_line(label), strong, color);
                    writeln!(out, "{label}\t{}", one_line(value))?;
                }
            }
            Block::Table(table) => {
                let header: Vec<String> = table.headers.iter().map(|h| one_line(h)).collect();
                writeln!(out, "{}", paint(&header.join("\t"), strong, color))?;
                for row in &table.rows {
                    let cells: Vec<String> = row.iter().map(|c| cell(c, color)).collect();
                    writeln!(out, "{}", cells.join("\t"))?;
                }
            }
            Block::Chart(chart) => {
                writeln!(out, "{}", one_line(&chart.title))?;
                for bar in &chart.bars {
                    writeln!(out, "{}\t{}", one_line(&bar.label), one_line(&bar.value))?;
                }
            }
        }
    }
    Ok(())
}

/// Writes `records` without their header or `attribution` column, one line each.
pub(super) fn write_records(records: &Records, out: &mut dyn Write) -> io::Result<()> {
    let shown: Vec<usize> = (0..records.headers.len())
        .filter(|&i| records.headers[i] != "attribution")
        .collect();
    for row in &records.rows {
        let fields: Vec<String> = shown
            .iter()
            .map(|&i| row.get(i).map_or_else(String::new, |v| one_line(v)))
            .collect();
        writeln!(out, "{}", fields.join("\t"))?;
    }
    Ok(())
}

/// The text on one line: sanitized (a tab becomes a space, so it cannot split a field), its
/// lines joined with `; `, a bullet that starts a line dropped.
fn one_line(text: &str) -> String {
    let text = sanitize(text);
    let mut out = String::with_capacity(text.len());
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(line.strip_prefix("• ").unwrap_or(line));
    }
    out
}

fn cell(c: &Cell, color: bool) -> String {
    let text = one_line(&c.text);
    if c.tone == Tone::Plain {
        return text;
    }
    paint(&text, tone_style(c.tone), color)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::document::Table;

    fn render(doc: &Document) -> String {
        let mut out = Vec::new();
        write(doc, false, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_table_is_a_header_line_then_one_tab_separated_line_per_row() {
        let mut table = Table::new(["Role", "Summary"]);
        table.row(["ml-engineer\nMachine Learning Engineer", "Builds\tmodels"]);
        table.row(["data-engineer", "• Pipelines\n• Warehouses"]);
        let mut doc = Document::default();
        doc.heading(1, "Roles").table(table).heading(2, "Notes");
        doc.list(["one\ntwo"]);
        doc.fields(vec![("Source".into(), "bundled".into())]);
        assert_eq!(
            render(&doc),
            "Roles\nRole\tSummary\nml-engineer; Machine Learning Engineer\tBuilds models\n\
             data-engineer\tPipelines; Warehouses\n\nNotes\n- one; two\nSource\tbundled\n"
        );
    }

    #[test]
    fn records_are_lines_of_tab_separated_fields_without_header_or_attribution() {
        let mut records = Records::new(["id", "attribution", "summary", "count"]);
        records.push(["ml-engineer", "O*NET", "Builds\tmodels\nand more", "87350"]);
        records.push(["data-engineer", "", "", "7"]);
        let mut out = Vec::new();
        write_records(&records, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "ml-engineer\tBuilds models; and more\t87350\ndata-engineer\t\t7\n"
        );
    }

    #[test]
    fn escape_sequences_in_text_are_shown_not_sent() {
        let mut doc = Document::default();
        doc.paragraph("red \u{1b}[31m text");
        assert_eq!(render(&doc), "red \\u{1b}[31m text\n");
    }
}
