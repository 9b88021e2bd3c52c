//! What an import under `--force` left out, kept beside the release so that every answer the
//! left-out rows touched says it is incomplete, and why: a dataset's `skipped.bin`, written only
//! when the import left out a row (an official release has none, so the embedded ones have no
//! such file).
//!
//! Each left-out row counts against the code it names (an occupation's SOC code, an area's
//! table and GeoFIPS); a row whose code cannot be read marks the release as a whole.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The stored file's name, in a dataset's folder and manifest.
pub const SKIPPED: &str = "skipped.bin";

/// The codes an import's left-out rows touched, each with why it is incomplete in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped<K> {
    /// Why every answer from the release is incomplete: rows were left out that name no code.
    pub whole: Option<String>,
    /// Each code a left-out row names, with why, in code order, each once.
    pub codes: Vec<(K, String)>,
}

impl<K> Default for Skipped<K> {
    fn default() -> Self {
        Skipped {
            whole: None,
            codes: Vec::new(),
        }
    }
}

/// One left-out row's problem, as [`Skipped::of_rows`] counts it.
#[derive(Debug, Clone)]
pub struct LeftOut<K> {
    /// The code the row names, when it can be read.
    pub code: Option<K>,
    /// The row, to count each once however many of its cells are at fault: its file (or
    /// sheet) and its line (or row).
    pub row: (String, u64),
    /// The problem in words, with where it is: `occupation.xlsx, sheet "Table 1.2", row 14,
    /// column F: reason`.
    pub problem: String,
}

impl<K: Ord + Clone> Skipped<K> {
    /// The codes `rows` name, each with how many of its rows were left out and the first
    /// problem: "a row of BLS's workbook for it could not be read and the import left it out
    /// (…)". `source` names the files ("BLS's workbook"), `code` what a code stands for
    /// ("occupation").
    pub fn of_rows(rows: &[LeftOut<K>], source: &str, code: &str) -> Skipped<K> {
        let mut named: Vec<&LeftOut<K>> = rows.iter().filter(|r| r.code.is_some()).collect();
        named.sort_by(|a, b| a.code.cmp(&b.code));
        let codes = named
            .chunk_by(|a, b| a.code == b.code)
            .filter_map(|group| {
                let first = group[0];
                Some((first.code.clone()?, words(group, source, None)))
            })
            .collect();
        let unnamed: Vec<&LeftOut<K>> = rows.iter().filter(|r| r.code.is_none()).collect();
        let whole = (!unnamed.is_empty()).then(|| {
            format!(
                "{}; any answer from this release may be missing figures",
                words(&unnamed, source, Some(code))
            )
        });
        Skipped { whole, codes }
    }

    /// Why `key`'s answer is incomplete: its own rows' reason, else the release's as a whole.
    pub fn of(&self, key: &K) -> Option<&str> {
        self.code(key).or(self.whole.as_deref())
    }

    /// Why `key`'s own rows were left out, when they were.
    pub fn code(&self, key: &K) -> Option<&str> {
        self.codes
            .binary_search_by(|(k, _)| k.cmp(key))
            .ok()
            .map(|i| self.codes[i].1.as_str())
    }

    /// Whether nothing was left out.
    pub fn is_empty(&self) -> bool {
        self.whole.is_none() && self.codes.is_empty()
    }

    /// Whether the codes are in order, each once: a stored list that is not was not written
    /// by this version.
    pub fn is_sound(&self) -> bool {
        self.codes.windows(2).all(|w| w[0].0 < w[1].0)
    }
}

impl<K: Serialize + DeserializeOwned + Ord + Clone> Skipped<K> {
    /// The bytes of `skipped.bin`; `None` when nothing was left out, and no file is stored.
    pub fn encode(&self) -> anyhow::Result<Option<Vec<u8>>> {
        if self.is_empty() {
            return Ok(None);
        }
        Ok(Some(postcard::to_stdvec(self)?))
    }

    /// Reads `skipped.bin`; a release without one left nothing out.
    pub fn decode(bytes: Option<&[u8]>) -> Result<Skipped<K>, String> {
        let Some(bytes) = bytes else {
            return Ok(Skipped::default());
        };
        let skipped: Skipped<K> =
            postcard::from_bytes(bytes).map_err(|e| format!("{SKIPPED}: {e}"))?;
        if skipped.is_sound() {
            Ok(skipped)
        } else {
            Err(format!("{SKIPPED}'s codes are out of order"))
        }
    }
}

/// "a row of BLS's workbook for it could not be read and the import left it out (where:
/// why)"; "2 rows … left them out (where: why, ...)". With `code` ("occupation"), for rows
/// whose code cannot be read: "a row of BLS's workbook could not be read, nor which
/// occupation it is for, and the import left it out (…)".
fn words<K>(problems: &[&LeftOut<K>], source: &str, code: Option<&str>) -> String {
    let mut rows: Vec<&(String, u64)> = problems.iter().map(|p| &p.row).collect();
    rows.sort();
    rows.dedup();
    let (count, them, it_is) = match rows.len() {
        1 => ("a row".to_owned(), "it", "it is"),
        n => (format!("{n} rows"), "them", "they are"),
    };
    let what = match code {
        Some(code) => {
            format!("{count} of {source} could not be read, nor which {code} {it_is} for,")
        }
        None => format!("{count} of {source} for it could not be read"),
    };
    format!(
        "{what} and the import left {them} out ({}{})",
        problems[0].problem,
        if problems.len() > 1 { ", ..." } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn left_out(code: Option<&str>, line: u64, problem: &str) -> LeftOut<String> {
        LeftOut {
            code: code.map(str::to_owned),
            row: ("a.csv".to_owned(), line),
            problem: problem.to_owned(),
        }
    }

    #[test]
    fn each_code_counts_its_rows_once_and_unnamed_rows_mark_the_whole_release() {
        let rows = [
            left_out(Some("15-2051"), 9, "a.csv line 9: bad"),
            left_out(Some("15-2051"), 9, "a.csv line 9: worse"),
            left_out(Some("11-1011"), 4, "a.csv line 4: bad"),
            left_out(Some("15-2051"), 12, "a.csv line 12: bad"),
            left_out(None, 20, "a.csv line 20: no code"),
        ];
        let skipped = Skipped::of_rows(&rows, "the files", "occupation");
        assert_eq!(
            skipped.code(&"11-1011".to_owned()),
            Some(
                "a row of the files for it could not be read and the import left it out (a.csv line 4: bad)"
            )
        );
        assert_eq!(
            skipped.code(&"15-2051".to_owned()),
            Some(
                "2 rows of the files for it could not be read and the import left them out (a.csv line 9: bad, ...)"
            )
        );
        let whole = "a row of the files could not be read, nor which occupation it is for, and the import left it out (a.csv line 20: no code); any answer from this release may be missing figures";
        assert_eq!(skipped.whole.as_deref(), Some(whole));
        assert_eq!(skipped.of(&"29-1141".to_owned()), Some(whole));
        assert_eq!(skipped.code(&"29-1141".to_owned()), None);
        let bytes = skipped.encode().unwrap().unwrap();
        assert_eq!(Skipped::decode(Some(&bytes)), Ok(skipped));
    }

    #[test]
    fn nothing_left_out_stores_no_file() {
        let skipped = Skipped::<String>::of_rows(&[], "the files", "occupation");
        assert!(skipped.is_empty());
        assert_eq!(skipped.encode().unwrap(), None);
        assert_eq!(Skipped::<String>::decode(None), Ok(Skipped::default()));
    }
}
