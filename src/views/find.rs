//! How `careers find` reads: what was asked, how many roles met it and how many were left out
//! for lack of a figure, then a table of the roles. In CSV, one typed record per role.

use crate::cli::FindSort;
use crate::commands::find::{FindReport, FoundRole, Lacking};
use crate::model::salary::thousands;
use crate::model::wages::AreaKind;
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::store::find::MedianPay;

impl Report for FindReport {
    fn document(&self) -> Document {
        document(self)
    }

    fn records(&self) -> Records {
        records(self).id_first()
    }
}

/// `$135,980`, `≥ $239,200`.
fn pay_text(pay: Option<MedianPay>) -> String {
    match pay {
        Some(MedianPay::Dollars(d)) => format!("${}", thousands(d)),
        Some(MedianPay::AtLeast(d)) => format!("≥ ${}", thousands(d)),
        None => "-".to_owned(),
    }
}

fn percent(p: f64) -> String {
    if p > 0.0 {
        format!("+{p:.1}%")
    } else {
        format!("{p:.1}%")
    }
}

/// The filters as a sentence's parts.
fn asked(r: &FindReport) -> Vec<String> {
    let f = &r.filters;
    let mut parts = Vec::new();
    if let Some(e) = f.education {
        parts.push(format!("entry education at most: {}", e.label()));
    }
    if let Some((low, high)) = f.zones {
        parts.push(if low == high {
            format!("job zone {low}")
        } else {
            format!("job zone {low}-{high}")
        });
    }
    if let Some(code) = &f.interests {
        parts.push(format!("interests {code}, first interest one of them"));
    }
    if let Some(least) = f.min_pay {
        let real = if f.real {
            " in U.S.-average prices"
        } else {
            ""
        };
        parts.push(format!("median pay at least ${}{real}", thousands(least)));
    }
    if let Some(g) = f.growth {
        parts.push(format!("jobs growing at least {}", percent(g)));
    }
    if let Some(o) = f.min_openings {
        parts.push(format!("at least {} openings a year", thousands(o)));
    }
    if !f.groups.is_empty() {
        parts.push(format!("SOC major group {}", f.groups.join(" or ")));
    }
    if let Some(t) = &f.title {
        parts.push(format!("\"{t}\" in the title"));
    }
    if let Some(s) = &f.skill {
        parts.push(format!("{} rated important", s.name));
    }
    if let Some(k) = &f.knowledge {
        parts.push(format!("{} knowledge rated important", k.name));
    }
    if let Some(t) = &f.tech {
        parts.push(format!("lists {t}"));
    }
    parts
}

/// What a role lacked, as "N roles have no X".
fn lacking_text(lacking: Lacking, count: usize, place: &str) -> String {
    let roles = if count == 1 { "role has" } else { "roles have" };
    let what = match lacking {
        Lacking::Occupation => "O*NET occupation (a SOC code)".to_owned(),
        Lacking::Education => "BLS entry education".to_owned(),
        Lacking::JobZone => "O*NET job zone".to_owned(),
        Lacking::InterestCode => "O*NET interest code".to_owned(),
        Lacking::Growth => "BLS projected growth".to_owned(),
        Lacking::Openings => "BLS projected openings".to_owned(),
        Lacking::Median => format!("BLS median {place}"),
        Lacking::SkillRating => "reliable O*NET rating of the skill".to_owned(),
        Lacking::KnowledgeRating => "reliable O*NET rating of the knowledge area".to_owned(),
    };
    format!("{count} {roles} no {what}")
}

fn sort_text(sort: FindSort, real: bool) -> &'static str {
    match (sort, real) {
        (FindSort::Pay, false) => "highest median pay first",
        (FindSort::Pay, true) => "highest median pay in U.S.-average prices first",
        (FindSort::Growth, _) => "fastest growth first",
        (FindSort::Openings, _) => "most openings first",
        (FindSort::Interests, _) => "best interest fit first",
        (FindSort::Zone, _) => "least preparation first",
    }
}

fn document(r: &FindReport) -> Document {
    let mut doc = Document::default();
    let place = place_words(r);
    doc.heading(1, "Roles that fit");
    let parts = asked(r);
    let shown = r.roles.len();
    let counted = match (shown < r.matched, r.matched) {
        (true, _) => format!("the first {shown} of {} roles", thousands(r.matched as u64)),
        (false, 1) => "1 role".to_owned(),
        (false, n) => format!("{n} roles"),
    };
    let lead = if parts.is_empty() {
        crate::views::sections::capitalize(&counted)
    } else {
        format!(
            "{}: {counted}",
            crate::views::sections::capitalize(&parts.join("; "))
        )
    };
    let order = match (r.sort, &r.wages_source) {
        (FindSort::Pay, None) => "by title (no BLS OEWS release is in use to rank pay by)",
        _ => sort_text(r.sort, r.filters.real),
    };
    doc.paragraph(format!("{lead}, {order}."));
    if !r.left_out.is_empty() {
        let counts: Vec<String> = r
            .left_out
            .iter()
            .map(|l| {
                let text = lacking_text(l.lacking, l.count, &place);
                if l.incomplete.is_empty() {
                    return text;
                }
                let each: Vec<String> = l
                    .incomplete
                    .iter()
                    .map(|i| format!("{}: incomplete: {}", i.id, i.incomplete))
                    .collect();
                format!("{text} ({})", each.join("; "))
            })
            .collect();
        doc.paragraph(format!(
            "Left out, lacking a figure a filter needs: {}.",
            counts.join("; ")
        ));
    }
    if r.roles.is_empty() {
        doc.paragraph("No role meets every filter; try fewer or looser ones.");
    } else {
        doc.table(table(r, &place));
    }
    doc.note(sources(r));
    doc
}

