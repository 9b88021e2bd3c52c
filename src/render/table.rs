//! Every table of the terminal format, drawn by comfy-table at widths planned once by
//! [`grid`]: boxed tables with a header row, bare label/value fields, and the stacked records
//! a table becomes when it cannot fit at all.
//!
//! The layout of a table is chosen once, from its measured columns:
//!
//! 1. its id column beside the others, when no cell then needs to wrap;
//! 2. else, for a table whose ids name what its title column titles ([`Table::id_above`]), the
//!    id on its own line above the title, when every column can then keep its words whole: a
//!    table that wraps anyway gives the id a line rather than a column;
//! 3. else its id column beside the others, when every column can keep its words whole;
//! 4. else the first of those two whose columns fit at their floors;
//! 5. else stacked records: **a table is stacked only when the sum of its columns' floors and
//!    its borders is wider than the screen**. A floor is a column's longest id or code, its
//!    longest number, its longest header word, and for text [`grid::TEXT_FLOOR`] columns (see
//!    [`grid`]); so ids, codes and numbers never break, and headers break between words only.
//!
//! Every cell is wrapped to its column before comfy-table sees it ([`wrap::spans`], linear in
//! the text): comfy-table only pads, aligns, styles and draws the borders. Styling is on only
//! when colour is.

use std::borrow::Cow;
use std::io::{self, Write};

use anstyle::{Effects, Style as Ansi};
use comfy_table::{
    Attribute, CellAlignment, Color, ColumnConstraint, ContentArrangement, Table as Comfy,
    TableStyle, Width, presets,
};

use super::Style;
use super::document::{ColumnKind, Table};
use super::grid::{self, ColumnExtent, Need};
use super::sanitize::sanitize;
use super::terminal::{paint, tone_style};
use super::wrap::{spans, width_of, wrap};

/// Rounded corners, a double rule under the header, `┆` between columns.
const BOXED: TableStyle = presets::UTF8_FULL_CONDENSED.with_rounded_corners();

/// The columns a boxed table of `n` columns spends on borders and padding: a border before
/// each column and after the last, a space each side of every cell.
fn boxed_overhead(n: usize) -> usize {
    3 * n + 1
}

/// A way to lay out a table's columns: which it keeps, what each asks for, and whether the id
/// column has gone above the title, as (id, title) columns of the table.
struct Candidate {
    columns: Vec<usize>,
    needs: Vec<Need>,
    merged: Option<(usize, usize)>,
}

/// How a table is drawn.
enum Layout {
    /// The columns at `columns` at these widths, the id above the title where `merged` says.
    Boxed {
        columns: Vec<usize>,
        widths: Vec<usize>,
        merged: Option<(usize, usize)>,
    },
    /// A record per row.
    Stacked,
}

/// Writes `t` for a terminal `style.width` columns wide.
pub(super) fn write_table(t: &Table, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let headers: Vec<Cow<'_, str>> = t.headers.iter().map(|h| sanitize(h)).collect();
    let rows: Vec<Vec<Cow<'_, str>>> = t
        .rows
        .iter()
        .map(|row| row.iter().map(|c| sanitize(&c.text)).collect())
        .collect();
    match layout(t, &headers, &rows, style.width) {
        Layout::Boxed {
            columns,
            widths,
            merged,
        } => draw_boxed(t, &rows, (&headers, &columns, merged), &widths, style, out),
        Layout::Stacked => write_stacked(t, &headers, &rows, style, out),
    }
}

