//! `careers compare A B [C D E]`: 2 to 5 roles side by side, one row per aspect, and their
//! skills split into what all share and what only some have.

use serde::Serialize;

use crate::Context;
use crate::cli::CompareArgs;
use crate::error::CareersError;
use crate::model::onet::{Rating, RatingKind};
use crate::model::ratings::most_important;
use crate::model::skillset::{self, Skill};
use crate::model::vocabulary::normalize;
use crate::model::{Dimension, Figure, Profile, Requirements, RoleLink, SalaryFigure};
use crate::store::ratings::{NoRatings, RatedOccupation};
use crate::store::{Entry, Store};

/// How many roles a comparison takes.
pub const ROLES: std::ops::RangeInclusive<usize> = 2..=5;

/// The compared roles and their skills.
#[derive(Debug, Serialize)]
pub struct CompareReport {
    pub roles: Vec<ComparedRole>,
    /// Every technical skill of any role, once, with the ids of the roles that list it.
    pub skills: Vec<ComparedSkill>,
    /// Every soft skill of any role, once, likewise.
    pub soft_skills: Vec<ComparedSkill>,
    /// O*NET's attribution, when the report shows an occupation imported from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// The OEWS release ("BLS OEWS May 2025"), when the roles' official wages are shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub official_source: Option<crate::store::wages::WagesSource>,
    /// BLS's notice, once, when official wages or projections are shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<&'static str>,
    /// The price levels of the place whose wages are shown (not for the nation), and the
    /// release they come from; each median's `in_us_prices` divides by them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prices: Option<ComparedPrices>,
    /// The BLS Employment Projections release, when the roles' projections are shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projections_source: Option<crate::store::projections::ProjectionsSource>,
}

impl crate::model::credits::Credited for CompareReport {
    fn credits(&self) -> crate::model::credits::Credits<'_> {
        crate::model::credits::Credits::none()
            .bls(self.notice)
            .onet(self.attribution.as_deref())
    }
}

/// The price levels of the place compared at.
#[derive(Debug, Serialize)]
pub struct ComparedPrices {
    pub area: crate::store::wages::AreaRef,
    pub prices: crate::store::prices::PriceFacts,
    pub source: crate::store::prices::PricesSource,
}

/// One role's column.
#[derive(Debug, Serialize)]
pub struct ComparedRole {
    pub id: String,
    pub title: String,
    #[serde(flatten)]
    pub codes: crate::store::codes::RoleCodes,
    pub summary: String,
    /// The profile's requirements (education, experience by stage, certifications and other
    /// expectations); a part it does not state is left out.
    pub requirements: Requirements,
    /// The role's main pay figure; absent when the source has none.
    pub headline_salary: Option<SalaryFigure>,
    /// Growth figures from the market section.
    pub growth: Vec<Figure>,
    pub industries: Vec<String>,
    /// Where the role leads, each with the id of its profile when one is loaded, and which
    /// part of the profile says so.
    pub next_roles: Vec<NextRole>,
    pub next_roles_from: Option<NextRolesFrom>,
    pub skill_count: usize,
    /// BLS OEWS median and employment of each linked occupation, at `--city` or nationally.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub official: Vec<crate::store::wages::HeadlineWage>,
    /// BLS's projections of each occupation the role stands for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub projections: Vec<crate::store::projections::OccupationOutlook>,
    /// Why some of its occupations have no projections: an import under `--force` left out
    /// their rows.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub projections_incomplete: Vec<crate::store::projections::NoProjection>,
    /// O*NET's most important skills and knowledge of the role's occupation, when the O*NET
    /// release in use has ratings and the role has them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratings: Option<TopRatings>,
    /// Why the role has no ratings, when the release has them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_ratings: Option<NoRatings>,
}

/// How many of each kind of rating a role's column shows.
pub const TOP_RATINGS: usize = 5;

/// The most important skills and knowledge of the occupation whose ratings stand for a role
/// (its own, or its first linked one).
#[derive(Debug, Serialize)]
pub struct TopRatings {
    pub occupation: RatedOccupation,
    /// The O*NET release the ratings come from.
    pub release: String,
    /// The [`TOP_RATINGS`] most important skills, by importance; none whose importance O*NET
    /// recommends suppressing.
    pub skills: Vec<Rating>,
    /// Likewise of knowledge.
    pub knowledge: Vec<Rating>,
}

/// A role the compared one leads to.
#[derive(Debug, Serialize)]
pub struct NextRole {
    pub title: String,
    /// The profile the title names, when one is loaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// The part of a profile that names the roles it leads to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum NextRolesFrom {
    CareerPaths,
    /// The last stage of its career progression.
    ProgressionStage {
        stage: String,
    },
    /// Its related roles (O*NET's related occupations, for an occupation).
    RelatedRoles,
}

/// A skill and the roles that list it.
#[derive(Debug, Serialize)]
pub struct ComparedSkill {
    #[serde(flatten)]
    pub skill: Skill,
    pub roles: Vec<String>,
    /// Whether every compared role lists it.
    pub shared: bool,
}

