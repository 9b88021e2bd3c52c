//! Which curated pay figures a `salary` query keeps, and in what order.

use serde::Serialize;

use crate::cli::PaySort;
use crate::model::{CompanyType, Dimension, ExperienceLevel, FigureKey, Pay, SalaryFigure};

/// Filters as canonical values; absent when not given. In JSON one industry is `industry`,
/// several are `industries`.
#[derive(Debug, Clone, Default, Serialize)]
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
    /// The industries asked for: a figure of any of them passes.
    #[serde(flatten, serialize_with = "industries_json")]
    pub industries: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<Dimension>,
}

impl Filters {
    /// Whether a filter other than the roles narrows the figures.
    pub fn narrows(&self) -> bool {
        !self.cities.is_empty()
            || self.experience.is_some()
            || self.company.is_some()
            || !self.industries.is_empty()
            || self.about.is_some()
    }

    pub fn admits(&self, f: &SalaryFigure) -> bool {
        self.admits_parts(
            f.dimension,
            f.location.as_deref(),
            f.experience,
            f.company,
            f.industry.as_deref(),
        )
    }

    /// Whether a figure about `key` passes: what the store knows of a figure without reading
    /// its profile.
    pub fn admits_key(&self, key: &FigureKey) -> bool {
        self.admits_parts(
            key.dimension,
            key.location.as_deref(),
            key.experience,
            key.company,
            key.industry.as_deref(),
        )
    }

    fn admits_parts(
        &self,
        dimension: Dimension,
        location: Option<&str>,
        experience: Option<ExperienceLevel>,
        company: Option<CompanyType>,
        industry: Option<&str>,
    ) -> bool {
        (self.cities.is_empty()
            || location.is_some_and(|l| self.cities.iter().any(|c| c.eq_ignore_ascii_case(l))))
            && (self.industries.is_empty()
                || industry
                    .is_some_and(|h| self.industries.iter().any(|w| h.eq_ignore_ascii_case(w))))
            && self.experience.is_none_or(|e| experience == Some(e))
            && self.company.is_none_or(|c| company == Some(c))
            && self.about.is_none_or(|d| dimension == d)
    }

    /// One filter per narrowing filter given, each on its own.
    pub fn singles(&self) -> Vec<Filters> {
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
        if !self.industries.is_empty() {
            out.push(Filters {
                industries: self.industries.clone(),
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
}

/// The industries filter as JSON has always spelled one (`"industry": "Real Estate"`), and
/// several as `"industries": [...]`; nothing without one.
fn industries_json<S: serde::Serializer>(
    industries: &[String],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(None)?;
    match industries {
        [] => {}
        [one] => map.serialize_entry("industry", one)?,
        many => map.serialize_entry("industries", many)?,
    }
    map.end()
}

/// The ordering key of a figure: the chosen end, or the amount it states when it lacks that end.
pub(super) fn sort_key(pay: Pay, by: PaySort) -> u64 {
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
pub(super) fn sorts_on_known_bound(pay: Pay, by: PaySort) -> bool {
    let no_low = matches!(pay, Pay::UpTo { .. });
    match by {
        PaySort::Low => no_low,
        PaySort::High => pay.open_high(),
        PaySort::Mid => no_low || pay.open_high(),
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
}
