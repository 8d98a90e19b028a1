//! Report: the consolidated workbook and the machine-readable tables of the same results.
//!
//! Owns: every file a run writes into its output folder (`tong-hop-<plan>-<year>.xlsx`,
//! `rows.csv`, `rows.parquet`, `files.csv`, `completeness.csv`, `coverage.csv`,
//! `problems.csv`). Each is written to a temporary file beside it and renamed into place,
//! so a run that dies half-way leaves the previous outputs whole. Does not own: deciding
//! anything about the data.

mod style;
pub mod workbook;

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

/// Writes bytes to `path` through a temporary file in the same folder and a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), RunError> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp"));
    let err = |source| RunError::Write { path: path.to_path_buf(), source };
    std::fs::write(&tmp, bytes).map_err(err)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        err(e)
    })
}

fn csv_bytes(df: &mut DataFrame) -> PolarsResult<Vec<u8>> {
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

/// Writes every output of a run into `cfg.out_dir` and returns the paths written, in order.
pub fn write_all(cfg: &RunConfig, norm: &Normalised, checked: &Checked) -> Result<Vec<PathBuf>, RunError> {
    let dir = &cfg.out_dir;
    std::fs::create_dir_all(dir).map_err(|source| RunError::Write { path: dir.clone(), source })?;
    let mut written = Vec::new();
    let mut put = |name: &str, bytes: Vec<u8>| -> Result<(), RunError> {
        let path = dir.join(name);
        write_atomic(&path, &bytes)?;
        written.push(path);
        Ok(())
    };

    let book = workbook::build(cfg, norm, checked)?;
    put(&workbook_name(&cfg.plan.id, cfg.year), book)?;
    let mut rows = norm.rows.clone();
    put("rows.csv", csv_bytes(&mut rows)?)?;
    put("rows.parquet", parquet_bytes(&mut rows)?)?;
    put("files.csv", csv_bytes(&mut files_frame(norm)?)?)?;
    let mut completeness = checked.completeness.select(crate::schema::completeness().iter_names().cloned())?;
    ensure(&completeness, &crate::schema::completeness(), "completeness")?;
    put("completeness.csv", csv_bytes(&mut completeness)?)?;
    put("coverage.csv", csv_bytes(&mut checked.coverage.clone())?)?;
    put("problems.csv", csv_bytes(&mut problems_frame(&norm.problems)?)?)?;
    Ok(written)
}
