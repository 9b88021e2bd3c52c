//! O*NET's importance and level ratings of a role, and how a role reaches them: an O*NET
//! occupation has its own; any other profile (curated or yours) takes those of its first
//! linked O*NET-SOC occupation, the first of its `codes`, as the one its profile names first.
//! Comparing the ratings is `model::ratings`.

use serde::Serialize;

use super::{Entry, Store};

use crate::model::ratings::FigureTable;
use crate::model::{CodeSystem, OnetDetails};

/// The occupation whose ratings stand for a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RatedOccupation {
    pub code: String,
    /// The SOC code of `code`.
    pub soc: String,
    pub title: String,
    pub via: RatingsVia,
}

/// How a role reaches the occupation that rates it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RatingsVia {
    /// The role is the O*NET occupation.
    Own,
    /// The first O*NET-SOC code the role's profile links.
    FirstLinkedCode,
}

/// Why a role has no ratings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum NoRatings {
    /// The profile links no O*NET-SOC occupation.
    NoLinkedOccupation,
    /// Its first linked code is not an occupation of the O*NET release in use.
    NotInRelease { code: String },
    /// The release that has the ratings does not rate the occupation.
    NotRated { code: String, release: String },
}

/// A role's ratings: the occupation they come from, the release, and every element of each
/// kind, in `Rating::ranks_before` order.
#[derive(Debug, Clone)]
pub struct RoleRatings {
    pub occupation: RatedOccupation,
    pub release: String,
    pub ratings: OnetDetails,
}

impl Store {
    /// The release the ratings in use come from, when the O*NET release in use has any.
    pub fn ratings_release(&self) -> Option<String> {
        self.onet()?.ratings_release()
    }

    /// O*NET's attribution for an output that shows ratings, naming their release.
    pub fn onet_attribution_with_ratings(&self) -> Option<String> {
        self.onet()
            .map(|stored| crate::onet::attribution_with_ratings(&stored.manifest))
    }

    /// The skills and knowledge figures of every occupation the release in use rates, by its
    /// position among the O*NET occupations ([`Store::onet_entry_at`]); empty without ratings.
    pub fn rating_figures(&self) -> anyhow::Result<FigureTable> {
        match self.onet() {
            Some(stored) if stored.ratings_release().is_some() => stored.rating_figures(),
            _ => Ok(FigureTable::default()),
        }
    }

    /// The position among the O*NET occupations of the one with `code`.
    pub fn onet_position(&self, code: &str) -> Option<usize> {
        self.onet()?.position(code)
    }

    /// Every rating of the O*NET occupation at `position`, each kind in
    /// `Rating::ranks_before` order.
    pub fn ratings_at(&self, position: usize) -> anyhow::Result<OnetDetails> {
        let mut ratings = OnetDetails::default();
        if let Some(stored) = self.onet() {
            stored.add_ratings(position, &mut ratings)?;
        }
        Ok(ratings)
    }

    /// The ratings of the role `entry`, or why it has none; `None` when the O*NET release in
    /// use has no ratings at all. Reads one record of the ratings file, never the details.
    pub fn role_ratings(
        &self,
        entry: &Entry,
    ) -> anyhow::Result<Option<Result<RoleRatings, NoRatings>>> {
        let Some(stored) = self.onet() else {
            return Ok(None);
        };
        let Some(release) = stored.ratings_release() else {
            return Ok(None);
        };
        let (code, via) = match &entry.profile.onet {
            Some(d) => (d.code.clone(), RatingsVia::Own),
            None => match entry
                .profile
                .codes
                .iter()
                .find(|c| c.system == CodeSystem::OnetSoc)
            {
                Some(c) => (c.code.clone(), RatingsVia::FirstLinkedCode),
                None => return Ok(Some(Err(NoRatings::NoLinkedOccupation))),
            },
        };
        let Some(position) = stored.position(&code) else {
            return Ok(Some(Err(NoRatings::NotInRelease { code })));
        };
        let mut ratings = OnetDetails::default();
        stored.add_ratings(position, &mut ratings)?;
        if ratings.unrated {
            return Ok(Some(Err(NoRatings::NotRated { code, release })));
        }
        Ok(Some(Ok(RoleRatings {
            occupation: RatedOccupation {
                title: stored.names.get(position).title.to_owned(),
                soc: super::codes::soc_of(&code).to_owned(),
                code,
                via,
            },
            release,
            ratings,
        })))
    }
}
