//! BLS OEWS as stored in `DATA_DIR/oews/` and in the binary, in the
//! [dataset container](crate::datadir::release), laid out so that a question reads only the
//! occupations it is about:
//!
//! - the container's `manifest.json`: release, source folder, date of import, [`OewsCounts`], and
//!   each file's length and CRC-32;
//! - `tables.bin` (postcard, checked whole when opened): BLS's release code and data files, the
//!   areas, occupations, industries and footnotes, and where each occupation's block of
//!   estimates is in `wages.bin`, with the block's CRC-32;
//! - `wages.bin`: per occupation, every estimate of it (each area and industry) as one
//!   zstd-compressed postcard block, checked against its CRC-32 when it is decoded (an
//!   import's; the embedded release is part of the binary);
//! - `areas.bin`: per area, every occupation's cross-industry median annual wage (or BLS's
//!   reason for none) as one zstd-compressed block, checked the same way, so that a ranking
//!   within a place reads one small block rather than every occupation's.
//!
//! The same bytes are what the binary embeds, so an embedded release and an imported one are
//! read by the same code.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};

use super::read::{ABSENT, Cell, OewsImport};
use crate::datadir::blob::{Blob, Bytes};
use crate::datadir::release::{self, Dataset, Opened};
use crate::model::wages::{
    Area, AreaKind, Estimate, Industry, Measure, TableText, Value, WageOccupation,
};

/// The dataset's folder, name, format and import command.
pub const DATASET: Dataset = Dataset {
    folder: "oews",
    title: "BLS OEWS",
    format: 4,
    import: "careers import oews FOLDER",
    max_file: 1 << 30,
};

pub const TABLES: &str = "tables.bin";
pub const WAGES: &str = "wages.bin";
pub const AREAS: &str = "areas.bin";

/// zstd's level for the blocks: the highest before compression time stops paying off.
const LEVEL: i32 = 3;

/// The container's manifest of an OEWS release.
pub type Manifest = release::Manifest<OewsCounts>;

/// How much a release holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OewsCounts {
    /// Data rows read, skipped ones included.
    pub rows: u64,
    pub values: u64,
    pub estimates: u64,
    pub areas: u64,
    pub occupations: u64,
    pub industries: u64,
    pub rows_skipped: u64,
}

impl release::Counts for OewsCounts {
    fn measures(&self) -> Vec<(&'static str, u64)> {
        vec![
            ("rows read", self.rows),
            ("occupations", self.occupations),
            ("areas", self.areas),
            ("estimates", self.estimates),
        ]
    }
}

/// Where an occupation's block is in `wages.bin`, and its CRC-32.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockRef {
    pub offset: u64,
    /// 0: no estimates.
    pub len: u32,
    pub crc32: u32,
}

/// The mapping tables and the block directory, as an opened release holds them. Their names
/// are read in place from the bytes (see [`TableText`](crate::model::wages::TableText)), which
/// live as long as the process.
#[derive(Debug, Clone)]
pub struct Tables {
    /// BLS's code of the release (`2025A01`), from `oe.release`.
    pub release_code: Option<String>,
    /// The data files read, by name.
    pub data_files: Vec<String>,
    pub areas: Vec<Area>,
    pub occupations: Vec<WageOccupation>,
    pub industries: Vec<Industry>,
    pub footnotes: Vec<(String, String)>,
    /// Per occupation, its block in `wages.bin`.
    pub blocks: Vec<BlockRef>,
    /// Per area, its block of medians in `areas.bin`.
    pub area_blocks: Vec<BlockRef>,
    /// The occupations (positions) some of whose rows an import under `--force` left out, each
    /// with the reason in words, in position order.
    pub incomplete: Vec<(u16, String)>,
}

