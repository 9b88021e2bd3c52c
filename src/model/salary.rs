//! Pay figures, typed so that each keeps the source's meaning exactly.

use serde::{Deserialize, Serialize};

use super::profile::{Provenance, YearSpan};

/// Everything a profile says about pay.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
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
    pub measure: PayMeasure,
    /// The year the figure refers to; absent when the source gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// A qualification from the source, e.g. "often location-dependent".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The figure's own source, when it differs from the salary section's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Provenance>,
}

/// What a pay figure is about, as `salary`'s filters see it: kept for every profile when the
/// store opens, so that a question about other roles' figures need not read those roles. Every
/// field is written (the index of the user's profiles is postcard, which reads fields by
/// position); an absent one reads as none from a profile's own fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureKey {
    pub dimension: Dimension,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub experience: Option<ExperienceLevel>,
    #[serde(default)]
    pub company: Option<CompanyType>,
    #[serde(default)]
    pub industry: Option<String>,
}

impl SalaryFigure {
    /// What the figure is about.
    pub fn key(&self) -> FigureKey {
        FigureKey {
            dimension: self.dimension,
            location: self.location.clone(),
            experience: self.experience,
            company: self.company,
            industry: self.industry.clone(),
        }
    }
}

/// What a pay figure is broken down by.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
    clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum Dimension {
    Overall,
    #[value(alias = "company type", alias = "company-type")]
    Company,
    #[value(alias = "experience level", alias = "experience-level")]
    Experience,
    #[value(alias = "city", alias = "cities")]
    Location,
    #[value(alias = "industries")]
    Industry,
    #[value(
        alias = "additional",
        alias = "additional cash",
        alias = "additional-cash"
    )]
    AdditionalCompensation,
    #[value(alias = "total")]
    TotalCompensation,
}

impl Dimension {
    pub const ALL: [Dimension; 7] = [
        Dimension::Overall,
        Dimension::Company,
        Dimension::Experience,
        Dimension::Location,
        Dimension::Industry,
        Dimension::AdditionalCompensation,
        Dimension::TotalCompensation,
    ];

    /// The name in data files and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Dimension::Overall => "overall",
            Dimension::Company => "company",
            Dimension::Experience => "experience",
            Dimension::Location => "location",
            Dimension::Industry => "industry",
            Dimension::AdditionalCompensation => "additional-compensation",
            Dimension::TotalCompensation => "total-compensation",
        }
    }
}

/// An amount of pay as the source states it. Amounts are whole US dollars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
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

    /// Every amount the figure states.
    pub fn amounts(self) -> Vec<u64> {
        match self {
            Pay::Amount { amount } | Pay::AtLeast { amount } | Pay::UpTo { amount } => vec![amount],
            Pay::Range { low, high, .. } => vec![low, high],
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

/// Where an amount falls against a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "position", rename_all = "kebab-case")]
pub enum Placement {
    /// Under the lowest amount the figure states, by `by` dollars.
    Below { by: u64 },
    /// Exactly the single amount the figure states.
    At,
    /// Within the band. `percent` is how far along a band with both ends (0 = low end,
    /// 100 = high end); `above_low` and `below_high` are the distances to the ends it has.
    Inside {
        #[serde(skip_serializing_if = "Option::is_none")]
        percent: Option<u8>,
        #[serde(skip_serializing_if = "Option::is_none")]
        above_low: Option<u64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        below_high: Option<u64>,
    },
    /// Over the highest amount the figure states, by `by` dollars; `open_high` when the source
    /// gives the band no top, so the amount may still be within it.
    Above { by: u64, open_high: bool },
}

impl Pay {
    /// Where `amount` falls against this figure.
    pub fn place(self, amount: u64) -> Placement {
        if let Pay::Amount { amount: a } = self {
            return match amount.cmp(&a) {
                std::cmp::Ordering::Less => Placement::Below { by: a - amount },
                std::cmp::Ordering::Equal => Placement::At,
                std::cmp::Ordering::Greater => Placement::Above {
                    by: amount - a,
                    open_high: false,
                },
            };
        }
        if let Some(low) = self.low()
            && amount < low
        {
            return Placement::Below { by: low - amount };
        }
        match (self.high(), self) {
            (Some(high), Pay::Range { open_high, .. }) if amount > high => Placement::Above {
                by: amount - high,
                open_high,
            },
            (Some(high), _) if amount > high => Placement::Above {
                by: amount - high,
                open_high: false,
            },
            _ => {
                let percent = match (self.low(), self.high()) {
                    (Some(l), Some(h)) if h > l => {
                        Some(((amount - l) as f64 * 100.0 / (h - l) as f64).round() as u8)
                    }
                    _ => None,
                };
                Placement::Inside {
                    percent,
                    above_low: self.low().map(|l| amount - l),
                    below_high: self.high().map(|h| h - amount),
                }
            }
        }
    }
}

impl std::fmt::Display for Placement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Placement::Below { by } => write!(f, "below, by {}", dollars(by)),
            Placement::At => f.write_str("exactly at it"),
            Placement::Inside {
                percent: Some(p), ..
            } => write!(f, "inside, {p}% of the way up"),
            Placement::Inside {
                above_low: Some(d), ..
            } => write!(
                f,
                "inside, {} above its low end (no stated top)",
                dollars(d)
            ),
            Placement::Inside {
                below_high: Some(d),
                ..
            } => write!(
                f,
                "inside, {} under its top (no stated low end)",
                dollars(d)
            ),
            Placement::Inside { .. } => f.write_str("inside"),
            Placement::Above {
                by,
                open_high: false,
            } => write!(f, "above, by {}", dollars(by)),
            Placement::Above {
                by,
                open_high: true,
            } => write!(
                f,
                "above the stated amount by {}; the band has no stated top",
                dollars(by)
            ),
        }
    }
}

