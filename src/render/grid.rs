//! Lays out and draws a table of text cells fitted to a width, in time linear in the text.
//!
//! Column widths come from one pass over the cells: each column's widest line and longest
//! word. A column keeps its widest line when everything fits; otherwise every column gets an
//! equal share of the room ("water level"), no less than its floor and no more than it needs.
//! The floors are layout hints, kept when they fit together: whole words (up to
//! [`WORD_CAP`] columns), a whole first column of labels, at least 35% of the width for the
//! main text column. Cells then wrap at word boundaries; a word longer than its column is
//! broken, so even a 320,000-character word costs one pass.

use unicode_width::UnicodeWidthStr;

use std::fmt::Write as _;

use anstyle::Style as Ansi;

/// The longest word a column is widened for so that it stays whole.
pub(super) const WORD_CAP: usize = 32;

/// How columns are framed: the boxed look of tables, or bare label/value fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Frame {
    /// Rounded box, a rule under the header, `┆` between columns, one space of padding.
    Boxed,
    /// No lines at all: the first column flush left, one space after it and around the others.
    Bare,
}

impl Frame {
    /// (left, right) padding of column `i`.
    fn padding(self, i: usize) -> (usize, usize) {
        match (self, i) {
            (Frame::Bare, 0) => (0, 1),
            _ => (1, 1),
        }
    }

    /// The columns taken by borders and padding for `n` columns.
    fn overhead(self, n: usize) -> usize {
        let borders = match self {
            Frame::Boxed => n + 1,
            Frame::Bare => 0,
        };
        borders
            + (0..n)
                .map(|i| self.padding(i))
                .map(|(l, r)| l + r)
                .sum::<usize>()
    }
}

/// A cell ready to draw: its sanitized text and the style its lines are painted in.
pub(super) struct GridCell<'a> {
    pub text: std::borrow::Cow<'a, str>,
    pub ansi: Ansi,
}

/// The layout hints of a table.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Hints {
    /// Keep the first column whole when it fits in a third of the width.
    pub labels: bool,
    /// The column of running text that should get at least 35% of the width.
    pub wide: Option<usize>,
}

/// What a column holds, measured once.
#[derive(Debug, Clone, Copy, Default)]
struct Measure {
    widest_line: usize,
    longest_word: usize,
}

fn measure(text: &str, m: &mut Measure) {
    for line in text.lines() {
        m.widest_line = m.widest_line.max(width_of(line));
        for word in line.split(' ') {
            m.longest_word = m.longest_word.max(width_of(word));
        }
    }
}

fn push_spaces(line: &mut String, n: usize) {
    const SPACES: &str = "                                                                ";
    let mut left = n;
    while left > 0 {
        let k = left.min(SPACES.len());
        line.push_str(&SPACES[..k]);
        left -= k;
    }
}

/// Column widths worked out for a table.
struct Plan {
    /// The content width each column gets.
    given: Vec<usize>,
    /// The width each column needs to hold its widest line.
    most: Vec<usize>,
    /// The content width all columns share.
    room: usize,
}

