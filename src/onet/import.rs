//! Reads the O*NET text edition (tab-delimited, header row, CRLF) into one profile per
//! occupation. Columns are found by header name. `Occupation Data.txt` is required; every other
//! file is used when present and reported as missing otherwise.
//!
//! A malformed row (wrong number of fields, an unknown or badly formed O*NET-SOC code, a value
//! out of range, text that is not UTF-8) is skipped, counted and reported with its file, line and
//! reason: one bad row in a 50,000-row file should not cost the user the other 49,999. A file
//! that is present but lacks a column the importer needs is not O*NET's format, and aborts.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::path::Path;

use anyhow::bail;

use crate::model::onet::{
    EducationShare, JobZone, OnetTask, Rating, RelatedOccupation, TaskKind, TechnologySkill,
};
use crate::model::{OnetDetails, Vocabulary, slugify};

/// The one file an import cannot do without.
pub const OCCUPATION_DATA: &str = "Occupation Data.txt";

/// Every optional file the importer reads, in the order it reads them.
pub const OPTIONAL_FILES: [&str; 15] = [
    "Alternate Titles.txt",
    "Sample of Reported Titles.txt",
    "Task Statements.txt",
    "Technology Skills.txt",
    "Tools Used.txt",
    "Job Zone Reference.txt",
    "Job Zones.txt",
    "Education, Training, and Experience Categories.txt",
    "Education, Training, and Experience.txt",
    "Interests.txt",
    "Work Styles.txt",
    "Related Occupations.txt",
    "Skills.txt",
    "Knowledge.txt",
    "Abilities.txt",
];

/// Longest id an imported occupation gets; longer titles are cut at a word boundary.
const MAX_ID_LEN: usize = 80;

/// The most columns any file is read by.
const MAX_COLUMNS: usize = 8;

/// An element's importance (IM) and level (LV), as the rows give them.
type ImportanceLevel = (Option<f64>, Option<f64>);

/// One imported occupation.
#[derive(Debug, Clone, PartialEq)]
pub struct Occupation {
    pub id: String,
    pub title: String,
    pub description: String,
    /// Canonical skill names the occupation's technology maps onto, in first-seen order.
    pub skills: Vec<String>,
    pub details: OnetDetails,
}

/// A malformed row that was skipped.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SkippedRow {
    pub file: String,
    pub line: u64,
    pub reason: String,
}

/// Skipped rows of one file with one reason: one bad code in `Occupation Data.txt` makes every
/// row of that code in the other files a follow-on skip, and grouping keeps those from hiding
/// the rest.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SkippedGroup {
    pub file: String,
    pub reason: String,
    pub rows: usize,
    pub first_line: u64,
}

/// `rows` grouped by file and reason, in the order each group was first met.
pub fn group_skipped(rows: &[SkippedRow]) -> Vec<SkippedGroup> {
    let mut groups: Vec<SkippedGroup> = Vec::new();
    let mut at: HashMap<(&str, &str), usize> = HashMap::new();
    for row in rows {
        match at.get(&(row.file.as_str(), row.reason.as_str())) {
            Some(&i) => groups[i].rows += 1,
            None => {
                at.insert((&row.file, &row.reason), groups.len());
                groups.push(SkippedGroup {
                    file: row.file.clone(),
                    reason: row.reason.clone(),
                    rows: 1,
                    first_line: row.line,
                });
            }
        }
    }
    groups
}

/// What the import read, before it is stored.
#[derive(Debug, Default)]
pub struct Import {
    /// The release, e.g. "29.2", from `Read Me.txt` or the folder name.
    pub version: Option<String>,
    pub occupations: Vec<Occupation>,
    /// Optional files that were not in the folder.
    pub missing: Vec<&'static str>,
    /// Optional files that were there but empty (0 bytes), skipped like missing ones.
    pub empty: Vec<&'static str>,
    /// Every malformed row, in the order read.
    pub skipped: Vec<SkippedRow>,
}

/// Told about each file as the import reaches it.
pub trait Progress {
    fn start(&self, files: u64);
    fn file(&self, name: &str);
    fn finish(&self);
}

/// A progress listener that ignores everything.
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _: u64) {}
    fn file(&self, _: &str) {}
    fn finish(&self) {}
}

