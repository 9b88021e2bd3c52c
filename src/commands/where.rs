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
    /// With `--by real-median`: the release of BEA's price parities the medians are divided by.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prices_source: Option<crate::store::prices::PricesSource>,
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
    /// With `--by real-median`: areas left out because BEA publishes no price level for them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_priced: Option<usize>,
    /// With `--by real-median`: areas left out because their median is top-coded (at least
    /// BLS's threshold), whose worth in U.S.-average prices is not known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top_coded: Option<usize>,
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
            WhereBy::Median | WhereBy::RealMedian => Measure::AnnualMedian,
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
    let real = args.by == WhereBy::RealMedian;
    if real && store.prices().is_none() {
        return Err(CareersError::Usage(
            "`--by real-median` divides each median by its area's price level, and no BEA Regional Price Parities are loaded; import them with `careers import prices DIR`".into(),
        )
        .into());
    }
    let mut occupations = Vec::new();
    for link in links {
        let estimates = stored.estimates_where(link.position, |a, i| {
            Some(i) == industry && wanted.contains(&a)
        })?;
        let estimated = estimates.len();
        let (mut not_priced, mut top_coded) = (0, 0);
        // A top-coded wage is at least the threshold: above every published one. In U.S.-average
        // prices it is not known where it stands, and is not ranked.
        let mut keyed: Vec<(u64, usize)> = Vec::new();
        let mut not_published = 0;
        for (at, e) in estimates.iter().enumerate() {
            let key = match (e.estimate.get(measure), real) {
                (Some(Value::Number(n)), false) => n,
                (Some(Value::AtLeast), false) => u64::MAX,
                (Some(Value::Number(n)), true) => {
                    let area = &stored.tables.areas[e.area];
                    match store.area_parity(&area.code, area.kind) {
                        Some(parity) => crate::model::prices::in_us_prices(n, parity),
                        None => {
                            not_priced += 1;
                            continue;
                        }
                    }
                }
                (Some(Value::AtLeast), true) => {
                    top_coded += 1;
                    continue;
                }
                _ => {
                    not_published += 1;
                    continue;
                }
            };
            keyed.push((key, at));
        }
        // Keys and positions are sorted, not the estimates: ties go to the area's name, which
        // no two areas share.
        let names = &stored.tables.areas;
        let name = |at: usize| &names[estimates[at].area].name;
        keyed.sort_unstable_by(|a, b| b.0.cmp(&a.0).then_with(|| name(a.1).cmp(name(b.1))));
        let ranked = keyed
            .into_iter()
            .take(usize::from(args.top))
            .enumerate()
            .map(|(i, (_, at))| {
                let mut estimate = stored.place_estimate(estimates[at].clone(), None);
                if real {
                    store.add_prices(&mut estimate);
                }
                RankedArea {
                    rank: i + 1,
                    estimate,
                }
            })
            .collect();
        occupations.push(OccupationRanking {
            occupation: link,
            estimated,
            not_published,
            not_priced: real.then_some(not_priced),
            top_coded: real.then_some(top_coded),
            ranked,
        });
    }
    Ok(WhereReport {
        role: entry.profile.id.clone(),
        title: entry.profile.title.clone(),
        by: args.by,
        areas: kind,
        source: stored.source_name(),
        occupations,
        prices_source: real.then(|| store.prices_source()).flatten(),
        notice: crate::store::wages::OEWS_NOTICE,
        attribution: ctx.store.onet_attribution([entry.profile.id.as_str()]),
    })
}
