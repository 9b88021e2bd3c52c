//! `careers compare A B [C D E]`: 2 to 5 roles side by side, one row per aspect, and their
//! skills split into what all share and what only some have.

use serde::Serialize;

use crate::Context;
use crate::cli::CompareArgs;
use crate::error::CareersError;
use crate::model::vocabulary::normalize;
use crate::model::{Dimension, Figure, FigureKind, Profile, SalaryFigure};
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::store::Store;

use crate::model::skillset::{self, Skill};
use crate::render::views::sections::{describe_experience, describe_figure, education_fields};

/// How many roles a comparison takes.
pub const ROLES: std::ops::RangeInclusive<usize> = 2..=5;

/// The compared roles and their skills.
#[derive(Debug, Serialize)]
pub struct CompareReport {
    pub roles: Vec<ComparedRole>,
    /// Every technical skill of any role, once, with the ids of the roles that list it.
    pub skills: Vec<ComparedSkill>,
    /// Every soft skill of any role, once, likewise.
    pub soft_skills: Vec<ComparedSkill>,
    /// O*NET's attribution, when the report shows an occupation imported from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// "BLS OEWS May 2025", when the roles' official wages are shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub official_source: Option<String>,
    /// BLS's notice, once, when official wages are shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<&'static str>,
}

/// One role's column.
#[derive(Debug, Serialize)]
pub struct ComparedRole {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// Education lines (degrees and fields, then "Advanced degrees: ..."); empty when not
    /// stated.
    pub education: Vec<String>,
    /// Experience per stage ("Entry-level: 1-3 years ..."); empty when not stated.
    pub experience: Vec<String>,
    pub certifications: Vec<String>,
    /// The role's main pay figure; absent when the source has none.
    pub headline_salary: Option<SalaryFigure>,
    /// Growth figures from the market section.
    pub growth: Vec<Figure>,
    pub industries: Vec<String>,
    /// Where the role leads, and which part of the profile says so.
    pub next_roles: Vec<String>,
    pub next_roles_from: Option<String>,
    pub skill_count: usize,
    /// BLS OEWS median and employment of each linked occupation, at `--city` or nationally.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub official: Vec<crate::store::wages::HeadlineWage>,
}

/// A skill and the roles that list it.
#[derive(Debug, Serialize)]
pub struct ComparedSkill {
    #[serde(flatten)]
    pub skill: Skill,
    pub roles: Vec<String>,
    /// Whether every compared role lists it.
    pub shared: bool,
}

pub fn run(ctx: &Context, args: &CompareArgs) -> anyhow::Result<CompareReport> {
    let resolved = resolve_roles(&ctx.store, &args.roles)?;
    let profiles = resolved
        .iter()
        .map(|p| match ctx.store.get(&p.id) {
            Some(entry) => ctx.store.full_profile(entry),
            None => Ok((*p).clone()),
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let profiles: Vec<&Profile> = profiles.iter().collect();
    let mut report = report(&ctx.store, &profiles);
    if let Some(stored) = ctx.store.wages()? {
        let area = match &args.city {
            Some(place) => {
                ctx.store
                    .resolve_place(&crate::store::bundled_locations()?, place)?
                    .area
            }
            None => None,
        };
        for role in &mut report.roles {
            role.official = ctx.store.headline_wages(&role.id, area)?;
        }
        if report.roles.iter().any(|r| !r.official.is_empty()) {
            report.official_source = Some(crate::oews::source_name(stored));
            report.notice = Some(crate::oews::NOTICE);
        }
    }
    Ok(report)
}

/// Resolves 2 to 5 different roles; anything else is a usage error.
pub fn resolve_roles<'a>(
    store: &'a Store,
    queries: &[String],
) -> Result<Vec<&'a Profile>, CareersError> {
    if !ROLES.contains(&queries.len()) {
        return Err(CareersError::Usage(format!(
            "compare takes 2 to 5 roles, got {}; e.g. `careers compare data-engineer ml-engineer`",
            queries.len()
        )));
    }
    let mut out: Vec<(&str, &Profile)> = Vec::new();
    for q in queries {
        let p = &store.resolve(q)?.profile;
        if let Some((earlier, _)) = out.iter().find(|(_, o)| o.id == p.id) {
            let same = if earlier == q {
                format!("\"{q}\" is given twice")
            } else {
                format!("\"{earlier}\" and \"{q}\" are the same role ({})", p.id)
            };
            return Err(CareersError::Usage(format!(
                "{same}; compare takes 2 to 5 different roles"
            )));
        }
        out.push((q, p));
    }
    Ok(out.into_iter().map(|(_, p)| p).collect())
}

