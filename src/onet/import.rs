//! Reads the O*NET text edition (tab-delimited, header row, CRLF) into one profile per
//! occupation. Columns are found by header name. `Occupation Data.txt` is required; every other
//! file is used when present and reported as missing otherwise.
//!
//! A malformed row (wrong number of fields, an unknown or badly formed O*NET-SOC code, a value
//! out of range, text that is not UTF-8) is skipped, counted and reported with its file, line and
//! reason: one bad row in a 50,000-row file should not cost the user the other 49,999. A file
//! that is present but lacks a column the importer needs is not O*NET's format, and aborts.
//!
//! This module finds, bounds and splits the files into rows; what each file holds and where it
//! goes is `readers`.

mod readers;

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::path::{Path, PathBuf};

use anyhow::bail;

pub use crate::datadir::imports::{Progress, Silent};
use crate::model::{OnetDetails, Vocabulary, slugify};
use readers::{Gathered, READERS};

/// The one file an import cannot do without.
pub const OCCUPATION_DATA: &str = "Occupation Data.txt";

/// Every optional file the importer reads, in the order it reads them.
pub const OPTIONAL_FILES: [&str; READERS.len()] = {
    let mut names = [""; READERS.len()];
    let mut i = 0;
    while i < READERS.len() {
        names[i] = READERS[i].name;
        i += 1;
    }
    names
};

/// Longest id an imported occupation gets; longer titles are cut at a word boundary.
const MAX_ID_LEN: usize = 80;

/// The most columns any file is read by.
const MAX_COLUMNS: usize = 8;

/// One imported occupation.
#[derive(Debug, Clone, PartialEq)]
pub struct Occupation {
    pub id: String,
    pub title: String,
    pub description: String,
    /// Canonical skill names the occupation's technology maps onto, in first-seen order.
    pub skills: Vec<String>,
    pub details: OnetDetails,
}

/// A malformed row that was skipped.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SkippedRow {
    pub file: String,
    pub line: u64,
    pub reason: String,
}

/// Skipped rows of one file with one reason: one bad code in `Occupation Data.txt` makes every
/// row of that code in the other files a follow-on skip, and grouping keeps those from hiding
/// the rest.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SkippedGroup {
    pub file: String,
    pub reason: String,
    pub rows: usize,
    pub first_line: u64,
}

/// `rows` grouped by file and reason, in the order each group was first met.
pub fn group_skipped(rows: &[SkippedRow]) -> Vec<SkippedGroup> {
    let mut groups: Vec<SkippedGroup> = Vec::new();
    let mut at: HashMap<(&str, &str), usize> = HashMap::new();
    for row in rows {
        if let Some(&i) = at.get(&(row.file.as_str(), row.reason.as_str())) {
            groups[i].rows += 1;
        } else {
            at.insert((&row.file, &row.reason), groups.len());
            groups.push(SkippedGroup {
                file: row.file.clone(),
                reason: row.reason.clone(),
                rows: 1,
                first_line: row.line,
            });
        }
    }
    groups
}

/// What the import read, before it is stored.
#[derive(Debug, Default)]
pub struct Import {
    /// The release, e.g. "29.2", from `Read Me.txt` or the folder name.
    pub version: Option<String>,
    pub occupations: Vec<Occupation>,
    /// Optional files that were not in the folder.
    pub missing: Vec<&'static str>,
    /// Optional files that were there but empty (0 bytes), skipped like missing ones.
    pub empty: Vec<&'static str>,
    /// Every malformed row, in the order read.
    pub skipped: Vec<SkippedRow>,
    /// Where the files that rate elements (Skills, Knowledge, Abilities) were read from, and
    /// the release they belong to, when any was read.
    pub ratings: Option<RatingsSource>,
}

/// Where an import's ratings come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatingsSource {
    /// The release of the ratings, e.g. "29.0": the import's own, or that of the folder given
    /// for them.
    pub version: Option<String>,
    /// The folder given for them, when it is not the release's own.
    pub folder: Option<PathBuf>,
}

