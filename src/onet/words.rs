//! The words of a release's search text as `words.bin` keeps them: every distinct word once,
//! and each occupation's titles, skills and tasks as sequences of word numbers, so that
//! `search` compares numbers instead of reading and folding 110,000 texts, and reads the
//! texts themselves only for the results it shows.
//!
//! Words are numbered by how often they occur, most often first, so that most take one byte
//! (LEB128); a table of the numbers in the words' alphabetical order finds a word by binary
//! search. [`WordIndex::new`] checks every offset once; a word number out of range is found
//! when its text is read.

use std::collections::HashMap;

use anyhow::{bail, ensure};
use serde::{Deserialize, Serialize};

use super::names::{Bytes, at as u32_at, increasing, push as push_u32, search, u32s};

/// The kinds of text, in the order each occupation's are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// Alternate titles, then titles reported by workers.
    Title,
    /// The skills of the vocabulary the occupation's technology maps onto, then the
    /// technology's names.
    Skill,
    /// Task statements.
    Task,
}

pub const KINDS: [TextKind; 3] = [TextKind::Title, TextKind::Skill, TextKind::Task];

/// `words.bin` as written and read.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Layout<'a> {
    /// Every word, one after another, in the order of their numbers.
    #[serde(borrow)]
    pub words: &'a str,
    /// `v + 1` offsets into `words`: where each word starts, then the end.
    #[serde(borrow)]
    pub bounds: Bytes<'a>,
    /// The `v` word numbers in the words' alphabetical order.
    #[serde(borrow)]
    pub sorted: Bytes<'a>,
    /// Per occupation, per kind: how many texts, then per text how many words and their
    /// numbers, all LEB128.
    #[serde(borrow)]
    pub texts: Bytes<'a>,
    /// `3n + 1` offsets into `texts`: where each occupation's texts of each kind start, then
    /// the end.
    #[serde(borrow)]
    pub starts: Bytes<'a>,
    /// Per word, the occupations whose texts hold it, LEB128: the step from the occupation
    /// before (from 0 for the first) times 8, plus a bit per kind of text that holds it.
    #[serde(borrow)]
    pub postings: Bytes<'a>,
    /// `v + 1` offsets into `postings`: where each word's list starts, then the end.
    #[serde(borrow)]
    pub posting_starts: Bytes<'a>,
}

/// The word index of a release, read in place.
#[derive(Debug)]
pub struct WordIndex {
    words: &'static str,
    bounds: &'static [u8],
    sorted: &'static [u8],
    texts: &'static [u8],
    starts: &'static [u8],
    postings: &'static [u8],
    posting_starts: &'static [u8],
    vocabulary: usize,
    occupations: usize,
}

/// A set of [`TextKind`]s, a bit each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kinds(pub u8);

impl Kinds {
    pub const NONE: Kinds = Kinds(0);
    pub const ALL: Kinds = Kinds(0b111);
    pub const TITLES: Kinds = Kinds(0b001);

    pub fn has(self, kind: TextKind) -> bool {
        self.0 & (1 << kind as u8) != 0
    }
}

impl WordIndex {
    /// The index of `layout`, for a release of `occupations` occupations, once its tables
    /// are checked.
    pub fn new(layout: Layout<'static>, occupations: usize) -> anyhow::Result<WordIndex> {
        let Some(vocabulary) = (layout.bounds.0.len() / 4).checked_sub(1) else {
            bail!("its table of words is empty");
        };
        let index = WordIndex {
            words: layout.words,
            bounds: layout.bounds.0,
            sorted: layout.sorted.0,
            texts: layout.texts.0,
            starts: layout.starts.0,
            postings: layout.postings.0,
            posting_starts: layout.posting_starts.0,
            vocabulary,
            occupations,
        };
        ensure!(
            index.bounds.len() == 4 * (vocabulary + 1)
                && increasing(index.bounds, index.words.len())
                && u32s(index.bounds).all(|o| index.words.is_char_boundary(o)),
            "its table of words does not match its words"
        );
        ensure!(
            index.sorted.len() == 4 * vocabulary && u32s(index.sorted).all(|id| id < vocabulary),
            "its alphabetical order names words it does not have"
        );
        ensure!(
            index.starts.len() == 4 * (3 * occupations + 1)
                && increasing(index.starts, index.texts.len()),
            "its texts do not match the {occupations} occupations of names.bin"
        );
        ensure!(
            index.posting_starts.len() == 4 * (vocabulary + 1)
                && increasing(index.posting_starts, index.postings.len()),
            "its lists of occupations do not match its words"
        );
        Ok(index)
    }

    /// How many distinct words the release's texts hold.
    pub fn vocabulary(&self) -> usize {
        self.vocabulary
    }

