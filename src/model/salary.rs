//! Pay figures, typed so that each keeps the source's meaning exactly.

use serde::{Deserialize, Serialize};

use super::profile::{Provenance, YearSpan};

/// Everything a profile says about pay.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Salary {
    /// Where the figures come from, unless a figure names its own source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Provenance>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<SalaryFigure>,
    /// Industries in the order the source ranks them by pay, with what it says of those
    /// that have no figure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub industry_ranking: Vec<RankedIndustry>,
    /// Statements on compensation that carry no figure (equity, benefits).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// What moves pay up or down.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub factors: Vec<String>,
    /// How pay grows over a career.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub growth: Vec<GrowthLever>,
}

/// One pay figure and what it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SalaryFigure {
    /// What the figure is broken down by.
    pub dimension: Dimension,
    /// How the source names what the figure is about, e.g. "Seattle", "Top tech companies".
    pub label: String,
    /// The source's sub-heading, e.g. "Top-paying cities".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experience: Option<ExperienceLevel>,
    /// The years of experience of the level, as the source gives them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<YearSpan>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<CompanyType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    pub pay: Pay,
    /// Whether the amount is an average or a median; absent when the source does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statistic: Option<Statistic>,
    /// What is paid: base salary, total salary, additional cash.
    pub measure: Measure,
    /// The year the figure refers to.
    pub year: u16,
    /// A qualification from the source, e.g. "often location-dependent".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The figure's own source, when it differs from the salary section's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Provenance>,
}

/// What a pay figure is broken down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dimension {
    Overall,
    Company,
    Experience,
    Location,
    Industry,
    AdditionalCompensation,
    TotalCompensation,
}

impl Dimension {
    pub fn label(self) -> &'static str {
        match self {
            Dimension::Overall => "Overall",
            Dimension::Company => "By company type",
            Dimension::Experience => "By experience",
            Dimension::Location => "By location",
            Dimension::Industry => "By industry",
            Dimension::AdditionalCompensation => "Additional compensation",
            Dimension::TotalCompensation => "Total compensation",
        }
    }
}

/// An amount of pay as the source states it. Amounts are whole US dollars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Pay {
    /// A single amount: "$185,000".
    Amount { amount: u64 },
    /// A band: "$147,000 to $182,182"; `open_high` for "$148,672 to $208,931+".
    Range {
        low: u64,
        high: u64,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        open_high: bool,
    },
    /// An open upper end: "$172,654+".
    AtLeast { amount: u64 },
    /// An upper bound: "up to $152,601".
    UpTo { amount: u64 },
}

impl Pay {
    /// The lowest amount the figure states, if it states one.
    pub fn low(self) -> Option<u64> {
        match self {
            Pay::Amount { amount } | Pay::AtLeast { amount } => Some(amount),
            Pay::Range { low, .. } => Some(low),
            Pay::UpTo { .. } => None,
        }
    }

    /// The highest amount the figure states, if it states one.
    pub fn high(self) -> Option<u64> {
        match self {
            Pay::Amount { amount } | Pay::UpTo { amount } => Some(amount),
            Pay::Range { high, .. } => Some(high),
            Pay::AtLeast { .. } => None,
        }
    }

    /// Whether the figure is open on the high side ("$172,654+", "$60,000+").
    pub fn open_high(self) -> bool {
        matches!(
            self,
            Pay::AtLeast { .. }
                | Pay::Range {
                    open_high: true,
                    ..
                }
        )
    }

    pub fn kind_name(self) -> &'static str {
        match self {
            Pay::Amount { .. } => "amount",
            Pay::Range { .. } => "range",
            Pay::AtLeast { .. } => "at-least",
            Pay::UpTo { .. } => "up-to",
        }
    }
}

/// Formats whole dollars with thousands separators: `$147,000`.
pub fn dollars(amount: u64) -> String {
    format!("${}", thousands(amount))
}

/// Formats a count with thousands separators: `56,560`.
pub fn thousands(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

impl std::fmt::Display for Pay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Pay::Amount { amount } => f.write_str(&dollars(amount)),
            Pay::Range {
                low,
                high,
                open_high,
            } => {
                write!(f, "{} – {}", dollars(low), dollars(high))?;
                if open_high {
                    f.write_str("+")?;
                }
                Ok(())
            }
            Pay::AtLeast { amount } => write!(f, "{}+", dollars(amount)),
            Pay::UpTo { amount } => write!(f, "up to {}", dollars(amount)),
        }
    }
}

/// The statistic a figure reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Statistic {
    Average,
    Median,
}

impl Statistic {
    pub fn label(self) -> &'static str {
        match self {
            Statistic::Average => "average",
            Statistic::Median => "median",
        }
    }
}

