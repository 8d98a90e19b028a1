//! The pipeline on the shipped Bắc Giang examples, checked by reading the outputs back.

use crate::env::*;

#[test]
fn late_and_missing_agencies_with_days() {
    let env = Env::example(2024);
    env.run_year(2024, &[]);
    let completeness = env.csv(2024, "completeness.csv");
    let by_code = |c: &str| completeness.iter().find(|r| r["agency_code"] == c).unwrap_or_else(|| panic!("{c}")).clone();
    // Dated after 25/10/2024: late by the days between. Sở Ngoại vụ sent a first version on
    // 27/10 and a revision on 03/11: it was received, late, on 27/10.
    for (code, days) in [("SNV", "2"), ("SNNPTNT", "19"), ("SKHCN", "14"), ("BBG", "18"), ("LHHN", "5")] {
        let r = by_code(code);
        assert_eq!((r["verdict"].as_str(), r["days_late"].as_str()), ("late", days), "{code}");
    }
    // Dated 25/10 itself: on time ("trước ngày 25/10" read as "by").
    assert_eq!(by_code("HYENTHE")["verdict"], "on_time");
    assert_eq!(by_code("HYENTHE")["received_date"], "2024-10-25");
    for code in ["STC", "HSONDONG"] {
        let r = by_code(code);
        assert_eq!((r["submitted"].as_str(), r["verdict"].as_str(), r["days_late"].as_str()), ("false", "missing", ""), "{code}");
    }
    // The Fatherland Front is only requested by the plan, not expected to report.
    assert!(completeness.iter().all(|r| r["agency_code"] != "UBMTTQ"));
    assert_eq!(completeness.len(), 24);

    // The same, read back from the workbook's status sheet.
    let grid = sheet(&env.workbook(2024), "Tình hình nộp");
    let nn = row_with(&grid, "Sở Nông nghiệp và Phát triển nông thôn");
    assert_eq!((nn[3].as_str(), nn[4].as_str(), nn[5].as_str()), ("2024-11-13", "19", "Nộp muộn"));
    let stc = row_with(&grid, "Sở Tài chính");
    assert_eq!(stc[5], "Chưa nộp");
    let summary = sheet(&env.workbook(2024), "Tổng hợp");
    assert_eq!(row_with(&summary, "Số báo cáo phải nộp")[1], "24");
    assert_eq!(row_with(&summary, "Nộp muộn")[1], "5");
    assert_eq!(row_with(&summary, "Chưa nộp (quá hạn)")[1], "2");
}

#[test]
fn a_file_on_other_tasks_that_repeats_an_activity_is_a_correction_not_a_part() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    std::fs::create_dir_all(&dir).unwrap();
    let report = |name: &str, date: &str, rows: &[(&str, &str)]| {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "Đơn vị báo cáo: Sở Ngoại vụ").unwrap();
        ws.write_string(1, 0, format!("Ngày báo cáo: {date}")).unwrap();
        for (c, h) in ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"].iter().enumerate() {
            ws.write_string(3, c as u16, *h).unwrap();
        }
        for (i, (task, activity)) in rows.iter().enumerate() {
            let r = 4 + i as u32;
            ws.write_number(r, 0, (i + 1) as f64).unwrap();
            for (c, v) in [*task, *activity, "Đạt", "Hoàn thành"].iter().enumerate() {
                ws.write_string(r, 1 + c as u16, *v).unwrap();
            }
        }
        wb.save(dir.join(name)).unwrap();
    };
    // The first report; the same activity sent again under a corrected task; a part on
    // other tasks and other activities.
    report("snv-1.xlsx", "20/10/2024", &[("NV1", "Hội nghị quán triệt"), ("NV2", "Tập huấn cán bộ")]);
    report("snv-2.xlsx", "25/10/2024", &[("NV3", "Tập huấn cán bộ")]);
    report("snv-3.xlsx", "22/10/2024", &[("NV5", "Hội chợ nông sản")]);
    // The same file saved twice: a copy, not a later report.
    std::fs::copy(dir.join("snv-2.xlsx"), dir.join("snv-2 (1).xlsx")).unwrap();
    env.run_year(2024, &[]);
    let files = env.csv(2024, "files.csv");
    let copy = files.iter().find(|f| f["file"] == "snv-2 (1).xlsx").unwrap();
    assert_eq!((copy["outcome"].as_str(), copy["reason_code"].as_str()), ("superseded", "same_file"));
    assert!(copy["reason"].starts_with("tệp giống hệt snv-2.xlsx"), "{}", copy["reason"]);
    let outcome = |name: &str| files.iter().find(|f| f["file"] == name).unwrap()["outcome"].clone();
    assert_eq!([outcome("snv-1.xlsx"), outcome("snv-2.xlsx"), outcome("snv-3.xlsx")], ["superseded", "accepted", "accepted"]);
    let rows = env.csv(2024, "rows.csv");
    assert_eq!(rows.iter().filter(|r| r["activity"] == "Tập huấn cán bộ").count(), 1, "counted once");
}

#[test]
fn a_role_ticked_in_a_column_of_its_own_is_the_role_written() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    std::fs::create_dir_all(&dir).unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Đơn vị báo cáo: Sở Ngoại vụ").unwrap();
    ws.write_string(1, 0, "Ngày báo cáo: 20/10/2024").unwrap();
    let rows: [[&str; 7]; 3] = [
        ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
        ["1", "NV1", "√", "", "Hội nghị quán triệt", "200 đại biểu", "Hoàn thành"],
        ["2", "NV2", "", "x", "Tập huấn cán bộ", "2 lớp", "Hoàn thành"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(3 + r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(dir.join("snv.xlsx")).unwrap();
    env.run_year(2024, &[]);
    // The plan decides the role; a tick against it is flagged, and no tick is left in the note.
    let rows = env.csv(2024, "rows.csv");
    assert!(rows.iter().all(|r| r["role"] == "lead" && r["note"].is_empty()), "{rows:?}");
    let problems = env.csv(2024, "problems.csv");
    let mismatches: Vec<_> =
        problems.iter().filter(|p| p["kind"] == "role_mismatch").map(|p| (p["cell"].as_str(), p["detail"].as_str())).collect();
    assert_eq!(mismatches, [("D6", "Phối hợp")], "the tick's cell");
}

#[test]
fn an_agency_column_names_the_sender_or_goes_to_the_note() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    let header = ["STT", "Đơn vị thực hiện", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"];
    // No line names the sender but the column, the same on every row.
    write_report(
        &dir.join("bc.xlsx"),
        &["BÁO CÁO KẾT QUẢ NĂM 2024", "Ngày báo cáo: 20/10/2024"],
        &header,
        &[
            &["1", "Sở Công Thương", "NV8", "Hội chợ trái cây", "Xong", "Hoàn thành"],
            &["2", "Sở Công thương", "NV8", "Xúc tiến", "Xong", "Hoàn thành"],
        ],
    );
    // The sender's own rows, and one a partner carried out.
    write_report(
        &dir.join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &header,
        &[
            &["1", "Sở Ngoại vụ", "NV1", "Hội nghị quán triệt", "Xong", "Hoàn thành"],
            &["2", "Sở Tư pháp", "NV1", "Phổ biến", "Xong", "Hoàn thành"],
        ],
    );
    env.run_year(2024, &[]);
    let files = env.csv(2024, "files.csv");
    let bc = files.iter().find(|f| f["file"] == "bc.xlsx").unwrap();
    assert_eq!((bc["outcome"].as_str(), bc["agency_code"].as_str()), ("accepted", "SCT"));
    let rows = env.csv(2024, "rows.csv");
    let notes: Vec<(&str, &str)> = rows.iter().map(|r| (r["activity"].as_str(), r["note"].as_str())).collect();
    assert!(notes.contains(&("Hội chợ trái cây", "")) && notes.contains(&("Hội nghị quán triệt", "")), "{notes:?}");
    assert!(notes.contains(&("Phổ biến", "Đơn vị thực hiện: Sở Tư pháp")), "{notes:?}");
}

#[test]
fn a_task_s_row_giving_only_its_title_heads_the_rows_under_it() {
    let env = Env::new();
    write_report(
        &env.year_dir(2024).join("svh.xlsx"),
        &["Đơn vị báo cáo: Sở Văn hóa, Thể thao và Du lịch", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)"],
        &[
            // The task's code, its title shortened, nothing else; its rows leave the task blank.
            &["I", "NV3", "Phát triển nguồn lực", "", "", ""],
            &["1", "", "Tập huấn cán bộ", "20 người", "Hoàn thành", "10"],
            // Its whole title; under a section's number, its rows naming it again.
            &["II", "NV5", "Hội nhập quốc tế trong lĩnh vực văn hóa", "", "", ""],
            &["1", "NV5", "Liên hoan nghệ thuật", "2 đoàn", "Hoàn thành", "20"],
            // An activity in a title's words, not over rows of its own: an activity still.
            &["III", "NV7", "Bảo tồn di sản", "", "", ""],
            &["IV", "NV8", "Tiếp thu tinh hoa văn hóa", "Hội thảo", "Hoàn thành", ""],
        ],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    assert_eq!(
        pick(&rows, ["task_code", "activity", "status"]),
        [
            ["NV3", "Tập huấn cán bộ", "done"],
            ["NV5", "Liên hoan nghệ thuật", "done"],
            ["NV7", "Bảo tồn di sản", "unknown"],
            ["NV8", "Tiếp thu tinh hoa văn hóa", "done"]
        ]
    );
    // Their rows under them flagged for nothing.
    assert!(rows.iter().take(2).all(|r| r["flags"].is_empty()), "{rows:?}");
    let files = env.csv(2024, "files.csv");
    // (A heading is no row read, as a task's heading row is not.)
    assert_eq!((files[0]["rows_read"].as_str(), files[0]["rows_accepted"].as_str()), ("4", "4"));
}

#[test]
fn a_row_over_numbered_rows_of_its_own_is_no_activity_and_its_money_counts_once() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    write_report(
        &dir.join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)"],
        &[
            // A section over rows numbered from 1, its money theirs, but misadded.
            &["I", "", "Nhiệm vụ chủ trì", "", "", "65"],
            // A row over "1.1" and "1.2", its money theirs.
            &["1", "NV1", "Tổ chức các hội nghị", "", "", "50"],
            &["1.1", "NV1", "Hội nghị quán triệt", "200 đại biểu", "Hoàn thành", "20"],
            &["1.2", "NV1", "Hội nghị tổng kết", "150 đại biểu", "Hoàn thành", "30"],
            &["2", "NV2", "Rà soát quy chế", "Xong", "Hoàn thành", "10"],
            // A row whose money its rows do not break down: an activity.
            &["3", "NV3", "Quảng bá du lịch", "3 ấn phẩm", "Hoàn thành", "8"],
            &["3.1", "NV3", "Ấn phẩm tiếng Anh", "1.000 bản", "Hoàn thành", ""],
            // With a status of its own, an activity too.
            &["II", "", "Nhiệm vụ phối hợp", "", "", "4"],
            &["1", "NV5", "Đón đoàn", "", "Hoàn thành", "4"],
            &["1.1", "NV5", "Đón đoàn Nhật Bản", "Đã đón", "Hoàn thành", ""],
            // A task's title over its numbered rows, which give no task: theirs, unlisted.
            &["2", "", "Tiếp thu tinh hoa văn hóa nhân loại", "", "", ""],
            &["2.1", "", "Hội chợ trái cây", "Xong", "Hoàn thành", ""],
        ],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let acts: Vec<&str> = rows.iter().map(|r| r["activity"].as_str()).collect();
    assert_eq!(
        acts,
        [
            "Hội nghị quán triệt",
            "Hội nghị tổng kết",
            "Rà soát quy chế",
            "Quảng bá du lịch",
            "Ấn phẩm tiếng Anh",
            "Đón đoàn",
            "Đón đoàn Nhật Bản",
            "Hội chợ trái cây"
        ]
    );
    assert_eq!(rows.last().unwrap()["task_code"], "NV8");
    let money: f64 = rows.iter().filter_map(|r| r["budget_million_vnd"].parse::<f64>().ok()).sum();
    assert_eq!(money, 72.0);
    // The groups listed, the misadded one said.
    let problems = env.csv(2024, "problems.csv");
    let found: Vec<(&str, &str)> =
        problems.iter().filter(|p| p["kind"] != "no_status_column").map(|p| (p["kind"].as_str(), p["cell"].as_str())).collect();
    assert_eq!(found, [("group_row", "C5"), ("group_mismatch", "F5"), ("group_row", "C6"), ("group_row", "C12")]);
    let mismatch = problems.iter().find(|p| p["kind"] == "group_mismatch").unwrap();
    assert_eq!(mismatch["detail"], "ghi 65 triệu đồng, cộng các dòng được 68 triệu đồng");
    let files = env.csv(2024, "files.csv");
    assert_eq!((files[0]["rows_read"].as_str(), files[0]["rows_accepted"].as_str()), ("11", "8"));
}

#[test]
fn money_in_a_foreign_currency_is_kept_in_the_note_not_added_as_dong() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    write_report(
        &dir.join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        // "Kinh phí" over "Triệu đồng | USD".
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí", ""],
        &[
            &["", "", "", "", "", "Triệu đồng", "USD"],
            &["1", "NV1", "Đón đoàn Hàn Quốc", "Đã đón", "Hoàn thành", "50", "5000"],
            &["2", "NV1", "Hội chợ Nhật Bản", "Tham gia", "Hoàn thành", "3.000 USD", ""],
            // (Read as 30 nghìn đồng, 0.03 million, before 0.13.0.)
            &["3", "NV1", "Tài trợ học bổng", "5 suất", "Hoàn thành", "30 nghìn USD", ""],
        ],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str)> = rows.iter().map(|r| (r["budget_million_vnd"].as_str(), r["note"].as_str())).collect();
    assert_eq!(got, [("50.0", "Kinh phí USD: 5000"), ("", "Kinh phí Triệu đồng: 3.000 USD"), ("", "Kinh phí Triệu đồng: 30 nghìn USD")]);
    let problems = env.csv(2024, "problems.csv");
    let found: Vec<(&str, &str, &str)> = problems.iter().map(|p| (p["kind"].as_str(), p["cell"].as_str(), p["detail"].as_str())).collect();
    assert_eq!(
        found,
        [
            ("budget_foreign_currency", "G6", "5000 USD"),
            ("budget_foreign_currency", "F7", "3.000 USD"),
            ("budget_foreign_currency", "F8", "30 nghìn USD")
        ]
    );
}

#[test]
fn money_in_dong_beside_the_same_in_a_foreign_currency_is_counted_and_the_cell_shown() {
    let env = Env::new();
    write_report(
        &env.year_dir(2024).join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí"],
        &[&["1", "NV1", "Đón đoàn Hàn Quốc", "Đã đón", "Hoàn thành", "50 (khoảng 2.000 USD)"]],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    assert_eq!((rows[0]["budget_million_vnd"].as_str(), rows[0]["flags"].as_str()), ("50.0", ""));
    // In the workbook's notes, not taken for money with no figure ("Kinh phí: …").
    let acts = sheet(&env.workbook(2024), "Hoạt động");
    assert_eq!(row_with(&acts, "Đón đoàn Hàn Quốc")[7], "Kinh phí (ngoại tệ): 50 (khoảng 2.000 USD)");
}

#[test]
fn a_sheet_that_is_another_agency_s_report_is_not_taken_for_the_sender_s() {
    let env = Env::new();
    let report = |name: &str| {
        let mut cells = grid(&[
            &[&format!("Đơn vị báo cáo: {name}")],
            &["Ngày báo cáo: 20/10/2024"],
            // A partner named on the sender's sheet is no sender.
            &["Đơn vị phối hợp: Sở Văn hóa, Thể thao và Du lịch"],
            &[],
            &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
        ]);
        for (r, act) in ["Hội nghị", "Hội thảo"].iter().enumerate() {
            cells.extend(grid(&[&[&(r + 1).to_string(), "NV1", &format!("{act} của {name}"), "Xong", "Hoàn thành"]]));
        }
        cells
    };
    let sheets = [("Ngoại vụ", report("Sở Ngoại vụ")), ("VHTTDL", report("Sở Văn hóa, Thể thao và Du lịch"))];
    write_sheets(&env.year_dir(2024).join("tong-hop.xlsx"), &sheets);
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str)> = rows.iter().map(|r| (r["agency_code"].as_str(), r["activity"].as_str())).collect();
    assert_eq!(got, [("SNV", "Hội nghị của Sở Ngoại vụ"), ("SNV", "Hội thảo của Sở Ngoại vụ")]);
    let problems = env.csv(2024, "problems.csv");
    let other = problems.iter().find(|p| p["kind"] == "sheet_other_agency").expect("the other agency's sheet listed");
    assert_eq!((other["sheet"].as_str(), other["detail"].as_str()), ("VHTTDL", "2 Sở Văn hóa, Thể thao và Du lịch"));
    let files = env.csv(2024, "files.csv");
    assert_eq!((files[0]["rows_read"].as_str(), files[0]["rows_accepted"].as_str()), ("4", "2"));
}

#[test]
fn a_task_s_code_written_with_the_activity_is_the_row_s_task_where_no_column_gives_it() {
    let env = Env::new();
    write_report(
        &env.year_dir(2024).join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
        &[
            &["1", "NV1: Hội nghị quán triệt", "200 đại biểu", "Hoàn thành"],
            &["2", "Rà soát quy chế (Nhiệm vụ 2)", "Xong", "Hoàn thành"],
            &["3", "NV15 - Hội thảo", "Xong", "Hoàn thành"],
        ],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str)> = rows.iter().map(|r| (r["task_code"].as_str(), r["task_as_written"].as_str())).collect();
    assert_eq!(got, [("NV1", "NV1"), ("NV2", "Nhiệm vụ 2"), ("", "NV15")]);
    let problems = env.csv(2024, "problems.csv");
    let unknown = problems.iter().find(|p| p["kind"] == "task_unknown").unwrap();
    assert_eq!((unknown["cell"].as_str(), unknown["detail"].as_str()), ("B7", "NV15"));
}

#[test]
fn a_row_hidden_by_hand_is_listed_not_consolidated() {
    // tests/fixtures/hidden/2024 (openpyxl, then LibreOffice): the same report's second row
    // hidden by hand (.xlsx as LibreOffice saves it, .ods, .xls), folded into an outline
    // group (.ods), hidden by a filter (.xlsx); each report has a second sheet.
    let env = Env::new();
    env.copy_into_year(2024, "tests/fixtures/hidden/2024");
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let rows_of = |file: &str| rows.iter().filter(|r| r["file"] == file).map(|r| r["row"].as_str()).collect::<Vec<_>>();
    assert_eq!(rows_of("so-ngoai-vu.xlsx"), ["5", "7"]);
    assert_eq!(rows_of("so-van-hoa.ods"), ["5", "7"]);
    assert_eq!(rows_of("so-cong-thuong.ods"), ["5", "6", "7"]);
    assert_eq!(rows_of("so-tai-chinh.xlsx"), ["5", "6", "7"]);
    assert_eq!(rows_of("bao-bac-giang.xls"), ["5", "7"]);
    let problems = env.csv(2024, "problems.csv");
    let hidden: Vec<(&str, &str, &str, &str)> = problems
        .iter()
        .filter(|p| p["kind"] == "row_hidden")
        .map(|p| (p["file"].as_str(), p["sheet"].as_str(), p["cell"].as_str(), p["detail"].as_str()))
        .collect();
    let old = "Hội nghị năm 2023 (đã báo cáo năm trước)";
    assert_eq!(
        hidden,
        [("bao-bac-giang.xls", "Báo cáo", "A6", old), ("so-ngoai-vu.xlsx", "Báo cáo", "A6", old), ("so-van-hoa.ods", "Báo cáo", "A6", old)]
    );
    // Read, and listed: nothing lost.
    let files = env.csv(2024, "files.csv");
    let counts = |file: &str| {
        let f = files.iter().find(|f| f["file"] == file).unwrap();
        (f["rows_read"].clone(), f["rows_accepted"].clone())
    };
    assert_eq!(counts("so-ngoai-vu.xlsx"), ("3".into(), "2".into()));
    // The workbook's own sheet of findings names it.
    let found = sheet(&env.workbook(2024), "Vấn đề dữ liệu");
    assert!(found.iter().any(|r| r.iter().any(|c| c.starts_with("dòng bị ẩn"))), "{found:?}");
}

#[test]
fn last_year_s_columns_hidden_beside_this_year_s_are_listed_not_read() {
    // tests/fixtures/hidden-columns/2024 (openpyxl, then LibreOffice): last year's report
    // copied, this year's results typed in columns beside last year's, under the same
    // headers, and last year's (D:E) hidden by hand (.xlsx as LibreOffice saves it, .ods,
    // .xls); and a form whose column of task codes its maker hid beside the tasks' titles.
    let env = Env::new();
    env.copy_into_year(2024, "tests/fixtures/hidden-columns/2024");
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    for file in ["so-ngoai-vu.xlsx", "so-van-hoa.ods", "bao-bac-giang.xls"] {
        let of: Vec<_> = rows.iter().filter(|r| r["file"] == file).cloned().collect();
        let got = pick(&of, ["task_code", "result", "budget_million_vnd", "note"]);
        // Before, last year's results and money were read, this year's kept in the note.
        assert_eq!(got, [["NV1", "200 đại biểu", "50.0", ""], ["NV4", "Đoàn Hàn Quốc", "30.0", ""]], "{file}");
    }
    // The hidden codes are read: the titles alone are not the plan's words.
    let codes: Vec<&str> = rows.iter().filter(|r| r["file"] == "so-tai-chinh.xlsx").map(|r| r["task_code"].as_str()).collect();
    assert_eq!(codes, ["NV1", "NV7"]);
    let problems = env.csv(2024, "problems.csv");
    let hidden: Vec<_> = problems.iter().filter(|p| p["kind"] == "column_hidden").cloned().collect();
    let hidden = pick(&hidden, ["file", "cell", "detail"]);
    let money = "Kinh phí (triệu đồng)";
    assert_eq!(
        hidden,
        [
            ["bao-bac-giang.xls", "D4", "Kết quả"],
            ["bao-bac-giang.xls", "E4", money],
            ["so-ngoai-vu.xlsx", "D4", "Kết quả"],
            ["so-ngoai-vu.xlsx", "E4", money],
            ["so-van-hoa.ods", "D4", "Kết quả"],
            ["so-van-hoa.ods", "E4", money],
        ]
    );
    let found = sheet(&env.workbook(2024), "Vấn đề dữ liệu");
    assert!(found.iter().any(|r| r.iter().any(|c| c.starts_with("cột \"Kết quả\" bị ẩn"))), "{found:?}");
}

#[test]
fn a_note_that_gives_a_status_and_why_says_the_row_s_status() {
    // The status left blank, the note saying it with its reason: read as the note alone
    // would be ("Không thực hiện" is not started). They were `status_missing`.
    let env = Env::new();
    write_report(
        &env.year_dir(2024).join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Ghi chú"],
        &[
            &["1", "NV1", "Hội nghị quán triệt", "", "", "Không thực hiện do thiếu kinh phí"],
            &["2", "NV2", "Rà soát quy chế", "Xong", "", "Hoàn thành, vượt kế hoạch"],
            &["3", "NV4", "Đón đoàn Hàn Quốc", "3 đoàn", "", "Đã phối hợp với Sở Văn hóa tổ chức"],
        ],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    // (A note that opens with what was done, not a status, says none: the row is flagged.)
    assert_eq!(
        pick(&rows, ["status", "note", "flags"]),
        [
            ["not_started", "Không thực hiện do thiếu kinh phí", ""],
            ["done", "Hoàn thành, vượt kế hoạch", ""],
            ["unknown", "Đã phối hợp với Sở Văn hóa tổ chức", "status_missing"],
        ]
    );
}

/// A count and its unit in columns of their own, as a statistics form has them: the count
/// then its unit is the result ("2 Hội nghị"). Before 0.9.0 the table with no results'
/// column had no result, its count and unit in the note; the results' group over "Số lượng
/// | Đơn vị tính" read "100; người"; a unit beside a result went to the note.
/// The department's form listing the plan's tasks in its content column ("Nội dung | Kết quả
/// thực hiện"), no task column: a row whose content is a task's title word for word, or a
/// title of five words or more and then more, is that task's. Before 0.10.0 each was
/// `task_missing`; an activity in words of its own still is.
#[test]
fn a_task_s_title_in_the_content_column_names_the_task() {
    let env = Env::new();
    let rows: &[&[&str]] = &[
        &["1", "Tiếp tục xây dựng và hoàn thiện cơ chế, chính sách về ngoại giao văn hoá", "Ban hành quy chế", "Hoàn thành"],
        &[
            "2",
            "Thúc đẩy quan hệ, hợp tác, xây dựng lòng tin với các địa phương, tổ chức trong khu vực và quốc tế: đón 3 đoàn",
            "3 đoàn",
            "Hoàn thành",
        ],
        &["3", "Tổ chức hội nghị về ngoại giao văn hóa", "1 hội nghị", "Hoàn thành"],
    ];
    write_report(
        &env.year_dir(2024).join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nội dung", "Kết quả thực hiện", "Tình trạng"],
        rows,
    );
    env.run_year(2024, &[]);
    assert_eq!(
        pick(&env.csv(2024, "rows.csv"), ["task_code", "role", "result", "flags"]),
        [["NV2", "lead", "Ban hành quy chế", ""], ["NV4", "lead", "3 đoàn", ""], ["", "unassigned", "1 hội nghị", "task_missing"]]
    );
}

/// Excel's AutoSum under the money column with no "Tổng cộng" beside it: a totals row, not
/// an activity of the task above (before 0.10.0 its money was counted twice). A row of money
/// alone that does not add up the rows above is read as before.
#[test]
fn a_sum_under_the_money_column_with_no_label_is_a_totals_row() {
    let env = Env::new();
    let header = ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)"];
    let report = |file: &str, agency: &str, sum: &str| {
        let agency = format!("Đơn vị báo cáo: {agency}");
        let rows: &[&[&str]] = &[
            &["1", "NV1", "Hội nghị quán triệt", "300 đại biểu", "Hoàn thành", "30"],
            &["2", "NV2", "Rà soát quy chế", "Xong", "Hoàn thành", "15,5"],
            &["", "", "", "", "", sum],
        ];
        write_report(&env.year_dir(2024).join(file), &[&agency, "Ngày báo cáo: 20/10/2024"], &header, rows);
    };
    report("snv.xlsx", "Sở Ngoại vụ", "45,5");
    report("svhttdl.xlsx", "Sở Văn hóa, Thể thao và Du lịch", "12");
    // The same under a count (it was joined to the result above, "3\n5", and the row read
    // again as an activity of its own).
    let counts: &[&[&str]] =
        &[&["1", "NV1", "Hội nghị", "2", "Hoàn thành"], &["2", "NV3", "Tập huấn", "3", "Hoàn thành"], &["", "", "", "5", ""]];
    write_report(
        &env.year_dir(2024).join("snoiv.xlsx"),
        &["Đơn vị báo cáo: Sở Nội vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Số lượng", "Tình trạng"],
        counts,
    );
    env.run_year(2024, &[]);
    assert_eq!(
        pick(&env.csv(2024, "rows.csv"), ["agency_code", "activity", "budget_million_vnd"]),
        [
            ["SNOIV", "Hội nghị", ""],
            ["SNOIV", "Tập huấn", ""],
            ["SNV", "Hội nghị quán triệt", "30.0"],
            ["SNV", "Rà soát quy chế", "15.5"],
            ["SVHTTDL", "Hội nghị quán triệt", "30.0"],
            ["SVHTTDL", "Rà soát quy chế", "15.5"],
            ["SVHTTDL", "", "12.0"],
        ]
    );
    let problems = env.csv(2024, "problems.csv");
    let totals: Vec<(&str, &str, &str)> = problems
        .iter()
        .filter(|p| p["kind"] == "totals_row")
        .map(|p| (p["file"].as_str(), p["cell"].as_str(), p["detail"].as_str()))
        .collect();
    assert_eq!(totals, [("snoiv.xlsx", "D7", "5"), ("snv.xlsx", "F7", "45,5")]);
    let rows = env.csv(2024, "rows.csv");
    let results: Vec<&str> = rows.iter().filter(|r| r["agency_code"] == "SNOIV").map(|r| r["result"].as_str()).collect();
    assert_eq!(results, ["2", "3"]);
}

/// A table with no task column from an agency the plan gives one task (a district): its
/// rows are that task's, each with a finding that says so; from an agency given several,
/// they name no task still. Before 0.10.0 the district's rows were `task_missing` and its
/// one task showed as not reported.
#[test]
fn rows_naming_no_task_are_the_agency_s_only_task() {
    let env = Env::new();
    let header = ["STT", "Nội dung công việc", "Kết quả thực hiện", "Tình trạng"];
    let rows: &[&[&str]] = &[&["1", "Tuyên truyền trên Đài truyền thanh huyện", "45 tin bài", "Hoàn thành"]];
    for (file, agency) in [("luc-nam.xlsx", "UBND huyện Lục Nam"), ("snv.xlsx", "Sở Ngoại vụ")] {
        let agency = format!("Đơn vị báo cáo: {agency}");
        write_report(&env.year_dir(2024).join(file), &[&agency, "Ngày báo cáo: 15/10/2024"], &header, rows);
    }
    // Words of the district's own in the task column, no task of the plan: its task too;
    // not a task's number the plan has not.
    write_report(
        &env.year_dir(2024).join("yen-the.xlsx"),
        &["Đơn vị báo cáo: UBND huyện Yên Thế", "Ngày báo cáo: 15/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả thực hiện", "Tình trạng"],
        &[
            &["1", "Công tác tuyên truyền", "Treo băng rôn", "20 băng rôn", "Hoàn thành"],
            &["2", "Nhiệm vụ 25", "Đón đoàn", "1 đoàn", "Hoàn thành"],
        ],
    );
    env.run_year(2024, &[]);
    assert_eq!(
        pick(&env.csv(2024, "rows.csv"), ["agency_code", "task_code", "role", "flags"]),
        [
            ["HLUCNAM", "IV.11", "lead", "task_only_one"],
            ["SNV", "", "unassigned", "task_missing"],
            ["HYENTHE", "IV.11", "lead", "task_only_one"],
            ["HYENTHE", "", "unassigned", "task_unknown"]
        ]
    );
    let problems = env.csv(2024, "problems.csv");
    let only: Vec<&str> = problems.iter().filter(|p| p["kind"] == "task_only_one").map(|p| p["detail"].as_str()).collect();
    assert_eq!(only, ["IV.11", "Công tác tuyên truyền → IV.11"]);
    let coverage = env.csv(2024, "coverage.csv");
    let luc_nam: Vec<&str> = coverage.iter().filter(|c| c["agency_code"] == "HLUCNAM").map(|c| c["reported"].as_str()).collect();
    assert_eq!(luc_nam, ["true"]);
}

/// The money of each source in a column of its own under one header row ("Ngân sách tỉnh |
/// Xã hội hóa"): added up; after a total ("Tổng kinh phí | NSNN | XHH"), read where the
/// total is blank. Before 0.10.0 the first source alone was the budget, the others in the note.
#[test]
fn a_budget_split_by_source_in_columns_side_by_side_is_added_up() {
    let env = Env::new();
    let report = |file: &str, agency: &str, header: &[&str], rows: &[&[&str]]| {
        let agency = format!("Đơn vị báo cáo: {agency}");
        write_report(&env.year_dir(2024).join(file), &[&agency, "Ngày báo cáo: 20/10/2024"], header, rows);
    };
    report(
        "snv.xlsx",
        "Sở Ngoại vụ",
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Tình trạng", "Ngân sách tỉnh (triệu đồng)", "Xã hội hóa (triệu đồng)"],
        &[&["1", "NV1", "Hội nghị quán triệt", "Hoàn thành", "30", "20"], &["2", "NV2", "Rà soát quy chế", "Hoàn thành", "", "5"]],
    );
    report(
        "svhttdl.xlsx",
        "Sở Văn hóa, Thể thao và Du lịch",
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Tình trạng", "Tổng kinh phí (triệu đồng)", "NSNN", "XHH"],
        &[&["1", "NV5", "Triển lãm ảnh", "Hoàn thành", "100", "60", "40"], &["2", "NV7", "Tu bổ di tích", "Hoàn thành", "", "70", "10"]],
    );
    env.run_year(2024, &[]);
    assert_eq!(
        pick(&env.csv(2024, "rows.csv"), ["agency_code", "activity", "budget_million_vnd", "note"]),
        [
            ["SNV", "Hội nghị quán triệt", "50.0", ""],
            ["SNV", "Rà soát quy chế", "5.0", ""],
            ["SVHTTDL", "Triển lãm ảnh", "100.0", ""],
            ["SVHTTDL", "Tu bổ di tích", "80.0", ""],
        ]
    );
}

#[test]
fn a_count_and_its_unit_are_the_result() {
    let env = Env::new();
    let date = "Ngày báo cáo: 20/10/2024";
    let report = |file: &str, agency: &str, header: &[&str], rows: &[&[&str]]| {
        let agency = format!("Đơn vị báo cáo: {agency}");
        write_report(&env.year_dir(2024).join(file), &[&agency, date], header, rows);
    };
    report(
        "snv.xlsx",
        "Sở Ngoại vụ",
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Đơn vị tính", "Số lượng", "Tình trạng"],
        &[
            &["1", "NV1", "Hội nghị quán triệt", "Hội nghị", "2", "Hoàn thành"],
            &["2", "NV2", "Rà soát quy chế", "Văn bản", "", "Đang thực hiện"],
        ],
    );
    report(
        "svhttdl.xlsx",
        "Sở Văn hóa, Thể thao và Du lịch",
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "ĐVT", "Kết quả", "Tình trạng"],
        &[
            &["1", "NV5", "Triển lãm ảnh", "Ảnh", "60", "Hoàn thành"],
            &["2", "NV7", "Tu bổ di tích", "Di tích", "Đã tu bổ 2 di tích", "Hoàn thành"],
        ],
    );
    let group = grid(&[
        &["Đơn vị báo cáo: Sở Công Thương"],
        &[date],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả thực hiện", "", "Tình trạng"],
        &["", "", "", "Số lượng", "Đơn vị tính", ""],
        &["1", "IV.4", "Hội chợ trái cây", "200", "gian hàng", "Hoàn thành"],
    ]);
    write_sheets(&env.year_dir(2024).join("sct.xlsx"), &[("Báo cáo", group)]);
    // A unit for the count and another for the money, each after its column.
    report(
        "skhcn.xlsx",
        "Sở Khoa học và Công nghệ",
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Số lượng", "ĐVT", "Kinh phí", "ĐVT", "Tình trạng"],
        &[&["1", "NV5", "Hội thảo khoa học", "1", "hội thảo", "30000000", "đồng", "Hoàn thành"]],
    );
    // What was achieved of a target.
    report(
        "stttt.xlsx",
        "Sở Thông tin và Truyền thông",
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Chỉ tiêu", "Thực hiện", "Tình trạng"],
        &[&["1", "IV.3", "Tin bài đối ngoại", "100", "120", "Hoàn thành"]],
    );
    env.run_year(2024, &[]);
    assert_eq!(
        pick(&env.csv(2024, "rows.csv"), ["agency_code", "result", "budget_million_vnd", "note"]),
        [
            ["SCT", "200 gian hàng", "", ""],
            ["SKHCN", "1 hội thảo", "30.0", ""],
            ["SNV", "2 Hội nghị", "", ""],
            // (No count: the unit stays in the note, after its header.)
            ["SNV", "", "", "Đơn vị tính: Văn bản"],
            ["STTTT", "120", "", "Chỉ tiêu: 100"],
            ["SVHTTDL", "60 Ảnh", "", ""],
            ["SVHTTDL", "Đã tu bổ 2 di tích", "", "ĐVT: Di tích"],
        ]
    );
}