/// Formats whole dollars with thousands separators: `$147,000`.
pub(crate) fn dollars(amount: u64) -> String {
    format!("${}", thousands(amount))
}

/// Formats a count with thousands separators: `56,560`.
pub(crate) fn thousands(amount: u64) -> String {
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

/// Reads an amount of whole dollars as people write it: `150000`, `150,000`, `$150,000`,
/// `150k`, `$152.6k`. Anything else, zero included, is an error that says what is accepted.
pub(crate) fn parse_dollars(text: &str) -> Result<u64, String> {
    const ACCEPTED: &str = "expected whole dollars such as 150000, 150,000, $150,000 or 150k";
    let bad = || format!("\"{text}\" is not an amount of pay; {ACCEPTED}");
    let t = text.trim();
    let t = t.strip_prefix('$').unwrap_or(t);
    let (number, thousands) = match t.strip_suffix(['k', 'K']) {
        Some(n) => (n, true),
        None => (t, false),
    };
    let (whole, fraction) = match number.split_once('.') {
        Some((w, f)) if thousands => (w, f),
        Some(_) => return Err(bad()),
        None => (number, ""),
    };
    let groups: Vec<&str> = whole.split(',').collect();
    let grouped_ok = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    let digits: String = groups.concat();
    if digits.is_empty()
        || digits.len() > 12
        || !grouped_ok
        || fraction.len() > 3
        || !digits
            .chars()
            .chain(fraction.chars())
            .all(|c| c.is_ascii_digit())
    {
        return Err(bad());
    }
    let whole: u64 = digits.parse().map_err(|_| bad())?;
    let amount = if thousands {
        let scaled = format!("{fraction:0<3}")
            .parse::<u64>()
            .map_err(|_| bad())?;
        whole * 1_000 + scaled
    } else {
        whole
    };
    if amount == 0 {
        return Err(format!("\"{text}\" is zero; {ACCEPTED}"));
    }
    Ok(amount)
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
// The profile schema has always called it `Measure`.
#[schemars(rename = "Measure")]
pub enum PayMeasure {
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

/// Career stage of a pay figure.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
    clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum ExperienceLevel {
    #[value(alias = "entry-level", alias = "junior")]
    Entry,
    #[value(alias = "mid-career", alias = "mid-level")]
    Mid,
    #[value(
        alias = "experienced",
        alias = "senior/experienced",
        alias = "senior-experienced"
    )]
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
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
    clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum CompanyType {
    /// Companies in general, as opposed to the top payers.
    General,
    /// Top tech companies, e.g. FAANG.
    #[value(
        alias = "top tech companies",
        alias = "top-tech-companies",
        alias = "faang",
        alias = "big tech",
        alias = "big-tech"
    )]
    TopTech,
    #[value(
        alias = "startups",
        alias = "ai startup",
        alias = "ai-startup",
        alias = "ai startups",
        alias = "ai-startups"
    )]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RankedIndustry {
    pub industry: String,
    /// What the source says where it gives no figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Something that raises pay, with the typical change in percent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
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

/// An industry in the source's pay ranking, with its figure when the profile has one.
pub struct IndustryRank<'a> {
    pub industry: &'a str,
    /// 1 for the best-paying.
    pub rank: usize,
    pub of: usize,
    pub figure: Option<&'a SalaryFigure>,
    pub note: Option<&'a str>,
}

