//! How `careers new` reads: the file written, what to do next before the profile loads, and
//! the schema editors check it against.

use crate::commands::new::NewReport;
use crate::render::{Document, Report};

impl Report for NewReport {
    fn document(&self) -> Document {
        let mut doc = Document::default();
        doc.paragraph(format!("Wrote {}", self.path.display()));
        doc.heading(2, "Next");
        doc.list([format!(
            "add sections (`careers schema` lists them), then check the file with `careers validate {}`",
            self.path.display()
        )]);
        doc.note(format!(
            "Editors that read \"$schema\" complete and check the file against {}.",
            self.schema.display()
        ));
        doc
    }
}
