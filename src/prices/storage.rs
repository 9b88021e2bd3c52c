//! BEA's Regional Price Parities as stored in `DATA_DIR/prices/` and in the binary: the
//! [dataset container](crate::datadir::release)'s manifest, and `prices.bin`, every area of
//! the three tables with every year of its five lines, compressed with zstd.
//!
//! The values are BEA's, exactly, in thousandths of an index point. They are stored as each
//! value's difference from the year before it (the first from 100), zigzag-coded, in two planes
//! of bytes (high, then low): a price level moves by a few points a year, so the high plane is
//! nearly all zeros and compresses to little (the 2008-2024 release takes 77 KB).
//!
//! Before compression: the [`Header`] in postcard (years, areas, how many bytes each part
//! holds), then the parts as plain bytes, read as slices rather than element by element: the
//! presence bits, the high plane, the low plane, and the wide differences (`i32`,
//! little-endian).

use serde::{Deserialize, Serialize};

use crate::datadir::release::{self, Dataset, Opened};
use crate::model::prices::{
    LatestParities, Parity, PriceKey, PriceLine, PriceParities, PriceTable, PricedArea,
};

/// The dataset's folder, name, format and import command.
pub const DATASET: Dataset = Dataset {
    folder: "prices",
    title: "BEA Regional Price Parities",
    format: 2,
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
pub struct Counts {
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

impl release::Counts for Counts {
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
pub fn counts_of(parities: &PriceParities, rows: u64, rows_skipped: u64) -> Counts {
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
    Counts {
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

/// What `prices.bin` starts with, before compression.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    first_year: u16,
    last_year: u16,
    areas: Vec<EncodedArea>,
    /// Bytes of presence bits: one bit per year of each series (an area's lines in order),
    /// lowest bit first, whether it has a value.
    present: u32,
    /// Values: bytes of each plane. Each value is its zigzag-coded difference from the previous
    /// one, high byte then low byte; `0xFFFF` sends it to the wide differences.
    values: u32,
    /// Wide differences.
    wide: u32,
}

/// The parts of `prices.bin` after its header.
struct Encoded {
    present: Vec<u8>,
    high: Vec<u8>,
    low: Vec<u8>,
    wide: Vec<i32>,
}

#[derive(Debug, Serialize, Deserialize)]
struct EncodedArea {
    table: PriceTable,
    fips: String,
    name: String,
    /// Which of the five lines it has, line 1 in the lowest bit.
    lines: u8,
}

/// Where each series' differences start from: 100.000.
const BASE: i64 = 100_000;
const WIDE: u16 = 0xFFFF;

/// The bytes of `prices.bin`.
pub fn encode(parities: &PriceParities) -> anyhow::Result<Vec<u8>> {
    let years = parities.years();
    let mut areas = Vec::with_capacity(parities.areas.len());
    let mut encoded = Encoded {
        present: Vec::new(),
        high: Vec::new(),
        low: Vec::new(),
        wide: Vec::new(),
    };
    let mut bit = 0usize;
    for area in &parities.areas {
        let mut lines = 0u8;
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
                if bit.is_multiple_of(8) {
                    encoded.present.push(0);
                }
                if let Some(v) = value {
                    *encoded.present.last_mut().expect("pushed") |= 1 << (bit % 8);
                    let v = i64::from(*v);
                    let difference = i32::try_from(v - previous)?;
                    previous = v;
                    let zigzag = ((difference << 1) ^ (difference >> 31)) as u32;
                    match u16::try_from(zigzag) {
                        Ok(z) if z != WIDE => {
                            let [high, low] = z.to_be_bytes();
                            encoded.high.push(high);
                            encoded.low.push(low);
                        }
                        _ => {
                            encoded.high.push(0xFF);
                            encoded.low.push(0xFF);
                            encoded.wide.push(difference);
                        }
                    }
                }
                bit += 1;
            }
        }
        areas.push(EncodedArea {
            table: area.table,
            fips: area.fips.clone(),
            name: area.name.clone(),
            lines,
        });
    }
    let header = Header {
        first_year: parities.first_year,
        last_year: parities.last_year,
        areas,
        present: u32::try_from(encoded.present.len())?,
        values: u32::try_from(encoded.high.len())?,
        wide: u32::try_from(encoded.wide.len())?,
    };
    let mut bytes = postcard::to_stdvec(&header)?;
    bytes.extend_from_slice(&encoded.present);
    bytes.extend_from_slice(&encoded.high);
    bytes.extend_from_slice(&encoded.low);
    for w in &encoded.wide {
        bytes.extend_from_slice(&w.to_le_bytes());
    }
    Ok(zstd::bulk::compress(&bytes, 19)?)
}

/// A stored release of the RPPs, opened: its areas, and their values decoded on demand. A
/// command reads the last year of a few areas (of every metro for `where --by real-median`), so
/// opening decompresses the file and finds where each area's values start, and reads no value.
#[derive(Debug)]
pub struct StoredParities {
    pub first_year: u16,
    pub last_year: u16,
    /// Sorted by table and GeoFIPS.
    areas: Vec<StoredArea>,
    /// The decompressed file, and where its parts start in it.
    raw: Vec<u8>,
    present: usize,
    high: usize,
    low: usize,
    wide: Vec<i32>,
}

/// An area and where its values start.
#[derive(Debug)]
struct StoredArea {
    table: PriceTable,
    fips: String,
    name: String,
    lines: u8,
    /// Its first series' first presence bit, first value and first wide difference.
    bit: usize,
    value: usize,
    wide: usize,
}

/// The release `prices.bin` holds, opened; an error says what does not add up.
pub fn decode(bytes: &[u8]) -> Result<StoredParities, String> {
    let raw = zstd::bulk::decompress(bytes, MAX_DECODED).map_err(|e| format!("zstd: {e}"))?;
    let (header, rest) = postcard::take_from_bytes::<Header>(&raw).map_err(|e| e.to_string())?;
    if header.last_year < header.first_year {
        return Err("its years run backwards".into());
    }
    let (present, values, wides) = (
        header.present as usize,
        header.values as usize,
        header.wide as usize,
    );
    if rest.len() != present + 2 * values + 4 * wides {
        return Err(format!(
            "it holds {} bytes of values, its header says {}",
            rest.len(),
            present + 2 * values + 4 * wides
        ));
    }
    let present_at = raw.len() - rest.len();
    let (high, low) = (present_at + present, present_at + present + values);
    let wide: Vec<i32> = raw[low + values..]
        .chunks_exact(4)
        .map(|c| i32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    let years = usize::from(header.last_year - header.first_year) + 1;
    let bits = &raw[present_at..high];
    let (planes_high, planes_low) = (&raw[high..low], &raw[low..low + values]);
    // How many values each byte of presence bits holds before it, and where the wide
    // differences are: each area's start found without reading a value.
    let mut before = Vec::with_capacity(bits.len() + 1);
    let mut running = 0usize;
    for byte in bits {
        before.push(running);
        running += byte.count_ones() as usize;
    }
    before.push(running);
    let set_before = |bit: usize| -> usize {
        let (byte, within) = (bit / 8, bit % 8);
        before[byte]
            + bits
                .get(byte)
                .map_or(0, |b| (b & ((1u8 << within) - 1)).count_ones() as usize)
    };
    let wide_values: Vec<usize> = planes_high
        .iter()
        .enumerate()
        .filter(|&(v, &h)| h == 0xFF && planes_low[v] == 0xFF)
        .map(|(v, _)| v)
        .collect();
    let mut areas = Vec::with_capacity(header.areas.len());
    let (mut bit, mut value) = (0usize, 0usize);
    for a in header.areas {
        let series = (a.lines & 0b1_1111).count_ones() as usize;
        let end = bit + series * years;
        if end.div_ceil(8) > bits.len() {
            return Err("fewer values than its areas hold".into());
        }
        let wide_at = wide_values.partition_point(|&v| v < value);
        areas.push(StoredArea {
            table: a.table,
            fips: a.fips,
            name: a.name,
            lines: a.lines,
            bit,
            value,
            wide: wide_at,
        });
        value = set_before(end);
        bit = end;
    }
    let wide_at = wide_values.len();
    if value != values || wide_at != wide.len() {
        return Err("more values than its areas hold".into());
    }
    if !areas.is_sorted_by(|a, b| (a.table, &a.fips) < (b.table, &b.fips)) {
        return Err("its areas are not sorted by table and GeoFIPS".into());
    }
    Ok(StoredParities {
        first_year: header.first_year,
        last_year: header.last_year,
        areas,
        raw,
        present: present_at,
        high,
        low,
        wide,
    })
}

impl StoredParities {
    fn years(&self) -> usize {
        usize::from(self.last_year - self.first_year) + 1
    }

    fn find(&self, key: &PriceKey) -> Option<&StoredArea> {
        self.areas
            .binary_search_by(|a| {
                a.table
                    .cmp(&key.table)
                    .then_with(|| a.fips.as_str().cmp(&key.fips))
            })
            .ok()
            .map(|i| &self.areas[i])
    }

    /// BEA's name of the area at `key`.
    pub fn name(&self, key: &PriceKey) -> Option<&str> {
        self.find(key).map(|a| a.name.as_str())
    }

    /// Every year of each of the area's lines; an empty series for a line it does not have.
    fn lines(&self, area: &StoredArea) -> Result<[Vec<Option<Parity>>; 5], String> {
        let years = self.years();
        let (mut bit, mut value, mut wide) = (area.bit, area.value, area.wide);
        let mut lines: [Vec<Option<Parity>>; 5] = Default::default();
        for (i, series) in lines.iter_mut().enumerate() {
            if area.lines & (1 << i) == 0 {
                continue;
            }
            series.reserve_exact(years);
            let mut previous = BASE;
            for _ in 0..years {
                let has = self.raw[self.present + bit / 8] & (1 << (bit % 8)) != 0;
                bit += 1;
                if !has {
                    series.push(None);
                    continue;
                }
                let zigzag =
                    u16::from_be_bytes([self.raw[self.high + value], self.raw[self.low + value]]);
                value += 1;
                previous += if zigzag == WIDE {
                    wide += 1;
                    i64::from(self.wide[wide - 1])
                } else {
                    let z = i64::from(zigzag);
                    (z >> 1) ^ -(z & 1)
                };
                if !(1..1_000_000).contains(&previous) {
                    return Err(format!("{} holds a price level of {previous}", area.fips));
                }
                series.push(Some(previous as Parity));
            }
        }
        Ok(lines)
    }

    /// The whole release, every year of every area: for checking what was stored.
    pub fn decode_all(&self) -> Result<PriceParities, String> {
        let mut areas = Vec::with_capacity(self.areas.len());
        for a in &self.areas {
            areas.push(PricedArea {
                table: a.table,
                fips: a.fips.clone(),
                name: a.name.clone(),
                lines: self.lines(a)?,
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

    /// Each series summed to its last year, nothing kept on the way. A value that does not
    /// decode (which the checksum makes all but impossible) is no value.
    fn latest(&self, key: &PriceKey) -> Option<[Option<Parity>; 5]> {
        let area = self.find(key)?;
        let mut at = (area.bit, area.value, area.wide);
        let mut latest = [None; 5];
        for (i, slot) in latest.iter_mut().enumerate() {
            if area.lines & (1 << i) != 0 {
                *slot = self.sum_series(&mut at);
            }
        }
        Some(latest)
    }

    fn latest_line(&self, key: &PriceKey, line: PriceLine) -> Option<Parity> {
        let area = self.find(key)?;
        let mut at = (area.bit, area.value, area.wide);
        for i in 0..line.index() {
            if area.lines & (1 << i) != 0 {
                self.skip_series(&mut at);
            }
        }
        if area.lines & (1 << line.index()) == 0 {
            return None;
        }
        self.sum_series(&mut at)
    }
}

impl StoredParities {
    /// The last year's value of the series starting at `at` (bit, value, wide difference),
    /// which moves past it.
    fn sum_series(&self, at: &mut (usize, usize, usize)) -> Option<Parity> {
        let (bit, value, wide) = at;
        let mut previous = BASE;
        let mut last = None;
        for _ in 0..self.years() {
            let has = self.raw[self.present + *bit / 8] & (1 << (*bit % 8)) != 0;
            *bit += 1;
            if !has {
                last = None;
                continue;
            }
            let zigzag =
                u16::from_be_bytes([self.raw[self.high + *value], self.raw[self.low + *value]]);
            *value += 1;
            previous += if zigzag == WIDE {
                *wide += 1;
                i64::from(self.wide[*wide - 1])
            } else {
                let z = i64::from(zigzag);
                (z >> 1) ^ -(z & 1)
            };
            last = Some(previous);
        }
        last.filter(|p| (1..1_000_000).contains(p))
            .map(|p| p as Parity)
    }

    /// Moves `at` past a series without summing it.
    fn skip_series(&self, at: &mut (usize, usize, usize)) {
        let (bit, value, wide) = at;
        for _ in 0..self.years() {
            let has = self.raw[self.present + *bit / 8] & (1 << (*bit % 8)) != 0;
            *bit += 1;
            if has {
                if self.raw[self.high + *value] == 0xFF && self.raw[self.low + *value] == 0xFF {
                    *wide += 1;
                }
                *value += 1;
            }
        }
    }
}

/// An opened release of the RPPs.
#[derive(Debug)]
pub struct Prices {
    /// The folder it was imported into; `None` for the embedded release.
    pub dir: Option<std::path::PathBuf>,
    pub manifest: release::Manifest<Counts>,
    pub parities: StoredParities,
    /// The areas (BEA's table and GeoFIPS) whose rows an import under `--force` left out.
    pub skipped: crate::datadir::skipped::Skipped<(PriceTable, String)>,
}

impl Prices {
    /// Decodes an opened release; a file that does not decode is a damaged one.
    pub fn decode(opened: Opened<Counts>) -> anyhow::Result<Prices> {
        let broken = |why: &str| match &opened.dir {
            Some(dir) => release::damaged(&DATASET, dir, why),
            None => anyhow::anyhow!("the embedded {} cannot be read ({why})", DATASET.title),
        };
        let bytes = opened
            .file(PARITIES)
            .ok_or_else(|| broken(&format!("its manifest lists no {PARITIES}")))?;
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
        let bytes = encode(&parities).unwrap();
        let stored = decode(&bytes).unwrap();
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
