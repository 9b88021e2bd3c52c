//! Where the user's own data lives: `--data-dir`, else a non-empty `CAREERS_DATA_DIR`, else the
//! platform's data directory (`$XDG_DATA_HOME/careers` on Linux).

use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;

/// The user's data directory, if one can be named.
pub fn data_dir(explicit: Option<&Path>) -> Option<PathBuf> {
    let from_env = std::env::var_os("CAREERS_DATA_DIR").filter(|v| !v.is_empty());
    match (explicit, from_env) {
        (Some(dir), _) => Some(dir.to_path_buf()),
        (None, Some(dir)) => Some(PathBuf::from(dir)),
        (None, None) => etcetera::choose_base_strategy()
            .ok()
            .map(|s| s.data_dir().join("careers")),
    }
}

/// The folder of user-written profiles inside a data directory.
pub fn profiles_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("profiles")
}

/// The index of the profiles folder inside a data directory: what checking each file found,
/// so that a file unchanged since is not read at start-up.
pub fn profile_index(data_dir: &Path) -> PathBuf {
    data_dir.join(crate::store::profile_index::FILE_NAME)
}

/// The folder of the imported O*NET database inside a data directory.
pub fn onet_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("onet")
}

/// The folder of the imported OEWS wage estimates inside a data directory.
pub fn oews_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("oews")
}
