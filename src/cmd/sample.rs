//! `tonghop sample`: write example submissions for a plan and year.

use std::process::ExitCode;

use crate::cli::SampleArgs;

pub fn run(args: &SampleArgs) -> anyhow::Result<ExitCode> {
    let plan = crate::plan::load(&args.plan)?;
    let made = crate::sample::generate(&plan, args.year, &args.out)?;
    for f in &made.files {
        println!("{}", args.out.join(f).display());
    }
    Ok(ExitCode::SUCCESS)
}
