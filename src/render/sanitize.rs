//! Makes untrusted text safe for a terminal: control characters, escape sequences and bidi
//! overrides are shown escaped (`\u{1b}`), never interpreted.

use std::borrow::Cow;

/// Whether `ch` must not reach a terminal as it is. Newlines are kept: they only break lines.
fn is_unsafe(ch: char) -> bool {
    (ch.is_control() && ch != '\n')
        || matches!(ch, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

/// Returns `text` with every unsafe character replaced by its visible escape.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        if ch == '\t' {
            out.push(' ');
        } else if is_unsafe(ch) {
            out.push_str(&format!("\\u{{{:x}}}", ch as u32));
        } else {
            out.push(ch);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_shown_not_interpreted() {
        assert_eq!(sanitize("a\u{1b}[31mred"), "a\\u{1b}[31mred");
        assert_eq!(sanitize("bell\u{7}"), "bell\\u{7}");
        assert_eq!(sanitize("c1\u{9b}"), "c1\\u{9b}");
        assert_eq!(sanitize("rtl\u{202e}x"), "rtl\\u{202e}x");
        assert_eq!(sanitize("tab\there"), "tab here");
        assert_eq!(sanitize("cr\r"), "cr\\u{d}");
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(
            sanitize("Seattle – $147,000\nnext"),
            Cow::Borrowed(_)
        ));
    }
}
