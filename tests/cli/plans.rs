//! Every seed plan, agencies renamed and merged over the years, and the multi-year view.

use crate::env::*;

#[test]
fn every_shipped_plan_checks_and_incomplete_ones_say_what_is_missing() {
    let env = Env::new();
    for (file, complete) in [("bac-giang", true), ("lai-chau", true), ("lang-son", false), ("can-tho", false)] {
        let path = format!("inputs/plans/{file}.toml");
        let out = env.run(&["plan", "check", &path]);
        assert_ok(&out, &["plan", "check", &path]);
        let text = String::from_utf8_lossy(&out.stdout);
        if complete {
            assert!(text.contains(": hợp lệ —"), "{text}");
        } else {
            assert!(text.contains("hợp lệ nhưng chưa đủ"), "{text}");
            for missing in [
                "chưa có danh sách cơ quan",
                "thiếu cơ quan đầu mối tổng hợp (coordinator)",
                "thiếu hạn nộp báo cáo hằng năm (deadline)",
                "chưa có cơ quan chủ trì",
            ] {
                assert!(text.contains(missing), "{file}: {missing} not named\n{text}");
            }
        }
    }
}

#[test]
fn a_merger_2024_expects_the_old_agency_2025_the_successor() {
    let env = Env::example(2024);
    // Reports on 2025 signed by the old names: a department merged into Sở Tài chính, and a
    // district abolished. (Not 2024's reports copied: those are last year's reports in
    // 2025's folder, not consolidated.)
    let y25 = env.year_dir(2025);
    std::fs::create_dir_all(&y25).unwrap();
    let header = ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"];
    for (file, agency, task) in
        [("06_SKHDT_bao-cao-2025.xlsx", "Sở Kế hoạch và Đầu tư", "IV.6"), ("16_HYENTHE_bao-cao-2025.xlsx", "UBND huyện Yên Thế", "IV.11")]
    {
        let title = "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2025";
        let lines = [&format!("Đơn vị báo cáo: {agency}")[..], "Ngày báo cáo: 20/10/2025", title];
        write_report(&y25.join(file), &lines, &header, &[&["1", task, "Hội nghị xúc tiến", "2 hội nghị", "Hoàn thành"]]);
    }
    env.run_year(2024, &[]);
    env.run_year(2025, &["--as-of", "2025-11-20"]);
    let expected = |year: i32| -> Vec<String> { env.csv(year, "completeness.csv").iter().map(|r| r["agency_code"].clone()).collect() };
    let (e24, e25) = (expected(2024), expected(2025));
    assert!(e24.contains(&"SKHDT".to_string()) && e24.contains(&"STTTT".to_string()) && e24.contains(&"HLUCNGAN".to_string()));
    assert!(!e24.contains(&"SNNMT".to_string()));
    assert!(!e25.contains(&"SKHDT".to_string()) && !e25.contains(&"STTTT".to_string()) && !e25.contains(&"SNNPTNT".to_string()));
    assert!(e25.contains(&"SNNMT".to_string()) && e25.contains(&"STC".to_string()));
    assert!(!e25.iter().any(|c| c.starts_with('H') || c == "TPBG"), "districts were abolished in 2025: {e25:?}");

    // The 2025 report still signed "Sở Kế hoạch và Đầu tư" lands on Sở Tài chính, flagged.
    let rows = env.csv(2025, "rows.csv");
    let skhdt: Vec<_> = rows.iter().filter(|r| r["file"] == "06_SKHDT_bao-cao-2025.xlsx").collect();
    assert!(!skhdt.is_empty());
    assert!(skhdt.iter().all(|r| r["agency_code"] == "STC" && r["task_code"] == "IV.6" && r["role"] == "lead"), "{skhdt:?}");
    let problems = env.csv(2025, "problems.csv");
    let p = problems.iter().find(|p| p["file"] == "06_SKHDT_bao-cao-2025.xlsx" && p["kind"] == "agency_renamed").unwrap();
    assert_eq!(p["detail"], "SKHDT → STC");
    // Assignments passed to the successors (Sở TT&TT's NV1 partnership is Sở KH&CN's now).
    let coverage = env.csv(2025, "coverage.csv");
    let has = |a: &str, t: &str, role: &str| coverage.iter().any(|r| r["agency_code"] == a && r["task_code"] == t && r["role"] == role);
    assert!(has("STC", "IV.6", "lead") && has("SKHCN", "NV1", "partner") && has("SKHCN", "IV.3", "lead") && has("SNNMT", "IV.5", "lead"));
    // A district's 2025 report is flagged: no such agency that year.
    assert!(problems.iter().any(|p| p["file"] == "16_HYENTHE_bao-cao-2025.xlsx" && p["kind"] == "agency_not_in_force"));
    // 2024 is untouched by 2025's reorganisation.
    assert!(env.csv(2024, "problems.csv").iter().all(|p| p["kind"] != "agency_renamed"));
}

