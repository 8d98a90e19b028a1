//! The workbook comparing years of one plan (`run --years`, or the main job on a plan with
//! several year folders): agencies on time per year, tasks reported per year, budget per
//! task per year, with a chart.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use polars::prelude::*;
use rust_xlsxwriter::{Chart, ChartType, DocProperties, ExcelDateTime, Workbook, XlsxError};

use super::style::Styles;
use crate::check::{Checked, Summary};
use crate::error::RunError;
use crate::normalise::Normalised;
use crate::plan::Plan;
use crate::schema::*;

/// One year's figures.
#[derive(Debug, Clone)]
pub struct YearRow {
    pub year: i32,
    pub summary: Summary,
    /// Per task: (assigned pairs, pairs reported, budget in millions).
    pub tasks: BTreeMap<String, (u32, u32, f64)>,
}

impl YearRow {
    /// The figures of a year, aggregated with Polars from its coverage and rows.
    pub fn of(year: i32, norm: &Normalised, checked: &Checked) -> PolarsResult<YearRow> {
        let pairs = checked
            .coverage
            .clone()
            .lazy()
            .group_by([col(TASK_CODE)])
            .agg([col(REPORTED).len().alias("pairs"), col(REPORTED).cast(DataType::UInt32).sum().alias("reported")])
            .sort([TASK_CODE], Default::default())
            .collect()?;
        let budget = norm
            .rows
            .clone()
            .lazy()
            .filter(col(TASK_CODE).is_not_null())
            .group_by([col(TASK_CODE)])
            .agg([col(BUDGET).sum()])
            .sort([TASK_CODE], Default::default())
            .collect()?;
        let mut tasks: BTreeMap<String, (u32, u32, f64)> = BTreeMap::new();
        let (t, n, r) = (
            pairs.column(TASK_CODE)?.str()?,
            pairs.column("pairs")?.cast(&DataType::UInt32)?,
            pairs.column("reported")?.cast(&DataType::UInt32)?,
        );
        let (n, r) = (n.u32()?, r.u32()?);
        for i in 0..pairs.height() {
            tasks.insert(t.get(i).unwrap_or("").to_string(), (n.get(i).unwrap_or(0), r.get(i).unwrap_or(0), 0.0));
        }
        let (t, b) = (budget.column(TASK_CODE)?.str()?, budget.column(BUDGET)?.f64()?);
        for i in 0..budget.height() {
            tasks.entry(t.get(i).unwrap_or("").to_string()).or_insert((0, 0, 0.0)).2 = b.get(i).unwrap_or(0.0);
        }
        Ok(YearRow { year, summary: checked.summary.clone(), tasks })
    }
}

/// The comparison workbook's bytes. Its creation date is the day of the check.
pub fn build(plan: &Plan, first: i32, last: i32, years: &[YearRow], as_of: NaiveDate) -> Result<Vec<u8>, RunError> {
    let wrap = |source: XlsxError| RunError::Workbook { path: format!("so-sanh-{}-{first}-{last}.xlsx", plan.id).into(), source };
    sheet(plan, first, last, years, as_of).map_err(wrap)
}

