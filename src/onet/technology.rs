//! The technology names of a release as `technology.bin` keeps them: every distinct example
//! ("Autodesk AutoCAD"), commodity title ("Computer aided design CAD software") and vocabulary
//! skill a technology maps onto ("AutoCAD") once, and which occupations list each, so that
//! `match` finds who lists a technology from the few names that hold its words, without
//! reading every name.
//!
//! Names are numbered examples first, then commodity titles, then skills, each kind in
//! alphabetical order. The examples and commodity titles (the names a technology's words are
//! looked for in) are kept as their words:
//!
//! - the tokens: every distinct word as written (a run of letters, digits, `+` and `#`),
//!   ordered by its lower-cased form, then as written, so that the tokens of one word in any
//!   case are neighbours; stored in chunks of [`TOKENS_PER_CHUNK`], each ended by a newline and
//!   compressed with zstd on its own, beside the lower-cased first token of each chunk, read in
//!   place, which a word is found among by binary search;
//! - the sequences: per name, its tokens' numbers as little-endian `u16`s, each times 2 plus 1
//!   for the name's last (a name without a word has the one number [`NO_WORD`]), one zstd
//!   frame;
//! - the separators: the text between a name's tokens wherever it is not the usual (nothing
//!   before the first token and after the last, a space between), as LEB128 numbers (the step
//!   from the name of the one before, the place: 0 before the first token, `k` after the
//!   `k`th, and the length) then the text, one zstd frame read only to spell a name out.
//!
//! A name's words as a run is then a run of token numbers, each within its word's range; the
//! skills (a few dozen) are stored as they are, each ended by a newline.
//!
//! A name's listings are one per occupation that lists it (LEB128): the step from the
//! occupation before, then the place among the occupation's technologies of the first that
//! shows the name, times 4, plus 2 if any that does is hot there and 1 if in demand; for a
//! commodity title or skill, then the number of that first technology's example. Each name's
//! are stored after their length in bytes, in chunks of [`NAMES_PER_CHUNK`] names compressed
//! with zstd each, so that a look-up decompresses only the chunks of the names it reads.
//! Chunks are read when first asked for, and what does not hold is found then.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

use anyhow::ensure;
use serde::{Deserialize, Serialize};

use super::names::{Bytes, search};
use super::words::{leb128, push_leb128};

/// How many tokens each compressed chunk of tokens holds (the last may hold fewer).
pub const TOKENS_PER_CHUNK: usize = 128;

/// How many names' listings each compressed chunk of listings holds (the last may hold fewer).
pub const NAMES_PER_CHUNK: usize = 64;

/// The token number a name without a word is stored with.
pub const NO_WORD: u16 = u16::MAX;

/// The most a chunk or frame may decompress to.
const MAX_FRAME: u64 = 64 * 1024 * 1024;

/// `technology.bin` as written and read, in place.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Layout<'a> {
    /// How many of the names are examples, and how many commodity titles; the rest are skills.
    pub examples: u32,
    pub commodities: u32,
    /// How many distinct tokens the examples and commodity titles hold.
    pub tokens: u32,
    /// The skills, each ended by a newline, in the order of their numbers.
    #[serde(borrow)]
    pub skills: &'a str,
    /// The lower-cased first token of each chunk of tokens, each ended by a newline.
    #[serde(borrow)]
    pub heads: &'a str,
    /// The compressed length of each chunk of tokens (LEB128), then the chunks.
    #[serde(borrow)]
    pub token_lengths: Bytes<'a>,
    #[serde(borrow)]
    pub token_chunks: Bytes<'a>,
    /// The sequences of the examples and commodity titles (one zstd frame).
    #[serde(borrow)]
    pub sequences: Bytes<'a>,
    /// The separators that are not the usual (one zstd frame).
    #[serde(borrow)]
    pub separators: Bytes<'a>,
    /// The compressed length of each chunk of listings (LEB128), then the chunks.
    #[serde(borrow)]
    pub listing_lengths: Bytes<'a>,
    #[serde(borrow)]
    pub listing_chunks: Bytes<'a>,
}

/// What kind of name a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Example,
    Commodity,
    Skill,
}

/// How one occupation lists a name: where among its technologies the first that shows it
/// is, that technology's example, and whether any that shows it is hot or in demand there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listed {
    pub occupation: usize,
    pub order: u32,
    pub example: u32,
    pub hot: bool,
    pub in_demand: bool,
}

/// One chunk of tokens, decompressed: its text and where each token starts, then the end.
#[derive(Debug)]
struct TokenChunk {
    text: String,
    bounds: Vec<u32>,
}

impl TokenChunk {
    fn get(&self, i: usize) -> &str {
        &self.text[self.bounds[i] as usize..self.bounds[i + 1] as usize - 1]
    }

    fn len(&self) -> usize {
        self.bounds.len() - 1
    }
}

