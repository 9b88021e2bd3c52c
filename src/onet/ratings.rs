//! `ratings.bin`: every occupation's importance and level ratings (skills, knowledge,
//! abilities), stored apart from the details so that `show` and `gap` read one occupation's
//! record in place and a command that compares every occupation reads them all without
//! decompressing a record.
//!
//! The file is a little-endian `u32` (the header's length), the header (postcard: the elements
//! rated, and each occupation's record number in index order), then the records, each the
//! same length: per element, in the header's order, three bytes (a little-endian 24-bit
//! number): its importance in hundredths in the low 10 bits, its level in hundredths in the
//! next 10 (O*NET gives both to the hundredth, which the import checks), then O*NET's flags:
//! not rated, importance suppressed, level suppressed, level not relevant. An occupation O*NET
//! does not rate has no record.

use serde::{Deserialize, Serialize};

use crate::model::OnetDetails;
use crate::model::onet::{Rating, RatingKind};
use crate::model::ratings::{COMPARED, ElementFigures, FigureTable};

/// One element the records rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredElement {
    pub kind: RatingKind,
    /// O*NET's element id, e.g. "2.A.1.a".
    pub id: String,
    pub name: String,
}

/// What comes before the records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// In the order of each record's values: by kind, then by O*NET's element id.
    pub elements: Vec<StoredElement>,
    /// Each occupation's record number, in index order; `None` when it is not rated.
    pub records: Vec<Option<u32>>,
}

impl Header {
    /// The length of one record.
    pub fn record_len(&self) -> usize {
        self.elements.len() * BYTES_PER_ELEMENT
    }
}

const BYTES_PER_ELEMENT: usize = 3;
/// A figure in hundredths, in 10 bits: the importance's at bit 0, the level's at bit 10.
const VALUE: u32 = 0x3FF;
const LEVEL_SHIFT: u32 = 10;
/// The element has no rating in this record.
const ABSENT: u32 = 1 << 20;
const IMPORTANCE_SUPPRESSED: u32 = 1 << 21;
const LEVEL_SUPPRESSED: u32 = 1 << 22;
const NOT_RELEVANT: u32 = 1 << 23;
/// Not rated, or a figure O*NET recommends suppressing.
const UNRELIABLE: u32 = ABSENT | IMPORTANCE_SUPPRESSED | LEVEL_SUPPRESSED;

/// The hundredths of a value the import checked is a whole number of them, within 0-7.
fn hundredths(value: f64) -> anyhow::Result<u32> {
    let h = (value * 100.0).round();
    anyhow::ensure!(
        (0.0..=f64::from(VALUE)).contains(&h),
        "a rating of {value} is out of the range ratings.bin stores"
    );
    Ok(h as u32)
}

/// The element at `element` of a record: its packed figures and flags.
fn element_at(record: &[u8], element: usize) -> Option<u32> {
    let b = record.get(element * BYTES_PER_ELEMENT..(element + 1) * BYTES_PER_ELEMENT)?;
    Some(u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16)
}

