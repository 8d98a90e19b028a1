//! The consolidated workbook, in Vietnamese, ready to print: one function per sheet.
//!
//! Every value that comes from a submission is written with `write_string`, so text that
//! starts with "=" stays text. The document's creation date is the day of the check, not
//! the clock, so the same inputs give the same bytes.

use std::collections::HashMap;
use std::fmt::Write as _;

use polars::prelude::*;
use polars_arrow::array::{Array, PrimitiveArray, Utf8ViewArray};
use rust_xlsxwriter::{Chart, ChartType, DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::sheetxml;
use super::style::Styles;
use crate::check::{verdict_vi, Checked};
use crate::config::RunConfig;
use crate::error::RunError;
use crate::normalise::{values::Status, Normalised, Outcome};
use crate::plan::{Plan, Role};
use crate::schema::*;

/// Longest text a cell can hold; longer text is cut and marked.
const MAX_CELL: usize = 32_000;

/// The workbook's zip level: 2 instead of the default 6. Compressing M's activities sheet
/// XML (83 MB) with zlib-rs, best of 5: level 6 0.52 s, level 3 0.23 s, level 2 0.17 s for a
/// file 9% larger than level 3's, level 1 0.12 s for one 46% larger.
const ZIP_LEVEL: i64 = 2;

/// Rows a sheet can hold (Excel's limit). A sheet of the rows or findings of a
/// national run may have more: it is cut short there, its last row saying how many are
/// left out and where they all are (`cut_short`), rather than the run failing.
const SHEET_ROWS: u32 = 1_048_576;

/// The workbook's eight sheets, and where (from 0) the four that grow with the input sit.
/// `build` takes the sheets apart by these places: summary, submissions, matrix, then
/// activities, budget, difficulties, problems, sources; the check below fails the build
/// where they and its two patterns disagree.
mod place {
    pub const SHEETS: usize = 8;
    pub const ACTIVITIES: usize = 3;
    pub const DIFFICULTIES: usize = 5;
    pub const PROBLEMS: usize = 6;
    pub const SOURCES: usize = 7;
    const _: () = assert!(
        ACTIVITIES == 3
            && DIFFICULTIES == ACTIVITIES + 2
            && PROBLEMS == ACTIVITIES + 3
            && SOURCES == ACTIVITIES + 4
            && SHEETS == ACTIVITIES + 5
    );
}

/// An output written beside the workbook that needs neither it nor the check, a step at a
/// time: each call writes a part of it, the last gives it staged (and it is not called
/// again). Spare outputs fill the
/// time of the core that is done with the check and the other sheets, until the
/// activities sheet is done; the step then under way is the last before the save starts.
/// (Whole outputs held the save back: at L the 200 MB `rows.csv` begun just before the
/// activities sheet was done left a core idle for ~0.3 s.)
pub type Spare<'a> = Box<dyn FnMut() -> Result<Option<super::Staged>, RunError> + Send + 'a>;

/// A spare output written in one step.
pub fn spare_at_once<'a>(write: impl FnOnce() -> Result<super::Staged, RunError> + Send + 'a) -> Spare<'a> {
    let mut write = Some(write);
    Box::new(move || write.take().map(|w| w()).transpose())
}

/// Runs a spare output's steps to its end.
fn finish_spare(mut job: Spare<'_>) -> Result<super::Staged, RunError> {
    loop {
        if let Some(staged) = job()? {
            return Ok(staged);
        }
    }
}

/// Builds the workbook and writes it to `out`. The activities sheet needs only the rows:
/// it is written while `check` runs beside it, then the other sheets from the findings,
/// then as many of the `spare` outputs, in their order, as there is time for before the
/// activities sheet is done; the rest of them, then `also` (which has the check), are
/// written while the workbook is saved. Returns the check, the spare outputs in their
/// order, and what `also` returned.
pub fn build<T: Send>(
    cfg: &RunConfig,
    norm: &Normalised,
    out: super::Sink,
    check: impl FnOnce() -> Result<Checked, RunError> + Send,
    spare: Vec<Spare<'_>>,
    also: impl FnOnce(&Checked) -> Result<T, RunError> + Send,
) -> Result<(Checked, Vec<super::Staged>, T), RunError> {
    let path = cfg.out_dir.join(super::workbook_name(&cfg.plan.id, cfg.year));
    let wrap = |source: XlsxError| RunError::Workbook { path: path.clone(), source };
    let table = |e: PolarsError| RunError::Table(e);
    let st = Styles::new();
    let mut wb = Workbook::new();
    wb.set_properties(&properties(cfg).map_err(wrap)?);
    // The sheets are written on two threads, and a format gets its number in the workbook
    // when first used: numbered here, in one order, the bytes do not depend on which
    // thread comes first.
    for f in st.all() {
        wb.register_format(f);
    }

    // Which rows are work outside the plan's tasks: grouped apart, after the plan's tasks.
    let outside = outside_rows(&norm.rows).map_err(table)?;
    let order = plan_order(&cfg.plan, &norm.rows, &outside).map_err(table)?;
    // Eight sheets, in their order; those that grow with the input stream their rows
    // (constant-memory mode): their memory does not grow with them. The lines of the
    // activities and difficulties sheets are written by tonghop (`sheetxml::long_sheet`),
    // the rest by rust_xlsxwriter.
    for i in 0..place::SHEETS {
        // Activities, difficulties, problems and sources grow with the rows and files read.
        if matches!(i, place::ACTIVITIES | place::DIFFICULTIES | place::PROBLEMS | place::SOURCES) {
            wb.add_worksheet_with_constant_memory().map_err(wrap)?;
        } else {
            wb.add_worksheet();
        }
    }
    let sheet_err = |e| match e {
        SheetError::Xlsx(x) => wrap(x),
        SheetError::Polars(p) => table(p),
    };
    let sheets = wb.worksheets_mut();
    let (first, rest) = sheets.split_at_mut(place::ACTIVITIES);
    let [summary_ws, submissions_ws, matrix_ws] = first else { unreachable!("three sheets before the activities") };
    let [activities_ws, budget_ws, difficulties_ws, problems_ws, sources_ws] = rest else {
        unreachable!("five sheets from the activities")
    };
    // On Polars' own thread pool, not rayon's global one: the check and the tables call
    // Polars, and a thread of another pool that calls Polars waits for the answer by
    // yielding the CPU in a loop (hundreds of `sched_yield` a run), beside the activities
    // sheet on a two-core machine; and two pools start four threads for two cores.
    let pool = &polars_core::runtime::THREAD_POOL;
    // The activities sheet on one core, and on the other once it is free; the check, then
    // the seven other sheets, then spare outputs until the activities sheet is done, on the
    // other. (At L the other core waited 3 s for the activities sheet when it was written
    // on one core, then the tables ran 0.8 s past the save.)
    let activities_done = std::sync::atomic::AtomicBool::new(false);
    let (big, others) = pool.join(
        || {
            let entry = (sheetxml::sheet_entry(place::ACTIVITIES + 1), ZIP_LEVEL);
            let written = Activities::new(&cfg.plan, &norm.rows, (&order, &outside), SHEET_ROWS)
                .map_err(table)
                .and_then(|act| long_sheet(&act, activities_ws, &st, entry).map_err(wrap));
            activities_done.store(true, std::sync::atomic::Ordering::Release);
            written
        },
        || -> Result<_, RunError> {
            let checked = check()?;
            let mut seven = || -> Result<_, SheetError> {
                summary(summary_ws, &st, cfg, &checked)?;
                submissions(submissions_ws, &st, cfg, &checked, norm)?;
                matrix(matrix_ws, &st, &cfg.plan, cfg.year, &checked)?;
                budget(budget_ws, &st, &cfg.plan, &checked)?;
                let entry = (sheetxml::sheet_entry(place::DIFFICULTIES + 1), ZIP_LEVEL);
                let difficulties = long_sheet(&Difficulties::new(&cfg.plan, norm, &order, SHEET_ROWS)?, difficulties_ws, &st, entry)?;
                problems(problems_ws, &st, norm, SHEET_ROWS)?;
                sources(sources_ws, &st, norm)?;
                Ok(difficulties)
            };
            let difficulties_sheet = seven().map_err(sheet_err)?;
            let mut spare = spare.into_iter();
            let mut early = Vec::new();
            let mut under_way: Option<Spare> = None;
            while !activities_done.load(std::sync::atomic::Ordering::Acquire) {
                if under_way.is_none() {
                    under_way = spare.next();
                }
                let Some(job) = under_way.as_mut() else { break };
                if let Some(staged) = job()? {
                    early.push(staged);
                    under_way = None;
                }
            }
            Ok((checked, difficulties_sheet, early, under_way.into_iter().chain(spare)))
        },
    );
    let activities_sheet = big?;
    let (checked, difficulties_sheet, mut spared, spare) = others?;
    wb.set_zip_compression_level(ZIP_LEVEL as u8);
    // The outputs left are written while the workbook is saved, on one core: the workbook
    // but the lines of the activities and difficulties sheets, then the package with the
    // sheets tonghop wrote.
    let (saved, tables) = pool.join(
        || -> Result<(), RunError> {
            let mut saved = Vec::new();
            wb.save_to_writer(&mut saved).map_err(wrap)?;
            let ours: Vec<_> = [activities_sheet, difficulties_sheet].into_iter().flatten().collect();
            match ours.is_empty() {
                false => sheetxml::replace_entries(&saved, ours, out).map_err(wrap),
                true => out.write_all(&saved).map_err(|e| wrap(XlsxError::IoError(e))),
            }
        },
        || -> Result<_, RunError> {
            for job in spare {
                spared.push(finish_spare(job)?);
            }
            also(&checked)
        },
    );
    saved?;
    let tables = tables?;
    // Dropped on a thread of its own: closing a sheet's temporary file frees its pages (the
    // activities sheet's XML, 83 MB at M, when rust_xlsxwriter wrote it: 24–29 ms at M and
    // 0.19 s at L on the way out; the other long sheets' still).
    std::thread::spawn(move || drop(wb));
    Ok((checked, spared, tables))
}

#[derive(Debug)]
enum SheetError {
    Xlsx(XlsxError),
    Polars(PolarsError),
}
impl From<XlsxError> for SheetError {
    fn from(e: XlsxError) -> Self {
        SheetError::Xlsx(e)
    }
}
impl From<PolarsError> for SheetError {
    fn from(e: PolarsError) -> Self {
        SheetError::Polars(e)
    }
}

fn excel_date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

fn properties(cfg: &RunConfig) -> Result<DocProperties, XlsxError> {
    use crate::versions::*;
    Ok(DocProperties::new()
        .set_title(format!("Báo cáo tổng hợp năm {} — {}", cfg.year, cfg.plan.title))
        .set_subject(format!("{} {}", cfg.plan.id, cfg.year))
        .set_author("tonghop")
        .set_company(cfg.plan.issuer.as_str())
        .set_creation_datetime(&excel_date(cfg.as_of)?)
        .set_custom_property("tonghop", TONGHOP)
        .set_custom_property("calamine", CALAMINE)
        .set_custom_property("polars", POLARS)
        .set_custom_property("rust_xlsxwriter", RUST_XLSXWRITER)
        .set_custom_property("as_of", cfg.as_of.to_string().as_str()))
}

