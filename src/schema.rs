//! Column names and types of every output table, defined once.

use polars::prelude::*;

pub const PLAN_ID: &str = "plan_id";
pub const YEAR: &str = "year";
pub const AGENCY_CODE: &str = "agency_code";
pub const AGENCY_NAME: &str = "agency_name";
pub const AGENCY_AS_WRITTEN: &str = "agency_as_written";
pub const FILE: &str = "file";
pub const SHEET: &str = "sheet";
pub const ROW: &str = "row";
pub const TASK_CODE: &str = "task_code";
pub const TASK_AS_WRITTEN: &str = "task_as_written";
pub const ROLE: &str = "role";
pub const ACTIVITY: &str = "activity";
pub const RESULT: &str = "result";
pub const STATUS: &str = "status";
pub const BUDGET: &str = "budget_million_vnd";
pub const DIFFICULTIES: &str = "difficulties";
pub const PROPOSALS: &str = "proposals";
pub const REPORT_DATE: &str = "report_date";
pub const FLAGS: &str = "flags";
pub const NOTE: &str = "note";

pub const SUBMITTED: &str = "submitted";
pub const RECEIVED_DATE: &str = "received_date";
pub const DAYS_LATE: &str = "days_late";
pub const VERDICT: &str = "verdict";
pub const REPORTED: &str = "reported";
pub const AGENCY_ORDER: &str = "agency_order";
pub const TASK_ORDER: &str = "task_order";
pub const ACTIVITIES: &str = "activities";
/// Of the budget by task: the rows of work outside the plan's tasks (`task_outside_plan`).
pub const OUTSIDE_PLAN: &str = "outside_plan";

/// The rows table (`rows.csv`, `rows.parquet`): one row per activity.
pub fn rows() -> Schema {
    Schema::from_iter([
        Field::new(PLAN_ID.into(), DataType::String),
        Field::new(YEAR.into(), DataType::Int32),
        Field::new(AGENCY_CODE.into(), DataType::String),
        Field::new(AGENCY_AS_WRITTEN.into(), DataType::String),
        Field::new(FILE.into(), DataType::String),
        Field::new(SHEET.into(), DataType::String),
        Field::new(ROW.into(), DataType::UInt32),
        Field::new(TASK_CODE.into(), DataType::String),
        Field::new(TASK_AS_WRITTEN.into(), DataType::String),
        Field::new(ROLE.into(), DataType::String),
        Field::new(ACTIVITY.into(), DataType::String),
        Field::new(RESULT.into(), DataType::String),
        Field::new(STATUS.into(), DataType::String),
        Field::new(BUDGET.into(), DataType::Float64),
        Field::new(DIFFICULTIES.into(), DataType::String),
        Field::new(PROPOSALS.into(), DataType::String),
        Field::new(REPORT_DATE.into(), DataType::Date),
        Field::new(FLAGS.into(), DataType::String),
        Field::new(NOTE.into(), DataType::String),
    ])
}

/// `completeness.csv`: one row per agency expected to report.
pub fn completeness() -> Schema {
    Schema::from_iter([
        Field::new(AGENCY_CODE.into(), DataType::String),
        Field::new(AGENCY_NAME.into(), DataType::String),
        Field::new(SUBMITTED.into(), DataType::Boolean),
        Field::new(RECEIVED_DATE.into(), DataType::Date),
        Field::new(DAYS_LATE.into(), DataType::Int32),
        Field::new(VERDICT.into(), DataType::String),
    ])
}

/// `coverage.csv`: one row per (agency, assigned task).
pub fn coverage() -> Schema {
    Schema::from_iter([
        Field::new(AGENCY_CODE.into(), DataType::String),
        Field::new(TASK_CODE.into(), DataType::String),
        Field::new(ROLE.into(), DataType::String),
        Field::new(REPORTED.into(), DataType::Boolean),
    ])
}

/// Fails loudly if a stage hands on a frame whose columns or types differ from its schema.
pub fn ensure(df: &DataFrame, want: &Schema, what: &str) -> PolarsResult<()> {
    let got = df.schema();
    let same = got.len() == want.len() && got.iter().zip(want.iter()).all(|((n1, t1), (n2, t2))| n1 == n2 && t1 == t2);
    polars_ensure!(same, SchemaMismatch: "{what}: expected {:?}, got {:?}", want, got);
    Ok(())
}
