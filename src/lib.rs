//! `careers`: a career explorer for data and machine-learning roles.
//!
//! Data flows one way: files → [`model`] → [`store`] → [`commands`] → [`render`] → stdout.

pub mod cli;
pub mod commands;
pub mod error;
pub mod model;
pub mod onet;
pub mod render;
pub mod store;

use std::io::{self, IsTerminal, Write};

use cli::{Cli, ColorWhen, Command};
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

/// Runs the parsed command line, writing to stdout.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let stdout = io::stdout();
    let color = use_color(cli.color, cli.format, stdout.is_terminal());
    let style = Style {
        width: Style::detect_width(std::env::var("COLUMNS").ok().as_deref()),
        color,
    };
    let mut out = io::BufWriter::new(stdout.lock());
    let data_dir = store::paths::data_dir(cli.data_dir.as_deref());
    // An import replaces the data it would otherwise load, so it must run even when that data
    // cannot be read.
    let onet_dir = data_dir
        .as_deref()
        .filter(|_| !matches!(cli.command, Command::Import(_)));
    let ctx = Context {
        store: Store::bundled()?.with_onet(onet_dir)?,
        data_dir,
        format: cli.format,
        style,
    };
    dispatch(&ctx, cli.command, &mut out)?;
    out.flush()?;
    // The process ends here: freeing thousands of imported profiles one by one would only add
    // to every command's run time.
    std::mem::forget(ctx);
    Ok(())
}

fn dispatch(ctx: &Context, command: Command, out: &mut dyn Write) -> anyhow::Result<()> {
    match command {
        Command::List(args) => write(ctx, &commands::list::run(ctx, &args)?, out),
        Command::Show(args) => write(ctx, &commands::show::run(ctx, &args)?, out),
        Command::Import(args) => write(ctx, &commands::import::run(ctx, &args)?, out),
        Command::Sources(args) => write(ctx, &commands::sources::run(ctx, &args)?, out),
        Command::Search(args) => write(ctx, &commands::search::run(ctx, &args)?, out),
    }
}

fn write<R: Report>(ctx: &Context, report: &R, out: &mut dyn Write) -> anyhow::Result<()> {
    emit(report, ctx.format, ctx.style, out)?;
    Ok(())
}

/// Colour is for tables only. `--color` decides first; under `auto`, a non-empty `NO_COLOR`
/// turns it off, a non-empty `CLICOLOR_FORCE` other than `0` turns it on, and otherwise it is on
/// when stdout is a terminal.
pub fn use_color(when: ColorWhen, format: Format, stdout_is_terminal: bool) -> bool {
    if format != Format::Table {
        return false;
    }
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            let set = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty());
            if set("NO_COLOR") {
                false
            } else if set("CLICOLOR_FORCE") && std::env::var_os("CLICOLOR_FORCE").unwrap() != "0" {
                true
            } else {
                stdout_is_terminal
            }
        }
    }
}

/// Whether the error is a closed pipe on stdout, which ends a command quietly.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// 2 for usage errors, 1 for every other failure.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    err.chain()
        .find_map(|cause| cause.downcast_ref::<CareersError>())
        .map_or(1, CareersError::exit_code)
}
