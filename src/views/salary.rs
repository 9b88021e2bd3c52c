//! How `careers salary` reads: per role, its figures grouped by what they are about, each
//! group a table and a chart of its bands on one scale, then BLS OEWS estimates per place; in
//! CSV one row per figure. With `--list-cities`, the places that have figures.

use serde::Serialize;

use crate::cli::PaySort;
use crate::commands::salary::{
    CitiesReport, FigureView, Filters, Hint, MyPay, OfficialNote, SalaryOutput, SalaryReport,
};
use crate::model::salary::{Placement, dollars};
use crate::model::{Dimension, GrowthLever, Pay, PayMeasure, Provenance, SalaryFigure};
use crate::render::{Bar, Cell, Chart, Document, Records, Report, Table, Tone};
use crate::store::wages::PlaceEstimate;
use crate::views::sections::{capitalize, describe_source, missing_in};

/// The heading of the figures about one thing: "By company type".
pub fn dimension_label(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Overall => "Overall",
        Dimension::Company => "By company type",
        Dimension::Experience => "By experience",
        Dimension::Location => "By location",
        Dimension::Industry => "By industry",
        Dimension::AdditionalCompensation => "Additional compensation",
        Dimension::TotalCompensation => "Total compensation",
    }
}

/// What a figure counts, in words: "base salary".
pub fn measure_label(measure: PayMeasure) -> &'static str {
    match measure {
        PayMeasure::BaseSalary => "base salary",
        PayMeasure::Salary => "salary",
        PayMeasure::TotalSalary => "total salary",
        PayMeasure::AdditionalCash => "additional cash compensation",
        PayMeasure::TotalCompensation => "total compensation",
    }
}

/// "city Seattle, experience senior".
fn filters_text(filters: &Filters) -> String {
    let mut parts = Vec::new();
    match filters.cities.as_slice() {
        [] => {}
        [one] => parts.push(format!("city {one}")),
        many => parts.push(format!("cities {}", many.join(", "))),
    }
    if let Some(e) = filters.experience {
        parts.push(format!("experience {}", e.name()));
    }
    if let Some(c) = filters.company {
        parts.push(format!("company {}", c.name()));
    }
    match filters.industries.as_slice() {
        [] => {}
        [one] => parts.push(format!("industry {one}")),
        many => parts.push(format!("industries {}", many.join(", "))),
    }
    if let Some(d) = filters.about {
        parts.push(format!("about {}", d.name()));
    }
    parts.join(", ")
}

/// "A", "A and B", "A, B and C".
fn list_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A hint as a sentence, without its capital and full stop.
fn hint_text(hint: &Hint) -> String {
    let ids = |roles: &[String]| roles.join(", ");
    match hint {
        Hint::NoFigureMatches { roles, filters } => format!(
            "no salary figure for {} matches {}",
            ids(roles),
            filters_text(filters)
        ),
        Hint::NoFigures { roles } => missing_in("salary figures", roles),
        Hint::NoRoleMatches {
            filters,
            combination: true,
        } => format!(
            "no role has salary figures for the combination {}",
            filters_text(filters)
        ),
        Hint::NoRoleMatches { filters, .. } => {
            format!("no role has salary figures for {}", filters_text(filters))
        }
        Hint::RolesWithFigures {
            filters,
            alone,
            roles,
        } => match (filters.narrows(), alone) {
            (false, _) => format!("roles with salary figures: {}", ids(roles)),
            (true, false) => format!(
                "roles with salary figures for {}: {}",
                filters_text(filters),
                ids(roles)
            ),
            (true, true) => format!(
                "roles with salary figures for {} alone: {}",
                filters_text(filters),
                ids(roles)
            ),
        },
    }
}

impl std::fmt::Display for MyPay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MyPay::Placed(p) => p.fmt(f),
            MyPay::NotComparable { not_comparable } => {
                write!(f, "not comparable: {not_comparable}")
            }
        }
    }
}

