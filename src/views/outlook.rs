//! How `careers outlook` reads. One role: the growth its profile reports (dated, as reported),
//! BLS's projections of each of its occupations, and BLS OEWS's employment and median pay. A
//! list: a table of occupations. In CSV, a role is one record per figure, statement and BLS
//! figure; a list is one typed record per occupation.

use crate::commands::outlook::{OutlookList, OutlookReport, RoleOutlook};
use crate::commands::show::ShowOutlook;
use crate::model::salary::thousands;
use crate::model::wages::Unit;
use crate::model::{Figure, Quantity};
use crate::render::{Cell, Document, Records, Report, Table, Tone};
use crate::store::projections::{
    GroupChange, NoProjection, OccupationOutlook, OutlookBasis, OutlookRank, ProjectionFacts,
    ProjectionsSource, WageFact,
};
use crate::store::wages::HeadlineWage;
use crate::views::sections::{describe_source, figures_table, sources_note};
use crate::views::wages::{csv_value, figure_text, occupation_name, value_text};

impl Report for OutlookReport {
    fn attribution_column(&self) -> Option<bool> {
        matches!(self, OutlookReport::Role(_)).then_some(true)
    }

    fn document(&self) -> Document {
        match self {
            OutlookReport::Role(r) => role_document(r),
            OutlookReport::List(l) => list_document(l),
        }
    }

    fn records(&self) -> Records {
        match self {
            OutlookReport::Role(r) => role_records(r),
            OutlookReport::List(l) => list_records(l),
        }
    }
}

/// `+82,500`, `-1,200`, `0`.
fn signed(n: i64) -> String {
    let sign = match n {
        1.. => "+",
        ..0 => "-",
        0 => "",
    };
    format!("{sign}{}", thousands(n.unsigned_abs()))
}

/// `5,800 more`, `1,200 fewer`: a change as words, for text that must not start with a sign.
fn more_or_fewer(n: i64) -> String {
    match n {
        ..0 => format!("{} fewer", thousands(n.unsigned_abs())),
        _ => format!("{} more", thousands(n.unsigned_abs())),
    }
}

/// `33.5% more`, `4.0% fewer`.
fn percent_more_or_fewer(p: f64) -> String {
    if p < 0.0 {
        format!("{:.1}% fewer", -p)
    } else {
        format!("{p:.1}% more")
    }
}

/// `+33.5%`, `-4.0%`.
fn percent(p: f64) -> String {
    if p > 0.0 {
        format!("+{p:.1}%")
    } else {
        format!("{p:.1}%")
    }
}

pub fn jobs(n: Option<u64>) -> String {
    n.map_or_else(|| "not published".to_owned(), thousands)
}

fn wage(w: WageFact) -> String {
    match w {
        WageFact::Dollars(d) => format!("${}", thousands(d)),
        WageFact::AtLeast(d) => format!("at least ${}", thousands(d)),
        WageFact::NotPublished => "not published".to_owned(),
    }
}

pub fn change_text(p: &ProjectionFacts) -> String {
    match (p.change, p.change_percent) {
        (Some(c), Some(pc)) => format!("{} jobs ({})", signed(c), percent(pc)),
        (Some(c), None) => format!("{} jobs", signed(c)),
        (None, Some(pc)) => percent(pc),
        (None, None) => "not published".to_owned(),
    }
}

fn openings_text(p: &ProjectionFacts) -> String {
    let Some(total) = p.openings else {
        return "not published".to_owned();
    };
    let mut parts = Vec::new();
    if let Some(g) = p.openings_growth {
        parts.push(format!("{} from growth", signed(g)));
    }
    if let Some(e) = p.openings_labor_force_exits {
        parts.push(format!(
            "{} from workers leaving the labor force",
            thousands(e)
        ));
    }
    if let Some(t) = p.openings_occupational_transfers {
        parts.push(format!(
            "{} from workers moving to other occupations",
            thousands(t)
        ));
    }
    if parts.is_empty() {
        thousands(total)
    } else {
        format!("{}: {}", thousands(total), parts.join(", "))
    }
}