pub fn run(ctx: &Context, args: &CompareArgs) -> anyhow::Result<CompareReport> {
    let resolved = resolve_roles(&ctx.store, &args.roles)?;
    let profiles = resolved
        .iter()
        .map(|entry| ctx.store.full_profile(entry))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let profiles: Vec<&Profile> = profiles.iter().collect();
    let mut report = report(&ctx.store, &profiles);
    for (role, entry) in report.roles.iter_mut().zip(&resolved) {
        role.codes = entry.role_codes();
    }
    if let Some(stored) = ctx.store.wages()? {
        let area = match &args.city {
            Some(place) => {
                ctx.store
                    .resolve_place(&crate::store::bundled_locations()?, place)?
                    .area
            }
            None => None,
        };
        for (role, entry) in report.roles.iter_mut().zip(&resolved) {
            role.official = ctx.store.headline_wages(entry, area)?;
        }
        if report.roles.iter().any(|r| !r.official.is_empty()) {
            report.official_source = Some(crate::store::wages::WagesSource::of(stored));
            report.notice = Some(crate::store::wages::OEWS_NOTICE);
        }
        let priced = report
            .roles
            .iter()
            .flat_map(|r| &r.official)
            .find_map(|h| h.prices.clone().map(|p| (h.area.clone(), p)));
        if let (Some((area, prices)), Some(source)) = (priced, ctx.store.prices_source()) {
            report.prices = Some(ComparedPrices {
                area,
                prices,
                source,
            });
        }
    }
    for (role, entry) in report.roles.iter_mut().zip(&resolved) {
        let (projections, missing) = ctx.store.occupation_outlooks(entry);
        role.projections = projections;
        role.projections_incomplete = missing
            .into_iter()
            .filter(|m| {
                matches!(
                    m,
                    crate::store::projections::NoProjection::Incomplete { .. }
                )
            })
            .collect();
        match ctx.store.role_ratings(entry)? {
            Some(Ok(r)) => {
                role.ratings = Some(TopRatings {
                    skills: most_important(r.ratings.ratings(RatingKind::Skill), TOP_RATINGS),
                    knowledge: most_important(
                        r.ratings.ratings(RatingKind::Knowledge),
                        TOP_RATINGS,
                    ),
                    occupation: r.occupation,
                    release: r.release,
                });
            }
            Some(Err(why)) => role.no_ratings = Some(why),
            None => {}
        }
    }
    if report
        .roles
        .iter()
        .any(|r| r.ratings.is_some() || r.no_ratings.is_some())
    {
        report.attribution = ctx.store.onet_attribution_with_ratings();
    }
    if report.roles.iter().any(|r| !r.projections.is_empty()) {
        report.projections_source = ctx.store.projections_source();
        report.notice = Some(ctx.store.bls_notice());
    }
    Ok(report)
}

/// Resolves 2 to 5 different roles; anything else is a usage error.
pub fn resolve_roles<'a>(
    store: &'a Store,
    queries: &[String],
) -> Result<Vec<&'a Entry>, CareersError> {
    if !ROLES.contains(&queries.len()) {
        return Err(CareersError::Usage(format!(
            "compare takes 2 to 5 roles, got {}; e.g. `careers compare data-engineer ml-engineer`",
            queries.len()
        )));
    }
    let mut out: Vec<(&str, &Entry)> = Vec::new();
    for q in queries {
        let entry = store.resolve(q)?;
        let p = &entry.profile;
        if let Some((earlier, _)) = out.iter().find(|(_, o)| o.profile.id == p.id) {
            let same = if earlier == q {
                format!("\"{q}\" is given twice")
            } else {
                format!("\"{earlier}\" and \"{q}\" are the same role ({})", p.id)
            };
            return Err(CareersError::Usage(format!(
                "{same}; compare takes 2 to 5 different roles"
            )));
        }
        out.push((q, entry));
    }
    Ok(out.into_iter().map(|(_, e)| e).collect())
}

pub fn report(store: &Store, profiles: &[&Profile]) -> CompareReport {
    let vocabulary = store.vocabulary();
    let technical: Vec<Vec<Skill>> = profiles
        .iter()
        .map(|p| skillset::technical_skills(p, vocabulary))
        .collect();
    let soft: Vec<Vec<Skill>> = profiles
        .iter()
        .map(|p| skillset::soft_skills(p, vocabulary))
        .collect();
    let held = |sets: &[Vec<Skill>]| -> Vec<ComparedSkill> {
        skillset::union(sets)
            .into_iter()
            .map(|h| ComparedSkill {
                shared: h.shared_by(profiles.len()),
                roles: h.held_by.iter().map(|&i| profiles[i].id.clone()).collect(),
                skill: h.skill,
            })
            .collect()
    };
    CompareReport {
        roles: profiles
            .iter()
            .zip(&technical)
            .map(|(p, t)| column(store, p, t.len()))
            .collect(),
        skills: held(&technical),
        soft_skills: held(&soft),
        attribution: store.onet_attribution(profiles.iter().map(|p| p.id.as_str())),
        official_source: None,
        notice: None,
        prices: None,
        projections_source: None,
    }
}

