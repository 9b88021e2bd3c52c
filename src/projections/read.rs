//! Reads BLS's Employment Projections workbook `occupation.xlsx`: Table 1.2 (projections and
//! worker characteristics) for every occupation, joined by code to Table 1.10 (separations and
//! openings).
//!
//! Tables are found by the title in their sheet's first rows ("Table 1.2 Occupational
//! projections, …"), not by the sheet's place or name, and columns by their header text, so a
//! release that reorders either still reads. A table or column that is needed and missing is an
//! error naming the file; a row that cannot be read is a [`CellProblem`] naming its sheet, row and
//! column.
//!
//! The workbook keeps its figures as floating-point cells that stand for BLS's published,
//! rounded decimals: employment in thousands with one decimal (`309.39999999999998` for 309.4),
//! percents with one decimal, wages in whole dollars. Each is turned into an exact integer (jobs,
//! tenths of a percent, dollars) by rounding, after checking that the cell holds no finer figure
//! than that. A cell written as text ("1,579.8") is read as the decimal it spells. `—` or an
//! empty cell is no data, never zero.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

use anyhow::{anyhow, bail};
use calamine::{Data, DataRef, Range, Reader, Xlsx, XlsxError};
use serde::{Deserialize, Serialize};

use crate::store::user::io_reason;

/// The table of projections and worker characteristics, by the number BLS gives it.
pub const PROJECTIONS_TABLE: &str = "Table 1.2";
/// The table of separations and openings.
pub const SEPARATIONS_TABLE: &str = "Table 1.10";

/// How BLS marks a figure it does not have.
const NO_DATA: &str = "—";
/// A table's title is in one of its sheet's first rows.
const TITLE_ROWS: u32 = 5;
/// Its header row is within this many rows below the title.
const HEADER_ROWS: u32 = 5;

/// Everything read from a workbook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EpImport {
    /// The projection period the workbook is for.
    pub release: EpRelease,
    /// Table 1.2's rows in the workbook's order, summaries and line items alike; rows with a
    /// problem are left out.
    pub occupations: Vec<WorkbookRow>,
    /// Rows and cells that could not be read. A Table 1.2 row with a problem is left out of
    /// `occupations`; a Table 1.10 row with one (or none for an occupation) leaves that
    /// occupation's Table 1.10 figures empty.
    pub problems: Vec<CellProblem>,
    /// Table 1.2's occupation rows, those left out included (not its title, header or notes).
    pub rows_read: u64,
    /// The name of Table 1.2's sheet.
    pub sheet: String,
}

/// The release a workbook holds, from Table 1.2's employment columns ("Employment, 2024",
/// "Employment, 2034"); the titles of Tables 1.2 and 1.10 are checked against it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EpRelease {
    /// BLS's name for the projection period: "2024-34".
    pub name: String,
    /// The year employment is measured in: 2024.
    pub base_year: u16,
    /// The year it is projected to: 2034.
    pub projected_year: u16,
    /// Table 1.2's title, verbatim.
    pub title: String,
}

/// A row or cell of the workbook that could not be read, named as Excel shows it (sheet, row,
/// column letter): a workbook's problem, where a text file's is a
/// [`RowProblem`](crate::datadir::release::RowProblem) (file, line, column).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellProblem {
    /// The sheet's name, as its tab shows it.
    pub sheet: String,
    /// 1-based, as Excel shows it.
    pub row: u32,
    /// The column's letter, as Excel shows it, when one cell is at fault.
    pub column: Option<String>,
    pub reason: String,
    /// The occupation code (`15-2051`) the row names, when it can be read.
    #[serde(skip)]
    pub code: Option<String>,
}

impl std::fmt::Display for CellProblem {
    /// `sheet "Table 1.2", row 14, column F: reason`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "sheet \"{}\", row {}", self.sheet, self.row)?;
        if let Some(column) = &self.column {
            write!(f, ", column {column}")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// Whether a row is one occupation or the sum of a group of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowKind {
    /// A detailed occupation ("Line item").
    LineItem,
    /// A group of occupations, or all of them (`00-0000`) ("Summary").
    Summary,
}

/// The median annual wage, as Table 1.2 gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EpWage {
    Dollars(u64),
    /// Above the top of OEWS's wage scale: BLS shows `>=$239,200`.
    AtLeast(u64),
    /// `—`: no wage is published.
    NoData,
}

/// One row of Table 1.2, with its Table 1.10 figures. Figures are `None` where BLS shows `—` or
/// nothing. Counts of jobs are exact integers (BLS's thousands with one decimal × 1000);
/// percents are in tenths (3.1% is 31).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkbookRow {
    /// Its row in Table 1.2's sheet, 1-based as Excel shows it.
    pub row: u32,
    /// The 2018 SOC code: "15-2051", "15-0000", "00-0000".
    pub code: String,
    /// BLS's title, without its indentation.
    pub title: String,
    pub kind: RowKind,
    /// Employment in the base year (2024).
    pub employment_base: Option<u64>,
    /// Employment projected for the end year (2034).
    pub employment_projected: Option<u64>,
    /// Change in employment over the period, in jobs.
    pub change: Option<i64>,
    /// Change in employment over the period, in tenths of a percent.
    pub change_percent: Option<i32>,
    /// Share of employment that is self-employed in the base year, in tenths of a percent.
    pub self_employed_percent: Option<u32>,
    /// Average annual openings over the period, in jobs.
    pub openings: Option<u64>,
    /// Average annual labor force exits, in jobs (Table 1.10).
    pub openings_labor_force_exits: Option<u64>,
    /// Average annual occupational transfers, in jobs (Table 1.10).
    pub openings_occupational_transfers: Option<u64>,
    /// Average annual total occupational separations (exits and transfers), in jobs (Table
    /// 1.10).
    pub separations: Option<u64>,
    /// Labor force exits a year per hundred employed, in tenths of a percent (Table 1.10).
    pub labor_force_exit_rate: Option<u32>,
    /// Occupational transfers a year per hundred employed, in tenths of a percent (Table 1.10).
    pub occupational_transfer_rate: Option<u32>,
    /// Total occupational separations a year per hundred employed, in tenths of a percent
    /// (Table 1.10).
    pub separations_rate: Option<u32>,
    /// The median annual wage in the base year (from OEWS).
    pub median_wage: EpWage,
    /// Typical education needed for entry, in BLS's words ("Bachelor's degree").
    pub education: Option<String>,
    /// Work experience in a related occupation ("Less than 5 years", "None").
    pub experience: Option<String>,
    /// Typical on-the-job training needed to attain competency ("Moderate-term on-the-job
    /// training", "None").
    pub training: Option<String>,
    /// The Occupational Outlook Handbook page Table 1.2 links to, if any.
    pub ooh_url: Option<String>,
}

/// Reads `path`, BLS's `occupation.xlsx`.
pub fn read_workbook(path: &Path) -> anyhow::Result<EpImport> {
    let file_name = path.display().to_string();
    let file =
        File::open(path).map_err(|e| anyhow!("cannot open {file_name}: {}", io_reason(&e)))?;
    if file.metadata().is_ok_and(|m| m.len() == 0) {
        bail!(
            "{file_name} is empty (0 bytes; a truncated download?); download BLS's occupation.xlsx again"
        );
    }
    let unreadable = |e: XlsxError| {
        anyhow!(
            "cannot read {file_name} as an Excel workbook (.xlsx): {e}; it is cut short or not BLS's occupation.xlsx: download that again"
        )
    };
    let mut book: Xlsx<_> = Xlsx::new(BufReader::new(file)).map_err(unreadable)?;
    let titles = sheet_titles(&mut book).map_err(unreadable)?;
    let projections = find_table(&titles, PROJECTIONS_TABLE, &file_name, "")?;
    let separations = find_table(
        &titles,
        SEPARATIONS_TABLE,
        &file_name,
        " (occupational separations and openings), which the import needs for the openings' labor force exits and occupational transfers",
    )?;
    let projections = Table::load(&mut book, projections, PROJECTIONS_TABLE, &file_name)?;
    let separations = Table::load(&mut book, separations, SEPARATIONS_TABLE, &file_name)?;

    let columns = ProjectionColumns::find(&projections, &file_name)?;
    let found = SeparationColumns::find(&separations, &file_name)?;
    let release = EpRelease {
        name: format!("{}-{:02}", columns.base_year, columns.projected_year % 100),
        base_year: columns.base_year,
        projected_year: columns.projected_year,
        title: projections.title.clone(),
    };
    for table in [&projections, &separations] {
        table.check_title(&release, &file_name)?;
    }
    let links = match columns.ooh {
        Some(column) => book
            .hyperlinks_by_sheet_name(&projections.sheet)
            .map_err(unreadable)?
            .into_iter()
            .filter(|link| link.range.start.1 <= column && column <= link.range.end.1)
            .filter_map(|link| Some((link.range.start.0..=link.range.end.0, link.target?)))
            .flat_map(|(rows, target)| rows.map(move |row| (row, target.clone())))
            .collect(),
        None => HashMap::new(),
    };

    let mut problems = Vec::new();
    let read = read_projections(&projections, &columns, &links, &mut problems);
    let (figures, rejected) = read_separations(&separations, &found, &read.codes, &mut problems);
    let occupations = read
        .occupations
        .into_iter()
        .map(|(row, mut projection)| {
            match figures.get(&projection.code) {
                Some((_, figures)) => {
                    projection.openings_labor_force_exits = figures.exits;
                    projection.openings_occupational_transfers = figures.transfers;
                    projection.separations = figures.total;
                    projection.labor_force_exit_rate = figures.exit_rate;
                    projection.occupational_transfer_rate = figures.transfer_rate;
                    projection.separations_rate = figures.total_rate;
                }
                // Its Table 1.10 row has a problem of its own.
                None if rejected.contains(&projection.code) => {}
                None => problems.push(CellProblem {
                    sheet: projections.sheet.clone(),
                    row: row + 1,
                    column: Some(column_letter(columns.code)),
                    reason: format!(
                        "{SEPARATIONS_TABLE} has no row for {}: its labor force exits and occupational transfers are unknown",
                        projection.code
                    ),
                    code: Some(projection.code.clone()),
                }),
            }
            projection
        })
        .collect();

    Ok(EpImport {
        release,
        occupations,
        problems,
        rows_read: read.rows,
        sheet: projections.sheet.clone(),
    })
}

