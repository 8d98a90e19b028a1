//! `tonghop check`: who has submitted and who has not; before the deadline, how many days
//! are left; after it, who is late or missing; which assigned tasks are not reported.
//! Prints (text, or JSON with `--format json`); writes nothing.

use std::process::ExitCode;

use serde_json::json;

use crate::check::verdict_vi;
use crate::cli::{Format, Lang, RunArgs};
use crate::config::RunConfig;
use crate::schema::*;
use crate::text::for_terminal;

pub fn run(args: &RunArgs) -> anyhow::Result<ExitCode> {
    let year = args.year.ok_or_else(|| anyhow::anyhow!("check xem một năm: dùng --year"))?;
    let cfg = RunConfig::resolve(args, year, super::today())?;
    let year = super::run::pipeline(&cfg, &|| {})?;
    let s = &year.checked.summary;
    let c = &year.checked.completeness;
    let (codes, names, verdicts) = (c.column(AGENCY_CODE)?.str()?, c.column(AGENCY_NAME)?.str()?, c.column(VERDICT)?.str()?);
    let late = c.column(DAYS_LATE)?.i32()?;
    let received = c.column(RECEIVED_DATE)?.date()?;
    let cov = &year.checked.coverage;
    let (a, t, r, rep) =
        (cov.column(AGENCY_CODE)?.str()?, cov.column(TASK_CODE)?.str()?, cov.column(ROLE)?.str()?, cov.column(REPORTED)?.bool()?);
    let unreported: Vec<usize> = (0..cov.height()).filter(|&i| rep.get(i) == Some(false)).collect();
    let days_left = s.due_by.map(|d| (d - s.as_of).num_days());
    let gaps = super::run::has_gaps(&year.checked);
    // Late from the first day of the month a report gives alone: at least so many days.
    let by_month = year.norm.dated_by_month();

    if args.format == Format::Json {
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid");
        let agencies: Vec<_> = (0..c.height())
            .map(|i| {
                json!({
                    "agency_code": codes.get(i),
                    "agency_name": names.get(i),
                    "verdict": verdicts.get(i),
                    "received_date": received.phys.get(i).map(|d| (epoch + chrono::Duration::days(d.into())).to_string()),
                    "days_late": late.get(i),
                    "dated_by_month": by_month.contains(codes.get(i).unwrap_or("")),
                })
            })
            .collect();
        let pairs: Vec<_> = unreported.iter().map(|&i| json!({"agency_code": a.get(i), "task_code": t.get(i), "role": r.get(i)})).collect();
        let out = json!({
            "plan_id": cfg.plan.id,
            "year": cfg.year,
            "as_of": s.as_of.to_string(),
            "deadline": s.deadline.map(|d| d.to_string()),
            "due_by": s.due_by.map(|d| d.to_string()),
            "days_left": days_left.filter(|_| !s.past_deadline),
            "expected": s.expected,
            "received": s.received,
            "on_time": s.on_time,
            "late": s.late,
            "undated": s.undated,
            "not_received": s.not_received,
            "unreadable": s.unreadable,
            "no_file": s.no_file,
            "part_year": s.part_year,
            "last_year": s.last_year,
            "agencies": agencies,
            "unreported_pairs": pairs,
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        let en = cfg.lang == Lang::En;
        println!("{}", for_terminal(&super::run::summary_line(&cfg, &year.checked), 400));
        if let (Some(deadline), Some(due_by), Some(days_left), false) = (s.deadline, s.due_by, days_left, s.past_deadline) {
            let deadline = crate::plan::deadline_text(deadline, due_by, en);
            println!(
                "{}",
                if en {
                    format!("{days_left} days left until the deadline ({deadline})")
                } else {
                    format!("Còn {days_left} ngày đến hạn nộp ({deadline})")
                }
            );
        }
        for i in 0..c.height() {
            let v = verdicts.get(i).unwrap_or("");
            if v == "on_time" {
                continue;
            }
            let at_least = by_month.contains(codes.get(i).unwrap_or(""));
            let days = late
                .get(i)
                .filter(|&d| d > 0)
                .map(|d| match (en, at_least) {
                    (true, false) => format!(", {d} days late"),
                    (true, true) => format!(", at least {d} days late (dated by its month only)"),
                    (false, false) => format!(", muộn {d} ngày"),
                    (false, true) => format!(", muộn ít nhất {d} ngày (chỉ ghi tháng)"),
                })
                .unwrap_or_default();
            let verdict = if en { v.to_string() } else { verdict_vi(v).to_string() };
            println!("  {} {} — {verdict}{days}", codes.get(i).unwrap_or(""), for_terminal(names.get(i).unwrap_or(""), 80));
        }
        if !unreported.is_empty() {
            println!("{} {}:", if en { "Assigned tasks not reported" } else { "Nhiệm vụ được giao chưa báo cáo" }, unreported.len());
            let items: Vec<String> = unreported
                .iter()
                .map(|&i| format!("{}/{} ({})", a.get(i).unwrap_or(""), t.get(i).unwrap_or(""), r.get(i).unwrap_or("")))
                .collect();
            for chunk in items.chunks(6) {
                println!("  {}", chunk.join(", "));
            }
        }
    }
    Ok(if cfg.fail_on_gaps && gaps { ExitCode::from(3) } else { ExitCode::SUCCESS })
}
