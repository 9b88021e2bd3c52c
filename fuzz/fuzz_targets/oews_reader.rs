//! An OEWS folder built from the input: the bytes, split at each 0xFF byte, become
//! `oe.data.0.Current` and then `oe.area`, `oe.occupation`, `oe.industry` and `oe.footnote`,
//! each behind the header BLS gives it, so that rows reach the checks instead of failing at the
//! header. Reading must never panic; whatever the import stores must open again and every
//! occupation's estimates must read back, each value as BLS published it or one of its reasons.

#![no_main]

use careers::oews::{run_import, storage};
use careers::onet::import::Silent;
use libfuzzer_sys::fuzz_target;

mod scratch;
use scratch::scratch;

const FILES: [(&str, &str); 5] = [
    ("oe.data.0.Current", "series_id\tyear\tperiod\tvalue\tfootnote_codes"),
    ("oe.area", "state_code\tarea_code\tareatype_code\tarea_name"),
    ("oe.occupation", "occupation_code\toccupation_name\tdisplay_level"),
    ("oe.industry", "industry_code\tindustry_name\tdisplay_level"),
    ("oe.footnote", "footnote_code\tfootnote_text"),
];

fuzz_target!(|input: &[u8]| {
    let source = tempfile::tempdir_in(scratch()).unwrap();
    let mut parts = input.split(|&b| b == 0xFF);
    for (file, header) in FILES {
        let mut bytes = format!("{header}\n").into_bytes();
        bytes.extend_from_slice(parts.next().unwrap_or_default());
        std::fs::write(source.path().join(file), bytes).unwrap();
    }
    let data = tempfile::tempdir_in(scratch()).unwrap();
    let Ok(outcome) = run_import(source.path(), data.path(), true, &Silent) else {
        return;
    };
    let stored = storage::open(data.path())
        .expect("what an import wrote opens")
        .expect("the import is there");
    let mut estimates = 0;
    for position in 0..stored.tables.occupations.len() {
        estimates += stored
            .estimates(position)
            .expect("every occupation's estimates read back")
            .len() as u64;
    }
    assert_eq!(estimates, outcome.manifest.counts.estimates);
});