/// Reads the database in `dir`. `reserved` holds ids already taken (the bundled profiles), which
/// imported occupations must not shadow.
pub fn read(
    dir: &Path,
    vocabulary: &Vocabulary,
    reserved: &HashSet<String>,
    progress: &dyn Progress,
) -> anyhow::Result<Import> {
    match std::fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            bail!("{} does not exist", dir.display())
        }
        Err(e) => bail!("cannot read {}: {}", dir.display(), io_reason(&e)),
        Ok(m) if !m.is_dir() => bail!("{} is not a folder", dir.display()),
        Ok(_) => {}
    }
    if !dir.join(OCCUPATION_DATA).exists() {
        bail!(
            "{} has no \"{OCCUPATION_DATA}\"; point the import at the folder of O*NET's text files (e.g. db_29_2_text)",
            dir.display()
        );
    }
    // Every file is checked before anything is read: a FIFO, a device or a huge file fails
    // the import at once, never after minutes of reading.
    for file in std::iter::once(OCCUPATION_DATA)
        .chain(OPTIONAL_FILES)
        .chain([README])
    {
        let path = dir.join(file);
        if path.exists() {
            drop(open_source(&path, max_source_bytes(file))?);
        }
    }
    if is_empty(&dir.join(OCCUPATION_DATA)) {
        bail!("\"{OCCUPATION_DATA}\" {EMPTY}");
    }
    let (empty, present): (Vec<&'static str>, Vec<&'static str>) = OPTIONAL_FILES
        .iter()
        .copied()
        .filter(|f| dir.join(f).exists())
        .partition(|f| is_empty(&dir.join(f)));
    progress.start(present.len() as u64 + 1);
    let mut reader = Reader {
        dir,
        import: Import {
            version: read_version(dir)?,
            missing: OPTIONAL_FILES
                .iter()
                .copied()
                .filter(|f| !present.contains(f) && !empty.contains(f))
                .collect(),
            empty,
            ..Import::default()
        },
        progress,
    };
    let mut occ = reader.occupations()?;
    let index: HashMap<String, usize> = occ
        .iter()
        .enumerate()
        .map(|(i, o)| (o.details.code.clone(), i))
        .collect();
    let titles: HashMap<String, String> = occ
        .iter()
        .map(|o| (o.details.code.clone(), o.title.clone()))
        .collect();
    let mut zones: HashMap<u8, JobZone> = HashMap::new();
    let mut education_levels: HashMap<u32, String> = HashMap::new();
    let mut education: HashMap<usize, Vec<EducationRow>> = HashMap::new();
    let mut interests: HashMap<usize, [u8; 3]> = HashMap::new();
    let mut styles: HashMap<usize, Vec<(String, f64)>> = HashMap::new();
    let mut ratings: [HashMap<(usize, String), ImportanceLevel>; 3] = Default::default();
    let mut skill_seen: Vec<HashSet<String>> = vec![HashSet::new(); occ.len()];

    for file in present {
        match file {
            "Alternate Titles.txt" => {
                reader.rows(file, &["O*NET-SOC Code", "Alternate Title"], |r| {
                    let i = occupation(&index, r[0])?;
                    occ[i].details.alternate_titles.push(text(r[1], "title")?);
                    Ok(())
                })?
            }
            "Sample of Reported Titles.txt" => {
                reader.rows(file, &["O*NET-SOC Code", "Reported Job Title"], |r| {
                    let i = occupation(&index, r[0])?;
                    occ[i].details.reported_titles.push(text(r[1], "title")?);
                    Ok(())
                })?
            }
            "Task Statements.txt" => {
                reader.rows(file, &["O*NET-SOC Code", "Task", "Task Type"], |r| {
                    let i = occupation(&index, r[0])?;
                    let kind = match r[2] {
                        "Core" => Some(TaskKind::Core),
                        "Supplemental" => Some(TaskKind::Supplemental),
                        "n/a" | "" => None,
                        other => return Err(format!("unknown Task Type \"{other}\"")),
                    };
                    occ[i].details.tasks.push(OnetTask {
                        statement: text(r[1], "task")?,
                        kind,
                    });
                    Ok(())
                })?
            }
            "Technology Skills.txt" => reader.rows_with_optional(
                file,
                &[
                    "O*NET-SOC Code",
                    "Example",
                    "Commodity Title",
                    "Hot Technology",
                ],
                Some("In Demand"),
                |r, in_demand| {
                    let i = occupation(&index, r[0])?;
                    let example = text(r[1], "example")?;
                    let skill = vocabulary.resolve(&example).map(|s| s.name.clone());
                    if let Some(name) = &skill
                        && skill_seen[i].insert(name.clone())
                    {
                        occ[i].skills.push(name.clone());
                    }
                    occ[i].details.technology.push(TechnologySkill {
                        example,
                        commodity: (!r[2].is_empty()).then(|| r[2].to_owned()),
                        skill,
                        hot: flag(r[3], "Hot Technology")?,
                        in_demand: match in_demand {
                            Some(v) => flag(v, "In Demand")?,
                            None => false,
                        },
                    });
                    Ok(())
                },
            )?,
            "Tools Used.txt" => reader.rows(file, &["O*NET-SOC Code", "Example"], |r| {
                let i = occupation(&index, r[0])?;
                occ[i].details.tools.push(text(r[1], "example")?);
                Ok(())
            })?,
            "Job Zone Reference.txt" => reader.rows(
                file,
                &["Job Zone", "Name", "Experience", "Education"],
                |r| {
                    let zone = zone(r[0])?;
                    zones.insert(
                        zone,
                        JobZone {
                            zone,
                            name: text(r[1], "name")?,
                            education: (!r[3].is_empty()).then(|| r[3].to_owned()),
                            experience: (!r[2].is_empty()).then(|| r[2].to_owned()),
                        },
                    );
                    Ok(())
                },
            )?,
            "Job Zones.txt" => reader.rows(file, &["O*NET-SOC Code", "Job Zone"], |r| {
                let i = occupation(&index, r[0])?;
                let zone = zone(r[1])?;
                occ[i].details.job_zone = Some(zones.get(&zone).cloned().unwrap_or(JobZone {
                    zone,
                    name: format!("Job Zone {zone}"),
                    education: None,
                    experience: None,
                }));
                Ok(())
            })?,
            "Education, Training, and Experience Categories.txt" => reader.rows(
                file,
                &["Element ID", "Scale ID", "Category", "Category Description"],
                |r| {
                    if r[1] == "RL" {
                        let category = number::<u32>(r[2], "Category")?;
                        education_levels.insert(category, short_level(r[3]));
                    }
                    Ok(())
                },
            )?,
            "Education, Training, and Experience.txt" => reader.rows_with_optional(
                file,
                &["O*NET-SOC Code", "Scale ID", "Category", "Data Value"],
                Some("Recommend Suppress"),
                |r, suppress| {
                    if r[1] != "RL" {
                        return Ok(());
                    }
                    let i = occupation(&index, r[0])?;
                    let row = EducationRow {
                        category: number::<u32>(r[2], "Category")?,
                        percent: in_range(r[3], "Data Value", 0.0..=100.0)?,
                        // Occupational-expert rows say "n/a": nothing to suppress.
                        suppressed: match suppress {
                            Some("n/a" | "") | None => false,
                            Some(v) => flag(v, "Recommend Suppress")?,
                        },
                    };
                    education.entry(i).or_default().push(row);
                    Ok(())
                },
            )?,
            "Interests.txt" => reader.rows(
                file,
                &["O*NET-SOC Code", "Element Name", "Scale ID", "Data Value"],
                |r| {
                    if r[2] != "IH" {
                        return Ok(());
                    }
                    let i = occupation(&index, r[0])?;
                    let slot = match r[1] {
                        "First Interest High-Point" => 0,
                        "Second Interest High-Point" => 1,
                        "Third Interest High-Point" => 2,
                        other => return Err(format!("unknown high-point element \"{other}\"")),
                    };
                    let value = finite(r[3], "Data Value")?;
                    if !(0.0..=6.0).contains(&value) || value.fract() != 0.0 {
                        return Err(format!("high-point value {value} is not 0-6"));
                    }
                    interests.entry(i).or_default()[slot] = value as u8;
                    Ok(())
                },
            )?,
            "Work Styles.txt" => reader.rows(
                file,
                &["O*NET-SOC Code", "Element Name", "Scale ID", "Data Value"],
                |r| {
                    if r[2] != "IM" {
                        return Ok(());
                    }
                    let i = occupation(&index, r[0])?;
                    let value = in_range(r[3], "Data Value", 1.0..=5.0)?;
                    styles
                        .entry(i)
                        .or_default()
                        .push((text(r[1], "name")?, value));
                    Ok(())
                },
            )?,
            "Related Occupations.txt" => reader.rows(
                file,
                &[
                    "O*NET-SOC Code",
                    "Related O*NET-SOC Code",
                    "Relatedness Tier",
                    "Index",
                ],
                |r| {
                    let i = occupation(&index, r[0])?;
                    let title = titles
                        .get(r[1])
                        .ok_or_else(|| format!("unknown related O*NET-SOC code \"{}\"", r[1]))?;
                    if !crate::model::onet::RELATED_TIERS.contains(&r[2]) {
                        return Err(format!("unknown Relatedness Tier \"{}\"", r[2]));
                    }
                    occ[i].details.related.push(RelatedOccupation {
                        code: r[1].to_owned(),
                        title: title.clone(),
                        tier: r[2].to_owned(),
                        rank: number::<u16>(r[3], "Index")?,
                    });
                    Ok(())
                },
            )?,
            "Skills.txt" | "Knowledge.txt" | "Abilities.txt" => {
                let slot = match file {
                    "Skills.txt" => 0,
                    "Knowledge.txt" => 1,
                    _ => 2,
                };
                let map = &mut ratings[slot];
                reader.rows(
                    file,
                    &["O*NET-SOC Code", "Element Name", "Scale ID", "Data Value"],
                    |r| {
                        let i = occupation(&index, r[0])?;
                        let value = finite(r[3], "Data Value")?;
                        let entry = map.entry((i, text(r[1], "name")?)).or_default();
                        match r[2] {
                            "IM" if (1.0..=5.0).contains(&value) => entry.0 = Some(value),
                            "LV" if (0.0..=7.0).contains(&value) => entry.1 = Some(value),
                            "IM" | "LV" => {
                                return Err(format!("{} value {value} is out of range", r[2]));
                            }
                            _ => {}
                        }
                        Ok(())
                    },
                )?
            }
            _ => unreachable!("every optional file has a reader"),
        }
    }

    for (i, mut rows) in education {
        // Levels nobody named say nothing; the rest, most common first, lower level on a tie.
        rows.retain(|r| r.percent > 0.0);
        rows.sort_by(|a, b| {
            b.percent
                .total_cmp(&a.percent)
                .then_with(|| a.category.cmp(&b.category))
        });
        occ[i].details.education = rows
            .into_iter()
            .map(|row| EducationShare {
                level: education_levels
                    .get(&row.category)
                    .cloned()
                    .unwrap_or_else(|| format!("Category {}", row.category)),
                percent: row.percent,
                recommend_suppress: row.suppressed,
            })
            .collect();
    }
    for (i, points) in interests {
        let code: String = points
            .iter()
            .filter(|&&p| p > 0)
            .map(|&p| ['R', 'I', 'A', 'S', 'E', 'C'][usize::from(p - 1)])
            .collect();
        if !code.is_empty() {
            occ[i].details.interest_code = Some(code);
        }
    }
    for (i, mut list) in styles {
        list.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        occ[i].details.work_styles = list.into_iter().map(|(name, _)| name).collect();
    }
    for (slot, map) in ratings.into_iter().enumerate() {
        for ((i, name), (importance, level)) in map {
            // A rating without importance cannot be ordered with the others; O*NET always
            // gives both, so this only drops rows a malformed file left half-rated.
            let Some(importance) = importance else {
                continue;
            };
            let list = match slot {
                0 => &mut occ[i].details.skills,
                1 => &mut occ[i].details.knowledge,
                _ => &mut occ[i].details.abilities,
            };
            list.push(Rating {
                name,
                importance,
                level,
            });
        }
    }
    for o in &mut occ {
        let d = &mut o.details;
        for list in [&mut d.skills, &mut d.knowledge, &mut d.abilities] {
            list.sort_by(|a, b| {
                b.importance
                    .total_cmp(&a.importance)
                    .then_with(|| a.name.cmp(&b.name))
            });
        }
        d.related.sort_by_key(|r| {
            (
                crate::model::onet::RELATED_TIERS
                    .iter()
                    .position(|t| *t == r.tier),
                r.rank,
            )
        });
    }
    assign_ids(&mut occ, reserved);
    progress.finish();
    let mut import = reader.import;
    import.occupations = occ;
    Ok(import)
}

