//! Makes untrusted text safe for each target. For a terminal, CSV and Markdown: control
//! characters, escape sequences, bidi controls, zero-width characters and line or paragraph
//! separators are shown escaped (`\u{1b}`), never interpreted. For JSON: the same characters are
//! written as `\u` escapes, so the document means the same text but never carries them raw. For
//! a shell: paths are quoted. Markdown text is escaped so that it never becomes markup.

use std::borrow::Cow;
use std::io;

/// Whether `ch` must not reach a terminal as it is: C0 and C1 controls and DEL, bidi controls
/// (they reorder what a reader sees), zero-width and invisible characters (they hide text or
/// make two names look alike) and the Unicode line and paragraph separators (they break lines
/// where a reader does not expect it). Newlines are handled by the caller.
pub fn is_unsafe(ch: char) -> bool {
    ch.is_control()
        || matches!(
            ch,
            '\u{061c}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{e0000}'..='\u{e007f}'
        )
}

/// Returns `text` with every unsafe character replaced by its visible escape. Newlines are kept
/// (they only break lines) and tabs become spaces.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

/// Like [`sanitize`], but a newline is escaped too: for one-line messages, where a file name
/// holding a newline could otherwise forge a line of its own.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

fn escape(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let unsafe_here = |ch: char| is_unsafe(ch) && !(keep_newlines && ch == '\n');
    #[allow(
        clippy::needless_bitwise_bool,
        reason = "branchless, so that it vectorizes"
    )]
    let printable = |b: u8| (0x20..0x7f).contains(&b) | (keep_newlines & (b == b'\n'));
    // Most text needs nothing: one pass over its bytes says so, 64 at a time while they are
    // printable ASCII (a check without branches, which the compiler vectorizes), decoding only
    // the characters beyond ASCII (a dash, a quote mark) to check them.
    let bytes = text.as_bytes();
    let mut at = 0;
    let clean = 'scan: loop {
        let block = (at + 64).min(bytes.len());
        if !bytes[at..block]
            .iter()
            .fold(true, |ok, &b| ok & printable(b))
        {
            while at < block {
                if bytes[at] < 0x80 {
                    if !printable(bytes[at]) {
                        break 'scan false;
                    }
                    at += 1;
                } else {
                    match text[at..].chars().next() {
                        Some(ch) if !unsafe_here(ch) => at += ch.len_utf8(),
                        _ => break 'scan false,
                    }
                }
            }
        }
        at = at.max(block);
        if at >= bytes.len() {
            break true;
        }
    };
    if clean {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        if ch == '\t' {
            out.push(' ');
        } else if unsafe_here(ch) {
            out.push_str(&format!("\\u{{{:x}}}", ch as u32));
        } else {
            out.push(ch);
        }
    }
    Cow::Owned(out)
}

/// A CSV cell, sanitized, and with a leading `'` when it would begin with `=`, `+`, `-`, `@`,
/// tab or carriage return: a spreadsheet would otherwise run it as a formula (OWASP's advice
/// against CSV injection). A negative number (`-800`, `-4.5`) stays a number: it is nothing
/// but digits after its sign, so no formula can hide in it.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !negative_number(text);
    let clean = sanitize(text);
    if formula {
        Cow::Owned(format!("'{clean}"))
    } else {
        clean
    }
}

/// `-` then digits with at most one decimal point: `-800`, `-4.5`.
fn negative_number(text: &str) -> bool {
    text.strip_prefix('-').is_some_and(|digits| {
        !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && digits.bytes().filter(|&b| b == b'.').count() <= 1
            && digits.bytes().next().is_some_and(|b| b.is_ascii_digit())
    })
}

/// Where Markdown text goes: block structure (headings, list items) only exists on a line of
/// its own, never inside a table cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkdownPlace {
    /// Text that starts a line, or follows a `# ` or `- ` prefix.
    Line,
    /// Text inside a table cell.
    Cell,
}

