//! Normalise: raw rows of every submission → one rows table with fixed columns and types.
//!
//! Owns: deciding which agency sent a file and on what day, which task each row reports
//! on and with what role, status, budget; which rows are not activities (totals rows,
//! duplicates, rows of a superseded or unattributable file); and every finding about them.
//! Does not own: opening files (`ingest`) or judging completeness (`check`).

mod dates;
mod lines;
pub mod matching;
mod narrative;
mod piece;
pub mod receipts;
mod sender;
pub mod values;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use polars::prelude::*;

use crate::error::{Kind, Problem};
use crate::ingest::header::is_row_number;
use crate::ingest::{label_value, Cell, Field, Ingested, SheetData, TopCell, WorkbookData};
use crate::plan::Plan;
use crate::text::{a1, fold, tidy, tidy_owned};
use dates::{after_the_run, find_date, latest_part_date, month_date, sent_column, title_other_year, title_part_year, ReportReference};
use lines::{card_label, labelled, lines_table, plain_lines, wide_table};
use matching::{AgencyIndex, Match};
use sender::{by_agency, find_agency, path_agency, sheet_sender};
use values::{Budget, DateRead, Status, Unit};

/// What became of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Accepted,
    Skipped,
    Superseded,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Accepted => "accepted",
            Outcome::Skipped => "skipped",
            Outcome::Superseded => "superseded",
        }
    }
    pub fn vi(self) -> &'static str {
        match self {
            Outcome::Accepted => "Đã tổng hợp",
            Outcome::Skipped => "Bỏ qua",
            Outcome::Superseded => "Thay bằng bản mới",
        }
    }
}

/// One line of `files.csv`: a file in the year folder and what became of it.
#[derive(Debug, Clone)]
pub struct FileRecord {
    /// Path relative to the year folder.
    pub file: String,
    pub bytes: u64,
    pub sha256: String,
    pub outcome: Outcome,
    /// Why it was skipped or superseded, in Vietnamese; empty when accepted.
    pub reason: String,
    /// Machine-readable reason code; empty when accepted.
    pub reason_code: String,
    pub agency_code: Option<String>,
    pub agency_as_written: String,
    pub report_date: Option<NaiveDate>,
    /// Activity rows found under the header (blank and heading rows are not counted).
    pub rows_read: usize,
    /// Rows that went into the rows table.
    pub rows_accepted: usize,
    /// The difficulties and the proposals the report writes outside its table's columns
    /// (under a heading of their own), one per line.
    pub difficulties: String,
    pub proposals: String,
}

/// The normalised year: the rows table, every file, every finding.
#[derive(Debug)]
pub struct Normalised {
    /// Accepted activity rows, columns as `schema::rows()`, sorted by file, sheet, row.
    pub rows: DataFrame,
    /// Every file, in path order.
    pub files: Vec<FileRecord>,
    /// Every finding, sorted by file, sheet, cell (in reading order: row, then column).
    pub problems: Vec<Problem>,
    /// The day each agency's report was received: its earliest entry in the receipts
    /// register, else the earliest date on its workbooks (a revision does not make an
    /// agency that reported on time late).
    pub received: BTreeMap<String, NaiveDate>,
    /// (agency, task) pairs reported on by a row counted under another task, its task cell
    /// naming several ("NV1, NV6"): reported, as much as the rows' own.
    pub also_reported: std::collections::BTreeSet<(String, String)>,
    /// Agencies the receipts register records a report from although no file of theirs is
    /// in the folder (kept on paper, or the attachment never saved there), with the
    /// register's file name: received by the register's day, but nothing to consolidate.
    pub register_only: BTreeMap<String, String>,
}

impl Normalised {
    /// The agencies whose received date is the first or last day of a month, taken for a
    /// report dated by its month alone, the day left blank (`date_partial`).
    pub fn dated_by_month(&self) -> std::collections::BTreeSet<&str> {
        let partial: std::collections::BTreeSet<&str> =
            self.problems.iter().filter(|p| p.kind == Kind::DatePartial).map(|p| p.file.as_str()).collect();
        self.files
            .iter()
            .filter(|f| f.outcome == Outcome::Accepted && partial.contains(f.file.as_str()))
            .filter_map(|f| {
                let code = f.agency_code.as_deref()?;
                (f.report_date.is_some() && self.received.get(code) == f.report_date.as_ref()).then_some(code)
            })
            .collect()
    }

    /// The agencies whose every report used is of part of the year, its first half or a
    /// quarter (`title_part_year`): the year's report is still to come.
    pub fn part_year_only(&self) -> std::collections::BTreeSet<&str> {
        let part: std::collections::BTreeSet<&str> =
            self.problems.iter().filter(|p| p.kind == Kind::TitlePartYear).map(|p| p.file.as_str()).collect();
        let mut whole: BTreeMap<&str, bool> = BTreeMap::new();
        for f in self.files.iter().filter(|f| f.outcome == Outcome::Accepted) {
            if let Some(code) = f.agency_code.as_deref() {
                *whole.entry(code).or_insert(false) |= !part.contains(f.file.as_str());
            }
        }
        whole.into_iter().filter(|(_, whole)| !whole).map(|(code, _)| code).collect()
    }

    pub fn rows_read(&self) -> usize {
        self.files.iter().map(|f| f.rows_read).sum()
    }
    pub fn rows_accepted(&self) -> usize {
        self.files.iter().map(|f| f.rows_accepted).sum()
    }
}

/// A row on its way to the table.
#[derive(Debug, Clone)]
struct Row {
    file: String,
    sheet: String,
    row: u32,
    task_code: Option<String>,
    task_as_written: String,
    role: &'static str,
    activity: String,
    result: String,
    status: Status,
    budget: Option<f64>,
    difficulties: String,
    proposals: String,
    note: String,
    flags: Vec<Kind>,
    /// The other tasks it reports on, where its task cell names several ("NV1, NV6"): the
    /// row is the first's, and reports on these too.
    also: Vec<String>,
}

/// What repeated rows share before their texts are compared: task, status, budget.
type CheapKey = (Option<String>, &'static str, Option<u64>);

/// A file on its way: its record, its rows, its findings.
pub struct Draft {
    record: FileRecord,
    rows: Vec<Row>,
    problems: Vec<Problem>,
    /// The rows of an accepted file as a piece of the rows table (built beside the
    /// reading, on every core), repeats already dropped.
    piece: Option<piece::Piece>,
    /// Rows the file gave before repeats were dropped.
    rows_before: usize,
    /// The repeats dropped: findings only if the file is still used once all are read.
    duplicates: Vec<Problem>,
    /// The tasks its rows report (known ones): a file on other tasks than the agency's
    /// later one is a part of its report, not an earlier version.
    tasks: std::collections::BTreeSet<String>,
    /// The tasks its rows report on besides their own (`Row::also`).
    also: std::collections::BTreeSet<String>,
    /// The months its title gives it, first and last ("Quý II": 4 to 6; the year: 1 to 12):
    /// a file of another part of the year than the agency's others is a part of its report.
    period: Option<(u32, u32)>,
    /// Whether it is one of several such parts, all used: received on the last part's day.
    period_part: bool,
}

/// Longest text kept from one cell (a spreadsheet cell holds at most 32,767 characters).
pub const MAX_TEXT: usize = 32_000;

const UNIT_LABELS: &[&str] = &["don vi tinh", "dvt"];
/// (Also in English, as Excel writes a table's total row: "Total".)
const TOTALS: &[&str] = &[
    "tong cong",
    "cong",
    "tong",
    "tong so",
    "tong kinh phi",
    "cong tong",
    "tong cong kinh phi",
    "total",
    "totals",
    "grand total",
    "subtotal",
    "sub total",
    "sum",
];

/// Normalises the files of one plan-year. Each file is turned into a `Draft` as soon as it
/// is read (its raw cells are freed then); `finish` then settles what depends on all of
/// them (revisions, duplicates, received dates) and builds the rows table once.
pub struct Normaliser<'a> {
    plan: &'a Plan,
    year: i32,
    /// The day the run checks on: a report dated long after it was misdated.
    as_of: Option<NaiveDate>,
    index: AgencyIndex,
    roles: Roles,
    cache: TextCache,
}

/// What the same few texts say, worked out once and shared by every file of the run: task
/// references ("1", "NV1", "Nhiệm vụ 1: Tuyên truyền…") and status words ("Hoàn thành",
/// "Đang thực hiện") repeat across thousands of files.
#[derive(Default)]
struct TextCache {
    tasks: Memo<Match>,
    statuses: Memo<Status>,
    /// The plan's tasks' codes and titles as titles are compared.
    titles: std::sync::OnceLock<Vec<(String, String)>>,
}

impl TextCache {
    /// The plan's tasks' codes and titles as titles are compared (`matching::title_key`),
    /// folded once for the run.
    fn titles(&self, plan: &Plan) -> &[(String, String)] {
        self.titles.get_or_init(|| plan.tasks.iter().map(|t| (t.code.clone(), matching::title_key(&t.title))).collect())
    }

    fn resolve(&self, plan: &Plan, text: &str) -> Match {
        self.tasks.get_or(text, |t| matching::task(plan, t))
    }

    /// `values::status`, kept for short texts (a status column's few words; not a
    /// sentence that says more).
    fn status(&self, text: &str) -> Status {
        if text.len() > 64 {
            return values::status(text);
        }
        self.statuses.get_or(text, values::status)
    }
}

/// Answers by text, up to `MAX` distinct texts.
struct Memo<V>(std::sync::Mutex<PlHashMap<String, V>>);

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo(std::sync::Mutex::new(PlHashMap::default()))
    }
}

impl<V: Clone> Memo<V> {
    /// Most distinct texts kept (each is one short text).
    const MAX: usize = 100_000;

    fn get_or(&self, text: &str, work_out: impl FnOnce(&str) -> V) -> V {
        if let Some(v) = self.0.lock().ok().and_then(|c| c.get(text).cloned()) {
            return v;
        }
        let v = work_out(text);
        if let Ok(mut c) = self.0.lock() {
            if c.len() < Self::MAX {
                c.insert(text.to_string(), v.clone());
            }
        }
        v
    }
}

/// (agency, task) → role in the year, computed once.
type Roles = PlHashMap<(String, String), crate::plan::Role>;

impl<'a> Normaliser<'a> {
    pub fn new(plan: &'a Plan, year: i32) -> Normaliser<'a> {
        Normaliser {
            plan,
            year,
            as_of: None,
            index: AgencyIndex::in_year(plan, year),
            roles: plan.roles(year).into_iter().collect(),
            cache: TextCache::default(),
        }
    }

    /// Checks the reports' dates against the day of the run.
    pub fn as_of(self, as_of: NaiveDate) -> Normaliser<'a> {
        Normaliser { as_of: Some(as_of), ..self }
    }

    /// One file, normalised on its own: one draft, or one per agency where the file is a
    /// table of several agencies' rows and no sender of its own (`by_agency`).
    pub fn drafts(&self, mut file: Ingested) -> Vec<Draft> {
        // A workbook with no table anywhere may be a form's answers a column per task and
        // field: read so, before it is split by agency.
        if let Ok(wb) = &mut file.content {
            if wb.sheets.iter().all(|s| s.header.is_none()) {
                for sheet in &mut wb.sheets {
                    if let Some((header, rows)) = wide_table(self.plan, &self.cache, sheet) {
                        // (Above the table only, as a table's: the answers name agencies.)
                        sheet.top.retain(|c| c.row < header.first_row);
                        sheet.header = Some(header);
                        sheet.rows = rows;
                    }
                }
            }
        }
        match by_agency(&self.index, &file) {
            Some(parts) => parts.into_iter().map(|p| self.draft(p)).collect(),
            None => vec![self.draft(file)],
        }
    }

    /// One file, normalised on its own: its rows become a piece of the rows table here,
    /// so that `finish` only has to put the pieces together.
    pub fn draft(&self, file: Ingested) -> Draft {
        let mut d = read_submission(self.plan, self.year, &self.index, &self.roles, &self.cache, file);
        if let (Some(as_of), Some(date)) = (self.as_of, d.record.report_date) {
            after_the_run(&mut d, date, as_of, self.year, self.plan.deadline_for(self.year));
        }
        d.rows_before = d.rows.len();
        d.tasks = d.rows.iter().filter_map(|r| r.task_code.clone()).collect();
        d.also = d.rows.iter().flat_map(|r| r.also.iter().cloned()).collect();
        d.tasks.extend(d.also.iter().cloned());
        if d.record.outcome == Outcome::Accepted {
            d.duplicates = drop_duplicates(&mut d);
            // Within a file, rows by sheet and row; texts are moved into the columns.
            let mut rows = std::mem::take(&mut d.rows);
            rows.sort_by(|a, b| (&a.sheet, a.row).cmp(&(&b.sheet, b.row)));
            d.piece = Some(piece::Piece::new(&rows, &d.record));
        }
        d
    }

    /// Every file's draft (in file order) and the receipts register's text, if any.
    pub fn finish(&self, mut drafts: Vec<Draft>, receipts: Option<&crate::ingest::Receipts>) -> PolarsResult<Normalised> {
        supersede(&mut drafts);
        let mut problems = Vec::new();
        let deadline = self.plan.deadline_for(self.year);
        let register = receipts.map(|r| (r.name.as_str(), receipts::read(&r.text, &r.name, &self.index, self.year, deadline)));
        let (received, register_only) = received_dates(&drafts, register, &mut problems);
        let mut records = Vec::new();
        // Files come in path order, each file's rows already in sheet and row order.
        let mut pieces = Vec::new();
        let mut also_reported = std::collections::BTreeSet::new();
        for d in drafts {
            problems.extend(d.problems);
            if d.record.outcome == Outcome::Accepted {
                problems.extend(d.duplicates);
                pieces.extend(d.piece);
                if let Some(a) = &d.record.agency_code {
                    also_reported.extend(d.also.into_iter().map(|t| (a.clone(), t)));
                }
            }
            records.push(d.record);
        }
        problems.sort();
        // (Each repeated row is listed: in a table on its side, two columns' activities
        // repeated on one row are two findings alike.)
        problems.dedup_by(|a, b| a == b && a.kind != Kind::Duplicate);
        let rows = piece::Piece::table(pieces, &self.plan.id, self.year)?;
        Ok(Normalised { rows, files: records, problems, received, also_reported, register_only })
    }
}

/// The day each agency's report was received (see `Normalised::received`), listing where
/// the register and the workbooks disagree.
fn received_dates(
    drafts: &[Draft],
    register: Option<(&str, receipts::Register)>,
    problems: &mut Vec<Problem>,
) -> (BTreeMap<String, NaiveDate>, BTreeMap<String, String>) {
    let mut from_files: BTreeMap<String, (NaiveDate, String)> = BTreeMap::new();
    let mut submitted: BTreeMap<String, String> = BTreeMap::new();
    // An agency whose only file cannot be read did send it: the register's day is kept.
    // (Last year's report is not this year's sent: the register's entry of this year is a
    // file not saved in the folder.)
    let sent: std::collections::BTreeSet<&String> = drafts
        .iter()
        .filter(|d| d.record.outcome == Outcome::Skipped && d.record.reason_code != Kind::ReportOtherYear.code())
        .filter_map(|d| d.record.agency_code.as_ref())
        .collect();
    for d in drafts.iter().filter(|d| d.record.outcome != Outcome::Skipped) {
        let Some(code) = &d.record.agency_code else { continue };
        if d.record.outcome == Outcome::Accepted {
            submitted.insert(code.clone(), d.record.file.clone());
        }
        // (A report of part of the year beside the year's is another report: the year's was
        // not received on its day.)
        let part_year = d.record.outcome == Outcome::Superseded && d.problems.iter().any(|p| p.kind == Kind::TitlePartYear);
        if let Some(date) = d.record.report_date.filter(|_| !part_year) {
            let e = from_files.entry(code.clone()).or_insert((date, d.record.file.clone()));
            if date < e.0 {
                *e = (date, d.record.file.clone());
            }
        }
    }
    // Of a report sent a part of the year at a time (quarterly reports, no report of the
    // year), the last part's day: the year's report was not whole before it.
    let mut last_parts: BTreeMap<String, (NaiveDate, String)> = BTreeMap::new();
    for d in drafts.iter().filter(|d| d.period_part && d.record.outcome == Outcome::Accepted) {
        let (Some(code), Some(date)) = (&d.record.agency_code, d.record.report_date) else { continue };
        let e = last_parts.entry(code.clone()).or_insert((date, d.record.file.clone()));
        if date > e.0 {
            *e = (date, d.record.file.clone());
        }
    }
    from_files.extend(last_parts);
    let mut received: BTreeMap<String, NaiveDate> = from_files.iter().map(|(c, (d, _))| (c.clone(), *d)).collect();
    let mut register_only = BTreeMap::new();
    if let Some((name, reg)) = register {
        problems.extend(reg.problems);
        for (code, date) in reg.received {
            match submitted.get(&code) {
                Some(file) => {
                    if let Some((own, _)) = from_files.get(&code).filter(|(own, _)| *own != date) {
                        let detail = format!("sổ: {}, báo cáo: {}", date.format("%d/%m/%Y"), own.format("%d/%m/%Y"));
                        problems.push(Problem::file(file, Kind::ReceiptDiffers, detail));
                    }
                    received.insert(code, date);
                }
                None if sent.contains(&code) => {
                    received.insert(code, date);
                }
                // A report the register records with no file: received that day, its
                // content not in the folder (it was "missing", as if never sent).
                None => {
                    problems.push(Problem::file(name, Kind::ReceiptWithoutFile, format!("{code}, {}", date.format("%d/%m/%Y"))));
                    received.insert(code.clone(), date);
                    register_only.insert(code, name.to_string());
                }
            }
        }
    }
    received.retain(|code, _| submitted.contains_key(code) || sent.contains(code) || register_only.contains_key(code));
    (received, register_only)
}

/// A sheet's own date, where it has one: its year, and the day as written (or the month,
/// its day left blank).
fn sheet_date(sheet: &SheetData) -> Option<(i32, String)> {
    find_date(&[sheet]).and_then(|(read, written, _)| match read {
        DateRead::Date(d) => Some((d.year(), d.format("%d/%m/%Y").to_string())),
        DateRead::Month(y, _) => Some((y, tidy(&written))),
        _ => None,
    })
}

fn skipped(ing: &Ingested, kind: Kind, detail: &str) -> Draft {
    Draft {
        record: FileRecord {
            file: ing.rel.clone(),
            bytes: ing.bytes,
            sha256: ing.sha256.clone(),
            outcome: Outcome::Skipped,
            reason: kind.vi(detail),
            reason_code: kind.code().to_string(),
            agency_code: None,
            agency_as_written: String::new(),
            report_date: None,
            rows_read: 0,
            rows_accepted: 0,
            difficulties: String::new(),
            proposals: String::new(),
        },
        rows: Vec::new(),
        problems: vec![Problem::file(&ing.rel, kind, detail)],
        piece: None,
        rows_before: 0,
        duplicates: Vec::new(),
        tasks: Default::default(),
        also: Default::default(),
        period: None,
        period_part: false,
    }
}

/// The marks a line set out as an item opens with ("- Đã tổ chức…", "+ Kết quả: …").
const BULLETS: &[char] = &['-', '+', '•', '*', '–', '·'];

/// The first column of the fields labelled lines give ("Kết quả: …"), past any sheet's:
/// `LABELLED_COLUMN + field`; lines of no label from 32 past it, other labels from 64.
const LABELLED_COLUMN: u32 = 1 << 20;

/// The column of the task a heading or label gives the rows of a report not typed as a
/// table: its cell stands elsewhere (`RawRow::places`).
const TASK: u32 = LABELLED_COLUMN + Field::Task as u32;

