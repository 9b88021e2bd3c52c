//! `careers salary [ROLE]...`: pay figures by role and by what they are about, filtered by
//! city, experience, company type and industry, with charts of bands and the reader's own pay.
//!
//! Every figure is shown exactly as its profile types it; where a profile has no figure the
//! report says so and invents none.

use serde::Serialize;

use crate::Context;
use crate::cli::{PaySort, SalaryArgs};
use crate::commands::missing_in;
use crate::error::resolve_choice;
use crate::model::salary::{Placement, dollars};
use crate::model::wages::AreaKind;
use crate::model::{
    CompanyType, Dimension, ExperienceLevel, GrowthLever, Locations, Measure, Pay, Profile,
    Provenance, Salary, SalaryFigure, Statistic, YearSpan,
};
use crate::render::views::sections::describe_source;
use crate::render::{Bar, Cell, Chart, Document, Records, Report, Table, Tone};
use crate::store::wages::{
    AreaRef, IndustryRef, OccupationWages, Place, PlaceEstimate, UnlinkedCode,
};
use crate::store::{Entry, Origin, Store, bundled_locations};

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
    /// The reader's own pay in whole dollars, placed against every figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub my_pay: Option<u64>,
    /// Roles with at least one matching figure.
    pub roles: Vec<RolePay>,
    /// Roles asked about whose profiles have no pay figures at all.
    pub roles_without_figures: Vec<String>,
    /// "no salary figures for ROLES in bundled profiles", naming where those roles come from.
    #[serde(skip)]
    pub without_figures_text: Option<String>,
    /// Why nothing, or less than asked, is shown.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub messages: Vec<String>,
    /// The release official figures come from, when one is in use and asked about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub official_source: Option<OfficialSource>,
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
}

/// Which release official figures come from, and BLS's notice.
#[derive(Debug, Clone, Serialize)]
pub struct OfficialSource {
    /// "BLS OEWS May 2025".
    pub name: String,
    /// The industry the estimates are for: cross-industry unless `--industry` names a sector.
    pub industry: Option<IndustryRef>,
    pub notice: &'static str,
}

/// A role's official estimates.
#[derive(Debug, Clone, Serialize)]
pub struct RoleWages {
    pub role: String,
    pub title: String,
    pub occupations: Vec<OccupationWages>,
    /// Codes of the role that BLS publishes nothing for, and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unlinked: Vec<UnlinkedCode>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoleWithoutWages {
    pub role: String,
    pub reason: String,
}

/// Why official figures are missing or national only.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum OfficialNote {
    /// The place is only a curated one ("Remote"): BLS has no area for it.
    NoArea { place: String },
    /// BLS publishes estimates by industry for the nation only.
    SectorNationalOnly,
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

/// Filters as canonical values; absent when not given.
#[derive(Debug, Default, Serialize)]
pub struct Filters {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// The places asked for, as the curated figures name them (or as BLS names them, for
    /// places only BLS has).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cities: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub experience: Option<ExperienceLevel>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<CompanyType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<Dimension>,
}

impl Filters {
    /// Whether a filter other than the roles narrows the figures.
    fn narrows(&self) -> bool {
        !self.cities.is_empty()
            || self.experience.is_some()
            || self.company.is_some()
            || self.industry.is_some()
            || self.about.is_some()
    }

    fn admits(&self, f: &SalaryFigure) -> bool {
        let eq = |want: &Option<String>, have: &Option<String>| {
            want.as_ref()
                .is_none_or(|w| have.as_ref().is_some_and(|h| h.eq_ignore_ascii_case(w)))
        };
        (self.cities.is_empty()
            || f.location
                .as_ref()
                .is_some_and(|l| self.cities.iter().any(|c| c.eq_ignore_ascii_case(l))))
            && eq(&self.industry, &f.industry)
            && self.experience.is_none_or(|e| f.experience == Some(e))
            && self.company.is_none_or(|c| f.company == Some(c))
            && self.about.is_none_or(|d| f.dimension == d)
    }

    /// One filter per narrowing filter given, each on its own.
    fn singles(&self) -> Vec<Filters> {
        let mut out = Vec::new();
        if !self.cities.is_empty() {
            out.push(Filters {
                cities: self.cities.clone(),
                ..Filters::default()
            });
        }
        if let Some(e) = self.experience {
            out.push(Filters {
                experience: Some(e),
                ..Filters::default()
            });
        }
        if let Some(c) = self.company {
            out.push(Filters {
                company: Some(c),
                ..Filters::default()
            });
        }
        if let Some(i) = &self.industry {
            out.push(Filters {
                industry: Some(i.clone()),
                ..Filters::default()
            });
        }
        if let Some(d) = self.about {
            out.push(Filters {
                about: Some(d),
                ..Filters::default()
            });
        }
        out
    }

