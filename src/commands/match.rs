//! `careers match --skills a,b,c [--from ROLE] [--city PLACE] [--top N]`: every role ranked by
//! how well it uses what you name, one rule for curated roles and O*NET occupations alike.
//!
//! An input is read as the first of these it names: an O*NET skill or knowledge area (exactly,
//! any case), a skill of the vocabulary (name or alias), the unique start of an O*NET skill or
//! knowledge area (`english`), a technology any O*NET occupation or profile lists (by whole
//! words of an example or a commodity title: `autocad` is "Autodesk AutoCAD", `computer aided
//! design` every example filed under "Computer aided design CAD software"). A name none of these knows is reported with the
//! nearest names and left out; when nothing is left the command fails as `list --skill` does.
//!
//! Each input scores every role from 0 to 1, and the role's score is the mean, as a percentage:
//!
//! - a skill or knowledge area scores (importance − 1) / 4, O*NET's importance (1-5) in the
//!   role's occupation (a curated role's first linked one); where O*NET gives no reliable
//!   rating (an occupation it does not rate, a figure it suppresses), the average of every
//!   rated occupation;
//! - a technology scores half for being listed and half for the importance, scaled the same
//!   way, of the O*NET skill or knowledge area its listing occupations rate most above the
//!   average of all, in standard deviations (Python: Programming; without a reliable rating,
//!   the average of those occupations). Listed is ½ for an O*NET occupation, +¼ when O*NET
//!   flags the technology hot there and +¼ when in demand; a curated role's own skill list
//!   names only what the role needs, and counts in full. A technology no rated occupation lists
//!   scores its listing alone.
//!
//! How many skills or technologies a role lists counts for nothing by itself: only yours are
//! weighed, each at most 1. Roles rank by the score shown (to a tenth), then the higher
//! median pay, then id. Work is one read of the ratings and a look-up of each technology in
//! the technology index, linear in the roles and their skills, plus a sort.

use serde::Serialize;

use crate::Context;
use crate::cli::MatchArgs;
use crate::error::{CareersError, suggest};
use crate::model::onet::RatingKind;
use crate::model::ratings::ElementFigures;
use crate::model::vocabulary::normalize;
use crate::model::{Profile, fit, skillset};
use crate::store::find::{MedianPay, holds_words, word_list};
use crate::store::matching::{
    ListedAs, RatingColumns, RoleOutline, TechnologyQuery, TechnologyUse,
};
use crate::store::projections::ProjectionsSource;
use crate::store::wages::AreaRef;
use crate::store::{Entry, Origin, Store};

#[derive(Debug, Serialize)]
pub struct MatchReport {
    /// What was matched against, each as it was read.
    pub inputs: Vec<MatchInput>,
    /// The role whose skills, knowledge and technologies were taken as yours, if any.
    pub from: Option<String>,
    /// Given names that nothing knows.
    pub unknown: Vec<UnknownSkill>,
    /// How many roles were ranked.
    pub ranked: usize,
    /// The best `top` roles, best first.
    pub ranking: Vec<RoleMatch>,
    /// Where the pay is a median of: the nation, or `--city`'s area.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<AreaRef>,
    /// The BLS OEWS release the pay comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wages_source: Option<crate::store::wages::WagesSource>,
    /// The O*NET release the skill and knowledge ratings come from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratings_release: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projections_source: Option<ProjectionsSource>,
    /// O*NET's attribution, when the report shows its figures or occupations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

impl crate::model::credits::Credited for MatchReport {
    fn credits(&self) -> crate::model::credits::Credits<'_> {
        crate::model::credits::Credits::none().onet(self.attribution.as_deref())
    }
}

