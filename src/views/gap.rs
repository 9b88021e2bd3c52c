//! How `careers gap` reads: a one-line answer, the skills to learn and those that carry over by
//! category, soft skills, both roles' requirements side by side and the difference in pay; in
//! CSV one row per skill and one per requirement.

use crate::commands::gap::GapReport;
use crate::model::skillset::{self, Skill};
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::views::sections::requirement_aspects;

/// How many skills to learn the one-line summary names before "and N more".
const NAMED_IN_SUMMARY: usize = 5;

/// The one-line answer: how many of TO's skills carry over and which are to learn.
fn summary(report: &GapReport) -> String {
    let gap = &report.skills;
    let total = gap.carries_over.len() + gap.to_learn.len();
    if total == 0 {
        return format!(
            "{} lists no technical skills, so there is no skill gap to measure.",
            report.to.id
        );
    }
    let mut text = format!("{} of {total} skills carry over", gap.carries_over.len());
    if report.from.skills == 0 {
        text.push_str(&format!(" ({} lists none)", report.from.id));
    }
    if gap.to_learn.is_empty() {
        text.push_str("; nothing to learn.");
        return text;
    }
    let named = skillset::names(gap.to_learn.iter().take(NAMED_IN_SUMMARY));
    let more = gap.to_learn.len().saturating_sub(NAMED_IN_SUMMARY);
    text.push_str(&format!("; {} to learn: {named}", gap.to_learn.len()));
    if more > 0 {
        text.push_str(&format!(" and {more} more"));
    }
    text.push('.');
    text
}

/// "$120,230 (SOC 15-2051 Data Scientists)".
fn median(h: &crate::store::wages::HeadlineWage) -> String {
    format!(
        "{} ({})",
        crate::model::salary::dollars(h.median_dollars().unwrap_or(0)),
        crate::views::wages::occupation_name(&h.occupation)
    )
}

fn category_table(skills: &[Skill], tone: Tone) -> Table {
    let mut table = Table::new(["Category", "Skills"]).wide(1);
    for (cat, group) in skillset::by_category(skills) {
        table.row([
            Cell::tone(cat.label(), Tone::Strong),
            Cell::tone(skillset::names(group), tone),
        ]);
    }
    table
}

impl Report for GapReport {
    fn attribution(&self) -> Option<&str> {
        self.attribution.as_deref()
    }

    fn official_notice(&self) -> Option<&str> {
        self.pay
            .as_ref()
            .map(|p| p.notice)
            .or_else(|| self.outlook.as_ref().and_then(|o| o.notice))
    }

    fn attribution_column(&self) -> bool {
        true
    }

    fn document(&self) -> Document {
        let (from, to) = (&self.from.id, &self.to.id);
        let mut doc = Document::default();
        doc.heading(
            1,
            format!(
                "Gap: {} ({from}) → {} ({to})",
                self.from.title, self.to.title
            ),
        );
        doc.paragraph(summary(self));
        if !self.skills.to_learn.is_empty() {
            doc.heading(2, format!("To learn: what {to} asks for that {from} lacks"));
            doc.table(category_table(&self.skills.to_learn, Tone::Warn));
        }
        if !self.skills.carries_over.is_empty() {
            doc.heading(2, "Carries over");
            doc.table(category_table(&self.skills.carries_over, Tone::Good));
        } else if self.to.skills > 0 {
            doc.heading(2, "Carries over");
            doc.paragraph(format!("None of {to}'s skills is among {from}'s."));
        }
        if !self.skills.not_needed.is_empty() {
            doc.heading(2, format!("Not asked for by {to}"));
            doc.paragraph(skillset::names(&self.skills.not_needed));
        }
        if !self.soft_skills_to_learn.is_empty() || !self.soft_skills_shared.is_empty() {
            doc.heading(2, "Soft skills");
            let mut fields = Vec::new();
            if !self.soft_skills_to_learn.is_empty() {
                fields.push((
                    "To develop".to_owned(),
                    skillset::names(&self.soft_skills_to_learn),
                ));
            }
            if !self.soft_skills_shared.is_empty() {
                fields.push((
                    "Carry over".to_owned(),
                    skillset::names(&self.soft_skills_shared),
                ));
            }
            doc.fields(fields);
        }
        if !self.soft_skills_not_compared.is_empty() {
            doc.heading(2, "Soft skills");
            doc.paragraph(format!(
                "{from}'s profile has no soft-skills data, so {to}'s are not counted as lacking: {}.",
                skillset::names(&self.soft_skills_not_compared)
            ));
        }
        doc.heading(2, "Requirements");
        let mut table = Table::new(["Requirement", from.as_str(), to.as_str()]);
        let (from_rows, to_rows) = (
            requirement_aspects(&self.requirements.from),
            requirement_aspects(&self.requirements.to),
        );
        for ((aspect, from_text), (_, to_text)) in from_rows.into_iter().zip(to_rows) {
            table.row([
                Cell::tone(aspect, Tone::Strong),
                Cell::new(from_text),
                Cell::new(to_text),
            ]);
        }
        doc.table(table);
        if !self.certifications_to_get.is_empty() {
            doc.paragraph(format!(
                "Certifications {to} names that {from} does not: {}.",
                self.certifications_to_get.join(", ")
            ));
        }
        if let Some(pay) = &self.pay {
            use crate::model::salary::dollars;
            doc.heading(2, "Pay (BLS)");
            let change = match pay.difference {
                0 => "the same median".to_owned(),
                d if d > 0 => format!("{} more a year", dollars(d.unsigned_abs())),
                d => format!("{} less a year", dollars(d.unsigned_abs())),
            };
            doc.paragraph(format!(
                "National median pay: {from} {} → {to} {}: {change}.",
                median(&pay.from),
                median(&pay.to)
            ));
            doc.note(format!(
                "{}, cross-industry; each role's first linked occupation with a published median.",
                pay.source
            ));
        }
        if let Some(o) = &self.outlook {
            use crate::views::outlook::{change_text, jobs};
            let s = &o.source;
            doc.heading(
                2,
                format!("Outlook {}-{} (BLS)", s.base_year, s.projected_year),
            );
            let mut table = Table::new(["", "Occupation", "Change", "Openings a year"])
                .ids(0)
                .numbers([3]);
            for (who, side) in [(from, &o.from), (to, &o.to)] {
                table.row([
                    Cell::new(who),
                    Cell::new(format!(
                        "{} ({})",
                        side.projection.title, side.projection.soc
                    )),
                    Cell::new(change_text(&side.projection)),
                    Cell::new(jobs(side.projection.openings)),
                ]);
            }
            doc.table(table);
            match o.change_percent_difference {
                Some(0.0) => {
                    doc.paragraph(format!(
                        "{from}'s and {to}'s occupations are projected to grow at the same rate."
                    ));
                }
                Some(d) => {
                    doc.paragraph(format!(
                        "{to}'s occupation is projected to grow {:.1} percentage points {} than {from}'s.",
                        d.abs(),
                        if d > 0.0 { "faster" } else { "slower" }
                    ));
                }
                None => {}
            }
            doc.note(format!(
                "{}; each role's first linked occupation BLS projects.",
                s.name
            ));
        }
        doc
    }

