//! Reads BLS's OEWS time-series flat files: `oe.data.*` (one row per series and year), the
//! mapping files `oe.area` and `oe.occupation` (needed), and `oe.industry`, `oe.datatype`,
//! `oe.footnote`, `oe.areatype` and `oe.release` (used when present). Columns are found by their
//! header names and BLS's padding is trimmed. The data file is streamed: memory grows with the
//! number of estimates kept, not with the number of rows.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::datadir::imports::Progress;
use crate::datadir::release::RowProblem;
use crate::model::wages::{Area, AreaKind, Industry, Measure, Value, WageOccupation};

pub const AREA: &str = "oe.area";
pub const OCCUPATION: &str = "oe.occupation";
pub const INDUSTRY: &str = "oe.industry";
pub const DATATYPE: &str = "oe.datatype";
pub const FOOTNOTE: &str = "oe.footnote";
pub const AREATYPE: &str = "oe.areatype";
pub const RELEASE: &str = "oe.release";
/// The data file BLS keeps the latest estimates in; `oe.data.1.AllData` holds every year.
pub const CURRENT: &str = "oe.data.0.Current";

/// Optional mapping files, in the order they are read.
pub const OPTIONAL_FILES: [&str; 5] = [INDUSTRY, DATATYPE, FOOTNOTE, AREATYPE, RELEASE];

/// A line longer than this is not an OEWS row: the file is not what its name says.
const MAX_LINE: u64 = 64 * 1024;

/// One occupation's values in one area and industry, as stored: `Value::to_stored` per
/// `Measure::slot`, or [`ABSENT`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub occupation: u16,
    pub area: u16,
    pub industry: u16,
    pub values: [i64; 17],
}

/// No series for this measure.
pub const ABSENT: i64 = i64::MIN;

/// Where a [`Cell`] keeps the median annual wage.
pub fn median_slot() -> usize {
    Measure::AnnualMedian.slot()
}

/// The release a folder holds (`oe.release`): `2025A01`, "May 2025".
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Release {
    pub code: Option<String>,
    pub name: Option<String>,
}

impl Release {
    /// The year of the estimates: the first four digits of BLS's code (`2025A01`), else the
    /// last word of the name (`May 2025`); none when neither gives one.
    pub fn year(&self) -> Option<u16> {
        let from_code = self.code.as_deref().and_then(|c| c.get(..4)?.parse().ok());
        from_code.or_else(|| self.name.as_deref()?.rsplit(' ').next()?.parse().ok())
    }
}

/// The occupation code of an OEWS series id (`OEUM004266000000015122113` → `151221`), when the
/// text starts with one.
fn series_occupation(text: &[u8]) -> Option<String> {
    let id = text.get(..25)?;
    (id.starts_with(b"OE") && id[17..23].iter().all(u8::is_ascii_digit))
        .then(|| String::from_utf8_lossy(&id[17..23]).into_owned())
}

/// Everything read from a folder.
#[derive(Debug, Default)]
pub struct OewsImport {
    pub release: Release,
    pub areas: Vec<Area>,
    pub occupations: Vec<WageOccupation>,
    pub industries: Vec<Industry>,
    /// BLS's footnotes by code, as `oe.footnote` words them.
    pub footnotes: Vec<(String, String)>,
    /// Sorted by occupation, then industry, then area.
    pub cells: Vec<Cell>,
    /// The data files read, by name.
    pub data_files: Vec<String>,
    /// Data rows read, skipped ones included.
    pub rows: u64,
    /// Values kept (a number or BLS's reason for none).
    pub values: u64,
    /// Every row that could not be read, left out.
    pub skipped: Vec<RowProblem>,
    /// Optional files the folder did not have.
    pub missing: Vec<&'static str>,
}

