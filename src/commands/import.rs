//! `careers import onet DIR`: reads O*NET's text files into the user's data directory.

use std::path::PathBuf;

use serde::Serialize;

use crate::Context;
use crate::cli::{ImportArgs, ImportDatabase};
use crate::error::CareersError;
use crate::onet::import::{SkippedGroup, SkippedRow, group_skipped};
use crate::onet::storage::OnetCounts;
use crate::render::progress::FileBar;

/// What an import did.
#[derive(Debug, Serialize)]
pub struct ImportReport {
    pub database: &'static str,
    pub version: Option<String>,
    pub source: PathBuf,
    /// Where the import now lives.
    pub folder: PathBuf,
    pub imported_at: String,
    pub counts: OnetCounts,
    /// The release the importance and level ratings come from, and their folder when it is
    /// not `source`; absent when the import has no ratings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratings: Option<crate::onet::storage::RatingsManifest>,
    /// Optional files the folder did not have.
    pub missing_files: Vec<&'static str>,
    /// Optional files that were empty (0 bytes), skipped like missing ones.
    pub empty_files: Vec<&'static str>,
    /// Every malformed row, each skipped.
    pub skipped_rows: Vec<SkippedRow>,
    /// The malformed rows grouped by file and reason.
    pub skipped_groups: Vec<SkippedGroup>,
    /// What went wrong after the import was in place (also written to stderr).
    pub warnings: Vec<String>,
    pub attribution: String,
}

/// What an import of either dataset did.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum ImportOutput {
    Onet(ImportReport),
    Oews(OewsImportReport),
    Projections(ProjectionsImportReport),
    Prices(PricesImportReport),
}

impl crate::model::credits::Credited for ImportOutput {
    fn credits(&self) -> crate::model::credits::Credits<'_> {
        let none = crate::model::credits::Credits::none();
        match self {
            ImportOutput::Onet(r) => none.onet(Some(&r.attribution)),
            ImportOutput::Oews(r) => none.bls(Some(r.notice)),
            ImportOutput::Projections(r) => none.bls(Some(r.notice)),
            ImportOutput::Prices(_) => none,
        }
    }
}

/// What an import of BEA's Regional Price Parities did.
#[derive(Debug, Serialize)]
pub struct PricesImportReport {
    pub database: &'static str,
    pub release: crate::datadir::release::Release,
    pub source: PathBuf,
    pub folder: PathBuf,
    pub imported_at: String,
    pub counts: crate::prices::storage::PriceCounts,
    /// The rows left out under `--force`, each with its file, line and column.
    pub skipped_rows: Vec<crate::datadir::release::RowProblem>,
    pub warnings: Vec<String>,
    /// How BEA asks to be cited.
    pub citation: &'static str,
}

/// What an import of BLS's projections did.
#[derive(Debug, Serialize)]
pub struct ProjectionsImportReport {
    pub database: &'static str,
    pub release: crate::datadir::release::Release,
    pub source: PathBuf,
    pub folder: PathBuf,
    pub imported_at: String,
    pub counts: crate::projections::storage::ProjectionCounts,
    /// The rows left out under `--force`, each with its sheet, row and column.
    pub skipped_rows: Vec<crate::projections::read::CellProblem>,
    pub warnings: Vec<String>,
    pub notice: &'static str,
}

/// What an OEWS import did.
#[derive(Debug, Serialize)]
pub struct OewsImportReport {
    pub database: &'static str,
    pub release: crate::oews::read::Release,
    pub source: PathBuf,
    pub folder: PathBuf,
    pub imported_at: String,
    pub data_files: Vec<String>,
    pub counts: crate::oews::storage::OewsCounts,
    pub missing_files: Vec<&'static str>,
    /// The rows left out under `--force`, each with its file, line and column.
    pub skipped_rows: Vec<crate::datadir::release::RowProblem>,
    pub skipped_groups: Vec<SkippedGroup>,
    pub warnings: Vec<String>,
    pub notice: &'static str,
}

