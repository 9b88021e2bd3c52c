//! `careers`: a career explorer for data and machine-learning roles.
//!
//! Data flows one way: files → `model` → [`store`] → [`commands`] → [`views`] → [`render`] →
//! stdout.
//!
//! - `model`: profiles, O*NET details, wage estimates and places as types, and the algebra on
//!   them (skill sets, pay placement, place matching, search scoring).
//! - [`datadir`]: where the user's data lives, how imports are put in place there, and how
//!   stored files are read.
//! - [`onet`], [`oews`], [`projections`] and [`prices`]: reading the official releases and
//!   their stored form.
//! - [`store`]: the one seam to every data source (bundled and user profiles, the embedded
//!   dataset and imports). Commands ask it questions and never see a storage format.
//! - [`commands`]: one module per subcommand, arguments in, a serde report of facts out
//!   (numbers, enums, ids, lists). No command imports another, and none words or draws.
//! - [`views`]: one module per command that words its facts for people, and the sections
//!   several share.
//! - [`render`]: the formats (table, plain, JSON, CSV, Markdown); the renderer alone writes a
//!   report's credits, each source's notice once per output.
//!
//! A new subcommand takes four files: its arguments and variant in [`cli`], its facts in
//! `commands/NAME.rs`, its view in `views/NAME.rs`, and here its line in [`dispatch`] and a
//! `mod` line in each of the two module lists below.

// Unit tests compare figures with the exact values they are computed to.
#![cfg_attr(test, allow(clippy::float_cmp))]

pub mod census;
pub mod cli;
/// One module per subcommand. Each takes the context and its arguments and returns a report of
/// facts; none prints, and none imports another.
pub mod commands {
    pub mod compare;
    pub mod completions;
    pub mod dataset;
    pub mod explain;
    pub mod find;
    pub mod gap;
    pub mod import;
    pub mod list;
    pub mod man;
    pub mod r#match;
    pub mod moves;
    pub mod new;
    pub mod outlook;
    pub mod path;
    pub mod places;
    pub mod salary;
    pub mod schema;
    pub mod search;
    pub mod show;
    pub mod sources;
    pub mod trends;
    pub mod validate;
    pub mod r#where;
    pub mod worth;
}
pub mod datadir;
pub(crate) mod error;
pub(crate) mod fsutil;
pub mod interrupt;
pub(crate) mod model;
pub mod oews;
pub mod onet;
pub mod prices;
pub mod projections;
pub mod render;
pub mod store;
pub mod usage_error;
pub mod validate;
/// The views of the commands, a module each named after its command, and the views several
/// commands share (`sections`, `wages`): facts in, document blocks and CSV rows out. The only
/// place that words facts for people.
pub mod views {
    pub mod compare;
    pub mod dataset;
    pub mod explain;
    pub mod find;
    pub mod gap;
    pub mod import;
    pub mod list;
    pub mod r#match;
    pub mod moves;
    pub mod new;
    pub mod outlook;
    pub mod path;
    pub mod places;
    pub mod salary;
    pub mod schema;
    pub mod search;
    pub mod sections;
    pub mod show;
    pub mod sources;
    pub mod trends;
    pub mod validate;
    pub mod wages;
    pub mod r#where;
    pub mod worth;
}

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use cli::{Cli, Command};
use error::CareersError;
use render::{Format, Report, Style, emit};
use store::Store;

/// What a command needs besides its arguments.
pub struct Context {
    pub store: Store,
    /// The user's data directory (profiles, imports), when one can be named.
    pub data_dir: Option<std::path::PathBuf>,
    pub format: Format,
    pub style: Style,
    /// What the report suggests doing next, printed on stderr once stdout has taken the report.
    pub hints: std::cell::RefCell<Vec<String>>,
}

