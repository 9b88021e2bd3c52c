//! `careers find`: the occupations and curated roles that meet every filter asked for (entry
//! education, job zone, interests, pay at a place and in U.S.-average prices, growth,
//! openings, SOC group, title words, skills, knowledge, technology), ranked. A role without a
//! figure a filter needs is left out and counted by what it lacks, never read as zero.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::Context;
use crate::cli::{FindArgs, FindSort};
use crate::model::interests::InterestCode;
use crate::model::onet::RatingKind;
use crate::model::projection::{Education, Projection};
use crate::store::find::{ElementImportance, MedianPay, holds_words};
use crate::store::projections::{NoProjection, OutlookBasis, ProjectionsSource};
use crate::store::wages::{AreaRef, WageBasis};
use crate::store::{Entry, Origin, Store};

/// The figure a role lacked that a filter needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Lacking {
    /// No O*NET occupation: a curated role that links none.
    Occupation,
    /// BLS's typical entry education.
    Education,
    /// O*NET's job zone.
    JobZone,
    /// O*NET's interest high-points.
    InterestCode,
    /// BLS's projected change of jobs.
    Growth,
    /// BLS's projected openings.
    Openings,
    /// A BLS OEWS median at the place.
    Median,
    /// O*NET's (reliable) rating of the skill.
    SkillRating,
    /// O*NET's (reliable) rating of the knowledge area.
    KnowledgeRating,
}

/// How many roles met every filter they had the figures for but lacked one.
#[derive(Debug, Clone, Serialize)]
pub struct LeftOut {
    pub lacking: Lacking,
    pub count: usize,
    /// Those of them that lack BLS's projected figures because an import under `--force` left
    /// out their rows, each with why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub incomplete: Vec<IncompleteRole>,
}

/// A role whose projections an import under `--force` left out, and why.
#[derive(Debug, Clone, Serialize)]
pub struct IncompleteRole {
    pub id: String,
    pub incomplete: String,
}

/// A skill or knowledge area a filter names, as O*NET does.
#[derive(Debug, Clone, Serialize)]
pub struct ElementRef {
    pub id: String,
    pub name: String,
}

/// The filters, as they were read.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FindFilters {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub education: Option<Education>,
    /// The lowest and highest job zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zones: Option<(u8, u8)>,
    /// The interest code asked for (`IA`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interests: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_pay: Option<u64>,
    pub real: bool,
    /// The least growth, in percent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub growth: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_openings: Option<u64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skill: Option<ElementRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub knowledge: Option<ElementRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tech: Option<String>,
}

/// One role found.
#[derive(Debug, Clone, Serialize)]
pub struct FoundRole {
    pub rank: usize,
    pub id: String,
    pub title: String,
    pub origin: Origin,
    /// The O*NET-SOC code whose figures these are (JSON gives it in `codes`).
    #[serde(skip)]
    pub code: Option<String>,
    #[serde(flatten)]
    pub codes: crate::store::codes::RoleCodes,
    /// The BLS OEWS annual median at the place, cross-industry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub median: Option<MedianPay>,
    /// The same in U.S.-average prices, with `--real`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub real_median: Option<MedianPay>,
    /// BLS's projected change of jobs, percent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub growth_percent: Option<f64>,
    /// BLS's projected openings a year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub openings: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub education: Option<Education>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_zone: Option<u8>,
    /// O*NET's interest high-points, strongest first (`ICR`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interest_code: Option<String>,
    /// Iachan's M index of `--interests` against `interest_code`, 0-28.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interest_fit: Option<u32>,
    /// The importance (1-5) O*NET rates `--skill` in the occupation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skill_importance: Option<f64>,
    /// Likewise for `--knowledge`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub knowledge_importance: Option<f64>,
}

/// The place pay is read at.
#[derive(Debug, Clone, Serialize)]
pub struct PayPlace {
    pub area: AreaRef,
    /// BEA's all-items price level of the place (U.S. = 100), with `--real`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price_level: Option<f64>,
}

