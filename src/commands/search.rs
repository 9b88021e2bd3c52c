//! `careers search TEXT`: roles ranked by where the words appear. A title counts most, then an
//! alias or O*NET alternate or reported title, then a skill or technology, then tasks. Within
//! each, the whole text equal to the query beats the query as a phrase, which beats all its
//! words in any order; among titles, the one with fewer words besides the query's wins.

use std::collections::HashMap;

use serde::Serialize;

use crate::Context;
use crate::cli::SearchArgs;
use crate::error::CareersError;
use crate::onet::storage::SearchRecord;
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::store::{Entry, Origin};

const TITLE: u32 = 100;
const ALIAS: u32 = 40;
const SKILL: u32 = 20;
const TASK: u32 = 5;
/// Tasks beyond this many add nothing more: a long task list should not outrank a title.
const MAX_TASKS: u32 = 3;
/// Query words beyond this many are ignored.
const MAX_WORDS: usize = 16;

/// One role that matched.
#[derive(Debug, Serialize)]
pub struct SearchHit {
    pub id: String,
    pub title: String,
    pub score: u32,
    /// Where the words were found, best first.
    pub matched: Vec<String>,
    pub origin: Origin,
}

#[derive(Debug, Serialize)]
pub struct SearchReport {
    pub query: String,
    /// How many roles matched, of which `results` holds the best.
    pub total: usize,
    pub results: Vec<SearchHit>,
    /// O*NET's attribution, when a result comes from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

pub fn run(ctx: &Context, args: &SearchArgs) -> anyhow::Result<SearchReport> {
    let query = Query::new(&args.text).ok_or_else(|| {
        CareersError::Usage("search needs at least one letter or digit to look for".into())
    })?;
    let onet = ctx.store.onet_required()?;
    let file = onet.map(|s| s.search_file()).transpose()?;
    let records = match (onet, &file) {
        (Some(s), Some(f)) => Some(s.search_records(f)?),
        _ => None,
    };
    let positions: HashMap<&str, usize> = onet.map(|s| s.positions()).unwrap_or_default();
    let mut hits: Vec<SearchHit> = ctx
        .store
        .entries()
        .iter()
        .filter_map(|e| {
            let extra = match (&e.origin, &e.profile.onet, &records) {
                (Origin::Onet { .. }, Some(d), Some(records)) => {
                    positions.get(d.code.as_str()).map(|&i| &records[i])
                }
                _ => None,
            };
            score(e, extra, &query)
        })
        .collect();
    hits.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
    let total = hits.len();
    hits.truncate(args.limit);
    let attribution = hits
        .iter()
        .any(|h| matches!(h.origin, Origin::Onet { .. }))
        .then(|| onet.map(|s| crate::onet::attribution_of(&s.manifest)))
        .flatten();
    Ok(SearchReport {
        query: args.text.clone(),
        total,
        results: hits,
        attribution,
    })
}

/// The query as lowercase words.
struct Query {
    words: Vec<String>,
    /// Reused for the lowercase form of each text, to save an allocation per text.
    lower: std::cell::RefCell<String>,
}

impl Query {
    fn new(text: &str) -> Option<Query> {
        // More words than this add nothing to a ranking.
        let words = words(&text.to_lowercase())
            .take(MAX_WORDS)
            .map(str::to_owned)
            .collect::<Vec<_>>();
        (!words.is_empty()).then(|| Query {
            words,
            lower: std::cell::RefCell::default(),
        })
    }

    /// 3 when `text` is the query, 2 when it holds the query as a phrase, 1 when it holds every
    /// word of it, 0 otherwise.
    fn quality(&self, text: &str) -> u32 {
        let mut lower = self.lower.borrow_mut();
        lower.clear();
        if text.is_ascii() {
            lower.push_str(text);
            lower.make_ascii_lowercase();
        } else {
            lower.extend(text.chars().flat_map(char::to_lowercase));
        }
        self.quality_of_lowercase(&lower)
    }