/// [`Tables`] as `tables.bin` stores them: every code and name of the areas, occupations and
/// industries in one string, checked as UTF-8 once when it is read (thousands of short strings
/// checked one by one cost most of opening the tables), each the next of `lengths` bytes of
/// it: per area its code, state code and name, then per occupation its code and name, then per
/// industry its code and name. The lengths (two bytes each) and the block directories
/// ([`BLOCK_REF`] bytes a block) have a fixed width, so that opening reads them in one pass
/// with no decoding of their own.
#[derive(Debug, Serialize, Deserialize)]
struct TablesFile<'a> {
    release_code: Option<String>,
    data_files: Vec<String>,
    text: &'a str,
    /// Each name's length in bytes, little-endian `u16`s.
    #[serde(borrow)]
    lengths: Bytes<'a>,
    area_kinds: Vec<AreaKind>,
    occupation_levels: Vec<u8>,
    industry_levels: Vec<u8>,
    footnotes: Vec<(String, String)>,
    /// Per occupation, its [`BlockRef`] in [`BLOCK_REF`] bytes.
    #[serde(borrow)]
    blocks: Bytes<'a>,
    /// Per area, its [`BlockRef`] in [`BLOCK_REF`] bytes.
    #[serde(borrow)]
    area_blocks: Bytes<'a>,
    incomplete: Vec<(u16, String)>,
}

/// The bytes of a [`BlockRef`] in `tables.bin`: its offset, length and CRC-32, little-endian
/// `u32`s (a stored file is at most [`DATASET`]'s `max_file`, 1 GiB).
const BLOCK_REF: usize = 12;

impl BlockRef {
    fn to_bytes(self) -> anyhow::Result<[u8; BLOCK_REF]> {
        let offset = u32::try_from(self.offset).context("a block starts beyond 4 GiB")?;
        let mut bytes = [0u8; BLOCK_REF];
        bytes[..4].copy_from_slice(&offset.to_le_bytes());
        bytes[4..8].copy_from_slice(&self.len.to_le_bytes());
        bytes[8..].copy_from_slice(&self.crc32.to_le_bytes());
        Ok(bytes)
    }

    /// Every block `bytes` hold; why not, when they do not divide into blocks.
    fn all_from(bytes: &[u8]) -> Result<Vec<BlockRef>, String> {
        if !bytes.len().is_multiple_of(BLOCK_REF) {
            return Err(format!(
                "{TABLES}'s block directory holds {} bytes",
                bytes.len()
            ));
        }
        let word = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        Ok(bytes
            .chunks_exact(BLOCK_REF)
            .map(|b| BlockRef {
                offset: u64::from(word(&b[..4])),
                len: word(&b[4..8]),
                crc32: word(&b[8..]),
            })
            .collect())
    }
}

impl TablesFile<'_> {
    /// The bytes of `tables.bin` for `tables`.
    fn encode(tables: &Tables) -> anyhow::Result<Vec<u8>> {
        let mut text = String::new();
        let mut lengths = Vec::new();
        let mut push = |s: &str| -> anyhow::Result<()> {
            text.push_str(s);
            let len = u16::try_from(s.len())
                .with_context(|| format!("a name of {} bytes is over 64 KiB", s.len()))?;
            lengths.extend_from_slice(&len.to_le_bytes());
            Ok(())
        };
        for a in &tables.areas {
            push(&a.code)?;
            push(&a.state_code)?;
            push(&a.name)?;
        }
        for o in &tables.occupations {
            push(&o.code)?;
            push(&o.name)?;
        }
        for i in &tables.industries {
            push(&i.code)?;
            push(&i.name)?;
        }
        let directory = |refs: &[BlockRef]| -> anyhow::Result<Vec<u8>> {
            let mut bytes = Vec::with_capacity(refs.len() * BLOCK_REF);
            for b in refs {
                bytes.extend_from_slice(&b.to_bytes()?);
            }
            Ok(bytes)
        };
        let (blocks, area_blocks) = (directory(&tables.blocks)?, directory(&tables.area_blocks)?);
        let file = TablesFile {
            release_code: tables.release_code.clone(),
            data_files: tables.data_files.clone(),
            text: &text,
            lengths: Bytes(&lengths),
            area_kinds: tables.areas.iter().map(|a| a.kind).collect(),
            occupation_levels: tables.occupations.iter().map(|o| o.level).collect(),
            industry_levels: tables.industries.iter().map(|i| i.level).collect(),
            footnotes: tables.footnotes.clone(),
            blocks: Bytes(&blocks),
            area_blocks: Bytes(&area_blocks),
            incomplete: tables.incomplete.clone(),
        };
        Ok(postcard::to_stdvec(&file)?)
    }
}

