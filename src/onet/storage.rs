//! The imported database on disk, in `DATA_DIR/onet/`, laid out so that each command reads only
//! what it needs:
//!
//! - `manifest.json`: release, source folder, date of import and counts (`careers sources`);
//! - `index.bin` (postcard): per occupation, what every command's role lookup, `list` and
//!   `match` use: id, code, title, description, canonical skills, job zone, interest code, and
//!   where its details are;
//! - `details.jsonl`: per occupation, its whole O*NET record as one JSON line, read by byte range
//!   for `show`;
//! - `search.bin` (postcard): alternate and reported titles, task statements and technology
//!   names with their flags, read by `search` and by `list --skill/--hot`, borrowed from the
//!   file's bytes rather than copied.
//!
//! An import is written to a temporary folder beside `onet/` and swapped in by renaming, so a
//! failed or interrupted import leaves the previous data as it was (a previous import left
//! aside by a swap cut short is moved back by the next run).

use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};

use super::import::{Import, Occupation};
use crate::model::OnetDetails;
use crate::model::onet::SkillUse;

/// Bumped whenever the layout changes; older imports must be imported again.
pub const FORMAT: u32 = 3;

const MANIFEST: &str = "manifest.json";
const INDEX: &str = "index.bin";
const DETAILS: &str = "details.jsonl";
const SEARCH: &str = "search.bin";

/// What `careers sources` says of an import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    /// The O*NET release, e.g. "29.2", when the folder names it.
    pub version: Option<String>,
    /// The folder the text files were read from.
    pub source: PathBuf,
    /// When the import ran, in UTC (RFC 3339).
    pub imported_at: String,
    pub counts: Counts,
}

/// How much an import holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub occupations: usize,
    pub alternate_titles: usize,
    pub reported_titles: usize,
    pub tasks: usize,
    pub technology_skills: usize,
    pub tools: usize,
    pub related_links: usize,
    pub rows_skipped: usize,
}

impl Counts {
    pub fn of(import: &Import) -> Counts {
        let mut c = Counts {
            occupations: import.occupations.len(),
            rows_skipped: import.skipped.len(),
            ..Counts::default()
        };
        for o in &import.occupations {
            let d = &o.details;
            c.alternate_titles += d.alternate_titles.len();
            c.reported_titles += d.reported_titles.len();
            c.tasks += d.tasks.len();
            c.technology_skills += d.technology.len();
            c.tools += d.tools.len();
            c.related_links += d.related.len();
        }
        c
    }
}

/// What the index keeps of one occupation.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndexRecord {
    pub id: String,
    pub code: String,
    pub title: String,
    pub description: String,
    pub skills: Vec<String>,
    /// O*NET's flags for each of `skills`, in the same order.
    pub skill_uses: Vec<SkillUse>,
    pub job_zone: Option<u8>,
    pub interest_code: Option<String>,
    /// Byte offset and length of the occupation's line in `details.jsonl`.
    pub details: (u64, u32),
}

/// A technology skill without its commodity title.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SearchTechnology<'a> {
    pub example: &'a str,
    pub skill: Option<&'a str>,
    pub hot: bool,
    pub in_demand: bool,
}

/// A job zone as the index stores it (postcard needs every field written).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredZone {
    pub zone: u8,
    pub name: String,
    pub education: Option<String>,
    pub experience: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Index {
    pub zones: Vec<StoredZone>,
    pub records: Vec<IndexRecord>,
}

/// The text `search` reads besides the index, one record per occupation in index order.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SearchRecord<'a> {
    /// Alternate titles, then reported titles.
    #[serde(borrow)]
    pub titles: Vec<&'a str>,
    /// Task statements, in lowercase, one a line.
    #[serde(borrow)]
    pub tasks: &'a str,
    #[serde(borrow)]
    pub technology: Vec<SearchTechnology<'a>>,
}

