//! How `careers list` reads: a table of a line per role, by its code where it has one, with
//! its job zone and where it was loaded from when some row has them, then how many roles there
//! are; in CSV one row per role, with O*NET's attribution on the rows imported from it.

use crate::commands::list::ListReport;
use crate::model::credits::CreditedSource;
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::store::Origin;
use crate::views::sections::origin_credit;

impl Report for ListReport {
    fn document(&self) -> Document {
        let mut doc = Document::default();
        // A line per role: an occupation goes by its code (which `show` takes), others by id;
        // the zone and source columns earn their room only when some row needs them.
        let zoned = self.roles.iter().any(|r| r.job_zone.is_some());
        let all_bundled = self
            .roles
            .iter()
            .all(|r| matches!(r.origin, Origin::Bundled { .. }));
        let users = self
            .roles
            .iter()
            .any(|r| matches!(r.origin, Origin::User { .. }));
        let mut headers = vec!["Role"];
        if zoned {
            headers.push("Zone");
        }
        headers.push("Title");
        if users {
            headers.push("Loaded from");
        }
        let title = usize::from(zoned) + 1;
        let mut table = Table::new(headers)
            .wide(title)
            .ids(0)
            .numbers(zoned.then_some(1));
        for r in &self.roles {
            let mut cells = vec![Cell::tone(
                r.code.clone().unwrap_or_else(|| r.id.clone()),
                Tone::Strong,
            )];
            if zoned {
                cells.push(Cell::new(
                    r.job_zone.map_or_else(|| "-".to_owned(), |z| z.to_string()),
                ));
            }
            cells.push(Cell::new(r.title.clone()));
            if users {
                cells.push(Cell::tone(r.origin.short(), Tone::Muted));
            }
            table.row(cells);
        }
        if !self.roles.is_empty() {
            doc.table(table);
        }
        let mut count = match self.roles.len() {
            1 => "1 role".to_owned(),
            n => format!("{n} roles"),
        };
        if self.total > self.roles.len() {
            count = format!("{count} of {}", self.total);
        }
        let whence = if all_bundled && !self.roles.is_empty() {
            ", all bundled"
        } else {
            ""
        };
        let take = if zoned {
            " (an id or an O*NET-SOC code)"
        } else {
            ""
        };
        doc.note(format!(
            "{count}{whence}. `careers show ROLE`{take} shows one in full."
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

    /// The `attribution` column whatever the data in use.
    fn attribution_column(&self) -> Option<bool> {
        Some(true)
    }

    fn records(&self) -> Records {
        // O*NET's rows carry its attribution.
        let mut records = Records::new([
            "id", "title", "code", "job_zone", "summary", "data", "origin", "file",
        ])
        .marking(CreditedSource::Onet);
        for r in &self.roles {
            records.push_from(
                origin_credit(&r.origin),
                [
                    r.id.clone(),
                    r.title.clone(),
                    r.code.clone().unwrap_or_default(),
                    r.job_zone.map(|z| z.to_string()).unwrap_or_default(),
                    r.summary.clone(),
                    r.data.join("; "),
                    r.origin.kind().to_owned(),
                    r.origin.file(),
                ],
            );
        }
        records
    }
}
