//! Plans the widths of a table's columns, once, from what they hold; drawing is comfy-table's
//! (see [`super::table`]). Each column states the widths it asks for, measured in one pass over
//! its cells:
//!
//! - its **floor**, the narrowest it may be: its longest id or code, its longest number, its
//!   longest header word (headers break between words only), and for running text
//!   [`TEXT_FLOOR`] columns (or its longest word, when that is shorter);
//! - **whole words**: the width that keeps its words (up to [`WORD_CAP`] columns) and, for a
//!   first column of labels, its lines whole;
//! - its **share**: for the table's main text column, 35% of the width;
//! - its **content** width, the widest line of its cells;
//! - its **most**, the widest line with the header's counted too.
//!
//! [`plan`] gives every column its floor; then whole words to every column, when they all fit;
//! then the share, when it fits; then raises the narrowest columns together to their content
//! ("water level"), then to their headers. A table whose floors do not fit has
//! no plan: it is drawn as stacked records.

use super::document::ColumnKind;
use super::wrap::width_of;

/// Running text may be wrapped down to this many columns, not fewer.
pub(super) const TEXT_FLOOR: usize = 10;

/// The longest word a text column is widened for so that it stays whole: a role id in running
/// text, with its brackets, fits.
pub(super) const WORD_CAP: usize = 40;

/// The widths a column asks for, each at least the one before; see the module's
/// documentation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Need {
    pub floor: usize,
    pub words: usize,
    pub share: usize,
    pub content: usize,
    pub most: usize,
}

impl Need {
    /// Raises the floor to `floor`, and the other widths with it.
    pub(super) fn at_least(&mut self, floor: usize) {
        self.floor = self.floor.max(floor);
        self.words = self.words.max(self.floor);
        self.share = self.share.max(self.words);
        self.content = self.content.max(self.share);
        self.most = self.most.max(self.content);
    }
}

/// A column measured: its cells' widest line and longest word, its header's.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct ColumnExtent {
    pub widest_line: usize,
    pub longest_word: usize,
    pub header_line: usize,
    pub header_word: usize,
}

impl ColumnExtent {
    /// Counts `text` in, one line and one word at a time.
    pub(super) fn cell(&mut self, text: &str) {
        let (line, word) = widest(text);
        self.widest_line = self.widest_line.max(line);
        self.longest_word = self.longest_word.max(word);
    }

    /// Counts the header in.
    pub(super) fn header(&mut self, text: &str) {
        let (line, word) = widest(text);
        self.header_line = self.header_line.max(line);
        self.header_word = self.header_word.max(word);
    }

    /// The widths this column asks for. `labels`: keep the column whole when it takes no more
    /// than that; `share`: the width the main text column should get when it can.
    pub(super) fn need(&self, kind: ColumnKind, labels: Option<usize>, share: usize) -> Need {
        let content = self.widest_line.max(1);
        let word = self.longest_word.max(1);
        let (floor, words) = match kind {
            ColumnKind::Id => (content, content),
            ColumnKind::Number => (word, word),
            ColumnKind::Text => {
                let whole = if labels.is_some_and(|most| content <= most) {
                    content
                } else {
                    word.min(WORD_CAP)
                };
                (word.min(TEXT_FLOOR).min(content), whole.min(content))
            }
        };
        let mut need = Need {
            floor: 0,
            words,
            share: share.min(content),
            content,
            most: self.header_line,
        };
        need.at_least(floor.max(self.header_word));
        need
    }
}

/// (widest line, longest word) of `text`, words being what spaces separate.
fn widest(text: &str) -> (usize, usize) {
    let (mut line_w, mut word_w) = (0, 0);
    for line in text.lines() {
        line_w = line_w.max(width_of(line));
        for word in line.split(' ') {
            word_w = word_w.max(width_of(word));
        }
    }
    (line_w, word_w)
}

/// The sum of the columns' floors.
pub(super) fn floors(needs: &[Need]) -> usize {
    needs.iter().map(|n| n.floor).sum()
}

/// The sum of the columns' content widths: what the table takes with no cell wrapped.
pub(super) fn contents(needs: &[Need]) -> usize {
    needs.iter().map(|n| n.content).sum()
}

/// The sum of the widths that keep the columns' words whole.
pub(super) fn whole_words(needs: &[Need]) -> usize {
    needs.iter().map(|n| n.words).sum()
}

