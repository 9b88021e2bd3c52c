//! `careers search TEXT`: roles ranked by where the words appear. A code (`15-2051`,
//! `15-2051.00`) finds the occupations it names. Otherwise a title counts most (100), then an
//! alias or O*NET alternate or reported title (40; as much as a title when it is the query),
//! then a skill or technology (20), then tasks (5 each, at most three). Within each, a text that is the query beats the query as a phrase
//! (×3, ×2), which beats all its words in any order (×1); a phrase or words inside a longer
//! title, alias or skill weigh by the share of its words they are (among titles, a bonus). Words compare in the singular ("nurses" is "nurse"). When no role
//! holds every word, a word one or two letters off ("enginer") counts in titles and aliases, a
//! step lower.
//!
//! O*NET's texts are compared through the release's word index: only occupations whose texts
//! hold every word (or a near one) are read, as numbers, and the texts a result quotes are
//! read from the records of the results shown.

use serde::Serialize;

use crate::Context;
use crate::cli::SearchArgs;
use crate::error::CareersError;
use crate::model::{fold_word, singular};
use crate::store::codes::RoleCodes;
use crate::store::words::{Kinds, TextKind, WordIndex};
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
    #[serde(flatten)]
    pub codes: RoleCodes,
    pub score: u32,
    /// Where the words were found, best first.
    pub matched: Vec<Matched>,
    pub origin: Origin,
}

/// A text of a role that the words were found in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "in", rename_all = "kebab-case")]
pub enum Matched {
    Title,
    Alias {
        text: String,
    },
    /// One of O*NET's alternate or reported titles.
    AlternateTitle {
        text: String,
    },
    Skill {
        text: String,
    },
    /// How many of its tasks (responsibilities, for a curated profile) hold the words.
    Tasks {
        count: u32,
    },
    /// The O*NET-SOC code of an occupation.
    Code {
        code: String,
    },
    /// An O*NET-SOC code a curated profile links to.
    LinkedCode {
        code: String,
    },
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

impl crate::model::credits::Credited for SearchReport {
    fn credits(&self) -> crate::model::credits::Credits<'_> {
        crate::model::credits::Credits::none().onet(self.attribution.as_deref())
    }
}

