//! Broken and hostile inputs: every file of the shared third-party corpus (public parser
//! test suites: old BIFF, encrypted, corrupt, fuzzer cases, memory bombs) goes through
//! the real binary; none may crash the run, and each is read or skipped with a reason
//! from the fixed list.

use crate::env::*;

/// Every reason a file can be skipped for (README, "Why a file is skipped").
const SKIP_REASONS: &[&str] = &[
    "lock_file",
    "tonghop_output",
    "not_spreadsheet",
    "archive",
    "unreadable",
    "encrypted",
    "no_table",
    "agency_unknown",
    "agency_ambiguous",
    "report_other_year",
    "reader_panic",
    "reader_crashed",
    "reader_timeout",
    "symlink",
];

fn copy_flat(from: &std::path::Path, prefix: &str, to: &std::path::Path, n: &mut usize) {
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let name = format!("{prefix}{}", e.file_name().to_string_lossy());
        if e.file_type().unwrap().is_dir() {
            copy_flat(&e.path(), &format!("{name}__"), to, n);
        } else if !matches!(name.as_str(), "INDEX.tsv" | "LICENSES.md") {
            std::fs::copy(e.path(), to.join(&name)).unwrap();
            *n += 1;
        }
    }
}

#[test]
fn the_whole_corpus_never_crashes_the_run() {
    let corpus = repo().join("../shared/corpus/third-party");
    assert!(corpus.is_dir(), "{} is missing", corpus.display());
    let env = Env::new();
    let dir = env.year_dir(2024);
    std::fs::create_dir_all(&dir).unwrap();
    let mut n = 0;
    copy_flat(&corpus, "", &dir, &mut n);
    assert!(n > 1000, "only {n} corpus files");
    // A lower memory limit than the default keeps the memory bombs quick to refuse.
    env.run_year(2024, &["--file-memory-mb", "2048"]);
    let files = env.csv(2024, "files.csv");
    assert_eq!(files.len(), n, "every file is listed");
    for f in &files {
        match f["outcome"].as_str() {
            "accepted" => {}
            "skipped" => {
                assert!(SKIP_REASONS.contains(&f["reason_code"].as_str()), "{}: unlisted reason {}", f["file"], f["reason_code"]);
                assert!(!f["reason"].is_empty(), "{} has no reason text", f["file"]);
            }
            other => panic!("{}: outcome {other}", f["file"]),
        }
    }
    // Files that make the reader ask for gigabytes are refused, not fatal.
    for name in ["exceldatareader__Test_git_issue_382_oom.xls", "phpspreadsheet__Reader__XLS__oleloop.xls"] {
        let f = files.iter().find(|f| f["file"] == name).unwrap();
        assert_eq!(f["reason_code"], "reader_crashed", "{name}");
    }
    // Panics inside the reader are skipped files with the panic's text.
    let panicked: Vec<_> = files.iter().filter(|f| f["reason_code"] == "reader_panic").collect();
    assert!(!panicked.is_empty() && panicked.iter().all(|f| f["reason"].len() > 20));
}