/// What a figure's notes say: its measure unless plain salary, with `group` its group unless
/// the label or a table heading already says it, the source's qualification, and its own
/// source when it differs from `default_source`.
pub fn figure_notes(
    f: &SalaryFigure,
    default_source: Option<&Provenance>,
    group: bool,
) -> Vec<String> {
    let mut notes = Vec::new();
    if f.measure != PayMeasure::Salary {
        notes.push(measure_label(f.measure).to_owned());
    }
    if let Some(g) = f.group.as_ref().filter(|_| group)
        && f.dimension != Dimension::Experience
        && g != &f.label
        && !Dimension::ALL
            .iter()
            .any(|d| dimension_label(*d).eq_ignore_ascii_case(g))
    {
        notes.push(g.clone());
    }
    if let Some(n) = &f.note {
        notes.push(n.clone());
    }
    if let Some(src) = &f.source
        && Some(src) != default_source
    {
        notes.push(format!("source: {}", describe_source(src)));
    }
    notes
}

/// How pay grows, what is said of pay without a figure, and what moves it: the blocks that
/// follow a role's whole set of figures, under headings of `level`.
pub fn salary_extras(doc: &mut Document, level: u8, salary: &SalaryExtras<'_>) {
    if !salary.growth.is_empty() {
        doc.heading(level, "Pay growth");
        let mut table = Table::new(["Event", "Change", "Note"]).numbers([1]);
        for g in salary.growth {
            table.row([
                Cell::tone(g.event.clone(), Tone::Strong),
                Cell::new(
                    g.change
                        .map_or_else(|| "no figure".into(), |c| c.to_string()),
                ),
                Cell::new(g.note.clone().unwrap_or_default()),
            ]);
        }
        doc.table(table);
    }
    if !salary.notes.is_empty() {
        doc.heading(level, "Notes");
        doc.list(salary.notes.iter().cloned());
    }
    if !salary.factors.is_empty() {
        doc.heading(level, "What moves pay");
        doc.list(salary.factors.iter().cloned());
    }
}

/// The parts of a salary section shown only with the role's whole salary.
pub struct SalaryExtras<'a> {
    pub growth: &'a [GrowthLever],
    pub notes: &'a [String],
    pub factors: &'a [String],
}

impl Report for SalaryOutput {
    fn attribution_column(&self) -> Option<bool> {
        matches!(self, SalaryOutput::Figures(_)).then_some(true)
    }

    fn document(&self) -> Document {
        match self {
            SalaryOutput::Figures(r) => r.document(),
            SalaryOutput::Cities(r) => r.document(),
        }
    }

    fn records(&self) -> Records {
        match self {
            SalaryOutput::Figures(r) => r.records(),
            SalaryOutput::Cities(r) => r.records(),
        }
    }
}

/// A band as a bar labelled as in the table: an `up to` figure is open on the left, an open
/// band on the right.
fn bar(f: &SalaryFigure, marker: Option<u64>) -> Bar {
    let high = f.pay.high();
    let low = f.pay.low();
    let stated = low.or(high).unwrap_or(0);
    Bar {
        label: f.full_label(),
        low: low.unwrap_or(stated),
        high: high.unwrap_or(stated),
        open_high: f.pay.open_high(),
        open_low: low.is_none(),
        value: f.display_pay(),
        marker,
    }
}

fn placement_tone(p: &MyPay) -> Tone {
    match p {
        MyPay::Placed(Placement::Below { .. }) => Tone::Warn,
        MyPay::Placed(Placement::At | Placement::Inside { .. }) => Tone::Good,
        MyPay::Placed(Placement::Above { .. }) => Tone::Strong,
        MyPay::NotComparable { .. } => Tone::Muted,
    }
}

