//! Every clap type. Doc comments here are the help text.

use std::ffi::OsString;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::model::projection::Education;
use crate::store::projections::OutlookRank;

pub use crate::render::Format;

const EXIT_CODES: &str = "\
Exit codes:
  0    success
  1    runtime error (unknown role or value, nothing usable in the input, bad data, stdout
       closed or not writable)
  2    usage error (unknown flag, missing or empty argument, bad CAREERS_FORMAT)
  130  interrupted (Ctrl-C, SIGTERM, SIGHUP)";

/// The help heading of the options every command takes.
const GLOBAL: &str = "Global options";

/// Explore careers in data and machine learning: what a role does and needs, what it pays,
/// how roles differ and how to move between them. Offline; every figure with its source.
#[derive(Debug, Parser)]
#[command(name = "careers", version, about, after_help = EXIT_CODES, max_term_width = 100)]
pub struct Cli {
    /// Output format [default: $CAREERS_FORMAT, else table on a terminal, plain when piped]
    #[arg(long, short = 'f', global = true, value_enum, help_heading = GLOBAL)]
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

/// The format `CAREERS_FORMAT` names, the default of `--format`; `None` when it is unset or
/// empty. Read here rather than by clap, which would check the variable even when `--format`
/// overrides it, and blame `--format` for its value.
pub fn format_from_env() -> Result<Option<Format>, crate::error::CareersError> {
    const VAR: &str = "CAREERS_FORMAT";
    let Some(value) = std::env::var_os(VAR).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let text = value.to_string_lossy();
    Format::from_str(&text, false).map(Some).map_err(|_| {
        let possible: Vec<String> = Format::value_variants()
            .iter()
            .filter_map(clap::ValueEnum::to_possible_value)
            .map(|v| v.get_name().to_owned())
            .collect();
        crate::error::CareersError::Usage(format!(
            "invalid value '{text}' in the environment variable {VAR}; possible values: {}; set it to one of them, or unset it (--format overrides it)",
            possible.join(", ")
        ))
    })
}

/// Parses the command line (the program's name first). The tree clap builds for it is left
/// for the process's exit to free: freeing it would only delay that exit.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Cli, clap::Error> {
    let mut cmd = Cli::command();
    let parsed = cmd.try_get_matches_from_mut(args).and_then(|mut matches| {
        let cli = Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut cmd));
        std::mem::forget(matches);
        cli
    });
    std::mem::forget(cmd);
    parsed
}

