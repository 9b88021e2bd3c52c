//! BEA's Regional Price Parities: reading BEA's three CSVs ([`read`]) and keeping the result in
//! the user's data directory or the binary ([`storage`]), in the
//! [dataset container](crate::datadir::release).

pub mod read;
pub mod storage;

use std::path::Path;

use anyhow::bail;

use crate::datadir::release::RowProblem;
use crate::datadir::release::{self, Prepared, Release};
use crate::datadir::skipped::{LeftOut, SKIPPED, Skipped};
use crate::model::prices::{PriceParities, PriceTable};
use storage::{DATASET, PARITIES, PriceCounts};

/// How many problems an error lists before it counts the rest.
const LISTED: usize = 10;

/// Reads BEA's files in `dir` into the stored form. A row that cannot be read fails the whole
/// read unless `force`, which leaves such rows out, counts them and stores which areas they
/// touched; the problems come back either way.
pub fn prepare(
    dir: &Path,
    force: bool,
) -> anyhow::Result<(Prepared<PriceCounts>, Vec<RowProblem>)> {
    let read = read::read_dir(dir)?;
    let problems = read.problems;
    if !problems.is_empty() && !force {
        let listed: Vec<String> = problems
            .iter()
            .take(LISTED)
            .map(ToString::to_string)
            .collect();
        let more = match problems.len().saturating_sub(LISTED) {
            0 => String::new(),
            n => format!("; and {n} more"),
        };
        let rows = match problems.len() {
            1 => "1 row".to_owned(),
            n => format!("{n} rows"),
        };
        // One line: an error is written as one (a line end in it would be escaped).
        bail!(
            "{} has {rows} that cannot be read ({}{more}); nothing was imported and the current import is kept (fix them, or pass --force to import the rest)",
            dir.display(),
            listed.join("; ")
        );
    }
    let parities = PriceParities {
        first_year: read.first_year,
        last_year: read.last_year,
        areas: read.areas,
    };
    if !parities.areas.iter().any(|a| !a.fips.starts_with("00")) {
        bail!(
            "{} holds no area BEA prices; nothing was imported and the current import is kept",
            dir.display()
        );
    }
    let counts = storage::counts_of(&parities, read.rows, problems.len() as u64);
    let mut files = vec![(PARITIES, storage::encode(&parities)?)];
    if let Some(bytes) = skipped_of(&problems).encode()? {
        files.push((SKIPPED, bytes));
    }
    let source = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    Ok((
        Prepared {
            release: Release {
                name: format!("{}-{}", read.first_year, read.last_year),
                published: read.updated,
            },
            source,
            counts,
            files,
        },
        problems,
    ))
}

/// The areas the rows left out touched, each with why: `MARPP_MSA_2014_2024.csv line 7: reason`.
/// An area is its file's table (the file is found by the table's name) and its GeoFIPS.
fn skipped_of(problems: &[RowProblem]) -> Skipped<(PriceTable, String)> {
    let rows: Vec<LeftOut<(PriceTable, String)>> = problems
        .iter()
        .map(|p| LeftOut {
            code: PriceTable::ALL
                .into_iter()
                .find(|t| p.file.starts_with(t.code()))
                .zip(p.code.clone()),
            row: (p.file.clone(), p.line),
            problem: p.to_string(),
        })
        .collect();
    Skipped::of_rows(&rows, "BEA's files", "area")
}

/// What `careers import prices` did.
pub type ImportOutcome = release::RowsImported<PriceCounts, RowProblem>;

/// Reads BEA's files and stores them in `data_dir`, replacing the current import only when
/// everything has been read and written, and only with a release about as large (unless
/// `force`).
pub fn run_import(dir: &Path, data_dir: &Path, force: bool) -> anyhow::Result<ImportOutcome> {
    let (imported, problems) =
        release::import_with(data_dir, &DATASET, force, || prepare(dir, force))?;
    Ok(ImportOutcome { imported, problems })
}
