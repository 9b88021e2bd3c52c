//! How `careers match` reads: what was matched against, then a table of the best-matching
//! roles with their score, median pay, job zone and growth, and each input's score with why; in
//! CSV one row per ranked role.

use crate::commands::r#match::{InputFit, InputKind, MatchReport, RoleMatch, UnknownSkill};
use crate::error::did_you_mean;
use crate::model::salary::thousands;
use crate::model::wages::AreaKind;
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::store::find::MedianPay;

impl UnknownSkill {
    pub fn message(&self) -> String {
        format!(
            "Unknown skill \"{}\"{}: left out of the ranking.",
            self.name,
            did_you_mean(&self.suggestions)
        )
    }
}

impl InputFit {
    /// "Writing 0.78 (importance 4.12)", "Python 0.94 (listed, hot, in demand; Programming
    /// 4.25)", "Revit 0.05 (not listed; Design 1.20)".
    pub fn explained(&self) -> String {
        let importance = match (self.importance, self.rated) {
            (Some(i), true) => format!("{i:.2}"),
            (Some(i), false) => format!("not rated, average {i:.2}"),
            (None, _) => "no ratings".to_owned(),
        };
        let why = match (self.kind, &self.listed) {
            (InputKind::Skill | InputKind::Knowledge, _) => format!("importance {importance}"),
            (InputKind::Technology, listed) => {
                let listing = match listed {
                    Some(l) if l.by == "profile" => "listed by the profile".to_owned(),
                    Some(l) => {
                        let hot = if l.hot { ", hot" } else { "" };
                        let demand = if l.in_demand { ", in demand" } else { "" };
                        format!("listed{hot}{demand}")
                    }
                    None => "not listed".to_owned(),
                };
                match &self.related {
                    Some(r) => format!("{listing}; {r} {importance}"),
                    None => listing,
                }
            }
        };
        format!("{} {:.2} ({why})", self.input, self.score)
    }
}

/// "$135,980", "at least $239,200", "-".
fn pay(median: Option<MedianPay>) -> String {
    median.map_or_else(
        || "-".to_owned(),
        |m| match m {
            MedianPay::AtLeast(d) => format!("at least ${}", thousands(d)),
            MedianPay::Dollars(d) => format!("${}", thousands(d)),
        },
    )
}

/// "+4.0%", "-2.1%", "-" when BLS projects none.
fn growth(g: Option<f64>) -> String {
    g.map_or_else(|| "-".to_owned(), |g| format!("{g:+.1}%"))
}

fn kind_name(kind: InputKind) -> &'static str {
    match kind {
        InputKind::Skill => "O*NET skill",
        InputKind::Knowledge => "O*NET knowledge",
        InputKind::Technology => "technology",
    }
}

impl MatchReport {
    /// "nationally" or "in Seattle-Tacoma-Bellevue, WA".
    fn place_words(&self) -> String {
        match &self.place {
            Some(p) if p.kind != AreaKind::National => format!("in {}", p.name),
            _ => "nationally".to_owned(),
        }
    }
}

/// `match`'s facts with the view's option: how many of the ranked roles a table shows. JSON
/// and records are the facts whole.
pub struct MatchView<'a> {
    pub report: &'a MatchReport,
    /// The most rows the table shows: a screenful in a terminal, unless `--top` was given.
    pub rows: Option<usize>,
}

/// How many ranked roles fit a terminal of `rows` lines: each takes about four (its id and
/// title, its figures, what matched, wrapped), and the heading and notes about eight.
pub fn screenful(rows: usize) -> usize {
    (rows.saturating_sub(8) / 4).max(3)
}

impl serde::Serialize for MatchView<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.report.serialize(serializer)
    }
}

impl crate::model::credits::Credited for MatchView<'_> {
    fn credits(&self) -> crate::model::credits::Credits<'_> {
        self.report.credits()
    }
}

impl Report for MatchView<'_> {
    fn attribution_column(&self) -> Option<bool> {
        Some(true)
    }

    fn document(&self) -> Document {
        self.report.document_of(self.rows)
    }

    fn records(&self) -> Records {
        self.report.records()
    }
}

impl Report for MatchReport {
    fn attribution_column(&self) -> Option<bool> {
        Some(true)
    }

    fn document(&self) -> Document {
        self.document_of(None)
    }

    fn records(&self) -> Records {
        self.records_of()
    }
}

