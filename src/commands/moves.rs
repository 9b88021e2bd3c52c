//! `careers moves ROLE`: the occupations a role's skills and knowledge carry over to best, by
//! how alike O*NET's ratings of the two are (`model::ratings::similarity`), each with the pay
//! change, the job zone change and the three skills or knowledge areas most to raise.

use serde::Serialize;

use crate::Context;
use crate::cli::MovesArgs;
use crate::model::ratings::{Shortfall, level_gap, percent, similarity};
use crate::store::Store;
use crate::store::find::MedianPay;
use crate::store::ratings::{NoRatings, RatedOccupation};
use crate::store::wages::HeadlineWage;

/// How many gaps each move names.
pub const GAPS_PER_MOVE: usize = 3;

/// The moves from one role.
#[derive(Debug, Serialize)]
pub struct MovesReport {
    pub from: MovesFrom,
    /// The O*NET release the ratings come from.
    pub release: String,
    /// Only moves up were asked for: a higher median pay or a higher job zone.
    pub up: bool,
    /// How many occupations the role was compared with (every one the release rates but its
    /// own).
    pub compared: usize,
    pub moves: Vec<Move>,
    /// The OEWS release ("BLS OEWS May 2025"), when pay is shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay_source: Option<crate::store::wages::WagesSource>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<&'static str>,
    pub attribution: String,
}

impl crate::model::credits::Credited for MovesReport {
    fn credits(&self) -> crate::model::credits::Credits<'_> {
        crate::model::credits::Credits::none()
            .bls(self.notice)
            .onet(Some(&self.attribution))
    }
}

/// The role the moves are from, and the occupation that stands for it.
#[derive(Debug, Serialize)]
pub struct MovesFrom {
    pub id: String,
    pub title: String,
    #[serde(flatten)]
    pub codes: crate::store::codes::RoleCodes,
    pub occupation: RatedOccupation,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_zone: Option<u8>,
    /// BLS OEWS's median pay of the occupation, nationally or at `--city`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub median_pay: Option<HeadlineWage>,
}

/// One occupation the role could move to.
#[derive(Debug, Serialize)]
pub struct Move {
    pub rank: usize,
    pub id: String,
    pub code: String,
    /// The SOC code of `code`.
    pub soc: String,
    pub title: String,
    /// How alike the two occupations' skills and knowledge are, in percent to one decimal.
    pub similarity_percent: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_zone: Option<u8>,
    /// The move's job zone less the role's, when both have one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_zone_change: Option<i8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub median_pay: Option<HeadlineWage>,
    /// The move's median pay less the role's, in whole dollars a year, when both are published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay_change: Option<i64>,
    /// The skills and knowledge the move needs most above the role's level, as `gap` ranks them.
    pub gaps: Vec<Shortfall>,
}

/// The job zone of the occupation at `position`.
fn zone_at(store: &Store, position: usize) -> Option<u8> {
    store
        .onet_entry_at(position)
        .profile
        .onet
        .as_ref()
        .and_then(|d| d.job_zone.as_ref())
        .map(|z| z.zone)
}

/// The zone, median (in whole dollars, when published) and headline wage of the occupation at
/// `position`.
fn standing(
    store: &Store,
    position: usize,
    area: Option<usize>,
) -> anyhow::Result<(Option<u8>, Option<u64>, Option<HeadlineWage>)> {
    let entry = store.onet_entry_at(position);
    let zone = zone_at(store, position);
    let wage = store.headline_wages(entry, area)?.into_iter().next();
    let median = wage.as_ref().and_then(HeadlineWage::median_dollars);
    Ok((zone, median, wage))
}