/// Reads one submission: agency, date, and rows.
fn read_submission(plan: &Plan, year: i32, index: &AgencyIndex, roles: &Roles, cache: &TextCache, mut ing: Ingested) -> Draft {
    // A workbook with no table anywhere may be a report typed as lines: read so.
    if let Ok(wb) = &mut ing.content {
        if wb.sheets.iter().all(|s| s.header.is_none()) {
            for sheet in &mut wb.sheets {
                if let Some((header, rows)) = lines_table(plan, year, cache, sheet) {
                    sheet.header = Some(header);
                    sheet.rows = rows;
                }
            }
        }
        // Nor any task named: lines under a section of what was done.
        if wb.sheets.iter().all(|s| s.header.is_none()) {
            for sheet in &mut wb.sheets {
                if let Some((header, rows)) = plain_lines(year, sheet) {
                    sheet.header = Some(header);
                    sheet.rows = rows;
                }
            }
        }
    }
    let wb = match &ing.content {
        Ok(wb) => wb,
        Err((kind, detail)) => {
            let mut d = skipped(&ing, *kind, detail);
            if kind.is_sent_unread() {
                attribute(plan, year, path_agency(index, &ing.rel, &[]), &mut d);
            }
            return d;
        }
    };
    // A consolidated workbook this program made, put among the reports (last year's, or
    // this one's saved beside them): read, it was one agency's report holding every
    // agency's activities.
    if let Some(made) = tonghop_output(wb) {
        return skipped(&ing, Kind::TonghopOutput, &made);
    }
    // The report's sheets: visible ones with a table; hidden ones only if no visible one has one.
    let with_table = |hidden: bool| {
        wb.sheets.iter().enumerate().filter(move |(_, s)| s.hidden == hidden && s.header.is_some()).map(|(i, _)| i).collect::<Vec<_>>()
    };
    let mut sheets = with_table(false);
    if sheets.is_empty() {
        sheets = with_table(true);
    }
    if sheets.is_empty() {
        let names = wb.sheets.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(", ");
        let mut d = skipped(&ing, Kind::NoTable, &format!(" trong các trang: {names}"));
        // By its name and place only: the lines of a workbook that is not a report (a
        // letter, a list) name agencies, and words that happen to be their codes.
        attribute(plan, year, path_agency(index, &ing.rel, &wb.sheets), &mut d);
        return d;
    }

    let mut problems = Vec::new();
    // Sheets that are not the report, left out and listed unless no sheet is left: in a
    // workbook kept from year to year, a sheet whose name gives only other years ("Năm
    // 2023", "BC2024"); in the department's form, its guidance sheet with its example
    // rows ("Hướng dẫn", "Ví dụ").
    let not_report = |i: &usize| {
        let name = &wb.sheets[*i].name;
        if names_other_year(name, year) {
            Some(Kind::SheetOtherYear)
        } else if is_guidance(name) {
            Some(Kind::SheetGuidance)
        } else {
            None
        }
    };
    // Their rows count as read and not consolidated: the finding's detail is their number.
    let mut left_out = 0;
    if sheets.iter().any(|i| not_report(i).is_none()) {
        for &i in &sheets {
            if let Some(kind) = not_report(&i) {
                let sheet = &wb.sheets[i];
                left_out += sheet.rows.len();
                problems.push(Problem::at(&ing.rel, &sheet.name, String::new(), kind, sheet.rows.len().to_string()));
            }
        }
        sheets.retain(|i| not_report(i).is_none());
    }
    // A sheet hidden by hand with a table, beside shown ones (last year's report kept in the
    // workbook and hidden, a copy kept for reference): left out of what the sender shows and
    // prints, as its hidden rows and columns are, and listed with its rows. They were passed
    // over in silence.
    if sheets.iter().all(|&i| !wb.sheets[i].hidden) {
        for sheet in wb.sheets.iter().filter(|s| s.hidden && s.header.is_some() && !s.rows.is_empty()) {
            left_out += sheet.rows.len();
            problems.push(Problem::at(&ing.rel, &sheet.name, String::new(), Kind::SheetHidden, sheet.rows.len().to_string()));
        }
    }
    // A sheet dated in an earlier year beside one dated in the reporting year (or the next):
    // last year's report kept in the workbook, its sheet copied for this year's ("BC", "BC
    // (2)"). Left out and listed; before, its rows were this year's, and its date the
    // report's.
    if sheets.len() > 1 {
        let dated: Vec<(usize, Option<(i32, String)>)> = sheets.iter().map(|&i| (i, sheet_date(&wb.sheets[i]))).collect();
        if dated.iter().any(|(_, y)| y.as_ref().is_some_and(|(y, _)| (year..=year + 1).contains(y))) {
            for (i, y) in &dated {
                if let Some((_, date)) = y.as_ref().filter(|(y, _)| *y < year) {
                    let sheet = &wb.sheets[*i];
                    left_out += sheet.rows.len();
                    let detail = format!("{} {date}", sheet.rows.len());
                    problems.push(Problem::at(&ing.rel, &sheet.name, String::new(), Kind::SheetDatedOtherYear, detail));
                    sheets.retain(|j| j != i);
                }
            }
        }
    }
    // A sheet titled with an earlier year ("KẾT QUẢ THỰC HIỆN NĂM 2023") beside one titled
    // with the reporting year, and dated in no later year: last year's results kept
    // beside this year's report. Left out and listed; before, its rows were this year's.
    if sheets.len() > 1 && sheets.iter().any(|&i| dates::sheet_span(&wb.sheets[i], year).is_some()) {
        let older: Vec<(usize, i32)> = sheets
            .iter()
            .filter(|&&i| dates::sheet_span(&wb.sheets[i], year).is_none() && sheet_date(&wb.sheets[i]).is_none_or(|(y, _)| y < year))
            .filter_map(|&i| title_other_year(&[&wb.sheets[i]], year).map(|(_, _, y)| (i, y)))
            .collect();
        for (i, y) in older {
            let sheet = &wb.sheets[i];
            left_out += sheet.rows.len();
            problems.push(Problem::at(
                &ing.rel,
                &sheet.name,
                String::new(),
                Kind::SheetTitledOtherYear,
                format!("{} {y}", sheet.rows.len()),
            ));
            sheets.retain(|&j| j != i);
        }
    }
    // A sheet with rows like the report's but no header (a page of the table carried on
    // to a sheet of its own): not read, and listed, not passed over in silence.
    for (i, sheet) in wb.sheets.iter().enumerate() {
        if sheet.header.is_some() || sheet.hidden || sheets.contains(&i) || is_guidance(&sheet.name) {
            continue;
        }
        // The plan's task list sent back with the form ("Cơ quan chủ trì | Cơ quan phối
        // hợp") is no report, and says so in its header.
        let task_list = sheet.top.iter().any(|c| {
            matches!(&c.cell, Cell::Text(t) if {
                let k = fold(t);
                ["co quan chu tri", "don vi chu tri", "co quan phoi hop", "don vi phoi hop"].iter().any(|w| k.starts_with(w))
            })
        });
        let like_rows = if task_list { 0 } else { rows_like_a_report(&sheet.top) };
        if like_rows > 0 {
            problems.push(Problem::at(&ing.rel, &sheet.name, String::new(), Kind::SheetNoHeader, like_rows.to_string()));
        }
    }
    // The report's own sheets are where its date is looked for first.
    let by_report: Vec<&SheetData> = sheets
        .iter()
        .map(|&i| &wb.sheets[i])
        .chain(wb.sheets.iter().enumerate().filter(|(i, _)| !sheets.contains(i)).map(|(_, s)| s))
        .collect();
    // A tonghop template says who it is for; one from another plan or year is flagged.
    let (agency, agency_as_written) = match template_marker(wb) {
        Some(m) if m.plan_id == plan.id && plan.agency(&m.agency).is_some() => {
            if m.year != year {
                problems.push(Problem::file(&ing.rel, Kind::TemplateMismatch, format!("mẫu năm {}, báo cáo năm {year}", m.year)));
            }
            let name = plan.agency(&m.agency).map_or(m.agency.clone(), |a| a.name.clone());
            (Match::One(m.agency), name)
        }
        Some(m) => {
            problems.push(Problem::file(&ing.rel, Kind::TemplateMismatch, format!("mẫu của kế hoạch {}", m.plan_id)));
            find_agency(index, wb, &sheets, &ing.rel)
        }
        None => find_agency(index, wb, &sheets, &ing.rel),
    };
    let report: Vec<&SheetData> = sheets.iter().map(|&i| &wb.sheets[i]).collect();
    let titles = dates::sheet_titles(&report, year);
    let period = dates::report_period(&titles);
    // A workbook of the year's parts, a sheet each with its own date: the latest. A day and
    // month with no year ("20/10"), or the month first ("10/20/2024"): the likeliest date,
    // said so.
    let found = latest_part_date(&titles).or_else(|| find_date(&by_report)).map(|(read, written, at)| {
        let guess = (read == DateRead::Bad).then(|| values::date_guess(&written, year, plan.deadline_for(year))).flatten();
        match guess {
            Some(d) => {
                let detail = format!("{written} → {}", d.format("%d/%m/%Y"));
                problems.push(Problem::at(&ing.rel, &at.0, at.1.clone(), Kind::DateGuessed, detail));
                (DateRead::Date(d), written, at)
            }
            None => (read, written, at),
        }
    });
    let mut dated_other_year = None;
    let report_date = match found {
        // A report on year Y is sent in Y, or late in Y+1; a date outside those is another
        // year's report resent, or a slip of the year: flagged, not used for timeliness.
        Some((DateRead::Date(d), _, (sheet, cell))) if !(year..=year + 1).contains(&d.year()) => {
            problems.push(Problem::at(&ing.rel, &sheet, cell, Kind::DateOtherYear, d.format("%d/%m/%Y").to_string()));
            dated_other_year = Some(d);
            None
        }
        Some((DateRead::Date(d), _, _)) => Some(d),
        Some((DateRead::Month(y, m), written, (sheet, cell))) => {
            let (date, detail) = month_date(y, m, &written, year, plan.due_by(year));
            problems.push(Problem::at(&ing.rel, &sheet, cell, Kind::DatePartial, detail));
            date
        }
        Some((_, written, (sheet, cell))) => {
            problems.push(Problem::at(&ing.rel, &sheet, cell, Kind::DateUnreadable, written));
            None
        }
        // A column of when each row was sent, as a form's answers have ("Dấu thời gian",
        // "Timestamp"): the first.
        None if let Some(d) = sent_column(&sheets.iter().map(|&i| &wb.sheets[i]).collect::<Vec<_>>()) => Some(d),
        // No date in the workbook: the one its file's name gives ("BC_NGVH_25.10.2024.xlsx"),
        // said so.
        None => match values::date_in_name(&ing.rel, year) {
            Some(d) => {
                let name = ing.rel.rsplit('/').next().unwrap_or(&ing.rel);
                problems.push(Problem::file(&ing.rel, Kind::DateFromName, format!("{name} → {}", d.format("%d/%m/%Y"))));
                Some(d)
            }
            None => {
                problems.push(Problem::file(&ing.rel, Kind::DateMissing, ""));
                None
            }
        },
    };
    // A title naming an earlier year ("BÁO CÁO Kết quả thực hiện … năm 2023" among 2024's
    // reports): last year's report sent again, or its title copied and not changed. Said
    // so; the rows are read. (A date of another year says it already.)
    let title_year = title_other_year(&report, year);
    // Unless it is dated in that year, or in the first half of the next (a report on a year
    // is written from its autumn to the next spring): last year's report ("… NĂM 2023",
    // 15/01/2024), sent late or filed among this year's. Not consolidated, so that neither
    // its activities count as this year's nor its day as this year's report's (it was read,
    // on time by its January day).
    let last_years = title_year.as_ref().and_then(|(_, _, named)| {
        let d = dated_other_year.or(report_date)?;
        (d.year() >= *named && NaiveDate::from_ymd_opt(named + 1, 7, 1).is_some_and(|july| d < july))
            .then(|| format!("{named}, {}", d.format("%d/%m/%Y")))
    });
    if dated_other_year.is_none() {
        if let Some((sheet, cell, named)) = title_year {
            problems.push(Problem::at(&ing.rel, &sheet, cell, Kind::TitleOtherYear, named.to_string()));
        } else if let Some((sheet, cell, title)) = title_part_year(&titles) {
            // A report of the first half or quarter of the year (sent in the summer, asked
            // for on its own): not the year's report. Said so; the rows are read.
            problems.push(Problem::at(&ing.rel, &sheet, cell, Kind::TitlePartYear, title));
        }
    }
    // A workbook holding several agencies' reports, a sheet each, each sheet's own line
    // naming its agency: the sender's sheets are its report; another's are listed, its
    // rows not taken for the sender's.
    if let (Match::One(sender), true) = (&agency, sheets.len() > 1) {
        let holder = |c: &str| plan.holder_in(c, year).map_or(c.to_string(), |a| a.code.clone());
        let others: Vec<(usize, String)> = sheets
            .iter()
            .filter_map(|&i| sheet_sender(index, &wb.sheets[i]).filter(|(c, _)| holder(c) != holder(sender)).map(|(_, w)| (i, w)))
            .collect();
        if others.len() < sheets.len() {
            for (i, written) in others {
                let sheet = &wb.sheets[i];
                left_out += sheet.rows.len();
                let detail = format!("{} {written}", sheet.rows.len());
                problems.push(Problem::at(&ing.rel, &sheet.name, String::new(), Kind::SheetOtherAgency, detail));
                sheets.retain(|&j| j != i);
            }
        }
    }
    let agency_code = match &agency {
        Match::One(c) => Some(in_force(plan, year, c, &ing.rel, &mut problems)),
        _ => None,
    };
    // A file name that names another agency is listed (the report's own line wins).
    let name = ing.rel.rsplit('/').next().unwrap_or(&ing.rel);
    if let (Match::One(code), Match::One(other)) = (&agency, index.within(name.rsplit_once('.').map_or(name, |(s, _)| s))) {
        if *code != other {
            problems.push(Problem::file(&ing.rel, Kind::AgencyMismatch, format!("tên tệp: {other}, báo cáo: {code}")));
        }
    }

    let mut rows = Vec::new();
    let mut totals_rows = 0;
    // The rows take their texts out of the cells read.
    let Ok(wb) = &mut ing.content else { unreachable!("a skipped file returned above") };
    // Difficulties and proposals under headings of their own: in the report written out
    // above a table, and among or below its rows.
    let mut narrative = narrative::Narrative::default();
    let against = Against { plan, year, roles, cache, index };
    // A sheet of the money alone ("STT | Nội dung | Số tiền"), beside a sheet with the
    // report's table: its amounts are the report's activities', not activities of their own.
    let money_only = |i: &usize| {
        wb.sheets[*i].header.as_ref().is_some_and(|h| {
            h.col(Field::Activity).is_some()
                && h.col(Field::Budget).is_some()
                && [
                    Field::Task,
                    Field::Result,
                    Field::Status,
                    Field::StatusDone,
                    Field::StatusInProgress,
                    Field::StatusNotStarted,
                    Field::Role,
                ]
                .iter()
                .all(|f| h.col(*f).is_none())
        })
    };
    let money_sheets: Vec<usize> =
        if sheets.iter().any(|i| !money_only(i)) { sheets.iter().copied().filter(money_only).collect() } else { Vec::new() };
    let mut money: Vec<(Vec<Row>, Vec<Problem>)> = Vec::new();
    let mut hidden_rows = 0;
    // Whether the report's tables have a column for results or statuses (see below).
    let asks_results =
        sheets.iter().any(|&i| wb.sheets[i].header.as_ref().is_some_and(|h| h.col(Field::Result).is_some() || h.has_status()));
    for i in sheets {
        narrative.above_table(&wb.sheets[i].top);
        if let Some((row, col, text, n)) = &wb.sheets[i].far {
            let detail = format!("{n}; \"{text}\"");
            problems.push(Problem::at(&ing.rel, &wb.sheets[i].name, a1(*row, *col), Kind::CellsFarAway, detail));
        }
        for &(col, row, n) in &wb.sheets[i].stray {
            problems.push(Problem::at(&ing.rel, &wb.sheets[i].name, a1(row, col), Kind::CellsOutsideTable, n.to_string()));
        }
        for (row, col, header) in &wb.sheets[i].hidden_cols {
            problems.push(Problem::at(&ing.rel, &wb.sheets[i].name, a1(*row, *col), Kind::ColumnHidden, header.clone()));
        }
        // Rows hidden by hand: left out of what the sender shows and prints, so not
        // consolidated, but listed.
        for (row, text) in &wb.sheets[i].hidden_rows {
            problems.push(Problem::at(&ing.rel, &wb.sheets[i].name, a1(*row, 0), Kind::RowHidden, text.clone()));
            hidden_rows += 1;
        }
        if let Some((row, header, n)) = &wb.sheets[i].other_table {
            let detail = format!("{header}; {n} dòng");
            problems.push(Problem::at(&ing.rel, &wb.sheets[i].name, a1(*row, 0), Kind::OtherTable, detail));
        }
        // A sheet of the money alone beside the report's table: read apart, joined below.
        if money_sheets.contains(&i) {
            let mut found = Vec::new();
            let (r, t) = read_rows(&against, agency_code.as_deref(), &ing.rel, &mut wb.sheets[i], &mut found, &mut narrative);
            money.push((r, found));
            totals_rows += t;
            narrative.close();
            continue;
        }
        let (r, t) = read_rows(&against, agency_code.as_deref(), &ing.rel, &mut wb.sheets[i], &mut problems, &mut narrative);
        rows.extend(r);
        totals_rows += t;
        narrative.close();
    }
    for (r, found) in money {
        totals_rows += join_money(&mut rows, r, found, &mut problems);
    }
    left_out += leave_out_summaries(&ing.rel, &wb.sheets, &mut rows, &mut problems);
    let rows_read = rows.len() + totals_rows + left_out + hidden_rows;
    let mut record = FileRecord {
        file: ing.rel.clone(),
        bytes: ing.bytes,
        sha256: ing.sha256.clone(),
        outcome: Outcome::Accepted,
        reason: String::new(),
        reason_code: String::new(),
        agency_code: agency_code.clone(),
        agency_as_written: agency_as_written.clone(),
        report_date,
        rows_read,
        rows_accepted: rows.len(),
        difficulties: narrative.text(Field::Difficulties),
        proposals: narrative.text(Field::Proposals),
    };
    let unattributed = match &agency {
        Match::One(_) => None,
        // A plan with no agency list yet: keep the sender as written.
        Match::None if plan.agencies.is_empty() => {
            problems.push(Problem::file(&ing.rel, Kind::AgencyNotInPlan, agency_as_written.clone()));
            None
        }
        Match::Ambiguous(codes) => Some((Kind::AgencyAmbiguous, format!("{agency_as_written}: {}", codes.join(", ")))),
        Match::None => Some((Kind::AgencyUnknown, agency_as_written.clone())),
    };
    // Last year's report: its sender has not sent this year's by it.
    let unattributed = unattributed.or_else(|| last_years.map(|l| (Kind::ReportOtherYear, format!("{l}, {agency_as_written}"))));
    if let Some((kind, detail)) = unattributed {
        // (Its sender kept: an agency that sent only last year's report is told so, not
        // taken for one that sent a report that cannot be read.)
        record.outcome = Outcome::Skipped;
        record.reason = format!("{} ({} dòng không được tổng hợp)", kind.vi(&detail), rows.len());
        record.reason_code = kind.code().to_string();
        record.rows_accepted = 0;
        problems.push(Problem::file(&ing.rel, kind, detail));
        rows.clear();
    }
    // A report whose table holds no activity at all (the blank form sent back) is received,
    // and said to be empty, unless its columns were listed already.
    if record.outcome == Outcome::Accepted && rows.is_empty() && !problems.iter().any(|p| p.kind == Kind::NoActivityColumn) {
        problems.push(Problem::file(&ing.rel, Kind::NoActivities, String::new()));
    }
    // A table with columns for results or statuses, every row of which leaves them blank,
    // with no money or difficulty either: the form sent back with only the names of its
    // activities (a form may list the plan's). Its rows are kept, and the file is said to
    // be so once.
    let said_nothing = |r: &Row| {
        r.result.is_empty() && r.status == Status::Unknown && r.budget.is_none() && r.difficulties.is_empty() && r.proposals.is_empty()
    };
    if record.outcome == Outcome::Accepted && rows.len() >= 2 && asks_results && rows.iter().all(said_nothing) {
        problems.push(Problem::file(&ing.rel, Kind::ResultsBlank, rows.len().to_string()));
    }
    Draft {
        record,
        rows,
        problems,
        piece: None,
        rows_before: 0,
        duplicates: Vec::new(),
        tasks: Default::default(),
        also: Default::default(),
        period,
        period_part: false,
    }
}

/// A sheet summing up the report by task, with no activity column ("Tổng hợp": "Nhiệm vụ |
/// Kết quả thực hiện | Tình trạng"), beside a sheet of the activities ("Chi tiết"): its rows
/// on tasks whose activities that sheet gives are the same work said twice (each was an
/// activity of its own, its money counted again). They are left out, and the sheet listed
/// once with their number; its rows on other tasks are kept. A task's money there, where
/// none of its activities gives money of its own (the sheet of activities has no money
/// column), goes to its first activity, listed `budget_of_task` (it was lost). Returns how
/// many were left out.
fn leave_out_summaries(file: &str, sheets: &[SheetData], rows: &mut Vec<Row>, problems: &mut Vec<Problem>) -> usize {
    let has_activities =
        |name: &str| sheets.iter().any(|s| s.name == name && s.header.as_ref().is_some_and(|h| h.col(Field::Activity).is_some()));
    let detail: BTreeSet<&str> = rows.iter().filter(|r| has_activities(&r.sheet)).map(|r| r.sheet.as_str()).collect();
    if detail.is_empty() || rows.iter().all(|r| detail.contains(r.sheet.as_str())) {
        return 0;
    }
    let covered: BTreeSet<String> = rows.iter().filter(|r| detail.contains(r.sheet.as_str())).filter_map(|r| r.task_code.clone()).collect();
    let detail = detail.into_iter().collect::<Vec<_>>().join(", ");
    // Per sheet, the rows left out and where they were; per task, the money they give.
    let mut out: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    let mut money: BTreeMap<String, (f64, String, u32)> = BTreeMap::new();
    rows.retain(|r| {
        let summary = !has_activities(&r.sheet) && r.activity.is_empty() && r.task_code.as_ref().is_some_and(|t| covered.contains(t));
        if summary {
            out.entry(r.sheet.clone()).or_default().insert(r.row);
            if let (Some(task), Some(b)) = (&r.task_code, r.budget) {
                money.entry(task.clone()).or_insert((0.0, r.sheet.clone(), r.row)).0 += b;
            }
        }
        !summary
    });
    let mut given = Vec::new();
    for (task, (amount, sheet, row)) in money {
        let of_task = |r: &Row| r.task_code.as_deref() == Some(task.as_str());
        if rows.iter().any(|r| of_task(r) && r.budget.is_some()) {
            continue;
        }
        if let Some(first) = rows.iter_mut().find(|r| of_task(r)) {
            first.budget = Some(amount);
            add_to_note(&mut first.note, "Kinh phí cả nhiệm vụ ghi ở", &format!("trang {sheet}, dòng {row}"));
            given.push(Problem::at(file, &first.sheet, format!("A{}", first.row), Kind::BudgetOfTask, format!("{sheet}!{row}")));
        }
    }
    // Their rows' own findings go with them.
    problems.retain(|p| !(p.file == file && out.get(&p.sheet).is_some_and(|at| row_of(&p.cell).is_some_and(|r| at.contains(&r)))));
    let mut n = 0;
    for (sheet, at) in out {
        n += at.len();
        problems.push(Problem::at(file, &sheet, String::new(), Kind::SheetSummary, format!("{} {detail}", at.len())));
    }
    problems.extend(given);
    n
}

