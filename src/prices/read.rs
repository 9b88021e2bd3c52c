//! Reading BEA's Regional Price Parities CSVs: `MARPP_*.csv` (metropolitan areas),
//! `PARPP_*.csv` (states' metropolitan and nonmetropolitan portions) and `SARPP_*.csv`
//! (states), as BEA publishes them.
//!
//! BEA's layout: CRLF lines; a header row `GeoFIPS,GeoName,Region,TableName,LineCode,
//! IndustryClassification,Description,Unit,2008,…,2024`; GeoFIPS quoted after a leading space
//! (` "42660"`); descriptions with stray spaces; `(NA)` where BEA has no value; and, after the
//! rows, note lines of one quoted field each (`"Last updated: February 19, 2026-- …"`).
//! Columns are found by their header names; a year column is a header of four digits.
//!
//! A value is kept exactly, in thousandths of an index point (BEA prints three decimals). BEA
//! writes `0.000` for the nonmetropolitan portion of a state that has none (the District of
//! Columbia, New Jersey, Rhode Island): that is no price level, and is kept as no value, like
//! `(NA)`. A row that cannot be read is a [`RowProblem`] naming its file, line and column.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::model::prices::{Parity, PriceLine, PriceTable, PricedArea};

/// The largest RPP file read: BEA's MARPP is under half a megabyte.
const MAX_FILE: u64 = 64 << 20;

use crate::datadir::release::RowProblem;

/// What the three files hold.
#[derive(Debug)]
pub struct RppRead {
    pub first_year: u16,
    pub last_year: u16,
    /// Every area of the three tables, sorted by table and GeoFIPS.
    pub areas: Vec<PricedArea>,
    /// When BEA last updated the files, from their "Last updated:" note ("February 19, 2026").
    pub updated: Option<String>,
    /// The files read, in table order.
    pub files: Vec<PathBuf>,
    /// Data rows read, those that could not be read included.
    pub rows: u64,
    pub problems: Vec<RowProblem>,
}

