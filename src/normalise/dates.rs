//! When a report was sent: its date line, read in every form clerks write it (a "Ngày báo
//! cáo" label, the place-and-date line above the table or in the signing block, an
//! appendix's reference to its report, a form's column of when each answer was sent), a day
//! left blank decided by its month where it can be, a date after the run read as a slip of
//! the year; and a title naming an earlier year. Does not own: the date in a file's name or
//! the receipts register's (the parent module), nor reading a date's text (`values`).

use super::*;

/// The labels a report's date is written after ("Ngày báo cáo: 20/10/2024"), folded.
const DATE_LABELS: &[&str] = &[
    "ngay bao cao",
    "ngay gui",
    "ngay lap",
    "ngay ky",
    "ngay thang bao cao",
    "ngay thang nam bao cao",
    "thoi gian bao cao",
    "thoi diem bao cao",
    "thoi gian gui",
    "ngay nop",
    "thoi gian nop",
    "ngay hoan thanh bao cao",
    "ngay xuat bao cao",
];

/// The report date of a date line with its day left blank ("ngày    tháng 9 năm 2024"),
/// with the detail of its `date_partial` finding. A month that ends by the deadline was on
/// time whatever the day: its last day is taken. One that starts after it was late: its
/// first day, the fewest days late it can be. The deadline's own month, another year's, or
/// a year with no deadline, decides nothing: no date.
pub(super) fn month_date(y: i32, m: u32, written: &str, year: i32, deadline: Option<NaiveDate>) -> (Option<NaiveDate>, String) {
    let first = NaiveDate::from_ymd_opt(y, m, 1).expect("a month read as 1 to 12");
    let last = first.checked_add_months(chrono::Months::new(1)).and_then(|d| d.pred_opt()).expect("a year read as 1990 to 2100");
    let undecided = |why: String| (None, format!("{written}: {why}"));
    let Some(deadline) = deadline.filter(|_| (year..=year + 1).contains(&y)) else {
        return undecided(format!("tháng {m}/{y}, không thuộc năm báo cáo, chưa đánh giá đúng hạn"));
    };
    let deadline_text = deadline.format("%d/%m/%Y");
    if last <= deadline {
        let detail = format!("{written} → {}, ngày cuối tháng: đúng hạn {deadline_text} dù ngày nào", last.format("%d/%m/%Y"));
        (Some(last), detail)
    } else if first > deadline {
        let late = (first - deadline).num_days();
        let detail =
            format!("{written} → {}, ngày đầu tháng: muộn ít nhất {late} ngày so với hạn {deadline_text}", first.format("%d/%m/%Y"));
        (Some(first), detail)
    } else {
        undecided(format!("cùng tháng với hạn {deadline_text}, chưa đánh giá được đúng hạn"))
    }
}

/// A report dated months after the day of the run cannot have been sent yet: the date is
/// a slip. A slip of the year ("20/10/2025" on a report of 2024, checked in November 2024)
/// is read in the reporting year where that puts it in the three months before the
/// deadline or after, flagged `date_guessed`; else the date is not used for timeliness,
/// flagged `date_future`. (A report dated a few weeks ahead, to the deadline, is as
/// written.)
pub(super) fn after_the_run(d: &mut Draft, date: NaiveDate, as_of: NaiveDate, year: i32, deadline: Option<NaiveDate>) {
    let Some(latest) = as_of.checked_add_days(chrono::Days::new(60)) else { return };
    if date <= latest {
        return;
    }
    let file = d.record.file.clone();
    let written = date.format("%d/%m/%Y");
    let earliest = deadline.and_then(|d| d.checked_sub_days(chrono::Days::new(90)));
    // (In the year after the one reported on too, where the deadline is in it.)
    let deadline_year = deadline.map_or(year, |d| d.year().max(year));
    let guess = (year..=deadline_year).filter_map(|y| date.with_year(y)).find(|g| *g <= latest && earliest.is_some_and(|e| *g >= e));
    match guess {
        Some(guess) => {
            d.record.report_date = Some(guess);
            let detail = format!("{written} → {}, sau ngày kiểm tra {}", guess.format("%d/%m/%Y"), as_of.format("%d/%m/%Y"));
            d.problems.push(Problem::file(&file, Kind::DateGuessed, detail));
        }
        None => {
            d.record.report_date = None;
            d.problems.push(Problem::file(&file, Kind::DateFuture, format!("{written}, ngày kiểm tra {}", as_of.format("%d/%m/%Y"))));
        }
    }
}

/// The first day in a column of when each row was sent ("Dấu thời gian", "Timestamp", as
/// Google Forms heads it; "Thời gian gửi").
pub(super) fn sent_column(sheets: &[&SheetData]) -> Option<NaiveDate> {
    sheets
        .iter()
        .filter_map(|s| {
            let h = s.header.as_ref()?;
            let (col, _) = h
                .others
                .iter()
                .find(|(_, t)| matches!(fold(t).as_str(), "dau thoi gian" | "timestamp" | "thoi gian gui" | "thoi diem gui"))?;
            s.rows
                .iter()
                .filter_map(|r| r.extra.iter().find(|(c, _)| c == col))
                .filter_map(|(_, cell)| match values::date(cell) {
                    DateRead::Date(d) => Some(d),
                    _ => None,
                })
                .min()
        })
        .min()
}