    /// "city Seattle, experience senior".
    fn describe(&self) -> String {
        let mut parts = Vec::new();
        match self.cities.as_slice() {
            [] => {}
            [one] => parts.push(format!("city {one}")),
            many => parts.push(format!("cities {}", many.join(", "))),
        }
        if let Some(e) = self.experience {
            parts.push(format!("experience {}", e.name()));
        }
        if let Some(c) = self.company {
            parts.push(format!("company {}", c.name()));
        }
        if let Some(i) = &self.industry {
            parts.push(format!("industry {i}"));
        }
        if let Some(d) = self.about {
            parts.push(format!("about {}", d.name()));
        }
        parts.join(", ")
    }
}

/// How figures are ordered within each group.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct SortOrder {
    /// `low`, `high` or `mid`.
    pub by: PaySort,
    /// Always `descending`: the highest band first.
    pub order: &'static str,
}

/// One role's matching figures.
#[derive(Debug, Serialize)]
pub struct RolePay {
    pub role: String,
    pub title: String,
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

    fn placement(self) -> Option<Placement> {
        match self {
            MyPay::Placed(p) => Some(p),
            MyPay::NotComparable { .. } => None,
        }
    }
}

impl std::fmt::Display for MyPay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MyPay::Placed(p) => p.fmt(f),
            MyPay::NotComparable { not_comparable } => {
                write!(f, "not comparable: {not_comparable}")
            }
        }
    }
}

/// The places that have pay figures.
#[derive(Debug, Serialize)]
pub struct CitiesReport {
    pub cities: Vec<CityView>,
    /// Roles asked about whose profiles have no pay figures at all.
    pub roles_without_figures: Vec<String>,
    #[serde(skip)]
    pub without_figures_text: Option<String>,
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
    let asked: Vec<Place> = split_places(&args.city)
        .iter()
        .map(|c| store.resolve_place(&places, c))
        .collect::<Result<_, _>>()?;
    let wages = store.wages()?;
    let (industry, sector) = match &args.industry {
        Some(i) => resolve_industry(store, wages, i)?,
        None => (None, None),
    };
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
                    p.area
                        .zip(wages)
                        .map_or_else(|| p.query.clone(), |(a, w)| w.tables.areas[a].name.clone())
                })
            })
            .collect(),
        experience: args.experience,
        company: args.company,
        industry,
        about: args.about,
    };
    let mut report = report(store, &entries, filters, args.sort, args.my_pay);
    if let Some(stored) = wages {
        official(store, stored, args, &entries, &asked, sector, &mut report)?;
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

/// `--city` values, each of which may hold several places separated by commas; a part that is
/// only state postal codes (`OR`, `OR-WA`) belongs to the place before it ("Portland, OR").
fn split_places(values: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for value in values {
        let mut here: Vec<String> = Vec::new();
        for part in value.split(',') {
            let part = part.trim();
            let states = !part.is_empty()
                && part
                    .split('-')
                    .all(|s| s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()));
            match here.last_mut() {
                Some(last) if states => {
                    last.push_str(", ");
                    last.push_str(part);
                }
                _ if part.is_empty() => {}
                _ => here.push(part.to_owned()),
            }
        }
        out.extend(here);
    }
    out
}

/// Adds BLS OEWS estimates to the report: for each chosen role's occupations at the places
/// asked for (the nation when none), and with `--top` the best-paid occupations of the place.
fn official(
    store: &Store,
    stored: &crate::oews::storage::Stored,
    args: &SalaryArgs,
    entries: &[&Entry],
    asked: &[Place],
    sector: Option<usize>,
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
    if sector.is_some()
        && areas
            .iter()
            .any(|&a| stored.tables.areas[a].kind != AreaKind::National)
    {
        report.official_notes.push(OfficialNote::SectorNationalOnly);
        areas.clear();
    }
    report.official_source = Some(OfficialSource {
        name: crate::oews::source_name(stored),
        industry: sector
            .or_else(|| stored.cross_industry())
            .map(|i| stored.industry_ref(i)),
        notice: crate::oews::NOTICE,
    });
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
                reason: match unlinked.first() {
                    Some(u) => u.reason.clone(),
                    None => "its profile links no O*NET-SOC occupation, which BLS OEWS estimates are published by".to_owned(),
                },
            });
            continue;
        }
        report.official.push(RoleWages {
            role: e.profile.id.clone(),
            title: e.profile.title.clone(),
            occupations: store.official_wages(&links, &areas, sector, args.my_pay)?,
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
            report.top = Some(top_occupations(stored, area, sector, args, usize::from(n))?);
        }
    }
    if !report.official.is_empty() && report.roles.is_empty() {
        // The official figures answer: the curated profiles' lack of figures is no news.
        report.messages.clear();
        report.without_figures_text = None;
    }
    Ok(())
}