/// A task's title shortened in the task column: where its words open one task's title and
/// are all in another's, the one the plan gives the agency (Bắc Giang's section IV restates
/// section II's tasks for each agency: "Tuyên truyền, nâng cao nhận thức về ngoại giao văn
/// hóa" opens the Fatherland Front's IV.12 and is Sở Ngoại vụ's NV1 shortened); where its
/// words are some of one title's, not its first, that task. Before 0.9.0 Sở Ngoại vụ's row
/// was IV.12, `unassigned` (its NV1 not reported), and the others `task_unknown`.
#[test]
fn a_task_s_title_shortened_is_the_agency_s_own_task() {
    let env = Env::new();
    let header = ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"];
    let report = |file: &str, agency: &str, task: &str| {
        let agency = format!("Đơn vị báo cáo: {agency}");
        write_report(
            &env.year_dir(2024).join(file),
            &[&agency, "Ngày báo cáo: 20/10/2024"],
            &header,
            &[&["1", task, "Hội nghị", "Xong", "Hoàn thành"]],
        );
    };
    let opening = "Tuyên truyền, nâng cao nhận thức về ngoại giao văn hóa";
    report("snv.xlsx", "Sở Ngoại vụ", opening);
    report("mttq.xlsx", "Ủy ban MTTQ tỉnh", opening);
    report("stttt.xlsx", "Sở Thông tin và Truyền thông", "Quảng bá hình ảnh tỉnh Bắc Giang ra nước ngoài");
    // In NV6's title and IV.3's, neither of them Sở Công Thương's: flagged, not guessed.
    report("sct.xlsx", "Sở Công Thương", "Quảng bá hình ảnh Bắc Giang");
    env.run_year(2024, &[]);
    assert_eq!(
        pick(&env.csv(2024, "rows.csv"), ["agency_code", "task_code", "role", "flags"]),
        [
            ["UBMTTQ", "IV.12", "lead", ""],
            ["SCT", "", "unassigned", "task_ambiguous"],
            ["SNV", "NV1", "lead", ""],
            ["STTTT", "IV.3", "lead", ""]
        ]
    );
}

#[test]
fn a_table_saved_as_text_by_excel_is_read() {
    // Excel's "CSV (Comma delimited)" on a Vietnamese Windows: the code page Windows-1258,
    // its tones as marks after their letters, ";" between cells and "," in numbers.
    fn cp1258(text: &str) -> Vec<u8> {
        use unicode_normalization::{char as uc, UnicodeNormalization};
        let mut out: Vec<char> = Vec::new();
        for c in text.nfd() {
            let base = out.iter().rposition(|b| !uc::is_combining_mark(*b));
            match base.and_then(|i| uc::compose(out[i], c).filter(|_| matches!(c, '\u{302}' | '\u{306}' | '\u{31b}')).map(|k| (i, k))) {
                Some((i, composed)) => out[i] = composed,
                None => out.push(c),
            }
        }
        encoding_rs::WINDOWS_1258.encode(&out.into_iter().collect::<String>()).0.into_owned()
    }
    let env = Env::new();
    let dir = env.year_dir(2024);
    std::fs::create_dir_all(&dir).unwrap();
    let csv = "Đơn vị báo cáo: Sở Ngoại vụ\r\nNgày báo cáo: 20/10/2024\r\n\r\n\
               STT;Nhiệm vụ;Nội dung hoạt động;Kết quả;Tình trạng;Kinh phí (triệu đồng)\r\n\
               1;NV1;Hội nghị quán triệt;120 đại biểu;Hoàn thành;30,5\r\n\
               2;NV2;\"Rà soát; ban hành quy chế\";Xong;Hoàn thành;\r\n";
    std::fs::write(dir.join("snv.csv"), cp1258(csv)).unwrap();
    // "Unicode Text": UTF-16 with its mark, cells between tabs.
    let txt = "Đơn vị báo cáo: Sở Văn hóa, Thể thao và Du lịch\r\nNgày báo cáo: 21/10/2024\r\n\
               STT\tNhiệm vụ\tNội dung hoạt động\tKết quả\tTình trạng\r\n1\tNV5\tTriển lãm ảnh\t60 ảnh\tHoàn thành\r\n";
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(txt.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    std::fs::write(dir.join("svhttdl.txt"), utf16).unwrap();
    // A note sent beside a report is no table: not a spreadsheet, as before.
    std::fs::write(dir.join("sct ghi chu.txt"), "Kính gửi Sở Ngoại vụ,\nSở Công Thương gửi kèm báo cáo, đề nghị tổng hợp.\n").unwrap();
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    assert_eq!(
        pick(&rows, ["file", "agency_code", "task_code", "activity", "result", "budget_million_vnd"]),
        [
            ["snv.csv", "SNV", "NV1", "Hội nghị quán triệt", "120 đại biểu", "30.5"],
            ["snv.csv", "SNV", "NV2", "Rà soát; ban hành quy chế", "Xong", ""],
            ["svhttdl.txt", "SVHTTDL", "NV5", "Triển lãm ảnh", "60 ảnh", ""],
        ]
    );
    let files = env.csv(2024, "files.csv");
    let outcome =
        |f: &str| files.iter().find(|r| r["file"] == f).map(|r| (r["outcome"].clone(), r["reason_code"].clone(), r["report_date"].clone()));
    assert_eq!(outcome("snv.csv"), Some(("accepted".into(), "".into(), "2024-10-20".into())));
    assert_eq!(outcome("svhttdl.txt"), Some(("accepted".into(), "".into(), "2024-10-21".into())));
    assert_eq!(outcome("sct ghi chu.txt"), Some(("skipped".into(), "not_spreadsheet".into(), "".into())));
}

#[test]
fn an_activity_for_several_tasks_is_listed_once_and_reports_on_each() {
    let env = Env::new();
    // Sở Ngoại vụ leads NV1, NV2, NV4 and NV6; NV5 and NV7 it is a partner in, NV8 too.
    write_report(
        &env.year_dir(2024).join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)"],
        &[&["1", "NV6, NV1", "Hội nghị quảng bá", "Xong", "Hoàn thành", "50"], &["2", "NV2", "Rà soát quy chế", "Xong", "Hoàn thành", ""]],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str, &str)> =
        rows.iter().map(|r| (r["task_code"].as_str(), r["budget_million_vnd"].as_str(), r["note"].as_str())).collect();
    assert_eq!(got, [("NV1", "50.0", "Cũng thuộc nhiệm vụ: NV6"), ("NV2", "", "")]);
    let coverage = env.csv(2024, "coverage.csv");
    let reported: Vec<&str> =
        coverage.iter().filter(|c| c["agency_code"] == "SNV" && c["reported"] == "true").map(|c| c["task_code"].as_str()).collect();
    assert_eq!(reported, ["NV1", "NV2", "NV6"]);
    let problems = env.csv(2024, "problems.csv");
    let several = problems.iter().find(|p| p["kind"] == "task_several").unwrap();
    assert_eq!((several["cell"].as_str(), several["detail"].as_str()), ("B5", "NV6, NV1 → NV1"));
}

#[test]
fn zeros_and_dashes_stand_for_nothing() {
    let env = Env::new();
    // A template's budget formula filled down the column gives its unused rows a zero; a
    // clerk marks "none" with a dash; a task's row of dashes, or "Không phát sinh", says
    // nothing was done on it.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let lines: &[&[&str]] = &[
        &["Đơn vị báo cáo: Sở Ngoại vụ"],
        &["Ngày báo cáo: 20/10/2024"],
        &[],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)", "Khó khăn", "Ghi chú"],
        &["1", "NV1", "Hội nghị quảng bá", "300 đại biểu", "Hoàn thành", "", "Thiếu phiên dịch", "-"],
        &["2", "NV4", "-", "-", "-", "", "-", ""],
        &["3", "NV6", "Không phát sinh", "", "", "", "Không có khó khăn, vướng mắc", ""],
        &["4", "NV2", "Rà soát quy chế", "Sửa đổi 2 văn bản và bãi bỏ 1", "-", "", "…", ""],
        // A task the form lists with its budget formula's zero, nothing written: not reported.
        &["5", "NV7", "", "", "", "0", "", ""],
        &["", "", "-", "-", "-", "", "-", "-"],
        &["", "", "", "", "", "", "", "-"],
    ];
    for (r, line) in lines.iter().enumerate() {
        for (c, v) in line.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    ws.write_number(4, 5, 50.0).unwrap();
    // Zeros down to row 2,000, numbered to row 20, as the formula left them.
    for r in 6..2000u32 {
        if r >= 8 {
            ws.write_number(r, 5, 0.0).unwrap();
        }
        if (8..20).contains(&r) {
            ws.write_number(r, 0, f64::from(r - 3)).unwrap();
        }
    }
    std::fs::create_dir_all(env.year_dir(2024)).unwrap();
    wb.save(env.year_dir(2024).join("snv.xlsx")).unwrap();
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str, &str, &str, &str)> = rows
        .iter()
        .map(|r| (r["task_code"].as_str(), r["activity"].as_str(), r["status"].as_str(), r["difficulties"].as_str(), r["note"].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("NV1", "Hội nghị quảng bá", "done", "Thiếu phiên dịch", ""),
            ("NV4", "'-", "not_started", "", ""),
            ("NV6", "Không phát sinh", "not_started", "", ""),
            ("NV2", "Rà soát quy chế", "unknown", "", ""),
        ]
    );
    let problems = env.csv(2024, "problems.csv");
    let kinds: Vec<(&str, &str)> = problems.iter().map(|p| (p["cell"].as_str(), p["kind"].as_str())).collect();
    assert_eq!(kinds, [("E8", "status_missing")]);
    let files = env.csv(2024, "files.csv");
    assert_eq!((files[0]["rows_read"].as_str(), files[0]["rows_accepted"].as_str()), ("4", "4"));
    let coverage = env.csv(2024, "coverage.csv");
    let reported = |task: &str| coverage.iter().find(|c| c["agency_code"] == "SNV" && c["task_code"] == task).unwrap()["reported"].clone();
    assert_eq!([reported("NV4"), reported("NV6"), reported("NV7")], ["true", "true", "false"]);
    // Only a difficulty that is one is listed: not "-", "…" nor "Không có khó khăn".
    let listed: Vec<String> = sheet(&env.workbook(2024), "Khó khăn, kiến nghị").into_iter().skip(4).map(|r| r[3].clone()).collect();
    assert_eq!(listed, ["Thiếu phiên dịch"]);
}

#[test]
fn a_cell_typed_far_from_the_table_is_listed_and_the_report_read() {
    let env = Env::new();
    // One cell in the sheet's last row and column: a grid of every cell would be 17 billion
    // cells, and the file was skipped as the reader ran out of memory.
    let mut cells = grid(&[
        &["Đơn vị báo cáo: Sở Ngoại vụ"],
        &["Ngày báo cáo: 20/10/2024"],
        &[],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
        &["1", "NV1", "Hội nghị quảng bá", "300 đại biểu", "Hoàn thành"],
    ]);
    cells.resize(1_048_576, Vec::new());
    cells[1_048_575] = vec![String::new(); 16_383];
    cells[1_048_575].push("x".into());
    write_sheets(&env.year_dir(2024).join("snv.xlsx"), &[("Báo cáo", cells)]);
    env.run_year(2024, &[]);
    let files = env.csv(2024, "files.csv");
    assert_eq!((files[0]["outcome"].as_str(), files[0]["rows_accepted"].as_str()), ("accepted", "1"), "{files:?}");
    let problems = env.csv(2024, "problems.csv");
    let far: Vec<(&str, &str)> =
        problems.iter().filter(|p| p["kind"] == "cells_far_away").map(|p| (p["cell"].as_str(), p["detail"].as_str())).collect();
    assert_eq!(far, [("XFD1048576", "1; \"x\"")]);
}

#[test]
fn a_sheet_of_the_money_alone_gives_the_report_s_activities_their_amounts() {
    let env = Env::new();
    let report = grid(&[
        &["Đơn vị báo cáo: Sở Ngoại vụ"],
        &["Ngày báo cáo: 20/10/2024"],
        &[],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
        &["1", "NV1", "Hội nghị quán triệt", "200 đại biểu", "Hoàn thành"],
        &["2", "NV5", "Đón đoàn Hàn Quốc", "Đã đón", "Hoàn thành"],
    ]);
    let money = grid(&[
        &["STT", "Nội dung", "Số tiền (triệu đồng)"],
        &["1", "Hội nghị quán triệt", "20"],
        &["2", "Đón đoàn Hàn Quốc", "35"],
        // One the report's table does not have: an activity of its own, as before.
        &["3", "In tờ gấp", "5"],
    ]);
    write_sheets(&env.year_dir(2024).join("snv.xlsx"), &[("Báo cáo", report), ("Kinh phí", money)]);
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str, &str)> =
        rows.iter().map(|r| (r["sheet"].as_str(), r["activity"].as_str(), r["budget_million_vnd"].as_str())).collect();
    assert_eq!(
        got,
        [("Báo cáo", "Hội nghị quán triệt", "20.0"), ("Báo cáo", "Đón đoàn Hàn Quốc", "35.0"), ("Kinh phí", "In tờ gấp", "5.0")]
    );
    assert_eq!(rows[0]["note"], "Kinh phí ghi ở: trang Kinh phí, dòng 2");
    // Shown in the workbook's notes, beside the amount.
    let acts = sheet(&env.workbook(2024), "Hoạt động");
    assert_eq!(row_with(&acts, "Hội nghị quán triệt")[7], "Kinh phí ghi ở: trang Kinh phí, dòng 2");
    let problems = env.csv(2024, "problems.csv");
    let found: Vec<(&str, &str, &str)> = problems.iter().map(|p| (p["kind"].as_str(), p["cell"].as_str(), p["detail"].as_str())).collect();
    assert!(found.contains(&("budget_joined", "A2", "Báo cáo!5")), "{found:?}");
    assert!(found.contains(&("task_missing", "A4", "")), "{found:?}");
    assert!(!found.contains(&("task_missing", "A2", "")), "{found:?}");
    let files = env.csv(2024, "files.csv");
    assert_eq!((files[0]["rows_read"].as_str(), files[0]["rows_accepted"].as_str()), ("5", "3"));
}

#[test]
fn a_report_dated_months_after_the_day_checked_was_misdated() {
    let env = Env::new();
    let table = |name: &str, agency: &str, date: &str| {
        write_report(
            &env.year_dir(2024).join(name),
            &[&format!("Đơn vị báo cáo: {agency}"), &format!("Ngày báo cáo: {date}")],
            &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
            &[&["1", "NV1", "Hội nghị", "Xong", "Hoàn thành"]],
        );
    };
    // A slip of the year; a day no slip of the year explains; one dated ahead, to the deadline.
    table("snv.xlsx", "Sở Ngoại vụ", "20/10/2025");
    table("stp.xlsx", "Sở Văn hóa, Thể thao và Du lịch", "25/03/2025");
    table("sct.xlsx", "Sở Công Thương", "25/10/2024");
    env.run_year(2024, &["--as-of", "2024-10-01"]);
    let completeness = env.csv(2024, "completeness.csv");
    let received = |code: &str| completeness.iter().find(|c| c["agency_code"] == code).unwrap()["received_date"].clone();
    assert_eq!([received("SNV"), received("SVHTTDL"), received("SCT")], ["2024-10-20", "", "2024-10-25"]);
    let problems = env.csv(2024, "problems.csv");
    let found: Vec<(&str, &str)> =
        problems.iter().filter(|p| p["kind"].starts_with("date")).map(|p| (p["file"].as_str(), p["kind"].as_str())).collect();
    assert_eq!(found, [("snv.xlsx", "date_guessed"), ("stp.xlsx", "date_future")]);
}

#[test]
fn a_date_line_with_its_day_left_blank_decides_by_its_month_where_it_can() {
    let env = Env::new();
    let table = |name: &str, agency: &str, date_line: &str| {
        write_report(
            &env.year_dir(2024).join(name),
            &[&format!("Đơn vị báo cáo: {agency}"), date_line],
            &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
            &[&["1", "NV1", "Hội nghị", "Xong", "Hoàn thành"]],
        );
    };
    // The day to be written by hand at the signing: on time in September, late in
    // November (by at least the days to the 1st), undecided in the deadline's month.
    table("snv.xlsx", "Sở Ngoại vụ", "Bắc Giang, ngày      tháng 9 năm 2024");
    table("svh.xlsx", "Sở Văn hóa, Thể thao và Du lịch", "Bắc Giang, ngày …/11/2024");
    table("sct.xlsx", "Sở Công Thương", "Bắc Giang, ngày …… tháng 10 năm 2024");
    table("stc.xlsx", "Sở Tài chính", "Bắc Giang, ngày …… tháng …… năm 2024");
    // The day's place left as spaces before the month in figures.
    table("sgd.xlsx", "Sở Giáo dục và Đào tạo", "Bắc Giang, ngày    /11/2024");
    env.run_year(2024, &["--as-of", "2024-11-20"]);
    let completeness = env.csv(2024, "completeness.csv");
    let of = |code: &str| {
        let c = completeness.iter().find(|c| c["agency_code"] == code).unwrap();
        (c["received_date"].clone(), c["days_late"].clone(), c["verdict"].clone())
    };
    assert_eq!(of("SNV"), ("2024-09-30".into(), "0".into(), "on_time".into()));
    assert_eq!(of("SVHTTDL"), ("2024-11-01".into(), "7".into(), "late".into()));
    assert_eq!(of("SCT"), ("".into(), "".into(), "undated".into()));
    assert_eq!(of("STC"), ("".into(), "".into(), "undated".into()));
    assert_eq!(of("SGDDT"), ("2024-11-01".into(), "7".into(), "late".into()));
    let problems = env.csv(2024, "problems.csv");
    let found: Vec<(&str, &str, &str)> = problems
        .iter()
        .filter(|p| p["kind"].starts_with("date"))
        .map(|p| (p["file"].as_str(), p["kind"].as_str(), p["cell"].as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("sct.xlsx", "date_partial", "A2"),
            ("sgd.xlsx", "date_partial", "A2"),
            ("snv.xlsx", "date_partial", "A2"),
            ("stc.xlsx", "date_missing", ""),
            ("svh.xlsx", "date_partial", "A2")
        ]
    );
    let late = problems.iter().find(|p| p["file"] == "svh.xlsx" && p["kind"] == "date_partial").unwrap();
    assert!(late["message"].contains("muộn ít nhất 7 ngày"), "{}", late["message"]);
    // The workbook says the month the report gives, and "at least" of the days late.
    let sent = sheet(&env.workbook(2024), "Tình hình nộp");
    let snv = row_with(&sent, "Sở Ngoại vụ");
    let svh = row_with(&sent, "Sở Văn hóa, Thể thao và Du lịch");
    assert_eq!((snv[3].as_str(), snv[4].as_str()), ("tháng 09/2024", ""));
    assert_eq!((svh[3].as_str(), svh[4].as_str()), ("tháng 11/2024", "≥ 7"));
    // So does `check`.
    let out = env.run(&["check", "--plan", "inputs/plans/bac-giang.toml", "--year", "2024", "--as-of", "2024-11-20"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Nộp muộn, muộn ít nhất 7 ngày (chỉ ghi tháng)"));
}

#[test]
fn a_district_s_report_is_known_by_its_place_name_alone_in_its_file_s_name() {
    let env = Env::new();
    // No "Đơn vị báo cáo" line: the sender only in the file's name, or its folder's.
    for (name, rows) in [("Luc Ngan.xlsx", "Hội nghị"), ("Sơn Động/bao-cao.xlsx", "Triển lãm"), ("Bắc Giang.xlsx", "Hội thảo")]
    {
        write_report(
            &env.year_dir(2024).join(name),
            &["Ngày báo cáo: 20/10/2024"],
            &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
            &[&["1", "NV6", rows, "Xong", "Hoàn thành"]],
        );
    }
    env.run_year(2024, &["--as-of", "2024-11-20"]);
    let files = env.csv(2024, "files.csv");
    let got: Vec<(&str, &str, &str)> =
        files.iter().map(|f| (f["file"].as_str(), f["agency_code"].as_str(), f["reason_code"].as_str())).collect();
    // "Bắc Giang" is the province's name, and in the town's and the newspaper's: no one's.
    assert_eq!(
        got,
        [("Bắc Giang.xlsx", "", "agency_unknown"), ("Luc Ngan.xlsx", "HLUCNGAN", ""), ("Sơn Động/bao-cao.xlsx", "HSONDONG", "")]
    );
}

#[test]
fn a_row_of_another_year_in_a_table_kept_over_years_is_listed_not_consolidated() {
    let env = Env::new();
    write_report(
        &env.year_dir(2024).join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Năm", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
        &[
            &["1", "NV1", "2023", "Hội nghị năm trước", "300 đại biểu", "Hoàn thành"],
            &["2", "NV1", "2024", "Hội nghị năm nay", "400 đại biểu", "Hoàn thành"],
            &["3", "NV2", "", "Rà soát quy chế", "Xong", "Hoàn thành"],
        ],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str)> = rows.iter().map(|r| (r["activity"].as_str(), r["note"].as_str())).collect();
    assert_eq!(got, [("Hội nghị năm nay", ""), ("Rà soát quy chế", "")]);
    let problems = env.csv(2024, "problems.csv");
    let other: Vec<(&str, &str)> =
        problems.iter().filter(|p| p["kind"] == "row_other_year").map(|p| (p["cell"].as_str(), p["detail"].as_str())).collect();
    assert_eq!(other, [("C5", "2023: NV1 | Hội nghị năm trước | 300 đại biểu | Hoàn thành")]);
    let files = env.csv(2024, "files.csv");
    assert_eq!((files[0]["rows_read"].as_str(), files[0]["rows_accepted"].as_str()), ("3", "2"));
}

#[test]
fn a_form_sent_back_with_only_its_activities_names_is_said_to_be_so() {
    let env = Env::new();
    let header = ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)"];
    // Every result and status blank: the form as the department sent it, its planned
    // activities named.
    write_report(
        &env.year_dir(2024).join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &header,
        &[&["1", "NV1", "Hội nghị quán triệt", "", "", ""], &["2", "NV2", "Rà soát quy chế", "", "", ""]],
    );
    // One result given: a report, terse.
    write_report(
        &env.year_dir(2024).join("sct.xlsx"),
        &["Đơn vị báo cáo: Sở Công Thương", "Ngày báo cáo: 20/10/2024"],
        &header,
        &[&["1", "IV.4", "Hội chợ trái cây", "5 gian hàng", "", ""], &["2", "IV.4", "Xúc tiến thương mại", "", "", ""]],
    );
    env.run_year(2024, &[]);
    let problems = env.csv(2024, "problems.csv");
    let blank: Vec<(&str, &str)> =
        problems.iter().filter(|p| p["kind"] == "results_blank").map(|p| (p["file"].as_str(), p["detail"].as_str())).collect();
    assert_eq!(blank, [("snv.xlsx", "2")]);
    // Its rows are kept: what they name is listed, and asked about.
    assert_eq!(env.csv(2024, "rows.csv").len(), 4);
}

#[test]
fn a_report_with_no_date_in_it_is_dated_by_its_file_s_name() {
    let env = Env::new();
    let table = |name: &str, agency: &str| {
        write_report(
            &env.year_dir(2024).join(name),
            &[&format!("Đơn vị báo cáo: {agency}")],
            &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
            &[&["1", "NV1", "Hội nghị", "Xong", "Hoàn thành"]],
        );
    };
    table("BC_NGVH_28.10.2024.xlsx", "Sở Ngoại vụ");
    table("BaoCao_20241020.xlsx", "Sở Công Thương");
    table("bao-cao-2024.xlsx", "Sở Tài chính");
    env.run_year(2024, &["--as-of", "2024-11-20"]);
    let completeness = env.csv(2024, "completeness.csv");
    let of = |code: &str| {
        let c = completeness.iter().find(|c| c["agency_code"] == code).unwrap();
        (c["received_date"].clone(), c["verdict"].clone())
    };
    assert_eq!(of("SNV"), ("2024-10-28".into(), "late".into()));
    assert_eq!(of("SCT"), ("2024-10-20".into(), "on_time".into()));
    assert_eq!(of("STC"), ("".into(), "undated".into()));
    let problems = env.csv(2024, "problems.csv");
    let found: Vec<(&str, &str, &str)> = problems
        .iter()
        .filter(|p| p["kind"].starts_with("date"))
        .map(|p| (p["file"].as_str(), p["kind"].as_str(), p["detail"].as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("BC_NGVH_28.10.2024.xlsx", "date_from_name", "BC_NGVH_28.10.2024.xlsx → 28/10/2024"),
            ("BaoCao_20241020.xlsx", "date_from_name", "BaoCao_20241020.xlsx → 20/10/2024"),
            ("bao-cao-2024.xlsx", "date_missing", "")
        ]
    );
}

#[test]
fn a_form_s_own_ways_of_giving_the_status_are_read() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    let table = |name: &str, agency: &str, header: &[&str], rows: &[&[&str]]| {
        write_report(&dir.join(name), &[&format!("Đơn vị báo cáo: {agency}"), "Ngày báo cáo: 20/10/2024"], header, rows);
    };
    // Codes the header gives.
    table(
        "snv.xlsx",
        "Sở Ngoại vụ",
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng (1: Hoàn thành; 2: Đang thực hiện; 3: Chưa thực hiện)"],
        &[&["1", "NV1", "Hội nghị quán triệt", "200 đại biểu", "1"], &["2", "NV2", "Rà soát quy chế", "", "3"]],
    );
    // What was done and what was not, written in the tick boxes' columns.
    table(
        "svhttdl.xlsx",
        "Sở Văn hóa, Thể thao và Du lịch",
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Hoàn thành", "Chưa hoàn thành"],
        &[&["1", "NV3", "Tập huấn hướng dẫn viên", "Đã mở 2 lớp", ""], &["2", "NV5", "Liên hoan ẩm thực", "", "Còn 1 đợt"]],
    );
    // One column asking whether it was done, answered yes or no: "Không" and "Chưa" were
    // read as done from the header's words, or not at all.
    table(
        "sct.xlsx",
        "Sở Công Thương",
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Hoàn thành (Có/Không)"],
        &[
            &["1", "IV.4", "Hội chợ trái cây", "5 gian hàng", "Có"],
            &["2", "IV.4", "Danh mục sản vật", "Dự thảo", "Không"],
            &["3", "IV.4", "Xúc tiến thương mại", "2 đoàn", "Chưa"],
            &["4", "IV.4", "Quà tặng đối tác", "20 bộ", "Rồi"],
        ],
    );
    // The day it was done in the box, as an Excel date: marked, and the day kept.
    let path = dir.join("stttt.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, line) in ["Đơn vị báo cáo: Sở Thông tin và Truyền thông", "Ngày báo cáo: 20/10/2024"].iter().enumerate() {
        ws.write_string(r as u32, 0, *line).unwrap();
    }
    for (c, h) in ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Hoàn thành"].iter().enumerate() {
        ws.write_string(3, c as u16, *h).unwrap();
    }
    for (c, v) in ["1", "NV1", "Tọa đàm báo chí", "30 phóng viên"].iter().enumerate() {
        ws.write_string(4, c as u16, *v).unwrap();
    }
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    ws.write_datetime_with_format(4, 4, rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 6, 15).unwrap(), &date).unwrap();
    wb.save(&path).unwrap();
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let read: Vec<(&str, &str, &str)> = rows.iter().map(|r| (r["activity"].as_str(), r["result"].as_str(), r["status"].as_str())).collect();
    for want in [
        ("Hội nghị quán triệt", "200 đại biểu", "done"),
        ("Rà soát quy chế", "", "not_started"),
        ("Tập huấn hướng dẫn viên", "Đã mở 2 lớp", "done"),
        ("Liên hoan ẩm thực", "Còn 1 đợt", "in_progress"),
        ("Tọa đàm báo chí", "30 phóng viên", "done"),
        ("Hội chợ trái cây", "5 gian hàng", "done"),
        ("Danh mục sản vật", "Dự thảo", "in_progress"),
        ("Xúc tiến thương mại", "2 đoàn", "in_progress"),
        ("Quà tặng đối tác", "20 bộ", "done"),
    ] {
        assert!(read.contains(&want), "{want:?} in {read:?}");
    }
    assert!(rows.iter().any(|r| r["note"] == "Hoàn thành: 15/06/2024"), "{rows:?}");
    assert!(env.csv(2024, "problems.csv").iter().all(|p| !p["kind"].starts_with("status")));
}

