//! Questions about profiles that take more than one look-up: an occupation's whole profile,
//! where a link to a role leads, and which ids an import may not take.

use std::collections::HashSet;

use crate::model::{Education, ExperienceRequirement, Profile, RoleLink};

use super::{Entry, Origin, Store};

impl Store {
    /// The profile of `entry`, with what the O*NET release says of it folded into the curated
    /// sections when it is an occupation: the job zone's experience as a requirement, the
    /// education's distribution, and the related occupations as related roles (linked to their
    /// ids). compare, gap and path then treat an occupation like any other profile. Other
    /// profiles come back as they are.
    pub fn full_profile(&self, entry: &Entry) -> anyhow::Result<Profile> {
        let mut profile = entry.profile.clone();
        let Some(code) = profile.onet.as_ref().map(|o| o.code.clone()) else {
            return Ok(profile);
        };
        // Only the parts folded in below are read from the record.
        let Some(details) = self
            .onet()
            .and_then(|stored| stored.position(&code).map(|p| (stored, p)))
            .map(|(stored, p)| stored.requirement_parts(p))
            .transpose()?
        else {
            return Ok(profile);
        };
        let requirements = profile.requirements.get_or_insert_with(Default::default);
        // Worded as `show` words it, so that compare and gap say the same.
        if let Some(text) = crate::model::onet::education_summary(&details.education) {
            match &requirements.education {
                None => {
                    requirements.education = Some(Education {
                        degrees: Vec::new(),
                        fields: Vec::new(),
                        related_fields_accepted: false,
                        advanced: None,
                        note: Some(text),
                    });
                }
                Some(_) => requirements.other.push(format!("Education: {text}")),
            }
        }
        if let Some(zone) = &details.job_zone {
            // "Job Zone Four: Considerable Preparation Needed" says its number twice.
            let name = zone
                .name
                .split_once(": ")
                .map_or(zone.name.as_str(), |(_, n)| n);
            requirements.experience.push(ExperienceRequirement {
                stage: format!("O*NET job zone {}", zone.zone),
                years: None,
                in_field: None,
                note: Some(name.to_owned()),
            });
        }
        if !details.related.is_empty() {
            let career = profile.career.get_or_insert_with(Default::default);
            career
                .related_roles
                .extend(details.related.iter().map(|r| RoleLink {
                    title: r.title.clone(),
                    profile: self.resolve(&r.code).ok().map(|e| e.profile.id.clone()),
                    description: Some(format!(
                        "O*NET related occupation {} ({}, rank {})",
                        r.code, r.tier, r.rank
                    )),
                }));
        }
        Ok(profile)
    }

    /// The id of the profile a link names: its own `profile` when that profile is loaded, else
    /// the profile whose id, alias or title is exactly the link's title.
    pub fn linked_id(&self, link: &RoleLink) -> Option<String> {
        link.profile
            .as_deref()
            .and_then(|id| self.get(id))
            .or_else(|| self.lookup(&link.title))
            .map(|e| e.profile.id.clone())
    }

    /// The ids an O*NET occupation may not take: the curated profiles', which it must not
    /// shadow.
    pub fn reserved_ids(&self) -> HashSet<String> {
        self.authored()
            .filter(|e| matches!(e.origin, Origin::Bundled { .. }))
            .map(|e| e.profile.id.clone())
            .collect()
    }
}
