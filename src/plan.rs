//! The plan: its TOML schema, loading, and validation with line numbers.
//!
//! Owns: what a plan says (agencies with their other names, tasks with lead and partner
//! agencies, the deadline, the coordinating department) and every check of a plan file on
//! its own. Does not own: matching what a submission writes against it (see `normalise`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use polars::prelude::PlHashMap;
use serde::Deserialize;
use toml::Spanned;

use crate::error::PlanError;
use crate::text::fold;

/// A day and month, the same each year ("25/10"), in the year reported on or, for a report
/// due after its year ends, the next ("15/01 năm sau").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayMonth {
    pub day: u32,
    pub month: u32,
    /// Due in the year after the one reported on ("trước ngày 15/01 năm sau").
    pub next_year: bool,
}

impl DayMonth {
    /// Parses "25/10" (day first, as Vietnamese documents write it), and "15/01 năm sau"
    /// (or "15/01 next year") for a day of the year after the one reported on.
    pub fn parse(s: &str) -> Option<DayMonth> {
        let s = s.trim();
        // (The day and month are figures: the words after them, if any, start at the first
        // letter.)
        let at = s.find(char::is_alphabetic).unwrap_or(s.len());
        let (date, words) = s.split_at(at);
        let next_year = match fold(words).as_str() {
            "" => false,
            "nam sau" | "cua nam sau" | "nam tiep theo" | "nam ke tiep" | "next year" | "the next year" => true,
            _ => return None,
        };
        let (d, m) = date.trim().trim_end_matches(['/', '-', '.', ',']).split_once(['/', '-', '.'])?;
        let day: u32 = d.trim().parse().ok()?;
        let month: u32 = m.trim().parse().ok()?;
        // 2024 is a leap year, so 29/02 is accepted here and moved to 28/02 in other years.
        NaiveDate::from_ymd_opt(2024, month, day)?;
        Some(DayMonth { day, month, next_year })
    }

    /// The deadline's date for the report on a given year.
    pub fn in_year(self, year: i32) -> NaiveDate {
        let year = year + i32::from(self.next_year);
        NaiveDate::from_ymd_opt(year, self.month, self.day)
            .or_else(|| NaiveDate::from_ymd_opt(year, self.month, self.day - 1))
            .expect("validated day/month")
    }
}

impl std::fmt::Display for DayMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}/{:02}{}", self.day, self.month, if self.next_year { " năm sau" } else { "" })
    }
}

/// Public holidays on a fixed day of the solar year, (day, month) (Bộ luật Lao động 2019,
/// Điều 112): Tết Dương lịch, Ngày Chiến thắng, Ngày Quốc tế Lao động, Quốc khánh. Tết
/// Nguyên đán and Giỗ Tổ Hùng Vương follow the lunar calendar, and the Government sets the
/// second day of Quốc khánh and the days given in lieu each year: a plan lists those that
/// matter to its deadline in `days_off`.
const FIXED_HOLIDAYS: [(u32, u32); 4] = [(1, 1), (30, 4), (1, 5), (2, 9)];

/// A deadline as people read it: the day, and where it is a day off, until when a report
/// is still on time ("25/10/2025, thứ Bảy: nhận đến hết thứ Hai 27/10/2025").
pub fn deadline_text(deadline: NaiveDate, due_by: NaiveDate, en: bool) -> String {
    use chrono::Datelike;
    let day = |d: NaiveDate| {
        let i = d.weekday().num_days_from_monday() as usize;
        match en {
            true => ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][i],
            false => ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"][i],
        }
    };
    let date = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
    if due_by == deadline {
        return date(deadline);
    }
    let off = match (en, FIXED_HOLIDAYS.contains(&(deadline.day(), deadline.month()))) {
        (_, false) if deadline.weekday().num_days_from_monday() >= 5 => day(deadline).to_string(),
        (true, _) => "a day off".to_string(),
        (false, _) => "ngày nghỉ".to_string(),
    };
    match en {
        true => format!("{}, {off}: on time until the end of {} {}", date(deadline), day(due_by), date(due_by)),
        false => format!("{}, {off}: nhận đến hết {} {}", date(deadline), day(due_by), date(due_by)),
    }
}

/// An agency of the plan.
#[derive(Debug, Clone)]
pub struct Agency {
    /// Short code used everywhere else in the plan and the outputs ("SNV").
    pub code: String,
    /// Official Vietnamese name ("Sở Ngoại vụ").
    pub name: String,
    /// Other names it goes by.
    pub aliases: Vec<String>,
    /// Whether it is expected to send a report each year (false for bodies the plan only
    /// "requests", such as the Fatherland Front).
    pub reports: bool,
    /// Its first reporting year, for an agency that is new.
    pub from: Option<i32>,
    /// Its last reporting year, for an agency merged or abolished.
    pub until: Option<i32>,
    /// Who takes over its assignments after `until`.
    pub successor: Option<String>,
}