#[test]
fn words_in_the_role_or_number_column_that_name_no_role_or_number_are_kept_in_the_note() {
    let env = Env::new();
    write_report(
        &env.year_dir(2024).join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Vai trò", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
        &[
            &["1", "NV1", "Cơ quan chủ trì", "Hội nghị quán triệt", "200 đại biểu", "Hoàn thành"],
            &["2", "NV2", "Chủ động tham mưu", "Rà soát quy chế", "Xong", "Hoàn thành"],
            &["Quý III", "NV4", "", "Đón đoàn Hàn Quốc", "1 đoàn", "Hoàn thành"],
        ],
    );
    env.run_year(2024, &[]);
    let notes: Vec<String> = env.csv(2024, "rows.csv").iter().map(|r| r["note"].clone()).collect();
    assert_eq!(notes, ["", "Vai trò: Chủ động tham mưu", "STT: Quý III"]);
}

#[test]
fn a_register_kept_as_a_workbook_is_read_as_the_csv_is() {
    let env = Env::example(2024);
    let dir = env.year_dir(2024);
    // The department's register as a workbook, under a title: its dates as Excel dates, a
    // line it cannot read, an agency with no file.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    ws.write_string(0, 0, "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM 2024").unwrap();
    for (c, h) in ["Đơn vị", "Ngày nhận", "Số đến"].iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    ws.write_string(3, 0, "Sở Ngoại vụ").unwrap();
    ws.write_datetime_with_format(3, 1, rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 10, 24).unwrap(), &date).unwrap();
    ws.write_number(3, 2, 1234).unwrap();
    ws.write_string(4, 0, "Sở Tài chính").unwrap();
    ws.write_string(4, 1, "ngày 32/10/2024").unwrap();
    // A day and month typed with no year: the reporting year's, said so.
    ws.write_string(5, 0, "Báo Bắc Giang").unwrap();
    ws.write_string(5, 1, "28/10").unwrap();
    wb.save(dir.join("Receipts.xlsx")).unwrap();
    env.run_year(2024, &[]);
    let completeness = env.csv(2024, "completeness.csv");
    let snv = completeness.iter().find(|r| r["agency_code"] == "SNV").unwrap();
    // The register's day over the report's own (27/10): on time.
    assert_eq!((snv["received_date"].as_str(), snv["verdict"].as_str()), ("2024-10-24", "on_time"));
    let bbg = completeness.iter().find(|r| r["agency_code"] == "BBG").unwrap();
    assert_eq!((bbg["received_date"].as_str(), bbg["days_late"].as_str()), ("2024-10-28", "3"));
    let problems = env.csv(2024, "problems.csv");
    let p = problems.iter().find(|p| p["kind"] == "receipt_unreadable").unwrap();
    assert_eq!((p["file"].as_str(), p["cell"].as_str()), ("Receipts.xlsx", "A5"));
    let p = problems.iter().find(|p| p["kind"] == "date_guessed").unwrap();
    assert_eq!((p["file"].as_str(), p["cell"].as_str(), p["detail"].as_str()), ("Receipts.xlsx", "A6", "28/10 → 28/10/2024"));
    // It is the register, not a submission; the manifest records it as such.
    assert!(env.csv(2024, "files.csv").iter().all(|f| f["file"] != "Receipts.xlsx"));
    let manifest = std::fs::read_to_string(env.out_dir(2024).join("manifest.json")).unwrap();
    assert!(manifest.contains("\"path\": \"Receipts.xlsx\"") && manifest.contains("\"outcome\": \"register\""), "{manifest}");
}

#[test]
fn an_agency_that_sent_only_a_file_that_cannot_be_read_is_asked_to_send_it_again() {
    let env = Env::example(2024);
    let dir = env.year_dir(2024);
    // Sơn Động sends its report as a Word document; Sở Tài chính a PDF filed in its own
    // folder, logged in the register; Sở Ngoại vụ a broken copy beside its two workbooks.
    std::fs::write(dir.join("21_HSONDONG_bao-cao-2024.docx"), b"PK\x03\x04 not really a document").unwrap();
    std::fs::create_dir_all(dir.join("So Tai chinh")).unwrap();
    std::fs::write(dir.join("So Tai chinh/bao-cao.pdf"), b"%PDF-1.4\n").unwrap();
    std::fs::write(dir.join("receipts.csv"), "Đơn vị;Ngày nhận\nSở Tài chính;28/10/2024\n").unwrap();
    std::fs::write(dir.join("SNV bao cao (loi).xlsx"), b"PK\x03\x04 cut short").unwrap();
    let out = env.run_year(2024, &[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("0 chưa nộp, 2 gửi tệp không đọc được"), "{stdout}");

    let completeness = env.csv(2024, "completeness.csv");
    let by_code = |c: &str| completeness.iter().find(|r| r["agency_code"] == c).unwrap().clone();
    let cols = |r: &std::collections::BTreeMap<String, String>| {
        [r["submitted"].clone(), r["received_date"].clone(), r["days_late"].clone(), r["verdict"].clone()]
    };
    assert_eq!(cols(&by_code("HSONDONG")), ["false", "", "", "unreadable"]);
    // The register's day is kept: sent late, and unreadable.
    assert_eq!(cols(&by_code("STC")), ["false", "2024-10-28", "3", "unreadable"]);
    // An agency with a report read is not affected by a broken copy.
    assert_eq!(by_code("SNV")["verdict"], "late");
    let files = env.csv(2024, "files.csv");
    let file = |name: &str| files.iter().find(|r| r["file"] == name).unwrap_or_else(|| panic!("{name}")).clone();
    for (name, code) in
        [("21_HSONDONG_bao-cao-2024.docx", "HSONDONG"), ("So Tai chinh/bao-cao.pdf", "STC"), ("SNV bao cao (loi).xlsx", "SNV")]
    {
        assert_eq!([file(name)["outcome"].as_str(), file(name)["agency_code"].as_str()], ["skipped", code], "{name}");
    }
    // A letter whose name names no agency is no one's report; a lock file never is.
    assert_eq!(file("Cong-van-gui-kem.pdf")["agency_code"], "");
    assert_eq!(file("~$01_bao-cao.xlsx")["agency_code"], "");

    // The status sheet says what to do beside the file; the summary counts them apart.
    let grid = sheet(&env.workbook(2024), "Tình hình nộp");
    let sd = row_with(&grid, "UBND huyện Sơn Động");
    assert_eq!(sd[5], "Đã gửi, không đọc được: cần gửi lại");
    assert!(sd[6].starts_with("21_HSONDONG_bao-cao-2024.docx (không phải bảng tính (.docx)"), "{}", sd[6]);
    let summary = sheet(&env.workbook(2024), "Tổng hợp");
    assert_eq!(row_with(&summary, "Chưa nộp (quá hạn)")[1], "0");
    assert_eq!(row_with(&summary, "Đã gửi nhưng không đọc được (cần gửi lại)")[1], "2");
}

#[test]
fn before_the_deadline_a_missing_report_is_not_yet_due() {
    let env = Env::example(2024);
    let out = env.run(&["run", "--plan", "inputs/plans/bac-giang.toml", "--year", "2024", "--as-of", "2024-10-20"]);
    assert_ok(&out, &["run", "--as-of", "2024-10-20"]);
    let completeness = env.csv(2024, "completeness.csv");
    let stc = completeness.iter().find(|r| r["agency_code"] == "STC").unwrap();
    assert_eq!(stc["verdict"], "not_yet_due");
}

#[test]
fn pairs_reported_and_not() {
    let env = Env::example(2024);
    env.run_year(2024, &[]);
    let coverage = env.csv(2024, "coverage.csv");
    let pair = |a: &str, t: &str| {
        let r = coverage.iter().find(|r| r["agency_code"] == a && r["task_code"] == t).unwrap_or_else(|| panic!("{a}/{t}"));
        (r["role"].clone(), r["reported"].clone())
    };
    assert_eq!(pair("SNV", "NV1"), ("lead".into(), "true".into()));
    assert_eq!(pair("STC", "NV3"), ("partner".into(), "false".into()));
    assert_eq!(pair("HSONDONG", "IV.11"), ("lead".into(), "false".into()));
    // Both the newspaper and the broadcaster lead IV.8.
    assert_eq!(pair("DPTTH", "IV.8"), ("lead".into(), "true".into()));
    // Every assignment of a reporting agency is there once.
    assert_eq!(coverage.len(), 49);

    let matrix = sheet(&env.workbook(2024), "Ma trận nhiệm vụ");
    let header = &matrix[3];
    let col = |code: &str| header.iter().position(|h| h == code).unwrap();
    let stc = row_with(&matrix, "Sở Tài chính");
    assert_eq!(stc[col("NV3")], "Phối hợp");
    assert_eq!(stc[col("IV.7")], "Chủ trì");
    assert_eq!(stc.last().unwrap(), "0/2");
}

#[test]
fn rows_normalised_from_every_layout_and_tool() {
    let env = Env::example(2024);
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let row =
        |file: &str, n: &str| rows.iter().find(|r| r["file"] == file && r["row"] == n).unwrap_or_else(|| panic!("{file} row {n}")).clone();
    // openpyxl's file: "Đang triển khai", "15 triệu" in a millions column.
    let r = row("20_HLUCNGAN_bao-cao-2024.xlsx", "8");
    assert_eq!((r["status"].as_str(), r["budget_million_vnd"].as_str(), r["task_code"].as_str()), ("in_progress", "15.0", "IV.11"));
    assert_eq!(r["agency_as_written"], "UBND H. LỤC NGẠN");
    assert_eq!(r["report_date"], "2024-10-18");
    // "-" is zero, and "Chưa triển khai" not started.
    let r = row("20_HLUCNGAN_bao-cao-2024.xlsx", "9");
    assert_eq!((r["status"].as_str(), r["budget_million_vnd"].as_str()), ("not_started", "0.0"));
    // A budget written "40.000.000" under "Kinh phí (đồng)" is 40 million.
    let r = row("06_SKHDT_bao-cao-2024.xlsx", "11");
    assert_eq!((r["budget_million_vnd"].as_str(), r["task_as_written"].as_str(), r["task_code"].as_str()), ("40.0", "IV.6", "IV.6"));
    // LibreOffice's .xls and .ods are read like the rest.
    assert_eq!(row("05_SNNPTNT_bao-cao-2024.xls", "11")["task_code"], "IV.5");
    assert_eq!(row("12_DPTTH_bao-cao-2024.ods", "12")["budget_million_vnd"], "220.0");
    // Tick-box status under a two-row header, task as a Roman numeral merged down its rows.
    let tick: Vec<_> = rows.iter().filter(|r| r["file"] == "08_SNOIV_bao-cao-2024.xlsx").collect();
    assert!(tick.len() >= 2 && tick.iter().all(|r| r["status"] != "unknown" && !r["task_code"].is_empty()), "{tick:?}");
    // No totals row is an activity.
    assert!(rows.iter().all(|r| !r["activity"].to_lowercase().starts_with("tổng cộng") && r["activity"] != "Cộng"));
    // The activities sheet shows the row under its task.
    let acts = sheet(&env.workbook(2024), "Hoạt động");
    let r = row_with(&acts, "Quảng bá vùng cây ăn quả Lục Ngạn trên kênh đối ngoại của tỉnh");
    assert_eq!((r[5].as_str(), r[6].as_str()), ("Đang thực hiện", "15"));
}

#[test]
fn skipped_files_with_reasons_and_nothing_lost() {
    let env = Env::example(2024);
    env.run_year(2024, &[]);
    let files = env.csv(2024, "files.csv");
    let file = |name: &str| files.iter().find(|r| r["file"] == name).unwrap_or_else(|| panic!("{name}")).clone();
    let pdf = file("Cong-van-gui-kem.pdf");
    assert_eq!((pdf["outcome"].as_str(), pdf["reason_code"].as_str()), ("skipped", "not_spreadsheet"));
    assert!(pdf["reason"].contains(".pdf"), "{}", pdf["reason"]);
    assert_eq!(file("~$01_bao-cao.xlsx")["reason_code"], "lock_file");
    let first = file("01_SNV_bao-cao-2024_ban-dau.xlsx");
    assert_eq!((first["outcome"].as_str(), first["rows_accepted"].as_str()), ("superseded", "0"));
    assert_eq!(file("01_SNV_bao-cao-2024.xlsx")["outcome"], "accepted");

    // Rows read = rows accepted + rows rejected, and the accepted ones are in rows.csv.
    let sum = |col: &str| files.iter().map(|r| r[col].parse::<usize>().unwrap()).sum::<usize>();
    let (read, accepted) = (sum("rows_read"), sum("rows_accepted"));
    let rows = env.csv(2024, "rows.csv");
    assert_eq!(accepted, rows.len());
    let problems = env.csv(2024, "problems.csv");
    // A file not consolidated rejects its rows at once; totals and repeats count in the others.
    let accepted_file = |name: &str| files.iter().any(|f| f["file"] == name && f["outcome"] == "accepted");
    let totals = problems.iter().filter(|p| p["kind"] == "totals_row" && accepted_file(&p["file"])).count();
    let superseded_rows: usize =
        files.iter().filter(|f| f["outcome"] != "accepted").map(|f| f["rows_read"].parse::<usize>().unwrap()).sum();
    let duplicates = problems.iter().filter(|p| p["kind"] == "duplicate" && accepted_file(&p["file"])).count();
    assert_eq!(read, accepted + totals + superseded_rows + duplicates, "every row read is accepted or rejected with a reason");

    // The sources sheet shows the same, with its totals row.
    let src = sheet(&env.workbook(2024), "Nguồn dữ liệu");
    let pdf_row = row_with(&src, "Cong-van-gui-kem.pdf");
    assert_eq!(pdf_row[4], "Bỏ qua");
    let total = row_with(&src, "Cộng");
    assert_eq!((total[8].clone(), total[9].clone()), (read.to_string(), accepted.to_string()));
}

#[test]
fn totals_row_checked_against_its_rows() {
    let env = Env::example(2024);
    env.run_year(2024, &[]);
    let problems = env.csv(2024, "problems.csv");
    let mismatch: Vec<_> = problems.iter().filter(|p| p["kind"] == "totals_mismatch").collect();
    assert_eq!(mismatch.len(), 1, "{mismatch:?}");
    assert_eq!(
        (mismatch[0]["file"].as_str(), mismatch[0]["sheet"].as_str(), mismatch[0]["cell"].as_str()),
        ("20_HLUCNGAN_bao-cao-2024.xlsx", "BC NGVH", "G10")
    );
    assert!(mismatch[0]["detail"].contains("ghi 140") && mismatch[0]["detail"].contains("135"), "{}", mismatch[0]["detail"]);
    let grid = sheet(&env.workbook(2024), "Vấn đề dữ liệu");
    assert!(grid.iter().any(|r| r[3] == "G10" && r[4].contains("không khớp với tổng các dòng")), "{grid:?}");
}

#[test]
fn the_workbook_reviewed_cell_by_cell() {
    let env = Env::example(2024);
    env.run_year(2024, &[]);
    golden("bac-giang-2024.txt", &dump(&env.workbook(2024)));
}

#[test]
fn same_inputs_same_bytes() {
    let env = Env::example(2023);
    env.run_year(2023, &[]);
    let read = |n: &str| std::fs::read(env.out_dir(2023).join(n)).unwrap();
    let names = [
        "tong-hop-bac-giang-ngvh-2030-2023.xlsx",
        "rows.csv",
        "rows.parquet",
        "files.csv",
        "completeness.csv",
        "coverage.csv",
        "problems.csv",
        "manifest.json",
    ];
    let first: Vec<Vec<u8>> = names.iter().map(|n| read(n)).collect();
    env.run_year(2023, &[]);
    for (n, bytes) in names.iter().zip(first) {
        assert!(read(n) == bytes, "{n} changed between two identical runs");
    }
}

#[test]
fn text_from_a_submission_is_never_a_formula() {
    use rust_xlsxwriter::Workbook;
    let env = Env::new();
    let dir = env.year_dir(2024);
    std::fs::create_dir_all(&dir).unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Đơn vị báo cáo: Sở Ngoại vụ").unwrap();
    ws.write_string(1, 0, "Ngày báo cáo: 20/10/2024").unwrap();
    for (c, h) in ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả thực hiện", "Tình trạng", "Kinh phí (triệu đồng)"].iter().enumerate()
    {
        ws.write_string(3, c as u16, *h).unwrap();
    }
    ws.write_number(4, 0, 1).unwrap();
    ws.write_string(4, 1, "NV1").unwrap();
    ws.write_string(4, 2, "=HYPERLINK(\"http://example.invalid\",\"bấm vào đây\")").unwrap();
    ws.write_string(4, 3, "@SUM(1+1)").unwrap();
    ws.write_string(4, 4, "Hoàn thành").unwrap();
    ws.write_number(4, 5, 12).unwrap();
    wb.save(dir.join("snv.xlsx")).unwrap();
    env.run_year(2024, &[]);
    let acts = sheet(&env.workbook(2024), "Hoạt động");
    let r = row_with(&acts, "=HYPERLINK(\"http://example.invalid\",\"bấm vào đây\")");
    assert_eq!(r[4], "@SUM(1+1)");
    // No row has a note: no column of blanks for them; the source comes after the budget.
    let header = row_with(&acts, "Nội dung hoạt động");
    assert!(!header.iter().any(|c| c == "Ghi chú"), "{header:?}");
    assert_eq!(header[7], "Nguồn (tệp, ô)");
    // In the CSV, formula text is defused with a leading apostrophe (Parquet keeps it).
    let rows = env.csv(2024, "rows.csv");
    assert_eq!(rows[0]["activity"], "'=HYPERLINK(\"http://example.invalid\",\"bấm vào đây\")");
    assert_eq!(rows[0]["result"], "'@SUM(1+1)");
    // Read back as stored text, not as a formula.
    let mut book = calamine::open_workbook_auto(env.workbook(2024)).unwrap();
    use calamine::Reader;
    let formulas = book.worksheet_formula("Hoạt động").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "a formula was written");
}

#[test]
fn an_activity_broken_over_rows_or_detailed_under_its_row_is_one_activity() {
    let env = Env::new();
    // A report typed in Word and pasted: a cell of several lines is broken over rows, a
    // sentence going on in small letters, a detail listed with a dash; no number or status.
    write_report(
        &env.year_dir(2024).join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
        &[
            &["1", "NV1", "Tổ chức hội nghị quán triệt", "300 người", "Hoàn thành"],
            &["", "", "theo Kế hoạch số 12/KH-UBND", "", ""],
            &["2", "NV1", "Tập huấn", "2 lớp", "Hoàn thành"],
            &["", "", "- Lớp 1 tại Lục Ngạn", "1 lớp", ""],
            // A row under one with no status is an activity of its own, flagged.
            &["3", "NV2", "Hội nghị B", "", ""],
            &["", "", "- Gặp mặt", "", ""],
        ],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str, &str)> = rows.iter().map(|r| (r["activity"].as_str(), r["result"].as_str(), r["status"].as_str())).collect();
    assert_eq!(
        got,
        [
            ("Tổ chức hội nghị quán triệt theo Kế hoạch số 12/KH-UBND", "300 người", "done"),
            ("Tập huấn\n- Lớp 1 tại Lục Ngạn", "2 lớp\n1 lớp", "done"),
            ("Hội nghị B", "", "unknown"),
            // (A text opening with "-" is quoted in the CSV, so that no spreadsheet takes it for a formula.)
            ("'- Gặp mặt", "", "unknown"),
        ]
    );
    let problems = env.csv(2024, "problems.csv");
    let joined: Vec<(&str, &str)> =
        problems.iter().filter(|p| p["kind"] == "continued_row").map(|p| (p["cell"].as_str(), p["detail"].as_str())).collect();
    assert_eq!(joined, [("C6", "5"), ("C8", "7")]);
    let files = env.csv(2024, "files.csv");
    assert_eq!((files[0]["rows_read"].as_str(), files[0]["rows_accepted"].as_str()), ("6", "4"));
}

#[test]
fn a_summary_by_task_beside_the_activities_is_not_counted_twice() {
    let env = Env::new();
    // The first sheet sums up each task, with its money; the second lists the activities.
    // The summary's row on NV3, which the activities do not cover, is kept.
    let summary = grid(&[
        &["Đơn vị báo cáo: Sở Ngoại vụ"],
        &["Ngày báo cáo: 20/10/2024"],
        &[],
        &["STT", "Nhiệm vụ", "Kết quả thực hiện", "Tình trạng", "Kinh phí (triệu đồng)"],
        &["1", "NV1", "Đã tổ chức 2 hội nghị", "Hoàn thành", "30"],
        &["2", "NV2", "Đã rà soát quy chế", "Hoàn thành", ""],
        &["3", "NV3", "Đang chuẩn bị", "Đang thực hiện", ""],
    ]);
    let details = grid(&[
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)"],
        &["1", "NV1", "Hội nghị A", "300 người", "Hoàn thành", "20"],
        &["2", "NV1", "Hội nghị B", "200 người", "Hoàn thành", "10"],
        &["3", "NV2", "Rà soát quy chế", "Xong", "Hoàn thành", ""],
    ]);
    write_sheets(&env.year_dir(2024).join("snv.xlsx"), &[("Tổng hợp", summary), ("Chi tiết", details)]);
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|r| (r["sheet"].as_str(), r["task_code"].as_str(), r["activity"].as_str(), r["budget_million_vnd"].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Chi tiết", "NV1", "Hội nghị A", "20.0"),
            ("Chi tiết", "NV1", "Hội nghị B", "10.0"),
            ("Chi tiết", "NV2", "Rà soát quy chế", ""),
            ("Tổng hợp", "NV3", "", ""),
        ]
    );
    let problems = env.csv(2024, "problems.csv");
    let summary: Vec<(&str, &str)> =
        problems.iter().filter(|p| p["kind"] == "sheet_summary").map(|p| (p["sheet"].as_str(), p["detail"].as_str())).collect();
    assert_eq!(summary, [("Tổng hợp", "2 Chi tiết")]);
    let files = env.csv(2024, "files.csv");
    assert_eq!((files[0]["rows_read"].as_str(), files[0]["rows_accepted"].as_str()), ("6", "4"));
}