#[test]
fn the_multi_year_sheet_compares_the_example_years() {
    let env = Env::example(2024);
    copy_year(&env, 2023);
    let out = env.run(&["run", "--plan", "inputs/plans/bac-giang.toml", "--years", "2022-2024", "--as-of", AS_OF]);
    assert_ok(&out, &["run", "--years", "2022-2024"]);
    let book = env.root.join(format!("outputs/{PLAN_ID}/so-sanh-{PLAN_ID}-2022-2024.xlsx"));
    let grid = sheet(&book, "So sánh các năm");
    let header = row_with(&grid, "Tình hình nộp báo cáo");
    assert_eq!(&header[1..3], ["2023", "2024"], "2022 has no folder and no column");
    let on_time = row_with(&grid, "Nộp đúng hạn");
    for (i, year) in [2023, 2024].into_iter().enumerate() {
        let n = env.csv(year, "completeness.csv").iter().filter(|r| r["verdict"] == "on_time").count();
        assert_eq!(on_time[1 + i], n.to_string(), "{year}");
    }
    let nv5 = grid.iter().find(|r| r[0].starts_with("NV5.") && r[1].contains('/')).unwrap();
    assert_eq!(nv5[2], "6/6");
    let budget = row_with(&grid, "Tổng kinh phí (triệu đồng)");
    let total_2024: f64 = env.csv(2024, "rows.csv").iter().filter_map(|r| r["budget_million_vnd"].parse::<f64>().ok()).sum();
    assert_eq!(budget[2], format!("{total_2024}"));
    // The chart is there.
    let data = std::fs::read(&book).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(data)).unwrap();
    assert!(zip.by_name("xl/charts/chart1.xml").is_ok());
}

#[test]
fn an_incomplete_plan_runs_and_says_what_it_lacks() {
    let env = Env::new();
    copy_lang_son(&env);
    let out = env.run(&["run", "--plan", "inputs/plans/lang-son.toml", "--year", "2023", "--as-of", AS_OF]);
    assert_ok(&out, &["run", "lang-son"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains(
            "lang-son-vhdn-2025 2023: kế hoạch chưa có danh sách cơ quan nên chưa kiểm tra việc nộp báo cáo; đọc 4 tệp, bỏ qua 2 tệp;"
        ),
        "{said}"
    );
    let out_dir = env.root.join("outputs/lang-son-vhdn-2025/2023");
    let rows = read_csv(&out_dir.join("rows.csv"));
    assert!(!rows.is_empty() && rows.iter().all(|r| !r["task_code"].is_empty() && !r["agency_as_written"].is_empty()));
    let book = out_dir.join("tong-hop-lang-son-vhdn-2025-2023.xlsx");
    let summary = sheet(&book, "Tổng hợp");
    assert!(summary.iter().any(|r| r[0] == "Kế hoạch chưa đủ: thiếu hạn nộp báo cáo hằng năm (deadline)"));
    // No report is expected: no rate of 0%, and no chart of nothing, but why.
    let received = summary.iter().find(|r| r[0] == "Số báo cáo đã nhận (tỷ lệ báo cáo)").unwrap();
    assert_eq!(received[1..3], ["0", "—"]);
    assert_eq!(summary.iter().find(|r| r[0] == "Số cặp đã có báo cáo").unwrap()[2], "—");
    assert!(summary.iter().any(|r| r[0].starts_with("Kế hoạch chưa có danh sách cơ quan nên chưa kiểm tra việc nộp báo cáo")));
    let data = std::fs::read(&book).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(data)).unwrap();
    assert!(zip.by_name("xl/charts/chart1.xml").is_err());
    for name in ["Tình hình nộp", "Ma trận nhiệm vụ"] {
        let grid = sheet(&book, name);
        assert!(grid.iter().any(|r| r[0].starts_with("Kế hoạch chưa có danh sách cơ quan")), "{name}: {grid:?}");
    }
    let problems = read_csv(&out_dir.join("problems.csv"));
    assert!(problems.iter().any(|p| p["kind"] == "agency_not_in_plan" && p["detail"] == "Sở Ngoại vụ"));
}

