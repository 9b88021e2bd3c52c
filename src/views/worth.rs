//! How `careers worth` reads: a table of the amounts, their places' price levels and what each
//! buys at U.S.-average prices; a sentence per comparison; with a role, where each amount falls
//! among its wages there. In CSV, one row per place.

use crate::commands::worth::{Comparison, PlacedAmount, WorthReport};
use crate::model::salary::dollars;
use crate::render::{Cell, ColumnKind, Document, Records, Report, Table, Tone};
use crate::store::prices::PriceFacts;
use crate::views::wages::{
    figure_text, no_price_text, occupation_name, parity_text, placement_text,
};

impl Report for WorthReport {
    /// With `--role` the records show BLS's wages: the header is the same without.
    fn attribution_column(&self) -> Option<bool> {
        Some(true)
    }

    fn document(&self) -> Document {
        let mut doc = Document::default();
        let names: Vec<&str> = self.places.iter().map(|p| p.area.name.as_str()).collect();
        doc.heading(1, format!("What pay buys: {}", names.join(" · ")));
        let year = self.places.iter().find_map(|p| match p.prices {
            PriceFacts::Priced { year, .. } => Some(year),
            PriceFacts::NotPriced { .. } => None,
        });
        let level = year.map_or_else(|| "RPP".to_owned(), |y| format!("RPP {y}"));
        let mut table = Table::new([
            "Place".to_owned(),
            "Pay".to_owned(),
            level,
            "Housing RPP".to_owned(),
            "In U.S. prices".to_owned(),
        ])
        .wide(0)
        .numbers([1, 2, 3, 4]);
        for p in &self.places {
            let (all_items, housing) = match &p.prices {
                PriceFacts::Priced {
                    all_items, housing, ..
                } => (
                    Cell::new(parity_text(*all_items)),
                    Cell::new(housing.map_or_else(|| "-".to_owned(), parity_text)),
                ),
                // Why, in a note below the table.
                other @ PriceFacts::NotPriced { .. } if other.incomplete().is_some() => (
                    Cell::tone("incomplete", Tone::Muted).holding(ColumnKind::Text),
                    Cell::new("-"),
                ),
                other @ PriceFacts::NotPriced { .. } => (
                    Cell::tone(no_price_text(other), Tone::Muted).holding(ColumnKind::Text),
                    Cell::new("-"),
                ),
            };
            table.row([
                Cell::tone(p.area.name.clone(), Tone::Strong),
                Cell::new(pay_text(p)),
                all_items,
                housing,
                Cell::tone(
                    p.in_us_prices.map_or_else(|| "-".to_owned(), dollars),
                    Tone::Strong,
                ),
            ]);
        }
        doc.table(table);
        for c in &self.comparisons {
            doc.paragraph(comparison_text(&self.places, c));
        }
        let unpriced: Vec<&str> = self
            .places
            .iter()
            .filter(|p| p.in_us_prices.is_none() && p.prices.incomplete().is_none())
            .map(|p| p.area.name.as_str())
            .collect();
        let mut incomplete: Vec<(&str, Vec<&str>)> = Vec::new();
        for p in &self.places {
            if let Some(why) = p.prices.incomplete() {
                let name = p.area.name.as_str();
                match incomplete.iter_mut().find(|(w, _)| *w == why) {
                    Some((_, names)) if names.contains(&name) => {}
                    Some((_, names)) => names.push(name),
                    None => incomplete.push((why, vec![name])),
                }
            }
        }
        for (why, names) in incomplete {
            doc.note(match names.as_slice() {
                [one] => format!("{one}'s price level is incomplete: {why}."),
                many => format!(
                    "The price levels of {} are incomplete: {why}.",
                    many.join(", ")
                ),
            });
        }
        if !unpriced.is_empty() {
            doc.note(format!(
                "BEA publishes no price level for {}: what pay buys there cannot be set against the others.",
                unpriced.join(", ")
            ));
        }
        if let Some(role) = &self.role {
            doc.heading(
                2,
                format!("Among the wages of {} ({})", role.title, role.id),
            );
            match &role.no_estimates {
                Some(why) => {
                    doc.note(format!("No BLS OEWS wages for {}: {why}.", role.id));
                }
                None => self.role_tables(&mut doc),
            }
        }
        if self.places.iter().any(|p| p.hourly.is_some()) {
            doc.note(crate::views::wages::HOURLY_NOTE);
        }
        doc.note(format!(
            "RPP: the place's price level, U.S. = 100, of all items and of housing. {}",
            crate::views::wages::US_PRICES_NOTE
        ));
        doc.note(format!(
            "Price levels: {} (RPP {}), {}.",
            self.prices_source.name, self.prices_source.year, self.prices_source.citation
        ));
        doc
    }

