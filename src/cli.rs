//! Every clap type. Doc comments here are the help text.

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use crate::render::Format;

const EXIT_CODES: &str = "\
Exit codes:
  0    success
  1    runtime error (unknown role or value, bad data)
  2    usage error (unknown flag, missing argument)
  130  interrupted (Ctrl-C)";

/// The help heading of the options every command takes.
const GLOBAL: &str = "Global options";

/// Explore careers in data and machine learning: what a role does and needs, what it pays,
/// how roles differ and how to move between them. Offline; every figure with its source.
#[derive(Debug, Parser)]
#[command(name = "careers", version, about, after_help = EXIT_CODES, max_term_width = 100)]
pub struct Cli {
    /// Output format [default: table on a terminal, plain when piped]
    #[arg(
        long,
        short = 'f',
        global = true,
        value_enum,
        env = "CAREERS_FORMAT",
        help_heading = GLOBAL
    )]
    pub format: Option<Format>,

    /// When to colour table and plain output. auto: not when NO_COLOR is set, always when
    /// CLICOLOR_FORCE is, not when CLICOLOR=0 or TERM=dumb, else when stdout is a terminal
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN", help_heading = GLOBAL)]
    pub color: ColorWhen,

    /// Never send output through a pager (on a terminal, output longer than the screen goes
    /// through $CAREERS_PAGER, else $PAGER, else `less -FRX`; an empty value turns it off)
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub no_pager: bool,

    /// Folder of your own data: profiles in DIR/profiles, imported databases in DIR/onet
    /// [default: $XDG_DATA_HOME/careers, i.e. ~/.local/share/careers on Linux]
    /// (also CAREERS_DATA_DIR; an empty value counts as unset)
    #[arg(long, global = true, value_name = "DIR", help_heading = GLOBAL)]
    pub data_dir: Option<std::path::PathBuf>,

    /// Treat a broken user profile as an error instead of a warning
    #[arg(long, global = true, help_heading = GLOBAL)]
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

impl ColorWhen {
    /// The `--color` value among raw arguments, read before parsing so that clap's own help
    /// and errors follow it too. The last one wins, as in parsing; `--` ends the options.
    pub fn from_args(args: &[std::ffi::OsString]) -> Option<ColorWhen> {
        let mut when = None;
        let mut args = args.iter().map(|a| a.to_string_lossy());
        while let Some(arg) = args.next() {
            let value = match arg.strip_prefix("--color") {
                _ if arg == "--" => break,
                Some("") => args.next().map(|v| v.into_owned()),
                Some(rest) => rest.strip_prefix('=').map(str::to_owned),
                None => None,
            };
            if let Some(v) = value.and_then(|v| ColorWhen::from_str(&v, true).ok()) {
                when = Some(v);
            }
        }
        when
    }

