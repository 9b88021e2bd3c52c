//! `careers list`: a row per profile.

use serde::Serialize;

use crate::Context;
use crate::cli::ListArgs;
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::store::Origin;

/// One row of the list.
#[derive(Debug, Serialize)]
pub struct ListRow {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// Which kinds of data the profile has: salary, skills, trends, ...
    pub data: Vec<&'static str>,
    pub origin: Origin,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ListReport {
    pub roles: Vec<ListRow>,
}

pub fn run(ctx: &Context, _args: &ListArgs) -> anyhow::Result<ListReport> {
    let roles = ctx
        .store
        .entries()
        .iter()
        .map(|e| ListRow {
            id: e.profile.id.clone(),
            title: e.profile.title.clone(),
            summary: e.profile.summary.clone(),
            data: e.profile.data_kinds(),
            origin: e.origin.clone(),
        })
        .collect();
    Ok(ListReport { roles })
}

/// The first sentence of `text`, for one-line summaries.
pub fn first_sentence(text: &str) -> &str {
    match text.find(". ") {
        Some(end) => &text[..=end],
        None => text,
    }
}

impl Report for ListReport {
    fn document(&self) -> Document {
        let mut doc = Document::default();
        // The source column earns its room only when profiles come from more than one place.
        let all_bundled = self
            .roles
            .iter()
            .all(|r| matches!(r.origin, Origin::Bundled { .. }));
        let mut headers = vec!["Role", "Summary", "Data"];
        if !all_bundled {
            headers.push("Source");
        }
        let mut table = Table::new(headers).wide(1);
        for r in &self.roles {
            let mut cells = vec![
                Cell::tone(format!("{}\n{}", r.id, r.title), Tone::Strong),
                Cell::new(first_sentence(&r.summary)),
                Cell::new(r.data.join(", ")),
            ];
            if !all_bundled {
                cells.push(Cell::tone(r.origin.short(), Tone::Muted));
            }
            table.row(cells);
        }
        doc.table(table);
        let count = match self.roles.len() {
            1 => "1 role".to_owned(),
            n => format!("{n} roles"),
        };
        let whence = if all_bundled { ", all bundled" } else { "" };
        doc.note(format!(
            "{count}{whence}. `careers show ROLE` shows one in full."
        ));
        let mut folders: Vec<String> = self
            .roles
            .iter()
            .filter_map(|r| match &r.origin {
                Origin::User { path } => path.parent().map(|p| p.display().to_string()),
                _ => None,
            })
            .collect();
        folders.dedup();
        for folder in folders {
            doc.note(format!("User profiles come from {folder}."));
        }
        doc
    }

    fn records(&self) -> Records {
        let mut records = Records::new(["id", "title", "summary", "data", "source"]);
        for r in &self.roles {
            records.push([
                r.id.clone(),
                r.title.clone(),
                r.summary.clone(),
                r.data.join("; "),
                r.origin.describe(),
            ]);
        }
        records
    }
}
