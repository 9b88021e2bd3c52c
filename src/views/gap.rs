//! How `careers gap` reads: a one-line answer, O*NET's skills and knowledge to raise, the
//! technical skills to learn and those that carry over by category, soft skills, both roles'
//! requirements side by side and the difference in pay; in CSV one row per element, skill and
//! requirement.

use crate::commands::gap::{GapReport, RatingsGap};
use crate::model::onet::RatingKind;
use crate::model::ratings::{Shortfall, UncertainFigure};
use crate::model::skillset::{self, Skill};
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::store::matching::{CentralTechnology, TechnologyGap};
use crate::store::ratings::{NoRatings, RatedOccupation, RatingsVia};
use crate::views::sections::requirement_aspects;

/// How many skills to learn the one-line summary names before "and N more".
const NAMED_IN_SUMMARY: usize = 5;

/// How many skills and knowledge areas to raise the table shows; JSON and CSV have them all.
const SHOWN_SHORTFALLS: usize = 10;

/// How many technologies to learn the table shows; JSON and CSV have them all.
const SHOWN_TECHNOLOGIES: usize = 10;

/// Why a technology ranks where it does: O*NET's flags and how many of TO's `listed`
/// technologies are of its kind.
fn technology_reason(t: &CentralTechnology, listed: usize) -> String {
    let mut why: Vec<String> = Vec::new();
    if t.in_demand {
        why.push("in demand".to_owned());
    }
    if t.hot {
        why.push("hot".to_owned());
    }
    if t.commodity.is_some() {
        why.push(format!("{} of {listed} are of its kind", t.of_its_kind));
    }
    why.join(", ")
}

fn technology_section(t: &TechnologyGap, from: &str, to: &str, doc: &mut Document) {
    let release = t
        .release
        .as_deref()
        .map_or_else(|| "O*NET".to_owned(), |r| format!("O*NET {r}"));
    doc.heading(
        2,
        format!("Technologies {to} uses that {from} lacks ({release})"),
    );
    if t.from_code.as_deref() == Some(t.to_code.as_str()) && t.to_learn.is_empty() {
        doc.paragraph(format!(
            "{from} and {to} both stand for {}, so no technology is missing.",
            t.to_code
        ));
        return;
    }
    if t.to_learn.is_empty() {
        doc.paragraph(format!(
            "{from} has every technology O*NET lists for {} ({} of them).",
            t.to_code, t.shared
        ));
        return;
    }
    let mut table = Table::new(["Technology", "Kind", "Why it ranks here"]);
    for l in t.to_learn.iter().take(SHOWN_TECHNOLOGIES) {
        table.row([
            Cell::tone(l.name.as_str(), Tone::Strong),
            Cell::new(l.commodity.as_deref().unwrap_or("")),
            Cell::new(technology_reason(l, t.listed)),
        ]);
    }
    doc.table(table);
    let more = t.to_learn.len().saturating_sub(SHOWN_TECHNOLOGIES);
    if more > 0 {
        doc.paragraph(format!(
            "And {more} more, ranked lower (`--format json` or `--format csv` lists them all)."
        ));
    }
    let from_code = t
        .from_code
        .as_deref()
        .map_or_else(String::new, |c| format!(" or {c}'s list"));
    doc.note(format!(
        "O*NET's technologies of {}, less the {} that {from} has (in its profile{from_code}) by that name or under another name of the same skill; ranked by O*NET's flags for {to}: in demand (frequent in its job postings) first, then hot (frequent in job postings across occupations), then by how many of {}'s {} technologies are of its kind (O*NET's commodity title).",
        t.to_code, t.shared, t.to_code, t.listed
    ));
}

/// How many of them the section's first sentence names.
const NAMED_SHORTFALLS: usize = 3;

fn kind_label(kind: RatingKind) -> &'static str {
    match kind {
        RatingKind::Skill => "skill",
        RatingKind::Knowledge => "knowledge",
        RatingKind::Ability => "ability",
    }
}

/// "25-2031.00 Secondary School Teachers, ...", with "(its first linked occupation)" for a role
/// that is not the occupation itself.
fn occupation_text(o: &RatedOccupation) -> String {
    match o.via {
        RatingsVia::Own => format!("{} {}", o.code, o.title),
        RatingsVia::FirstLinkedCode => {
            format!("{} {} (its first linked occupation)", o.code, o.title)
        }
    }
}

/// "a, b and c".
fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A level as the table shows it: "0 (not relevant)" for an element O*NET rates not relevant.
fn from_level(s: &Shortfall) -> String {
    if s.from_not_relevant {
        "0 (not relevant)".to_owned()
    } else {
        format!("{:.2}", s.from_level)
    }
}