#[test]
fn a_task_s_money_on_a_sheet_of_its_own_goes_to_its_first_activity_where_they_give_none() {
    let env = Env::new();
    // The activities with no money column; the money per task on a sheet of its own.
    let details = grid(&[
        &["Đơn vị báo cáo: Sở Ngoại vụ"],
        &["Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả thực hiện", "Tình trạng"],
        &["1", "NV1", "Hội nghị quán triệt", "120 đại biểu", "Hoàn thành"],
        &["2", "NV1", "Tập huấn", "2 lớp", "Hoàn thành"],
        &["3", "NV2", "Xây dựng quy chế", "Đã ban hành", "Hoàn thành"],
    ]);
    let money = grid(&[
        &["Biểu 2: Kinh phí thực hiện"],
        &["STT", "Nhiệm vụ", "Kinh phí được giao (triệu đồng)", "Kinh phí đã sử dụng (triệu đồng)"],
        &["1", "NV1", "50", "45"],
        &["2", "NV2", "20", "20"],
        &["", "Tổng cộng", "70", "65"],
    ]);
    write_sheets(&env.year_dir(2024).join("snv.xlsx"), &[("Biểu 1", details), ("Biểu 2", money)]);
    env.run_year(2024, &[]);
    // The money was lost: the summary's rows are left out, and no activity had any.
    let rows = env.csv(2024, "rows.csv");
    assert_eq!(
        pick(&rows, ["activity", "budget_million_vnd", "note"]),
        [
            ["Hội nghị quán triệt", "45.0", "Kinh phí cả nhiệm vụ ghi ở: trang Biểu 2, dòng 3"],
            ["Tập huấn", "", ""],
            ["Xây dựng quy chế", "20.0", "Kinh phí cả nhiệm vụ ghi ở: trang Biểu 2, dòng 4"]
        ]
    );
    let problems = env.csv(2024, "problems.csv");
    let found: Vec<[&str; 3]> = pick(&problems, ["sheet", "cell", "detail"])
        .into_iter()
        .zip(&problems)
        .filter(|(_, p)| p["kind"] == "budget_of_task")
        .map(|(x, _)| x)
        .collect();
    assert_eq!(found, [["Biểu 1", "A4", "Biểu 2!3"], ["Biểu 1", "A6", "Biểu 2!4"]]);
}

#[test]
fn a_budget_split_by_source_over_three_header_rows_adds_up_its_sources_where_the_total_is_blank() {
    let env = Env::new();
    let cells = grid(&[
        &["Đơn vị báo cáo: Sở Ngoại vụ"],
        &["Ngày báo cáo: 20/10/2024"],
        &[],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)", "", ""],
        &["", "", "", "", "", "Tổng số", "Trong đó", ""],
        &["", "", "", "", "", "", "NSNN", "XHH"],
        &["1", "NV1", "Hội nghị A", "300 người", "Hoàn thành", "30", "20", "10"],
        // The total left blank (a formula never computed, or not typed): its sources.
        &["2", "NV2", "Hội nghị B", "200 người", "Hoàn thành", "", "5", "5"],
    ]);
    write_sheets(&env.year_dir(2024).join("snv.xlsx"), &[("Báo cáo", cells)]);
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str, &str)> =
        rows.iter().map(|r| (r["activity"].as_str(), r["budget_million_vnd"].as_str(), r["note"].as_str())).collect();
    assert_eq!(got, [("Hội nghị A", "30.0", ""), ("Hội nghị B", "10.0", "")]);
    // "XHH" under "Trong đó" was a column with no header, its cells outside the table.
    let problems = env.csv(2024, "problems.csv");
    assert!(problems.iter().all(|p| p["kind"] != "cells_outside_table"), "{problems:?}");
}

#[test]
fn a_consolidated_workbook_put_among_the_reports_is_not_read_as_one() {
    let env = Env::new();
    env.copy_into_year(2024, &format!("inputs/{PLAN_ID}/2024"));
    env.run_year(2024, &["--as-of", "2024-11-20"]);
    let before = env.csv(2024, "rows.csv").len();
    // Saved beside the reports: it names the coordinator (Sở Ngoại vụ), and holds every
    // agency's activities under a header the reader knows.
    let book = std::fs::read_dir(env.out_dir(2024))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .unwrap();
    std::fs::copy(&book, env.year_dir(2024).join("tong-hop-2024.xlsx")).unwrap();
    env.run_year(2024, &["--as-of", "2024-11-20"]);
    assert_eq!(env.csv(2024, "rows.csv").len(), before);
    let files = env.csv(2024, "files.csv");
    let f = files.iter().find(|f| f["file"] == "tong-hop-2024.xlsx").unwrap();
    assert_eq!((f["outcome"].as_str(), f["reason_code"].as_str(), f["agency_code"].as_str()), ("skipped", "tonghop_output", ""));
    assert!(f["reason"].contains("Lập bằng tonghop"), "{}", f["reason"]);
}

/// Word's table pasted into Excel with a result of several paragraphs: the paragraphs split
/// into rows, the row's number, task, activity, status and money merged down over them. One
/// activity, its result's paragraphs joined (before 0.10.0, each paragraph was the same
/// activity again). Rows with a status of their own under a merged activity stay rows.
#[test]
fn a_result_of_several_paragraphs_pasted_from_word_is_one_row() {
    let env = Env::new();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Đơn vị báo cáo: Sở Ngoại vụ").unwrap();
    ws.write_string(1, 0, "Ngày báo cáo: 20/10/2024").unwrap();
    for (c, t) in ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)"].iter().enumerate()
    {
        ws.write_string(3, c as u16, *t).unwrap();
    }
    let plain = rust_xlsxwriter::Format::new();
    for (r, t) in [(4, "- 2 hội nghị cấp tỉnh"), (5, "- 300 đại biểu"), (6, "- 500 tài liệu")] {
        ws.write_string(r, 3, t).unwrap();
    }
    for (c, t) in [(0, "1"), (1, "NV1"), (2, "Tổ chức hội nghị quán triệt"), (4, "Hoàn thành"), (5, "20")] {
        ws.merge_range(4, c, 6, c, t, &plain).unwrap();
    }
    // Two pieces of work under one activity, each with its own status.
    for (c, t) in [(0, "2"), (1, "NV2"), (2, "Rà soát quy chế")] {
        ws.merge_range(7, c, 8, c, t, &plain).unwrap();
    }
    for (r, result, status) in [(7, "Quy chế phối hợp", "Hoàn thành"), (8, "Quy chế khen thưởng", "Đang thực hiện")] {
        ws.write_string(r, 3, result).unwrap();
        ws.write_string(r, 4, status).unwrap();
    }
    std::fs::create_dir_all(env.year_dir(2024)).unwrap();
    wb.save(env.year_dir(2024).join("snv.xlsx")).unwrap();
    env.run_year(2024, &[]);
    assert_eq!(
        pick(&env.csv(2024, "rows.csv"), ["activity", "result", "status", "budget_million_vnd"]),
        [
            ["Tổ chức hội nghị quán triệt", "'- 2 hội nghị cấp tỉnh\n- 300 đại biểu\n- 500 tài liệu", "done", "20.0"],
            ["Rà soát quy chế", "Quy chế phối hợp", "done", ""],
            ["Rà soát quy chế", "Quy chế khen thưởng", "in_progress", ""],
        ]
    );
}

#[test]
fn a_cell_of_several_paragraphs_pasted_from_word_is_one_activity() {
    let env = Env::new();
    // Word's table pasted into Excel: the activity's paragraphs split into rows, the row's
    // number, task, result, status and money merged down over them.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let texts: &[(u32, u16, &str)] = &[
        (0, 0, "Đơn vị báo cáo: Sở Ngoại vụ"),
        (1, 0, "Ngày báo cáo: 20/10/2024"),
        (5, 2, "Kế hoạch số 12/KH-UBND"),
        (6, 2, "tại 10 huyện, thành phố"),
    ];
    for &(r, c, t) in texts {
        ws.write_string(r, c, t).unwrap();
    }
    for (c, t) in ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)"].iter().enumerate()
    {
        ws.write_string(3, c as u16, *t).unwrap();
    }
    let plain = rust_xlsxwriter::Format::new();
    ws.write_string(4, 2, "Tổ chức hội nghị quán triệt").unwrap();
    for (c, t) in [(0, "1"), (1, "NV1"), (3, "300 đại biểu"), (4, "Hoàn thành"), (5, "20")] {
        ws.merge_range(4, c, 6, c, t, &plain).unwrap();
    }
    for (c, t) in ["2", "NV2", "Rà soát quy chế", "Xong", "Hoàn thành"].iter().enumerate() {
        ws.write_string(7, c as u16, *t).unwrap();
    }
    std::fs::create_dir_all(env.year_dir(2024)).unwrap();
    wb.save(env.year_dir(2024).join("snv.xlsx")).unwrap();
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|r| (r["activity"].as_str(), r["result"].as_str(), r["status"].as_str(), r["budget_million_vnd"].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Tổ chức hội nghị quán triệt\nKế hoạch số 12/KH-UBND tại 10 huyện, thành phố", "300 đại biểu", "done", "20.0"),
            ("Rà soát quy chế", "Xong", "done", ""),
        ]
    );
    let files = env.csv(2024, "files.csv");
    assert_eq!((files[0]["rows_read"].as_str(), files[0]["rows_accepted"].as_str()), ("4", "2"));
}

#[test]
fn a_place_and_date_line_with_its_date_in_the_next_cell_dates_the_report() {
    let env = Env::new();
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 10, 28).unwrap();
    let format = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    enum Line {
        /// A form's signing line: "Bắc Giang, ngày" in one cell, an Excel date in the next,
        /// in this row (above the table, or under it).
        NextCell(u32),
        /// "Ngày" | 28 | "tháng" | 10 | "năm" | 2024, each in a cell, in this row (before 0.10.0
        /// no date; under the table, an activity "Ngày" with the result 28).
        EachInACell(u32),
        /// An Excel date alone in its row above the table (before 0.10.0 no date).
        Alone,
        /// The date as text alone in its row, typed into a cell formatted as text (before
        /// 0.17.0 no date).
        AloneAsText(&'static str),
    }
    let reports = [
        ("snv.xlsx", "Sở Ngoại vụ", Line::NextCell(1)),
        ("snoiv.xlsx", "Sở Nội vụ", Line::NextCell(6)),
        ("stttt.xlsx", "Sở Thông tin và Truyền thông", Line::EachInACell(1)),
        ("skhdt.xlsx", "Sở Kế hoạch và Đầu tư", Line::EachInACell(6)),
        ("sct.xlsx", "Sở Công Thương", Line::Alone),
        ("stc.xlsx", "Sở Tài chính", Line::AloneAsText("28/10/2024")),
        ("sgddt.xlsx", "Sở Giáo dục và Đào tạo", Line::AloneAsText("28-10-24")),
        ("skhcn.xlsx", "Sở Khoa học và Công nghệ", Line::AloneAsText("28 tháng 10 năm 2024")),
    ];
    for (name, agency, line) in reports {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, format!("Đơn vị báo cáo: {agency}")).unwrap();
        match line {
            Line::NextCell(at) => {
                ws.write_string(at, 2, "Bắc Giang, ngày").unwrap();
                ws.write_datetime_with_format(at, 3, &date, &format).unwrap();
            }
            Line::EachInACell(at) => {
                for (c, t) in [(0, "Ngày"), (2, "tháng"), (4, "năm")] {
                    ws.write_string(at, c, t).unwrap();
                }
                for (c, n) in [(1, 28.0), (3, 10.0), (5, 2024.0)] {
                    ws.write_number(at, c, n).unwrap();
                }
            }
            Line::Alone => {
                ws.write_datetime_with_format(1, 4, &date, &format).unwrap();
            }
            Line::AloneAsText(t) => {
                ws.write_string(1, 4, t).unwrap();
            }
        }
        for (c, t) in ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"].iter().enumerate() {
            ws.write_string(3, c as u16, *t).unwrap();
        }
        for (c, t) in ["1", "NV1", "Hội nghị", "Xong", "Hoàn thành"].iter().enumerate() {
            ws.write_string(4, c as u16, *t).unwrap();
        }
        std::fs::create_dir_all(env.year_dir(2024)).unwrap();
        wb.save(env.year_dir(2024).join(name)).unwrap();
    }
    env.run_year(2024, &[]);
    let files = env.csv(2024, "files.csv");
    let got: Vec<(&str, &str, &str)> = files
        .iter()
        .filter(|f| !f["file"].is_empty())
        .map(|f| (f["file"].as_str(), f["report_date"].as_str(), f["rows_read"].as_str()))
        .collect();
    // (Under the table, the line was read as an activity, "Bắc Giang, ngày".)
    let want = ["sct.xlsx", "sgddt.xlsx", "skhcn.xlsx", "skhdt.xlsx", "snoiv.xlsx", "snv.xlsx", "stc.xlsx", "stttt.xlsx"]
        .map(|f| (f, "2024-10-28", "1"));
    assert_eq!(got, want);
}

#[test]
fn next_year_s_plans_under_the_table_are_not_this_year_s_activities() {
    let env = Env::new();
    write_report(
        &env.year_dir(2024).join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)"],
        &[
            &["1", "NV1", "Hội nghị quán triệt", "300 đại biểu", "Hoàn thành", "20"],
            &["II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025"],
            &["1", "NV1", "Hội nghị sơ kết", "", "Dự kiến quý II", "50"],
            &["III. KIẾN NGHỊ"],
            &["- Bổ sung kinh phí"],
        ],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str)> = rows.iter().map(|r| (r["activity"].as_str(), r["budget_million_vnd"].as_str())).collect();
    // (The plan for 2025 was an activity of 2024, its 50 million in 2024's total.)
    assert_eq!(got, [("Hội nghị quán triệt", "20.0")]);
    let problems = env.csv(2024, "problems.csv");
    let other: Vec<&str> = problems.iter().filter(|p| p["kind"] == "row_other_year").map(|p| p["detail"].as_str()).collect();
    assert_eq!(other, ["II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025: 1 | NV1 | Hội nghị sơ kết | Dự kiến quý II"]);
    let files = env.csv(2024, "files.csv");
    // (Quoted in the CSV, as a text opening with "-" is.)
    assert_eq!(files[0]["proposals"], "'- Bổ sung kinh phí");
}

#[test]
fn last_year_s_sheet_kept_beside_this_year_s_is_left_out_by_its_date() {
    let env = Env::new();
    let header = ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)"];
    // The sheet copied for this year's report ("BC (2)"), last year's left in front of it.
    let sheet = |date: &str, activity: &str, money: &str| {
        grid(&[&["Đơn vị báo cáo: Sở Ngoại vụ"], &[date], &header, &["1", "NV1", activity, "300 người", "Hoàn thành", money]])
    };
    let sheets = [
        ("BC", sheet("Bắc Giang, ngày 18 tháng 10 năm 2023", "Hội nghị năm trước", "20")),
        ("BC (2)", sheet("Bắc Giang, ngày 20 tháng 10 năm 2024", "Hội nghị năm nay", "30")),
    ];
    write_sheets(&env.year_dir(2024).join("snv.xlsx"), &sheets);
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    assert_eq!(rows.iter().map(|r| r["activity"].as_str()).collect::<Vec<_>>(), ["Hội nghị năm nay"]);
    let files = env.csv(2024, "files.csv");
    // (The first sheet's date was the report's: another year's, so not judged on time.)
    assert_eq!((files[0]["report_date"].as_str(), files[0]["rows_read"].as_str()), ("2024-10-20", "2"));
    let problems = env.csv(2024, "problems.csv");
    let left: Vec<(&str, &str)> =
        problems.iter().filter(|p| p["kind"] == "sheet_dated_other_year").map(|p| (p["sheet"].as_str(), p["detail"].as_str())).collect();
    assert_eq!(left, [("BC", "1 18/10/2023")]);
}

#[test]
fn last_year_s_results_kept_beside_this_year_s_are_left_out_by_their_title() {
    let env = Env::new();
    let header = ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)"];
    let sheet = |lines: &[&str], activity: &str| {
        let mut cells = grid(&lines.iter().map(std::slice::from_ref).collect::<Vec<_>>());
        cells.extend(grid(&[&header, &["1", "NV1", activity, "300 người", "Hoàn thành", "20"]]));
        cells
    };
    // A sheet of last year's results for comparison, titled with its year and undated: its
    // rows were this year's activities, its money in this year's total.
    let sheets = [
        (
            "Báo cáo",
            sheet(
                &["SỞ NGOẠI VỤ", "Bắc Giang, ngày 20 tháng 10 năm 2024", "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2024"],
                "Hội nghị năm nay",
            ),
        ),
        ("So sánh", sheet(&["KẾT QUẢ THỰC HIỆN NĂM 2023"], "Hội nghị năm trước")),
    ];
    write_sheets(&env.year_dir(2024).join("snv.xlsx"), &sheets);
    // A sheet titled with last year alone in its workbook is the report still, flagged.
    write_report(
        &env.year_dir(2024).join("sct.xlsx"),
        &["SỞ CÔNG THƯƠNG", "Bắc Giang, ngày 20 tháng 10 năm 2024", "BÁO CÁO KẾT QUẢ THỰC HIỆN NĂM 2023"],
        &header,
        &[&["1", "NV4", "Hội chợ", "1 hội chợ", "Hoàn thành", "5"]],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    assert_eq!(pick(&rows, ["agency_code", "activity"]), [["SCT", "Hội chợ"], ["SNV", "Hội nghị năm nay"]]);
    let problems = env.csv(2024, "problems.csv");
    let found: Vec<[&str; 4]> =
        pick(&problems, ["file", "sheet", "kind", "detail"]).into_iter().filter(|p| p[2].contains("other_year")).collect();
    assert_eq!(found, [["sct.xlsx", "Sheet1", "title_other_year", "2023"], ["snv.xlsx", "So sánh", "sheet_titled_other_year", "1 2023"]]);
    let files = env.csv(2024, "files.csv");
    let snv = files.iter().find(|f| f["file"] == "snv.xlsx").unwrap();
    assert_eq!((snv["rows_read"].as_str(), snv["rows_accepted"].as_str()), ("2", "1"));
}

#[test]
fn subtotals_named_by_their_task_and_the_total_s_split_by_source_are_no_activities() {
    let env = Env::new();
    write_report(
        &env.year_dir(2024).join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)"],
        &[
            &["1", "NV1", "Hội nghị A", "300 người", "Hoàn thành", "20"],
            &["", "Cộng NV1", "", "", "", "20"],
            &["2", "NV2", "Hội nghị B", "200 người", "Hoàn thành", "10"],
            &["", "Cộng nhiệm vụ 2", "", "", "", "10"],
            &["", "Tổng cộng", "", "", "", "30"],
            &["", "Trong đó:", "", "", "", ""],
            &["", "- Ngân sách nhà nước", "", "", "", "20"],
            &["", "- Xã hội hóa", "", "", "", "10"],
            &["", "Total", "", "", "", "30"],
        ],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    // (Each of these labels was an activity, its money counted again, unless it repeated
    // one: 90 million in all, for a report of 30.)
    let got: Vec<(&str, &str)> = rows.iter().map(|r| (r["activity"].as_str(), r["budget_million_vnd"].as_str())).collect();
    assert_eq!(got, [("Hội nghị A", "20.0"), ("Hội nghị B", "10.0")]);
    let problems = env.csv(2024, "problems.csv");
    let totals = problems.iter().filter(|p| p["kind"] == "totals_row").count();
    assert_eq!(totals, 6);
    assert!(problems.iter().all(|p| p["kind"] != "totals_mismatch"), "{problems:?}");
}

/// Whom a report is sent to is not who sent it: "Gửi Sở Ngoại vụ" (without "Kính"), "Đồng
/// gửi", a title ending "… gửi Sở Ngoại vụ" were each taken for the sender, the
/// coordinator, and the report counted as its own.
#[test]
fn the_addressee_is_not_the_sender() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    let header = ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"];
    let rows: &[&[&str]] = &[&["1", "NV1", "Hội nghị quán triệt", "1 hội nghị", "Hoàn thành"]];
    for (name, line) in [
        ("bc-1.xlsx", "Gửi Sở Ngoại vụ"),
        ("bc-2.xlsx", "Đồng gửi: Sở Ngoại vụ"),
        ("bc-3.xlsx", "Báo cáo kết quả năm 2024 gửi Sở Ngoại vụ"),
    ] {
        write_report(&dir.join(name), &["BÁO CÁO KẾT QUẢ NĂM 2024", line, "Ngày báo cáo: 20/10/2024"], &header, rows);
    }
    // The sender named before it: the sender.
    write_report(
        &dir.join("bc-4.xlsx"),
        &["Báo cáo kết quả năm 2024 của Sở Nội vụ gửi Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &header,
        rows,
    );
    env.run_year(2024, &[]);
    let files = env.csv(2024, "files.csv");
    let got: Vec<(&str, &str)> = files.iter().map(|f| (f["file"].as_str(), f["agency_code"].as_str())).collect();
    assert_eq!(got, [("bc-1.xlsx", ""), ("bc-2.xlsx", ""), ("bc-3.xlsx", ""), ("bc-4.xlsx", "SNOIV")]);
}

/// Reports as clerks type them in haste: the sender only in a file name typed together
/// ("lucngan.xlsx", "songoaivu.xlsx"), the place-and-date line without its comma, a budget
/// column "x1000 đồng", a status column headed by the statuses to choose between, and a
/// budget cell giving the money spent beside the money allotted.
#[test]
fn senders_dates_budgets_and_statuses_as_typed_in_haste() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    let header = ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Đã hoàn thành/ Chưa hoàn thành", "Kinh phí (x1000 đồng)"];
    write_report(
        &dir.join("lucngan.xlsx"),
        &["BÁO CÁO KẾT QUẢ NĂM 2024", "Lục Ngạn ngày 18/10/2024"],
        &header,
        &[&["1", "NV1", "Hội nghị quán triệt", "1 hội nghị", "Hoàn thành", "15.000"], &["2", "NV1", "Tập huấn", "1 lớp", "Chưa", "0"]],
    );
    write_report(
        &dir.join("songoaivu.xlsx"),
        &["BÁO CÁO KẾT QUẢ NĂM 2024", "Bắc Giang, ngày 20/10/24"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí"],
        &[&["1", "NV1", "Hội nghị", "2 hội nghị", "Hoàn thành", "15 (dự toán 20)"]],
    );
    // The date in words with "ngày" left out; the money's source after "Từ"; the remedies
    // under "Giải pháp".
    write_report(
        &dir.join("yenthe.xlsx"),
        &["BÁO CÁO KẾT QUẢ NĂM 2024", "Yên Thế, 18 tháng 10 năm 2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí", "Giải pháp"],
        &[&["1", "NV1", "Hội nghị", "1 hội nghị", "Đã HT", "Từ nguồn chi thường xuyên", "Bố trí thêm kinh phí"]],
    );
    // "Ngày:" alone, its date in the next cell.
    let taichinh = grid(&[
        &["SỞ TÀI CHÍNH"],
        &["Ngày:", "19/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
        &["1", "NV8", "Hỗ trợ kinh phí", "Cấp 200 triệu", "Hoàn thành"],
    ]);
    write_sheets(&dir.join("taichinh.xlsx"), &[("BC", taichinh)]);
    env.run_year(2024, &[]);
    let files = env.csv(2024, "files.csv");
    let got: Vec<(&str, &str, &str)> =
        files.iter().map(|f| (f["file"].as_str(), f["agency_code"].as_str(), f["report_date"].as_str())).collect();
    assert_eq!(
        got,
        [
            ("lucngan.xlsx", "HLUCNGAN", "2024-10-18"),
            ("songoaivu.xlsx", "SNV", "2024-10-20"),
            ("taichinh.xlsx", "STC", "2024-10-19"),
            ("yenthe.xlsx", "HYENTHE", "2024-10-18")
        ]
    );
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|r| (r["status"].as_str(), r["budget_million_vnd"].as_str(), r["proposals"].as_str(), r["note"].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("done", "15.0", "", ""),
            ("not_started", "0.0", "", ""),
            ("done", "15.0", "", "Kinh phí: 15 (dự toán 20)"),
            ("done", "", "", ""),
            ("done", "", "Bố trí thêm kinh phí", "Kinh phí: Từ nguồn chi thường xuyên"),
        ]
    );
}

/// A table with a column per task, ticked on each row ("Nội dung hoạt động | NV1 | NV2 |
/// NV3" marked "x") and no task column: the task ticked is the row's (each row was
/// `task_missing`, the ticks in its note).
#[test]
fn a_task_ticked_in_a_column_of_its_own_is_the_row_s() {
    let env = Env::new();
    write_report(
        &env.year_dir(2024).join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nội dung hoạt động", "NV1", "NV2", "NV3", "Kết quả", "Tình trạng"],
        &[
            &["1", "Hội nghị quán triệt", "", "x", "", "2 hội nghị", "Hoàn thành"],
            &["2", "Tập huấn", "x", "", "", "1 lớp", "Hoàn thành"],
            &["3", "Hội thảo", "x", "x", "", "1 hội thảo", "Hoàn thành"],
        ],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str, &str)> = rows.iter().map(|r| (r["task_code"].as_str(), r["flags"].as_str(), r["note"].as_str())).collect();
    assert_eq!(got, [("NV2", "", ""), ("NV1", "", ""), ("NV1", "task_several", "Cũng thuộc nhiệm vụ: NV2")]);
}

/// A table with no task column whose note column names each row's task ("Ghi chú": "NV2",
/// "Thuộc nhiệm vụ 1"): the row's task (each row was `task_missing`); a note that only
/// has a number in it ("2 lớp", "Số 2") names none.
#[test]
fn a_task_written_in_the_note_column_is_the_row_s() {
    let env = Env::new();
    write_report(
        &env.year_dir(2024).join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Ghi chú", "Địa điểm"],
        &[
            &["1", "Hội nghị quán triệt", "2 hội nghị", "Hoàn thành", "NV2", "Hà Nội"],
            &["2", "Tập huấn", "1 lớp", "Hoàn thành", "Thuộc nhiệm vụ 1", ""],
            &["3", "Hội thảo", "1 hội thảo", "Hoàn thành", "2 lớp", ""],
        ],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str, &str)> =
        rows.iter().map(|r| (r["task_code"].as_str(), r["task_as_written"].as_str(), r["note"].as_str())).collect();
    assert_eq!(got, [("NV2", "NV2", "Địa điểm: Hà Nội"), ("NV1", "Thuộc nhiệm vụ 1", ""), ("", "", "2 lớp")]);
}

/// The money allotted and the money spent, each split by source under a header of three
/// rows ("Kinh phí" over "Dự toán | Thực hiện" over "NSNN | XHH | NSNN | XHH"): the money
/// spent, its sources added up, the money allotted in the note. The four were added up (the
/// allotted counted as spent); in two rows ("Thực hiện NSNN | Thực hiện XHH") only the last
/// source was read.
#[test]
fn the_money_spent_split_by_source_is_added_up() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    let three = grid(&[
        &["Đơn vị báo cáo: Sở Ngoại vụ"],
        &["Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)", "", "", ""],
        &["", "", "", "", "", "Dự toán", "", "Thực hiện", ""],
        &["", "", "", "", "", "NSNN", "XHH", "NSNN", "XHH"],
        &["1", "NV1", "Hội nghị", "2 hội nghị", "Hoàn thành", "20", "5", "15", "3"],
    ]);
    write_sheets(&dir.join("snv.xlsx"), &[("BC", three)]);
    let two = grid(&[
        &["Đơn vị báo cáo: Sở Văn hóa, Thể thao và Du lịch"],
        &["Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)", "", "", ""],
        &["", "", "", "", "", "Dự toán NSNN", "Dự toán XHH", "Thực hiện NSNN", "Thực hiện XHH"],
        &["1", "NV1", "Hội nghị", "2 hội nghị", "Hoàn thành", "10", "0", "8", "1"],
    ]);
    write_sheets(&dir.join("svhttdl.xlsx"), &[("BC", two)]);
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str, &str)> =
        rows.iter().map(|r| (r["agency_code"].as_str(), r["budget_million_vnd"].as_str(), r["note"].as_str())).collect();
    assert_eq!(
        got,
        [
            ("SNV", "18.0", "Kinh phí (triệu đồng) Dự toán NSNN: 20; Kinh phí (triệu đồng) Dự toán XHH: 5"),
            ("SVHTTDL", "9.0", "Kinh phí (triệu đồng) Dự toán NSNN: 10; Kinh phí (triệu đồng) Dự toán XHH: 0"),
        ]
    );
}

/// A task column for the tasks the agency leads and one for those it partners ("Nhiệm vụ
/// chủ trì | Nhiệm vụ phối hợp"): a row's task is in whichever it is written. A row with
/// its task in the second took the task of the row above, the one written in its note.
#[test]
fn a_task_in_the_second_task_column_is_the_row_s() {
    let env = Env::new();
    write_report(
        &env.year_dir(2024).join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ chủ trì", "Nhiệm vụ phối hợp", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
        &[&["1", "NV1", "", "Hội nghị", "2 hội nghị", "Hoàn thành"], &["2", "", "NV4", "Hội thảo", "1 hội thảo", "Hoàn thành"]],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str, &str)> = rows.iter().map(|r| (r["task_code"].as_str(), r["flags"].as_str(), r["note"].as_str())).collect();
    assert_eq!(got, [("NV1", "", ""), ("NV4", "", "")]);
}

/// A section's heading that shortens its task's title to a few of its words ("III |
/// QUẢNG BÁ HÌNH ẢNH" for "Quảng bá các giá trị văn hoá, hình ảnh…"): the task of the rows
/// under it (each was `task_missing`); of two titles with its words, the agency's own.
#[test]
fn a_heading_with_a_few_words_of_a_title_names_its_task() {
    let env = Env::new();
    write_report(
        &env.year_dir(2024).join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nội dung", "Kết quả", "Tình trạng"],
        &[
            &["I", "TUYÊN TRUYỀN, QUÁN TRIỆT"],
            &["1", "Hội nghị quán triệt", "2 hội nghị", "Hoàn thành"],
            &["II", "QUẢNG BÁ HÌNH ẢNH"],
            &["1", "Triển lãm ảnh", "1 triển lãm", "Hoàn thành"],
            // A section by the agency's part in the tasks names none: no activity of its
            // own, nor the task of the rows under it (each was `task_unknown` with its
            // title).
            &["", "NHIỆM VỤ PHỐI HỢP"],
            &["1", "Tọa đàm", "1 buổi", "Hoàn thành"],
        ],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str)> = rows.iter().map(|r| (r["task_code"].as_str(), r["flags"].as_str())).collect();
    assert_eq!(got, [("NV1", ""), ("NV6", ""), ("", "task_missing")]);
}

