//! What `careers match` asks of the store: every rated occupation's skills and knowledge as
//! one table with the elements' names, which occupations list each of several technologies
//! (a look-up of the technology index each), and the figures a ranked row shows
//! (its code, pay, job zone and growth).

use serde::Serialize;

use super::find::MedianPay;
use super::projections::OutlookBasis;
use super::wages::WageBasis;
use super::{Entry, Store};
use crate::model::onet::RatingKind;
use crate::model::ratings::{COMPARED, FigureTable};

/// One column of [`RatingColumns`]: a skill or knowledge area as O*NET names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RatedElement {
    pub kind: RatingKind,
    /// "2.B.1.e".
    pub id: String,
    /// "Instructing".
    pub name: String,
}

/// The skills and knowledge ratings of every rated occupation, with what each column is.
#[derive(Debug, Clone, Default)]
pub struct RatingColumns {
    /// The table's columns, in its order.
    pub elements: Vec<RatedElement>,
    pub table: FigureTable,
    /// The release the ratings come from ("29.0").
    pub release: String,
}

impl RatingColumns {
    /// The column of the element of `kind` named exactly `name`, in any case.
    pub fn column(&self, kind: RatingKind, name: &str) -> Option<usize> {
        self.elements
            .iter()
            .position(|e| e.kind == kind && e.name.eq_ignore_ascii_case(name.trim()))
    }
}

/// A technology asked about: its words, and the vocabulary skills O*NET's technology index maps
/// examples onto that count as it (its canonical name and those it covers).
#[derive(Debug, Clone, Default)]
pub struct TechnologyQuery {
    pub words: Vec<String>,
    pub skills: Vec<String>,
}

/// How an occupation lists one technology: the first example that shows it, and whether any
/// that does is hot or in demand there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TechnologyUse {
    pub example: ListedAs,
    pub hot: bool,
    pub in_demand: bool,
}

/// The name a listing shows: a vocabulary skill's, or an O*NET example's, spelled out by
/// [`Store::listed_name`] only for the listings a report shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListedAs {
    Named(String),
    Example(u32),
}

/// The figures a ranked role shows, each from the first of its occupations that has one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RoleOutline {
    /// Its O*NET-SOC code (a curated role's first linked one).
    pub code: Option<String>,
    /// The SOC occupation its pay comes from, else the SOC code of `code`.
    pub soc: Option<String>,
    pub median: Option<MedianPay>,
    pub job_zone: Option<u8>,
    /// BLS's projected change, in percent to a tenth.
    pub growth_percent: Option<f64>,
}

impl Store {
    /// Every rated occupation's skills and knowledge figures and the names of the columns;
    /// `None` when the O*NET release in use has no ratings.
    pub fn rating_columns(&self) -> anyhow::Result<Option<RatingColumns>> {
        let Some(stored) = self.onet() else {
            return Ok(None);
        };
        let Some(release) = stored.ratings_release() else {
            return Ok(None);
        };
        let (header, _) = stored.ratings_header()?;
        let elements = header
            .elements
            .iter()
            .filter(|e| COMPARED.contains(&e.kind))
            .map(|e| RatedElement {
                kind: e.kind,
                id: e.id.clone(),
                name: e.name.clone(),
            })
            .collect();
        Ok(Some(RatingColumns {
            elements,
            table: stored.rating_figures()?,
            release,
        }))
    }