/// Writes text from outside as a string (never a formula), cut to what a cell holds.
fn text(ws: &mut Worksheet, row: u32, col: u16, s: &str, f: &Format) -> Result<(), XlsxError> {
    ws.write_string_with_format(row, col, sheetxml::cut(s, MAX_CELL).as_ref(), f)?;
    Ok(())
}

/// Rows of a sheet whose height is fitted to their text: a year of a province is a few
/// thousand rows; a sheet longer than this is not for printing, and rust_xlsxwriter keeps
/// every height set (~0.4 KB a row, even in constant-memory mode: 0.25 GB at 600,000 rows).
/// Rows past it keep the default height; a spreadsheet fits them on request. (The lines of
/// the activities and difficulties sheets, written by tonghop, keep nothing; they keep the
/// limit, so that the same rows give the same sheet.)
pub const FITTED_ROWS: u32 = 50_000;

/// Height of a row whose cells hold `cells` (text, column width): enough lines for the
/// longest text once wrapped. Applications do not reliably fit wrapped rows themselves.
fn fit(ws: &mut Worksheet, row: u32, cells: &[(&str, f64)]) -> Result<(), XlsxError> {
    if let Some(height) = fit_height(row, cells) {
        ws.set_row_height(row, height)?;
    }
    Ok(())
}

/// The height `fit` gives row `row`, if not the default.
fn fit_height(row: u32, cells: &[(&str, f64)]) -> Option<f64> {
    if row >= FITTED_ROWS {
        return None;
    }
    let lines = cells
        .iter()
        .map(|(t, w)| {
            let per_line = (w * 1.2).max(1.0);
            t.split('\n').map(|l| ((l.chars().count() as f64) / per_line).ceil().max(1.0)).sum::<f64>()
        })
        .fold(1.0, f64::max);
    (lines > 1.0).then(|| 16.0 * lines.min(25.0))
}

/// Writes in row `r`, the last a sheet holds, across its columns to `last_col`, that the
/// `left` lines of `what` from there on are not in the sheet, and that `tables` have them.
fn cut_short(ws: &mut Worksheet, st: &Styles, r: u32, last_col: u16, left: usize, what: &str, tables: &str) -> Result<(), XlsxError> {
    ws.merge_range(r, 0, r, last_col, &cut_short_text(left, what, tables), &st.bad)?;
    Ok(())
}

/// What `cut_short` writes.
fn cut_short_text(left: usize, what: &str, tables: &str) -> String {
    format!(
        "Trang tính đã đến số dòng tối đa Excel cho phép ({}): {} {what} sau đây không ghi được vào trang này; xem đủ trong {tables}",
        thousands(u64::from(SHEET_ROWS)),
        thousands(left as u64)
    )
}

/// A count with dots between its thousands, as Vietnamese writes it ("1.048.576").
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A4, fitted to the page width, header rows repeated, page numbers in the footer.
fn print_setup(ws: &mut Worksheet, landscape: bool, header_row: u32) -> Result<(), XlsxError> {
    ws.set_paper_size(9);
    if landscape {
        ws.set_landscape();
    }
    ws.set_margins(0.5, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(header_row, header_row)?;
    ws.set_footer("&C&\"Times New Roman\"&10Trang &P/&N");
    Ok(())
}

/// A sheet title over `cols` columns, and the table header under it. Returns the header row.
fn title_and_header(ws: &mut Worksheet, st: &Styles, title: &str, sub: &str, headers: &[(&str, f64)]) -> Result<u32, XlsxError> {
    let last = (headers.len() - 1) as u16;
    ws.merge_range(0, 0, 0, last, title, &st.title)?;
    ws.set_row_height(0, 36)?;
    ws.merge_range(1, 0, 1, last, sub, &st.subtitle)?;
    for (i, (h, w)) in headers.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
        ws.write_string_with_format(HEADER_ROW, i as u16, *h, &st.header)?;
    }
    // Room for two-line headings ("Số ngày muộn", "Kinh phí (triệu đồng)").
    ws.set_row_height(HEADER_ROW, 32)?;
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    Ok(HEADER_ROW)
}

fn year_line(cfg: &RunConfig) -> String {
    let deadline = match (cfg.plan.deadline_for(cfg.year), cfg.plan.due_by(cfg.year)) {
        (Some(d), Some(due)) => crate::plan::deadline_text(d, due, false),
        _ => "kế hoạch chưa quy định".to_string(),
    };
    format!("Năm {} — {} (hạn nộp {deadline})", cfg.year, cfg.plan.province)
}

fn summary(ws: &mut Worksheet, st: &Styles, cfg: &RunConfig, checked: &Checked) -> Result<(), XlsxError> {
    let s = &checked.summary;
    let plan = &cfg.plan;
    ws.set_name("Tổng hợp")?;
    ws.set_column_width(0, 52)?;
    ws.set_column_width(1, 16)?;
    ws.set_column_width(2, 14)?;
    ws.merge_range(0, 0, 0, 2, &plan.issuer.to_uppercase(), &st.label.clone().set_align(rust_xlsxwriter::FormatAlign::Center))?;
    ws.merge_range(2, 0, 2, 2, &format!("BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN NĂM {}", cfg.year), &st.title)?;
    ws.set_row_height(3, 48)?;
    ws.merge_range(3, 0, 3, 2, &plan.title, &st.subtitle)?;

    let coordinator = match &plan.coordinator {
        Some(c) => plan.agency(c).map_or(c.clone(), |a| a.name.clone()),
        None => "(kế hoạch chưa ghi)".to_string(),
    };
    let as_of_note = if cfg.as_of_given { String::new() } else { " (ngày chạy chương trình)".to_string() };
    let mut r = 5;
    // What an incomplete plan lacks, above everything else.
    for m in &plan.missing {
        ws.merge_range(r, 0, r, 2, &format!("Kế hoạch chưa đủ: {m}"), &st.bad)?;
        fit(ws, r, &[(m, 70.0)])?;
        r += 1;
    }
    if !plan.missing.is_empty() {
        r += 1;
    }
    ws.merge_range(r, 0, r, 2, "I. THÔNG TIN CHUNG", &st.label)?;
    r += 1;
    for (label, value) in [
        ("Tỉnh", plan.province.clone()),
        ("Cơ quan đầu mối tổng hợp", coordinator.to_string()),
        ("Kỳ báo cáo", format!("Năm {}", cfg.year)),
        (
            "Hạn nộp báo cáo",
            match (s.deadline, s.due_by) {
                (Some(d), Some(due)) => crate::plan::deadline_text(d, due, false),
                _ => "(kế hoạch chưa quy định)".to_string(),
            },
        ),
        ("Ngày kiểm tra", format!("{}{as_of_note}", s.as_of.format("%d/%m/%Y"))),
    ] {
        ws.write_string_with_format(r, 0, label, &st.text)?;
        ws.merge_range(r, 1, r, 2, &value, &st.text)?;
        // (A deadline on a day off says until when over two lines.)
        fit(ws, r, &[(&value, 30.0)])?;
        r += 1;
    }

    r += 1;
    ws.merge_range(r, 0, r, 2, "II. TÌNH HÌNH NỘP BÁO CÁO", &st.label)?;
    r += 1;
    for (i, h) in ["Chỉ tiêu", "Số cơ quan", "Tỷ lệ"].iter().enumerate() {
        ws.write_string_with_format(r, i as u16, *h, &st.header)?;
    }
    r += 1;
    let not_received = if s.deadline.is_none() {
        "Chưa nộp"
    } else if s.past_deadline {
        "Chưa nộp (quá hạn)"
    } else {
        "Chưa nộp (chưa đến hạn)"
    };
    // From the third row on, the rows split the reports expected and sum to 100%.
    let status_rows: [(&str, usize); 10] = [
        ("Số báo cáo phải nộp", s.expected),
        ("Số báo cáo đã nhận (tỷ lệ báo cáo)", s.received),
        ("Nộp đúng hạn (tỷ lệ đúng hạn)", s.on_time),
        ("Nộp muộn", s.late),
        ("Đã nộp nhưng không rõ ngày", s.undated),
        (not_received, s.not_received),
        ("Đã gửi nhưng không đọc được (cần gửi lại)", s.unreadable),
        ("Sổ công văn ghi đã nhận, không có tệp", s.no_file),
        ("Mới gửi báo cáo 6 tháng/quý (chưa có báo cáo năm)", s.part_year),
        ("Chỉ gửi báo cáo năm trước (chưa có báo cáo năm nay)", s.last_year),
    ];
    let split_first = r + 2;
    // The last four lines only where an agency sent files that cannot be read, the
    // register alone records its report, or it sent only a report of part of the year or
    // last year's.
    for (i, (label, n)) in status_rows.into_iter().enumerate() {
        if i >= 6 && n == 0 {
            continue;
        }
        ws.write_string_with_format(r, 0, label, &st.text)?;
        ws.write_number_with_format(r, 1, n as f64, &st.integer)?;
        share(ws, st, r, 2, n, s.expected)?;
        r += 1;
    }
    let split_last = r - 1;

    r += 1;
    ws.merge_range(r, 0, r, 2, "III. THỰC HIỆN NHIỆM VỤ", &st.label)?;
    r += 1;
    for (label, n, of) in [
        ("Số nhiệm vụ được giao", s.tasks, None),
        ("Nhiệm vụ được mọi cơ quan được giao báo cáo", s.tasks_fully_reported, Some(s.tasks)),
        ("Số cặp (cơ quan, nhiệm vụ) được giao", s.pairs, None),
        ("Số cặp đã có báo cáo", s.pairs_reported, Some(s.pairs)),
    ] {
        ws.write_string_with_format(r, 0, label, &st.text)?;
        ws.write_number_with_format(r, 1, n as f64, &st.integer)?;
        match of {
            Some(of) => share(ws, st, r, 2, n, of)?,
            None => {
                ws.write_blank(r, 2, &st.text)?;
            }
        }
        r += 1;
    }

    r += 1;
    ws.merge_range(r, 0, r, 2, "IV. SỐ LIỆU", &st.label)?;
    r += 1;
    ws.write_string_with_format(r, 0, "Tổng kinh phí đã báo cáo (triệu đồng)", &st.text)?;
    ws.merge_range(r, 1, r, 2, "", &st.number)?;
    ws.write_number_with_format(r, 1, s.budget_total, &st.number)?;
    r += 1;
    ws.write_string_with_format(r, 0, "Số hoạt động đã tổng hợp", &st.text)?;
    ws.merge_range(r, 1, r, 2, "", &st.integer)?;
    ws.write_number_with_format(r, 1, s.rows_accepted as f64, &st.integer)?;
    r += 1;
    // Of them, work outside the plan's tasks, where there is any: how much, and its money.
    if s.outside_plan > 0 {
        let label = "Trong đó: việc ngoài các nhiệm vụ của kế hoạch (số hoạt động; kinh phí, triệu đồng)";
        ws.write_string_with_format(r, 0, label, &st.text)?;
        ws.write_number_with_format(r, 1, s.outside_plan as f64, &st.integer)?;
        ws.write_number_with_format(r, 2, s.outside_budget, &st.number)?;
        fit(ws, r, &[(label, 52.0)])?;
        r += 1;
    }
    for (label, n) in [
        ("Số dòng đã đọc", s.rows_read),
        ("Số dòng không tổng hợp (xem trang Vấn đề dữ liệu)", s.rows_read - s.rows_accepted),
        ("Số tệp trong thư mục", s.files),
        ("Số tệp bỏ qua", s.files_skipped),
        ("Số vấn đề dữ liệu", s.problems),
    ] {
        ws.write_string_with_format(r, 0, label, &st.text)?;
        ws.merge_range(r, 1, r, 2, "", &st.integer)?;
        ws.write_number_with_format(r, 1, n as f64, &st.integer)?;
        r += 1;
    }

    r += 1;
    // A plan that expects no report (it lists no agencies) has no split to draw.
    if s.expected == 0 {
        let why = no_report_expected(plan);
        ws.merge_range(r, 0, r, 2, why, &st.text)?;
        fit(ws, r, &[(why, 82.0)])?;
        r += 2;
        return footer(ws, st, plan, r);
    }
    // The three-way split (on time / late / undated / not received), which sums to 100%.
    let mut chart = Chart::new(ChartType::Pie);
    chart.title().set_name("Tình hình nộp báo cáo");
    chart
        .add_series()
        .set_categories(("Tổng hợp", split_first, 0, split_last, 0))
        .set_values(("Tổng hợp", split_first, 1, split_last, 1))
        .set_data_label(rust_xlsxwriter::ChartDataLabel::new().show_value().show_percentage())
        .set_points(&[
            rust_xlsxwriter::ChartPoint::new()
                .set_format(rust_xlsxwriter::ChartFormat::new().set_solid_fill(rust_xlsxwriter::ChartSolidFill::new().set_color(0x4CAF50))),
            rust_xlsxwriter::ChartPoint::new()
                .set_format(rust_xlsxwriter::ChartFormat::new().set_solid_fill(rust_xlsxwriter::ChartSolidFill::new().set_color(0xFFB300))),
            rust_xlsxwriter::ChartPoint::new()
                .set_format(rust_xlsxwriter::ChartFormat::new().set_solid_fill(rust_xlsxwriter::ChartSolidFill::new().set_color(0x9E9E9E))),
            rust_xlsxwriter::ChartPoint::new()
                .set_format(rust_xlsxwriter::ChartFormat::new().set_solid_fill(rust_xlsxwriter::ChartSolidFill::new().set_color(0xE53935))),
        ]);
    chart.set_width(560).set_height(300);
    ws.insert_chart(r, 0, &chart)?;
    r += 16;
    footer(ws, st, plan, r)
}

