//! The store's questions about official wages (BLS OEWS): which estimates belong to a role, what
//! a place name stands for, and every estimate of an occupation. Commands ask these; none of them
//! sees how the estimates are stored.

use serde::Serialize;

use super::bls_codes::{Publishes, Reach};
use super::{Entry, Origin, Store};
use crate::error::{CareersError, suggest};
use crate::model::place::{self, PlaceMatch};
use crate::model::wages::{Area, AreaKind, Estimate, Measure, Unit, Value, WageOccupation};
use crate::oews::storage::{AreaEstimate, StoredWages};

/// BLS's notice, which every output that shows OEWS figures carries once.
pub use crate::oews::NOTICE as OEWS_NOTICE;
/// How much a release of BLS OEWS holds (`careers sources`).
pub use crate::oews::storage::OewsCounts as WageCounts;
/// A release of BLS OEWS as the store opened it, what commands hold while they ask of it.
pub use crate::oews::storage::StoredWages as WageRelease;

/// The release of BLS OEWS a report's wages come from, in the shape every report names a
/// source in: `{name, release, published, citation, notice}`, the last three where known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WagesSource {
    /// "BLS OEWS May 2025".
    pub name: String,
    /// "May 2025".
    pub release: String,
    /// When BLS published it, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// BLS's notice, where the report gives it with the source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<&'static str>,
}

impl WagesSource {
    /// The source of `release`'s figures, without BLS's notice.
    pub fn of(release: &StoredWages) -> WagesSource {
        WagesSource {
            name: release.source_name(),
            release: release.release_name(),
            published: release.manifest.release.published.clone(),
            notice: None,
        }
    }

    /// The same, carrying BLS's notice.
    #[must_use]
    pub fn with_notice(mut self) -> WagesSource {
        self.notice = Some(OEWS_NOTICE);
        self
    }
}

impl std::fmt::Display for WagesSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)
    }
}

/// How a role reaches an OEWS occupation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WageBasis {
    /// The O*NET occupation is the SOC occupation OEWS estimates (`15-2051.00` → `15-2051`).
    SameOccupation,
    /// The O*NET occupation is one of several that the SOC occupation covers
    /// (`15-1299.08` → `15-1299`).
    WithinOccupation,
    /// OEWS publishes the SOC occupation only combined with others, as a detailed occupation
    /// of BLS's own whose figures these are (`21-1014.00` → `21-1018`).
    Combined,
    /// OEWS publishes the SOC occupation only inside a broader group, whose figures these are.
    Aggregate,
    /// The code asked for is a BLS group (`15-1250`, `29-0000`): its own figures.
    BlsGroup,
}

/// An OEWS occupation a role's figures come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WageLink {
    /// The O*NET-SOC code it was reached from (`15-2051.00`); a BLS code asked for directly
    /// (`15-1250`) is `soc` alone.
    #[serde(rename = "code", skip_serializing_if = "super::codes::is_bls_code")]
    pub onet_code: String,
    /// The code BLS publishes the figures under (`15-2051`; `21-1018` for `21-1014.00`).
    pub soc: String,
    pub title: String,
    pub basis: WageBasis,
    /// Why BLS's figures of it are incomplete: an import under `--force` left out rows of its
    /// estimates that could not be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incomplete: Option<String>,
    /// Position in the release's occupations.
    #[serde(skip)]
    pub position: usize,
}

/// A role's O*NET-SOC codes that OEWS has no figures for, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnlinkedCode {
    #[serde(rename = "code")]
    pub onet_code: String,
    pub reason: NoEstimate,
}

/// Why a role, or one of its codes, has no BLS OEWS estimates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum NoEstimate {
    /// The profile links no O*NET-SOC occupation, which estimates are published by.
    NoLinkedOccupation,
    /// The code is not an O*NET-SOC code.
    NotACode { code: String },
    /// The release publishes nothing for the occupation nor for its broad group.
    NotPublished {
        release: String,
        soc: String,
        group: String,
    },
}

