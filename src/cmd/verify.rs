//! `tonghop verify MANIFEST`: for an auditor, years later. Re-hashes the archived inputs
//! and the plan, reruns the year with the recorded day of the check (its outputs go to a
//! private temporary folder, removed after: nothing beside the manifest is touched), and
//! compares every output with the manifest. Says exactly what changed.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{RunArgs, VerifyArgs};
use crate::config::RunConfig;
use crate::ingest;
use crate::manifest::{sha256, Manifest};
use crate::text::for_terminal;

pub fn run(args: &VerifyArgs) -> anyhow::Result<ExitCode> {
    let text = std::fs::read(&args.manifest).with_context(|| format!("không đọc được {}", args.manifest.display()))?;
    let m: Manifest =
        serde_json::from_slice(&text).with_context(|| format!("{} không phải manifest của tonghop", args.manifest.display()))?;
    let plan = args.plan.clone().unwrap_or_else(|| PathBuf::from(&m.plan_file));
    let inputs = args.inputs.clone().unwrap_or_else(|| PathBuf::from(&m.inputs_dir));
    let year_dir = inputs.join(m.year.to_string());
    let mut differences: Vec<String> = Vec::new();

    if m.tonghop_version != crate::versions::TONGHOP {
        println!(
            "lưu ý: manifest do tonghop {} lập, đang kiểm tra bằng tonghop {}: kết quả có thể khác vì phiên bản",
            m.tonghop_version,
            crate::versions::TONGHOP
        );
    }
    // The plan.
    match std::fs::read(&plan) {
        Ok(bytes) if sha256(&bytes) == m.plan_sha256 => {}
        Ok(_) => differences.push(format!("kế hoạch đã thay đổi: {}", plan.display())),
        Err(e) => differences.push(format!("không đọc được kế hoạch {}: {e}", plan.display())),
    }
    // The inputs: changed, disappeared, appeared.
    let mut now: BTreeMap<String, String> = BTreeMap::new();
    for f in ingest::list_files(&year_dir).with_context(|| format!("không đọc được thư mục {}", year_dir.display()))? {
        let bytes = std::fs::read(&f.path).with_context(|| format!("không đọc được {}", f.path.display()))?;
        now.insert(f.rel, sha256(&bytes));
    }
    if let Some(r) = ingest::read_receipts(&year_dir)? {
        now.insert(r.name, r.sha256);
    }
    let then: BTreeMap<String, String> = m.inputs.iter().map(|i| (i.path.clone(), i.sha256.clone())).collect();
    for (path, hash) in &then {
        match now.get(path) {
            None => differences.push(format!("tệp đầu vào đã mất: {}", for_terminal(path, 200))),
            Some(h) if h != hash => differences.push(format!("tệp đầu vào đã thay đổi: {}", for_terminal(path, 200))),
            _ => {}
        }
    }
    for path in now.keys().filter(|p| !then.contains_key(*p)) {
        differences.push(format!("tệp đầu vào mới xuất hiện: {}", for_terminal(path, 200)));
    }
    // The archived outputs beside the manifest, as they are now.
    let out_dir = args.manifest.parent().map(PathBuf::from).unwrap_or_default();
    for o in &m.outputs {
        match crate::report::sha256_file(&out_dir.join(&o.path)) {
            Ok(hash) if hash == o.sha256 => {}
            Ok(_) => differences.push(format!("tệp kết quả lưu trữ khác manifest: {}", o.path)),
            Err(_) => differences.push(format!("tệp kết quả lưu trữ đã mất: {}", o.path)),
        }
    }
    // The outputs, recomputed.
    let as_of =
        chrono::NaiveDate::parse_from_str(&m.as_of, "%Y-%m-%d").with_context(|| format!("ngày kiểm tra \"{}\" trong manifest", m.as_of))?;
    let run_args = RunArgs { out: std::env::temp_dir(), as_of: Some(as_of), ..RunArgs::new(plan, m.year, inputs) };
    let mut cfg = RunConfig::resolve(&run_args, m.year, as_of)?;
    // The manifest records the command as first run; recompute with the same one.
    cfg.command_line = m.command.clone();
    cfg.as_of_given = m.as_of_given;
    cfg.inputs_dir = PathBuf::from(&m.inputs_dir);
    cfg.plan_label = m.plan_file.clone();
    let scratch = Scratch(std::env::temp_dir().join(format!("tonghop-verify-{}", std::process::id())));
    cfg.out_dir = scratch.0.clone();
    let read = super::run::read(&cfg, &|| {})?;
    let (_, outputs) = super::run::render(&cfg, read)?;
    let rerun: BTreeMap<String, String> = outputs.iter().map(|o| (o.name.clone(), o.sha256.clone())).collect();
    drop(outputs);
    drop(scratch);
    for o in &m.outputs {
        match rerun.get(o.path.as_str()) {
            Some(h) if *h == o.sha256 => {}
            Some(_) => differences.push(format!("kết quả chạy lại khác: {}", o.path)),
            None => differences.push(format!("kết quả không còn được tạo: {}", o.path)),
        }
    }
    if differences.is_empty() {
        println!(
            "khớp: {} tệp đầu vào, kế hoạch và {} tệp kết quả giống hệt manifest {}",
            then.len(),
            m.outputs.len(),
            args.manifest.display()
        );
        Ok(ExitCode::SUCCESS)
    } else {
        for d in &differences {
            println!("khác: {d}");
        }
        println!("{} điểm khác so với manifest {}", differences.len(), args.manifest.display());
        Ok(ExitCode::from(4))
    }
}

/// A folder removed when dropped, however the rerun ends.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
