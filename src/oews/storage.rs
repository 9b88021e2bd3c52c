//! The imported OEWS release on disk, in `DATA_DIR/oews/`, laid out so that a question reads
//! only the occupations it is about:
//!
//! - `manifest.json`: release, source folder, date of import and counts (`careers sources`);
//! - `tables.bin` (postcard): the areas, occupations, industries and footnotes, and where each
//!   occupation's block of estimates is in `wages.bin`;
//! - `wages.bin`: per occupation, every estimate of it (each area and industry) as one
//!   zstd-compressed postcard block.
//!
//! The same bytes are what the binary embeds, so an embedded release and an imported one are
//! read by the same code.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};

use super::read::{ABSENT, Cell, OewsImport, Release};
use crate::datadir::blob::Blob;
use crate::model::wages::{Area, Estimate, Industry, Measure, Value, WageOccupation};

/// Bumped whenever the layout changes; older imports must be imported again.
pub const FORMAT: u32 = 1;

pub const MANIFEST: &str = "manifest.json";
pub const TABLES: &str = "tables.bin";
pub const WAGES: &str = "wages.bin";

/// zstd's level for the blocks: the highest before compression time stops paying off.
const LEVEL: i32 = 3;

/// What `careers sources` says of an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    pub release: Release,
    /// The folder the flat files were read from.
    pub source: PathBuf,
    /// When the import ran, in UTC (RFC 3339).
    pub imported_at: String,
    pub data_files: Vec<String>,
    pub counts: Counts,
}

/// How much an import holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub rows: u64,
    pub values: u64,
    pub estimates: u64,
    pub areas: u64,
    pub occupations: u64,
    pub industries: u64,
    pub rows_skipped: u64,
}

/// The mapping tables and the block directory.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Tables {
    pub areas: Vec<Area>,
    pub occupations: Vec<WageOccupation>,
    pub industries: Vec<Industry>,
    pub footnotes: Vec<(String, String)>,
    /// Per occupation, the byte range of its block in `wages.bin` (empty: no estimates).
    pub blocks: Vec<(u64, u32)>,
}

/// An occupation's estimates as a block stores them, column by column (columns of like numbers
/// compress far better than rows of unlike ones): per estimate its area, industry and which
/// measures it has (a bit per [`Measure::slot`]); then per measure the stored values of the
/// estimates that have it, in estimate order.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Block {
    areas: Vec<u16>,
    industries: Vec<u16>,
    present: Vec<u32>,
    /// By [`Measure::slot`], each value coded by [`encode`].
    columns: Vec<Vec<u64>>,
}

/// The order values are coded in: each measure after the one it is predicted from.
const CODING_ORDER: [Measure; 17] = Measure::ORDERED;

/// What a value is predicted from: a wage percentile from the one below it, the mean from the
/// median, an hourly wage from its annual one (BLS's annual wage is the hourly one times 2,080
/// hours). A value is stored as its difference from the prediction, a small number that
/// compresses far better than the wage itself.
fn prediction(measure: Measure, values: &[Option<Value>; 17]) -> Option<u64> {
    use Measure::*;
    let number = |m: Measure| match values[m.slot()] {
        Some(Value::Number(n)) => Some(n),
        _ => None,
    };
    let hourly_of = |m: Measure| number(m).map(|annual| (annual * 100 + 1040) / 2080);
    match measure {
        Annual25 => number(Annual10),
        AnnualMedian => number(Annual25),
        Annual75 => number(AnnualMedian),
        Annual90 => number(Annual75),
        AnnualMean => number(AnnualMedian),
        Hourly10 => hourly_of(Annual10),
        Hourly25 => hourly_of(Annual25),
        HourlyMedian => hourly_of(AnnualMedian),
        Hourly75 => hourly_of(Annual75),
        Hourly90 => hourly_of(Annual90),
        HourlyMean => hourly_of(AnnualMean),
        _ => None,
    }
}