/// The sequences, decompressed: every token number with its flag (little-endian `u16`s), and
/// where each name's start, then the end.
#[derive(Debug)]
struct Sequences {
    bytes: Vec<u8>,
    starts: Vec<u32>,
}

impl Sequences {
    /// The `i`th number.
    fn entry(&self, i: usize) -> u16 {
        u16::from_le_bytes([self.bytes[2 * i], self.bytes[2 * i + 1]])
    }
}

/// One chunk of listings, decompressed: its bytes and each name's span in them.
#[derive(Debug)]
struct ListingChunk {
    bytes: Vec<u8>,
    spans: Vec<(u32, u32)>,
}

/// The technology index of a release, read in place; its compressed parts are decompressed
/// when first read.
#[derive(Debug)]
pub struct TechnologyIndex {
    examples: usize,
    commodities: usize,
    tokens: usize,
    skills: Vec<&'static str>,
    heads: Vec<&'static str>,
    token_frames: Vec<&'static [u8]>,
    token_chunks: Vec<OnceLock<TokenChunk>>,
    sequence_frame: &'static [u8],
    sequences: OnceLock<Sequences>,
    separator_frame: &'static [u8],
    /// Per name with a separator that is not the usual, in order: (name, place, text).
    separators: OnceLock<Vec<(u32, u32, String)>>,
    listing_frames: Vec<&'static [u8]>,
    listing_chunks: Vec<OnceLock<ListingChunk>>,
    occupations: usize,
}

