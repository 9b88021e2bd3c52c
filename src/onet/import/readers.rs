//! What each O*NET file holds and where it goes: the reader of `Occupation Data.txt`, and one
//! [`FileReader`] per optional file in [`READERS`], whose rows are gathered in [`Gathered`] and
//! put in place by [`Gathered::finish`]. Finding, bounding and splitting the files into rows is
//! the parent module's job; a reader sees one row's columns and says why it skips one.

use std::collections::{HashMap, HashSet};

use anyhow::bail;

use super::{OCCUPATION_DATA, Occupation, Reader};
use crate::model::onet::{
    EducationShare, JobZone, OnetTask, RELATED_TIERS, Rating, RatingKind, RelatedOccupation,
    TaskKind, TechnologySkill,
};
use crate::model::{OnetDetails, Vocabulary};

/// The column every file but the two reference files keys its rows by.
pub(super) const CODE: &str = "O*NET-SOC Code";

/// The columns of the files that rate elements (interests, work styles) on scales.
const ELEMENT_COLUMNS: &[&str] = &[CODE, "Element Name", "Scale ID", "Data Value"];

/// The columns of the files that rate skills, knowledge and abilities by importance and level,
/// with O*NET's flags.
const RATING_COLUMNS: &[&str] = &[
    CODE,
    "Element ID",
    "Element Name",
    "Scale ID",
    "Data Value",
    "Recommend Suppress",
    "Not Relevant",
];

/// One optional file and how its rows are read.
pub(super) struct FileReader {
    /// The file's name in O*NET's folder.
    pub(super) name: &'static str,
    /// The columns every row must have, found by header name; `read` gets them in this order.
    pub(super) columns: &'static [&'static str],
    /// A column read when the header has it (older releases lack "In Demand").
    pub(super) optional: Option<&'static str>,
    /// How each row is read.
    pub(super) read: ReadRow,
}