/// The first line above a report's table that titles it ("báo cáo", "kết quả") with "năm"
/// and an earlier year than `year`, where the line does not name `year` as well (but as
/// the year the report looks ahead to: "Kết quả năm 2023, phương hướng năm 2024", a report
/// on 2023): its sheet, cell and that year. A date ("tháng 10 năm 2023", "ngày 10/3 năm
/// 2023"), and the plan's span ("đến năm 2030", "từ năm 2021"), are no title's year.
pub(super) fn title_other_year(sheets: &[&SheetData], year: i32) -> Option<(String, String, i32)> {
    for sheet in sheets {
        for tc in &sheet.top {
            let Cell::Text(t) = &tc.cell else { continue };
            if !t.contains(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let key = fold(t);
            // (A word before the first, so that a line opening "Năm 2023" is read too.)
            let words: Vec<&str> = std::iter::once("").chain(key.split(' ')).collect();
            if !words.windows(2).any(|w| matches!(w, ["bao", "cao"] | ["ket", "qua"])) {
                continue;
            }
            // Each year after "năm", and whether it is a title's (not a date's or a span's).
            let years: Vec<(i32, bool)> = words
                .windows(3)
                .filter(|w| w[1] == "nam" && w[2].len() == 4)
                .filter_map(|w| {
                    let date = w[0] == "thang" || (!w[0].is_empty() && w[0].bytes().all(|b| b.is_ascii_digit()));
                    w[2].parse::<i32>().ok().map(|y| (y, !date && !matches!(w[0], "den" | "tu")))
                })
                .collect();
            // (The year the report looks ahead to: after "phương hướng", "nhiệm vụ trọng
            // tâm", the words of the plan for the next year.)
            let ahead = |y: i32| {
                let at = words.windows(2).position(|w| w[0] == "nam" && w[1].parse::<i32>() == Ok(y));
                at.is_some_and(|i| {
                    let before = &words[i.saturating_sub(6)..i];
                    before.windows(2).any(|w| matches!(w, ["phuong", "huong"] | ["trong", "tam"]))
                })
            };
            if years.iter().any(|&(y, _)| y == year && !ahead(y)) {
                continue;
            }
            if let Some(&(y, _)) = years.iter().find(|&&(y, title)| title && (year - 10..year).contains(&y)) {
                return Some((sheet.name.clone(), a1(tc.row, tc.col), y));
            }
        }
    }
    None
}

/// The part of the year a report's title gives it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Span {
    /// Its first six months or first or second quarter: a report of part of the year.
    Early,
    /// A later part, or the year to it ("quý III", "quý IV", "6 tháng cuối năm", "9 tháng
    /// đầu năm", "cả năm"): in a workbook of a sheet per part, the year's report.
    Later,
    /// The reporting year, and no part of it ("BÁO CÁO KẾT QUẢ … NĂM 2024").
    Year,
}

/// The part of the year a line above a report's table titles it with ("báo cáo", "kết quả",
/// "sơ kết"), if it is a title: the part named first, where a year after it, if any, is the
/// reporting year ("6 tháng đầu năm và phương hướng 6 tháng cuối năm 2024" is the first half;
/// "… phương hướng 6 tháng đầu năm 2025", the next year's, names no part of this one); else
/// the reporting year, after "năm" as a title names it (not a date's or the plan's span).
/// Not a sentence, a labelled line or an item of a report typed as lines ("- Kết quả quý I:
/// …"). (Read with its months by `title_period`.)
#[cfg(test)]
fn title_span(t: &str, year: i32) -> Option<Span> {
    let (_, last, part) = title_period(t, year)?;
    Some(span_of(last, part))
}

/// The span of a title whose period ends with month `last`: the year where it names no
/// part; else the first half or before it, or later.
fn span_of(last: u32, part: bool) -> Span {
    match (part, last) {
        (false, _) => Span::Year,
        (true, ..=6) => Span::Early,
        (true, _) => Span::Later,
    }
}

