//! Report: the consolidated workbook and the machine-readable tables of the same results.
//!
//! Owns: every file a run writes into its output folder (`tong-hop-<plan>-<year>.xlsx`,
//! `rows.csv`, `rows.parquet`, `files.csv`, `completeness.csv`, `coverage.csv`,
//! `problems.csv`). Each is written to a temporary file beside it and renamed into place,
//! so a run that dies half-way leaves the previous outputs whole. Does not own: deciding
//! anything about the data.

pub(crate) mod style;
pub mod workbook;
pub mod years;

use std::path::{Path, PathBuf};

use polars::prelude::*;

use crate::check::Checked;
use crate::config::RunConfig;
use crate::error::{Problem, RunError};
use crate::normalise::Normalised;
use crate::schema::*;

/// The name of the consolidated workbook.
pub fn workbook_name(plan_id: &str, year: i32) -> String {
    format!("tong-hop-{plan_id}-{year}.xlsx")
}

/// Text a spreadsheet would run as a formula when it opens a CSV (starting with =, +, -, @,
/// tab or carriage return) gets a leading apostrophe, as OWASP advises. Parquet keeps the
/// text exactly.
fn defuse(df: &DataFrame) -> PolarsResult<DataFrame> {
    let columns = df
        .columns()
        .iter()
        .map(|c| -> PolarsResult<Column> {
            let Ok(strings) = c.str() else { return Ok(c.clone()) };
            if !strings.iter().flatten().any(risky) {
                return Ok(c.clone());
            }
            let safe: Vec<Option<String>> =
                strings.iter().map(|v| v.map(|t| if risky(t) { format!("'{t}") } else { t.to_string() })).collect();
            Ok(Column::new(c.name().clone(), safe))
        })
        .collect::<PolarsResult<Vec<_>>>()?;
    DataFrame::new(df.height(), columns)
}

