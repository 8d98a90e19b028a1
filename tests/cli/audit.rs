//! Auditors and scheduled runs: exact reruns, verify, safe writing, one writer, logs.

use std::path::Path;
use std::process::Command;

use crate::env::*;

fn outputs(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file() && !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect();
    v.sort();
    v
}

/// Runs the 2024 example in a fresh project folder with the given environment; the files
/// are copied in the given order (so the directory's own order differs between runs).
fn run_with(env_vars: &[(&str, &str)], reverse: bool) -> Vec<(String, Vec<u8>)> {
    let env = Env::new();
    let dir = env.year_dir(2024);
    std::fs::create_dir_all(&dir).unwrap();
    let mut names: Vec<_> = std::fs::read_dir(repo().join(format!("inputs/{PLAN_ID}/2024"))).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    if reverse {
        names.reverse();
    }
    for p in names {
        std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
    }
    let args = ["run", "--plan", "inputs/plans/bac-giang.toml", "--year", "2024", "--as-of", AS_OF];
    let out =
        Command::new(env!("CARGO_BIN_EXE_tonghop")).args(args).current_dir(&env.root).envs(env_vars.iter().copied()).output().unwrap();
    assert_ok(&out, &args);
    outputs(&env.out_dir(2024))
}

#[test]
fn same_bytes_whatever_the_threads_time_zone_and_file_order() {
    let a =
        run_with(&[("TZ", "Asia/Ho_Chi_Minh"), ("POLARS_MAX_THREADS", "1"), ("RAYON_NUM_THREADS", "1"), ("LC_ALL", "vi_VN.UTF-8")], false);
    let b = run_with(&[("TZ", "America/New_York"), ("POLARS_MAX_THREADS", "4"), ("RAYON_NUM_THREADS", "4"), ("LC_ALL", "C")], true);
    assert_eq!(a.iter().map(|(n, _)| n).collect::<Vec<_>>(), b.iter().map(|(n, _)| n).collect::<Vec<_>>());
    assert!(a.len() >= 8);
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        assert!(x == y, "{name} differs between the two runs");
    }
}

#[test]
fn verify_passes_then_catches_a_changed_input_and_a_changed_output() {
    let env = Env::example(2024);
    env.run_year(2024, &[]);
    let manifest = env.out_dir(2024).join("manifest.json");
    let m = manifest.to_str().unwrap();
    // The rerun writes into a private temporary folder and removes it.
    let tmp = env.root.join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_tonghop")).args(["verify", m]).current_dir(&env.root).env("TMPDIR", &tmp).output().unwrap();
    assert_ok(&out, &["verify"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("khớp"));
    assert_eq!(std::fs::read_dir(&tmp).unwrap().count(), 0, "verify left files in its temporary folder");

    // One byte of an archived output.
    let csv = env.out_dir(2024).join("completeness.csv");
    let original = std::fs::read(&csv).unwrap();
    let mut changed = original.clone();
    let last = changed.len() - 2;
    changed[last] ^= 1;
    std::fs::write(&csv, &changed).unwrap();
    let out = env.run(&["verify", m]);
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stdout).contains("tệp kết quả lưu trữ khác manifest: completeness.csv"));
    std::fs::write(&csv, &original).unwrap();

    // One byte of an input: named, and the rerun's outputs differ.
    let input = env.year_dir(2024).join("04_SCT_bao-cao-2024.xlsx");
    let mut bytes = std::fs::read(&input).unwrap();
    let n = bytes.len() - 30;
    bytes[n] ^= 0xFF;
    std::fs::write(&input, &bytes).unwrap();
    std::fs::write(env.year_dir(2024).join("them.xlsx"), b"new").unwrap();
    std::fs::remove_file(env.year_dir(2024).join("Cong-van-gui-kem.pdf")).unwrap();
    let out = env.run(&["verify", m]);
    assert_eq!(out.status.code(), Some(4));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("tệp đầu vào đã thay đổi: 04_SCT_bao-cao-2024.xlsx"), "{text}");
    assert!(text.contains("tệp đầu vào mới xuất hiện: them.xlsx"), "{text}");
    assert!(text.contains("tệp đầu vào đã mất: Cong-van-gui-kem.pdf"), "{text}");
    assert!(text.contains("kết quả chạy lại khác: files.csv"), "{text}");
}

#[test]
fn manifest_records_versions_hashes_and_the_command() {
    let env = Env::example(2024);
    env.run_year(2024, &[]);
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(env.out_dir(2024).join("manifest.json")).unwrap()).unwrap();
    assert_eq!(m["as_of"], AS_OF);
    assert_eq!(m["as_of_given"], true);
    for key in ["tonghop_version", "calamine_version", "polars_version", "rust_xlsxwriter_version", "plan_sha256"] {
        assert!(m[key].as_str().is_some_and(|s| !s.is_empty()), "{key}");
    }
    assert!(m["command"].as_str().unwrap().contains("--as-of 2024-11-20"));
    let outputs = m["outputs"].as_array().unwrap();
    for o in outputs {
        let bytes = std::fs::read(env.out_dir(2024).join(o["path"].as_str().unwrap())).unwrap();
        use sha2::Digest;
        let hash: String = sha2::Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(o["sha256"].as_str().unwrap(), hash);
    }
    // The workbook's properties carry the versions too.
    let core = zip_part(&env.workbook(2024), "docProps/custom.xml");
    assert!(core.contains("calamine") && core.contains("0.38") && core.contains("polars"), "{core}");
}