pub fn report(store: &Store, profiles: &[&Profile]) -> CompareReport {
    let vocabulary = store.vocabulary();
    let technical: Vec<Vec<Skill>> = profiles
        .iter()
        .map(|p| skillset::technical_skills(p, vocabulary))
        .collect();
    let soft: Vec<Vec<Skill>> = profiles
        .iter()
        .map(|p| skillset::soft_skills(p, vocabulary))
        .collect();
    let held = |sets: &[Vec<Skill>]| -> Vec<ComparedSkill> {
        skillset::union(sets)
            .into_iter()
            .map(|h| ComparedSkill {
                shared: h.shared_by(profiles.len()),
                roles: h.held_by.iter().map(|&i| profiles[i].id.clone()).collect(),
                skill: h.skill,
            })
            .collect()
    };
    CompareReport {
        roles: profiles
            .iter()
            .zip(&technical)
            .map(|(p, t)| column(store, p, t.len()))
            .collect(),
        skills: held(&technical),
        soft_skills: held(&soft),
        attribution: store.onet_attribution(profiles.iter().map(|p| p.id.as_str())),
        official_source: None,
        notice: None,
    }
}

fn column(store: &Store, p: &Profile, skill_count: usize) -> ComparedRole {
    let req = p.requirements.as_ref();
    let (next_roles, next_roles_from) = next_roles(store, p);
    ComparedRole {
        id: p.id.clone(),
        title: p.title.clone(),
        summary: p.summary.clone(),
        education: req
            .and_then(|r| r.education.as_ref())
            .map(|e| {
                education_fields(e)
                    .into_iter()
                    .map(|(label, text)| {
                        if label == "Education" {
                            text
                        } else {
                            format!("{label}: {text}")
                        }
                    })
                    .collect()
            })
            .unwrap_or_default(),
        experience: req
            .map(|r| {
                r.experience
                    .iter()
                    .map(|e| format!("{}: {}", e.stage, describe_experience(e)))
                    .collect()
            })
            .unwrap_or_default(),
        certifications: req
            .map(|r| r.certifications.iter().map(|c| c.name.clone()).collect())
            .unwrap_or_default(),
        headline_salary: headline_salary(p).cloned(),
        growth: p
            .market
            .iter()
            .flat_map(|m| &m.figures)
            .filter(|f| is_growth(f.kind))
            .cloned()
            .collect(),
        industries: p.industries.iter().map(|i| i.name.clone()).collect(),
        next_roles,
        next_roles_from,
        skill_count,
        official: Vec::new(),
    }
}

/// The figure that stands for the role's pay: an overall figure named like the role (for
/// ml-engineer, the "Machine Learning Engineer" average base range), else the first overall
/// figure. Breakdowns by city, company or experience never stand for the whole role.
pub fn headline_salary(p: &Profile) -> Option<&SalaryFigure> {
    let overall: Vec<&SalaryFigure> = p
        .salary
        .iter()
        .flat_map(|s| &s.figures)
        .filter(|f| f.dimension == Dimension::Overall)
        .collect();
    let title = normalize(&p.title);
    overall
        .iter()
        .find(|f| normalize(&f.label) == title)
        .or(overall.first())
        .copied()
}

fn is_growth(kind: FigureKind) -> bool {
    matches!(
        kind,
        FigureKind::JobGrowth
            | FigureKind::OpeningsGrowth
            | FigureKind::ProjectedGrowth
            | FigureKind::MarketGrowthRate
    )
}

