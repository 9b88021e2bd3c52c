//! How `careers outlook` reads: the role's growth figures as a table, its outlook as a list, and
//! BLS's national employment and median pay per occupation; in CSV one row per figure,
//! statement and occupation.

use crate::commands::outlook::OutlookReport;
use crate::model::Quantity;
use crate::model::wages::Unit;
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::store::wages::HeadlineWage;
use crate::views::sections::{describe_source, figures_table, sources_note};
use crate::views::wages::{csv_value, figure_text, occupation_name, value_text};

fn occupation(h: &HeadlineWage) -> String {
    occupation_name(&h.occupation)
}

impl Report for OutlookReport {
    fn attribution(&self) -> Option<&str> {
        self.attribution.as_deref()
    }

    fn official_notice(&self) -> Option<&str> {
        self.notice
    }

    fn attribution_column(&self) -> bool {
        true
    }

    fn document(&self) -> Document {
        let mut doc = Document::default();
        doc.heading(1, format!("Outlook: {} ({})", self.title, self.id));
        if self.growth.is_empty() && self.outlook.is_empty() {
            doc.paragraph(format!(
                "{}'s profile reports no growth figures or outlook.",
                self.id
            ));
        }
        if !self.growth.is_empty() {
            doc.heading(2, "Growth");
            doc.table(figures_table(self.growth.iter()));
            if let Some(note) = sources_note(self.growth.iter()) {
                doc.note(note);
            }
        }
        if !self.outlook.is_empty() {
            doc.heading(2, "Outlook");
            doc.list(self.outlook.iter().cloned());
        }
        match (&self.official_source, self.notice) {
            (Some(source), Some(_)) => {
                doc.heading(2, "Employment (BLS)");
                let mut table =
                    Table::new(["Occupation", "Employment", "Median pay"]).numbers([1, 2]);
                for h in &self.employment {
                    table.row([
                        Cell::new(occupation(h)),
                        Cell::tone(figure_text(h.employment.as_ref()), Tone::Strong),
                        Cell::new(figure_text(h.median.as_ref())),
                    ]);
                }
                doc.table(table);
                let place = self.employment.first().map_or("", |h| h.area.name.as_str());
                doc.note(format!("Source: {source} · {place}, cross-industry."));
            }
            (Some(source), None) => {
                let why = self
                    .no_estimates
                    .as_ref()
                    .map_or_else(String::new, |r| format!(": {r}"));
                doc.note(format!("No {source} estimates for {}{why}.", self.id));
            }
            (None, _) => {
                doc.note("No BLS OEWS release is in use: `careers import oews DIR` adds one.");
            }
        }
        doc
    }

    /// One record per growth figure, outlook statement and BLS figure: numbers plain, with
    /// their unit, and the text as the tables show it.
    fn records(&self) -> Records {
        let mut records = Records::new([
            "role", "part", "what", "status", "value", "unit", "text", "period", "source",
        ])
        .marking_official();
        for f in &self.growth {
            let (value, unit) = match f.value {
                Quantity::Percent { value } => (value, "percent"),
                Quantity::UsdBillions { value } => (value, "usd-billions"),
            };
            records.push([
                self.id.clone(),
                "growth".to_owned(),
                f.metric.clone(),
                "reported".to_owned(),
                value.to_string(),
                unit.to_owned(),
                f.value.to_string(),
                f.period.clone().unwrap_or_default(),
                f.source.as_ref().map(describe_source).unwrap_or_default(),
            ]);
        }
        for text in &self.outlook {
            records.push([&self.id, "outlook", "", "", "", "", text, "", ""]);
        }
        let source = self.official_source.clone().unwrap_or_default();
        for h in &self.employment {
            for figure in [&h.employment, &h.median].into_iter().flatten() {
                let (status, value, _) = csv_value(figure);
                let unit = match figure.measure.unit() {
                    Unit::AnnualDollars => "usd-per-year",
                    _ => "people",
                };
                records.push_official([
                    self.id.clone(),
                    figure.name.to_owned(),
                    occupation(h),
                    status.to_owned(),
                    value,
                    unit.to_owned(),
                    value_text(figure),
                    String::new(),
                    format!("{source} · {}", h.area.name),
                ]);
            }
        }
        records
    }
}