/// Reads the database in `dir`. `reserved` holds ids already taken (the bundled profiles), which
/// imported occupations must not shadow.
pub fn read(
    dir: &Path,
    vocabulary: &Vocabulary,
    reserved: &HashSet<String>,
    progress: &dyn Progress,
) -> anyhow::Result<Import> {
    read_with_ratings(dir, None, vocabulary, reserved, progress)
}

/// Reads the database in `dir`, and its ratings (`Skills.txt`, `Knowledge.txt`,
/// `Abilities.txt`) from `ratings` instead when it is given: the folder of another release's
/// rating files, such as O*NET 29.0's beside a 29.2 that lacks them. Their release is read from
/// that folder's `Read Me.txt` or name, and every view names it.
pub fn read_with_ratings(
    dir: &Path,
    ratings: Option<&Path>,
    vocabulary: &Vocabulary,
    reserved: &HashSet<String>,
    progress: &dyn Progress,
) -> anyhow::Result<Import> {
    check_folder(dir)?;
    if !dir.join(OCCUPATION_DATA).exists() {
        bail!(
            "{} has no \"{OCCUPATION_DATA}\"; point the import at the folder of O*NET's text files (e.g. db_29_2_text)",
            dir.display()
        );
    }
    if let Some(folder) = ratings {
        check_folder(folder)?;
    }
    let source = |file: &str| -> PathBuf {
        match ratings {
            Some(folder) if readers::is_rating_file(file) => folder.join(file),
            _ => dir.join(file),
        }
    };
    // Every file is checked before anything is read: a FIFO, a device or a huge file fails
    // the import at once, never after minutes of reading.
    let readmes = std::iter::once(dir).chain(ratings).map(|d| d.join(README));
    for path in std::iter::once(OCCUPATION_DATA)
        .chain(OPTIONAL_FILES)
        .map(source)
        .chain(readmes)
    {
        if path.exists() {
            let max = max_source_bytes(&path.file_name().unwrap_or_default().to_string_lossy());
            drop(open_source(&path, max)?);
        }
    }
    if is_empty(&dir.join(OCCUPATION_DATA)) {
        bail!("\"{OCCUPATION_DATA}\" {EMPTY}");
    }
    let mut missing = Vec::new();
    let mut empty = Vec::new();
    let mut present = Vec::new();
    for file in &READERS {
        let path = source(file.name);
        if !path.exists() {
            missing.push(file.name);
        } else if is_empty(&path) {
            empty.push(file.name);
        } else {
            present.push(file);
        }
    }
    let version = read_version(dir)?;
    let rated = present.iter().any(|f| readers::is_rating_file(f.name));
    let ratings_source = match ratings {
        _ if !rated => None,
        Some(folder) => Some(RatingsSource {
            version: read_version(folder)?,
            folder: Some(folder.to_path_buf()),
        }),
        None => Some(RatingsSource {
            version: version.clone(),
            folder: None,
        }),
    };
    progress.start(present.len() as u64 + 1);
    let mut reader = Reader {
        dir,
        touched: Vec::new(),
        ratings_dir: ratings,
        import: Import {
            version,
            missing,
            empty,
            ratings: ratings_source,
            ..Import::default()
        },
        progress,
    };
    let mut gathered = Gathered::new(readers::occupations(&mut reader)?, vocabulary);
    for file in present {
        reader.rows(file.name, file.columns, file.optional, |row, optional| {
            (file.read)(&mut gathered, row, optional)
        })?;
    }
    let mut occ = gathered.finish();
    assign_ids(&mut occ, reserved);
    progress.finish();
    let mut import = reader.import;
    // Every occupation a row left out names is marked incomplete, with why: only an import
    // forced past the problems stores them.
    for (row, code) in import.skipped.iter().zip(&reader.touched) {
        let Some(code) = code else { continue };
        if let Ok(at) = occ.binary_search_by(|o| o.details.code.as_str().cmp(code)) {
            occ[at].details.incomplete.push(row_problem(row));
        }
    }
    import.occupations = occ;
    Ok(import)
}