/// The detailed occupations with the highest median annual wage in `area`.
fn top_occupations(
    stored: &crate::oews::storage::Stored,
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
    let mut ranked: Vec<(u64, usize, crate::oews::storage::AreaEstimate)> = Vec::new();
    let mut not_published = 0;
    for (position, o) in stored.tables.occupations.iter().enumerate() {
        if o.level != 3
            || group
                .as_ref()
                .is_some_and(|g| !o.code.starts_with(g.as_str()))
            || title
                .as_ref()
                .is_some_and(|t| !o.name.to_lowercase().contains(t.as_str()))
        {
            continue;
        }
        let Some(e) = stored
            .estimates_where(position, |a, i| a == area && Some(i) == industry)?
            .into_iter()
            .next()
        else {
            continue;
        };
        // A top-coded median is at least BLS's threshold: above every published one.
        let key = match e.estimate.get(crate::model::wages::Measure::AnnualMedian) {
            Some(crate::model::wages::Value::Number(v)) => v,
            Some(crate::model::wages::Value::AtLeast) => u64::MAX,
            _ => {
                not_published += 1;
                continue;
            }
        };
        ranked.push((key, position, e));
    }
    let occupations_ranked = ranked.len();
    let codes = &stored.tables.occupations;
    ranked.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| codes[a.1].code.cmp(&codes[b.1].code))
    });
    let top: Vec<TopOccupation> = ranked
        .into_iter()
        .take(n)
        .enumerate()
        .map(|(i, (_, position, e))| TopOccupation {
            rank: i + 1,
            soc: codes[position].soc(),
            title: codes[position].name.clone(),
            estimate: stored.place_estimate(e, None),
        })
        .collect();
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
        let entry = store.resolve(name)?;
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
    for e in store.authored() {
        for loc in figures_of(&e.profile)
            .iter()
            .filter_map(|f| f.location.as_ref())
        {
            places.add_name(loc);
        }
    }
    Ok(places)
}

/// The industry `input` names: among those any profile's pay data names (with a figure or only
/// in its ranking), and among BLS's sectors when OEWS wages are in use. Unknown in both is an
/// error listing both.
fn resolve_industry(
    store: &Store,
    wages: Option<&crate::oews::storage::Stored>,
    input: &str,
) -> Result<(Option<String>, Option<usize>), crate::error::CareersError> {
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
        return curated.map(|c| (Some(c), None));
    };
    let sector = crate::model::wages::match_sector(&stored.tables.industries, input);
    match (curated, sector) {
        (Ok(c), s) => Ok((Some(c), s)),
        (Err(_), Some(s)) => Ok((
            Some(stored.tables.industries[s].short_name().to_owned()),
            Some(s),
        )),
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

/// The ordering key of a figure: the chosen end, or the amount it states when it lacks that end.
fn sort_key(pay: Pay, by: PaySort) -> u64 {
    let (low, high) = (pay.low(), pay.high());
    let known = low.or(high).unwrap_or(0);
    match by {
        PaySort::Low => low.unwrap_or(known),
        PaySort::High => high.unwrap_or(known),
        PaySort::Mid => match (low, high) {
            (Some(l), Some(h)) => l.midpoint(h),
            _ => known,
        },
    }
}

/// Whether a figure lacks the end `by` sorts on and so sorts on the amount it states.
fn sorts_on_known_bound(pay: Pay, by: PaySort) -> bool {
    let no_low = matches!(pay, Pay::UpTo { .. });
    match by {
        PaySort::Low => no_low,
        PaySort::High => pay.open_high(),
        PaySort::Mid => no_low || pay.open_high(),
    }
}

pub fn report(
    store: &Store,
    entries: &[&Entry],
    filters: Filters,
    sort: Option<PaySort>,
    my_pay: Option<u64>,
) -> SalaryReport {
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
            unfigured_industries: if shows_industries || filters.industry.is_some() {
                unfigured
            } else {
                Vec::new()
            },
            default_source: salary.source.clone(),
        });
    }
    let mut messages = Vec::new();
    if !unmatched.is_empty() {
        messages.push(format!(
            "no salary figure for {} matches {}",
            unmatched.join(", "),
            filters.describe()
        ));
    }
    let without_figures_text =
        (!without.is_empty()).then(|| missing_in("salary figures", &without));
    if roles.is_empty() {
        if let Some(text) = &without_figures_text {
            messages.push(text.clone());
        }
        if filters.narrows() {
            messages.extend(roles_matching_hint(store, &filters));
        } else {
            let with = roles_with_figures(store, &Filters::default());
            if !with.is_empty() && !without.is_empty() && unmatched.is_empty() {
                messages.push(format!("roles with salary figures: {}", with.join(", ")));
            }
        }
    }
    SalaryReport {
        filters,
        sort: sort.map(|by| SortOrder {
            by,
            order: "descending",
        }),
        my_pay,
        roles,
        roles_without_figures: without.iter().map(|e| e.profile.id.clone()).collect(),
        without_figures_text,
        messages,
        official_source: None,
        official: Vec::new(),
        roles_without_official: Vec::new(),
        official_notes: Vec::new(),
        top: None,
        attribution: None,
    }
}

