//! BEA's Regional Price Parities as stored in `DATA_DIR/prices/` and in the binary: the
//! [dataset container](crate::datadir::release)'s manifest, and `prices.bin`, every area of
//! the three tables with every year of its five lines.
//!
//! The values are BEA's, exactly, in thousandths of an index point. They are stored as each
//! value's difference from the year before it (the first from 100), zigzag-coded: a price
//! level moves by a few points a year, so nearly every difference takes a byte.
//!
//! The file starts with its [`Index`] in postcard, uncompressed: the years, every area's table,
//! lines and GeoFIPS in (table, GeoFIPS) order, [`KEY`] bytes each, and the length of each
//! chunk. Then the chunks, each [`CHUNK`] areas' names and values in postcard, compressed with
//! zstd: a command that asks about one area finds it in the index, read in place without
//! decoding it, and decompresses one chunk.

use serde::{Deserialize, Serialize};

use crate::datadir::blob::Bytes;
use crate::datadir::release::{self, Dataset, Opened};
use crate::model::prices::{
    LatestParities, Parity, PriceKey, PriceLine, PriceParities, PriceTable, PricedArea,
};

/// The dataset's folder, name, format and import command.
pub const DATASET: Dataset = Dataset {
    folder: "prices",
    title: "BEA Regional Price Parities",
    format: 3,
    import: "careers import prices DIR",
    max_file: 16 << 20,
};

/// The one stored file.
pub const PARITIES: &str = "prices.bin";

/// The largest `prices.bin` decompresses to.
const MAX_DECODED: usize = 64 << 20;

/// How BEA asks to be cited.
pub const CITATION: &str =
    "U.S. Bureau of Economic Analysis, \"Regional Price Parities by State and Metro Area\"";

/// How much a release holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceCounts {
    /// Data rows read from the three files.
    pub rows: u64,
    /// Rows that could not be read and were left out (only under `--force`).
    pub rows_skipped: u64,
    /// Metropolitan areas priced (MARPP's CBSA codes).
    pub metros: u64,
    /// States' metropolitan and nonmetropolitan portions (PARPP).
    pub portions: u64,
    /// States and the District of Columbia (SARPP).
    pub states: u64,
    /// Values kept: a year of a line of an area.
    pub values: u64,
    pub first_year: u16,
    pub last_year: u16,
}

impl release::Counts for PriceCounts {
    fn measures(&self) -> Vec<(&'static str, u64)> {
        vec![
            ("metropolitan areas", self.metros),
            ("state portions", self.portions),
            ("states", self.states),
            ("values", self.values),
        ]
    }
}

/// The counts of a release's areas.
pub fn counts_of(parities: &PriceParities, rows: u64, rows_skipped: u64) -> PriceCounts {
    // The nation, and its nonmetropolitan portion in MARPP, are in every table: not counted;
    // nor is a row without a value (a portion a state does not have).
    let count = |table: PriceTable| {
        parities
            .areas
            .iter()
            .filter(|a| a.table == table && !a.fips.starts_with("00"))
            .filter(|a| a.lines.iter().any(|l| !l.is_empty()))
            .count() as u64
    };
    PriceCounts {
        rows,
        rows_skipped,
        metros: count(PriceTable::Metro),
        portions: count(PriceTable::Portion),
        states: count(PriceTable::State),
        values: parities
            .areas
            .iter()
            .flat_map(|a| a.lines.iter())
            .flatten()
            .filter(|v| v.is_some())
            .count() as u64,
        first_year: parities.first_year,
        last_year: parities.last_year,
    }
}

/// What `prices.bin` starts with, uncompressed: the years, every area's key in
/// (table, GeoFIPS) order, and the length of each chunk after it. The keys are read in place,
/// so that finding an area decodes no name and decompresses nothing.
#[derive(Debug, Serialize, Deserialize)]
struct Index<'a> {
    first_year: u16,
    last_year: u16,
    /// Per area, [`KEY`] bytes: its table (its place in [`PriceTable::ALL`]), which of the five
    /// lines it has (line 1 in the lowest bit), and its GeoFIPS's five digits.
    #[serde(borrow)]
    keys: Bytes<'a>,
    /// Per chunk of [`CHUNK`] areas (the last may hold fewer), its length in bytes.
    chunks: Vec<u32>,
}

