//! Skill sets compared by canonical name: what several roles share, what one role has that
//! another lacks, and how much of a role a given set of skills covers. `compare`, `gap` and
//! `match` all go through here, so a skill is the same skill in every view.
//!
//! Technical skills are identified by their canonical name in the vocabulary (so "sklearn" in a
//! user profile is scikit-learn), compared case-insensitively; a name the vocabulary does not know
//! stands for itself. Soft skills are not in the vocabulary and compare by name, ignoring case.
//! Pure functions: no store, no printing.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::model::vocabulary::normalize;
use crate::model::{Profile, SkillCategory, Vocabulary};

/// A skill of a role under the name every view shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skill {
    pub name: String,
    /// The category of a technical skill; soft skills have none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<SkillCategory>,
    /// What the skill is compared by.
    #[serde(skip)]
    pub key: String,
}

/// The key a technical skill name is compared by: its canonical name, normalised.
pub(crate) fn skill_key(name: &str, vocabulary: &Vocabulary) -> String {
    normalize(vocabulary.canonical(name))
}

/// A profile's technical skills under canonical names, each once, in the profile's order.
pub(crate) fn technical_skills(profile: &Profile, vocabulary: &Vocabulary) -> Vec<Skill> {
    let mut seen = HashSet::new();
    profile
        .skills
        .iter()
        .map(|s| technical_skill(s, vocabulary))
        .filter(|s| seen.insert(s.key.clone()))
        .collect()
}

/// One skill of a profile under its canonical name, with its category and key.
pub(crate) fn technical_skill(s: &crate::model::SkillRef, vocabulary: &Vocabulary) -> Skill {
    let known = vocabulary.resolve(&s.name);
    let name = known.map_or(s.name.as_str(), |k| k.name.as_str());
    Skill {
        name: name.to_owned(),
        category: Some(
            s.category
                .or(known.map(|k| k.category))
                .unwrap_or(crate::model::SkillCategory::Other),
        ),
        key: normalize(name),
    }
}

/// A profile's soft skills under canonical names (the vocabulary holds soft skills too, so that
/// "Collaboration" and "Teamwork and collaboration" line up), each once, in the profile's order.
pub(crate) fn soft_skills(profile: &Profile, vocabulary: &Vocabulary) -> Vec<Skill> {
    let mut seen = HashSet::new();
    profile
        .soft_skills
        .iter()
        .filter_map(|s| {
            let key = skill_key(&s.name, vocabulary);
            seen.insert(key.clone()).then(|| Skill {
                name: vocabulary.canonical(&s.name).to_owned(),
                category: None,
                key,
            })
        })
        .collect()
}

/// A skill of the union of several roles' skills, with the roles that hold it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct HeldSkill {
    #[serde(flatten)]
    pub skill: Skill,
    /// Indexes of the roles that list the skill, ascending.
    #[serde(skip)]
    pub held_by: Vec<usize>,
}

impl HeldSkill {
    /// Whether every one of `roles` roles lists the skill.
    pub(crate) fn shared_by(&self, roles: usize) -> bool {
        self.held_by.len() == roles
    }
}

/// Every skill of any of `sets`, once, in first-seen order (first role first), with the roles
/// that list it. Linear in the total number of skills.
pub(crate) fn union(sets: &[Vec<Skill>]) -> Vec<HeldSkill> {
    let mut out: Vec<HeldSkill> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (role, set) in sets.iter().enumerate() {
        for skill in set {
            if let Some(&i) = index.get(skill.key.as_str()) {
                if out[i].held_by.last() != Some(&role) {
                    out[i].held_by.push(role);
                }
            } else {
                index.insert(&skill.key, out.len());
                out.push(HeldSkill {
                    skill: skill.clone(),
                    held_by: vec![role],
                });
            }
        }
    }
    out
}

/// What moving from one role to another means for skills.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkillGap {
    /// Skills of the target role the starting role also lists, in the target's order.
    pub carries_over: Vec<Skill>,
    /// Skills of the target role the starting role does not list, in the target's order.
    pub to_learn: Vec<Skill>,
    /// Skills of the starting role the target role does not ask for.
    pub not_needed: Vec<Skill>,
}

/// The gap from `from` to `to`.
pub(crate) fn gap(from: &[Skill], to: &[Skill]) -> SkillGap {
    let have: HashSet<&str> = from.iter().map(|s| s.key.as_str()).collect();
    let want: HashSet<&str> = to.iter().map(|s| s.key.as_str()).collect();
    let (carries_over, to_learn) = to
        .iter()
        .cloned()
        .partition(|s| have.contains(s.key.as_str()));
    let not_needed = from
        .iter()
        .filter(|s| !want.contains(s.key.as_str()))
        .cloned()
        .collect();
    SkillGap {
        carries_over,
        to_learn,
        not_needed,
    }
}

/// Skills grouped by category in the order of [`SkillCategory::ALL`], each group in the order
/// given; empty categories are left out.
pub(crate) fn by_category<'a>(
    skills: impl IntoIterator<Item = &'a Skill>,
) -> Vec<(SkillCategory, Vec<&'a Skill>)> {
    let mut groups: Vec<(SkillCategory, Vec<&Skill>)> = SkillCategory::ALL
        .iter()
        .map(|&c| (c, Vec::new()))
        .collect();
    for skill in skills {
        let cat = skill.category.unwrap_or(SkillCategory::Other);
        if let Some((_, group)) = groups.iter_mut().find(|(c, _)| *c == cat) {
            group.push(skill);
        }
    }
    groups.retain(|(_, g)| !g.is_empty());
    groups
}

