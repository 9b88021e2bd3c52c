//! How `careers import` reads: the release imported, from which folder into which, how many
//! records of each kind it kept, the files the folder lacked and the malformed rows skipped,
//! then (from the renderer) O*NET's attribution or BLS's notice.

use crate::commands::import::{
    ImportOutput, ImportReport, OewsImportReport, PricesImportReport, ProjectionsImportReport,
};
use crate::onet::import::SkippedGroup;
use crate::render::{Document, Report};

impl Report for ImportOutput {
    /// An account of the import: its records show none of the source's figures.
    fn attribution_column(&self) -> Option<bool> {
        Some(false)
    }

    /// One text, not records: plain shows it as it is.
    fn plain_records(&self) -> bool {
        false
    }

    /// A record per value of the account, its id the database imported.
    fn records(&self) -> crate::render::Records {
        let id = match self {
            ImportOutput::Onet(_) => "onet",
            ImportOutput::Oews(_) => "oews",
            ImportOutput::Projections(_) => "projections",
            ImportOutput::Prices(_) => "prices",
        };
        crate::render::sectioned_records(id, &self.document())
    }

    fn document(&self) -> Document {
        match self {
            ImportOutput::Onet(r) => r.document(),
            ImportOutput::Oews(r) => r.document(),
            ImportOutput::Projections(r) => r.document(),
            ImportOutput::Prices(r) => r.document(),
        }
    }
}

impl ProjectionsImportReport {
    fn document(&self) -> Document {
        let mut doc = Document::default();
        doc.heading(
            1,
            format!("Imported BLS Employment Projections {}", self.release.name),
        );
        let c = &self.counts;
        let n = crate::model::salary::thousands;
        let mut fields = vec![
            ("From".into(), self.source.display().to_string()),
            ("Into".into(), self.folder.display().to_string()),
            ("Imported at".into(), self.imported_at.clone()),
            (
                "Published".into(),
                self.release
                    .published
                    .clone()
                    .unwrap_or_else(|| "not stated in the workbook".into()),
            ),
            ("Occupations".into(), n(c.occupations)),
            ("Groups".into(), n(c.groups)),
            ("Rows read".into(), n(c.rows)),
        ];
        if c.rows_skipped > 0 {
            fields.push(("Rows skipped".into(), n(c.rows_skipped)));
        }
        doc.fields(fields);
        if !self.skipped_rows.is_empty() {
            doc.heading(2, "Rows left out (--force)");
            doc.list(self.skipped_rows.iter().map(ToString::to_string));
        }
        doc
    }
}

impl PricesImportReport {
    fn document(&self) -> Document {
        let mut doc = Document::default();
        doc.heading(
            1,
            format!("Imported {} {}", self.database, self.release.name),
        );
        let c = &self.counts;
        let n = crate::model::salary::thousands;
        let mut fields = vec![
            ("From".into(), self.source.display().to_string()),
            ("Into".into(), self.folder.display().to_string()),
            ("Imported at".into(), self.imported_at.clone()),
            (
                "Last updated".into(),
                self.release
                    .published
                    .clone()
                    .unwrap_or_else(|| "not stated in the files".into()),
            ),
            (
                "Years".into(),
                format!("{} to {}", c.first_year, c.last_year),
            ),
            ("Metropolitan areas".into(), n(c.metros)),
            ("State portions".into(), n(c.portions)),
            ("States".into(), n(c.states)),
            ("Values".into(), n(c.values)),
            ("Rows read".into(), n(c.rows)),
        ];
        if c.rows_skipped > 0 {
            fields.push(("Rows skipped".into(), n(c.rows_skipped)));
        }
        doc.fields(fields);
        if !self.skipped_rows.is_empty() {
            doc.heading(2, "Rows left out (--force)");
            doc.list(self.skipped_rows.iter().map(ToString::to_string));
        }
        doc.note(format!("Cite as: {}.", self.citation));
        doc
    }
}

/// "line 12: reason" or "line 12 and 3 more rows: reason", one per group.
fn skipped_lines(groups: &[SkippedGroup]) -> Vec<String> {
    let n = |v: usize| crate::model::salary::thousands(v as u64);
    groups
        .iter()
        .map(|g| match g.rows {
            1 => format!("{} line {}: {}", g.file, g.first_line, g.reason),
            rows => format!(
                "{} line {} and {} more rows: {}",
                g.file,
                g.first_line,
                n(rows - 1),
                g.reason
            ),
        })
        .collect()
}

impl OewsImportReport {
    fn document(&self) -> Document {
        let mut doc = Document::default();
        let release = self
            .release
            .name
            .as_deref()
            .or(self.release.code.as_deref())
            .unwrap_or("(release unknown)");
        doc.heading(1, format!("Imported BLS OEWS {release}"));
        let c = &self.counts;
        let n = crate::model::salary::thousands;
        doc.fields(vec![
            ("From".into(), self.source.display().to_string()),
            ("Into".into(), self.folder.display().to_string()),
            ("Data files".into(), self.data_files.join(", ")),
            ("Rows read".into(), n(c.rows)),
            ("Values kept".into(), n(c.values)),
            ("Estimates".into(), n(c.estimates)),
            ("Occupations".into(), n(c.occupations)),
            ("Areas".into(), n(c.areas)),
            ("Industries".into(), n(c.industries)),
            ("Rows skipped".into(), n(c.rows_skipped)),
        ]);
        if !self.missing_files.is_empty() {
            doc.heading(2, "Files not in the folder (skipped)");
            doc.list(self.missing_files.iter().map(|f| f.to_string()));
        }
        if !self.skipped_groups.is_empty() {
            doc.heading(2, "Malformed rows (skipped)");
            doc.list(skipped_lines(&self.skipped_groups));
        }
        doc
    }
}

impl ImportReport {
    fn document(&self) -> Document {
        let mut doc = Document::default();
        let release = self.version.as_deref().unwrap_or("(release unknown)");
        doc.heading(1, format!("Imported O*NET {release}"));
        let c = &self.counts;
        let n = |v: usize| crate::model::salary::thousands(v as u64);
        doc.fields(vec![
            ("From".into(), self.source.display().to_string()),
            ("Into".into(), self.folder.display().to_string()),
            ("Occupations".into(), n(c.occupations)),
            ("Tasks".into(), n(c.tasks)),
            ("Technology skills".into(), n(c.technology_skills)),
            ("Tools".into(), n(c.tools)),
            ("Alternate titles".into(), n(c.alternate_titles)),
            ("Reported titles".into(), n(c.reported_titles)),
            ("Related links".into(), n(c.related_links)),
            ("Rows skipped".into(), n(c.rows_skipped)),
        ]);
        if !self.missing_files.is_empty() {
            doc.heading(2, "Files not in the folder (skipped)");
            doc.list(self.missing_files.iter().map(|f| f.to_string()));
        }
        if !self.empty_files.is_empty() {
            doc.heading(2, "Empty files (skipped)");
            doc.list(
                self.empty_files
                    .iter()
                    .map(|f| format!("{f} {}", crate::onet::import::EMPTY)),
            );
        }
        if !self.skipped_groups.is_empty() {
            doc.heading(2, "Malformed rows (skipped)");
            doc.list(skipped_lines(&self.skipped_groups));
        }
        doc
    }
}
