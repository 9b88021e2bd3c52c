//! How well a role fits the skills, knowledge and technologies a person names: the algebra
//! `careers match` ranks by. Pure: the store reads the ratings and who lists each technology,
//! the command gathers them, the views word the result.
//!
//! Each input scores a role from 0 to 1: a skill or knowledge area its [`scaled`] importance in
//! the role's occupation (the average of every rated occupation where O*NET gives no reliable
//! rating); a technology half for being listed and half for the importance of the column its
//! listing occupations rate most above the average of all ([`related_column`]). A role's score
//! is the mean, as a percentage to a tenth.

use super::ratings::ElementFigures;

/// Importance 3 in hundredths, O*NET's "important": the skills and knowledge a `--from` role
/// takes as yours are those it rates at least this, and a standard deviation or more above the
/// average occupation (what sets it apart, not the speaking and listening every job needs).
pub(crate) const FROM_IMPORTANCE: u16 = 300;

/// The mean and standard deviation of each of `width` columns' reliable importances (in
/// hundredths), over `rows`.
pub(crate) fn column_spread<'a>(
    width: usize,
    rows: impl Iterator<Item = &'a [ElementFigures]>,
) -> Vec<(f64, f64)> {
    let mut sums = vec![(0.0, 0.0, 0.0); width];
    for row in rows {
        for (s, f) in sums.iter_mut().zip(row).filter(|(_, f)| f.reliable) {
            let x = f64::from(f.importance);
            *s = (s.0 + 1.0, s.1 + x, s.2 + x * x);
        }
    }
    sums.into_iter()
        .map(|(n, sum, squares)| {
            let mean = sum / f64::max(n, 1.0);
            (
                mean,
                (squares / f64::max(n, 1.0) - mean * mean).max(0.0).sqrt(),
            )
        })
        .collect()
}

/// How many standard deviations above the mean of all occupations `importance` is in `column`.
pub(crate) fn standing(spread: &[(f64, f64)], column: usize, importance: f64) -> Option<f64> {
    let (mean, deviation) = *spread.get(column)?;
    (deviation > 0.0).then(|| (importance - mean) / deviation)
}

/// The column the occupations listing a technology (`listing`, their rows) rate most above
/// the average of all, in standard deviations (so that a skill few occupations need,
/// Programming, is not outweighed by a broad one), and their mean importance of it; on a tie
/// the first column. `None` when none of them rates any column reliably.
pub(crate) fn related_column<'a>(
    spread: &[(f64, f64)],
    listing: impl Iterator<Item = &'a [ElementFigures]>,
) -> Option<(usize, f64)> {
    let mut listed = vec![(0.0, 0.0); spread.len()];
    for row in listing {
        for (s, f) in listed.iter_mut().zip(row).filter(|(_, f)| f.reliable) {
            *s = (s.0 + 1.0, s.1 + f64::from(f.importance));
        }
    }
    listed
        .iter()
        .enumerate()
        .filter(|(_, (n, _))| *n > 0.0)
        .filter_map(|(c, (n, sum))| Some((c, standing(spread, c, sum / n)?, sum / n)))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(c, _, mean)| (c, mean))
}

/// (importance − 1) / 4 of an importance in hundredths.
pub(crate) fn scaled(importance: f64) -> f64 {
    (importance / 100.0 - 1.0) / 4.0
}

/// The columns a `--from` role's row sets it apart by: rated reliably at least
/// [`FROM_IMPORTANCE`] and a standard deviation or more above the average, most important
/// first, then in column order.
pub(crate) fn distinctive(row: &[ElementFigures], spread: &[(f64, f64)]) -> Vec<usize> {
    let mut important: Vec<(u16, usize)> = row
        .iter()
        .enumerate()
        .filter(|(c, f)| {
            f.reliable
                && f.importance >= FROM_IMPORTANCE
                && standing(spread, *c, f64::from(f.importance)).is_some_and(|z| z >= 1.0)
        })
        .map(|(c, f)| (f.importance, c))
        .collect();
    important.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    important.into_iter().map(|(_, c)| c).collect()
}

