//! How an imported dataset (O*NET in `onet/`, OEWS in `oews/`) is put in place in a data
//! directory, safely against a second import and against readers:
//!
//! - an import holds `.import.lock` (an exclusive file lock) from start to end, so two imports
//!   into one data directory, of the same dataset or of two, never remove each other's folders;
//!   the second one refuses at once with a message;
//! - it writes into a temporary folder `.NAME-import-*` and swaps it in with two renames, the
//!   previous folder moved aside to `.NAME-previous-*` and back if the second rename fails;
//! - readers hold `.read.lock` shared while they open an import's files, and the swap holds it
//!   exclusively, so a reader opens either every file of the old import or every file of the new
//!   one, never a mix; open files stay readable after the swap removes their folder;
//! - the leftovers of an import that was killed are removed by the next command that finds no
//!   import running, and a previous import stranded by a swap cut short is moved back.

use std::fs::{self, File, TryLockError};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

const IMPORT_LOCK: &str = ".import.lock";
const READ_LOCK: &str = ".read.lock";

/// The datasets that are imported into a data directory, by folder name.
pub const DATASETS: [&str; 4] = ["onet", "oews", "projections", "prices"];

fn temp_prefix(name: &str) -> String {
    format!(".{name}-import-")
}

fn aside_prefix(name: &str) -> String {
    format!(".{name}-previous-")
}

/// When an import ran: now, in UTC to the second (RFC 3339), as its manifest records it.
pub fn timestamp() -> String {
    let now = jiff::Timestamp::now();
    now.round(jiff::Unit::Second)
        .map_or_else(|_| now.to_string(), |t| t.to_string())
}

/// The exclusive right to import into a data directory, for as long as it lives.
#[derive(Debug)]
pub struct ImportLock {
    _file: File,
    data_dir: PathBuf,
}

impl ImportLock {
    /// Takes the lock, or fails at once when another import into `data_dir` holds it.
    pub fn take(data_dir: &Path) -> anyhow::Result<ImportLock> {
        fs::create_dir_all(data_dir)
            .with_context(|| format!("cannot create the data directory {}", data_dir.display()))?;
        let path = data_dir.join(IMPORT_LOCK);
        let file = lock_file(&path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => bail!(
                "another import into {} is running; wait for it to finish, then import again",
                data_dir.display()
            ),
            Err(TryLockError::Error(e)) => {
                return Err(e).with_context(|| format!("cannot lock {}", path.display()));
            }
        }
        let lock = ImportLock {
            _file: file,
            data_dir: data_dir.to_path_buf(),
        };
        for name in DATASETS {
            remove_leftovers(data_dir, name);
        }
        Ok(lock)
    }

    /// A new temporary folder for `name`'s import; it is only ever read once swapped in.
    pub fn temp_dir(&self, name: &str) -> anyhow::Result<tempfile::TempDir> {
        tempfile::Builder::new()
            .prefix(&temp_prefix(name))
            .tempdir_in(&self.data_dir)
            .with_context(|| {
                format!(
                    "cannot create a temporary folder in {}",
                    self.data_dir.display()
                )
            })
    }

    /// Moves `fresh` to `DATA_DIR/NAME`. The previous import is first moved aside, and moved
    /// back if the second rename fails, so the folder never holds a partial import. Ctrl-C is
    /// held off between the two renames; a swap cut short anyway (the process killed) leaves
    /// the previous import aside, and the next command moves it back. Once the new import is in
    /// place, a previous one that cannot be removed is a warning, not a failure.
    pub fn swap_in(&self, fresh: tempfile::TempDir, name: &str) -> anyhow::Result<SwapOutcome> {
        let target = self.data_dir.join(name);
        let aside = self
            .data_dir
            .join(format!("{}{}", aside_prefix(name), std::process::id()));
        let readers = ReadLock::exclusive(&self.data_dir)?;
        let hold = crate::interrupt::HoldOff::new();
        let fresh = fresh.keep();
        let had_previous = target.exists();
        if had_previous {
            fs::rename(&target, &aside)
                .with_context(|| format!("cannot move the previous import {}", target.display()))?;
        }
        if let Err(err) = fs::rename(&fresh, &target) {
            if had_previous {
                let _ = fs::rename(&aside, &target);
            }
            let _ = fs::remove_dir_all(&fresh);
            return Err(err)
                .with_context(|| format!("cannot move the import to {}", target.display()));
        }
        drop(hold);
        let mut warnings = Vec::new();
        if had_previous && let Err(err) = fs::remove_dir_all(&aside) {
            warnings.push(format!(
                "the import is in place, but the previous one could not be removed ({err}); delete {} by hand",
                aside.display()
            ));
        }
        drop(readers);
        Ok(SwapOutcome { target, warnings })
    }
}

/// Where a swapped-in import now lives, and what could not be tidied up afterwards.
#[derive(Debug)]
pub struct SwapOutcome {
    pub target: PathBuf,
    pub warnings: Vec<String>,
}

