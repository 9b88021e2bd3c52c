//! BLS Employment Projections as stored in `DATA_DIR/projections/` and in the binary: the
//! [dataset container](crate::datadir::release)'s manifest, and `projections.bin`, every row
//! (occupations and groups) sorted by code: an index (the codes, then where each row ends),
//! then the rows, each in postcard on its own, so that a question about one occupation decodes
//! only its row and its groups'. An import under `--force` that left out rows also stores
//! which occupations they touched ([`crate::datadir::skipped`]).

use serde::{Deserialize, Serialize};

use crate::datadir::release::{self, Dataset, Opened};
use crate::datadir::skipped::{SKIPPED, Skipped};
use crate::model::projection::{Projection, RowKind};

/// The dataset's folder, name, format and import command.
pub const DATASET: Dataset = Dataset {
    folder: "projections",
    title: "BLS Employment Projections",
    format: 2,
    import: "careers import projections FILE",
    max_file: 16 << 20,
};

/// The one stored file.
pub const ROWS: &str = "projections.bin";

/// How much a release holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectionCounts {
    /// Data rows read from the workbook's tables.
    pub rows: u64,
    /// Occupations projected (BLS's line items).
    pub occupations: u64,
    /// Groups of occupations (BLS's summary rows), the total among them.
    pub groups: u64,
    /// Malformed rows left out (only under `--force`).
    pub rows_skipped: u64,
}

impl release::Counts for ProjectionCounts {
    fn measures(&self) -> Vec<(&'static str, u64)> {
        vec![("occupations", self.occupations), ("groups", self.groups)]
    }
}

/// A SOC code's length: `15-2051`.
const CODE: usize = 7;

/// The start of `projections.bin`: every row's code, [`CODE`] bytes each, in order, and where
/// each row's bytes end, counted from the end of the index.
#[derive(Debug, Serialize, Deserialize)]
struct Index {
    codes: String,
    ends: Vec<u32>,
}

/// The bytes of `projections.bin` for `rows`, sorted by code. Every code must be a SOC code.
pub fn encode(rows: &mut [Projection]) -> anyhow::Result<Vec<u8>> {
    rows.sort_by(|a, b| a.code.cmp(&b.code));
    let mut index = Index {
        codes: String::with_capacity(rows.len() * CODE),
        ends: Vec::with_capacity(rows.len()),
    };
    let mut body = Vec::new();
    for row in rows.iter() {
        anyhow::ensure!(
            row.code.len() == CODE,
            "{} is not a SOC code of {CODE} characters",
            row.code
        );
        index.codes.push_str(&row.code);
        body.extend(postcard::to_stdvec(row)?);
        index.ends.push(u32::try_from(body.len())?);
    }
    let mut bytes = postcard::to_stdvec(&index)?;
    bytes.extend(body);
    Ok(bytes)
}

/// The counts of a release's rows.
pub fn counts_of(rows: &[Projection], rows_read: u64, rows_skipped: u64) -> ProjectionCounts {
    let occupations = rows
        .iter()
        .filter(|r| r.kind == RowKind::Occupation)
        .count() as u64;
    ProjectionCounts {
        rows: rows_read,
        occupations,
        groups: rows.len() as u64 - occupations,
        rows_skipped,
    }
}

/// An opened release of the projections: its index, and each row decoded the first time it is
/// asked for.
#[derive(Debug)]
pub struct Projections {
    /// The folder it was imported into; `None` for the embedded release.
    pub dir: Option<std::path::PathBuf>,
    pub manifest: release::Manifest<ProjectionCounts>,
    /// The base and projected years: 2024 and 2034 for "2024-34".
    years: (u16, u16),
    index: Index,
    /// `projections.bin`, and where its rows start.
    bytes: std::borrow::Cow<'static, [u8]>,
    rows_at: usize,
    rows: Vec<std::sync::OnceLock<Option<Projection>>>,
    /// The occupations whose rows an import under `--force` left out.
    skipped: Skipped<String>,
}