#[test]
fn a_year_in_which_no_agency_reports_says_so() {
    let env = Env::new();
    copy_lang_son(&env);
    // The Lạng Sơn plan with one agency, which does not report.
    let plan = std::fs::read_to_string(repo().join("inputs/plans/lang-son.toml")).unwrap()
        + "\n[[agencies]]\ncode = \"SVHTTDL\"\nname = \"Sở Văn hóa, Thể thao và Du lịch\"\nreports = false\n";
    std::fs::write(env.root.join("inputs/plans/lang-son.toml"), plan).unwrap();
    let out = env.run(&["run", "--plan", "inputs/plans/lang-son.toml", "--year", "2023", "--as-of", AS_OF]);
    assert_ok(&out, &["run", "lang-son"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("2023: theo kế hoạch, không cơ quan nào phải nộp báo cáo năm này nên chưa kiểm tra việc nộp báo cáo;"), "{said}");
    let book = env.root.join("outputs/lang-son-vhdn-2025/2023/tong-hop-lang-son-vhdn-2025-2023.xlsx");
    for name in ["Tổng hợp", "Tình hình nộp", "Ma trận nhiệm vụ"] {
        let grid = sheet(&book, name);
        assert!(grid.iter().any(|r| r[0] == "Theo kế hoạch, không cơ quan nào phải nộp báo cáo năm này."), "{name}: {grid:?}");
    }
}

/// The shipped Lạng Sơn 2023 submissions, into the test's inputs.
fn copy_lang_son(env: &Env) {
    let dir = env.root.join("inputs/lang-son-vhdn-2025/2023");
    std::fs::create_dir_all(&dir).unwrap();
    for e in std::fs::read_dir(repo().join("inputs/lang-son-vhdn-2025/2023")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join(e.file_name())).unwrap();
    }
}

fn copy_year(env: &Env, year: i32) {
    env.copy_into_year(year, &format!("inputs/{PLAN_ID}/{year}"));
}

#[test]
fn rollup_summarises_every_plan_and_year_from_the_outputs() {
    let env = Env::example(2024);
    copy_year(&env, 2023);
    let lc = env.root.join("inputs/lai-chau-vhdn-2021-2025/2023");
    std::fs::create_dir_all(&lc).unwrap();
    for e in std::fs::read_dir(repo().join("inputs/lai-chau-vhdn-2021-2025/2023")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), lc.join(e.file_name())).unwrap();
    }
    copy_lang_son(&env);
    assert_ok(&env.run(&[]), &[]);
    let out = env.run(&["rollup", "--outputs", "outputs"]);
    assert_ok(&out, &["rollup"]);
    let grid = sheet(&env.root.join("outputs/tong-hop-quoc-gia.xlsx"), "Toàn quốc");
    let find = |plan: &str, year: &str| {
        grid.iter().find(|r| r[0] == plan && r[1] == year).unwrap_or_else(|| panic!("{plan} {year} missing")).clone()
    };
    for (plan, year) in [(PLAN_ID, "2023"), (PLAN_ID, "2024"), ("lai-chau-vhdn-2021-2025", "2023")] {
        let c = read_csv(&env.root.join(format!("outputs/{plan}/{year}/completeness.csv")));
        let rows = read_csv(&env.root.join(format!("outputs/{plan}/{year}/rows.csv")));
        let r = find(plan, year);
        let on_time = c.iter().filter(|x| x["verdict"] == "on_time").count();
        let received = c.iter().filter(|x| x["submitted"] == "true").count();
        assert_eq!(
            (r[2].clone(), r[3].clone(), r[4].clone(), r[8].clone()),
            (c.len().to_string(), received.to_string(), on_time.to_string(), rows.len().to_string()),
            "{plan} {year}"
        );
    }
    // A plan without agencies expects no report: counted as 0, with no rates.
    let rows = read_csv(&env.root.join("outputs/lang-son-vhdn-2025/2023/rows.csv"));
    let r = find("lang-son-vhdn-2025", "2023");
    assert_eq!(r[2..7], ["0", "0", "0", "—", "—"]);
    assert_eq!(r[8], rows.len().to_string());
}