/// One "Required Level of Education" row.
#[derive(Debug, Clone, Copy)]
struct EducationRow {
    category: u32,
    percent: f64,
    /// Flagged "Recommend Suppress = Y".
    suppressed: bool,
}

struct Reader<'a> {
    dir: &'a Path,
    import: Import,
    progress: &'a dyn Progress,
}

impl Reader<'_> {
    fn occupations(&mut self) -> anyhow::Result<Vec<Occupation>> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        self.rows(
            OCCUPATION_DATA,
            &["O*NET-SOC Code", "Title", "Description"],
            |r| {
                check_code(r[0])?;
                if !seen.insert(r[0].to_owned()) {
                    return Err(format!("O*NET-SOC code {} appears twice", r[0]));
                }
                out.push(Occupation {
                    id: String::new(),
                    title: text(r[1], "title")?,
                    description: r[2].trim().to_owned(),
                    skills: Vec::new(),
                    details: OnetDetails {
                        code: r[0].to_owned(),
                        ..OnetDetails::default()
                    },
                });
                Ok(())
            },
        )?;
        if out.is_empty() {
            bail!("\"{OCCUPATION_DATA}\" has no occupations");
        }
        out.sort_by(|a, b| a.details.code.cmp(&b.details.code));
        Ok(out)
    }

    fn rows(
        &mut self,
        file: &str,
        columns: &[&str],
        mut each: impl FnMut(&[&str]) -> Result<(), String>,
    ) -> anyhow::Result<()> {
        self.rows_with_optional(file, columns, None, |r, _| each(r))
    }

    /// Calls `each` with the named columns of every well-formed row, and with the value of the
    /// `optional` column when the header has it.
    fn rows_with_optional(
        &mut self,
        file: &str,
        columns: &[&str],
        optional: Option<&str>,
        mut each: impl FnMut(&[&str], Option<&str>) -> Result<(), String>,
    ) -> anyhow::Result<()> {
        self.progress.file(file);
        let path = self.dir.join(file);
        let handle = open_source(&path, max_source_bytes(file))?;
        let mut csv = csv::ReaderBuilder::new()
            .delimiter(b'\t')
            .quoting(false)
            .flexible(true)
            // Rows end at `\n` (O*NET's files use CRLF; the `\r` is stripped below). The csv
            // crate's CRLF terminator ends a record at the `\r` and counts the line at the
            // `\n`, which puts every row's line one too low.
            .terminator(csv::Terminator::Any(b'\n'))
            .from_reader(std::io::BufReader::with_capacity(1 << 16, handle));
        let headers = match csv.headers() {
            Ok(headers) => headers.clone(),
            Err(e) if matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) => bail!(
                "{file} is not UTF-8 text (UTF-16?); import O*NET's text edition (e.g. db_29_2_text), whose files are UTF-8"
            ),
            Err(e) => {
                return Err(over_bound(&path, &e).unwrap_or_else(|| {
                    anyhow::Error::new(e).context(format!("{file}: cannot read the header row"))
                }));
            }
        };
        // Checked once the header shows the file is UTF-8 text, which UTF-16 is not.
        if ends_mid_row(csv.get_ref().get_ref().file()) {
            bail!(
                "\"{file}\" ends mid-row (its last line has no line end): it looks cut short; download the database again"
            );
        }
        let width = headers.len();
        let mut at = Vec::with_capacity(columns.len());
        for name in columns {
            match headers.iter().position(|h| h.trim() == *name) {
                Some(i) => at.push(i),
                None => bail!("{file}: the header has no column \"{name}\""),
            }
        }
        let optional_at = optional.and_then(|name| headers.iter().position(|h| h.trim() == name));
        let mut record = csv::StringRecord::new();
        assert!(
            columns.len() <= MAX_COLUMNS,
            "at most {MAX_COLUMNS} columns"
        );
        loop {
            let line = csv.position().line();
            match csv.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(err) => {
                    let reason = match err.kind() {
                        csv::ErrorKind::Utf8 { .. } => "the row is not valid UTF-8".to_owned(),
                        _ => {
                            return Err(over_bound(&path, &err).unwrap_or_else(|| {
                                anyhow::Error::new(err).context(format!("{file}: line {line}"))
                            }));
                        }
                    };
                    self.skip(file, line, reason);
                    continue;
                }
            }
            let line = record.position().map_or(line, |p| p.line());
            if record.len() == 1 && field(&record, 0).is_empty() {
                continue;
            }
            if record.len() != width {
                let reason = format!("expected {width} fields, found {}", record.len());
                self.skip(file, line, reason);
                continue;
            }
            let mut fields = [""; MAX_COLUMNS];
            for (slot, &i) in fields.iter_mut().zip(&at) {
                *slot = field(&record, i);
            }
            let extra = optional_at.map(|i| field(&record, i));
            if let Err(reason) = each(&fields[..at.len()], extra) {
                self.skip(file, line, reason);
            }
        }
        Ok(())
    }

    fn skip(&mut self, file: &str, line: u64, reason: String) {
        self.import.skipped.push(SkippedRow {
            file: file.to_owned(),
            line,
            reason,
        });
    }
}

