//! The technology names of a release as `technology.bin` keeps them: every distinct example
//! ("Autodesk AutoCAD"), commodity title ("Computer aided design CAD software") and vocabulary
//! skill a technology maps onto ("AutoCAD") once, which occupations list each, and which names
//! hold each word, so that `match` finds who lists a technology by looking its first word up
//! instead of reading and splitting every name O*NET lists.
//!
//! Names are numbered examples first, then commodity titles, then skills, each kind in
//! alphabetical order. Words are as `store::find::word_list` splits them (letters, digits,
//! `+` and `#`, lower-cased), in alphabetical order for a binary search. A name's listings are
//! one per occupation that lists it (LEB128): the step from the occupation before, then the
//! place among the occupation's technologies of the first that shows the name, times 4, plus
//! 2 if any that does is hot there and 1 if in demand; for a commodity title or skill, then the
//! number of that first technology's example. The file is stored compressed with zstd and read
//! in place once decompressed. [`TechnologyIndex::new`] checks every table's offsets once; a
//! listing that does not hold is found when it is read.

use std::collections::BTreeMap;

use anyhow::{bail, ensure};
use serde::{Deserialize, Serialize};

use super::names::{Bytes, at, increasing, push, search, u32s};
use super::words::{leb128, push_leb128};

/// `technology.bin` as written and read (once decompressed).
#[derive(Debug, Serialize, Deserialize)]
pub struct Layout<'a> {
    /// How many of the names are examples, and how many commodity titles; the rest are skills.
    pub examples: u32,
    pub commodities: u32,
    /// Every name, one after another, in the order of their numbers.
    #[serde(borrow)]
    pub names: &'a str,
    /// `n + 1` offsets into `names`: where each starts, then the end.
    #[serde(borrow)]
    pub bounds: Bytes<'a>,
    /// Per name, its listings (see the module's documentation).
    #[serde(borrow)]
    pub listings: Bytes<'a>,
    /// `n + 1` offsets into `listings`.
    #[serde(borrow)]
    pub listing_starts: Bytes<'a>,
    /// Every word of the examples and commodity titles, in alphabetical order.
    #[serde(borrow)]
    pub words: &'a str,
    /// `w + 1` offsets into `words`.
    #[serde(borrow)]
    pub word_bounds: Bytes<'a>,
    /// Per word, the numbers of the names that hold it, LEB128 steps from the one before.
    #[serde(borrow)]
    pub postings: Bytes<'a>,
    /// `w + 1` offsets into `postings`.
    #[serde(borrow)]
    pub posting_starts: Bytes<'a>,
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

/// The technology index of a release, read in place.
#[derive(Debug)]
pub struct TechnologyIndex {
    examples: usize,
    commodities: usize,
    names: &'static str,
    bounds: &'static [u8],
    listings: &'static [u8],
    listing_starts: &'static [u8],
    words: &'static str,
    word_bounds: &'static [u8],
    postings: &'static [u8],
    posting_starts: &'static [u8],
    occupations: usize,
}