impl TablesFile<'static> {
    /// The tables, every name a slice of the one string; why not, when the lengths do not
    /// cut the string into as many names as the tables have.
    fn into_tables(self) -> Result<Tables, String> {
        let (areas, occupations, industries) = (
            self.area_kinds.len(),
            self.occupation_levels.len(),
            self.industry_levels.len(),
        );
        let names = 3 * areas + 2 * occupations + 2 * industries;
        if self.lengths.0.len() != 2 * names {
            return Err(format!(
                "{TABLES} lists {} names for {names}",
                self.lengths.0.len() / 2
            ));
        }
        let text: &'static str = self.text;
        let mut at = 0usize;
        let mut lengths = self
            .lengths
            .0
            .chunks_exact(2)
            .map(|l| usize::from(u16::from_le_bytes([l[0], l[1]])));
        let mut next = || -> Result<TableText, String> {
            let len = lengths.next().unwrap_or(0);
            let name = text
                .get(at..at + len)
                .ok_or_else(|| format!("{TABLES}'s names do not match its text"))?;
            at += len;
            Ok(TableText::Borrowed(name))
        };
        let mut area_list = Vec::with_capacity(areas);
        for &kind in &self.area_kinds {
            area_list.push(Area {
                code: next()?,
                kind,
                state_code: next()?,
                name: next()?,
            });
        }
        let mut occupation_list = Vec::with_capacity(occupations);
        for &level in &self.occupation_levels {
            occupation_list.push(WageOccupation {
                code: next()?,
                name: next()?,
                level,
            });
        }
        let mut industry_list = Vec::with_capacity(industries);
        for &level in &self.industry_levels {
            industry_list.push(Industry {
                code: next()?,
                name: next()?,
                level,
            });
        }
        if at != text.len() {
            return Err(format!("{TABLES}'s names do not match its text"));
        }
        Ok(Tables {
            release_code: self.release_code,
            data_files: self.data_files,
            areas: area_list,
            occupations: occupation_list,
            industries: industry_list,
            footnotes: self.footnotes,
            blocks: BlockRef::all_from(self.blocks.0)?,
            area_blocks: BlockRef::all_from(self.area_blocks.0)?,
            incomplete: self.incomplete,
        })
    }
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

/// The most a decompressed block may take.
const MAX_BLOCK: usize = 64 << 20;

/// postcard's bytes read in place: unsigned varints (LEB128), sequences as their length and
/// then their elements.
struct Varints<'a>(&'a [u8]);

impl Varints<'_> {
    /// The next number; `None` at the end or past 64 bits.
    fn next(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for (i, &b) in self.0.iter().enumerate().take(10) {
            let bits = u64::from(b & 0x7f);
            if i == 9 && bits > 1 {
                return None;
            }
            value |= bits << (7 * i);
            if b & 0x80 == 0 {
                self.0 = &self.0[i + 1..];
                return Some(value);
            }
        }
        None
    }

    /// A sequence's length, when no larger than the bytes left could hold.
    fn length(&mut self) -> Option<usize> {
        usize::try_from(self.next()?)
            .ok()
            .filter(|&n| n <= self.0.len())
    }

    /// A sequence of numbers.
    fn seq(&mut self) -> Option<Vec<u64>> {
        let n = self.length()?;
        (0..n).map(|_| self.next()).collect()
    }

    /// Passes over `n` numbers.
    fn skip(&mut self, n: usize) -> Option<()> {
        let mut left = n;
        if left == 0 {
            return Some(());
        }
        for (i, &b) in self.0.iter().enumerate() {
            if b & 0x80 == 0 {
                left -= 1;
                if left == 0 {
                    self.0 = &self.0[i + 1..];
                    return Some(());
                }
            }
        }
        None
    }
}

/// The order values are coded in: each measure after the one it is predicted from.
const CODING_ORDER: [Measure; 17] = Measure::ORDERED;