/// The largest file an import reads: O*NET 29.2's largest is 3.5 MB (and the older, larger
/// `Abilities.txt`-style files stay under 20 MB), so 256 MiB leaves room for decades of growth
/// while a 2 GiB sparse file or a link to a device is refused before it is read.
pub const MAX_SOURCE_BYTES: u64 = 256 * 1024 * 1024;

/// `Read Me.txt` is read for its first line only; O*NET's is 516 bytes.
pub const MAX_README_BYTES: u64 = 64 * 1024;

const README: &str = "Read Me.txt";

fn max_source_bytes(file: &str) -> u64 {
    if file == README {
        MAX_README_BYTES
    } else {
        MAX_SOURCE_BYTES
    }
}

/// Opens one of the import's files if it is a regular file within its bound.
fn open_source(path: &Path, max: u64) -> anyhow::Result<crate::fsutil::Bounded<File>> {
    crate::fsutil::open_bounded(path, max).map_err(|e| {
        let reason = match e {
            crate::fsutil::ReadError::Io(e) => io_reason(&e),
            other => other.to_string(),
        };
        anyhow::anyhow!("cannot read {}: {reason}", path.display())
    })
}

/// Whether a non-empty file's last byte is not a line end: O*NET's files end every row with
/// CRLF, so a file cut anywhere but between rows ends mid-row.
/// The file's position is left where it was, for the reader that has begun on it.
fn ends_mid_row(mut file: &File) -> bool {
    use std::io::{Read as _, Seek as _, SeekFrom};
    let mut last = [0u8];
    let Ok(at) = file.stream_position() else {
        return false;
    };
    let read = file
        .seek(SeekFrom::End(-1))
        .and_then(|_| file.read_exact(&mut last));
    let back = file.seek(SeekFrom::Start(at));
    // An empty file has no last byte; it is reported as empty instead.
    read.is_ok() && back.is_ok() && last[0] != b'\n'
}

