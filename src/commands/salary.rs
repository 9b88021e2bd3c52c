//! `careers salary [ROLE]...`: pay figures by role and by what they are about, filtered by
//! city, experience, company type and industry, with charts of bands and the reader's own pay.
//!
//! Every figure is shown exactly as its profile types it; where a profile has no figure the
//! report says so and invents none.

use serde::Serialize;

use crate::Context;
use crate::cli::{PaySort, SalaryArgs};
use crate::commands::missing_in;
use crate::commands::show::describe_source;
use crate::error::resolve_choice;
use crate::model::salary::{Placement, dollars};
use crate::model::{
    CompanyType, Dimension, ExperienceLevel, GrowthLever, Locations, Measure, Pay, Profile,
    Provenance, Salary, SalaryFigure, Statistic, YearSpan,
};
use crate::render::{Bar, Cell, Chart, Document, Records, Report, Table, Tone};
use crate::store::{Entry, Store, bundled_locations};

/// What `careers salary` answers: figures, or with `--list-cities` the places that have some.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum SalaryOutput {
    Figures(SalaryReport),
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
}

/// Filters as canonical values; absent when not given.
#[derive(Debug, Default, Serialize)]
pub struct Filters {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
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
        self.city.is_some()
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
        eq(&self.city, &f.location)
            && eq(&self.industry, &f.industry)
            && self.experience.is_none_or(|e| f.experience == Some(e))
            && self.company.is_none_or(|c| f.company == Some(c))
            && self.about.is_none_or(|d| f.dimension == d)
    }

    /// One filter per narrowing filter given, each on its own.
    fn singles(&self) -> Vec<Filters> {
        let mut out = Vec::new();
        if let Some(c) = &self.city {
            out.push(Filters {
                city: Some(c.clone()),
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
        if let Some(c) = &self.city {
            parts.push(format!("city {c}"));
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
    let entries = chosen_roles(&ctx.store, &args.roles)?;
    let places = known_places(&ctx.store)?;
    if args.list_cities {
        return Ok(SalaryOutput::Cities(cities(&entries, &places)));
    }
    let filters = Filters {
        roles: if args.roles.is_empty() {
            Vec::new()
        } else {
            entries.iter().map(|e| e.profile.id.clone()).collect()
        },
        city: args
            .city
            .as_deref()
            .map(|c| resolve_city(&places, c))
            .transpose()?,
        experience: args
            .experience
            .as_deref()
            .map(resolve_experience)
            .transpose()?,
        company: args.company.as_deref().map(resolve_company).transpose()?,
        industry: args
            .industry
            .as_deref()
            .map(|i| resolve_industry(&ctx.store, i))
            .transpose()?,
        about: args.about.as_deref().map(resolve_about).transpose()?,
    };
    Ok(SalaryOutput::Figures(report(
        &ctx.store,
        &entries,
        filters,
        args.sort,
        args.my_pay,
    )))
}

/// The roles named, in the order named and without repeats, or every role.
fn chosen_roles<'a>(store: &'a Store, names: &[String]) -> anyhow::Result<Vec<&'a Entry>> {
    if names.is_empty() {
        return Ok(store.entries().iter().collect());
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
    for e in store.entries() {
        for loc in figures_of(&e.profile)
            .iter()
            .filter_map(|f| f.location.as_ref())
        {
            places.add_name(loc);
        }
    }
    Ok(places)
}

fn resolve_city(places: &Locations, input: &str) -> Result<String, crate::error::CareersError> {
    let pairs: Vec<(&str, &str)> = places
        .all()
        .iter()
        .flat_map(|l| {
            std::iter::once((l.name.as_str(), l.name.as_str()))
                .chain(l.aliases.iter().map(|a| (a.as_str(), l.name.as_str())))
        })
        .collect();
    resolve_choice("city", input, &pairs)
}

fn resolve_experience(input: &str) -> Result<ExperienceLevel, crate::error::CareersError> {
    let pairs: Vec<(&str, &str)> = ExperienceLevel::ALL
        .iter()
        .flat_map(|l| l.names().iter().map(|n| (*n, l.name())))
        .collect();
    let name = resolve_choice("experience level", input, &pairs)?;
    Ok(ExperienceLevel::from_name(&name).expect("a canonical name"))
}

fn resolve_company(input: &str) -> Result<CompanyType, crate::error::CareersError> {
    let pairs: Vec<(&str, &str)> = CompanyType::ALL
        .iter()
        .flat_map(|c| c.names().iter().map(|n| (*n, c.name())))
        .collect();
    let name = resolve_choice("company type", input, &pairs)?;
    Ok(CompanyType::from_name(&name).expect("a canonical name"))
}

fn resolve_about(input: &str) -> Result<Dimension, crate::error::CareersError> {
    let pairs: Vec<(&str, &str)> = Dimension::ALL
        .iter()
        .flat_map(|d| d.names().iter().map(|n| (*n, d.name())))
        .collect();
    let name = resolve_choice("figure type", input, &pairs)?;
    Ok(Dimension::from_name(&name).expect("a canonical name"))
}

/// Industries any profile's pay data names, with a figure or only in its ranking.
fn resolve_industry(store: &Store, input: &str) -> Result<String, crate::error::CareersError> {
    let mut names: Vec<&str> = Vec::new();
    for e in store.entries() {
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
    resolve_choice("industry", input, &pairs)
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
    }
}

/// Every role in the store with a figure that passes every filter but the roles.
fn roles_with_figures(store: &Store, filters: &Filters) -> Vec<String> {
    store
        .entries()
        .iter()
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
    if filters.city.is_some()
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
        doc
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
                ]);
            }
        }
        records
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
