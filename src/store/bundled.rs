//! The curated profiles and the skill vocabulary, compiled into the binary so that `careers`
//! works from any directory.

use anyhow::Context;

use super::{Entry, Origin};
use crate::model::{Locations, LocationsFile, Profile, Vocabulary, VocabularyFile};

macro_rules! bundled {
    ($($file:literal),* $(,)?) => {
        /// Every file of `data/profiles/`, by name, with its text.
        pub const BUNDLED_FILES: &[(&str, &str)] = &[$((
            $file,
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/profiles/", $file)),
        )),*];

        /// The same files, by name, as build.rs wrote them in MessagePack: what the store
        /// reads.
        const BUNDLED_MSGPACK: &[(&str, &[u8])] = &[$((
            $file,
            include_bytes!(concat!(env!("OUT_DIR"), "/profiles/", $file, ".msgpack")),
        )),*];
    };
}

bundled!(
    "ml-engineer.json",
    "data-engineer.json",
    "data-engineering-manager.json",
    "data-engineering-team-lead.json",
    "data-governance-analyst.json",
);

const VOCABULARY: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/skills.json"));

const LOCATIONS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/locations.json"));

/// Parses the bundled profiles.
pub fn bundled_profiles() -> anyhow::Result<Vec<Entry>> {
    BUNDLED_MSGPACK
        .iter()
        .map(|(file, bytes)| {
            let profile: Profile = rmp_serde::from_slice(bytes)
                .with_context(|| format!("bundled profile data/profiles/{file}"))?;
            Ok(Entry {
                profile,
                origin: Origin::Bundled {
                    file: (*file).to_owned(),
                },
            })
        })
        .collect()
}

/// Parses the bundled skill vocabulary.
pub fn bundled_vocabulary() -> anyhow::Result<Vocabulary> {
    let file: VocabularyFile =
        serde_json::from_str(VOCABULARY).context("bundled vocabulary data/skills.json")?;
    Vocabulary::new(file).map_err(|e| anyhow::anyhow!("bundled vocabulary data/skills.json: {e}"))
}

/// Parses the bundled place names and their aliases.
pub fn bundled_locations() -> anyhow::Result<Locations> {
    let file: LocationsFile =
        serde_json::from_str(LOCATIONS).context("bundled locations data/locations.json")?;
    Locations::new(file).map_err(|e| anyhow::anyhow!("bundled locations data/locations.json: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_in_data_profiles_is_bundled() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/profiles");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        on_disk.sort();
        let mut bundled: Vec<String> = BUNDLED_FILES.iter().map(|(f, _)| f.to_string()).collect();
        bundled.sort();
        assert_eq!(on_disk, bundled);
    }

    #[test]
    fn the_compiled_profiles_are_the_json_files() {
        let compiled = bundled_profiles().unwrap();
        assert_eq!(compiled.len(), BUNDLED_FILES.len());
        for (entry, (file, text)) in compiled.iter().zip(BUNDLED_FILES) {
            let from_json: Profile = serde_json::from_str(text).unwrap();
            assert_eq!(
                serde_json::to_value(&entry.profile).unwrap(),
                serde_json::to_value(&from_json).unwrap(),
                "{file}"
            );
        }
    }

    #[test]
    fn file_names_match_ids() {
        for entry in bundled_profiles().unwrap() {
            let Origin::Bundled { file } = &entry.origin else {
                unreachable!()
            };
            assert_eq!(file, &format!("{}.json", entry.profile.id));
        }
    }

    #[test]
    fn every_location_of_a_pay_figure_is_a_named_place() {
        let places = bundled_locations().unwrap();
        for entry in bundled_profiles().unwrap() {
            for f in entry.profile.salary.iter().flat_map(|s| &s.figures) {
                if let Some(loc) = &f.location {
                    let place = places.resolve(loc).unwrap_or_else(|| {
                        panic!(
                            "{}: location {loc} not in data/locations.json",
                            entry.profile.id
                        )
                    });
                    assert_eq!(
                        &place.name, loc,
                        "{}: use the canonical name",
                        entry.profile.id
                    );
                }
            }
        }
    }
}