/// The error for a file that grew past its bound while it was read, if that is what `err` is.
fn over_bound(path: &Path, err: &csv::Error) -> Option<anyhow::Error> {
    match err.kind() {
        csv::ErrorKind::Io(io) if crate::fsutil::is_over_bound(io) => Some(anyhow::anyhow!(
            "cannot read {}: {}",
            path.display(),
            crate::fsutil::ReadError::TooLarge {
                len: None,
                max: MAX_SOURCE_BYTES
            }
        )),
        _ => None,
    }
}

/// An import that keeps less than this share of what the previous one held, in occupations or
/// in any kind of row the previous one had, fails unless `--force`. O*NET releases move each
/// count by a few percent (29.0 to 29.2: 1,016 occupations each time; even the 2019 taxonomy
/// change kept over 90%), so keeping under half means a truncated file, a missing file or the
/// wrong folder, not a new release.
pub const KEEP_AT_LEAST_PERCENT: usize = 50;

/// Fails when `new` keeps less than [`KEEP_AT_LEAST_PERCENT`] of `previous` in any count.
pub fn check_loss(
    previous: &super::storage::Counts,
    new: &super::storage::Counts,
) -> anyhow::Result<()> {
    let n = |v: usize| crate::model::salary::thousands(v as u64);
    let pairs = [
        ("occupations", previous.occupations, new.occupations),
        (
            "alternate titles",
            previous.alternate_titles,
            new.alternate_titles,
        ),
        (
            "reported titles",
            previous.reported_titles,
            new.reported_titles,
        ),
        ("tasks", previous.tasks, new.tasks),
        (
            "technology skills",
            previous.technology_skills,
            new.technology_skills,
        ),
        ("tools", previous.tools, new.tools),
        ("related links", previous.related_links, new.related_links),
    ];
    let lost: Vec<String> = pairs
        .iter()
        .filter(|(_, before, after)| after * 100 < before * KEEP_AT_LEAST_PERCENT)
        .map(|(what, before, after)| format!("{} {what} with {}", n(*before), n(*after)))
        .collect();
    if lost.is_empty() {
        return Ok(());
    }
    bail!(
        "this import would replace {}, keeping less than {KEEP_AT_LEAST_PERCENT}% of the previous import (a truncated or incomplete download?); the previous import is kept: check the folder, or pass --force to replace it anyway",
        lost.join(", ")
    )
}

