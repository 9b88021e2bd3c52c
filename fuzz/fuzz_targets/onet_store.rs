//! A stored O*NET import with one of its files damaged by the input. The fixture release
//! (`tests/fixtures/onet`) is imported once; each run copies what it stored, and the input
//! picks a file (its first byte), an offset (the next four, little-endian, modulo the file's
//! length) and the bytes written there (the rest), or, when the first byte is 128 or more,
//! cuts the file at that offset. Opening the import and every read a command makes of it (the
//! names, each record, the search file, the word index, and the store's look-ups) must give a
//! result or an error: never a panic or a hang.

#![no_main]

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use careers::onet::import::Silent;
use careers::onet::words::Kinds;
use careers::onet::{run_import, storage};
use libfuzzer_sys::fuzz_target;

mod scratch;
use scratch::scratch;

/// The data folder the fixture was imported into, for the life of the fuzzer.
fn imported() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir_in(scratch()).unwrap().keep();
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/onet");
        let vocabulary = careers::store::bundled_vocabulary().unwrap();
        let reserved: HashSet<String> = ["ml-engineer".to_owned()].into();
        run_import(&source, &dir, &vocabulary, &reserved, &Silent, true)
            .expect("the fixture imports");
        dir
    })
}

fuzz_target!(|input: &[u8]| {
    let Some((&pick, rest)) = input.split_first() else {
        return;
    };
    let data = tempfile::tempdir_in(scratch()).unwrap();
    let onet = data.path().join("onet");
    std::fs::create_dir(&onet).unwrap();
    for file in storage::FILES {
        std::fs::copy(imported().join("onet").join(file), onet.join(file)).unwrap();
    }
    let path = onet.join(storage::FILES[usize::from(pick) % storage::FILES.len()]);
    let mut bytes = std::fs::read(&path).unwrap();
    let (at, body) = rest.split_at(rest.len().min(4));
    let mut le = [0u8; 4];
    le[..at.len()].copy_from_slice(at);
    let at = u32::from_le_bytes(le) as usize % (bytes.len() + 1);
    if pick >= 128 {
        bytes.truncate(at);
    } else {
        let end = (at + body.len()).min(bytes.len());
        bytes.splice(at..end, body.iter().copied());
    }
    std::fs::write(&path, bytes).unwrap();

    if let Ok(Some(stored)) = storage::open(data.path()) {
        for p in 0..stored.names.len() {
            let name = stored.names.get(p);
            let _ = stored.names.find_id(name.id);
            let _ = stored.names.find_code(name.code);
            let _ = stored.index_record(p);
            let _ = stored.summary(p);
            let _ = stored.details(p);
            let _ = stored.titles_and_technology(p);
        }
        if let Ok(file) = stored.search_file() {
            let _ = stored.search_records(&file);
        }
        if let Ok(words) = stored.word_index() {
            for id in 0..words.vocabulary() as u32 {
                let _ = words.word(id);
                let _ = words.id(words.word(id));
                let _ = words.occupations_with(id);
            }
            for p in 0..stored.names.len() {
                let _ = words.texts(p, Kinds::ALL, |_, _, _| {});
            }
        }
    }
    // As a command finds roles: the store falls back to the bundled profiles when the import
    // cannot be read.
    let store = careers::store::Store::bundled()
        .unwrap()
        .with_onet(Some(data.path()), false);
    for name in [
        "data-scientists",
        "15-2051.00",
        "15-2051",
        "Data Scientists",
        "analysts",
    ] {
        let _ = store.resolve(name);
    }
});