/// What a value is predicted from: a wage percentile from the one below it, the mean from the
/// median, an hourly wage from its annual one (BLS's annual wage is the hourly one times 2,080
/// hours). A value is stored as its difference from the prediction, a small number that
/// compresses far better than the wage itself.
fn prediction(measure: Measure, values: &[Option<Value>; 17]) -> Option<u64> {
    use Measure::{
        Annual10, Annual25, Annual75, Annual90, AnnualMean, AnnualMedian, Hourly10, Hourly25,
        Hourly75, Hourly90, HourlyMean, HourlyMedian,
    };
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
fn encode_value(value: Value, predicted: Option<u64>) -> u64 {
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

pub fn counts_of(import: &OewsImport) -> OewsCounts {
    OewsCounts {
        rows: import.rows,
        values: import.values,
        estimates: import.cells.len() as u64,
        areas: import.areas.len() as u64,
        occupations: import.occupations.len() as u64,
        industries: import.industries.len() as u64,
        rows_skipped: import.skipped.len() as u64,
    }
}

/// The bytes of `tables.bin` and `wages.bin` for `import`.
pub fn encode(import: &OewsImport) -> anyhow::Result<Vec<(&'static str, Vec<u8>)>> {
    let mut wages = Vec::new();
    let mut blocks = vec![BlockRef::default(); import.occupations.len()];
    for group in import.cells.chunk_by(|a, b| a.occupation == b.occupation) {
        let raw = postcard::to_stdvec(&block_of(group))?;
        let packed = zstd::bulk::compress(&raw, LEVEL).context("cannot compress the estimates")?;
        let len = u32::try_from(packed.len()).context("an occupation's block is over 4 GiB")?;
        blocks[usize::from(group[0].occupation)] = BlockRef {
            offset: wages.len() as u64,
            len,
            crc32: release::block_crc(&packed),
        };
        wages.extend_from_slice(&packed);
    }
    let (areas, area_blocks) = area_medians_of(import)?;
    let tables = Tables {
        release_code: import.release.code.clone(),
        data_files: import.data_files.clone(),
        areas: import.areas.clone(),
        occupations: import.occupations.clone(),
        industries: import.industries.clone(),
        footnotes: import.footnotes.clone(),
        blocks,
        area_blocks,
        incomplete: import.incomplete(),
    };
    Ok(vec![
        (TABLES, TablesFile::encode(&tables)?),
        (WAGES, wages),
        (AREAS, areas),
    ])
}

/// One area's cross-industry medians as `areas.bin` stores them: the occupations (positions,
/// each as its difference from the one before) and each one's median annual wage, coded by
/// [`encode_value`] in units of `scale` dollars (10 when every median is a multiple of ten, as
/// BLS rounds them), predicted from the nation's median of the occupation times the area's
/// `factor` (per thousand): a small difference, where the wage itself would not compress.
#[derive(Debug, Default, Serialize, Deserialize)]
struct AreaBlock {
    occupations: Vec<u16>,
    medians: Vec<u64>,
    scale: u64,
    factor: u64,
}

/// A median from the nation's, by an area's factor, in units of `scale`.
fn predicted_median(national: Option<u64>, factor: u64, scale: u64) -> Option<u64> {
    national.map(|n| (n * factor / 1000) / scale.max(1))
}

/// The position of the nation among the areas, when the release has it.
fn national_area(areas: &[Area]) -> Option<usize> {
    areas.iter().position(|a| a.kind == AreaKind::National)
}

/// The bytes of `areas.bin` and each area's block in it.
fn area_medians_of(import: &OewsImport) -> anyhow::Result<(Vec<u8>, Vec<BlockRef>)> {
    let cross = import
        .industries
        .iter()
        .position(|i| i.code == Industry::CROSS_INDUSTRY);
    let slot = Measure::AnnualMedian.slot();
    // Per area, its occupations and their medians, in occupation order (the cells' order).
    let mut per_area: Vec<Vec<(u16, Value)>> = vec![Vec::new(); import.areas.len()];
    for cell in &import.cells {
        if Some(usize::from(cell.industry)) != cross {
            continue;
        }
        let median = match cell.values[slot] {
            ABSENT => Value::NotPublished,
            v => Value::from_stored(v).unwrap_or(Value::NotPublished),
        };
        per_area[usize::from(cell.area)].push((cell.occupation, median));
    }
    let nation = national_area(&import.areas);
    let mut national = vec![None; import.occupations.len()];
    if let Some(n) = nation {
        for &(o, v) in &per_area[n] {
            if let Value::Number(v) = v {
                national[usize::from(o)] = Some(v);
            }
        }
    }
    let mut bytes = Vec::new();
    let mut refs = Vec::with_capacity(per_area.len());
    for (area, medians) in per_area.iter().enumerate() {
        if medians.is_empty() {
            refs.push(BlockRef::default());
            continue;
        }
        let numbers = || {
            medians.iter().filter_map(|&(_, v)| match v {
                Value::Number(n) => Some(n),
                _ => None,
            })
        };
        let scale = if numbers().all(|n| n % 10 == 0) {
            10
        } else {
            1
        };
        let factor = if Some(area) == nation {
            0
        } else {
            let mut ratios: Vec<u64> = medians
                .iter()
                .filter_map(|&(o, v)| match (v, national[usize::from(o)]) {
                    (Value::Number(a), Some(n)) if n > 0 => Some(a * 1000 / n),
                    _ => None,
                })
                .collect();
            ratios.sort_unstable();
            ratios.get(ratios.len() / 2).copied().unwrap_or(1000)
        };
        let mut block = AreaBlock {
            scale,
            factor,
            ..AreaBlock::default()
        };
        let mut last = 0u16;
        for &(o, v) in medians {
            block.occupations.push(o - last);
            last = o;
            let predicted = if factor == 0 {
                None
            } else {
                predicted_median(national[usize::from(o)], factor, scale)
            };
            let v = match v {
                Value::Number(n) => Value::Number(n / scale),
                other => other,
            };
            block.medians.push(encode_value(v, predicted));
        }
        let raw = postcard::to_stdvec(&block)?;
        let packed = zstd::bulk::compress(&raw, LEVEL).context("cannot compress the medians")?;
        refs.push(BlockRef {
            offset: bytes.len() as u64,
            len: u32::try_from(packed.len())?,
            crc32: release::block_crc(&packed),
        });
        bytes.extend_from_slice(&packed);
    }
    Ok((bytes, refs))
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
                block.columns[m.slot()].push(encode_value(v, prediction(m, &values)));
            }
        }
        block.present.push(present);
    }
    block
}