/// Why an empty file is skipped, and what to do about it.
pub const EMPTY: &str = "is empty (0 bytes; a truncated download?); download the database again";

fn is_empty(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() == 0)
}

/// What went wrong reading a file or folder, with a hint where there is one.
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => {
            "permission denied; check that your user may read it (ls -l, chmod u+r)".to_owned()
        }
        _ => e.to_string(),
    }
}

/// Field `i` of a row, without the `\r` of a CRLF line end.
fn field(record: &csv::StringRecord, i: usize) -> &str {
    let value = &record[i];
    value.strip_suffix('\r').unwrap_or(value)
}

/// "29.2" from the first line of `Read Me.txt` ("O*NET 29.2 Database"), else from a folder
/// named like O*NET's downloads (`db_29_2_text`).
pub fn read_version(dir: &Path) -> anyhow::Result<Option<String>> {
    let path = dir.join(README);
    let text = if path.exists() {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut open_source(&path, MAX_README_BYTES)?, &mut bytes)
            .map_err(|e| {
                anyhow::anyhow!(
                    "cannot read {}: {}",
                    path.display(),
                    crate::fsutil::ReadError::from_io(e)
                )
            })?;
        Some(String::from_utf8_lossy(&bytes).into_owned())
    } else {
        None
    };
    let from_readme = text.and_then(|text| {
        let line = text.lines().next()?.trim().to_owned();
        let rest = line.strip_prefix("O*NET ")?;
        let version = rest.split_whitespace().next()?;
        is_version(version).then(|| version.to_owned())
    });
    Ok(from_readme.or_else(|| {
        let name = dir.file_name()?.to_str()?;
        let mut parts = name.strip_prefix("db_")?.split('_');
        let version = format!("{}.{}", parts.next()?, parts.next()?);
        is_version(&version).then_some(version)
    }))
}

