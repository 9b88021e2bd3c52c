//! Errors a caller branches on. Each message names what was wrong and what would be right.

/// An error with a stable exit code.
#[derive(Debug, thiserror::Error)]
pub enum CareersError {
    #[error("unknown role \"{query}\"{}; `careers search WORDS` finds a role by the words of its title, tasks or skills{}", did_you_mean(.suggestions), onet_hint(*.onet))]
    UnknownRole {
        query: String,
        suggestions: Vec<String>,
        /// Whether importing O*NET could answer: no import is loaded and the name is an
        /// O*NET-SOC code or near nothing the store knows.
        onet: OnetHint,
    },
    #[error("no O*NET occupation, nor BLS occupation or group, has the code \"{code}\"{}; `careers search WORDS` finds a role by its words", did_you_mean(.suggestions))]
    UnknownCode {
        code: String,
        /// The nearest codes BLS publishes, each as "code (title)".
        suggestions: Vec<String>,
    },
    #[error("\"{query}\" names {} roles: {}; name one by its id or code", .candidates.len(), first_candidates(.candidates))]
    AmbiguousRole {
        query: String,
        /// Each candidate as "id (code, why it matched)".
        candidates: Vec<String>,
    },
    #[error("unknown {what} \"{value}\"{}; known {}: {}", did_you_mean(.suggestions), plural(.what), .known.join(", "))]
    UnknownValue {
        what: &'static str,
        value: String,
        suggestions: Vec<String>,
        known: Vec<String>,
    },
    #[error("role \"{query}\" is defined in {}, which cannot be loaded: {problem}{}; run `careers validate {}`", .path.display(), more_problems(*.more), crate::render::sanitize::shell_quote(&.path.display().to_string()))]
    BrokenProfile {
        query: String,
        path: std::path::PathBuf,
        problem: String,
        more: usize,
    },
    #[error("unknown place \"{query}\"{}; a place is a state (Texas, WA), a metro area by one of its cities or principal cities (Seattle, Plano), a state's nonmetropolitan areas (rural Montana), a common name (Bay Area), US, or a 7-digit OEWS area code; `careers places` lists them all", did_you_mean(.suggestions))]
    UnknownPlace {
        query: String,
        suggestions: Vec<String>,
    },
    #[error("place \"{query}\" has several readings: {}; name one more exactly (a state such as \"Portland, OR\", or the area code)", .readings.join("; "))]
    AmbiguousPlace {
        query: String,
        readings: Vec<String>,
    },
    /// A role not among the bundled and user profiles, while the O*NET import, which may hold
    /// it, cannot be read.
    #[error("unknown role \"{query}\" among the bundled and your own profiles, and {why}")]
    OnetUnreadable { query: String, why: String },
    #[error("{0}")]
    Usage(String),
}

impl CareersError {
    /// 2 for errors in how the command was called, 1 for everything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            CareersError::Usage(_) => 2,
            _ => 1,
        }
    }
}

/// The first ten candidates of an ambiguous name, and how many more there are.
fn first_candidates(candidates: &[String]) -> String {
    const SHOWN: usize = 5;
    match candidates.len() {
        n if n <= SHOWN => candidates.join(", "),
        n => format!(
            "{} and {} more (`careers search` ranks them)",
            candidates[..SHOWN].join(", "),
            n - SHOWN
        ),
    }
}

/// What an unknown role's message says of O*NET.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnetHint {
    /// Nothing: O*NET is loaded, or the name is close to a role the store has.
    None,
    /// No import is loaded and the name is none of the store's roles.
    NotImported,
    /// No import is loaded and the name is an O*NET-SOC code.
    CodeNotImported,
}

fn onet_hint(hint: OnetHint) -> &'static str {
    match hint {
        OnetHint::None => "",
        OnetHint::NotImported => {
            "; O*NET's ~1,000 occupations are not imported and may know it: `careers import onet DIR`"
        }
        OnetHint::CodeNotImported => {
            "; it is an O*NET-SOC code, and O*NET is not imported: `careers import onet DIR` adds its occupations"
        }
    }
}

/// " (and 2 more problems)".
pub(crate) fn more_problems(more: usize) -> String {
    match more {
        0 => String::new(),
        1 => " (and 1 more problem)".into(),
        n => format!(" (and {n} more problems)"),
    }
}

/// "city" -> "cities", "company type" -> "company types".
pub(crate) fn plural(word: &str) -> String {
    match word.strip_suffix('y') {
        Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{stem}ies"),
        _ => format!("{word}s"),
    }
}

/// ` (did you mean a or b?)`, or nothing when there is no suggestion.
pub(crate) fn did_you_mean(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        [one] => format!(" (did you mean {one}?)"),
        more => format!(" (did you mean {}?)", join_or(more)),
    }
}

fn join_or(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => items.join(""),
    }
}

/// Names longer than this get no suggestions: no role, skill or place name comes near it, and
/// comparing a name of `n` characters costs time in proportion to `n` for every candidate.
pub(crate) const MAX_SUGGEST_CHARS: usize = 200;

/// Up to three candidates close to `query`: near misses by edit distance and names that contain
/// it or are contained in it.
pub(crate) fn suggest<'a>(
    query: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Vec<String> {
    suggest_counting(query, candidates).0
}

