//! `careers sources`: every source of profiles in use, how much it holds and its licence.

use std::path::PathBuf;

use serde::Serialize;

use crate::Context;
use crate::cli::SourcesArgs;
use crate::model::salary::thousands;
use crate::render::{Cell, Document, Report, Table, Tone};
use crate::store::{Origin, paths};

/// One source of profiles.
#[derive(Debug, Serialize)]
pub struct DataSource {
    /// `bundled`, `user` or `onet`.
    pub kind: &'static str,
    pub name: String,
    /// Where it is read from; the bundled profiles and the embedded dataset are compiled in
    /// and have none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folder: Option<PathBuf>,
    /// Compiled into careers (`data/embedded/`) rather than imported.
    pub embedded: bool,
    /// The folder of official files it was made from: the path an import was given, or the
    /// name of the folder the embedded dataset was made from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported_from: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// When the release was published, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported_at: Option<String>,
    /// Profiles in use from this source.
    pub profiles: usize,
    pub licence: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

/// The release of official wage estimates in use.
#[derive(Debug, Serialize)]
pub struct WageSource {
    pub kind: &'static str,
    pub name: &'static str,
    /// "May 2025".
    pub release: String,
    /// BLS's code of the release, e.g. `2025A01`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub release_code: Option<String>,
    /// When BLS published it, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The folder it was imported into; none when it is embedded.
    pub folder: Option<PathBuf>,
    /// Compiled into careers (`data/embedded/`) rather than imported.
    pub embedded: bool,
    /// The folder of flat files it was made from (for the embedded release, its name).
    pub imported_from: PathBuf,
    /// When it was imported; none when it is embedded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported_at: Option<String>,
    pub counts: crate::oews::storage::Counts,
    pub licence: &'static str,
    pub notice: &'static str,
}

#[derive(Debug, Serialize)]
pub struct SourcesReport {
    pub sources: Vec<DataSource>,
    /// The official wage estimates, when a release is in use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wages: Option<WageSource>,
    /// Where an OEWS import would go when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oews_folder: Option<PathBuf>,
    /// Where an O*NET import would go when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub onet_folder: Option<PathBuf>,
}

pub fn run(ctx: &Context, _args: &SourcesArgs) -> anyhow::Result<SourcesReport> {
    let count = |f: fn(&Origin) -> bool| ctx.store.authored().filter(|e| f(&e.origin)).count();
    let mut sources = vec![DataSource {
        kind: "bundled",
        name: "Curated profiles (facts from the AiPathly page Machine Learning Developer)".into(),
        folder: None,
        embedded: false,
        imported_from: None,
        version: None,
        published: None,
        imported_at: None,
        profiles: count(|o| matches!(o, Origin::Bundled { .. })),
        licence: format!(
            "{} (our wording; the facts come from the page)",
            env!("CARGO_PKG_LICENSE")
        ),
        attribution: None,
    }];
    let user = count(|o| matches!(o, Origin::User { .. }));
    if user > 0 {
        sources.push(DataSource {
            kind: "user",
            name: "Your profiles".into(),
            folder: ctx.data_dir.as_deref().map(paths::profiles_dir),
            embedded: false,
            imported_from: None,
            version: None,
            published: None,
            imported_at: None,
            profiles: user,
            licence: "yours".into(),
            attribution: None,
        });
    }
    let mut onet_folder = None;
    match ctx.store.onet_required()? {
        Some(stored) => {
            let m = &stored.manifest;
            let embedded = stored.dir().is_none();
            sources.push(DataSource {
                kind: "onet",
                name: "O*NET database".into(),
                folder: stored.dir().map(std::path::Path::to_path_buf),
                embedded,
                imported_from: Some(m.source.clone()),
                version: m.version.clone(),
                published: crate::onet::published(m.version.as_deref()),
                imported_at: (!embedded).then(|| m.imported_at.clone()),
                profiles: ctx.store.onet_len(),
                licence: "CC BY 4.0 (https://www.onetcenter.org/license_db.html)".into(),
                attribution: Some(crate::onet::attribution_of(m)),
            });
        }
        None => onet_folder = ctx.data_dir.as_deref().map(paths::onet_dir),
    }
    let mut oews_folder = None;
    let wages = match ctx.store.wages()? {
        Some(stored) => {
            let m = &stored.manifest;
            Some(WageSource {
                kind: "oews",
                name: "BLS Occupational Employment and Wage Statistics (OEWS)",
                release: stored.release_name(),
                release_code: m.release.code.clone(),
                published: crate::oews::published(m.release.code.as_deref()),
                folder: stored.dir.clone(),
                embedded: stored.dir.is_none(),
                imported_from: m.source.clone(),
                imported_at: stored.dir.is_some().then(|| m.imported_at.clone()),
                counts: m.counts.clone(),
                licence: "public domain (U.S. government work)",
                notice: crate::oews::NOTICE,
            })
        }
        None => {
            oews_folder = ctx.data_dir.as_deref().map(paths::oews_dir);
            None
        }
    };
    Ok(SourcesReport {
        sources,
        wages,
        oews_folder,
        onet_folder,
    })
}

impl Report for SourcesReport {
    fn document(&self) -> Document {
        let mut doc = Document::default();
        let mut table = Table::new(["Source", "Profiles", "From", "Licence"]).wide(2);
        for s in &self.sources {
            let mut from = Vec::new();
            match (&s.version, &s.published) {
                (Some(v), Some(date)) => from.push(format!("release {v}, {date}")),
                (Some(v), None) => from.push(format!("release {v}")),
                _ => {}
            }
            match &s.folder {
                Some(folder) => from.push(path_text(folder)),
                None => from.push("compiled into careers".into()),
            }
            match (&s.imported_from, &s.imported_at) {
                (Some(source), Some(at)) => {
                    from.push(format!("imported {at} from {}", path_text(source)));
                }
                (Some(source), None) => from.push(format!("made from {}", path_text(source))),
                (None, Some(at)) => from.push(format!("imported {at}")),
                (None, None) => {}
            }
            table.row([
                Cell::tone(s.name.clone(), Tone::Strong),
                Cell::new(thousands(s.profiles as u64)),
                Cell::new(from.join("\n")),
                Cell::new(s.licence.clone()),
            ]);
        }
        doc.table(table);
        if let Some(w) = &self.wages {
            doc.heading(2, "Official wages");
            let c = &w.counts;
            let mut fields = vec![
                ("Source".to_owned(), format!("{}, {}", w.name, w.release)),
                (
                    "Published".to_owned(),
                    w.published
                        .clone()
                        .unwrap_or_else(|| "not stated in the files".into()),
                ),
                (
                    "Holds".to_owned(),
                    format!(
                        "{} estimates of {} occupations in {} areas ({} rows read, {} skipped)",
                        thousands(c.estimates),
                        thousands(c.occupations),
                        thousands(c.areas),
                        thousands(c.rows),
                        thousands(c.rows_skipped)
                    ),
                ),
            ];
            if let Some(folder) = &w.folder {
                fields.push(("Folder".to_owned(), path_text(folder)));
            }
            fields.push(match &w.imported_at {
                Some(at) => (
                    "Imported".to_owned(),
                    format!("{at} from {}", path_text(&w.imported_from)),
                ),
                None => (
                    "Embedded".to_owned(),
                    format!(
                        "compiled into careers, made from {}",
                        path_text(&w.imported_from)
                    ),
                ),
            });
            fields.push(("Licence".to_owned(), w.licence.to_owned()));
            doc.fields(fields);
            doc.note(w.notice);
        }
        if self.sources.iter().any(|s| s.embedded)
            || self.wages.as_ref().is_some_and(|w| w.embedded)
        {
            doc.note(
                "The embedded data was made from the official files by the code `careers import` runs. \
`careers import onet DIR` or `careers import oews DIR` brings in a newer release, which then \
replaces the embedded one of its kind.",
            );
        }
        if let Some(folder) = &self.oews_folder {
            doc.note(format!(
                "No BLS OEWS import. `careers import oews DIR` imports BLS's OEWS flat files into {}.",
                path_text(folder)
            ));
        }
        if let Some(folder) = &self.onet_folder {
            doc.note(format!(
                "No O*NET import. `careers import onet DIR` imports O*NET's text files into {}.",
                path_text(folder)
            ));
        }
        for s in &self.sources {
            if let Some(a) = &s.attribution {
                doc.note(a.clone());
            }
        }
        doc
    }
}

/// A path as one line of text: a newline in a folder's name is shown escaped, so that it cannot
/// start a line of its own in the report.
fn path_text(path: &std::path::Path) -> String {
    crate::render::sanitize::sanitize_line(&path.display().to_string()).into_owned()
}
