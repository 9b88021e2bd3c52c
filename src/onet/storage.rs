//! The O*NET database as an import stores it, in `DATA_DIR/onet/` or compiled into the binary
//! (`data/embedded/onet/`, made by the same code from the official files), laid out so that each
//! command reads only what it needs:
//!
//! - `manifest.json`: the [dataset container](crate::datadir::release)'s manifest: release,
//!   source folder, date of import, counts, the release of the ratings, and each file's length
//!   and CRC-32, checked before a byte of the file is used (an import's, when it is opened; the
//!   embedded release is part of the binary, and a test checks it instead);
//! - `names.bin` (postcard): per occupation its id, code and title, which every role lookup
//!   reads, and where the rest of it is;
//! - `index.bin`: per occupation, one postcard record of what `list` and `match` use
//!   (description, canonical skills, job zone, interest code), read when its profile is needed;
//! - `details.bin`: the whole O*NET record of each occupation as JSON, each compressed on its
//!   own with zstd and a dictionary trained on all of them (stored first in the file), so that
//!   `show` decompresses only the record it shows;
//! - `search.bin` (postcard, compressed with zstd): alternate and reported titles and
//!   technology names with their flags, read by `list --skill/--hot` and by a look-up of a
//!   name that is only an O*NET title, borrowed from the file's bytes rather than copied;
//! - `words.bin`: the words of each occupation's titles, skills and tasks as numbers into one
//!   list of words, read in place by `search` (see [`super::words`]);
//! - `technology.bin` (compressed with zstd in chunks): every technology name O*NET lists
//!   (examples, commodity titles, the vocabulary skills they map onto) as numbered words, and
//!   who lists each, read in place by `match`, which decompresses only the chunks it reads
//!   (see [`super::technology`]);
//! - `ratings.bin`: each rated occupation's importance and level of every skill, knowledge area
//!   and ability, a fixed-length record read in place (see [`super::ratings`]).
//!
//! An import is written and swapped in by the container ([`release::import`]), so a failed or
//! interrupted import leaves the previous data as it was (a previous import left aside by a
//! swap cut short is moved back by the next run).

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};

use super::import::{Import, Occupation};
use super::names::{Bytes, Layout, NameTable};
use super::technology::TechnologyIndex;
use super::words::WordIndex;
use crate::datadir::release::{self, Dataset, Opened, Prepared, Release};
use crate::model::OnetDetails;
use crate::model::onet::SkillUse;

/// The dataset's folder, name, format and import command. Format 8 moved O*NET into the
/// dataset container, with each file's checksum in the manifest; format 9 added
/// `technology.bin`; format 10 packs each rating of `ratings.bin` into three bytes; format 11
/// keeps `technology.bin`'s names as numbered words and compresses it in chunks.
pub const DATASET: Dataset = Dataset {
    folder: "onet",
    title: "O*NET",
    format: 11,
    import: "careers import onet FOLDER",
    max_file: MAX_STORED_BYTES,
};

/// Bumped whenever the layout changes; older imports must be imported again.
pub const FORMAT: u32 = DATASET.format;

/// The files of an import, in the order they are written; the manifest goes last.
pub const FILES: [&str; 8] = [
    NAMES,
    INDEX,
    DETAILS,
    SEARCH,
    WORDS,
    TECHNOLOGY,
    RATINGS,
    release::MANIFEST,
];

/// The stored files, each by name.
pub const NAMES: &str = "names.bin";
pub const INDEX: &str = "index.bin";
pub const DETAILS: &str = "details.bin";
pub const SEARCH: &str = "search.bin";
pub const WORDS: &str = "words.bin";
pub const TECHNOLOGY: &str = "technology.bin";
pub const RATINGS: &str = "ratings.bin";

/// The most the dictionary of `details.bin` may take: O*NET 29.2's records compress to 2.0 MB
/// with it, against about 3 MB one by one without.
const DICTIONARY_BYTES: usize = 112 * 1024;

/// The zstd level of `details.bin` and `search.bin`. Level 19 would save 0.2 MB of O*NET
/// 29.2's 2.8 MB but make the import five times slower; decompressing costs the same.
const LEVEL: i32 = 9;

/// The zstd level of `technology.bin`'s chunks: 19 keeps O*NET 29.2's file at 214 KB, a
/// file small enough that the slower compression does not show in an import.
const TECHNOLOGY_LEVEL: i32 = 19;

/// What `careers sources` says of an import: the container's manifest, its counts with the
/// release of the ratings.
pub type Manifest = release::Manifest<Contents>;

