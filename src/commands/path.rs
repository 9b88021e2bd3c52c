//! `careers path ROLE`: where a role leads (progression, specializations, career paths, related
//! roles, opportunities) and where it comes from (other profiles that point at it).

use serde::Serialize;

use crate::Context;
use crate::cli::PathArgs;
use crate::model::{Career, Profile, RoleLink, Stage, WorkSetting};
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::store::Store;

use crate::render::views::sections::{links_table, progression_table, work_settings_table};

/// A role's career paths, each named role linked to its profile where one exists.
#[derive(Debug, Serialize)]
pub struct PathReport {
    pub id: String,
    pub title: String,
    pub progression: Vec<Stage>,
    pub specializations: Vec<String>,
    /// Roles the career can lead to.
    pub paths: Vec<RoleLink>,
    pub related_roles: Vec<RoleLink>,
    /// Roles the market offers to people with the role's skills.
    pub opportunities: Vec<RoleLink>,
    /// Roles the profile compares itself with.
    pub compared_with: Vec<RoleLink>,
    pub work_settings: Vec<WorkSetting>,
    /// Other profiles that point at this role.
    pub comes_from: Vec<Inbound>,
    /// O*NET's attribution, when the report shows an occupation imported from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

/// Another profile that names this role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Inbound {
    pub id: String,
    pub title: String,
    /// How it names the role: "career path", "related role", "progression stage", ...
    pub relation: String,
    /// The title it uses for the role.
    pub named_as: String,
}

pub fn run(ctx: &Context, args: &PathArgs) -> anyhow::Result<PathReport> {
    let entry = ctx.store.resolve(&args.role)?;
    let profile = ctx.store.full_profile(entry)?;
    Ok(report(&ctx.store, &profile))
}

/// The id of the profile a link names: its own `profile` when that profile is loaded, else the
/// profile whose id, alias or title is exactly the link's title.
pub fn linked_id(store: &Store, link: &RoleLink) -> Option<String> {
    link.profile
        .as_deref()
        .and_then(|id| store.get(id))
        .or_else(|| store.lookup(&link.title))
        .map(|e| e.profile.id.clone())
}

fn resolved(store: &Store, links: &[RoleLink]) -> Vec<RoleLink> {
    links
        .iter()
        .map(|l| RoleLink {
            profile: linked_id(store, l),
            ..l.clone()
        })
        .collect()
}

/// Every role a profile names, with how it names it.
fn outgoing(p: &Profile) -> Vec<(String, RoleLink)> {
    let mut out = Vec::new();
    if let Some(career) = &p.career {
        for stage in &career.progression {
            for role in &stage.roles {
                out.push((
                    format!("progression stage \"{}\"", stage.name),
                    role.clone(),
                ));
            }
        }
        out.extend(
            career
                .paths
                .iter()
                .map(|l| ("career path".into(), l.clone())),
        );
        out.extend(
            career
                .related_roles
                .iter()
                .map(|l| ("related role".into(), l.clone())),
        );
    }
    if let Some(market) = &p.market {
        out.extend(
            market
                .opportunities
                .iter()
                .map(|l| ("opportunity".into(), l.clone())),
        );
    }
    out.extend(p.differences.iter().map(|d| {
        (
            "compared with".into(),
            RoleLink {
                title: d.other_role.clone(),
                profile: d.profile.clone(),
                description: None,
            },
        )
    }));
    out
}

/// Other profiles that name `id`, in store order. One pass over every link of every profile,
/// each a hash lookup.
pub fn comes_from(store: &Store, id: &str) -> Vec<Inbound> {
    let mut out = Vec::new();
    // O*NET's occupations link to others only in their details, which `path` reads itself.
    for e in store.authored() {
        if e.profile.id == id {
            continue;
        }
        for (relation, link) in outgoing(&e.profile) {
            if linked_id(store, &link).as_deref() == Some(id) {
                out.push(Inbound {
                    id: e.profile.id.clone(),
                    title: e.profile.title.clone(),
                    relation,
                    named_as: link.title,
                });
            }
        }
    }
    out
}

pub fn report(store: &Store, p: &Profile) -> PathReport {
    let career = p.career.clone().unwrap_or_default();
    PathReport {
        id: p.id.clone(),
        title: p.title.clone(),
        progression: career
            .progression
            .iter()
            .map(|s| Stage {
                roles: resolved(store, &s.roles),
                ..s.clone()
            })
            .collect(),
        specializations: career.specializations,
        paths: resolved(store, &career.paths),
        related_roles: resolved(store, &career.related_roles),
        opportunities: resolved(
            store,
            p.market
                .as_ref()
                .map_or(&[][..], |m| m.opportunities.as_slice()),
        ),
        compared_with: resolved(
            store,
            &outgoing(p)
                .into_iter()
                .filter(|(r, _)| r == "compared with")
                .map(|(_, l)| l)
                .collect::<Vec<_>>(),
        ),
        work_settings: career.work_settings,
        comes_from: comes_from(store, &p.id),
        attribution: store.onet_attribution([p.id.as_str()]),
    }
}

impl PathReport {
    fn leads_anywhere(&self) -> bool {
        !(self.progression.is_empty()
            && self.specializations.is_empty()
            && self.paths.is_empty()
            && self.related_roles.is_empty()
            && self.opportunities.is_empty()
            && self.compared_with.is_empty()
            && self.work_settings.is_empty())
    }

    fn link_sections(&self) -> [(&'static str, &'static str, &[RoleLink]); 4] {
        [
            ("Career paths", "career path", &self.paths),
            ("Related roles", "related role", &self.related_roles),
            ("Opportunities", "opportunity", &self.opportunities),
            ("Compared with", "compared with", &self.compared_with),
        ]
    }
}

