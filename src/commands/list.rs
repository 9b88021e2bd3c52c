//! `careers list`: a row per profile.

use serde::Serialize;

use crate::Context;
use crate::cli::{ListArgs, SourceKind};
use crate::error::{CareersError, suggest};
use crate::model::Profile;
use crate::model::vocabulary::normalize;
use crate::onet::storage::SearchTechnology;
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::store::{Entry, Origin};

/// One row of the list.
#[derive(Debug, Serialize)]
pub struct ListRow {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// Which kinds of data the profile has: salary, skills, trends, ...
    pub data: Vec<&'static str>,
    pub origin: Origin,
    /// O*NET's attribution, on rows imported from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ListReport {
    pub roles: Vec<ListRow>,
    /// How many roles passed the filters before `--limit`.
    #[serde(skip)]
    pub total: usize,
}

pub fn run(ctx: &Context, args: &ListArgs) -> anyhow::Result<ListReport> {
    // Technology names and flags live in the search file, read only when a filter needs them.
    let onet = if args.skill.is_some() || args.hot.is_some() {
        ctx.store.onet_required()?
    } else {
        None
    };
    let file = onet.map(|s| s.search_file()).transpose()?;
    let records = match (onet, &file) {
        (Some(s), Some(f)) => s.search_records(f)?,
        _ => Vec::new(),
    };
    let positions = onet.map(|s| s.positions()).unwrap_or_default();
    let technology = |p: &Profile| -> &[SearchTechnology] {
        p.onet
            .as_ref()
            .and_then(|d| positions.get(d.code.as_str()))
            .map_or(&[], |&i| records[i].technology.as_slice())
    };
    let skill = args
        .skill
        .as_deref()
        .map(|name| SkillFilter::new(ctx, name, false, &technology))
        .transpose()?;
    let hot = args
        .hot
        .as_deref()
        .map(|name| SkillFilter::new(ctx, name, true, &technology))
        .transpose()?;
    let attribution = ctx
        .store
        .onet()
        .map(|s| crate::onet::attribution_of(&s.manifest));
    let matching: Vec<&Entry> = ctx
        .store
        .entries()
        .iter()
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
            hot.as_ref()
                .is_none_or(|f| f.matches(&e.profile, technology(&e.profile)))
        })
        .collect();
    let total = matching.len();
    let roles = matching
        .into_iter()
        .take(args.limit.unwrap_or(usize::MAX))
        .map(|e| ListRow {
            id: e.profile.id.clone(),
            title: e.profile.title.clone(),
            summary: e.profile.summary.clone(),
            data: e.profile.data_kinds(),
            origin: e.origin.clone(),
            attribution: matches!(e.origin, Origin::Onet { .. })
                .then(|| attribution.clone())
                .flatten(),
        })
        .collect();
    Ok(ListReport { roles, total })
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

/// `--skill NAME` or `--hot NAME`: a skill of the vocabulary (by name or alias) or an O*NET
/// technology name.
struct SkillFilter {
    /// The canonical name, when the vocabulary knows the skill.
    canonical: Option<String>,
    /// The name as given, normalised, for technology names outside the vocabulary.
    name: String,
    hot_only: bool,
}

