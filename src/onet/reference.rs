//! O*NET's own words for its job zones (`Job Zone Reference.txt`) and for the six interest
//! areas (the RIASEC elements 1.B.1.a-f of `Content Model Reference.txt`): read from an O*NET
//! release by `careers dataset` into a small table (`data/embedded/onet-reference.tsv`) that
//! careers compiles in, so that `careers explain` can say what "zone 4" or "IA" means.

use std::path::Path;

use anyhow::{Context, bail};
use serde::Serialize;

use crate::model::interests::Interest;

/// One job zone as O*NET's Job Zone Reference describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ZoneReference {
    pub zone: u8,
    /// "Job Zone Four: Considerable Preparation Needed".
    pub name: String,
    pub experience: String,
    pub education: String,
    pub job_training: String,
    pub examples: String,
    /// The Specific Vocational Preparation range: "(7.0 to < 8.0)".
    pub svp_range: String,
}

/// One interest area as O*NET's Content Model describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InterestReference {
    pub letter: char,
    /// O*NET's element id: "1.B.1.b".
    pub id: String,
    pub name: String,
    pub description: String,
}

/// Both tables, and the O*NET release they were read from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// "29.2".
    pub release: String,
    pub zones: Vec<ZoneReference>,
    pub interests: Vec<InterestReference>,
}

const ZONES: &str = "Job Zone Reference.txt";
const CONTENT_MODEL: &str = "Content Model Reference.txt";

/// Reads the two reference files of the O*NET release `release` in `dir`.
pub fn read(dir: &Path, release: &str) -> anyhow::Result<Reference> {
    let text = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))
    };
    let zones_text = text(ZONES)?;
    let mut lines = zones_text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim() == name)
            .with_context(|| format!("{ZONES} has no \"{name}\" column"))
    };
    let columns = [
        column("Job Zone")?,
        column("Name")?,
        column("Experience")?,
        column("Education")?,
        column("Job Training")?,
        column("Examples")?,
        column("SVP Range")?,
    ];
    let mut zones = Vec::new();
    for (n, line) in lines.enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        let cell = |i: usize| {
            cells
                .get(columns[i])
                .map(|s| (*s).to_owned())
                .with_context(|| format!("{ZONES} line {}: too few columns", n + 2))
        };
        let zone: u8 = cell(0)?
            .parse()
            .ok()
            .filter(|z| (1..=5).contains(z))
            .with_context(|| format!("{ZONES} line {}: a job zone is 1 to 5", n + 2))?;
        zones.push(ZoneReference {
            zone,
            name: cell(1)?,
            experience: cell(2)?,
            education: cell(3)?,
            job_training: cell(4)?,
            examples: cell(5)?,
            svp_range: cell(6)?,
        });
    }
    zones.sort_by_key(|z| z.zone);
    if zones.len() != 5 {
        bail!("{ZONES} describes {} job zones, not 5", zones.len());
    }
    let model = text(CONTENT_MODEL)?;
    let mut interests = Vec::new();
    for area in Interest::ALL {
        let line = model
            .lines()
            .find(|l| l.split('\t').next() == Some(area.element_id()))
            .with_context(|| format!("{CONTENT_MODEL} has no element {}", area.element_id()))?;
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        let (Some(name), Some(description)) = (cells.get(1), cells.get(2)) else {
            bail!(
                "{CONTENT_MODEL}: element {} has too few columns",
                area.element_id()
            );
        };
        interests.push(InterestReference {
            letter: area.letter(),
            id: area.element_id().to_owned(),
            name: (*name).to_owned(),
            description: (*description).to_owned(),
        });
    }
    Ok(Reference {
        release: release.to_owned(),
        zones,
        interests,
    })
}

/// The table careers compiles in: `#` lines, then a line per zone and per interest area.
pub fn table(reference: &Reference) -> String {
    let mut out = format!(
        "# O*NET's Job Zone Reference and the interest areas (1.B.1.a-f) of its Content Model\n\
         # Reference, made by `careers dataset`. The release, then a line per job zone: zone,\n\
         # number, name, experience, education, job training, examples, SVP range; a line per\n\
         # interest area: interest, letter, element id, name, description.\n\
         release\t{}\n",
        reference.release
    );
    for z in &reference.zones {
        out.push_str(&format!(
            "zone\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            z.zone, z.name, z.experience, z.education, z.job_training, z.examples, z.svp_range
        ));
    }
    for i in &reference.interests {
        out.push_str(&format!(
            "interest\t{}\t{}\t{}\t{}\n",
            i.letter, i.id, i.name, i.description
        ));
    }
    out
}

/// Reads the table back.
pub fn parse(text: &str) -> anyhow::Result<Reference> {
    let mut reference = Reference::default();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        match cells.as_slice() {
            ["release", release] => (*release).clone_into(&mut reference.release),
            [
                "zone",
                zone,
                name,
                experience,
                education,
                training,
                examples,
                svp,
            ] => {
                reference.zones.push(ZoneReference {
                    zone: zone.parse().with_context(|| format!("line {}", n + 1))?,
                    name: (*name).to_owned(),
                    experience: (*experience).to_owned(),
                    education: (*education).to_owned(),
                    job_training: (*training).to_owned(),
                    examples: (*examples).to_owned(),
                    svp_range: (*svp).to_owned(),
                });
            }
            ["interest", letter, id, name, description] => {
                reference.interests.push(InterestReference {
                    letter: letter.chars().next().unwrap_or('?'),
                    id: (*id).to_owned(),
                    name: (*name).to_owned(),
                    description: (*description).to_owned(),
                });
            }
            _ => bail!("line {} is neither a zone nor an interest area", n + 1),
        }
    }
    Ok(reference)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_reads_back_as_written() {
        let reference = Reference {
            release: "29.2".into(),
            zones: vec![ZoneReference {
                zone: 1,
                name: "Job Zone One: Little or No Preparation Needed".into(),
                experience: "Little.".into(),
                education: "Some.".into(),
                job_training: "Days.".into(),
                examples: "Baristas.".into(),
                svp_range: "(Below 4.0)".into(),
            }],
            interests: vec![InterestReference {
                letter: 'R',
                id: "1.B.1.a".into(),
                name: "Realistic".into(),
                description: "Work involves building.".into(),
            }],
        };
        assert_eq!(parse(&table(&reference)).unwrap(), reference);
        assert!(parse("zone\t1\n").is_err());
    }
}