/// "Skills.txt line 6, column 5 \"Data Value\": LV value 8.5 is out of range".
pub fn row_problem(row: &SkippedRow) -> String {
    match row.reason.strip_prefix("column ") {
        Some(rest) => format!("{} line {}, column {rest}", row.file, row.line),
        None => format!("{} line {}: {}", row.file, row.line, row.reason),
    }
}

/// How many problems the error of a strict import lists before it counts the rest.
const LISTED: usize = 20;

/// Fails when the import read rows it could not (a malformed row, a figure that is not a
/// number, bytes that are not UTF-8): the files are damaged, and the error lists the problems
/// by file, line and column, the first [`LISTED`] of them and how many more.
pub fn check_rows(import: &Import, source: &Path, ratings: Option<&Path>) -> anyhow::Result<()> {
    if import.skipped.is_empty() {
        return Ok(());
    }
    let listed: Vec<String> = import
        .skipped
        .iter()
        .take(LISTED)
        .map(row_problem)
        .collect();
    let more = match import.skipped.len().saturating_sub(LISTED) {
        0 => String::new(),
        n => format!("; and {} more", crate::model::salary::thousands(n as u64)),
    };
    let rows = match import.skipped.len() {
        1 => "1 row".to_owned(),
        n => format!("{} rows", crate::model::salary::thousands(n as u64)),
    };
    let folders = match ratings {
        Some(r) => format!("{} and {} have", source.display(), r.display()),
        None => format!("{} has", source.display()),
    };
    bail!(
        "{folders} {rows} that cannot be read: {}{more}; nothing was imported and the previous import is kept (download the database again, or pass --force to import the rest, marking each occupation a left-out row names incomplete)",
        listed.join("; ")
    )
}

/// "column 5 \"Data Value\"": a column by its place in the header (from 1) and its name.
fn column_label(at: usize, name: &str) -> String {
    if name.is_empty() {
        format!("column {}", at + 1)
    } else {
        format!("column {} \"{name}\"", at + 1)
    }
}

fn contains_ignoring_case(text: &str, word: &str) -> bool {
    text.to_ascii_lowercase()
        .contains(&word.to_ascii_lowercase())
}

/// Fails unless `dir` is a folder that can be read.
fn check_folder(dir: &Path) -> anyhow::Result<()> {
    match std::fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            bail!("{} does not exist", dir.display())
        }
        Err(e) => bail!("cannot read {}: {}", dir.display(), io_reason(&e)),
        Ok(m) if !m.is_dir() => bail!("{} is not a folder", dir.display()),
        Ok(_) => Ok(()),
    }
}

struct Reader<'a> {
    dir: &'a Path,
    /// The O*NET-SOC code of each skipped row, in the order of `import.skipped`, when it could
    /// be read.
    touched: Vec<Option<String>>,
    /// Where the rating files are read from instead of `dir`, when given.
    ratings_dir: Option<&'a Path>,
    import: Import,
    progress: &'a dyn Progress,
}

