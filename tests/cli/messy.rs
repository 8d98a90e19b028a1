//! Messy submissions (tests/fixtures/messy/2024, made by openpyxl and LibreOffice; an
//! encrypted workbook from the shared corpus): each normalised right or flagged.

use std::collections::BTreeMap;

use crate::env::*;

struct Messy {
    env: Env,
    rows: Vec<BTreeMap<String, String>>,
    files: Vec<BTreeMap<String, String>>,
    problems: Vec<BTreeMap<String, String>>,
}

fn messy() -> Messy {
    let env = Env::new();
    let dir = env.copy_into_year(2024, "tests/fixtures/messy/2024");
    let corpus = repo().join("../shared/corpus/third-party/calamine/pass_protected.xlsx");
    std::fs::copy(&corpus, dir.join("mat-khau.xlsx")).unwrap_or_else(|e| panic!("{}: {e}", corpus.display()));
    env.run_year(2024, &[]);
    let (rows, files, problems) = (env.csv(2024, "rows.csv"), env.csv(2024, "files.csv"), env.csv(2024, "problems.csv"));
    Messy { env, rows, files, problems }
}

impl Messy {
    fn row(&self, file_prefix: &str, sheet: &str, row: &str) -> &BTreeMap<String, String> {
        self.rows
            .iter()
            .find(|r| r["file"].starts_with(file_prefix) && r["sheet"] == sheet && r["row"] == row)
            .unwrap_or_else(|| panic!("{file_prefix} {sheet}!{row} not in rows.csv"))
    }
    fn file(&self, name: &str) -> &BTreeMap<String, String> {
        self.files.iter().find(|r| r["file"] == name).unwrap_or_else(|| panic!("{name} not in files.csv"))
    }
    fn problem(&self, file_prefix: &str, cell: &str, kind: &str) -> &BTreeMap<String, String> {
        self.problems
            .iter()
            .find(|p| p["file"].starts_with(file_prefix) && p["cell"] == cell && p["kind"] == kind)
            .unwrap_or_else(|| panic!("no {kind} at {file_prefix} {cell}"))
    }
}

fn get<'a>(r: &'a BTreeMap<String, String>, cols: &[&str]) -> Vec<&'a str> {
    cols.iter().map(|c| r[*c].as_str()).collect()
}

