//! The sections of a profile as several views word them: sources, experience and education,
//! groups of items, linked roles, career stages, market figures and industries. `show` uses
//! them all; `compare`, `path`, `trends` and `salary` the ones they share with it.

use crate::model::credits::CreditedSource;
use crate::model::{
    Education, ExperienceRequirement, Figure, ItemGroup, Quantity, Requirements, RoleLink,
};
use crate::render::{Cell, Document, Table, Tone};
use crate::store::{Origin, RoleSource};

/// "AiPathly career page: Machine Learning Developer, Salary Ranges (US Market, 2024)".
pub fn describe_source(src: &crate::model::Provenance) -> String {
    let mut text = src.document.clone();
    if let Some(section) = &src.section {
        text.push_str(&format!(", section \"{section}\""));
    }
    if let Some(year) = src.year
        && !text.contains(&year.to_string())
    {
        text.push_str(&format!(", {year}"));
    }
    text
}

/// "1-3 years in machine learning (or a relevant advanced degree)", without the stage.
pub fn describe_experience(exp: &ExperienceRequirement) -> String {
    let mut text = exp.years.map(|y| y.to_string()).unwrap_or_default();
    if let Some(field) = &exp.in_field {
        push_part(&mut text, field);
    }
    if let Some(note) = &exp.note {
        push_part(&mut text, &format!("({note})"));
    }
    text
}

fn push_part(text: &mut String, part: &str) {
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(part);
}

/// The education a role asks for, as labelled lines: degrees and fields, advanced degrees.
pub fn education_fields(edu: &Education) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let degrees: Vec<&str> = edu.degrees.iter().map(|d| d.label()).collect();
    let mut text = degrees.join(" or ");
    if !edu.fields.is_empty() {
        let mut fields = edu.fields.clone();
        if edu.related_fields_accepted {
            fields.push("a related field".into());
        }
        text.push_str(" in ");
        text.push_str(&join_or(&fields));
    }
    // O*NET's education is all note: the distribution, no degree of its own.
    match &edu.note {
        Some(note) if text.is_empty() => text.clone_from(note),
        Some(note) => text = format!("{note}, {text}"),
        None => {}
    }
    out.push(("Education".to_owned(), text));
    if let Some(adv) = &edu.advanced {
        let degrees: Vec<&str> = adv.degrees.iter().map(|d| d.label()).collect();
        let mut text = format!("{}: {}", degrees.join(" or "), adv.preference);
        if let Some(esp) = &adv.especially_for {
            text.push_str(&format!(", especially for {esp}"));
        }
        out.push(("Advanced degrees".to_owned(), text));
    }
    out
}