/// What an input is weighed by.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Weighed {
    /// The ratings column of a skill or knowledge area, or of a technology's related one, and
    /// the importance (in hundredths) a role without a reliable rating of it is taken to have.
    pub column: Option<(usize, f64)>,
    /// Whether the input is a technology, which scores its listing too.
    pub technology: bool,
}

/// How a role lists a technology.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Listed {
    /// On O*NET's technology list of its occupation, with O*NET's flags there.
    Onet { hot: bool, in_demand: bool },
    /// On a curated role's own skill list: it names only what the role needs.
    Profile,
}

impl Listed {
    /// ½ on O*NET's list, +¼ hot, +¼ in demand; 1 on a profile's own.
    pub(crate) fn score(self) -> f64 {
        match self {
            Listed::Profile => 1.0,
            Listed::Onet { hot, in_demand } => {
                0.5 + 0.25 * f64::from(u8::from(hot) + u8::from(in_demand))
            }
        }
    }
}

/// One input's score for one role.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Fit {
    /// 0-1, unrounded.
    pub score: f64,
    /// The importance it is weighed with, in hundredths: the role's own rating, else the
    /// average (`rated` false). `None` without a column.
    pub importance: Option<f64>,
    pub rated: bool,
}

/// How an input weighed by `weighed` scores a role whose ratings are `row` and that lists the
/// technology as `listed`.
pub(crate) fn fit(weighed: Weighed, row: Option<&[ElementFigures]>, listed: Option<Listed>) -> Fit {
    let rated = weighed
        .column
        .and_then(|(c, _)| row?.get(c))
        .filter(|f| f.reliable)
        .map(|f| f64::from(f.importance));
    let importance = rated.or(weighed.column.map(|(_, typical)| typical));
    let part = importance.map_or(0.0, scaled);
    let score = if weighed.technology {
        let listed_score = listed.map_or(0.0, Listed::score);
        match weighed.column {
            Some(_) => f64::midpoint(listed_score, part),
            None => listed_score,
        }
    } else {
        part
    };
    Fit {
        score,
        importance,
        rated: rated.is_some(),
    }
}

/// A role's score: the mean of its inputs' scores, as a percentage to a tenth.
pub(crate) fn role_score(fits: &[Fit]) -> f64 {
    let mean = fits.iter().map(|f| f.score).sum::<f64>() / fits.len() as f64;
    (mean * 1000.0).round() / 10.0
}

/// An input's score as shown: to two decimals.
pub(crate) fn shown_score(score: f64) -> f64 {
    (score * 100.0).round() / 100.0
}

/// The roles that can be among the best `top`, best first: by score, then id, the first `top`
/// and any tied with the last (pay, read for these alone, breaks the tie).
pub(crate) fn contenders<T>(
    mut scored: Vec<T>,
    top: usize,
    key: impl Fn(&T) -> (f64, &str),
) -> Vec<T> {
    scored.sort_by(|a, b| {
        let (sa, ia) = key(a);
        let (sb, ib) = key(b);
        sb.total_cmp(&sa).then_with(|| ia.cmp(ib))
    });
    let cut = match scored.get(top.saturating_sub(1)) {
        Some(last) => {
            let edge = key(last).0;
            scored.iter().take_while(|s| key(s).0 >= edge).count()
        }
        None => scored.len(),
    };
    scored.truncate(cut);
    scored
}

