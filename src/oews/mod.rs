//! BLS's Occupational Employment and Wage Statistics: reading its flat files ([`read`]) and
//! keeping the result in the user's data directory or the binary ([`storage`]), in the
//! [dataset container](crate::datadir::release).

pub mod read;
pub mod storage;

use std::path::Path;

use anyhow::bail;

use crate::datadir::imports::Progress;
use crate::datadir::release::{self, Imported, Prepared, Release};
use read::OewsImport;
use storage::{Counts, DATASET, Stored};

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

/// Reads the flat files in `source` into the stored form.
pub fn prepare(
    source: &Path,
    progress: &dyn Progress,
) -> anyhow::Result<(Prepared<Counts>, OewsImport)> {
    let mut read = read::read(source, progress)?;
    if read.cells.is_empty() {
        bail!(
            "{} holds no estimates that could be read ({} rows, {} skipped); nothing was imported and the current import is kept",
            source.display(),
            read.rows,
            read.skipped.len()
        );
    }
    let counts = storage::counts_of(&read);
    let files = storage::encode(&read)?;
    let name = read
        .release
        .name
        .clone()
        .or_else(|| read.release.code.clone())
        .unwrap_or_else(|| "(release unknown)".to_owned());
    let source = std::path::absolute(source).unwrap_or_else(|_| source.to_path_buf());
    // The estimates are stored; what is left is what the report says of the read.
    read.cells = Vec::new();
    Ok((
        Prepared {
            release: Release {
                name,
                published: published(read.release.code.as_deref()),
            },
            source,
            counts,
            files,
        },
        read,
    ))
}

/// The outcome of `careers import oews`.
#[derive(Debug)]
pub struct ImportOutcome {
    pub imported: Imported<Counts>,
    /// What was read, less the estimates.
    pub read: OewsImport,
}

/// Reads the flat files in `source` and stores them in `data_dir`, replacing the current import
/// only when everything has been read and written, and only with a release about as large
/// (unless `force`).
pub fn run_import(
    source: &Path,
    data_dir: &Path,
    force: bool,
    progress: &dyn Progress,
) -> anyhow::Result<ImportOutcome> {
    let mut read = None;
    let imported = release::import(data_dir, &DATASET, force, || {
        let (prepared, r) = prepare(source, progress)?;
        read = Some(r);
        Ok(prepared)
    })?;
    Ok(ImportOutcome {
        imported,
        read: read.unwrap_or_default(),
    })
}
