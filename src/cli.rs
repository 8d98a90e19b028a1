//! The command line (clap derive). Doc comments on fields are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Consolidates agencies' annual reports on a provincial cultural-diplomacy plan into one
/// checked, printable workbook (Vietnamese), with CSV and Parquet tables.
///
/// With no subcommand: every plan in inputs/plans/, every year folder under
/// inputs/<plan id>/, into outputs/.
///
/// Exit status: 0 ran (gaps are reported, not failures); 1 could not run; 2 bad usage;
/// 3 gaps found with --fail-on-gaps (an agency late or missing, or an assigned task not
/// reported); 4 verify found a difference.
#[derive(Debug, Parser)]
#[command(name = "tonghop", version, about, long_about, after_help = EXIT_STATUS)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

pub const EXIT_STATUS: &str = "Exit status:\n  0  ran; gaps are reported in the outputs, not failures\n  1  could not run (unreadable plan, missing year folder, unwritable output, another run writing the same outputs)\n  2  bad usage\n  3  gaps found and --fail-on-gaps given\n  4  verify: an input or output differs from the manifest";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Consolidate one plan and year: read, check, write the workbook and tables.
    Run(RunArgs),
    /// Check one plan and year and print who is late, missing, or has not reported a task; writes nothing.
    Check(RunArgs),
    /// Work with plan files.
    #[command(subcommand)]
    Plan(PlanCommand),
    /// Write each agency's report template for a year, to send before the reporting season.
    Template(TemplateArgs),
    /// Write example submissions for a plan and year (used to make the shipped examples).
    Sample(SampleArgs),
    /// A national summary over many runs' outputs (OUT/<plan>/<year>/), scanned lazily.
    Rollup(RollupArgs),
    /// Generate a benchmark corpus of size S, M or L (see scripts/bench.py).
    Generate(GenerateArgs),
    /// The benchmark's floor: read every workbook under DIR with calamine and nothing else.
    Floor(FloorArgs),
    /// Check an archived run: re-hash its inputs, rerun it, compare every output with its
    /// manifest. Exit 0 only when all match, 4 when something differs.
    Verify(VerifyArgs),
}

