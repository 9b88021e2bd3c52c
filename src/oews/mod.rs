//! BLS's Occupational Employment and Wage Statistics: reading its flat files ([`read`]) and
//! keeping the result in the user's data directory or the binary ([`storage`]).

pub mod read;
pub mod storage;

use std::path::Path;

use anyhow::bail;

use crate::datadir::imports::Progress;
use crate::onet::import::SkippedRow;
use storage::{Manifest, Stored};

/// BLS's own words, which every output that shows OEWS figures carries once.
pub const NOTICE: &str = "BLS.gov cannot vouch for the data or analyses derived from these data after the data have been retrieved from BLS.gov.";

/// When BLS published a release, from `data/oews-releases.json`: BLS's flat files name the
/// release (`2025A01`, "May 2025") but not its publication date.
pub fn published(release_code: Option<&str>) -> Option<String> {
    crate::model::published(
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/oews-releases.json"
        )),
        release_code?,
    )
}

/// The source line of every OEWS figure: "BLS OEWS May 2025".
pub fn source_name(stored: &Stored) -> String {
    format!("BLS OEWS {}", stored.release_name())
}

/// The outcome of `careers import oews`.
#[derive(Debug)]
pub struct ImportOutcome {
    pub manifest: Manifest,
    pub target: std::path::PathBuf,
    pub missing: Vec<&'static str>,
    pub skipped: Vec<SkippedRow>,
    pub warnings: Vec<String>,
}

/// An import that would keep fewer than this share of the previous import's estimates is
/// refused: a folder cut short or half downloaded must not replace a complete release.
pub const KEEP_AT_LEAST_PERCENT: u64 = 50;

/// Reads the flat files in `source` and stores them in `data_dir`, replacing an earlier import
/// only when everything has been read and written. `force` takes an import that holds much less
/// than the previous one.
pub fn run_import(
    source: &Path,
    data_dir: &Path,
    force: bool,
    progress: &dyn Progress,
) -> anyhow::Result<ImportOutcome> {
    let lock = crate::datadir::imports::ImportLock::take(data_dir)?;
    let read = read::read(source, progress)?;
    if read.cells.is_empty() {
        bail!(
            "{} holds no estimates that could be read ({} rows, {} skipped); nothing was imported and the previous import is kept",
            source.display(),
            read.rows,
            read.skipped.len()
        );
    }
    if !force
        && let Ok(Some(previous)) = storage::open(data_dir)
        && read.cells.len() as u64 * 100
            < previous.manifest.counts.estimates * KEEP_AT_LEAST_PERCENT
    {
        bail!(
            "{} holds {} estimates, fewer than {KEEP_AT_LEAST_PERCENT}% of the {} the current import has; the previous import is kept (pass --force to replace it anyway)",
            source.display(),
            read.cells.len(),
            previous.manifest.counts.estimates
        );
    }
    let source = std::path::absolute(source).unwrap_or_else(|_| source.to_path_buf());
    let manifest = Manifest {
        format: storage::FORMAT,
        release: read.release.clone(),
        source,
        imported_at: crate::datadir::imports::timestamp(),
        data_files: read.data_files.clone(),
        counts: storage::counts_of(&read),
    };
    let temp = lock.temp_dir("oews")?;
    storage::write_files(temp.path(), &read, &manifest)?;
    let swapped = lock.swap_in(temp, "oews")?;
    Ok(ImportOutcome {
        manifest,
        target: swapped.target,
        warnings: swapped.warnings,
        missing: read.missing,
        skipped: read.skipped,
    })
}
