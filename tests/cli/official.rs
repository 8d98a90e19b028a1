//! Reports laid out as official documents (tests/fixtures/official/2024, made by openpyxl
//! and LibreOffice): a numbering row under the header, a signing block under the table, an
//! appendix naming its report, headings across the table, tasks as numbered sections, a
//! budget split by source. None of those lines is an activity, and what they state is read.

use std::collections::BTreeMap;

use crate::env::*;

#[test]
fn the_lines_of_an_official_document_are_read_for_what_they_are() {
    let env = Env::new();
    env.copy_into_year(2024, "tests/fixtures/official/2024");
    env.run_year(2024, &[]);
    let (rows, files, problems) = (env.csv(2024, "rows.csv"), env.csv(2024, "files.csv"), env.csv(2024, "problems.csv"));
    let file = |name: &str| files.iter().find(|f| f["file"] == name).unwrap_or_else(|| panic!("{name} not in files.csv"));
    let rows_of = |name: &str| rows.iter().filter(|r| r["file"] == name).collect::<Vec<_>>();
    let field = |name: &str, key: &str| rows_of(name).iter().map(|r| r[key].clone()).collect::<Vec<_>>();
    let kinds = |name: &str| problems.iter().filter(|p| p["file"] == name).map(|p| p["kind"].as_str()).collect::<Vec<_>>();

    // The numbering row, the section headings and the signing block (its "Nơi nhận" list and
    // the signer's name stand in the table's columns) are not activities; the place-and-date
    // line with its day left blank gives its month, the deadline's: no date.
    let snv = "01_snv_the_thuc.xlsx";
    assert_eq!(field(snv, "row"), ["11", "12", "13", "15", "16", "17"]);
    assert_eq!(field(snv, "task_code"), ["NV1", "NV2", "NV4", "NV3", "NV7", "NV8"]);
    assert_eq!(field(snv, "flags"), ["", "", "", "", "", ""]);
    assert_eq!((file(snv)["agency_code"].as_str(), file(snv)["rows_read"].as_str()), ("SNV", "6"));
    assert_eq!(kinds(snv), ["date_partial"], "a day left to be written by hand is not an unreadable date");
    assert_eq!(file(snv)["report_date"], "");

    // An appendix: its sender and date only in the line naming its report; columns numbered
    // 1…6; a second table under the first, its header and numbering written again.
    let vh = "phu-luc.xlsx";
    assert_eq!(field(vh, "row"), ["8", "9", "14"]);
    assert_eq!(field(vh, "task_code"), ["NV3", "NV5", "NV6"]);
    assert_eq!(field(vh, "budget_million_vnd"), ["20.0", "150.0", "0.0"]);
    assert_eq!(file(vh)["rows_read"], "3");
    assert_eq!((file(vh)["agency_code"].as_str(), file(vh)["report_date"].as_str()), ("SVHTTDL", "2024-10-18"));
    assert_eq!(rows_of(vh)[0]["agency_as_written"], "Sở Văn hóa, Thể thao và Du lịch");
    assert!(kinds(vh).is_empty(), "{:?}", kinds(vh));

    // The department's form (.xls): its line names the department's letter, not the sender;
    // "A B 1 2 …" under a two-row header; the date only in the signing block, in a column
    // of the table.
    let yt = "bieu-mau-yen-the.xls";
    assert_eq!(field(yt, "row"), ["7", "8"]);
    assert_eq!(field(yt, "status"), ["done", "in_progress"]);
    assert_eq!((file(yt)["agency_code"].as_str(), file(yt)["report_date"].as_str()), ("HYENTHE", "2024-10-21"));
    assert!(kinds(yt).is_empty(), "{:?}", kinds(yt));

    // An appendix (.ods) whose line leaves number and day blank and names its sender only in
    // the number ("/BC-SCT"); the date from the signing line under the table.
    let sct = "phu-luc-cong-thuong.ods";
    assert_eq!(field(sct, "task_code"), ["NV4", "IV.4", "IV.4"], "a task merged over two rows, in an .ods");
    assert_eq!(field(sct, "status"), ["done", "done", "done"]);
    assert_eq!((file(sct)["agency_code"].as_str(), file(sct)["report_date"].as_str()), ("SCT", "2024-10-22"));
    assert_eq!(rows_of(sct)[0]["agency_as_written"], "SCT");
    assert!(kinds(sct).is_empty(), "{:?}", kinds(sct));

    // Headings across the table from its first column name the tasks; a budget split by
    // source with no total is added up; a share of the work says the status.
    let gd = "09_sgddt_nguon_kinh_phi.xlsx";
    assert_eq!(field(gd, "row"), ["7", "8", "10"]);
    assert_eq!(field(gd, "task_code"), ["NV5", "NV5", "IV.11"]);
    assert_eq!(field(gd, "budget_million_vnd"), ["35.0", "10.0", ""]);
    assert_eq!(field(gd, "status"), ["done", "in_progress", "not_started"]);
    assert_eq!(field(gd, "flags"), ["", "", ""]);
    assert!(kinds(gd).is_empty(), "{:?}", kinds(gd));

    // No task column: tasks as sections numbered I, II with their titles; a title as close
    // to two tasks is the one the plan gives the agency; an activity without a number,
    // worded like a task, stays an activity.
    // Last year's sheet in the same workbook is left out, and listed; the date is this year's.
    let tt = "03_stttt_muc.xlsx";
    assert_eq!(field(tt, "row"), ["6", "8", "9"]);
    assert_eq!(field(tt, "sheet"), ["Năm 2024", "Năm 2024", "Năm 2024"]);
    assert_eq!(field(tt, "task_code"), ["NV1", "IV.3", "IV.3"]);
    assert_eq!(rows_of(tt)[2]["activity"], "Tuyên truyền nâng cao nhận thức về ngoại giao văn hóa trên mạng xã hội");
    assert_eq!(kinds(tt), ["sheet_other_year", "status_missing"], "the last row has no status; no task is ambiguous");
    let p = problems.iter().find(|p| p["kind"] == "sheet_other_year").unwrap();
    assert_eq!((p["file"].as_str(), p["sheet"].as_str(), p["detail"].as_str()), (tt, "Năm 2023", "1"));
    assert_eq!(file(tt)["report_date"], "2024-10-21");
    assert_eq!((file(tt)["rows_read"].as_str(), file(tt)["rows_accepted"].as_str()), ("4", "3"), "its rows read, not consolidated");

    // Headers in other words; of two budgets the money spent; the status from a result
    // that is only a status word, and missing where the result says more.
    let bbg = "11_bbg_tu_khac.xlsx";
    assert_eq!(field(bbg, "activity"), ["Chuyên mục Bắc Giang hội nhập", "Phóng sự ảnh lễ hội", "Trang tin tiếng Anh"]);
    assert_eq!(field(bbg, "budget_million_vnd"), ["45.0", "5.0", "30.0"]);
    // The money allotted, set aside, is kept in the note.
    assert_eq!(rows_of(bbg)[0]["note"], "Kinh phí được giao (triệu đồng): 50");
    assert_eq!(field(bbg, "status"), ["done", "in_progress", "unknown"]);
    assert_eq!(field(bbg, "flags"), ["", "", "status_missing"]);
    // No status column: listed once for the sheet, not once per row.
    let p = problems.iter().find(|p| p["file"] == bbg).expect("a finding on the table");
    assert_eq!((p["kind"].as_str(), p["cell"].as_str(), p["detail"].as_str()), ("no_status_column", "A4", "1"));
    assert_eq!(kinds(bbg).len(), 1);

    // A table whose activities stand under a header not recognised reads none, and says so.
    let dp = "12_dptth_thong_tin.xlsx";
    assert!(rows_of(dp).is_empty());
    let p = problems.iter().find(|p| p["file"] == dp).expect("a finding on the table");
    assert_eq!((p["kind"].as_str(), p["cell"].as_str(), p["detail"].as_str()), ("no_activity_column", "A3", "STT | Nhiệm vụ | Ghi chú"));

    // Merged cells: the task stands for every row it spans. An activity, its number, status
    // and budget merged beside results one per row are one row, its results joined (a cell
    // of several paragraphs pasted from Word splits so; before 0.10.0 each result was the
    // same activity again). The plan's task list on another sheet is no report (NV3 would
    // count as reported).
    let nv = "08_snoiv_gop_o.xlsx";
    assert_eq!(field(nv, "sheet"), ["Bao cao", "Bao cao"]);
    assert_eq!(field(nv, "task_code"), ["IV.11", "IV.11"]);
    assert_eq!(field(nv, "activity")[..1], ["Tập huấn kiến thức đối ngoại cho cán bộ"]);
    assert_eq!(field(nv, "result")[..1], ["Lớp 1: 50 học viên\nLớp 2: 45 học viên"]);
    assert_eq!(field(nv, "status"), ["done", "in_progress"]);
    assert_eq!(field(nv, "budget_million_vnd"), ["30.0", ""]);
    assert_eq!(kinds(nv), ["continued_row"]);

    // A report naming no sender, filed in a folder named after the agency; its amounts in
    // thousands, as the line above the table says.
    let ca = "Cong an tinh/bao-cao.xlsx";
    assert_eq!((file(ca)["agency_code"].as_str(), rows_of(ca)[0]["agency_as_written"].as_str()), ("CAT", "Cong an tinh"));
    assert_eq!(field(ca, "budget_million_vnd"), ["150.0"]);

    // The agency's name over two lines; the report written out above its table: the table
    // is found below row 40, and the date is the signing line's, not a date in the
    // narrative's sentences.
    let kh = "10_skhcn_van_ban.xlsx";
    assert_eq!((field(kh, "row").as_slice(), field(kh, "task_code").as_slice()), (&["48".to_string()][..], &["NV5".to_string()][..]));
    assert_eq!(rows_of(kh)[0]["agency_as_written"], "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
    assert_eq!((file(kh)["agency_code"].as_str(), file(kh)["report_date"].as_str()), ("SKHCN", "2024-10-23"));

    // The smallest table: two columns that say what was done.
    let tc = "07_stc_hai_cot.xlsx";
    assert_eq!((field(tc, "task_code").as_slice(), file(tc)["outcome"].as_str()), (&["IV.7".to_string()][..], "accepted"));

    // Last year's report sent again (its title and its date of 2023): flagged, not
    // consolidated, and its sender is told to send this year's (before 0.14.0 its rows were
    // read, the agency "undated"; in 0.14.0 it was "missing", its file not named).
    let lh = "lhhn-2023.xlsx";
    let found: Vec<[&str; 3]> = pick(&problems, ["file", "kind", "detail"]).into_iter().filter(|p| p[0] == lh).collect();
    assert!(found.contains(&[lh, "date_other_year", "20/10/2023"]), "{found:?}");
    assert!(found.contains(&[lh, "report_other_year", "2023, 20/10/2023, Liên hiệp các tổ chức hữu nghị tỉnh"]), "{found:?}");
    assert_eq!(
        (
            file(lh)["outcome"].as_str(),
            file(lh)["reason_code"].as_str(),
            file(lh)["rows_accepted"].as_str(),
            file(lh)["agency_code"].as_str()
        ),
        ("skipped", "report_other_year", "0", "LHHN")
    );
    let completeness: BTreeMap<String, String> =
        env.csv(2024, "completeness.csv").into_iter().map(|r| (r["agency_code"].clone(), r["verdict"].clone())).collect();
    assert_eq!(completeness["LHHN"], "last_year");
    assert_eq!(completeness["HYENTHE"], "on_time");

    // The workbook says the same.
    let grid = sheet(&env.workbook(2024), "Tình hình nộp");
    let lhhn = row_with(&grid, "Liên hiệp các tổ chức hữu nghị tỉnh");
    assert_eq!(lhhn[5], "Chỉ gửi báo cáo năm trước: cần gửi báo cáo năm nay");
    assert!(lhhn[6].starts_with("lhhn-2023.xlsx (báo cáo năm 2023"), "{}", lhhn[6]);
    assert_eq!(row_with(&grid, "UBND huyện Yên Thế")[5], "Đúng hạn");
    let found = sheet(&env.workbook(2024), "Vấn đề dữ liệu");
    let said: Vec<&str> = found.iter().filter(|r| r.iter().any(|c| c == "lhhn-2023.xlsx")).map(|r| r[4].as_str()).collect();
    assert!(said.iter().any(|m| m.starts_with("ngày báo cáo 20/10/2023 không thuộc năm báo cáo")), "{said:?}");
    assert!(said.iter().any(|m| m.starts_with("báo cáo năm 2023 của Liên hiệp các tổ chức hữu nghị tỉnh (ngày 20/10/2023)")), "{said:?}");
    let acts = sheet(&env.workbook(2024), "Hoạt động");
    assert_eq!(
        acts.iter().filter(|r| r[0].parse::<u32>().is_ok()).count(),
        28,
        "one line per activity, nothing else (last year's report's left out)"
    );
    assert!(!acts.iter().flatten().any(|c| c.contains("Nguyễn Văn An") || c.contains("Nơi nhận") || c == "(3)"));
}
