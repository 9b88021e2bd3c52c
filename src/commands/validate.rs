//! `careers validate PATH...`: every problem in every profile file, then one summary line.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::Context;
use crate::cli::ValidateArgs;
use crate::store::user::{profile_paths, read_profile};
use crate::store::{Entry, Origin, Store};
use crate::validate::Diagnostic;

/// The outcome for one file.
#[derive(Debug, Serialize)]
pub struct FileResult {
    pub path: PathBuf,
    pub valid: bool,
    /// The profile's id, when the file could be read as a profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub problems: Vec<Diagnostic>,
}

#[derive(Debug, Serialize)]
pub struct Summary {
    pub files: usize,
    pub valid: usize,
    pub problems: usize,
}

#[derive(Debug, Serialize)]
pub struct ValidateReport {
    pub files: Vec<FileResult>,
    pub summary: Summary,
    /// Where profile files were looked for, when none were found there.
    #[serde(skip)]
    pub looked_in: Vec<PathBuf>,
}

/// It shows no credited source's figures.
impl crate::model::credits::Credited for ValidateReport {}

impl ValidateReport {
    pub fn all_valid(&self) -> bool {
        self.files.iter().all(|f| f.valid)
    }
}

pub fn run(ctx: &Context, args: &ValidateArgs) -> anyhow::Result<ValidateReport> {
    let roots: Vec<PathBuf> = if args.paths.is_empty() {
        let Some(dir) = &ctx.data_dir else {
            anyhow::bail!(
                "no data directory could be named; pass the files to check, or --data-dir"
            )
        };
        vec![crate::datadir::paths::profiles_dir(dir)]
    } else {
        args.paths.clone()
    };
    let mut files = Vec::new();
    for root in &roots {
        if args.paths.is_empty() && !root.exists() {
            // A new user has no profiles folder yet: nothing to check is not a failure.
            continue;
        }
        // A folder named like a profile file is what the loader takes it for: a profiles
        // folder entry that is not a file, so a problem, not a folder of profiles to check.
        if root.is_dir() && !crate::store::user::is_profile_name(root) {
            files.extend(folder_files(root)?);
        } else {
            files.push(root.clone());
        }
    }
    let mut report = check_files(&files, ctx.store.vocabulary());
    if files.is_empty() {
        report.looked_in = roots;
    }
    Ok(report)
}

/// The schema file `careers new` writes beside the profiles: not a profile, so never checked
/// as one.
const SCHEMA_FILE: &str = "profile.schema.json";

/// The standard input, named as a path.
const STDIN: &str = "-";

/// The profile files of a folder, the schema file left out. A data directory (a folder with a
/// `profiles` folder in it) stands for its profiles too.
fn folder_files(root: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let list = |dir: &Path| {
        profile_paths(dir).map_err(|e| {
            anyhow::anyhow!(
                "cannot list the profiles in {}: {}",
                dir.display(),
                crate::store::user::io_reason(&e)
            )
        })
    };
    let mut files: Vec<PathBuf> = list(root)?
        .into_iter()
        .filter(|p| p.file_name().is_none_or(|n| n != SCHEMA_FILE))
        .collect();
    let profiles = crate::datadir::paths::profiles_dir(root);
    if profiles.is_dir() {
        files.extend(list(&profiles)?);
    }
    Ok(files)
}

/// Reads a profile from standard input, up to the size a profile file may have.
fn read_stdin() -> Result<crate::model::Profile, Vec<Diagnostic>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    let limit = crate::validate::MAX_FILE_BYTES;
    let read = std::io::stdin()
        .lock()
        .take(limit + 1)
        .read_to_end(&mut bytes);
    let whole = |message: String| {
        vec![Diagnostic {
            line: None,
            column: None,
            path: String::new(),
            message,
        }]
    };
    match read {
        Err(e) => Err(whole(format!(
            "cannot read standard input: {}",
            crate::store::user::io_reason(&e)
        ))),
        Ok(n) if n as u64 > limit => Err(whole(
            "standard input holds more than 1 MiB; a profile file may be at most 1 MiB".into(),
        )),
        Ok(_) => crate::validate::check_bytes(&bytes),
    }
}

/// Checks each file on its own, then the valid ones together with the bundled profiles.
pub fn check_files(paths: &[PathBuf], vocabulary: &crate::model::Vocabulary) -> ValidateReport {
    let mut results: Vec<FileResult> = Vec::with_capacity(paths.len());
    let mut entries: Vec<Entry> = Vec::new();
    let mut first_file_of: HashMap<String, PathBuf> = HashMap::new();
    for path in paths {
        let outcome = if path.as_os_str() == STDIN {
            read_stdin()
        } else {
            read_profile(path)
        };
        match outcome {
            Ok(profile) => {
                let mut problems = Vec::new();
                if let Some(first) = first_file_of.get(&profile.id) {
                    problems.push(at(
                        "id",
                        format!(
                            "\"{}\" is already defined in {}",
                            profile.id,
                            first.display()
                        ),
                    ));
                } else {
                    first_file_of.insert(profile.id.clone(), path.clone());
                    entries.push(Entry {
                        profile: profile.clone(),
                        origin: Origin::User { path: path.clone() },
                    });
                }
                results.push(FileResult {
                    path: path.clone(),
                    valid: problems.is_empty(),
                    id: Some(profile.id),
                    problems,
                });
            }
            Err(problems) => results.push(FileResult {
                path: path.clone(),
                valid: false,
                id: None,
                problems,
            }),
        }
    }
    // Checks across profiles: aliases claimed twice, references to profiles that do not exist.
    let mut all = crate::store::bundled_profiles().unwrap_or_default();
    all.extend(entries);
    let store = Store::new(all, vocabulary.clone());
    for (id, problem) in store.problems() {
        let Some(Entry {
            origin: Origin::User { path },
            ..
        }) = store.get(&id)
        else {
            continue;
        };
        if let Some(result) = results.iter_mut().find(|r| &r.path == path) {
            result.valid = false;
            result.problems.push(at(&problem.path, problem.message));
        }
    }
    let summary = Summary {
        files: results.len(),
        valid: results.iter().filter(|r| r.valid).count(),
        problems: results.iter().map(|r| r.problems.len()).sum(),
    };
    ValidateReport {
        files: results,
        summary,
        looked_in: Vec::new(),
    }
}

fn at(path: &str, message: String) -> Diagnostic {
    Diagnostic {
        line: None,
        column: None,
        path: path.to_owned(),
        message,
    }
}
