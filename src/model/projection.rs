//! BLS Employment Projections: one occupation's ten-year outlook as BLS publishes it, and the
//! education, experience and training BLS says it typically takes to enter. Counts are whole
//! jobs (BLS publishes thousands to one decimal, so every figure is a whole number of jobs);
//! percentages are tenths of a percent, as BLS rounds them. A figure BLS does not publish is
//! `None`, never zero.

use serde::{Deserialize, Serialize};

/// Whether a row is an occupation or a group of occupations (a total).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RowKind {
    /// A detailed (or BLS-combined) occupation: BLS's "Line item".
    Occupation,
    /// A group: all occupations (`00-0000`), a major group (`15-0000`), or a smaller group.
    Summary,
}

/// BLS's median annual wage as EP reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EpWage {
    Dollars(u64),
    /// BLS publishes only a lower bound (`>=239,200`): the wage is at least this.
    AtLeast(u64),
    /// BLS publishes no wage (`—`).
    NotPublished,
}

/// Typical education needed for entry, BLS's eight categories, lowest first.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum Education {
    /// No formal educational credential
    #[value(alias = "no-credential")]
    None,
    /// High school diploma or equivalent
    #[value(aliases = ["highschool", "hs"])]
    HighSchool,
    /// Some college, no degree
    SomeCollege,
    /// Postsecondary nondegree award
    #[value(alias = "certificate")]
    Postsecondary,
    /// Associate's degree
    #[value(alias = "associates")]
    Associate,
    /// Bachelor's degree
    #[value(alias = "bachelors")]
    Bachelor,
    /// Master's degree
    #[value(alias = "masters")]
    Master,
    /// Doctoral or professional degree
    #[value(aliases = ["doctorate", "professional", "phd"])]
    Doctoral,
}

impl Education {
    pub const ALL: [Education; 8] = [
        Education::None,
        Education::HighSchool,
        Education::SomeCollege,
        Education::Postsecondary,
        Education::Associate,
        Education::Bachelor,
        Education::Master,
        Education::Doctoral,
    ];

    /// BLS's wording.
    pub fn label(self) -> &'static str {
        match self {
            Education::None => "No formal educational credential",
            Education::HighSchool => "High school diploma or equivalent",
            Education::SomeCollege => "Some college, no degree",
            Education::Postsecondary => "Postsecondary nondegree award",
            Education::Associate => "Associate's degree",
            Education::Bachelor => "Bachelor's degree",
            Education::Master => "Master's degree",
            Education::Doctoral => "Doctoral or professional degree",
        }
    }

    /// A short name for a narrow column.
    pub fn short(self) -> &'static str {
        match self {
            Education::None => "No credential",
            Education::HighSchool => "High school",
            Education::SomeCollege => "Some college",
            Education::Postsecondary => "Postsecondary award",
            Education::Associate => "Associate's",
            Education::Bachelor => "Bachelor's",
            Education::Master => "Master's",
            Education::Doctoral => "Doctoral or professional",
        }
    }

    /// The category BLS's wording names (any case, either apostrophe).
    pub fn from_label(text: &str) -> Option<Education> {
        Education::ALL
            .into_iter()
            .find(|e| same_words(e.label(), text))
    }
}

/// Work experience in a related occupation that BLS says is typically needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Experience {
    None,
    LessThan5Years,
    FiveYearsOrMore,
}

impl Experience {
    pub const ALL: [Experience; 3] = [
        Experience::None,
        Experience::LessThan5Years,
        Experience::FiveYearsOrMore,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Experience::None => "None",
            Experience::LessThan5Years => "Less than 5 years",
            Experience::FiveYearsOrMore => "5 years or more",
        }
    }

    pub fn from_label(text: &str) -> Option<Experience> {
        Experience::ALL
            .into_iter()
            .find(|e| same_words(e.label(), text))
    }
}

