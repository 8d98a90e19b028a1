//! Errors that stop a run, and `Problem`, a finding about the data that does not.
//!
//! Owns: every user-facing text about what went wrong, in Vietnamese (and English where
//! `--lang en` asks), so the two stay in step. Does not own: deciding what is wrong.

use std::path::PathBuf;

/// A plan file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("không đọc được tệp kế hoạch {}: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("tệp kế hoạch {} có lỗi, hãy sửa rồi chạy lại (xem `tonghop plan check`):\n  {}", path.display(), issues.join("\n  "))]
    Invalid { path: PathBuf, issues: Vec<String> },
}

/// Something that stops a run (exit status 1).
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("không có thư mục báo cáo của năm {year}: {} (tạo thư mục và đặt các tệp báo cáo vào đó)", path.display())]
    NoYearFolder { year: i32, path: PathBuf },
    #[error("năm {year} nằm ngoài thời gian của kế hoạch ({first}–{last})")]
    YearOutOfPlan { year: i32, first: i32, last: i32 },
    #[error("không ghi được {}: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
    #[error("không tạo được sổ tổng hợp {}: {source}", path.display())]
    Workbook { path: PathBuf, source: rust_xlsxwriter::XlsxError },
    #[error("một lần chạy khác đang ghi vào {} — đợi nó xong rồi chạy lại, hoặc dùng --wait để tự đợi", path.display())]
    Busy { path: PathBuf },
    #[error("lỗi xử lý bảng dữ liệu: {0}")]
    Table(#[from] polars::error::PolarsError),
    #[error("số dòng không khớp: đã đọc {read} dòng nhưng nhận {accepted} và loại {rejected}; đây là lỗi của chương trình, xin báo lại")]
    RowsLost { read: usize, accepted: usize, rejected: usize },
}

/// What kind of finding a `Problem` is. The machine-readable code (`code()`) is what
/// `rows.csv` flags carry; the Vietnamese text is what the workbook shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum Kind {
    // files
    LockFile,
    /// A consolidated workbook tonghop made, put in the year folder: "{its footer line}".
    TonghopOutput,
    NotSpreadsheet,
    /// A zip archive holding several workbooks: they are not told apart inside it.
    Archive,
    Unreadable,
    Encrypted,
    NoTable,
    AgencyUnknown,
    AgencyAmbiguous,
    Superseded,
    /// The same bytes as another file of the same agency (sent or saved twice).
    SameFile,
    ReportPart,
    /// Another part of the year than the agency's other files (quarterly reports sent
    /// apart, "Quý I" beside "Quý II"): "{the file used}".
    ReportPeriodPart,
    DateMissing,
    DateUnreadable,
    DateOtherYear,
    DateGuessed,
    /// A report date months after the day of the run.
    DateFuture,
    /// A report date whose day is left blank, to be written by hand: its month and year.
    DatePartial,
    /// No date in the workbook; the one in its file's name is taken.
    DateFromName,
    /// The report's title names an earlier year than the reporting year ("Báo cáo kết quả
    /// … năm 2023" in 2024's reports): "{the year}".
    TitleOtherYear,
    /// Last year's report (its title names an earlier year, and it is dated in that year or
    /// the first half of the next): "{the year}, {its date}, {its sender as written}".
    ReportOtherYear,
    /// The report's title says it covers the first half or a quarter of the year ("Báo cáo
    /// sơ kết 6 tháng đầu năm 2024"): "{the title}".
    TitlePartYear,
    SheetOtherYear,
    /// A row whose year column ("Năm") gives another year than the reporting year.
    RowOtherYear,
    /// A sheet whose own "Đơn vị báo cáo" line names another agency than the file's sender.
    SheetOtherAgency,
    SheetGuidance,
    /// A sheet hidden by hand, with a table, beside shown ones: "{rows}".
    SheetHidden,
    /// A sheet dated in an earlier year than the reporting year, beside one dated in it
    /// (last year's report kept in the workbook): "{rows} {its date}".
    SheetDatedOtherYear,
    /// A sheet titled with an earlier year than the reporting year, beside one titled with
    /// it (last year's results kept beside this year's): "{rows} {that year}".
    SheetTitledOtherYear,
    /// A sheet summing up the report by task, with no activity column, beside a sheet of the
    /// same tasks' activities: "{rows} {the activities' sheets}".
    SheetSummary,
    SheetNoHeader,
    CellsOutsideTable,
    /// A column of the table hidden by hand beside one shown for the same field, or under
    /// a header of no field (last year's results hidden beside this year's): not read.
    ColumnHidden,
    /// Cells so far from the rest of the sheet that they are left out (a stray cell typed
    /// at XFD1048576): how many, and the first one's text.
    CellsFarAway,
    OtherTable,
    NoActivityColumn,
    NoStatusColumn,
    NoActivities,
    /// Every row of the report leaves its result and status blank (the form sent back with
    /// only its activities' names): how many rows.
    ResultsBlank,
    // rows
    TaskUnknown,
    TaskAmbiguous,
    /// A row's task cell names several tasks ("NV1, NV6"): counted under the first.
    TaskSeveral,
    TaskMissing,
    TaskFromRowAbove,
    /// A row that names no task of the plan, from an agency the plan gives one task: that
    /// task. The detail is its code, after the words written where there are any.
    TaskOnlyOne,
    /// A row whose task cell, section heading or sheet says the work is outside the plan's
    /// tasks ("Nhiệm vụ khác", "Nhiệm vụ phát sinh", "CÁC HOẠT ĐỘNG KHÁC"): consolidated
    /// apart, under no task. The detail is the words as written.
    TaskOutsidePlan,
    Unassigned,
    RoleMismatch,
    StatusUnknown,
    StatusMissing,
    BudgetUnreadable,
    BudgetUnitSuspect,
    /// A budget column with no unit written whose amounts read only as đồng ("15.000.000"
    /// under "Kinh phí"): read so, "{its header}".
    BudgetUnitGuessed,
    /// An amount in a foreign currency ("5.000 USD", under "Kinh phí (USD)"): not converted.
    BudgetForeignCurrency,
    CellError,
    /// A formula saved with no value (a workbook written by a script, never opened in a
    /// spreadsheet program): its result cannot be read.
    FormulaNoValue,
    Duplicate,
    /// A row of the table hidden by hand: not consolidated, listed.
    RowHidden,
    TotalsRow,
    /// A row of a sheet of the money alone, its amount given to the report's activity of the same name.
    BudgetJoined,
    /// A task's money on a sheet summing up the report by task, given to the task's first
    /// activity, where none of its activities gives money of its own.
    BudgetOfTask,
    /// A row over numbered rows of its own ("1" over "1.1", "1.2"): not an activity.
    GroupRow,
    TotalsMismatch,
    /// A group row's budget that its rows do not add up to.
    GroupMismatch,
    ContinuedRow,
    ExampleRow,
    NoteOnlyRow,
    ReadPanic,
    // text and the receipts register
    LegacyEncoding,
    AgencyMismatch,
    ReceiptDiffers,
    ReceiptUnknownAgency,
    ReceiptWithoutFile,
    ReceiptUnreadable,
    /// Lines of the register for documents that are no report (a full register of incoming documents).
    ReceiptOtherDocuments,
    ReaderCrashed,
    ReaderTimeout,
    AgencyRenamed,
    AgencyNotInForce,
    AgencyNotInPlan,
    Symlink,
    TextTruncated,
    TemplateMismatch,
}

