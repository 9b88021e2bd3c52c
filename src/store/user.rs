//! Profiles the user writes: every `*.json` file in the profiles folder of the data directory.
//! A broken file never takes the others down: it is set aside with its problems.
//!
//! Start-up costs a listing of the folder and a look at each file's stamp: a file the
//! [index](super::profile_index) has seen with the same stamp is neither read nor checked
//! again, and its profile is read when a command first asks for it. Every other file is read
//! and checked once, and the index rewritten.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::profile_index::{self, Outcome, Record, Stamp};
use super::{Entry, Origin, ProfileNames, StoreProfile};
use crate::fsutil::{ReadError, read_bounded_with_metadata};
use crate::model::Profile;
use crate::model::salary::thousands;
use crate::validate::{Diagnostic, MAX_FILE_BYTES, check_bytes};

/// A file that could not be loaded, with every problem found in it.
#[derive(Debug, Clone)]
pub struct BrokenFile {
    pub path: PathBuf,
    /// The id the file is meant to define: its `id` field if readable, else its file name.
    pub id_hint: String,
    pub problems: Vec<Diagnostic>,
}

/// What a profiles folder holds.
#[derive(Debug, Default)]
pub struct UserProfiles {
    pub profiles: Vec<StoreProfile>,
    pub broken: Vec<BrokenFile>,
}

/// A user's file whose profile is read when a command first asks for it: the index vouched
/// for it at start-up, by its stamp then.
#[derive(Debug, Clone)]
pub struct Deferred {
    pub path: PathBuf,
    stamp: Stamp,
}

/// Reads and checks one profile file. Fast when the file is sound; every problem when not.
pub fn read_profile(path: &Path) -> Result<Profile, Vec<Diagnostic>> {
    read_profile_stamped(path).0
}

/// [`read_profile`], with the stamp of the bytes it read when it is a regular file.
fn read_profile_stamped(path: &Path) -> (Result<Profile, Vec<Diagnostic>>, Option<Stamp>) {
    match read_profile_bytes(path) {
        Ok((bytes, stamp)) => (check_profile_bytes(&bytes), stamp),
        Err(message) => (
            Err(vec![Diagnostic {
                line: None,
                column: None,
                path: String::new(),
                message,
            }]),
            None,
        ),
    }
}

/// Checks the bytes of a profile file in one parse when they are sound; the full check runs
/// only to explain a failure. (Every object of a profile is a struct that refuses unknown
/// fields, so the parse refuses a key given twice, as the full check does.)
fn check_profile_bytes(bytes: &[u8]) -> Result<Profile, Vec<Diagnostic>> {
    if let Ok(profile) = serde_json::from_slice::<Profile>(bytes)
        && profile.problems().is_empty()
        && crate::validate::sound_as_file(&profile)
    {
        return Ok(profile);
    }
    check_bytes(bytes)
}

/// The bytes of a profile file and its stamp, or the one-line reason it is refused unread: not
/// a regular file (a FIFO would hang the read, a device would never end it) or over
/// [`MAX_FILE_BYTES`].
fn read_profile_bytes(path: &Path) -> Result<(Vec<u8>, Option<Stamp>), String> {
    read_bounded_with_metadata(path, MAX_FILE_BYTES)
        .map(|(bytes, meta)| (bytes, Stamp::of(&meta)))
        .map_err(|e| match e {
            ReadError::Directory => "is a directory, not a profile file".to_owned(),
            ReadError::TooLarge { len, max } => format!(
                "is {}; a profile file may be at most {} bytes",
                len.map_or_else(
                    || format!("over {} bytes", thousands(max)),
                    |len| format!("{} bytes", thousands(len))
                ),
                thousands(max)
            ),
            other => other.to_string(),
        })
}

/// The OS error without Rust's " (os error N)" suffix, which means nothing to a user.
pub fn io_reason(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// The id a file means to define, for telling a user which role a broken file would have held.
fn id_hint(path: &Path) -> String {
    let from_field = read_profile_bytes(path)
        .ok()
        .and_then(|(b, _)| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .and_then(|v| v.get("id").and_then(|id| id.as_str().map(str::to_owned)));
    from_field.unwrap_or_else(|| {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    })
}

/// The `*.json` paths in `dir`, sorted by name; nothing when the folder does not exist.
pub fn profile_paths(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let read = match fs::read_dir(dir) {
        Ok(read) => read,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut paths: Vec<PathBuf> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case("json"))
        })
        .collect();
    paths.sort();
    Ok(paths)
}