impl Reader<'_> {
    /// Calls `each` with the named columns of every well-formed row, and with the value of the
    /// `optional` column when the header has it.
    fn rows(
        &mut self,
        file: &str,
        columns: &[&str],
        optional: Option<&str>,
        mut each: impl FnMut(&[&str], Option<&str>) -> Result<(), String>,
    ) -> anyhow::Result<()> {
        self.progress.file(file);
        let path = match self.ratings_dir {
            Some(folder) if readers::is_rating_file(file) => folder.join(file),
            _ => self.dir.join(file),
        };
        let handle = open_source(&path, max_source_bytes(file))?;
        let mut csv = csv::ReaderBuilder::new()
            .delimiter(b'\t')
            .quoting(false)
            .flexible(true)
            // Rows end at `\n` (O*NET's files use CRLF; the `\r` is stripped below). The csv
            // crate's CRLF terminator ends a record at the `\r` and counts the line at the
            // `\n`, which puts every row's line one too low.
            .terminator(csv::Terminator::Any(b'\n'))
            .from_reader(std::io::BufReader::with_capacity(1 << 16, handle));
        let headers = match csv.headers() {
            Ok(headers) => headers.clone(),
            Err(e) if matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) => bail!(
                "{file} is not UTF-8 text (UTF-16?); import O*NET's text edition (e.g. db_29_2_text), whose files are UTF-8"
            ),
            Err(e) => {
                return Err(over_bound(&path, &e).unwrap_or_else(|| {
                    anyhow::Error::new(e).context(format!("{file}: cannot read the header row"))
                }));
            }
        };
        // Checked once the header shows the file is UTF-8 text, which UTF-16 is not.
        if ends_mid_row(csv.get_ref().get_ref().file()) {
            bail!(
                "\"{file}\" ends mid-row (its last line has no line end): it looks cut short; download the database again (it is {})",
                path.display()
            );
        }
        let width = headers.len();
        let mut at = Vec::with_capacity(columns.len());
        for name in columns {
            match headers.iter().position(|h| h.trim() == *name) {
                Some(i) => at.push(i),
                None => bail!("{file}: the header has no column \"{name}\""),
            }
        }
        let optional_at = optional.and_then(|name| headers.iter().position(|h| h.trim() == name));
        let code_at = headers.iter().position(|h| h.trim() == readers::CODE);
        let mut raw = csv::ByteRecord::new();
        assert!(
            columns.len() <= MAX_COLUMNS,
            "at most {MAX_COLUMNS} columns"
        );
        loop {
            let line = csv.position().line();
            match csv.read_byte_record(&mut raw) {
                Ok(false) => break,
                Ok(true) => {}
                Err(err) => {
                    return Err(over_bound(&path, &err).unwrap_or_else(|| {
                        anyhow::Error::new(err).context(format!("{file}: line {line}"))
                    }));
                }
            }
            let line = raw.position().map_or(line, csv::Position::line);
            // The occupation the row is of, when its code can be read: what a row left out
            // under `--force` marks incomplete.
            let code = code_at
                .and_then(|i| raw.get(i))
                .and_then(|b| std::str::from_utf8(b).ok())
                .map(|c| c.trim_end_matches('\r').trim().to_owned());
            let record = match csv::StringRecord::from_byte_record(std::mem::take(&mut raw)) {
                Ok(record) => record,
                Err(err) => {
                    let at = err.utf8_error().field();
                    let name = headers.get(at).map_or("", str::trim);
                    let reason = format!(
                        "{}: the bytes are not UTF-8 text, the file's encoding",
                        column_label(at, name)
                    );
                    raw = err.into_byte_record();
                    self.skip(file, line, reason, code);
                    continue;
                }
            };
            if record.len() == 1 && field(&record, 0).is_empty() {
                raw = record.into_byte_record();
                continue;
            }
            if record.len() != width {
                let reason = format!("expected {width} fields, found {}", record.len());
                raw = record.into_byte_record();
                self.skip(file, line, reason, code);
                continue;
            }
            let mut fields = [""; MAX_COLUMNS];
            for (slot, &i) in fields.iter_mut().zip(&at) {
                *slot = field(&record, i);
            }
            let extra = optional_at.map(|i| field(&record, i));
            if let Err(reason) = each(&fields[..at.len()], extra) {
                // The column the reason names, by its place in the header.
                let named = columns
                    .iter()
                    .zip(&at)
                    .chain(optional.iter().zip(&optional_at))
                    .filter(|(name, _)| contains_ignoring_case(&reason, name))
                    .max_by_key(|(name, _)| name.len());
                let reason = match named {
                    Some((name, &i)) => format!("{}: {reason}", column_label(i, name)),
                    None => reason,
                };
                self.skip(file, line, reason, code);
            }
            raw = record.into_byte_record();
        }
        Ok(())
    }

    fn skip(&mut self, file: &str, line: u64, reason: String, code: Option<String>) {
        self.import.skipped.push(SkippedRow {
            file: file.to_owned(),
            line,
            reason,
        });
        self.touched.push(code);
    }
}