    /// For each query, how each O*NET occupation (by position) lists it: by an example or a
    /// commodity title that holds its words, or a technology the vocabulary maps onto one of
    /// its skills; the first such technology in the occupation's list names the listing. A
    /// look-up of the technology index: the names holding the query's words, then their
    /// listings.
    pub fn technology_uses(
        &self,
        queries: &[TechnologyQuery],
    ) -> anyhow::Result<Vec<Vec<Option<TechnologyUse>>>> {
        let Some(stored) = self.onet_required()? else {
            return Ok(vec![Vec::new(); queries.len()]);
        };
        let occupations = self.onet_len();
        stored.with_technology(|index| {
            let words: Vec<&[String]> = queries.iter().map(|q| &q.words[..]).collect();
            let holding = index.names_holding(&words)?;
            let mut out = Vec::with_capacity(queries.len());
            for (query, mut names) in queries.iter().zip(holding) {
                names.extend(query.skills.iter().filter_map(|s| index.skill(s)));
                // Per occupation, the first technology that shows the query, and the flags of all.
                let mut first: Vec<Option<(u32, u32, bool, bool)>> = vec![None; occupations];
                for id in names {
                    for l in index.listings(id)? {
                        let Some(slot) = first.get_mut(l.occupation) else {
                            continue;
                        };
                        *slot = Some(match *slot {
                            Some((order, example, hot, in_demand)) => {
                                let (order, example) = if l.order < order {
                                    (l.order, l.example)
                                } else {
                                    (order, example)
                                };
                                (order, example, hot | l.hot, in_demand | l.in_demand)
                            }
                            None => (l.order, l.example, l.hot, l.in_demand),
                        });
                    }
                }
                out.push(
                    first
                        .into_iter()
                        .map(|f| {
                            f.map(|(_, example, hot, in_demand)| TechnologyUse {
                                example: ListedAs::Example(example),
                                hot,
                                in_demand,
                            })
                        })
                        .collect(),
                );
            }
            Ok(out)
        })
    }

    /// The name `listed` shows.
    pub fn listed_name(&self, listed: &ListedAs) -> anyhow::Result<String> {
        match listed {
            ListedAs::Named(name) => Ok(name.clone()),
            ListedAs::Example(id) => match self.onet() {
                Some(stored) => stored.with_technology(|index| index.name(*id)),
                None => anyhow::bail!("no O*NET release names example {id}"),
            },
        }
    }

    /// What [`Store::technology_uses`] answers for queries that are all vocabulary skills, from
    /// the occupations' own skill lists (the skills their technologies map onto, with O*NET's
    /// flags), read in place from each index record without making a profile or reading the
    /// technology index: a listing is named by the skill.
    pub fn vocabulary_uses(
        &self,
        queries: &[TechnologyQuery],
    ) -> anyhow::Result<Vec<Vec<Option<TechnologyUse>>>> {
        let occupations = self.onet_len();
        let mut uses = vec![vec![None; occupations]; queries.len()];
        let Some(stored) = self.onet() else {
            return Ok(uses);
        };
        let lists = (0..occupations)
            .map(|p| stored.skill_uses(p))
            .collect::<anyhow::Result<Vec<_>>>()?;
        for (query, slots) in queries.iter().zip(&mut uses) {
            for (slot, list) in slots.iter_mut().zip(&lists) {
                for &(skill, used) in list {
                    if query.skills.iter().any(|s| s == skill) {
                        merge(slot, skill, used.hot, used.in_demand);
                    }
                }
            }
        }
        Ok(uses)
    }

    /// The position among the O*NET occupations of the one whose ratings and technologies stand
    /// for `entry`: its own, or a curated role's first linked code the release has.
    pub fn rated_position(&self, entry: &Entry) -> Option<usize> {
        let first = Store::onet_codes(entry).into_iter().next()?;
        self.onet_position(&first)
    }

    /// The code, pay at `area` (a position among the OEWS areas), job zone and growth of each
    /// of `entries`, in that order.
    pub fn role_outlines(
        &self,
        entries: &[&Entry],
        area: Option<usize>,
    ) -> anyhow::Result<Vec<RoleOutline>> {
        let mut outlines = Vec::with_capacity(entries.len());
        let mut wage_at: Vec<Option<usize>> = Vec::with_capacity(entries.len());
        for entry in entries {
            let code = Store::onet_codes(entry).into_iter().next();
            let job_zone = code
                .as_deref()
                .and_then(|c| self.onet_position(c))
                .and_then(|p| self.onet_entry_at(p).profile.onet.as_ref())
                .and_then(|d| d.job_zone.as_ref())
                .map(|z| z.zone);
            let growth_percent = self
                .outlook_links(entry)
                .0
                .iter()
                .filter(|l| l.basis != OutlookBasis::Group)
                .find_map(|l| l.projection.change_percent)
                .map(|g| f64::from(g) / 10.0);
            let (links, _) = self.wage_links(entry)?;
            let link = links.into_iter().find(|l| l.basis != WageBasis::Aggregate);
            wage_at.push(link.as_ref().map(|l| l.position));
            let soc = link
                .map(|l| l.soc)
                .or_else(|| code.as_deref().map(|c| super::codes::soc_of(c).to_owned()));
            outlines.push(RoleOutline {
                code,
                soc,
                median: None,
                job_zone,
                growth_percent,
            });
        }
        if let Some(area) = area {
            let positions: Vec<usize> = wage_at.iter().flatten().copied().collect();
            let mut medians = self.medians_at(area, &positions)?.into_iter();
            for (outline, at) in outlines.iter_mut().zip(&wage_at) {
                if at.is_some() {
                    outline.median = medians.next().flatten();
                }
            }
        }
        Ok(outlines)
    }
}