impl OewsImport {
    /// The occupations (positions) some of whose estimates were in rows left out, each with
    /// the reason in words, in position order.
    pub fn incomplete(&self) -> Vec<(u16, String)> {
        let mut touched: Vec<(u16, &RowProblem)> = self
            .skipped
            .iter()
            .filter_map(|p| {
                let code = p.code.as_deref()?;
                let at = self.occupations.iter().position(|o| o.code == code)?;
                Some((u16::try_from(at).ok()?, p))
            })
            .collect();
        touched.sort_by_key(|(at, p)| (*at, p.line));
        touched
            .chunk_by(|a, b| a.0 == b.0)
            .map(|rows| {
                let first = rows[0].1;
                let what = match rows.len() {
                    1 => "a row".to_owned(),
                    n => format!("{n} rows"),
                };
                (
                    rows[0].0,
                    format!(
                        "{what} of its estimates could not be read and the import left them out ({} line {}{})",
                        first.file,
                        first.line,
                        if rows.len() > 1 { ", ..." } else { "" }
                    ),
                )
            })
            .collect()
    }
}

/// Reads the flat files in `dir`.
pub fn read(dir: &Path, progress: &dyn Progress) -> anyhow::Result<OewsImport> {
    match std::fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            bail!("{} does not exist", dir.display())
        }
        Err(e) => bail!("cannot read {}: {e}", dir.display()),
        Ok(m) if !m.is_dir() => bail!("{} is not a folder", dir.display()),
        Ok(_) => {}
    }
    let data_files = data_files(dir)?;
    if data_files.is_empty() && !dir.join(AREA).exists() && !dir.join(OCCUPATION).exists() {
        bail!(
            "{} holds none of BLS's OEWS flat files (oe.area, oe.occupation, oe.data.0.Current); point the import at the folder they are in",
            dir.display()
        );
    }
    for required in [AREA, OCCUPATION] {
        if !dir.join(required).exists() {
            bail!(
                "{} has no {required}; point the import at the folder of BLS's OEWS flat files (oe.area, oe.occupation, oe.data.0.Current, ...)",
                dir.display()
            );
        }
    }
    if data_files.is_empty() {
        bail!(
            "{} has no data file (oe.data.0.Current or another oe.data.*); point the import at the folder of BLS's OEWS flat files",
            dir.display()
        );
    }
    let present: Vec<&'static str> = OPTIONAL_FILES
        .into_iter()
        .filter(|f| dir.join(f).exists())
        .collect();
    progress.start((2 + present.len() + data_files.len()) as u64);
    let mut import = OewsImport {
        missing: OPTIONAL_FILES
            .into_iter()
            .filter(|f| !present.contains(f))
            .collect(),
        ..OewsImport::default()
    };
    let mut skipped = Vec::new();

    progress.file(AREA);
    let area_types = if present.contains(&AREATYPE) {
        Some(
            Table::open(dir, AREATYPE, &["areatype_code"])?
                .rows(&mut skipped, |r| Ok(r[0].to_owned()))?,
        )
    } else {
        None
    };
    import.areas = Table::open(
        dir,
        AREA,
        &["area_code", "areatype_code", "state_code", "area_name"],
    )?
    .rows(&mut skipped, |r| {
        let code = digits(r[0], 7, "area_code")?;
        let kind = AreaKind::from_code(r[1])
            .filter(|_| {
                area_types
                    .as_ref()
                    .is_none_or(|t| t.iter().any(|c| c == r[1]))
            })
            .ok_or_else(|| format!("unknown areatype_code {:?}", r[1]))?;
        Ok(Area {
            code: code.into(),
            kind,
            state_code: digits(r[2], 2, "state_code")?.into(),
            name: text(r[3], "area_name")?.into(),
        })
    })?;
    progress.file(OCCUPATION);
    import.occupations = Table::open(
        dir,
        OCCUPATION,
        &["occupation_code", "occupation_name", "display_level"],
    )?
    .rows(&mut skipped, |r| {
        Ok(WageOccupation {
            code: digits(r[0], 6, "occupation_code")?.into(),
            name: text(r[1], "occupation_name")?.into(),
            level: level(r[2])?,
        })
    })?;
    if import.areas.is_empty() || import.occupations.is_empty() {
        let empty = if import.areas.is_empty() {
            AREA
        } else {
            OCCUPATION
        };
        bail!(
            "{} holds no {}; the import needs BLS's complete mapping files",
            dir.join(empty).display(),
            if empty == AREA {
                "areas"
            } else {
                "occupations"
            }
        );
    }
    if present.contains(&INDUSTRY) {
        progress.file(INDUSTRY);
        import.industries = Table::open(
            dir,
            INDUSTRY,
            &["industry_code", "industry_name", "display_level"],
        )?
        .rows(&mut skipped, |r| {
            Ok(Industry {
                code: industry_code(r[0])?.into(),
                name: text(r[1], "industry_name")?.into(),
                level: level(r[2])?,
            })
        })?;
    }
    if present.contains(&DATATYPE) {
        progress.file(DATATYPE);
        Table::open(dir, DATATYPE, &["datatype_code"])?.rows(&mut skipped, |_| Ok(()))?;
    }
    if present.contains(&FOOTNOTE) {
        progress.file(FOOTNOTE);
        import.footnotes = Table::open(dir, FOOTNOTE, &["footnote_code", "footnote_text"])?
            .rows(&mut skipped, |r| {
                Ok((r[0].to_owned(), text(r[1], "footnote_text")?))
            })?;
    }
    if present.contains(&RELEASE) {
        progress.file(RELEASE);
        let releases = Table::open(dir, RELEASE, &["release_date", "description"])?
            .rows(&mut skipped, |r| Ok((r[0].to_owned(), r[1].to_owned())))?;
        if let Some((code, name)) = releases.into_iter().last() {
            import.release = Release {
                code: Some(code),
                name: (!name.is_empty()).then_some(name),
            };
        }
    }

    let mut cells = Cells::new(&import);
    for name in &data_files {
        progress.file(name);
        let rows = Table::open(
            dir,
            name,
            &["series_id", "year", "period", "value", "footnote_codes"],
        )?;
        import.rows += cells.read(rows, &mut skipped)?;
        import.data_files.push(name.clone());
    }
    progress.finish();
    import.values = cells.values;
    // Without `oe.industry`, industries are known by their codes alone.
    import
        .industries
        .extend(cells.extra_industries.iter().map(|code| Industry {
            code: code.clone().into(),
            name: code.clone().into(),
            level: u8::from(code != Industry::CROSS_INDUSTRY),
        }));
    import.cells = cells.finish();
    import.skipped = skipped;
    Ok(import)
}

