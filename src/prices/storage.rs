//! BEA's Regional Price Parities as stored in `DATA_DIR/prices/` and in the binary: the
//! [dataset container](crate::datadir::release)'s manifest, and `prices.bin`, every area of
//! the three tables with every year of its five lines, compressed with zstd.
//!
//! The values are BEA's, exactly, in thousandths of an index point. They are stored as each
//! value's difference from the year before it (the first from 100), zigzag-coded, in two planes
//! of bytes (high, then low): a price level moves by a few points a year, so the high plane is
//! nearly all zeros and compresses to little (the 2008-2024 release takes under 70 KB).

use serde::{Deserialize, Serialize};

use crate::datadir::release::{self, Dataset, Opened};
use crate::model::prices::{Parity, PriceParities, PriceTable, PricedArea};

/// The dataset's folder, name, format and import command.
pub const DATASET: Dataset = Dataset {
    folder: "prices",
    title: "BEA Regional Price Parities",
    format: 1,
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

/// `prices.bin` before compression.
#[derive(Debug, Serialize, Deserialize)]
struct Encoded {
    first_year: u16,
    last_year: u16,
    areas: Vec<EncodedArea>,
    /// One bit per year of each series (an area's lines in order), lowest bit first: whether
    /// it has a value.
    present: Vec<u8>,
    /// Each value's zigzag-coded difference from the previous one, high byte then low byte;
    /// `0xFFFF` sends it to `wide`.
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
    let mut encoded = Encoded {
        first_year: parities.first_year,
        last_year: parities.last_year,
        areas: Vec::with_capacity(parities.areas.len()),
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
        encoded.areas.push(EncodedArea {
            table: area.table,
            fips: area.fips.clone(),
            name: area.name.clone(),
            lines,
        });
    }
    let bytes = postcard::to_stdvec(&encoded)?;
    Ok(zstd::bulk::compress(&bytes, 19)?)
}

/// The release `prices.bin` holds; an error says what does not add up.
pub fn decode(bytes: &[u8]) -> Result<PriceParities, String> {
    let raw = zstd::bulk::decompress(bytes, MAX_DECODED).map_err(|e| format!("zstd: {e}"))?;
    let encoded: Encoded = postcard::from_bytes(&raw).map_err(|e| e.to_string())?;
    if encoded.last_year < encoded.first_year {
        return Err("its years run backwards".into());
    }
    let years = usize::from(encoded.last_year - encoded.first_year) + 1;
    let mut areas = Vec::with_capacity(encoded.areas.len());
    let (mut bit, mut value, mut wide) = (0usize, 0usize, 0usize);
    for a in encoded.areas {
        let mut lines: [Vec<Option<Parity>>; 5] = Default::default();
        for (i, series) in lines.iter_mut().enumerate() {
            if a.lines & (1 << i) == 0 {
                continue;
            }
            let mut previous = BASE;
            for _ in 0..years {
                let byte = *encoded
                    .present
                    .get(bit / 8)
                    .ok_or("fewer values than its areas hold")?;
                let has = byte & (1 << (bit % 8)) != 0;
                bit += 1;
                if !has {
                    series.push(None);
                    continue;
                }
                let (high, low) = encoded
                    .high
                    .get(value)
                    .zip(encoded.low.get(value))
                    .ok_or("fewer values than its areas hold")?;
                value += 1;
                let zigzag = u16::from_be_bytes([*high, *low]);
                let difference = if zigzag == WIDE {
                    let d = *encoded.wide.get(wide).ok_or("a wide value is missing")?;
                    wide += 1;
                    i64::from(d)
                } else {
                    let z = i64::from(zigzag);
                    (z >> 1) ^ -(z & 1)
                };
                previous += difference;
                let parity = Parity::try_from(previous)
                    .ok()
                    .filter(|p| (1..1_000_000).contains(p))
                    .ok_or_else(|| format!("{} holds a price level of {previous}", a.fips))?;
                series.push(Some(parity));
            }
        }
        areas.push(PricedArea {
            table: a.table,
            fips: a.fips,
            name: a.name,
            lines,
        });
    }
    if value != encoded.high.len() || value != encoded.low.len() || wide != encoded.wide.len() {
        return Err("more values than its areas hold".into());
    }
    if !areas.is_sorted_by(|a, b| (a.table, &a.fips) < (b.table, &b.fips)) {
        return Err("its areas are not sorted by table and GeoFIPS".into());
    }
    Ok(PriceParities {
        first_year: encoded.first_year,
        last_year: encoded.last_year,
        areas,
    })
}

/// An opened release of the RPPs.
#[derive(Debug)]
pub struct Prices {
    /// The folder it was imported into; `None` for the embedded release.
    pub dir: Option<std::path::PathBuf>,
    pub manifest: release::Manifest<Counts>,
    pub parities: PriceParities,
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
        Ok(Prices {
            dir: opened.dir,
            manifest: opened.manifest,
            parities,
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
        assert_eq!(decode(&bytes).unwrap(), parities);
        assert!(decode(&bytes[..bytes.len() - 1]).is_err());
    }
}
