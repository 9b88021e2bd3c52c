//! `careers outlook ROLE`: what the market is doing for one role: the growth figures and the
//! outlook its profile reports, and how many people BLS OEWS counts in its occupations across
//! the nation, with their median pay.

use serde::Serialize;

use crate::Context;
use crate::cli::OutlookArgs;
use crate::model::Figure;
use crate::store::wages::{HeadlineWage, NoEstimate};

/// One role's market picture.
#[derive(Debug, Serialize)]
pub struct OutlookReport {
    pub id: String,
    pub title: String,
    /// The O*NET-SOC code, for an O*NET occupation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Growth of jobs, openings, projected jobs or the market, as the profile reports them, each
    /// with its source (the profile's, where the figure names none).
    pub growth: Vec<Figure>,
    /// What the profile says of the role's future.
    pub outlook: Vec<String>,
    /// BLS OEWS national employment and median pay of each occupation the role links to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub employment: Vec<HeadlineWage>,
    /// The BLS OEWS release consulted ("BLS OEWS May 2025"), when one is in use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub official_source: Option<String>,
    /// Why there are no estimates, when a release is in use and has none for the role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_estimates: Option<NoEstimate>,
    /// BLS's notice, when `employment` is shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<&'static str>,
    /// O*NET's attribution, when the role is an O*NET occupation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

pub fn run(ctx: &Context, args: &OutlookArgs) -> anyhow::Result<OutlookReport> {
    let store = &ctx.store;
    let entry = store.resolve(&args.role)?;
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
    Ok(OutlookReport {
        id: p.id.clone(),
        title: p.title.clone(),
        code: p.onet.as_ref().map(|d| d.code.clone()),
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
        no_estimates,
        notice: stored
            .filter(|_| !employment.is_empty())
            .map(|_| crate::oews::NOTICE),
        employment,
        official_source: stored.map(crate::oews::source_name),
        attribution: store.onet_attribution([p.id.as_str()]),
    })
}
