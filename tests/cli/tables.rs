//! Tables at 80 columns on a terminal, on a fresh install: what a reader of a narrow terminal
//! sees of `where`, `search`, `list`, `compare` and a salary of several places is a table, and
//! every id, code and figure in it can be copied whole.

use crate::common::TestEnv;

/// `careers ARGS` on a pseudo-terminal 80 columns wide, with the embedded data, no colour and
/// no pager.
fn at_80(args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend(["--no-pager", "--color", "never"]);
    TestEnv::new()
        .embedded()
        .env_remove("CAREERS_FORMAT")
        .env("TERM", "xterm")
        .width(80)
        .on_terminal(&all)
}

/// The same table so wide that nothing wraps.
fn plain(args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend(["--format", "table", "--no-pager"]);
    TestEnv::new().embedded().width(2000).stdout(&all)
}

/// Whether `word` is an id (`data-scientists`), a code (`15-2051.00`) or a figure
/// (`$120,230`, `2.38`): words that must never be broken.
fn unbreakable(word: &str) -> bool {
    let slug = word.contains('-')
        && word.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    let figure =
        word.bytes().any(|b| b.is_ascii_digit()) && !word.bytes().any(|b| b.is_ascii_alphabetic());
    word.len() >= 3 && (slug || figure)
}

/// Asserts that `table` (the terminal look of `args`) shows every id, code and figure of the
/// plain look as often as it does: one broken over two lines would be missing.
fn assert_whole(args: &[&str], table: &str) {
    let plain = plain(args);
    let mut checked = 0;
    for word in plain.split(|c: char| c.is_whitespace()) {
        let word = word.trim_matches(|c: char| "()[],;:.\"'`".contains(c));
        if !unbreakable(word) {
            continue;
        }
        assert_eq!(
            table.matches(word).count(),
            plain.matches(word).count(),
            "{args:?}: {word} is broken:\n{table}"
        );
        checked += 1;
    }
    assert!(checked > 0, "{args:?}: no id, code or figure in\n{plain}");
}

/// Asserts that `text` has a boxed table whose header row starts with `header`, and that
/// nothing is wider than 80 columns.
fn assert_table(text: &str, header: &str) {
    assert!(
        text.lines().any(|l| l.starts_with(header)),
        "no table headed {header:?}:\n{text}"
    );
    crate::common::assert_fits(text, 80);
}

#[test]
fn where_is_a_table_at_80_columns() {
    let args = ["where", "software-developers", "--top", "5"];
    let text = at_80(&args);
    assert_table(&text, "│ # ┆ Area ");
    assert!(!text.contains("#: 1"), "{text}");
    // Figures are right-aligned: the first row ends with the location quotient.
    assert!(
        text.lines()
            .any(|l| l.starts_with("│ 1 ┆ ") && l.ends_with("┆ 7.09 │")),
        "{text}"
    );
    assert_whole(&args, &text);
}

#[test]
fn search_is_a_table_at_80_columns_with_each_id_above_its_title() {
    let args = ["search", "data", "--limit", "5"];
    let text = at_80(&args);
    assert_table(&text, "│ Role ");
    let json = TestEnv::new().embedded().json(&args);
    for hit in json["results"].as_array().unwrap() {
        let (id, title) = (hit["id"].as_str().unwrap(), hit["title"].as_str().unwrap());
        let line = text
            .lines()
            .position(|l| l.starts_with(&format!("│ {id} ")))
            .unwrap_or_else(|| panic!("{id} not on a line of its own:\n{text}"));
        let below = text.lines().nth(line + 1).unwrap();
        let first_word = title.split(' ').next().unwrap();
        assert!(below.starts_with(&format!("│ {first_word}")), "{text}");
    }
    assert_whole(&args, &text);
}

#[test]
fn list_is_a_table_at_80_columns() {
    let args = ["list"];
    let text = at_80(&args);
    assert_table(&text, "│ Role ");
    let json = TestEnv::new().embedded().json(&args);
    let roles = json["roles"].as_array().unwrap();
    assert!(roles.len() > 1000);
    // A line per role, its code (or id) whole in the first column.
    let firsts: std::collections::HashSet<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("│ ")?.split(" ┆").next())
        .map(str::trim)
        .collect();
    for r in roles {
        let key = r["code"].as_str().or(r["id"].as_str()).unwrap();
        assert!(firsts.contains(key), "{key}:\n{text}");
    }
    assert_whole(&args, &text);
}

#[test]
fn compare_is_a_table_at_80_columns_with_its_ids_whole() {
    // Ids are the headers, which break between words only: an id is one word.
    let args = [
        "compare",
        "data-scientists",
        "financial-quantitative-analysts",
    ];
    let text = at_80(&args);
    assert_table(&text, "│ Aspect ");
    let header = text.lines().nth(2).unwrap();
    assert!(
        header.contains("┆ data-scientists ")
            && header.contains("┆ financial-quantitative-analysts "),
        "{text}"
    );
    let args = ["compare", "ml-engineer", "data-scientists"];
    let text = at_80(&args);
    assert_table(&text, "│ Aspect ");
    assert_whole(&args, &text);
}

#[test]
fn salary_of_several_places_is_a_table_at_80_columns() {
    let args = ["salary", "data-scientists", "--city", "Seattle,Boston"];
    let text = at_80(&args);
    assert_table(&text, "│ Figure ");
    // Place names in the header break between words, never inside one.
    assert!(text.contains("┆ Seattle-Tacoma-Bellevue, WA ┆"), "{text}");
    assert!(text.contains(" Boston-Cambridge-Newton, │"), "{text}");
    assert_whole(&args, &text);
}

#[test]
fn a_table_that_cannot_fit_is_stacked_with_its_ids_whole() {
    // A 75-character id cannot share 80 columns with the other columns: each row becomes a
    // record, the id on a line of its own.
    let args = ["search", "electrician", "--limit", "3"];
    let text = at_80(&args);
    assert!(!text.contains('╭'), "{text}");
    assert!(
        text.lines()
            .any(|l| l
                == "electrical-and-electronics-installers-and-repairers-transportation-equipment"),
        "{text}"
    );
    assert_whole(&args, &text);
}