/// The largest file an import reads: O*NET 29.2's largest is 3.5 MB (and the older, larger
/// `Abilities.txt`-style files stay under 20 MB), so 256 MiB leaves room for decades of growth
/// while a 2 GiB sparse file or a link to a device is refused before it is read.
pub const MAX_SOURCE_BYTES: u64 = 256 * 1024 * 1024;

/// `Read Me.txt` is read for its first line only; O*NET's is 516 bytes.
pub const MAX_README_BYTES: u64 = 64 * 1024;

const README: &str = "Read Me.txt";

fn max_source_bytes(file: &str) -> u64 {
    if file == README {
        MAX_README_BYTES
    } else {
        MAX_SOURCE_BYTES
    }
}

/// Opens one of the import's files if it is a regular file within its bound.
fn open_source(path: &Path, max: u64) -> anyhow::Result<crate::fsutil::Bounded<File>> {
    crate::fsutil::open_bounded(path, max).map_err(|e| {
        let reason = match e {
            crate::fsutil::ReadError::Io(e) => io_reason(&e),
            other => other.to_string(),
        };
        anyhow::anyhow!("cannot read {}: {reason}", path.display())
    })
}

/// Whether a non-empty file's last byte is not a line end: O*NET's files end every row with
/// CRLF, so a file cut anywhere but between rows ends mid-row.
/// The file's position is left where it was, for the reader that has begun on it.
fn ends_mid_row(mut file: &File) -> bool {
    use std::io::{Read as _, Seek as _, SeekFrom};
    let mut last = [0u8];
    let Ok(at) = file.stream_position() else {
        return false;
    };
    let read = file
        .seek(SeekFrom::End(-1))
        .and_then(|_| file.read_exact(&mut last));
    let back = file.seek(SeekFrom::Start(at));
    // An empty file has no last byte; it is reported as empty instead.
    read.is_ok() && back.is_ok() && last[0] != b'\n'
}

/// The error for a file that grew past its bound while it was read, if that is what `err` is.
fn over_bound(path: &Path, err: &csv::Error) -> Option<anyhow::Error> {
    match err.kind() {
        csv::ErrorKind::Io(io) if crate::fsutil::is_over_bound(io) => Some(anyhow::anyhow!(
            "cannot read {}: {}",
            path.display(),
            crate::fsutil::ReadError::TooLarge {
                len: None,
                max: MAX_SOURCE_BYTES
            }
        )),
        _ => None,
    }
}

/// The file each measure of an import's counts comes from.
const MEASURED_IN: [(&str, &str); 10] = [
    ("occupations", OCCUPATION_DATA),
    ("alternate titles", "Alternate Titles.txt"),
    ("reported titles", "Sample of Reported Titles.txt"),
    ("tasks", "Task Statements.txt"),
    ("technology skills", "Technology Skills.txt"),
    ("tools", "Tools Used.txt"),
    ("related links", "Related Occupations.txt"),
    ("rated occupations", "Skills.txt"),
    ("occupations with skill ratings", "Skills.txt"),
    ("occupations with knowledge ratings", "Knowledge.txt"),
];

