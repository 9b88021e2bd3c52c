use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Without the handler, Ctrl-C still ends the process, but by the signal and without
    // removing a temporary file being written.
    let _ = careers::interrupt::install();
    if let Err(err) = careers::check_stdout_open() {
        return fail(&err.to_string(), 1);
    }
    // When the shell asks for completions, answer and end here.
    careers::commands::completions::answer_the_shell();
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    // Before parsing: clap's help and errors follow `--color` too.
    careers::cli::ColorWhen::from_args(&args)
        .unwrap_or(careers::cli::ColorWhen::Auto)
        .write_global();
    let cli = match careers::cli::parse(
        std::iter::once(OsString::from("careers")).chain(help_of_help(args.clone())),
    ) {
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
        Err(err) => {
            let lines = careers::error_lines(&err);
            let code = fail(&lines[0], careers::exit_code(&err));
            for line in &lines[1..] {
                let _ = writeln!(
                    std::io::stderr(),
                    "{}",
                    careers::render::sanitize::sanitize_line(line)
                );
            }
            code
        }
    }
}

/// `careers help --help` (or `-h`) asks for the help of `help`, which clap spells `help help`.
fn help_of_help(mut args: Vec<OsString>) -> Vec<OsString> {
    if args.len() == 2 && args[0] == "help" && (args[1] == "--help" || args[1] == "-h") {
        args[1] = "help".into();
    }
    args
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