/// `oe.data.0.Current` when the folder has it, else every other `oe.data.*` file by name.
fn data_files(dir: &Path) -> anyhow::Result<Vec<String>> {
    if dir.join(CURRENT).exists() {
        return Ok(vec![CURRENT.to_owned()]);
    }
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.starts_with("oe.data."))
        .collect();
    names.sort();
    Ok(names)
}

/// The values being gathered, one cell per occupation, area and industry.
struct Cells {
    areas: HashMap<String, u16>,
    occupations: HashMap<String, u16>,
    industries: HashMap<String, u16>,
    /// Industries named by series but missing from `oe.industry` (or all of them, without it).
    extra_industries: Vec<String>,
    known_industries: bool,
    index: HashMap<(u16, u16, u16), usize>,
    /// The area, industry and occupation part of the last row's series id, and its cell:
    /// BLS's files list a cell's series one after another.
    last: Option<(String, usize)>,
    cells: Vec<Cell>,
    /// The year of each kept value: a later year replaces an earlier one.
    years: Vec<[u16; 17]>,
    values: u64,
}

impl Cells {
    fn new(import: &OewsImport) -> Cells {
        let positions = |codes: Vec<&str>| -> HashMap<String, u16> {
            codes
                .into_iter()
                .enumerate()
                .map(|(i, c)| (c.to_owned(), i as u16))
                .collect()
        };
        Cells {
            areas: positions(import.areas.iter().map(|a| a.code.as_ref()).collect()),
            occupations: positions(import.occupations.iter().map(|o| o.code.as_ref()).collect()),
            industries: positions(import.industries.iter().map(|i| i.code.as_ref()).collect()),
            extra_industries: Vec::new(),
            known_industries: !import.industries.is_empty(),
            index: HashMap::new(),
            last: None,
            cells: Vec::new(),
            years: Vec::new(),
            values: 0,
        }
    }