fn against_text(all: Option<&GroupChange>, group: Option<&GroupChange>) -> Option<String> {
    let parts: Vec<String> = [all, group]
        .into_iter()
        .flatten()
        .filter_map(|g| {
            let pc = g.change_percent?;
            Some(format!("{} {}", g.title, percent(pc)))
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

fn source_note(s: &ProjectionsSource) -> String {
    match &s.published {
        Some(date) => format!("Source: {} (published {date}).", s.name),
        None => format!("Source: {}.", s.name),
    }
}

fn basis_note(o: &OccupationOutlook) -> Option<String> {
    match o.basis {
        OutlookBasis::SameOccupation => None,
        OutlookBasis::WithinOccupation => Some(format!(
            "O*NET's {} is one of the occupations within {}, which BLS projects as a whole.",
            o.onet_code, o.projection.soc
        )),
        OutlookBasis::Combined => Some(format!(
            "BLS projects O*NET's {} only combined with other occupations, as {} {}.",
            o.onet_code, o.projection.soc, o.projection.title
        )),
        OutlookBasis::BlsGroup => Some(format!(
            "{} is a BLS group: these are the figures of the group as a whole.",
            o.projection.soc
        )),
        OutlookBasis::Group => Some(format!(
            "BLS does not project O*NET's {} on its own; these are the figures of the group that contains it.",
            o.onet_code
        )),
    }
}

fn no_projection_text(n: &NoProjection) -> String {
    match n {
        NoProjection::NoLinkedOccupation => {
            "the profile links no O*NET-SOC occupation, which BLS projects by".to_owned()
        }
        NoProjection::NotACode { code } => format!("\"{code}\" is not an O*NET-SOC code"),
        NoProjection::NotProjected { release, soc } => {
            format!("{release} projects neither {soc} nor a group of it")
        }
        NoProjection::Incomplete { soc, incomplete } => {
            format!("{soc} (incomplete: {incomplete})")
        }
    }
}

fn role_document(r: &RoleOutlook) -> Document {
    let mut doc = Document::default();
    doc.heading(1, format!("Outlook: {} ({})", r.title, r.id));
    if r.growth.is_empty() && r.outlook.is_empty() && r.code.is_none() && r.bls_code.is_none() {
        doc.paragraph(format!(
            "{}'s profile reports no growth figures or outlook.",
            r.id
        ));
    }
    if !r.growth.is_empty() {
        doc.heading(2, "Growth, as reported");
        doc.table(figures_table(r.growth.iter()));
        if let Some(note) = sources_note(r.growth.iter()) {
            doc.note(note);
        }
        if let Some(source) = &r.projections_source
            && !r.projections.is_empty()
        {
            doc.note(format!(
                "These figures are for the periods shown; {} follow.",
                source.name
            ));
        }
    }
    if !r.outlook.is_empty() {
        doc.heading(2, "Outlook");
        doc.list(r.outlook.iter().cloned());
    }
    match &r.projections_source {
        Some(source) if !r.projections.is_empty() => {
            doc.heading(
                2,
                format!(
                    "Projections {}-{} (BLS)",
                    source.base_year, source.projected_year
                ),
            );
            for o in &r.projections {
                projection_block(&mut doc, o, r.all_occupations.as_ref(), source);
            }
            doc.note(source_note(source));
        }
        Some(source) => {
            let why: Vec<String> = r.no_projections.iter().map(no_projection_text).collect();
            doc.note(format!(
                "No {} for {}: {}.",
                source.name,
                r.id,
                why.join("; ")
            ));
        }
        None => {
            doc.note(
                "No BLS Employment Projections release is in use: `careers import projections FILE` adds one.",
            );
        }
    }
    employment_block(&mut doc, r);
    doc
}

fn projection_block(
    doc: &mut Document,
    o: &OccupationOutlook,
    all: Option<&GroupChange>,
    source: &ProjectionsSource,
) {
    let p = &o.projection;
    doc.heading(3, format!("{} ({})", p.title, p.soc));
    if let Some(note) = basis_note(o) {
        doc.paragraph(note);
    }
    if let Some(why) = &p.incomplete {
        doc.paragraph(format!("Incomplete: {why}."));
    }
    let (base, end) = (source.base_year, source.projected_year);
    let mut fields = vec![
        (format!("Jobs {base}"), jobs(p.employment_base)),
        (format!("Jobs {end}"), jobs(p.employment_projected)),
        ("Change".to_owned(), change_text(p)),
    ];
    if let Some(against) = against_text(all, o.major_group.as_ref()) {
        fields.push(("All occupations".to_owned(), against));
    }
    fields.push(("Openings a year".to_owned(), openings_text(p)));
    if let Some(s) = p.self_employed_percent {
        fields.push((
            "Self-employed".to_owned(),
            format!("{s:.1}% of {base}'s jobs"),
        ));
    }
    let label = |t: Option<&'static str>| t.unwrap_or("not published").to_owned();
    fields.push((
        "Entry education".to_owned(),
        label(p.education.map(|e| e.label())),
    ));
    fields.push((
        "Related experience".to_owned(),
        label(p.experience.map(|e| e.label())),
    ));
    fields.push((
        "On-the-job training".to_owned(),
        label(p.training.map(|t| t.label())),
    ));
    fields.push((
        format!("EP median wage {base}"),
        format!("{} (EP's figure)", wage(p.ep_median_wage)),
    ));
    doc.fields(fields);
}

fn occupation(h: &HeadlineWage) -> String {
    occupation_name(&h.occupation)
}

fn employment_block(doc: &mut Document, r: &RoleOutlook) {
    match (&r.official_source, r.employment.is_empty()) {
        (Some(source), false) => {
            doc.heading(2, "Employment and pay today (BLS OEWS)");
            let mut table = Table::new(["Occupation", "Employment", "Median pay"]).numbers([1, 2]);
            for h in &r.employment {
                table.row([
                    Cell::new(occupation(h)),
                    Cell::tone(figure_text(h.employment.as_ref()), Tone::Strong),
                    Cell::new(figure_text(h.median.as_ref())),
                ]);
            }
            doc.table(table);
            let place = r.employment.first().map_or("", |h| h.area.name.as_str());
            doc.note(format!("Source: {source} · {place}, cross-industry."));
        }
        (Some(source), true) => {
            let why = r
                .no_estimates
                .as_ref()
                .map_or_else(String::new, |reason| format!(": {reason}"));
            doc.note(format!("No {source} estimates for {}{why}.", r.id));
        }
        (None, _) => {
            doc.note("No BLS OEWS release is in use: `careers import oews DIR` adds one.");
        }
    }
}

fn list_title(l: &OutlookList) -> String {
    let what = match l.rank {
        OutlookRank::Growth => "Fastest-growing occupations",
        OutlookRank::Change => "Occupations adding the most jobs",
        OutlookRank::Openings => "Occupations with the most openings",
        OutlookRank::Decline => "Fastest-declining occupations",
    };
    let s = &l.projections_source;
    format!("{what}, {}-{} (BLS)", s.base_year, s.projected_year)
}

fn list_document(l: &OutlookList) -> Document {
    let mut doc = Document::default();
    doc.heading(1, list_title(l));
    let mut filters = Vec::new();
    if !l.groups.is_empty() {
        filters.push(format!("SOC major group {}", l.groups.join(" or ")));
    }
    if let Some(e) = l.education {
        filters.push(format!("entry education at most: {}", e.label()));
    }
    let shown = l.occupations.len();
    let counted = if shown < l.matched {
        format!("the first {shown} of {} occupations", l.matched)
    } else {
        format!("{} occupations", l.matched)
    };
    if filters.is_empty() {
        doc.paragraph(format!("{}.", capital(&counted)));
    } else {
        doc.paragraph(format!("{}: {}.", capital(&filters.join("; ")), counted));
    }
    let s = &l.projections_source;
    let mut table = Table::new([
        "Occupation".to_owned(),
        "SOC".to_owned(),
        format!("Jobs {}", s.base_year),
        "Change".to_owned(),
        "Openings a year".to_owned(),
        "Entry education".to_owned(),
    ])
    .wide(0)
    .ids(1)
    .numbers([2, 3, 4]);
    for p in &l.occupations {
        let change = p.change_percent.map_or_else(|| "-".to_owned(), percent);
        table.row([
            Cell::new(p.title.clone()),
            Cell::new(p.soc.clone()),
            Cell::new(jobs(p.employment_base)),
            Cell::tone(change, Tone::Strong),
            Cell::new(p.openings.map_or_else(|| "-".to_owned(), thousands)),
            Cell::new(p.education.map_or("-", |e| e.short())),
        ]);
    }
    doc.table(table);
    if !l.left_out.is_empty() {
        let each: Vec<String> = l.left_out.iter().map(no_projection_text).collect();
        doc.note(format!(
            "Not ranked, as the import left out {} row{}: {}.",
            if l.left_out.len() == 1 {
                "its"
            } else {
                "their"
            },
            if l.left_out.len() == 1 { "" } else { "s" },
            each.join("; ")
        ));
    }
    if let Some(why) = &l.incomplete {
        doc.note(format!("Incomplete: {why}."));
    }
    if let Some(pc) = l.all_occupations.as_ref().and_then(|a| a.change_percent) {
        doc.note(format!(
            "All occupations: {} jobs {}-{}. {}",
            percent(pc),
            s.base_year,
            s.projected_year,
            source_note(s)
        ));
    } else {
        doc.note(source_note(s));
    }
    doc
}

fn capital(text: &str) -> String {
    crate::views::sections::capitalize(text)
}

const LIST_COLUMNS: [&str; 22] = [
    "rank",
    "id",
    "code",
    "soc",
    "title",
    "employment_base",
    "employment_projected",
    "change",
    "change_percent",
    "openings",
    "openings_growth",
    "openings_labor_force_exits",
    "openings_occupational_transfers",
    "self_employed_percent",
    "ep_median_wage",
    "ep_median_wage_kind",
    "education",
    "experience",
    "training",
    "base_year",
    "projected_year",
    "incomplete",
];

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn kebab<T: serde::Serialize>(v: Option<T>) -> String {
    v.and_then(|v| serde_json::to_value(v).ok())
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn wage_columns(w: WageFact) -> (String, &'static str) {
    match w {
        WageFact::Dollars(d) => (d.to_string(), "dollars"),
        WageFact::AtLeast(d) => (d.to_string(), "at-least"),
        WageFact::NotPublished => (String::new(), "not-published"),
    }
}

fn list_records(l: &OutlookList) -> Records {
    let mut records = Records::new(LIST_COLUMNS).marking_official();
    let s = &l.projections_source;
    for (i, p) in l.occupations.iter().enumerate() {
        let (wage, kind) = wage_columns(p.ep_median_wage);
        records.push_official([
            (i + 1).to_string(),
            p.id.clone().unwrap_or_default(),
            p.code.clone().unwrap_or_default(),
            p.soc.clone(),
            p.title.clone(),
            opt(p.employment_base),
            opt(p.employment_projected),
            opt(p.change),
            opt(p.change_percent),
            opt(p.openings),
            opt(p.openings_growth),
            opt(p.openings_labor_force_exits),
            opt(p.openings_occupational_transfers),
            opt(p.self_employed_percent),
            wage,
            kind.to_owned(),
            kebab(p.education),
            kebab(p.experience),
            kebab(p.training),
            s.base_year.to_string(),
            s.projected_year.to_string(),
            p.incomplete.clone().unwrap_or_default(),
        ]);
    }
    records.id_first()
}

/// The columns of a record of one fact about a role (`outlook`, `compare`, `trends`): the
/// role's id, which part of the report, what it is about, whether the source publishes it, the
/// number and its unit, the text the table shows, the period and the source.
pub(crate) const FACT_COLUMNS: [&str; 9] = [
    "id", "part", "what", "status", "value", "unit", "text", "period", "source",
];

/// One record of [`FACT_COLUMNS`].
pub(crate) struct Fact<'a> {
    pub id: &'a str,
    pub part: &'a str,
    pub what: String,
    pub status: &'a str,
    pub value: String,
    pub unit: &'a str,
    pub text: String,
    pub period: String,
    pub source: String,
}

impl Fact<'_> {
    pub(crate) fn row(self) -> [String; 9] {
        [
            self.id.to_owned(),
            self.part.to_owned(),
            self.what,
            self.status.to_owned(),
            self.value,
            self.unit.to_owned(),
            self.text,
            self.period,
            self.source,
        ]
    }
}

/// A record of text alone: an outlook statement, an industry, a trend.
pub(crate) fn text_fact<'a>(id: &'a str, part: &'a str, what: &str, text: &str) -> Fact<'a> {
    Fact {
        id,
        part,
        what: what.to_owned(),
        status: "",
        value: String::new(),
        unit: "",
        text: text.to_owned(),
        period: String::new(),
        source: String::new(),
    }
}

/// The records of a profile's reported figures (growth, market size, adoption).
pub(crate) fn figure_facts(records: &mut Records, id: &str, part: &str, figures: &[Figure]) {
    for f in figures {
        let (value, unit) = match f.value {
            Quantity::Percent { value } => (value, "percent"),
            Quantity::UsdBillions { value } => (value, "usd-billions"),
        };
        records.push(
            Fact {
                id,
                part,
                what: f.metric.clone(),
                status: "reported",
                value: value.to_string(),
                unit,
                text: f.value.to_string(),
                period: f.period.clone().unwrap_or_default(),
                source: f.source.as_ref().map(describe_source).unwrap_or_default(),
            }
            .row(),
        );
    }
}

/// The records of BLS's projections of a role's occupations, each figure a record.
pub(crate) fn projection_facts(
    records: &mut Records,
    id: &str,
    projections: &[OccupationOutlook],
    s: &ProjectionsSource,
) {
    let period = format!("{}-{}", s.base_year, s.projected_year);
    for o in projections {
        let p = &o.projection;
        let what = format!("{} ({})", p.title, p.soc);
        let mut push = |part: &str, value: String, unit: &str, text: String| {
            let status = if value.is_empty() && unit != "category" {
                "not-published"
            } else {
                "published"
            };
            records.push_official(
                Fact {
                    id,
                    part,
                    what: what.clone(),
                    status,
                    value,
                    unit,
                    text,
                    period: period.clone(),
                    source: s.name.clone(),
                }
                .row(),
            );
        };
        push(
            "employment-base",
            opt(p.employment_base),
            "jobs",
            jobs(p.employment_base),
        );
        push(
            "employment-projected",
            opt(p.employment_projected),
            "jobs",
            jobs(p.employment_projected),
        );
        push(
            "change",
            opt(p.change),
            "jobs",
            opt(p.change.map(more_or_fewer)),
        );
        push(
            "change-percent",
            opt(p.change_percent),
            "percent",
            opt(p.change_percent.map(percent_more_or_fewer)),
        );
        push(
            "openings",
            opt(p.openings),
            "jobs-per-year",
            openings_text(p),
        );
        let (wage_value, kind) = wage_columns(p.ep_median_wage);
        let wage_status_text = wage(p.ep_median_wage);
        push(
            &format!("ep-median-wage-{kind}"),
            wage_value,
            "usd-per-year",
            wage_status_text,
        );
        push(
            "education",
            kebab(p.education),
            "category",
            p.education.map_or("", |e| e.label()).to_owned(),
        );
        if let Some(why) = &p.incomplete {
            records.push_official(incomplete_fact(id, what.clone(), why, &period, s).row());
        }
    }
}

/// A record saying why a projection is missing or may be incomplete: an import under
/// `--force` left out rows of BLS's workbook.
pub(crate) fn incomplete_fact<'a>(
    id: &'a str,
    what: String,
    why: &str,
    period: &str,
    s: &ProjectionsSource,
) -> Fact<'a> {
    Fact {
        id,
        part: "incomplete",
        what,
        status: "incomplete",
        value: String::new(),
        unit: "",
        text: why.to_owned(),
        period: period.to_owned(),
        source: s.name.clone(),
    }
}

