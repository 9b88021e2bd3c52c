//! The names of a release's occupations as `names.bin` lays them out: read in place, never
//! decoded as a whole, so that a run that names one occupation (or none) pays for what it
//! reads.
//!
//! The id, code and title of every occupation are one string, in code order; beside it are
//! tables of little-endian `u32`s: where each occupation's strings start, where its records
//! start in `index.bin` and `details.bin`, and the positions in id order, for a binary search
//! by id. [`NameTable::new`] checks every offset once, so that no look-up can fail later; the
//! orders are checked when the file is written.

use anyhow::{bail, ensure};
use serde::{Deserialize, Serialize};

pub use crate::datadir::blob::Bytes;

/// What `names.bin` holds besides the zones and the dictionary, as written and as read.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Layout<'a> {
    /// Each occupation's id, code and title, one after another, in code order.
    #[serde(borrow)]
    pub strings: &'a str,
    /// `3n + 1` offsets into `strings`: where each id, code and title starts, then the end.
    #[serde(borrow)]
    pub bounds: Bytes<'a>,
    /// `n + 1` offsets into `index.bin`: where each record starts, then the end.
    #[serde(borrow)]
    pub index: Bytes<'a>,
    /// `n + 1` offsets into `details.bin`: where each compressed record starts, then the end.
    #[serde(borrow)]
    pub details: Bytes<'a>,
    /// The `n` positions in the order of their ids.
    #[serde(borrow)]
    pub by_id: Bytes<'a>,
}

/// One occupation's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name {
    pub id: &'static str,
    pub code: &'static str,
    pub title: &'static str,
}

/// The names of a release, read in place.
#[derive(Debug, Clone)]
pub struct NameTable {
    strings: &'static str,
    bounds: &'static [u8],
    index: &'static [u8],
    details: &'static [u8],
    by_id: &'static [u8],
    len: usize,
}

/// The `i`th little-endian `u32` of `table`.
pub(crate) fn at(table: &[u8], i: usize) -> usize {
    let b: [u8; 4] = table[4 * i..4 * i + 4]
        .try_into()
        .expect("four bytes, within a table checked when it was opened");
    u32::from_le_bytes(b) as usize
}

/// The little-endian `u32`s of `table`.
pub(crate) fn u32s(table: &[u8]) -> impl Iterator<Item = usize> + '_ {
    table
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
}

/// Whether the offsets of `table` never go back and the last is within `end`.
pub(crate) fn increasing(table: &[u8], end: usize) -> bool {
    let mut last = 0;
    u32s(table).all(|o| {
        let ok = o >= last && o <= end;
        last = o;
        ok
    })
}

/// The entry, of `len` in order, for which `cmp` (the entry against what is looked for) is
/// equal: a binary search over entries read in place.
pub(crate) fn search(len: usize, cmp: impl Fn(usize) -> std::cmp::Ordering) -> Option<usize> {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match cmp(mid) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}

/// Offsets into `file` that never go back, the last within `end`.
fn check_offsets(file: &str, table: &[u8], count: usize, end: u64) -> anyhow::Result<()> {
    let short = match file {
        "names" => "names.bin is damaged (its names end early)".to_owned(),
        file => format!("{file} is shorter than names.bin says"),
    };
    ensure!(
        table.len() == 4 * count,
        "names.bin is damaged (its table of offsets into {file} holds {} bytes, not {})",
        table.len(),
        4 * count
    );
    let mut last = 0;
    for (i, o) in u32s(table).enumerate() {
        ensure!(
            o >= last,
            "names.bin is damaged (its offsets into {file} go back at {i})"
        );
        last = o;
    }
    ensure!(last as u64 <= end, short);
    Ok(())
}