/// Reads one row's columns, and the optional column's value when the header has it, into what
/// the import gathers; an error says why the row is skipped.
type ReadRow = fn(&mut Gathered<'_>, &[&str], Option<&str>) -> Result<(), String>;

/// Every optional file, in the order the import reads them, which is also the order of the
/// progress reports, of the missing and empty files and of the skipped rows. A reference file
/// comes before the file it names: each row of "Job Zones.txt" takes its zone's name from
/// "Job Zone Reference.txt" as it is read, and the education categories come before the file
/// whose levels they name (those names are looked up once every file is read).
pub(super) const READERS: [FileReader; 15] = [
    FileReader {
        name: "Alternate Titles.txt",
        columns: &[CODE, "Alternate Title"],
        optional: None,
        read: alternate_title,
    },
    FileReader {
        name: "Sample of Reported Titles.txt",
        columns: &[CODE, "Reported Job Title"],
        optional: None,
        read: reported_title,
    },
    FileReader {
        name: "Task Statements.txt",
        columns: &[CODE, "Task", "Task Type"],
        optional: None,
        read: task,
    },
    FileReader {
        name: "Technology Skills.txt",
        columns: &[CODE, "Example", "Commodity Title", "Hot Technology"],
        optional: Some("In Demand"),
        read: technology,
    },
    FileReader {
        name: "Tools Used.txt",
        columns: &[CODE, "Example"],
        optional: None,
        read: tool,
    },
    FileReader {
        name: "Job Zone Reference.txt",
        columns: &["Job Zone", "Name", "Experience", "Education"],
        optional: None,
        read: zone_reference,
    },
    FileReader {
        name: "Job Zones.txt",
        columns: &[CODE, "Job Zone"],
        optional: None,
        read: job_zone,
    },
    FileReader {
        name: "Education, Training, and Experience Categories.txt",
        columns: &["Element ID", "Scale ID", "Category", "Category Description"],
        optional: None,
        read: education_level,
    },
    FileReader {
        name: "Education, Training, and Experience.txt",
        columns: &[CODE, "Scale ID", "Category", "Data Value"],
        optional: Some("Recommend Suppress"),
        read: education,
    },
    FileReader {
        name: "Interests.txt",
        columns: ELEMENT_COLUMNS,
        optional: None,
        read: interest,
    },
    FileReader {
        name: "Work Styles.txt",
        columns: ELEMENT_COLUMNS,
        optional: None,
        read: work_style,
    },
    FileReader {
        name: "Related Occupations.txt",
        columns: &[CODE, "Related O*NET-SOC Code", "Relatedness Tier", "Index"],
        optional: None,
        read: related,
    },
    FileReader {
        name: RatingKind::Skill.file(),
        columns: RATING_COLUMNS,
        optional: None,
        read: |gathered, row, _| gathered.rate(RatingKind::Skill, row),
    },
    FileReader {
        name: RatingKind::Knowledge.file(),
        columns: RATING_COLUMNS,
        optional: None,
        read: |gathered, row, _| gathered.rate(RatingKind::Knowledge, row),
    },
    FileReader {
        name: RatingKind::Ability.file(),
        columns: RATING_COLUMNS,
        optional: None,
        read: |gathered, row, _| gathered.rate(RatingKind::Ability, row),
    },
];

/// The occupations of `Occupation Data.txt`, in code order.
pub(super) fn occupations(reader: &mut Reader<'_>) -> anyhow::Result<Vec<Occupation>> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    reader.rows(
        OCCUPATION_DATA,
        &[CODE, "Title", "Description"],
        None,
        |r, _| {
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

/// Whether `file` is one of the files that rate elements by importance and level, which an
/// import may read from the folder of another release.
pub(super) fn is_rating_file(file: &str) -> bool {
    RatingKind::ALL.iter().any(|k| k.file() == file)
}

/// What the rows of one element of one occupation say: its name, and its importance (IM) and
/// level (LV) rows as they are read.
#[derive(Debug, Default)]
struct ElementRows {
    name: String,
    /// The value and whether O*NET recommends suppressing it.
    importance: Option<(f64, bool)>,
    /// The value, whether it is suppressed, and whether it is not relevant.
    level: Option<(f64, bool, bool)>,
}

/// One "Required Level of Education" row.
#[derive(Debug, Clone, Copy)]
struct EducationRow {
    category: u32,
    percent: f64,
    /// Flagged "Recommend Suppress = Y".
    suppressed: bool,
}

/// The occupations, and what the optional files say about them that can only be put in place
/// once every file is read. Occupations are named by their position in `occupations`.
pub(super) struct Gathered<'v> {
    vocabulary: &'v Vocabulary,
    /// In code order.
    occupations: Vec<Occupation>,
    /// Each occupation's position, by O*NET-SOC code.
    index: HashMap<String, usize>,
    /// The canonical skills each occupation lists already, so that each is listed once.
    skills_seen: Vec<HashSet<String>>,
    /// "Job Zone Reference.txt", by zone.
    zones: HashMap<u8, JobZone>,
    /// The short name of each education level, by its "RL" category.
    education_levels: HashMap<u32, String>,
    education: HashMap<usize, Vec<EducationRow>>,
    /// The first, second and third interest high-points: 1-6 for R, I, A, S, E, C; 0 for none.
    interests: HashMap<usize, [u8; 3]>,
    /// Work styles and their importance.
    styles: HashMap<usize, Vec<(String, f64)>>,
    /// By occupation, kind and element id.
    ratings: HashMap<(usize, RatingKind, String), ElementRows>,
    /// The name of each rated element, by kind and id, as its first row gives it: the store
    /// keeps one name per element, so a row that names it otherwise cannot be stored as read.
    element_names: HashMap<(RatingKind, String), String>,
}

impl<'v> Gathered<'v> {
    pub(super) fn new(occupations: Vec<Occupation>, vocabulary: &'v Vocabulary) -> Self {
        Gathered {
            vocabulary,
            index: occupations
                .iter()
                .enumerate()
                .map(|(i, o)| (o.details.code.clone(), i))
                .collect(),
            skills_seen: vec![HashSet::new(); occupations.len()],
            occupations,
            zones: HashMap::new(),
            education_levels: HashMap::new(),
            education: HashMap::new(),
            interests: HashMap::new(),
            styles: HashMap::new(),
            ratings: HashMap::new(),
            element_names: HashMap::new(),
        }
    }

    /// The position of the occupation with `code`.
    fn occupation(&self, code: &str) -> Result<usize, String> {
        if let Some(&i) = self.index.get(code) {
            Ok(i)
        } else {
            check_code(code)?;
            Err(format!(
                "O*NET-SOC code {code} is not in \"{OCCUPATION_DATA}\""
            ))
        }
    }

    fn details(&mut self, code: &str) -> Result<&mut OnetDetails, String> {
        let i = self.occupation(code)?;
        Ok(&mut self.occupations[i].details)
    }

    /// A row of one of the [`RatingKind`] files: its importance or its level, with O*NET's
    /// flags. Values are kept as O*NET gives them, to the hundredth.
    fn rate(&mut self, kind: RatingKind, r: &[&str]) -> Result<(), String> {
        let i = self.occupation(r[0])?;
        let id = text(r[1], "Element ID")?;
        let name = text(r[2], "Element Name")?;
        let scale = r[3];
        let (range, what) = match scale {
            "IM" => (1.0..=5.0, "importance"),
            "LV" => (0.0..=7.0, "level"),
            other => return Err(format!("unknown Scale ID \"{other}\" (IM or LV)")),
        };
        let value = finite(r[4], "Data Value")?;
        if !range.contains(&value) {
            return Err(format!(
                "Data Value {value} is out of the {scale} scale's range"
            ));
        }
        if ((value * 100.0).round() - value * 100.0).abs() > 1e-6 {
            return Err(format!(
                "Data Value {value} has more than two decimals (O*NET gives {what} to the hundredth)"
            ));
        }
        let suppressed = optional_flag(r[5], "Recommend Suppress")?;
        let not_relevant = optional_flag(r[6], "Not Relevant")?;
        let first = self
            .element_names
            .entry((kind, id.clone()))
            .or_insert_with(|| name.clone());
        if *first != name {
            return Err(format!(
                "Element Name \"{name}\" is not \"{first}\", the name other rows give element {id}"
            ));
        }
        let code = r[0];
        let entry = self.ratings.entry((i, kind, id)).or_default();
        if entry.name.is_empty() {
            entry.name = name;
        }
        let twice = |id: &str| format!("{code} has two {scale} rows for element {id}");
        if scale == "IM" {
            if entry.importance.is_some() {
                return Err(twice(r[1]));
            }
            entry.importance = Some((value, suppressed));
        } else {
            if entry.level.is_some() {
                return Err(twice(r[1]));
            }
            entry.level = Some((value, suppressed, not_relevant));
        }
        Ok(())
    }

    /// The occupations with everything gathered put in place and every list in its order.
    pub(super) fn finish(self) -> Vec<Occupation> {
        let Gathered {
            mut occupations,
            education_levels,
            education,
            interests,
            styles,
            ratings,
            ..
        } = self;
        for (i, rows) in education {
            occupations[i].details.education = education_shares(rows, &education_levels);
        }
        for (i, points) in interests {
            occupations[i].details.interest_code = interest_code(points);
        }
        for (i, mut list) in styles {
            list.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            occupations[i].details.work_styles = list.into_iter().map(|(name, _)| name).collect();
        }
        for ((i, kind, id), rows) in ratings {
            // An element needs both scales to be compared; O*NET always gives both, so this
            // only drops an element whose other row was skipped as malformed (and reported).
            let (
                Some((importance, importance_suppressed)),
                Some((level, level_suppressed, not_relevant)),
            ) = (rows.importance, rows.level)
            else {
                continue;
            };
            occupations[i].details.ratings_mut(kind).push(Rating {
                id,
                name: rows.name,
                importance,
                level,
                importance_suppressed,
                level_suppressed,
                not_relevant,
            });
        }
        for o in &mut occupations {
            for kind in RatingKind::ALL {
                o.details.ratings_mut(kind).sort_by(Rating::ranks_before);
            }
            o.details
                .related
                .sort_by_key(|r| (RELATED_TIERS.iter().position(|t| *t == r.tier), r.rank));
        }
        occupations
    }
}

/// "Alternate Titles.txt": other names for an occupation, used by search.
fn alternate_title(g: &mut Gathered<'_>, r: &[&str], _: Option<&str>) -> Result<(), String> {
    g.details(r[0])?.alternate_titles.push(text(r[1], "title")?);
    Ok(())
}

/// "Sample of Reported Titles.txt": titles workers in the occupation report.
fn reported_title(g: &mut Gathered<'_>, r: &[&str], _: Option<&str>) -> Result<(), String> {
    g.details(r[0])?.reported_titles.push(text(r[1], "title")?);
    Ok(())
}

/// "Task Statements.txt": the occupation's tasks, core or supplemental.
fn task(g: &mut Gathered<'_>, r: &[&str], _: Option<&str>) -> Result<(), String> {
    let details = g.details(r[0])?;
    let kind = match r[2] {
        "Core" => Some(TaskKind::Core),
        "Supplemental" => Some(TaskKind::Supplemental),
        "n/a" | "" => None,
        other => return Err(format!("unknown Task Type \"{other}\"")),
    };
    details.tasks.push(OnetTask {
        statement: text(r[1], "task")?,
        kind,
    });
    Ok(())
}

/// "Technology Skills.txt": the software and technology the occupation uses, each mapped onto
/// a canonical skill where the vocabulary knows it, with O*NET's hot and in-demand flags.
fn technology(g: &mut Gathered<'_>, r: &[&str], in_demand: Option<&str>) -> Result<(), String> {
    let i = g.occupation(r[0])?;
    let example = text(r[1], "example")?;
    // Every field is checked before any is kept: a row left out leaves nothing behind.
    let hot = flag(r[3], "Hot Technology")?;
    let in_demand = match in_demand {
        Some(v) => flag(v, "In Demand")?,
        None => false,
    };
    let skill = g.vocabulary.resolve(&example).map(|s| s.name.clone());
    let occupation = &mut g.occupations[i];
    if let Some(name) = &skill
        && g.skills_seen[i].insert(name.clone())
    {
        occupation.skills.push(name.clone());
    }
    occupation.details.technology.push(TechnologySkill {
        example,
        commodity: (!r[2].is_empty()).then(|| r[2].to_owned()),
        skill,
        hot,
        in_demand,
    });
    Ok(())
}

/// "Tools Used.txt": the tools and equipment the occupation uses.
fn tool(g: &mut Gathered<'_>, r: &[&str], _: Option<&str>) -> Result<(), String> {
    g.details(r[0])?.tools.push(text(r[1], "example")?);
    Ok(())
}

/// "Job Zone Reference.txt": each job zone's name and the education and experience it means.
fn zone_reference(g: &mut Gathered<'_>, r: &[&str], _: Option<&str>) -> Result<(), String> {
    let zone = zone(r[0])?;
    g.zones.insert(
        zone,
        JobZone {
            zone,
            name: text(r[1], "name")?,
            education: (!r[3].is_empty()).then(|| r[3].to_owned()),
            experience: (!r[2].is_empty()).then(|| r[2].to_owned()),
        },
    );
    Ok(())
}

/// "Job Zones.txt": the occupation's job zone, described as the reference file describes it.
fn job_zone(g: &mut Gathered<'_>, r: &[&str], _: Option<&str>) -> Result<(), String> {
    let i = g.occupation(r[0])?;
    let zone = zone(r[1])?;
    g.occupations[i].details.job_zone = Some(g.zones.get(&zone).cloned().unwrap_or(JobZone {
        zone,
        name: format!("Job Zone {zone}"),
        education: None,
        experience: None,
    }));
    Ok(())
}

/// "Education, Training, and Experience Categories.txt": the name of each level of the
/// "Required Level of Education" (RL) scale; the other scales are not read.
fn education_level(g: &mut Gathered<'_>, r: &[&str], _: Option<&str>) -> Result<(), String> {
    if r[1] == "RL" {
        let category = number::<u32>(r[2], "Category")?;
        g.education_levels.insert(category, short_level(r[3]));
    }
    Ok(())
}

/// "Education, Training, and Experience.txt": the share of respondents who named each level of
/// required education (the RL scale), and whether O*NET recommends suppressing it.
fn education(g: &mut Gathered<'_>, r: &[&str], suppress: Option<&str>) -> Result<(), String> {
    if r[1] != "RL" {
        return Ok(());
    }
    let i = g.occupation(r[0])?;
    let row = EducationRow {
        category: number::<u32>(r[2], "Category")?,
        percent: in_range(r[3], "Data Value", 0.0..=100.0)?,
        // Occupational-expert rows say "n/a": nothing to suppress.
        suppressed: match suppress {
            Some("n/a" | "") | None => false,
            Some(v) => flag(v, "Recommend Suppress")?,
        },
    };
    g.education.entry(i).or_default().push(row);
    Ok(())
}

/// "Interests.txt": the occupation's first, second and third interest high-points (the IH
/// scale), which make its RIASEC code.
fn interest(g: &mut Gathered<'_>, r: &[&str], _: Option<&str>) -> Result<(), String> {
    if r[2] != "IH" {
        return Ok(());
    }
    let i = g.occupation(r[0])?;
    let slot = match r[1] {
        "First Interest High-Point" => 0,
        "Second Interest High-Point" => 1,
        "Third Interest High-Point" => 2,
        other => return Err(format!("unknown high-point Element Name \"{other}\"")),
    };
    let value = finite(r[3], "Data Value")?;
    if !(0.0..=6.0).contains(&value) || value.fract() != 0.0 {
        return Err(format!("Data Value {value} is not a high-point (0-6)"));
    }
    g.interests.entry(i).or_default()[slot] = value as u8;
    Ok(())
}

/// "Work Styles.txt": each work style's importance (the IM scale), which orders them.
fn work_style(g: &mut Gathered<'_>, r: &[&str], _: Option<&str>) -> Result<(), String> {
    if r[2] != "IM" {
        return Ok(());
    }
    let i = g.occupation(r[0])?;
    let value = in_range(r[3], "Data Value", 1.0..=5.0)?;
    let name = text(r[1], "name")?;
    g.styles.entry(i).or_default().push((name, value));
    Ok(())
}

/// "Related Occupations.txt": the occupations O*NET relates to this one, by tier and rank.
fn related(g: &mut Gathered<'_>, r: &[&str], _: Option<&str>) -> Result<(), String> {
    let i = g.occupation(r[0])?;
    let title = match g.index.get(r[1]) {
        Some(&related) => g.occupations[related].title.clone(),
        None => return Err(format!("unknown related O*NET-SOC code \"{}\"", r[1])),
    };
    if !RELATED_TIERS.contains(&r[2]) {
        return Err(format!("unknown Relatedness Tier \"{}\"", r[2]));
    }
    g.occupations[i].details.related.push(RelatedOccupation {
        code: r[1].to_owned(),
        title,
        tier: r[2].to_owned(),
        rank: number::<u16>(r[3], "Index")?,
    });
    Ok(())
}

/// The levels respondents named, most common first (the lower level on a tie), by name.
fn education_shares(
    mut rows: Vec<EducationRow>,
    levels: &HashMap<u32, String>,
) -> Vec<EducationShare> {
    // Levels nobody named say nothing.
    rows.retain(|r| r.percent > 0.0);
    rows.sort_by(|a, b| {
        b.percent
            .total_cmp(&a.percent)
            .then_with(|| a.category.cmp(&b.category))
    });
    rows.into_iter()
        .map(|row| EducationShare {
            level: levels
                .get(&row.category)
                .cloned()
                .unwrap_or_else(|| format!("Category {}", row.category)),
            percent: row.percent,
            recommend_suppress: row.suppressed,
        })
        .collect()
}

/// The RIASEC code of the high-points ("ICR"), if any is set.
fn interest_code(points: [u8; 3]) -> Option<String> {
    let code: String = points
        .iter()
        .filter(|&&p| p > 0)
        .map(|&p| ['R', 'I', 'A', 'S', 'E', 'C'][usize::from(p - 1)])
        .collect();
    (!code.is_empty()).then_some(code)
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

/// O*NET's Y/N flag where `n/a` (or nothing) means the flag does not apply: "Recommend
/// Suppress" of an occupational expert's rating, "Not Relevant" of an importance row.
fn optional_flag(value: &str, column: &str) -> Result<bool, String> {
    match value {
        "n/a" | "" => Ok(false),
        v => flag(v, column),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_checked() {
        assert!(check_code("15-2051.00").is_ok());
        assert_eq!(
            check_code("15-2051").unwrap_err(),
            "\"15-2051\" is not an O*NET-SOC code"
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
}