impl Agency {
    /// Whether the agency exists and reports in a year.
    pub fn in_force(&self, year: i32) -> bool {
        self.from.is_none_or(|f| f <= year) && self.until.is_none_or(|u| year <= u)
    }
}

/// A task of the plan.
#[derive(Debug, Clone)]
pub struct Task {
    /// Short code ("NV1").
    pub code: String,
    /// Title as the plan words it.
    pub title: String,
    /// Lead agencies (usually one; none where the source text does not say).
    pub leads: Vec<String>,
    /// Partner agencies.
    pub partners: Vec<String>,
    /// Other references to it that reports use, where the plan numbers it otherwise than
    /// by its code ("II.1": item 1 of the plan's section II).
    pub aliases: Vec<String>,
}

/// The role an agency has in a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Lead,
    Partner,
}

impl Role {
    /// The machine-readable word used in CSV and Parquet outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Partner => "partner",
        }
    }
    /// The Vietnamese word used in the workbook.
    pub fn vi(self) -> &'static str {
        match self {
            Role::Lead => "Chủ trì",
            Role::Partner => "Phối hợp",
        }
    }
}

/// A validated plan.
#[derive(Debug, Clone)]
pub struct Plan {
    pub id: String,
    pub title: String,
    pub province: String,
    pub issuer: String,
    pub first_year: i32,
    pub last_year: i32,
    /// Code of the agency that consolidates the reports, if the plan says.
    pub coordinator: Option<String>,
    /// The yearly deadline, if the plan says.
    pub deadline: Option<DayMonth>,
    /// Deadlines of the years the province moved it.
    pub deadlines: BTreeMap<i32, DayMonth>,
    /// Days off besides weekends and the fixed public holidays (`days_off`: Tết, the second
    /// day of Quốc khánh, days given in lieu), which may move a deadline.
    pub days_off: std::collections::BTreeSet<NaiveDate>,
    pub agencies: Vec<Agency>,
    pub tasks: Vec<Task>,
    /// Where it was read from.
    pub path: PathBuf,
    /// What the plan lacks, as `plan check` words it (empty for a complete plan).
    pub missing: Vec<String>,
    /// Agency code → index in `agencies` (looked up row by row: Polars' fast hash map).
    by_code: PlHashMap<String, usize>,
}

impl Plan {
    pub fn agency(&self, code: &str) -> Option<&Agency> {
        self.by_code.get(code).map(|&i| &self.agencies[i])
    }

    pub fn task(&self, code: &str) -> Option<&Task> {
        self.tasks.iter().find(|t| t.code == code)
    }

    /// The deadline for a reporting year: that year's override, else the yearly one.
    pub fn deadline_for(&self, year: i32) -> Option<NaiveDate> {
        self.deadlines.get(&year).or(self.deadline.as_ref()).map(|d| d.in_year(year))
    }

    /// Whether offices work on a day: not a Saturday or Sunday, a public holiday on a fixed
    /// day of the year, nor one of the plan's `days_off`.
    pub fn working_day(&self, d: NaiveDate) -> bool {
        use chrono::Datelike;
        !matches!(d.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun)
            && !FIXED_HOLIDAYS.contains(&(d.day(), d.month()))
            && !self.days_off.contains(&d)
    }

    /// The last day a year's report is on time: the deadline, or, where that falls on a
    /// weekend or a public holiday, the next working day. (Bộ luật Dân sự 2015, Điều 148,
    /// khoản 5: a time limit whose last day is a day off ends with the next working day;
    /// 25/10/2025 is a Saturday, so a report of 2025 received on Monday 27/10 is on time.
    /// Before 0.20.0 it was two days late.)
    pub fn due_by(&self, year: i32) -> Option<NaiveDate> {
        let mut d = self.deadline_for(year)?;
        for _ in 0..366 {
            if self.working_day(d) {
                break;
            }
            d = d.succ_opt()?;
        }
        Some(d)
    }

    /// The agency that holds `code`'s duties in `year`: itself if in force, else its
    /// successor's holder (a chain of mergers is followed).
    pub fn holder_in(&self, code: &str, year: i32) -> Option<&Agency> {
        let mut a = self.agency(code)?;
        for _ in 0..16 {
            if a.in_force(year) {
                return Some(a);
            }
            match (&a.successor, a.until) {
                (Some(s), Some(u)) if u < year => a = self.agency(s)?,
                _ => return None,
            }
        }
        None
    }

