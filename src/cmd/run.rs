//! `tonghop run` (one plan and year) and `tonghop` with no arguments (every shipped plan
//! and year).

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use crate::check::{self, Checked};
use crate::cli::{Lang, RunArgs};
use crate::config::RunConfig;
use crate::error::RunError;
use crate::ingest;
use crate::normalise::{self, Normalised};
use crate::text::for_terminal;

/// A year read and checked.
pub struct Year {
    pub norm: Normalised,
    pub checked: Checked,
}

/// The pipeline without writing: ingest, normalise, check. Verifies that every row read
/// was either accepted or rejected with a reason.
pub fn pipeline(cfg: &RunConfig) -> anyhow::Result<Year> {
    let files = ingest::list_files(&cfg.year_dir).with_context(|| format!("không đọc được thư mục {}", cfg.year_dir.display()))?;
    // Files are read in parallel by worker processes, in their sorted order.
    let ingested = ingest::isolate::ingest_all(&files, cfg.limits);
    let receipts = ingest::read_receipts(&cfg.year_dir)
        .with_context(|| format!("không đọc được {}", cfg.year_dir.join(ingest::RECEIPTS_FILE).display()))?;
    let norm = normalise::normalise(&cfg.plan, cfg.year, ingested, receipts.as_ref().map(|r| r.text.as_str()))?;
    let read = norm.rows_read();
    let accepted = norm.rows.height();
    let rejected = read - norm.rows_accepted();
    if accepted + rejected != read || accepted != norm.rows_accepted() {
        return Err(RunError::RowsLost { read, accepted, rejected }.into());
    }
    let checked = check::check(&cfg.plan, cfg.year, cfg.as_of, &norm)?;
    Ok(Year { norm, checked })
}

/// Whether a checked year has gaps (for `--fail-on-gaps`): an agency late or missing, or
/// an agency that submitted without reporting a task it was given.
pub fn has_gaps(checked: &Checked) -> bool {
    let s = &checked.summary;
    s.late > 0
        || (s.past_deadline && s.not_received > 0)
        || s.pairs_reported < s.pairs && s.received > 0 && unreported_by_submitters(checked)
}

fn unreported_by_submitters(checked: &Checked) -> bool {
    use crate::schema::*;
    let submitted: std::collections::HashSet<String> =
        match (checked.completeness.column(AGENCY_CODE), checked.completeness.column(SUBMITTED)) {
            (Ok(a), Ok(s)) => match (a.str(), s.bool()) {
                (Ok(a), Ok(s)) => {
                    a.iter().zip(s.iter()).filter(|(_, s)| *s == Some(true)).filter_map(|(a, _)| a.map(str::to_string)).collect()
                }
                _ => return false,
            },
            _ => return false,
        };
    match (checked.coverage.column(AGENCY_CODE), checked.coverage.column(REPORTED)) {
        (Ok(a), Ok(r)) => match (a.str(), r.bool()) {
            (Ok(a), Ok(r)) => a.iter().zip(r.iter()).any(|(a, r)| r == Some(false) && a.is_some_and(|a| submitted.contains(a))),
            _ => false,
        },
        _ => false,
    }
}

/// One line saying what a run found, for the terminal.
pub fn summary_line(cfg: &RunConfig, checked: &Checked) -> String {
    let s = &checked.summary;
    match cfg.lang {
        Lang::Vi => format!(
            "{} {}: nhận {}/{} báo cáo ({} đúng hạn, {} muộn, {} không rõ ngày, {} chưa nộp); {}/{} cặp nhiệm vụ đã báo cáo; {} hoạt động, {} vấn đề dữ liệu",
            cfg.plan.id, cfg.year, s.received, s.expected, s.on_time, s.late, s.undated, s.not_received, s.pairs_reported, s.pairs, s.rows_accepted, s.problems
        ),
        Lang::En => format!(
            "{} {}: received {}/{} reports ({} on time, {} late, {} undated, {} not received); {}/{} task pairs reported; {} activities, {} data problems",
            cfg.plan.id, cfg.year, s.received, s.expected, s.on_time, s.late, s.undated, s.not_received, s.pairs_reported, s.pairs, s.rows_accepted, s.problems
        ),
    }
}

/// `tonghop run`.
pub fn run(args: &RunArgs) -> anyhow::Result<ExitCode> {
    let cfg = RunConfig::resolve(args, super::today())?;
    let gaps = run_config(&cfg)?;
    Ok(if cfg.fail_on_gaps && gaps { ExitCode::from(3) } else { ExitCode::SUCCESS })
}

/// Runs one resolved config and writes its outputs; returns whether there were gaps.
pub fn run_config(cfg: &RunConfig) -> anyhow::Result<bool> {
    let year = pipeline(cfg)?;
    let written = crate::report::write_all(cfg, &year.norm, &year.checked)?;
    crate::manifest::write(cfg, &year.norm, &written)?;
    println!("{}", for_terminal(&summary_line(cfg, &year.checked), 400));
    println!("  → {}", cfg.out_dir.display());
    Ok(has_gaps(&year.checked))
}

/// `tonghop` with no arguments: every plan in `inputs/plans/`, every year folder it has.
pub fn all(inputs: &Path, outputs: &Path) -> anyhow::Result<ExitCode> {
    let plans_dir = inputs.join("plans");
    let mut plans: Vec<_> = std::fs::read_dir(&plans_dir)
        .with_context(|| format!("không có thư mục kế hoạch {} (chạy lệnh từ thư mục gốc của dự án)", plans_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    plans.sort();
    let mut failed = 0;
    for plan_path in plans {
        let plan = match crate::plan::load(&plan_path) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("bỏ qua kế hoạch: {e}");
                failed += 1;
                continue;
            }
        };
        let plan_inputs = inputs.join(&plan.id);
        let mut years: Vec<i32> = std::fs::read_dir(&plan_inputs)
            .map(|rd| rd.filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok()).collect())
            .unwrap_or_default();
        years.sort();
        for year in years {
            let args = RunArgs {
                plan: plan_path.clone(),
                year,
                inputs: Some(plan_inputs.clone()),
                out: outputs.to_path_buf(),
                as_of: None,
                fail_on_gaps: false,
                lang: Lang::Vi,
                file_timeout: 120,
                file_memory_mb: 4096,
            };
            if let Err(e) = RunConfig::resolve(&args, super::today()).and_then(|cfg| run_config(&cfg)) {
                eprintln!("lỗi: {}/{year}: {e:#}", plan.id);
                failed += 1;
            }
        }
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
