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

use std::fs::{self, File};
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
/// Names of the folders an import builds in and moves the previous import aside to.
const TEMP_PREFIX: &str = ".onet-import-";
const ASIDE_PREFIX: &str = ".onet-previous-";

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
/// written.
pub fn write(data_dir: &Path, import: &Import, manifest: &Manifest) -> anyhow::Result<Written> {
    fs::create_dir_all(data_dir)
        .with_context(|| format!("cannot create the data directory {}", data_dir.display()))?;
    remove_leftovers(data_dir);
    let temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempdir_in(data_dir)
        .with_context(|| format!("cannot create a temporary folder in {}", data_dir.display()))?;
    write_files(temp.path(), import, manifest)?;
    let target = crate::store::paths::onet_dir(data_dir);
    let warnings = swap_in(temp.keep(), &target)?;
    Ok(Written { target, warnings })
}

/// The previous import an interrupted swap moved aside, when `onet/` is missing: the newest
/// `.onet-previous-*` folder that holds a manifest.
fn stranded_previous(data_dir: &Path) -> Option<PathBuf> {
    if crate::store::paths::onet_dir(data_dir).exists() {
        return None;
    }
    fs::read_dir(data_dir)
        .ok()?
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(ASIDE_PREFIX))
        .map(|e| e.path())
        .filter(|p| p.join(MANIFEST).is_file())
        .max_by_key(|p| fs::metadata(p).and_then(|m| m.modified()).ok())
}

/// Moves a previous import stranded by an interrupted swap back to `onet/`. Returns the folder
/// the import is in: `onet/`, or the stranded folder itself when it cannot be moved back.
fn restore_previous(data_dir: &Path) -> Option<PathBuf> {
    let aside = stranded_previous(data_dir)?;
    let target = crate::store::paths::onet_dir(data_dir);
    match fs::rename(&aside, &target) {
        Ok(()) => Some(target),
        Err(_) => Some(aside),
    }
}