/// Runs the parsed command line, writing to stdout. Returns the exit code.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    let stdout = io::stdout();
    let terminal = stdout.is_terminal();
    let format = match cli.format {
        Some(format) => format,
        None => cli::format_from_env()?.unwrap_or(if terminal {
            Format::Table
        } else {
            Format::Plain
        }),
    };
    cli.color.write_global();
    let color = format.takes_colour() && use_color(&stdout);
    let style = Style {
        width: Style::detect_width(std::env::var("COLUMNS").ok().as_deref()),
        color,
    };
    let data_dir = datadir::paths::data_dir(cli.data_dir.as_deref());
    let user_dir = data_dir
        .as_deref()
        .filter(|_| reads_user_profiles(&cli.command));
    // An import replaces the data it would otherwise load, so it must run even when that data
    // cannot be read.
    let importing = matches!(cli.command, Command::Import(_));
    let onet_dir = user_dir.filter(|_| !importing);
    let embedded = !importing && reads_user_profiles(&cli.command) && Store::embedded_enabled();
    let store = load_store(user_dir, cli.strict, &mut io::stderr())?
        .with_onet(onet_dir, embedded)
        .with_imports_dir(onet_dir);
    if let Some(why) = store.onet_unreadable() {
        writeln!(
            io::stderr(),
            "careers: warning: {}",
            render::sanitize::sanitize_line(why)
        )
        .map_err(WriteError::stderr)?;
    }
    let ctx = Context {
        store,
        data_dir,
        format,
        style,
        hints: std::cell::RefCell::default(),
    };
    let finished = match &cli.command {
        Command::Import(_) => Some("the import is in place"),
        Command::New(_) => Some("the profile is written"),
        _ => None,
    };
    let reported = |e: io::Error| {
        let e = anyhow::Error::new(WriteError::stdout(e));
        match finished {
            Some(done) => e.context(format!("{done}, but its report could not be printed")),
            None => e,
        }
    };
    let pager = render::pager::choose(
        cli.no_pager,
        terminal,
        std::env::var_os("CAREERS_PAGER"),
        std::env::var_os("PAGER"),
    );
    // A block of the OEWS import found damaged while the command gathered its facts (before it
    // wrote anything): the command runs again, answered by the embedded release.
    let dispatch = |ctx: &Context, command: Command, out: &mut dyn Write| {
        let again = command.clone();
        match dispatch(ctx, command, out) {
            Err(e) if ctx.store.fall_back_from_damaged_wages(&e) => dispatch(ctx, again, out),
            done => done,
        }
    };
    let written = if let Some(pager) = pager {
        // Known only once it is written: whether the output is longer than the screen.
        let mut text = Vec::with_capacity(64 * 1024);
        dispatch(&ctx, cli.command, &mut text).and_then(|code| {
            let rows = render::pager::screen_rows(std::env::var("LINES").ok().as_deref());
            render::pager::write(&text, Some(&pager), rows, &mut stdout.lock())
                .map_err(reported)?;
            Ok(code)
        })
    } else {
        let mut out = io::BufWriter::new(stdout.lock());
        dispatch(&ctx, cli.command, &mut out)
            .and_then(|code| out.flush().map(|()| code).map_err(reported))
    };
    // A damaged import of a dataset opened on demand was found while the command ran: said
    // whether the command answered or failed, since it may be why it failed.
    let damaged = [
        ctx.store.wages_warning_if_opened(),
        ctx.store.projections_warning_if_opened(),
        ctx.store.prices_warning_if_opened(),
    ];
    for why in damaged.into_iter().flatten() {
        writeln!(
            io::stderr(),
            "careers: warning: {}",
            render::sanitize::sanitize_line(why)
        )
        .map_err(WriteError::stderr)?;
    }
    let code = written?;
    // A profile read on demand had changed since start-up: the output may mix two versions.
    if let Some(path) = ctx.store.changed_files().first() {
        anyhow::bail!(
            "{} changed while careers was reading your profiles, so the output may mix its old and new versions; run the command again",
            path.display()
        );
    }
    for hint in ctx.hints.borrow().iter() {
        writeln!(io::stderr(), "{}", render::sanitize::sanitize_line(hint))
            .map_err(WriteError::stderr)?;
    }
    // The process ends here: freeing thousands of imported profiles one by one would only add
    // to every command's run time.
    std::mem::forget(ctx);
    Ok(code)
}

/// Commands that answer questions about roles read the user's profiles; commands that manage
/// files read what they are given.
fn reads_user_profiles(command: &Command) -> bool {
    !matches!(
        command,
        Command::Validate(_)
            | Command::Schema(_)
            | Command::New(_)
            | Command::Man(_)
            | Command::Dataset(_)
    )
}