    /// Every (agency, task, role) the plan assigns in `year`, in plan order: an agency
    /// merged away hands its assignments to its successor; one not yet in force, or
    /// abolished without one, has none. An agency both lead and partner counts as lead.
    pub fn assignments(&self, year: i32) -> Vec<(String, String, Role)> {
        let mut out: Vec<(String, String, Role)> = Vec::new();
        // Where each (agency, task) already is in `out`: an agency given a task twice
        // (lead and partner, or through a predecessor) holds it once, in its stronger role.
        let mut at: std::collections::HashMap<(&str, &str), usize> = std::collections::HashMap::new();
        for t in &self.tasks {
            let given = t.leads.iter().map(|a| (a, Role::Lead)).chain(t.partners.iter().map(|a| (a, Role::Partner)));
            for (code, role) in given {
                let Some(holder) = self.holder_in(code, year) else { continue };
                match at.get(&(holder.code.as_str(), t.code.as_str())) {
                    Some(&i) => out[i].2 = out[i].2.min(role),
                    None => {
                        at.insert((holder.code.as_str(), t.code.as_str()), out.len());
                        out.push((holder.code.clone(), t.code.clone(), role));
                    }
                }
            }
        }
        out
    }

    /// Every (agency, task) → role of `year`, for looking roles up row by row.
    pub fn roles(&self, year: i32) -> std::collections::HashMap<(String, String), Role> {
        self.assignments(year).into_iter().map(|(a, t, r)| ((a, t), r)).collect()
    }

    /// The role of an agency in a task in `year`, if the plan gives it one (computes every
    /// assignment: for many look-ups use `roles`).
    pub fn role_of(&self, agency: &str, task: &str, year: i32) -> Option<Role> {
        self.assignments(year).into_iter().find(|(a, t, _)| a == agency && t == task).map(|(_, _, r)| r)
    }

    /// Agencies expected to report in `year`, in plan order.
    pub fn reporting_agencies(&self, year: i32) -> impl Iterator<Item = &Agency> {
        self.agencies.iter().filter(move |a| a.reports && a.in_force(year))
    }

    /// Tasks some agency that reports in `year` holds, in plan order.
    pub fn assigned_tasks(&self, year: i32) -> Vec<&Task> {
        let given = self.assignments(year);
        self.tasks.iter().filter(|t| given.iter().any(|(a, c, _)| *c == t.code && self.agency(a).is_some_and(|a| a.reports))).collect()
    }
}

// ---- the file as written ----

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    plan: RawHeader,
    #[serde(default)]
    agencies: Vec<RawAgency>,
    #[serde(default)]
    tasks: Vec<RawTask>,
    #[serde(default)]
    deadlines: BTreeMap<String, Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    id: Spanned<String>,
    title: String,
    province: String,
    #[serde(default)]
    issuer: String,
    first_year: Spanned<i32>,
    last_year: Spanned<i32>,
    coordinator: Option<Spanned<String>>,
    deadline: Option<Spanned<String>>,
    #[serde(default)]
    days_off: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAgency {
    code: Spanned<String>,
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default = "yes")]
    reports: bool,
    from: Option<Spanned<i32>>,
    until: Option<Spanned<i32>>,
    successor: Option<Spanned<String>>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTask {
    code: Spanned<String>,
    title: String,
    lead: Option<Spanned<OneOrMany>>,
    partners: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
}

/// One thing wrong with a plan file, with the line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanIssue {
    /// 1-based line in the plan file.
    pub line: usize,
    /// True when the plan cannot be used until this is fixed; false when it is only
    /// incomplete (a value the source document does not give).
    pub fatal: bool,
    /// What is wrong, in Vietnamese, naming the value.
    pub message: String,
}

/// The outcome of checking a plan file: the plan if it can be used, and every issue found.
#[derive(Debug)]
pub struct Checked {
    pub plan: Option<Plan>,
    pub issues: Vec<PlanIssue>,
}

/// Line numbers of byte offsets, from the text's newlines found once (counting them again
/// for every agency made a 10,000-agency plan take over a second).
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        Lines(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i).collect())
    }

    /// 1-based line of a byte offset.
    fn of(&self, offset: usize) -> usize {
        self.0.partition_point(|&nl| nl < offset) + 1
    }
}