    /// [`Query::quality`] of a text already in lowercase.
    fn quality_of_lowercase(&self, lower: &str) -> u32 {
        // Cheap test first: most texts lack one of the words altogether.
        if !self.words.iter().all(|w| lower.contains(w.as_str())) {
            return 0;
        }
        let n = self.words.len();
        let (mut count, mut run, mut best_run) = (0usize, 0usize, 0usize);
        let mut seen = 0u64;
        for w in words(lower) {
            // `run` is how many query words in a row end here.
            run = if self.words.get(run).is_some_and(|q| q == w) {
                run + 1
            } else {
                usize::from(self.words[0] == w)
            };
            best_run = best_run.max(run);
            if run == n {
                run = 0;
            }
            if let Some(i) = self.words.iter().position(|q| q == w) {
                seen |= 1 << i;
            }
            count += 1;
        }
        let all = seen.count_ones() as usize == n;
        match () {
            _ if best_run == n && count == n => 3,
            _ if best_run == n => 2,
            _ => u32::from(all),
        }
    }
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The best-matching text of one kind, with its score.
fn best<'a>(
    query: &Query,
    weight: u32,
    texts: impl Iterator<Item = &'a str>,
) -> Option<(u32, &'a str)> {
    let mut top: Option<(u32, &str)> = None;
    for t in texts {
        let q = query.quality(t);
        if q > 0 && top.is_none_or(|(s, _)| q * weight > s) {
            top = Some((q * weight, t));
            if q == 3 {
                break;
            }
        }
    }
    top
}

fn score(e: &Entry, extra: Option<&SearchRecord>, query: &Query) -> Option<SearchHit> {
    let p = &e.profile;
    let mut total = 0;
    let mut matched = Vec::new();
    if let Some((s, _)) = best(query, TITLE, std::iter::once(p.title.as_str())) {
        // Of two titles that hold the query, the one with fewer other words fits it better.
        let title_words = words(&p.title).count().max(1) as u32;
        total += s + TITLE * query.words.len() as u32 / title_words.max(query.words.len() as u32);
        matched.push("title".to_owned());
    }
    let aliases = p
        .aliases
        .iter()
        .map(String::as_str)
        .chain(extra.into_iter().flat_map(|r| r.titles.iter().copied()));
    if let Some((s, text)) = best(query, ALIAS, aliases) {
        total += s;
        let kind = if p.aliases.iter().any(|a| a == text) {
            "alias"
        } else {
            "alternate title"
        };
        matched.push(format!("{kind} \"{text}\""));
    }
    let skills = p.skills.iter().map(|s| s.name.as_str()).chain(
        extra
            .into_iter()
            .flat_map(|r| r.technology.iter().map(|t| t.example)),
    );
    if let Some((s, text)) = best(query, SKILL, skills) {
        total += s;
        matched.push(format!("skill \"{text}\""));
    }
    // O*NET's tasks are stored in lowercase; the curated responsibilities are folded here.
    let curated = p
        .responsibilities
        .iter()
        .flat_map(|g| g.items.iter())
        .map(|t| query.quality(t));
    let imported = extra
        .into_iter()
        .flat_map(|r| r.tasks.iter())
        .map(|t| query.quality_of_lowercase(t));
    let mut task_hits = 0;
    for q in curated.chain(imported) {
        if q > 0 {
            task_hits += 1;
            if task_hits <= MAX_TASKS {
                total += q * TASK;
            }
        }
    }
    match task_hits {
        0 => {}
        1 => matched.push("1 task".to_owned()),
        n => matched.push(format!("{n} tasks")),
    }
    (total > 0).then(|| SearchHit {
        id: p.id.clone(),
        title: p.title.clone(),
        score: total,
        matched,
        origin: e.origin.clone(),
    })
}

impl Report for SearchReport {
    fn document(&self) -> Document {
        let mut doc = Document::default();
        if self.results.is_empty() {
            doc.paragraph(format!(
                "No role matches \"{}\". Try fewer or shorter words.",
                self.query
            ));
            return doc;
        }
        let mut table = Table::new(["Role", "Loaded from", "Score", "Matched in"]).wide(3);
        for h in &self.results {
            table.row([
                Cell::tone(format!("{}\n{}", h.id, h.title), Tone::Strong),
                Cell::tone(h.origin.describe(), Tone::Muted),
                Cell::new(h.score.to_string()),
                Cell::new(h.matched.join("; ")),
            ]);
        }
        doc.table(table);
        let shown = self.results.len();
        let count = if shown < self.total {
            format!("{shown} of {} roles matching", self.total)
        } else if shown == 1 {
            "1 role matching".to_owned()
        } else {
            format!("{shown} roles matching")
        };
        doc.note(format!(
            "{count} \"{}\", best first. `careers show ROLE` shows one in full.",
            self.query
        ));
        if let Some(a) = &self.attribution {
            doc.note(a.clone());
        }
        doc
    }

    fn records(&self) -> Records {
        // O*NET rows carry its attribution; the column is there only when such a row is.
        let mut headers = vec!["id", "title", "score", "matched", "origin"];
        if self.attribution.is_some() {
            headers.push("attribution");
        }
        let mut records = Records::new(headers);
        for h in &self.results {
            let mut row = vec![
                h.id.clone(),
                h.title.clone(),
                h.score.to_string(),
                h.matched.join("; "),
                h.origin.describe(),
            ];
            if let Some(a) = &self.attribution {
                let onet = matches!(h.origin, Origin::Onet { .. });
                row.push(if onet { a.clone() } else { String::new() });
            }
            records.push(row);
        }
        records
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_beats_phrase_beats_words() {
        let q = Query::new("Machine Learning").unwrap();
        assert_eq!(q.quality("machine learning"), 3);
        assert_eq!(q.quality("Machine Learning Engineer"), 2);
        assert_eq!(q.quality("Learning about machine tools"), 1);
        assert_eq!(q.quality("Machinery learner"), 0);
    }

    #[test]
    fn a_query_without_words_is_none() {
        assert!(Query::new(" -- ").is_none());
    }
}