/// BLS's reasons as 0 to 3; a number as 4 plus itself, or plus the zigzag of its difference
/// from a prediction.
fn encode(value: Value, predicted: Option<u64>) -> u64 {
    match value {
        Value::AtLeast => 0,
        Value::NotReleased => 1,
        Value::NotPublishedForPay => 2,
        Value::NotPublished => 3,
        Value::Number(n) => {
            4 + match predicted {
                Some(p) => {
                    let d = n as i64 - p as i64;
                    ((d << 1) ^ (d >> 63)) as u64
                }
                None => n,
            }
        }
    }
}

fn decode_value(code: u64, predicted: Option<u64>) -> Option<Value> {
    Some(match code {
        0 => Value::AtLeast,
        1 => Value::NotReleased,
        2 => Value::NotPublishedForPay,
        3 => Value::NotPublished,
        n => {
            let n = n - 4;
            match predicted {
                Some(p) => {
                    let d = ((n >> 1) as i64) ^ -((n & 1) as i64);
                    Value::Number(u64::try_from(p as i64 + d).ok()?)
                }
                None => Value::Number(n),
            }
        }
    })
}

/// One estimate of an occupation, read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaEstimate {
    /// Positions in [`Tables::areas`] and [`Tables::industries`].
    pub area: usize,
    pub industry: usize,
    pub estimate: Estimate,
}

pub fn counts_of(import: &OewsImport) -> Counts {
    Counts {
        rows: import.rows,
        values: import.values,
        estimates: import.cells.len() as u64,
        areas: import.areas.len() as u64,
        occupations: import.occupations.len() as u64,
        industries: import.industries.len() as u64,
        rows_skipped: import.skipped.len() as u64,
    }
}

/// Writes `import` into `dir` (a fresh folder): the blocks, the tables, then the manifest, last,
/// since a folder without one is never a finished import.
pub fn write_files(dir: &Path, import: &OewsImport, manifest: &Manifest) -> anyhow::Result<()> {
    let wages_path = dir.join(WAGES);
    let failed = |e: std::io::Error, len: usize| {
        crate::fsutil::import_write_error(&wages_path, len as u64, &e)
    };
    let mut wages = BufWriter::new(File::create(&wages_path).map_err(|e| failed(e, 0))?);
    let mut blocks = vec![(0u64, 0u32); import.occupations.len()];
    let mut offset = 0u64;
    for group in import.cells.chunk_by(|a, b| a.occupation == b.occupation) {
        let raw = postcard::to_stdvec(&block_of(group))?;
        let packed = zstd::bulk::compress(&raw, LEVEL).context("cannot compress the estimates")?;
        wages
            .write_all(&packed)
            .map_err(|e| failed(e, packed.len()))?;
        let len = u32::try_from(packed.len()).context("an occupation's block is over 4 GiB")?;
        blocks[usize::from(group[0].occupation)] = (offset, len);
        offset += u64::from(len);
    }
    wages
        .into_inner()
        .map_err(|e| e.into_error())
        .and_then(|f| f.sync_all())
        .map_err(|e| failed(e, 0))?;
    let tables = Tables {
        areas: import.areas.clone(),
        occupations: import.occupations.clone(),
        industries: import.industries.clone(),
        footnotes: import.footnotes.clone(),
        blocks,
    };
    write_file(&dir.join(TABLES), &postcard::to_stdvec(&tables)?)?;
    let mut manifest_text = serde_json::to_vec_pretty(manifest)?;
    manifest_text.push(b'\n');
    write_file(&dir.join(MANIFEST), &manifest_text)?;
    Ok(())
}

fn block_of(cells: &[Cell]) -> Block {
    let mut block = Block {
        columns: vec![Vec::new(); Measure::ALL.len()],
        ..Block::default()
    };
    for cell in cells {
        block.areas.push(cell.area);
        block.industries.push(cell.industry);
        let mut present = 0u32;
        let mut values = [None; 17];
        for (slot, &v) in cell.values.iter().enumerate() {
            if v != ABSENT {
                present |= 1 << slot;
                values[slot] = Value::from_stored(v);
            }
        }
        for m in CODING_ORDER {
            if let Some(v) = values[m.slot()] {
                block.columns[m.slot()].push(encode(v, prediction(m, &values)));
            }
        }
        block.present.push(present);
    }
    block
}

