//! Draws a [`Document`] for a terminal: comfy-table tables fitted to the width, wrapped text,
//! colour only when enabled. Every piece of text passes through [`sanitize`] first.

use std::io::{self, Write};

use anstyle::{AnsiColor, Effects, Style as Ansi};
use comfy_table::{Attribute, Cell as TableCell, Color, ContentArrangement, Table, presets};

use super::document::{Block, Cell, Document, Tone};
use super::sanitize::sanitize;
use super::{Style, chart};

pub fn write(doc: &Document, style: Style, out: &mut dyn Write) -> io::Result<()> {
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
            Block::Fields(fields) => {
                let mut table = new_table(style);
                table.load_style(presets::NOTHING);
                for (label, value) in fields {
                    let label = TableCell::new(sanitize(label));
                    let label = if style.color {
                        label.add_attribute(Attribute::Bold)
                    } else {
                        label
                    };
                    table.add_row(vec![label, TableCell::new(sanitize(value))]);
                }
                if let Some(col) = table.column_mut(0) {
                    col.set_padding((0, 1));
                }
                write_table(&table, out)?;
            }
            Block::Table(t) if stacks(t, style.width) => write_stacked(t, style, out)?,
            Block::Table(t) => write_table(&fitted_table(t, style), out)?,
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

/// The first column holds labels (ids, names): keep them on one line when they fit in a third of
/// the width, so `data-engineering-manager` is never split mid-word.
fn keep_labels_whole(table: &mut Table, t: &super::document::Table, width: usize) {
    let longest = t
        .rows
        .iter()
        .filter_map(|r| r.first())
        .flat_map(|c| c.text.lines())
        .map(unicode_width::UnicodeWidthStr::width)
        .chain(
            t.headers
                .first()
                .map(|h| unicode_width::UnicodeWidthStr::width(h.as_str())),
        )
        .max()
        .unwrap_or(0);
    if t.headers.len() > 1
        && longest + 3 <= width / 3
        && let Some(col) = table.column_mut(0)
    {
        col.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
    }
}

/// Gives each column at least the width of its longest word (up to a cap), when all of them fit,
/// so that words wrap between, not within, themselves.
fn keep_words_whole(table: &mut Table, t: &super::document::Table, width: usize) {
    const CAP: usize = 32;
    let n = t.headers.len();
    let mut longest = vec![0usize; n];
    for row in std::iter::once(t.headers.iter().map(String::as_str).collect::<Vec<_>>()).chain(
        t.rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.as_str()).collect()),
    ) {
        for (i, text) in row.iter().enumerate().take(n) {
            let word = text
                .split_whitespace()
                .map(unicode_width::UnicodeWidthStr::width)
                .max()
                .unwrap_or(0);
            longest[i] = longest[i].max(word.min(CAP));
        }
    }
    let total: usize = longest.iter().map(|w| w + 3).sum::<usize>() + 1;
    if total > width {
        return;
    }
    for (i, w) in longest.into_iter().enumerate() {
        if let Some(col) = table.column_mut(i) {
            col.set_constraint(comfy_table::ColumnConstraint::LowerBoundary(
                comfy_table::Width::Fixed(u16::try_from(w + 2).unwrap_or(u16::MAX)),
            ));
        }
    }
}

/// Below this many columns per table column, a table is drawn as stacked records instead.
const MIN_COLUMN_WIDTH: usize = 14;

fn stacks(t: &super::document::Table, width: usize) -> bool {
    t.headers.len() > 2 && width / t.headers.len() < MIN_COLUMN_WIDTH
}

/// A table too wide for the terminal: each row becomes its first cell on a line of its own and
/// the other cells as `Header: value` lines under it.
fn write_stacked(t: &super::document::Table, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let strong = Ansi::new().effects(Effects::BOLD);
    for (n, row) in t.rows.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let mut cells = t.headers.iter().zip(row);
        if let Some((header, first)) = cells.next() {
            for line in wrap(&format!("{header}: {}", first.text), style.width, "", "  ") {
                writeln!(out, "{}", paint(&line, strong, style.color))?;
            }
        }
        for (header, c) in cells {
            if c.text.is_empty() {
                continue;
            }
            let mut lines = c.text.lines();
            let first = lines.next().unwrap_or_default();
            for line in wrap(&format!("{header}: {first}"), style.width, "  ", "    ") {
                writeln!(out, "{line}")?;
            }
            for more in lines {
                for line in wrap(more, style.width, "    ", "    ") {
                    writeln!(out, "{line}")?;
                }
            }
        }
    }
    Ok(())
}