/// Finds the file of `table` in `dir`: the one `.csv` whose name starts with BEA's table name.
fn file_of(dir: &Path, table: PriceTable) -> anyhow::Result<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with(table.code()) && n.to_ascii_lowercase().ends_with(".csv")
            })
        })
        .collect();
    found.sort();
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => bail!(
            "{} has no {}_*.csv; download BEA's three Regional Price Parities files (MARPP, PARPP and SARPP, from apps.bea.gov/regional/downloadzip.htm, \"RPP\") into one folder",
            dir.display(),
            table.code()
        ),
        _ => bail!(
            "{} has {} files named {}_*.csv ({}); keep the one of the release to import",
            dir.display(),
            found.len(),
            table.code(),
            found
                .iter()
                .filter_map(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Reads the three files in `dir`. A file that is missing, is not BEA's layout, or covers other
/// years than the others fails the read; a row that cannot be read is a problem and the rest is
/// read.
pub fn read_dir(dir: &Path) -> anyhow::Result<RppRead> {
    if !dir.exists() {
        bail!("{} does not exist", dir.display());
    }
    if !dir.is_dir() {
        bail!(
            "{} is not a folder; give the folder that holds BEA's MARPP, PARPP and SARPP CSVs",
            dir.display()
        );
    }
    let mut years: Option<(u16, u16, String)> = None;
    let mut updated: Option<(String, String)> = None;
    let mut areas: Vec<PricedArea> = Vec::new();
    let mut files = Vec::new();
    let mut rows = 0;
    let mut problems = Vec::new();
    for table in PriceTable::ALL {
        let path = file_of(dir, table)?;
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let bytes = crate::fsutil::read_bounded(&path, MAX_FILE)
            .map_err(|e| anyhow::anyhow!("{} {e}", path.display()))?;
        if bytes.is_empty() {
            bail!(
                "{} is empty (0 bytes; a truncated download?); nothing was imported and the current import is kept: download BEA's files again",
                path.display()
            );
        }
        let file = read_file(&bytes, &name, table)?;
        match &years {
            Some((first, last, other)) if (*first, *last) != (file.first_year, file.last_year) => {
                bail!(
                    "{name} covers {}-{}, {other} {first}-{last}: the three files must come from one BEA release",
                    file.first_year,
                    file.last_year
                )
            }
            Some(_) => {}
            None => years = Some((file.first_year, file.last_year, name.clone())),
        }
        if let Some(date) = file.updated {
            match &updated {
                Some((seen, other)) if *seen != date => bail!(
                    "{name} was last updated {date}, {other} {seen}: the three files must come from one BEA release"
                ),
                Some(_) => {}
                None => updated = Some((date, name.clone())),
            }
        }
        rows += file.rows;
        problems.extend(file.problems);
        areas.extend(file.areas);
        files.push(path);
    }
    let (first_year, last_year, _) = years.context("no file was read")?;
    // A line without a single value (a portion a state does not have) is no line; its area
    // stays, so that an OEWS area that takes it is told BEA has no value for it.
    for area in &mut areas {
        for line in &mut area.lines {
            if line.iter().all(Option::is_none) {
                line.clear();
            }
        }
    }
    areas.sort_by(|a, b| a.table.cmp(&b.table).then_with(|| a.fips.cmp(&b.fips)));
    Ok(RppRead {
        first_year,
        last_year,
        areas,
        updated: updated.map(|(date, _)| date),
        files,
        rows,
        problems,
    })
}

/// One file, read.
#[derive(Debug)]
struct FileRead {
    first_year: u16,
    last_year: u16,
    areas: Vec<PricedArea>,
    updated: Option<String>,
    rows: u64,
    problems: Vec<RowProblem>,
}

/// The columns a file must have, found by name.
struct Columns {
    fips: usize,
    name: usize,
    table: usize,
    line: usize,
    /// Each year's column, in year order.
    years: Vec<(u16, usize)>,
    headers: Vec<String>,
}

impl Columns {
    fn find(header: &csv::ByteRecord, file: &str) -> anyhow::Result<Columns> {
        let headers: Vec<String> = header
            .iter()
            .map(|h| String::from_utf8_lossy(h).trim().to_owned())
            .collect();
        let at = |name: &str| {
            headers.iter().position(|h| h == name).with_context(|| {
                format!(
                    "{file} line 1 has no {name} column; is it BEA's Regional Price Parities CSV (header GeoFIPS,GeoName,…,LineCode,…,2008,…)?"
                )
            })
        };
        let mut years: Vec<(u16, usize)> = headers
            .iter()
            .enumerate()
            .filter(|(_, h)| h.len() == 4 && h.bytes().all(|b| b.is_ascii_digit()))
            .filter_map(|(i, h)| Some((h.parse().ok()?, i)))
            .collect();
        years.sort_unstable();
        if years.is_empty() {
            bail!("{file} line 1 has no year columns (2008, 2009, …)");
        }
        if years.windows(2).any(|w| w[1].0 != w[0].0 + 1) {
            bail!("{file} line 1: its year columns are not one year after another");
        }
        Ok(Columns {
            fips: at("GeoFIPS")?,
            name: at("GeoName")?,
            table: at("TableName")?,
            line: at("LineCode")?,
            years,
            headers,
        })
    }
}

/// BEA's GeoFIPS: five digits, quoted after a leading space (` "42660"`).
fn geo_fips(field: &str) -> Option<String> {
    let t = field.trim();
    let t = t
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(t)
        .trim();
    (t.len() == 5 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.to_owned())
}

/// A value as BEA prints it: `97.831` → 97,831 thousandths; `(NA)` and `0.000` → none.
fn parity(field: &str) -> Result<Option<Parity>, String> {
    let t = field.trim();
    if t == "(NA)" {
        return Ok(None);
    }
    let (whole, fraction) = t.split_once('.').unwrap_or((t, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !(fraction.is_empty() || digits(fraction)) {
        return Err(format!("\"{t}\" is neither a number nor (NA)"));
    }
    if fraction.len() > 3 {
        return Err(format!(
            "\"{t}\" has more than the three decimals BEA publishes"
        ));
    }
    let whole: u32 = whole
        .parse()
        .ok()
        .filter(|w| *w < 1000)
        .ok_or_else(|| format!("\"{t}\" is no price level (over 1,000)"))?;
    let mut thousandths: u32 = 0;
    for (i, d) in fraction.bytes().enumerate() {
        thousandths += u32::from(d - b'0') * 10u32.pow(2 - i as u32);
    }
    let value = whole * 1000 + thousandths;
    Ok((value > 0).then_some(value))
}

/// "Last updated: February 19, 2026-- new statistics for 2024; …" → "February 19, 2026".
fn last_updated(note: &str) -> Option<String> {
    let rest = note.trim().strip_prefix("Last updated:")?;
    let date = rest.split("--").next()?.trim();
    (!date.is_empty()).then(|| date.to_owned())
}

fn read_file(bytes: &[u8], file: &str, table: PriceTable) -> anyhow::Result<FileRead> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = reader.byte_records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => bail!("{file} line 1: {e}"),
        None => bail!("{file} is empty"),
    };
    let columns = Columns::find(&header, file)?;
    let (first_year, last_year) = (columns.years[0].0, columns.years[columns.years.len() - 1].0);
    let mut areas: Vec<PricedArea> = Vec::new();
    let mut seen: HashSet<(String, PriceLine)> = HashSet::new();
    let mut updated = None;
    let mut rows = 0;
    let mut problems = Vec::new();
    let mut notes_began = false;
    let mut lines = LineCounter::new(bytes);
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
                rows += 1;
                problems.push(RowProblem {
                    file: file.to_owned(),
                    line,
                    column: None,
                    column_number: None,
                    reason: format!("cannot be read as CSV ({})", e.kind_text()),
                    code: None,
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        let fields: Vec<String> = record
            .iter()
            .map(|f| String::from_utf8_lossy(f).into_owned())
            .collect();
        let fips = fields.get(columns.fips).and_then(|f| geo_fips(f));
        let problem = |column: Option<usize>, reason: String| RowProblem {
            file: file.to_owned(),
            line,
            column: column.map(|c| columns.headers[c].clone()),
            column_number: column.map(|c| c + 1),
            reason,
            code: fips.clone(),
        };
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        // BEA's notes: one field each, after the rows.
        if fields.len() == 1 {
            notes_began = true;
            if let Some(date) = last_updated(&fields[0]) {
                updated = Some(date);
            }
            continue;
        }
        rows += 1;
        if notes_began {
            problems.push(problem(
                None,
                "a row after BEA's closing notes: the file was joined or edited".into(),
            ));
            continue;
        }
        if fields.len() != columns.headers.len() {
            problems.push(problem(
                None,
                format!(
                    "has {} fields, the header {}",
                    fields.len(),
                    columns.headers.len()
                ),
            ));
            continue;
        }
        match read_row(&fields, &columns, table) {
            Ok((fips, name, line_code, values)) => {
                if !seen.insert((fips.clone(), line_code)) {
                    problems.push(problem(
                        Some(columns.line),
                        format!(
                            "a second row of GeoFIPS {fips}, line code {}",
                            line_code.code()
                        ),
                    ));
                    continue;
                }
                let area = if let Some(a) = areas.iter_mut().rev().find(|a| a.fips == fips) {
                    a
                } else {
                    areas.push(PricedArea {
                        table,
                        fips,
                        name,
                        lines: Default::default(),
                    });
                    areas.last_mut().expect("just pushed")
                };
                area.lines[line_code.index()] = values;
            }
            Err((column, reason)) => problems.push(problem(column, reason)),
        }
    }
    Ok(FileRead {
        first_year,
        last_year,
        areas,
        updated,
        rows,
        problems,
    })
}

/// The line a record starts on, from its byte offset. (The csv crate's own line count puts a
/// record after a CRLF on the line before it: it counts the `\n` the record's offset points at.)
struct LineCounter<'a> {
    bytes: &'a [u8],
    /// Bytes counted so far, and the line the next one is on.
    at: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> LineCounter<'a> {
        LineCounter {
            bytes,
            at: 0,
            line: 1,
        }
    }

    /// Offsets must not go backwards.
    fn line_at(&mut self, offset: u64) -> u64 {
        let mut start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        // The `\n` of the CRLF before the record belongs to the line before it.
        if self.bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
        if start > self.at {
            self.line += self.bytes[self.at..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            self.at = start;
        }
        self.line
    }
}

type Row = (String, String, PriceLine, Vec<Option<Parity>>);

/// One data row's GeoFIPS, name, line and values; or the column at fault and why.
fn read_row(
    fields: &[String],
    columns: &Columns,
    table: PriceTable,
) -> Result<Row, (Option<usize>, String)> {
    let fips = geo_fips(&fields[columns.fips]).ok_or_else(|| {
        (
            Some(columns.fips),
            format!(
                "{} is not a GeoFIPS code (five digits)",
                fields[columns.fips].trim()
            ),
        )
    })?;
    let name_of_table = fields[columns.table].trim();
    if name_of_table != table.code() {
        return Err((
            Some(columns.table),
            format!(
                "a row of table \"{name_of_table}\" in the {} file",
                table.code()
            ),
        ));
    }
    let line = fields[columns.line]
        .trim()
        .parse::<u8>()
        .ok()
        .and_then(PriceLine::from_code)
        .ok_or_else(|| {
            (
                Some(columns.line),
                format!(
                    "line code \"{}\" is none of BEA's 1 to 5",
                    fields[columns.line].trim()
                ),
            )
        })?;
    let mut values = Vec::with_capacity(columns.years.len());
    for &(_, column) in &columns.years {
        values.push(parity(&fields[column]).map_err(|why| (Some(column), why))?);
    }
    let name = fields[columns.name].trim().to_owned();
    Ok((fips, name, line, values))
}

/// Words for a CSV error's kind, without the position the problem gives already.
trait KindText {
    fn kind_text(&self) -> String;
}

impl KindText for csv::Error {
    fn kind_text(&self) -> String {
        match self.kind() {
            csv::ErrorKind::Utf8 { err, .. } => format!("not UTF-8: {err}"),
            csv::ErrorKind::Io(e) => e.to_string(),
            _ => self.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "GeoFIPS,GeoName,Region,TableName,LineCode,IndustryClassification,Description,Unit,2023,2024\r\n";
    const NOTES: &str = "\"Note: See the included footnote file.\"\r\n\"Last updated: February 19, 2026-- new statistics for 2024; revised statistics for 2008-2023.\"\r\n\"U.S. Bureau of Economic Analysis\"\r\n";

    fn file(rows: &str) -> String {
        format!("{HEADER}{rows}{NOTES}")
    }

    #[test]
    fn reads_beas_layout_quoted_fips_na_and_notes() {
        let text = file(concat!(
            " \"12420\",\"Austin-Round Rock-San Marcos, TX (Metropolitan Statistical Area)\", ,MARPP,1,\"...\",\"RPPs: All items \",\"Index\",(NA),103.450\r\n",
            " \"12420\",\"Austin-Round Rock-San Marcos, TX (Metropolitan Statistical Area)\", ,MARPP,3,\"...\",\" RPPs: Services: Housing \",\"Index\",120.000,121.5\r\n",
        ));
        let read = read_file(
            text.as_bytes(),
            "MARPP_MSA_2023_2024.csv",
            PriceTable::Metro,
        )
        .unwrap();
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        assert_eq!(
            (read.first_year, read.last_year, read.rows),
            (2023, 2024, 2)
        );
        assert_eq!(read.updated.as_deref(), Some("February 19, 2026"));
        let austin = &read.areas[0];
        assert_eq!(austin.fips, "12420");
        assert_eq!(
            austin.name,
            "Austin-Round Rock-San Marcos, TX (Metropolitan Statistical Area)"
        );
        assert_eq!(austin.lines[0], [None, Some(103_450)]);
        assert_eq!(austin.lines[2], [Some(120_000), Some(121_500)]);
        assert!(austin.lines[1].is_empty());
    }

    #[test]
    fn lines_are_counted_alike_after_crlf_and_lf() {
        for end in ["\r\n", "\n"] {
            let text = format!(
                "{}{}{}",
                HEADER.replace("\r\n", "\n"),
                " \"12420\",\"Austin\", ,MARPP,1,\"...\",\"RPPs: All items \",\"Index\",100.1,103.45\n",
                " \"12420\",\"Austin\", ,MARPP,9,\"...\",\"RPPs: All items \",\"Index\",100.1,103.45\n"
            )
            .replace('\n', end);
            let read = read_file(text.as_bytes(), "MARPP.csv", PriceTable::Metro).unwrap();
            assert_eq!(read.problems[0].line, 3, "{end:?}");
        }
    }

    #[test]
    fn a_portion_a_state_does_not_have_is_no_value() {
        let text = file(
            " \"11999\",\"District of Columbia (Nonmetropolitan Portion)\",2,PARPP,1,\"...\",\"RPPs: All items \",\"Index\",0.000,0.000\r\n",
        );
        let read = read_file(text.as_bytes(), "PARPP.csv", PriceTable::Portion).unwrap();
        assert_eq!(read.areas[0].lines[0], [None, None]);
    }

    #[test]
    fn a_bad_row_names_its_file_line_and_column() {
        let text = file(concat!(
            " \"12420\",\"Austin\", ,MARPP,1,\"...\",\"RPPs: All items \",\"Index\",100.1,1o3.45\r\n",
            " \"1242\",\"Austin\", ,MARPP,2,\"...\",\"RPPs: Goods \",\"Index\",100.1,103.45\r\n",
            " \"12420\",\"Austin\", ,MARPP,7,\"...\",\"RPPs: Goods \",\"Index\",100.1,103.45\r\n",
            " \"12420\",\"Austin\", ,SARPP,2,\"...\",\"RPPs: Goods \",\"Index\",100.1,103.45\r\n",
            " \"12420\",\"Austin\", ,MARPP,2,\"...\",\"RPPs: Goods \",\"Index\",100.1\r\n",
            " \"12420\",\"Austin\", ,MARPP,2,\"...\",\"RPPs: Goods \",\"Index\",100.1,99.1234\r\n",
            " \"12420\",\"Austin\", ,MARPP,2,\"...\",\"RPPs: Goods \",\"Index\",100.1,99.123\r\n",
            " \"12420\",\"Austin\", ,MARPP,2,\"...\",\"RPPs: Goods \",\"Index\",100.1,99.123\r\n",
        ));
        let read = read_file(text.as_bytes(), "MARPP.csv", PriceTable::Metro).unwrap();
        let problems: Vec<String> = read.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                "MARPP.csv line 2, column 10 (2024): \"1o3.45\" is neither a number nor (NA)",
                "MARPP.csv line 3, column 1 (GeoFIPS): \"1242\" is not a GeoFIPS code (five digits)",
                "MARPP.csv line 4, column 5 (LineCode): line code \"7\" is none of BEA's 1 to 5",
                "MARPP.csv line 5, column 4 (TableName): a row of table \"SARPP\" in the MARPP file",
                "MARPP.csv line 6: has 9 fields, the header 10",
                "MARPP.csv line 7, column 10 (2024): \"99.1234\" has more than the three decimals BEA publishes",
                "MARPP.csv line 9, column 5 (LineCode): a second row of GeoFIPS 12420, line code 2",
            ]
        );
        assert_eq!(read.rows, 8);
    }

    #[test]
    fn a_file_without_beas_columns_is_not_read() {
        let err = read_file(b"a,b,c\r\n1,2,3\r\n", "MARPP.csv", PriceTable::Metro)
            .unwrap_err()
            .to_string();
        assert_eq!(err, "MARPP.csv line 1 has no year columns (2008, 2009, …)");
        let err = read_file(
            b"GeoFIPS,GeoName,TableName,2024\r\n",
            "MARPP.csv",
            PriceTable::Metro,
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.starts_with("MARPP.csv line 1 has no LineCode column"),
            "{err}"
        );
    }

    #[test]
    fn a_row_after_the_notes_is_a_problem() {
        let text = format!(
            "{HEADER}{NOTES} \"12420\",\"Austin\", ,MARPP,1,\"...\",\"RPPs: All items \",\"Index\",100.1,103.45\r\n"
        );
        let read = read_file(text.as_bytes(), "MARPP.csv", PriceTable::Metro).unwrap();
        assert_eq!(
            read.problems[0].to_string(),
            "MARPP.csv line 5: a row after BEA's closing notes: the file was joined or edited"
        );
    }
}