/// The content width of each column for a table `width` columns wide.
fn widths(rows: &[Vec<GridCell<'_>>], frame: Frame, hints: Hints, width: usize) -> Plan {
    let n = rows.first().map_or(0, Vec::len);
    let mut measures = vec![Measure::default(); n];
    for row in rows {
        for (cell, m) in row.iter().zip(&mut measures) {
            measure(&cell.text, m);
        }
    }
    let most: Vec<usize> = measures.iter().map(|m| m.widest_line.max(1)).collect();
    let room = width.saturating_sub(frame.overhead(n));
    if most.iter().sum::<usize>() <= room {
        return Plan {
            given: most.clone(),
            most,
            room,
        };
    }
    let words: Vec<usize> = measures
        .iter()
        .map(|m| m.longest_word.min(WORD_CAP))
        .collect();
    let labels = hints.labels && n > 1 && most[0] + 3 <= width / 3;
    let wide = hints.wide.filter(|&i| i < n);
    // As many hints as fit, dropped in this order: whole labels, the wide column, whole words.
    let floors = |use_words: bool, use_labels: bool, use_wide: bool| -> Vec<usize> {
        (0..n)
            .map(|i| {
                let mut floor = if use_words { words[i] } else { 1 };
                if use_labels && labels && i == 0 {
                    floor = floor.max(most[0]);
                }
                if use_wide && wide == Some(i) {
                    floor = floor.max((width * 35 / 100).saturating_sub(2).min(most[i]));
                }
                floor.min(most[i])
            })
            .collect()
    };
    let floor = [
        (true, true, true),
        (true, false, true),
        (true, true, false),
        (true, false, false),
        (false, true, true),
        (false, true, false),
    ]
    .into_iter()
    .map(|(w, l, x)| floors(w, l, x))
    .find(|f| f.iter().sum::<usize>() <= room)
    .unwrap_or_else(|| floors(false, false, false));
    Plan {
        given: water_fill(&floor, &most, room),
        most,
        room,
    }
}

/// Widths between `floor` and `most` summing to at most `room` (or to the floors, if they do
/// not fit): the highest common level every column is cut to, the leftover columns given one
/// each from the left.
fn water_fill(floor: &[usize], most: &[usize], room: usize) -> Vec<usize> {
    let at = |level: usize| -> usize {
        floor
            .iter()
            .zip(most)
            .map(|(&f, &m)| level.clamp(f, m.max(f)))
            .sum()
    };
    let (mut low, mut high) = (0, most.iter().copied().max().unwrap_or(0));
    while low < high {
        let mid = (low + high).div_ceil(2);
        if at(mid) <= room {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    let mut widths: Vec<usize> = floor
        .iter()
        .zip(most)
        .map(|(&f, &m)| low.clamp(f, m.max(f)))
        .collect();
    let mut left = room.saturating_sub(widths.iter().sum());
    for (w, &m) in widths.iter_mut().zip(most) {
        if left == 0 {
            break;
        }
        if *w == low && *w < m {
            *w += 1;
            left -= 1;
        }
    }
    widths
}

/// The columns `text` takes on screen; plain ASCII, the common case, is one column a byte.
fn width_of(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.width()
    }
}

/// The lines of `text` wrapped to `width` columns: at spaces, first fit, a word longer than
/// its line broken into pieces. Each line of `text` starts a new line; the first output line
/// starts with `first`, the others with `rest` (both count in the width).
pub(super) fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let (first_w, rest_w) = (width_of(first), width_of(rest));
    let rooms = (
        width.saturating_sub(first_w).max(1),
        width.saturating_sub(rest_w).max(1),
    );
    spans(text, rooms)
        .into_iter()
        .enumerate()
        .map(|(n, span)| {
            let indent = if n == 0 { first } else { rest };
            let mut line = String::with_capacity(indent.len() + span.len());
            line.push_str(indent);
            line.push_str(span);
            let end = line.trim_end().len();
            line.truncate(end);
            line
        })
        .collect()
}

/// The pieces of `text` that make its wrapped lines, as slices of it: `rooms` is the width of
/// the first line and of the others. One pass, so the cost is linear in the text whatever the
/// length of its words.
fn spans(text: &str, rooms: (usize, usize)) -> Vec<&str> {
    let mut lines: Vec<&str> = Vec::new();
    let room = |lines: &Vec<&str>| if lines.is_empty() { rooms.0 } else { rooms.1 };
    for source in text.lines() {
        // The current line is source[start..end], `used` columns wide; `end` is the end of its
        // last word.
        let (mut start, mut end, mut used) = (0, 0, 0);
        let mut has_words = false;
        let mut at = 0;
        for word in source.split(' ') {
            let ws = at;
            let we = ws + word.len();
            at = we + 1;
            if word.is_empty() {
                continue;
            }
            let w = width_of(word);
            let gap = ws - end;
            if has_words && used + gap + w <= room(&lines) {
                end = we;
                used += gap + w;
                continue;
            }
            if has_words {
                lines.push(&source[start..end]);
            }
            has_words = true;
            if w <= room(&lines) {
                (start, end, used) = (ws, we, w);
                continue;
            }
            // A word longer than a line: as many full pieces as it takes, the rest carried on.
            let (mut piece, mut piece_w) = (ws, 0);
            for (k, ch) in word.char_indices() {
                let cw = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
                if piece_w + cw > room(&lines) && piece_w > 0 {
                    lines.push(&source[piece..ws + k]);
                    (piece, piece_w) = (ws + k, 0);
                }
                piece_w += cw;
            }
            (start, end, used) = (piece, we, piece_w);
        }
        lines.push(&source[start..end]);
    }
    lines
}

/// The width of each column's widest wrapped line.
fn drawn_widths(wrapped: &[Vec<Vec<&str>>], n: usize) -> Vec<usize> {
    let mut widths = vec![0; n];
    for row in wrapped {
        for (cell, w) in row.iter().zip(&mut widths) {
            for line in cell {
                *w = (*w).max(width_of(line));
            }
        }
    }
    widths
}

/// Draws `rows` (the first one is the header when the frame is boxed) in `width` columns.
pub(super) fn draw(
    rows: &[Vec<GridCell<'_>>],
    frame: Frame,
    hints: Hints,
    width: usize,
    color: bool,
) -> String {
    let plan = widths(rows, frame, hints, width);
    let mut wrapped: Vec<Vec<Vec<&str>>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .zip(&plan.given)
                .map(|(c, &w)| spans(&c.text, (w.max(1), w.max(1))))
                .collect()
        })
        .collect();
    // Wrapped, a column may need less than it was given. The room its ragged edge leaves goes
    // to the columns that wrap, once; then each column is drawn as wide as its widest line.
    let mut widths = drawn_widths(&wrapped, plan.given.len());
    let wraps: Vec<bool> = plan
        .given
        .iter()
        .zip(&plan.most)
        .map(|(g, m)| g < m)
        .collect();
    let spare = plan.room.saturating_sub(widths.iter().sum());
    let wrapping = wraps.iter().filter(|w| **w).count();
    if spare > 0 && wrapping > 0 {
        let mut more = vec![spare / wrapping; widths.len()];
        let mut left = spare % wrapping;
        for (i, m) in more.iter_mut().enumerate() {
            if !wraps[i] {
                *m = 0;
            } else if left > 0 {
                *m += 1;
                left -= 1;
            }
        }
        for row in wrapped.iter_mut().zip(rows) {
            for (i, (lines, cell)) in row.0.iter_mut().zip(row.1).enumerate() {
                // A cell on one line has nothing to gain from more room.
                if wraps[i] && lines.len() > 1 {
                    let w = widths[i] + more[i];
                    *lines = spans(&cell.text, (w, w));
                }
            }
        }
        widths = drawn_widths(&wrapped, widths.len());
    }
    // The whole table in one buffer, a line per `\n`.
    let mut out = String::with_capacity(rows.len() * (width + 8) * 2);
    let rule = |out: &mut String, left: char, fill: char, join: char, right: char| {
        out.push(left);
        for (i, w) in widths.iter().enumerate() {
            if i > 0 {
                out.push(join);
            }
            out.extend(std::iter::repeat_n(fill, w + 2));
        }
        out.push(right);
        out.push('\n');
    };
    if frame == Frame::Boxed {
        rule(&mut out, '╭', '─', '┬', '╮');
    }
    for (r, (row, wrapped)) in rows.iter().zip(&wrapped).enumerate() {
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(0).max(1);
        for k in 0..height {
            let start = out.len();
            if frame == Frame::Boxed {
                out.push('│');
            }
            for (i, ((cell, cell_lines), &w)) in row.iter().zip(wrapped).zip(&widths).enumerate() {
                if i > 0 && frame == Frame::Boxed {
                    out.push('┆');
                }
                let text = cell_lines.get(k).map_or("", |l| l.trim_end());
                let (left, right) = frame.padding(i);
                let pad = w.saturating_sub(width_of(text)) + right;
                if color {
                    let _ = write!(out, "{}", cell.ansi.render());
                }
                push_spaces(&mut out, left);
                out.push_str(text);
                push_spaces(&mut out, pad);
                if color {
                    let _ = write!(out, "{}", cell.ansi.render_reset());
                }
            }
            if frame == Frame::Boxed {
                out.push('│');
            }
            let end = start + out[start..].trim_end().len();
            out.truncate(end);
            out.push('\n');
        }
        if r == 0 && frame == Frame::Boxed {
            rule(&mut out, '╞', '═', '╪', '╡');
        }
    }
    if frame == Frame::Boxed {
        rule(&mut out, '╰', '─', '┴', '╯');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells<'a>(texts: &[&'a str]) -> Vec<GridCell<'a>> {
        texts
            .iter()
            .map(|t| GridCell {
                text: (*t).into(),
                ansi: Ansi::new(),
            })
            .collect()
    }

    #[test]
    fn a_table_that_fits_keeps_every_line_whole() {
        let rows = vec![cells(&["Role", "Pay"]), cells(&["ml-engineer", "$1\n$2"])];
        assert_eq!(
            draw(&rows, Frame::Boxed, Hints::default(), 80, false),
            "╭─────────────┬─────╮\n\
             │ Role        ┆ Pay │\n\
             ╞═════════════╪═════╡\n\
             │ ml-engineer ┆ $1  │\n\
             │             ┆ $2  │\n\
             ╰─────────────┴─────╯\n"
        );
    }

    #[test]
    fn a_table_too_wide_shares_the_room_and_keeps_words_whole() {
        let long = "word ".repeat(30);
        let rows = vec![cells(&["Id", "Text"]), cells(&["short", long.trim()])];
        let text = draw(&rows, Frame::Boxed, Hints::default(), 40, false);
        let lines: Vec<&str> = text.lines().collect();
        for line in &lines {
            assert_eq!(line.width(), 36, "{line}");
        }
        assert_eq!(lines[3], "│ short ┆ word word word word word │");
    }

    #[test]
    fn water_fill_cuts_the_widest_first_and_respects_floors() {
        assert_eq!(water_fill(&[1, 1, 1], &[10, 50, 50], 70), vec![10, 30, 30]);
        assert_eq!(water_fill(&[1, 40, 1], &[10, 50, 50], 70), vec![10, 40, 20]);
        assert_eq!(water_fill(&[1, 1], &[5, 5], 70), vec![5, 5]);
        assert_eq!(water_fill(&[1, 1], &[50, 50], 71), vec![36, 35]);
    }

    #[test]
    fn bare_fields_are_flush_left_with_one_space_after_the_label() {
        let rows = vec![cells(&["Source", "bundled"]), cells(&["Loaded from", "x"])];
        assert_eq!(
            draw(&rows, Frame::Bare, Hints::default(), 80, false),
            "Source       bundled\nLoaded from  x\n"
        );
    }
}
