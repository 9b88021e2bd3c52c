//! The index of the profiles folder, `DATA_DIR/profiles-index.bin`: for each file checked
//! before, its size, times and inode, and what checking it found (its names and the profiles it
//! refers to, or its problems). A file whose stamp still matches is not read again at start-up;
//! a command reads the whole of a user's profile only when it asks for that profile.
//!
//! The index is a cache: a missing, damaged or foreign one (another build of `careers`, whose
//! rules for a sound profile may differ) is ignored and rewritten, never an error, and never a
//! source of answers on its own. Only files whose times are older than [`SETTLED`] are recorded,
//! so a file edited in the same clock tick as it was checked is checked again.

use std::path::Path;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use super::ProfileNames;
use crate::validate::Diagnostic;

/// The index's file name inside the data directory.
pub const FILE_NAME: &str = "profiles-index.bin";

/// What the index's first bytes say: the format, then [`BUILD`].
const MAGIC: &[u8; 8] = b"careerPI";

/// Bumped when the layout of the index changes.
const FORMAT: u32 = 1;

/// The build whose checks made the index: the version and a hash of its source (build.rs).
/// Another build may judge a file differently or word its problems otherwise.
const BUILD: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("CAREERS_SOURCE_HASH"));

/// How old a file's last change must be for its outcome to be recorded. File times tick
/// coarsely (a few milliseconds on Linux, two seconds on FAT): a file changed within the tick in
/// which it was read could keep its stamp while its bytes differ.
pub const SETTLED: Duration = Duration::from_secs(2);

/// The index is read whole; no index of real profiles comes near this.
const MAX_BYTES: u64 = 1 << 30;

/// What identifies one version of a file: any write changes its size, its modification time
/// or (when times are set back, as `touch -d` or `cp -p` do) its change time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub len: u64,
    modified: (i64, u32),
    changed: (i64, u32),
    inode: u64,
    device: u64,
}

impl Stamp {
    /// The stamp of a regular file, `None` for anything else (never recorded).
    pub fn of(meta: &std::fs::Metadata) -> Option<Stamp> {
        if !meta.is_file() {
            return None;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            Some(Stamp {
                len: meta.len(),
                modified: (meta.mtime(), u32::try_from(meta.mtime_nsec()).unwrap_or(0)),
                changed: (meta.ctime(), u32::try_from(meta.ctime_nsec()).unwrap_or(0)),
                inode: meta.ino(),
                device: meta.dev(),
            })
        }
        #[cfg(not(unix))]
        {
            let modified = meta.modified().ok().map_or((0, 0), since_epoch);
            Some(Stamp {
                len: meta.len(),
                modified,
                changed: modified,
                inode: 0,
                device: 0,
            })
        }
    }

    /// Whether the file last changed at least [`SETTLED`] before `now`.
    pub fn settled(&self, now: SystemTime) -> bool {
        let limit = since_epoch(now.checked_sub(SETTLED).unwrap_or(SystemTime::UNIX_EPOCH));
        self.modified < limit && self.changed < limit
    }
}

/// Seconds and nanoseconds since 1970, negative seconds before it.
fn since_epoch(time: SystemTime) -> (i64, u32) {
    match time.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => (
            i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
            d.subsec_nanos(),
        ),
        Err(e) => {
            let d = e.duration();
            let secs = -i64::try_from(d.as_secs()).unwrap_or(i64::MAX);
            match d.subsec_nanos() {
                0 => (secs, 0),
                n => (secs - 1, 1_000_000_000 - n),
            }
        }
    }
}

/// What checking a file found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    /// A sound profile, by the names the store needs before the profile itself.
    Sound(ProfileNames),
    /// A file that cannot be loaded: the id it means to define and every problem in it.
    Broken {
        id_hint: String,
        problems: Vec<Problem>,
    },
}

/// A [`Diagnostic`] as the index keeps it (every field written, as postcard needs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    line: Option<usize>,
    column: Option<usize>,
    path: String,
    message: String,
}

impl From<&Diagnostic> for Problem {
    fn from(d: &Diagnostic) -> Problem {
        Problem {
            line: d.line,
            column: d.column,
            path: d.path.clone(),
            message: d.message.clone(),
        }
    }
}

impl From<&Problem> for Diagnostic {
    fn from(p: &Problem) -> Diagnostic {
        Diagnostic {
            line: p.line,
            column: p.column,
            path: p.path.clone(),
            message: p.message.clone(),
        }
    }
}

/// One file of the profiles folder, by its name's bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub name: Vec<u8>,
    pub stamp: Stamp,
    pub outcome: Outcome,
}

