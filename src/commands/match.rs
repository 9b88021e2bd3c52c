//! `careers match --skills a,b,c [--from ROLE] [--top N]`: every role ranked by how much of
//! your skills it uses, each weighted by how central the skill is to that role.
//!
//! The ranking is explainable and deterministic. Each of your skills a role lists adds its
//! weight: 1, plus 1 when O*NET flags it hot for the occupation and 1 more when in demand,
//! times 1 + ln of how many of the occupation's technologies show it (a statistician lists
//! five statistics packages, a fraud examiner one), times its rarity, ln(1 + ranked roles /
//! roles that list it), so that a skill every occupation lists (Excel) says less than one few
//! do. A skill also counts through the skills it covers in the vocabulary (machine learning
//! through TensorFlow). Roles rank by the sum, then by the share of their own weighted skills it makes (a role
//! whose skills are mostly yours before one where they are a sliver), then by id. Counting only
//! your skills keeps an occupation with two listed technologies from outranking one that uses
//! all of yours. Work is linear in the number of skills across all profiles plus a sort.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::Context;
use crate::cli::{Format, MatchArgs};
use crate::error::{CareersError, suggest};
use crate::model::Profile;
use crate::model::onet::SkillUse;
use crate::model::vocabulary::normalize;
use crate::store::Store;

use crate::model::skillset;

#[derive(Debug, Serialize)]
pub struct MatchReport {
    /// The skills matched against, under canonical names.
    pub skills: Vec<String>,
    /// The role whose skills were taken as yours, if any.
    pub from: Option<String>,
    /// Given names that are neither in the vocabulary nor in any profile.
    pub unknown: Vec<UnknownSkill>,
    /// How many roles were ranked.
    pub ranked: usize,
    /// Profiles that list no technical skills and so have no score.
    pub unranked: Vec<String>,
    /// The best `top` roles, best first.
    pub ranking: Vec<RoleMatch>,
    /// O*NET's attribution, when the report shows an occupation imported from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct UnknownSkill {
    pub name: String,
    pub suggestions: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct RoleMatch {
    pub rank: usize,
    pub id: String,
    pub title: String,
    /// The sum of the weights of your skills the role lists, to two decimals.
    pub score: f64,
    /// How many of your skills the role lists.
    pub matched: usize,
    /// How many skills the role lists.
    pub total: usize,
    /// The share of the role's own weighted skills that `score` makes, as a whole percentage.
    pub percent: u32,
    /// Your skills the role lists, with why each weighs what it does.
    pub matched_skills: Vec<SkillWeight>,
    /// The role's skills you lack, most central first.
    pub missing_skills: Vec<String>,
}

/// Why one of your skills adds what it does to a role's score.
#[derive(Debug, Clone, Serialize)]
pub struct SkillWeight {
    /// Your skill.
    pub skill: String,
    /// The role's skill it counts through, when that is another one it covers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub through: Option<String>,
    pub hot: bool,
    pub in_demand: bool,
    /// How many of the role's technologies show the skill (1 for a curated profile).
    pub technologies: u16,
    /// How many ranked roles list the skill it counts through.
    pub listed_by: usize,
    /// (1 + hot + in demand) × (1 + ln technologies) × ln(1 + ranked / listed_by), to two
    /// decimals.
    pub weight: f64,
}

pub fn run(ctx: &Context, args: &MatchArgs) -> anyhow::Result<MatchReport> {
    let from = match &args.from {
        Some(q) => Some(&ctx.store.resolve(q)?.profile),
        None => None,
    };
    let given: Vec<&str> = args
        .skills
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if given.is_empty() && from.is_none() {
        return Err(CareersError::Usage(
            "match needs at least one skill: --skills python,sql or --from ROLE".into(),
        )
        .into());
    }
    let top = match args.top {
        Some(n) => usize::try_from(n).unwrap_or(usize::MAX),
        // A script gets the same number whatever terminal it runs in.
        None if ctx.format != Format::Table => DEFAULT_TOP,
        None => crate::render::screen_rows().map_or(DEFAULT_TOP, screenful),
    };
    let report = report(&ctx.store, &given, from, top);
    if report.skills.is_empty() {
        return Err(nothing_to_match(&ctx.store, &report));
    }
    Ok(report)
}

/// The error for input that leaves no skill to match: an unknown skill, worded as `list
/// --skill` words it, or a `--from` role that lists none.
fn nothing_to_match(store: &Store, report: &MatchReport) -> anyhow::Error {
    if let Some(first) = report.unknown.first() {
        let mut known: Vec<String> = store
            .vocabulary()
            .skills()
            .iter()
            .map(|s| s.name.clone())
            .collect();
        known.sort_by_key(|s| s.to_lowercase());
        return CareersError::UnknownValue {
            what: "skill",
            value: first.name.clone(),
            suggestions: first.suggestions.clone(),
            known,
        }
        .into();
    }
    match &report.from {
        Some(id) => anyhow::anyhow!(
            "{id} lists no technical skills, so there is nothing to match; name yours with --skills"
        ),
        None => anyhow::anyhow!("no skill given; name yours with --skills"),
    }
}

/// How many roles `--top` shows in the machine formats and when the output is not a terminal.
pub const DEFAULT_TOP: usize = 10;

/// How many ranked roles fit a terminal of `rows` lines: each takes about four (its id and
/// title, the skills it has, those it lacks, wrapped), and the heading and notes about eight.
fn screenful(rows: usize) -> usize {
    (rows.saturating_sub(8) / 4).clamp(3, 50)
}

/// One of the user's skills: its canonical name and the keys of the skills that count for it,
/// its own first.
struct Wanted {
    name: String,
    keys: Vec<String>,
}

/// A ranked role before it is cut to `top`.
struct Scored<'a> {
    profile: &'a Profile,
    score: f64,
    /// The role's whole weight: every skill it lists, weighed as if it were yours.
    whole: f64,
    total: usize,
    matched: Vec<SkillWeight>,
    /// Weights and indices into the distinct skills: named only for the roles shown.
    missing: Vec<(f64, usize)>,
}

