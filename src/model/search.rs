//! How `careers search` weighs a role against the text searched for. A code (`15-2051`,
//! `15-2051.00`) finds the occupations it names. Otherwise a title counts most (100), then an
//! alias or O*NET alternate or reported title (40; as much as a title when it is the query),
//! then a skill or technology (20), then tasks (5 each, at most three). Within each, a text that
//! is the query beats the query as a phrase (×3, ×2), which beats all its words in any order
//! (×1); a phrase or words inside a longer title, alias or skill weigh by the share of its words
//! they are (among titles, a bonus). Words compare in the singular ("nurses" is "nurse"). When
//! no role holds every word, a word one or two letters off ("enginer") counts in titles and
//! aliases, a step lower.

use serde::Serialize;

use super::{Profile, fold_word, singular};

const TITLE: u32 = 100;
/// A code search: the occupation a code names exactly, one under it, one a profile links to.
const CODE_EXACT: u32 = 300;
const CODE_UNDER: u32 = 200;
const CODE_LINKED: u32 = 100;
pub(crate) const ALIAS: u32 = 40;
pub(crate) const SKILL: u32 = 20;
const TASK: u32 = 5;
/// Tasks beyond this many add nothing more: a long task list should not outrank a title.
const MAX_TASKS: u32 = 3;
/// Query words beyond this many are ignored.
const MAX_WORDS: usize = 16;

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

/// The text of a code search, `15-2051` or `15-2051.00`, when the query is one.
pub(crate) fn code_query(text: &str) -> Option<String> {
    let t = text.trim();
    let b = t.as_bytes();
    let digits = |r: &[u8]| r.iter().all(u8::is_ascii_digit);
    let soc = b.len() >= 7 && b[2] == b'-' && digits(&b[..2]) && digits(&b[3..7]);
    let suffix = b.len() == 7 || (b.len() == 10 && b[7] == b'.' && digits(&b[8..]));
    (soc && suffix).then(|| t.to_owned())
}

/// How a profile answers a code search: its own code, a code under the query, or one it
/// links to, with that code.
pub(crate) fn by_code(p: &Profile, code: &str) -> Option<(u32, Matched)> {
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
    Some((
        score,
        if own.is_some() {
            Matched::Code { code }
        } else {
            Matched::LinkedCode { code }
        },
    ))
}

/// Whether `word` (lowercase) is `stem` once in the singular.
fn is_word(word: &str, stem: &str) -> bool {
    let (base, y) = singular(word);
    if y {
        stem.len() == base.len() + 1 && stem.starts_with(base) && stem.ends_with('y')
    } else {
        base == stem
    }
}

/// Whether `word` is one or two letters off `stem` (two for words of eight letters or more):
/// "enginer" for "engineer". Short words must be exact. Both are folded as search folds words
/// (lowercase, in the singular): a text's words by [`fold_word`], as the word index holds them.
pub(crate) fn is_near(word: &str, stem: &str) -> bool {
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
pub(crate) struct Query {
    pub(crate) words: Vec<String>,
    /// What every text that holds a word holds as a substring: the word, less a final "y"
    /// (so "secretary" finds "secretaries"). A cheap test before the words are compared.
    probes: Vec<String>,
    /// Whether words one or two letters off count (only for titles and aliases).
    pub(crate) fuzzy: bool,
    /// Reused for the lowercase form of each text, to save an allocation per text.
    lower: std::cell::RefCell<String>,
}

impl Query {
    pub(crate) fn new(text: &str) -> Option<Query> {
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
    pub(crate) fn quality(&self, text: &str, fuzzy: bool) -> u32 {
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
    pub(crate) fn quality_of_ids(&self, ids: &[u32], numbered: &Numbered, fuzzy: bool) -> u32 {
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
            () if best_run == n && count == n => 3,
            () if best_run == n => 2,
            () => u32::from(all),
        };
        if near && quality > 1 {
            quality - 1
        } else {
            quality
        }
    }
}

/// The query's words as numbers of a release's word index: each word's own number, when a
/// text holds it, and the numbers of the words near it (for a fuzzy search).
pub(crate) struct Numbered {
    pub(crate) ids: Vec<Option<u32>>,
    pub(crate) near: Vec<Vec<u32>>,
}

impl Numbered {
    /// The numbers of the query's words, `id` giving a word's, and with a fuzzy query
    /// `words_near` giving those of the words near one.
    pub(crate) fn new(
        query: &Query,
        id: impl Fn(&str) -> Option<u32>,
        words_near: impl Fn(&str) -> Vec<u32>,
    ) -> Numbered {
        Numbered {
            ids: query.words.iter().map(|w| id(w)).collect(),
            near: query
                .words
                .iter()
                .map(|q| {
                    if query.fuzzy {
                        words_near(q)
                    } else {
                        Vec::new()
                    }
                })
                .collect(),
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
    let texts: Vec<&str> = texts.collect();
    let mut top = Best { weight, top: None };
    for (i, t) in texts.iter().enumerate() {
        top.add(query, query.quality(t, fuzzy), || words(t).count(), i);
    }
    top.top.map(|(s, i)| (s, texts[i]))
}

/// The score of a title: its quality, and a bonus for fitting the query ("Data Scientists"
/// fits "data" better than "Clinical Data Managers").
pub(crate) fn title_score(query: &Query, title: &str) -> Option<u32> {
    let (s, _) = best(query, TITLE, std::iter::once(title))?;
    let n = query.words.len() as u32;
    let title_words = (words(title).count() as u32).max(1);
    Some(s + TITLE * n / title_words.max(n))
}

/// What the tasks add: each that holds the query counts, the first [`MAX_TASKS`] by quality.
#[derive(Default)]
pub(crate) struct Tasks {
    hits: u32,
    pub(crate) score: u32,
}

impl Tasks {
    pub(crate) fn add(&mut self, quality: u32) {
        if quality > 0 {
            self.hits += 1;
            if self.hits <= MAX_TASKS {
                self.score += quality * TASK;
            }
        }
    }

    pub(crate) fn matched(&self) -> Option<Matched> {
        (self.hits > 0).then_some(Matched::Tasks { count: self.hits })
    }
}

/// How a bundled or user profile matches: its score and where the words were found, best first.
pub(crate) fn score(p: &Profile, query: &Query) -> Option<(u32, Vec<Matched>)> {
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
    (total > 0).then_some((total, matched))
}

/// The best-scoring text of one kind, by its place among them: the first of the best.
pub(crate) struct Best {
    weight: u32,
    pub(crate) top: Option<(u32, usize)>,
}

impl Best {
    /// None yet, of texts of this weight.
    pub(crate) fn new(weight: u32) -> Best {
        Best { weight, top: None }
    }

    /// Weighs the text at `i`, of this quality and `words` words.
    pub(crate) fn add(
        &mut self,
        query: &Query,
        quality: u32,
        words: impl FnOnce() -> usize,
        i: usize,
    ) {
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
