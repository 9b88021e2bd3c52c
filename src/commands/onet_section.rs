//! The O*NET part of `careers show`: the whole O*NET record of an imported occupation, and for a
//! curated profile what its linked occupations say. Both are labelled as O*NET's and carry its
//! attribution.

use serde::Serialize;

use super::show::ShowReport;
use crate::cli::Section;
use crate::model::onet::{EducationShare, OnetTask, Rating, TaskKind, TechnologySkill};
use crate::model::{CodeSystem, OnetDetails};
use crate::render::{Cell, Document, Table, Tone};
use crate::store::{Entry, Origin, Store};

/// Ratings shown per kind (skills, knowledge, abilities); the JSON has them all.
const TOP_RATINGS: usize = 10;
/// Hot technologies listed per linked occupation; `show` of the occupation lists them all.
const LISTED_HOT: usize = 12;
/// Work styles shown; the JSON has them all.
const TOP_STYLES: usize = 5;

/// What O*NET says of an occupation a curated profile links to.
#[derive(Debug, Serialize)]
pub struct LinkedOccupation {
    pub code: String,
    pub title: String,
    /// The imported occupation's id, for `careers show`.
    pub id: Option<String>,
    /// False when the code is not in the imported data.
    pub imported: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub technology: Vec<TechnologySkill>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<OnetTask>,
}

/// Reads what the report needs from the O*NET import: the full record of an imported
/// occupation, the linked occupations of a curated one.
pub fn complete(store: &Store, entry: &Entry, report: &mut ShowReport) -> anyhow::Result<()> {
    let Some(stored) = store.onet() else {
        return Ok(());
    };
    let wants = report.sections.is_empty() || report.sections.contains(&Section::Onet);
    if matches!(entry.origin, Origin::Onet { .. }) {
        if wants && let Some(d) = &entry.profile.onet {
            report.profile.onet = store.onet_details(&d.code)?;
        }
        report.attribution = Some(crate::onet::attribution_of(&stored.manifest));
        return Ok(());
    }
    if !wants {
        return Ok(());
    }
    for code in &entry.profile.codes {
        if code.system != CodeSystem::OnetSoc {
            continue;
        }
        let details = store.onet_details(&code.code)?;
        let id = store
            .entries()
            .iter()
            .find(|e| e.profile.onet.as_ref().is_some_and(|d| d.code == code.code))
            .map(|e| e.profile.id.clone());
        report.onet_links.push(LinkedOccupation {
            code: code.code.clone(),
            title: code.title.clone(),
            id,
            imported: details.is_some(),
            technology: details
                .as_ref()
                .map(|d| d.technology.clone())
                .unwrap_or_default(),
            tasks: details.map(|d| d.tasks).unwrap_or_default(),
        });
    }
    if !report.onet_links.is_empty() {
        report.attribution = Some(crate::onet::attribution_of(&stored.manifest));
    }
    Ok(())
}

/// How many education levels are named before the rest are summed up.
const NAMED_LEVELS: usize = 3;

/// An occupation's education as every view words it (show, compare, gap, JSON's requirement
/// note, CSV): "O*NET respondents: Associate's Degree 51% (uncertain), Bachelor's Degree 42%
/// (uncertain), Some College Courses 5%, 3 other levels 3%; uncertain: O*NET recommends
/// suppressing the figure (few respondents or a wide error)". `None` without data.
pub fn education_text(shares: &[EducationShare]) -> Option<String> {
    if shares.is_empty() {
        return None;
    }
    let percent = |p: f64| match p {
        p if p > 0.0 && p < 0.5 => "<1%".to_owned(),
        // Half up, as people round: 22.50% is 23%.
        p => format!("{}%", p.round()),
    };
    let mut parts: Vec<String> = shares
        .iter()
        .take(NAMED_LEVELS)
        .map(|s| {
            let flag = if s.recommend_suppress {
                " (uncertain)"
            } else {
                ""
            };
            format!("{} {}{flag}", s.level, percent(s.percent))
        })
        .collect();
    let rest = &shares[shares.len().min(NAMED_LEVELS)..];
    match rest.len() {
        0 => {}
        1 => parts.push(format!("{} {}", rest[0].level, percent(rest[0].percent))),
        n => parts.push(format!(
            "{n} other levels {}",
            percent(rest.iter().map(|s| s.percent).sum())
        )),
    }
    let mut text = format!("O*NET respondents: {}", parts.join(", "));
    if shares
        .iter()
        .take(NAMED_LEVELS)
        .any(|s| s.recommend_suppress)
    {
        text.push_str(
            "; uncertain: O*NET recommends suppressing the figure (few respondents or a wide error)",
        );
    }
    Some(text)
}

/// Appends the O*NET sections and the attribution to `doc`.
pub fn render(report: &ShowReport, doc: &mut Document) {
    if let Some(d) = &report.profile.onet {
        details(d, doc);
    }
    if !report.onet_links.is_empty() {
        doc.heading(2, "What O*NET says of the linked occupations");
        for link in &report.onet_links {
            linked(link, doc);
        }
    }
    if let Some(a) = &report.attribution {
        doc.note(a.clone());
    }
}

