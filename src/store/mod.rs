//! Where profiles come from and how a name on the command line finds one. Bundled profiles are
//! compiled into the binary; later sources replace a bundled profile with the same id.
//!
//! [`Store`] is defined here with the questions commands ask of it; its other work is in files
//! by job: `entry` (a profile, where it came from, its names), `index` (the keys of every id,
//! code, alias and title), `resolution` (finding a role by a name or an SOC code) and
//! `loading` (the bundled, user and O*NET layers put together).

pub mod bls_codes;
mod bundled;
pub mod codes;
pub mod embedded;
mod entry;
pub mod find;
mod index;
mod loading;
pub mod matching;
pub mod prices;
pub mod profile_index;
mod profiles;
pub mod projections;
pub mod ratings;
mod resolution;
pub mod user;
pub mod wages;
pub mod where_rank;

/// O*NET's word index of titles, tasks and technology, which `search` scores against.
pub mod words {
    pub use crate::onet::words::{Kinds, TextKind, WordIndex};
}

use std::collections::HashMap;
use std::path::PathBuf;

use crate::model::{FigureKey, Problem, Vocabulary, role_key};

/// When O*NET published a release.
pub use crate::onet::published as onet_published;
/// O*NET's words for its job zones and interest areas (`careers explain`).
pub use crate::onet::reference::{InterestReference, ZoneReference};
/// A technology of an O*NET occupation as `list --skill/--hot` filters on it.
pub use crate::onet::storage::SearchTechnology;
pub use bundled::{
    BUNDLED_FILES, BundledProfile, bundled_locations, bundled_profiles, bundled_vocabulary,
    onet_reference,
};
pub use entry::{Entry, Origin, ProfileNames, RoleSource};
pub(crate) use index::{NameHasher, NameMap};
use loading::{Authored, OnetLayer};
pub use loading::{StoreProfile, bundled_store_profiles};
pub use resolution::FoundByTitle;
use resolution::is_soc_code;

/// Every loaded profile, the skill vocabulary, and an index from each id, alias, title and
/// code to its profile.
///
/// The bundled and user profiles are read on every run; the O*NET occupations (embedded or
/// imported) only as far as a command needs them: their names always, each profile the first
/// time it is asked for, and the whole set only by the commands that go through all of them.
/// Positions number the bundled and user profiles first, then the occupations in O*NET's order.
#[derive(Debug)]
pub struct Store {
    /// The bundled and user profiles, in the order they were given (a later one with the same
    /// id in the place of the earlier).
    entries: Vec<Authored>,
    /// The position of each of them by id.
    ids: NameMap<usize>,
    /// User files that changed after start-up, when their profile was read: the answer may mix
    /// two versions of them.
    changed: std::sync::Mutex<Vec<std::path::PathBuf>>,
    /// The skill vocabulary; the bundled one is parsed when a command first asks for it.
    vocabulary: std::sync::OnceLock<Vocabulary>,
    /// The bundled and user profiles' keys, each with the best [layer](Store::KEY_LAYERS)
    /// that claims it.
    keys: NameMap<(usize, u8)>,
    /// Whether one of `keys` is a 6-digit SOC code ("15-2051"): else such a code is looked up
    /// as its `.00` occupation at once.
    short_code_keys: bool,
    /// Every profile's keys, O*NET's included: built for the lookups the names cannot answer
    /// at once (near misses, suggestions).
    all_keys: std::sync::OnceLock<HashMap<String, usize>>,
    /// User files that could not be loaded, so that asking for their role explains why.
    broken: Vec<user::BrokenFile>,
    /// The O*NET release in use, when there is one.
    onet: Option<OnetLayer>,
    /// The data directory whose imports [`Store::wages`], [`Store::projections`] and
    /// [`Store::prices`] open on
    /// first use.
    imports_dir: Option<PathBuf>,
    wages: std::sync::OnceLock<crate::datadir::release::Layered<crate::oews::storage::StoredWages>>,
    /// The wages in use once a block of the import was found damaged while a command ran: the
    /// embedded release, and the warning that says why ([`Store::fall_back_from_damaged_wages`]).
    wages_fallback:
        std::sync::OnceLock<crate::datadir::release::Layered<crate::oews::storage::StoredWages>>,
    projections: std::sync::OnceLock<
        crate::datadir::release::Layered<crate::projections::storage::Projections>,
    >,
    prices: std::sync::OnceLock<crate::datadir::release::Layered<crate::prices::storage::Prices>>,
    /// The common names of places and the principal cities, read when a place name needs them.
    place_names: std::sync::OnceLock<crate::model::place::PlaceNames>,
    /// BLS's own codes (groups, and occupations O*NET does not have), read from the releases
    /// the first time one is asked for by its code.
    bls_codes: std::sync::OnceLock<bls_codes::BlsCodes>,
    /// Whether the embedded datasets are used when nothing is imported.
    embedded: bool,
    /// Why the O*NET import in the data directory could not be opened, when it could not.
    onet_unreadable: Option<String>,
    /// Whether the embedded release answers in place of that import.
    onet_fell_back: bool,
}

