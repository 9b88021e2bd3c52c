//! The typed data model and its invariants. No I/O and no printing here: the store reads
//! files, the renderers print.

pub(crate) mod credits;
pub(crate) mod fit;
pub(crate) mod interests;
pub(crate) mod location;
pub(crate) mod market;
pub(crate) mod onet;
pub(crate) mod pay;
pub(crate) mod place;
pub(crate) mod prices;
pub(crate) mod profile;
pub(crate) mod projection;
pub(crate) mod ratings;
pub(crate) mod reliability;
pub(crate) mod salary;
pub(crate) mod search;
pub(crate) mod skillset;
pub(crate) mod vocabulary;
pub(crate) mod wages;

pub(crate) use location::{Locations, LocationsFile};
pub(crate) use market::{Figure, FigureKind, InDemandGroup, Quantity};
pub(crate) use onet::OnetDetails;
pub(crate) use profile::*;
pub(crate) use salary::{
    CompanyType, Dimension, ExperienceLevel, FigureKey, GrowthLever, Pay, PayMeasure, Salary,
    SalaryFigure, Statistic,
};
pub(crate) use vocabulary::{Vocabulary, VocabularyFile};

/// A broken invariant, located by the JSON path of the offending field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// When a release of an official dataset was published, from a list in the shape of
/// `data/oews-releases.json` and `data/onet-releases.json`: the datasets' own files name their
/// release (`2025A01`, `29.2`) but not its date. `None` for a release the list does not know.
pub(crate) fn published(list: &str, release: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Releases {
        releases: Vec<Known>,
    }
    #[derive(serde::Deserialize)]
    #[allow(
        dead_code,
        reason = "the file names each release and its source; the tool reads the date"
    )]
    struct Known {
        release: String,
        name: String,
        published: String,
        source: String,
    }
    let known: Releases = serde_json::from_str(list).ok()?;
    known
        .releases
        .into_iter()
        .find(|r| r.release == release)
        .map(|r| r.published)
}

/// Whether `id` is a lowercase slug: ASCII letters and digits in words joined by single hyphens.
pub(crate) fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// An index from every name and alias of a list of named things (skills, places) to its
/// position, under `key`; a name or alias claimed by two of them, or an empty one, is an error
/// that names the list (`what`), the position and the name.
pub(crate) fn name_index<'a>(
    what: &str,
    items: impl IntoIterator<Item = (&'a str, &'a [String])>,
    key: fn(&str) -> String,
) -> Result<std::collections::HashMap<String, usize>, String> {
    let mut index = std::collections::HashMap::new();
    let mut canonical: Vec<&str> = Vec::new();
    for (i, (name, aliases)) in items.into_iter().enumerate() {
        canonical.push(name);
        for alias in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
            let k = key(alias);
            if k.is_empty() {
                return Err(format!("{what}[{i}]: an empty name or alias"));
            }
            if let Some(&other) = index.get(&k)
                && other != i
            {
                return Err(format!(
                    "{what}[{i}]: \"{alias}\" already names {}",
                    canonical[other]
                ));
            }
            index.insert(k, i);
        }
    }
    Ok(index)
}

/// Whether `name` is a device name that some systems reserve (`con`, `nul`, `com1`, ...), which
/// must not become a file name.
pub(crate) fn is_reserved_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    matches!(lower.as_str(), "con" | "prn" | "aux" | "nul")
        || ((lower.starts_with("com") || lower.starts_with("lpt"))
            && lower.len() == 4
            && lower.as_bytes()[3].is_ascii_digit())
}