/// A block of an import's `wages.bin` or `areas.bin` that cannot be read, found when it was decoded: a damaged
/// import, as the container's message words it (the folder and the fix). The store answers
/// from the embedded release in its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damaged(pub String);

impl std::fmt::Display for Damaged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Damaged {}

/// An opened release: its manifest, tables, and the blocks, read on demand.
#[derive(Debug)]
pub struct StoredWages {
    /// The folder it was imported into; `None` for the embedded release.
    pub dir: Option<PathBuf>,
    pub manifest: Manifest,
    pub tables: Tables,
    /// `wages.bin`, opened with the tables so that a later import cannot change it under a
    /// reader.
    blocks: Blob,
    /// `areas.bin`, likewise.
    area_medians: Blob,
    /// Whether the occupations are in code order, as BLS lists them, so that a code is found
    /// by binary search; otherwise it is looked for one by one.
    occupations_sorted: bool,
}

impl StoredWages {
    /// Opens the import in `data_dir`, or `None` when there is none: `tables.bin` is checked
    /// whole, `wages.bin` by its length here and each block when it is decoded.
    pub fn open(data_dir: &Path) -> anyhow::Result<Option<StoredWages>> {
        let Some((opened, mut blobs)) =
            release::open_with_blocks::<OewsCounts>(data_dir, &DATASET, &[WAGES, AREAS])?
        else {
            return Ok(None);
        };
        let areas = blobs.remove(1);
        let wages = blobs.remove(0);
        StoredWages::decode(opened, wages, areas).map(Some)
    }

