//! The tonghop binary: parse the command line, call the library, print an error once,
//! map the outcome to an exit status.

use std::process::ExitCode;

use clap::Parser;
use tonghop::cli::Cli;

// Dozens of small strings per row, allocated and freed on several threads at once:
// mimalloc does that faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Transparent huge pages, on by default on many Linux systems, make the first touch of
/// fresh heap zero 2 MB at a time, and the allocator gives memory back and takes it again
/// all run long: measured on L, 14% of the wall time and 160 MB of the peak. They are
/// turned off before `main`, in the program's constructors: the Rust runtime's first
/// allocation, before `main`, made mimalloc reserve its memory and touch two huge pages
/// (perf on S: a fifth of the main process's CPU time). Reading workers (this binary,
/// started by this process) inherit the setting.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static NO_HUGE_PAGES: extern "C" fn() = {
    extern "C" fn no_huge_pages() {
        // SAFETY: PR_SET_THP_DISABLE only changes this process's paging policy; no memory is touched.
        unsafe {
            libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
        }
    }
    no_huge_pages
};

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