/// The whole command tree with every command's arguments built, for what reads the tree rather
/// than parses with it: the manual, completions, usage errors.
pub fn command_tree() -> clap::Command {
    let mut cmd = Cli::command();
    cmd.build();
    cmd
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
                Some("") => args.next().map(std::borrow::Cow::into_owned),
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

/// Each command's arguments are built only when it is the one asked for (`defer`): the other
/// commands cost a run their names, their one-line help and clap's copy of the global options.
/// Code that reads the whole tree builds it first ([`command_tree`]).
#[derive(Debug, Clone, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// List every role with a one-line summary and the kinds of data it has
    #[command(
        after_help = "Examples:\n  careers list\n  careers list --format json | jq -r '.roles[].id'"
    )]
    List(ListArgs),
    /// Show a role's whole profile, section by section
    #[command(
        after_help = "Examples:\n  careers show ml-engineer\n  careers show mle --section salary --section skills\n  careers show data-engineer --format json"
    )]
    Show(ShowArgs),
    /// Find roles by title, alias, alternate title, task or skill, best matches first
    #[command(
        after_help = "Ranking: a title counts 100, an alias or O*NET alternate or reported title 40 (100 when it is\nthe query), a skill or technology 20, a task 5 (three at most). Each counts three times when it is the query, twice when it\nholds the query as a phrase, once when it holds every word; a phrase inside a longer alias or skill\nweighs by the share of its words it is, and a title with fewer other words gets a bonus. Words\ncompare in the singular (nurses = nurse). When no role holds every word, a word one or two\nletters off counts in titles and aliases, a step lower. A code (15-2051 or 15-2051.00) finds\nthe occupations it names, then the profiles linked to them.\n\nExamples:\n  careers search \"machine learning engineer\"\n  careers search data --limit 5\n  careers search \"ml enginer\"\n  careers search 15-2051 --format json"
    )]
    Search(SearchArgs),
    /// Pay figures by role, city, experience, company type and industry, with their sources
    #[command(
        after_help = "Examples:\n  careers salary ml-engineer\n  careers salary --city SF\n  careers salary mle --experience senior --company faang\n  careers salary mle --about location --sort high --my-pay 150k\n  careers salary mle --city Austin --my-pay 45/hr\n  careers salary --city Denver --top 10\n  careers salary data-scientists --industry finance --industry information\n  careers salary --list-cities\n  careers salary --industry 'real estate' --format json\n\nA filter value nobody has (an unknown city) exits 1; a known value with no figure for the\nrole says so and exits 0."
    )]
    Salary(SalaryArgs),
    /// Where an occupation pays and employs most: metro areas (or states) ranked by a BLS OEWS
    /// figure
    #[command(
        after_help = "Ranks the areas where BLS OEWS publishes an estimate of the role's occupation by the \
figure --by names, highest first; areas without that figure published are counted, not ranked. \
A top-coded wage (at or above BLS's threshold) ranks above every published one. --by real-median \
ranks by what the median buys, leaving out areas BEA does not price and top-coded medians. \
An estimate whose employment or wage relative standard error (RSE) is above --max-rse (30%) is \
marked unreliable.\n\n\
Examples:\n  careers where software-developers\n  careers where data-scientists --by jobs-per-1000 --top 5\n  \
careers where software-developers --in TX --all\n  \
careers where registered-nurses --states --format json\n  careers where software-developers --by real-median"
    )]
    Where(WhereArgs),
    /// What pay buys where: amounts paid in different places, in U.S.-average prices (BEA's
    /// Regional Price Parities), their difference, and with --role where each falls among the
    /// role's BLS wages there
    #[command(
        after_help = "Give an amount and the place it is paid in, two to five times. Each amount is divided by \
its place's price level (BEA RPP, all items, U.S. = 100) over 100; the first place is set against each \
other one.\n\nExamples:\n  careers worth 120000 Austin 150000 \"San Francisco\"\n  \
careers worth 120k Austin 150k SF --role software-developers\n  \
careers worth 95000 Boise 130000 Denver 150000 Seattle --format json"
    )]
    Worth(WorthArgs),
    /// Every place BLS estimates wages for (the nation, states, metropolitan and nonmetropolitan
    /// areas), with its code, kind, state and price level, or those a name stands for
    #[command(
        after_help = "QUERY is read as --city reads a place: a state lists the state and its areas, a metro \
area, principal city or common name its area, `rural X` a state's nonmetropolitan areas; any other \
words list the areas whose names hold them.\n\nExamples:\n  careers places\n  careers places TX\n  \
careers places rural Montana\n  careers places Plano\n  careers places --format csv > areas.csv"
    )]
    Places(PlacesArgs),
    /// Where the market is going: demand figures, industries adopting ML, in-demand skills, trends
    #[command(
        after_help = "Examples:\n  careers trends\n  careers trends ml-engineer\n  careers trends mle --format json"
    )]
    Trends(TrendsArgs),
    /// Will it grow? BLS's ten-year projections of a role's occupations, or the occupations that
    /// grow fastest, add the most jobs, have the most openings or decline
    #[command(
        after_help = "Without a role, ranks every occupation BLS projects (--by, --group, --education, --top).\n\n\
Examples:\n  careers outlook data-scientists\n  careers outlook ml-engineer\n  careers outlook --top 10\n  \
careers outlook --group 29,31 --education postsecondary --by openings\n  careers outlook --by decline --format json"
    )]
    Outlook(OutlookArgs),
    /// Which occupations fit: filter every occupation and curated role by entry education, job
    /// zone, interests, pay (nationally or at a place, in U.S.-average prices), growth,
    /// openings, SOC group, title, skills, knowledge and technology, and rank them
    #[command(after_help = FIND_HELP)]
    Find(FindArgs),
    /// What O*NET's job zones and interest letters (RIASEC) mean, in O*NET's own words
    #[command(
        after_help = "TOPIC is zones, interests, one zone (4, or zone 4) or an interest code (IA) [default: all of them].\n\n\
Examples:\n  careers explain zones\n  careers explain interests\n  careers explain zone 4\n  careers explain IA"
    )]
    Explain(ExplainArgs),
    /// Compare 2 to 5 roles side by side: requirements, pay, outlook, and which skills they share
    #[command(
        after_help = "Examples:\n  careers compare data-engineer ml-engineer\n  careers compare data-engineer data-engineering-team-lead data-engineering-manager\n  careers compare mle data-engineer --format json"
    )]
    Compare(CompareArgs),
    /// What moving from one role to another takes: skills and knowledge to raise, skills and
    /// technologies to learn, what carries over, education, certifications, experience and pay
    #[command(
        after_help = "Each role stands for its linked O*NET occupation that fits it best: the one whose technologies\nmap onto the most of the role's skills (the first listed on a tie); its pay and technologies\nare that occupation's.\n\nTechnologies: those O*NET lists for TO that FROM has neither by name nor under another name of\nthe same skill, ranked by O*NET's signals: In Demand for TO first, then Hot Technology, then\nby how many of TO's technologies are of its kind (O*NET's commodity title), each with why.\n\nExamples:\n  careers gap data-engineer ml-engineer\n  careers gap ml-engineer data-engineer --format json"
    )]
    Gap(GapArgs),
    /// The occupations a role's skills and knowledge carry over to best, by O*NET's ratings,
    /// with the pay and job zone change and the three things most to raise for each
    #[command(
        after_help = "Ranking: how alike O*NET's ratings of the two occupations are: one less the mean difference\nof their levels (0-7) over the 35 skills and 33 knowledge areas both rate, each weighted by the\nsum of its importance (1-5) to the two, as a share of the 0-7 scale (100% is the same profile).\nA figure O*NET recommends suppressing leaves its element out; a level rated not relevant counts\nas 0. A role that is not an O*NET occupation is its first linked O*NET occupation.\n\nExamples:\n  careers moves registered-nurses\n  careers moves 25-2031.00 --up\n  careers moves data-engineer --city Seattle --format json"
    )]
    Moves(MovesArgs),
    /// Rank roles by how well they use the O*NET skills, knowledge and technologies you name
    #[command(
        after_help = "Inputs: O*NET skills and knowledge areas (writing, biology; a unique start will do:\nenglish), any technology O*NET lists by an example or a commodity title (autocad, epic,\nquickbooks, \"computer aided design\") and the skill vocabulary (python, sklearn), in any case.\n\nRanking: each input scores a role 0-1 and the score is their mean, as a percentage. A skill or\nknowledge area scores (importance - 1) / 4 by O*NET's rating of the role's occupation. A\ntechnology scores half for being listed (1/2, +1/4 hot, +1/4 in demand; a curated role's own\nlist counts in full) and half for the importance of the skill or knowledge area its listing\noccupations rate most above average. Ties go to the higher median pay, then id.\n\nExamples:\n  careers match --skills python,sql,spark\n  careers match --skills instructing,speaking,english --city Chicago\n  careers match --skills autocad,revit --top 5\n  careers match --from registered-nurses"
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
--summary \"Builds the models analysts query.\"\n  careers new analytics-engineer --summary \"Builds models.\" --force   # overwrite"
    )]
    New(NewArgs),
    /// Import a database into your data directory, replacing any earlier import of it
    #[command(
        after_help = "Examples:\n  careers import onet ~/Downloads/db_29_2_text\n  careers import oews ~/Downloads/oews\n  careers import prices ~/Downloads/RPP\n  careers --data-dir ./data import onet ./db_29_2_text --format json\n  careers import projections ~/Downloads/occupation.xlsx"
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
    /// Make the embedded dataset (`data/embedded/`) from the official files, with the code
    /// `careers import` runs: for building careers, not for using it
    #[command(hide = true)]
    Dataset(DatasetArgs),
}

