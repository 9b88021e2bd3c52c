//! The BLS Employment Projections in use (the user's import, else the embedded release), and
//! how a role reaches them: an O*NET-SOC code by its SOC occupation (`15-2051.01` → `15-2051`),
//! else by the group BLS projects it in.

use serde::Serialize;

use super::bls_codes::{Publishes, Reach};
use super::{Entry, Store};
use crate::model::projection::{Education, EpWage, Experience, Projection, RowKind, Training};
use crate::projections::storage::{DATASET, Projections};

/// How a role's occupation stands to the row of BLS's projections that answers for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutlookBasis {
    /// The same SOC occupation.
    SameOccupation,
    /// An O*NET occupation within that SOC occupation (`15-2051.01` in `15-2051`).
    WithinOccupation,
    /// BLS projects the occupation only combined with others, as a line item of its own
    /// (`21-1014.00` in `21-1018`).
    Combined,
    /// BLS projects the occupation only within a group that contains it.
    Group,
    /// The code asked for is a BLS group (`15-1250`, `29-0000`): its own summary row.
    BlsGroup,
}

/// A role's occupation and the projections row for it.
#[derive(Debug, Clone, Serialize)]
pub struct OutlookLink<'a> {
    /// The role's O*NET-SOC code.
    #[serde(rename = "code")]
    pub onet_code: String,
    pub basis: OutlookBasis,
    pub projection: &'a Projection,
}

/// Why one of a role's codes has no projections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum NoProjection {
    /// The profile links no O*NET-SOC occupation.
    NoLinkedOccupation,
    /// The code is not an O*NET-SOC code.
    NotACode { code: String },
    /// BLS projects neither the occupation nor a group of it.
    NotProjected { release: String, soc: String },
    /// The row that would answer was left out by an import under `--force` (or one that names
    /// no occupation was, and this may be it): why, in words.
    Incomplete { soc: String, incomplete: String },
}

/// The release of BLS's projections in use, as every figure from it names it.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectionsSource {
    /// "BLS Employment Projections 2024-34".
    pub name: String,
    /// "2024-34".
    pub release: String,
    /// The years of the release, which its name and `release` give in JSON.
    #[serde(skip)]
    pub base_year: u16,
    #[serde(skip)]
    pub projected_year: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// How BLS asks to be cited.
    pub citation: String,
}

/// One row of BLS's projections, as facts: counts are jobs, percentages are numbers
/// (`3.1` is 3.1%), a figure BLS does not publish is left out.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectionFacts {
    /// The store's id of the O*NET occupation with this SOC code, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// That occupation's O*NET-SOC code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// BLS's SOC code: `15-2051`.
    pub soc: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employment_base: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employment_projected: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change_percent: Option<f64>,
    /// Average openings a year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub openings: Option<u64>,
    /// Of them, from growth (negative when the occupation shrinks).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub openings_growth: Option<i64>,
    /// Of them, from workers leaving the labour force.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub openings_labor_force_exits: Option<u64>,
    /// Of them, from workers moving to other occupations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub openings_occupational_transfers: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub self_employed_percent: Option<f64>,
    /// EP's median annual wage of the base year: EP's figure, not the OEWS wage of `salary`.
    pub ep_median_wage: WageFact,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub education: Option<Education>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub experience: Option<Experience>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub training: Option<Training>,
    /// Why the row may not be BLS's whole answer: an import under `--force` left out rows of
    /// this occupation (or rows that name none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incomplete: Option<String>,
}

/// A group's change, to set an occupation's against.
#[derive(Debug, Clone, Serialize)]
pub struct GroupChange {
    pub soc: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change_percent: Option<f64>,
}

/// The projections of one of a role's occupations.
#[derive(Debug, Serialize)]
pub struct OccupationOutlook {
    /// The role's O*NET-SOC code this answers for; a BLS code asked for directly (`15-1250`)
    /// is `projection.soc` alone.
    #[serde(rename = "code", skip_serializing_if = "super::codes::is_bls_code")]
    pub onet_code: String,
    pub basis: OutlookBasis,
    pub projection: ProjectionFacts,
    /// The occupation's SOC major group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub major_group: Option<GroupChange>,
}

