//! How `careers compare` reads: a table with one row per aspect and a column per role, then
//! the skills split into what all share, what some share and what only one role lists; in CSV
//! one row per aspect and one per skill.

use std::borrow::Cow;

use crate::commands::compare::{
    CompareReport, ComparedRole, ComparedSkill, NextRolesFrom, TOP_RATINGS,
};
use crate::model::onet::Rating;
use crate::model::skillset;
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::store::ratings::{NoRatings, RatingsVia};
use crate::views::salary::measure_label;
use crate::views::sections::{describe_figure, lines_or, requirement_aspects};

/// Next roles the table names all of up to `MAX_NEXT_ROLES`; beyond, the first
/// `NAMED_NEXT_ROLES` and a count (JSON has them all).
const MAX_NEXT_ROLES: usize = 8;
const NAMED_NEXT_ROLES: usize = 5;

impl ComparedRole {
    fn salary_text(&self) -> String {
        match &self.headline_salary {
            Some(f) => format!(
                "{} (\"{}\", {}, {})",
                f.display_pay(),
                f.label,
                measure_label(f.measure),
                f.year_text()
            ),
            None => "no figure in source".into(),
        }
    }

    fn next_roles_text(&self) -> String {
        let names: Vec<String> = self
            .next_roles
            .iter()
            .map(|r| match &r.id {
                Some(id) => format!("{} ({id})", r.title),
                None => r.title.clone(),
            })
            .collect();
        let from = match &self.next_roles_from {
            Some(NextRolesFrom::CareerPaths) => "career paths".to_owned(),
            Some(NextRolesFrom::ProgressionStage { stage }) => {
                format!("progression stage \"{stage}\"")
            }
            Some(NextRolesFrom::RelatedRoles) => "related roles".to_owned(),
            None => return "none named in source".into(),
        };
        if names.len() > MAX_NEXT_ROLES {
            format!(
                "{} and {} more (from {from}; `careers path {}` lists them all)",
                names[..NAMED_NEXT_ROLES].join(", "),
                names.len() - NAMED_NEXT_ROLES,
                self.id
            )
        } else {
            format!("{} (from {from})", names.join(", "))
        }
    }