/// The months a title line covers, first and last, and whether it names a part of the year
/// (not the year alone), read as `title_span` says.
pub(super) fn title_period(t: &str, year: i32) -> Option<(u32, u32, bool)> {
    const EARLY: &[&str] = &["6 thang dau nam", "sau thang dau nam", "quy i", "quy ii", "quy 1", "quy 2"];
    const LATER: &[&str] =
        &["quy iii", "quy iv", "quy 3", "quy 4", "6 thang cuoi nam", "sau thang cuoi nam", "9 thang", "chin thang", "ca nam"];
    if t.len() > 400 || t.contains([':', '：']) || t.trim_start().starts_with(super::BULLETS) {
        return None;
    }
    // (Told first without folding: a title has a figure or a word with "á" or "ă" in it,
    // "báo cáo", "kết quả", "năm".)
    if !t.contains(|c: char| c.is_ascii_digit() || matches!(c, 'á' | 'Á' | 'ă' | 'Ă' | 'ả' | 'Ả')) {
        return None;
    }
    let key = fold(t);
    let titled = ["bao cao", "ket qua", "so ket"].iter().any(|w| crate::text::contains_words(&key, w)) && key.split(' ').nth(30).is_none();
    if !titled {
        return None;
    }
    // Where a phrase stands in the line as words of its own ("quý I", not in "quý II").
    let at = |p: &str| {
        key.match_indices(p).map(|(i, _)| i).find(|&i| {
            let end = i + p.len();
            (i == 0 || key.as_bytes()[i - 1] == b' ') && (end == key.len() || key.as_bytes()[end] == b' ')
        })
    };
    let first = |parts: &[&str]| parts.iter().filter_map(|p| at(p)).min();
    let at = match (first(EARLY), first(LATER)) {
        (Some(e), Some(l)) => Some(e.min(l)),
        (e, l) => e.or(l),
    };
    // The months of the part named at `at`: a quarter, and the quarters listed after it
    // ("quý I, II và III": the year to the last of them, as nine months are).
    let months = |at: usize| -> (u32, u32) {
        let mut words = key[at..].split(' ');
        let quarter = |w: &str| match w {
            "i" | "1" => Some(1),
            "ii" | "2" => Some(2),
            "iii" | "3" => Some(3),
            "iv" | "4" => Some(4),
            _ => None,
        };
        match (words.next(), words.next()) {
            (Some("quy"), Some(q)) => {
                let first = quarter(q).unwrap_or(1);
                let last = words.take_while(|w| quarter(w).is_some() || *w == "va").filter_map(quarter).fold(first, u32::max);
                (first * 3 - 2, last * 3)
            }
            (Some("6" | "sau"), _) if key[at..].starts_with("6 thang cuoi") || key[at..].starts_with("sau thang cuoi") => (7, 12),
            (Some("6" | "sau"), _) => (1, 6),
            (Some("9" | "chin"), _) => (1, 9),
            _ => (1, 12),
        }
    };
    let this_year = year.to_string();
    // Where the title names no quarter or half: a month ("Báo cáo tháng 5 năm 2024", "… tháng
    // 10/2024", a monthly report), or the months from the year's start ("3 tháng đầu năm",
    // "10 tháng năm 2024") or to its end ("3 tháng cuối năm"). Not a date's month ("ngày 20
    // tháng 10"), a span of dates ("từ tháng 10/2023 đến tháng 9/2024") nor the month of a
    // document named ("Kế hoạch … ban hành tháng 8/2024"). (Each was the year's report.)
    let (at, months_named) = match at {
        Some(at) => (Some(at), None),
        None => match months_in_words(&key) {
            Some((at, months)) => (Some(at), Some(months)),
            None => (None, None),
        },
    };
    if let Some(at) = at {
        // ("… quý II/2024": the year right after the part; another year's part is not this
        // year's.)
        let after = key[at..].split(' ').find(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()));
        if after.is_none_or(|y| y == this_year) {
            let (first, last) = months_named.unwrap_or_else(|| months(at));
            return Some((first, last, true));
        }
    }
    let words: Vec<&str> = std::iter::once("").chain(key.split(' ')).collect();
    let named = words.windows(3).any(|w| {
        let date = w[0] == "thang" || (!w[0].is_empty() && w[0].bytes().all(|b| b.is_ascii_digit()));
        w[1] == "nam" && w[2] == this_year && !date && !matches!(w[0], "den" | "tu")
    });
    named.then_some((1, 12, false))
}

/// A title's month or months from the year's start or to its end, where it names them
/// (see `title_period`): where they start in the folded line, and the first and last month.
fn months_in_words(key: &str) -> Option<(usize, (u32, u32))> {
    let mut words = Vec::new();
    let mut at = 0;
    for w in key.split(' ') {
        words.push((at, w));
        at += w.len() + 1;
    }
    let figure =
        |w: &str| -> Option<u32> { ((1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse().ok())? };
    for (i, &(at, w)) in words.iter().enumerate() {
        if w != "thang" {
            continue;
        }
        let word = |j: Option<usize>| j.and_then(|j| words.get(j)).map_or("", |w| w.1);
        let (before, after) = (word(i.checked_sub(1)), word(Some(i + 1)));
        let before_that = word(i.checked_sub(2));
        // "10 tháng", "3 tháng đầu năm", "3 tháng cuối năm": not "ngày 5 tháng 10".
        if let Some(n) = figure(before).filter(|n| (1..=11).contains(n)) {
            if figure(after).is_none() && !matches!(before_that, "ngay" | "den" | "tu") {
                let months = if after == "cuoi" { (13 - n, 12) } else { (1, n) };
                return Some((words[i - 1].0, months));
            }
            continue;
        }
        // "tháng 5": not "ngày 20 tháng 10", "từ/đến tháng 9", "đầu tháng 10", "ban hành tháng 8".
        let not_a_month =
            figure(before).is_some() || matches!(before, "ngay" | "den" | "tu" | "dau" | "cuoi" | "giua" | "truoc" | "sau" | "hanh" | "ky");
        if let Some(m) = figure(after).filter(|m| (1..=12).contains(m) && !not_a_month) {
            return Some((at, (m, m)));
        }
    }
    None
}

/// The months a report's sheets cover, first and last: those their titles give (the year,
/// where one names the year alone), across its sheets.
pub(super) fn report_period(titles: &[Titled]) -> Option<(u32, u32)> {
    titles.iter().filter_map(|(_, t)| t.as_ref()).map(|t| t.months).reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
}

/// A report's sheet with its title as it places the sheet in the year.
pub(super) type Titled<'a> = (&'a SheetData, Option<SheetTitle>);