impl SalaryReport {
    fn document(&self) -> Document {
        let mut doc = Document::default();
        if self.filters.narrows() && !self.ranking_only {
            doc.note(format!("Filters: {}.", filters_text(&self.filters)));
        }
        if let Some(given) = self
            .my_pay_given
            .filter(|p| p.hourly_cents.is_some() && !self.ranking_only)
        {
            doc.note(format!(
                "Your pay: {}. {}",
                given.describe(),
                crate::views::wages::HOURLY_NOTE
            ));
        }
        for role in &self.roles {
            doc.heading(1, format!("Salary: {} ({})", role.title, role.role));
            let mut dims: Vec<Dimension> = role.figures.iter().map(|f| f.dimension).collect();
            dims.dedup();
            if role.figures.is_empty() {
                dims.push(Dimension::Industry);
            }
            for dim in dims {
                doc.heading(2, dimension_label(dim));
                let group: Vec<&FigureView> =
                    role.figures.iter().filter(|f| f.dimension == dim).collect();
                if !group.is_empty() {
                    doc.table(self.figures_table(&group, role.default_source.as_ref()));
                }
                if matches!(dim, Dimension::Location | Dimension::Experience) && group.len() >= 2 {
                    let what = if dim == Dimension::Location {
                        "location"
                    } else {
                        "experience and company type"
                    };
                    doc.chart(Chart {
                        title: format!("Pay by {what}, {}", role.role),
                        bars: group
                            .iter()
                            .map(|f| {
                                let comparable = f.my_pay.and_then(MyPay::placement).is_some();
                                bar(&f.figure, self.my_pay.filter(|_| comparable))
                            })
                            .collect(),
                    });
                }
                if dim == Dimension::Industry && !role.unfigured_industries.is_empty() {
                    let ranked: Vec<String> = role
                        .unfigured_industries
                        .iter()
                        .map(|u| {
                            let mut text =
                                format!("{} (ranked {} of {})", u.industry, u.rank, u.of);
                            if let Some(note) = &u.note {
                                text.push_str(&format!(": {note}"));
                            }
                            text
                        })
                        .collect();
                    doc.paragraph("The source ranks these industries by pay without a figure:");
                    doc.list(ranked);
                }
            }
            salary_extras(
                &mut doc,
                2,
                &SalaryExtras {
                    growth: &role.growth,
                    notes: &role.notes,
                    factors: &role.factors,
                },
            );
            if let Some(src) = &role.default_source {
                doc.note(format!("Source: {}.", describe_source(src)));
            }
        }
        if let Some(sort) = &self.sort {
            let mut note = format!(
                "Each group is sorted by the {} of its bands, highest first.",
                match sort.by {
                    PaySort::Low => "low end",
                    PaySort::High => "high end",
                    PaySort::Mid => "middle",
                }
            );
            let open: Vec<String> = sort.on_stated_amount.iter().map(Pay::to_string).collect();
            if !open.is_empty() {
                note.push_str(&format!(
                    " Open-ended figures sort on the amount they state: {}.",
                    open.join(", ")
                ));
            }
            doc.note(note);
        }
        if !self.roles_without_figures.is_empty() && !self.roles.is_empty() {
            let text = missing_in("salary figures", &self.roles_without_figures);
            doc.note(capitalize(&text) + ".");
        }
        for hint in &self.hints {
            doc.paragraph(capitalize(&hint_text(hint)) + ".");
        }
        self.official_document(&mut doc);
        doc
    }

