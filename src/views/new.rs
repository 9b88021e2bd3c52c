//! How `careers new` reads: the path of the file written, alone on stdout so that a script can
//! open it; what to do next, and the schema editors check it against, as hints on stderr.

use crate::commands::new::NewReport;
use crate::render::{Document, Records, Report};

impl Report for NewReport {
    /// One text, not records: plain shows it as it is.
    fn plain_records(&self) -> bool {
        false
    }

    fn document(&self) -> Document {
        let mut doc = Document::default();
        doc.paragraph(self.path.display().to_string());
        doc
    }

    /// The profile's id, the file written and the schema it names.
    fn records(&self) -> Records {
        let mut records = Records::new(["id", "path", "schema"]);
        records.push([
            self.id.clone(),
            self.path.display().to_string(),
            self.schema.display().to_string(),
        ]);
        records
    }

    fn hints(&self) -> Vec<String> {
        vec![
            format!(
                "Next: add sections (`careers schema` lists them), then check the file with `careers validate {}`.",
                crate::render::sanitize::shell_quote(&self.path.display().to_string())
            ),
            format!(
                "Editors that read \"$schema\" complete and check the file against {}.",
                self.schema.display()
            ),
        ]
    }
}
