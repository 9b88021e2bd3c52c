//! An O*NET folder built from the input: the bytes, split at each 0xFF byte, become
//! `Occupation Data.txt` and then the optional files in the order the importer reads them, each
//! behind the header O*NET gives it, so that rows reach the checks instead of failing at the
//! header. Reading must never panic; whatever the import stores must open again and every
//! occupation's index record and details and the search file must read back.

#![no_main]

use std::collections::HashSet;

use careers::onet::import::{OCCUPATION_DATA, OPTIONAL_FILES, Silent};
use careers::onet::{run_import, storage};
use libfuzzer_sys::fuzz_target;

mod scratch;
use scratch::scratch;

/// The header row of each file, as O*NET 29.2 writes it (the columns the importer looks for,
/// and a few it does not).
fn header(file: &str) -> &'static str {
    match file {
        "Occupation Data.txt" => "O*NET-SOC Code\tTitle\tDescription",
        "Alternate Titles.txt" => "O*NET-SOC Code\tTitle\tAlternate Title\tShort Title\tSource(s)",
        "Sample of Reported Titles.txt" => {
            "O*NET-SOC Code\tTitle\tReported Job Title\tShown in My Next Move"
        }
        "Task Statements.txt" => "O*NET-SOC Code\tTitle\tTask ID\tTask\tTask Type",
        "Technology Skills.txt" => {
            "O*NET-SOC Code\tTitle\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand"
        }
        "Tools Used.txt" => "O*NET-SOC Code\tTitle\tExample\tCommodity Code\tCommodity Title",
        "Job Zone Reference.txt" => "Job Zone\tName\tExperience\tEducation\tJob Training",
        "Job Zones.txt" => "O*NET-SOC Code\tTitle\tJob Zone\tDate\tDomain Source",
        "Education, Training, and Experience Categories.txt" => {
            "Element ID\tElement Name\tScale ID\tCategory\tCategory Description"
        }
        "Education, Training, and Experience.txt" => {
            "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tCategory\tData Value\tRecommend Suppress"
        }
        "Related Occupations.txt" => {
            "O*NET-SOC Code\tTitle\tRelated O*NET-SOC Code\tRelated Title\tRelatedness Tier\tIndex"
        }
        "Skills.txt" | "Knowledge.txt" | "Abilities.txt" => {
            "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\tStandard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source"
        }
        _ => "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value",
    }
}

fuzz_target!(|input: &[u8]| {
    let source = tempfile::tempdir_in(scratch()).unwrap();
    let files = std::iter::once(OCCUPATION_DATA).chain(OPTIONAL_FILES);
    for (file, body) in files.zip(input.split(|&b| b == 0xFF)) {
        let mut bytes = format!("{}\r\n", header(file)).into_bytes();
        bytes.extend_from_slice(body);
        std::fs::write(source.path().join(file), bytes).unwrap();
    }
    let data = tempfile::tempdir_in(scratch()).unwrap();
    let vocabulary = careers::store::bundled_vocabulary().unwrap();
    let reserved: HashSet<String> = ["ml-engineer".to_owned()].into();
    let Ok(outcome) = run_import(
        source.path(),
        data.path(),
        &vocabulary,
        &reserved,
        &Silent,
        true,
    ) else {
        return;
    };
    let stored = storage::open(data.path())
        .expect("what an import wrote opens")
        .expect("the import is there");
    assert_eq!(
        stored.names.len(),
        outcome.manifest.counts.counts.occupations
    );
    for position in 0..stored.names.len() {
        stored
            .index_record(position)
            .expect("every occupation's index record reads back");
        stored
            .details(position)
            .expect("every occupation's details read back");
    }
    let search = stored.search_file().expect("the search file reads back");
    stored
        .search_records(&search)
        .expect("the search file decodes");
    let words = stored.word_index().expect("the word index reads back");
    for id in 0..words.vocabulary() {
        words
            .occupations_with(id as u32)
            .expect("every word's occupations read back");
    }
    for position in 0..stored.names.len() {
        words
            .texts(position, careers::onet::words::Kinds::ALL, |_, _, _| {})
            .expect("every occupation's words read back");
    }
});