/// A lowercase word in the singular, without allocating: the stem and whether a "y" ends it
/// ("secretaries" is "secretar" + "y", "nurses" is "nurse", "analysis" stays). Role names and
/// search fold words with it, on both sides, so a rule wrong for a word still folds it alike.
pub(crate) fn singular(word: &str) -> (&str, bool) {
    let n = word.len();
    if n > 4 && word.ends_with("ies") {
        (&word[..n - 3], true)
    } else if n > 4
        && ["sses", "shes", "ches", "xes", "zes"]
            .iter()
            .any(|e| word.ends_with(e))
    {
        (&word[..n - 2], false)
    } else if n > 3 && word.ends_with('s') && !["ss", "us", "is"].iter().any(|e| word.ends_with(e))
    {
        (&word[..n - 1], false)
    } else {
        (word, false)
    }
}

/// A word as search compares it: lowercase already, put in the singular ("secretaries" is
/// "secretary", "nurses" is "nurse").
pub(crate) fn fold_word(word: &str) -> std::borrow::Cow<'_, str> {
    match singular(word) {
        (base, true) => format!("{base}y").into(),
        (base, false) => base.into(),
    }
}

/// The words of a text as search compares them, in order: split at every character that is
/// not a letter or digit, lowercase, folded by [`fold_word`].
pub(crate) fn search_words(text: &str) -> impl Iterator<Item = String> + '_ {
    let lower = if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        text.chars().flat_map(char::to_lowercase).collect()
    };
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| fold_word(w).into_owned())
        .collect::<Vec<_>>()
        .into_iter()
}