    /// The BLS OEWS part: per role and occupation, a table of its estimates at each place and
    /// their percentile bands; then `--top`; then what could not be shown, and BLS's notice.
    fn official_document(&self, doc: &mut Document) {
        use crate::views::wages as view;
        let Some(source) = &self.official_source else {
            for n in &self.official_notes {
                if let OfficialNote::NoArea { place } = n {
                    doc.note(format!("BLS OEWS publishes no estimates for {place}."));
                }
            }
            return;
        };
        let shows_any = !self.official.is_empty() || self.top.is_some();
        for n in &self.official_notes {
            if let (OfficialNote::NotASector { industries }, true) = (n, shows_any) {
                doc.note(format!(
                    "{} {} no BLS industry sector: the {} figures below are all-industry.",
                    list_and(industries),
                    if industries.len() == 1 { "is" } else { "are" },
                    source.name
                ));
            }
        }
        for role in &self.official {
            doc.heading(1, format!("Official wages: {} ({})", role.title, role.role));
            for w in &role.occupations {
                doc.heading(2, view::occupation_name(&w.occupation));
                if !w.estimates.is_empty() {
                    doc.table(view::estimates_table(w, self.my_pay));
                    if let Some(table) = view::us_prices_table(w) {
                        doc.table(table);
                    }
                    for note in view::prices_incomplete_notes(w) {
                        doc.note(note);
                    }
                    let mut bars: Vec<_> = w
                        .estimates
                        .iter()
                        .filter_map(|e| {
                            view::band(
                                format!("{} (BLS)", view::estimate_name(&w.estimates, e)),
                                e,
                                self.my_pay,
                            )
                        })
                        .collect();
                    // The curated bands for the same places go on the same scale.
                    let curated: Vec<Bar> = self
                        .roles
                        .iter()
                        .filter(|r| r.role == role.role)
                        .flat_map(|r| &r.figures)
                        .filter(|f| f.dimension == Dimension::Location)
                        .map(|f| {
                            let comparable = f.my_pay.and_then(MyPay::placement).is_some();
                            let mut b = bar(&f.figure, self.my_pay.filter(|_| comparable));
                            b.label = format!("{} (career page)", b.label);
                            b
                        })
                        .collect();
                    if !bars.is_empty() {
                        let title = if curated.is_empty() {
                            format!(
                                "10th to 90th percentile, {} {}",
                                w.occupation.soc, source.name
                            )
                        } else {
                            format!(
                                "10th to 90th percentile, {} {}, with the career page's bands",
                                w.occupation.soc, source.name
                            )
                        };
                        bars.extend(curated);
                        doc.chart(Chart { title, bars });
                    }
                }
                for a in &w.not_estimated_in {
                    doc.note(format!(
                        "{} publishes no estimate of SOC {} for {}.",
                        source.name, w.occupation.soc, a.name
                    ));
                }
                // The places and the sectors of the estimates shown.
                let (mut places, mut sectors): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
                for e in &w.estimates {
                    if !places.contains(&e.area.name.as_str()) {
                        places.push(e.area.name.as_str());
                    }
                    if e.industry.code != crate::model::wages::Industry::CROSS_INDUSTRY
                        && !sectors.contains(&e.industry.name.as_str())
                    {
                        sectors.push(e.industry.name.as_str());
                    }
                }
                if !places.is_empty() {
                    let mut line = format!("Source: {} · {}", source.name, places.join(" · "));
                    if !sectors.is_empty() {
                        line.push_str(&format!(" · {}", sectors.join(" · ")));
                    }
                    doc.note(line + ".");
                }
            }
            for u in &role.unlinked {
                doc.note(format!("{}: {}.", u.onet_code, u.reason));
            }
        }
        if let Some(top) = &self.top {
            let mut heading = format!("Best-paid occupations: {}", top.area.name);
            if let Some(g) = &top.group {
                heading.push_str(&format!(", SOC group {g}"));
            }
            if let Some(t) = &top.title {
                heading.push_str(&format!(", titles with \"{t}\""));
            }
            doc.heading(1, heading);
            let mut table = Table::new(["#", "SOC", "Occupation", "Median", "Employment"])
                .wide(2)
                .ids(1)
                .numbers([0, 3, 4]);
            for t in &top.ranked {
                table.row([
                    Cell::new(t.rank.to_string()),
                    Cell::new(t.soc.clone()),
                    Cell::tone(t.title.clone(), Tone::Strong),
                    Cell::new(view::measure_text(
                        &t.estimate,
                        crate::model::wages::Measure::AnnualMedian,
                    )),
                    Cell::new(view::measure_text(
                        &t.estimate,
                        crate::model::wages::Measure::Employment,
                    )),
                ]);
            }
            doc.table(table);
            doc.note(format!(
                "{} of {} occupations with a published median there, by median annual wage ({}).{}",
                top.ranked.len(),
                crate::model::salary::thousands(top.occupations as u64),
                source.name,
                match top.not_published {
                    0 => String::new(),
                    n => format!(" {n} more have estimates without a published median."),
                }
            ));
        }
        for r in &self.roles_without_official {
            doc.note(format!("No BLS OEWS wages for {}: {}.", r.role, r.reason));
        }
        for n in &self.official_notes {
            match n {
                OfficialNote::NoArea { place } => {
                    doc.note(format!("{} has no estimates for {place}.", source.name));
                }
                OfficialNote::SectorNationalOnly => {
                    doc.note(format!(
                        "{} publishes estimates by industry for the nation only; these are national.",
                        source.name
                    ));
                }
                // Said before the figures it is about.
                OfficialNote::NotASector { .. } => {}
                OfficialNote::NoSectorEstimate { soc, industry } => {
                    doc.note(format!(
                        "{} publishes no estimate of SOC {soc} in {}.",
                        source.name,
                        view::industry_name(industry)
                    ));
                }
            }
        }
        if self.my_pay.is_some() && !self.official.is_empty() {
            doc.note(view::PLACEMENT_NOTE);
        }
        let priced = self
            .official
            .iter()
            .flat_map(|r| &r.occupations)
            .any(|w| view::prices_year(&w.estimates).is_some());
        if let (true, Some(prices)) = (priced, &self.prices_source) {
            doc.note(view::US_PRICES_NOTE);
            doc.note(format!(
                "Price levels: {}, {}.",
                prices.name, prices.citation
            ));
        }
        let at_least = self
            .official
            .iter()
            .flat_map(|r| &r.occupations)
            .flat_map(|w| &w.estimates)
            .chain(
                self.top
                    .iter()
                    .flat_map(|t| t.ranked.iter().map(|r| &r.estimate)),
            )
            .flat_map(|e| &e.figures)
            .find_map(|f| match &f.value {
                crate::store::wages::FigureValue::AtLeast { footnote, .. } => footnote.text.clone(),
                _ => None,
            });
        if let Some(text) = at_least {
            doc.note(format!("≥ and +: BLS footnote 5: {text}"));
        }
    }

