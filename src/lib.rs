//! `careers`: a career explorer for data and machine-learning roles.
//!
//! Data flows one way: files → `model` → [`store`] → [`commands`] → [`views`] → [`render`] →
//! stdout.
//!
//! - `model`: profiles, O*NET details, wage estimates and places as types, and the algebra on
//!   them (skill sets, pay placement, place matching).
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
//! - [`render`]: the formats (table, plain, JSON, CSV, Markdown); the renderer adds each
//!   source's notice once per output.
//!
//! A new subcommand takes four files: its arguments and variant in [`cli`], its facts in
//! `commands/NAME.rs`, its view in `views/NAME.rs`, and here its line in [`dispatch`] and a
//! `mod` line in each of the two module lists below.

pub mod census;
pub mod cli;
/// One module per subcommand. Each takes the context and its arguments and returns a report of
/// facts; none prints, and none imports another.
pub mod commands {
    pub mod compare;
    pub mod completions;
    pub mod dataset;
    pub mod gap;
    pub mod import;
    pub mod list;
    pub mod man;
    pub mod r#match;
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
    pub mod gap;
    pub mod import;
    pub mod list;
    pub mod r#match;
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
}

/// Runs the parsed command line, writing to stdout. Returns the exit code.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    let stdout = io::stdout();
    let terminal = stdout.is_terminal();
    let format = cli.format.unwrap_or(if terminal {
        Format::Table
    } else {
        Format::Plain
    });
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
    let code = if let Some(pager) = pager {
        // Known only once it is written: whether the output is longer than the screen.
        let mut text = Vec::with_capacity(64 * 1024);
        let code = dispatch(&ctx, cli.command, &mut text)?;
        let rows = render::pager::screen_rows(std::env::var("LINES").ok().as_deref());
        render::pager::write(&text, Some(&pager), rows, &mut stdout.lock()).map_err(reported)?;
        code
    } else {
        let mut out = io::BufWriter::new(stdout.lock());
        let code = dispatch(&ctx, cli.command, &mut out)?;
        out.flush().map_err(reported)?;
        code
    };
    // A damaged import of a dataset opened on demand was found while the command ran.
    let warnings = [
        ctx.store.projections_warning_if_opened(),
        ctx.store.prices_warning_if_opened(),
    ];
    for why in warnings.into_iter().flatten() {
        writeln!(
            io::stderr(),
            "careers: warning: {}",
            render::sanitize::sanitize_line(why)
        )
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
/// one warning on `warn`, or is an error under `strict`.
pub fn load_store(
    data_dir: Option<&Path>,
    strict: bool,
    warn: &mut dyn Write,
) -> anyhow::Result<Store> {
    let mut entries = store::bundled_profiles()?;
    let mut broken = Vec::new();
    if let Some(dir) = data_dir {
        let folder = datadir::paths::profiles_dir(dir);
        let paths = store::user::profile_paths(&folder).map_err(|e| {
            anyhow::anyhow!(
                "cannot list user profiles in {}: {}; fix the folder or pass --data-dir",
                folder.display(),
                store::user::io_reason(&e)
            )
        })?;
        let loaded = store::user::load_files(&paths);
        entries.extend(loaded.entries);
        broken = loaded.broken;
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
    let users = entries
        .iter()
        .any(|e| matches!(e.origin, store::Origin::User { .. }));
    let mut store = Store::with_bundled_vocabulary(entries);
    // Checks across profiles (an alias claimed twice, a link to a missing profile) concern only
    // the user's files: the bundled set is checked by its own tests.
    let problems = if users { store.problems() } else { Vec::new() };
    for (id, problem) in problems {
        let Some(store::Entry {
            origin: store::Origin::User { path },
            ..
        }) = store.get(&id)
        else {
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
        Command::Show(args) => write(ctx, &commands::show::run(ctx, &args)?, out),
        Command::Salary(args) => write(ctx, &commands::salary::run(ctx, &args)?, out),
        Command::Where(args) => write(ctx, &commands::r#where::run(ctx, &args)?, out),
        Command::Worth(args) => write(ctx, &commands::worth::run(ctx, &args)?, out),
        Command::Places(args) => write(ctx, &commands::places::run(ctx, &args)?, out),
        Command::Trends(args) => write(ctx, &commands::trends::run(ctx, &args)?, out),
        Command::Outlook(args) => write(ctx, &commands::outlook::run(ctx, &args)?, out),
        Command::Compare(args) => write(ctx, &commands::compare::run(ctx, &args)?, out),
        Command::Gap(args) => write(ctx, &commands::gap::run(ctx, &args)?, out),
        Command::Match(args) => write(ctx, &commands::r#match::run(ctx, &args)?, out),
        Command::Path(args) => write(ctx, &commands::path::run(ctx, &args)?, out),
        Command::Validate(args) => {
            let report = commands::validate::run(ctx, &args)?;
            write(ctx, &report, out)?;
            Ok(if report.all_valid() { 0 } else { 1 })
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
    emit(report, ctx.format, ctx.style, out).map_err(WriteError::stdout)?;
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
pub fn exit_code(err: &anyhow::Error) -> u8 {
    err.chain()
        .find_map(|cause| cause.downcast_ref::<CareersError>())
        .map_or(1, CareersError::exit_code)
}
