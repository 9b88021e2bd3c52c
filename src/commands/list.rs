//! `careers list`: a line per profile: its code and job zone where O*NET gives them, its id and
//! title. Filters by source, zone, SOC major group, skill and O*NET's technology flags.

use serde::Serialize;

use crate::Context;
use crate::cli::{ListArgs, ListSort, SourceKind};
use crate::error::{CareersError, suggest};
use crate::model::Profile;
use crate::model::vocabulary::normalize;
use crate::store::SearchTechnology;
use crate::store::codes::RoleCodes;
use crate::store::{Entry, Origin};

/// One row of the list.
#[derive(Debug, Serialize)]
pub struct ListRow {
    pub id: String,
    pub title: String,
    /// The O*NET-SOC code of an O*NET occupation, which the table shows for its id; JSON gives
    /// it in `codes`.
    #[serde(skip)]
    pub code: Option<String>,
    /// Its O*NET-SOC code(s) and SOC code.
    #[serde(flatten)]
    pub codes: RoleCodes,
    /// Its O*NET job zone, 1 to 5.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_zone: Option<u8>,
    pub summary: String,
    /// Which kinds of data the profile has: salary, skills, trends, ...
    pub data: Vec<&'static str>,
    pub origin: Origin,
}

#[derive(Debug, Serialize)]
pub struct ListReport {
    /// How many roles passed the filters before `--limit`.
    pub total: usize,
    pub roles: Vec<ListRow>,
    /// O*NET's attribution, when a row comes from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

impl crate::model::credits::Credited for ListReport {
    fn credits(&self) -> crate::model::credits::Credits<'_> {
        crate::model::credits::Credits::none().onet(self.attribution.as_deref())
    }
}

