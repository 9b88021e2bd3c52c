//! Where the fuzz targets build their folders: tmpfs when there is one, so a sparse file or a
//! thousand small folders cost nothing.

use std::path::{Path, PathBuf};

pub fn scratch() -> PathBuf {
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        shm.to_owned()
    } else {
        std::env::temp_dir()
    }
}
