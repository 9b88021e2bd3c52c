//! How `careers where` reads: per occupation, a table of the ranked areas with the figure ranked
//! by in bold, then what was left out and BLS's notice; in CSV one row per area.

use crate::cli::WhereBy;
use crate::commands::r#where::OccupationRanking;
use crate::commands::r#where::WhereReport;
use crate::model::wages::{AreaKind, Measure};
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::store::prices::PriceFacts;
use crate::views::wages::{measure_text, occupation_name, parity_text, us_prices_text};

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
        WhereBy::RealMedian => "median annual wage in U.S.-average prices",
        WhereBy::Mean => "mean annual wage",
        WhereBy::Employment => "employment",
        WhereBy::JobsPer1000 => "jobs per 1,000 jobs",
        WhereBy::LocationQuotient => "location quotient",
    }
}

impl Report for WhereReport {
    fn document(&self) -> Document {
        let mut doc = Document::default();
        let areas = match (&self.within, self.areas) {
            (Some(state), _) => format!("metro and nonmetro areas of {}", state.name),
            (None, AreaKind::State) => "states".to_owned(),
            (None, _) => "metro areas".to_owned(),
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
        let real = self.by == WhereBy::RealMedian;
        for o in &self.occupations {
            doc.heading(2, occupation_name(&o.occupation));
            let table = if real {
                real_table(o)
            } else {
                let mut headers = vec!["#".to_owned(), "Area".to_owned()];
                headers.extend(COLUMNS.iter().map(|(_, h)| (*h).to_owned()));
                let mut table = Table::new(headers).wide(1).numbers([0, 2, 3, 4, 5, 6]);
                for r in &o.ranked {
                    let mut row = vec![
                        Cell::new(r.rank.to_string()),
                        Cell::tone(area_text(r), Tone::Strong),
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
                table
            };
            doc.table(table);
            let mut note = format!(
                "{} of {} {areas} with an estimate.",
                o.ranked.len(),
                o.estimated
            );
            if o.not_published > 0 {
                let figure = if real { WhereBy::Median } else { self.by };
                note.push_str(&format!(
                    " {} publish no {} and are not ranked.",
                    o.not_published,
                    by_words(figure)
                ));
            }
            if let Some(n) = o.not_priced.filter(|n| *n > 0) {
                let why = match self.prices_incomplete {
                    Some(_) => "BEA does not price them, or the import left out their rows",
                    None => "BEA does not price them",
                };
                note.push_str(&format!(
                    " {n} have no price level ({why}) and are not ranked."
                ));
            }
            if !o.prices_incomplete.is_empty() {
                let each: Vec<String> = o
                    .prices_incomplete
                    .iter()
                    .map(|i| format!("{}: incomplete: {}", i.area.name, i.incomplete))
                    .collect();
                note.push_str(&format!(
                    " {} {} no price level because the import of BEA's price parities left out rows, and {} not ranked ({}).",
                    o.prices_incomplete.len(),
                    if o.prices_incomplete.len() == 1 { "has" } else { "have" },
                    if o.prices_incomplete.len() == 1 { "is" } else { "are" },
                    each.join("; ")
                ));
            }
            if let Some(n) = o.top_coded.filter(|n| *n > 0) {
                note.push_str(&format!(
                    " {n} have a median at or above BLS's top wage, whose worth in U.S.-average prices is not known, and are not ranked."
                ));
            }
            if let Some(n) = o.omitted_unreliable.filter(|n| *n > 0) {
                note.push_str(&format!(
                    " {n} with an employment or wage RSE above {} {} left out as unreliable.",
                    percent(self.max_rse),
                    if n == 1 { "is" } else { "are" }
                ));
            }
            doc.note(format!("{note} Source: {}, cross-industry.", self.source));
            if o.flagged_unreliable > 0 {
                doc.note(format!(
                    "* Unreliable: BLS's relative standard error (RSE) of the employment or wage there is above {}; --omit-unreliable leaves such areas out, --max-rse PCT moves the line.",
                    percent(self.max_rse)
                ));
            }
        }
        if let Some(p) = &self.prices_source {
            doc.note(crate::views::wages::US_PRICES_NOTE);
            doc.note(format!(
                "Price levels: {} (RPP {}), {}.",
                p.name, p.year, p.citation
            ));
        }
        // A ranked area some of whose price levels' rows an import under `--force` left out;
        // and the release as a whole, when it left out rows that name no area.
        let whole = self.prices_incomplete.as_deref();
        let mut incomplete: Vec<(&str, Vec<&str>)> = Vec::new();
        for r in self.occupations.iter().flat_map(|o| &o.ranked) {
            let Some(why) = r.estimate.prices.as_ref().and_then(|p| p.incomplete()) else {
                continue;
            };
            if Some(why) == whole {
                continue;
            }
            let name = r.estimate.area.name.as_str();
            match incomplete.iter_mut().find(|(w, _)| *w == why) {
                Some((_, names)) if names.contains(&name) => {}
                Some((_, names)) => names.push(name),
                None => incomplete.push((why, vec![name])),
            }
        }
        for (why, names) in incomplete {
            doc.note(format!(
                "Price levels of {} are incomplete: {why}.",
                names.join(", ")
            ));
        }
        if let Some(why) = whole {
            doc.note(format!("Price levels incomplete: {why}."));
        }
        doc
    }

    fn records(&self) -> Records {
        let mut records = Records::new([
            "id",
            "soc",
            "occupation",
            "rank",
            "area_code",
            "area",
            "median",
            "median_status",
            "mean",
            "employment",
            "jobs_per_1000",
            "location_quotient",
            "annual_10",
            "annual_25",
            "annual_75",
            "annual_90",
            "employment_rse",
            "wage_rse",
            "unreliable",
            "at_least",
            "price_level",
            "median_in_us_prices",
            "source",
        ]);
        for o in &self.occupations {
            for r in &o.ranked {
                // A top-coded wage is its threshold, `median_status` says so; one BLS does not
                // publish is empty.
                let value = |m: Measure| {
                    r.estimate
                        .figure(m)
                        .map(|f| crate::views::wages::csv_value(f).1)
                        .unwrap_or_default()
                };
                let status = r
                    .estimate
                    .figure(Measure::AnnualMedian)
                    .map_or("not-published", |f| crate::views::wages::csv_value(f).0);
                records.push([
                    self.role.clone(),
                    o.occupation.soc.clone(),
                    o.occupation.title.clone(),
                    r.rank.to_string(),
                    r.estimate.area.code.clone(),
                    r.estimate.area.name.clone(),
                    value(Measure::AnnualMedian),
                    status.to_owned(),
                    value(Measure::AnnualMean),
                    value(Measure::Employment),
                    value(Measure::JobsPer1000),
                    value(Measure::LocationQuotient),
                    value(Measure::Annual10),
                    value(Measure::Annual25),
                    value(Measure::Annual75),
                    value(Measure::Annual90),
                    value(Measure::EmploymentRse),
                    value(Measure::WageRse),
                    r.reliability.unreliable.to_string(),
                    top_coded(&r.estimate),
                    match &r.estimate.prices {
                        Some(PriceFacts::Priced { all_items, .. }) => all_items.to_string(),
                        _ => String::new(),
                    },
                    r.estimate
                        .figure(Measure::AnnualMedian)
                        .and_then(|f| f.in_us_prices)
                        .map(|v| v.to_string())
                        .unwrap_or_default(),
                    self.source.name.clone(),
                ]);
            }
        }
        records
    }
}

/// The areas ranked by what the median buys: its median, the price level it is divided by, and
/// the median in U.S.-average prices, in bold.
fn real_table(o: &OccupationRanking) -> Table {
    let mut table = Table::new([
        "#",
        "Area",
        "Median",
        "Price level",
        "Median in U.S. prices",
        "Employment",
    ])
    .wide(1)
    .numbers([0, 2, 3, 4, 5]);
    for r in &o.ranked {
        let e = &r.estimate;
        let level = match &e.prices {
            Some(PriceFacts::Priced { all_items, .. }) => parity_text(*all_items),
            _ => "-".to_owned(),
        };
        let real = e
            .figure(Measure::AnnualMedian)
            .map_or_else(|| "-".to_owned(), us_prices_text);
        table.row([
            Cell::new(r.rank.to_string()),
            Cell::tone(area_text(r), Tone::Strong),
            Cell::new(measure_text(e, Measure::AnnualMedian)),
            Cell::new(level),
            Cell::tone(real, Tone::Strong),
            Cell::new(measure_text(e, Measure::Employment)),
        ]);
    }
    table
}

/// The area's name, marked `*` when its estimate is flagged unreliable.
fn area_text(r: &crate::commands::r#where::RankedArea) -> String {
    if r.reliability.unreliable {
        format!("{} *", r.estimate.area.name)
    } else {
        r.estimate.area.name.clone()
    }
}

/// "30%", "12.5%".
fn percent(value: f64) -> String {
    format!("{value}%")
}

/// The wage columns whose figure is BLS's top-coding threshold rather than the wage itself
/// (`annual-90`), `; `-separated: their number is a lower bound.
fn top_coded(estimate: &crate::store::wages::PlaceEstimate) -> String {
    estimate
        .figures
        .iter()
        .filter(|f| matches!(f.value, crate::store::wages::FigureValue::AtLeast { .. }))
        .filter_map(|f| serde_json::to_value(f.measure).ok())
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect::<Vec<_>>()
        .join("; ")
}