/// What `find` answers.
#[derive(Debug, Serialize)]
pub struct FindReport {
    pub filters: FindFilters,
    pub sort: FindSort,
    /// How many roles met every filter (the list shows the first of them).
    pub matched: usize,
    /// How many roles were looked at: the curated and user profiles and the O*NET occupations.
    pub considered: usize,
    pub roles: Vec<FoundRole>,
    /// Roles left out for lack of a figure a filter needs, by the figure.
    pub left_out: Vec<LeftOut>,
    /// Where the pay is: the nation unless `--city` says otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<PayPlace>,
    /// The OEWS release ("BLS OEWS May 2025").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wages_source: Option<crate::store::wages::WagesSource>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projections_source: Option<ProjectionsSource>,
    /// The release of BEA's price parities, with `--real`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prices_source: Option<crate::store::prices::PricesSource>,
    /// The O*NET release the skill and knowledge ratings come from, when a filter used them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratings_release: Option<String>,
    pub notice: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

impl crate::model::credits::Credited for FindReport {
    fn credits(&self) -> crate::model::credits::Credits<'_> {
        crate::model::credits::Credits::none()
            .bls(Some(self.notice))
            .onet(self.attribution.as_deref())
    }
}

/// One role on its way through the filters.
struct Candidate<'a> {
    entry: &'a Entry,
    /// The O*NET occupation whose figures stand for the role, by position.
    onet: Option<usize>,
    code: Option<String>,
    zone: Option<u8>,
    interest_code: Option<String>,
    projection: Option<&'a Projection>,
    /// Why it has no projection, when an import under `--force` left out its row.
    projection_incomplete: Option<String>,
    /// Whether `projection` has been looked up.
    projection_read: bool,
    /// The OEWS occupation whose median stands for the role, once pay is read.
    wage: Option<usize>,
    fit: Option<u32>,
    median: Option<MedianPay>,
    real: Option<MedianPay>,
    lacking: Vec<Lacking>,
    failed: bool,
}

impl Candidate<'_> {
    /// Records a filter's verdict: `Some(true)` met, `Some(false)` not, `None` the figure is
    /// missing.
    fn check(&mut self, verdict: Option<bool>, lacking: Lacking) {
        match verdict {
            Some(true) => {}
            Some(false) => self.failed = true,
            None => self.lacking.push(lacking),
        }
    }

    fn alive(&self) -> bool {
        !self.failed
    }
}

impl<'a> Candidate<'a> {
    /// Looks up the projections row that stands for the role: its first linked occupation's
    /// own or combined one, never a group's.
    fn read_projection(&mut self, store: &'a Store) {
        if self.projection_read {
            return;
        }
        let (links, missing) = store.outlook_links(self.entry);
        self.projection = links
            .into_iter()
            .find(|l| l.basis != OutlookBasis::Group)
            .map(|l| l.projection);
        self.projection_incomplete = missing.into_iter().find_map(|m| match m {
            NoProjection::Incomplete { incomplete, .. } => Some(incomplete),
            _ => None,
        });
        self.projection_read = true;
    }
}