impl Projections {
    /// Checks an opened release's index; a file whose index does not hold is a damaged one.
    pub fn decode(mut opened: Opened<ProjectionCounts>) -> anyhow::Result<Projections> {
        let broken = |why: &str| match &opened.dir {
            Some(dir) => release::damaged(&DATASET, dir, why),
            None => anyhow::anyhow!("the embedded {} cannot be read ({why})", DATASET.title),
        };
        let at = opened
            .manifest
            .files
            .iter()
            .position(|f| f.name == ROWS)
            .ok_or_else(|| broken(&format!("its manifest lists no {ROWS}")))?;
        let bytes = std::mem::take(&mut opened.files[at]);
        let (index, rows) = postcard::take_from_bytes::<Index>(&bytes)
            .map_err(|e| broken(&format!("{ROWS}: {e}")))?;
        let rows_at = bytes.len() - rows.len();
        let n = index.ends.len();
        let sound = index.codes.len() == n * CODE
            && index.ends.is_sorted()
            && index.ends.last().map_or(0, |&e| e as usize) == rows.len()
            && (1..n).all(|i| {
                index.codes[(i - 1) * CODE..i * CODE] < index.codes[i * CODE..(i + 1) * CODE]
            });
        if !sound {
            return Err(broken(&format!("{ROWS}'s index does not match its rows")));
        }
        let name = &opened.manifest.release.name;
        let years = years_of(name)
            .ok_or_else(|| broken(&format!("its release \"{name}\" names no years")))?;
        let skipped = Skipped::decode(opened.file(SKIPPED)).map_err(|why| broken(&why))?;
        Ok(Projections {
            skipped,
            years,
            dir: opened.dir,
            manifest: opened.manifest,
            index,
            bytes,
            rows_at,
            rows: (0..n).map(|_| std::sync::OnceLock::new()).collect(),
        })
    }

    /// Opens the import in `data_dir`, `None` when there is none.
    pub fn open(data_dir: &std::path::Path) -> anyhow::Result<Option<Projections>> {
        release::open(data_dir, &DATASET)?
            .map(Projections::decode)
            .transpose()
    }

    /// The row at `i`, decoded once. The file's checksum was checked when it was opened, so a
    /// row that does not decode can only be one this version did not write: it reads as none.
    fn row(&self, i: usize) -> Option<&Projection> {
        self.rows[i]
            .get_or_init(|| {
                let start = if i == 0 {
                    0
                } else {
                    self.index.ends[i - 1] as usize
                };
                let end = self.index.ends[i] as usize;
                let bytes = self.bytes.get(self.rows_at + start..self.rows_at + end)?;
                postcard::from_bytes(bytes).ok()
            })
            .as_ref()
    }

    /// How many rows the release holds, occupations and groups.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The row of a SOC code (`15-2051`, `15-0000`).
    pub fn get(&self, code: &str) -> Option<&Projection> {
        if code.len() != CODE {
            return None;
        }
        let codes = self.index.codes.as_bytes();
        let (mut lo, mut hi) = (0, self.rows.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match codes[mid * CODE..(mid + 1) * CODE].cmp(code.as_bytes()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return self.row(mid),
            }
        }
        None
    }

    /// Every row, occupations and groups, in code order.
    pub fn rows(&self) -> impl Iterator<Item = &Projection> + '_ {
        (0..self.rows.len()).filter_map(|i| self.row(i))
    }

    /// All occupations together (`00-0000`).
    pub fn total(&self) -> Option<&Projection> {
        self.get("00-0000")
    }

    /// The occupations, BLS's line items.
    pub fn occupations(&self) -> impl Iterator<Item = &Projection> + '_ {
        self.rows().filter(|r| r.kind == RowKind::Occupation)
    }

    /// The base and projected years: 2024 and 2034 for "2024-34".
    pub fn years(&self) -> (u16, u16) {
        self.years
    }

    /// The occupations whose rows an import under `--force` left out, each with why.
    pub fn skipped(&self) -> &Skipped<String> {
        &self.skipped
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
