//! Output longer than the screen goes through a pager, on a terminal only: `$CAREERS_PAGER`,
//! then `$PAGER`, then `less -FRX`. An empty value of either variable, or `--no-pager`, turns
//! paging off. A pager that cannot start or that fails leaves the output to go out as it is.

use std::ffi::OsString;
use std::io::{self, Write};
use std::process::{Command, Stdio};

/// The pager used when neither variable names one: quits at once when the text fits (`-F`),
/// shows colour (`-R`) and leaves the text on screen (`-X`).
pub const DEFAULT: &[&str] = &["less", "-FRX"];

/// The pager command to run, if any: `None` when paging is off or stdout is not a terminal.
/// `careers_pager` and `pager` are the values of `CAREERS_PAGER` and `PAGER`.
pub fn choose(
    no_pager: bool,
    stdout_is_terminal: bool,
    careers_pager: Option<OsString>,
    pager: Option<OsString>,
) -> Option<Vec<String>> {
    if no_pager || !stdout_is_terminal {
        return None;
    }
    let named = careers_pager.or(pager);
    match named {
        None => Some(DEFAULT.iter().map(|s| (*s).to_owned()).collect()),
        Some(value) => {
            let words = shell_words::split(&value.to_string_lossy()).ok()?;
            (!words.is_empty()).then_some(words)
        }
    }
}

/// The screen's height: `LINES` when set to a number, else the terminal's.
pub fn screen_rows(lines: Option<&str>) -> Option<usize> {
    lines
        .and_then(|l| l.trim().parse::<usize>().ok())
        .filter(|&l| l > 0)
        .or_else(super::screen_rows)
}

/// Writes `text` to `out`, through `pager` when it has more lines than `rows`.
pub fn write(
    text: &[u8],
    pager: Option<&[String]>,
    rows: Option<usize>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let longer = rows.is_some_and(|rows| text.iter().filter(|&&b| b == b'\n').count() >= rows);
    if let Some(pager) = pager.filter(|_| longer)
        && run(pager, text).is_ok()
    {
        return Ok(());
    }
    out.write_all(text)
}

/// Runs the pager on `text`. Ok when it ran to the end and succeeded; quitting the pager before
/// the end (a closed pipe) counts as success.
fn run(pager: &[String], text: &[u8]) -> io::Result<()> {
    let (program, args) = pager.split_first().ok_or(io::ErrorKind::NotFound)?;
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .spawn()?;
    // Ctrl-C in the pager reaches careers too: wait for the pager instead of leaving it
    // behind on a terminal it has changed.
    let hold = crate::interrupt::HoldOff::new();
    let written = child
        .stdin
        .take()
        .map_or(Ok(()), |mut stdin| stdin.write_all(text));
    let status = child.wait()?;
    drop(hold);
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e),
        _ => {}
    }
    if status.success() {
        Ok(())
    } else {
        Err(io::Error::other(format!(
            "pager {program} failed: {status}"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(v: &[&str]) -> Option<Vec<String>> {
        Some(v.iter().map(|s| (*s).to_owned()).collect())
    }

    #[test]
    fn careers_pager_then_pager_then_less() {
        let os = |s: &str| Some(OsString::from(s));
        assert_eq!(choose(false, true, None, None), words(DEFAULT));
        assert_eq!(choose(false, true, None, os("more")), words(&["more"]));
        assert_eq!(
            choose(false, true, os("bat --plain"), os("more")),
            words(&["bat", "--plain"])
        );
        assert_eq!(choose(false, true, os(""), os("more")), None);
        assert_eq!(choose(false, true, None, os("")), None);
        assert_eq!(choose(true, true, None, None), None);
        assert_eq!(choose(false, false, None, None), None);
    }

    #[test]
    fn a_missing_or_failing_pager_leaves_the_text_to_stdout() {
        let mut out = Vec::new();
        let missing = words(&["careers-no-such-pager"]).unwrap();
        write(b"a\nb\n", Some(&missing), Some(1), &mut out).unwrap();
        assert_eq!(out, b"a\nb\n");
        out.clear();
        let failing = words(&["false"]).unwrap();
        write(b"a\nb\n", Some(&failing), Some(1), &mut out).unwrap();
        assert_eq!(out, b"a\nb\n");
    }

    #[test]
    fn only_text_longer_than_the_screen_is_paged() {
        // `true` reads nothing and succeeds: what it was given never reaches `out`.
        let swallow = words(&["true"]).unwrap();
        let mut out = Vec::new();
        write(b"a\nb\n", Some(&swallow), Some(24), &mut out).unwrap();
        assert_eq!(out, b"a\nb\n");
        out.clear();
        write(b"a\nb\n", Some(&swallow), Some(2), &mut out).unwrap();
        assert_eq!(out, b"");
        write(b"a\nb\n", Some(&swallow), None, &mut out).unwrap();
        assert_eq!(out, b"a\nb\n", "unknown height: not paged");
    }
}