pub fn run(ctx: &Context, args: &FindArgs) -> anyhow::Result<FindReport> {
    let store = &ctx.store;
    let sort = args.sort.unwrap_or(if args.interests.is_some() {
        FindSort::Interests
    } else {
        FindSort::Pay
    });
    if sort == FindSort::Interests && args.interests.is_none() {
        return Err(crate::error::CareersError::Usage(
            "--sort interests ranks by fit to --interests; give your interest code, such as --interests IA"
                .to_owned(),
        )
        .into());
    }
    let needs_projections =
        args.education.is_some() || args.growth.is_some() || args.min_openings.is_some();
    if needs_projections && store.projections().is_none() {
        anyhow::bail!(
            "no BLS Employment Projections release is in use, which --education, --growth and --min-openings need; import one with `careers import projections FILE`"
        );
    }
    let stored_wages = store.wages()?;
    // Ranking by pay by default needs no release: without one, roles go by title.
    let pay_asked =
        args.min_pay.is_some() || args.city.is_some() || args.sort == Some(FindSort::Pay);
    if pay_asked && stored_wages.is_none() {
        anyhow::bail!(
            "no BLS OEWS release is in use, which pay needs; import one with `careers import oews DIR`"
        );
    }
    let skill = element(store, RatingKind::Skill, args.skill.as_deref())?;
    let knowledge = element(store, RatingKind::Knowledge, args.knowledge.as_deref())?;
    let technology = match &args.tech {
        Some(words) => Some(store.technology_listing(words)?),
        None => None,
    };
    let title_words = args.title.as_deref().map(fold_words);
    let groups: Vec<String> = args.group.iter().map(|g| format!("{g}-")).collect();

    // The place pay is read at, and its price level.
    let area = match (&args.city, stored_wages) {
        (Some(city), Some(_)) => {
            let place = store.resolve_place(&crate::store::bundled_locations()?, city)?;
            Some(place.area.ok_or_else(|| {
                anyhow::anyhow!(
                    "\"{city}\" is a curated city without a BLS OEWS area; name its metro area or state (`careers places {city}`)"
                )
            })?)
        }
        (None, Some(_)) => store.national_area()?,
        _ => None,
    };
    let area_ref = match (area, stored_wages) {
        (Some(a), Some(s)) => Some(s.area_ref(a)),
        _ => None,
    };
    let parity = match (&area_ref, args.real) {
        (Some(a), true) => Some(store.area_parity(&a.code, a.kind).ok_or_else(|| {
            if let Some(why) = store.area_prices_incomplete(&a.code, a.kind) {
                return anyhow::anyhow!(
                    "the price level of {} ({}), which --real divides by, is incomplete: {why}; leave out --real for its pay in its own prices",
                    a.name,
                    a.code
                );
            }
            anyhow::anyhow!(
                "BEA publishes no price level for {} ({}), which --real divides by; leave out --real for its pay in its own prices",
                a.name,
                a.code
            )
        })?),
        _ => None,
    };

    // The projections row is read for every role still in only when a filter or the ranking
    // needs it; otherwise for the roles shown alone.
    let projections_needed =
        needs_projections || matches!(sort, FindSort::Growth | FindSort::Openings);
    let mut candidates: Vec<Candidate> = Vec::new();
    for entry in store.entries() {
        let (onet, code) = occupation_of(store, entry);
        let details = onet
            .map(|p| store.onet_entry_at(p))
            .and_then(|e| e.profile.onet.as_ref());
        let mut c = Candidate {
            entry,
            onet,
            code,
            zone: details.and_then(|d| d.job_zone.as_ref()).map(|z| z.zone),
            interest_code: details.and_then(|d| d.interest_code.clone()),
            projection: None,
            projection_incomplete: None,
            projection_read: false,
            wage: None,
            fit: None,
            median: None,
            real: None,
            lacking: Vec::new(),
            failed: false,
        };
        // The filters that read what the role already holds come first, the title's words
        // (folded as search folds them) and the projections after them: a role one filter
        // turns away is left out whatever the others say, and what it lacks counts only for a
        // role that meets every filter it has the figures for, so the order changes no answer.
        if !groups.is_empty() {
            let verdict = c
                .code
                .as_ref()
                .map(|code| groups.iter().any(|g| code.starts_with(g.as_str())));
            c.check(verdict, Lacking::Occupation);
        }
        if let Some((low, high)) = args.zone {
            let verdict = c.zone.map(|z| (low..=high).contains(&z));
            c.check(verdict, Lacking::JobZone);
        }
        if let Some(asked) = &args.interests {
            let theirs = c.interest_code.as_deref().and_then(InterestCode::of_onet);
            c.fit = theirs.as_ref().map(|t| asked.fit(t));
            let verdict = theirs.map(|t| asked.areas().contains(&t.first()));
            c.check(verdict, Lacking::InterestCode);
        }
        for (element, lacking) in [
            (&skill, Lacking::SkillRating),
            (&knowledge, Lacking::KnowledgeRating),
        ] {
            if let Some(e) = element {
                let verdict = importance_of(e, c.onet).map(|i| i >= IMPORTANT);
                c.check(verdict, lacking);
            }
        }
        if let Some(listing) = &technology {
            // A curated role without an O*NET occupation has no technology list to name it.
            let verdict = c.onet.map(|p| listing.get(p).copied().unwrap_or(false));
            c.check(verdict, Lacking::Occupation);
        }
        if !c.alive() {
            continue;
        }
        if let Some(words) = &title_words {
            let title = fold_words(&entry.profile.title);
            c.check(Some(holds_words(&title, words)), Lacking::Occupation);
            if !c.alive() {
                continue;
            }
        }
        if projections_needed {
            c.read_projection(store);
        }
        if let Some(most) = args.education {
            let verdict = c.projection.and_then(|p| p.education).map(|e| e <= most);
            c.check(verdict, Lacking::Education);
        }
        if let Some(least) = args.growth {
            // BLS rounds to a tenth of a percent, as the filter is compared in.
            let least = (least * 10.0).round() as i64;
            let verdict = c
                .projection
                .and_then(|p| p.change_percent)
                .map(|g| i64::from(g) >= least);
            c.check(verdict, Lacking::Growth);
        }
        if let Some(least) = args.min_openings {
            let verdict = c.projection.and_then(|p| p.openings).map(|o| o >= least);
            c.check(verdict, Lacking::Openings);
        }
        if c.alive() {
            candidates.push(c);
        }
    }

    // Pay last: it reads each occupation's estimates, so only for the roles still in.
    let pay_needed = args.min_pay.is_some() || sort == FindSort::Pay;
    if let Some(area) = area.filter(|_| pay_needed) {
        fill_pay(
            store,
            area,
            parity,
            &mut candidates.iter_mut().collect::<Vec<_>>(),
        )?;
        if let Some(least) = args.min_pay {
            for c in &mut candidates {
                let pay = if args.real { c.real } else { c.median };
                // A top-coded median is at least its amount: it meets any lower minimum.
                let verdict = pay.map(|p| p.dollars() >= least);
                c.check(verdict, Lacking::Median);
            }
        }
    }

    let considered = store.entries().len();
    let mut left: BTreeMap<Lacking, (usize, Vec<IncompleteRole>)> = BTreeMap::new();
    let mut kept: Vec<Candidate> = Vec::new();
    for c in candidates {
        if c.failed {
            continue;
        }
        if c.lacking.is_empty() {
            kept.push(c);
        } else {
            let mut lacking = c.lacking.clone();
            lacking.sort();
            lacking.dedup();
            for l in lacking {
                let (count, incomplete) = left.entry(l).or_default();
                *count += 1;
                let projected =
                    matches!(l, Lacking::Education | Lacking::Growth | Lacking::Openings);
                if let Some(why) = c.projection_incomplete.as_ref().filter(|_| projected) {
                    incomplete.push(IncompleteRole {
                        id: c.entry.profile.id.clone(),
                        incomplete: why.clone(),
                    });
                }
            }
        }
    }
    sort_candidates(&mut kept, sort, args.real);
    let matched = kept.len();
    kept.truncate(usize::from(args.top));
    for c in &mut kept {
        c.read_projection(store);
    }
    if let Some(area) = area.filter(|_| !pay_needed) {
        fill_pay(
            store,
            area,
            parity,
            &mut kept.iter_mut().collect::<Vec<_>>(),
        )?;
    }

    let roles: Vec<FoundRole> = kept
        .into_iter()
        .enumerate()
        .map(|(i, c)| FoundRole {
            rank: i + 1,
            id: c.entry.profile.id.clone(),
            title: c.entry.profile.title.clone(),
            origin: c.entry.origin.clone(),
            code: c.code.clone(),
            codes: c.entry.role_codes(),
            median: c.median,
            real_median: c.real,
            growth_percent: c
                .projection
                .and_then(|p| p.change_percent)
                .map(|g| f64::from(g) / 10.0),
            openings: c.projection.and_then(|p| p.openings),
            education: c.projection.and_then(|p| p.education),
            job_zone: c.zone,
            interest_code: c.interest_code.clone(),
            interest_fit: c.fit,
            skill_importance: skill
                .as_ref()
                .and_then(|e| importance_of(e, c.onet))
                .map(|i| f64::from(i) / 100.0),
            knowledge_importance: knowledge
                .as_ref()
                .and_then(|e| importance_of(e, c.onet))
                .map(|i| f64::from(i) / 100.0),
        })
        .collect();
    let ratings_release = skill
        .as_ref()
        .or(knowledge.as_ref())
        .map(|e| e.release.clone());
    let attribution = if ratings_release.is_some() {
        store.onet_attribution_with_ratings()
    } else {
        store.onet_attribution(
            roles
                .iter()
                .filter(|r| r.code.is_some())
                .filter_map(|r| store.onet_id(r.code.as_deref()?)),
        )
    };
    Ok(FindReport {
        filters: FindFilters {
            education: args.education,
            zones: args.zone,
            interests: args.interests.as_ref().map(InterestCode::letters),
            min_pay: args.min_pay,
            real: args.real,
            growth: args.growth,
            min_openings: args.min_openings,
            groups: args.group.clone(),
            title: args.title.clone(),
            skill: skill.as_ref().map(element_ref),
            knowledge: knowledge.as_ref().map(element_ref),
            tech: args.tech.clone(),
        },
        sort,
        matched,
        considered,
        roles,
        left_out: left
            .into_iter()
            .map(|(lacking, (count, incomplete))| LeftOut {
                lacking,
                count,
                incomplete,
            })
            .collect(),
        place: area_ref.map(|area| PayPlace {
            area,
            price_level: parity.map(crate::model::prices::parity_value),
        }),
        wages_source: stored_wages.map(crate::store::wages::WagesSource::of),
        projections_source: store.projections_source(),
        prices_source: parity.and_then(|_| store.prices_source()),
        ratings_release,
        notice: store.bls_notice(),
        attribution,
    })
}