/// A table of several agencies' rows with no sender of its own, as a form's answers are
/// downloaded from Google Forms ("Dấu thời gian | Tên đơn vị | Nhiệm vụ | …"): each
/// agency's rows are its report, sent on its first row's day; rows of a body not in the
/// plan are listed under the file's own name. The whole file was `agency_unknown`, every
/// agency not received.
#[test]
fn a_table_of_several_agencies_rows_is_each_one_s_report() {
    let env = Env::new();
    let answers = grid(&[
        &["Dấu thời gian", "Tên đơn vị", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả thực hiện", "Tình trạng"],
        &["18/10/2024 09:30:00", "Sở Ngoại vụ", "NV1", "Hội nghị quán triệt", "2 hội nghị", "Hoàn thành"],
        &["20/10/2024 14:00:00", "Sở Văn hóa, Thể thao và Du lịch", "NV7", "Liên hoan", "1 liên hoan", "Hoàn thành"],
        &["27/10/2024 08:00:00", "UBND huyện Lục Ngạn", "NV1", "Tuyên truyền", "20 tin", "Hoàn thành"],
        &["19/10/2024 08:00:00", "Sở Ngoại vụ", "NV4", "Đón đoàn", "1 đoàn", "Hoàn thành"],
        &["21/10/2024 08:00:00", "Phòng Văn hóa xã X", "NV1", "Văn nghệ", "1 buổi", "Hoàn thành"],
    ]);
    write_sheets(&env.year_dir(2024).join("cau-tra-loi.xlsx"), &[("Câu trả lời biểu mẫu 1", answers)]);
    env.run_year(2024, &[]);
    let files = env.csv(2024, "files.csv");
    let got: Vec<(&str, &str, &str, &str, &str)> = files
        .iter()
        .map(|f| {
            (f["file"].as_str(), f["reason_code"].as_str(), f["agency_code"].as_str(), f["report_date"].as_str(), f["rows_read"].as_str())
        })
        .collect();
    assert_eq!(
        got,
        [
            ("cau-tra-loi.xlsx", "agency_unknown", "", "2024-10-21", "1"),
            ("cau-tra-loi.xlsx | Sở Ngoại vụ", "", "SNV", "2024-10-18", "2"),
            ("cau-tra-loi.xlsx | Sở Văn hóa, Thể thao và Du lịch", "", "SVHTTDL", "2024-10-20", "1"),
            ("cau-tra-loi.xlsx | UBND huyện Lục Ngạn", "", "HLUCNGAN", "2024-10-27", "1"),
        ]
    );
    let problems = env.csv(2024, "problems.csv");
    assert!(problems.iter().any(|p| p["kind"] == "agency_unknown" && p["detail"] == "Phòng Văn hóa xã X"), "{problems:?}");
    let completeness = env.csv(2024, "completeness.csv");
    let verdict = |a: &str| completeness.iter().find(|c| c["agency_code"] == a).map(|c| c["verdict"].clone()).unwrap_or_default();
    assert_eq!((verdict("SNV"), verdict("HLUCNGAN")), ("on_time".to_string(), "late".to_string()));
    // One input in the manifest, as it is on disk.
    let manifest = std::fs::read_to_string(env.out_dir(2024).join("manifest.json")).unwrap();
    assert_eq!(manifest.matches("cau-tra-loi.xlsx").count(), 1, "{manifest}");
}

/// A form's answers with a column per task and field, as Google Forms gives them with a
/// section per task ("Nhiệm vụ 1: Kết quả thực hiện | Nhiệm vụ 1: Tình trạng | NV4 - Kết
/// quả | …"): each answer's task answered is a row of that task, each agency's rows its
/// report, a task left blank no row, a finding on a task's cell naming its header. It was
/// `no_table`.
#[test]
fn a_form_s_answers_a_column_per_task_are_each_agency_s_report() {
    let env = Env::new();
    let answers = grid(&[
        &[
            "Dấu thời gian",
            "Tên đơn vị",
            "Nhiệm vụ 1: Kết quả thực hiện",
            "Nhiệm vụ 1: Tình trạng",
            "NV4 - Kết quả",
            "NV4 - Tình trạng",
            "NV25 - Kết quả",
        ],
        &["18/10/2024 09:30:00", "Sở Ngoại vụ", "2 hội nghị quán triệt", "Hoàn thành", "Đón 3 đoàn", "Hoàn thành", ""],
        &["20/10/2024 14:00:00", "Sở Văn hóa, Thể thao và Du lịch", "1 liên hoan", "Đang thực hiện", "", "", "Triển lãm"],
    ]);
    write_sheets(&env.year_dir(2024).join("cau-tra-loi.xlsx"), &[("Câu trả lời biểu mẫu 1", answers)]);
    env.run_year(2024, &[]);
    assert_eq!(
        pick(&env.csv(2024, "rows.csv"), ["agency_code", "task_code", "result", "status", "report_date"]),
        [
            ["SNV", "NV1", "2 hội nghị quán triệt", "done", "2024-10-18"],
            ["SNV", "NV4", "Đón 3 đoàn", "done", "2024-10-18"],
            ["SVHTTDL", "NV1", "1 liên hoan", "in_progress", "2024-10-20"],
            ["SVHTTDL", "", "Triển lãm", "unknown", "2024-10-20"],
        ]
    );
    let problems: Vec<_> = env.csv(2024, "problems.csv").into_iter().filter(|p| p["kind"] == "task_unknown").collect();
    assert_eq!(pick(&problems, ["cell", "detail"]), [["G1", "NV25"]]);
}

/// An answer with every task left blank is still its agency's: received, with no
/// activities, its row listed. It gave no row, the agency missing. And answers of one
/// agency of the plan beside a body it does not have are that agency's, the body's listed
/// `agency_unknown`: the whole file was, the agency missing.
#[test]
fn a_form_answered_with_nothing_or_beside_an_unknown_body_is_the_agency_s() {
    let env = Env::new();
    let answers = grid(&[
        &["Dấu thời gian", "Tên đơn vị", "Nhiệm vụ 1: Kết quả thực hiện", "Nhiệm vụ 1: Tình trạng", "NV4 - Kết quả"],
        &["18/10/2024 09:30:00", "Sở Ngoại vụ", "2 hội nghị quán triệt", "Hoàn thành", ""],
        &["20/10/2024 14:00:00", "Sở Văn hóa, Thể thao và Du lịch", "", "", ""],
    ]);
    write_sheets(&env.year_dir(2024).join("cau-tra-loi.xlsx"), &[("Câu trả lời biểu mẫu 1", answers)]);
    let long = grid(&[
        &["Dấu thời gian", "Tên đơn vị", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả thực hiện", "Tình trạng"],
        &["21/10/2024 08:00:00", "Báo Bắc Giang", "NV1", "Chuyên mục", "12 tin bài", "Hoàn thành"],
        &["21/10/2024 09:00:00", "Phòng Văn hóa xã X", "NV1", "Văn nghệ", "1 buổi", "Hoàn thành"],
    ]);
    write_sheets(&env.year_dir(2024).join("bieu-mau-2.xlsx"), &[("Câu trả lời biểu mẫu 1", long)]);
    env.run_year(2024, &[]);
    let files = env.csv(2024, "files.csv");
    assert_eq!(
        pick(&files, ["file", "reason_code", "agency_code", "rows_read", "rows_accepted"]),
        [
            ["bieu-mau-2.xlsx", "agency_unknown", "", "1", "0"],
            ["bieu-mau-2.xlsx | Báo Bắc Giang", "", "BBG", "1", "1"],
            ["cau-tra-loi.xlsx | Sở Ngoại vụ", "", "SNV", "1", "1"],
            ["cau-tra-loi.xlsx | Sở Văn hóa, Thể thao và Du lịch", "", "SVHTTDL", "1", "0"],
        ]
    );
    let problems = env.csv(2024, "problems.csv");
    let of =
        |file: &str| problems.iter().filter(|p| p["file"] == file).map(|p| [p["kind"].as_str(), p["cell"].as_str()]).collect::<Vec<_>>();
    assert_eq!(of("cau-tra-loi.xlsx | Sở Văn hóa, Thể thao và Du lịch"), [["no_activities", ""], ["note_only_row", "A3"]]);
    assert_eq!(of("bieu-mau-2.xlsx"), [["agency_unknown", ""]]);
    let completeness = env.csv(2024, "completeness.csv");
    let verdict = |a: &str| completeness.iter().find(|c| c["agency_code"] == a).map(|c| c["verdict"].clone()).unwrap_or_default();
    assert_eq!([verdict("SVHTTDL"), verdict("BBG")], ["on_time", "on_time"]);
}

/// A row over items of its own that says its own status, its money their money added up:
/// an activity, its money not counted again (it was counted twice), kept in its note.
#[test]
fn a_row_s_money_that_is_its_items_added_up_is_counted_once() {
    let env = Env::new();
    write_report(
        &env.year_dir(2024).join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)"],
        &[
            &["1", "NV1", "Tổ chức hội nghị", "2 hội nghị", "Hoàn thành", "20"],
            &["a)", "", "Hội nghị tại huyện A", "1 hội nghị", "Hoàn thành", "10"],
            &["b)", "", "Hội nghị tại huyện B", "1 hội nghị", "Hoàn thành", "10"],
            &["2", "NV4", "Đón đoàn", "1 đoàn", "Hoàn thành", "5"],
        ],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str)> = rows.iter().map(|r| (r["budget_million_vnd"].as_str(), r["note"].as_str())).collect();
    assert_eq!(got, [("", "Kinh phí (cộng các dòng dưới): 20"), ("10.0", ""), ("10.0", ""), ("5.0", "")]);
}

/// The money allotted and spent in one cell under a header that names both ("Kinh phí (Dự
/// toán/Thực hiện)" holding "20/15"): the money spent, the cell in the note. It was
/// `budget_unreadable`, or, written "20 triệu/15 triệu", read as 20.
#[test]
fn two_amounts_in_one_budget_cell_named_by_its_header() {
    let env = Env::new();
    write_report(
        &env.year_dir(2024).join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí (Dự toán/Thực hiện)"],
        &[
            &["1", "NV1", "Hội nghị", "2 hội nghị", "Hoàn thành", "20/15"],
            &["2", "NV1", "Tập huấn", "1 lớp", "Hoàn thành", "20 triệu/15 triệu"],
            &["3", "NV1", "Tọa đàm", "1 buổi", "Hoàn thành", "5"],
        ],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str)> = rows.iter().map(|r| (r["budget_million_vnd"].as_str(), r["note"].as_str())).collect();
    assert_eq!(
        got,
        [("15.0", "Kinh phí (Dự toán/Thực hiện): 20/15"), ("15.0", "Kinh phí (Dự toán/Thực hiện): 20 triệu/15 triệu"), ("5.0", "")]
    );
}

/// A report typed as lines with no table (a Word report pasted into a sheet): each line
/// under a task's heading is an activity of it, its status what it opens (or closes) with; the
/// difficulties and proposals under their headings are the report's own; the signing block
/// is none of them. The file was `no_table`, its sender asked to send it again.
#[test]
fn a_report_typed_as_lines_is_read() {
    let env = Env::new();
    let lines = grid(&[
        &["Đơn vị báo cáo: Sở Ngoại vụ"],
        &["Bắc Giang, ngày 20 tháng 10 năm 2024"],
        &["BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2024"],
        &["I. KẾT QUẢ THỰC HIỆN"],
        // Before any task's heading, under a section of the work done: an activity with no
        // task (it was passed over); a line that says what follows is none.
        &["- Ban hành Kế hoạch số 45/KH-SNV triển khai Chiến lược"],
        &["Các nhiệm vụ được triển khai như sau:"],
        &["1. Nhiệm vụ 1: Tuyên truyền, quán triệt"],
        &["- Đã tổ chức 2 hội nghị quán triệt Chiến lược cho 200 cán bộ."],
        &["- Đăng 20 tin bài trên Cổng thông tin điện tử."],
        // A line with a task's code of its own is that task's, as a table's row is.
        &["- Quảng bá ẩm thực Bắc Giang tại hội chợ (NV5)"],
        &["2. Nhiệm vụ 4: Thúc đẩy quan hệ hợp tác"],
        &["- Đang xây dựng đề án hợp tác với tỉnh Quảng Tây."],
        // A lettered item is a line of its task, not the end of it.
        &["a) Đón 3 đoàn khách quốc tế."],
        // A status closing the line, alone, says it.
        &["b) Tập huấn lễ tân cho 50 cán bộ (đã hoàn thành)"],
        // What was done after a task's code, not its title: an activity of it (dropped).
        &["3. NV7: Đón 2 đoàn nghệ thuật Lào."],
        // A section of the work done in its own words, after the tasks' lines: its lines
        // are no task's but their own (they were dropped, and once read, taken for NV7's).
        &["II. CÁC NHIỆM VỤ PHỐI HỢP"],
        &["- Phối hợp tổ chức Tuần văn hóa Hàn Quốc tại tỉnh"],
        &["- Phối hợp đưa 20 tin bài về đối ngoại (NV5)"],
        // So is a section in words of no task's title nor of the work done; not an
        // assessment.
        &["III. LĨNH VỰC Y TẾ"],
        &["- Tiếp đoàn bác sĩ Hàn Quốc khám bệnh miễn phí"],
        &["IV. ĐÁNH GIÁ CHUNG"],
        &["- Các nhiệm vụ được triển khai đúng tiến độ"],
        &["V. KHÓ KHĂN, VƯỚNG MẮC"],
        &["- Thiếu kinh phí."],
        &["VI. ĐỀ XUẤT, KIẾN NGHỊ"],
        &["- Bổ sung kinh phí."],
        &["Nơi nhận:"],
        &["- UBND tỉnh;"],
    ]);
    write_sheets(&env.year_dir(2024).join("snv.xlsx"), &[("Báo cáo", lines)]);
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str, &str)> =
        rows.iter().map(|r| (r["task_code"].as_str(), r["activity"].as_str(), r["status"].as_str())).collect();
    assert_eq!(
        got,
        [
            ("", "Ban hành Kế hoạch số 45/KH-SNV triển khai Chiến lược", "unknown"),
            ("NV1", "Đã tổ chức 2 hội nghị quán triệt Chiến lược cho 200 cán bộ.", "done"),
            ("NV1", "Đăng 20 tin bài trên Cổng thông tin điện tử.", "unknown"),
            ("NV5", "Quảng bá ẩm thực Bắc Giang tại hội chợ (NV5)", "unknown"),
            ("NV4", "Đang xây dựng đề án hợp tác với tỉnh Quảng Tây.", "in_progress"),
            ("NV4", "Đón 3 đoàn khách quốc tế.", "unknown"),
            ("NV4", "Tập huấn lễ tân cho 50 cán bộ (đã hoàn thành)", "done"),
            ("NV7", "Đón 2 đoàn nghệ thuật Lào.", "unknown"),
            ("", "Phối hợp tổ chức Tuần văn hóa Hàn Quốc tại tỉnh", "unknown"),
            ("NV5", "Phối hợp đưa 20 tin bài về đối ngoại (NV5)", "unknown"),
            ("", "Tiếp đoàn bác sĩ Hàn Quốc khám bệnh miễn phí", "unknown"),
        ]
    );
    let problems = env.csv(2024, "problems.csv");
    let missing: Vec<&str> = problems.iter().filter(|p| p["kind"] == "task_missing").map(|p| p["cell"].as_str()).collect();
    assert_eq!(missing, ["A5", "A17", "A20"]);
    let files = env.csv(2024, "files.csv");
    let got: Vec<(&str, &str, &str, &str)> = files
        .iter()
        .map(|f| (f["outcome"].as_str(), f["report_date"].as_str(), f["difficulties"].as_str(), f["proposals"].as_str()))
        .collect();
    // (A text that opens with "-" is written to CSV after a "'", so that no spreadsheet takes it
    // for a formula.)
    assert_eq!(got, [("accepted", "2024-10-20", "'- Thiếu kinh phí.", "'- Bổ sung kinh phí.")]);
}

/// A report typed as lines that names no task anywhere, its work listed under a section of
/// what was done: each line there an activity with no task (`task_missing`), an item
/// heading lines under it ("2. Công tác đối ngoại" over "- Đón…", "3. VỀ HỢP TÁC" over
/// "3.1. …") in their notes, the assessment, difficulties and proposals not activities.
/// The file was `no_table`, its sender asked to send it again.
#[test]
fn a_report_typed_as_lines_naming_no_task_lists_its_work() {
    let env = Env::new();
    let lines = grid(&[
        &["SỞ NGOẠI VỤ"],
        &["BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2024"],
        &["Bắc Giang, ngày 20 tháng 10 năm 2024"],
        &["Thực hiện Kế hoạch số 12/KH-UBND, Sở Ngoại vụ báo cáo như sau:"],
        &["I. KẾT QUẢ THỰC HIỆN"],
        &["1. Tổ chức 02 hội nghị quán triệt cho 300 cán bộ"],
        &["2. Công tác đối ngoại"],
        &["- Đón 3 đoàn nghệ thuật Hàn Quốc"],
        &["3. VỀ HỢP TÁC QUỐC TẾ"],
        &["3.1. Đang xây dựng đề án hợp tác với tỉnh Gyeonggi"],
        &["4. Tập huấn lễ tân cho 50 cán bộ", "Hoàn thành"],
        // (A task's code written with the line names its task.)
        &["5. Biên soạn tài liệu giới thiệu tỉnh (NV2)"],
        &["II. ĐÁNH GIÁ CHUNG"],
        &["1. Ưu điểm: các hoạt động được triển khai đúng kế hoạch"],
        &["III. KHÓ KHĂN, VƯỚNG MẮC"],
        &["Kinh phí còn hạn chế"],
        &["IV. KIẾN NGHỊ"],
        &["Đề nghị bố trí thêm kinh phí"],
        &["Nơi nhận:"],
        &["- UBND tỉnh;"],
    ]);
    write_sheets(&env.year_dir(2024).join("snv.xlsx"), &[("Báo cáo", lines)]);
    env.run_year(2024, &[]);
    assert_eq!(
        pick(&env.csv(2024, "rows.csv"), ["row", "task_code", "activity", "status", "flags", "note"]),
        [
            ["6", "", "Tổ chức 02 hội nghị quán triệt cho 300 cán bộ", "unknown", "task_missing;status_missing", ""],
            ["8", "", "Đón 3 đoàn nghệ thuật Hàn Quốc", "unknown", "task_missing;status_missing", "Mục: Công tác đối ngoại"],
            ["10", "", "Đang xây dựng đề án hợp tác với tỉnh Gyeonggi", "in_progress", "task_missing", "Mục: VỀ HỢP TÁC QUỐC TẾ"],
            // (A status beside the line says it: it was kept as ": Hoàn thành", the status missing.)
            ["11", "", "Tập huấn lễ tân cho 50 cán bộ", "done", "task_missing", "Hoàn thành"],
            ["12", "NV2", "Biên soạn tài liệu giới thiệu tỉnh (NV2)", "unknown", "status_missing", ""],
        ]
    );
    assert_eq!(
        pick(&env.csv(2024, "files.csv"), ["outcome", "report_date", "difficulties", "proposals"]),
        [["accepted", "2024-10-20", "Kinh phí còn hạn chế", "Đề nghị bố trí thêm kinh phí"]]
    );
    let problems = env.csv(2024, "problems.csv");
    let missing: Vec<&str> = problems.iter().filter(|p| p["kind"] == "task_missing").map(|p| p["cell"].as_str()).collect();
    assert_eq!(missing, ["A6", "A8", "A10", "A11"]);
}

/// A report typed as a list pasted from Word, each line's number or bullet in a cell of its
/// own and its text in the next ("1." | "Nhiệm vụ 1: …", "-" | "Đã tổ chức…", a bullet of
/// Word's symbol font): read as the lines they are, findings naming the text's cell. It
/// was `no_table`.
#[test]
fn a_list_pasted_from_word_its_numbers_in_a_column_of_their_own_is_read() {
    let env = Env::new();
    let lines = grid(&[
        &["SỞ NGOẠI VỤ"],
        &["Bắc Giang, ngày 20 tháng 10 năm 2024"],
        &["I.", "KẾT QUẢ THỰC HIỆN"],
        &["1.", "Nhiệm vụ 1: Tuyên truyền, quán triệt"],
        &["-", "Đã tổ chức 2 hội nghị quán triệt."],
        &["\u{f0b7}", "Đăng 20 tin bài trên cổng thông tin."],
        &["2", "Nhiệm vụ 25: Việc khác"],
        &["-", "Đón 3 đoàn khách quốc tế."],
        &["II.", "KHÓ KHĂN, VƯỚNG MẮC"],
        &["-", "Thiếu kinh phí"],
    ]);
    write_sheets(&env.year_dir(2024).join("snv.xlsx"), &[("Báo cáo", lines)]);
    env.run_year(2024, &[]);
    assert_eq!(
        pick(&env.csv(2024, "rows.csv"), ["row", "task_code", "activity", "status"]),
        [
            ["5", "NV1", "Đã tổ chức 2 hội nghị quán triệt.", "done"],
            ["6", "NV1", "Đăng 20 tin bài trên cổng thông tin.", "unknown"],
            ["8", "", "Đón 3 đoàn khách quốc tế.", "unknown"],
        ]
    );
    let files = env.csv(2024, "files.csv");
    assert_eq!(pick(&files, ["outcome", "difficulties"]), [["accepted", "'- Thiếu kinh phí"]]);
    let problems = env.csv(2024, "problems.csv");
    let unknown: Vec<_> =
        problems.iter().filter(|p| p["kind"] == "task_unknown").map(|p| [p["cell"].as_str(), p["detail"].as_str()]).collect();
    assert_eq!(unknown, [["B7", "2. Nhiệm vụ 25: Việc khác"]]);
}

/// A report typed into one cell, its lines broken within it: each line one, the findings
/// naming that cell; its difficulties read from their lines there. It was `no_table`.
#[test]
fn a_report_typed_into_one_cell_is_read_line_by_line() {
    let env = Env::new();
    let text = "I. KẾT QUẢ THỰC HIỆN\n1. Nhiệm vụ 1: Tuyên truyền, quán triệt\n- Đã tổ chức 2 hội nghị quán triệt.\n\
                2. Nhiệm vụ 4: Thúc đẩy quan hệ\n- Đón 3 đoàn khách quốc tế.\n+ Kinh phí: 20 triệu\nII. KHÓ KHĂN\n- Thiếu kinh phí";
    let lines = grid(&[&["Đơn vị báo cáo: Sở Ngoại vụ"], &["Bắc Giang, ngày 20 tháng 10 năm 2024"], &[text]]);
    write_sheets(&env.year_dir(2024).join("snv.xlsx"), &[("Báo cáo", lines)]);
    env.run_year(2024, &[]);
    assert_eq!(
        pick(&env.csv(2024, "rows.csv"), ["row", "task_code", "activity", "status", "budget_million_vnd"]),
        [["3", "NV1", "Đã tổ chức 2 hội nghị quán triệt.", "done", ""], ["3", "NV4", "Đón 3 đoàn khách quốc tế.", "unknown", "20.0"]]
    );
    assert_eq!(pick(&env.csv(2024, "files.csv"), ["outcome", "difficulties"]), [["accepted", "'- Thiếu kinh phí"]]);
}

/// A report typed as lines whose headings are its own numbering before a task's title,
/// shortened ("1. Tuyên truyền, quán triệt…", "II. THÚC ĐẨY QUAN HỆ…"): each heads its
/// task's lines; an item under it in the same title's words is one of them; a heading
/// whose words are in several titles heads lines of the one the plan gives the agency
/// (flagged, not passed over, where it gives none or several). It was `no_table`.
#[test]
fn a_report_typed_as_lines_under_tasks_titles_is_read() {
    let env = Env::new();
    let lines = grid(&[
        &["Đơn vị báo cáo: Sở Ngoại vụ"],
        &["Bắc Giang, ngày 20 tháng 10 năm 2024"],
        &["I. KẾT QUẢ THỰC HIỆN"],
        &["1. Tuyên truyền, quán triệt, nâng cao nhận thức về vị trí, vai trò của ngoại giao văn hóa"],
        &["- Đã tổ chức 2 hội nghị quán triệt Chiến lược cho 200 cán bộ."],
        &["II. THÚC ĐẨY QUAN HỆ, HỢP TÁC, XÂY DỰNG LÒNG TIN"],
        &["1. Thúc đẩy quan hệ hợp tác với tỉnh Quảng Tây"],
        &["3. Quảng bá hình ảnh Bắc Giang"],
        &["- Đã tổ chức Lễ hội vải thiều tại Lục Ngạn."],
        &["IV. KHÓ KHĂN, VƯỚNG MẮC"],
        &["- Thiếu kinh phí."],
    ]);
    write_sheets(&env.year_dir(2024).join("snv.xlsx"), &[("Báo cáo", lines)]);
    env.run_year(2024, &[]);
    assert_eq!(
        pick(&env.csv(2024, "rows.csv"), ["task_code", "activity", "status"]),
        [
            ["NV1", "Đã tổ chức 2 hội nghị quán triệt Chiến lược cho 200 cán bộ.", "done"],
            ["NV4", "Thúc đẩy quan hệ hợp tác với tỉnh Quảng Tây", "unknown"],
            // (In NV6's title and IV.3's, Sở Thông tin và Truyền thông's; Sở Ngoại vụ leads NV6.
            // It was flagged `task_unknown` before 0.9.0.)
            ["NV6", "Đã tổ chức Lễ hội vải thiều tại Lục Ngạn.", "done"],
        ]
    );
    let problems: Vec<_> = env.csv(2024, "problems.csv").into_iter().filter(|p| p["kind"].starts_with("task_")).collect();
    assert_eq!(pick(&problems, ["cell", "detail"]), Vec::<[&str; 2]>::new());
}

/// A report written as labelled lines ("- Kết quả: …" under the activity's line), and a form
/// filled in as cards (a label in a cell, its value beside it): each label gives its field
/// of the activity above it, "Nội dung" starts one, "Nhiệm vụ" names the task, another label
/// under a card goes to its note, and a finding names the cell where the value stands; a
/// table on its side ("Nhiệm vụ | NV5 | NV25") is read a column an activity. Before, each
/// labelled line was an activity of its own ("Kết quả: 300 lượt…"), and the cards and the
/// table on its side were `no_table`.
#[test]
fn a_report_written_as_labelled_lines_or_cards_is_read_by_its_labels() {
    let env = Env::new();
    let lines = grid(&[
        &["Đơn vị báo cáo: Sở Ngoại vụ"],
        &["Bắc Giang, ngày 20 tháng 10 năm 2024"],
        &["1. Nhiệm vụ 1: Tuyên truyền, quán triệt"],
        &["- Đã tổ chức 2 hội nghị quán triệt Chiến lược cho cán bộ."],
        &["+ Kết quả: 300 lượt cán bộ tham dự"],
        &["+ Kinh phí: 15 triệu đồng"],
        // A label that says more than the field's name is part of the line.
        &["- Hoạt động giao lưu: đón 3 đoàn khách quốc tế"],
        &["2. Nhiệm vụ 4: Thúc đẩy quan hệ hợp tác"],
        &["- Xây dựng đề án hợp tác với tỉnh Quảng Tây"],
        &["Tiến độ: Đang thực hiện"],
        // A heading naming a task the plan has not: its lines are flagged, not passed over.
        &["3. Nhiệm vụ 25: Nhiệm vụ khác"],
        &["- Đã tham gia hội chợ du lịch quốc tế"],
    ]);
    write_sheets(&env.year_dir(2024).join("snv.xlsx"), &[("Báo cáo", lines)]);
    let cards = grid(&[
        &["Đơn vị báo cáo: Sở Văn hóa, Thể thao và Du lịch"],
        &["Ngày báo cáo: 18/10/2024"],
        &["Nhiệm vụ", "NV2"],
        &["Nội dung", "Liên hoan nghệ thuật quần chúng"],
        &["Kết quả", "12 đội, 400 diễn viên"],
        &["Tình trạng", "Hoàn thành"],
        &["Kinh phí (triệu đồng)", "khoảng ba chục"],
        &["Địa điểm", "Quảng trường 3/2"],
        &[],
        &["Nhiệm vụ", "NV3"],
        &["Nội dung", "Triển lãm ảnh di sản"],
        &["Tình trạng", "Đang thực hiện"],
    ]);
    write_sheets(&env.year_dir(2024).join("svhttdl.xlsx"), &[("BC", cards)]);
    // A table on its side: each column one activity.
    let across = grid(&[
        &["Đơn vị báo cáo: Sở Thông tin và Truyền thông"],
        &["Ngày báo cáo: 19/10/2024"],
        &["STT", "1", "2"],
        &["Nhiệm vụ", "NV5", "NV25"],
        &["Nội dung hoạt động", "Trang tin đối ngoại", "Phóng sự"],
        &["Kết quả", "120 tin bài", "2 phóng sự"],
        &["Tình trạng", "Hoàn thành", "Đang thực hiện"],
        &["Ghi chú", "", "Phát sóng tháng 12"],
        &["Hình thức", "Trực tuyến", "Truyền hình"],
    ]);
    write_sheets(&env.year_dir(2024).join("stttt.xlsx"), &[("BC", across)]);
    env.run_year(2024, &[]);
    assert_eq!(
        pick(&env.csv(2024, "rows.csv"), ["agency_code", "task_code", "activity", "result", "status", "budget_million_vnd", "note"]),
        [
            ["SNV", "NV1", "Đã tổ chức 2 hội nghị quán triệt Chiến lược cho cán bộ.", "300 lượt cán bộ tham dự", "done", "15.0", ""],
            ["SNV", "NV1", "Hoạt động giao lưu: đón 3 đoàn khách quốc tế", "", "unknown", "", ""],
            ["SNV", "NV4", "Xây dựng đề án hợp tác với tỉnh Quảng Tây", "", "in_progress", "", ""],
            ["SNV", "", "Đã tham gia hội chợ du lịch quốc tế", "", "done", "", ""],
            ["STTTT", "NV5", "Trang tin đối ngoại", "120 tin bài", "done", "", "Hình thức: Trực tuyến"],
            ["STTTT", "", "Phóng sự", "2 phóng sự", "in_progress", "", "Phát sóng tháng 12; Hình thức: Truyền hình"],
            ["SVHTTDL", "NV2", "Liên hoan nghệ thuật quần chúng", "12 đội, 400 diễn viên", "done", "", "Địa điểm: Quảng trường 3/2"],
            ["SVHTTDL", "NV3", "Triển lãm ảnh di sản", "", "in_progress", "", ""],
        ]
    );
    let problems: Vec<_> =
        env.csv(2024, "problems.csv").into_iter().filter(|p| ["budget_unreadable", "task_unknown"].contains(&p["kind"].as_str())).collect();
    assert_eq!(
        pick(&problems, ["file", "cell", "kind"]),
        [["snv.xlsx", "A11", "task_unknown"], ["stttt.xlsx", "C4", "task_unknown"], ["svhttdl.xlsx", "B7", "budget_unreadable"]]
    );
}

