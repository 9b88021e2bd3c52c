//! One module per subcommand. Each takes the context and its arguments and returns a report;
//! none prints.

pub mod import;
pub mod list;
pub mod onet_section;
pub mod search;
pub mod show;
pub mod sources;

use crate::model::Figure;
use crate::render::{Cell, Table, Tone};

/// "70% (Share of applications using low-code or no-code AI, by 2025)".
pub fn describe_figure(f: &Figure) -> String {
    let mut parts = vec![f.metric.clone()];
    if let Some(period) = &f.period {
        parts.push(period.clone());
    }
    if let Some(who) = &f.reported_by {
        parts.push(format!("per {who}"));
    }
    format!("{} ({})", f.value, parts.join(", "))
}

/// Market figures: what, value, period, who reported it.
pub fn figures_table<'a>(figures: impl Iterator<Item = &'a Figure>) -> Table {
    let mut table = Table::new(["Figure", "Value", "Period", "Reported by"]);
    for f in figures {
        table.row([
            Cell::new(f.metric.clone()),
            Cell::tone(f.value.to_string(), Tone::Strong),
            Cell::new(f.period.clone().unwrap_or_default()),
            Cell::new(f.reported_by.clone().unwrap_or_else(|| "-".into())),
        ]);
    }
    table
}