    /// Opens the release compiled into the binary: it is part of the binary, and its files are
    /// checked by their lengths alone.
    pub fn embedded(
        manifest: &[u8],
        tables: &'static [u8],
        wages: &'static [u8],
        areas: &'static [u8],
    ) -> anyhow::Result<StoredWages> {
        let opened = release::embedded_with_blocks::<OewsCounts>(
            &DATASET,
            manifest,
            &[(TABLES, tables), (WAGES, wages), (AREAS, areas)],
            &[TABLES, WAGES, AREAS],
        )?;
        StoredWages::decode(opened, Blob::Embedded(wages), Blob::Embedded(areas))
    }

    fn decode(
        mut opened: Opened<OewsCounts>,
        wages: Blob,
        areas: Blob,
    ) -> anyhow::Result<StoredWages> {
        let bytes = opened.file_kept(TABLES);
        let broken = |why: &str| match &opened.dir {
            Some(dir) => release::damaged(&DATASET, dir, why),
            None => anyhow::anyhow!("the embedded {} cannot be read ({why})", DATASET.title),
        };
        let bytes = bytes.ok_or_else(|| broken(&format!("its manifest lists no {TABLES}")))?;
        let tables = postcard::from_bytes::<TablesFile<'static>>(bytes)
            .map_err(|e| broken(&format!("{TABLES}: {e}")))?
            .into_tables()
            .map_err(|e| broken(&e))?;
        if tables.blocks.len() != tables.occupations.len() {
            return Err(broken(&format!(
                "{TABLES} lists blocks for {} occupations of {}",
                tables.blocks.len(),
                tables.occupations.len()
            )));
        }
        let beyond = |blocks: &[BlockRef], blob: &Blob| {
            blocks
                .iter()
                .any(|b| b.offset.saturating_add(u64::from(b.len)) > blob.len())
        };
        if beyond(&tables.blocks, &wages) {
            return Err(broken(&format!("{TABLES}'s blocks do not match {WAGES}")));
        }
        if tables.area_blocks.len() != tables.areas.len() || beyond(&tables.area_blocks, &areas) {
            return Err(broken(&format!("{TABLES}'s blocks do not match {AREAS}")));
        }
        let occupations_sorted = tables.occupations.windows(2).all(|w| w[0].code < w[1].code);
        Ok(StoredWages {
            dir: opened.dir,
            manifest: opened.manifest,
            tables,
            blocks: wages,
            area_medians: areas,
            occupations_sorted,
        })
    }

    /// The release as people name it: "May 2025".
    pub fn release_name(&self) -> String {
        self.manifest.release.name.clone()
    }

    /// The release as BLS's files name it: its code (`2025A01`) and name.
    pub fn release(&self) -> super::read::Release {
        super::read::Release {
            code: self.tables.release_code.clone(),
            name: Some(self.manifest.release.name.clone()),
        }
    }

    /// Where an occupation code (`152051`) is in the tables.
    pub fn occupation(&self, code: &str) -> Option<usize> {
        let occupations = &self.tables.occupations;
        if self.occupations_sorted {
            occupations
                .binary_search_by(|o| o.code.as_ref().cmp(code))
                .ok()
        } else {
            occupations.iter().position(|o| o.code == code)
        }
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
            .map_err(|e| self.damaged_block(e))
    }

    fn read_estimates(
        &self,
        position: usize,
        keep: impl Fn(usize, usize) -> bool,
    ) -> anyhow::Result<Vec<AreaEstimate>> {
        match self.read_raw(&self.blocks, WAGES, self.tables.blocks[position])? {
            Some(raw) => self.unpack(&raw, keep),
            None => Ok(Vec::new()),
        }
    }

    /// A block that cannot be read: a damaged import ([`Damaged`]), or the embedded release's.
    fn damaged_block(&self, e: anyhow::Error) -> anyhow::Error {
        match &self.dir {
            Some(dir) => anyhow::Error::new(Damaged(
                release::damaged(&DATASET, dir, &format!("{e:#}")).to_string(),
            )),
            None => e.context("the embedded OEWS data"),
        }
    }