pub fn run(ctx: &Context, args: &MovesArgs) -> anyhow::Result<MovesReport> {
    let store = &ctx.store;
    let entry = store.resolve(&args.role)?;
    let from = match store.role_ratings(entry)? {
        Some(Ok(r)) => r,
        Some(Err(why)) => {
            let reason = match why {
                NoRatings::NoLinkedOccupation => {
                    format!("{} links no O*NET occupation", entry.profile.id)
                }
                NoRatings::NotInRelease { code } => format!(
                    "{}'s first linked occupation, {code}, is not in the O*NET release in use",
                    entry.profile.id
                ),
                NoRatings::NotRated { code, release } => format!(
                    "O*NET {release} does not rate {code}; try one of its related occupations (`careers path {code}`)"
                ),
            };
            anyhow::bail!("moves compares O*NET's skill and knowledge ratings, and {reason}");
        }
        None => {
            anyhow::bail!(
                "moves compares O*NET's skill and knowledge ratings, which the O*NET data in use does not have"
            );
        }
    };
    let area = match &args.city {
        Some(place) => {
            store
                .resolve_place(&crate::store::bundled_locations()?, place)?
                .area
        }
        None => None,
    };
    let from_position = store
        .onet_position(&from.occupation.code)
        .expect("a rated occupation is in the release");
    let figures = store.rating_figures()?;
    let own = figures.row_of(from_position).unwrap_or_default();
    // Most alike first; on a tie, in code order (the positions').
    let mut ranked: Vec<(usize, (u64, u64))> = figures
        .rows()
        .filter(|(p, _)| *p != from_position)
        .filter_map(|(p, f)| similarity(own, f).map(|s| (p, s)))
        .collect();
    ranked.sort_unstable_by(|(pa, (na, da)), (pb, (nb, db))| {
        (u128::from(*nb) * u128::from(*da))
            .cmp(&(u128::from(*na) * u128::from(*db)))
            .then(pa.cmp(pb))
    });
    let (from_zone, from_median, from_wage) = standing(store, from_position, area)?;
    let top = args.top.map_or(10, |n| n as usize);
    let from_ratings = store.ratings_at(from_position)?;
    // `--up` decides by the zone, then by the median of each occupation's per-area table, and
    // reads the whole estimates only of the moves it keeps.
    let medians = match (args.up, area) {
        (false, _) => None,
        (true, Some(a)) => Some(store.every_median_at(a)?),
        (true, None) => match store.national_area()? {
            Some(a) => Some(store.every_median_at(a)?),
            None => None,
        },
    };
    let mut moves = Vec::new();
    for (position, s) in &ranked {
        if moves.len() == top {
            break;
        }
        if let Some(medians) = &medians {
            let zone = zone_at(store, *position);
            let zone_up = zone.zip(from_zone).is_some_and(|(to, from)| to > from);
            let pay_up = || -> anyhow::Result<bool> {
                let Some(wage_at) = store.wage_position(store.onet_entry_at(*position))? else {
                    return Ok(false);
                };
                Ok(
                    match (medians.get(wage_at).copied().flatten(), from_median) {
                        (Some(MedianPay::Dollars(to)), Some(from)) => to > from,
                        _ => false,
                    },
                )
            };
            if !zone_up && !pay_up()? {
                continue;
            }
        }
        let (zone, median, wage) = standing(store, *position, area)?;
        let zone_change = zone.zip(from_zone).map(|(to, from)| to as i8 - from as i8);
        let pay_change = median
            .zip(from_median)
            .map(|(to, from)| to as i64 - from as i64);
        if args.up && !(pay_change.is_some_and(|c| c > 0) || zone_change.is_some_and(|c| c > 0)) {
            continue;
        }
        let to_ratings = store.ratings_at(*position)?;
        let mut gap = level_gap(&from_ratings, &to_ratings);
        gap.to_raise.truncate(GAPS_PER_MOVE);
        let name = store.onet().map(|o| o.names.get(*position));
        moves.push(Move {
            rank: moves.len() + 1,
            id: store.onet_id_at(*position).to_owned(),
            code: name.map(|n| n.code.to_owned()).unwrap_or_default(),
            soc: name
                .map(|n| crate::store::codes::soc_of(n.code).to_owned())
                .unwrap_or_default(),
            title: name.map(|n| n.title.to_owned()).unwrap_or_default(),
            similarity_percent: percent(*s),
            job_zone: zone,
            job_zone_change: zone_change,
            median_pay: wage,
            pay_change,
            gaps: gap.to_raise,
        });
    }
    let shows_pay = from_wage.is_some() || moves.iter().any(|m| m.median_pay.is_some());
    let pay_source = match store.wages()? {
        Some(stored) if shows_pay => Some(crate::store::wages::WagesSource::of(stored)),
        _ => None,
    };
    Ok(MovesReport {
        from: MovesFrom {
            id: entry.profile.id.clone(),
            title: entry.profile.title.clone(),
            codes: entry.role_codes(),
            occupation: from.occupation,
            job_zone: from_zone,
            median_pay: from_wage,
        },
        release: from.release,
        up: args.up,
        compared: ranked.len(),
        moves,
        notice: pay_source
            .as_ref()
            .map(|_| crate::store::wages::OEWS_NOTICE),
        pay_source,
        attribution: store.onet_attribution_with_ratings().unwrap_or_default(),
    })
}
