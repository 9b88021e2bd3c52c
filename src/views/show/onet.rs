//! The O*NET part of `show`: an occupation's record in its sections, a few of each list unless
//! `--full`, and for a curated profile a summary of each linked occupation.

use super::ShowReport;
use crate::commands::show::LinkedOccupation;
use crate::model::OnetDetails;
use crate::model::credits::CreditedSource;
use crate::model::onet::{
    OnetTask, Rating, RatingKind, TaskKind, TechnologySkill, education_summary,
};
use crate::render::{Cell, Document, Table, Tone};
use crate::store::Origin;

/// Ratings shown per kind (skills, knowledge, abilities) without `--full`; the JSON has them
/// all.
const TOP_RATINGS: usize = 10;
/// Work styles shown; the JSON has them all.
const TOP_STYLES: usize = 5;

/// How many of each list `show` gives without `--full`: a few screens in all.
const SHOWN_TITLES: usize = 12;
const SHOWN_TASKS: usize = 10;
const SHOWN_KINDS: usize = 8;
const SHOWN_PER_KIND: usize = 5;
const SHOWN_TOOLS: usize = 15;
const SHOWN_RELATED: usize = 10;

/// The first `n` of `items` (all when `full`), and how many are left out.
fn first<T>(items: &[T], n: usize, full: bool) -> (&[T], usize) {
    let n = if full {
        items.len()
    } else {
        n.min(items.len())
    };
    (&items[..n], items.len() - n)
}

/// "and 12 more (`careers show CODE --full` or `--section NAME` shows them all)".
fn more_note(left: usize, code: &str, section: &str) -> Option<String> {
    (left > 0).then(|| {
        format!(
            "and {left} more (`careers show {code} --full` or `--section {section}` shows them all)"
        )
    })
}

/// Appends the O*NET sections to `doc`, and the place of O*NET's attribution.
pub(super) fn render(report: &ShowReport, full: bool, doc: &mut Document) {
    if let Some(d) = &report.profile.onet {
        // A section asked for by name is shown whole.
        details(d, doc, full || !report.sections.is_empty());
    }
    if matches!(report.origin, Origin::Onet { .. }) && !report.profile.skills.is_empty() {
        doc.heading(3, "Skills in the vocabulary");
        doc.paragraph(
            "What its technology maps onto in the skill vocabulary, as compare, gap and match use it.",
        );
        doc.table(report.skills_table());
    }
    if !report.onet_links.is_empty() {
        doc.heading(2, "What O*NET says of the linked occupations");
        for link in &report.onet_links {
            linked(link, doc);
        }
    }
    // O*NET's attribution after what it is about, before BLS's notice.
    doc.credit_here(CreditedSource::Onet);
}