impl Report for PathReport {
    fn attribution(&self) -> Option<&str> {
        self.attribution.as_deref()
    }

    fn attribution_column(&self) -> bool {
        true
    }

    fn document(&self) -> Document {
        let mut doc = Document::default();
        doc.heading(1, format!("Path: {} ({})", self.title, self.id));
        if !self.leads_anywhere() {
            doc.paragraph(format!(
                "The {} profile names no progression, specializations, career paths or related roles.",
                self.id
            ));
        }
        if !self.progression.is_empty() {
            doc.heading(2, "Progression");
            doc.table(progression_table(&Career {
                progression: self.progression.clone(),
                ..Career::default()
            }));
        }
        if !self.specializations.is_empty() {
            doc.heading(2, "Specializations");
            doc.list(self.specializations.iter().cloned());
        }
        for (heading, _, links) in self.link_sections() {
            if !links.is_empty() {
                doc.heading(2, heading);
                doc.table(links_table("Role", links).wide(2));
            }
        }
        if !self.work_settings.is_empty() {
            doc.heading(2, "Where the work is");
            doc.table(work_settings_table(&self.work_settings));
        }
        doc.heading(2, "Comes from");
        if self.comes_from.is_empty() {
            doc.paragraph(format!(
                "No other profile points at {}: none names it as a career path, progression stage, related role, opportunity or comparison.",
                self.id
            ));
        } else {
            let mut table = Table::new(["Profile", "Names this role as"]);
            for i in &self.comes_from {
                table.row([
                    Cell::tone(format!("{}\n{}", i.id, i.title), Tone::Strong),
                    Cell::new(format!("{} (\"{}\")", i.relation, i.named_as)),
                ]);
            }
            doc.table(table);
        }
        let linked = self
            .progression
            .iter()
            .flat_map(|s| &s.roles)
            .chain(self.link_sections().iter().flat_map(|(_, _, l)| l.iter()))
            .any(|l| l.profile.is_some());
        if linked || !self.comes_from.is_empty() {
            doc.note("Roles shown with a profile id open with `careers show ID`.");
        }
        doc
    }

    fn records(&self) -> Records {
        let mut records = Records::new(["relation", "stage", "title", "profile", "description"]);
        for s in &self.progression {
            for r in &s.roles {
                records.push([
                    "progression".into(),
                    s.name.clone(),
                    r.title.clone(),
                    r.profile.clone().unwrap_or_default(),
                    r.description.clone().unwrap_or_default(),
                ]);
            }
        }
        for s in &self.specializations {
            records.push(["specialization", "", s, "", ""]);
        }
        for (_, relation, links) in self.link_sections() {
            for l in links {
                records.push([
                    relation.to_owned(),
                    String::new(),
                    l.title.clone(),
                    l.profile.clone().unwrap_or_default(),
                    l.description.clone().unwrap_or_default(),
                ]);
            }
        }
        for i in &self.comes_from {
            records.push([
                "comes from".to_owned(),
                String::new(),
                i.title.clone(),
                i.id.clone(),
                format!("names {} as {} \"{}\"", self.id, i.relation, i.named_as),
            ]);
        }
        records
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Entry, Origin};

    fn entry(json: &str) -> Entry {
        Entry {
            profile: serde_json::from_str(json).unwrap(),
            origin: Origin::User {
                path: "/tmp/x.json".into(),
            },
        }
    }

    fn store() -> Store {
        let mut entries = crate::store::bundled_profiles().unwrap();
        entries.push(entry(
            r#"{"id":"data-scientist","title":"Data Scientist","summary":"Models data.",
                "career":{"paths":[{"title":"ML Engineer"}],
                          "related_roles":[{"title":"Analyst","profile":"data-engineer"}]}}"#,
        ));
        entries.push(entry(
            r#"{"id":"blank","title":"Blank","summary":"Nothing else."}"#,
        ));
        Store::new(entries, crate::store::bundled_vocabulary().unwrap())
    }

    #[test]
    fn links_resolve_by_profile_field_or_exact_title() {
        let store = store();
        let r = report(&store, &store.get("ml-engineer").unwrap().profile);
        let entry_roles: Vec<Option<&str>> = r.progression[0]
            .roles
            .iter()
            .map(|l| l.profile.as_deref())
            .collect();
        // "Data scientist" now has a profile; the others do not.
        assert_eq!(entry_roles, [Some("data-scientist"), None, None]);
        assert_eq!(r.paths[0].profile.as_deref(), Some("data-scientist"));
    }

    #[test]
    fn comes_from_lists_profiles_pointing_at_the_role() {
        let store = store();
        assert_eq!(
            comes_from(&store, "ml-engineer"),
            [Inbound {
                id: "data-scientist".into(),
                title: "Data Scientist".into(),
                relation: "career path".into(),
                named_as: "ML Engineer".into(),
            }]
        );
        let de = comes_from(&store, "data-engineer");
        assert_eq!(de.len(), 1);
        assert_eq!(de[0].relation, "related role");
        assert_eq!(comes_from(&store, "blank"), []);
    }

    #[test]
    fn a_profile_without_career_data_says_so() {
        let store = store();
        let r = report(&store, &store.get("blank").unwrap().profile);
        let doc = r.document();
        let text = format!("{doc:?}");
        assert!(
            text.contains("The blank profile names no progression"),
            "{text}"
        );
        assert!(text.contains("No other profile points at blank"), "{text}");
    }
}
