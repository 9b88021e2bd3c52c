//! `careers salary [ROLE]...`: pay figures by role and by what they are about, filtered by
//! city, experience, company type and industry, with charts of bands and the reader's own pay.
//!
//! Every figure is shown exactly as its profile types it; where a profile has no figure the
//! report says so and invents none.

mod credits;
mod filters;
mod hints;

use serde::Serialize;

use crate::Context;
use crate::cli::{PaySort, SalaryArgs};
use crate::error::resolve_choice;
use crate::model::salary::Placement;
use crate::model::wages::AreaKind;
use crate::model::{
    CompanyType, Dimension, ExperienceLevel, GrowthLever, Locations, Measure, Pay, Profile,
    Provenance, SalaryFigure, Statistic, YearSpan,
};
use crate::store::codes::RoleCodes;
use crate::store::wages::{
    AreaRef, IndustryRef, NoEstimate, OccupationWages, Place, PlaceEstimate, UnlinkedCode,
    WagesSource,
};
use crate::store::{Entry, Origin, RoleSource, Store, bundled_locations};

pub use filters::Filters;
use filters::{sort_key, sorts_on_known_bound};
pub use hints::Hint;

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

/// The occupations of a place ranked by median annual wage.
#[derive(Debug, Clone, Serialize)]
pub struct TopOccupations {
    pub area: AreaRef,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// How many detailed occupations have a published median there.
    pub occupations: usize,
    /// How many have an estimate but no published median.
    pub not_published: usize,
    pub ranked: Vec<TopOccupation>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TopOccupation {
    pub rank: usize,
    pub soc: String,
    pub title: String,
    pub estimate: PlaceEstimate,
}

/// How figures are ordered within each group.
#[derive(Debug, Clone, Serialize)]
pub struct SortOrder {
    /// `low`, `high` or `mid`.
    pub by: PaySort,
    /// Always `descending`: the highest band first.
    pub order: &'static str,
    /// The shown figures that lack the end sorted on, and so sort on the amount they state.
    #[serde(skip)]
    pub on_stated_amount: Vec<Pay>,
}

/// One role's matching figures.
#[derive(Debug, Serialize)]
pub struct RolePay {
    #[serde(rename = "id")]
    pub role: String,
    pub title: String,
    #[serde(flatten)]
    pub codes: RoleCodes,
    pub figures: Vec<FigureView>,
    /// How pay grows: shown with the role's whole salary, not with a filtered view.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub growth: Vec<GrowthLever>,
    /// Statements on pay without a figure, with the role's whole salary.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// What moves pay up or down, with the role's whole salary.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub factors: Vec<String>,
    /// Industries the source ranks by pay without giving a figure, with their rank.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unfigured_industries: Vec<UnfiguredIndustry>,
    #[serde(skip)]
    pub default_source: Option<Provenance>,
}

/// An industry the source ranks by pay but gives no figure for.
#[derive(Debug, Clone, Serialize)]
pub struct UnfiguredIndustry {
    pub industry: String,
    /// 1 for the best-paying.
    pub rank: usize,
    /// Of how many ranked industries.
    pub of: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A pay figure for scripts: its kind and integer amounts, currency, year, what it is about and
/// its source.
#[derive(Debug, Serialize)]
pub struct FigureView {
    pub dimension: Dimension,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub experience: Option<ExperienceLevel>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<YearSpan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<CompanyType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    /// `amount`, `range`, `at-least` or `up-to`.
    pub kind: &'static str,
    /// The single amount of an `amount`, the floor of an `at-least`, the ceiling of an `up-to`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<u64>,
    /// The band has no stated top (`$172,654+`, `$148,672 – $208,931+`).
    pub open_high: bool,
    /// `average` or `median`; absent when the source does not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statistic: Option<Statistic>,
    pub measure: Measure,
    pub currency: &'static str,
    pub year: Option<u16>,
    /// The figure as the source states it: "average $136,917".
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The figure's own source, else the source of the role's salary section.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Provenance>,
    /// Where `--my-pay` falls against the figure, or why it is not placed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub my_pay: Option<MyPay>,
    #[serde(skip)]
    pub figure: SalaryFigure,
}

impl FigureView {
    fn new(f: &SalaryFigure, default_source: Option<&Provenance>, my_pay: Option<u64>) -> Self {
        let (amount, low, high) = match f.pay {
            Pay::Amount { amount } | Pay::AtLeast { amount } | Pay::UpTo { amount } => {
                (Some(amount), None, None)
            }
            Pay::Range { low, high, .. } => (None, Some(low), Some(high)),
        };
        FigureView {
            dimension: f.dimension,
            label: f.label.clone(),
            group: f.group.clone(),
            location: f.location.clone(),
            experience: f.experience,
            years: f.years,
            company: f.company,
            industry: f.industry.clone(),
            kind: f.pay.kind_name(),
            amount,
            low,
            high,
            open_high: f.pay.open_high(),
            statistic: f.statistic,
            measure: f.measure,
            currency: "USD",
            year: f.year,
            text: f.display_pay(),
            note: f.note.clone(),
            source: f.source.clone().or_else(|| default_source.cloned()),
            my_pay: my_pay.map(|m| MyPay::against(f, m)),
            figure: f.clone(),
        }
    }
}

/// The reader's pay against one figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum MyPay {
    Placed(Placement),
    /// The figure counts something a salary cannot be set against (bonuses on top of salary).
    NotComparable {
        not_comparable: &'static str,
    },
}

impl MyPay {
    fn against(f: &SalaryFigure, amount: u64) -> MyPay {
        match f.measure {
            Measure::AdditionalCash => MyPay::NotComparable {
                not_comparable: "additional cash",
            },
            _ => MyPay::Placed(f.pay.place(amount)),
        }
    }