impl SkillFilter {
    fn new<'t>(
        ctx: &Context,
        name: &str,
        hot_only: bool,
        technology: &dyn Fn(&Profile) -> &'t [SearchTechnology<'t>],
    ) -> Result<SkillFilter, CareersError> {
        let filter = SkillFilter {
            canonical: ctx.store.vocabulary().resolve(name).map(|s| s.name.clone()),
            name: normalize(name),
            hot_only,
        };
        if hot_only {
            return filter.hot_or_error(ctx, name, technology);
        }
        if filter.canonical.is_some()
            || ctx
                .store
                .entries()
                .iter()
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
            what: if hot_only { "hot technology" } else { "skill" },
            value: name.to_owned(),
            suggestions,
            known: listed,
        })
    }

    /// `--hot NAME` names a hot technology of the import, by its O*NET name or by a skill of
    /// the vocabulary that a hot technology maps onto. Otherwise the error lists the import's hot
    /// technologies, the most common first.
    fn hot_or_error<'t>(
        self,
        ctx: &Context,
        name: &str,
        technology: &dyn Fn(&Profile) -> &'t [SearchTechnology<'t>],
    ) -> Result<SkillFilter, CareersError> {
        let mut counts: std::collections::HashMap<&'t str, usize> =
            std::collections::HashMap::new();
        let mut skills: Vec<&'t str> = Vec::new();
        for e in ctx.store.entries() {
            for t in technology(&e.profile).iter().filter(|t| t.hot) {
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
            what: "hot technology",
            value: name.to_owned(),
            suggestions,
            known,
        })
    }

    fn matches(&self, p: &Profile, technology: &[SearchTechnology]) -> bool {
        let canonical = self.canonical.as_deref();
        if !self.hot_only
            && let Some(c) = canonical
            && p.skills.iter().any(|s| s.name == c)
        {
            return true;
        }
        technology.iter().any(|t| {
            (t.hot || !self.hot_only)
                && (canonical.is_some_and(|c| t.skill == Some(c))
                    || normalize(t.example) == self.name)
        })
    }
}

/// The first sentence of `text`, for one-line summaries.
pub fn first_sentence(text: &str) -> &str {
    match text.find(". ") {
        Some(end) => &text[..=end],
        None => text,
    }
}

impl Report for ListReport {
    fn document(&self) -> Document {
        let mut doc = Document::default();
        // The source column earns its room only when profiles come from more than one place.
        let all_bundled = self
            .roles
            .iter()
            .all(|r| matches!(r.origin, Origin::Bundled { .. }));
        let mut headers = vec!["Role", "Summary", "Data"];
        if !all_bundled {
            headers.push("Loaded from");
        }
        let mut table = Table::new(headers).wide(1);
        for r in &self.roles {
            let mut cells = vec![
                Cell::tone(format!("{}\n{}", r.id, r.title), Tone::Strong),
                Cell::new(first_sentence(&r.summary)),
                Cell::new(r.data.join(", ")),
            ];
            if !all_bundled {
                cells.push(Cell::tone(r.origin.short(), Tone::Muted));
            }
            table.row(cells);
        }
        if !self.roles.is_empty() {
            doc.table(table);
        }
        let mut count = match self.roles.len() {
            1 => "1 role".to_owned(),
            n => format!("{n} roles"),
        };
        if self.total > self.roles.len() {
            count = format!("{count} of {}", self.total);
        }
        let whence = if all_bundled && !self.roles.is_empty() {
            ", all bundled"
        } else {
            ""
        };
        doc.note(format!(
            "{count}{whence}. `careers show ROLE` shows one in full."
        ));
        let mut folders: Vec<String> = self
            .roles
            .iter()
            .filter_map(|r| match &r.origin {
                Origin::User { path } => path.parent().map(|p| p.display().to_string()),
                _ => None,
            })
            .collect();
        folders.dedup();
        for folder in folders {
            doc.note(format!("User profiles come from {folder}."));
        }
        if let Some(a) = self.roles.iter().find_map(|r| r.attribution.as_ref()) {
            doc.note(a.clone());
        }
        doc
    }

    fn records(&self) -> Records {
        // O*NET rows carry its attribution; the column is there only when such a row is.
        let attributed = self.roles.iter().any(|r| r.attribution.is_some());
        let mut headers = vec!["id", "title", "summary", "data", "origin"];
        if attributed {
            headers.push("attribution");
        }
        let mut records = Records::new(headers);
        for r in &self.roles {
            let mut row = vec![
                r.id.clone(),
                r.title.clone(),
                r.summary.clone(),
                r.data.join("; "),
                r.origin.describe(),
            ];
            if attributed {
                row.push(r.attribution.clone().unwrap_or_default());
            }
            records.push(row);
        }
        records
    }
}
