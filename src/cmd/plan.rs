//! `tonghop plan check FILE`: validate a plan and name every problem with its line.

use std::path::Path;
use std::process::ExitCode;

pub fn run(file: &Path) -> anyhow::Result<ExitCode> {
    let checked = crate::plan::check_file(file)?;
    for issue in &checked.issues {
        let kind = if issue.fatal { "lỗi" } else { "thiếu" };
        println!("{}:{}: {kind}: {}", file.display(), issue.line, issue.message);
    }
    match (&checked.plan, checked.issues.is_empty()) {
        (Some(p), true) => {
            println!(
                "{}: hợp lệ — {} cơ quan, {} nhiệm vụ, {} phân công, hạn nộp {} hằng năm",
                file.display(),
                p.agencies.len(),
                p.tasks.len(),
                p.assignments().len(),
                p.deadline
            );
            Ok(ExitCode::SUCCESS)
        }
        (Some(_), false) => {
            println!("{}: chưa đủ — bổ sung các mục \"thiếu\" ở trên trước khi dùng", file.display());
            Ok(ExitCode::from(1))
        }
        (None, _) => Ok(ExitCode::from(1)),
    }
}
