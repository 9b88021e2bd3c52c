//! `careers places [QUERY]`: every place BLS estimates wages for, with its code, kind, state and
//! price level; or the places a name stands for, read as `--city` reads it.

use serde::Serialize;

use crate::Context;
use crate::cli::PlacesArgs;
use crate::error::CareersError;
use crate::store::prices::{PriceFacts, PricesSource};
use crate::store::wages::{PlaceKind, PlacesFound};

/// The places listed.
#[derive(Debug, Serialize)]
pub struct PlacesReport {
    /// The query as given, words joined by spaces.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// How the query was read.
    pub found: PlacesFound,
    /// What the query stands for, when it is one of the common names careers knows
    /// (`data/place-names.json`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub common_name: Option<String>,
    pub places: Vec<PlaceRow>,
    /// The release of BEA's price parities, when one is in use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prices_source: Option<PricesSource>,
    /// The OEWS release whose areas these are ("BLS OEWS May 2025").
    pub source: crate::store::wages::WagesSource,
}

/// It shows no credited source's figures.
impl crate::model::credits::Credited for PlacesReport {}

/// One place.
#[derive(Debug, Serialize)]
pub struct PlaceRow {
    /// BLS's 7-digit area code.
    pub code: String,
    pub name: String,
    pub kind: PlaceKind,
    /// The postal code of its state (of a metro across states, the one BLS files it under);
    /// absent for the nation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<&'static str>,
    /// Its price levels, or why BEA publishes none; absent without a release of the RPPs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prices: Option<PriceFacts>,
}

pub fn run(ctx: &Context, args: &PlacesArgs) -> anyhow::Result<PlacesReport> {
    let store = &ctx.store;
    let Some(stored) = store.wages()? else {
        return Err(CareersError::Usage(
            "`careers places` lists BLS OEWS's areas, and none are loaded; import them with `careers import oews DIR`".into(),
        )
        .into());
    };
    let query = (!args.query.is_empty()).then(|| args.query.join(" "));
    let locations = crate::store::bundled_locations()?;
    let (found, positions) = store.find_places(&locations, query.as_deref())?;
    let mut places: Vec<PlaceRow> = positions
        .into_iter()
        .map(|i| {
            let a = &stored.tables.areas[i];
            PlaceRow {
                code: a.code.to_string(),
                name: a.name.to_string(),
                kind: PlaceKind::of(a),
                state: crate::model::place::postal_of(&a.state_code),
                prices: store.area_prices(&a.code, a.kind),
            }
        })
        .collect();
    // The nation, the states, then the metropolitan and nonmetropolitan areas, each by name.
    let rank = |k: PlaceKind| match k {
        PlaceKind::Nation => 0,
        PlaceKind::State => 1,
        PlaceKind::Metropolitan => 2,
        PlaceKind::Nonmetropolitan => 3,
    };
    places.sort_by(|a, b| {
        rank(a.kind)
            .cmp(&rank(b.kind))
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok(PlacesReport {
        common_name: query
            .as_deref()
            .and_then(|q| store.common_place_note(q))
            .map(str::to_owned),
        query,
        found,
        places,
        prices_source: store.prices_source(),
        source: crate::store::wages::WagesSource::of(stored),
    })
}