/// The row number (1-based) of an A1 cell reference.
fn row_of(cell: &str) -> Option<u32> {
    cell.trim_start_matches(|c: char| c.is_ascii_alphabetic()).parse().ok()
}

/// The code an agency found in a file goes by this year: a name merged away belongs to the
/// agency that holds its duties (listed), a name no longer in force is kept (listed).
fn in_force(plan: &Plan, year: i32, code: &str, file: &str, problems: &mut Vec<Problem>) -> String {
    match plan.holder_in(code, year) {
        Some(holder) if holder.code != code => {
            problems.push(Problem::file(file, Kind::AgencyRenamed, format!("{code} → {}", holder.code)));
            holder.code.clone()
        }
        Some(_) => code.to_string(),
        None => {
            problems.push(Problem::file(file, Kind::AgencyNotInForce, code.to_string()));
            code.to_string()
        }
    }
}

/// Gives a file that cannot be read (a Word or PDF report, a broken workbook, one with no
/// table) the agency it plainly comes from, so that the agency is told to send it again
/// rather than counted as not having sent anything. Only one agency, never a guess.
fn attribute(plan: &Plan, year: i32, (found, as_written): (Match, String), d: &mut Draft) {
    if let Match::One(code) = found {
        d.record.agency_code = Some(in_force(plan, year, &code, &d.record.file, &mut d.problems));
        d.record.agency_as_written = as_written;
    }
}

/// The marker of a tonghop template (its very hidden sheet), if the workbook has one.
/// The line a consolidated workbook of tonghop's ends its summary with ("Lập bằng tonghop
/// 0.2.0 (…) từ kế hoạch …"), where the workbook is one: its summary's and data sheets'
/// names, and that line.
fn tonghop_output(wb: &WorkbookData) -> Option<String> {
    let names = |n: &str| wb.sheets.iter().any(|s| s.name == n);
    if !(names("Vấn đề dữ liệu") && names("Nguồn dữ liệu") && names("Tình hình nộp")) {
        return None;
    }
    wb.sheets.iter().flat_map(|s| &s.top).find_map(|c| match &c.cell {
        Cell::Text(t) if t.starts_with("Lập bằng tonghop") => Some(t.clone()),
        _ => None,
    })
}

fn template_marker(wb: &WorkbookData) -> Option<crate::template::Marker> {
    let sheet = wb.sheets.iter().find(|s| s.name == crate::template::MARKER_SHEET)?;
    let cell = |r: u32, c: u32| sheet.top.iter().find(|t| t.row == r && t.col == c).map(|t| t.cell.text());
    if cell(0, 0)?.trim() != crate::template::MARKER {
        return None;
    }
    Some(crate::template::Marker {
        version: cell(0, 1)?,
        plan_id: cell(1, 1)?,
        year: cell(2, 1)?.trim().parse().ok()?,
        agency: cell(3, 1)?,
    })
}

/// Joins a sheet of the money alone to the report's rows: each of its rows whose activity
/// is, word for word, one activity of the report's with no amount (or the same amount)
/// gives that activity its amount, and is listed `budget_joined`, its own findings (no
/// task, no status) dropped. Its other rows stay activities, with their findings. Returns
/// how many rows were joined.
fn join_money(rows: &mut Vec<Row>, money: Vec<Row>, mut found: Vec<Problem>, problems: &mut Vec<Problem>) -> usize {
    let mut joined = Vec::new();
    let mut kept = Vec::new();
    let keys: Vec<String> = rows.iter().map(|r| fold(&r.activity)).collect();
    for m in money {
        let key = fold(&m.activity);
        let mut same = rows.iter_mut().zip(&keys).filter(|(_, k)| !key.is_empty() && **k == key).map(|(r, _)| r);
        let target = match (same.next(), same.next()) {
            (Some(r), None) if r.budget.is_none_or(|b| m.budget.is_some_and(|mb| (b - mb).abs() <= 0.001f64.max(b.abs() * 0.005))) => r,
            _ => {
                kept.push(m);
                continue;
            }
        };
        if target.budget.is_none() {
            target.budget = m.budget;
        }
        // (Not "Kinh phí: …", which says money with no figure, shown in the budget's cell.)
        add_to_note(&mut target.note, "Kinh phí ghi ở", &format!("trang {}, dòng {}", m.sheet, m.row));
        joined.push((m.row, format!("{}!{}", target.sheet, target.row), m.sheet, m.file));
    }
    // The joined rows' own findings go with them; the sheet's, once none of its rows is left.
    let row_of = |cell: &str| cell.trim_start_matches(|c: char| c.is_ascii_alphabetic()).parse::<u32>().ok();
    found.retain(|p| match row_of(&p.cell) {
        _ if p.kind == Kind::NoStatusColumn => !kept.is_empty(),
        Some(r) if joined.iter().any(|(j, ..)| *j == r) => !matches!(p.kind, Kind::TaskMissing | Kind::StatusMissing | Kind::Unassigned),
        _ => true,
    });
    let n = joined.len();
    for (row, to, sheet, file) in joined {
        found.push(Problem::at(&file, &sheet, format!("A{row}"), Kind::BudgetJoined, to));
    }
    problems.extend(found);
    // (Its rows left are activities, after the report's.)
    rows.extend(kept);
    n
}

/// A task's code written with an activity, before it ("NV3: Hội nghị…", "(NV1) Tập huấn",
/// "Nhiệm vụ 5 - Đón đoàn") or in brackets after it ("Tập huấn cán bộ (Nhiệm vụ 2)"): the
/// code as written. Not a title that merely starts with the word ("Nhiệm vụ trọng tâm…").
fn task_in_activity(activity: &str) -> Option<&str> {
    let is_code = |t: &str| {
        // ("NV…", "Nhiệm vụ…", "thuộc…": nothing else is folded.)
        if !t.starts_with(['N', 'n', 'T', 't']) {
            return false;
        }
        let key = fold(t);
        let words: Vec<&str> = key.split(' ').collect();
        let number = |w: &str| !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit());
        // (Also "Nội dung 2", "ND2", as Lai Châu's plan numbers its tasks.)
        match words.as_slice() {
            [w] => w.strip_prefix("nv").or_else(|| w.strip_prefix("nd")).is_some_and(number),
            ["nv" | "nd", n] | ["nhiem", "vu", n] | ["nhiem", "vu", "so", n] | ["thuoc", "nhiem", "vu", n] => number(n),
            ["noi", "dung", n] | ["noi", "dung", "so", n] => number(n),
            ["thuoc", w] => w.strip_prefix("nv").is_some_and(number),
            _ => false,
        }
    };
    // (This runs on every row of a table with no task column: only a text opening with
    // "N" is searched, and only its first words; only one closing a bracket is split.)
    let t = activity.trim();
    let opening = t.trim_start_matches(['(', '[']);
    let head = opening
        .starts_with(['N', 'n'])
        .then(|| opening.char_indices().take(24).find(|(_, c)| matches!(c, ':' | '-' | '–' | ')' | ']')))
        .flatten()
        .map(|(at, _)| opening[..at].trim())
        .filter(|h| h.bytes().any(|b| b.is_ascii_digit()) && is_code(h));
    // The code alone where the activity is ("Nội dung 4 | Liên hoan…" in a table whose
    // results say what was done).
    let whole = || (opening.len() <= 24 && opening.bytes().any(|b| b.is_ascii_digit()) && is_code(opening)).then_some(opening);
    head.or_else(whole).or_else(|| {
        let (_, inner) = t.strip_suffix(')')?.rsplit_once('(')?;
        let inner = inner.trim();
        // ("thuộc NV2": of task 2.)
        is_code(inner)
            .then(|| if fold(inner).starts_with("thuoc ") { inner.split_once(' ').map_or(inner, |(_, c)| c.trim()) } else { inner })
    })
}

/// The periods a text field's group of columns is split by ("Kết quả thực hiện" over "Quý I
/// | Quý II | Quý III | Quý IV", "6 tháng đầu năm | 6 tháng cuối năm"): per field, each
/// column's period, what its header adds to the group's. Their texts are joined after
/// them, so that when each was done is not lost; a group split otherwise ("Số lượng | Nội
/// dung") is joined as it is.
fn period_labels(header: &crate::ingest::header::Header) -> Vec<(Field, Vec<(u32, String)>)> {
    let mut out = Vec::new();
    for f in [Field::Activity, Field::Result, Field::Difficulties, Field::Proposals, Field::Note] {
        let cols: Vec<&crate::ingest::header::Column> = header.columns.iter().filter(|c| c.field == f).collect();
        if cols.len() < 2 {
            continue;
        }
        let words: Vec<Vec<&str>> = cols.iter().map(|c| c.header.split_whitespace().collect()).collect();
        let common = (0..words[0].len()).take_while(|&i| words.iter().all(|w| w.get(i) == words[0].get(i))).count();
        let period =
            |l: &str| ["quy", "thang", "6 thang", "dot", "ky"].iter().any(|p| crate::ingest::header::starts_with_words(&fold(l), p));
        // The longest ends of the headers that all name a period: the words the periods
        // share are theirs ("Quý" of "Quý I | Quý II", "6 tháng" of "6 tháng đầu năm").
        let mut labels =
            (0..=common).map(|k| cols.iter().zip(&words).map(|(c, w)| (c.col, w[k.min(w.len())..].join(" "))).collect::<Vec<_>>());
        if let Some(labels) = labels.find(|l: &Vec<(u32, String)>| l.iter().all(|(_, l)| period(l))) {
            out.push((f, labels));
        }
    }
    out
}

/// The columns of a table that count what was done: its count where it has no results'
/// column ("Số lượng", "Khối lượng", "Thực hiện"), and the count's unit ("Đơn vị tính", "ĐVT"), beside
/// it or in the results' group ("Kết quả" over "Số lượng | Đơn vị tính").
struct CountColumns {
    /// A column of no field counting what was done, in a table with no results' column.
    quantity: Option<u32>,
    /// The columns of no field giving units ("Đơn vị tính"), of a count or of the budget
    /// (a table may have one for each: "Số lượng | ĐVT | Kinh phí | ĐVT").
    units: Vec<u32>,
    /// The results' column of a group that gives their unit.
    result_unit: Option<u32>,
}

impl CountColumns {
    fn of(header: &crate::ingest::header::Header) -> CountColumns {
        let names_unit = |h: &str| {
            let key = fold(h);
            UNIT_LABELS.iter().any(|p| crate::ingest::header::starts_with_words(&key, p))
        };
        let quantity = header.col(Field::Result).is_none().then(|| {
            header
                .others
                .iter()
                // ("Thực hiện" beside "Chỉ tiêu" or "Kế hoạch": what was achieved of the target.)
                .find(|(_, h)| {
                    matches!(fold(h).as_str(), "so luong" | "khoi luong" | "so luong thuc hien" | "khoi luong thuc hien" | "thuc hien")
                })
                .map(|(c, _)| *c)
        });
        let results: Vec<&crate::ingest::header::Column> = header.columns.iter().filter(|c| c.field == Field::Result).collect();
        // (The group's header and its column's, in one text: the unit's words end it.)
        let result_unit = match results.as_slice() {
            [_, _, ..] => results.iter().skip(1).find(|c| {
                let key = fold(&c.header);
                UNIT_LABELS.iter().any(|p| key.ends_with(p))
            }),
            _ => None,
        };
        CountColumns {
            quantity: quantity.flatten(),
            units: header.others.iter().filter(|(_, h)| names_unit(h)).map(|(c, _)| *c).collect(),
            result_unit: result_unit.map(|c| c.col),
        }
    }
}

/// Whether a result is a count alone: figures ("2", "1.500", "12,5").
fn is_count(result: &str) -> bool {
    !result.is_empty()
        && result.bytes().any(|b| b.is_ascii_digit())
        && result.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b' '))
}

/// Adds a cell of a column kept in the note after its header: "Địa điểm: Seoul".
/// A line labelled, a colon after the label, with a field an activity's row takes from a
/// line under it ("Kinh phí: 30 triệu", "Kết quả: 200 đại biểu", "Tình trạng: Hoàn thành"),
/// or with a card's label kept in its note ("Địa điểm: Hà Nội", "Ghi chú: …"), as
/// `labelled` reads a report typed as lines: the field (`None` for the note), the label as
/// written and the value.
fn labelled_line(t: &str) -> Option<(Option<Field>, String, String)> {
    let t = t.trim_start_matches(BULLETS).trim_start();
    let (label, _) = t.split_once([':', '：'])?;
    let (field, label, value, _) = labelled(t, (0, 0), None, card_label(label))?;
    let Cell::Text(value) = value else { return None };
    match field {
        Some(Field::Budget | Field::Result | Field::Status) => Some((field, label, value)),
        Some(Field::Note) | None => Some((None, label, value)),
        _ => None,
    }
}

/// An activity's cell whose lines after the first give its result under a label ("Tổ chức
/// hội nghị quán triệt\nKết quả: 120 đại biểu"): the lines before it, and the result with
/// the lines after it.
fn result_within(cell: &str) -> Option<(String, String)> {
    let lines: Vec<&str> = cell.lines().collect();
    let (at, value) = (1..lines.len()).find_map(|i| match labelled_line(lines[i]) {
        Some((Some(Field::Result), _, value)) => Some((i, value)),
        _ => None,
    })?;
    let result = std::iter::once(value.as_str()).chain(lines[at + 1..].iter().copied()).collect::<Vec<_>>().join("\n");
    Some((lines[..at].join("\n").trim().to_string(), result.trim().to_string()))
}

fn add_to_note(note: &mut String, head: &str, value: &str) {
    if !note.is_empty() {
        note.push_str("; ");
    }
    // (A cell under no header, beside a line of a report typed as lines: as written.)
    if !head.is_empty() {
        note.push_str(head.trim_end_matches(':'));
        note.push_str(": ");
    }
    note.push_str(value);
}

/// Between a file's name and the agency whose part of it a part is ("Câu trả lời.xlsx |
/// Sở Ngoại vụ"): a character no Windows file name has.
pub const PART: &str = " | ";

/// The file a part of one comes from (`PART`).
pub fn source_file(file: &str) -> &str {
    file.split(PART).next().unwrap_or(file)
}

fn next_in_row(sheet: &SheetData, i: usize) -> Option<&Cell> {
    let row = sheet.top[i].row;
    sheet.top[i + 1..].iter().take_while(|c| c.row == row).map(|c| &c.cell).find(|c| !c.is_empty())
}

/// The task currently in force while reading down a sheet, and where it came from.
#[derive(Clone)]
struct Current {
    matched: Match,
    written: String,
    /// From a heading row or merged cell (rows under it belong to it without a flag), or
    /// from the previous activity row (flagged).
    heading: bool,
}

/// Whether a cell's text is only dashes, dots or slashes ("-", "…"): nothing said.
fn dashes_only(t: &str) -> bool {
    crate::ingest::is_placeholder_text(t) && !t.bytes().any(|b| b.is_ascii_digit())
}

/// What rows are read against: the plan, its assignments for the year, and the task
/// references resolved so far.
struct Against<'a> {
    plan: &'a Plan,
    /// The reporting year.
    year: i32,
    roles: &'a Roles,
    cache: &'a TextCache,
    index: &'a AgencyIndex,
}

/// In a table with no status column, a column of no field whose every cell is a short status
/// ("Nhận xét", "Tình hình thực hiện (đã/đang/chưa)", or one set aside beside the result's,
/// "Tự đánh giá kết quả", "Kết quả/Tiến độ": "Hoàn thành", "Đang thực hiện") becomes the
/// status column: each row was `status_missing`, its status word in the note. One of them
/// at least must be a status said outright ("Hoàn thành", "Đang thực hiện"), not only a
/// word a column of when may hold ("Hằng năm", "Thường xuyên"); nor is a column of when
/// ("Thời gian") read so.
fn status_in_words(sheet: &mut SheetData) {
    const OUTRIGHT: &[&str] = &[
        "hoan thanh",
        "da hoan thanh",
        "chua hoan thanh",
        "dang thuc hien",
        "da thuc hien",
        "chua thuc hien",
        "dang trien khai",
        "da trien khai",
        "chua trien khai",
    ];
    const WHEN: &[&str] = &["thoi gian", "thoi han", "thoi diem", "ngay", "thang", "quy", "nam", "ky"];
    let Some(header) = &sheet.header else { return };
    if header.has_status() || header.others.is_empty() {
        return;
    }
    let rows = &sheet.rows;
    let in_words = |col: u32, head: &str| {
        let key = fold(head);
        if WHEN.iter().any(|w| crate::ingest::header::starts_with_words(&key, w)) {
            return false;
        }
        let (mut any, mut outright) = (false, false);
        for row in rows {
            match extra_cell(row, col) {
                None => {}
                Some(Cell::Text(t)) if t.split_whitespace().nth(8).is_none() && values::status(t) != Status::Unknown => {
                    any = true;
                    let key = fold(t);
                    outright |= OUTRIGHT.iter().any(|w| crate::ingest::header::starts_with_words(&key, w));
                }
                Some(_) => return false,
            }
        }
        any && outright
    };
    if let Some(at) = header.others.iter().position(|(col, head)| in_words(*col, head)) {
        column_becomes(sheet, at, Field::Status);
    }
}

/// In a table with no task column, a column of no field whose every cell names a task of
/// the plan by its code or number ("Mã", "Số hiệu nhiệm vụ", "STT nhiệm vụ", "Thuộc mục"
/// over "NV1", "II.4", "Nhiệm vụ 3"): the task column. Each row was `task_missing`, its
/// task's code in the note. A cell of figures alone is no code (a count, a row number).
fn task_codes_column(sheet: &mut SheetData, plan: &Plan, cache: &TextCache) {
    let Some(header) = &sheet.header else { return };
    if header.col(Field::Task).is_some() || header.others.is_empty() {
        return;
    }
    let rows = &sheet.rows;
    let codes = |col: u32| {
        let mut one = false;
        for row in rows {
            match extra_cell(row, col) {
                None => {}
                Some(Cell::Text(t)) if t.len() <= 24 && t.bytes().any(|b| b.is_ascii_digit()) && t.chars().any(char::is_alphabetic) => {
                    match cache.resolve(plan, t) {
                        Match::One(_) => one = true,
                        // (A code the plan has not, "NV25", is still a code: `task_unknown`.)
                        Match::Ambiguous(_) => {}
                        Match::None if matching::numbered(t) => {}
                        Match::None => return false,
                    }
                }
                Some(_) => return false,
            }
        }
        one
    };
    if let Some(at) = header.others.iter().position(|(col, _)| codes(*col)) {
        column_becomes(sheet, at, Field::Task);
    }
}

/// In a table with no activity column, a second task column beside the first ("Nhiệm vụ |
/// Nhiệm vụ trọng tâm | Kết quả", "Nhiệm vụ | Nội dung nhiệm vụ") whose texts, most of
/// them, name no task of the plan: the clerk's own work for the task, the activity. (It
/// went to the note, and each row had no activity.) Not one that copies the tasks' titles,
/// nor one headed by the task's name ("Tên nhiệm vụ"), which a shortened title may fail
/// to match.
fn activity_in_second_task_column(sheet: &mut SheetData, plan: &Plan, cache: &TextCache) {
    let Some(header) = &sheet.header else { return };
    if header.col(Field::Activity).is_some() || header.col(Field::Task).is_none() {
        return;
    }
    let rows = &sheet.rows;
    let work = |col: u32, head: &str| {
        if crate::ingest::header::classify(head) != Some(Field::Task) || crate::text::contains_words(&fold(head), "ten") {
            return false;
        }
        let (mut named, mut own) = (0, 0);
        for row in rows {
            match extra_cell(row, col) {
                None => {}
                Some(Cell::Text(t)) => {
                    let names = !matches!(cache.resolve(plan, t), Match::None) || !matches!(matching::heading_words(plan, t), Match::None);
                    if names {
                        named += 1;
                    } else {
                        own += 1;
                    }
                }
                Some(_) => return false,
            }
        }
        own > named
    };
    if let Some(at) = header.others.iter().position(|(col, head)| work(*col, head)) {
        column_becomes(sheet, at, Field::Activity);
    }
}

