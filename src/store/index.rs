//! The index from each id, code, alias and title key to its profile, and the exact lookup of a
//! key through it.

use std::collections::HashMap;

use super::Store;
use super::resolution::is_soc_code;
use crate::model::role_key;

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

impl Store {
    /// How keys rank: ids win over codes, codes over aliases, aliases over titles, and within
    /// a layer the earlier profile wins.
    pub(super) const KEY_LAYERS: u8 = 4;

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

    pub(super) fn reindex(&mut self) {
        self.keys.clear();
        self.keys.reserve(self.entries.len() * 4);
        self.all_keys = std::sync::OnceLock::new();
        self.short_code_keys = false;
        for (layer, keys) in (0u8..).zip(self.base_keys()) {
            // A name with no ASCII letter or digit has an empty key, which would match every
            // other such name: it finds nothing.
            for (key, i) in keys.into_iter().filter(|(key, _)| !key.is_empty()) {
                self.short_code_keys |= key.len() == 7 && is_soc_code(&key);
                self.keys.entry(key).or_insert((i, layer));
            }
        }
    }

    /// Every key of every profile, the O*NET occupations' included.
    pub(super) fn all_keys(&self) -> &HashMap<String, usize> {
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

    /// The position of the profile `key` names exactly, ranked as [`Store::KEY_LAYERS`] says,
    /// read from the names alone: a role named by id, code or title costs no O*NET profile.
    pub(super) fn position_of(&self, key: &str) -> Option<usize> {
        if key.is_empty() {
            return None;
        }
        // A 6-digit SOC code ("15-2051") is no O*NET id (a title's words) and no O*NET-SOC
        // code (which has two more digits): only a profile's own name can be it.
        let short = key.len() == 7 && is_soc_code(key);
        if short && !self.short_code_keys {
            return None;
        }
        let base = self.keys.get(key).copied();
        let onet = self.onet.as_ref();
        let offset = self.entries.len();
        if let Some((i, 0)) = base {
            return Some(i);
        }
        if short {
            return base.map(|(i, _)| i);
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
}