fn sheet(plan: &Plan, first: i32, last: i32, years: &[YearRow], as_of: NaiveDate) -> Result<Vec<u8>, XlsxError> {
    use chrono::Datelike;
    let st = Styles::new();
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("So sánh các năm {first}–{last} — {}", plan.title))
            .set_author("tonghop")
            .set_creation_datetime(&ExcelDateTime::from_ymd(as_of.year() as u16, as_of.month() as u8, as_of.day() as u8)?),
    );
    let ws = wb.add_worksheet();
    ws.set_name("So sánh các năm")?;
    let n = years.len() as u16;
    let last_col = n.max(1);
    ws.set_column_width(0, 48)?;
    for c in 1..=n {
        ws.set_column_width(c, 14)?;
    }
    ws.merge_range(0, 0, 0, last_col, &format!("SO SÁNH KẾT QUẢ CÁC NĂM {first}–{last}"), &st.title)?;
    ws.set_row_height(1, 32)?;
    ws.merge_range(1, 0, 1, last_col, &plan.title, &st.subtitle)?;

    // A. Reports per year.
    let mut r = 3;
    let header = |ws: &mut rust_xlsxwriter::Worksheet, r: u32, first: &str| -> Result<(), XlsxError> {
        ws.write_string_with_format(r, 0, first, &st.header)?;
        for (i, y) in years.iter().enumerate() {
            ws.write_string_with_format(r, 1 + i as u16, y.year.to_string(), &st.header)?;
        }
        Ok(())
    };
    header(ws, r, "Tình hình nộp báo cáo")?;
    type Count = fn(&Summary) -> usize;
    let counts: [(&str, Count); 9] = [
        ("Số báo cáo phải nộp", |s| s.expected),
        ("Nộp đúng hạn", |s| s.on_time),
        ("Nộp muộn", |s| s.late),
        ("Đã nộp, không rõ ngày", |s| s.undated),
        ("Chưa nộp", |s| s.not_received),
        ("Đã gửi, không đọc được", |s| s.unreadable),
        ("Sổ công văn ghi đã nhận, không có tệp", |s| s.no_file),
        ("Mới gửi báo cáo 6 tháng/quý", |s| s.part_year),
        ("Chỉ gửi báo cáo năm trước", |s| s.last_year),
    ];
    let chart_first = r + 2;
    // Files that cannot be read, reports only the register records, reports of part of the
    // year alone, and last year's alone get a line only where a year has any.
    for (i, (label, f)) in counts.into_iter().enumerate() {
        if i >= 5 && years.iter().all(|y| f(&y.summary) == 0) {
            continue;
        }
        r += 1;
        ws.write_string_with_format(r, 0, label, &st.text)?;
        for (i, y) in years.iter().enumerate() {
            ws.write_number_with_format(r, 1 + i as u16, f(&y.summary) as f64, &st.integer)?;
        }
    }
    let chart_last = r;
    r += 1;
    ws.write_string_with_format(r, 0, "Tỷ lệ nộp đúng hạn", &st.text)?;
    for (i, y) in years.iter().enumerate() {
        super::workbook::share(ws, &st, r, 1 + i as u16, y.summary.on_time, y.summary.expected)?;
    }
    r += 1;
    ws.write_string_with_format(r, 0, "Cặp (cơ quan, nhiệm vụ) đã báo cáo / được giao", &st.text)?;
    for (i, y) in years.iter().enumerate() {
        ws.write_string_with_format(r, 1 + i as u16, format!("{}/{}", y.summary.pairs_reported, y.summary.pairs), &st.center)?;
    }
    r += 1;
    ws.write_string_with_format(r, 0, "Tổng kinh phí (triệu đồng)", &st.text)?;
    for (i, y) in years.iter().enumerate() {
        ws.write_number_with_format(r, 1 + i as u16, y.summary.budget_total, &st.number)?;
    }

    // B. Tasks reported per year; C. budget per task per year.
    for (title, money) in [("Nhiệm vụ: số cặp đã báo cáo / được giao", false), ("Kinh phí theo nhiệm vụ (triệu đồng)", true)]
    {
        r += 2;
        header(ws, r, title)?;
        for t in &plan.tasks {
            if !years.iter().any(|y| y.tasks.contains_key(&t.code)) {
                continue;
            }
            r += 1;
            ws.write_string_with_format(r, 0, format!("{}. {}", t.code, t.title), &st.text)?;
            for (i, y) in years.iter().enumerate() {
                let c = 1 + i as u16;
                match (y.tasks.get(&t.code), money) {
                    (Some((_, _, b)), true) => ws.write_number_with_format(r, c, *b, &st.number)?,
                    (Some((p, rep, _)), false) if *p > 0 => {
                        ws.write_string_with_format(r, c, format!("{rep}/{p}"), if rep == p { &st.ok } else { &st.warn })?
                    }
                    _ => ws.write_blank(r, c, &st.text)?,
                };
            }
            let text = format!("{}. {}", t.code, t.title);
            ws.set_row_height(r, 16.0 * (text.chars().count() as f64 / 55.0).ceil().max(1.0))?;
        }
    }

    // The chart: reports on time, late, undated, not received, per year.
    let mut chart = Chart::new(ChartType::ColumnStacked);
    chart.title().set_name("Tình hình nộp báo cáo qua các năm");
    for row in chart_first..=chart_last {
        chart.add_series().set_name(("So sánh các năm", row, 0)).set_categories(("So sánh các năm", 3, 1, 3, n.max(1))).set_values((
            "So sánh các năm",
            row,
            1,
            row,
            n.max(1),
        ));
    }
    chart.set_width(620).set_height(320);
    ws.insert_chart(r + 2, 0, &chart)?;
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_footer("&C&\"Times New Roman\"&10Trang &P/&N");
    wb.save_to_buffer()
}