/// What a place a user named stands for: a curated city, an OEWS area, or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// The name as asked for.
    pub query: String,
    /// The curated profiles' name of the place ("San Francisco"), when they have one.
    pub curated: Option<String>,
    /// The OEWS area, when the place is one.
    pub area: Option<usize>,
}

impl Store {
    /// Remembers the data directory whose imports (wage estimates, projections) are opened
    /// when first asked for.
    #[must_use]
    pub fn with_imports_dir(mut self, data_dir: Option<&std::path::Path>) -> Store {
        self.imports_dir = data_dir.map(std::path::Path::to_path_buf);
        self
    }

    /// The OEWS release in use: the user's import, else the embedded one, else none. A damaged
    /// import is the dataset container's damaged import: a warning
    /// ([`Store::wages_warning_if_opened`]) and the embedded release answering meanwhile.
    pub fn wages(&self) -> anyhow::Result<Option<&StoredWages>> {
        Ok(self.wages_layer().release.as_ref())
    }

    /// Why the OEWS import in the data directory is not the one answering, when a command has
    /// opened the wages: nothing is read to say it.
    pub fn wages_warning_if_opened(&self) -> Option<&str> {
        match self.wages_fallback.get() {
            Some(fallback) => fallback.warning.as_deref(),
            None => self.wages.get()?.warning.as_deref(),
        }
    }

    /// When `err` is a damaged block of the OEWS import in use (found only when the block was
    /// decoded), applies the damaged-import rule from then on: the embedded release answers,
    /// and the warning names the folder and the fix. True when the command should run again.
    pub fn fall_back_from_damaged_wages(&self, err: &anyhow::Error) -> bool {
        let Some(damaged) = err.downcast_ref::<crate::oews::storage::Damaged>() else {
            return false;
        };
        if self.wages_fallback.get().is_some() {
            return false;
        }
        let embedded = self.embedded;
        let _ = self
            .wages_fallback
            .set(crate::datadir::release::Layered::choose(
                Err(anyhow::anyhow!("{damaged}")),
                || embedded.then(crate::store::embedded::oews).flatten(),
                |s| format!("BLS OEWS {}", s.release_name()),
            ));
        true
    }

    fn wages_layer(&self) -> &crate::datadir::release::Layered<StoredWages> {
        if let Some(fallback) = self.wages_fallback.get() {
            return fallback;
        }
        self.wages.get_or_init(|| {
            let imported = match &self.imports_dir {
                Some(dir) => StoredWages::open(dir),
                None => Ok(None),
            };
            let embedded = self.embedded;
            crate::datadir::release::Layered::choose(
                imported,
                || embedded.then(crate::store::embedded::oews).flatten(),
                |s| format!("BLS OEWS {}", s.release_name()),
            )
        })
    }

    /// The O*NET-SOC codes a role stands for: an occupation's own, a profile's linked ones.
    pub fn onet_codes(entry: &Entry) -> Vec<String> {
        match &entry.profile.onet {
            Some(o) if matches!(entry.origin, Origin::Onet { .. }) => vec![o.code.clone()],
            _ => entry
                .profile
                .codes
                .iter()
                .filter(|c| c.system == crate::model::CodeSystem::OnetSoc)
                .map(|c| c.code.clone())
                .collect(),
        }
    }

    /// The OEWS occupations of a role, and the codes that have none.
    pub fn wage_links(&self, entry: &Entry) -> anyhow::Result<(Vec<WageLink>, Vec<UnlinkedCode>)> {
        let Some(stored) = self.wages()? else {
            return Ok((Vec::new(), Vec::new()));
        };
        let mut links: Vec<WageLink> = Vec::new();
        let mut unlinked = Vec::new();
        for code in Store::onet_codes(entry) {
            match link(self, stored, &code) {
                Ok(l) => {
                    if !links.iter().any(|k| k.position == l.position) {
                        links.push(l);
                    }
                }
                Err(reason) => unlinked.push(UnlinkedCode {
                    onet_code: code,
                    reason,
                }),
            }
        }
        Ok((links, unlinked))
    }

