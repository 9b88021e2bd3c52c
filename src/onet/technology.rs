//! The technology names of a release as `technology.bin` keeps them: every distinct example
//! ("Autodesk AutoCAD"), commodity title ("Computer aided design CAD software") and vocabulary
//! skill a technology maps onto ("AutoCAD") once, and which occupations list each, so that
//! `match` finds who lists a technology from one list of names instead of every occupation's
//! technologies.
//!
//! Names are numbered examples first, then commodity titles, then skills, each kind in
//! alphabetical order, and stored one after another, each ended by a newline. A name's
//! listings are one per occupation that lists it (LEB128): the step from the occupation
//! before, then the place among the occupation's technologies of the first that shows the
//! name, times 4, plus 2 if any that does is hot there and 1 if in demand; for a commodity
//! title or skill, then the number of that first technology's example. They are stored per
//! name in order, each name's after their length in bytes. The file is stored compressed with
//! zstd and read in place once decompressed; [`TechnologyIndex::new`] finds where each name and
//! each name's listings start (no table of offsets is stored: it would take a tenth of the
//! file), and a listing that does not hold is found when it is read.

use std::collections::BTreeMap;

use anyhow::ensure;
use serde::{Deserialize, Serialize};

use super::names::{Bytes, search};
use super::words::{leb128, push_leb128};

/// `technology.bin` as written and read (once decompressed).
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Layout<'a> {
    /// How many of the names are examples, and how many commodity titles; the rest are skills.
    pub examples: u32,
    pub commodities: u32,
    /// Every name, each ended by a newline, in the order of their numbers.
    #[serde(borrow)]
    pub names: &'a str,
    /// Per name, the length of its listings, then its listings (see the module's
    /// documentation).
    #[serde(borrow)]
    pub listings: Bytes<'a>,
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
    /// Where each name starts in `names`, then the end.
    bounds: Vec<u32>,
    listings: &'static [u8],
    /// Where each name's listings start in `listings` and end.
    listing_spans: Vec<(u32, u32)>,
    occupations: usize,
}

impl TechnologyIndex {
    /// The index of `layout`, for a release of `occupations` occupations, once where each name
    /// and each name's listings start is found.
    pub fn new(layout: Layout<'static>, occupations: usize) -> anyhow::Result<TechnologyIndex> {
        let names = layout.names;
        ensure!(
            names.is_empty() || names.ends_with('\n'),
            "its names do not end with a newline"
        );
        let mut bounds = Vec::with_capacity(names.len() / 16);
        bounds.push(0);
        for (at, _) in names.match_indices('\n') {
            bounds.push(u32::try_from(at + 1)?);
        }
        let count = bounds.len() - 1;
        ensure!(
            layout.examples as usize + layout.commodities as usize <= count,
            "its table of names does not match its names"
        );
        let mut listing_spans = Vec::with_capacity(count);
        let mut rest = layout.listings.0;
        let total = rest.len();
        for _ in 0..count {
            let len = leb128(&mut rest)? as usize;
            ensure!(len <= rest.len(), "its listings do not match its names");
            let start = total - rest.len();
            listing_spans.push((u32::try_from(start)?, u32::try_from(start + len)?));
            rest = &rest[len..];
        }
        ensure!(rest.is_empty(), "its listings do not match its names");
        Ok(TechnologyIndex {
            examples: layout.examples as usize,
            commodities: layout.commodities as usize,
            names,
            bounds,
            listings: layout.listings.0,
            listing_spans,
            occupations,
        })
    }

    /// How many names it holds.
    pub fn len(&self) -> usize {
        self.bounds.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many of the names are examples and commodity titles, which a technology's words are
    /// looked for in: the numbers below this.
    pub fn searched(&self) -> u32 {
        (self.examples + self.commodities) as u32
    }

    /// The name numbered `id`.
    pub fn name(&self, id: u32) -> &'static str {
        let i = id as usize;
        &self.names[self.bounds[i] as usize..self.bounds[i + 1] as usize - 1]
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

    /// How each occupation that lists the name numbered `id` lists it, in order.
    pub fn listings(&self, id: u32) -> anyhow::Result<Vec<Listed>> {
        let i = id as usize;
        ensure!(i < self.len(), "no name {id} in technology.bin");
        let (start, end) = self.listing_spans[i];
        let mut bytes = &self.listings[start as usize..end as usize];
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
    /// in increasing order. An ASCII name can hold a query only where its first word is found
    /// in the names lower-cased (one search of them all for each query); the few names that are
    /// not ASCII are split into words and compared each.
    pub fn names_holding(&self, queries: &[&[String]]) -> Vec<Vec<u32>> {
        let searched = self.searched() as usize;
        let end = self.bounds[searched] as usize;
        let lower = self.names[..end].to_ascii_lowercase();
        let other: Vec<u32> = (0..self.searched())
            .filter(|&id| !self.name(id).is_ascii())
            .collect();
        let mut words: Vec<&str> = Vec::new();
        queries
            .iter()
            .map(|wanted| {
                let Some(first) = wanted.first() else {
                    return Vec::new();
                };
                let mut candidates: Vec<u32> = lower
                    .match_indices(first.as_str())
                    .map(|(at, _)| (self.bounds.partition_point(|&b| b as usize <= at) - 1) as u32)
                    .collect();
                candidates.extend(&other);
                candidates.sort_unstable();
                candidates.dedup();
                candidates
                    .into_iter()
                    .filter(|&id| {
                        words.clear();
                        words.extend(tokens(self.name(id)));
                        holds_run(&words, wanted)
                    })
                    .collect()
            })
            .collect()
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
    let mut listings = Vec::new();
    let mut listed = Vec::new();
    for (id, (name, list)) in names.iter().zip(&lists).enumerate() {
        anyhow::ensure!(
            !name.contains('\n'),
            "a technology name holds a line break: {name:?}"
        );
        name_text.push_str(name);
        name_text.push('\n');
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
        push_leb128(&mut listings, u32::try_from(listed.len())?);
        listings.extend_from_slice(&listed);
    }
    Ok(postcard::to_stdvec(&Layout {
        examples: u32::try_from(examples.len())?,
        commodities: u32::try_from(commodities.len())?,
        names: &name_text,
        listings: Bytes(&listings),
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
        let words = |text: &str| -> Vec<String> { text.split(' ').map(str::to_owned).collect() };
        let (autodesk, cad, autocad, python, aided) = (
            words("autodesk"),
            words("cad"),
            words("autocad"),
            words("python"),
            words("computer aided design"),
        );
        assert_eq!(
            ix.names_holding(&[&autodesk, &cad, &autocad, &python, &aided]),
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
    fn a_damaged_index_is_refused_or_fails_where_it_is_read() {
        let bytes = encode(&[vec![tech("Python", None, None, false)]]).unwrap();
        let err = open(bytes.clone(), 0).and_then(|ix| ix.listings(0).map(drop));
        assert_eq!(
            err.unwrap_err().to_string(),
            "technology.bin is damaged (name 0 names occupation 0 of 0)"
        );
        let mut layout: Layout = postcard::from_bytes(&bytes).unwrap();
        layout.listings = Bytes(&layout.listings.0[1..]);
        let again = postcard::to_stdvec(&layout).unwrap();
        assert_eq!(
            open(again, 1).unwrap_err().to_string(),
            "its listings do not match its names"
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