#[derive(Debug, Args, Clone)]
pub struct RollupArgs {
    /// The outputs root holding <plan id>/<year>/ folders.
    #[arg(long, value_name = "DIR", default_value = "outputs")]
    pub outputs: PathBuf,
    /// The workbook to write [default: DIR/tong-hop-quoc-gia.xlsx].
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args, Clone)]
pub struct GenerateArgs {
    /// S (50 workbooks × 40 rows), M (2,000 × 60) or L (10,000 × 60).
    #[arg(long)]
    pub size: String,
    /// Folder to write plan.toml and inputs/ into.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

#[derive(Debug, Args, Clone)]
pub struct FloorArgs {
    /// Folder of workbooks.
    pub dir: PathBuf,
    /// Also write every row read into one sheet of this workbook.
    #[arg(long, value_name = "FILE")]
    pub write: Option<PathBuf>,
}

#[derive(Debug, Args, Clone)]
pub struct TemplateArgs {
    /// The plan file (TOML).
    #[arg(long)]
    pub plan: PathBuf,
    /// The reporting year.
    #[arg(long)]
    pub year: i32,
    /// Folder to write the templates into [default: outputs/<plan id>/mau-YEAR].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args, Clone)]
pub struct VerifyArgs {
    /// The run's manifest.json.
    pub manifest: PathBuf,
    /// Folder that holds the year folders, if the archive has moved [default: as recorded].
    #[arg(long, value_name = "DIR")]
    pub inputs: Option<PathBuf>,
    /// The plan file, if it has moved [default: as recorded].
    #[arg(long, value_name = "FILE")]
    pub plan: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Validate a plan file and name every problem with its line.
    Check {
        /// The plan file (TOML).
        file: PathBuf,
    },
}

#[derive(Debug, Args, Clone)]
pub struct RunArgs {
    /// The plan file (TOML).
    #[arg(long)]
    pub plan: PathBuf,
    /// The reporting year.
    #[arg(long, required_unless_present = "years", conflicts_with = "years")]
    pub year: Option<i32>,
    /// Several years, FIRST-LAST (with `run`): each year that has a folder, and a workbook
    /// comparing them (OUT/<plan id>/so-sanh-<plan id>-FIRST-LAST.xlsx).
    #[arg(long, value_name = "FIRST-LAST", value_parser = parse_years)]
    pub years: Option<(i32, i32)>,
    /// Folder that holds the year folders [default: inputs/<plan id>]; files are read from DIR/YEAR/.
    #[arg(long, value_name = "DIR")]
    pub inputs: Option<PathBuf>,
    /// Root the results go under, as OUT/<plan id>/YEAR/.
    #[arg(long, value_name = "DIR", default_value = "outputs")]
    pub out: PathBuf,
    /// The day the check is made, YYYY-MM-DD [default: today]. Before the deadline a
    /// missing report is "not yet due", after it "missing".
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<chrono::NaiveDate>,
    /// Exit with status 3 when an agency is late or missing or an assigned task is not reported.
    #[arg(long)]
    pub fail_on_gaps: bool,
    /// Language of terminal messages.
    #[arg(long, value_enum, default_value = "vi")]
    pub lang: Lang,
    /// Longest time reading one file may take, in seconds; a file that takes longer is skipped.
    #[arg(long, value_name = "SECS", default_value_t = 120)]
    pub file_timeout: u64,
    /// Memory a file's reader may use, in MiB; a file that needs more is skipped.
    #[arg(long, value_name = "MB", default_value_t = 4096)]
    pub file_memory_mb: u64,
    /// When another run is writing the same output folder, wait for it instead of stopping.
    #[arg(long)]
    pub wait: bool,
    /// Log lines on stderr as text or as JSON (one object per line, for log collectors).
    #[arg(long, value_enum, default_value = "text")]
    pub log_format: LogFormat,
    /// Log every file read, not only those skipped or superseded.
    #[arg(long, short)]
    pub verbose: bool,
    /// Output of `check`: text for people, JSON for a mail merge or a dashboard.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

impl RunArgs {
    /// The arguments of a plain `tonghop run --plan PLAN --year YEAR --inputs INPUTS`, with
    /// every option at its default (for runs the program starts itself).
    pub fn new(plan: PathBuf, year: i32, inputs: PathBuf) -> RunArgs {
        RunArgs {
            plan,
            year: Some(year),
            years: None,
            inputs: Some(inputs),
            out: PathBuf::from("outputs"),
            as_of: None,
            fail_on_gaps: false,
            lang: Lang::Vi,
            file_timeout: 120,
            file_memory_mb: 4096,
            wait: false,
            log_format: LogFormat::Text,
            verbose: false,
            format: Format::Text,
        }
    }
}

fn parse_years(s: &str) -> Result<(i32, i32), String> {
    let (a, b) = s.split_once('-').ok_or("dạng FIRST-LAST, ví dụ 2022-2025")?;
    let (a, b): (i32, i32) =
        (a.trim().parse().map_err(|_| "năm đầu không hợp lệ")?, b.trim().parse().map_err(|_| "năm cuối không hợp lệ")?);
    if a > b || b - a > 50 {
        return Err("khoảng năm không hợp lệ".into());
    }
    Ok((a, b))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Vi,
    En,
}

#[derive(Debug, Args, Clone)]
pub struct SampleArgs {
    /// The plan file (TOML).
    #[arg(long)]
    pub plan: PathBuf,
    /// The reporting year.
    #[arg(long)]
    pub year: i32,
    /// Folder to write the workbooks into.
    #[arg(long)]
    pub out: PathBuf,
}
