//! Draws a [`Document`] for a terminal: tables fitted to the width ([`table`]), wrapped text,
//! colour only when enabled. Every piece of text passes through [`sanitize`] first.

use std::io::{self, Write};

use anstyle::{AnsiColor, Effects, Style as Ansi};

use super::document::{Block, Document, Tone};
use super::sanitize::sanitize;
use super::{Style, chart, table};

pub(super) fn write(doc: &Document, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let mut first = true;
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                if !first {
                    writeln!(out)?;
                }
                let ansi = match level {
                    1 => Ansi::new()
                        .effects(Effects::BOLD)
                        .fg_color(Some(AnsiColor::Cyan.into())),
                    2 => Ansi::new().effects(Effects::BOLD),
                    _ => Ansi::new().effects(Effects::UNDERLINE),
                };
                for line in wrap(text, style.width, "", "") {
                    writeln!(out, "{}", paint(&line, ansi, style.color))?;
                }
            }
            Block::Paragraph(text) => {
                for line in wrap(text, style.width, "", "") {
                    writeln!(out, "{line}")?;
                }
            }
            Block::Note(text) => {
                let dim = Ansi::new().effects(Effects::DIMMED);
                for line in wrap(text, style.width, "", "") {
                    writeln!(out, "{}", paint(&line, dim, style.color))?;
                }
            }
            Block::List(items) => {
                for item in items {
                    for line in wrap(item, style.width, "• ", "  ") {
                        writeln!(out, "{line}")?;
                    }
                }
            }
            Block::Fields(fields) => table::write_fields(fields, style, out)?,
            Block::Table(t) => table::write_table(t, style, out)?,
            Block::Chart(c) => chart::write(c, style, out)?,
            Block::Code(text) => {
                for line in sanitize(text).lines() {
                    writeln!(out, "{line}")?;
                }
            }
        }
        first = false;
    }
    Ok(())
}

/// The style of a cell's tone.
pub(super) fn tone_style(tone: Tone) -> Ansi {
    match tone {
        Tone::Plain => Ansi::new(),
        Tone::Strong => Ansi::new().effects(Effects::BOLD),
        Tone::Muted => Ansi::new().effects(Effects::DIMMED),
        Tone::Good => Ansi::new().fg_color(Some(AnsiColor::BrightGreen.into())),
        Tone::Warn => Ansi::new().fg_color(Some(AnsiColor::BrightYellow.into())),
        Tone::Series(i) => series_style(i),
    }
}

/// Distinct colours for up to five series (compared roles).
pub(super) fn series_style(i: u8) -> Ansi {
    let color = match i % 5 {
        0 => AnsiColor::BrightCyan,
        1 => AnsiColor::BrightMagenta,
        2 => AnsiColor::BrightYellow,
        3 => AnsiColor::BrightBlue,
        _ => AnsiColor::BrightRed,
    };
    Ansi::new().fg_color(Some(color.into()))
}

/// Wraps sanitized text to `width` columns with the given first-line and continuation prefixes.
/// Hyphenated words (role ids such as `data-engineering-team-lead`) stay whole unless they are
/// longer than a line.
pub(super) fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    super::wrap::wrap(&sanitize(text), width, first, rest)
}

pub(super) fn paint(text: &str, ansi: Ansi, color: bool) -> String {
    if color {
        format!("{}{text}{}", ansi.render(), ansi.render_reset())
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::document::Table;

    /// A document with one word of `n` characters in a title, a field, a list and a table.
    fn long_word_document(n: usize) -> Document {
        let word = "x".repeat(n);
        let mut doc = Document::default();
        doc.heading(1, word.clone());
        doc.fields(vec![("Title".into(), word.clone())]);
        doc.list([word.clone()]);
        let mut table = Table::new(["Role", "Summary", "Data"]).wide(1);
        table.row([word.as_str(), "A summary of a few words.", "skills"]);
        table.row(["ml-engineer", word.as_str(), "skills"]);
        doc.table(table);
        doc
    }

    #[test]
    fn a_word_of_320_000_characters_renders_in_linear_time() {
        let doc = long_word_document(320_000);
        let style = Style {
            width: 80,
            color: false,
        };
        let mut text = Vec::new();
        let start = std::time::Instant::now();
        write(&doc, style, &mut text).unwrap();
        let elapsed = start.elapsed();
        let text = String::from_utf8(text).unwrap();
        // Every character is drawn, broken over lines that fit the width.
        assert_eq!(text.matches('x').count(), 5 * 320_000);
        assert!(text.lines().all(|l| l.chars().count() <= 80));
        // Linear work is a few million steps (well under a second even in a debug build on a
        // busy machine); a layout quadratic in the word would need some 10^11 and take minutes.
        assert!(elapsed.as_secs() < 10, "{elapsed:?}");
    }
}
