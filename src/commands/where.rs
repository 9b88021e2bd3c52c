//! `careers where ROLE`: the areas where a role's occupation pays or employs most, ranked by a
//! BLS OEWS figure.

use serde::Serialize;

use crate::store::codes::RoleCodes;
use crate::store::wages::WagesSource;

use crate::Context;
use crate::cli::{WhereArgs, WhereBy};
use crate::error::CareersError;
use crate::model::reliability::Reliability;
use crate::model::wages::{AreaKind, Measure, Value};
use crate::store::wages::{AreaRef, NoEstimate, PlaceEstimate, WageLink, areas_of_kind};

/// The ranking of one role's occupations.
#[derive(Debug, Serialize)]
pub struct WhereReport {
    #[serde(rename = "id")]
    pub role: String,
    pub title: String,
    #[serde(flatten)]
    pub codes: RoleCodes,
    pub by: WhereBy,
    /// `metro` or `state`.
    pub areas: AreaKind,
    /// With `--in`: the state whose metropolitan and nonmetropolitan areas are ranked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within: Option<AreaRef>,
    /// With `--all`: every area with the figure is ranked, none cut off.
    pub all: bool,
    /// The relative standard error, in percent, above which an estimate is flagged unreliable.
    pub max_rse: f64,
    /// Whether flagged estimates are left out (`--omit-unreliable`) rather than marked.
    pub omit_unreliable: bool,
    /// The OEWS release ("BLS OEWS May 2025").
    pub source: WagesSource,
    pub occupations: Vec<OccupationRanking>,
    /// With `--by real-median`: the release of BEA's price parities the medians are divided by.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prices_source: Option<crate::store::prices::PricesSource>,
    /// With `--by real-median`: why every price level may be incomplete (an import under
    /// `--force` left out rows that name no area).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prices_incomplete: Option<String>,
    pub notice: &'static str,
    /// O*NET's attribution, when the role is an O*NET occupation (its title and code are
    /// O*NET's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

impl crate::model::credits::Credited for WhereReport {
    fn credits(&self) -> crate::model::credits::Credits<'_> {
        crate::model::credits::Credits::none()
            .bls(Some(self.notice))
            .onet(self.attribution.as_deref())
    }
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
    /// With `--by real-median`: areas left out because an import under `--force` left out
    /// their price levels' rows, each with why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub prices_incomplete: Vec<IncompleteArea>,
    /// With `--by real-median`: areas left out because their median is top-coded (at least
    /// BLS's threshold), whose worth in U.S.-average prices is not known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top_coded: Option<usize>,
    /// With `--omit-unreliable`: areas left out because an RSE is above `max_rse`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub omitted_unreliable: Option<usize>,
    /// How many of the ranked areas shown are flagged unreliable.
    pub flagged_unreliable: usize,
    pub ranked: Vec<RankedArea>,
}

/// An area without a price level because an import left out rows, and why.
#[derive(Debug, Serialize)]
pub struct IncompleteArea {
    pub area: crate::store::wages::AreaRef,
    pub incomplete: String,
}

#[derive(Debug, Serialize)]
pub struct RankedArea {
    pub rank: usize,
    #[serde(flatten)]
    pub estimate: PlaceEstimate,
    /// The estimate's RSEs and whether one is above `max_rse`.
    pub reliability: Reliability,
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
    let entry = store.resolve_or_bls_code(&args.role)?;
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
    let within = match &args.within {
        Some(input) => Some(store.resolve_state(input)?),
        None => None,
    };
    let wanted = match within {
        Some(state) => crate::store::where_rank::areas_in_state(stored, state),
        None => areas_of_kind(stored, kind),
    };
    let shown = if args.all {
        usize::MAX
    } else {
        usize::from(args.top)
    };
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
        let (mut not_priced, mut top_coded, mut omitted) = (0, 0, 0);
        // A top-coded wage is at least the threshold: above every published one. In U.S.-average
        // prices it is not known where it stands, and is not ranked.
        let mut keyed: Vec<(u64, usize, Reliability)> = Vec::new();
        let mut not_published = 0;
        let mut prices_incomplete = Vec::new();
        for (at, e) in estimates.iter().enumerate() {
            let key = match (e.estimate.get(measure), real) {
                (Some(Value::Number(n)), false) => n,
                (Some(Value::AtLeast), false) => u64::MAX,
                (Some(Value::Number(n)), true) => {
                    let area = &stored.tables.areas[e.area];
                    if let Some(parity) = store.area_parity(&area.code, area.kind) {
                        crate::model::prices::in_us_prices(n, parity)
                    } else {
                        let whole = store.prices_incomplete();
                        match store
                            .area_prices_incomplete(&area.code, area.kind)
                            .filter(|why| Some(*why) != whole)
                        {
                            Some(why) => prices_incomplete.push(IncompleteArea {
                                area: stored.area_ref(e.area),
                                incomplete: why.to_owned(),
                            }),
                            None => not_priced += 1,
                        }
                        continue;
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
            let reliability = Reliability::judge(
                e.estimate.get(Measure::EmploymentRse),
                e.estimate.get(Measure::WageRse),
                args.max_rse,
            );
            if reliability.unreliable && args.omit_unreliable {
                omitted += 1;
                continue;
            }
            keyed.push((key, at, reliability));
        }
        // Keys and positions are sorted, not the estimates: ties go to the area's name, which
        // no two areas share.
        let names = &stored.tables.areas;
        let name = |at: usize| &names[estimates[at].area].name;
        keyed.sort_unstable_by(|a, b| b.0.cmp(&a.0).then_with(|| name(a.1).cmp(name(b.1))));
        let ranked: Vec<RankedArea> = keyed
            .into_iter()
            .take(shown)
            .enumerate()
            .map(|(i, (_, at, reliability))| {
                let mut estimate = stored.place_estimate(estimates[at].clone(), None);
                if real {
                    store.add_prices(&mut estimate);
                }
                RankedArea {
                    rank: i + 1,
                    estimate,
                    reliability,
                }
            })
            .collect();
        let flagged_unreliable = ranked.iter().filter(|r| r.reliability.unreliable).count();
        occupations.push(OccupationRanking {
            occupation: link,
            estimated,
            not_published,
            not_priced: real.then_some(not_priced),
            prices_incomplete,
            top_coded: real.then_some(top_coded),
            omitted_unreliable: args.omit_unreliable.then_some(omitted),
            flagged_unreliable,
            ranked,
        });
    }
    Ok(WhereReport {
        role: entry.profile.id.clone(),
        title: entry.profile.title.clone(),
        codes: entry.role_codes(),
        by: args.by,
        areas: kind,
        within: within.map(|s| stored.area_ref(s)),
        all: args.all,
        max_rse: args.max_rse,
        omit_unreliable: args.omit_unreliable,
        source: WagesSource::of(stored),
        occupations,
        prices_source: real.then(|| store.prices_source()).flatten(),
        prices_incomplete: real
            .then(|| store.prices_incomplete().map(str::to_owned))
            .flatten(),
        notice: crate::store::wages::OEWS_NOTICE,
        attribution: ctx.store.onet_attribution([entry.profile.id.as_str()]),
    })
}