fn details(d: &OnetDetails, doc: &mut Document) {
    doc.heading(2, format!("O*NET {}", d.code));
    let mut fields = Vec::new();
    if let Some(z) = &d.job_zone {
        let mut text = format!("{}: {}", z.zone, z.name);
        if let Some(edu) = &z.education {
            text.push_str(&format!(". {edu}"));
        }
        fields.push(("Job zone".to_owned(), text));
    }
    if let Some(text) = education_text(&d.education) {
        fields.push(("Education".to_owned(), text));
    }
    if let Some(code) = &d.interest_code {
        let names: Vec<&str> = code.chars().filter_map(riasec_name).collect();
        fields.push((
            "Interests (RIASEC)".to_owned(),
            format!("{code} ({})", names.join(", ")),
        ));
    }
    if !d.work_styles.is_empty() {
        let top: Vec<&str> = d
            .work_styles
            .iter()
            .take(TOP_STYLES)
            .map(String::as_str)
            .collect();
        fields.push(("Top work styles".to_owned(), top.join(", ")));
    }
    doc.fields(fields);
    if !d.alternate_titles.is_empty() {
        doc.heading(3, "Alternate titles");
        doc.paragraph(d.alternate_titles.join(", "));
    }
    if !d.reported_titles.is_empty() {
        doc.heading(3, "Titles reported by workers");
        doc.paragraph(d.reported_titles.join(", "));
    }
    if !d.tasks.is_empty() {
        doc.heading(3, "Tasks");
        doc.table(tasks_table(&d.tasks));
    }
    if !d.technology.is_empty() {
        doc.heading(3, "Technology skills");
        let mut table = Table::new(["Technology", "Kind", "Skill", "Flags"]);
        for t in &d.technology {
            table.row([
                Cell::tone(t.example.clone(), Tone::Strong),
                Cell::tone(t.commodity.clone().unwrap_or_default(), Tone::Muted),
                Cell::new(t.skill.clone().unwrap_or_else(|| "-".into())),
                Cell::tone(flags(t), Tone::Good),
            ]);
        }
        doc.table(table);
    }
    if !d.tools.is_empty() {
        doc.heading(3, "Tools");
        doc.paragraph(d.tools.join(", "));
    }
    for (name, ratings) in [
        ("Skills (O*NET ratings)", &d.skills),
        ("Knowledge", &d.knowledge),
        ("Abilities", &d.abilities),
    ] {
        if !ratings.is_empty() {
            doc.heading(3, name);
            doc.table(ratings_table(ratings));
        }
    }
    if !d.related.is_empty() {
        doc.heading(3, "Related occupations");
        let mut table = Table::new(["Tier", "Rank", "Code", "Occupation"]);
        for r in &d.related {
            table.row([
                Cell::tone(r.tier.clone(), Tone::Muted),
                Cell::new(r.rank.to_string()),
                Cell::new(r.code.clone()),
                Cell::tone(r.title.clone(), Tone::Strong),
            ]);
        }
        doc.table(table);
    }
}

fn linked(link: &LinkedOccupation, doc: &mut Document) {
    let name = match &link.id {
        Some(id) => format!("{} {} ({id})", link.code, link.title),
        None => format!("{} {}", link.code, link.title),
    };
    doc.heading(3, name);
    if !link.imported {
        doc.paragraph("Not in the imported O*NET data.");
        return;
    }
    let mut skills: Vec<&str> = Vec::new();
    for t in &link.technology {
        if let Some(s) = &t.skill
            && !skills.contains(&s.as_str())
        {
            skills.push(s);
        }
    }
    let hot: Vec<&str> = link
        .technology
        .iter()
        .filter(|t| t.hot)
        .map(|t| t.example.as_str())
        .collect();
    let mut fields = vec![(
        "Technology skills".to_owned(),
        format!(
            "{} listed, {} of them hot",
            link.technology.len(),
            hot.len()
        ),
    )];
    if !skills.is_empty() {
        fields.push(("Skills they map onto".to_owned(), skills.join(", ")));
    }
    if !hot.is_empty() {
        let mut text = hot[..hot.len().min(LISTED_HOT)].join(", ");
        if hot.len() > LISTED_HOT {
            text.push_str(&format!(
                " and {} more (`careers show {}` lists them all)",
                hot.len() - LISTED_HOT,
                link.code
            ));
        }
        fields.push(("Hot technologies".to_owned(), text));
    }
    doc.fields(fields);
    if !link.tasks.is_empty() {
        doc.table(tasks_table(&link.tasks));
    }
}

fn tasks_table(tasks: &[OnetTask]) -> Table {
    let mut table = Table::new(["Task", "Type"]).wide(0);
    for t in tasks {
        table.row([
            Cell::new(t.statement.clone()),
            Cell::tone(t.kind.map_or("-", TaskKind::label), Tone::Muted),
        ]);
    }
    table
}

fn ratings_table(ratings: &[Rating]) -> Table {
    let mut table = Table::new(["Element", "Importance (1-5)", "Level (0-7)"]);
    for r in ratings.iter().take(TOP_RATINGS) {
        table.row([
            Cell::tone(r.name.clone(), Tone::Strong),
            Cell::new(format!("{:.2}", r.importance)),
            Cell::new(r.level.map_or_else(|| "-".into(), |l| format!("{l:.2}"))),
        ]);
    }
    table
}

fn flags(t: &TechnologySkill) -> String {
    match (t.hot, t.in_demand) {
        (true, true) => "hot, in demand".into(),
        (true, false) => "hot".into(),
        (false, true) => "in demand".into(),
        (false, false) => String::new(),
    }
}

fn riasec_name(letter: char) -> Option<&'static str> {
    Some(match letter {
        'R' => "Realistic",
        'I' => "Investigative",
        'A' => "Artistic",
        'S' => "Social",
        'E' => "Enterprising",
        'C' => "Conventional",
        _ => return None,
    })
}