/// A row's cell, not blank, in a column of no field.
fn extra_cell(row: &crate::ingest::RawRow, col: u32) -> Option<&Cell> {
    row.extra.iter().find(|(c, v)| *c == col && !v.is_empty()).map(|(_, v)| v)
}

/// The header's column of no field at `at` (in `others`) becomes one of `field`, its cells
/// moved from each row's cells of no field to the field's.
fn column_becomes(sheet: &mut SheetData, at: usize, field: Field) {
    let Some(header) = sheet.header.as_mut() else { return };
    let (col, head) = header.others.remove(at);
    header.columns.push(crate::ingest::header::Column { field, col, header: head });
    header.columns.sort_by_key(|c| c.col);
    for row in &mut sheet.rows {
        if let Some(i) = row.extra.iter().position(|(c, _)| *c == col) {
            let (_, cell) = row.extra.remove(i);
            row.cells.push((field, col, cell));
        }
    }
}

/// Reads the activity rows of one sheet. Returns the rows and how many rows were read that
/// are no activity of their own (totals rows, lines joined to the row above).
fn read_rows(
    against: &Against,
    agency: Option<&str>,
    file: &str,
    sheet: &mut SheetData,
    problems: &mut Vec<Problem>,
    narrative: &mut narrative::Narrative,
) -> (Vec<Row>, usize) {
    let Against { plan, year, roles, cache, index } = *against;
    status_in_words(sheet);
    task_codes_column(sheet, plan, cache);
    activity_in_second_task_column(sheet, plan, cache);
    let Some(header) = &sheet.header else {
        return (Vec::new(), 0);
    };
    // Where a finding about the whole table points: the header's first cell.
    let header_cell = || a1(header.first_row, header.columns.iter().map(|c| c.col).filter(|&c| c < LABELLED_COLUMN).min().unwrap_or(0));
    // A table whose header names neither activities nor results (the columns that hold
    // them go by words not recognised) reads no activity: said, not left silent.
    if header.col(Field::Activity).is_none() && header.col(Field::Result).is_none() && !sheet.rows.is_empty() {
        let names = header.columns.iter().map(|c| tidy(&c.header)).collect::<Vec<_>>().join(" | ");
        problems.push(Problem::at(file, &sheet.name, header_cell(), Kind::NoActivityColumn, names));
    }
    let no_status_column = !header.has_status();
    // The one task the plan gives the agency, where it gives one only (looked for at the
    // first row that names no task).
    let only_task = std::cell::OnceCell::new();
    let only_task = || {
        only_task
            .get_or_init(|| {
                let mut given = roles.keys().filter(|(a, _)| Some(a.as_str()) == agency).map(|(_, t)| t);
                match (given.next(), given.next()) {
                    (Some(t), None) => Some(t.clone()),
                    _ => None,
                }
            })
            .as_ref()
    };
    let labelled_sheet = header.columns.iter().any(|c| c.col >= LABELLED_COLUMN);
    let mut without_status = 0;
    // The budget's unit: in its header, else on the sheet's "Đơn vị tính: …" line above the
    // table (which names the unit of every amount in it), else millions (or đồng, below).
    let stated = header
        .col(Field::Budget)
        .and_then(|c| Unit::named(&c.header))
        .or_else(|| sheet.top.iter().find_map(|c| label_value(&c.cell.text(), UNIT_LABELS).and_then(Unit::named)));
    // The codes the form gives its statuses ("1: Hoàn thành; 2: Đang thực hiện"), in the
    // status column's header or a line above the table: looked for at the first status
    // that is no word (most tables have none).
    let legend = std::cell::OnceCell::new();
    let legend = || {
        legend.get_or_init(|| {
            header
                .col(Field::Status)
                .map(|c| values::status_legend(&c.header))
                .filter(|l| !l.is_empty())
                .or_else(|| sheet.top.iter().map(|c| values::status_legend(&c.cell.text())).find(|l| !l.is_empty()))
                .unwrap_or_default()
        })
    };
    // Budget columns in a foreign currency ("Kinh phí (USD)"): no amount in đồng.
    let foreign_cols: Vec<(u32, &str)> = header
        .columns
        .iter()
        .filter(|c| c.field == Field::Budget)
        .filter_map(|c| values::foreign_currency(&c.header).map(|code| (c.col, code)))
        .collect();
    // No unit written ("Kinh phí"), and amounts of a million and more that read only as
    // đồng ("15.000.000"), none that reads only as millions ("15"): đồng, said once. (Each
    // amount was `budget_unit_suspect`, none counted.)
    let unit = stated.unwrap_or_else(|| {
        // (Not where a column of units gives each row's, "Đơn vị tính": "đồng".)
        let Some(col) = header.col(Field::Budget).filter(|_| CountColumns::of(header).units.is_empty()) else {
            return Unit::Million;
        };
        let (mut gain, mut loss) = (0, 0);
        for r in &sheet.rows {
            match budget_of(r, Unit::Million, &foreign_cols).0 {
                Budget::Suspect(m) if m >= 1e6 => match budget_of(r, Unit::Dong, &foreign_cols).0 {
                    Budget::Millions(_) => gain += 1,
                    _ => loss += 1,
                },
                Budget::Millions(_) if !matches!(budget_of(r, Unit::Dong, &foreign_cols).0, Budget::Millions(_)) => loss += 1,
                _ => {}
            }
        }
        if gain == 0 || loss > 0 {
            return Unit::Million;
        }
        problems.push(Problem::at(file, &sheet.name, a1(header.first_row, col.col), Kind::BudgetUnitGuessed, tidy(&col.header)));
        Unit::Dong
    });
    // A column's header as the note names it.
    let head_of = |f: Field| header.col(f).map_or(String::new(), |c| tidy(&c.header));
    // Which of two amounts in one budget cell is the money spent, where the header names
    // both ("Kinh phí (Dự toán/Thực hiện)").
    let pair_spent = header.col(Field::Budget).and_then(|c| crate::ingest::header::spent_of_pair(&c.header));
    let mut out: Vec<Row> = Vec::new();
    // Rows that are no activity of their own: totals rows, and lines that go on with the
    // row above.
    let mut totals = 0;
    // Where the last activity row (or a line joined to it) is on the sheet.
    let mut last_at: Option<u32> = None;
    // A sheet per task: without a task column, the sheet's name says the task.
    let mut current: Option<Current> = match header.col(Field::Task) {
        None => match cache.resolve(plan, &sheet.name) {
            m @ Match::One(_) => Some(Current { matched: m, written: sheet.name.clone(), heading: true }),
            _ => None,
        },
        Some(_) => None,
    }
    // A sheet of work outside the plan's tasks ("Nhiệm vụ khác"): its rows are that, with a
    // task column those that leave it blank. (Each was `task_missing`.)
    .or_else(|| matching::outside_plan(&sheet.name).then(|| Current { matched: Match::None, written: sheet.name.clone(), heading: true }));
    let sheet_task = current.clone();
    // Rows read from a report typed as lines, each with its task's heading or none: a line
    // with none, under a section after a task's lines ("II. CÁC NHIỆM VỤ PHỐI HỢP"), is no
    // line of the task above.
    let from_lines = header.col(Field::Task).is_some_and(|c| c.col == TASK);
    // Under a heading of the work planned for a later year ("II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM
    // 2025"), down to the next section: the heading, its rows not this year's. Also such a
    // heading just over the table's header, a table of its own under the report's ("Nhiệm vụ
    // | Hoạt động | Thời gian"): its rows were this year's activities, their tasks reported.
    let mut later: Option<String> = sheet
        .top
        .iter()
        .filter(|c| c.row < header.first_row && c.row + 3 >= header.first_row)
        .max_by_key(|c| (c.row, std::cmp::Reverse(c.col)))
        .and_then(|c| match &c.cell {
            Cell::Text(t) if later_plan(t, year) => Some(tidy(t)),
            _ => None,
        });
    // Whether a totals row was read: a split of the total by source may follow it.
    let mut seen_total = false;
    let resolve = |text: &str| cache.resolve(plan, text);
    let groups = group_rows(&sheet.rows);
    // The next row's task as written ("" where it leaves it blank, taking this one's), of each
    // row that reports nothing (no result, status or money): a heading, perhaps.
    let blank = |r: &crate::ingest::RawRow, f: Field| r.get(f).is_none_or(|(c, _)| c.is_empty());
    let task_below: std::collections::HashMap<u32, String> = sheet
        .rows
        .windows(2)
        .filter(|w| [Field::Result, Field::Status, Field::Budget].into_iter().all(|f| blank(&w[0], f)))
        .map(|w| (w[0].row, w[1].get(Field::Task).map(|(c, _)| c.text()).unwrap_or_default()))
        .collect();
    // The money of each group's rows added up (not its rows that group others in turn).
    let group_sums: std::collections::HashMap<u32, f64> = groups
        .iter()
        .map(|(&g, &until)| {
            let sum = sheet
                .rows
                .iter()
                .filter(|r| r.row > g && r.row <= until && !groups.contains_key(&r.row))
                .filter_map(|r| match budget_of(r, unit, &foreign_cols).0 {
                    Budget::Millions(m) => Some(m),
                    _ => None,
                })
                .sum();
            (g, sum)
        })
        .collect();
    let (mut group_sum, mut sheet_sum) = (0.0f64, 0.0f64);
    // A sum with no label over the rows it adds up, the first row under the header (a
    // total put first, its money alone): that row. (It was an activity with no task, its
    // money counted twice.)
    let total_first: Option<u32> = {
        let mut rows = sheet.rows.iter();
        let money_alone =
            |r: &&crate::ingest::RawRow| !r.cells.is_empty() && r.extra.is_empty() && r.cells.iter().all(|(f, _, _)| *f == Field::Budget);
        rows.next().filter(money_alone).and_then(|first| {
            let amount = |r: &crate::ingest::RawRow| match budget_of(r, unit, &foreign_cols).0 {
                Budget::Millions(m) => m,
                _ => 0.0,
            };
            let total = amount(first);
            let rest: f64 = rows.map(amount).sum();
            (total > 0.0 && (rest - total).abs() <= 0.001f64.max(total * 0.005)).then_some(first.row)
        })
    };
    // The same for results that are a count alone ("2", "15"), as a sum under them adds.
    let (mut count_group, mut count_sheet) = (0.0f64, 0.0f64);
    // Totals rows whose figure the rows above do not give: checked again at the end of the
    // sheet against the rows under them (a total written over its rows, as forms often put
    // "TỔNG CỘNG" first) and the whole sheet.
    let mut pending: Vec<PendingTotal> = Vec::new();
    let signing_row = sheet.signing_row;
    // The header's texts, tidied as the cells are, to tell it written again further down
    // (a copy of it: compared as written, so that no row's text is folded for this).
    let header_keys: Vec<(Field, String)> = header.columns.iter().map(|c| (c.field, tidy(&c.header))).collect();
    let period_labels = period_labels(header);
    let counted = CountColumns::of(header);
    // A column of the year each row's activity is of ("Năm", "Năm thực hiện"), in a table
    // kept over several years: a row of another year is not this year's.
    let year_col = header
        .others
        .iter()
        .find(|(_, h)| matches!(fold(h).as_str(), "nam" | "nam thuc hien" | "nam to chuc" | "nam bao cao"))
        .map(|(col, _)| *col);
    // Columns headed by the plan's tasks, ticked on each row ("Nội dung hoạt động | NV1 |
    // NV2 | NV3", marked "x"), where there is no task column: the row's task is the one
    // ticked (several ticked: the task cell "NV1, NV3" would say the same).
    let task_ticks: Vec<(u32, String)> = if header.col(Field::Task).is_none() {
        header
            .others
            .iter()
            // (A task's code or number as such, "NV1", "IV.4", "Nhiệm vụ 2"; not a bare "1".)
            .filter(|(_, h)| h.len() <= 20 && h.bytes().any(|b| b.is_ascii_digit()) && !crate::ingest::header::is_row_number(h))
            .filter_map(|(col, h)| match cache.resolve(plan, h) {
                Match::One(code) => Some((*col, code)),
                _ => None,
            })
            .collect()
    } else {
        Vec::new()
    };
    let task_ticks = if task_ticks.len() >= 2 { task_ticks } else { Vec::new() };
    // A second task column, set aside ("Nhiệm vụ chủ trì | Nhiệm vụ phối hợp"): a row that
    // leaves the task column blank and writes its task there has that task (it took the
    // task of the row above, the one written kept in its note).
    let task_columns: Vec<u32> = match header.col(Field::Task) {
        Some(_) => header.others.iter().filter(|(_, h)| crate::ingest::header::classify(h) == Some(Field::Task)).map(|(c, _)| *c).collect(),
        None => Vec::new(),
    };
    // A done column alone, with no column for work in progress or not started ("Hoàn
    // thành (Có/Không)"): answered yes or no on each row.
    let lone_done = header.col(Field::StatusInProgress).is_none() && header.col(Field::StatusNotStarted).is_none();
    for raw in &mut sheet.rows {
        let row_at = raw.row;
        // The cell a finding names: where the field's cell stands; for a field a report
        // written as labelled lines leaves out, the row's line.
        let places = std::mem::take(&mut raw.places);
        let own_col = raw.cells.iter().map(|c| c.1).filter(|&c| c < LABELLED_COLUMN).min().unwrap_or(0);
        let at = |col: u32| match places.iter().find(|p| p.0 == col) {
            Some(&(_, r, c)) => a1(r, c),
            None if col >= LABELLED_COLUMN => a1(row_at, own_col),
            None => a1(row_at, col),
        };
        // A line with no status (or no result) of its own, in a report written as lines
        // some of which are labelled: read as if there were no such column.
        let no_status_column = no_status_column || labelled_sheet && raw.get(Field::Status).is_none();
        let no_result_column = header.col(Field::Result).is_none() || labelled_sheet && raw.get(Field::Result).is_none();
        let other_year = year_col.and_then(|col| raw.extra.iter().find(|(c, _)| *c == col)).and_then(|(col, cell)| {
            let written = match cell {
                Cell::Number(n) if n.fract() == 0.0 => *n as i32,
                Cell::Text(t) => t.trim().parse().ok()?,
                _ => return None,
            };
            ((2000..2100).contains(&written) && written != year).then_some((*col, written))
        });
        if let Some((col, written)) = other_year {
            let texts: Vec<String> = raw.cells.iter().filter(|(f, _, _)| *f != Field::Stt).map(|(_, _, c)| tidy(&c.text())).collect();
            let detail = format!("{written}: {}", texts.join(" | ").chars().take(120).collect::<String>());
            problems.push(Problem::at(file, &sheet.name, at(col), Kind::RowOtherYear, detail));
            totals += 1;
            continue;
        }
        let mut flags = Vec::new();
        let mut problem = |flags: &mut Vec<Kind>, col: u32, kind: Kind, detail: String| {
            flags.push(kind);
            problems.push(Problem::at(file, &sheet.name, at(col), kind, detail));
        };
        // Text of a field, taken from the cell (each text field is read once); a formula
        // error is flagged and read as empty.
        let mut read = |cell: Option<(Cell, u32)>, flags: &mut Vec<Kind>| -> String {
            match cell {
                Some((Cell::Error(e), col)) => {
                    problem(flags, col, cell_error(&e), e);
                    String::new()
                }
                Some((c, col)) => {
                    let mut raw = c.into_text();
                    // A cell longer than any cell a spreadsheet shows is cut, and flagged.
                    if raw.len() > MAX_TEXT {
                        let n = raw.chars().count();
                        if n > MAX_TEXT {
                            problem(flags, col, Kind::TextTruncated, n.to_string());
                            raw = raw.chars().take(MAX_TEXT).collect();
                        }
                    }
                    match crate::text::legacy::to_unicode(&raw) {
                        Some((converted, enc)) => {
                            problem(flags, col, Kind::LegacyEncoding, enc.name().to_string());
                            tidy(&converted)
                        }
                        None => tidy_owned(raw),
                    }
                }
                None => String::new(),
            }
        };
        // (The unit of a count under the results' group is not joined to it as another text;
        // a count where the table has no results' column is its result: both read below.)
        let result_unit = counted.result_unit.and_then(|col| raw.take_at(Field::Result, col));
        let quantity = counted.quantity.and_then(|col| raw.take_extra(col));
        let mut text = |f: Field, flags: &mut Vec<Kind>| {
            let labels = period_labels.iter().find(|(g, _)| *g == f).map_or(&[][..], |(_, l)| l.as_slice());
            read(raw.take_labelled(f, labels), flags)
        };
        let stt = text(Field::Stt, &mut flags);
        let mut task_text = text(Field::Task, &mut flags);
        let mut activity = text(Field::Activity, &mut flags);
        let mut result = text(Field::Result, &mut flags);
        // Its result on a labelled line of the activity's cell, where the row gives none
        // ("Tổ chức hội nghị\nKết quả: 120 đại biểu": the result was left in the activity).
        if result.is_empty() && activity.contains('\n') {
            if let Some((own, said)) = result_within(&activity) {
                (activity, result) = (own, said);
            }
        }
        // A dash or dots in a column of words stand for nothing ("Khó khăn: -"): read as
        // empty (not a zero, which may be a share in the status column).
        let mut said = |f: Field, flags: &mut Vec<Kind>| Some(text(f, flags)).filter(|t| !dashes_only(t)).unwrap_or_default();
        let status_text = said(Field::Status, &mut flags);
        // ("Không", "Không có khó khăn": none to list.)
        let difficulties = Some(said(Field::Difficulties, &mut flags)).filter(|t| !values::says_none(t)).unwrap_or_default();
        let proposals = Some(said(Field::Proposals, &mut flags)).filter(|t| !values::says_none(t)).unwrap_or_default();
        let mut note = said(Field::Note, &mut flags);
        // The note column's own text; other columns' cells are added to the note after their
        // headers ("Hoàn thành (Có/Không): Không"), whose words say no status of the row.
        let own_note = note.len();
        let role_text = text(Field::Role, &mut flags);
        // A column naming the agency on each row ("Đơn vị thực hiện"): where a row names
        // another than the sender (a partner that carried it out, a body of a district's
        // combined table), kept in the note like a column of no field.
        let row_agency = text(Field::Agency, &mut flags);
        let mut count_unit = result_unit.map(|cell| read(Some(cell), &mut flags)).filter(|u| !u.is_empty());
        // A table with no results' column, its count in one ("Số lượng"): the count is the
        // result.
        let quantity_col = quantity.as_ref().map(|(_, c)| *c);
        if let Some(cell) = quantity {
            result = read(Some(cell), &mut flags);
        }
        // A zero or a dash the only thing beside a task ("NV2 | | | 0", a form listing every
        // task with its budget formula): the task is not reported on, the row is a heading.
        let said_nothing = [&activity, &result, &status_text, &difficulties, &proposals].iter().all(|t| t.is_empty())
            && [Field::StatusDone, Field::StatusInProgress, Field::StatusNotStarted].iter().all(|f| raw.get(*f).is_none());
        if said_nothing && raw.get(Field::Budget).is_some_and(|(c, _)| c.is_placeholder()) {
            raw.take(Field::Budget);
        }
        if !row_agency.is_empty() && !matches!((index.name(&row_agency), agency), (Match::One(c), Some(a)) if c == a) {
            add_to_note(&mut note, &head_of(Field::Agency), &row_agency);
        }
        // Cells under headers of no field ("Thời gian thực hiện", "Địa điểm") are kept in
        // the note, each after its header: "Địa điểm: Hội trường UBND tỉnh".
        // A column of units beside the budget ("Đơn vị tính": "đồng") gives the row's.
        // A role ticked in a column of its own ("Chủ trì | Phối hợp" marked "x") is the role
        // written.
        let (mut note_col, mut row_unit, mut ticked_role) = (None, None, None);
        let mut ticked_tasks: Vec<&str> = Vec::new();
        // Cells under no header (beside a line of a report typed as lines).
        let mut beside: Vec<String> = Vec::new();
        for (col, cell) in std::mem::take(&mut raw.extra) {
            let value = read(Some((cell, col)), &mut flags);
            // (The year column's own year says nothing more.)
            if value.is_empty() || (Some(col) == year_col && value == year.to_string()) {
                continue;
            }
            let head = header.others.iter().find(|(c, _)| *c == col).map_or(String::new(), |(_, h)| tidy(h));
            // (Only a task's reference: a second column of the task's words, "Nội dung nhiệm
            // vụ", under a task cell left blank for the row above's, stays in the note.)
            if task_text.is_empty() && task_columns.contains(&col) && !matches!(resolve(&value), Match::None) {
                task_text = value;
                continue;
            }
            if let Some((_, code)) = task_ticks.iter().find(|(c, _)| *c == col).filter(|_| values::ticked(&Cell::Text(value.clone()))) {
                ticked_tasks.push(code);
                continue;
            }
            let role_head = matches!(fold(&head).as_str(), "chu tri" | "phoi hop");
            if role_head && values::ticked(&Cell::Text(value.clone())) {
                ticked_role = ticked_role.or(Some((head, col)));
                continue;
            }
            let unit_column = counted.units.contains(&col);
            if header.col(Field::Budget).is_some() && crate::ingest::header::is_unit(&value) && unit_column {
                if let Some(u) = Unit::named(&value) {
                    row_unit = Some(u);
                    continue;
                }
            }
            // The unit of the row's count ("Hội nghị", "lượt"), after it.
            if unit_column && count_unit.is_none() && is_count(&result) {
                count_unit = Some(value);
                continue;
            }
            note_col = note_col.or(Some(col));
            add_to_note(&mut note, &head, &value);
            if head.is_empty() {
                beside.push(value);
            }
        }
        // A count's unit in a column of its own ("Số lượng | Đơn vị tính", "Kết quả | ĐVT"):
        // after its count, as the count is read ("2 Hội nghị"; it was "2; Hội nghị", or the
        // count in the note, "Đơn vị tính: Hội nghị; Số lượng: 2", and no result).
        if let Some(unit) = count_unit {
            match is_count(&result) {
                true => result = format!("{result} {unit}"),
                false if result.is_empty() => result = unit,
                false => result = format!("{result}; {unit}"),
            }
        }
        // (Where the role was ticked, its finding points at the tick.)
        let (role_text, role_col) = match ticked_role {
            Some((ticked, col)) if role_text.is_empty() => (ticked, Some(col)),
            _ => (role_text, header.col(Field::Role).map(|c| c.col)),
        };
        let mut ticks: Vec<(Status, bool)> = Vec::new();
        // A done column alone answered no ("Không", "Chưa"): not done, in progress as "Chưa
        // hoàn thành" is.
        let answered_no = |cell: &Cell| match cell {
            Cell::Number(n) => *n == 0.0,
            Cell::Bool(b) => !b,
            Cell::Text(t) => matches!(fold(t).as_str(), "khong" | "chua" | "chua xong" | "0"),
            _ => false,
        };
        if raw.get(Field::StatusDone).is_some_and(|(c, _)| lone_done && answered_no(c)) {
            ticks.push((Status::InProgress, true));
        }
        for (f, s) in [
            (Field::StatusDone, Status::Done),
            (Field::StatusInProgress, Status::InProgress),
            (Field::StatusNotStarted, Status::NotStarted),
        ] {
            let Some((cell, col)) = raw.get(f) else { continue };
            if f == Field::StatusDone && lone_done && answered_no(cell) {
                continue;
            }
            let head = || header.columns.iter().find(|c| c.col == col).map_or(String::new(), |c| tidy(&c.header));
            // A date or a count in the box ("Hoàn thành" holding 15/06/2024, or 3) marks it
            // and is kept in the note.
            if let Cell::Date(_) | Cell::Number(_) = cell {
                let value = cell.text();
                let marked = !matches!(value.as_str(), "0" | "1");
                if marked {
                    add_to_note(&mut note, &head(), &value);
                }
                ticks.push((s, marked || values::ticked(cell)));
                continue;
            }
            if values::ticked(cell) {
                ticks.push((s, true));
                continue;
            }
            // Words written in a tick box's column ("Hoàn thành | Chưa hoàn thành" holding
            // "Đã tổ chức 2 lớp" | "Còn 1 lớp") mark it, and are the row's result where it
            // has none, else kept in its note; words that say a status say the row's.
            let written = match cell {
                Cell::Text(t) if !values::unticked(t) => tidy(t),
                _ => String::new(),
            };
            if written.is_empty() {
                ticks.push((s, false));
                continue;
            }
            // ("Chưa", "Không …" under "Hoàn thành": what the words say.)
            let key = fold(&written);
            let negated = ["chua", "khong"].iter().any(|w| crate::ingest::header::starts_with_words(&key, w));
            ticks.push((Some(values::status(&written)).filter(|w| negated && *w != Status::Unknown).unwrap_or(s), true));
            if result.is_empty() {
                result = written;
            } else {
                add_to_note(&mut note, &head(), &written);
            }
        }
        // The header written again (over a second table, or after a page break when a
        // table was pasted in pieces) is no activity: its cells are the header's (or the
        // first row's of a two-row header). Its first cell tells: in a data row that is a
        // number or a task, so the check stops there.
        let texts = [
            (&stt, Field::Stt),
            (&task_text, Field::Task),
            (&activity, Field::Activity),
            (&result, Field::Result),
            (&status_text, Field::Status),
        ];
        let repeats = |t: &str, f: Field| {
            let Some((_, head)) = header_keys.iter().find(|(g, _)| *g == f) else { return false };
            !t.is_empty() && (head == t || head.strip_prefix(t).is_some_and(|rest| rest.starts_with(char::is_whitespace)))
        };
        let mut named = texts.iter().filter(|(t, _)| !t.is_empty()).map(|(t, f)| repeats(t, *f));
        if named.next() == Some(true) && named.next() == Some(true) {
            continue;
        }
        // The form's example row, left in ("Ví dụ: Tổ chức hội nghị…"): no activity.
        if [&stt, &task_text, &activity].iter().any(|t| is_example(t)) {
            let col = header.col(Field::Activity).or(header.col(Field::Task)).map_or(0, |c| c.col);
            problems.push(Problem::at(file, &sheet.name, at(col), Kind::ExampleRow, activity.clone()));
            totals += 1;
            continue;
        }
        // The signing block under the table (the signer's name, "Nơi nhận:" and its list)
        // holds no activity; a row there that names a task of the plan is still read.
        if signing_row.is_some_and(|s| row_at >= s) && !matches!(resolve(&task_text), Match::One(_)) {
            narrative.close();
            continue;
        }
        // Difficulties and proposals written under a heading of their own, below the table
        // or between its parts: lines of text in no column of their own, gathered for the
        // report as a whole. A row naming a task of the plan is the table's again.
        // (In a table with no activity column, the result's is the text column.)
        let no_activity_column = header.col(Field::Activity).is_none();
        let text_only = (result.is_empty() || no_activity_column)
            && status_text.is_empty()
            && difficulties.is_empty()
            && proposals.is_empty()
            && raw.get(Field::Budget).is_none()
            && !ticks.iter().any(|(_, t)| *t);
        // A task written as a code or a heading ("NV5", "Nhiệm vụ 5: …"), not a sentence
        // that starts with a number ("1. Đề nghị bố trí thêm kinh phí").
        let names_task = || {
            matches!(resolve(&task_text), Match::One(_))
                && (task_text.split_whitespace().nth(3).is_none() || ["nhiem vu", "nv"].iter().any(|p| fold(&task_text).starts_with(p)))
        };
        if text_only {
            let line = [&stt, &task_text, &activity, &result, &note]
                .iter()
                .filter(|t| !t.is_empty())
                .map(|t| t.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            // A heading's section number may stand in the task column ("II | KHÓ KHĂN…").
            if (narrative::Narrative::is_heading(&line) || !names_task()) && narrative.line(&line) {
                continue;
            }
            if names_task() {
                narrative.close();
            }
            // A footnote to the table ("Ghi chú: số liệu tính đến 30/9", "* Kinh phí ước
            // thực hiện"), in whichever column: no activity, no heading; listed, not dropped.
            let texts = [&stt, &task_text, &activity, &result].into_iter().filter(|t| !t.is_empty()).count();
            // (A star opens a footnote in the first column; in another it may mark an item.)
            let starred = !stt.is_empty() && (stt.starts_with('*') || stt.starts_with("(*)"));
            if texts == 1 && raw.get(Field::Budget).is_none() && (starred || is_footnote(&line)) && !names_task() {
                let col = raw.cells.first().map_or(0, |(_, c, _)| *c);
                problems.push(Problem::at(file, &sheet.name, at(col), Kind::NoteOnlyRow, line));
                totals += 1;
                continue;
            }
        } else {
            narrative.close();
        }
        let (budget, budget_cell, foreign) = budget_of(raw, row_unit.unwrap_or(unit), &foreign_cols);
        // Two amounts in one cell under a header that names them ("Kinh phí (Dự toán/Thực
        // hiện)" holding "20/15"): the money spent, the cell kept in the note (it was
        // `budget_unreadable`).
        let budget = match (budget_cell, pair_spent) {
            (Some((Cell::Text(t), _)), Some(i)) if t.matches('/').count() == 1 => {
                let read = |p: &str| values::budget(&Cell::Text(p.trim().to_string()), row_unit.unwrap_or(unit));
                let parts: Vec<Budget> = t.split('/').map(read).collect();
                if parts.iter().all(|b| matches!(b, Budget::Millions(_))) {
                    add_to_note(&mut note, &head_of(Field::Budget), &tidy(t));
                    parts[i].clone()
                } else {
                    budget
                }
            }
            _ => budget,
        };
        let foreign_noted = foreign.is_some();
        if let Some(Foreign { cell, in_dong, written, col }) = foreign {
            let head = header.columns.iter().find(|c| c.col == col).map_or(String::new(), |c| tidy(&c.header));
            // (Not "Kinh phí: …", which says money with no figure, shown in the budget's cell.)
            let head = if fold(&head) == "kinh phi" { "Kinh phí (ngoại tệ)".to_string() } else { head };
            add_to_note(&mut note, &head, &cell);
            if !in_dong {
                problem(&mut flags, col, Kind::BudgetForeignCurrency, written);
            }
        }

        // Under a totals row, its split by source ("Trong đó: - Ngân sách nhà nước | 20", "-
        // Xã hội hóa | 10"): part of the totals, not activities (each was one, its money
        // counted again).
        if seen_total && result.is_empty() && status_text.is_empty() && budget != Budget::Blank && !ticks.iter().any(|(_, t)| *t) {
            let source = [&stt, &task_text, &activity].into_iter().find(|t| !t.is_empty()).filter(|t| {
                let key = fold(t.trim_start_matches(['-', '–', '+', '•', '*', ' ']));
                let key = key.strip_prefix("trong do ").unwrap_or(&key);
                t.len() <= 80 && key.split(' ').count() <= 6 && values::names_source(key)
            });
            if let Some(label) = source {
                totals += 1;
                let col = budget_cell.map_or(0, |(_, c)| c);
                problems.push(Problem::at(file, &sheet.name, at(col), Kind::TotalsRow, label.clone()));
                continue;
            }
        }
        // A totals row: not an activity; its budget is checked against the rows above.
        // Totals labels are short: longer texts are not folded to find out.
        // A row numbered as a row is an activity whatever its words ("3 | Tổng số 12 lớp tập
        // huấn"); so is one with a status in words, or with a task and a result, unless its
        // label is only a totals word ("Tổng cộng"). A totals row may show a share ("85%").
        let label = [&stt, &task_text, &activity].into_iter().find(|t| t.len() <= 48 && is_totals_label(&fold(t)));
        let is_totals = label.is_some_and(|label| {
            let only_totals = TOTALS.contains(&fold(label).as_str());
            let status_said =
                !status_text.is_empty() && !status_text.contains('%') && values::status_number(&status_text, true) == Status::Unknown;
            let reported = status_said || (!task_text.is_empty() && !result.is_empty());
            !is_row_number(&stt) && (only_totals || !reported)
        });
        if is_totals {
            totals += 1;
            seen_total = true;
            let col = budget_cell.map_or(0, |(_, c)| c);
            // The label as written, so that the row can be told apart where it is listed.
            problems.push(Problem::at(file, &sheet.name, at(col), Kind::TotalsRow, label.cloned().unwrap_or_default()));
            if let Budget::Millions(total) = budget {
                // A subtotal ("Cộng") adds the rows since the previous one; a grand total
                // ("Tổng cộng") the whole sheet. Either reading that adds up is accepted.
                let near = |x: f64| (x - total).abs() <= 0.001f64.max(total.abs() * 0.005);
                let grand = [&stt, &task_text, &activity].iter().any(|t| ["tong", "grand", "total"].iter().any(|w| fold(t).starts_with(w)));
                pending.iter_mut().for_each(|p| p.open = false);
                if !near(group_sum) && !near(sheet_sum) {
                    pending.push(PendingTotal { cell: at(col), total, grand, above: group_sum, below: 0.0, open: true, until: None });
                }
            }
            group_sum = 0.0;
            count_group = 0.0;
            continue;
        }

        // A row of money alone, or of a count alone, that adds up the rows above (Excel's
        // AutoSum under the money or count column, no "Tổng cộng" written beside it): a
        // totals row. (It was an activity of the task above, its money counted twice; a count
        // alone was joined to the result above.)
        let figures_alone =
            [&stt, &task_text, &activity, &status_text, &role_text, &difficulties, &proposals, &note].iter().all(|t| t.is_empty())
                && !ticks.iter().any(|(_, t)| *t);
        let count = count_alone(&result);
        if figures_alone && (result.is_empty() || count.is_some()) {
            let near = |x: f64, total: f64| x > 0.0 && (x - total).abs() <= 0.001f64.max(total.abs() * 0.005);
            let money_adds =
                matches!(budget, Budget::Millions(t) if near(sheet_sum, t) || near(group_sum, t)) || total_first == Some(row_at);
            let count_adds = budget == Budget::Blank && count.is_some_and(|n| near(count_sheet, n) || near(count_group, n));
            if money_adds || count_adds {
                let (col, written) = match budget_cell.filter(|_| money_adds) {
                    Some((cell, col)) => (col, tidy(&cell.text())),
                    None => (header.col(Field::Result).map(|c| c.col).or(quantity_col).unwrap_or(0), result.clone()),
                };
                totals += 1;
                seen_total = true;
                problems.push(Problem::at(file, &sheet.name, at(col), Kind::TotalsRow, written));
                group_sum = 0.0;
                count_group = 0.0;
                continue;
            }
        }

        // A heading of later plans ("II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025"), the row's one text
        // in its number or activity column; the rows under it, down to the next section,
        // listed with their texts and not consolidated.
        let texts = || [&stt, &task_text, &activity, &result, &status_text].into_iter().filter(|t| !t.is_empty());
        let alone = texts().nth(1).is_none() && budget == Budget::Blank && !ticks.iter().any(|(_, t)| *t);
        if let Some(only) = [&stt, &activity].into_iter().find(|t| !t.is_empty()).filter(|_| alone) {
            if later_plan(only, year) {
                later = Some(tidy(only));
                continue;
            }
            // Another section ("III. KIẾN NGHỊ", "PHỤ LỤC"): the later plans end.
            if later.is_some() && (strip_section_label(only) != only.trim_start() || !only.chars().any(char::is_lowercase)) {
                later = None;
            }
        }
        if let (Some(h), false) = (&later, texts().next().is_none() && budget == Budget::Blank) {
            let col = raw.cells.first().map_or(0, |(_, c, _)| *c);
            let joined = texts().map(|t| tidy(t)).collect::<Vec<_>>().join(" | ");
            let detail = format!("{h}: {}", joined.chars().take(120).collect::<String>());
            problems.push(Problem::at(file, &sheet.name, at(col), Kind::RowOtherYear, detail));
            totals += 1;
            continue;
        }
        // A line that goes on with the row above: no number, task, activity, status or
        // budget of its own, only more of its result, difficulties, proposals or note (a
        // list typed one item per row instead of in one cell). Joined to that row.
        let own_nothing = [&stt, &task_text, &status_text, &role_text].iter().all(|t| t.is_empty())
            && budget == Budget::Blank
            && !ticks.iter().any(|(_, t)| *t)
            && last_at.is_some_and(|at| at + 1 == row_at);
        let continues = header.col(Field::Activity).is_some() && own_nothing && activity.is_empty();
        // Or more of its activity: a cell of several lines broken over rows, as a report typed
        // in Word and pasted breaks it ("Tổ chức hội nghị quán triệt" over "theo Kế hoạch số
        // 12/KH-UBND", a sentence going on in small letters), or a detail listed under it ("-
        // Lớp 1 tại Lục Ngạn"), in a table whose rows say their status, under a row that says
        // one. (Each was an activity of its own, its status missing.)
        let goes_on = own_nothing
            && header.has_status()
            && out.last().is_some_and(|prev| prev.status != Status::Unknown && !prev.activity.is_empty())
            && activity.chars().next().is_some_and(|c| c.is_lowercase() || matches!(c, '-' | '–' | '+' | '•' | '*'));
        // Or a row within the number cell of the row above, merged down over it, with no
        // status or budget of its own: a cell of several paragraphs pasted from Word, split
        // into rows, the row's other cells merged over them (each piece was an activity of its
        // own, with the row's result and status).
        let merged_on = raw.within.is_some_and(|w| out.last().is_some_and(|prev| prev.row == w + 1))
            && budget == Budget::Blank
            && last_at.is_some_and(|at| at + 1 == row_at);
        // Or a labelled line under it, in its activity column ("Kinh phí: 30 triệu đồng",
        // "Kết quả: 200 đại biểu", "Địa điểm: Hà Nội"): that field of the row above, as a
        // report typed as lines gives it (each was an activity of its own, its status
        // missing, its money not counted).
        let labelled = (own_nothing && result.is_empty() && difficulties.is_empty() && proposals.is_empty() && note.is_empty())
            .then(|| labelled_line(&activity))
            .flatten()
            .filter(|_| out.last().is_some_and(|prev| !prev.activity.is_empty()));
        if let (Some((field, label, value)), Some(prev)) = (labelled, out.last_mut()) {
            let (label, value) = (label.as_str(), value.as_str());
            // (Money read only where the row above has none.)
            let money = (field == Some(Field::Budget) && prev.budget.is_none())
                .then(|| values::budget(&Cell::Text(value.to_string()), row_unit.or(Unit::named(value)).unwrap_or(unit)));
            match (field, money) {
                (_, Some(Budget::Millions(m))) => prev.budget = Some(m),
                (Some(Field::Result), _) => {
                    if !prev.result.is_empty() {
                        prev.result.push('\n');
                    }
                    prev.result.push_str(value);
                }
                // (Its status, where the table has no column for it and the row said none: the
                // row is no longer counted as missing one.)
                (Some(Field::Status), _)
                    if no_status_column && prev.flags.contains(&Kind::StatusMissing) && values::status(value) != Status::Unknown =>
                {
                    prev.status = values::status(value);
                    prev.flags.retain(|k| *k != Kind::StatusMissing);
                    without_status -= 1;
                }
                _ => add_to_note(&mut prev.note, label, value),
            }
            let col = header.col(Field::Activity).map_or(0, |c| c.col);
            problems.push(Problem::at(file, &sheet.name, at(col), Kind::ContinuedRow, prev.row.to_string()));
            totals += 1;
            last_at = Some(row_at);
            continue;
        }
        if let (true, Some(prev)) = (continues || goes_on || merged_on, out.last_mut()) {
            let mut joined_col = None;
            if goes_on || (merged_on && !activity.is_empty() && !prev.activity.contains(activity.as_str())) {
                prev.activity.push(if activity.starts_with(char::is_lowercase) { ' ' } else { '\n' });
                prev.activity.push_str(&activity);
                joined_col = header.col(Field::Activity).map(|c| c.col);
            }
            for (f, more, into) in [
                (Field::Result, &result, &mut prev.result),
                (Field::Difficulties, &difficulties, &mut prev.difficulties),
                (Field::Proposals, &proposals, &mut prev.proposals),
                (Field::Note, &note, &mut prev.note),
            ] {
                // (What the merged cells repeat is said once.)
                if merged_on && into.contains(more.as_str()) {
                    continue;
                }
                if !more.is_empty() {
                    if !into.is_empty() {
                        into.push('\n');
                    }
                    into.push_str(more);
                    // (A result read from a column of no field of its own, a count's, is
                    // joined all the same: the row is not read again as one of its own.)
                    let first = raw.cells.first().map(|(_, c, _)| *c).or(raw.extra.first().map(|(c, _)| *c));
                    let of_count = quantity_col.filter(|_| f == Field::Result);
                    joined_col = joined_col.or(header.col(f).map(|c| c.col)).or(of_count).or(note_col).or(first).or(Some(0));
                }
            }
            // (A merged row that only repeats its row is part of it all the same.)
            if merged_on && joined_col.is_none() {
                joined_col = header.col(Field::Activity).or(header.col(Field::Stt)).map(|c| c.col);
            }
            if let Some(col) = joined_col {
                prev.flags.extend(flags);
                prev.flags.sort();
                prev.flags.dedup();
                problems.push(Problem::at(file, &sheet.name, at(col), Kind::ContinuedRow, prev.row.to_string()));
                totals += 1;
                last_at = Some(row_at);
                continue;
            }
        }
        let has_content = !activity.is_empty()
            || !result.is_empty()
            || !status_text.is_empty()
            || ticks.iter().any(|(_, t)| *t)
            || budget != Budget::Blank
            || !difficulties.is_empty()
            || !proposals.is_empty();
        // A heading written across the table from its first column ("I. Nhiệm vụ 3: Phát
        // triển…", merged over the row): the task of the rows under it, if it names one; a
        // section title that names none ("II. NHIỆM VỤ PHỐI HỢP") leaves the task as it was.
        // A task named by a number the plan does not have ("Nhiệm vụ 15: …") is the rows'
        // task, unknown, not the one before it.
        if task_text.is_empty() && activity.is_empty() && !has_content && !stt.is_empty() {
            // The section's own number counts only where the heading gives no task number.
            let inner = strip_section_label(&stt);
            let m = match resolve(inner) {
                m @ Match::One(_) => m,
                m if matching::numbered(inner) => m,
                _ => resolve(&stt),
            };
            if !matches!(m, Match::None) || matching::numbered(inner) {
                current = Some(Current { matched: m, written: stt.clone(), heading: true });
            } else if inner == stt.trim_start()
                && stt != crate::template::ADDING_ROWS
                // (Or an item of a list under the table, "- Xây dựng đề án": no heading.)
                && (stt.split_whitespace().nth(5).is_some() || stt.trim_start().starts_with(['-', '–', '+', '•']))
                && stt.chars().any(char::is_lowercase)
                && !opens_with(&stt, &["bang", "bieu", "phan", "muc", "phu luc", "nhiem vu", "cac nhiem vu", "chuong"])
            {
                // A sentence typed across the table ("Trong năm đơn vị đã phối hợp tổ chức
                // thêm 3 hoạt động…"), no heading: listed, not dropped.
                let col = raw.cells.first().map_or(0, |(_, c, _)| *c);
                problems.push(Problem::at(file, &sheet.name, at(col), Kind::NoteOnlyRow, stt.clone()));
                totals += 1;
            }
            continue;
        }
        // A heading row: a task named with nothing reported under it, or a heading
        // written in the activity column ("Nhiệm vụ 1: Tuyên truyền…"), also a task's title
        // numbered as a section ("I | Tuyên truyền, quán triệt…", "1. Tuyên truyền…") where
        // the table has no task column. A title without a section's number stays an
        // activity: it could be one worded like a task.
        // An activity with nothing reported on it: no result, status, money or tick.
        let bare_activity = !activity.is_empty()
            && result.is_empty()
            && status_text.is_empty()
            && budget == Budget::Blank
            && !ticks.iter().any(|(_, t)| *t);
        let activity_only = bare_activity && task_text.is_empty();
        // A section's number ("II", "B").
        let section_number = crate::text::roman(&stt).is_some() || (stt.chars().count() == 1 && stt.chars().all(char::is_alphabetic));
        let section = activity_only && (section_number || (stt.is_empty() && strip_section_label(&activity) != activity));
        let section_task = if section {
            // (Or a few words of its title, "III | QUẢNG BÁ HÌNH ẢNH": each row under it was
            // `task_missing`.)
            match resolve(strip_section_label(&activity)) {
                Match::None => Some(matching::heading_words(plan, strip_section_label(&activity))).filter(|m| !matches!(m, Match::None)),
                m => Some(m),
            }
        } else {
            None
        };
        // ("Nội dung 2: …" too, as a plan whose section II is its "nội dung" numbers them.)
        // (Not a section of the tasks by the agency's part in them, "NHIỆM VỤ CHỦ TRÌ",
        // "Nhiệm vụ phối hợp": no task of the plan; each row under it was `task_unknown` with
        // the section's title.)
        let key = if activity_only { fold(strip_section_label(&activity)) } else { String::new() };
        // A section of work outside the plan's tasks ("III. NHIỆM VỤ KHÁC", "II | CÁC HOẠT
        // ĐỘNG KHÁC", "Nhiệm vụ phát sinh"): its rows are that, down to a task's heading.
        // (Each was `task_missing`, or under a group row `task_unknown`.)
        if activity_only && matching::outside_plan(strip_section_label(&activity)) {
            current = Some(Current { matched: Match::None, written: strip_section_label(&activity).to_string(), heading: true });
            continue;
        }
        let section_of_tasks = ["chu tri", "phoi hop", "duoc giao", "khac", "chung", "cu the", "trong tam", "thuong xuyen"]
            .iter()
            .any(|w| key.strip_prefix("nhiem vu ").is_some_and(|rest| crate::ingest::header::starts_with_words(rest, w)));
        if section_of_tasks && task_text.is_empty() {
            // The tasks under it name themselves; until then, the sheet's own, if any.
            current = sheet_task.clone();
            continue;
        }
        let task_heading =
            activity_only && (key.starts_with("nhiem vu") || (key.starts_with("noi dung ") && matching::numbered(&activity)));
        // A task's row whose activity is only that task's title, whole or shortened ("I | NV3
        // | Phát triển nguồn lực" over "1.1 | | Tập huấn…"), nothing reported on it, the rows
        // under it leaving the task blank (or, under a section's number, naming it again):
        // their heading. (It was an activity of its own, its status missing.)
        let titled = !task_text.is_empty()
            && bare_activity
            && difficulties.is_empty()
            && proposals.is_empty()
            && note.is_empty()
            && match (resolve(&task_text), task_below.get(&row_at)) {
                (Match::One(code), Some(below)) => {
                    let words = strip_section_label(&activity);
                    let same = |m: Match| matches!(m, Match::One(c) if c == code);
                    (below.trim().is_empty() || (section_number && same(resolve(below))))
                        && (same(resolve(words)) || same(matching::heading_words(plan, words)))
                }
                _ => false,
            };
        if (!task_text.is_empty() && !has_content) || task_heading || section_task.is_some() || titled {
            let written = if task_text.is_empty() { activity.clone() } else { task_text.clone() };
            let matched = section_task.unwrap_or_else(|| resolve(&written));
            current = Some(Current { matched, written, heading: true });
            continue;
        }
        // A row over numbered rows of its own ("1 | Tổ chức các hội nghị | … | 50" over
        // "1.1", "1.2"; "I | Nhiệm vụ chủ trì | … | 60" over "1", "2") groups them: no
        // activity of its own (its budget would count twice), listed, its budget checked
        // against theirs. A row with a status of its own is an activity all the same.
        let group = if groups.is_empty() { None } else { groups.get(&row_at) };
        // A row over rows of its own that says its own status ("1 | Tổ chức hội nghị | 2 hội
        // nghị | Hoàn thành | 20" over "1.1 … | 10", "1.2 … | 10") is an activity all the
        // same, but money that is its rows' added up is not counted again (it was): kept in
        // its note.
        let its_rows = match (&budget, group_sums.get(&row_at)) {
            (Budget::Millions(total), Some(sum)) if group.is_some() => (sum - total).abs() <= 1e-6 * total.max(1.0),
            _ => false,
        };
        let (budget, budget_cell) = match budget_cell {
            Some((cell, _)) if its_rows => {
                add_to_note(&mut note, "Kinh phí (cộng các dòng dưới)", &tidy(&cell.text()));
                (Budget::Blank, None)
            }
            _ => (budget, budget_cell),
        };
        if let Some(&until) = group.filter(|_| status_text.is_empty() && !ticks.iter().any(|(_, t)| *t)) {
            let named = if task_text.is_empty() { resolve(strip_section_label(&activity)) } else { resolve(&task_text) };
            let names_task = matches!(named, Match::One(_));
            current = match named {
                Match::None if task_text.is_empty() => sheet_task.clone(),
                m => Some(Current {
                    matched: m,
                    written: if task_text.is_empty() { activity.clone() } else { task_text.clone() },
                    heading: true,
                }),
            };
            // A task's heading over its numbered rows ("1 | Tuyên truyền, quán triệt…" over
            // "1.1", "1.2"), no figure or result of its own: a heading, as any other.
            if names_task && task_text.is_empty() && result.is_empty() && budget == Budget::Blank {
                continue;
            }
            let line = [&stt, &activity, &result].into_iter().filter(|t| !t.is_empty()).map(String::as_str).collect::<Vec<_>>().join(" ");
            let col = header.col(Field::Activity).or(header.col(Field::Stt)).map_or(0, |c| c.col);
            problems.push(Problem::at(file, &sheet.name, at(col), Kind::GroupRow, line));
            totals += 1;
            if let (Budget::Millions(total), Some((_, col))) = (budget, budget_cell) {
                pending.push(PendingTotal { cell: at(col), total, grand: false, above: 0.0, below: 0.0, open: true, until: Some(until) });
            }
            continue;
        }
        if !has_content {
            // A note alone on a row that goes on with no row above (a blank row between, or
            // over the table's first row): listed, not dropped.
            if !note.is_empty() {
                let col = note_col.or(header.col(Field::Note).map(|c| c.col)).unwrap_or(0);
                problems.push(Problem::at(file, &sheet.name, at(col), Kind::NoteOnlyRow, note));
                totals += 1;
            }
            continue;
        }

        // The task: written on the row, else the heading or row above. In a table with no
        // task column, a task's code in the number column ("NV3", "IV.4") is the row's.
        let code_in_number_column = (header.col(Field::Task).is_none()
            && stt.chars().any(|c| c.is_ascii_digit())
            && stt.chars().any(char::is_alphabetic)
            && stt.split_whitespace().nth(1).is_none())
        .then(|| resolve(&stt))
        .filter(|m| matches!(m, Match::One(_)));
        let stt_is_code = code_in_number_column.is_some();
        let in_activity = header.col(Field::Task).is_none().then(|| task_in_activity(&activity)).flatten();
        // A note that is only a task's reference, with its number ("NV1", "Thuộc nhiệm vụ
        // 1", "Nội dung 3"), in a table with no task column: a few words, one task.
        let in_note = (header.col(Field::Task).is_none() && in_activity.is_none() && ticked_tasks.is_empty() && own_note > 0)
            .then(|| note[..own_note].trim())
            // (Its first a letter: "2 lớp" is a count, not task 2.)
            .filter(|t| {
                t.split_whitespace().nth(5).is_none() && t.bytes().any(|b| b.is_ascii_digit()) && t.starts_with(char::is_alphabetic)
            })
            .map(|t| {
                let bare = match t.split_once(char::is_whitespace) {
                    Some((w, rest)) if fold(w) == "thuoc" => rest.trim(),
                    _ => t,
                };
                // A code alone ("NV1", "II.1"), or words that name a task ("Nhiệm vụ 1",
                // "Nội dung 3", "Mục II.1"); not "Số 2", "Lớp 2".
                let key = fold(bare);
                let names = !bare.contains(char::is_whitespace)
                    || ["nv", "nd", "nhiem vu", "noi dung", "muc"].iter().any(|w| crate::ingest::header::starts_with_words(&key, w));
                (if names { resolve(bare) } else { Match::None }, t.to_string())
            })
            .filter(|(m, _)| matches!(m, Match::One(_)));
        // A table with no task column whose content column holds the plan's tasks, word for
        // word ("Nội dung | Kết quả thực hiện", the form listing the tasks), or a task's title
        // and then more ("Tuyên truyền…: tổ chức 2 hội nghị", a title of five words or more):
        // that task. (Each row was `task_missing`.) Looked for only where nothing else gives
        // the row's task.
        let whole_title = || {
            (header.col(Field::Task).is_none()
                && in_activity.is_none()
                && ticked_tasks.is_empty()
                && in_note.is_none()
                && activity.len() >= 20)
                .then(|| {
                    // (Its first words first: most activities open as no title does, and are not
                    // folded whole.)
                    let text = strip_section_label(&activity);
                    let first = matching::title_key(&text.chars().take(24).collect::<String>());
                    let first = first.rsplit_once(' ').map_or(first.as_str(), |(words, _)| words);
                    if !cache.titles(plan).iter().any(|(_, t)| t.starts_with(first)) {
                        return None;
                    }
                    let key = matching::title_key(text);
                    let opens = |t: &str| t.split(' ').nth(4).is_some() && key.starts_with(t) && key.as_bytes().get(t.len()) == Some(&b' ');
                    let mut found = cache.titles(plan).iter().filter(|(_, t)| key == *t || opens(t));
                    match (found.next(), found.next()) {
                        (Some((code, _)), None) => Some(code.clone()),
                        _ => None,
                    }
                })
                .flatten()
        };
        let (matched, task_as_written) = if !task_text.is_empty() {
            // A title shortened to some of its words, not its first ("Quảng bá hình ảnh tỉnh
            // Bắc Giang ra nước ngoài" of IV.3's): the task whose title has every one, as a
            // heading is read (three words that say what the work is, at least).
            let m = match resolve(&task_text) {
                Match::None if !task_text.bytes().any(|b| b.is_ascii_digit()) => matching::title_words(plan, &task_text, 3),
                m => m,
            };
            current = Some(Current { matched: m.clone(), written: task_text.clone(), heading: false });
            (m, task_text.clone())
        } else if let Some(m) = code_in_number_column {
            current = Some(Current { matched: m.clone(), written: stt.clone(), heading: false });
            (m, stt.clone())
        } else if let Some(code) = in_activity {
            // A table with no task column, the task's code written with the activity ("NV3:
            // Hội nghị…", "Tập huấn… (Nhiệm vụ 2)"): the row's own.
            (resolve(code), code.to_string())
        } else if !ticked_tasks.is_empty() {
            let written = ticked_tasks.join(", ");
            (resolve(&written), written)
        } else if let Some((m, written)) = in_note {
            // A table with no task column, the task written in the note column ("Ghi chú":
            // "NV1", "Thuộc nhiệm vụ 1"): the row's own; the note said only that.
            note.replace_range(..own_note, "");
            note = note.trim_start_matches("; ").to_string();
            (m, written)
        } else if let Some(c) = current.as_ref().filter(|_| !from_lines) {
            if !c.heading {
                let col = header.col(Field::Task).map_or(0, |c| c.col);
                problem(&mut flags, col, Kind::TaskFromRowAbove, c.written.clone());
            }
            (c.matched.clone(), c.written.clone())
        } else if let Some(code) = whole_title() {
            // (Under a task's heading, the heading's: an activity there may be worded as
            // another task's title.)
            (Match::One(code), activity.clone())
        } else {
            (Match::None, String::new())
        };
        // (A task's finding points at the cell it was read from.)
        let task_col = match in_activity.filter(|_| task_text.is_empty() && !stt_is_code) {
            Some(_) => header.col(Field::Activity).map_or(0, |c| c.col),
            None => header.col(Field::Task).map_or(0, |c| c.col),
        };
        // Of two tasks a reference could be, the one the plan gives this agency is meant.
        let assigned = |codes: &[String]| -> Option<String> {
            let a = agency?;
            let mut mine = codes.iter().filter(|c| roles.contains_key(&(a.to_string(), (*c).clone())));
            match (mine.next(), mine.next()) {
                (Some(c), None) => Some(c.clone()),
                _ => None,
            }
        };
        let mut also = Vec::new();
        let task_code = match &matched {
            Match::One(c) => Some(c.clone()),
            Match::Ambiguous(codes) if assigned(codes).is_some() => assigned(codes),
            // An activity for several tasks ("NV1, NV6"): the first the agency is given (in
            // plan order), else the first, with its budget; it reports on the others too.
            Match::Ambiguous(_) if let Some(mut codes) = matching::several(plan, &task_as_written) => {
                let mine = |c: &String| agency.is_some_and(|a| roles.contains_key(&(a.to_string(), c.clone())));
                let first = codes.iter().position(mine).unwrap_or(0);
                let code = codes.remove(first);
                problem(&mut flags, task_col, Kind::TaskSeveral, format!("{task_as_written} → {code}"));
                add_to_note(&mut note, "Cũng thuộc nhiệm vụ", &codes.join(", "));
                also = codes;
                Some(code)
            }
            Match::Ambiguous(codes) => {
                problem(&mut flags, task_col, Kind::TaskAmbiguous, format!("{task_as_written} → {}", codes.join(", ")));
                None
            }
            // Work the clerk says is outside the plan's tasks ("Nhiệm vụ khác", "Phát
            // sinh"): consolidated apart, under no task, even from an agency given one (it
            // was `task_unknown`, its message asking for a task's code, or that one task).
            Match::None if matching::outside_plan(&task_as_written) => {
                problem(&mut flags, task_col, Kind::TaskOutsidePlan, task_as_written.clone());
                None
            }
            // An agency the plan gives one task (a district, a newspaper) often sends a table
            // of activities with no task column: they are that task's. (Before 0.10.0 every
            // row was `task_missing`, and the task not reported.)
            Match::None
                if task_as_written.is_empty()
                    && let Some(only) = only_task() =>
            {
                problem(&mut flags, task_col, Kind::TaskOnlyOne, only.clone());
                Some(only.clone())
            }
            // Or words of its own in the task column, no task of the plan ("Công tác tuyên
            // truyền", a district's heading for its work): that task too. (Not a reference
            // with a figure, "Nhiệm vụ 25", a task the plan has not.)
            Match::None
                if !task_as_written.bytes().any(|b| b.is_ascii_digit())
                    && let Some(only) = only_task() =>
            {
                problem(&mut flags, task_col, Kind::TaskOnlyOne, format!("{task_as_written} → {only}"));
                Some(only.clone())
            }
            Match::None if task_as_written.is_empty() => {
                problem(&mut flags, task_col, Kind::TaskMissing, String::new());
                None
            }
            Match::None => {
                problem(&mut flags, task_col, Kind::TaskUnknown, task_as_written.clone());
                None
            }
        };

        // A title read as a task the agency is not given, whose words are all in the title of
        // one it is given ("Tuyên truyền, nâng cao nhận thức về ngoại giao văn hóa" opens
        // the Front's duty IV.12, and is Sở Ngoại vụ's NV1 shortened): its own, as of two
        // tasks a reference could be. (Not a reference with a figure, a code's, nor one of a
        // few words, a number's: "Nhiệm vụ thứ ba".)
        let task_code = match (task_code, agency) {
            (Some(c), Some(a))
                if !roles.contains_key(&(a.to_string(), c.clone())) && !task_as_written.bytes().any(|b| b.is_ascii_digit()) =>
            {
                match matching::title_words(plan, &task_as_written, 3) {
                    Match::One(o) if roles.contains_key(&(a.to_string(), o.clone())) => Some(o),
                    Match::Ambiguous(codes) => Some(assigned(&codes).unwrap_or(c)),
                    _ => Some(c),
                }
            }
            (task_code, _) => task_code,
        };
        // The role comes from the plan; what the row writes is checked against it.
        let planned = match (agency, &task_code) {
            (Some(a), Some(t)) => roles.get(&(a.to_string(), t.clone())).copied(),
            _ => None,
        };
        let role = match planned {
            Some(r) => r.as_str(),
            None => {
                if let (Some(_), Some(t)) = (agency, &task_code) {
                    problem(&mut flags, task_col, Kind::Unassigned, t.clone());
                }
                "unassigned"
            }
        };
        // Words in the number column that are no number ("Tháng 3", "Quý II", "Đợt 1"): kept
        // in the note, not a row's number (a bullet, "1.a", a task's code, "III" are).
        let worded = !is_row_number(&stt)
            && stt.split_whitespace().any(|w| {
                let letters = w.chars().filter(|c| c.is_alphabetic()).count();
                letters >= 3 && !w.chars().all(|c| matches!(c.to_ascii_uppercase(), 'I' | 'V' | 'X' | 'L'))
            });
        if worded && !stt_is_code {
            add_to_note(&mut note, &head_of(Field::Stt), &stt);
        }
        match (values::role(&role_text), planned) {
            (Some(written), Some(planned)) if written != planned => {
                problem(&mut flags, role_col.unwrap_or(0), Kind::RoleMismatch, role_text.clone());
            }
            // Words in the role's column that name no role ("Chủ động tham mưu") are kept.
            (None, _) if !role_text.is_empty() => {
                add_to_note(&mut note, &head_of(Field::Role), &role_text);
            }
            // So are those after the role ("Chủ trì (phối hợp với Sở VHTTDL)"; dropped before).
            // (Three words or more: "Chủ trì", "Phối hợp" are not folded again per row.)
            (Some(_), _) if role_text.split_whitespace().nth(2).is_some() && values::role_says_more(&role_text) => {
                add_to_note(&mut note, &head_of(Field::Role), &role_text);
            }
            _ => {}
        }

        // Status: the status column, else the tick boxes.
        let status = if !status_text.is_empty() {
            let s = match cache.status(&status_text) {
                // A code the form gives, else a number as a share of the work.
                Status::Unknown => {
                    legend().iter().find(|(code, _)| code.eq_ignore_ascii_case(status_text.trim())).map(|(_, s)| *s).unwrap_or_else(|| {
                        values::status_number(&status_text, header.col(Field::Status).is_some_and(|c| values::share_header(&c.header)))
                    })
                }
                s => s,
            };
            // A time in the status column ("Tiến độ" | "Tháng 6/2024", "Quý IV"): when the
            // work was done or is due, not how far it got. Kept in the note, the status is
            // the result's where it says one ("Đã tổ chức 2 hội nghị", "Hoàn thành").
            let timed = s == Status::Unknown && values::period_only(&status_text);
            let s = match s {
                Status::Unknown if timed => match values::status_opening(&result) {
                    Status::Unknown if result.split_whitespace().nth(4).is_none() => values::status(&result),
                    said => said,
                },
                s => s,
            };
            if timed && s != Status::Unknown {
                add_to_note(&mut note, &head_of(Field::Status), &status_text);
            } else if s == Status::Unknown {
                let col = header.col(Field::Status).map_or(0, |c| c.col);
                problem(&mut flags, col, Kind::StatusUnknown, status_text.clone());
            } else if (status_text.split_whitespace().nth(3).is_some() || memchr::memchr(b'/', status_text.as_bytes()).is_some())
                && values::status_says_more(&status_text)
            {
                // (Four words or more, or a "/" as a date has: the common statuses, "Đang
                // thực hiện", are not folded again; this runs per row.)
                // A status that says more than its word ("Hoàn thành; đã tổ chức 2 hội nghị
                // với 200 đại biểu", "Đang thực hiện, dự kiến xong tháng 12"): the whole
                // cell is the row's result where it has none, else kept in its note (all
                // but the status word was dropped).
                if result.is_empty() {
                    result = status_text.clone();
                } else {
                    add_to_note(&mut note, &head_of(Field::Status), &status_text);
                }
            }
            s
        } else {
            let ticked: Vec<Status> = ticks.iter().filter(|(_, t)| *t).map(|(s, _)| *s).collect();
            // A result or a note that is only a status word ("Hoàn thành", "Đang triển
            // khai") says it, where the row says it nowhere else.
            // (Also a cell beside a line: "- Tổ chức hội nghị | Hoàn thành".)
            let from_result = [result.as_str(), note.get(..own_note).unwrap_or("")]
                .into_iter()
                .chain(beside.iter().map(String::as_str))
                .filter(|r| ticked.is_empty() && !r.is_empty() && r.split_whitespace().nth(4).is_none())
                .map(values::status)
                .find(|s| *s != Status::Unknown)
                // A note that is a status and why ("Không thực hiện do thiếu kinh phí",
                // "Hoàn thành, vượt kế hoạch"): its status, as the note alone would say it.
                .or_else(|| {
                    let own = note.get(..own_note).unwrap_or("");
                    let clause = own.split([',', ';', '(']).next().unwrap_or("");
                    let clause = [" do ", " vì ", " Do ", " Vì "].iter().fold(clause, |c, w| c.split(w).next().unwrap_or(c));
                    (ticked.is_empty() && clause.len() < own.len() && clause.split_whitespace().nth(4).is_none())
                        .then(|| values::status(clause.trim()))
                        .filter(|s| *s != Status::Unknown)
                })
                // A table with no status column at all: a result that opens with a status
                // ("Đã hoàn thành 3 lớp tập huấn", "Đang triển khai…") says it; with no
                // result column either (a report typed as lines), the activity that does.
                .or_else(|| {
                    let said = if no_result_column && result.is_empty() { &activity } else { &result };
                    no_status_column.then(|| values::status_opening(said)).filter(|s| *s != Status::Unknown)
                })
                // (A line of a report written as lines, its result labelled below it: the
                // line, "Đã tổ chức 2 hội nghị", may say it.)
                .or_else(|| {
                    (no_status_column && labelled_sheet).then(|| values::status_opening(&activity)).filter(|s| *s != Status::Unknown)
                });
            // A task's row that says nothing was done on it: dashes where its activity
            // is ("NV4 | - | - | -"), or a few words that say so ("Không phát sinh",
            // "Không tổ chức").
            // (Looked at only where nothing else says the status: this runs per row.)
            let none = |t: &str| dashes_only(t) || t.split_whitespace().nth(4).is_none() && values::status(t) == Status::NotStarted;
            let nothing_done = || {
                ticked.is_empty()
                    && !task_text.is_empty()
                    && (none(&activity) || activity.is_empty() && none(&result))
                    && (result.is_empty() || none(&result))
            };
            let from_result = from_result.or_else(|| nothing_done().then_some(Status::NotStarted));
            match ticked.as_slice() {
                [one] => *one,
                [] if from_result.is_some() => from_result.unwrap_or(Status::Unknown),
                // Else, with no status column, the row is flagged and the sheet listed once
                // (below), not once per row.
                [] if no_status_column => {
                    flags.push(Kind::StatusMissing);
                    without_status += 1;
                    Status::Unknown
                }
                [] => {
                    let col = header.col(Field::Status).or(header.col(Field::StatusDone)).map_or(0, |c| c.col);
                    problem(&mut flags, col, Kind::StatusMissing, String::new());
                    Status::Unknown
                }
                _ => {
                    let col = header.col(Field::StatusDone).map_or(0, |c| c.col);
                    problem(&mut flags, col, Kind::StatusUnknown, "đánh dấu nhiều ô".into());
                    Status::Unknown
                }
            }
        };

        if let Some(n) = count_alone(&result) {
            count_group += n;
            count_sheet += n;
        }
        let budget = match (budget, budget_cell) {
            (Budget::Millions(m), cell) => {
                // A cell that says more than its amount ("15 (dự toán 20)", the money
                // allotted beside the money spent; "15 triệu; đã quyết toán"): kept in the
                // note, as a column of the money allotted would be (the words were dropped).
                // (A foreign currency's cell is in the note already.)
                if let Some((Cell::Text(t), _)) = cell.filter(|_| !foreign_noted) {
                    if t.contains(char::is_alphabetic) && values::budget_says_more(t) {
                        add_to_note(&mut note, "Kinh phí", &tidy(t));
                    }
                }
                group_sum += m;
                sheet_sum += m;
                pending.iter_mut().filter(|p| p.open && p.until.is_none_or(|u| row_at <= u)).for_each(|p| p.below += m);
                Some(m)
            }
            (Budget::Blank, _) | (_, None) => None,
            // Money with no figure of its own ("Lồng ghép", "Kinh phí thường xuyên"): no
            // amount to add, nothing wrong; the words go to the note.
            (Budget::Unreadable, Some((Cell::Text(t), _))) if values::no_figure(t) => {
                let said = format!("Kinh phí: {}", tidy(t));
                note = if note.is_empty() { said } else { format!("{note}; {said}") };
                None
            }
            (Budget::Unreadable, Some((cell, col))) => {
                if !matches!(cell, Cell::Error(_)) {
                    problem(&mut flags, col, Kind::BudgetUnreadable, cell.text());
                } else {
                    problem(&mut flags, col, cell_error(&cell.text()), cell.text());
                }
                None
            }
            (Budget::Suspect(_), Some((cell, col))) => {
                problem(
                    &mut flags,
                    col,
                    Kind::BudgetUnitSuspect,
                    format!("{} ({})", cell.text(), header.col(Field::Budget).map_or("", |c| c.header.as_str())),
                );
                None
            }
        };

        flags.sort();
        flags.dedup();
        last_at = Some(row_at);
        out.push(Row {
            file: file.to_string(),
            sheet: sheet.name.clone(),
            row: row_at + 1,
            task_code,
            task_as_written,
            role,
            activity,
            result,
            status,
            budget,
            difficulties,
            proposals,
            note,
            flags,
            also,
        });
    }
    if without_status > 0 {
        problems.push(Problem::at(file, &sheet.name, header_cell(), Kind::NoStatusColumn, without_status.to_string()));
    }
    for p in pending {
        let near = |x: f64| (x - p.total).abs() <= 0.001f64.max(p.total.abs() * 0.005);
        if near(p.below) || near(sheet_sum) {
            continue;
        }
        // What the rows it stands for add up to: above it, or under it where none is above.
        let expected = if p.grand {
            sheet_sum
        } else if p.above == 0.0 {
            p.below
        } else {
            p.above
        };
        let detail = format!("ghi {} triệu đồng, cộng các dòng được {} triệu đồng", fmt_num(p.total), fmt_num(expected));
        let kind = if p.until.is_some() { Kind::GroupMismatch } else { Kind::TotalsMismatch };
        problems.push(Problem::at(file, &sheet.name, p.cell, kind, detail));
    }
    (out, totals)
}

/// A totals row whose figure the rows above it do not add up to (see `read_rows`).
struct PendingTotal {
    cell: String,
    total: f64,
    /// "Tổng cộng" (the sheet), not "Cộng" (the rows since the last total).
    grand: bool,
    /// The rows since the last total, above it.
    above: f64,
    /// The rows under it, down to the next totals row.
    below: f64,
    open: bool,
    /// A group row's last row (`group_rows`): its figure is the rows' down to it.
    until: Option<u32>,
}

/// The rows that group numbered rows under them, by sheet row, with the group's last
/// row: a row numbered "1" over rows "1.1", "1.2" (and "1.2" over "1.2.1") or over items
/// "a)", "b)" or "-", and a section "I" (or "A") over rows numbered from "1". A group whose
/// budget its rows do not break down (none of them gives one) is left out: it is an
/// activity, its money counted once.
fn group_rows(rows: &[crate::ingest::RawRow]) -> std::collections::HashMap<u32, u32> {
    use std::borrow::Cow;
    let mut groups = std::collections::HashMap::new();
    // Each row's number told cheaply first (most tables number their rows 1, 2, 3: no row
    // is under another); its text compared only where one may be.
    #[derive(Clone, Copy, PartialEq)]
    enum Number {
        None,
        Plain,
        /// "1.1", "I.2", 1.1: a dot with more after it.
        Sub,
        /// "I", "II.", "A": a section's.
        Section,
        /// "a)", "b.", "-", "+": an item's under a numbered row.
        Item,
    }
    /// What a group's rows are: from "1" under a section, sub-numbers, items.
    enum Under {
        Section,
        Sub,
        Items,
    }
    let numbers: Vec<Number> = rows
        .iter()
        .map(|r| match r.get(Field::Stt) {
            Some((Cell::Number(x), _)) if x.fract() != 0.0 => Number::Sub,
            Some((Cell::Number(_), _)) => Number::Plain,
            Some((Cell::Text(t), _)) => {
                let t = t.trim().trim_end_matches(['.', ')']).as_bytes();
                if t.is_empty() || t.len() > 12 || t.iter().any(u8::is_ascii_whitespace) {
                    Number::None
                } else if (t.len() == 1 && (t[0].is_ascii_lowercase() || b"-+*".contains(&t[0])))
                    || t == "•".as_bytes()
                    || t == "–".as_bytes()
                {
                    Number::Item
                } else if (t.len() <= 8 && t.iter().all(|b| b"IVXLivxl".contains(b))) || (t.len() == 1 && t[0].is_ascii_uppercase()) {
                    Number::Section
                } else if t[1..].contains(&b'.') {
                    Number::Sub
                } else {
                    Number::Plain
                }
            }
            _ => Number::None,
        })
        .collect();
    if !numbers.iter().any(|n| matches!(n, Number::Sub | Number::Section | Number::Item)) {
        return groups;
    }
    let key = |i: usize| -> Cow<'_, str> {
        match rows[i].get(Field::Stt) {
            Some((Cell::Text(t), _)) => Cow::Borrowed(t.trim().trim_end_matches(['.', ')'])),
            Some((cell, _)) => Cow::Owned(cell.text()),
            None => Cow::Borrowed(""),
        }
    };
    let money = |r: &crate::ingest::RawRow| match r.get(Field::Budget) {
        Some((Cell::Number(x), _)) => *x != 0.0,
        Some((Cell::Text(t), _)) => t.bytes().any(|b| (b'1'..=b'9').contains(&b)),
        _ => false,
    };
    let under = |parent: &str, k: &str| {
        k.strip_prefix(parent).and_then(|rest| rest.strip_prefix('.')).is_some_and(|rest| rest.starts_with(|c: char| c.is_alphanumeric()))
    };
    for i in 0..rows.len() {
        if numbers[i] == Number::None {
            continue;
        }
        let Some(next) = (i + 1..rows.len()).find(|&j| numbers[j] != Number::None) else { continue };
        let kind = match (numbers[i], numbers[next]) {
            (Number::Section, Number::Plain) if key(next) == "1" => Under::Section,
            (Number::Plain | Number::Sub, Number::Item) => Under::Items,
            (_, Number::Sub) if under(&key(i), &key(next)) => Under::Sub,
            _ => continue,
        };
        let parent = key(i);
        let in_group = |j: &usize| match (numbers[*j], &kind) {
            (Number::None, _) => true,
            (Number::Item, Under::Items) => true,
            (_, Under::Items) => false,
            (Number::Section, Under::Section) => false,
            (_, Under::Section) => true,
            (_, Under::Sub) => under(&parent, &key(*j)),
        };
        let members = (i + 1..rows.len()).take_while(in_group);
        let last = members.clone().last().unwrap_or(i);
        if members.into_iter().any(|j| money(&rows[j])) || !money(&rows[i]) {
            groups.insert(rows[i].row, rows[last].row);
        }
    }
    groups
}