/// The bundled profiles, then the user's from `data_dir`. A broken user file is skipped with
/// one warning on `warn`, or is an error under `strict`. A user's file that the profiles
/// folder's index has seen unchanged is read only when a command asks for its profile.
pub fn load_store(
    data_dir: Option<&Path>,
    strict: bool,
    warn: &mut dyn Write,
) -> anyhow::Result<Store> {
    let mut entries: Vec<store::StoreProfile> = store::bundled_store_profiles()?;
    let mut broken = Vec::new();
    let mut checks_across = false;
    if let Some(dir) = data_dir {
        let folder = datadir::paths::profiles_dir(dir);
        let paths = store::user::profile_paths(&folder).map_err(|e| {
            anyhow::anyhow!(
                "cannot list user profiles in {}: {}; fix the folder or pass --data-dir",
                folder.display(),
                store::user::io_reason(&e)
            )
        })?;
        let loaded = store::user::load_folder(dir, &paths);
        let users = !loaded.profiles.is_empty();
        entries.extend(loaded.profiles);
        broken = loaded.broken;
        checks_across = users;
    }
    for file in &broken {
        let first = file
            .problems
            .first()
            .map(ToString::to_string)
            .unwrap_or_default();
        let message = format!(
            "{}: {first}{}; run `careers validate {}`",
            file.path.display(),
            error::more_problems(file.problems.len().saturating_sub(1)),
            render::sanitize::shell_quote(&file.path.display().to_string())
        );
        if strict {
            anyhow::bail!("{message} (--strict)");
        }
        writeln!(
            warn,
            "careers: warning: skipped {}",
            render::sanitize::sanitize_line(&message)
        )
        .map_err(WriteError::stderr)?;
    }
    let mut store = Store::from_profiles(entries);
    // Checks across profiles (an alias claimed twice, a link to a missing profile) concern only
    // the user's files: the bundled set is checked by its own tests.
    let problems = if checks_across {
        store.problems()
    } else {
        Vec::new()
    };
    for (id, problem) in problems {
        let Some(store::Origin::User { path }) = store.origin_of(&id) else {
            continue;
        };
        let message = format!(
            "{}: {problem}; run `careers validate {}`",
            path.display(),
            render::sanitize::shell_quote(&path.display().to_string())
        );
        if strict {
            anyhow::bail!("{message} (--strict)");
        }
        writeln!(
            warn,
            "careers: warning: {}",
            render::sanitize::sanitize_line(&message)
        )
        .map_err(WriteError::stderr)?;
    }
    store.set_broken(broken);
    Ok(store)
}

