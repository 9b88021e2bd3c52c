//! `careers man`: the manual page from the clap definition, through clap_mangen. On stdout, the
//! page of `careers` followed by the page of every command; with `--dir`, one file per page.

use std::path::PathBuf;

use clap::CommandFactory;
use roff::{Roff, bold, roman};

use crate::cli::{Cli, ManArgs};

pub fn run(args: &ManArgs) -> anyhow::Result<Vec<u8>> {
    let pages = pages()?;
    let Some(dir) = &args.dir else {
        return Ok(pages.into_iter().flat_map(|(_, roff)| roff).collect());
    };
    std::fs::create_dir_all(dir)
        .map_err(|e| anyhow::anyhow!("cannot create {}: {e}; pass another --dir", dir.display()))?;
    let mut written = String::new();
    for (name, roff) in pages {
        let path: PathBuf = dir.join(name);
        crate::fsutil::write_atomically(&path, &roff, crate::fsutil::Overwrite::Yes)?;
        written.push_str(&format!("{}\n", path.display()));
    }
    Ok(crate::render::sanitize::sanitize(&written)
        .into_owned()
        .into_bytes())
}

/// (file name, roff) for `careers` and each visible command, in the order `--help` lists them.
pub fn pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let date = page_date(std::env::var("SOURCE_DATE_EPOCH").ok().as_deref());
    let commands: Vec<String> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| s.get_name().to_owned())
        .collect();
    let mut pages = Vec::new();
    let mut add = |cmd: clap::Command| -> std::io::Result<()> {
        let examples = cmd.get_after_help().map(std::string::ToString::to_string);
        // Every page names the program and its version, not the subcommand, as its source.
        let man = clap_mangen::Man::new(cmd.clone())
            .date(date.clone())
            .source(format!("careers {}", env!("CARGO_PKG_VERSION")))
            .manual("careers manual");
        let mut roff = Vec::new();
        man.render_title(&mut roff)?;
        man.render_name_section(&mut roff)?;
        man.render_synopsis_section(&mut roff)?;
        man.render_description_section(&mut roff)?;
        if cmd.get_arguments().any(|a| !a.is_hide_set()) {
            man.render_options_section(&mut roff)?;
        }
        if cmd.has_subcommands() {
            man.render_subcommands_section(&mut roff)?;
        }
        if let Some(text) = examples {
            roff.extend(after_help_sections(&text).into_bytes());
        }
        if cmd.has_subcommands() && cmd.get_name() == "careers" {
            roff.extend(main_page_sections(&commands).into_bytes());
        }
        roff.extend(closing_sections().into_bytes());
        if cmd.get_version().is_some() {
            man.render_version_section(&mut roff)?;
        }
        pages.push((man.get_filename(), roff));
        Ok(())
    };
    add(cmd.clone())?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        add(sub.clone())?;
    }
    Ok(pages)
}

