//! How `careers explain` reads: each job zone with O*NET's words for the experience,
//! education and training it takes and its examples; each interest area with its letter and
//! O*NET's description. In CSV, a record per zone or area.

use crate::commands::explain::ExplainReport;
use crate::render::{Document, Records, Report};

impl Report for ExplainReport {
    fn document(&self) -> Document {
        let mut doc = Document::default();
        if !self.zones.is_empty() {
            doc.heading(
                1,
                "Job zones: how much preparation an occupation needs (O*NET)",
            );
            for z in &self.zones {
                doc.heading(2, z.name.clone());
                doc.fields(vec![
                    ("Experience".to_owned(), z.experience.clone()),
                    ("Education".to_owned(), z.education.clone()),
                    ("Job training".to_owned(), z.job_training.clone()),
                    ("Examples".to_owned(), z.examples.clone()),
                    ("SVP range".to_owned(), z.svp_range.clone()),
                ]);
            }
        }
        if !self.interests.is_empty() {
            doc.heading(
                1,
                "Interest areas: the letters of an interest code (RIASEC, O*NET)",
            );
            for i in &self.interests {
                doc.heading(2, format!("{} - {}", i.letter, i.name));
                doc.paragraph(i.description.clone());
            }
            doc.note(
                "An occupation's interest code is its O*NET high-point interests, strongest first: \
                 ICR is Investigative, then Conventional, then Realistic.",
            );
        }
        let mut source = Vec::new();
        if !self.zones.is_empty() {
            source.push("Job Zone Reference");
        }
        if !self.interests.is_empty() {
            source.push("Content Model Reference (1.B.1.a-f)");
        }
        doc.note(format!(
            "Source: O*NET {} {}.",
            self.release,
            source.join(" and ")
        ));
        doc
    }

    fn records(&self) -> Records {
        let mut records = Records::new([
            "topic",
            "key",
            "name",
            "experience",
            "education",
            "job_training",
            "examples",
            "svp_range",
            "description",
        ]);
        for z in &self.zones {
            records.push([
                "zone",
                &z.zone.to_string(),
                &z.name,
                &z.experience,
                &z.education,
                &z.job_training,
                &z.examples,
                &z.svp_range,
                "",
            ]);
        }
        for i in &self.interests {
            records.push([
                "interest",
                &i.letter.to_string(),
                &i.name,
                "",
                "",
                "",
                "",
                "",
                &i.description,
            ]);
        }
        records
    }
}