    /// Every estimate of the occupation at `position` (each area and industry).
    pub fn estimates(&self, position: usize) -> anyhow::Result<Vec<AreaEstimate>> {
        match self.wages()? {
            Some(stored) => stored.estimates(position),
            None => Ok(Vec::new()),
        }
    }

    /// The common names of places and the principal cities of every metropolitan area, read
    /// on first use.
    pub(crate) fn place_names(&self) -> &place::PlaceNames {
        self.place_names.get_or_init(|| {
            // The bundled files are checked by their tests: a failure here is a broken build.
            super::bundled::bundled_place_names().unwrap_or_default()
        })
    }

    /// What a common name of a place stands for, in words (`data/place-names.json`).
    pub fn common_place_note(&self, name: &str) -> Option<&str> {
        self.place_names().common_note(name)
    }

    /// What `input` names: a curated city (with the OEWS area its locations entry gives, or
    /// that its name resolves to), else an OEWS area. Unknown and ambiguous names are errors
    /// that list suggestions or readings; so is a name of several areas (`rural Montana`),
    /// which only a list of places takes ([`Store::resolve_place_list`]).
    pub fn resolve_place(
        &self,
        curated: &crate::model::Locations,
        input: &str,
    ) -> Result<Place, CareersError> {
        let mut places = self.resolve_places_in(curated, input)?;
        if places.len() == 1 {
            Ok(places.remove(0))
        } else {
            let areas = self
                .wages()
                .ok()
                .flatten()
                .map_or(&[][..], |s| s.tables.areas.as_slice());
            Err(CareersError::AmbiguousPlace {
                query: input.to_owned(),
                readings: places
                    .iter()
                    .filter_map(|p| p.area)
                    .map(|i| format!("{} ({})", areas[i].name, areas[i].code))
                    .collect(),
            })
        }
    }