/// What an input was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InputKind {
    /// An O*NET skill (Writing).
    Skill,
    /// An O*NET knowledge area (Biology).
    Knowledge,
    /// A technology: a vocabulary skill, or words an O*NET example or a profile's skill holds.
    Technology,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatchInput {
    /// The name it is shown by: O*NET's, the vocabulary's, or the words as given.
    pub name: String,
    pub kind: InputKind,
    /// O*NET's element id, for a skill or knowledge area.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub element_id: Option<String>,
    /// For a technology: how many O*NET occupations list it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub occupations_listing: Option<usize>,
    /// For a technology: the O*NET skill or knowledge area its listing occupations rate most
    /// above the average, whose importance makes half its score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct UnknownSkill {
    pub name: String,
    pub suggestions: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct RoleMatch {
    pub rank: usize,
    pub id: String,
    pub title: String,
    /// "bundled", "user" or "onet".
    pub origin: &'static str,
    /// Its O*NET-SOC code: its own, or a curated role's first linked one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The SOC occupation its pay comes from, else the SOC code of `code`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub soc: Option<String>,
    /// Every O*NET-SOC code a curated role links.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
    /// The mean of the inputs' scores, as a percentage to a tenth.
    pub score: f64,
    /// The annual median at `place`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub median_pay: Option<MedianPay>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_zone: Option<u8>,
    /// BLS's projected employment change, percent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub growth_percent: Option<f64>,
    /// How many inputs score above 0.
    pub matched: usize,
    /// Each input's score for this role and why, in the order of the inputs.
    pub fits: Vec<InputFit>,
}

/// Why an input scores what it does for one role.
#[derive(Debug, Clone, Serialize)]
pub struct InputFit {
    pub input: String,
    /// 0-1, to two decimals.
    pub score: f64,
    /// O*NET's importance (1-5) of the skill or knowledge area, or of a technology's related
    /// one, in the role's occupation; where it gives no reliable rating, the average it is
    /// taken at (`rated` false). Left out without ratings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub importance: Option<f64>,
    /// Whether `importance` is the occupation's own reliable rating.
    pub rated: bool,
    pub kind: InputKind,
    /// For a technology: the skill or knowledge area it is weighed with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related: Option<String>,
    /// For a technology: how the role lists it; `None` when it does not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listed: Option<Listing>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Listing {
    /// The O*NET example or the profile's own skill that shows it.
    pub name: String,
    /// "onet" for O*NET's technology list, "profile" for the role's own skill list.
    pub by: &'static str,
    pub hot: bool,
    pub in_demand: bool,
}

pub fn run(ctx: &Context, args: &MatchArgs) -> anyhow::Result<MatchReport> {
    let store = &ctx.store;
    let from = match &args.from {
        Some(q) => Some(store.resolve(q)?),
        None => None,
    };
    let given: Vec<&str> = args
        .skills
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if given.is_empty() && from.is_none() {
        return Err(CareersError::Usage(
            "match needs at least one skill: --skills python,sql or --from ROLE".into(),
        )
        .into());
    }
    // The same roles in every format, whatever the terminal: a terminal table shows as many of
    // them as fit (`views::match::MatchView`).
    let top = args
        .top
        .map_or(DEFAULT_TOP, |n| usize::try_from(n).unwrap_or(usize::MAX));
    let area = match &args.city {
        Some(city) if store.wages()?.is_some() => {
            let place = store.resolve_place(&crate::store::bundled_locations()?, city)?;
            Some(place.area.ok_or_else(|| {
                anyhow::anyhow!(
                    "\"{city}\" is a curated city without a BLS OEWS area; name its metro area or state (`careers places {city}`)"
                )
            })?)
        }
        Some(_) => anyhow::bail!(
            "no BLS OEWS release is in use, which --city needs; import one with `careers import oews DIR`"
        ),
        None => store.national_area()?,
    };
    let report = report(store, &given, from, top, area)?;
    if report.inputs.is_empty() {
        return Err(nothing_to_match(store, &report));
    }
    Ok(report)
}

/// The error for input that leaves nothing to match: an unknown name, worded as `list
/// --skill` words it, or a `--from` role with nothing to take.
fn nothing_to_match(store: &Store, report: &MatchReport) -> anyhow::Error {
    if let Some(first) = report.unknown.first() {
        let mut known: Vec<String> = store
            .vocabulary()
            .skills()
            .iter()
            .map(|s| s.name.clone())
            .collect();
        known.sort_by_key(|s| s.to_lowercase());
        return CareersError::UnknownValue {
            what: "skill",
            value: first.name.clone(),
            suggestions: first.suggestions.clone(),
            known,
        }
        .into();
    }
    match &report.from {
        Some(id) => anyhow::anyhow!(
            "{id} lists no skills, knowledge or technologies, so there is nothing to match; name yours with --skills"
        ),
        None => anyhow::anyhow!("no skill given; name yours with --skills"),
    }
}

/// How many roles are ranked without `--top`.
pub const DEFAULT_TOP: usize = 10;

/// One input as read, with what scores it.
struct Wanted {
    input: MatchInput,
    /// The ratings column of a skill or knowledge area, or of a technology's related one, and
    /// the importance (in hundredths) a role without a reliable rating of it is taken to have:
    /// the average of every rated occupation, or of those listing the technology.
    column: Option<(usize, f64)>,
    /// For a technology: its query, and the normalised vocabulary keys a profile's skill may
    /// count by.
    query: Option<(TechnologyQuery, Vec<String>)>,
}

/// A technology's query: its words, and the vocabulary skill it is with those that it covers.
fn technology(store: &Store, name: &str) -> (String, TechnologyQuery, Vec<String>) {
    let vocabulary = store.vocabulary();
    if let Some(skill) = vocabulary.resolve(name) {
        let mut skills = vec![skill.name.clone()];
        skills.extend(vocabulary.covered_by(skill).map(str::to_owned));
        let keys = skills.iter().map(|s| normalize(s)).collect();
        let query = TechnologyQuery {
            words: word_list(&skill.name),
            skills,
        };
        (skill.name.clone(), query, keys)
    } else {
        let query = TechnologyQuery {
            words: word_list(name),
            skills: Vec::new(),
        };
        (name.to_owned(), query, Vec::new())
    }
}

/// The name of the skill by which a profile (not an O*NET occupation) lists a technology: one
/// of its skills is the vocabulary skill or one it covers, or holds its words.
fn profile_listing<'a>(
    skills: &[ProfileSkill<'a>],
    query: &TechnologyQuery,
    keys: &[String],
) -> Option<&'a str> {
    skills
        .iter()
        .find(|s| keys.contains(&s.key) || holds_words(&s.words, &query.words))
        .map(|s| s.name)
}

