//! `tonghop rollup --outputs DIR`: a national summary over many runs' outputs. The rows of
//! every run are scanned lazily with Polars as one dataset partitioned by plan and year
//! (`DIR/<plan>/<year>/rows.parquet`); the completeness tables likewise.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use polars::prelude::*;

use crate::cli::RollupArgs;
use crate::schema::*;

/// The summary frame: one row per (plan, year).
pub fn summary(outputs: &std::path::Path) -> anyhow::Result<DataFrame> {
    let glob = |name: &str| outputs.join("*").join("*").join(name).display().to_string();
    let rows = LazyFrame::scan_parquet(PlRefPath::new(glob("rows.parquet")), ScanArgsParquet::default())
        .map_err(anyhow::Error::from)
        .with_context(|| format!("không đọc được {}", glob("rows.parquet")))?
        .group_by([col(PLAN_ID), col(YEAR)])
        .agg([
            col(ACTIVITY).len().cast(DataType::UInt32).alias(ACTIVITIES),
            col(TASK_CODE).drop_nulls().n_unique().cast(DataType::UInt32).alias("tasks_reported"),
            col(BUDGET).sum().alias(BUDGET),
        ]);
    // Completeness tables carry no plan or year: each comes from its folder's name.
    let mut parts = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(outputs)?.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_dir()).collect();
    dirs.sort();
    for plan_dir in dirs {
        let plan = plan_dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let mut years: Vec<PathBuf> = std::fs::read_dir(&plan_dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.join("completeness.csv").is_file())
            .collect();
        years.sort();
        for y in years {
            let Some(year) = y.file_name().and_then(|n| n.to_str()).and_then(|n| n.parse::<i32>().ok()) else { continue };
            let path = y.join("completeness.csv").display().to_string();
            let lf = LazyCsvReader::new(PlRefPath::new(path.as_str()))
                .with_has_header(true)
                // The table's own schema: an empty table (a plan with no agencies) has no
                // values to infer types from.
                .with_dtype_overwrite(Some(Arc::new(crate::schema::completeness())))
                .finish()?
                // One row per table, also for an empty one (a year that expects no
                // report): 0 expected, not a plan-year missing from the counts.
                .select([
                    col(VERDICT).len().cast(DataType::UInt32).alias("expected"),
                    col(SUBMITTED).cast(DataType::UInt32).sum().alias("received"),
                    col(VERDICT).eq(lit("on_time")).cast(DataType::UInt32).sum().alias("on_time"),
                ])
                .with_columns([lit(plan.clone()).alias(PLAN_ID), lit(year).alias(YEAR)]);
            parts.push(lf);
        }
    }
    anyhow::ensure!(!parts.is_empty(), "không có kết quả nào trong {}", outputs.display());
    let completeness = concat(parts, UnionArgs::default())?;
    // A rate of nothing expected is no rate (null), not NaN.
    let rate = |n: &str| {
        when(col("expected").gt(lit(0)))
            .then(col(n).cast(DataType::Float64) / col("expected").cast(DataType::Float64))
            .otherwise(lit(NULL).cast(DataType::Float64))
    };
    let out = completeness
        .join(
            rows,
            [col(PLAN_ID), col(YEAR)],
            [col(PLAN_ID), col(YEAR)],
            JoinArgs::new(JoinType::Full).with_coalesce(JoinCoalesce::CoalesceColumns),
        )
        .with_columns([rate("received").alias("reporting_rate"), rate("on_time").alias("on_time_rate")])
        .sort([PLAN_ID, YEAR], Default::default())
        .select([
            col(PLAN_ID),
            col(YEAR),
            col("expected"),
            col("received"),
            col("on_time"),
            col("reporting_rate"),
            col("on_time_rate"),
            col("tasks_reported"),
            col(ACTIVITIES),
            col(BUDGET),
        ])
        .collect()?;
    Ok(out)
}

pub fn run(args: &RollupArgs) -> anyhow::Result<ExitCode> {
    let df = summary(&args.outputs)?;
    let out = args.out.clone().unwrap_or_else(|| args.outputs.join("tong-hop-quoc-gia.xlsx"));
    let bytes = crate::report::years::rollup_workbook(&df)?;
    let dir = out.parent().map(PathBuf::from).unwrap_or_default();
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "tong-hop-quoc-gia.xlsx".into());
    crate::report::publish(&dir, vec![crate::report::stage_bytes(&dir, &name, &bytes)?])?;
    println!("{} kế hoạch-năm → {}", df.height(), out.display());
    Ok(ExitCode::SUCCESS)
}
