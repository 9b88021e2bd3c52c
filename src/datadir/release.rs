//! One shape for an official dataset kept in a data directory and compiled into the binary: a
//! folder `DATA_DIR/NAME/` (and `data/embedded/NAME/`) holding `manifest.json` and the
//! dataset's own files.
//!
//! What every dataset gets from here, the same way:
//! - the manifest: storage format, the source's release (name, publication date), where it was
//!   read from, when, how much it holds, and each stored file with its length and CRC-32;
//! - bounded reads, checked against the manifest before a byte of a file is used, so a cut,
//!   zeroed or flipped file is a damaged import, never an answer;
//! - the import: under the one import lock ([`super::imports`]), written into a temporary
//!   folder and swapped in, and refused when it would replace a release with a smaller one
//!   (more than [`MAY_LOSE_PERCENT`] fewer of any count) unless forced;
//! - the damaged-import rule: a stored import that cannot be read is a warning that names the
//!   folder and the fix, and the embedded release answers meanwhile ([`Layered`]);
//! - the embedded-dataset generator's part: the same writer, with no machine's path or time in
//!   the manifest, so `careers dataset` makes the same bytes on every machine;
//! - for a large file read a block at a time (OEWS's `wages.bin`): [`open_with_blocks`] checks
//!   its length against the manifest and leaves it unread, and the dataset keeps a CRC-32 per
//!   block ([`block_crc`]) in a file that is checked whole, and checks each block with
//!   [`check_block`] when it decodes it, so a keyed question reads and checks only its blocks.
//!   The embedded release is part of the binary, and its blocks are not checked.
//!
//! A new dataset is a reader of the agency's files, its stored encoding (the bytes of its files
//! and its [`Counts`]), a [`Dataset`] constant, and its folder name in
//! [`super::imports::DATASETS`]; `docs/CONTRIBUTING.md` walks through it.

use std::borrow::Cow;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::blob::Blob;
use super::imports::{ImportLock, ReadLock};

/// The manifest's file name.
pub const MANIFEST: &str = "manifest.json";

/// A release may hold this many percent fewer of any count than the one it replaces: releases
/// move by a little (BLS adds and retires occupations), a cut or half-downloaded file by far
/// more.
pub const MAY_LOSE_PERCENT: u64 = 5;

/// A dataset the data directory and the binary hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dataset {
    /// Its folder in a data directory and under `data/embedded/`.
    pub folder: &'static str,
    /// How people name it: "BLS Employment Projections".
    pub title: &'static str,
    /// Bumped whenever the stored layout changes; older imports must be imported again.
    pub format: u32,
    /// The command that imports it: `careers import projections FILE`.
    pub import: &'static str,
    /// The largest stored file it reads, in bytes.
    pub max_file: u64,
}

/// The release of the source a dataset was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Release {
    /// As the agency names it: "2024-34".
    pub name: String,
    /// When the agency published it, as precisely as it says ("August 2025").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

/// One stored file, as the manifest records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredFile {
    pub name: String,
    pub bytes: u64,
    pub crc32: u32,
}

/// What a stored dataset says of itself (`careers sources`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest<C> {
    pub format: u32,
    pub release: Release,
    /// What it was read from (for the embedded dataset, the file's or folder's own name).
    pub source: PathBuf,
    /// When the import ran, in UTC (RFC 3339); empty for the embedded dataset.
    pub imported_at: String,
    pub counts: C,
    pub files: Vec<StoredFile>,
}

/// How much a release holds, by the measures a newer release is compared on.
pub trait Counts: Serialize + DeserializeOwned {
    /// Each measure by name: `("occupations", 832)`.
    fn measures(&self) -> Vec<(&'static str, u64)>;
}

/// A measure a new release would hold much less of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Loss {
    pub measure: &'static str,
    pub current: u64,
    pub new: u64,
}

/// The measures `new` holds more than [`MAY_LOSE_PERCENT`] fewer of than `current`.
pub fn losses<C: Counts>(current: &C, new: &C) -> Vec<Loss> {
    let new = new.measures();
    current
        .measures()
        .into_iter()
        .filter_map(|(measure, current)| {
            let new = new.iter().find(|(m, _)| *m == measure).map_or(0, |n| n.1);
            (new * 100 < current * (100 - MAY_LOSE_PERCENT)).then_some(Loss {
                measure,
                current,
                new,
            })
        })
        .collect()
}

