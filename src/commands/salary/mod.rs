//! `careers salary [ROLE]...`: pay figures by role and by what they are about, filtered by
//! city, experience, company type and industry, with charts of bands and the reader's own pay.
//!
//! Every figure is shown exactly as its profile types it; where a profile has no figure the
//! report says so and invents none.
//!
//! One file a mode: `roles` gathers the curated figures of the roles asked about, `official`
//! adds BLS OEWS estimates of their occupations, `top` ranks the occupations of a place
//! (`--top`), and `cities` lists the places with figures (`--list-cities`); `filters` and
//! `hints` serve them all.

mod cities;
mod credits;
mod filters;
mod hints;
mod official;
mod roles;
mod top;

use serde::Serialize;

use crate::Context;
use crate::cli::SalaryArgs;
use crate::error::resolve_choice;
use crate::model::{Locations, Profile, SalaryFigure};
use crate::store::wages::{IndustryRef, Place};
use crate::store::{Entry, RoleSource, Store, bundled_locations};

pub use cities::{CitiesReport, CityView};
pub use filters::Filters;
pub use hints::Hint;
pub use official::{OfficialNote, OfficialSource, RoleWages, RoleWithoutWages};
pub use roles::{FigureView, MyPay, RolePay, SortOrder, UnfiguredIndustry, report};
pub use top::{TopOccupation, TopOccupations};

/// What `careers salary` answers: figures, or with `--list-cities` the places that have some.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum SalaryOutput {
    Figures(Box<SalaryReport>),
    Cities(CitiesReport),
}

/// Pay figures of the chosen roles that pass every filter.
#[derive(Debug, Serialize)]
pub struct SalaryReport {
    /// The filters, resolved to canonical values.
    pub filters: Filters,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<SortOrder>,
    /// The reader's own pay in whole dollars a year, placed against every figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub my_pay: Option<u64>,
    /// The hourly rate `--my-pay` was given as, when it was: `my_pay` is it times 2,080 hours.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub my_pay_hourly: Option<f64>,
    #[serde(skip)]
    pub my_pay_given: Option<crate::model::pay::PayAmount>,
    /// Roles with at least one matching figure.
    pub roles: Vec<RolePay>,
    /// Roles asked about whose profiles have no pay figures at all.
    pub roles_without_figures: Vec<RoleSource>,
    /// Why nothing, or less than asked, is shown, and where else to look.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hints: Vec<Hint>,
    /// The release official figures come from, when one is in use and asked about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub official_source: Option<OfficialSource>,
    /// The industry the estimates are for: cross-industry unless `--industry` names one sector.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub official_industry: Option<IndustryRef>,
    /// Every industry estimates are shown for: cross-industry, then each sector asked for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub official_industries: Vec<IndustryRef>,
    /// The release of BEA's price parities, when an estimate shown has its area's price levels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prices_source: Option<crate::store::prices::PricesSource>,
    /// BLS OEWS estimates of the roles' occupations at the places asked for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub official: Vec<RoleWages>,
    /// Roles without BLS OEWS estimates, and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles_without_official: Vec<RoleWithoutWages>,
    /// Why official figures are not shown for a place, or are national.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub official_notes: Vec<OfficialNote>,
    /// With `--top`: the best-paid occupations of the place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top: Option<TopOccupations>,
    /// O*NET's attribution, when a role shown is an O*NET occupation (its title and code are
    /// O*NET's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// `--top` with no role named: the report is the place's ranking alone.
    #[serde(skip)]
    pub ranking_only: bool,
}

