//! BLS Employment Projections as stored in `DATA_DIR/projections/` and in the binary: the
//! [dataset container](crate::datadir::release)'s manifest, and `projections.bin`, every row
//! (occupations and groups) sorted by code, in postcard.

use serde::{Deserialize, Serialize};

use crate::datadir::release::{self, Dataset, Opened};
use crate::model::projection::{Projection, RowKind};

/// The dataset's folder, name, format and import command.
pub const DATASET: Dataset = Dataset {
    folder: "projections",
    title: "BLS Employment Projections",
    format: 1,
    import: "careers import projections FILE",
    max_file: 16 << 20,
};

/// The one stored file.
pub const ROWS: &str = "projections.bin";

/// How much a release holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Data rows read from the workbook's tables.
    pub rows: u64,
    /// Occupations projected (BLS's line items).
    pub occupations: u64,
    /// Groups of occupations (BLS's summary rows), the total among them.
    pub groups: u64,
    /// Malformed rows left out (only under `--force`).
    pub rows_skipped: u64,
}

impl release::Counts for Counts {
    fn measures(&self) -> Vec<(&'static str, u64)> {
        vec![("occupations", self.occupations), ("groups", self.groups)]
    }
}

/// The bytes of `projections.bin` for `rows`, sorted by code.
pub fn encode(rows: &mut [Projection]) -> anyhow::Result<Vec<u8>> {
    rows.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(postcard::to_stdvec(rows)?)
}

/// The counts of a release's rows.
pub fn counts_of(rows: &[Projection], rows_read: u64, rows_skipped: u64) -> Counts {
    let occupations = rows
        .iter()
        .filter(|r| r.kind == RowKind::Occupation)
        .count() as u64;
    Counts {
        rows: rows_read,
        occupations,
        groups: rows.len() as u64 - occupations,
        rows_skipped,
    }
}

/// An opened release of the projections.
#[derive(Debug)]
pub struct Projections {
    /// The folder it was imported into; `None` for the embedded release.
    pub dir: Option<std::path::PathBuf>,
    pub manifest: release::Manifest<Counts>,
    /// Every row, sorted by code.
    pub rows: Vec<Projection>,
    /// The base and projected years: 2024 and 2034 for "2024-34".
    years: (u16, u16),
}

impl Projections {
    /// Decodes an opened release; a file that does not decode is a damaged one.
    pub fn decode(opened: Opened<Counts>) -> anyhow::Result<Projections> {
        let broken = |why: &str| match &opened.dir {
            Some(dir) => release::damaged(&DATASET, dir, why),
            None => anyhow::anyhow!("the embedded {} cannot be read ({why})", DATASET.title),
        };
        let bytes = opened
            .file(ROWS)
            .ok_or_else(|| broken(&format!("its manifest lists no {ROWS}")))?;
        let rows: Vec<Projection> =
            postcard::from_bytes(bytes).map_err(|e| broken(&format!("{ROWS}: {e}")))?;
        if !rows.is_sorted_by(|a, b| a.code < b.code) {
            return Err(broken(&format!("{ROWS} is not sorted by code")));
        }
        let name = &opened.manifest.release.name;
        let years = years_of(name)
            .ok_or_else(|| broken(&format!("its release \"{name}\" names no years")))?;
        Ok(Projections {
            years,
            dir: opened.dir,
            manifest: opened.manifest,
            rows,
        })
    }

    /// Opens the import in `data_dir`, `None` when there is none.
    pub fn open(data_dir: &std::path::Path) -> anyhow::Result<Option<Projections>> {
        release::open(data_dir, &DATASET)?
            .map(Projections::decode)
            .transpose()
    }

    /// The row of a SOC code (`15-2051`, `15-0000`).
    pub fn get(&self, code: &str) -> Option<&Projection> {
        self.rows
            .binary_search_by(|r| r.code.as_str().cmp(code))
            .ok()
            .map(|i| &self.rows[i])
    }

    /// All occupations together (`00-0000`).
    pub fn total(&self) -> Option<&Projection> {
        self.get("00-0000")
    }

    /// The occupations, BLS's line items.
    pub fn occupations(&self) -> impl Iterator<Item = &Projection> + '_ {
        self.rows.iter().filter(|r| r.kind == RowKind::Occupation)
    }

    /// The base and projected years: 2024 and 2034 for "2024-34".
    pub fn years(&self) -> (u16, u16) {
        self.years
    }

    /// The release as people name it: "2024-34".
    pub fn release_name(&self) -> &str {
        &self.manifest.release.name
    }
}

/// The years a release name spans: `2024-34` → (2024, 2034).
pub fn years_of(name: &str) -> Option<(u16, u16)> {
    let (base, end) = name.trim().split_once('-')?;
    let base: u16 = base.parse().ok()?;
    let end: u16 = end.parse().ok()?;
    let projected = match end {
        0..=99 => base - base % 100 + end + if end < base % 100 { 100 } else { 0 },
        _ => end,
    };
    Some((base, projected))
}
