//! The store's layers and how they are put together: the bundled and user profiles (each read
//! on first use), and the O*NET release in use (the import, else the embedded one).

use super::entry::{Entry, Origin, ProfileNames};
use super::index::NameMap;
use super::{BundledProfile, Store, bundled, bundled_profiles, bundled_vocabulary, user};
use crate::model::{Vocabulary, role_key};

/// A bundled or user profile of the store: its names always, the whole profile once asked for.
#[derive(Debug)]
pub(super) struct Authored {
    pub(super) names: ProfileNames,
    pub(super) entry: std::sync::OnceLock<Entry>,
    /// Where to read the profile from on first use, when it was not read at start-up.
    pub(super) deferred: Option<Later>,
}

/// Where a profile not read at start-up is read from.
#[derive(Debug)]
pub(super) enum Later {
    /// A user's file.
    File(user::Deferred),
    /// A curated profile of the binary.
    Bundled(BundledProfile),
}

impl Authored {
    /// Where the profile comes from, without reading it.
    pub(super) fn origin(&self) -> Origin {
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

/// The O*NET occupations of the store.
#[derive(Debug)]
pub(super) struct OnetLayer {
    pub(super) stored: crate::onet::storage::OnetRelease,
    /// The occupations whose id a profile already has, with the id each has in the store
    /// instead: its own with its code appended.
    pub(super) renamed: Vec<(usize, String)>,
    /// Each occupation's profile, made the first time it is asked for.
    pub(super) entries: Vec<std::sync::OnceLock<Entry>>,
    /// What every occupation's profile says of its source: made once, copied into each.
    pub(super) document: String,
    pub(super) version: String,
}

impl OnetLayer {
    /// The store's id of the occupation at `p`.
    pub(super) fn id(&self, p: usize) -> &str {
        self.renamed
            .iter()
            .find(|(q, _)| *q == p)
            .map_or(self.stored.names.get(p).id, |(_, id)| id.as_str())
    }

    /// The position of the occupation the store calls `id`.
    pub(super) fn find_id(&self, id: &str) -> Option<usize> {
        if let Some((p, _)) = self.renamed.iter().find(|(_, new)| new == id) {
            return Some(*p);
        }
        self.stored
            .names
            .find_id(id)
            .filter(|p| !self.renamed.iter().any(|(q, _)| q == p))
    }

    pub(super) fn ids(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|p| self.id(p))
    }

    pub(super) fn len(&self) -> usize {
        self.stored.names.len()
    }
}

impl Store {
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
            ids: NameMap::with_capacity_and_hasher(
                profiles.len(),
                std::hash::BuildHasherDefault::default(),
            ),
            changed: std::sync::Mutex::new(Vec::new()),
            vocabulary: std::sync::OnceLock::new(),
            keys: NameMap::default(),
            short_code_keys: false,
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
        if let Some(&i) = self.ids.get(&authored.names.id) {
            self.entries[i] = authored;
        } else {
            self.ids
                .insert(authored.names.id.clone(), self.entries.len());
            self.entries.push(authored);
        }
    }

    /// The bundled or user profile at `i`, read from its file the first time it is asked for.
    /// A file that changed since start-up is read as it is now when it is still the same
    /// profile, and is otherwise represented by its names alone; either way
    /// [`Store::changed_files`] names it.
    pub(super) fn authored_entry(&self, i: usize) -> &Entry {
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

    /// The profile of the O*NET occupation at `p`, made on first use.
    pub(super) fn onet_entry(&self, p: usize) -> &Entry {
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
    #[must_use]
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
            #[allow(
                clippy::maybe_infinite_iter,
                reason = "one of the first few numbers is free"
            )]
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
}