impl TechnologyIndex {
    /// The index of `layout`, for a release of `occupations` occupations, once its tables are
    /// checked.
    pub fn new(layout: Layout<'static>, occupations: usize) -> anyhow::Result<TechnologyIndex> {
        let Some(count) = (layout.bounds.0.len() / 4).checked_sub(1) else {
            bail!("its table of names is empty");
        };
        let Some(vocabulary) = (layout.word_bounds.0.len() / 4).checked_sub(1) else {
            bail!("its table of words is empty");
        };
        let index = TechnologyIndex {
            examples: layout.examples as usize,
            commodities: layout.commodities as usize,
            names: layout.names,
            bounds: layout.bounds.0,
            listings: layout.listings.0,
            listing_starts: layout.listing_starts.0,
            words: layout.words,
            word_bounds: layout.word_bounds.0,
            postings: layout.postings.0,
            posting_starts: layout.posting_starts.0,
            occupations,
        };
        ensure!(
            index.examples + index.commodities <= count
                && index.bounds.len() == 4 * (count + 1)
                && increasing(index.bounds, index.names.len())
                && u32s(index.bounds).all(|o| index.names.is_char_boundary(o)),
            "its table of names does not match its names"
        );
        ensure!(
            index.listing_starts.len() == 4 * (count + 1)
                && increasing(index.listing_starts, index.listings.len()),
            "its listings do not match its names"
        );
        ensure!(
            index.word_bounds.len() == 4 * (vocabulary + 1)
                && increasing(index.word_bounds, index.words.len())
                && u32s(index.word_bounds).all(|o| index.words.is_char_boundary(o)),
            "its table of words does not match its words"
        );
        ensure!(
            index.posting_starts.len() == 4 * (vocabulary + 1)
                && increasing(index.posting_starts, index.postings.len()),
            "its lists of names do not match its words"
        );
        Ok(index)
    }

    /// How many names it holds.
    pub fn len(&self) -> usize {
        self.bounds.len() / 4 - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The name numbered `id`.
    pub fn name(&self, id: u32) -> &'static str {
        let i = id as usize;
        &self.names[at(self.bounds, i)..at(self.bounds, i + 1)]
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
        let first = self.examples + self.commodities;
        search(self.len() - first, |i| {
            self.name((first + i) as u32).cmp(skill)
        })
        .map(|i| (first + i) as u32)
    }

    /// The number of the example named exactly `example`.
    pub fn example(&self, example: &str) -> Option<u32> {
        search(self.examples, |i| self.name(i as u32).cmp(example)).map(|i| i as u32)
    }

    /// How many occupations list the name numbered `id`.
    pub fn occupations_listing(&self, id: u32) -> anyhow::Result<usize> {
        Ok(self.listings(id)?.len())
    }

    /// The numbers of the examples and commodity titles that hold `word` (lower-cased as
    /// `word_list` makes it), in increasing order.
    pub fn names_with(&self, word: &str) -> anyhow::Result<Vec<u32>> {
        let vocabulary = self.word_bounds.len() / 4 - 1;
        let word_at = |i: usize| &self.words[at(self.word_bounds, i)..at(self.word_bounds, i + 1)];
        let Some(w) = search(vocabulary, |i| word_at(i).cmp(word)) else {
            return Ok(Vec::new());
        };
        let mut bytes = &self.postings[at(self.posting_starts, w)..at(self.posting_starts, w + 1)];
        let mut out = Vec::new();
        let mut id = 0u32;
        while !bytes.is_empty() {
            let step = leb128(&mut bytes)?;
            ensure!(
                step > 0 || out.is_empty(),
                "technology.bin is damaged (word {w} lists a name twice)"
            );
            id = id.saturating_add(step);
            ensure!(
                (id as usize) < self.examples + self.commodities,
                "technology.bin is damaged (word {w} names a name it does not have)"
            );
            out.push(id);
        }
        Ok(out)
    }

