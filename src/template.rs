//! Report templates: one workbook per agency, saying what it must report on, that tonghop
//! reads back with certainty (a hidden marker names the plan, year and agency).
//!
//! Layout: an administrative header block, the agency and date lines, one table whose
//! tasks come in blocks (lead tasks first): a locked heading row with the task's code,
//! title and role, then empty rows to fill. Rows inserted inside a block belong to it.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, ProtectionOptions,
    Workbook, XlsxError,
};

use crate::plan::{Agency, Plan, Role};

/// The template's line under its table on adding rows: the reader knows it as the form's
/// own, no note of the agency's.
pub const ADDING_ROWS: &str =
    "Thêm dòng trong một nhiệm vụ: chọn một dòng trống của nhiệm vụ đó, chèn dòng (Insert Row). Không sửa các dòng tiêu đề màu xám.";

/// The name of the very hidden sheet that marks a tonghop template.
pub const MARKER_SHEET: &str = "tonghop";
/// The text in its first cell.
pub const MARKER: &str = "tonghop-mau";
/// The template layout's version, written into the marker.
pub const VERSION: &str = "1";
/// Empty rows under each task.
const ROWS_PER_TASK: u32 = 5;
/// The row (0-based) of the table's header.
pub const HEADER_ROW: u32 = 13;

const COLUMNS: &[(&str, f64)] = &[
    ("STT", 5.0),
    ("Mã nhiệm vụ", 9.0),
    ("Nhiệm vụ", 28.0),
    ("Vai trò", 9.0),
    ("Nội dung hoạt động", 32.0),
    ("Kết quả thực hiện", 32.0),
    ("Tình trạng", 15.0),
    ("Kinh phí (triệu đồng)", 11.0),
    ("Khó khăn, vướng mắc", 24.0),
    ("Kiến nghị, đề xuất", 24.0),
];

/// What a template's marker says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub plan_id: String,
    pub year: i32,
    pub agency: String,
    pub version: String,
}

