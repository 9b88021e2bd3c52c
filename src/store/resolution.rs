//! Finding a role by a name from the command line: exactly by key, by a short SOC code, by a
//! plural or an O*NET alternate or reported title, and the error when none or several answer.

use serde::Serialize;

use super::{Entry, Origin, Store};
use crate::error::{CareersError, OnetHint, suggest};
use crate::model::{role_key, singular_key};

/// The O*NET title a name found its occupation by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FoundByTitle {
    /// As O*NET writes it: "Software Engineer".
    pub title: String,
    /// An alternate title (O*NET's Alternate Titles) rather than a reported one.
    pub alternate: bool,
}

/// Whether `key` (a [`role_key`]) is an O*NET-SOC code, with or without its suffix.
pub(super) fn is_soc_code(key: &str) -> bool {
    let b = key.as_bytes();
    let digits = |r: &[u8]| r.iter().all(u8::is_ascii_digit);
    (b.len() == 7 || (b.len() == 10 && b[7] == b'-' && digits(&b[8..])))
        && b[2] == b'-'
        && digits(&b[..2])
        && digits(&b[3..7])
}

/// The key of the `.00` occupation of `query` when it is a 6-digit SOC code as typed
/// ("15-2051" is "15-2051-00").
fn dot_zero_key(query: &str) -> Option<String> {
    if query.len() != 7 || !is_soc_code(query) {
        return None;
    }
    let mut key = String::with_capacity(10);
    key.push_str(query);
    key.push_str("-00");
    Some(key)
}

impl Store {
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
        // A 6-digit SOC code ("15-2051") that names no profile is its `.00` occupation: looked
        // up under that occupation's key at once, so that it costs no more than the code in full.
        if !self.short_code_keys
            && self.broken.is_empty()
            && let Some(full) = dot_zero_key(query)
            && let Some(i) = self.position_of(&full)
        {
            return Ok((self.entry_at(i), None));
        }
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
            () if self.onet.is_some() => OnetHint::None,
            () if is_soc_code(&key) => OnetHint::CodeNotImported,
            () if suggestions.is_empty() => OnetHint::NotImported,
            () => OnetHint::None,
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
        let Some(full) = dot_zero_key(key) else {
            return Ok(None);
        };
        if let Some(i) = self.position_of(&full) {
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
}
