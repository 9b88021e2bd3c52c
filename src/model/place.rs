//! What a place a user types (`Seattle`, `seattle-tacoma`, `WA`, `Texas`, `US`, `0042660`)
//! stands for among OEWS's areas. No I/O here.
//!
//! The rule, in order:
//! 1. the nation: `US`, `USA`, `national`, `nation`, `nationwide`, `United States`;
//! 2. a 7-digit area code;
//! 3. a state or territory by its postal code (`WA`) or its name (`Texas`);
//! 4. a metropolitan or nonmetropolitan area by any of the cities in its name (`Bellevue`),
//!    several joined by hyphens (`seattle-tacoma`), its whole name, or a city with a state
//!    (`Portland, OR` or `Portland OR`).
//!
//! A name with several readings is ambiguous unless exactly one of them is *strong*: a state
//! whose whole name it is, or a metro whose first-named city it is. `Vancouver` (named second in
//! Portland-Vancouver-Hillsboro, OR-WA, and nowhere first) is that metro; `Portland` (first in two
//! metros), `Washington` and `New York` (a state and a metro's first city) are ambiguous and list
//! their readings.

use super::wages::{Area, AreaKind};

/// The readings of a place name: the positions of the areas it can mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PlaceMatch {
    One(usize),
    /// Several readings, none clearly meant.
    Ambiguous(Vec<usize>),
    None,
}

const NATION: [&str; 6] = [
    "us",
    "usa",
    "national",
    "nation",
    "nationwide",
    "united states",
];

/// Postal codes by FIPS state code, for the states, DC and the territories OEWS covers.
const POSTAL: [(&str, &str); 56] = [
    ("01", "AL"),
    ("02", "AK"),
    ("04", "AZ"),
    ("05", "AR"),
    ("06", "CA"),
    ("08", "CO"),
    ("09", "CT"),
    ("10", "DE"),
    ("11", "DC"),
    ("12", "FL"),
    ("13", "GA"),
    ("15", "HI"),
    ("16", "ID"),
    ("17", "IL"),
    ("18", "IN"),
    ("19", "IA"),
    ("20", "KS"),
    ("21", "KY"),
    ("22", "LA"),
    ("23", "ME"),
    ("24", "MD"),
    ("25", "MA"),
    ("26", "MI"),
    ("27", "MN"),
    ("28", "MS"),
    ("29", "MO"),
    ("30", "MT"),
    ("31", "NE"),
    ("32", "NV"),
    ("33", "NH"),
    ("34", "NJ"),
    ("35", "NM"),
    ("36", "NY"),
    ("37", "NC"),
    ("38", "ND"),
    ("39", "OH"),
    ("40", "OK"),
    ("41", "OR"),
    ("42", "PA"),
    ("44", "RI"),
    ("45", "SC"),
    ("46", "SD"),
    ("47", "TN"),
    ("48", "TX"),
    ("49", "UT"),
    ("50", "VT"),
    ("51", "VA"),
    ("53", "WA"),
    ("54", "WV"),
    ("55", "WI"),
    ("56", "WY"),
    ("60", "AS"),
    ("66", "GU"),
    ("69", "MP"),
    ("72", "PR"),
    ("78", "VI"),
];

fn normalize(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The cities of a metro's name and the postal codes after its comma:
/// "Seattle-Tacoma-Bellevue, WA" → (["seattle", "tacoma", "bellevue"], ["wa"]).
fn metro_parts(name: &str) -> (Vec<String>, Vec<String>) {
    if let Some(region) = name.strip_suffix(" nonmetropolitan area") {
        return (vec![normalize(region)], Vec::new());
    }
    let (cities, states) = name.rsplit_once(", ").unwrap_or((name, ""));
    (
        cities.split('-').map(normalize).collect(),
        states.split('-').map(normalize).collect(),
    )
}

/// Every area `input` can stand for, under the rule in the module's documentation.
pub(crate) fn resolve(areas: &[Area], input: &str) -> PlaceMatch {
    let key = normalize(input);
    if key.is_empty() {
        return PlaceMatch::None;
    }
    let positions = |keep: &dyn Fn(&Area) -> bool| -> Vec<usize> {
        areas
            .iter()
            .enumerate()
            .filter(|(_, a)| keep(a))
            .map(|(i, _)| i)
            .collect()
    };
    if NATION.contains(&key.as_str()) {
        return one_of(positions(&|a| a.kind == AreaKind::National), Vec::new());
    }
    if key.len() == 7 && key.bytes().all(|b| b.is_ascii_digit()) {
        return one_of(positions(&|a| a.code == key), Vec::new());
    }
    if key.len() == 2
        && let Some((fips, _)) = POSTAL.iter().find(|(_, p)| p.eq_ignore_ascii_case(&key))
    {
        return one_of(
            positions(&|a| a.kind == AreaKind::State && a.state_code == *fips),
            Vec::new(),
        );
    }
    let segments: Vec<String> = split_segments(input);
    let mut strong = positions(&|a| a.kind == AreaKind::State && normalize(&a.name) == key);
    let mut weak = Vec::new();
    // Only names that hold the first city as written are split into their parts.
    let first = segments.first().map_or("", String::as_str);
    for (i, area) in areas.iter().enumerate() {
        if area.kind != AreaKind::Metro || !holds_words(&area.name, first) {
            continue;
        }
        let (cities, states) = metro_parts(&area.name);
        let fits = segments
            .iter()
            .all(|s| cities.contains(s) || states.contains(s));
        if !fits || !segments.iter().any(|s| cities.contains(s)) {
            continue;
        }
        if cities.first() == segments.first() {
            strong.push(i);
        } else {
            weak.push(i);
        }
    }
    one_of(strong, weak)
}

/// Whether `name` holds `words` (lowercase, single spaces) ignoring ASCII case and the
/// punctuation between words: a cheap test before splitting a name into its parts.
fn holds_words(name: &str, words: &str) -> bool {
    let words: Vec<&str> = words.split(' ').collect();
    let lower = name.to_ascii_lowercase();
    let mut tokens = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty());
    let all: Vec<&str> = tokens.by_ref().collect();
    !words.is_empty() && all.windows(words.len()).any(|w| w == words.as_slice())
}