pub fn run(ctx: &Context, args: &ListArgs) -> anyhow::Result<ListReport> {
    // Technology names and flags live in the search file, read only when a filter needs them.
    let onet = if args.skill.is_some() || args.hot.is_some() || args.in_demand.is_some() {
        ctx.store.onet_required()?
    } else {
        None
    };
    let file = onet.map(|s| s.search_file()).transpose()?;
    let records = match (onet, &file) {
        (Some(s), Some(f)) => s.search_records(f)?,
        _ => Vec::new(),
    };
    let technology = |p: &Profile| -> &[SearchTechnology] {
        p.onet
            .as_ref()
            .and_then(|d| onet?.position(&d.code))
            .and_then(|i| records.get(i))
            .map_or(&[], |r| r.technology.as_slice())
    };
    let skill = args
        .skill
        .as_deref()
        .map(|name| SkillFilter::new(ctx, name, Flag::Any, &technology))
        .transpose()?;
    let hot = args
        .hot
        .as_deref()
        .map(|name| SkillFilter::new(ctx, name, Flag::Hot, &technology))
        .transpose()?;
    let in_demand = args
        .in_demand
        .as_deref()
        .map(|name| SkillFilter::new(ctx, name, Flag::InDemand, &technology))
        .transpose()?;
    let group = args.group.map(|g| format!("{g:02}-"));
    let attribution = ctx.store.onet().map(|s| s.attribution());
    // The bundled and user profiles alone need none of O*NET's made.
    let candidates: Vec<&Entry> = match args.source {
        Some(SourceKind::Bundled | SourceKind::User) => ctx.store.authored().collect(),
        _ => ctx.store.entries().collect(),
    };
    let matching: Vec<&Entry> = candidates
        .into_iter()
        .filter(|e| args.source.is_none_or(|s| from_source(&e.origin, s)))
        .filter(|e| {
            args.zone.is_none_or(|z| {
                e.profile
                    .onet
                    .as_ref()
                    .and_then(|d| d.job_zone.as_ref())
                    .is_some_and(|j| j.zone == z)
            })
        })
        .filter(|e| {
            skill
                .as_ref()
                .is_none_or(|f| f.matches(&e.profile, technology(&e.profile)))
        })
        .filter(|e| {
            [&hot, &in_demand].iter().all(|f| {
                f.as_ref()
                    .is_none_or(|f| f.matches(&e.profile, technology(&e.profile)))
            })
        })
        .filter(|e| {
            group.as_ref().is_none_or(|g| {
                e.profile
                    .onet
                    .as_ref()
                    .is_some_and(|d| d.code.starts_with(g.as_str()))
            })
        })
        .collect();
    let mut matching = matching;
    let code = |e: &Entry| e.profile.onet.as_ref().map(|d| d.code.clone());
    let zone = |e: &Entry| {
        e.profile
            .onet
            .as_ref()
            .and_then(|d| d.job_zone.as_ref())
            .map(|z| z.zone)
    };
    match args.sort {
        None => {}
        Some(ListSort::Id) => matching.sort_by(|a, b| a.profile.id.cmp(&b.profile.id)),
        Some(ListSort::Title) => matching.sort_by(|a, b| {
            a.profile
                .title
                .to_lowercase()
                .cmp(&b.profile.title.to_lowercase())
                .then_with(|| a.profile.id.cmp(&b.profile.id))
        }),
        // Roles without a code or zone go last: `None` sorts first, so compare on its absence.
        Some(ListSort::Code) => matching.sort_by(|a, b| {
            (code(a).is_none(), code(a), &a.profile.id).cmp(&(
                code(b).is_none(),
                code(b),
                &b.profile.id,
            ))
        }),
        Some(ListSort::Zone) => matching.sort_by(|a, b| {
            (
                zone(a).is_none(),
                std::cmp::Reverse(zone(a)),
                code(a),
                &a.profile.id,
            )
                .cmp(&(
                    zone(b).is_none(),
                    std::cmp::Reverse(zone(b)),
                    code(b),
                    &b.profile.id,
                ))
        }),
    }
    let total = matching.len();
    let roles: Vec<ListRow> = matching
        .into_iter()
        .take(args.limit.unwrap_or(usize::MAX))
        .map(|e| ListRow {
            id: e.profile.id.clone(),
            title: e.profile.title.clone(),
            code: code(e),
            codes: e.role_codes(),
            job_zone: zone(e),
            summary: e.profile.summary.clone(),
            data: e.profile.data_kinds(),
            origin: e.origin.clone(),
        })
        .collect();
    let attribution = roles
        .iter()
        .any(|r| matches!(r.origin, Origin::Onet { .. }))
        .then_some(attribution)
        .flatten();
    Ok(ListReport {
        total,
        roles,
        attribution,
    })
}

fn from_source(origin: &Origin, source: SourceKind) -> bool {
    matches!(
        (origin, source),
        (Origin::Bundled { .. }, SourceKind::Bundled)
            | (Origin::User { .. }, SourceKind::User)
            | (Origin::Onet { .. }, SourceKind::Onet)
    )
}

/// How many hot technologies an unknown `--hot NAME` lists, the most common first.
const LISTED_HOT: usize = 20;

/// Which of O*NET's flags a technology filter asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flag {
    /// `--skill`: any listed technology, or a skill the profile names.
    Any,
    /// `--hot`.
    Hot,
    /// `--in-demand`.
    InDemand,
}

impl Flag {
    fn holds(self, t: &SearchTechnology) -> bool {
        match self {
            Flag::Any => true,
            Flag::Hot => t.hot,
            Flag::InDemand => t.in_demand,
        }
    }

    fn what(self) -> &'static str {
        match self {
            Flag::Any => "skill",
            Flag::Hot => "hot technology",
            Flag::InDemand => "in-demand technology",
        }
    }
}

/// `--skill NAME`, `--hot NAME` or `--in-demand NAME`: a skill of the vocabulary (by name or
/// alias) or an O*NET technology name.
struct SkillFilter {
    /// The canonical name, when the vocabulary knows the skill.
    canonical: Option<String>,
    /// The name as given, normalised, for technology names outside the vocabulary.
    name: String,
    flag: Flag,
}

