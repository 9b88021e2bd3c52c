//! `careers dataset`: makes the embedded dataset (`data/embedded/`) from the official files,
//! with the readers and writers `careers import` runs, so that the data in the binary is what
//! an import of the same files stores. `.ci/run` makes it again and compares it byte for byte.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::Serialize;

use crate::cli::DatasetArgs;

/// What was written.
#[derive(Debug, Serialize)]
pub struct DatasetReport {
    pub out: PathBuf,
    /// Each file written, with its size in bytes.
    pub files: Vec<(String, u64)>,
    pub onet_occupations: usize,
    pub oews_estimates: u64,
    pub projected_occupations: u64,
    /// Metropolitan areas BEA prices.
    pub priced_metros: u64,
    /// Names of principal cities in the table of them.
    pub principal_cities: usize,
}

/// It shows no credited source's figures.
impl crate::model::credits::Credited for DatasetReport {}

pub fn run(ctx: &crate::Context, args: &DatasetArgs) -> anyhow::Result<DatasetReport> {
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let temp = tempfile::Builder::new()
        .prefix(".dataset-")
        .tempdir_in(&args.out)
        .with_context(|| format!("cannot write in {}", args.out.display()))?;
    let progress = crate::onet::import::Silent;

    // O*NET, as `careers import onet` reads and stores it.
    let reserved = ctx.store.reserved_ids();
    let onet = crate::onet::import::read_with_ratings(
        &args.onet,
        args.onet_ratings.as_deref(),
        ctx.store.vocabulary(),
        &reserved,
        &progress,
    )?;
    // Optional files may be missing, as for an import (the manifest's counts say what is
    // there); malformed rows may not.
    crate::onet::import::check_rows(&onet, &args.onet, args.onet_ratings.as_deref())?;
    let prepared = crate::onet::storage::prepare(&onet, folder_name(&args.onet), folder_name)?;
    drop(onet);
    let onet = crate::onet::storage::DATASET;
    let onet_dir = temp.path().join(onet.folder);
    std::fs::create_dir(&onet_dir)?;
    let written = crate::datadir::release::write(&onet_dir, &onet, &prepared, String::new())?;
    let occupations = written.counts.counts.occupations;
    drop(prepared);
    // O*NET's words for its job zones and interest areas, which `careers explain` quotes.
    let reference = crate::onet::reference::read(&args.onet, &written.release.name)?;
    let reference_table = crate::onet::reference::table(&reference);

    // OEWS, as `careers import oews` reads and stores it, through the dataset container's own
    // writer. The embedded release must be whole: no row may be left out.
    let (mut prepared, read) = crate::oews::prepare(&args.oews, false, &progress)?;
    if !read.skipped.is_empty() {
        bail!(
            "{} has {} malformed rows; the embedded release must be whole",
            args.oews.display(),
            read.skipped.len()
        );
    }
    prepared.source = folder_name(&args.oews);
    let oews = crate::oews::storage::DATASET;
    let oews_dir = temp.path().join(oews.folder);
    std::fs::create_dir(&oews_dir)?;
    let written = crate::datadir::release::write(&oews_dir, &oews, &prepared, String::new())?;
    let estimates = written.counts.estimates;
    drop(prepared);

    // The projections, as `careers import projections` reads and stores them, through the
    // dataset container's own writer.
    let (mut prepared, _) = crate::projections::prepare(&args.projections, false)?;
    prepared.source = folder_name(&args.projections);
    let projections = crate::projections::storage::DATASET;
    let projections_dir = temp.path().join(projections.folder);
    std::fs::create_dir(&projections_dir)?;
    let written =
        crate::datadir::release::write(&projections_dir, &projections, &prepared, String::new())?;
    let projected = written.counts.occupations;

    // BEA's price parities, as `careers import prices` reads and stores them. The embedded
    // release must be whole: no row may be left out.
    let (mut prepared, _) = crate::prices::prepare(&args.prices, false)?;
    prepared.source = folder_name(&args.prices);
    let prices = crate::prices::storage::DATASET;
    let prices_dir = temp.path().join(prices.folder);
    std::fs::create_dir(&prices_dir)?;
    let written = crate::datadir::release::write(&prices_dir, &prices, &prepared, String::new())?;
    let priced_metros = written.counts.metros;

    // Census's principal cities, as the table place names are resolved with.
    let cities = crate::census::read(&args.cities)?;
    let source = folder_name(&args.cities);
    let cities_table = crate::census::table(&cities, &source.display().to_string());

    check(temp.path())?;
    let mut files = Vec::new();
    for (kind, dir) in [
        (onet.folder, &onet_dir),
        (oews.folder, &oews_dir),
        (projections.folder, &projections_dir),
        (prices.folder, &prices_dir),
    ] {
        let mut names: Vec<_> = std::fs::read_dir(dir)?
            .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect::<Result<_, _>>()?;
        names.sort();
        for name in names {
            let len = std::fs::metadata(dir.join(&name))?.len();
            files.push((format!("{kind}/{name}"), len));
        }
        // All are written and read back before any replaces what was there.
        let target = args.out.join(kind);
        if target.exists() {
            std::fs::remove_dir_all(&target)
                .with_context(|| format!("cannot replace {}", target.display()))?;
        }
        std::fs::rename(dir, &target)
            .with_context(|| format!("cannot move the new dataset to {}", target.display()))?;
    }
    let table = args.out.join(CITIES);
    std::fs::write(&table, &cities_table)
        .with_context(|| format!("cannot write {}", table.display()))?;
    files.push((CITIES.to_owned(), cities_table.len() as u64));
    let path = args.out.join(ONET_REFERENCE);
    std::fs::write(&path, &reference_table)
        .with_context(|| format!("cannot write {}", path.display()))?;
    files.push((ONET_REFERENCE.to_owned(), reference_table.len() as u64));
    Ok(DatasetReport {
        out: args.out.clone(),
        files,
        onet_occupations: occupations,
        oews_estimates: estimates,
        projected_occupations: projected,
        priced_metros,
        principal_cities: cities.len(),
    })
}