/// The career paths of the profile, else the roles of its last progression stage.
fn next_roles(store: &Store, p: &Profile) -> (Vec<String>, Option<String>) {
    let Some(career) = &p.career else {
        return (Vec::new(), None);
    };
    let name = |l: &crate::model::RoleLink| match store.linked_id(l) {
        Some(id) => format!("{} ({id})", l.title),
        None => l.title.clone(),
    };
    if !career.paths.is_empty() {
        return (
            career.paths.iter().map(name).collect(),
            Some("career paths".into()),
        );
    }
    match career.progression.last() {
        Some(stage) if !stage.roles.is_empty() => (
            stage.roles.iter().map(name).collect(),
            Some(format!("progression stage \"{}\"", stage.name)),
        ),
        // What `path` lists as related roles (O*NET's related occupations for an occupation).
        _ if !career.related_roles.is_empty() => (
            career.related_roles.iter().map(name).collect(),
            Some("related roles".into()),
        ),
        _ => (Vec::new(), None),
    }
}

/// Next roles the table names all of up to `MAX_NEXT_ROLES`; beyond, the first
/// `NAMED_NEXT_ROLES` and a count (JSON has them all).
const MAX_NEXT_ROLES: usize = 8;
const NAMED_NEXT_ROLES: usize = 5;

