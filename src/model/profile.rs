//! The career profile: what a role is, does, needs, pays and leads to.
//!
//! One type serves three kinds of profile: the curated ones bundled in `data/`, profiles that
//! users write, and the occupations of the O*NET database (embedded or imported). Only `id`, `title` and
//! `summary` are required; every section is optional and absent when there is nothing to say.

use serde::{Deserialize, Serialize};

use super::market::Market;
use super::salary::Salary;

/// A career profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The JSON Schema the file follows (see `careers schema`), for editors; ignored otherwise.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Lowercase slug that names the profile on the command line, e.g. `ml-engineer`.
    pub id: String,
    /// The role's usual title.
    pub title: String,
    /// One or two sentences on what the role is.
    pub summary: String,
    /// Other names the role goes by; each resolves to this profile on the command line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Codes of this role in other classifications (O*NET-SOC).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<ExternalCode>,
    /// Where the profile's facts come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Provenance>,
    /// A longer description of the role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overview: Option<String>,
    /// How the role differs from neighbouring roles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub differences: Vec<RoleDifference>,
    /// What the role does, grouped as the source groups it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsibilities: Vec<ItemGroup>,
    /// Education, experience and certifications the role asks for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirements: Option<Requirements>,
    /// Technical skills and knowledge, each under a canonical name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<SkillRef>,
    /// Non-technical skills, each with what it means for this role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub soft_skills: Vec<SoftSkill>,
    /// Industries that employ the role and what they use it for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub industries: Vec<Industry>,
    /// How to grow in the role and where it leads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub career: Option<Career>,
    /// Demand for the role: growth figures, in-demand skills, opportunities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub market: Option<Market>,
    /// Pay figures and what moves them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salary: Option<Salary>,
    /// Developments shaping the field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trends: Vec<Trend>,
    /// Recommended ways of working, grouped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub best_practices: Vec<ItemGroup>,
    /// Difficulties the role commonly meets, grouped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub challenges: Vec<ItemGroup>,
    /// What the O*NET database says of this occupation (imported profiles only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub onet: Option<super::onet::OnetDetails>,
}

/// A code that identifies the role in another classification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExternalCode {
    pub system: CodeSystem,
    /// The code itself, e.g. `15-2051.00`.
    pub code: String,
    /// The title the classification gives that code.
    pub title: String,
    /// Why the code fits this role, e.g. the alternate title it lists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
}

/// Classifications a profile can link to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CodeSystem {
    /// The O*NET-SOC taxonomy of the U.S. Department of Labor.
    OnetSoc,
}

/// Where a profile or figure comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The document, e.g. a career page or a database release.
    pub document: String,
    /// The part of the document, where that helps a reader find the fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The year the figures refer to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
}

/// How the role differs from another one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleDifference {
    /// The role compared with, e.g. "Data scientist".
    pub other_role: String,
    /// The id of the other role's profile, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    pub points: Vec<String>,
}

/// A named group of short statements (responsibilities, practices, challenges).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemGroup {
    pub name: String,
    /// Whom the group applies to, when not everyone in the role, e.g. "senior roles".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to: Option<String>,
    pub items: Vec<String>,
}

/// What a role asks of a candidate.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirements {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<Education>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub experience: Vec<ExperienceRequirement>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certifications: Vec<Certification>,
    /// Further expectations that are not a skill of their own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<String>,
}

/// Degrees a role asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Education {
    /// The usual degree levels.
    pub degrees: Vec<DegreeLevel>,
    /// Fields of study, e.g. "computer science".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// Whether "a related field" is accepted besides the named ones.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub related_fields_accepted: bool,
    /// Higher degrees that employers prefer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advanced: Option<AdvancedDegrees>,
    /// Qualifications of the stated level, e.g. "usually".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Advanced degrees preferred by employers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AdvancedDegrees {
    pub degrees: Vec<DegreeLevel>,
    /// How strongly they are preferred, e.g. "often preferred".
    pub preference: String,
    /// Where the preference is strongest, e.g. "senior positions".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub especially_for: Option<String>,
}

/// A level of academic degree.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum DegreeLevel {
    HighSchool,
    Associate,
    Bachelor,
    Master,
    Doctorate,
}

impl DegreeLevel {
    pub fn label(self) -> &'static str {
        match self {
            DegreeLevel::HighSchool => "High school diploma",
            DegreeLevel::Associate => "Associate's degree",
            DegreeLevel::Bachelor => "Bachelor's degree",
            DegreeLevel::Master => "Master's degree",
            DegreeLevel::Doctorate => "Ph.D.",
        }
    }
}