    fn figures_table(&self, group: &[&FigureView], default: Option<&Provenance>) -> Table {
        let mut headers = vec!["Figure".to_owned(), "Pay".into(), "Year".into()];
        headers.push("Notes".into());
        if let Some(m) = self.my_pay {
            headers.push(format!("Your {}", dollars(m)));
        }
        let mut table = Table::new(headers).wide(3);
        for f in group {
            let fig = &f.figure;
            let notes = figure_notes(fig, default, true);
            let mut row = vec![
                Cell::tone(fig.full_label(), Tone::Strong),
                Cell::new(fig.display_pay()),
                Cell::new(fig.year_text()),
                Cell::tone(notes.join("; "), Tone::Muted),
            ];
            if let Some(p) = &f.my_pay {
                row.push(Cell::tone(p.to_string(), placement_tone(p)));
            }
            table.row(row);
        }
        table
    }

    /// One CSV row per figure, with the JSON figure's fields and spellings.
    fn records(&self) -> Records {
        let mut records = Records::new([
            "id",
            "dimension",
            "label",
            "group",
            "location",
            "experience",
            "years",
            "company",
            "industry",
            "kind",
            "amount",
            "low",
            "high",
            "open_high",
            "statistic",
            "measure",
            "currency",
            "year",
            "text",
            "note",
            "source",
            "my_pay_position",
            "my_pay_percent",
            "my_pay_by",
            "soc",
            "area_code",
            "industry_code",
            "datatype",
            "in_us_prices",
            "price_level",
            "price_year",
        ])
        .marking_official();
        let num = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
        for role in &self.roles {
            for f in &role.figures {
                let mut row = Vec::from([
                    role.role.clone(),
                    json_name(&f.dimension),
                    f.label.clone(),
                    f.group.clone().unwrap_or_default(),
                    f.location.clone().unwrap_or_default(),
                    f.experience.as_ref().map(json_name).unwrap_or_default(),
                    f.years.map(|y| y.to_string()).unwrap_or_default(),
                    f.company.as_ref().map(json_name).unwrap_or_default(),
                    f.industry.clone().unwrap_or_default(),
                    f.kind.to_owned(),
                    num(f.amount),
                    num(f.low),
                    num(f.high),
                    f.open_high.to_string(),
                    f.statistic.as_ref().map(json_name).unwrap_or_default(),
                    json_name(&f.measure),
                    f.currency.to_owned(),
                    f.year.map(|y| y.to_string()).unwrap_or_default(),
                    f.text.clone(),
                    f.note.clone().unwrap_or_default(),
                    f.source.as_ref().map(describe_source).unwrap_or_default(),
                ]);
                let (position, percent, by) = my_pay_columns(f.my_pay);
                row.extend([position, percent, by]);
                row.extend([
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]);
                records.push(row);
            }
        }
        self.official_records(&mut records);
        records
    }

