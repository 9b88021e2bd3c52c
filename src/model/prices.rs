//! BEA's Regional Price Parities (RPP) as types, how an OEWS area finds its own, and what a
//! wage is worth in U.S.-average prices. No I/O here.
//!
//! An RPP is an area's price level in one year against the U.S. average (100): all items and
//! four parts of them. BEA publishes it for metropolitan areas (its table MARPP, by CBSA code),
//! for each state's metropolitan and nonmetropolitan portions (PARPP, `SS998` and `SS999`) and
//! for states (SARPP, `SS000`). An OEWS area takes the one BEA publishes for it:
//!
//! - the nation (`0000000`): the United States (`00000`), 100 by definition;
//! - a state or territory (`SS00000`): SARPP's `SS000`;
//! - a metropolitan area (`00` + CBSA code): MARPP's CBSA code;
//! - a nonmetropolitan area (`SS000NN`): its state's nonmetropolitan portion, PARPP's `SS999`.
//!
//! BEA prices neither Puerto Rico, Guam nor the Virgin Islands, nor the metropolitan areas of
//! Puerto Rico: those areas have no RPP, never an assumed 100. A wage divided by RPP/100 is in
//! U.S.-average prices (BEA's own reading), so wages of two areas compare by what they buy.

use serde::{Deserialize, Serialize};

use super::wages::AreaKind;

/// One of BEA's three RPP tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PriceTable {
    /// MARPP: metropolitan statistical areas, by CBSA code.
    Metro,
    /// PARPP: each state's metropolitan (`SS998`) and nonmetropolitan (`SS999`) portion.
    Portion,
    /// SARPP: the states and the District of Columbia.
    State,
}

impl PriceTable {
    pub const ALL: [PriceTable; 3] = [PriceTable::Metro, PriceTable::Portion, PriceTable::State];

    /// BEA's name of the table, as its files' `TableName` column and names write it.
    pub fn code(self) -> &'static str {
        match self {
            PriceTable::Metro => "MARPP",
            PriceTable::Portion => "PARPP",
            PriceTable::State => "SARPP",
        }
    }

    pub fn from_code(code: &str) -> Option<PriceTable> {
        PriceTable::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// What an RPP measures: BEA's `LineCode` 1 to 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PriceLine {
    AllItems,
    Goods,
    Housing,
    Utilities,
    /// Services other than housing and utilities.
    OtherServices,
}

impl PriceLine {
    pub const ALL: [PriceLine; 5] = [
        PriceLine::AllItems,
        PriceLine::Goods,
        PriceLine::Housing,
        PriceLine::Utilities,
        PriceLine::OtherServices,
    ];

    /// BEA's `LineCode`.
    pub fn code(self) -> u8 {
        self as u8 + 1
    }

    pub fn from_code(code: u8) -> Option<PriceLine> {
        PriceLine::ALL
            .get(usize::from(code).checked_sub(1)?)
            .copied()
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// An RPP in thousandths of an index point, as BEA publishes it (`97.831` is 97,831).
pub(crate) type Parity = u32;

/// One area BEA prices, with its series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PricedArea {
    pub table: PriceTable,
    /// BEA's GeoFIPS: a CBSA code (`12420`), a state's portion (`48999`), a state (`48000`),
    /// the nation (`00000`) or its nonmetropolitan portion (`00999`).
    pub fips: String,
    /// As BEA writes it, trimmed: "Austin-Round Rock-San Marcos, TX (Metropolitan Statistical
    /// Area)".
    pub name: String,
    /// Each line's values by year from the first year of the release; an empty series for a
    /// line BEA's files do not give, `None` for a year without a value (`(NA)`, or 0 for a
    /// portion a state does not have).
    pub lines: [Vec<Option<Parity>>; 5],
}

impl PricedArea {
    pub fn value(&self, line: PriceLine, year_index: usize) -> Option<Parity> {
        self.lines[line.index()].get(year_index).copied().flatten()
    }
}

/// A release of the RPPs: every area of the three tables, sorted by table and GeoFIPS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceParities {
    pub first_year: u16,
    pub last_year: u16,
    pub areas: Vec<PricedArea>,
}

/// Where BEA's tables would hold an OEWS area's RPP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PriceKey {
    pub table: PriceTable,
    pub fips: String,
}

impl PriceKey {
    /// The row of BEA's tables an OEWS area takes, by the rule in the module's documentation;
    /// `None` for a code that is none of OEWS's shapes.
    pub fn of_area(code: &str, kind: AreaKind) -> Option<PriceKey> {
        let b = code.as_bytes();
        if b.len() != 7 || !b.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let key = |table, fips: String| Some(PriceKey { table, fips });
        match kind {
            AreaKind::National => key(PriceTable::State, "00000".into()),
            AreaKind::State => key(PriceTable::State, format!("{}000", &code[..2])),
            AreaKind::Metro if code.starts_with("00") => key(PriceTable::Metro, code[2..].into()),
            AreaKind::Metro => key(PriceTable::Portion, format!("{}999", &code[..2])),
        }
    }
}

impl PriceParities {
    /// The area at `key`, when BEA prices it.
    pub fn find(&self, key: &PriceKey) -> Option<&PricedArea> {
        self.areas
            .binary_search_by(|a| {
                a.table
                    .cmp(&key.table)
                    .then_with(|| a.fips.as_str().cmp(&key.fips))
            })
            .ok()
            .map(|i| &self.areas[i])
    }