#[test]
fn messy_submissions_normalised_or_flagged() {
    let m = messy();
    let cols = ["task_code", "status", "budget_million_vnd", "flags"];

    // NFD text, an abbreviated name, headers with non-breaking spaces and line breaks.
    let r = m.row("02_svhttdl", "Bao cao", "6");
    assert_eq!(get(r, &cols), ["NV3", "done", "1200.0", ""], "III, HT, 1,2 tỷ");
    assert_eq!(r["agency_code"], "SVHTTDL");
    assert_eq!(r["report_date"], "2024-10-20", "from the signing line");
    assert_eq!(get(m.row("02_svhttdl", "Bao cao", "7"), &cols), ["NV5", "done", "15.0", ""], "Nhiệm vụ 5, Đã hoàn thành, 15 triệu");
    // TCVN3: converted, flagged, and the status read after conversion.
    let r = m.row("02_svhttdl", "Bao cao", "8");
    assert_eq!(get(r, &cols), ["NV7", "in_progress", "25.0", "legacy_encoding"]);
    assert_eq!(r["activity"], "Tổ chức hội nghị bảo tồn di sản văn hóa");
    assert_eq!(m.problem("02_svhttdl", "C8", "legacy_encoding")["detail"], "TCVN3");
    // A title close to the plan's wording; a dash for no money.
    assert_eq!(get(m.row("02_svhttdl", "Bao cao", "9"), &cols), ["NV3", "not_started", "0.0", ""]);
    // Unknown task and status: flagged, never guessed.
    let r = m.row("02_svhttdl", "Bao cao", "10");
    assert_eq!(get(r, &cols), ["", "unknown", "", "task_unknown;status_unknown"]);
    assert_eq!((r["role"].as_str(), r["task_as_written"].as_str()), ("unassigned", "Hợp tác quốc tế khác"));

    // VNI: the agency, the headers and the rows.
    let r = m.row("03_sotttt", "BC", "5");
    assert_eq!(
        get(r, &["agency_code", "agency_as_written", "activity", "status", "flags"]),
        ["STTTT", "Sở Thông tin và Truyền thông", "Đăng tin bài tuyên truyền", "done", "legacy_encoding"]
    );
    assert_eq!(m.row("03_sotttt", "BC", "6")["status"], "in_progress");

    // A cover letter first, a hidden old sheet ignored, a sheet per task.
    let snv: Vec<_> = m.rows.iter().filter(|r| r["agency_code"] == "SNV").collect();
    assert_eq!(snv.len(), 3);
    assert!(snv.iter().all(|r| r["sheet"] == r["task_code"] && !r["activity"].contains("2023")), "{snv:?}");

    // Tick boxes under a two-row header, merged task cells, a blank row, subtotals.
    assert_eq!(get(m.row("04_sct", "Bao cao", "7"), &["task_code", "status"]), ["IV.4", "in_progress"]);
    assert_eq!(get(m.row("04_sct", "Bao cao", "9"), &cols), ["IV.4", "unknown", "100.0", "status_unknown"], "two boxes ticked");
    assert_eq!(get(m.row("04_sct", "Bao cao", "12"), &["task_code", "role", "flags"]), ["NV4", "partner", "role_mismatch"]);
    assert_eq!(m.rows.iter().filter(|r| r["agency_code"] == "SCT").count(), 5, "subtotal and total rows are not activities");
    assert_eq!(m.problems.iter().filter(|p| p["file"].starts_with("04_sct") && p["kind"] == "totals_row").count(), 3);
    assert!(m.problem("04_sct", "H14", "totals_mismatch")["detail"].contains("435"));
    assert!(
        !m.problems.iter().any(|p| p["file"].starts_with("04_sct") && p["kind"] == "totals_mismatch" && p["cell"] != "H14"),
        "correct subtotals are not flagged"
    );
    assert_eq!(m.file("04_sct_tick_merge.xlsx")["report_date"], "2024-10-24", "an Excel date beside its label");

    // Budgets in đồng; implausible, ambiguous and error values flagged and left out.
    assert_eq!(
        get(m.row("06_skhdt", "Bao cao", "4"), &["budget_million_vnd", "result"]),
        ["1.5", "Đã ký 2 ghi nhớ"],
        "a formula's cached value"
    );
    assert_eq!(m.row("06_skhdt", "Bao cao", "5")["budget_million_vnd"], "2.5");
    assert_eq!(get(m.row("06_skhdt", "Bao cao", "6"), &["budget_million_vnd", "flags"]), ["", "budget_unit_suspect"]);
    assert_eq!(get(m.row("06_skhdt", "Bao cao", "7"), &["budget_million_vnd", "flags"]), ["", "budget_unreadable"]);
    assert_eq!(get(m.row("06_skhdt", "Bao cao", "8"), &["budget_million_vnd", "flags"]), ["", "cell_error"]);
    assert_eq!(m.problem("06_skhdt", "F8", "cell_error")["detail"], "#DIV/0!");

    // Tasks: not given to this agency, not in the plan, number and title disagreeing;
    // a repeated row counted once; a day that does not exist.
    assert_eq!(get(m.row("05_snn", "Bao cao", "5"), &["task_code", "role", "flags"]), ["NV1", "unassigned", "unassigned"]);
    assert_eq!(get(m.row("05_snn", "Bao cao", "6"), &["task_code", "flags"]), ["", "task_unknown"]);
    assert_eq!(get(m.row("05_snn", "Bao cao", "7"), &["task_code", "flags"]), ["", "task_ambiguous"]);
    assert!(!m.rows.iter().any(|r| r["file"].starts_with("05_snn") && r["row"] == "8"), "the repeat is not an activity");
    assert!(m.problem("05_snn", "A8", "duplicate")["detail"].contains("dòng 4"));
    assert_eq!(m.problem("05_snn", "A2", "date_unreadable")["detail"], "31/02/2024");

    // A header far down, columns in another order, extra and empty columns (LibreOffice .xls).
    assert_eq!(
        get(m.row("07_stc", "Sheet1", "26"), &["task_code", "budget_million_vnd", "activity"]),
        ["IV.7", "120.0", "Tham mưu bố trí kinh phí năm 2024"]
    );
    // Capitals, non-breaking spaces, line breaks kept (LibreOffice .ods).
    let r = m.row("13_cat", "BC", "4");
    assert_eq!(
        get(r, &["agency_code", "activity", "result", "status"]),
        ["CAT", "BẢO ĐẢM AN NINH\nCHO ĐOÀN KHÁCH QUỐC TẾ", "AN TOÀN TUYỆT ĐỐI", "done"]
    );
    // An HTML table and CSV text saved as .xls, read as the tables they hold.
    let r = m.row("11_bbg_web.xls", "(HTML)", "5");
    assert_eq!(get(r, &["agency_code", "task_code", "budget_million_vnd", "activity"]), ["BBG", "IV.8", "10.5", "Phóng sự ảnh về lễ hội"]);
    assert_eq!(m.row("11_bbg_web.xls", "(HTML)", "4")["activity"], "Chuyên mục \"Bắc Giang hội nhập\" & phát triển");
    assert_eq!(get(m.row("12_dptth", "(CSV)", "4"), &["agency_code", "budget_million_vnd"]), ["DPTTH", "60.0"]);
    // No agency line: the file name says who sent it, or else the sheet name.
    assert_eq!(get(m.row("LHHN_2024", "Bao cao", "4"), &["agency_code", "agency_as_written", "task_code"]), ["LHHN", "LHHN_2024", "IV.10"]);
    assert_eq!(get(m.row("bc-2024", "Sở KH&CN", "4"), &["agency_code", "role"]), ["SKHCN", "partner"]);
    // A file named after another agency: the report's own line wins, and it is listed.
    assert_eq!(m.row("huyen-son-dong", "Sheet", "4")["agency_code"], "HLUCNAM");
    assert!(m.problem("huyen-son-dong", "", "agency_mismatch")["detail"].contains("HSONDONG"));
}