#[test]
fn hostile_workbooks_are_refused_or_cut_within_the_limits() {
    let env = Env::new();
    let dir = env.copy_into_year(2024, "tests/fixtures/hostile");
    std::fs::copy(repo().join(format!("inputs/{PLAN_ID}/2024/02_SVHTTDL_bao-cao-2024.xlsx")), dir.join("good.xlsx")).unwrap();
    env.run_year(2024, &["--file-memory-mb", "1024", "--file-timeout", "60"]);
    let files = env.csv(2024, "files.csv");
    let outcome = |n: &str| {
        let f = files.iter().find(|f| f["file"] == n).unwrap();
        (f["outcome"].clone(), f["reason_code"].clone())
    };
    // A sheet that inflates to a gigabyte.
    assert_eq!(outcome("bomb.xlsx"), ("skipped".into(), "reader_crashed".into()));
    // A report that claims 1,048,576 × 16,384 cells, its stray cell in the last: read, the
    // cell left out and listed (it was skipped as the reader ran out of memory).
    assert_eq!(outcome("huge-dimension.xlsx"), ("accepted".into(), "".into()));
    let problems = env.csv(2024, "problems.csv");
    let far = problems.iter().find(|p| p["file"] == "huge-dimension.xlsx" && p["kind"] == "cells_far_away").unwrap();
    assert_eq!((far["cell"].as_str(), far["detail"].as_str()), ("XFD1048576", "1; \"1\""));
    // Entity declarations are not expanded; a million nested elements hold no table.
    assert_eq!(outcome("entities.xlsx"), ("skipped".into(), "unreadable".into()));
    assert_eq!(outcome("deep.xlsx"), ("skipped".into(), "no_table".into()));
    // A 10 MB cell is cut to 32,000 characters, flagged; the other files are consolidated.
    assert_eq!(outcome("big-cell.xlsx").0, "accepted");
    assert_eq!(outcome("good.xlsx").0, "accepted");
    let rows = env.csv(2024, "rows.csv");
    let big = rows.iter().find(|r| r["file"] == "big-cell.xlsx").unwrap();
    assert_eq!(big["activity"].chars().count(), 32_000);
    assert!(big["flags"].contains("text_truncated"));
}

#[test]
fn a_reader_that_dies_takes_only_its_own_file_with_it() {
    // Each worker is sent the next file before it answers the one it reads: when it dies on
    // a bomb, the file sent after it goes to its replacement, read as it would be alone.
    let env = Env::example(2024);
    let ends = |files: &[std::collections::BTreeMap<String, String>]| -> Vec<[String; 4]> {
        pick(files, ["file", "outcome", "reason_code", "sha256"]).iter().map(|r| r.map(String::from)).collect()
    };
    env.run_year(2024, &[]);
    let alone = ends(&env.csv(2024, "files.csv"));
    let dir = env.year_dir(2024);
    let mut bombs = Vec::new();
    for f in alone.iter().filter(|f| f[0].starts_with(|c: char| c.is_ascii_digit())) {
        // A bomb sorted just before each report, so that reports are sent ahead to workers
        // that die on the bomb before them.
        let bomb = format!("{}0-bomb.xlsx", &f[0][..2]);
        if !bombs.contains(&bomb) {
            std::fs::copy(repo().join("tests/fixtures/hostile/bomb.xlsx"), dir.join(&bomb)).unwrap();
            bombs.push(bomb);
        }
    }
    env.run_year(2024, &["--file-memory-mb", "1024", "--file-timeout", "60"]);
    let files = env.csv(2024, "files.csv");
    assert_eq!(files.len(), alone.len() + bombs.len(), "every file is listed");
    for bomb in &bombs {
        let f = files.iter().find(|f| &f["file"] == bomb).unwrap();
        assert_eq!((f["outcome"].as_str(), f["reason_code"].as_str()), ("skipped", "reader_crashed"), "{bomb}");
    }
    let beside: Vec<_> = ends(&files).into_iter().filter(|r| !bombs.contains(&r[0])).collect();
    assert_eq!(beside, alone);
}

#[test]
fn links_are_listed_not_followed() {
    let env = Env::example(2024);
    let outside = env.root.join("secret.xlsx");
    std::fs::copy(env.year_dir(2024).join("02_SVHTTDL_bao-cao-2024.xlsx"), &outside).unwrap();
    std::os::unix::fs::symlink(&outside, env.year_dir(2024).join("link.xlsx")).unwrap();
    std::os::unix::fs::symlink(env.root.join("inputs"), env.year_dir(2024).join("link-dir")).unwrap();
    env.run_year(2024, &[]);
    let files = env.csv(2024, "files.csv");
    for name in ["link.xlsx", "link-dir"] {
        let f = files.iter().find(|f| f["file"] == name).unwrap_or_else(|| panic!("{name} not listed"));
        assert_eq!((f["outcome"].as_str(), f["reason_code"].as_str(), f["sha256"].as_str()), ("skipped", "symlink", ""), "{name}");
    }
}

