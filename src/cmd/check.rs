//! `tonghop check`: who has submitted, who is late or missing, which assigned tasks are
//! not reported. Prints; writes nothing.

use std::process::ExitCode;

use crate::check::verdict_vi;
use crate::cli::{Lang, RunArgs};
use crate::config::RunConfig;
use crate::schema::*;
use crate::text::for_terminal;

pub fn run(args: &RunArgs) -> anyhow::Result<ExitCode> {
    let cfg = RunConfig::resolve(args, super::today())?;
    let year = super::run::pipeline(&cfg)?;
    let c = &year.checked.completeness;
    println!("{}", for_terminal(&super::run::summary_line(&cfg, &year.checked), 400));
    let codes = c.column(AGENCY_CODE)?.str()?;
    let names = c.column(AGENCY_NAME)?.str()?;
    let verdicts = c.column(VERDICT)?.str()?;
    let late = c.column(DAYS_LATE)?.i32()?;
    let en = cfg.lang == Lang::En;
    for i in 0..c.height() {
        let v = verdicts.get(i).unwrap_or("");
        if v == "on_time" {
            continue;
        }
        let days = late
            .get(i)
            .filter(|&d| d > 0)
            .map(|d| if en { format!(", {d} days late") } else { format!(", muộn {d} ngày") })
            .unwrap_or_default();
        let verdict = if en { v.to_string() } else { verdict_vi(v).to_string() };
        println!("  {} {} — {verdict}{days}", codes.get(i).unwrap_or(""), for_terminal(names.get(i).unwrap_or(""), 80));
    }
    let cov = &year.checked.coverage;
    let (a, t, r, rep) =
        (cov.column(AGENCY_CODE)?.str()?, cov.column(TASK_CODE)?.str()?, cov.column(ROLE)?.str()?, cov.column(REPORTED)?.bool()?);
    let unreported: Vec<String> = (0..cov.height())
        .filter(|&i| rep.get(i) == Some(false))
        .map(|i| format!("{}/{} ({})", a.get(i).unwrap_or(""), t.get(i).unwrap_or(""), r.get(i).unwrap_or("")))
        .collect();
    if !unreported.is_empty() {
        println!("{} {}:", if en { "Assigned tasks not reported" } else { "Nhiệm vụ được giao chưa báo cáo" }, unreported.len());
        for chunk in unreported.chunks(6) {
            println!("  {}", chunk.join(", "));
        }
    }
    let gaps = super::run::has_gaps(&year.checked);
    Ok(if cfg.fail_on_gaps && gaps { ExitCode::from(3) } else { ExitCode::SUCCESS })
}