/// The bytes of an area's key in the index.
const KEY: usize = 7;

/// An area as the index lists it.
#[derive(Debug, Clone, Copy)]
struct AreaKey<'a> {
    table: PriceTable,
    fips: &'a str,
    /// Which of the five lines it has, line 1 in the lowest bit.
    lines: u8,
}

impl AreaKey<'_> {
    /// The key's bytes in the index; an error for a GeoFIPS that is not five digits.
    fn encode(&self) -> anyhow::Result<[u8; KEY]> {
        let fips = self.fips.as_bytes();
        anyhow::ensure!(
            fips.len() == KEY - 2 && fips.iter().all(u8::is_ascii_digit),
            "GeoFIPS {} is not five digits",
            self.fips
        );
        let table = PriceTable::ALL
            .iter()
            .position(|&t| t == self.table)
            .expect("every table is in ALL");
        let mut bytes = [0u8; KEY];
        bytes[0] = table as u8;
        bytes[1] = self.lines;
        bytes[2..].copy_from_slice(fips);
        Ok(bytes)
    }

    /// The key `bytes` hold, when they hold one.
    fn decode(bytes: &[u8]) -> Option<AreaKey<'_>> {
        let table = *PriceTable::ALL.get(usize::from(*bytes.first()?))?;
        let lines = *bytes.get(1)?;
        let fips = bytes.get(2..KEY)?;
        if !fips.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(AreaKey {
            table,
            fips: std::str::from_utf8(fips).ok()?,
            lines,
        })
    }
}

/// An area as its chunk stores it: its name, and per line it has, each year's value as its
/// zigzag-coded difference from the year before (the first from 100) plus one; 0 for a year
/// without a value.
#[derive(Debug, Serialize, Deserialize)]
struct ChunkArea {
    name: String,
    values: Vec<u32>,
}

/// How many areas (in index order) one compressed chunk holds: a question about one area
/// decompresses a few kilobytes, and the chunks still compress almost as well as the whole.
const CHUNK: usize = 16;

/// Where each series' differences start from: 100.000.
const BASE: i64 = 100_000;

