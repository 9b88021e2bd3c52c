//! Ctrl-C ends `careers` at once with exit code 130. Writers put their bytes in a temporary file
//! and rename it into place; a temporary file registered here while it is being written is
//! removed before the exit, so an interrupted command leaves neither a half-written file nor a
//! stray temporary one.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

/// The exit code of a command ended by Ctrl-C (128 + SIGINT), as shells report it.
pub const EXIT_CODE: i32 = 130;

static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Installs the Ctrl-C handler. Called once, first thing in `main`.
pub fn install() -> Result<(), ctrlc::Error> {
    ctrlc::set_handler(|| {
        remove_in_flight();
        std::process::exit(EXIT_CODE);
    })
}

/// A temporary file being written: registered until dropped (after the rename, or on failure).
#[derive(Debug)]
pub struct InFlight(PathBuf);

impl InFlight {
    pub fn new(path: &Path) -> InFlight {
        lock().push(path.to_owned());
        InFlight(path.to_owned())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        lock().retain(|p| p != &self.0);
    }
}

/// Removes every registered temporary file; a file already renamed away is simply gone.
pub fn remove_in_flight() {
    for path in lock().drain(..) {
        let _ = std::fs::remove_file(path);
    }
}

fn lock() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    IN_FLIGHT.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_in_flight_are_removed_and_finished_ones_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let writing = dir.path().join(".tmp-writing");
        let done = dir.path().join(".tmp-done");
        std::fs::write(&writing, "half").unwrap();
        std::fs::write(&done, "whole").unwrap();
        let _writing = InFlight::new(&writing);
        drop(InFlight::new(&done));
        remove_in_flight();
        assert!(!writing.exists(), "the file being written is removed");
        assert!(done.exists(), "a file no longer in flight is left alone");
    }
}