    fn records(&self) -> Records {
        let mut records = Records::new([
            "place",
            "area_code",
            "area",
            "amount",
            "hourly",
            "price_year",
            "price_level",
            "housing_price_level",
            "in_us_prices",
            "difference_from_first",
            "percent_from_first",
            "price_incomplete",
            "soc",
            "median",
            "median_status",
            "my_pay_position",
            "my_pay_percent",
        ]);
        for (i, p) in self.places.iter().enumerate() {
            let (year, level, housing) = match &p.prices {
                PriceFacts::Priced {
                    year,
                    all_items,
                    housing,
                    ..
                } => (
                    year.to_string(),
                    all_items.to_string(),
                    housing.map(|h| h.to_string()).unwrap_or_default(),
                ),
                PriceFacts::NotPriced { .. } => Default::default(),
            };
            // Each later place's comparison is of the first against it: seen from this place,
            // its sign turns.
            let against = self.comparisons.iter().find(|c| c.other == i);
            let place = [
                p.query.clone(),
                p.area.code.clone(),
                p.area.name.clone(),
                p.amount.to_string(),
                p.hourly.map(|h| h.to_string()).unwrap_or_default(),
                year,
                level,
                housing,
                p.in_us_prices.map(|v| v.to_string()).unwrap_or_default(),
                against
                    .map(|c| (-c.difference).to_string())
                    .unwrap_or_default(),
                against
                    .map(|c| format!("{}", -c.percent))
                    .unwrap_or_default(),
                p.prices.incomplete().unwrap_or_default().to_owned(),
            ];
            // With `--role`, a record per occupation of the role: its median there and where
            // the amount falls among its wages.
            if p.role_wages.is_empty() {
                let mut row = place.to_vec();
                row.extend(std::iter::repeat_n(String::new(), 5));
                records.push(row);
            }
            for w in &p.role_wages {
                let (status, median, _) = w.median.as_ref().map_or(
                    ("not-published", String::new(), String::new()),
                    crate::views::wages::csv_value,
                );
                let (position, percent) = w
                    .placement
                    .as_ref()
                    .map(crate::views::salary::percentile_columns)
                    .unwrap_or_default();
                let mut row = place.to_vec();
                row.extend([
                    w.occupation.soc.clone(),
                    median,
                    status.to_owned(),
                    position,
                    percent,
                ]);
                records.push(row);
            }
        }
        records
    }
}

impl WorthReport {
    /// Per occupation of the role: each place's pay, the median there and where the pay falls.
    fn role_tables(&self, doc: &mut Document) {
        let Some(first) = self.places.first() else {
            return;
        };
        for (o, link) in first.role_wages.iter().enumerate() {
            doc.heading(3, occupation_name(&link.occupation));
            let mut table = Table::new(["Place", "Pay", "Median there", "Where the pay falls"])
                .wide(3)
                .numbers([1, 2]);
            for p in &self.places {
                let Some(w) = p.role_wages.get(o) else {
                    continue;
                };
                let (median, falls) = if w.estimated {
                    (
                        figure_text(w.median.as_ref()),
                        w.placement
                            .as_ref()
                            .map_or_else(|| "no percentiles published".to_owned(), placement_text),
                    )
                } else {
                    ("-".to_owned(), "BLS publishes no estimate here".to_owned())
                };
                table.row([
                    Cell::tone(p.area.name.clone(), Tone::Strong),
                    Cell::new(dollars(p.amount)),
                    Cell::new(median),
                    Cell::new(falls).holding(ColumnKind::Text),
                ]);
            }
            doc.table(table);
        }
        if let Some(source) = &self.official_source {
            doc.note(format!(
                "Wages: {source}, cross-industry, at each place; pay is placed among them as paid there, before prices. {}",
                crate::views::wages::PLACEMENT_NOTE
            ));
        }
    }
}

/// "$120,000 in Austin-Round Rock-San Marcos, TX is worth $7,375 (5.7%) less than $150,000 in
/// San Francisco-Oakland-Fremont, CA: $122,367 against $129,742 at U.S.-average prices."
fn comparison_text(places: &[PlacedAmount], c: &Comparison) -> String {
    let (a, b) = (&places[c.first], &places[c.other]);
    let (wa, wb) = (
        a.in_us_prices.unwrap_or_default(),
        b.in_us_prices.unwrap_or_default(),
    );
    let how = match c.difference {
        0 => "the same as".to_owned(),
        d if d > 0 => format!(
            "{} ({:.1}%) more than",
            dollars(d.unsigned_abs()),
            c.percent.abs()
        ),
        d => format!(
            "{} ({:.1}%) less than",
            dollars(d.unsigned_abs()),
            c.percent.abs()
        ),
    };
    format!(
        "{} in {} is worth {how} {} in {}: {} against {} at U.S.-average prices.",
        dollars(a.amount),
        a.area.name,
        dollars(b.amount),
        b.area.name,
        dollars(wa),
        dollars(wb)
    )
}

/// "$120,000", or for an hourly rate "$93,600 ($45 an hour)".
fn pay_text(p: &crate::commands::worth::PlacedAmount) -> String {
    match p.given.hourly_cents {
        Some(cents) => format!(
            "{} ({} an hour)",
            dollars(p.amount),
            crate::model::pay::hourly_text(cents)
        ),
        None => dollars(p.amount),
    }
}