pub fn run(ctx: &Context, args: &SearchArgs) -> anyhow::Result<SearchReport> {
    let text = args.words.join(" ");
    let mut query = Query::new(&text).ok_or_else(|| {
        CareersError::Usage("search needs at least one letter or digit to look for".into())
    })?;
    let onet = ctx.store.onet_required()?;
    // A code is found by the names alone: the search text is read only for words.
    let hits: Vec<SearchHit> = match code_query(&text) {
        Some(code) => ctx
            .store
            .coded(&code)
            .filter_map(|e| by_code(e, &code))
            .collect(),
        None => Vec::new(),
    };
    let index = match (hits.is_empty(), onet) {
        (true, Some(s)) => Some((s, s.word_index()?)),
        _ => None,
    };
    let mut found: Vec<Found> = hits.into_iter().map(Found::Authored).collect();
    // Exactly as typed first; near words only when no role holds every word.
    for fuzzy in [false, true] {
        if !found.is_empty() {
            break;
        }
        query.fuzzy = fuzzy;
        found = ctx
            .store
            .authored()
            .filter_map(|e| score(e, &query))
            .map(Found::Authored)
            .collect();
        if let Some((stored, index)) = &index {
            let numbered = Numbered::new(&query, index);
            let damaged = |e: anyhow::Error| stored.broken(&format!("{e:#}"));
            // Only these may hold every word; the others can match by their own title alone.
            let candidates = candidates(&numbered, index, query.fuzzy).map_err(damaged)?;
            let mut next = candidates.iter().peekable();
            for p in 0..stored.names.len() {
                let kinds = match next.peek() {
                    Some(&&(q, kinds)) if q == p => {
                        next.next();
                        kinds
                    }
                    _ => Kinds::NONE,
                };
                let title = stored.names.get(p).title;
                if let Some(hit) =
                    score_onet(&query, &numbered, index, p, title, kinds).map_err(damaged)?
                {
                    found.push(Found::Onet(hit));
                }
            }
        }
    }
    found.sort_by(|a, b| {
        b.score()
            .cmp(&a.score())
            .then_with(|| a.id(&ctx.store).cmp(b.id(&ctx.store)))
    });
    let total = found.len();
    found.truncate(args.limit);
    let hits = found
        .into_iter()
        .map(|f| match f {
            Found::Authored(h) => Ok(h),
            Found::Onet(h) => onet_hit(ctx, &h),
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let attribution = hits
        .iter()
        .any(|h| matches!(h.origin, Origin::Onet { .. }))
        .then(|| onet.map(|s| s.attribution()))
        .flatten();
    Ok(SearchReport {
        query: text.clone(),
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
    let code = text.to_owned();
    Some(SearchHit {
        id: p.id.clone(),
        title: p.title.clone(),
        codes: e.role_codes(),
        score,
        matched: vec![if own.is_some() {
            Matched::Code { code }
        } else {
            Matched::LinkedCode { code }
        }],
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
/// "enginer" for "engineer". Short words must be exact. Both are folded as search folds words
/// (lowercase, in the singular): a text's words by [`fold_word`], as the word index holds them.
fn is_near(word: &str, stem: &str) -> bool {
    if stem.len() < 5 || word.len().abs_diff(stem.len()) > 2 {
        return false;
    }
    let allowed = if stem.len() >= 8 { 2 } else { 1 };
    // An edit changes how often at most two letters occur, by one each: words whose letter
    // counts differ by more than twice the edits allowed are not near, and most are ruled
    // out so, before the distance is worked out. (Letters 32 apart share a count, which only
    // lowers the difference; other scripts take several bytes a letter, and are not counted.)
    if word.is_ascii() && stem.is_ascii() {
        let mut counts = [0i32; 32];
        for b in word.bytes() {
            counts[usize::from(b & 31)] += 1;
        }
        for b in stem.bytes() {
            counts[usize::from(b & 31)] -= 1;
        }
        let differ: u64 = counts.iter().map(|c| u64::from(c.unsigned_abs())).sum();
        if differ > 2 * allowed as u64 {
            return false;
        }
    }
    strsim::damerau_levenshtein(word, stem) <= allowed
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
        let exact = |w: &str, i: usize| is_word(w, &self.words[i]);
        self.quality_by(words(lower), exact, |w, i| {
            exact(w, i) || (fuzzy && is_near(&fold_word(w), &self.words[i]))
        })
    }

    /// [`Query::quality`] of a text of the word index, by its words' numbers.
    fn quality_of_ids(&self, ids: &[u32], numbered: &Numbered, fuzzy: bool) -> u32 {
        let exact = |w: &u32, i: usize| numbered.ids[i] == Some(*w);
        let close =
            |w: &u32, i: usize| exact(w, i) || (fuzzy && numbered.near[i].binary_search(w).is_ok());
        // Cheap test first: most texts lack one of the words altogether.
        if !(0..self.words.len()).all(|i| ids.iter().any(|w| close(w, i))) {
            return 0;
        }
        self.quality_by(ids.iter(), exact, close)
    }

    /// 3, 2, 1 or 0 as [`Query::quality`] says, for a text's words, `exact(w, i)` when `w` is
    /// the query's word `i` and `close(w, i)` when it is that or near it.
    fn quality_by<W: Copy>(
        &self,
        text: impl Iterator<Item = W>,
        exact: impl Fn(W, usize) -> bool,
        close: impl Fn(W, usize) -> bool,
    ) -> u32 {
        let n = self.words.len();
        let (mut count, mut run, mut best_run) = (0usize, 0usize, 0usize);
        let (mut seen, mut near) = (0u64, false);
        for w in text {
            // `run` is how many query words in a row end here.
            run = if run < n && close(w, run) {
                run + 1
            } else {
                usize::from(close(w, 0))
            };
            best_run = best_run.max(run);
            if run == n {
                run = 0;
            }
            if let Some(i) = (0..n).position(|i| exact(w, i)) {
                seen |= 1 << i;
            } else if let Some(i) = (0..n).position(|i| close(w, i)) {
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

/// The query's words as numbers of a release's word index: each word's own number, when a
/// text holds it, and the numbers of the words near it (for a fuzzy search).
struct Numbered {
    ids: Vec<Option<u32>>,
    near: Vec<Vec<u32>>,
}

impl Numbered {
    fn new(query: &Query, index: &WordIndex) -> Numbered {
        Numbered {
            ids: query.words.iter().map(|w| index.id(w)).collect(),
            near: query
                .words
                .iter()
                .map(|q| match query.fuzzy {
                    true => index.ids_where(|w| is_near(w, q)),
                    false => Vec::new(),
                })
                .collect(),
        }
    }
}

/// The occupations whose texts may hold every word of the query, in order, each with the kinds
/// of text that may: a word's occupations, intersected. Near words (when `fuzzy`) count in
/// titles only.
fn candidates(
    numbered: &Numbered,
    index: &WordIndex,
    fuzzy: bool,
) -> anyhow::Result<Vec<(usize, Kinds)>> {
    let mut all: Option<Vec<(usize, Kinds)>> = None;
    for (id, near) in numbered.ids.iter().zip(&numbered.near) {
        let mut list = Vec::new();
        for &w in id.iter().chain(near.iter().filter(|_| fuzzy)) {
            list.extend(index.occupations_with(w)?);
        }
        if fuzzy {
            list.sort_by_key(|&(p, _)| p);
            let mut merged: Vec<(usize, Kinds)> = Vec::with_capacity(list.len());
            for (p, kinds) in list {
                let kinds = Kinds(kinds.0 & Kinds::TITLES.0);
                match merged.last_mut() {
                    Some((q, k)) if *q == p => k.0 |= kinds.0,
                    _ => merged.push((p, kinds)),
                }
            }
            list = merged;
        }
        all = Some(match all {
            None => list,
            Some(before) => {
                let mut both = Vec::with_capacity(before.len().min(list.len()));
                let (mut a, mut b) = (before.iter().peekable(), list.iter().peekable());
                while let (Some(&&(p, x)), Some(&&(q, y))) = (a.peek(), b.peek()) {
                    match p.cmp(&q) {
                        std::cmp::Ordering::Less => drop(a.next()),
                        std::cmp::Ordering::Greater => drop(b.next()),
                        std::cmp::Ordering::Equal => {
                            both.push((p, Kinds(x.0 & y.0)));
                            a.next();
                            b.next();
                        }
                    }
                }
                both
            }
        });
    }
    let mut all = all.unwrap_or_default();
    all.retain(|(_, kinds)| kinds.0 != 0);
    Ok(all)
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
    let texts: Vec<&str> = texts.collect();
    let mut top = Best { weight, top: None };
    for (i, t) in texts.iter().enumerate() {
        top.add(query, query.quality(t, fuzzy), || words(t).count(), i);
    }
    top.top.map(|(s, i)| (s, texts[i]))
}

/// The score of a title: its quality, and a bonus for fitting the query ("Data Scientists"
/// fits "data" better than "Clinical Data Managers").
fn title_score(query: &Query, title: &str) -> Option<u32> {
    let (s, _) = best(query, TITLE, std::iter::once(title))?;
    let n = query.words.len() as u32;
    let title_words = (words(title).count() as u32).max(1);
    Some(s + TITLE * n / title_words.max(n))
}

/// What the tasks add: each that holds the query counts, the first [`MAX_TASKS`] by quality.
#[derive(Default)]
struct Tasks {
    hits: u32,
    score: u32,
}

impl Tasks {
    fn add(&mut self, quality: u32) {
        if quality > 0 {
            self.hits += 1;
            if self.hits <= MAX_TASKS {
                self.score += quality * TASK;
            }
        }
    }

    fn matched(&self) -> Option<Matched> {
        (self.hits > 0).then_some(Matched::Tasks { count: self.hits })
    }
}

/// How a bundled or user profile matches.
fn score(e: &Entry, query: &Query) -> Option<SearchHit> {
    let p = &e.profile;
    let mut total = 0;
    let mut matched = Vec::new();
    if let Some(s) = title_score(query, &p.title) {
        total += s;
        matched.push(Matched::Title);
    }
    if let Some((s, text)) = best(query, ALIAS, p.aliases.iter().map(String::as_str)) {
        total += s;
        matched.push(Matched::Alias {
            text: text.to_owned(),
        });
    }
    if let Some((s, text)) = best(query, SKILL, p.skills.iter().map(|s| s.name.as_str())) {
        total += s;
        matched.push(Matched::Skill {
            text: text.to_owned(),
        });
    }
    let mut tasks = Tasks::default();
    for t in p.responsibilities.iter().flat_map(|g| g.items.iter()) {
        tasks.add(query.quality(t, false));
    }
    total += tasks.score;
    matched.extend(tasks.matched());
    (total > 0).then(|| SearchHit {
        id: p.id.clone(),
        title: p.title.clone(),
        codes: e.role_codes(),
        score: total,
        matched,
        origin: e.origin.clone(),
    })
}

/// A role found, before the ones shown are written out.
enum Found {
    Authored(SearchHit),
    Onet(OnetHit),
}

impl Found {
    fn score(&self) -> u32 {
        match self {
            Found::Authored(h) => h.score,
            Found::Onet(h) => h.score,
        }
    }

    fn id<'a>(&'a self, store: &'a crate::store::Store) -> &'a str {
        match self {
            Found::Authored(h) => &h.id,
            Found::Onet(h) => store.onet_id_at(h.position),
        }
    }
}

/// How an O*NET occupation matches, by its texts' places in the word index.
struct OnetHit {
    position: usize,
    score: u32,
    title: bool,
    /// The best of its alternate and reported titles, and of its skills and technology.
    alias: Option<usize>,
    skill: Option<usize>,
    tasks: Tasks,
}

/// The best-scoring text of one kind, by its place among them: the first of the best.
struct Best {
    weight: u32,
    top: Option<(u32, usize)>,
}

impl Best {
    /// Weighs the text at `i`, of this quality and `words` words.
    fn add(&mut self, query: &Query, quality: u32, words: impl FnOnce() -> usize, i: usize) {
        if quality == 0 {
            return;
        }
        let n = query.words.len() as u32;
        // A phrase inside a long name says less than one that is most of it: "nurse" in
        // "American Association of Critical Care Nurses AACN Medicopeia" weighs an eighth.
        // Titles have their own bonus for fitting the query (see `title_score`).
        let score = match quality {
            // A name people use that is exactly the query names the occupation as its title
            // would: "Product Manager" is Marketing Managers' alternate title.
            3 if self.weight == ALIAS => quality * TITLE,
            3 => quality * self.weight,
            q if self.weight >= TITLE => q * self.weight,
            q => q * self.weight * n / (words() as u32).max(n),
        };
        if score > 0 && self.top.is_none_or(|(s, _)| score > s) {
            self.top = Some((score, i));
        }
    }
}

/// How the O*NET occupation at `position` matches: its title, then its texts in the word index.
fn score_onet(
    query: &Query,
    numbered: &Numbered,
    index: &WordIndex,
    position: usize,
    title: &str,
    kinds: Kinds,
) -> anyhow::Result<Option<OnetHit>> {
    let own = title_score(query, title);
    let mut aliases = Best {
        weight: ALIAS,
        top: None,
    };
    let mut skills = Best {
        weight: SKILL,
        top: None,
    };
    let mut tasks = Tasks::default();
    if kinds != Kinds::NONE {
        // Near words count in titles only: `candidates` gives no other kind for them.
        let fuzzy = query.fuzzy;
        index.texts(position, kinds, |kind, i, ids| match kind {
            TextKind::Title => {
                aliases.add(
                    query,
                    query.quality_of_ids(ids, numbered, fuzzy),
                    || ids.len(),
                    i,
                );
            }
            TextKind::Skill => {
                skills.add(
                    query,
                    query.quality_of_ids(ids, numbered, false),
                    || ids.len(),
                    i,
                );
            }
            TextKind::Task => tasks.add(query.quality_of_ids(ids, numbered, false)),
        })?;
    }
    let score = own.unwrap_or(0)
        + aliases.top.map_or(0, |(s, _)| s)
        + skills.top.map_or(0, |(s, _)| s)
        + tasks.score;
    Ok((score > 0).then(|| OnetHit {
        position,
        score,
        title: own.is_some(),
        alias: aliases.top.map(|(_, i)| i),
        skill: skills.top.map(|(_, i)| i),
        tasks,
    }))
}

/// A shown O*NET result, with the texts it matched in read from its record.
fn onet_hit(ctx: &Context, hit: &OnetHit) -> anyhow::Result<SearchHit> {
    let entry = ctx.store.onet_entry_at(hit.position);
    let p = &entry.profile;
    let mut matched = Vec::new();
    if hit.title {
        matched.push(Matched::Title);
    }
    if hit.alias.is_some() || hit.skill.is_some() {
        let stored = ctx.store.onet().expect("an O*NET result has its release");
        let (titles, technology) = stored.titles_and_technology(hit.position)?;
        // The skills as the word index numbered them: the index record's, then the technology.
        let skills = match hit.skill {
            Some(_) => stored.index_record(hit.position)?.skills,
            None => Vec::new(),
        };
        let mismatch = || stored.broken("words.bin does not match details.bin and index.bin");
        if let Some(i) = hit.alias {
            let text = titles.get(i).ok_or_else(mismatch)?;
            matched.push(Matched::AlternateTitle { text: text.clone() });
        }
        if let Some(i) = hit.skill {
            let text = match i.checked_sub(skills.len()) {
                None => &skills[i],
                Some(t) => technology.get(t).ok_or_else(mismatch)?,
            };
            matched.push(Matched::Skill {
                text: text.to_owned(),
            });
        }
    }
    matched.extend(hit.tasks.matched());
    Ok(SearchHit {
        id: p.id.clone(),
        title: p.title.clone(),
        codes: entry.role_codes(),
        score: hit.score,
        matched,
        origin: entry.origin.clone(),
    })
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
    fn near_words_are_one_or_two_edits_off_in_any_script() {
        assert!(is_near("engineer", "enginer"));
        // Plurals are folded first: "companies" is "company", one letter off "compny".
        assert!(is_near(&fold_word("companies"), "compny"));
        assert!(is_near("statistician", "statistcian"));
        // A swap of two letters is one edit.
        assert!(is_near("electrician", "elecrtician"));
        assert!(!is_near("electronic", "elecrtician"));
        // Two letters of two bytes each, one swapped for the other: one edit.
        assert!(is_near("médecin", "mèdecin"));
        assert!(!is_near("pédiatre", "mèdecin"));
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