impl SkillFilter {
    fn new<'t>(
        ctx: &Context,
        name: &str,
        flag: Flag,
        technology: &dyn Fn(&Profile) -> &'t [SearchTechnology<'t>],
    ) -> Result<SkillFilter, CareersError> {
        let filter = SkillFilter {
            canonical: ctx.store.vocabulary().resolve(name).map(|s| s.name.clone()),
            name: normalize(name),
            flag,
        };
        if flag != Flag::Any {
            return filter.flagged_or_error(ctx, name, technology);
        }
        if filter.canonical.is_some()
            || ctx
                .store
                .entries()
                .any(|e| filter.matches(&e.profile, technology(&e.profile)))
        {
            return Ok(filter);
        }
        // Neither a known skill nor a technology any profile lists: most likely a typo.
        let mut known: Vec<&str> = ctx.store.vocabulary().names().collect();
        for e in ctx.store.entries() {
            known.extend(technology(&e.profile).iter().map(|t| t.example));
        }
        known.sort_unstable();
        known.dedup();
        let suggestions = suggest(name, known.iter().copied());
        let mut listed: Vec<String> = ctx
            .store
            .vocabulary()
            .skills()
            .iter()
            .map(|s| s.name.clone())
            .collect();
        listed.sort_by_key(|s| s.to_lowercase());
        Err(CareersError::UnknownValue {
            what: flag.what(),
            value: name.to_owned(),
            suggestions,
            known: listed,
        })
    }

    /// `--hot NAME` names a hot technology of the import (`--in-demand NAME` an in-demand one),
    /// by its O*NET name or by a skill of the vocabulary that such a technology maps onto.
    /// Otherwise the error lists the import's flagged technologies, the most common first.
    fn flagged_or_error<'t>(
        self,
        ctx: &Context,
        name: &str,
        technology: &dyn Fn(&Profile) -> &'t [SearchTechnology<'t>],
    ) -> Result<SkillFilter, CareersError> {
        let mut counts: std::collections::HashMap<&'t str, usize> =
            std::collections::HashMap::new();
        let mut skills: Vec<&'t str> = Vec::new();
        for e in ctx.store.entries() {
            for t in technology(&e.profile).iter().filter(|t| self.flag.holds(t)) {
                *counts.entry(t.example).or_default() += 1;
                skills.extend(t.skill);
            }
        }
        let canonical = self.canonical.as_deref();
        if counts.keys().any(|n| normalize(n) == self.name)
            || canonical.is_some_and(|c| skills.contains(&c))
        {
            return Ok(self);
        }
        let mut names: Vec<&str> = counts.keys().copied().chain(skills).collect();
        names.sort_unstable();
        names.dedup();
        let suggestions = suggest(name, names.iter().copied());
        let mut common: Vec<(&str, usize)> = counts.into_iter().collect();
        common.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let mut known: Vec<String> = common
            .iter()
            .take(LISTED_HOT)
            .map(|(n, _)| (*n).to_owned())
            .collect();
        match common.len() {
            0 => known.push("none (import O*NET first: careers import onet DIR)".to_owned()),
            n if n > LISTED_HOT => known.push(format!("and {} more", n - LISTED_HOT)),
            _ => {}
        }
        Err(CareersError::UnknownValue {
            what: self.flag.what(),
            value: name.to_owned(),
            suggestions,
            known,
        })
    }

    fn matches(&self, p: &Profile, technology: &[SearchTechnology]) -> bool {
        let canonical = self.canonical.as_deref();
        if self.flag == Flag::Any
            && let Some(c) = canonical
            && p.skills.iter().any(|s| s.name == c)
        {
            return true;
        }
        technology.iter().any(|t| {
            self.flag.holds(t)
                && (canonical.is_some_and(|c| t.skill == Some(c))
                    || normalize(t.example) == self.name)
        })
    }
}