/// Typical on-the-job training BLS says it takes to become competent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Training {
    None,
    ShortTerm,
    ModerateTerm,
    LongTerm,
    Apprenticeship,
    InternshipResidency,
}

impl Training {
    pub const ALL: [Training; 6] = [
        Training::None,
        Training::ShortTerm,
        Training::ModerateTerm,
        Training::LongTerm,
        Training::Apprenticeship,
        Training::InternshipResidency,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Training::None => "None",
            Training::ShortTerm => "Short-term on-the-job training",
            Training::ModerateTerm => "Moderate-term on-the-job training",
            Training::LongTerm => "Long-term on-the-job training",
            Training::Apprenticeship => "Apprenticeship",
            Training::InternshipResidency => "Internship/residency",
        }
    }

    pub fn from_label(text: &str) -> Option<Training> {
        Training::ALL
            .into_iter()
            .find(|t| same_words(t.label(), text))
    }
}

/// Whether two wordings are the same but for case, spacing and the kind of apostrophe.
fn same_words(a: &str, b: &str) -> bool {
    let fold = |s: &str| -> String {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace('\u{2019}', "'")
            .to_lowercase()
    };
    fold(a) == fold(b)
}

/// One row of BLS's projections: an occupation or a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Projection {
    /// The SOC code as BLS writes it: `15-2051`, `15-0000`, `00-0000`.
    pub code: String,
    pub title: String,
    pub kind: RowKind,
    /// Jobs in the base year (2024).
    pub employment_base: Option<u64>,
    /// Jobs projected for the target year (2034).
    pub employment_projected: Option<u64>,
    /// The change in jobs over the ten years.
    pub change: Option<i64>,
    /// The change in percent, in tenths (31 is 3.1%).
    pub change_percent: Option<i32>,
    /// The share of the base year's jobs held by the self-employed, in tenths of a percent.
    pub self_employed_percent: Option<u32>,
    /// Average annual openings over the ten years.
    pub openings: Option<u64>,
    /// Of them, a year's openings from workers leaving the labour force.
    pub openings_labor_force_exits: Option<u64>,
    /// Of them, a year's openings from workers moving to other occupations.
    pub openings_occupational_transfers: Option<u64>,
    /// BLS's median annual wage of the base year, as EP reports it.
    pub median_wage: EpWage,
    pub education: Option<Education>,
    pub experience: Option<Experience>,
    pub training: Option<Training>,
}

impl Projection {
    /// The major group's code (`15-0000` for `15-2051`).
    pub fn major_group(&self) -> String {
        format!("{}-0000", &self.code[..2.min(self.code.len())])
    }

    /// A year's openings from growth: BLS's openings are exits, transfers and a tenth of the
    /// ten-year change; this is what is left of the openings once exits and transfers are
    /// taken away (negative when the occupation shrinks).
    pub fn openings_from_growth(&self) -> Option<i64> {
        let total = i64::try_from(self.openings?).ok()?;
        let exits = i64::try_from(self.openings_labor_force_exits?).ok()?;
        let transfers = i64::try_from(self.openings_occupational_transfers?).ok()?;
        Some(total - exits - transfers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bls_wordings_name_their_categories() {
        for e in Education::ALL {
            assert_eq!(Education::from_label(e.label()), Some(e));
        }
        assert_eq!(
            Education::from_label("bachelor\u{2019}s  degree"),
            Some(Education::Bachelor)
        );
        assert_eq!(
            Experience::from_label("Less than 5 years"),
            Some(Experience::LessThan5Years)
        );
        assert_eq!(
            Training::from_label("Internship/residency"),
            Some(Training::InternshipResidency)
        );
        assert_eq!(Education::from_label("Some degree"), None);
    }

    #[test]
    fn education_is_ordered_lowest_first() {
        assert!(Education::HighSchool < Education::Postsecondary);
        assert!(Education::Bachelor < Education::Doctoral);
    }
}