    /// Makes this choice the one every coloured stream follows (ours and clap's): `always`
    /// and `never` decide; `auto` leaves it to the environment and the terminal.
    pub fn write_global(self) {
        anstream::ColorChoice::write_global(match self {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        });
    }
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
    /// Find roles by title, alias, alternate title, task or skill, best matches first
    #[command(
        after_help = "Examples:\n  careers search \"machine learning engineer\"\n  careers search data --limit 5\n  careers search spark --format json"
    )]
    Search(SearchArgs),
    /// Pay figures by role, city, experience, company type and industry, with their sources
    #[command(
        after_help = "Examples:\n  careers salary ml-engineer\n  careers salary --city SF\n  careers salary mle --experience senior --company faang\n  careers salary mle --about location --sort high --my-pay 150k\n  careers salary --list-cities\n  careers salary --industry 'real estate' --format json\n\nA filter value nobody has (an unknown city) exits 1; a known value with no figure for the\nrole says so and exits 0."
    )]
    Salary(SalaryArgs),
    /// Where the market is going: demand figures, industries adopting ML, in-demand skills, trends
    #[command(
        after_help = "Examples:\n  careers trends\n  careers trends ml-engineer\n  careers trends mle --format json"
    )]
    Trends(TrendsArgs),
    /// Compare 2 to 5 roles side by side: requirements, pay, outlook, and which skills they share
    #[command(
        after_help = "Examples:\n  careers compare data-engineer ml-engineer\n  careers compare data-engineer data-engineering-team-lead data-engineering-manager\n  careers compare mle data-engineer --format json"
    )]
    Compare(CompareArgs),
    /// What moving from one role to another takes: skills to learn, skills that carry over,
    /// education, certifications and experience
    #[command(
        after_help = "Examples:\n  careers gap data-engineer ml-engineer\n  careers gap ml-engineer data-engineer --format json"
    )]
    Gap(GapArgs),
    /// Rank roles by how much of their skills yours cover
    #[command(
        after_help = "Ranking: by how many of your skills the role lists, then by the share of the role's skills\nyou have (exact, not rounded), then by role id. Skills compare by canonical name and alias,\nin any case (sklearn = scikit-learn).\n\nExamples:\n  careers match --skills python,sql,spark\n  careers match --skills python,sklearn --top 3\n  careers match --from data-engineer"
    )]
    Match(MatchArgs),
    /// Where a role leads and where it comes from: progression, specializations, paths and
    /// related roles
    #[command(
        after_help = "Examples:\n  careers path ml-engineer\n  careers path data-governance-analyst --format json"
    )]
    Path(PathArgs),
    /// Check profile files and report every problem in each
    #[command(
        after_help = "Checks JSON syntax (with line and column), the schema (with the path of the \
field, what was expected and what was found) and the invariants (pay ranges, ids, aliases, \
references). Exits 0 when every file is valid, 1 otherwise.\n\n\
Examples:\n  careers validate                      # your profiles folder\n  \
careers validate my-role.json\n  careers validate ~/team-profiles --format json\n  \
careers validate - < my-role.json"
    )]
    Validate(ValidateArgs),
    /// Print the JSON Schema of a profile file, for editors and validators
    #[command(after_help = "Examples:\n  careers schema > profile.schema.json")]
    Schema(SchemaArgs),
    /// Write a starter profile into your profiles folder and print its path
    #[command(
        after_help = "Examples:\n  careers new analytics-engineer --title \"Analytics Engineer\" \\\n    \
--summary \"Builds the models analysts query.\"\n  careers new analytics-engineer --force   # overwrite"
    )]
    New(NewArgs),
    /// Import a database into your data directory, replacing any earlier import of it
    #[command(
        subcommand_required = true,
        arg_required_else_help = false,
        after_help = "Examples:\n  careers import onet ~/Downloads/db_29_2_text\n  careers --data-dir ./data import onet ./db_29_2_text --format json"
    )]
    Import(ImportArgs),
    /// List every data source in use, with its licence
    #[command(after_help = "Examples:\n  careers sources\n  careers sources --format json")]
    Sources(SourcesArgs),
    /// Print the hook that makes a shell complete careers: commands, options, and role ids,
    /// places and skills read live from your data
    #[command(
        after_help = "The shell asks careers for the candidates each time (COMPLETE=SHELL careers), \
so new profiles and imports complete at once.\n\n\
Examples:\n  careers completions bash    # the hook, as COMPLETE=bash careers prints it\n  \
echo 'source <(careers completions bash)' >> ~/.bashrc\n  \
echo 'source <(careers completions zsh)' >> ~/.zshrc\n  \
echo 'careers completions fish | source' >> ~/.config/fish/config.fish"
    )]
    Completions(CompletionsArgs),
    /// Print the manual page (roff) of careers and every command, or write one page per command
    #[command(after_help = "Examples:\n  careers man | man -l -\n  \
careers man --dir ~/.local/share/man/man1   # careers.1, careers-show.1, ...")]
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write careers.1 and one page per command (careers-show.1, ...) into this folder
    #[arg(long, value_name = "DIR")]
    pub dir: Option<std::path::PathBuf>,
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
pub struct ValidateArgs {
    /// Profile files or folders of them, `-` for standard input [default: your profiles
    /// folder]; a folder's profile.schema.json is skipped, a data directory stands for its
    /// profiles folder
    #[arg(value_name = "PATH")]
    pub paths: Vec<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The new profile's id: a lowercase slug such as `analytics-engineer`
    pub id: String,
    /// The role's title [default: the id in title case]
    #[arg(long)]
    pub title: Option<String>,
    /// One or two sentences on what the role is (required: a profile loads only with one)
    #[arg(long)]
    pub summary: Option<String>,
    /// Overwrite an existing profile file
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The role: an id, alias or title, in any case (see `careers list`)
    pub role: String,
    /// Show only these sections (repeatable)
    #[arg(long, short = 's', value_enum, value_name = "NAME")]
    pub section: Vec<Section>,
}