fn is_version(v: &str) -> bool {
    let mut parts = v.split('.');
    let ok =
        |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    ok(parts.next()) && ok(parts.next()) && parts.next().is_none()
}

/// An O*NET-SOC code has the form `15-2051.00`.
fn check_code(code: &str) -> Result<(), String> {
    let b = code.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() == 10
        && b[2] == b'-'
        && b[7] == b'.'
        && digits(0..2)
        && digits(3..7)
        && digits(8..10)
    {
        Ok(())
    } else {
        Err(format!("\"{code}\" is not an O*NET-SOC code"))
    }
}

fn occupation(index: &HashMap<String, usize>, code: &str) -> Result<usize, String> {
    match index.get(code) {
        Some(&i) => Ok(i),
        None => {
            check_code(code)?;
            Err(format!(
                "O*NET-SOC code {code} is not in \"{OCCUPATION_DATA}\""
            ))
        }
    }
}

fn text(value: &str, what: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        Err(format!("empty {what}"))
    } else {
        Ok(value.to_owned())
    }
}

fn flag(value: &str, column: &str) -> Result<bool, String> {
    match value {
        "Y" => Ok(true),
        "N" => Ok(false),
        other => Err(format!("{column} is \"{other}\", not Y or N")),
    }
}

fn number<T: std::str::FromStr>(value: &str, column: &str) -> Result<T, String> {
    value
        .trim()
        .parse()
        .map_err(|_| format!("{column} \"{value}\" is not a number"))
}

/// A finite number: Rust reads "NaN" and "inf" as numbers, but JSON cannot hold them, so the
/// stored details could not be read back.
fn finite(value: &str, column: &str) -> Result<f64, String> {
    let v = number::<f64>(value, column)?;
    if v.is_finite() {
        Ok(v)
    } else {
        Err(format!("{column} \"{value}\" is not a finite number"))
    }
}

/// A finite number within `range`.
fn in_range(
    value: &str,
    column: &str,
    range: std::ops::RangeInclusive<f64>,
) -> Result<f64, String> {
    let v = finite(value, column)?;
    if range.contains(&v) {
        Ok(v)
    } else {
        Err(format!(
            "{column} {v} is out of range ({}-{})",
            range.start(),
            range.end()
        ))
    }
}