/// Table 1.2's rows.
struct ReadProjections {
    /// The rows without a problem, with their 0-based row, Table 1.10's figures still empty.
    occupations: Vec<(u32, WorkbookRow)>,
    /// Every code read, with the 0-based row it is first on, left-out rows' included.
    codes: HashMap<String, u32>,
    rows: u64,
}

fn read_projections(
    table: &Table,
    columns: &ProjectionColumns,
    links: &HashMap<u32, String>,
    problems: &mut Vec<CellProblem>,
) -> ReadProjections {
    let mut read = ReadProjections {
        occupations: Vec::new(),
        codes: HashMap::new(),
        rows: 0,
    };
    for row in table.data_rows() {
        read.rows += 1;
        let mut cells = RowReader::new(table, row);
        let code = cells.code(columns.code);
        let title = cells.required_text(columns.title, "no occupation title");
        let kind = cells.kind(columns.kind);
        let projection = WorkbookRow {
            row: row + 1,
            code: code.clone().unwrap_or_default(),
            title: title.unwrap_or_default(),
            kind: kind.unwrap_or(RowKind::LineItem),
            employment_base: cells.jobs(Some(columns.base)),
            employment_projected: cells.jobs(Some(columns.projected)),
            change: cells.number(Some(columns.change), Unit::Thousands, true),
            change_percent: cells.tenths(Some(columns.percent), true),
            self_employed_percent: cells.tenths(columns.self_employed, false),
            openings: cells.jobs(Some(columns.openings)),
            openings_labor_force_exits: None,
            openings_occupational_transfers: None,
            separations: None,
            labor_force_exit_rate: None,
            occupational_transfer_rate: None,
            separations_rate: None,
            median_wage: cells.wage(columns.wage),
            education: cells.text(columns.education),
            experience: cells.text(columns.experience),
            training: cells.text(columns.training),
            // The link is on the cell that reads "OOH Content"; `—` has none.
            ooh_url: columns
                .ooh
                .filter(|&c| text_of(table.cell(row, c)).is_some_and(|t| t != NO_DATA))
                .and_then(|_| links.get(&row).cloned()),
        };
        if let Some(code) = code {
            if let Some(first) = read.codes.get(&code) {
                cells.problem(
                    Some(columns.code),
                    format!("{code} is also on row {}", first + 1),
                );
            } else {
                read.codes.insert(code, row);
            }
        }
        // An empty code is one that could not be read.
        let named = (!projection.code.is_empty()).then(|| projection.code.clone());
        for problem in &mut cells.problems {
            problem.code.clone_from(&named);
        }
        if cells.problems.is_empty() {
            read.occupations.push((row, projection));
        } else {
            problems.append(&mut cells.problems);
        }
    }
    read
}

/// Table 1.10's rows by code, with their 0-based row, and the codes of rows left out for a
/// problem.
fn read_separations(
    table: &Table,
    columns: &SeparationColumns,
    codes: &HashMap<String, u32>,
    problems: &mut Vec<CellProblem>,
) -> (HashMap<String, (u32, Separations)>, HashSet<String>) {
    let mut figures: HashMap<String, (u32, Separations)> = HashMap::new();
    let mut rejected = HashSet::new();
    for row in table.data_rows() {
        let mut cells = RowReader::new(table, row);
        let Some(code) = cells.code(columns.code) else {
            problems.append(&mut cells.problems);
            continue;
        };
        let read = Separations {
            exits: cells.jobs(Some(columns.exits)),
            transfers: cells.jobs(Some(columns.transfers)),
            total: cells.jobs(columns.total),
            exit_rate: cells.tenths(columns.exit_rate, false),
            transfer_rate: cells.tenths(columns.transfer_rate, false),
            total_rate: cells.tenths(columns.total_rate, false),
        };
        if let Some((first, _)) = figures.get(&code) {
            cells.problem(
                Some(columns.code),
                format!("{code} is also on row {}", first + 1),
            );
        } else if !codes.contains_key(&code) {
            cells.problem(
                Some(columns.code),
                format!("{code} is not in {PROJECTIONS_TABLE}"),
            );
        }
        for problem in &mut cells.problems {
            problem.code = Some(code.clone());
        }
        if cells.problems.is_empty() {
            figures.insert(code, (row, read));
        } else {
            if !figures.contains_key(&code) {
                rejected.insert(code);
            }
            problems.append(&mut cells.problems);
        }
    }
    (figures, rejected)
}

/// One row of Table 1.10.
struct Separations {
    exits: Option<u64>,
    transfers: Option<u64>,
    total: Option<u64>,
    exit_rate: Option<u32>,
    transfer_rate: Option<u32>,
    total_rate: Option<u32>,
}

/// A sheet and the title in its first rows.
struct Titled {
    sheet: String,
    /// 0-based.
    row: u32,
    title: String,
}

/// The first text in each sheet's first rows. Only those cells are read.
fn sheet_titles<RS: Read + Seek>(book: &mut Xlsx<RS>) -> Result<Vec<Titled>, XlsxError> {
    let mut titles = Vec::new();
    for sheet in book.sheet_names() {
        let mut cells = match book.worksheet_cells_reader(&sheet) {
            Ok(cells) => cells,
            // A chart sheet has no cells.
            Err(XlsxError::NotAWorksheet(_)) => continue,
            Err(e) => return Err(e),
        };
        while let Some(cell) = cells.next_cell()? {
            let (row, _) = cell.get_position();
            if row >= TITLE_ROWS {
                break;
            }
            let text = match cell.get_value() {
                DataRef::SharedString(s) => s.trim(),
                DataRef::String(s) => s.trim(),
                _ => continue,
            };
            if !text.is_empty() {
                titles.push(Titled {
                    sheet: sheet.clone(),
                    row,
                    title: text.to_owned(),
                });
                break;
            }
        }
    }
    Ok(titles)
}

/// The one sheet whose title is `table`'s ("Table 1.2 …", not "Table 1.20 …").
fn find_table<'a>(
    titles: &'a [Titled],
    table: &str,
    file: &str,
    needed_for: &str,
) -> anyhow::Result<&'a Titled> {
    let number = table.to_lowercase();
    let mut found = titles.iter().filter(|t| {
        normalize(&t.title)
            .strip_prefix(&number)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_digit()))
    });
    let Some(first) = found.next() else {
        bail!("{file}: no sheet holds {table}{needed_for}");
    };
    if let Some(second) = found.next() {
        bail!(
            "{file}: two sheets hold {table}, {:?} and {:?}",
            first.sheet,
            second.sheet
        );
    }
    Ok(first)
}

/// A table's sheet, read whole.
struct Table {
    /// Which table: "Table 1.2".
    name: &'static str,
    sheet: String,
    title: String,
    cells: Range<Data>,
    /// 0-based, as every row and column here.
    header_row: u32,
    /// Each column's header, normalized.
    headers: Vec<(u32, String)>,
}

