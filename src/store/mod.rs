//! Where profiles come from and how a name on the command line finds one. Bundled profiles are
//! compiled into the binary; later sources replace a bundled profile with the same id.

pub mod bls_codes;
mod bundled;
pub mod codes;
pub mod embedded;
pub mod find;
pub mod matching;
pub mod prices;
pub mod profile_index;
mod profiles;
pub mod projections;
pub mod ratings;
pub mod user;
pub mod wages;
pub mod where_rank;

/// O*NET's word index of titles, tasks and technology, which `search` scores against.
pub mod words {
    pub use crate::onet::words::{Kinds, TextKind, WordIndex};
}

use std::collections::HashMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::error::{CareersError, OnetHint, suggest};
use crate::model::{Problem, Profile, Vocabulary, role_key, singular_key};

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

/// The O*NET title a name found its occupation by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FoundByTitle {
    /// As O*NET writes it: "Software Engineer".
    pub title: String,
    /// An alternate title (O*NET's Alternate Titles) rather than a reported one.
    pub alternate: bool,
}

/// A profile and where it came from.
#[derive(Debug, Clone)]
pub struct Entry {
    pub profile: Profile,
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
    /// The places its pay figures name, in order (`salary --city` knows them as places).
    #[serde(default)]
    pub places: Vec<String>,
    /// Whether it has a pay figure.
    #[serde(default)]
    pub has_figures: bool,
    /// The keys of the id, the title and each alias, in that order.
    keys: Vec<String>,
    /// The keys of the O*NET-SOC codes that name it: its O*NET occupation's, and its `codes`
    /// when it has one.
    code_keys: Vec<String>,
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
                .filter_map(|f| f.location.clone())
                .collect(),
            p.salary.as_ref().is_some_and(|s| !s.figures.is_empty()),
            p.onet.as_ref().map(|onet| {
                let mut codes: Vec<String> = p.codes.iter().map(|c| c.code.clone()).collect();
                codes.push(onet.code.clone());
                codes
            }),
        )
    }

    /// The names of a profile from its parts: `codes`, when it has an O*NET occupation, are
    /// its `codes` then its occupation's.
    fn from_parts(
        id: String,
        title: String,
        aliases: Vec<String>,
        refs: Vec<(String, String)>,
        places: Vec<String>,
        has_figures: bool,
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
            places,
            has_figures,
            keys,
            code_keys,
        }
    }

    fn id_key(&self) -> &str {
        &self.keys[0]
    }

    fn title_key(&self) -> &str {
        &self.keys[1]
    }

    /// Each alias with its key.
    fn aliases_keyed(&self) -> impl Iterator<Item = (&str, &str)> {
        self.aliases
            .iter()
            .zip(&self.keys[2..])
            .map(|(a, k)| (a.as_str(), k.as_str()))
    }
}

/// A hash map keyed by names the store made (ids and keys of the profiles on this machine): a
/// fast hash, since thousands of user profiles are keyed on every run and nobody gains by
/// colliding their own names.
pub(crate) type NameMap<V> = HashMap<String, V, std::hash::BuildHasherDefault<NameHasher>>;

/// FxHash, as rustc uses for its own tables: a word at a time, one multiply each.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct NameHasher(u64);

impl std::hash::Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        let mut last = [0u8; 8];
        let rest = chunks.remainder();
        last[..rest.len()].copy_from_slice(rest);
        self.0 =
            (self.0.rotate_left(5) ^ u64::from_le_bytes(last) ^ rest.len() as u64).wrapping_mul(K);
    }

    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A bundled or user profile of the store: its names always, the whole profile once asked for.
#[derive(Debug)]
struct Authored {
    names: ProfileNames,
    entry: std::sync::OnceLock<Entry>,
    /// Where to read the profile from on first use, when it was not read at start-up.
    deferred: Option<Later>,
}

/// Where a profile not read at start-up is read from.
#[derive(Debug)]
enum Later {
    /// A user's file.
    File(user::Deferred),
    /// A curated profile of the binary.
    Bundled(BundledProfile),
}

