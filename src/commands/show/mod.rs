//! `careers show ROLE`: the whole profile as readable sections.

mod onet;

pub use onet::LinkedOccupation;

use serde::Serialize;

use crate::Context;
use crate::cli::{Section, ShowArgs};
use crate::model::{Profile, SkillCategory, Vocabulary};
use crate::store::{Entry, Origin};

/// A profile, cut down to the sections asked for.
#[derive(Debug, Serialize)]
pub struct ShowReport {
    #[serde(flatten)]
    pub profile: Profile,
    pub origin: Origin,
    /// Skill categories as the vocabulary gives them, for skills whose profile leaves it out.
    #[serde(skip)]
    pub categories: Vec<SkillCategory>,
    #[serde(skip)]
    pub sections: Vec<Section>,
    /// Whether the view shows every O*NET item (`--full`) instead of the first ones.
    #[serde(skip)]
    pub full: bool,
    /// What the linked O*NET occupations say, for a curated profile with O*NET-SOC codes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub onet_links: Vec<LinkedOccupation>,
    /// O*NET's attribution, when the report shows O*NET data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

pub fn run(ctx: &Context, args: &ShowArgs) -> anyhow::Result<ShowReport> {
    let entry = ctx.store.resolve(&args.role)?;
    let mut report = report(entry, &args.section, ctx.store.vocabulary());
    report.full = args.full;
    onet::complete(&ctx.store, entry, &mut report)?;
    Ok(report)
}

pub fn report(entry: &Entry, sections: &[Section], vocabulary: &Vocabulary) -> ShowReport {
    let mut profile = entry.profile.clone();
    let mut sections = sections.to_vec();
    sections.sort();
    sections.dedup();
    if !sections.is_empty() {
        keep_sections(&mut profile, &sections);
    }
    let categories = profile
        .skills
        .iter()
        .map(|s| skill_category(s.category, &s.name, vocabulary))
        .collect();
    ShowReport {
        profile,
        origin: entry.origin.clone(),
        categories,
        sections,
        full: false,
        onet_links: Vec::new(),
        attribution: None,
    }
}

/// The category of a skill: the profile's own, else the vocabulary's, else `other`.
pub fn skill_category(
    own: Option<SkillCategory>,
    name: &str,
    vocabulary: &Vocabulary,
) -> SkillCategory {
    own.or_else(|| vocabulary.resolve(name).map(|s| s.category))
        .unwrap_or(SkillCategory::Other)
}

fn keep_sections(p: &mut Profile, keep: &[Section]) {
    let has = |s| keep.contains(&s);
    if !has(Section::Overview) {
        p.overview = None;
    }
    if !has(Section::Differences) {
        p.differences.clear();
    }
    if !has(Section::Responsibilities) {
        p.responsibilities.clear();
    }
    if !has(Section::Requirements) {
        p.requirements = None;
    }
    if !has(Section::Skills) {
        p.skills.clear();
    }
    if !has(Section::SoftSkills) {
        p.soft_skills.clear();
    }
    if !has(Section::Industries) {
        p.industries.clear();
    }
    if !has(Section::Career) {
        p.career = None;
    }
    if !has(Section::Market) {
        p.market = None;
    }
    if !has(Section::Salary) {
        p.salary = None;
    }
    if !has(Section::Trends) {
        p.trends.clear();
    }
    if !has(Section::BestPractices) {
        p.best_practices.clear();
    }
    if !has(Section::Challenges) {
        p.challenges.clear();
    }
    if !keep.iter().any(|s| s.is_onet()) {
        p.onet = None;
    }
}

/// Whether the profile has anything for section `s`.
pub fn has_section(p: &Profile, s: Section) -> bool {
    match s {
        Section::Overview => p.overview.is_some(),
        Section::Differences => !p.differences.is_empty(),
        Section::Responsibilities => !p.responsibilities.is_empty(),
        Section::Requirements => p.requirements.is_some(),
        Section::Skills => !p.skills.is_empty(),
        Section::SoftSkills => !p.soft_skills.is_empty(),
        Section::Industries => !p.industries.is_empty(),
        Section::Career => p.career.is_some(),
        Section::Market => p.market.is_some(),
        Section::Salary => p.salary.is_some(),
        Section::Trends => !p.trends.is_empty(),
        Section::BestPractices => !p.best_practices.is_empty(),
        Section::Challenges => !p.challenges.is_empty(),
        Section::Onet => p.onet.is_some(),
        onet => p.onet.as_ref().is_some_and(|d| onet::has_part(d, onet)),
    }
}
