//! How `careers where` reads: per occupation, a table of the ranked areas with the figure ranked
//! by in bold, then what was left out and BLS's notice; in CSV one row per area.

use crate::cli::WhereBy;
use crate::commands::r#where::WhereReport;
use crate::model::wages::{AreaKind, Measure};
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::views::wages::{measure_text, occupation_name};

const COLUMNS: [(Measure, &str); 5] = [
    (Measure::AnnualMedian, "Median"),
    (Measure::AnnualMean, "Mean"),
    (Measure::Employment, "Employment"),
    (Measure::JobsPer1000, "Per 1,000 jobs"),
    (Measure::LocationQuotient, "LQ"),
];

fn by_words(by: WhereBy) -> &'static str {
    match by {
        WhereBy::Median => "median annual wage",
        WhereBy::Mean => "mean annual wage",
        WhereBy::Employment => "employment",
        WhereBy::JobsPer1000 => "jobs per 1,000 jobs",
        WhereBy::LocationQuotient => "location quotient",
    }
}

impl Report for WhereReport {
    fn attribution(&self) -> Option<&str> {
        self.attribution.as_deref()
    }

    fn official_notice(&self) -> Option<&str> {
        Some(self.notice)
    }

    fn document(&self) -> Document {
        let mut doc = Document::default();
        let areas = match self.areas {
            AreaKind::State => "states",
            _ => "metro areas",
        };
        doc.heading(
            1,
            format!(
                "Where: {} ({}), {areas} by {}",
                self.title,
                self.role,
                by_words(self.by)
            ),
        );
        let ranked = self.by.measure();
        for o in &self.occupations {
            doc.heading(2, occupation_name(&o.occupation));
            let mut headers = vec!["#".to_owned(), "Area".to_owned()];
            headers.extend(COLUMNS.iter().map(|(_, h)| (*h).to_owned()));
            let mut table = Table::new(headers).wide(1).numbers([0, 2, 3, 4, 5, 6]);
            for r in &o.ranked {
                let mut row = vec![
                    Cell::new(r.rank.to_string()),
                    Cell::tone(r.estimate.area.name.clone(), Tone::Strong),
                ];
                row.extend(COLUMNS.iter().map(|&(m, _)| {
                    let text = measure_text(&r.estimate, m);
                    if m == ranked {
                        Cell::tone(text, Tone::Strong)
                    } else {
                        Cell::new(text)
                    }
                }));
                table.row(row);
            }
            doc.table(table);
            let mut note = format!(
                "{} of {} {areas} with an estimate.",
                o.ranked.len(),
                o.estimated
            );
            if o.not_published > 0 {
                note.push_str(&format!(
                    " {} publish no {} and are not ranked.",
                    o.not_published,
                    by_words(self.by)
                ));
            }
            doc.note(format!("{note} Source: {}, cross-industry.", self.source));
        }
        doc
    }

    fn records(&self) -> Records {
        let mut records = Records::new([
            "role",
            "soc",
            "occupation",
            "rank",
            "area_code",
            "area",
            "median",
            "mean",
            "employment",
            "jobs_per_1000",
            "location_quotient",
            "source",
        ]);
        for o in &self.occupations {
            for r in &o.ranked {
                let value = |m: Measure| match r.estimate.figure(m) {
                    Some(f) => match &f.value {
                        crate::store::wages::FigureValue::Published { value } => value.to_string(),
                        _ => crate::views::wages::value_text(f),
                    },
                    None => String::new(),
                };
                records.push([
                    self.role.clone(),
                    o.occupation.soc.clone(),
                    o.occupation.title.clone(),
                    r.rank.to_string(),
                    r.estimate.area.code.clone(),
                    r.estimate.area.name.clone(),
                    value(Measure::AnnualMedian),
                    value(Measure::AnnualMean),
                    value(Measure::Employment),
                    value(Measure::JobsPer1000),
                    value(Measure::LocationQuotient),
                    self.source.clone(),
                ]);
            }
        }
        records
    }
}
