//! How `careers path` reads: the role's progression, specializations, career paths, related
//! roles, opportunities, comparisons and work settings, each a section of its own, then the
//! profiles that point at it; in CSV one row per link, with its relation.

use crate::commands::path::{PathReport, Relation};
use crate::model::{Career, RoleLink};
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::views::sections::{links_table, progression_table, work_settings_table};

impl PathReport {
    fn leads_anywhere(&self) -> bool {
        !(self.progression.is_empty()
            && self.specializations.is_empty()
            && self.paths.is_empty()
            && self.related_roles.is_empty()
            && self.opportunities.is_empty()
            && self.compared_with.is_empty()
            && self.work_settings.is_empty())
    }

    fn link_sections(&self) -> [(&'static str, &'static str, &[RoleLink]); 4] {
        [
            ("Career paths", "career path", &self.paths),
            ("Related roles", "related role", &self.related_roles),
            ("Opportunities", "opportunity", &self.opportunities),
            ("Compared with", "compared with", &self.compared_with),
        ]
    }
}

/// "progression stage \"Senior roles\"", "career path", ...
fn relation_text(relation: &Relation) -> String {
    match relation {
        Relation::ProgressionStage { stage } => format!("progression stage \"{stage}\""),
        Relation::CareerPath => "career path".to_owned(),
        Relation::RelatedRole => "related role".to_owned(),
        Relation::Opportunity => "opportunity".to_owned(),
        Relation::ComparedWith => "compared with".to_owned(),
    }
}

impl Report for PathReport {
    fn attribution_column(&self) -> Option<bool> {
        Some(true)
    }

    fn document(&self) -> Document {
        let mut doc = Document::default();
        doc.heading(1, format!("Path: {} ({})", self.title, self.id));
        if !self.leads_anywhere() {
            doc.paragraph(format!(
                "The {} profile names no progression, specializations, career paths or related roles.",
                self.id
            ));
        }
        if !self.progression.is_empty() {
            doc.heading(2, "Progression");
            doc.table(progression_table(&Career {
                progression: self.progression.clone(),
                ..Career::default()
            }));
        }
        if !self.specializations.is_empty() {
            doc.heading(2, "Specializations");
            doc.list(self.specializations.iter().cloned());
        }
        for (heading, _, links) in self.link_sections() {
            if !links.is_empty() {
                doc.heading(2, heading);
                doc.table(links_table("Role", links).wide(2));
            }
        }
        if !self.work_settings.is_empty() {
            doc.heading(2, "Where the work is");
            doc.table(work_settings_table(&self.work_settings));
        }
        doc.heading(2, "Comes from");
        if self.comes_from.is_empty() {
            doc.paragraph(format!(
                "No other profile points at {}: none names it as a career path, progression stage, related role, opportunity or comparison.",
                self.id
            ));
        } else {
            let mut table = Table::new(["Profile", "Title", "Names this role as"]).id_above(0, 1);
            for i in &self.comes_from {
                table.row([
                    Cell::tone(i.id.clone(), Tone::Strong),
                    Cell::tone(i.title.clone(), Tone::Strong),
                    Cell::new(format!(
                        "{} (\"{}\")",
                        relation_text(&i.relation),
                        i.named_as
                    )),
                ]);
            }
            doc.table(table);
        }
        let linked = self
            .progression
            .iter()
            .flat_map(|s| &s.roles)
            .chain(self.link_sections().iter().flat_map(|(_, _, l)| l.iter()))
            .any(|l| l.profile.is_some());
        if linked || !self.comes_from.is_empty() {
            doc.note("Roles shown with a profile id open with `careers show ID`.");
        }
        doc
    }

    fn records(&self) -> Records {
        let mut records = Records::new(["relation", "stage", "title", "profile", "description"]);
        for s in &self.progression {
            for r in &s.roles {
                records.push([
                    "progression".into(),
                    s.name.clone(),
                    r.title.clone(),
                    r.profile.clone().unwrap_or_default(),
                    r.description.clone().unwrap_or_default(),
                ]);
            }
        }
        for s in &self.specializations {
            records.push(["specialization", "", s, "", ""]);
        }
        for (_, relation, links) in self.link_sections() {
            for l in links {
                records.push([
                    relation.to_owned(),
                    String::new(),
                    l.title.clone(),
                    l.profile.clone().unwrap_or_default(),
                    l.description.clone().unwrap_or_default(),
                ]);
            }
        }
        for i in &self.comes_from {
            records.push([
                "comes from".to_owned(),
                String::new(),
                i.title.clone(),
                i.id.clone(),
                format!(
                    "names {} as {} \"{}\"",
                    self.id,
                    relation_text(&i.relation),
                    i.named_as
                ),
            ]);
        }
        records
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_without_career_data_says_so() {
        let r = PathReport {
            id: "blank".into(),
            title: "Blank".into(),
            codes: crate::store::codes::RoleCodes::default(),
            progression: Vec::new(),
            specializations: Vec::new(),
            paths: Vec::new(),
            related_roles: Vec::new(),
            opportunities: Vec::new(),
            compared_with: Vec::new(),
            work_settings: Vec::new(),
            comes_from: Vec::new(),
            attribution: None,
        };
        let doc = r.document();
        let text = format!("{doc:?}");
        assert!(
            text.contains("The blank profile names no progression"),
            "{text}"
        );
        assert!(text.contains("No other profile points at blank"), "{text}");
    }
}
