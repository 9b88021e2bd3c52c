//! How official wage estimates (BLS OEWS) read for people: values with BLS's special values in
//! words, the table of an occupation's estimates at several places, the percentile bands as
//! chart bars, and the CSV rows. Shared by `salary`, `where`, `compare` and `gap`.

use crate::model::salary::{dollars, thousands};
use crate::model::wages::{Measure, PercentilePlacement, Unit};
use crate::render::{Bar, Cell, ColumnKind, Table, Tone};
use crate::store::prices::PriceFacts;
use crate::store::wages::{
    FigureValue, NoEstimate, OccupationWages, PlaceEstimate, WageBasis, WageFigure, WageLink,
};

impl std::fmt::Display for NoEstimate {
    /// Why there are no estimates, as a clause: "its profile links no O*NET-SOC occupation,
    /// which BLS OEWS estimates are published by".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NoEstimate::NoLinkedOccupation => f.write_str(
                "its profile links no O*NET-SOC occupation, which BLS OEWS estimates are published by",
            ),
            NoEstimate::NotACode { code } => write!(f, "{code} is not an O*NET-SOC code"),
            NoEstimate::NotPublished {
                release,
                soc,
                group,
            } => write!(
                f,
                "{release} publishes no estimate for SOC {soc} or its group {group}"
            ),
        }
    }
}

/// A published number as BLS would print it: `$164,740`, `$79.20`, `56,560`, `0.862`, `1.2%`.
pub fn number(measure: Measure, value: f64) -> String {
    match measure.unit() {
        Unit::AnnualDollars => dollars(value.round() as u64),
        Unit::HourlyDollars => {
            let cents = (value * 100.0).round() as u64;
            format!("${}.{:02}", thousands(cents / 100), cents % 100)
        }
        Unit::Count => thousands(value.round() as u64),
        Unit::Percent => format!("{value:.1}%"),
        Unit::Ratio => format!("{value:.*}", measure.decimals() as usize),
    }
}

/// A figure for a CSV cell: its status (`published`, `at-least`, `not-published`), its plain
/// number (empty when BLS publishes none) and BLS's footnote.
pub fn csv_value(f: &WageFigure) -> (&'static str, String, String) {
    match &f.value {
        FigureValue::Published { value } => ("published", value.to_string(), String::new()),
        FigureValue::AtLeast { at_least, footnote } => (
            "at-least",
            at_least.map(|v| v.to_string()).unwrap_or_default(),
            footnote.text.clone().unwrap_or_default(),
        ),
        FigureValue::NotPublished { footnote } => (
            "not-published",
            String::new(),
            footnote
                .as_ref()
                .and_then(|f| f.text.clone())
                .unwrap_or_default(),
        ),
    }
}

/// A figure in words: its number, "≥ $239,200", "$115.00+/hour", "not released", ...
pub fn value_text(figure: &WageFigure) -> String {
    match &figure.value {
        FigureValue::Published { value } => number(figure.measure, *value),
        FigureValue::AtLeast { at_least, .. } => match (figure.measure.unit(), at_least) {
            (Unit::HourlyDollars, Some(v)) => format!("{}+/hour", number(figure.measure, *v)),
            (_, Some(v)) => format!("≥ {}", number(figure.measure, *v)),
            (_, None) => "at or above BLS's top wage (not published)".to_owned(),
        },
        FigureValue::NotPublished { footnote } => match footnote.as_ref().map(|f| f.code) {
            Some("8") => "not released".to_owned(),
            Some("4") if figure.measure.unit() == Unit::HourlyDollars => {
                "no hourly wage published".to_owned()
            }
            Some("4") => "no annual wage published".to_owned(),
            _ => "not published".to_owned(),
        },
    }
}

/// The value of a measure in an estimate, in words; "-" where the release has no series.
pub fn measure_text(estimate: &PlaceEstimate, measure: Measure) -> String {
    figure_text(estimate.figure(measure))
}

/// A figure in words, "-" where there is none.
pub fn figure_text(figure: Option<&WageFigure>) -> String {
    figure.map_or_else(|| "-".to_owned(), value_text)
}