/// Whether a folded label names a totals row: "Tổng cộng", "Cộng", "Tổng số: 5 hoạt
/// động", "Cộng: 3". "Tổng" or "Cộng" alone starts one only with a number after it: "Tổng
/// kết công tác…" is an activity.
fn is_totals_label(k: &str) -> bool {
    use crate::ingest::header::starts_with_words;
    let short = k.split(' ').nth(8).is_none();
    TOTALS.contains(&k)
        || ["tong cong", "tong so", "tong kinh phi", "cong tong"].iter().any(|p| starts_with_words(k, p) && short)
        || ["tong ", "cong "].iter().any(|p| k.strip_prefix(p).is_some_and(|rest| rest.bytes().all(|b| b.is_ascii_digit() || b == b' ')))
        // A subtotal naming what it adds up: "Cộng NV1", "Cộng nhiệm vụ 2", "Tổng mục II",
        // "Cộng phần I" (not "Cộng đồng…", "Tổng kết…").
        || ["tong cong ", "cong ", "tong "].iter().any(|p| {
            k.strip_prefix(p).is_some_and(|rest| {
                let words: Vec<&str> = rest.split(' ').collect();
                let first = words[0];
                words.len() <= 4
                    && (["nv", "nhiem", "muc", "phan", "nhom"].contains(&first)
                        || first.strip_prefix("nv").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                        || (words.len() == 1 && crate::text::roman(first).is_some()))
            })
        })
}