#[derive(Debug, Clone, Args)]
pub struct DatasetArgs {
    /// The folder of O*NET's text files
    #[arg(long, value_name = "DIR")]
    pub onet: std::path::PathBuf,
    /// The folder to read O*NET's Skills.txt, Knowledge.txt and Abilities.txt from instead,
    /// when the release in --onet lacks them (O*NET 29.0's beside 29.2)
    #[arg(long, value_name = "DIR")]
    pub onet_ratings: Option<std::path::PathBuf>,
    /// The folder of BLS's OEWS flat files
    #[arg(long, value_name = "DIR")]
    pub oews: std::path::PathBuf,
    /// BLS's Employment Projections workbook, occupation.xlsx
    #[arg(long, value_name = "FILE")]
    pub projections: std::path::PathBuf,
    /// The folder of BEA's Regional Price Parities CSVs (MARPP, PARPP, SARPP)
    #[arg(long, value_name = "DIR")]
    pub prices: std::path::PathBuf,
    /// Census's list of principal cities of metropolitan areas, list2_2023.xlsx: written as
    /// `principal-cities.tsv`
    #[arg(long, value_name = "FILE")]
    pub cities: std::path::PathBuf,
    /// Where to write the dataset: its `onet/`, `oews/`, `projections/` and `prices/` are
    /// replaced once all are written
    #[arg(long, value_name = "DIR")]
    pub out: std::path::PathBuf,
}