/// The skills and knowledge section: what TO needs at a higher level than FROM has.
fn ratings_section(r: &RatingsGap, from: &str, to: &str, doc: &mut Document) {
    doc.heading(
        2,
        format!("Skills and knowledge to raise (O*NET {})", r.release),
    );
    let compared = r.gap.to_raise.len() + r.gap.uncertain.len() + r.gap.met;
    if r.same_occupation {
        doc.paragraph(format!(
            "{from} and {to} both take their ratings from {} {}, so they show no gap.",
            r.to.code, r.to.title
        ));
    } else if r.gap.to_raise.is_empty() {
        doc.paragraph(format!(
            "{to} needs none of the {compared} skills and knowledge areas O*NET rates at a higher level than {from} has."
        ));
    } else {
        let named: Vec<&str> = r
            .gap
            .to_raise
            .iter()
            .take(NAMED_SHORTFALLS)
            .map(|s| s.name.as_str())
            .collect();
        doc.paragraph(format!(
            "{to} needs {} of the {compared} skills and knowledge areas O*NET rates at a higher level than {from} has; most of all {}.",
            r.gap.to_raise.len(),
            and_list(&named)
        ));
        let mut table = Table::new([
            "Skill or knowledge",
            "Kind",
            "Level now",
            "Level needed",
            "Importance",
        ])
        .numbers([2, 3, 4]);
        for s in r.gap.to_raise.iter().take(SHOWN_SHORTFALLS) {
            table.row([
                Cell::tone(s.name.clone(), Tone::Strong),
                Cell::tone(kind_label(s.kind), Tone::Muted),
                Cell::new(from_level(s)),
                Cell::tone(format!("{:.2}", s.to_level), Tone::Warn),
                Cell::new(format!("{:.2}", s.to_importance)),
            ]);
        }
        doc.table(table);
        let more = r.gap.to_raise.len().saturating_sub(SHOWN_SHORTFALLS);
        if more > 0 {
            doc.note(format!(
                "And {more} more, ranked lower (`--format json` or `--format csv` lists them all)."
            ));
        }
    }
    if !r.gap.uncertain.is_empty() {
        let names: Vec<String> = r
            .gap
            .uncertain
            .iter()
            .map(|s| {
                let which: Vec<&str> = s
                    .uncertain
                    .iter()
                    .map(|u| match u {
                        UncertainFigure::FromLevel => "level now",
                        UncertainFigure::ToLevel => "level needed",
                        UncertainFigure::ToImportance => "importance",
                    })
                    .collect();
                format!(
                    "{} ({:.2} → {:.2}; {} uncertain)",
                    s.name,
                    s.from_level,
                    s.to_level,
                    which.join(" and ")
                )
            })
            .collect();
        doc.paragraph(format!(
            "Also needed higher, but not ranked because O*NET recommends suppressing a figure (few respondents or a wide error): {}.",
            names.join(", ")
        ));
    }
    if r.same_occupation {
        return;
    }
    doc.note(format!(
        "Levels (0-7; a level rated not relevant counts as 0) and importance to {to} (1-5) are O*NET {}'s ratings of {} for {from} and {} for {to}, ranked by importance × how far the level needed is above the level now. A role that is not an O*NET occupation takes the ratings of the first O*NET occupation its profile links.",
        r.release,
        occupation_text(&r.from),
        occupation_text(&r.to),
    ));
}