/// Fails when `new` holds more than [`MAY_LOSE_PERCENT`](crate::datadir::release::MAY_LOSE_PERCENT)
/// fewer of any count than `previous`: O*NET releases move each count by a few percent (29.0
/// to 29.2 kept all 1,016 occupations), so more means a cut, missing or wrong file, or a
/// partial release. The error names the file each lost count comes from in `source`, and says
/// when it is `missing` or `empty`.
pub fn check_loss(
    previous: &super::storage::Contents,
    new: &super::storage::Contents,
    source: &Path,
    ratings: Option<&Path>,
    missing: &[&str],
    empty: &[&str],
) -> anyhow::Result<()> {
    let n = crate::model::salary::thousands;
    let (mut in_source, mut in_ratings) = (false, false);
    let lost: Vec<String> = crate::datadir::release::losses(previous, new)
        .iter()
        .map(|loss| {
            let file = MEASURED_IN
                .iter()
                .find(|(m, _)| *m == loss.measure)
                .map_or(OCCUPATION_DATA, |(_, f)| *f);
            if ratings.is_some() && readers::is_rating_file(file) {
                in_ratings = true;
            } else {
                in_source = true;
            }
            let state = if missing.contains(&file) {
                "is missing"
            } else if empty.contains(&file) {
                "is empty"
            } else {
                "holds fewer"
            };
            format!(
                "{} {} with {} (\"{file}\" {state})",
                n(loss.current),
                loss.measure,
                n(loss.new)
            )
        })
        .collect();
    if lost.is_empty() {
        return Ok(());
    }
    let folders = match (in_source, ratings.filter(|_| in_ratings)) {
        (true, Some(r)) => format!("{} and {}", source.display(), r.display()),
        (false, Some(r)) => r.display().to_string(),
        (_, None) => source.display().to_string(),
    };
    bail!(
        "this import would replace {}, losing more than the {}% a new release may (a truncated or incomplete download, or a partial release?); the previous import is kept: check those files in {folders} (download the database again), or pass --force to replace it anyway",
        lost.join(", "),
        crate::datadir::release::MAY_LOSE_PERCENT,
    )
}

/// Why an empty file is skipped, and what to do about it.
pub const EMPTY: &str = "is empty (0 bytes; a truncated download?); download the database again";

fn is_empty(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() == 0)
}

/// What went wrong reading a file or folder, with a hint where there is one.
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => {
            "permission denied; check that your user may read it (ls -l, chmod u+r)".to_owned()
        }
        _ => e.to_string(),
    }
}

/// Field `i` of a row, without the `\r` of a CRLF line end.
fn field(record: &csv::StringRecord, i: usize) -> &str {
    let value = &record[i];
    value.strip_suffix('\r').unwrap_or(value)
}

/// "29.2" from the first line of `Read Me.txt` ("O*NET 29.2 Database"), else from a folder
/// named like O*NET's downloads (`db_29_2_text`).
pub fn read_version(dir: &Path) -> anyhow::Result<Option<String>> {
    let path = dir.join(README);
    let text = if path.exists() {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut open_source(&path, MAX_README_BYTES)?, &mut bytes)
            .map_err(|e| {
                anyhow::anyhow!(
                    "cannot read {}: {}",
                    path.display(),
                    crate::fsutil::ReadError::from_io(e)
                )
            })?;
        Some(String::from_utf8_lossy(&bytes).into_owned())
    } else {
        None
    };
    let from_readme = text.and_then(|text| {
        let line = text.lines().next()?.trim().to_owned();
        let rest = line.strip_prefix("O*NET ")?;
        let version = rest.split_whitespace().next()?;
        is_version(version).then(|| version.to_owned())
    });
    Ok(from_readme.or_else(|| {
        let name = dir.file_name()?.to_str()?;
        let mut parts = name.strip_prefix("db_")?.split('_');
        let version = format!("{}.{}", parts.next()?, parts.next()?);
        is_version(&version).then_some(version)
    }))
}

fn is_version(v: &str) -> bool {
    let mut parts = v.split('.');
    let ok =
        |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    ok(parts.next()) && ok(parts.next()) && parts.next().is_none()
}

