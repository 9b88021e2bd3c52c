//! `careers gap FROM TO`: what the role TO asks for that FROM's profile does not have (O*NET's
//! skills and knowledge needed at a higher level, technical skills by category, the
//! technologies O*NET lists for TO that FROM lacks, education, certifications, experience), and
//! what carries over.
//!
//! Each role stands for the linked O*NET occupation that fits it best: the one whose
//! technologies map onto the most of the role's technical skills, the first listed on a tie (an
//! O*NET occupation is its own). Its pay, and its technologies, are that occupation's. TO's
//! technologies that FROM has neither by name nor under another name of the same vocabulary
//! skill are ranked by how central O*NET's own signals make them to TO: those O*NET marks
//! "In Demand" for TO first (frequent in its job postings), then "Hot Technology" (frequent in
//! job postings across occupations), then those of the kinds (O*NET's commodity titles) TO
//! lists the most technologies of (the tools its work is made of before a one-off), then by
//! name.

use serde::Serialize;

use crate::Context;
use crate::cli::GapArgs;
use crate::error::CareersError;
use crate::model::ratings::{LevelGap, level_gap};
use crate::model::skillset::{self, Skill, SkillGap};
use crate::model::{Profile, Requirements};
use crate::store::Store;
use crate::store::codes::RoleCodes;
use crate::store::matching::TechnologyGap;
use crate::store::projections::NoProjection;
use crate::store::ratings::{NoRatings, RatedOccupation};
use crate::store::wages::WagesSource;

#[derive(Debug, Serialize)]
pub struct RoleRef {
    pub id: String,
    pub title: String,
    #[serde(flatten)]
    pub codes: RoleCodes,
    /// How many technical skills the profile lists.
    pub skills: usize,
}

#[derive(Debug, Serialize)]
pub struct GapReport {
    pub from: RoleRef,
    pub to: RoleRef,
    #[serde(flatten)]
    pub skills: SkillGap,
    /// Soft skills TO lists that FROM does not, and those both list.
    pub soft_skills_to_learn: Vec<Skill>,
    pub soft_skills_shared: Vec<Skill>,
    /// TO's soft skills when FROM's profile has no soft-skills data: no data is not lacking,
    /// so they are neither to develop nor shared.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub soft_skills_not_compared: Vec<Skill>,
    /// Certifications TO names that FROM does not.
    pub certifications_to_get: Vec<String>,
    /// Both roles' requirements (education, experience by stage, certifications and other
    /// expectations); a part a profile does not state is left out.
    pub requirements: Compared<Requirements>,
    /// O*NET's attribution, when the report shows an occupation imported from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// The difference in BLS OEWS national median pay, when both roles have one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay: Option<PayDifference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlook: Option<OutlookDifference>,
    /// Each role whose projection an import under `--force` left out, and why: the outlook is
    /// not compared without it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub outlook_incomplete: Vec<IncompleteOutlook>,
    /// O*NET's skill and knowledge ratings of the two roles compared, when both have them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratings: Option<RatingsGap>,
    /// The technologies O*NET lists for TO's occupation that FROM lacks, most central first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub technologies: Option<TechnologyGap>,
    /// Each role without ratings and why, when the O*NET release in use has ratings.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ratings_missing: Vec<MissingRatings>,
}

impl crate::model::credits::Credited for GapReport {
    /// BLS's notice with the pay (or, without it, the outlook) compared.
    fn credits(&self) -> crate::model::credits::Credits<'_> {
        crate::model::credits::Credits::none()
            .bls(self.pay.as_ref().map(|p| p.notice))
            .bls(self.outlook.as_ref().and_then(|o| o.notice))
            .onet(self.attribution.as_deref())
    }
}

/// A role whose BLS projection an import under `--force` left out.
#[derive(Debug, Serialize)]
pub struct IncompleteOutlook {
    pub id: String,
    pub soc: String,
    pub incomplete: String,
}

