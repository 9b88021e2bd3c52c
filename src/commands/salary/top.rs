//! `careers salary --top N`: the detailed occupations of a place ranked by median annual wage,
//! across industries or in one sector, narrowed by SOC group or title.

use serde::Serialize;

use crate::cli::SalaryArgs;
use crate::store::Store;
use crate::store::wages::{AreaRef, PlaceEstimate};

/// The occupations of a place ranked by median annual wage.
#[derive(Debug, Clone, Serialize)]
pub struct TopOccupations {
    pub area: AreaRef,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// How many detailed occupations have a published median there.
    pub occupations: usize,
    /// How many have an estimate but no published median.
    pub not_published: usize,
    pub ranked: Vec<TopOccupation>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TopOccupation {
    pub rank: usize,
    pub soc: String,
    pub title: String,
    pub estimate: PlaceEstimate,
}

/// The detailed occupations with the highest median annual wage in `area`: cross-industry from
/// the area's table of medians, in a sector from each occupation's estimates.
pub(super) fn top_occupations(
    store: &Store,
    stored: &crate::store::wages::WageRelease,
    area: usize,
    sector: Option<usize>,
    args: &SalaryArgs,
    n: usize,
) -> anyhow::Result<TopOccupations> {
    let industry = sector.or_else(|| stored.cross_industry());
    let group = args.group.as_deref().map(|g| g.replace('-', ""));
    if let Some(g) = &group
        && (g.is_empty() || g.len() > 6 || !g.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(crate::error::CareersError::Usage(format!(
            "--group {g:?} is not a SOC group: give its first digits, e.g. 15 or 29-1"
        ))
        .into());
    }
    let title = args.title.as_deref().map(str::to_lowercase);
    let chosen = |o: &crate::model::wages::WageOccupation| {
        o.level == 3
            && group
                .as_ref()
                .is_none_or(|g| o.code.starts_with(g.as_str()))
            && title
                .as_ref()
                .is_none_or(|t| o.name.to_lowercase().contains(t.as_str()))
    };
    let codes = &stored.tables.occupations;
    let medians: Vec<(usize, Option<crate::model::wages::Value>)> =
        if industry == stored.cross_industry() {
            store
                .area_medians(Some(area))?
                .into_iter()
                .filter(|m| chosen(&codes[m.position]))
                .map(|m| (m.position, Some(m.median)))
                .collect()
        } else {
            let mut medians = Vec::new();
            for (position, o) in codes.iter().enumerate() {
                if !chosen(o) {
                    continue;
                }
                if let Some(e) = stored
                    .estimates_where(position, |a, i| a == area && Some(i) == industry)?
                    .into_iter()
                    .next()
                {
                    medians.push((
                        position,
                        e.estimate.get(crate::model::wages::Measure::AnnualMedian),
                    ));
                }
            }
            medians
        };
    let mut ranked: Vec<(u64, usize)> = Vec::new();
    let mut not_published = 0;
    for (position, median) in medians {
        // A top-coded median is at least BLS's threshold: above every published one.
        let key = match median {
            Some(crate::model::wages::Value::Number(v)) => v,
            Some(crate::model::wages::Value::AtLeast) => u64::MAX,
            _ => {
                not_published += 1;
                continue;
            }
        };
        ranked.push((key, position));
    }
    let occupations_ranked = ranked.len();
    ranked.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| codes[a.1].code.cmp(&codes[b.1].code))
    });
    let mut top = Vec::new();
    for (i, (_, position)) in ranked.into_iter().take(n).enumerate() {
        let e = stored
            .estimates_where(position, |a, i| a == area && Some(i) == industry)?
            .into_iter()
            .next()
            .ok_or_else(|| {
                anyhow::anyhow!("an occupation ranked at a place has no estimate there")
            })?;
        top.push(TopOccupation {
            rank: i + 1,
            soc: codes[position].soc(),
            title: codes[position].name.to_string(),
            estimate: stored.place_estimate(e, None),
        });
    }
    Ok(TopOccupations {
        area: stored.area_ref(area),
        group: args.group.clone(),
        title: args.title.clone(),
        occupations: occupations_ranked,
        not_published,
        ranked: top,
    })
}