#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Clone, Args)]
pub struct ManArgs {
    /// Write careers.1 and one page per command (careers-show.1, ...) into this folder
    #[arg(long, value_name = "DIR")]
    pub dir: Option<std::path::PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct ListArgs {
    /// Only roles from this source
    #[arg(long, value_enum, value_name = "SOURCE")]
    pub source: Option<SourceKind>,
    /// Only occupations in this O*NET job zone (1 little preparation ... 5 extensive)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=5))]
    pub zone: Option<u8>,
    /// Only roles that need this skill (a skill name, alias or O*NET technology name)
    #[arg(long, value_name = "NAME", value_parser = NonBlank)]
    pub skill: Option<String>,
    /// Only occupations for which O*NET lists this as a hot technology
    #[arg(long, value_name = "NAME", value_parser = NonBlank)]
    pub hot: Option<String>,
    /// Only occupations for which O*NET lists this technology as in demand
    #[arg(long, value_name = "NAME", value_parser = NonBlank)]
    pub in_demand: Option<String>,
    /// Only occupations in this SOC major group: the code's first two digits (15 computer and
    /// mathematical, 29 healthcare practitioners, ...)
    #[arg(long, value_name = "NN", value_parser = clap::value_parser!(u8).range(11..=55))]
    pub group: Option<u8>,
    /// Order of the rows [default: curated and your profiles first, then occupations by code]
    #[arg(long, value_enum, value_name = "KEY")]
    pub sort: Option<ListSort>,
    /// Show at most N roles
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

/// What `list --sort` orders by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListSort {
    /// By id
    Id,
    /// By title
    Title,
    /// By O*NET-SOC code; roles without one last, by id
    Code,
    /// By job zone, most preparation first; roles without one last
    Zone,
}

/// Where a profile comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SourceKind {
    /// Curated profiles compiled into careers
    Bundled,
    /// Profiles in your data directory
    User,
    /// The occupations of the O*NET database (embedded or imported)
    Onet,
}

// With no database named, a one-line error that names the choices, not the help. (Set here, not
// on `Command::Import`: these arguments are built after its attributes, and would override them.)
#[derive(Debug, Clone, Args)]
#[command(subcommand_required = true, arg_required_else_help = false)]
pub struct ImportArgs {
    #[command(subcommand)]
    pub database: ImportDatabase,
    /// Replace the previous import even when this one keeps less than half of what it held: of
    /// O*NET's occupations or any kind of row, of OEWS's estimates (a sign of a truncated or
    /// incomplete download); for the projections and the price parities, also import the rows
    /// that can be read when some cannot
    #[arg(long, global = true)]
    pub force: bool,
}

// Databases `careers import` reads (a plain comment: a doc comment would replace the help text
// of `import` when its deferred arguments are built).
#[derive(Debug, Clone, Subcommand)]
pub enum ImportDatabase {
    /// The O*NET database, text edition (the folder of tab-delimited .txt files from
    /// onetcenter.org); only "Occupation Data.txt" is required
    Onet {
        /// The folder of O*NET's text files, e.g. ~/Downloads/db_29_2_text
        dir: std::path::PathBuf,
        /// Read Skills.txt, Knowledge.txt and Abilities.txt from this folder of another
        /// release's text files instead (its release is named wherever its ratings are shown)
        #[arg(long, value_name = "DIR")]
        ratings: Option<std::path::PathBuf>,
    },
    /// BLS's Occupational Employment and Wage Statistics (OEWS), in BLS's time-series flat
    /// files: oe.area, oe.occupation and oe.data.0.Current are required; oe.industry,
    /// oe.datatype, oe.footnote, oe.areatype and oe.release are used when present
    Oews {
        /// The folder of the oe.* flat files
        dir: std::path::PathBuf,
    },
    /// BLS's Employment Projections: the workbook occupation.xlsx from BLS's data page
    /// (Table 1.2, projections and worker characteristics; Table 1.10, separations and
    /// openings)
    Projections {
        /// BLS's occupation.xlsx
        file: std::path::PathBuf,
    },
    /// BEA's Regional Price Parities: the folder of BEA's three CSVs, MARPP_*.csv
    /// (metropolitan areas), PARPP_*.csv (states' metropolitan and nonmetropolitan portions)
    /// and SARPP_*.csv (states); a row that cannot be read fails the import unless --force
    Prices {
        /// The folder of BEA's RPP CSVs, e.g. ~/Downloads/RPP
        dir: std::path::PathBuf,
    },
}

#[derive(Debug, Clone, Args)]
pub struct SourcesArgs {}

#[derive(Debug, Clone, Args)]
pub struct SearchArgs {
    /// Words to look for, in any case; several words are one phrase, quoted or not
    #[arg(value_name = "WORDS", required = true, num_args = 1..)]
    pub words: Vec<String>,
    /// Show at most N matches
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
}