#[test]
fn a_failed_write_leaves_the_previous_outputs_whole() {
    let env = Env::example(2024);
    env.run_year(2024, &[]);
    let before = outputs(&env.out_dir(2024));
    // A later run, with other results, fails while writing its outputs: one written
    // after the check, and the rows' own, written beside the activities sheet or the save.
    std::fs::remove_file(env.year_dir(2024).join("04_SCT_bao-cao-2024.xlsx")).unwrap();
    for failing in ["coverage.csv", "rows.csv", "rows.parquet"] {
        let out = Command::new(env!("CARGO_BIN_EXE_tonghop"))
            .args(["run", "--plan", "inputs/plans/bac-giang.toml", "--year", "2024", "--as-of", AS_OF])
            .current_dir(&env.root)
            .env("TONGHOP_FAIL_WRITE", failing)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{failing}");
        assert!(String::from_utf8_lossy(&out.stderr).contains(failing), "{failing}");
        assert_eq!(outputs(&env.out_dir(2024)), before, "the previous outputs changed ({failing})");
        let leftovers: Vec<_> = std::fs::read_dir(env.out_dir(2024))
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "temporary files left ({failing}): {leftovers:?}");
    }
    // The next good run replaces them, keeping the previous workbook in cu/.
    env.run_year(2024, &[]);
    let kept: Vec<_> = std::fs::read_dir(env.out_dir(2024).join("cu")).unwrap().collect();
    assert_eq!(kept.len(), 1);
}

#[test]
fn two_runs_never_write_at_once() {
    use std::os::unix::io::AsRawFd;
    let env = Env::example(2024);
    let dir = env.out_dir(2024);
    std::fs::create_dir_all(&dir).unwrap();
    let lock = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(dir.join(".tonghop.lock")).unwrap();
    // SAFETY: flock on a descriptor this test owns; released when `lock` is dropped.
    assert_eq!(unsafe { libc::flock(lock.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) }, 0);
    let out = env.run(&["run", "--plan", "inputs/plans/bac-giang.toml", "--year", "2024", "--as-of", AS_OF]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("một lần chạy khác đang ghi"), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!env.workbook(2024).exists());
    // With --wait, the second run waits for the first and then writes.
    let child = Command::new(env!("CARGO_BIN_EXE_tonghop"))
        .args(["run", "--plan", "inputs/plans/bac-giang.toml", "--year", "2024", "--as-of", AS_OF, "--wait"])
        .current_dir(&env.root)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(!env.workbook(2024).exists(), "wrote while another run held the folder");
    drop(lock);
    let status = child.wait_with_output().unwrap().status;
    assert!(status.success());
    assert!(env.workbook(2024).exists());
}

#[test]
fn logs_one_json_line_per_event_and_check_as_json() {
    let env = Env::example(2024);
    let out = env.run(&["run", "--plan", "inputs/plans/bac-giang.toml", "--year", "2024", "--as-of", AS_OF, "--log-format", "json"]);
    assert_ok(&out, &["run", "--log-format", "json"]);
    let events: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stderr).lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}"))).collect();
    assert_eq!(events.first().unwrap()["event"], "start");
    assert_eq!(events.last().unwrap()["event"], "done");
    assert_eq!(events.last().unwrap()["late"], "5");
    assert!(events.iter().any(|e| e["event"] == "file" && e["file"] == "Cong-van-gui-kem.pdf" && e["level"] == "warn"));
    // With --lang en, the reasons are in English.
    let out = env.run(&[
        "run",
        "--plan",
        "inputs/plans/bac-giang.toml",
        "--year",
        "2024",
        "--as-of",
        AS_OF,
        "--log-format",
        "json",
        "--lang",
        "en",
    ]);
    let text = String::from_utf8_lossy(&out.stderr);
    let pdf = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|e| e["file"] == "Cong-van-gui-kem.pdf")
        .unwrap();
    assert_eq!(pdf["message"], "not a spreadsheet (.pdf)");

    // Before the deadline: days left, and who has not sent yet.
    let out = env.run(&["check", "--plan", "inputs/plans/bac-giang.toml", "--year", "2024", "--as-of", "2024-10-15", "--format", "json"]);
    assert_ok(&out, &["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["days_left"], 10);
    let stc = v["agencies"].as_array().unwrap().iter().find(|a| a["agency_code"] == "STC").unwrap();
    assert_eq!(stc["verdict"], "not_yet_due");
    let out = env.run(&["check", "--plan", "inputs/plans/bac-giang.toml", "--year", "2024", "--as-of", "2024-10-15"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Còn 10 ngày đến hạn nộp (25/10/2024)"));
}

#[test]
fn a_read_only_archive_is_read_and_left_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::example(2024);
    let dir = env.year_dir(2024);
    let before: Vec<(String, Vec<u8>)> = outputs(&dir);
    for e in std::fs::read_dir(&dir).unwrap() {
        std::fs::set_permissions(e.unwrap().path(), std::fs::Permissions::from_mode(0o444)).unwrap();
    }
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    env.run_year(2024, &[]);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(outputs(&dir), before);
}
