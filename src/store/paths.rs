//! Where the user's own data lives: `--data-dir`, else `CAREERS_DATA_DIR` (both handled by clap),
//! else the platform's data directory (`$XDG_DATA_HOME/careers` on Linux).

use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;

/// The user's data directory, if one can be named.
pub fn data_dir(explicit: Option<&Path>) -> Option<PathBuf> {
    match explicit {
        Some(dir) => Some(dir.to_path_buf()),
        None => etcetera::choose_base_strategy()
            .ok()
            .map(|s| s.data_dir().join("careers")),
    }
}

/// The folder of user-written profiles inside a data directory.
pub fn profiles_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("profiles")
}

/// The folder of the imported O*NET database inside a data directory.
pub fn onet_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("onet")
}