fn zone(value: &str) -> Result<u8, String> {
    match number::<u8>(value, "Job Zone")? {
        z @ 1..=5 => Ok(z),
        z => Err(format!("Job Zone {z} is not 1-5")),
    }
}

/// "Bachelor's Degree" from "Bachelor's Degree", "High School Diploma" from "High School
/// Diploma - or the equivalent (for example, GED)".
fn short_level(description: &str) -> String {
    let cut = description.split(" - ").next().unwrap_or(description);
    cut.split(" (").next().unwrap_or(cut).trim().to_owned()
}

/// Gives every occupation a unique id from its title. Occupations are in code order; the first
/// to claim a slug keeps it, later ones (and any that would shadow a reserved id) get the code
/// appended: `data-scientists-15-2051-00`.
fn assign_ids(occ: &mut [Occupation], reserved: &HashSet<String>) {
    let mut taken: HashSet<String> = reserved.clone();
    for o in occ.iter_mut() {
        let mut id = slugify(&o.title);
        if id.len() > MAX_ID_LEN {
            let cut = id[..MAX_ID_LEN].rfind('-').unwrap_or(MAX_ID_LEN);
            id.truncate(cut);
        }
        if id.is_empty() || taken.contains(&id) {
            id = if id.is_empty() {
                slugify(&o.details.code)
            } else {
                format!("{id}-{}", slugify(&o.details.code))
            };
        }
        taken.insert(id.clone());
        o.id = id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_come_from_the_readme_or_the_folder_name() {
        assert!(is_version("29.2"));
        assert!(!is_version("29"));
        assert!(!is_version("29.2.1"));
        assert!(!is_version("x.2"));
    }

    #[test]
    fn codes_are_checked() {
        assert!(check_code("15-2051.00").is_ok());
        assert_eq!(
            check_code("15-2051").unwrap_err(),
            "\"15-2051\" is not an O*NET-SOC code"
        );
    }

    #[test]
    fn skipped_rows_group_by_file_and_reason_in_first_seen_order() {
        let row = |file: &str, line, reason: &str| SkippedRow {
            file: file.into(),
            line,
            reason: reason.into(),
        };
        let groups = group_skipped(&[
            row("a.txt", 4, "bad"),
            row("a.txt", 5, "worse"),
            row("a.txt", 9, "bad"),
            row("b.txt", 2, "bad"),
        ]);
        let summary: Vec<(&str, &str, usize, u64)> = groups
            .iter()
            .map(|g| (g.file.as_str(), g.reason.as_str(), g.rows, g.first_line))
            .collect();
        assert_eq!(
            summary,
            [
                ("a.txt", "bad", 2, 4),
                ("a.txt", "worse", 1, 5),
                ("b.txt", "bad", 1, 2)
            ]
        );
    }

    #[test]
    fn permission_denied_gets_a_hint() {
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(
            io_reason(&e),
            "permission denied; check that your user may read it (ls -l, chmod u+r)"
        );
    }

    #[test]
    fn education_levels_are_shortened() {
        assert_eq!(
            short_level("High School Diploma - or the equivalent (for example, GED)"),
            "High School Diploma"
        );
        assert_eq!(
            short_level("Associate's Degree (or other 2-year degree)"),
            "Associate's Degree"
        );
        assert_eq!(short_level("Bachelor's Degree"), "Bachelor's Degree");
    }

    fn occupation_titled(code: &str, title: &str) -> Occupation {
        Occupation {
            id: String::new(),
            title: title.into(),
            description: String::new(),
            skills: vec![],
            details: OnetDetails {
                code: code.into(),
                ..OnetDetails::default()
            },
        }
    }

    #[test]
    fn duplicate_and_reserved_slugs_get_the_code() {
        let mut occ = vec![
            occupation_titled("11-1011.00", "Data Engineer"),
            occupation_titled("11-1012.00", "Analysts"),
            occupation_titled("11-1013.00", "Analysts!"),
            occupation_titled("11-1014.00", &"word ".repeat(30)),
        ];
        let reserved = HashSet::from(["data-engineer".to_owned()]);
        assign_ids(&mut occ, &reserved);
        let ids: Vec<&str> = occ.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(
            ids[..3],
            [
                "data-engineer-11-1011-00",
                "analysts",
                "analysts-11-1013-00"
            ]
        );
        assert!(
            ids[3].len() <= MAX_ID_LEN && crate::model::is_slug(ids[3]),
            "{}",
            ids[3]
        );
    }
}