/// The records of BLS OEWS's employment and median pay of a role's occupations.
pub(crate) fn wage_facts(records: &mut Records, id: &str, wages: &[HeadlineWage], source: &str) {
    for h in wages {
        for figure in [&h.employment, &h.median].into_iter().flatten() {
            let (status, value, _) = csv_value(figure);
            let part = kebab(Some(figure.measure));
            let unit = match figure.measure.unit() {
                Unit::AnnualDollars => "usd-per-year",
                _ => "people",
            };
            records.push_official(
                Fact {
                    id,
                    part: &part,
                    what: occupation(h),
                    status,
                    value,
                    unit,
                    text: value_text(figure),
                    period: String::new(),
                    source: format!("{source} · {}", h.area.name),
                }
                .row(),
            );
            if let Some(real) = figure.in_us_prices {
                records.push_official(
                    Fact {
                        id,
                        part: &format!("{part}-in-us-prices"),
                        what: occupation(h),
                        status,
                        value: real.to_string(),
                        unit,
                        text: crate::views::wages::us_prices_text(figure),
                        period: String::new(),
                        source: format!("{source} · {}", h.area.name),
                    }
                    .row(),
                );
            }
        }
    }
}

fn role_records(r: &RoleOutlook) -> Records {
    let mut records = Records::new(FACT_COLUMNS).marking_official();
    figure_facts(&mut records, &r.id, "growth", &r.growth);
    for text in &r.outlook {
        records.push(text_fact(&r.id, "outlook", "", text).row());
    }
    if let Some(s) = &r.projections_source {
        projection_facts(&mut records, &r.id, &r.projections, s);
        let period = format!("{}-{}", s.base_year, s.projected_year);
        for n in &r.no_projections {
            if let NoProjection::Incomplete { soc, incomplete } = n {
                let fact = incomplete_fact(&r.id, soc.clone(), incomplete, &period, s);
                records.push_official(fact.row());
            }
        }
    }
    let source = r.official_source.as_ref().map_or("", |s| s.name.as_str());
    wage_facts(&mut records, &r.id, &r.employment, source);
    records
}