/// `frames` cut by the compressed lengths in `lengths`, which must take all of it.
fn frames(lengths: &[u8], frames: &'static [u8], what: &str) -> anyhow::Result<Vec<&'static [u8]>> {
    let mut lengths = lengths;
    let mut rest = frames;
    let mut out = Vec::new();
    while !lengths.is_empty() {
        let len = leb128(&mut lengths)? as usize;
        ensure!(len <= rest.len(), "its {what} end early");
        let (frame, tail) = rest.split_at(len);
        out.push(frame);
        rest = tail;
    }
    ensure!(rest.is_empty(), "its {what} do not match their lengths");
    Ok(out)
}

/// A frame decompressed, checked against the size its header gives.
fn decompress(frame: &[u8], what: &str) -> anyhow::Result<Vec<u8>> {
    let damaged = || anyhow::anyhow!("technology.bin is damaged (its {what} cannot be read)");
    let size = zstd::zstd_safe::get_frame_content_size(frame)
        .ok()
        .flatten()
        .filter(|&s| s <= MAX_FRAME)
        .ok_or_else(damaged)?;
    let bytes = zstd::bulk::decompress(frame, usize::try_from(size)?).map_err(|_| damaged())?;
    ensure!(bytes.len() as u64 == size, damaged());
    Ok(bytes)
}

/// A value kept once made: what `cell` holds, else `make`'s, kept.
fn kept<T>(cell: &OnceLock<T>, make: impl FnOnce() -> anyhow::Result<T>) -> anyhow::Result<&T> {
    if let Some(v) = cell.get() {
        return Ok(v);
    }
    let v = make()?;
    Ok(cell.get_or_init(|| v))
}

/// The lines of `text`, each ended by a newline.
fn lines(text: &'static str, what: &str) -> anyhow::Result<Vec<&'static str>> {
    ensure!(
        text.is_empty() || text.ends_with('\n'),
        "its {what} do not end with a newline"
    );
    Ok(text.split_terminator('\n').collect())
}

/// How `text` compares with `word` once lower-cased as a token's words are.
fn lower_cmp(text: &str, word: &str) -> std::cmp::Ordering {
    text.chars().flat_map(char::to_lowercase).cmp(word.chars())
}

impl TechnologyIndex {
    /// The index of `layout`, for a release of `occupations` occupations, once its tables are
    /// checked against each other.
    pub fn new(layout: Layout<'static>, occupations: usize) -> anyhow::Result<TechnologyIndex> {
        let skills = lines(layout.skills, "skills")?;
        let heads = lines(layout.heads, "tokens")?;
        let tokens = layout.tokens as usize;
        let token_frames = frames(layout.token_lengths.0, layout.token_chunks.0, "tokens")?;
        ensure!(
            token_frames.len() == tokens.div_ceil(TOKENS_PER_CHUNK)
                && heads.len() == token_frames.len()
                && tokens < usize::from(NO_WORD / 2),
            "its table of tokens does not match its tokens"
        );
        let searched = layout.examples as usize + layout.commodities as usize;
        let listing_frames = frames(
            layout.listing_lengths.0,
            layout.listing_chunks.0,
            "listings",
        )?;
        ensure!(
            listing_frames.len() == (searched + skills.len()).div_ceil(NAMES_PER_CHUNK),
            "its listings do not match its names"
        );
        Ok(TechnologyIndex {
            examples: layout.examples as usize,
            commodities: layout.commodities as usize,
            tokens,
            skills,
            heads,
            token_chunks: token_frames.iter().map(|_| OnceLock::new()).collect(),
            token_frames,
            sequence_frame: layout.sequences.0,
            sequences: OnceLock::new(),
            separator_frame: layout.separators.0,
            separators: OnceLock::new(),
            listing_chunks: listing_frames.iter().map(|_| OnceLock::new()).collect(),
            listing_frames,
            occupations,
        })
    }

    /// How many names it holds.
    pub fn len(&self) -> usize {
        self.examples + self.commodities + self.skills.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many of the names are examples and commodity titles, which a technology's words are
    /// looked for in: the numbers below this.
    pub fn searched(&self) -> u32 {
        (self.examples + self.commodities) as u32
    }

    /// What kind of name `id` is.
    pub fn kind(&self, id: u32) -> NameKind {
        let i = id as usize;
        if i < self.examples {
            NameKind::Example
        } else if i < self.examples + self.commodities {
            NameKind::Commodity
        } else {
            NameKind::Skill
        }
    }

    /// The number of the vocabulary skill named exactly `skill`, when a technology maps onto it.
    pub fn skill(&self, skill: &str) -> Option<u32> {
        search(self.skills.len(), |i| self.skills[i].cmp(skill)).map(|i| self.searched() + i as u32)
    }

    /// The chunk of tokens numbered `c`, decompressed the first time.
    fn token_chunk(&self, c: usize) -> anyhow::Result<&TokenChunk> {
        kept(&self.token_chunks[c], || {
            let bytes = decompress(self.token_frames[c], "tokens")?;
            let text = String::from_utf8(bytes).map_err(|_| {
                anyhow::anyhow!("technology.bin is damaged (its tokens are not text)")
            })?;
            let mut bounds = Vec::with_capacity(TOKENS_PER_CHUNK + 1);
            bounds.push(0);
            for (at, _) in text.match_indices('\n') {
                bounds.push(u32::try_from(at + 1)?);
            }
            let expected = (self.tokens - c * TOKENS_PER_CHUNK).min(TOKENS_PER_CHUNK);
            ensure!(
                bounds.len() == expected + 1 && text.ends_with('\n'),
                "technology.bin is damaged (a chunk of its tokens holds {} of {expected})",
                bounds.len() - 1
            );
            Ok(TokenChunk { text, bounds })
        })
    }

    /// The token numbered `t`, as written.
    fn token(&self, t: usize) -> anyhow::Result<&str> {
        ensure!(t < self.tokens, "technology.bin is damaged (no token {t})");
        Ok(self
            .token_chunk(t / TOKENS_PER_CHUNK)?
            .get(t % TOKENS_PER_CHUNK))
    }

    /// The numbers of the tokens that are `word` (lower-cased) in any case.
    fn tokens_of(&self, word: &str) -> anyhow::Result<Range<u32>> {
        // The chunks whose first token is `word`, and the one before the first of them.
        let first = self.heads.partition_point(|h| *h < word);
        let mut found: Option<Range<u32>> = None;
        for c in first.saturating_sub(1)..self.heads.len() {
            if c >= first && self.heads[c] != word {
                break;
            }
            let chunk = self.token_chunk(c)?;
            for i in 0..chunk.len() {
                if lower_cmp(chunk.get(i), word).is_eq() {
                    let t = (c * TOKENS_PER_CHUNK + i) as u32;
                    found = Some(found.map_or(t..t + 1, |r| r.start..t + 1));
                }
            }
        }
        Ok(found.unwrap_or(0..0))
    }

    /// The sequences, decompressed and cut into names the first time; a token number out of
    /// range is found when it is read.
    fn sequences(&self) -> anyhow::Result<&Sequences> {
        kept(&self.sequences, || {
            let bytes = decompress(self.sequence_frame, "sequences")?;
            ensure!(
                bytes.len() % 2 == 0 && bytes.len() / 2 < u32::MAX as usize,
                "technology.bin is damaged (its sequences end inside a number)"
            );
            let searched = self.searched() as usize;
            let mut starts = Vec::with_capacity(searched + 1);
            starts.push(0);
            for (at, pair) in bytes.chunks_exact(2).enumerate() {
                if pair[0] & 1 == 1 {
                    starts.push(at as u32 + 1);
                }
            }
            ensure!(
                starts.len() == searched + 1 && starts[searched] as usize == bytes.len() / 2,
                "technology.bin is damaged (its sequences hold {} names of {searched})",
                starts.len() - 1
            );
            Ok(Sequences { bytes, starts })
        })
    }

    /// The separators that are not the usual, decompressed the first time.
    fn separators(&self) -> anyhow::Result<&[(u32, u32, String)]> {
        kept(&self.separators, || {
            let bytes = decompress(self.separator_frame, "separators")?;
            let mut rest = &bytes[..];
            let mut out = Vec::new();
            let mut name = 0u32;
            while !rest.is_empty() {
                name = name.checked_add(leb128(&mut rest)?).ok_or_else(|| {
                    anyhow::anyhow!("technology.bin is damaged (a separator's name)")
                })?;
                let place = leb128(&mut rest)?;
                let len = leb128(&mut rest)? as usize;
                ensure!(
                    len <= rest.len(),
                    "technology.bin is damaged (its separators end early)"
                );
                let text = std::str::from_utf8(&rest[..len]).map_err(|_| {
                    anyhow::anyhow!("technology.bin is damaged (a separator is not text)")
                })?;
                out.push((name, place, text.to_owned()));
                rest = &rest[len..];
            }
            Ok(out)
        })
        .map(Vec::as_slice)
    }

    /// The name numbered `id`, spelled out.
    pub fn name(&self, id: u32) -> anyhow::Result<String> {
        let i = id as usize;
        ensure!(i < self.len(), "no name {id} in technology.bin");
        if i >= self.searched() as usize {
            return Ok(self.skills[i - self.searched() as usize].to_owned());
        }
        let sequences = self.sequences()?;
        let entries: Vec<u16> = (sequences.starts[i] as usize..sequences.starts[i + 1] as usize)
            .map(|at| sequences.entry(at))
            .collect();
        let separators = self.separators()?;
        let from = separators.partition_point(|s| s.0 < id);
        let own = separators[from..]
            .iter()
            .take_while(|s| s.0 == id)
            .map(|s| (s.1, s.2.as_str()))
            .collect::<Vec<_>>();
        let separator = |place: u32, usual: &'static str| {
            own.iter().find(|s| s.0 == place).map_or(usual, |s| s.1)
        };
        let mut name = String::new();
        name.push_str(separator(0, ""));
        if entries != [NO_WORD] {
            for (k, &e) in entries.iter().enumerate() {
                name.push_str(self.token(usize::from(e / 2))?);
                let last = k + 1 == entries.len();
                name.push_str(separator(k as u32 + 1, if last { "" } else { " " }));
            }
        }
        Ok(name)
    }

    /// The chunk of listings numbered `c`, decompressed and cut the first time.
    fn listing_chunk(&self, c: usize) -> anyhow::Result<&ListingChunk> {
        kept(&self.listing_chunks[c], || {
            let bytes = decompress(self.listing_frames[c], "listings")?;
            let names = (self.len() - c * NAMES_PER_CHUNK).min(NAMES_PER_CHUNK);
            let mut spans = Vec::with_capacity(names);
            let mut rest = &bytes[..];
            for _ in 0..names {
                let len = leb128(&mut rest)? as usize;
                ensure!(
                    len <= rest.len(),
                    "technology.bin is damaged (its listings do not match its names)"
                );
                let start = bytes.len() - rest.len();
                spans.push((u32::try_from(start)?, u32::try_from(start + len)?));
                rest = &rest[len..];
            }
            ensure!(
                rest.is_empty(),
                "technology.bin is damaged (its listings do not match its names)"
            );
            Ok(ListingChunk { bytes, spans })
        })
    }

    /// How many occupations list the name numbered `id`.
    pub fn occupations_listing(&self, id: u32) -> anyhow::Result<usize> {
        Ok(self.listings(id)?.len())
    }

    /// How each occupation that lists the name numbered `id` lists it, in order.
    pub fn listings(&self, id: u32) -> anyhow::Result<Vec<Listed>> {
        let i = id as usize;
        ensure!(i < self.len(), "no name {id} in technology.bin");
        let chunk = self.listing_chunk(i / NAMES_PER_CHUNK)?;
        let (start, end) = chunk.spans[i % NAMES_PER_CHUNK];
        let mut bytes = &chunk.bytes[start as usize..end as usize];
        let mut out: Vec<Listed> = Vec::new();
        let mut occupation = 0usize;
        while !bytes.is_empty() {
            let step = leb128(&mut bytes)? as usize;
            ensure!(
                step > 0 || out.is_empty(),
                "technology.bin is damaged (name {id} lists an occupation twice)"
            );
            occupation += step;
            ensure!(
                occupation < self.occupations,
                "technology.bin is damaged (name {id} names occupation {occupation} of {})",
                self.occupations
            );
            let packed = leb128(&mut bytes)?;
            let example = match self.kind(id) {
                NameKind::Example => id,
                _ => leb128(&mut bytes)?,
            };
            ensure!(
                (example as usize) < self.examples,
                "technology.bin is damaged (name {id} names example {example})"
            );
            out.push(Listed {
                occupation,
                order: packed >> 2,
                example,
                hot: packed & 2 != 0,
                in_demand: packed & 1 != 0,
            });
        }
        Ok(out)
    }
}

/// Whether `tokens` (a name's words as written) hold `wanted` (lower-cased words) as a run of
/// whole words, in any case: `store::find::holds_words` without lower-casing every name first.
pub fn holds_run(tokens: &[&str], wanted: &[String]) -> bool {
    let same = |token: &str, word: &String| {
        if token.is_ascii() {
            token.eq_ignore_ascii_case(word)
        } else {
            token.chars().flat_map(char::to_lowercase).eq(word.chars())
        }
    };
    !wanted.is_empty()
        && tokens
            .windows(wanted.len())
            .any(|run| run.iter().zip(wanted).all(|(t, w)| same(t, w)))
}

/// The words of a name as written: runs of letters, digits, `+` and `#`.
fn tokens(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| !(c.is_alphanumeric() || c == '+' || c == '#'))
        .filter(|w| !w.is_empty())
}

impl TechnologyIndex {
    /// For each of `queries` (lower-cased words, as `word_list` makes them), the numbers of the
    /// examples and commodity titles that hold its words as a run of whole words, in any case,
    /// in increasing order: [`holds_run`] over the names' token numbers, a token being a
    /// query's word when its number is within the word's range of tokens.
    pub fn names_holding(&self, queries: &[&[String]]) -> anyhow::Result<Vec<Vec<u32>>> {
        let mut ranges: Vec<Option<Vec<Range<u32>>>> = Vec::with_capacity(queries.len());
        for wanted in queries {
            let mut words = Vec::with_capacity(wanted.len());
            for word in *wanted {
                let range = self.tokens_of(word)?;
                if range.is_empty() {
                    break;
                }
                words.push(range);
            }
            ranges.push((!wanted.is_empty() && words.len() == wanted.len()).then_some(words));
        }
        let mut out: Vec<Vec<u32>> = vec![Vec::new(); queries.len()];
        if ranges.iter().all(Option::is_none) {
            return Ok(out);
        }
        let sequences = self.sequences()?;
        // Whether a stored number (a token's, with its flag) is of the first word of any query:
        // most are of none.
        let mut first = vec![false; usize::from(u16::MAX) + 1];
        for words in ranges.iter().flatten() {
            for t in words[0].clone() {
                first[2 * t as usize] = true;
                first[2 * t as usize + 1] = true;
            }
        }
        let entries = &sequences.bytes;
        let count = entries.len() / 2;
        let mut id = 0u32;
        for (at, pair) in entries.chunks_exact(2).enumerate() {
            let e = u16::from_le_bytes([pair[0], pair[1]]);
            if first[usize::from(e)] {
                let t = u32::from(e / 2);
                for (words, found) in ranges.iter().zip(&mut out) {
                    let Some(words) = words else { continue };
                    if found.last() == Some(&id) || !words[0].contains(&t) {
                        continue;
                    }
                    // The rest of the run, within the name.
                    let mut end = e & 1 == 1;
                    let holds = words[1..].iter().enumerate().all(|(k, range)| {
                        if end || at + 1 + k >= count {
                            return false;
                        }
                        let next = sequences.entry(at + 1 + k);
                        end = next & 1 == 1;
                        range.contains(&u32::from(next / 2))
                    });
                    if holds {
                        found.push(id);
                    }
                }
            }
            id += u32::from(e & 1);
        }
        Ok(out)
    }
}

/// One technology of an occupation, as the index is made from.
#[derive(Debug, Clone, Copy)]
pub struct Technology<'a> {
    pub example: &'a str,
    pub commodity: Option<&'a str>,
    pub skill: Option<&'a str>,
    pub hot: bool,
    pub in_demand: bool,
}

