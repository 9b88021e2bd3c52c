//! How `careers moves` reads: the role and its occupation, then a row per move with how alike
//! the two are, the pay and job zone change and the three things most to raise; in CSV one
//! row per move.

use crate::commands::moves::{Move, MovesReport};
use crate::model::onet::RatingKind;
use crate::model::salary::dollars;
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::store::ratings::RatingsVia;

/// "$132,300 (+$34,750)", "$61,000 (-$4,200)", or "no BLS OEWS estimate".
fn pay_text(m: &Move) -> String {
    let Some(median) = m.median_pay.as_ref().and_then(|w| w.median_dollars()) else {
        return "no BLS OEWS estimate".to_owned();
    };
    match m.pay_change {
        Some(0) => format!("{} (same)", dollars(median)),
        Some(c) if c > 0 => format!("{} (+{})", dollars(median), dollars(c.unsigned_abs())),
        Some(c) => format!("{} (-{})", dollars(median), dollars(c.unsigned_abs())),
        None => dollars(median),
    }
}

/// "4 (+1)", "3 (same)", or "-".
fn zone_text(m: &Move) -> String {
    match (m.job_zone, m.job_zone_change) {
        (Some(z), Some(0)) => format!("{z} (same)"),
        (Some(z), Some(c)) => format!("{z} ({c:+})"),
        (Some(z), None) => z.to_string(),
        (None, _) => "-".to_owned(),
    }
}

/// "Biology 2.58 → 5.04", a line each; "Mathematics (knowledge) 3.40 → 4.41" for a name O*NET
/// gives a skill and a knowledge area alike.
fn gaps_text(m: &Move, separator: &str) -> String {
    if m.gaps.is_empty() {
        return "none: no level needed above the role's".to_owned();
    }
    m.gaps
        .iter()
        .map(|g| {
            let kind = match (g.name_shared, g.kind) {
                (false, _) => "",
                (true, RatingKind::Skill) => " (skill)",
                (true, _) => " (knowledge)",
            };
            format!("{}{kind} {:.2} → {:.2}", g.name, g.from_level, g.to_level)
        })
        .collect::<Vec<_>>()
        .join(separator)
}

impl Report for MovesReport {
    fn attribution_column(&self) -> Option<bool> {
        Some(true)
    }

    fn document(&self) -> Document {
        let mut doc = Document::default();
        let f = &self.from;
        doc.heading(1, format!("Moves from {} ({})", f.title, f.id));
        let occupation = format!("{} {}", f.occupation.code, f.occupation.title);
        let mut about = match f.occupation.via {
            RatingsVia::Own => format!("As O*NET {} rates {occupation}", self.release),
            RatingsVia::FirstLinkedCode => format!(
                "As O*NET {} rates {occupation}, {}'s first linked occupation",
                self.release, f.id
            ),
        };
        let mut standing = Vec::new();
        if let Some(z) = f.job_zone {
            standing.push(format!("job zone {z}"));
        }
        if let Some(median) = f.median_pay.as_ref().and_then(|w| w.median_dollars()) {
            standing.push(format!("median pay {}", dollars(median)));
        }
        if !standing.is_empty() {
            about.push_str(&format!(" ({})", standing.join(", ")));
        }
        let which = if self.up {
            "the occupations with a higher median pay or job zone whose skills and knowledge are most alike"
        } else {
            "the occupations whose skills and knowledge are most alike"
        };
        doc.paragraph(format!(
            "{about}: {which}, of the {} other occupations it rates.",
            self.compared
        ));
        if self.moves.is_empty() {
            doc.paragraph(if self.up {
                "None pays more or needs a higher job zone."
            } else {
                "No other occupation is rated."
            });
        } else {
            let mut table = Table::new([
                "#",
                "Occupation",
                "Alike",
                "Median pay",
                "Zone",
                "Most to raise",
            ])
            .wide(5)
            .numbers([0, 2]);
            for m in &self.moves {
                table.row([
                    Cell::new(m.rank.to_string()),
                    Cell::tone(format!("{}\n{}", m.title, m.code), Tone::Strong),
                    Cell::tone(format!("{:.1}%", m.similarity_percent), Tone::Good),
                    Cell::new(pay_text(m)),
                    Cell::new(zone_text(m)),
                    Cell::new(gaps_text(m, "\n")),
                ]);
            }
            doc.table(table);
        }
        doc.note(format!(
            "Alike: one less the mean difference of the two occupations' levels (0-7) over the skills and knowledge both rate, each weighted by its importance (1-5) to the two, as a share of the scale; an element with a figure O*NET recommends suppressing is left out, a level rated not relevant counts as 0. Most to raise: the three skills or knowledge areas the move needs most above {}'s level, as `careers gap` ranks them (importance × shortfall).",
            f.id
        ));
        if let Some(source) = &self.pay_source {
            let place = f
                .median_pay
                .as_ref()
                .or_else(|| self.moves.iter().find_map(|m| m.median_pay.as_ref()))
                .map_or("", |w| w.area.name.as_str());
            doc.note(format!(
                "Median pay: {source} · {place}, cross-industry; the change is from {}'s occupation.",
                f.id
            ));
        }
        doc
    }

    fn records(&self) -> Records {
        let mut records = Records::new([
            "rank",
            "id",
            "code",
            "title",
            "similarity_percent",
            "median_pay",
            "pay_change",
            "job_zone",
            "job_zone_change",
            "gaps",
        ]);
        for m in &self.moves {
            let number = |v: Option<String>| v.unwrap_or_default();
            records.push([
                m.rank.to_string(),
                m.id.clone(),
                m.code.clone(),
                m.title.clone(),
                m.similarity_percent.to_string(),
                number(
                    m.median_pay
                        .as_ref()
                        .and_then(|w| w.median_dollars())
                        .map(|d| d.to_string()),
                ),
                number(m.pay_change.map(|c| c.to_string())),
                number(m.job_zone.map(|z| z.to_string())),
                number(m.job_zone_change.map(|c| c.to_string())),
                gaps_text(m, "; "),
            ]);
        }
        records.id_first()
    }
}
