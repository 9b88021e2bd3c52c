//! What the O*NET database says of an occupation, kept apart from the curated sections so
//! that every view can label it and carry O*NET's attribution.

use serde::{Deserialize, Serialize};

/// O*NET facts about one occupation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OnetDetails {
    /// The O*NET-SOC code, e.g. `15-2051.00`.
    pub code: String,
    /// Other titles for the occupation (O*NET Alternate Titles), used by search.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternate_titles: Vec<String>,
    /// Titles reported by workers (O*NET Sample of Reported Titles).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reported_titles: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<OnetTask>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub technology: Vec<TechnologySkill>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tools: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_zone: Option<JobZone>,
    /// The required level of education as respondents answered: every level someone named,
    /// most common first (on a tie, the lower level).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub education: Vec<EducationShare>,
    /// The RIASEC interest code from the high-point interests, e.g. "ICR".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest_code: Option<String>,
    /// Work styles, most important first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub work_styles: Vec<String>,
    /// Related occupations in tier and rank order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<RelatedOccupation>,
    /// The O*NET release the ratings below come from ("29.0"), when the release in use has
    /// ratings: a release's own, or those of an earlier release imported beside it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratings_release: Option<String>,
    /// Why this occupation's record is incomplete: each row of O*NET's files that named it and
    /// was left out by an import forced past them (`--force`), as "file line N, column: reason".
    /// Empty for a whole record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incomplete: Vec<String>,
    /// True when the release in use has ratings but none of this occupation: O*NET does not
    /// rate it, which is not a rating of zero.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unrated: bool,
    /// O*NET Skills ratings, most important first; those whose importance O*NET recommends
    /// suppressing come last.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<Rating>,
    /// O*NET Knowledge ratings, in the same order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub knowledge: Vec<Rating>,
    /// O*NET Abilities ratings, in the same order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub abilities: Vec<Rating>,
    /// How the occupation uses each of its profile's skills (whether O*NET flags it hot or in
    /// demand, how many of its technologies map onto it), in the order of the profile's
    /// `skills`. Carried by the index for `match`, which weighs skills by it; the technology
    /// section says the same of each one.
    #[serde(skip)]
    #[schemars(skip)]
    pub skill_uses: Vec<SkillUse>,
}

/// How an occupation uses one of its canonical skills, by O*NET's technology list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillUse {
    /// "Hot Technology" on a technology mapped onto the skill: frequent in job postings.
    pub hot: bool,
    /// "In Demand" on one: frequent in the occupation's own job postings.
    pub in_demand: bool,
    /// How many of the occupation's technologies map onto the skill (IBM SPSS Statistics,
    /// StataCorp Stata and Minitab are three for Statistics).
    pub technologies: u16,
}

impl Default for SkillUse {
    /// A skill a profile names once, without flags.
    fn default() -> SkillUse {
        SkillUse {
            hot: false,
            in_demand: false,
            technologies: 1,
        }
    }
}

/// What `show` of a curated profile says of an O*NET occupation it links to: enough to tell
/// it from the others, with `careers show CODE` for the whole record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OccupationSummary {
    pub description: String,
    pub job_zone: Option<u8>,
    pub technology_count: u32,
    pub hot_technology_count: u32,
    /// The first of its hot technologies, in O*NET's (alphabetical) order.
    pub hot_technologies: Vec<String>,
    /// The skills of the vocabulary its technology maps onto.
    pub skills: Vec<String>,
    pub task_count: u32,
}

/// How much an element (a skill, a kind of knowledge, an ability) matters in an occupation, on
/// O*NET's two scales, with O*NET's flags. The figures are O*NET's, as its files give them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// O*NET's element id, e.g. "2.A.1.a".
    pub id: String,
    pub name: String,
    /// Importance on O*NET's IM scale, 1 (not important) to 5 (extremely important).
    pub importance: f64,
    /// Level on O*NET's LV scale, 0 to 7.
    pub level: f64,
    /// O*NET recommends suppressing the importance (too few respondents or too wide an error):
    /// kept and shown, marked, and left out of rankings.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub importance_suppressed: bool,
    /// Likewise for the level.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub level_suppressed: bool,
    /// Most respondents rated the element not relevant to the occupation: its level counts as
    /// zero wherever levels are compared, whatever figure O*NET gives.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_relevant: bool,
}