    /// Every aspect of the comparison table but the title, labelled.
    fn aspects(&self) -> Vec<(&'static str, String)> {
        let mut aspects = vec![("Summary", self.summary.clone())];
        aspects.extend(requirement_aspects(&self.requirements));
        aspects.extend([
            ("Headline salary", self.salary_text()),
            (
                "Market outlook",
                lines_or(
                    &self.growth.iter().map(describe_figure).collect::<Vec<_>>(),
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
        ]);
        aspects
    }

    /// The rows of O*NET's most important skills and knowledge, a line per element.
    fn rating_aspects(&self, release: &str) -> [(Cow<'static, str>, String); 2] {
        let lines = |pick: fn(&crate::commands::compare::TopRatings) -> &[Rating]| {
            let Some(r) = &self.ratings else {
                return match &self.no_ratings {
                    Some(NoRatings::NoLinkedOccupation) => "no linked O*NET occupation".to_owned(),
                    Some(NoRatings::NotInRelease { code }) => {
                        format!("{code} is not in the O*NET release in use")
                    }
                    Some(NoRatings::NotRated { code, release }) => {
                        format!("{code} is not rated by O*NET {release}")
                    }
                    None => "no ratings".to_owned(),
                };
            };
            let mut lines: Vec<String> = pick(r)
                .iter()
                .map(|e| {
                    let level = if e.not_relevant {
                        "level 0, not relevant".to_owned()
                    } else if e.level_suppressed {
                        format!("level {:.2}, uncertain", e.level)
                    } else {
                        format!("level {:.2}", e.level)
                    };
                    format!("{} {:.2} ({level})", e.name, e.importance)
                })
                .collect();
            if r.occupation.via == RatingsVia::FirstLinkedCode {
                lines.push(format!("(of {} {})", r.occupation.code, r.occupation.title));
            }
            lines.join("\n")
        };
        [
            (
                Cow::Owned(format!("Top skills (O*NET {release})")),
                lines(|r| &r.skills),
            ),
            (
                Cow::Owned(format!("Top knowledge (O*NET {release})")),
                lines(|r| &r.knowledge),
            ),
        ]
    }

    /// The BLS projections rows, when any compared role has projections: a line per
    /// occupation.
    fn projection_aspects(&self) -> [(&'static str, String); 2] {
        use crate::views::outlook::{change_text, jobs};
        let lines = |text: fn(&crate::store::projections::ProjectionFacts) -> String| {
            let incomplete = self.projections_incomplete.iter().filter_map(|m| match m {
                crate::store::projections::NoProjection::Incomplete { soc, incomplete } => {
                    Some(format!("{soc} (incomplete: {incomplete})"))
                }
                _ => None,
            });
            if self.projections.is_empty() && self.projections_incomplete.is_empty() {
                return "not projected by BLS".to_owned();
            }
            self.projections
                .iter()
                .map(|o| {
                    let text = format!("{} ({})", text(&o.projection), o.projection.title);
                    match &o.projection.incomplete {
                        Some(why) => format!("{text}; incomplete: {why}"),
                        None => text,
                    }
                })
                .chain(incomplete)
                .collect::<Vec<_>>()
                .join("\n")
        };
        [
            ("Projected change (BLS)", lines(change_text)),
            ("Openings a year (BLS)", lines(|p| jobs(p.openings))),
        ]
    }

    /// The BLS rows, when any compared role has official wages: a line per occupation.
    fn official_aspects(&self, priced: bool) -> Vec<(&'static str, String)> {
        use crate::views::wages::figure_text;
        let lines = |pick: fn(
            &crate::store::wages::HeadlineWage,
        ) -> Option<&crate::store::wages::WageFigure>| {
            if self.official.is_empty() {
                return "no BLS OEWS estimate".to_owned();
            }
            self.official
                .iter()
                .map(|h| {
                    let value = figure_text(pick(h));
                    format!(
                        "{value} ({})",
                        crate::views::wages::occupation_name(&h.occupation)
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        let mut rows = vec![("Median pay (BLS)", lines(|h| h.median.as_ref()))];
        if priced {
            let real = if self.official.is_empty() {
                "no BLS OEWS estimate".to_owned()
            } else {
                self.official
                    .iter()
                    .map(|h| {
                        let value = h
                            .median
                            .as_ref()
                            .map_or_else(|| "-".to_owned(), crate::views::wages::us_prices_text);
                        format!("{value} (SOC {})", h.occupation.soc)
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            rows.push(("Median in U.S.-average prices (BLS, BEA)", real));
        }
        rows.push(("Employment (BLS)", lines(|h| h.employment.as_ref())));
        rows
    }
}

impl CompareReport {
    /// Every role's aspects, the BLS rows included when any role has official wages.
    fn aspect_rows(&self) -> Vec<Vec<(Cow<'static, str>, String)>> {
        let release = self.ratings_release();
        self.roles
            .iter()
            .map(|r| {
                let mut a: Vec<(Cow<'static, str>, String)> = r
                    .aspects()
                    .into_iter()
                    .map(|(label, text)| (Cow::Borrowed(label), text))
                    .collect();
                if let Some(release) = release {
                    a.extend(r.rating_aspects(release));
                }
                if self.official_source.is_some() {
                    a.extend(
                        r.official_aspects(self.prices.is_some())
                            .into_iter()
                            .map(|(l, t)| (Cow::Borrowed(l), t)),
                    );
                }
                if self.projections_source.is_some() {
                    a.extend(r.projection_aspects().map(|(l, t)| (Cow::Borrowed(l), t)));
                }
                a
            })
            .collect()
    }

    /// The release of the ratings, when any compared role has them or is said to lack them.
    fn ratings_release(&self) -> Option<&str> {
        self.roles
            .iter()
            .find_map(|r| match (&r.ratings, &r.no_ratings) {
                (Some(t), _) => Some(t.release.as_str()),
                (None, Some(NoRatings::NotRated { release, .. })) => Some(release.as_str()),
                _ => None,
            })
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
    fn attribution_column(&self) -> Option<bool> {
        Some(true)
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
            let mut row = vec![Cell::tone(label.clone(), Tone::Strong)];
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
        if let Some(release) = self.ratings_release() {
            doc.note(format!(
                "Top skills and knowledge: the {TOP_RATINGS} most important of each by O*NET {release}'s ratings, importance 1-5 with the level 0-7 (a level rated not relevant counts as 0). A role that is not an O*NET occupation takes those of the first O*NET occupation its profile links; `careers gap FROM TO` compares them element by element."
            ));
        }
        if let Some(source) = &self.official_source {
            let place = self
                .roles
                .iter()
                .flat_map(|r| &r.official)
                .next()
                .map_or("", |h| h.area.name.as_str());
            doc.note(format!(
                "Median pay and employment (BLS): {source} · {place}, cross-industry, for each role's linked occupations."
            ));
        }
        if let Some(p) = &self.prices {
            doc.note(format!(
                "Prices in {}: {}. {}",
                p.area.name,
                area_prices_text(&p.prices),
                crate::views::wages::US_PRICES_NOTE
            ));
            doc.note(format!(
                "Price levels: {}, {}.",
                p.source.name, p.source.citation
            ));
        }
        if let Some(source) = &self.projections_source {
            doc.note(format!(
                "Projected change {}-{} and openings a year (BLS): {}, national, for each role's linked occupations.",
                source.base_year, source.projected_year, source.name
            ));
        }
        doc
    }

    /// One record per role and fact, in `outlook`'s columns: its title and summary, each
    /// requirement, its headline salary, growth figures, industries, next roles, the skills it
    /// lists, O*NET's top ratings and BLS's figures.
    fn records(&self) -> Records {
        use crate::model::Pay;
        use crate::views::outlook::{FACT_COLUMNS, Fact, figure_facts, projection_facts};
        use crate::views::outlook::{incomplete_fact, text_fact, wage_facts};
        let mut records = Records::new(FACT_COLUMNS).marking_official();
        for r in &self.roles {
            let id = r.id.as_str();
            records.push(text_fact(id, "title", "", &r.title).row());
            records.push(text_fact(id, "summary", "", &r.summary).row());
            for (label, text) in requirement_aspects(&r.requirements) {
                let part = format!("requirement-{}", label.to_lowercase());
                for line in text.lines() {
                    let line = line.trim_start_matches("• ");
                    if line != "not stated in source" && line != "none named in source" {
                        records.push(text_fact(id, &part, "", line).row());
                    }
                }
            }
            if let Some(f) = &r.headline_salary {
                let period = f.year.map(|y| y.to_string()).unwrap_or_default();
                let (kind, amounts): (&str, Vec<(&str, u64)>) = match f.pay {
                    Pay::Amount { amount } => ("amount", vec![("headline-salary", amount)]),
                    Pay::AtLeast { amount } => ("at-least", vec![("headline-salary", amount)]),
                    Pay::UpTo { amount } => ("up-to", vec![("headline-salary", amount)]),
                    Pay::Range { low, high, .. } => (
                        "range",
                        vec![("headline-salary-low", low), ("headline-salary-high", high)],
                    ),
                };
                for (part, amount) in amounts {
                    records.push(
                        Fact {
                            id,
                            part,
                            what: f.label.clone(),
                            status: kind,
                            value: amount.to_string(),
                            unit: "usd-per-year",
                            text: self_text(f),
                            period: period.clone(),
                            source: f
                                .source
                                .as_ref()
                                .map(crate::views::sections::describe_source)
                                .unwrap_or_default(),
                        }
                        .row(),
                    );
                }
            }
            figure_facts(&mut records, id, "growth", &r.growth);
            for industry in &r.industries {
                records.push(text_fact(id, "industry", "", industry).row());
            }
            for next in &r.next_roles {
                let what = next.id.clone().unwrap_or_default();
                records.push(text_fact(id, "next-role", &what, &next.title).row());
            }
            for (part, skills) in [("skill", &self.skills), ("soft-skill", &self.soft_skills)] {
                for s in skills.iter().filter(|s| s.roles.contains(&r.id)) {
                    let category = s.skill.category.map_or("", |c| c.label());
                    records.push(text_fact(id, part, category, &s.skill.name).row());
                }
            }
            if let Some(t) = &r.ratings {
                for (part, ratings) in [("skill", &t.skills), ("knowledge", &t.knowledge)] {
                    for e in ratings {
                        for (measure, value, unit) in [
                            ("importance", e.importance, "importance-1-5"),
                            (
                                "level",
                                if e.not_relevant { 0.0 } else { e.level },
                                "level-0-7",
                            ),
                        ] {
                            let status = match measure {
                                "level" if e.not_relevant => "not-relevant",
                                "level" if e.level_suppressed => "uncertain",
                                "importance" if e.importance_suppressed => "uncertain",
                                _ => "rated",
                            };
                            records.push(
                                Fact {
                                    id,
                                    part: &format!("top-{part}-{measure}"),
                                    what: e.name.clone(),
                                    status,
                                    value: value.to_string(),
                                    unit,
                                    text: String::new(),
                                    period: String::new(),
                                    source: format!("O*NET {} ({})", t.release, t.occupation.code),
                                }
                                .row(),
                            );
                        }
                    }
                }
            }
            if let (None, Some(why)) = (&r.ratings, &r.no_ratings) {
                let (status, text) = match why {
                    NoRatings::NoLinkedOccupation => (
                        "no-linked-occupation",
                        "no linked O*NET occupation".to_owned(),
                    ),
                    NoRatings::NotInRelease { code } => (
                        "not-in-release",
                        format!("{code} is not in the O*NET release in use"),
                    ),
                    NoRatings::NotRated { code, release } => (
                        "not-rated",
                        format!("{code} is not rated by O*NET {release}"),
                    ),
                };
                let mut fact = text_fact(id, "ratings", "", &text);
                fact.status = status;
                records.push(fact.row());
            }
            if let Some(source) = &self.official_source {
                wage_facts(&mut records, id, &r.official, &source.name);
            }
            if let Some(s) = &self.projections_source {
                projection_facts(&mut records, id, &r.projections, s);
                let period = format!("{}-{}", s.base_year, s.projected_year);
                for n in &r.projections_incomplete {
                    if let crate::store::projections::NoProjection::Incomplete { soc, incomplete } =
                        n
                    {
                        let fact = incomplete_fact(id, soc.clone(), incomplete, &period, s);
                        records.push_official(fact.row());
                    }
                }
            }
        }
        records
    }
}

/// A salary figure as the table shows it: "$139,500 (\"Overall\", base salary, 2024)".
fn self_text(f: &crate::model::SalaryFigure) -> String {
    format!(
        "{} ({}, {})",
        f.display_pay(),
        measure_label(f.measure),
        f.year_text()
    )
}

/// An area's price levels in a sentence: "all items 98.066 and housing 120.361 (BEA RPP 2024,
/// U.S. = 100)", or why it has none.
pub(crate) fn area_prices_text(prices: &crate::store::prices::PriceFacts) -> String {
    use crate::store::prices::PriceFacts;
    use crate::views::wages::parity_text;
    match prices {
        PriceFacts::Priced {
            year,
            all_items,
            housing,
            incomplete,
            ..
        } => {
            let housing =
                housing.map_or_else(String::new, |h| format!(" and housing {}", parity_text(h)));
            let incomplete = incomplete
                .as_ref()
                .map_or_else(String::new, |why| format!("; incomplete: {why}"));
            format!(
                "all items {}{housing} (BEA RPP {year}, U.S. = 100{incomplete})",
                parity_text(*all_items)
            )
        }
        other @ PriceFacts::NotPriced { .. } => crate::views::wages::no_price_text(other),
    }
}

#[cfg(test)]
mod tests {
    use crate::commands::compare::report;
    use crate::render::Report;
    use crate::store::{Entry, Origin, Store};

    fn user(json: &str, file: &str) -> Entry {
        Entry {
            profile: serde_json::from_str(json).unwrap(),
            origin: Origin::User {
                path: format!("/tmp/{file}.json").into(),
            },
        }
    }

    #[test]
    fn a_profile_without_skills_gets_a_sentence() {
        let mut entries = crate::store::bundled_profiles().unwrap();
        entries.push(user(
            r#"{"id":"mine","title":"Mine","summary":"Me."}"#,
            "mine",
        ));
        let store = Store::new(entries, crate::store::bundled_vocabulary().unwrap());
        let de = &store.get("data-engineer").unwrap().profile;
        let mine = &store.get("mine").unwrap().profile;
        let doc = format!("{:?}", report(&store, &[mine, de]).document());
        assert!(
            doc.contains(
                "mine lists no technical skills, so every technical skill below is another role's."
            ),
            "{doc}"
        );
        let entries = ["a", "b"]
            .map(|id| {
                user(
                    &format!(r#"{{"id":"{id}","title":"{id}","summary":"S."}}"#),
                    id,
                )
            })
            .into();
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