/// Row labels of the estimates table, in [`crate::store::wages::SHOWN`] order.
fn label(measure: Measure) -> &'static str {
    use Measure::{
        Annual10, Annual25, Annual75, Annual90, AnnualMean, AnnualMedian, Employment,
        EmploymentRse, Hourly10, Hourly25, Hourly75, Hourly90, HourlyMean, HourlyMedian,
        JobsPer1000, LocationQuotient, WageRse,
    };
    match measure {
        Employment => "Employment",
        JobsPer1000 => "Jobs per 1,000",
        LocationQuotient => "Location quotient",
        Annual10 => "10th percentile",
        Annual25 => "25th percentile",
        AnnualMedian => "Median",
        Annual75 => "75th percentile",
        Annual90 => "90th percentile",
        AnnualMean => "Mean",
        Hourly10 => "Hourly 10th percentile",
        Hourly25 => "Hourly 25th percentile",
        HourlyMedian => "Hourly median",
        Hourly75 => "Hourly 75th percentile",
        Hourly90 => "Hourly 90th percentile",
        HourlyMean => "Hourly mean",
        WageRse => "Wage RSE",
        EmploymentRse => "Employment RSE",
    }
}

/// An OEWS occupation as BLS names it, and how it covers the O*NET occupation it stands for:
/// "SOC 15-1299 Computer Occupations, All Other (covers O*NET 15-1299.08 among others)"; with
/// "incomplete: why" when an import left out rows of its estimates.
pub fn occupation_name(o: &WageLink) -> String {
    let name = basis_name(o);
    match &o.incomplete {
        Some(why) => format!("{name} (incomplete: {why})"),
        None => name,
    }
}

fn basis_name(o: &WageLink) -> String {
    match o.basis {
        WageBasis::SameOccupation => format!("SOC {} {}", o.soc, o.title),
        WageBasis::WithinOccupation => format!(
            "SOC {} {} (covers O*NET {} among others)",
            o.soc, o.title, o.onet_code
        ),
        WageBasis::Combined => format!(
            "SOC {} {} (BLS publishes O*NET {} only combined with other occupations, as this one)",
            o.soc, o.title, o.onet_code
        ),
        WageBasis::Aggregate => format!(
            "SOC {} {} (BLS publishes O*NET {} only in this group)",
            o.soc, o.title, o.onet_code
        ),
        WageBasis::BlsGroup => format!("{} {} {}", group_kind(&o.soc), o.soc, o.title),
    }
}

/// What kind of SOC group a group code is, by its zeros: `15-0000` a major group, `15-1200` a
/// minor group, `15-1250` a broad group.
pub fn group_kind(soc: &str) -> &'static str {
    if soc.ends_with("0000") {
        "SOC major group"
    } else if soc.ends_with("00") {
        "SOC minor group"
    } else {
        "SOC broad group"
    }
}

/// The estimates of one occupation: a row per measure, a column per place.
pub fn estimates_table(w: &OccupationWages, my_pay: Option<u64>) -> Table {
    let mut headers = vec!["Figure".to_owned()];
    headers.extend(w.estimates.iter().map(|e| estimate_name(&w.estimates, e)));
    let places = w.estimates.len();
    let mut table = Table::new(headers).numbers(1..=places);
    for &m in &crate::store::wages::SHOWN {
        if !w.estimates.iter().any(|e| e.figure(m).is_some()) {
            continue;
        }
        let strong = m == Measure::AnnualMedian;
        let mut row = vec![Cell::tone(
            label(m),
            if strong { Tone::Strong } else { Tone::Plain },
        )];
        row.extend(w.estimates.iter().map(|e| {
            let text = measure_text(e, m);
            if strong {
                Cell::tone(text, Tone::Strong)
            } else {
                Cell::new(text)
            }
        }));
        table.row(row);
    }
    if let Some(pay) = my_pay {
        let mut row = vec![Cell::tone(format!("Your {}", dollars(pay)), Tone::Strong)];
        // Sentences, read from the left in a row of figures.
        row.extend(w.estimates.iter().map(|e| {
            match &e.my_pay {
                Some(p) => Cell::tone(placement_text(p), Tone::Good),
                None => Cell::tone("no percentiles published", Tone::Muted),
            }
            .holding(ColumnKind::Text)
        }));
        table.row(row);
    }
    table
}

/// What sets an estimate apart from the others shown with it: its area, or with estimates of
/// several industries its industry ("All industries", "Finance and Insurance"), or both.
pub fn estimate_name(all: &[PlaceEstimate], e: &PlaceEstimate) -> String {
    let industries = all.iter().any(|o| o.industry.code != e.industry.code);
    let areas = all.iter().any(|o| o.area.code != e.area.code);
    match (industries, areas) {
        (false, _) => e.area.name.clone(),
        (true, false) => industry_name(&e.industry),
        (true, true) => format!("{} · {}", e.area.name, industry_name(&e.industry)),
    }
}

