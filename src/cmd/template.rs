//! `tonghop template`: each agency's report template for a year.

use std::process::ExitCode;

use crate::cli::TemplateArgs;

pub fn run(args: &TemplateArgs) -> anyhow::Result<ExitCode> {
    let plan = crate::plan::load(&args.plan)?;
    let out = args.out.clone().unwrap_or_else(|| std::path::PathBuf::from("outputs").join(&plan.id).join(format!("mau-{}", args.year)));
    let written = crate::template::write_all(&plan, args.year, &out)?;
    println!("{} mẫu báo cáo năm {} → {}", written.len(), args.year, out.display());
    Ok(ExitCode::SUCCESS)
}
