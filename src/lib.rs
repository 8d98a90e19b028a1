//! tonghop ("tổng hợp", to consolidate): turns a Vietnamese province's annual agency
//! reports on a cultural-diplomacy plan into one consolidated, checked, printable report.
//!
//! The data flows one way: **plan → ingest → normalise → check → report**.
//!
//! - [`plan`] reads and validates the plan (TOML): agencies, tasks, deadline.
//! - [`ingest`] lists the year's folder and reads each workbook's cells (calamine).
//! - [`normalise`] turns raw rows into one Polars table with fixed columns and types.
//! - [`check`] computes completeness and coverage as Polars joins and aggregations.
//! - [`report`] writes the consolidated workbook, CSV and Parquet tables.
//! - [`manifest`] records what was read and written, with hashes.
//!
//! Stages neither print nor read the clock: the day of the check is passed in.

pub mod check;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod error;
pub mod ingest;
pub mod manifest;
pub mod normalise;
pub mod plan;
pub mod report;
pub mod sample;
pub mod schema;
pub mod template;
pub mod text;

/// Versions written into every output, so an auditor knows what produced it.
pub mod versions {
    pub const TONGHOP: &str = env!("CARGO_PKG_VERSION");
    pub const CALAMINE: &str = "0.38";
    pub const POLARS: &str = "0.55";
    pub const RUST_XLSXWRITER: &str = "0.102";
}
