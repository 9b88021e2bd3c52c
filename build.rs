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
        let names = rmp_serde::to_vec(&trim(&value, NAMES))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let target = out.join(format!("{name}.names.msgpack"));
        std::fs::write(&target, names).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
    }
}

/// A field to keep, with the fields to keep of what it holds (every one when none is named).
struct Keep(&'static str, &'static [Keep]);

/// What the store reads of a profile at start-up (its names, links, and what each pay figure
/// is about): written apart, so that start-up reads a few hundred bytes of each curated
/// profile rather than the whole. The store's tests check that these are the names of the whole.
const NAMES: &[Keep] = &[
    Keep("id", &[]),
    Keep("title", &[]),
    Keep("aliases", &[]),
    Keep("codes", &[Keep("code", &[])]),
    Keep("onet", &[Keep("code", &[])]),
    Keep("differences", &[Keep("profile", &[])]),
    Keep(
        "career",
        &[
            Keep("progression", &[Keep("roles", &[Keep("profile", &[])])]),
            Keep("paths", &[Keep("profile", &[])]),
            Keep("related_roles", &[Keep("profile", &[])]),
        ],
    ),
    Keep("market", &[Keep("opportunities", &[Keep("profile", &[])])]),
    Keep(
        "salary",
        &[Keep(
            "figures",
            &[
                Keep("dimension", &[]),
                Keep("location", &[]),
                Keep("experience", &[]),
                Keep("company", &[]),
                Keep("industry", &[]),
            ],
        )],
    ),
];

/// `value` with only the fields `keep` names, in arrays item by item.
fn trim(value: &serde_json::Value, keep: &[Keep]) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Array(items) => Value::Array(items.iter().map(|i| trim(i, keep)).collect()),
        Value::Object(map) if !keep.is_empty() => Value::Object(
            keep.iter()
                .filter_map(|Keep(key, inner)| {
                    map.get(*key).map(|v| ((*key).to_owned(), trim(v, inner)))
                })
                .collect(),
        ),
        other => other.clone(),
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
