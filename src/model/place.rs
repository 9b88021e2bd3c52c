//! What a place a user types (`Seattle`, `seattle-tacoma`, `WA`, `Texas`, `US`, `0042660`,
//! `Plano`, `rural Montana`, `Bay Area`) stands for among OEWS's areas. No I/O here: the
//! principal cities and the common names come in as text and a table ([`PlaceNames`]).
//!
//! The rule, in order:
//! 1. the nation: `US`, `USA`, `national`, `nation`, `nationwide`, `United States`;
//! 2. a 7-digit area code;
//! 3. a state or territory by its postal code (`WA`);
//! 4. an area by its whole name, as BLS writes it ("Northwest Alabama nonmetropolitan area",
//!    "Seattle-Tacoma-Bellevue, WA", "Washington"), in any case and punctuation: BLS's own name
//!    is never ambiguous;
//! 5. a state's nonmetropolitan areas: `rural X`, `nonmetro X`, `X nonmetro`, `X nonmetropolitan`
//!    (X a state's name or postal code): its one such area, or all of them (a group, which a
//!    list of places takes whole and a single place lists); a nonmetropolitan area also by its
//!    region ("Northwest Alabama nonmetropolitan");
//! 6. a state by `X state` or `state of X` (`New York State`);
//! 7. a metropolitan area by `greater X`, `X metro` or `X metro area`;
//! 8. a common name of the documented table (`data/place-names.json`: Bay Area, Silicon Valley,
//!    Manhattan, Brooklyn, Philly, Honolulu, ...), which wins over a city of the same name
//!    elsewhere (`Manhattan, KS` still names Manhattan, KS);
//! 9. a state by its name (`Texas`); a metropolitan area by any of the cities in its name
//!    (`Bellevue`), several joined by hyphens (`seattle-tacoma`), or a city with a state
//!    (`Portland, OR` or `Portland OR`); a nonmetropolitan area by its region ("eastern
//!    washington");
//! 10. when none of those is clearly meant, a metropolitan area by one of its principal cities
//!     (Census's list: `Plano`, `Mountain View, CA`).
//!
//! Names compare as words: case, punctuation and accents aside, and `saint` is `st`, `ft` is
//! `fort`, `mount` is `mt` (`Saint Louis` is St. Louis). A name with several readings is ambiguous
//! unless exactly one of them is *strong*: a metro whose first-named city it is. `Vancouver`
//! (named second in Portland-Vancouver-Hillsboro, OR-WA, and nowhere first) is that metro;
//! `Portland` (first in two metros) and `Arlington` (second in two) are ambiguous and list their
//! readings. A state's name is the state (`Washington`, `New York`: the metros are
//! `Washington, DC` and `New York City`), never ambiguous with its own nonmetropolitan areas
//! (`Alaska` is the state).

use std::borrow::Cow;

use super::wages::{Area, AreaKind};

/// The readings of a place name: the positions of the areas it can mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PlaceMatch {
    One(usize),
    /// A group the name stands for as a whole: a state's nonmetropolitan areas.
    Several(Vec<usize>),
    /// Several readings, none clearly meant.
    Ambiguous(Vec<usize>),
    None,
}

const NATION: [&str; 7] = [
    "us",
    "usa",
    "national",
    "nation",
    "nationwide",
    "united states",
    "united states of america",
];

/// Postal codes by FIPS state code, for the states, DC and the territories OEWS covers.
pub(crate) const POSTAL: [(&str, &str); 56] = [
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

/// The names that are not in OEWS's own area names: the documented common names, and Census's
/// principal cities of every metropolitan area.
#[derive(Debug, Clone, Default)]
pub(crate) struct PlaceNames {
    /// The common names, each with the area code it stands for and its note.
    pub common: Vec<CommonName<'static>>,
    /// The principal-cities table (`data/embedded/principal-cities.tsv`): after `#` lines, one
    /// line per city, `name<TAB>cbsa<TAB>state`, sorted by name.
    pub cities: &'static str,
}

/// The file format of `data/place-names.json`: common names of places, each with the OEWS area
/// it stands for and why. Read in place: every string borrows from the file's text.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CommonNamesFile<'a> {
    #[serde(borrow)]
    pub names: Vec<CommonName<'a>>,
}

