//! The curated profiles and the skill vocabulary, compiled into the binary so that `careers`
//! works from any directory.

use anyhow::Context;

use super::{Entry, Origin, ProfileNames};
use crate::model::{FigureKey, Locations, LocationsFile, Profile, Vocabulary, VocabularyFile};

macro_rules! bundled {
    ($($file:literal),* $(,)?) => {
        /// Every file of `data/profiles/`, by name, with its text.
        pub const BUNDLED_FILES: &[(&str, &str)] = &[$((
            $file,
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/profiles/", $file)),
        )),*];

        /// The same files, by name, as build.rs wrote them in MessagePack: what the store
        /// reads; and of each, the fields its names are made of alone.
        const BUNDLED_MSGPACK: &[(&str, &[u8], &[u8])] = &[$((
            $file,
            include_bytes!(concat!(env!("OUT_DIR"), "/profiles/", $file, ".msgpack")),
            include_bytes!(concat!(env!("OUT_DIR"), "/profiles/", $file, ".names.msgpack")),
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

/// A curated profile of the binary: its names are read at start-up, the whole of it when a
/// command first asks for it (most commands show none of them).
#[derive(Debug, Clone, Copy)]
pub struct BundledProfile {
    file: &'static str,
    bytes: &'static [u8],
    /// The fields of `bytes` its names are made of, written apart by build.rs.
    names: &'static [u8],
}

impl BundledProfile {
    pub fn origin(&self) -> Origin {
        Origin::Bundled {
            file: self.file.to_owned(),
        }
    }

    /// The whole profile.
    pub fn read(&self) -> anyhow::Result<Entry> {
        let profile: Profile = rmp_serde::from_slice(self.bytes)
            .with_context(|| format!("bundled profile data/profiles/{}", self.file))?;
        Ok(Entry {
            profile,
            origin: self.origin(),
        })
    }

    /// What the store needs of it before it needs the whole of it, read without the rest.
    pub fn names(&self) -> anyhow::Result<ProfileNames> {
        let names: NamesOnly = rmp_serde::from_slice(self.names)
            .with_context(|| format!("bundled profile data/profiles/{}", self.file))?;
        let mut refs = Vec::new();
        let mut link = |path: String, l: &Link| {
            if let Some(p) = &l.profile {
                refs.push((path, p.clone()));
            }
        };
        for (i, d) in names.differences.iter().enumerate() {
            link(format!("differences[{i}].profile"), d);
        }
        if let Some(career) = &names.career {
            for (i, stage) in career.progression.iter().enumerate() {
                for (j, role) in stage.roles.iter().enumerate() {
                    link(format!("career.progression[{i}].roles[{j}].profile"), role);
                }
            }
            for (name, links) in [
                ("paths", &career.paths),
                ("related_roles", &career.related_roles),
            ] {
                for (i, role) in links.iter().enumerate() {
                    link(format!("career.{name}[{i}].profile"), role);
                }
            }
        }
        if let Some(market) = &names.market {
            for (i, role) in market.opportunities.iter().enumerate() {
                link(format!("market.opportunities[{i}].profile"), role);
            }
        }
        Ok(ProfileNames::from_parts(
            names.id,
            names.title,
            names.aliases,
            refs,
            names.salary.map(|s| s.figures).unwrap_or_default(),
            names.onet.map(|onet| {
                let mut codes: Vec<String> = names.codes.into_iter().map(|c| c.code).collect();
                codes.push(onet.code);
                codes
            }),
        ))
    }
}

/// The fields of a profile its [`ProfileNames`] are made of, as
/// [`Profile::profile_refs`] and [`ProfileNames::of`] read them; the rest is passed over.
#[derive(serde::Deserialize)]
struct NamesOnly {
    id: String,
    title: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    codes: Vec<Code>,
    #[serde(default)]
    onet: Option<Code>,
    #[serde(default)]
    differences: Vec<Link>,
    #[serde(default)]
    career: Option<CareerLinks>,
    #[serde(default)]
    market: Option<MarketLinks>,
    #[serde(default)]
    salary: Option<SalaryPlaces>,
}

#[derive(serde::Deserialize)]
struct SalaryPlaces {
    #[serde(default)]
    figures: Vec<FigureKey>,
}

#[derive(serde::Deserialize)]
struct Code {
    code: String,
}

#[derive(serde::Deserialize)]
struct Link {
    #[serde(default)]
    profile: Option<String>,
}

#[derive(serde::Deserialize)]
struct CareerLinks {
    #[serde(default)]
    progression: Vec<StageLinks>,
    #[serde(default)]
    paths: Vec<Link>,
    #[serde(default)]
    related_roles: Vec<Link>,
}

#[derive(serde::Deserialize)]
struct StageLinks {
    #[serde(default)]
    roles: Vec<Link>,
}

#[derive(serde::Deserialize)]
struct MarketLinks {
    #[serde(default)]
    opportunities: Vec<Link>,
}

/// The bundled profiles, each to be read when a command first asks for it.
pub(super) fn bundled() -> impl Iterator<Item = BundledProfile> {
    BUNDLED_MSGPACK
        .iter()
        .map(|&(file, bytes, names)| BundledProfile { file, bytes, names })
}

/// Parses the bundled profiles.
pub fn bundled_profiles() -> anyhow::Result<Vec<Entry>> {
    BUNDLED_MSGPACK
        .iter()
        .map(|(file, bytes, _)| {
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
const PLACE_NAMES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/place-names.json"
));

/// Census's principal cities of every metropolitan area, as `careers dataset` writes them: names,
/// not figures, so compiled in with or without the embedded datasets.
const PRINCIPAL_CITIES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/embedded/principal-cities.tsv"
));

/// O*NET's descriptions of its job zones and interest areas, as `careers dataset` writes them:
/// words, not figures, so compiled in with or without the embedded datasets.
const ONET_REFERENCE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/embedded/onet-reference.tsv"
));

/// O*NET's descriptions of its job zones and interest areas.
pub fn onet_reference() -> anyhow::Result<crate::onet::reference::Reference> {
    crate::onet::reference::parse(ONET_REFERENCE)
        .context("bundled data/embedded/onet-reference.tsv")
}

/// The common names of places (`data/place-names.json`) and the principal cities of every
/// metropolitan area.
pub(crate) fn bundled_place_names() -> anyhow::Result<crate::model::place::PlaceNames> {
    let file: crate::model::place::CommonNamesFile<'static> =
        serde_json::from_str(PLACE_NAMES).context("bundled place names data/place-names.json")?;
    Ok(crate::model::place::PlaceNames {
        common: file.names,
        cities: PRINCIPAL_CITIES,
    })
}

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
    fn the_names_read_alone_are_the_names_of_the_whole_profile() {
        for profile in bundled() {
            let whole = profile.read().unwrap();
            assert_eq!(profile.names().unwrap(), ProfileNames::of(&whole.profile));
            assert_eq!(profile.origin(), whole.origin);
        }
        // Their pay figures name places: the test reads what it checks.
        let names: Vec<ProfileNames> = bundled().map(|p| p.names().unwrap()).collect();
        assert!(
            names
                .iter()
                .any(|n| n.figures.iter().any(|f| f.location.is_some()))
        );
        assert!(
            names
                .iter()
                .any(|n| n.figures.iter().any(|f| f.industry.is_some()))
        );
    }

    /// The names read alone of a profile with every kind of link and an O*NET occupation,
    /// which the curated profiles do not all have.
    #[test]
    fn links_and_codes_are_read_with_the_names() {
        let (_, text) = BUNDLED_FILES[0];
        let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
        let link = serde_json::json!({"title": "Data Engineer", "profile": "data-engineer"});
        value["differences"] = serde_json::json!([{"other_role": "Data Engineer", "profile": "data-engineer", "points": ["x"]}]);
        value["career"]["paths"] = serde_json::json!([link.clone()]);
        value["career"]["related_roles"] = serde_json::json!([link.clone(), link.clone()]);
        value["career"]["progression"] =
            serde_json::json!([{"name": "Entry", "roles": [link.clone()]}]);
        value["market"]["opportunities"] = serde_json::json!([link]);
        value["onet"] = serde_json::json!({"code": "15-2051.00"});
        let bytes: &'static [u8] = Vec::leak(rmp_serde::to_vec(&value).unwrap());
        let profile = BundledProfile {
            file: "linked.json",
            bytes,
            names: bytes,
        };
        let whole = profile.read().unwrap();
        let names = profile.names().unwrap();
        assert_eq!(names, ProfileNames::of(&whole.profile));
        assert_eq!(names.refs.len(), 6);
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

    #[test]
    fn the_place_names_load_and_the_principal_cities_are_sorted_lines_of_three_fields() {
        let names = bundled_place_names().unwrap();
        assert!(names.common.len() >= 19, "{}", names.common.len());
        assert_eq!(names.claimed_twice(), None);
        let cities: Vec<_> = names.principal_cities().collect();
        assert_eq!(cities.len(), 732);
        assert!(cities.is_sorted_by(|a, b| (a.name, a.cbsa) <= (b.name, b.cbsa)));
        for c in &cities {
            assert!(
                c.cbsa.len() == 5 && c.cbsa.bytes().all(|b| b.is_ascii_digit()),
                "{c:?}"
            );
            assert_eq!(c.state.len(), 2, "{c:?}");
        }
        let lines = PRINCIPAL_CITIES.lines().filter(|l| !l.starts_with('#'));
        assert!(lines.clone().all(|l| l.split('\t').count() == 3));
        assert_eq!(lines.count(), 732);
    }

    /// Every common name stands for an area of the embedded OEWS release, and none is a state's
    /// name or BLS's own name of another area (those resolve first).
    #[cfg(feature = "embedded")]
    #[test]
    fn every_common_name_is_an_area_and_shadows_no_name_of_blss() {
        use crate::model::place::normalize;
        let oews = crate::store::embedded::oews().unwrap();
        let areas = &oews.tables.areas;
        for entry in &bundled_place_names().unwrap().common {
            assert!(
                areas.iter().any(|a| a.code == *entry.area),
                "{:?}: {}",
                entry.names,
                entry.area
            );
            for name in &entry.names {
                let key = normalize(name);
                assert!(
                    !areas.iter().any(|a| normalize(&a.name) == key),
                    "{name} is BLS's name of an area"
                );
            }
        }
    }
}