impl NameTable {
    /// The table of `layout`, once every offset is checked against the lengths of the files
    /// it points into.
    pub fn new(
        layout: Layout<'static>,
        index_len: u64,
        details_len: u64,
    ) -> anyhow::Result<NameTable> {
        let Some(len) = (layout.index.0.len() / 4).checked_sub(1) else {
            bail!("names.bin is damaged (its table of offsets into index.bin is empty)");
        };
        let table = NameTable {
            strings: layout.strings,
            bounds: layout.bounds.0,
            index: layout.index.0,
            details: layout.details.0,
            by_id: layout.by_id.0,
            len,
        };
        check_offsets(
            "names",
            table.bounds,
            3 * len + 1,
            table.strings.len() as u64,
        )?;
        for (i, at) in u32s(table.bounds).enumerate() {
            ensure!(
                table.strings.is_char_boundary(at),
                "names.bin is damaged (its name {i} starts inside a character)"
            );
        }
        check_offsets("index.bin", table.index, len + 1, index_len)?;
        check_offsets("details.bin", table.details, len + 1, details_len)?;
        ensure!(
            table.by_id.len() == 4 * len,
            "names.bin is damaged (its id order holds {} bytes, not {})",
            table.by_id.len(),
            4 * len
        );
        // The orders are the writer's (checked by `encode`): out of order, a look-up misses
        // but reads nothing out of bounds.
        ensure!(
            u32s(table.by_id).all(|p| p < len),
            "names.bin is damaged (its id order names a position past its {len} occupations)"
        );
        Ok(table)
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The names of the occupation at `p`.
    pub fn get(&self, p: usize) -> Name {
        let s =
            |k: usize| &self.strings[at(self.bounds, 3 * p + k)..at(self.bounds, 3 * p + k + 1)];
        Name {
            id: s(0),
            code: s(1),
            title: s(2),
        }
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = Name> + '_ {
        (0..self.len).map(|p| self.get(p))
    }

    /// The position of the occupation with this id.
    pub fn find_id(&self, id: &str) -> Option<usize> {
        search(self.len, |i| self.get(at(self.by_id, i)).id.cmp(id)).map(|i| at(self.by_id, i))
    }

    /// The position of the occupation with this O*NET-SOC code.
    pub fn find_code(&self, code: &str) -> Option<usize> {
        search(self.len, |p| self.get(p).code.cmp(code))
    }

    /// The positions of the occupations whose code starts with `prefix`, in code order.
    pub fn with_code_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = usize> + 'a {
        (0..self.len).filter(move |&p| self.get(p).code.starts_with(prefix))
    }

    /// Where the index record of the occupation at `p` is: offset and length.
    pub fn index_span(&self, p: usize) -> (u64, u64) {
        span(self.index, p)
    }

    /// Where the compressed record of the occupation at `p` is in `details.bin`.
    pub fn details_span(&self, p: usize) -> (u64, u64) {
        span(self.details, p)
    }
}

fn span(table: &[u8], p: usize) -> (u64, u64) {
    let (start, end) = (at(table, p), at(table, p + 1));
    (start as u64, (end - start) as u64)
}

/// Appends `n` to `table` as a little-endian `u32`.
pub(crate) fn push(table: &mut Vec<u8>, n: usize) -> anyhow::Result<()> {
    let n = u32::try_from(n).map_err(|_| anyhow::anyhow!("the O*NET files would be over 4 GiB"))?;
    table.extend_from_slice(&n.to_le_bytes());
    Ok(())
}

/// Where each of records of these lengths starts, the first at `start`, then the end.
fn offsets(start: usize, lengths: &[usize]) -> anyhow::Result<Vec<u8>> {
    let mut table = Vec::with_capacity(4 * (lengths.len() + 1));
    let mut end = start;
    for len in lengths {
        push(&mut table, end)?;
        end += len;
    }
    push(&mut table, end)?;
    Ok(table)
}