/// Each of a report's sheets with its title, read once for `report_period`,
/// `title_part_year` and `latest_part_date` (each read every sheet's titles again).
pub(super) fn sheet_titles<'a>(sheets: &[&'a SheetData], year: i32) -> Vec<Titled<'a>> {
    sheets.iter().map(|&s| (s, sheet_span(s, year))).collect()
}

/// A sheet's title as it places the sheet in the year.
pub(super) struct SheetTitle {
    pub span: Span,
    /// First and last month.
    pub months: (u32, u32),
    pub cell: String,
    pub line: String,
}

/// Each sheet's span: that of its first title naming a part of the year, else the year's
/// where a title names it; with its months, the line and its cell.
pub(super) fn sheet_span(sheet: &SheetData, year: i32) -> Option<SheetTitle> {
    let mut whole = None;
    for tc in &sheet.top {
        let Cell::Text(t) = &tc.cell else { continue };
        let Some((first, last, part)) = title_period(t, year) else { continue };
        if part || whole.is_none() {
            let title = SheetTitle { span: span_of(last, part), months: (first, last), cell: a1(tc.row, tc.col), line: tidy(t) };
            if part {
                return Some(title);
            }
            whole = Some(title);
        }
    }
    whole
}

/// The first line above a report's table that titles it as a report of part of the year:
/// its first six months or first or second quarter ("BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2024",
/// "Báo cáo kết quả quý II/2024"): its sheet, cell and the line. (Not nine months: the
/// year's report, due in the autumn, often covers the year to 30 September.) Not where
/// another of the report's sheets is titled with the year, or a later part of it (a
/// workbook of a sheet per quarter, "Quý I" to "Quý III"; the year's report beside the
/// mid-year one, or with an appendix of the first quarter): the year's report. (Each was
/// taken for the mid-year report alone, and its sender for one that had not sent the
/// year's, before 0.20.0.)
pub(super) fn title_part_year(titles: &[Titled]) -> Option<(String, String, String)> {
    let mut early = None;
    for (sheet, title) in titles {
        match title {
            Some(SheetTitle { span: Span::Later | Span::Year, .. }) => return None,
            Some(SheetTitle { span: Span::Early, cell, line, .. }) if early.is_none() => {
                early = Some((sheet.name.clone(), cell.clone(), line.clone()))
            }
            _ => {}
        }
    }
    early
}

/// The report's date where its sheets are its parts of the year, each with its own date
/// (a workbook kept through the year, a sheet added each quarter, "Quý I" … "Quý III",
/// or the year's report beside the mid-year one): the latest of their dates, as the
/// workbook was sent when its last part was written. (The first sheet's was taken, the
/// first quarter's day, before 0.20.0.) None where fewer than two sheets are titled, or
/// fewer than two have a date.
pub(super) fn latest_part_date(titles: &[Titled]) -> Option<(DateRead, String, (String, String))> {
    let titled: Vec<(&SheetData, Span)> = titles.iter().filter_map(|(s, t)| t.as_ref().map(|t| (*s, t.span))).collect();
    if titled.len() < 2 || titled.iter().all(|(_, span)| *span == Span::Year) {
        return None;
    }
    let dated: Vec<_> =
        titled.iter().filter_map(|(s, _)| find_date(&[*s])).filter(|(read, _, _)| matches!(read, DateRead::Date(_))).collect();
    if dated.len() < 2 {
        return None;
    }
    dated.into_iter().max_by_key(|(read, _, _)| match read {
        DateRead::Date(d) => Some(*d),
        _ => None,
    })
}