/// Turns a title into a slug: "Data Engineer" -> "data-engineer".
pub(crate) fn slugify(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for ch in title.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

const YEARS: std::ops::RangeInclusive<u16> = 1900..=2100;

/// Yearly pay in whole dollars that a figure may state; anything outside is a typo.
const PLAUSIBLE_PAY: std::ops::RangeInclusive<u64> = 1..=100_000_000;

impl Profile {
    /// Checks the invariants one profile must hold on its own. Checks across profiles (unique
    /// ids and aliases, resolving references) belong to the store.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut add = |path: String, message: String| out.push(Problem { path, message });
        if !is_slug(&self.id) {
            add(
                "id".into(),
                format!(
                    "\"{}\" is not a lowercase slug (letters a-z, digits and single hyphens, e.g. \"{}\")",
                    self.id,
                    slugify(&self.id)
                ),
            );
        }
        if self.title.trim().is_empty() {
            add("title".into(), "must not be empty".into());
        }
        if self.summary.trim().is_empty() {
            add("summary".into(), "must not be empty".into());
        }
        for (i, alias) in self.aliases.iter().enumerate() {
            if alias.trim().is_empty() {
                add(format!("aliases[{i}]"), "must not be empty".into());
            }
        }
        let mut seen = std::collections::HashSet::new();
        for (i, skill) in self.skills.iter().enumerate() {
            if skill.name.trim().is_empty() {
                add(format!("skills[{i}].name"), "must not be empty".into());
            } else if !seen.insert(vocabulary::normalize(&skill.name)) {
                add(
                    format!("skills[{i}].name"),
                    format!("\"{}\" is listed twice", skill.name),
                );
            }
        }
        if let Some(req) = &self.requirements {
            for (i, exp) in req.experience.iter().enumerate() {
                if let Some(YearSpan {
                    min,
                    max: Some(max),
                    ..
                }) = exp.years
                    && min > max
                {
                    add(
                        format!("requirements.experience[{i}].years"),
                        format!("min ({min}) is greater than max ({max})"),
                    );
                }
            }
        }
        if let Some(market) = &self.market {
            for (i, figure) in market.figures.iter().enumerate() {
                check_quantity(
                    &figure.value,
                    figure.kind,
                    &format!("market.figures[{i}].value"),
                    &mut add,
                );
            }
        }
        for (i, trend) in self.trends.iter().enumerate() {
            if let Some(figure) = &trend.figure {
                check_quantity(
                    &figure.value,
                    figure.kind,
                    &format!("trends[{i}].figure.value"),
                    &mut add,
                );
            }
        }
        if let Some(salary) = &self.salary {
            for (i, fig) in salary.figures.iter().enumerate() {
                let at = format!("salary.figures[{i}]");
                for amount in fig.pay.amounts() {
                    if !PLAUSIBLE_PAY.contains(&amount) {
                        add(
                            format!("{at}.pay"),
                            format!(
                                "{} is not a plausible yearly pay figure (expected $1 to $100,000,000)",
                                salary::dollars(amount)
                            ),
                        );
                    }
                }
                if let Pay::Range { low, high, .. } = fig.pay
                    && low > high
                {
                    add(
                        format!("{at}.pay"),
                        format!("low ({low}) is greater than high ({high})"),
                    );
                }
                if let Some(year) = fig.year
                    && !YEARS.contains(&year)
                {
                    add(
                        format!("{at}.year"),
                        format!("{year} is not a plausible year"),
                    );
                }
                let missing = match fig.dimension {
                    Dimension::Location if fig.location.is_none() => Some("location"),
                    Dimension::Experience if fig.experience.is_none() => Some("experience"),
                    Dimension::Company if fig.company.is_none() => Some("company"),
                    Dimension::Industry if fig.industry.is_none() => Some("industry"),
                    _ => None,
                };
                if let Some(field) = missing {
                    add(
                        format!("{at}.{field}"),
                        format!("a figure with dimension \"{field}\" must name its {field}"),
                    );
                }
            }
            for (i, lever) in salary.growth.iter().enumerate() {
                if let Some(span) = lever.change
                    && span.low > span.high
                {
                    add(
                        format!("salary.growth[{i}].change"),
                        format!("low ({}) is greater than high ({})", span.low, span.high),
                    );
                }
            }
        }
        out
    }

    /// Every reference to another profile, with its JSON path.
    pub fn profile_refs(&self) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        for (i, d) in self.differences.iter().enumerate() {
            if let Some(p) = &d.profile {
                out.push((format!("differences[{i}].profile"), p.as_str()));
            }
        }
        if let Some(career) = &self.career {
            for (i, stage) in career.progression.iter().enumerate() {
                for (j, role) in stage.roles.iter().enumerate() {
                    if let Some(p) = &role.profile {
                        out.push((
                            format!("career.progression[{i}].roles[{j}].profile"),
                            p.as_str(),
                        ));
                    }
                }
            }
            for (name, links) in [
                ("paths", &career.paths),
                ("related_roles", &career.related_roles),
            ] {
                for (i, role) in links.iter().enumerate() {
                    if let Some(p) = &role.profile {
                        out.push((format!("career.{name}[{i}].profile"), p.as_str()));
                    }
                }
            }
        }
        if let Some(market) = &self.market {
            for (i, role) in market.opportunities.iter().enumerate() {
                if let Some(p) = &role.profile {
                    out.push((format!("market.opportunities[{i}].profile"), p.as_str()));
                }
            }
        }
        out
    }

    /// Which kinds of data the profile holds, for `careers list`.
    pub fn data_kinds(&self) -> Vec<&'static str> {
        let mut kinds = Vec::new();
        if !self.responsibilities.is_empty() {
            kinds.push("responsibilities");
        }
        if self.requirements.is_some() {
            kinds.push("requirements");
        }
        if !self.skills.is_empty() {
            kinds.push("skills");
        }
        if self.career.is_some() {
            kinds.push("career");
        }
        if self.market.is_some() {
            kinds.push("market");
        }
        if self.salary.as_ref().is_some_and(|s| !s.figures.is_empty()) {
            kinds.push("salary");
        }
        if !self.trends.is_empty() {
            kinds.push("trends");
        }
        if self.onet.is_some() {
            kinds.push("onet");
        }
        kinds
    }
}