/// Loads the profile files `paths` of the profiles folder of `data_dir` (as
/// [`profile_paths`] lists them), through the folder's index: a file it has seen with the same
/// stamp is not read; its profile is, when a command asks for it. A later file with an id
/// already taken is set aside. The index is rewritten when what it would say has changed.
pub fn load_folder(data_dir: &Path, paths: &[PathBuf]) -> UserProfiles {
    let index_path = crate::datadir::paths::profile_index(data_dir);
    let mut index = if paths.is_empty() {
        HashMap::new()
    } else {
        profile_index::read(&index_path)
    };
    let known = index.len();
    let now = std::time::SystemTime::now();
    let mut records: Vec<Record> = Vec::with_capacity(paths.len());
    let mut reused = 0;
    let mut out = UserProfiles::default();
    let mut first_file_of: HashMap<String, usize> = HashMap::with_capacity(paths.len());
    for (at, path) in paths.iter().enumerate() {
        let name = path
            .file_name()
            .map(|n| n.as_encoded_bytes().to_vec())
            .unwrap_or_default();
        let seen = fs::metadata(path)
            .ok()
            .and_then(|meta| Stamp::of(&meta))
            .and_then(|stamp| index.remove(&name).filter(|r| r.stamp == stamp));
        let (outcome, read, stamp) = match seen {
            Some(record) => {
                reused += 1;
                (record.outcome, None, Some(record.stamp))
            }
            None => {
                let (checked, stamp) = read_profile_stamped(path);
                let outcome = match &checked {
                    Ok(profile) => Outcome::Sound(ProfileNames::of(profile)),
                    Err(problems) => Outcome::Broken {
                        id_hint: id_hint(path),
                        problems: problems.iter().map(Into::into).collect(),
                    },
                };
                (outcome, checked.ok(), stamp)
            }
        };
        if let Some(stamp) = stamp.filter(|s| s.settled(now)) {
            records.push(Record {
                name,
                stamp,
                outcome: outcome.clone(),
            });
        }
        match outcome {
            Outcome::Broken { id_hint, problems } => out.broken.push(BrokenFile {
                path: path.clone(),
                id_hint,
                problems: problems.iter().map(Into::into).collect(),
            }),
            Outcome::Sound(names) => {
                if let Some(&first) = first_file_of.get(&names.id) {
                    out.broken.push(BrokenFile {
                        path: path.clone(),
                        id_hint: names.id.clone(),
                        problems: vec![Diagnostic {
                            line: None,
                            column: None,
                            path: "id".into(),
                            message: format!(
                                "\"{}\" is already defined in {}",
                                names.id,
                                paths[first].display()
                            ),
                        }],
                    });
                    continue;
                }
                first_file_of.insert(names.id.clone(), at);
                out.profiles.push(match (read, stamp) {
                    (Some(profile), _) => StoreProfile::Read(Box::new(Entry {
                        profile,
                        origin: Origin::User { path: path.clone() },
                    })),
                    (None, Some(stamp)) => StoreProfile::Deferred {
                        names,
                        file: Deferred {
                            path: path.clone(),
                            stamp,
                        },
                    },
                    (None, None) => unreachable!("a file the index vouched for has its stamp"),
                });
            }
        }
    }
    // Rewritten only when it would say something else: a file new, changed or gone, or one
    // that has settled since.
    if reused != records.len() || reused != known {
        profile_index::write(&index_path, records);
    }
    out
}

/// Reads the profile of a file the index vouched for at start-up. When the file has changed
/// since (its stamp differs, or it no longer holds that profile), the error holds the profile as
/// the file has it now if it is still sound and the same profile, else a stand-in with the
/// names alone.
pub(crate) fn read_deferred(file: &Deferred, names: &ProfileNames) -> Result<Entry, Box<Entry>> {
    let entry = |profile| Entry {
        profile,
        origin: Origin::User {
            path: file.path.clone(),
        },
    };
    let read = read_profile_bytes(&file.path);
    if let Ok((bytes, Some(stamp))) = &read
        && *stamp == file.stamp
        && let Ok(profile) = serde_json::from_slice::<Profile>(bytes)
        && profile.id == names.id
    {
        return Ok(entry(profile));
    }
    let now = read
        .ok()
        .and_then(|(bytes, _)| check_profile_bytes(&bytes).ok())
        .filter(|p| p.id == names.id);
    Err(Box::new(entry(now.unwrap_or_else(|| {
        let stand_in = serde_json::json!({
            "id": names.id,
            "title": names.title,
            "summary": "",
            "aliases": names.aliases,
        });
        serde_json::from_value(stand_in).expect("a profile of names alone")
    }))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    /// `value` as JSON text, with the first key of its `target`th non-empty object (counted
    /// depth first) written twice.
    fn with_a_key_twice(value: &Value, target: usize, seen: &mut usize, out: &mut String) {
        match value {
            Value::Object(map) if !map.is_empty() => {
                let twice = *seen == target;
                *seen += 1;
                out.push('{');
                for (n, (key, item)) in map.iter().enumerate() {
                    if n > 0 {
                        out.push(',');
                    }
                    out.push_str(&serde_json::to_string(key).unwrap());
                    out.push(':');
                    with_a_key_twice(item, target, seen, out);
                    if twice && n == 0 {
                        out.push(',');
                        out.push_str(&serde_json::to_string(key).unwrap());
                        out.push(':');
                        out.push_str(&item.to_string());
                    }
                }
                out.push('}');
            }
            Value::Array(items) => {
                out.push('[');
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        out.push(',');
                    }
                    with_a_key_twice(item, target, seen, out);
                }
                out.push(']');
            }
            other => out.push_str(&other.to_string()),
        }
    }

    /// The one parse of a sound file stands in for the full check's refusal of a key given
    /// twice: every object of every curated profile, with one key twice, fails it.
    #[test]
    fn a_key_given_twice_anywhere_fails_the_parse() {
        let mut objects = 0;
        for (file, text) in crate::store::BUNDLED_FILES {
            let value: Value = serde_json::from_str(text).unwrap();
            assert!(check_profile_bytes(value.to_string().as_bytes()).is_ok());
            for target in 0.. {
                let (mut seen, mut out) = (0, String::new());
                with_a_key_twice(&value, target, &mut seen, &mut out);
                if target >= seen {
                    break;
                }
                objects += 1;
                assert!(
                    serde_json::from_str::<Profile>(&out).is_err(),
                    "{file}: object {target} with a key twice parsed"
                );
                let problems = check_profile_bytes(out.as_bytes()).unwrap_err();
                assert!(
                    problems[0].message.starts_with("duplicate key"),
                    "{file}: {problems:?}"
                );
            }
        }
        assert!(objects > 300, "{objects} objects");
    }
}
