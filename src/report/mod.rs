//! Report: the consolidated workbook and the machine-readable tables of the same results.
//!
//! Owns: every file a run writes into its output folder (`tong-hop-<plan>-<year>.xlsx`,
//! `rows.csv`, `rows.parquet`, `files.csv`, `completeness.csv`, `coverage.csv`,
//! `problems.csv`). Each is written to a temporary file beside it and renamed into place,
//! so a run that dies half-way leaves the previous outputs whole. Does not own: deciding
//! anything about the data.

mod publish;
mod sheetxml;
pub(crate) mod style;
pub mod workbook;
pub mod years;

pub use publish::{publish, sha256_file, stage, stage_bytes, Sink, Stage, Staged, PREVIOUS_DIR};

use std::path::Path;

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

/// Rows written per piece of a CSV: text made safe is copied a piece at a time, not all at once.
const CSV_PIECE: usize = 100_000;

fn write_csv(df: &DataFrame, w: Sink) -> PolarsResult<()> {
    write_csv_in_pieces(df, w, CSV_PIECE)
}

fn write_csv_in_pieces(df: &DataFrame, w: Sink, rows: usize) -> PolarsResult<()> {
    let mut offset = 0;
    while let Some(next) = write_csv_piece(df, w, offset, rows)? {
        offset = next;
    }
    Ok(())
}

/// Writes the `rows` rows of a CSV from row `offset` (the header with the first); returns
/// where the next piece starts, or nothing when this one was the last.
fn write_csv_piece(df: &DataFrame, w: Sink, offset: usize, rows: usize) -> PolarsResult<Option<usize>> {
    let mut piece = defuse(&df.slice(offset as i64, rows))?;
    CsvWriter::new(&mut *w).include_header(offset == 0).with_date_format(Some("%Y-%m-%d".into())).finish(&mut piece)?;
    Ok(Some(offset + rows).filter(|&next| next < df.height()))
}

/// Rows of `rows.csv` written per step: the step it is in when the activities sheet is
/// done is finished before the workbook's save starts (~25 ms each under perf at M).
const CSV_STEP: usize = 20_000;

/// `rows.csv`, a step at a time (`workbook::Spare`).
fn rows_csv_in_steps<'a>(dir: &'a Path, rows: &'a DataFrame) -> workbook::Spare<'a> {
    let mut open: Option<Stage> = None;
    let mut offset = 0;
    Box::new(move || {
        let stage = match &mut open {
            Some(stage) => stage,
            None => open.insert(Stage::open(dir, "rows.csv")?),
        };
        match write_csv_piece(rows, stage.sink(), offset, CSV_STEP)? {
            Some(next) => {
                offset = next;
                Ok(None)
            }
            None => open.take().expect("opened above").finish().map(Some),
        }
    })
}

fn write_parquet(df: &DataFrame, w: Sink) -> PolarsResult<()> {
    let mut df = df.clone();
    ParquetWriter::new(w).with_compression(ParquetCompression::Zstd(None)).with_statistics(StatisticsOptions::full()).finish(&mut df)?;
    Ok(())
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
        DIFFICULTIES => f.iter().map(|r| r.difficulties.as_str()).collect::<Vec<_>>(),
        PROPOSALS => f.iter().map(|r| r.proposals.as_str()).collect::<Vec<_>>(),
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

/// Every output of a run but the manifest, written to temporary files in the output
/// folder, in a fixed order, with the findings of `check`. The caller publishes them with
/// the manifest.
///
/// The activities sheet is the slow part, and needs only the rows: it is written on one
/// core while the other runs `check`, writes the other sheets, then the rows' tables while
/// there is time; the tables left are written while the workbook is saved.
pub fn render(
    cfg: &RunConfig,
    norm: &Normalised,
    check: impl FnOnce() -> Result<Checked, RunError> + Send,
) -> Result<(Checked, Vec<Staged>), RunError> {
    let dir = &cfg.out_dir;
    let mut beside = None;
    // The rows' tables need only the rows: written while the activities sheet is, where
    // there is time.
    let rows: Vec<workbook::Spare> = vec![
        rows_csv_in_steps(dir, &norm.rows),
        workbook::spare_at_once(|| stage(dir, "rows.parquet", |w| Ok(write_parquet(&norm.rows, w)?))),
    ];
    let book = stage(dir, &workbook_name(&cfg.plan.id, cfg.year), |w| {
        beside = Some(workbook::build(cfg, norm, w, check, rows, |checked| tables(dir, norm, checked))?);
        Ok(())
    })?;
    let (checked, rows, tables) = beside.expect("the workbook is built with the tables");
    let mut out = vec![book];
    out.extend(rows);
    out.extend(tables);
    Ok((checked, out))
}

/// The CSV tables after the rows', in a fixed order.
fn tables(dir: &Path, norm: &Normalised, checked: &Checked) -> Result<Vec<Staged>, RunError> {
    let csv = |name: &str, df: &DataFrame| stage(dir, name, |w| Ok(write_csv(df, w)?));
    let completeness = checked.completeness.select(crate::schema::completeness().iter_names().cloned())?;
    ensure(&completeness, &crate::schema::completeness(), "completeness")?;
    Ok(vec![
        csv("files.csv", &files_frame(norm)?)?,
        csv("completeness.csv", &completeness)?,
        csv("coverage.csv", &checked.coverage)?,
        csv("problems.csv", &problems_frame(&norm.problems)?)?,
    ])
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

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(df: &DataFrame, rows: usize) -> String {
        let mut out = Vec::new();
        write_csv_in_pieces(df, &mut out, rows).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_csv_written_in_pieces_is_the_csv_written_at_once_made_safe() {
        let df = df!("a" => ["=1+1", "x", "-tổ chức", "y", "z"], "b" => [1, 2, 3, 4, 5]).unwrap();
        let whole = csv(&df, 100);
        assert_eq!(whole, "a,b\n'=1+1,1\nx,2\n'-tổ chức,3\ny,4\nz,5\n");
        assert_eq!(csv(&df, 2), whole);
        assert_eq!(csv(&df.head(Some(0)), 2), "a,b\n");
    }

    #[test]
    fn rows_csv_written_in_steps_is_the_csv_written_at_once_and_an_unfinished_one_is_removed() {
        use sha2::{Digest, Sha256};
        let n = 2 * CSV_STEP + 7;
        let df = df!("a" => (0..n).map(|i| if i % 3 == 0 { format!("={i}") } else { format!("dòng {i}") }).collect::<Vec<_>>(),
            "b" => (0..n as i64).collect::<Vec<_>>())
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut spare = rows_csv_in_steps(dir.path(), &df);
        let mut steps = 1;
        let staged = loop {
            match spare().unwrap() {
                Some(staged) => break staged,
                None => steps += 1,
            }
        };
        assert_eq!(steps, 3);
        assert_eq!(staged.sha256, crate::ingest::hex(&Sha256::digest(csv(&df, CSV_PIECE).as_bytes())));
        // Stopped after a step and dropped (a run that fails elsewhere): nothing is left.
        drop(staged);
        let mut spare = rows_csv_in_steps(dir.path(), &df);
        assert!(spare().unwrap().is_none());
        assert!(dir.path().join(".rows.csv.tmp").exists());
        drop(spare);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