    /// One record per skill (to learn, carries over, not needed; soft skills too), then one per
    /// requirement with both roles' text, then BLS's national median pay of each.
    fn records(&self) -> Records {
        let mut records =
            Records::new(["status", "category", "name", "from", "to"]).marking_official();
        let groups: [(&str, &[Skill]); 6] = [
            ("to learn", &self.skills.to_learn),
            ("carries over", &self.skills.carries_over),
            ("not needed", &self.skills.not_needed),
            ("soft skill to develop", &self.soft_skills_to_learn),
            ("soft skill carries over", &self.soft_skills_shared),
            ("soft skill not compared", &self.soft_skills_not_compared),
        ];
        for (status, skills) in groups {
            for s in skills {
                records.push([
                    status,
                    s.category.map_or("", |c| c.label()),
                    &s.name,
                    "",
                    "",
                ]);
            }
        }
        let (from_rows, to_rows) = (
            requirement_aspects(&self.requirements.from),
            requirement_aspects(&self.requirements.to),
        );
        for ((aspect, from_text), (_, to_text)) in from_rows.into_iter().zip(to_rows) {
            records.push(["requirement", "", aspect, &from_text, &to_text]);
        }
        if let Some(pay) = &self.pay {
            records.push_official([
                "pay".to_owned(),
                String::new(),
                "national median (BLS)".to_owned(),
                median(&pay.from),
                median(&pay.to),
            ]);
        }
        if let Some(o) = &self.outlook {
            let pct = |side: &crate::store::projections::OccupationOutlook| {
                side.projection
                    .change_percent
                    .map(|p| p.to_string())
                    .unwrap_or_default()
            };
            records.push_official([
                "outlook".to_owned(),
                String::new(),
                format!("projected change percent {}", o.source.name),
                pct(&o.from),
                pct(&o.to),
            ]);
        }
        records
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::gap::report;
    use crate::store::{Entry, Origin, Store};

    fn store() -> Store {
        let mut entries = crate::store::bundled_profiles().unwrap();
        entries.push(Entry {
            profile: serde_json::from_str(r#"{"id":"mine","title":"Mine","summary":"Me."}"#)
                .unwrap(),
            origin: Origin::User {
                path: "/tmp/mine.json".into(),
            },
        });
        Store::new(entries, crate::store::bundled_vocabulary().unwrap())
    }

    #[test]
    fn a_profile_without_skills_on_either_side_reads_as_a_sentence() {
        let store = store();
        let mine = &store.get("mine").unwrap().profile;
        let de = &store.get("data-engineer").unwrap().profile;
        assert_eq!(
            summary(&report(&store, mine, de)),
            "0 of 19 skills carry over (mine lists none); 19 to learn: Python, SQL, Java, Scala, Database management and 14 more."
        );
        let back = report(&store, de, mine);
        assert_eq!(
            summary(&back),
            "mine lists no technical skills, so there is no skill gap to measure."
        );
        assert!(back.skills.to_learn.is_empty());
        assert_eq!(back.skills.not_needed.len(), 19);
    }
}
