//! `careers search TEXT`: roles ranked by where the words appear. A code (`15-2051`,
//! `15-2051.00`) finds the occupations it names. Otherwise a title counts most (100), then an
//! alias or O*NET alternate or reported title (40), then a skill or technology (20), then tasks
//! (5 each, at most three). Within each, a text that is the query beats the query as a phrase
//! (×3, ×2), which beats all its words in any order (×1); a phrase or words inside a longer
//! title, alias or skill weigh by the share of its words they are (among titles, a bonus). Words compare in the singular ("nurses" is "nurse"). When no role
//! holds every word, a word one or two letters off ("enginer") counts in titles and aliases, a
//! step lower.

use serde::Serialize;

use crate::Context;
use crate::cli::SearchArgs;
use crate::error::CareersError;
use crate::model::singular;
use crate::onet::storage::SearchRecord;
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::store::{Entry, Origin};

const TITLE: u32 = 100;
/// A code search: the occupation a code names exactly, one under it, one a profile links to.
const CODE_EXACT: u32 = 300;
const CODE_UNDER: u32 = 200;
const CODE_LINKED: u32 = 100;
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
    let mut query = Query::new(&args.text).ok_or_else(|| {
        CareersError::Usage("search needs at least one letter or digit to look for".into())
    })?;
    let onet = ctx.store.onet_required()?;
    // A code is found by the names alone: the search text is read only for words.
    let mut hits: Vec<SearchHit> = match code_query(&args.text) {
        Some(code) => ctx
            .store
            .coded(&code)
            .filter_map(|e| by_code(e, &code))
            .collect(),
        None => Vec::new(),
    };
    let file = match hits.is_empty() {
        true => onet.map(|s| s.search_file()).transpose()?,
        false => None,
    };
    let records = match (onet, &file) {
        (Some(s), Some(f)) => Some(s.search_records(f)?),
        _ => None,
    };
    // Exactly as typed first; near misses only when no role holds every word.
    for fuzzy in [false, true] {
        if !hits.is_empty() {
            break;
        }
        query.fuzzy = fuzzy;
        hits = ctx
            .store
            .entries()
            .filter_map(|e| {
                let extra = match (&e.origin, &e.profile.onet, &records) {
                    (Origin::Onet { .. }, Some(d), Some(records)) => {
                        onet.and_then(|s| s.position(&d.code)).map(|i| &records[i])
                    }
                    _ => None,
                };
                score(e, extra, &query)
            })
            .collect();
    }
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

/// The text of a code search, `15-2051` or `15-2051.00`, when the query is one.
fn code_query(text: &str) -> Option<String> {
    let t = text.trim();
    let b = t.as_bytes();
    let digits = |r: &[u8]| r.iter().all(u8::is_ascii_digit);
    let soc = b.len() >= 7 && b[2] == b'-' && digits(&b[..2]) && digits(&b[3..7]);
    let suffix = b.len() == 7 || (b.len() == 10 && b[7] == b'.' && digits(&b[8..]));
    (soc && suffix).then(|| t.to_owned())
}

/// How `e` answers a code search: its own code, a code under the query, or a linked one.
fn by_code(e: &Entry, code: &str) -> Option<SearchHit> {
    let p = &e.profile;
    let own = p.onet.as_ref().map(|o| o.code.as_str());
    let (score, text) = match own {
        Some(c) if c == code || c.strip_suffix(".00") == Some(code) => (CODE_EXACT, c),
        Some(c) if c.starts_with(code) => (CODE_UNDER, c),
        _ => {
            let linked = p.codes.iter().find(|c| c.code.starts_with(code))?;
            (CODE_LINKED, linked.code.as_str())
        }
    };
    let kind = if own.is_some() { "code" } else { "linked code" };
    Some(SearchHit {
        id: p.id.clone(),
        title: p.title.clone(),
        score,
        matched: vec![format!("{kind} {text}")],
        origin: e.origin.clone(),
    })
}

/// Whether `word` (lowercase) is `stem` once in the singular.
fn is_word(word: &str, stem: &str) -> bool {
    let (base, y) = singular(word);
    match y {
        false => base == stem,
        true => stem.len() == base.len() + 1 && stem.starts_with(base) && stem.ends_with('y'),
    }
}

/// Whether `word` is one or two letters off `stem` (two for words of eight letters or more):
/// "enginer" for "engineer". Short words must be exact.
fn is_near(word: &str, stem: &str) -> bool {
    if stem.len() < 5 || word.len().abs_diff(stem.len()) > 2 {
        return false;
    }
    let allowed = if stem.len() >= 8 { 2 } else { 1 };
    let (base, _) = singular(word);
    strsim::damerau_levenshtein(base, stem) <= allowed
}

/// The query as lowercase words in the singular.
struct Query {
    words: Vec<String>,
    /// What every text that holds a word holds as a substring: the word, less a final "y"
    /// (so "secretary" finds "secretaries"). A cheap test before the words are compared.
    probes: Vec<String>,
    /// Whether words one or two letters off count (only for titles and aliases).
    fuzzy: bool,
    /// Reused for the lowercase form of each text, to save an allocation per text.
    lower: std::cell::RefCell<String>,
}

impl Query {
    fn new(text: &str) -> Option<Query> {
        // More words than this add nothing to a ranking.
        let lower = text.to_lowercase();
        let words = words(&lower)
            .take(MAX_WORDS)
            .map(|w| match singular(w) {
                (base, true) => format!("{base}y"),
                (base, false) => base.to_owned(),
            })
            .collect::<Vec<_>>();
        let probes = words
            .iter()
            .map(|w| {
                w.strip_suffix('y')
                    .filter(|s| !s.is_empty())
                    .unwrap_or(w)
                    .to_owned()
            })
            .collect();
        (!words.is_empty()).then(|| Query {
            words,
            probes,
            fuzzy: false,
            lower: std::cell::RefCell::default(),
        })
    }

