//! A folder of BEA's price parities built from the input: the bytes, split at each 0xFF byte,
//! become `MARPP_F.csv`, `PARPP_F.csv` and `SARPP_F.csv`, each behind BEA's header, so that rows
//! reach the checks instead of failing at the header. Reading must never panic; whatever the
//! import stores (under `--force`, which takes the rows it can read) must open again with every
//! value it counted, each a price level above 0.

#![no_main]

use careers::prices::{run_import, storage};
use libfuzzer_sys::fuzz_target;

mod scratch;
use scratch::scratch;

const HEADER: &str =
    "GeoFIPS,GeoName,Region,TableName,LineCode,IndustryClassification,Description,Unit,2023,2024\r\n";

const FILES: [&str; 3] = ["MARPP_F.csv", "PARPP_F.csv", "SARPP_F.csv"];

fuzz_target!(|input: &[u8]| {
    let source = tempfile::tempdir_in(scratch()).unwrap();
    let mut parts = input.split(|&b| b == 0xFF);
    for file in FILES {
        let mut bytes = HEADER.as_bytes().to_vec();
        bytes.extend_from_slice(parts.next().unwrap_or_default());
        std::fs::write(source.path().join(file), bytes).unwrap();
    }
    let data = tempfile::tempdir_in(scratch()).unwrap();
    let Ok(outcome) = run_import(source.path(), data.path(), true) else {
        return;
    };
    let stored = storage::Prices::open(data.path())
        .expect("what an import wrote opens")
        .expect("the import is there");
    let all = stored
        .parities
        .decode_all()
        .expect("every value stored reads back");
    let values = all
        .areas
        .iter()
        .flat_map(|a| a.lines.iter())
        .flatten()
        .flatten()
        .inspect(|v| assert!(**v > 0))
        .count() as u64;
    assert_eq!(values, outcome.imported.manifest.counts.values);
});