/// A profile's skill as a technology is looked for in it: its name, the key of its vocabulary
/// skill, and its words.
struct ProfileSkill<'a> {
    name: &'a str,
    key: String,
    words: Vec<String>,
}

/// The skills of `profile`, each made ready to be compared once for every technology.
fn profile_skills<'a>(profile: &'a Profile, store: &Store) -> Vec<ProfileSkill<'a>> {
    let vocabulary = store.vocabulary();
    profile
        .skills
        .iter()
        .map(|s| ProfileSkill {
            name: &s.name,
            key: normalize(vocabulary.canonical(&s.name)),
            words: word_list(&s.name),
        })
        .collect()
}

/// The column of the skill or knowledge area a name starts (O*NET's own resolution, which
/// also says the nearest names when none does).
fn element_by_start(
    store: &Store,
    columns: &RatingColumns,
    name: &str,
) -> Result<Option<usize>, Vec<String>> {
    let mut near = Vec::new();
    for kind in [RatingKind::Skill, RatingKind::Knowledge] {
        match store.element_importance(kind, name) {
            Ok(Some(e)) => return Ok(columns.column(kind, &e.name)),
            Ok(None) => return Ok(None),
            Err(e) => {
                if let Some(CareersError::UnknownValue { suggestions, .. }) = e.downcast_ref() {
                    near.extend(suggestions.iter().cloned());
                }
            }
        }
    }
    Err(near)
}

/// A role as scored: a curated role's entry, or an O*NET occupation's position (whose profile
/// is made only if it is shown).
#[derive(Clone, Copy)]
enum Candidate<'a> {
    /// A curated or user profile, and its place among them.
    Authored(&'a Entry, usize),
    Onet(usize),
}