/// Importance 3.00 ("important" on O*NET's 1-5 scale), in hundredths.
const IMPORTANT: u16 = 300;

fn element(
    store: &Store,
    kind: RatingKind,
    name: Option<&str>,
) -> anyhow::Result<Option<ElementImportance>> {
    let Some(name) = name else {
        return Ok(None);
    };
    store.element_importance(kind, name)?.map(Some).ok_or_else(|| {
        anyhow::anyhow!(
            "the O*NET release in use has no skill or knowledge ratings, which --skill and --knowledge need; import O*NET's Skills.txt and Knowledge.txt with it"
        )
    })
}

fn element_ref(e: &ElementImportance) -> ElementRef {
    ElementRef {
        id: e.id.clone(),
        name: e.name.clone(),
    }
}

fn importance_of(e: &ElementImportance, onet: Option<usize>) -> Option<u16> {
    e.importance.get(onet?).copied().flatten()
}

/// The O*NET occupation whose figures stand for a role: its own, or a curated role's first
/// linked one the release has; and that occupation's code (a curated role's first linked code
/// even when the release lacks it).
fn occupation_of(store: &Store, entry: &Entry) -> (Option<usize>, Option<String>) {
    let code = Store::onet_codes(entry).into_iter().next();
    let position = code.as_deref().and_then(|c| store.onet_position(c));
    (position, code)
}

