//! Which sources a salary report credits: BLS when it shows one of its estimates, O*NET when it
//! shows one of its occupations.

use super::{SalaryOutput, SalaryReport};
use crate::model::credits::{Credited, Credits};

impl SalaryReport {
    /// Whether the report shows any BLS OEWS estimate.
    fn shows_official_figures(&self) -> bool {
        self.top.is_some()
            || self
                .official
                .iter()
                .flat_map(|r| &r.occupations)
                .any(|w| !w.estimates.is_empty())
    }
}

impl Credited for SalaryOutput {
    fn credits(&self) -> Credits<'_> {
        match self {
            SalaryOutput::Figures(r) => Credits::none()
                .bls(
                    r.official_source
                        .as_ref()
                        .filter(|_| r.shows_official_figures())
                        .map(|s| s.notice),
                )
                .onet(r.attribution.as_deref()),
            SalaryOutput::Cities(_) => Credits::none(),
        }
    }
}
