//! Draws a [`Document`] as GitHub-flavoured Markdown: a heading per section, tables whose pipes
//! are escaped and whose cells of several lines are joined into one (no HTML). All text is CommonMark-escaped: a `*` or a `<b>` in a
//! profile shows as itself. Never any colour.

use std::io::{self, Write};

use super::document::{Block, Document};
use super::sanitize::{MarkdownPlace, markdown_inline, sanitize};

pub(super) fn write(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    let mut first = true;
    for block in &doc.blocks {
        if !first {
            writeln!(out)?;
        }
        first = false;
        match block {
            Block::Heading { level, text } => {
                let level = usize::from((*level).clamp(1, 6));
                writeln!(out, "{} {}", "#".repeat(level), inline(text))?;
            }
            Block::Paragraph(text) => writeln!(out, "{}", inline(text))?,
            Block::Note(text) => writeln!(out, "> {}", inline(text))?,
            Block::Code(text) => {
                writeln!(out, "```\n{}\n```", sanitize(text).replace("```", "` ` `"))?;
            }
            Block::List(items) => {
                for item in items {
                    writeln!(out, "- {}", inline(item))?;
                }
            }
            Block::Fields(fields) => {
                row(
                    out,
                    ["Field", "Value"]
                        .iter()
                        .map(std::string::ToString::to_string),
                )?;
                separator(out, 2)?;
                for (label, value) in fields {
                    row(out, [label.clone(), value.clone()].into_iter())?;
                }
            }
            Block::Table(table) => {
                row(out, table.headers.iter().cloned())?;
                separator(out, table.headers.len())?;
                for cells in &table.rows {
                    let mut texts: Vec<String> = cells.iter().map(|c| c.text.clone()).collect();
                    texts.resize(table.headers.len(), String::new());
                    row(out, texts.into_iter())?;
                }
            }
            Block::Chart(chart) => {
                writeln!(out, "**{}**", inline(&chart.title))?;
                writeln!(out)?;
                row(
                    out,
                    ["Band", "Figure"]
                        .iter()
                        .map(std::string::ToString::to_string),
                )?;
                separator(out, 2)?;
                for bar in &chart.bars {
                    row(out, [bar.label.clone(), bar.value.clone()].into_iter())?;
                }
            }
        }
    }
    Ok(())
}

/// Text outside tables: one line, escaped so that it reads as text, never as markup.
fn inline(text: &str) -> String {
    markdown_inline(
        &text.replace("\r\n", " ").replace('\n', " "),
        MarkdownPlace::Line,
    )
}

/// Escapes a table cell: markup and pipes. A cell of several lines (a list, one item a line)
/// becomes one line, its items joined with `; `: a `<br>` is HTML, which renderers in safe mode
/// drop or show as text.
pub(super) fn escape_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let lines = text
        .split('\n')
        .map(|line| line.trim().trim_start_matches("• "))
        .filter(|line| !line.is_empty());
    for line in lines {
        if !out.is_empty() {
            // A line that ends a sentence or a clause needs only a space after it.
            let ends_clause = out.ends_with(['.', ';', ':', ',', '!', '?']);
            out.push_str(if ends_clause { " " } else { "; " });
        }
        out.push_str(&markdown_inline(line, MarkdownPlace::Cell));
    }
    out
}

fn row(out: &mut dyn Write, cells: impl Iterator<Item = String>) -> io::Result<()> {
    let cells: Vec<String> = cells.map(|c| escape_cell(&c)).collect();
    writeln!(out, "| {} |", cells.join(" | "))
}

fn separator(out: &mut dyn Write, n: usize) -> io::Result<()> {
    writeln!(out, "|{}", " --- |".repeat(n.max(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_pipes_and_newlines() {
        assert_eq!(escape_cell("a|b\r\nc"), "a\\|b; c");
        assert_eq!(escape_cell("One.\nTwo"), "One. Two");
        assert_eq!(escape_cell("• one\n• two\n"), "one; two");
        assert_eq!(escape_cell("\u{1b}[1m"), "\\\\u{1b}\\[1m");
    }
}