/// The file for the occupations in index order.
pub fn encode(occupations: &[&OnetDetails]) -> anyhow::Result<Vec<u8>> {
    let mut elements: Vec<StoredElement> = Vec::new();
    for d in occupations {
        for kind in RatingKind::ALL {
            for r in d.ratings(kind) {
                if !elements.iter().any(|e| e.kind == kind && e.id == r.id) {
                    elements.push(StoredElement {
                        kind,
                        id: r.id.clone(),
                        name: r.name.clone(),
                    });
                }
            }
        }
    }
    elements.sort_by(|a, b| (a.kind, &a.id).cmp(&(b.kind, &b.id)));
    let mut header = Header {
        elements,
        records: Vec::with_capacity(occupations.len()),
    };
    let mut records = Vec::new();
    let mut count = 0u32;
    for d in occupations {
        if RatingKind::ALL.iter().all(|&k| d.ratings(k).is_empty()) {
            header.records.push(None);
            continue;
        }
        header.records.push(Some(count));
        count += 1;
        for e in &header.elements {
            let packed = match d.ratings(e.kind).iter().find(|r| r.id == e.id) {
                None => ABSENT,
                Some(r) => {
                    let flag = |set: bool, bit: u32| if set { bit } else { 0 };
                    hundredths(r.importance)?
                        | hundredths(r.level)? << LEVEL_SHIFT
                        | flag(r.importance_suppressed, IMPORTANCE_SUPPRESSED)
                        | flag(r.level_suppressed, LEVEL_SUPPRESSED)
                        | flag(r.not_relevant, NOT_RELEVANT)
                }
            };
            records.extend_from_slice(&packed.to_le_bytes()[..BYTES_PER_ELEMENT]);
        }
    }
    let header = postcard::to_stdvec(&header)?;
    let mut out = Vec::with_capacity(4 + header.len() + records.len());
    out.extend_from_slice(&u32::try_from(header.len())?.to_le_bytes());
    out.extend_from_slice(&header);
    out.extend_from_slice(&records);
    Ok(out)
}

/// The length of the header, from the file's first four bytes.
pub fn header_len(first: &[u8]) -> Option<u32> {
    Some(u32::from_le_bytes(first.get(..4)?.try_into().ok()?))
}

/// The ratings of one record, each kind's list in [`Rating::ranks_before`] order.
pub fn decode_record(header: &Header, record: &[u8], details: &mut OnetDetails) {
    for (i, e) in header.elements.iter().enumerate() {
        let Some(packed) = element_at(record, i).filter(|p| p & ABSENT == 0) else {
            continue;
        };
        details.ratings_mut(e.kind).push(Rating {
            id: e.id.clone(),
            name: e.name.clone(),
            importance: f64::from(packed & VALUE) / 100.0,
            level: f64::from(packed >> LEVEL_SHIFT & VALUE) / 100.0,
            importance_suppressed: packed & IMPORTANCE_SUPPRESSED != 0,
            level_suppressed: packed & LEVEL_SUPPRESSED != 0,
            not_relevant: packed & NOT_RELEVANT != 0,
        });
    }
    for kind in RatingKind::ALL {
        details.ratings_mut(kind).sort_by(Rating::ranks_before);
    }
}

/// The importance, in hundredths, of the element at `element` (its place in the header) in
/// every occupation, by position: `None` where the occupation is not rated, or the element has
/// no rating in it, or O*NET recommends suppressing its importance or level; what
/// [`figure_table`] reads of that element, reading no other.
pub fn importance_column(header: &Header, records: &[u8], element: usize) -> Vec<Option<u16>> {
    let len = header.record_len();
    header
        .records
        .iter()
        .map(|record| {
            let r = usize::try_from((*record)?).ok()?;
            let packed = element_at(records.get(r * len..(r + 1) * len)?, element)?;
            (packed & UNRELIABLE == 0).then_some((packed & VALUE) as u16)
        })
        .collect()
}