impl Authored {
    /// Where the profile comes from, without reading it.
    fn origin(&self) -> Origin {
        match (&self.deferred, self.entry.get()) {
            (Some(Later::File(file)), _) => Origin::User {
                path: file.path.clone(),
            },
            (Some(Later::Bundled(profile)), _) => profile.origin(),
            (None, Some(entry)) => entry.origin.clone(),
            (None, None) => unreachable!("a profile without a file was read at start-up"),
        }
    }
}

/// A profile for [`Store::from_profiles`]: read already, or to be read from its file when a
/// command first asks for it.
#[derive(Debug)]
pub enum StoreProfile {
    Read(Box<Entry>),
    Deferred {
        names: ProfileNames,
        file: user::Deferred,
    },
    /// A curated profile of the binary, read on first use.
    Bundled {
        names: ProfileNames,
        profile: BundledProfile,
    },
}

/// The curated profiles for [`Store::from_profiles`], their names read and the rest on first
/// use.
pub fn bundled_store_profiles() -> anyhow::Result<Vec<StoreProfile>> {
    bundled::bundled()
        .map(|profile| {
            Ok(StoreProfile::Bundled {
                names: profile.names()?,
                profile,
            })
        })
        .collect()
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

/// The O*NET occupations of the store.
#[derive(Debug)]
struct OnetLayer {
    stored: crate::onet::storage::Stored,
    /// The occupations whose id a profile already has, with the id each has in the store
    /// instead: its own with its code appended.
    renamed: Vec<(usize, String)>,
    /// Each occupation's profile, made the first time it is asked for.
    entries: Vec<std::sync::OnceLock<Entry>>,
    /// What every occupation's profile says of its source: made once, copied into each.
    document: String,
    version: String,
}

/// Whether `key` (a [`role_key`]) is an O*NET-SOC code, with or without its suffix.
fn is_soc_code(key: &str) -> bool {
    let b = key.as_bytes();
    let digits = |r: &[u8]| r.iter().all(u8::is_ascii_digit);
    (b.len() == 7 || (b.len() == 10 && b[7] == b'-' && digits(&b[8..])))
        && b[2] == b'-'
        && digits(&b[..2])
        && digits(&b[3..7])
}

impl OnetLayer {
    /// The store's id of the occupation at `p`.
    fn id(&self, p: usize) -> &str {
        self.renamed
            .iter()
            .find(|(q, _)| *q == p)
            .map_or(self.stored.names.get(p).id, |(_, id)| id.as_str())
    }

    /// The position of the occupation the store calls `id`.
    fn find_id(&self, id: &str) -> Option<usize> {
        if let Some((p, _)) = self.renamed.iter().find(|(_, new)| new == id) {
            return Some(*p);
        }
        self.stored
            .names
            .find_id(id)
            .filter(|p| !self.renamed.iter().any(|(q, _)| q == p))
    }

    fn ids(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|p| self.id(p))
    }

    fn len(&self) -> usize {
        self.stored.names.len()
    }
}

impl Store {
    /// How keys rank: ids win over codes, codes over aliases, aliases over titles, and within
    /// a layer the earlier profile wins.
    const KEY_LAYERS: u8 = 4;

    /// The bundled profiles and vocabulary.
    pub fn bundled() -> anyhow::Result<Store> {
        Ok(Store::new(bundled_profiles()?, bundled_vocabulary()?))
    }

    /// Builds the store; an entry replaces an earlier one with the same id.
    pub fn new(entries: Vec<Entry>, vocabulary: Vocabulary) -> Store {
        let store = Store::with_bundled_vocabulary(entries);
        // Just made: nothing has asked for the vocabulary yet.
        let _ = store.vocabulary.set(vocabulary);
        store
    }

    /// Builds the store with the bundled skill vocabulary, parsed only if a command asks for
    /// it (`list` and `show` of most roles never do).
    pub fn with_bundled_vocabulary(entries: Vec<Entry>) -> Store {
        Store::from_profiles(
            entries
                .into_iter()
                .map(|e| StoreProfile::Read(Box::new(e)))
                .collect(),
        )
    }

