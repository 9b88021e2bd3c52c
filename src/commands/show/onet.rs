//! The O*NET part of `careers show`: the whole O*NET record of an imported occupation, cut to
//! the sections asked for, and for a curated profile what its linked occupations say. Both
//! carry O*NET's attribution.

use serde::Serialize;

use super::ShowReport;
use crate::cli::Section;
use crate::model::onet::OccupationSummary;
use crate::model::{CodeSystem, OnetDetails};
use crate::store::{Entry, Origin, Store};

/// What O*NET says of an occupation a curated profile links to: a summary, with `careers show
/// CODE` for the whole record.
#[derive(Debug, Serialize)]
pub struct LinkedOccupation {
    pub code: String,
    /// The SOC code of `code`.
    pub soc: String,
    pub title: String,
    /// The occupation's id, for `careers show`.
    pub id: Option<String>,
    /// False when the code is not in the O*NET release in use.
    pub imported: bool,
    /// Why the occupation's record could not be read from a damaged import; the curated
    /// profile is shown all the same.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unreadable: Option<String>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub summary: Option<OccupationSummary>,
}

/// Reads what the report needs from the O*NET import: the full record of an imported
/// occupation, the linked occupations of a curated one.
pub(super) fn complete(
    store: &Store,
    entry: &Entry,
    report: &mut ShowReport,
) -> anyhow::Result<()> {
    let Some(stored) = store.onet() else {
        return Ok(());
    };
    let wants = report.sections.is_empty() || report.sections.iter().any(|s| s.is_onet());
    if matches!(entry.origin, Origin::Onet { .. }) {
        if wants && let Some(d) = &entry.profile.onet {
            report.profile.onet = store.onet_details(&d.code)?;
            if let Some(d) = &mut report.profile.onet
                && !report.sections.is_empty()
                && !report.sections.contains(&Section::Onet)
            {
                keep_parts(d, &report.sections);
            }
        }
        let shows_ratings = report
            .profile
            .onet
            .as_ref()
            .is_some_and(|d| d.ratings_release.is_some());
        report.attribution = Some(if shows_ratings {
            stored.attribution_with_ratings()
        } else {
            stored.attribution()
        });
        return Ok(());
    }
    if !wants {
        return Ok(());
    }
    for code in &entry.profile.codes {
        if code.system != CodeSystem::OnetSoc {
            continue;
        }
        let (summary, unreadable) = match store.onet_summary(&code.code) {
            Ok(s) => (s, None),
            Err(e) => (None, Some(format!("{e:#}"))),
        };
        report.onet_links.push(LinkedOccupation {
            code: code.code.clone(),
            soc: crate::store::codes::soc_of(&code.code).to_owned(),
            title: code.title.clone(),
            id: store.onet_id(&code.code).map(str::to_owned),
            imported: summary.is_some(),
            unreadable,
            summary,
        });
    }
    if !report.onet_links.is_empty() {
        report.attribution = Some(stored.attribution());
    }
    Ok(())
}

/// Whether `d` has anything for the O*NET section `s`.
pub(super) fn has_part(d: &OnetDetails, s: Section) -> bool {
    match s {
        Section::Titles => !d.alternate_titles.is_empty() || !d.reported_titles.is_empty(),
        Section::Tasks => !d.tasks.is_empty(),
        Section::Technology => !d.technology.is_empty(),
        Section::Tools => !d.tools.is_empty(),
        Section::Education => !d.education.is_empty(),
        Section::JobZone => d.job_zone.is_some(),
        Section::Interests => d.interest_code.is_some(),
        Section::WorkStyles => !d.work_styles.is_empty(),
        // An occupation the release does not rate says so.
        Section::Ratings => d.ratings_release.is_some(),
        Section::Related => !d.related.is_empty(),
        _ => false,
    }
}

/// Cuts `d` down to the O*NET sections in `keep` (its code stays).
fn keep_parts(d: &mut OnetDetails, keep: &[Section]) {
    let has = |s| keep.contains(&s);
    if !has(Section::Titles) {
        d.alternate_titles.clear();
        d.reported_titles.clear();
    }
    if !has(Section::Tasks) {
        d.tasks.clear();
    }
    if !has(Section::Technology) {
        d.technology.clear();
    }
    if !has(Section::Tools) {
        d.tools.clear();
    }
    if !has(Section::Education) {
        d.education.clear();
    }
    if !has(Section::JobZone) {
        d.job_zone = None;
    }
    if !has(Section::Interests) {
        d.interest_code = None;
    }
    if !has(Section::WorkStyles) {
        d.work_styles.clear();
    }
    if !has(Section::Ratings) {
        d.skills.clear();
        d.knowledge.clear();
        d.abilities.clear();
        d.ratings_release = None;
        d.unrated = false;
    }
    if !has(Section::Related) {
        d.related.clear();
    }
}
