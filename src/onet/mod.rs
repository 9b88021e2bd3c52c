//! The O*NET database: reading O*NET's text files ([`import`]), keeping the result in the user's
//! data directory ([`storage`]), and turning it into profiles for the store.

pub mod import;
pub mod names;
pub mod ratings;
pub mod reference;
pub mod storage;
pub mod technology;
pub mod words;

use std::collections::HashSet;
use std::path::Path;

use crate::datadir::release;
use crate::model::onet::{JobZone, attribution};
use crate::model::{OnetDetails, Profile, Provenance, SkillRef, Vocabulary};
use storage::{IndexRecord, Manifest, OnetRelease};

/// The release as the store and every view name it: "29.2", or "(release unknown)".
pub fn release(manifest: &Manifest) -> String {
    storage::version(manifest)
        .unwrap_or("(release unknown)")
        .to_owned()
}

/// When O*NET published a release ("February 2025"), from `data/onet-releases.json`: O*NET's
/// text files name their release but not its date.
pub fn published(version: Option<&str>) -> Option<String> {
    crate::model::published(
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/onet-releases.json"
        )),
        version?,
    )
}

/// The document a release's profiles cite: "O*NET 29.2 Database".
pub fn document(manifest: &Manifest) -> String {
    match storage::version(manifest) {
        Some(v) => format!("O*NET {v} Database"),
        None => "O*NET Database".to_owned(),
    }
}

/// The attribution for an output of an import that shows no ratings.
pub fn attribution_of(manifest: &Manifest) -> String {
    attribution(storage::version(manifest))
}

/// The attribution for an output of an import that shows its ratings too: it names the release
/// they come from when that is another.
pub fn attribution_with_ratings(manifest: &Manifest) -> String {
    crate::model::onet::attribution_of_releases(
        storage::version(manifest),
        manifest
            .counts
            .ratings
            .as_ref()
            .and_then(|r| r.version.as_deref()),
    )
}

/// The profile of the occupation at `position` in its light form: id, title, description,
/// canonical skills, job zone and interest code. `show` reads the rest from the details,
/// `search` from the word index, and `list --skill/--hot` from the search file.
///
/// A record of the index that cannot be read leaves the profile with its title and code, and
/// a description that says what is wrong.
pub fn light_profile(stored: &OnetRelease, position: usize, id: String, document: &str) -> Profile {
    let name = stored.names.get(position);
    let r = stored
        .index_record(position)
        .unwrap_or_else(|e| IndexRecord {
            description: format!("(this occupation's description cannot be read: {e:#})"),
            ..IndexRecord::default()
        });
    let skill_uses = r.skill_uses;
    let job_zone = r.job_zone.and_then(|z| {
        stored.zones.iter().find(|s| s.zone == z).map(|s| JobZone {
            zone: s.zone,
            name: s.name.clone(),
            // Read with the details, by `show`.
            education: None,
            experience: None,
        })
    });
    Profile {
        schema: None,
        id,
        title: name.title.to_owned(),
        summary: r.description,
        aliases: Vec::new(),
        codes: Vec::new(),
        source: Some(Provenance {
            document: document.to_owned(),
            section: None,
            year: None,
        }),
        overview: None,
        differences: Vec::new(),
        responsibilities: Vec::new(),
        requirements: None,
        skills: r
            .skills
            .into_iter()
            .map(|name| SkillRef {
                name,
                category: None,
                note: None,
            })
            .collect(),
        soft_skills: Vec::new(),
        industries: Vec::new(),
        career: None,
        market: None,
        salary: None,
        trends: Vec::new(),
        best_practices: Vec::new(),
        challenges: Vec::new(),
        onet: Some(OnetDetails {
            code: name.code.to_owned(),
            job_zone,
            interest_code: r.interest_code,
            skill_uses,
            ..OnetDetails::default()
        }),
    }
}

/// The outcome of `careers import onet`.
#[derive(Debug)]
pub struct ImportOutcome {
    pub manifest: Manifest,
    pub target: std::path::PathBuf,
    pub missing: Vec<&'static str>,
    pub empty: Vec<&'static str>,
    pub skipped: Vec<import::SkippedRow>,
    /// What went wrong after the import was in place.
    pub warnings: Vec<String>,
}

/// Reads the O*NET text files in `source` and stores them in `data_dir`, replacing any earlier
/// import only when everything has been read and written, and, unless `force`, only when it
/// would not lose most of what the earlier import held.
pub fn run_import(
    source: &Path,
    data_dir: &Path,
    vocabulary: &Vocabulary,
    reserved: &HashSet<String>,
    progress: &dyn import::Progress,
    force: bool,
) -> anyhow::Result<ImportOutcome> {
    run_import_with_ratings(
        source, None, data_dir, vocabulary, reserved, progress, force,
    )
}

/// [`run_import`], with the rating files read from `ratings` when it is given (see
/// [`import::read_with_ratings`]).
pub fn run_import_with_ratings(
    source: &Path,
    ratings: Option<&Path>,
    data_dir: &Path,
    vocabulary: &Vocabulary,
    reserved: &HashSet<String>,
    progress: &dyn import::Progress,
    force: bool,
) -> anyhow::Result<ImportOutcome> {
    let (imported, read) = release::import_with(data_dir, &storage::DATASET, force, || {
        let import = import::read_with_ratings(source, ratings, vocabulary, reserved, progress)?;
        let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        if !force {
            // The container refuses a smaller release too; this says which file each loss
            // comes from, and whether it is missing or empty, first. A file cut at a row
            // boundary is a loss before it is the rows of other files it leaves unmatched.
            if let Some(current) = storage::current_manifest(data_dir) {
                import::check_loss(
                    &current.counts,
                    &storage::contents(&import, absolute),
                    source,
                    ratings,
                    &import.missing,
                    &import.empty,
                )?;
            }
            import::check_rows(&import, source, ratings)?;
        }
        let prepared = storage::prepare(&import, absolute(source), absolute)?;
        Ok((prepared, import))
    })?;
    Ok(ImportOutcome {
        manifest: imported.manifest,
        target: imported.target,
        warnings: imported.warnings,
        missing: read.missing,
        empty: read.empty,
        skipped: read.skipped,
    })
}