#[test]
fn files_that_are_not_reports_skipped_with_reasons() {
    let m = messy();
    for (name, code) in [
        ("cong-van.xls", "not_spreadsheet"),
        ("trong.xlsx", "no_table"),
        ("hong.xlsx", "unreadable"),
        ("mat-khau.xlsx", "encrypted"),
        ("bao-cao-chung.xlsx", "agency_ambiguous"),
    ] {
        let f = m.file(name);
        assert_eq!((f["outcome"].as_str(), f["reason_code"].as_str()), ("skipped", code), "{name}");
        assert!(!f["reason"].is_empty(), "{name} has no reason");
    }
    assert!(m.file("mat-khau.xlsx")["reason"].contains("mật khẩu"));
    // The unattributable file's row was read and is counted as rejected, not lost.
    assert_eq!(get(m.file("bao-cao-chung.xlsx"), &["rows_read", "rows_accepted"]), ["1", "0"]);
    let sources = sheet(&m.env.workbook(2024), "Nguồn dữ liệu");
    assert!(row_with(&sources, "mat-khau.xlsx")[5].contains("mật khẩu"));
}

#[test]
fn receipts_register_gives_the_received_date() {
    let m = messy();
    let completeness = m.env.csv(2024, "completeness.csv");
    let agency = |c: &str| completeness.iter().find(|r| r["agency_code"] == c).unwrap().clone();
    // The register says 23/10; the workbook says 24/10: the register wins, and it is listed.
    assert_eq!(get(&agency("STC"), &["received_date", "verdict"]), ["2024-10-23", "on_time"]);
    assert_eq!(m.problem("07_stc", "", "receipt_date_differs")["detail"], "sổ: 23/10/2024, báo cáo: 24/10/2024");
    // Received 28/10 by the register although dated 20/10: late by 3 days.
    assert_eq!(get(&agency("CAT"), &["received_date", "days_late", "verdict"]), ["2024-10-28", "3", "late"]);
    // No date that exists: submitted, timeliness unknown.
    assert_eq!(get(&agency("SNNPTNT"), &["submitted", "verdict"]), ["true", "undated"]);
    // Register lines that name no plan agency, have no file, or cannot be read are listed.
    assert_eq!(m.problem("receipts.csv", "A4", "receipt_unknown_agency")["detail"], "Phòng Văn hóa huyện X");
    assert!(m.problem("receipts.csv", "", "receipt_without_file")["detail"].starts_with("SGDDT"));
    m.problem("receipts.csv", "A6", "receipt_unreadable");
    // The register records SGDDT's report of 21/10 and no file of it is in the folder:
    // sent on time by the register, nothing to consolidate (it was "missing", as if the
    // agency never sent it, and would have been reminded).
    assert_eq!(get(&agency("SGDDT"), &["submitted", "received_date", "days_late", "verdict"]), ["false", "2024-10-21", "0", "no_file"]);
    let book = m.env.workbook(2024);
    let sgddt = row_with(&sheet(&book, "Tình hình nộp"), "Sở Giáo dục và Đào tạo").clone();
    assert_eq!(sgddt[5], "Sổ công văn ghi đã nhận, không có tệp: cần lưu tệp vào thư mục");
    assert_eq!(sgddt[6], "(ghi trong receipts.csv; không có tệp trong thư mục)");
    assert_eq!(row_with(&sheet(&book, "Tổng hợp"), "Sổ công văn ghi đã nhận, không có tệp")[1], "1");
}

#[test]
fn every_row_read_is_accepted_or_listed() {
    let m = messy();
    let sum = |col: &str| m.files.iter().map(|r| r[col].parse::<usize>().unwrap()).sum::<usize>();
    let rejected_files: usize =
        m.files.iter().filter(|f| f["outcome"] != "accepted").map(|f| f["rows_read"].parse::<usize>().unwrap()).sum();
    let accepted = |name: &str| m.files.iter().any(|f| f["file"] == name && f["outcome"] == "accepted");
    let count = |kind: &str| m.problems.iter().filter(|p| p["kind"] == kind && accepted(&p["file"])).count();
    // Sở Ngoại vụ's hidden sheet of last year's report: left out, its row counted (it was
    // passed over in silence, and not counted as read).
    let hidden = m.problem("01_so_ngoai_vu", "", "sheet_hidden");
    assert_eq!((hidden["sheet"].as_str(), hidden["detail"].as_str()), ("Nam 2023", "1"));
    assert_eq!(sum("rows_accepted"), m.rows.len());
    // (A sheet's finding gives its number of rows.)
    let sheet_rows: usize = m
        .problems
        .iter()
        .filter(|p| p["kind"] == "sheet_hidden" && accepted(&p["file"]))
        .map(|p| p["detail"].parse::<usize>().unwrap())
        .sum();
    assert_eq!(sum("rows_read"), m.rows.len() + count("totals_row") + count("duplicate") + sheet_rows + rejected_files);
}