fn risky(t: &str) -> bool {
    t.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

fn csv_bytes(df: &mut DataFrame) -> PolarsResult<Vec<u8>> {
    let mut df = defuse(df)?;
    let df = &mut df;
    let mut buf = Vec::new();
    CsvWriter::new(&mut buf).include_header(true).with_date_format(Some("%Y-%m-%d".into())).finish(df)?;
    Ok(buf)
}

fn parquet_bytes(df: &mut DataFrame) -> PolarsResult<Vec<u8>> {
    let mut buf = Vec::new();
    ParquetWriter::new(&mut buf).with_compression(ParquetCompression::Zstd(None)).with_statistics(StatisticsOptions::full()).finish(df)?;
    Ok(buf)
}

/// The files table (`files.csv`).
pub fn files_frame(norm: &Normalised) -> PolarsResult<DataFrame> {
    let f = &norm.files;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid");
    df!(
        FILE => f.iter().map(|r| r.file.as_str()).collect::<Vec<_>>(),
        "bytes" => f.iter().map(|r| r.bytes).collect::<Vec<_>>(),
        "sha256" => f.iter().map(|r| r.sha256.as_str()).collect::<Vec<_>>(),
        "outcome" => f.iter().map(|r| r.outcome.as_str()).collect::<Vec<_>>(),
        "reason" => f.iter().map(|r| r.reason.as_str()).collect::<Vec<_>>(),
        "reason_code" => f.iter().map(|r| r.reason_code.as_str()).collect::<Vec<_>>(),
        AGENCY_CODE => f.iter().map(|r| r.agency_code.clone()).collect::<Vec<_>>(),
        REPORT_DATE => f.iter().map(|r| r.report_date.map(|d| (d - epoch).num_days() as i32)).collect::<Vec<_>>(),
        "rows_read" => f.iter().map(|r| r.rows_read as u64).collect::<Vec<_>>(),
        "rows_accepted" => f.iter().map(|r| r.rows_accepted as u64).collect::<Vec<_>>(),
    )?
    .lazy()
    .with_column(col(REPORT_DATE).cast(DataType::Date))
    .collect()
}

/// The problems table (`problems.csv`).
pub fn problems_frame(problems: &[Problem]) -> PolarsResult<DataFrame> {
    df!(
        FILE => problems.iter().map(|p| p.file.as_str()).collect::<Vec<_>>(),
        SHEET => problems.iter().map(|p| p.sheet.as_str()).collect::<Vec<_>>(),
        "cell" => problems.iter().map(|p| p.cell.as_str()).collect::<Vec<_>>(),
        "kind" => problems.iter().map(|p| p.kind.code()).collect::<Vec<_>>(),
        "detail" => problems.iter().map(|p| p.detail.as_str()).collect::<Vec<_>>(),
        "message" => problems.iter().map(|p| p.message_vi()).collect::<Vec<_>>(),
    )
}

/// Every output of a run, rendered in memory: (file name, bytes), in a fixed order. The
/// manifest is added by the caller, which hashes these bytes.
pub fn render(cfg: &RunConfig, norm: &Normalised, checked: &Checked) -> Result<Vec<(String, Vec<u8>)>, RunError> {
    // The workbook is the slow part: built while the tables are written.
    let (book, tables) = rayon::join(|| workbook::build(cfg, norm, checked), || tables(norm, checked));
    let mut out = vec![(workbook_name(&cfg.plan.id, cfg.year), book?)];
    out.extend(tables?);
    Ok(out)
}

/// The CSV and Parquet tables, in a fixed order.
fn tables(norm: &Normalised, checked: &Checked) -> Result<Vec<(String, Vec<u8>)>, RunError> {
    let mut out = Vec::new();
    let mut rows = norm.rows.clone();
    out.push(("rows.csv".into(), csv_bytes(&mut rows)?));
    out.push(("rows.parquet".into(), parquet_bytes(&mut rows)?));
    out.push(("files.csv".into(), csv_bytes(&mut files_frame(norm)?)?));
    let mut completeness = checked.completeness.select(crate::schema::completeness().iter_names().cloned())?;
    ensure(&completeness, &crate::schema::completeness(), "completeness")?;
    out.push(("completeness.csv".into(), csv_bytes(&mut completeness)?));
    out.push(("coverage.csv".into(), csv_bytes(&mut checked.coverage.clone())?));
    out.push(("problems.csv".into(), csv_bytes(&mut problems_frame(&norm.problems)?)?));
    Ok(out)
}

/// Folder, under the output folder, where a replaced workbook is kept.
pub const PREVIOUS_DIR: &str = "cu";

/// Test hook: the name of an output whose writing fails, to check that a failed run
/// leaves the previous outputs whole.
const FAIL_WRITE_ENV: &str = "TONGHOP_FAIL_WRITE";

/// Publishes a run's outputs into `dir`: every file is first written to a temporary file
/// beside it; only when all are written are they renamed into place, in order (the
/// manifest last). A failure before that removes the temporary files and leaves the
/// previous outputs as they were. A previous workbook that differs from the new one is
/// kept in `cu/`, named with the day it was written.
pub fn publish(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<Vec<PathBuf>, RunError> {
    std::fs::create_dir_all(dir).map_err(|source| RunError::Write { path: dir.to_path_buf(), source })?;
    let fail = std::env::var(FAIL_WRITE_ENV).ok();
    let mut temps: Vec<(PathBuf, PathBuf)> = Vec::new();
    let cleanup = |temps: &[(PathBuf, PathBuf)]| {
        for (tmp, _) in temps {
            let _ = std::fs::remove_file(tmp);
        }
    };
    for (name, bytes) in files {
        let path = dir.join(name);
        let tmp = dir.join(format!(".{name}.tmp"));
        let result = if fail.as_deref() == Some(name.as_str()) {
            Err(std::io::Error::other("lỗi ghi giả lập (TONGHOP_FAIL_WRITE)"))
        } else {
            std::fs::write(&tmp, bytes).and_then(|_| std::fs::File::open(&tmp)?.sync_all())
        };
        temps.push((tmp, path.clone()));
        if let Err(source) = result {
            cleanup(&temps);
            return Err(RunError::Write { path, source });
        }
    }
    keep_previous_workbook(dir, files)?;
    let mut written = Vec::new();
    for (tmp, path) in &temps {
        std::fs::rename(tmp, path).map_err(|source| RunError::Write { path: path.clone(), source })?;
        written.push(path.clone());
    }
    Ok(written)
}

/// Moves a previous workbook that the new one would replace, with other content, into
/// `cu/`, named with the day it was last written.
fn keep_previous_workbook(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<(), RunError> {
    for (name, bytes) in files.iter().filter(|(n, _)| n.ends_with(".xlsx")) {
        let path = dir.join(name);
        let Ok(old) = std::fs::read(&path) else { continue };
        if old == *bytes {
            continue;
        }
        let day = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .map(|t| chrono::DateTime::<chrono::Local>::from(t).format("%Y-%m-%d-%H%M%S").to_string())
            .unwrap_or_else(|_| "truoc".into());
        let keep = dir.join(PREVIOUS_DIR);
        std::fs::create_dir_all(&keep).map_err(|source| RunError::Write { path: keep.clone(), source })?;
        let stem = name.trim_end_matches(".xlsx");
        let target = keep.join(format!("{stem}.{day}.xlsx"));
        std::fs::rename(&path, &target).map_err(|source| RunError::Write { path: target, source })?;
    }
    Ok(())
}

/// An exclusive claim on an output folder: two runs never write the same outputs. The
/// operating system releases it when the process ends, however it ends.
pub struct OutputLock {
    _file: std::fs::File,
}

/// Claims `dir` for writing. With `wait`, waits for a run that holds it; without, fails
/// at once with a message naming the folder.
pub fn lock_output(dir: &Path, wait: bool) -> Result<OutputLock, RunError> {
    std::fs::create_dir_all(dir).map_err(|source| RunError::Write { path: dir.to_path_buf(), source })?;
    let path = dir.join(".tonghop.lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|source| RunError::Write { path: path.clone(), source })?;
    #[cfg(unix)]
    {
        use std::os::unix::io::AsRawFd;
        let flags = if wait { libc::LOCK_EX } else { libc::LOCK_EX | libc::LOCK_NB };
        // SAFETY: flock on a file descriptor this process owns for the lock's lifetime.
        if unsafe { libc::flock(file.as_raw_fd(), flags) } != 0 {
            return Err(RunError::Busy { path: dir.to_path_buf() });
        }
    }
    Ok(OutputLock { _file: file })
}