/// How many lines of a sheet's top look like a report's rows: a row's number first, and
/// at least two more cells.
fn rows_like_a_report(top: &[crate::ingest::TopCell]) -> usize {
    top.chunk_by(|a, b| a.row == b.row)
        .filter(|line| {
            let cells: Vec<&Cell> = line.iter().map(|c| &c.cell).filter(|c| !c.is_empty()).collect();
            cells.first().is_some_and(|c| c.row_number().is_some()) && cells.len() >= 3
        })
        .count()
}

/// Whether a cell starts the way a form's example row does: "Ví dụ:", "(Ví dụ)", "VD:".
fn is_example(t: &str) -> bool {
    let t = t.trim_start_matches(|c: char| c == '(' || c == '*' || c.is_whitespace());
    // Only a text starting with V is folded to find out: this runs for three cells a row.
    if !matches!(t.as_bytes().first(), Some(b'V' | b'v')) {
        return false;
    }
    let head: String = t.chars().take(6).collect();
    let key = fold(&head);
    if (key == "vd" || key.starts_with("vd ")) && head.contains(':') {
        return true;
    }
    // "Ví dụ" on its own, or followed by a colon or a bracket ("Ví dụ: …", "(Ví dụ) …"),
    // not going on as a phrase ("Ví dụ điển hình về …", an activity).
    let word = |c: char| !c.is_whitespace() && !c.is_ascii_punctuation();
    let mut rest = t;
    let mut first_two = String::new();
    for _ in 0..2 {
        rest = rest.trim_start();
        let end = rest.find(|c: char| !word(c)).unwrap_or(rest.len());
        first_two.push_str(&rest[..end]);
        first_two.push(' ');
        rest = &rest[end..];
    }
    fold(&first_two) == "vi du" && rest.trim_start().chars().next().is_none_or(|c| c.is_ascii_punctuation())
}