/// [`suggest`], and how many character comparisons it paid for: the edit distances cost the
/// product of the two lengths, a containment test their sum. The count lets a test check that
/// the work grows no faster than the query, without timing anything.
fn suggest_counting<'a>(
    query: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> (Vec<String>, u64) {
    let q_len = query.chars().count();
    if q_len > MAX_SUGGEST_CHARS {
        return (Vec::new(), 0);
    }
    let q = query.to_lowercase();
    let mut work = 0u64;
    let mut scored: Vec<(f64, String)> = candidates
        .into_iter()
        .filter_map(|c| {
            let lc = c.to_lowercase();
            let c_len = lc.chars().count();
            work += (q_len + c_len) as u64;
            let contains = q.len() >= 3 && (lc.contains(&q) || (lc.len() >= 3 && q.contains(&lc)));
            // Jaro-Winkler cannot reach 0.88 when one name is over three times the other's
            // length, and an edit distance of at most a quarter of the query cannot bridge a
            // larger difference in length: both are skipped then, which keeps a long query
            // from paying for every short candidate.
            let (short, long) = (q_len.min(c_len), q_len.max(c_len));
            let comparable = long <= 3 * short.max(1);
            let score = if comparable {
                work += (q_len * c_len) as u64;
                strsim::jaro_winkler(&q, &lc)
            } else {
                0.0
            };
            let max_edits = (q.len() / 4).max(1);
            let close = long - short <= max_edits && {
                work += (q_len * c_len) as u64;
                strsim::damerau_levenshtein(&q, &lc) <= max_edits
            };
            (score >= 0.88 || contains || close)
                .then(|| (score + if close { 1.0 } else { 0.0 }, c.to_owned()))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, c) in scored {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&c)) {
            out.push(c);
        }
        if out.len() == 3 {
            break;
        }
    }
    (out, work)
}

/// Finds the canonical value `input` names among `(name, canonical)` pairs, comparing names
/// ignoring case, spaces and punctuation ("new york" = "New-York"). An unknown input is an
/// [`CareersError::UnknownValue`] listing each canonical value once and the nearest names.
pub(crate) fn resolve_choice(
    what: &'static str,
    input: &str,
    names: &[(&str, &str)],
) -> Result<String, CareersError> {
    let key = crate::model::slugify(input);
    if let Some((_, canonical)) = names
        .iter()
        .find(|(name, _)| !key.is_empty() && crate::model::slugify(name) == key)
    {
        return Ok((*canonical).to_owned());
    }
    let mut known: Vec<String> = Vec::new();
    for (_, canonical) in names {
        if !known.iter().any(|k| k == canonical) {
            known.push((*canonical).to_owned());
        }
    }
    let mut suggestions: Vec<String> = Vec::new();
    for near in suggest(input, names.iter().map(|(name, _)| *name)) {
        let canonical = names.iter().find(|(name, _)| *name == near).map(|p| p.1);
        if let Some(c) = canonical
            && !suggestions.iter().any(|s| s == c)
        {
            suggestions.push(c.to_owned());
        }
    }
    Err(CareersError::UnknownValue {
        what,
        value: input.to_owned(),
        suggestions,
        known,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_first() {
        let ids = ["ml-engineer", "data-engineer", "data-engineering-manager"];
        assert_eq!(suggest("ml-enginer", ids), vec!["ml-engineer"]);
        assert_eq!(suggest("zzz", ids), Vec::<String>::new());
    }

    #[test]
    fn suggestion_work_grows_no_faster_than_the_query() {
        let names: Vec<String> = (0..2000)
            .map(|i| format!("role-{i}-engineer-of-data"))
            .collect();
        let work = |len: usize| {
            let query: String = "data-engineer-".chars().cycle().take(len).collect();
            suggest_counting(&query, names.iter().map(String::as_str)).1
        };
        // Ten times the query costs at most ten times the work, up to the bound and past it,
        // where a 128 KB name costs nothing.
        for len in [10, 20] {
            assert!(
                work(len * 10) <= 10 * work(len),
                "{len}: {} > 10 × {}",
                work(len * 10),
                work(len)
            );
        }
        assert_eq!(work(MAX_SUGGEST_CHARS + 1), 0);
        assert_eq!(work(128 * 1024), 0);
        // Still found: a near miss and a name containing the query.
        let ids = ["ml-engineer", "data-engineer"];
        assert_eq!(suggest("data-enginer", ids), ["data-engineer"]);
        assert_eq!(suggest("ml-", ids), ["ml-engineer"]);
    }

    #[test]
    fn message_lists_suggestions() {
        let err = CareersError::UnknownRole {
            query: "ml-enginer".into(),
            suggestions: vec!["ml-engineer".into()],
            onet: OnetHint::None,
        };
        assert_eq!(
            err.to_string(),
            "unknown role \"ml-enginer\" (did you mean ml-engineer?); `careers search WORDS` finds a role by the words of its title, tasks or skills"
        );
    }

    #[test]
    fn plurals_of_value_kinds() {
        assert_eq!(plural("city"), "cities");
        assert_eq!(plural("industry"), "industries");
        assert_eq!(plural("company type"), "company types");
        assert_eq!(plural("day"), "days");
    }

    #[test]
    fn choices_resolve_by_any_name_and_suggest_the_canonical_one() {
        let names = [
            ("top-tech", "top-tech"),
            ("FAANG", "top-tech"),
            ("general", "general"),
        ];
        assert_eq!(
            resolve_choice("company type", "faang", &names).unwrap(),
            "top-tech"
        );
        assert_eq!(
            resolve_choice("company type", "Top Tech", &names).unwrap(),
            "top-tech"
        );
        let err = resolve_choice("company type", "FANG", &names).unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown company type \"FANG\" (did you mean top-tech?); known company types: top-tech, general"
        );
        assert!(resolve_choice("company type", "", &names).is_err());
    }
}
