//! O*NET's rating files from the input: the bytes, split at each 0xFF byte, become `Skills.txt`
//! and `Knowledge.txt` of a ratings folder (as `careers import onet DIR --ratings DIR` reads
//! O*NET 29.0's beside 29.2), each behind O*NET's header, beside the fixture release
//! (`tests/fixtures/onet`) without its own rating files. Reading must never panic; the strict
//! import and the forced one must agree on the problems; and whatever the forced import
//! stores must read back exactly: every occupation's skills and knowledge, each element's
//! importance, level and flags, as the reader made them, and the rated count.

#![no_main]

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use careers::onet::import::{Silent, read_with_ratings};
use careers::onet::{run_import_with_ratings, storage};
use libfuzzer_sys::fuzz_target;

mod scratch;
use scratch::scratch;

/// O*NET's rating files; the first two are written from the input.
const RATING_FILES: [&str; 3] = ["Skills.txt", "Knowledge.txt", "Abilities.txt"];

const HEADER: &str = "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\tStandard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source";

/// The fixture release without its rating files, for the life of the fuzzer.
fn release() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir_in(scratch()).unwrap().keep();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/onet");
        for entry in std::fs::read_dir(&fixture).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            if !RATING_FILES.contains(&name.as_str()) {
                std::fs::copy(&path, dir.join(&name)).unwrap();
            }
        }
        dir
    })
}

fuzz_target!(|input: &[u8]| {
    let ratings = tempfile::tempdir_in(scratch()).unwrap();
    for (file, body) in RATING_FILES[..2].iter().zip(input.split(|&b| b == 0xFF)) {
        let mut bytes = format!("{HEADER}\r\n").into_bytes();
        bytes.extend_from_slice(body);
        std::fs::write(ratings.path().join(file), bytes).unwrap();
    }
    let vocabulary = careers::store::bundled_vocabulary().unwrap();
    let reserved: HashSet<String> = ["ml-engineer".to_owned()].into();
    let Ok(read) = read_with_ratings(
        release(),
        Some(ratings.path()),
        &vocabulary,
        &reserved,
        &Silent,
    ) else {
        return;
    };
    // Strict, the import fails exactly when a row was left out, and stores nothing.
    let data = tempfile::tempdir_in(scratch()).unwrap();
    let strict = run_import_with_ratings(
        release(),
        Some(ratings.path()),
        data.path(),
        &vocabulary,
        &reserved,
        &Silent,
        false,
    );
    assert_eq!(strict.is_err(), !read.skipped.is_empty(), "{strict:?}");
    if strict.is_err() {
        assert!(!data.path().join("onet").exists());
    }
    let outcome = run_import_with_ratings(
        release(),
        Some(ratings.path()),
        data.path(),
        &vocabulary,
        &reserved,
        &Silent,
        true,
    )
    .expect("a forced import of what reads stores");
    assert_eq!(outcome.skipped, read.skipped);
    let stored = storage::open(data.path())
        .expect("what an import wrote opens")
        .expect("the import is there");
    let mut rated = 0;
    for occupation in &read.occupations {
        let position = stored
            .position(&occupation.details.code)
            .expect("every occupation is stored");
        let details = stored.details(position).expect("the details read back");
        let want = &occupation.details;
        assert_eq!(details.skills, want.skills, "{}", want.code);
        assert_eq!(details.knowledge, want.knowledge, "{}", want.code);
        assert_eq!(details.abilities, want.abilities, "{}", want.code);
        assert_eq!(details.incomplete, want.incomplete, "{}", want.code);
        if !(want.skills.is_empty() && want.knowledge.is_empty() && want.abilities.is_empty()) {
            rated += 1;
        }
    }
    assert_eq!(outcome.manifest.counts.counts.rated_occupations, rated);
});