/// Names people use for one OEWS area.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CommonName<'a> {
    #[serde(borrow)]
    pub names: Vec<Cow<'a, str>>,
    /// The OEWS area code.
    #[serde(borrow)]
    pub area: Cow<'a, str>,
    /// Which area that is, in words, and what else the name might mean (a string with escapes
    /// is the one copied).
    #[serde(borrow)]
    pub note: Cow<'a, str>,
}

impl PlaceNames {
    /// The entry of the common name `key` ([`normalize`]d) is: compared only with the names of
    /// the same first letter.
    fn common_entry(&self, key: &str) -> Option<&CommonName<'static>> {
        self.common
            .iter()
            .find(|entry| entry.names.iter().any(|n| same_name(n, key)))
    }

    /// A name claimed by two entries, if any: the file is read without this check, which its
    /// test makes.
    #[cfg(test)]
    pub(crate) fn claimed_twice(&self) -> Option<String> {
        let mut seen: Vec<String> = Vec::new();
        for entry in &self.common {
            for name in &entry.names {
                let key = normalize(name);
                if seen.contains(&key) {
                    return Some(name.to_string());
                }
                seen.push(key);
            }
        }
        None
    }
}

/// A principal city of a metropolitan area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PrincipalCity<'a> {
    pub name: &'a str,
    /// The CBSA code: the OEWS area is `00` and it.
    pub cbsa: &'a str,
    /// The city's state's postal code.
    pub state: &'a str,
}

impl PlaceNames {
    /// Every principal city, in the table's order.
    pub(crate) fn principal_cities(&self) -> impl Iterator<Item = PrincipalCity<'static>> + '_ {
        self.cities
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .filter_map(|line| {
                let mut f = line.split('\t');
                Some(PrincipalCity {
                    name: f.next()?,
                    cbsa: f.next()?,
                    state: f.next()?,
                })
            })
    }

    /// The principal cities whose name is `key` ([`normalize`]d).
    fn cities_keyed<'s>(
        &'s self,
        key: &'s str,
    ) -> impl Iterator<Item = PrincipalCity<'static>> + 's {
        // Only the lines that start with the key's first letter, found without splitting the
        // others (the table's names start with a capital).
        let first = key.chars().next();
        let capital = first.map(|c| format!("\n{}", c.to_uppercase()));
        let text = self.cities;
        capital
            .into_iter()
            .flat_map(move |c| {
                text.match_indices(c.as_str())
                    .map(|(at, _)| at + 1)
                    .collect::<Vec<_>>()
            })
            .map(move |at| text[at..].split('\n').next().unwrap_or_default())
            .filter_map(|line| {
                let mut f = line.split('\t');
                Some(PrincipalCity {
                    name: f.next()?,
                    cbsa: f.next()?,
                    state: f.next()?,
                })
            })
            .filter(move |c| may_name(c.name, key) && same_name(c.name, key))
    }

    /// The area code of a common name, by its key.
    fn common_name(&self, key: &str) -> Option<&str> {
        self.common_entry(key).map(|e| e.area.as_ref())
    }

    /// What a common name stands for, in words, when `name` is one.
    pub(crate) fn common_note(&self, name: &str) -> Option<&str> {
        self.common_entry(&normalize(name)).map(|e| e.note.as_ref())
    }
}

/// A name as the words it compares by: lowercase, accents and punctuation aside, single spaces,
/// and the usual short forms of `saint`, `fort` and `mount` written one way (`st`, `fort`, `mt`).
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let push = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        // `mount` becomes `mt`, not the other way: `MT` is Montana's postal code.
        out.push_str(match word.as_str() {
            "saint" => "st",
            "ft" => "fort",
            "mount" => "mt",
            w => w,
        });
        word.clear();
    };
    for c in text.chars() {
        let c = fold_accent(c);
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else {
            push(&mut word, &mut out);
        }
    }
    push(&mut word, &mut out);
    out
}