    /// The places of `--city` values: each may hold several, separated by commas (`CA,TX`,
    /// `Boston,US`, `Austin,SF`). A part that is only postal codes (`OR`, `OR-WA`) belongs to the
    /// place before it when the two name one area ("Portland, OR"), and stands alone otherwise.
    /// A name of several areas (`rural Montana`) takes them all.
    pub fn resolve_place_list(
        &self,
        curated: &crate::model::Locations,
        values: &[String],
    ) -> Result<Vec<Place>, CareersError> {
        let mut out = Vec::new();
        for value in values {
            let parts: Vec<&str> = value
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            let mut i = 0;
            while i < parts.len() {
                let mut text = parts[i].to_owned();
                i += 1;
                while i < parts.len() && place::is_postal_group(parts[i]) {
                    let joined = format!("{text}, {}", parts[i]);
                    match self.resolve_places_in(curated, &joined) {
                        Ok(one) if one.len() == 1 => {
                            text = joined;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.extend(self.resolve_places_in(curated, &text)?);
            }
        }
        Ok(out)
    }

    /// Every place `input` names: one, or the areas of a group.
    fn resolve_places_in(
        &self,
        curated: &crate::model::Locations,
        input: &str,
    ) -> Result<Vec<Place>, CareersError> {
        let stored = self.wages().ok().flatten();
        let areas: &[Area] = stored.map_or(&[], |s| s.tables.areas.as_slice());
        let Some(_) = stored else {
            // Only the curated cities are known: the curated list is the answer and the error.
            let pairs: Vec<(&str, &str)> = curated
                .all()
                .iter()
                .flat_map(|l| {
                    std::iter::once((l.name.as_str(), l.name.as_str()))
                        .chain(l.aliases.iter().map(|a| (a.as_str(), l.name.as_str())))
                })
                .collect();
            let name = crate::error::resolve_choice("city", input, &pairs)?;
            return Ok(vec![Place {
                query: input.to_owned(),
                curated: Some(name),
                area: None,
            }]);
        };
        let names = || self.place_names();
        if let Some(location) = curated.resolve(input) {
            let area = location
                .area
                .as_deref()
                .and_then(|code| areas.iter().position(|a| a.code == code))
                .or_else(|| match place::resolve(areas, &location.name, names) {
                    PlaceMatch::One(i) => Some(i),
                    _ => None,
                });
            return Ok(vec![Place {
                query: input.to_owned(),
                curated: Some(location.name.clone()),
                area,
            }]);
        }
        let place = |i: usize| Place {
            query: input.to_owned(),
            curated: None,
            area: Some(i),
        };
        match place::resolve(areas, input, names) {
            PlaceMatch::One(i) => Ok(vec![place(i)]),
            PlaceMatch::Several(all) => Ok(all.into_iter().map(place).collect()),
            PlaceMatch::Ambiguous(readings) => Err(CareersError::AmbiguousPlace {
                query: input.to_owned(),
                readings: readings
                    .iter()
                    .map(|&i| format!("{} ({})", areas[i].name, areas[i].code))
                    .collect(),
            }),
            PlaceMatch::None => {
                let mut names: Vec<String> = curated.names().map(str::to_owned).collect();
                names.extend(place::suggestion_names(areas, self.place_names()));
                let keyed: Vec<String> = names.iter().map(|n| crate::model::slugify(n)).collect();
                let mut suggestions: Vec<String> = Vec::new();
                for key in suggest(
                    &crate::model::slugify(input),
                    keyed.iter().map(String::as_str),
                ) {
                    if let Some(i) = keyed.iter().position(|k| *k == key) {
                        let name = title_case(&names[i]);
                        let slug = crate::model::slugify(&name);
                        if !suggestions.iter().any(|s| crate::model::slugify(s) == slug) {
                            suggestions.push(name);
                        }
                    }
                }
                Err(CareersError::UnknownPlace {
                    query: input.to_owned(),
                    suggestions,
                })
            }
        }
    }
}

/// How `careers places` read its query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlacesFound {
    /// No query: every area.
    All,
    /// A state: it and its areas.
    State,
    /// One area.
    Place,
    /// The areas a name stands for as a group (a state's nonmetropolitan areas).
    Group,
    /// The readings of an ambiguous name.
    Readings,
    /// The areas whose names hold the query's words.
    NameHolds,
}

/// What kind of area a place is, as people say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlaceKind {
    Nation,
    State,
    Metropolitan,
    Nonmetropolitan,
}

impl PlaceKind {
    pub fn of(area: &Area) -> PlaceKind {
        match area.kind {
            AreaKind::National => PlaceKind::Nation,
            AreaKind::State => PlaceKind::State,
            AreaKind::Metro if place::is_nonmetro(area) => PlaceKind::Nonmetropolitan,
            AreaKind::Metro => PlaceKind::Metropolitan,
        }
    }
}

impl Store {
    /// The areas `query` stands for, for `careers places`: every area without one; a state and
    /// its areas; the area or areas a place name names; else the areas whose names hold its
    /// words. Positions in the release's areas, in its order. An unknown name is an error with
    /// suggestions.
    pub fn find_places(
        &self,
        curated: &crate::model::Locations,
        query: Option<&str>,
    ) -> anyhow::Result<(PlacesFound, Vec<usize>)> {
        let Some(stored) = self.wages()? else {
            return Ok((PlacesFound::All, Vec::new()));
        };
        let areas = &stored.tables.areas;
        let Some(query) = query else {
            return Ok((PlacesFound::All, (0..areas.len()).collect()));
        };
        let curated_area = curated.resolve(query).and_then(|l| {
            l.area
                .as_deref()
                .and_then(|code| areas.iter().position(|a| a.code == code))
                .or_else(
                    || match place::resolve(areas, &l.name, || self.place_names()) {
                        PlaceMatch::One(i) => Some(i),
                        _ => None,
                    },
                )
        });
        let found = match curated_area {
            Some(i) => PlaceMatch::One(i),
            None => place::resolve(areas, query, || self.place_names()),
        };
        Ok(match found {
            PlaceMatch::One(i) if areas[i].kind == AreaKind::State => {
                let state = &areas[i];
                let postal = place::postal_of(&state.state_code).unwrap_or_default();
                let within: Vec<usize> = (0..areas.len())
                    .filter(|&j| {
                        let a = &areas[j];
                        j == i
                            || (a.kind == AreaKind::Metro
                                && (a.state_code == state.state_code
                                    || a.name.rsplit_once(", ").is_some_and(|(_, states)| {
                                        states.split('-').any(|s| s == postal)
                                    })))
                    })
                    .collect();
                (PlacesFound::State, within)
            }
            PlaceMatch::One(i) => (PlacesFound::Place, vec![i]),
            PlaceMatch::Several(all) => (PlacesFound::Group, all),
            PlaceMatch::Ambiguous(readings) => (PlacesFound::Readings, readings),
            PlaceMatch::None => {
                let words = place::normalize(query);
                let holding: Vec<usize> = (0..areas.len())
                    .filter(|&j| {
                        let name = format!(" {} ", place::normalize(&areas[j].name));
                        !words.is_empty() && name.contains(&format!(" {words} "))
                    })
                    .collect();
                if holding.is_empty() {
                    // The unknown-place error, with its suggestions.
                    self.resolve_place(curated, query)?;
                }
                (PlacesFound::NameHolds, holding)
            }
        })
    }
}

/// "seattle" → "Seattle", for suggestions drawn from normalised names.
fn title_case(name: &str) -> String {
    if name.chars().any(char::is_uppercase) {
        return name.to_owned();
    }
    name.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) if w.len() > 2 => f.to_uppercase().chain(c).collect(),
                _ => w.to_uppercase(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The OEWS occupation for an O*NET-SOC code: the most detailed one BLS publishes for it
/// ([`super::bls_codes`]): the same SOC occupation, else the combined occupation it is in, else
/// the broad group that contains it. A BLS group's own code (`15-1250`) reaches the group.
fn link(store: &Store, stored: &StoredWages, onet_code: &str) -> Result<WageLink, NoEstimate> {
    let digits: String = onet_code
        .chars()
        .take_while(|c| *c != '.')
        .filter(char::is_ascii_digit)
        .collect();
    if digits.len() != 6 {
        return Err(NoEstimate::NotACode {
            code: onet_code.to_owned(),
        });
    }
    let suffix = onet_code.split_once('.').map_or("00", |(_, s)| s);
    let found = |code: &str| stored.occupation(code);
    let make = |position: usize, basis| {
        let o: &WageOccupation = &stored.tables.occupations[position];
        WageLink {
            onet_code: onet_code.to_owned(),
            soc: o.soc(),
            title: o.name.to_string(),
            basis,
            incomplete: stored.incomplete(position).map(str::to_owned),
            position,
        }
    };
    let soc = crate::model::wages::soc_with_hyphen(&digits);
    if let Some((code, reach)) = store.bls_code(&soc, &Occupations(stored)) {
        let p = found(&code.replace('-', "")).expect("a code the release publishes");
        let basis = match reach {
            Reach::Group => WageBasis::BlsGroup,
            Reach::Detailed if suffix == "00" => WageBasis::SameOccupation,
            Reach::Detailed => WageBasis::WithinOccupation,
            Reach::Combined => WageBasis::Combined,
            Reach::Broad => WageBasis::Aggregate,
        };
        return Ok(make(p, basis));
    }
    let broad = format!("{}0", &digits[..5]);
    Err(NoEstimate::NotPublished {
        release: format!("BLS OEWS {}", stored.release_name()),
        soc: crate::model::wages::soc_with_hyphen(&digits),
        group: crate::model::wages::soc_with_hyphen(&broad),
    })
}

/// The occupations of an OEWS release, as [`super::bls_codes`] asks them.
struct Occupations<'a>(&'a StoredWages);

impl Publishes for Occupations<'_> {
    fn detailed(&self, soc: &str) -> bool {
        self.0
            .occupation(&soc.replace('-', ""))
            .is_some_and(|p| self.0.tables.occupations[p].level >= 3)
    }

