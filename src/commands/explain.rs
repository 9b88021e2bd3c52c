//! `careers explain [TOPIC]`: what O*NET's job zones and the six RIASEC interest areas mean, in
//! O*NET's own words (its Job Zone Reference and Content Model Reference), so that "zone 4" or
//! "IA" in another command's output can be looked up without leaving the terminal.

use serde::Serialize;

use crate::Context;
use crate::cli::ExplainArgs;
use crate::error::CareersError;
use crate::model::interests::InterestCode;
use crate::store::{InterestReference, ZoneReference};

/// What `explain` answers: the zones and interest areas asked for.
#[derive(Debug, Serialize)]
pub struct ExplainReport {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub zones: Vec<ZoneReference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub interests: Vec<InterestReference>,
    /// The O*NET release the words come from ("29.2").
    pub release: String,
    pub attribution: String,
}

impl crate::model::credits::Credited for ExplainReport {
    fn credits(&self) -> crate::model::credits::Credits<'_> {
        crate::model::credits::Credits::none().onet(Some(&self.attribution))
    }
}

pub fn run(_ctx: &Context, args: &ExplainArgs) -> anyhow::Result<ExplainReport> {
    let reference = crate::store::onet_reference()?;
    let topic = args.topic.join(" ").trim().to_lowercase();
    let words: Vec<&str> = topic.split_whitespace().collect();
    let zone_number = |text: &str| text.parse::<u8>().ok().filter(|z| (1..=5).contains(z));
    let (zones, interests): (Vec<ZoneReference>, Vec<InterestReference>) = match words.as_slice() {
        [] => (reference.zones.clone(), reference.interests.clone()),
        ["zones" | "zone" | "job-zones" | "job-zone"] | ["job", "zones" | "zone"] => {
            (reference.zones.clone(), Vec::new())
        }
        ["interests" | "interest" | "riasec"] => (Vec::new(), reference.interests.clone()),
        ["zone" | "job-zone", n] | [n] if zone_number(n).is_some() => {
            let z = zone_number(n).unwrap_or_default();
            (
                reference
                    .zones
                    .iter()
                    .filter(|r| r.zone == z)
                    .cloned()
                    .collect(),
                Vec::new(),
            )
        }
        [code] => {
            let code = InterestCode::parse(code).map_err(|_| unknown(&topic))?;
            let picked = code
                .areas()
                .iter()
                .filter_map(|a| {
                    reference
                        .interests
                        .iter()
                        .find(|r| r.letter == a.letter())
                        .cloned()
                })
                .collect();
            (Vec::new(), picked)
        }
        _ => return Err(unknown(&topic).into()),
    };
    Ok(ExplainReport {
        zones,
        interests,
        attribution: crate::model::onet::attribution(Some(&reference.release)),
        release: reference.release,
    })
}

fn unknown(topic: &str) -> CareersError {
    CareersError::Usage(format!(
        "nothing to explain by \"{topic}\"; explain zones, interests, one zone (4 or \"zone 4\") or an interest code (IA)"
    ))
}