/// Whether a sheet's name says it is a form's guidance, with example rows: "Hướng dẫn",
/// "Hướng dẫn ghi", "HD", "Ví dụ", "Instructions".
fn is_guidance(name: &str) -> bool {
    let key = fold(name);
    matches!(key.as_str(), "hd" | "vd")
        || ["huong dan", "vi du", "instructions", "instruction", "example", "mau vi du"]
            .iter()
            .any(|w| crate::ingest::header::starts_with_words(&key, w))
}

/// Whether a sheet's name gives years and not `year`. A period ("KH 2021-2025") covers
/// the years in it.
fn names_other_year(name: &str, year: i32) -> bool {
    let years = years_in(name);
    match (years.iter().min(), years.iter().max()) {
        (Some(first), Some(last)) => !(*first..=*last).contains(&year),
        _ => false,
    }
}

/// Whether a heading is of the work planned for a later year than `year`: "Phương hướng…"
/// (next year's directions), or the tasks, plan or work of a later year named by it
/// ("NHIỆM VỤ TRỌNG TÂM NĂM 2025", "Kế hoạch năm 2025", "Dự kiến năm 2025").
fn later_plan(t: &str, year: i32) -> bool {
    if t.len() > 200 {
        return false;
    }
    let key = fold(strip_section_label(t));
    let key = key.as_str();
    if key.split(' ').nth(14).is_some() {
        return false;
    }
    // The year it plans for: after "năm", not a horizon ("đến năm 2030", a task's title).
    let words: Vec<&str> = key.split(' ').collect();
    let planned = words
        .windows(2)
        .enumerate()
        .any(|(i, w)| w[0] == "nam" && w[1].parse::<i32>().is_ok_and(|y| y > year && y < year + 6) && (i == 0 || words[i - 1] != "den"));
    // Not a task's heading ("Nhiệm vụ 3: …").
    let numbered_task = key.strip_prefix("nhiem vu ").is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()) || r.starts_with("so "));
    key.starts_with("phuong huong")
        || (planned && !numbered_task && ["nhiem vu", "ke hoach", "du kien", "trong tam", "cong tac"].iter().any(|w| key.starts_with(w)))
}

/// The years a sheet's name gives ("Năm 2023", "BC2024", "2023-2024").
fn years_in(name: &str) -> Vec<i32> {
    name.split(|c: char| !c.is_ascii_digit())
        .filter(|d| d.len() == 4)
        .filter_map(|d| d.parse().ok())
        .filter(|y| (1990..=2100).contains(y))
        .collect()
}

/// An amount in a foreign currency, in a budget's column: its text (with the currency where
/// the column's header gives it) and column.
struct Foreign {
    /// As in the cell.
    cell: String,
    /// The same amount is given in đồng beside it, and counted: nothing to flag.
    in_dong: bool,
    /// With its currency.
    written: String,
    col: u32,
}

/// The budget of a row: its budget column, or the sum of its source columns (see
/// `header::budget_by_source`), with the cell a finding names (the first unreadable one,
/// else the first written), and an amount in a foreign currency among them, if any.
fn budget_of<'a>(
    raw: &'a crate::ingest::RawRow,
    unit: Unit,
    foreign_cols: &[(u32, &str)],
) -> (Budget, Option<(&'a Cell, u32)>, Option<Foreign>) {
    match budget_in(raw, Field::Budget, unit, foreign_cols) {
        // A total left blank: its sources added up, where the header splits it so.
        (Budget::Blank, _, None) => budget_in(raw, Field::BudgetSource, unit, foreign_cols),
        read => read,
    }
}

/// The budget a row's cells of one field give, added up.
fn budget_in<'a>(
    raw: &'a crate::ingest::RawRow,
    field: Field,
    unit: Unit,
    foreign_cols: &[(u32, &str)],
) -> (Budget, Option<(&'a Cell, u32)>, Option<Foreign>) {
    let mut cells = raw.cells.iter().filter(|(f, _, _)| *f == field).map(|(_, col, c)| (c, *col));
    let Some(first) = cells.next() else { return (Budget::Blank, None, None) };
    let (mut sum, mut shown, mut foreign) = (None::<f64>, first, None);
    for (cell, col) in std::iter::once(first).chain(cells) {
        // Under "Kinh phí (USD)", or written "5.000 USD": no amount in đồng.
        if let Some((_, code)) = foreign_cols.iter().find(|(c, _)| *c == col) {
            let text = tidy(&cell.text());
            if !text.is_empty() && foreign.is_none() {
                let written = if values::foreign_currency(&text).is_some() { text.clone() } else { format!("{text} {code}") };
                foreign = Some(Foreign { cell: text, in_dong: false, written, col });
            }
            continue;
        }
        // An amount with its currency's name, read in đồng by a word before it ("30 nghìn
        // USD" was 30 nghìn đồng): no amount in đồng.
        let in_words = |t: &str| t.bytes().any(|b| b.is_ascii_alphabetic() || b >= 0x80);
        let read = match values::budget(cell, unit) {
            Budget::Millions(_) if matches!(cell, Cell::Text(t) if in_words(t) && values::foreign_currency(t).is_some()) => {
                Budget::Unreadable
            }
            read => read,
        };
        match read {
            Budget::Blank => {}
            Budget::Millions(m) => {
                if sum.is_none() {
                    shown = (cell, col);
                }
                sum = Some(sum.unwrap_or(0.0) + m);
            }
            Budget::Unreadable if foreign.is_none() && matches!(cell, Cell::Text(t) if values::foreign_currency(t).is_some()) => {
                let text = tidy(&cell.text());
                let dong = values::dong_beside_foreign(&text, unit);
                if let Some(m) = dong {
                    if sum.is_none() {
                        shown = (cell, col);
                    }
                    sum = Some(sum.unwrap_or(0.0) + m);
                }
                foreign = Some(Foreign { cell: text.clone(), in_dong: dong.is_some(), written: text, col });
            }
            other => return (other, Some((cell, col)), foreign),
        }
    }
    (sum.map_or(Budget::Blank, Budget::Millions), Some(shown), foreign)
}

/// A result that is a count alone ("2", "15", "1.200"), as a number: what a sum under the
/// column adds up.
fn count_alone(result: &str) -> Option<f64> {
    let t = result.trim();
    if t.is_empty() || t.len() > 15 || !t.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',') {
        return None;
    }
    // (Thousands marked with dots or commas; a count has no decimals.)
    t.replace(['.', ','], "").parse().ok()
}

