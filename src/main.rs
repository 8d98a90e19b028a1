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
        return end(tonghop::ingest::isolate::worker_main(args.get(2).map_or("", String::as_str)));
    }
    let cli = Cli::parse();
    end(match tonghop::cmd::dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("lỗi: {e:#}");
            ExitCode::from(1)
        }
    })
}

/// Ends the process at once with `code`, once what was printed is out. On a normal exit
/// mimalloc gives every page it holds back to the system one by one (`madvise`), memory
/// the system takes back anyway when the process ends: 20 ms at the end of an M run
/// (strace, from the last line printed to `exit_group`), against 0.2 ms without.
fn end(code: ExitCode) -> ExitCode {
    #[cfg(unix)]
    {
        use std::io::Write;
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().flush();
        if let Some(status) = (0..=u8::MAX).find(|&c| ExitCode::from(c) == code) {
            // SAFETY: _exit ends the process; nothing of it is used after.
            unsafe { libc::_exit(i32::from(status)) }
        }
    }
    code
}