/// Every role in the store with a figure that passes every filter but the roles.
fn roles_with_figures(store: &Store, filters: &Filters) -> Vec<String> {
    store
        .authored()
        .filter(|e| figures_of(&e.profile).iter().any(|f| filters.admits(f)))
        .map(|e| e.profile.id.clone())
        .collect()
}

/// Where else to look when the chosen roles have nothing that passes the filters: the roles
/// whose figures pass all of them, else each single filter that some role has figures for.
fn roles_matching_hint(store: &Store, filters: &Filters) -> Vec<String> {
    let all = roles_with_figures(store, filters);
    if !all.is_empty() {
        return vec![format!(
            "roles with salary figures for {}: {}",
            filters.describe(),
            all.join(", ")
        )];
    }
    let singles = filters.singles();
    let mut out = vec![if singles.len() > 1 {
        format!(
            "no role has salary figures for the combination {}",
            filters.describe()
        )
    } else {
        format!("no role has salary figures for {}", filters.describe())
    }];
    if singles.len() > 1 {
        for single in singles {
            let with = roles_with_figures(store, &single);
            if !with.is_empty() {
                out.push(format!(
                    "roles with salary figures for {} alone: {}",
                    single.describe(),
                    with.join(", ")
                ));
            }
        }
    }
    out
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
    ranked_industries(salary)
        .into_iter()
        .filter(|r| r.figure.is_none())
        .filter(|r| {
            filters
                .industry
                .as_ref()
                .is_none_or(|i| i.eq_ignore_ascii_case(r.industry))
        })
        .map(|r| UnfiguredIndustry {
            industry: r.industry.to_owned(),
            rank: r.rank,
            of: r.of,
            note: r.note.map(str::to_owned),
        })
        .collect()
}

/// An industry in the source's pay ranking, with its figure when the profile has one.
pub struct RankedView<'a> {
    pub industry: &'a str,
    /// 1 for the best-paying.
    pub rank: usize,
    pub of: usize,
    pub figure: Option<&'a SalaryFigure>,
    pub note: Option<&'a str>,
}

/// The source's industry ranking, each industry matched to its figure if there is one.
pub fn ranked_industries(salary: &Salary) -> Vec<RankedView<'_>> {
    let of = salary.industry_ranking.len();
    salary
        .industry_ranking
        .iter()
        .enumerate()
        .map(|(i, r)| RankedView {
            industry: &r.industry,
            rank: i + 1,
            of,
            figure: salary
                .figures
                .iter()
                .find(|f| f.industry.as_deref() == Some(r.industry.as_str())),
            note: r.note.as_deref(),
        })
        .collect()
}

/// What a figure's notes say: its measure unless plain salary, with `group` its group unless
/// the label or a table heading already says it, the source's qualification, and its own
/// source when it differs from `default_source`.
pub fn figure_notes(
    f: &SalaryFigure,
    default_source: Option<&Provenance>,
    group: bool,
) -> Vec<String> {
    let mut notes = Vec::new();
    if f.measure != Measure::Salary {
        notes.push(f.measure.label().to_owned());
    }
    if let Some(g) = f.group.as_ref().filter(|_| group)
        && f.dimension != Dimension::Experience
        && g != &f.label
        && !Dimension::ALL
            .iter()
            .any(|d| d.label().eq_ignore_ascii_case(g))
    {
        notes.push(g.clone());
    }
    if let Some(n) = &f.note {
        notes.push(n.clone());
    }
    if let Some(src) = &f.source
        && Some(src) != default_source
    {
        notes.push(format!("source: {}", describe_source(src)));
    }
    notes
}

/// How pay grows, what is said of pay without a figure, and what moves it: the blocks that
/// follow a role's whole set of figures, under headings of `level`.
pub fn salary_extras(doc: &mut Document, level: u8, salary: &SalaryExtras<'_>) {
    if !salary.growth.is_empty() {
        doc.heading(level, "Pay growth");
        let mut table = Table::new(["Event", "Change", "Note"]);
        for g in salary.growth {
            table.row([
                Cell::tone(g.event.clone(), Tone::Strong),
                Cell::new(
                    g.change
                        .map_or_else(|| "no figure".into(), |c| c.to_string()),
                ),
                Cell::new(g.note.clone().unwrap_or_default()),
            ]);
        }
        doc.table(table);
    }
    if !salary.notes.is_empty() {
        doc.heading(level, "Notes");
        doc.list(salary.notes.iter().cloned());
    }
    if !salary.factors.is_empty() {
        doc.heading(level, "What moves pay");
        doc.list(salary.factors.iter().cloned());
    }
}