    /// The word numbered `id`.
    pub fn word(&self, id: u32) -> &'static str {
        let i = id as usize;
        &self.words[u32_at(self.bounds, i)..u32_at(self.bounds, i + 1)]
    }

    /// The number of `word` (folded as `model::search_words` folds), when a text
    /// holds it.
    pub fn id(&self, word: &str) -> Option<u32> {
        let id = |i: usize| u32_at(self.sorted, i) as u32;
        search(self.vocabulary, |i| self.word(id(i)).cmp(word)).map(id)
    }

    /// The numbers of the words for which `keep` holds, in increasing order.
    pub fn ids_where(&self, keep: impl Fn(&str) -> bool) -> Vec<u32> {
        (0..self.vocabulary as u32)
            .filter(|&id| keep(self.word(id)))
            .collect()
    }

    /// The occupations whose texts hold the word numbered `id`, in order, each with the kinds
    /// of its texts that do.
    pub fn occupations_with(&self, id: u32) -> anyhow::Result<Vec<(usize, Kinds)>> {
        let i = id as usize;
        ensure!(i < self.vocabulary, "no word {id} in words.bin");
        let mut bytes =
            &self.postings[u32_at(self.posting_starts, i)..u32_at(self.posting_starts, i + 1)];
        let mut out = Vec::new();
        let mut at = 0usize;
        while !bytes.is_empty() {
            let n = leb128(&mut bytes)?;
            // Occupations in strictly increasing order, each with a kind of text.
            ensure!(
                (n >> 3 > 0 || out.is_empty()) && n & 0b111 != 0,
                "words.bin is damaged (word {id} lists an occupation twice or in no text)"
            );
            at += (n >> 3) as usize;
            ensure!(
                at < self.occupations,
                "words.bin is damaged (word {id} names occupation {at} of {})",
                self.occupations
            );
            out.push((at, Kinds((n & 0b111) as u8)));
        }
        Ok(out)
    }

    /// Calls `each` with every text of the kinds in `kinds` of the occupation at `position`:
    /// its kind, its place among the texts of that kind, and its words' numbers.
    pub fn texts(
        &self,
        position: usize,
        kinds: Kinds,
        mut each: impl FnMut(TextKind, usize, &[u32]),
    ) -> anyhow::Result<()> {
        ensure!(
            position < self.occupations,
            "no occupation {position} in words.bin"
        );
        let mut ids = Vec::new();
        for (k, kind) in KINDS.into_iter().enumerate() {
            if !kinds.has(kind) {
                continue;
            }
            let at = 3 * position + k;
            let mut bytes = &self.texts[u32_at(self.starts, at)..u32_at(self.starts, at + 1)];
            let count = leb128(&mut bytes)?;
            for i in 0..count {
                let len = leb128(&mut bytes)?;
                ids.clear();
                for _ in 0..len {
                    let id = leb128(&mut bytes)?;
                    ensure!(
                        (id as usize) < self.vocabulary,
                        "words.bin is damaged (a word number past its {} words)",
                        self.vocabulary
                    );
                    ids.push(id);
                }
                each(kind, i as usize, &ids);
            }
            ensure!(
                bytes.is_empty(),
                "words.bin is damaged (occupation {position} has bytes left over)"
            );
        }
        Ok(())
    }
}

/// Reads one LEB128 number off the front of `bytes`.
pub(crate) fn leb128(bytes: &mut &[u8]) -> anyhow::Result<u32> {
    let mut value: u32 = 0;
    for shift in (0..35).step_by(7) {
        let Some((&b, rest)) = bytes.split_first() else {
            bail!("words.bin is damaged (it ends inside a number)");
        };
        *bytes = rest;
        let part = u32::from(b & 0x7f);
        ensure!(
            shift < 28 || part < 16,
            "words.bin is damaged (a number over 32 bits)"
        );
        value |= part << shift;
        if b & 0x80 == 0 {
            return Ok(value);
        }
    }
    bail!("words.bin is damaged (a number over 32 bits)")
}