    /// One row per official figure: `dimension` is `official`, `kind` BLS's status
    /// (`published`, `at-least`, `not-published`), `amount` the number as BLS publishes it.
    fn official_records(&self, records: &mut Records) {
        let Some(source) = &self.official_source else {
            return;
        };
        let year = source.year.map(|y| y.to_string()).unwrap_or_default();
        let mut push = |role: &str, soc: &str, title: &str, e: &PlaceEstimate| {
            let (price_level, price_year) = match &e.prices {
                Some(crate::store::prices::PriceFacts::Priced {
                    all_items, year, ..
                }) => (all_items.to_string(), year.to_string()),
                _ => (String::new(), String::new()),
            };
            for f in &e.figures {
                let (kind, amount, note) = crate::views::wages::csv_value(f);
                let dollars = matches!(
                    f.measure.unit(),
                    crate::model::wages::Unit::AnnualDollars
                        | crate::model::wages::Unit::HourlyDollars
                );
                let (position, percent) = match (&e.my_pay, f.measure) {
                    (Some(p), crate::model::wages::Measure::AnnualMedian) => percentile_columns(p),
                    _ => (String::new(), String::new()),
                };
                records.push_official([
                    role.to_owned(),
                    "official".to_owned(),
                    f.name.to_owned(),
                    title.to_owned(),
                    e.area.name.clone(),
                    String::new(),
                    String::new(),
                    String::new(),
                    e.industry.name.clone(),
                    kind.to_owned(),
                    amount,
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    json_name(&f.measure),
                    if dollars {
                        "USD".to_owned()
                    } else {
                        String::new()
                    },
                    year.clone(),
                    crate::views::wages::value_text(f),
                    note,
                    source.name.clone(),
                    position,
                    percent,
                    String::new(),
                    soc.to_owned(),
                    e.area.code.clone(),
                    e.industry.code.clone(),
                    f.datatype.to_owned(),
                    f.in_us_prices.map(|v| v.to_string()).unwrap_or_default(),
                    price_level.clone(),
                    price_year.clone(),
                ]);
            }
        };
        for r in &self.official {
            for w in &r.occupations {
                for e in &w.estimates {
                    push(&r.role, &w.occupation.soc, &w.occupation.title, e);
                }
            }
        }
        if let Some(top) = &self.top {
            for t in &top.ranked {
                push("", &t.soc, &t.title, &t.estimate);
            }
        }
    }
}