/// A title's words, lower-cased and in the singular, as search compares them.
fn fold_words(text: &str) -> Vec<String> {
    crate::model::search_words(text).collect()
}

/// The median of each candidate at `area`, and in U.S.-average prices with a parity.
fn fill_pay(
    store: &Store,
    area: usize,
    parity: Option<crate::model::prices::Parity>,
    candidates: &mut [&mut Candidate],
) -> anyhow::Result<()> {
    for c in candidates.iter_mut() {
        c.wage = store
            .wage_links(c.entry)?
            .0
            .into_iter()
            .find(|l| l.basis != WageBasis::Aggregate)
            .map(|l| l.position);
    }
    // Each OEWS occupation once, however many roles stand on it.
    let mut positions: Vec<usize> = candidates.iter().filter_map(|c| c.wage).collect();
    positions.sort_unstable();
    positions.dedup();
    let medians = store.medians_at(area, &positions)?;
    for c in candidates.iter_mut() {
        let Some(wage) = c.wage else { continue };
        let Ok(i) = positions.binary_search(&wage) else {
            continue;
        };
        c.median = medians[i];
        c.real = parity.and_then(|p| {
            c.median.map(|m| match m {
                MedianPay::Dollars(d) => {
                    MedianPay::Dollars(crate::model::prices::in_us_prices(d, p))
                }
                MedianPay::AtLeast(d) => {
                    MedianPay::AtLeast(crate::model::prices::in_us_prices(d, p))
                }
            })
        });
    }
    Ok(())
}

fn sort_candidates(kept: &mut [Candidate], sort: FindSort, real: bool) {
    use std::cmp::Reverse;
    // Roles without the figure that ranks come last; ties go by title, then id.
    kept.sort_by(|a, b| {
        let key = |c: &Candidate| -> Option<Reverse<i128>> {
            Some(Reverse(match sort {
                FindSort::Pay => {
                    let pay = if real { c.real } else { c.median }?;
                    let (d, top) = pay.rank_key();
                    i128::from(d) * 2 + i128::from(top)
                }
                FindSort::Growth => i128::from(c.projection?.change_percent?),
                FindSort::Openings => i128::from(c.projection?.openings?),
                FindSort::Interests => i128::from(c.fit?),
                FindSort::Zone => -i128::from(c.zone?),
            }))
        };
        let (ka, kb) = (key(a), key(b));
        match (ka, kb) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| a.entry.profile.title.cmp(&b.entry.profile.title))
        .then_with(|| a.entry.profile.id.cmp(&b.entry.profile.id))
    });
}
