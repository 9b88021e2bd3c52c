//! Market demand: growth figures, in-demand skills and the roles the market opens.

use serde::{Deserialize, Serialize};

use super::profile::{Provenance, RoleLink};

/// Demand for a role.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Market {
    /// Growth and size figures, each with who reported it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    /// Skills employers ask for, grouped and in the source's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub in_demand_skills: Vec<InDemandGroup>,
    /// Statements on the outlook that carry no figure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outlook: Vec<String>,
    /// Roles the market offers to people with these skills.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opportunities: Vec<RoleLink>,
}

/// A group of in-demand skills, e.g. "Cloud platforms".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InDemandGroup {
    pub name: String,
    pub skills: Vec<InDemandSkill>,
}

/// One in-demand skill, named by its canonical name in the skill vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InDemandSkill {
    pub name: String,
    /// What the source says of its demand, e.g. "significant growth in demand".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A market statistic: what is measured, its value with a unit, over which period, and who
/// reported it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// What the figure measures, e.g. "Growth of AI and ML jobs".
    pub metric: String,
    pub value: Quantity,
    /// The period or horizon, e.g. "2022-2032", "by 2030", "per year over the past four years".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Who reported the figure, e.g. "LinkedIn", "U.S. Bureau of Labor Statistics".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<String>,
    /// What kind of figure it is, e.g. job growth, market size; used to group and filter.
    pub kind: FigureKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Provenance>,
}

/// What a market figure is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum FigureKind {
    JobGrowth,
    OpeningsGrowth,
    ProjectedGrowth,
    MarketSize,
    MarketGrowthRate,
    SkillDemand,
    Adoption,
}

impl FigureKind {
    pub fn label(self) -> &'static str {
        match self {
            FigureKind::JobGrowth => "job growth",
            FigureKind::OpeningsGrowth => "openings growth",
            FigureKind::ProjectedGrowth => "projected growth",
            FigureKind::MarketSize => "market size",
            FigureKind::MarketGrowthRate => "market growth rate",
            FigureKind::SkillDemand => "skill demand",
            FigureKind::Adoption => "adoption",
        }
    }

    /// Whether the figure measures growth: of jobs, openings, projected jobs or the market.
    pub fn is_growth(self) -> bool {
        matches!(
            self,
            FigureKind::JobGrowth
                | FigureKind::OpeningsGrowth
                | FigureKind::ProjectedGrowth
                | FigureKind::MarketGrowthRate
        )
    }
}

/// A value with its unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "unit", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Quantity {
    /// A percentage, e.g. 74 for 74%.
    Percent { value: f64 },
    /// Billions of US dollars, e.g. 225.91 for $225.91 billion.
    UsdBillions { value: f64 },
}

impl std::fmt::Display for Quantity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Quantity::Percent { value } => write!(f, "{value}%"),
            Quantity::UsdBillions { value } => write!(f, "${value} billion"),
        }
    }
}