    fn group(&self, soc: &str) -> bool {
        self.0.occupation(&soc.replace('-', "")).is_some()
    }
}

/// The areas of a kind, for `where`.
pub fn areas_of_kind(stored: &StoredWages, kind: AreaKind) -> Vec<usize> {
    stored
        .tables
        .areas
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == kind)
        .map(|(i, _)| i)
        .collect()
}

/// An area as figures name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AreaRef {
    pub code: String,
    pub name: String,
    pub kind: AreaKind,
}

/// An industry as figures name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndustryRef {
    pub code: String,
    pub name: String,
}

/// One published figure of an estimate, or BLS's reason for none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WageFigure {
    pub measure: Measure,
    /// BLS's datatype code and name.
    pub datatype: &'static str,
    pub name: &'static str,
    #[serde(flatten)]
    pub value: FigureValue,
    /// A wage (or, for `at-least`, its lower bound) in U.S.-average prices: divided by the
    /// area's RPP/100. Absent for counts and ratios, for the nation, and where BEA publishes no
    /// price level.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_number_or_none"
    )]
    pub in_us_prices: Option<f64>,
}

/// What BLS publishes for a figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum FigureValue {
    Published {
        #[serde(serialize_with = "whole_number")]
        value: f64,
    },
    /// Footnote 5: at least this much (BLS's top-coding threshold); not a figure.
    AtLeast {
        #[serde(serialize_with = "whole_number_or_none")]
        at_least: Option<f64>,
        footnote: Footnote,
    },
    /// Footnote 8, or footnote 4, or `-` without a footnote this tool knows.
    NotPublished { footnote: Option<Footnote> },
}