/// `n` out of `of` as a percentage; a share of nothing is no share: a dash, not 0%.
pub(super) fn share(ws: &mut Worksheet, st: &Styles, row: u32, col: u16, n: usize, of: usize) -> Result<(), XlsxError> {
    match of {
        0 => ws.write_string_with_format(row, col, "—", &st.center)?,
        _ => ws.write_number_with_format(row, col, n as f64 / of as f64, &st.percent)?,
    };
    Ok(())
}

/// Why a year expects no report, for the sheets that would list the agencies.
fn no_report_expected(plan: &Plan) -> &'static str {
    match plan.agencies.is_empty() {
        true => "Kế hoạch chưa có danh sách cơ quan nên chưa kiểm tra việc nộp báo cáo: bổ sung [[agencies]] và phân công vào kế hoạch.",
        false => "Theo kế hoạch, không cơ quan nào phải nộp báo cáo năm này.",
    }
}

/// The summary sheet's last line (what made it) and its page setup.
fn footer(ws: &mut Worksheet, st: &Styles, plan: &Plan, r: u32) -> Result<(), XlsxError> {
    use crate::versions::*;
    ws.merge_range(
        r,
        0,
        r,
        2,
        &format!(
            "Lập bằng tonghop {TONGHOP} (calamine {CALAMINE}, polars {POLARS}, rust_xlsxwriter {RUST_XLSXWRITER}) từ kế hoạch {}",
            plan.id
        ),
        &st.small,
    )?;
    ws.set_paper_size(9);
    ws.set_margins(0.6, 0.5, 0.7, 0.7, 0.3, 0.3);
    ws.set_print_fit_to_pages(1, 1);
    ws.set_footer("&C&\"Times New Roman\"&10Trang &P/&N");
    Ok(())
}

fn submissions(ws: &mut Worksheet, st: &Styles, cfg: &RunConfig, checked: &Checked, norm: &Normalised) -> Result<(), XlsxError> {
    ws.set_name("Tình hình nộp")?;
    let h = title_and_header(
        ws,
        st,
        "TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC CƠ QUAN",
        &year_line(cfg),
        &[
            ("STT", 6.0),
            ("Mã", 13.0),
            ("Cơ quan, đơn vị", 40.0),
            ("Ngày báo cáo", 14.0),
            ("Số ngày muộn", 10.0),
            ("Tình trạng", 18.0),
            ("Tệp báo cáo", 34.0),
        ],
    )?;
    print_setup(ws, true, h)?;
    let c = &checked.completeness;
    let col_str = |n: &str| c.column(n).ok().and_then(|s| s.str().ok().cloned());
    let (Some(codes), Some(names), Some(verdicts), Some(files)) =
        (col_str(AGENCY_CODE), col_str(AGENCY_NAME), col_str(VERDICT), col_str(FILE))
    else {
        return Ok(());
    };
    if c.height() == 0 {
        let why = no_report_expected(&cfg.plan);
        ws.merge_range(h + 1, 0, h + 1, 6, why, &st.note)?;
        fit(ws, h + 1, &[(why, 130.0)])?;
        return Ok(());
    }
    let dates = c.column(RECEIVED_DATE).ok().and_then(|s| s.date().ok().cloned());
    let late = c.column(DAYS_LATE).ok().and_then(|s| s.i32().ok().cloned());
    let empty: std::collections::HashSet<&str> =
        norm.problems.iter().filter(|p| p.kind == crate::error::Kind::NoActivities).map(|p| p.file.as_str()).collect();
    // A report dated by its month alone, the day left blank (`date_partial`): its date is
    // the month's last or first day, taken to judge it; the month is what it says.
    let by_month = norm.dated_by_month();
    let unread: std::collections::HashMap<&str, &str> = norm
        .files
        .iter()
        .filter(|f| f.outcome == crate::normalise::Outcome::Skipped && f.agency_code.is_some())
        .map(|f| (f.file.as_str(), f.reason.as_str()))
        .collect();
    for i in 0..c.height() {
        let r = h + 1 + i as u32;
        let verdict = verdicts.get(i).unwrap_or("");
        ws.write_number_with_format(r, 0, (i + 1) as f64, &st.integer)?;
        text(ws, r, 1, codes.get(i).unwrap_or(""), &st.center)?;
        text(ws, r, 2, names.get(i).unwrap_or(""), &st.text)?;
        let received = dates
            .as_ref()
            .and_then(|d| d.phys.get(i))
            .map(|days| chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid") + chrono::Duration::days(days.into()));
        let month_only = received.filter(|_| by_month.contains(codes.get(i).unwrap_or("")));
        match (received, month_only) {
            (Some(d), Some(_)) => text(ws, r, 3, &d.format("tháng %m/%Y").to_string(), &st.center)?,
            (Some(d), None) => ws.write_datetime_with_format(r, 3, &excel_date(d)?, &st.date).map(|_| ())?,
            (None, _) => ws.write_blank(r, 3, &st.text).map(|_| ())?,
        }
        match late.as_ref().and_then(|l| l.get(i)) {
            // Late from the month's first day: at least so many days.
            Some(n) if n > 0 && month_only.is_some() => text(ws, r, 4, &format!("≥ {n}"), &st.center)?,
            Some(n) if n > 0 => ws.write_number_with_format(r, 4, n as f64, &st.integer).map(|_| ())?,
            _ => ws.write_blank(r, 4, &st.text).map(|_| ())?,
        }
        let f = match verdict {
            "on_time" => &st.ok,
            "late" | "undated" => &st.warn,
            "missing" | "unreadable" | "no_file" | "part_year" | "last_year" => &st.bad,
            _ => &st.muted,
        };
        ws.write_string_with_format(r, 5, verdict_vi(verdict), f)?;
        // A report received with no activity in it (the blank form sent back), or a file
        // that cannot be read, says so beside its name, not only on the data problems' sheet.
        let file = files.get(i).unwrap_or("");
        let file = if empty.contains(file) {
            format!("{file} (không có hoạt động nào)")
        } else if let Some(why) = unread.get(file) {
            format!("{file} ({why})")
        } else if let Some(register) = norm.register_only.get(codes.get(i).unwrap_or("")).filter(|_| verdict == "no_file") {
            format!("(ghi trong {register}; không có tệp trong thư mục)")
        } else {
            file.to_string()
        };
        text(ws, r, 6, &file, &st.text)?;
        fit(ws, r, &[(names.get(i).unwrap_or(""), 40.0), (verdict_vi(verdict), 18.0), (&file, 34.0)])?;
    }
    Ok(())
}

fn matrix(ws: &mut Worksheet, st: &Styles, plan: &Plan, year: i32, checked: &Checked) -> Result<(), XlsxError> {
    ws.set_name("Ma trận nhiệm vụ")?;
    // Tasks given to no agency that reports have no column.
    let tasks = plan.assigned_tasks(year);
    let mut headers: Vec<(&str, f64)> = vec![("STT", 5.0), ("Cơ quan, đơn vị", 30.0)];
    headers.extend(tasks.iter().map(|t| (t.code.as_str(), 9.0)));
    headers.push(("Đã báo cáo / được giao", 11.0));
    let h = title_and_header(
        ws,
        st,
        "MA TRẬN CƠ QUAN × NHIỆM VỤ",
        "Ô xanh: đã báo cáo; ô đỏ: chưa báo cáo; ô vàng: báo cáo nhiệm vụ không được giao",
        &headers,
    )?;
    ws.set_freeze_panes(4, 2)?;
    print_setup(ws, true, h)?;
    let cov = &checked.coverage;
    let mut cells: HashMap<(String, String), (Role, bool)> = HashMap::new();
    if let (Ok(a), Ok(t), Ok(r), Ok(rep)) = (cov.column(AGENCY_CODE), cov.column(TASK_CODE), cov.column(ROLE), cov.column(REPORTED)) {
        if let (Ok(a), Ok(t), Ok(r), Ok(rep)) = (a.str(), t.str(), r.str(), rep.bool()) {
            for i in 0..cov.height() {
                let role = if r.get(i) == Some("lead") { Role::Lead } else { Role::Partner };
                cells.insert((a.get(i).unwrap_or("").to_string(), t.get(i).unwrap_or("").to_string()), (role, rep.get(i).unwrap_or(false)));
            }
        }
    }
    let mut extra: HashMap<(String, String), ()> = HashMap::new();
    if let (Ok(a), Ok(t)) = (checked.unassigned.column(AGENCY_CODE), checked.unassigned.column(TASK_CODE)) {
        if let (Ok(a), Ok(t)) = (a.str(), t.str()) {
            for i in 0..checked.unassigned.height() {
                extra.insert((a.get(i).unwrap_or("").to_string(), t.get(i).unwrap_or("").to_string()), ());
            }
        }
    }
    let last = (tasks.len() + 2) as u16;
    ws.set_row_height(h, 32)?;
    if plan.reporting_agencies(year).next().is_none() {
        let why = no_report_expected(plan);
        ws.merge_range(h + 1, 0, h + 1, last, why, &st.note)?;
        fit(ws, h + 1, &[(why, 46.0)])?;
        return Ok(());
    }
    for (i, a) in plan.reporting_agencies(year).enumerate() {
        let r = h + 1 + i as u32;
        ws.write_number_with_format(r, 0, (i + 1) as f64, &st.integer)?;
        text(ws, r, 1, &a.name, &st.text)?;
        let (mut done, mut given) = (0, 0);
        for (j, t) in tasks.iter().enumerate() {
            let c = (j + 2) as u16;
            let key = (a.code.clone(), t.code.clone());
            match cells.get(&key) {
                Some((role, reported)) => {
                    given += 1;
                    if *reported {
                        done += 1;
                    }
                    ws.write_string_with_format(r, c, role.vi(), if *reported { &st.ok } else { &st.bad })?;
                }
                None if extra.contains_key(&key) => {
                    ws.write_string_with_format(r, c, "Ngoài KH", &st.warn)?;
                }
                None => {
                    ws.write_blank(r, c, &st.text)?;
                }
            }
        }
        ws.write_string_with_format(r, last, format!("{done}/{given}"), &st.center)?;
    }
    // The tasks' titles, for reading the codes.
    let mut r = h + 2 + plan.reporting_agencies(year).count() as u32;
    ws.merge_range(r, 0, r, last, "Các nhiệm vụ:", &st.label)?;
    let width: f64 = 35.0 + 9.0 * tasks.len() as f64 + 11.0;
    for t in &tasks {
        r += 1;
        let line = format!("{}: {}", t.code, t.title);
        ws.merge_range(r, 0, r, last, &line, &st.note)?;
        fit(ws, r, &[(&line, width)])?;
    }
    Ok(())
}

/// Whether each row is work outside the plan's tasks (`check::outside_plan`).
fn outside_rows(rows: &DataFrame) -> PolarsResult<Vec<bool>> {
    Ok(crate::check::outside_plan(rows)?.iter().map(|o| o == Some(true)).collect())
}

/// The order the rows table is read in: by task in plan order (unresolved last), then
/// agency in plan order, then where the row came from (file, sheet, row). Row numbers,
/// not a sorted copy. File and sheet names are ranked once, so the sort compares numbers
/// only: it is on the way to the activities sheet, and Polars' sort (with its joins) took
/// 30–50 ms at M, more when the tables had Polars' threads.
fn plan_order(plan: &Plan, rows: &DataFrame, outside: &[bool]) -> PolarsResult<Vec<usize>> {
    use rayon::prelude::*;
    let tasks: PlHashMap<&str, u32> = plan.tasks.iter().enumerate().map(|(i, t)| (t.code.as_str(), i as u32)).collect();
    let agencies: PlHashMap<&str, u32> = plan.agencies.iter().enumerate().map(|(i, a)| (a.code.as_str(), i as u32)).collect();
    let one = |name: &str| -> PolarsResult<_> { Ok(strs(rows, name)?.rechunk()) };
    let arrays = (one(TASK_CODE)?, one(AGENCY_CODE)?, one(FILE)?, one(SHEET)?);
    let (task, agency, file, sheet) =
        (arrays.0.downcast_as_array(), arrays.1.downcast_as_array(), arrays.2.downcast_as_array(), arrays.3.downcast_as_array());
    let row = rows.column(ROW)?.u32()?.rechunk();
    let row = row.downcast_as_array();
    // Missing values and codes not in the plan sort last; of rows with no task, work outside
    // the plan's tasks before those whose task could not be told.
    let place = |codes: &PlHashMap<&str, u32>, v: Option<&str>| v.and_then(|c| codes.get(c).copied()).unwrap_or(u32::MAX);
    let rank = |names: &PlHashMap<&str, u32>, v: Option<&str>| v.map_or(u32::MAX, |v| names[v]);
    // On both cores: on one, this took 20 ms at M and 0.10 s at L.
    polars_core::runtime::THREAD_POOL.install(|| {
        let (files, sheets) = rayon::join(|| ranks(arrays.2.iter()), || ranks(arrays.3.iter()));
        let mut keys: Vec<[u32; 7]> = (0..rows.height())
            .into_par_iter()
            .map(|i| {
                let t = task.get(i);
                let told = u32::from(t.is_some() || !outside[i]);
                let (f, s) = (rank(&files, file.get(i)), rank(&sheets, sheet.get(i)));
                [place(&tasks, t), told, place(&agencies, agency.get(i)), f, s, value(row, i).unwrap_or(u32::MAX), i as u32]
            })
            .collect();
        // Each row's index last: no two keys are equal, so the order is the stable one.
        keys.par_sort_unstable();
        Ok(keys.into_iter().map(|k| k[6] as usize).collect())
    })
}

/// Each distinct text of a column with its place among them in text order.
fn ranks<'a>(column: impl Iterator<Item = Option<&'a str>>) -> PlHashMap<&'a str, u32> {
    let mut names: Vec<&str> = column.flatten().collect::<PlHashSet<&str>>().into_iter().collect();
    names.sort_unstable();
    names.into_iter().enumerate().map(|(i, n)| (n, i as u32)).collect()
}

