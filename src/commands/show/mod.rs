//! `careers show ROLE`: the whole profile as readable sections.

mod onet;

pub use onet::LinkedOccupation;

use serde::Serialize;

use crate::Context;
use crate::cli::{Section, ShowArgs};
use crate::model::{Profile, SkillCategory, SkillRef, Vocabulary};
use crate::store::projections::{GroupChange, NoProjection, OccupationOutlook, ProjectionsSource};
use crate::store::wages::HeadlineWage;
use crate::store::{Entry, Origin};

/// A profile, cut down to the sections asked for.
#[derive(Debug, Serialize)]
pub struct ShowReport {
    #[serde(flatten)]
    pub profile: Profile,
    /// The O*NET-SOC code whose figures stand for the role: an occupation's own, or the first
    /// of a curated profile's `codes`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The SOC code of `code`, or the BLS code asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub soc: Option<String>,
    pub origin: Origin,
    /// Skill categories as the vocabulary gives them, for skills whose profile leaves it out.
    #[serde(skip)]
    pub categories: Vec<SkillCategory>,
    /// The sections asked for (`--section`), which the profile is cut down to; none: all.
    #[serde(skip)]
    pub sections: Vec<Section>,
    /// What the linked O*NET occupations say, for a curated profile with O*NET-SOC codes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub onet_links: Vec<LinkedOccupation>,
    /// An O*NET occupation's outlook: BLS's projections and its national median pay.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlook: Option<ShowOutlook>,
    /// O*NET's attribution, when the report shows O*NET data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// The O*NET title the name asked for found the occupation by, when it is none of the
    /// occupation's own names ("Software Engineer" for Software Developers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found_by: Option<crate::store::FoundByTitle>,
}

impl crate::model::credits::Credited for ShowReport {
    fn credits(&self) -> crate::model::credits::Credits<'_> {
        crate::model::credits::Credits::none()
            .bls(self.outlook.as_ref().and_then(|o| o.notice))
            .onet(self.attribution.as_deref())
    }
}

pub fn run(ctx: &Context, args: &ShowArgs) -> anyhow::Result<ShowReport> {
    let (entry, found_by) = ctx.store.resolve_noting(&args.role)?;
    let mut report = report(entry, &args.section, ctx.store.vocabulary());
    report.found_by = found_by;
    report.outlook = outlook(ctx, entry, &args.section)?;
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
    let codes = entry.role_codes();
    ShowReport {
        profile,
        code: codes.code,
        soc: codes.soc,
        origin: entry.origin.clone(),
        categories,
        sections,
        onet_links: Vec::new(),
        outlook: None,
        attribution: None,
        found_by: None,
    }
}

/// What `show` says of an O*NET occupation's prospects: BLS's projections of it and its
/// national median pay (BLS OEWS), the first-screen "at a glance" facts among them.
#[derive(Debug, Serialize)]
pub struct ShowOutlook {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projection: Option<OccupationOutlook>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_projection: Option<NoProjection>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_occupations: Option<GroupChange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projections_source: Option<ProjectionsSource>,
    /// BLS OEWS's national median annual pay.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub median_pay: Option<HeadlineWage>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub median_pay_source: Option<crate::store::wages::WagesSource>,
    /// BLS's notice, when BLS figures are shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<&'static str>,
}

/// The outlook of an O*NET occupation, when the sections asked for include it.
fn outlook(
    ctx: &Context,
    entry: &Entry,
    sections: &[Section],
) -> anyhow::Result<Option<ShowOutlook>> {
    let store = &ctx.store;
    if !matches!(entry.origin, Origin::Onet { .. })
        || !(sections.is_empty() || sections.contains(&Section::Outlook))
    {
        return Ok(None);
    }
    let (mut projections, missing) = store.occupation_outlooks(entry);
    let median_pay = store.headline_wages(entry, None)?.into_iter().next();
    let projection = (!projections.is_empty()).then(|| projections.remove(0));
    // A row an import left out is said, not passed over.
    let no_projection = match missing
        .iter()
        .position(|m| matches!(m, NoProjection::Incomplete { .. }))
    {
        Some(at) => Some(missing[at].clone()),
        None => missing.into_iter().next(),
    }
    .filter(|_| projection.is_none());
    let incomplete = matches!(no_projection, Some(NoProjection::Incomplete { .. }));
    if projection.is_none() && median_pay.is_none() && !incomplete {
        return Ok(None);
    }
    Ok(Some(ShowOutlook {
        all_occupations: store
            .all_occupations_change()
            .filter(|_| projection.is_some()),
        no_projection,
        projections_source: store.projections_source(),
        median_pay_source: store
            .wages()?
            .filter(|_| median_pay.is_some())
            .map(crate::store::wages::WagesSource::of),
        notice: Some(store.bls_notice()),
        projection,
        median_pay,
    }))
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

impl ShowReport {
    /// The profile's other names, leaving out one that is its title but for case.
    pub fn aliases(&self) -> Vec<&str> {
        let p = &self.profile;
        p.aliases
            .iter()
            .map(String::as_str)
            .filter(|a| !a.eq_ignore_ascii_case(&p.title))
            .collect()
    }

    /// The profile's skills by category, in the vocabulary's order of categories (those with
    /// none left out), each in the profile's order.
    pub fn skills_by_category(&self) -> Vec<(SkillCategory, Vec<&SkillRef>)> {
        SkillCategory::ALL
            .into_iter()
            .map(|cat| {
                let skills = self.profile.skills.iter().zip(&self.categories);
                let of_cat = skills.filter(|(_, c)| **c == cat).map(|(s, _)| s);
                (cat, of_cat.collect::<Vec<_>>())
            })
            .filter(|(_, skills)| !skills.is_empty())
            .collect()
    }

    /// The sections asked for that the profile has no data for (an O*NET section counts as
    /// answered when the linked occupations say something instead).
    pub fn sections_without_data(&self) -> Vec<Section> {
        self.sections
            .iter()
            .copied()
            .filter(|s| !has_section(&self.profile, *s))
            .filter(|s| !s.is_onet() || self.onet_links.is_empty())
            .collect()
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
        Section::Outlook | Section::Onet => p.onet.is_some(),
        onet => p.onet.as_ref().is_some_and(|d| onet::has_part(d, onet)),
    }
}