impl Rating {
    /// The level comparisons use: zero for an element O*NET marks not relevant.
    pub fn working_level(&self) -> f64 {
        if self.not_relevant { 0.0 } else { self.level }
    }

    /// The order of an occupation's ratings: by importance, most important first, those whose
    /// importance O*NET recommends suppressing after all the others (they are not ranked), then
    /// by name.
    pub fn ranks_before(&self, other: &Rating) -> std::cmp::Ordering {
        self.importance_suppressed
            .cmp(&other.importance_suppressed)
            .then_with(|| other.importance.total_cmp(&self.importance))
            .then_with(|| self.name.cmp(&other.name))
    }
}

/// Which of O*NET's rated domains an element belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RatingKind {
    Skill,
    Knowledge,
    Ability,
}

impl RatingKind {
    pub const ALL: [RatingKind; 3] = [Self::Skill, Self::Knowledge, Self::Ability];

    /// The O*NET file that rates elements of this kind.
    pub const fn file(self) -> &'static str {
        match self {
            Self::Skill => "Skills.txt",
            Self::Knowledge => "Knowledge.txt",
            Self::Ability => "Abilities.txt",
        }
    }
}

impl OnetDetails {
    /// The ratings of one kind.
    pub fn ratings(&self, kind: RatingKind) -> &[Rating] {
        match kind {
            RatingKind::Skill => &self.skills,
            RatingKind::Knowledge => &self.knowledge,
            RatingKind::Ability => &self.abilities,
        }
    }

    /// The tasks, core ones first (they are what the work is), each kind in O*NET's order.
    pub fn tasks_core_first(&self) -> Vec<&OnetTask> {
        let mut tasks: Vec<&OnetTask> = self.tasks.iter().collect();
        tasks.sort_by_key(|t| t.kind != Some(TaskKind::Core));
        tasks
    }

    /// The technologies grouped by kind (O*NET's commodity title): the kinds with the most hot
    /// or in-demand technologies first, then those with the most technologies, then by name
    /// (technologies O*NET gives no kind last); in each kind the technologies by
    /// [`TechnologySkill::standing`], then by name.
    pub fn technology_by_kind(&self) -> Vec<TechnologyKind<'_>> {
        let mut kinds: Vec<TechnologyKind<'_>> = Vec::new();
        for t in &self.technology {
            let kind = t.commodity.as_deref();
            match kinds.iter_mut().find(|k| k.kind == kind) {
                Some(k) => k.technologies.push(t),
                None => kinds.push(TechnologyKind {
                    kind,
                    technologies: vec![t],
                }),
            }
        }
        for k in &mut kinds {
            k.technologies.sort_by(|a, b| {
                b.standing()
                    .cmp(&a.standing())
                    .then_with(|| a.example.cmp(&b.example))
            });
        }
        kinds.sort_by(|a, b| {
            b.flagged()
                .cmp(&a.flagged())
                .then_with(|| b.technologies.len().cmp(&a.technologies.len()))
                .then_with(|| a.kind.is_none().cmp(&b.kind.is_none()))
                .then_with(|| a.kind.cmp(&b.kind))
        });
        kinds
    }

    /// How many of its technologies are hot.
    pub fn hot_technologies(&self) -> usize {
        self.technology.iter().filter(|t| t.hot).count()
    }

    /// The ratings of one kind, to fill.
    pub fn ratings_mut(&mut self, kind: RatingKind) -> &mut Vec<Rating> {
        match kind {
            RatingKind::Skill => &mut self.skills,
            RatingKind::Knowledge => &mut self.knowledge,
            RatingKind::Ability => &mut self.abilities,
        }
    }
}

/// The order of O*NET's relatedness tiers, most related first.
pub(crate) const RELATED_TIERS: [&str; 3] = ["Primary-Short", "Primary-Long", "Supplemental"];

/// The attribution O*NET's CC BY 4.0 licence asks every output of its data to carry.
/// `version` is the release, e.g. "29.2", when known.
pub(crate) fn attribution(version: Option<&str>) -> String {
    attribution_of_releases(version, None)
}