pub fn report<'a>(
    store: &'a Store,
    given: &[&str],
    from: Option<&Profile>,
    top: usize,
) -> MatchReport {
    let vocabulary = store.vocabulary();
    let mut wanted: Vec<Wanted> = Vec::new();
    let mut skills: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut add = |name: &str, key: String, covers: Vec<String>| {
        if seen.insert(key.clone()) {
            skills.push(name.to_owned());
            let mut keys = vec![key];
            keys.extend(covers);
            wanted.push(Wanted {
                name: name.to_owned(),
                keys,
            });
        }
    };
    let covers_of = |name: &str| -> Vec<String> {
        vocabulary
            .resolve(name)
            .map(|s| vocabulary.covered_by(s).map(normalize).collect())
            .unwrap_or_default()
    };
    if let Some(p) = from {
        for s in skillset::technical_skills(p, vocabulary) {
            let covers = covers_of(&s.name);
            add(&s.name, s.key, covers);
        }
    }
    // Names the vocabulary does not know, but some profile lists: built only when needed.
    let mut profile_names: Option<HashMap<String, String>> = None;
    let mut unknown = Vec::new();
    for name in given {
        if let Some(known) = vocabulary.resolve(name) {
            add(&known.name, normalize(&known.name), covers_of(&known.name));
            continue;
        }
        let names = profile_names.get_or_insert_with(|| {
            store
                .entries()
                .flat_map(|e| &e.profile.skills)
                .map(|s| (normalize(&s.name), s.name.clone()))
                .collect()
        });
        match names.get(&normalize(name)) {
            Some(listed) => add(listed, normalize(name), Vec::new()),
            None => {
                let mut candidates: Vec<&str> = vocabulary.names().collect();
                candidates.extend(names.values().map(String::as_str));
                candidates.sort_unstable();
                candidates.dedup();
                unknown.push(UnknownSkill {
                    name: (*name).to_owned(),
                    suggestions: suggest(name, candidates),
                });
            }
        }
    }

    // Every ranked role's skills, as indices into one list of distinct skills (a thousand
    // occupations name about a hundred), and how many roles list each skill.
    let mut distinct: Vec<skillset::Skill> = Vec::new();
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut roles: Vec<(&Profile, Vec<usize>)> = Vec::new();
    let mut unranked = Vec::new();
    for e in store.entries() {
        let p = &e.profile;
        if from.is_some_and(|f| f.id == p.id) {
            continue;
        }
        let mut role: Vec<usize> = Vec::with_capacity(p.skills.len());
        for s in &p.skills {
            let i = match by_name.get(s.name.as_str()) {
                Some(&i) => i,
                None => {
                    let skill = skillset::technical_skill(s, vocabulary);
                    let i = *by_key.entry(skill.key.clone()).or_insert_with(|| {
                        distinct.push(skill);
                        distinct.len() - 1
                    });
                    by_name.insert(s.name.as_str(), i);
                    i
                }
            };
            if !role.contains(&i) {
                role.push(i);
            }
        }
        if role.is_empty() {
            unranked.push(p.id.clone());
        } else {
            roles.push((p, role));
        }
    }
    let mut listed: Vec<usize> = vec![0; distinct.len()];
    for (_, role) in &roles {
        for &i in role {
            listed[i] += 1;
        }
    }
    // Each wanted skill's own index first, then those it covers, as far as any role lists them.
    let wanted_at: Vec<(usize, &Wanted, Vec<usize>)> = wanted
        .iter()
        .enumerate()
        .map(|(n, w)| {
            let at: Vec<usize> = w
                .keys
                .iter()
                .filter_map(|k| by_key.get(k).copied())
                .collect();
            (n, w, at)
        })
        .collect();
    let ranked = if wanted.is_empty() { 0 } else { roles.len() };
    let rarity = |i: usize| (1.0 + roles.len() as f64 / listed[i].max(1) as f64).ln();
    let score_role = |p: &'a Profile, role: &[usize]| -> Scored<'a> {
        let use_of = |name: &str| {
            let at = p.skills.iter().position(|s| s.name == name);
            p.onet
                .as_ref()
                .and_then(|o| o.skill_uses.get(at?))
                .copied()
                .unwrap_or_default()
        };
        let uses: Vec<SkillUse> = role.iter().map(|&i| use_of(&distinct[i].name)).collect();
        let weighed: Vec<f64> = role
            .iter()
            .zip(&uses)
            .map(|(&i, u)| weight(*u, rarity(i)))
            .collect();
        let mut used = vec![false; role.len()];
        let mut matched = Vec::new();
        for (_, w, at) in &wanted_at {
            let own = by_key.get(&w.keys[0]).copied();
            // The role's skills that count for it: its own, and those it covers.
            let counting: Vec<usize> = (0..role.len()).filter(|&j| at.contains(&role[j])).collect();
            // The one it is weighed by: its own when the role lists it, else the best covered.
            let primary = counting
                .iter()
                .copied()
                .find(|&j| Some(role[j]) == own)
                .or_else(|| {
                    counting
                        .iter()
                        .copied()
                        .max_by(|&i, &j| weighed[i].total_cmp(&weighed[j]))
                });
            let Some(j) = primary else {
                continue;
            };
            let combined = counting.iter().fold(
                SkillUse {
                    technologies: 0,
                    ..SkillUse::default()
                },
                |acc, &k| {
                    used[k] = true;
                    SkillUse {
                        hot: acc.hot || uses[k].hot,
                        in_demand: acc.in_demand || uses[k].in_demand,
                        technologies: acc.technologies.saturating_add(uses[k].technologies),
                    }
                },
            );
            let s = &distinct[role[j]];
            matched.push(SkillWeight {
                skill: w.name.clone(),
                through: (Some(role[j]) != own).then(|| s.name.clone()),
                hot: combined.hot,
                in_demand: combined.in_demand,
                technologies: combined.technologies,
                listed_by: listed[role[j]],
                weight: weight(combined, rarity(role[j])),
            });
        }
        // Most central first: by flags and technologies, not rarity, so a curated profile's
        // missing skills keep the order its author gave them.
        let mut missing: Vec<(f64, usize)> = role
            .iter()
            .zip(&uses)
            .zip(&used)
            .filter(|(_, used)| !**used)
            .map(|((&i, u), _)| (weight(*u, 1.0), i))
            .collect();
        missing.sort_by(|a, b| b.0.total_cmp(&a.0));
        Scored {
            profile: p,
            // Folded from +0.0: an empty f64 sum is -0.0, which would show as "-0".
            score: matched.iter().fold(0.0, |sum, m| sum + m.weight),
            whole: weighed.iter().fold(0.0, |sum, w| sum + w),
            total: role.len(),
            matched,
            missing,
        }
    };
    // A role that lists none of your skills scores 0, below every role that lists one, and
    // ties with the others like it (a share of 0): they rank by id, and are weighed only when
    // fewer than `top` roles list any of your skills.
    let lists_any = |role: &[usize]| {
        wanted_at
            .iter()
            .any(|(_, _, at)| role.iter().any(|i| at.contains(i)))
    };
    let mut scored: Vec<Scored> = Vec::with_capacity(ranked);
    let mut unmatched: Vec<&(&Profile, Vec<usize>)> = Vec::new();
    for r in roles.iter().filter(|_| !wanted.is_empty()) {
        if lists_any(&r.1) {
            scored.push(score_role(r.0, &r.1));
        } else {
            unmatched.push(r);
        }
    }
    let share = |s: &Scored| s.score / s.whole.max(f64::MIN_POSITIVE);
    scored.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| share(b).total_cmp(&share(a)))
            .then_with(|| a.profile.id.cmp(&b.profile.id))
    });
    if scored.len() < top {
        unmatched.sort_by(|a, b| a.0.id.cmp(&b.0.id));
        let more = top - scored.len();
        scored.extend(unmatched.iter().take(more).map(|r| score_role(r.0, &r.1)));
    }
    let ranking: Vec<RoleMatch> = scored
        .into_iter()
        .take(top)
        .enumerate()
        .map(|(i, s)| RoleMatch {
            rank: i + 1,
            id: s.profile.id.clone(),
            title: s.profile.title.clone(),
            score: hundredths(s.score),
            matched: s.matched.len(),
            total: s.total,
            percent: (100.0 * share(&s)).round() as u32,
            matched_skills: s
                .matched
                .into_iter()
                .map(|m| SkillWeight {
                    weight: hundredths(m.weight),
                    ..m
                })
                .collect(),
            missing_skills: s
                .missing
                .into_iter()
                .map(|(_, i)| distinct[i].name.clone())
                .collect(),
        })
        .collect();
    let attribution = store.onet_attribution(
        ranking
            .iter()
            .map(|m| m.id.as_str())
            .chain(from.map(|p| p.id.as_str())),
    );
    MatchReport {
        skills,
        from: from.map(|p| p.id.clone()),
        unknown,
        ranked,
        unranked,
        ranking,
        attribution,
    }
}

