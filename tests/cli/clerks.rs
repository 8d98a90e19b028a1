//! Clerks' habits (tests/fixtures/clerks/2024, made by openpyxl and LibreOffice): a list
//! typed one item per row, amounts in words of two units, one column for tasks and
//! activities, the sender named only in the title, the date in figures, the form's guidance
//! sheet and example row left in, a report set beside last year's, a units row under the
//! header, a result split into columns, the status as a note, the blank form sent back, the
//! year's difficulties and proposals under headings of their own, a share of the work in
//! figures, amounts about that much, a month in English, a total over its rows, a report
//! sent in two parts, a header merged over two columns, a remark beside the table, another
//! table under the report's, a second part of the table in another column order, the table
//! carried on to a sheet with no header, columns of no field (time, place, a unit per row),
//! a date without its year, the sender named only where the report is signed.
//! Each is read for what it is, and every row read is either
//! consolidated or listed.

use crate::env::*;

#[test]
fn what_clerks_type_is_read_for_what_it_means() {
    let env = Env::new();
    env.copy_into_year(2024, "tests/fixtures/clerks/2024");
    let out = env.run_year(2024, &[]);
    let (rows, files, problems) = (env.csv(2024, "rows.csv"), env.csv(2024, "files.csv"), env.csv(2024, "problems.csv"));
    let file = |name: &str| files.iter().find(|f| f["file"] == name).unwrap_or_else(|| panic!("{name} not in files.csv"));
    let rows_of = |name: &str| rows.iter().filter(|r| r["file"] == name).collect::<Vec<_>>();
    let field = |name: &str, key: &str| rows_of(name).iter().map(|r| r[key].clone()).collect::<Vec<_>>();
    let found =
        |name: &str| problems.iter().filter(|p| p["file"] == name).map(|p| (p["kind"].as_str(), p["cell"].as_str())).collect::<Vec<_>>();

    // A result's list typed one item per row goes with the row above it, its difficulty
    // too; each such line is listed, read and not counted as an activity. "1 tỷ 200 triệu"
    // and "2 triệu 500 nghìn đồng" are amounts in two units. The date is the "Thời gian
    // gửi" line's, with the remark after it.
    let sct = "01_sct_dong_tiep.xls";
    assert_eq!(field(sct, "row"), ["5", "8", "9"]);
    assert_eq!(rows_of(sct)[0]["result"], "12 doanh nghiệp tham gia\n- ký 5 hợp đồng, biên bản ghi nhớ\n- giới thiệu 40 sản phẩm OCOP");
    assert_eq!(rows_of(sct)[0]["difficulties"], "Kinh phí xã hội hóa còn ít");
    assert_eq!(rows_of(sct)[2]["result"], "Gian hàng tỉnh trên 2 sàn\n- 1.200 đơn hàng");
    assert_eq!(field(sct, "budget_million_vnd"), ["1200.0", "2.5", "50.0"]);
    assert_eq!(field(sct, "flags"), ["", "", ""]);
    assert_eq!(found(sct), [("continued_row", "D6"), ("continued_row", "D7"), ("continued_row", "D10")]);
    assert_eq!(problems.iter().find(|p| p["cell"] == "D7").unwrap()["detail"], "5", "the row it goes on");
    assert_eq!(
        (file(sct)["report_date"].as_str(), file(sct)["rows_read"].as_str(), file(sct)["rows_accepted"].as_str()),
        ("2024-10-22", "6", "3")
    );
    // Its difficulties and proposals under headings of their own below the table are the
    // report's, not tasks NV1 and NV2 (the proposals are numbered 1., 2.).
    assert_eq!(
        file(sct)["difficulties"],
        "'- Kinh phí xúc tiến thương mại còn hạn chế.",
        "a text starting with - is kept from spreadsheets' formulas"
    );
    assert_eq!(
        file(sct)["proposals"],
        "1. Đề nghị UBND tỉnh bố trí thêm kinh phí xúc tiến.\n2. Đề nghị Sở Ngoại vụ hỗ trợ kết nối đối tác."
    );

    // The sender only in the title, the date in figures under it; tasks as headings in a
    // column "Nhiệm vụ, hoạt động", the activities under them; the budget's unit in a row
    // under the header, which is no activity.
    let gd = "02_sgddt_tieu_de.xlsx";
    assert_eq!(field(gd, "row"), ["7", "8", "10"]);
    assert_eq!(field(gd, "budget_million_vnd"), ["30.0", "", ""], "30.000 nghìn đồng");
    assert_eq!((file(gd)["agency_code"].as_str(), file(gd)["report_date"].as_str()), ("SGDDT", "2024-10-15"));
    assert_eq!(field(gd, "task_code"), ["NV5", "NV5", "IV.11"]);
    assert_eq!(field(gd, "activity")[0], "Trại hè học sinh ASEAN");
    assert_eq!(field(gd, "status"), ["done", "in_progress", "done"]);
    assert!(found(gd).is_empty(), "{:?}", found(gd));

    // The form's guidance sheet and the example row left in the report are no activities;
    // of last year's results and this year's, this year's; of this year's money and next
    // year's planned, this year's. "II.2" is NV2, as the plan names it (item 2 of its
    // section II), not task 2 of some section.
    let snv = "03_snv_bieu_mau.xlsx";
    assert_eq!(field(snv, "sheet"), ["Báo cáo", "Báo cáo"]);
    assert_eq!(field(snv, "task_code"), ["NV2", "NV6"]);
    assert_eq!(field(snv, "result"), ["Đã ban hành", "3 đoàn"]);
    assert_eq!(field(snv, "budget_million_vnd"), ["5.0", "120.0"]);
    assert_eq!(found(snv), [("example_row", "C5"), ("sheet_guidance", "")]);
    assert_eq!((file(snv)["rows_read"].as_str(), file(snv)["rows_accepted"].as_str()), ("4", "2"));

    // The sender in brackets in the title; the date in figures on the signing line under
    // the table, which is no activity; the status written as the note, or opening the result
    // in a table with no status column.
    let kh = "bao-cao.xlsx";
    assert_eq!((file(kh)["agency_code"].as_str(), file(kh)["report_date"].as_str()), ("SKHCN", "2024-10-18"));
    assert_eq!(field(kh, "row"), ["4", "5"]);
    assert_eq!(field(kh, "status"), ["done", "in_progress"], "the note's status word; the result's opening words");
    assert!(found(kh).is_empty(), "{:?}", found(kh));

    // A result split into "Số lượng | Nội dung" under its header: both are the result. The
    // report written out above the table gives its difficulty and its proposal.
    let dp = "05_dptth_ket_qua_tach.xlsx";
    assert_eq!(
        (file(dp)["difficulties"].as_str(), file(dp)["proposals"].as_str()),
        ("Thiết bị sản xuất chương trình tiếng nước ngoài còn thiếu.", "Đề nghị đầu tư thiết bị dựng phim.")
    );
    assert_eq!(field(dp, "result"), ["24; số phát sóng", "3; phóng sự"]);
    assert_eq!(field(dp, "status"), ["done", "in_progress"]);
    assert!(found(dp).is_empty(), "{:?}", found(dp));

    // Headings across the table name the tasks; one names a task the plan does not have:
    // its row's task is unknown, and said to be, not the heading's before.
    let nv = "07_snoiv_nhiem_vu_la.xlsx";
    assert_eq!(field(nv, "task_code"), ["IV.11", ""]);
    assert_eq!(found(nv), [("task_unknown", "A8")]);

    // The sender only in the title, where another sheet (the plan's task list) names other
    // agencies; a difficulties' heading whose section number stands in the task column.
    let yt = "08_yen_the_danh_muc.xlsx";
    assert_eq!((file(yt)["agency_code"].as_str(), file(yt)["rows_read"].as_str()), ("HYENTHE", "1"));
    assert_eq!(file(yt)["difficulties"], "Thiếu cán bộ biết ngoại ngữ.");
    assert!(found(yt).is_empty(), "{:?}", found(yt));

    // The date on a cover letter's sheet, under a page of text.
    let lh = "09_lhhn_cong_van.xlsx";
    assert_eq!((file(lh)["agency_code"].as_str(), file(lh)["report_date"].as_str()), ("LHHN", "2024-10-23"));
    assert!(found(lh).is_empty(), "{:?}", found(lh));

    // The blank form sent back: received, and said to hold no activity.
    let tc = "06_stc_bieu_mau_trong.xlsx";
    assert_eq!((file(tc)["outcome"].as_str(), file(tc)["rows_read"].as_str()), ("accepted", "0"));
    assert_eq!(found(tc), [("no_activities", "")]);
    let submitted = sheet(&env.workbook(2024), "Tình hình nộp");
    assert_eq!(row_with(&submitted, "Sở Tài chính")[6], "06_stc_bieu_mau_trong.xlsx (không có hoạt động nào)");

    // A share of the work in figures under "Tỷ lệ hoàn thành (%)" (1 formatted as a
    // percentage is all of it), amounts about that much, a date's month in English.
    let vh = "10_svhttdl_ty_le.xlsx";
    // A row whose words open as a total's do, numbered, or with a task and a result, is an
    // activity; the total under them adds up.
    assert_eq!(field(vh, "status"), ["done", "in_progress", "not_started", "done", "unknown"]);
    assert_eq!(field(vh, "budget_million_vnd"), ["30.0", "20.0", "0.0", "5.0", ""]);
    // Money with no figure of its own is no amount, and said in the note, not flagged.
    assert_eq!(rows_of(vh)[4]["note"], "Kinh phí: Lồng ghép");
    assert_eq!(field(vh, "flags"), ["", "", "", "", "status_missing"]);
    assert_eq!(file(vh)["report_date"], "2024-10-18");
    assert_eq!(found(vh), [("report_part", ""), ("status_missing", "E9"), ("totals_row", "F10")]);

    // The total written over its rows adds up to them. The table carried on to a sheet
    // with no header, in the same columns and its numbering going on, is read under the
    // header before it; rows numbered from 1 again on a sheet with no header are listed,
    // not passed over.
    let nn = "11_snnptnt_tong_tren.xlsx";
    assert_eq!(field(nn, "budget_million_vnd"), ["15.0", "30.0", "0.0"]);
    assert_eq!(field(nn, "sheet"), ["Bao cao", "Bao cao", "Trang 2"]);
    assert_eq!(found(nn), [("totals_row", "F5"), ("sheet_no_header", "")]);
    assert_eq!(problems.iter().find(|p| p["kind"] == "sheet_no_header").unwrap()["sheet"], "Trang 3");

    // The same agency's second file, on other tasks: a part of its report, both used; it
    // counts as received on the first part's day.
    let part = "12_svhttdl_phan_2.xlsx";
    assert_eq!((file(vh)["outcome"].as_str(), file(part)["outcome"].as_str()), ("accepted", "accepted"));
    // Its second table, in another column order, is read under its own header.
    assert_eq!(field(part, "task_code"), ["NV3", "NV8", "NV1"]);
    assert_eq!((rows_of(part)[2]["result"].as_str(), rows_of(part)[2]["status"].as_str()), ("120 đại biểu", "done"));
    assert!(found(part).is_empty(), "{:?}", found(part));
    let submitted = sheet(&env.workbook(2024), "Tình hình nộp");
    let vh_row = row_with(&submitted, "Sở Văn hóa, Thể thao và Du lịch");
    assert_eq!((vh_row[3].as_str(), vh_row[6].as_str()), ("2024-10-18", "10_svhttdl_ty_le.xlsx; 12_svhttdl_phan_2.xlsx"));

    // A result under a header merged over two columns is read from both; a remark beside
    // the table, under no header, is listed.
    let tt = "13_stttt_cot_gop.xlsx";
    assert_eq!(field(tt, "result"), ["48 tin bài; 12 video", "Cập nhật hằng tuần"]);
    assert_eq!(found(tt), [("cells_outside_table", "I6"), ("other_table", "A8")]);
    let other = problems.iter().find(|p| p["kind"] == "other_table").unwrap();
    assert_eq!(other["detail"], "STT | Nguồn kinh phí | Số tiền (triệu đồng); 1 dòng");

    // Columns of no field are kept in the note, each cell after its header (a date as a
    // date); a line with only more of them goes with the row above; a remark alone after a
    // blank row is listed. The budget's unit in a column of its own is the row's.
    let kh = "14_skhdt_cot_khac.xlsx";
    assert_eq!(
        field(kh, "note"),
        ["Thời gian thực hiện: 15/05/2024; Địa điểm: Seoul", "Thời gian thực hiện: Quý III\nThời gian thực hiện: Quý IV (tái bản)"]
    );
    assert_eq!(field(kh, "budget_million_vnd"), ["350.0", "45.0"]);
    assert_eq!(found(kh), [("date_guessed", "A2"), ("continued_row", "D7"), ("note_only_row", "E9"), ("note_only_row", "A10")]);
    // Its date, written without the year, is read in the reporting year and said so.
    assert_eq!(file(kh)["report_date"], "2024-10-20");
    assert_eq!(problems.iter().find(|p| p["kind"] == "date_guessed").unwrap()["detail"], "20/10 → 20/10/2024");
    assert_eq!(problems.iter().find(|p| p["kind"] == "note_only_row").unwrap()["detail"], "Địa điểm: Số liệu tính đến 30/9/2024");
    assert_eq!(file(kh)["rows_read"], "5");

    // The sender named only in the signing block, signing for it; not the recipients. The
    // task's code in the number column, where there is no task column.
    let ky = "15_bao_cao_ky_ten.xlsx";
    assert_eq!((file(ky)["outcome"].as_str(), file(ky)["agency_code"].as_str()), ("accepted", "HLUCNGAN"));
    assert_eq!(field(ky, "task_code"), ["IV.11"]);
    // A sentence typed across the table is no activity and no heading: listed.
    assert_eq!(found(ky), [("note_only_row", "A6")]);

    // The workbook: the joined result in one cell; the lines joined and the example row
    // listed with what they are; the joined lines are not counted as data problems (the
    // example row, the guidance sheet and the empty report are).
    let acts = sheet(&env.workbook(2024), "Hoạt động");
    assert_eq!(row_with(&acts, "Tham gia Hội chợ thương mại quốc tế Việt - Trung")[4], rows_of(sct)[0]["result"]);
    assert_eq!(row_with(&acts, "Tổng số 2 đoàn nghệ thuật")[6], "Lồng ghép", "money with no figure says so");
    assert_eq!(row_with(&acts, "Tổng số 2 đoàn nghệ thuật")[7], "", "in the budget's cell, not again in the note's");
    assert_eq!(row_with(&acts, "Hội nghị xúc tiến đầu tư tại Hàn Quốc")[7], "Thời gian thực hiện: 15/05/2024; Địa điểm: Seoul");
    assert_eq!(acts.iter().filter(|r| r[0].parse::<u32>().is_ok()).count(), 32, "one line per activity, nothing else");
    let said_so = sheet(&env.workbook(2024), "Khó khăn, kiến nghị");
    let general = row_with(&said_so, "Đài Phát thanh và Truyền hình tỉnh");
    assert_eq!((general[2].as_str(), general[4].as_str()), ("Chung", "Đề nghị đầu tư thiết bị dựng phim."));
    let listed = sheet(&env.workbook(2024), "Vấn đề dữ liệu");
    assert!(listed.iter().flatten().any(|c| c.starts_with("dòng viết tiếp dòng 5")));
    assert!(listed.iter().flatten().any(|c| c.starts_with("dòng ví dụ của biểu mẫu")));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("32 hoạt động, 12 vấn đề dữ liệu"), "{said}");
}