/// The `i`th value of a number array, if present.
fn value<T: polars_arrow::types::NativeType>(a: &PrimitiveArray<T>, i: usize) -> Option<T> {
    a.is_valid(i).then(|| a.value(i))
}

fn strs<'a>(df: &'a DataFrame, name: &str) -> PolarsResult<&'a StringChunked> {
    df.column(name)?.str()
}

/// The row of every sheet's table header (under the title and subtitle).
const HEADER_ROW: u32 = 3;

/// The row of the `k`th line (from 0) under a table's header.
fn line_row(k: usize) -> u32 {
    HEADER_ROW + 1 + k as u32
}

/// A long sheet whose lines under the header tonghop writes (`sheetxml::long_sheet`).
trait LongSheet: Sync {
    type Line: Sync;
    fn lines(&self) -> &[Self::Line];
    /// The sheet but its lines: name, title, header, print setup.
    fn frame(&self, ws: &mut Worksheet, st: &Styles) -> Result<(), XlsxError>;
    /// The formats the lines' cells take, in the order `xml` is given their numbers.
    fn xf_formats(st: &Styles) -> Vec<&Format>;
    /// The sheet's cells' range, as rust_xlsxwriter writes it.
    fn dimension(&self) -> String;
    /// The merged cells of the lines, in order.
    fn merges(&self) -> Vec<String>;
    /// The XML of `lines`, the first of them line `first`, in the formats numbered `xf`.
    fn xml(&self, first: usize, lines: &[Self::Line], xf: &[u32], out: &mut Vec<u8>) -> Result<(), XlsxError>;
}

/// A long sheet: `ws`, in the workbook, gets everything but the lines under the header;
/// the whole sheet's XML is returned compressed, as `entry`, to take the place of `ws`'s
/// when the workbook is saved (`sheetxml::replace_entries`), unless there are no lines. The
/// lines are written as XML on both cores, while a thread of its own compresses them: at M
/// the activities sheet's were ~0.5 s of rust_xlsxwriter's cell writing on one core, then
/// ~0.17 s of deflate at the save.
fn long_sheet<S: LongSheet>(
    sheet: &S,
    ws: &mut Worksheet,
    st: &Styles,
    (entry, level): (String, i64),
) -> Result<Option<::zip::PreparedZipFile>, XlsxError> {
    sheet.frame(ws, st)?;
    if sheet.lines().is_empty() {
        return Ok(None);
    }
    let long = sheetxml::Long {
        entry,
        level,
        all: &st.all(),
        formats: &S::xf_formats(st),
        first: line_row(0),
        dimension: sheet.dimension(),
        merges: sheet.merges(),
    };
    let zipped =
        sheetxml::long_sheet(&long, |ws| sheet.frame(ws, st), sheet.lines(), |first, lines, xf, out| sheet.xml(first, lines, xf, out))?;
    Ok(Some(zipped))
}

/// A line of the activities sheet under its header.
enum Line {
    /// A task's title, across the table.
    Group(String),
    /// The activity in row `i` of the rows, the `n`th of its task.
    Activity { i: usize, n: u32 },
    /// The last line of a full sheet: how many activities are left out.
    CutShort(usize),
}

/// The activities sheet, worked out before it is written: its columns, and what each line
/// under the header holds: the rows in their order, each grouped by its task or, of those
/// with none, by whether it is work outside the plan's tasks.
struct Activities<'a> {
    plan: &'a Plan,
    notes_shown: bool,
    headers: Vec<(&'static str, f64)>,
    task: Utf8ViewArray,
    agency: Utf8ViewArray,
    role: Utf8ViewArray,
    activity: Utf8ViewArray,
    result: Utf8ViewArray,
    status: Utf8ViewArray,
    file: Utf8ViewArray,
    sheet: Utf8ViewArray,
    task_written: Utf8ViewArray,
    note: Utf8ViewArray,
    budget: PrimitiveArray<f64>,
    row_no: PrimitiveArray<u32>,
    /// From the row after the header on.
    lines: Vec<Line>,
}

/// What an activity's row holds, column by column.
struct Cells<'a> {
    name: &'a str,
    role: &'static str,
    act: std::borrow::Cow<'a, str>,
    result: &'a str,
    status: &'static str,
    budget: Budget<'a>,
    note: std::borrow::Cow<'a, str>,
    source: &'a str,
}

enum Budget<'a> {
    Figure(f64),
    /// Money with no figure of its own, as the row's note says it ("Lồng ghép").
    Said(&'a str),
    None,
}