    /// How many years the release covers.
    pub fn years(&self) -> usize {
        usize::from(self.last_year - self.first_year) + 1
    }
}

/// A release of the RPPs as a command asks it: each area's five lines in the release's last
/// year. Stored releases answer it without decoding every year of every area.
pub(crate) trait LatestParities {
    /// The release's last year.
    fn last_year(&self) -> u16;
    /// The last year's value of each line of the area at `key` (`None` for a line without
    /// one), or `None` when BEA's tables have no such area.
    fn latest(&self, key: &PriceKey) -> Option<[Option<Parity>; 5]>;

    /// The last year's value of one line of the area at `key`.
    fn latest_line(&self, key: &PriceKey, line: PriceLine) -> Option<Parity> {
        self.latest(key)?[line.index()]
    }
}

impl LatestParities for PriceParities {
    fn last_year(&self) -> u16 {
        self.last_year
    }

    fn latest(&self, key: &PriceKey) -> Option<[Option<Parity>; 5]> {
        let area = self.find(key)?;
        let year = self.years() - 1;
        Some(PriceLine::ALL.map(|line| area.value(line, year)))
    }
}

/// The RPPs of the release's last year for an OEWS area, or why it has none.
pub(crate) fn for_area(
    parities: &impl LatestParities,
    code: &str,
    kind: AreaKind,
) -> Result<AreaPrices, NoPrices> {
    let key = PriceKey::of_area(code, kind).ok_or(NoPrices::NotAnArea)?;
    let Some(lines) = parities.latest(&key) else {
        return Err(NoPrices::NotPriced { key });
    };
    let [all_items, goods, housing, utilities, other_services] = lines;
    let Some(all_items) = all_items else {
        return Err(NoPrices::NoValue {
            key,
            year: parities.last_year(),
        });
    };
    Ok(AreaPrices {
        year: parities.last_year(),
        key,
        all_items,
        goods,
        housing,
        utilities,
        other_services,
    })
}

/// An OEWS area's RPPs in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AreaPrices {
    pub year: u16,
    /// Which of BEA's rows they are.
    pub key: PriceKey,
    pub all_items: Parity,
    pub goods: Option<Parity>,
    pub housing: Option<Parity>,
    pub utilities: Option<Parity>,
    pub other_services: Option<Parity>,
}

/// `amount` divided by `parity`/100 (`parity` in thousandths), rounded half up.
pub(crate) fn in_us_prices(amount: u64, parity: Parity) -> u64 {
    let parity = u128::from(parity.max(1));
    let scaled = u128::from(amount) * 100_000 * 2 + parity;
    u64::try_from(scaled / (2 * parity)).unwrap_or(u64::MAX)
}

/// A parity as the number BEA prints: 97,831 → 97.831.
pub(crate) fn parity_value(parity: Parity) -> f64 {
    f64::from(parity) / 1000.0
}

/// Why an OEWS area has no RPP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NoPrices {
    /// The code is none of OEWS's shapes.
    NotAnArea,
    /// BEA's tables have no row for it (Puerto Rico, Guam, the Virgin Islands).
    NotPriced { key: PriceKey },
    /// The row has no all-items value in the release's last year.
    NoValue { key: PriceKey, year: u16 },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_oews_area_takes_its_own_row_of_beas_tables() {
        let key = |code, kind| PriceKey::of_area(code, kind).map(|k| (k.table, k.fips));
        assert_eq!(
            key("0000000", AreaKind::National),
            Some((PriceTable::State, "00000".into()))
        );
        assert_eq!(
            key("4800000", AreaKind::State),
            Some((PriceTable::State, "48000".into()))
        );
        assert_eq!(
            key("0012420", AreaKind::Metro),
            Some((PriceTable::Metro, "12420".into()))
        );
        assert_eq!(
            key("0100001", AreaKind::Metro),
            Some((PriceTable::Portion, "01999".into()))
        );
        assert_eq!(key("12420", AreaKind::Metro), None);
    }

    #[test]
    fn a_wage_in_us_average_prices_is_divided_by_the_parity_over_100() {
        // $120,000 where prices are 97.831: 120,000 / 0.97831 = 122,660.5...
        assert_eq!(in_us_prices(120_000, 97_831), 122_661);
        assert_eq!(in_us_prices(150_000, 100_000), 150_000);
        // Half a dollar rounds up: 1 / 0.8 = 1.25 → 1; 3 / 2 = 1.5 → 2.
        assert_eq!(in_us_prices(1, 80_000), 1);
        assert_eq!(in_us_prices(3, 200_000), 2);
    }

    #[test]
    fn an_area_bea_does_not_price_has_no_parity() {
        let parities = PriceParities {
            first_year: 2023,
            last_year: 2024,
            areas: vec![PricedArea {
                table: PriceTable::State,
                fips: "48000".into(),
                name: "Texas".into(),
                lines: [
                    vec![Some(96_000), Some(97_500)],
                    vec![],
                    vec![Some(99_000), None],
                    vec![],
                    vec![],
                ],
            }],
        };
        let texas = for_area(&parities, "4800000", AreaKind::State).unwrap();
        assert_eq!((texas.year, texas.all_items), (2024, 97_500));
        assert_eq!(texas.housing, None);
        assert_eq!(
            for_area(&parities, "7200000", AreaKind::State),
            Err(NoPrices::NotPriced {
                key: PriceKey {
                    table: PriceTable::State,
                    fips: "72000".into()
                }
            })
        );
    }
}