/// Lai Châu's plan numbers its tasks as the "nội dung" of its section II: a report names
/// them so, in a task column ("Nội dung 2", "ND3", "Nội dung số 5") or as headings over
/// their rows ("Nội dung 4: Tăng cường công tác bảo tồn…"). Each was `task_unknown`, the
/// headings read as activities and the rows under them `task_missing`.
#[test]
fn a_plan_s_content_areas_name_its_tasks() {
    let env = Env::new();
    let dir = env.root.join("inputs/lai-chau-vhdn-2021-2025/2024");
    let lines = ["Đơn vị báo cáo: Sở Văn hóa, Thể thao và Du lịch", "Ngày báo cáo: 10/11/2024"];
    write_report(
        &dir.join("svhttdl-cot.xlsx"),
        &lines,
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
        &[
            &["1", "Nội dung 2", "Hội nghị triển khai Chiến lược", "1 hội nghị", "Hoàn thành"],
            &["2", "ND3", "Rà soát văn bản", "2 văn bản", "Hoàn thành"],
        ],
    );
    write_report(
        &dir.join("svhttdl-muc.xlsx"),
        &["Đơn vị báo cáo: Sở Văn hóa, Thể thao và Du lịch", "Ngày báo cáo: 12/11/2024"],
        &["STT", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
        &[
            &["", "Nội dung 4: Tăng cường công tác bảo tồn, gìn giữ và phát huy giá trị văn hóa"],
            &["1", "Liên hoan văn hóa các dân tộc", "1 liên hoan", "Hoàn thành"],
            &["", "Nội dung số 9. Đẩy mạnh đào tạo, bồi dưỡng nguồn nhân lực"],
            &["1", "Lớp bồi dưỡng ngoại ngữ", "1 lớp", "Đang thực hiện"],
        ],
    );
    // Or written with the activity, in a table whose results say what was done.
    write_report(
        &dir.join("svhttdl-noi-dung.xlsx"),
        &["Đơn vị báo cáo: Sở Văn hóa, Thể thao và Du lịch", "Ngày báo cáo: 13/11/2024"],
        &["STT", "Nội dung", "Kết quả thực hiện", "Tình trạng"],
        &[&["1", "Nội dung 6: Giao lưu biên giới", "Đón 2 đoàn Vân Nam", "Hoàn thành"], &["2", "ND 8", "Tuần văn hóa", "Hoàn thành"]],
    );
    let args = ["run", "--plan", "inputs/plans/lai-chau.toml", "--year", "2024", "--as-of", "2024-12-01"];
    assert_ok(&env.run(&args), &args);
    let rows = read_csv(&env.root.join("outputs/lai-chau-vhdn-2021-2025/2024/rows.csv"));
    let got: Vec<(&str, &str, &str)> = rows.iter().map(|r| (r["file"].as_str(), r["task_code"].as_str(), r["activity"].as_str())).collect();
    assert_eq!(
        got,
        [
            ("svhttdl-cot.xlsx", "NV2", "Hội nghị triển khai Chiến lược"),
            ("svhttdl-cot.xlsx", "NV3", "Rà soát văn bản"),
            ("svhttdl-muc.xlsx", "NV4", "Liên hoan văn hóa các dân tộc"),
            ("svhttdl-muc.xlsx", "NV9", "Lớp bồi dưỡng ngoại ngữ"),
            ("svhttdl-noi-dung.xlsx", "NV6", "Nội dung 6: Giao lưu biên giới"),
            ("svhttdl-noi-dung.xlsx", "NV8", "ND 8"),
        ]
    );
    let problems = read_csv(&env.root.join("outputs/lai-chau-vhdn-2021-2025/2024/problems.csv"));
    assert!(!problems.iter().any(|p| p["kind"].starts_with("task_")), "{problems:?}");
}

/// Lai Châu's plan runs to 2025, the year of the reorganisation: its 2025 reports come from
/// the departments that took over merged ones' duties, and none from the districts,
/// abolished on 1/7/2025. (Before 0.20.0 a 2025 run expected the eight districts, Sở TT&TT
/// and Sở KH&ĐT, all missing.)
#[test]
fn lai_chau_s_last_year_expects_the_agencies_of_2025() {
    let env = Env::new();
    let dir = env.root.join("inputs/lai-chau-vhdn-2021-2025/2025");
    // A report still signed with the old name goes to its successor.
    write_report(
        &dir.join("stttt.xlsx"),
        &["Đơn vị báo cáo: Sở Thông tin và Truyền thông", "Ngày báo cáo: 10/11/2025"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
        &[&["1", "Nội dung 1", "Tuyên truyền trên báo chí", "20 tin bài", "Hoàn thành"]],
    );
    let args = ["run", "--plan", "inputs/plans/lai-chau.toml", "--year", "2025", "--as-of", "2025-12-01"];
    assert_ok(&env.run(&args), &args);
    let completeness = read_csv(&env.root.join("outputs/lai-chau-vhdn-2021-2025/2025/completeness.csv"));
    let expected: Vec<[&str; 2]> = pick(&completeness, ["agency_code", "verdict"]);
    assert_eq!(
        expected,
        [
            ["SVHTTDL", "missing"],
            ["SNV", "missing"],
            ["SKHCN", "on_time"],
            ["SCT", "missing"],
            ["STC", "missing"],
            ["BLC", "missing"],
            ["DPTTH", "missing"],
            ["LHHN", "missing"]
        ]
    );
    let problems = read_csv(&env.root.join("outputs/lai-chau-vhdn-2021-2025/2025/problems.csv"));
    assert!(problems.iter().any(|p| p["file"] == "stttt.xlsx" && p["kind"] == "agency_renamed"), "{problems:?}");
}

/// A plan whose tasks are a section's lettered items (Lạng Sơn's "II.2.1.a"): an item's
/// letter alone in the task column ("a", "b)", "Điểm c") is its task. Each was
/// `task_unknown`.
#[test]
fn a_plan_s_lettered_items_name_its_tasks() {
    let env = Env::new();
    write_report(
        &env.root.join("inputs/lang-son-vhdn-2025/2024/svhttdl.xlsx"),
        &["Đơn vị báo cáo: Sở Văn hóa, Thể thao và Du lịch", "Ngày báo cáo: 20/10/2024"],
        &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
        &[
            &["1", "a", "Quảng bá hình ảnh Lạng Sơn", "1 triển lãm", "Hoàn thành"],
            &["2", "b)", "Số hóa di sản", "1 phần mềm", "Hoàn thành"],
            &["3", "Điểm c", "Lớp tiếng Việt cho kiều bào", "1 lớp", "Hoàn thành"],
        ],
    );
    let args = ["run", "--plan", "inputs/plans/lang-son.toml", "--year", "2024", "--as-of", "2024-12-01"];
    assert_ok(&env.run(&args), &args);
    let rows = read_csv(&env.root.join("outputs/lang-son-vhdn-2025/2024/rows.csv"));
    let got: Vec<&str> = rows.iter().map(|r| r["task_code"].as_str()).collect();
    assert_eq!(got, ["NV1", "NV2", "NV3"]);
}

#[test]
fn a_deadline_in_the_year_after_the_one_reported_on_judges_reports_sent_in_january() {
    let env = Env::new();
    let plan = env.root.join("inputs/plans/bac-giang.toml");
    let text = std::fs::read_to_string(&plan).unwrap().replace("deadline = \"25/10\"", "deadline = \"15/01 năm sau\"");
    std::fs::write(&plan, text).unwrap();
    let out = env.run(&["plan", "check", "inputs/plans/bac-giang.toml"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("hạn nộp 15/01 của năm sau năm báo cáo"), "{out:?}");
    let dir = env.year_dir(2024);
    let header = ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"];
    let row: &[&str] = &["1", "NV1", "Hội nghị", "Xong", "Hoàn thành"];
    let title = "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2024";
    // The report on 2024 is due 15/01/2025: one of 10 January is on time (it was 77 days
    // late, against 15/01/2024), one of 20 January five days late, one of December on time.
    for (file, agency, date) in [
        ("snv.xlsx", "SỞ NGOẠI VỤ", "Bắc Giang, ngày 10 tháng 01 năm 2025"),
        ("svh.xlsx", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bắc Giang, ngày 20 tháng 01 năm 2025"),
        ("sct.xlsx", "SỞ CÔNG THƯƠNG", "Bắc Giang, ngày 20 tháng 12 năm 2024"),
    ] {
        write_report(&dir.join(file), &[agency, date, title], &header, &[row]);
    }
    env.run_year(2024, &["--as-of", "2025-02-01"]);
    let completeness = env.csv(2024, "completeness.csv");
    let got: Vec<[&str; 3]> = pick(&completeness, ["agency_code", "verdict", "days_late"])
        .into_iter()
        .filter(|c| ["SNV", "SVHTTDL", "SCT"].contains(&c[0]))
        .collect();
    assert_eq!(got, [["SNV", "on_time", "0"], ["SVHTTDL", "late", "5"], ["SCT", "on_time", "0"]]);
    let summary = sheet(&env.workbook(2024), "Tổng hợp");
    assert_eq!(row_with(&summary, "Hạn nộp báo cáo")[1], "15/01/2025");
    // In December, an agency yet to send is not late: the deadline is weeks ahead.
    let out = env.run(&["check", "--plan", "inputs/plans/bac-giang.toml", "--year", "2024", "--as-of", "2024-12-20"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Còn 26 ngày đến hạn nộp (15/01/2025)"), "{text}");
    assert!(text.contains("STC Sở Tài chính — Chưa nộp (chưa đến hạn)"), "{text}");
}