/// The bytes of `prices.bin`.
pub fn encode(parities: &PriceParities) -> anyhow::Result<Vec<u8>> {
    let years = parities.years();
    let mut keys = Vec::with_capacity(parities.areas.len() * KEY);
    let mut chunks = Vec::new();
    for group in parities.areas.chunks(CHUNK) {
        let mut stored = Vec::with_capacity(group.len());
        for area in group {
            let mut lines = 0u8;
            let mut values = Vec::new();
            for (i, series) in area.lines.iter().enumerate() {
                if series.is_empty() {
                    continue;
                }
                anyhow::ensure!(
                    series.len() == years,
                    "{} has {} years of line {}, the release {years}",
                    area.fips,
                    series.len(),
                    i + 1
                );
                lines |= 1 << i;
                let mut previous = BASE;
                for value in series {
                    values.push(match value {
                        Some(v) => {
                            let v = i64::from(*v);
                            let difference = v - previous;
                            previous = v;
                            u32::try_from(((difference << 1) ^ (difference >> 63)) + 1)?
                        }
                        None => 0,
                    });
                }
            }
            let key = AreaKey {
                table: area.table,
                fips: &area.fips,
                lines,
            };
            keys.extend_from_slice(&key.encode()?);
            stored.push(ChunkArea {
                name: area.name.clone(),
                values,
            });
        }
        chunks.push(zstd::bulk::compress(&postcard::to_stdvec(&stored)?, 19)?);
    }
    let index = Index {
        first_year: parities.first_year,
        last_year: parities.last_year,
        keys: Bytes(&keys),
        chunks: chunks
            .iter()
            .map(|c| u32::try_from(c.len()))
            .collect::<Result<_, _>>()?,
    };
    let mut bytes = postcard::to_stdvec(&index)?;
    for chunk in chunks {
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// A stored release of the RPPs, opened: its areas' keys, and their names and values decoded
/// on demand, a chunk at a time. A command reads the last year of a few areas (of every metro
/// for `where --by real-median`), so opening reads the index alone.
#[derive(Debug)]
pub struct StoredParities {
    pub first_year: u16,
    pub last_year: u16,
    /// Every area's key, [`KEY`] bytes each, sorted by table and GeoFIPS: checked when the
    /// release is opened.
    keys: &'static [u8],
    /// Each chunk's bytes, and what they decode to once asked for.
    chunks: Vec<(&'static [u8], std::sync::OnceLock<DecodedChunk>)>,
}

/// A chunk's areas, or why it does not decode.
type DecodedChunk = Result<Vec<DecodedArea>, String>;

/// An area of a decoded chunk: its name, and its values as the chunk codes them, read when
/// asked for.
#[derive(Debug)]
struct DecodedArea {
    name: String,
    lines: u8,
    years: usize,
    values: Vec<u32>,
}

impl DecodedArea {
    /// The coded values of line `line` (0 to 4), when the area has it.
    fn codes(&self, line: usize) -> Option<&[u32]> {
        if self.lines & (1 << line) == 0 {
            return None;
        }
        let before = (self.lines & ((1u8 << line) - 1)).count_ones() as usize;
        self.values
            .get(before * self.years..(before + 1) * self.years)
    }

    /// Every year of line `line`; an empty series for a line it does not have.
    fn series(&self, line: usize, fips: &str) -> Result<Vec<Option<Parity>>, String> {
        let Some(codes) = self.codes(line) else {
            return Ok(Vec::new());
        };
        let mut previous = BASE;
        let mut out = Vec::with_capacity(codes.len());
        for &code in codes {
            if code == 0 {
                out.push(None);
                continue;
            }
            let z = i64::from(code - 1);
            previous += (z >> 1) ^ -(z & 1);
            if !(1..1_000_000).contains(&previous) {
                return Err(format!("{fips} holds a price level of {previous}"));
            }
            out.push(Some(previous as Parity));
        }
        Ok(out)
    }

    /// The last year's value of line `line`, summed without keeping the others. A value that
    /// does not decode (which the checksum makes all but impossible) is no value.
    fn latest(&self, line: usize) -> Option<Parity> {
        let mut previous = BASE;
        let mut last = None;
        for &code in self.codes(line)? {
            if code == 0 {
                last = None;
                continue;
            }
            let z = i64::from(code - 1);
            previous += (z >> 1) ^ -(z & 1);
            last = Some(previous);
        }
        last.filter(|p| (1..1_000_000).contains(p))
            .map(|p| p as Parity)
    }
}

/// The release `prices.bin` holds, opened: its index is read and checked; each chunk is
/// checked when it is decoded. An error says what does not add up.
pub fn decode(bytes: &'static [u8]) -> Result<StoredParities, String> {
    let (index, rest) =
        postcard::take_from_bytes::<Index<'static>>(bytes).map_err(|e| e.to_string())?;
    if index.last_year < index.first_year {
        return Err("its years run backwards".into());
    }
    let keys = index.keys.0;
    if !keys.len().is_multiple_of(KEY) {
        return Err(format!("its index of areas holds {} bytes", keys.len()));
    }
    let areas = keys.len() / KEY;
    if index.chunks.len() != areas.div_ceil(CHUNK) {
        return Err(format!(
            "it lists {} chunks for {areas} areas",
            index.chunks.len(),
        ));
    }
    let total: usize = index.chunks.iter().map(|&n| n as usize).sum();
    if total != rest.len() {
        return Err(format!(
            "it holds {} bytes of values, its index says {total}",
            rest.len()
        ));
    }
    // Checked as bytes: a table's byte is its place in `PriceTable::ALL`, which is the tables'
    // order, and GeoFIPS are digits.
    let mut previous: Option<&[u8]> = None;
    for bytes in keys.chunks_exact(KEY) {
        if usize::from(bytes[0]) >= PriceTable::ALL.len()
            || !bytes[2..].iter().all(u8::is_ascii_digit)
        {
            return Err("its index of areas is damaged".into());
        }
        if previous.is_some_and(|p| (p[0], &p[2..]) >= (bytes[0], &bytes[2..])) {
            return Err("its areas are not sorted by table and GeoFIPS".into());
        }
        previous = Some(bytes);
    }
    let mut chunks = Vec::with_capacity(index.chunks.len());
    let mut at = 0usize;
    for &len in &index.chunks {
        chunks.push((&rest[at..at + len as usize], std::sync::OnceLock::new()));
        at += len as usize;
    }
    Ok(StoredParities {
        first_year: index.first_year,
        last_year: index.last_year,
        keys,
        chunks,
    })
}

impl StoredParities {
    fn years(&self) -> usize {
        usize::from(self.last_year - self.first_year) + 1
    }

    /// How many areas it prices.
    fn len(&self) -> usize {
        self.keys.len() / KEY
    }

    /// The key of the area at position `at` (below [`Self::len`]; every key was checked when
    /// the release was opened).
    fn key(&self, at: usize) -> AreaKey<'static> {
        AreaKey::decode(&self.keys[at * KEY..(at + 1) * KEY]).expect("the keys were checked")
    }

    /// The position of the area at `key`.
    fn find(&self, key: &PriceKey) -> Option<usize> {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = low.midpoint(high);
            let a = self.key(mid);
            match a.table.cmp(&key.table).then_with(|| a.fips.cmp(&key.fips)) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The area at position `at`, its chunk decoded the first time one of its areas is asked
    /// for.
    fn area(&self, at: usize) -> Result<&DecodedArea, String> {
        let (bytes, decoded) = &self.chunks[at / CHUNK];
        let areas = decoded
            .get_or_init(|| self.decode_chunk(at / CHUNK, bytes))
            .as_ref()
            .map_err(Clone::clone)?;
        Ok(&areas[at % CHUNK])
    }

    fn decode_chunk(&self, chunk: usize, bytes: &[u8]) -> DecodedChunk {
        let raw = zstd::bulk::decompress(bytes, MAX_DECODED).map_err(|e| format!("zstd: {e}"))?;
        let stored: Vec<ChunkArea> = postcard::from_bytes(&raw).map_err(|e| e.to_string())?;
        let keys: Vec<AreaKey> = (chunk * CHUNK..((chunk + 1) * CHUNK).min(self.len()))
            .map(|at| self.key(at))
            .collect();
        if stored.len() != keys.len() {
            return Err(format!(
                "a chunk holds {} areas, the index {}",
                stored.len(),
                keys.len()
            ));
        }
        let years = self.years();
        stored
            .into_iter()
            .zip(keys)
            .map(|(area, key)| {
                let series = (key.lines & 0b1_1111).count_ones() as usize;
                if area.values.len() != series * years {
                    return Err(format!(
                        "{} holds {} values, its lines {}",
                        key.fips,
                        area.values.len(),
                        series * years
                    ));
                }
                Ok(DecodedArea {
                    name: area.name,
                    lines: key.lines & 0b1_1111,
                    years,
                    values: area.values,
                })
            })
            .collect()
    }

    /// BEA's name of the area at `key`.
    pub fn name(&self, key: &PriceKey) -> Option<&str> {
        self.area(self.find(key)?).ok().map(|a| a.name.as_str())
    }

    /// The whole release, every year of every area: for checking what was stored.
    pub fn decode_all(&self) -> Result<PriceParities, String> {
        let mut areas = Vec::with_capacity(self.len());
        for at in 0..self.len() {
            let key = self.key(at);
            let area = self.area(at)?;
            areas.push(PricedArea {
                table: key.table,
                fips: key.fips.to_owned(),
                name: area.name.clone(),
                lines: [0, 1, 2, 3, 4]
                    .map(|line| area.series(line, key.fips))
                    .into_iter()
                    .collect::<Result<Vec<_>, String>>()?
                    .try_into()
                    .expect("five lines"),
            });
        }
        Ok(PriceParities {
            first_year: self.first_year,
            last_year: self.last_year,
            areas,
        })
    }
}

impl LatestParities for StoredParities {
    fn last_year(&self) -> u16 {
        self.last_year
    }

    /// Each line's last year. A chunk that does not decode (which the checksum makes all but
    /// impossible) has no values.
    fn latest(&self, key: &PriceKey) -> Option<[Option<Parity>; 5]> {
        let area = self.area(self.find(key)?).ok();
        Some(std::array::from_fn(|i| area.and_then(|a| a.latest(i))))
    }

    fn latest_line(&self, key: &PriceKey, line: PriceLine) -> Option<Parity> {
        self.area(self.find(key)?).ok()?.latest(line.index())
    }
}

/// An opened release of the RPPs.
#[derive(Debug)]
pub struct Prices {
    /// The folder it was imported into; `None` for the embedded release.
    pub dir: Option<std::path::PathBuf>,
    pub manifest: release::Manifest<PriceCounts>,
    pub parities: StoredParities,
    /// The areas (BEA's table and GeoFIPS) whose rows an import under `--force` left out.
    pub skipped: crate::datadir::skipped::Skipped<(PriceTable, String)>,
}

impl Prices {
    /// Decodes an opened release; a file that does not decode is a damaged one.
    pub fn decode(mut opened: Opened<PriceCounts>) -> anyhow::Result<Prices> {
        let bytes = opened.file_kept(PARITIES);
        let broken = |why: &str| match &opened.dir {
            Some(dir) => release::damaged(&DATASET, dir, why),
            None => anyhow::anyhow!("the embedded {} cannot be read ({why})", DATASET.title),
        };
        let bytes = bytes.ok_or_else(|| broken(&format!("its manifest lists no {PARITIES}")))?;
        let parities = decode(bytes).map_err(|why| broken(&format!("{PARITIES}: {why}")))?;
        let skipped =
            crate::datadir::skipped::Skipped::decode(opened.file(crate::datadir::skipped::SKIPPED))
                .map_err(|why| broken(&why))?;
        Ok(Prices {
            dir: opened.dir,
            manifest: opened.manifest,
            parities,
            skipped,
        })
    }

    /// Opens the import in `data_dir`, `None` when there is none.
    pub fn open(data_dir: &std::path::Path) -> anyhow::Result<Option<Prices>> {
        release::open(data_dir, &DATASET)?
            .map(Prices::decode)
            .transpose()
    }

    /// The release as people name it: "2008-2024".
    pub fn release_name(&self) -> &str {
        &self.manifest.release.name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index's keys are checked for order as bytes: a table's byte must order as the table.
    #[test]
    fn tables_are_numbered_in_their_order() {
        assert!(PriceTable::ALL.is_sorted());
        let key = |table| AreaKey {
            table,
            fips: "42660",
            lines: 1,
        };
        let bytes: Vec<[u8; KEY]> = PriceTable::ALL.map(|t| key(t).encode().unwrap()).to_vec();
        assert!(bytes.is_sorted());
        assert_eq!(AreaKey::decode(&bytes[2]).unwrap().table, PriceTable::State);
        let bad = AreaKey {
            table: PriceTable::Metro,
            fips: "4266",
            lines: 1,
        };
        assert_eq!(
            bad.encode().unwrap_err().to_string(),
            "GeoFIPS 4266 is not five digits"
        );
    }

    #[test]
    fn every_value_reads_back_wide_differences_and_gaps_included() {
        let parities = PriceParities {
            first_year: 2020,
            last_year: 2023,
            areas: vec![
                PricedArea {
                    table: PriceTable::Metro,
                    fips: "12420".into(),
                    name: "Austin".into(),
                    lines: [
                        vec![Some(103_450), None, Some(99_999), Some(100_000)],
                        vec![],
                        vec![Some(1), Some(999_999), None, None],
                        vec![],
                        vec![None, None, None, None],
                    ],
                },
                PricedArea {
                    table: PriceTable::State,
                    fips: "48000".into(),
                    name: "Texas".into(),
                    lines: [
                        vec![Some(96_000), Some(96_001), Some(95_999), Some(97_000)],
                        vec![],
                        vec![],
                        vec![],
                        vec![],
                    ],
                },
            ],
        };
        let bytes: &'static [u8] = Vec::leak(encode(&parities).unwrap());
        let stored = decode(bytes).unwrap();
        assert_eq!(stored.decode_all().unwrap(), parities);
        let austin = PriceKey {
            table: PriceTable::Metro,
            fips: "12420".into(),
        };
        assert_eq!(
            stored.latest(&austin),
            Some([Some(100_000), None, None, None, None])
        );
        assert_eq!(stored.name(&austin), Some("Austin"));
        // Through a wide difference (1 → 999,999) to a year without a value.
        assert_eq!(stored.latest_line(&austin, PriceLine::Housing), None);
        let texas = PriceKey {
            table: PriceTable::State,
            fips: "48000".into(),
        };
        assert_eq!(
            stored.latest_line(&texas, PriceLine::AllItems),
            Some(97_000)
        );
        assert_eq!(stored.latest_line(&texas, PriceLine::Goods), None);
        assert!(decode(&bytes[..bytes.len() - 1]).is_err());
    }
}