/// A technology an occupation lists, with O*NET's signals of how central it is there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CentralTechnology {
    /// The example as O*NET names it ("Epic Systems").
    pub name: String,
    /// O*NET's commodity title, the kind of technology it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commodity: Option<String>,
    /// O*NET's "Hot Technology": frequent in job postings.
    pub hot: bool,
    /// O*NET's "In Demand": frequent in this occupation's job postings.
    pub in_demand: bool,
    /// How many of the occupation's technologies are of its kind (its commodity title).
    pub of_its_kind: usize,
}

/// The technologies one occupation lists that another role lacks, most central first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TechnologyGap {
    /// The O*NET-SOC code of the occupation whose technologies are compared for each role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_code: Option<String>,
    pub to_code: String,
    /// The O*NET release they come from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub release: Option<String>,
    /// How many of TO's technologies FROM has, by the same name or under another name of the
    /// same skill.
    pub shared: usize,
    /// How many technologies TO lists, each named once.
    pub listed: usize,
    /// The rest, in demand first, then hot, then those of the kinds TO lists most of.
    pub to_learn: Vec<CentralTechnology>,
}

impl Store {
    /// A role's linked O*NET-SOC codes, the one that fits it best first: the occupation whose
    /// technologies map onto the most of the role's own technical skills, the one listed first
    /// on a tie (so an O*NET occupation, or a role whose skills none maps onto, keeps its
    /// order), each with how many of the role's skills it lists.
    pub fn codes_by_fit(&self, entry: &Entry) -> Vec<(String, usize)> {
        let codes = Store::onet_codes(entry);
        if codes.len() < 2 || matches!(entry.origin, super::Origin::Onet { .. }) {
            return codes.into_iter().map(|c| (c, 0)).collect();
        }
        let vocabulary = self.vocabulary();
        let wanted: Vec<&str> = entry
            .profile
            .skills
            .iter()
            .map(|s| vocabulary.canonical(&s.name))
            .collect();
        let mut fits: Vec<(String, usize)> = codes
            .into_iter()
            .map(|code| {
                let listed = self.onet_position(&code).map_or(0, |p| {
                    let skills = &self.onet_entry_at(p).profile.skills;
                    wanted
                        .iter()
                        .filter(|w| skills.iter().any(|s| s.name == **w))
                        .count()
                });
                (code, listed)
            })
            .collect();
        // Stable: the first listed stays first among equals.
        fits.sort_by_key(|f| std::cmp::Reverse(f.1));
        fits
    }