/// Reads and validates a plan file, collecting every issue rather than stopping at the first.
pub fn check_file(path: &Path) -> Result<Checked, PlanError> {
    let text = std::fs::read_to_string(path).map_err(|source| PlanError::Read { path: path.to_path_buf(), source })?;
    Ok(check_text(&text, path))
}

/// Loads a plan for a run. A fatal issue stops it; an incomplete plan (one the source
/// document leaves short) runs, with what it lacks shown in the outputs.
pub fn load(path: &Path) -> Result<Plan, PlanError> {
    let checked = check_file(path)?;
    match checked.plan {
        Some(mut plan) => {
            plan.missing = checked.issues.iter().filter(|i| !i.fatal).map(|i| i.message.clone()).collect();
            Ok(plan)
        }
        None => Err(PlanError::Invalid {
            path: path.to_path_buf(),
            issues: checked.issues.iter().map(|i| format!("dòng {}: {}", i.line, i.message)).collect(),
        }),
    }
}

/// Validates plan text. `path` is only recorded in the result.
pub fn check_text(text: &str, path: &Path) -> Checked {
    let lines = Lines::new(text);
    let raw: RawFile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let line = e.span().map(|s| lines.of(s.start)).unwrap_or(1);
            return Checked {
                plan: None,
                issues: vec![PlanIssue { line, fatal: true, message: format!("không đọc được TOML: {}", e.message()) }],
            };
        }
    };
    let mut issues = Vec::new();
    let mut fatal = |span: std::ops::Range<usize>, message: String| {
        issues.push(PlanIssue { line: lines.of(span.start), fatal: true, message });
    };

    let id = raw.plan.id.get_ref().trim().to_string();
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        fatal(
            raw.plan.id.span(),
            format!("mã kế hoạch \"{id}\" phải gồm chữ cái không dấu, chữ số, '-' hoặc '_' (dùng trong tên thư mục)"),
        );
    }
    let (first_year, last_year) = (*raw.plan.first_year.get_ref(), *raw.plan.last_year.get_ref());
    if !(1990..=2100).contains(&first_year) {
        fatal(raw.plan.first_year.span(), format!("năm đầu {first_year} không hợp lệ"));
    }
    if last_year < first_year {
        fatal(raw.plan.last_year.span(), format!("năm cuối {last_year} trước năm đầu {first_year}"));
    }

    // Agencies: unique codes, and no name or alias claimed by two agencies.
    let mut codes: PlHashMap<String, usize> = PlHashMap::default();
    let mut names: PlHashMap<String, String> = PlHashMap::default();
    let mut agencies = Vec::new();
    for a in &raw.agencies {
        let code = a.code.get_ref().trim().to_string();
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            fatal(a.code.span(), format!("mã cơ quan \"{code}\" phải gồm chữ cái không dấu, chữ số, '-' hoặc '_'"));
        }
        if let Some(&first) = codes.get(&code) {
            fatal(a.code.span(), format!("mã cơ quan \"{code}\" trùng với cơ quan ở dòng {first}"));
        } else {
            codes.insert(code.clone(), lines.of(a.code.span().start));
        }
        let spelled = std::iter::once(&a.code).chain(std::iter::once(&a.name)).chain(a.aliases.iter());
        for n in spelled {
            let key = fold(n.get_ref());
            if key.is_empty() {
                fatal(n.span(), format!("tên hoặc tên khác của cơ quan \"{code}\" để trống"));
                continue;
            }
            match names.get(&key) {
                Some(owner) if *owner != code => fatal(
                    n.span(),
                    format!("tên \"{}\" vừa của cơ quan \"{owner}\" vừa của \"{code}\": không thể biết báo cáo của ai", n.get_ref()),
                ),
                _ => {
                    names.insert(key, code.clone());
                }
            }
        }
        let (from, until) = (a.from.as_ref().map(|f| *f.get_ref()), a.until.as_ref().map(|u| *u.get_ref()));
        if let (Some(f), Some(u), Some(span)) = (from, until, a.until.as_ref().map(|u| u.span())) {
            if u < f {
                fatal(span, format!("cơ quan \"{code}\": năm cuối {u} trước năm đầu {f}"));
            }
        }
        if let (Some(s), None) = (&a.successor, until) {
            fatal(s.span(), format!("cơ quan \"{code}\" có cơ quan kế thừa nhưng không ghi năm cuối (until)"));
        }
        agencies.push(Agency {
            code,
            name: a.name.get_ref().trim().to_string(),
            aliases: a.aliases.iter().map(|s| s.get_ref().trim().to_string()).collect(),
            reports: a.reports,
            from,
            until,
            successor: a.successor.as_ref().map(|s| s.get_ref().trim().to_string()),
        });
    }
    for a in &raw.agencies {
        if let Some(s) = &a.successor {
            if !codes.contains_key(s.get_ref().trim()) {
                fatal(s.span(), format!("cơ quan kế thừa \"{}\" không có trong danh sách cơ quan", s.get_ref()));
            }
        }
    }

    if agencies.is_empty() {
        issues.push(PlanIssue { line: 1, fatal: false, message: "chưa có danh sách cơ quan ([[agencies]]) và phân công".into() });
    }

    // Tasks: unique codes, and every agency they name exists.
    let mut task_codes: BTreeMap<String, usize> = BTreeMap::new();
    // Other names of tasks, folded without spaces: the line each is on, and its task.
    let mut task_aliases: BTreeMap<String, (usize, String)> = BTreeMap::new();
    let mut tasks = Vec::new();
    for t in &raw.tasks {
        let code = t.code.get_ref().trim().to_string();
        let line = lines.of(t.code.span().start);
        if code.is_empty() {
            issues.push(PlanIssue { line, fatal: true, message: "nhiệm vụ không có mã".into() });
        }
        if let Some(&first) = task_codes.get(&code) {
            issues.push(PlanIssue {
                line, fatal: true, message: format!("mã nhiệm vụ \"{code}\" trùng với nhiệm vụ ở dòng {first}")
            });
        } else {
            task_codes.insert(code.clone(), line);
        }
        let leads: Vec<String> = match t.lead.as_ref().map(|l| l.get_ref()) {
            Some(OneOrMany::One(s)) => vec![s.trim().to_string()],
            Some(OneOrMany::Many(v)) => v.iter().map(|s| s.trim().to_string()).collect(),
            None => Vec::new(),
        };
        let lead_span = t.lead.as_ref().map_or(t.code.span(), |l| l.span());
        if leads.is_empty() {
            issues.push(PlanIssue {
                line: lines.of(lead_span.start),
                fatal: false,
                message: format!("nhiệm vụ \"{code}\" chưa có cơ quan chủ trì (lead)"),
            });
        }
        let partners: Vec<String> =
            t.partners.as_ref().map(|p| p.get_ref().iter().map(|s| s.trim().to_string()).collect()).unwrap_or_default();
        let partners_span = t.partners.as_ref().map_or(t.code.span(), |p| p.span());
        for (list, span, what) in [(&leads, lead_span.clone(), "chủ trì"), (&partners, partners_span, "phối hợp")] {
            for a in list {
                if !codes.contains_key(a) {
                    issues.push(PlanIssue {
                        line: lines.of(span.start),
                        fatal: true,
                        message: format!("nhiệm vụ \"{code}\": cơ quan {what} \"{a}\" không có trong danh sách cơ quan"),
                    });
                }
            }
        }
        // Another name for a task may not be another task's code or other name.
        let mut aliases = Vec::new();
        for a in &t.aliases {
            let alias = a.get_ref().trim().to_string();
            let line = lines.of(a.span().start);
            let key = crate::text::fold(&alias).replace(' ', "");
            if let Some(&(first, _)) = task_aliases.get(&key) {
                issues.push(PlanIssue {
                    line,
                    fatal: true,
                    message: format!("nhiệm vụ \"{code}\": tên khác \"{alias}\" trùng với nhiệm vụ ở dòng {first}"),
                });
            } else if !alias.is_empty() {
                task_aliases.insert(key, (line, code.clone()));
                aliases.push(alias);
            }
        }
        tasks.push(Task { code, title: t.title.trim().to_string(), leads, partners, aliases });
    }
    for (key, (line, code)) in &task_aliases {
        if let Some(t) = tasks.iter().find(|t| t.code != *code && crate::text::fold(&t.code).replace(' ', "") == *key) {
            issues.push(PlanIssue {
                line: *line,
                fatal: true,
                message: format!("nhiệm vụ \"{code}\": tên khác trùng với mã nhiệm vụ \"{}\"", t.code),
            });
        }
    }
    if tasks.is_empty() {
        issues.push(PlanIssue { line: 1, fatal: true, message: "kế hoạch không có nhiệm vụ nào ([[tasks]])".into() });
    }

    // Coordinator and deadline: absent means the source document is silent (incomplete).
    let coordinator = match &raw.plan.coordinator {
        Some(c) if codes.contains_key(c.get_ref().trim()) => Some(c.get_ref().trim().to_string()),
        Some(c) => {
            issues.push(PlanIssue {
                line: lines.of(c.span().start),
                fatal: true,
                message: format!("cơ quan đầu mối \"{}\" không có trong danh sách cơ quan", c.get_ref()),
            });
            None
        }
        None => {
            issues.push(PlanIssue { line: 1, fatal: false, message: "thiếu cơ quan đầu mối tổng hợp (coordinator)".into() });
            None
        }
    };
    let deadline = match &raw.plan.deadline {
        Some(d) => match DayMonth::parse(d.get_ref()) {
            Some(dm) => Some(dm),
            None => {
                let example = "ví dụ \"25/10\"; \"15/01 năm sau\" cho hạn sau khi hết năm báo cáo";
                issues.push(PlanIssue {
                    line: lines.of(d.span().start),
                    fatal: true,
                    message: format!("hạn nộp \"{}\" không phải ngày/tháng hợp lệ ({example})", d.get_ref()),
                });
                None
            }
        },
        None => {
            issues.push(PlanIssue { line: 1, fatal: false, message: "thiếu hạn nộp báo cáo hằng năm (deadline)".into() });
            None
        }
    };

    // Years the province moved the deadline.
    let mut deadlines = BTreeMap::new();
    for (year, d) in &raw.deadlines {
        let line = lines.of(d.span().start);
        match (year.trim().parse::<i32>(), DayMonth::parse(d.get_ref())) {
            (Ok(y), Some(dm)) if (first_year..=last_year).contains(&y) => {
                deadlines.insert(y, dm);
            }
            (Ok(y), Some(_)) => issues.push(PlanIssue {
                line,
                fatal: true,
                message: format!("hạn nộp riêng của năm {y}: năm nằm ngoài kế hoạch ({first_year}–{last_year})"),
            }),
            _ => issues.push(PlanIssue {
                line,
                fatal: true,
                message: format!("hạn nộp riêng \"{year} = {}\" không hợp lệ (ví dụ 2023 = \"30/10\")", d.get_ref()),
            }),
        }
    }

    // Days off that may move a deadline, as "dd/mm/yyyy".
    let mut days_off = std::collections::BTreeSet::new();
    for d in &raw.plan.days_off {
        let text = d.get_ref().trim();
        match NaiveDate::parse_from_str(text, "%d/%m/%Y").or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d")) {
            Ok(day) => {
                days_off.insert(day);
            }
            Err(_) => issues.push(PlanIssue {
                line: lines.of(d.span().start),
                fatal: true,
                message: format!("ngày nghỉ \"{text}\" không phải ngày hợp lệ (ví dụ \"16/02/2026\")"),
            }),
        }
    }

    issues.sort_by_key(|i| i.line);
    let plan = if issues.iter().any(|i| i.fatal) {
        None
    } else {
        Some(Plan {
            id,
            title: raw.plan.title.trim().to_string(),
            province: raw.plan.province.trim().to_string(),
            issuer: raw.plan.issuer.trim().to_string(),
            first_year,
            last_year,
            coordinator,
            deadline,
            deadlines,
            days_off,
            tasks,
            path: path.to_path_buf(),
            missing: Vec::new(),
            by_code: agencies.iter().enumerate().map(|(i, a)| (a.code.clone(), i)).collect(),
            agencies,
        })
    };
    Checked { plan, issues }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_offsets() {
        let text = "a\nbc\n\nd";
        let lines = Lines::new(text);
        let slow = |o: usize| text[..o].matches('\n').count() + 1;
        for o in 0..=text.len() {
            assert_eq!(lines.of(o), slow(o), "offset {o}");
        }
    }

    const GOOD: &str = r#"