fn lines_or(lines: &[String], bullet: bool, none: &str) -> String {
    if lines.is_empty() {
        return none.to_owned();
    }
    if bullet && lines.len() > 1 {
        lines
            .iter()
            .map(|l| format!("• {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        lines.join("\n")
    }
}

impl ComparedRole {
    fn salary_text(&self) -> String {
        match &self.headline_salary {
            Some(f) => format!(
                "{} (\"{}\", {}, {})",
                f.display_pay(),
                f.label,
                f.measure.label(),
                f.year_text()
            ),
            None => "no figure in source".into(),
        }
    }

    fn next_roles_text(&self) -> String {
        match &self.next_roles_from {
            Some(from) if self.next_roles.len() > MAX_NEXT_ROLES => format!(
                "{} and {} more (from {from}; `careers path {}` lists them all)",
                self.next_roles[..NAMED_NEXT_ROLES].join(", "),
                self.next_roles.len() - NAMED_NEXT_ROLES,
                self.id
            ),
            Some(from) => format!("{} (from {from})", self.next_roles.join(", ")),
            None => "none named in source".into(),
        }
    }

    /// Every aspect of the comparison table but the title, labelled.
    pub fn aspects(&self) -> Vec<(&'static str, String)> {
        vec![
            ("Summary", self.summary.clone()),
            (
                "Education",
                lines_or(&self.education, false, "not stated in source"),
            ),
            (
                "Experience",
                lines_or(&self.experience, true, "not stated in source"),
            ),
            (
                "Certifications",
                if self.certifications.is_empty() {
                    "none named in source".into()
                } else {
                    self.certifications.join(", ")
                },
            ),
            ("Headline salary", self.salary_text()),
            (
                "Market outlook",
                lines_or(
                    &self.growth.iter().map(describe_figure).collect::<Vec<_>>(),
                    true,
                    "no growth figure in source",
                ),
            ),
            (
                "Industries",
                if self.industries.is_empty() {
                    "none named in source".into()
                } else {
                    self.industries.join(", ")
                },
            ),
            ("Next roles", self.next_roles_text()),
        ]
    }

    /// The BLS rows, when any compared role has official wages: a line per occupation.
    fn official_aspects(&self) -> [(&'static str, String); 2] {
        use crate::render::views::wages::value_text;
        let lines = |pick: fn(
            &crate::store::wages::HeadlineWage,
        ) -> Option<&crate::store::wages::WageFigure>| {
            if self.official.is_empty() {
                return "no BLS OEWS estimate".to_owned();
            }
            self.official
                .iter()
                .map(|h| {
                    let value = pick(h).map_or_else(|| "-".to_owned(), value_text);
                    format!("{value} (SOC {} {})", h.occupation.soc, h.occupation.title)
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        [
            ("Median pay (BLS)", lines(|h| h.median.as_ref())),
            ("Employment (BLS)", lines(|h| h.employment.as_ref())),
        ]
    }
}

impl CompareReport {
    /// Every role's aspects, the BLS rows included when any role has official wages.
    fn aspect_rows(&self) -> Vec<Vec<(&'static str, String)>> {
        let with_official = self.official_source.is_some();
        self.roles
            .iter()
            .map(|r| {
                let mut a = r.aspects();
                if with_official {
                    a.extend(r.official_aspects());
                }
                a
            })
            .collect()
    }

    fn ids(&self) -> Vec<&str> {
        self.roles.iter().map(|r| r.id.as_str()).collect()
    }

    /// Skills grouped for the skills table: shared by all, held by some (3+ roles only), and
    /// only one role's, each as text.
    fn split(&self, skills: &[&ComparedSkill]) -> (Vec<String>, Vec<String>, Vec<Vec<String>>) {
        let n = self.roles.len();
        let mut shared = Vec::new();
        let mut some = Vec::new();
        let mut only = vec![Vec::new(); n];
        for s in skills {
            if s.shared {
                shared.push(s.skill.name.clone());
            } else if let [one] = s.roles.as_slice() {
                let i = self.roles.iter().position(|r| &r.id == one).unwrap_or(0);
                only[i].push(s.skill.name.clone());
            } else {
                some.push(format!("{} ({})", s.skill.name, s.roles.join(", ")));
            }
        }
        (shared, some, only)
    }

    /// A row per group (shared by all, some but not all, only one role), its skills a line per
    /// category: the ids stand in the first column, which keeps them whole, instead of in
    /// narrow column headers that would break them.
    fn skills_table(&self) -> Table {
        let n = self.roles.len();
        let mut rows: Vec<(String, Vec<&ComparedSkill>)> =
            skillset::by_category(self.skills.iter().map(|s| &s.skill))
                .into_iter()
                .map(|(cat, group)| {
                    let members = group
                        .iter()
                        .filter_map(|g| self.skills.iter().find(|s| s.skill.key == g.key))
                        .collect();
                    (cat.label().to_owned(), members)
                })
                .collect();
        if !self.soft_skills.is_empty() {
            rows.push(("Soft skills".into(), self.soft_skills.iter().collect()));
        }
        // Per group, the lines "Category: a, b".
        let mut shared_lines = Vec::new();
        let mut some_lines = Vec::new();
        let mut only_lines: Vec<Vec<String>> = vec![Vec::new(); n];
        for (label, members) in rows {
            let (shared, some, only) = self.split(&members);
            let line = |names: &[String]| format!("{label}: {}", names.join(", "));
            if !shared.is_empty() {
                shared_lines.push(line(&shared));
            }
            if !some.is_empty() {
                some_lines.push(line(&some));
            }
            for (lines, names) in only_lines.iter_mut().zip(&only) {
                if !names.is_empty() {
                    lines.push(line(names));
                }
            }
        }
        let mut table = Table::new(["Skills", "By category"]).wide(1);
        let none = || "none".to_owned();
        let text = |lines: &[String]| {
            if lines.is_empty() {
                none()
            } else {
                lines.join("\n")
            }
        };
        table.row([
            Cell::tone("Shared by all", Tone::Strong),
            Cell::tone(text(&shared_lines), Tone::Good),
        ]);
        if n > 2 {
            table.row([
                Cell::tone("Some, not all", Tone::Strong),
                Cell::new(text(&some_lines)),
            ]);
        }
        for (i, (r, lines)) in self.roles.iter().zip(&only_lines).enumerate() {
            let tone = Tone::Series(u8::try_from(i).unwrap_or(0));
            table.row([
                Cell::tone(format!("Only {}", r.id), tone),
                Cell::tone(text(lines), tone),
            ]);
        }
        table
    }
}

/// "10 shared, 9 only data-engineer, 35 only ml-engineer".
fn skill_summary(report: &CompareReport, skills: &[ComparedSkill]) -> String {
    let refs: Vec<&ComparedSkill> = skills.iter().collect();
    let (shared, some, only) = report.split(&refs);
    let mut parts = vec![format!("{} shared by all", shared.len())];
    if !some.is_empty() {
        parts.push(format!("{} by some", some.len()));
    }
    for (r, names) in report.roles.iter().zip(&only) {
        parts.push(format!("{} only {}", names.len(), r.id));
    }
    parts.join(", ")
}

impl Report for CompareReport {
    fn attribution(&self) -> Option<&str> {
        self.attribution.as_deref()
    }

    fn attribution_column(&self) -> bool {
        true
    }

    fn document(&self) -> Document {
        let mut doc = Document::default();
        let titles: Vec<&str> = self.roles.iter().map(|r| r.title.as_str()).collect();
        doc.heading(1, format!("Compare: {}", titles.join(" · ")));
        let mut headers = vec!["Aspect".to_owned()];
        headers.extend(self.ids().iter().map(|id| (*id).to_owned()));
        let mut table = Table::new(headers);
        let mut title_row = vec![Cell::tone("Title", Tone::Strong)];
        title_row.extend(
            self.roles
                .iter()
                .enumerate()
                .map(|(i, r)| Cell::tone(r.title.clone(), Tone::Series(i as u8))),
        );
        table.row(title_row);
        let aspects = self.aspect_rows();
        for (k, (label, _)) in aspects[0].iter().enumerate() {
            let mut row = vec![Cell::tone(*label, Tone::Strong)];
            row.extend(aspects.iter().map(|a| Cell::new(a[k].1.clone())));
            table.row(row);
        }
        let mut skills_row = vec![Cell::tone("Technical skills", Tone::Strong)];
        skills_row.extend(self.roles.iter().map(|r| {
            Cell::new(match r.skill_count {
                0 => "none listed".to_owned(),
                1 => "1 skill".to_owned(),
                n => format!("{n} skills"),
            })
        }));
        table.row(skills_row);
        doc.table(table);

        doc.heading(2, "Skills");
        if self.skills.is_empty() && self.soft_skills.is_empty() {
            doc.paragraph("None of these roles lists any skills, so there are none to compare.");
            return doc;
        }
        for r in self.roles.iter().filter(|r| r.skill_count == 0) {
            doc.paragraph(format!(
                "{} lists no technical skills, so every technical skill below is another role's.",
                r.id
            ));
        }
        doc.paragraph(format!(
            "Technical skills: {}.",
            skill_summary(self, &self.skills)
        ));
        if !self.soft_skills.is_empty() {
            doc.paragraph(format!(
                "Soft skills: {}.",
                skill_summary(self, &self.soft_skills)
            ));
        }
        doc.table(self.skills_table());
        doc.note(
            "Skills, soft skills too, compare by canonical name and alias, in any case. \
             `careers gap FROM TO` lists what moving between two of these roles takes.",
        );
        if let (Some(source), Some(notice)) = (&self.official_source, self.notice) {
            let place = self
                .roles
                .iter()
                .flat_map(|r| &r.official)
                .next()
                .map_or("", |h| h.area.name.as_str());
            doc.note(format!(
                "Median pay and employment (BLS): {source} · {place}, cross-industry, for each role's linked occupations. {notice}"
            ));
        }
        doc
    }

    /// One record per aspect with a column per role, then one per skill with "yes" under each
    /// role that lists it.
    fn records(&self) -> Records {
        let mut headers = vec!["aspect".to_owned()];
        headers.extend(self.ids().iter().map(|id| (*id).to_owned()));
        let mut records = Records::new(headers);
        let mut title = vec!["Title".to_owned()];
        title.extend(self.roles.iter().map(|r| r.title.clone()));
        records.push(title);
        let aspects = self.aspect_rows();
        for (k, (label, _)) in aspects[0].iter().enumerate() {
            let mut row = vec![(*label).to_owned()];
            row.extend(
                aspects
                    .iter()
                    .map(|a| a[k].1.replace("\n• ", "; ").replace("• ", "")),
            );
            records.push(row);
        }
        for (kind, skills) in [("skill", &self.skills), ("soft skill", &self.soft_skills)] {
            for s in skills {
                let mut row = vec![format!("{kind}: {}", s.skill.name)];
                row.extend(
                    self.roles
                        .iter()
                        .map(|r| if s.roles.contains(&r.id) { "yes" } else { "" }.to_owned()),
                );
                records.push(row);
            }
        }
        records
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Entry, Origin};

    fn store_with(extra: &str) -> Store {
        let mut entries = crate::store::bundled_profiles().unwrap();
        entries.push(Entry {
            profile: serde_json::from_str(extra).unwrap(),
            origin: Origin::User {
                path: "/tmp/mine.json".into(),
            },
        });
        Store::new(entries, crate::store::bundled_vocabulary().unwrap())
    }

    #[test]
    fn ml_engineer_headline_is_the_overall_figure_named_like_the_role() {
        let store = Store::bundled().unwrap();
        let f = headline_salary(&store.get("ml-engineer").unwrap().profile).unwrap();
        assert_eq!(f.label, "Machine Learning Engineer");
        assert_eq!(f.display_pay(), "average $157,969 – $161,777");
        assert!(headline_salary(&store.get("data-engineer").unwrap().profile).is_none());
    }

    #[test]
    fn role_counts_and_repeats_are_usage_errors() {
        let store = Store::bundled().unwrap();
        let q = |v: &[&str]| -> Vec<String> { v.iter().map(|s| s.to_string()).collect() };
        let err = resolve_roles(&store, &q(&["ml-engineer", "mle"])).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert_eq!(
            err.to_string(),
            "\"ml-engineer\" and \"mle\" are the same role (ml-engineer); compare takes 2 to 5 different roles"
        );
        assert_eq!(
            resolve_roles(&store, &q(&["mle"])).unwrap_err().exit_code(),
            2
        );
        let six = q(&["a", "b", "c", "d", "e", "f"]);
        assert!(
            resolve_roles(&store, &six)
                .unwrap_err()
                .to_string()
                .starts_with("compare takes 2 to 5 roles, got 6")
        );
    }

    #[test]
    fn a_user_profile_written_with_aliases_lines_up() {
        let store = store_with(
            r#"{"id":"mine","title":"Mine","summary":"Me.",
                "skills":[{"name":"python"},{"name":"Apache Spark"},{"name":"sklearn"}]}"#,
        );
        let ml = &store.get("ml-engineer").unwrap().profile;
        let mine = &store.get("mine").unwrap().profile;
        let r = report(&store, &[mine, ml]);
        let shared: Vec<&str> = r
            .skills
            .iter()
            .filter(|s| s.shared)
            .map(|s| s.skill.name.as_str())
            .collect();
        assert_eq!(shared, ["Python", "Spark", "scikit-learn"]);
    }

    #[test]
    fn a_profile_without_skills_gets_a_sentence() {
        let store = store_with(r#"{"id":"mine","title":"Mine","summary":"Me."}"#);
        let de = &store.get("data-engineer").unwrap().profile;
        let mine = &store.get("mine").unwrap().profile;
        let doc = format!("{:?}", report(&store, &[mine, de]).document());
        assert!(
            doc.contains(
                "mine lists no technical skills, so every technical skill below is another role's."
            ),
            "{doc}"
        );
        let mut entries = Vec::new();
        for id in ["a", "b"] {
            entries.push(Entry {
                profile: serde_json::from_str(&format!(
                    r#"{{"id":"{id}","title":"{id}","summary":"S."}}"#
                ))
                .unwrap(),
                origin: Origin::User {
                    path: format!("/tmp/{id}.json").into(),
                },
            });
        }
        let bare = Store::new(entries, crate::store::bundled_vocabulary().unwrap());
        let (a, b) = (
            &bare.get("a").unwrap().profile,
            &bare.get("b").unwrap().profile,
        );
        let doc = format!("{:?}", report(&bare, &[a, b]).document());
        assert!(
            doc.contains("None of these roles lists any skills, so there are none to compare."),
            "{doc}"
        );
    }
}
