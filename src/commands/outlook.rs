//! `careers outlook [ROLE]`: will it grow? For one role: BLS's Employment Projections of each
//! occupation it stands for (jobs now and in ten years, the change set against all occupations
//! and the occupation's major group, openings a year and where they come from, what it takes
//! to enter), beside what its profile claims and BLS OEWS's current employment and median pay.
//! Without a role: the occupations that grow fastest, add the most jobs, have the most
//! openings or decline fastest, within SOC major groups and an entry education.

use serde::Serialize;

use crate::Context;
use crate::cli::OutlookArgs;
use crate::model::Figure;
use crate::model::projection::Education;
use crate::store::projections::{
    GroupChange, NoProjection, OccupationOutlook, OutlookFilter, OutlookRank, ProjectionFacts,
    ProjectionsSource,
};
use crate::store::wages::{HeadlineWage, NoEstimate};

/// What `outlook` answers: one role's outlook, or a ranked list of occupations.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum OutlookReport {
    Role(Box<RoleOutlook>),
    List(Box<OutlookList>),
}

impl crate::model::credits::Credited for OutlookReport {
    fn credits(&self) -> crate::model::credits::Credits<'_> {
        let none = crate::model::credits::Credits::none();
        match self {
            OutlookReport::Role(r) => none.bls(r.notice).onet(r.attribution.as_deref()),
            OutlookReport::List(l) => none.bls(Some(l.notice)),
        }
    }
}

/// One role's outlook.
#[derive(Debug, Serialize)]
pub struct RoleOutlook {
    pub id: String,
    pub title: String,
    /// The O*NET-SOC code, for an O*NET occupation (JSON gives it in `codes`).
    #[serde(skip)]
    pub code: Option<String>,
    /// BLS's code, when the role is one of BLS's own codes asked for directly (`15-1250`):
    /// JSON's `soc`.
    #[serde(skip)]
    pub bls_code: Option<String>,
    #[serde(flatten)]
    pub codes: crate::store::codes::RoleCodes,
    /// Growth of jobs, openings, projected jobs or the market, as the profile reports them, each
    /// with its source (the profile's, where the figure names none) and period.
    pub growth: Vec<Figure>,
    /// What the profile says of the role's future.
    pub outlook: Vec<String>,
    /// BLS's projections of each occupation the role stands for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub projections: Vec<OccupationOutlook>,
    /// Why some or all of the role's occupations have no projections.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub no_projections: Vec<NoProjection>,
    /// All occupations together, to set each occupation's change against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_occupations: Option<GroupChange>,
    /// The projections release in use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projections_source: Option<ProjectionsSource>,
    /// BLS OEWS national employment and median pay of each occupation the role links to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub employment: Vec<HeadlineWage>,
    /// The BLS OEWS release consulted ("BLS OEWS May 2025"), when one is in use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub official_source: Option<crate::store::wages::WagesSource>,
    /// Why there are no estimates, when a release is in use and has none for the role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_estimates: Option<NoEstimate>,
    /// BLS's notice, when BLS figures are shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<&'static str>,
    /// O*NET's attribution, when the role is an O*NET occupation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

/// Occupations ranked by their projections.
#[derive(Debug, Serialize)]
pub struct OutlookList {
    pub rank: OutlookRank,
    /// The SOC major groups asked for; empty for all.
    pub groups: Vec<String>,
    /// The highest typical entry education asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub education: Option<Education>,
    /// How many occupations the filters took (the list shows the first of them).
    pub matched: usize,
    pub occupations: Vec<ProjectionFacts>,
    /// Occupations not ranked because an import under `--force` left out their rows, each
    /// with why (of kind `incomplete`, as in `no_projections`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<NoProjection>,
    /// Why the whole list may be incomplete: the import left out rows that name no occupation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incomplete: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_occupations: Option<GroupChange>,
    pub projections_source: ProjectionsSource,
    pub notice: &'static str,
}

pub fn run(ctx: &Context, args: &OutlookArgs) -> anyhow::Result<OutlookReport> {
    match &args.role {
        Some(role) => role_outlook(ctx, role).map(|r| OutlookReport::Role(Box::new(r))),
        None => list(ctx, args).map(|l| OutlookReport::List(Box::new(l))),
    }
}

fn role_outlook(ctx: &Context, role: &str) -> anyhow::Result<RoleOutlook> {
    let store = &ctx.store;
    let entry = store.resolve_or_bls_code(role)?;
    let p = &entry.profile;
    let market = p.market.as_ref();
    let (links, unlinked) = store.wage_links(entry)?;
    let employment = store.headline_wages_of(&links, None)?;
    let stored = store.wages()?;
    let no_estimates = match (stored, employment.is_empty()) {
        (Some(_), true) => Some(
            unlinked
                .into_iter()
                .next()
                .map_or(NoEstimate::NoLinkedOccupation, |u| u.reason),
        ),
        _ => None,
    };
    let (projections, no_projections) = store.occupation_outlooks(entry);
    let shows_bls = !employment.is_empty() || !projections.is_empty();
    Ok(RoleOutlook {
        id: p.id.clone(),
        title: p.title.clone(),
        code: p.onet.as_ref().map(|d| d.code.clone()),
        bls_code: matches!(entry.origin, crate::store::Origin::Bls).then(|| p.id.clone()),
        codes: entry.role_codes(),
        growth: market
            .iter()
            .flat_map(|m| &m.figures)
            .filter(|f| f.kind.is_growth())
            .map(|f| Figure {
                source: f.source.clone().or_else(|| p.source.clone()),
                ..f.clone()
            })
            .collect(),
        outlook: market.map(|m| m.outlook.clone()).unwrap_or_default(),
        all_occupations: store
            .all_occupations_change()
            .filter(|_| !projections.is_empty()),
        projections_source: store.projections_source(),
        projections,
        no_projections,
        no_estimates,
        notice: shows_bls.then_some(store.bls_notice()),
        employment,
        official_source: stored.map(crate::store::wages::WagesSource::of),
        attribution: store.onet_attribution([p.id.as_str()]),
    })
}

fn list(ctx: &Context, args: &OutlookArgs) -> anyhow::Result<OutlookList> {
    let store = &ctx.store;
    let source = store.projections_source().ok_or_else(|| {
        anyhow::anyhow!(
            "no BLS Employment Projections release is in use; import one with `careers import projections FILE`"
        )
    })?;
    let filter = OutlookFilter {
        groups: args.group.clone(),
        education: args.education,
    };
    let (ranked, matched) = store.rank_projections(args.by, &filter, usize::from(args.top));
    let (left_out, incomplete) = store.projections_left_out(&filter);
    if matched == 0 {
        anyhow::bail!(
            "no occupation BLS projects is in {}; try fewer filters",
            describe_filter(&filter)
        );
    }
    Ok(OutlookList {
        rank: args.by,
        groups: filter.groups,
        education: filter.education,
        matched,
        occupations: ranked
            .into_iter()
            .map(|p| store.projection_facts(p))
            .collect(),
        left_out,
        incomplete,
        all_occupations: store.all_occupations_change(),
        projections_source: source,
        notice: store.bls_notice(),
    })
}

fn describe_filter(filter: &OutlookFilter) -> String {
    let mut parts = Vec::new();
    if !filter.groups.is_empty() {
        parts.push(format!("SOC group {}", filter.groups.join(" or ")));
    }
    if let Some(e) = filter.education {
        parts.push(format!("needs at most: {}", e.label()));
    }
    parts.join(", and ")
}