impl<'a> Activities<'a> {
    fn new(plan: &'a Plan, rows: &DataFrame, (order, outside): (&[usize], &[bool]), max_rows: u32) -> PolarsResult<Activities<'a>> {
        // Columns as one array each, read by row number: `ChunkedArray::get` looks for the
        // chunk on every call (6% of this sheet's time under perf, L).
        let one = |name: &str| -> PolarsResult<Utf8ViewArray> { Ok(strs(rows, name)?.rechunk().downcast_as_array().clone()) };
        let note = one(NOTE)?;
        // The notes' column where any row has a note (other than money with no figure, shown
        // in the budget's cell): a column of blanks costs a formatted cell a row, and a page's
        // width, for nothing.
        let notes_shown =
            note.iter().flatten().filter(|n| !n.is_empty()).any(|n| n.split("; ").any(|p| !p.is_empty() && !p.starts_with("Kinh phí: ")));
        let mut headers = vec![
            ("STT", 5.0),
            ("Cơ quan", 22.0),
            ("Vai trò", 10.0),
            ("Nội dung hoạt động", 40.0),
            ("Kết quả thực hiện", 40.0),
            ("Tình trạng", 13.0),
            ("Kinh phí (triệu đồng)", 12.0),
        ];
        if notes_shown {
            headers.push(("Ghi chú", 24.0));
        }
        headers.push(("Nguồn (tệp, ô)", 22.0));
        let task = one(TASK_CODE)?;
        let mut lines = Vec::with_capacity(order.len() + plan.tasks.len() + 2);
        let mut current: Option<(Option<&str>, bool)> = None;
        let mut n = 0;
        for (k, &i) in order.iter().enumerate() {
            let t = task.get(i);
            let group = (t, t.is_none() && outside[i]);
            // The last row of a full sheet says what is left out (a task's title needs a row
            // more).
            if line_row(lines.len()) + 1 + u32::from(current != Some(group)) >= max_rows {
                lines.push(Line::CutShort(order.len() - k));
                break;
            }
            if current != Some(group) {
                let title = match t.and_then(|c| plan.task(c)) {
                    Some(task) => format!("{}. {}", task.code, task.title),
                    None if group.1 => "Việc ngoài các nhiệm vụ của kế hoạch (các cơ quan báo cáo thêm)".to_string(),
                    None => "Chưa xác định được nhiệm vụ (xem trang Vấn đề dữ liệu)".to_string(),
                };
                lines.push(Line::Group(title));
                current = Some(group);
                n = 0;
            }
            n += 1;
            lines.push(Line::Activity { i, n });
        }
        Ok(Activities {
            plan,
            notes_shown,
            headers,
            agency: one(AGENCY_CODE)?,
            role: one(ROLE)?,
            activity: one(ACTIVITY)?,
            result: one(RESULT)?,
            status: one(STATUS)?,
            file: one(FILE)?,
            sheet: one(SHEET)?,
            task_written: one(TASK_AS_WRITTEN)?,
            task,
            note,
            budget: rows.column(BUDGET)?.f64()?.rechunk().downcast_as_array().clone(),
            row_no: rows.column(ROW)?.u32()?.rechunk().downcast_as_array().clone(),
            lines,
        })
    }

    fn source_col(&self) -> u16 {
        (self.headers.len() - 1) as u16
    }

    fn width(&self) -> f64 {
        self.headers.iter().map(|(_, w)| w).sum()
    }

    /// The formats of the table's columns.
    #[cfg(test)]
    fn formats<'s>(&self, st: &'s Styles) -> Vec<&'s Format> {
        let formats = [&st.integer, &st.text, &st.center, &st.text, &st.text, &st.center, &st.number, &st.text, &st.source];
        if self.notes_shown {
            formats.to_vec()
        } else {
            [&formats[..7], &formats[8..]].concat()
        }
    }

    /// What the activity in row `i` shows, its source written into `source`.
    fn cells<'s>(&'s self, i: usize, source: &'s mut String) -> Cells<'s> {
        let agency_code = self.agency.get(i).unwrap_or("");
        let name = self.plan.agency(agency_code).map_or(agency_code, |a| a.name.as_str());
        let role = match self.role.get(i) {
            Some("lead") => Role::Lead.vi(),
            Some("partner") => Role::Partner.vi(),
            _ => "Ngoài KH",
        };
        let act = match (self.task.get(i), self.task_written.get(i).unwrap_or(""), self.activity.get(i).unwrap_or("")) {
            (None, written, act) if !written.is_empty() => std::borrow::Cow::Owned(format!("[{written}] {act}")),
            (_, _, act) => std::borrow::Cow::Borrowed(act),
        };
        let row_note = self.note.get(i).unwrap_or("");
        // Money with no figure of its own says so ("Lồng ghép"), as the row's note keeps it:
        // in the budget's cell, and not again in the note's.
        let figure = value(&self.budget, i);
        let said = figure.is_none().then(|| row_note.split("; ").find_map(|p| p.strip_prefix("Kinh phí: "))).flatten();
        let budget = match (figure, said) {
            (Some(b), _) => Budget::Figure(b),
            (None, Some(said)) => Budget::Said(said),
            (None, None) => Budget::None,
        };
        let note = match said {
            Some(_) => {
                std::borrow::Cow::Owned(row_note.split("; ").filter(|p| !p.starts_with("Kinh phí: ")).collect::<Vec<_>>().join("; "))
            }
            None => std::borrow::Cow::Borrowed(row_note),
        };
        source.clear();
        let line = value(&self.row_no, i).unwrap_or(0);
        write!(source, "{}, trang {}, dòng {line}", self.file.get(i).unwrap_or(""), self.sheet.get(i).unwrap_or("")).expect("text");
        Cells {
            name,
            role,
            act,
            result: self.result.get(i).unwrap_or(""),
            status: Status::vi(self.status.get(i).unwrap_or("")),
            budget,
            note,
            source,
        }
    }

    /// The height of an activity's row in row `r`, if it needs more than one line.
    fn height(&self, r: u32, c: &Cells) -> Option<f64> {
        let note = (if self.notes_shown { c.note.as_ref() } else { "" }, 24.0);
        fit_height(r, &[(c.name, 22.0), (&c.act, 40.0), (c.result, 40.0), note, (c.source, 22.0)])
    }
}

impl LongSheet for Activities<'_> {
    type Line = Line;

    fn lines(&self) -> &[Line] {
        &self.lines
    }

    fn frame(&self, ws: &mut Worksheet, st: &Styles) -> Result<(), XlsxError> {
        ws.set_name("Hoạt động")?;
        let h = title_and_header(
            ws,
            st,
            "KẾT QUẢ THỰC HIỆN THEO NHIỆM VỤ",
            "Các hoạt động do các cơ quan báo cáo, nhóm theo nhiệm vụ của kế hoạch",
            &self.headers,
        )?;
        print_setup(ws, true, h)
    }

    fn xf_formats(st: &Styles) -> Vec<&Format> {
        vec![&st.integer, &st.text, &st.center, &st.number, &st.source, &st.group, &st.bad]
    }

    fn dimension(&self) -> String {
        format!("A1:{}{}", sheetxml::column_name(self.source_col()), line_row(self.lines.len()))
    }

    /// The merged cells of the lines across the table (titles, the cut), in order.
    fn merges(&self) -> Vec<String> {
        let last = sheetxml::column_name(self.source_col());
        let across = |k: usize| matches!(self.lines[k], Line::Group(_) | Line::CutShort(_));
        (0..self.lines.len()).filter(|&k| across(k)).map(|k| format!("A{r}:{last}{r}", r = line_row(k) + 1)).collect()
    }

    fn xml(&self, first: usize, lines: &[Line], xf: &[u32], out: &mut Vec<u8>) -> Result<(), XlsxError> {
        let [integer, text, center, number, source_xf, group, bad] = xf else { unreachable!("seven formats") };
        let cols: Vec<String> = (0..=self.source_col()).map(sheetxml::column_name).collect();
        let mut source = String::new();
        for (k, line) in lines.iter().enumerate() {
            let r = line_row(first + k);
            match line {
                Line::Group(title) => across(out, r, &cols, title, *group, fit_height(r, &[(title, self.width() - 4.0)]))?,
                Line::CutShort(left) => across(out, r, &cols, &cut_short_text(*left, "hoạt động", "rows.csv và rows.parquet"), *bad, None)?,
                Line::Activity { i, n } => {
                    let c = self.cells(*i, &mut source);
                    sheetxml::row_start(out, r, self.height(r, &c));
                    sheetxml::number(out, r, &cols[0], f64::from(*n), *integer)?;
                    let cell = |out: &mut Vec<u8>, col: usize, s: &str, xf: u32| {
                        sheetxml::text(out, r, &cols[col], &sheetxml::cut(s, MAX_CELL), xf)
                    };
                    cell(out, 1, c.name, *text)?;
                    cell(out, 2, c.role, *center)?;
                    cell(out, 3, &c.act, *text)?;
                    cell(out, 4, c.result, *text)?;
                    cell(out, 5, c.status, *center)?;
                    match c.budget {
                        Budget::Figure(b) => sheetxml::number(out, r, &cols[6], b, *number)?,
                        Budget::Said(said) => cell(out, 6, said, *number)?,
                        Budget::None => sheetxml::blank(out, r, &cols[6], *text),
                    }
                    if self.notes_shown {
                        cell(out, 7, &c.note, *text)?;
                    }
                    cell(out, cols.len() - 1, c.source, *source_xf)?;
                    sheetxml::row_end(out);
                }
            }
        }
        Ok(())
    }
}

fn budget(ws: &mut Worksheet, st: &Styles, plan: &Plan, checked: &Checked) -> Result<(), SheetError> {
    ws.set_name("Kinh phí")?;
    let h = title_and_header(
        ws,
        st,
        "KINH PHÍ THỰC HIỆN THEO NHIỆM VỤ VÀ CƠ QUAN",
        "Đơn vị: triệu đồng",
        &[("Nhiệm vụ", 12.0), ("Cơ quan", 40.0), ("Số hoạt động", 12.0), ("Kinh phí (triệu đồng)", 16.0)],
    )?;
    print_setup(ws, false, h)?;
    let b = &checked.budget;
    let task = strs(b, TASK_CODE)?;
    let outside = b.column(OUTSIDE_PLAN)?.bool()?;
    let agency = strs(b, AGENCY_CODE)?;
    let count = b.column(ACTIVITIES)?.cast(&DataType::UInt32)?;
    let count = count.u32()?;
    let money = b.column(BUDGET)?.f64()?;
    let mut r = h + 1;
    let (mut sub_n, mut sub_m, mut all_n, mut all_m) = (0u32, 0.0, 0u32, 0.0);
    for i in 0..b.height() {
        let t = (task.get(i), outside.get(i));
        let code = match t {
            (Some(code), _) => code,
            (None, Some(true)) => "(ngoài KH)",
            (None, _) => "(chưa rõ)",
        };
        let agency_code = agency.get(i).unwrap_or("");
        text(ws, r, 0, code, &st.center)?;
        text(ws, r, 1, plan.agency(agency_code).map_or(agency_code, |a| a.name.as_str()), &st.text)?;
        let (n, m) = (count.get(i).unwrap_or(0), money.get(i).unwrap_or(0.0));
        ws.write_number_with_format(r, 2, n as f64, &st.integer)?;
        ws.write_number_with_format(r, 3, m, &st.number)?;
        sub_n += n;
        sub_m += m;
        all_n += n;
        all_m += m;
        r += 1;
        if i + 1 == b.height() || (task.get(i + 1), outside.get(i + 1)) != t {
            ws.write_string_with_format(r, 0, "", &st.total)?;
            ws.write_string_with_format(r, 1, format!("Cộng {code}"), &st.total)?;
            ws.write_number_with_format(r, 2, sub_n as f64, &st.total)?;
            ws.write_number_with_format(r, 3, sub_m, &st.total_number)?;
            r += 1;
            (sub_n, sub_m) = (0, 0.0);
        }
    }
    ws.write_string_with_format(r, 0, "", &st.total)?;
    ws.write_string_with_format(r, 1, "TỔNG CỘNG", &st.total)?;
    ws.write_number_with_format(r, 2, all_n as f64, &st.total)?;
    ws.write_number_with_format(r, 3, all_m, &st.total_number)?;
    Ok(())
}