[plan]
id = "demo"
title = "Kế hoạch thử"
province = "Bắc Giang"
issuer = "UBND tỉnh"
first_year = 2022
last_year = 2030
coordinator = "SNV"
deadline = "25/10"

[[agencies]]
code = "SNV"
name = "Sở Ngoại vụ"
aliases = ["Sở NgV"]

[[agencies]]
code = "SVHTTDL"
name = "Sở Văn hóa, Thể thao và Du lịch"

[[tasks]]
code = "NV1"
title = "Tuyên truyền"
lead = "SNV"
partners = ["SVHTTDL"]
"#;

    fn issues(text: &str) -> Vec<(usize, bool, String)> {
        check_text(text, Path::new("x.toml")).issues.into_iter().map(|i| (i.line, i.fatal, i.message)).collect()
    }

    #[test]
    fn good_plan_loads() {
        let c = check_text(GOOD, Path::new("x.toml"));
        assert!(c.issues.is_empty(), "{:?}", c.issues);
        let plan = c.plan.unwrap();
        assert_eq!(plan.deadline_for(2024), NaiveDate::from_ymd_opt(2024, 10, 25));
        assert_eq!(plan.role_of("SVHTTDL", "NV1", 2024), Some(Role::Partner));
        assert_eq!(plan.assignments(2024).len(), 2);
    }

    #[test]
    fn a_deadline_on_a_day_off_runs_to_the_next_working_day() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let plan = check_text(GOOD, Path::new("x.toml")).plan.unwrap();
        // 25/10/2024 is a Friday; 25/10/2025 a Saturday, 25/10/2026 a Sunday.
        assert_eq!([2024, 2025, 2026].map(|y| plan.due_by(y)), [Some(day(2024, 10, 25)), Some(day(2025, 10, 27)), Some(day(2026, 10, 26))]);
        // A fixed public holiday, the next day one too (30/4 and 1/5/2024), and the plan's own
        // days off (Tết 2026 from 16/02, a Monday).
        let holidays = GOOD.replace("deadline = \"25/10\"", "deadline = \"30/04\"\ndays_off = [\"16/02/2026\", \"2026-02-17\"]");
        let plan = check_text(&holidays, Path::new("x.toml")).plan.unwrap();
        assert_eq!(plan.due_by(2024), Some(day(2024, 5, 2)));
        assert!(!plan.working_day(day(2026, 2, 17)) && plan.working_day(day(2026, 2, 18)));
        let bad = GOOD.replace("deadline = \"25/10\"", "deadline = \"25/10\"\ndays_off = [\"30/02/2026\"]");
        assert!(issues(&bad).iter().any(|(l, f, m)| *l == 11 && *f && m.contains("30/02/2026")), "{:?}", issues(&bad));
        // As people read it.
        assert_eq!(deadline_text(day(2024, 10, 25), day(2024, 10, 25), false), "25/10/2024");
        assert_eq!(deadline_text(day(2025, 10, 25), day(2025, 10, 27), false), "25/10/2025, thứ Bảy: nhận đến hết thứ Hai 27/10/2025");
        assert_eq!(deadline_text(day(2024, 4, 30), day(2024, 5, 2), false), "30/04/2024, ngày nghỉ: nhận đến hết thứ Năm 02/05/2024");
        assert_eq!(
            deadline_text(day(2026, 10, 25), day(2026, 10, 26), true),
            "25/10/2026, Sunday: on time until the end of Monday 26/10/2026"
        );
    }

    #[test]
    fn every_problem_named_with_its_line() {
        let bad = GOOD
            .replace("partners = [\"SVHTTDL\"]", "partners = [\"STTTT\"]")
            .replace("aliases = [\"Sở NgV\"]", "aliases = [\"Sở Văn hoá, thể thao và du lịch\"]")
            .replace("deadline = \"25/10\"", "deadline = \"31/02\"");
        let found = issues(&bad);
        assert!(found.iter().any(|(l, f, m)| *l == 10 && *f && m.contains("31/02")), "{found:?}");
        assert!(found.iter().any(|(l, f, m)| *l == 19 && *f && m.contains("vừa của cơ quan")), "{found:?}");
        assert!(found.iter().any(|(l, f, m)| *l == 25 && *f && m.contains("STTTT")), "{found:?}");
    }

    #[test]
    fn duplicate_codes_and_missing_deadline() {
        let bad = GOOD.replace("code = \"SVHTTDL\"", "code = \"SNV\"").replace("deadline = \"25/10\"\n", "");
        let found = issues(&bad);
        assert!(found.iter().any(|(_, f, m)| *f && m.contains("trùng")), "{found:?}");
        assert!(found.iter().any(|(_, f, m)| !*f && m.contains("hạn nộp")), "{found:?}");
    }

    #[test]
    fn a_task_s_other_names_are_its_own() {
        let two = GOOD.to_string() + "\n[[tasks]]\ncode = \"NV2\"\ntitle = \"Hai\"\nlead = \"SNV\"\naliases = [\"II.2\"]\n";
        let c = check_text(&two, Path::new("x.toml"));
        assert!(c.issues.is_empty(), "{:?}", c.issues);
        assert_eq!(c.plan.unwrap().tasks[1].aliases, ["II.2"]);
        // Its own code is no conflict; another task's code, or another task's other name, is.
        let own = two.replace("aliases = [\"II.2\"]", "aliases = [\"II.2\", \"NV2\"]");
        assert!(check_text(&own, Path::new("x.toml")).issues.is_empty());
        for alias in ["nv 1", "II.2"] {
            let bad = two.clone() + &format!("\n[[tasks]]\ncode = \"NV3\"\ntitle = \"Ba\"\nlead = \"SNV\"\naliases = [\"{alias}\"]\n");
            let found = issues(&bad);
            assert!(found.iter().any(|(_, f, m)| *f && m.contains("NV3") && m.contains("trùng")), "{alias}: {found:?}");
        }
    }

    #[test]
    fn agencies_over_time() {
        let text = GOOD.replace("deadline = \"25/10\"", "deadline = \"25/10\"\n\n[deadlines]\n2023 = \"30/10\"")
            + r#"
[[agencies]]
code = "STTTT"
name = "Sở Thông tin và Truyền thông"
until = 2024
successor = "SKHCN"

[[agencies]]
code = "SKHCN"
name = "Sở Khoa học và Công nghệ"

[[agencies]]
code = "NEW"
name = "Cơ quan mới"
from = 2025

[[tasks]]
code = "NV2"
title = "Truyền thông"
lead = "STTTT"
partners = ["SKHCN", "NEW"]
"#;
        let c = check_text(&text, Path::new("x.toml"));
        assert!(c.issues.is_empty(), "{:?}", c.issues);
        let plan = c.plan.unwrap();
        assert_eq!(plan.deadline_for(2023), NaiveDate::from_ymd_opt(2023, 10, 30));
        assert_eq!(plan.deadline_for(2024), NaiveDate::from_ymd_opt(2024, 10, 25));
        // 2024: the old department leads; the new agency does not exist yet.
        assert_eq!(plan.role_of("STTTT", "NV2", 2024), Some(Role::Lead));
        assert_eq!(plan.role_of("SKHCN", "NV2", 2024), Some(Role::Partner));
        assert_eq!(plan.role_of("NEW", "NV2", 2024), None);
        // 2025: the successor takes the lead (and is partner no longer); the new one joins.
        assert_eq!(plan.role_of("STTTT", "NV2", 2025), None);
        assert_eq!(plan.role_of("SKHCN", "NV2", 2025), Some(Role::Lead));
        assert_eq!(plan.role_of("NEW", "NV2", 2025), Some(Role::Partner));
        assert_eq!(plan.reporting_agencies(2025).map(|a| a.code.as_str()).collect::<Vec<_>>(), ["SNV", "SVHTTDL", "SKHCN", "NEW"]);
        assert_eq!(plan.holder_in("STTTT", 2026).map(|a| a.code.as_str()), Some("SKHCN"));
    }

    #[test]
    fn an_incomplete_plan_is_usable_with_what_it_lacks_named() {
        let text = GOOD.replace("coordinator = \"SNV\"\n", "").replace("deadline = \"25/10\"\n", "").replace("lead = \"SNV\"\n", "");
        let c = check_text(&text, Path::new("x.toml"));
        assert!(c.plan.is_some());
        let msgs: Vec<_> = c.issues.iter().map(|i| (i.fatal, i.message.as_str())).collect();
        assert!(msgs.iter().all(|(f, _)| !f), "{msgs:?}");
        assert!(
            msgs.iter().any(|(_, m)| m.contains("coordinator"))
                && msgs.iter().any(|(_, m)| m.contains("deadline"))
                && msgs.iter().any(|(_, m)| m.contains("NV1")),
            "{msgs:?}"
        );
        assert_eq!(c.plan.unwrap().deadline_for(2024), None);
    }

    #[test]
    fn deadline_parse() {
        assert_eq!(DayMonth::parse("25/10"), Some(DayMonth { day: 25, month: 10, next_year: false }));
        assert_eq!(DayMonth::parse("15-11"), Some(DayMonth { day: 15, month: 11, next_year: false }));
        assert_eq!(DayMonth::parse("32/10"), None);
        assert_eq!(DayMonth::parse("oct 25"), None);
        // Due after the year reported on ends.
        let january = DayMonth::parse("15/01 năm sau").unwrap();
        assert_eq!(january, DayMonth { day: 15, month: 1, next_year: true });
        assert_eq!(january.in_year(2024), NaiveDate::from_ymd_opt(2025, 1, 15).unwrap());
        assert_eq!(january.to_string(), "15/01 năm sau");
        for also in ["15/01 của năm sau", "15/1/ năm sau", "15/01 next year", "15-01 NĂM SAU"] {
            assert_eq!(DayMonth::parse(also), Some(january), "{also}");
        }
        assert_eq!(DayMonth::parse("15/01 năm trước"), None);
        assert_eq!(DayMonth::parse("15/01/2025"), None);
        assert_eq!(DayMonth { day: 29, month: 2, next_year: false }.in_year(2023), NaiveDate::from_ymd_opt(2023, 2, 28).unwrap());
    }
}
