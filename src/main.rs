//! The tonghop binary: parse the command line, call the library, print an error once,
//! map the outcome to an exit status.

use std::process::ExitCode;

use clap::Parser;
use tonghop::cli::Cli;

// Dozens of small strings per row, allocated and freed on several threads at once:
// mimalloc does that faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // A reading worker (see ingest::isolate): not a user command.
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some(tonghop::ingest::isolate::WORKER_ARG) {
        return tonghop::ingest::isolate::worker_main(args.get(2).map_or("", String::as_str));
    }
    let cli = Cli::parse();
    match tonghop::cmd::dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("lỗi: {e:#}");
            ExitCode::from(1)
        }
    }
}
