//! Census's principal cities of metropolitan areas: reading the Census Bureau's "List 2.
//! Principal cities of metropolitan and micropolitan statistical areas" (`list2_2023.xlsx`)
//! into the table careers compiles in (`data/embedded/principal-cities.tsv`), which place names
//! are resolved with ([`crate::model::place`]).
//!
//! The workbook: title rows, a header row (`CBSA Code`, `CBSA Title`, `Metropolitan/Micropolitan
//! Statistical Area`, `Principal City Name`, `FIPS State Code`, ...), the rows, then a blank row
//! and notes. Columns are found by their headers; only metropolitan areas are kept
//! (micropolitan areas are not OEWS areas). A row that cannot be read fails the read with its
//! sheet, row and column: the table is made for the binary, and must be whole.
//!
//! The names kept are those people type and the metro's title writes: "Indianapolis city
//! (balance)" is Indianapolis, "Nashville-Davidson metropolitan government (balance)" Nashville
//! and Davidson, and "San Buenaventura (Ventura)" both San Buenaventura and Ventura.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use anyhow::{Context, anyhow, bail};
use calamine::{Data, Reader, Xlsx};

use crate::model::place::postal_of;

/// One principal city of a metropolitan area, as the table keeps it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PrincipalCity {
    /// The name as people type it.
    pub name: String,
    /// The CBSA code: the OEWS area is `00` and it.
    pub cbsa: String,
    /// The city's state, by postal code.
    pub state: String,
}

const HEADERS: [&str; 4] = [
    "CBSA Code",
    "Metropolitan/Micropolitan Statistical Area",
    "Principal City Name",
    "FIPS State Code",
];