/// A stored dataset opened and checked: its manifest and its files' bytes, in the manifest's
/// order.
#[derive(Debug)]
pub struct Opened<C> {
    /// The folder it was imported into; `None` for the embedded dataset.
    pub dir: Option<PathBuf>,
    pub manifest: Manifest<C>,
    pub files: Vec<Cow<'static, [u8]>>,
}

impl<C> Opened<C> {
    /// The bytes of the stored file `name`.
    pub fn file(&self, name: &str) -> Option<&[u8]> {
        let at = self.manifest.files.iter().position(|f| f.name == name)?;
        self.files.get(at).map(AsRef::as_ref)
    }

    /// The bytes of the stored file `name`, kept for the rest of the process: what a release
    /// whose tables are read in place needs. An embedded file is part of the binary already;
    /// an import's, read once at the opening, is kept rather than freed (one release of a
    /// dataset is opened per run).
    pub fn file_kept(&mut self, name: &str) -> Option<&'static [u8]> {
        let at = self.manifest.files.iter().position(|f| f.name == name)?;
        let file = self.files.get_mut(at)?;
        let kept: &'static [u8] = match std::mem::take(file) {
            Cow::Borrowed(bytes) => bytes,
            Cow::Owned(bytes) => Vec::leak(bytes),
        };
        *file = Cow::Borrowed(kept);
        Some(kept)
    }
}

/// The error for a stored import that cannot be read: the folder, why, and the fix.
pub fn damaged(dataset: &Dataset, dir: &Path, why: &str) -> anyhow::Error {
    anyhow::anyhow!(
        "the imported {} data in {} cannot be read ({why}); import it again with `{}`, or remove it with `rm -r {}`",
        dataset.title,
        dir.display(),
        dataset.import,
        crate::render::sanitize::shell_quote(&dir.display().to_string())
    )
}

/// Opens `dataset`'s import in `data_dir`: `None` when there is none, an error naming the
/// folder and the fix when it is damaged, from another format, or any file differs from what
/// its manifest recorded.
pub fn open<C: DeserializeOwned>(
    data_dir: &Path,
    dataset: &Dataset,
) -> anyhow::Result<Option<Opened<C>>> {
    Ok(open_with_blocks(data_dir, dataset, &[])?.map(|(opened, _)| opened))
}

/// [`open`], but the files named in `blocked` are opened, not read: each is checked against
/// its manifest's length and comes back as a [`Blob`], in `blocked`'s order, for the dataset to
/// read a block at a time and check each block against its own CRC-32 ([`check_block`]). Their
/// place in [`Opened::files`] is empty.
pub fn open_with_blocks<C: DeserializeOwned>(
    data_dir: &Path,
    dataset: &Dataset,
    blocked: &[&str],
) -> anyhow::Result<Option<(Opened<C>, Vec<Blob>)>> {
    let dir = data_dir.join(dataset.folder);
    if !dir.exists() {
        return Ok(None);
    }
    let broken = |why: String| damaged(dataset, &dir, &why);
    let _readers = ReadLock::shared(data_dir);
    let manifest = crate::fsutil::read_bounded(&dir.join(MANIFEST), 1 << 20)
        .map_err(|e| broken(format!("{MANIFEST} {e}")))?;
    let manifest: Manifest<C> = decode_manifest(dataset, &manifest).map_err(&broken)?;
    let mut files = Vec::with_capacity(manifest.files.len());
    let mut blobs = Vec::with_capacity(blocked.len());
    for name in blocked {
        let f = manifest
            .files
            .iter()
            .find(|f| f.name == *name)
            .ok_or_else(|| broken(format!("its manifest lists no {name}")))?;
        let blob = Blob::open(&dir.join(name), dataset.max_file)
            .map_err(|e| broken(format!("{name} {e}")))?;
        if blob.len() != f.bytes {
            return Err(broken(format!(
                "{name} has {} bytes, its manifest says {}",
                blob.len(),
                f.bytes
            )));
        }
        blobs.push(blob);
    }
    for f in &manifest.files {
        if blocked.contains(&f.name.as_str()) {
            files.push(Cow::Borrowed(&[][..]));
            continue;
        }
        let bytes = crate::fsutil::read_bounded(&dir.join(&f.name), dataset.max_file)
            .map_err(|e| broken(format!("{} {e}", f.name)))?;
        verify(f, &bytes).map_err(&broken)?;
        files.push(Cow::Owned(bytes));
    }
    Ok(Some((
        Opened {
            dir: Some(dir),
            manifest,
            files,
        },
        blobs,
    )))
}

