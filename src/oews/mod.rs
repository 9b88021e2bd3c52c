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
use storage::{DATASET, OewsCounts, StoredWages};

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

impl StoredWages {
    /// The source line of every OEWS figure: "BLS OEWS May 2025".
    pub fn source_name(&self) -> String {
        format!("BLS OEWS {}", self.release_name())
    }
}

/// How many problems an error lists before it counts the rest.
const LISTED: usize = 20;

/// Reads the flat files in `source` into the stored form. A row that cannot be read (malformed,
/// a figure that is not a number, bytes that are not UTF-8) means the files are damaged: the
/// read fails listing the problems, unless `force`, which leaves such rows out and marks every
/// occupation they touched incomplete. BLS's `-` is not a problem: it is "not published".
pub fn prepare(
    source: &Path,
    force: bool,
    progress: &dyn Progress,
) -> anyhow::Result<(Prepared<OewsCounts>, OewsImport)> {
    let mut read = read::read(source, progress)?;
    if !read.skipped.is_empty() && !force {
        let listed: Vec<String> = read
            .skipped
            .iter()
            .take(LISTED)
            .map(ToString::to_string)
            .collect();
        let more = match read.skipped.len().saturating_sub(LISTED) {
            0 => String::new(),
            n => format!("; and {n} more"),
        };
        let rows = match read.skipped.len() {
            1 => "1 row".to_owned(),
            n => format!("{n} rows"),
        };
        bail!(
            "{} has {rows} that cannot be read ({}{more}); nothing was imported and the current import is kept (fix them, or pass --force to import the rest)",
            source.display(),
            listed.join("; ")
        );
    }
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
    pub imported: Imported<OewsCounts>,
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
    let (imported, read) = release::import_with(data_dir, &DATASET, force, || {
        prepare(source, force, progress)
    })?;
    Ok(ImportOutcome { imported, read })
}