/// "a, b or c".
pub fn join_or(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// A group per row, its items as bullet lines.
pub fn groups_table(first: &str, second: &str, groups: &[ItemGroup]) -> Table {
    let mut table = Table::new([first, second]);
    for g in groups {
        let name = match &g.applies_to {
            Some(who) => format!("{} (for {who})", g.name),
            None => g.name.clone(),
        };
        let items: Vec<String> = g.items.iter().map(|i| format!("• {i}")).collect();
        table.row([Cell::tone(name, Tone::Strong), Cell::new(items.join("\n"))]);
    }
    table
}

/// A role per row with what it does; roles with a profile show its id to `show`.
pub fn links_table(first: &str, links: &[RoleLink]) -> Table {
    let mut table = Table::new([first, "Profile", "What it does"]).ids(1);
    for l in links {
        table.row([
            Cell::tone(l.title.clone(), Tone::Strong),
            Cell::new(l.profile.clone().unwrap_or_else(|| "-".into())),
            Cell::new(l.description.clone().unwrap_or_default()),
        ]);
    }
    table
}

/// Kinds of employer, whom they hire and what for.
pub fn work_settings_table(settings: &[crate::model::WorkSetting]) -> Table {
    let mut table = Table::new(["Employer", "Hires", "For"]);
    for w in settings {
        table.row([w.employer.clone(), w.hires.clone(), w.purpose.clone()]);
    }
    table
}

/// A stage per row: its roles (with profile ids) and what happens.
pub fn progression_table(career: &crate::model::Career) -> Table {
    let mut table = Table::new(["Stage", "Roles", "What happens"]);
    for (i, s) in career.progression.iter().enumerate() {
        let roles: Vec<String> = s
            .roles
            .iter()
            .map(|r| match &r.profile {
                Some(id) => format!("{} ({id})", r.title),
                None => r.title.clone(),
            })
            .collect();
        let items: Vec<String> = s.items.iter().map(|i| format!("• {i}")).collect();
        table.row([
            Cell::tone(format!("{}. {}", i + 1, s.name), Tone::Strong),
            Cell::new(roles.join(", ")),
            Cell::new(items.join("\n")),
        ]);
    }
    table
}

/// "70% (Share of applications using low-code or no-code AI, by 2025)".
pub fn describe_figure(f: &Figure) -> String {
    let mut parts = vec![f.metric.clone()];
    if let Some(period) = &f.period {
        parts.push(period.clone());
    }
    if let Some(who) = &f.reported_by {
        parts.push(format!("per {who}"));
    }
    format!("{} ({})", f.value, parts.join(", "))
}

/// A profile's figure as typed fields for records: what it measures, its number and unit, its
/// period and who reported it.
pub fn figure_fields(f: &Figure) -> Vec<(&'static str, String)> {
    let mut fields = vec![("metric", f.metric.clone())];
    fields.extend(quantity_fields(&f.value));
    fields.push(("period", f.period.clone().unwrap_or_default()));
    fields.push(("reported_by", f.reported_by.clone().unwrap_or_default()));
    fields
}

/// "Source: A; B." naming each source of `figures` once, in order; none when no figure names
/// one.
pub fn sources_note<'a>(figures: impl Iterator<Item = &'a Figure>) -> Option<String> {
    let mut sources: Vec<String> = Vec::new();
    for s in figures.filter_map(|f| f.source.as_ref()) {
        let s = describe_source(s);
        if !sources.contains(&s) {
            sources.push(s);
        }
    }
    (!sources.is_empty()).then(|| format!("Source: {}.", sources.join("; ")))
}

/// A figure's value as typed fields for records: the number and its unit.
pub fn quantity_fields(q: &Quantity) -> [(&'static str, String); 2] {
    let (value, unit) = match q {
        Quantity::Percent { value } => (*value, "percent"),
        Quantity::UsdBillions { value } => (*value, "usd-billions"),
    };
    [("value", value.to_string()), ("unit", unit.to_owned())]
}

/// A pay figure as typed fields for records: its amount, or the ends of its band and whether it
/// is open above, and whether it is an average or a median.
pub fn pay_fields(f: &crate::model::SalaryFigure) -> Vec<(&'static str, String)> {
    let mut fields = match f.pay {
        crate::model::salary::Pay::Amount { amount } => vec![("amount", amount.to_string())],
        pay => vec![
            ("low", pay.low().map(|n| n.to_string()).unwrap_or_default()),
            (
                "high",
                pay.high().map(|n| n.to_string()).unwrap_or_default(),
            ),
            ("open_high", pay.open_high().to_string()),
        ],
    };
    if let Some(s) = f.statistic {
        fields.push(("statistic", s.label().to_owned()));
    }
    fields
}

/// Market figures: what, value, period, who reported it.
pub fn figures_table<'a>(figures: impl Iterator<Item = &'a Figure>) -> Table {
    let mut table = Table::new(["Figure", "Value", "Period", "Reported by"]);
    for f in figures {
        table.row([
            Cell::new(f.metric.clone()),
            Cell::tone(f.value.to_string(), Tone::Strong).typed(quantity_fields(&f.value)),
            Cell::new(f.period.clone().unwrap_or_default()),
            Cell::new(f.reported_by.clone().unwrap_or_else(|| "-".into())),
        ]);
    }
    table
}

/// In-demand skills, a group per row, each skill with what the source says of its demand.
pub fn in_demand_table(groups: &[crate::model::InDemandGroup]) -> Table {
    let mut table = Table::new(["Area", "Skills"]);
    for g in groups {
        let skills: Vec<String> = g
            .skills
            .iter()
            .map(|s| match &s.note {
                Some(note) => format!("{} ({note})", s.name),
                None => s.name.clone(),
            })
            .collect();
        table.row([
            Cell::tone(g.name.clone(), Tone::Strong),
            Cell::new(skills.join(", ")),
        ]);
    }
    table
}