/// The largest whole number an `f64` holds exactly, past which a figure keeps its float form.
const EXACT: f64 = 9_007_199_254_740_992.0;

/// Writes a figure without a fraction as a JSON integer (`87350`, not `87350.0`): employment
/// and whole-dollar wages are integers; hourly wages, percentages and ratios keep their
/// decimals (`26.13`).
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's serialize_with passes a reference"
)]
fn whole_number<S: serde::Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() <= EXACT {
        // Whole and within the exact range: the conversion loses nothing.
        s.serialize_i64(*value as i64)
    } else {
        s.serialize_f64(*value)
    }
}

/// [`whole_number`] of a figure that may be absent (`null`).
#[allow(
    clippy::ref_option,
    reason = "serde's serialize_with passes a reference"
)]
fn whole_number_or_none<S: serde::Serializer>(
    value: &Option<f64>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => whole_number(v, s),
        None => s.serialize_none(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Footnote {
    pub code: &'static str,
    pub text: Option<String>,
}

/// An occupation's estimate in one area and industry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceEstimate {
    pub area: AreaRef,
    pub industry: IndustryRef,
    pub figures: Vec<WageFigure>,
    /// Where the reader's pay falls among the annual percentiles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub my_pay: Option<crate::model::wages::PercentilePlacement>,
    /// The area's price levels (BEA's RPPs), which its wages in U.S.-average prices divide by;
    /// absent for the nation and without a release of the RPPs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prices: Option<super::prices::PriceFacts>,
    #[serde(skip)]
    pub estimate: Estimate,
}

impl PlaceEstimate {
    pub fn figure(&self, measure: Measure) -> Option<&WageFigure> {
        self.figures.iter().find(|f| f.measure == measure)
    }
}

/// An occupation's estimates at the places asked for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OccupationWages {
    pub occupation: WageLink,
    pub estimates: Vec<PlaceEstimate>,
    /// Places asked for where BLS publishes no estimate of the occupation.
    pub not_estimated_in: Vec<AreaRef>,
}

/// The order figures are listed and shown in.
pub const SHOWN: [Measure; 17] = Measure::ORDERED;

impl StoredWages {
    pub fn area_ref(&self, position: usize) -> AreaRef {
        let a = &self.tables.areas[position];
        AreaRef {
            code: a.code.to_string(),
            name: a.name.to_string(),
            kind: a.kind,
        }
    }

    pub fn industry_ref(&self, position: usize) -> IndustryRef {
        let i = &self.tables.industries[position];
        IndustryRef {
            code: i.code.to_string(),
            name: i.name.to_string(),
        }
    }