#[derive(Serialize, Deserialize)]
struct Body {
    build: String,
    records: Vec<Record>,
}

/// The records of the index at `path`, in the order they were written (by file name); none
/// when it is missing, damaged or made by another build.
pub fn read(path: &Path) -> Vec<Record> {
    crate::fsutil::read_bounded(path, MAX_BYTES)
        .ok()
        .and_then(|bytes| decode(&bytes))
        .unwrap_or_default()
}

/// The layout: [`MAGIC`], [`FORMAT`] (4 bytes, little-endian), the CRC-32 of the rest (4
/// bytes), then the postcard of a [`Body`].
fn decode(bytes: &[u8]) -> Option<Vec<Record>> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (format, rest) = rest.split_first_chunk::<4>()?;
    let (crc, body) = rest.split_first_chunk::<4>()?;
    if u32::from_le_bytes(*format) != FORMAT || u32::from_le_bytes(*crc) != crc32fast::hash(body) {
        return None;
    }
    let body: Body = postcard::from_bytes(body).ok()?;
    (body.build == BUILD).then_some(body.records)
}

fn encode(records: Vec<Record>) -> Vec<u8> {
    let body = Body {
        build: BUILD.to_owned(),
        records,
    };
    let body = postcard::to_stdvec(&body).expect("the index's types serialize");
    let mut out = Vec::with_capacity(16 + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
    out.extend_from_slice(&body);
    out
}

/// Replaces the index at `path` with `records`, atomically. A data directory that cannot be
/// written to only means the next command checks the files again: the failure is ignored.
pub fn write(path: &Path, records: Vec<Record>) {
    let _ = crate::fsutil::write_atomically(path, &encode(records), crate::fsutil::Overwrite::Yes);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(name: &str) -> Record {
        Record {
            name: name.as_bytes().to_vec(),
            stamp: Stamp {
                len: 3,
                modified: (1, 2),
                changed: (3, 4),
                inode: 5,
                device: 6,
            },
            outcome: Outcome::Broken {
                id_hint: "x".into(),
                problems: vec![Problem {
                    line: Some(1),
                    column: None,
                    path: String::new(),
                    message: "m".into(),
                }],
            },
        }
    }

    #[test]
    fn an_index_reads_back_and_any_damage_reads_as_none() {
        let bytes = encode(vec![record("a.json"), record("b.json")]);
        assert_eq!(
            decode(&bytes),
            Some(vec![record("a.json"), record("b.json")])
        );
        for at in 0..bytes.len() {
            let mut flipped = bytes.clone();
            flipped[at] ^= 0x40;
            assert_eq!(decode(&flipped), None, "byte {at} flipped");
        }
        for len in 0..bytes.len() {
            assert_eq!(decode(&bytes[..len]), None, "cut at {len}");
        }
    }

    /// A sound profile's names, whose pay figures leave out what they are not about, read
    /// back whole: postcard reads every field by position.
    #[test]
    fn a_sound_profile_with_pay_figures_reads_back() {
        let profile: crate::model::Profile = serde_json::from_value(serde_json::json!({
            "id": "a",
            "title": "A",
            "summary": "s",
            "salary": {"figures": [
                {"dimension": "location", "label": "Seattle", "location": "Seattle",
                 "pay": {"kind": "amount", "amount": 1}, "measure": "base-salary"},
                {"dimension": "experience", "label": "Senior", "experience": "senior",
                 "pay": {"kind": "amount", "amount": 2}, "measure": "base-salary"}
            ]}
        }))
        .unwrap();
        let names = ProfileNames::of(&profile);
        assert_eq!(names.figures.len(), 2);
        let sound = Record {
            outcome: Outcome::Sound(names),
            ..record("a.json")
        };
        let bytes = encode(vec![sound.clone()]);
        assert_eq!(decode(&bytes), Some(vec![sound]));
    }

    #[test]
    fn an_index_of_another_build_reads_as_none() {
        let body = postcard::to_stdvec(&Body {
            build: format!("{BUILD}-other"),
            records: vec![record("a.json")],
        })
        .unwrap();
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&FORMAT.to_le_bytes());
        bytes.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
        bytes.extend_from_slice(&body);
        assert_eq!(decode(&bytes), None);
    }

    #[test]
    fn times_before_1970_order_before_it() {
        let before = SystemTime::UNIX_EPOCH - Duration::from_millis(1500);
        assert_eq!(since_epoch(before), (-2, 500_000_000));
        assert!(since_epoch(before) < since_epoch(SystemTime::UNIX_EPOCH));
    }
}