impl Store {
    /// The profile at position `i`.
    fn entry_at(&self, i: usize) -> &Entry {
        match i.checked_sub(self.entries.len()) {
            None => self.authored_entry(i),
            Some(p) => self.onet_entry(p),
        }
    }

    /// The id of the profile at position `i`, without making its profile.
    fn id_at(&self, i: usize) -> &str {
        match (i.checked_sub(self.entries.len()), &self.onet) {
            (Some(p), Some(onet)) => onet.id(p),
            _ => &self.entries[i].names.id,
        }
    }

    /// Why the O*NET import could not be opened, when it could not.
    pub fn onet_unreadable(&self) -> Option<&str> {
        self.onet_unreadable.as_deref()
    }

    /// The O*NET import for a command that cannot answer without it: an error when the import
    /// is there but cannot be read, `None` when there is none.
    pub fn onet_required(&self) -> anyhow::Result<Option<&crate::onet::storage::OnetRelease>> {
        match &self.onet_unreadable {
            Some(why) if !self.onet_fell_back => Err(anyhow::anyhow!("{why}")),
            _ => Ok(self.onet()),
        }
    }

    /// O*NET's attribution, when any of `ids` is an O*NET occupation.
    pub fn onet_attribution<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Option<String> {
        let onet = self.onet.as_ref()?;
        ids.into_iter()
            .any(|id| !self.ids.contains_key(id) && onet.find_id(id).is_some())
            .then(|| crate::onet::attribution_of(&onet.stored.manifest))
    }

    /// The O*NET release in use, when there is one.
    pub fn onet(&self) -> Option<&crate::onet::storage::OnetRelease> {
        self.onet.as_ref().map(|o| &o.stored)
    }

    /// The whole O*NET record of an occupation, read on demand.
    pub fn onet_details(&self, code: &str) -> anyhow::Result<Option<crate::model::OnetDetails>> {
        match self.onet() {
            Some(stored) => stored.position(code).map(|i| stored.details(i)).transpose(),
            None => Ok(None),
        }
    }

    /// What `show` of a curated profile says of an O*NET occupation it links to.
    pub fn onet_summary(
        &self,
        code: &str,
    ) -> anyhow::Result<Option<crate::model::onet::OccupationSummary>> {
        match self.onet() {
            Some(stored) => stored.position(code).map(|i| stored.summary(i)).transpose(),
            None => Ok(None),
        }
    }

    /// The store's id of the O*NET occupation with this code, without making its profile.
    pub fn onet_id(&self, code: &str) -> Option<&str> {
        let onet = self.onet.as_ref()?;
        onet.stored.position(code).map(|p| onet.id(p))
    }