/// A table on its side whose columns repeat one activity: each repeat is listed (two on
/// one row were one finding, and the run stopped on rows lost); a single label with values
/// beside it and no task of the plan anywhere ("ND | 3 | Nature Digital") is no report.
#[test]
fn a_table_on_its_side_lists_each_repeated_column() {
    let env = Env::new();
    let across = grid(&[
        &["Đơn vị báo cáo: Sở Ngoại vụ"],
        &["Ngày báo cáo: 20/10/2024"],
        &["Nhiệm vụ", "NV1", "NV1", "NV1"],
        &["Nội dung hoạt động", "Hội nghị quán triệt", "Hội nghị quán triệt", "Hội nghị quán triệt"],
        &["Tình trạng", "Hoàn thành", "Hoàn thành", "Hoàn thành"],
    ]);
    write_sheets(&env.year_dir(2024).join("snv.xlsx"), &[("BC", across)]);
    let junk = grid(&[&["Đơn vị báo cáo: Sở Công Thương"], &["ND", "3", "Nature Digital", "1", "NATURE"]]);
    write_sheets(&env.year_dir(2024).join("sct.xlsx"), &[("BC", junk)]);
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    assert_eq!(rows.len(), 1);
    let problems = env.csv(2024, "problems.csv");
    let repeats = problems.iter().filter(|p| p["kind"] == "duplicate").count();
    assert_eq!(repeats, 2);
    let files = env.csv(2024, "files.csv");
    let sct = files.iter().find(|f| f["file"] == "sct.xlsx").unwrap();
    assert_eq!(sct["reason_code"], "no_table");
}