    /// The block `at` of the stored file `name` (`file`), checked against its CRC-32 when it
    /// is an import's, decompressed and decoded; `None` for an empty one.
    fn read_block<T: serde::de::DeserializeOwned>(
        &self,
        file: &Blob,
        name: &str,
        at: BlockRef,
    ) -> anyhow::Result<Option<T>> {
        let Some(raw) = self.read_raw(file, name, at)? else {
            return Ok(None);
        };
        postcard::from_bytes(&raw)
            .map(Some)
            .with_context(|| format!("a block of {name}"))
    }

    /// The block `at` of the stored file `name` (`file`), checked against its CRC-32 when it
    /// is an import's, and decompressed; `None` for an empty one.
    fn read_raw(&self, file: &Blob, name: &str, at: BlockRef) -> anyhow::Result<Option<Vec<u8>>> {
        if at.len == 0 {
            return Ok(None);
        }
        let packed = file
            .range(at.offset, u64::from(at.len))
            .with_context(|| format!("{name} is cut short"))?;
        if self.dir.is_some() {
            release::check_block(name, &packed, at.crc32).map_err(anyhow::Error::msg)?;
        }
        zstd::bulk::decompress(&packed, MAX_BLOCK)
            .map(Some)
            .with_context(|| format!("a block of {name}"))
    }