/// The release as the manifest names it ("29.2"), when the folder named one.
pub fn version(manifest: &Manifest) -> Option<&str> {
    Some(manifest.release.name.as_str()).filter(|v| !v.is_empty())
}

/// How much an import holds, and where its ratings come from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contents {
    #[serde(flatten)]
    pub counts: OnetCounts,
    /// Where the importance and level ratings come from, when the import has any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratings: Option<RatingsManifest>,
}

impl release::Counts for Contents {
    fn measures(&self) -> Vec<(&'static str, u64)> {
        let c = &self.counts;
        [
            ("occupations", c.occupations),
            ("alternate titles", c.alternate_titles),
            ("reported titles", c.reported_titles),
            ("tasks", c.tasks),
            ("technology skills", c.technology_skills),
            ("tools", c.tools),
            ("related links", c.related_links),
            ("rated occupations", c.rated_occupations),
            ("occupations with skill ratings", c.skills_rated),
            ("occupations with knowledge ratings", c.knowledge_rated),
        ]
        .into_iter()
        .map(|(m, n)| (m, n as u64))
        .collect()
    }
}

/// The release the ratings come from: the import's own, or another release's read beside it
/// (O*NET 29.0's Skills and Knowledge beside 29.2, which lacks them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingsManifest {
    /// The O*NET release, e.g. "29.0", when its folder names it.
    pub version: Option<String>,
    /// The folder the rating files were read from, when it is not `source`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<PathBuf>,
}

impl RatingsManifest {
    /// What the manifest says of `import`'s ratings, its separate folder named as `name` names
    /// it (the absolute path for an import, the folder's own name for the embedded dataset).
    pub fn of(import: &Import, name: impl Fn(&Path) -> PathBuf) -> Option<RatingsManifest> {
        import.ratings.as_ref().map(|r| RatingsManifest {
            version: r.version.clone(),
            source: r.folder.as_deref().map(name),
        })
    }
}

/// How much an import holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnetCounts {
    pub occupations: usize,
    pub alternate_titles: usize,
    pub reported_titles: usize,
    pub tasks: usize,
    pub technology_skills: usize,
    pub tools: usize,
    pub related_links: usize,
    /// Occupations with importance and level ratings.
    #[serde(default)]
    pub rated_occupations: usize,
    /// Occupations with skill ratings, and with knowledge ratings: each of the two rating
    /// files on its own, so that one emptied beside the other is still a loss.
    #[serde(default)]
    pub skills_rated: usize,
    #[serde(default)]
    pub knowledge_rated: usize,
    pub rows_skipped: usize,
}

impl OnetCounts {
    pub fn of(import: &Import) -> OnetCounts {
        let mut c = OnetCounts {
            occupations: import.occupations.len(),
            rows_skipped: import.skipped.len(),
            ..OnetCounts::default()
        };
        for o in &import.occupations {
            let d = &o.details;
            c.alternate_titles += d.alternate_titles.len();
            c.reported_titles += d.reported_titles.len();
            c.tasks += d.tasks.len();
            c.technology_skills += d.technology.len();
            c.tools += d.tools.len();
            c.related_links += d.related.len();
            if !(d.skills.is_empty() && d.knowledge.is_empty() && d.abilities.is_empty()) {
                c.rated_occupations += 1;
            }
            c.skills_rated += usize::from(!d.skills.is_empty());
            c.knowledge_rated += usize::from(!d.knowledge.is_empty());
        }
        c
    }
}

/// `names.bin`: what every run that uses O*NET reads, in place (see [`super::names`]).
#[derive(Debug, Serialize, Deserialize)]
pub struct Names<'a> {
    pub zones: Vec<StoredZone>,
    /// Byte offset and length of the dictionary in `details.bin`.
    pub dictionary: (u32, u32),
    #[serde(borrow)]
    pub layout: Layout<'a>,
}

/// What `index.bin` keeps of one occupation, read when its profile is first needed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IndexRecord {
    pub description: String,
    pub skills: Vec<String>,
    /// O*NET's flags for each of `skills`, in the same order.
    pub skill_uses: Vec<SkillUse>,
    pub job_zone: Option<u8>,
    pub interest_code: Option<String>,
}

/// What `index.bin` keeps after an [`IndexRecord`], for `show` of a curated profile to say of
/// the occupations it links to. A profile reads the record alone: postcard leaves what follows
/// unread.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LinkCounts {
    /// How many technology skills and tasks O*NET lists, and how many of the technologies
    /// are hot.
    pub technologies: u32,
    pub hot_technologies: u32,
    pub tasks: u32,
    /// The first [`HOT_KEPT`] hot technologies, in the details' order.
    pub hot: Vec<String>,
}