impl Table {
    fn load<RS: Read + Seek>(
        book: &mut Xlsx<RS>,
        found: &Titled,
        name: &'static str,
        file: &str,
    ) -> anyhow::Result<Table> {
        let cells = book.worksheet_range(&found.sheet).map_err(|e| {
            anyhow!(
                "cannot read {name} (sheet {:?}) of {file}: {e}",
                found.sheet
            )
        })?;
        let (first_column, last_column) = match (cells.start(), cells.end()) {
            (Some(start), Some(end)) => (start.1, end.1),
            _ => (0, 0),
        };
        let header_row = (found.row + 1..=found.row + HEADER_ROWS)
            .find(|&row| {
                (first_column..=last_column)
                    .any(|c| text_of(cells_at(&cells, row, c)).is_some_and(is_code_header))
            })
            .ok_or_else(|| {
                anyhow!(
                    "{file}: {name} (sheet {:?}) has no header row with a \"… code\" column below its title",
                    found.sheet
                )
            })?;
        let headers = (first_column..=last_column)
            .filter_map(|c| Some((c, normalize(text_of(cells_at(&cells, header_row, c))?))))
            .collect();
        Ok(Table {
            name,
            sheet: found.sheet.clone(),
            title: found.title.clone(),
            cells,
            header_row,
            headers,
        })
    }

    fn cell(&self, row: u32, column: u32) -> &Data {
        cells_at(&self.cells, row, column)
    }

    /// The rows below the header that hold an occupation: all but empty rows and notes (a row
    /// with nothing outside column A, where BLS writes its footnotes, and no code in it).
    fn data_rows(&self) -> impl Iterator<Item = u32> + '_ {
        let (first_column, last_column) = match (self.cells.start(), self.cells.end()) {
            (Some(start), Some(end)) => (start.1, end.1),
            _ => (0, 0),
        };
        let last_row = self.cells.end().map_or(0, |end| end.0);
        (self.header_row + 1..=last_row).filter(move |&row| {
            (first_column.max(1)..=last_column).any(|c| !is_empty(self.cell(row, c)))
                || text_of(self.cell(row, 0)).is_some_and(is_soc_code)
        })
    }

    /// The one column whose normalized header `matches`.
    fn column(
        &self,
        header: &str,
        matches: impl Fn(&str) -> bool,
        file: &str,
    ) -> anyhow::Result<Option<u32>> {
        let mut found = self.headers.iter().filter(|(_, h)| matches(h));
        let Some(&(column, _)) = found.next() else {
            return Ok(None);
        };
        if let Some(&(second, _)) = found.next() {
            bail!(
                "{file}: {} has two \"{header}\" columns, {} and {}",
                self.name,
                column_letter(column),
                column_letter(second)
            );
        }
        Ok(Some(column))
    }

    /// The column whose header starts with `header` (in any case), which must be there.
    fn need(&self, header: &str, file: &str) -> anyhow::Result<u32> {
        self.optional(header, file)?
            .ok_or_else(|| anyhow!("{file}: {} has no \"{header}\" column", self.name))
    }

    fn optional(&self, header: &str, file: &str) -> anyhow::Result<Option<u32>> {
        let prefix = normalize(header);
        self.column(header, |h| h.starts_with(&prefix), file)
    }

    /// The occupation code column: "2024 National Employment Matrix code".
    fn code_column(&self, file: &str) -> anyhow::Result<u32> {
        self.column("… code", is_code_header, file)?
            .ok_or_else(|| anyhow!("{file}: {} has no \"… code\" column", self.name))
    }

    /// The title must be for the release's period, where it names one, and must say its
    /// employment is in thousands: the figures are read as such.
    fn check_title(&self, release: &EpRelease, file: &str) -> anyhow::Result<()> {
        let title = normalize(&self.title);
        if let Some((base, projected)) = period(&title)
            && (base, projected) != (release.base_year, release.projected_year)
        {
            bail!(
                "{file}: {} is titled for {base}-{:02} but {PROJECTIONS_TABLE}'s employment columns are for {} and {}; the workbook mixes releases",
                self.name,
                projected % 100,
                release.base_year,
                release.projected_year
            );
        }
        if !title.contains("in thousands") {
            bail!(
                "{file}: {}'s title does not say its employment is in thousands, the only unit this reader knows: {:?}",
                self.name,
                self.title
            );
        }
        Ok(())
    }
}

fn cells_at(cells: &Range<Data>, row: u32, column: u32) -> &Data {
    cells.get_value((row, column)).unwrap_or(&Data::Empty)
}