    /// Builds the store with the bundled skill vocabulary from profiles read already or to be
    /// read on first use; a profile replaces an earlier one with the same id.
    pub fn from_profiles(profiles: Vec<StoreProfile>) -> Store {
        let mut store = Store {
            entries: Vec::with_capacity(profiles.len()),
            ids: NameMap::with_capacity_and_hasher(profiles.len(), Default::default()),
            changed: std::sync::Mutex::new(Vec::new()),
            vocabulary: std::sync::OnceLock::new(),
            keys: NameMap::default(),
            all_keys: std::sync::OnceLock::new(),
            broken: Vec::new(),
            onet: None,
            imports_dir: None,
            wages: std::sync::OnceLock::new(),
            wages_fallback: std::sync::OnceLock::new(),
            projections: std::sync::OnceLock::new(),
            prices: std::sync::OnceLock::new(),
            place_names: std::sync::OnceLock::new(),
            bls_codes: std::sync::OnceLock::new(),
            embedded: false,
            onet_unreadable: None,
            onet_fell_back: false,
        };
        for profile in profiles {
            store.insert(profile);
        }
        store.reindex();
        store
    }

    fn insert(&mut self, profile: StoreProfile) {
        let authored = match profile {
            StoreProfile::Read(entry) => Authored {
                names: ProfileNames::of(&entry.profile),
                entry: std::sync::OnceLock::from(*entry),
                deferred: None,
            },
            StoreProfile::Deferred { names, file } => Authored {
                names,
                entry: std::sync::OnceLock::new(),
                deferred: Some(Later::File(file)),
            },
            StoreProfile::Bundled { names, profile } => Authored {
                names,
                entry: std::sync::OnceLock::new(),
                deferred: Some(Later::Bundled(profile)),
            },
        };
        match self.ids.get(&authored.names.id) {
            Some(&i) => self.entries[i] = authored,
            None => {
                self.ids
                    .insert(authored.names.id.clone(), self.entries.len());
                self.entries.push(authored);
            }
        }
    }

    /// The bundled or user profile at `i`, read from its file the first time it is asked for.
    /// A file that changed since start-up is read as it is now when it is still the same
    /// profile, and is otherwise represented by its names alone; either way
    /// [`Store::changed_files`] names it.
    fn authored_entry(&self, i: usize) -> &Entry {
        let authored = &self.entries[i];
        authored.entry.get_or_init(|| {
            let file = match authored.deferred.as_ref() {
                Some(Later::File(file)) => file,
                Some(Later::Bundled(profile)) => {
                    return profile
                        .read()
                        .expect("the bundled profiles parse, as their tests check");
                }
                None => unreachable!("a profile not read at start-up has its file"),
            };
            match user::read_deferred(file, &authored.names) {
                Ok(entry) => entry,
                Err(entry) => {
                    self.changed
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .push(file.path.clone());
                    *entry
                }
            }
        })
    }