    /// Reads one data file; returns how many rows it had.
    fn read(&mut self, mut table: Table, skipped: &mut Vec<RowProblem>) -> anyhow::Result<u64> {
        while let Some((line, fields)) = table.next_row(skipped)? {
            if let Err((at, reason)) = self.row(&fields) {
                let occupation = series_occupation(fields[0].as_bytes());
                skipped.push(table.problem(line, Some(at), reason, occupation));
            }
        }
        Ok(table.rows)
    }

    /// Keeps one data row; an error names the wanted column at fault.
    fn row(&mut self, r: &[&str]) -> Result<(), (usize, String)> {
        let id = r[0];
        if id.len() != 25 || !id.is_ascii() || !id.starts_with("OE") {
            return Err((
                0,
                format!("series_id {id:?} is not an OEWS series id (OE, 23 characters)"),
            ));
        }
        let datatype = &id[23..25];
        let measure = Measure::from_code(datatype)
            .ok_or_else(|| (0, format!("series {id}: unknown datatype {datatype:?}")))?;
        let year: u16 = r[1]
            .parse()
            .ok()
            .filter(|y| (1990..=2200).contains(y))
            .ok_or_else(|| (1, format!("series {id}: year {:?} is not a year", r[1])))?;
        if r[2] != "A01" {
            return Err((
                2,
                format!("series {id}: period {:?} is not A01 (annual)", r[2]),
            ));
        }
        let value =
            Value::parse(r[3], r[4], measure).map_err(|e| (3, format!("series {id}: {e}")))?;
        let at = match &self.last {
            Some((key, at)) if key == &id[3..23] => *at,
            _ => {
                let at = self.cell(id).map_err(|e| (0, e))?;
                self.last = Some((id[3..23].to_owned(), at));
                at
            }
        };
        let slot = measure.slot();
        let kept = self.years[at][slot];
        if kept == year {
            return Err((0, format!("series {id}: a second row for {year}")));
        }
        if kept < year {
            if kept == 0 {
                self.values += 1;
            }
            self.years[at][slot] = year;
            self.cells[at].values[slot] = value.to_stored();
        }
        Ok(())
    }

    /// The cell of a series id's area, industry and occupation, made when new.
    fn cell(&mut self, id: &str) -> Result<usize, String> {
        let (areatype, area, industry, occupation) =
            (&id[3..4], &id[4..11], &id[11..17], &id[17..23]);
        let &area_at = self
            .areas
            .get(area)
            .ok_or_else(|| format!("series {id}: area {area} is not in {AREA}"))?;
        let &occupation_at = self.occupations.get(occupation).ok_or_else(|| {
            format!("series {id}: occupation {occupation} is not in {OCCUPATION}")
        })?;
        if AreaKind::from_code(areatype).is_none() {
            return Err(format!("series {id}: unknown area type {areatype:?}"));
        }
        let industry_at = match self.industries.get(industry) {
            Some(&i) => i,
            None if self.known_industries => {
                return Err(format!(
                    "series {id}: industry {industry} is not in {INDUSTRY}"
                ));
            }
            None => {
                let at = self.industries.len() as u16;
                self.industries.insert(industry.to_owned(), at);
                self.extra_industries.push(industry.to_owned());
                at
            }
        };
        let key = (occupation_at, industry_at, area_at);
        Ok(*self.index.entry(key).or_insert_with(|| {
            self.cells.push(Cell {
                occupation: occupation_at,
                area: area_at,
                industry: industry_at,
                values: [ABSENT; 17],
            });
            self.years.push([0; 17]);
            self.cells.len() - 1
        }))
    }