fn column(store: &Store, p: &Profile, skill_count: usize) -> ComparedRole {
    let (next_roles, next_roles_from) = next_roles(store, p);
    ComparedRole {
        id: p.id.clone(),
        title: p.title.clone(),
        codes: crate::store::codes::RoleCodes::default(),
        summary: p.summary.clone(),
        requirements: p.requirements.clone().unwrap_or_default(),
        headline_salary: headline_salary(p).cloned(),
        growth: p
            .market
            .iter()
            .flat_map(|m| &m.figures)
            .filter(|f| f.kind.is_growth())
            .cloned()
            .collect(),
        industries: p.industries.iter().map(|i| i.name.clone()).collect(),
        next_roles,
        next_roles_from,
        skill_count,
        official: Vec::new(),
        projections: Vec::new(),
        projections_incomplete: Vec::new(),
        ratings: None,
        no_ratings: None,
    }
}

/// The figure that stands for the role's pay: an overall figure named like the role (for
/// ml-engineer, the "Machine Learning Engineer" average base range), else the first overall
/// figure. Breakdowns by city, company or experience never stand for the whole role.
pub fn headline_salary(p: &Profile) -> Option<&SalaryFigure> {
    let overall: Vec<&SalaryFigure> = p
        .salary
        .iter()
        .flat_map(|s| &s.figures)
        .filter(|f| f.dimension == Dimension::Overall)
        .collect();
    let title = normalize(&p.title);
    overall
        .iter()
        .find(|f| normalize(&f.label) == title)
        .or(overall.first())
        .copied()
}

/// The career paths of the profile, else the roles of its last progression stage, else its
/// related roles.
fn next_roles(store: &Store, p: &Profile) -> (Vec<NextRole>, Option<NextRolesFrom>) {
    let Some(career) = &p.career else {
        return (Vec::new(), None);
    };
    let named = |links: &[RoleLink]| -> Vec<NextRole> {
        links
            .iter()
            .map(|l| NextRole {
                title: l.title.clone(),
                id: store.linked_id(l),
            })
            .collect()
    };
    if !career.paths.is_empty() {
        return (named(&career.paths), Some(NextRolesFrom::CareerPaths));
    }
    match career.progression.last() {
        Some(stage) if !stage.roles.is_empty() => (
            named(&stage.roles),
            Some(NextRolesFrom::ProgressionStage {
                stage: stage.name.clone(),
            }),
        ),
        // What `path` lists as related roles (O*NET's related occupations for an occupation).
        _ if !career.related_roles.is_empty() => (
            named(&career.related_roles),
            Some(NextRolesFrom::RelatedRoles),
        ),
        _ => (Vec::new(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Entry, Origin};

    fn store_with(extra: &str) -> Store {
        let mut entries = crate::store::bundled_profiles().unwrap();
        entries.push(Entry {
            profile: serde_json::from_str(extra).unwrap(),
            origin: Origin::User {
                path: "/tmp/mine.json".into(),
            },
        });
        Store::new(entries, crate::store::bundled_vocabulary().unwrap())
    }

    #[test]
    fn ml_engineer_headline_is_the_overall_figure_named_like_the_role() {
        let store = Store::bundled().unwrap();
        let f = headline_salary(&store.get("ml-engineer").unwrap().profile).unwrap();
        assert_eq!(f.label, "Machine Learning Engineer");
        assert_eq!(f.display_pay(), "average $157,969 – $161,777");
        assert!(headline_salary(&store.get("data-engineer").unwrap().profile).is_none());
    }

    #[test]
    fn role_counts_and_repeats_are_usage_errors() {
        let store = Store::bundled().unwrap();
        let q = |v: &[&str]| -> Vec<String> {
            v.iter().map(std::string::ToString::to_string).collect()
        };
        let err = resolve_roles(&store, &q(&["ml-engineer", "mle"])).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert_eq!(
            err.to_string(),
            "\"ml-engineer\" and \"mle\" are the same role (ml-engineer); compare takes 2 to 5 different roles"
        );
        assert_eq!(
            resolve_roles(&store, &q(&["mle"])).unwrap_err().exit_code(),
            2
        );
        let six = q(&["a", "b", "c", "d", "e", "f"]);
        assert!(
            resolve_roles(&store, &six)
                .unwrap_err()
                .to_string()
                .starts_with("compare takes 2 to 5 roles, got 6")
        );
    }

    #[test]
    fn a_user_profile_written_with_aliases_lines_up() {
        let store = store_with(
            r#"{"id":"mine","title":"Mine","summary":"Me.",
                "skills":[{"name":"python"},{"name":"Apache Spark"},{"name":"sklearn"}]}"#,
        );
        let ml = &store.get("ml-engineer").unwrap().profile;
        let mine = &store.get("mine").unwrap().profile;
        let r = report(&store, &[mine, ml]);
        let shared: Vec<&str> = r
            .skills
            .iter()
            .filter(|s| s.shared)
            .map(|s| s.skill.name.as_str())
            .collect();
        assert_eq!(shared, ["Python", "Spark", "scikit-learn"]);
    }
}