/// The reader's pay against a curated figure, as numbers: its position (`below`, `at`,
/// `inside`, `above`, `not-comparable`), how far along the band in percent (inside a band with
/// both ends), and by how many dollars it is above (positive) or below (negative) the figure,
/// for `inside` above the band's low end.
fn my_pay_columns(my_pay: Option<MyPay>) -> (String, String, String) {
    use crate::model::salary::Placement;
    let text = |s: &str| s.to_owned();
    let Some(my_pay) = my_pay else {
        return (String::new(), String::new(), String::new());
    };
    match my_pay.placement() {
        None => (text("not-comparable"), String::new(), String::new()),
        Some(Placement::Below { by }) => (text("below"), String::new(), format!("-{by}")),
        Some(Placement::At) => (text("at"), String::new(), text("0")),
        Some(Placement::Inside {
            percent, above_low, ..
        }) => (
            text("inside"),
            percent.map(|p| p.to_string()).unwrap_or_default(),
            above_low.map(|d| d.to_string()).unwrap_or_default(),
        ),
        Some(Placement::Above { by, .. }) => (text("above"), String::new(), by.to_string()),
    }
}

/// The reader's pay among BLS's percentiles: its position (`below-lowest`, `between`,
/// `at-or-above-highest`) and its percentile (the lowest or highest published one, or the
/// estimate between two).
pub(crate) fn percentile_columns(p: &crate::model::wages::PercentilePlacement) -> (String, String) {
    use crate::model::wages::PercentilePlacement;
    match *p {
        PercentilePlacement::BelowLowest { percentile, .. } => {
            ("below-lowest".to_owned(), percentile.to_string())
        }
        PercentilePlacement::Between {
            estimated_percentile,
            ..
        } => ("between".to_owned(), estimated_percentile.to_string()),
        PercentilePlacement::AboveHighest { percentile, .. } => {
            ("at-or-above-highest".to_owned(), percentile.to_string())
        }
    }
}

/// A unit enum value as JSON spells it: `base-salary`, `top-tech`.
fn json_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

impl CitiesReport {
    fn document(&self) -> Document {
        let mut doc = Document::default();
        doc.heading(1, "Places with pay figures");
        if self.cities.is_empty() {
            doc.paragraph(if self.roles_without_figures.is_empty() {
                "No places.".to_owned()
            } else {
                let text = missing_in("salary figures", &self.roles_without_figures);
                format!("{}, so no places.", capitalize(&text))
            });
            return doc;
        }
        let mut table =
            Table::new(["Place", "Also typed as", "Roles with figures", "Figures"]).numbers([3]);
        for c in &self.cities {
            table.row([
                Cell::tone(c.name.clone(), Tone::Strong),
                Cell::new(c.aliases.join("; ")),
                Cell::new(format!("{} ({})", c.roles.len(), c.roles.join(", "))),
                Cell::new(c.figures.to_string()),
            ]);
        }
        doc.table(table);
        doc.note(format!(
            "{} places with the career page's figures. `careers salary --city NAME` shows their figures; `careers places` lists every place BLS estimates wages for.",
            self.cities.len()
        ));
        doc
    }

    fn records(&self) -> Records {
        let mut records = Records::new(["place", "aliases", "roles", "figures"]);
        for c in &self.cities {
            records.push([
                c.name.clone(),
                c.aliases.join("; "),
                c.roles.join("; "),
                c.figures.to_string(),
            ]);
        }
        records
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_up_to_figure_is_a_bar_open_on_the_left() {
        let store = crate::Store::bundled().unwrap();
        let mle = store.get("ml-engineer").unwrap();
        let entry_top = mle
            .profile
            .salary
            .as_ref()
            .unwrap()
            .figures
            .iter()
            .find(|f| f.pay == Pay::UpTo { amount: 152_601 })
            .unwrap();
        let b = bar(entry_top, None);
        assert_eq!(
            b.label,
            "Entry-level (0-2 years) · Top tech companies (e.g., FAANG)"
        );
        assert!(b.open_low && !b.open_high);
        assert_eq!((b.low, b.high), (152_601, 152_601));
    }
}