/// The letter without its accent, for the Latin letters of U.S. place names (Mayagüez, Bayamón).
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'A',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'O',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        'ñ' => 'n',
        'Ñ' => 'N',
        'ç' => 'c',
        'Ç' => 'C',
        c => c,
    }
}

/// Whether the area is a nonmetropolitan area: OEWS's code is its state's, not `00` and a CBSA.
pub(crate) fn is_nonmetro(area: &Area) -> bool {
    area.kind == AreaKind::Metro && !area.code.starts_with("00")
}

/// The postal code of a FIPS state code (`53` → `WA`).
pub(crate) fn postal_of(fips: &str) -> Option<&'static str> {
    POSTAL.iter().find(|(f, _)| *f == fips).map(|(_, p)| *p)
}

/// The FIPS code of a postal code, in any case (`wa` → `53`).
fn fips_of_postal(code: &str) -> Option<&'static str> {
    POSTAL
        .iter()
        .find(|(_, p)| p.eq_ignore_ascii_case(code))
        .map(|(f, _)| *f)
}

/// The cities of a metro's name and the postal codes after its comma:
/// `Seattle-Tacoma-Bellevue, WA` → `(["seattle", "tacoma", "bellevue"], ["wa"])`. A
/// nonmetropolitan area's region is its one city.
fn metro_parts(name: &str) -> (Vec<String>, Vec<String>) {
    if let Some(region) = name.strip_suffix(" nonmetropolitan area") {
        return (vec![normalize(region)], Vec::new());
    }
    let (cities, states) = name.rsplit_once(", ").unwrap_or((name, ""));
    (
        cities
            .split(['-', '/'])
            .map(normalize)
            .filter(|c| !c.is_empty())
            .collect(),
        states.split('-').map(normalize).collect(),
    )
}

/// The first letter or digit of a name, lowercased: a cheap test before normalizing it.
fn first_alnum(text: &str) -> Option<char> {
    text.chars()
        .map(fold_accent)
        .find(|c| c.is_alphanumeric())
        .and_then(|c| c.to_lowercase().next())
}

/// Whether `name` [`normalize`]s to `key`, compared word by word as it is read: nothing is
/// built, a name whose first letter differs is left at once, and any other at its first word
/// that differs.
fn same_name(name: &str, key: &str) -> bool {
    if first_alnum(name) != key.chars().next() {
        return false;
    }
    let mut keys = key.split(' ').filter(|k| !k.is_empty());
    let in_word = |c: char| fold_accent(c).is_alphanumeric();
    let mut rest = name;
    while let Some(start) = rest.find(in_word) {
        rest = &rest[start..];
        let end = rest.find(|c| !in_word(c)).unwrap_or(rest.len());
        let (word, after) = rest.split_at(end);
        rest = after;
        if !keys.next().is_some_and(|k| word_is(word, k)) {
            return false;
        }
    }
    keys.next().is_none()
}

/// Whether one word of a name (its letters and digits) [`normalize`]s to the key's word `key`.
fn word_is(word: &str, key: &str) -> bool {
    let spelt = |w: &str| {
        word.chars()
            .map(fold_accent)
            .flat_map(char::to_lowercase)
            .eq(w.chars())
    };
    match key {
        "st" => spelt("st") || spelt("saint"),
        "fort" => spelt("fort") || spelt("ft"),
        "mt" => spelt("mt") || spelt("mount"),
        // What normalizing writes another way is never a word of a key.
        "saint" | "ft" | "mount" => false,
        _ => spelt(key),
    }
}

