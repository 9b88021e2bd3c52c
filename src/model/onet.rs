//! What the O*NET database says of an occupation, kept apart from the curated sections so
//! that every view can label it and carry O*NET's attribution.

use serde::{Deserialize, Serialize};

/// O*NET facts about one occupation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OnetDetails {
    /// The O*NET-SOC code, e.g. `15-2051.00`.
    pub code: String,
    /// Other titles for the occupation (O*NET Alternate Titles), used by search.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternate_titles: Vec<String>,
    /// Titles reported by workers (O*NET Sample of Reported Titles).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reported_titles: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<OnetTask>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub technology: Vec<TechnologySkill>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tools: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_zone: Option<JobZone>,
    /// The most common required level of education and the share of respondents who named it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<EducationLevel>,
    /// The RIASEC interest code from the high-point interests, e.g. "ICR".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest_code: Option<String>,
    /// Work styles, most important first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub work_styles: Vec<String>,
    /// Related occupations in tier and rank order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<RelatedOccupation>,
}

/// A task statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OnetTask {
    pub statement: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<TaskKind>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TaskKind {
    Core,
    Supplemental,
}

/// A piece of software or technology used in the occupation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TechnologySkill {
    /// The product as O*NET names it, e.g. "Apache Spark".
    pub example: String,
    /// O*NET's commodity title, e.g. "Data base management system software".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commodity: Option<String>,
    /// The canonical skill in the project's vocabulary, where the name maps onto one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hot: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub in_demand: bool,
}

/// O*NET's job zone: how much preparation the occupation needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JobZone {
    /// 1 (little preparation) to 5 (extensive preparation).
    pub zone: u8,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experience: Option<String>,
}

/// A level of education and the percentage of respondents who said it is required.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EducationLevel {
    pub level: String,
    pub percent: f64,
}

/// An occupation O*NET relates to this one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RelatedOccupation {
    pub code: String,
    pub title: String,
    /// "Primary-Short", "Primary-Long" or "Supplemental".
    pub tier: String,
    pub rank: u16,
}
