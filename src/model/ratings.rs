//! The algebra on O*NET's importance and level ratings: an occupation's most important
//! elements, and what one occupation needs at a higher level than another has. Pure: the store
//! reads the ratings, the views word the results.
//!
//! Figures are O*NET's to the hundredth, so the arithmetic is done in whole hundredths and the
//! results are exact (4.88 − 4.25 is 0.63, never 0.6299999999999999).

use serde::Serialize;

use super::OnetDetails;
use super::onet::{Rating, RatingKind};

/// What the comparisons rank: skills and knowledge, what a person sets out to learn (O*NET rates
/// abilities too, which are not).
pub(crate) const COMPARED: [RatingKind; 2] = [RatingKind::Skill, RatingKind::Knowledge];

/// A figure in whole hundredths.
fn hundredths(value: f64) -> i64 {
    (value * 100.0).round() as i64
}

/// The `n` most important elements of `ratings` (in their [`Rating::ranks_before`] order),
/// leaving out those whose importance O*NET recommends suppressing: they are not ranked.
pub(crate) fn most_important(ratings: &[Rating], n: usize) -> Vec<Rating> {
    ratings
        .iter()
        .filter(|r| !r.importance_suppressed)
        .take(n)
        .cloned()
        .collect()
}

/// An element TO needs at a higher level than FROM has.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shortfall {
    pub kind: RatingKind,
    /// O*NET's element id, e.g. "2.C.1.a".
    pub id: String,
    pub name: String,
    /// FROM's level, 0 to 7: 0 when O*NET rates the element not relevant to FROM.
    pub from_level: f64,
    /// O*NET rates the element not relevant to FROM (whatever its level figure).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub from_not_relevant: bool,
    pub to_level: f64,
    /// TO's importance, 1 to 5.
    pub to_importance: f64,
    /// `to_level - from_level`.
    pub shortfall: f64,
    /// `to_importance * shortfall`: what the list is ranked by.
    pub weight: f64,
    /// For an element left out of the ranking: which figure O*NET recommends suppressing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub uncertain: Vec<UncertainFigure>,
    /// O*NET names an element of the other kind the same (Mathematics is a skill and a
    /// knowledge area), so a view that does not show the kind must name it.
    #[serde(skip)]
    pub name_shared: bool,
}

/// A figure of a comparison that O*NET recommends suppressing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UncertainFigure {
    FromLevel,
    ToLevel,
    ToImportance,
}

/// What TO needs at a higher level than FROM has, of the [`COMPARED`] kinds.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LevelGap {
    /// Ranked by TO's importance times the shortfall, largest first; on a tie, the more
    /// important to TO first, then by name.
    pub to_raise: Vec<Shortfall>,
    /// Elements whose level in TO exceeds FROM's but where O*NET recommends suppressing a figure
    /// the comparison needs: kept and named, not ranked. In the same order.
    pub uncertain: Vec<Shortfall>,
    /// How many elements both rate with TO's level at or below FROM's.
    pub met: usize,
}

