//! `tonghop generate` (a benchmark corpus) and `tonghop floor` (the reading floor the full
//! job is measured against). See scripts/bench.py.

use std::process::ExitCode;

use rayon::prelude::*;

use crate::cli::{FloorArgs, GenerateArgs};

pub fn generate(args: &GenerateArgs) -> anyhow::Result<ExitCode> {
    let (workbooks, rows) =
        crate::sample::size(&args.size).ok_or_else(|| anyhow::anyhow!("kích cỡ \"{}\" không có: S, M hoặc L", args.size))?;
    let plan = crate::sample::generate_corpus(&args.size, workbooks, rows, &args.out)?;
    println!("{} ({workbooks} tệp × {rows} dòng)", plan.display());
    Ok(ExitCode::SUCCESS)
}

/// Reads every workbook under a folder with calamine, in parallel, walking every cell;
/// with `--write`, also writes all their rows into one sheet (constant-memory mode).
pub fn floor(args: &FloorArgs) -> anyhow::Result<ExitCode> {
    let files = crate::ingest::list_files(&args.dir)?;
    let keep = args.write.is_some();
    let read: Vec<(usize, Vec<Vec<String>>)> = files.par_iter().map(|f| crate::ingest::floor_read(&f.path, keep)).collect();
    let cells: usize = read.iter().map(|(n, _)| n).sum();
    if let Some(out) = &args.write {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet_with_constant_memory()?;
        let mut r = 0u32;
        for (_, rows) in &read {
            for row in rows {
                for (c, v) in row.iter().enumerate().take(16_384) {
                    if !v.is_empty() {
                        ws.write_string(r, c as u16, v)?;
                    }
                }
                r += 1;
            }
        }
        wb.save(out)?;
    }
    println!("{} tệp, {cells} ô", files.len());
    Ok(ExitCode::SUCCESS)
}
