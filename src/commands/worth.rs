//! `careers worth AMOUNT PLACE AMOUNT PLACE...`: what pay buys where. Each amount in U.S.-average
//! prices (divided by its place's BEA Regional Price Parity over 100), the first place's set
//! against each other one in dollars and percent, and with `--role`, where each amount falls
//! among the role's BLS OEWS wages at its place.
//!
//! Why a command of its own, not a `salary` option: the question is about two amounts, with
//! or without a role, and its arguments read as the question does ("120000 Austin 150000 San
//! Francisco").

use serde::Serialize;

use crate::Context;
use crate::cli::WorthArgs;
use crate::error::CareersError;
use crate::model::pay::PayAmount;
use crate::model::wages::{Measure, PercentilePlacement};
use crate::store::prices::{PriceFacts, PricesSource};
use crate::store::wages::{AreaRef, NoEstimate, WageFigure, WageLink};

/// How many places a question sets side by side.
pub const PLACES: std::ops::RangeInclusive<usize> = 2..=5;

/// The amounts, what they buy, and how they compare.
#[derive(Debug, Serialize)]
pub struct WorthReport {
    pub places: Vec<PlacedAmount>,
    /// The first place's amount against each other one's, in U.S.-average prices; none for a
    /// place without a price level.
    pub comparisons: Vec<Comparison>,
    /// The role whose wages the amounts are placed among (`--role`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<WorthRole>,
    /// The release of BEA's price parities.
    pub prices_source: PricesSource,
    /// The OEWS release ("BLS OEWS May 2025"), when a role's wages are shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub official_source: Option<crate::store::wages::WagesSource>,
    /// BLS's notice, when a role's wages are shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<&'static str>,
    /// O*NET's attribution, when the role is an O*NET occupation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

impl crate::model::credits::Credited for WorthReport {
    fn credits(&self) -> crate::model::credits::Credits<'_> {
        crate::model::credits::Credits::none()
            .bls(self.notice)
            .onet(self.attribution.as_deref())
    }
}

/// An amount at its place.
#[derive(Debug, Serialize)]
pub struct PlacedAmount {
    /// The place as asked for.
    pub query: String,
    pub area: AreaRef,
    /// Whole dollars a year, as given (an hourly rate times 2,080 hours).
    pub amount: u64,
    /// The hourly rate the amount was given as, when it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hourly: Option<f64>,
    #[serde(skip)]
    pub given: PayAmount,
    /// The place's price levels (U.S. = 100), or why BEA publishes none.
    pub prices: PriceFacts,
    /// The amount in U.S.-average prices, whole dollars; absent without a price level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_us_prices: Option<u64>,
    /// With `--role`: each of its occupations' wages at the place, and where the amount falls.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub role_wages: Vec<AmountAmongWages>,
}

/// Where an amount falls among an occupation's wages at one place.
#[derive(Debug, Serialize)]
pub struct AmountAmongWages {
    pub occupation: WageLink,
    /// Whether BLS publishes an estimate of the occupation at the place.
    pub estimated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub median: Option<WageFigure>,
    /// Where the amount falls among the published annual percentiles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub placement: Option<PercentilePlacement>,
}

/// The first place's amount against another's, both in U.S.-average prices.
#[derive(Debug, Serialize)]
pub struct Comparison {
    /// Positions in `places`.
    pub first: usize,
    pub other: usize,
    /// The first's worth less the other's, whole dollars (negative when it buys less).
    pub difference: i64,
    /// The difference as a percentage of the other's worth, to a tenth.
    pub percent: f64,
}

/// The role named with `--role`.
#[derive(Debug, Serialize)]
pub struct WorthRole {
    pub id: String,
    pub title: String,
    #[serde(flatten)]
    pub codes: crate::store::codes::RoleCodes,
    /// Why BLS has no wages of it, when it has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_estimates: Option<NoEstimate>,
}

/// The pairs of an amount and a place, or a usage error naming the argument at fault.
fn pairs(args: &[String]) -> Result<Vec<(PayAmount, &str)>, CareersError> {
    let example = "e.g. careers worth 120000 Austin 150000 \"San Francisco\"";
    if !args.len().is_multiple_of(2) {
        return Err(CareersError::Usage(format!(
            "`worth` takes an amount and a place, in pairs, and \"{}\" has no partner; {example}",
            args[args.len() - 1]
        )));
    }
    let n = args.len() / 2;
    if !PLACES.contains(&n) {
        return Err(CareersError::Usage(format!(
            "`worth` compares {} to {} places, not {n}; {example}",
            PLACES.start(),
            PLACES.end()
        )));
    }
    args.chunks(2)
        .map(|pair| {
            let amount = pair[0].parse::<PayAmount>().map_err(|why| {
                CareersError::Usage(format!(
                    "AMOUNT {why}; each place follows its amount, {example}"
                ))
            })?;
            Ok((amount, pair[1].as_str()))
        })
        .collect()
}