fn details(d: &OnetDetails, doc: &mut Document, full: bool) {
    doc.heading(2, format!("O*NET {}", d.code));
    let mut fields = Vec::new();
    if !d.incomplete.is_empty() {
        let rows = match d.incomplete.len() {
            1 => "a row".to_owned(),
            n => format!("{n} rows"),
        };
        fields.push((
            "Incomplete".to_owned(),
            format!(
                "the import left out {rows} of this occupation that could not be read: {}",
                d.incomplete.join("; ")
            ),
        ));
    }
    if let Some(z) = &d.job_zone {
        let mut text = format!("{}: {}", z.zone, z.name);
        if let Some(edu) = &z.education {
            text.push_str(&format!(". {edu}"));
        }
        fields.push(("Job zone".to_owned(), text));
    }
    if let Some(text) = education_summary(&d.education) {
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
            .take(if full { usize::MAX } else { TOP_STYLES })
            .map(String::as_str)
            .collect();
        let label = if full {
            "Work styles"
        } else {
            "Top work styles"
        };
        fields.push((label.to_owned(), top.join(", ")));
    }
    if !fields.is_empty() {
        doc.fields(fields);
    }
    for (heading, titles) in [
        ("Alternate titles", &d.alternate_titles),
        ("Titles reported by workers", &d.reported_titles),
    ] {
        if !titles.is_empty() {
            doc.heading(3, heading);
            let (shown, left) = first(titles, SHOWN_TITLES, full);
            let mut text = shown.join(", ");
            if let Some(more) = more_note(left, &d.code, "titles") {
                text.push_str(&format!(", {more}"));
            }
            doc.paragraph(text);
        }
    }
    if !d.tasks.is_empty() {
        doc.heading(3, "Tasks");
        let tasks = d.tasks_core_first();
        let (shown, left) = first(&tasks, SHOWN_TASKS, full);
        doc.table(tasks_table(shown));
        if let Some(more) = more_note(left, &d.code, "tasks") {
            doc.note(format!("{} tasks; {more}.", d.tasks.len()));
        }
    }
    if let Some(release) = &d.ratings_release {
        ratings(d, release, doc, full);
    }
    if !d.technology.is_empty() {
        doc.heading(3, "Technology skills");
        technology(d, doc, full);
    }
    if !d.tools.is_empty() {
        doc.heading(3, "Tools");
        let (shown, left) = first(&d.tools, SHOWN_TOOLS, full);
        let mut text = shown.join(", ");
        if let Some(more) = more_note(left, &d.code, "tools") {
            text.push_str(&format!(", {more}"));
        }
        doc.paragraph(text);
    }
    if !d.related.is_empty() {
        doc.heading(3, "Related occupations");
        let (shown, left) = first(&d.related, SHOWN_RELATED, full);
        let mut table = Table::new(["Tier", "Rank", "Code", "Occupation"])
            .numbers([1])
            .ids(2);
        for r in shown {
            table.row([
                Cell::tone(r.tier.clone(), Tone::Muted),
                Cell::new(r.rank.to_string()),
                Cell::new(r.code.clone()),
                Cell::tone(r.title.clone(), Tone::Strong),
            ]);
        }
        doc.table(table);
        if let Some(more) = more_note(left, &d.code, "related") {
            doc.note(format!("{} related; {more}.", d.related.len()));
        }
    }
}

/// The technology skills by kind, in the order [`OnetDetails::technology_by_kind`] gives: the
/// first kinds and the first technologies of each, unless `full`.
fn technology(d: &OnetDetails, doc: &mut Document, full: bool) {
    let kinds = d.technology_by_kind();
    let (shown, left_kinds) = first(&kinds, SHOWN_KINDS, full);
    let mut table = Table::new(["Kind", "Technologies"]).wide(1);
    let mut left_items = 0;
    for k in shown {
        let (names, left) = first(&k.technologies, SHOWN_PER_KIND, full);
        left_items += left;
        let mut text: Vec<String> = names
            .iter()
            .map(|t| match flags(t) {
                f if f.is_empty() => t.example.clone(),
                f => format!("{} ({f})", t.example),
            })
            .collect();
        if left > 0 {
            text.push(format!("{left} more"));
        }
        table.row([
            Cell::tone(k.kind.unwrap_or("Other").to_owned(), Tone::Strong),
            Cell::new(text.join(", ")),
        ]);
    }
    doc.table(table);
    let rest: usize = kinds[shown.len()..]
        .iter()
        .map(|k| k.technologies.len())
        .sum();
    let hot = d.hot_technologies();
    let mut note = format!(
        "{} technologies of {} kinds, {hot} of them hot.",
        d.technology.len(),
        kinds.len()
    );
    if left_kinds > 0 || left_items > 0 {
        note.push_str(&format!(
            " Not shown: {} ({} in {left_kinds} more kinds); `careers show {} --full` or `--section technology` shows them all.",
            left_items + rest,
            rest,
            d.code
        ));
    }
    doc.note(note);
}