/// One record of `index.bin` whole.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct StoredRecord {
    record: IndexRecord,
    counts: LinkCounts,
}

/// How many hot technologies the index keeps of each occupation.
pub const HOT_KEPT: usize = 12;

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

/// The titles and technology of one occupation, in index order: what `list --skill/--hot`
/// filters on and a name that is only an O*NET title resolves by.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SearchRecord<'a> {
    /// Alternate titles, then reported titles.
    #[serde(borrow)]
    pub titles: Vec<&'a str>,
    #[serde(borrow)]
    pub technology: Vec<SearchTechnology<'a>>,
}

/// The bytes of `search.bin`, which [`SearchRecord`]s borrow from.
pub struct SearchFile(Vec<u8>);

/// `import` ready to store: its release, counts and files, with `source` for where it was read
/// from and `ratings_source` for the folder of its ratings (the absolute paths for an import,
/// the folders' own names for the embedded dataset). What `careers import onet` writes, and
/// what the embedded dataset is made of.
pub fn prepare(
    import: &Import,
    source: PathBuf,
    ratings_source: impl Fn(&Path) -> PathBuf,
) -> anyhow::Result<Prepared<Contents>> {
    Ok(Prepared {
        release: Release {
            name: import.version.clone().unwrap_or_default(),
            published: super::published(import.version.as_deref()),
        },
        source,
        counts: contents(import, ratings_source),
        files: encode(import)?,
    })
}

/// What the manifest says `import` holds, with its ratings' folder named by `ratings_source`.
pub fn contents(import: &Import, ratings_source: impl Fn(&Path) -> PathBuf) -> Contents {
    Contents {
        counts: OnetCounts::of(import),
        ratings: RatingsManifest::of(import, ratings_source),
    }
}

