//! BLS's Employment Projections: reading BLS's workbook `occupation.xlsx` ([`read`]) and keeping
//! the result in the user's data directory or the binary ([`storage`]), in the
//! [dataset container](crate::datadir::release).

pub mod read;
pub mod storage;

use std::path::Path;

use anyhow::bail;

use crate::datadir::release::{self, Prepared, Release};
use crate::datadir::skipped::{LeftOut, SKIPPED, Skipped};
use crate::model::projection::{Education, EpWage, Experience, Projection, RowKind, Training};
use read::{CellProblem, WorkbookRow};
use storage::{DATASET, ProjectionCounts, ROWS};

/// When BLS published a release, from `data/ep-releases.json`: the workbook names its period
/// but not its date.
pub fn published(release: &str) -> Option<String> {
    crate::model::published(
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/ep-releases.json"
        )),
        release,
    )
}

/// How many problems an error lists before it counts the rest.
const LISTED: usize = 10;

/// Reads BLS's workbook at `path` into the stored form. A row that cannot be read, or a value
/// BLS's categories do not have, fails the whole read unless `force`, which leaves such rows
/// out, counts them and stores which occupations they touched; the problems come back either
/// way.
pub fn prepare(
    path: &Path,
    force: bool,
) -> anyhow::Result<(Prepared<ProjectionCounts>, Vec<CellProblem>)> {
    let read = read::read_workbook(path)?;
    let mut problems = read.problems;
    let mut rows = Vec::with_capacity(read.occupations.len());
    for row in read.occupations {
        match projection(row, &read.sheet) {
            Ok(p) => rows.push(p),
            Err(problem) => problems.push(*problem),
        }
    }
    if !problems.is_empty() && !force {
        let listed: Vec<String> = problems
            .iter()
            .take(LISTED)
            .map(ToString::to_string)
            .collect();
        let more = match problems.len().saturating_sub(LISTED) {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        let rows = match problems.len() {
            1 => "1 row".to_owned(),
            n => format!("{n} rows"),
        };
        bail!(
            "{} has {rows} that cannot be read ({}{more}); nothing was imported and the current import is kept (pass --force to import the rest)",
            path.display(),
            listed.join("; ")
        );
    }
    if !rows.iter().any(|r| r.kind == RowKind::Occupation) {
        bail!(
            "{} holds no occupation BLS projects; nothing was imported and the current import is kept",
            path.display()
        );
    }
    let counts = storage::counts_of(&rows, read.rows_read, problems.len() as u64);
    let mut files = vec![(ROWS, storage::encode(&mut rows)?)];
    if let Some(bytes) = skipped_of(path, &problems).encode()? {
        files.push((SKIPPED, bytes));
    }
    let source = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    Ok((
        Prepared {
            release: Release {
                published: published(&read.release.name),
                name: read.release.name,
            },
            source,
            counts,
            files,
        },
        problems,
    ))
}

/// The occupations the rows left out touched, each with why, in words that name the workbook:
/// `occupation.xlsx, sheet "Table 1.2", row 14, column F: reason`.
fn skipped_of(path: &Path, problems: &[CellProblem]) -> Skipped<String> {
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let rows: Vec<LeftOut<String>> = problems
        .iter()
        .map(|p| LeftOut {
            code: p.code.clone(),
            row: (p.sheet.clone(), u64::from(p.row)),
            problem: format!("{file}, {p}"),
        })
        .collect();
    Skipped::of_rows(&rows, "BLS's workbook", "occupation")
}

/// A workbook row in the model's terms; BLS's categories must be ones the model knows.
fn projection(row: WorkbookRow, sheet: &str) -> Result<Projection, Box<CellProblem>> {
    let unknown = |what: &str, text: &str| {
        Box::new(CellProblem {
            sheet: sheet.to_owned(),
            row: row.row,
            column: None,
            reason: format!("unknown {what} \"{text}\""),
            code: Some(row.code.clone()),
        })
    };
    let education = match row.education.as_deref() {
        Some(t) => Some(Education::from_label(t).ok_or_else(|| unknown("entry education", t))?),
        None => None,
    };
    let experience = match row.experience.as_deref() {
        Some(t) => Some(Experience::from_label(t).ok_or_else(|| unknown("work experience", t))?),
        None => None,
    };
    let training = match row.training.as_deref() {
        Some(t) => Some(Training::from_label(t).ok_or_else(|| unknown("on-the-job training", t))?),
        None => None,
    };
    Ok(Projection {
        code: row.code,
        title: row.title,
        kind: match row.kind {
            read::RowKind::LineItem => RowKind::Occupation,
            read::RowKind::Summary => RowKind::Summary,
        },
        employment_base: row.employment_base,
        employment_projected: row.employment_projected,
        change: row.change,
        change_percent: row.change_percent,
        self_employed_percent: row.self_employed_percent,
        openings: row.openings,
        openings_labor_force_exits: row.openings_labor_force_exits,
        openings_occupational_transfers: row.openings_occupational_transfers,
        median_wage: match row.median_wage {
            read::EpWage::Dollars(d) => EpWage::Dollars(d),
            read::EpWage::AtLeast(d) => EpWage::AtLeast(d),
            read::EpWage::NoData => EpWage::NotPublished,
        },
        education,
        experience,
        training,
    })
}

/// What `careers import projections` did.
pub type ImportOutcome = release::RowsImported<ProjectionCounts, CellProblem>;

/// Reads BLS's workbook and stores it in `data_dir`, replacing the current import only when
/// everything has been read and written, and only with a release about as large (unless
/// `force`).
pub fn run_import(path: &Path, data_dir: &Path, force: bool) -> anyhow::Result<ImportOutcome> {
    let (imported, problems) =
        release::import_with(data_dir, &DATASET, force, || prepare(path, force))?;
    Ok(ImportOutcome { imported, problems })
}