/// Industries with what they use the role for, as a table; a plain list when no use is given.
pub fn industries_block(doc: &mut Document, industries: &[crate::model::Industry]) {
    if industries.iter().any(|i| !i.uses.is_empty()) {
        let mut table = Table::new(["Industry", "Uses"]);
        for i in industries {
            table.row([
                Cell::tone(i.name.clone(), Tone::Strong),
                Cell::new(i.uses.join(", ")),
            ]);
        }
        doc.table(table);
    } else {
        doc.list(industries.iter().map(|i| i.name.clone()));
    }
}

/// `lines` one a line, bulleted when there are several; `none` when there are none.
pub fn lines_or(lines: &[String], none: &str) -> String {
    match lines {
        [] => none.to_owned(),
        [one] => one.clone(),
        many => many
            .iter()
            .map(|l| format!("• {l}"))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// Education, experience and certifications as compare's and gap's rows word them: a line per
/// degree and stage, and what the source leaves unsaid said so.
pub fn requirement_aspects(req: &Requirements) -> [(&'static str, String); 3] {
    let education: Vec<String> = req
        .education
        .as_ref()
        .map(|e| {
            education_fields(e)
                .into_iter()
                .map(|(label, text)| {
                    if label == "Education" {
                        text
                    } else {
                        format!("{label}: {text}")
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let experience: Vec<String> = req
        .experience
        .iter()
        .map(|e| format!("{}: {}", e.stage, describe_experience(e)))
        .collect();
    [
        (
            "Education",
            if education.is_empty() {
                "not stated in source".to_owned()
            } else {
                education.join("\n")
            },
        ),
        ("Experience", lines_or(&experience, "not stated in source")),
        (
            "Certifications",
            if req.certifications.is_empty() {
                "none named in source".into()
            } else {
                req.certifications
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        ),
    ]
}

/// The credited source whose data a role's record shows: O*NET's, for an occupation imported
/// from it.
pub fn origin_credit(origin: &Origin) -> Option<CreditedSource> {
    matches!(origin, Origin::Onet { .. }).then_some(CreditedSource::Onet)
}

/// "no salary figures for a and b in bundled profiles": names roles that lack `what` and where
/// each comes from, so a role read from a user file is not said to be bundled.
pub fn missing_in(what: &str, roles: &[RoleSource]) -> String {
    let ids = |keep: fn(&Origin) -> bool| -> Vec<String> {
        roles
            .iter()
            .filter(|r| keep(&r.origin))
            .map(|r| r.id.clone())
            .collect()
    };
    let mut parts = Vec::new();
    let bundled = ids(|o| matches!(o, Origin::Bundled { .. }));
    if !bundled.is_empty() {
        parts.push(format!("{} in bundled profiles", name_some(&bundled)));
    }
    let user: Vec<&RoleSource> = roles
        .iter()
        .filter(|r| matches!(r.origin, Origin::User { .. }))
        .collect();
    match user.as_slice() {
        [] => {}
        [one] => parts.push(format!(
            "{} in its profile ({})",
            one.id,
            one.origin.describe()
        )),
        _ => parts.push(format!(
            "{} in user profiles",
            name_some(&ids(|o| matches!(o, Origin::User { .. })))
        )),
    }
    let onet = ids(|o| matches!(o, Origin::Onet { .. }));
    if !onet.is_empty() {
        parts.push(format!("{} in O*NET profiles", name_some(&onet)));
    }
    format!("no {what} for {}", parts.join(", nor for "))
}

/// "a, b and c", or for a long list "1,019 roles, among them a, b and c": an import brings
/// hundreds of roles, which no sentence should list one by one (JSON lists them all).
pub fn name_some(ids: &[String]) -> String {
    const NAMED: usize = 8;
    if ids.len() <= NAMED {
        join_and(ids)
    } else {
        format!(
            "{} roles, among them {}",
            crate::model::salary::thousands(ids.len() as u64),
            join_and(&ids[..3])
        )
    }
}

/// `text` with its first letter a capital, for a sentence made of a clause.
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "a, b and c".
pub fn join_and(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_of_roles_are_counted_not_listed() {
        let few: Vec<String> = ["a", "b", "c"].map(String::from).into();
        assert_eq!(name_some(&few), "a, b and c");
        let many: Vec<String> = (0..1_016).map(|i| format!("role-{i}")).collect();
        assert_eq!(
            name_some(&many),
            "1,016 roles, among them role-0, role-1 and role-2"
        );
    }
}