/// Lays out a table with as many of the layout hints as fit the width: whole words, whole
/// labels, room for the main text column. Hints that would push the table past the width are
/// dropped, whole words last.
fn fitted_table(t: &super::document::Table, style: Style) -> Table {
    let t = &without_empty_columns(t);
    let build = |hints: u8| {
        let mut table = new_table(style);
        table.load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners());
        table.set_header(
            t.headers
                .iter()
                .map(|h| {
                    let cell = TableCell::new(sanitize(h));
                    if style.color {
                        cell.add_attribute(Attribute::Bold)
                    } else {
                        cell
                    }
                })
                .collect::<Vec<_>>(),
        );
        for row in &t.rows {
            table.add_row(row.iter().map(|c| cell(c, style.color)).collect::<Vec<_>>());
        }
        if hints & WORDS != 0 {
            keep_words_whole(&mut table, t, style.width);
        }
        if hints & LABELS != 0 {
            keep_labels_whole(&mut table, t, style.width);
        }
        if hints & WIDE != 0
            && let Some(col) = t.wide_column.and_then(|i| table.column_mut(i))
        {
            col.set_constraint(comfy_table::ColumnConstraint::LowerBoundary(
                comfy_table::Width::Percentage(35),
            ));
        }
        table
    };
    const WORDS: u8 = 1;
    const LABELS: u8 = 2;
    const WIDE: u8 = 4;
    for hints in [
        WORDS | LABELS | WIDE,
        WORDS | WIDE,
        WORDS | LABELS,
        WORDS,
        LABELS | WIDE,
        LABELS,
    ] {
        let table = build(hints);
        let fits = table
            .lines()
            .all(|l| visible_width(l.trim_end()) <= style.width);
        if fits {
            return table;
        }
    }
    build(0)
}

/// Drops columns in which no row has any text.
fn without_empty_columns(t: &super::document::Table) -> super::document::Table {
    let keep: Vec<bool> = (0..t.headers.len())
        .map(|i| {
            t.rows
                .iter()
                .any(|r| r.get(i).is_some_and(|c| !c.text.is_empty()))
        })
        .collect();
    let pick = |cells: &[Cell]| -> Vec<Cell> {
        cells
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(c, _)| c.clone())
            .collect()
    };
    let headers = t
        .headers
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(h, _)| h.clone())
        .collect();
    let wide_column = t
        .wide_column
        .filter(|&i| keep.get(i) == Some(&true))
        .map(|i| keep[..i].iter().filter(|k| **k).count());
    super::document::Table {
        headers,
        rows: t.rows.iter().map(|r| pick(r)).collect(),
        wide_column,
    }
}

/// The columns a line takes on screen: its width without the colour sequences (`ESC [ ... m`)
/// that styling adds, so a table lays out the same with colour on or off.
fn visible_width(line: &str) -> usize {
    let mut width = 0;
    let mut rest = line;
    while let Some(start) = rest.find('\u{1b}') {
        width += unicode_width::UnicodeWidthStr::width(&rest[..start]);
        let after = &rest[start + 1..];
        rest = match after.strip_prefix('[') {
            Some(csi) => csi
                .find(|c: char| c.is_ascii_alphabetic())
                .map_or("", |end| &csi[end + 1..]),
            None => after,
        };
    }
    width + unicode_width::UnicodeWidthStr::width(rest)
}

fn new_table(style: Style) -> Table {
    let mut table = Table::new();
    table
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(style.width).unwrap_or(u16::MAX));
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

fn write_table(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

fn cell(c: &Cell, color: bool) -> TableCell {
    let cell = TableCell::new(sanitize(&c.text));
    if !color {
        return cell;
    }
    match c.tone {
        Tone::Plain => cell,
        Tone::Strong => cell.add_attribute(Attribute::Bold),
        Tone::Muted => cell.add_attribute(Attribute::Dim),
        Tone::Good => cell.fg(Color::Green),
        Tone::Warn => cell.fg(Color::Yellow),
        Tone::Series(i) => cell.fg(series_color(i)),
    }
}

/// Distinct colours for up to five series (compared roles).
pub(super) fn series_color(i: u8) -> Color {
    match i % 5 {
        0 => Color::Cyan,
        1 => Color::Magenta,
        2 => Color::Yellow,
        3 => Color::Blue,
        _ => Color::Red,
    }
}

/// The same colours as styles for text drawn outside a table.
pub(super) fn series_style(i: u8) -> Ansi {
    let color = match i % 5 {
        0 => AnsiColor::Cyan,
        1 => AnsiColor::Magenta,
        2 => AnsiColor::Yellow,
        3 => AnsiColor::Blue,
        _ => AnsiColor::Red,
    };
    Ansi::new().fg_color(Some(color.into()))
}

/// Wraps sanitized text to `width` columns with the given first-line and continuation prefixes.
/// Hyphenated words (role ids such as `data-engineering-team-lead`) stay whole unless they are
/// longer than a line.
pub(super) fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let text = sanitize(text);
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    text.lines()
        .flat_map(|line| {
            if line.is_empty() {
                vec![String::new()]
            } else {
                textwrap::wrap(line, &options)
                    .into_iter()
                    .map(|l| l.into_owned())
                    .collect()
            }
        })
        .collect()
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

    #[test]
    fn colour_sequences_take_no_columns() {
        assert_eq!(visible_width("\u{1b}[1mRole\u{1b}[0m │ x"), 8);
        assert_eq!(visible_width("plain"), 5);
        assert_eq!(visible_width("\u{1b}[38;5;6m┆\u{1b}[39m"), 1);
    }
}