/// The best `top` of `rows`: by score, then the higher pay (`None` last), then id.
pub(crate) fn ranked<T, P: Ord>(
    mut rows: Vec<T>,
    top: usize,
    key: impl Fn(&T) -> (f64, Option<P>, &str),
) -> Vec<T> {
    rows.sort_by(|a, b| {
        let (sa, pa, ia) = key(a);
        let (sb, pb, ib) = key(b);
        sb.total_cmp(&sa)
            .then_with(|| pb.cmp(&pa))
            .then_with(|| ia.cmp(ib))
    });
    rows.truncate(top);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(importance: u16) -> ElementFigures {
        ElementFigures {
            importance,
            level: 0,
            reliable: true,
        }
    }

    #[test]
    fn importance_scales_from_0_at_1_to_1_at_5() {
        assert_eq!(scaled(100.0), 0.0);
        assert_eq!(scaled(300.0), 0.5);
        assert_eq!(scaled(500.0), 1.0);
    }

    #[test]
    fn a_technology_is_weighed_with_what_its_users_rate_most_above_the_rest() {
        // Column 0 is broad (everyone rates it 3-5), column 1 narrow (1 for most, 3 for the
        // two that list the technology): the narrow one stands further above its average.
        let mut rows = vec![
            [figure(500), figure(300)],
            [figure(500), figure(300)],
            [figure(300), figure(100)],
            [figure(300), figure(100)],
        ];
        let spread = column_spread(2, rows.iter().map(|r| &r[..]));
        assert_eq!(spread, [(400.0, 100.0), (200.0, 100.0)]);
        // Both stand one deviation above; on a tie the first column.
        let listing =
            |rows: &[[ElementFigures; 2]]| -> Vec<[ElementFigures; 2]> { rows[..2].to_vec() };
        let listed = listing(&rows);
        assert_eq!(
            related_column(&spread, listed.iter().map(|r| &r[..])),
            Some((0, 500.0))
        );
        // Those listing it rate column 0 like everyone else: column 1 is the one.
        for row in &mut rows {
            row[0] = figure(400);
        }
        // A suppressed figure counts for nothing.
        rows[3][1] = ElementFigures {
            reliable: false,
            ..figure(500)
        };
        let spread = column_spread(2, rows.iter().map(|r| &r[..]));
        assert_eq!(spread[0], (400.0, 0.0));
        let listed = listing(&rows);
        assert_eq!(
            related_column(&spread, listed.iter().map(|r| &r[..])),
            Some((1, 300.0))
        );
        assert_eq!(standing(&spread, 0, 450.0), None, "no spread, no standing");
        assert_eq!(related_column(&spread, std::iter::empty()), None);
    }

    #[test]
    fn a_technology_scores_half_its_listing_and_half_its_related_importance() {
        let row = [figure(400), ElementFigures::default()];
        let technology = |column| Weighed {
            column,
            technology: true,
        };
        let hot = Some(Listed::Onet {
            hot: true,
            in_demand: false,
        });
        // Listed hot (0.75), importance 4 (0.75).
        let f = fit(technology(Some((0, 250.0))), Some(&row), hot);
        assert_eq!((f.score, f.importance, f.rated), (0.75, Some(400.0), true));
        // Not reliably rated: the average of those listing it.
        let f = fit(
            technology(Some((1, 300.0))),
            Some(&row),
            Some(Listed::Profile),
        );
        assert_eq!((f.score, f.importance, f.rated), (0.75, Some(300.0), false));
        // No column: the listing alone.
        assert_eq!(fit(technology(None), None, hot).score, 0.75);
        assert_eq!(fit(technology(None), None, None).score, 0.0);
        let skill = Weighed {
            column: Some((0, 200.0)),
            technology: false,
        };
        assert_eq!(fit(skill, Some(&row), None).score, 0.75);
        assert_eq!(fit(skill, None, None).score, 0.25);
        assert_eq!(
            role_score(&[fit(skill, Some(&row), None), fit(skill, None, None)]),
            50.0
        );
    }

    #[test]
    fn the_best_keep_the_ties_at_the_edge_for_pay_to_break() {
        let scored = vec![(50.0, "c"), (70.0, "b"), (50.0, "a"), (10.0, "d")];
        let best = contenders(scored, 2, |&(s, id)| (s, id));
        assert_eq!(best, [(70.0, "b"), (50.0, "a"), (50.0, "c")]);
        let pay = |id: &str| (id == "c").then_some(1);
        let shown = ranked(best, 2, |&(s, id)| (s, pay(id), id));
        assert_eq!(shown, [(70.0, "b"), (50.0, "c")]);
    }

    #[test]
    fn a_from_role_is_set_apart_by_what_it_rates_well_above_the_rest() {
        let spread = [(250.0, 50.0), (300.0, 100.0), (100.0, 10.0)];
        let row = [figure(310), figure(350), figure(200)];
        // Column 0 is 1.2 deviations above and 3.10; column 1 only half a deviation; column 2
        // is far above but below importance 3.
        assert_eq!(distinctive(&row, &spread), [0]);
        let row = [figure(300), figure(450), figure(300)];
        assert_eq!(distinctive(&row, &spread), [1, 0, 2]);
    }
}
