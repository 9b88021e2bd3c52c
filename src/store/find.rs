//! What `careers find` asks of the store about many occupations at once: the OEWS medians of
//! one area, one skill's or knowledge area's importance in every rated occupation, and which
//! occupations list a technology. Each is one question over the whole release, so that a
//! faster answer (a table of medians per area) can replace how it is read without the command
//! knowing.

use serde::Serialize;

use super::Store;
use crate::error::{CareersError, suggest};
use crate::model::onet::RatingKind;
use crate::model::ratings::COMPARED;
use crate::model::wages::{AreaKind, Unit, Value};
use crate::onet::words::{Kinds, TextKind};

/// A BLS OEWS annual median as `find` filters and ranks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "dollars")]
pub enum MedianPay {
    Dollars(u64),
    /// Top-coded: BLS publishes only that the median is at least this.
    AtLeast(u64),
}

impl MedianPay {
    /// The dollars the figure states (a lower bound when top-coded).
    pub fn dollars(self) -> u64 {
        match self {
            MedianPay::Dollars(d) | MedianPay::AtLeast(d) => d,
        }
    }

    /// The order pay ranks by: by dollars, a top-coded figure above a published one of the
    /// same amount.
    pub fn rank_key(self) -> (u64, bool) {
        (self.dollars(), matches!(self, MedianPay::AtLeast(_)))
    }
}

/// One skill or knowledge area as O*NET's ratings name it, and its importance in each
/// occupation the release rates.
#[derive(Debug, Clone)]
pub struct ElementImportance {
    pub kind: RatingKind,
    /// O*NET's element id and name: "2.B.1.e", "Instructing".
    pub id: String,
    pub name: String,
    /// By position among the O*NET occupations: the importance in hundredths (100-500), when
    /// O*NET rates it and recommends suppressing neither figure; `None` otherwise.
    pub importance: Vec<Option<u16>>,
    /// The release the ratings come from ("29.0").
    pub release: String,
}

impl Store {
    /// The position of the national area among the OEWS areas.
    pub fn national_area(&self) -> anyhow::Result<Option<usize>> {
        Ok(self.wages()?.and_then(|s| {
            s.tables
                .areas
                .iter()
                .position(|a| a.kind == AreaKind::National)
        }))
    }

    /// The cross-industry annual median at `area` (a position among the OEWS areas) of each
    /// OEWS occupation in `occupations` (positions), in that order: `None` where BLS publishes
    /// none (no estimate there, or a `-`), and where a median is top-coded but the release
    /// states no threshold. Read from the per-area table ([`Store::area_medians`]).
    pub fn medians_at(
        &self,
        area: usize,
        occupations: &[usize],
    ) -> anyhow::Result<Vec<Option<MedianPay>>> {
        let Some(stored) = self.wages()? else {
            return Ok(vec![None; occupations.len()]);
        };
        let top = stored
            .top_code(Unit::AnnualDollars)
            .map(|t| t.round() as u64);
        let mut by_position = vec![None; stored.tables.occupations.len()];
        for m in self.area_medians(Some(area))? {
            if let Some(slot) = by_position.get_mut(m.position) {
                *slot = match m.median {
                    Value::Number(n) => Some(MedianPay::Dollars(n)),
                    Value::AtLeast => top.map(MedianPay::AtLeast),
                    _ => None,
                };
            }
        }
        Ok(occupations
            .iter()
            .map(|&p| by_position.get(p).copied().flatten())
            .collect())
    }

    /// The OEWS occupation (a position) whose figures stand for `entry`: its first linked one.
    pub fn wage_position(&self, entry: &super::Entry) -> anyhow::Result<Option<usize>> {
        Ok(self.wage_links(entry)?.0.first().map(|l| l.position))
    }