fn check_quantity(
    value: &Quantity,
    kind: FigureKind,
    path: &str,
    add: &mut impl FnMut(String, String),
) {
    let (v, unit) = match *value {
        Quantity::Percent { value } => (value, "%"),
        Quantity::UsdBillions { value } => (value, " billion"),
    };
    if !v.is_finite() {
        add(path.into(), "must be a finite number".into());
    } else if unit == "%" && kind == FigureKind::Adoption && !(0.0..=100.0).contains(&v) {
        add(
            path.into(),
            format!("{v}% is out of range: a share must lie between 0 and 100"),
        );
    } else if unit == "%" && v < -100.0 {
        add(
            path.into(),
            format!("{v}% is out of range: a fall cannot exceed 100%"),
        );
    } else if unit != "%" && v < 0.0 {
        add(path.into(), format!("{v}{unit} must not be negative"));
    }
}

/// The key a role name is looked up by: case, spaces, hyphens and punctuation do not matter.
pub(crate) fn role_key(name: &str) -> String {
    // Ids are slugs already, and a thousand of them are keyed on every run. The bytes are
    // checked without branching, which the compiler vectorizes: a title may be long.
    let b = name.as_bytes();
    #[allow(
        clippy::needless_bitwise_bool,
        reason = "branchless, so that it vectorizes"
    )]
    let slug = !b.is_empty()
        && b[0] != b'-'
        && b[b.len() - 1] != b'-'
        && b.iter().fold(true, |ok, &c| {
            ok & (c.is_ascii_lowercase() | c.is_ascii_digit() | (c == b'-'))
        })
        && !name.contains("--");
    if slug { name.to_owned() } else { slugify(name) }
}

/// [`role_key`] with each word in its singular form ([`singular`]), so that
/// "registered nurse", "Registered Nurses" and "registered-nurses" are one key. Only for names
/// that miss as typed.
pub(crate) fn singular_key(name: &str) -> String {
    let key = role_key(name);
    let mut out = String::with_capacity(key.len());
    for word in key.split('-') {
        if !out.is_empty() {
            out.push('-');
        }
        let (stem, y) = singular(word);
        out.push_str(stem);
        if y {
            out.push('y');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("ml-engineer"));
        assert!(is_slug("data2"));
        assert!(!is_slug("ML-engineer"));
        assert!(!is_slug("ml--engineer"));
        assert!(!is_slug("-ml"));
        assert!(!is_slug("../../x"));
        assert!(!is_slug(""));
        assert_eq!(slugify("Data Engineer"), "data-engineer");
        assert_eq!(slugify("  C++ / Rust!  "), "c-rust");
    }

    fn minimal() -> Profile {
        serde_json::from_str(r#"{"id":"x","title":"X","summary":"An x."}"#).unwrap()
    }

    #[test]
    fn a_minimal_profile_holds_every_invariant() {
        assert!(minimal().problems().is_empty());
        assert!(minimal().data_kinds().is_empty());
    }

    #[test]
    fn low_above_high_is_a_problem() {
        let mut p = minimal();
        p.salary = Some(Salary {
            figures: vec![SalaryFigure {
                dimension: Dimension::Overall,
                label: "All".into(),
                group: None,
                location: None,
                experience: None,
                years: None,
                company: None,
                industry: None,
                pay: Pay::Range {
                    low: 10,
                    high: 5,
                    open_high: false,
                },
                statistic: None,
                measure: PayMeasure::Salary,
                year: Some(2024),
                note: None,
                source: None,
            }],
            ..Salary::default()
        });
        assert_eq!(
            p.problems(),
            vec![Problem {
                path: "salary.figures[0].pay".into(),
                message: "low (10) is greater than high (5)".into()
            }]
        );
    }

    #[test]
    fn a_share_above_100_percent_is_a_problem() {
        let mut p = minimal();
        p.trends.push(Trend {
            name: "T".into(),
            summary: "S".into(),
            figure: Some(Figure {
                metric: "share".into(),
                value: Quantity::Percent { value: 170.0 },
                period: None,
                reported_by: None,
                kind: FigureKind::Adoption,
                source: None,
            }),
        });
        assert_eq!(
            p.problems()[0].to_string(),
            "trends[0].figure.value: 170% is out of range: a share must lie between 0 and 100"
        );
    }
}
