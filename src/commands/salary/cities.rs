//! `careers salary --list-cities`: the places that have curated pay figures, the names they
//! answer to, and the roles with figures there.

use serde::Serialize;

use super::figures_of;
use crate::model::Locations;
use crate::store::{Entry, RoleSource};

/// The places that have pay figures.
#[derive(Debug, Serialize)]
pub struct CitiesReport {
    pub cities: Vec<CityView>,
    /// Roles asked about whose profiles have no pay figures at all.
    pub roles_without_figures: Vec<RoleSource>,
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

pub(super) fn cities(entries: &[&Entry], places: &Locations) -> CitiesReport {
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
        roles_without_figures: without.iter().map(|e| e.source()).collect(),
    }
}
