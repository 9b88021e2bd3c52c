//! `careers sources`: every source of profiles in use, how much it holds and its licence.

use std::path::PathBuf;

use serde::Serialize;

use crate::Context;
use crate::cli::SourcesArgs;
use crate::datadir::paths;
use crate::store::Origin;

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
    /// Where O*NET's importance and level ratings come from, when the release in use has any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratings: Option<RatingsSource>,
    pub licence: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

/// The release O*NET's ratings come from.
#[derive(Debug, Serialize)]
pub struct RatingsSource {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The folder they were read from, when it is not the release's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported_from: Option<PathBuf>,
    /// How many occupations they rate.
    pub occupations: usize,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folder: Option<PathBuf>,
    /// Compiled into careers (`data/embedded/`) rather than imported.
    pub embedded: bool,
    /// The folder of flat files it was made from (for the embedded release, its name).
    pub imported_from: PathBuf,
    /// When it was imported; none when it is embedded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported_at: Option<String>,
    pub counts: crate::store::wages::WageCounts,
    pub licence: &'static str,
    pub notice: &'static str,
}

/// The BLS Employment Projections release in use.
#[derive(Debug, Serialize)]
pub struct ProjectionsRelease {
    pub kind: &'static str,
    #[serde(flatten)]
    pub source: crate::store::projections::ProjectionsSource,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folder: Option<PathBuf>,
    pub embedded: bool,
    pub imported_from: PathBuf,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported_at: Option<String>,
    pub counts: crate::projections::storage::ProjectionCounts,
    pub licence: &'static str,
    /// BLS's notice, when `wages` does not carry it already.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<&'static str>,
}

/// The BEA Regional Price Parities release in use.
#[derive(Debug, Serialize)]
pub struct PricesRelease {
    pub kind: &'static str,
    #[serde(flatten)]
    pub source: crate::store::prices::PricesSource,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folder: Option<PathBuf>,
    pub embedded: bool,
    pub imported_from: PathBuf,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported_at: Option<String>,
    pub counts: crate::prices::storage::PriceCounts,
    pub licence: &'static str,
}

#[derive(Debug, Serialize)]
pub struct SourcesReport {
    pub sources: Vec<DataSource>,
    /// The official wage estimates, when a release is in use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wages: Option<WageSource>,
    /// The official projections, when a release is in use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projections: Option<ProjectionsRelease>,
    /// The price parities of areas, when a release is in use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prices: Option<PricesRelease>,
    /// Where `careers import prices` would put a release, when none is in use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prices_folder: Option<PathBuf>,
    /// Where `careers import projections` would put a release, when none is in use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projections_folder: Option<PathBuf>,
    /// Where an OEWS import would go when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oews_folder: Option<PathBuf>,
    /// Where an O*NET import would go when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub onet_folder: Option<PathBuf>,
}

impl crate::model::credits::Credited for SourcesReport {
    /// BLS's notice with its wages (or, without them, its projections); O*NET's attribution
    /// with its release.
    fn credits(&self) -> crate::model::credits::Credits<'_> {
        crate::model::credits::Credits::none()
            .bls(self.wages.as_ref().map(|w| w.notice))
            .bls(self.projections.as_ref().and_then(|p| p.notice))
            .onet(self.sources.iter().find_map(|s| s.attribution.as_deref()))
    }
}

pub fn run(ctx: &Context, _args: &SourcesArgs) -> anyhow::Result<SourcesReport> {
    let count = |f: fn(&Origin) -> bool| ctx.store.authored_origins().filter(f).count();
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
        ratings: None,
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
            ratings: None,
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
                version: stored.version().map(str::to_owned),
                published: m.release.published.clone(),
                imported_at: (!embedded).then(|| m.imported_at.clone()),
                profiles: ctx.store.onet_len(),
                ratings: m.counts.ratings.as_ref().map(|r| RatingsSource {
                    version: r.version.clone(),
                    published: crate::store::onet_published(r.version.as_deref()),
                    imported_from: r.source.clone(),
                    occupations: m.counts.counts.rated_occupations,
                }),
                licence: "CC BY 4.0 (https://www.onetcenter.org/license_db.html)".into(),
                attribution: Some(stored.attribution_with_ratings()),
            });
        }
        None => onet_folder = ctx.data_dir.as_deref().map(paths::onet_dir),
    }
    let mut oews_folder = None;
    let wages = if let Some(stored) = ctx.store.wages()? {
        let m = &stored.manifest;
        Some(WageSource {
            kind: "oews",
            name: "BLS Occupational Employment and Wage Statistics (OEWS)",
            release: stored.release_name(),
            release_code: stored.tables.release_code.clone(),
            published: m.release.published.clone(),
            folder: stored.dir.clone(),
            embedded: stored.dir.is_none(),
            imported_from: m.source.clone(),
            imported_at: stored.dir.is_some().then(|| m.imported_at.clone()),
            counts: m.counts.clone(),
            licence: "public domain (U.S. government work)",
            notice: crate::store::wages::OEWS_NOTICE,
        })
    } else {
        oews_folder = ctx.data_dir.as_deref().map(paths::oews_dir);
        None
    };
    let projections = ctx
        .store
        .projections()
        .zip(ctx.store.projections_source())
        .map(|(p, source)| ProjectionsRelease {
            kind: "projections",
            source,
            folder: p.dir.clone(),
            embedded: p.dir.is_none(),
            imported_from: p.manifest.source.clone(),
            imported_at: p.dir.is_some().then(|| p.manifest.imported_at.clone()),
            counts: p.manifest.counts.clone(),
            licence: "public domain (U.S. government work)",
            notice: wages.is_none().then(|| ctx.store.bls_notice()),
        });
    let projections_folder = match projections {
        Some(_) => None,
        None => ctx
            .data_dir
            .as_deref()
            .map(|d| d.join(crate::projections::storage::DATASET.folder)),
    };
    let prices = ctx
        .store
        .prices()
        .zip(ctx.store.prices_source())
        .map(|(p, source)| PricesRelease {
            kind: "prices",
            source,
            folder: p.dir.clone(),
            embedded: p.dir.is_none(),
            imported_from: p.manifest.source.clone(),
            imported_at: p.dir.is_some().then(|| p.manifest.imported_at.clone()),
            counts: p.manifest.counts.clone(),
            licence: "public domain (U.S. government work)",
        });
    let prices_folder = match prices {
        Some(_) => None,
        None => ctx
            .data_dir
            .as_deref()
            .map(|d| d.join(crate::prices::storage::DATASET.folder)),
    };
    Ok(SourcesReport {
        sources,
        wages,
        projections,
        prices,
        prices_folder,
        projections_folder,
        oews_folder,
        onet_folder,
    })
}