fn write_file(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let write = || -> std::io::Result<()> {
        let mut f = File::create(path)?;
        f.write_all(bytes)?;
        f.sync_all()
    };
    write().map_err(|e| crate::fsutil::import_write_error(path, bytes.len() as u64, &e))
}

/// An opened release: its manifest, tables, and the blocks, read on demand.
#[derive(Debug)]
pub struct Stored {
    /// The folder it was imported into; `None` for the embedded release.
    pub dir: Option<PathBuf>,
    pub manifest: Manifest,
    pub tables: Tables,
    /// `wages.bin`, opened with the tables so that a later import cannot change it under a
    /// reader.
    blocks: Blob,
}

/// Opens the import in `data_dir`, or `None` when there is none.
pub fn open(data_dir: &Path) -> anyhow::Result<Option<Stored>> {
    let dir = crate::datadir::paths::oews_dir(data_dir);
    if !dir.exists() {
        return Ok(None);
    }
    let _readers = crate::datadir::imports::ReadLock::shared(data_dir);
    let manifest_bytes = read_stored(&dir, MANIFEST, 1 << 20)?;
    let tables = read_stored(&dir, TABLES, 64 << 20)?;
    let wages =
        Blob::open(&dir.join(WAGES), 1 << 30).map_err(|e| broken(&dir, &format!("{WAGES} {e}")))?;
    let stored =
        decode(&manifest_bytes, &tables, wages).map_err(|e| broken(&dir, &format!("{e:#}")))?;
    // A cut file is found here, once, rather than as a failure of whichever role is asked for.
    let needed = stored
        .tables
        .blocks
        .iter()
        .map(|&(offset, len)| offset + u64::from(len))
        .max()
        .unwrap_or(0);
    if stored.blocks.len() < needed {
        return Err(broken(
            &dir,
            &format!(
                "{WAGES} is cut short: it holds {} bytes of the {} its estimates take",
                crate::model::salary::thousands(stored.blocks.len()),
                crate::model::salary::thousands(needed)
            ),
        ));
    }
    Ok(Some(Stored {
        dir: Some(dir),
        ..stored
    }))
}

/// Opens the release compiled into the binary.
pub fn embedded(manifest: &[u8], tables: &[u8], wages: &'static [u8]) -> anyhow::Result<Stored> {
    decode(manifest, tables, Blob::Embedded(wages))
}

fn decode(manifest: &[u8], tables: &[u8], blocks: Blob) -> anyhow::Result<Stored> {
    let manifest: Manifest = serde_json::from_slice(manifest).context("manifest.json")?;
    if manifest.format != FORMAT {
        bail!(
            "it is in format {}, this version reads format {FORMAT}",
            manifest.format
        );
    }
    let tables: Tables = postcard::from_bytes(tables).context("tables.bin")?;
    if tables.blocks.len() != tables.occupations.len() {
        bail!(
            "tables.bin lists blocks for {} occupations of {}",
            tables.blocks.len(),
            tables.occupations.len()
        );
    }
    Ok(Stored {
        dir: None,
        manifest,
        tables,
        blocks,
    })
}

/// Reads one of the import's own files, if it is a regular file within `max` bytes.
fn read_stored(dir: &Path, name: &str, max: u64) -> anyhow::Result<Vec<u8>> {
    crate::fsutil::read_bounded(&dir.join(name), max)
        .map_err(|e| broken(dir, &format!("{name} {e}")))
}

fn broken(dir: &Path, why: &str) -> anyhow::Error {
    anyhow::anyhow!(
        "the imported OEWS data in {} cannot be read ({why}); import it again with `careers import oews FOLDER`, or remove it with `rm -r {}`",
        dir.display(),
        crate::render::sanitize::shell_quote(&dir.display().to_string())
    )
}

impl Stored {
    /// The release as people name it: "May 2025".
    pub fn release_name(&self) -> String {
        self.manifest
            .release
            .name
            .clone()
            .or_else(|| self.manifest.release.code.clone())
            .unwrap_or_else(|| "(release unknown)".to_owned())
    }

    /// Where an occupation code (`152051`) is in the tables.
    pub fn occupation(&self, code: &str) -> Option<usize> {
        self.tables
            .occupations
            .binary_search_by(|o| o.code.as_str().cmp(code))
            .ok()
            .or_else(|| self.tables.occupations.iter().position(|o| o.code == code))
    }