/// The table of principal cities, beside the datasets: names, compiled in whatever the build.
const CITIES: &str = "principal-cities.tsv";

/// O*NET's job zone and interest area descriptions, beside the datasets: words, compiled in
/// whatever the build.
const ONET_REFERENCE: &str = "onet-reference.tsv";

/// The folder's own name: the dataset records which release it was made from, not where it
/// was on the machine that made it.
fn folder_name(dir: &Path) -> PathBuf {
    let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    absolute
        .file_name()
        .map_or_else(|| absolute.clone(), PathBuf::from)
}

/// Opens what was written as an import is opened (the temporary folder holds `onet/` and
/// `oews/` as a data directory does), and reads every record of it.
fn check(data_dir: &Path) -> anyhow::Result<()> {
    let stored =
        crate::onet::storage::open(data_dir)?.context("the O*NET files were not written")?;
    for p in 0..stored.names.len() {
        stored.index_record(p)?;
        stored.details(p)?;
    }
    let file = stored.search_file()?;
    stored.search_records(&file)?;
    let words = stored.word_index()?;
    for id in 0..words.vocabulary() {
        words.occupations_with(id as u32)?;
    }
    for p in 0..stored.names.len() {
        words.texts(p, crate::onet::words::Kinds::ALL, |_, _, _| {})?;
    }
    let wages = crate::oews::storage::StoredWages::open(data_dir)?
        .context("the OEWS files were not written")?;
    for p in 0..wages.tables.occupations.len() {
        wages.estimates(p)?;
    }
    let projections = crate::projections::storage::Projections::open(data_dir)?
        .context("the projections were not written")?;
    anyhow::ensure!(
        projections.rows().count() == projections.len(),
        "a row of the projections written does not read back"
    );
    crate::prices::storage::Prices::open(data_dir)?
        .context("the price parities were not written")?
        .parities
        .decode_all()
        .map_err(anyhow::Error::msg)?;
    Ok(())
}