/// "nationally", "in Denver-Aurora-Centennial, CO".
fn place_words(r: &FindReport) -> String {
    match &r.place {
        Some(p) if p.area.kind != AreaKind::National => format!("in {}", p.area.name),
        _ => "nationally".to_owned(),
    }
}

fn table(r: &FindReport, place: &str) -> Table {
    let real = r.filters.real;
    let fit = r.filters.interests.is_some();
    let mut headers: Vec<String> = vec!["Role".into(), "Title".into(), "Code".into()];
    let pay_header = if place == "nationally" {
        "Median".to_owned()
    } else {
        format!("Median {}", short_place(r))
    };
    headers.push(pay_header);
    if real {
        headers.push("Real".into());
    }
    headers.extend(["Growth", "Openings", "Education", "Zone", "Interests"].map(String::from));
    if fit {
        headers.push("Fit".into());
    }
    let n = headers.len();
    let mut numbers: Vec<usize> = vec![3];
    if real {
        numbers.push(4);
    }
    let after = if real { 5 } else { 4 };
    numbers.extend([after, after + 1, after + 3]);
    if fit {
        numbers.push(n - 1);
    }
    let mut table = Table::new(headers)
        .id_above(0, 1)
        .ids(2)
        .wide(1)
        .numbers(numbers);
    for role in &r.roles {
        table.row(row(role, real, fit));
    }
    table
}

/// The place's name up to its first comma: "Denver-Aurora-Centennial".
fn short_place(r: &FindReport) -> String {
    r.place
        .as_ref()
        .map(|p| p.area.name.split(',').next().unwrap_or_default().to_owned())
        .unwrap_or_default()
}

fn row(role: &FoundRole, real: bool, fit: bool) -> Vec<Cell> {
    let mut cells = vec![
        Cell::new(role.id.clone()),
        Cell::new(role.title.clone()),
        Cell::new(role.code.clone().unwrap_or_else(|| "-".into())),
        Cell::tone(pay_text(role.median), Tone::Strong),
    ];
    if real {
        cells.push(Cell::new(pay_text(role.real_median)));
    }
    cells.push(Cell::new(
        role.growth_percent.map_or_else(|| "-".into(), percent),
    ));
    cells.push(Cell::new(
        role.openings.map_or_else(|| "-".into(), thousands),
    ));
    cells.push(Cell::new(role.education.map_or("-", |e| e.short())));
    cells.push(Cell::new(
        role.job_zone.map_or_else(|| "-".into(), |z| z.to_string()),
    ));
    cells.push(Cell::new(
        role.interest_code.clone().unwrap_or_else(|| "-".into()),
    ));
    if fit {
        cells.push(Cell::new(
            role.interest_fit
                .map_or_else(|| "-".into(), |f| f.to_string()),
        ));
    }
    cells
}

fn sources(r: &FindReport) -> String {
    let mut parts = Vec::new();
    if let Some(w) = &r.wages_source {
        let place = r
            .place
            .as_ref()
            .map_or_else(String::new, |p| format!(", {}", p.area.name));
        parts.push(format!("median pay: {w}{place}, cross-industry"));
    }
    if let (Some(p), Some(level)) = (
        &r.prices_source,
        r.place.as_ref().and_then(|p| p.price_level),
    ) {
        parts.push(format!(
            "real pay: divided by the price level {level:.3} (U.S. = 100), {}",
            p.name
        ));
    }
    if let Some(p) = &r.projections_source {
        parts.push(format!("growth, openings and entry education: {}", p.name));
    }
    let mut onet = "job zone and interest code: O*NET".to_owned();
    if let Some(release) = &r.ratings_release {
        onet.push_str(&format!("; skill and knowledge ratings: O*NET {release}"));
    }
    parts.push(onet);
    format!(
        "Sources: {}. `careers explain zones` and `careers explain interests` say what the zones and letters mean.",
        parts.join("; ")
    )
}

const COLUMNS: [&str; 19] = [
    "rank",
    "id",
    "title",
    "origin",
    "code",
    "area_code",
    "median",
    "median_kind",
    "real_median",
    "growth_percent",
    "openings",
    "education",
    "job_zone",
    "interest_code",
    "interest_fit",
    "skill_importance",
    "knowledge_importance",
    "wages_source",
    "projections_source",
];

fn records(r: &FindReport) -> Records {
    let mut records = Records::new(COLUMNS).marking_official();
    let opt = |v: Option<String>| v.unwrap_or_default();
    for role in &r.roles {
        let origin = role.origin.kind();
        let kind = match role.median {
            Some(MedianPay::Dollars(_)) => "dollars",
            Some(MedianPay::AtLeast(_)) => "at-least",
            None => "not-published",
        };
        records.push_official([
            role.rank.to_string(),
            role.id.clone(),
            role.title.clone(),
            origin.to_owned(),
            opt(role.code.clone()),
            opt(r.place.as_ref().map(|p| p.area.code.clone())),
            opt(role.median.map(|m| m.dollars().to_string())),
            kind.to_owned(),
            opt(role.real_median.map(|m| m.dollars().to_string())),
            opt(role.growth_percent.map(|g| g.to_string())),
            opt(role.openings.map(|o| o.to_string())),
            opt(role.education.map(|e| kebab(&e))),
            opt(role.job_zone.map(|z| z.to_string())),
            opt(role.interest_code.clone()),
            opt(role.interest_fit.map(|f| f.to_string())),
            opt(role.skill_importance.map(|i| i.to_string())),
            opt(role.knowledge_importance.map(|i| i.to_string())),
            opt(r.wages_source.as_ref().map(|w| w.name.clone())),
            opt(r.projections_source.as_ref().map(|p| p.name.clone())),
        ]);
    }
    records
}

/// A value's JSON name: `high-school`.
fn kebab<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
