//! How `careers places` reads: a table of the places with their code, kind, state and price
//! levels, then how the query was read and where the figures come from; in CSV one row a place.

use crate::commands::places::PlacesReport;
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::store::prices::PriceFacts;
use crate::store::wages::{PlaceKind, PlacesFound};
use crate::views::wages::parity_text;

fn kind_text(kind: PlaceKind) -> &'static str {
    match kind {
        PlaceKind::Nation => "nation",
        PlaceKind::State => "state",
        PlaceKind::Metropolitan => "metropolitan",
        PlaceKind::Nonmetropolitan => "nonmetropolitan",
    }
}

impl Report for PlacesReport {
    fn document(&self) -> Document {
        let mut doc = Document::default();
        let heading = match (&self.query, self.found) {
            (None, _) => "Places".to_owned(),
            (Some(q), PlacesFound::NameHolds) => format!("Places whose names hold \"{q}\""),
            (Some(q), PlacesFound::Readings) => format!("Places \"{q}\" can mean"),
            (Some(q), _) => format!("Places: {q}"),
        };
        doc.heading(1, heading);
        let year = self.prices_source.as_ref().map(|p| p.year);
        let mut table = Table::new([
            "Code".to_owned(),
            "Area".to_owned(),
            "Kind".to_owned(),
            "State".to_owned(),
            year.map_or_else(|| "RPP".to_owned(), |y| format!("RPP {y}")),
            "Housing RPP".to_owned(),
        ])
        .wide(1)
        .ids(0)
        .numbers([4, 5]);
        for p in &self.places {
            let (all_items, housing) = match &p.prices {
                Some(PriceFacts::Priced {
                    all_items, housing, ..
                }) => (
                    parity_text(*all_items),
                    housing.map_or_else(|| "-".to_owned(), parity_text),
                ),
                Some(PriceFacts::NotPriced { .. }) => ("none".to_owned(), "none".to_owned()),
                None => ("-".to_owned(), "-".to_owned()),
            };
            table.row([
                Cell::new(p.code.clone()),
                Cell::tone(p.name.clone(), Tone::Strong),
                Cell::new(kind_text(p.kind)),
                Cell::new(p.state.unwrap_or("")),
                Cell::new(all_items),
                Cell::new(housing),
            ]);
        }
        doc.table(table);
        if let (Some(q), Some(what)) = (&self.query, &self.common_name) {
            doc.note(format!("{q}: {what}."));
        }
        let count = match self.places.len() {
            1 => "1 place".to_owned(),
            n => format!("{n} places"),
        };
        let mut note = format!("{count} of {}.", self.source);
        if let Some(p) = &self.prices_source {
            note.push_str(&format!(
                " RPP: BEA's price level of all items and of housing, U.S. = 100 ({}); \"none\" where BEA publishes none.",
                p.name
            ));
        }
        doc.note(note);
        if matches!(self.found, PlacesFound::Readings) {
            doc.note(
                "A name with several readings: give a city with its state (\"Portland, OR\") or the area code.",
            );
        }
        doc
    }

    fn records(&self) -> Records {
        let mut records = Records::new([
            "code",
            "area",
            "kind",
            "state",
            "price_year",
            "price_level",
            "housing_price_level",
        ]);
        for p in &self.places {
            let (year, level, housing) = match &p.prices {
                Some(PriceFacts::Priced {
                    year,
                    all_items,
                    housing,
                    ..
                }) => (
                    year.to_string(),
                    all_items.to_string(),
                    housing.map(|h| h.to_string()).unwrap_or_default(),
                ),
                _ => Default::default(),
            };
            records.push([
                p.code.clone(),
                p.name.clone(),
                kind_text(p.kind).to_owned(),
                p.state.unwrap_or("").to_owned(),
                year,
                level,
                housing,
            ]);
        }
        records
    }
}
