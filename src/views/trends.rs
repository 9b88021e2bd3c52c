//! How `careers trends` reads: per role, its demand figures with their sources, the industries
//! adopting its work, its in-demand skills, its outlook and the trends with their figures, then
//! the roles asked about that have no market data.

use crate::commands::trends::TrendsReport;
use crate::render::{Cell, Document, Report, Table, Tone};
use crate::views::sections::{
    capitalize, describe_figure, figures_table, in_demand_table, missing_in, sources_note,
};

impl Report for TrendsReport {
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