    /// User files that changed while the command ran, after start-up checked them: what it
    /// printed may mix two versions of them, so it should be run again.
    pub fn changed_files(&self) -> Vec<std::path::PathBuf> {
        self.changed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// The keys of the bundled and user profiles, by layer.
    fn base_keys(&self) -> [Vec<(String, usize)>; Self::KEY_LAYERS as usize] {
        let mut layers: [Vec<(String, usize)>; Self::KEY_LAYERS as usize] = Default::default();
        for layer in &mut layers {
            layer.reserve(self.entries.len());
        }
        for (i, e) in self.entries.iter().enumerate() {
            let p = &e.names;
            layers[0].push((p.id_key().to_owned(), i));
            for code in &p.code_keys {
                layers[1].push((code.clone(), i));
            }
            for (_, key) in p.aliases_keyed() {
                layers[2].push((key.to_owned(), i));
            }
            layers[3].push((p.title_key().to_owned(), i));
        }
        layers
    }

    fn reindex(&mut self) {
        self.keys.clear();
        self.keys.reserve(self.entries.len() * 4);
        self.all_keys = std::sync::OnceLock::new();
        for (layer, keys) in (0u8..).zip(self.base_keys()) {
            // A name with no ASCII letter or digit has an empty key, which would match every
            // other such name: it finds nothing.
            for (key, i) in keys.into_iter().filter(|(key, _)| !key.is_empty()) {
                self.keys.entry(key).or_insert((i, layer));
            }
        }
    }

    /// Every key of every profile, the O*NET occupations' included.
    fn all_keys(&self) -> &HashMap<String, usize> {
        self.all_keys.get_or_init(|| {
            let mut layers = self.base_keys();
            if let Some(onet) = &self.onet {
                let base = self.entries.len();
                for (p, name) in onet.stored.names.iter().enumerate() {
                    layers[0].push((onet.id(p).to_owned(), base + p));
                    layers[1].push((role_key(name.code), base + p));
                    layers[3].push((role_key(name.title), base + p));
                }
            }
            let mut keys = HashMap::with_capacity(layers.iter().map(Vec::len).sum());
            for layer in layers {
                for (key, i) in layer.into_iter().filter(|(key, _)| !key.is_empty()) {
                    keys.entry(key).or_insert(i);
                }
            }
            keys
        })
    }

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

    /// The profile of the O*NET occupation at `p`, made on first use.
    fn onet_entry(&self, p: usize) -> &Entry {
        let onet = self
            .onet
            .as_ref()
            .expect("positions past the profiles are O*NET's");
        onet.entries[p].get_or_init(|| Entry {
            profile: crate::onet::light_profile(
                &onet.stored,
                p,
                onet.id(p).to_owned(),
                &onet.document,
            ),
            origin: Origin::Onet {
                version: onet.version.clone(),
            },
        })
    }

    /// The position of the profile `key` names exactly, ranked as [`Store::KEY_LAYERS`] says,
    /// read from the names alone: a role named by id, code or title costs no O*NET profile.
    fn position_of(&self, key: &str) -> Option<usize> {
        if key.is_empty() {
            return None;
        }
        let base = self.keys.get(key).copied();
        let onet = self.onet.as_ref();
        let offset = self.entries.len();
        if let Some((i, 0)) = base {
            return Some(i);
        }
        if let Some(p) = onet.and_then(|o| o.find_id(key)) {
            return Some(offset + p);
        }
        if let Some((i, 1)) = base {
            return Some(i);
        }
        if is_soc_code(key)
            && let Some(p) = onet.and_then(|o| {
                // The key of "15-2051.00" is "15-2051-00".
                let code = match key.split_at_checked(7) {
                    Some((head, tail)) if !tail.is_empty() => format!("{head}.{}", &tail[1..]),
                    _ => key.to_owned(),
                };
                o.stored.names.find_code(&code)
            })
        {
            return Some(offset + p);
        }
        if let Some((i, _)) = base {
            return Some(i);
        }
        // A code is no occupation's title: the titles are not read for it (`15-2051` cost 1.5
        // million instructions more than `15-2051.00` when they were).
        if is_soc_code(key) {
            return None;
        }
        onet.and_then(|o| o.stored.names.iter().position(|n| role_key(n.title) == key))
            .map(|p| offset + p)
    }

    /// Remembers user files that failed to load.
    pub fn set_broken(&mut self, broken: Vec<user::BrokenFile>) {
        self.broken = broken;
    }

    /// Whether the embedded datasets answer when nothing is imported: on unless
    /// `CAREERS_NO_EMBEDDED` is set, in builds that have them.
    pub fn embedded_enabled() -> bool {
        cfg!(feature = "embedded")
            && std::env::var_os("CAREERS_NO_EMBEDDED").is_none_or(|v| v.is_empty())
    }

    /// Adds the O*NET release in use: the import in `data_dir` if there is one, else the
    /// embedded release when `embedded`. Occupations never replace a profile already in the
    /// store: one whose id a profile already has (a user's profile named like it) gets its
    /// code appended to its id, as the import does for curated ids, so that its code still
    /// finds it.
    ///
    /// An import that cannot be opened (damaged, or stored by another version) is remembered,
    /// not fatal: the embedded release answers in its place, with a warning; without one the
    /// bundled and user profiles still answer, and [`Store::onet_required`] fails with the
    /// reason.
    pub fn with_onet(mut self, data_dir: Option<&std::path::Path>, embedded: bool) -> Store {
        self.embedded = embedded;
        let opened = data_dir.map_or(Ok(None), crate::onet::storage::open);
        let embedded_release = || embedded.then(crate::store::embedded::onet).flatten();
        // The one damaged-import rule: a warning naming the folder and the fix, and the
        // embedded release in the import's place.
        let chosen = crate::datadir::release::Layered::choose(opened, embedded_release, |s| {
            format!("O*NET {}", crate::onet::release(&s.manifest))
        });
        self.onet_fell_back = chosen.warning.is_some() && chosen.release.is_some();
        self.onet_unreadable = chosen.warning;
        let Some(stored) = chosen.release else {
            return self;
        };
        // A user's file that failed to load still claims its id: the error names the file.
        // Sorted, for a binary search per occupation: there are few profiles and many
        // occupations.
        let broken_ids: Vec<String> = self.broken.iter().map(|b| role_key(&b.id_hint)).collect();
        let mut taken: Vec<&str> = self
            .entries
            .iter()
            .map(|e| e.names.id.as_str())
            .chain(broken_ids.iter().map(String::as_str))
            .collect();
        taken.sort_unstable();
        // The occupations whose id a profile has, in index order.
        let mut clashes: Vec<usize> = taken
            .iter()
            .filter_map(|id| stored.names.find_id(id))
            .collect();
        clashes.sort_unstable();
        clashes.dedup();
        let mut renamed: Vec<(usize, String)> = Vec::new();
        for p in clashes {
            let n = stored.names.get(p);
            // Rare: its code appended, then a number until no profile or occupation has it.
            let base = format!("{}-{}", n.id, crate::model::slugify(n.code));
            let id = (1u32..)
                .map(|k| match k {
                    1 => base.clone(),
                    k => format!("{base}-{k}"),
                })
                .find(|id| {
                    taken.binary_search(&id.as_str()).is_err()
                        && !renamed.iter().any(|(_, r)| r == id)
                        && stored.names.find_id(id).is_none()
                })
                .unwrap_or_else(|| base.clone());
            renamed.push((p, id));
        }
        let entries = (0..stored.names.len())
            .map(|_| std::sync::OnceLock::new())
            .collect();
        self.onet = Some(OnetLayer {
            document: crate::onet::document(&stored.manifest),
            version: crate::onet::release(&stored.manifest),
            stored,
            renamed,
            entries,
        });
        self.all_keys = std::sync::OnceLock::new();
        self
    }

    /// Why the O*NET import could not be opened, when it could not.
    pub fn onet_unreadable(&self) -> Option<&str> {
        self.onet_unreadable.as_deref()
    }

    /// The O*NET import for a command that cannot answer without it: an error when the import
    /// is there but cannot be read, `None` when there is none.
    pub fn onet_required(&self) -> anyhow::Result<Option<&crate::onet::storage::Stored>> {
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
    pub fn onet(&self) -> Option<&crate::onet::storage::Stored> {
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
            .flat_map(|e| e.names.places.iter().map(String::as_str))
    }

    /// The ids of the bundled and user profiles that have a pay figure, without reading one.
    pub fn authored_with_figures(&self) -> impl Iterator<Item = &str> + '_ {
        self.entries
            .iter()
            .filter(|e| e.names.has_figures)
            .map(|e| e.names.id.as_str())
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

    /// The role `query` names exactly (id, alias, title or code, in any case), without
    /// looking for near misses: cheap enough to run over every link of every profile.
    pub fn lookup(&self, query: &str) -> Option<&Entry> {
        self.position_of(&role_key(query)).map(|i| self.entry_at(i))
    }

    /// Finds a role by id, alias, title or code, case-insensitively.
    pub fn resolve(&self, query: &str) -> Result<&Entry, CareersError> {
        self.resolve_noting(query).map(|(entry, _)| entry)
    }

    /// [`Store::resolve`], and the O*NET title the role was found by when the name is none of
    /// its own (`Software Engineer` is an alternate title of Software Developers).
    pub fn resolve_noting(
        &self,
        query: &str,
    ) -> Result<(&Entry, Option<FoundByTitle>), CareersError> {
        let key = role_key(query);
        let found = self.position_of(&key).map(|i| self.entry_at(i));
        // A broken user file stands for its role even where a bundled profile has the same id:
        // quietly answering from the bundled one would hide the user's own figures.
        let broken = self.broken.iter().find(|b| {
            let hint = role_key(&b.id_hint);
            !hint.is_empty()
                && (hint == key || found.is_some_and(|e| role_key(&e.profile.id) == hint))
        });
        if let Some(entry) = found
            && (broken.is_none() || matches!(entry.origin, Origin::User { .. }))
        {
            return Ok((entry, None));
        }
        if found.is_none() && broken.is_none() {
            if let Some(entry) = self.by_short_code(&key)? {
                return Ok((entry, None));
            }
            if let Some(found) = self.by_other_name(query)? {
                return Ok(found);
            }
        }
        if let Some(file) = broken {
            return Err(CareersError::BrokenProfile {
                query: query.to_owned(),
                path: file.path.clone(),
                problem: file
                    .problems
                    .first()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                more: file.problems.len().saturating_sub(1),
            });
        }
        let mut suggestions: Vec<String> = Vec::new();
        let keys = self.all_keys();
        for name in suggest(&key, keys.keys().map(String::as_str)) {
            let id = self.id_at(keys[&name]);
            if !suggestions.iter().any(|s| s == id) {
                suggestions.push(id.to_owned());
            }
        }
        if let Some(why) = self
            .onet_unreadable
            .as_ref()
            .filter(|_| !self.onet_fell_back)
        {
            return Err(CareersError::OnetUnreadable {
                query: query.to_owned(),
                why: why.clone(),
            });
        }
        let onet = match () {
            _ if self.onet.is_some() => OnetHint::None,
            _ if is_soc_code(&key) => OnetHint::CodeNotImported,
            _ if suggestions.is_empty() => OnetHint::NotImported,
            _ => OnetHint::None,
        };
        Err(CareersError::UnknownRole {
            query: query.to_owned(),
            suggestions,
            onet,
        })
    }

    /// The role a name finds once plurals are folded ("data scientist" is Data Scientists), or
    /// through an O*NET alternate or reported title (or the short form in its brackets: "UX
    /// Designer" of "User Experience Designer (UX Designer)"). When several occupations have the
    /// title and the own title of only one shares a word with the name, that one is clearly
    /// meant ("ux designer" is Web and Digital Interface Designers, not Software Quality
    /// Assurance Analysts); otherwise a name several roles answer to is an error that lists the
    /// best readings.
    fn by_other_name(
        &self,
        query: &str,
    ) -> Result<Option<(&Entry, Option<FoundByTitle>)>, CareersError> {
        let folded = singular_key(query);
        if folded.is_empty() {
            return Ok(None);
        }
        let mut hits: Vec<(usize, String)> = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            let p = &e.names;
            if singular_key(&p.id) == folded || singular_key(&p.title) == folded {
                hits.push((i, "title".to_owned()));
            } else if let Some(a) = p.aliases.iter().find(|a| singular_key(a) == folded) {
                hits.push((i, format!("alias \"{a}\"")));
            }
        }
        let offset = self.entries.len();
        if let Some(onet) = &self.onet {
            for (p, name) in onet.stored.names.iter().enumerate() {
                if singular_key(onet.id(p)) == folded || singular_key(name.title) == folded {
                    hits.push((offset + p, "title".to_owned()));
                }
            }
        }
        let mut titles: Vec<(usize, String)> = Vec::new();
        if hits.is_empty()
            && let Some(onet) = &self.onet
        {
            // Read only on a miss: the titles are in the search file, not the names. A file
            // that cannot be read leaves the name unknown; `list --skill` reports the damage.
            let stored = &onet.stored;
            let file = stored.search_file().ok();
            let records = file
                .as_ref()
                .and_then(|f| stored.search_records(f).ok())
                .unwrap_or_default();
            for (pos, record) in records.iter().enumerate() {
                // "Licensed Practical Nurse (LPN)" is also "Licensed Practical Nurse", and
                // "User Experience Designer (UX Designer)" also "UX Designer".
                let forms = |t: &str| -> [Option<String>; 2] {
                    match t.split_once(" (") {
                        Some((head, rest)) => [
                            Some(singular_key(head)),
                            rest.strip_suffix(')').map(singular_key),
                        ],
                        None => [None, None],
                    }
                };
                if let Some(t) = record.titles.iter().find(|t| {
                    singular_key(t) == folded || forms(t).iter().flatten().any(|f| *f == folded)
                }) {
                    hits.push((offset + pos, format!("O*NET title \"{t}\"")));
                    titles.push((offset + pos, (*t).to_owned()));
                }
            }
        }
        // The occupations whose own title shares a word with the name come first.
        let words: Vec<&str> = folded.split('-').collect();
        let shares = |i: usize| {
            singular_key(&self.entry_at(i).profile.title)
                .split('-')
                .any(|w| words.contains(&w))
        };
        let sharing: Vec<usize> = hits
            .iter()
            .map(|(i, _)| *i)
            .filter(|&i| shares(i))
            .collect();
        let one = match (hits.as_slice(), sharing.as_slice()) {
            ([], _) => return Ok(None),
            ([(i, _)], _) => *i,
            (_, [i]) if !titles.is_empty() => *i,
            _ => {
                hits.sort_by_cached_key(|(i, _)| {
                    (!shares(*i), self.entry_at(*i).profile.id.clone())
                });
                return Err(self.ambiguous(query, &hits));
            }
        };
        let by_title = titles.iter().find(|(i, _)| *i == one).map(|(i, t)| {
            let alternate = self
                .onet
                .as_ref()
                .and_then(|o| o.stored.details(i - offset).ok())
                .is_some_and(|d| d.alternate_titles.iter().any(|a| a == t));
            FoundByTitle {
                title: t.clone(),
                alternate,
            }
        });
        Ok(Some((self.entry_at(one), by_title)))
    }

    /// The error for a name several roles answer to: each as "id (code, why)", by id.
    fn ambiguous(&self, query: &str, hits: &[(usize, String)]) -> CareersError {
        let mut candidates: Vec<(&str, String)> = hits
            .iter()
            .map(|(i, why)| {
                let p = &self.entry_at(*i).profile;
                let code = p.onet.as_ref().map(|o| format!("{}, ", o.code));
                (
                    p.id.as_str(),
                    format!("{} ({}{why})", p.id, code.unwrap_or_default()),
                )
            })
            .collect();
        let mut seen = std::collections::HashSet::new();
        candidates.retain(|(id, _)| seen.insert(*id));
        CareersError::AmbiguousRole {
            query: query.to_owned(),
            candidates: candidates.into_iter().map(|(_, c)| c).collect(),
        }
    }

    /// The occupation an O*NET-SOC code without its two-digit suffix names: `15-2051` is
    /// `15-2051.00` (the SOC occupation itself) when the release has it, else the one
    /// occupation with that prefix; several without a `.00` are an error that lists them.
    fn by_short_code(&self, key: &str) -> Result<Option<&Entry>, CareersError> {
        let b = key.as_bytes();
        let short =
            b.len() == 7 && b[2] == b'-' && b[..2].iter().chain(&b[3..]).all(u8::is_ascii_digit);
        if !short {
            return Ok(None);
        }
        if let Some(i) = self.position_of(&format!("{key}-00")) {
            return Ok(Some(self.entry_at(i)));
        }
        let Some(onet) = &self.onet else {
            return Ok(None);
        };
        let prefix = format!("{key}.");
        let matches: Vec<usize> = onet.stored.names.with_code_prefix(&prefix).collect();
        match matches.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(self.onet_entry(*one))),
            several => Err(CareersError::AmbiguousRole {
                query: key.to_owned(),
                candidates: several
                    .iter()
                    .map(|&p| {
                        let n = onet.stored.names.get(p);
                        format!("{} ({}, {})", onet.id(p), n.code, n.title)
                    })
                    .collect(),
            }),
        }
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
            HashMap::with_capacity_and_hasher(self.entries.len() * 2, Default::default());
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
                assert_eq!(suggestions[0], "ml-engineer")
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
