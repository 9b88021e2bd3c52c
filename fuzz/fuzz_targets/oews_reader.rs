//! An OEWS folder built from the input: the bytes, split at each 0xFF byte, become
//! `oe.data.0.Current` and then `oe.area`, `oe.occupation`, `oe.industry` and `oe.footnote`,
//! each behind the header BLS gives it, so that rows reach the checks instead of failing at the
//! header. Reading must never panic; whatever the import stores (under `--force`) must open
//! again and read back exactly what a fresh read of the files gives: the tables, the
//! occupations marked incomplete, and every occupation's estimates, each value as BLS published
//! it or one of its reasons.

#![no_main]

use careers::oews::read::{ABSENT, read};
use careers::oews::run_import;
use careers::oews::storage::StoredWages;
use careers::onet::import::Silent;
use libfuzzer_sys::fuzz_target;

mod scratch;
use scratch::scratch;

const FILES: [(&str, &str); 5] = [
    (
        "oe.data.0.Current",
        "series_id\tyear\tperiod\tvalue\tfootnote_codes",
    ),
    ("oe.area", "state_code\tarea_code\tareatype_code\tarea_name"),
    (
        "oe.occupation",
        "occupation_code\toccupation_name\tdisplay_level",
    ),
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
    let stored = StoredWages::open(data.path())
        .expect("what an import wrote opens")
        .expect("the import is there");
    let fresh = read(source.path(), &Silent).expect("the files read again");
    assert_eq!(stored.tables.areas, fresh.areas);
    assert_eq!(stored.tables.occupations, fresh.occupations);
    assert_eq!(stored.tables.industries, fresh.industries);
    assert_eq!(stored.tables.footnotes, fresh.footnotes);
    assert_eq!(stored.tables.incomplete, fresh.incomplete());
    let mut cells = fresh.cells.iter();
    for position in 0..stored.tables.occupations.len() {
        for e in stored
            .estimates(position)
            .expect("every occupation's estimates read back")
        {
            let cell = cells.next().expect("no more estimates stored than read");
            assert_eq!(
                (
                    usize::from(cell.occupation),
                    usize::from(cell.area),
                    usize::from(cell.industry)
                ),
                (position, e.area, e.industry)
            );
            let values: Vec<i64> = e
                .estimate
                .values
                .iter()
                .map(|v| v.map_or(ABSENT, |v| v.to_stored()))
                .collect();
            assert_eq!(values, cell.values.to_vec());
        }
    }
    assert!(cells.next().is_none(), "every estimate read is stored");
    // Each area's table of medians holds every cross-industry estimate's median there.
    let cross = fresh
        .industries
        .iter()
        .position(|i| i.code == "000000");
    let median = careers::oews::read::median_slot();
    for area in 0..stored.tables.areas.len() {
        let expected: Vec<(usize, i64)> = fresh
            .cells
            .iter()
            .filter(|c| usize::from(c.area) == area && Some(usize::from(c.industry)) == cross)
            .map(|c| (usize::from(c.occupation), c.values[median]))
            .collect();
        let read: Vec<(usize, i64)> = stored
            .area_medians(area)
            .expect("every area's medians read back")
            .into_iter()
            .map(|(o, v)| (o, v.to_stored()))
            .collect();
        assert_eq!(read.len(), expected.len());
        for ((o, v), (eo, ev)) in read.into_iter().zip(expected) {
            assert_eq!(o, eo);
            // An estimate without a median series is "not published" in the table.
            if ev != ABSENT {
                assert_eq!(v, ev);
            }
        }
    }
    assert_eq!(
        fresh.cells.len() as u64,
        outcome.imported.manifest.counts.estimates
    );
});
