//! Profiles the user writes: every `*.json` file in the profiles folder of the data directory.
//! A broken file never takes the others down: it is set aside with its problems.

use std::fs;
use std::path::{Path, PathBuf};

use super::{Entry, Origin};
use crate::fsutil::{ReadError, read_bounded};
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
    pub entries: Vec<Entry>,
    pub broken: Vec<BrokenFile>,
}

/// Reads and checks one profile file. Fast when the file is sound; every problem when not.
pub fn read_profile(path: &Path) -> Result<Profile, Vec<Diagnostic>> {
    let whole = |message: String| {
        vec![Diagnostic {
            line: None,
            column: None,
            path: String::new(),
            message,
        }]
    };
    let bytes = read_profile_bytes(path).map_err(whole)?;
    // Sound files take the quick road; the full check runs only to explain a failure.
    if let Ok(profile) = serde_json::from_slice::<Profile>(&bytes)
        && profile.problems().is_empty()
        && crate::validate::sound_as_file(&bytes, &profile)
    {
        return Ok(profile);
    }
    check_bytes(&bytes)
}

/// The bytes of a profile file, or the one-line reason it is refused unread: not a regular
/// file (a FIFO would hang the read, a device would never end it) or over [`MAX_FILE_BYTES`].
fn read_profile_bytes(path: &Path) -> Result<Vec<u8>, String> {
    read_bounded(path, MAX_FILE_BYTES).map_err(|e| match e {
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
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
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

/// Loads every profile file in `paths`; a later file with an id already taken is set aside.
pub fn load_files(paths: &[PathBuf]) -> UserProfiles {
    let mut out = UserProfiles::default();
    for path in paths {
        match read_profile(path) {
            Ok(profile) => {
                if let Some(first) = out.entries.iter().find(|e| e.profile.id == profile.id) {
                    let Origin::User { path: first_path } = &first.origin else {
                        unreachable!("user entries come from files")
                    };
                    out.broken.push(BrokenFile {
                        path: path.clone(),
                        id_hint: profile.id.clone(),
                        problems: vec![Diagnostic {
                            line: None,
                            column: None,
                            path: "id".into(),
                            message: format!(
                                "\"{}\" is already defined in {}",
                                profile.id,
                                first_path.display()
                            ),
                        }],
                    });
                    continue;
                }
                out.entries.push(Entry {
                    profile,
                    origin: Origin::User { path: path.clone() },
                });
            }
            Err(problems) => out.broken.push(BrokenFile {
                path: path.clone(),
                id_hint: id_hint(path),
                problems,
            }),
        }
    }
    out
}
