//! Ctrl-C ends `careers` at once with exit code 130, and so do SIGTERM and SIGHUP (a `kill`, a
//! closed terminal), which the handler cannot tell apart. Writers put their bytes in a temporary
//! file and rename it into place; a temporary file registered here while it is being written is
//! removed before the exit, so an interrupted command leaves neither a half-written file nor a
//! stray temporary one.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

/// The exit code of a command ended by Ctrl-C (128 + SIGINT), as shells report it.
pub const EXIT_CODE: i32 = 130;

static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

static DEFERRED: Mutex<Deferral> = Mutex::new(Deferral {
    held: 0,
    pending: false,
});

/// Installs the handler for Ctrl-C, SIGTERM and SIGHUP. Called once, first thing in `main`.
pub fn install() -> Result<(), ctrlc::Error> {
    ctrlc::set_handler(|| {
        let mut state = deferral();
        if state.interrupted() {
            drop(state);
            exit();
        }
    })
}

fn exit() -> ! {
    remove_in_flight();
    std::process::exit(EXIT_CODE);
}

/// Whether Ctrl-C is held off, and whether it came meanwhile.
#[derive(Debug)]
struct Deferral {
    held: usize,
    pending: bool,
}

impl Deferral {
    /// Ctrl-C came: true when the process should end now, false when it is held off.
    fn interrupted(&mut self) -> bool {
        self.pending = true;
        self.held == 0
    }

    /// A hold ended: true when Ctrl-C came meanwhile and nothing holds it off any longer.
    fn release(&mut self) -> bool {
        self.held -= 1;
        self.held == 0 && self.pending
    }
}

fn deferral() -> std::sync::MutexGuard<'static, Deferral> {
    DEFERRED.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Holds Ctrl-C off while it lives, for steps that must not be cut in half (moving one folder
/// out of the way and another into its place). A Ctrl-C meanwhile ends the process when the last
/// hold is dropped.
#[derive(Debug)]
pub struct HoldOff(());

impl HoldOff {
    pub fn new() -> HoldOff {
        deferral().held += 1;
        HoldOff(())
    }
}

impl Default for HoldOff {
    fn default() -> HoldOff {
        HoldOff::new()
    }
}

impl Drop for HoldOff {
    fn drop(&mut self) {
        let mut state = deferral();
        if state.release() {
            drop(state);
            exit();
        }
    }
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
    fn ctrl_c_is_held_off_until_the_last_hold_ends() {
        let mut state = Deferral {
            held: 0,
            pending: false,
        };
        state.held += 2;
        assert!(!state.interrupted(), "held off");
        assert!(!state.release(), "one hold is left");
        assert!(state.release(), "the last hold ends: exit now");

        let mut quiet = Deferral {
            held: 1,
            pending: false,
        };
        assert!(!quiet.release(), "no Ctrl-C came: carry on");
        assert!(quiet.interrupted(), "nothing holds it off: exit now");
    }

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