/// EP's median annual wage, as JSON gives it: `{"kind": "dollars", "dollars": 112590}`,
/// `{"kind": "at-least", "dollars": 239200}`, `{"kind": "not-published"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "dollars")]
pub enum WageFact {
    Dollars(u64),
    AtLeast(u64),
    NotPublished,
}

/// What ranks occupations in a list of projections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum OutlookRank {
    /// Fastest growth in percent
    #[value(alias = "fastest")]
    Growth,
    /// Most jobs added
    Change,
    /// Most average annual openings
    Openings,
    /// Fastest decline in percent
    #[value(alias = "declining")]
    Decline,
}

/// Which occupations a list of projections takes.
#[derive(Debug, Clone, Default)]
pub struct OutlookFilter {
    /// SOC major groups (`29`), any of them; empty for all.
    pub groups: Vec<String>,
    /// The highest typical entry education.
    pub education: Option<Education>,
}

impl Store {
    /// The projections release in use, opened on first use. A damaged import answers with the
    /// embedded release and a warning ([`Store::projections_warning_if_opened`]).
    pub fn projections(&self) -> Option<&Projections> {
        self.projections_layer().release.as_ref()
    }

    /// Why the projections imported in the data directory are not the ones answering, when a
    /// command has opened them: nothing is read to say it.
    pub fn projections_warning_if_opened(&self) -> Option<&str> {
        self.projections.get()?.warning.as_deref()
    }

    fn projections_layer(&self) -> &crate::datadir::release::Layered<Projections> {
        self.projections.get_or_init(|| {
            let imported = match &self.imports_dir {
                Some(dir) => Projections::open(dir),
                None => Ok(None),
            };
            let embedded = self.embedded;
            crate::datadir::release::Layered::choose(
                imported,
                || embedded.then(super::embedded::projections).flatten(),
                |p| format!("{} {}", DATASET.title, p.release_name()),
            )
        })
    }

    /// BLS's own words, which every output that shows its figures carries once.
    pub fn bls_notice(&self) -> &'static str {
        crate::oews::NOTICE
    }

    /// The projections of each of a role's occupations, and why the others have none.
    pub fn outlook_links(&self, entry: &Entry) -> (Vec<OutlookLink<'_>>, Vec<NoProjection>) {
        let Some(projections) = self.projections() else {
            return (Vec::new(), Vec::new());
        };
        let codes = Store::onet_codes(entry);
        if codes.is_empty() {
            return (Vec::new(), vec![NoProjection::NoLinkedOccupation]);
        }
        let mut links: Vec<OutlookLink<'_>> = Vec::new();
        let mut missing = Vec::new();
        for code in codes {
            match link(self, projections, &code) {
                Ok(l) => {
                    if !links.iter().any(|k| k.projection.code == l.projection.code) {
                        links.push(l);
                    }
                }
                Err(why) => missing.push(why),
            }
        }
        (links, missing)
    }

    /// The occupations whose rows an import under `--force` left out, among the SOC major
    /// groups of `filter` (all when it names none), each as [`NoProjection::Incomplete`]; and
    /// why every answer of the release is incomplete, when rows naming no occupation were left
    /// out.
    pub fn projections_left_out(
        &self,
        filter: &OutlookFilter,
    ) -> (Vec<NoProjection>, Option<String>) {
        let Some(projections) = self.projections() else {
            return (Vec::new(), None);
        };
        let skipped = projections.skipped();
        let codes = skipped
            .codes
            .iter()
            .filter(|(code, _)| {
                filter.groups.is_empty() || filter.groups.iter().any(|g| code.starts_with(g))
            })
            .map(|(code, why)| NoProjection::Incomplete {
                soc: code.clone(),
                incomplete: why.clone(),
            })
            .collect();
        (codes, skipped.whole.clone())
    }

    /// The occupations `filter` takes, ranked by `rank`, the first `top`; and how many the
    /// filter took in all. An occupation without the figure that ranks is left out.
    pub fn rank_projections(
        &self,
        rank: OutlookRank,
        filter: &OutlookFilter,
        top: usize,
    ) -> (Vec<&Projection>, usize) {
        let Some(projections) = self.projections() else {
            return (Vec::new(), 0);
        };
        let mut taken: Vec<(&Projection, i64)> = projections
            .occupations()
            .filter(|p| {
                filter.groups.is_empty() || filter.groups.iter().any(|g| p.code.starts_with(g))
            })
            .filter(|p| match filter.education {
                Some(most) => p.education.is_some_and(|e| e <= most),
                None => true,
            })
            .filter_map(|p| {
                let key = match rank {
                    OutlookRank::Growth => p.change_percent.map(i64::from),
                    OutlookRank::Decline => p.change_percent.map(|c| -i64::from(c)),
                    OutlookRank::Change => p.change,
                    OutlookRank::Openings => p.openings.and_then(|o| i64::try_from(o).ok()),
                }?;
                Some((p, key))
            })
            .collect();
        if rank == OutlookRank::Decline {
            taken.retain(|(p, _)| p.change_percent.is_some_and(|c| c < 0));
        }
        let all = taken.len();
        // Ties go to the larger occupation, then to the code: the same order on every run.
        taken.sort_by(|(a, ka), (b, kb)| {
            kb.cmp(ka)
                .then_with(|| b.employment_base.cmp(&a.employment_base))
                .then_with(|| a.code.cmp(&b.code))
        });
        (taken.into_iter().take(top).map(|(p, _)| p).collect(), all)
    }
}