/// How much a skill says of a role: (1 + hot + in demand) × (1 + ln technologies) × rarity.
fn weight(u: SkillUse, rarity: f64) -> f64 {
    let flags = 1.0 + f64::from(u8::from(u.hot) + u8::from(u.in_demand));
    flags * (1.0 + f64::from(u.technologies.max(1)).ln()) * rarity
}

/// `x` rounded to two decimals, as shown and as JSON carries it.
fn hundredths(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Entry, Origin};

    fn synthetic(n: usize) -> Store {
        let vocabulary = crate::store::bundled_vocabulary().unwrap();
        let names: Vec<String> = vocabulary.skills().iter().map(|s| s.name.clone()).collect();
        let entries = (0..n)
            .map(|i| {
                // Each role lists 20 vocabulary skills starting at a different offset, and
                // an unknown skill of its own.
                let mut skills: Vec<serde_json::Value> = (0..20)
                    .map(|k| serde_json::json!({"name": names[(i + k * 7) % names.len()]}))
                    .collect();
                skills.push(serde_json::json!({"name": format!("Tool {i}")}));
                let profile = serde_json::json!({
                    "id": format!("role-{i:04}"),
                    "title": format!("Role {i}"),
                    "summary": "Synthetic.",
                    "skills": skills,
                });
                Entry {
                    profile: serde_json::from_value(profile).unwrap(),
                    origin: Origin::Onet {
                        version: "test".into(),
                    },
                }
            })
            .collect();
        Store::new(entries, vocabulary)
    }

    #[test]
    fn a_screenful_is_four_lines_a_role() {
        assert_eq!(screenful(24), 4);
        assert_eq!(screenful(50), 10);
        assert_eq!(screenful(5), 3);
        assert_eq!(screenful(1000), 50);
    }

    #[test]
    fn ranks_thousands_of_profiles_in_order() {
        // How fast is the benchmarks' business (benches/onet.rs); a timed test fails on a busy
        // machine.
        let store = synthetic(2000);
        let r = report(&store, &["python", "sql", "Tool 7", "pyhton"], None, 10);
        assert_eq!(r.ranked, 2000);
        assert_eq!(r.ranking.len(), 10);
        assert_eq!(r.skills, ["Python", "SQL", "Tool 7"]);
        assert_eq!(r.unknown.len(), 1);
        assert_eq!(r.unknown[0].suggestions, ["Python"]);
        for w in r.ranking.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            assert!(a.score >= b.score, "{} before {}", a.id, b.id);
        }
        // No role left out beats the last one shown: the full ranking has the same head.
        let all = report(&store, &["python", "sql", "Tool 7"], None, usize::MAX);
        assert_eq!(all.ranking.len(), 2000);
        let head: Vec<&str> = all.ranking[..10].iter().map(|m| m.id.as_str()).collect();
        let shown: Vec<&str> = r.ranking.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(head, shown);
        // The one role that lists the rare Tool 7 and both others comes first.
        assert_eq!(all.ranking[0].id, "role-0007");
        assert!(
            all.ranking[0]
                .matched_skills
                .iter()
                .any(|m| m.skill == "Tool 7")
        );
    }

    #[test]
    fn a_known_profile_skill_outside_the_vocabulary_is_not_unknown() {
        let store = synthetic(3);
        let r = report(&store, &["tool 2"], None, 10);
        assert!(r.unknown.is_empty());
        assert_eq!(r.ranking[0].id, "role-0002");
        assert_eq!(r.ranking[0].matched_skills[0].skill, "Tool 2");
        assert_eq!(r.ranking[0].matched_skills[0].listed_by, 1);
    }
}
