//! How `careers validate` reads: a line per file that is fine and per problem, located as a
//! compiler locates its errors, then a summary line; in CSV one row per problem.

use std::path::Path;

use crate::commands::validate::{Summary, ValidateReport};
use crate::render::{Document, Records, Report};
use crate::validate::Diagnostic;

fn located(path: &Path, d: &Diagnostic) -> String {
    match (d.line, d.column) {
        (Some(line), Some(col)) => format!("{}:{line}:{col}: {}", path.display(), message(d)),
        _ => format!("{}: {}", path.display(), message(d)),
    }
}

fn message(d: &Diagnostic) -> String {
    if d.path.is_empty() {
        d.message.clone()
    } else {
        format!("{}: {}", d.path, d.message)
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

impl Summary {
    /// "3 files: 2 valid, 5 problems".
    pub fn line(&self) -> String {
        format!(
            "{}: {} valid, {}",
            plural(self.files, "file", "files"),
            self.valid,
            plural(self.problems, "problem", "problems")
        )
    }
}

impl Report for ValidateReport {
    fn document(&self) -> Document {
        // One line per problem, never wrapped, so the output greps and reads like a compiler's.
        let mut lines = Vec::new();
        for file in &self.files {
            if file.valid {
                lines.push(format!("{}: ok", file.path.display()));
            }
            for d in &file.problems {
                lines.push(located(&file.path, d));
            }
        }
        lines.extend(self.plain_footer());
        // A newline in a file name would otherwise start a line of its own.
        let lines: Vec<String> = lines
            .iter()
            .map(|l| crate::render::sanitize::sanitize_line(l).into_owned())
            .collect();
        let mut doc = Document::default();
        doc.code(lines.join("\n"));
        doc
    }

    /// The summary line, and where no profile was found.
    fn plain_footer(&self) -> Vec<String> {
        let mut lines = vec![self.summary.line()];
        if !self.looked_in.is_empty() {
            let folders: Vec<String> = self
                .looked_in
                .iter()
                .map(|r| r.display().to_string())
                .collect();
            lines.push(format!(
                "No profile files in {}; `careers new ID` writes one.",
                folders.join(", ")
            ));
        }
        lines
    }

    fn records(&self) -> Records {
        let mut records = Records::new(["file", "line", "column", "field", "problem"]);
        for file in &self.files {
            for d in &file.problems {
                records.push([
                    file.path.display().to_string(),
                    d.line.map(|l| l.to_string()).unwrap_or_default(),
                    d.column.map(|c| c.to_string()).unwrap_or_default(),
                    d.path.clone(),
                    d.message.clone(),
                ]);
            }
        }
        records
    }
}