/// The parts of a salary section shown only with the role's whole salary.
pub struct SalaryExtras<'a> {
    pub growth: &'a [GrowthLever],
    pub notes: &'a [String],
    pub factors: &'a [String],
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
        roles_without_figures: without.iter().map(|e| e.profile.id.clone()).collect(),
        without_figures_text: (!without.is_empty()).then(|| missing_in("salary figures", &without)),
    }
}

impl Report for SalaryOutput {
    fn attribution_column(&self) -> bool {
        matches!(self, SalaryOutput::Figures(_))
    }

    fn attribution(&self) -> Option<&str> {
        match self {
            SalaryOutput::Figures(r) => r.attribution.as_deref(),
            SalaryOutput::Cities(_) => None,
        }
    }

    fn document(&self) -> Document {
        match self {
            SalaryOutput::Figures(r) => r.document(),
            SalaryOutput::Cities(r) => r.document(),
        }
    }

    fn records(&self) -> Records {
        match self {
            SalaryOutput::Figures(r) => r.records(),
            SalaryOutput::Cities(r) => r.records(),
        }
    }
}

/// A band as a bar labelled as in the table: an `up to` figure is open on the left, an open
/// band on the right.
fn bar(f: &SalaryFigure, marker: Option<u64>) -> Bar {
    let high = f.pay.high();
    let low = f.pay.low();
    let stated = low.or(high).unwrap_or(0);
    Bar {
        label: f.full_label(),
        low: low.unwrap_or(stated),
        high: high.unwrap_or(stated),
        open_high: f.pay.open_high(),
        open_low: low.is_none(),
        value: f.display_pay(),
        marker,
    }
}

fn placement_tone(p: &MyPay) -> Tone {
    match p {
        MyPay::Placed(Placement::Below { .. }) => Tone::Warn,
        MyPay::Placed(Placement::At | Placement::Inside { .. }) => Tone::Good,
        MyPay::Placed(Placement::Above { .. }) => Tone::Strong,
        MyPay::NotComparable { .. } => Tone::Muted,
    }
}

impl SalaryReport {
    fn document(&self) -> Document {
        let mut doc = Document::default();
        if self.filters.narrows() {
            doc.note(format!("Filters: {}.", self.filters.describe()));
        }
        for role in &self.roles {
            doc.heading(1, format!("Salary: {} ({})", role.title, role.role));
            let mut dims: Vec<Dimension> = role.figures.iter().map(|f| f.dimension).collect();
            dims.dedup();
            if role.figures.is_empty() {
                dims.push(Dimension::Industry);
            }
            for dim in dims {
                doc.heading(2, dim.label());
                let group: Vec<&FigureView> =
                    role.figures.iter().filter(|f| f.dimension == dim).collect();
                if !group.is_empty() {
                    doc.table(self.figures_table(&group, role.default_source.as_ref()));
                }
                if matches!(dim, Dimension::Location | Dimension::Experience) && group.len() >= 2 {
                    let what = if dim == Dimension::Location {
                        "location"
                    } else {
                        "experience and company type"
                    };
                    doc.chart(Chart {
                        title: format!("Pay by {what}, {}", role.role),
                        bars: group
                            .iter()
                            .map(|f| {
                                let comparable = f.my_pay.and_then(MyPay::placement).is_some();
                                bar(&f.figure, self.my_pay.filter(|_| comparable))
                            })
                            .collect(),
                    });
                }
                if dim == Dimension::Industry && !role.unfigured_industries.is_empty() {
                    let ranked: Vec<String> = role
                        .unfigured_industries
                        .iter()
                        .map(|u| {
                            let mut text =
                                format!("{} (ranked {} of {})", u.industry, u.rank, u.of);
                            if let Some(note) = &u.note {
                                text.push_str(&format!(": {note}"));
                            }
                            text
                        })
                        .collect();
                    doc.paragraph("The source ranks these industries by pay without a figure:");
                    doc.list(ranked);
                }
            }
            salary_extras(
                &mut doc,
                2,
                &SalaryExtras {
                    growth: &role.growth,
                    notes: &role.notes,
                    factors: &role.factors,
                },
            );
            if let Some(src) = &role.default_source {
                doc.note(format!("Source: {}.", describe_source(src)));
            }
        }
        if let Some(sort) = self.sort {
            let mut note = format!(
                "Each group is sorted by the {} of its bands, highest first.",
                match sort.by {
                    PaySort::Low => "low end",
                    PaySort::High => "high end",
                    PaySort::Mid => "middle",
                }
            );
            let by = sort.by;
            let open: Vec<String> = self
                .roles
                .iter()
                .flat_map(|r| &r.figures)
                .filter(|f| sorts_on_known_bound(f.figure.pay, by))
                .map(|f| f.figure.pay.to_string())
                .collect();
            if !open.is_empty() {
                note.push_str(&format!(
                    " Open-ended figures sort on the amount they state: {}.",
                    open.join(", ")
                ));
            }
            doc.note(note);
        }
        if let Some(text) = &self.without_figures_text
            && !self.roles.is_empty()
        {
            doc.note(capitalize(text) + ".");
        }
        for m in &self.messages {
            doc.paragraph(capitalize(m) + ".");
        }
        self.official_document(&mut doc);
        doc
    }