/// Finds the report date in the sheets given, in their order: a "Ngày báo cáo" line, else
/// the place-and-date line ("Bắc Giang, ngày 20 tháng 10 năm 2024"), else an appendix's
/// line naming its report. Returns what was read, as written, and where.
pub(super) fn find_date(sheets: &[&SheetData]) -> Option<(DateRead, String, (String, String))> {
    for &sheet in sheets {
        for (i, tc) in sheet.top.iter().enumerate() {
            let Cell::Text(t) = &tc.cell else { continue };
            // "Ngày" alone as a label, its date in the next cell ("Ngày:" | 20/10/2024): only
            // a date there.
            let day_label = || {
                t.len() <= 12 && fold(t) == "ngay" && next_in_row(sheet, i).is_some_and(|c| matches!(values::date(c), DateRead::Date(_)))
            };
            if let Some(v) = label_value(t, DATE_LABELS).or_else(|| day_label().then_some("")) {
                let cell = if v.trim().is_empty() { next_in_row(sheet, i).cloned() } else { Some(Cell::Text(v.to_string())) };
                if let Some(cell) = cell {
                    let (written, at) = (cell.text(), (sheet.name.clone(), a1(tc.row, tc.col)));
                    // The day left blank ("Ngày báo cáo: …/10/2024"): the month.
                    return match (values::date(&cell), values::month_of(&written)) {
                        (DateRead::Bad, Some((y, m))) => Some((DateRead::Month(y, m), written, at)),
                        (read, _) => Some((read, written, at)),
                    };
                }
            }
        }
    }
    // The place-and-date line: above the table, else in the signing block under it.
    let above = sheets.iter().flat_map(|&s| s.top.iter().enumerate().map(move |(i, c)| (s, c, Some(i))));
    let below = sheets.iter().flat_map(|&s| s.signing_dates.iter().map(move |c| (s, c, None)));
    // The first line with the day left blank, to be written by hand at the signing
    // ("ngày    tháng 10 năm 2024"): its month, where no line has a whole date.
    let mut month_line = None;
    for (sheet, tc, at) in above.chain(below) {
        let Cell::Text(t) = &tc.cell else { continue };
        // Its date in the next cells ("Bắc Giang, ngày" | 20/10/2024, "Ngày" | 20 | "tháng" |
        // 10 | "năm" | 2024): one line. (Under the table, the signing block's reading joins
        // them.)
        let joined = at.filter(|_| crate::ingest::form::place_date_opening(t)).and_then(|i| {
            let row = sheet.top[i].row;
            let rest: Vec<String> = sheet.top[i + 1..]
                .iter()
                .take_while(|c| c.row == row)
                .filter(|c| !c.cell.is_empty())
                .take(6)
                .map(|c| c.cell.text())
                .collect();
            crate::ingest::form::joined_date_line(t, &rest)
        });
        let unglued = crate::ingest::form::unglued_date(joined.as_deref().unwrap_or(t));
        let t = unglued.as_deref().or(joined.as_deref()).unwrap_or(t);
        let blank = t.contains('…') || t.contains("..");
        if blank && month_line.is_some() {
            continue;
        }
        let key = fold(t);
        // A line, not a sentence of a narrative above the table ("Ngày 15 tháng 3 năm 2024,
        // Sở đã tổ chức …", longer than 14 words), unless it has the form of a signing line.
        let signing_form = crate::ingest::form::signing_line(t) == Some(crate::ingest::form::Signing::DateLine);
        let line = key.split(' ').nth(14).is_none() || signing_form;
        // The date in figures after "ngày" ("Lục Ngạn, ngày 15/10/2024", "(Ngày 15/10/2024)")
        // only in the signing line's form: in a longer line the figures may be another
        // document's number.
        let words = |w: &str| crate::text::contains_words(&key, w);
        let in_words = line && words("ngay") && words("thang") && words("nam");
        // The day and month in figures, the year in words ("ngày 20/10 năm 2024").
        let year_in_words = || {
            let mut w = key.split(' ');
            w.position(|w| w == "nam").is_some()
                && w.next().is_some_and(|y| matches!(y.len(), 2 | 4) && y.bytes().all(|b| b.is_ascii_digit()))
        };
        let day_month = line
            && t.contains('/')
            && year_in_words()
            && after_the_day_word(t, |rest| {
                let rest = rest.as_bytes();
                let day = rest.iter().take_while(|b| b.is_ascii_digit()).count();
                (1..=2).contains(&day) && rest.get(day) == Some(&b'/') && rest.get(day + 1).is_some_and(|b| b.is_ascii_digit())
            });
        // The place and the month, no day at all ("Bắc Giang, tháng 10 năm 2024"); not a
        // title's month ("Số liệu đến tháng 9 năm 2024"), which is not when it was sent.
        let month_only = line
            && !words("ngay")
            && t.split_once(',').is_some_and(|(place, rest)| place.split_whitespace().count() <= 5 && fold(rest).starts_with("thang "));
        // The day left blank before the month in figures ("ngày   /10/2024").
        let day_blank = line && t.contains('/') && after_the_day_word(t, |rest| rest.starts_with('/'));
        // A day or month left blank: no date yet, but perhaps its month.
        if blank || words("ngay thang") || words("thang nam") || month_only || day_blank {
            if month_line.is_none() && (signing_form || in_words || month_only || day_blank || (blank && line && words("ngay"))) {
                month_line = values::month_of(t).map(|(y, m)| (DateRead::Month(y, m), tidy(t), (sheet.name.clone(), a1(tc.row, tc.col))));
            }
            continue;
        }
        if signing_form || in_words || day_month {
            let read = values::date_text(t);
            if read != DateRead::Blank {
                return Some((read, tidy(t), (sheet.name.clone(), a1(tc.row, tc.col))));
            }
        }
    }
    // An appendix's line naming its report: "(Kèm theo Báo cáo số … ngày 18/10/2024 …)".
    for &sheet in sheets {
        for tc in &sheet.top {
            let Cell::Text(t) = &tc.cell else { continue };
            if let Some(read) = ReportReference::find(t).and_then(|r| r.date) {
                return Some((read, tidy(t), (sheet.name.clone(), a1(tc.row, tc.col))));
            }
        }
    }
    // A date alone in its row above the table, typed into a cell of its own: the one such
    // cell of the report's sheets. Excel keeps it as a date; in a cell formatted as text it
    // stays the text ("20/10/2024", "20 tháng 10 năm 2024"). Both were no date at all (the
    // text before 0.17.0).
    if month_line.is_none() {
        let alone =
            |s: &SheetData, tc: &crate::ingest::TopCell| s.top.iter().filter(|c| c.row == tc.row && !c.cell.is_empty()).count() == 1;
        let dated = |tc: &crate::ingest::TopCell| match &tc.cell {
            Cell::Date(_) => true,
            Cell::Text(t) => crate::ingest::form::only_a_date(t),
            _ => false,
        };
        let mut dates = sheets.iter().flat_map(|&s| s.top.iter().filter(move |tc| dated(tc) && alone(s, tc)).map(move |tc| (s, tc)));
        if let (Some((sheet, tc)), None) = (dates.next(), dates.next()) {
            return Some((values::date(&tc.cell), tc.cell.text(), (sheet.name.clone(), a1(tc.row, tc.col))));
        }
    }
    month_line
}