/// The width of each column sharing `room` columns, or `None` when their floors do not fit.
pub(super) fn plan(needs: &[Need], room: usize) -> Option<Vec<usize>> {
    let mut left = room.checked_sub(floors(needs))?;
    let mut widths: Vec<usize> = needs.iter().map(|n| n.floor).collect();
    // Whole words in every column, then the main column's share, each when all of it fits:
    // where it does not, the columns share the room evenly instead of one keeping its words at
    // the others' cost.
    for tier in [|n: &Need| n.words, |n: &Need| n.share] {
        let more: usize = needs
            .iter()
            .zip(&widths)
            .map(|(n, &w)| tier(n).saturating_sub(w))
            .sum();
        if more <= left {
            for (w, n) in widths.iter_mut().zip(needs) {
                *w = (*w).max(tier(n));
            }
            left -= more;
        }
    }
    let content: Vec<usize> = needs.iter().map(|n| n.content).collect();
    let most: Vec<usize> = needs.iter().map(|n| n.most).collect();
    raise(&mut widths, &content, &mut left);
    raise(&mut widths, &most, &mut left);
    Some(widths)
}

/// Raises `widths` towards `target` with at most `left` more columns: every column below the
/// highest level that fits is raised to it (or to its target), then the columns at that level
/// get one more each, from the left, while any is left.
fn raise(widths: &mut [usize], target: &[usize], left: &mut usize) {
    let cost = |level: usize| -> usize {
        widths
            .iter()
            .zip(target)
            .map(|(&w, &t)| level.min(t).saturating_sub(w))
            .sum()
    };
    let (mut low, mut high) = (0, target.iter().copied().max().unwrap_or(0));
    while low < high {
        let mid = (low + high).div_ceil(2);
        if cost(mid) <= *left {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    *left -= cost(low);
    for (w, &t) in widths.iter_mut().zip(target) {
        *w = (*w).max(low.min(t));
    }
    for (w, &t) in widths.iter_mut().zip(target) {
        if *left == 0 {
            break;
        }
        if *w == low && *w < t {
            *w += 1;
            *left -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn need(floor: usize, words: usize, content: usize, most: usize) -> Need {
        Need {
            floor,
            words,
            share: words,
            content,
            most,
        }
    }

    #[test]
    fn columns_that_fit_get_their_widest_line() {
        let needs = [need(2, 2, 5, 8), need(3, 3, 10, 10)];
        assert_eq!(plan(&needs, 70), Some(vec![8, 10]));
        // Headers wrap before content does.
        assert_eq!(plan(&needs, 15), Some(vec![5, 10]));
    }

    #[test]
    fn the_widest_columns_are_cut_to_a_common_level() {
        let needs = [need(1, 1, 10, 10), need(1, 1, 50, 50), need(1, 1, 50, 50)];
        assert_eq!(plan(&needs, 70), Some(vec![10, 30, 30]));
        let needs = [need(1, 1, 50, 50), need(1, 1, 50, 50)];
        assert_eq!(plan(&needs, 71), Some(vec![36, 35]));
    }

    #[test]
    fn floors_always_and_whole_words_when_they_all_fit() {
        let needs = [
            need(10, 15, 30, 30),
            need(15, 25, 60, 60),
            need(31, 34, 40, 40),
        ];
        // 56 of floors; whole words take 74, else the columns share evenly.
        assert_eq!(plan(&needs, 74), Some(vec![15, 25, 34]));
        assert_eq!(plan(&needs, 70), Some(vec![20, 19, 31]));
        assert_eq!(plan(&needs, 55), None);
        assert_eq!(plan(&needs, 56), Some(vec![10, 15, 31]));
    }

    #[test]
    fn a_column_never_loses_its_floor_to_a_short_header_or_content() {
        let mut m = ColumnExtent::default();
        m.header("Per 1,000 jobs");
        m.cell("76.962");
        let n = m.need(ColumnKind::Number, None, 0);
        assert_eq!((n.floor, n.content, n.most), (6, 6, 14));
        let mut m = ColumnExtent::default();
        m.header("Role");
        m.cell("electrical-and-electronics-installers");
        m.cell("ml-engineer");
        assert_eq!(m.need(ColumnKind::Id, None, 0).floor, 37);
        let mut m = ColumnExtent::default();
        m.header("Summary");
        m.cell(&"word ".repeat(40));
        let n = m.need(ColumnKind::Text, None, 30);
        assert_eq!((n.floor, n.words, n.share), (7, 7, 30));
        let mut m = ColumnExtent::default();
        m.header("Notes");
        m.cell("a-word-of-twelve and more words");
        let n = m.need(ColumnKind::Text, None, 0);
        assert_eq!((n.floor, n.words, n.share), (TEXT_FLOOR, 16, 16));
    }
}