/// A line of the difficulties sheet under its header.
enum Said {
    /// What row `i` of the rows says (the rows in the activities' order).
    Row(usize),
    /// What the `n`th file read says under headings of its own: its work as a whole.
    Report(usize),
    /// The last line of a full sheet: how many lines are left out.
    CutShort(usize),
}

/// The difficulties sheet, worked out before it is written: the rows' own difficulties and
/// proposals, by task; then what each report writes under headings of its own ("Chung").
struct Difficulties<'a> {
    plan: &'a Plan,
    norm: &'a Normalised,
    agency: Utf8ViewArray,
    task: Utf8ViewArray,
    difficulties: Utf8ViewArray,
    proposals: Utf8ViewArray,
    /// From the row after the header on.
    lines: Vec<Said>,
}

impl<'a> Difficulties<'a> {
    const HEADERS: [(&'static str, f64); 5] =
        [("STT", 5.0), ("Cơ quan", 26.0), ("Nhiệm vụ", 10.0), ("Khó khăn, vướng mắc", 50.0), ("Kiến nghị, đề xuất", 50.0)];

    fn new(plan: &'a Plan, norm: &'a Normalised, order: &[usize], max_rows: u32) -> PolarsResult<Difficulties<'a>> {
        let one = |name: &str| -> PolarsResult<Utf8ViewArray> { Ok(strs(&norm.rows, name)?.rechunk().downcast_as_array().clone()) };
        let mut sheet = Difficulties {
            plan,
            norm,
            agency: one(AGENCY_CODE)?,
            task: one(TASK_CODE)?,
            difficulties: one(DIFFICULTIES)?,
            proposals: one(PROPOSALS)?,
            lines: Vec::new(),
        };
        let by_row = order.iter().map(|&i| Said::Row(i));
        let by_report = norm.files.iter().enumerate().filter(|(_, f)| f.outcome == Outcome::Accepted).map(|(n, _)| Said::Report(n));
        let mut said = by_row.chain(by_report).filter(|l| {
            let (_, _, d, p) = sheet.texts(l);
            !d.is_empty() || !p.is_empty()
        });
        let mut lines = Vec::new();
        while let Some(line) = said.next() {
            if line_row(lines.len()) + 1 >= max_rows {
                lines.push(Said::CutShort(1 + said.count()));
                break;
            }
            lines.push(line);
        }
        sheet.lines = lines;
        Ok(sheet)
    }

    /// A line's agency, task, difficulties and proposals (empty for the cut).
    fn texts<'s>(&'s self, line: &Said) -> (&'s str, &'s str, &'s str, &'s str) {
        let plan = self.plan;
        let name = |code: &'s str, written: &'s str| -> &'s str { plan.agency(code).map_or(written, |a| a.name.as_str()) };
        match *line {
            Said::Row(i) => {
                let code = self.agency.get(i).unwrap_or("");
                let texts = (self.task.get(i), self.difficulties.get(i), self.proposals.get(i));
                (name(code, code), texts.0.unwrap_or(""), texts.1.unwrap_or(""), texts.2.unwrap_or(""))
            }
            Said::Report(n) => {
                let f = &self.norm.files[n];
                (name(f.agency_code.as_deref().unwrap_or(""), &f.agency_as_written), "Chung", &f.difficulties, &f.proposals)
            }
            Said::CutShort(_) => ("", "", "", ""),
        }
    }
}

impl LongSheet for Difficulties<'_> {
    type Line = Said;

    fn lines(&self) -> &[Said] {
        &self.lines
    }

    fn frame(&self, ws: &mut Worksheet, st: &Styles) -> Result<(), XlsxError> {
        ws.set_name("Khó khăn, kiến nghị")?;
        let h =
            title_and_header(ws, st, "KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ, ĐỀ XUẤT", "Tập hợp từ báo cáo của các cơ quan", &Self::HEADERS)?;
        print_setup(ws, true, h)
    }

    fn xf_formats(st: &Styles) -> Vec<&Format> {
        vec![&st.integer, &st.text, &st.center, &st.bad]
    }

    fn dimension(&self) -> String {
        format!("A1:E{}", line_row(self.lines.len()))
    }

    fn merges(&self) -> Vec<String> {
        let cut = self.lines.iter().position(|l| matches!(l, Said::CutShort(_)));
        cut.map(|k| format!("A{r}:E{r}", r = line_row(k) + 1)).into_iter().collect()
    }

    fn xml(&self, first: usize, lines: &[Said], xf: &[u32], out: &mut Vec<u8>) -> Result<(), XlsxError> {
        let [integer, text, center, bad] = xf else { unreachable!("four formats") };
        const COLS: [&str; 5] = ["A", "B", "C", "D", "E"];
        for (k, line) in lines.iter().enumerate() {
            let r = line_row(first + k);
            if let Said::CutShort(left) = line {
                across(out, r, &COLS, &cut_short_text(*left, "dòng khó khăn, kiến nghị", "rows.csv"), *bad, None)?;
                continue;
            }
            let (agency, task, d, p) = self.texts(line);
            sheetxml::row_start(out, r, fit_height(r, &[(d, 50.0), (p, 50.0)]));
            sheetxml::number(out, r, COLS[0], (first + k + 1) as f64, *integer)?;
            for (col, s, xf) in [(1, agency, text), (2, task, center), (3, d, text), (4, p, text)] {
                sheetxml::text(out, r, COLS[col], &sheetxml::cut(s, MAX_CELL), *xf)?;
            }
            sheetxml::row_end(out);
        }
        Ok(())
    }
}

/// A line across a table's columns `cols` in row `r`: `said` in the first cell, merged
/// with the others, in the format numbered `xf`.
fn across<S: AsRef<str>>(out: &mut Vec<u8>, r: u32, cols: &[S], said: &str, xf: u32, height: Option<f64>) -> Result<(), XlsxError> {
    sheetxml::row_start(out, r, height);
    sheetxml::text(out, r, cols[0].as_ref(), said, xf)?;
    for col in &cols[1..] {
        sheetxml::blank(out, r, col.as_ref(), xf);
    }
    sheetxml::row_end(out);
    Ok(())
}

fn problems(ws: &mut Worksheet, st: &Styles, norm: &Normalised, max_rows: u32) -> Result<(), XlsxError> {
    ws.set_name("Vấn đề dữ liệu")?;
    let h = title_and_header(
        ws,
        st,
        "CÁC VẤN ĐỀ VỀ DỮ LIỆU CẦN KIỂM TRA",
        "Mỗi dòng chỉ rõ tệp, trang, ô và cách sửa",
        &[("STT", 5.0), ("Tệp", 30.0), ("Trang", 14.0), ("Ô", 7.0), ("Vấn đề", 70.0)],
    )?;
    print_setup(ws, true, h)?;
    for (i, p) in norm.problems.iter().enumerate() {
        let r = h + 1 + i as u32;
        if r + 1 >= max_rows {
            cut_short(ws, st, r, 4, norm.problems.len() - i, "vấn đề", "problems.csv")?;
            break;
        }
        ws.write_number_with_format(r, 0, (i + 1) as f64, &st.integer)?;
        text(ws, r, 1, &p.file, &st.text)?;
        text(ws, r, 2, &p.sheet, &st.text)?;
        text(ws, r, 3, &p.cell, &st.center)?;
        let message = p.message_vi();
        text(ws, r, 4, &message, &st.text)?;
        fit(ws, r, &[(&p.file, 30.0), (&message, 70.0)])?;
    }
    Ok(())
}

