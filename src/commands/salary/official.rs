//! BLS OEWS estimates beside the curated figures: each chosen role's occupations at the places
//! asked for (the nation when none), in the sectors asked for, and why any are missing.

use serde::Serialize;

use super::SalaryReport;
use super::top::top_occupations;
use crate::cli::SalaryArgs;
use crate::model::wages::AreaKind;
use crate::store::codes::RoleCodes;
use crate::store::wages::{
    IndustryRef, NoEstimate, OccupationWages, Place, UnlinkedCode, WagesSource,
};
use crate::store::{Entry, Origin, Store};

/// Which release official figures come from, and BLS's notice: a source in the shape of
/// [`crate::store::wages::WagesSource`].
#[derive(Debug, Clone, Serialize)]
pub struct OfficialSource {
    /// "BLS OEWS May 2025".
    pub name: String,
    /// "May 2025".
    pub release: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The year of the estimates (2025), for CSV's `year` column; JSON gives it in `release`.
    #[serde(skip)]
    pub year: Option<u16>,
    pub notice: &'static str,
}

/// A role's official estimates.
#[derive(Debug, Clone, Serialize)]
pub struct RoleWages {
    #[serde(rename = "id")]
    pub role: String,
    pub title: String,
    #[serde(flatten)]
    pub codes: RoleCodes,
    pub occupations: Vec<OccupationWages>,
    /// Codes of the role that BLS publishes nothing for, and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unlinked: Vec<UnlinkedCode>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoleWithoutWages {
    #[serde(rename = "id")]
    pub role: String,
    pub reason: NoEstimate,
}

/// Why official figures are missing or national only.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum OfficialNote {
    /// The place is only a curated one ("Remote"): BLS has no area for it.
    NoArea { place: String },
    /// BLS publishes estimates by industry for the nation only.
    SectorNationalOnly,
    /// Industries asked for that are no BLS sector: BLS's figures are all-industry for them.
    NotASector { industries: Vec<String> },
    /// BLS publishes no estimate of the occupation in a sector asked for.
    NoSectorEstimate { soc: String, industry: IndustryRef },
}

/// Adds BLS OEWS estimates to the report: for each chosen role's occupations at the places
/// asked for (the nation when none), and with `--top` the best-paid occupations of the place.
pub(super) fn official(
    store: &Store,
    stored: &crate::store::wages::WageRelease,
    args: &SalaryArgs,
    entries: &[&Entry],
    asked: &[Place],
    sectors: &[usize],
    report: &mut SalaryReport,
) -> anyhow::Result<()> {
    let mut areas: Vec<usize> = Vec::new();
    for p in asked {
        match p.area {
            Some(a) if !areas.contains(&a) => areas.push(a),
            Some(_) => {}
            None => report.official_notes.push(OfficialNote::NoArea {
                place: p.curated.clone().unwrap_or_else(|| p.query.clone()),
            }),
        }
    }
    if !asked.is_empty() && areas.is_empty() {
        return Ok(());
    }
    if !sectors.is_empty()
        && areas
            .iter()
            .any(|&a| stored.tables.areas[a].kind != AreaKind::National)
    {
        report.official_notes.push(OfficialNote::SectorNationalOnly);
        areas.clear();
    }
    // The all-industry estimates first, then each sector asked for beside them.
    let industries: Vec<Option<usize>> = if sectors.is_empty() {
        vec![None]
    } else {
        std::iter::once(None)
            .chain(sectors.iter().map(|&s| Some(s)))
            .collect()
    };
    let sector = match sectors {
        [one] => Some(*one),
        _ => None,
    };
    let source = WagesSource::of(stored);
    report.official_source = Some(OfficialSource {
        name: source.name,
        release: source.release,
        published: source.published,
        year: stored.release().year(),
        notice: crate::store::wages::OEWS_NOTICE,
    });
    report.official_industry = sector
        .or_else(|| stored.cross_industry())
        .map(|i| stored.industry_ref(i));
    report.official_industries = industries
        .iter()
        .filter_map(|i| i.or_else(|| stored.cross_industry()))
        .map(|i| stored.industry_ref(i))
        .collect();
    // With no role named, the curated and user profiles: their occupations answer "what does my
    // kind of role pay here", not every occupation BLS has.
    let roles: Vec<&Entry> = entries
        .iter()
        .copied()
        .filter(|e| !args.roles.is_empty() || !matches!(e.origin, Origin::Onet { .. }))
        .collect();
    for e in roles {
        let (links, unlinked) = store.wage_links(e)?;
        if links.is_empty() {
            report.roles_without_official.push(RoleWithoutWages {
                role: e.profile.id.clone(),
                reason: unlinked
                    .first()
                    .map_or(NoEstimate::NoLinkedOccupation, |u| u.reason.clone()),
            });
            continue;
        }
        let my_pay = args.my_pay.map(|p| p.annual);
        let mut occupations = store.official_wages(&links, &areas, None, my_pay)?;
        for &s in sectors {
            let in_sector = store.official_wages(&links, &areas, Some(s), my_pay)?;
            for (all, sector_wages) in occupations.iter_mut().zip(in_sector) {
                if sector_wages.estimates.is_empty() {
                    report.official_notes.push(OfficialNote::NoSectorEstimate {
                        soc: all.occupation.soc.clone(),
                        industry: stored.industry_ref(s),
                    });
                }
                all.estimates.extend(sector_wages.estimates);
            }
        }
        report.official.push(RoleWages {
            role: e.profile.id.clone(),
            title: e.profile.title.clone(),
            codes: e.role_codes(),
            occupations,
            unlinked,
        });
    }
    if let Some(n) = args.top {
        let area = areas.first().copied().or_else(|| {
            crate::store::wages::areas_of_kind(stored, AreaKind::National)
                .first()
                .copied()
        });
        if let Some(area) = area {
            report.top = Some(top_occupations(
                store,
                stored,
                area,
                sectors.first().copied(),
                args,
                usize::from(n),
            )?);
        }
    }
    let priced = report
        .official
        .iter()
        .flat_map(|r| &r.occupations)
        .flat_map(|w| &w.estimates)
        .any(|e| e.prices.is_some());
    if priced {
        report.prices_source = store.prices_source();
    }
    if !report.official.is_empty() && report.roles.is_empty() {
        // The official figures answer: the curated profiles' lack of figures is no news.
        report.hints.clear();
    }
    Ok(())
}