fn is_empty(cell: &Data) -> bool {
    match cell {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

fn text_of(cell: &Data) -> Option<&str> {
    match cell {
        Data::String(s) => Some(s.trim()),
        _ => None,
    }
}

fn is_code_header(header: &str) -> bool {
    normalize(header).ends_with(" code")
}

/// Header and title text made comparable: lower case, dashes as `-`, footnote marks (`[1]`)
/// dropped, runs of white space as one space.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '['
            && let Some(end) = rest.find(']')
            && rest[1..end].chars().all(|d| d.is_ascii_digit())
        {
            rest = &rest[end + 1..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else if matches!(c, '–' | '—' | '‐' | '‑' | '−') {
            out.push('-');
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// The first projection period a normalized title names: "2024-34" or "2024-2034".
fn period(title: &str) -> Option<(u16, u16)> {
    let bytes = title.as_bytes();
    let digits_at = |at: usize| {
        bytes[at.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    (0..bytes.len()).find_map(|at| {
        if (at > 0 && bytes[at - 1].is_ascii_digit()) || digits_at(at) != 4 {
            return None;
        }
        if bytes.get(at + 4) != Some(&b'-') {
            return None;
        }
        let base: u16 = title[at..at + 4].parse().ok()?;
        let end = &title[at + 5..at + 5 + digits_at(at + 5)];
        let projected: u16 = match end.len() {
            4 => end.parse().ok()?,
            2 => {
                let years: u16 = end.parse().ok()?;
                let century = base / 100 * 100;
                if century + years > base {
                    century + years
                } else {
                    century + 100 + years
                }
            }
            _ => return None,
        };
        Some((base, projected))
    })
}

/// Table 1.2's columns.
struct ProjectionColumns {
    title: u32,
    code: u32,
    kind: u32,
    base_year: u16,
    base: u32,
    projected_year: u16,
    projected: u32,
    change: u32,
    percent: u32,
    self_employed: Option<u32>,
    openings: u32,
    wage: u32,
    education: u32,
    experience: u32,
    training: u32,
    ooh: Option<u32>,
}

impl ProjectionColumns {
    fn find(table: &Table, file: &str) -> anyhow::Result<ProjectionColumns> {
        let title = table
            .column("… title", |h| h.ends_with(" title"), file)?
            .ok_or_else(|| anyhow!("{file}: {} has no \"… title\" column", table.name))?;
        // "Employment, 2024" and "Employment, 2034": the years name the release.
        let mut years: Vec<(u16, u32)> = table
            .headers
            .iter()
            .filter_map(|(column, header)| {
                let year = header.strip_prefix("employment, ")?;
                (year.len() == 4).then_some(())?;
                Some((year.parse().ok()?, *column))
            })
            .collect();
        years.sort_unstable();
        let [(base_year, base), (projected_year, projected)] = years[..] else {
            bail!(
                "{file}: {} needs two \"Employment, YEAR\" columns, for the base and the projected year; it has {}",
                table.name,
                years.len()
            );
        };
        if base_year == projected_year {
            bail!(
                "{file}: {} has two \"Employment, {base_year}\" columns",
                table.name
            );
        }
        Ok(ProjectionColumns {
            title,
            code: table.code_column(file)?,
            kind: table.need("Occupation type", file)?,
            base_year,
            base,
            projected_year,
            projected,
            change: table.need("Employment change, numeric", file)?,
            percent: table.need("Employment change, percent", file)?,
            self_employed: table.column(
                "Percent self employed",
                |h| {
                    h.starts_with("percent self employed") || h.starts_with("percent self-employed")
                },
                file,
            )?,
            openings: table.need("Occupational openings", file)?,
            wage: table.need("Median annual wage", file)?,
            education: table.need("Typical education needed for entry", file)?,
            experience: table.need("Work experience in a related occupation", file)?,
            training: table.need("Typical on-the-job training", file)?,
            ooh: table.column(
                "Related Occupational Outlook Handbook (OOH) content",
                |h| h.contains("occupational outlook handbook"),
                file,
            )?,
        })
    }
}

/// Table 1.10's columns.
struct SeparationColumns {
    code: u32,
    exits: u32,
    transfers: u32,
    total: Option<u32>,
    exit_rate: Option<u32>,
    transfer_rate: Option<u32>,
    total_rate: Option<u32>,
}

impl SeparationColumns {
    fn find(table: &Table, file: &str) -> anyhow::Result<SeparationColumns> {
        Ok(SeparationColumns {
            code: table.code_column(file)?,
            // The comma tells the counts from the rates ("Labor force exit rate, …").
            exits: table.need("Labor force exits,", file)?,
            transfers: table.need("Occupational transfers,", file)?,
            total: table.optional("Total occupational separations,", file)?,
            exit_rate: table.optional("Labor force exit rate", file)?,
            transfer_rate: table.optional("Occupational transfer rate", file)?,
            total_rate: table.optional("Total occupational separations rate", file)?,
        })
    }
}

/// How a column's figures are kept.
#[derive(Clone, Copy)]
enum Unit {
    /// Thousands of jobs with (at most) three decimals, kept as jobs.
    Thousands,
    /// Percents with one decimal, kept as tenths.
    Tenths,
    /// Whole dollars.
    Dollars,
}

impl Unit {
    /// Decimals the figure may have, and so the power of ten it is kept multiplied by.
    fn scale(self) -> u32 {
        match self {
            Unit::Thousands => 3,
            Unit::Tenths => 1,
            Unit::Dollars => 0,
        }
    }

    fn too_fine(self, shown: &str) -> String {
        match self {
            Unit::Thousands => format!("{shown} (thousands) is not a whole number of jobs"),
            Unit::Tenths => format!("{shown} has more than one decimal"),
            Unit::Dollars => format!("{shown} is not a whole number of dollars"),
        }
    }
}

/// Reads one row's cells, noting what cannot be read.
struct RowReader<'a> {
    table: &'a Table,
    row: u32,
    problems: Vec<CellProblem>,
}

impl<'a> RowReader<'a> {
    fn new(table: &'a Table, row: u32) -> RowReader<'a> {
        RowReader {
            table,
            row,
            problems: Vec::new(),
        }
    }

    fn problem(&mut self, column: Option<u32>, reason: String) {
        self.problems.push(CellProblem {
            sheet: self.table.sheet.clone(),
            row: self.row + 1,
            column: column.map(column_letter),
            reason,
            code: None,
        });
    }

    fn check<T>(&mut self, column: u32, read: Result<T, String>) -> Option<T> {
        read.map_err(|reason| self.problem(Some(column), reason))
            .ok()
    }

    fn cell(&self, column: u32) -> &'a Data {
        self.table.cell(self.row, column)
    }

    fn code(&mut self, column: u32) -> Option<String> {
        let code = self.required_text(column, "no occupation code")?;
        if is_soc_code(&code) {
            Some(code)
        } else {
            self.problem(
                Some(column),
                format!("{code:?} is not an occupation code like 15-2051"),
            );
            None
        }
    }

    fn kind(&mut self, column: u32) -> Option<RowKind> {
        match self.required_text(column, "no occupation type")?.as_str() {
            "Line item" => Some(RowKind::LineItem),
            "Summary" => Some(RowKind::Summary),
            other => {
                self.problem(
                    Some(column),
                    format!("occupation type {other:?} is neither \"Line item\" nor \"Summary\""),
                );
                None
            }
        }
    }

    fn required_text(&mut self, column: u32, missing: &str) -> Option<String> {
        let read = text(self.cell(column));
        if let Some(text) = self.check(column, read)? {
            Some(text)
        } else {
            self.problem(Some(column), missing.to_owned());
            None
        }
    }

    fn text(&mut self, column: u32) -> Option<String> {
        let read = text(self.cell(column));
        self.check(column, read).flatten()
    }

    fn number(&mut self, column: Option<u32>, unit: Unit, signed: bool) -> Option<i64> {
        let column = column?;
        let read = number(self.cell(column), unit, signed);
        self.check(column, read).flatten()
    }

    fn jobs(&mut self, column: Option<u32>) -> Option<u64> {
        self.number(column, Unit::Thousands, false)
            .and_then(|n| u64::try_from(n).ok())
    }

    fn tenths<T: TryFrom<i64>>(&mut self, column: Option<u32>, signed: bool) -> Option<T> {
        let tenths = self.number(column, Unit::Tenths, signed)?;
        let kept = T::try_from(tenths).ok();
        if kept.is_none() {
            self.problem(
                column,
                format!("{tenths} tenths of a percent is out of range"),
            );
        }
        kept
    }

    fn wage(&mut self, column: u32) -> EpWage {
        let read = wage(self.cell(column));
        self.check(column, read).unwrap_or(EpWage::NoData)
    }
}

/// `15-2051`: two digits, a hyphen, four digits.
fn is_soc_code(code: &str) -> bool {
    let bytes = code.as_bytes();
    bytes.len() == 7
        && bytes[2] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(at, b)| at == 2 || b.is_ascii_digit())
}

/// A cell as a message quotes it.
fn shown(cell: &Data) -> String {
    match cell {
        Data::String(s) => format!("{:?}", s.trim()),
        Data::Float(x) => x.to_string(),
        Data::Int(n) => n.to_string(),
        Data::Bool(b) => b.to_string().to_uppercase(),
        Data::Error(e) => e.to_string(),
        Data::DateTime(d) => d.to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Empty => "an empty cell".to_owned(),
    }
}

/// A text cell: `None` for `—` or nothing.
fn text(cell: &Data) -> Result<Option<String>, String> {
    match cell {
        Data::Empty => Ok(None),
        Data::String(s) => {
            let s = s.trim();
            Ok((!s.is_empty() && s != NO_DATA).then(|| s.to_owned()))
        }
        Data::Error(e) => Err(format!("holds the Excel error {e}")),
        other => Err(format!("{} is not text", shown(other))),
    }
}

/// A figure kept × 10^scale as an exact integer: `None` for `—` or nothing.
fn number(cell: &Data, unit: Unit, signed: bool) -> Result<Option<i64>, String> {
    let value = match cell {
        Data::Empty => return Ok(None),
        Data::String(s) => {
            let s = s.trim();
            if s.is_empty() || s == NO_DATA {
                return Ok(None);
            }
            scaled_text(s, unit)?
        }
        Data::Float(x) => scaled_float(*x, unit)?,
        Data::Int(n) => n
            .checked_mul(10_i64.pow(unit.scale()))
            .ok_or_else(|| format!("{n} is out of range"))?,
        Data::Error(e) => return Err(format!("holds the Excel error {e}")),
        other => return Err(format!("{} is not a number", shown(other))),
    };
    if value < 0 && !signed {
        return Err(format!("{} is negative", shown(cell)));
    }
    Ok(Some(value))
}

/// `x` × 10^scale, which must be a whole number once the float's own error is allowed for:
/// `309.39999999999998` thousand is 309,400 jobs, `309.4567` is not a whole number of jobs.
fn scaled_float(x: f64, unit: Unit) -> Result<i64, String> {
    if !x.is_finite() {
        return Err(format!("{x} is not a finite number"));
    }
    let scaled = x * 10_f64.powi(unit.scale() as i32);
    let whole = scaled.round();
    // Past 2^53 not every integer is a float: no figure of BLS's comes near.
    if whole.abs() >= 9_007_199_254_740_992.0 {
        return Err(format!("{x:e} is out of range"));
    }
    if (scaled - whole).abs() > 1e-6 {
        return Err(unit.too_fine(&x.to_string()));
    }
    Ok(whole as i64)
}

/// A number written as text, read as the decimal it spells: "1,579.8" thousand is 1,579,800
/// jobs.
fn scaled_text(text: &str, unit: Unit) -> Result<i64, String> {
    let not_a_number = || format!("{text:?} is not a number");
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let whole: String = whole.chars().filter(|&c| c != ',').collect();
    let well_formed = !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with(',');
    if !well_formed {
        return Err(not_a_number());
    }
    let scale = unit.scale() as usize;
    let (kept, dropped) = fraction.split_at(fraction.len().min(scale));
    if dropped.bytes().any(|b| b != b'0') {
        return Err(unit.too_fine(&format!("{text:?}")));
    }
    let mut value: i64 = 0;
    for b in whole
        .bytes()
        .chain(kept.bytes())
        .chain(std::iter::repeat_n(b'0', scale - kept.len()))
    {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(i64::from(b - b'0')))
            .ok_or_else(|| format!("{text:?} is out of range"))?;
    }
    Ok(if negative { -value } else { value })
}

/// The median wage: dollars, `>=$239,200` (a lower bound), or `—`.
fn wage(cell: &Data) -> Result<EpWage, String> {
    let dollars = |text: &str| -> Result<u64, String> {
        let digits = text.trim().trim_start_matches('$').trim_start();
        let value = scaled_text(digits, Unit::Dollars)
            .map_err(|_| format!("{:?} is not a wage", text.trim()))?;
        u64::try_from(value).map_err(|_| format!("{:?} is negative", text.trim()))
    };
    match cell {
        Data::String(s) => {
            let s = s.trim();
            if let Some(bound) = s.strip_prefix(">=").or_else(|| s.strip_prefix('≥')) {
                dollars(bound)
                    .map(EpWage::AtLeast)
                    .map_err(|_| format!("{s:?} is not a wage"))
            } else if s.is_empty() || s == NO_DATA {
                Ok(EpWage::NoData)
            } else {
                dollars(s)
                    .map(EpWage::Dollars)
                    .map_err(|_| format!("{s:?} is not a wage"))
            }
        }
        other => Ok(match number(other, Unit::Dollars, false)? {
            Some(n) => EpWage::Dollars(n.unsigned_abs()),
            None => EpWage::NoData,
        }),
    }
}

/// The letters Excel shows for a 0-based column: 0 is A, 26 is AA.
fn column_letter(column: u32) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let digit = (n - 1) % 26;
        letters.push(char::from(b'A' + digit as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use rust_xlsxwriter::{Url, Workbook};

    use super::*;

    /// A cell of a fixture workbook.
    #[derive(Clone, Debug)]
    enum Cell {
        Text(&'static str),
        Number(f64),
        Link(&'static str, &'static str),
        Blank,
    }
    use Cell::{Blank, Link, Number as N, Text as T};

    struct Sheet {
        name: &'static str,
        /// Cell A1.
        title: &'static str,
        headers: Vec<&'static str>,
        rows: Vec<Vec<Cell>>,
        /// Below the rows, in column A.
        notes: Vec<&'static str>,
    }

    impl Sheet {
        /// The same table with its columns in another order: `order[i]` is the old column
        /// that becomes column `i`.
        fn reordered(mut self, order: &[usize]) -> Sheet {
            self.headers = order.iter().map(|&i| self.headers[i]).collect();
            for row in &mut self.rows {
                *row = order.iter().map(|&i| row[i].clone()).collect();
            }
            self
        }

        fn without_column(mut self, header: &str) -> Sheet {
            let at = self.headers.iter().position(|h| *h == header).unwrap();
            self.headers.remove(at);
            for row in &mut self.rows {
                row.remove(at);
            }
            self
        }
    }

    fn write(dir: &Path, file: &str, sheets: &[Sheet]) -> PathBuf {
        let mut book = Workbook::new();
        for sheet in sheets {
            let ws = book.add_worksheet();
            ws.set_name(sheet.name).unwrap();
            ws.write_string(0, 0, sheet.title).unwrap();
            for (c, header) in sheet.headers.iter().enumerate() {
                ws.write_string(1, c as u16, *header).unwrap();
            }
            for (r, row) in sheet.rows.iter().enumerate() {
                let r = r as u32 + 2;
                for (c, cell) in row.iter().enumerate() {
                    let c = c as u16;
                    match cell {
                        T(s) => ws.write_string(r, c, *s).map(|_| ()),
                        N(x) => ws.write_number(r, c, *x).map(|_| ()),
                        Link(url, text) => ws
                            .write_url_with_text(r, c, Url::new(*url), *text)
                            .map(|_| ()),
                        Blank => Ok(()),
                    }
                    .unwrap();
                }
            }
            for (i, note) in sheet.notes.iter().enumerate() {
                ws.write_string((sheet.rows.len() + 2 + i) as u32, 0, *note)
                    .unwrap();
            }
        }
        let path = dir.join(file);
        book.save(&path).unwrap();
        path
    }

    const DS_URL: &str = "https://www.bls.gov/ooh/math/data-scientists.htm";

    fn index() -> Sheet {
        Sheet {
            name: "Index",
            title: "Occupation.xlsx contents",
            headers: vec![],
            rows: vec![],
            notes: vec![
                "Table 1.1 Employment by major occupational group, 2024 and projected 2034",
                "Table 1.2 Occupational projections, 2024–34, and worker characteristics, 2024",
                "Table 1.10 Occupational separations and openings, projected 2024–34",
            ],
        }
    }

    /// Table 1.2 as BLS lays it out, on a sheet named otherwise.
    #[rustfmt::skip]
    fn table_1_2() -> Sheet {
        Sheet {
            name: "Projections",
            title: "Table 1.2 Occupational projections, 2024–2034, and worker characteristics, 2024 (Employment in thousands)",
            headers: vec![
                "2024 National Employment Matrix title",
                "2024 National Employment Matrix code",
                "Occupation type",
                "Employment, 2024",
                "Employment, 2034",
                "Employment distribution, percent, 2024",
                "Employment distribution, percent, 2034",
                "Employment change, numeric, 2024–34",
                "Employment change, percent, 2024–34",
                "Percent self employed, 2024",
                "Occupational openings, 2024–34 annual average",
                "Median annual wage, dollars, 2024[1]",
                "Typical education needed for entry",
                "Work experience in a related occupation",
                "Typical on-the-job training needed to attain competency in the occupation",
                "Related Occupational Outlook Handbook (OOH) content xlsx",
            ],
            rows: vec![
                vec![T("Total, all occupations"), T("00-0000"), T("Summary"),
                    N(169_956.1), N(175_167.9), N(100.0), N(100.0), N(5211.8), N(3.1), N(5.8),
                    N(18863.3), N(49500.0), T("—"), T("—"), T("—"), T("—")],
                vec![T("  Computer and mathematical occupations"), T("15-0000"), T("Summary"),
                    N(5410.5), N(5969.3), N(3.2), N(3.4), N(558.8), N(10.3), N(4.0),
                    N(410.4), N(105_850.0), T("—"), T("—"), T("—"), T("—")],
                vec![T("      Data scientists"), T("15-2051"), T("Line item"),
                    N(245.9), N(328.3), N(0.1), N(0.2), N(82.4), N(33.5), N(2.3),
                    N(23.4), N(112_590.0), T("Bachelor's degree"), T("None"), T("None"),
                    Link(DS_URL, "OOH Content")],
                vec![T("      Anesthesiologists"), T("29-1211"), T("Line item"),
                    N(30.1), N(31.5), N(0.0), N(0.0), N(1.4), N(4.6), N(9.7),
                    N(1.0), T(">=$239,200"), T("Doctoral or professional degree"), T("None"),
                    T("Internship/residency"), T("—")],
                vec![T("      Legislators"), T("11-1031"), T("Line item"),
                    N(27.7), N(28.6), N(0.0), N(0.0), N(0.9), N(3.4), T("—"),
                    N(2.2), T("—"), T("Bachelor's degree"), T("Less than 5 years"), T("None"),
                    T("—")],
                vec![T("        Machine feeders and offbearers"), T("53-7063"), T("Line item"),
                    N(46.5), N(40.4), N(0.0), N(0.0), N(-6.0), N(-13.0), N(0.9),
                    N(4.7), N(39700.0), T("No formal educational credential"), T("None"),
                    T("Short-term on-the-job training"), T("—")],
                // -32.2 × 1000 is -32200.000000000004 in floating point.
                vec![T("        Packers and packagers, hand"), T("53-7064"), T("Line item"),
                    N(591.8), N(559.7), N(0.3), N(0.3), N(-32.2), N(-5.4), N(0.7),
                    N(74.0), N(35580.0), T("No formal educational credential"), T("None"),
                    T("Short-term on-the-job training"), T("—")],
            ],
            notes: vec![
                "Footnotes:",
                "[1] Data are from the Occupational Employment and Wage Statistics program, U.S. Bureau of Labor Statistics.",
                "Note: Data is unavailable for values denoted with a \"—\".",
                "Source: Employment Projections program, U.S. Bureau of Labor Statistics",
            ],
        }
    }

    /// Table 1.10, with rows for the codes given, in the order given.
    #[rustfmt::skip]
    fn table_1_10(codes: &[&'static str]) -> Sheet {
        let row = |code: &'static str| -> Vec<Cell> {
            // The three rates, then exits, transfers and total separations.
            let [exit_rate, transfer_rate, rate, exits, transfers, total] = match code {
                "00-0000" => [4.7, 5.9, 10.6, 8155.0, 10187.1, 18342.1],
                "15-0000" => [2.2, 4.0, 6.2, 125.0, 227.6, 352.6],
                "15-2051" => [1.5, 3.9, 5.4, 4.2, 11.2, 15.4],
                "29-1211" => [2.0, 1.1, 3.1, 0.6, 0.3, 0.9],
                "11-1031" => [2.9, 4.6, 7.5, 0.8, 1.3, 2.1],
                "53-7063" => [5.1, 7.0, 12.1, 2.2, 3.0, 5.3],
                "53-7064" => [5.9, 7.5, 13.4, 33.7, 43.5, 77.2],
                _ => [1.0, 1.0, 2.0, 1.0, 1.0, 2.0],
            };
            vec![T("title"), T(code), T("Line item"), N(1.0), N(1.0), N(0.0), N(0.0),
                N(exit_rate), N(transfer_rate), N(rate), N(exits), N(transfers), N(total),
                N(1.0)]
        };
        Sheet {
            name: "Separations",
            title: "Table 1.10 Occupational separations and openings, projected 2024–34 (Employment in thousands)",
            headers: vec![
                "2024 National Employment Matrix title",
                "2024 National Employment Matrix code",
                "Occupation type",
                "Employment, 2024",
                "Employment, 2034",
                "Employment change, numeric, 2024–34",
                "Employment change, percent, 2024–34",
                "Labor force exit rate, 2024–34 annual average",
                "Occupational transfer rate, 2024–34 annual average",
                "Total occupational separations rate, 2024–34 annual average",
                "Labor force exits, 2024–34 annual average",
                "Occupational transfers, 2024–34 annual average",
                "Total occupational separations, 2024–34 annual average",
                "Occupational openings, 2024–34 annual average",
            ],
            rows: codes.iter().map(|c| row(c)).collect(),
            notes: vec!["Source: Employment Projections program, U.S. Bureau of Labor Statistics"],
        }
    }

    const CODES: [&str; 7] = [
        "00-0000", "15-0000", "15-2051", "29-1211", "11-1031", "53-7063", "53-7064",
    ];

    /// The index first, then Table 1.10 before Table 1.2, neither on a sheet named for it.
    fn workbook(dir: &Path, projections: Sheet, separations: Sheet) -> PathBuf {
        write(dir, "occupation.xlsx", &[index(), separations, projections])
    }

    fn read_fixture() -> EpImport {
        let dir = tempfile::tempdir().unwrap();
        read_workbook(&workbook(dir.path(), table_1_2(), table_1_10(&CODES))).unwrap()
    }

    fn by_code<'a>(import: &'a EpImport, code: &str) -> &'a WorkbookRow {
        import.occupations.iter().find(|p| p.code == code).unwrap()
    }

    #[test]
    fn reads_every_row_of_a_small_workbook() {
        let import = read_fixture();
        assert_eq!(import.problems, vec![]);
        assert_eq!(import.rows_read, 7);
        assert_eq!(
            import.release,
            EpRelease {
                name: "2024-34".to_owned(),
                base_year: 2024,
                projected_year: 2034,
                title: "Table 1.2 Occupational projections, 2024–2034, and worker characteristics, 2024 (Employment in thousands)".to_owned(),
            }
        );
        let codes: Vec<&str> = import.occupations.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes, CODES);
        assert_eq!(
            import.occupations[0],
            WorkbookRow {
                row: 3,
                code: "00-0000".to_owned(),
                title: "Total, all occupations".to_owned(),
                kind: RowKind::Summary,
                employment_base: Some(169_956_100),
                employment_projected: Some(175_167_900),
                change: Some(5_211_800),
                change_percent: Some(31),
                self_employed_percent: Some(58),
                openings: Some(18_863_300),
                openings_labor_force_exits: Some(8_155_000),
                openings_occupational_transfers: Some(10_187_100),
                separations: Some(18_342_100),
                labor_force_exit_rate: Some(47),
                occupational_transfer_rate: Some(59),
                separations_rate: Some(106),
                median_wage: EpWage::Dollars(49_500),
                education: None,
                experience: None,
                training: None,
                ooh_url: None,
            }
        );
        assert_eq!(
            *by_code(&import, "15-2051"),
            WorkbookRow {
                row: 5,
                code: "15-2051".to_owned(),
                title: "Data scientists".to_owned(),
                kind: RowKind::LineItem,
                employment_base: Some(245_900),
                employment_projected: Some(328_300),
                change: Some(82_400),
                change_percent: Some(335),
                self_employed_percent: Some(23),
                openings: Some(23_400),
                openings_labor_force_exits: Some(4_200),
                openings_occupational_transfers: Some(11_200),
                separations: Some(15_400),
                labor_force_exit_rate: Some(15),
                occupational_transfer_rate: Some(39),
                separations_rate: Some(54),
                median_wage: EpWage::Dollars(112_590),
                education: Some("Bachelor's degree".to_owned()),
                experience: Some("None".to_owned()),
                training: Some("None".to_owned()),
                ooh_url: Some(DS_URL.to_owned()),
            }
        );
        assert_eq!(by_code(&import, "15-0000").kind, RowKind::Summary);
    }

    #[test]
    fn a_wage_at_the_top_of_the_scale_is_a_lower_bound() {
        let import = read_fixture();
        let anesthesiologists = by_code(&import, "29-1211");
        assert_eq!(anesthesiologists.median_wage, EpWage::AtLeast(239_200));
        assert_eq!(
            anesthesiologists.training.as_deref(),
            Some("Internship/residency")
        );
        assert_eq!(anesthesiologists.ooh_url, None);
    }

    #[test]
    fn a_dash_is_no_data_not_zero() {
        let import = read_fixture();
        let legislators = by_code(&import, "11-1031");
        assert_eq!(legislators.self_employed_percent, None);
        assert_eq!(legislators.median_wage, EpWage::NoData);
        assert_eq!(legislators.experience.as_deref(), Some("Less than 5 years"));
        assert_eq!(legislators.openings, Some(2_200));
        // 0.0 percent is a figure: employment too small to show.
        assert_eq!(legislators.employment_base, Some(27_700));
    }

    #[test]
    fn declines_and_inexact_floats_are_exact() {
        let import = read_fixture();
        let feeders = by_code(&import, "53-7063");
        assert_eq!(
            (feeders.change, feeders.change_percent),
            (Some(-6_000), Some(-130))
        );
        assert_eq!(feeders.openings_labor_force_exits, Some(2_200));
        assert_eq!(feeders.labor_force_exit_rate, Some(51));
        let packers = by_code(&import, "53-7064");
        assert_eq!(
            (
                packers.employment_base,
                packers.employment_projected,
                packers.change,
                packers.change_percent,
                packers.openings_labor_force_exits,
            ),
            (
                Some(591_800),
                Some(559_700),
                Some(-32_200),
                Some(-54),
                Some(33_700)
            )
        );
    }

    #[test]
    fn columns_are_found_by_header_in_any_order() {
        let expected = read_fixture();
        let dir = tempfile::tempdir().unwrap();
        let order = [15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
        let order_1_10 = [1, 12, 10, 11, 0, 2, 3, 4, 5, 6, 7, 8, 9, 13];
        let path = workbook(
            dir.path(),
            table_1_2().reordered(&order),
            table_1_10(&CODES).reordered(&order_1_10),
        );
        assert_eq!(read_workbook(&path).unwrap(), expected);
    }

    #[test]
    fn optional_columns_may_be_missing() {
        let dir = tempfile::tempdir().unwrap();
        let path = workbook(
            dir.path(),
            table_1_2()
                .without_column("Percent self employed, 2024")
                .without_column("Related Occupational Outlook Handbook (OOH) content xlsx"),
            table_1_10(&CODES)
                .without_column("Total occupational separations rate, 2024–34 annual average"),
        );
        let import = read_workbook(&path).unwrap();
        assert_eq!(import.problems, vec![]);
        let scientists = by_code(&import, "15-2051");
        assert_eq!(scientists.self_employed_percent, None);
        assert_eq!(scientists.ooh_url, None);
        assert_eq!(scientists.separations_rate, None);
        assert_eq!(scientists.separations, Some(15_400));
    }

    #[test]
    fn a_missing_table_1_10_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "occupation.xlsx", &[index(), table_1_2()]);
        let err = read_workbook(&path).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{}: no sheet holds Table 1.10 (occupational separations and openings), which the import needs for the openings' labor force exits and occupational transfers",
                path.display()
            )
        );
    }

    #[test]
    fn a_missing_table_1_2_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            "occupation.xlsx",
            &[index(), table_1_10(&CODES)],
        );
        let err = read_workbook(&path).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("{}: no sheet holds Table 1.2", path.display())
        );
    }

    #[test]
    fn a_missing_required_column_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = workbook(
            dir.path(),
            table_1_2().without_column("Typical education needed for entry"),
            table_1_10(&CODES),
        );
        assert_eq!(
            read_workbook(&path).unwrap_err().to_string(),
            format!(
                "{}: Table 1.2 has no \"Typical education needed for entry\" column",
                path.display()
            )
        );
        let path = workbook(
            dir.path(),
            table_1_2(),
            table_1_10(&CODES).without_column("Labor force exits, 2024–34 annual average"),
        );
        assert_eq!(
            read_workbook(&path).unwrap_err().to_string(),
            format!(
                "{}: Table 1.10 has no \"Labor force exits,\" column",
                path.display()
            )
        );
    }

    #[test]
    fn tables_of_two_releases_are_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let mut old = table_1_10(&CODES);
        old.title = "Table 1.10 Occupational separations and openings, projected 2023–33 (Employment in thousands)";
        let path = workbook(dir.path(), table_1_2(), old);
        assert_eq!(
            read_workbook(&path).unwrap_err().to_string(),
            format!(
                "{}: Table 1.10 is titled for 2023-33 but Table 1.2's employment columns are for 2024 and 2034; the workbook mixes releases",
                path.display()
            )
        );
    }

    #[test]
    fn malformed_rows_are_problems_not_zeros() {
        let dir = tempfile::tempdir().unwrap();
        let mut projections = table_1_2();
        let good = projections.rows[2].clone();
        let with = |changes: &[(usize, Cell)]| {
            let mut row = good.clone();
            for (at, cell) in changes {
                row[*at] = cell.clone();
            }
            row
        };
        // Rows 10 to 15 in Excel's numbering; the good rows are 3 to 9.
        projections.rows.extend([
            with(&[(1, T("15-20X1"))]),
            with(&[(1, T("15-2091")), (3, T("n/a")), (9, N(f64::NAN))]),
            with(&[(1, T("15-2092")), (4, N(309.4567)), (8, N(1.25))]),
            with(&[(1, T("15-2093")), (10, N(-1.0)), (11, T("about 50k"))]),
            with(&[(1, T("15-2094")), (2, T("Detail")), (0, Blank)]),
            // Twice the code of row 5.
            with(&[]),
        ]);
        let mut codes = CODES.to_vec();
        codes.push("99-9999");
        let mut separations = table_1_10(&codes);
        separations.rows[1][11] = T("lots");
        let path = workbook(dir.path(), projections, separations);
        let import = read_workbook(&path).unwrap();
        let problem = |sheet: &str, row: u32, column: &str, reason: &str| CellProblem {
            sheet: sheet.to_owned(),
            row,
            column: Some(column.to_owned()),
            reason: reason.to_owned(),
            code: None,
        };
        let p = "Projections";
        let s = "Separations";
        let expected = vec![
            problem(
                p,
                10,
                "B",
                "\"15-20X1\" is not an occupation code like 15-2051",
            ),
            problem(p, 11, "D", "\"n/a\" is not a number"),
            problem(p, 11, "J", "\"NAN\" is not a number"),
            problem(
                p,
                12,
                "E",
                "309.4567 (thousands) is not a whole number of jobs",
            ),
            problem(p, 12, "I", "1.25 has more than one decimal"),
            problem(p, 13, "K", "-1 is negative"),
            problem(p, 13, "L", "\"about 50k\" is not a wage"),
            problem(p, 14, "A", "no occupation title"),
            problem(
                p,
                14,
                "C",
                "occupation type \"Detail\" is neither \"Line item\" nor \"Summary\"",
            ),
            problem(p, 15, "B", "15-2051 is also on row 5"),
            problem(s, 4, "L", "\"lots\" is not a number"),
            problem(s, 10, "B", "99-9999 is not in Table 1.2"),
        ];
        // The code each row names, when it can be read: what the problem counts against.
        let codes = [
            None,
            Some("15-2091"),
            Some("15-2091"),
            Some("15-2092"),
            Some("15-2092"),
            Some("15-2093"),
            Some("15-2093"),
            Some("15-2094"),
            Some("15-2094"),
            Some("15-2051"),
            Some("15-0000"),
            Some("99-9999"),
        ];
        let expected: Vec<CellProblem> = expected
            .into_iter()
            .zip(codes)
            .map(|(p, code)| CellProblem {
                code: code.map(str::to_owned),
                ..p
            })
            .collect();
        assert_eq!(import.problems, expected);
        assert_eq!(import.rows_read, 13);
        let codes: Vec<&str> = import.occupations.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes, CODES);
        // Its Table 1.10 row could not be read: no figures, and no second problem for it.
        let computing = by_code(&import, "15-0000");
        assert_eq!(computing.openings_occupational_transfers, None);
        assert_eq!(computing.openings_labor_force_exits, None);
        assert_eq!(computing.openings, Some(410_400));
    }

    #[test]
    fn an_occupation_missing_from_table_1_10_is_a_problem() {
        let dir = tempfile::tempdir().unwrap();
        let codes: Vec<&str> = CODES.iter().copied().filter(|&c| c != "11-1031").collect();
        let path = workbook(dir.path(), table_1_2(), table_1_10(&codes));
        let import = read_workbook(&path).unwrap();
        assert_eq!(
            import.problems,
            vec![CellProblem {
                sheet: "Projections".to_owned(),
                row: 7,
                column: Some("B".to_owned()),
                reason: "Table 1.10 has no row for 11-1031: its labor force exits and occupational transfers are unknown".to_owned(),
                code: Some("11-1031".to_owned()),
            }]
        );
        let legislators = by_code(&import, "11-1031");
        assert_eq!(legislators.openings_labor_force_exits, None);
        assert_eq!(legislators.openings, Some(2_200));
    }

    #[test]
    fn a_file_that_is_not_a_workbook_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("occupation.xlsx");
        std::fs::write(&path, "Occupation Title,Occupation Code\r\n").unwrap();
        let err = read_workbook(&path).unwrap_err().to_string();
        let expected = format!(
            "cannot read {} as an Excel workbook (.xlsx): ",
            path.display()
        );
        assert!(err.starts_with(&expected), "{err}");

        let missing = dir.path().join("missing.xlsx");
        assert_eq!(
            read_workbook(&missing).unwrap_err().to_string(),
            format!(
                "cannot open {}: No such file or directory",
                missing.display()
            )
        );
    }

    #[test]
    fn survives_postcard() {
        let import = read_fixture();
        let bytes = postcard::to_stdvec(&import).unwrap();
        assert_eq!(postcard::from_bytes::<EpImport>(&bytes).unwrap(), import);
    }

    #[test]
    fn floats_become_exact_integers() {
        let jobs = |x| scaled_float(x, Unit::Thousands);
        // Excel writes 309.4 as `309.39999999999998`: the same double.
        assert_eq!(jobs(309.4), Ok(309_400));
        // 65.1 × 1000 is 65099.99999999999: cut to an integer it would lose a job.
        assert_eq!(jobs(65.1), Ok(65_100));
        assert_eq!(jobs(175_167.9), Ok(175_167_900));
        assert_eq!(jobs(0.1 + 0.2), Ok(300));
        assert_eq!(jobs(-32.2), Ok(-32_200));
        assert_eq!(jobs(12.0), Ok(12_000));
        assert_eq!(
            jobs(309.4567),
            Err("309.4567 (thousands) is not a whole number of jobs".to_owned())
        );
        assert_eq!(jobs(f64::NAN), Err("NaN is not a finite number".to_owned()));
        assert_eq!(
            jobs(f64::INFINITY),
            Err("inf is not a finite number".to_owned())
        );
        assert_eq!(jobs(1e300), Err("1e300 is out of range".to_owned()));
        let tenths = |x| scaled_float(x, Unit::Tenths);
        assert_eq!(tenths(4.4), Ok(44));
        assert_eq!(tenths(-13.0), Ok(-130));
        assert_eq!(
            tenths(0.05),
            Err("0.05 has more than one decimal".to_owned())
        );
        assert_eq!(scaled_float(206_420.0, Unit::Dollars), Ok(206_420));
    }

    #[test]
    fn numbers_written_as_text_are_read_as_decimals() {
        assert_eq!(scaled_text("1,579.80", Unit::Thousands), Ok(1_579_800));
        assert_eq!(scaled_text("-0.6", Unit::Thousands), Ok(-600));
        assert_eq!(scaled_text("3.1", Unit::Tenths), Ok(31));
        assert_eq!(scaled_text("239,200", Unit::Dollars), Ok(239_200));
        assert_eq!(
            scaled_text("3.14", Unit::Tenths),
            Err("\"3.14\" has more than one decimal".to_owned())
        );
        for bad in ["", "-", ".5", "1e3", "N/A", "1.2.3", ",5"] {
            assert_eq!(
                scaled_text(bad, Unit::Tenths),
                Err(format!("{bad:?} is not a number"))
            );
        }
        assert_eq!(
            wage(&Data::String(">=$239,200".to_owned())),
            Ok(EpWage::AtLeast(239_200))
        );
        assert_eq!(
            wage(&Data::String(">=239,200".to_owned())),
            Ok(EpWage::AtLeast(239_200))
        );
        assert_eq!(
            wage(&Data::String("$81,680".to_owned())),
            Ok(EpWage::Dollars(81_680))
        );
        assert_eq!(wage(&Data::Empty), Ok(EpWage::NoData));
        assert_eq!(
            wage(&Data::Error(calamine::CellErrorType::NA)),
            Err("holds the Excel error #N/A".to_owned())
        );
    }

    #[test]
    fn titles_headers_codes_and_columns() {
        assert_eq!(
            normalize("Median annual wage, dollars, 2024[1]"),
            "median annual wage, dollars, 2024"
        );
        assert_eq!(
            normalize("  Employment change,\n numeric, 2024–34 "),
            "employment change, numeric, 2024-34"
        );
        assert_eq!(
            period("table 1.10 … projected 2024-34 (…)"),
            Some((2024, 2034))
        );
        assert_eq!(period("projections, 2024-2034, and …"), Some((2024, 2034)));
        assert_eq!(period("projected 2095-05"), Some((2095, 2105)));
        assert_eq!(period("table 1.2 occupational projections"), None);
        assert!(is_soc_code("15-2051") && is_soc_code("00-0000"));
        assert!(!is_soc_code("15-2051.01") && !is_soc_code("152051") && !is_soc_code("15–2051"));
        let letters: Vec<String> = [0, 1, 25, 26, 27, 701, 702].map(column_letter).into();
        assert_eq!(letters, ["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]);
    }

    /// BLS's release, beside the project (as `../oews-2025` is).
    const REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/bls-ep-2024-34");

    fn real() -> &'static EpImport {
        static IMPORT: std::sync::OnceLock<EpImport> = std::sync::OnceLock::new();
        IMPORT.get_or_init(|| read_workbook(&Path::new(REAL).join("occupation.xlsx")).unwrap())
    }

    fn line_items() -> Vec<&'static WorkbookRow> {
        real()
            .occupations
            .iter()
            .filter(|p| p.kind == RowKind::LineItem)
            .collect()
    }

    #[test]
    #[ignore = "needs ../shared/bls-ep-2024-34"]
    fn real_workbook_totals_and_counts() {
        let import = real();
        assert_eq!(import.problems, vec![]);
        assert_eq!(import.rows_read, 1113);
        assert_eq!(import.occupations.len(), 1113);
        assert_eq!(import.release.name, "2024-34");
        assert_eq!(
            (import.release.base_year, import.release.projected_year),
            (2024, 2034)
        );
        let items = line_items();
        assert_eq!(items.len(), 832);

        let total = &import.occupations[0];
        assert_eq!(
            (total.code.as_str(), total.kind),
            ("00-0000", RowKind::Summary)
        );
        assert_eq!(total.employment_base, Some(169_956_100));
        assert_eq!(total.employment_projected, Some(175_167_900));
        assert_eq!(total.change, Some(5_211_800));
        assert_eq!(total.change_percent, Some(31));
        assert_eq!(total.openings, Some(18_863_300));
        assert_eq!(total.openings_labor_force_exits, Some(8_155_000));
        assert_eq!(total.openings_occupational_transfers, Some(10_187_100));
        assert_eq!(total.separations, Some(18_342_100));
        assert_eq!(total.median_wage, EpWage::Dollars(49_500));
        assert_eq!(total.education, None);

        let mut education: HashMap<&str, usize> = HashMap::new();
        for item in &items {
            *education
                .entry(item.education.as_deref().unwrap_or("—"))
                .or_default() += 1;
        }
        let expected: HashMap<&str, usize> = [
            ("High school diploma or equivalent", 326),
            ("Bachelor's degree", 178),
            ("No formal educational credential", 109),
            ("Doctoral or professional degree", 73),
            ("Postsecondary nondegree award", 51),
            ("Associate's degree", 48),
            ("Master's degree", 40),
            ("Some college, no degree", 7),
        ]
        .into();
        assert_eq!(education, expected);

        let wages = |f: fn(&EpWage) -> bool| items.iter().filter(|p| f(&p.median_wage)).count();
        assert_eq!(wages(|w| matches!(w, EpWage::AtLeast(239_200))), 17);
        assert_eq!(wages(|w| matches!(w, EpWage::NoData)), 6);
        assert!(items.iter().all(|p| p.openings_labor_force_exits.is_some()
            && p.openings_occupational_transfers.is_some()
            && p.separations_rate.is_some()));
        let linked = items.iter().filter_map(|p| p.ooh_url.as_deref());
        assert_eq!(linked.clone().count(), 603);
        assert!(
            linked
                .clone()
                .all(|url| url.starts_with("https://www.bls.gov/ooh/"))
        );

        let scientists = items.iter().find(|p| p.code == "15-2051").unwrap();
        assert_eq!(
            (
                scientists.openings_labor_force_exits,
                scientists.openings_occupational_transfers,
                scientists.separations,
                scientists.labor_force_exit_rate,
                scientists.occupational_transfer_rate,
                scientists.separations_rate,
                scientists.self_employed_percent,
                scientists.ooh_url.as_deref(),
            ),
            (
                Some(5_800),
                Some(9_300),
                Some(15_100),
                Some(20),
                Some(32),
                Some(53),
                Some(18),
                Some("https://www.bls.gov/ooh/math/data-scientists.htm"),
            )
        );
    }

    /// `1,579.80` → 1,579,800 at scale 3: the CSV's figures, read apart from the reader's own
    /// code.
    fn csv_scaled(text: &str, scale: u32) -> i64 {
        let text: String = text.chars().filter(|&c| c != ',').collect();
        let (negative, text) = match text.strip_prefix('-') {
            Some(rest) => (true, rest.to_owned()),
            None => (false, text),
        };
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let mut fraction = fraction.trim_end_matches('0').to_owned();
        assert!(fraction.len() <= scale as usize, "{text}");
        while fraction.len() < scale as usize {
            fraction.push('0');
        }
        let value: i64 = format!("{whole}{fraction}").parse().unwrap();
        if negative { -value } else { value }
    }

    #[test]
    #[ignore = "needs ../shared/bls-ep-2024-34"]
    fn real_workbook_agrees_with_the_csv_export() {
        // Latin-1, CRLF, thousands separators; titles followed by BLS's sample job titles.
        let bytes = std::fs::read(Path::new(REAL).join("Employment Projections.csv")).unwrap();
        let text: String = bytes.iter().map(|&b| char::from(b)).collect();
        let mut csv = csv::Reader::from_reader(text.as_bytes());
        let headers = csv.headers().unwrap().clone();
        let at = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let title = at("Occupation Title");
        let code = at("Occupation Code");
        let base = at("Employment 2024");
        let projected = at("Employment 2034");
        let change = at("Employment Change, 2024-2034");
        let percent = at("Employment Percent Change, 2024-2034");
        let openings = at("Occupational Openings, 2024-2034 Annual Average");
        let wage = at("Median Annual Wage 2024");
        let education = at("Typical Entry-Level Education");
        let experience = at("Work Experience in a Related Occupation");
        let training = at("Typical on-the-job Training");

        let items: HashMap<&str, &WorkbookRow> = line_items()
            .into_iter()
            .map(|p| (p.code.as_str(), p))
            .collect();
        let mut seen = HashSet::new();
        let mut wrong = Vec::new();
        for record in csv.records() {
            let r = record.unwrap();
            let Some(p) = items.get(&r[code]) else {
                wrong.push(format!("{} is not a line item", &r[code]));
                continue;
            };
            seen.insert(&p.code);
            let csv_wage = match &r[wage] {
                "N/A" => EpWage::NoData,
                w => match w.strip_prefix(">=") {
                    Some(bound) => EpWage::AtLeast(csv_scaled(bound, 0) as u64),
                    None => EpWage::Dollars(csv_scaled(w, 0) as u64),
                },
            };
            let expected = (
                r[title].split("    *").next().unwrap().trim(),
                Some(csv_scaled(&r[base], 3) as u64),
                Some(csv_scaled(&r[projected], 3) as u64),
                Some(csv_scaled(&r[change], 3)),
                Some(csv_scaled(&r[percent], 1) as i32),
                Some(csv_scaled(&r[openings], 3) as u64),
                csv_wage,
                Some(&r[education]),
                Some(&r[experience]),
                Some(&r[training]),
            );
            let got = (
                p.title.as_str(),
                p.employment_base,
                p.employment_projected,
                p.change,
                p.change_percent,
                p.openings,
                p.median_wage,
                p.education.as_deref(),
                p.experience.as_deref(),
                p.training.as_deref(),
            );
            if got != expected {
                wrong.push(format!("{}: read {got:?}, CSV {expected:?}", p.code));
            }
        }
        assert_eq!(wrong, Vec::<String>::new());
        assert_eq!(seen.len(), 832);
    }

    /// Prints the time; in a release build (`cargo test --release --lib projections --
    /// --include-ignored --nocapture`) it must be well under a second.
    #[test]
    #[ignore = "needs ../shared/bls-ep-2024-34"]
    #[allow(clippy::print_stderr)]
    fn real_workbook_read_time() {
        let path = Path::new(REAL).join("occupation.xlsx");
        let fastest = (0..5)
            .map(|_| {
                let start = std::time::Instant::now();
                let import = read_workbook(&path).unwrap();
                assert_eq!(import.occupations.len(), 1113);
                start.elapsed()
            })
            .min()
            .unwrap();
        eprintln!("read {} in {fastest:?} (fastest of 5)", path.display());
        if !cfg!(debug_assertions) {
            assert!(
                fastest < std::time::Duration::from_millis(500),
                "{fastest:?}"
            );
        }
    }
}
