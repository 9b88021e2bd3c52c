//! Why a `salary` answer shows nothing, or less than asked, and where else to look: the roles
//! asked about that have no figures, and the roles whose figures pass the filters, all or each
//! alone.

use serde::Serialize;

use super::filters::Filters;
use crate::store::{RoleSource, Store};

/// One reason the answer is short, with where else to look.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Hint {
    /// These roles have figures, but none that passes the filters.
    NoFigureMatches {
        roles: Vec<String>,
        filters: Filters,
    },
    /// These roles' profiles have no pay figures at all.
    NoFigures { roles: Vec<RoleSource> },
    /// No role has a figure that passes every filter, taken together (`combination`) or the
    /// one filter given.
    NoRoleMatches { filters: Filters, combination: bool },
    /// The roles with figures that pass `filters` (no filter: the roles with any figure);
    /// `alone` when `filters` is one of several given, taken on its own.
    RolesWithFigures {
        filters: Filters,
        alone: bool,
        roles: Vec<String>,
    },
}

/// Every role in the store with a figure that passes every filter but the roles, known from
/// what the store keeps of each figure without reading a profile.
pub(super) fn roles_with_figures(store: &Store, filters: &Filters) -> Vec<String> {
    store
        .authored_figures()
        .filter(|(_, keys)| keys.iter().any(|k| filters.admits_key(k)))
        .map(|(id, _)| id.to_owned())
        .collect()
}

/// Where else to look when the chosen roles have nothing that passes the filters: the roles
/// whose figures pass all of them, else each single filter that some role has figures for.
pub(super) fn elsewhere(store: &Store, filters: &Filters) -> Vec<Hint> {
    // Every role is looked at, so the roles asked about are no filter here.
    let filters = &Filters {
        roles: Vec::new(),
        ..filters.clone()
    };
    let all = roles_with_figures(store, filters);
    if !all.is_empty() {
        return vec![Hint::RolesWithFigures {
            filters: filters.clone(),
            alone: false,
            roles: all,
        }];
    }
    let singles = filters.singles();
    let combination = singles.len() > 1;
    let mut out = vec![Hint::NoRoleMatches {
        filters: filters.clone(),
        combination,
    }];
    if combination {
        for single in singles {
            let with = roles_with_figures(store, &single);
            if !with.is_empty() {
                out.push(Hint::RolesWithFigures {
                    filters: single,
                    alone: true,
                    roles: with,
                });
            }
        }
    }
    out
}