impl MatchReport {
    /// The report for people, the ranking cut to `rows` roles when given.
    fn document_of(&self, rows: Option<usize>) -> Document {
        let mut doc = Document::default();
        doc.heading(1, "Roles that match your skills");
        if !self.inputs.is_empty() {
            let read: Vec<String> = self
                .inputs
                .iter()
                .map(|i| {
                    let mut text = format!("{} ({}", i.name, kind_name(i.kind));
                    if let Some(r) = &i.related {
                        text.push_str(&format!(", weighed with {r}"));
                    }
                    text.push(')');
                    text
                })
                .collect();
            let whose = match &self.from {
                Some(id) => format!("Matched against (with those of {id}, {})", read.len()),
                None => format!("Matched against ({})", read.len()),
            };
            doc.paragraph(format!("{whose}: {}.", read.join(", ")));
        }
        for u in &self.unknown {
            doc.paragraph(u.message());
        }
        if self.ranking.is_empty() {
            doc.paragraph("There is no role to rank.");
            return doc;
        }
        let mut table = Table::new([
            "#", "Role", "Title", "Score", "Median", "Zone", "Growth", "Why",
        ])
        .wide(7)
        .id_above(1, 2)
        .numbers([0, 3, 4, 5, 6]);
        let shown = &self.ranking[..rows.map_or(self.ranking.len(), |r| r.min(self.ranking.len()))];
        for m in shown {
            table.row(row(m));
        }
        doc.table(table);
        let shown = if shown.len() < self.ranked {
            format!(
                "Top {} of {} roles (--top N for more)",
                shown.len(),
                self.ranked
            )
        } else {
            match self.ranked {
                1 => "1 role".to_owned(),
                n => format!("All {n} roles"),
            }
        };
        doc.note(format!(
            "{shown}. Each input scores a role 0-1 and the score is their mean, as a percentage: a skill or knowledge area (importance - 1) / 4 by O*NET's rating of the role's occupation; a technology half for being listed (1/2, +1/4 hot, +1/4 in demand; a curated role's own list in full) and half for the importance of the skill or knowledge area it is weighed with. Ties go to the higher median pay, then id."
        ));
        doc.note(self.sources());
        doc
    }

    fn records_of(&self) -> Records {
        let mut records = Records::new([
            "rank",
            "id",
            "title",
            "origin",
            "code",
            "soc",
            "score",
            "median_pay",
            "median_kind",
            "job_zone",
            "growth_percent",
            "matched",
            "fits",
        ]);
        let opt = |v: Option<String>| v.unwrap_or_default();
        for m in &self.ranking {
            records.push([
                m.rank.to_string(),
                m.id.clone(),
                m.title.clone(),
                m.origin.to_owned(),
                opt(m.code.clone()),
                opt(m.soc.clone()),
                m.score.to_string(),
                opt(m.median_pay.map(|p| p.dollars().to_string())),
                opt(m.median_pay.map(|p| match p {
                    MedianPay::Dollars(_) => "dollars".to_owned(),
                    MedianPay::AtLeast(_) => "at-least".to_owned(),
                })),
                opt(m.job_zone.map(|z| z.to_string())),
                opt(m.growth_percent.map(|g| g.to_string())),
                m.matched.to_string(),
                m.fits
                    .iter()
                    .map(InputFit::explained)
                    .collect::<Vec<_>>()
                    .join("; "),
            ]);
        }
        records.id_first()
    }

    /// Where the figures come from.
    fn sources(&self) -> String {
        let pay = self
            .wages_source
            .as_ref()
            .map(|w| format!("median pay {}: {w}, cross-industry", self.place_words()));
        let growth = self
            .projections_source
            .as_ref()
            .map(|p| format!("growth: {}", p.name));
        let ratings = self
            .ratings_release
            .as_ref()
            .map(|r| format!("skill and knowledge ratings: O*NET {r}"));
        let parts: Vec<String> = pay
            .into_iter()
            .chain(growth)
            .chain(Some("job zone: O*NET".to_owned()))
            .chain(ratings)
            .collect();
        format!("Sources: {}.", parts.join("; "))
    }
}

fn row(m: &RoleMatch) -> Vec<Cell> {
    let why: Vec<String> = m.fits.iter().map(InputFit::explained).collect();
    vec![
        Cell::new(m.rank.to_string()),
        Cell::tone(m.id.clone(), Tone::Strong),
        Cell::tone(m.title.clone(), Tone::Strong),
        Cell::tone(
            format!("{:.1}%", m.score),
            if m.matched > 0 {
                Tone::Good
            } else {
                Tone::Muted
            },
        ),
        Cell::new(pay(m.median_pay)),
        Cell::new(m.job_zone.map_or_else(|| "-".to_owned(), |z| z.to_string())),
        Cell::new(growth(m.growth_percent)),
        Cell::new(why.join("\n")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_screenful_is_four_lines_a_role() {
        assert_eq!(screenful(24), 4);
        assert_eq!(screenful(50), 10);
        assert_eq!(screenful(5), 3);
        assert_eq!(screenful(1000), 248);
    }
}