pub fn run(ctx: &Context, args: &ImportArgs) -> anyhow::Result<ImportOutput> {
    let data_dir = ctx.data_dir.as_deref().ok_or_else(|| {
        CareersError::Usage(
            "no data directory to import into; pass --data-dir DIR or set CAREERS_DATA_DIR".into(),
        )
    })?;
    match &args.database {
        ImportDatabase::Onet { dir, ratings } => {
            onet(ctx, dir, ratings.as_deref(), data_dir, args.force).map(ImportOutput::Onet)
        }
        ImportDatabase::Projections { file } => {
            let outcome = crate::projections::run_import(file, data_dir, args.force)?;
            let imported = outcome.imported;
            warn(&imported.warnings);
            let m = imported.manifest;
            Ok(ImportOutput::Projections(ProjectionsImportReport {
                database: "BLS Employment Projections",
                release: m.release,
                source: m.source,
                folder: imported.target,
                imported_at: m.imported_at,
                counts: m.counts,
                skipped_rows: outcome.problems,
                warnings: imported.warnings,
                notice: ctx.store.bls_notice(),
            }))
        }
        ImportDatabase::Prices { dir } => {
            let outcome = crate::prices::run_import(dir, data_dir, args.force)?;
            let imported = outcome.imported;
            warn(&imported.warnings);
            let m = imported.manifest;
            Ok(ImportOutput::Prices(PricesImportReport {
                database: crate::prices::storage::DATASET.title,
                release: m.release,
                source: m.source,
                folder: imported.target,
                imported_at: m.imported_at,
                counts: m.counts,
                skipped_rows: outcome.problems,
                warnings: imported.warnings,
                citation: crate::prices::storage::CITATION,
            }))
        }
        ImportDatabase::Oews { dir } => {
            let bar = FileBar::for_stderr();
            let outcome = crate::oews::run_import(dir, data_dir, args.force, &bar)?;
            let imported = outcome.imported;
            warn(&imported.warnings);
            let m = imported.manifest;
            let read = outcome.read;
            Ok(ImportOutput::Oews(OewsImportReport {
                database: "OEWS",
                release: read.release,
                source: m.source,
                folder: imported.target,
                imported_at: m.imported_at,
                data_files: read.data_files,
                counts: m.counts,
                missing_files: read.missing,
                skipped_groups: group_skipped(
                    &read
                        .skipped
                        .iter()
                        .map(|p| SkippedRow {
                            file: p.file.clone(),
                            line: p.line,
                            reason: p.what(),
                        })
                        .collect::<Vec<_>>(),
                ),
                skipped_rows: read.skipped,
                warnings: imported.warnings,
                notice: crate::oews::NOTICE,
            }))
        }
    }
}

fn warn(warnings: &[String]) {
    for warning in warnings {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "careers: warning: {}",
            crate::render::sanitize::sanitize_line(warning)
        );
    }
}

fn onet(
    ctx: &Context,
    dir: &std::path::Path,
    ratings: Option<&std::path::Path>,
    data_dir: &std::path::Path,
    force: bool,
) -> anyhow::Result<ImportReport> {
    let reserved = ctx.store.reserved_ids();
    let bar = FileBar::for_stderr();
    let outcome = crate::onet::run_import_with_ratings(
        dir,
        ratings,
        data_dir,
        ctx.store.vocabulary(),
        &reserved,
        &bar,
        force,
    )?;
    warn(&outcome.warnings);
    Ok(ImportReport {
        database: "O*NET",
        attribution: crate::onet::attribution_with_ratings(&outcome.manifest),
        version: crate::onet::storage::version(&outcome.manifest).map(str::to_owned),
        ratings: outcome.manifest.counts.ratings,
        source: outcome.manifest.source,
        folder: outcome.target,
        imported_at: outcome.manifest.imported_at,
        counts: outcome.manifest.counts.counts,
        missing_files: outcome.missing,
        empty_files: outcome.empty,
        skipped_groups: group_skipped(&outcome.skipped),
        skipped_rows: outcome.skipped,
        warnings: outcome.warnings,
    })
}