/// One role's score and each input's fit, with the name it lists a technology by.
struct Scored<'a> {
    candidate: Candidate<'a>,
    id: &'a str,
    score: f64,
    fits: Vec<(fit::Fit, Option<(fit::Listed, ListedName<'a>)>)>,
}

/// The name a role lists a technology by: a profile's own skill, or what O*NET lists it as,
/// spelled out only for the roles shown.
#[derive(Clone, Copy)]
enum ListedName<'a> {
    Profile(&'a str),
    Onet(&'a ListedAs),
}

pub fn report(
    store: &Store,
    given: &[&str],
    from: Option<&Entry>,
    top: usize,
    area: Option<usize>,
) -> anyhow::Result<MatchReport> {
    let columns = store.rating_columns()?.unwrap_or_default();
    let vocabulary = store.vocabulary();
    let spread = fit::column_spread(columns.table.width, columns.table.rows().map(|(_, r)| r));
    let typical = |c: usize| (c, spread.get(c).map_or(0.0, |s| s.0));
    // A row of the ratings by O*NET position.
    let mut row_at: Vec<Option<usize>> = vec![None; store.onet_len()];
    for (r, &p) in columns.table.positions.iter().enumerate() {
        if let Some(slot) = row_at.get_mut(p) {
            *slot = Some(r);
        }
    }
    let row_of = |position: Option<usize>| -> Option<&[ElementFigures]> {
        let r = row_at.get(position?).copied()??;
        let width = columns.table.width;
        columns.table.figures.get(r * width..(r + 1) * width)
    };
    let element_input = |c: usize| {
        let e = &columns.elements[c];
        MatchInput {
            name: e.name.clone(),
            kind: match e.kind {
                RatingKind::Skill => InputKind::Skill,
                _ => InputKind::Knowledge,
            },
            element_id: Some(e.id.clone()),
            occupations_listing: None,
            related: None,
        }
    };
    let technology_input = |name: String| MatchInput {
        name,
        kind: InputKind::Technology,
        element_id: None,
        occupations_listing: None,
        related: None,
    };

    // The inputs: the `--from` role's, then the given names.
    let mut wanted: Vec<Wanted> = Vec::new();
    let mut unknown: Vec<String> = Vec::new();
    if let Some(entry) = from {
        if let Some(row) = row_of(store.rated_position(entry)) {
            for c in fit::distinctive(row, &spread) {
                wanted.push(Wanted {
                    input: element_input(c),
                    column: Some(typical(c)),
                    query: None,
                });
            }
        }
        for s in skillset::technical_skills(&entry.profile, vocabulary) {
            let (name, query, keys) = technology(store, &s.name);
            wanted.push(Wanted {
                input: technology_input(name),
                column: None,
                query: Some((query, keys)),
            });
        }
    }
    for name in given {
        let exact = [RatingKind::Skill, RatingKind::Knowledge]
            .iter()
            .find_map(|&k| columns.column(k, name));
        if let Some(c) = exact {
            wanted.push(Wanted {
                input: element_input(c),
                column: Some(typical(c)),
                query: None,
            });
        } else if word_list(name).is_empty() {
            unknown.push((*name).to_owned());
        } else if let Some(c) = vocabulary
            .resolve(name)
            .is_none()
            .then(|| element_by_start(store, &columns, name).ok().flatten())
            .flatten()
        {
            // The start of one skill or knowledge area's name: `english`.
            wanted.push(Wanted {
                input: element_input(c),
                column: Some(typical(c)),
                query: None,
            });
        } else {
            // A technology, once something is found to list it.
            let (shown, query, keys) = technology(store, name);
            wanted.push(Wanted {
                input: technology_input(shown),
                column: None,
                query: Some((query, keys)),
            });
        }
    }

    // Who lists each technology: O*NET's occupations from one read of the index.
    let queries: Vec<TechnologyQuery> = wanted
        .iter()
        .filter_map(|w| w.query.as_ref().map(|q| q.0.clone()))
        .collect();
    // Vocabulary skills are on the occupations' own skill lists; only a name outside the
    // vocabulary needs every example O*NET lists.
    let uses = if queries.is_empty() {
        Vec::new()
    } else if queries.iter().all(|q| !q.skills.is_empty()) {
        store.vocabulary_uses(&queries)?
    } else {
        store.technology_uses(&queries)?
    };
    let profiles: Vec<&Entry> = store
        .authored()
        .filter(|e| !matches!(e.origin, Origin::Onet { .. }))
        .collect();
    // Their skills, for the technologies only.
    let skills: Vec<Vec<ProfileSkill>> = if queries.is_empty() {
        Vec::new()
    } else {
        profiles
            .iter()
            .map(|e| profile_skills(&e.profile, store))
            .collect()
    };
    let mut listings: Vec<&Vec<Option<TechnologyUse>>> = Vec::new();
    let mut kept: Vec<Wanted> = Vec::new();
    let mut q = 0;
    for w in wanted {
        let Some((query, keys)) = &w.query else {
            kept.push(w);
            continue;
        };
        let listing = &uses[q];
        q += 1;
        let by_onet = listing.iter().filter(|u| u.is_some()).count();
        let by_profile = skills
            .iter()
            .any(|skills| profile_listing(skills, query, keys).is_some());
        if by_onet > 0 || by_profile || vocabulary.resolve(&w.input.name).is_some() {
            let listed_rows = columns
                .table
                .rows()
                .filter(|(p, _)| listing.get(*p).is_some_and(Option::is_some))
                .map(|(_, row)| row);
            let column = fit::related_column(&spread, listed_rows);
            let mut w = w;
            w.input.occupations_listing = Some(by_onet);
            w.input.related = column.map(|(c, _)| columns.elements[c].name.clone());
            w.column = column;
            listings.push(listing);
            kept.push(w);
            continue;
        }
        // Nothing lists it: the start of a skill or knowledge area, or unknown.
        match element_by_start(store, &columns, &w.input.name) {
            Ok(Some(c)) => kept.push(Wanted {
                input: element_input(c),
                column: Some(typical(c)),
                query: None,
            }),
            Ok(None) | Err(_) => unknown.push(w.input.name.clone()),
        }
    }
    // The same input twice counts once.
    let mut seen: Vec<(InputKind, String)> = Vec::new();
    let mut inputs: Vec<Wanted> = Vec::new();
    let mut input_listing: Vec<Option<&Vec<Option<TechnologyUse>>>> = Vec::new();
    let mut li = 0;
    for w in kept {
        let listing = w.query.as_ref().map(|_| {
            li += 1;
            listings[li - 1]
        });
        let key = (w.input.kind, w.input.name.to_lowercase());
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        inputs.push(w);
        input_listing.push(listing);
    }
    let unknown: Vec<UnknownSkill> = unknown
        .into_iter()
        .map(|name| {
            let mut candidates: Vec<&str> = vocabulary.names().collect();
            candidates.extend(columns.elements.iter().map(|e| e.name.as_str()));
            candidates.extend(
                profiles
                    .iter()
                    .flat_map(|e| e.profile.skills.iter().map(|s| s.name.as_str())),
            );
            candidates.sort_unstable();
            candidates.dedup();
            UnknownSkill {
                suggestions: suggest(&name, candidates),
                name,
            }
        })
        .collect();

    // Every role's score: the curated roles, then the O*NET occupations by position, which
    // are scored from their ratings and listings without making their profiles.
    let weighed: Vec<fit::Weighed> = inputs
        .iter()
        .map(|w| fit::Weighed {
            column: w.column,
            technology: w.query.is_some(),
        })
        .collect();
    let mut scored: Vec<Scored> = Vec::new();
    if !inputs.is_empty() {
        let candidates = profiles
            .iter()
            .enumerate()
            .map(|(i, e)| (Candidate::Authored(e, i), e.profile.id.as_str()))
            .chain((0..store.onet_len()).map(|p| (Candidate::Onet(p), store.onet_id_at(p))));
        for (candidate, id) in candidates {
            if from.is_some_and(|f| f.profile.id == id) {
                continue;
            }
            let row = row_of(match candidate {
                Candidate::Onet(p) => Some(p),
                Candidate::Authored(e, _) => store.rated_position(e),
            });
            let mut fits = Vec::with_capacity(inputs.len());
            for ((w, listing), &weighed) in inputs.iter().zip(&input_listing).zip(&weighed) {
                let listed = match (&w.query, listing, candidate) {
                    (Some(_), Some(listing), Candidate::Onet(p)) => {
                        listing.get(p).and_then(Option::as_ref).map(|u| {
                            let how = fit::Listed::Onet {
                                hot: u.hot,
                                in_demand: u.in_demand,
                            };
                            (how, ListedName::Onet(&u.example))
                        })
                    }
                    (Some((query, keys)), Some(_), Candidate::Authored(_, i)) => {
                        profile_listing(&skills[i], query, keys)
                            .map(|name| (fit::Listed::Profile, ListedName::Profile(name)))
                    }
                    _ => None,
                };
                fits.push((fit::fit(weighed, row, listed.map(|l| l.0)), listed));
            }
            let score = fit::role_score(&fits.iter().map(|f| f.0).collect::<Vec<_>>());
            scored.push(Scored {
                candidate,
                id,
                score,
                fits,
            });
        }
    }
    let ranked = scored.len();
    // By score first; pay breaks ties only among the tied, so it is read for those alone.
    let scored = fit::contenders(scored, top, |s| (s.score, s.id));
    let entries: Vec<&Entry> = scored
        .iter()
        .map(|s| match s.candidate {
            Candidate::Authored(e, _) => e,
            Candidate::Onet(p) => store.onet_entry_at(p),
        })
        .collect();
    let outlines = store.role_outlines(&entries, area)?;
    let rows: Vec<((Scored, &Entry), RoleOutline)> =
        scored.into_iter().zip(entries).zip(outlines).collect();
    let rows = fit::ranked(rows, top, |((s, _), o)| {
        (s.score, o.median.map(MedianPay::rank_key), s.id)
    });
    let ranking: Vec<RoleMatch> = rows
        .into_iter()
        .enumerate()
        .map(|(i, ((s, entry), o))| -> anyhow::Result<RoleMatch> {
            let mut fits = Vec::with_capacity(s.fits.len());
            for (w, (f, listed)) in inputs.iter().zip(s.fits.iter()) {
                let listed = match listed {
                    Some((how, name)) => {
                        let name = match name {
                            ListedName::Profile(name) => (*name).to_owned(),
                            ListedName::Onet(listed) => store.listed_name(listed)?,
                        };
                        Some(match how {
                            fit::Listed::Profile => Listing {
                                name,
                                by: "profile",
                                hot: false,
                                in_demand: false,
                            },
                            fit::Listed::Onet { hot, in_demand } => Listing {
                                name,
                                by: "onet",
                                hot: *hot,
                                in_demand: *in_demand,
                            },
                        })
                    }
                    None => None,
                };
                fits.push(InputFit {
                    input: w.input.name.clone(),
                    score: fit::shown_score(f.score),
                    importance: f.importance.map(|i| i / 100.0),
                    rated: f.rated,
                    kind: w.input.kind,
                    related: w.query.as_ref().and(w.input.related.clone()),
                    listed,
                });
            }
            Ok(RoleMatch {
                rank: i + 1,
                id: entry.profile.id.clone(),
                title: entry.profile.title.clone(),
                origin: entry.origin.kind(),
                code: o.code,
                soc: o.soc,
                codes: entry.role_codes().codes,
                score: s.score,
                median_pay: o.median,
                job_zone: o.job_zone,
                growth_percent: o.growth_percent,
                matched: s.fits.iter().filter(|f| f.0.score > 0.0).count(),
                fits,
            })
        })
        .collect::<anyhow::Result<_>>()?;
    let uses_ratings = inputs.iter().any(|w| w.column.is_some());
    let attribution = if uses_ratings {
        store.onet_attribution_with_ratings()
    } else {
        store.onet_attribution(
            ranking
                .iter()
                .filter_map(|m| store.onet_id(m.code.as_deref()?))
                .chain(from.map(|e| e.profile.id.as_str())),
        )
    };
    let place = match (area, store.wages()?) {
        (Some(a), Some(s)) => Some(s.area_ref(a)),
        _ => None,
    };
    Ok(MatchReport {
        inputs: inputs.into_iter().map(|w| w.input).collect(),
        from: from.map(|e| e.profile.id.clone()),
        unknown,
        ranked,
        ranking,
        place,
        wages_source: store.wages_source()?,
        ratings_release: uses_ratings.then(|| columns.release.clone()),
        projections_source: store.projections_source(),
        attribution,
    })
}
