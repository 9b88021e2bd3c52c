//! `careers search TEXT`: roles ranked by where the words appear, as
//! [`crate::model::search`] weighs them.
//!
//! O*NET's texts are compared through the release's word index: only occupations whose texts
//! hold every word (or a near one) are read, as numbers, and the texts a result quotes are
//! read from the records of the results shown.

use serde::Serialize;

use crate::Context;
use crate::cli::SearchArgs;
use crate::error::CareersError;
use crate::model::search::{
    ALIAS, Best, Numbered, Query, SKILL, Tasks, by_code, code_query, is_near, score, title_score,
};
use crate::store::codes::RoleCodes;
use crate::store::words::{Kinds, TextKind, WordIndex};
use crate::store::{Entry, Origin};

pub use crate::model::search::Matched;

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
            .filter_map(|e| by_code(&e.profile, &code).map(|(s, m)| hit(e, s, vec![m])))
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
            .filter_map(|e| score(&e.profile, &query).map(|(s, m)| hit(e, s, m)))
            .map(Found::Authored)
            .collect();
        if let Some((stored, index)) = &index {
            let numbered = Numbered::new(
                &query,
                |w| index.id(w),
                |q| index.ids_where(|w| is_near(w, q)),
            );
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

/// A role found, with its score and where the words were found.
fn hit(e: &Entry, score: u32, matched: Vec<Matched>) -> SearchHit {
    SearchHit {
        id: e.profile.id.clone(),
        title: e.profile.title.clone(),
        codes: e.role_codes(),
        score,
        matched,
        origin: e.origin.clone(),
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
    let mut aliases = Best::new(ALIAS);
    let mut skills = Best::new(SKILL);
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