/// Whether what follows the word "ngày" somewhere in a line (spaces trimmed) passes `test`.
fn after_the_day_word(t: &str, test: impl Fn(&str) -> bool) -> bool {
    let low = t.to_lowercase();
    low.match_indices("ngày").any(|(i, w)| test(low[i + w.len()..].trim_start()))
}

/// The line of an appendix naming the report it belongs to: "(Kèm theo Báo cáo số
/// 245/BC-SVHTTDL ngày 18/10/2024 của Sở Văn hóa, Thể thao và Du lịch)", or a line
/// starting "Báo cáo số …"; or the report's own number line, "Số: 123/BC-SNgV ngày
/// 20/10/2024" (a report's number: "BC"). A reference to another document ("kèm theo Công
/// văn số … của Sở Ngoại vụ", the form the department sent out) is not one.
pub(super) struct ReportReference {
    /// The report's date; `None` when the line leaves it blank (to be written by hand).
    date: Option<DateRead>,
    /// The words after "của": the issuing agency.
    issuer: String,
    /// The issuer's part of the document's number ("SVHTTDL" in "245/BC-SVHTTDL").
    number_code: String,
    /// The report's own number line ("Số: …"): its date, not its sender. The sender's part
    /// of a number is the agency's own abbreviation, which a plan's code may not be ("SNV"
    /// is Sở Nội vụ's, and the Bắc Giang plan's code for Sở Ngoại vụ); its name above the
    /// number says who sent it.
    own_number: bool,
}

impl ReportReference {
    pub(super) fn find(t: &str) -> Option<ReportReference> {
        // Folded only as far as such a line goes.
        let key = crate::text::fold_within(t, 240)?;
        let own = |rest: &str| rest.split(' ').take(2).any(|w| w == "bc");
        let (rest, own_number) = match key.find("kem theo bao cao so ") {
            Some(i) => (&key[i + "kem theo bao cao so ".len()..], false),
            None => match (key.strip_prefix("bao cao so "), key.strip_prefix("so ").filter(|r| own(r))) {
                (Some(rest), _) => (rest, false),
                (None, Some(rest)) => (rest, true),
                (None, None) => return None,
            },
        };
        let words: Vec<&str> = rest.split(' ').collect();
        let ngay = words.iter().position(|w| *w == "ngay");
        let cua = words.iter().position(|w| *w == "cua");
        // The number: "245 bc svhttdl", up to "ngày" or "của".
        let number = &words[..ngay.or(cua).unwrap_or(words.len())];
        let number_code = number.iter().position(|w| *w == "bc").and_then(|i| number.get(i + 1)).map_or(String::new(), |w| w.to_string());
        let date = ngay.and_then(|i| {
            let digits: Vec<&str> = words[i + 1..].iter().take_while(|w| w.bytes().all(|b| b.is_ascii_digit())).copied().collect();
            match digits.as_slice() {
                [d, m, y, ..] => Some(values::date_text(&format!("{d}/{m}/{y}"))),
                // "ngày 18 tháng 10 năm 2024" in the line
                [_] => match values::date_text(&words[i..].join(" ")) {
                    DateRead::Date(d) => Some(DateRead::Date(d)),
                    _ => None,
                },
                _ => None,
            }
        });
        let issuer = cua.map_or(String::new(), |i| words[i + 1..].join(" "));
        Some(ReportReference { date, issuer, number_code, own_number })
    }

    /// The agency that issued the report, by the name after "của", else by its number (not
    /// from the report's own number line).
    pub(super) fn agency(&self, index: &AgencyIndex) -> Option<Match> {
        if self.own_number {
            return None;
        }
        [&self.issuer, &self.number_code].into_iter().filter(|w| !w.is_empty()).map(|w| index.name(w)).find(|m| matches!(m, Match::One(_)))
    }