/// Compares FROM's ratings with TO's: each element both rate, by its working level (a level
/// O*NET rates not relevant counts as 0, so it is a shortfall to make up in FROM and nothing
/// needed in TO).
pub(crate) fn level_gap(from: &OnetDetails, to: &OnetDetails) -> LevelGap {
    let mut gap = LevelGap::default();
    let mut ranked: Vec<(i64, Shortfall)> = Vec::new();
    let mut uncertain: Vec<(i64, Shortfall)> = Vec::new();
    let shared = |kind: RatingKind, name: &str| {
        COMPARED
            .iter()
            .any(|&k| k != kind && to.ratings(k).iter().any(|r| r.name == name))
    };
    for kind in COMPARED {
        let have = from.ratings(kind);
        for want in to.ratings(kind) {
            let Some(had) = have.iter().find(|r| r.id == want.id) else {
                continue;
            };
            let (from_level, to_level) = (
                hundredths(had.working_level()),
                hundredths(want.working_level()),
            );
            if to_level <= from_level {
                gap.met += 1;
                continue;
            }
            let importance = hundredths(want.importance);
            let short = to_level - from_level;
            let weight = importance * short;
            let flags: Vec<UncertainFigure> = [
                (had.level_suppressed, UncertainFigure::FromLevel),
                (want.level_suppressed, UncertainFigure::ToLevel),
                (want.importance_suppressed, UncertainFigure::ToImportance),
            ]
            .into_iter()
            .filter_map(|(set, which)| set.then_some(which))
            .collect();
            let shortfall = Shortfall {
                kind,
                id: want.id.clone(),
                name: want.name.clone(),
                from_level: from_level as f64 / 100.0,
                from_not_relevant: had.not_relevant,
                to_level: to_level as f64 / 100.0,
                to_importance: want.importance,
                shortfall: short as f64 / 100.0,
                weight: weight as f64 / 10_000.0,
                uncertain: flags,
                name_shared: shared(kind, &want.name),
            };
            if shortfall.uncertain.is_empty() {
                ranked.push((weight, shortfall));
            } else {
                uncertain.push((weight, shortfall));
            }
        }
    }
    let order = |list: &mut Vec<(i64, Shortfall)>| {
        list.sort_by(|(wa, a), (wb, b)| {
            wb.cmp(wa)
                .then_with(|| b.to_importance.total_cmp(&a.to_importance))
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.kind.cmp(&b.kind))
        });
    };
    order(&mut ranked);
    order(&mut uncertain);
    gap.to_raise = ranked.into_iter().map(|(_, s)| s).collect();
    gap.uncertain = uncertain.into_iter().map(|(_, s)| s).collect();
    gap
}

/// One element of an occupation's ratings as whole hundredths, in the order every occupation
/// of a release shares: what `moves` compares hundreds of occupations by without naming a single
/// element.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ElementFigures {
    /// Importance, 100-500.
    pub importance: u16,
    /// The working level, 0-700: 0 for an element rated not relevant.
    pub level: u16,
    /// O*NET rates the element, and recommends suppressing neither figure.
    pub reliable: bool,
}

/// The [`ElementFigures`] of many occupations, a row each, in one allocation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FigureTable {
    /// Each row's occupation, by its position among the O*NET occupations.
    pub positions: Vec<usize>,
    /// How many elements a row has.
    pub width: usize,
    pub figures: Vec<ElementFigures>,
}

impl FigureTable {
    /// Each occupation's position and its row.
    pub fn rows(&self) -> impl Iterator<Item = (usize, &[ElementFigures])> {
        self.positions
            .iter()
            .copied()
            .zip(self.figures.chunks_exact(self.width.max(1)))
    }

    /// The row of the occupation at `position`.
    pub fn row_of(&self, position: usize) -> Option<&[ElementFigures]> {
        self.rows()
            .find(|(p, _)| *p == position)
            .map(|(_, row)| row)
    }
}

/// How alike two occupations' skills and knowledge are, as a fraction `(numerator,
/// denominator)` of 1: one less the importance-weighted mean difference of their levels, as a
/// share of the 0-7 scale. Each element both rate reliably counts with weight the sum of its
/// two importances, so what matters to either occupation counts most. Identical profiles are 1;
/// `None` when no element is reliably rated by both.
pub(crate) fn similarity(a: &[ElementFigures], b: &[ElementFigures]) -> Option<(u64, u64)> {
    let (mut differences, mut weights) = (0u64, 0u64);
    for (x, y) in a.iter().zip(b) {
        if !(x.reliable && y.reliable) {
            continue;
        }
        let weight = u64::from(x.importance) + u64::from(y.importance);
        differences += weight * u64::from(x.level.abs_diff(y.level));
        weights += weight;
    }
    let scale = weights * 700;
    (weights > 0).then(|| (scale - differences, scale))
}