/// Gives every occupation a unique id from its title. Occupations are in code order; the first
/// to claim a slug keeps it, later ones (and any that would shadow a reserved id) get the code
/// appended: `data-scientists-15-2051-00`.
fn assign_ids(occ: &mut [Occupation], reserved: &HashSet<String>) {
    let mut taken: HashSet<String> = reserved.clone();
    for o in occ.iter_mut() {
        let mut id = slugify(&o.title);
        if id.len() > MAX_ID_LEN {
            let cut = id[..MAX_ID_LEN].rfind('-').unwrap_or(MAX_ID_LEN);
            id.truncate(cut);
        }
        if id.is_empty() || taken.contains(&id) {
            id = if id.is_empty() {
                slugify(&o.details.code)
            } else {
                format!("{id}-{}", slugify(&o.details.code))
            };
        }
        taken.insert(id.clone());
        o.id = id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_come_from_the_readme_or_the_folder_name() {
        assert!(is_version("29.2"));
        assert!(!is_version("29"));
        assert!(!is_version("29.2.1"));
        assert!(!is_version("x.2"));
    }

    #[test]
    fn skipped_rows_group_by_file_and_reason_in_first_seen_order() {
        let row = |file: &str, line, reason: &str| SkippedRow {
            file: file.into(),
            line,
            reason: reason.into(),
        };
        let groups = group_skipped(&[
            row("a.txt", 4, "bad"),
            row("a.txt", 5, "worse"),
            row("a.txt", 9, "bad"),
            row("b.txt", 2, "bad"),
        ]);
        let summary: Vec<(&str, &str, usize, u64)> = groups
            .iter()
            .map(|g| (g.file.as_str(), g.reason.as_str(), g.rows, g.first_line))
            .collect();
        assert_eq!(
            summary,
            [
                ("a.txt", "bad", 2, 4),
                ("a.txt", "worse", 1, 5),
                ("b.txt", "bad", 1, 2)
            ]
        );
    }

    #[test]
    fn a_consistent_but_partial_release_is_refused() {
        use crate::onet::storage::{Contents, OnetCounts};
        let of = |occupations, tasks| Contents {
            counts: OnetCounts {
                occupations,
                tasks,
                ..OnetCounts::default()
            },
            ratings: None,
        };
        let err = check_loss(
            &of(1016, 18796),
            &of(711, 13155),
            Path::new("db"),
            None,
            &[],
            &[],
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            err,
            "this import would replace 1,016 occupations with 711 (\"Occupation Data.txt\" holds fewer), 18,796 tasks with 13,155 (\"Task Statements.txt\" holds fewer), losing more than the 5% a new release may (a truncated or incomplete download, or a partial release?); the previous import is kept: check those files in db (download the database again), or pass --force to replace it anyway"
        );
        // Within 5%: a new release.
        check_loss(
            &of(1016, 18796),
            &of(970, 18000),
            Path::new("db"),
            None,
            &[],
            &[],
        )
        .unwrap();
    }

    #[test]
    fn permission_denied_gets_a_hint() {
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(
            io_reason(&e),
            "permission denied; check that your user may read it (ls -l, chmod u+r)"
        );
    }

    fn occupation_titled(code: &str, title: &str) -> Occupation {
        Occupation {
            id: String::new(),
            title: title.into(),
            description: String::new(),
            skills: vec![],
            details: OnetDetails {
                code: code.into(),
                ..OnetDetails::default()
            },
        }
    }

    #[test]
    fn duplicate_and_reserved_slugs_get_the_code() {
        let mut occ = vec![
            occupation_titled("11-1011.00", "Data Engineer"),
            occupation_titled("11-1012.00", "Analysts"),
            occupation_titled("11-1013.00", "Analysts!"),
            occupation_titled("11-1014.00", &"word ".repeat(30)),
        ];
        let reserved = HashSet::from(["data-engineer".to_owned()]);
        assign_ids(&mut occ, &reserved);
        let ids: Vec<&str> = occ.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(
            ids[..3],
            [
                "data-engineer-11-1011-00",
                "analysts",
                "analysts-11-1013-00"
            ]
        );
        assert!(
            ids[3].len() <= MAX_ID_LEN && crate::model::is_slug(ids[3]),
            "{}",
            ids[3]
        );
    }
}
