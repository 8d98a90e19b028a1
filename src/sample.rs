//! Example submissions for a plan and year, made deterministically: the shipped example
//! inputs are made with it (see `scripts/make-examples.sh`), so they can be regenerated.
//!
//! Each agency's workbook varies the way clerks' workbooks do: title blocks, header
//! synonyms, the task as a code, a number, a Roman numeral or under a heading row, the
//! budget in millions or in đồng, the date as text, an Excel date or in the signing line,
//! tick-box status under a two-row header, merged task cells, a totals row, an alias for
//! the agency's name, late reports, agencies that send nothing, a revision, and junk.

use std::path::Path;

use chrono::{Duration, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::plan::{Agency, Plan, Role};

/// A small deterministic random source (xorshift), seeded from text.
struct Rng(u64);

impl Rng {
    fn new(seed: &str) -> Rng {
        // FNV-1a of the seed.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in seed.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        Rng(h | 1)
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// Activity and result phrases by theme.
const ACTIVITIES: &[(&str, &str)] = &[
    (
        "Tổ chức hội nghị quán triệt Chiến lược Ngoại giao văn hoá đến năm 2030 cho cán bộ chủ chốt",
        "Hơn 120 đại biểu tham dự; tài liệu được gửi đến các phòng, ban",
    ),
    ("Đăng tải tin, bài tuyên truyền về ngoại giao văn hoá trên Cổng thông tin điện tử", "Đăng 35 tin, bài; hơn 40.000 lượt xem"),
    ("Biên soạn tài liệu giới thiệu văn hoá, con người Bắc Giang song ngữ Việt - Anh", "In 2.000 cuốn, phát tại các sự kiện đối ngoại"),
    ("Tổ chức lớp tập huấn nghiệp vụ lễ tân đối ngoại", "60 học viên được cấp giấy chứng nhận"),
    ("Cử cán bộ tham gia khoá bồi dưỡng kiến thức về ngoại giao văn hoá do Bộ Ngoại giao tổ chức", "3 cán bộ hoàn thành khoá học"),
    (
        "Tổ chức đoàn nghệ thuật biểu diễn quan họ tại Tuần Văn hoá Việt Nam ở nước ngoài",
        "5 buổi biểu diễn, được bạn bè quốc tế đánh giá cao",
    ),
    (
        "Tổ chức giải thể thao giao lưu với người nước ngoài làm việc tại các khu công nghiệp",
        "Thu hút 300 vận động viên của 6 quốc gia tham gia",
    ),
    ("Xây dựng video quảng bá du lịch Bắc Giang bằng tiếng Anh, tiếng Hàn, tiếng Trung", "Hoàn thành 3 video, đăng trên các nền tảng số"),
    ("Lập hồ sơ khoa học di tích trình xếp hạng di tích quốc gia", "Hồ sơ đã trình Bộ Văn hoá, Thể thao và Du lịch"),
    ("Tu bổ, tôn tạo di tích và phục dựng lễ hội truyền thống", "Hoàn thành tu bổ 2 di tích; phục dựng 1 lễ hội"),
    (
        "Phối hợp tổ chức Hội chợ trái cây quốc tế gắn với quảng bá văn hoá địa phương",
        "Hơn 200 gian hàng, 15 doanh nghiệp nước ngoài tham gia",
    ),
    ("Xây dựng danh mục sản vật tiêu biểu làm quà tặng đối tác quốc tế", "Danh mục 12 sản phẩm OCOP được phê duyệt"),
    ("Tổ chức chương trình Du xuân hữu nghị với các đoàn ngoại giao", "Đón 8 đoàn đại sứ quán và tổ chức quốc tế"),
    ("Mở chuyên mục Bắc Giang hội nhập và phát triển", "Phát sóng 24 chương trình trong năm"),
    ("Rà soát, tham mưu ban hành kế hoạch ngoại giao văn hoá hằng năm của tỉnh", "Kế hoạch được UBND tỉnh ban hành"),
    ("Tổ chức tọa đàm với người Bắc Giang ở nước ngoài về quảng bá quê hương", "Hơn 50 kiều bào tham dự trực tuyến và trực tiếp"),
    ("Bảo đảm an ninh, trật tự cho các đoàn khách quốc tế đến thăm tỉnh", "Bảo vệ an toàn tuyệt đối 14 đoàn"),
    ("Tham mưu bố trí kinh phí thực hiện Kế hoạch", "Bố trí dự toán theo đề nghị của các cơ quan"),
    ("Lồng ghép giới thiệu văn hoá trong chương trình xúc tiến đầu tư tại Hàn Quốc", "Ký 3 biên bản ghi nhớ hợp tác"),
    ("Tổ chức Ngày hội văn hoá các dân tộc có khách quốc tế tham dự", "Thu hút hơn 5.000 lượt khách, có 300 khách nước ngoài"),
];

const DIFFICULTIES: &[&str] = &[
    "Kinh phí bố trí cho hoạt động ngoại giao văn hoá còn hạn chế",
    "Đội ngũ cán bộ làm công tác đối ngoại còn mỏng, trình độ ngoại ngữ chưa đáp ứng yêu cầu",
    "Ấn phẩm quảng bá bằng tiếng nước ngoài còn ít",
];

const PROPOSALS: &[&str] = &[
    "Đề nghị UBND tỉnh bố trí kinh phí riêng cho hoạt động ngoại giao văn hoá",
    "Đề nghị Sở Ngoại vụ tổ chức tập huấn nghiệp vụ đối ngoại cho cán bộ cấp huyện",
    "Đề nghị tăng cường phối hợp giữa các sở, ngành trong tổ chức sự kiện quốc tế",
];

/// The layouts a clerk may use.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Layout {
    /// The form as the plan asks: code, role, activity, result, status, budget in millions.
    Standard,
    /// Headers in other words, task as "Nhiệm vụ 3", budget in đồng, date as an Excel date.
    Synonyms,
    /// A heading row per task, the date in the signing line, a totals row.
    Grouped,
    /// A two-row header with tick-box status, task as a Roman numeral merged down its rows.
    TickBoxes,
}

struct Activity {
    task_code: String,
    task_number: Option<u32>,
    task_title: String,
    role: Role,
    activity: String,
    result: String,
    status: &'static str,
    budget_million: f64,
    difficulties: String,
    proposals: String,
}

/// What the generator made, for the script that converts some files with other tools.
pub struct Made {
    pub files: Vec<String>,
}

fn task_number(code: &str) -> Option<u32> {
    code.strip_prefix("NV").and_then(|n| n.parse().ok())
}

fn roman(n: u32) -> String {
    const R: &[(u32, &str)] = &[(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut n = n;
    let mut s = String::new();
    for &(v, r) in R {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// Makes the example submissions of one plan-year into `out`.
pub fn generate(plan: &Plan, year: i32, out: &Path) -> anyhow::Result<Made> {
    std::fs::create_dir_all(out)?;
    // Report dates fall around the deadline (15/11 where the plan gives none).
    let deadline = plan.deadline_for(year).or_else(|| NaiveDate::from_ymd_opt(year, 11, 15)).expect("valid date");
    // A plan with no agency list yet gets reports from a few departments that would send
    // them (example data only: they are not added to the plan).
    let senders: Vec<Agency> = if plan.agencies.is_empty() { example_senders() } else { plan.reporting_agencies(year).cloned().collect() };
    let agencies: Vec<&Agency> = senders.iter().collect();
    let roles = plan.roles(year);
    // Two agencies send nothing (never the coordinator), where the plan expects anyone.
    let mut order: Vec<(u64, &str)> = agencies
        .iter()
        .filter(|a| Some(&a.code) != plan.coordinator.as_ref() && !plan.agencies.is_empty())
        .map(|a| (Rng::new(&format!("missing{year}{}", a.code)).next(), a.code.as_str()))
        .collect();
    order.sort();
    let missing: Vec<&str> = order.iter().take(2).map(|(_, c)| *c).collect();
    let mut made = Vec::new();
    for (i, agency) in agencies.iter().enumerate() {
        if missing.contains(&agency.code.as_str()) {
            continue;
        }
        let mut rng = Rng::new(&format!("{}{year}{}", plan.id, agency.code));
        let layout = [Layout::Standard, Layout::Synonyms, Layout::Grouped, Layout::TickBoxes][i % 4];
        // About one in four is late, by 1 to 20 days.
        let date = if rng.below(4) == 0 {
            deadline + Duration::days(1 + rng.below(20) as i64)
        } else {
            deadline - Duration::days(rng.below(15) as i64)
        };
        // Every third agency writes one of its other names.
        let name = if i % 3 == 1 && !agency.aliases.is_empty() { rng.pick(&agency.aliases).clone() } else { agency.name.clone() };
        let activities = activities_for(plan, &roles, agency, &mut rng);
        let file = format!("{:02}_{}_bao-cao-{year}.xlsx", i + 1, agency.code);
        let bytes = workbook(plan, year, &name, date, layout, &activities).map_err(|e| anyhow::anyhow!("{file}: {e}"))?;
        std::fs::write(out.join(&file), bytes)?;
        made.push(file);
        // The coordinator sends a first version and then a revision.
        if Some(&agency.code) == plan.coordinator.as_ref() {
            let first = format!("{:02}_{}_bao-cao-{year}_ban-dau.xlsx", i + 1, agency.code);
            let bytes = workbook(plan, year, &name, date - Duration::days(7), Layout::Standard, &activities[..1])
                .map_err(|e| anyhow::anyhow!("{first}: {e}"))?;
            std::fs::write(out.join(&first), bytes)?;
            made.push(first);
        }
    }
    // The junk any inbox has: an Excel lock file and a scanned cover letter.
    let lock = "~$01_bao-cao.xlsx";
    std::fs::write(out.join(lock), b"\x0bNguyen Van A   \x00\x00")?;
    let pdf = "Cong-van-gui-kem.pdf";
    std::fs::write(out.join(pdf), b"%PDF-1.4\n% cong van gui kem bao cao\n%%EOF\n")?;
    Ok(Made { files: made })
}

/// Departments that would send reports on a plan whose agency list is not written yet.
fn example_senders() -> Vec<Agency> {
    [
        ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
        ("SNV", "Sở Ngoại vụ"),
        ("STTTT", "Sở Thông tin và Truyền thông"),
        ("SGDDT", "Sở Giáo dục và Đào tạo"),
    ]
    .into_iter()
    .map(|(code, name)| Agency {
        code: code.into(),
        name: name.into(),
        aliases: Vec::new(),
        reports: true,
        from: None,
        until: None,
        successor: None,
    })
    .collect()
}

fn activities_for(plan: &Plan, roles: &std::collections::HashMap<(String, String), Role>, agency: &Agency, rng: &mut Rng) -> Vec<Activity> {
    let mut tasks: Vec<(&crate::plan::Task, Role)> = if plan.agencies.is_empty() {
        plan.tasks.iter().map(|t| (t, Role::Lead)).collect()
    } else {
        plan.tasks.iter().filter_map(|t| roles.get(&(agency.code.clone(), t.code.clone())).map(|r| (t, *r))).collect()
    };
    tasks.sort_by_key(|(_, r)| *r);
    let mut out = Vec::new();
    for (k, (task, role)) in tasks.iter().enumerate() {
        // A partner sometimes has nothing to report on a task: that is what coverage shows.
        if *role == Role::Partner && k > 0 && rng.below(3) == 0 {
            continue;
        }
        for _ in 0..1 + rng.below(2) {
            let (a, r) = rng.pick(ACTIVITIES);
            let status = *rng.pick(&["Hoàn thành", "Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Đã hoàn thành", "Đang triển khai"]);
            let budget = if status.starts_with("Chưa") { 0.0 } else { (5 + rng.below(60) * 5) as f64 };
            out.push(Activity {
                task_code: task.code.clone(),
                task_number: task_number(&task.code),
                task_title: task.title.clone(),
                role: *role,
                activity: a.replace("Bắc Giang", &plan.province),
                result: if status.starts_with("Chưa") { String::new() } else { r.replace("Bắc Giang", &plan.province) },
                status,
                budget_million: budget,
                difficulties: if rng.below(4) == 0 { rng.pick(DIFFICULTIES).to_string() } else { String::new() },
                proposals: if rng.below(4) == 0 { rng.pick(PROPOSALS).to_string() } else { String::new() },
            });
        }
    }
    out
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

/// One agency's workbook in the given layout.
fn workbook(plan: &Plan, year: i32, agency_name: &str, date: NaiveDate, layout: Layout, acts: &[Activity]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold().set_font_name("Times New Roman");
    let head = Format::new().set_bold().set_border(FormatBorder::Thin).set_text_wrap().set_font_name("Times New Roman");
    let cell = Format::new().set_border(FormatBorder::Thin).set_text_wrap().set_font_name("Times New Roman");
    let date_fmt = Format::new().set_num_format("dd/mm/yyyy").set_font_name("Times New Roman");
    // A cover sheet first in the grouped layout: the report is not always on sheet one.
    if layout == Layout::Grouped {
        let cover = wb.add_worksheet().set_name("Cong van")?;
        let to =
            plan.coordinator.as_deref().and_then(|c| plan.agency(c)).map_or("Ủy ban nhân dân tỉnh".to_string(), |a| a.name.clone());
        cover.write_string(0, 0, format!("Kính gửi: {to} tỉnh {}", plan.province))?;
        cover.write_string(2, 0, format!("Thực hiện {}, đơn vị gửi kèm báo cáo kết quả năm {year}.", plan.title))?;
    }
    let ws = wb.add_worksheet().set_name(format!("Bao cao {year}"))?;
    ws.set_column_width(0, 6)?;
    for c in 1..12 {
        ws.set_column_width(c, 18)?;
    }
    ws.write_string_with_format(0, 0, agency_name.to_uppercase(), &bold)?;
    ws.write_string_with_format(0, 5, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", &bold)?;
    ws.write_string_with_format(1, 5, "Độc lập - Tự do - Hạnh phúc", &bold)?;
    ws.write_string_with_format(3, 2, "BÁO CÁO", &bold)?;
    ws.write_string(4, 2, format!("Kết quả thực hiện Kế hoạch ngoại giao văn hoá năm {year}"))?;
    let mut r = 6;
    match layout {
        Layout::Grouped => {
            ws.write_string(
                1,
                0,
                format!("{}, ngày {} tháng {} năm {}", plan.province, date.format("%d"), date.format("%m"), date.format("%Y")),
            )?;
        }
        Layout::Synonyms => {
            ws.write_string(r, 0, format!("Đơn vị báo cáo: {agency_name}"))?;
            ws.write_string(r + 1, 0, "Ngày báo cáo:")?;
            ws.write_datetime_with_format(r + 1, 2, &excel_date(date)?, &date_fmt)?;
            r += 2;
        }
        _ => {
            ws.write_string(r, 0, format!("Đơn vị báo cáo: {agency_name}"))?;
            ws.write_string(r + 1, 0, format!("Ngày báo cáo: {}", date.format("%d/%m/%Y")))?;
            r += 2;
        }
    }
    r += 1;
    match layout {
        Layout::Standard => standard(ws, r, acts, &head, &cell),
        Layout::Synonyms => synonyms(ws, r, acts, &head, &cell),
        Layout::Grouped => grouped(ws, r, acts, &head, &cell, &bold),
        Layout::TickBoxes => tick_boxes(ws, r, acts, &head, &cell),
    }?;
    wb.save_to_buffer()
}

fn standard(ws: &mut Worksheet, r: u32, acts: &[Activity], head: &Format, cell: &Format) -> Result<(), XlsxError> {
    let headers = [
        "STT",
        "Mã nhiệm vụ",
        "Vai trò",
        "Nội dung hoạt động",
        "Kết quả thực hiện",
        "Tình trạng",
        "Kinh phí (triệu đồng)",
        "Khó khăn, vướng mắc",
        "Kiến nghị, đề xuất",
        "Ghi chú",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(r, c as u16, *h, head)?;
    }
    for (i, a) in acts.iter().enumerate() {
        let row = r + 1 + i as u32;
        ws.write_number_with_format(row, 0, (i + 1) as f64, cell)?;
        ws.write_string_with_format(row, 1, &a.task_code, cell)?;
        ws.write_string_with_format(row, 2, a.role.vi(), cell)?;
        ws.write_string_with_format(row, 3, &a.activity, cell)?;
        ws.write_string_with_format(row, 4, &a.result, cell)?;
        ws.write_string_with_format(row, 5, a.status, cell)?;
        ws.write_number_with_format(row, 6, a.budget_million, cell)?;
        ws.write_string_with_format(row, 7, &a.difficulties, cell)?;
        ws.write_string_with_format(row, 8, &a.proposals, cell)?;
    }
    Ok(())
}

fn synonyms(ws: &mut Worksheet, r: u32, acts: &[Activity], head: &Format, cell: &Format) -> Result<(), XlsxError> {
    let headers = ["TT", "Nhiệm vụ", "Nội dung công việc", "Kết quả đạt được", "Tiến độ", "Kinh phí\n(đồng)", "Khó khăn", "Đề xuất"];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(r, c as u16, *h, head)?;
    }
    for (i, a) in acts.iter().enumerate() {
        let row = r + 1 + i as u32;
        ws.write_number_with_format(row, 0, (i + 1) as f64, cell)?;
        let task = a.task_number.map_or(a.task_code.clone(), |n| format!("Nhiệm vụ {n}"));
        ws.write_string_with_format(row, 1, task, cell)?;
        ws.write_string_with_format(row, 2, &a.activity, cell)?;
        ws.write_string_with_format(row, 3, &a.result, cell)?;
        ws.write_string_with_format(row, 4, a.status, cell)?;
        // In đồng, written the Vietnamese way.
        let dong = (a.budget_million * 1_000_000.0) as u64;
        let text = dong.to_string().as_bytes().rchunks(3).rev().map(|c| std::str::from_utf8(c).unwrap_or("")).collect::<Vec<_>>().join(".");
        ws.write_string_with_format(row, 5, if dong == 0 { "-".to_string() } else { text }, cell)?;
        ws.write_string_with_format(row, 6, &a.difficulties, cell)?;
        ws.write_string_with_format(row, 7, &a.proposals, cell)?;
    }
    Ok(())
}

fn grouped(ws: &mut Worksheet, r: u32, acts: &[Activity], head: &Format, cell: &Format, bold: &Format) -> Result<(), XlsxError> {
    let headers = [
        "STT",
        "Nội dung hoạt động",
        "Kết quả thực hiện",
        "Tình trạng",
        "Kinh phí (triệu đồng)",
        "Khó khăn, vướng mắc",
        "Kiến nghị, đề xuất",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(r, c as u16, *h, head)?;
    }
    let mut row = r + 1;
    let mut last_task = "";
    let mut total = 0.0;
    for (i, a) in acts.iter().enumerate() {
        if a.task_code != last_task {
            let heading = match a.task_number {
                Some(n) => format!("Nhiệm vụ {n}: {}", a.task_title),
                None => format!("Nhiệm vụ {}: {}", a.task_code, a.task_title),
            };
            ws.write_string_with_format(row, 0, roman(i as u32 + 1), bold)?;
            ws.write_string_with_format(row, 1, heading, bold)?;
            row += 1;
            last_task = &a.task_code;
        }
        ws.write_number_with_format(row, 0, (i + 1) as f64, cell)?;
        ws.write_string_with_format(row, 1, &a.activity, cell)?;
        ws.write_string_with_format(row, 2, &a.result, cell)?;
        ws.write_string_with_format(row, 3, a.status, cell)?;
        ws.write_number_with_format(row, 4, a.budget_million, cell)?;
        ws.write_string_with_format(row, 5, &a.difficulties, cell)?;
        ws.write_string_with_format(row, 6, &a.proposals, cell)?;
        total += a.budget_million;
        row += 1;
    }
    ws.write_string_with_format(row, 1, "Tổng cộng", bold)?;
    ws.write_number_with_format(row, 4, total, bold)?;
    Ok(())
}

fn tick_boxes(ws: &mut Worksheet, r: u32, acts: &[Activity], head: &Format, cell: &Format) -> Result<(), XlsxError> {
    for (c, h) in ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả thực hiện"].iter().enumerate() {
        ws.merge_range(r, c as u16, r + 1, c as u16, h, head)?;
    }
    ws.merge_range(r, 4, r, 6, "Tình trạng", head)?;
    for (c, h) in ["Hoàn thành", "Đang thực hiện", "Chưa thực hiện"].iter().enumerate() {
        ws.write_string_with_format(r + 1, 4 + c as u16, *h, head)?;
    }
    ws.merge_range(r, 7, r + 1, 7, "Kinh phí (triệu đồng)", head)?;
    ws.merge_range(r, 8, r + 1, 8, "Ghi chú", head)?;
    let mut row = r + 2;
    let mut i = 0;
    while i < acts.len() {
        // The task cell is merged down over the task's activities.
        let run = acts[i..].iter().take_while(|a| a.task_code == acts[i].task_code).count();
        let task = acts[i].task_number.map_or(acts[i].task_code.clone(), roman);
        if run > 1 {
            ws.merge_range(row, 1, row + run as u32 - 1, 1, &task, cell)?;
        } else {
            ws.write_string_with_format(row, 1, &task, cell)?;
        }
        for a in &acts[i..i + run] {
            ws.write_number_with_format(row, 0, (i + 1) as f64, cell)?;
            ws.write_string_with_format(row, 2, &a.activity, cell)?;
            ws.write_string_with_format(row, 3, &a.result, cell)?;
            let col = match crate::normalise::values::status(a.status) {
                crate::normalise::values::Status::Done => 4,
                crate::normalise::values::Status::InProgress => 5,
                _ => 6,
            };
            for c in 4..7 {
                ws.write_string_with_format(row, c, if c == col { "x" } else { "" }, cell)?;
            }
            ws.write_number_with_format(row, 7, a.budget_million, cell)?;
            ws.write_blank(row, 8, cell)?;
            row += 1;
            i += 1;
        }
    }
    Ok(())
}

/// The reference sizes of the benchmark: (workbooks, activity rows per workbook).
pub fn size(name: &str) -> Option<(usize, usize)> {
    match name.to_ascii_uppercase().as_str() {
        "S" => Some((50, 40)),
        "M" => Some((2_000, 60)),
        "L" => Some((10_000, 60)),
        _ => None,
    }
}

/// A benchmark corpus: a generated plan with as many agencies as workbooks (ten tasks,
/// each agency leading one and partner of two), and one workbook per agency with `rows`
/// activities, in the layouts clerks use, about one in five late, and a junk file per
/// hundred. Deterministic: the same size gives the same files. Returns the plan's path;
/// the workbooks go in `out/inputs/<plan id>/2024/`.
pub fn generate_corpus(name: &str, workbooks: usize, rows: usize, out: &Path) -> anyhow::Result<std::path::PathBuf> {
    use rayon::prelude::*;
    use std::fmt::Write as _;
    let id = format!("bench-{}", name.to_ascii_lowercase());
    let mut toml = format!(
        "[plan]\nid = \"{id}\"\ntitle = \"Kế hoạch thử nghiệm hiệu năng {name}\"\nprovince = \"Tỉnh thử nghiệm\"\nissuer = \"Ủy ban nhân dân tỉnh thử nghiệm\"\nfirst_year = 2024\nlast_year = 2024\ncoordinator = \"A00001\"\ndeadline = \"25/10\"\n"
    );
    for i in 1..=workbooks {
        let _ = write!(toml, "\n[[agencies]]\ncode = \"A{i:05}\"\nname = \"Cơ quan thử nghiệm số {i:05}\"\n");
    }
    for t in 1..=10 {
        let leads: Vec<String> = (1..=workbooks).filter(|i| i % 10 == t % 10).map(|i| format!("\"A{i:05}\"")).collect();
        let partners: Vec<String> =
            (1..=workbooks).filter(|i| (i + 1) % 10 == t % 10 || (i + 2) % 10 == t % 10).map(|i| format!("\"A{i:05}\"")).collect();
        let _ = write!(
            toml,
            "\n[[tasks]]\ncode = \"NV{t}\"\ntitle = \"{}\"\nlead = [{}]\npartners = [{}]\n",
            ACTIVITIES[t - 1].0,
            leads.join(", "),
            partners.join(", ")
        );
    }
    std::fs::create_dir_all(out)?;
    let plan_path = out.join("plan.toml");
    std::fs::write(&plan_path, toml)?;
    let plan = crate::plan::load(&plan_path)?;
    let dir = out.join("inputs").join(&id).join("2024");
    std::fs::create_dir_all(&dir)?;
    let roles = plan.roles(2024);
    let deadline = NaiveDate::from_ymd_opt(2024, 10, 25).expect("valid");
    (0..workbooks).into_par_iter().try_for_each(|i| -> anyhow::Result<()> {
        let agency = &plan.agencies[i];
        let mut rng = Rng::new(&format!("{id}{}", agency.code));
        let given: Vec<(&crate::plan::Task, Role)> =
            plan.tasks.iter().filter_map(|t| roles.get(&(agency.code.clone(), t.code.clone())).map(|r| (t, *r))).collect();
        let acts: Vec<Activity> = (0..rows)
            .map(|k| {
                let (task, role) = given[k * given.len() / rows.max(1)];
                let (a, r) = rng.pick(ACTIVITIES);
                let status = *rng.pick(&["Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Đã hoàn thành"]);
                Activity {
                    task_code: task.code.clone(),
                    task_number: task_number(&task.code),
                    task_title: task.title.clone(),
                    role,
                    activity: format!("{a} (đợt {})", k + 1),
                    result: r.to_string(),
                    status,
                    budget_million: (5 + rng.below(60) * 5) as f64,
                    difficulties: if rng.below(8) == 0 { rng.pick(DIFFICULTIES).to_string() } else { String::new() },
                    proposals: if rng.below(8) == 0 { rng.pick(PROPOSALS).to_string() } else { String::new() },
                }
            })
            .collect();
        let layout = [Layout::Standard, Layout::Synonyms, Layout::Grouped, Layout::TickBoxes][i % 4];
        let date = if rng.below(5) == 0 {
            deadline + Duration::days(1 + rng.below(20) as i64)
        } else {
            deadline - Duration::days(rng.below(15) as i64)
        };
        let bytes = workbook(&plan, 2024, &agency.name, date, layout, &acts).map_err(|e| anyhow::anyhow!("{}: {e}", agency.code))?;
        std::fs::write(dir.join(format!("{}_bao-cao.xlsx", agency.code)), bytes)?;
        if i % 100 == 99 {
            std::fs::write(dir.join(format!("~${}_bao-cao.xlsx", agency.code)), b"\x0bNguyen Van A")?;
        }
        Ok(())
    })?;
    Ok(plan_path)
}