/// What TO needs at a higher level than FROM has, by O*NET's ratings of each role's occupation
/// (its own for an O*NET occupation, its first linked one for another profile).
#[derive(Debug, Serialize)]
pub struct RatingsGap {
    /// The O*NET release the ratings come from.
    pub release: String,
    pub from: RatedOccupation,
    pub to: RatedOccupation,
    /// Both roles take their ratings from the same occupation, so they show no gap.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub same_occupation: bool,
    #[serde(flatten)]
    pub gap: LevelGap,
}

/// A role whose ratings cannot be compared, and why.
#[derive(Debug, Serialize)]
pub struct MissingRatings {
    #[serde(rename = "id")]
    pub role: String,
    pub reason: NoRatings,
}

/// How the two roles' projections differ: each role's first occupation BLS projects.
#[derive(Debug, Serialize)]
pub struct OutlookDifference {
    pub from: crate::store::projections::OccupationOutlook,
    pub to: crate::store::projections::OccupationOutlook,
    /// TO's projected change less FROM's, in percentage points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change_percent_difference: Option<f64>,
    pub source: crate::store::projections::ProjectionsSource,
    /// BLS's notice, when `pay` does not carry it already.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<&'static str>,
}

/// What the linked occupation that fits each role best pays (its national median), and the
/// difference (TO minus FROM), in whole dollars a year. The best fit is the linked occupation
/// whose technologies map onto the most of the role's technical skills, the one listed first on
/// a tie, among those with a published median.
#[derive(Debug, Serialize)]
pub struct PayDifference {
    pub from: crate::store::wages::HeadlineWage,
    pub to: crate::store::wages::HeadlineWage,
    pub difference: i64,
    pub source: WagesSource,
    pub notice: &'static str,
}

/// One thing of FROM and of TO.
#[derive(Debug, Serialize)]
pub struct Compared<T> {
    pub from: T,
    pub to: T,
}

pub fn run(ctx: &Context, args: &GapArgs) -> anyhow::Result<GapReport> {
    let (from_entry, to_entry) = (ctx.store.resolve(&args.from)?, ctx.store.resolve(&args.to)?);
    let from = ctx.store.full_profile(from_entry)?;
    let to = ctx.store.full_profile(to_entry)?;
    if from.id == to.id {
        return Err(CareersError::Usage(format!(
            "\"{}\" and \"{}\" are the same role ({}); gap takes two different roles",
            args.from, args.to, from.id
        ))
        .into());
    }
    let mut report = report(&ctx.store, &from, &to);
    report.from.codes = from_entry.role_codes();
    report.to.codes = to_entry.role_codes();
    report.technologies = ctx.store.technology_gap(from_entry, to_entry)?;
    let (from_ratings, to_ratings) = (
        ctx.store.role_ratings(from_entry)?,
        ctx.store.role_ratings(to_entry)?,
    );
    match (from_ratings, to_ratings) {
        (Some(Ok(f)), Some(Ok(t))) => {
            report.ratings = Some(RatingsGap {
                release: t.release.clone(),
                gap: level_gap(&f.ratings, &t.ratings),
                same_occupation: f.occupation.code == t.occupation.code,
                from: f.occupation,
                to: t.occupation,
            });
        }
        (Some(f), Some(t)) => {
            for (role, side) in [(&from.id, f), (&to.id, t)] {
                if let Err(reason) = side {
                    report.ratings_missing.push(MissingRatings {
                        role: role.clone(),
                        reason,
                    });
                }
            }
        }
        // The O*NET release in use has no ratings: nothing to say of them.
        _ => {}
    }
    // Only the ratings themselves are O*NET's data: saying that a role has none is not.
    if report.ratings.is_some() {
        report.attribution = ctx.store.onet_attribution_with_ratings();
    }
    if let Some(stored) = ctx.store.wages()? {
        // The best-fitting occupation with a published national median, and that median.
        let first = |entry| -> anyhow::Result<Option<(crate::store::wages::HeadlineWage, u64)>> {
            let order = ctx.store.codes_by_fit(entry);
            let rank = |code: &str| order.iter().position(|(c, _)| c == code);
            let mut wages: Vec<_> = ctx
                .store
                .headline_wages(entry, None)?
                .into_iter()
                .filter_map(|h| h.median_dollars().map(|d| (h, d)))
                .collect();
            // Stable: links the order does not name keep theirs, after those it does.
            wages.sort_by_key(|(h, _)| rank(&h.occupation.onet_code).unwrap_or(usize::MAX));
            Ok(wages.into_iter().next())
        };
        if let (Some((f, a)), Some((t, b))) = (first(from_entry)?, first(to_entry)?) {
            report.pay = Some(PayDifference {
                difference: b as i64 - a as i64,
                from: f,
                to: t,
                source: WagesSource::of(stored),
                notice: crate::store::wages::OEWS_NOTICE,
            });
        }
    }
    let (from_outlooks, from_missing) = ctx.store.occupation_outlooks(from_entry);
    let (to_outlooks, to_missing) = ctx.store.occupation_outlooks(to_entry);
    // A side without a projection because its row was left out says so, or the comparison
    // would vanish without a word.
    for (entry, outlooks, missing) in [
        (from_entry, &from_outlooks, from_missing),
        (to_entry, &to_outlooks, to_missing),
    ] {
        if !outlooks.is_empty() {
            continue;
        }
        if let Some((soc, incomplete)) = missing.into_iter().find_map(|m| match m {
            NoProjection::Incomplete { soc, incomplete } => Some((soc, incomplete)),
            _ => None,
        }) {
            report.outlook_incomplete.push(IncompleteOutlook {
                id: entry.profile.id.clone(),
                soc,
                incomplete,
            });
        }
    }
    if let (Some(from), Some(to), Some(source)) = (
        from_outlooks.into_iter().next(),
        to_outlooks.into_iter().next(),
        ctx.store.projections_source(),
    ) {
        let difference = match (from.projection.change_percent, to.projection.change_percent) {
            // In tenths, as BLS rounds them, so 33.5 - 3.1 is 30.4 and not 30.400000000000002.
            (Some(a), Some(b)) => Some(((b - a) * 10.0).round() / 10.0),
            _ => None,
        };
        report.outlook = Some(OutlookDifference {
            from,
            to,
            change_percent_difference: difference,
            source,
            notice: report.pay.is_none().then(|| ctx.store.bls_notice()),
        });
    }
    Ok(report)
}