    pub fn placement(self) -> Option<Placement> {
        match self {
            MyPay::Placed(p) => Some(p),
            MyPay::NotComparable { .. } => None,
        }
    }
}

/// The places that have pay figures.
#[derive(Debug, Serialize)]
pub struct CitiesReport {
    pub cities: Vec<CityView>,
    /// Roles asked about whose profiles have no pay figures at all.
    pub roles_without_figures: Vec<RoleSource>,
}

/// A place, the other names it answers to, and the roles with figures there.
#[derive(Debug, Serialize)]
pub struct CityView {
    pub name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub figures: usize,
}

pub fn run(ctx: &Context, args: &SalaryArgs) -> anyhow::Result<SalaryOutput> {
    let store = &ctx.store;
    let entries = chosen_roles(store, &args.roles)?;
    let places = known_places(store)?;
    if args.list_cities {
        return Ok(SalaryOutput::Cities(cities(&entries, &places)));
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
        official(store, stored, args, shown, &asked, &sectors, &mut report)?;
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

/// Adds BLS OEWS estimates to the report: for each chosen role's occupations at the places
/// asked for (the nation when none), and with `--top` the best-paid occupations of the place.
fn official(
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

/// The detailed occupations with the highest median annual wage in `area`: cross-industry from
/// the area's table of medians, in a sector from each occupation's estimates.
fn top_occupations(
    store: &Store,
    stored: &crate::store::wages::WageRelease,
    area: usize,
    sector: Option<usize>,
    args: &SalaryArgs,
    n: usize,
) -> anyhow::Result<TopOccupations> {
    let industry = sector.or_else(|| stored.cross_industry());
    let group = args.group.as_deref().map(|g| g.replace('-', ""));
    if let Some(g) = &group
        && (g.is_empty() || g.len() > 6 || !g.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(crate::error::CareersError::Usage(format!(
            "--group {g:?} is not a SOC group: give its first digits, e.g. 15 or 29-1"
        ))
        .into());
    }
    let title = args.title.as_deref().map(str::to_lowercase);
    let chosen = |o: &crate::model::wages::WageOccupation| {
        o.level == 3
            && group
                .as_ref()
                .is_none_or(|g| o.code.starts_with(g.as_str()))
            && title
                .as_ref()
                .is_none_or(|t| o.name.to_lowercase().contains(t.as_str()))
    };
    let codes = &stored.tables.occupations;
    let medians: Vec<(usize, Option<crate::model::wages::Value>)> =
        if industry == stored.cross_industry() {
            store
                .area_medians(Some(area))?
                .into_iter()
                .filter(|m| chosen(&codes[m.position]))
                .map(|m| (m.position, Some(m.median)))
                .collect()
        } else {
            let mut medians = Vec::new();
            for (position, o) in codes.iter().enumerate() {
                if !chosen(o) {
                    continue;
                }
                if let Some(e) = stored
                    .estimates_where(position, |a, i| a == area && Some(i) == industry)?
                    .into_iter()
                    .next()
                {
                    medians.push((
                        position,
                        e.estimate.get(crate::model::wages::Measure::AnnualMedian),
                    ));
                }
            }
            medians
        };
    let mut ranked: Vec<(u64, usize)> = Vec::new();
    let mut not_published = 0;
    for (position, median) in medians {
        // A top-coded median is at least BLS's threshold: above every published one.
        let key = match median {
            Some(crate::model::wages::Value::Number(v)) => v,
            Some(crate::model::wages::Value::AtLeast) => u64::MAX,
            _ => {
                not_published += 1;
                continue;
            }
        };
        ranked.push((key, position));
    }
    let occupations_ranked = ranked.len();
    ranked.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| codes[a.1].code.cmp(&codes[b.1].code))
    });
    let mut top = Vec::new();
    for (i, (_, position)) in ranked.into_iter().take(n).enumerate() {
        let e = stored
            .estimates_where(position, |a, i| a == area && Some(i) == industry)?
            .into_iter()
            .next()
            .ok_or_else(|| {
                anyhow::anyhow!("an occupation ranked at a place has no estimate there")
            })?;
        top.push(TopOccupation {
            rank: i + 1,
            soc: codes[position].soc(),
            title: codes[position].name.to_string(),
            estimate: stored.place_estimate(e, None),
        });
    }
    Ok(TopOccupations {
        area: stored.area_ref(area),
        group: args.group.clone(),
        title: args.title.clone(),
        occupations: occupations_ranked,
        not_published,
        ranked: top,
    })
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

pub fn report(
    store: &Store,
    entries: &[&Entry],
    filters: Filters,
    sort: Option<PaySort>,
    my_pay_given: Option<crate::model::pay::PayAmount>,
) -> SalaryReport {
    let my_pay = my_pay_given.map(|p| p.annual);
    let mut roles = Vec::new();
    let mut without = Vec::new();
    let mut unmatched = Vec::new();
    for entry in entries {
        let p = &entry.profile;
        let Some(salary) = p.salary.as_ref().filter(|s| !s.figures.is_empty()) else {
            without.push(*entry);
            continue;
        };
        let mut figures: Vec<&SalaryFigure> = salary
            .figures
            .iter()
            .filter(|f| filters.admits(f))
            .collect();
        // Grouped by what they are about; within a group, source order unless sorted.
        figures.sort_by_key(|f| f.dimension);
        if let Some(by) = sort {
            figures.sort_by(|a, b| {
                a.dimension
                    .cmp(&b.dimension)
                    .then(sort_key(b.pay, by).cmp(&sort_key(a.pay, by)))
            });
        }
        let shows_industries = figures.iter().any(|f| f.dimension == Dimension::Industry);
        let unfigured = unfigured_industries(salary, &filters);
        if figures.is_empty() && unfigured.is_empty() {
            unmatched.push(p.id.clone());
            continue;
        }
        let whole = !filters.narrows();
        roles.push(RolePay {
            role: p.id.clone(),
            title: p.title.clone(),
            codes: entry.role_codes(),
            figures: figures
                .into_iter()
                .map(|f| FigureView::new(f, salary.source.as_ref(), my_pay))
                .collect(),
            growth: if whole {
                salary.growth.clone()
            } else {
                Vec::new()
            },
            notes: if whole {
                salary.notes.clone()
            } else {
                Vec::new()
            },
            factors: if whole {
                salary.factors.clone()
            } else {
                Vec::new()
            },
            unfigured_industries: if shows_industries || !filters.industries.is_empty() {
                unfigured
            } else {
                Vec::new()
            },
            default_source: salary.source.clone(),
        });
    }
    let mut hints = Vec::new();
    let some_unmatched = !unmatched.is_empty();
    if some_unmatched {
        hints.push(Hint::NoFigureMatches {
            roles: unmatched,
            filters: Filters {
                roles: Vec::new(),
                ..filters.clone()
            },
        });
    }
    let without: Vec<RoleSource> = without.iter().map(|e| e.source()).collect();
    if roles.is_empty() {
        if !without.is_empty() {
            hints.push(Hint::NoFigures {
                roles: without.clone(),
            });
        }
        if filters.narrows() {
            hints.extend(hints::elsewhere(store, &filters));
        } else {
            // Every figure passes no filter: the roles with any, known without reading them.
            let with: Vec<String> = store.authored_with_figures().map(str::to_owned).collect();
            if !with.is_empty() && !without.is_empty() && !some_unmatched {
                hints.push(Hint::RolesWithFigures {
                    filters: Filters::default(),
                    alone: false,
                    roles: with,
                });
            }
        }
    }
    SalaryReport {
        filters,
        sort: sort.map(|by| SortOrder {
            by,
            order: "descending",
            on_stated_amount: roles
                .iter()
                .flat_map(|r| &r.figures)
                .map(|f| f.figure.pay)
                .filter(|&pay| sorts_on_known_bound(pay, by))
                .collect(),
        }),
        my_pay,
        my_pay_hourly: my_pay_given.and_then(|p| p.hourly()),
        my_pay_given,
        roles,
        roles_without_figures: without,
        hints,
        official_source: None,
        official_industry: None,
        official_industries: Vec::new(),
        prices_source: None,
        official: Vec::new(),
        roles_without_official: Vec::new(),
        official_notes: Vec::new(),
        top: None,
        attribution: None,
        ranking_only: false,
    }
}

/// Industries the source ranks without a figure that the filters let through.
fn unfigured_industries(
    salary: &crate::model::Salary,
    filters: &Filters,
) -> Vec<UnfiguredIndustry> {
    if !filters.cities.is_empty()
        || filters.experience.is_some()
        || filters.company.is_some()
        || filters.about.is_some_and(|d| d != Dimension::Industry)
    {
        return Vec::new();
    }
    salary
        .ranked_industries()
        .into_iter()
        .filter(|r| r.figure.is_none())
        .filter(|r| {
            filters.industries.is_empty()
                || filters
                    .industries
                    .iter()
                    .any(|i| i.eq_ignore_ascii_case(r.industry))
        })
        .map(|r| UnfiguredIndustry {
            industry: r.industry.to_owned(),
            rank: r.rank,
            of: r.of,
            note: r.note.map(str::to_owned),
        })
        .collect()
}

fn cities(entries: &[&Entry], places: &Locations) -> CitiesReport {
    let mut cities = Vec::new();
    for place in places.all() {
        let mut roles = Vec::new();
        let mut figures = 0;
        for e in entries {
            let n = figures_of(&e.profile)
                .iter()
                .filter(|f| f.location.as_deref() == Some(place.name.as_str()))
                .count();
            if n > 0 {
                roles.push(e.profile.id.clone());
                figures += n;
            }
        }
        if figures > 0 {
            cities.push(CityView {
                name: place.name.clone(),
                aliases: place.aliases.clone(),
                roles,
                figures,
            });
        }
    }
    let without: Vec<&Entry> = entries
        .iter()
        .copied()
        .filter(|e| figures_of(&e.profile).is_empty())
        .collect();
    CitiesReport {
        cities,
        roles_without_figures: without.iter().map(|e| e.source()).collect(),
    }
}