impl Salary {
    /// The source's industry ranking, each industry matched to its figure if there is one.
    pub fn ranked_industries(&self) -> Vec<IndustryRank<'_>> {
        let of = self.industry_ranking.len();
        self.industry_ranking
            .iter()
            .enumerate()
            .map(|(i, r)| IndustryRank {
                industry: &r.industry,
                rank: i + 1,
                of,
                figure: self
                    .figures
                    .iter()
                    .find(|f| f.industry.as_deref() == Some(r.industry.as_str())),
                note: r.note.as_deref(),
            })
            .collect()
    }
}

impl SalaryFigure {
    /// "2024", or "year not stated".
    pub fn year_text(&self) -> String {
        self.year
            .map_or_else(|| "year not stated".to_owned(), |y| y.to_string())
    }

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
    fn dollars_parse_as_people_write_them() {
        for (text, amount) in [
            ("150000", 150_000),
            ("150,000", 150_000),
            ("$150,000", 150_000),
            ("150k", 150_000),
            ("$150K", 150_000),
            ("152.6k", 152_600),
            ("1,234,567", 1_234_567),
            (" 99000 ", 99_000),
        ] {
            assert_eq!(parse_dollars(text), Ok(amount), "{text}");
        }
        for text in [
            "", "$", "abc", "150.000", "15,00", "1,5000", "-5", "150kk", "0", "1.2345k", "150m",
            ",150",
        ] {
            assert!(parse_dollars(text).is_err(), "{text}");
        }
        assert_eq!(
            parse_dollars("lots").unwrap_err(),
            "\"lots\" is not an amount of pay; expected whole dollars such as 150000, 150,000, $150,000 or 150k"
        );
    }

    #[test]
    fn an_amount_is_placed_against_every_kind_of_figure() {
        let seattle = Pay::Range {
            low: 147_000,
            high: 182_182,
            open_high: false,
        };
        assert_eq!(seattle.place(140_000).to_string(), "below, by $7,000");
        assert_eq!(
            seattle.place(150_000).to_string(),
            "inside, 9% of the way up"
        );
        assert_eq!(
            seattle.place(147_000).to_string(),
            "inside, 0% of the way up"
        );
        assert_eq!(
            seattle.place(182_182).to_string(),
            "inside, 100% of the way up"
        );
        assert_eq!(seattle.place(190_000).to_string(), "above, by $7,818");
        let la = Pay::Amount { amount: 185_000 };
        assert_eq!(la.place(185_000), Placement::At);
        assert_eq!(la.place(150_000).to_string(), "below, by $35,000");
        assert_eq!(la.place(190_000).to_string(), "above, by $5,000");
        let senior = Pay::AtLeast { amount: 172_654 };
        assert_eq!(
            senior.place(180_000).to_string(),
            "inside, $7,346 above its low end (no stated top)"
        );
        assert_eq!(senior.place(150_000).to_string(), "below, by $22,654");
        let entry = Pay::UpTo { amount: 152_601 };
        assert_eq!(
            entry.place(150_000).to_string(),
            "inside, $2,601 under its top (no stated low end)"
        );
        assert_eq!(entry.place(160_000).to_string(), "above, by $7,399");
        let open = Pay::Range {
            low: 148_672,
            high: 208_931,
            open_high: true,
        };
        assert_eq!(
            open.place(210_000).to_string(),
            "above the stated amount by $1,069; the band has no stated top"
        );
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