/// Removes the temporary folders of imports that were killed before they could clean up. They
/// are never read: a folder only becomes the import by being renamed to `onet`. A previous import
/// moved aside by a swap that was cut short is moved back first when `onet/` is missing.
fn remove_leftovers(data_dir: &Path) {
    restore_previous(data_dir);
    let Ok(dir) = fs::read_dir(data_dir) else {
        return;
    };
    for entry in dir.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(TEMP_PREFIX) || name.starts_with(ASIDE_PREFIX) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
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
    let mut details = BufWriter::new(File::create(dir.join(DETAILS))?);
    let mut offset = 0u64;
    for (o, tasks) in import.occupations.iter().zip(&lowered) {
        let line = serde_json::to_vec(&o.details)?;
        details.write_all(&line)?;
        details.write_all(b"\n")?;
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
        .map_err(|e| e.into_error())?
        .sync_all()?;
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

/// Moves `fresh` to `target`. The previous import is first moved aside, and moved back if the
/// second rename fails, so `target` is never left holding a partial import. Ctrl-C is held off
/// between the two renames; a swap cut short anyway (the process killed) leaves the previous
/// import aside, and the next run moves it back. Once the new import is in place, a previous one
/// that cannot be removed is a warning, not a failure.
fn swap_in(fresh: PathBuf, target: &Path) -> anyhow::Result<Vec<String>> {
    let parent = target.parent().unwrap_or(Path::new("."));
    let aside = parent.join(format!("{ASIDE_PREFIX}{}", std::process::id()));
    let hold = crate::interrupt::HoldOff::new();
    let had_previous = target.exists();
    if had_previous {
        fs::rename(target, &aside)
            .with_context(|| format!("cannot move the previous import {}", target.display()))?;
    }
    if let Err(err) = fs::rename(&fresh, target) {
        if had_previous {
            let _ = fs::rename(&aside, target);
        }
        let _ = fs::remove_dir_all(&fresh);
        return Err(err).with_context(|| format!("cannot move the import to {}", target.display()));
    }
    drop(hold);
    let mut warnings = Vec::new();
    if had_previous && let Err(err) = fs::remove_dir_all(&aside) {
        warnings.push(format!(
            "the import is in place, but the previous one could not be removed ({err}); delete {} by hand",
            aside.display()
        ));
    }
    Ok(warnings)
}

/// An import on disk, opened: its manifest and, per occupation in index order, its code and
/// where its details are. The rest of the index goes into the store's profiles.
#[derive(Debug)]
pub struct Stored {
    pub dir: PathBuf,
    pub manifest: Manifest,
    codes: Vec<String>,
    spans: Vec<(u64, u32)>,
}

/// Opens the import in `data_dir`, or `None` when there is none.
pub fn open(data_dir: &Path) -> anyhow::Result<Option<(Stored, Index)>> {
    let dir = restore_previous(data_dir).unwrap_or_else(|| crate::store::paths::onet_dir(data_dir));
    let manifest_path = dir.join(MANIFEST);
    let manifest_text = match fs::read(&manifest_path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !dir.exists() => return Ok(None),
        Err(e) => return Err(broken(&dir, &e.to_string())),
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
    let bytes = fs::read(dir.join(INDEX)).map_err(|e| broken(&dir, &e.to_string()))?;
    let index: Index = postcard::from_bytes(&bytes).map_err(|e| broken(&dir, &e.to_string()))?;
    let codes = index.records.iter().map(|r| r.code.clone()).collect();
    let spans = index.records.iter().map(|r| r.details).collect();
    Ok(Some((
        Stored {
            dir,
            manifest,
            codes,
            spans,
        },
        index,
    )))
}

fn broken(dir: &Path, why: &str) -> anyhow::Error {
    anyhow::anyhow!(
        "the imported O*NET data in {} cannot be read ({why}); run `careers import onet DIR` again",
        dir.display()
    )
}

impl Stored {
    /// The whole O*NET record of the occupation at `position` in the index.
    pub fn details(&self, position: usize) -> anyhow::Result<OnetDetails> {
        let (offset, len) = self.spans[position];
        let mut file =
            File::open(self.dir.join(DETAILS)).map_err(|e| broken(&self.dir, &e.to_string()))?;
        file.seek(SeekFrom::Start(offset))?;
        let mut buf = vec![0; len as usize];
        file.read_exact(&mut buf)
            .map_err(|e| broken(&self.dir, &e.to_string()))?;
        serde_json::from_slice(&buf).map_err(|e| broken(&self.dir, &e.to_string()))
    }

    /// Reads `search.bin`; [`Stored::search_records`] decodes it.
    pub fn search_file(&self) -> anyhow::Result<SearchFile> {
        fs::read(self.dir.join(SEARCH))
            .map(SearchFile)
            .map_err(|e| broken(&self.dir, &e.to_string()))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleanup_moves_a_stranded_previous_import_back_instead_of_deleting_it() {
        let dir = tempfile::tempdir().unwrap();
        let aside = dir.path().join(format!("{ASIDE_PREFIX}77"));
        fs::create_dir(&aside).unwrap();
        fs::write(aside.join(MANIFEST), b"{}").unwrap();
        let temp = dir.path().join(format!("{TEMP_PREFIX}x"));
        fs::create_dir(&temp).unwrap();
        remove_leftovers(dir.path());
        let onet = crate::store::paths::onet_dir(dir.path());
        assert_eq!(fs::read(onet.join(MANIFEST)).unwrap(), b"{}");
        assert!(!aside.exists() && !temp.exists());
    }

    #[test]
    fn cleanup_deletes_the_previous_import_once_onet_is_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let onet = crate::store::paths::onet_dir(dir.path());
        fs::create_dir(&onet).unwrap();
        let aside = dir.path().join(format!("{ASIDE_PREFIX}77"));
        fs::create_dir(&aside).unwrap();
        fs::write(aside.join(MANIFEST), b"{}").unwrap();
        remove_leftovers(dir.path());
        assert!(onet.is_dir() && !aside.exists());
    }
}
