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
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
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
                },
                VocabularySkill {
                    name: "Rlang".into(),
                    category: SkillCategory::ProgrammingLanguage,
                    aliases: vec!["r".into()],
                },
            ],
        })
        .unwrap_err();
        assert_eq!(err, "skills[1]: \"r\" already names R");
    }
}
