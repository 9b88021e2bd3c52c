use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = careers::cli::Cli::parse();
    match careers::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) if careers::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let message = format!("{err:#}");
            let _ = writeln!(
                std::io::stderr(),
                "careers: error: {}",
                careers::render::sanitize::sanitize(&message)
            );
            ExitCode::from(careers::exit_code(&err))
        }
    }
}
