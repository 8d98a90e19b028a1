//! Reading each workbook in a worker process, so that no file can take the run down.
//!
//! A reader can panic on a malformed file (caught in-process too), but it can also ask for
//! gigabytes because a header says so, and a failed allocation aborts the process where no
//! `catch_unwind` reaches; or it can loop. So the run starts a few workers (tonghop itself,
//! with a hidden argument), each with an address-space limit, and hands them one file at a
//! time. A worker that dies or does not answer in time is replaced, and its file is skipped
//! with the reason. Workers start once per run, not once per file.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::Mutex;
use std::time::Duration;

use sha2::{Digest, Sha256};

use super::{hex, ingest, Ingested, InputFile};
use crate::error::Kind;

/// The hidden first argument that makes tonghop a reading worker.
pub const WORKER_ARG: &str = "__read-worker";

/// mimalloc's setting for the address space it reserves at a time.
const ARENA_RESERVE_ENV: &str = "MIMALLOC_ARENA_RESERVE";

/// Limits for reading one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Longest time one file may take to read.
    pub timeout: Duration,
    /// Address space a worker may use, in MiB.
    pub memory_mb: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { timeout: Duration::from_secs(120), memory_mb: 4096 }
    }
}

/// Reads every file in worker processes, in parallel, and hands each to `each` as soon as
/// it is read (so a file's raw cells are freed once `each` has turned them into what the
/// run keeps); returns the results in the files' order. Falls back to reading in this
/// process when no worker can be started.
pub fn ingest_all<T: Send>(files: &[InputFile], limits: Limits, tick: &(dyn Fn() + Sync), each: &(dyn Fn(Ingested) -> T + Sync)) -> Vec<T> {
    let Ok(exe) = std::env::current_exe() else {
        return files
            .iter()
            .map(|f| {
                tick();
                each(ingest(f))
            })
            .collect();
    };
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).min(files.len()).max(1);
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<T>>> = Mutex::new((0..files.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| drive(&exe, files, &next, &results, limits, tick, each));
        }
    });
    let results = results.into_inner().unwrap_or_else(|p| p.into_inner());
    results.into_iter().zip(files).map(|(r, f)| r.unwrap_or_else(|| each(ingest(f)))).collect()
}

/// One worker's loop in the parent: take the next file, send it, and send the one after it
/// before waiting for the answer, so the worker reads that one while this one is normalised.
///
/// With one file at a time, the worker sat idle while its driver normalised and the driver
/// while the worker read, and each hand-over waited for a wake-up: at M a core was idle
/// 10–20% of the reading (`perf record -a`, the idle task's samples). A file's time limit
/// runs from when its answer is awaited, so a file read ahead may have had the time of one
/// normalising more.
fn drive<T: Send>(
    exe: &Path,
    files: &[InputFile],
    next: &AtomicUsize,
    results: &Mutex<Vec<Option<T>>>,
    limits: Limits,
    tick: &(dyn Fn() + Sync),
    each: &(dyn Fn(Ingested) -> T + Sync),
) {
    let claim = || {
        let i = next.fetch_add(1, Ordering::SeqCst);
        (i < files.len()).then_some(i)
    };
    let mut worker: Option<Worker> = None;
    // The file claimed ahead, and whether the current worker was sent it.
    let mut ahead: Option<(usize, bool)> = None;
    while let Some((i, sent)) = ahead.take().or_else(|| claim().map(|i| (i, false))) {
        let file = &files[i];
        if worker.is_none() {
            worker = Worker::spawn(exe, limits).ok();
        }
        let answer = match worker.as_mut() {
            None => Answer::InProcess,
            Some(w) => match if sent { Ok(()) } else { w.send(file) } {
                Err(answer) => answer,
                Ok(()) => {
                    let mut broken = false;
                    if let Some(j) = claim() {
                        let sent = match w.send(&files[j]) {
                            Ok(()) => true,
                            Err(Answer::InProcess) => false,
                            // The worker's input is closed: it is replaced after this file.
                            Err(_) => {
                                broken = true;
                                false
                            }
                        };
                        ahead = Some((j, sent));
                    }
                    let answer = match w.receive(limits.timeout) {
                        // Answers come in the order asked; one for another file would be a
                        // fault of ours, never to be filed under this one.
                        Answer::Read(ing) if ing.rel != file.rel => Answer::Died(format!("trả lời cho tệp khác: {}", ing.rel)),
                        answer => answer,
                    };
                    if broken || !matches!(answer, Answer::Read(_)) {
                        // What was sent ahead is lost with the worker: sent again to the next.
                        if let Some((_, sent)) = ahead.as_mut() {
                            *sent = false;
                        }
                        if let Some(w) = worker.take() {
                            w.kill();
                        }
                    }
                    answer
                }
            },
        };
        let result = match answer {
            Answer::Read(ing) => ing,
            Answer::InProcess => ingest(file),
            Answer::Died(detail) => {
                if let Some(w) = worker.take() {
                    w.kill();
                }
                skipped(file, Kind::ReaderCrashed, detail)
            }
            Answer::TimedOut => {
                if let Some(w) = worker.take() {
                    w.kill();
                }
                skipped(file, Kind::ReaderTimeout, limits.timeout.as_secs().to_string())
            }
        };
        // Normalised here, outside the lock, so the raw cells go now.
        let kept = each(result);
        if let Ok(mut r) = results.lock() {
            r[i] = Some(kept);
        }
        tick();
    }
    if let Some(w) = worker {
        w.finish();
    }
}

