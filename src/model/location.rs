//! Places pay figures are about, and the other names people type for them ("SF", "NYC"). The
//! names live in `data/locations.json`, so a new alias is a data change, not a code change.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::slugify;

/// One place, named as the profiles' `location` fields name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// The canonical name, equal to the `location` of the pay figures about it.
    pub name: String,
    /// Other names, compared ignoring case, spaces and punctuation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The BLS OEWS area (7-digit code from `oe.area`) official wages for the place come from,
    /// where its name alone does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
}

/// The file format of `data/locations.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocationsFile {
    pub locations: Vec<Location>,
}

/// Every known place with an index from each name and alias.
#[derive(Debug, Clone, Default)]
pub struct Locations {
    locations: Vec<Location>,
    index: HashMap<String, usize>,
}

impl Locations {
    /// Builds the index; a name or alias claimed by two places is an error.
    pub fn new(file: LocationsFile) -> Result<Self, String> {
        let index = super::name_index(
            "locations",
            file.locations
                .iter()
                .map(|l| (l.name.as_str(), l.aliases.as_slice())),
            slugify,
        )?;
        Ok(Locations {
            locations: file.locations,
            index,
        })
    }

    /// Adds a place a profile names but the file does not, under its own name only.
    pub fn add_name(&mut self, name: &str) {
        let key = slugify(name);
        if key.is_empty() || self.index.contains_key(&key) {
            return;
        }
        self.index.insert(key, self.locations.len());
        self.locations.push(Location {
            name: name.to_owned(),
            aliases: Vec::new(),
            area: None,
        });
    }

    /// The place a name or alias stands for, ignoring case, spaces and punctuation.
    pub fn resolve(&self, name: &str) -> Option<&Location> {
        self.index.get(&slugify(name)).map(|&i| &self.locations[i])
    }

    pub fn all(&self) -> &[Location] {
        &self.locations
    }

    /// Every name and alias, for suggestions.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.locations.iter().flat_map(|l| {
            std::iter::once(l.name.as_str()).chain(l.aliases.iter().map(String::as_str))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places() -> Locations {
        Locations::new(LocationsFile {
            locations: vec![
                Location {
                    name: "New York City".into(),
                    aliases: vec!["NYC".into(), "New York".into()],
                    area: None,
                },
                Location {
                    name: "Remote".into(),
                    aliases: vec![],
                    area: None,
                },
            ],
        })
        .unwrap()
    }

    #[test]
    fn resolves_names_and_aliases_ignoring_case_and_punctuation() {
        let p = places();
        for q in ["nyc", "New York", "new-york-city", "NEW YORK CITY"] {
            assert_eq!(p.resolve(q).unwrap().name, "New York City", "{q}");
        }
        assert!(p.resolve("Boston").is_none());
    }

    #[test]
    fn rejects_an_alias_claimed_twice() {
        let err = Locations::new(LocationsFile {
            locations: vec![
                Location {
                    name: "Los Angeles".into(),
                    aliases: vec!["LA".into()],
                    area: None,
                },
                Location {
                    name: "Louisiana".into(),
                    aliases: vec!["la".into()],
                    area: None,
                },
            ],
        })
        .unwrap_err();
        assert_eq!(err, "locations[1]: \"la\" already names Los Angeles");
    }

    #[test]
    fn added_names_resolve_without_replacing_known_ones() {
        let mut p = places();
        p.add_name("Denver");
        p.add_name("nyc");
        assert_eq!(p.resolve("denver").unwrap().name, "Denver");
        assert_eq!(p.resolve("nyc").unwrap().name, "New York City");
        assert_eq!(p.all().len(), 3);
    }
}