/// The bytes of `technology.bin` for occupations with these technologies, each in its order,
/// its parts compressed with zstd at `level`.
pub fn encode(occupations: &[Vec<Technology>], level: i32) -> anyhow::Result<Vec<u8>> {
    let mut examples: BTreeMap<&str, u32> = BTreeMap::new();
    let mut commodities: BTreeMap<&str, u32> = BTreeMap::new();
    let mut skills: BTreeMap<&str, u32> = BTreeMap::new();
    for t in occupations.iter().flatten() {
        examples.insert(t.example, 0);
        if let Some(c) = t.commodity {
            commodities.insert(c, 0);
        }
        if let Some(s) = t.skill {
            skills.insert(s, 0);
        }
    }
    let mut names: Vec<&str> = Vec::new();
    for map in [&mut examples, &mut commodities, &mut skills] {
        for (name, id) in map.iter_mut() {
            *id = u32::try_from(names.len())?;
            names.push(name);
        }
    }
    // Per name, per occupation: the first technology that shows it, its example, the flags.
    let mut lists: Vec<Vec<Listed>> = vec![Vec::new(); names.len()];
    for (occupation, technologies) in occupations.iter().enumerate() {
        for (order, t) in technologies.iter().enumerate() {
            let example = examples[t.example];
            let ids = [
                Some(example),
                t.commodity.map(|c| commodities[c]),
                t.skill.map(|s| skills[s]),
            ];
            for id in ids.into_iter().flatten() {
                let list = &mut lists[id as usize];
                match list.last_mut() {
                    Some(l) if l.occupation == occupation => {
                        l.hot |= t.hot;
                        l.in_demand |= t.in_demand;
                    }
                    _ => list.push(Listed {
                        occupation,
                        order: u32::try_from(order)?,
                        example,
                        hot: t.hot,
                        in_demand: t.in_demand,
                    }),
                }
            }
        }
    }
    let searched = examples.len() + commodities.len();
    for name in &names {
        ensure!(
            !name.contains('\n'),
            "a technology name holds a line break: {name:?}"
        );
    }

    // The tokens, by their lower-cased form, then as written.
    let lower = |t: &str| -> String { t.chars().flat_map(char::to_lowercase).collect() };
    let mut all: Vec<(String, &str)> = names[..searched]
        .iter()
        .flat_map(|n| tokens(n))
        .map(|t| (lower(t), t))
        .collect();
    all.sort_unstable();
    all.dedup();
    ensure!(
        all.len() < usize::from(NO_WORD / 2),
        "the technology names hold over {} distinct words",
        NO_WORD / 2
    );
    let number: std::collections::HashMap<&str, u16> = all
        .iter()
        .enumerate()
        .map(|(i, (_, t))| (*t, i as u16))
        .collect();
    let mut heads = String::new();
    let mut token_lengths = Vec::new();
    let mut token_chunks = Vec::new();
    for chunk in all.chunks(TOKENS_PER_CHUNK) {
        heads.push_str(&chunk[0].0);
        heads.push('\n');
        let mut text = String::new();
        for (_, t) in chunk {
            text.push_str(t);
            text.push('\n');
        }
        let frame = zstd::bulk::compress(text.as_bytes(), level)?;
        push_leb128(&mut token_lengths, u32::try_from(frame.len())?);
        token_chunks.extend_from_slice(&frame);
    }

    // Each searched name as its tokens' numbers, and the separators that are not the usual.
    let mut sequences: Vec<u8> = Vec::new();
    let mut separators: Vec<u8> = Vec::new();
    let mut last_named = 0u32;
    for (id, name) in names[..searched].iter().enumerate() {
        let id = u32::try_from(id)?;
        let mut unusual = |place: u32, text: &str| -> anyhow::Result<()> {
            push_leb128(&mut separators, id - last_named);
            last_named = id;
            push_leb128(&mut separators, place);
            push_leb128(&mut separators, u32::try_from(text.len())?);
            separators.extend_from_slice(text.as_bytes());
            Ok(())
        };
        let words: Vec<&str> = tokens(name).collect();
        if words.is_empty() {
            sequences.extend_from_slice(&NO_WORD.to_le_bytes());
            if !name.is_empty() {
                unusual(0, name)?;
            }
            continue;
        }
        // The text before each token and after the last.
        let mut rest: &str = name;
        let mut between: Vec<&str> = Vec::with_capacity(words.len() + 1);
        for w in &words {
            let at = rest.find(w).unwrap_or(0);
            between.push(&rest[..at]);
            rest = &rest[at + w.len()..];
        }
        between.push(rest);
        for (place, text) in between.iter().enumerate() {
            let usual = if place == 0 || place == words.len() {
                ""
            } else {
                " "
            };
            if *text != usual {
                unusual(u32::try_from(place)?, text)?;
            }
        }
        for (k, w) in words.iter().enumerate() {
            let last = u16::from(k + 1 == words.len());
            sequences.extend_from_slice(&(number[w] * 2 + last).to_le_bytes());
        }
    }

    let mut skill_text = String::new();
    for name in &names[searched..] {
        skill_text.push_str(name);
        skill_text.push('\n');
    }
    let mut listing_lengths = Vec::new();
    let mut listing_chunks = Vec::new();
    let mut listed = Vec::new();
    let mut chunk = Vec::new();
    for (first, lists) in lists.chunks(NAMES_PER_CHUNK).enumerate() {
        chunk.clear();
        for (k, list) in lists.iter().enumerate() {
            let id = first * NAMES_PER_CHUNK + k;
            listed.clear();
            let mut before = 0;
            for l in list {
                push_leb128(&mut listed, u32::try_from(l.occupation - before)?);
                before = l.occupation;
                let packed = l.order.checked_mul(4).ok_or_else(|| {
                    anyhow::anyhow!("an occupation lists over a billion technologies")
                })? | u32::from(l.hot) << 1
                    | u32::from(l.in_demand);
                push_leb128(&mut listed, packed);
                if id >= examples.len() {
                    push_leb128(&mut listed, l.example);
                }
            }
            push_leb128(&mut chunk, u32::try_from(listed.len())?);
            chunk.extend_from_slice(&listed);
        }
        let frame = zstd::bulk::compress(&chunk, level)?;
        push_leb128(&mut listing_lengths, u32::try_from(frame.len())?);
        listing_chunks.extend_from_slice(&frame);
    }
    Ok(postcard::to_stdvec(&Layout {
        examples: u32::try_from(examples.len())?,
        commodities: u32::try_from(commodities.len())?,
        tokens: u32::try_from(all.len())?,
        skills: &skill_text,
        heads: &heads,
        token_lengths: Bytes(&token_lengths),
        token_chunks: Bytes(&token_chunks),
        sequences: Bytes(&zstd::bulk::compress(&sequences, level)?),
        separators: Bytes(&zstd::bulk::compress(&separators, level)?),
        listing_lengths: Bytes(&listing_lengths),
        listing_chunks: Bytes(&listing_chunks),
    })?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tech<'a>(
        example: &'a str,
        commodity: Option<&'a str>,
        skill: Option<&'a str>,
        hot: bool,
    ) -> Technology<'a> {
        Technology {
            example,
            commodity,
            skill,
            hot,
            in_demand: false,
        }
    }

    fn open(bytes: Vec<u8>, occupations: usize) -> anyhow::Result<TechnologyIndex> {
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        TechnologyIndex::new(postcard::from_bytes(bytes)?, occupations)
    }

    #[test]
    fn a_word_finds_the_names_and_a_name_its_occupations() {
        let cad = Some("Computer aided design CAD software");
        let bytes = encode(
            &[
                vec![
                    tech("Microsoft Excel", Some("Spreadsheet software"), None, true),
                    tech("Autodesk AutoCAD", cad, Some("AutoCAD"), false),
                    tech("Autodesk Revit", cad, None, true),
                ],
                vec![],
                vec![tech("Autodesk Revit", cad, None, false)],
            ],
            19,
        )
        .unwrap();
        let ix = open(bytes, 3).unwrap();
        // Examples, then commodity titles, then skills, each alphabetical.
        let names: Vec<String> = (0..ix.len() as u32).map(|i| ix.name(i).unwrap()).collect();
        assert_eq!(
            names,
            [
                "Autodesk AutoCAD",
                "Autodesk Revit",
                "Microsoft Excel",
                "Computer aided design CAD software",
                "Spreadsheet software",
                "AutoCAD"
            ]
        );
        assert_eq!(ix.kind(3), NameKind::Commodity);
        assert_eq!(ix.skill("AutoCAD"), Some(5));
        assert_eq!(ix.skill("Excel"), None);
        assert_eq!(ix.occupations_listing(1).unwrap(), 2);
        let words = |text: &str| -> Vec<String> { text.split(' ').map(str::to_owned).collect() };
        let (autodesk, cad, autocad, python, aided) = (
            words("autodesk"),
            words("cad"),
            words("autocad"),
            words("python"),
            words("computer aided design"),
        );
        assert_eq!(
            ix.names_holding(&[&autodesk, &cad, &autocad, &python, &aided])
                .unwrap(),
            [vec![0, 1], vec![3], vec![0], vec![], vec![3]]
        );
        let listed = |occupation, order, example, hot| Listed {
            occupation,
            order,
            example,
            hot,
            in_demand: false,
        };
        // The commodity's first technology in each occupation, hot if any of them is.
        assert_eq!(
            ix.listings(3).unwrap(),
            [listed(0, 1, 0, true), listed(2, 0, 1, false)]
        );
        assert_eq!(ix.listings(5).unwrap(), [listed(0, 1, 0, false)]);
        assert_eq!(
            ix.listings(1).unwrap(),
            [listed(0, 2, 1, true), listed(2, 0, 1, false)]
        );
        assert_eq!(
            ix.listings(6).unwrap_err().to_string(),
            "no name 6 in technology.bin"
        );
    }

    #[test]
    fn names_are_spelled_out_as_written_and_found_in_any_case() {
        let names = [
            "Microsoft Visual Studio .NET",
            "C++",
            "Épic  Systems / EHR-Suite",
            "---",
            "IronPython",
            "SQL Server (Microsoft) 2019 ",
            "microsoft SQL server",
        ];
        let technologies: Vec<Technology> =
            names.iter().map(|n| tech(n, None, None, false)).collect();
        let ix = open(encode(&[technologies], 19).unwrap(), 1).unwrap();
        let mut sorted = names.to_vec();
        sorted.sort_unstable();
        let spelled: Vec<String> = (0..ix.len() as u32).map(|i| ix.name(i).unwrap()).collect();
        assert_eq!(spelled, sorted);
        let find = |text: &str| {
            let wanted = crate::store::find::word_list(text);
            let found = ix.names_holding(&[&wanted]).unwrap().remove(0);
            found
                .iter()
                .map(|&i| spelled[i as usize].as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            find("sql server"),
            ["SQL Server (Microsoft) 2019 ", "microsoft SQL server"]
        );
        assert_eq!(
            find("microsoft"),
            [
                "Microsoft Visual Studio .NET",
                "SQL Server (Microsoft) 2019 ",
                "microsoft SQL server"
            ]
        );
        assert_eq!(find("python"), Vec::<&str>::new());
        assert_eq!(find("ÉPIC systems"), ["Épic  Systems / EHR-Suite"]);
        assert_eq!(find("c++"), ["C++"]);
        assert_eq!(find("server microsoft"), ["SQL Server (Microsoft) 2019 "]);
        assert_eq!(find("net"), ["Microsoft Visual Studio .NET"]);
    }

    #[test]
    fn the_tokens_of_a_word_are_found_across_chunks() {
        // More tokens than a chunk holds, the same word in several cases across a boundary.
        let mut names: Vec<String> = (0..TOKENS_PER_CHUNK - 2)
            .map(|i| format!("Tool{i:04}"))
            .collect();
        names.extend(["zeta", "Zeta", "ZETA", "ZeTa", "zetas"].map(str::to_owned));
        let technologies: Vec<Technology> =
            names.iter().map(|n| tech(n, None, None, false)).collect();
        let ix = open(encode(&[technologies], 3).unwrap(), 1).unwrap();
        let zeta = vec!["zeta".to_owned()];
        let found = ix.names_holding(&[&zeta]).unwrap().remove(0);
        let spelled: Vec<String> = found.iter().map(|&i| ix.name(i).unwrap()).collect();
        assert_eq!(spelled, ["ZETA", "ZeTa", "Zeta", "zeta"]);
    }

    #[test]
    fn a_damaged_index_is_refused_or_fails_where_it_is_read() {
        let bytes = encode(&[vec![tech("Python", None, None, false)]], 19).unwrap();
        let err = open(bytes.clone(), 0).and_then(|ix| ix.listings(0).map(drop));
        assert_eq!(
            err.unwrap_err().to_string(),
            "technology.bin is damaged (name 0 names occupation 0 of 0)"
        );
        let mut layout: Layout = postcard::from_bytes(&bytes).unwrap();
        layout.listing_chunks = Bytes(&layout.listing_chunks.0[1..]);
        let again = postcard::to_stdvec(&layout).unwrap();
        assert_eq!(
            open(again, 1).unwrap_err().to_string(),
            "its listings end early"
        );
        let mut layout: Layout = postcard::from_bytes(&bytes).unwrap();
        layout.examples = 100;
        let again = postcard::to_stdvec(&layout).unwrap();
        assert_eq!(
            open(again, 1).unwrap_err().to_string(),
            "its listings do not match its names"
        );
        let mut layout: Layout = postcard::from_bytes(&bytes).unwrap();
        layout.tokens = 300;
        let again = postcard::to_stdvec(&layout).unwrap();
        assert_eq!(
            open(again, 1).unwrap_err().to_string(),
            "its table of tokens does not match its tokens"
        );
        // A chunk that is not zstd, or one that says it holds more than it does.
        let layout: Layout = postcard::from_bytes(&bytes).unwrap();
        let garbage = vec![7u8; layout.sequences.0.len()];
        let broken = Layout {
            sequences: Bytes(&garbage),
            ..layout
        };
        let ix = open(postcard::to_stdvec(&broken).unwrap(), 1).unwrap();
        let python = vec!["python".to_owned()];
        assert_eq!(
            ix.names_holding(&[&python]).unwrap_err().to_string(),
            "technology.bin is damaged (its sequences cannot be read)"
        );
        assert_eq!(
            ix.name(0).unwrap_err().to_string(),
            "technology.bin is damaged (its sequences cannot be read)"
        );
        let two = zstd::bulk::compress(&[9, 0], 3).unwrap();
        let broken = Layout {
            sequences: Bytes(&two),
            ..layout
        };
        let ix = open(postcard::to_stdvec(&broken).unwrap(), 1).unwrap();
        // A token out of range holds no word, and is found when the name is spelled out.
        assert_eq!(ix.names_holding(&[&python]).unwrap(), [Vec::<u32>::new()]);
        assert_eq!(
            ix.name(0).unwrap_err().to_string(),
            "technology.bin is damaged (no token 4)"
        );
        let odd = zstd::bulk::compress(&[1, 0, 1], 3).unwrap();
        let broken = Layout {
            sequences: Bytes(&odd),
            ..layout
        };
        let ix = open(postcard::to_stdvec(&broken).unwrap(), 1).unwrap();
        assert_eq!(
            ix.names_holding(&[&python]).unwrap_err().to_string(),
            "technology.bin is damaged (its sequences end inside a number)"
        );
        let twice = zstd::bulk::compress(&[1, 0, 1, 0], 3).unwrap();
        let broken = Layout {
            sequences: Bytes(&twice),
            ..layout
        };
        let ix = open(postcard::to_stdvec(&broken).unwrap(), 1).unwrap();
        assert_eq!(
            ix.names_holding(&[&python]).unwrap_err().to_string(),
            "technology.bin is damaged (its sequences hold 2 names of 1)"
        );
    }
}
