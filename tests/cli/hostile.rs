//! Broken and hostile inputs: every file of the shared third-party corpus (public parser
//! test suites: old BIFF, encrypted, corrupt, fuzzer cases, memory bombs) goes through
//! the real binary; none may crash the run, and each is read or skipped with a reason
//! from the fixed list.

use crate::env::*;

/// Every reason a file can be skipped for (README, "Why a file is skipped").
const SKIP_REASONS: &[&str] = &[
    "lock_file",
    "not_spreadsheet",
    "unreadable",
    "encrypted",
    "no_table",
    "agency_unknown",
    "agency_ambiguous",
    "reader_panic",
    "reader_crashed",
    "reader_timeout",
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
