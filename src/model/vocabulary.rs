//! The skill vocabulary: canonical skill names, their categories and the other names they go by
//! (including the technology names O*NET uses). Profiles written by different people line up
//! because every skill name resolves through this one table.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::profile::SkillCategory;

/// One skill in the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VocabularySkill {
    /// The canonical name, as every view shows it.
    pub name: String,
    pub category: SkillCategory,
    /// Other spellings that mean the same skill, compared case-insensitively.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Skills whose use shows this one: a role that lists TensorFlow does machine learning.
    /// `match` counts a role listing any of them as having this skill.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<String>,
}

/// The file format of the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VocabularyFile {
    pub skills: Vec<VocabularySkill>,
}

/// The vocabulary with an index from every normalised name and alias to its skill.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    skills: Vec<VocabularySkill>,
    index: HashMap<String, usize>,
}

/// Lowercases and folds runs of white space, so "Apache  Spark" matches "apache spark".
pub(crate) fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            // Most names: the same as below, without decoding characters.
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

impl Vocabulary {
    /// Builds the index; a name or alias claimed by two skills is an error.
    pub fn new(file: VocabularyFile) -> Result<Self, String> {
        let index = super::name_index(
            "skills",
            file.skills
                .iter()
                .map(|s| (s.name.as_str(), s.aliases.as_slice())),
            normalize,
        )?;
        for (i, s) in file.skills.iter().enumerate() {
            for name in &s.covers {
                if !index.contains_key(&normalize(name)) {
                    return Err(format!(
                        "skills[{i}]: covers \"{name}\", which is not in the vocabulary"
                    ));
                }
            }
        }
        Ok(Vocabulary {
            skills: file.skills,
            index,
        })
    }

    /// The skill a name or alias stands for, case-insensitively.
    pub fn resolve(&self, name: &str) -> Option<&VocabularySkill> {
        self.index.get(&normalize(name)).map(|&i| &self.skills[i])
    }

    /// The canonical name for `name`, or `name` itself when the vocabulary does not know it.
    pub fn canonical<'a>(&'a self, name: &'a str) -> &'a str {
        self.resolve(name).map_or(name, |s| s.name.as_str())
    }

    pub fn skills(&self) -> &[VocabularySkill] {
        &self.skills
    }

    /// The canonical names of the skills `skill` covers (see [`VocabularySkill::covers`]).
    pub fn covered_by<'a>(&'a self, skill: &'a VocabularySkill) -> impl Iterator<Item = &'a str> {
        skill.covers.iter().map(|name| self.canonical(name))
    }

    /// Every name and alias, for suggestions.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.skills.iter().flat_map(|s| {
            std::iter::once(s.name.as_str()).chain(s.aliases.iter().map(String::as_str))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabulary {
        Vocabulary::new(VocabularyFile {
            skills: vec![VocabularySkill {
                name: "Spark".into(),
                category: SkillCategory::BigData,
                aliases: vec!["Apache Spark".into()],
                covers: vec![],
            }],
        })
        .unwrap()
    }

    #[test]
    fn resolves_aliases_case_and_space_insensitively() {
        let v = vocab();
        assert_eq!(v.resolve("apache   SPARK").unwrap().name, "Spark");
        assert_eq!(v.canonical("spark"), "Spark");
        assert_eq!(v.canonical("Hive"), "Hive");
    }

    #[test]
    fn rejects_an_alias_claimed_twice() {
        let err = Vocabulary::new(VocabularyFile {
            skills: vec![
                VocabularySkill {
                    name: "R".into(),
                    category: SkillCategory::ProgrammingLanguage,
                    aliases: vec![],
                    covers: vec![],
                },
                VocabularySkill {
                    name: "Rlang".into(),
                    category: SkillCategory::ProgrammingLanguage,
                    aliases: vec!["r".into()],
                    covers: vec![],
                },
            ],
        })
        .unwrap_err();
        assert_eq!(err, "skills[1]: \"r\" already names R");
    }

    #[test]
    fn rejects_covering_a_skill_it_does_not_know() {
        let err = Vocabulary::new(VocabularyFile {
            skills: vec![VocabularySkill {
                name: "Machine learning".into(),
                category: SkillCategory::MlPractice,
                aliases: vec![],
                covers: vec!["TensorFlow".into()],
            }],
        })
        .unwrap_err();
        assert_eq!(
            err,
            "skills[0]: covers \"TensorFlow\", which is not in the vocabulary"
        );
    }

    #[test]
    fn common_words_for_statistics_and_machine_learning_resolve() {
        let v = crate::store::bundled_vocabulary().unwrap();
        for (word, skill) in [
            ("stats", "Statistics"),
            ("IBM SPSS Statistics", "Statistics"),
            ("StataCorp Stata", "Statistics"),
            ("ml", "Machine learning"),
            ("machine learning", "Machine learning"),
            ("Neural network modeling software", "Machine learning"),
        ] {
            assert_eq!(v.resolve(word).unwrap().name, skill, "{word}");
        }
        let ml = v.resolve("ml").unwrap();
        assert_eq!(
            v.covered_by(ml).collect::<Vec<_>>(),
            [
                "TensorFlow",
                "PyTorch",
                "scikit-learn",
                "Keras",
                "Deep learning"
            ]
        );
    }
}
