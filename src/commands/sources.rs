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
    /// Where it is read from; the bundled profiles are compiled in and have none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folder: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported_at: Option<String>,
    /// Profiles in use from this source.
    pub profiles: usize,
    pub licence: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct SourcesReport {
    pub sources: Vec<DataSource>,
    /// Where an O*NET import would go when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub onet_folder: Option<PathBuf>,
}

pub fn run(ctx: &Context, _args: &SourcesArgs) -> anyhow::Result<SourcesReport> {
    let count =
        |f: fn(&Origin) -> bool| ctx.store.entries().iter().filter(|e| f(&e.origin)).count();
    let mut sources = vec![DataSource {
        kind: "bundled",
        name: "Curated profiles (facts from the AiPathly page Machine Learning Developer)".into(),
        folder: None,
        version: None,
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
            version: None,
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
            sources.push(DataSource {
                kind: "onet",
                name: "O*NET database".into(),
                folder: Some(m.source.clone()),
                version: m.version.clone(),
                imported_at: Some(m.imported_at.clone()),
                profiles: count(|o| matches!(o, Origin::Onet { .. })),
                licence: "CC BY 4.0 (https://www.onetcenter.org/license_db.html)".into(),
                attribution: Some(crate::onet::attribution_of(m)),
            });
        }
        None => onet_folder = ctx.data_dir.as_deref().map(paths::onet_dir),
    }
    Ok(SourcesReport {
        sources,
        onet_folder,
    })
}

impl Report for SourcesReport {
    fn document(&self) -> Document {
        let mut doc = Document::default();
        let mut table = Table::new(["Source", "Profiles", "From", "Licence"]).wide(2);
        for s in &self.sources {
            let mut from = Vec::new();
            if let Some(v) = &s.version {
                from.push(format!("release {v}"));
            }
            match &s.folder {
                Some(folder) => from.push(folder.display().to_string()),
                None => from.push("compiled into careers".into()),
            }
            if let Some(at) = &s.imported_at {
                from.push(format!("imported {at}"));
            }
            table.row([
                Cell::tone(s.name.clone(), Tone::Strong),
                Cell::new(thousands(s.profiles as u64)),
                Cell::new(from.join("\n")),
                Cell::new(s.licence.clone()),
            ]);
        }
        doc.table(table);
        if let Some(folder) = &self.onet_folder {
            doc.note(format!(
                "No O*NET import. `careers import onet DIR` imports O*NET's text files into {}.",
                folder.display()
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
