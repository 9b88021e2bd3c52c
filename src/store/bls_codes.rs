//! Which of BLS's codes answers for an O*NET occupation: the one rule that both the wage
//! estimates (OEWS) and the projections (EP) follow, so that a role reaches the same kind of
//! code in each.
//!
//! BLS publishes most SOC occupations under their own codes, but it combines some: OEWS and EP
//! publish 21-1018 "Substance Abuse, Behavioral Disorder, and Mental Health Counselors" where
//! SOC and O*NET have 21-1011 and 21-1014. A combined code sits in the broad group of the
//! occupations it combines, and O*NET has no occupation under it. So, for an O*NET occupation
//! whose 6-digit code a release does not publish, the release's one detailed code in the same
//! broad group that O*NET does not have is the combined occupation it is published in; with
//! none, or several, the broad group answers. No hand-kept table: the codes come from the
//! release and from O*NET's own list, and a new release's combinations follow.

use super::Store;

/// How the code that answers stands to the O*NET occupation's own SOC code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// The release publishes the SOC occupation itself.
    Detailed,
    /// The code is a group's (`15-1250`, `15-0000`), which the release publishes.
    Group,
    /// The release publishes it only combined with others, as a detailed code of its own.
    Combined,
    /// The release publishes it only within its broad group.
    Broad,
}

/// What a release publishes, as [`most_detailed`] asks it: whether a code is a detailed
/// occupation of it, and whether it has a row or estimates for a group code.
pub trait Publishes {
    /// Whether the release publishes `soc` (`21-1018`) as a detailed occupation.
    fn detailed(&self, soc: &str) -> bool;
    /// Whether the release publishes figures for the group `soc` (`21-1010`).
    fn group(&self, soc: &str) -> bool;
}

/// The most detailed code `release` publishes for the SOC occupation `soc` (`21-1014`, with
/// its hyphen): its own, else the combined occupation it is published in, else its broad group;
/// `None` when the release publishes none of them. `onet_has` says whether O*NET has an
/// occupation under a 6-digit code; without O*NET's list (`None`) no code can be told to be a
/// combined one, and the broad group answers.
pub fn most_detailed(
    soc: &str,
    release: &impl Publishes,
    onet_has: Option<&dyn Fn(&str) -> bool>,
) -> Option<(String, Reach)> {
    if soc.len() != 7 || !soc.is_char_boundary(6) {
        return None;
    }
    // A group's code ends in 0; a broad group's detailed occupations are its code with a last
    // digit of 1 to 9.
    let (stem, last) = soc.split_at(6);
    if last == "0" {
        return release.group(soc).then(|| (soc.to_owned(), Reach::Group));
    }
    if release.detailed(soc) {
        return Some((soc.to_owned(), Reach::Detailed));
    }
    if let Some(onet_has) = onet_has {
        let mut combined = ('1'..='9')
            .map(|d| format!("{stem}{d}"))
            .filter(|c| c != soc && release.detailed(c) && !onet_has(c));
        if let (Some(one), None) = (combined.next(), combined.next()) {
            return Some((one, Reach::Combined));
        }
    }
    let broad = format!("{stem}0");
    release.group(&broad).then_some((broad, Reach::Broad))
}

impl Store {
    /// Whether the O*NET release in use has an occupation under the 6-digit SOC code `soc`
    /// (`21-1014` has `21-1014.00`); `None` without a release.
    pub(crate) fn onet_has_soc(&self, soc: &str) -> Option<bool> {
        let names = &self.onet.as_ref()?.stored.names;
        // The names are in code order: the first code at or after "21-1014." starts with it
        // when any does.
        let prefix = format!("{soc}.");
        let (mut lo, mut hi) = (0, names.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if names.get(mid).code < prefix.as_str() {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        Some(lo < names.len() && names.get(lo).code.starts_with(&prefix))
    }

    /// [`most_detailed`] with the O*NET release in use as the list of O*NET's codes.
    pub(crate) fn bls_code(&self, soc: &str, release: &impl Publishes) -> Option<(String, Reach)> {
        let onet_has = |c: &str| self.onet_has_soc(c).unwrap_or(true);
        let known: Option<&dyn Fn(&str) -> bool> = self.onet.as_ref().map(|_| &onet_has as _);
        most_detailed(soc, release, known)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A release that publishes these detailed codes and these groups.
    struct Release(&'static [&'static str], &'static [&'static str]);

    impl Publishes for Release {
        fn detailed(&self, soc: &str) -> bool {
            self.0.contains(&soc)
        }
        fn group(&self, soc: &str) -> bool {
            self.1.contains(&soc)
        }
    }

    const COUNSELORS: Release = Release(
        &["21-1012", "21-1013", "21-1015", "21-1018", "21-1019"],
        &["21-1010"],
    );

    fn onet(code: &str) -> bool {
        [
            "21-1011", "21-1012", "21-1013", "21-1014", "21-1015", "21-1019",
        ]
        .contains(&code)
    }

    #[test]
    fn an_occupation_published_under_its_own_code_is_answered_by_it() {
        assert_eq!(
            most_detailed("21-1012", &COUNSELORS, Some(&onet)),
            Some(("21-1012".to_owned(), Reach::Detailed))
        );
    }

    #[test]
    fn the_one_detailed_code_o_net_lacks_is_the_combined_occupation() {
        for soc in ["21-1011", "21-1014"] {
            assert_eq!(
                most_detailed(soc, &COUNSELORS, Some(&onet)),
                Some(("21-1018".to_owned(), Reach::Combined)),
                "{soc}"
            );
        }
    }

    #[test]
    fn without_o_net_s_list_or_with_two_candidates_the_broad_group_answers() {
        assert_eq!(
            most_detailed("21-1014", &COUNSELORS, None),
            Some(("21-1010".to_owned(), Reach::Broad))
        );
        let two = Release(&["21-1017", "21-1018"], &["21-1010"]);
        assert_eq!(
            most_detailed("21-1014", &two, Some(&onet)),
            Some(("21-1010".to_owned(), Reach::Broad))
        );
        assert_eq!(
            most_detailed("21-1014", &Release(&[], &[]), Some(&onet)),
            None
        );
    }

    #[test]
    fn a_group_s_own_code_reaches_the_group_and_never_an_occupation_in_it() {
        assert_eq!(
            most_detailed("21-1010", &COUNSELORS, Some(&onet)),
            Some(("21-1010".to_owned(), Reach::Group))
        );
        assert_eq!(most_detailed("21-1020", &COUNSELORS, Some(&onet)), None);
    }
}