/// The rows of the projections, as [`super::bls_codes`] asks them: occupations are BLS's line
/// items; a group is any row, as BLS projects some broad groups as line items (`29-2010`). A
/// code whose row an import left out counts as published, so that the answer is that row's
/// (incomplete), never a group's in its place.
struct Rows<'a>(&'a Projections);

impl Rows<'_> {
    fn left_out(&self, soc: &str) -> bool {
        self.0.skipped().code(&soc.to_owned()).is_some()
    }
}

impl Publishes for Rows<'_> {
    fn detailed(&self, soc: &str) -> bool {
        match self.0.get(soc) {
            Some(p) => p.kind == RowKind::Occupation,
            // A detailed code ends in 1 to 9.
            None => !soc.ends_with('0') && self.left_out(soc),
        }
    }

    fn group(&self, soc: &str) -> bool {
        self.0.get(soc).is_some() || self.left_out(soc)
    }
}

/// The projections row of an O*NET-SOC code: the most detailed one BLS projects for it
/// ([`super::bls_codes`]): its SOC occupation's, else the combined occupation it is in, else
/// the smallest group of it BLS projects. A BLS group's own code (`15-1250`) reaches the group.
fn link<'a>(
    store: &Store,
    projections: &'a Projections,
    onet_code: &str,
) -> Result<OutlookLink<'a>, NoProjection> {
    let soc = onet_code.split_once('.').map_or(onet_code, |(soc, _)| soc);
    let b = soc.as_bytes();
    if b.len() != 7
        || b[2] != b'-'
        || !b
            .iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit())
    {
        return Err(NoProjection::NotACode {
            code: onet_code.to_owned(),
        });
    }
    let make = |projection, basis| OutlookLink {
        onet_code: onet_code.to_owned(),
        basis,
        projection,
    };
    if let Some((code, reach)) = store.bls_code(soc, &Rows(projections)) {
        let within = onet_code.split_once('.').is_some_and(|(_, s)| s != "00");
        let basis = match reach {
            Reach::Detailed if within => OutlookBasis::WithinOccupation,
            Reach::Detailed => OutlookBasis::SameOccupation,
            Reach::Combined => OutlookBasis::Combined,
            Reach::Broad => OutlookBasis::Group,
            Reach::Group => OutlookBasis::BlsGroup,
        };
        if let Some(p) = projections.get(&code) {
            return Ok(make(p, basis));
        }
        if let Some(why) = projections.skipped().code(&code) {
            return Err(NoProjection::Incomplete {
                soc: code,
                incomplete: why.to_owned(),
            });
        }
    }
    // A minor group (15-2000) when BLS projects neither the occupation nor its broad group.
    let minor = format!("{}000", &soc[..4]);
    if let Some(p) = projections
        .get(&minor)
        .filter(|p| minor != soc && p.kind == RowKind::Summary)
    {
        return Ok(make(p, OutlookBasis::Group));
    }
    if let Some(why) = &projections.skipped().whole {
        return Err(NoProjection::Incomplete {
            soc: soc.to_owned(),
            incomplete: why.clone(),
        });
    }
    Err(NoProjection::NotProjected {
        release: format!("BLS Employment Projections {}", projections.release_name()),
        soc: soc.to_owned(),
    })
}