/// Why the ratings are not compared.
fn missing_ratings(report: &GapReport, doc: &mut Document) {
    let reasons: Vec<String> = report
        .ratings_missing
        .iter()
        .map(|m| match &m.reason {
            NoRatings::NoLinkedOccupation => {
                format!("{} links no O*NET occupation", m.role)
            }
            NoRatings::NotInRelease { code } => format!(
                "{}'s first linked occupation, {code}, is not in the O*NET release in use",
                m.role
            ),
            NoRatings::NotRated { code, release } => {
                format!("O*NET {release} does not rate {} ({code})", m.role)
            }
        })
        .collect();
    let release = report
        .ratings_missing
        .iter()
        .find_map(|m| match &m.reason {
            NoRatings::NotRated { release, .. } => Some(format!(" (O*NET {release})")),
            _ => None,
        })
        .unwrap_or_default();
    doc.heading(2, format!("Skills and knowledge{release}"));
    doc.paragraph(format!(
        "No skill and knowledge ratings to compare: {}.",
        reasons.join("; ")
    ));
}

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
    let mut text = format!(
        "{} of {total} technical skills carry over",
        gap.carries_over.len()
    );
    if report.from.skills == 0 {
        text.push_str(&format!(" ({} lists none)", report.from.id));
    }
    if gap.to_learn.is_empty() {
        text.push_str("; no technical skill to learn.");
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
    fn attribution_column(&self) -> Option<bool> {
        Some(true)
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
        if let Some(r) = &self.ratings {
            ratings_section(r, from, to, &mut doc);
        } else if !self.ratings_missing.is_empty() {
            missing_ratings(self, &mut doc);
        }
        if !self.skills.to_learn.is_empty() {
            doc.heading(2, format!("To learn: what {to} asks for that {from} lacks"));
            doc.table(category_table(&self.skills.to_learn, Tone::Warn));
        }
        if let Some(t) = &self.technologies {
            technology_section(t, from, to, &mut doc);
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
                "{}, cross-industry; each role's linked occupation with a published median that fits it best (whose technologies map onto the most of its skills; the first listed on a tie).",
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
                    Cell::new(match &side.projection.incomplete {
                        Some(why) => format!(
                            "{} ({}; incomplete: {why})",
                            side.projection.title, side.projection.soc
                        ),
                        None => format!("{} ({})", side.projection.title, side.projection.soc),
                    }),
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
        for i in &self.outlook_incomplete {
            doc.note(format!(
                "The outlook is not compared: {}'s projection {} is incomplete: {}.",
                i.id, i.soc, i.incomplete
            ));
        }
        doc
    }

    /// One record per skill or knowledge area to raise (O*NET's levels, `difference` the
    /// shortfall), per skill (to learn, carries over, not needed; soft skills too), per
    /// requirement with both roles' text, then BLS's national median pay and projected change of
    /// each with the difference, TO's less FROM's.
    fn records(&self) -> Records {
        let mut records = Records::new([
            "status",
            "category",
            "name",
            "from",
            "to",
            "difference",
            "unit",
            "importance",
            "weight",
        ])
        .marking_official();
        if let Some(r) = &self.ratings {
            for (status, list) in [
                ("to-raise", &r.gap.to_raise),
                ("uncertain", &r.gap.uncertain),
            ] {
                for s in list {
                    records.push([
                        status.to_owned(),
                        kebab_label(kind_label(s.kind)),
                        s.name.clone(),
                        s.from_level.to_string(),
                        s.to_level.to_string(),
                        s.shortfall.to_string(),
                        "level-0-7".to_owned(),
                        s.to_importance.to_string(),
                        s.weight.to_string(),
                    ]);
                }
            }
        }
        let groups: [(&str, &[Skill]); 6] = [
            ("to-learn", &self.skills.to_learn),
            ("carries-over", &self.skills.carries_over),
            ("not-needed", &self.skills.not_needed),
            ("soft-skill-to-develop", &self.soft_skills_to_learn),
            ("soft-skill-carries-over", &self.soft_skills_shared),
            ("soft-skill-not-compared", &self.soft_skills_not_compared),
        ];
        for (status, skills) in groups {
            for s in skills {
                records.push([
                    status.to_owned(),
                    s.category
                        .map_or_else(String::new, |c| kebab_label(c.label())),
                    s.name.clone(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]);
            }
        }
        if let Some(t) = &self.technologies {
            for l in &t.to_learn {
                records.push([
                    "technology-to-learn".to_owned(),
                    l.commodity.clone().unwrap_or_default(),
                    l.name.clone(),
                    String::new(),
                    technology_reason(l, t.listed),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]);
            }
        }
        let (from_rows, to_rows) = (
            requirement_aspects(&self.requirements.from),
            requirement_aspects(&self.requirements.to),
        );
        // The table's "not stated in source" is an empty cell here.
        let stated = |text: String| {
            if text.ends_with(" in source") {
                String::new()
            } else {
                text
            }
        };
        for ((aspect, from_text), (_, to_text)) in from_rows.into_iter().zip(to_rows) {
            records.push([
                "requirement".to_owned(),
                String::new(),
                kebab_label(aspect),
                stated(from_text),
                stated(to_text),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
        if let Some(pay) = &self.pay {
            let dollars = |h: &crate::store::wages::HeadlineWage| {
                h.median_dollars()
                    .map(|d| d.to_string())
                    .unwrap_or_default()
            };
            records.push_official([
                "pay".to_owned(),
                String::new(),
                "national-median".to_owned(),
                dollars(&pay.from),
                dollars(&pay.to),
                pay.difference.to_string(),
                "usd-per-year".to_owned(),
                String::new(),
                String::new(),
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
                "projected-change".to_owned(),
                pct(&o.from),
                pct(&o.to),
                o.change_percent_difference
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                "percent".to_owned(),
                String::new(),
                String::new(),
            ]);
        }
        // The side whose projection an import left out: its code, and why on its side.
        for i in &self.outlook_incomplete {
            let (from, to) = if i.id == self.from.id {
                (i.incomplete.clone(), String::new())
            } else {
                (String::new(), i.incomplete.clone())
            };
            records.push_official([
                "outlook-incomplete".to_owned(),
                String::new(),
                i.soc.clone(),
                from,
                to,
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
        records
    }
}

/// A label as a kebab-case word: "Programming languages" is `programming-languages`.
fn kebab_label(label: &str) -> String {
    label
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-")
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
            "0 of 19 technical skills carry over (mine lists none); 19 to learn: Python, SQL, Java, Scala, Database management and 14 more."
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