/// The figures of the skills and knowledge (the kinds `model::ratings` compares) of every
/// record in `records`, without their names: a row per record, in the header's element order.
pub fn figure_table(header: &Header, records: &[u8]) -> FigureTable {
    // The compared elements as runs of neighbours in a record (skills, then knowledge: one
    // run), each as the bytes it takes there.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut width = 0;
    for (i, _) in header
        .elements
        .iter()
        .enumerate()
        .filter(|(_, e)| COMPARED.contains(&e.kind))
    {
        width += 1;
        let (start, end) = (i * BYTES_PER_ELEMENT, (i + 1) * BYTES_PER_ELEMENT);
        match runs.last_mut() {
            Some(run) if run.1 == start => run.1 = end,
            _ => runs.push((start, end)),
        }
    }
    let figures = |packed: u32| ElementFigures {
        importance: (packed & VALUE) as u16,
        level: if packed & NOT_RELEVANT != 0 {
            0
        } else {
            (packed >> LEVEL_SHIFT & VALUE) as u16
        },
        reliable: packed & UNRELIABLE == 0,
    };
    let len = header.record_len();
    let mut table = FigureTable {
        positions: Vec::new(),
        width,
        figures: Vec::with_capacity(records.len() / len.max(1) * width),
    };
    for (position, record) in header.records.iter().enumerate() {
        let Some(bytes) = record
            .and_then(|r| usize::try_from(r).ok())
            .and_then(|r| records.get(r * len..(r + 1) * len))
        else {
            continue;
        };
        table.positions.push(position);
        for &(start, end) in &runs {
            // Within the record: its length is the header's elements'.
            table.figures.extend(
                bytes[start..end].chunks_exact(BYTES_PER_ELEMENT).map(|b| {
                    figures(u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16)
                }),
            );
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rating(id: &str, name: &str, importance: f64, level: f64) -> Rating {
        Rating {
            id: id.into(),
            name: name.into(),
            importance,
            level,
            importance_suppressed: false,
            level_suppressed: false,
            not_relevant: false,
        }
    }

    #[test]
    fn records_read_back_exactly_with_their_flags() {
        let a = OnetDetails {
            skills: vec![
                rating("2.A.1.a", "Reading Comprehension", 4.12, 4.62),
                Rating {
                    level_suppressed: true,
                    not_relevant: true,
                    ..rating("2.B.3.e", "Programming", 1.0, 0.25)
                },
            ],
            knowledge: vec![Rating {
                importance_suppressed: true,
                ..rating("2.C.4.a", "Mathematics", 2.87, 7.0)
            }],
            ..OnetDetails::default()
        };
        let unrated = OnetDetails::default();
        let b = OnetDetails {
            skills: vec![rating("2.B.3.e", "Programming", 5.0, 0.0)],
            ..OnetDetails::default()
        };
        let bytes = encode(&[&a, &unrated, &b]).unwrap();
        let len = header_len(&bytes).unwrap() as usize;
        let header: Header = postcard::from_bytes(&bytes[4..4 + len]).unwrap();
        assert_eq!(header.records, [Some(0), None, Some(1)]);
        assert_eq!(header.elements.len(), 3);
        let records = &bytes[4 + len..];
        assert_eq!(records.len(), 2 * header.record_len());
        let mut back = OnetDetails::default();
        decode_record(&header, &records[..header.record_len()], &mut back);
        assert_eq!(back.skills, a.skills);
        assert_eq!(back.knowledge, a.knowledge);
        let mut back = OnetDetails::default();
        decode_record(&header, &records[header.record_len()..], &mut back);
        assert_eq!(back.skills, b.skills);
        assert!(back.knowledge.is_empty());

        // The figures compared: the unrated occupation has no row; a suppressed figure makes
        // its element unreliable, a level not relevant is 0, an element not rated is absent.
        let table = figure_table(&header, records);
        assert_eq!(table.positions, [0, 2]);
        let figure = |importance, level, reliable| ElementFigures {
            importance,
            level,
            reliable,
        };
        assert_eq!(
            table.row_of(0).unwrap(),
            [
                figure(412, 462, true),
                figure(100, 0, false),
                figure(287, 700, false)
            ]
        );
        assert_eq!(
            table.row_of(2).unwrap(),
            [
                figure(0, 0, false),
                figure(500, 0, true),
                figure(0, 0, false)
            ]
        );
        assert!(table.row_of(1).is_none());

        // One element's importance read alone agrees with the table: only where reliable.
        assert_eq!(
            importance_column(&header, records, 0),
            [Some(412), None, None]
        );
        assert_eq!(
            importance_column(&header, records, 1),
            [None, None, Some(500)]
        );
        assert_eq!(importance_column(&header, records, 2), [None, None, None]);
    }
}
