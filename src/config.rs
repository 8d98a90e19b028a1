//! Raw arguments and the plan, resolved once into a `RunConfig` (defaults live here).

use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;

use crate::cli::{Lang, RunArgs};
use crate::error::RunError;
use crate::plan::{self, Plan};

/// Everything one run needs, resolved.
#[derive(Debug, Clone)]
pub struct RunConfig {
    pub plan: Plan,
    pub year: i32,
    /// The plan file as the command line gave it (recorded in the manifest).
    pub plan_label: String,
    /// The folder holding the year folders, as given (or its default).
    pub inputs_dir: PathBuf,
    /// The year's input folder (`<inputs>/<year>`).
    pub year_dir: PathBuf,
    /// The year's output folder (`<out>/<plan id>/<year>`).
    pub out_dir: PathBuf,
    /// The day of the check.
    pub as_of: NaiveDate,
    /// Whether `as_of` was given (false: it defaulted to today, which the outputs record).
    pub as_of_given: bool,
    pub fail_on_gaps: bool,
    pub lang: Lang,
    /// The command line that reproduces this run.
    pub command_line: String,
    /// Limits for reading one file.
    pub limits: crate::ingest::isolate::Limits,
    /// Wait for another run writing the same outputs instead of stopping.
    pub wait: bool,
}

impl RunConfig {
    /// Resolves arguments; `today` is passed in so that no stage reads the clock.
    pub fn resolve(args: &RunArgs, year: i32, today: NaiveDate) -> anyhow::Result<RunConfig> {
        let plan = plan::load(&args.plan)?;
        if year < plan.first_year || year > plan.last_year {
            return Err(RunError::YearOutOfPlan { year, first: plan.first_year, last: plan.last_year }.into());
        }
        let inputs = args.inputs.clone().unwrap_or_else(|| PathBuf::from("inputs").join(&plan.id));
        let year_dir = inputs.join(year.to_string());
        if !year_dir.is_dir() {
            return Err(RunError::NoYearFolder { year, path: year_dir }.into());
        }
        let out_dir = args.out.join(&plan.id).join(year.to_string());
        let as_of = args.as_of.unwrap_or(today);
        let command_line = format!(
            "tonghop run --plan {} --year {} --inputs {} --out {} --as-of {}",
            args.plan.display(),
            year,
            inputs.display(),
            args.out.display(),
            as_of
        );
        Ok(RunConfig {
            plan,
            year,
            plan_label: args.plan.display().to_string(),
            inputs_dir: inputs.clone(),
            year_dir: year_dir.canonicalize().with_context(|| format!("thư mục {}", inputs.display()))?,
            out_dir,
            as_of,
            as_of_given: args.as_of.is_some(),
            fail_on_gaps: args.fail_on_gaps,
            lang: args.lang,
            command_line,
            limits: crate::ingest::isolate::Limits {
                timeout: std::time::Duration::from_secs(args.file_timeout.max(1)),
                memory_mb: args.file_memory_mb.max(256),
            },
            wait: args.wait,
        })
    }
}