    /// The BLS OEWS part: per role and occupation, a table of its estimates at each place and
    /// their percentile bands; then `--top`; then what could not be shown, and BLS's notice.
    fn official_document(&self, doc: &mut Document) {
        use crate::render::views::wages as view;
        let Some(source) = &self.official_source else {
            for n in &self.official_notes {
                if let OfficialNote::NoArea { place } = n {
                    doc.note(format!("BLS OEWS publishes no estimates for {place}."));
                }
            }
            return;
        };
        let industry = source
            .industry
            .as_ref()
            .filter(|i| i.code != crate::model::wages::Industry::CROSS_INDUSTRY);
        for role in &self.official {
            doc.heading(1, format!("Official wages: {} ({})", role.title, role.role));
            for w in &role.occupations {
                doc.heading(2, view::occupation_heading(w));
                if !w.estimates.is_empty() {
                    doc.table(view::estimates_table(w, self.my_pay));
                    let mut bars: Vec<_> = w
                        .estimates
                        .iter()
                        .filter_map(|e| {
                            view::band(format!("{} (BLS)", e.area.name), e, self.my_pay)
                        })
                        .collect();
                    // The curated bands for the same places go on the same scale.
                    let curated: Vec<Bar> = self
                        .roles
                        .iter()
                        .filter(|r| r.role == role.role)
                        .flat_map(|r| &r.figures)
                        .filter(|f| f.dimension == Dimension::Location)
                        .map(|f| {
                            let comparable = f.my_pay.and_then(MyPay::placement).is_some();
                            let mut b = bar(&f.figure, self.my_pay.filter(|_| comparable));
                            b.label = format!("{} (career page)", b.label);
                            b
                        })
                        .collect();
                    if !bars.is_empty() {
                        let title = if curated.is_empty() {
                            format!(
                                "10th to 90th percentile, {} {}",
                                w.occupation.soc, source.name
                            )
                        } else {
                            format!(
                                "10th to 90th percentile, {} {}, with the career page's bands",
                                w.occupation.soc, source.name
                            )
                        };
                        bars.extend(curated);
                        doc.chart(Chart { title, bars });
                    }
                }
                for a in &w.not_estimated_in {
                    doc.note(format!(
                        "{} publishes no estimate of SOC {} for {}.",
                        source.name, w.occupation.soc, a.name
                    ));
                }
                let places: Vec<&str> = w.estimates.iter().map(|e| e.area.name.as_str()).collect();
                if !places.is_empty() {
                    let mut line = format!("Source: {} · {}", source.name, places.join(" · "));
                    if let Some(i) = industry {
                        line.push_str(&format!(" · {}", i.name));
                    }
                    doc.note(line + ".");
                }
            }
            for u in &role.unlinked {
                doc.note(format!("{}: {}.", u.onet_code, u.reason));
            }
        }
        if let Some(top) = &self.top {
            let mut heading = format!("Best-paid occupations: {}", top.area.name);
            if let Some(g) = &top.group {
                heading.push_str(&format!(", SOC group {g}"));
            }
            if let Some(t) = &top.title {
                heading.push_str(&format!(", titles with \"{t}\""));
            }
            doc.heading(1, heading);
            let mut table = Table::new(["#", "SOC", "Occupation", "Median", "Employment"]).wide(2);
            for t in &top.ranked {
                table.row([
                    Cell::new(t.rank.to_string()),
                    Cell::new(t.soc.clone()),
                    Cell::tone(t.title.clone(), Tone::Strong),
                    Cell::new(view::measure_text(
                        &t.estimate,
                        crate::model::wages::Measure::AnnualMedian,
                    )),
                    Cell::new(view::measure_text(
                        &t.estimate,
                        crate::model::wages::Measure::Employment,
                    )),
                ]);
            }
            doc.table(table);
            doc.note(format!(
                "{} of {} occupations with a published median there, by median annual wage ({}).{}",
                top.ranked.len(),
                crate::model::salary::thousands(top.occupations as u64),
                source.name,
                match top.not_published {
                    0 => String::new(),
                    n => format!(" {n} more have estimates without a published median."),
                }
            ));
        }
        for r in &self.roles_without_official {
            doc.note(format!("No BLS OEWS wages for {}: {}.", r.role, r.reason));
        }
        for n in &self.official_notes {
            match n {
                OfficialNote::NoArea { place } => {
                    doc.note(format!("{} has no estimates for {place}.", source.name));
                }
                OfficialNote::SectorNationalOnly => {
                    doc.note(format!(
                        "{} publishes estimates by industry for the nation only; these are national.",
                        source.name
                    ));
                }
            }
        }
        if self.my_pay.is_some() && !self.official.is_empty() {
            doc.note(view::PLACEMENT_NOTE);
        }
        let at_least = self
            .official
            .iter()
            .flat_map(|r| &r.occupations)
            .flat_map(|w| &w.estimates)
            .chain(
                self.top
                    .iter()
                    .flat_map(|t| t.ranked.iter().map(|r| &r.estimate)),
            )
            .flat_map(|e| &e.figures)
            .find_map(|f| match &f.value {
                crate::store::wages::FigureValue::AtLeast { footnote, .. } => footnote.text.clone(),
                _ => None,
            });
        if let Some(text) = at_least {
            doc.note(format!("≥ and +: BLS footnote 5: {text}"));
        }
        doc.note(source.notice);
    }