    /// The issuer as the line writes it: after "của", else the number's part after "BC-"
    /// ("SCT" in "/BC-SCT"), else the whole line.
    pub(super) fn issuer_as_written(t: &str) -> String {
        let t = tidy(t);
        let lower = t.to_lowercase();
        // Lower-casing keeps a Vietnamese text's byte offsets (NFC, no special cases).
        let at = |needle: &str| lower.rfind(needle).map(|i| i + needle.len()).filter(|&i| lower.len() == t.len() && t.is_char_boundary(i));
        let end = [')', ']', ' ', '.', ';', ','];
        if let Some(i) = at(" của ") {
            return t[i..].trim_end_matches(end).trim().to_string();
        }
        if let Some(i) = at("/bc-") {
            return t[i..].split(end).next().unwrap_or_default().to_string();
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_of_half_the_year_is_told_apart() {
        let part = |line: &str| {
            let wb = crate::ingest::read_bytes("bao-cao.xlsx", &crate::ingest::tests::xlsx_with(&[(1, 0, line)], 4)).unwrap();
            title_part_year(&sheet_titles(&[&wb.sheets[0]], 2024)).map(|(_, cell, _)| cell)
        };
        for t in
            ["BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2024", "Báo cáo kết quả quý II/2024", "Kết quả thực hiện Quý I", "Sơ kết sáu tháng đầu năm"]
        {
            assert_eq!(part(t).as_deref(), Some("A2"), "{t:?}");
        }
        // Nine months, the third quarter, the next year's half, a plan's mid-term review, a
        // labelled line of what was done, a line that is no title.
        for t in [
            "BÁO CÁO KẾT QUẢ 9 THÁNG ĐẦU NĂM 2024",
            "Báo cáo kết quả quý III/2024",
            "Báo cáo kết quả năm 2024 và phương hướng 6 tháng đầu năm 2025",
            "Báo cáo sơ kết 3 năm thực hiện Kế hoạch",
            "- Kết quả quý I: tổ chức 2 hội nghị",
            "Số liệu tính đến hết quý II",
        ] {
            assert_eq!(part(t), None, "{t:?}");
        }
    }

    #[test]
    fn a_title_gives_the_part_of_the_year_it_names_first_or_the_year() {
        use Span::*;
        for (t, want) in [
            ("BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2024", Some(Early)),
            ("Báo cáo kết quả quý I/2024", Some(Early)),
            ("BÁO CÁO KẾT QUẢ QUÝ III NĂM 2024", Some(Later)),
            ("Kết quả thực hiện quý IV", Some(Later)),
            ("BÁO CÁO KẾT QUẢ 9 THÁNG ĐẦU NĂM 2024", Some(Later)),
            ("Báo cáo kết quả thực hiện cả năm 2024", Some(Later)),
            ("BÁO CÁO KẾT QUẢ QUÝ I, II VÀ III NĂM 2024", Some(Later)),
            ("Báo cáo kết quả quý I, II năm 2024", Some(Early)),
            // The part named first; the second half is what the mid-year report looks ahead to.
            ("BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM VÀ PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM 2024", Some(Early)),
            ("BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NGOẠI GIAO VĂN HÓA NĂM 2024", Some(Year)),
            ("Báo cáo kết quả năm 2024 và phương hướng 6 tháng đầu năm 2025", Some(Year)),
            // No title, another year's, a date's year, the plan's span, a labelled line.
            ("KẾ HOẠCH NGOẠI GIAO VĂN HÓA NĂM 2024", None),
            ("BÁO CÁO KẾT QUẢ NĂM 2023", None),
            ("Báo cáo số 12/BC-SNV ngày 20 tháng 10 năm 2024", None),
            ("Báo cáo kết quả thực hiện Kế hoạch đến năm 2024", None),
            ("- Kết quả quý III: 2 hội nghị", None),
            // A month, or months from the year's start; not a date's month, a span of dates
            // or a document's month, which leave the year's title as it is.
            ("BÁO CÁO KẾT QUẢ CÔNG TÁC NGOẠI GIAO VĂN HÓA THÁNG 5 NĂM 2024", Some(Early)),
            ("Báo cáo kết quả tháng 10/2024", Some(Later)),
            ("BÁO CÁO KẾT QUẢ 3 THÁNG ĐẦU NĂM 2024", Some(Early)),
            ("BÁO CÁO KẾT QUẢ THỰC HIỆN 10 THÁNG NĂM 2024", Some(Later)),
            ("BÁO CÁO KẾT QUẢ NĂM 2024 (TỪ THÁNG 10/2023 ĐẾN THÁNG 9/2024)", Some(Year)),
            ("BÁO CÁO KẾT QUẢ NĂM 2024, SỐ LIỆU ĐẾN NGÀY 15 THÁNG 10", Some(Year)),
            ("Báo cáo kết quả năm 2024 thực hiện Kế hoạch ban hành tháng 8/2024", Some(Year)),
            ("Báo cáo kết quả năm 2024 thực hiện Kế hoạch số 45/KH-UBND tháng 8 năm 2022", Some(Year)),
            ("Báo cáo kết quả tháng 5 năm 2023", None),
        ] {
            assert_eq!(title_span(t, 2024), want, "{t:?}");
        }
        // The months each covers.
        for (t, months) in [
            ("Báo cáo kết quả quý II/2024", (4, 6)),
            ("BÁO CÁO KẾT QUẢ QUÝ IV NĂM 2024", (10, 12)),
            ("BÁO CÁO KẾT QUẢ QUÝ I, II VÀ III NĂM 2024", (1, 9)),
            ("BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2024", (1, 6)),
            ("Báo cáo kết quả 6 tháng cuối năm 2024", (7, 12)),
            ("BÁO CÁO KẾT QUẢ 9 THÁNG ĐẦU NĂM 2024", (1, 9)),
            ("BÁO CÁO KẾT QUẢ NĂM 2024", (1, 12)),
            ("Báo cáo tháng 5 năm 2024", (5, 5)),
            ("BÁO CÁO KẾT QUẢ 10 THÁNG NĂM 2024", (1, 10)),
            ("Báo cáo kết quả 3 tháng cuối năm 2024", (10, 12)),
        ] {
            assert_eq!(title_period(t, 2024).map(|(a, b, _)| (a, b)), Some(months), "{t:?}");
        }
    }

    #[test]
    fn a_date_line_typed_with_its_words_and_figures_run_together_is_read() {
        let date = |line: &str| {
            let wb = crate::ingest::read_bytes("bao-cao.xlsx", &crate::ingest::tests::xlsx_with(&[(1, 0, line)], 4)).unwrap();
            find_date(&[&wb.sheets[0]]).map(|(read, _, (_, cell))| (read, cell))
        };
        let oct20 = Some((DateRead::Date(NaiveDate::from_ymd_opt(2024, 10, 20).unwrap()), "A2".to_string()));
        for t in ["Bắc Giang, ngày20 tháng10 năm2024", "Bắc Giang, ngày 20tháng 10năm 2024", "NGÀY20 THÁNG10 NĂM2024"] {
            assert_eq!(date(t), oct20, "{t:?}");
        }
        assert_eq!(crate::ingest::form::unglued_date("Bắc Giang, ngày 20 tháng 10 năm 2024"), None);
        assert_eq!(crate::ingest::form::unglued_date("Số 123/BC-SNgV"), None);
    }

    #[test]
    fn date_labels() {
        for (t, want) in [
            ("Ngày báo cáo: 20/10/2024", Some("20/10/2024")),
            ("Ngày tháng năm báo cáo: 20/10/2024", Some("20/10/2024")),
            ("Thời gian báo cáo: 21/10/2024", Some("21/10/2024")),
            ("Ngày gửi báo cáo: 22/10/2024", Some("22/10/2024")),
            ("Ngày nộp: 23/10/2024", Some("23/10/2024")),
            ("Ngày nộp báo cáo: 23/10/2024", Some("23/10/2024")),
            ("Ngày xuất báo cáo: 24/10/2024", Some("24/10/2024")),
            ("Ngày hoàn thành báo cáo: 24/10/2024", Some("24/10/2024")),
            ("Thời gian thực hiện: năm 2024", None),
            ("Ngày hoàn thành: 30/9/2024", None),
        ] {
            assert_eq!(label_value(t, DATE_LABELS), want, "{t:?}");
        }
    }

    #[test]
    fn an_appendix_names_its_report_s_date_and_sender() {
        let r = ReportReference::find("(Kèm theo Báo cáo số 245/BC-SVHTTDL ngày 18/10/2024 của Sở Văn hóa, Thể thao và Du lịch)").unwrap();
        assert_eq!(r.date, Some(DateRead::Date(NaiveDate::from_ymd_opt(2024, 10, 18).unwrap())));
        assert_eq!((r.issuer.as_str(), r.number_code.as_str()), ("so van hoa the thao va du lich", "svhttdl"));
        let r = ReportReference::find("Phụ lục kèm theo Báo cáo số      /BC-SCT ngày      /10/2024").unwrap();
        assert_eq!((r.date, r.issuer.as_str(), r.number_code.as_str()), (None, "", "sct"));
        let r = ReportReference::find("Báo cáo số 12/BC-UBND ngày 20 tháng 10 năm 2024").unwrap();
        assert_eq!(r.date, Some(DateRead::Date(NaiveDate::from_ymd_opt(2024, 10, 20).unwrap())));
        assert_eq!(ReportReference::find("(Kèm theo Báo cáo số 9/BC-SCT ngày 31/02/2024)").unwrap().date, Some(DateRead::Bad));
        // The department's own letter, which the form came with, is not the report.
        assert!(ReportReference::find("Biểu mẫu kèm theo Công văn số 1234/SNgV-HTQT ngày 01/9/2024 của Sở Ngoại vụ").is_none());
        assert!(ReportReference::find("Thực hiện Kế hoạch số 150/KH-UBND ngày 10/8/2022 của UBND tỉnh").is_none());
        // The report's own number line: its date, not its sender.
        let r = ReportReference::find("Số: 123/BC-SNgV ngày 20/10/2024").unwrap();
        assert_eq!((r.date, r.own_number), (Some(DateRead::Date(NaiveDate::from_ymd_opt(2024, 10, 20).unwrap())), true));
        assert_eq!(ReportReference::find("Số:      /BC-SNgV ngày …/10/2024").unwrap().date, None);
        assert!(ReportReference::find("Số: 45/KH-UBND ngày 10/8/2024").is_none());
        assert!(ReportReference::find("Số lượng: 12 bc").is_none());
        let cases = [
            ("(Kèm theo Báo cáo số 245/BC-SVHTTDL ngày 18/10/2024 của Sở Văn hóa, Thể thao và Du lịch)", "Sở Văn hóa, Thể thao và Du lịch"),
            ("Phụ lục kèm theo Báo cáo số      /BC-SCT ngày      /10/2024", "SCT"),
            ("Báo cáo số 12", "Báo cáo số 12"),
        ];
        for (t, want) in cases {
            assert_eq!(ReportReference::issuer_as_written(t), want, "{t:?}");
        }
    }
}
