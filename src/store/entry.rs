//! A profile of the store and what it is known by before it is read: where it came from, and
//! the names a command line may give it.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::model::{FigureKey, Profile, SalaryFigure, role_key};

/// Where a profile was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Origin {
    /// Compiled into the binary from `data/profiles/`.
    Bundled { file: String },
    /// A file in the user's data directory.
    User { path: PathBuf },
    /// From the O*NET database: the embedded release or the user's import.
    Onet { version: String },
    /// A code of BLS's own, asked for directly: a group (`15-1250`) or an occupation BLS
    /// publishes that O*NET does not have (`21-1018`).
    Bls,
}

impl Origin {
    /// Its kind as JSON and CSV name it: "bundled", "user", "onet", "bls".
    pub fn kind(&self) -> &'static str {
        match self {
            Origin::Bundled { .. } => "bundled",
            Origin::User { .. } => "user",
            Origin::Onet { .. } => "onet",
            Origin::Bls => "bls",
        }
    }

    /// A short form for lists: "bundled", "user", "O*NET 29.2".
    pub fn short(&self) -> String {
        match self {
            Origin::User { .. } => "user".into(),
            other => other.describe(),
        }
    }

    /// The file a user profile was read from, for records; empty for the others.
    pub fn file(&self) -> String {
        match self {
            Origin::User { path } => path.display().to_string(),
            _ => String::new(),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Origin::Bundled { .. } => "bundled".into(),
            Origin::User { path } => path.display().to_string(),
            Origin::Onet { version } => format!("O*NET {version}"),
            Origin::Bls => "BLS".into(),
        }
    }
}

/// A profile and where it came from.
#[derive(Debug, Clone)]
pub struct Entry {
    pub profile: Profile,
    pub origin: Origin,
}

impl Entry {
    /// The profile's id and where it was read from.
    pub fn source(&self) -> RoleSource {
        RoleSource {
            id: self.profile.id.clone(),
            origin: self.origin.clone(),
        }
    }
}

/// A role's id and where its profile was read from, so that a view can say where a role lacks
/// something without calling a user's file bundled. In JSON, the id alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct RoleSource {
    pub id: String,
    #[serde(skip)]
    pub origin: Origin,
}

/// What the store needs of a bundled or user profile before it needs the whole of it: the
/// names a command line may give it, their [keys](role_key), and the profiles it refers to. The
/// index of the profiles folder keeps it for every sound file, so that finding one role reads
/// one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileNames {
    pub id: String,
    pub title: String,
    pub aliases: Vec<String>,
    /// Every reference to another profile: its JSON path and the id it names.
    pub refs: Vec<(String, String)>,
    /// What each of its pay figures is about, in order: the places they name are places
    /// `salary --city` knows, and `salary` tells which roles have a figure that passes its
    /// filters from these alone.
    #[serde(default)]
    pub figures: Vec<FigureKey>,
    /// The keys of the id, the title and each alias, in that order.
    pub(super) keys: Vec<String>,
    /// The keys of the O*NET-SOC codes that name it: its O*NET occupation's, and its `codes`
    /// when it has one.
    pub(super) code_keys: Vec<String>,
}

impl ProfileNames {
    pub fn of(p: &Profile) -> ProfileNames {
        ProfileNames::from_parts(
            p.id.clone(),
            p.title.clone(),
            p.aliases.clone(),
            p.profile_refs()
                .into_iter()
                .map(|(path, id)| (path, id.to_owned()))
                .collect(),
            p.salary
                .iter()
                .flat_map(|s| &s.figures)
                .map(SalaryFigure::key)
                .collect(),
            p.onet.as_ref().map(|onet| {
                let mut codes: Vec<String> = p.codes.iter().map(|c| c.code.clone()).collect();
                codes.push(onet.code.clone());
                codes
            }),
        )
    }

    /// The names of a profile from its parts: `codes`, when it has an O*NET occupation, are
    /// its `codes` then its occupation's.
    pub(super) fn from_parts(
        id: String,
        title: String,
        aliases: Vec<String>,
        refs: Vec<(String, String)>,
        figures: Vec<FigureKey>,
        codes: Option<Vec<String>>,
    ) -> ProfileNames {
        let code_keys = codes
            .unwrap_or_default()
            .iter()
            .map(|c| role_key(c))
            .collect();
        let mut keys = Vec::with_capacity(2 + aliases.len());
        keys.push(role_key(&id));
        keys.push(role_key(&title));
        keys.extend(aliases.iter().map(|a| role_key(a)));
        ProfileNames {
            id,
            title,
            aliases,
            refs,
            figures,
            keys,
            code_keys,
        }
    }

    pub(super) fn id_key(&self) -> &str {
        &self.keys[0]
    }

    pub(super) fn title_key(&self) -> &str {
        &self.keys[1]
    }

    /// Each alias with its key.
    pub(super) fn aliases_keyed(&self) -> impl Iterator<Item = (&str, &str)> {
        self.aliases
            .iter()
            .zip(&self.keys[2..])
            .map(|(a, k)| (a.as_str(), k.as_str()))
    }
}