/// Whether `name` can [`normalize`] to `key`, by its first two letters: a name that starts
/// with a word normalizing changes (`Saint`, `Ft`, `Mount`) or a letter that is not ASCII is
/// left to the full comparison.
fn may_name(name: &str, key: &str) -> bool {
    let bytes = name.as_bytes();
    match (bytes, key.as_bytes()) {
        ([a, b, ..], [x, y, ..]) if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
            let changed = [b"saint".as_slice(), b"ft", b"mount"]
                .iter()
                .any(|w| bytes.len() > w.len() && bytes[..w.len()].eq_ignore_ascii_case(w));
            changed || (a.eq_ignore_ascii_case(x) && b.eq_ignore_ascii_case(y))
        }
        _ => first_alnum(name) == key.chars().next(),
    }
}

/// The areas whose whole name is `key`.
fn by_whole_name(areas: &[Area], key: &str) -> Vec<usize> {
    areas
        .iter()
        .enumerate()
        .filter(|(_, a)| same_name(&a.name, key))
        .map(|(i, _)| i)
        .collect()
}

/// The state whose name or postal code `key` is.
fn state_named(areas: &[Area], key: &str) -> Option<usize> {
    let fips = if key.len() == 2 {
        fips_of_postal(key)
    } else {
        None
    };
    areas.iter().position(|a| {
        a.kind == AreaKind::State
            && (fips.is_some_and(|f| a.state_code == f) || same_name(&a.name, key))
    })
}

/// The rural forms: the part of `key` that names a state or a region, when `key` is one.
fn rural_part(key: &str) -> Option<&str> {
    for prefix in ["rural ", "nonmetro ", "nonmetropolitan "] {
        if let Some(rest) = key.strip_prefix(prefix) {
            return Some(rest);
        }
    }
    for suffix in [
        " nonmetropolitan area",
        " nonmetropolitan",
        " nonmetro area",
        " nonmetro",
        " rural area",
    ] {
        if let Some(rest) = key.strip_suffix(suffix) {
            return Some(rest);
        }
    }
    None
}

/// Every area `input` can stand for, under the rule in the module's documentation; `names`
/// gives the common names and principal cities, read only when the name needs them.
pub(crate) fn resolve<'n>(
    areas: &[Area],
    input: &str,
    names: impl FnOnce() -> &'n PlaceNames,
) -> PlaceMatch {
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
        && let Some(fips) = fips_of_postal(&key)
    {
        return one_of(
            positions(&|a| a.kind == AreaKind::State && a.state_code == fips),
            Vec::new(),
        );
    }
    let whole = by_whole_name(areas, &key);
    if !whole.is_empty() {
        return one_of(whole, Vec::new());
    }
    if let Some(rest) = rural_part(&key) {
        if let Some(state) = state_named(areas, rest) {
            let code = &areas[state].state_code;
            let rural = positions(&|a| is_nonmetro(a) && a.state_code == *code);
            return match rural.as_slice() {
                [] => PlaceMatch::None,
                [one] => PlaceMatch::One(*one),
                _ => PlaceMatch::Several(rural),
            };
        }
        let region = positions(&|a| {
            is_nonmetro(a)
                && a.name
                    .strip_suffix(" nonmetropolitan area")
                    .is_some_and(|r| same_name(r, rest))
        });
        return one_of(region, Vec::new());
    }
    let stated = key
        .strip_suffix(" state")
        .or_else(|| key.strip_prefix("state of "));
    if let Some(state) = stated.and_then(|s| state_named(areas, s)) {
        return PlaceMatch::One(state);
    }
    let metro = key
        .strip_prefix("greater ")
        .or_else(|| key.strip_prefix("metro "))
        .or_else(|| key.strip_suffix(" metro area"))
        .or_else(|| key.strip_suffix(" metro"));
    let names = names();
    if let Some(rest) = metro {
        let metro = |i: &usize| !is_nonmetro(&areas[*i]) && areas[*i].kind == AreaKind::Metro;
        if let Some(code) = names.common_name(rest) {
            let named: Vec<usize> = positions(&|a| a.code == code);
            return one_of(named.into_iter().filter(metro).collect(), Vec::new());
        }
        let (strong, weak) = by_cities(areas, rest, names);
        return one_of(
            strong.into_iter().filter(metro).collect(),
            weak.into_iter().filter(metro).collect(),
        );
    }
    if let Some(code) = names.common_name(&key) {
        return one_of(positions(&|a| a.code == code), Vec::new());
    }
    let mut strong = positions(&|a| a.kind == AreaKind::State && same_name(&a.name, &key));
    let (cities, weak) = by_cities(areas, input, names);
    strong.extend(cities);
    one_of(strong, weak)
}

