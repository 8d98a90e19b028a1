//! The tonghop binary: parse the command line, call the library, print an error once,
//! map the outcome to an exit status.

use std::process::ExitCode;

use clap::Parser;
use tonghop::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match tonghop::cmd::dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("lỗi: {e:#}");
            ExitCode::from(1)
        }
    }
}