    /// The estimates of a decompressed block of `wages.bin` that `keep` takes. The block is
    /// read as postcard lays a [`Block`] out (a sequence is its length and its elements, each
    /// number a varint), in place: the values of the estimates left out are passed over
    /// without being decoded.
    fn unpack(
        &self,
        raw: &[u8],
        keep: impl Fn(usize, usize) -> bool,
    ) -> anyhow::Result<Vec<AreaEstimate>> {
        let malformed = || anyhow::anyhow!("a block of wages.bin is malformed");
        let mut bytes = Varints(raw);
        let areas = bytes.seq().ok_or_else(malformed)?;
        let industries = bytes.seq().ok_or_else(malformed)?;
        let present = bytes.seq().ok_or_else(malformed)?;
        let n = areas.len();
        if industries.len() != n
            || present.len() != n
            || bytes.next() != Some(Measure::ALL.len() as u64)
        {
            return Err(malformed());
        }
        // Each column's values, found by passing over the ones before it.
        let mut columns = [const { Varints(&[]) }; 17];
        for column in &mut columns {
            let len = bytes.length().ok_or_else(malformed)?;
            let start = bytes.0;
            bytes.skip(len).ok_or_else(malformed)?;
            *column = Varints(&start[..start.len() - bytes.0.len()]);
        }
        let fewer = "an estimate has fewer values than it lists";
        let mut out = Vec::new();
        for ((&area, &industry), &present) in areas.iter().zip(&industries).zip(&present) {
            let (area, industry) = (
                usize::try_from(area).unwrap_or(usize::MAX),
                usize::try_from(industry).unwrap_or(usize::MAX),
            );
            if area >= self.tables.areas.len() || industry >= self.tables.industries.len() {
                bail!("an estimate names an area or industry the tables do not have");
            }
            if !keep(area, industry) {
                for m in Measure::ALL {
                    if present & (1 << m.slot()) != 0 {
                        columns[m.slot()].skip(1).context(fewer)?;
                    }
                }
                continue;
            }
            let mut values = [None; 17];
            for m in CODING_ORDER {
                if present & (1 << m.slot()) != 0 {
                    let code = columns[m.slot()].next().context(fewer)?;
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

    /// Every occupation's cross-industry median annual wage at the area at `position`, from
    /// `areas.bin`: (occupation position, the median or BLS's reason for none), in occupation
    /// order. Occupations BLS does not estimate there are not listed.
    pub fn area_medians(&self, area: usize) -> anyhow::Result<Vec<(usize, Value)>> {
        self.read_area_medians(area)
            .map_err(|e| self.damaged_block(e))
    }

    fn read_area_medians(&self, area: usize) -> anyhow::Result<Vec<(usize, Value)>> {
        let block = self.area_block(area)?;
        if block.factor == 0 {
            return self.unpack_medians(&block, |_| None);
        }
        // Predicted from the nation's medians.
        let mut national = vec![None; self.tables.occupations.len()];
        if let Some(nation) = national_area(&self.tables.areas) {
            let nation = self.area_block(nation)?;
            for (o, v) in self.unpack_medians(&nation, |_| None)? {
                if let Value::Number(n) = v {
                    national[o] = Some(n);
                }
            }
        }
        self.unpack_medians(&block, |o| {
            predicted_median(national[o], block.factor, block.scale)
        })
    }

    fn area_block(&self, area: usize) -> anyhow::Result<AreaBlock> {
        let Some(block) =
            self.read_block::<AreaBlock>(&self.area_medians, AREAS, self.tables.area_blocks[area])?
        else {
            return Ok(AreaBlock::default());
        };
        if block.occupations.len() != block.medians.len() {
            bail!("a block of areas.bin is malformed");
        }
        Ok(block)
    }

    fn unpack_medians(
        &self,
        block: &AreaBlock,
        predict: impl Fn(usize) -> Option<u64>,
    ) -> anyhow::Result<Vec<(usize, Value)>> {
        let mut position = 0usize;
        let mut out = Vec::with_capacity(block.medians.len());
        for (&delta, &code) in block.occupations.iter().zip(&block.medians) {
            position += usize::from(delta);
            if position >= self.tables.occupations.len() {
                bail!("a block of areas.bin names an occupation the tables do not have");
            }
            let median = match decode_value(code, predict(position))
                .context("a block of areas.bin holds a value out of range")?
            {
                Value::Number(n) => Value::Number(
                    n.checked_mul(block.scale.max(1))
                        .context("a block of areas.bin holds a value out of range")?,
                ),
                other => other,
            };
            out.push((position, median));
        }
        Ok(out)
    }

    /// Why the occupation at `position` is incomplete, when an import under `--force` left
    /// out rows of its estimates.
    pub fn incomplete(&self, position: usize) -> Option<&str> {
        self.tables
            .incomplete
            .binary_search_by_key(&position, |(at, _)| usize::from(*at))
            .ok()
            .map(|i| self.tables.incomplete[i].1.as_str())
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
    fn a_block_is_read_in_place_as_postcard_wrote_it() {
        let block = Block {
            areas: vec![0, 1, 300, u16::MAX],
            industries: vec![5, 0, 70, 2],
            present: vec![1, 1 << 16, 0, u32::MAX >> 15],
            columns: (0..17u64)
                .map(|i| vec![i, 1 << (3 * i), u64::MAX - i][..(i as usize % 4).min(3)].to_vec())
                .collect(),
        };
        let raw = postcard::to_stdvec(&block).unwrap();
        let mut bytes = Varints(&raw);
        let wide = |v: &[u16]| v.iter().map(|&x| u64::from(x)).collect::<Vec<_>>();
        assert_eq!(bytes.seq(), Some(wide(&block.areas)));
        assert_eq!(bytes.seq(), Some(wide(&block.industries)));
        assert_eq!(
            bytes.seq(),
            Some(block.present.iter().map(|&x| u64::from(x)).collect())
        );
        assert_eq!(bytes.next(), Some(17));
        for column in &block.columns {
            let mut at = Varints(bytes.0);
            assert_eq!(at.seq().as_ref(), Some(column));
            assert_eq!(bytes.length(), Some(column.len()));
            assert_eq!(bytes.skip(column.len()), Some(()));
            assert_eq!(bytes.0, at.0);
        }
        assert!(bytes.0.is_empty());
        assert_eq!(bytes.next(), None);
        // Cut short, or a number past 64 bits, is refused.
        assert_eq!(Varints(&[0x80]).next(), None);
        assert_eq!(Varints(&[0xff; 10]).next(), None);
        assert_eq!(Varints(&[3, 1]).seq(), None);
        assert_eq!(Varints(&[1, 2]).skip(3), None);
    }

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
                    decode_value(encode_value(v, predicted), predicted),
                    Some(v),
                    "{v:?} {predicted:?}"
                );
            }
        }
        // A difference below zero that would make a negative wage is refused, not wrapped.
        assert_eq!(decode_value(4 + 201, Some(100)), None);
    }
}
