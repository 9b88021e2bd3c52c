//! Wraps text to a width, in time linear in the text: at spaces, first fit, a word longer than
//! its line broken into pieces, so even a 320,000-character word costs one pass. Paragraphs,
//! list items, stacked records and every table cell are wrapped here before they are drawn.

use unicode_width::UnicodeWidthStr;

/// The columns `text` takes on screen; plain ASCII, the common case, is one column a byte.
pub(super) fn width_of(text: &str) -> usize {
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
pub(super) fn spans(text: &str, rooms: (usize, usize)) -> Vec<&str> {
    // About a line per `rooms.1` bytes: a long text's lines are not gathered by reallocating.
    let mut lines: Vec<&str> = Vec::with_capacity(text.len() / rooms.1.max(1) + 1);
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
            // A word longer than a line: pieces as long as a line, each cut after its last
            // hyphen when it has one (compound names break where a reader expects), the rest
            // carried on.
            if word.is_ascii() {
                // A byte a column: each piece is found without looking at its characters.
                let hyphenated = word.contains('-');
                let mut piece = ws;
                while we - piece > room(&lines) {
                    let full = piece + room(&lines);
                    let hyphen = if hyphenated {
                        source[piece..full].rfind('-')
                    } else {
                        None
                    };
                    let cut = hyphen.map_or(full, |h| piece + h + 1);
                    lines.push(&source[piece..cut]);
                    piece = cut;
                }
                (start, end, used) = (piece, we, we - piece);
                continue;
            }
            // `hyphen`: where the piece's last hyphen ends, and its width to there.
            let (mut piece, mut piece_w) = (ws, 0);
            let mut hyphen: Option<(usize, usize)> = None;
            for (k, ch) in word.char_indices() {
                let cw = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
                while piece_w + cw > room(&lines) && piece_w > 0 {
                    if let Some((after, upto)) = hyphen.take() {
                        lines.push(&source[piece..after]);
                        (piece, piece_w) = (after, piece_w - upto);
                    } else {
                        lines.push(&source[piece..ws + k]);
                        (piece, piece_w) = (ws + k, 0);
                    }
                }
                piece_w += cw;
                if ch == '-' {
                    hyphen = Some((ws + k + 1, piece_w));
                }
            }
            (start, end, used) = (piece, we, piece_w);
        }
        lines.push(&source[start..end]);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_break_at_spaces_and_long_words_in_pieces() {
        assert_eq!(spans("one two three", (7, 7)), ["one two", "three"]);
        assert_eq!(spans("abcdefghij k", (4, 4)), ["abcd", "efgh", "ij k"]);
        assert_eq!(
            spans("San Francisco-Oakland-Fremont, CA", (21, 21)),
            ["San", "Francisco-Oakland-", "Fremont, CA"]
        );
        assert_eq!(spans("ab-cdefgh", (4, 4)), ["ab-", "cdef", "gh"]);
        // Beyond ASCII, the same pieces.
        assert_eq!(spans("äb-cdéfgh", (4, 4)), ["äb-", "cdéf", "gh"]);
        assert_eq!(spans("äbcdéfghij k", (4, 4)), ["äbcd", "éfgh", "ij k"]);
        assert_eq!(spans("a\nb c", (10, 10)), ["a", "b c"]);
        assert_eq!(
            wrap("one two three", 9, "• ", "  "),
            ["• one two", "  three"]
        );
    }

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(spans("日本語 日本", (6, 6)), ["日本語", "日本"]);
        assert_eq!(width_of("日本"), 4);
    }
}