    /// Every profile: the bundled and user profiles, then the O*NET occupations.
    pub fn entries(&self) -> impl ExactSizeIterator<Item = &Entry> + Clone + '_ {
        let onet = self.onet.as_ref().map_or(0, |o| o.len());
        (0..self.entries.len() + onet).map(|i| self.entry_at(i))
    }

    /// The bundled and user profiles: the ones people wrote, which alone have aliases, pay
    /// figures, market data and career paths.
    pub fn authored(&self) -> impl ExactSizeIterator<Item = &Entry> + Clone + '_ {
        (0..self.entries.len()).map(|i| self.authored_entry(i))
    }

    /// The places the bundled and user profiles' pay figures name, without reading a profile.
    pub fn authored_places(&self) -> impl Iterator<Item = &str> + '_ {
        self.entries
            .iter()
            .flat_map(|e| e.names.figures.iter().filter_map(|f| f.location.as_deref()))
    }

    /// The ids of the bundled and user profiles that have a pay figure, without reading one.
    pub fn authored_with_figures(&self) -> impl Iterator<Item = &str> + '_ {
        self.entries
            .iter()
            .filter(|e| !e.names.figures.is_empty())
            .map(|e| e.names.id.as_str())
    }

    /// Each bundled and user profile's id with what each of its pay figures is about, in store
    /// order, without reading a profile.
    pub fn authored_figures(&self) -> impl Iterator<Item = (&str, &[FigureKey])> + '_ {
        self.entries
            .iter()
            .map(|e| (e.names.id.as_str(), e.names.figures.as_slice()))
    }

    /// Where each bundled and user profile comes from, without reading a user's file.
    pub fn authored_origins(&self) -> impl ExactSizeIterator<Item = Origin> + '_ {
        self.entries.iter().map(Authored::origin)
    }

    /// Every profile's id, in store order, without making O*NET's profiles.
    pub fn ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.entries
            .iter()
            .map(|e| e.names.id.as_str())
            .chain(self.onet.iter().flat_map(OnetLayer::ids))
    }

    /// The bundled and user profiles, and the O*NET occupations whose code starts with
    /// `prefix`: every profile a search for that code can find.
    pub fn coded<'s>(&'s self, prefix: &'s str) -> impl Iterator<Item = &'s Entry> + 's {
        let offset = self.entries.len();
        let onet = self.onet.iter().flat_map(move |o| {
            o.stored
                .names
                .with_code_prefix(prefix)
                .map(move |p| offset + p)
        });
        self.authored().chain(onet.map(|i| self.entry_at(i)))
    }

    /// The store's id of the O*NET occupation at `position`, without making its profile.
    pub fn onet_id_at(&self, position: usize) -> &str {
        self.onet.as_ref().map_or("", |o| o.id(position))
    }

    /// The profile of the O*NET occupation at `position`.
    pub fn onet_entry_at(&self, position: usize) -> &Entry {
        self.onet_entry(position)
    }

    /// How many O*NET occupations there are.
    pub fn onet_len(&self) -> usize {
        self.onet.as_ref().map_or(0, |o| o.len())
    }

    pub fn vocabulary(&self) -> &Vocabulary {
        self.vocabulary.get_or_init(|| {
            bundled_vocabulary().expect("the bundled vocabulary parses, as its tests check")
        })
    }

    /// The profile with this exact id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        if let Some(&i) = self.ids.get(id) {
            return Some(self.authored_entry(i));
        }
        let onet = self.onet.as_ref()?;
        onet.find_id(id).map(|p| self.onet_entry(p))
    }

    /// Where the bundled or user profile with this exact id comes from, without reading it.
    pub fn origin_of(&self, id: &str) -> Option<Origin> {
        Some(self.entries[*self.ids.get(id)?].origin())
    }

    /// Whether a profile has this exact id.
    pub fn has_id(&self, id: &str) -> bool {
        self.ids.contains_key(id) || self.onet.as_ref().is_some_and(|o| o.find_id(id).is_some())
    }

    /// Checks across profiles: ids, aliases and titles claimed by two profiles, aliases no
    /// lookup can reach, references to profiles that do not exist. Each problem comes with the
    /// id of the profile it is in.
    pub fn problems(&self) -> Vec<(String, Problem)> {
        let mut out = Vec::new();
        let problem =
            |id: &str, path: String, message: String| (id.to_owned(), Problem { path, message });
        // Ids first: an alias may not take another profile's id.
        let mut claimed: HashMap<&str, (&str, &str), std::hash::BuildHasherDefault<NameHasher>> =
            HashMap::with_capacity_and_hasher(
                self.entries.len() * 2,
                std::hash::BuildHasherDefault::default(),
            );
        let onet_keys: Vec<(String, &str)> = self
            .onet
            .iter()
            .flat_map(OnetLayer::ids)
            .map(|id| (role_key(id), id))
            .collect();
        for e in &self.entries {
            claimed.insert(e.names.id_key(), (e.names.id.as_str(), " (its id)"));
        }
        for (key, id) in &onet_keys {
            claimed.insert(key, (id, " (its id)"));
        }
        for e in &self.entries {
            let p = &e.names;
            for (i, (alias, key)) in p.aliases_keyed().enumerate() {
                if is_soc_code(key) {
                    // Codes rank above aliases and are looked up in O*NET's release.
                    out.push(problem(
                        &p.id,
                        format!("aliases[{i}]"),
                        format!(
                            "alias \"{alias}\" is an O*NET-SOC code, which finds its O*NET occupation, never this profile; remove the alias"
                        ),
                    ));
                    continue;
                }
                match claimed.get(key) {
                    Some((other, what)) if *other != p.id => out.push(problem(
                        &p.id,
                        format!("aliases[{i}]"),
                        format!("alias \"{alias}\" already names {other}{what}"),
                    )),
                    Some(_) => {}
                    None => {
                        claimed.insert(key, (p.id.as_str(), ""));
                    }
                }
            }
            for (path, target) in &p.refs {
                if !self.has_id(target) {
                    out.push(problem(
                        &p.id,
                        path.clone(),
                        format!(
                            "refers to profile \"{target}\", which does not exist; remove \"profile\" to name the role only"
                        ),
                    ));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::CareersError;
    use crate::model::singular_key;

    #[test]
    fn bundled_data_loads_and_holds_every_invariant() {
        let store = Store::bundled().expect("bundled data loads");
        assert_eq!(store.entries().len(), 5);
        for e in store.entries() {
            assert_eq!(e.profile.problems(), vec![], "{}", e.profile.id);
        }
        assert_eq!(store.problems(), vec![]);
    }

    #[test]
    fn roles_resolve_by_id_alias_and_title_in_any_case() {
        let store = Store::bundled().unwrap();
        for q in [
            "ml-engineer",
            "ML-Developer",
            "machine learning engineer",
            "MLE",
            "ML Engineer",
        ] {
            assert_eq!(store.resolve(q).unwrap().profile.id, "ml-engineer", "{q}");
        }
        assert_eq!(
            store.resolve("Data Governance Analyst").unwrap().profile.id,
            "data-governance-analyst"
        );
    }

    #[test]
    fn singular_keys_fold_plural_words_alike() {
        for (name, key) in [
            ("Registered Nurses", "registered-nurse"),
            ("registered nurse", "registered-nurse"),
            ("Data Scientists", "data-scientist"),
            ("Secretaries", "secretary"),
            ("Actuaries", "actuary"),
            ("Coaches", "coach"),
            ("Boxes", "box"),
            ("Business Analysts", "business-analyst"),
            ("Bus drivers", "bus-driver"),
            ("Analysis", "analysis"),
            ("RN", "rn"),
        ] {
            assert_eq!(singular_key(name), key, "{name}");
        }
    }

    #[test]
    fn role_keys_of_slugs_are_the_slugs_and_others_are_slugified() {
        for name in [
            "ml-engineer",
            "data-scientists-15-2051-00",
            "Data Scientists",
            "-a-",
            "a--b",
            "15-2051.00",
            "Café Analyst",
        ] {
            assert_eq!(role_key(name), crate::model::slugify(name), "{name}");
        }
    }

    #[test]
    fn soc_codes_are_recognised_with_or_without_their_suffix() {
        for key in ["15-2051", "15-2051-00"] {
            assert!(is_soc_code(key), "{key}");
        }
        for key in ["15-205", "ml-engineer", "15-2051-0", "aa-2051"] {
            assert!(!is_soc_code(key), "{key}");
        }
    }

    /// The bundled profiles, user profiles made of (id, title, aliases), and the embedded
    /// O*NET release.
    #[cfg(feature = "embedded")]
    fn with_embedded(users: &[(&str, &str, &[&str])]) -> Store {
        let mut entries = bundled_profiles().unwrap();
        for (id, title, aliases) in users {
            let json = serde_json::json!({
                "id": id, "title": title, "summary": "Mine.", "aliases": aliases,
            });
            entries.push(Entry {
                profile: serde_json::from_value(json).unwrap(),
                origin: Origin::User {
                    path: PathBuf::from(format!("{id}.json")),
                },
            });
        }
        Store::new(entries, bundled_vocabulary().unwrap()).with_onet(None, true)
    }

    #[cfg(feature = "embedded")]
    #[test]
    fn names_rank_ids_then_codes_then_aliases_then_titles_across_every_source() {
        let store = with_embedded(&[
            ("sparky", "Sparky", &["Electricians", "15-2051.00"]),
            ("mine", "Registered Nurses", &[]),
            ("nurse-aide", "Nurse Aide", &["Wind Whisperer"]),
        ]);
        let id_of = |q: &str| store.resolve(q).map(|e| e.profile.id.clone()).unwrap();
        // A bundled id, an O*NET id and an O*NET code beat a user's alias or title.
        assert_eq!(id_of("ml-engineer"), "ml-engineer");
        assert_eq!(id_of("electricians"), "electricians");
        assert_eq!(id_of("15-2051.00"), "data-scientists");
        assert_eq!(id_of("Registered Nurses"), "registered-nurses");
        // A user's own alias and id find it (an O*NET title is its id, so never ranks lower).
        assert_eq!(id_of("Wind Whisperer"), "nurse-aide");
        assert_eq!(id_of("sparky"), "sparky");
        assert!(matches!(
            store.resolve("electricians").unwrap().origin,
            Origin::Onet { .. }
        ));
    }

    /// A 6-digit SOC code is its `.00` occupation, unless a profile is named by that code.
    #[cfg(feature = "embedded")]
    #[test]
    fn a_six_digit_code_is_its_occupation_unless_a_profile_is_named_by_it() {
        let id_of = |store: &Store, q: &str| store.resolve(q).map(|e| e.profile.id.clone());
        let store = with_embedded(&[]);
        assert_eq!(id_of(&store, "15-2051").unwrap(), "data-scientists");
        assert_eq!(id_of(&store, "29-1141").unwrap(), "registered-nurses");
        let store = with_embedded(&[("mine", "Mine", &["29-1141"])]);
        assert_eq!(id_of(&store, "29-1141").unwrap(), "mine");
        assert_eq!(id_of(&store, "29-1141.00").unwrap(), "registered-nurses");
    }

    #[cfg(feature = "embedded")]
    #[test]
    fn an_occupation_whose_id_a_profile_has_keeps_its_code_in_its_id() {
        let store = with_embedded(&[("data-scientists", "Mine", &[])]);
        let mine = store.resolve("data-scientists").unwrap();
        assert!(matches!(mine.origin, Origin::User { .. }));
        let onet = store.resolve("15-2051.00").unwrap();
        assert_eq!(onet.profile.id, "data-scientists-15-2051-00");
        assert_eq!(onet.profile.title, "Data Scientists");
        assert_eq!(
            store.onet_id("15-2051.00"),
            Some("data-scientists-15-2051-00")
        );
        let ids: Vec<&str> = store.ids().collect();
        assert_eq!(ids.len(), 5 + 1 + 1016);
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ids.len());
    }

    #[test]
    fn an_unknown_role_suggests_the_nearest() {
        let store = Store::bundled().unwrap();
        match store.resolve("ml-enginer") {
            Err(CareersError::UnknownRole { suggestions, .. }) => {
                assert_eq!(suggestions[0], "ml-engineer");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn every_bundled_skill_is_in_the_vocabulary_with_its_category() {
        let store = Store::bundled().unwrap();
        let vocab = store.vocabulary();
        for e in store.entries() {
            for s in &e.profile.skills {
                let known = vocab.resolve(&s.name).unwrap_or_else(|| {
                    panic!("{}: skill {} not in vocabulary", e.profile.id, s.name)
                });
                assert_eq!(
                    known.name, s.name,
                    "{}: use the canonical name",
                    e.profile.id
                );
                if let Some(cat) = s.category {
                    assert_eq!(known.category, cat, "{}: {}", e.profile.id, s.name);
                }
            }
            for group in e.profile.market.iter().flat_map(|m| &m.in_demand_skills) {
                for s in &group.skills {
                    let known = vocab.resolve(&s.name).unwrap_or_else(|| {
                        panic!(
                            "{}: in-demand skill {} not in vocabulary",
                            e.profile.id, s.name
                        )
                    });
                    assert_eq!(known.name, s.name);
                }
            }
        }
    }
}
