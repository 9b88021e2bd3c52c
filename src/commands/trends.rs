//! `careers trends [ROLE]`: where the market is going — demand figures, industries adopting
//! the role's work and what for, in-demand skills, the outlook and the trends with their figures.

use serde::Serialize;

use crate::store::codes::RoleCodes;

use crate::Context;
use crate::cli::TrendsArgs;
use crate::model::{Figure, InDemandGroup, Industry, Profile, Trend};
use crate::store::{Entry, RoleSource};

/// Market data of the chosen roles.
#[derive(Debug, Serialize)]
pub struct TrendsReport {
    /// Roles with market data, in store order.
    pub roles: Vec<RoleMarket>,
    /// Roles asked about (or, without a role, every role) that have no market data.
    pub roles_without_market_data: Vec<RoleSource>,
    /// When the role asked about has no market data: the roles that do.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles_with_market_data: Vec<String>,
}

/// It shows no credited source's figures.
impl crate::model::credits::Credited for TrendsReport {}

/// One role's market picture. A part the profile lacks is empty.
#[derive(Debug, Serialize)]
pub struct RoleMarket {
    #[serde(rename = "id")]
    pub role: String,
    pub title: String,
    #[serde(flatten)]
    pub codes: RoleCodes,
    /// Growth and size figures, each with who reported it and its period.
    pub figures: Vec<Figure>,
    /// Industries that employ the role, and what they use it for.
    pub industries: Vec<Industry>,
    pub in_demand_skills: Vec<InDemandGroup>,
    pub outlook: Vec<String>,
    pub trends: Vec<Trend>,
}

/// Whether a profile says anything about the market: demand figures, skills, outlook or trends.
fn has_market_data(p: &Profile) -> bool {
    p.market.as_ref().is_some_and(|m| {
        !m.figures.is_empty() || !m.in_demand_skills.is_empty() || !m.outlook.is_empty()
    }) || !p.trends.is_empty()
}

pub fn run(ctx: &Context, args: &TrendsArgs) -> anyhow::Result<TrendsReport> {
    let entries: Vec<&Entry> = match &args.role {
        Some(name) => vec![ctx.store.resolve(name)?],
        // Market data is curated: O*NET's occupations have none.
        None => ctx.store.authored().collect(),
    };
    let mut roles = Vec::new();
    let mut without = Vec::new();
    for entry in entries {
        let p = &entry.profile;
        if !has_market_data(p) {
            without.push(entry);
            continue;
        }
        let market = p.market.clone().unwrap_or_default();
        roles.push(RoleMarket {
            role: p.id.clone(),
            title: p.title.clone(),
            codes: entry.role_codes(),
            figures: market.figures,
            industries: p.industries.clone(),
            in_demand_skills: market.in_demand_skills,
            outlook: market.outlook,
            trends: p.trends.clone(),
        });
    }
    let roles_with_market_data = if roles.is_empty() {
        ctx.store
            .authored()
            .filter(|e| has_market_data(&e.profile))
            .map(|e| e.profile.id.clone())
            .collect()
    } else {
        Vec::new()
    };
    Ok(TrendsReport {
        roles,
        roles_without_market_data: without.iter().map(|e| e.source()).collect(),
        roles_with_market_data,
    })
}
