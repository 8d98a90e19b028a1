//! Check: completeness and coverage, as Polars joins and aggregations.
//!
//! Owns: who was expected and who submitted, on time or late by how many days, who did
//! not; for every (agency, assigned task) pair whether it was reported; budget by task
//! and agency; the summary counts. Does not own: reading files or writing outputs.

use chrono::NaiveDate;
use polars::prelude::*;

use crate::normalise::{Normalised, Outcome};
use crate::plan::Plan;
use crate::schema::*;

/// The Vietnamese word for a verdict.
pub fn verdict_vi(v: &str) -> &'static str {
    match v {
        "on_time" => "Đúng hạn",
        "late" => "Nộp muộn",
        "undated" => "Đã nộp, không rõ ngày",
        "missing" => "Chưa nộp",
        "not_yet_due" => "Chưa nộp (chưa đến hạn)",
        "received" => "Đã nộp (kế hoạch chưa quy định hạn)",
        "not_received" => "Chưa nộp",
        "unreadable" => "Đã gửi, không đọc được: cần gửi lại",
        "no_file" => "Sổ công văn ghi đã nhận, không có tệp: cần lưu tệp vào thư mục",
        "part_year" => "Mới gửi báo cáo 6 tháng/quý: cần gửi báo cáo năm",
        "last_year" => "Chỉ gửi báo cáo năm trước: cần gửi báo cáo năm nay",
        _ => "",
    }
}

/// Whether each row is work outside the plan's tasks (flagged `task_outside_plan`).
pub fn outside_plan(rows: &DataFrame) -> PolarsResult<BooleanChunked> {
    let code = crate::error::Kind::TaskOutsidePlan.code();
    let flags = rows.column(FLAGS)?.str()?;
    Ok(BooleanChunked::from_iter_values(OUTSIDE_PLAN.into(), flags.iter().map(|f| f.is_some_and(|f| f.split(';').any(|k| k == code)))))
}

/// The checked year.
#[derive(Debug)]
pub struct Checked {
    /// One row per agency expected to report, plan order: `schema::completeness()` plus
    /// `file` (the submission used).
    pub completeness: DataFrame,
    /// One row per (agency, assigned task), plan order: `schema::coverage()`.
    pub coverage: DataFrame,
    /// (agency, task) pairs reported although the plan does not assign them.
    pub unassigned: DataFrame,
    /// Budget and activity count by task and agency, plan order; rows of no task grouped
    /// apart as work outside the plan's tasks (`outside_plan` true) or not told.
    pub budget: DataFrame,
    pub summary: Summary,
}

/// The counts on the summary sheet, in the words of reporting systems (DHIS2): reports
/// expected, received, on time; and down to each (agency, task) pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The deadline, if the plan gives one.
    pub deadline: Option<NaiveDate>,
    /// The last day a report is on time: the deadline, or the next working day where it
    /// falls on a day off (`Plan::due_by`).
    pub due_by: Option<NaiveDate>,
    pub as_of: NaiveDate,
    pub expected: usize,
    pub received: usize,
    pub on_time: usize,
    pub late: usize,
    pub undated: usize,
    /// Not received: missing after the deadline, or not yet due before it.
    pub not_received: usize,
    /// Sent, but only as files that cannot be read as a report (a Word or PDF document, a
    /// broken workbook): to be sent again.
    pub unreadable: usize,
    /// Recorded as received in the receipts register, with no file in the folder (kept on
    /// paper, or the attachment not saved there): sent, by the register's day, and
    /// nothing of it consolidated.
    pub no_file: usize,
    /// Sent only a report of part of the year (its first half, a quarter): consolidated,
    /// and the year's report still to come.
    pub part_year: usize,
    /// Sent only last year's report (`report_other_year`, not consolidated): this year's
    /// still to come.
    pub last_year: usize,
    pub past_deadline: bool,
    pub tasks: usize,
    /// Tasks every assigned agency reported on.
    pub tasks_fully_reported: usize,
    pub pairs: usize,
    pub pairs_reported: usize,
    pub budget_total: f64,
    pub rows_read: usize,
    pub rows_accepted: usize,
    /// Of them, work outside the plan's tasks (`task_outside_plan`), and its money.
    pub outside_plan: usize,
    pub outside_budget: f64,
    pub files: usize,
    pub files_skipped: usize,
    pub problems: usize,
}

/// The submissions' column of agencies that sent only a report of part of the year.
const PART_YEAR: &str = "part_year";
/// The submissions' column of agencies whose only files are last year's report.
const LAST_YEAR: &str = "last_year";