/// Whether a line is a footnote to the table by its first words: "Ghi chú: …", "Lưu ý: …",
/// "Chú thích", "Nguồn số liệu: …".
fn is_footnote(line: &str) -> bool {
    opens_with(line, &["ghi chu", "luu y", "chu thich", "chu y", "nguon so lieu", "so lieu tinh den"])
}

/// Whether a line opens with one of some folded words. Only its start is folded: a long
/// line costs no more than a short one.
fn opens_with(line: &str, words: &[&str]) -> bool {
    let key = fold(&line.trim_start().chars().take(24).collect::<String>());
    words.iter().any(|w| crate::ingest::header::starts_with_words(&key, w))
}

/// A heading without its section's label ("I.", "II)", "A.", "1."), when words follow.
fn strip_section_label(t: &str) -> &str {
    let t = t.trim_start();
    let label = t.find(['.', ')']).filter(|&i| {
        let l = &t[..i];
        !l.is_empty() && l.len() <= 5 && (l.bytes().all(|b| b.is_ascii_digit()) || crate::text::roman(l).is_some() || l.len() == 1)
    });
    match label {
        Some(i) if t[i + 1..].chars().filter(|c| c.is_alphabetic()).nth(2).is_some() => t[i + 1..].trim_start(),
        _ => t,
    }
}

/// The finding on a cell read as an error: a formula saved with no value ("=10+5", see
/// `ingest::NO_VALUE`), else an error value ("#REF!").
fn cell_error(e: &str) -> Kind {
    if e.starts_with('=') {
        Kind::FormulaNoValue
    } else {
        Kind::CellError
    }
}

/// A number for a message: up to three decimals, no trailing zeros.
pub fn fmt_num(x: f64) -> String {
    let s = format!("{x:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Of two or more accepted submissions from one agency, the one with the latest report
/// date (then the last by file name) is used; the others are superseded, except a file on
/// none of the tasks the files used report (a report sent in parts, "NV1–4" and "NV5–8"),
/// which is used too, and listed as a part, unless it repeats one of their activities (the
/// report sent again with its tasks corrected).
fn supersede(drafts: &mut [Draft]) {
    let mut by_agency: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, d) in drafts.iter().enumerate() {
        if let (Outcome::Accepted, Some(code)) = (d.record.outcome, &d.record.agency_code) {
            by_agency.entry(code.clone()).or_default().push(i);
        }
    }
    for idxs in by_agency.values_mut().filter(|v| v.len() > 1) {
        // Latest first; a report of the whole year before one its title gives as of part of
        // it ("6 tháng đầu năm"), whatever their dates.
        let part = |d: &Draft| d.problems.iter().any(|p| p.kind == Kind::TitlePartYear);
        idxs.sort_by(|&a, &b| {
            let key = |d: &Draft| (!part(d), d.record.report_date, d.record.file.clone());
            key(&drafts[b]).cmp(&key(&drafts[a]))
        });
        let kept = drafts[idxs[0]].record.file.clone();
        let kept_part = part(&drafts[idxs[0]]);
        let kept_sha = drafts[idxs[0]].record.sha256.clone();
        let mut tasks = drafts[idxs[0]].tasks.clone();
        // The activities of the files used, folded: a file on other tasks that repeats one
        // is the report again with its tasks corrected, not another part of it.
        let activities_of = |d: &Draft| -> std::collections::BTreeSet<String> {
            d.piece.as_ref().map(|p| p.activities().iter().map(|a| fold(a)).filter(|a| !a.is_empty()).collect()).unwrap_or_default()
        };
        let mut activities = activities_of(&drafts[idxs[0]]);
        // The parts of the year the files used cover: a file of another part (quarterly
        // reports sent apart, "Quý I", "Quý II", "Quý III", and no report of the year) is a
        // part of the report too (each was taken for an earlier version of the latest, its
        // activities dropped).
        let mut periods = vec![drafts[idxs[0]].period];
        for &i in &idxs[1..] {
            let its = activities_of(&drafts[i]);
            let d = &mut drafts[i];
            let apart = |p: &Option<(u32, u32)>| match (p, d.period) {
                (Some((a, b)), Some((c, e))) => *b < c || e < *a,
                _ => false,
            };
            if periods.iter().all(apart) {
                periods.push(d.period);
                d.period_part = true;
                d.problems.push(Problem::file(&d.record.file, Kind::ReportPeriodPart, kept.clone()));
                continue;
            }
            // (Not a part-year report beside the year's: another report, not a part of it.)
            if !tasks.is_empty()
                && !d.tasks.is_empty()
                && tasks.is_disjoint(&d.tasks)
                && activities.is_disjoint(&its)
                && part(d) == kept_part
            {
                tasks.extend(d.tasks.iter().cloned());
                activities.extend(its);
                d.problems.push(Problem::file(&d.record.file, Kind::ReportPart, kept.clone()));
                continue;
            }
            // (A copy of the file used, sent or saved twice: said so, not "a later report".)
            let kind = if d.record.sha256 == kept_sha { Kind::SameFile } else { Kind::Superseded };
            d.record.outcome = Outcome::Superseded;
            d.record.reason = format!("{} ({} dòng không được tổng hợp)", kind.vi(&kept), d.rows_before);
            d.record.reason_code = kind.code().to_string();
            d.record.rows_accepted = 0;
            d.problems.push(Problem::file(&d.record.file, kind, kept.clone()));
            d.piece = None;
            d.duplicates.clear();
        }
        drafts[idxs[0]].period_part = periods.len() > 1;
    }
}

/// A row repeated word for word in the same submission (same task, activity, result,
/// status, budget) is counted once; returns the repeats' findings.
fn drop_duplicates(d: &mut Draft) -> Vec<Problem> {
    let mut problems = Vec::new();
    // Rows are first grouped on what is cheap to compare (task, status, budget). A group's
    // texts are folded only once a second row joins it, each row's once, and looked up by
    // hash: a sheet of many rows under one task and status stays linear.
    enum Group {
        One(usize),
        Many(PlHashMap<(String, String), usize>),
    }
    let texts = |r: &Row| (fold(&r.activity), fold(&r.result));
    let mut groups: PlHashMap<CheapKey, Group> = PlHashMap::with_capacity(d.rows.len());
    let mut kept: Vec<Row> = Vec::with_capacity(d.rows.len());
    for r in std::mem::take(&mut d.rows) {
        let at = kept.len();
        let key = (r.task_code.clone(), r.status.as_str(), r.budget.map(f64::to_bits));
        let repeats = match groups.get_mut(&key) {
            None => {
                groups.insert(key, Group::One(at));
                None
            }
            Some(group) => {
                if let Group::One(first) = *group {
                    *group = Group::Many(PlHashMap::from_iter([(texts(&kept[first]), first)]));
                }
                let Group::Many(seen) = group else { unreachable!("made a map above") };
                let t = texts(&r);
                match seen.get(&t) {
                    Some(&k) => Some(k),
                    None => {
                        seen.insert(t, at);
                        None
                    }
                }
            }
        };
        if let Some(k) = repeats {
            let first = &kept[k];
            problems.push(Problem::at(
                &r.file,
                &r.sheet,
                format!("A{}", r.row),
                Kind::Duplicate,
                format!("dòng {} trang \"{}\"", first.row, first.sheet),
            ));
            continue;
        }
        kept.push(r);
    }
    d.record.rows_accepted = kept.len();
    d.rows = kept;
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_s_answer_is_worked_out_once_and_a_sentence_s_not_kept() {
        let worked = std::cell::Cell::new(0);
        let memo = Memo::<usize>::default();
        let count = |t: &str| {
            worked.set(worked.get() + 1);
            t.len()
        };
        assert_eq!((memo.get_or("Hoàn thành", count), memo.get_or("Hoàn thành", count)), (12, 12));
        assert_eq!(worked.get(), 1);
        let cache = TextCache::default();
        for t in ["Hoàn thành", "Đang thực hiện", "Hoàn thành", "Chưa thực hiện", "HT"] {
            assert_eq!(cache.status(t), values::status(t), "{t}");
        }
        let kept = || cache.statuses.0.lock().map(|m| m.len()).unwrap_or(0);
        assert_eq!(kept(), 4);
        let sentence = "Đang thực hiện, dự kiến hoàn thành trong quý IV năm 2024 theo kế hoạch của tỉnh";
        assert_eq!(cache.status(sentence), Status::InProgress);
        assert_eq!(kept(), 4);
    }

    #[test]
    fn a_result_labelled_within_the_activity_s_cell() {
        let split = |t: &str| result_within(t);
        assert_eq!(
            split("Tổ chức hội nghị quán triệt\nKết quả: 120 đại biểu"),
            Some(("Tổ chức hội nghị quán triệt".into(), "120 đại biểu".into()))
        );
        assert_eq!(
            split("Tổ chức hội nghị\nTại Hà Nội\n- Kết quả đạt được: 2 hội nghị\n150 lượt người"),
            Some(("Tổ chức hội nghị\nTại Hà Nội".into(), "2 hội nghị\n150 lượt người".into()))
        );
        // Another label, or the label on the first line: no result within.
        assert_eq!(split("Tổ chức hội nghị\nĐịa điểm: Hà Nội"), None);
        assert_eq!(split("Tập huấn\nKinh phí: 30 triệu"), None);
        assert_eq!(split("Kết quả: 2 hội nghị\nTại Hà Nội"), None);
    }

    fn row(n: u32, task: &str, activity: &str, result: &str, budget: Option<f64>) -> Row {
        Row {
            file: "a.xlsx".into(),
            sheet: "BC".into(),
            row: n,
            task_code: Some(task.into()),
            task_as_written: task.into(),
            role: "lead",
            activity: activity.into(),
            result: result.into(),
            status: Status::Done,
            budget,
            difficulties: String::new(),
            proposals: String::new(),
            note: String::new(),
            flags: Vec::new(),
            also: Vec::new(),
        }
    }

    #[test]
    fn a_result_split_by_periods_is_labelled_by_them() {
        let grid = |rows: &[&[&str]]| rows.iter().map(|r| r.iter().map(|t| t.to_string()).collect()).collect::<Vec<Vec<String>>>();
        let labels = |sub: &[&str]| {
            let mut second = vec!["", "", ""];
            second.extend(sub);
            let mut first = vec!["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả thực hiện"];
            first.extend(std::iter::repeat_n("", sub.len() - 1));
            let header = crate::ingest::header::find(&grid(&[&first, &second, &["1", "NV1", "Hội nghị", "x", "y"]]), 0, 0).unwrap();
            period_labels(&header).into_iter().flat_map(|(_, l)| l.into_iter().map(|(_, t)| t)).collect::<Vec<_>>()
        };
        assert_eq!(labels(&["Quý I", "Quý II", "Quý III"]), ["Quý I", "Quý II", "Quý III"]);
        assert_eq!(labels(&["6 tháng đầu năm", "6 tháng cuối năm"]), ["6 tháng đầu năm", "6 tháng cuối năm"]);
        assert!(labels(&["Số lượng", "Nội dung"]).is_empty(), "not periods: joined as they are");
    }

    #[test]
    fn rows_under_a_numbered_row_make_it_a_group() {
        let rows = |numbers: &[(&str, &str)]| -> Vec<crate::ingest::RawRow> {
            numbers
                .iter()
                .enumerate()
                .map(|(i, (stt, money))| crate::ingest::RawRow {
                    row: i as u32,
                    cells: vec![(Field::Stt, 0, Cell::Text(stt.to_string())), (Field::Budget, 5, Cell::Text(money.to_string()))],
                    extra: Vec::new(),
                    within: None,
                    places: Vec::new(),
                })
                .collect()
        };
        let groups = |numbers: &[(&str, &str)]| {
            let mut g: Vec<(u32, u32)> = group_rows(&rows(numbers)).into_iter().collect();
            g.sort();
            g
        };
        // Sub-numbers, items and sections: each group with its last row.
        assert_eq!(groups(&[("1", "30"), ("1.1", "10"), ("1.2", "20"), ("2", "5")]), [(0, 2)]);
        assert_eq!(groups(&[("1", "30"), ("a)", "10"), ("b)", "20"), ("2", "5")]), [(0, 2)]);
        assert_eq!(groups(&[("1.", ""), ("-", "10"), ("-", "20")]), [(0, 2)]);
        assert_eq!(groups(&[("I", "30"), ("1", "10"), ("2", "20"), ("II", ""), ("1", "5")]), [(0, 2), (3, 4)]);
        assert_eq!(groups(&[("I", ""), ("1", "10"), ("1.1", "4"), ("1.2", "6")]), [(0, 3), (1, 3)]);
        // Rows numbered 1, 2, 3; a row whose money its rows do not break down.
        assert!(groups(&[("1", "10"), ("2", "20"), ("3", "")]).is_empty());
        assert!(groups(&[("1", "30"), ("1.1", ""), ("1.2", "")]).is_empty());
    }

    #[test]
    fn a_task_s_code_written_with_the_activity() {
        for (t, code) in [
            ("NV3: Hội nghị quảng bá", Some("NV3")),
            ("(NV1) Tập huấn", Some("NV1")),
            ("NV 4 - Quảng bá", Some("NV 4")),
            ("Nhiệm vụ 5 - Đón đoàn", Some("Nhiệm vụ 5")),
            ("Tập huấn cán bộ (Nhiệm vụ 2)", Some("Nhiệm vụ 2")),
            ("Tập huấn (thuộc NV2)", Some("NV2")),
            ("Nhiệm vụ trọng tâm: tuyên truyền", None),
            ("Hội nghị (200 đại biểu)", None),
            ("Hội nghị - hội thảo", None),
            ("Nội dung 2: Tăng cường triển khai Chiến lược", Some("Nội dung 2")),
            ("ND 9: Đào tạo", Some("ND 9")),
            ("Nội dung 4", Some("Nội dung 4")),
            ("NV4", Some("NV4")),
            ("Nội dung hội nghị", None),
            ("Năm 2024", None),
        ] {
            assert_eq!(task_in_activity(t), code, "{t}");
        }
    }

    #[test]
    fn headings_of_later_plans() {
        for t in [
            "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025",
            "Phương hướng năm tới",
            "III. NHIỆM VỤ TRỌNG TÂM NĂM 2025",
            "Kế hoạch năm 2025",
            "Dự kiến năm 2025",
        ] {
            assert!(later_plan(t, 2024), "{t:?}");
        }
        for t in [
            "Nhiệm vụ 1: Tuyên truyền Chiến lược Ngoại giao văn hóa đến năm 2030",
            "Kế hoạch năm 2024",
            "II. NHIỆM VỤ PHỐI HỢP",
            "Nhiệm vụ năm 2025 và những năm tiếp theo được giao tại Kế hoạch số 12 về việc triển khai thực hiện chiến lược",
        ] {
            assert!(!later_plan(t, 2024), "{t:?}");
        }
    }

    #[test]
    fn totals_labels() {
        for t in [
            "Tổng cộng",
            "TỔNG CỘNG",
            "Cộng",
            "Tổng",
            "Tổng số: 5 hoạt động",
            "Cộng: 3",
            "Tổng kinh phí",
            "Tổng cộng (I+II)",
            "Total",
            "Grand Total",
            "Subtotal",
            "Cộng NV1",
            "Cộng nhiệm vụ 2",
            "Tổng mục II",
            "Cộng II",
        ] {
            assert!(is_totals_label(&fold(t)), "{t:?}");
        }
        for t in [
            "Tổng kết công tác ngoại giao văn hóa năm 2024",
            "Cộng đồng người Việt ở nước ngoài",
            "Tổng hợp báo cáo",
            "Hội nghị",
            "Total quality",
            "Tổng kết nhiệm vụ năm",
            "Cộng tác viên",
        ] {
            assert!(!is_totals_label(&fold(t)), "{t:?}");
        }
    }

    #[test]
    fn the_years_a_sheet_s_name_gives() {
        let cases: [(&str, &[i32]); 6] = [
            ("Năm 2023", &[2023]),
            ("BC2024", &[2024]),
            ("2023-2024", &[2023, 2024]),
            ("Sheet1", &[]),
            ("NV12345", &[]),
            ("Mẫu 1234", &[]),
        ];
        for (name, want) in cases {
            assert_eq!(years_in(name), want, "{name:?}");
        }
        let other = |name: &str| names_other_year(name, 2023);
        assert!(other("Năm 2022") && other("BC2024"));
        assert!(!other("Năm 2023") && !other("KH 2021-2025") && !other("Sheet1") && !other("2022-2023"));
    }

    #[test]
    fn a_section_s_label_comes_off_its_heading() {
        let cases = [
            ("I. Nhiệm vụ 3: Phát triển nguồn lực", "Nhiệm vụ 3: Phát triển nguồn lực"),
            ("II) Hội nhập quốc tế", "Hội nhập quốc tế"),
            ("1. Tuyên truyền, quán triệt", "Tuyên truyền, quán triệt"),
            ("a. Tuyên truyền", "Tuyên truyền"),
            ("Nhiệm vụ 3. Phát triển", "Nhiệm vụ 3. Phát triển"),
            ("IV.4", "IV.4"),
            ("I.", "I."),
        ];
        for (t, want) in cases {
            assert_eq!(strip_section_label(t), want, "{t:?}");
        }
    }

    #[test]
    fn a_form_s_example_row_is_known_by_its_start() {
        for t in [
            "Ví dụ: Tổ chức hội nghị",
            "(Ví dụ) Hội nghị",
            "VD: Hội nghị",
            "* Ví dụ",
            "VÍ DỤ",
            "Ví dụ : Hội nghị",
            "Vi\u{301} du\u{323}: NFD",
        ] {
            assert!(is_example(t), "{t:?}");
        }
        for t in ["Hội nghị", "Vì dân", "Vi deo quảng bá", "VDL Hội chợ", "Video", "Ví dụ điển hình về ngoại giao văn hóa"]
        {
            assert!(!is_example(t), "{t:?}");
        }
    }

    #[test]
    fn a_form_s_guidance_sheet_is_known_by_its_name() {
        for name in ["Hướng dẫn", "HƯỚNG DẪN GHI", "HD", "Ví dụ", "Instructions"] {
            assert!(is_guidance(name), "{name:?}");
        }
        for name in ["Báo cáo", "Sheet1", "Biểu mẫu", "Mẫu 01", "HĐ 2024"] {
            assert!(!is_guidance(name), "{name:?}");
        }
    }

    #[test]
    fn a_repeat_is_found_among_rows_that_share_task_status_and_budget() {
        let record = FileRecord {
            file: "a.xlsx".into(),
            bytes: 0,
            sha256: String::new(),
            outcome: Outcome::Accepted,
            reason: String::new(),
            reason_code: String::new(),
            agency_code: None,
            agency_as_written: String::new(),
            report_date: None,
            rows_read: 6,
            rows_accepted: 6,
            difficulties: String::new(),
            proposals: String::new(),
        };
        let rows = vec![
            row(4, "1", "Hội nghị tuyên truyền", "Xong", Some(5.0)),
            row(5, "1", "Triển lãm ảnh", "Xong", Some(5.0)),
            // The second row of the group again, written differently: a repeat of row 5.
            row(6, "1", "  TRIỂN LÃM ẢNH ", "xong.", Some(5.0)),
            // Same texts as row 4 under another task, or another budget: not repeats.
            row(7, "2", "Hội nghị tuyên truyền", "Xong", Some(5.0)),
            row(8, "1", "Hội nghị tuyên truyền", "Xong", None),
            row(9, "1", "Hội nghị tuyên truyền", "Xong", Some(5.0)),
        ];
        let mut d = Draft {
            record,
            rows,
            problems: Vec::new(),
            piece: None,
            rows_before: 0,
            duplicates: Vec::new(),
            tasks: Default::default(),
            also: Default::default(),
            period: None,
            period_part: false,
        };
        let found = drop_duplicates(&mut d);
        assert_eq!(d.rows.iter().map(|r| r.row).collect::<Vec<_>>(), [4, 5, 7, 8]);
        assert_eq!(d.record.rows_accepted, 4);
        let at: Vec<(&str, &str)> = found.iter().map(|p| (p.cell.as_str(), p.detail.as_str())).collect();
        assert_eq!(at, [("A6", "dòng 5 trang \"BC\""), ("A9", "dòng 4 trang \"BC\"")]);
        assert!(found.iter().all(|p| p.kind == Kind::Duplicate));
    }
}
