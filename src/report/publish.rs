//! Putting a run's outputs in place so that a run that dies half-way leaves the previous
//! outputs whole. Each output is written straight to a temporary file beside its place and
//! hashed as it is written (a 10,000-file run's `rows.csv` is ~200 MB: it is never held in
//! memory); only when every output is written are they renamed into place, in order, the
//! manifest last.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::RunError;
use crate::ingest::hex;

/// Folder, under the output folder, where a replaced workbook is kept.
pub const PREVIOUS_DIR: &str = "cu";

/// Test hook: the name of an output whose writing fails, to check that a failed run
/// leaves the previous outputs whole.
const FAIL_WRITE_ENV: &str = "TONGHOP_FAIL_WRITE";

/// Where outputs are written: a writer that hashes what goes through it.
pub type Sink<'a> = &'a mut (dyn Write + Send);

/// One output written to its temporary file, with the SHA-256 of its bytes. Dropped
/// before it is published, it removes its temporary file.
#[derive(Debug)]
pub struct Staged {
    pub name: String,
    pub sha256: String,
    tmp: PathBuf,
    path: PathBuf,
    /// The temporary file being made durable, on a thread of its own from the moment it
    /// is written: `publish` waits for every output's at once, and the waits overlap the
    /// writing of the outputs after it (waiting for each in turn was about a tenth of an S run).
    sync: Option<std::thread::JoinHandle<io::Result<()>>>,
    published: bool,
}