/// The attribution of an output that shows ratings too, naming the release they come from when
/// it is not `version` ("... the O*NET 29.2 Database and, for the importance and level ratings,
/// the O*NET 29.0 Database by ...").
pub(crate) fn attribution_of_releases(version: Option<&str>, ratings: Option<&str>) -> String {
    let database = |v: Option<&str>| match v {
        Some(v) => format!("O*NET {v} Database"),
        None => "O*NET Database".to_owned(),
    };
    let mut databases = database(version);
    if let Some(r) = ratings
        && Some(r) != version
    {
        databases.push_str(&format!(
            " and, for the importance and level ratings, the {}",
            database(Some(r))
        ));
    }
    format!(
        "This product includes information from the {databases} by the U.S. \
         Department of Labor, Employment and Training Administration (USDOL/ETA). Used under \
         the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA."
    )
}

/// A task statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OnetTask {
    pub statement: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<TaskKind>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TaskKind {
    Core,
    Supplemental,
}

impl TaskKind {
    pub fn label(self) -> &'static str {
        match self {
            TaskKind::Core => "core",
            TaskKind::Supplemental => "supplemental",
        }
    }
}

/// A piece of software or technology used in the occupation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TechnologySkill {
    /// The product as O*NET names it, e.g. "Apache Spark".
    pub example: String,
    /// O*NET's commodity title, e.g. "Data base management system software".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commodity: Option<String>,
    /// The canonical skill in the project's vocabulary, where the name maps onto one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hot: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub in_demand: bool,
}

impl TechnologySkill {
    /// How much it stands out in job postings: 3 hot and in demand, 2 hot, 1 in demand, 0
    /// neither.
    pub fn standing(&self) -> u8 {
        u8::from(self.hot) * 2 + u8::from(self.in_demand)
    }
}

/// The technologies of one kind, in [`OnetDetails::technology_by_kind`]'s order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TechnologyKind<'a> {
    /// O*NET's commodity title; `None` for technologies it gives none.
    pub kind: Option<&'a str>,
    pub technologies: Vec<&'a TechnologySkill>,
}

impl TechnologyKind<'_> {
    /// How many of its technologies are hot or in demand.
    pub fn flagged(&self) -> usize {
        self.technologies
            .iter()
            .filter(|t| t.standing() > 0)
            .count()
    }
}

/// O*NET's job zone: how much preparation the occupation needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JobZone {
    /// 1 (little preparation) to 5 (extensive preparation).
    pub zone: u8,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experience: Option<String>,
}

/// A level of education and the percentage of respondents who said it is required.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EducationShare {
    pub level: String,
    pub percent: f64,
    /// O*NET flags the estimate "Recommend Suppress" (too few respondents or too wide an
    /// error): shown, and marked, never dropped.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub recommend_suppress: bool,
}

/// An occupation O*NET relates to this one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RelatedOccupation {
    pub code: String,
    pub title: String,
    /// "Primary-Short", "Primary-Long" or "Supplemental".
    pub tier: String,
    pub rank: u16,
}

/// How many education levels are named before the rest are summed up.
const NAMED_LEVELS: usize = 3;

