//! Writes each curated profile of `data/profiles/` as MessagePack into `OUT_DIR`, for the
//! binary to read at start-up: parsing it takes about a third of the instructions the JSON
//! does, and every command reads every curated profile. The JSON files stay the source (and
//! are compiled in too, for `validate`); a file that is not JSON stops the build, naming it.
//!
//! It also hashes the source, for the index of the user's profiles folder: an index written by
//! another build, whose checks may judge a file otherwise, is not trusted.

#![allow(
    clippy::print_stdout,
    reason = "cargo reads a build script's instructions on stdout"
)]

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=data/profiles");
    println!("cargo::rerun-if-changed=src");
    println!(
        "cargo::rustc-env=CAREERS_SOURCE_HASH={:016x}",
        source_hash(Path::new("src"))
    );
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("profiles");
    std::fs::create_dir_all(&out).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    let dir = Path::new("data/profiles");
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let value: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let bytes = rmp_serde::to_vec(&value).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path.file_name().expect("a file name").to_string_lossy();
        let target = out.join(format!("{name}.msgpack"));
        std::fs::write(&target, bytes).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
    }
}

/// A hash of every file under `dir`, by path and contents, in a fixed order.
fn source_hash(dir: &Path) -> u64 {
    use std::hash::{Hash, Hasher};
    fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .path();
            if path.is_dir() {
                files(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    files(dir, &mut paths);
    paths.sort();
    let mut hasher = std::hash::DefaultHasher::new();
    for path in paths {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        path.hash(&mut hasher);
        bytes.hash(&mut hasher);
    }
    hasher.finish()
}