impl Drop for Staged {
    fn drop(&mut self) {
        // (Closed first: an open file cannot be removed everywhere.)
        let _ = self.wait();
        if !self.published {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

impl Staged {
    /// Waits until the temporary file is on disk and closed.
    fn wait(&mut self) -> Result<(), RunError> {
        let failed = |source| RunError::Write { path: self.path.clone(), source };
        match self.sync.take().map(|t| t.join()) {
            None => Ok(()),
            Some(Ok(done)) => done.map_err(failed),
            Some(Err(_)) => Err(failed(io::Error::other("không ghi xong xuống đĩa"))),
        }
    }
}

struct Hashing<W> {
    inner: W,
    hash: Sha256,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Writes the output `name` of folder `dir` with `write`, to a temporary file beside it;
/// returns it staged for `publish`, which waits for it to be on disk.
pub fn stage(dir: &Path, name: &str, write: impl FnOnce(Sink) -> Result<(), RunError>) -> Result<Staged, RunError> {
    let mut stage = Stage::open(dir, name)?;
    write(stage.sink())?;
    stage.finish()
}

/// An output being written to its temporary file a part at a time, for a writer that
/// stops between parts and goes on later: `stage` in steps.
pub struct Stage {
    // (Fields drop in this order: the file is closed, then the output, dropped unfinished,
    // removes it.)
    sink: Hashing<BufWriter<File>>,
    staged: Staged,
}

impl Stage {
    /// Opens the temporary file of output `name` of folder `dir`.
    pub fn open(dir: &Path, name: &str) -> Result<Stage, RunError> {
        let path = dir.join(name);
        let failed = |source| RunError::Write { path: path.clone(), source };
        if std::env::var(FAIL_WRITE_ENV).ok().as_deref() == Some(name) {
            return Err(failed(io::Error::other("lỗi ghi giả lập (TONGHOP_FAIL_WRITE)")));
        }
        std::fs::create_dir_all(dir).map_err(|source| RunError::Write { path: dir.to_path_buf(), source })?;
        let tmp = dir.join(format!(".{name}.tmp"));
        let file = File::create(&tmp).map_err(failed)?;
        // From here the temporary file is removed if anything fails.
        let staged = Staged { name: name.to_string(), sha256: String::new(), tmp, path: path.clone(), sync: None, published: false };
        Ok(Stage { sink: Hashing { inner: BufWriter::with_capacity(1 << 20, file), hash: Sha256::new() }, staged })
    }

    /// Where the output's bytes go.
    pub fn sink(&mut self) -> Sink<'_> {
        &mut self.sink
    }

    /// The output written: staged for `publish`, which waits for it to be on disk.
    pub fn finish(self) -> Result<Staged, RunError> {
        let Stage { sink: Hashing { inner, hash }, mut staged } = self;
        let file = inner.into_inner().map_err(|e| RunError::Write { path: staged.path.clone(), source: e.into_error() })?;
        staged.sync = Some(std::thread::spawn(move || file.sync_all()));
        staged.sha256 = hex(&hash.finalize());
        Ok(staged)
    }
}

/// `stage` for an output already in memory.
pub fn stage_bytes(dir: &Path, name: &str, bytes: &[u8]) -> Result<Staged, RunError> {
    let path = dir.join(name);
    stage(dir, name, |w| w.write_all(bytes).map_err(|source| RunError::Write { path, source }))
}

/// The SHA-256 of a file, read in pieces.
pub fn sha256_file(path: &Path) -> io::Result<String> {
    let mut file = File::open(path)?;
    let mut hash = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        match file.read(&mut buf)? {
            0 => break,
            n => hash.update(&buf[..n]),
        }
    }
    Ok(hex(&hash.finalize()))
}

/// Renames staged outputs into place, in their order (the manifest last), once all are on
/// disk. A previous workbook that differs from the new one is first kept in `cu/`, named
/// with the day it was written.
pub fn publish(dir: &Path, mut staged: Vec<Staged>) -> Result<Vec<PathBuf>, RunError> {
    for s in &mut staged {
        s.wait()?;
    }
    keep_previous_workbook(dir, &staged)?;
    let mut written = Vec::new();
    for s in &mut staged {
        std::fs::rename(&s.tmp, &s.path).map_err(|source| RunError::Write { path: s.path.clone(), source })?;
        s.published = true;
        written.push(s.path.clone());
    }
    Ok(written)
}

/// Moves a previous workbook that the new one would replace, with other content, into
/// `cu/`, named with the day it was last written.
fn keep_previous_workbook(dir: &Path, staged: &[Staged]) -> Result<(), RunError> {
    for s in staged.iter().filter(|s| s.name.ends_with(".xlsx")) {
        let path = dir.join(&s.name);
        match sha256_file(&path) {
            Ok(old) if old != s.sha256 => {}
            _ => continue,
        }
        let day = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .map(|t| chrono::DateTime::<chrono::Local>::from(t).format("%Y-%m-%d-%H%M%S").to_string())
            .unwrap_or_else(|_| "truoc".into());
        let keep = dir.join(PREVIOUS_DIR);
        std::fs::create_dir_all(&keep).map_err(|source| RunError::Write { path: keep.clone(), source })?;
        let stem = s.name.trim_end_matches(".xlsx");
        let target = keep.join(format!("{stem}.{day}.xlsx"));
        std::fs::rename(&path, &target).map_err(|source| RunError::Write { path: target, source })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staged_outputs_hash_what_was_written_and_vanish_unless_published() {
        let dir = std::env::temp_dir().join(format!("tonghop-stage-{}", std::process::id()));
        let a = stage_bytes(&dir, "a.csv", b"x,y\n1,2\n").unwrap();
        assert_eq!(a.sha256, crate::manifest::sha256(b"x,y\n1,2\n"));
        assert_eq!(sha256_file(&dir.join(".a.csv.tmp")).unwrap(), a.sha256);
        let b = stage_bytes(&dir, "b.csv", b"z\n").unwrap();
        drop(b);
        assert!(!dir.join(".b.csv.tmp").exists(), "an output dropped unpublished leaves no temporary file");
        publish(&dir, vec![a]).unwrap();
        assert_eq!(std::fs::read(dir.join("a.csv")).unwrap(), b"x,y\n1,2\n");
        assert!(!dir.join(".a.csv.tmp").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
