//! The tonghop binary: parse the command line, call the library, print an error once,
//! map the outcome to an exit status.

use std::process::ExitCode;

use clap::Parser;
use tonghop::cli::Cli;

// Dozens of small strings per row, allocated and freed on several threads at once:
// mimalloc does that faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (the 16th option of `mi_option_e` in both the v2 and
/// v3 headers that libmimalloc-sys builds; its Rust bindings do not name it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // Freed memory goes back to the system at once rather than after 10 ms: a run frees
    // large tables phase after phase, and kept pages added up to a third of its peak.
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets an allocator option before any thread is started.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    }
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