/// A file skipped because its reader failed, with its size and hash.
fn skipped(file: &InputFile, kind: Kind, detail: String) -> Ingested {
    let data = std::fs::read(&file.path).unwrap_or_default();
    Ingested { rel: file.rel.clone(), bytes: data.len() as u64, sha256: hex(&Sha256::digest(&data)), content: Err((kind, detail)) }
}

enum Answer {
    Read(Ingested),
    /// The path cannot be sent as text: read it here.
    InProcess,
    Died(String),
    TimedOut,
}

struct Worker {
    child: Child,
    stdin: ChildStdin,
    answers: Receiver<Option<Vec<u8>>>,
    memory_mb: u64,
}

impl Worker {
    fn spawn(exe: &Path, limits: Limits) -> std::io::Result<Worker> {
        let mut command = Command::new(exe);
        // mimalloc reserves address space 1 GiB at a time: under the worker's address-space
        // limit that made a file needing 0.1 GB fail at a 1 GB limit and pass at 0.4 GB,
        // depending on what the worker had read before. Small reservations keep the limit
        // about memory used.
        if std::env::var_os(ARENA_RESERVE_ENV).is_none() {
            command.env(ARENA_RESERVE_ENV, "64MiB");
        }
        let mut child = command
            .arg(WORKER_ARG)
            .arg(limits.memory_mb.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let stdin = child.stdin.take().ok_or_else(|| std::io::Error::other("no stdin"))?;
        let stdout = child.stdout.take().ok_or_else(|| std::io::Error::other("no stdout"))?;
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut out = BufReader::new(stdout);
            while let Some(answer) = read_frame(&mut out) {
                if tx.send(Some(answer)).is_err() {
                    return;
                }
            }
            let _ = tx.send(None);
        });
        Ok(Worker { child, stdin, answers: rx, memory_mb: limits.memory_mb })
    }

    /// Asks the worker to read `file`; its answer comes in the order asked (`receive`).
    /// `Err(InProcess)` where the path cannot be sent as text; `Err(Died)` where the worker
    /// no longer takes requests.
    fn send(&mut self, file: &InputFile) -> Result<(), Answer> {
        let Some(path) = file.path.to_str() else { return Err(Answer::InProcess) };
        let Ok(request) = serde_json::to_string(&(path, &file.rel)) else { return Err(Answer::InProcess) };
        if writeln!(self.stdin, "{request}").and_then(|_| self.stdin.flush()).is_err() {
            return Err(Answer::Died(self.death()));
        }
        Ok(())
    }

    /// The answer to the oldest request not yet answered.
    fn receive(&mut self, timeout: Duration) -> Answer {
        match self.answers.recv_timeout(timeout) {
            Ok(Some(answer)) => match postcard::from_bytes::<Ingested>(&answer) {
                Ok(ing) => Answer::Read(ing),
                Err(e) => Answer::Died(format!("trả lời hỏng: {e}")),
            },
            Ok(None) | Err(RecvTimeoutError::Disconnected) => Answer::Died(self.death()),
            Err(RecvTimeoutError::Timeout) => Answer::TimedOut,
        }
    }

    /// Why the worker stopped, for the file's reason.
    fn death(&mut self) -> String {
        let status = self.child.wait();
        #[cfg(unix)]
        if let Ok(st) = &status {
            use std::os::unix::process::ExitStatusExt;
            if st.signal() == Some(libc::SIGABRT) || st.signal() == Some(libc::SIGKILL) || st.signal() == Some(libc::SIGSEGV) {
                return format!("có thể do cần quá {} MB bộ nhớ", self.memory_mb);
            }
        }
        match status {
            Ok(st) => format!("mã thoát {st}"),
            Err(e) => e.to_string(),
        }
    }

    fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    fn finish(mut self) {
        drop(self.stdin);
        let _ = self.child.wait();
    }
}

/// One answer: its length (4 bytes, little-endian), then that many bytes. None at the end
/// of the stream or on a short read (the worker died mid-answer).
fn read_frame(r: &mut impl Read) -> Option<Vec<u8>> {
    let mut len = [0u8; 4];
    r.read_exact(&mut len).ok()?;
    let mut buf = vec![0u8; u32::from_le_bytes(len) as usize];
    r.read_exact(&mut buf).ok()?;
    Some(buf)
}

/// The worker: limits its own address space, then reads the files it is sent, one JSON
/// line in (path, relative path), one framed postcard answer out (`Ingested`), until
/// its input ends.
pub fn worker_main(memory_mb: &str) -> std::process::ExitCode {
    #[cfg(unix)]
    if let Ok(mb) = memory_mb.parse::<u64>() {
        let bytes = mb.saturating_mul(1024 * 1024);
        let limit = libc::rlimit { rlim_cur: bytes as libc::rlim_t, rlim_max: bytes as libc::rlim_t };
        // SAFETY: setrlimit reads a valid, initialised struct; it only lowers this process's limit.
        unsafe {
            libc::setrlimit(libc::RLIMIT_AS, &limit);
        }
    }
    // Panics inside a reader are answers (a skipped file), not messages on the terminal.
    std::panic::set_hook(Box::new(|_| {}));
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let Ok((path, rel)) = serde_json::from_str::<(String, String)>(&line) else { break };
        let ing = ingest(&InputFile { rel, path: path.into() });
        let Ok(answer) = postcard::to_allocvec(&ing) else { break };
        let Ok(len) = u32::try_from(answer.len()) else { break };
        if stdout.write_all(&len.to_le_bytes()).and_then(|_| stdout.write_all(&answer)).and_then(|_| stdout.flush()).is_err() {
            break;
        }
    }
    std::process::ExitCode::SUCCESS
}