/// The bytes of each stored file of `import`, by name, in [`FILES`]' order.
pub fn encode(import: &Import) -> anyhow::Result<Vec<(&'static str, Vec<u8>)>> {
    // In code order, for a binary search by code.
    let mut occupations: Vec<&Occupation> = import.occupations.iter().collect();
    occupations.sort_by(|a, b| a.details.code.cmp(&b.details.code));
    let mut zones: Vec<StoredZone> = Vec::new();
    let mut index = Vec::new();
    let mut index_lengths = Vec::with_capacity(occupations.len());
    let mut details_lengths = Vec::with_capacity(occupations.len());
    let mut search = Vec::with_capacity(occupations.len());
    // The ratings go to their own file.
    let texts = occupations
        .iter()
        .map(|o| {
            let mut d = o.details.clone();
            for kind in crate::model::onet::RatingKind::ALL {
                d.ratings_mut(kind).clear();
            }
            serde_json::to_vec(&d)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let dictionary = train_dictionary(&texts)?;
    let mut compressor = zstd::bulk::Compressor::with_dictionary(LEVEL, &dictionary)?;
    let mut details = dictionary.clone();
    for (o, text) in occupations.iter().zip(&texts) {
        let record = postcard::to_stdvec(&index_record(o))?;
        let packed = compressor.compress(text)?;
        index_lengths.push(record.len());
        details_lengths.push(packed.len());
        index.extend_from_slice(&record);
        details.extend_from_slice(&packed);
    }
    for o in &occupations {
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
        let d = &o.details;
        search.push(SearchRecord {
            titles: d
                .alternate_titles
                .iter()
                .chain(&d.reported_titles)
                .map(String::as_str)
                .collect(),
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
    zones.sort_by_key(|z| z.zone);
    let texts: Vec<[Vec<&str>; 3]> = occupations
        .iter()
        .map(|o| {
            let d = &o.details;
            [
                d.alternate_titles
                    .iter()
                    .chain(&d.reported_titles)
                    .map(String::as_str)
                    .collect(),
                o.skills
                    .iter()
                    .map(String::as_str)
                    .chain(d.technology.iter().map(|t| t.example.as_str()))
                    .collect(),
                d.tasks.iter().map(|t| t.statement.as_str()).collect(),
            ]
        })
        .collect();
    let words = super::words::encode(&texts)?;
    let names: Vec<(&str, &str, &str)> = occupations
        .iter()
        .map(|o| (o.id.as_str(), o.details.code.as_str(), o.title.as_str()))
        .collect();
    let (strings, [bounds, index_at, details_at, by_id]) =
        super::names::encode(&names, &index_lengths, dictionary.len(), &details_lengths)?;
    let dictionary_span = (
        0,
        u32::try_from(dictionary.len()).context("the dictionary is over 4 GiB")?,
    );
    let mut files = Vec::with_capacity(FILES.len() - 1);
    files.push((
        NAMES,
        postcard::to_stdvec(&Names {
            zones,
            dictionary: dictionary_span,
            layout: Layout {
                strings: &strings,
                bounds: Bytes(&bounds),
                index: Bytes(&index_at),
                details: Bytes(&details_at),
                by_id: Bytes(&by_id),
            },
        })?,
    ));
    files.push((INDEX, index));
    files.push((DETAILS, details));
    files.push((
        SEARCH,
        zstd::bulk::compress(&postcard::to_stdvec(&search)?, LEVEL)?,
    ));
    files.push((
        WORDS,
        postcard::to_stdvec(&super::words::Layout {
            words: &words.words,
            bounds: Bytes(&words.bounds),
            sorted: Bytes(&words.sorted),
            texts: Bytes(&words.texts),
            starts: Bytes(&words.starts),
            postings: Bytes(&words.postings),
            posting_starts: Bytes(&words.posting_starts),
        })?,
    ));
    let technologies: Vec<Vec<super::technology::Technology>> = occupations
        .iter()
        .map(|o| {
            o.details
                .technology
                .iter()
                .map(|t| super::technology::Technology {
                    example: &t.example,
                    commodity: t.commodity.as_deref(),
                    skill: t.skill.as_deref(),
                    hot: t.hot,
                    in_demand: t.in_demand,
                })
                .collect()
        })
        .collect();
    files.push((
        TECHNOLOGY,
        super::technology::encode(&technologies, TECHNOLOGY_LEVEL)?,
    ));
    let rated: Vec<&OnetDetails> = occupations.iter().map(|o| &o.details).collect();
    files.push((RATINGS, super::ratings::encode(&rated)?));
    Ok(files)
}

/// A zstd dictionary for the records: none for an import too small to train one on (a few
/// occupations), which zstd then compresses without.
fn train_dictionary(texts: &[Vec<u8>]) -> anyhow::Result<Vec<u8>> {
    let total: usize = texts.iter().map(Vec::len).sum();
    if texts.len() < 64 || total < 10 * DICTIONARY_BYTES {
        return Ok(Vec::new());
    }
    zstd::dict::from_samples(texts, DICTIONARY_BYTES).context("cannot train the details dictionary")
}

fn index_record(o: &Occupation) -> StoredRecord {
    let record = IndexRecord {
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
    };
    let counts = LinkCounts {
        technologies: count(o.details.technology.len()),
        hot_technologies: count(o.details.technology.iter().filter(|t| t.hot).count()),
        tasks: count(o.details.tasks.len()),
        hot: o
            .details
            .technology
            .iter()
            .filter(|t| t.hot)
            .take(HOT_KEPT)
            .map(|t| t.example.clone())
            .collect(),
    };
    StoredRecord { record, counts }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Where an opened O*NET release comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// Imported by the user into this folder.
    Imported(PathBuf),
    /// Compiled into the binary.
    Embedded,
}

/// An opened release: its manifest and names, and its other files, read on demand. Files are
/// opened with the names so that all of them come from the same import even when another
/// import swaps in meanwhile.
#[derive(Debug)]
pub struct OnetRelease {
    pub location: Location,
    pub manifest: Manifest,
    pub zones: Vec<StoredZone>,
    /// Read in place from the names file's bytes: the embedded file's, or an import's read
    /// once for the life of the process.
    pub names: NameTable,
    /// Where the dictionary is in `details.bin`.
    dictionary: (u32, u32),
    /// The decompressor with the dictionary loaded, made for the first record read.
    decompressor: Decompressor,
    /// The last [`RECENT_RECORDS`] records decompressed, by position: `gap` reads each role's
    /// record for its requirements and again for its technologies.
    recent: std::sync::Mutex<Vec<(usize, Vec<u8>)>>,
    index: Part,
    details: Part,
    search: Part,
    /// Read in place by the word index.
    words: &'static [u8],
    /// Read in place by the technology index.
    technology: &'static [u8],
    ratings: Part,
    /// The word index, once read.
    word_index: std::sync::OnceLock<WordIndex>,
    /// The technology index, once decompressed and read.
    technology_index: std::sync::OnceLock<TechnologyIndex>,
    /// The header of `ratings.bin` and where its records start, once read.
    ratings_header: std::sync::OnceLock<(super::ratings::Header, u64)>,
}

/// zstd's decompressor with the details' dictionary, once loaded.
struct Decompressor(std::sync::Mutex<Option<zstd::bulk::Decompressor<'static>>>);

impl std::fmt::Debug for Decompressor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Decompressor")
    }
}

/// One stored file's bytes: the binary's own, or an import's, read whole and checked against
/// its manifest when the import was opened.
#[derive(Debug)]
pub struct Part(Cow<'static, [u8]>);

impl Part {
    /// How many bytes the file holds.
    pub fn len(&self) -> u64 {
        self.0.len() as u64
    }

    /// Whether the file is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `len` bytes from `offset`, or an error when the file is shorter: the range comes from
    /// another of the release's files.
    pub fn range(&self, offset: u64, len: u64) -> std::io::Result<&[u8]> {
        offset
            .checked_add(len)
            .and_then(|end| {
                let start = usize::try_from(offset).ok()?;
                self.0.get(start..usize::try_from(end).ok()?)
            })
            .ok_or_else(|| {
                std::io::Error::new(
                    std::io::ErrorKind::UnexpectedEof,
                    "it is shorter than the index says",
                )
            })
    }

    /// The bytes for the life of the process: the binary's own as they are, an import's kept
    /// (the process opens the import once).
    fn leak(self) -> &'static [u8] {
        match self.0 {
            Cow::Borrowed(bytes) => bytes,
            Cow::Owned(bytes) => Box::leak(bytes.into_boxed_slice()),
        }
    }
}

/// The manifest of the import in `data_dir`, when there is one that can be read: what a new
/// import is compared with before it replaces it.
pub fn current_manifest(data_dir: &Path) -> Option<Manifest> {
    release::open::<Contents>(data_dir, &DATASET)
        .ok()
        .flatten()
        .map(|opened| opened.manifest)
}

/// Opens the import in `data_dir`, or `None` when there is none. Every file is checked against
/// its manifest's length and checksum first: a file cut, zeroed or changed after the import is
/// a damaged import, named with the fix, never an answer.
pub fn open(data_dir: &Path) -> anyhow::Result<Option<OnetRelease>> {
    crate::datadir::imports::tidy(data_dir);
    release::open::<Contents>(data_dir, &DATASET)?
        .map(OnetRelease::decode)
        .transpose()
}

/// The embedded release, from the binary's own files: their lengths are checked, their
/// checksums are not (the binary is not changed after it is built; a test checks them).
pub fn embedded(manifest: &[u8], files: &[(&str, &'static [u8])]) -> anyhow::Result<OnetRelease> {
    OnetRelease::decode(release::built_in(&DATASET, manifest, files)?)
}

/// An import of O*NET 29.2 stores about 5 MB; an import reads at most 256 MiB from any one
/// source file. A stored file larger than this was not written by an import, and is refused
/// unread.
const MAX_STORED_BYTES: u64 = 1024 * 1024 * 1024;

/// How many decompressed records a release keeps for a second read.
const RECENT_RECORDS: usize = 4;

/// What decompressing one frame or the search file may yield at most.
const MAX_DECOMPRESSED: usize = 256 * 1024 * 1024;

impl OnetRelease {
    /// Checks and opens a release's files, opened and checked by the container: the names are
    /// read in place, the rest on demand. A file whose layout does not hold is a damaged one.
    pub fn decode(opened: Opened<Contents>) -> anyhow::Result<OnetRelease> {
        let location = match &opened.dir {
            Some(dir) => Location::Imported(dir.clone()),
            None => Location::Embedded,
        };
        let broken = |why: String| match &location {
            Location::Imported(dir) => release::damaged(&DATASET, dir, &why),
            Location::Embedded => anyhow::anyhow!("the embedded O*NET data cannot be read ({why})"),
        };
        let Opened {
            manifest, files, ..
        } = opened;
        let mut parts: Vec<Option<Part>> = files.into_iter().map(|b| Some(Part(b))).collect();
        let mut take = |name: &str| {
            manifest
                .files
                .iter()
                .position(|f| f.name == name)
                .and_then(|at| parts.get_mut(at)?.take())
                .ok_or_else(|| broken(format!("its manifest lists no {name}")))
        };
        let names = take(NAMES)?.leak();
        let index = take(INDEX)?;
        let details = take(DETAILS)?;
        let search = take(SEARCH)?;
        let words = take(WORDS)?.leak();
        let technology = take(TECHNOLOGY)?.leak();
        let ratings = take(RATINGS)?;
        let Names {
            zones,
            dictionary,
            layout,
        } = postcard::from_bytes(names).map_err(|e| broken(format!("{NAMES}: {e}")))?;
        // Files that do not fit together are found now, while the embedded release can still
        // answer in the import's place, rather than by the first `show` that reads them.
        let names = NameTable::new(layout, index.len(), details.len())
            .map_err(|e| broken(format!("{e:#}")))?;
        if u64::from(dictionary.0) + u64::from(dictionary.1) > details.len() {
            return Err(broken(format!("{DETAILS} is shorter than {NAMES} says")));
        }
        Ok(OnetRelease {
            location,
            manifest,
            zones,
            names,
            dictionary,
            decompressor: Decompressor(std::sync::Mutex::new(None)),
            recent: std::sync::Mutex::new(Vec::new()),
            index,
            details,
            search,
            words,
            technology,
            ratings,
            word_index: std::sync::OnceLock::new(),
            technology_index: std::sync::OnceLock::new(),
            ratings_header: std::sync::OnceLock::new(),
        })
    }

    /// The release, e.g. "29.2", when its folder named one.
    pub fn version(&self) -> Option<&str> {
        version(&self.manifest)
    }

    /// O*NET's attribution for an output of this release that shows no ratings.
    pub fn attribution(&self) -> String {
        super::attribution_of(&self.manifest)
    }

    /// O*NET's attribution for an output that shows this release's ratings too.
    pub fn attribution_with_ratings(&self) -> String {
        super::attribution_with_ratings(&self.manifest)
    }

    /// The folder of an import; `None` for the embedded release.
    pub fn dir(&self) -> Option<&Path> {
        match &self.location {
            Location::Imported(dir) => Some(dir),
            Location::Embedded => None,
        }
    }

    /// The error for a release whose files cannot be read, with how to mend an import.
    pub fn broken(&self, why: &str) -> anyhow::Error {
        match &self.location {
            Location::Imported(dir) => release::damaged(&DATASET, dir, why),
            Location::Embedded => anyhow::anyhow!("the embedded O*NET data cannot be read ({why})"),
        }
    }

    /// The index record of the occupation at `position`: its description, skills, job zone
    /// and interest code.
    pub fn index_record(&self, position: usize) -> anyhow::Result<IndexRecord> {
        self.index_bytes(position, |bytes| {
            postcard::from_bytes(bytes).map_err(|e| self.broken(&format!("{INDEX}: {e}")))
        })
    }

    /// The canonical skills of the occupation at `position` with O*NET's flags of each, read
    /// in place from its index record (the description skipped unread): what `match` asks of
    /// every occupation without making its profile.
    pub fn skill_uses(&self, position: usize) -> anyhow::Result<Vec<(&str, SkillUse)>> {
        #[derive(Deserialize)]
        struct Skills<'a> {
            #[serde(borrow)]
            _description: Bytes<'a>,
            #[serde(borrow)]
            skills: Vec<&'a str>,
            skill_uses: Vec<SkillUse>,
        }
        let (offset, len) = self.names.index_span(position);
        let bytes = self
            .index
            .range(offset, len)
            .map_err(|e| self.broken(&format!("{INDEX} {e}")))?;
        let read: Skills =
            postcard::from_bytes(bytes).map_err(|e| self.broken(&format!("{INDEX}: {e}")))?;
        Ok(read.skills.into_iter().zip(read.skill_uses).collect())
    }

    /// What `read` makes of the bytes of the index record at `position`.
    fn index_bytes<T>(
        &self,
        position: usize,
        read: impl FnOnce(&[u8]) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        let (offset, len) = self.names.index_span(position);
        let bytes = self
            .index
            .range(offset, len)
            .map_err(|e| self.broken(&format!("{INDEX} {e}")))?;
        read(bytes)
    }

    /// The whole O*NET record of the occupation at `position` in the index, its ratings
    /// included.
    pub fn details(&self, position: usize) -> anyhow::Result<OnetDetails> {
        let mut details: OnetDetails = self.record(position)?;
        self.add_ratings(position, &mut details)?;
        Ok(details)
    }

    /// The parts of the record of the occupation at `position` that a profile's requirements and
    /// career are made of (education, job zone, related occupations), the rest of the record
    /// skipped unread into strings: what `compare`, `gap` and `path` fold into a profile.
    pub fn requirement_parts(&self, position: usize) -> anyhow::Result<OnetDetails> {
        #[derive(Deserialize)]
        struct Parts {
            code: String,
            #[serde(default)]
            education: Vec<crate::model::onet::EducationShare>,
            #[serde(default)]
            job_zone: Option<crate::model::onet::JobZone>,
            #[serde(default)]
            related: Vec<crate::model::onet::RelatedOccupation>,
        }
        let parts: Parts = self.record(position)?;
        Ok(OnetDetails {
            code: parts.code,
            education: parts.education,
            job_zone: parts.job_zone,
            related: parts.related,
            ..OnetDetails::default()
        })
    }

    /// The release the ratings come from, when the release in use has ratings.
    pub fn ratings_release(&self) -> Option<String> {
        let r = self.manifest.counts.ratings.as_ref()?;
        Some(
            r.version
                .clone()
                .unwrap_or_else(|| "(release unknown)".to_owned()),
        )
    }

    /// Puts the ratings of the occupation at `position` into `details`, with the release they
    /// come from, or marks it unrated when the release rates others but not this one.
    pub fn add_ratings(&self, position: usize, details: &mut OnetDetails) -> anyhow::Result<()> {
        let Some(release) = self.ratings_release() else {
            return Ok(());
        };
        let (header, start) = self.ratings_header()?;
        details.ratings_release = Some(release);
        let Some(Some(record)) = header.records.get(position) else {
            details.unrated = true;
            return Ok(());
        };
        let len = header.record_len() as u64;
        let bytes = self
            .ratings
            .range(start + u64::from(*record) * len, len)
            .map_err(|e| self.broken(&format!("{RATINGS} {e}")))?;
        super::ratings::decode_record(header, bytes, details);
        Ok(())
    }

    /// The skills and knowledge figures of every rated occupation, a row each with its position
    /// in the index, read from the ratings file in place (an import's, once).
    pub fn rating_figures(&self) -> anyhow::Result<crate::model::ratings::FigureTable> {
        let (header, start) = self.ratings_header()?;
        let records = self
            .ratings
            .range(start, self.ratings.len() - start)
            .map_err(|e| self.broken(&format!("{RATINGS} {e}")))?;
        Ok(super::ratings::figure_table(header, records))
    }

    /// The importance of the element at `element` (its place in the ratings header) in every
    /// occupation, by position ([`super::ratings::importance_column`]): one column of the
    /// records read, not the whole figure table.
    pub fn rating_importance(&self, element: usize) -> anyhow::Result<Vec<Option<u16>>> {
        let (header, start) = self.ratings_header()?;
        let records = self
            .ratings
            .range(start, self.ratings.len() - start)
            .map_err(|e| self.broken(&format!("{RATINGS} {e}")))?;
        Ok(super::ratings::importance_column(header, records, element))
    }

    /// The header of `ratings.bin` and where its records start, read the first time.
    pub fn ratings_header(&self) -> anyhow::Result<(&super::ratings::Header, u64)> {
        if let Some((header, start)) = self.ratings_header.get() {
            return Ok((header, *start));
        }
        let damaged = |e: &dyn std::fmt::Display| self.broken(&format!("{RATINGS}: {e}"));
        let first = self
            .ratings
            .range(0, 4)
            .map_err(|e| self.broken(&format!("{RATINGS} {e}")))?;
        let len = super::ratings::header_len(first).ok_or_else(|| damaged(&"no header"))?;
        let bytes = self
            .ratings
            .range(4, u64::from(len))
            .map_err(|e| self.broken(&format!("{RATINGS} {e}")))?;
        let header: super::ratings::Header =
            postcard::from_bytes(bytes).map_err(|e| damaged(&e))?;
        let start = 4 + u64::from(len);
        let rated = header.records.iter().flatten().count() as u64;
        if header.records.len() != self.names.len()
            || start + rated * header.record_len() as u64 != self.ratings.len()
        {
            return Err(damaged(&"it does not match names.bin"));
        }
        let (header, start) = self.ratings_header.get_or_init(|| (header, start));
        Ok((header, *start))
    }

    /// What `show` of a curated profile says of the occupation at `position`, from its index
    /// record alone.
    pub fn summary(
        &self,
        position: usize,
    ) -> anyhow::Result<crate::model::onet::OccupationSummary> {
        let StoredRecord { record, counts } = self.index_bytes(position, |bytes| {
            postcard::from_bytes(bytes).map_err(|e| self.broken(&format!("{INDEX}: {e}")))
        })?;
        Ok(crate::model::onet::OccupationSummary {
            description: record.description,
            job_zone: record.job_zone,
            technology_count: counts.technologies,
            hot_technology_count: counts.hot_technologies,
            hot_technologies: counts.hot,
            skills: record.skills,
            task_count: counts.tasks,
        })
    }

    /// The record of the occupation at `position`, decompressed and read as `T`.
    fn record<T: serde::de::DeserializeOwned>(&self, position: usize) -> anyhow::Result<T> {
        let damaged = |e: &dyn std::fmt::Display| self.broken(&format!("{DETAILS}: {e}"));
        let (offset, len) = self.names.details_span(position);
        let packed = self
            .details
            .range(offset, len)
            .map_err(|e| self.broken(&format!("{DETAILS} {e}")))?;
        let mut decompressor = self
            .decompressor
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if decompressor.is_none() {
            let (at, len) = self.dictionary;
            let dictionary = self
                .details
                .range(u64::from(at), u64::from(len))
                .map_err(|e| self.broken(&format!("{DETAILS} {e}")))?;
            *decompressor = Some(
                zstd::bulk::Decompressor::with_dictionary(dictionary).map_err(|e| damaged(&e))?,
            );
        }
        let mut recent = self
            .recent
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, text)) = recent.iter().find(|(p, _)| *p == position) {
            return serde_json::from_slice(text).map_err(|e| damaged(&e));
        }
        let text = decompressor
            .as_mut()
            .expect("made above")
            .decompress(packed, MAX_DECOMPRESSED)
            .map_err(|e| damaged(&e))?;
        let read = serde_json::from_slice(&text).map_err(|e| damaged(&e));
        if recent.len() == RECENT_RECORDS {
            recent.remove(0);
        }
        recent.push((position, text));
        read
    }

    /// The word index of the search text, read in place the first time it is asked for.
    pub fn word_index(&self) -> anyhow::Result<&WordIndex> {
        if let Some(index) = self.word_index.get() {
            return Ok(index);
        }
        let bytes = self.words;
        let layout =
            postcard::from_bytes(bytes).map_err(|e| self.broken(&format!("{WORDS}: {e}")))?;
        let index = WordIndex::new(layout, self.names.len())
            .map_err(|e| self.broken(&format!("{WORDS}: {e:#}")))?;
        Ok(self.word_index.get_or_init(|| index))
    }

    /// The technology skills of the occupation at `position`, read from its details.
    pub fn technology_of(
        &self,
        position: usize,
    ) -> anyhow::Result<Vec<crate::model::onet::TechnologySkill>> {
        #[derive(Deserialize)]
        struct Part {
            #[serde(default)]
            technology: Vec<crate::model::onet::TechnologySkill>,
        }
        let part: Part = self.record(position)?;
        Ok(part.technology)
    }

    /// The technology index, read in place the first time it is asked for.
    fn technology_index(&self) -> anyhow::Result<&TechnologyIndex> {
        if let Some(index) = self.technology_index.get() {
            return Ok(index);
        }
        let layout = postcard::from_bytes(self.technology)
            .map_err(|e| self.broken(&format!("{TECHNOLOGY}: {e}")))?;
        let index = TechnologyIndex::new(layout, self.names.len())
            .map_err(|e| self.broken(&format!("{TECHNOLOGY}: {e:#}")))?;
        Ok(self.technology_index.get_or_init(|| index))
    }

    /// What `read` finds in the technology index: a part of it that does not hold, found
    /// when it is first read, is a damaged release like any other.
    pub fn with_technology<T>(
        &self,
        read: impl FnOnce(&TechnologyIndex) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        read(self.technology_index()?).map_err(|e| self.broken(&format!("{e:#}")))
    }

    /// The alternate and reported titles and the technology names of the occupation at
    /// `position`, read from its details: what a search result quotes.
    pub fn titles_and_technology(
        &self,
        position: usize,
    ) -> anyhow::Result<(Vec<String>, Vec<String>)> {
        #[derive(Deserialize)]
        struct Named {
            example: String,
        }
        #[derive(Deserialize)]
        struct Part {
            #[serde(default)]
            alternate_titles: Vec<String>,
            #[serde(default)]
            reported_titles: Vec<String>,
            #[serde(default)]
            technology: Vec<Named>,
        }
        let mut part: Part = self.record(position)?;
        part.alternate_titles.append(&mut part.reported_titles);
        Ok((
            part.alternate_titles,
            part.technology.into_iter().map(|t| t.example).collect(),
        ))
    }

    /// Reads `search.bin`; [`OnetRelease::search_records`] decodes it.
    pub fn search_file(&self) -> anyhow::Result<SearchFile> {
        let bytes = zstd::bulk::decompress(&self.search.0, MAX_DECOMPRESSED)
            .map_err(|e| self.broken(&format!("{SEARCH}: {e}")))?;
        Ok(SearchFile(bytes))
    }

    /// The titles and technology of every occupation, in index order.
    pub fn search_records<'a>(
        &self,
        file: &'a SearchFile,
    ) -> anyhow::Result<Vec<SearchRecord<'a>>> {
        let records: Vec<SearchRecord> =
            postcard::from_bytes(&file.0).map_err(|e| self.broken(&format!("{SEARCH}: {e}")))?;
        if records.len() != self.names.len() {
            bail!(self.broken("search.bin does not match names.bin"));
        }
        Ok(records)
    }

    /// The position in the index of the occupation with this code.
    pub fn position(&self, code: &str) -> Option<usize> {
        self.names.find_code(code)
    }
}