    /// How each occupation that lists the name numbered `id` lists it, in order.
    pub fn listings(&self, id: u32) -> anyhow::Result<Vec<Listed>> {
        let i = id as usize;
        ensure!(i < self.len(), "no name {id} in technology.bin");
        let mut bytes = &self.listings[at(self.listing_starts, i)..at(self.listing_starts, i + 1)];
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

/// The words of a name as `match` compares them: runs of letters, digits, `+` and `#`,
/// lower-cased.
pub fn words_of(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split(|c: char| !(c.is_alphanumeric() || c == '+' || c == '#'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
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

/// The bytes of `technology.bin` (before compression) for occupations with these
/// technologies, each in its order.
pub fn encode(occupations: &[Vec<Technology>]) -> anyhow::Result<Vec<u8>> {
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
    let mut name_text = String::new();
    let mut bounds = Vec::new();
    let mut listings = Vec::new();
    let mut listing_starts = Vec::new();
    let mut words: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let searched = examples.len() + commodities.len();
    for (id, (name, list)) in names.iter().zip(&lists).enumerate() {
        push(&mut bounds, name_text.len())?;
        name_text.push_str(name);
        push(&mut listing_starts, listings.len())?;
        let mut before = 0;
        for l in list {
            push_leb128(&mut listings, u32::try_from(l.occupation - before)?);
            before = l.occupation;
            let packed = l.order.checked_mul(4).ok_or_else(|| {
                anyhow::anyhow!("an occupation lists over a billion technologies")
            })? | u32::from(l.hot) << 1
                | u32::from(l.in_demand);
            push_leb128(&mut listings, packed);
            if id >= examples.len() {
                push_leb128(&mut listings, l.example);
            }
        }
        if id < searched {
            for word in words_of(name) {
                let ids = words.entry(word).or_default();
                if ids.last() != Some(&(id as u32)) {
                    ids.push(id as u32);
                }
            }
        }
    }
    push(&mut bounds, name_text.len())?;
    push(&mut listing_starts, listings.len())?;
    let mut word_text = String::new();
    let mut word_bounds = Vec::new();
    let mut postings = Vec::new();
    let mut posting_starts = Vec::new();
    for (word, ids) in &words {
        push(&mut word_bounds, word_text.len())?;
        word_text.push_str(word);
        push(&mut posting_starts, postings.len())?;
        let mut before = 0;
        for &id in ids {
            push_leb128(&mut postings, id - before);
            before = id;
        }
    }
    push(&mut word_bounds, word_text.len())?;
    push(&mut posting_starts, postings.len())?;
    Ok(postcard::to_stdvec(&Layout {
        examples: u32::try_from(examples.len())?,
        commodities: u32::try_from(commodities.len())?,
        names: &name_text,
        bounds: Bytes(&bounds),
        listings: Bytes(&listings),
        listing_starts: Bytes(&listing_starts),
        words: &word_text,
        word_bounds: Bytes(&word_bounds),
        postings: Bytes(&postings),
        posting_starts: Bytes(&posting_starts),
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
        let bytes = encode(&[
            vec![
                tech("Microsoft Excel", Some("Spreadsheet software"), None, true),
                tech("Autodesk AutoCAD", cad, Some("AutoCAD"), false),
                tech("Autodesk Revit", cad, None, true),
            ],
            vec![],
            vec![tech("Autodesk Revit", cad, None, false)],
        ])
        .unwrap();
        let ix = open(bytes, 3).unwrap();
        // Examples, then commodity titles, then skills, each alphabetical.
        let names: Vec<&str> = (0..ix.len() as u32).map(|i| ix.name(i)).collect();
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
        assert_eq!(ix.example("Autodesk Revit"), Some(1));
        assert_eq!(ix.example("AutoCAD"), None);
        assert_eq!(ix.occupations_listing(1).unwrap(), 2);
        assert_eq!(ix.names_with("autodesk").unwrap(), [0, 1]);
        assert_eq!(ix.names_with("cad").unwrap(), [3]);
        assert_eq!(ix.names_with("autocad").unwrap(), [0]);
        assert!(ix.names_with("python").unwrap().is_empty());
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
    fn a_damaged_index_is_refused_or_fails_where_it_is_read() {
        let bytes = encode(&[vec![tech("Python", None, None, false)]]).unwrap();
        let err = open(bytes.clone(), 0).and_then(|ix| ix.listings(0).map(drop));
        assert_eq!(
            err.unwrap_err().to_string(),
            "technology.bin is damaged (name 0 names occupation 0 of 0)"
        );
        let mut layout: Layout = postcard::from_bytes(&bytes).unwrap();
        layout.examples = 5;
        let again = postcard::to_stdvec(&layout).unwrap();
        assert_eq!(
            open(again, 1).unwrap_err().to_string(),
            "its table of names does not match its names"
        );
    }
}