/// What a pay figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    /// Salary before bonuses and equity.
    BaseSalary,
    /// Salary as reported, without saying whether it includes extras.
    Salary,
    /// Salary with bonuses and other pay.
    TotalSalary,
    /// Bonuses and other cash on top of salary.
    AdditionalCash,
    /// The whole package.
    TotalCompensation,
}

impl Measure {
    pub fn label(self) -> &'static str {
        match self {
            Measure::BaseSalary => "base salary",
            Measure::Salary => "salary",
            Measure::TotalSalary => "total salary",
            Measure::AdditionalCash => "additional cash compensation",
            Measure::TotalCompensation => "total compensation",
        }
    }
}

/// Career stage of a pay figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExperienceLevel {
    Entry,
    Mid,
    Senior,
}

impl ExperienceLevel {
    pub const ALL: [ExperienceLevel; 3] = [
        ExperienceLevel::Entry,
        ExperienceLevel::Mid,
        ExperienceLevel::Senior,
    ];

    /// The source's words for the level.
    pub fn title(self) -> &'static str {
        match self {
            ExperienceLevel::Entry => "Entry-level",
            ExperienceLevel::Mid => "Mid-career",
            ExperienceLevel::Senior => "Senior/experienced",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ExperienceLevel::Entry => "entry",
            ExperienceLevel::Mid => "mid",
            ExperienceLevel::Senior => "senior",
        }
    }
}

/// Kind of employer of a pay figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CompanyType {
    /// Companies in general, as opposed to the top payers.
    General,
    /// Top tech companies, e.g. FAANG.
    TopTech,
    Startup,
}

impl CompanyType {
    pub const ALL: [CompanyType; 3] = [
        CompanyType::General,
        CompanyType::TopTech,
        CompanyType::Startup,
    ];

    pub fn name(self) -> &'static str {
        match self {
            CompanyType::General => "general",
            CompanyType::TopTech => "top-tech",
            CompanyType::Startup => "startup",
        }
    }
}

/// An industry in the source's pay ranking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankedIndustry {
    pub industry: String,
    /// What the source says where it gives no figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Something that raises pay, with the typical change in percent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GrowthLever {
    /// The event, e.g. "Changing companies".
    pub event: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<PercentSpan>,
    /// Who or when, e.g. "for strong performers".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A span of whole percentages: "3-5%", "20-30%+".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PercentSpan {
    pub low: u8,
    pub high: u8,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub or_more: bool,
}

impl std::fmt::Display for PercentSpan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}%", self.low, self.high)?;
        if self.or_more {
            f.write_str("+")?;
        }
        Ok(())
    }
}

impl SalaryFigure {
    /// What the figure is about, in full: "Entry-level (0-2 years) · General".
    pub fn full_label(&self) -> String {
        match (self.dimension, self.experience) {
            (Dimension::Experience, Some(level)) => {
                let mut text = level.title().to_owned();
                if let Some(years) = self.years {
                    text.push_str(&format!(" ({years})"));
                }
                format!("{text} · {}", self.label)
            }
            _ => self.label.clone(),
        }
    }

    /// The figure as the source states it, with its statistic: "average $136,917".
    pub fn display_pay(&self) -> String {
        match self.statistic {
            Some(stat) => format!("{} {}", stat.label(), self.pay),
            None => self.pay.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pay_displays_exactly_as_the_source_states_it() {
        assert_eq!(Pay::Amount { amount: 185_000 }.to_string(), "$185,000");
        assert_eq!(
            Pay::Range {
                low: 147_000,
                high: 182_182,
                open_high: false
            }
            .to_string(),
            "$147,000 – $182,182"
        );
        assert_eq!(
            Pay::Range {
                low: 148_672,
                high: 208_931,
                open_high: true
            }
            .to_string(),
            "$148,672 – $208,931+"
        );
        assert_eq!(Pay::AtLeast { amount: 172_654 }.to_string(), "$172,654+");
        assert_eq!(Pay::UpTo { amount: 152_601 }.to_string(), "up to $152,601");
        assert_eq!(dollars(0), "$0");
        assert_eq!(dollars(999), "$999");
        assert_eq!(dollars(1_000), "$1,000");
        assert_eq!(dollars(1_234_567), "$1,234,567");
    }

    #[test]
    fn bounds_follow_the_kind() {
        assert_eq!(Pay::UpTo { amount: 5 }.low(), None);
        assert_eq!(Pay::AtLeast { amount: 5 }.high(), None);
        assert!(Pay::AtLeast { amount: 5 }.open_high());
        assert!(
            !Pay::Range {
                low: 1,
                high: 2,
                open_high: false
            }
            .open_high()
        );
    }

    #[test]
    fn percent_span_displays_open_end() {
        let span = PercentSpan {
            low: 20,
            high: 30,
            or_more: true,
        };
        assert_eq!(span.to_string(), "20-30%+");
    }
}
