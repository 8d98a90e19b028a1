//! `tonghop run` (one plan and year) and `tonghop` with no arguments (every shipped plan
//! and year).

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use super::log::{Level, Log};
use crate::check::{self, Checked};
use crate::cli::{Lang, LogFormat, RunArgs};
use crate::config::RunConfig;
use crate::error::Kind;
use crate::error::RunError;
use crate::ingest;
use crate::normalise::{self, Normalised, Outcome};
use crate::text::for_terminal;

/// A year read and checked.
pub struct Year {
    pub norm: Normalised,
    pub checked: Checked,
    /// The receipts register, if the year folder has one.
    pub receipts: Option<ingest::Receipts>,
    /// Wall time of each stage so far, in milliseconds, for the log.
    pub timings: Vec<(&'static str, u128)>,
}

/// A year read and consolidated, not yet checked.
pub struct Read {
    pub norm: Normalised,
    pub receipts: Option<ingest::Receipts>,
    pub timings: Vec<(&'static str, u128)>,
}

/// The pipeline without writing: ingest, normalise, check. `tick` is called once per file
/// read (for a progress bar).
pub fn pipeline(cfg: &RunConfig, tick: &(dyn Fn() + Sync)) -> anyhow::Result<Year> {
    let Read { norm, receipts, timings } = read(cfg, tick)?;
    let checked = check::check(&cfg.plan, cfg.year, cfg.as_of, &norm)?;
    Ok(Year { norm, checked, receipts, timings })
}

/// Ingest and normalise. Fails if the rows read are not exactly the rows accepted plus the
/// rows rejected with a reason, counted independently.
pub fn read(cfg: &RunConfig, tick: &(dyn Fn() + Sync)) -> anyhow::Result<Read> {
    read_listed(cfg, list(cfg)?, tick)
}

/// The files of the year's folder, in their sorted order.
pub fn list(cfg: &RunConfig) -> anyhow::Result<Vec<ingest::InputFile>> {
    ingest::list_files(&cfg.year_dir).with_context(|| format!("không đọc được thư mục {}", cfg.year_dir.display()))
}

/// `read`, of the files `list` gave.
pub fn read_listed(cfg: &RunConfig, files: Vec<ingest::InputFile>, tick: &(dyn Fn() + Sync)) -> anyhow::Result<Read> {
    // Files are read in parallel by worker processes, in their sorted order.
    // Each file is normalised as soon as it is read, so raw cells are never held for all.
    let started = std::time::Instant::now();
    // The normaliser (the plan's names indexed) is made while the workers start and read
    // (10 ms at M, 67 ms at L, when one core had nothing to do); the files read before it
    // is ready (31 of M's 2,000 and 125 of L's 10,000 in one run) are normalised after the
    // others, on both cores.
    let normaliser = std::sync::OnceLock::new();
    let make = || normalise::Normaliser::new(&cfg.plan, cfg.year).as_of(cfg.as_of);
    let read = std::thread::scope(|s| {
        s.spawn(|| normaliser.get_or_init(make));
        // (A file of several agencies' rows is a draft for each: `Normaliser::drafts`.)
        ingest::isolate::ingest_all(&files, cfg.limits, tick, &|ing| match normaliser.get() {
            Some(n) => Ok(n.drafts(ing)),
            None => Err(ing),
        })
    });
    let normaliser = normaliser.get_or_init(make);
    // (The files waiting, by themselves: they are the first files, and a parallel pass
    // over all the files would leave them to one core.)
    let mut drafts = Vec::with_capacity(read.len());
    let mut waiting = Vec::new();
    for r in read {
        match r {
            Ok(d) => drafts.push(d),
            Err(ing) => {
                waiting.push((drafts.len(), ing));
                drafts.push(Vec::new());
            }
        }
    }
    let waiting: Vec<(usize, Vec<normalise::Draft>)> = {
        use rayon::prelude::*;
        polars_core::runtime::THREAD_POOL.install(|| waiting.into_par_iter().map(|(i, ing)| (i, normaliser.drafts(ing))).collect())
    };
    for (i, d) in waiting {
        drafts[i] = d;
    }
    let drafts: Vec<_> = drafts.into_iter().flatten().collect();
    let read_ms = started.elapsed().as_millis();
    let read_peak = peak_rss_mb().unwrap_or(0) as u128;
    let receipts = ingest::read_receipts(&cfg.year_dir)
        .with_context(|| format!("không đọc được sổ nhận báo cáo ({}) trong {}", ingest::RECEIPTS_FILE, cfg.year_dir.display()))?;
    let norm = normaliser.finish(drafts, receipts.as_ref())?;
    let read = norm.rows_read();
    let accepted = norm.rows.height();
    // A file not consolidated rejects all its rows at once; in the others, totals rows,
    // lines joined to the row above, the form's example rows and repeated rows are rejected
    // one by one, and another year's sheet all its rows.
    let accepted_files: std::collections::HashSet<&str> =
        norm.files.iter().filter(|f| f.outcome == Outcome::Accepted).map(|f| f.file.as_str()).collect();
    let rejected = norm
        .problems
        .iter()
        .filter(|p| accepted_files.contains(p.file.as_str()))
        .map(|p| match p.kind {
            Kind::TotalsRow
            | Kind::GroupRow
            | Kind::BudgetJoined
            | Kind::ContinuedRow
            | Kind::ExampleRow
            | Kind::NoteOnlyRow
            | Kind::RowHidden
            | Kind::RowOtherYear
            | Kind::Duplicate => 1,
            Kind::SheetOtherYear | Kind::SheetGuidance | Kind::SheetHidden => p.detail.parse().unwrap_or(0),
            Kind::SheetOtherAgency | Kind::SheetSummary | Kind::SheetDatedOtherYear | Kind::SheetTitledOtherYear => {
                p.detail.split(' ').next().and_then(|n| n.parse().ok()).unwrap_or(0)
            }
            _ => 0,
        })
        .sum::<usize>()
        + norm.files.iter().filter(|f| f.outcome != Outcome::Accepted).map(|f| f.rows_read).sum::<usize>();
    if accepted + rejected != read {
        return Err(RunError::RowsLost { read, accepted, rejected }.into());
    }
    let timings = vec![
        ("read_ms", read_ms),
        ("consolidate_ms", started.elapsed().as_millis() - read_ms),
        ("read_peak_mb", read_peak),
        ("consolidate_peak_mb", peak_rss_mb().unwrap_or(0) as u128),
    ];
    Ok(Read { norm, receipts, timings })
}

/// Checks a year read and writes every output to temporary files in its output folder,
/// the manifest last, ready to publish. The check runs beside the activities sheet, which
/// does not need it.
pub fn render(cfg: &RunConfig, read: Read) -> anyhow::Result<(Year, Vec<crate::report::Staged>)> {
    let Read { norm, receipts, timings } = read;
    let check = || check::check(&cfg.plan, cfg.year, cfg.as_of, &norm).map_err(RunError::Table);
    let (checked, mut outputs) = crate::report::render(cfg, &norm, check)?;
    let manifest = crate::manifest::build(cfg, &norm, receipts.as_ref(), &outputs)?;
    outputs.push(crate::report::stage_bytes(&cfg.out_dir, crate::manifest::FILE, &crate::manifest::to_bytes(&manifest))?);
    Ok((Year { norm, checked, receipts, timings }, outputs))
}

/// Whether a checked year has gaps (for `--fail-on-gaps`): an agency late or missing, or
/// an agency that submitted without reporting a task it was given.
pub fn has_gaps(checked: &Checked) -> bool {
    let s = &checked.summary;
    s.late > 0
        || (s.past_deadline && s.not_received + s.unreadable + s.no_file + s.part_year + s.last_year > 0)
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
    // A year that expects no report (a plan without its list of agencies): "0/0 reports"
    // would read as nothing received, so the line says why submissions were not checked.
    if s.expected == 0 {
        let read = s.files - s.files_skipped;
        let no_list = cfg.plan.agencies.is_empty();
        return match cfg.lang {
            Lang::Vi => format!(
                "{} {}: {} nên chưa kiểm tra việc nộp báo cáo; đọc {} tệp, bỏ qua {} tệp; {} hoạt động, {} vấn đề dữ liệu",
                cfg.plan.id,
                cfg.year,
                if no_list {
                    "kế hoạch chưa có danh sách cơ quan"
                } else {
                    "theo kế hoạch, không cơ quan nào phải nộp báo cáo năm này"
                },
                read,
                s.files_skipped,
                s.rows_accepted,
                s.problems
            ),
            Lang::En => format!(
                "{} {}: {}, so submissions were not checked; {} files read, {} skipped; {} activities, {} data problems",
                cfg.plan.id,
                cfg.year,
                if no_list { "the plan lists no agencies" } else { "the plan expects no agency to report this year" },
                read,
                s.files_skipped,
                s.rows_accepted,
                s.problems
            ),
        };
    }
    // Agencies whose only files cannot be read, whose report only the register records,
    // or that sent only a report of part of the year or last year's, are named where there
    // are any.
    let unreadable = match (s.unreadable, cfg.lang) {
        (0, _) => String::new(),
        (n, Lang::Vi) => format!(", {n} gửi tệp không đọc được"),
        (n, Lang::En) => format!(", {n} sent unreadable files"),
    } + &match (s.no_file, cfg.lang) {
        (0, _) => String::new(),
        (n, Lang::Vi) => format!(", {n} chỉ có trong sổ công văn (không có tệp)"),
        (n, Lang::En) => format!(", {n} in the receipts register with no file"),
    } + &match (s.part_year, cfg.lang) {
        (0, _) => String::new(),
        (n, Lang::Vi) => format!(", {n} mới gửi báo cáo 6 tháng/quý"),
        (n, Lang::En) => format!(", {n} sent only a half-year or quarter's report"),
    } + &match (s.last_year, cfg.lang) {
        (0, _) => String::new(),
        (n, Lang::Vi) => format!(", {n} chỉ gửi báo cáo năm trước"),
        (n, Lang::En) => format!(", {n} sent only last year's report"),
    };
    match cfg.lang {
        Lang::Vi => format!(
            "{} {}: nhận {}/{} báo cáo ({} đúng hạn, {} muộn, {} không rõ ngày, {} chưa nộp{unreadable}); {}/{} cặp nhiệm vụ đã báo cáo; {} hoạt động, {} vấn đề dữ liệu",
            cfg.plan.id, cfg.year, s.received, s.expected, s.on_time, s.late, s.undated, s.not_received, s.pairs_reported, s.pairs, s.rows_accepted, s.problems
        ),
        Lang::En => format!(
            "{} {}: received {}/{} reports ({} on time, {} late, {} undated, {} not received{unreadable}); {}/{} task pairs reported; {} activities, {} data problems",
            cfg.plan.id, cfg.year, s.received, s.expected, s.on_time, s.late, s.undated, s.not_received, s.pairs_reported, s.pairs, s.rows_accepted, s.problems
        ),
    }
}

/// `tonghop run`.
pub fn run(args: &RunArgs) -> anyhow::Result<ExitCode> {
    let log = Log { format: args.log_format, verbose: args.verbose };
    if let Some((first, last)) = args.years {
        return run_years(args, first, last, &log);
    }
    let year = args.year.ok_or_else(|| anyhow::anyhow!("cần --year hoặc --years"))?;
    let cfg = RunConfig::resolve(args, year, super::today())?;
    let year = run_config(&cfg, &log).inspect_err(|e| log.event(Level::Error, "failed", &[], &format!("{e:#}")))?;
    let gaps = has_gaps(&year.checked);
    // The year's data is not freed piece by piece on the way out: the process ends after
    // this, and its memory goes with it (at M, 3 ms of freeing some hundred thousand
    // strings, under strace).
    std::mem::forget(year);
    Ok(if cfg.fail_on_gaps && gaps { ExitCode::from(3) } else { ExitCode::SUCCESS })
}

/// `tonghop run --years FIRST-LAST`: each year that has a folder, then the comparison.
fn run_years(args: &RunArgs, first: i32, last: i32, log: &Log) -> anyhow::Result<ExitCode> {
    let mut years = Vec::new();
    let mut gaps = false;
    let mut out_root = None;
    for year in first..=last {
        let cfg = match RunConfig::resolve(args, year, super::today()) {
            Ok(cfg) => cfg,
            Err(e)
                if e.downcast_ref::<RunError>()
                    .is_some_and(|e| matches!(e, RunError::NoYearFolder { .. } | RunError::YearOutOfPlan { .. })) =>
            {
                log.event(Level::Warn, "year_skipped", &[("year", year.to_string())], &format!("{e:#}"));
                continue;
            }
            Err(e) => return Err(e),
        };
        let y = run_config(&cfg, log)?;
        gaps |= has_gaps(&y.checked);
        out_root = cfg.out_dir.parent().map(Path::to_path_buf);
        years.push((cfg, y));
    }
    if let Some(root) = out_root {
        write_comparison(&root, first, last, &years)?;
    }
    Ok(if args.fail_on_gaps && gaps { ExitCode::from(3) } else { ExitCode::SUCCESS })
}

/// Writes the workbook comparing years into the plan's output folder.
fn write_comparison(root: &Path, first: i32, last: i32, years: &[(RunConfig, Year)]) -> anyhow::Result<()> {
    let Some((cfg, _)) = years.first() else { return Ok(()) };
    let rows: Vec<crate::report::years::YearRow> =
        years.iter().map(|(c, y)| crate::report::years::YearRow::of(c.year, &y.norm, &y.checked)).collect::<Result<_, _>>()?;
    let name = format!("so-sanh-{}-{first}-{last}.xlsx", cfg.plan.id);
    let bytes = crate::report::years::build(&cfg.plan, first, last, &rows, cfg.as_of)?;
    crate::report::publish(root, vec![crate::report::stage_bytes(root, &name, &bytes)?])?;
    println!("  → {}", root.join(name).display());
    Ok(())
}

/// Runs one resolved config and writes its outputs; returns the year read and checked.
pub fn run_config(cfg: &RunConfig, log: &Log) -> anyhow::Result<Year> {
    // Never two writers on one output folder.
    let _lock = crate::report::lock_output(&cfg.out_dir, cfg.wait)?;
    let year_fields = [("plan", cfg.plan.id.clone()), ("year", cfg.year.to_string()), ("as_of", cfg.as_of.to_string())];
    log.event(Level::Info, "start", &year_fields, "bắt đầu tổng hợp");
    let files = list(cfg)?;
    let bar = super::log::progress(files.len());
    let read = read_listed(cfg, files, &|| bar.inc(1))?;
    bar.finish_and_clear();
    for f in &read.norm.files {
        let level = match f.outcome {
            Outcome::Accepted if !log.verbose => continue,
            Outcome::Accepted => Level::Info,
            _ => Level::Warn,
        };
        let fields = [
            ("file", f.file.clone()),
            ("outcome", f.outcome.as_str().to_string()),
            ("reason", f.reason_code.clone()),
            ("agency", f.agency_code.clone().unwrap_or_default()),
            ("rows_read", f.rows_read.to_string()),
            ("rows_accepted", f.rows_accepted.to_string()),
        ];
        // The reason in English when asked: the file's own finding carries its detail.
        let reason = match cfg.lang {
            Lang::En => read.norm.problems.iter().find(|p| p.file == f.file && p.kind.code() == f.reason_code).map(|p| p.message_en()),
            Lang::Vi => None,
        };
        log.event(level, "file", &fields, reason.as_deref().unwrap_or(&f.reason));
    }
    let started = std::time::Instant::now();
    let (mut year, outputs) = render(cfg, read)?;
    year.timings.push(("render_ms", started.elapsed().as_millis()));
    year.timings.push(("render_peak_mb", peak_rss_mb().unwrap_or(0) as u128));
    let started = std::time::Instant::now();
    crate::report::publish(&cfg.out_dir, outputs)?;
    year.timings.push(("publish_ms", started.elapsed().as_millis()));
    let s = &year.checked.summary;
    let mut fields = vec![
        ("plan", cfg.plan.id.clone()),
        ("year", cfg.year.to_string()),
        ("expected", s.expected.to_string()),
        ("on_time", s.on_time.to_string()),
        ("late", s.late.to_string()),
        ("not_received", s.not_received.to_string()),
        ("unreadable", s.unreadable.to_string()),
        ("no_file", s.no_file.to_string()),
        ("part_year", s.part_year.to_string()),
        ("last_year", s.last_year.to_string()),
        ("pairs_reported", s.pairs_reported.to_string()),
        ("pairs", s.pairs.to_string()),
        ("problems", s.problems.to_string()),
        ("out", cfg.out_dir.display().to_string()),
        ("peak_rss_mb", peak_rss_mb().map_or(String::new(), |m| m.to_string())),
    ];
    fields.extend(year.timings.iter().map(|(k, v)| (*k, v.to_string())));
    log.event(Level::Info, "done", &fields, &summary_line(cfg, &year.checked));
    println!("{}", for_terminal(&summary_line(cfg, &year.checked), 400));
    println!("  → {}", cfg.out_dir.display());
    Ok(year)
}

/// This process's peak resident memory so far, in MiB (Linux; None elsewhere).
fn peak_rss_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

/// `tonghop` with no arguments: every plan in `inputs/plans/`, every year folder it has.
pub fn all(inputs: &Path, outputs: &Path) -> anyhow::Result<ExitCode> {
    let log = Log { format: LogFormat::Text, verbose: false };
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
        let mut done = Vec::new();
        for &year in &years {
            let args = RunArgs { out: outputs.to_path_buf(), ..RunArgs::new(plan_path.clone(), year, plan_inputs.clone()) };
            match RunConfig::resolve(&args, year, super::today()).and_then(|cfg| run_config(&cfg, &log).map(|y| (cfg, y))) {
                Ok(pair) => done.push(pair),
                Err(e) => {
                    eprintln!("lỗi: {}/{year}: {e:#}", plan.id);
                    failed += 1;
                }
            }
        }
        // A plan with several years also gets the workbook comparing them.
        if let (Some(first), Some(last), true) = (years.first(), years.last(), done.len() >= 2) {
            if let Err(e) = write_comparison(&outputs.join(&plan.id), *first, *last, &done) {
                eprintln!("lỗi: {}: {e:#}", plan.id);
                failed += 1;
            }
        }
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