/// The date a page carries: that of `SOURCE_DATE_EPOCH` (seconds since 1970, as reproducible
/// builds set it), else today's, as `YYYY-MM-DD`.
fn page_date(source_date_epoch: Option<&str>) -> String {
    let secs = source_date_epoch
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| jiff::Timestamp::now().as_second());
    let (y, m, d) = civil_date(secs.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// The (year, month, day) of a day counted from 1970-01-01 (Howard Hinnant's algorithm).
fn civil_date(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Roff made by the roff crate, which escapes backslashes, hyphens and lines that would start
/// with a control character; apostrophes are set as apostrophes.
fn render(roff: &Roff) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = roff.to_writer(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// A command's closing help as man page sections: a paragraph whose first line is one word and
/// a colon ("Examples:") becomes a section of that name, its lines kept as they are;
/// any other paragraph goes under NOTES.
fn after_help_sections(text: &str) -> String {
    let mut roff = Roff::new();
    for block in text.split("\n\n") {
        let mut lines = block.lines();
        let Some(first) = lines.next() else { continue };
        match first.strip_suffix(':') {
            // Every page has its own EXIT STATUS section.
            Some("Exit codes") => {}
            Some(name) if !name.contains(' ') => {
                roff.control("SH", [name.to_uppercase().as_str()]);
                roff.control("nf", []);
                for line in lines {
                    roff.text([roman(line.trim_start())]);
                }
                roff.control("fi", []);
            }
            _ => {
                roff.control("SH", ["NOTES"]);
                roff.text([roman(block.replace('\n', " "))]);
            }
        }
    }
    render(&roff)
}

/// The main page's examples (a few questions, each one command) and its SEE ALSO (a page per
/// command).
fn main_page_sections(commands: &[String]) -> String {
    let mut roff = Roff::new();
    roff.control("SH", ["EXAMPLES"]);
    roff.control("nf", []);
    for line in MAIN_EXAMPLES {
        roff.text([roman(*line)]);
    }
    roff.control("fi", []);
    roff.control("SH", ["SEE ALSO"]);
    let pages: Vec<String> = commands.iter().map(|c| format!("careers-{c}(1)")).collect();
    roff.text([roman(pages.join(", "))]);
    render(&roff)
}

/// What the main page shows first: a question each, as `careers --help` would not.
pub const MAIN_EXAMPLES: &[&str] = &[
    "careers show ml-engineer              # what a role does and needs",
    "careers search \"data scientist\"       # find a role by the words you use",
    "careers salary data-scientists --city Seattle",
    "careers outlook --top 10              # which occupations grow fastest",
    "careers compare data-engineer ml-engineer",
    "careers gap data-engineer ml-engineer # what to learn to move",
    "careers list --format json | jq -r '.roles[].id'",
];

/// The sections every page ends with: exit status, environment and files.
fn closing_sections() -> String {
    let mut roff = Roff::new();
    let mut tagged = |title: &str, items: &[(&str, &str)]| {
        roff.control("SH", [title]);
        for (tag, text) in items {
            roff.control("TP", []);
            roff.text([bold(*tag)]);
            roff.text([roman(*text)]);
        }
    };
    tagged(
        "EXIT STATUS",
        &[
            ("0", "success, also when the reader of a pipe closes early"),
            (
                "1",
                "runtime error: unknown role, place or value, bad data, input with nothing usable in it, stdout that cannot be written or was closed",
            ),
            (
                "2",
                "usage error: unknown flag or subcommand, missing argument, an empty role, place or value, a value outside a closed set (CAREERS_FORMAT included)",
            ),
            ("130", "interrupted by Ctrl-C"),
        ],
    );
    tagged(
        "ENVIRONMENT",
        &[
            (
                "CAREERS_DATA_DIR",
                "the data folder, as --data-dir; an empty value counts as unset",
            ),
            (
                "XDG_DATA_HOME",
                "where the data folder is by default: $XDG_DATA_HOME/careers",
            ),
            (
                "CAREERS_FORMAT",
                "the output format when --format is not given",
            ),
            (
                "CAREERS_NO_EMBEDDED",
                "a non-empty value leaves out the embedded O*NET and OEWS data: the curated profiles, your imports and your own profiles answer alone",
            ),
            (
                "CAREERS_PAGER",
                "the pager for output longer than the screen; empty turns paging off",
            ),
            (
                "PAGER",
                "the pager when CAREERS_PAGER is unset (else less -FRX)",
            ),
            (
                "NO_COLOR",
                "a non-empty value turns colour off under --color auto",
            ),
            (
                "CLICOLOR_FORCE",
                "a non-empty value turns colour on under --color auto, even in a pipe",
            ),
            ("CLICOLOR", "0 turns colour off under --color auto"),
            ("TERM", "dumb turns colour off under --color auto"),
            (
                "COLUMNS",
                "the width to lay output out for (else the terminal's, else 100)",
            ),
            (
                "LINES",
                "the screen height the pager decision uses (else the terminal's)",
            ),
            (
                "SOURCE_DATE_EPOCH",
                "the date careers man puts on its pages (else today)",
            ),
        ],
    );
    tagged(
        "FILES",
        &[
            (
                "DATA_DIR",
                "the data folder: --data-dir, else $CAREERS_DATA_DIR, else ~/.local/share/careers",
            ),
            (
                "DATA_DIR/profiles/*.json",
                "your own profiles, one file each (careers new, careers validate)",
            ),
            (
                "DATA_DIR/profile.schema.json",
                "the JSON Schema of a profile, written by careers new for editors",
            ),
            (
                "DATA_DIR/onet/",
                "an imported O*NET release (careers import onet), used instead of the embedded one",
            ),
            (
                "DATA_DIR/oews/",
                "an imported BLS OEWS release (careers import oews), used instead of the embedded one",
            ),
            (
                "DATA_DIR/projections/",
                "an imported BLS Employment Projections release (careers import projections), used instead of the embedded one",
            ),
        ],
    );
    render(&roff)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_page_date_comes_from_source_date_epoch() {
        assert_eq!(super::page_date(Some("0")), "1970-01-01");
        assert_eq!(super::page_date(Some("1764547200")), "2025-12-01");
        assert_eq!(super::page_date(Some("951782400")), "2000-02-29");
    }

    #[test]
    fn one_page_per_command_each_with_a_title() {
        let pages = super::pages().unwrap();
        let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names[0], "careers.1");
        assert!(names.contains(&"careers-show.1"), "{names:?}");
        assert!(names.contains(&"careers-man.1"), "{names:?}");
        for (name, roff) in &pages {
            let text = String::from_utf8_lossy(roff);
            assert!(text.lines().any(|l| l.starts_with(".TH ")), "{name}");
        }
    }
}