#[derive(Debug, Clone, Args)]
pub struct ValidateArgs {
    /// Profile files or folders of them, `-` for standard input [default: your profiles
    /// folder]; a folder's profile.schema.json is skipped, a data directory stands for its
    /// profiles folder
    #[arg(value_name = "PATH")]
    pub paths: Vec<std::path::PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct SchemaArgs {}

#[derive(Debug, Clone, Args)]
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

#[derive(Debug, Clone, Args)]
pub struct ShowArgs {
    /// The role: an id, alias or title, in any case (see `careers list`)
    #[arg(value_parser = NonBlank)]
    pub role: String,
    /// Show only these sections (repeatable); a chosen O*NET section is shown whole
    #[arg(long, short = 's', value_enum, value_name = "NAME")]
    pub section: Vec<Section>,
    /// Show every O*NET title, task, technology, tool, rating and related occupation, not only
    /// the first ones
    #[arg(long)]
    pub full: bool,
}

#[derive(Debug, Clone, Args)]
pub struct SalaryArgs {
    /// Only these roles: ids, aliases or titles [default: every role]
    #[arg(value_name = "ROLE", value_parser = NonBlank)]
    pub roles: Vec<String>,
    /// Only figures for this place; repeat it or separate places with commas to compare them
    /// (Austin,SF; CA,TX; Boston,US). A curated city (Seattle, SF, NYC, Remote...) or, with BLS
    /// OEWS wages, any area by its whole name, a metro area by one of its cities or principal
    /// cities (Bellevue, Plano), a state by name or postal code (Texas, WA), a state's
    /// nonmetropolitan areas (rural Montana), a common name (Bay Area), US, or an OEWS area
    /// code; `careers places` lists them
    #[arg(long, value_name = "PLACE", value_parser = NonBlank)]
    pub city: Vec<String>,
    /// Only figures for this career stage: entry, mid or senior (also entry-level, mid-career,
    /// experienced)
    #[arg(
        long,
        value_name = "LEVEL",
        ignore_case = true,
        hide_possible_values = true
    )]
    pub experience: Option<crate::model::ExperienceLevel>,
    /// Only figures for this kind of employer: general, top-tech (also FAANG, big tech) or
    /// startup
    #[arg(
        long,
        value_name = "TYPE",
        ignore_case = true,
        hide_possible_values = true
    )]
    pub company: Option<crate::model::CompanyType>,
    /// Only figures for this industry, e.g. "real estate", "information technology", or a BLS
    /// sector ("finance", 52); repeat it to set industries side by side, BLS's sectors beside
    /// its all-industry figures
    #[arg(long, value_name = "NAME", value_parser = NonBlank)]
    pub industry: Vec<String>,
    /// Only figures about this: overall, company, experience, location, industry,
    /// additional-compensation or total-compensation
    #[arg(
        long,
        value_name = "WHAT",
        ignore_case = true,
        hide_possible_values = true
    )]
    pub about: Option<crate::model::Dimension>,
    /// Order each group by an end of the band, highest first; open-ended figures sort on the
    /// amount they state
    #[arg(long, value_enum, value_name = "END")]
    pub sort: Option<PaySort>,
    /// Your pay: a year's in US dollars (150000, 150,000, $150k) or an hourly rate (45/hr,
    /// 45h, 45.50/hr), which counts 2,080 hours a year as BLS does; shows where it falls in
    /// every band
    #[arg(long, value_name = "AMOUNT")]
    pub my_pay: Option<crate::model::pay::PayAmount>,
    /// List the places the curated profiles have pay figures for and how many roles have
    /// figures there (`careers places` lists every place BLS estimates wages for)
    #[arg(long, conflicts_with_all = ["city", "experience", "company", "industry", "about", "sort", "my_pay", "top"])]
    pub list_cities: bool,
    /// With --city and no role: also the N occupations with the highest BLS OEWS median wage
    /// in the (first) place
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub top: Option<u16>,
    /// With --top: only occupations of this SOC major group, e.g. 15 (computer and
    /// mathematical) or 29 (healthcare practitioners)
    #[arg(long, value_name = "CODE", requires = "top")]
    pub group: Option<String>,
    /// With --top: only occupations whose BLS title contains this text
    #[arg(long, value_name = "TEXT", requires = "top")]
    pub title: Option<String>,
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

#[derive(Debug, Clone, Args)]
pub struct PlacesArgs {
    /// A place or words of a place's name [default: every place]
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
}

