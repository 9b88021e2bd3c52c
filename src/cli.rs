//! Every clap type. Doc comments here are the help text.

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use crate::render::Format;

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  runtime error (unknown role or value, bad data)
  2  usage error (unknown flag, missing argument)";

/// Explore careers in data and machine learning: what a role does and needs, what it pays,
/// how roles differ and how to move between them. Offline; every figure with its source.
#[derive(Debug, Parser)]
#[command(name = "careers", version, about, after_help = EXIT_CODES, max_term_width = 100)]
pub struct Cli {
    /// Output format
    #[arg(long, short = 'f', global = true, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// When to colour table output: auto means stdout is a terminal and NO_COLOR is unset or empty
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,

    /// Folder of your own data: profiles in DIR/profiles, imported databases in DIR/onet
    /// [default: $XDG_DATA_HOME/careers, i.e. ~/.local/share/careers on Linux]
    #[arg(long, global = true, env = "CAREERS_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<std::path::PathBuf>,

    /// Treat a broken user profile as an error instead of a warning
    #[arg(long, global = true)]
    pub strict: bool,

    #[command(subcommand)]
    pub command: Command,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every role with a one-line summary and the kinds of data it has
    #[command(
        after_help = "Examples:\n  careers list\n  careers list --format json | jq -r '.[].id'"
    )]
    List(ListArgs),
    /// Show a role's whole profile, section by section
    #[command(
        after_help = "Examples:\n  careers show ml-engineer\n  careers show mle --section salary --section skills\n  careers show data-engineer --format json"
    )]
    Show(ShowArgs),
    /// Import a database into your data directory, replacing any earlier import of it
    #[command(
        after_help = "Examples:\n  careers import onet ~/Downloads/db_29_2_text\n  careers --data-dir ./data import onet ./db_29_2_text --format json"
    )]
    Import(ImportArgs),
    /// List every data source in use, with its licence
    #[command(after_help = "Examples:\n  careers sources\n  careers sources --format json")]
    Sources(SourcesArgs),
    /// Find roles by title, alias, alternate title, task or skill, best matches first
    #[command(
        after_help = "Examples:\n  careers search \"machine learning engineer\"\n  careers search data --limit 5\n  careers search spark --format json"
    )]
    Search(SearchArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only roles from this source
    #[arg(long, value_enum, value_name = "SOURCE")]
    pub source: Option<SourceKind>,
    /// Only occupations in this O*NET job zone (1 little preparation ... 5 extensive)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=5))]
    pub zone: Option<u8>,
    /// Only roles that need this skill (a skill name, alias or O*NET technology name)
    #[arg(long, value_name = "NAME")]
    pub skill: Option<String>,
    /// Only occupations for which O*NET lists this as a hot technology
    #[arg(long, value_name = "NAME")]
    pub hot: Option<String>,
    /// Show at most N roles
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

/// Where a profile comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SourceKind {
    /// Curated profiles compiled into careers
    Bundled,
    /// Profiles in your data directory
    User,
    /// Occupations imported from the O*NET database
    Onet,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(subcommand)]
    pub database: ImportDatabase,
}

/// Databases `careers import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportDatabase {
    /// The O*NET database, text edition (the folder of tab-delimited .txt files from
    /// onetcenter.org); only "Occupation Data.txt" is required
    Onet {
        /// The folder of O*NET's text files, e.g. ~/Downloads/db_29_2_text
        dir: std::path::PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct SourcesArgs {}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to look for, in any case
    pub text: String,
    /// Show at most N matches
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The role: an id, alias or title, in any case (see `careers list`)
    pub role: String,
    /// Show only these sections (repeatable)
    #[arg(long, short = 's', value_enum, value_name = "NAME")]
    pub section: Vec<Section>,
}

/// Sections of a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum Section {
    Overview,
    Differences,
    Responsibilities,
    Requirements,
    Skills,
    SoftSkills,
    Industries,
    Career,
    Market,
    Salary,
    Trends,
    BestPractices,
    Challenges,
    Onet,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