/// Runs one command against a loaded store, writing its report to `out`. Returns the exit code.
pub fn dispatch(ctx: &Context, command: Command, out: &mut dyn Write) -> anyhow::Result<u8> {
    match command {
        Command::List(args) => write(ctx, &commands::list::run(ctx, &args)?, out),
        Command::Show(args) => {
            let report = commands::show::run(ctx, &args)?;
            let view = views::show::ShowView {
                report: &report,
                full: args.full,
            };
            write(ctx, &view, out)
        }
        Command::Salary(args) => write(ctx, &commands::salary::run(ctx, &args)?, out),
        Command::Where(args) => write(ctx, &commands::r#where::run(ctx, &args)?, out),
        Command::Worth(args) => write(ctx, &commands::worth::run(ctx, &args)?, out),
        Command::Places(args) => write(ctx, &commands::places::run(ctx, &args)?, out),
        Command::Trends(args) => write(ctx, &commands::trends::run(ctx, &args)?, out),
        Command::Outlook(args) => write(ctx, &commands::outlook::run(ctx, &args)?, out),
        Command::Explain(args) => write(ctx, &commands::explain::run(ctx, &args)?, out),
        Command::Find(args) => write(ctx, &commands::find::run(ctx, &args)?, out),
        Command::Compare(args) => write(ctx, &commands::compare::run(ctx, &args)?, out),
        Command::Gap(args) => write(ctx, &commands::gap::run(ctx, &args)?, out),
        Command::Moves(args) => write(ctx, &commands::moves::run(ctx, &args)?, out),
        Command::Match(args) => {
            let report = commands::r#match::run(ctx, &args)?;
            // A terminal table shows a screenful of the ranking, unless `--top` says how many.
            let rows = (args.top.is_none() && ctx.format == cli::Format::Table)
                .then(render::screen_rows)
                .flatten()
                .map(views::r#match::screenful);
            let view = views::r#match::MatchView {
                report: &report,
                rows,
            };
            write(ctx, &view, out)
        }
        Command::Path(args) => write(ctx, &commands::path::run(ctx, &args)?, out),
        Command::Validate(args) => {
            let report = commands::validate::run(ctx, &args)?;
            write(ctx, &report, out)?;
            Ok(u8::from(!report.all_valid()))
        }
        Command::Schema(args) => write(ctx, &commands::schema::run(ctx, &args)?, out),
        Command::New(args) => write(ctx, &commands::new::run(ctx, &args)?, out),
        Command::Completions(args) => verbatim(&commands::completions::run(ctx, &args)?, out),
        Command::Man(args) => verbatim(&commands::man::run(&args)?, out),
        Command::Dataset(args) => write(ctx, &commands::dataset::run(ctx, &args)?, out),
        Command::Import(args) => write(ctx, &commands::import::run(ctx, &args)?, out),
        Command::Sources(args) => write(ctx, &commands::sources::run(ctx, &args)?, out),
        Command::Search(args) => write(ctx, &commands::search::run(ctx, &args)?, out),
    }
}

fn write<R: Report>(ctx: &Context, report: &R, out: &mut dyn Write) -> anyhow::Result<u8> {
    let notes = emit(report, ctx.format, ctx.style, out).map_err(WriteError::stdout)?;
    // For people, not scripts; printed once the report is out (see `run`).
    if !matches!(ctx.format, Format::Json | Format::Csv) {
        let mut hints = ctx.hints.borrow_mut();
        hints.extend(notes);
        hints.extend(report.hints());
    }
    Ok(0)
}

/// Generated files (completion scripts, man pages) go out byte for byte: `--format` does not
/// apply to them.
fn verbatim(bytes: &[u8], out: &mut dyn Write) -> anyhow::Result<u8> {
    render::write_verbatim(bytes, out).map_err(WriteError::stdout)?;
    Ok(0)
}

/// Writing a report or a message failed: the stream is named, since the error itself (a full
/// disk, a closed descriptor) says nothing of where.
#[derive(Debug, thiserror::Error)]
#[error("cannot write to {stream}: {}", store::user::io_reason(.error))]
pub struct WriteError {
    pub stream: &'static str,
    pub error: io::Error,
}

impl WriteError {
    pub fn stdout(error: io::Error) -> WriteError {
        WriteError {
            stream: "stdout",
            error,
        }
    }

    pub fn stderr(error: io::Error) -> WriteError {
        WriteError {
            stream: "stderr",
            error,
        }
    }
}

/// Whether to colour what goes to `stream`, by the rules every anstream program follows:
/// `--color always|never` decides (see [`cli::ColorWhen::write_global`]); under `auto`, a non-empty
/// `NO_COLOR` turns colour off, a non-empty `CLICOLOR_FORCE` turns it on, `CLICOLOR=0`
/// turns it off, and otherwise it is on when `stream` is a terminal whose `TERM` is not `dumb`.
pub fn use_color<S: anstream::stream::RawStream>(stream: &S) -> bool {
    anstream::AutoStream::choice(stream) != anstream::ColorChoice::Never
}

/// Fails when stdout was closed when careers started (`careers list >&-`), which would
/// otherwise lose the output with exit 0: Rust's runtime puts `/dev/null`, opened for reading
/// and writing, in the place of a closed standard stream. That is what this looks for, on
/// Linux: a `/dev/null` opened only for writing (`>/dev/null`) is a place to discard output,
/// and passes.
pub fn check_stdout_open() -> Result<(), WriteError> {
    if cfg!(target_os = "linux") && stdout_is_reopened_null() {
        return Err(WriteError::stdout(io::Error::other(
            "it was closed when careers started; give the output somewhere to go (a file, a pipe, or >/dev/null to discard it)",
        )));
    }
    Ok(())
}

/// Whether descriptor 1 is `/dev/null` open for reading and writing, as the runtime opens it.
fn stdout_is_reopened_null() -> bool {
    const O_ACCMODE: u32 = 0o3;
    const O_RDWR: u32 = 0o2;
    if std::fs::read_link("/proc/self/fd/1").ok().as_deref() != Some(Path::new("/dev/null")) {
        return false;
    }
    std::fs::read_to_string("/proc/self/fdinfo/1")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("flags:"))
                .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
        })
        .is_some_and(|flags| flags & O_ACCMODE == O_RDWR)
}

/// Whether the error is a closed pipe on stdout, which ends a command quietly.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let io = cause
            .downcast_ref::<io::Error>()
            .or_else(|| cause.downcast_ref::<WriteError>().map(|w| &w.error));
        io.is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// 2 for usage errors, 1 for every other failure.
/// The lines an error is printed as after `careers: error: `: one, but for a name several
/// roles answer to, whose best readings follow a line each (the first few, then how many more).
pub fn error_lines(err: &anyhow::Error) -> Vec<String> {
    match err.downcast_ref::<CareersError>() {
        Some(CareersError::AmbiguousRole { query, candidates }) if err.chain().count() == 1 => {
            const SHOWN: usize = 5;
            let mut lines = vec![format!(
                "\"{query}\" names {} roles; name one by its id or code:",
                candidates.len()
            )];
            lines.extend(candidates.iter().take(SHOWN).map(|c| format!("  {c}")));
            if candidates.len() > SHOWN {
                lines.push(format!(
                    "  and {} more; `careers search {query}` ranks them",
                    candidates.len() - SHOWN
                ));
            }
            lines
        }
        _ => vec![format!("{err:#}")],
    }
}

pub fn exit_code(err: &anyhow::Error) -> u8 {
    err.chain()
        .find_map(|cause| cause.downcast_ref::<CareersError>())
        .map_or(1, CareersError::exit_code)
}