/// The parts of a `ReportOtherYear` detail, "{the year}, {its date}, {its sender}" (the
/// sender's name may hold commas of its own).
fn other_year_parts(detail: &str) -> (&str, &str, &str) {
    let mut parts = detail.splitn(3, ", ");
    (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""))
}

impl Kind {
    /// A file the agency sent that cannot be read as a report: the agency is told to send
    /// it again (a lock file or a link is not something an agency sent).
    pub fn is_sent_unread(self) -> bool {
        use Kind::*;
        matches!(self, NotSpreadsheet | Archive | Unreadable | Encrypted | NoTable | ReadPanic | ReaderCrashed | ReaderTimeout)
    }

    /// Stable machine-readable code (used in `rows.csv` flags and `problems.csv`).
    pub fn code(self) -> &'static str {
        use Kind::*;
        match self {
            LockFile => "lock_file",
            TonghopOutput => "tonghop_output",
            NotSpreadsheet => "not_spreadsheet",
            Archive => "archive",
            Unreadable => "unreadable",
            Encrypted => "encrypted",
            NoTable => "no_table",
            AgencyUnknown => "agency_unknown",
            AgencyAmbiguous => "agency_ambiguous",
            Superseded => "superseded",
            SameFile => "same_file",
            ReportPart => "report_part",
            ReportPeriodPart => "report_period_part",
            DateMissing => "date_missing",
            DateUnreadable => "date_unreadable",
            DateOtherYear => "date_other_year",
            DateGuessed => "date_guessed",
            DateFuture => "date_future",
            DatePartial => "date_partial",
            DateFromName => "date_from_name",
            TitleOtherYear => "title_other_year",
            ReportOtherYear => "report_other_year",
            TitlePartYear => "title_part_year",
            SheetOtherYear => "sheet_other_year",
            RowOtherYear => "row_other_year",
            SheetOtherAgency => "sheet_other_agency",
            SheetGuidance => "sheet_guidance",
            SheetHidden => "sheet_hidden",
            SheetSummary => "sheet_summary",
            SheetDatedOtherYear => "sheet_dated_other_year",
            SheetTitledOtherYear => "sheet_titled_other_year",
            SheetNoHeader => "sheet_no_header",
            CellsOutsideTable => "cells_outside_table",
            ColumnHidden => "column_hidden",
            CellsFarAway => "cells_far_away",
            OtherTable => "other_table",
            NoActivityColumn => "no_activity_column",
            NoStatusColumn => "no_status_column",
            NoActivities => "no_activities",
            ResultsBlank => "results_blank",
            TaskUnknown => "task_unknown",
            TaskAmbiguous => "task_ambiguous",
            TaskSeveral => "task_several",
            TaskMissing => "task_missing",
            TaskFromRowAbove => "task_from_row_above",
            TaskOnlyOne => "task_only_one",
            TaskOutsidePlan => "task_outside_plan",
            Unassigned => "unassigned",
            RoleMismatch => "role_mismatch",
            StatusUnknown => "status_unknown",
            StatusMissing => "status_missing",
            BudgetUnreadable => "budget_unreadable",
            BudgetUnitSuspect => "budget_unit_suspect",
            BudgetUnitGuessed => "budget_unit_guessed",
            BudgetForeignCurrency => "budget_foreign_currency",
            CellError => "cell_error",
            FormulaNoValue => "formula_no_value",
            Duplicate => "duplicate",
            RowHidden => "row_hidden",
            TotalsRow => "totals_row",
            BudgetJoined => "budget_joined",
            BudgetOfTask => "budget_of_task",
            GroupRow => "group_row",
            TotalsMismatch => "totals_mismatch",
            GroupMismatch => "group_mismatch",
            ContinuedRow => "continued_row",
            ExampleRow => "example_row",
            NoteOnlyRow => "note_only_row",
            ReadPanic => "reader_panic",
            LegacyEncoding => "legacy_encoding",
            AgencyMismatch => "agency_mismatch",
            ReceiptDiffers => "receipt_date_differs",
            ReceiptUnknownAgency => "receipt_unknown_agency",
            ReceiptWithoutFile => "receipt_without_file",
            ReceiptUnreadable => "receipt_unreadable",
            ReceiptOtherDocuments => "receipt_other_documents",
            ReaderCrashed => "reader_crashed",
            ReaderTimeout => "reader_timeout",
            AgencyRenamed => "agency_renamed",
            AgencyNotInForce => "agency_not_in_force",
            AgencyNotInPlan => "agency_not_in_plan",
            Symlink => "symlink",
            TextTruncated => "text_truncated",
            TemplateMismatch => "template_mismatch",
        }
    }

    /// What is wrong and what to do, in Vietnamese; `detail` is the value as written.
    pub fn vi(self, detail: &str) -> String {
        use Kind::*;
        match self {
            LockFile => "tệp khoá tạm của Excel (~$…), không phải báo cáo: bỏ qua".into(),
            TonghopOutput => format!(
                "bảng tổng hợp do tonghop lập (\"{detail}\"), không phải báo cáo của một cơ quan: bỏ qua, để các hoạt động không bị tính hai lần; để bảng tổng hợp ngoài thư mục báo cáo của năm"
            ),
            NotSpreadsheet => format!("không phải bảng tính ({detail}): gửi lại dạng .xlsx, .xls hoặc .ods"),
            Archive => format!("tệp nén chứa nhiều bảng tính ({detail}): giải nén vào thư mục năm để đọc từng tệp"),
            Unreadable => format!("không mở được tệp ({detail}): tệp hỏng hoặc sai định dạng, đề nghị đơn vị gửi lại"),
            Encrypted => "tệp có mật khẩu: đề nghị đơn vị gỡ mật khẩu rồi gửi lại".into(),
            NoTable => format!("không tìm thấy bảng báo cáo (dòng tiêu đề có các cột Nhiệm vụ, Nội dung hoạt động, Kết quả…){detail}"),
            AgencyUnknown => format!("không xác định được đơn vị báo cáo (\"{detail}\"): ghi rõ \"Đơn vị báo cáo: …\" theo tên trong kế hoạch"),
            AgencyAmbiguous => format!("tên đơn vị \"{detail}\" khớp với nhiều cơ quan: ghi rõ tên đầy đủ"),
            Superseded => format!("đã có báo cáo mới hơn của cùng đơn vị ({detail}): dùng bản mới"),
            SameFile => format!("tệp giống hệt {detail} (cùng nội dung, cùng mã SHA-256): chỉ tính một lần"),
            ReportPart => format!("cùng đơn vị với {detail} nhưng báo cáo các nhiệm vụ khác: là một phần của báo cáo, tổng hợp cả hai tệp"),
            ReportPeriodPart => format!("cùng đơn vị với {detail}, báo cáo một phần khác của năm (quý, 6 tháng): tổng hợp các tệp, ngày nhận là ngày của phần sau cùng"),
            DateMissing => "không có ngày báo cáo: không đánh giá được đúng hạn; ghi \"Ngày báo cáo: dd/mm/yyyy\"".into(),
            DateUnreadable => format!("ngày \"{detail}\" không đọc được hoặc không có thật: ghi theo dạng dd/mm/yyyy"),
            DateFuture => format!(
                "ngày báo cáo {detail}: sau ngày kiểm tra hơn 60 ngày, chưa thể đã gửi; có thể ghi nhầm ngày hoặc năm, kiểm tra lại (chưa đánh giá đúng hạn)"
            ),
            DateGuessed => format!(
                "ngày ghi chưa đủ hoặc chưa đúng ({detail}): đọc theo cách hợp lý nhất, đề nghị kiểm tra và ghi đủ dd/mm/yyyy"
            ),
            DatePartial => format!("ngày báo cáo để trống ngày, chỉ có tháng ({detail}); đề nghị ghi đủ ngày"),
            DateFromName => format!(
                "trong tệp không có ngày báo cáo; lấy ngày ghi trong tên tệp ({detail}); đề nghị ghi \"Ngày báo cáo: dd/mm/yyyy\""
            ),
            DateOtherYear => format!(
                "ngày báo cáo {detail} không thuộc năm báo cáo: có thể là báo cáo của năm khác hoặc ghi nhầm năm; kiểm tra lại (chưa đánh giá đúng hạn)"
            ),
            TitleOtherYear => format!(
                "tiêu đề báo cáo ghi năm {detail}, không phải năm báo cáo: có thể là báo cáo năm trước gửi lại, hoặc chưa sửa tiêu đề; vẫn tổng hợp, đề nghị kiểm tra"
            ),
            ReportOtherYear => {
                let (named, date, sender) = other_year_parts(detail);
                format!(
                    "báo cáo năm {named} của {sender} (ngày {date}), không phải báo cáo năm đang tổng hợp: không tổng hợp; đơn vị chưa gửi báo cáo năm nay bằng tệp này"
                )
            }
            TitlePartYear => format!(
                "tiêu đề cho biết đây là báo cáo một phần năm ({detail}), chưa phải báo cáo cả năm: vẫn tổng hợp; đề nghị đơn vị gửi báo cáo năm nếu chưa gửi"
            ),
            SheetOtherYear => format!(
                "trang tính mang tên năm khác với năm báo cáo: không tổng hợp ({detail} dòng); nếu là số liệu năm nay, đổi tên trang"
            ),
            RowOtherYear => format!(
                "dòng ghi năm khác với năm báo cáo ({detail}): không tổng hợp; nếu là hoạt động của năm nay, sửa lại năm"
            ),
            SheetOtherAgency => {
                let (n, name) = detail.split_once(' ').unwrap_or((detail, ""));
                format!(
                    "trang là báo cáo của {name} (theo dòng đơn vị báo cáo của trang), không phải của đơn vị gửi tệp: không tổng hợp ({n} dòng); gửi báo cáo của mỗi đơn vị thành tệp riêng"
                )
            }
            SheetGuidance => format!(
                "trang hướng dẫn (ví dụ) của biểu mẫu: không tổng hợp ({detail} dòng); nếu là số liệu báo cáo, đổi tên trang"
            ),
            SheetHidden => format!(
                "trang tính bị ẩn, có bảng báo cáo ({detail} dòng): đơn vị đã ẩn trang này (thường là báo cáo năm trước giữ lại trong tệp) nên không tổng hợp; nếu là số liệu năm nay, đề nghị bỏ ẩn"
            ),
            SheetDatedOtherYear => {
                let (n, date) = detail.split_once(' ').unwrap_or((detail, ""));
                format!(
                    "trang là báo cáo của năm trước (ghi ngày {date}), bên trang báo cáo năm nay: không tổng hợp ({n} dòng); nếu là số liệu năm nay, sửa lại ngày của trang"
                )
            }
            SheetTitledOtherYear => {
                let (n, y) = detail.split_once(' ').unwrap_or((detail, ""));
                format!(
                    "trang có tiêu đề ghi năm {y}, bên trang báo cáo năm nay: là số liệu năm trước, không tổng hợp ({n} dòng); nếu là số liệu năm nay, sửa lại tiêu đề của trang"
                )
            }
            SheetSummary => {
                let (n, sheets) = detail.split_once(' ').unwrap_or((detail, ""));
                format!(
                    "trang tổng hợp theo nhiệm vụ, không có cột hoạt động, của các nhiệm vụ đã có hoạt động ở trang {sheets}: không tổng hợp ({n} dòng), để không tính hai lần"
                )
            }
            OtherTable => format!(
                "bảng khác dưới bảng báo cáo ({detail}): không có cột hoạt động, kết quả hay nhiệm vụ, không tổng hợp; nếu là hoạt động, ghi theo các cột của bảng báo cáo"
            ),
            CellsOutsideTable => format!(
                "cột không có tiêu đề có {detail} ô dữ liệu (ô đầu tiên ở đây): chưa đọc; ghi tiêu đề cho cột hoặc chuyển nội dung vào đúng cột"
            ),
            ColumnHidden => format!(
                "cột \"{detail}\" bị ẩn: đơn vị đã ẩn cột này (thường là số liệu năm trước để cạnh năm nay) nên không đọc; nếu là số liệu cần báo cáo, đề nghị bỏ ẩn"
            ),
            CellsFarAway => {
                let (n, text) = detail.split_once("; ").unwrap_or((detail, ""));
                format!(
                    "{n} ô nằm rất xa phần còn lại của trang (ô đầu tiên ở đây, ghi {text}): chưa đọc; nếu là dữ liệu của báo cáo, chuyển vào bảng, nếu gõ nhầm thì xóa đi"
                )
            }
            SheetNoHeader => format!(
                "trang có {detail} dòng giống dòng báo cáo nhưng không có dòng tiêu đề (Nhiệm vụ, Nội dung hoạt động, Kết quả…): chưa đọc; chép dòng tiêu đề lên đầu trang hoặc chuyển các dòng vào trang báo cáo"
            ),
            NoActivityColumn => format!(
                "bảng không có cột nội dung hoạt động hay kết quả (các cột nhận ra: {detail}): không đọc được hoạt động nào; đặt tên cột \"Nội dung hoạt động\", \"Kết quả thực hiện\""
            ),
            NoStatusColumn => format!(
                "bảng không có cột tình trạng thực hiện: {detail} dòng chưa rõ tình trạng; thêm cột \"Tình trạng\" (Hoàn thành, Đang thực hiện, Chưa thực hiện)"
            ),
            NoActivities => "báo cáo không có hoạt động nào (bảng trống): kiểm tra lại, có thể đơn vị gửi nhầm biểu mẫu chưa điền".into(),
            ResultsBlank => format!(
                "cả {detail} dòng của bảng đều để trống kết quả và tình trạng: có thể đơn vị gửi lại biểu mẫu mới ghi tên hoạt động; đề nghị điền kết quả thực hiện"
            ),
            TaskUnknown => format!("nhiệm vụ \"{detail}\" không có trong kế hoạch: ghi mã nhiệm vụ (NV1, NV2…)"),
            TaskAmbiguous => format!("nhiệm vụ \"{detail}\" khớp với nhiều nhiệm vụ: ghi mã nhiệm vụ"),
            TaskSeveral => format!(
                "hoạt động ghi cho nhiều nhiệm vụ ({detail}): xếp và tính kinh phí vào nhiệm vụ đầu, các nhiệm vụ kia được tính là đã báo cáo; nên ghi mỗi nhiệm vụ một dòng"
            ),
            TaskMissing => "dòng không ghi nhiệm vụ: ghi mã nhiệm vụ (NV1, NV2…)".into(),
            TaskFromRowAbove => format!("ô nhiệm vụ để trống, lấy theo dòng trên ({detail})"),
            TaskOnlyOne => format!("dòng không ghi nhiệm vụ nào của kế hoạch: xếp vào nhiệm vụ duy nhất kế hoạch giao cho đơn vị ({detail})"),
            TaskOutsidePlan => format!(
                "việc ngoài các nhiệm vụ của kế hoạch (\"{detail}\"): vẫn tổng hợp, xếp riêng, không tính cho nhiệm vụ nào; nếu thuộc một nhiệm vụ của kế hoạch, ghi mã nhiệm vụ"
            ),
            Unassigned => format!("đơn vị không được giao nhiệm vụ {detail} trong kế hoạch"),
            RoleMismatch => format!("vai trò ghi \"{detail}\" khác với kế hoạch"),
            StatusUnknown => format!("tình trạng \"{detail}\" không rõ: ghi Hoàn thành, Đang thực hiện hoặc Chưa thực hiện"),
            StatusMissing => "chưa ghi tình trạng thực hiện".into(),
            BudgetUnreadable => format!("kinh phí \"{detail}\" không đọc được: ghi số triệu đồng"),
            BudgetForeignCurrency => format!("kinh phí \"{detail}\" bằng ngoại tệ: không quy đổi ra đồng, không cộng vào tổng kinh phí (giữ ở ghi chú); nếu cần tổng hợp, ghi thêm số triệu đồng đã chi"),
            BudgetUnitSuspect => format!("kinh phí \"{detail}\" không hợp lý với đơn vị ở tiêu đề cột (có thể nhầm đồng/triệu đồng): kiểm tra lại, chưa cộng vào tổng"),
            BudgetUnitGuessed => format!(
                "cột kinh phí \"{detail}\" không ghi đơn vị, các số từ một triệu trở lên: đã đọc theo đơn vị đồng (quy ra triệu đồng); đề nghị ghi rõ đơn vị ở tiêu đề cột"
            ),
            CellError => format!("ô có lỗi công thức {detail}: sửa công thức hoặc ghi giá trị"),
            FormulaNoValue => format!("ô có công thức {detail} nhưng không lưu giá trị (tệp không được lưu bằng Excel hay LibreOffice): mở tệp, lưu lại rồi gửi, hoặc ghi giá trị"),
            Duplicate => format!("dòng trùng với {detail}: chỉ tính một lần"),
            RowHidden => format!("dòng bị ẩn ({detail}): đơn vị đã ẩn dòng này khỏi báo cáo nên không tổng hợp; nếu là hoạt động cần báo cáo, đề nghị bỏ ẩn"),
            TotalsRow => "dòng tổng cộng: không tính là hoạt động".into(),
            BudgetJoined => format!("dòng của bảng kinh phí riêng: kinh phí ghép vào hoạt động cùng tên ở {detail}, không tính là hoạt động riêng"),
            BudgetOfTask => format!(
                "kinh phí cả nhiệm vụ ghi ở trang tổng hợp theo nhiệm vụ ({detail}): tính vào hoạt động đầu tiên của nhiệm vụ (dòng này), vì các hoạt động không ghi kinh phí riêng"
            ),
            GroupRow => format!("dòng nhóm các dòng đánh số bên dưới (\"{detail}\"): không tính là hoạt động riêng; kinh phí ghi ở dòng này được đối chiếu với tổng các dòng bên dưới"),
            TotalsMismatch => format!("dòng tổng cộng không khớp với tổng các dòng ({detail})"),
            GroupMismatch => format!("kinh phí ở dòng nhóm không khớp với tổng các dòng bên dưới ({detail})"),
            ContinuedRow => format!("dòng viết tiếp dòng {detail} (không có số thứ tự, nhiệm vụ, tình trạng hay kinh phí riêng): ghép vào dòng {detail}, không tính là hoạt động riêng"),
            NoteOnlyRow => format!(
                "dòng chỉ có ghi chú (\"{detail}\"), không có nhiệm vụ, hoạt động, kết quả hay tình trạng: không tính là hoạt động; nếu là ghi chú của một hoạt động, ghi vào dòng của hoạt động đó"
            ),
            ExampleRow => format!("dòng ví dụ của biểu mẫu (\"{detail}\"): không tính là hoạt động; xoá dòng ví dụ trước khi gửi"),
            ReadPanic => format!("lỗi khi đọc tệp ({detail}): bỏ qua tệp, các tệp khác vẫn được tổng hợp"),
            LegacyEncoding => format!("chữ gõ bằng bảng mã cũ {detail}, đã chuyển sang Unicode: kiểm tra lại, lần sau dùng Unicode"),
            AgencyMismatch => format!("tên đơn vị trong báo cáo khác tên tệp ({detail}): dùng tên trong báo cáo"),
            ReceiptDiffers => format!("sổ công văn đến ghi ngày nhận khác ngày trên báo cáo ({detail}): dùng ngày trong sổ"),
            ReceiptUnknownAgency => format!("sổ công văn đến ghi đơn vị \"{detail}\" không có trong kế hoạch"),
            ReceiptWithoutFile => format!("sổ công văn đến ghi đã nhận báo cáo ({detail}) nhưng không có tệp trong thư mục"),
            ReceiptUnreadable => format!("dòng sổ công văn đến không đọc được ({detail}): cần tên đơn vị và ngày nhận dd/mm/yyyy"),
            ReceiptOtherDocuments => {
                format!("sổ công văn đến có {detail} dòng không phải báo cáo (trích yếu không có \"báo cáo\"): không dùng làm ngày nhận báo cáo")
            }
            ReaderCrashed => format!("bộ đọc dừng khi đọc tệp ({detail}): tệp hỏng hoặc quá lớn; đề nghị đơn vị lưu lại dạng .xlsx và gửi lại"),
            ReaderTimeout => format!("đọc tệp quá {detail} giây: tệp quá lớn hoặc hỏng; đề nghị đơn vị gửi lại"),
            AgencyRenamed => format!("báo cáo ghi tên cơ quan cũ, đã sáp nhập ({detail}): tính cho cơ quan kế thừa"),
            AgencyNotInForce => format!("cơ quan {detail} không còn (hoặc chưa) hoạt động trong năm báo cáo theo kế hoạch"),
            AgencyNotInPlan => format!("kế hoạch chưa có danh sách cơ quan: ghi nhận đơn vị \"{detail}\" như trong báo cáo"),
            Symlink => "liên kết (symlink), không đọc để không ra ngoài thư mục: chép tệp thật vào thư mục".into(),
            TextTruncated => format!("ô có {detail} ký tự, quá dài: chỉ giữ 32.000 ký tự đầu"),
            TemplateMismatch => format!("báo cáo làm trên mẫu không đúng ({detail}): dùng mẫu của năm và kế hoạch này"),
        }
    }

    /// The same in English, for `--lang en`.
    pub fn en(self, detail: &str) -> String {
        use Kind::*;
        match self {
            LockFile => "Excel lock file (~$…), not a report: skipped".into(),
            TonghopOutput => {
                format!("a consolidated workbook tonghop made (\"{detail}\"), not an agency's report: skipped, so as not to count its activities twice")
            }
            NotSpreadsheet => format!("not a spreadsheet ({detail})"),
            Archive => format!("a zip archive of several workbooks ({detail}): unzip it into the year folder"),
            Unreadable => format!("cannot open the file ({detail})"),
            Encrypted => "password-protected workbook".into(),
            NoTable => format!("no report table found{detail}"),
            AgencyUnknown => format!("reporting agency not identified (\"{detail}\")"),
            AgencyAmbiguous => format!("agency name \"{detail}\" matches several agencies"),
            Superseded => format!("a later report from the same agency exists ({detail})"),
            SameFile => format!("the same bytes as {detail}: counted once"),
            ReportPart => format!("same agency as {detail}, on other tasks: a part of its report, both consolidated"),
            ReportPeriodPart => format!("same agency as {detail}, on another part of the year (a quarter, a half): all consolidated, received on the last part's day"),
            DateMissing => "no report date".into(),
            DateUnreadable => format!("date \"{detail}\" unreadable or impossible"),
            DateGuessed => format!("a date written incompletely or wrongly ({detail}): read as the likeliest date"),
            DateFuture => format!("report date {detail}: more than 60 days after the day checked, so misdated; not used for timeliness"),
            DatePartial => format!("report date with its day left blank, the month only ({detail})"),
            DateFromName => format!("no report date in the workbook; the date in its file name is taken ({detail})"),
            DateOtherYear => {
                format!(
                    "report date {detail} is outside the reporting year: another year's report, or a wrong year; not used for timeliness"
                )
            }
            TitleOtherYear => format!(
                "the report's title gives the year {detail}, not the reporting year: last year's report sent again, or its title not changed; consolidated, to be checked"
            ),
            ReportOtherYear => {
                let (named, date, sender) = other_year_parts(detail);
                format!("{sender}'s report on {named} (dated {date}), not on the reporting year: not consolidated; its sender has not sent this year's by it")
            }
            TitlePartYear => format!(
                "the report's title says it covers part of the year ({detail}), not the whole year: consolidated; ask for the year's report if it has not been sent"
            ),
            SheetOtherYear => format!("the sheet's name gives another year than the reporting year: not consolidated ({detail} rows)"),
            RowOtherYear => format!("the row's year column gives another year than the reporting year ({detail}): not consolidated"),
            SheetOtherAgency => {
                let (n, name) = detail.split_once(' ').unwrap_or((detail, ""));
                format!("the sheet is the report of {name} (its own reporting-agency line), not the file's sender: not consolidated ({n} rows)")
            }
            SheetGuidance => format!("the form's guidance sheet, with its examples: not consolidated ({detail} rows)"),
            SheetHidden => {
                format!("a sheet hidden by hand, with a report's table ({detail} rows): left out by its sender (often last year's report kept in the file), so not consolidated")
            }
            SheetDatedOtherYear => {
                let (n, date) = detail.split_once(' ').unwrap_or((detail, ""));
                format!("the sheet is an earlier year's report (dated {date}), beside this year's: not consolidated ({n} rows)")
            }
            SheetTitledOtherYear => {
                let (n, y) = detail.split_once(' ').unwrap_or((detail, ""));
                format!("the sheet is titled with {y}, an earlier year, beside this year's report: not consolidated ({n} rows)")
            }
            SheetSummary => {
                let (n, sheets) = detail.split_once(' ').unwrap_or((detail, ""));
                format!(
                    "a summary by task, with no activity column, of tasks whose activities the sheet {sheets} gives: not consolidated ({n} rows), so as not to count them twice"
                )
            }
            SheetNoHeader => format!("the sheet has {detail} rows like a report's but no header row: not read"),
            CellsOutsideTable => format!("{detail} cells in a column with no header (the first here): not read"),
            ColumnHidden => format!("column \"{detail}\" hidden by hand: left out by its sender (often last year's figures kept beside this year's), so not read"),
            CellsFarAway => {
                let (n, text) = detail.split_once("; ").unwrap_or((detail, ""));
                format!("{n} cells far from the rest of the sheet (the first here, holding {text}): not read")
            }
            OtherTable => format!("another table under the report's ({detail}): no activity, result or task column, not consolidated"),
            NoActivityColumn => format!("the table has no activity or result column (columns recognised: {detail}): no activity read"),
            NoStatusColumn => format!("the table has no status column: {detail} rows without a status"),
            NoActivities => "the report lists no activity (an empty table): perhaps the blank form was sent".into(),
            ResultsBlank => format!("all {detail} rows leave their result and status blank: perhaps the form was sent back with only its activities' names"),
            TaskUnknown => format!("task \"{detail}\" is not in the plan"),
            TaskAmbiguous => format!("task \"{detail}\" matches several tasks"),
            TaskSeveral => format!(
                "an activity for several tasks ({detail}): listed, budget included, under the first; the others count as reported"
            ),
            TaskMissing => "row names no task".into(),
            TaskFromRowAbove => format!("task cell empty, taken from the row above ({detail})"),
            TaskOutsidePlan => format!(
                "work outside the plan's tasks (\"{detail}\"): consolidated apart, counted under no task; if it belongs to a task of the plan, write its code"
            ),
            TaskOnlyOne => format!("row names no task of the plan: counted under the only task the plan gives the agency ({detail})"),
            Unassigned => format!("agency is not assigned task {detail}"),
            RoleMismatch => format!("role written as \"{detail}\" differs from the plan"),
            StatusUnknown => format!("status \"{detail}\" not recognised"),
            StatusMissing => "no status".into(),
            BudgetUnreadable => format!("budget \"{detail}\" unreadable"),
            BudgetForeignCurrency => format!("budget \"{detail}\" in a foreign currency: not converted to đồng, left out of totals (kept in the note)"),
            BudgetUnitSuspect => {
                format!("budget \"{detail}\" implausible for the column's unit; left out of totals")
            }
            BudgetUnitGuessed => format!(
                "budget column \"{detail}\" gives no unit and its amounts are a million and more: read in đồng (converted to millions); write the unit in the header"
            ),
            CellError => format!("formula error {detail}"),
            FormulaNoValue => format!("formula {detail} saved with no value (the file was not saved by a spreadsheet program): open and save it, or type the value"),
            Duplicate => format!("duplicate of {detail}; counted once"),
            RowHidden => format!("row hidden by hand ({detail}): left out of the report by its sender, so not consolidated"),
            TotalsRow => "totals row, not an activity".into(),
            BudgetJoined => format!("a row of a sheet of the money alone: its amount given to the activity of the same name at {detail}, not an activity of its own"),
            BudgetOfTask => format!(
                "the task's money given on a sheet summing up the report by task ({detail}): counted on the task's first activity (this row), as its activities give none of their own"
            ),
            GroupRow => format!("a row grouping the numbered rows under it (\"{detail}\"): not an activity of its own; its budget is checked against theirs"),
            TotalsMismatch => format!("totals row disagrees with the sum of rows ({detail})"),
            GroupMismatch => format!("a group row's budget disagrees with the sum of the rows under it ({detail})"),
            ContinuedRow => {
                format!("continues row {detail} (no number, task, status or budget of its own): joined to row {detail}, not an activity of its own")
            }
            NoteOnlyRow => format!("a row with only a note (\"{detail}\"), no task, activity, result or status: not an activity"),
            ExampleRow => format!("the form's example row (\"{detail}\"): not an activity"),
            ReadPanic => format!("reader failed on this file ({detail})"),
            LegacyEncoding => format!("text in the legacy {detail} encoding, converted to Unicode"),
            AgencyMismatch => format!("agency in the report differs from the file name ({detail}); the report's is used"),
            ReceiptDiffers => format!("the receipts register's date differs from the report's ({detail}); the register's is used"),
            ReceiptUnknownAgency => format!("receipts register names an agency not in the plan: \"{detail}\""),
            ReceiptWithoutFile => format!("receipts register records a report ({detail}) with no file in the folder"),
            ReceiptUnreadable => format!("receipts register line unreadable ({detail})"),
            ReceiptOtherDocuments => format!("{detail} lines of the receipts register are for other documents than reports: not used"),
            ReaderCrashed => format!("the reader stopped on this file ({detail})"),
            ReaderTimeout => format!("reading took more than {detail} seconds"),
            AgencyRenamed => format!("report signed with a merged agency's old name ({detail}); attributed to its successor"),
            AgencyNotInForce => format!("agency {detail} is not in force in the reporting year"),
            AgencyNotInPlan => format!("the plan has no agency list; sender kept as written: \"{detail}\""),
            Symlink => "a symbolic link, not followed out of the folder".into(),
            TextTruncated => format!("cell of {detail} characters cut to 32,000"),
            TemplateMismatch => format!("made on another template ({detail})"),
        }
    }
}

