//! `careers where ROLE`: the areas where a role's occupation pays or employs most, ranked by a
//! BLS OEWS figure.

use serde::Serialize;

use crate::Context;
use crate::cli::{WhereArgs, WhereBy};
use crate::error::CareersError;
use crate::model::wages::{AreaKind, Measure, Value};
use crate::store::wages::{NoEstimate, PlaceEstimate, WageLink, areas_of_kind};

/// The ranking of one role's occupations.
#[derive(Debug, Serialize)]
pub struct WhereReport {
    pub role: String,
    pub title: String,
    pub by: WhereBy,
    /// `metro` or `state`.
    pub areas: AreaKind,
    /// "BLS OEWS May 2025".
    pub source: String,
    pub occupations: Vec<OccupationRanking>,
    pub notice: &'static str,
    /// O*NET's attribution, when the role is an O*NET occupation (its title and code are
    /// O*NET's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

/// One occupation's areas, best first.
#[derive(Debug, Serialize)]
pub struct OccupationRanking {
    pub occupation: WageLink,
    /// Areas with an estimate of the occupation.
    pub estimated: usize,
    /// Of those, how many do not publish the figure ranked by (so are not ranked).
    pub not_published: usize,
    pub ranked: Vec<RankedArea>,
}

#[derive(Debug, Serialize)]
pub struct RankedArea {
    pub rank: usize,
    #[serde(flatten)]
    pub estimate: PlaceEstimate,
}

impl WhereBy {
    pub fn measure(self) -> Measure {
        match self {
            WhereBy::Median => Measure::AnnualMedian,
            WhereBy::Mean => Measure::AnnualMean,
            WhereBy::Employment => Measure::Employment,
            WhereBy::JobsPer1000 => Measure::JobsPer1000,
            WhereBy::LocationQuotient => Measure::LocationQuotient,
        }
    }
}

pub fn run(ctx: &Context, args: &WhereArgs) -> anyhow::Result<WhereReport> {
    let store = &ctx.store;
    let entry = store.resolve(&args.role)?;
    let Some(stored) = store.wages()? else {
        return Err(CareersError::Usage(
            "`careers where` ranks areas by BLS OEWS estimates, and none are loaded; import them with `careers import oews DIR`".into(),
        )
        .into());
    };
    let (links, unlinked) = store.wage_links(entry)?;
    if links.is_empty() {
        let reason = unlinked
            .first()
            .map_or(NoEstimate::NoLinkedOccupation, |u| u.reason.clone());
        anyhow::bail!("no BLS OEWS estimates for {}: {reason}", entry.profile.id);
    }
    let kind = if args.states {
        AreaKind::State
    } else {
        AreaKind::Metro
    };
    let wanted = areas_of_kind(stored, kind);
    let industry = stored.cross_industry();
    let measure = args.by.measure();
    let mut occupations = Vec::new();
    for link in links {
        let estimates = stored.estimates_where(link.position, |a, i| {
            Some(i) == industry && wanted.contains(&a)
        })?;
        let estimated = estimates.len();
        // A top-coded wage is at least the threshold: above every published one.
        let mut keyed: Vec<(u64, crate::oews::storage::AreaEstimate)> = estimates
            .into_iter()
            .filter_map(|e| match e.estimate.get(measure) {
                Some(Value::Number(n)) => Some((n, e)),
                Some(Value::AtLeast) => Some((u64::MAX, e)),
                _ => None,
            })
            .collect();
        let not_published = estimated - keyed.len();
        let names = &stored.tables.areas;
        keyed.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then_with(|| names[a.1.area].name.cmp(&names[b.1.area].name))
        });
        let ranked = keyed
            .into_iter()
            .take(usize::from(args.top))
            .enumerate()
            .map(|(i, (_, e))| RankedArea {
                rank: i + 1,
                estimate: stored.place_estimate(e, None),
            })
            .collect();
        occupations.push(OccupationRanking {
            occupation: link,
            estimated,
            not_published,
            ranked,
        });
    }
    Ok(WhereReport {
        role: entry.profile.id.clone(),
        title: entry.profile.title.clone(),
        by: args.by,
        areas: kind,
        source: crate::oews::source_name(stored),
        occupations,
        notice: crate::oews::NOTICE,
        attribution: ctx.store.onet_attribution([entry.profile.id.as_str()]),
    })
}