/// An occupation's education in the words every view and the note of its folded profile use
/// (show, compare, gap, JSON, CSV): "O*NET respondents: Associate's Degree 51% (uncertain),
/// Bachelor's Degree 42% (uncertain), Some College Courses 5%, 3 other levels 3%; uncertain:
/// O*NET recommends suppressing the figure (few respondents or a wide error)". `None` without
/// data.
pub(crate) fn education_summary(shares: &[EducationShare]) -> Option<String> {
    if shares.is_empty() {
        return None;
    }
    let percent = |p: f64| match p {
        p if p > 0.0 && p < 0.5 => "<1%".to_owned(),
        // Half up, as people round: 22.50% is 23%.
        p => format!("{}%", p.round()),
    };
    let mut parts: Vec<String> = shares
        .iter()
        .take(NAMED_LEVELS)
        .map(|s| {
            let flag = if s.recommend_suppress {
                " (uncertain)"
            } else {
                ""
            };
            format!("{} {}{flag}", s.level, percent(s.percent))
        })
        .collect();
    let rest = &shares[shares.len().min(NAMED_LEVELS)..];
    match rest.len() {
        0 => {}
        1 => parts.push(format!("{} {}", rest[0].level, percent(rest[0].percent))),
        n => parts.push(format!(
            "{n} other levels {}",
            percent(rest.iter().map(|s| s.percent).sum())
        )),
    }
    let mut text = format!("O*NET respondents: {}", parts.join(", "));
    if shares
        .iter()
        .take(NAMED_LEVELS)
        .any(|s| s.recommend_suppress)
    {
        text.push_str(
            "; uncertain: O*NET recommends suppressing the figure (few respondents or a wide error)",
        );
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tech(example: &str, commodity: Option<&str>, hot: bool, in_demand: bool) -> TechnologySkill {
        TechnologySkill {
            example: example.to_owned(),
            commodity: commodity.map(str::to_owned),
            skill: None,
            hot,
            in_demand,
        }
    }

    fn task(statement: &str, kind: Option<TaskKind>) -> OnetTask {
        OnetTask {
            statement: statement.to_owned(),
            kind,
        }
    }

    #[test]
    fn tasks_come_core_first_each_kind_in_onets_order() {
        let d = OnetDetails {
            tasks: vec![
                task("a", Some(TaskKind::Supplemental)),
                task("b", Some(TaskKind::Core)),
                task("c", None),
                task("d", Some(TaskKind::Core)),
            ],
            ..OnetDetails::default()
        };
        let order: Vec<&str> = d
            .tasks_core_first()
            .iter()
            .map(|t| t.statement.as_str())
            .collect();
        assert_eq!(order, ["b", "d", "a", "c"]);
    }

    /// An occupation of `technology` alone.
    fn with_technology(technology: Vec<TechnologySkill>) -> OnetDetails {
        OnetDetails {
            technology,
            ..OnetDetails::default()
        }
    }

    /// Each kind of [`OnetDetails::technology_by_kind`] with its technologies' names.
    fn kinds_named(d: &OnetDetails) -> Vec<(Option<&str>, Vec<&str>)> {
        d.technology_by_kind()
            .into_iter()
            .map(|k| {
                let names = k.technologies.iter().map(|t| t.example.as_str());
                (k.kind, names.collect())
            })
            .collect()
    }

    #[test]
    fn technology_kinds_rank_by_flagged_then_size_then_name() {
        let db = Some("Database software");
        let ide = Some("Development environment software");
        let ops = Some("Operating system software");
        let d = with_technology(vec![
            // Two technologies, none flagged.
            tech("Vim", ide, false, false),
            tech("Emacs", ide, false, false),
            // One flagged of two: first.
            tech("SQLite", db, false, false),
            tech("PostgreSQL", db, false, true),
            // Two unflagged, as many as the development kind: after it by name, and the kind
            // O*NET does not give last.
            tech("Linux", ops, false, false),
            tech("Plan 9", ops, false, false),
            tech("Punch cards", None, false, false),
            tech("Abacus", None, false, false),
        ]);
        assert_eq!(
            kinds_named(&d),
            [
                (db, vec!["PostgreSQL", "SQLite"]),
                (ide, vec!["Emacs", "Vim"]),
                (ops, vec!["Linux", "Plan 9"]),
                (None, vec!["Abacus", "Punch cards"]),
            ]
        );
        assert_eq!(d.technology_by_kind()[0].flagged(), 1);
    }

    #[test]
    fn technologies_of_a_kind_rank_hot_and_in_demand_first() {
        let kind = Some("Analytical software");
        // (name, hot, in demand)
        let flags = [
            ("A", false, false),
            ("B", false, true),
            ("C", true, false),
            ("D", true, true),
            ("E", true, true),
        ];
        let d = with_technology(
            flags
                .map(|(n, hot, demand)| tech(n, kind, hot, demand))
                .into(),
        );
        assert_eq!(kinds_named(&d), [(kind, vec!["D", "E", "C", "B", "A"])]);
        assert_eq!(d.technology_by_kind()[0].flagged(), 4);
        assert_eq!(d.hot_technologies(), 3);
    }
}