/// Reads Census's workbook at `path`: every principal city of a metropolitan area.
pub fn read(path: &Path) -> anyhow::Result<Vec<PrincipalCity>> {
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut book: Xlsx<_> = Xlsx::new(BufReader::new(file)).map_err(|e| {
        anyhow!(
            "cannot read {} as an Excel workbook (.xlsx): {e}",
            path.display()
        )
    })?;
    let sheet = book
        .sheet_names()
        .first()
        .cloned()
        .with_context(|| format!("{file_name} has no sheet"))?;
    let cells = book
        .worksheet_range(&sheet)
        .map_err(|e| anyhow!("cannot read sheet {sheet:?} of {file_name}: {e}"))?;
    let text = |cell: Option<&Data>| match cell {
        Some(Data::String(s)) => s.trim().to_owned(),
        Some(Data::Float(f)) if f.fract() == 0.0 => format!("{f:.0}"),
        Some(Data::Int(i)) => i.to_string(),
        _ => String::new(),
    };
    let rows: Vec<&[Data]> = cells.rows().collect();
    let first_row = cells.start().map_or(0, |s| s.0);
    let header_at = rows
        .iter()
        .position(|r| r.iter().any(|c| text(Some(c)) == HEADERS[0]))
        .with_context(|| {
            format!(
                "{file_name} (sheet {sheet:?}) has no header row with a \"CBSA Code\" column; is it Census's List 2 of principal cities?"
            )
        })?;
    let header: Vec<String> = rows[header_at].iter().map(|c| text(Some(c))).collect();
    let mut columns = [0usize; 4];
    for (slot, name) in columns.iter_mut().zip(HEADERS) {
        *slot = header.iter().position(|h| h == name).with_context(|| {
            format!("{file_name} (sheet {sheet:?}) has no \"{name}\" column in its header row")
        })?;
    }
    let [code_at, kind_at, name_at, state_at] = columns;
    let mut out = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(header_at + 1) {
        let cell = |c: usize| text(row.get(c));
        let (code, kind, name, state) =
            (cell(code_at), cell(kind_at), cell(name_at), cell(state_at));
        if code.is_empty() && name.is_empty() {
            // The blank row before the notes, and the notes themselves in the first column.
            continue;
        }
        let row_number = first_row as usize + i + 1;
        let at = |column: usize, why: String| {
            anyhow!(
                "{file_name} (sheet {sheet:?}) row {row_number}, column {}: {why}; the table of principal cities must be whole",
                column_letter(column)
            )
        };
        if code.starts_with("Note") || code.starts_with("Source") {
            continue;
        }
        if code.len() != 5 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(at(
                code_at,
                format!("\"{code}\" is not a CBSA code (five digits)"),
            ));
        }
        match kind.as_str() {
            "Metropolitan Statistical Area" => {}
            "Micropolitan Statistical Area" => continue,
            other => {
                return Err(at(
                    kind_at,
                    format!("\"{other}\" is neither a metropolitan nor a micropolitan area"),
                ));
            }
        }
        let state = postal_of(&format!("{state:0>2}"))
            .ok_or_else(|| at(state_at, format!("\"{state}\" is no FIPS state code")))?;
        if name.is_empty() {
            return Err(at(name_at, "no city name".into()));
        }
        for typed in typed_names(&name) {
            out.push(PrincipalCity {
                name: typed,
                cbsa: code.clone(),
                state: state.to_owned(),
            });
        }
    }
    if out.is_empty() {
        bail!("{file_name} (sheet {sheet:?}) holds no principal city of a metropolitan area");
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// The names people type for a Census place name.
fn typed_names(census: &str) -> Vec<String> {
    if let Some(base) = census.strip_suffix(" (balance)") {
        // A consolidated city's remainder: "Nashville-Davidson metropolitan government".
        let mut base = base;
        for suffix in [
            " city",
            " unified government",
            " consolidated government",
            " metro government",
            " metropolitan government",
        ] {
            base = base.strip_suffix(suffix).unwrap_or(base);
        }
        // Each part, as the metro's title writes it: "Nashville-Davidson" is Nashville and
        // Davidson.
        return base
            .split(['-', '/'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect();
    }
    if let Some((name, other)) = census.strip_suffix(')').and_then(|n| n.split_once(" (")) {
        return vec![name.trim().to_owned(), other.trim().to_owned()];
    }
    vec![census.to_owned()]
}

/// The table's text: a header of `#` lines, then one line per city (its name, the CBSA code and
/// its state), sorted by name.
pub fn table(cities: &[PrincipalCity], source: &str) -> String {
    let mut out = format!(
        "# Principal cities of metropolitan statistical areas: the U.S. Census Bureau's List 2 (July\n\
         # 2023 delineations), made by `careers dataset --cities {source}`. A city a line: its name,\n\
         # the CBSA code of its metropolitan area, and its state.\n"
    );
    for c in cities {
        out.push_str(&format!("{}\t{}\t{}\n", c.name, c.cbsa, c.state));
    }
    out
}

/// Excel's letter of a 0-based column.
fn column_letter(column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        letters.push(char::from(b'A' + ((n - 1) % 26) as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_people_type() {
        assert_eq!(typed_names("Plano"), ["Plano"]);
        assert_eq!(typed_names("Indianapolis city (balance)"), ["Indianapolis"]);
        assert_eq!(
            typed_names("Nashville-Davidson metropolitan government (balance)"),
            ["Nashville", "Davidson"]
        );
        assert_eq!(
            typed_names("Louisville/Jefferson County metro government (balance)"),
            ["Louisville", "Jefferson County"]
        );
        assert_eq!(
            typed_names("Athens-Clarke County unified government (balance)"),
            ["Athens", "Clarke County"]
        );
        assert_eq!(
            typed_names("San Buenaventura (Ventura)"),
            ["San Buenaventura", "Ventura"]
        );
    }

    #[test]
    fn the_table_is_sorted_lines_of_three_fields() {
        let mut cities = vec![
            PrincipalCity {
                name: "Plano".into(),
                cbsa: "19100".into(),
                state: "TX".into(),
            },
            PrincipalCity {
                name: "Mayagüez".into(),
                cbsa: "32420".into(),
                state: "PR".into(),
            },
        ];
        cities.sort();
        let text = table(&cities, "list2_2023.xlsx");
        assert!(
            text.ends_with("Mayagüez\t32420\tPR\nPlano\t19100\tTX\n"),
            "{text}"
        );
    }
}