#[derive(Debug, Clone, Args)]
pub struct WorthArgs {
    /// An amount of pay a year (120000, 120,000, $120k) or an hourly rate (45/hr, 45h: 2,080
    /// hours a year, as BLS counts them) and the place it is paid in
    /// (a metro by one of its cities, a state, US or an OEWS area code), two to five times
    #[arg(value_name = "AMOUNT PLACE", num_args = 1.., required = true)]
    pub pairs: Vec<String>,
    /// A role (an id, alias, title or O*NET-SOC code): where each amount falls among its BLS
    /// OEWS wages at its place
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct TrendsArgs {
    /// Only this role: an id, alias or title [default: every role with market data]
    #[arg(value_parser = NonBlank)]
    pub role: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct OutlookArgs {
    /// The role: an id, alias, title or O*NET-SOC code [default: rank every occupation]
    #[arg(value_parser = NonBlank)]
    pub role: Option<String>,
    /// What ranks the occupations
    #[arg(long, value_enum, default_value_t = OutlookRank::Growth, conflicts_with = "role")]
    pub by: OutlookRank,
    /// Only occupations in these SOC major groups, comma-separated (29 = healthcare
    /// practitioners, 31 = healthcare support, 15 = computer and mathematical)
    #[arg(long, value_delimiter = ',', value_name = "GROUP", value_parser = major_group, conflicts_with = "role")]
    pub group: Vec<String>,
    /// Only occupations whose typical entry education is at most this
    #[arg(long, value_enum, value_name = "LEVEL", conflicts_with = "role")]
    pub education: Option<Education>,
    /// How many occupations to list
    #[arg(long, default_value_t = 20, value_name = "N", value_parser = clap::value_parser!(u16).range(1..), conflicts_with = "role")]
    pub top: u16,
}

const FIND_HELP: &str = "\
Filters combine; a role is kept when it meets every one. Figures: entry education is BLS's typical
education needed for entry and growth and openings its projections 2024-34 (Employment
Projections); pay is the BLS OEWS annual median, cross-industry, of the role's occupation (an
O*NET occupation within a SOC occupation, such as 15-2051.01, takes the SOC occupation's), at
--city or in the nation; --real divides it by the place's price level (BEA RPP, all items). The
job zone and interest code are O*NET's. A curated role takes the figures of its first linked
O*NET occupation.

--interests keeps the occupations whose first O*NET interest high-point is one of your letters and
ranks them by Iachan's M index of your code against theirs: a letter in first place in both counts
22, first and second 10, first and third 4, second and second 5, second and third 2, third and
third 1 (28 is a perfect fit of three letters). --skill and --knowledge keep the occupations where
O*NET rates the element important: importance 3 (\"important\") or more on its 1-5 scale, with
neither figure suppressed (O*NET 29.0's ratings). --tech keeps those whose O*NET technology list
names the words as whole words (python finds Python, not IronPython).

A role without a figure a filter needs is left out and counted, never read as zero. `careers
explain zones` and `careers explain interests` say what job zones and interest letters mean.

Examples:
  careers find --education high-school --min-pay 60000
  careers find --interests IA --zone 3-4 --top 10
  careers find --group 29,31 --education associate --growth 5
  careers find --city Denver --real --sort pay --top 10
  careers find --skill instructing --knowledge biology --format csv";

/// A name or place that must say something: an empty or blank value is a usage error (as
/// clap words a missing value), never a filter that is quietly dropped or a name that finds
/// nothing.
#[derive(Debug, Clone, Copy)]
struct NonBlank;

impl clap::builder::TypedValueParser for NonBlank {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        use clap::error::{ContextKind, ContextValue, ErrorKind};
        let text = clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)?;
        if !text.trim().is_empty() {
            return Ok(text);
        }
        let mut err = clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
        let name = arg.map_or_else(|| "...".to_owned(), ToString::to_string);
        err.insert(ContextKind::InvalidArg, ContextValue::String(name));
        err.insert(
            ContextKind::InvalidValue,
            ContextValue::String(String::new()),
        );
        Err(err)
    }
}

/// A SOC major group: two digits, `15` or `15-0000`.
fn major_group(value: &str) -> Result<String, String> {
    let digits = value.strip_suffix("-0000").unwrap_or(value);
    if digits.len() == 2 && digits.bytes().all(|b| b.is_ascii_digit()) {
        Ok(digits.to_owned())
    } else {
        Err(format!(
            "a SOC major group is two digits, such as 29 or 15-0000, not \"{value}\""
        ))
    }
}

#[derive(Debug, Clone, Args)]
pub struct ExplainArgs {
    /// What to explain: zones, interests, a zone (4) or an interest code (IA) [default: all]
    #[arg(value_name = "TOPIC")]
    pub topic: Vec<String>,
}

#[derive(Debug, Clone, Args)]
pub struct FindArgs {
    /// Only roles whose typical entry education (BLS) is at most this
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub education: Option<Education>,
    /// Only roles in this O*NET job zone (4) or range of zones (2-3); 1 needs the least
    /// preparation, 5 the most
    #[arg(long, value_name = "ZONES", value_parser = zone_range)]
    pub zone: Option<(u8, u8)>,
    /// Your interest code: one to three RIASEC letters, strongest first (IA); keeps the roles
    /// whose first O*NET interest is one of them, ranked by fit
    #[arg(long, value_name = "LETTERS", value_parser = interest_code)]
    pub interests: Option<crate::model::interests::InterestCode>,
    /// Only roles whose BLS OEWS annual median is at least this many dollars (60000, 60,000,
    /// $60,000 or 60k), at --city or in the nation
    #[arg(long, value_name = "DOLLARS", value_parser = crate::model::salary::parse_dollars)]
    pub min_pay: Option<u64>,
    /// The place whose medians to show and filter on, read as salary's --city reads one (a
    /// metro, state, US or area code) [default: the nation]
    #[arg(long, value_name = "PLACE", value_parser = NonBlank)]
    pub city: Option<String>,
    /// Pay in U.S.-average prices: each median at --city divided by the place's price level
    /// (BEA RPP); --min-pay and --sort pay then use it
    #[arg(long, requires = "city")]
    pub real: bool,
    /// Only roles whose jobs BLS projects to grow by at least this percent, 2024-34 (5, or -2
    /// for a decline of at most 2%)
    #[arg(long, value_name = "PERCENT", allow_negative_numbers = true)]
    pub growth: Option<f64>,
    /// Only roles with at least this many openings a year (BLS projections)
    #[arg(long, value_name = "N")]
    pub min_openings: Option<u64>,
    /// Only roles in these SOC major groups, comma-separated (29 = healthcare practitioners,
    /// 31 = healthcare support, 15 = computer and mathematical)
    #[arg(long, value_delimiter = ',', value_name = "GROUP", value_parser = major_group)]
    pub group: Vec<String>,
    /// Only roles whose title holds this word or these words (nurse finds Registered Nurses)
    #[arg(long, value_name = "WORDS", value_parser = NonBlank)]
    pub title: Option<String>,
    /// Only roles where O*NET rates this skill important (3 or more of 5): instructing,
    /// programming, "critical thinking"
    #[arg(long, value_name = "SKILL", value_parser = NonBlank)]
    pub skill: Option<String>,
    /// Only roles where O*NET rates this knowledge area important (3 or more of 5): biology,
    /// mathematics, "computers and electronics"
    #[arg(long, value_name = "AREA", value_parser = NonBlank)]
    pub knowledge: Option<String>,
    /// Only roles whose O*NET technology list names this (python, excel, "sql server")
    #[arg(long, value_name = "TECHNOLOGY", value_parser = NonBlank)]
    pub tech: Option<String>,
    /// What ranks the roles [default: interests with --interests, else pay]
    #[arg(long, value_enum, value_name = "BY")]
    pub sort: Option<FindSort>,
    /// How many roles to list
    #[arg(long, default_value_t = 20, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub top: u16,
}

/// What ranks `find`'s roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum FindSort {
    /// Highest median pay first (in U.S.-average prices with --real)
    Pay,
    /// Fastest projected growth first
    Growth,
    /// Most openings a year first
    Openings,
    /// Best fit to --interests first
    Interests,
    /// Least preparation (lowest job zone) first
    Zone,
}

/// `4` or `2-3`: job zones, 1 to 5.
fn zone_range(value: &str) -> Result<(u8, u8), String> {
    let zone = |t: &str| match t.trim().parse::<u8>() {
        Ok(z @ 1..=5) => Ok(z),
        _ => Err(format!(
            "a job zone is 1 to 5, or a range such as 2-3, not \"{value}\"; `careers explain zones` says what each means"
        )),
    };
    let (low, high) = match value.split_once('-') {
        Some((a, b)) => (zone(a)?, zone(b)?),
        None => (zone(value)?, zone(value)?),
    };
    if low > high {
        return Err(format!(
            "the range \"{value}\" runs backwards; write the lower zone first ({high}-{low})"
        ));
    }
    Ok((low, high))
}

fn interest_code(value: &str) -> Result<crate::model::interests::InterestCode, String> {
    crate::model::interests::InterestCode::parse(value)
}

#[derive(Debug, Clone, Args)]
pub struct CompareArgs {
    /// 2 to 5 different roles: ids, aliases or titles (see `careers list`)
    #[arg(value_name = "ROLE", value_parser = NonBlank)]
    pub roles: Vec<String>,
    /// The place whose BLS OEWS median and employment to show, read as salary's --city reads
    /// one (a metro, state, US or area code) [default: the nation]
    #[arg(long, value_name = "PLACE", value_parser = NonBlank)]
    pub city: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct GapArgs {
    /// The role you have (an id, alias or title)
    #[arg(value_parser = NonBlank)]
    pub from: String,
    /// The role you want
    #[arg(value_parser = NonBlank)]
    pub to: String,
}

#[derive(Debug, Clone, Args)]
pub struct MovesArgs {
    /// The role you have: an id, alias, title or O*NET-SOC code
    pub role: String,
    /// Only moves up: a higher median pay or a higher job zone
    #[arg(long)]
    pub up: bool,
    /// The place whose BLS OEWS median pay to show (a metro, state, US or area code)
    /// [default: the nation]
    #[arg(long, value_name = "PLACE")]
    pub city: Option<String>,
    /// How many occupations to show [default: 10]
    #[arg(long, short = 'n', value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub top: Option<u32>,
}

#[derive(Debug, Clone, Args)]
pub struct MatchArgs {
    /// What you know, comma-separated: O*NET skills and knowledge areas, technologies and
    /// vocabulary skills, in any case (writing,biology,autocad,python)
    #[arg(
        long,
        short = 's',
        value_delimiter = ',',
        value_name = "SKILLS",
        required_unless_present = "from"
    )]
    pub skills: Vec<String>,
    /// Take a role's skills and knowledge (those it rates at least 3 and a standard deviation
    /// above the average occupation) and technologies as yours (added to --skills); the role
    /// itself is not ranked
    #[arg(long, value_name = "ROLE", value_parser = NonBlank)]
    pub from: Option<String>,
    /// The place whose median pay to show and break ties by, read as salary's --city reads one
    /// (a metro, state, US or area code) [default: the nation]
    #[arg(long, value_name = "PLACE", value_parser = NonBlank)]
    pub city: Option<String>,
    /// How many roles to rank [default: 10, of which a terminal table shows a screenful]
    #[arg(long, short = 'n', value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub top: Option<u32>,
}