fn days(d: NaiveDate) -> i32 {
    (d - NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid")).num_days() as i32
}

/// Days late of a received date against the deadline (0 when on time, null when unknown).
fn days_late(deadline: Option<NaiveDate>) -> Expr {
    let Some(deadline) = deadline else { return lit(NULL).cast(DataType::Int32) };
    let diff = col(RECEIVED_DATE).cast(DataType::Int32) - lit(days(deadline));
    when(col(RECEIVED_DATE).is_null()).then(lit(NULL).cast(DataType::Int32)).when(diff.clone().gt(lit(0))).then(diff).otherwise(lit(0))
}

/// The verdict of a row of the completeness table.
fn verdict(deadline: Option<NaiveDate>, past_deadline: bool) -> Expr {
    // Not submitted, with a file: the agency sent one that cannot be read, only a report of
    // part of the year, or only last year's report.
    let unread = col(SUBMITTED).not().and(col(FILE).is_not_null()).and(col(PART_YEAR).not()).and(col(LAST_YEAR).not());
    // Not submitted, no file, a received date: the register's alone.
    let register_only = col(SUBMITTED).not().and(col(FILE).is_null()).and(col(RECEIVED_DATE).is_not_null());
    if deadline.is_none() {
        return when(col(SUBMITTED))
            .then(lit("received"))
            .when(col(PART_YEAR))
            .then(lit("part_year"))
            .when(col(LAST_YEAR))
            .then(lit("last_year"))
            .when(unread)
            .then(lit("unreadable"))
            .when(register_only)
            .then(lit("no_file"))
            .otherwise(lit("not_received"));
    }
    let not_received = if past_deadline { "missing" } else { "not_yet_due" };
    when(col(PART_YEAR))
        .then(lit("part_year"))
        .when(col(LAST_YEAR))
        .then(lit("last_year"))
        .when(unread)
        .then(lit("unreadable"))
        .when(register_only)
        .then(lit("no_file"))
        .when(col(SUBMITTED).not())
        .then(lit(not_received))
        .when(col(RECEIVED_DATE).is_null())
        .then(lit("undated"))
        .when(col(DAYS_LATE).gt(lit(0)))
        .then(lit("late"))
        .otherwise(lit("on_time"))
}

/// Checks a normalised year against the plan's assignments.
pub fn check(plan: &Plan, year: i32, as_of: NaiveDate, norm: &Normalised) -> PolarsResult<Checked> {
    // Days late and what is past due count from the last day a report is on time.
    let (deadline, due_by) = (plan.deadline_for(year), plan.due_by(year));
    let past_deadline = due_by.is_some_and(|d| as_of > d);

    // Who is expected: the agencies that report, in plan order.
    let agencies: Vec<_> = plan.reporting_agencies(year).collect();
    let expected = df!(
        AGENCY_ORDER => (0..agencies.len() as u32).collect::<Vec<_>>(),
        AGENCY_CODE => agencies.iter().map(|a| a.code.as_str()).collect::<Vec<_>>(),
        AGENCY_NAME => agencies.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(),
    )?;
    // Who submitted: the accepted file of each agency (superseded ones are out already);
    // else the first file it sent that cannot be read (a skipped file with a sender).
    // A report sent in parts names every part.
    let mut sent: std::collections::BTreeMap<&str, (bool, Vec<&str>)> = Default::default();
    // Last year's reports (`report_other_year`): named where an agency sent nothing else.
    let mut last_years: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for f in &norm.files {
        let Some(code) = f.agency_code.as_deref() else { continue };
        if f.outcome == Outcome::Skipped && f.reason_code == crate::error::Kind::ReportOtherYear.code() {
            last_years.entry(code).or_default().push(&f.file);
            continue;
        }
        let e = sent.entry(code).or_insert((false, Vec::new()));
        match (f.outcome, e.0) {
            (Outcome::Accepted, true) => e.1.push(&f.file),
            (Outcome::Accepted, false) => *e = (true, vec![&f.file]),
            (Outcome::Skipped, false) if e.1.is_empty() => e.1.push(&f.file),
            _ => {}
        }
    }
    sent.retain(|_, (_, files)| !files.is_empty());
    // (Where the register records this year's report, it is a file not saved: `no_file`.)
    last_years.retain(|code, _| !sent.contains_key(code) && !norm.register_only.contains_key(*code));
    let last_year: std::collections::BTreeSet<&str> = last_years.keys().copied().collect();
    sent.extend(last_years.into_iter().map(|(code, files)| (code, (false, files))));
    // An agency that sent only a report of part of the year has not sent the year's.
    let part_year = norm.part_year_only();
    // An agency the receipts register alone says sent a report: no file, its date the
    // register's.
    let registered = norm.register_only.keys().filter(|c| !sent.contains_key(c.as_str()));
    let (registered, registered_dates): (Vec<&str>, Vec<Option<i32>>) =
        registered.map(|c| (c.as_str(), norm.received.get(c).copied().map(days))).unzip();
    let submissions = df!(
        AGENCY_CODE => sent.keys().copied().collect::<Vec<_>>(),
        RECEIVED_DATE => sent.keys().map(|c| norm.received.get(*c).copied().map(days)).collect::<Vec<_>>(),
        FILE => sent.values().map(|(_, files)| files.join("; ")).collect::<Vec<_>>(),
        SUBMITTED => sent.iter().map(|(code, (accepted, _))| *accepted && !part_year.contains(code)).collect::<Vec<_>>(),
        PART_YEAR => sent.keys().map(|code| part_year.contains(code)).collect::<Vec<_>>(),
        LAST_YEAR => sent.keys().map(|code| last_year.contains(code)).collect::<Vec<_>>(),
    )?
    .vstack(&df!(
        AGENCY_CODE => registered.clone(),
        RECEIVED_DATE => registered_dates,
        FILE => registered.iter().map(|_| None::<&str>).collect::<Vec<_>>(),
        SUBMITTED => registered.iter().map(|_| false).collect::<Vec<_>>(),
        PART_YEAR => registered.iter().map(|_| false).collect::<Vec<_>>(),
        LAST_YEAR => registered.iter().map(|_| false).collect::<Vec<_>>(),
    )?)?
    .lazy()
    .with_column(col(RECEIVED_DATE).cast(DataType::Date));

    let completeness = expected
        .clone()
        .lazy()
        // Each expected agency with its submission, if any.
        .left_join(submissions, col(AGENCY_CODE), col(AGENCY_CODE))
        .with_column(col(SUBMITTED).fill_null(lit(false)))
        .with_column(col(PART_YEAR).fill_null(lit(false)))
        .with_column(col(LAST_YEAR).fill_null(lit(false)))
        // (The year's report not received: no days late by the part's day.)
        .with_column(when(col(PART_YEAR)).then(lit(NULL).cast(DataType::Int32)).otherwise(days_late(due_by)).alias(DAYS_LATE))
        .with_column(verdict(due_by, past_deadline).alias(VERDICT))
        .sort([AGENCY_ORDER], Default::default())
        .select([col(AGENCY_CODE), col(AGENCY_NAME), col(SUBMITTED), col(RECEIVED_DATE), col(DAYS_LATE), col(VERDICT), col(FILE)])
        .collect()?;

    // What is assigned: every (agency, task, role) of an agency that reports.
    let assignments: Vec<_> = plan.assignments(year).into_iter().filter(|(a, _, _)| plan.agency(a).is_some_and(|a| a.reports)).collect();
    let task_order = df!(
        TASK_CODE => plan.tasks.iter().map(|t| t.code.as_str()).collect::<Vec<_>>(),
        TASK_ORDER => (0..plan.tasks.len() as u32).collect::<Vec<_>>(),
    )?;
    let assigned = df!(
        AGENCY_CODE => assignments.iter().map(|(a, _, _)| a.as_str()).collect::<Vec<_>>(),
        TASK_CODE => assignments.iter().map(|(_, t, _)| t.as_str()).collect::<Vec<_>>(),
        ROLE => assignments.iter().map(|(_, _, r)| r.as_str()).collect::<Vec<_>>(),
    )?;
    // What was reported: distinct (agency, task) pairs among the accepted rows.
    let reported = norm.rows.clone().lazy().filter(col(TASK_CODE).is_not_null()).select([col(AGENCY_CODE), col(TASK_CODE)]);
    // With the tasks a row counted under another reports on too ("NV1, NV6").
    let also = df!(
        AGENCY_CODE => norm.also_reported.iter().map(|(a, _)| a.as_str()).collect::<Vec<_>>(),
        TASK_CODE => norm.also_reported.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>(),
    )?;
    let reported = concat([reported, also.lazy()], UnionArgs::default())?
        .unique(None, UniqueKeepStrategy::First)
        .with_column(lit(true).alias(REPORTED));

    let coverage = assigned
        .lazy()
        .join(reported, [col(AGENCY_CODE), col(TASK_CODE)], [col(AGENCY_CODE), col(TASK_CODE)], JoinArgs::new(JoinType::Left))
        .with_column(col(REPORTED).fill_null(lit(false)))
        // Plan order: agencies, then tasks.
        .left_join(expected.clone().lazy().select([col(AGENCY_CODE), col(AGENCY_ORDER)]), col(AGENCY_CODE), col(AGENCY_CODE))
        .left_join(task_order.clone().lazy(), col(TASK_CODE), col(TASK_CODE))
        .sort([AGENCY_ORDER, TASK_ORDER], Default::default())
        .select([col(AGENCY_CODE), col(TASK_CODE), col(ROLE), col(REPORTED)])
        .collect()?;
    ensure(&coverage, &crate::schema::coverage(), "coverage")?;

    let unassigned = norm
        .rows
        .clone()
        .lazy()
        .filter(col(ROLE).eq(lit("unassigned")).and(col(TASK_CODE).is_not_null()))
        .select([col(AGENCY_CODE), col(TASK_CODE)])
        .unique(None, UniqueKeepStrategy::First)
        .sort([AGENCY_CODE, TASK_CODE], Default::default())
        .collect()?;

    // Budget by task and agency; rows whose task is unresolved are grouped under a null task,
    // work outside the plan's tasks first, then what could not be told.
    let mut rows = norm.rows.select([TASK_CODE, AGENCY_CODE, ACTIVITY, BUDGET])?;
    let outside = outside_plan(&norm.rows)?;
    let (outside_rows, outside_budget) =
        (outside.sum().unwrap_or(0) as usize, norm.rows.column(BUDGET)?.f64()?.filter(&outside)?.sum().unwrap_or(0.0));
    rows.with_column(outside.into_column())?;
    let budget = rows
        .lazy()
        .group_by([col(TASK_CODE), col(OUTSIDE_PLAN), col(AGENCY_CODE)])
        .agg([col(ACTIVITY).len().alias(ACTIVITIES), col(BUDGET).sum().alias(BUDGET)])
        .left_join(task_order.lazy(), col(TASK_CODE), col(TASK_CODE))
        .left_join(expected.lazy().select([col(AGENCY_CODE), col(AGENCY_ORDER)]), col(AGENCY_CODE), col(AGENCY_CODE))
        // Plan order; codes break ties among tasks or agencies the plan does not list.
        .sort(
            [TASK_ORDER, TASK_CODE, OUTSIDE_PLAN, AGENCY_ORDER, AGENCY_CODE],
            SortMultipleOptions::default().with_nulls_last(true).with_order_descending_multi([false, false, true, false, false]),
        )
        .select([col(TASK_CODE), col(OUTSIDE_PLAN), col(AGENCY_CODE), col(ACTIVITIES), col(BUDGET)])
        .collect()?;

    // The summary counts.
    let verdicts = completeness.column(VERDICT)?.str()?.clone();
    let count = |v: &str| verdicts.iter().filter(|x| *x == Some(v)).count();
    let per_task = coverage.clone().lazy().group_by([col(TASK_CODE)]).agg([col(REPORTED).all(true)]).filter(col(REPORTED)).collect()?;
    let reported_pairs = coverage.column(REPORTED)?.bool()?.sum().unwrap_or(0) as usize;
    let budget_total = norm.rows.column(BUDGET)?.f64()?.sum().unwrap_or(0.0);
    let assigned_tasks = coverage.column(TASK_CODE)?.n_unique()?;
    let summary = Summary {
        deadline,
        due_by,
        as_of,
        expected: completeness.height(),
        received: count("on_time") + count("late") + count("undated") + count("received"),
        on_time: count("on_time"),
        late: count("late"),
        undated: count("undated"),
        not_received: count("missing") + count("not_yet_due") + count("not_received"),
        unreadable: count("unreadable"),
        no_file: count("no_file"),
        part_year: count("part_year"),
        last_year: count("last_year"),
        past_deadline,
        tasks: assigned_tasks,
        tasks_fully_reported: per_task.height(),
        pairs: coverage.height(),
        pairs_reported: reported_pairs,
        budget_total,
        rows_read: norm.rows_read(),
        rows_accepted: norm.rows_accepted(),
        outside_plan: outside_rows,
        outside_budget,
        files: norm.files.len(),
        files_skipped: norm.files.iter().filter(|f| f.outcome == Outcome::Skipped).count(),
        problems: norm
            .problems
            .iter()
            .filter(|p| {
                !matches!(
                    p.kind,
                    crate::error::Kind::TotalsRow
                        | crate::error::Kind::GroupRow
                        | crate::error::Kind::BudgetJoined
                        | crate::error::Kind::BudgetOfTask
                        | crate::error::Kind::ContinuedRow
                        | crate::error::Kind::ReportPart
                        | crate::error::Kind::ReportPeriodPart
                )
            })
            .count(),
    };
    Ok(Checked { completeness, coverage, unassigned, budget, summary })
}