/// A fraction as a percentage to one decimal place, rounded half up.
pub(crate) fn percent((numerator, denominator): (u64, u64)) -> f64 {
    ((numerator * 2000 + denominator) / (2 * denominator)) as f64 / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rating(id: &str, name: &str, importance: f64, level: f64) -> Rating {
        Rating {
            id: id.into(),
            name: name.into(),
            importance,
            level,
            importance_suppressed: false,
            level_suppressed: false,
            not_relevant: false,
        }
    }

    #[test]
    fn shortfalls_rank_by_importance_times_the_difference_in_exact_hundredths() {
        let from = [
            rating("a", "Reading", 4.0, 4.25),
            rating("b", "Writing", 3.5, 3.88),
            rating("c", "Mathematics", 4.5, 5.0),
            Rating {
                not_relevant: true,
                ..rating("d", "Biology", 1.4, 0.25)
            },
            rating("e", "Programming", 4.0, 2.0),
        ];
        let to = [
            rating("a", "Reading", 4.12, 4.88),
            rating("b", "Writing", 3.88, 4.5),
            rating("c", "Mathematics", 4.25, 4.75),
            rating("d", "Biology", 2.0, 0.1),
            Rating {
                level_suppressed: true,
                ..rating("e", "Programming", 4.62, 5.88)
            },
        ];
        let skills = |list: &[Rating]| OnetDetails {
            skills: list.to_vec(),
            ..OnetDetails::default()
        };
        let gap = level_gap(&skills(&from), &skills(&to));
        let ranked: Vec<(&str, f64, f64, f64, f64)> = gap
            .to_raise
            .iter()
            .map(|s| {
                (
                    s.name.as_str(),
                    s.from_level,
                    s.to_level,
                    s.shortfall,
                    s.weight,
                )
            })
            .collect();
        // Biology is not relevant to FROM: its level counts as 0, so 0.10 is to make up.
        assert_eq!(
            ranked,
            [
                ("Reading", 4.25, 4.88, 0.63, 2.5956),
                ("Writing", 3.88, 4.5, 0.62, 2.4056),
                ("Biology", 0.0, 0.1, 0.1, 0.2),
            ]
        );
        assert!(gap.to_raise[2].from_not_relevant);
        // Mathematics: TO needs less than FROM has.
        assert_eq!(gap.met, 1);
        assert_eq!(gap.uncertain.len(), 1);
        assert_eq!(gap.uncertain[0].name, "Programming");
        assert_eq!(gap.uncertain[0].uncertain, [UncertainFigure::ToLevel]);
    }

    #[test]
    fn a_level_not_relevant_to_to_is_nothing_to_make_up() {
        let from = [rating("d", "Biology", 1.0, 0.0)];
        let to = [Rating {
            not_relevant: true,
            ..rating("d", "Biology", 1.4, 0.25)
        }];
        let both = |list: &[Rating]| OnetDetails {
            skills: list.to_vec(),
            knowledge: list.to_vec(),
            ..OnetDetails::default()
        };
        let gap = level_gap(&both(&from), &both(&to));
        assert!(gap.to_raise.is_empty());
        assert_eq!(gap.met, 2);
    }

    #[test]
    fn similarity_is_one_less_the_weighted_mean_difference_of_levels() {
        let figures = |list: &[(u16, u16, bool)]| -> Vec<ElementFigures> {
            list.iter()
                .map(|&(importance, level, reliable)| ElementFigures {
                    importance,
                    level,
                    reliable,
                })
                .collect()
        };
        let a = figures(&[(400, 500, true), (200, 100, true), (500, 700, false)]);
        let b = figures(&[(300, 300, true), (200, 100, true), (100, 0, true)]);
        // Weights 7.00 and 4.00; differences 2.00 and 0; the unreliable element is left out:
        // 1 - (7 × 2) / (11 × 7), in hundredths.
        let s = similarity(&a, &b).unwrap();
        assert_eq!(s, (770_000 - 140_000, 770_000));
        assert_eq!(percent(s), 81.8);
        assert_eq!(similarity(&a, &a), Some((840_000, 840_000)));
        assert_eq!(percent((770_000, 770_000)), 100.0);
        assert_eq!(similarity(&a[2..], &b[2..]), None);
    }

    #[test]
    fn the_most_important_leave_out_suppressed_importances() {
        let list = [
            rating("a", "A", 4.0, 1.0),
            rating("b", "B", 3.0, 1.0),
            Rating {
                importance_suppressed: true,
                ..rating("c", "C", 5.0, 1.0)
            },
        ];
        let top: Vec<String> = most_important(&list, 5)
            .into_iter()
            .map(|r| r.name)
            .collect();
        assert_eq!(top, ["A", "B"]);
    }
}
