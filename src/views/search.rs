//! How `careers search` reads: a table of the matching roles, best first, with their score and
//! the texts the words were found in, then how many matched; in CSV one row per role, with
//! O*NET's attribution on the rows imported from it.

use crate::commands::search::{Matched, SearchReport};
use crate::model::credits::CreditedSource;
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::views::sections::origin_credit;

/// "title; alias \"mle\"; 3 tasks".
fn matched_text(matched: &[Matched]) -> String {
    let words: Vec<String> = matched
        .iter()
        .map(|m| match m {
            Matched::Title => "title".to_owned(),
            Matched::Alias { text } => format!("alias \"{text}\""),
            Matched::AlternateTitle { text } => format!("alternate title \"{text}\""),
            Matched::Skill { text } => format!("skill \"{text}\""),
            Matched::Tasks { count: 1 } => "1 task".to_owned(),
            Matched::Tasks { count } => format!("{count} tasks"),
            Matched::Code { code } => format!("code {code}"),
            Matched::LinkedCode { code } => format!("linked code {code}"),
        })
        .collect();
    words.join("; ")
}

impl Report for SearchReport {
    fn document(&self) -> Document {
        let mut doc = Document::default();
        if self.results.is_empty() {
            doc.paragraph(format!(
                "No role matches \"{}\". Try fewer or shorter words.",
                self.query
            ));
            return doc;
        }
        let mut table = Table::new(["Role", "Title", "Loaded from", "Score", "Matched in"])
            .wide(4)
            .id_above(0, 1)
            .numbers([3]);
        for h in &self.results {
            table.row([
                Cell::tone(h.id.clone(), Tone::Strong),
                Cell::tone(h.title.clone(), Tone::Strong),
                Cell::tone(h.origin.describe(), Tone::Muted),
                Cell::new(h.score.to_string()),
                Cell::new(matched_text(&h.matched)),
            ]);
        }
        doc.table(table);
        let shown = self.results.len();
        let count = if shown < self.total {
            format!("{shown} of {} roles matching", self.total)
        } else if shown == 1 {
            "1 role matching".to_owned()
        } else {
            format!("{shown} roles matching")
        };
        doc.note(format!(
            "{count} \"{}\", best first. `careers show ROLE` shows one in full.",
            self.query
        ));
        doc
    }

    /// The `attribution` column whatever the data in use.
    fn attribution_column(&self) -> Option<bool> {
        Some(true)
    }

    fn records(&self) -> Records {
        // O*NET's rows carry its attribution.
        let mut records = Records::new(["id", "title", "score", "matched", "origin", "file"])
            .marking(CreditedSource::Onet);
        for h in &self.results {
            records.push_from(
                origin_credit(&h.origin),
                [
                    h.id.clone(),
                    h.title.clone(),
                    h.score.to_string(),
                    matched_text(&h.matched),
                    h.origin.kind().to_owned(),
                    h.origin.file(),
                ],
            );
        }
        records
    }
}
