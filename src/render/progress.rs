//! The progress bar of long-running commands. It draws on stderr, and only when stderr is a
//! terminal, so piped and captured output never holds it.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

use crate::datadir::imports::Progress;

/// A bar that counts the files of an import.
pub struct FileBar(ProgressBar);

impl FileBar {
    /// A visible bar when stderr is a terminal, a hidden one otherwise.
    pub fn for_stderr() -> FileBar {
        if !std::io::stderr().is_terminal() {
            return FileBar(ProgressBar::hidden());
        }
        let bar = ProgressBar::new(0);
        if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} files  {wide_msg}") {
            bar.set_style(style);
        }
        FileBar(bar)
    }
}

impl Progress for FileBar {
    fn start(&self, files: u64) {
        self.0.set_length(files);
    }

    fn file(&self, name: &str) {
        self.0.set_message(format!("reading {name}"));
        self.0.inc(1);
    }

    fn finish(&self) {
        self.0.finish_and_clear();
    }
}