#[derive(Debug, Clone, Args)]
pub struct WhereArgs {
    /// The role (an id, alias, title or O*NET-SOC code)
    #[arg(value_parser = NonBlank)]
    pub role: String,
    /// Rank states and territories instead of metropolitan and nonmetropolitan areas
    #[arg(long)]
    pub states: bool,
    /// The figure to rank by
    #[arg(long, value_enum, value_name = "FIGURE", default_value_t = WhereBy::Median)]
    pub by: WhereBy,
    /// How many areas to show
    #[arg(long, short = 'n', value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..))]
    pub top: u16,
    /// Only the metropolitan and nonmetropolitan areas of this state (TX, Texas); a metro that
    /// spans states (Kansas City, MO-KS) counts for each state it names
    #[arg(long = "in", value_name = "STATE", value_parser = NonBlank, conflicts_with = "states")]
    pub within: Option<String>,
    /// Every area with the figure, not only the first --top
    #[arg(long, conflicts_with = "top")]
    pub all: bool,
    /// The relative standard error, in percent, above which an estimate's employment or wage is
    /// flagged unreliable
    #[arg(long, value_name = "PCT", default_value_t = crate::model::reliability::DEFAULT_MAX_RSE, value_parser = crate::model::reliability::parse_max_rse)]
    pub max_rse: f64,
    /// Leave out the estimates flagged unreliable instead of marking them
    #[arg(long)]
    pub omit_unreliable: bool,
}