    fn finish(mut self) -> Vec<Cell> {
        self.cells
            .sort_unstable_by_key(|c| (c.occupation, c.industry, c.area));
        self.cells
    }
}

/// A tab-separated file with a header row, read line by line.
struct Table {
    name: String,
    path: PathBuf,
    reader: BufReader<File>,
    /// The header's names, and where each wanted one is in it.
    header: Vec<String>,
    wanted: Vec<&'static str>,
    columns: Vec<usize>,
    width: usize,
    line: u64,
    /// Rows after the header that are not blank, malformed ones included.
    rows: u64,
    buf: Vec<u8>,
}

impl Table {
    fn open(dir: &Path, name: &str, wanted: &[&'static str]) -> anyhow::Result<Table> {
        let path = dir.join(name);
        let meta =
            std::fs::metadata(&path).with_context(|| format!("cannot read {}", path.display()))?;
        if !meta.is_file() {
            bail!("{} is not a regular file", path.display());
        }
        let file = File::open(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let mut table = Table {
            name: name.to_owned(),
            path,
            reader: BufReader::with_capacity(256 * 1024, file),
            header: Vec::new(),
            wanted: wanted.to_vec(),
            columns: Vec::new(),
            width: 0,
            line: 0,
            rows: 0,
            buf: Vec::new(),
        };
        if !table.next_line()? {
            bail!(
                "{} is empty; it needs a header row ({})",
                table.path.display(),
                wanted.join(", ")
            );
        }
        let header: Vec<String> = split(&table.buf)
            .map(|h| {
                String::from_utf8_lossy(h)
                    .trim()
                    .trim_start_matches('\u{feff}')
                    .to_owned()
            })
            .collect();
        table.width = header.len();
        for want in wanted {
            match header.iter().position(|h| h == want) {
                Some(i) => table.columns.push(i),
                None => bail!(
                    "{} has no column \"{want}\" (its header: {}); is it one of BLS's OEWS flat files?",
                    table.path.display(),
                    header.join(", ")
                ),
            }
        }
        table.header = header;
        Ok(table)
    }

    /// Reads the next line into `buf` without its line ending; false at the end of the file.
    fn next_line(&mut self) -> anyhow::Result<bool> {
        self.buf.clear();
        let n = (&mut self.reader)
            .take(MAX_LINE + 1)
            .read_until(b'\n', &mut self.buf)
            .with_context(|| format!("cannot read {}", self.path.display()))?;
        if n == 0 {
            return Ok(false);
        }
        self.line += 1;
        if n as u64 > MAX_LINE && self.buf.last() != Some(&b'\n') {
            bail!(
                "{} line {} is over {} bytes: this is not an OEWS flat file",
                self.path.display(),
                self.line,
                MAX_LINE
            );
        }
        if self.buf.last() == Some(&b'\n') {
            self.buf.pop();
            if self.buf.last() == Some(&b'\r') {
                self.buf.pop();
            }
        } else if !self.buf.is_empty() {
            // The last line has no line ending: a file cut short ends mid-row.
            let fields = split(&self.buf).count();
            if fields < self.width {
                bail!(
                    "{} ends mid-row at line {} ({fields} of {} columns): the file is incomplete; download it again",
                    self.path.display(),
                    self.line,
                    self.width
                );
            }
        }
        Ok(true)
    }

    /// A problem at `line`, in the wanted column `at` when one value is at fault.
    fn problem(
        &self,
        line: u64,
        at: Option<usize>,
        reason: String,
        occupation: Option<String>,
    ) -> RowProblem {
        let column = at.and_then(|i| self.columns.get(i).copied());
        RowProblem {
            file: self.name.clone(),
            line,
            column: column.and_then(|c| self.header.get(c).cloned()),
            column_number: column.map(|c| c + 1),
            reason,
            code: occupation,
        }
    }

    /// The wanted fields of the next non-blank row, trimmed; malformed rows are skipped.
    fn next_row(
        &mut self,
        skipped: &mut Vec<RowProblem>,
    ) -> anyhow::Result<Option<(u64, Vec<&str>)>> {
        loop {
            if !self.next_line()? {
                return Ok(None);
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.rows += 1;
            let occupation = series_occupation(&self.buf);
            let (column, reason) = if std::str::from_utf8(&self.buf).is_err() {
                let at = split(&self.buf)
                    .position(|f| std::str::from_utf8(f).is_err())
                    .unwrap_or(0);
                (
                    Some(at),
                    "bytes that are not UTF-8, the file's encoding".to_owned(),
                )
            } else {
                let n = self.buf.iter().filter(|&&b| b == b'\t').count() + 1;
                if n == self.width {
                    break;
                }
                (
                    None,
                    format!("{n} columns where the header has {}", self.width),
                )
            };
            skipped.push(RowProblem {
                file: self.name.clone(),
                line: self.line,
                column: column.and_then(|c| self.header.get(c).cloned()),
                column_number: column.map(|c| c + 1),
                reason,
                code: occupation,
            });
        }
        let text = std::str::from_utf8(&self.buf).unwrap_or_default();
        let mut wanted = vec![""; self.columns.len()];
        for (i, field) in text.split('\t').enumerate() {
            if let Some(at) = self.columns.iter().position(|&c| c == i) {
                wanted[at] = field.trim();
            }
        }
        Ok(Some((self.line, wanted)))
    }

    /// Every row through `parse`, skipping (and reporting) the ones it rejects.
    fn rows<T>(
        mut self,
        skipped: &mut Vec<RowProblem>,
        mut parse: impl FnMut(&[&str]) -> Result<T, String>,
    ) -> anyhow::Result<Vec<T>> {
        let mut out = Vec::new();
        let wanted = self.wanted.clone();
        while let Some((line, fields)) = self.next_row(skipped)? {
            match parse(&fields) {
                Ok(v) => out.push(v),
                Err(reason) => {
                    // The reasons name the column they are about ("area_code ...").
                    let at = wanted.iter().position(|w| {
                        reason
                            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                            .any(|word| word == *w)
                    });
                    skipped.push(self.problem(line, at, reason, None));
                }
            }
        }
        Ok(out)
    }
}

fn split(line: &[u8]) -> impl Iterator<Item = &[u8]> {
    line.split(|&b| b == b'\t')
}

fn digits(value: &str, len: usize, column: &str) -> Result<String, String> {
    if value.len() == len && value.bytes().all(|b| b.is_ascii_digit()) {
        Ok(value.to_owned())
    } else {
        Err(format!("{column} {value:?} is not {len} digits"))
    }
}

/// `000000`, `000001`, `11--12`, `31--33`, `52--00`: six characters, digits and hyphens.
fn industry_code(value: &str) -> Result<String, String> {
    if value.len() == 6 && value.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        Ok(value.to_owned())
    } else {
        Err(format!(
            "industry_code {value:?} is not an OEWS industry code"
        ))
    }
}

fn level(value: &str) -> Result<u8, String> {
    value
        .parse()
        .ok()
        .filter(|l| *l <= 9)
        .ok_or_else(|| format!("display_level {value:?} is not a level"))
}

fn text(value: &str, column: &str) -> Result<String, String> {
    if value.is_empty() {
        Err(format!("{column} is empty"))
    } else {
        Ok(value.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::Release;

    #[test]
    fn a_release_gives_its_year_by_code_then_by_name() {
        let release = |code: Option<&str>, name: Option<&str>| Release {
            code: code.map(str::to_owned),
            name: name.map(str::to_owned),
        };
        assert_eq!(
            release(Some("2025A01"), Some("May 2025")).year(),
            Some(2025)
        );
        assert_eq!(release(Some("2024A01"), None).year(), Some(2024));
        assert_eq!(release(None, Some("May 2023")).year(), Some(2023));
        assert_eq!(release(Some("A1"), Some("Spring")).year(), None);
        assert_eq!(release(None, None).year(), None);
    }
}
