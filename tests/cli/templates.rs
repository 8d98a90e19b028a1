//! Report templates: generated for every agency, and read back perfectly once filled in by
//! another tool (openpyxl; one also saved by LibreOffice).

use crate::env::*;

#[test]
fn a_template_for_every_agency_with_its_tasks_and_a_hidden_marker() {
    let env = Env::new();
    let out = env.run(&["template", "--plan", "inputs/plans/bac-giang.toml", "--year", "2024", "--out", "mau"]);
    assert_ok(&out, &["template"]);
    let files: Vec<_> = std::fs::read_dir(env.root.join("mau")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(files.len(), 24, "one per agency expected to report in 2024");
    let svh = env.root.join("mau/Mẫu báo cáo 2024 - Sở Văn hóa, Thể thao và Du lịch.xlsx");
    assert!(svh.exists());
    let grid = sheet(&svh, "Báo cáo");
    assert_eq!(row_with(&grid, "Mã nhiệm vụ")[4], "Nội dung hoạt động");
    assert!(grid.iter().any(|r| r[0] == "Đơn vị báo cáo: Sở Văn hóa, Thể thao và Du lịch"));
    // One heading row per task it is given, lead tasks first.
    let headings: Vec<(&str, &str)> = grid.iter().skip(14).filter(|r| !r[1].is_empty()).map(|r| (r[1].as_str(), r[3].as_str())).collect();
    assert_eq!(
        headings,
        [
            ("NV3", "Chủ trì"),
            ("NV5", "Chủ trì"),
            ("NV7", "Chủ trì"),
            ("NV8", "Chủ trì"),
            ("NV1", "Phối hợp"),
            ("NV2", "Phối hợp"),
            ("NV4", "Phối hợp"),
            ("NV6", "Phối hợp")
        ]
    );
    // The marker, very hidden; the structure protected with no password; the dropdown.
    let marker = sheet(&svh, "tonghop");
    assert_eq!(marker[0], ["tonghop-mau", "1"]);
    assert_eq!((marker[1][1].as_str(), marker[2][1].as_str(), marker[3][1].as_str()), ("bac-giang-ngvh-2030", "2024", "SVHTTDL"));
    assert!(zip_part(&svh, "xl/workbook.xml").contains("state=\"veryHidden\""));
    let xml = zip_part(&svh, "xl/worksheets/sheet1.xml");
    assert!(xml.contains("<sheetProtection") && !xml.contains("password") && xml.contains("insertRows=\"0\""), "{}", &xml[..200]);
    assert!(xml.contains("Hoàn thành,Đang thực hiện,Chưa thực hiện"));
    assert!(sheet(&svh, "Hướng dẫn")[0][0].starts_with("HƯỚNG DẪN"));
}

#[test]
fn empty_templates_come_back_attributed_with_nothing_reported() {
    let env = Env::new();
    let out = env.run(&["template", "--plan", "inputs/plans/bac-giang.toml", "--year", "2024", "--out", &format!("inputs/{PLAN_ID}/2024")]);
    assert_ok(&out, &["template"]);
    env.run_year(2024, &[]);
    let files = env.csv(2024, "files.csv");
    assert_eq!(files.len(), 24);
    assert!(files.iter().all(|f| f["outcome"] == "accepted" && !f["agency_code"].is_empty() && f["rows_read"] == "0"), "{files:?}");
    // Each is undated and empty, and said to be.
    let problems = env.csv(2024, "problems.csv");
    assert!(problems.iter().all(|p| p["kind"] == "date_missing" || p["kind"] == "no_activities"), "{problems:?}");
    assert_eq!(problems.iter().filter(|p| p["kind"] == "no_activities").count(), 24);
}

#[test]
fn filled_templates_are_read_back_exactly() {
    let env = Env::new();
    env.copy_into_year(2024, "tests/fixtures/templates/2024");
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| {
            ["agency_code", "file", "row", "task_code", "role", "status", "budget_million_vnd", "report_date", "flags"]
                .iter()
                .map(|c| r[*c].as_str())
                .collect()
        })
        .collect();
    let want: Vec<Vec<&str>> = vec![
        vec!["SNV", "snv-libreoffice.xlsx", "16", "NV1", "lead", "done", "40.0", "2024-10-24", ""],
        vec!["STTTT", "stttt-mau-2023.xlsx", "16", "IV.3", "lead", "done", "10.0", "2024-10-18", ""],
        vec!["SVHTTDL", "svhttdl-openpyxl.xlsx", "16", "NV3", "lead", "done", "120.0", "2024-10-20", ""],
        vec!["SVHTTDL", "svhttdl-openpyxl.xlsx", "17", "NV3", "lead", "in_progress", "35.5", "2024-10-20", ""],
        // The row the clerk inserted inside the block is kept, under its task.
        vec!["SVHTTDL", "svhttdl-openpyxl.xlsx", "18", "NV3", "lead", "not_started", "0.0", "2024-10-20", ""],
        vec!["SVHTTDL", "svhttdl-openpyxl.xlsx", "23", "NV5", "lead", "done", "250.0", "2024-10-20", ""],
    ];
    assert_eq!(got, want);
    let svh = rows.iter().find(|r| r["row"] == "16" && r["agency_code"] == "SVHTTDL").unwrap();
    assert_eq!((svh["difficulties"].as_str(), svh["proposals"].as_str()), ("Thiếu giảng viên ngoại ngữ", "Đề nghị hỗ trợ kinh phí"));
    // Last year's template, sent this year: read, and flagged.
    let problems = env.csv(2024, "problems.csv");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!((problems[0]["file"].as_str(), problems[0]["kind"].as_str()), ("stttt-mau-2023.xlsx", "template_mismatch"));
}