/// Sanitized text escaped for CommonMark inline content: every character that can open
/// emphasis, a link, raw HTML, an entity, a code span, a table cell or strikethrough is
/// backslash-escaped (`_` only where it could open emphasis: not between letters or digits),
/// and on a line of its own so is anything that would start a block (`#`, a `-`, `+` or `1.`
/// list marker).
///
/// Every backtick is escaped, the tool's own (`careers show ROLE` in a hint) as well as one in
/// a profile's text: the renderer cannot tell them apart, and text from a profile must show as
/// itself, never as markup its author chose.
pub fn markdown_inline(text: &str, place: MarkdownPlace) -> String {
    let clean = sanitize(text);
    let bytes = clean.as_bytes();
    let mut out = String::with_capacity(clean.len() + 8);
    let mut leading_digits = true;
    let line = place == MarkdownPlace::Line;
    let word = |at: Option<&u8>| at.is_some_and(u8::is_ascii_alphanumeric);
    for (i, ch) in clean.char_indices() {
        let marker_end = matches!(bytes.get(i + 1), None | Some(b' '));
        // "- x", "+ x", "1. x" and "1) x" start a list.
        let starts_list = line
            && marker_end
            && ((i == 0 && matches!(ch, '-' | '+'))
                || (leading_digits && i > 0 && matches!(ch, '.' | ')')));
        leading_digits &= ch.is_ascii_digit();
        let markup = match ch {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '&' | '|' | '~' => true,
            '_' => !(i > 0 && word(bytes.get(i - 1)) && word(bytes.get(i + 1))),
            '#' => line,
            _ => starts_list,
        };
        if markup {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// A path as a POSIX shell word: as it is when it holds only characters no shell treats
/// specially, else in single quotes (a `'` inside becomes `'\''`), as `shell_words` quotes.
pub fn shell_quote(word: &str) -> Cow<'_, str> {
    shell_words::quote(word)
}

/// A [`serde_json::ser::Formatter`] that writes every character [`is_unsafe`] as a `\u` escape
/// (serde_json escapes only C0 controls): the JSON means the same text but never holds DEL, a
/// C1 control or a bidi override raw.
pub struct SafeJson<F>(pub F);

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for SafeJson<F> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // serde_json escapes the C0 controls itself: printable ASCII, most text, is safe as
        // it is, and one pass over its bytes says so.
        if fragment.bytes().all(|b| b < 0x7f) {
            return writer.write_all(fragment.as_bytes());
        }
        let mut start = 0;
        for (i, ch) in fragment.char_indices() {
            if is_unsafe(ch) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                let mut units = [0u16; 2];
                for unit in ch.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
                start = i + ch.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Writes `value` as pretty-printed JSON through [`SafeJson`].
pub fn write_json<T: serde::Serialize + ?Sized>(
    out: &mut dyn io::Write,
    value: &T,
) -> serde_json::Result<()> {
    let formatter = SafeJson(serde_json::ser::PrettyFormatter::new());
    let mut serializer = serde_json::Serializer::with_formatter(out, formatter);
    value.serialize(&mut serializer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_shown_not_interpreted() {
        assert_eq!(sanitize("a\u{1b}[31mred"), "a\\u{1b}[31mred");
        assert_eq!(sanitize("bell\u{7}"), "bell\\u{7}");
        assert_eq!(sanitize("c1\u{9b}"), "c1\\u{9b}");
        assert_eq!(sanitize("del\u{7f}"), "del\\u{7f}");
        assert_eq!(sanitize("rtl\u{202e}x"), "rtl\\u{202e}x");
        assert_eq!(sanitize("tab\there"), "tab here");
        assert_eq!(sanitize("cr\r"), "cr\\u{d}");
    }

    #[test]
    fn invisible_bidi_and_separator_characters_are_shown() {
        assert_eq!(sanitize("a\u{61c}b"), "a\\u{61c}b");
        assert_eq!(sanitize("a\u{200b}b"), "a\\u{200b}b");
        assert_eq!(sanitize("a\u{2028}b\u{2029}c"), "a\\u{2028}b\\u{2029}c");
        assert_eq!(sanitize("a\u{2067}b\u{feff}"), "a\\u{2067}b\\u{feff}");
    }

    #[test]
    fn one_line_text_escapes_newlines_too() {
        assert_eq!(sanitize_line("a\nb"), "a\\u{a}b");
        assert_eq!(sanitize("a\nb"), "a\nb");
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(
            sanitize("Seattle – $147,000\nnext"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn csv_cells_that_would_be_formulas_are_neutralised() {
        for (cell, out) in [
            ("=1+1", "'=1+1"),
            ("+1", "'+1"),
            ("-2", "-2"),
            ("-800.5", "-800.5"),
            ("-2+3", "'-2+3"),
            ("-", "'-"),
            ("-.5", "'-.5"),
            ("-1.2.3", "'-1.2.3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=x", "' =x"),
            ("\r=x", "'\\u{d}=x"),
            ("a=b", "a=b"),
            ("147000", "147000"),
        ] {
            assert_eq!(csv_cell(cell), out, "{cell:?}");
        }
    }

    #[test]
    fn markdown_text_never_becomes_markup() {
        use MarkdownPlace::{Cell, Line};
        assert_eq!(
            markdown_inline("O*NET … O*NET®", Cell),
            "O\\*NET … O\\*NET®"
        );
        assert_eq!(
            markdown_inline("<b>x</b> & [a](b)", Cell),
            "\\<b\\>x\\</b\\> \\& \\[a\\](b)"
        );
        assert_eq!(markdown_inline("# h", Line), "\\# h");
        assert_eq!(markdown_inline("# h", Cell), "# h");
        assert_eq!(markdown_inline("- item", Line), "\\- item");
        assert_eq!(markdown_inline("-", Line), "\\-");
        assert_eq!(markdown_inline("-", Cell), "-");
        assert_eq!(markdown_inline("12. item", Line), "12\\. item");
        assert_eq!(markdown_inline("36.2%", Line), "36.2%");
        assert_eq!(
            markdown_inline("_x_ license_db", Cell),
            "\\_x\\_ license_db"
        );
        assert_eq!(
            markdown_inline("ml-engineer 29.2", Line),
            "ml-engineer 29.2"
        );
        assert_eq!(
            markdown_inline("run `careers show a_b|c` <i>", Cell),
            "run \\`careers show a_b\\|c\\` \\<i\\>"
        );
        assert_eq!(markdown_inline("a ` <b>", Cell), "a \\` \\<b\\>");
        assert_eq!(markdown_inline("``x`` `y`", Cell), "\\`\\`x\\`\\` \\`y\\`");
    }

    #[test]
    fn paths_are_quoted_for_a_shell_only_when_needed() {
        assert_eq!(shell_quote("/home/a/x.json"), "/home/a/x.json");
        assert_eq!(shell_quote("/home/a b/x.json"), "'/home/a b/x.json'");
        assert_eq!(shell_quote("it's;rm"), "'it'\\''s;rm'");
        assert_eq!(shell_quote(""), "''");
    }

    #[test]
    fn json_escapes_what_serde_json_leaves_raw() {
        let mut out = Vec::new();
        write_json(&mut out, &["a\u{7f}\u{9b}\u{202e}b\u{e0041}", "ok"]).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "[\n  \"a\\u007f\\u009b\\u202eb\\udb40\\udc41\",\n  \"ok\"\n]"
        );
        let back: Vec<String> = serde_json::from_str(&text).unwrap();
        assert_eq!(back[0], "a\u{7f}\u{9b}\u{202e}b\u{e0041}");
    }
}