/// The national summary workbook of `tonghop rollup`: one row per plan and year.
pub fn rollup_workbook(df: &DataFrame) -> Result<Vec<u8>, RunError> {
    rollup_sheet(df).map_err(|source| RunError::Workbook { path: "tong-hop-quoc-gia.xlsx".into(), source })
}

fn rollup_sheet(df: &DataFrame) -> Result<Vec<u8>, XlsxError> {
    let st = Styles::new();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Toàn quốc")?;
    let headers = [
        ("Kế hoạch", 30.0),
        ("Năm", 8.0),
        ("Phải nộp", 10.0),
        ("Đã nhận", 10.0),
        ("Đúng hạn", 10.0),
        ("Tỷ lệ báo cáo", 12.0),
        ("Tỷ lệ đúng hạn", 12.0),
        ("Nhiệm vụ có báo cáo", 12.0),
        ("Hoạt động", 10.0),
        ("Kinh phí (triệu đồng)", 14.0),
    ];
    ws.merge_range(0, 0, 0, 9, "TỔNG HỢP TOÀN QUỐC THEO KẾ HOẠCH VÀ NĂM", &st.title)?;
    for (i, (h, w)) in headers.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
        ws.write_string_with_format(2, i as u16, *h, &st.header)?;
    }
    let s = |name: &str| df.column(name).ok().and_then(|c| c.cast(&DataType::String).ok());
    let f = |name: &str| df.column(name).ok().and_then(|c| c.cast(&DataType::Float64).ok());
    let (Some(plan), Some(year)) = (s(PLAN_ID), s(YEAR)) else { return wb.save_to_buffer() };
    let numbers: Vec<Option<Column>> =
        ["expected", "received", "on_time", "reporting_rate", "on_time_rate", "tasks_reported", ACTIVITIES, BUDGET]
            .iter()
            .map(|n| f(n))
            .collect();
    for i in 0..df.height() {
        let r = 3 + i as u32;
        ws.write_string_with_format(r, 0, plan.str().ok().and_then(|c| c.get(i)).unwrap_or(""), &st.text)?;
        ws.write_string_with_format(r, 1, year.str().ok().and_then(|c| c.get(i)).unwrap_or(""), &st.center)?;
        for (j, col) in numbers.iter().enumerate() {
            let v = col.as_ref().and_then(|c| c.f64().ok().and_then(|c| c.get(i)));
            let fmt = match j {
                3 | 4 => &st.percent,
                7 => &st.number,
                _ => &st.integer,
            };
            match v {
                Some(v) if v.is_finite() => ws.write_number_with_format(r, 2 + j as u16, v, fmt)?,
                // A rate where no report was expected.
                _ if matches!(j, 3 | 4) => ws.write_string_with_format(r, 2 + j as u16, "—", &st.center)?,
                _ => ws.write_blank(r, 2 + j as u16, &st.text)?,
            };
        }
    }
    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    wb.save_to_buffer()
}
