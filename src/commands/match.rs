//! `careers match --skills a,b,c [--from ROLE] [--top N]`: every role ranked by how much of its
//! skills the given ones cover.
//!
//! The ranking is explainable and deterministic: by the number of your skills the role lists,
//! then by the share of the role's skills you have (compared exactly as fractions, not as
//! rounded percentages), then by role id. Work is linear in the number of skills across all profiles plus a sort, so it stays
//! fast with thousands of profiles.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::Context;
use crate::cli::MatchArgs;
use crate::error::{CareersError, did_you_mean, suggest};
use crate::model::Profile;
use crate::model::vocabulary::normalize;
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::store::Store;

use super::skillset::{self, Coverage};

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
    pub matched: usize,
    pub total: usize,
    /// matched / total as a whole percentage, rounded half up.
    pub percent: u32,
    pub matched_skills: Vec<String>,
    pub missing_skills: Vec<String>,
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
        None => crate::render::screen_rows().map_or(DEFAULT_TOP, screenful),
    };
    Ok(report(&ctx.store, &given, from, top))
}

/// How many roles `--top` shows when the output is not a terminal.
pub const DEFAULT_TOP: usize = 10;

/// How many ranked roles fit a terminal of `rows` lines: each takes about four (its id and
/// title, the skills it has, those it lacks, wrapped), and the heading and notes about eight.
fn screenful(rows: usize) -> usize {
    (rows.saturating_sub(8) / 4).clamp(3, 50)
}