pub(crate) fn push_leb128(out: &mut Vec<u8>, mut n: u32) {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// What [`encode`] makes: the parts of a [`Layout`].
pub struct Encoded {
    pub words: String,
    pub bounds: Vec<u8>,
    pub sorted: Vec<u8>,
    pub texts: Vec<u8>,
    pub starts: Vec<u8>,
    pub postings: Vec<u8>,
    pub posting_starts: Vec<u8>,
}

/// The word index of occupations whose texts of each kind (in [`KINDS`] order) are these.
pub fn encode(occupations: &[[Vec<&str>; 3]]) -> anyhow::Result<Encoded> {
    // Each word numbered as first seen, then renumbered by how often it occurs; texts are held
    // as numbers meanwhile, not as strings.
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut first: Vec<String> = Vec::new();
    let mut counts: Vec<u64> = Vec::new();
    let mut folded: Vec<[Vec<Vec<u32>>; 3]> = Vec::with_capacity(occupations.len());
    for kinds in occupations {
        let mut numbered: [Vec<Vec<u32>>; 3] = Default::default();
        for (texts, out) in kinds.iter().zip(&mut numbered) {
            for text in texts {
                let mut ids = Vec::new();
                for word in crate::model::search_words(text) {
                    let id = if let Some(&id) = seen.get(&word) {
                        id
                    } else {
                        let id = u32::try_from(first.len())
                            .map_err(|_| anyhow::anyhow!("too many distinct words"))?;
                        seen.insert(word.clone(), id);
                        first.push(word);
                        counts.push(0);
                        id
                    };
                    counts[id as usize] += 1;
                    ids.push(id);
                }
                out.push(ids);
            }
        }
        folded.push(numbered);
    }
    let mut by_count: Vec<usize> = (0..first.len()).collect();
    by_count.sort_by(|&a, &b| {
        counts[b]
            .cmp(&counts[a])
            .then_with(|| first[a].cmp(&first[b]))
    });
    let mut renumbered = vec![0u32; first.len()];
    for (id, &was) in by_count.iter().enumerate() {
        renumbered[was] = id as u32;
    }
    for ids in folded.iter_mut().flatten().flatten() {
        for id in ids.iter_mut() {
            *id = renumbered[*id as usize];
        }
    }
    let mut out = Encoded {
        words: String::new(),
        bounds: Vec::new(),
        sorted: Vec::new(),
        texts: Vec::new(),
        starts: Vec::new(),
        postings: Vec::new(),
        posting_starts: Vec::new(),
    };
    for &was in &by_count {
        push_u32(&mut out.bounds, out.words.len())?;
        out.words.push_str(&first[was]);
    }
    push_u32(&mut out.bounds, out.words.len())?;
    let mut alphabetical: Vec<usize> = (0..by_count.len()).collect();
    alphabetical.sort_by_key(|&i| &first[by_count[i]]);
    for i in alphabetical {
        push_u32(&mut out.sorted, i)?;
    }
    let count = |n: usize| u32::try_from(n).map_err(|_| anyhow::anyhow!("too many texts"));
    // Per word, its occupations in order with the kinds of text that hold it.
    let mut lists: Vec<Vec<(usize, u8)>> = vec![Vec::new(); first.len()];
    for (p, kinds) in folded.iter().enumerate() {
        for (k, texts) in kinds.iter().enumerate() {
            push_u32(&mut out.starts, out.texts.len())?;
            for &w in texts.iter().flatten() {
                let list = &mut lists[w as usize];
                match list.last_mut() {
                    Some((q, bits)) if *q == p => *bits |= 1 << k,
                    _ => list.push((p, 1 << k)),
                }
            }
            push_leb128(&mut out.texts, count(texts.len())?);
            for words in texts {
                push_leb128(&mut out.texts, count(words.len())?);
                for &w in words {
                    push_leb128(&mut out.texts, w);
                }
            }
        }
    }
    push_u32(&mut out.starts, out.texts.len())?;
    for list in &lists {
        push_u32(&mut out.posting_starts, out.postings.len())?;
        let mut at = 0;
        for &(p, bits) in list {
            push_leb128(&mut out.postings, count((p - at) << 3 | usize::from(bits))?);
            at = p;
        }
    }
    push_u32(&mut out.posting_starts, out.postings.len())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Opens what `encode` made, as the store opens `words.bin`.
    fn open(e: Encoded, occupations: usize) -> anyhow::Result<WordIndex> {
        let leak = |b: Vec<u8>| -> &'static [u8] { Box::leak(b.into_boxed_slice()) };
        WordIndex::new(
            Layout {
                words: Box::leak(e.words.into_boxed_str()),
                bounds: Bytes(leak(e.bounds)),
                sorted: Bytes(leak(e.sorted)),
                texts: Bytes(leak(e.texts)),
                starts: Bytes(leak(e.starts)),
                postings: Bytes(leak(e.postings)),
                posting_starts: Bytes(leak(e.posting_starts)),
            },
            occupations,
        )
    }

    fn index(occupations: &[[Vec<&str>; 3]]) -> WordIndex {
        open(encode(occupations).unwrap(), occupations.len()).unwrap()
    }

    #[test]
    fn texts_read_back_as_their_folded_words() {
        let ix = index(&[
            [
                vec!["Registered Nurses", "RN"],
                vec!["Python", "Microsoft Excel"],
                vec!["Care for patients; record patients' data."],
            ],
            [vec![], vec!["Data entry software"], vec![]],
        ]);
        // "data" and "patient" come twice, so they are numbered first.
        assert_eq!((ix.word(0), ix.word(1)), ("data", "patient"));
        assert_eq!(ix.id("nurse").map(|id| ix.word(id)), Some("nurse"));
        assert_eq!(ix.id("nurses"), None);
        let mut seen = Vec::new();
        ix.texts(0, Kinds::ALL, |kind, i, ids| {
            let words: Vec<&str> = ids.iter().map(|&id| ix.word(id)).collect();
            seen.push((kind, i, words.join(" ")));
        })
        .unwrap();
        assert_eq!(
            seen,
            [
                (TextKind::Title, 0, "registered nurse".to_owned()),
                (TextKind::Title, 1, "rn".to_owned()),
                (TextKind::Skill, 0, "python".to_owned()),
                (TextKind::Skill, 1, "microsoft excel".to_owned()),
                (
                    TextKind::Task,
                    0,
                    "care for patient record patient data".to_owned()
                ),
            ]
        );
        assert_eq!(ix.ids_where(|w| w.starts_with("pat")), [1]);
        // "data" is in the first occupation's tasks and the second's skills.
        assert_eq!(
            ix.occupations_with(0).unwrap(),
            [(0, Kinds(0b100)), (1, Kinds(0b010))]
        );
        let nurse = ix.id("nurse").unwrap();
        assert_eq!(ix.occupations_with(nurse).unwrap(), [(0, Kinds::TITLES)]);
        let mut titles = 0;
        ix.texts(0, Kinds::TITLES, |kind, _, _| {
            assert_eq!(kind, TextKind::Title);
            titles += 1;
        })
        .unwrap();
        assert_eq!(titles, 2);
        let err = ix.texts(2, Kinds::ALL, |_, _, _| {}).unwrap_err();
        assert_eq!(err.to_string(), "no occupation 2 in words.bin");
    }

    /// The error `WordIndex::new`, or the first read of every word and text, gives for the
    /// index of `e` once `damage` has changed it.
    fn damaged(damage: impl FnOnce(&mut Encoded)) -> String {
        let mut e = encode(&[
            [vec!["Nurse"], vec!["Python"], vec!["Care for patients."]],
            [vec!["Data Nurse"], vec![], vec![]],
        ])
        .unwrap();
        damage(&mut e);
        let opened = open(e, 2);
        let read = |ix: WordIndex| -> anyhow::Result<()> {
            for id in 0..ix.vocabulary() {
                ix.occupations_with(id as u32)?;
            }
            for p in 0..2 {
                ix.texts(p, Kinds::ALL, |_, _, _| {})?;
            }
            Ok(())
        };
        match opened.and_then(read) {
            Ok(()) => "read".to_owned(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn a_damaged_index_is_refused_or_fails_where_it_is_read() {
        assert_eq!(damaged(|_| {}), "read");
        assert_eq!(
            damaged(|e| {
                let n = e.bounds.len();
                e.bounds[n - 4..].copy_from_slice(&9_999u32.to_le_bytes());
            }),
            "its table of words does not match its words"
        );
        assert_eq!(
            damaged(|e| e.sorted[0] = 99),
            "its alphabetical order names words it does not have"
        );
        assert_eq!(
            damaged(|e| e.starts.truncate(8)),
            "its texts do not match the 2 occupations of names.bin"
        );
        assert_eq!(
            damaged(|e| e.posting_starts.truncate(4)),
            "its lists of occupations do not match its words"
        );
        // "nurse" (word 0) is in both occupations; its second step is made 0.
        assert_eq!(
            damaged(|e| e.postings[1] &= 0b111),
            "words.bin is damaged (word 0 lists an occupation twice or in no text)"
        );
        // The first text's first word numbered past the vocabulary.
        assert_eq!(
            damaged(|e| e.texts[2] = 0x7f),
            "words.bin is damaged (a word number past its 6 words)"
        );
        // A text that claims one word fewer leaves a byte over.
        assert_eq!(
            damaged(|e| e.texts[1] = 0),
            "words.bin is damaged (occupation 0 has bytes left over)"
        );
    }

    #[test]
    fn numbers_read_back_and_damage_is_an_error() {
        for n in [0, 1, 127, 128, 16_383, 16_384, u32::MAX] {
            let mut out = Vec::new();
            push_leb128(&mut out, n);
            let mut bytes = out.as_slice();
            assert_eq!(leb128(&mut bytes).unwrap(), n);
            assert!(bytes.is_empty());
        }
        let err = leb128(&mut [0x80u8].as_slice()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "words.bin is damaged (it ends inside a number)"
        );
        let err = leb128(&mut [0xff, 0xff, 0xff, 0xff, 0x7f].as_slice()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "words.bin is damaged (a number over 32 bits)"
        );
    }
}