/// The metropolitan and nonmetropolitan areas `input` names by their cities (or region): the
/// strong readings (a metro whose first city it is) and the weak ones; the principal cities
/// when there is no strong one.
fn by_cities(areas: &[Area], input: &str, names: &PlaceNames) -> (Vec<usize>, Vec<usize>) {
    let segments: Vec<String> = split_segments(input);
    let mut strong = Vec::new();
    let mut weak = Vec::new();
    // Only names that hold the first city as written are split into their parts.
    let holding = segments
        .first()
        .and_then(|s| Words::new(s))
        .map_or_else(Vec::new, |w| holding_words(areas, &w));
    for i in holding {
        let area = &areas[i];
        let (cities, states) = metro_parts(&area.name);
        let fits = segments
            .iter()
            .all(|s| cities.contains(s) || states.contains(s));
        if !fits || !segments.iter().any(|s| cities.contains(s)) {
            continue;
        }
        // A nonmetropolitan area's region is never a strong reading: a state's name is the
        // state, not its nonmetropolitan area of the same name.
        if cities.first() == segments.first() && !is_nonmetro(area) {
            strong.push(i);
        } else {
            weak.push(i);
        }
    }
    if strong.is_empty() {
        principal_cities(areas, names, &segments, &mut weak);
    }
    (strong, weak)
}

/// Adds the metropolitan areas one of whose principal cities `segments` name (a city, and
/// perhaps its state) to `weak`, each once.
fn principal_cities(
    areas: &[Area],
    names: &PlaceNames,
    segments: &[String],
    weak: &mut Vec<usize>,
) {
    let (city, states): (Vec<&String>, Vec<&String>) = segments
        .iter()
        .partition(|s| !(s.len() == 2 && fips_of_postal(s).is_some()));
    let [city] = city.as_slice() else {
        return;
    };
    for c in names.cities_keyed(city) {
        if !states.is_empty() && !states.iter().any(|s| s.eq_ignore_ascii_case(c.state)) {
            continue;
        }
        let code = format!("00{}", c.cbsa);
        if let Some(i) = areas.iter().position(|a| a.code == code)
            && !weak.contains(&i)
        {
            weak.push(i);
        }
    }
}

/// The metropolitan and nonmetropolitan areas whose names hold `words` (lowercase, single
/// spaces), ignoring case, accents and the punctuation between words, in the areas' order. The
/// names are searched as one lowercased text for the first word (or the long form it stands
/// for), and only those that hold it are split into their words.
fn holding_words(areas: &[Area], words: &Words<'_>) -> Vec<usize> {
    let mut text = String::with_capacity(areas.len() * 32);
    let mut starts: Vec<(usize, usize)> = Vec::with_capacity(areas.len());
    for (i, a) in areas.iter().enumerate() {
        if a.kind == AreaKind::Metro {
            starts.push((text.len(), i));
            text.push_str(&a.name);
            text.push('\n');
        }
    }
    text.make_ascii_lowercase();
    let mut found: Vec<usize> = Vec::new();
    let forms = if words.long == words.first {
        [words.first, ""]
    } else {
        [words.first, words.long]
    };
    for form in forms.into_iter().filter(|f| !f.is_empty()) {
        for (at, _) in text.match_indices(form) {
            let word_start = text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if !word_start {
                continue;
            }
            let k = starts.partition_point(|(s, _)| *s <= at) - 1;
            if !found.contains(&starts[k].1) {
                found.push(starts[k].1);
            }
        }
    }
    found.sort_unstable();
    found.retain(|&i| {
        let normalized = normalize(&areas[i].name);
        let all: Vec<&str> = normalized.split(' ').collect();
        all.windows(words.all.len())
            .any(|w| w == words.all.as_slice())
    });
    found
}