    /// The skill (or knowledge area) of O*NET's ratings named `name` (any case; a unique start
    /// of a name will do), with its importance in every occupation. `None` when the release in
    /// use has no ratings; an unknown name is an error that lists the names.
    pub fn element_importance(
        &self,
        kind: RatingKind,
        name: &str,
    ) -> anyhow::Result<Option<ElementImportance>> {
        let Some(stored) = self.onet() else {
            return Ok(None);
        };
        let Some(release) = stored.ratings_release() else {
            return Ok(None);
        };
        let (header, _) = stored.ratings_header()?;
        // The elements of the kind, by their place in the header.
        let of_kind: Vec<(usize, &str)> = header
            .elements
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == kind && COMPARED.contains(&e.kind))
            .map(|(i, e)| (i, e.name.as_str()))
            .collect();
        let wanted = name.trim().to_lowercase();
        let exact = of_kind
            .iter()
            .find(|(_, n)| n.to_lowercase() == wanted)
            .copied();
        let starts: Vec<(usize, &str)> = of_kind
            .iter()
            .filter(|(_, n)| n.to_lowercase().starts_with(&wanted))
            .copied()
            .collect();
        let column = match (exact, starts.as_slice()) {
            (Some(found), _) => found.0,
            (None, [one]) => one.0,
            _ => {
                let what = match kind {
                    RatingKind::Skill => "O*NET skill",
                    _ => "O*NET knowledge area",
                };
                let mut known: Vec<String> = of_kind.iter().map(|(_, n)| (*n).to_owned()).collect();
                known.sort();
                let suggestions = if starts.is_empty() {
                    suggest(&wanted, known.iter().map(String::as_str))
                } else {
                    starts.iter().map(|(_, n)| (*n).to_owned()).collect()
                };
                return Err(CareersError::UnknownValue {
                    what,
                    value: name.to_owned(),
                    suggestions,
                    known,
                }
                .into());
            }
        };
        let importance = stored.rating_importance(column)?;
        let element = &header.elements[column];
        Ok(Some(ElementImportance {
            kind,
            id: element.id.clone(),
            name: element.name.clone(),
            importance,
            release,
        }))
    }

    /// Whether each O*NET occupation (by position) lists a technology named by `words`, or a
    /// skill of the vocabulary its technology maps onto: one of those names holds the words in
    /// a row, as whole words in the singular, as search compares them (`python` is Python and
    /// "Python Software Foundation Python", not "IronPython"). Answered from the word index:
    /// only the occupations listing every word are read.
    pub fn technology_listing(&self, words: &str) -> anyhow::Result<Vec<bool>> {
        let Some(stored) = self.onet_required()? else {
            return Ok(Vec::new());
        };
        let mut listing = vec![false; stored.names.len()];
        let index = stored.word_index()?;
        let wanted: Option<Vec<u32>> = crate::model::search_words(words)
            .map(|w| index.id(&w))
            .collect();
        let Some(wanted) = wanted.filter(|w| !w.is_empty()) else {
            return Ok(listing);
        };
        // The occupations with every word in a skill or technology name.
        let mut candidates: Option<Vec<usize>> = None;
        for &id in &wanted {
            let with: Vec<usize> = index
                .occupations_with(id)?
                .into_iter()
                .filter(|(_, kinds)| kinds.has(TextKind::Skill))
                .map(|(p, _)| p)
                .collect();
            candidates = Some(match candidates {
                None => with,
                Some(before) => before
                    .into_iter()
                    .filter(|p| with.binary_search(p).is_ok())
                    .collect(),
            });
        }
        for p in candidates.unwrap_or_default() {
            let mut found = false;
            index.texts(p, SKILLS, |_, _, ids| {
                found |= ids.windows(wanted.len()).any(|w| w == wanted.as_slice());
            })?;
            listing[p] = found;
        }
        // The word index keeps letters and digits alone, so "c++" and "c#" are both "c" there:
        // such a name is checked against the technology names themselves.
        if words.contains(['+', '#']) {
            let exact = word_list(words);
            let file = stored.search_file()?;
            let records = stored.search_records(&file)?;
            for (p, listed) in listing.iter_mut().enumerate() {
                *listed = *listed
                    && records[p]
                        .technology
                        .iter()
                        .any(|t| holds_words(&word_list(t.example), &exact));
            }
        }
        Ok(listing)
    }
}

/// The skill and technology names of the word index.
const SKILLS: Kinds = Kinds(0b010);

/// A technology name's words, lower-cased, with `+` and `#` kept in them (C++, C#, F#).
pub fn word_list(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '+' || c == '#'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `words` holds `wanted` as a run of whole words.
pub fn holds_words(words: &[String], wanted: &[String]) -> bool {
    !wanted.is_empty() && words.windows(wanted.len()).any(|w| w == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_hold_words_as_a_run_of_whole_words() {
        let w = |s: &str| crate::model::search_words(s).collect::<Vec<_>>();
        assert!(holds_words(
            &w("Python Software Foundation Python"),
            &w("python")
        ));
        assert!(!holds_words(&w("IronPython"), &w("python")));
        assert!(holds_words(&w("Microsoft SQL Server"), &w("sql server")));
        assert!(!holds_words(&w("SQL Database Server"), &w("sql server")));
        assert!(holds_words(&w("Registered Nurses"), &w("nurse")));
        let s = |t: &str| word_list(t);
        assert!(holds_words(&s("C++"), &s("c++")));
        assert!(!holds_words(&s("C"), &s("c++")));
        assert!(!holds_words(&s("C#"), &s("c++")));
        assert!(holds_words(&s("Microsoft Visual C#"), &s("C#")));
    }

    #[test]
    fn a_top_coded_median_ranks_above_the_same_published_amount() {
        assert!(MedianPay::AtLeast(239_200).rank_key() > MedianPay::Dollars(239_200).rank_key());
        assert!(MedianPay::Dollars(239_201).rank_key() > MedianPay::AtLeast(239_200).rank_key());
    }
}