fn sources(ws: &mut Worksheet, st: &Styles, norm: &Normalised) -> Result<(), XlsxError> {
    ws.set_name("Nguồn dữ liệu")?;
    let h = title_and_header(
        ws,
        st,
        "CÁC TỆP ĐÃ ĐỌC",
        "Mọi tệp trong thư mục của năm, với mã băm SHA-256 để đối chiếu; số dòng đọc = số dòng nhận + số dòng loại",
        &[
            ("STT", 5.0),
            ("Tệp", 28.0),
            ("Dung lượng (byte)", 11.0),
            ("SHA-256", 20.0),
            ("Kết quả", 13.0),
            ("Lý do", 34.0),
            ("Đơn vị", 10.0),
            ("Ngày báo cáo", 12.0),
            ("Dòng đọc", 8.0),
            ("Dòng nhận", 8.0),
            ("Dòng loại", 8.0),
        ],
    )?;
    print_setup(ws, true, h)?;
    let mut r = h + 1;
    for (i, f) in norm.files.iter().enumerate() {
        ws.write_number_with_format(r, 0, (i + 1) as f64, &st.integer)?;
        text(ws, r, 1, &f.file, &st.text)?;
        ws.write_number_with_format(r, 2, f.bytes as f64, &st.integer)?;
        text(ws, r, 3, &f.sha256, &st.source)?;
        fit(ws, r, &[(&f.file, 28.0), (&f.sha256, 20.0), (&f.reason, 34.0)])?;
        let fmt = match f.outcome {
            crate::normalise::Outcome::Accepted => &st.ok,
            crate::normalise::Outcome::Skipped => &st.bad,
            crate::normalise::Outcome::Superseded => &st.warn,
        };
        ws.write_string_with_format(r, 4, f.outcome.vi(), fmt)?;
        text(ws, r, 5, &f.reason, &st.text)?;
        text(ws, r, 6, f.agency_code.as_deref().unwrap_or(""), &st.center)?;
        match f.report_date {
            Some(d) => ws.write_datetime_with_format(r, 7, &excel_date(d)?, &st.date)?,
            None => ws.write_blank(r, 7, &st.text)?,
        };
        ws.write_number_with_format(r, 8, f.rows_read as f64, &st.integer)?;
        ws.write_number_with_format(r, 9, f.rows_accepted as f64, &st.integer)?;
        ws.write_number_with_format(r, 10, (f.rows_read - f.rows_accepted) as f64, &st.integer)?;
        r += 1;
    }
    ws.merge_range(r, 0, r, 7, "Cộng", &st.total)?;
    ws.write_number_with_format(r, 8, norm.rows_read() as f64, &st.total)?;
    ws.write_number_with_format(r, 9, norm.rows_accepted() as f64, &st.total)?;
    ws.write_number_with_format(r, 10, (norm.rows_read() - norm.rows_accepted()) as f64, &st.total)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The order as Polars' sort gives it, joining the plan's orders to the rows.
    fn plan_order_by_polars(plan: &Plan, rows: &DataFrame) -> Vec<usize> {
        let tasks = df!(
            TASK_CODE => plan.tasks.iter().map(|t| t.code.as_str()).collect::<Vec<_>>(),
            TASK_ORDER => (0..plan.tasks.len() as u32).collect::<Vec<_>>(),
        )
        .unwrap();
        let agencies = df!(
            AGENCY_CODE => plan.agencies.iter().map(|a| a.code.as_str()).collect::<Vec<_>>(),
            AGENCY_ORDER => (0..plan.agencies.len() as u32).collect::<Vec<_>>(),
        )
        .unwrap();
        let mut rows = rows.clone();
        rows.with_column(crate::check::outside_plan(&rows).unwrap().into_column()).unwrap();
        let sorted = rows
            .lazy()
            .with_row_index("i", None)
            .with_column(col(TASK_CODE).is_not_null().or(col(OUTSIDE_PLAN).not()).alias("told"))
            .left_join(tasks.lazy(), col(TASK_CODE), col(TASK_CODE))
            .left_join(agencies.lazy(), col(AGENCY_CODE), col(AGENCY_CODE))
            .sort(
                [TASK_ORDER, "told", AGENCY_ORDER, FILE, SHEET, ROW],
                SortMultipleOptions::default().with_nulls_last(true).with_maintain_order(true),
            )
            .collect()
            .unwrap();
        sorted.column("i").unwrap().idx().unwrap().into_no_null_iter().map(|i| i as usize).collect()
    }

    #[test]
    fn rows_are_ordered_by_task_and_agency_in_plan_order_then_by_where_they_came_from() {
        let plan = crate::plan::load(std::path::Path::new("inputs/plans/bac-giang.toml")).unwrap();
        let (t, a) = (|i: usize| plan.tasks[i].code.as_str(), |i: usize| plan.agencies[i].code.as_str());
        // Tasks and agencies out of plan order, codes not in the plan, missing values, file and
        // sheet names whose text order is not their first appearance, one exact repeat, and
        // one row of work outside the plan's tasks.
        let rows = df!(
            TASK_CODE => [Some(t(2)), Some(t(0)), None, Some("NV-X"), Some(t(0)), Some(t(2)), Some(t(0)), Some(t(0)), None, Some(t(0)), Some(t(0))],
            AGENCY_CODE => [Some(a(0)), Some(a(3)), Some(a(1)), Some(a(0)), Some(a(1)), None, Some(a(3)), Some("KHAC"), Some(a(0)), Some(a(3)), Some(a(3))],
            FILE => ["b.xlsx", "b.xlsx", "a.xlsx", "c.xls", "z.ods", "a.xlsx", "a.xlsx", "b.xlsx", "a.xlsx", "a.xlsx", "b.xlsx"],
            SHEET => ["S2", "Sheet", "S1", "S1", "S1", "S1", "Sheet", "S1", "S1", "Báo cáo", "Sheet"],
            ROW => [Some(4u32), Some(9), Some(3), Some(2), None, Some(7), Some(5), Some(1), Some(3), Some(5), Some(9)],
            FLAGS => ["", "", "task_from_row_above;task_outside_plan", "task_unknown", "", "", "", "", "task_missing", "", ""],
        )
        .unwrap();
        let ours = plan_order(&plan, &rows, &outside_rows(&rows).unwrap()).unwrap();
        assert_eq!(ours, plan_order_by_polars(&plan, &rows));
        // Task 0 first: agency 1, then agency 3 (a.xlsx's sheets in text order, then b.xlsx,
        // whose two same rows keep their order),
        // then the agency not in the plan; task 2 with a missing agency after its agency 0; the
        // rows without a task of the plan last: work outside the plan's tasks first, then the
        // others by agency, then file.
        assert_eq!(ours, vec![4, 9, 6, 1, 10, 7, 0, 5, 2, 8, 3]);
    }

    /// The `<row>` elements of the first sheet of a workbook.
    fn rows_xml(wb: &mut Workbook) -> String {
        use std::io::Read;
        let bytes = wb.save_to_buffer().unwrap();
        let mut zip = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        zip.by_name("xl/worksheets/sheet1.xml").unwrap().read_to_string(&mut xml).unwrap();
        xml
    }

    #[test]
    fn wrapped_rows_are_fitted_up_to_the_limit() {
        let long = "Tổ chức hội nghị xúc tiến đầu tư và du lịch tại nhiều địa phương trong và ngoài nước ".repeat(3);
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet_with_constant_memory().unwrap();
        for row in [1, FITTED_ROWS - 1, FITTED_ROWS] {
            ws.write_string(row, 0, &long).unwrap();
            fit(ws, row, &[(&long, 20.0)]).unwrap();
        }
        let xml = rows_xml(&mut wb);
        let fitted = |row: u32| {
            let start = xml.find(&format!("<row r=\"{}\"", row + 1)).unwrap();
            xml[start..].split('>').next().unwrap().contains("customHeight")
        };
        assert!(fitted(1) && fitted(FITTED_ROWS - 1), "{xml}");
        assert!(!fitted(FITTED_ROWS), "a row past the limit keeps the default height");
    }

    /// Rows of `n` activities of Bắc Giang's plan, alternating between its first two tasks.
    fn rows(plan: &Plan, n: usize) -> DataFrame {
        let texts = |p: &str| (0..n).map(|i| format!("{p} {i}")).collect::<Vec<_>>();
        df!(
            PLAN_ID => vec![plan.id.as_str(); n],
            YEAR => vec![2024i32; n],
            AGENCY_CODE => vec!["SNV"; n],
            AGENCY_AS_WRITTEN => vec!["Sở Ngoại vụ"; n],
            FILE => vec!["a.xlsx"; n],
            SHEET => vec!["S"; n],
            ROW => (0..n as u32).collect::<Vec<_>>(),
            TASK_CODE => (0..n).map(|i| plan.tasks[i % 2].code.as_str()).collect::<Vec<_>>(),
            TASK_AS_WRITTEN => vec![""; n],
            ROLE => vec!["lead"; n],
            ACTIVITY => texts("Hoạt động"),
            RESULT => texts("Kết quả"),
            STATUS => vec!["done"; n],
            BUDGET => vec![Some(1.0f64); n],
            DIFFICULTIES => texts("Khó khăn"),
            PROPOSALS => vec![""; n],
            REPORT_DATE => vec![None::<i32>; n],
            FLAGS => vec![""; n],
            NOTE => vec![""; n],
        )
        .unwrap()
    }

    /// The XML of the sheet `write` makes as the fourth of a workbook, read back from it.
    fn fourth_sheet(write: impl FnOnce(&mut Worksheet, &Styles) -> Option<::zip::PreparedZipFile>) -> String {
        use std::io::Read;
        let st = Styles::new();
        let mut wb = Workbook::new();
        for f in st.all() {
            wb.register_format(f);
        }
        for _ in 0..3 {
            wb.add_worksheet();
        }
        let replace = write(wb.add_worksheet_with_constant_memory().unwrap(), &st);
        let saved = wb.save_to_buffer().unwrap();
        let bytes = match replace {
            Some(sheet) => {
                let mut out = Vec::new();
                sheetxml::replace_entries(&saved, vec![sheet], &mut out).unwrap();
                out
            }
            None => saved,
        };
        let mut zip = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        zip.by_name(&sheetxml::sheet_entry(4)).unwrap().read_to_string(&mut xml).unwrap();
        xml
    }

    /// The activities sheet's lines written through rust_xlsxwriter, each cell with its
    /// column's format, as they were before `Activities::xml`. (They were written as plain
    /// cells in formatted columns, to spare rust_xlsxwriter's hashing each cell's format:
    /// the same XML, which a test compared.)
    fn lines_by_rust_xlsxwriter(act: &Activities, ws: &mut Worksheet, st: &Styles) {
        let formats = act.formats(st);
        let last_col = act.source_col();
        let mut source = String::new();
        for (k, line) in act.lines.iter().enumerate() {
            let r = line_row(k);
            match line {
                Line::Group(title) => {
                    ws.merge_range(r, 0, r, last_col, title, &st.group).unwrap();
                    fit(ws, r, &[(title, act.width() - 4.0)]).unwrap();
                }
                Line::CutShort(left) => cut_short(ws, st, r, last_col, *left, "hoạt động", "rows.csv và rows.parquet").unwrap(),
                Line::Activity { i, n } => {
                    let c = act.cells(*i, &mut source);
                    ws.write_number_with_format(r, 0, f64::from(*n), formats[0]).unwrap();
                    for (col, t) in [(1, c.name), (2, c.role), (3, &c.act), (4, c.result), (5, c.status)] {
                        text(ws, r, col, t, formats[col as usize]).unwrap();
                    }
                    match c.budget {
                        Budget::Figure(b) => drop(ws.write_number_with_format(r, 6, b, formats[6]).unwrap()),
                        Budget::Said(said) => text(ws, r, 6, said, formats[6]).unwrap(),
                        Budget::None => drop(ws.write_blank(r, 6, &st.text).unwrap()),
                    }
                    if act.notes_shown {
                        text(ws, r, 7, &c.note, formats[7]).unwrap();
                    }
                    text(ws, r, last_col, c.source, formats[last_col as usize]).unwrap();
                    if let Some(h) = act.height(r, &c) {
                        ws.set_row_height(r, h).unwrap();
                    }
                }
            }
        }
    }

    #[test]
    fn rows_are_written_as_rust_xlsxwriter_writes_them() {
        let plan = crate::plan::load(std::path::Path::new("inputs/plans/bac-giang.toml")).unwrap();
        let n = 3_000;
        let mut rows = rows(&plan, n);
        // Rows of every kind: tasks of the plan, unresolved (with and without what was
        // written), outside the plan; notes, money said in words, no money, odd figures;
        // text to escape, to wrap, to cut, empty.
        let pick = |i: usize, options: &[&str]| options[i % options.len()].to_string();
        let task: Vec<Option<String>> = (0..n).map(|i| (i % 7 != 3).then(|| plan.tasks[i % 5].code.clone())).collect();
        let written: Vec<String> = (0..n).map(|i| pick(i, &["", "NV 9", "", "1.a"])).collect();
        let roles: Vec<String> = (0..n).map(|i| pick(i, &["lead", "partner", "", "lead", "other"])).collect();
        let long = "Tổ chức hội nghị xúc tiến đầu tư & du lịch <tại> nhiều địa phương trong và ngoài nước. ".repeat(8);
        let huge = "Ư".repeat(MAX_CELL + 5);
        let activity: Vec<String> = (0..n)
            .map(|i| match i % 11 {
                0 => long.clone(),
                1 => " lề trái _x0041_\t".to_string(),
                2 => "dòng 1\ndòng 2\ndòng 3\r\u{1}".to_string(),
                3 => String::new(),
                4 if i == 4 => huge.clone(),
                5 => "😀 \u{fffe} =SUM(A1)".to_string(),
                _ => format!("Hoạt động {i}"),
            })
            .collect();
        let statuses: Vec<String> = (0..n).map(|i| pick(i, &["done", "ongoing", "", "not_started", "lạ"])).collect();
        let budget: Vec<Option<f64>> = (0..n).map(|i| [Some(i as f64 * 0.1), None, Some(1e21), Some(-3.25), None][i % 5]).collect();
        let notes: Vec<String> =
            (0..n).map(|i| pick(i, &["", "Kinh phí: Lồng ghép", "ghi chú; Kinh phí: xã hội hoá", "", "Kinh phí: ", "x"])).collect();
        let agency: Vec<String> = (0..n).map(|i| pick(i, &["SNV", "SVHTTDL", "KHONGCO", ""])).collect();
        rows.with_column(Column::new(TASK_CODE.into(), task)).unwrap();
        rows.with_column(Column::new(TASK_AS_WRITTEN.into(), written)).unwrap();
        rows.with_column(Column::new(ROLE.into(), roles)).unwrap();
        rows.with_column(Column::new(ACTIVITY.into(), activity)).unwrap();
        rows.with_column(Column::new(STATUS.into(), statuses)).unwrap();
        rows.with_column(Column::new(BUDGET.into(), budget)).unwrap();
        rows.with_column(Column::new(AGENCY_CODE.into(), agency)).unwrap();
        // Half the rows with no task are work outside the plan's tasks, grouped apart.
        let outside_code = crate::error::Kind::TaskOutsidePlan.code();
        let flags: Vec<&str> = (0..n).map(|i| if i % 14 == 3 { outside_code } else { "" }).collect();
        rows.with_column(Column::new(FLAGS.into(), flags)).unwrap();
        for (notes, max_rows) in [(Some(notes), SHEET_ROWS), (None, SHEET_ROWS), (None, 1_000), (None, 5)] {
            if let Some(notes) = notes {
                rows.with_column(Column::new(NOTE.into(), notes)).unwrap();
            } else {
                rows.with_column(Column::new(NOTE.into(), vec![""; n])).unwrap();
            }
            let outside = outside_rows(&rows).unwrap();
            let order = plan_order(&plan, &rows, &outside).unwrap();
            let ours = fourth_sheet(|ws, st| {
                let act = Activities::new(&plan, &rows, (&order, &outside), max_rows).unwrap();
                long_sheet(&act, ws, st, (sheetxml::sheet_entry(4), 2)).unwrap()
            });
            let theirs = fourth_sheet(|ws, st| {
                let act = Activities::new(&plan, &rows, (&order, &outside), max_rows).unwrap();
                act.frame(ws, st).unwrap();
                lines_by_rust_xlsxwriter(&act, ws, st);
                None
            });
            assert!(ours.len() > 10_000 || max_rows < 1_000, "{ours}");
            assert!(ours.contains("Việc ngoài các nhiệm vụ") || max_rows < SHEET_ROWS, "no work outside the plan");
            assert!(ours.contains("Chưa xác định được nhiệm vụ") || max_rows < SHEET_ROWS, "no unresolved task");
            same_sheet(&ours, &theirs, &format!("max_rows {max_rows}"));
        }
    }

    /// Asserts that tonghop's sheet XML is rust_xlsxwriter's, but for the empty row
    /// rust_xlsxwriter writes after the last, of the same number, to give its height again
    /// (two rows of one number); tonghop does not.
    fn same_sheet(ours: &str, theirs: &str, what: &str) {
        let last = theirs.rfind("<row r=\"").unwrap();
        let theirs = match theirs[last..].find("/></sheetData>") {
            Some(end) if theirs[..last].contains(&theirs[last..last + theirs[last..].find(' ').unwrap()]) => {
                format!("{}{}", &theirs[..last], &theirs[last + end + 2..])
            }
            _ => theirs.to_string(),
        };
        if ours != theirs {
            let at = ours.bytes().zip(theirs.bytes()).position(|(a, b)| a != b).unwrap_or(ours.len().min(theirs.len()));
            let around =
                |x: &str| x[x.floor_char_boundary(at.saturating_sub(200))..x.ceil_char_boundary((at + 200).min(x.len()))].to_string();
            panic!("{what}: the XML differs at byte {at}:\nours   {}\ntheirs {}", around(ours), around(&theirs));
        }
    }

    #[test]
    fn difficulties_are_written_as_rust_xlsxwriter_writes_them() {
        let plan = crate::plan::load(std::path::Path::new("inputs/plans/bac-giang.toml")).unwrap();
        let n = 2_500;
        let mut rows = rows(&plan, n);
        let long = "Thiếu kinh phí & nhân lực <chuyên trách> cho các hoạt động đối ngoại ở cơ sở. ".repeat(6);
        let says = |i: usize, options: &[&str]| -> String {
            match i % 9 {
                0 => long.clone(),
                1 => "dòng 1\ndòng 2 _x0041_\u{1}".to_string(),
                2 if i == 2 => "Ư".repeat(MAX_CELL + 3),
                _ => options[i % options.len()].to_string(),
            }
        };
        let d: Vec<String> = (0..n).map(|i| says(i, &["", "Khó khăn", " lề ", ""])).collect();
        let p: Vec<String> = (0..n).map(|i| says(i + 4, &["", "", "Kiến nghị", "😀"])).collect();
        let agency: Vec<String> = (0..n).map(|i| ["SNV", "SVHTTDL", "KHONGCO", ""][i % 4].to_string()).collect();
        let task: Vec<Option<String>> = (0..n).map(|i| (i % 5 != 3).then(|| plan.tasks[i % 4].code.clone())).collect();
        rows.with_column(Column::new(DIFFICULTIES.into(), d)).unwrap();
        rows.with_column(Column::new(PROPOSALS.into(), p)).unwrap();
        rows.with_column(Column::new(AGENCY_CODE.into(), agency)).unwrap();
        rows.with_column(Column::new(TASK_CODE.into(), task)).unwrap();
        let file = |k: usize, outcome: Outcome, difficulties: &str, proposals: &str| crate::normalise::FileRecord {
            file: format!("{k}.xlsx"),
            bytes: 1,
            sha256: String::new(),
            outcome,
            reason: String::new(),
            reason_code: String::new(),
            agency_code: [Some("SNV".to_string()), None][k % 2].clone(),
            agency_as_written: "Phòng Văn hoá & Thông tin".to_string(),
            report_date: None,
            rows_read: 0,
            rows_accepted: 0,
            difficulties: difficulties.to_string(),
            proposals: proposals.to_string(),
        };
        let files = vec![
            file(0, Outcome::Accepted, "Chung: thiếu người", ""),
            file(1, Outcome::Accepted, "", "Đề nghị tập huấn\nhằng năm"),
            file(2, Outcome::Accepted, "", ""),
            file(3, Outcome::Skipped, "không tính", "không tính"),
        ];
        let norm = Normalised {
            rows,
            files,
            problems: Vec::new(),
            received: Default::default(),
            also_reported: Default::default(),
            register_only: Default::default(),
        };
        let outside = outside_rows(&norm.rows).unwrap();
        let order = plan_order(&plan, &norm.rows, &outside).unwrap();
        for max_rows in [SHEET_ROWS, 900, 6] {
            let ours = fourth_sheet(|ws, st| {
                long_sheet(&Difficulties::new(&plan, &norm, &order, max_rows).unwrap(), ws, st, (sheetxml::sheet_entry(4), 2)).unwrap()
            });
            let theirs = fourth_sheet(|ws, st| {
                let sheet = Difficulties::new(&plan, &norm, &order, max_rows).unwrap();
                sheet.frame(ws, st).unwrap();
                // As the sheet was written before `Difficulties::xml`.
                for (k, line) in sheet.lines.iter().enumerate() {
                    let r = line_row(k);
                    if let Said::CutShort(left) = line {
                        cut_short(ws, st, r, 4, *left, "dòng khó khăn, kiến nghị", "rows.csv").unwrap();
                        continue;
                    }
                    let (agency, task, d, p) = sheet.texts(line);
                    ws.write_number_with_format(r, 0, (k + 1) as f64, &st.integer).unwrap();
                    text(ws, r, 1, agency, &st.text).unwrap();
                    text(ws, r, 2, task, &st.center).unwrap();
                    text(ws, r, 3, d, &st.text).unwrap();
                    text(ws, r, 4, p, &st.text).unwrap();
                    fit(ws, r, &[(d, 50.0), (p, 50.0)]).unwrap();
                }
                None
            });
            assert!(ours.contains("Chung: thiếu người") || max_rows < SHEET_ROWS, "{ours}");
            assert!(!ours.contains("không tính"), "a skipped report's difficulties are left out");
            same_sheet(&ours, &theirs, &format!("max_rows {max_rows}"));
        }
    }

    #[test]
    fn a_sheet_longer_than_excel_allows_is_cut_short_saying_what_is_left_out() {
        let plan = crate::plan::load(std::path::Path::new("inputs/plans/bac-giang.toml")).unwrap();
        let n = 30;
        let rows = rows(&plan, n);
        let found =
            (0..n).map(|i| crate::error::Problem::at("a.xlsx", "S", format!("E{i}"), crate::error::Kind::StatusMissing, "")).collect();
        let norm = Normalised {
            rows,
            files: Vec::new(),
            problems: found,
            received: Default::default(),
            also_reported: Default::default(),
            register_only: Default::default(),
        };
        let outside = outside_rows(&norm.rows).unwrap();
        let order = plan_order(&plan, &norm.rows, &outside).unwrap();
        let st = Styles::new();
        let mut wb = Workbook::new();
        for f in st.all() {
            wb.register_format(f);
        }
        // Twenty rows a sheet: the title, the header, and what fits under them.
        let ws = wb.add_worksheet_with_constant_memory().unwrap();
        let act = Activities::new(&plan, &norm.rows, (&order, &outside), 20).unwrap();
        let sheet = long_sheet(&act, ws, &st, (sheetxml::sheet_entry(1), 2)).unwrap().unwrap();
        let ws = wb.add_worksheet_with_constant_memory().unwrap();
        let more =
            long_sheet(&Difficulties::new(&plan, &norm, &order, 20).unwrap(), ws, &st, (sheetxml::sheet_entry(2), 2)).unwrap().unwrap();
        problems(wb.add_worksheet_with_constant_memory().unwrap(), &st, &norm, 20).unwrap();
        let mut bytes = Vec::new();
        sheetxml::replace_entries(&wb.save_to_buffer().unwrap(), vec![sheet, more], &mut bytes).unwrap();
        let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        use calamine::Reader;
        // Activities: a task's title at row 5, its rows from 6 to 19 (14 of 30), the rest said
        // in the sheet's last row. Difficulties and problems: 15 of 30 from row 5.
        for (sheet, shown, said) in
            [("Hoạt động", 14, "16 hoạt động"), ("Khó khăn, kiến nghị", 15, "15 dòng"), ("Vấn đề dữ liệu", 15, "15 vấn đề")]
        {
            let range = book.worksheet_range(sheet).unwrap();
            assert_eq!(range.end().unwrap().0, 19, "{sheet}");
            let last = range.get_value((19, 0)).unwrap().to_string();
            assert!(
                last.starts_with("Trang tính đã đến số dòng tối đa Excel cho phép (1.048.576): ") && last.contains(said),
                "{sheet}: {last}"
            );
            let numbered = (0..19).filter(|&r| matches!(range.get_value((r, 0)), Some(calamine::Data::Float(_)))).count();
            assert_eq!(numbered, shown, "{sheet}");
        }
    }
}
