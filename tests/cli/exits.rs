//! Exit statuses, `check`, `plan check` and the main job with no arguments.

use crate::env::*;

#[test]
fn fail_on_gaps_exits_3_and_plain_run_exits_0() {
    let env = Env::example(2024);
    env.run_year(2024, &[]);
    let out = env.run(&["run", "--plan", "inputs/plans/bac-giang.toml", "--year", "2024", "--as-of", AS_OF, "--fail-on-gaps"]);
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn bad_usage_exits_2() {
    let env = Env::new();
    let out = env.run(&["run", "--plan", "inputs/plans/bac-giang.toml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = env.run(&["run", "--plan", "inputs/plans/bac-giang.toml", "--year", "2024", "--as-of", "20/10/2024"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn cannot_run_exits_1_with_a_message_naming_the_thing() {
    let env = Env::new();
    let out = env.run(&["run", "--plan", "inputs/plans/bac-giang.toml", "--year", "2025", "--as-of", AS_OF]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2025") && err.contains("bac-giang-ngvh-2030"), "{err}");
    let out = env.run(&["run", "--plan", "inputs/plans/khong-co.toml", "--year", "2024"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("khong-co.toml"));
}

#[test]
fn check_prints_late_and_missing_and_writes_nothing() {
    let env = Env::example(2024);
    let out = env.run(&["check", "--plan", "inputs/plans/bac-giang.toml", "--year", "2024", "--as-of", AS_OF]);
    assert_ok(&out, &["check"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("SNNPTNT") && text.contains("muộn 19 ngày"), "{text}");
    assert!(text.contains("STC") && text.contains("Chưa nộp"), "{text}");
    assert!(text.contains("HSONDONG/IV.11"), "{text}");
    assert!(!env.root.join("outputs").exists(), "check wrote outputs");
    let out = env.run(&["check", "--plan", "inputs/plans/bac-giang.toml", "--year", "2024", "--as-of", AS_OF, "--lang", "en"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("19 days late"));
}

#[test]
fn plan_check_names_problems_with_lines() {
    let env = Env::new();
    let out = env.run(&["plan", "check", "inputs/plans/bac-giang.toml"]);
    assert_ok(&out, &["plan", "check"]);
    let bad = std::fs::read_to_string(env.root.join("inputs/plans/bac-giang.toml"))
        .unwrap()
        .replace("partners = [\"SVHTTDL\"]", "partners = [\"SVH\"]")
        .replace("deadline = \"25/10\"", "deadline = \"25/13\"");
    std::fs::write(env.root.join("bad.toml"), &bad).unwrap();
    let out = env.run(&["plan", "check", "bad.toml"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    let line_of = |needle: &str| bad.lines().position(|l| l.contains(needle)).unwrap() + 1;
    assert!(text.contains(&format!("bad.toml:{}: lỗi: hạn nộp \"25/13\"", line_of("deadline = "))), "{text}");
    assert!(text.contains(&format!("bad.toml:{}:", line_of("partners = [\"SVH\"]"))) && text.contains("\"SVH\""), "{text}");
}

#[test]
fn no_arguments_runs_every_plan_and_year() {
    let env = Env::example(2024);
    std::fs::create_dir_all(env.year_dir(2023)).unwrap();
    let out = env.run(&[]);
    assert_ok(&out, &[]);
    for year in [2023, 2024] {
        assert!(env.workbook(year).exists(), "{year}");
        assert!(env.out_dir(year).join("manifest.json").exists());
    }
    let manifest: serde_json::Value = serde_json::from_slice(&std::fs::read(env.out_dir(2024).join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["as_of_given"], false);
    assert_eq!(manifest["inputs"].as_array().unwrap().len(), 25);
}