/// A form of one block per activity, its header written again above each after a blank row
/// and one column changed ("Kết quả" above one, "Kinh phí" above the next): each block is
/// read under its own header (the money was read as the result). A row of data whose
/// texts start with headers' words, after a blank row, is still data.
#[test]
fn a_header_written_again_with_a_column_changed_heads_the_rows_under_it() {
    let env = Env::new();
    let blocks = grid(&[
        &["Đơn vị báo cáo: Sở Ngoại vụ"],
        &["Ngày báo cáo: 20/10/2024"],
        &["Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
        &["NV1", "Hội nghị quán triệt", "200 người", "Hoàn thành"],
        &[],
        &["Nhiệm vụ", "Nội dung hoạt động", "Kinh phí", "Tình trạng"],
        &["NV4", "Tập huấn lễ tân", "5", "Hoàn thành"],
    ]);
    write_sheets(&env.year_dir(2024).join("snv.xlsx"), &[("BC", blocks)]);
    write_report(
        &env.year_dir(2024).join("sct.xlsx"),
        &["Đơn vị báo cáo: Sở Công Thương", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
        &[
            &["1", "IV.4", "Hội chợ trái cây", "30 gian hàng", "Hoàn thành"],
            &[],
            &["", "Nhiệm vụ trọng tâm", "Nội dung tuyên truyền", "Kết quả tốt", "Tình trạng tốt"],
        ],
    );
    env.run_year(2024, &[]);
    assert_eq!(
        pick(&env.csv(2024, "rows.csv"), ["file", "activity", "result", "budget_million_vnd", "status"]),
        [
            ["sct.xlsx", "Hội chợ trái cây", "30 gian hàng", "", "done"],
            ["sct.xlsx", "Nội dung tuyên truyền", "Kết quả tốt", "", "unknown"],
            ["snv.xlsx", "Hội nghị quán triệt", "200 người", "", "done"],
            ["snv.xlsx", "Tập huấn lễ tân", "", "5.0", "done"],
        ]
    );
}

/// A report a script wrote (tests/fixtures/formulas, openpyxl), its formulas saved with no
/// value: arithmetic on figures and the sheet's cells ("=20+30") is worked out (it was
/// flagged and read as empty before 0.11.0); any other formula is flagged
/// `formula_no_value` with its formula, naming the cell, and read as empty (before 0.7.0 it
/// was read as empty and nothing said so).
#[test]
fn a_formula_saved_with_no_value_is_flagged() {
    let env = Env::new();
    env.copy_into_year(2024, "tests/fixtures/formulas/2024");
    env.run_year(2024, &[]);
    // (Sở Công Thương's has a shared formula with no index, which calamine cannot read:
    // its values are read as before, its formulas unflagged, the file not unreadable.)
    assert_eq!(
        pick(&env.csv(2024, "rows.csv"), ["agency_code", "activity", "result", "budget_million_vnd", "flags"]),
        [
            // (NV1 is not given to Sở Công Thương.)
            ["SCT", "Hội nghị quán triệt", "200 đại biểu", "", "unassigned"],
            ["SCT", "Đón đoàn Hàn Quốc", "", "15.0", ""],
            ["SCT", "Quảng bá", "", "", "unassigned"],
            // "=20+30"; "="1 đoàn, "&"12 người"".
            ["SNV", "Hội nghị quán triệt", "200 đại biểu", "50.0", ""],
            ["SNV", "Đón đoàn Hàn Quốc", "1 đoàn, 12 người", "15.0", ""],
            // Another sheet's cell; a function other than SUM.
            ["SNV", "Quảng bá", "", "", "formula_no_value"],
        ]
    );
    let problems: Vec<_> = env.csv(2024, "problems.csv").into_iter().filter(|p| p["kind"] == "formula_no_value").collect();
    // (A text that opens with "=" is written to CSV after a "'".)
    assert_eq!(
        pick(&problems, ["file", "cell", "detail"]),
        [["so-ngoai-vu.xlsx", "D7", "'='Tổng hợp'!B5"], ["so-ngoai-vu.xlsx", "F7", "'=ROUND(F5/3,1)"]]
    );
}

/// The same in a SpreadsheetML workbook a script wrote (Excel saves each formula's value):
/// "=20+30" is worked out, a formula in Excel's R1C1 notation is flagged with its text
/// (before 0.19.0, the first such workbooks read, both were empty and nothing said so).
#[test]
fn a_spreadsheetml_formula_saved_with_no_value_is_worked_out_or_flagged() {
    let env = Env::new();
    std::fs::create_dir_all(env.year_dir(2024)).unwrap();
    let row = |cells: &str| format!("<Row>{cells}</Row>");
    let text = |t: &str| format!(r#"<Cell><Data ss:Type="String">{t}</Data></Cell>"#);
    let rows = [
        row(&text("Đơn vị báo cáo: Sở Ngoại vụ")),
        row(&text("Ngày báo cáo: 20/10/2024")),
        row(&["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Kinh phí (triệu đồng)"].map(text).concat()),
        row(&format!(r#"{}{}{}{}<Cell ss:Formula="=20+30"/>"#, text("1"), text("NV1"), text("Hội nghị"), text("Hoàn thành"))),
        row(&format!(r#"{}{}{}{}<Cell ss:Formula="=R[-1]C*2"></Cell>"#, text("2"), text("NV2"), text("Tập huấn"), text("Hoàn thành"))),
    ];
    let xml = format!(
        r#"<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Báo cáo"><Table>{}</Table></Worksheet></Workbook>"#,
        rows.concat()
    );
    std::fs::write(env.year_dir(2024).join("snv.xls"), xml).unwrap();
    env.run_year(2024, &[]);
    assert_eq!(
        pick(&env.csv(2024, "rows.csv"), ["task_code", "activity", "budget_million_vnd", "flags"]),
        [["NV1", "Hội nghị", "50.0", ""], ["NV2", "Tập huấn", "", "formula_no_value"]]
    );
    let problems: Vec<_> = env.csv(2024, "problems.csv").into_iter().filter(|p| p["kind"] == "formula_no_value").collect();
    assert_eq!(pick(&problems, ["file", "cell", "detail"]), [["snv.xls", "E5", "'=R[-1]C*2"]]);
}

/// A status cell that says more than its status keeps the rest: as the result where the
/// row has none, else in the note (all but the status word was dropped).
#[test]
fn a_status_that_says_more_keeps_what_it_says() {
    let env = Env::new();
    write_report(
        &env.year_dir(2024).join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
        &[
            &["1", "NV1", "Hội nghị quán triệt", "", "Hoàn thành; đã tổ chức 2 hội nghị với 200 đại biểu"],
            &["2", "NV1", "Tập huấn", "1 lớp", "Đang thực hiện, dự kiến xong tháng 12"],
            &["3", "NV1", "Hội thảo", "1 hội thảo", "Hoàn thành đúng tiến độ"],
            // The day it was done is kept; the status said again in other words is not.
            &["4", "NV1", "Giao lưu", "1 đợt", "Hoàn thành 15/6/2024"],
            &["5", "NV1", "Tọa đàm", "1 buổi", "Chưa triển khai thực hiện"],
            &["6", "NV1", "Triển lãm", "1 triển lãm", "Đã HT"],
        ],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str, &str)> = rows.iter().map(|r| (r["result"].as_str(), r["status"].as_str(), r["note"].as_str())).collect();
    assert_eq!(
        got,
        [
            ("Hoàn thành; đã tổ chức 2 hội nghị với 200 đại biểu", "done", ""),
            ("1 lớp", "in_progress", "Tình trạng: Đang thực hiện, dự kiến xong tháng 12"),
            ("1 hội thảo", "done", ""),
            ("1 đợt", "done", "Tình trạng: Hoàn thành 15/6/2024"),
            ("1 buổi", "not_started", ""),
            ("1 triển lãm", "done", ""),
        ]
    );
}

/// Words after the role in its column ("Chủ trì (phối hợp với Sở VHTTDL)") are kept in the
/// note; they were dropped with the role read.
#[test]
fn words_after_the_role_are_kept() {
    let env = Env::new();
    write_report(
        &env.year_dir(2024).join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Vai trò", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
        &[
            &["1", "NV1", "Chủ trì (phối hợp với Sở VHTTDL)", "Hội nghị quán triệt", "2 hội nghị", "Hoàn thành"],
            &["2", "NV1", "Chủ trì", "Tập huấn", "1 lớp", "Hoàn thành"],
        ],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<(&str, &str)> = rows.iter().map(|r| (r["role"].as_str(), r["note"].as_str())).collect();
    assert_eq!(got, [("lead", "Vai trò: Chủ trì (phối hợp với Sở VHTTDL)"), ("lead", "")]);
}

#[test]
fn a_title_naming_last_year_is_said_so_and_its_rows_are_read() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    let header = ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"];
    let row: &[&str] = &["1", "NV1", "Hội nghị", "Xong", "Hoàn thành"];
    // Last year's title, this year's date: the title not changed (or the report resent).
    let titles = [
        ("snv.xlsx", "Sở Ngoại vụ", "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2023"),
        // The plan's span, and the date of the plan a report answers, are no title's year;
        // nor is a title that names the reporting year beside the next.
        ("snoiv.xlsx", "Sở Nội vụ", "Kết quả thực hiện Chiến lược ngoại giao văn hóa đến năm 2030"),
        ("stttt.xlsx", "Sở Thông tin và Truyền thông", "Báo cáo kết quả thực hiện Kế hoạch số 45/KH-UBND ngày 10 tháng 3 năm 2023"),
        ("sct.xlsx", "Sở Công Thương", "Báo cáo kết quả năm 2024 và phương hướng năm 2025"),
    ];
    for (name, agency, title) in titles {
        write_report(&dir.join(name), &[&format!("Đơn vị báo cáo: {agency}"), "Ngày báo cáo: 20/10/2024", title], &header, &[row]);
    }
    env.run_year(2024, &[]);
    let problems = env.csv(2024, "problems.csv");
    let found: Vec<[&str; 3]> = pick(&problems, ["file", "cell", "kind"]).into_iter().filter(|p| p[2] == "title_other_year").collect();
    assert_eq!(found, [["snv.xlsx", "A3", "title_other_year"]]);
    let snv = problems.iter().find(|p| p["kind"] == "title_other_year").unwrap();
    assert_eq!(snv["detail"], "2023");
    // The rows are read, and the report is on time.
    let files = env.csv(2024, "files.csv");
    let f = files.iter().find(|f| f["file"] == "snv.xlsx").unwrap();
    assert_eq!((f["outcome"].as_str(), f["rows_accepted"].as_str(), f["report_date"].as_str()), ("accepted", "1", "2024-10-20"));
}

#[test]
fn last_year_s_report_filed_among_this_year_s_is_not_consolidated_nor_its_day_taken() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    let header = ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"];
    let title = "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2023";
    // Sở Ngoại vụ's report on 2023, sent late in January, then its report on 2024; Sở Tài
    // chính's report on 2023 alone, dated in 2023; Sở Nội vụ's report on 2024 under last
    // year's title, dated in October: its title not changed.
    write_report(
        &dir.join("snv-2023.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 15/01/2024", title],
        &header,
        &[&["1", "NV1", "Hội nghị năm 2023", "Xong", "Hoàn thành"]],
    );
    write_report(
        &dir.join("snv-2024.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024", "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2024"],
        &header,
        &[&["1", "NV1", "Hội nghị năm 2024", "Xong", "Hoàn thành"]],
    );
    write_report(
        &dir.join("stc.xlsx"),
        &["Đơn vị báo cáo: Sở Tài chính", "Ngày báo cáo: 20/10/2023", title],
        &header,
        &[&["1", "NV3", "Tập huấn", "Xong", "Hoàn thành"]],
    );
    write_report(
        &dir.join("snoiv.xlsx"),
        &["Đơn vị báo cáo: Sở Nội vụ", "Ngày báo cáo: 20/10/2024", title],
        &header,
        &[&["1", "NV3", "Tập huấn", "Xong", "Hoàn thành"]],
    );
    // A report on 2023 that names 2024 as the year it looks ahead to.
    write_report(
        &dir.join("stttt.xlsx"),
        &[
            "Đơn vị báo cáo: Sở Thông tin và Truyền thông",
            "Ngày báo cáo: 10/01/2024",
            "BÁO CÁO KẾT QUẢ NĂM 2023 VÀ PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2024",
        ],
        &header,
        &[&["1", "NV1", "Tuyên truyền", "Xong", "Hoàn thành"]],
    );
    // Last year's report of Sở Giáo dục, whose report of this year the receipts register
    // records: that report's file is not in the folder.
    write_report(
        &dir.join("sgddt-2023.xlsx"),
        &["Đơn vị báo cáo: Sở Giáo dục và Đào tạo", "Ngày báo cáo: 20/10/2023", title],
        &header,
        &[&["1", "NV3", "Giao lưu", "Xong", "Hoàn thành"]],
    );
    std::fs::write(dir.join("receipts.csv"), "Đơn vị;Ngày nhận;Số đến\nSở Giáo dục và Đào tạo;21/10/2024;1251\n").unwrap();
    env.run_year(2024, &[]);
    let files = env.csv(2024, "files.csv");
    let got: Vec<[&str; 4]> =
        pick(&files, ["file", "outcome", "reason_code", "rows_accepted"]).into_iter().filter(|f| f[1] != "missing").collect();
    assert_eq!(
        got,
        [
            ["sgddt-2023.xlsx", "skipped", "report_other_year", "0"],
            ["snoiv.xlsx", "accepted", "", "1"],
            ["snv-2023.xlsx", "skipped", "report_other_year", "0"],
            ["snv-2024.xlsx", "accepted", "", "1"],
            ["stc.xlsx", "skipped", "report_other_year", "0"],
            ["stttt.xlsx", "skipped", "report_other_year", "0"],
        ]
    );
    let snv = files.iter().find(|f| f["file"] == "snv-2023.xlsx").unwrap();
    assert!(snv["reason"].starts_with("báo cáo năm 2023 của Sở Ngoại vụ (ngày 15/01/2024)"), "{}", snv["reason"]);
    // Sở Ngoại vụ's report was received on its own day, not on last year's report's; Sở Tài
    // chính and Sở TT&TT have sent only last year's, and are told to send this year's; Sở
    // Giáo dục's report of this year is in the register, not in the folder.
    let completeness = env.csv(2024, "completeness.csv");
    let verdicts: Vec<[&str; 3]> = pick(&completeness, ["agency_code", "received_date", "verdict"])
        .into_iter()
        .filter(|c| ["SNV", "STTTT", "STC", "SNOIV", "SGDDT"].contains(&c[0]))
        .collect();
    assert_eq!(
        verdicts,
        [
            ["SNV", "2024-10-20", "on_time"],
            ["STTTT", "", "last_year"],
            ["STC", "", "last_year"],
            ["SNOIV", "2024-10-20", "on_time"],
            ["SGDDT", "2024-10-21", "no_file"]
        ]
    );
    let rows = env.csv(2024, "rows.csv");
    assert!(!rows.iter().any(|r| r["activity"] == "Hội nghị năm 2023"));
    // The workbook says so, with the file and why it was not consolidated, and counts them.
    let status = sheet(&env.workbook(2024), "Tình hình nộp");
    let stc = row_with(&status, "STC");
    assert_eq!(stc[5], "Chỉ gửi báo cáo năm trước: cần gửi báo cáo năm nay");
    assert!(stc[6].starts_with("stc.xlsx (báo cáo năm 2023 của Sở Tài chính"), "{}", stc[6]);
    let summary = sheet(&env.workbook(2024), "Tổng hợp");
    assert_eq!(row_with(&summary, "Chỉ gửi báo cáo năm trước (chưa có báo cáo năm nay)")[1], "2");
}

#[test]
fn money_with_no_unit_written_and_only_read_as_dong_is_read_so_and_said_once() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    let header = ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí"];
    // Every amount a million and more (and one with its own unit): in đồng.
    write_report(
        &dir.join("svh.xlsx"),
        &["Đơn vị báo cáo: Sở Văn hóa, Thể thao và Du lịch", "Ngày báo cáo: 20/10/2024"],
        &header,
        &[
            &["1", "NV3", "Tập huấn", "2 lớp", "Hoàn thành", "15.000.000"],
            &["2", "NV5", "Liên hoan", "2 đoàn", "Hoàn thành", "1.200.000.000"],
            &["3", "NV7", "Lễ hội", "1", "Hoàn thành", "5 triệu"],
        ],
    );
    // One that reads only in millions beside it: each as before.
    write_report(
        &dir.join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &header,
        &[&["1", "NV1", "Hội nghị", "Xong", "Hoàn thành", "15.000.000"], &["2", "NV2", "Rà soát", "Xong", "Hoàn thành", "20"]],
    );
    // A column of units gives each row's: nothing guessed.
    write_report(
        &dir.join("sct.xlsx"),
        &["Đơn vị báo cáo: Sở Công Thương", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí", "Đơn vị tính"],
        &[&["1", "NV4", "Hội chợ", "Xong", "Hoàn thành", "15.000.000", "đồng"]],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    assert_eq!(
        pick(&rows, ["agency_code", "budget_million_vnd"]),
        [["SCT", "15.0"], ["SNV", ""], ["SNV", "20.0"], ["SVHTTDL", "15.0"], ["SVHTTDL", "1200.0"], ["SVHTTDL", "5.0"]]
    );
    let problems = env.csv(2024, "problems.csv");
    let found: Vec<[&str; 3]> = pick(&problems, ["file", "cell", "kind"]).into_iter().filter(|p| p[2].starts_with("budget")).collect();
    assert_eq!(found, [["snv.xlsx", "F5", "budget_unit_suspect"], ["svh.xlsx", "F4", "budget_unit_guessed"]]);
}

#[test]
fn a_report_of_the_first_half_year_is_said_so_and_the_year_s_report_is_preferred() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    let header = ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"];
    let report = |name: &str, agency: &str, lines: &[&str], activity: &str, task: &str| {
        let mut top = vec![format!("Đơn vị báo cáo: {agency}")];
        top.extend(lines.iter().map(|l| l.to_string()));
        let top: Vec<&str> = top.iter().map(String::as_str).collect();
        write_report(&dir.join(name), &top, &header, &[&["1", task, activity, "Xong", "Hoàn thành"]]);
    };
    // The mid-year report alone: read, and said so.
    report("snv.xlsx", "Sở Ngoại vụ", &["Ngày báo cáo: 15/06/2024", "BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2024"], "Hội nghị", "NV1");
    // Beside the year's report, undated: the year's is used, on other tasks too.
    report(
        "svh-6thang.xlsx",
        "Sở Văn hóa, Thể thao và Du lịch",
        &["Ngày báo cáo: 15/06/2024", "Báo cáo kết quả quý II/2024"],
        "Tập huấn",
        "NV3",
    );
    report("svh-nam.xlsx", "Sở Văn hóa, Thể thao và Du lịch", &["BÁO CÁO KẾT QUẢ NĂM 2024"], "Liên hoan", "NV5");
    // Nine months is the year's report, due in the autumn.
    report("sct.xlsx", "Sở Công Thương", &["Ngày báo cáo: 20/10/2024", "BÁO CÁO KẾT QUẢ 9 THÁNG ĐẦU NĂM 2024"], "Hội chợ", "NV4");
    env.run_year(2024, &[]);
    let problems = env.csv(2024, "problems.csv");
    let found: Vec<[&str; 4]> =
        pick(&problems, ["file", "cell", "kind", "detail"]).into_iter().filter(|p| p[2] == "title_part_year").collect();
    assert_eq!(
        found,
        [
            ["snv.xlsx", "A3", "title_part_year", "BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2024"],
            ["svh-6thang.xlsx", "A3", "title_part_year", "Báo cáo kết quả quý II/2024"]
        ]
    );
    let files = env.csv(2024, "files.csv");
    let outcome = |name: &str| files.iter().find(|f| f["file"] == name).unwrap()["outcome"].clone();
    assert_eq!(
        [outcome("snv.xlsx"), outcome("svh-6thang.xlsx"), outcome("svh-nam.xlsx"), outcome("sct.xlsx")],
        ["accepted", "superseded", "accepted", "accepted"]
    );
    let rows = env.csv(2024, "rows.csv");
    assert_eq!(pick(&rows, ["agency_code", "activity"]), [["SCT", "Hội chợ"], ["SNV", "Hội nghị"], ["SVHTTDL", "Liên hoan"]]);
    // The year's report is not received on the mid-year report's day: undated. Sent alone,
    // the mid-year report is not the year's: still to come (it was on time by its June day).
    let completeness = env.csv(2024, "completeness.csv");
    let agency = |code: &str| completeness.iter().find(|c| c["agency_code"] == code).unwrap().clone();
    let verdict = |code: &str| agency(code)["verdict"].clone();
    assert_eq!([verdict("SNV"), verdict("SVHTTDL"), verdict("SCT")], ["part_year", "undated", "on_time"]);
    let snv = agency("SNV");
    assert_eq!((snv["submitted"].as_str(), snv["received_date"].as_str(), snv["days_late"].as_str()), ("false", "2024-06-15", ""));
    // The workbook says so, beside the report's day, and counts it apart.
    let sent = sheet(&env.workbook(2024), "Tình hình nộp");
    let row = row_with(&sent, "Sở Ngoại vụ");
    assert_eq!((row[3].as_str(), row[5].as_str()), ("2024-06-15", "Mới gửi báo cáo 6 tháng/quý: cần gửi báo cáo năm"));
    let summary = sheet(&env.workbook(2024), "Tổng hợp");
    assert_eq!(row_with(&summary, "Mới gửi báo cáo 6 tháng/quý (chưa có báo cáo năm)")[1], "1");
}

#[test]
fn a_workbook_of_the_year_s_parts_a_sheet_each_is_the_year_s_report_sent_on_its_latest_day() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    let part = |agency: &str, title: &str, date: &str, activity: &str| {
        let mut cells = grid(&[&[agency], &[date], &[title], &[]]);
        cells.extend(grid(&[
            &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
            &["1", "NV1", activity, "Xong", "Hoàn thành"],
        ]));
        cells
    };
    // A sheet added each quarter, each with its own day: the report was sent when its last
    // was written (it was the first quarter's mid-year report, on time by its March day).
    let snv = "SỞ NGOẠI VỤ";
    write_sheets(
        &dir.join("snv.xlsx"),
        &[
            ("Quý I", part(snv, "BÁO CÁO KẾT QUẢ QUÝ I NĂM 2024", "Bắc Giang, ngày 20 tháng 3 năm 2024", "Hội nghị")),
            ("Quý II", part(snv, "BÁO CÁO KẾT QUẢ QUÝ II NĂM 2024", "Bắc Giang, ngày 20 tháng 6 năm 2024", "Tập huấn")),
            ("Quý III", part(snv, "BÁO CÁO KẾT QUẢ QUÝ III NĂM 2024", "Bắc Giang, ngày 28 tháng 10 năm 2024", "Đón đoàn")),
        ],
    );
    // The year's report with an appendix of its first quarter, and the mid-year report kept
    // before the year's: each was the mid-year report alone, its sender's verdict part_year.
    let svh = "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH";
    write_sheets(
        &dir.join("svh.xlsx"),
        &[
            ("Báo cáo", part(svh, "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2024", "Bắc Giang, ngày 18 tháng 10 năm 2024", "Liên hoan")),
            ("Phụ lục", part(svh, "KẾT QUẢ THỰC HIỆN QUÝ I NĂM 2024", "", "Triển lãm")),
        ],
    );
    let sct = "SỞ CÔNG THƯƠNG";
    write_sheets(
        &dir.join("sct.xlsx"),
        &[
            ("6 tháng", part(sct, "BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2024", "Bắc Giang, ngày 20 tháng 6 năm 2024", "Hội chợ")),
            ("Cả năm", part(sct, "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2024", "Bắc Giang, ngày 21 tháng 10 năm 2024", "Xúc tiến")),
        ],
    );
    // Two quarters alone are the first half: the mid-year report, as before.
    let snoiv = "SỞ NỘI VỤ";
    write_sheets(
        &dir.join("snoiv.xlsx"),
        &[
            ("Quý I", part(snoiv, "BÁO CÁO KẾT QUẢ QUÝ I NĂM 2024", "Bắc Giang, ngày 20 tháng 3 năm 2024", "Tập huấn")),
            ("Quý II", part(snoiv, "BÁO CÁO KẾT QUẢ QUÝ II NĂM 2024", "Bắc Giang, ngày 20 tháng 6 năm 2024", "Hội thảo")),
        ],
    );
    env.run_year(2024, &[]);
    let completeness = env.csv(2024, "completeness.csv");
    let got: Vec<[&str; 4]> = pick(&completeness, ["agency_code", "verdict", "received_date", "days_late"])
        .into_iter()
        .filter(|c| ["SNV", "SVHTTDL", "SCT", "SNOIV"].contains(&c[0]))
        .collect();
    assert_eq!(
        got,
        [
            ["SNV", "late", "2024-10-28", "3"],
            ["SVHTTDL", "on_time", "2024-10-18", "0"],
            ["SCT", "on_time", "2024-10-21", "0"],
            ["SNOIV", "part_year", "2024-06-20", ""]
        ]
    );
    let problems = env.csv(2024, "problems.csv");
    let part_year: Vec<[&str; 3]> = pick(&problems, ["file", "sheet", "kind"]).into_iter().filter(|p| p[2] == "title_part_year").collect();
    assert_eq!(part_year, [["snoiv.xlsx", "Quý I", "title_part_year"]]);
    // Every part's rows are read.
    let rows = env.csv(2024, "rows.csv");
    let snv: Vec<[&str; 2]> = pick(&rows, ["agency_code", "activity"]).into_iter().filter(|r| r[0] == "SNV").collect();
    assert_eq!(snv, [["SNV", "Hội nghị"], ["SNV", "Tập huấn"], ["SNV", "Đón đoàn"]]);
}

#[test]
fn a_deadline_on_a_saturday_runs_to_the_monday_after() {
    let env = Env::new();
    let dir = env.year_dir(2025);
    let header = ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"];
    let row: &[&str] = &["1", "NV1", "Hội nghị", "Xong", "Hoàn thành"];
    // 25/10/2025 is a Saturday: a report of Monday 27/10 is on time (it was two days late),
    // one of the Tuesday a day late (it was three).
    write_report(&dir.join("snv.xlsx"), &["SỞ NGOẠI VỤ", "Bắc Giang, ngày 27 tháng 10 năm 2025"], &header, &[row]);
    write_report(&dir.join("svh.xlsx"), &["SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bắc Giang, ngày 28 tháng 10 năm 2025"], &header, &[row]);
    env.run_year(2025, &["--as-of", "2025-11-20"]);
    let completeness = env.csv(2025, "completeness.csv");
    let got: Vec<[&str; 3]> =
        pick(&completeness, ["agency_code", "verdict", "days_late"]).into_iter().filter(|c| ["SNV", "SVHTTDL"].contains(&c[0])).collect();
    assert_eq!(got, [["SNV", "on_time", "0"], ["SVHTTDL", "late", "1"]]);
    let summary = sheet(&env.workbook(2025), "Tổng hợp");
    assert_eq!(row_with(&summary, "Hạn nộp báo cáo")[1], "25/10/2025, thứ Bảy: nhận đến hết thứ Hai 27/10/2025");
    // On the Sunday, an agency yet to send is not yet late, and the days left count to the
    // Monday.
    let out = env.run(&["check", "--plan", "inputs/plans/bac-giang.toml", "--year", "2025", "--as-of", "2025-10-26"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Còn 1 ngày đến hạn nộp (25/10/2025, thứ Bảy: nhận đến hết thứ Hai 27/10/2025)"), "{text}");
    assert!(text.contains("SCT Sở Công Thương — Chưa nộp (chưa đến hạn)"), "{text}");
}

/// A report of one activity on NV1, done, under its sender's name, date line and title.
fn titled_report(path: &std::path::Path, lines: [&str; 3], activity: &str) {
    let header = ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"];
    write_report(path, &lines, &header, &[&["1", "NV1", activity, "Xong", "Hoàn thành"]]);
}

#[test]
fn quarterly_reports_sent_apart_are_parts_of_the_year_s_report() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    let report =
        |name: &str, agency: &str, date: &str, title: &str, activity: &str| titled_report(&dir.join(name), [agency, date, title], activity);
    // Three quarters, no report of the year: each quarter's work is the year's (the first
    // two were taken for earlier versions of the third, their activities dropped); received
    // when the last part was.
    report("snv-q1.xlsx", "SỞ NGOẠI VỤ", "Bắc Giang, ngày 20 tháng 3 năm 2024", "BÁO CÁO KẾT QUẢ QUÝ I NĂM 2024", "Hội nghị");
    report("snv-q2.xlsx", "SỞ NGOẠI VỤ", "Bắc Giang, ngày 20 tháng 6 năm 2024", "BÁO CÁO KẾT QUẢ QUÝ II NĂM 2024", "Tập huấn");
    report("snv-q3.xlsx", "SỞ NGOẠI VỤ", "Bắc Giang, ngày 28 tháng 10 năm 2024", "BÁO CÁO KẾT QUẢ QUÝ III NĂM 2024", "Đón đoàn");
    // Beside the year's report a quarter's is an earlier report, as before.
    let svh = "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH";
    report("svh-q2.xlsx", svh, "Bắc Giang, ngày 20 tháng 6 năm 2024", "BÁO CÁO KẾT QUẢ QUÝ II NĂM 2024", "Liên hoan");
    report("svh-nam.xlsx", svh, "Bắc Giang, ngày 18 tháng 10 năm 2024", "BÁO CÁO KẾT QUẢ NĂM 2024", "Triển lãm");
    // Two quarters of the first half alone: the mid-year report, received on the second's day.
    report("sct-q1.xlsx", "SỞ CÔNG THƯƠNG", "Bắc Giang, ngày 20 tháng 3 năm 2024", "BÁO CÁO KẾT QUẢ QUÝ I NĂM 2024", "Hội chợ");
    report("sct-q2.xlsx", "SỞ CÔNG THƯƠNG", "Bắc Giang, ngày 20 tháng 6 năm 2024", "BÁO CÁO KẾT QUẢ QUÝ II NĂM 2024", "Xúc tiến");
    env.run_year(2024, &[]);
    let files = env.csv(2024, "files.csv");
    assert_eq!(
        pick(&files, ["file", "outcome"]),
        [
            ["sct-q1.xlsx", "accepted"],
            ["sct-q2.xlsx", "accepted"],
            ["snv-q1.xlsx", "accepted"],
            ["snv-q2.xlsx", "accepted"],
            ["snv-q3.xlsx", "accepted"],
            ["svh-nam.xlsx", "accepted"],
            ["svh-q2.xlsx", "superseded"]
        ]
    );
    let problems = env.csv(2024, "problems.csv");
    let parts: Vec<[&str; 2]> = pick(&problems, ["file", "kind"]).into_iter().filter(|p| p[1] == "report_period_part").collect();
    assert_eq!(
        parts,
        [["sct-q1.xlsx", "report_period_part"], ["snv-q1.xlsx", "report_period_part"], ["snv-q2.xlsx", "report_period_part"]]
    );
    let completeness = env.csv(2024, "completeness.csv");
    let got: Vec<[&str; 4]> = pick(&completeness, ["agency_code", "verdict", "received_date", "days_late"])
        .into_iter()
        .filter(|c| ["SNV", "SVHTTDL", "SCT"].contains(&c[0]))
        .collect();
    assert_eq!(
        got,
        [["SNV", "late", "2024-10-28", "3"], ["SVHTTDL", "on_time", "2024-10-18", "0"], ["SCT", "part_year", "2024-06-20", ""]]
    );
}

#[test]
fn a_monthly_report_is_a_part_of_the_year_not_the_year_s_report() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    let report =
        |name: &str, agency: &str, date: &str, title: &str, activity: &str| titled_report(&dir.join(name), [agency, date, title], activity);
    // May's report alone: the agency has not sent the year's (it was on time by its May day).
    report("snv-t5.xlsx", "SỞ NGOẠI VỤ", "Bắc Giang, ngày 30 tháng 5 năm 2024", "BÁO CÁO KẾT QUẢ THÁNG 5 NĂM 2024", "Hội nghị");
    // A report a month: each month's work is the year's, received with the last (they were
    // taken for versions of one report, two months' activities dropped).
    let svh = "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH";
    report("svh-t8.xlsx", svh, "Bắc Giang, ngày 30 tháng 8 năm 2024", "BÁO CÁO KẾT QUẢ THÁNG 8/2024", "Liên hoan");
    report("svh-t9.xlsx", svh, "Bắc Giang, ngày 30 tháng 9 năm 2024", "BÁO CÁO KẾT QUẢ THÁNG 9/2024", "Triển lãm");
    report("svh-t10.xlsx", svh, "Bắc Giang, ngày 24 tháng 10 năm 2024", "BÁO CÁO KẾT QUẢ THÁNG 10/2024", "Đón đoàn");
    // The year's report counted from October to September, and ten months': the year's.
    let sct_title = "BÁO CÁO KẾT QUẢ NĂM 2024 (TỪ THÁNG 10/2023 ĐẾN THÁNG 9/2024)";
    report("sct.xlsx", "SỞ CÔNG THƯƠNG", "Bắc Giang, ngày 20 tháng 10 năm 2024", sct_title, "Hội chợ");
    report("snoiv.xlsx", "SỞ NỘI VỤ", "Bắc Giang, ngày 21 tháng 10 năm 2024", "BÁO CÁO KẾT QUẢ 10 THÁNG NĂM 2024", "Tập huấn");
    env.run_year(2024, &[]);
    let completeness = env.csv(2024, "completeness.csv");
    let got: Vec<[&str; 3]> = pick(&completeness, ["agency_code", "verdict", "received_date"])
        .into_iter()
        .filter(|c| ["SNV", "SVHTTDL", "SCT", "SNOIV"].contains(&c[0]))
        .collect();
    assert_eq!(
        got,
        [
            ["SNV", "part_year", "2024-05-30"],
            ["SVHTTDL", "on_time", "2024-10-24"],
            ["SCT", "on_time", "2024-10-20"],
            ["SNOIV", "on_time", "2024-10-21"]
        ]
    );
    let rows = env.csv(2024, "rows.csv");
    let mut svh_rows: Vec<&str> = rows.iter().filter(|r| r["agency_code"] == "SVHTTDL").map(|r| r["activity"].as_str()).collect();
    svh_rows.sort();
    assert_eq!(svh_rows, ["Liên hoan", "Triển lãm", "Đón đoàn"]);
    let problems = env.csv(2024, "problems.csv");
    let kinds = |file: &str| -> Vec<&str> { problems.iter().filter(|p| p["file"] == file).map(|p| p["kind"].as_str()).collect() };
    assert_eq!(kinds("snv-t5.xlsx"), ["title_part_year"]);
    // (They report a task they were not given: `unassigned`, nothing about their titles.)
    assert_eq!((kinds("sct.xlsx"), kinds("snoiv.xlsx")), (vec!["unassigned"], vec!["unassigned"]));
}

#[test]
fn an_agency_that_sent_only_its_mid_year_report_is_a_gap_past_the_deadline() {
    let env = Env::new();
    // Two agencies, a task each: both report on it, one only in its mid-year report.
    let plan = "[plan]\nid = \"hai-co-quan\"\ntitle = \"Kế hoạch thử\"\nprovince = \"Bắc Giang\"\nfirst_year = 2022\nlast_year = 2030\n\
                coordinator = \"SNV\"\ndeadline = \"25/10\"\n\n[[agencies]]\ncode = \"SNV\"\nname = \"Sở Ngoại vụ\"\n\n[[agencies]]\ncode = \"SCT\"\n\
                name = \"Sở Công Thương\"\n\n[[tasks]]\ncode = \"NV1\"\ntitle = \"Tuyên truyền\"\nlead = \"SNV\"\n\n\
                [[tasks]]\ncode = \"NV2\"\ntitle = \"Xúc tiến thương mại\"\nlead = \"SCT\"\n";
    std::fs::write(env.root.join("inputs/plans/hai.toml"), plan).unwrap();
    let dir = env.root.join("inputs/hai-co-quan/2024");
    let header = ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"];
    let report = |title: &str| {
        write_report(
            &dir.join("snv.xlsx"),
            &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
            &header,
            &[&["1", "NV1", "Hội nghị", "Xong", "Hoàn thành"]],
        );
        write_report(
            &dir.join("sct.xlsx"),
            &["Đơn vị báo cáo: Sở Công Thương", "Ngày báo cáo: 15/06/2024", title],
            &header,
            &[&["1", "NV2", "Hội chợ", "Xong", "Hoàn thành"]],
        );
    };
    let run = || env.run(&["run", "--plan", "inputs/plans/hai.toml", "--year", "2024", "--as-of", "2024-11-20", "--fail-on-gaps"]);
    // The year's report, sent in June: no gap.
    report("BÁO CÁO KẾT QUẢ NĂM 2024");
    assert_eq!(run().status.code(), Some(0));
    // The mid-year report alone: the year's is still to come, a gap past the deadline
    // (it was on time, and the run exited 0).
    report("BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2024");
    let out = run();
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout)
        .contains("nhận 1/2 báo cáo (1 đúng hạn, 0 muộn, 0 không rõ ngày, 0 chưa nộp, 1 mới gửi báo cáo 6 tháng/quý)"));
    // Before the deadline it is no gap yet, and still said.
    let out = env.run(&["check", "--plan", "inputs/plans/hai.toml", "--year", "2024", "--as-of", "2024-10-01", "--fail-on-gaps"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("SCT Sở Công Thương — Mới gửi báo cáo 6 tháng/quý: cần gửi báo cáo năm"));
}

#[test]
fn a_signing_line_with_its_day_and_month_in_figures_or_its_year_in_two_is_its_date() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    // Each was date_missing or date_unreadable, the agency's report undated.
    for (name, agency, line) in [
        ("snv.xlsx", "SỞ NGOẠI VỤ", "Bắc Giang, ngày 20/10 năm 2024"),
        ("sct.xlsx", "SỞ CÔNG THƯƠNG", "Bắc Giang, ngày 27 tháng 10 năm 24"),
    ] {
        write_report(
            &dir.join(name),
            &[agency, line],
            &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
            &[&["1", "NV1", "Hội nghị", "Xong", "Hoàn thành"]],
        );
    }
    env.run_year(2024, &[]);
    let files = env.csv(2024, "files.csv");
    assert_eq!(pick(&files, ["file", "report_date"]), [["sct.xlsx", "2024-10-27"], ["snv.xlsx", "2024-10-20"]]);
    let completeness = env.csv(2024, "completeness.csv");
    let verdict = |code: &str| completeness.iter().find(|c| c["agency_code"] == code).unwrap()["verdict"].clone();
    assert_eq!([verdict("SNV"), verdict("SCT")], ["on_time", "late"]);
}

#[test]
fn a_result_on_a_labelled_line_of_the_activity_s_cell_is_the_row_s_result() {
    let env = Env::new();
    // One column for the work and what came of it; a row's result on a line of its own.
    write_report(
        &env.year_dir(2024).join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung và kết quả thực hiện", "Tình trạng"],
        &[
            &["1", "NV1", "Tổ chức hội nghị quán triệt\nKết quả: 120 đại biểu", "Hoàn thành"],
            &["2", "NV2", "Xây dựng quy chế\nĐịa điểm: Sở Ngoại vụ", "Hoàn thành"],
        ],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    // (The first was all activity, with no result.)
    assert_eq!(
        pick(&rows, ["activity", "result"]),
        [["Tổ chức hội nghị quán triệt", "120 đại biểu"], ["Xây dựng quy chế\nĐịa điểm: Sở Ngoại vụ", ""]]
    );
}

#[test]
fn a_column_of_status_words_under_another_header_is_the_status() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    // Each table has no status column; the status words stand under a header of no field,
    // or under one set aside beside the result's.
    let reports = [
        ("snv.xlsx", "Sở Ngoại vụ", "Nhận xét"),
        ("snoiv.xlsx", "Sở Nội vụ", "Tự đánh giá kết quả"),
        ("stttt.xlsx", "Sở Thông tin và Truyền thông", "Kết quả/Tiến độ"),
        // A column of when, whatever its words, is not read so.
        ("sct.xlsx", "Sở Công Thương", "Thời gian"),
    ];
    for (name, agency, head) in reports {
        write_report(
            &dir.join(name),
            &[&format!("Đơn vị báo cáo: {agency}"), "Ngày báo cáo: 20/10/2024"],
            &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", head],
            &[&["1", "NV1", "Hội nghị", "2 hội nghị", "Hoàn thành"], &["2", "NV1", "Tọa đàm", "1 tọa đàm", "Đang thực hiện"]],
        );
    }
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<[&str; 4]> = pick(&rows, ["file", "activity", "status", "note"]);
    for name in ["snv.xlsx", "snoiv.xlsx", "stttt.xlsx"] {
        let of: Vec<[&str; 3]> = got.iter().filter(|r| r[0] == name).map(|r| [r[1], r[2], r[3]]).collect();
        assert_eq!(of, [["Hội nghị", "done", ""], ["Tọa đàm", "in_progress", ""]], "{name}");
    }
    let sct: Vec<[&str; 3]> = got.iter().filter(|r| r[0] == "sct.xlsx").map(|r| [r[1], r[2], r[3]]).collect();
    assert_eq!(sct, [["Hội nghị", "unknown", "Thời gian: Hoàn thành"], ["Tọa đàm", "unknown", "Thời gian: Đang thực hiện"]]);
    let problems = env.csv(2024, "problems.csv");
    let missing: Vec<&str> = problems
        .iter()
        .filter(|p| p["kind"].starts_with("status_") || p["kind"] == "no_status_column")
        .map(|p| p["file"].as_str())
        .collect();
    assert_eq!(missing, ["sct.xlsx"], "the table with no status column is the one said so");
}

#[test]
fn a_column_of_task_codes_under_another_header_is_the_task() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    let reports = [("snv.xlsx", "Sở Ngoại vụ", "Mã"), ("svhttdl.xlsx", "Sở Văn hóa, Thể thao và Du lịch", "Số hiệu nhiệm vụ")];
    for (name, agency, head) in reports {
        write_report(
            &dir.join(name),
            &[&format!("Đơn vị báo cáo: {agency}"), "Ngày báo cáo: 20/10/2024"],
            &["STT", head, "Nội dung hoạt động", "Kết quả", "Tình trạng"],
            &[
                &["1", "NV1", "Hội nghị", "2 hội nghị", "Hoàn thành"],
                &["2", "II.4", "Đón đoàn", "3 đoàn", "Hoàn thành"],
                &["3", "NV25", "Tọa đàm", "1 tọa đàm", "Hoàn thành"],
            ],
        );
    }
    // A column of when is not read so.
    write_report(
        &dir.join("sct.xlsx"),
        &["Đơn vị báo cáo: Sở Công Thương", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Thời gian", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
        &[&["1", "Quý 1", "Hội chợ", "1 hội chợ", "Hoàn thành"]],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<[&str; 4]> = pick(&rows, ["file", "task_code", "task_as_written", "note"]);
    for name in ["snv.xlsx", "svhttdl.xlsx"] {
        let of: Vec<[&str; 3]> = got.iter().filter(|r| r[0] == name).map(|r| [r[1], r[2], r[3]]).collect();
        assert_eq!(of, [["NV1", "NV1", ""], ["NV4", "II.4", ""], ["", "NV25", ""]], "{name}");
    }
    assert!(got.contains(&["sct.xlsx", "", "", "Thời gian: Quý 1"]), "{got:?}");
    let problems = env.csv(2024, "problems.csv");
    let kinds: Vec<[&str; 2]> = pick(&problems, ["file", "kind"]).into_iter().filter(|p| p[1].starts_with("task_")).collect();
    assert!(kinds.contains(&["snv.xlsx", "task_unknown"]) && kinds.contains(&["sct.xlsx", "task_missing"]), "{kinds:?}");
    assert!(!kinds.contains(&["snv.xlsx", "task_missing"]), "{kinds:?}");
}

#[test]
fn a_labelled_line_under_an_activity_gives_it_that_field() {
    let env = Env::new();
    write_report(
        &env.year_dir(2024).join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
        &[
            &["1", "NV1", "Hội nghị quán triệt", "2 hội nghị", "Hoàn thành"],
            &["", "", "Kinh phí: 30 triệu đồng", "", ""],
            &["", "", "- Địa điểm: Hà Nội", "", ""],
            &["2", "NV4", "Đón đoàn", "", "Hoàn thành"],
            &["", "", "Kết quả: đón 30 khách", "", ""],
            &["", "", "Kinh phí: 10.000.000 đồng", "", ""],
        ],
    );
    // Its status, in a table with no status column.
    write_report(
        &env.year_dir(2024).join("snoiv.xlsx"),
        &["Đơn vị báo cáo: Sở Nội vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả"],
        &[&["1", "NV3", "Tập huấn", "1 lớp"], &["", "", "Tình trạng: Hoàn thành", ""], &["2", "NV3", "Khảo sát", "1 đợt"]],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<[&str; 6]> = pick(&rows, ["file", "activity", "result", "status", "budget_million_vnd", "note"]);
    assert_eq!(
        got,
        [
            ["snoiv.xlsx", "Tập huấn", "1 lớp", "done", "", ""],
            ["snoiv.xlsx", "Khảo sát", "1 đợt", "unknown", "", ""],
            ["snv.xlsx", "Hội nghị quán triệt", "2 hội nghị", "done", "30.0", "Địa điểm: Hà Nội"],
            ["snv.xlsx", "Đón đoàn", "đón 30 khách", "done", "10.0", ""],
        ]
    );
    let flags: Vec<&str> = rows.iter().map(|r| r["flags"].as_str()).collect();
    assert_eq!(flags, ["", "status_missing", "", ""]);
    // Each line is listed as joined to its row: every row read is accounted for.
    let problems = env.csv(2024, "problems.csv");
    let joined: Vec<[&str; 3]> = pick(&problems, ["cell", "kind", "detail"]).into_iter().filter(|p| p[1] == "continued_row").collect();
    assert_eq!(joined.len(), 5, "{joined:?}");
    let without: Vec<[&str; 3]> = pick(&problems, ["file", "kind", "detail"]).into_iter().filter(|p| p[1] == "no_status_column").collect();
    assert_eq!(without, [["snoiv.xlsx", "no_status_column", "1"]], "one row of two says no status");
    let files = env.csv(2024, "files.csv");
    let f = files.iter().find(|f| f["file"] == "snv.xlsx").unwrap();
    assert_eq!((f["rows_read"].as_str(), f["rows_accepted"].as_str()), ("6", "2"));
}

#[test]
fn a_table_of_next_year_s_plans_under_its_heading_is_not_this_year_s() {
    let env = Env::new();
    let grid_of = grid(&[
        &["Đơn vị báo cáo: Sở Ngoại vụ"],
        &["Ngày báo cáo: 20/10/2024"],
        &["I. KẾT QUẢ THỰC HIỆN NĂM 2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
        &["1", "NV1", "Hội nghị quán triệt", "2 hội nghị", "Hoàn thành"],
        &[],
        // A table of its own, in other columns, under its heading.
        &["II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Thời gian", "Ghi chú"],
        &["1", "NV6", "Quảng bá tại Nhật Bản", "Quý III", ""],
    ]);
    write_sheets(&env.year_dir(2024).join("snv.xlsx"), &[("Báo cáo", grid_of)]);
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    assert_eq!(pick(&rows, ["task_code", "activity"]), [["NV1", "Hội nghị quán triệt"]]);
    let problems = env.csv(2024, "problems.csv");
    let later: Vec<[&str; 3]> = pick(&problems, ["cell", "kind", "detail"]).into_iter().filter(|p| p[1] == "row_other_year").collect();
    assert_eq!(later, [["A9", "row_other_year", "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025: 1 | NV6 | Quảng bá tại Nhật Bản"]]);
    // NV6 was not reported this year.
    let coverage = env.csv(2024, "coverage.csv");
    let nv6 = coverage.iter().find(|c| c["agency_code"] == "SNV" && c["task_code"] == "NV6").unwrap();
    assert_eq!(nv6["reported"], "false");
}

#[test]
fn a_sum_with_no_label_over_the_rows_it_adds_up_is_a_totals_row() {
    let env = Env::new();
    let header = ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)"];
    let rows: [&[&str]; 2] =
        [&["1", "NV1", "Hội nghị", "Xong", "Hoàn thành", "30"], &["2", "NV4", "Đón đoàn", "3 đoàn", "Hoàn thành", "10"]];
    // The total put first; and an amount first that adds up nothing, an activity still.
    for (name, agency, first) in [("snv.xlsx", "Sở Ngoại vụ", "40"), ("sct.xlsx", "Sở Công Thương", "25")] {
        let sum = ["", "", "", "", "", first];
        let mut all: Vec<&[&str]> = vec![&sum];
        all.extend(rows);
        write_report(&env.year_dir(2024).join(name), &[&format!("Đơn vị báo cáo: {agency}"), "Ngày báo cáo: 20/10/2024"], &header, &all);
    }
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let money: Vec<[&str; 2]> = pick(&rows, ["file", "budget_million_vnd"]);
    assert_eq!(money, [["sct.xlsx", "25.0"], ["sct.xlsx", "30.0"], ["sct.xlsx", "10.0"], ["snv.xlsx", "30.0"], ["snv.xlsx", "10.0"]]);
    let problems = env.csv(2024, "problems.csv");
    let totals: Vec<[&str; 3]> = pick(&problems, ["file", "cell", "kind"]).into_iter().filter(|p| p[2] == "totals_row").collect();
    assert_eq!(totals, [["snv.xlsx", "F5", "totals_row"]]);
}

#[test]
fn a_time_in_the_status_column_is_kept_and_the_result_says_the_status() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    // "Tiến độ" holding when the work was done, as a schedule has it: the result says how
    // far it got.
    write_report(
        &dir.join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tiến độ"],
        &[
            &["1", "NV1", "Hội nghị", "Đã tổ chức 2 hội nghị", "Tháng 6/2024"],
            &["2", "NV2", "Hội thảo", "Đang chuẩn bị", "Quý IV/2024"],
            &["3", "NV4", "Triển lãm", "Hoàn thành", "15/06/2024"],
            &["4", "NV6", "Tập huấn", "2 lớp", "Tháng 8/2024"],
        ],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    assert_eq!(
        pick(&rows, ["activity", "status", "note"]),
        [
            ["Hội nghị", "done", "Tiến độ: Tháng 6/2024"],
            ["Hội thảo", "in_progress", "Tiến độ: Quý IV/2024"],
            ["Triển lãm", "done", "Tiến độ: 15/06/2024"],
            ["Tập huấn", "unknown", ""],
        ]
    );
    // Where the result does not say it, the status is still asked for, the time shown.
    let problems = env.csv(2024, "problems.csv");
    let found: Vec<[&str; 3]> = pick(&problems, ["cell", "kind", "detail"]).into_iter().filter(|p| p[1].starts_with("status")).collect();
    assert_eq!(found, [["E8", "status_unknown", "Tháng 8/2024"]]);
}

#[test]
fn a_signing_date_typed_with_its_words_and_figures_run_together_dates_the_report() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    // Under the table, in the signing block: it was read as an activity, and the report
    // had no date.
    write_report(
        &dir.join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
        &[
            &["1", "NV1", "Hội nghị", "2 hội nghị", "Hoàn thành"],
            &[],
            &["", "", "", "Bắc Giang, ngày20 tháng10 năm2024"],
            &["", "", "", "GIÁM ĐỐC"],
        ],
    );
    env.run_year(2024, &[]);
    let files = env.csv(2024, "files.csv");
    assert_eq!(
        pick(&files, ["file", "report_date", "rows_accepted"]).into_iter().filter(|f| f[0] == "snv.xlsx").collect::<Vec<_>>(),
        [["snv.xlsx", "2024-10-20", "1"]]
    );
    let rows = env.csv(2024, "rows.csv");
    assert_eq!(pick(&rows, ["activity"]), [["Hội nghị"]]);
}

/// Work a clerk says is outside the plan's tasks, in the task column ("Nhiệm vụ khác",
/// "Phát sinh"), under a section's heading ("II | CÁC HOẠT ĐỘNG KHÁC") or on a sheet of its
/// own: consolidated apart, under no task, with a finding that says so (not a task's code
/// asked for), even from an agency the plan gives one task. Each was `task_unknown`,
/// `task_missing`, or the district's one task.
#[test]
fn work_outside_the_plan_s_tasks_is_consolidated_apart() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    write_report(
        &dir.join("snv.xlsx"),
        &["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)"],
        &[
            &["1", "NV1", "Hội nghị tuyên truyền", "2 hội nghị", "Hoàn thành", "10"],
            &["2", "Nhiệm vụ khác", "Đón đoàn nghệ thuật Lào", "1 đoàn", "Hoàn thành", "5"],
            &["3", "Chung", "Rà soát văn bản", "Xong", "Hoàn thành", ""],
        ],
    );
    write_report(
        &dir.join("luc-nam.xlsx"),
        &["Đơn vị báo cáo: UBND huyện Lục Nam", "Ngày báo cáo: 15/10/2024"],
        &["STT", "Nội dung hoạt động", "Kết quả thực hiện", "Tình trạng", "Kinh phí (triệu đồng)"],
        &[
            &["I", "Tuyên truyền trên Đài truyền thanh huyện"],
            &["1", "Phát sóng tin bài", "45 tin bài", "Hoàn thành", "3"],
            &["II", "CÁC HOẠT ĐỘNG KHÁC"],
            &["1", "Hỗ trợ lễ hội chùa Vĩnh Nghiêm", "Xong", "Hoàn thành", "2"],
            &["2", "Đón khách Hàn Quốc", "1 đoàn", "Hoàn thành", ""],
        ],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    assert_eq!(
        pick(&rows, ["agency_code", "task_code", "task_as_written", "flags"]),
        [
            ["HLUCNAM", "IV.11", "", "task_only_one"],
            ["HLUCNAM", "", "CÁC HOẠT ĐỘNG KHÁC", "task_outside_plan"],
            ["HLUCNAM", "", "CÁC HOẠT ĐỘNG KHÁC", "task_outside_plan"],
            ["SNV", "NV1", "NV1", ""],
            ["SNV", "", "Nhiệm vụ khác", "task_outside_plan"],
            ["SNV", "", "Chung", "task_unknown"],
        ]
    );
    let mut outside = env.csv(2024, "problems.csv");
    outside.retain(|p| p["kind"] == "task_outside_plan");
    assert_eq!(
        pick(&outside, ["file", "cell", "detail"]),
        [["luc-nam.xlsx", "A8", "CÁC HOẠT ĐỘNG KHÁC"], ["luc-nam.xlsx", "A9", "CÁC HOẠT ĐỘNG KHÁC"], ["snv.xlsx", "B6", "Nhiệm vụ khác"]]
    );
    let message = &outside[0]["message"];
    assert!(message.starts_with("việc ngoài các nhiệm vụ của kế hoạch") && !message.contains("NV1, NV2"), "{message}");
    // In the workbook: a group of its own on the activities' sheet, after the plan's tasks and
    // before what could not be told; and a line of its own in the budget.
    let book = env.workbook(2024);
    let acts = sheet(&book, "Hoạt động");
    let groups: Vec<&str> = acts.iter().map(|r| r[0].as_str()).filter(|c| c.len() > 8).skip(2).collect();
    let heads: Vec<&str> = groups.iter().map(|g| if g.contains(". ") { g.split(". ").next().unwrap() } else { g }).collect();
    assert_eq!(
        heads,
        [
            "NV1",
            "IV.11",
            "Việc ngoài các nhiệm vụ của kế hoạch (các cơ quan báo cáo thêm)",
            "Chưa xác định được nhiệm vụ (xem trang Vấn đề dữ liệu)"
        ]
    );
    assert_eq!(row_with(&acts, "[Nhiệm vụ khác] Đón đoàn nghệ thuật Lào")[1], "Sở Ngoại vụ");
    // On the summary, how many activities and how much money of the work consolidated.
    let summary = sheet(&book, "Tổng hợp");
    let outside = row_with(&summary, "Trong đó: việc ngoài các nhiệm vụ của kế hoạch (số hoạt động; kinh phí, triệu đồng)");
    assert_eq!(outside[1..3], ["3", "7"]);
    let money = sheet(&book, "Kinh phí");
    let lines: Vec<[&str; 4]> =
        money.iter().filter(|r| r[0].starts_with('(') || r[1].starts_with("Cộng (")).map(|r| [&*r[0], &*r[1], &*r[2], &*r[3]]).collect();
    assert_eq!(
        lines,
        [
            ["(ngoài KH)", "Sở Ngoại vụ", "1", "5"],
            ["(ngoài KH)", "UBND huyện Lục Nam", "2", "2"],
            ["", "Cộng (ngoài KH)", "3", "7"],
            ["(chưa rõ)", "Sở Ngoại vụ", "1", "0"],
            ["", "Cộng (chưa rõ)", "1", "0"]
        ]
    );
}

/// The same in a report typed as lines, under a heading of its own ("III. NHIỆM VỤ PHÁT
/// SINH", "2. Nhiệm vụ khác:"), and on a sheet of its own beside a sheet per task. The
/// lines were `task_missing` or passed over, the sheet's rows `task_missing`.
#[test]
fn work_outside_the_plan_s_tasks_in_lines_and_on_a_sheet_of_its_own() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    let lines = |l: &[&str]| l.iter().map(|t| vec![t.to_string()]).collect::<Vec<_>>();
    write_sheets(
        &dir.join("sct.xlsx"),
        &[(
            "Báo cáo",
            lines(&[
                "Đơn vị báo cáo: Sở Công Thương",
                "Ngày báo cáo: 20/10/2024",
                "1. Nhiệm vụ 4: Hội chợ, triển lãm",
                "- Tổ chức 2 hội chợ quảng bá sản phẩm",
                "2. Nhiệm vụ khác:",
                "- Đón đoàn doanh nghiệp Nhật Bản tại tỉnh",
                "III. NHIỆM VỤ PHÁT SINH",
                "- Tiếp Đại sứ quán Hàn Quốc tại tỉnh",
                "IV. KHÓ KHĂN, VƯỚNG MẮC",
                "- Thiếu kinh phí cho hoạt động",
            ]),
        )],
    );
    let table = |activity: &str| {
        grid(&[
            &["Đơn vị báo cáo: Sở Văn hóa, Thể thao và Du lịch"],
            &["Ngày báo cáo: 20/10/2024"],
            &[],
            &["STT", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
            &["1", activity, "Xong", "Hoàn thành"],
        ])
    };
    write_sheets(
        &dir.join("svhttdl.xlsx"),
        &[("NV6", table("Liên hoan nghệ thuật")), ("Nhiệm vụ khác", table("Hỗ trợ quay phim tài liệu"))],
    );
    // Such a sheet with a task column: for the rows that leave it blank.
    let tasked = |rows: &[&[&str]]| {
        let mut g = grid(&[&["Đơn vị báo cáo: Sở Thông tin và Truyền thông"], &["Ngày báo cáo: 20/10/2024"], &[]]);
        g.extend(grid(&[&["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"]]));
        g.extend(grid(rows));
        g
    };
    write_sheets(
        &dir.join("stttt.xlsx"),
        &[
            ("Báo cáo", tasked(&[&["1", "NV1", "Biên soạn tài liệu", "1 bộ", "Hoàn thành"]])),
            (
                "Hoạt động khác",
                tasked(&[
                    &["1", "", "Hỗ trợ phóng viên nước ngoài", "3 lượt", "Hoàn thành"],
                    &["2", "NV1", "Dịch tài liệu", "1 bộ", "Hoàn thành"],
                ]),
            ),
        ],
    );
    // A report typed as lines that names no task anywhere: its work under a section of
    // what was done, and "Nhiệm vụ phát sinh" (its lines were passed over).
    write_sheets(
        &dir.join("snv.xlsx"),
        &[(
            "Báo cáo",
            lines(&[
                "Đơn vị báo cáo: Sở Ngoại vụ",
                "Ngày báo cáo: 20/10/2024",
                "I. KẾT QUẢ THỰC HIỆN",
                "- Tổ chức hội nghị tuyên truyền về văn hóa",
                "II. Nhiệm vụ phát sinh",
                "- Tiếp đoàn Đại sứ quán Lào tại tỉnh",
                "1. Công tác lễ tân",
                "- Đón 2 đoàn khách quốc tế",
            ]),
        )],
    );
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let found: Vec<[&str; 4]> = pick(&rows, ["activity", "task_code", "task_as_written", "flags"]);
    assert_eq!(
        found.iter().map(|r| [r[0], r[1], r[2], r[3].split(';').next().unwrap()]).collect::<Vec<_>>(),
        [
            ["Tổ chức 2 hội chợ quảng bá sản phẩm", "NV4", "1. Nhiệm vụ 4: Hội chợ, triển lãm", "status_missing"],
            ["Đón đoàn doanh nghiệp Nhật Bản tại tỉnh", "", "Nhiệm vụ khác", "task_outside_plan"],
            ["Tiếp Đại sứ quán Hàn Quốc tại tỉnh", "", "NHIỆM VỤ PHÁT SINH", "task_outside_plan"],
            ["Tổ chức hội nghị tuyên truyền về văn hóa", "", "", "task_missing"],
            ["Tiếp đoàn Đại sứ quán Lào tại tỉnh", "", "Nhiệm vụ phát sinh", "task_outside_plan"],
            ["Đón 2 đoàn khách quốc tế", "", "Nhiệm vụ phát sinh", "task_outside_plan"],
            ["Biên soạn tài liệu", "NV1", "NV1", ""],
            ["Hỗ trợ phóng viên nước ngoài", "", "Hoạt động khác", "task_outside_plan"],
            ["Dịch tài liệu", "NV1", "NV1", ""],
            ["Liên hoan nghệ thuật", "NV6", "NV6", ""],
            ["Hỗ trợ quay phim tài liệu", "", "Nhiệm vụ khác", "task_outside_plan"],
        ]
    );
    // The lines' findings name their heading's cell.
    let mut outside = env.csv(2024, "problems.csv");
    outside.retain(|p| p["kind"] == "task_outside_plan");
    assert_eq!(
        pick(&outside, ["file", "sheet", "cell"]),
        [
            ["sct.xlsx", "Báo cáo", "A5"],
            ["sct.xlsx", "Báo cáo", "A7"],
            ["snv.xlsx", "Báo cáo", "A5"],
            ["stttt.xlsx", "Hoạt động khác", "B5"],
            ["svhttdl.xlsx", "Nhiệm vụ khác", "A5"]
        ]
    );
}

/// A second task column beside the first where no column names the activity ("Nhiệm vụ |
/// Nhiệm vụ trọng tâm | Kết quả"): where most of its texts name no task of the plan, they
/// are the clerk's work for the task, the activity (each row had none, its work in the
/// note). One that copies the tasks' titles, or headed "Tên nhiệm vụ", stays in the note.
#[test]
fn a_second_task_column_of_the_clerk_s_own_work_is_the_activity() {
    let env = Env::new();
    let dir = env.year_dir(2024);
    let lines = ["Đơn vị báo cáo: Sở Ngoại vụ", "Ngày báo cáo: 20/10/2024"];
    let rows: &[&[&str]] = &[
        &["1", "NV1", "Tổ chức hội nghị tuyên truyền", "2 hội nghị", "Hoàn thành"],
        &["2", "NV4", "Đón đoàn nghệ thuật Lào", "1 đoàn", "Hoàn thành"],
    ];
    write_report(&dir.join("snv.xlsx"), &lines, &["STT", "Nhiệm vụ", "Nhiệm vụ trọng tâm", "Kết quả", "Tiến độ"], rows);
    let lines = ["Đơn vị báo cáo: Sở Văn hóa, Thể thao và Du lịch", "Ngày báo cáo: 20/10/2024"];
    let titles: &[&[&str]] = &[
        &["1", "NV1", "Tuyên truyền, quán triệt, nâng cao nhận thức về ngoại giao văn hóa", "2 hội nghị", "Hoàn thành"],
        &["2", "NV7", "Tổ chức liên hoan", "1 liên hoan", "Hoàn thành"],
    ];
    write_report(&dir.join("svhttdl.xlsx"), &lines, &["STT", "Nhiệm vụ", "Nội dung nhiệm vụ", "Kết quả", "Tiến độ"], titles);
    let lines = ["Đơn vị báo cáo: Sở Công Thương", "Ngày báo cáo: 20/10/2024"];
    write_report(&dir.join("sct.xlsx"), &lines, &["STT", "Mã nhiệm vụ", "Tên nhiệm vụ", "Kết quả thực hiện", "Tiến độ"], &rows[1..]);
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    assert_eq!(
        pick(&rows, ["file", "task_code", "activity", "note"]),
        [
            ["sct.xlsx", "NV4", "", "Tên nhiệm vụ: Đón đoàn nghệ thuật Lào"],
            ["snv.xlsx", "NV1", "Tổ chức hội nghị tuyên truyền", ""],
            ["snv.xlsx", "NV4", "Đón đoàn nghệ thuật Lào", ""],
            ["svhttdl.xlsx", "NV1", "", "Nội dung nhiệm vụ: Tuyên truyền, quán triệt, nâng cao nhận thức về ngoại giao văn hóa"],
            ["svhttdl.xlsx", "NV7", "", "Nội dung nhiệm vụ: Tổ chức liên hoan"],
        ]
    );
}

#[test]
fn a_percentage_typed_into_a_cell_is_read_as_it_is_shown() {
    let env = Env::new();
    // "85%" typed into a cell: Excel keeps 0.85, formatted "0%".
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Đơn vị báo cáo: Sở Ngoại vụ").unwrap();
    ws.write_string(1, 0, "Ngày báo cáo: 20/10/2024").unwrap();
    for (c, t) in ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tiến độ", "Ghi chú", "Kinh phí (triệu đồng)"].iter().enumerate()
    {
        ws.write_string(3, c as u16, *t).unwrap();
    }
    let percent = rust_xlsxwriter::Format::new().set_num_format("0%");
    let decimals = rust_xlsxwriter::Format::new().set_num_format("0.0%");
    // (A per cent sign typed as itself, not a percentage: the number and the sign, as shown.)
    let literal = rust_xlsxwriter::Format::new().set_num_format("0\\%");
    for (r, task, activity) in [(4, "NV1", "Hội nghị"), (5, "NV2", "Tập huấn")] {
        ws.write_string(r, 0, (r - 3).to_string()).unwrap();
        ws.write_string(r, 1, task).unwrap();
        ws.write_string(r, 2, activity).unwrap();
    }
    ws.write_number_with_format(4, 3, 0.85, &percent).unwrap();
    ws.write_number_with_format(4, 4, 1.0, &percent).unwrap();
    ws.write_number_with_format(4, 5, 0.125, &decimals).unwrap();
    ws.write_number(4, 6, 0.5).unwrap();
    ws.write_number(5, 3, 0.85).unwrap();
    ws.write_number_with_format(5, 4, 0.5, &percent).unwrap();
    ws.write_number_with_format(5, 5, 30.0, &literal).unwrap();
    // (Money shown as a percentage, "50%": no amount, where it was read 0.5 as stored.)
    ws.write_number_with_format(5, 6, 0.5, &percent).unwrap();
    std::fs::create_dir_all(env.year_dir(2024)).unwrap();
    wb.save(env.year_dir(2024).join("snv.xlsx")).unwrap();
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<[&str; 4]> =
        rows.iter().map(|r| [r["result"].as_str(), r["status"].as_str(), r["note"].as_str(), r["budget_million_vnd"].as_str()]).collect();
    // (The result was "0.85", the status "1" unknown, the note "0.125"; before 0.18.0 the
    // sign typed as itself was left out, "30".)
    assert_eq!(got, [["85%", "done", "12.5%", "0.5"], ["0.85", "in_progress", "30%", ""]]);
    let problems = env.csv(2024, "problems.csv");
    let unreadable: Vec<(&str, &str)> =
        problems.iter().filter(|p| p["kind"] == "budget_unreadable").map(|p| (p["cell"].as_str(), p["detail"].as_str())).collect();
    assert_eq!(unreadable, [("G6", "50%")]);
}

#[test]
fn a_percentage_is_read_as_shown_in_every_format_a_clerk_saves() {
    // tests/fixtures/percent/2024 (openpyxl, then LibreOffice): the same report as .xlsx
    // written as Excel writes it, as LibreOffice's .xlsx, as .ods (two cells alike in one
    // repeated) and as .xls; a count with its unit in its format, "0\" đại biểu\"", and
    // money in đồng shown as millions, "#,##0,,", beside the percentages.
    let env = Env::new();
    env.copy_into_year(2024, "tests/fixtures/percent/2024");
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    for file in ["bao-bac-giang.xls", "so-cong-thuong.xlsx", "so-ngoai-vu.xlsx", "so-van-hoa.ods"] {
        let got: Vec<[&str; 4]> = rows
            .iter()
            .filter(|r| r["file"] == file)
            .map(|r| [r["result"].as_str(), r["status"].as_str(), r["note"].as_str(), r["budget_million_vnd"].as_str()])
            .collect();
        // (Before 0.17.0: "0.85", the status "1" unknown, "0.125"; the money as it was.
        // Before 0.18.0: "300", and 50000000 under "triệu đồng", flagged and not counted.)
        let want = [
            ["85%", "done", "Tỷ lệ giải ngân: 12.5%", "0.5"],
            ["Xong", "in_progress", "Tỷ lệ giải ngân: 50%", "20.0"],
            ["300 đại biểu", "done", "", "50.0"],
        ];
        assert_eq!(got, want, "{file}");
    }
    // With no percentage in the workbook: an .ods keeps the words' format in styles.xml.
    let got: Vec<[&str; 3]> = rows
        .iter()
        .filter(|r| r["file"] == "so-noi-vu.ods")
        .map(|r| [r["result"].as_str(), r["status"].as_str(), r["budget_million_vnd"].as_str()])
        .collect();
    assert_eq!(got, [["300 đại biểu", "done", "50.0"]]);
}

#[test]
fn a_workbook_saved_as_strict_open_xml_is_read() {
    // tests/fixtures/strict/2024 (openpyxl, then rewritten as Excel's "Strict Open XML
    // Spreadsheet" keeps it): other namespaces, and the dates and times kept as text. The
    // report's date is such a cell, a task is merged over two rows, a result is a percentage.
    let env = Env::new();
    env.copy_into_year(2024, "tests/fixtures/strict/2024");
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<[&str; 6]> = rows
        .iter()
        .map(|r| {
            [
                r["agency_code"].as_str(),
                r["report_date"].as_str(),
                r["task_code"].as_str(),
                r["result"].as_str(),
                r["status"].as_str(),
                r["note"].as_str(),
            ]
        })
        .collect();
    // (Before 0.18.0 the time read "Thời gian: PT14H30M0.000S".)
    let want = [
        ["SNV", "2024-10-20", "NV1", "85%", "done", "Thời gian: 15/06/2024"],
        ["SNV", "2024-10-20", "NV1", "30 học viên", "done", "Thời gian: 14:30"],
        ["SNV", "2024-10-20", "NV2", "1 đoàn", "in_progress", "Thời gian: 02/09/2024"],
    ];
    assert_eq!(got, want);
}

#[test]
fn a_workbook_saved_as_xml_spreadsheet_2003_is_read() {
    // tests/fixtures/xml2003/2024: "XML Spreadsheet 2003" (SpreadsheetML), in Excel's own
    // shape under an ".xls" name as a web system exports it (a task merged down over two
    // activities, a hidden row, a hidden sheet, the report's date as a date cell, a count
    // and shares shown by their formats, rich text, a line break), and as LibreOffice's
    // export writes it under Excel's ".xml" name. Before 0.19.0 both were skipped.
    let env = Env::new();
    env.copy_into_year(2024, "tests/fixtures/xml2003/2024");
    env.run_year(2024, &[]);
    let files = env.csv(2024, "files.csv");
    let want_files =
        [["so-ngoai-vu.xml", "accepted", "SNV", "2024-10-21", "3", "2"], ["so-van-hoa.xls", "accepted", "SVHTTDL", "2024-10-18", "5", "3"]];
    assert_eq!(pick(&files, ["file", "outcome", "agency_code", "report_date", "rows_read", "rows_accepted"]), want_files);
    let rows = env.csv(2024, "rows.csv");
    let want = [
        ["so-ngoai-vu.xml", "5", "NV1", "Hội nghị quán triệt kế hoạch", "200", "done", "50.0"],
        ["so-ngoai-vu.xml", "7", "NV6", "Quảng bá hình ảnh Bắc Giang tại hội chợ", "Đạt 85% kế hoạch", "in_progress", "30.0"],
        ["so-van-hoa.xls", "6", "NV3", "Bồi dưỡng kỹ năng đối ngoại\ncho cán bộ văn hóa", "300 đại biểu", "done", "45.0"],
        ["so-van-hoa.xls", "7", "NV3", "Biên soạn tài liệu giới thiệu di sản", "Đã in 1.000 cuốn", "in_progress", "20.0"],
        [
            "so-van-hoa.xls",
            "9",
            "NV5",
            "Tham gia Tuần văn hóa Việt Nam tại Hàn Quốc",
            "Hoàn thành: 2 chương trình biểu diễn",
            "done",
            "150.0",
        ],
    ];
    assert_eq!(pick(&rows, ["file", "row", "task_code", "activity", "result", "status", "budget_million_vnd"]), want);
    let problems = env.csv(2024, "problems.csv");
    let want_problems = [
        ["so-ngoai-vu.xml", "Báo cáo", "A6", "row_hidden"],
        ["so-van-hoa.xls", "Báo cáo", "A8", "row_hidden"],
        ["so-van-hoa.xls", "Hướng dẫn", "", "sheet_hidden"],
    ];
    assert_eq!(pick(&problems, ["file", "sheet", "cell", "kind"]), want_problems);
    // The consolidated workbook shows them as any other report's.
    let sheet = sheet(&env.workbook(2024), "Hoạt động");
    assert_eq!(row_with(&sheet, "Bồi dưỡng kỹ năng đối ngoại\ncho cán bộ văn hóa")[4], "300 đại biểu");
    assert_eq!(row_with(&sheet, "Tham gia Tuần văn hóa Việt Nam tại Hàn Quốc")[5], "Hoàn thành");
}

/// LibreOffice's .ods of tests/fixtures/percent zipped again, its entries in the order
/// `order` gives, each compressed, and each entry's bytes as `change` makes them.
fn ods_zipped_again(order: impl Fn(&mut Vec<String>), change: impl Fn(&str, Vec<u8>) -> Vec<u8>) -> Vec<u8> {
    let original = std::fs::read(repo().join("tests/fixtures/percent/2024/so-van-hoa.ods")).unwrap();
    let mut from = zip::ZipArchive::new(std::io::Cursor::new(original)).unwrap();
    let mut names: Vec<String> = from.file_names().map(|n| n.unwrap().into_owned()).collect();
    order(&mut names);
    let mut again = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for name in &names {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut from.by_name(name).unwrap(), &mut bytes).unwrap();
        again.start_file(name.clone(), deflated).unwrap();
        std::io::Write::write_all(&mut again, &change(name, bytes)).unwrap();
    }
    again.finish().unwrap().into_inner()
}

/// What a run makes of one Sở Văn hóa .ods (or another file of that name): its files.csv
/// line, its rows.
fn ods_read(bytes: &[u8]) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    read_one("so-van-hoa.ods", bytes)
}

fn read_one(name: &str, bytes: &[u8]) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let env = Env::new();
    std::fs::create_dir_all(env.year_dir(2024)).unwrap();
    std::fs::write(env.year_dir(2024).join(name), bytes).unwrap();
    env.run_year(2024, &[]);
    let (files, rows) = (env.csv(2024, "files.csv"), env.csv(2024, "rows.csv"));
    let owned = |rows: Vec<[&str; 4]>| -> Vec<Vec<String>> { rows.iter().map(|r| r.map(str::to_string).to_vec()).collect() };
    (
        owned(pick(&files, ["outcome", "agency_code", "rows_read", "rows_accepted"])),
        owned(pick(&rows, ["task_code", "activity", "result", "status"])),
    )
}

#[test]
fn an_ods_zipped_again_with_its_mimetype_elsewhere_is_read() {
    // LibreOffice's .ods zipped again as an archiver does: entries in the order of their
    // names, every one compressed, so "mimetype" is neither first nor readable in the
    // file's first bytes. Before 0.19.0 it was opened as an .xlsx and skipped as
    // unreadable. It reads as the workbook LibreOffice zipped.
    let again = ods_zipped_again(|names| names.sort(), |_, bytes| bytes);
    let (files, rows) = ods_read(&again);
    assert_eq!(files, [["accepted", "SVHTTDL", "3", "3"]]);
    assert_eq!(rows[0], ["NV1", "Hội nghị quán triệt", "85%", "done"]);
    assert_eq!((files, rows), ods_read(&std::fs::read(repo().join("tests/fixtures/percent/2024/so-van-hoa.ods")).unwrap()));
}

#[test]
fn an_ods_whose_content_is_indented_is_read() {
    // The same workbook with its rows and cells indented, as a generator's pretty-printed
    // XML is; calamine refuses it. Before 0.19.0 unreadable.
    let indented = ods_zipped_again(
        |_| {},
        |name, bytes| match name {
            "content.xml" => String::from_utf8(bytes)
                .unwrap()
                .replace("<table:table-row", "\n   <table:table-row")
                .replace("<table:table-cell", "\n    <table:table-cell")
                .replace("</table:table-row>", "\n   </table:table-row>")
                .into_bytes(),
            _ => bytes,
        },
    );
    let (files, rows) = ods_read(&indented);
    assert_eq!(files, [["accepted", "SVHTTDL", "3", "3"]]);
    assert_eq!((files, rows), ods_read(&std::fs::read(repo().join("tests/fixtures/percent/2024/so-van-hoa.ods")).unwrap()));
}

#[test]
fn a_workbook_saved_as_flat_xml_odf_is_read() {
    // The same workbook saved by LibreOffice as "Flat XML ODF Spreadsheet" (.fods:
    // tests/fixtures/flat, make-flat.sh), one XML document, indented. Before 0.19.0 it was
    // `not_spreadsheet`. It reads as the .ods does, its percentages and words as shown.
    let flat = std::fs::read(repo().join("tests/fixtures/flat/2024/so-van-hoa.fods")).unwrap();
    let (files, rows) = read_one("so-van-hoa.fods", &flat);
    assert_eq!(files, [["accepted", "SVHTTDL", "3", "3"]]);
    assert_eq!(rows[2], ["NV3", "Đón đoàn", "300 đại biểu", "done"]);
    assert_eq!((files, rows), ods_read(&std::fs::read(repo().join("tests/fixtures/percent/2024/so-van-hoa.ods")).unwrap()));
}

#[test]
fn a_number_is_read_with_the_words_and_scale_its_format_shows() {
    // A clerk's formats: a count with its unit ("300 đại biểu" kept as 300), money in đồng
    // shown as millions ("#,##0,,": 50000000 shows "50"), money with the đồng's sign, a
    // sign typed as the format's, and numbers shown as they are (grouped, two decimals).
    let env = Env::new();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Đơn vị báo cáo: Sở Ngoại vụ").unwrap();
    ws.write_string(1, 0, "Ngày báo cáo: 20/10/2024").unwrap();
    for (c, t) in
        ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)", "Kinh phí khác"].iter().enumerate()
    {
        ws.write_string(3, c as u16, *t).unwrap();
    }
    let format = |code: &str| rust_xlsxwriter::Format::new().set_num_format(code);
    for (r, task, activity) in [(4, "NV1", "Hội nghị"), (5, "NV2", "Tập huấn"), (6, "NV3", "Đón đoàn")] {
        ws.write_number(r, 0, f64::from(r - 3)).unwrap();
        ws.write_string(r, 1, task).unwrap();
        ws.write_string(r, 2, activity).unwrap();
        ws.write_string(r, 4, "Hoàn thành").unwrap();
    }
    ws.write_number_with_format(4, 3, 300.0, &format("0\" đại biểu\"")).unwrap();
    ws.write_number_with_format(4, 5, 50_000_000.0, &format("#,##0,,")).unwrap();
    ws.write_number_with_format(4, 6, 2.0, &format("0\" lần\"")).unwrap();
    ws.write_number_with_format(5, 3, 1500.0, &format("#,##0")).unwrap();
    ws.write_number_with_format(5, 5, 20.0, &format("0.00")).unwrap();
    ws.write_number_with_format(6, 3, 3.0, &format("General\" đoàn\"")).unwrap();
    ws.write_number_with_format(6, 5, 15_000_000.0, &format("#,##0 [$₫-42A]")).unwrap();
    std::fs::create_dir_all(env.year_dir(2024)).unwrap();
    wb.save(env.year_dir(2024).join("snv.xlsx")).unwrap();
    env.run_year(2024, &[]);
    let rows = env.csv(2024, "rows.csv");
    let got: Vec<[&str; 3]> = rows.iter().map(|r| [r["result"].as_str(), r["budget_million_vnd"].as_str(), r["note"].as_str()]).collect();
    // (Before 0.18.0: "300", "3"; the money 50000000 flagged `budget_unit_suspect` and
    // not counted; "Kinh phí khác: 2".)
    assert_eq!(got, [["300 đại biểu", "50.0", "Kinh phí khác: 2 lần"], ["1500", "20.0", ""], ["3 đoàn", "15.0", ""]]);
    let problems = env.csv(2024, "problems.csv");
    assert!(!problems.iter().any(|p| p["kind"].starts_with("budget")), "{problems:?}");
}