    /// Every estimate of the occupation at `position`, in industry then area order.
    pub fn estimates(&self, position: usize) -> anyhow::Result<Vec<AreaEstimate>> {
        self.estimates_where(position, |_, _| true)
    }

    /// The estimates of the occupation at `position` whose area and industry `keep` takes;
    /// the others are passed over without being built.
    pub fn estimates_where(
        &self,
        position: usize,
        keep: impl Fn(usize, usize) -> bool,
    ) -> anyhow::Result<Vec<AreaEstimate>> {
        self.read_estimates(position, keep)
            .map_err(|e| match &self.dir {
                Some(dir) => broken(dir, &format!("{e:#}")),
                None => e.context("the embedded OEWS data"),
            })
    }

    fn read_estimates(
        &self,
        position: usize,
        keep: impl Fn(usize, usize) -> bool,
    ) -> anyhow::Result<Vec<AreaEstimate>> {
        let (offset, len) = self.tables.blocks[position];
        if len == 0 {
            return Ok(Vec::new());
        }
        let packed = self
            .blocks
            .range(offset, u64::from(len))
            .context("wages.bin is cut short")?;
        let raw = zstd::bulk::decompress(&packed, 64 << 20).context("a block of wages.bin")?;
        let block: Block = postcard::from_bytes(&raw).context("a block of wages.bin")?;
        self.unpack(block, keep)
    }

    fn unpack(
        &self,
        block: Block,
        keep: impl Fn(usize, usize) -> bool,
    ) -> anyhow::Result<Vec<AreaEstimate>> {
        let n = block.areas.len();
        if block.industries.len() != n
            || block.present.len() != n
            || block.columns.len() != Measure::ALL.len()
        {
            bail!("a block of wages.bin is malformed");
        }
        let mut columns: Vec<std::vec::IntoIter<u64>> =
            block.columns.into_iter().map(Vec::into_iter).collect();
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let (area, industry) = (
                usize::from(block.areas[i]),
                usize::from(block.industries[i]),
            );
            if area >= self.tables.areas.len() || industry >= self.tables.industries.len() {
                bail!("an estimate names an area or industry the tables do not have");
            }
            if !keep(area, industry) {
                for m in Measure::ALL {
                    if block.present[i] & (1 << m.slot()) != 0 {
                        columns[m.slot()].next();
                    }
                }
                continue;
            }
            let mut values = [None; 17];
            for m in CODING_ORDER {
                if block.present[i] & (1 << m.slot()) != 0 {
                    let code = columns[m.slot()]
                        .next()
                        .context("an estimate has fewer values than it lists")?;
                    values[m.slot()] = Some(
                        decode_value(code, prediction(m, &values))
                            .context("an estimate holds a value out of range")?,
                    );
                }
            }
            out.push(AreaEstimate {
                area,
                industry,
                estimate: Estimate { values },
            });
        }
        Ok(out)
    }

    /// The position of the cross-industry estimates' industry (`000000`), when listed.
    pub fn cross_industry(&self) -> Option<usize> {
        self.tables
            .industries
            .iter()
            .position(|i| i.code == Industry::CROSS_INDUSTRY)
    }

    /// BLS's words for a footnote code.
    pub fn footnote(&self, code: &str) -> Option<&str> {
        self.tables
            .footnotes
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, t)| t.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_survive_their_coding_whatever_was_predicted() {
        for predicted in [None, Some(0), Some(100), Some(239_200)] {
            for v in [
                Value::Number(0),
                Value::Number(99),
                Value::Number(100),
                Value::Number(250_000),
                Value::AtLeast,
                Value::NotReleased,
                Value::NotPublishedForPay,
                Value::NotPublished,
            ] {
                assert_eq!(
                    decode_value(encode(v, predicted), predicted),
                    Some(v),
                    "{v:?} {predicted:?}"
                );
            }
        }
        // A difference below zero that would make a negative wage is refused, not wrapped.
        assert_eq!(decode_value(4 + 201, Some(100)), None);
    }
}
