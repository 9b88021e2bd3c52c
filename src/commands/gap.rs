//! `careers gap FROM TO`: what the role TO asks for that FROM's profile does not have (skills by
//! category, education, certifications, experience), and what carries over.

use serde::Serialize;

use crate::Context;
use crate::cli::GapArgs;
use crate::error::CareersError;
use crate::model::Profile;
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::store::Store;

use super::compare::{ComparedRole, report as compare_report};
use crate::model::skillset::{self, Skill, SkillGap};

/// How many skills to learn the one-line summary names before "and N more".
const NAMED_IN_SUMMARY: usize = 5;

#[derive(Debug, Serialize)]
pub struct RoleRef {
    pub id: String,
    pub title: String,
    /// How many technical skills the profile lists.
    pub skills: usize,
}

#[derive(Debug, Serialize)]
pub struct GapReport {
    pub from: RoleRef,
    pub to: RoleRef,
    /// "10 of 45 skills carry over; 35 to learn: C++, R, ...".
    pub summary: String,
    #[serde(flatten)]
    pub skills: SkillGap,
    /// Soft skills TO lists that FROM does not, and those both list.
    pub soft_skills_to_learn: Vec<Skill>,
    pub soft_skills_shared: Vec<Skill>,
    /// TO's soft skills when FROM's profile has no soft-skills data: no data is not lacking,
    /// so they are neither to develop nor shared.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub soft_skills_not_compared: Vec<Skill>,
    /// Certifications TO names that FROM does not.
    pub certifications_to_get: Vec<String>,
    /// Education, experience and certifications of both roles, side by side.
    pub requirements: Vec<RequirementDifference>,
    /// O*NET's attribution, when the report shows an occupation imported from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// The difference in BLS OEWS national median pay, when both roles have one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay: Option<PayDifference>,
}

/// What each role's first linked occupation with a published national median pays, and the
/// difference (TO minus FROM), in whole dollars a year.
#[derive(Debug, Serialize)]
pub struct PayDifference {
    pub from: crate::store::wages::HeadlineWage,
    pub to: crate::store::wages::HeadlineWage,
    pub difference: i64,
    pub source: String,
    pub notice: &'static str,
}

#[derive(Debug, Serialize)]
pub struct RequirementDifference {
    pub aspect: &'static str,
    pub from: String,
    pub to: String,
}

pub fn run(ctx: &Context, args: &GapArgs) -> anyhow::Result<GapReport> {
    let from = ctx.store.full_profile(ctx.store.resolve(&args.from)?)?;
    let to = ctx.store.full_profile(ctx.store.resolve(&args.to)?)?;
    if from.id == to.id {
        return Err(CareersError::Usage(format!(
            "\"{}\" and \"{}\" are the same role ({}); gap takes two different roles",
            args.from, args.to, from.id
        ))
        .into());
    }
    let mut report = report(&ctx.store, &from, &to);
    if let Some(stored) = ctx.store.wages()? {
        let first = |id: &str| -> anyhow::Result<Option<crate::store::wages::HeadlineWage>> {
            Ok(ctx
                .store
                .headline_wages(id, None)?
                .into_iter()
                .find(|h| h.median_dollars().is_some()))
        };
        if let (Some(f), Some(t)) = (first(&from.id)?, first(&to.id)?) {
            let (a, b) = (
                f.median_dollars().unwrap_or(0),
                t.median_dollars().unwrap_or(0),
            );
            report.pay = Some(PayDifference {
                difference: b as i64 - a as i64,
                from: f,
                to: t,
                source: crate::oews::source_name(stored),
                notice: crate::oews::NOTICE,
            });
        }
    }
    Ok(report)
}

pub fn report(store: &Store, from: &Profile, to: &Profile) -> GapReport {
    let vocabulary = store.vocabulary();
    let have = skillset::technical_skills(from, vocabulary);
    let want = skillset::technical_skills(to, vocabulary);
    let skills = skillset::gap(&have, &want);
    let from_soft = skillset::soft_skills(from, vocabulary);
    let to_soft = skillset::soft_skills(to, vocabulary);
    let (soft, soft_skills_not_compared) = if from_soft.is_empty() {
        (skillset::gap(&[], &[]), to_soft)
    } else {
        (skillset::gap(&from_soft, &to_soft), Vec::new())
    };
    let columns = compare_report(store, &[from, to]).roles;
    let requirements = ["Education", "Experience", "Certifications"]
        .into_iter()
        .map(|aspect| RequirementDifference {
            aspect,
            from: aspect_text(&columns[0], aspect),
            to: aspect_text(&columns[1], aspect),
        })
        .collect();
    let certifications_to_get = columns[1]
        .certifications
        .iter()
        .filter(|c| {
            !columns[0]
                .certifications
                .iter()
                .any(|o| o.eq_ignore_ascii_case(c))
        })
        .cloned()
        .collect();
    let role = |p: &Profile, n: usize| RoleRef {
        id: p.id.clone(),
        title: p.title.clone(),
        skills: n,
    };
    GapReport {
        summary: summary(from, to, &have, &skills),
        from: role(from, have.len()),
        to: role(to, want.len()),
        skills,
        soft_skills_to_learn: soft.to_learn,
        soft_skills_shared: soft.carries_over,
        soft_skills_not_compared,
        certifications_to_get,
        requirements,
        attribution: store.onet_attribution([from.id.as_str(), to.id.as_str()]),
        pay: None,
    }
}

fn aspect_text(column: &ComparedRole, aspect: &str) -> String {
    column
        .aspects()
        .into_iter()
        .find(|(label, _)| *label == aspect)
        .map(|(_, text)| text)
        .unwrap_or_default()
}

/// The one-line answer: how many of TO's skills carry over and which are to learn.
fn summary(from: &Profile, to: &Profile, have: &[Skill], gap: &SkillGap) -> String {
    let total = gap.carries_over.len() + gap.to_learn.len();
    if total == 0 {
        return format!(
            "{} lists no technical skills, so there is no skill gap to measure.",
            to.id
        );
    }
    let mut text = format!("{} of {total} skills carry over", gap.carries_over.len());
    if have.is_empty() {
        text.push_str(&format!(" ({} lists none)", from.id));
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
        doc.paragraph(self.summary.clone());
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
        for r in &self.requirements {
            table.row([
                Cell::tone(r.aspect, Tone::Strong),
                Cell::new(r.from.clone()),
                Cell::new(r.to.clone()),
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
            let median = |h: &crate::store::wages::HeadlineWage| {
                format!(
                    "{} (SOC {} {})",
                    dollars(h.median_dollars().unwrap_or(0)),
                    h.occupation.soc,
                    h.occupation.title
                )
            };
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
                "{}, cross-industry; each role's first linked occupation with a published median. {}",
                pay.source, pay.notice
            ));
        }
        doc
    }

    /// One record per skill (to learn, carries over, not needed; soft skills too), then one per
    /// requirement with both roles' text.
    fn records(&self) -> Records {
        let mut records = Records::new(["status", "category", "name", "from", "to"]);
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
        for r in &self.requirements {
            records.push(["requirement", "", r.aspect, &r.from, &r.to]);
        }
        records
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Entry, Origin};

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
            report(&store, mine, de).summary,
            "0 of 19 skills carry over (mine lists none); 19 to learn: Python, SQL, Java, Scala, Database management and 14 more."
        );
        let back = report(&store, de, mine);
        assert_eq!(
            back.summary,
            "mine lists no technical skills, so there is no skill gap to measure."
        );
        assert!(back.skills.to_learn.is_empty());
        assert_eq!(back.skills.not_needed.len(), 19);
    }
}