    /// The technologies the occupation that fits `to` best lists that `from` lacks: neither its
    /// own occupation nor its profile has them by that name or under another name of the same
    /// vocabulary skill. Ranked in demand first, then hot, then by how many of TO's
    /// technologies are of the same kind (commodity title: the kinds of tool TO's work is made
    /// of before a one-off), then by name.
    /// `None` without O*NET or when TO links no occupation the release has.
    pub fn technology_gap(
        &self,
        from: &Entry,
        to: &Entry,
    ) -> anyhow::Result<Option<TechnologyGap>> {
        let Some(stored) = self.onet() else {
            return Ok(None);
        };
        let fitting = |e: &Entry| {
            self.codes_by_fit(e)
                .into_iter()
                .find_map(|(c, _)| stored.position(&c).map(|p| (c, p)))
        };
        let Some((to_code, to_at)) = fitting(to) else {
            return Ok(None);
        };
        let from_at = fitting(from);
        let theirs = stored.technology_of(to_at)?;
        let ours = match &from_at {
            Some((_, p)) => stored.technology_of(*p)?,
            None => Vec::new(),
        };
        let vocabulary = self.vocabulary();
        let mut skills: Vec<&str> = from
            .profile
            .skills
            .iter()
            .map(|s| vocabulary.canonical(&s.name))
            .collect();
        skills.extend(ours.iter().filter_map(|t| t.skill.as_deref()));
        let has = |t: &crate::model::onet::TechnologySkill| {
            ours.iter()
                .any(|o| o.example.eq_ignore_ascii_case(&t.example))
                || t.skill.as_deref().is_some_and(|s| skills.contains(&s))
                || skills.contains(&vocabulary.canonical(&t.example))
        };
        let mut names: Vec<&str> = theirs.iter().map(|t| t.example.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        let of_kind = |kind: Option<&str>| {
            kind.map_or(0, |k| {
                theirs
                    .iter()
                    .filter(|t| t.commodity.as_deref() == Some(k))
                    .count()
            })
        };
        let mut shared = 0;
        let mut to_learn: Vec<CentralTechnology> = Vec::new();
        for (i, t) in theirs.iter().enumerate() {
            if theirs[..i].iter().any(|o| o.example == t.example) {
                continue;
            }
            if has(t) {
                shared += 1;
                continue;
            }
            to_learn.push(CentralTechnology {
                name: t.example.clone(),
                commodity: t.commodity.clone(),
                hot: t.hot,
                in_demand: t.in_demand,
                of_its_kind: of_kind(t.commodity.as_deref()),
            });
        }
        to_learn.sort_by(|a, b| {
            (b.in_demand, b.hot, b.of_its_kind)
                .cmp(&(a.in_demand, a.hot, a.of_its_kind))
                .then_with(|| a.name.cmp(&b.name))
        });
        Ok(Some(TechnologyGap {
            from_code: from_at.map(|(c, _)| c),
            to_code,
            release: stored.version().map(str::to_owned),
            shared,
            listed: names.len(),
            to_learn,
        }))
    }

    /// The cross-industry annual median at `area` of every OEWS occupation, by its position
    /// ([`Store::wage_position`]): one read of the area's table for any number of look-ups.
    pub fn every_median_at(&self, area: usize) -> anyhow::Result<Vec<Option<MedianPay>>> {
        let Some(stored) = self.wages()? else {
            return Ok(Vec::new());
        };
        let all: Vec<usize> = (0..stored.tables.occupations.len()).collect();
        self.medians_at(area, &all)
    }

    /// The name of the BLS OEWS release in use, as a report's sources name it.
    pub fn wages_source(&self) -> anyhow::Result<Option<super::wages::WagesSource>> {
        Ok(self.wages()?.map(super::wages::WagesSource::of))
    }
}

/// Adds a technology that shows a query to what an occupation's listing of it says.
fn merge(slot: &mut Option<TechnologyUse>, example: &str, hot: bool, in_demand: bool) {
    match slot {
        Some(u) => {
            u.hot |= hot;
            u.in_demand |= in_demand;
        }
        None => {
            *slot = Some(TechnologyUse {
                example: ListedAs::Named(example.to_owned()),
                hot,
                in_demand,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::onet::technology::holds_run;
    use crate::store::find::{holds_words, word_list};

    #[test]
    fn a_run_of_words_is_found_as_find_finds_it() {
        for (name, wanted) in [
            ("Autodesk AutoCAD", "autocad"),
            ("Microsoft SQL Server", "sql server"),
            ("IronPython", "python"),
            ("C++", "c++"),
            ("C", "c++"),
            ("Épic Systems", "épic"),
            ("Epic", ""),
        ] {
            let tokens: Vec<&str> = name
                .split(|c: char| !(c.is_alphanumeric() || c == '+' || c == '#'))
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(
                holds_run(&tokens, &word_list(wanted)),
                holds_words(&word_list(name), &word_list(wanted)),
                "{name} / {wanted}"
            );
        }
    }
}