/// Held while an import's files are opened (shared) or swapped (exclusive).
#[derive(Debug)]
pub struct ReadLock(
    #[allow(dead_code, reason = "held for its lock, released on drop")] Option<File>,
);

impl ReadLock {
    /// A shared lock for opening an import's files. A data directory where the lock file cannot
    /// be made (read-only) is read without one: no import can run there either.
    pub fn shared(data_dir: &Path) -> ReadLock {
        let file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(data_dir.join(READ_LOCK))
            .ok()
            .filter(|f| f.lock_shared().is_ok());
        ReadLock(file)
    }

    fn exclusive(data_dir: &Path) -> anyhow::Result<ReadLock> {
        let path = data_dir.join(READ_LOCK);
        let file = lock_file(&path)?;
        file.lock()
            .with_context(|| format!("cannot lock {}", path.display()))?;
        Ok(ReadLock(Some(file)))
    }
}

fn lock_file(path: &Path) -> anyhow::Result<File> {
    File::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .with_context(|| format!("cannot open the lock file {}", path.display()))
}

/// Removes what killed imports left behind, when no import is running: called by every command
/// that reads imports. Cheap when there is nothing to remove: one listing of the folder.
pub fn tidy(data_dir: &Path) {
    let Ok(listing) = fs::read_dir(data_dir) else {
        return;
    };
    let leftovers = listing.flatten().any(|e| {
        let name = e.file_name();
        let name = name.to_string_lossy();
        DATASETS
            .iter()
            .any(|d| name.starts_with(&temp_prefix(d)) || name.starts_with(&aside_prefix(d)))
    });
    if !leftovers {
        return;
    }
    let Ok(file) = lock_file(&data_dir.join(IMPORT_LOCK)) else {
        return;
    };
    if file.try_lock().is_ok() {
        for name in DATASETS {
            remove_leftovers(data_dir, name);
        }
    }
}

/// Moves a stranded previous import back when `NAME/` is missing, then removes temporary and
/// set-aside folders. Only under the import lock.
fn remove_leftovers(data_dir: &Path, name: &str) {
    let target = data_dir.join(name);
    let Ok(listing) = fs::read_dir(data_dir) else {
        return;
    };
    let mut temps = Vec::new();
    let mut asides = Vec::new();
    for entry in listing.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if file_name.starts_with(&temp_prefix(name)) {
            temps.push(entry.path());
        } else if file_name.starts_with(&aside_prefix(name)) {
            asides.push(entry.path());
        }
    }
    if !target.exists()
        && let Some(newest) = asides
            .iter()
            .filter(|p| p.join("manifest.json").is_file())
            .max_by_key(|p| fs::metadata(p).and_then(|m| m.modified()).ok())
            .cloned()
        && fs::rename(&newest, &target).is_ok()
    {
        asides.retain(|p| *p != newest);
    }
    for path in temps.into_iter().chain(asides) {
        let _ = fs::remove_dir_all(path);
    }
}

/// Told about each file as the import reaches it.
pub trait Progress {
    fn start(&self, files: u64);
    fn file(&self, name: &str);
    fn finish(&self);
}

/// A progress listener that ignores everything.
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _: u64) {}
    fn file(&self, _: &str) {}
    fn finish(&self) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_import_is_refused_while_the_first_holds_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let first = ImportLock::take(dir.path()).unwrap();
        let err = ImportLock::take(dir.path()).unwrap_err().to_string();
        assert_eq!(
            err,
            format!(
                "another import into {} is running; wait for it to finish, then import again",
                dir.path().display()
            )
        );
        drop(first);
        ImportLock::take(dir.path()).unwrap();
    }

    #[test]
    fn tidy_moves_a_stranded_import_back_and_removes_temporary_folders() {
        let dir = tempfile::tempdir().unwrap();
        let aside = dir.path().join(".oews-previous-42");
        fs::create_dir(&aside).unwrap();
        fs::write(aside.join("manifest.json"), "{}").unwrap();
        fs::create_dir(dir.path().join(".onet-import-x")).unwrap();
        tidy(dir.path());
        assert!(dir.path().join("oews/manifest.json").is_file());
        assert!(!aside.exists());
        assert!(!dir.path().join(".onet-import-x").exists());
    }

    #[test]
    fn tidy_removes_the_previous_import_once_the_new_one_is_in_place() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("onet")).unwrap();
        let aside = dir.path().join(".onet-previous-77");
        fs::create_dir(&aside).unwrap();
        fs::write(aside.join("manifest.json"), "{}").unwrap();
        tidy(dir.path());
        assert!(dir.path().join("onet").is_dir() && !aside.exists());
    }

    #[test]
    fn tidy_leaves_a_running_imports_folder_alone() {
        let dir = tempfile::tempdir().unwrap();
        let lock = ImportLock::take(dir.path()).unwrap();
        let temp = lock.temp_dir("oews").unwrap();
        tidy(dir.path());
        assert!(temp.path().exists());
    }
}