#[derive(Debug, Args)]
pub struct SalaryArgs {
    /// Only these roles: ids, aliases or titles [default: every role]
    #[arg(value_name = "ROLE")]
    pub roles: Vec<String>,
    /// Only figures for this place: Seattle, Austin, SF, NYC, LA, Boston, Chicago, Remote...
    #[arg(long, value_name = "NAME")]
    pub city: Option<String>,
    /// Only figures for this career stage: entry, mid or senior (also entry-level, mid-career,
    /// experienced)
    #[arg(long, value_name = "LEVEL")]
    pub experience: Option<String>,
    /// Only figures for this kind of employer: general, top-tech (also FAANG, big tech) or
    /// startup
    #[arg(long, value_name = "TYPE")]
    pub company: Option<String>,
    /// Only figures for this industry, e.g. "real estate", "information technology"
    #[arg(long, value_name = "NAME")]
    pub industry: Option<String>,
    /// Only figures about this: overall, company, experience, location, industry,
    /// additional-compensation or total-compensation
    #[arg(long, value_name = "WHAT")]
    pub about: Option<String>,
    /// Order each group by an end of the band, highest first; open-ended figures sort on the
    /// amount they state
    #[arg(long, value_enum, value_name = "END")]
    pub sort: Option<PaySort>,
    /// Your pay in whole US dollars (150000, 150,000, $150,000 or 150k): shows where it falls
    /// in every band
    #[arg(long, value_name = "AMOUNT", value_parser = crate::model::salary::parse_dollars)]
    pub my_pay: Option<u64>,
    /// List the places that have pay figures and how many roles have figures there
    #[arg(long, conflicts_with_all = ["city", "experience", "company", "industry", "about", "sort", "my_pay"])]
    pub list_cities: bool,
}

/// Which amount of a band orders figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PaySort {
    /// The low end
    Low,
    /// The high end
    High,
    /// The middle of the band
    Mid,
}

#[derive(Debug, Args)]
pub struct TrendsArgs {
    /// Only this role: an id, alias or title [default: every role with market data]
    pub role: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// 2 to 5 different roles: ids, aliases or titles (see `careers list`)
    #[arg(value_name = "ROLE")]
    pub roles: Vec<String>,
}

#[derive(Debug, Args)]
pub struct GapArgs {
    /// The role you have (an id, alias or title)
    pub from: String,
    /// The role you want
    pub to: String,
}

#[derive(Debug, Args)]
pub struct MatchArgs {
    /// Your skills, comma-separated; names and aliases in any case (python,sql,apache spark)
    #[arg(
        long,
        short = 's',
        value_delimiter = ',',
        value_name = "SKILLS",
        required_unless_present = "from"
    )]
    pub skills: Vec<String>,
    /// Take a role's skills as yours (added to --skills); the role itself is not ranked
    #[arg(long, value_name = "ROLE")]
    pub from: Option<String>,
    /// How many roles to show [default: a screenful in a terminal, else 10]
    #[arg(long, short = 'n', value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub top: Option<u32>,
}

#[derive(Debug, Args)]
pub struct PathArgs {
    /// The role (an id, alias or title)
    pub role: String,
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

    #[test]
    fn the_colour_flag_is_read_from_raw_arguments() {
        let args = |v: &[&str]| -> Vec<std::ffi::OsString> { v.iter().map(Into::into).collect() };
        assert_eq!(ColorWhen::from_args(&args(&["list"])), None);
        assert_eq!(
            ColorWhen::from_args(&args(&["--color", "never", "--help"])),
            Some(ColorWhen::Never)
        );
        assert_eq!(
            ColorWhen::from_args(&args(&["list", "--color=always", "--color=never"])),
            Some(ColorWhen::Never)
        );
        assert_eq!(
            ColorWhen::from_args(&args(&["show", "--", "--color=always"])),
            None
        );
        assert_eq!(ColorWhen::from_args(&args(&["--colors=always"])), None);
    }
}