/// "Portland, OR", "Portland OR" and "portland-vancouver" as their parts: split at commas and
/// hyphens, and a trailing postal code split off its city.
fn split_segments(input: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in input.split([',', '-']) {
        let segment = normalize(raw);
        if segment.is_empty() {
            continue;
        }
        match segment.rsplit_once(' ') {
            Some((city, code))
                if code.len() == 2 && POSTAL.iter().any(|(_, p)| p.eq_ignore_ascii_case(code)) =>
            {
                out.push(city.to_owned());
                out.push(code.to_owned());
            }
            _ => out.push(segment),
        }
    }
    out
}

fn one_of(strong: Vec<usize>, weak: Vec<usize>) -> PlaceMatch {
    match (strong.as_slice(), weak.as_slice()) {
        ([one], _) | ([], [one]) => PlaceMatch::One(*one),
        ([], []) => PlaceMatch::None,
        _ => PlaceMatch::Ambiguous(strong.into_iter().chain(weak).collect()),
    }
}

/// The names a misspelt place is compared with: each state's name and each metro city.
pub(crate) fn suggestion_names(areas: &[Area]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for a in areas {
        match a.kind {
            AreaKind::Metro => {
                let (cities, _) = metro_parts(&a.name);
                names.extend(cities);
            }
            _ => names.push(normalize(&a.name)),
        }
    }
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(code: &str, kind: AreaKind, state: &str, name: &str) -> Area {
        Area {
            code: code.into(),
            kind,
            state_code: state.into(),
            name: name.into(),
        }
    }

    fn areas() -> Vec<Area> {
        vec![
            area("0000000", AreaKind::National, "00", "National"),
            area("5300000", AreaKind::State, "53", "Washington"),
            area("3600000", AreaKind::State, "36", "New York"),
            area("4800000", AreaKind::State, "48", "Texas"),
            area(
                "0042660",
                AreaKind::Metro,
                "53",
                "Seattle-Tacoma-Bellevue, WA",
            ),
            area(
                "0038900",
                AreaKind::Metro,
                "41",
                "Portland-Vancouver-Hillsboro, OR-WA",
            ),
            area(
                "0038860",
                AreaKind::Metro,
                "23",
                "Portland-South Portland, ME",
            ),
            area(
                "0047900",
                AreaKind::Metro,
                "11",
                "Washington-Arlington-Alexandria, DC-VA-MD-WV",
            ),
            area(
                "0035620",
                AreaKind::Metro,
                "36",
                "New York-Newark-Jersey City, NY-NJ",
            ),
            area(
                "0019100",
                AreaKind::Metro,
                "48",
                "Dallas-Fort Worth-Arlington, TX",
            ),
            area(
                "5300002",
                AreaKind::Metro,
                "53",
                "Eastern Washington nonmetropolitan area",
            ),
        ]
    }

    #[test]
    fn names_resolve_by_the_documented_rule() {
        let a = areas();
        for (input, want) in [
            ("US", PlaceMatch::One(0)),
            ("national", PlaceMatch::One(0)),
            ("WA", PlaceMatch::One(1)),
            ("texas", PlaceMatch::One(3)),
            ("Seattle", PlaceMatch::One(4)),
            ("seattle-tacoma", PlaceMatch::One(4)),
            ("Bellevue", PlaceMatch::One(4)),
            ("Seattle-Tacoma-Bellevue, WA", PlaceMatch::One(4)),
            ("0042660", PlaceMatch::One(4)),
            ("Vancouver", PlaceMatch::One(5)),
            ("Portland, OR", PlaceMatch::One(5)),
            ("portland or", PlaceMatch::One(5)),
            ("Portland ME", PlaceMatch::One(6)),
            ("Portland", PlaceMatch::Ambiguous(vec![5, 6])),
            ("Washington", PlaceMatch::Ambiguous(vec![1, 7])),
            ("New York", PlaceMatch::Ambiguous(vec![2, 8])),
            ("Arlington", PlaceMatch::Ambiguous(vec![7, 9])),
            ("eastern washington", PlaceMatch::One(10)),
            ("Atlantis", PlaceMatch::None),
            ("", PlaceMatch::None),
            ("???", PlaceMatch::None),
        ] {
            assert_eq!(resolve(&a, input), want, "{input}");
        }
    }
}