/// The text of row `row`'s cell in column `i`, empty where the row is short.
fn text<'a>(rows: &'a [Vec<Cow<'_, str>>], row: usize, i: usize) -> &'a str {
    rows[row].get(i).map_or("", |c| c.as_ref())
}

/// Chooses the layout of `t`, by the rule in the module's documentation.
fn layout(t: &Table, headers: &[Cow<'_, str>], rows: &[Vec<Cow<'_, str>>], width: usize) -> Layout {
    // Columns in which no row has any text are left out.
    let columns: Vec<usize> = (0..headers.len())
        .filter(|&i| (0..rows.len()).any(|r| !text(rows, r, i).is_empty()))
        .collect();
    let measure = |i: usize| {
        let mut m = ColumnExtent::default();
        m.header(&headers[i]);
        for r in 0..rows.len() {
            m.cell(text(rows, r, i));
        }
        m
    };
    let measures: Vec<ColumnExtent> = columns.iter().map(|&i| measure(i)).collect();
    let labels = (width / 3).checked_sub(3);
    let share = (width * 35 / 100).saturating_sub(2);
    let needs = |columns: &[usize], measures: &[ColumnExtent]| -> Vec<Need> {
        columns
            .iter()
            .zip(measures)
            .enumerate()
            .map(|(k, (&i, m))| {
                m.need(
                    t.kind(i),
                    labels.filter(|_| k == 0 && columns.len() > 1),
                    if t.wide_column == Some(i) { share } else { 0 },
                )
            })
            .collect()
    };
    let separate = Candidate {
        needs: needs(&columns, &measures),
        columns,
        merged: None,
    };
    // The id above the title: a column fewer, the title's at least as wide as the longest id.
    let merged = t.id_above.and_then(|(id, title)| {
        let at = |c| separate.columns.iter().position(|&i| i == c);
        let (id_at, title_at) = (at(id)?, at(title)?);
        let mut columns = separate.columns.clone();
        let mut measures = measures.clone();
        for r in 0..rows.len() {
            measures[title_at].cell(text(rows, r, id));
        }
        columns.remove(id_at);
        measures.remove(id_at);
        let mut needs = needs(&columns, &measures);
        needs[title_at - usize::from(id_at < title_at)].at_least(separate.needs[id_at].floor);
        Some(Candidate {
            columns,
            needs,
            merged: Some((id, title)),
        })
    });
    let room = |n: usize| width.saturating_sub(boxed_overhead(n));
    let fits = |c: &&Candidate, sum: fn(&[Need]) -> usize| sum(&c.needs) <= room(c.needs.len());
    let chosen = Some(&separate)
        .filter(|c| fits(c, grid::contents))
        .or_else(|| merged.as_ref().filter(|c| fits(c, grid::whole_words)))
        .or_else(|| Some(&separate).filter(|c| fits(c, grid::whole_words)))
        .or_else(|| merged.as_ref().filter(|c| fits(c, grid::floors)))
        .or_else(|| Some(&separate).filter(|c| fits(c, grid::floors)));
    match chosen {
        Some(c) => match grid::plan(&c.needs, room(c.needs.len())) {
            Some(widths) => Layout::Boxed {
                columns: c.columns.clone(),
                widths,
                merged: c.merged,
            },
            None => Layout::Stacked,
        },
        None => Layout::Stacked,
    }
}

/// `text` wrapped to `width` columns, its lines joined by `\n`.
fn wrapped(text: &str, width: usize) -> String {
    // Most cells are one line that fits.
    if !text.contains('\n') && width_of(text) <= width && !text.starts_with(' ') {
        return text.trim_end().to_owned();
    }
    spans(text, (width, width)).join("\n")
}

/// A comfy-table cell of `text` in `ansi`, styled only when `color`.
fn styled(text: String, ansi: Ansi, color: bool) -> comfy_table::Cell {
    let mut cell = comfy_table::Cell::new_owned(text);
    if !color {
        return cell;
    }
    let effects = ansi.get_effects();
    for (effect, attribute) in [
        (Effects::BOLD, Attribute::Bold),
        (Effects::DIMMED, Attribute::Dim),
        (Effects::ITALIC, Attribute::Italic),
        (Effects::UNDERLINE, Attribute::Underlined),
    ] {
        if effects.contains(effect) {
            cell = cell.add_attribute(attribute);
        }
    }
    match ansi.get_fg_color() {
        Some(anstyle::Color::Ansi(c)) => cell.fg(Color::AnsiValue(
            anstyle::Ansi256Color::from_ansi(c).index(),
        )),
        Some(anstyle::Color::Ansi256(c)) => cell.fg(Color::AnsiValue(c.index())),
        Some(anstyle::Color::Rgb(c)) => cell.fg(Color::Rgb {
            r: c.r(),
            g: c.g(),
            b: c.b(),
        }),
        None => cell,
    }
}

/// A comfy-table with our settings: drawn at the widths it is given, never wrapping on its
/// own, styled only when `color`.
fn comfy(look: TableStyle, color: bool) -> Comfy {
    let mut table = Comfy::new();
    table
        .load_style(look)
        .set_content_arrangement(ContentArrangement::Disabled)
        // Whether to style is ours to say, not the terminal's.
        .force_no_tty();
    if color {
        table.enforce_styling();
        // Padding stays unstyled, so that a line's trailing spaces are blank.
        table.style_text_only();
        // crossterm, which comfy-table styles with, drops colours when NO_COLOR is set; here
        // colour is on because `--color always` or the terminal said so, which wins.
        crossterm::style::Colored::set_ansi_color_disabled(false);
    }
    table
}

/// A column constraint of `width` columns of text, with the padding `padding` on top.
fn fixed(width: usize, padding: usize) -> ColumnConstraint {
    let total = u16::try_from(width + padding).unwrap_or(u16::MAX);
    ColumnConstraint::Absolute(Width::Fixed(total))
}

/// The headers, the columns kept and where the id went, of a table to draw.
type Shape<'a> = (&'a [Cow<'a, str>], &'a [usize], Option<(usize, usize)>);

/// Draws the columns `columns` of `t` (its cells' text in `rows`) at `widths`.
fn draw_boxed(
    t: &Table,
    rows: &[Vec<Cow<'_, str>>],
    (headers, columns, merged): Shape<'_>,
    widths: &[usize],
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let strong = Ansi::new().effects(Effects::BOLD);
    let mut table = comfy(BOXED, style.color);
    // The column the id went into is headed by the id column's header ("Role").
    let header = |i: usize| match merged {
        Some((id, title)) if title == i => &headers[id],
        _ => &headers[i],
    };
    table.set_header(columns.iter().zip(widths).map(|(&i, &w)| {
        let cell = styled(wrapped(header(i), w), strong, style.color);
        match t.kind(i) {
            ColumnKind::Number => cell.set_alignment(CellAlignment::Right),
            _ => cell,
        }
    }));
    for (r, row) in t.rows.iter().enumerate() {
        table.add_row(columns.iter().zip(widths).map(|(&i, &w)| {
            // A cell has one style: the id's, where the id went above the title.
            let (body, from) = match merged {
                Some((id, title)) if title == i => {
                    (format!("{}\n{}", text(rows, r, id), text(rows, r, i)), id)
                }
                _ => (text(rows, r, i).to_owned(), i),
            };
            let tone = row.get(from).map_or(super::Tone::Plain, |c| c.tone);
            let cell = styled(wrapped(&body, w), tone_style(tone), style.color);
            // Figures are right-aligned, the column's header with them.
            match row.get(i).and_then(|c| c.holds).unwrap_or(t.kind(i)) {
                ColumnKind::Number => cell.set_alignment(CellAlignment::Right),
                _ => cell,
            }
        }));
    }
    table.set_constraints(widths.iter().map(|&w| fixed(w, 2)));
    for line in table.lines() {
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes label/value fields: the labels flush left in bold, the values one space after the
/// widest, wrapped to the width; no lines drawn.
pub(super) fn write_fields(
    fields: &[(String, String)],
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let cells: Vec<(Cow<'_, str>, Cow<'_, str>)> = fields
        .iter()
        .map(|(label, value)| (sanitize(label), sanitize(value)))
        .collect();
    let (mut labels, mut values) = (ColumnExtent::default(), ColumnExtent::default());
    for (label, value) in &cells {
        labels.cell(label);
        values.cell(value);
    }
    let needs = [
        labels.need(ColumnKind::Text, (style.width / 3).checked_sub(3), 0),
        values.need(ColumnKind::Text, None, 0),
    ];
    // A space after the label and one before the value.
    let widths = grid::plan(&needs, style.width.saturating_sub(2))
        .unwrap_or_else(|| vec![grid::TEXT_FLOOR, grid::TEXT_FLOOR]);
    let strong = Ansi::new().effects(Effects::BOLD);
    let mut table = comfy(presets::NOTHING, style.color);
    for (label, value) in &cells {
        table.add_row([
            styled(wrapped(label, widths[0]), strong, style.color),
            styled(wrapped(value, widths[1]), Ansi::new(), style.color),
        ]);
    }
    table.set_constraints([fixed(widths[0], 1), fixed(widths[1], 1)]);
    let paddings = [(0, 1), (1, 0)];
    for (column, padding) in table.column_iter_mut().zip(paddings) {
        column.set_padding(padding);
    }
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// A table that cannot fit: each row a record, its first cell on a line of its own (an id
/// alone, so that it stays whole; other text as `Header: value`), then the other cells as
/// indented `Header: value` lines, empty ones left out.
fn write_stacked(
    t: &Table,
    headers: &[Cow<'_, str>],
    rows: &[Vec<Cow<'_, str>>],
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let strong = Ansi::new().effects(Effects::BOLD);
    for r in 0..rows.len() {
        if r > 0 {
            writeln!(out)?;
        }
        let first = text(rows, r, 0);
        let head = match t.kind(0) {
            ColumnKind::Id => first.to_owned(),
            _ => format!("{}: {first}", headers.first().map_or("", |h| h.as_ref())),
        };
        for line in wrap(&head, style.width, "", "  ") {
            writeln!(out, "{}", paint(&line, strong, style.color))?;
        }
        for (i, header) in headers.iter().enumerate().skip(1) {
            let cell = text(rows, r, i);
            if cell.is_empty() {
                continue;
            }
            let mut lines = cell.lines();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::document::Cell;

    fn draw(t: &Table, width: usize) -> String {
        let mut out = Vec::new();
        let style = Style {
            width,
            color: false,
        };
        write_table(t, style, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_table_that_fits_keeps_every_line_whole_and_figures_right() {
        let mut t = Table::new(["Role", "Pay"]).ids(0).numbers([1]);
        t.row(["ml-engineer", "$1\n$20"]);
        assert_eq!(
            draw(&t, 80),
            "╭─────────────┬─────╮\n\
             │ Role        ┆ Pay │\n\
             ╞═════════════╪═════╡\n\
             │ ml-engineer ┆  $1 │\n\
             │             ┆ $20 │\n\
             ╰─────────────┴─────╯\n"
        );
    }

    #[test]
    fn ids_and_headers_never_break_text_wraps_around_them() {
        let id = "electrical-and-electronics-installers";
        let mut t = Table::new(["Role", "Per 1,000 jobs", "Summary"])
            .ids(0)
            .numbers([1])
            .wide(2);
        t.row([id, "76.962", &"word ".repeat(40)]);
        t.row(["ml-engineer", "1.5", "short"]);
        let text = draw(&t, 60);
        assert!(text.lines().all(|l| l.chars().count() == 60), "{text}");
        assert!(text.contains(&format!("│ {id} ┆")), "{text}");
        assert!(text.contains("┆ 76.962 ┆"), "{text}");
        // The header breaks between its words.
        assert!(text.contains("┆    Per ┆"), "{text}");
    }

    #[test]
    fn the_id_goes_above_its_title_when_the_table_wraps() {
        let mut t = Table::new(["Role", "Title", "Matched in"])
            .id_above(0, 1)
            .wide(2);
        t.row([
            "data-engineering-team-lead",
            "Data Engineering Team Lead",
            "title; 7 tasks; alias \"lead\"",
        ]);
        // Wide enough for every cell on one line: the id has a column.
        assert!(
            draw(&t, 100).contains("│ data-engineering-team-lead ┆ Data Engineering Team Lead ┆")
        );
        // Narrower, the id stands on its own line over the title, under the id's header.
        let text = draw(&t, 60);
        assert!(text.contains("│ Role "), "{text}");
        assert!(text.contains("│ data-engineering-team-lead ┆"), "{text}");
        assert!(text.contains("│ Data Engineering Team Lead ┆"), "{text}");
    }

    #[test]
    fn a_table_is_stacked_only_when_its_floors_do_not_fit() {
        let mut t = Table::new(["Role", "Score", "Matched in"])
            .ids(0)
            .numbers([1]);
        t.row([&"x".repeat(50) as &str, "530", "title"]);
        // Floors of 50 (the id), 5 (the header "Score") and 7 (the header word "Matched"),
        // and 10 columns of borders, fit in 72 columns...
        assert!(draw(&t, 72).starts_with('╭'));
        // ...not in 71: the row is a record, its id whole on a line of its own.
        let text = draw(&t, 71);
        assert_eq!(
            text,
            format!("{}\n  Score: 530\n  Matched in: title\n", "x".repeat(50))
        );
    }

    #[test]
    fn a_sentence_in_a_column_of_figures_reads_from_the_left() {
        let mut t = Table::new(["Figure", "Boston"]).numbers([1]);
        t.row(["Median", "$132,040"]);
        t.row(vec![
            Cell::new("Your pay"),
            Cell::new("above the median").holding(ColumnKind::Text),
        ]);
        let text = draw(&t, 80);
        assert!(text.contains("┆         $132,040 │"), "{text}");
        assert!(text.contains("┆ above the median │"), "{text}");
    }

    #[test]
    fn fields_are_flush_left_with_one_space_after_the_widest_label() {
        let mut out = Vec::new();
        let style = Style {
            width: 40,
            color: false,
        };
        let fields = vec![
            ("Source".to_owned(), "bundled".to_owned()),
            (
                "Loaded from".to_owned(),
                "a value long enough to wrap at forty columns".to_owned(),
            ),
        ];
        write_fields(&fields, style, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Source       bundled\n\
             Loaded from  a value long enough to wrap\n\
             \x20            at forty columns\n"
        );
    }
}
