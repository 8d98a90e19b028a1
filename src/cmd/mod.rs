//! One file per subcommand, each with one `run` function.

pub mod bench;
pub mod check;
pub mod log;
pub mod plan;
pub mod rollup;
pub mod run;
pub mod sample;
pub mod template;
pub mod verify;

use std::process::ExitCode;

use crate::cli::{Cli, Command, PlanCommand};

/// The day the program runs, read once here so no stage reads the clock.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Runs the command line and returns the exit status.
pub fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => run::all(std::path::Path::new("inputs"), std::path::Path::new("outputs")),
        Some(Command::Run(args)) => run::run(&args),
        Some(Command::Check(args)) => check::run(&args),
        Some(Command::Plan(PlanCommand::Check { file })) => plan::run(&file),
        Some(Command::Sample(args)) => sample::run(&args),
        Some(Command::Template(args)) => template::run(&args),
        Some(Command::Rollup(args)) => rollup::run(&args),
        Some(Command::Generate(args)) => bench::generate(&args),
        Some(Command::Floor(args)) => bench::floor(&args),
        Some(Command::Verify(args)) => verify::run(&args),
    }
}