/// Words to look for in a name: all of them, the first, and the long form of the first (`saint`
/// for `st`) that a name may spell.
struct Words<'a> {
    all: Vec<&'a str>,
    first: &'a str,
    long: &'a str,
}

impl<'a> Words<'a> {
    /// `None` for no words.
    fn new(words: &'a str) -> Option<Words<'a>> {
        let all: Vec<&str> = words.split(' ').filter(|w| !w.is_empty()).collect();
        let first = *all.first()?;
        let long = match first {
            "st" => "saint",
            "mt" => "mount",
            "fort" => "ft",
            other => other,
        };
        Some(Words { all, first, long })
    }
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
            Some((city, code)) if code.len() == 2 && fips_of_postal(code).is_some() => {
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

/// Whether `part` of a comma list is only postal codes (`OR`, `OR-WA`): the state of the place
/// before it, when the two together name one area ("Portland, OR").
pub(crate) fn is_postal_group(part: &str) -> bool {
    !part.is_empty()
        && part
            .split('-')
            .all(|s| s.trim().len() == 2 && fips_of_postal(s.trim()).is_some())
}

/// The names a misspelt place is compared with: each state's name, each metro city, each
/// nonmetropolitan region, and the principal cities and common names.
pub(crate) fn suggestion_names(areas: &[Area], names: &PlaceNames) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in areas {
        match a.kind {
            AreaKind::Metro => {
                let (cities, _) = metro_parts(&a.name);
                out.extend(cities);
            }
            _ => out.push(normalize(&a.name)),
        }
    }
    out.extend(names.principal_cities().map(|c| normalize(c.name)));
    out.extend(
        names
            .common
            .iter()
            .flat_map(|e| e.names.iter().map(|n| normalize(n))),
    );
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(code: &str, kind: AreaKind, state: &str, name: &str) -> Area {
        Area {
            code: code.to_owned().into(),
            kind,
            state_code: state.to_owned().into(),
            name: name.to_owned().into(),
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
            area("3000000", AreaKind::State, "30", "Montana"),
            area(
                "3000003",
                AreaKind::Metro,
                "30",
                "Southwest Montana nonmetropolitan area",
            ),
            area(
                "3000004",
                AreaKind::Metro,
                "30",
                "West Montana nonmetropolitan area",
            ),
            area("0200000", AreaKind::State, "02", "Alaska"),
            area(
                "0200006",
                AreaKind::Metro,
                "02",
                "Alaska nonmetropolitan area",
            ),
            area("0041180", AreaKind::Metro, "29", "St. Louis, MO-IL"),
            area("0031704", AreaKind::Metro, "20", "Manhattan, KS"),
        ]
    }

    fn names() -> PlaceNames {
        PlaceNames {
            common: vec![CommonName {
                names: vec!["Manhattan".into()],
                area: "0035620".into(),
                note: "New York".into(),
            }],
            cities: "# principal cities\n\
                     Arlington\t19100\tTX\n\
                     Arlington\t47900\tVA\n\
                     Plano\t19100\tTX\n\
                     Vancouver\t38900\tWA\n",
        }
    }

    fn resolved(input: &str) -> PlaceMatch {
        let n = names();
        resolve(&areas(), input, || &n)
    }

    #[test]
    fn names_resolve_by_the_documented_rule() {
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
            ("Washington", PlaceMatch::One(1)),
            ("Washington, DC", PlaceMatch::One(7)),
            ("New York", PlaceMatch::One(2)),
            ("New York, NY", PlaceMatch::One(8)),
            ("Arlington", PlaceMatch::Ambiguous(vec![7, 9])),
            ("eastern washington", PlaceMatch::One(10)),
            ("Atlantis", PlaceMatch::None),
            ("", PlaceMatch::None),
            ("???", PlaceMatch::None),
        ] {
            assert_eq!(resolved(input), want, "{input}");
        }
    }

    #[test]
    fn whole_names_rural_forms_and_states_by_their_own_words() {
        for (input, want) in [
            (
                "Eastern Washington nonmetropolitan area",
                PlaceMatch::One(10),
            ),
            ("eastern washington nonmetropolitan", PlaceMatch::One(10)),
            ("rural Washington", PlaceMatch::One(10)),
            ("nonmetro WA", PlaceMatch::One(10)),
            ("rural Montana", PlaceMatch::Several(vec![12, 13])),
            ("Montana nonmetropolitan", PlaceMatch::Several(vec![12, 13])),
            ("MT nonmetro", PlaceMatch::Several(vec![12, 13])),
            ("rural Texas", PlaceMatch::None),
            // A state's name is the state, not its nonmetropolitan area.
            ("Alaska", PlaceMatch::One(14)),
            ("Alaska nonmetropolitan area", PlaceMatch::One(15)),
            ("rural Alaska", PlaceMatch::One(15)),
            ("New York State", PlaceMatch::One(2)),
            ("state of Washington", PlaceMatch::One(1)),
            ("Greater New York", PlaceMatch::One(8)),
            ("Seattle metro", PlaceMatch::One(4)),
            ("Saint Louis", PlaceMatch::One(16)),
            ("St Louis", PlaceMatch::One(16)),
        ] {
            assert_eq!(resolved(input), want, "{input}");
        }
    }

    #[test]
    fn common_names_and_principal_cities() {
        for (input, want) in [
            // The documented common name wins over a metro named after the city...
            ("Manhattan", PlaceMatch::One(8)),
            // ...which its state still names.
            ("Manhattan, KS", PlaceMatch::One(17)),
            ("Plano", PlaceMatch::One(9)),
            ("Plano, TX", PlaceMatch::One(9)),
            ("Plano, WA", PlaceMatch::None),
            // A city in a metro's name and a principal city of the same metro: one reading.
            ("Arlington, TX", PlaceMatch::One(9)),
        ] {
            assert_eq!(resolved(input), want, "{input}");
        }
    }

    #[test]
    fn names_compare_as_words() {
        assert_eq!(normalize("St. Louis, MO-IL"), "st louis mo il");
        assert_eq!(normalize("Saint  Louis"), "st louis");
        assert_eq!(normalize("Mayagüez"), "mayaguez");
        assert_eq!(normalize("Ft. Collins"), "fort collins");
        assert_eq!(normalize("Mount Vernon"), "mt vernon");
        assert_eq!(normalize("MT"), "mt");
    }

    #[test]
    fn a_name_is_the_same_as_a_key_exactly_when_it_normalizes_to_it() {
        let names = [
            "St. Louis, MO-IL",
            "Saint  Louis",
            "Mayagüez",
            "MAYAGÜEZ, PR",
            "Ft. Collins",
            "Fort Collins",
            "Mount Vernon",
            "Mt. Vernon",
            "MT",
            "Seattle-Tacoma-Bellevue, WA",
            "Seattle",
            "seattle tacoma",
            "  --Seattle--  ",
            "Saintly",
            "Sainte Genevieve",
            "İstanbul",
            "",
            "-",
        ];
        let keys = names
            .iter()
            .map(|n| normalize(n))
            .chain(["st louis mo", "mount vernon", "ft collins", "saint louis"].map(String::from));
        for key in keys {
            for name in names {
                assert_eq!(
                    same_name(name, &key),
                    normalize(name) == key,
                    "{name:?} against {key:?}"
                );
            }
        }
    }

    #[test]
    fn a_postal_group_is_only_postal_codes() {
        assert!(is_postal_group("OR"));
        assert!(is_postal_group("OR-WA"));
        assert!(!is_postal_group("US"));
        assert!(!is_postal_group("SF"));
        assert!(!is_postal_group("Boston"));
    }
}
