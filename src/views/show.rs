//! How `careers show` reads: the profile's sections in a fixed order, each a heading with its
//! table, list or fields, then what O*NET says; in CSV one row per field.

mod onet;

use crate::cli::Section;
use crate::commands::show::ShowReport;
use crate::model::credits::{Credited, Credits};
use crate::model::{CodeSystem, Provenance, SalaryFigure};
use crate::render::{Cell, Document, Table, Tone};
use crate::store::Origin;
use crate::views::salary::{SalaryExtras, dimension_label, figure_notes, salary_extras};
use crate::views::sections::{
    describe_experience, describe_source, education_fields, figures_table, groups_table,
    in_demand_table, industries_block, links_table, progression_table, work_settings_table,
};

/// `show`'s facts with the view's option: how much of O*NET's lists to show. JSON is the
/// facts alone.
pub struct ShowView<'a> {
    pub report: &'a ShowReport,
    /// Every O*NET item (`--full`) instead of the first ones.
    pub full: bool,
}

impl serde::Serialize for ShowView<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.report.serialize(serializer)
    }
}

impl Credited for ShowView<'_> {
    fn credits(&self) -> Credits<'_> {
        self.report.credits()
    }
}

impl crate::render::Report for ShowView<'_> {
    fn attribution_column(&self) -> Option<bool> {
        Some(true)
    }

    /// A record per field, paragraph, list item and table cell of the profile's sections.
    fn records(&self) -> crate::render::Records {
        let p = &self.report.profile;
        let mut records = crate::render::sectioned_records(&p.id, &self.document());
        records.rows.insert(
            0,
            [p.id.as_str(), "", "Title", "", &p.title]
                .map(str::to_owned)
                .into(),
        );
        records
    }

    fn document(&self) -> Document {
        self.report.document(self.full)
    }
}