fn linked(link: &LinkedOccupation, doc: &mut Document) {
    let name = match &link.id {
        Some(id) => format!("{} {} ({id})", link.code, link.title),
        None => format!("{} {}", link.code, link.title),
    };
    doc.heading(3, name);
    if let Some(why) = &link.unreadable {
        doc.paragraph(format!("Cannot be read: {why}."));
        return;
    }
    let Some(summary) = &link.summary else {
        doc.paragraph("Not in the O*NET release in use.");
        return;
    };
    doc.paragraph(summary.description.clone());
    let mut fields = vec![(
        "Technology skills".to_owned(),
        format!(
            "{} listed, {} of them hot",
            summary.technology_count, summary.hot_technology_count
        ),
    )];
    if !summary.skills.is_empty() {
        fields.push(("Skills they map onto".to_owned(), summary.skills.join(", ")));
    }
    if !summary.hot_technologies.is_empty() {
        let mut text = summary.hot_technologies.join(", ");
        let more =
            (summary.hot_technology_count as usize).saturating_sub(summary.hot_technologies.len());
        if more > 0 {
            text.push_str(&format!(" and {more} more"));
        }
        fields.push(("Hot technologies".to_owned(), text));
    }
    if summary.task_count > 0 {
        fields.push(("Tasks".to_owned(), summary.task_count.to_string()));
    }
    doc.fields(fields);
    doc.note(format!(
        "`careers show {}` gives all of O*NET's record.",
        link.code
    ));
}

fn tasks_table(tasks: &[&OnetTask]) -> Table {
    let mut table = Table::new(["Task", "Type"]).wide(0);
    for t in tasks {
        table.row([
            Cell::new(t.statement.clone()),
            Cell::tone(t.kind.map_or("-", TaskKind::label), Tone::Muted),
        ]);
    }
    table
}

/// The skills, knowledge and abilities O*NET rates, each kind by importance with its level,
/// or a sentence when the release does not rate the occupation.
fn ratings(d: &OnetDetails, release: &str, doc: &mut Document, full: bool) {
    if d.unrated {
        doc.heading(3, format!("Skills and knowledge (O*NET {release})"));
        doc.paragraph(format!(
            "O*NET {release} does not rate this occupation's skills and knowledge: a gap in O*NET's data, not a rating of zero."
        ));
        return;
    }
    let (mut uncertain, mut not_relevant) = (false, false);
    for (kind, heading) in [
        (RatingKind::Skill, "Skills"),
        (RatingKind::Knowledge, "Knowledge"),
        (RatingKind::Ability, "Abilities"),
    ] {
        let list = d.ratings(kind);
        if list.is_empty() {
            continue;
        }
        doc.heading(3, format!("{heading} (O*NET {release})"));
        let (shown, left) = first(list, TOP_RATINGS, full);
        doc.table(ratings_table(shown));
        uncertain |= shown
            .iter()
            .any(|r| r.importance_suppressed || r.level_suppressed);
        not_relevant |= shown.iter().any(|r| r.not_relevant);
        if let Some(more) = more_note(left, &d.code, "ratings") {
            doc.note(format!(
                "{} rated, most important first; {more}.",
                list.len()
            ));
        }
    }
    let marks: Vec<&str> = [(uncertain, UNCERTAIN), (not_relevant, NOT_RELEVANT)]
        .into_iter()
        .filter_map(|(shown, text)| shown.then_some(text))
        .collect();
    if !marks.is_empty() {
        doc.note(format!("{}.", marks.join("; ")));
    }
}

/// What the marks of a rating mean.
const UNCERTAIN: &str = "uncertain: O*NET recommends suppressing the figure (few respondents or a wide error), so it is not ranked";
const NOT_RELEVANT: &str = "not relevant: most respondents rated the element not relevant to the occupation, which counts as a level of 0";

fn ratings_table(ratings: &[Rating]) -> Table {
    let mut table = Table::new(["Element", "Importance (1-5)", "Level (0-7)"]).numbers([1, 2]);
    let figure = |value: f64, suppressed: bool| {
        if suppressed {
            format!("{value:.2} (uncertain)")
        } else {
            format!("{value:.2}")
        }
    };
    for r in ratings {
        let mut level = figure(r.level, r.level_suppressed);
        if r.not_relevant {
            level.push_str(" (not relevant)");
        }
        table.row([
            Cell::tone(r.name.clone(), Tone::Strong),
            Cell::new(figure(r.importance, r.importance_suppressed)),
            Cell::tone(
                level,
                if r.not_relevant {
                    Tone::Muted
                } else {
                    Tone::Plain
                },
            ),
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