#[test]
fn memory_does_not_grow_with_the_number_of_files() {
    fn peak(copies: usize) -> u64 {
        let env = Env::new();
        let dir = env.year_dir(2024);
        std::fs::create_dir_all(&dir).unwrap();
        let src: Vec<_> = std::fs::read_dir(repo().join(format!("inputs/{PLAN_ID}/2024")))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
            .collect();
        for i in 0..copies {
            for p in &src {
                std::fs::copy(p, dir.join(format!("{i:03}-{}", p.file_name().unwrap().to_string_lossy()))).unwrap();
            }
        }
        let out = env.run_year(2024, &["--log-format", "json"]);
        let done = String::from_utf8_lossy(&out.stderr)
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .find(|e| e["event"] == "done")
            .unwrap();
        // The done event also says how long each phase took.
        for phase in ["read_ms", "consolidate_ms", "render_ms", "publish_ms"] {
            assert!(done[phase].as_str().is_some_and(|v| v.parse::<u64>().is_ok()), "{phase} in {done}");
        }
        done["peak_rss_mb"].as_str().unwrap().parse().unwrap()
    }
    let (small, large) = (peak(1), peak(10));
    // Ten times the files: the run's memory is its data plus a bounded amount per file being read.
    assert!(large < small + small / 2 + 20, "peak {small} MiB for 1x files, {large} MiB for 10x");
}

#[test]
fn inputs_the_fuzzer_found_are_skipped_not_fatal() {
    // tests/fixtures/fuzz: inputs on which calamine panics (six places) or asks for more
    // memory than the limit, kept from the fuzzing run (README, Development).
    let env = Env::new();
    env.copy_into_year(2024, "tests/fixtures/fuzz");
    env.run_year(2024, &["--file-memory-mb", "1024"]);
    let files: Vec<_> = env.csv(2024, "files.csv").into_iter().filter(|f| !f["file"].ends_with(".md")).collect();
    assert_eq!(files.len(), 8);
    for f in &files {
        let expected = if f["file"].starts_with("calamine-oom") { "reader_crashed" } else { "reader_panic" };
        assert_eq!((f["outcome"].as_str(), f["reason_code"].as_str()), ("skipped", expected), "{}", f["file"]);
    }
}

#[test]
fn workbooks_encrypted_with_excel_s_default_password_are_read() {
    let env = Env::new();
    // LibreOffice's .xls (RC4) and msoffcrypto-tool's .xlsx (AES) with Excel's default
    // password, which Excel opens without asking; an .xls with a password of its own (its
    // sender told by its name: sent, not readable).
    env.copy_into_year(2024, "tests/fixtures/encrypted/2024");
    env.run_year(2024, &["--as-of", "2024-11-20"]);
    let files = env.csv(2024, "files.csv");
    let got: Vec<(&str, &str, &str, &str)> = files
        .iter()
        .map(|f| (f["file"].as_str(), f["agency_code"].as_str(), f["reason_code"].as_str(), f["rows_accepted"].as_str()))
        .collect();
    assert_eq!(
        got,
        [("so-ngoai-vu.xls", "SNV", "", "2"), ("so-noi-vu.xls", "SNOIV", "encrypted", "0"), ("so-van-hoa.xlsx", "SVHTTDL", "", "1")]
    );
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str, &str)> =
        rows.iter().map(|r| (r["activity"].as_str(), r["status"].as_str(), r["budget_million_vnd"].as_str())).collect();
    assert_eq!(
        got,
        [
            ("Hội nghị quán triệt kế hoạch", "done", "25.0"),
            ("Rà soát quy chế quản lý đoàn ra, đoàn vào", "done", ""),
            ("Tuần văn hóa Việt Nam tại Hàn Quốc", "done", "120.0"),
        ]
    );
}