    /// 3 when `text` is the query, 2 when it holds the query as a phrase, 1 when it holds every
    /// word of it, 0 otherwise; a step lower (but not below 1) when a near word was needed.
    fn quality(&self, text: &str, fuzzy: bool) -> u32 {
        let mut lower = self.lower.borrow_mut();
        lower.clear();
        if text.is_ascii() {
            lower.push_str(text);
            lower.make_ascii_lowercase();
        } else {
            lower.extend(text.chars().flat_map(char::to_lowercase));
        }
        self.quality_of_lowercase(&lower, fuzzy)
    }

    /// [`Query::quality`] of a text already in lowercase, near words counting when `fuzzy`.
    fn quality_of_lowercase(&self, lower: &str, fuzzy: bool) -> u32 {
        // Cheap test first: most texts lack one of the words altogether.
        if !fuzzy && !self.probes.iter().all(|w| lower.contains(w.as_str())) {
            return 0;
        }
        let n = self.words.len();
        let (mut count, mut run, mut best_run) = (0usize, 0usize, 0usize);
        let (mut seen, mut near) = (0u64, false);
        for w in words(lower) {
            let exact = |q: &str| is_word(w, q);
            let close = |q: &str| exact(q) || (fuzzy && is_near(w, q));
            // `run` is how many query words in a row end here.
            run = if self.words.get(run).is_some_and(|q| close(q)) {
                run + 1
            } else {
                usize::from(close(&self.words[0]))
            };
            best_run = best_run.max(run);
            if run == n {
                run = 0;
            }
            if let Some(i) = self.words.iter().position(|q| exact(q)) {
                seen |= 1 << i;
            } else if let Some(i) = self.words.iter().position(|q| close(q)) {
                seen |= 1 << i;
                near = true;
            }
            count += 1;
        }
        let all = seen.count_ones() as usize == n;
        let quality = match () {
            _ if best_run == n && count == n => 3,
            _ if best_run == n => 2,
            _ => u32::from(all),
        };
        match near {
            true if quality > 1 => quality - 1,
            _ => quality,
        }
    }
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The best-matching text of one kind, with its score.
/// Near words count in titles and aliases only, when the query allows them.
fn best<'a>(
    query: &Query,
    weight: u32,
    texts: impl Iterator<Item = &'a str>,
) -> Option<(u32, &'a str)> {
    let fuzzy = query.fuzzy && weight >= ALIAS;
    let n = query.words.len() as u32;
    let mut top: Option<(u32, &str)> = None;
    for t in texts {
        let q = query.quality(t, fuzzy);
        if q == 0 {
            continue;
        }
        // A phrase inside a long name says less than one that is most of it: "nurse" in
        // "American Association of Critical Care Nurses AACN Medicopeia" weighs an eighth.
        // Titles have their own bonus for fitting the query (see `score`).
        let score = match q {
            3 => q * weight,
            _ if weight >= TITLE => q * weight,
            _ => q * weight * n / (words(t).count() as u32).max(n),
        };
        if top.is_none_or(|(s, _)| score > s) {
            top = Some((score, t));
            if q == 3 {
                break;
            }
        }
    }
    top.filter(|(s, _)| *s > 0)
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
        .map(|t| query.quality(t, false));
    // Most occupations' tasks lack a word altogether: one test rules them all out.
    let imported = extra
        .filter(|r| query.probes.iter().all(|w| r.tasks.contains(w.as_str())))
        .into_iter()
        .flat_map(|r| r.tasks.lines())
        .map(|t| query.quality_of_lowercase(t, false));
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
        assert_eq!(q.quality("machine learning", false), 3);
        assert_eq!(q.quality("Machine Learning Engineer", false), 2);
        assert_eq!(q.quality("Learning about machine tools", false), 1);
        assert_eq!(q.quality("Machinery learner", false), 0);
    }

    #[test]
    fn words_compare_in_the_singular() {
        let q = Query::new("nurse").unwrap();
        assert_eq!(q.quality("Registered Nurses", false), 2);
        assert_eq!(q.quality("Nurse", false), 3);
        let q = Query::new("registered nurses").unwrap();
        assert_eq!(q.quality("Registered Nurse", false), 3);
        let q = Query::new("secretary").unwrap();
        assert_eq!(q.quality("Legal Secretaries", false), 2);
        assert_eq!(q.quality("Secretariat staff", false), 0);
    }

    #[test]
    fn near_words_count_a_step_lower_and_only_when_allowed() {
        let q = Query::new("ml enginer").unwrap();
        assert_eq!(q.quality("ML Engineer", false), 0);
        assert_eq!(q.quality("ML Engineer", true), 2);
        assert_eq!(q.quality("ML Engineers and more", true), 1);
        // Short words are never fuzzy: "ml" is not "mb".
        assert_eq!(q.quality("MB Engineer", true), 0);
    }

    #[test]
    fn codes_are_recognised_with_or_without_their_suffix() {
        assert_eq!(code_query(" 15-2051 ").as_deref(), Some("15-2051"));
        assert_eq!(code_query("15-2051.00").as_deref(), Some("15-2051.00"));
        for text in ["15-205", "15-2051.0", "data 15-2051", "1a-2051"] {
            assert_eq!(code_query(text), None, "{text}");
        }
    }

    #[test]
    fn a_query_without_words_is_none() {
        assert!(Query::new(" -- ").is_none());
    }
}
