//! How `careers sources` reads: a table of the sources of profiles with how many each holds,
//! where it was read and made from and its licence, then the release of official wages in use
//! and where an import would go when there is none.

use crate::commands::sources::SourcesReport;
use crate::model::credits::CreditedSource;
use crate::model::salary::thousands;
use crate::render::{Cell, Document, Records, Report, Table, Tone, sectioned_records};

/// The headings of the official releases' sections, and the CSV sections of their rows.
const WAGES: &str = "Official wages";
const PROJECTIONS: &str = "Official projections";
const PRICES: &str = "Price levels";

impl Report for SourcesReport {
    fn attribution_column(&self) -> Option<bool> {
        Some(true)
    }

    /// The document's records, BLS's notice on the rows of its release.
    fn records(&self) -> Records {
        let mut records = sectioned_records("sources", &self.document());
        let rows = records.rows.iter().enumerate();
        let official = rows.filter(|(_, r)| r[1] == WAGES || r[1] == PROJECTIONS);
        records.mark_rows(
            CreditedSource::Bls,
            official.map(|(i, _)| i).collect::<Vec<_>>(),
        );
        records
    }

    fn document(&self) -> Document {
        let mut doc = Document::default();
        let mut table = Table::new(["Source", "Profiles", "From", "Licence"])
            .wide(2)
            .numbers([1]);
        for s in &self.sources {
            let mut from = Vec::new();
            match (&s.version, &s.published) {
                (Some(v), Some(date)) => from.push(format!("release {v}, {date}")),
                (Some(v), None) => from.push(format!("release {v}")),
                _ => {}
            }
            match &s.folder {
                Some(folder) => from.push(path_text(folder)),
                None => from.push("compiled into careers".into()),
            }
            match (&s.imported_from, &s.imported_at) {
                (Some(source), Some(at)) => {
                    from.push(format!("imported {at} from {}", path_text(source)));
                }
                (Some(source), None) => from.push(format!("made from {}", path_text(source))),
                (None, Some(at)) => from.push(format!("imported {at}")),
                (None, None) => {}
            }
            if let Some(r) = &s.ratings {
                let mut text = format!(
                    "ratings of {} occupations from release {}",
                    thousands(r.occupations as u64),
                    r.version.as_deref().unwrap_or("unknown")
                );
                if let Some(date) = &r.published {
                    text.push_str(&format!(", {date}"));
                }
                if let Some(source) = &r.imported_from {
                    text.push_str(&format!(", made from {}", path_text(source)));
                }
                from.push(text);
            }
            table.row([
                Cell::tone(s.name.clone(), Tone::Strong),
                Cell::new(thousands(s.profiles as u64)),
                Cell::new(from.join("\n")),
                Cell::new(s.licence.clone()),
            ]);
        }
        doc.table(table);
        if let Some(w) = &self.wages {
            doc.heading(2, WAGES);
            let c = &w.counts;
            let mut fields = vec![
                ("Source".to_owned(), format!("{}, {}", w.name, w.release)),
                (
                    "Published".to_owned(),
                    w.published
                        .clone()
                        .unwrap_or_else(|| "not stated in the files".into()),
                ),
                (
                    "Holds".to_owned(),
                    format!(
                        "{} estimates of {} occupations in {} areas ({} rows read, {} skipped)",
                        thousands(c.estimates),
                        thousands(c.occupations),
                        thousands(c.areas),
                        thousands(c.rows),
                        thousands(c.rows_skipped)
                    ),
                ),
            ];
            if let Some(folder) = &w.folder {
                fields.push(("Folder".to_owned(), path_text(folder)));
            }
            fields.push(match &w.imported_at {
                Some(at) => (
                    "Imported".to_owned(),
                    format!("{at} from {}", path_text(&w.imported_from)),
                ),
                None => (
                    "Embedded".to_owned(),
                    format!(
                        "compiled into careers, made from {}",
                        path_text(&w.imported_from)
                    ),
                ),
            });
            fields.push(("Licence".to_owned(), w.licence.to_owned()));
            doc.fields(fields);
            // BLS's notice here, after the release it is about; O*NET's attribution last.
            doc.credit_here(CreditedSource::Bls);
        }
        if let Some(p) = &self.projections {
            doc.heading(2, PROJECTIONS);
            let c = &p.counts;
            let mut fields = vec![
                ("Source".to_owned(), p.source.name.clone()),
                (
                    "Published".to_owned(),
                    p.source
                        .published
                        .clone()
                        .unwrap_or_else(|| "not stated in the files".into()),
                ),
                (
                    "Holds".to_owned(),
                    format!(
                        "{} occupations and {} groups, {}-{} ({} rows read, {} skipped)",
                        thousands(c.occupations),
                        thousands(c.groups),
                        p.source.base_year,
                        p.source.projected_year,
                        thousands(c.rows),
                        thousands(c.rows_skipped)
                    ),
                ),
                ("Cite as".to_owned(), p.source.citation.clone()),
            ];
            if let Some(folder) = &p.folder {
                fields.push(("Folder".to_owned(), path_text(folder)));
            }
            fields.push(match &p.imported_at {
                Some(at) => (
                    "Imported".to_owned(),
                    format!("{at} from {}", path_text(&p.imported_from)),
                ),
                None => (
                    "Embedded".to_owned(),
                    format!(
                        "compiled into careers, made from {}",
                        path_text(&p.imported_from)
                    ),
                ),
            });
            fields.push(("Licence".to_owned(), p.licence.to_owned()));
            doc.fields(fields);
            doc.credit_here(CreditedSource::Bls);
        }
        if let Some(p) = &self.prices {
            doc.heading(2, PRICES);
            let c = &p.counts;
            let mut fields = vec![
                ("Source".to_owned(), p.source.name.clone()),
                (
                    "Released".to_owned(),
                    p.source
                        .published
                        .clone()
                        .unwrap_or_else(|| "not stated in the files".into()),
                ),
                (
                    "Holds".to_owned(),
                    format!(
                        "{} metropolitan areas, {} state portions and {} states, {}-{} ({} rows read, {} skipped)",
                        thousands(c.metros),
                        thousands(c.portions),
                        thousands(c.states),
                        c.first_year,
                        c.last_year,
                        thousands(c.rows),
                        thousands(c.rows_skipped)
                    ),
                ),
                ("Cite as".to_owned(), p.source.citation.to_owned()),
            ];
            if let Some(folder) = &p.folder {
                fields.push(("Folder".to_owned(), path_text(folder)));
            }
            fields.push(match &p.imported_at {
                Some(at) => (
                    "Imported".to_owned(),
                    format!("{at} from {}", path_text(&p.imported_from)),
                ),
                None => (
                    "Embedded".to_owned(),
                    format!(
                        "compiled into careers, made from {}",
                        path_text(&p.imported_from)
                    ),
                ),
            });
            fields.push(("Licence".to_owned(), p.licence.to_owned()));
            doc.fields(fields);
        }
        if self.sources.iter().any(|s| s.embedded)
            || self.wages.as_ref().is_some_and(|w| w.embedded)
            || self.projections.as_ref().is_some_and(|p| p.embedded)
            || self.prices.as_ref().is_some_and(|p| p.embedded)
        {
            doc.note(
                "The embedded data was made from the official files by the code `careers import` runs. \
`careers import onet DIR`, `careers import oews DIR`, `careers import projections FILE` or \
`careers import prices DIR` brings in a newer release, which then replaces the embedded one of \
its kind.",
            );
        }
        if let Some(folder) = &self.oews_folder {
            doc.note(format!(
                "No BLS OEWS import. `careers import oews DIR` imports BLS's OEWS flat files into {}.",
                path_text(folder)
            ));
        }
        if let Some(folder) = &self.projections_folder {
            doc.note(format!(
                "No BLS Employment Projections import. `careers import projections FILE` imports BLS's occupation.xlsx into {}.",
                path_text(folder)
            ));
        }
        if let Some(folder) = &self.prices_folder {
            doc.note(format!(
                "No BEA Regional Price Parities import. `careers import prices DIR` imports BEA's RPP CSVs into {}.",
                path_text(folder)
            ));
        }
        if let Some(folder) = &self.onet_folder {
            doc.note(format!(
                "No O*NET import. `careers import onet DIR` imports O*NET's text files into {}.",
                path_text(folder)
            ));
        }
        doc
    }
}

/// A path as one line of text: a newline in a folder's name is shown escaped, so that it cannot
/// start a line of its own in the report.
fn path_text(path: &std::path::Path) -> String {
    crate::render::sanitize::sanitize_line(&path.display().to_string()).into_owned()
}