/// The string and tables of a [`Layout`] for occupations with these (id, code, title), in
/// code order, whose index records and compressed details have these lengths (the details
/// start at `details_start`, after the dictionary): `[bounds, index, details, by_id]`.
pub fn encode(
    names: &[(&str, &str, &str)],
    index_lengths: &[usize],
    details_start: usize,
    details_lengths: &[usize],
) -> anyhow::Result<(String, [Vec<u8>; 4])> {
    ensure!(
        names.windows(2).all(|w| w[0].1 < w[1].1),
        "the occupations are not in code order, or a code is there twice"
    );
    let mut strings = String::new();
    let mut bounds = Vec::new();
    for (id, code, title) in names {
        for s in [id, code, title] {
            push(&mut bounds, strings.len())?;
            strings.push_str(s);
        }
    }
    push(&mut bounds, strings.len())?;
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by_key(|&p| names[p].0);
    ensure!(
        order.windows(2).all(|w| names[w[0]].0 < names[w[1]].0),
        "an occupation id is there twice"
    );
    let mut by_id = Vec::new();
    for p in order {
        push(&mut by_id, p)?;
    }
    Ok((
        strings,
        [
            bounds,
            offsets(0, index_lengths)?,
            offsets(details_start, details_lengths)?,
            by_id,
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(names: &[(&str, &str, &str)]) -> NameTable {
        let lengths: Vec<usize> = (1..=names.len()).collect();
        let (strings, [bounds, index, details, by_id]) =
            encode(names, &lengths, 100, &lengths).unwrap();
        let leak = |b: Vec<u8>| -> &'static [u8] { Box::leak(b.into_boxed_slice()) };
        let layout = Layout {
            strings: Box::leak(strings.into_boxed_str()),
            bounds: Bytes(leak(bounds)),
            index: Bytes(leak(index)),
            details: Bytes(leak(details)),
            by_id: Bytes(leak(by_id)),
        };
        NameTable::new(layout, 1_000, 1_000).unwrap()
    }

    const NAMES: [(&str, &str, &str); 3] = [
        (
            "zoologists",
            "19-1023.00",
            "Zoologists and Wildlife Biologists",
        ),
        ("data-scientists", "15-2051.00", "Data Scientists"),
        ("électriciens", "47-2111.00", "Électriciens"),
    ];

    #[test]
    fn names_are_found_by_id_and_by_code_and_read_in_place() {
        let mut sorted = NAMES;
        sorted.sort_by_key(|n| n.1);
        let t = table(&sorted);
        assert_eq!(t.len(), 3);
        assert_eq!(
            t.get(0),
            Name {
                id: "data-scientists",
                code: "15-2051.00",
                title: "Data Scientists"
            }
        );
        assert_eq!(t.find_code("47-2111.00"), Some(2));
        assert_eq!(t.find_code("47-2111"), None);
        assert_eq!(t.find_id("zoologists"), Some(1));
        assert_eq!(t.find_id("électriciens"), Some(2));
        assert_eq!(t.find_id("data"), None);
        // Records one after another: lengths 1, 2, 3; the details after a 100-byte dictionary.
        assert_eq!(t.index_span(2), (3, 3));
        assert_eq!(t.details_span(0), (100, 1));
    }

    #[test]
    fn occupations_out_of_code_order_or_twice_are_not_written() {
        let err = encode(&NAMES, &[1, 1, 1], 0, &[1, 1, 1]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the occupations are not in code order, or a code is there twice"
        );
        let twice = [NAMES[1], ("data-scientists", "19-1023.00", "Zoologists")];
        let err = encode(&twice, &[1, 1], 0, &[1, 1]).unwrap_err();
        assert_eq!(err.to_string(), "an occupation id is there twice");
    }

    #[test]
    fn damaged_tables_are_refused_when_opened() {
        let names = [NAMES[1], NAMES[2]];
        let (strings, [bounds, index, details, by_id]) =
            encode(&names, &[5, 5], 0, &[7, 7]).unwrap();
        let leak = |b: &[u8]| -> &'static [u8] { Box::leak(b.to_vec().into_boxed_slice()) };
        let strings: &'static str = Box::leak(strings.into_boxed_str());
        let open = |bounds: &[u8], by_id: &[u8], index_len: u64| {
            NameTable::new(
                Layout {
                    strings,
                    bounds: Bytes(leak(bounds)),
                    index: Bytes(leak(&index)),
                    details: Bytes(leak(&details)),
                    by_id: Bytes(leak(by_id)),
                },
                index_len,
                14,
            )
            .map(|_| ())
            .map_err(|e| e.to_string())
        };
        assert_eq!(open(&bounds, &by_id, 10), Ok(()));
        assert_eq!(
            open(&bounds, &by_id, 9),
            Err("index.bin is shorter than names.bin says".to_owned())
        );
        assert_eq!(
            open(&bounds[..8], &by_id, 10),
            Err(
                "names.bin is damaged (its table of offsets into names holds 8 bytes, not 28)"
                    .to_owned()
            )
        );
        // "É" is two bytes: an offset between them.
        let mut inside = bounds.clone();
        let title = 5; // the second occupation's title
        let at = u32::from_le_bytes(inside[4 * title..4 * title + 4].try_into().unwrap()) + 1;
        inside[4 * title..4 * title + 4].copy_from_slice(&at.to_le_bytes());
        assert_eq!(
            open(&inside, &by_id, 10),
            Err("names.bin is damaged (its name 5 starts inside a character)".to_owned())
        );
        let mut past = by_id.clone();
        past[0] = 9;
        assert_eq!(
            open(&bounds, &past, 10),
            Err(
                "names.bin is damaged (its id order names a position past its 2 occupations)"
                    .to_owned()
            )
        );
    }
}