/// What `where` ranks areas by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WhereBy {
    /// Median annual wage
    #[value(alias = "wage", alias = "pay")]
    Median,
    /// Median annual wage in U.S.-average prices: what the median buys there (divided by the
    /// area's BEA Regional Price Parity over 100)
    #[value(alias = "real", alias = "buys")]
    RealMedian,
    /// Mean annual wage
    Mean,
    /// Employment: how many people hold the occupation there
    #[value(alias = "jobs")]
    Employment,
    /// Jobs in the occupation per 1,000 jobs there
    #[value(name = "jobs-per-1000", alias = "per-1000", alias = "density")]
    JobsPer1000,
    /// Location quotient: the occupation's share of jobs there against its national share
    #[value(name = "location-quotient", alias = "lq")]
    LocationQuotient,
}

#[derive(Debug, Clone, Args)]
pub struct PathArgs {
    /// The role (an id, alias or title)
    #[arg(value_parser = NonBlank)]
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
    /// BLS's ten-year projections of an O*NET occupation: jobs, growth, openings, entry
    /// education
    Outlook,
    /// Every O*NET section below
    Onet,
    /// O*NET's alternate titles and the titles workers report
    Titles,
    /// O*NET's task statements
    Tasks,
    /// O*NET's technology skills, by kind
    Technology,
    /// O*NET's tools used
    Tools,
    /// O*NET's required level of education
    Education,
    /// O*NET's job zone
    JobZone,
    /// O*NET's interest code (RIASEC)
    Interests,
    /// O*NET's work styles
    WorkStyles,
    /// O*NET's skill, knowledge and ability ratings
    Ratings,
    /// O*NET's related occupations
    Related,
}

impl Section {
    /// Whether the section is part of what O*NET says of an occupation.
    pub fn is_onet(self) -> bool {
        self >= Section::Onet
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