pub fn run(ctx: &Context, args: &WorthArgs) -> anyhow::Result<WorthReport> {
    let store = &ctx.store;
    let pairs = pairs(&args.pairs)?;
    let Some(stored) = store.wages()? else {
        return Err(CareersError::Usage(
            "`careers worth` names places by BLS OEWS's areas, and none are loaded; import them with `careers import oews DIR`".into(),
        )
        .into());
    };
    let Some(prices_source) = store.prices_source() else {
        return Err(CareersError::Usage(
            "`careers worth` divides pay by each place's price level, and no BEA Regional Price Parities are loaded; import them with `careers import prices DIR`".into(),
        )
        .into());
    };
    let entry = args.role.as_deref().map(|r| store.resolve(r)).transpose()?;
    let (links, unlinked) = match entry {
        Some(e) => store.wage_links(e)?,
        None => (Vec::new(), Vec::new()),
    };
    let locations = crate::store::bundled_locations()?;
    let mut places = Vec::with_capacity(pairs.len());
    for (given, query) in pairs {
        let amount = given.annual;
        let place = store.resolve_place(&locations, query)?;
        let Some(area) = place.area else {
            return Err(CareersError::Usage(format!(
                "\"{query}\" is no BLS area, and has no price level; name a metro area, a state or US"
            ))
            .into());
        };
        let area = stored.area_ref(area);
        let prices = store
            .area_prices(&area.code, area.kind)
            .unwrap_or(PriceFacts::NotPriced {
                reason: "not-in-bea-tables",
                year: None,
                incomplete: None,
            });
        let position = stored.tables.areas.iter().position(|a| a.code == area.code);
        let mut role_wages = Vec::new();
        for w in store.official_wages(
            &links,
            &position.into_iter().collect::<Vec<_>>(),
            None,
            Some(amount),
        )? {
            let estimate = w.estimates.into_iter().next();
            role_wages.push(AmountAmongWages {
                occupation: w.occupation,
                estimated: estimate.is_some(),
                median: estimate
                    .as_ref()
                    .and_then(|e| e.figure(Measure::AnnualMedian).cloned()),
                placement: estimate.and_then(|e| e.my_pay),
            });
        }
        places.push(PlacedAmount {
            query: query.to_owned(),
            in_us_prices: prices.in_us_prices(amount),
            area,
            amount,
            hourly: given.hourly(),
            given,
            prices,
            role_wages,
        });
    }
    let comparisons = comparisons(&places);
    let role = entry.map(|e| WorthRole {
        id: e.profile.id.clone(),
        title: e.profile.title.clone(),
        codes: e.role_codes(),
        no_estimates: links.is_empty().then(|| {
            unlinked
                .first()
                .map_or(NoEstimate::NoLinkedOccupation, |u| u.reason.clone())
        }),
    });
    let shows_wages = places
        .iter()
        .any(|p| p.role_wages.iter().any(|w| w.estimated));
    Ok(WorthReport {
        places,
        comparisons,
        attribution: entry.and_then(|e| store.onet_attribution([e.profile.id.as_str()])),
        role,
        prices_source,
        official_source: shows_wages.then(|| crate::store::wages::WagesSource::of(stored)),
        notice: shows_wages.then_some(crate::store::wages::OEWS_NOTICE),
    })
}

/// The first place against each other one, where both have a price level.
fn comparisons(places: &[PlacedAmount]) -> Vec<Comparison> {
    let Some(first) = places.first().and_then(|p| p.in_us_prices) else {
        return Vec::new();
    };
    places
        .iter()
        .enumerate()
        .skip(1)
        .filter_map(|(i, p)| {
            let other = p.in_us_prices?;
            let difference = i64::try_from(first).ok()? - i64::try_from(other).ok()?;
            let percent = if other == 0 {
                0.0
            } else {
                (difference as f64 * 1000.0 / other as f64).round() / 10.0
            };
            Some(Comparison {
                first: 0,
                other: i,
                difference,
                percent,
            })
        })
        .collect()
}