/// An industry as a reader names it: "All industries" for BLS's cross-industry estimates,
/// a sector without its "Sector 52 - " prefix.
pub fn industry_name(i: &crate::store::wages::IndustryRef) -> String {
    if i.code == crate::model::wages::Industry::CROSS_INDUSTRY {
        return "All industries".to_owned();
    }
    match i.name.split_once(" - ") {
        Some((prefix, rest)) if prefix.starts_with("Sector") => rest.to_owned(),
        _ => i.name.clone(),
    }
}

/// A price level as BEA prints it: `98.066`.
pub fn parity_text(value: f64) -> String {
    format!("{value:.3}")
}

/// Why an area has no price level, in words.
pub fn no_price_text(prices: &PriceFacts) -> String {
    match prices {
        PriceFacts::NotPriced {
            reason: "incomplete",
            incomplete: Some(why),
            ..
        } => format!("incomplete: {why}"),
        PriceFacts::NotPriced {
            year: Some(year), ..
        } => format!("BEA publishes no {year} price level here"),
        _ => "BEA publishes no price level here".to_owned(),
    }
}

/// A wage in U.S.-average prices, in words, as its figure's status says: "$137,000",
/// "≥ $200,000", "$60.00+/hour"; "-" without one.
pub fn us_prices_text(figure: &WageFigure) -> String {
    match (figure.in_us_prices, &figure.value) {
        (Some(v), FigureValue::AtLeast { .. }) if figure.measure.unit() == Unit::HourlyDollars => {
            format!("{}+/hour", number(figure.measure, v))
        }
        (Some(v), FigureValue::AtLeast { .. }) => format!("≥ {}", number(figure.measure, v)),
        (Some(v), _) => number(figure.measure, v),
        (None, _) => "-".to_owned(),
    }
}

/// The year of the price levels of a set of estimates, when any is priced.
pub fn prices_year<'a>(estimates: impl IntoIterator<Item = &'a PlaceEstimate>) -> Option<u16> {
    estimates.into_iter().find_map(|e| match e.prices {
        Some(PriceFacts::Priced { year, .. }) => Some(year),
        _ => None,
    })
}

/// "Price level of Seattle-Tacoma-Bellevue, WA: incomplete: why.", for the areas of `w` whose
/// price levels an import under `--force` left rows of out, those with one reason together.
pub fn prices_incomplete_notes(w: &OccupationWages) -> Vec<String> {
    let mut by_reason: Vec<(&str, Vec<&str>)> = Vec::new();
    for e in &w.estimates {
        let Some(why) = e.prices.as_ref().and_then(PriceFacts::incomplete) else {
            continue;
        };
        match by_reason.iter_mut().find(|(w, _)| *w == why) {
            Some((_, names)) => names.push(&e.area.name),
            None => by_reason.push((why, vec![&e.area.name])),
        }
    }
    by_reason
        .into_iter()
        .map(|(why, names)| match names.as_slice() {
            [one] => format!("Price level of {one}: incomplete: {why}."),
            many => format!("Price levels of {}: incomplete: {why}.", many.join(", ")),
        })
        .collect()
}

/// The estimates of one occupation in U.S.-average prices: the areas' price levels (all items
/// and housing), then each wage divided by RPP/100; `None` when no area shown has prices.
pub fn us_prices_table(w: &OccupationWages) -> Option<Table> {
    let year = prices_year(&w.estimates)?;
    let mut headers = vec![format!("In U.S.-average prices (BEA RPP {year})")];
    headers.extend(w.estimates.iter().map(|e| e.area.name.clone()));
    let places = w.estimates.len();
    let mut table = Table::new(headers).numbers(1..=places);
    let parity_row = |label: &str, pick: fn(&PriceFacts) -> Option<f64>| {
        let mut row = vec![Cell::tone(label.to_owned(), Tone::Strong)];
        row.extend(w.estimates.iter().map(|e| match &e.prices {
            Some(p @ PriceFacts::Priced { .. }) => {
                Cell::new(pick(p).map_or_else(|| "-".to_owned(), parity_text))
            }
            // Why, in a note below the table ([`prices_incomplete_notes`]).
            Some(p) if p.incomplete().is_some() => {
                Cell::tone("incomplete", Tone::Muted).holding(ColumnKind::Text)
            }
            Some(p) => Cell::tone(no_price_text(p), Tone::Muted).holding(ColumnKind::Text),
            None => Cell::new("-"),
        }));
        row
    };
    table.row(parity_row(
        "Price level, all items (U.S. = 100)",
        |p| match p {
            PriceFacts::Priced { all_items, .. } => Some(*all_items),
            PriceFacts::NotPriced { .. } => None,
        },
    ));
    table.row(parity_row("Price level, housing", |p| match p {
        PriceFacts::Priced { housing, .. } => *housing,
        PriceFacts::NotPriced { .. } => None,
    }));
    for &m in &crate::store::wages::SHOWN {
        if !matches!(m.unit(), Unit::AnnualDollars | Unit::HourlyDollars)
            || !w.estimates.iter().any(|e| e.figure(m).is_some())
        {
            continue;
        }
        let strong = m == Measure::AnnualMedian;
        let mut row = vec![Cell::tone(
            label(m),
            if strong { Tone::Strong } else { Tone::Plain },
        )];
        row.extend(w.estimates.iter().map(|e| {
            let text = e.figure(m).map_or_else(|| "-".to_owned(), us_prices_text);
            if strong {
                Cell::tone(text, Tone::Strong)
            } else {
                Cell::new(text)
            }
        }));
        table.row(row);
    }
    Some(table)
}

