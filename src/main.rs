use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // Without the handler, Ctrl-C still ends the process, but by the signal and without
    // removing a temporary file being written.
    let _ = careers::interrupt::install();
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let cli = match careers::cli::Cli::try_parse() {
        Ok(cli) => cli,
        // --help and --version: printed on stdout as clap lays them out, exit 0.
        Err(err) if !err.use_stderr() => {
            return match err.print() {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => fail(&careers::WriteError::stdout(e).to_string(), 1),
            };
        }
        Err(err) => return fail(&careers::usage_error::one_line(&err, &args), 2),
    };
    match careers::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) if careers::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => fail(&format!("{err:#}"), careers::exit_code(&err)),
    }
}

/// Prints the one line every error is, sanitized: a bad value may hold escape sequences, and a
/// file name a newline.
fn fail(message: &str, code: u8) -> ExitCode {
    let _ = writeln!(
        std::io::stderr(),
        "careers: error: {}",
        careers::render::sanitize::sanitize_line(message)
    );
    ExitCode::from(code)
}