/// A safe file name for an agency's template: its Vietnamese name, without characters a
/// file system or a mail client would refuse.
pub fn file_name(agency: &Agency, year: i32) -> String {
    let name: String = agency
        .name
        .chars()
        .map(|c| if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() { ' ' } else { c })
        .collect();
    format!("Mẫu báo cáo {year} - {}.xlsx", name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Writes every reporting agency's template for a year into `out`; returns the paths.
pub fn write_all(plan: &Plan, year: i32, out: &Path) -> anyhow::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(out)?;
    let roles = plan.roles(year);
    let mut written = Vec::new();
    for agency in plan.reporting_agencies(year) {
        let path = out.join(file_name(agency, year));
        let bytes = build(plan, year, agency, &roles).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        std::fs::write(&path, bytes)?;
        written.push(path);
    }
    Ok(written)
}

fn base() -> Format {
    Format::new().set_font_name("Times New Roman").set_font_size(12)
}

/// One agency's template.
pub fn build(
    plan: &Plan,
    year: i32,
    agency: &Agency,
    roles: &std::collections::HashMap<(String, String), Role>,
) -> Result<Vec<u8>, XlsxError> {
    let bold = base().set_bold();
    let center_bold = base().set_bold().set_align(FormatAlign::Center).set_text_wrap();
    let center = base().set_italic().set_align(FormatAlign::Center).set_text_wrap();
    let header = base()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color(Color::RGB(0xDDEBF7));
    let heading = base()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0xEDEDED));
    let input = base().set_border(FormatBorder::Thin).set_text_wrap().set_align(FormatAlign::Top).set_unlocked();
    let input_number = input.clone().set_num_format("#,##0.0##");
    let input_date =
        base().set_border(FormatBorder::Thin).set_unlocked().set_num_format("dd/mm/yyyy").set_background_color(Color::RGB(0xFFF2CC));
    let input_plain = base().set_border(FormatBorder::Thin).set_unlocked().set_background_color(Color::RGB(0xFFF2CC));

    let mut wb = Workbook::new();
    let jan1 = ExcelDateTime::from_ymd(year as u16, 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("Mẫu báo cáo năm {year} — {}", agency.name))
            .set_author("tonghop")
            .set_creation_datetime(&jan1),
    );
    let last = (COLUMNS.len() - 1) as u16;
    let deadline = plan.deadline_for(year);
    let coordinator = plan.coordinator.as_deref().and_then(|c| plan.agency(c)).map(|a| a.name.clone());

    let ws = wb.add_worksheet();
    ws.set_name("Báo cáo")?;
    for (i, (_, w)) in COLUMNS.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    ws.merge_range(0, 0, 0, 3, &plan.issuer.to_uppercase(), &center_bold)?;
    ws.merge_range(1, 0, 1, 3, &agency.name.to_uppercase(), &center_bold)?;
    ws.merge_range(0, 5, 0, last, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", &center_bold)?;
    ws.merge_range(1, 5, 1, last, "Độc lập - Tự do - Hạnh phúc", &center_bold)?;
    ws.merge_range(3, 5, 3, last, &format!("{}, ngày …… tháng …… năm {year}", plan.province), &center)?;
    ws.merge_range(5, 0, 5, last, "BÁO CÁO", &center_bold)?;
    ws.set_row_height(6, 32)?;
    ws.merge_range(6, 0, 6, last, &format!("Kết quả thực hiện {} năm {year}", plan.title), &center_bold)?;
    let send = match (&coordinator, deadline) {
        (Some(c), Some(d)) => format!("Kính gửi: {c}. Hạn gửi: trước ngày {}.", d.format("%d/%m/%Y")),
        (Some(c), None) => format!("Kính gửi: {c}."),
        (None, Some(d)) => format!("Hạn gửi: trước ngày {}.", d.format("%d/%m/%Y")),
        (None, None) => String::new(),
    };
    ws.merge_range(7, 0, 7, last, &send, &center)?;
    ws.merge_range(9, 0, 9, 5, &format!("Đơn vị báo cáo: {}", agency.name), &bold)?;
    ws.merge_range(10, 0, 10, 1, "Ngày báo cáo:", &bold)?;
    ws.write_blank(10, 2, &input_date)?;
    ws.merge_range(11, 0, 11, 1, "Số báo cáo:", &bold)?;
    ws.write_blank(11, 2, &input_plain)?;
    let (from, to) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year + 1, 12, 31));
    if let (Some(from), Some(to)) = (from, to) {
        use chrono::Datelike;
        let d = |x: NaiveDate| ExcelDateTime::from_ymd(x.year() as u16, x.month() as u8, x.day() as u8);
        let v = DataValidation::new()
            .allow_date(DataValidationRule::Between(d(from)?, d(to)?))
            .set_input_title("Ngày báo cáo")?
            .set_input_message("Ghi ngày ký báo cáo, dạng dd/mm/yyyy.")?
            .set_error_message("Ngày không hợp lệ: ghi dạng dd/mm/yyyy.")?;
        ws.add_data_validation(10, 2, 10, 2, &v)?;
    }

    for (i, (h, _)) in COLUMNS.iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, i as u16, *h, &header)?;
    }
    ws.set_row_height(HEADER_ROW, 32)?;
    let mut r = HEADER_ROW + 1;
    let mut given: Vec<(&crate::plan::Task, Role)> =
        plan.tasks.iter().filter_map(|t| roles.get(&(agency.code.clone(), t.code.clone())).map(|role| (t, *role))).collect();
    given.sort_by_key(|(_, role)| *role);
    let first_input = r;
    for (task, role) in &given {
        ws.write_blank(r, 0, &heading)?;
        ws.write_string_with_format(r, 1, &task.code, &heading)?;
        ws.write_string_with_format(r, 2, &task.title, &heading)?;
        ws.write_string_with_format(r, 3, role.vi(), &heading)?;
        for c in 4..=last {
            ws.write_blank(r, c, &heading)?;
        }
        ws.set_row_height(r, 16.0 * ((task.title.chars().count() as f64) / 33.0).ceil().max(1.0))?;
        r += 1;
        for _ in 0..ROWS_PER_TASK {
            for c in 0..=last {
                ws.write_blank(r, c, if c == 7 { &input_number } else { &input })?;
            }
            r += 1;
        }
    }
    let last_input = r.saturating_sub(1).max(first_input);
    let status = DataValidation::new()
        .allow_list_strings(&["Hoàn thành", "Đang thực hiện", "Chưa thực hiện"])?
        .set_error_message("Chọn Hoàn thành, Đang thực hiện hoặc Chưa thực hiện.")?;
    ws.add_data_validation(first_input, 6, last_input, 6, &status)?;
    let money = DataValidation::new()
        .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
        .set_input_message("Số triệu đồng, ví dụ 15 hoặc 1,5.")?
        .set_error_message("Kinh phí là số triệu đồng, không âm.")?;
    ws.add_data_validation(first_input, 7, last_input, 7, &money)?;
    ws.merge_range(r + 1, 0, r + 1, last, ADDING_ROWS, &center)?;

    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_margins(0.5, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    ws.set_footer("&C&\"Times New Roman\"&10Trang &P/&N");
    // The structure is protected, with no password: open cells can be typed in and rows
    // inserted, headers cannot be broken.
    let options =
        ProtectionOptions { insert_rows: true, delete_rows: true, format_rows: true, format_columns: true, ..ProtectionOptions::default() };
    ws.protect_with_options(&options);

    let help = wb.add_worksheet();
    help.set_name("Hướng dẫn")?;
    help.set_column_width(0, 100)?;
    let wrap = base().set_text_wrap();
    let lines = [
        format!("HƯỚNG DẪN LẬP BÁO CÁO NĂM {year}"),
        format!("1. Trang \"Báo cáo\" đã ghi sẵn các nhiệm vụ {} được giao trong kế hoạch, nhiệm vụ chủ trì trước, phối hợp sau.", agency.name),
        "2. Ghi ngày báo cáo (dd/mm/yyyy) và số báo cáo vào các ô màu vàng.".to_string(),
        "3. Dưới mỗi dòng nhiệm vụ (màu xám), mỗi hoạt động ghi một dòng: nội dung, kết quả, tình trạng (chọn trong danh sách), kinh phí (triệu đồng), khó khăn, kiến nghị.".to_string(),
        "4. Cần thêm dòng: chèn dòng ngay trong phần của nhiệm vụ đó (chọn một dòng trống, Insert Row). Không xoá, không sửa các dòng tiêu đề.".to_string(),
        "5. Nhiệm vụ không có hoạt động trong năm: để trống các dòng của nhiệm vụ đó.".to_string(),
        format!("6. Lưu tệp dạng .xlsx và gửi {}{}.", coordinator.as_deref().unwrap_or("cơ quan đầu mối"), deadline.map_or(String::new(), |d| format!(" trước ngày {}", d.format("%d/%m/%Y")))),
        "7. Có thể đổi tên tệp; không xoá trang nào của tệp.".to_string(),
    ];
    for (i, l) in lines.iter().enumerate() {
        help.write_string_with_format(i as u32, 0, l, if i == 0 { &bold } else { &wrap })?;
    }

    let mark = wb.add_worksheet();
    mark.set_name(MARKER_SHEET)?;
    for (i, (k, v)) in
        [(MARKER, VERSION.to_string()), ("plan", plan.id.clone()), ("year", year.to_string()), ("agency", agency.code.clone())]
            .iter()
            .enumerate()
    {
        mark.write_string(i as u32, 0, *k)?;
        mark.write_string(i as u32, 1, v)?;
    }
    mark.set_very_hidden(true);
    wb.save_to_buffer()
}