/// The bytes of `search.bin`, which [`SearchRecord`]s borrow from.
pub struct SearchFile(Vec<u8>);

/// What [`write`] did: where the import now lives, and what it could not tidy up afterwards.
#[derive(Debug)]
pub struct Written {
    pub target: PathBuf,
    /// Problems after the new import was in place (the previous one could not be removed):
    /// warnings, since the import itself succeeded.
    pub warnings: Vec<String>,
}

/// Writes `import` into `data_dir/onet`, replacing what was there only once everything is
/// written, under the data directory's import lock ([`crate::store::imports`]).
pub fn write(
    lock: &crate::store::imports::ImportLock,
    import: &Import,
    manifest: &Manifest,
) -> anyhow::Result<Written> {
    let temp = lock.temp_dir("onet")?;
    write_files(temp.path(), import, manifest)?;
    let swapped = lock.swap_in(temp, "onet")?;
    Ok(Written {
        target: swapped.target,
        warnings: swapped.warnings,
    })
}

fn write_files(dir: &Path, import: &Import, manifest: &Manifest) -> anyhow::Result<()> {
    let mut zones: Vec<StoredZone> = Vec::new();
    let mut records = Vec::with_capacity(import.occupations.len());
    let mut search = Vec::with_capacity(import.occupations.len());
    // Tasks are searched, never shown, by `search`: stored lowercase, they need no folding,
    // and one text a line per occupation, which one substring test can rule out whole.
    let lowered: Vec<String> = import
        .occupations
        .iter()
        .map(|o| {
            o.details
                .tasks
                .iter()
                .map(|t| t.statement.to_lowercase().replace('\n', " "))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    let details_path = dir.join(DETAILS);
    let cannot = |e: std::io::Error| {
        anyhow::anyhow!(
            "cannot write {} while storing the import: {}",
            details_path.display(),
            crate::store::user::io_reason(&e)
        )
    };
    let mut details = BufWriter::new(File::create(&details_path).map_err(cannot)?);
    let mut offset = 0u64;
    for (o, tasks) in import.occupations.iter().zip(&lowered) {
        let line = serde_json::to_vec(&o.details)?;
        details.write_all(&line).map_err(cannot)?;
        details.write_all(b"\n").map_err(cannot)?;
        let len = u32::try_from(line.len()).context("an occupation's record is over 4 GiB")?;
        if let Some(z) = &o.details.job_zone
            && !zones.iter().any(|s| s.zone == z.zone)
        {
            zones.push(StoredZone {
                zone: z.zone,
                name: z.name.clone(),
                education: z.education.clone(),
                experience: z.experience.clone(),
            });
        }
        records.push(index_record(o, (offset, len)));
        offset += u64::from(len) + 1;
        let d = &o.details;
        search.push(SearchRecord {
            titles: d
                .alternate_titles
                .iter()
                .chain(&d.reported_titles)
                .map(String::as_str)
                .collect(),
            tasks,
            technology: d
                .technology
                .iter()
                .map(|t| SearchTechnology {
                    example: &t.example,
                    skill: t.skill.as_deref(),
                    hot: t.hot,
                    in_demand: t.in_demand,
                })
                .collect(),
        });
    }
    details
        .into_inner()
        .map_err(|e| cannot(e.into_error()))?
        .sync_all()
        .map_err(cannot)?;
    zones.sort_by_key(|z| z.zone);
    write_file(
        &dir.join(INDEX),
        &postcard::to_stdvec(&Index { zones, records })?,
    )?;
    write_file(&dir.join(SEARCH), &postcard::to_stdvec(&search)?)?;
    // The manifest goes last: a folder without one is never a finished import.
    write_file(&dir.join(MANIFEST), &serde_json::to_vec_pretty(manifest)?)?;
    Ok(())
}

fn write_file(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut f = File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
    f.write_all(bytes)?;
    f.sync_all()?;
    Ok(())
}

fn index_record(o: &Occupation, details: (u64, u32)) -> IndexRecord {
    IndexRecord {
        id: o.id.clone(),
        code: o.details.code.clone(),
        title: o.title.clone(),
        description: o.description.clone(),
        skills: o.skills.clone(),
        skill_uses: o
            .skills
            .iter()
            .map(|name| {
                let mut flags = SkillUse {
                    technologies: 0,
                    ..SkillUse::default()
                };
                for t in &o.details.technology {
                    if t.skill.as_ref() == Some(name) {
                        flags.hot |= t.hot;
                        flags.in_demand |= t.in_demand;
                        flags.technologies = flags.technologies.saturating_add(1);
                    }
                }
                flags
            })
            .collect(),
        job_zone: o.details.job_zone.as_ref().map(|z| z.zone),
        interest_code: o.details.interest_code.clone(),
        details,
    }
}

/// An import on disk, opened: its manifest and, per occupation in index order, its code and
/// where its details are. The rest of the index goes into the store's profiles.
#[derive(Debug)]
pub struct Stored {
    pub dir: PathBuf,
    pub manifest: Manifest,
    /// `details.jsonl` and `search.bin`, opened with the index so that all three come from
    /// the same import even when another import swaps in meanwhile.
    details_file: crate::fsutil::Bounded<File>,
    search: crate::fsutil::Bounded<File>,
    codes: Vec<String>,
    spans: Vec<(u64, u32)>,
}

/// The manifest of the import in `data_dir`, when there is one that can be read: what a new
/// import is compared with before it replaces it.
pub fn current_manifest(data_dir: &Path) -> Option<Manifest> {
    let dir = crate::store::paths::onet_dir(data_dir);
    let bytes = read_stored(&dir, MANIFEST, MAX_MANIFEST_BYTES).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Opens the import in `data_dir`, or `None` when there is none.
pub fn open(data_dir: &Path) -> anyhow::Result<Option<(Stored, Index)>> {
    crate::store::imports::tidy(data_dir);
    let dir = crate::store::paths::onet_dir(data_dir);
    if !dir.exists() {
        return Ok(None);
    }
    let _readers = crate::store::imports::ReadLock::shared(data_dir);
    let manifest_text = match read_stored(&dir, MANIFEST, MAX_MANIFEST_BYTES) {
        Ok(text) => text,
        Err(_) if !dir.exists() => return Ok(None),
        Err(e) => return Err(e),
    };
    let manifest: Manifest =
        serde_json::from_slice(&manifest_text).map_err(|e| broken(&dir, &e.to_string()))?;
    if manifest.format != FORMAT {
        return Err(broken(
            &dir,
            &format!(
                "it is in format {}, this version reads format {FORMAT}",
                manifest.format
            ),
        ));
    }
    let bytes = read_stored(&dir, INDEX, MAX_STORED_BYTES)?;
    let index: Index = postcard::from_bytes(&bytes).map_err(|e| broken(&dir, &e.to_string()))?;
    // A details file cut short or replaced is found now, while the bundled profiles can still
    // answer without the import, rather than by the first `show` that reads it.
    let details = crate::fsutil::open_bounded(&dir.join(DETAILS), MAX_STORED_BYTES)
        .map_err(|e| broken(&dir, &format!("{DETAILS} {e}")))?;
    let size = details.file().metadata().map_or(0, |m| m.len());
    let end = index
        .records
        .iter()
        .map(|r| r.details.0.saturating_add(u64::from(r.details.1)))
        .max()
        .unwrap_or(0);
    if end > size {
        return Err(broken(
            &dir,
            &format!("{DETAILS} is shorter than index.bin says"),
        ));
    }
    let codes = index.records.iter().map(|r| r.code.clone()).collect();
    let spans = index.records.iter().map(|r| r.details).collect();
    let search = crate::fsutil::open_bounded(&dir.join(SEARCH), MAX_STORED_BYTES)
        .map_err(|e| broken(&dir, &format!("{SEARCH} {e}")))?;
    Ok(Some((
        Stored {
            dir,
            manifest,
            details_file: details,
            search,
            codes,
            spans,
        },
        index,
    )))
}

/// `manifest.json` is a few hundred bytes.
const MAX_MANIFEST_BYTES: u64 = 1024 * 1024;

/// An import of O*NET 29.2 writes 10 MB of details, 4 MB of search text and a 330 KB index;
/// an import reads at most 256 MiB from any one source file. A stored file larger than this
/// was not written by an import, and is refused unread.
const MAX_STORED_BYTES: u64 = 1024 * 1024 * 1024;

/// Reads one of the import's own files, if it is a regular file within `max` bytes.
fn read_stored(dir: &Path, name: &str, max: u64) -> anyhow::Result<Vec<u8>> {
    crate::fsutil::read_bounded(&dir.join(name), max)
        .map_err(|e| broken(dir, &format!("{name} {e}")))
}

fn broken(dir: &Path, why: &str) -> anyhow::Error {
    // Importing again replaces the folder whatever it holds; removing it goes back to the
    // bundled and user profiles. Either works, even when an import wrote what cannot be read.
    anyhow::anyhow!(
        "the imported O*NET data in {} cannot be read ({why}); import it again with `careers import onet FOLDER`, or remove it with `rm -r {}`",
        dir.display(),
        crate::render::sanitize::shell_quote(&dir.display().to_string())
    )
}

impl Stored {
    /// The whole O*NET record of the occupation at `position` in the index.
    pub fn details(&self, position: usize) -> anyhow::Result<OnetDetails> {
        let (offset, len) = self.spans[position];
        let mut file = self.details_file.file();
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        // The span comes from the index: check it against the file before allocating for it.
        if offset
            .checked_add(u64::from(len))
            .is_none_or(|end| end > size)
        {
            return Err(broken(
                &self.dir,
                &format!("{DETAILS} is shorter than index.bin says"),
            ));
        }
        file.seek(SeekFrom::Start(offset))
            .map_err(|e| broken(&self.dir, &e.to_string()))?;
        let mut buf = vec![0; len as usize];
        file.read_exact(&mut buf)
            .map_err(|e| broken(&self.dir, &e.to_string()))?;
        serde_json::from_slice(&buf).map_err(|e| broken(&self.dir, &e.to_string()))
    }

    /// Reads `search.bin`; [`Stored::search_records`] decodes it.
    pub fn search_file(&self) -> anyhow::Result<SearchFile> {
        let mut bytes = Vec::new();
        let mut file = self.search.file();
        file.seek(SeekFrom::Start(0))
            .and_then(|_| file.take(MAX_STORED_BYTES + 1).read_to_end(&mut bytes))
            .map_err(|e| broken(&self.dir, &e.to_string()))?;
        if bytes.len() as u64 > MAX_STORED_BYTES {
            return Err(broken(
                &self.dir,
                &format!("{SEARCH} is over {MAX_STORED_BYTES} bytes"),
            ));
        }
        Ok(SearchFile(bytes))
    }

    /// The titles, tasks and technology of every occupation, in index order.
    pub fn search_records<'a>(
        &self,
        file: &'a SearchFile,
    ) -> anyhow::Result<Vec<SearchRecord<'a>>> {
        let records: Vec<SearchRecord> =
            postcard::from_bytes(&file.0).map_err(|e| broken(&self.dir, &e.to_string()))?;
        if records.len() != self.codes.len() {
            bail!(broken(&self.dir, "search.bin does not match index.bin"));
        }
        Ok(records)
    }

    /// From each O*NET-SOC code to its position in the index.
    pub fn positions(&self) -> std::collections::HashMap<&str, usize> {
        self.codes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.as_str(), i))
            .collect()
    }

    /// The position in the index of the occupation with this code.
    pub fn position(&self, code: &str) -> Option<usize> {
        self.codes.iter().position(|c| c == code)
    }
}
