//! `careers path ROLE`: where a role leads (progression, specializations, career paths, related
//! roles, opportunities) and where it comes from (other profiles that point at it).

use serde::Serialize;

use crate::Context;
use crate::cli::PathArgs;
use crate::model::{Profile, RoleLink, Stage, WorkSetting};
use crate::store::Store;

/// A role's career paths, each named role linked to its profile where one exists.
#[derive(Debug, Serialize)]
pub struct PathReport {
    pub id: String,
    pub title: String,
    #[serde(flatten)]
    pub codes: crate::store::codes::RoleCodes,
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

impl crate::model::credits::Credited for PathReport {
    fn credits(&self) -> crate::model::credits::Credits<'_> {
        crate::model::credits::Credits::none().onet(self.attribution.as_deref())
    }
}

/// Another profile that names this role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Inbound {
    pub id: String,
    pub title: String,
    /// How it names the role.
    pub relation: Relation,
    /// The title it uses for the role.
    pub named_as: String,
}

/// The part of a profile that names another role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Relation {
    ProgressionStage { stage: String },
    CareerPath,
    RelatedRole,
    Opportunity,
    ComparedWith,
}

pub fn run(ctx: &Context, args: &PathArgs) -> anyhow::Result<PathReport> {
    let entry = ctx.store.resolve(&args.role)?;
    let profile = ctx.store.full_profile(entry)?;
    Ok(PathReport {
        codes: entry.role_codes(),
        ..report(&ctx.store, &profile)
    })
}

fn resolved(store: &Store, links: &[RoleLink]) -> Vec<RoleLink> {
    links
        .iter()
        .map(|l| RoleLink {
            profile: store.linked_id(l),
            ..l.clone()
        })
        .collect()
}

/// Every role a profile names, with how it names it.
fn outgoing(p: &Profile) -> Vec<(Relation, RoleLink)> {
    let mut out = Vec::new();
    if let Some(career) = &p.career {
        for stage in &career.progression {
            for role in &stage.roles {
                out.push((
                    Relation::ProgressionStage {
                        stage: stage.name.clone(),
                    },
                    role.clone(),
                ));
            }
        }
        out.extend(
            career
                .paths
                .iter()
                .map(|l| (Relation::CareerPath, l.clone())),
        );
        out.extend(
            career
                .related_roles
                .iter()
                .map(|l| (Relation::RelatedRole, l.clone())),
        );
    }
    if let Some(market) = &p.market {
        out.extend(
            market
                .opportunities
                .iter()
                .map(|l| (Relation::Opportunity, l.clone())),
        );
    }
    out.extend(p.differences.iter().map(|d| {
        (
            Relation::ComparedWith,
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
            if store.linked_id(&link).as_deref() == Some(id) {
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
        codes: crate::store::codes::RoleCodes::default(),
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
                .filter(|(r, _)| *r == Relation::ComparedWith)
                .map(|(_, l)| l)
                .collect::<Vec<_>>(),
        ),
        work_settings: career.work_settings,
        comes_from: comes_from(store, &p.id),
        attribution: store.onet_attribution([p.id.as_str()]),
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
                relation: Relation::CareerPath,
                named_as: "ML Engineer".into(),
            }]
        );
        let de = comes_from(&store, "data-engineer");
        assert_eq!(de.len(), 1);
        assert_eq!(de[0].relation, Relation::RelatedRole);
        assert_eq!(comes_from(&store, "blank"), []);
    }
}