pub fn report(store: &Store, from: &Profile, to: &Profile) -> GapReport {
    let vocabulary = store.vocabulary();
    let have = skillset::technical_skills(from, vocabulary);
    let want = skillset::technical_skills(to, vocabulary);
    let skills = skillset::gap(&have, &want);
    let from_soft = skillset::soft_skills(from, vocabulary);
    let to_soft = skillset::soft_skills(to, vocabulary);
    let (soft, soft_skills_not_compared) = if from_soft.is_empty() {
        (skillset::gap(&[], &[]), to_soft)
    } else {
        (skillset::gap(&from_soft, &to_soft), Vec::new())
    };
    let requirements = Compared {
        from: from.requirements.clone().unwrap_or_default(),
        to: to.requirements.clone().unwrap_or_default(),
    };
    let certifications_to_get = requirements
        .to
        .certifications
        .iter()
        .filter(|c| {
            !requirements
                .from
                .certifications
                .iter()
                .any(|o| o.name.eq_ignore_ascii_case(&c.name))
        })
        .map(|c| c.name.clone())
        .collect();
    let role = |p: &Profile, n: usize| RoleRef {
        id: p.id.clone(),
        title: p.title.clone(),
        codes: RoleCodes::default(),
        skills: n,
    };
    GapReport {
        from: role(from, have.len()),
        to: role(to, want.len()),
        skills,
        soft_skills_to_learn: soft.to_learn,
        soft_skills_shared: soft.carries_over,
        soft_skills_not_compared,
        certifications_to_get,
        requirements,
        attribution: store.onet_attribution([from.id.as_str(), to.id.as_str()]),
        pay: None,
        outlook: None,
        outlook_incomplete: Vec::new(),
        ratings: None,
        technologies: None,
        ratings_missing: Vec::new(),
    }
}