/// Years of experience, e.g. "1-3", "5+", "7-10+".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearSpan {
    pub min: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u8>,
    /// Whether the span is open upwards ("5+", "7-10+").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub or_more: bool,
}

impl std::fmt::Display for YearSpan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.max {
            Some(max) => write!(f, "{}-{}", self.min, max)?,
            None => write!(f, "{}", self.min)?,
        }
        if self.or_more || self.max.is_none() {
            f.write_str("+")?;
        }
        f.write_str(" years")
    }
}

/// Experience asked for at one stage of the role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExperienceRequirement {
    /// The stage this applies to, e.g. "Entry-level", "Senior roles".
    pub stage: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<YearSpan>,
    /// In what, e.g. "as a software engineer".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_field: Option<String>,
    /// What may stand in for it or must come with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A professional certification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Certification {
    /// The name as usually written, e.g. "CompTIA Data+".
    pub name: String,
}

/// A skill the role needs, named by its canonical name in the skill vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SkillRef {
    pub name: String,
    /// Defaults to the vocabulary's category for this skill, or `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<SkillCategory>,
    /// A qualification, e.g. "for senior roles".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Kinds of skill, used to group skills in every view.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum SkillCategory {
    ProgrammingLanguage,
    MlFramework,
    CloudPlatform,
    BigData,
    Database,
    Mathematics,
    DataPractice,
    MlPractice,
    EngineeringPractice,
    Specialization,
    Tool,
    Domain,
    Management,
    SoftSkill,
    Other,
}

impl SkillCategory {
    pub const ALL: [SkillCategory; 15] = [
        SkillCategory::ProgrammingLanguage,
        SkillCategory::MlFramework,
        SkillCategory::CloudPlatform,
        SkillCategory::BigData,
        SkillCategory::Database,
        SkillCategory::Mathematics,
        SkillCategory::DataPractice,
        SkillCategory::MlPractice,
        SkillCategory::EngineeringPractice,
        SkillCategory::Specialization,
        SkillCategory::Tool,
        SkillCategory::Domain,
        SkillCategory::Management,
        SkillCategory::SoftSkill,
        SkillCategory::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SkillCategory::ProgrammingLanguage => "Programming languages",
            SkillCategory::MlFramework => "ML frameworks",
            SkillCategory::CloudPlatform => "Cloud platforms",
            SkillCategory::BigData => "Big data",
            SkillCategory::Database => "Databases",
            SkillCategory::Mathematics => "Mathematics",
            SkillCategory::DataPractice => "Data practice",
            SkillCategory::MlPractice => "ML practice",
            SkillCategory::EngineeringPractice => "Engineering practice",
            SkillCategory::Specialization => "Specializations",
            SkillCategory::Tool => "Tools",
            SkillCategory::Domain => "Domain knowledge",
            SkillCategory::Management => "Management",
            SkillCategory::SoftSkill => "Soft skills",
            SkillCategory::Other => "Other",
        }
    }
}

/// A soft skill and what it means in the role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SoftSkill {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// An industry that employs the role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Industry {
    pub name: String,
    /// What the industry uses the role's work for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uses: Vec<String>,
}

/// How to build a career in the role and where it leads.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Career {
    /// Steps to enter and grow: education, skills, practice, continuous learning.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub development: Vec<ItemGroup>,
    /// Stages of progression, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progression: Vec<Stage>,
    /// Areas to specialise in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub specializations: Vec<String>,
    /// Roles the career can lead to, each with what it does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<RoleLink>,
    /// Where the role works: kinds of employer and why they hire.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub work_settings: Vec<WorkSetting>,
    /// Other roles related to this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related_roles: Vec<RoleLink>,
}

/// A stage of career progression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub name: String,
    /// Roles typical of the stage.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<RoleLink>,
    /// What happens at this stage.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
}

/// A named role, linked to its profile when there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleLink {
    pub title: String,
    /// The id of the role's profile; absent when the role is only named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A kind of employer and why it hires people in this field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkSetting {
    pub employer: String,
    /// Whom it hires, e.g. "applied ML scientists".
    pub hires: String,
    /// What for, e.g. "product development".
    pub purpose: String,
}

/// A development shaping the field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Trend {
    pub name: String,
    pub summary: String,
    /// A figure attached to the trend, e.g. "70% of applications by 2025".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figure: Option<super::market::Figure>,
}
