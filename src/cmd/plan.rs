//! `tonghop plan check FILE`: validate a plan and name every problem with its line.

use std::path::Path;
use std::process::ExitCode;

pub fn run(file: &Path) -> anyhow::Result<ExitCode> {
    let checked = crate::plan::check_file(file)?;
    for issue in &checked.issues {
        let kind = if issue.fatal { "lỗi" } else { "thiếu" };
        println!("{}:{}: {kind}: {}", file.display(), issue.line, issue.message);
    }
    match &checked.plan {
        Some(p) => {
            let deadline = p.deadline.map_or("chưa quy định".to_string(), |d| match d.next_year {
                false => format!("{d} hằng năm"),
                true => format!("{:02}/{:02} của năm sau năm báo cáo", d.day, d.month),
            });
            let state = if checked.issues.is_empty() {
                "hợp lệ"
            } else {
                "hợp lệ nhưng chưa đủ (bổ sung các mục \"thiếu\" ở trên)"
            };
            let n = p.tasks.iter().map(|t| t.leads.len() + t.partners.len()).sum::<usize>();
            println!(
                "{}: {state} — {} cơ quan, {} nhiệm vụ, {n} phân công, hạn nộp {deadline}",
                file.display(),
                p.agencies.len(),
                p.tasks.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        None => Ok(ExitCode::from(1)),
    }
}