impl ShowReport {
    /// The profile's sections, O*NET's lists whole when `full`.
    fn document(&self, full: bool) -> Document {
        let p = &self.profile;
        let mut doc = Document::default();
        doc.heading(1, format!("{} ({})", p.title, p.id));
        if let Some(found) = &self.found_by {
            let kind = if found.alternate {
                "alternate"
            } else {
                "reported"
            };
            doc.paragraph(format!(
                "\"{}\" is {}, by O*NET's {kind} title.",
                found.title, p.title
            ));
        }
        doc.paragraph(p.summary.clone());
        let mut fields = Vec::new();
        let aliases = self.aliases();
        if !aliases.is_empty() {
            fields.push(("Also known as".into(), aliases.join(", ")));
        }
        for code in &p.codes {
            let system = match code.system {
                CodeSystem::OnetSoc => "O*NET-SOC",
            };
            fields.push((
                format!("{system} {}", code.code),
                match &code.basis {
                    Some(basis) => format!("{} ({basis})", code.title),
                    None => code.title.clone(),
                },
            ));
        }
        if let Some(src) = &p.source {
            fields.push(("Source".into(), describe_source(src)));
        }
        fields.push(("Loaded from".into(), self.origin.describe()));
        if let Some(glance) = self
            .outlook
            .as_ref()
            .and_then(crate::views::outlook::glance)
        {
            fields.push(("At a glance".into(), glance));
        }
        doc.fields(fields);

        let missing = self.sections_without_data();
        if !missing.is_empty() {
            let names: Vec<String> = missing.into_iter().map(section_name).collect();
            doc.note(format!("{} has no data for: {}.", p.id, names.join(", ")));
        }

        if let Some(overview) = &p.overview {
            doc.heading(2, "Overview");
            doc.paragraph(overview.clone());
        }
        for d in &p.differences {
            doc.heading(2, format!("Compared with {}", d.other_role));
            doc.list(d.points.iter().cloned());
        }
        if !p.responsibilities.is_empty() {
            doc.heading(2, "Responsibilities");
            doc.table(groups_table(
                "Area",
                "What the role does",
                &p.responsibilities,
            ));
        }
        if let Some(req) = &p.requirements {
            doc.heading(2, "Requirements");
            let mut fields = Vec::new();
            if let Some(edu) = &req.education {
                fields.extend(education_fields(edu));
            }
            for exp in &req.experience {
                fields.push((
                    format!("Experience: {}", exp.stage),
                    describe_experience(exp),
                ));
            }
            if !req.certifications.is_empty() {
                fields.push((
                    "Certifications".into(),
                    req.certifications
                        .iter()
                        .map(|c| c.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                ));
            }
            doc.fields(fields);
            if !req.other.is_empty() {
                doc.heading(3, "Also expected");
                doc.list(req.other.iter().cloned());
            }
        }
        // An occupation's skills are what its O*NET technology maps onto: they follow
        // O*NET's own sections, which say first what matters for it.
        if !p.skills.is_empty() && !matches!(self.origin, Origin::Onet { .. }) {
            doc.heading(2, "Skills");
            doc.table(self.skills_table());
        }
        if !p.soft_skills.is_empty() {
            doc.heading(2, "Soft skills");
            if p.soft_skills.iter().any(|s| s.description.is_some()) {
                let mut table = Table::new(["Skill", "What it means here"]);
                for s in &p.soft_skills {
                    table.row([
                        Cell::tone(s.name.clone(), Tone::Strong),
                        Cell::new(s.description.clone().unwrap_or_default()),
                    ]);
                }
                doc.table(table);
            } else {
                doc.list(p.soft_skills.iter().map(|s| s.name.clone()));
            }
        }
        if !p.industries.is_empty() {
            doc.heading(2, "Industries");
            industries_block(&mut doc, &p.industries);
        }
        if let Some(career) = &p.career {
            doc.heading(2, "Career");
            if !career.development.is_empty() {
                doc.heading(3, "Development");
                doc.table(groups_table("Step", "What to do", &career.development));
            }
            if !career.progression.is_empty() {
                doc.heading(3, "Progression");
                doc.table(progression_table(career));
            }
            if !career.specializations.is_empty() {
                doc.heading(3, "Specializations");
                doc.list(career.specializations.iter().cloned());
            }
            if !career.paths.is_empty() {
                doc.heading(3, "Career paths");
                doc.table(links_table("Role", &career.paths));
            }
            if !career.work_settings.is_empty() {
                doc.heading(3, "Where the work is");
                doc.table(work_settings_table(&career.work_settings));
            }
            if !career.related_roles.is_empty() {
                doc.heading(3, "Related roles");
                doc.table(links_table("Role", &career.related_roles));
            }
        }
        if let Some(market) = &p.market {
            doc.heading(2, "Market");
            if !market.figures.is_empty() {
                doc.table(figures_table(market.figures.iter()));
            }
            if !market.in_demand_skills.is_empty() {
                doc.heading(3, "In-demand skills");
                doc.table(in_demand_table(&market.in_demand_skills));
            }
            if !market.outlook.is_empty() {
                doc.heading(3, "Outlook");
                doc.list(market.outlook.iter().cloned());
            }
            if !market.opportunities.is_empty() {
                doc.heading(3, "Opportunities");
                doc.table(links_table("Role", &market.opportunities));
            }
        }
        if let Some(salary) = &p.salary {
            doc.heading(2, "Salary");
            if !salary.figures.is_empty() {
                doc.table(salary_table(&salary.figures, salary.source.as_ref()));
            }
            if !salary.industry_ranking.is_empty() {
                doc.heading(3, "Top-paying industries");
                let mut table = Table::new(["Rank", "Industry", "Pay"]).numbers([0]);
                for r in salary.ranked_industries() {
                    let figure = r.figure.map(SalaryFigure::display_pay);
                    let text = match (figure, r.note) {
                        (Some(f), Some(n)) => format!("{f}; {n}"),
                        (Some(f), None) => f,
                        (None, Some(n)) => format!("no figure: {n}"),
                        (None, None) => "no figure".into(),
                    };
                    let mut typed = r
                        .figure
                        .map(crate::views::sections::pay_fields)
                        .unwrap_or_default();
                    typed.push(("note", r.note.map(str::to_owned).unwrap_or_default()));
                    table.row([
                        Cell::new(r.rank.to_string()),
                        Cell::new(r.industry.to_owned()),
                        Cell::new(text).typed(typed),
                    ]);
                }
                doc.table(table);
            }
            salary_extras(
                &mut doc,
                3,
                &SalaryExtras {
                    growth: &salary.growth,
                    notes: &salary.notes,
                    factors: &salary.factors,
                },
            );
            if let Some(src) = &salary.source {
                doc.note(format!("Source: {}.", describe_source(src)));
            }
        }
        if !p.trends.is_empty() {
            doc.heading(2, "Trends");
            let mut table = Table::new(["#", "Trend", "Summary", "Figure"]).numbers([0]);
            for (i, t) in p.trends.iter().enumerate() {
                table.row([
                    Cell::new((i + 1).to_string()),
                    Cell::tone(t.name.clone(), Tone::Strong),
                    Cell::new(t.summary.clone()),
                    Cell::new(
                        t.figure
                            .as_ref()
                            .map(crate::views::sections::describe_figure)
                            .unwrap_or_default(),
                    )
                    .typed(
                        t.figure
                            .as_ref()
                            .map(crate::views::sections::figure_fields)
                            .unwrap_or_default(),
                    ),
                ]);
            }
            doc.table(table);
        }
        if !p.best_practices.is_empty() {
            doc.heading(2, "Best practices");
            doc.table(groups_table("Area", "Practice", &p.best_practices));
        }
        if !p.challenges.is_empty() {
            doc.heading(2, "Challenges");
            doc.table(groups_table("Challenge", "What it involves", &p.challenges));
        }
        if let Some(outlook) = &self.outlook {
            crate::views::outlook::show_section(&mut doc, outlook);
        }
        onet::render(self, full, &mut doc);
        doc
    }
}

impl ShowReport {
    /// The skills by category, in the vocabulary's order of categories.
    pub fn skills_table(&self) -> Table {
        let mut table = Table::new(["Category", "Skills"]);
        for (cat, skills) in self.skills_by_category() {
            let names: Vec<String> = skills
                .iter()
                .map(|s| match &s.note {
                    Some(note) => format!("{} ({note})", s.name),
                    None => s.name.clone(),
                })
                .collect();
            table.row([
                Cell::tone(cat.label(), Tone::Strong),
                Cell::new(names.join(", ")),
            ]);
        }
        table
    }
}

fn section_name(s: Section) -> String {
    use clap::ValueEnum;
    s.to_possible_value()
        .map(|v| v.get_name().to_owned())
        .unwrap_or_default()
}

/// Pay figures grouped by what they are about.
pub fn salary_table(figures: &[SalaryFigure], default_source: Option<&Provenance>) -> Table {
    let mut table = Table::new(["About", "Figure", "Pay", "Notes"]);
    for f in figures {
        let about = f
            .group
            .clone()
            .unwrap_or_else(|| dimension_label(f.dimension).to_owned());
        let mut notes = vec![f.year_text()];
        notes.extend(figure_notes(f, default_source, false));
        table.row([
            Cell::tone(about, Tone::Muted),
            Cell::tone(f.label.clone(), Tone::Strong),
            Cell::new(f.display_pay()).typed(crate::views::sections::pay_fields(f)),
            Cell::new(notes.join("; ")),
        ]);
    }
    table
}