pub fn run(ctx: &Context, args: &SalaryArgs) -> anyhow::Result<SalaryOutput> {
    let store = &ctx.store;
    let entries = chosen_roles(store, &args.roles)?;
    let places = known_places(store)?;
    if args.list_cities {
        return Ok(SalaryOutput::Cities(cities::cities(&entries, &places)));
    }
    let asked: Vec<Place> = store.resolve_place_list(&places, &args.city)?;
    let wages = store.wages()?;
    let mut industries: Vec<String> = Vec::new();
    let mut sectors: Vec<usize> = Vec::new();
    let mut not_sectors: Vec<String> = Vec::new();
    for input in &args.industry {
        let (name, sector) = resolve_industry(store, wages, input)?;
        if industries.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
            continue;
        }
        match sector {
            Some(s) if !sectors.contains(&s) => sectors.push(s),
            Some(_) => {}
            None if wages.is_some() => not_sectors.push(name.clone()),
            None => {}
        }
        industries.push(name);
    }
    let filters = Filters {
        roles: if args.roles.is_empty() {
            Vec::new()
        } else {
            entries.iter().map(|e| e.profile.id.clone()).collect()
        },
        cities: asked
            .iter()
            .map(|p| {
                p.curated.clone().unwrap_or_else(|| {
                    p.area.zip(wages).map_or_else(
                        || p.query.clone(),
                        |(a, w)| w.tables.areas[a].name.to_string(),
                    )
                })
            })
            .collect(),
        experience: args.experience,
        company: args.company,
        industries,
        about: args.about,
    };
    // `--top` with no role named asks for the place's ranking: the curated roles' figures come
    // only when roles are named.
    let ranking_only = args.top.is_some() && args.roles.is_empty() && wages.is_some();
    let shown: &[&Entry] = if ranking_only { &[] } else { &entries };
    let mut report = report(store, shown, filters, args.sort, args.my_pay);
    if ranking_only {
        report.hints.clear();
    }
    report.ranking_only = ranking_only;
    if let Some(stored) = wages {
        if !not_sectors.is_empty() {
            report.official_notes.push(OfficialNote::NotASector {
                industries: not_sectors,
            });
        }
        official::official(store, stored, args, shown, &asked, &sectors, &mut report)?;
    }
    report.attribution = store.onet_attribution(
        report
            .roles
            .iter()
            .map(|r| r.role.as_str())
            .chain(report.official.iter().map(|r| r.role.as_str())),
    );
    Ok(SalaryOutput::Figures(Box::new(report)))
}

/// The roles named, in the order named and without repeats, or every role.
fn chosen_roles<'a>(store: &'a Store, names: &[String]) -> anyhow::Result<Vec<&'a Entry>> {
    if names.is_empty() {
        // Pay figures are curated: O*NET's occupations have none, and name no role.
        return Ok(store.authored().collect());
    }
    let mut out: Vec<&Entry> = Vec::new();
    for name in names {
        let entry = store.resolve_or_bls_code(name)?;
        if !out.iter().any(|e| e.profile.id == entry.profile.id) {
            out.push(entry);
        }
    }
    Ok(out)
}

fn figures_of(p: &Profile) -> &[SalaryFigure] {
    p.salary.as_ref().map_or(&[], |s| s.figures.as_slice())
}

/// The bundled places with their aliases, plus any place a profile names that the file lacks.
fn known_places(store: &Store) -> anyhow::Result<Locations> {
    let mut places = bundled_locations()?;
    for loc in store.authored_places() {
        places.add_name(loc);
    }
    Ok(places)
}

/// The industry `input` names: among those any profile's pay data names (with a figure or only
/// in its ranking), and among BLS's sectors when OEWS wages are in use. Unknown in both is an
/// error listing both.
fn resolve_industry(
    store: &Store,
    wages: Option<&crate::store::wages::WageRelease>,
    input: &str,
) -> Result<(String, Option<usize>), crate::error::CareersError> {
    let mut names: Vec<&str> = Vec::new();
    for e in store.authored() {
        let Some(salary) = &e.profile.salary else {
            continue;
        };
        let figured = salary.figures.iter().filter_map(|f| f.industry.as_deref());
        let ranked = salary.industry_ranking.iter().map(|r| r.industry.as_str());
        for name in figured.chain(ranked) {
            if !names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
                names.push(name);
            }
        }
    }
    let pairs: Vec<(&str, &str)> = names.iter().map(|n| (*n, *n)).collect();
    let curated = resolve_choice("industry", input, &pairs);
    let Some(stored) = wages else {
        return curated.map(|c| (c, None));
    };
    let sector = crate::model::wages::match_sector(&stored.tables.industries, input);
    match (curated, sector) {
        (Ok(c), s) => Ok((c, s)),
        (Err(_), Some(s)) => Ok((stored.tables.industries[s].short_name().to_owned(), Some(s))),
        (Err(e), None) => Err(match e {
            crate::error::CareersError::UnknownValue {
                what,
                value,
                suggestions,
                mut known,
            } => {
                known.extend(
                    stored
                        .tables
                        .industries
                        .iter()
                        .filter(|i| i.level == 2)
                        .map(|i| i.short_name().to_owned()),
                );
                crate::error::CareersError::UnknownValue {
                    what,
                    value,
                    suggestions,
                    known,
                }
            }
            other => other,
        }),
    }
}