/// The first-screen line of `show`: national median pay, projected growth, openings a year and
/// typical entry education, each from its source.
pub fn glance(o: &ShowOutlook) -> Option<String> {
    let mut parts = Vec::new();
    if let (Some(m), Some(source)) = (&o.median_pay, &o.median_pay_source) {
        let incomplete = m
            .occupation
            .incomplete
            .as_ref()
            .map_or_else(String::new, |why| format!("; incomplete: {why}"));
        parts.push(format!(
            "median pay {} ({source}, {}{incomplete})",
            figure_text(m.median.as_ref()),
            m.area.name
        ));
    }
    if let (Some(p), Some(s)) = (&o.projection, &o.projections_source) {
        let p = &p.projection;
        let years = format!("{}-{}", s.base_year, s.projected_year);
        if let Some(pc) = p.change_percent {
            let all = o
                .all_occupations
                .as_ref()
                .and_then(|a| a.change_percent)
                .map_or_else(String::new, |a| format!(", all occupations {}", percent(a)));
            parts.push(format!("jobs {} {years}{all}", percent(pc)));
        }
        if let Some(n) = p.openings {
            parts.push(format!("{} openings a year", thousands(n)));
        }
        if let Some(e) = p.education {
            parts.push(format!("entry: {}", e.label()));
        }
        parts.push(format!("({})", s.name));
    }
    (!parts.is_empty()).then(|| capital(&parts.join("; ")).replace("; (", " ("))
}

/// `show`'s Outlook section: the projections of the occupation, or why there are none.
pub fn show_section(doc: &mut Document, o: &ShowOutlook) {
    let Some(source) = &o.projections_source else {
        return;
    };
    doc.heading(
        2,
        format!(
            "Outlook {}-{} (BLS)",
            source.base_year, source.projected_year
        ),
    );
    match (&o.projection, &o.no_projection) {
        (Some(p), _) => {
            projection_block(doc, p, o.all_occupations.as_ref(), source);
            doc.note(source_note(source));
        }
        (None, Some(why)) => {
            doc.note(format!("No {}: {}.", source.name, no_projection_text(why)));
        }
        (None, None) => {}
    }
}