/// "a, b, c".
pub(crate) fn names<'a>(skills: impl IntoIterator<Item = &'a Skill>) -> String {
    skills
        .into_iter()
        .map(|s| s.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::VocabularyFile;

    /// A vocabulary written as the data file is, so that these tests also prove that a name
    /// added to the file resolves without any change to code.
    fn vocabulary(json: &str) -> Vocabulary {
        let file: VocabularyFile = serde_json::from_str(json).unwrap();
        Vocabulary::new(file).unwrap()
    }

    const VOCABULARY: &str = r#"{"skills": [
        {"name": "Python", "category": "programming-language"},
        {"name": "scikit-learn", "category": "ml-framework", "aliases": ["sklearn"]},
        {"name": "AWS", "category": "cloud-platform", "aliases": ["Amazon Web Services"]},
        {"name": "Spark", "category": "big-data", "aliases": ["Apache Spark"]}
    ]}"#;

    fn profile(id: &str, skills: &[&str]) -> Profile {
        let skills: Vec<String> = skills
            .iter()
            .map(|s| format!(r#"{{"name": "{s}"}}"#))
            .collect();
        serde_json::from_str(&format!(
            r#"{{"id": "{id}", "title": "{id}", "summary": "A role.", "skills": [{}]}}"#,
            skills.join(",")
        ))
        .unwrap()
    }

    fn keys(skills: &[Skill]) -> Vec<&str> {
        skills.iter().map(|s| s.name.as_str()).collect()
    }

    #[test]
    fn aliases_and_case_line_up_under_the_canonical_name() {
        let v = vocabulary(VOCABULARY);
        let a = technical_skills(&profile("a", &["sklearn", "amazon web services"]), &v);
        let b = technical_skills(&profile("b", &["scikit-learn", "AWS", "apache spark"]), &v);
        assert_eq!(keys(&a), ["scikit-learn", "AWS"]);
        assert_eq!(a[0].category, Some(SkillCategory::MlFramework));
        let g = gap(&a, &b);
        assert_eq!(keys(&g.carries_over), ["scikit-learn", "AWS"]);
        assert_eq!(keys(&g.to_learn), ["Spark"]);
        assert!(g.not_needed.is_empty());
    }

    #[test]
    fn an_alias_added_to_the_vocabulary_file_resolves_without_code_changes() {
        let before = vocabulary(VOCABULARY);
        let user = profile("user", &["PySpark engine"]);
        let role = profile("role", &["Spark"]);
        let g = gap(
            &technical_skills(&user, &before),
            &technical_skills(&role, &before),
        );
        assert_eq!(keys(&g.to_learn), ["Spark"], "unknown before the alias");

        let after = vocabulary(&VOCABULARY.replace(
            r#""aliases": ["Apache Spark"]"#,
            r#""aliases": ["Apache Spark", "PySpark engine"]"#,
        ));
        let g = gap(
            &technical_skills(&user, &after),
            &technical_skills(&role, &after),
        );
        assert_eq!(keys(&g.carries_over), ["Spark"]);
        assert!(g.to_learn.is_empty());
    }

    #[test]
    fn unknown_names_stand_for_themselves_case_insensitively() {
        let v = vocabulary(VOCABULARY);
        let a = technical_skills(&profile("a", &["Dbt", "dbt"]), &v);
        assert_eq!(keys(&a), ["Dbt"], "listed once");
        assert_eq!(a[0].category, Some(SkillCategory::Other));
        let b = technical_skills(&profile("b", &["DBT"]), &v);
        assert_eq!(keys(&gap(&a, &b).carries_over), ["DBT"]);
    }

    #[test]
    fn union_marks_who_holds_each_skill() {
        let v = vocabulary(VOCABULARY);
        let sets = [
            technical_skills(&profile("a", &["Python", "Spark"]), &v),
            technical_skills(&profile("b", &["spark", "AWS"]), &v),
            technical_skills(&profile("c", &["Apache Spark"]), &v),
        ];
        let u = union(&sets);
        let held: Vec<(&str, Vec<usize>)> = u
            .iter()
            .map(|h| (h.skill.name.as_str(), h.held_by.clone()))
            .collect();
        assert_eq!(
            held,
            [
                ("Python", vec![0]),
                ("Spark", vec![0, 1, 2]),
                ("AWS", vec![1])
            ]
        );
        assert!(u[1].shared_by(3));
        assert!(!u[0].shared_by(3));
    }

    #[test]
    fn soft_skills_line_up_through_the_vocabulary() {
        let v = vocabulary(
            r#"{"skills": [{"name": "Teamwork and collaboration", "category": "soft-skill",
                "aliases": ["Collaboration"]}]}"#,
        );
        let p: Profile = serde_json::from_str(
            r#"{"id":"x","title":"X","summary":"S.","soft_skills":[{"name":"Communication"},{"name":"communication"},{"name":"collaboration"}]}"#,
        )
        .unwrap();
        assert_eq!(
            keys(&soft_skills(&p, &v)),
            ["Communication", "Teamwork and collaboration"]
        );
    }

    #[test]
    fn groups_follow_the_category_order() {
        let v = vocabulary(VOCABULARY);
        let s = technical_skills(&profile("a", &["Spark", "Python", "Dbt"]), &v);
        let groups: Vec<(SkillCategory, String)> = by_category(&s)
            .into_iter()
            .map(|(c, g)| (c, names(g)))
            .collect();
        assert_eq!(
            groups,
            [
                (SkillCategory::ProgrammingLanguage, "Python".into()),
                (SkillCategory::BigData, "Spark".into()),
                (SkillCategory::Other, "Dbt".into()),
            ]
        );
    }
}