/// How wages in U.S.-average prices are made, said once under the tables that show them.
pub const US_PRICES_NOTE: &str = "In U.S.-average prices: each wage divided by its area's Regional Price Parity (all items) over 100, BEA's own reading, so wages of two areas compare by what they buy. A price level is of one year, not an inflation rate; the nation's is 100.";

fn ordinal(p: u8) -> String {
    match p {
        50 => "median".to_owned(),
        p => format!("{p}th percentile"),
    }
}

/// "between the 25th percentile ($120,000) and the median ($150,000): about the 37.5th
/// percentile (estimate)".
pub fn placement_text(p: &PercentilePlacement) -> String {
    match *p {
        PercentilePlacement::BelowLowest { percentile, wage } => {
            format!("below the {} ({})", ordinal(percentile), dollars(wage))
        }
        PercentilePlacement::AboveHighest { percentile, wage } => {
            format!(
                "at or above the {} ({})",
                ordinal(percentile),
                dollars(wage)
            )
        }
        PercentilePlacement::Between {
            low_percentile,
            low_wage,
            high_percentile,
            high_wage,
            estimated_percentile,
        } => format!(
            "between the {} ({}) and the {} ({}): about the {} percentile (estimate)",
            ordinal(low_percentile),
            dollars(low_wage),
            ordinal(high_percentile),
            dollars(high_wage),
            percentile_word(estimated_percentile)
        ),
    }
}

fn percentile_word(p: f64) -> String {
    let whole = p.round() as u64;
    let suffix = match (whole % 10, whole % 100) {
        (1, n) if n != 11 => "st",
        (2, n) if n != 12 => "nd",
        (3, n) if n != 13 => "rd",
        _ => "th",
    };
    format!("{whole}{suffix}")
}

/// How `--my-pay` is placed, said once under the tables that place it.
/// How an hourly rate given as pay became a year's pay.
pub const HOURLY_NOTE: &str = "An hourly rate counts 2,080 hours a year (52 weeks of 40 hours), as BLS turns hourly wages into annual ones.";

pub const PLACEMENT_NOTE: &str = "Your pay is placed among BLS's published annual percentiles; the percentile between two of them is an estimate, drawn on a straight line between their wages.";

/// The 10th-to-90th percentile band of an estimate, with its median, as a chart bar on the same
/// scale as the curated bands; `None` without published percentiles.
pub fn band(label: String, e: &PlaceEstimate, marker: Option<u64>) -> Option<Bar> {
    let annual = |m: Measure| match e.figure(m).map(|f| &f.value) {
        Some(FigureValue::Published { value }) => Some((value.round() as u64, false)),
        Some(FigureValue::AtLeast {
            at_least: Some(v), ..
        }) => Some((v.round() as u64, true)),
        _ => None,
    };
    let (low, _) = annual(Measure::Annual10).or_else(|| annual(Measure::Annual25))?;
    let (high, open_high) = annual(Measure::Annual90)
        .or_else(|| annual(Measure::Annual75))
        .unwrap_or((low, false));
    Some(Bar {
        label,
        low,
        high,
        open_high,
        open_low: false,
        value: format!("median {}", measure_text(e, Measure::AnnualMedian)),
        marker,
    })
}
