//! How `careers match` reads: your skills, then a table of the best-matching roles with their
//! score, the share of their skills you have, and the skills you have and lack with why each
//! weighs what it does; in CSV one row per ranked role.

use crate::commands::r#match::{MatchReport, RoleMatch, SkillWeight, UnknownSkill};
use crate::error::did_you_mean;
use crate::render::{Cell, Document, Records, Report, Table, Tone};

impl UnknownSkill {
    pub fn message(&self) -> String {
        format!(
            "Unknown skill \"{}\"{}: left out of the ranking.",
            self.name,
            did_you_mean(&self.suggestions)
        )
    }
}

impl SkillWeight {
    /// "Python 2.9 (hot, in demand)", "Machine learning 1.4 (as TensorFlow)".
    pub fn explained(&self) -> String {
        let mut why: Vec<String> = Vec::new();
        if let Some(t) = &self.through {
            why.push(format!("as {t}"));
        }
        if self.hot {
            why.push("hot".into());
        }
        if self.in_demand {
            why.push("in demand".into());
        }
        if self.technologies > 1 {
            why.push(format!("listed {} times", self.technologies));
        }
        match why.is_empty() {
            true => format!("{} {}", self.skill, self.weight),
            false => format!("{} {} ({})", self.skill, self.weight, why.join(", ")),
        }
    }
}

/// "Have: Python 2.9 (hot), SQL 2.1\nMissing: Java, Scala", leaving out an empty line.
fn skill_lines(m: &RoleMatch) -> String {
    let mut lines = Vec::new();
    if !m.matched_skills.is_empty() {
        let have: Vec<String> = m
            .matched_skills
            .iter()
            .map(SkillWeight::explained)
            .collect();
        lines.push(format!("Have: {}", have.join(", ")));
    }
    // The table names the first few missing skills; `gap` and the JSON list them all.
    const SHOWN: usize = 6;
    match m.missing_skills.len() {
        0 => {}
        n if n <= SHOWN => lines.push(format!("Missing: {}", m.missing_skills.join(", "))),
        n => lines.push(format!(
            "Missing: {} and {} more",
            m.missing_skills[..SHOWN].join(", "),
            n - SHOWN
        )),
    }
    lines.join("\n")
}

impl Report for MatchReport {
    fn attribution(&self) -> Option<&str> {
        self.attribution.as_deref()
    }

    fn attribution_column(&self) -> bool {
        true
    }

    fn document(&self) -> Document {
        let mut doc = Document::default();
        doc.heading(1, "Roles that match your skills");
        let whose = match &self.from {
            Some(id) => format!("Your skills (those of {id}"),
            None => "Your skills (".to_owned(),
        };
        let count = if self.from.is_some() {
            format!(", {})", self.skills.len())
        } else {
            format!("{})", self.skills.len())
        };
        if !self.skills.is_empty() {
            doc.paragraph(format!("{whose}{count}: {}", self.skills.join(", ")));
        }
        for u in &self.unknown {
            doc.paragraph(u.message());
        }
        if self.skills.is_empty() {
            doc.paragraph(match &self.from {
                Some(id) => format!(
                    "{id} lists no technical skills and no other known skill was given, so there is nothing to match."
                ),
                None => "None of the given skills is known, so there is nothing to match.".into(),
            });
            return doc;
        }
        if self.ranking.is_empty() {
            doc.paragraph("No profile lists any skills, so there is no role to rank.");
        } else {
            let mut table = Table::new(["#", "Role", "Title", "Score", "Skills"])
                .wide(4)
                .id_above(1, 2)
                .numbers([0]);
            for m in &self.ranking {
                table.row([
                    Cell::new(m.rank.to_string()),
                    Cell::tone(m.id.clone(), Tone::Strong),
                    Cell::tone(m.title.clone(), Tone::Strong),
                    Cell::tone(
                        format!(
                            "{}\n{} of your {}\n{}% of its",
                            m.score,
                            m.matched,
                            self.skills.len(),
                            m.percent
                        ),
                        if m.matched > 0 {
                            Tone::Good
                        } else {
                            Tone::Muted
                        },
                    ),
                    Cell::new(skill_lines(m)),
                ]);
            }
            doc.table(table);
            let shown = if self.ranking.len() < self.ranked {
                format!(
                    "Top {} of {} roles (--top N for more)",
                    self.ranking.len(),
                    self.ranked
                )
            } else {
                match self.ranked {
                    1 => "1 role".to_owned(),
                    n => format!("All {n} roles"),
                }
            };
            doc.note(format!(
                "{shown}. Each of your skills a role lists adds its weight: 1, +1 if O*NET flags it hot there, +1 if in demand, times 1 + ln(its technologies that show the skill), times ln(1 + roles / roles listing it); ties go to the role whose own weighted skills are more yours (\"% of its\"), then by id."
            ));
        }
        if !self.unranked.is_empty() {
            // An import brings many occupations without mapped skills: name a few, count all.
            const NAMED: usize = 5;
            let named = self.unranked[..self.unranked.len().min(NAMED)].join(", ");
            let text = match self.unranked.len() {
                n if n <= NAMED => format!("Not ranked, as they list no skills: {named}."),
                n => format!(
                    "Not ranked, as they list no skills: {n} roles, among them {named} (--format json lists them all)."
                ),
            };
            doc.note(text);
        }
        doc
    }

    fn records(&self) -> Records {
        let mut records = Records::new([
            "rank",
            "id",
            "title",
            "score",
            "matched",
            "total",
            "percent",
            "matched_skills",
            "missing_skills",
        ]);
        for m in &self.ranking {
            records.push([
                m.rank.to_string(),
                m.id.clone(),
                m.title.clone(),
                m.score.to_string(),
                m.matched.to_string(),
                m.total.to_string(),
                m.percent.to_string(),
                m.matched_skills
                    .iter()
                    .map(SkillWeight::explained)
                    .collect::<Vec<_>>()
                    .join("; "),
                m.missing_skills.join("; "),
            ]);
        }
        records
    }
}
