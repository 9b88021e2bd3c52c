//! Output longer than the screen goes through a pager, on a terminal only: `$CAREERS_PAGER`,
//! then `$PAGER`, then `less -FRX`. An empty value of either variable, or `--no-pager`, turns
//! paging off. The pager runs with `LESS=FRX` when `LESS` is unset (git's rule), so that
//! `PAGER=less` shows colour. A pager that cannot start leaves the output to go out as it is;
//! one that started has taken it, so whatever it does then, the output is not written again.

use std::ffi::OsString;
use std::io::{self, Write};
use std::process::{Child, Command, Stdio};

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

/// The `LESS` the pager runs with when the variable is unset: quit at once when the text fits
/// (`F`), show colour (`R`), leave the text on screen (`X`).
pub const LESS: &str = "FRX";

/// Writes `text` to `out`, through `pager` when it has more lines than `rows`.
pub fn write(
    text: &[u8],
    pager: Option<&[String]>,
    rows: Option<usize>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let longer = rows.is_some_and(|rows| text.iter().filter(|&&b| b == b'\n').count() >= rows);
    match pager.filter(|_| longer).and_then(command) {
        Some(mut pager) => match pager.spawn() {
            Ok(child) => {
                page(child, text);
                Ok(())
            }
            Err(_) => out.write_all(text),
        },
        None => out.write_all(text),
    }
}

/// The command that runs `pager` (program and arguments), with `LESS` set when it is not.
fn command(pager: &[String]) -> Option<Command> {
    let (program, args) = pager.split_first()?;
    let mut command = Command::new(program);
    command.args(args).stdin(Stdio::piped());
    if std::env::var_os("LESS").is_none() {
        command.env("LESS", LESS);
    }
    Some(command)
}

/// Gives `text` to the pager `child` and waits for it to end. The pager has the output from
/// here on: quitting before the end (a closed pipe), failing or being killed is its own
/// business, and the output is not written again.
fn page(mut child: Child, text: &[u8]) {
    // Ctrl-C in the pager reaches careers too: wait for the pager instead of leaving it
    // behind on a terminal it has changed.
    let hold = crate::interrupt::HoldOff::new();
    if let Some(mut stdin) = child.stdin.take() {
        // Closing stdin (dropping it) tells the pager the text is complete.
        let _ = stdin.write_all(text);
    }
    let _ = child.wait();
    drop(hold);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn careers_pager_then_pager_then_less() {
        let os = |s: &str| Some(OsString::from(s));
        assert_eq!(choose(false, true, None, None), Some(words(DEFAULT)));
        assert_eq!(
            choose(false, true, None, os("more")),
            Some(words(&["more"]))
        );
        assert_eq!(
            choose(false, true, os("bat --plain"), os("more")),
            Some(words(&["bat", "--plain"]))
        );
        assert_eq!(choose(false, true, os(""), os("more")), None);
        assert_eq!(choose(false, true, None, os("")), None);
        assert_eq!(choose(true, true, None, None), None);
        assert_eq!(choose(false, false, None, None), None);
    }

    #[test]
    fn only_a_pager_that_cannot_start_leaves_the_text_to_stdout() {
        let mut out = Vec::new();
        let missing = words(&["careers-no-such-pager"]);
        write(b"a\nb\n", Some(&missing), Some(1), &mut out).unwrap();
        assert_eq!(out, b"a\nb\n");
        // A pager that started had the text, even one that then fails: never written twice.
        out.clear();
        let failing = words(&["sh", "-c", "cat >/dev/null; exit 1"]);
        write(b"a\nb\n", Some(&failing), Some(1), &mut out).unwrap();
        assert_eq!(out, b"");
        let quitting = words(&["false"]);
        write(b"a\nb\n", Some(&quitting), Some(1), &mut out).unwrap();
        assert_eq!(out, b"");
    }

    #[test]
    fn the_pager_gets_less_frx_unless_less_is_set() {
        let pager = words(&["less"]);
        let less = command(&pager).unwrap();
        let set: Vec<_> = less.get_envs().collect();
        if std::env::var_os("LESS").is_none() {
            assert_eq!(set, [("LESS".as_ref(), Some(LESS.as_ref()))]);
        } else {
            assert_eq!(set, []);
        }
    }

    #[test]
    fn only_text_longer_than_the_screen_is_paged() {
        // `true` reads nothing and succeeds: what it was given never reaches `out`.
        let swallow = words(&["true"]);
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
