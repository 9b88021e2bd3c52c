//! How `careers trends` reads: per role, its demand figures with their sources, the industries
//! adopting its work, its in-demand skills, its outlook and the trends with their figures, then
//! the roles asked about that have no market data.

use crate::commands::trends::TrendsReport;
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::views::outlook::{FACT_COLUMNS, figure_facts, text_fact};
use crate::views::sections::{
    capitalize, describe_figure, figures_table, in_demand_table, missing_in, sources_note,
};

impl Report for TrendsReport {
    /// One record per role and fact, in `outlook`'s columns: each demand figure, industry
    /// (with each use), in-demand skill, outlook statement and trend (a trend's figure in the
    /// record beside it, `trend-figure`).
    fn records(&self) -> Records {
        let mut records = Records::new(FACT_COLUMNS);
        for r in &self.roles {
            let id = r.role.as_str();
            figure_facts(&mut records, id, "demand", &r.figures);
            for i in &r.industries {
                records.push(text_fact(id, "industry", &i.name, "").row());
                for used in &i.uses {
                    records.push(text_fact(id, "industry-use", &i.name, used).row());
                }
            }
            for g in &r.in_demand_skills {
                for skill in &g.skills {
                    let text = match &skill.note {
                        Some(note) => format!("{} ({note})", skill.name),
                        None => skill.name.clone(),
                    };
                    records.push(text_fact(id, "in-demand-skill", &g.name, &text).row());
                }
            }
            for text in &r.outlook {
                records.push(text_fact(id, "outlook", "", text).row());
            }
            for t in &r.trends {
                records.push(text_fact(id, "trend", &t.name, &t.summary).row());
                if let Some(f) = &t.figure {
                    figure_facts(&mut records, id, "trend-figure", std::slice::from_ref(f));
                }
            }
        }
        records
    }

    fn document(&self) -> Document {
        let mut doc = Document::default();
        for r in &self.roles {
            doc.heading(1, format!("Market: {} ({})", r.title, r.role));
            if !r.figures.is_empty() {
                doc.heading(2, "Demand");
                doc.table(figures_table(r.figures.iter()));
                if let Some(note) = sources_note(r.figures.iter()) {
                    doc.note(note);
                }
            }
            if !r.industries.is_empty() {
                doc.heading(2, "Industries");
                crate::views::sections::industries_block(&mut doc, &r.industries);
            }
            if !r.in_demand_skills.is_empty() {
                doc.heading(2, "In-demand skills");
                doc.table(in_demand_table(&r.in_demand_skills));
            }
            if !r.outlook.is_empty() {
                doc.heading(2, "Outlook");
                doc.list(r.outlook.iter().cloned());
            }
            if !r.trends.is_empty() {
                doc.heading(2, "Trends");
                let mut table = Table::new(["Trend", "Summary"]).wide(1);
                for t in &r.trends {
                    let mut summary = t.summary.clone();
                    if let Some(f) = &t.figure {
                        summary.push_str(&format!("\nFigure: {}", describe_figure(f)));
                    }
                    table.row([Cell::tone(t.name.clone(), Tone::Strong), Cell::new(summary)]);
                }
                doc.table(table);
            }
        }
        if !self.roles_without_market_data.is_empty() {
            let text = missing_in("market data", &self.roles_without_market_data);
            let sentence = capitalize(&text) + ".";
            if self.roles.is_empty() {
                doc.paragraph(sentence);
                if !self.roles_with_market_data.is_empty() {
                    doc.paragraph(format!(
                        "Roles with market data: {}.",
                        self.roles_with_market_data.join(", ")
                    ));
                }
            } else {
                doc.note(sentence);
            }
        }
        doc
    }
}
