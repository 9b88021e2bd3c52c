//! Profiles the user writes: every `*.json` file in the profiles folder of the data directory.
//! A broken file never takes the others down: it is set aside with its problems.
//!
//! Start-up costs a listing of the folder and a look at each file's stamp: a file the
//! [index](super::profile_index) has seen with the same stamp is neither read nor checked
//! again, and its profile is read when a command first asks for it. Every other file is read
//! and checked once, and the index rewritten.

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

/// Whether an entry of the profiles folder is taken for a profile file, whatever it is: its
/// name ends in `.json`, in any case.
pub fn is_profile_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("json"))
}

/// The bytes of a path's file name.
fn name_bytes(path: &Path) -> &[u8] {
    path.file_name().map_or(&[], |n| n.as_encoded_bytes())
}

/// The `*.json` paths in `dir`, in the order of their names' bytes; nothing when the folder
/// does not exist.
pub fn profile_paths(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let read = match fs::read_dir(dir) {
        Ok(read) => read,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut paths: Vec<PathBuf> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| is_profile_name(p))
        .collect();
    // By bytes: every path is `dir` and a name, so this is the order of the names' bytes, the
    // order `Path` sorts them in, without taking each path apart into components.
    paths.sort_unstable_by(|a, b| {
        a.as_os_str()
            .as_encoded_bytes()
            .cmp(b.as_os_str().as_encoded_bytes())
    });
    Ok(paths)
}

/// Loads the profile files `paths` of the profiles folder of `data_dir` (as
/// [`profile_paths`] lists them, in the order of their names' bytes), through the folder's
/// index: a file it has seen with the same stamp is not read; its profile is, when a command
/// asks for it. A later file with an id already taken is set aside. The index is rewritten when
/// what it would say has changed.
pub fn load_folder(data_dir: &Path, paths: &[PathBuf]) -> UserProfiles {
    let index_path = crate::datadir::paths::profile_index(data_dir);
    let index = if paths.is_empty() {
        Vec::new()
    } else {
        profile_index::read(&index_path)
    };
    let known = index.len();
    let mut index = index.into_iter().peekable();
    let now = std::time::SystemTime::now();
    // What each file is: its outcome, its profile when it was read, its stamp when it is a
    // regular file, and whether the index would record it.
    let mut checked: Vec<(Outcome, Option<Profile>, Option<Stamp>, bool)> =
        Vec::with_capacity(paths.len());
    let mut reused = 0;
    for path in paths {
        let name = name_bytes(path);
        // Both in the order of the names' bytes: one walk finds each file's record.
        while index.next_if(|r| r.name.as_slice() < name).is_some() {}
        let record = index.next_if(|r| r.name.as_slice() == name);
        let seen = record.filter(|r| {
            fs::metadata(path)
                .ok()
                .and_then(|meta| Stamp::of(&meta))
                .is_some_and(|stamp| stamp == r.stamp)
        });
        checked.push(if let Some(record) = seen {
            reused += 1;
            (record.outcome, None, Some(record.stamp), true)
        } else {
            let (read, stamp) = read_profile_stamped(path);
            let outcome = match &read {
                Ok(profile) => Outcome::Sound(ProfileNames::of(profile)),
                Err(problems) => Outcome::Broken {
                    id_hint: id_hint(path),
                    problems: problems.iter().map(Into::into).collect(),
                },
            };
            let recorded = stamp.is_some_and(|s| s.settled(now));
            (outcome, read.ok(), stamp, recorded)
        });
    }
    let recorded = checked.iter().filter(|c| c.3).count();
    // Rewritten only when it would say something else: a file new, changed or gone, or one
    // that has settled since.
    if reused != recorded || reused != known {
        let records = paths
            .iter()
            .zip(&checked)
            .filter_map(|(path, (outcome, _, stamp, recorded))| {
                Some(Record {
                    name: name_bytes(path).to_vec(),
                    stamp: stamp.filter(|_| *recorded)?,
                    outcome: outcome.clone(),
                })
            })
            .collect();
        profile_index::write(&index_path, records);
    }
    let mut out = UserProfiles {
        profiles: Vec::with_capacity(paths.len()),
        broken: Vec::new(),
    };
    let mut first_file_of: super::NameMap<usize> = super::NameMap::with_capacity_and_hasher(
        paths.len(),
        std::hash::BuildHasherDefault::default(),
    );
    for (at, (path, (outcome, read, stamp, _))) in paths.iter().zip(checked).enumerate() {
        let names = match outcome {
            Outcome::Broken { id_hint, problems } => {
                out.broken.push(BrokenFile {
                    path: path.clone(),
                    id_hint,
                    problems: problems.iter().map(Into::into).collect(),
                });
                continue;
            }
            Outcome::Sound(names) => names,
        };
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

    /// A file the index vouched for that changes before its profile is read: the store reads
    /// it as it is now when it is still that profile, else stands in its names, and names the
    /// file either way.
    #[test]
    fn a_file_changed_after_start_up_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.json");
        let good = r#"{"id": "mine", "title": "Mine", "summary": "Mine.", "aliases": ["me"]}"#;
        std::fs::write(&path, good).unwrap();
        let stamp = Stamp::of(&fs::metadata(&path).unwrap()).unwrap();
        let names = ProfileNames::of(&check_profile_bytes(good.as_bytes()).unwrap());
        let file = Deferred {
            path: path.clone(),
            stamp,
        };
        let store = |file: &Deferred| {
            super::super::Store::from_profiles(vec![StoreProfile::Deferred {
                names: names.clone(),
                file: file.clone(),
            }])
        };
        let unchanged = store(&file);
        assert_eq!(unchanged.get("mine").unwrap().profile.summary, "Mine.");
        assert!(unchanged.changed_files().is_empty());

        std::fs::write(&path, good.replace("Mine.", "Mine, edited.")).unwrap();
        let edited = store(&file);
        assert_eq!(edited.get("mine").unwrap().profile.summary, "Mine, edited.");
        assert_eq!(edited.changed_files(), vec![path.clone()]);

        std::fs::write(&path, "{").unwrap();
        let broken = store(&file);
        let stand_in = &broken.get("mine").unwrap().profile;
        assert_eq!(
            (stand_in.title.as_str(), stand_in.summary.as_str()),
            ("Mine", "")
        );
        assert_eq!(broken.changed_files(), vec![path.clone()]);

        std::fs::remove_file(&path).unwrap();
        let gone = store(&file);
        assert_eq!(gone.resolve("me").unwrap().profile.id, "mine");
        assert_eq!(gone.changed_files(), vec![path]);
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
