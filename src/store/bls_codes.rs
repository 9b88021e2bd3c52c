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

use super::{Entry, Origin, Store};
use crate::error::CareersError;

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

/// BLS's codes that O*NET has no occupation under, with BLS's title of each: the groups and
/// combined occupations of the releases in use, in code order; each one's profile made the
/// first time it is asked for.
#[derive(Debug, Default)]
pub struct BlsCodes {
    codes: Vec<(String, String)>,
    entries: Vec<std::sync::OnceLock<Entry>>,
}

/// Whether `query` is written as a 6-digit SOC code (`15-1250`).
fn is_six_digit_code(query: &str) -> bool {
    let b = query.as_bytes();
    b.len() == 7
        && b[2] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit())
}

impl Store {
    /// A role by name ([`Store::resolve`]), or one of BLS's own codes asked for directly: a
    /// group (`15-1250`, `29-0000`) or a combined occupation (`21-1018`), whose figures the
    /// wages and projections then answer with. A code in that form that neither O*NET nor BLS
    /// has is an error that names the nearest codes BLS publishes.
    pub fn resolve_or_bls_code(&self, query: &str) -> Result<&Entry, CareersError> {
        let code = query.trim();
        match self.resolve(query) {
            Err(CareersError::UnknownRole { .. }) if is_six_digit_code(code) => {
                self.bls_entry(code)
            }
            other => other,
        }
    }

    fn bls_codes(&self) -> &BlsCodes {
        self.bls_codes.get_or_init(|| {
            let mut codes: Vec<(String, String)> = Vec::new();
            if let Ok(Some(stored)) = self.wages() {
                codes.extend(
                    stored
                        .tables
                        .occupations
                        .iter()
                        .map(|o| (o.soc(), o.name.to_string())),
                );
            }
            if let Some(projections) = self.projections() {
                codes.extend(
                    projections
                        .rows()
                        .map(|p| (p.code.clone(), p.title.clone())),
                );
                // A code whose row an import under `--force` left out is still BLS's: asked
                // for, it answers that its projection is incomplete, not that it is unknown.
                codes.extend(
                    projections
                        .skipped()
                        .codes
                        .iter()
                        .map(|(code, _)| (code.clone(), code.clone())),
                );
            }
            // OEWS's title first where both have the code: it is the one the wages show.
            codes.sort_by(|a, b| a.0.cmp(&b.0));
            codes.dedup_by(|a, b| a.0 == b.0);
            codes.retain(|(code, _)| {
                is_six_digit_code(code) && !self.onet_has_soc(code).unwrap_or(false)
            });
            BlsCodes {
                entries: codes.iter().map(|_| std::sync::OnceLock::new()).collect(),
                codes,
            }
        })
    }

    fn bls_entry(&self, code: &str) -> Result<&Entry, CareersError> {
        let bls = self.bls_codes();
        let Ok(i) = bls.codes.binary_search_by(|(c, _)| c.as_str().cmp(code)) else {
            return Err(CareersError::UnknownCode {
                code: code.to_owned(),
                suggestions: nearest_codes(&bls.codes, code),
            });
        };
        Ok(bls.entries[i].get_or_init(|| {
            let (code, title) = &bls.codes[i];
            let profile = serde_json::json!({
                "id": code,
                "title": title,
                "summary": format!("BLS's SOC code {code}, {title}, as BLS publishes its figures."),
                "codes": [{"system": "onet-soc", "code": code, "title": title}],
            });
            Entry {
                profile: serde_json::from_value(profile)
                    .expect("a profile of an id, a title, a summary and a code"),
                origin: Origin::Bls,
            }
        }))
    }
}

/// The three codes of `codes` nearest `code` in its major group, groups first when `code` is
/// written as one: "15-1250 (Software and Web Developers, Programmers, and Testers)".
fn nearest_codes(codes: &[(String, String)], code: &str) -> Vec<String> {
    let value = |c: &str| c.replace('-', "").parse::<i64>().unwrap_or(0);
    let wanted = value(code);
    let group = code.ends_with('0');
    let mut near: Vec<&(String, String)> = codes
        .iter()
        .filter(|(c, _)| c.get(..2) == code.get(..2))
        .collect();
    near.sort_by_key(|(c, _)| (c.ends_with('0') != group, (value(c) - wanted).abs()));
    near.iter()
        .take(3)
        .map(|(c, title)| format!("{c} ({title})"))
        .collect()
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