impl Store {
    /// The projections release in use, as every figure from it names it.
    pub fn projections_source(&self) -> Option<ProjectionsSource> {
        let p = self.projections()?;
        let (base_year, projected_year) = p.years();
        Some(ProjectionsSource {
            name: format!("{} {}", DATASET.title, p.release_name()),
            release: p.release_name().to_owned(),
            base_year,
            projected_year,
            published: p.manifest.release.published.clone(),
            citation: format!(
                "U.S. Bureau of Labor Statistics, Employment Projections program, \"Occupational projections, {}\"",
                p.release_name()
            ),
        })
    }

    /// All occupations' change together (`00-0000`).
    pub fn all_occupations_change(&self) -> Option<GroupChange> {
        self.projections()?.total().map(group_change)
    }

    /// BLS's projections of each of a role's occupations, with their major groups; and why
    /// the others have none.
    pub fn occupation_outlooks(
        &self,
        entry: &Entry,
    ) -> (Vec<OccupationOutlook>, Vec<NoProjection>) {
        let (links, missing) = self.outlook_links(entry);
        let outlooks = links
            .iter()
            .map(|l| OccupationOutlook {
                onet_code: l.onet_code.clone(),
                basis: l.basis,
                projection: self.projection_facts(l.projection),
                major_group: self
                    .projections()
                    .and_then(|all| all.get(&l.projection.major_group()))
                    .filter(|g| g.code != l.projection.code)
                    .map(group_change),
            })
            .collect();
        (outlooks, missing)
    }

    /// A projections row as facts, with the O*NET occupation of its code when the store has
    /// one.
    pub fn projection_facts(&self, p: &Projection) -> ProjectionFacts {
        let code = format!("{}.00", p.code);
        let id = self.onet_id(&code).map(str::to_owned);
        ProjectionFacts {
            code: id.as_ref().map(|_| code),
            id,
            soc: p.code.clone(),
            title: p.title.clone(),
            employment_base: p.employment_base,
            employment_projected: p.employment_projected,
            change: p.change,
            change_percent: p.change_percent.map(tenths),
            openings: p.openings,
            openings_growth: p.openings_from_growth(),
            openings_labor_force_exits: p.openings_labor_force_exits,
            openings_occupational_transfers: p.openings_occupational_transfers,
            self_employed_percent: p
                .self_employed_percent
                .map(|s| tenths(i32::try_from(s).unwrap_or(i32::MAX))),
            ep_median_wage: match p.median_wage {
                EpWage::Dollars(d) => WageFact::Dollars(d),
                EpWage::AtLeast(d) => WageFact::AtLeast(d),
                EpWage::NotPublished => WageFact::NotPublished,
            },
            education: p.education,
            experience: p.experience,
            training: p.training,
            incomplete: self
                .projections()
                .and_then(|all| all.skipped().of(&p.code))
                .map(str::to_owned),
        }
    }
}

fn tenths(t: i32) -> f64 {
    f64::from(t) / 10.0
}

fn group_change(g: &Projection) -> GroupChange {
    GroupChange {
        soc: g.code.clone(),
        title: g.title.clone(),
        change_percent: g.change_percent.map(tenths),
    }
}