    /// BLS's top-coding threshold for a unit, read from footnote 5's own words ("$115.00 per
    /// hour or $239,200 per year"); `None` when the release does not state it.
    pub fn top_code(&self, unit: Unit) -> Option<f64> {
        let text = self.footnote("5")?;
        let wanted = match unit {
            Unit::HourlyDollars => "per hour",
            Unit::AnnualDollars => "per year",
            _ => return None,
        };
        text.split('$').skip(1).find_map(|part| {
            let amount: String = part
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
                .collect();
            let rest = &part[amount.len()..];
            rest.trim_start()
                .starts_with(wanted)
                .then(|| amount.trim_end_matches('.').replace(',', "").parse().ok())
                .flatten()
        })
    }

    fn footnote_of(&self, code: &'static str) -> Footnote {
        Footnote {
            code,
            text: self.footnote(code).map(str::to_owned),
        }
    }

    /// The figures of an estimate, in [`SHOWN`] order, leaving out measures with no series.
    pub fn figures(&self, estimate: &Estimate) -> Vec<WageFigure> {
        SHOWN
            .iter()
            .filter_map(|&m| {
                let value = match estimate.get(m)? {
                    Value::Number(n) => FigureValue::Published {
                        value: n as f64 / 10f64.powi(m.decimals() as i32),
                    },
                    Value::AtLeast => FigureValue::AtLeast {
                        at_least: self.top_code(m.unit()),
                        footnote: self.footnote_of("5"),
                    },
                    v => FigureValue::NotPublished {
                        footnote: v.footnote().map(|c| self.footnote_of(c)),
                    },
                };
                Some(WageFigure {
                    measure: m,
                    datatype: m.code(),
                    name: m.name(),
                    value,
                    in_us_prices: None,
                })
            })
            .collect()
    }

    pub fn place_estimate(&self, e: AreaEstimate, my_pay: Option<u64>) -> PlaceEstimate {
        PlaceEstimate {
            area: self.area_ref(e.area),
            industry: self.industry_ref(e.industry),
            figures: self.figures(&e.estimate),
            my_pay: my_pay
                .and_then(|pay| crate::model::wages::place_in_percentiles(&e.estimate, pay)),
            prices: None,
            estimate: e.estimate,
        }
    }
}

impl Store {
    /// Adds the area's price levels to an estimate, and each wage in U.S.-average prices; the
    /// nation's prices are the average by definition, and are not added.
    pub fn add_prices(&self, e: &mut PlaceEstimate) {
        if e.area.kind == AreaKind::National {
            return;
        }
        let Some(prices) = self.area_prices(&e.area.code, e.area.kind) else {
            return;
        };
        if let Some(parity) = prices.parity() {
            for f in &mut e.figures {
                let unit = f.measure.unit();
                if !matches!(unit, Unit::AnnualDollars | Unit::HourlyDollars) {
                    continue;
                }
                let scale = 10f64.powi(f.measure.decimals() as i32);
                let amount = match (&f.value, e.estimate.get(f.measure)) {
                    (FigureValue::Published { .. }, Some(Value::Number(n))) => n,
                    (
                        FigureValue::AtLeast {
                            at_least: Some(v), ..
                        },
                        _,
                    ) => (v * scale).round() as u64,
                    _ => continue,
                };
                let real = crate::model::prices::in_us_prices(amount, parity);
                f.in_us_prices = Some(real as f64 / scale);
            }
        }
        e.prices = Some(prices);
    }
}