pub fn report(store: &Store, given: &[&str], from: Option<&Profile>, top: usize) -> MatchReport {
    let vocabulary = store.vocabulary();
    let mut have: HashSet<String> = HashSet::new();
    let mut skills: Vec<String> = Vec::new();
    let mut add = |name: &str, key: String| {
        if have.insert(key) {
            skills.push(name.to_owned());
        }
    };
    if let Some(p) = from {
        for s in skillset::technical_skills(p, vocabulary) {
            add(&s.name, s.key);
        }
    }
    // Names the vocabulary does not know, but some profile lists: built only when needed.
    let mut profile_names: Option<HashMap<String, String>> = None;
    let mut unknown = Vec::new();
    for name in given {
        if let Some(known) = vocabulary.resolve(name) {
            add(&known.name, normalize(&known.name));
            continue;
        }
        let names = profile_names.get_or_insert_with(|| {
            store
                .entries()
                .iter()
                .flat_map(|e| &e.profile.skills)
                .map(|s| (normalize(&s.name), s.name.clone()))
                .collect()
        });
        match names.get(&normalize(name)) {
            Some(listed) => add(listed, normalize(name)),
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

    let mut scored: Vec<(Coverage, &Profile)> = Vec::new();
    let mut unranked = Vec::new();
    for e in store.entries() {
        let p = &e.profile;
        if from.is_some_and(|f| f.id == p.id) {
            continue;
        }
        let role = skillset::technical_skills(p, vocabulary);
        if role.is_empty() {
            unranked.push(p.id.clone());
        } else {
            scored.push((skillset::coverage(&role, &have), p));
        }
    }
    if have.is_empty() {
        scored.clear();
    }
    scored.sort_by(|(a, pa), (b, pb)| a.rank_cmp(b).then_with(|| pa.id.cmp(&pb.id)));
    let ranked = scored.len();
    let ranking: Vec<RoleMatch> = scored
        .into_iter()
        .take(top)
        .enumerate()
        .map(|(i, (c, p))| RoleMatch {
            rank: i + 1,
            id: p.id.clone(),
            title: p.title.clone(),
            matched: c.matched.len(),
            total: c.total(),
            percent: c.percent(),
            matched_skills: c.matched.iter().map(|s| s.name.clone()).collect(),
            missing_skills: c.missing.iter().map(|s| s.name.clone()).collect(),
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

impl UnknownSkill {
    pub fn message(&self) -> String {
        format!(
            "Unknown skill \"{}\"{}: left out of the ranking.",
            self.name,
            did_you_mean(&self.suggestions)
        )
    }
}

/// "Have: Python, SQL\nMissing: Java, Scala", leaving out an empty line.
fn skill_lines(m: &RoleMatch) -> String {
    let mut lines = Vec::new();
    if !m.matched_skills.is_empty() {
        lines.push(format!("Have: {}", m.matched_skills.join(", ")));
    }
    // The table names the first few missing skills; `gap` and the JSON list them all.
    const SHOWN: usize = 6;
    match m.missing_skills.len() {
        0 => {}
        n if n <= SHOWN => lines.push(format!("Missing: {}", m.missing_skills.join(", "))),
        n => lines.push(format!(
            "Missing: {} and {} more",
            m.missing_skills[..SHOWN].join(", "),
            n - SHOWN
        )),
    }
    lines.join("\n")
}

impl Report for MatchReport {
    fn attribution(&self) -> Option<&str> {
        self.attribution.as_deref()
    }

    fn document(&self) -> Document {
        let mut doc = Document::default();
        doc.heading(1, "Roles that match your skills");
        let whose = match &self.from {
            Some(id) => format!("Your skills (those of {id}"),
            None => "Your skills (".to_owned(),
        };
        let count = if self.from.is_some() {
            format!(", {})", self.skills.len())
        } else {
            format!("{})", self.skills.len())
        };
        if !self.skills.is_empty() {
            doc.paragraph(format!("{whose}{count}: {}", self.skills.join(", ")));
        }
        for u in &self.unknown {
            doc.paragraph(u.message());
        }
        if self.skills.is_empty() {
            doc.paragraph(match &self.from {
                Some(id) => format!(
                    "{id} lists no technical skills and no other known skill was given, so there is nothing to match."
                ),
                None => "None of the given skills is known, so there is nothing to match.".into(),
            });
            return doc;
        }
        if self.ranking.is_empty() {
            doc.paragraph("No profile lists any skills, so there is no role to rank.");
        } else {
            let mut table = Table::new(["#", "Role", "Coverage", "Skills"]).wide(3);
            for m in &self.ranking {
                table.row([
                    Cell::new(m.rank.to_string()),
                    Cell::tone(format!("{}\n{}", m.id, m.title), Tone::Strong),
                    Cell::tone(
                        format!("{}/{} ({}%)", m.matched, m.total, m.percent),
                        if m.matched > 0 {
                            Tone::Good
                        } else {
                            Tone::Muted
                        },
                    ),
                    Cell::new(skill_lines(m)),
                ]);
            }
            doc.table(table);
            let shown = if self.ranking.len() < self.ranked {
                format!(
                    "Top {} of {} roles (--top N for more)",
                    self.ranking.len(),
                    self.ranked
                )
            } else {
                match self.ranked {
                    1 => "1 role".to_owned(),
                    n => format!("All {n} roles"),
                }
            };
            doc.note(format!(
                "{shown}, ranked by how many of your skills the role lists, then by the share of the role's skills you have, then by id."
            ));
        }
        if !self.unranked.is_empty() {
            // An import brings many occupations without mapped skills: name a few, count all.
            const NAMED: usize = 5;
            let named = self.unranked[..self.unranked.len().min(NAMED)].join(", ");
            let text = match self.unranked.len() {
                n if n <= NAMED => format!("Not ranked, as they list no skills: {named}."),
                n => format!(
                    "Not ranked, as they list no skills: {n} roles, among them {named} (--format json lists them all)."
                ),
            };
            doc.note(text);
        }
        doc
    }

    fn records(&self) -> Records {
        let mut records = Records::new([
            "rank",
            "id",
            "title",
            "matched",
            "total",
            "percent",
            "matched_skills",
            "missing_skills",
        ]);
        for m in &self.ranking {
            records.push([
                m.rank.to_string(),
                m.id.clone(),
                m.title.clone(),
                m.matched.to_string(),
                m.total.to_string(),
                m.percent.to_string(),
                m.matched_skills.join("; "),
                m.missing_skills.join("; "),
            ]);
        }
        records
    }
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
    fn ranks_thousands_of_profiles_quickly_and_in_order() {
        let store = synthetic(2000);
        let start = std::time::Instant::now();
        let r = report(&store, &["python", "sql", "Tool 7", "pyhton"], None, 10);
        let elapsed = start.elapsed();
        assert_eq!(r.ranked, 2000);
        assert_eq!(r.ranking.len(), 10);
        assert_eq!(r.skills, ["Python", "SQL", "Tool 7"]);
        assert_eq!(r.unknown.len(), 1);
        assert_eq!(r.unknown[0].suggestions, ["Python"]);
        for w in r.ranking.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            let ka = (a.matched * b.total, a.matched, &b.id);
            let kb = (b.matched * a.total, b.matched, &a.id);
            assert!(ka >= kb, "{} before {}", a.id, b.id);
        }
        // No role left out beats the last one shown: checked by counting names directly.
        let last = r.ranking.last().unwrap();
        let mine = ["python", "sql", "tool 7"];
        for e in store.entries() {
            if r.ranking.iter().any(|m| m.id == e.profile.id) {
                continue;
            }
            let total = e.profile.skills.len();
            let matched = e
                .profile
                .skills
                .iter()
                .filter(|s| mine.contains(&s.name.to_lowercase().as_str()))
                .count();
            assert!(
                matched * last.total <= last.matched * total,
                "{} ({matched}/{total}) beats {}",
                e.profile.id,
                last.id
            );
        }
        // Generous: a debug build does this in a few milliseconds.
        assert!(elapsed.as_secs() < 2, "{elapsed:?}");
    }

    #[test]
    fn a_known_profile_skill_outside_the_vocabulary_is_not_unknown() {
        let store = synthetic(3);
        let r = report(&store, &["tool 2"], None, 10);
        assert!(r.unknown.is_empty());
        assert_eq!(r.ranking[0].id, "role-0002");
        assert_eq!(r.ranking[0].matched_skills, ["Tool 2"]);
    }
}