    fn figures_table(&self, group: &[&FigureView], default: Option<&Provenance>) -> Table {
        let mut headers = vec!["Figure".to_owned(), "Pay".into(), "Year".into()];
        headers.push("Notes".into());
        if let Some(m) = self.my_pay {
            headers.push(format!("Your {}", dollars(m)));
        }
        let mut table = Table::new(headers).wide(3);
        for f in group {
            let fig = &f.figure;
            let notes = figure_notes(fig, default, true);
            let mut row = vec![
                Cell::tone(fig.full_label(), Tone::Strong),
                Cell::new(fig.display_pay()),
                Cell::new(fig.year_text()),
                Cell::tone(notes.join("; "), Tone::Muted),
            ];
            if let Some(p) = &f.my_pay {
                row.push(Cell::tone(p.to_string(), placement_tone(p)));
            }
            table.row(row);
        }
        table
    }

    /// One CSV row per figure, with the JSON figure's fields and spellings.
    fn records(&self) -> Records {
        let mut records = Records::new([
            "role",
            "dimension",
            "label",
            "group",
            "location",
            "experience",
            "years",
            "company",
            "industry",
            "kind",
            "amount",
            "low",
            "high",
            "open_high",
            "statistic",
            "measure",
            "currency",
            "year",
            "text",
            "note",
            "source",
            "my_pay",
            "soc",
            "area_code",
            "industry_code",
            "datatype",
        ]);
        let num = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
        for role in &self.roles {
            for f in &role.figures {
                records.push([
                    role.role.clone(),
                    json_name(&f.dimension),
                    f.label.clone(),
                    f.group.clone().unwrap_or_default(),
                    f.location.clone().unwrap_or_default(),
                    f.experience.as_ref().map(json_name).unwrap_or_default(),
                    f.years.map(|y| y.to_string()).unwrap_or_default(),
                    f.company.as_ref().map(json_name).unwrap_or_default(),
                    f.industry.clone().unwrap_or_default(),
                    f.kind.to_owned(),
                    num(f.amount),
                    num(f.low),
                    num(f.high),
                    f.open_high.to_string(),
                    f.statistic.as_ref().map(json_name).unwrap_or_default(),
                    json_name(&f.measure),
                    f.currency.to_owned(),
                    f.year.map(|y| y.to_string()).unwrap_or_default(),
                    f.text.clone(),
                    f.note.clone().unwrap_or_default(),
                    f.source.as_ref().map(describe_source).unwrap_or_default(),
                    f.my_pay.map(|p| p.to_string()).unwrap_or_default(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]);
            }
        }
        self.official_records(&mut records);
        records
    }

    /// One row per official figure: `dimension` is `official`, `kind` BLS's status
    /// (`published`, `at-least`, `not-published`), `amount` the number as BLS publishes it.
    fn official_records(&self, records: &mut Records) {
        use crate::store::wages::FigureValue;
        let Some(source) = &self.official_source else {
            return;
        };
        let year = source
            .name
            .rsplit(' ')
            .next()
            .unwrap_or_default()
            .to_owned();
        let mut push = |role: &str, soc: &str, title: &str, e: &PlaceEstimate| {
            for f in &e.figures {
                let (kind, amount, note) = match &f.value {
                    FigureValue::Published { value } => {
                        ("published", value.to_string(), String::new())
                    }
                    FigureValue::AtLeast { at_least, footnote } => (
                        "at-least",
                        at_least.map(|v| v.to_string()).unwrap_or_default(),
                        footnote.text.clone().unwrap_or_default(),
                    ),
                    FigureValue::NotPublished { footnote } => (
                        "not-published",
                        String::new(),
                        footnote
                            .as_ref()
                            .and_then(|f| f.text.clone())
                            .unwrap_or_default(),
                    ),
                };
                let dollars = matches!(
                    f.measure.unit(),
                    crate::model::wages::Unit::AnnualDollars
                        | crate::model::wages::Unit::HourlyDollars
                );
                let my_pay = match (&e.my_pay, f.measure) {
                    (Some(p), crate::model::wages::Measure::AnnualMedian) => {
                        crate::render::views::wages::placement_text(p)
                    }
                    _ => String::new(),
                };
                records.push([
                    role.to_owned(),
                    "official".to_owned(),
                    f.name.to_owned(),
                    title.to_owned(),
                    e.area.name.clone(),
                    String::new(),
                    String::new(),
                    String::new(),
                    e.industry.name.clone(),
                    kind.to_owned(),
                    amount,
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    json_name(&f.measure),
                    if dollars {
                        "USD".to_owned()
                    } else {
                        String::new()
                    },
                    year.clone(),
                    crate::render::views::wages::value_text(f),
                    note,
                    source.name.clone(),
                    my_pay,
                    soc.to_owned(),
                    e.area.code.clone(),
                    e.industry.code.clone(),
                    f.datatype.to_owned(),
                ]);
            }
        };
        for r in &self.official {
            for w in &r.occupations {
                for e in &w.estimates {
                    push(&r.role, &w.occupation.soc, &w.occupation.title, e);
                }
            }
        }
        if let Some(top) = &self.top {
            for t in &top.ranked {
                push("", &t.soc, &t.title, &t.estimate);
            }
        }
    }
}

/// A unit enum value as JSON spells it: `base-salary`, `top-tech`.
fn json_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl CitiesReport {
    fn document(&self) -> Document {
        let mut doc = Document::default();
        doc.heading(1, "Places with pay figures");
        if self.cities.is_empty() {
            doc.paragraph(match &self.without_figures_text {
                Some(text) => format!("{}, so no places.", capitalize(text)),
                None => "No places.".to_owned(),
            });
            return doc;
        }
        let mut table = Table::new(["Place", "Also typed as", "Roles with figures", "Figures"]);
        for c in &self.cities {
            table.row([
                Cell::tone(c.name.clone(), Tone::Strong),
                Cell::new(c.aliases.join("; ")),
                Cell::new(format!("{} ({})", c.roles.len(), c.roles.join(", "))),
                Cell::new(c.figures.to_string()),
            ]);
        }
        doc.table(table);
        doc.note(format!(
            "{} places. `careers salary --city NAME` shows their figures.",
            self.cities.len()
        ));
        doc
    }

    fn records(&self) -> Records {
        let mut records = Records::new(["place", "aliases", "roles", "figures"]);
        for c in &self.cities {
            records.push([
                c.name.clone(),
                c.aliases.join("; "),
                c.roles.join("; "),
                c.figures.to_string(),
            ]);
        }
        records
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_figures_sort_on_the_amount_they_state() {
        let up_to = Pay::UpTo { amount: 152_601 };
        let at_least = Pay::AtLeast { amount: 172_654 };
        let band = Pay::Range {
            low: 96_000,
            high: 132_000,
            open_high: false,
        };
        assert_eq!(sort_key(up_to, PaySort::Low), 152_601);
        assert_eq!(sort_key(at_least, PaySort::High), 172_654);
        assert_eq!(sort_key(band, PaySort::Mid), 114_000);
        assert!(sorts_on_known_bound(up_to, PaySort::Low));
        assert!(!sorts_on_known_bound(up_to, PaySort::High));
        assert!(sorts_on_known_bound(at_least, PaySort::High));
        assert!(sorts_on_known_bound(at_least, PaySort::Mid));
        assert!(!sorts_on_known_bound(band, PaySort::Mid));
    }

    #[test]
    fn the_middle_of_the_widest_band_neither_panics_nor_wraps() {
        let widest = Pay::Range {
            low: 1,
            high: u64::MAX,
            open_high: false,
        };
        assert_eq!(sort_key(widest, PaySort::Mid), u64::MAX / 2 + 1);
        let top = Pay::Range {
            low: u64::MAX,
            high: u64::MAX,
            open_high: true,
        };
        assert_eq!(sort_key(top, PaySort::Mid), u64::MAX);
        assert_eq!(
            widest.place(u64::MAX).to_string(),
            "inside, 100% of the way up"
        );
        assert_eq!(widest.place(1).to_string(), "inside, 0% of the way up");
    }

    #[test]
    fn an_up_to_figure_is_a_bar_open_on_the_left() {
        let store = Store::bundled().unwrap();
        let mle = store.get("ml-engineer").unwrap();
        let entry_top = figures_of(&mle.profile)
            .iter()
            .find(|f| f.pay == Pay::UpTo { amount: 152_601 })
            .unwrap();
        let b = bar(entry_top, None);
        assert_eq!(
            b.label,
            "Entry-level (0-2 years) · Top tech companies (e.g., FAANG)"
        );
        assert!(b.open_low && !b.open_high);
        assert_eq!((b.low, b.high), (152_601, 152_601));
    }
}