impl Store {
    /// The estimates of each of a role's OEWS occupations at `areas` (positions; the nation when
    /// empty), in `industry` (a position; cross-industry when `None`).
    pub fn official_wages(
        &self,
        links: &[WageLink],
        areas: &[usize],
        industry: Option<usize>,
        my_pay: Option<u64>,
    ) -> anyhow::Result<Vec<OccupationWages>> {
        let Some(stored) = self.wages()? else {
            return Ok(Vec::new());
        };
        let national: Vec<usize> = areas_of_kind(stored, AreaKind::National);
        let areas = if areas.is_empty() { &national } else { areas };
        let industry = industry.or_else(|| stored.cross_industry());
        let mut out = Vec::new();
        for link in links {
            let all = stored.estimates_where(link.position, |a, i| {
                areas.contains(&a) && Some(i) == industry
            })?;
            let mut estimates = Vec::new();
            let mut not_estimated_in = Vec::new();
            for &area in areas {
                match all
                    .iter()
                    .find(|e| e.area == area && Some(e.industry) == industry)
                {
                    Some(e) => {
                        let mut estimate = stored.place_estimate(e.clone(), my_pay);
                        self.add_prices(&mut estimate);
                        estimates.push(estimate);
                    }
                    None => not_estimated_in.push(stored.area_ref(area)),
                }
            }
            out.push(OccupationWages {
                occupation: link.clone(),
                estimates,
                not_estimated_in,
            });
        }
        Ok(out)
    }
}

/// An occupation's cross-industry median annual wage at one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OccupationMedian {
    /// Position in the release's occupations.
    pub position: usize,
    /// The median in whole dollars ([`Value::Number`]), else BLS's reason for none:
    /// [`Value::AtLeast`] when it is top-coded (at least BLS's threshold, [`StoredWages::top_code`]),
    /// any other when BLS does not publish it.
    pub median: Value,
}

impl Store {
    /// Every occupation's median annual wage (cross-industry) at `area` (a position; the nation
    /// when `None`): the figure, or whether it is top-coded or not published, in the release's
    /// occupation order. Occupations BLS does not estimate there are not listed. It reads the
    /// per-area table written at import, one small block, never the occupations' estimates:
    /// what rankings within a place, and searches over every occupation, ask. Empty without a
    /// release of OEWS.
    pub fn area_medians(&self, area: Option<usize>) -> anyhow::Result<Vec<OccupationMedian>> {
        let Some(stored) = self.wages()? else {
            return Ok(Vec::new());
        };
        let Some(area) =
            area.or_else(|| areas_of_kind(stored, AreaKind::National).first().copied())
        else {
            return Ok(Vec::new());
        };
        Ok(stored
            .area_medians(area)?
            .into_iter()
            .map(|(position, median)| OccupationMedian { position, median })
            .collect())
    }
}

/// A role's median wage and employment for one linked occupation at one place: what `compare`
/// and `gap` set beside the curated figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeadlineWage {
    pub occupation: WageLink,
    pub area: AreaRef,
    pub median: Option<WageFigure>,
    pub employment: Option<WageFigure>,
    /// The area's price levels, which the median in U.S.-average prices divides by.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prices: Option<super::prices::PriceFacts>,
}

impl HeadlineWage {
    /// The median as a whole number of dollars, when BLS publishes one.
    pub fn median_dollars(&self) -> Option<u64> {
        match self.median.as_ref().map(|f| &f.value) {
            Some(FigureValue::Published { value }) => Some(value.round() as u64),
            _ => None,
        }
    }
}

impl Store {
    /// The BLS OEWS median and employment of each of a role's occupations at `area` (a
    /// position; the nation when `None`), cross-industry. Empty without OEWS or links.
    pub fn headline_wages(
        &self,
        entry: &Entry,
        area: Option<usize>,
    ) -> anyhow::Result<Vec<HeadlineWage>> {
        let (links, _) = self.wage_links(entry)?;
        self.headline_wages_of(&links, area)
    }

    /// The same for occupations already linked ([`Store::wage_links`]).
    pub fn headline_wages_of(
        &self,
        links: &[WageLink],
        area: Option<usize>,
    ) -> anyhow::Result<Vec<HeadlineWage>> {
        let areas: Vec<usize> = area.into_iter().collect();
        Ok(self
            .official_wages(links, &areas, None, None)?
            .into_iter()
            .flat_map(|w| {
                let occupation = w.occupation;
                w.estimates.into_iter().map(move |e| HeadlineWage {
                    occupation: occupation.clone(),
                    median: e.figure(Measure::AnnualMedian).cloned(),
                    employment: e.figure(Measure::Employment).cloned(),
                    prices: e.prices,
                    area: e.area,
                })
            })
            .collect())
    }
}