#[test]
fn a_place_and_date_line_with_no_comma_dates_the_report() {
    // "Bắc Giang 20/10/2024", the comma and "ngày" left out, above the table or in the
    // signing block under it (before 0.18.0 `date_missing`, and under the table read as an
    // activity of its own); not a title's day in capitals, the day a report counts up to.
    let env = Env::new();
    let header = ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"];
    let row: &[&str] = &["1", "NV1", "Hội nghị quán triệt", "120 đại biểu", "Hoàn thành"];
    let dir = env.year_dir(2024);
    std::fs::create_dir_all(&dir).unwrap();
    write_report(&dir.join("snv.xlsx"), &["SỞ NGOẠI VỤ", "Bắc Giang 20/10/2024"], &header, &[row]);
    write_report(&dir.join("stc.xlsx"), &["SỞ TÀI CHÍNH", "KẾT QUẢ ĐẾN 30/9/2024"], &header, &[row]);
    let mut cells = grid(&[&["UBND HUYỆN LỤC NGẠN"], &[]]);
    cells.extend(grid(&[&header, row, &[], &["", "", "", "Lục Ngạn 18/10/2024"], &["", "", "", "CHỦ TỊCH"]]));
    write_sheets(&dir.join("hln.xlsx"), &[("Sheet1", cells)]);
    env.run_year(2024, &[]);
    let files = env.csv(2024, "files.csv");
    assert_eq!(
        pick(&files, ["file", "report_date", "rows_read"]),
        [["hln.xlsx", "2024-10-18", "1"], ["snv.xlsx", "2024-10-20", "1"], ["stc.xlsx", "", "1"]]
    );
    let problems = env.csv(2024, "problems.csv");
    let missing: Vec<&str> = problems.iter().filter(|p| p["kind"] == "date_missing").map(|p| p["file"].as_str()).collect();
    assert_eq!(missing, ["stc.xlsx"]);
}
