//! BEA's Regional Price Parities in use (the user's import, else the embedded release), and the
//! questions commands ask of them: an OEWS area's price level, and a wage in U.S.-average
//! prices.

use serde::Serialize;

use super::Store;
use crate::model::prices::{self, AreaPrices, LatestParities, NoPrices, Parity};
use crate::model::wages::AreaKind;
use crate::prices::storage::{CITATION, DATASET, Prices};

/// The release of the RPPs in use, as every figure from it names it.
#[derive(Debug, Clone, Serialize)]
pub struct PricesSource {
    /// "BEA Regional Price Parities 2008-2024".
    pub name: String,
    /// "2008-2024": the years the release gives price levels of.
    pub release: String,
    /// The year whose price levels are applied: the release's last (JSON gives it with each
    /// price level).
    #[serde(skip)]
    pub year: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// How BEA asks to be cited.
    pub citation: &'static str,
}

/// An area's price levels (U.S. = 100), as facts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum PriceFacts {
    /// BEA prices the area: its RPPs in `year`.
    Priced {
        year: u16,
        all_items: f64,
        #[serde(skip_serializing_if = "Option::is_none")]
        goods: Option<f64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        housing: Option<f64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        utilities: Option<f64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        other_services: Option<f64>,
        /// BEA's table (`MARPP`, `PARPP`, `SARPP`) and GeoFIPS of the row used.
        bea_table: &'static str,
        geo_fips: String,
        /// BEA's name of that row: a nonmetropolitan area takes its state's nonmetropolitan
        /// portion.
        bea_area: String,
        /// The all-items parity in thousandths, for computing.
        #[serde(skip)]
        parity: Parity,
        /// Why the area's price levels may not be BEA's whole answer: an import under
        /// `--force` left out rows of it (or rows that name no area).
        #[serde(skip_serializing_if = "Option::is_none")]
        incomplete: Option<String>,
    },
    /// BEA publishes no price level for the area.
    NotPriced {
        /// `not-in-bea-tables` (Puerto Rico, Guam, the Virgin Islands), `no-value-that-year`,
        /// or `incomplete` (an import under `--force` left out the area's row).
        reason: &'static str,
        /// The year asked for, when the row exists without a value then.
        #[serde(skip_serializing_if = "Option::is_none")]
        year: Option<u16>,
        /// Why, when an import under `--force` left out rows of the area (or rows that name
        /// no area, so that this may be one).
        #[serde(skip_serializing_if = "Option::is_none")]
        incomplete: Option<String>,
    },
}

impl PriceFacts {
    /// The all-items parity in thousandths, when priced.
    pub fn parity(&self) -> Option<Parity> {
        match self {
            PriceFacts::Priced { parity, .. } => Some(*parity),
            PriceFacts::NotPriced { .. } => None,
        }
    }

    /// Why the area's price levels are incomplete, when an import left out rows of it.
    pub fn incomplete(&self) -> Option<&str> {
        match self {
            PriceFacts::Priced { incomplete, .. } | PriceFacts::NotPriced { incomplete, .. } => {
                incomplete.as_deref()
            }
        }
    }

    /// `amount` (whole dollars, or cents) in U.S.-average prices, when priced.
    pub fn in_us_prices(&self, amount: u64) -> Option<u64> {
        self.parity().map(|p| prices::in_us_prices(amount, p))
    }
}

impl Store {
    /// The RPP release in use, opened on first use. A damaged import answers with the embedded
    /// release and a warning ([`Store::prices_warning_if_opened`]).
    pub fn prices(&self) -> Option<&Prices> {
        self.prices_layer().release.as_ref()
    }

    /// Why the RPPs imported in the data directory are not the ones answering, when a command
    /// has opened them: nothing is read to say it.
    pub fn prices_warning_if_opened(&self) -> Option<&str> {
        self.prices.get()?.warning.as_deref()
    }

    fn prices_layer(&self) -> &crate::datadir::release::Layered<Prices> {
        self.prices.get_or_init(|| {
            let imported = match &self.imports_dir {
                Some(dir) => Prices::open(dir),
                None => Ok(None),
            };
            let embedded = self.embedded;
            crate::datadir::release::Layered::choose(
                imported,
                || embedded.then(super::embedded::prices).flatten(),
                |p| format!("{} {}", DATASET.title, p.release_name()),
            )
        })
    }

    /// The RPP release in use, as every figure from it names it.
    pub fn prices_source(&self) -> Option<PricesSource> {
        let p = self.prices()?;
        Some(PricesSource {
            name: format!("{} {}", DATASET.title, p.release_name()),
            release: p.release_name().to_owned(),
            year: p.parities.last_year,
            published: p.manifest.release.published.clone(),
            citation: CITATION,
        })
    }

    /// The price levels of the OEWS area `code` of `kind`, in the release's last year; `None`
    /// without a release of the RPPs.
    pub fn area_prices(&self, code: &str, kind: AreaKind) -> Option<PriceFacts> {
        let release = self.prices()?;
        let parities = &release.parities;
        let incomplete = self.area_prices_incomplete(code, kind).map(str::to_owned);
        let own = prices::PriceKey::of_area(code, kind)
            .is_some_and(|k| release.skipped.code(&(k.table, k.fips)).is_some());
        Some(match prices::for_area(parities, code, kind) {
            Ok(p) => priced(parities, &p, incomplete),
            Err(_) if own => PriceFacts::NotPriced {
                reason: "incomplete",
                year: None,
                incomplete,
            },
            Err(NoPrices::NotAnArea | NoPrices::NotPriced { .. }) => PriceFacts::NotPriced {
                reason: "not-in-bea-tables",
                year: None,
                incomplete,
            },
            Err(NoPrices::NoValue { year, .. }) => PriceFacts::NotPriced {
                reason: "no-value-that-year",
                year: Some(year),
                incomplete,
            },
        })
    }

    /// Why every price level of the release in use may be incomplete: an import under
    /// `--force` left out rows that name no area.
    pub fn prices_incomplete(&self) -> Option<&str> {
        self.prices()?.skipped.whole.as_deref()
    }

    /// Why the price levels of the OEWS area `code` of `kind` are incomplete: an import under
    /// `--force` left out rows of its area, or rows that name no area.
    pub fn area_prices_incomplete(&self, code: &str, kind: AreaKind) -> Option<&str> {
        let release = self.prices()?;
        match prices::PriceKey::of_area(code, kind) {
            Some(key) => release.skipped.of(&(key.table, key.fips)),
            None => release.skipped.whole.as_deref(),
        }
    }
}

impl Store {
    /// The all-items price level of an OEWS area in the release's last year, in thousandths:
    /// what ranking by it needs, the other lines left unread.
    pub fn area_parity(&self, code: &str, kind: AreaKind) -> Option<Parity> {
        let parities = &self.prices()?.parities;
        let key = prices::PriceKey::of_area(code, kind)?;
        parities.latest_line(&key, prices::PriceLine::AllItems)
    }
}

fn priced(
    parities: &crate::prices::storage::StoredParities,
    p: &AreaPrices,
    incomplete: Option<String>,
) -> PriceFacts {
    let value = |v: Option<Parity>| v.map(prices::parity_value);
    let name = parities.name(&p.key).unwrap_or_default().to_owned();
    PriceFacts::Priced {
        year: p.year,
        all_items: prices::parity_value(p.all_items),
        goods: value(p.goods),
        housing: value(p.housing),
        utilities: value(p.utilities),
        other_services: value(p.other_services),
        bea_table: p.key.table.code(),
        geo_fips: p.key.fips.clone(),
        bea_area: name,
        parity: p.all_items,
        incomplete,
    }
}
