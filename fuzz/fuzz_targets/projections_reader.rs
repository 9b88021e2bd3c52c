//! A BLS projections workbook built from the input. The first byte chooses: the rest of the
//! input as the file's raw bytes (calamine's zip and XML reading), or a workbook written with
//! Table 1.2's and Table 1.10's titles and headers whose data rows come from the input (rows
//! split at 0xFF, cells at 0xFE; a cell that reads as a number is written as one), so that rows
//! reach the checks instead of failing at the headers. Reading must never panic; whatever an
//! import stores must open again and hold exactly the rows a read of the same file gives.

#![no_main]

use careers::projections::{prepare, run_import, storage};
use libfuzzer_sys::fuzz_target;
use rust_xlsxwriter::Workbook;

mod scratch;
use scratch::scratch;

const TABLE_1_2: (&str, &[&str]) = (
    "Table 1.2 Occupational projections, 2024–2034, and worker characteristics, 2024 (Employment in thousands)",
    &[
        "2024 National Employment Matrix title",
        "2024 National Employment Matrix code",
        "Occupation type",
        "Employment, 2024",
        "Employment, 2034",
        "Employment change, numeric, 2024–34",
        "Employment change, percent, 2024–34",
        "Percent self employed, 2024",
        "Occupational openings, 2024–34 annual average",
        "Median annual wage, dollars, 2024[1]",
        "Typical education needed for entry",
        "Work experience in a related occupation",
        "Typical on-the-job training needed to attain competency in the occupation",
    ],
);

const TABLE_1_10: (&str, &[&str]) = (
    "Table 1.10 Occupational separations and openings, projected 2024–34 (Employment in thousands)",
    &[
        "2024 National Employment Matrix title",
        "2024 National Employment Matrix code",
        "Occupation type",
        "Labor force exits, 2024–34 annual average",
        "Occupational transfers, 2024–34 annual average",
    ],
);

fn sheet(book: &mut Workbook, (title, headers): (&str, &[&str]), rows: &[u8]) {
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, title).unwrap();
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    for (r, row) in rows.split(|&b| b == 0xFF).take(200).enumerate() {
        for (c, cell) in row.split(|&b| b == 0xFE).take(headers.len()).enumerate() {
            let text = String::from_utf8_lossy(cell);
            let (r, c) = (r as u32 + 2, c as u16);
            match text.trim().parse::<f64>() {
                Ok(n) if n.is_finite() => sheet.write_number(r, c, n).map(drop),
                _ => sheet.write_string(r, c, text.as_ref()).map(drop),
            }
            .unwrap();
        }
    }
}

fuzz_target!(|input: &[u8]| {
    let Some((&mode, rest)) = input.split_first() else {
        return;
    };
    let source = tempfile::tempdir_in(scratch()).unwrap();
    let file = source.path().join("occupation.xlsx");
    if mode & 1 == 0 {
        std::fs::write(&file, rest).unwrap();
    } else {
        let mut parts = rest.splitn(2, |&b| b == 0xFD);
        let mut book = Workbook::new();
        sheet(&mut book, TABLE_1_2, parts.next().unwrap_or_default());
        sheet(&mut book, TABLE_1_10, parts.next().unwrap_or_default());
        book.save(&file).unwrap();
    }
    let data = tempfile::tempdir_in(scratch()).unwrap();
    let Ok(outcome) = run_import(&file, data.path(), true) else {
        return;
    };
    let stored = storage::Projections::open(data.path())
        .expect("what an import wrote opens")
        .expect("the import is there");
    let counts = &outcome.imported.manifest.counts;
    assert_eq!(stored.len() as u64, counts.occupations + counts.groups);
    // Stored, opened and encoded again, the rows are byte for byte what a fresh read of the
    // same file encodes to.
    let (prepared, _) = prepare(&file, true).expect("the file reads again");
    let mut rows: Vec<_> = stored.rows().cloned().collect();
    assert_eq!(rows.len(), stored.len(), "every row decodes");
    let again = storage::encode(&mut rows).unwrap();
    assert_eq!(again, prepared.files[0].1);
});
