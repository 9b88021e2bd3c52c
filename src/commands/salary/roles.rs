//! The curated pay figures of the roles asked about that pass the filters, grouped and sorted,
//! each placed against the reader's pay, with hints when nothing or less than asked is left.

use serde::Serialize;

use super::SalaryReport;
use super::filters::{Filters, sort_key, sorts_on_known_bound};
use super::hints::{self, Hint};
use crate::cli::PaySort;
use crate::model::salary::Placement;
use crate::model::{
    CompanyType, Dimension, ExperienceLevel, GrowthLever, Pay, PayMeasure, Provenance,
    SalaryFigure, Statistic, YearSpan,
};
use crate::store::codes::RoleCodes;
use crate::store::{Entry, RoleSource, Store};

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
    pub measure: PayMeasure,
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
            PayMeasure::AdditionalCash => MyPay::NotComparable {
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