/// The CRC-32 of one block of a file read a block at a time, as the dataset stores it.
pub fn block_crc(block: &[u8]) -> u32 {
    crc32fast::hash(block)
}

/// Checks a block read from an import against the CRC-32 stored for it: a mismatch is a
/// damaged import (`file` names the file in the message).
pub fn check_block(file: &str, block: &[u8], crc32: u32) -> Result<(), String> {
    if block_crc(block) == crc32 {
        Ok(())
    } else {
        Err(format!(
            "a block of {file} does not match its checksum: it was changed or damaged after the import"
        ))
    }
}

/// Opens the dataset compiled into the binary: `files` by name, as `careers dataset` wrote
/// them. They are checked against the manifest as an import's are.
pub fn embedded<C: DeserializeOwned>(
    dataset: &Dataset,
    manifest: &[u8],
    files: &[(&str, &'static [u8])],
) -> anyhow::Result<Opened<C>> {
    embedded_with_blocks(dataset, manifest, files, &[])
}

/// [`embedded`], with the files named in `blocked` checked by length alone: they are part of
/// the binary, and read a block at a time.
pub fn embedded_with_blocks<C: DeserializeOwned>(
    dataset: &Dataset,
    manifest: &[u8],
    files: &[(&str, &'static [u8])],
    blocked: &[&str],
) -> anyhow::Result<Opened<C>> {
    let manifest: Manifest<C> = decode_manifest(dataset, manifest).map_err(anyhow::Error::msg)?;
    let mut bytes = Vec::with_capacity(manifest.files.len());
    for f in &manifest.files {
        let (_, b) = files
            .iter()
            .find(|(name, _)| *name == f.name)
            .with_context(|| format!("the embedded {} has no {}", dataset.title, f.name))?;
        if blocked.contains(&f.name.as_str()) {
            anyhow::ensure!(
                b.len() as u64 == f.bytes,
                "the embedded {}'s {} has {} bytes, its manifest says {}",
                dataset.title,
                f.name,
                b.len(),
                f.bytes
            );
        } else {
            verify(f, b).map_err(anyhow::Error::msg)?;
        }
        bytes.push(Cow::Borrowed(*b));
    }
    Ok(Opened {
        dir: None,
        manifest,
        files: bytes,
    })
}

/// [`embedded`] without the checksums, for a dataset whose files are too large to hash on every
/// run: the binary is not changed after it is built, so its bytes are what the generator
/// wrote. The lengths are still checked, and a test checks the checksums with [`embedded`].
pub fn built_in<C: DeserializeOwned>(
    dataset: &Dataset,
    manifest: &[u8],
    files: &[(&str, &'static [u8])],
) -> anyhow::Result<Opened<C>> {
    let every: Vec<&str> = files.iter().map(|(name, _)| *name).collect();
    embedded_with_blocks(dataset, manifest, files, &every)
}

fn decode_manifest<C: DeserializeOwned>(
    dataset: &Dataset,
    bytes: &[u8],
) -> Result<Manifest<C>, String> {
    // The format first, on its own: another version's manifest may not parse as this one's.
    #[derive(Deserialize)]
    struct Format {
        format: u32,
    }
    let format = serde_json::from_slice::<Format>(bytes)
        .map_err(|e| format!("{MANIFEST}: {e}"))?
        .format;
    if format != dataset.format {
        return Err(format!(
            "it is in format {format}, this version reads format {}",
            dataset.format
        ));
    }
    serde_json::from_slice(bytes).map_err(|e| format!("{MANIFEST}: {e}"))
}

fn verify(file: &StoredFile, bytes: &[u8]) -> Result<(), String> {
    if bytes.len() as u64 != file.bytes {
        return Err(format!(
            "{} has {} bytes, its manifest says {}",
            file.name,
            bytes.len(),
            file.bytes
        ));
    }
    if crc32fast::hash(bytes) != file.crc32 {
        return Err(format!(
            "{} does not match its checksum: it was changed or damaged after the import",
            file.name
        ));
    }
    Ok(())
}

/// A dataset read from the agency's files, ready to store.
#[derive(Debug)]
pub struct Prepared<C> {
    pub release: Release,
    /// What it was read from.
    pub source: PathBuf,
    pub counts: C,
    /// Each file to store, by name.
    pub files: Vec<(&'static str, Vec<u8>)>,
}

/// Writes `prepared` into the empty folder `dir`: each file, then the manifest that lists them
/// with their checksums, each synced to disk. Returns the manifest.
pub fn write<C: Serialize + Clone>(
    dir: &Path,
    dataset: &Dataset,
    prepared: &Prepared<C>,
    imported_at: String,
) -> anyhow::Result<Manifest<C>> {
    let mut files = Vec::with_capacity(prepared.files.len());
    for (name, bytes) in &prepared.files {
        write_synced(&dir.join(name), bytes)?;
        files.push(StoredFile {
            name: (*name).to_owned(),
            bytes: bytes.len() as u64,
            crc32: crc32fast::hash(bytes),
        });
    }
    let manifest = Manifest {
        format: dataset.format,
        release: prepared.release.clone(),
        source: prepared.source.clone(),
        imported_at,
        counts: prepared.counts.clone(),
        files,
    };
    let mut json = serde_json::to_vec_pretty(&manifest)?;
    json.push(b'\n');
    write_synced(&dir.join(MANIFEST), &json)?;
    Ok(manifest)
}

fn write_synced(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let write = || -> std::io::Result<()> {
        let mut f = File::create(path)?;
        f.write_all(bytes)?;
        f.sync_all()
    };
    write().map_err(|e| crate::fsutil::import_write_error(path, bytes.len() as u64, &e))
}

/// What an import did.
#[derive(Debug)]
pub struct Imported<C> {
    pub manifest: Manifest<C>,
    /// Where the import now lives.
    pub target: PathBuf,
    /// What went wrong after the import was in place.
    pub warnings: Vec<String>,
}

/// What an import that reads rows did: the import, and the rows it left out under `--force`.
#[derive(Debug)]
pub struct RowsImported<C, P> {
    pub imported: Imported<C>,
    /// The rows left out under `--force`.
    pub problems: Vec<P>,
}

/// [`import`], for a reader that gives something beside the files it stores (the rows it left
/// out under `--force`, or what it read): that comes back with what was imported.
pub fn import_with<C: Counts + Clone, R>(
    data_dir: &Path,
    dataset: &Dataset,
    force: bool,
    prepare: impl FnOnce() -> anyhow::Result<(Prepared<C>, R)>,
) -> anyhow::Result<(Imported<C>, R)> {
    let mut beside = None;
    let imported = import(data_dir, dataset, force, || {
        let (prepared, read) = prepare()?;
        beside = Some(read);
        Ok(prepared)
    })?;
    let read = beside.context("the import stored files its reader did not prepare")?;
    Ok((imported, read))
}

/// Imports `dataset` into `data_dir`: takes the import lock, reads the source with `prepare`,
/// refuses a release that holds much less than the current import (unless `force`), then
/// writes it beside the current one and swaps it in. The current import stays whole until the
/// swap, whatever fails before it.
pub fn import<C: Counts + Clone>(
    data_dir: &Path,
    dataset: &Dataset,
    force: bool,
    prepare: impl FnOnce() -> anyhow::Result<Prepared<C>>,
) -> anyhow::Result<Imported<C>> {
    let lock = ImportLock::take(data_dir)?;
    let prepared = prepare()?;
    if !force && let Ok(Some(current)) = open::<C>(data_dir, dataset) {
        let lost = losses(&current.manifest.counts, &prepared.counts);
        if !lost.is_empty() {
            let what: Vec<String> = lost
                .iter()
                .map(|l| format!("{} {} → {}", l.measure, l.current, l.new))
                .collect();
            bail!(
                "{} holds much less than the current {} {} ({}); the current import is kept (pass --force to replace it anyway)",
                prepared.source.display(),
                dataset.title,
                current.manifest.release.name,
                what.join(", ")
            );
        }
    }
    let temp = lock.temp_dir(dataset.folder)?;
    let manifest = write(temp.path(), dataset, &prepared, super::imports::timestamp())?;
    let swapped = lock.swap_in(temp, dataset.folder)?;
    Ok(Imported {
        manifest,
        target: swapped.target,
        warnings: swapped.warnings,
    })
}

/// The release a command reads: the user's import, else the embedded one; and, when the import
/// is damaged, the warning that says so. The same rule for every dataset.
#[derive(Debug)]
pub struct Layered<T> {
    pub release: Option<T>,
    /// Why the import in the data directory is not the one answering.
    pub warning: Option<String>,
}

impl<T> Layered<T> {
    /// Applies the rule: a readable import answers; a damaged one is a warning (naming the
    /// folder and the fix, from [`damaged`]) and the embedded release answers in its place.
    pub fn choose(
        imported: anyhow::Result<Option<T>>,
        embedded: impl FnOnce() -> Option<T>,
        release_name: impl Fn(&T) -> String,
    ) -> Layered<T> {
        match imported {
            Ok(Some(t)) => Layered {
                release: Some(t),
                warning: None,
            },
            Ok(None) => Layered {
                release: embedded(),
                warning: None,
            },
            Err(err) => {
                let release = embedded();
                let meanwhile = release.as_ref().map_or_else(
                    || "; no other release is at hand".to_owned(),
                    |r| {
                        format!(
                            "; answering from the embedded {} meanwhile",
                            release_name(r)
                        )
                    },
                );
                Layered {
                    release,
                    warning: Some(format!("{err:#}{meanwhile}")),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEST: Dataset = Dataset {
        folder: "things",
        title: "Things",
        format: 3,
        import: "careers import things FILE",
        max_file: 1 << 20,
    };

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct N {
        rows: u64,
        kinds: u64,
    }

    impl Counts for N {
        fn measures(&self) -> Vec<(&'static str, u64)> {
            vec![("rows", self.rows), ("kinds", self.kinds)]
        }
    }

    fn prepared(rows: u64, body: &[u8]) -> Prepared<N> {
        Prepared {
            release: Release {
                name: "2030".into(),
                published: Some("June 2030".into()),
            },
            source: PathBuf::from("things.txt"),
            counts: N { rows, kinds: 2 },
            files: vec![("things.bin", body.to_vec())],
        }
    }

    #[test]
    fn an_import_reads_back_byte_for_byte() {
        let data = tempfile::tempdir().unwrap();
        let done = import(data.path(), &TEST, false, || Ok(prepared(100, b"abc"))).unwrap();
        assert_eq!(done.target, data.path().join("things"));
        let opened = open::<N>(data.path(), &TEST).unwrap().unwrap();
        assert_eq!(opened.manifest, done.manifest);
        assert_eq!(opened.file("things.bin"), Some(&b"abc"[..]));
        assert_eq!(
            opened.manifest.files,
            [StoredFile {
                name: "things.bin".into(),
                bytes: 3,
                crc32: crc32fast::hash(b"abc")
            }]
        );
    }

    #[test]
    fn a_flipped_byte_is_a_damaged_import_that_names_the_folder_and_the_fix() {
        let data = tempfile::tempdir().unwrap();
        import(data.path(), &TEST, false, || Ok(prepared(100, b"abc"))).unwrap();
        let dir = data.path().join("things");
        std::fs::write(dir.join("things.bin"), b"abd").unwrap();
        let err = open::<N>(data.path(), &TEST).unwrap_err().to_string();
        assert_eq!(
            err,
            format!(
                "the imported Things data in {} cannot be read (things.bin does not match its checksum: it was changed or damaged after the import); import it again with `careers import things FILE`, or remove it with `rm -r {}`",
                dir.display(),
                dir.display()
            )
        );
        std::fs::write(dir.join("things.bin"), b"ab").unwrap();
        let err = open::<N>(data.path(), &TEST).unwrap_err().to_string();
        assert!(
            err.contains("(things.bin has 2 bytes, its manifest says 3)"),
            "{err}"
        );
    }

    #[test]
    fn a_file_read_by_blocks_is_checked_by_its_length_then_by_each_block() {
        let data = tempfile::tempdir().unwrap();
        import(data.path(), &TEST, false, || Ok(prepared(100, b"abcdef"))).unwrap();
        let (opened, blobs) = open_with_blocks::<N>(data.path(), &TEST, &["things.bin"])
            .unwrap()
            .unwrap();
        assert_eq!(opened.file("things.bin"), Some(&[][..]));
        let block = blobs[0].range(2, 2).unwrap();
        assert_eq!(&block[..], b"cd");
        assert_eq!(check_block("things.bin", &block, block_crc(b"cd")), Ok(()));
        assert_eq!(
            check_block("things.bin", b"cD", block_crc(b"cd")),
            Err("a block of things.bin does not match its checksum: it was changed or damaged after the import".into())
        );
        // A flipped byte is left to the block's check; a cut file is found at once.
        let dir = data.path().join("things");
        std::fs::write(dir.join("things.bin"), b"abcdeF").unwrap();
        assert!(open_with_blocks::<N>(data.path(), &TEST, &["things.bin"]).is_ok());
        std::fs::write(dir.join("things.bin"), b"abc").unwrap();
        let err = open_with_blocks::<N>(data.path(), &TEST, &["things.bin"])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("(things.bin has 3 bytes, its manifest says 6)"),
            "{err}"
        );
    }

    #[test]
    fn another_format_is_named() {
        let data = tempfile::tempdir().unwrap();
        import(data.path(), &TEST, false, || Ok(prepared(100, b"abc"))).unwrap();
        let newer = Dataset { format: 4, ..TEST };
        let err = open::<N>(data.path(), &newer).unwrap_err().to_string();
        assert!(
            err.contains("(it is in format 3, this version reads format 4)"),
            "{err}"
        );
    }

    #[test]
    fn a_much_smaller_release_is_refused_unless_forced() {
        let data = tempfile::tempdir().unwrap();
        import(data.path(), &TEST, false, || Ok(prepared(100, b"abc"))).unwrap();
        // 95 of 100 is within what releases move by; 94 is not.
        import(data.path(), &TEST, false, || Ok(prepared(95, b"95"))).unwrap();
        let err = import(data.path(), &TEST, false, || Ok(prepared(89, b"89")))
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "things.txt holds much less than the current Things 2030 (rows 95 → 89); the current import is kept (pass --force to replace it anyway)"
        );
        let kept = open::<N>(data.path(), &TEST).unwrap().unwrap();
        assert_eq!(kept.file("things.bin"), Some(&b"95"[..]));
        import(data.path(), &TEST, true, || Ok(prepared(89, b"89"))).unwrap();
        let forced = open::<N>(data.path(), &TEST).unwrap().unwrap();
        assert_eq!(forced.file("things.bin"), Some(&b"89"[..]));
    }

    #[test]
    fn a_failed_read_keeps_the_current_import() {
        let data = tempfile::tempdir().unwrap();
        import(data.path(), &TEST, false, || Ok(prepared(100, b"abc"))).unwrap();
        let err = import::<N>(data.path(), &TEST, false, || bail!("no such file"))
            .unwrap_err()
            .to_string();
        assert_eq!(err, "no such file");
        let kept = open::<N>(data.path(), &TEST).unwrap().unwrap();
        assert_eq!(kept.file("things.bin"), Some(&b"abc"[..]));
    }

    #[test]
    fn a_damaged_import_falls_back_to_the_embedded_release_with_a_warning() {
        let chosen = Layered::choose(
            Err(anyhow::anyhow!(
                "the imported Things data in /d cannot be read"
            )),
            || Some("embedded"),
            |r: &&str| (*r).to_owned(),
        );
        assert_eq!(chosen.release, Some("embedded"));
        assert_eq!(
            chosen.warning.as_deref(),
            Some(
                "the imported Things data in /d cannot be read; answering from the embedded embedded meanwhile"
            )
        );
        let none =
            Layered::<&str>::choose(Err(anyhow::anyhow!("damaged")), || None, |_| String::new());
        assert_eq!(none.release, None);
        assert_eq!(
            none.warning.as_deref(),
            Some("damaged; no other release is at hand")
        );
    }
}

/// A row or value of an agency's text file that could not be read: the file is damaged. An
/// import lists these and fails, or under `--force` leaves the rows out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowProblem {
    /// The file's name.
    pub file: String,
    /// 1-based, as an editor shows it.
    pub line: u64,
    /// The column's header name, when one value is at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// Its 1-based position in the row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column_number: Option<usize>,
    pub reason: String,
    /// The code the row names, when it can be read: the occupation (`151221`) of an OEWS
    /// series, the GeoFIPS (`42660`) of a price-parity row. An import under `--force` marks
    /// what it names incomplete.
    #[serde(skip)]
    pub code: Option<String>,
}

impl RowProblem {
    /// What is wrong, without the file and line: `column 4 (value): reason`.
    pub fn what(&self) -> String {
        match (&self.column, self.column_number) {
            (Some(name), Some(n)) => format!("column {n} ({name}): {}", self.reason),
            _ => self.reason.clone(),
        }
    }
}

impl std::fmt::Display for RowProblem {
    /// `oe.data.0.Current line 12, column 4 (value): reason`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} line {}", self.file, self.line)?;
        if let (Some(name), Some(n)) = (&self.column, self.column_number) {
            write!(f, ", column {n} ({name})")?;
        }
        write!(f, ": {}", self.reason)
    }
}