/// A finding about the data: where it is and what is wrong. Never an error: it is
/// collected, written to the outputs and counted, and the run goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// File path relative to the year folder.
    pub file: String,
    /// Sheet name, empty for a finding about the whole file.
    pub sheet: String,
    /// A1 cell reference, empty for a finding about a whole file or sheet.
    pub cell: String,
    pub kind: Kind,
    /// The value as written, or other detail the message names.
    pub detail: String,
}

/// Findings are ordered by file, sheet, then cell in reading order (row, then column: "D6"
/// before "D10", "B6" before "A7"), then kind and detail.
impl Ord for Problem {
    fn cmp(&self, other: &Problem) -> std::cmp::Ordering {
        (&self.file, &self.sheet, cell_order(&self.cell), &self.cell, self.kind, &self.detail).cmp(&(
            &other.file,
            &other.sheet,
            cell_order(&other.cell),
            &other.cell,
            other.kind,
            &other.detail,
        ))
    }
}

impl PartialOrd for Problem {
    fn partial_cmp(&self, other: &Problem) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// An A1 reference's (row, column), for ordering; a reference that is none sorts first.
fn cell_order(cell: &str) -> (u32, u32) {
    let letters = cell.bytes().take_while(u8::is_ascii_uppercase).count();
    let col = cell.bytes().take(letters).fold(0u32, |n, b| n.saturating_mul(26).saturating_add(u32::from(b - b'A' + 1)));
    (cell[letters..].parse().unwrap_or(0), col)
}

impl Problem {
    pub fn file(file: &str, kind: Kind, detail: impl Into<String>) -> Problem {
        Problem { file: file.to_string(), sheet: String::new(), cell: String::new(), kind, detail: detail.into() }
    }
    pub fn at(file: &str, sheet: &str, cell: String, kind: Kind, detail: impl Into<String>) -> Problem {
        Problem { file: file.to_string(), sheet: sheet.to_string(), cell, kind, detail: detail.into() }
    }
    pub fn message_vi(&self) -> String {
        self.kind.vi(&self.detail)
    }
    pub fn message_en(&self) -> String {
        self.kind.en(&self.detail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_are_in_reading_order() {
        let at = |cell: &str| Problem {
            file: "a.xlsx".into(),
            sheet: "BC".into(),
            cell: cell.into(),
            kind: Kind::StatusMissing,
            detail: String::new(),
        };
        let mut found = [at("D10"), at("AA6"), at("D6"), at("B7"), at(""), at("Z6")];
        found.sort();
        let cells: Vec<&str> = found.iter().map(|p| p.cell.as_str()).collect();
        assert_eq!(cells, ["", "D6", "Z6", "AA6", "B7", "D10"]);
    }
}
