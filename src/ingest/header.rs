//! Recognising the header row of a report table and what each column holds.
//!
//! Owns: the synonyms clerks use for each column, and finding the header row (on any of
//! the first rows, possibly two rows: a group header over sub-headers). Does not own:
//! reading the values under it.

use crate::text::{fold, fold_head, fold_within};

/// What a column of a report holds. A new field goes into `Field::ALL` too: a worker sends
/// a field as its number, and the run reads it back through that list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Stt,
    Task,
    Role,
    Activity,
    Result,
    Status,
    /// Tick-box status columns, marked "x".
    StatusDone,
    StatusInProgress,
    StatusNotStarted,
    Budget,
    Difficulties,
    Proposals,
    Note,
    Agency,
    /// A source's column beside the total of a budget split by source ("Kinh phí" over "Tổng
    /// số | NSNN | XHH"): read, added up, only where the row leaves the total blank.
    BudgetSource,
}

impl Field {
    /// Every field, in declaration order: `Field::ALL[f as usize] == f`.
    pub const ALL: [Field; 15] = [
        Field::Stt,
        Field::Task,
        Field::Role,
        Field::Activity,
        Field::Result,
        Field::Status,
        Field::StatusDone,
        Field::StatusInProgress,
        Field::StatusNotStarted,
        Field::Budget,
        Field::Difficulties,
        Field::Proposals,
        Field::Note,
        Field::Agency,
        Field::BudgetSource,
    ];
}

/// A field crosses from a reading worker as one number (serde's derived form would name it
/// in a string, for every cell).
impl serde::Serialize for Field {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(*self as u8)
    }
}

impl<'de> serde::Deserialize<'de> for Field {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Field, D::Error> {
        let i = <u8 as serde::Deserialize>::deserialize(d)?;
        Field::ALL.get(usize::from(i)).copied().ok_or_else(|| serde::de::Error::custom(format!("unknown field {i}")))
    }
}

/// Folded header text → field. Exact phrases first; then phrases a header starts with.
const EXACT: &[(&str, Field)] = &[
    ("stt", Field::Stt),
    ("tt", Field::Stt),
    ("so tt", Field::Stt),
    ("so thu tu", Field::Stt),
    ("nv", Field::Task),
    ("ma nv", Field::Task),
    ("hoan thanh", Field::StatusDone),
    ("hoan thanh chua hoan thanh", Field::Status),
    ("da hoan thanh", Field::StatusDone),
    // A question answered yes or no on each row ("Hoàn thành (Có/Không)": "Có", "Không").
    ("hoan thanh co khong", Field::StatusDone),
    ("da hoan thanh co khong", Field::StatusDone),
    ("hoan thanh co chua", Field::StatusDone),
    ("da hoan thanh chua", Field::StatusDone),
    ("da hoan thanh hay chua", Field::StatusDone),
    ("hoan thanh x", Field::StatusDone),
    ("da hoan thanh x", Field::StatusDone),
    // (Words written under such a column, not a tick, are the row's result.)
    ("da thuc hien", Field::StatusDone),
    ("da trien khai", Field::StatusDone),
    ("dang thuc hien", Field::StatusInProgress),
    ("dang trien khai", Field::StatusInProgress),
    ("chua thuc hien", Field::StatusNotStarted),
    ("chua trien khai", Field::StatusNotStarted),
    ("chua hoan thanh", Field::StatusInProgress),
    // A share alone ("Tỷ lệ", "Tỷ lệ (%)"), an evaluation's result: the status.
    ("ty le", Field::Status),
    // "Mức độ" alone, of "Mức độ hoàn thành".
    ("muc do", Field::Status),
    ("ket qua danh gia", Field::Status),
    ("ket qua tu danh gia", Field::Status),
    ("don vi", Field::Agency),
    ("co quan", Field::Agency),
    ("don vi thuc hien", Field::Agency),
    ("co quan thuc hien", Field::Agency),
    ("don vi bao cao", Field::Agency),
    ("ten don vi", Field::Agency),
    ("ten co quan", Field::Agency),
    ("ten don vi bao cao", Field::Agency),
    ("co quan bao cao", Field::Agency),
    ("giai phap", Field::Proposals),
];

const PREFIX: &[(&str, Field)] = &[
    ("kinh phi", Field::Budget),
    ("chi phi", Field::Budget),
    ("ngan sach", Field::Budget),
    ("so tien", Field::Budget),
    ("so kinh phi", Field::Budget),
    ("tong chi phi", Field::Budget),
    ("kho khan", Field::Difficulties),
    ("vuong mac", Field::Difficulties),
    ("han che", Field::Difficulties),
    ("nhung kho khan", Field::Difficulties),
    ("kien nghi", Field::Proposals),
    ("y kien de xuat", Field::Proposals),
    ("y kien kien nghi", Field::Proposals),
    ("de xuat", Field::Proposals),
    ("de nghi", Field::Proposals),
    ("ghi chu", Field::Note),
    ("vai tro", Field::Role),
    ("chu tri phoi hop", Field::Role),
    ("hinh thuc tham gia", Field::Role),
    ("tinh trang", Field::Status),
    ("tien do", Field::Status),
    ("trang thai", Field::Status),
    ("muc do hoan thanh", Field::Status),
    ("muc do thuc hien", Field::Status),
    ("muc do dat duoc", Field::Status),
    ("xep loai", Field::Status),
    ("hien trang", Field::Status),
    ("danh gia", Field::Status),
    ("tu danh gia", Field::Status),
    ("ket qua", Field::Result),
    ("san pham", Field::Result),
    ("tinh hinh thuc hien", Field::Result),
    ("so lieu ket qua", Field::Result),
    // The figures, the output ("Số liệu", "Đầu ra", "Sản phẩm đầu ra"): the result.
    ("so lieu", Field::Result),
    ("dau ra", Field::Result),
    ("cac ket qua", Field::Result),
    ("nhung ket qua", Field::Result),
    ("bao cao ket qua", Field::Result),
    ("mo ta ket qua", Field::Result),
    ("tinh hinh ket qua", Field::Result),
    ("tinh hinh trien khai", Field::Result),
    ("ty le hoan thanh", Field::Status),
    ("cac hoat dong", Field::Activity),
    ("nhung viec da", Field::Activity),
    ("viec da lam", Field::Activity),
    ("viec da thuc hien", Field::Activity),
    ("viec da trien khai", Field::Activity),
    ("cac viec da", Field::Activity),
    ("danh muc hoat dong", Field::Activity),
    ("ten cong viec", Field::Activity),
    // A budget form's column of what each amount is for; a summary of the content.
    ("dien giai", Field::Activity),
    ("tom tat noi dung", Field::Activity),
    // A description of the work ("Mô tả", "Mô tả hoạt động"; "Mô tả kết quả" is the
    // result's), the work carried out ("Công tác triển khai"): the activity.
    ("mo ta", Field::Activity),
    ("cong tac trien khai", Field::Activity),
    ("cong tac da trien khai", Field::Activity),
    ("cong tac da thuc hien", Field::Activity),
    // An item of the work ("Hạng mục", "Tên hạng mục", "Đầu việc"), as a budget's or a
    // project's form names its rows.
    ("hang muc", Field::Activity),
    ("ten hang muc", Field::Activity),
    ("dau viec", Field::Activity),
    ("cac dau viec", Field::Activity),
    ("ten de an", Field::Activity),
    ("ten du an", Field::Activity),
    ("cac nhiem vu hoat dong", Field::Activity),
    // Abbreviated headers: ND (nội dung), HĐ (hoạt động), KQ (kết quả), KP (kinh phí),
    // TT thực hiện (tình trạng; "TT" alone is the row number).
    ("nd", Field::Activity),
    ("nd hoat dong", Field::Activity),
    ("nd hd", Field::Activity),
    ("noi dung hd", Field::Activity),
    ("kq", Field::Result),
    ("kp", Field::Budget),
    ("tt thuc hien", Field::Status),
    ("cac noi dung", Field::Activity),
    // "Nội dung" and whatever follows it ("Nội dung cụ thể", "Nội dung đã triển khai",
    // "Nội dung phối hợp") is the activity, but for the contents of another field.
    ("noi dung", Field::Activity),
    ("noi dung kien nghi", Field::Proposals),
    ("noi dung de xuat", Field::Proposals),
    ("noi dung de nghi", Field::Proposals),
    ("noi dung kho khan", Field::Difficulties),
    ("noi dung vuong mac", Field::Difficulties),
    ("noi dung ghi chu", Field::Note),
    ("noi dung ket qua", Field::Result),
    // The plan's content is its tasks ("Nội dung Kế hoạch | Kết quả thực hiện").
    ("noi dung ke hoach", Field::Task),
    ("noi dung theo ke hoach", Field::Task),
    ("hoat dong", Field::Activity),
    ("cong viec", Field::Activity),
    ("ten hoat dong", Field::Activity),
    ("ma nhiem vu", Field::Task),
    ("nhiem vu", Field::Task),
    ("ten nhiem vu", Field::Task),
    ("thuoc nhiem vu", Field::Task),
    ("thuoc nv", Field::Task),
    ("noi dung nhiem vu", Field::Task),
    // The plan's content area it belongs to ("Thuộc nội dung", as Lai Châu's plan names its
    // tasks), the group of tasks, the task's number.
    ("thuoc noi dung", Field::Task),
    ("nhom nhiem vu", Field::Task),
    ("so tt nhiem vu", Field::Task),
    ("giai phap de xuat", Field::Proposals),
    // The remedies after the difficulties ("Tồn tại, hạn chế | Giải pháp"): proposals; not
    // "Giải pháp thực hiện", how the work is done.
    ("giai phap khac phuc", Field::Proposals),
    ("giai phap kien nghi", Field::Proposals),
    ("nguon kinh phi va so tien", Field::Budget),
    // Programmes and events are the activities ("Tên chương trình, hoạt động", "Sự
    // kiện"); "Tổng kinh phí" the budget; "Tồn tại, hạn chế" the difficulties; "Số lượng,
    // kết quả", "Hiệu quả" the result.
    ("chuong trinh", Field::Activity),
    ("ten chuong trinh", Field::Activity),
    ("noi dung chuong trinh", Field::Activity),
    ("su kien", Field::Activity),
    ("ten su kien", Field::Activity),
    ("tong kinh phi", Field::Budget),
    ("tong so tien", Field::Budget),
    ("tong tien", Field::Budget),
    ("thanh tien", Field::Budget),
    // The money paid out, as its own header ("Giải ngân", "Thực chi", "Quyết toán (triệu
    // đồng)"): the budget spent. (Not "Tổng chi", which folds as "Tổng chỉ tiêu" starts.)
    ("giai ngan", Field::Budget),
    ("thuc chi", Field::Budget),
    ("quyet toan", Field::Budget),
    ("ton tai", Field::Difficulties),
    // Why the work was not done or finished ("Lý do chưa thực hiện", "Nguyên nhân chưa hoàn
    // thành"): what held it back (each a column of no field, kept in the note).
    ("ly do chua", Field::Difficulties),
    ("nguyen nhan chua", Field::Difficulties),
    ("ly do khong", Field::Difficulties),
    ("nguyen nhan khong", Field::Difficulties),
    ("so luong ket qua", Field::Result),
    ("hieu qua", Field::Result),
    // What came of the work, in other words: "Thành quả", "Số lượng, chất lượng", "Chỉ
    // tiêu đạt được", "Khối lượng hoàn thành", "Tình hình và kết quả".
    ("thanh qua", Field::Result),
    ("so luong chat luong", Field::Result),
    ("chi tieu dat duoc", Field::Result),
    ("khoi luong hoan thanh", Field::Result),
    ("khoi luong cong viec hoan thanh", Field::Result),
    ("tinh hinh va ket qua", Field::Result),
    // One column for both ("Nhiệm vụ, hoạt động"): the tasks are headings in it ("Nhiệm vụ
    // 3: …"), the rows under them the activities.
    ("nhiem vu hoat dong", Field::Activity),
    ("nhiem vu va hoat dong", Field::Activity),
    ("ten nhiem vu hoat dong", Field::Activity),
    ("noi dung nhiem vu hoat dong", Field::Activity),
];

/// How much of a key decides whether it can name a field: longer than every pattern, so a
/// key cut there equals no `EXACT` pattern and starts with the same `PREFIX` patterns (and
/// the space after one) as the whole key.
const HEAD: usize = {
    let (mut longest, mut i) = (0, 0);
    while i < EXACT.len() + PREFIX.len() {
        let p = if i < EXACT.len() { EXACT[i].0 } else { PREFIX[i - EXACT.len()].0 };
        if p.len() > longest {
            longest = p.len();
        }
        i += 1;
    }
    longest + 1
};

/// The field a header cell names, if any. Long texts are not headers.
pub fn classify(header: &str) -> Option<Field> {
    // The form's number of the column written before its name ("(3) Nội dung hoạt động").
    let header = match header.trim_start().strip_prefix('(').and_then(|h| h.split_once(')')) {
        Some((n, name)) if !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()) && !name.trim().is_empty() => name,
        // Or before it with a point ("5. Tình trạng").
        _ => match header.trim_start().split_once(". ") {
            Some((n, name)) if !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()) && !name.trim().is_empty() => name,
            _ => header,
        },
    };
    // Every letter folds to at least one byte, and a legacy-encoded (VNI) letter is at most
    // three characters: a text with more than 3 × 80 letters or digits folds to a key longer
    // than 80. Long data cells stop here, before folding. Counted on bytes, every non-ASCII
    // character as a letter (an over-count only for texts no header is like): the Unicode
    // letter test on Vietnamese text was 2% of reading.
    let letters = || header.bytes().filter(|&b| b.is_ascii_alphanumeric() || b >= 0xC0).count();
    if header.len() > 240 && letters() > 240 {
        return None;
    }
    // Most cells near the top are data, not headers: the start of their key tells, without
    // folding them up to the length limit.
    let (head, whole) = fold_head(header, HEAD);
    let key = match whole {
        true if head.len() <= 80 => head,
        true => return None,
        false if !PREFIX.iter().any(|(p, _)| starts_with_words(&head, p)) => return None,
        false => fold_within(header, 80)?,
    };
    match field_of_key(&key) {
        // A header that is the statuses to write, or a result's that lists them ("Đã hoàn
        // thành/ Chưa hoàn thành", "Tình hình thực hiện (Hoàn thành/Chưa)", "Kết quả (Hoàn
        // thành/Đang thực hiện)"): the status.
        Some(Field::Result) | None if lists_statuses(header) => Some(Field::Status),
        f => f,
    }
}

/// Whether a header is, or ends with in brackets, two or more status words between
/// slashes ("Hoàn thành/Chưa", "Đã hoàn thành/ Đang thực hiện/ Chưa thực hiện").
fn lists_statuses(header: &str) -> bool {
    if !header.contains('/') {
        return false;
    }
    let list = match header.trim_end().strip_suffix(')').and_then(|h| h.rsplit_once('(')) {
        Some((_, inner)) => inner,
        None => header,
    };
    let mut parts = list.split('/').map(str::trim);
    let short_status = |p: &str| {
        !p.is_empty()
            && p.split_whitespace().nth(4).is_none()
            && crate::normalise::values::status(p) != crate::normalise::values::Status::Unknown
    };
    list.split('/').nth(1).is_some() && parts.all(short_status)
}

/// The field a folded header names, if any.
fn field_of_key(key: &str) -> Option<Field> {
    if key.is_empty() {
        return None;
    }
    if let Some(&(_, f)) = EXACT.iter().find(|(p, _)| *p == key) {
        return Some(f);
    }
    match PREFIX.iter().filter(|(p, _)| starts_with_words(key, p)).max_by_key(|(p, _)| p.len()).map(|&(_, f)| f) {
        // A status header that names the result too ("Tiến độ, kết quả thực hiện", "Đánh giá
        // kết quả") heads what was done: read as the status, a result would be lost, while
        // a status word alone in a result's cell is read as the status still.
        Some(Field::Status) if key.contains(" ket qua") => Some(Field::Result),
        // A result's header that lists the statuses to write ("Kết quả thực hiện (Hoàn
        // thành/Chưa hoàn thành)") heads the status.
        Some(Field::Result) if key.contains("hoan thanh chua hoan thanh") => Some(Field::Status),
        None if amount_in_dong(key) => Some(Field::Budget),
        // What was done in the year, as a form sets it beside the year's plan ("Kế hoạch năm
        // 2024 | Thực hiện năm 2024"): the result (it was a column of no field, the row with
        // no result).
        None if done_in_year(key) => Some(Field::Result),
        f => f,
    }
}

/// Whether a folded header says what was done in a year and nothing more ("thuc hien nam
/// 2024" for "Thực hiện năm 2024", "TH năm 2024", "Thực hiện 2024", "Thực hiện trong năm"),
/// not "Thực hiện" alone (read beside a target, as a count), nor "Thực hiện 6 tháng".
fn done_in_year(key: &str) -> bool {
    let Some(rest) = key.strip_prefix("thuc hien ").or_else(|| key.strip_prefix("th ")) else { return false };
    let rest = rest.strip_prefix("trong ").unwrap_or(rest);
    let rest = rest.strip_prefix("nam").filter(|r| r.is_empty() || r.starts_with(' ')).map_or(rest, str::trim_start);
    let year = rest.len() == 4 && rest.bytes().all(|b| b.is_ascii_digit());
    year || (rest.is_empty() && key.ends_with(" nam"))
}

/// Whether a folded header is an amount in đồng and nothing more: the unit alone ("Triệu
/// đồng", "Đơn vị: triệu đồng"), or after a word for an amount ("Tổng cộng (triệu đồng)",
/// "Giá trị (tr.đ)", "Đã chi (đồng)", "Mức chi"). Not a figure of trade or earnings
/// ("Doanh thu (tỷ đồng)", "Kim ngạch (triệu USD)"): those are results.
fn amount_in_dong(key: &str) -> bool {
    const AMOUNT: &[&str] =
        &["", "don vi", "dvt", "don vi tinh", "tong cong", "tong so", "tong", "cong", "gia tri", "da chi", "muc chi", "so kp"];
    const UNIT: &[&str] =
        &["trieu dong", "trieu", "tr d", "trd", "dong", "vnd", "nghin dong", "ngan dong", "1000 dong", "1 000 dong", "ty dong"];
    if matches!(key, "da chi" | "muc chi" | "so kp") {
        return true;
    }
    // (Also what was done in the year in money, "Thực hiện năm 2024 (triệu đồng)": its
    // figures were kept in the note.)
    UNIT.iter().any(|u| key.strip_suffix(u).is_some_and(|head| AMOUNT.contains(&head.trim_end()) || done_in_year(head.trim_end())))
}

/// Whether `key` is `p` or starts with `p` followed by a space (no allocation: this runs
/// for every cell near the top of every sheet).
pub fn starts_with_words(key: &str, p: &str) -> bool {
    key.starts_with(p) && matches!(key.as_bytes().get(p.len()), None | Some(b' '))
}

/// A recognised column.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Column {
    pub field: Field,
    /// 0-based column index within the sheet.
    pub col: u32,
    /// The header text as written (both rows joined for a two-row header).
    pub header: String,
}

/// A recognised header.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Header {
    /// 0-based row of the first header row.
    pub first_row: u32,
    /// 0-based row of the last header row; data starts below it.
    pub last_row: u32,
    pub columns: Vec<Column>,
    /// Columns with a header tonghop has no field for ("Thời gian thực hiện", "Địa
    /// điểm", "Đơn vị phối hợp"): their 0-based index and header text. Their cells are
    /// kept in the row's note, "Địa điểm: Hội trường…", not dropped.
    #[serde(default)]
    pub others: Vec<(u32, String)>,
}

impl Header {
    pub fn col(&self, field: Field) -> Option<&Column> {
        self.columns.iter().find(|c| c.field == field)
    }

    /// Leaves out the columns hidden by hand (`hidden`, 0-based and sorted) that the table
    /// would keep in its notes (under a header of no field, or set aside), or read in place
    /// of a column shown for the same field: one under the same header (last year's
    /// results kept beside this year's, the years aside), which is read in its place, or
    /// one of a group read whole. A hidden column that alone gives its field is read, as is
    /// one of task codes beside one of titles (the form's maker hid it). Returns those left
    /// out: their header row, column and header.
    pub fn leave_out(&mut self, hidden: &[u32]) -> Vec<(u32, u32, String)> {
        let is_hidden = |c: u32| hidden.binary_search(&c).is_ok();
        let mut left: Vec<(u32, String)> = Vec::new();
        self.others.retain(|(c, t)| {
            let keep = !is_hidden(*c);
            if !keep {
                left.push((*c, t.clone()));
            }
            keep
        });
        // The same header, its years and figures aside.
        let same = |a: &str, b: &str| {
            let bare = |t: &str| fold(t).split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
            bare(a) == bare(b)
        };
        let mut i = 0;
        while i < self.columns.len() {
            let x = &self.columns[i];
            if !is_hidden(x.col) {
                i += 1;
                continue;
            }
            let codes = x.field == Field::Task && code_header(&x.header);
            let shown = self.columns.iter().any(|y| y.field == x.field && !is_hidden(y.col) && (!codes || code_header(&y.header)));
            // (The one under the very same header first: "Kết quả năm 2024", not "… 2023".)
            let shown_with = |like: &dyn Fn(&str, &str) -> bool| self.others.iter().position(|(c, t)| !is_hidden(*c) && like(t, &x.header));
            let copy = shown_with(&|a, b| fold(a) == fold(b)).or_else(|| shown_with(&same));
            if !shown && copy.is_none() {
                i += 1;
                continue;
            }
            let x = self.columns.remove(i);
            if let (false, Some(at)) = (shown, copy) {
                let (col, header) = self.others.remove(at);
                self.columns.push(Column { field: x.field, col, header });
            }
            left.push((x.col, x.header));
        }
        if !left.is_empty() {
            self.columns.sort_by_key(|c| c.col);
        }
        left.sort();
        left.into_iter().map(|(col, header)| (self.first_row, col, header)).collect()
    }

    /// Whether the table says each row's status: a status column, or tick boxes.
    pub fn has_status(&self) -> bool {
        [Field::Status, Field::StatusDone, Field::StatusInProgress, Field::StatusNotStarted].iter().any(|f| self.col(*f).is_some())
    }
}

/// How many rows from the top are searched for the header (the grid `find` is given
/// holds up to three more: a second header row and a numbering row under the last one).
pub const HEADER_SEARCH_ROWS: usize = 30;

/// How many windows of `HEADER_SEARCH_ROWS` rows are searched, one after the other, until
/// one has the header: as far down as a sheet without a table is read as lines
/// (`LINES_READ`), the first 1,020 rows. A report written out in the sheet above its table
/// runs to pages: with its table past row 90 (where the search stopped), the table was
/// read as lines, its results and amounts in the notes.
pub const HEADER_SEARCH_WINDOWS: usize = crate::ingest::LINES_READ.div_ceil(HEADER_SEARCH_ROWS);

/// Finds the header in a grid of cell texts (`rows[r][c]`, with `row0`/`col0` the sheet
/// position of `rows[0][0]`). A header names at least three known columns, one of which
/// is the activity, result or task, or two of those three alone (a small agency's table:
/// "Nhiệm vụ | Kết quả thực hiện"). Where the row below names further columns (sub-headers
/// under a merged group header such as "Tình trạng" over "Hoàn thành | Đang thực hiện"),
/// both rows make the header.
pub fn find(rows: &[Vec<String>], row0: u32, col0: u32) -> Option<Header> {
    let classify_row = |r: &Vec<String>| -> Vec<Option<Field>> { r.iter().map(|t| classify(t)).collect() };
    let score = |fields: &[Option<Field>]| -> usize {
        let mut seen: Vec<Field> = fields.iter().flatten().copied().collect();
        seen.sort();
        seen.dedup();
        let core = seen.iter().filter(|f| matches!(f, Field::Activity | Field::Result | Field::Task)).count();
        match (core, seen.len()) {
            (0, _) => 0,
            // Two columns that both say what was done count as three.
            (2, 2) => 3,
            (_, n) => n,
        }
    };
    let limit = rows.len().min(HEADER_SEARCH_ROWS);
    let mut best: Option<(usize, usize)> = None;
    // The rows under a header, down to the first blank row, are its table: none of them
    // replaces it, however many of its texts start with headers' words.
    let mut under_best = false;
    for (i, row) in rows.iter().take(limit).enumerate() {
        if row.iter().all(|t| t.trim().is_empty()) {
            under_best = false;
            continue;
        }
        if under_best {
            continue;
        }
        // A row that starts with a row's number is data, however many of its texts start
        // with headers' words ("1 | Nhiệm vụ 1 | Hoạt động … | Kết quả … | Kinh phí …").
        if row.iter().find(|t| !t.trim().is_empty()).is_some_and(|t| is_row_number(t)) {
            continue;
        }
        let s = score(&classify_row(row));
        if s >= 3 && best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
            under_best = true;
        }
    }
    let (i, _) = best?;
    // A third header row splitting a group of the second ("Kinh phí" over "Tổng số | Trong
    // đó" over "NSNN | XHH"): read as a two-row header whose second row gives the lowest
    // header over each column.
    // A header's words carried on to the row under it, the Enter key pressed where Alt+Enter
    // was meant ("Nội dung" over "hoạt động", "Kết quả" over "thực hiện", "Kinh phí" over
    // "(triệu đồng)"): one header row, each column's words joined. (The row under it was
    // read as an activity "hoạt động", its status "thực hiện" unknown.)
    if let Some(joined) = words_carried_on(rows, i) {
        let mut one = rows.to_vec();
        one[i] = joined;
        one.remove(i + 1);
        let mut h = header_at(&one, i, row0, col0, classify_row)?;
        h.last_row += 1;
        return Some(h);
    }
    if let Some(second) = third_header_row(rows, i) {
        let mut two = rows.to_vec();
        two[i + 1] = second;
        two.remove(i + 2);
        let mut h = header_at(&two, i, row0, col0, classify_row)?;
        h.last_row += 1;
        return Some(h);
    }
    header_at(rows, i, row0, col0, classify_row)
}

/// The header row `rows[i]` with the words of the row under it joined to each column's,
/// where that row only carries the header's words on: two cells or more, each under a
/// header's cell, short, in small letters or a unit in brackets, one at least in small
/// letters ("hoạt động", "thực hiện", "(triệu đồng)"), nothing under the number's header,
/// and the row after it numbered.
fn words_carried_on(rows: &[Vec<String>], i: usize) -> Option<Vec<String>> {
    let (head, next) = (rows.get(i)?, rows.get(i + 1)?);
    let (above, below) = (|c: usize| cell(rows, i, c), |c: usize| cell(rows, i + 1, c));
    let cells: Vec<usize> = (0..next.len()).filter(|&c| !below(c).is_empty()).collect();
    let small = |t: &str| t.chars().next().is_some_and(char::is_lowercase);
    let carries = |c: &usize| {
        let t = below(*c);
        !above(*c).is_empty() && t.chars().count() <= 30 && (small(t) || (t.starts_with('(') && t.ends_with(')')))
    };
    let stt = (0..head.len()).find(|&c| classify(above(c)) == Some(Field::Stt))?;
    let numbered_after = is_row_number(cell(rows, i + 2, stt));
    if cells.len() < 2 || !cells.iter().all(carries) || !cells.iter().any(|&c| small(below(c))) || cells.contains(&stt) || !numbered_after {
        return None;
    }
    Some((0..head.len().max(next.len())).map(|c| join(above(c), below(c))).collect())
}

/// The second row of a three-row header, each column's lowest header, where the third row
/// splits a group of the second ("Trong đó" over "NSNN | XHH") and is blank under every
/// column the first row names alone; `None` where there is no such third row.
fn third_header_row(rows: &[Vec<String>], i: usize) -> Option<Vec<String>> {
    let (first, second, third) = (rows.get(i)?, rows.get(i + 1)?, rows.get(i + 2)?);
    fn text(r: &[String], c: usize) -> &str {
        r.get(c).map_or("", |t| t.trim())
    }
    let width = first.len().max(second.len()).max(third.len());
    let header_like = |r: &Vec<String>| {
        r.iter().all(|t| t.chars().count() <= 80)
            && r.iter().find(|t| !t.trim().is_empty()).is_some_and(|t| !is_row_number(t))
            && r.iter().filter(|t| !t.trim().is_empty()).all(|t| t.chars().filter(|c| c.is_alphabetic()).nth(1).is_some())
    };
    if !header_like(second) || !header_like(third) || third.iter().filter(|t| !t.trim().is_empty()).count() < 2 {
        return None;
    }
    // Blank under the columns the first row names alone (merged down over all three): under
    // a header of the first row only where the second splits it there.
    if (0..width).any(|c| !text(third, c).is_empty() && !text(first, c).is_empty() && text(second, c).is_empty()) {
        return None;
    }
    // A group of the second row split by the third: its header over a blank cell under
    // which the third row names a column.
    let splits = (0..width.saturating_sub(1)).any(|c| {
        !text(second, c).is_empty() && text(second, c + 1).is_empty() && !text(third, c).is_empty() && !text(third, c + 1).is_empty()
    });
    if !splits {
        return None;
    }
    // Under the budget, a split of the money allotted and the money spent by source
    // ("Kinh phí" over "Dự toán | Thực hiện" over "NSNN | XHH | NSNN | XHH"): each source's
    // header keeps the group's words ("Thực hiện NSNN"), which say what money it is; not
    // "Trong đó", which says only that the sources are parts of the total.
    // The header of a row over column `c`: its own, else the nearest to its left, going no
    // further left than the columns `within` says are in its group.
    fn over<'a>(r: &'a [String], c: usize, within: &dyn Fn(usize) -> bool) -> Option<&'a str> {
        for k in (0..=c).rev() {
            if !text(r, k).is_empty() {
                return Some(text(r, k));
            }
            if !within(k) {
                return None;
            }
        }
        None
    }
    let lowest = |c: usize| -> String {
        let low = text(third, c);
        if low.is_empty() {
            return text(second, c).to_string();
        }
        let under_budget = over(first, c, &|_| true).is_some_and(|h| classify(h) == Some(Field::Budget));
        match over(second, c, &|k| !text(third, k).is_empty()) {
            Some(group) if under_budget && group != low && spent(group) != 1 => join(group, low),
            _ => low.to_string(),
        }
    };
    Some((0..width).map(lowest).collect())
}

/// The header whose first row is `rows[i]`.
fn header_at(
    rows: &[Vec<String>],
    i: usize,
    row0: u32,
    col0: u32,
    classify_row: impl Fn(&Vec<String>) -> Vec<Option<Field>>,
) -> Option<Header> {
    let top = classify_row(&rows[i]);
    let mut below = rows.get(i + 1).map(classify_row).unwrap_or_default();
    let text = |r: usize, c: usize| cell(rows, r, c);
    // Statuses in words of their own under a status group ("Tiến độ" over "Đã xong | Đang
    // làm | Chưa làm", "Xong | Đang TH | Chưa TH"): tick boxes, as "Hoàn thành | Đang thực
    // hiện | Chưa thực hiện" are. (The first was read as the status, its ticks unknown; the
    // others' ticks went to the note.)
    let status_group = top.contains(&Some(Field::Status));
    for (c, f) in below.iter_mut().enumerate().filter(|_| status_group) {
        let b = text(i + 1, c);
        if f.is_some() || b.is_empty() {
            continue;
        }
        let Some(k) = (0..=c).rev().find(|&k| !text(i, k).is_empty()) else { continue };
        if top.get(k).copied().flatten() == Some(Field::Status) {
            *f = tick_of(b);
        }
    }
    // A second header row: it names fields in columns the first row leaves empty or
    // groups, and has no long text (data rows have long texts); or it only splits groups
    // of the first row ("Kinh phí" over "Tổng số | Ngân sách nhà nước | Xã hội hóa"), in
    // words: every column with a header of its own is merged down over it, so empty there.
    let width = rows[i].len().max(rows.get(i + 1).map_or(0, Vec::len));
    // Where the first row has a header and the next column has none: a group's start.
    let in_group = |c: usize| text(i, c).is_empty() || (c + 1 < width && text(i, c + 1).is_empty());
    // Only under a group or an empty cell: a first row of data has a cell under every
    // header, and its texts may start with a header's words ("Hoàn thành" under "Tình
    // trạng", "Ghi chú …" under "Kinh phí").
    let sub_count = below.iter().enumerate().filter(|(c, f)| f.is_some() && in_group(*c) && top.get(*c).copied().flatten() != **f).count();
    // A row number under "STT" is a row of data.
    let numbered = top.iter().position(|f| *f == Some(Field::Stt)).is_some_and(|c| is_row_number(text(i + 1, c)));
    let splits_groups = (0..width).any(|c| !text(i + 1, c).is_empty())
        && (0..width).all(|c| {
            let b = text(i + 1, c);
            b.is_empty() || (in_group(c) && b.chars().filter(|ch| ch.is_alphabetic()).nth(1).is_some())
        });
    // A row of units under the header ("triệu đồng" under "Kinh phí"): part of it.
    let units_row = is_units_row(rows, i + 1, width, |c| !text(i, c).is_empty());
    // A header's second row is blank under the columns the first names alone (merged down
    // over both rows), or gives their unit; a first row of data has a cell under them.
    let only_under_groups = (0..width).all(|c| text(i + 1, c).is_empty() || in_group(c) || is_unit(text(i + 1, c)));
    let below_is_header = ((sub_count >= 2 && only_under_groups) || splits_groups || units_row)
        && !numbered
        && rows[i + 1].iter().all(|t| t.chars().count() <= 80)
        && below.iter().flatten().all(|f| !matches!(f, Field::Stt));
    let mut columns = Vec::new();
    let mut others = Vec::new();
    // The text field whose group the columns are in (a result split as "Kết quả thực hiện"
    // over "Số lượng | Nội dung"), and its header: every column of it is read.
    let mut group: Option<(Field, &str)> = None;
    // A column of the first row's group with no header of its own there (merged over it),
    // under which the second row names it: the group's header, for what the column is of
    // ("Số lượng" over "Kế hoạch | Thực hiện": "Số lượng Thực hiện", not "Thực hiện").
    let group_head = |c: usize| -> Option<&str> {
        if !text(i, c).is_empty() {
            return None;
        }
        (0..c).rev().take_while(|&k| !text(i + 1, k).is_empty()).find(|&k| !text(i, k).is_empty()).map(|k| text(i, k))
    };
    // The columns of a text field's group that give what was planned ("Kết quả thực hiện"
    // over "Kế hoạch | Thực hiện"), beside what was done.
    let mut planned = Vec::new();
    for c in 0..width {
        let t = rows[i].get(c).map(String::as_str).unwrap_or("");
        let mut in_text_group = false;
        let (field, header) = if below_is_header {
            let b = rows[i + 1].get(c).map(String::as_str).unwrap_or("");
            if ["ke hoach", "chi tieu", "du kien", "muc tieu"].iter().any(|w| starts_with_words(&fold(b), w)) {
                planned.push(col0 + c as u32);
            }
            if !t.trim().is_empty() {
                group = top.get(c).copied().flatten().filter(|f| GROUPED_TEXT.contains(f)).map(|f| (f, t));
            }
            // A sub-header naming a text field read already ("Nội dung" under "Kết quả thực
            // hiện", where the activity has its column) is part of its group.
            let below_f = below.get(c).copied().flatten().filter(|f| {
                !(t.trim().is_empty() && group.is_some() && GROUPED_TEXT.contains(f) && columns.iter().any(|x: &Column| x.field == *f))
            });
            match (below_f, top.get(c).copied().flatten(), group) {
                (Some(f), _, _) => (Some(f), join(t, b)),
                (None, Some(f), _) => (Some(f), join(t, b)),
                (None, None, Some((f, head))) if t.trim().is_empty() && !b.trim().is_empty() => {
                    in_text_group = true;
                    (Some(f), join(head, b))
                }
                // The task's code under its group ("Nhiệm vụ" over "Tên nhiệm vụ | Mã").
                (None, None, _) if group_head(c).is_some_and(|h| classify(h) == Some(Field::Task)) && code_header(b) => {
                    (Some(Field::Task), join(group_head(c).unwrap_or(t), b))
                }
                // A column of no field: its header kept for its cells ("Thời gian" over
                // "Bắt đầu | Kết thúc").
                (None, None, _) => (None, join(group_head(c).unwrap_or(t), b)),
            }
        } else if t.trim().is_empty() {
            // A column with no header of its own right of a text field's (its header cell
            // merged over both, "Kết quả thực hiện" over D:E): part of it, read with it.
            match group {
                Some((f, head)) if columns.iter().any(|x: &Column| x.field == f && x.header == head) => {
                    in_text_group = true;
                    (Some(f), head.to_string())
                }
                _ => (None, String::new()),
            }
        } else {
            group = top.get(c).copied().flatten().filter(|f| GROUPED_TEXT.contains(f)).map(|f| (f, t));
            (top.get(c).copied().flatten(), t.to_string())
        };
        if field.is_none() && !header.trim().is_empty() {
            others.push((col0 + c as u32, header.trim().to_string()));
        }
        if let Some(field) = field {
            // The first column claiming a field wins; later ones are extra columns. Of two
            // budgets, the money spent wins over the money allotted. Of two columns for two
            // years ("Kết quả năm 2023 | Kết quả năm 2024", a report set beside last year's),
            // the later year's, unless it is money planned. The columns of a text field's
            // group are all read.
            // The column set aside is kept as one of no field, its cells in the note
            // ("Kinh phí được giao: 50"), but for a second row number.
            let mut set_aside = |x: Column| {
                if x.field != Field::Stt {
                    others.push((x.col, x.header));
                }
            };
            match columns.iter().position(|x: &Column| x.field == field) {
                None => columns.push(Column { field, col: col0 + c as u32, header }),
                Some(_) if in_text_group => columns.push(Column { field, col: col0 + c as u32, header }),
                // Of two task columns, the one of codes ("Mã", "Mã NV") over the titles, as
                // a code names its task surely and a title only near the plan's wording.
                Some(at) if field == Field::Task && code_header(&header) && !code_header(&columns[at].header) => {
                    set_aside(std::mem::replace(&mut columns[at], Column { field, col: col0 + c as u32, header }));
                }
                // Of two status columns, the one in words ("Tình trạng") over a share
                // ("Tỷ lệ (%)" before it): the clerk's word was set aside for the figure.
                Some(at) if field == Field::Status && share(&columns[at].header) && !share(&header) => {
                    set_aside(std::mem::replace(&mut columns[at], Column { field, col: col0 + c as u32, header }));
                }
                // And the one that says how far the work got ("Tình trạng", "Tiến độ") over an
                // assessment before it ("Đánh giá", "Xếp loại"), which may rate the work or
                // say what came of it ("Đánh giá | Tình trạng": the assessment was the status,
                // unknown, and the clerk's "Hoàn thành" went to the note).
                Some(at) if field == Field::Status && assessment(&columns[at].header) && !assessment(&header) && !share(&header) => {
                    set_aside(std::mem::replace(&mut columns[at], Column { field, col: col0 + c as u32, header }));
                }
                // Of two activity columns where no column names the task, one that names the
                // task too ("Chương trình, nhiệm vụ | Nội dung hoạt động") is the task: its
                // cells were taken for the activities, and the clerk's went to the note.
                Some(at)
                    if field == Field::Activity
                        && columns.iter().all(|x| x.field != Field::Task)
                        && names_task(&columns[at].header)
                        && !names_task(&header) =>
                {
                    columns[at].field = Field::Task;
                    columns.push(Column { field, col: col0 + c as u32, header });
                }
                Some(at) if field == Field::Budget && spent(&header) > spent(&columns[at].header) => {
                    set_aside(std::mem::replace(&mut columns[at], Column { field, col: col0 + c as u32, header }));
                }
                Some(at)
                    if year_named(&header).zip(year_named(&columns[at].header)).is_some_and(|(new, old)| new > old)
                        && (field != Field::Budget || spent(&header) >= spent(&columns[at].header)) =>
                {
                    set_aside(std::mem::replace(&mut columns[at], Column { field, col: col0 + c as u32, header }));
                }
                Some(_) => set_aside(Column { field, col: col0 + c as u32, header }),
            }
        }
    }
    if below_is_header {
        budget_by_source(&mut columns, &mut others, rows, i, col0, width);
        // Of a text field's group, what was planned beside what was done: the work done is
        // the field, the plan kept in the note (both were joined as the result).
        for f in GROUPED_TEXT {
            let cols: Vec<u32> = columns.iter().filter(|c| c.field == *f).map(|c| c.col).collect();
            let (plan, done): (Vec<u32>, Vec<u32>) = cols.iter().partition(|c| planned.contains(c));
            if !plan.is_empty() && !done.is_empty() {
                let (keep, set): (Vec<Column>, Vec<Column>) = columns.drain(..).partition(|c| c.field != *f || !plan.contains(&c.col));
                columns = keep;
                others.extend(set.into_iter().map(|c| (c.col, c.header)));
            }
        }
    }
    sources_side_by_side(&mut columns, &mut others);
    status_ticks_side_by_side(&mut columns, &mut others);
    // A second task column naming the specific tasks ("Nhiệm vụ | Nhiệm vụ cụ thể | Kết
    // quả"), or a column of what was planned beside what was done ("Nhiệm vụ | Kế hoạch
    // năm 2024 | Kết quả thực hiện", "Nội dung kế hoạch"), where no column names the
    // activity: what was done for the plan's task.
    if columns.iter().all(|c| c.field != Field::Activity) {
        let specific = others.iter().position(|(_, h)| {
            let key = fold(h);
            (classify(h) == Some(Field::Task) && ["cu the", "chi tiet"].iter().any(|w| crate::text::contains_words(&key, w)))
                || planned_work(&key)
        });
        if let Some(at) = specific {
            let (col, header) = others.remove(at);
            columns.push(Column { field: Field::Activity, col, header });
        }
    }
    // Of a field's columns under one header that each name a year ("Kết quả thực hiện" or
    // "Kinh phí" over "Năm 2023 | Năm 2024"), the latest year's; the others kept in the note.
    for field in Field::ALL {
        let years: Vec<Option<u32>> = columns.iter().filter(|c| c.field == field).map(|c| year_named(&c.header)).collect();
        if years.len() < 2 || years.iter().any(Option::is_none) {
            continue;
        }
        // (Not a budget planned for a later year, "Dự kiến năm 2025".)
        let planned = |c: &Column| c.field == Field::Budget && spent(&c.header) == 0;
        let latest = columns.iter().filter(|c| c.field == field && !planned(c)).filter_map(|c| year_named(&c.header)).max();
        if latest.is_none() || years.iter().all(|y| *y == latest) {
            continue;
        }
        let (keep, earlier): (Vec<Column>, Vec<Column>) =
            columns.drain(..).partition(|c| c.field != field || year_named(&c.header) == latest);
        columns = keep;
        others.extend(earlier.into_iter().map(|c| (c.col, c.header)));
    }
    if is_task_list(&rows[i], &columns) {
        return None;
    }
    let first_row = row0 + i as u32;
    let mut last_row = if below_is_header { first_row + 1 } else { first_row };
    // A row of units under a two-row header ("Kinh phí" over "NSNN | XHH" over "(triệu
    // đồng)"): part of it, each unit joined to its column's header.
    let next = (last_row - row0) as usize + 1;
    let named = |c: usize| columns.iter().any(|x| (x.col - col0) as usize == c) || others.iter().any(|(x, _)| (x - col0) as usize == c);
    if below_is_header && is_units_row(rows, next, width, named) {
        let headers = columns.iter_mut().map(|x| (x.col, &mut x.header)).chain(others.iter_mut().map(|(c, h)| (*c, h)));
        for (col, header) in headers {
            let unit = text(next, (col - col0) as usize);
            if !unit.is_empty() {
                *header = join(header, unit);
            }
        }
        last_row += 1;
    }
    // A row numbering the columns under the header ("(1) (2) (3)…") is part of it.
    if rows.get((last_row - row0) as usize + 1).is_some_and(|r| super::form::is_numbering_row(r)) {
        last_row += 1;
    }
    others.sort_by_key(|(c, _)| *c);
    Some(Header { first_row, last_row, columns, others })
}

/// Whether a header names the task among other things ("Chương trình, nhiệm vụ").
fn names_task(header: &str) -> bool {
    crate::text::contains_words(&fold(header), "nhiem vu")
}

/// Whether a header names a task's code rather than its title: "Mã", "Mã NV", "Mã nhiệm
/// vụ", "Ký hiệu", "Số hiệu", or a group's header with one of them last ("Nhiệm vụ Mã").
pub fn code_header(header: &str) -> bool {
    let key = fold(header);
    ["ma", "ma so", "ma nv", "ma nhiem vu", "ky hieu", "so hieu"].iter().any(|w| key == *w || key.ends_with(&format!(" {w}")))
}

/// Whether a folded header names the work planned, as words: "Kế hoạch", "Kế hoạch năm
/// 2024", "Nội dung (theo) kế hoạch", "Hoạt động theo kế hoạch"; not a planned figure or
/// time ("Kế hoạch (số lượng)", "Kế hoạch kinh phí", "Thời gian theo kế hoạch").
fn planned_work(key: &str) -> bool {
    let rest = ["ke hoach", "noi dung ke hoach", "noi dung theo ke hoach", "hoat dong theo ke hoach", "nhiem vu theo ke hoach"]
        .iter()
        .find_map(|p| key.strip_prefix(p).filter(|r| r.is_empty() || r.starts_with(' ')));
    rest.is_some_and(|r| {
        let r = r.trim_start();
        let r = r.strip_prefix("nam").map_or(r, str::trim_start);
        r.is_empty() || (r.len() == 4 && r.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// Whether a header names the money of one source ("NSNN", "Ngân sách tỉnh (triệu đồng)",
/// "Kinh phí XHH", "Nguồn khác"): a source `values::names_source` knows after the words
/// that lead to one, not the money in all ("Kinh phí", "Ngân sách"), nor the column that
/// says where the money came from ("Nguồn kinh phí").
fn names_one_source(header: &str) -> bool {
    // Its unit aside ("(triệu đồng)").
    let key = fold(header.split('(').next().unwrap_or(header));
    let mut rest = key.as_str();
    let mut led = false;
    while let Some(r) = ["trong do", "kinh phi", "kp", "nguon von", "nguon", "so tien", "tu"]
        .iter()
        .find_map(|p| rest.strip_prefix(p).filter(|r| r.is_empty() || r.starts_with(' ')))
    {
        rest = r.trim_start();
        led = true;
    }
    let bare = ["", "ngan sach", "von", "nguon", "kinh phi"].contains(&rest);
    (!bare && crate::normalise::values::names_source(rest)) || (led && starts_with_words(rest, "khac"))
}

/// Statuses in words of their own as headers side by side, where the table has no status
/// column ("Đã xong | Đang làm | Chưa làm", "Xong | Chưa xong"): tick boxes, as "Hoàn thành
/// | Đang thực hiện | Chưa thực hiện" are. Two at least, saying different statuses. (Each
/// was a column of no field, its ticks in the note.)
fn status_ticks_side_by_side(columns: &mut Vec<Column>, others: &mut Vec<(u32, String)>) {
    let has_status =
        columns.iter().any(|c| matches!(c.field, Field::Status | Field::StatusDone | Field::StatusInProgress | Field::StatusNotStarted));
    if has_status || others.len() < 2 {
        return;
    }
    let ticks: Vec<(u32, Field)> = others.iter().filter_map(|(c, h)| tick_of(h).map(|f| (*c, f))).collect();
    let mut kinds: Vec<Field> = ticks.iter().map(|(_, f)| *f).collect();
    kinds.sort();
    kinds.dedup();
    if ticks.len() < 2 || kinds.len() < 2 || kinds.len() != ticks.len() {
        return;
    }
    for (col, field) in ticks {
        if let Some(at) = others.iter().position(|(c, _)| *c == col) {
            let (col, header) = others.remove(at);
            columns.push(Column { field, col, header });
        }
    }
    columns.sort_by_key(|c| c.col);
}

/// The tick box a header of a few words that is a status heads ("Đã xong": done, "Đang
/// làm": in progress, "Chưa làm": not started), if it is one.
fn tick_of(header: &str) -> Option<Field> {
    use crate::normalise::values::{status, Status};
    if header.split_whitespace().nth(3).is_some() {
        return None;
    }
    match status(header) {
        Status::Done => Some(Field::StatusDone),
        Status::InProgress => Some(Field::StatusInProgress),
        Status::NotStarted => Some(Field::StatusNotStarted),
        Status::Unknown => None,
    }
}

/// A budget split by source in columns side by side under one header row ("Ngân sách tỉnh
/// (triệu đồng) | Xã hội hóa (triệu đồng)", "NSNN | XHH", "Kinh phí NSNN | Kinh phí XHH"):
/// the sources added up are the budget. After a budget column of its own ("Tổng kinh phí |
/// NSNN | XHH"), they are its parts, read only where a row leaves it blank. Before, the
/// first source was the budget and the others were kept in the note, or no source was read
/// ("NSNN | XHH"). A split under a group header is `budget_by_source`'s.
fn sources_side_by_side(columns: &mut Vec<Column>, others: &mut Vec<(u32, String)>) {
    let budgets: Vec<&Column> = columns.iter().filter(|c| c.field == Field::Budget).collect();
    if budgets.len() > 1 || columns.iter().any(|c| c.field == Field::BudgetSource) {
        return;
    }
    let budget = budgets.first().map(|c| (c.col, names_one_source(&c.header)));
    let is_source = |col: u32| others.iter().any(|(c, h)| *c == col && names_one_source(h));
    // The sources next to each other: right of the budget's column, else from the first.
    let Some(start) = budget.map(|(c, _)| c + 1).or_else(|| others.iter().filter(|(_, h)| names_one_source(h)).map(|(c, _)| *c).min())
    else {
        return;
    };
    let run: Vec<u32> = (start..).take_while(|&c| is_source(c)).collect();
    let field = match budget {
        Some((_, true)) if !run.is_empty() => Field::Budget,
        Some((_, false)) if run.len() >= 2 => Field::BudgetSource,
        // One source alone ("NSNN (triệu đồng)") is all the money the table gives.
        None if !run.is_empty() => Field::Budget,
        _ => return,
    };
    for col in run {
        if let Some(at) = others.iter().position(|(c, _)| *c == col) {
            let (col, header) = others.remove(at);
            columns.push(Column { field, col, header });
        }
    }
}

/// A budget split by source under one group header ("Kinh phí" over "Ngân sách tỉnh | Xã
/// hội hóa"): the budget is the group's total column where it has one ("Tổng số",
/// "Cộng"), else every source column, added up.
fn budget_by_source(columns: &mut Vec<Column>, others: &mut Vec<(u32, String)>, rows: &[Vec<String>], i: usize, col0: u32, width: usize) {
    let text = |r: usize, c: usize| cell(rows, r, c);
    let Some(at) = columns.iter().position(|c| c.field == Field::Budget) else { return };
    let first = (columns[at].col - col0) as usize;
    if text(i, first).is_empty() {
        return;
    }
    // The group: the budget's column and the columns after it the first row leaves empty.
    let group: Vec<usize> =
        (first..width).take_while(|&c| c == first || text(i, c).is_empty()).filter(|&c| !text(i + 1, c).is_empty()).collect();
    if group.len() < 2 {
        return;
    }
    // (Also the total of the money spent or allotted, "Thực hiện Tổng số", where each is
    // split by source under a third header row.)
    let total = |c: &usize| {
        const TOTALS: &[&str] = &["tong", "tong so", "tong cong", "cong", "tong kinh phi", "tong cong kinh phi"];
        let key = fold(text(i + 1, *c));
        TOTALS.iter().any(|w| key == *w || (key.ends_with(w) && key[..key.len() - w.len()].ends_with(' ') && spent(&key) != 1))
    };
    let header = |c: usize| join(text(i, first), text(i + 1, c));
    // Money allotted beside money spent ("Kinh phí" over "Dự toán | Thực hiện") is no split
    // by source: the money spent is the budget, the money allotted kept in the note.
    let spent_col = group.iter().copied().filter(|&c| spent(text(i + 1, c)) == 2).max_by_key(|&c| c);
    let allotted = group.iter().any(|&c| spent(text(i + 1, c)) == 0);
    // The money spent split by source ("Thực hiện NSNN | Thực hiện XHH", beside "Dự toán
    // NSNN | Dự toán XHH"): every source's, added up; not money spent at two stages
    // ("Giải ngân | Quyết toán"), of which the last is read.
    let spent_sources: Vec<usize> = group.iter().copied().filter(|&c| spent(text(i + 1, c)) == 2).collect();
    let by_source = spent_sources.len() >= 2
        && spent_sources.iter().all(|&c| {
            let key = fold(text(i + 1, c));
            let words: Vec<&str> = key.split(' ').collect();
            (0..words.len()).any(|at| crate::normalise::values::names_source(&words[at..].join(" ")))
        });
    // With a total column, the sources are read only where a row leaves the total blank.
    let mut sources = Vec::new();
    let (chosen, set_aside): (Vec<usize>, Vec<usize>) =
        match (group.iter().filter(|c| total(c)).max_by_key(|&&c| spent(text(i + 1, c))), spent_col) {
            (Some(&c), _) => {
                sources = group.iter().copied().filter(|&g| g != c && spent(text(i + 1, g)) != 0).collect();
                (vec![c], group.iter().copied().filter(|&g| g != c && spent(text(i + 1, g)) == 0).collect())
            }
            (None, Some(_)) if allotted && by_source => {
                (spent_sources.clone(), group.iter().copied().filter(|g| !spent_sources.contains(g)).collect())
            }
            (None, Some(c)) if allotted => (vec![c], group.iter().copied().filter(|&g| g != c).collect()),
            (None, _) => (group.clone(), Vec::new()),
        };
    columns[at] = Column { field: Field::Budget, col: col0 + chosen[0] as u32, header: header(chosen[0]) };
    // The other columns of the group name no other field (a source is not a field of its own).
    columns.retain(|x| x.field == Field::Budget || !group.contains(&((x.col - col0) as usize)));
    // Nor are they columns of their own, to be kept in the note: the budget is read from them
    // (but the money allotted, set aside).
    others.retain(|(c, _)| !group.contains(&((c - col0) as usize)));
    others.extend(set_aside.iter().map(|&g| (col0 + g as u32, header(g))));
    for &c in &chosen[1..] {
        columns.push(Column { field: Field::Budget, col: col0 + c as u32, header: header(c) });
    }
    for c in sources {
        columns.push(Column { field: Field::BudgetSource, col: col0 + c as u32, header: header(c) });
    }
}

/// Whether a header is the plan's own list of tasks, which the department's form often
/// carries on a sheet of its own: a column of lead agencies and one of partners ("Cơ quan
/// chủ trì | Cơ quan phối hợp"), and no activity, status or result reported, unless the
/// "result" is the product the plan expects ("Sản phẩm"). A report that copies the plan's
/// table and adds what was done has an activity, status or result column of its own.
fn is_task_list(row: &[String], columns: &[Column]) -> bool {
    let keys: Vec<String> = row.iter().map(|t| fold(t)).collect();
    let names = |words: &[&str]| keys.iter().any(|k| words.iter().any(|w| starts_with_words(k, w)));
    let has = |f: Field| columns.iter().any(|c| c.field == f);
    let reported = has(Field::Activity)
        || [Field::Status, Field::StatusDone, Field::StatusInProgress, Field::StatusNotStarted].into_iter().any(has)
        || columns.iter().any(|c| c.field == Field::Result && !fold(&c.header).starts_with("san pham"));
    names(&["co quan chu tri", "don vi chu tri"]) && names(&["co quan phoi hop", "don vi phoi hop"]) && !reported
}

/// Whether a status column's header names a share ("Tỷ lệ", "Tỷ lệ hoàn thành (%)").
fn share(header: &str) -> bool {
    starts_with_words(&fold(header), "ty le")
}

/// Whether a status column's header names an assessment ("Đánh giá", "Tự đánh giá", "Kết
/// quả đánh giá", "Xếp loại") rather than how far the work got.
fn assessment(header: &str) -> bool {
    let key = fold(header);
    ["danh gia", "tu danh gia", "ket qua danh gia", "ket qua tu danh gia", "xep loai"].iter().any(|w| starts_with_words(&key, w))
}

/// How surely a budget column's header names money spent: 2 for spent ("đã sử dụng",
/// "thực hiện", "giải ngân"), 0 for allotted ("được giao", "dự toán", "kế hoạch"), 1 for
/// neither.
fn spent(header: &str) -> u8 {
    let key = fold(header);
    let has = |words: &[&str]| words.iter().any(|w| crate::text::contains_words(&key, w));
    if has(&["su dung", "thuc hien", "da chi", "thuc chi", "giai ngan", "quyet toan"]) {
        2
    } else if has(&["duoc giao", "du toan", "ke hoach", "phan bo", "duoc cap", "giao", "du kien"]) {
        0
    } else {
        1
    }
}

/// Where a budget column's header names two amounts written as one, the money allotted
/// and the money spent ("Kinh phí (Dự toán/Thực hiện)", "Kinh phí KH/TH"): which of the
/// two figures of a cell ("20/15") is the money spent, 0 or 1.
pub fn spent_of_pair(header: &str) -> Option<usize> {
    let (before, after) = header.split_once('/')?;
    if after.contains('/') {
        return None;
    }
    // The words next to the slash: the last of the first part's, the first of the second's.
    let left = before.rsplit(['(', ' ', ':']).find(|w| !w.trim().is_empty())?;
    let right = after.split([')', ' ']).find(|w| !w.trim().is_empty())?;
    let named = |w: &str, whole: &str| match fold(w).as_str() {
        "th" | "tt" => 2,
        "kh" | "dt" => 0,
        _ => spent(whole),
    };
    // (Each side's words: "Dự toán" before, "Thực hiện" after.)
    let left_words = before.rsplit_once('(').map_or(left, |(_, w)| w);
    let right_words = after.split_once(')').map_or(after, |(w, _)| w);
    match (named(left, left_words), named(right, right_words)) {
        (0, 2) => Some(1),
        (2, 0) => Some(0),
        _ => None,
    }
}

/// Text fields whose header may stand over a group of columns, each read into the field.
const GROUPED_TEXT: &[Field] = &[Field::Activity, Field::Result, Field::Difficulties, Field::Proposals, Field::Note];

/// Whether a cell is a row's number: "3", "3.", "12".
pub fn is_row_number(t: &str) -> bool {
    let t = t.trim().trim_end_matches('.');
    !t.is_empty() && t.len() <= 5 && t.bytes().all(|b| b.is_ascii_digit())
}

/// Whether row `r` of the grid names units and nothing else, each under a column
/// (`under(c)`): "(triệu đồng)" under "Kinh phí".
fn is_units_row(rows: &[Vec<String>], r: usize, width: usize, under: impl Fn(usize) -> bool) -> bool {
    let text = |c: usize| cell(rows, r, c);
    (0..width).any(|c| !text(c).is_empty()) && (0..width).all(|c| text(c).is_empty() || (under(c) && is_unit(text(c))))
}

/// Whether a cell under a header names a unit and nothing else: "triệu đồng", "(Tr.đ)",
/// "ĐVT: đồng", "1.000 đồng", "x1000 đồng".
pub fn is_unit(t: &str) -> bool {
    let key = fold(t);
    let key = ["don vi tinh ", "dvt "].iter().find_map(|p| key.strip_prefix(p)).unwrap_or(&key);
    matches!(
        key,
        "trieu dong"
            | "trieu"
            | "tr d"
            | "trd"
            | "tr dong"
            | "dong"
            | "d"
            | "vnd"
            | "vn d"
            | "nghin dong"
            | "ngan dong"
            | "1 000 dong"
            | "1000 dong"
            | "1000d"
            | "x1000 dong"
            | "x1 000 dong"
            | "x 1 000 dong"
            | "x1000d"
            | "ty dong"
            | "trieu vnd"
    )
}

/// The latest year a header names ("Kết quả năm 2024", "KP 2023"), if any.
fn year_named(header: &str) -> Option<u32> {
    header
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| n.len() == 4)
        .filter_map(|n| n.parse().ok())
        .filter(|y| (1990..=2100).contains(y))
        .max()
}

/// A cell's text in the grid, trimmed; "" outside it.
fn cell(rows: &[Vec<String>], r: usize, c: usize) -> &str {
    rows.get(r).and_then(|row| row.get(c)).map_or("", |t| t.trim())
}

fn join(a: &str, b: &str) -> String {
    match (a.trim().is_empty(), b.trim().is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a} {b}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `classify` as it was before it looked at a key's start first: the whole key, up to the limit.
    fn classify_whole(header: &str) -> Option<Field> {
        field_of_key(&fold_within(header, 80)?)
    }

    #[test]
    fn a_key_s_start_classifies_a_cell_as_the_whole_key_would() {
        let long = "các hoạt động đã tổ chức trong năm, kèm số liệu và kết quả cụ thể theo từng quý";
        let mut texts: Vec<String> = vec![
            String::new(),
            "STT".into(),
            "Ghi chú".into(),
            "Cơ quan thực hiện (chủ trì)".into(),
            "Nội dung đã thực hiện".into(),
            "NỘI DUNG ĐÃ THỰC HIỆN, KẾT QUẢ".into(),
            "Nội dung đã thực hiệnx".into(),
            "Tổ chức hội nghị xúc tiến đầu tư và du lịch tại Hà Nội".into(),
            "Noäi dung ñaõ thöïc hieän".into(),
            format!("Nội dung đã thực hiện: {long}"),
            format!("Nội dung đã thực hiện {long} {long}"),
        ];
        // Every pattern, alone, cut, run on into a word, followed by words, and followed by
        // enough words to pass the limit.
        for (p, _) in EXACT.iter().chain(PREFIX) {
            texts.extend([p.to_string(), p[..p.len() - 1].to_string(), format!("{p}a"), format!("{p} khác"), format!("{p} {long}")]);
        }
        for t in &texts {
            assert_eq!(classify(t), classify_whole(t), "{t:?}");
        }
        assert_eq!(classify("Nội dung đã thực hiện"), Some(Field::Activity));
        assert_eq!(classify(&format!("Nội dung đã thực hiện {long} {long}")), None, "long texts are not headers");
    }

    #[test]
    fn header_synonyms() {
        let cases = [
            ("STT", Some(Field::Stt)),
            ("Mã nhiệm vụ", Some(Field::Task)),
            ("Nhiệm vụ", Some(Field::Task)),
            ("NHIỆM VỤ ĐƯỢC GIAO", Some(Field::Task)),
            ("Thuộc nhiệm vụ", Some(Field::Task)),
            ("Thuộc nội dung", Some(Field::Task)),
            ("Nhóm nhiệm vụ", Some(Field::Task)),
            ("Giải pháp, đề xuất", Some(Field::Proposals)),
            ("Giải pháp", Some(Field::Proposals)),
            ("Giải pháp khắc phục", Some(Field::Proposals)),
            ("Giải pháp thực hiện", None),
            ("Nguồn kinh phí và số tiền", Some(Field::Budget)),
            ("Đã hoàn thành/ Chưa hoàn thành", Some(Field::Status)),
            ("Tình hình thực hiện (Hoàn thành/Chưa)", Some(Field::Status)),
            ("Kết quả (Hoàn thành/Đang thực hiện/Chưa thực hiện)", Some(Field::Status)),
            ("Kết quả (số lượng/chất lượng)", Some(Field::Result)),
            ("Kết quả/Sản phẩm", Some(Field::Result)),
            ("Diễn giải", Some(Field::Activity)),
            ("Những khó khăn", Some(Field::Difficulties)),
            ("Ý kiến đề xuất", Some(Field::Proposals)),
            ("Số liệu/kết quả", Some(Field::Result)),
            ("Mô tả kết quả", Some(Field::Result)),
            ("Tóm tắt nội dung", Some(Field::Activity)),
            ("Mức độ đạt được", Some(Field::Status)),
            ("Kết quả tự đánh giá", Some(Field::Status)),
            ("Xếp loại", Some(Field::Status)),
            ("Tỷ lệ (%)", Some(Field::Status)),
            ("Hiện trạng", Some(Field::Status)),
            ("Kết quả thực hiện (Hoàn thành/Chưa hoàn thành)", Some(Field::Status)),
            ("Thuộc nhiệm vụ số", Some(Field::Task)),
            ("Vai trò\n(Chủ trì/Phối hợp)", Some(Field::Role)),
            ("Nội dung hoạt động", Some(Field::Activity)),
            ("Nhiệm vụ, hoạt động", Some(Field::Activity)),
            ("Tên chương trình, hoạt động", Some(Field::Activity)),
            ("Sự kiện", Some(Field::Activity)),
            ("Tổng kinh phí", Some(Field::Budget)),
            ("Tồn tại, hạn chế", Some(Field::Difficulties)),
            ("Số lượng, kết quả", Some(Field::Result)),
            ("Hoàn thành/Chưa hoàn thành", Some(Field::Status)),
            ("Nguồn kinh phí", None),
            // (Each of the next was a column of no field before 0.10.0, kept in the note.)
            ("Mô tả", Some(Field::Activity)),
            ("Công tác triển khai", Some(Field::Activity)),
            ("Số liệu", Some(Field::Result)),
            ("Đầu ra", Some(Field::Result)),
            ("Mức độ", Some(Field::Status)),
            ("Đã hoàn thành (x)", Some(Field::StatusDone)),
            ("Giải ngân", Some(Field::Budget)),
            ("Tổng chỉ tiêu", None),
            ("Thực chi (triệu đồng)", Some(Field::Budget)),
            ("Quyết toán", Some(Field::Budget)),
            // (Each of the next was a column of no field before 0.11.0.)
            ("Hạng mục", Some(Field::Activity)),
            ("Đầu việc", Some(Field::Activity)),
            ("Thành quả", Some(Field::Result)),
            ("Chỉ tiêu đạt được", Some(Field::Result)),
            ("Khối lượng hoàn thành", Some(Field::Result)),
            ("Tình hình và kết quả", Some(Field::Result)),
            ("Chỉ tiêu", None),
            ("Nhiệm vụ/Hoạt động", Some(Field::Activity)),
            ("Nội dung công việc", Some(Field::Activity)),
            ("Kết quả thực hiện", Some(Field::Result)),
            ("Kết quả đạt được", Some(Field::Result)),
            ("Những kết quả đạt được", Some(Field::Result)),
            ("5. Tình trạng", Some(Field::Status)),
            ("3. Nội dung hoạt động", Some(Field::Activity)),
            ("Các kết quả chủ yếu", Some(Field::Result)),
            ("Báo cáo kết quả", Some(Field::Result)),
            ("Số kinh phí (triệu đồng)", Some(Field::Budget)),
            ("Tổng chi phí", Some(Field::Budget)),
            ("Tình trạng", Some(Field::Status)),
            ("Tiến độ", Some(Field::Status)),
            ("Kinh phí (triệu đồng)", Some(Field::Budget)),
            ("Kinh phí\n(đồng)", Some(Field::Budget)),
            ("Khó khăn, vướng mắc", Some(Field::Difficulties)),
            ("Kiến nghị, đề xuất", Some(Field::Proposals)),
            ("Ghi chú", Some(Field::Note)),
            ("Hoàn thành", Some(Field::StatusDone)),
            ("Hoàn thành (Có/Không)", Some(Field::StatusDone)),
            ("Đã hoàn thành?", Some(Field::StatusDone)),
            ("Đã hoàn thành hay chưa?", Some(Field::StatusDone)),
            ("Đang thực hiện", Some(Field::StatusInProgress)),
            ("Chưa thực hiện", Some(Field::StatusNotStarted)),
            ("Tình hình thực hiện", Some(Field::Result)),
            ("Tình hình, kết quả thực hiện", Some(Field::Result)),
            ("Các hoạt động đã triển khai", Some(Field::Activity)),
            ("Những việc đã làm", Some(Field::Activity)),
            ("Tỷ lệ hoàn thành (%)", Some(Field::Status)),
            ("Nguồn kinh phí", None),
            ("ND hoạt động", Some(Field::Activity)),
            ("Nội dung HĐ", Some(Field::Activity)),
            ("KQ thực hiện", Some(Field::Result)),
            ("KP (tr.đ)", Some(Field::Budget)),
            ("TT thực hiện", Some(Field::Status)),
            ("TT", Some(Field::Stt)),
            ("Nội dung cụ thể", Some(Field::Activity)),
            ("(3) Nội dung hoạt động", Some(Field::Activity)),
            ("(5)", None),
            ("Nội dung đã triển khai", Some(Field::Activity)),
            ("Nội dung phối hợp thực hiện", Some(Field::Activity)),
            ("Nội dung nhiệm vụ", Some(Field::Task)),
            ("Nội dung kiến nghị, đề xuất", Some(Field::Proposals)),
            ("Nội dung khó khăn, vướng mắc", Some(Field::Difficulties)),
            ("Lý do chưa thực hiện", Some(Field::Difficulties)),
            ("Nguyên nhân chưa hoàn thành", Some(Field::Difficulties)),
            ("Lý do không thực hiện được", Some(Field::Difficulties)),
            ("Lý do", None),
            ("Nội dung Kế hoạch", Some(Field::Task)),
            ("Nội dung kết quả đạt được", Some(Field::Result)),
            ("Tự đánh giá", Some(Field::Status)),
            ("Tổng số tiền", Some(Field::Budget)),
            ("Thành tiền (đồng)", Some(Field::Budget)),
            ("Đánh giá kết quả", Some(Field::Result)),
            ("Tiến độ, kết quả thực hiện", Some(Field::Result)),
            ("Việc đã làm", Some(Field::Activity)),
            ("Việc đã thực hiện", Some(Field::Activity)),
            ("Những việc đã triển khai", Some(Field::Activity)),
            ("Các việc đã triển khai", Some(Field::Activity)),
            ("Danh mục hoạt động", Some(Field::Activity)),
            ("Tên công việc", Some(Field::Activity)),
            ("Các nhiệm vụ, hoạt động cụ thể", Some(Field::Activity)),
            ("Tên đề án, dự án", Some(Field::Activity)),
            ("Thời gian thực hiện", None),
            ("Đơn vị tính", None),
            ("Tổ chức hội nghị tuyên truyền về ngoại giao văn hoá cho cán bộ chủ chốt", None),
        ];
        for (h, want) in cases {
            assert_eq!(classify(h), want, "{h:?}");
        }
    }

    fn grid(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter().map(|r| r.iter().map(|s| s.to_string()).collect()).collect()
    }

    #[test]
    fn hidden_columns_are_left_out_where_a_column_shown_gives_their_field() {
        let cols = |h: &Header| h.columns.iter().map(|c| (c.field, c.col)).collect::<Vec<_>>();
        // Last year's result and money (C, D) hidden under the same headers as this year's:
        // this year's are read in their place.
        let g = grid(&[
            &["STT", "Nhiệm vụ", "Kết quả", "Kinh phí (triệu đồng)", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)", "Địa điểm"],
            &["1", "NV1", "Cũ", "40", "Mới", "Hoàn thành", "50", ""],
        ]);
        let mut h = find(&g, 0, 0).unwrap();
        assert_eq!(h.col(Field::Result).unwrap().col, 2);
        let left = h.leave_out(&[2, 3, 7]);
        assert_eq!(left, [(0, 2, "Kết quả".to_string()), (0, 3, "Kinh phí (triệu đồng)".to_string()), (0, 7, "Địa điểm".to_string())]);
        assert_eq!(cols(&h), [(Field::Stt, 0), (Field::Task, 1), (Field::Result, 4), (Field::Status, 5), (Field::Budget, 6)]);
        assert!(h.others.is_empty());
        // Hidden alone for its field, or the form's task codes beside the titles: read.
        let g = grid(&[&["STT", "Mã NV", "Nhiệm vụ", "Kết quả", "Tình trạng"], &["1", "NV1", "Tuyên truyền", "Xong", "Hoàn thành"]]);
        let mut h = find(&g, 0, 0).unwrap();
        let before = cols(&h);
        assert!(h.leave_out(&[1, 4]).is_empty());
        assert_eq!(cols(&h), before);
        // Of two shown, the one under the very same header, years and all.
        let g = grid(&[
            &["STT", "Nhiệm vụ", "Kết quả năm 2023", "Kết quả năm 2024", "Kết quả năm 2023", "Kết quả năm 2024"],
            &["1", "NV1", "a", "b", "c", "d"],
        ]);
        let mut h = find(&g, 0, 0).unwrap();
        assert_eq!(h.col(Field::Result).unwrap().col, 3);
        h.leave_out(&[2, 3]);
        assert_eq!(h.col(Field::Result).unwrap().col, 5);
        // Under other headers ("Kết quả" hidden beside "Kết quả đạt được"): read as before.
        let g = grid(&[&["STT", "Nhiệm vụ", "Kết quả", "Kết quả đạt được"], &["1", "NV1", "Cũ", "Mới"]]);
        let mut h = find(&g, 0, 0).unwrap();
        assert!(h.leave_out(&[2]).is_empty());
        assert_eq!(h.col(Field::Result).unwrap().col, 2);
    }

    #[test]
    fn header_below_title_block() {
        let g = grid(&[
            &["UBND TỈNH BẮC GIANG", "", ""],
            &["BÁO CÁO", "", ""],
            &["Đơn vị báo cáo: Sở Ngoại vụ", "", ""],
            &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Kinh phí (triệu đồng)"],
            &["1", "NV1", "Hội nghị", "Xong", "12"],
        ]);
        let h = find(&g, 0, 0).unwrap();
        assert_eq!((h.first_row, h.last_row), (3, 3));
        assert_eq!(h.col(Field::Budget).unwrap().col, 4);
        assert_eq!(h.col(Field::Activity).unwrap().col, 2);
    }

    #[test]
    fn columns_of_no_field_are_kept_with_their_headers() {
        // "Thời gian" over "Bắt đầu | Kết thúc", "Địa điểm" alone; the sources of a budget
        // under its header are the budget's, not columns of their own.
        let g = grid(&[
            &["STT", "Nội dung hoạt động", "Thời gian", "", "Địa điểm", "Kết quả", "Kinh phí", "", ""],
            &["", "", "Bắt đầu", "Kết thúc", "", "", "Tổng số", "Ngân sách tỉnh", "Xã hội hóa"],
            &["1", "Hội nghị", "3/2024", "4/2024", "Seoul", "Xong", "12", "10", "2"],
        ]);
        let h = find(&g, 0, 0).unwrap();
        assert_eq!(h.last_row, 1);
        assert_eq!(h.others, [(2, "Thời gian Bắt đầu".to_string()), (3, "Thời gian Kết thúc".to_string()), (4, "Địa điểm".to_string())]);
        assert_eq!(h.col(Field::Budget).unwrap().col, 6);
        // The task's code beside its title, under the task's group or alone: the code.
        for g in [
            grid(&[
                &["STT", "Nhiệm vụ", "", "Nội dung hoạt động", "Kết quả"],
                &["", "Tên nhiệm vụ", "Mã", "", ""],
                &["1", "Tuyên truyền", "NV1", "Hội nghị", "Xong"],
            ]),
            grid(&[&["STT", "Tên nhiệm vụ", "Mã NV", "Nội dung hoạt động", "Kết quả"], &["1", "Tuyên truyền", "NV1", "Hội nghị", "Xong"]]),
        ] {
            let h = find(&g, 0, 0).unwrap();
            assert_eq!(h.col(Field::Task).unwrap().col, 2);
            assert_eq!(h.others.iter().map(|(c, _)| *c).collect::<Vec<_>>(), [1]);
        }
        // A result's group giving what was planned beside what was done: the work done.
        let g = grid(&[
            &["STT", "Nội dung hoạt động", "Kết quả thực hiện", "", "Tình trạng"],
            &["", "", "Kế hoạch", "Thực hiện", ""],
            &["1", "Hội nghị", "3 hội nghị", "2 hội nghị", "Đang thực hiện"],
        ]);
        let h = find(&g, 0, 0).unwrap();
        assert_eq!(h.columns.iter().filter(|c| c.field == Field::Result).map(|c| c.col).collect::<Vec<_>>(), [3]);
        assert_eq!(h.others, [(2, "Kết quả thực hiện Kế hoạch".to_string())]);
        // One row: a header of no field, beside the known ones; an empty header is none.
        let g = grid(&[
            &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Đơn vị phối hợp", "", "Kết quả"],
            &["1", "NV1", "Hội nghị", "Sở Nội vụ", "", "Xong"],
        ]);
        assert_eq!(find(&g, 0, 0).unwrap().others, [(3, "Đơn vị phối hợp".to_string())]);
        // A column of a field read already, set aside, is kept so too: the money allotted
        // beside the money spent, a second task column; not a second row number.
        let g = grid(&[
            &["STT", "TT", "Nhiệm vụ", "Nội dung hoạt động", "Kinh phí được giao", "Kinh phí đã sử dụng", "Nhiệm vụ được giao"],
            &["1", "1", "NV1", "Hội nghị", "50", "45", "Tuyên truyền"],
        ]);
        let h = find(&g, 0, 0).unwrap();
        assert_eq!(h.col(Field::Budget).unwrap().col, 5);
        assert_eq!(h.others, [(4, "Kinh phí được giao".to_string()), (6, "Nhiệm vụ được giao".to_string())]);
        // Under one header, two years: the later year's, not money planned for the next.
        let g = grid(&[
            &["STT", "Nội dung hoạt động", "Kết quả thực hiện", "", "Kinh phí", ""],
            &["", "", "Năm 2023", "Năm 2024", "Năm 2024", "Dự kiến năm 2025"],
            &["1", "Hội nghị", "40 người", "50 người", "15", "30"],
        ]);
        let h = find(&g, 0, 0).unwrap();
        let cols = |f: Field| h.columns.iter().filter(|c| c.field == f).map(|c| c.col).collect::<Vec<_>>();
        assert_eq!((cols(Field::Result), cols(Field::Budget)), (vec![3], vec![4]));
        assert_eq!(h.others.iter().map(|(c, _)| *c).collect::<Vec<_>>(), [2, 5]);
        // So under one budget header: "Kinh phí" over "Dự toán | Thực hiện" is no split by
        // source to add up.
        let g = grid(&[
            &["STT", "Nội dung hoạt động", "Kết quả", "Kinh phí (triệu đồng)", ""],
            &["", "", "", "Dự toán", "Thực hiện"],
            &["1", "Hội nghị", "Xong", "20", "15"],
        ]);
        let h = find(&g, 0, 0).unwrap();
        assert_eq!(h.columns.iter().filter(|c| c.field == Field::Budget).map(|c| c.col).collect::<Vec<_>>(), [4]);
        assert_eq!(h.others, [(3, "Kinh phí (triệu đồng) Dự toán".to_string())]);
    }

    #[test]
    fn two_row_header_with_tick_boxes() {
        let g = grid(&[
            &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Tình trạng", "", "", "Kinh phí"],
            &["", "", "", "Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "(triệu đồng)"],
            &["1", "NV1", "Hội nghị", "x", "", "", "5"],
        ]);
        let h = find(&g, 4, 1).unwrap();
        assert_eq!((h.first_row, h.last_row), (4, 5));
        assert_eq!(h.col(Field::StatusDone).unwrap().col, 4);
        assert_eq!(h.col(Field::StatusNotStarted).unwrap().col, 6);
        assert_eq!(h.col(Field::Budget).unwrap().header, "Kinh phí (triệu đồng)");
        // Statuses in other words, side by side in one header row, are tick boxes too (two
        // at least, saying different statuses).
        let ticks = |head: &[&str]| {
            let h = find(&grid(&[head, &["1", "NV1", "Hội nghị", "x", ""]]), 0, 0).unwrap();
            [Field::StatusDone, Field::StatusInProgress, Field::StatusNotStarted].map(|f| h.col(f).map(|c| c.col))
        };
        assert_eq!(ticks(&["STT", "Nhiệm vụ", "Nội dung hoạt động", "Đã xong", "Chưa làm"]), [Some(3), None, Some(4)]);
        assert_eq!(ticks(&["STT", "Nhiệm vụ", "Nội dung hoạt động", "Xong", "Chưa xong"]), [Some(3), Some(4), None]);
        assert_eq!(ticks(&["STT", "Nhiệm vụ", "Nội dung hoạt động", "Thường xuyên", "Đột xuất"]), [None, None, None]);
        // Statuses in other words under a status group are tick boxes too.
        for subs in [["Đã xong", "Đang làm", "Chưa làm"], ["Xong", "Đang TH", "Chưa TH"]] {
            let g = grid(&[
                &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Tiến độ", "", ""],
                &["", "", "", subs[0], subs[1], subs[2]],
                &["1", "NV1", "Hội nghị", "x", "", ""],
            ]);
            let h = find(&g, 0, 0).unwrap();
            let ticks = [Field::StatusDone, Field::StatusInProgress, Field::StatusNotStarted].map(|f| h.col(f).map(|c| c.col));
            assert_eq!(ticks, [Some(3), Some(4), Some(5)], "{subs:?}");
            assert_eq!(h.col(Field::Status), None, "{subs:?}");
        }
    }

    #[test]
    fn a_first_row_of_data_is_not_a_second_header_row() {
        // Its texts start with headers' words ("Đang thực hiện", "Kinh phí …"), but each sits
        // under a header of its own, and it is numbered.
        let g = grid(&[
            &["TT", "Nhiệm vụ", "Nội dung công việc", "Kết quả đạt được", "Tiến độ", "Kinh phí (đồng)", "Khó khăn", "Đề xuất"],
            &["1", "Nhiệm vụ 1", "Tọa đàm", "50 kiều bào", "Đang thực hiện", "20.000.000", "Kinh phí còn hạn chế", ""],
        ]);
        let h = find(&g, 0, 0).unwrap();
        assert_eq!((h.first_row, h.last_row), (0, 0));
        assert_eq!(h.col(Field::Status).unwrap().col, 4);
        // Unnumbered, the same: nothing under a group or an empty header.
        let g = grid(&[
            &["Nhiệm vụ", "Nội dung", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)"],
            &["NV1", "Hoạt động A", "Kết quả A", "Hoàn thành", "ghi chú A"],
        ]);
        assert_eq!(find(&g, 0, 0).unwrap().last_row, 0);
        // Nor a row with more texts that start with headers' words than the header has
        // columns, numbered or not, next to it or further down the table.
        for n in ["", "1"] {
            let g = grid(&[
                &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí"],
                &["", "NV2", "Hội nghị", "50 người", "Hoàn thành", "5"],
                &[
                    n,
                    "Nhiệm vụ 1",
                    "Hoạt động đối ngoại",
                    "Kết quả tốt",
                    "Hoàn thành",
                    "Kinh phí NSNN",
                    "Khó khăn về nhân lực",
                    "Kiến nghị bổ sung",
                ],
            ]);
            let h = find(&g, 0, 0).unwrap();
            assert_eq!((h.first_row, h.last_row), (0, 0), "{n:?}");
            let g = vec![g[0].clone(), g[2].clone(), g[1].clone()];
            let h = find(&g, 0, 0).unwrap();
            assert_eq!((h.first_row, h.last_row), (0, 0), "{n:?}, next to it");
        }
    }

    #[test]
    fn of_two_budgets_the_money_spent_is_the_budget() {
        let budget =
            |head: &[&str]| find(&grid(&[head, &["1", "Hội nghị", "Xong", "30", "20"]]), 0, 0).unwrap().col(Field::Budget).unwrap().col;
        assert_eq!(budget(&["STT", "Nội dung hoạt động", "Kết quả", "Kinh phí được giao", "Kinh phí đã sử dụng"]), 4);
        assert_eq!(budget(&["STT", "Nội dung hoạt động", "Kết quả", "Kinh phí thực hiện", "Kinh phí kế hoạch"]), 3);
        assert_eq!(budget(&["STT", "Nội dung hoạt động", "Kết quả", "Kinh phí", "Kinh phí (triệu đồng)"]), 3, "the first of two alike");
        assert_eq!(budget(&["STT", "Nội dung hoạt động", "Kết quả", "Kinh phí năm 2023", "Kinh phí năm 2024"]), 4, "the later year");
        assert_eq!(
            budget(&["STT", "Nội dung hoạt động", "Kết quả", "Kinh phí năm 2024", "Kinh phí dự kiến năm 2025"]),
            3,
            "not money planned"
        );
    }

    #[test]
    fn an_amount_in_dong_or_one_source_alone_is_the_budget() {
        let budget = |head: &str| {
            let h = find(&grid(&[&["STT", "Nội dung hoạt động", "Kết quả", head], &["1", "Hội nghị", "Xong", "30"]]), 0, 0).unwrap();
            h.col(Field::Budget).map(|c| c.col)
        };
        for head in [
            "Triệu đồng",
            "Đơn vị: triệu đồng",
            "Tổng cộng (triệu đồng)",
            "Giá trị (tr.đ)",
            "Đã chi (đồng)",
            "Mức chi",
            "Số KP",
            "NSNN (triệu đồng)",
            "Thực hiện năm 2024 (triệu đồng)",
        ] {
            assert_eq!(budget(head), Some(3), "{head}");
        }
        // Earnings and trade are results; a source's name is no amount; nor is an amount's
        // word alone.
        for head in ["Doanh thu (tỷ đồng)", "Kim ngạch (triệu USD)", "Nguồn kinh phí", "Tổng cộng", "Giá trị"] {
            assert_eq!(budget(head), None, "{head}");
        }
    }

    #[test]
    fn what_was_done_in_the_year_is_the_result() {
        for head in ["Thực hiện năm 2024", "TH năm 2024", "Thực hiện 2024", "Thực hiện trong năm", "Thực hiện năm"] {
            assert_eq!(classify(head), Some(Field::Result), "{head}");
        }
        // "Thực hiện" alone is read beside a target; a part of the year is no year.
        for head in ["Thực hiện", "Thực hiện 6 tháng", "Thực hiện năm 2024 so với kế hoạch", "Thứ năm"] {
            assert_eq!(classify(head), None, "{head}");
        }
    }

    #[test]
    fn of_two_status_columns_the_one_in_words_is_the_status() {
        let status = |head: &[&str]| {
            find(&grid(&[head, &["1", "Hội nghị", "Xong", "80", "Hoàn thành"]]), 0, 0).unwrap().col(Field::Status).unwrap().col
        };
        assert_eq!(status(&["STT", "Nội dung hoạt động", "Kết quả", "Tỷ lệ (%)", "Tình trạng"]), 4);
        assert_eq!(status(&["STT", "Nội dung hoạt động", "Kết quả", "Tỷ lệ hoàn thành", "Tiến độ"]), 4);
        assert_eq!(status(&["STT", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Tỷ lệ (%)"]), 3);
        assert_eq!(status(&["STT", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Tiến độ"]), 3, "the first of two in words");
        // How far the work got over an assessment before it; not after it.
        assert_eq!(status(&["STT", "Nội dung hoạt động", "Kết quả", "Đánh giá", "Tình trạng"]), 4);
        assert_eq!(status(&["STT", "Nội dung hoạt động", "Kết quả", "Tự đánh giá", "Tiến độ"]), 4);
        assert_eq!(status(&["STT", "Nội dung hoạt động", "Kết quả", "Tiến độ", "Xếp loại"]), 3);
    }

    #[test]
    fn a_second_task_column_naming_the_specific_tasks_is_the_activity() {
        let col = |head: &[&str], f: Field| find(&grid(&[head, &["1", "NV1", "Hội nghị", "Xong"]]), 0, 0).unwrap().col(f).map(|c| c.col);
        assert_eq!(col(&["STT", "Nhiệm vụ", "Nhiệm vụ cụ thể", "Kết quả"], Field::Activity), Some(2));
        assert_eq!(col(&["STT", "Nhiệm vụ", "Nhiệm vụ cụ thể", "Kết quả"], Field::Task), Some(1));
        assert_eq!(col(&["STT", "Nhiệm vụ theo kế hoạch", "Nhiệm vụ, giải pháp chi tiết", "Kết quả"], Field::Activity), Some(2));
        // Not the task's code beside its title, nor where the activity has its column.
        assert_eq!(col(&["STT", "Mã nhiệm vụ", "Tên nhiệm vụ", "Kết quả"], Field::Activity), None);
        assert_eq!(col(&["STT", "Nhiệm vụ", "Nội dung hoạt động", "Nhiệm vụ cụ thể"], Field::Activity), Some(2));
        // The work planned beside what was done.
        for planned in ["Kế hoạch", "Kế hoạch năm 2024", "Kế hoạch 2024", "Nội dung kế hoạch", "Nội dung theo Kế hoạch"]
        {
            assert_eq!(col(&["STT", "Nhiệm vụ", planned, "Kết quả thực hiện"], Field::Activity), Some(2), "{planned}");
        }
        // Not a planned figure or time, nor the task where it is the only one.
        for planned in ["Kế hoạch (số lượng)", "Kế hoạch kinh phí", "Thời gian theo kế hoạch"] {
            assert_eq!(col(&["STT", "Nhiệm vụ", planned, "Kết quả thực hiện"], Field::Activity), None, "{planned}");
        }
        assert_eq!(col(&["STT", "Nội dung kế hoạch", "Kết quả thực hiện", "Ghi chú"], Field::Task), Some(1));
        assert_eq!(col(&["STT", "Nội dung kế hoạch", "Kết quả thực hiện", "Ghi chú"], Field::Activity), None);
    }

    #[test]
    fn an_activity_header_naming_the_task_beside_the_activity_s_own_is_the_task() {
        let col = |head: &[&str], f: Field| find(&grid(&[head, &["1", "NV1", "Hội nghị", "Xong"]]), 0, 0).unwrap().col(f).map(|c| c.col);
        let head = ["STT", "Chương trình, nhiệm vụ", "Nội dung hoạt động", "Kết quả"];
        assert_eq!((col(&head, Field::Task), col(&head, Field::Activity)), (Some(1), Some(2)));
        // Alone, it is the activity; beside a task column, the task column is the task.
        let head = ["STT", "Chương trình, nhiệm vụ", "Kết quả", "Tình trạng"];
        assert_eq!((col(&head, Field::Task), col(&head, Field::Activity)), (None, Some(1)));
        let head = ["Nhiệm vụ", "Chương trình, nhiệm vụ", "Nội dung hoạt động", "Kết quả"];
        assert_eq!((col(&head, Field::Task), col(&head, Field::Activity)), (Some(0), Some(1)));
        // Two activity headers, neither naming the task: the first.
        let head = ["STT", "Chương trình", "Nội dung hoạt động", "Kết quả"];
        assert_eq!((col(&head, Field::Task), col(&head, Field::Activity)), (None, Some(1)));
    }

    #[test]
    fn a_row_of_units_under_the_header_is_part_of_it() {
        let g = grid(&[
            &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Kinh phí", "Ghi chú"],
            &["", "", "", "", "Triệu đồng", ""],
            &["1", "NV1", "Hội nghị", "Xong", "30", ""],
        ]);
        let h = find(&g, 0, 0).unwrap();
        assert_eq!((h.first_row, h.last_row), (0, 1));
        assert_eq!(h.col(Field::Budget).unwrap().header, "Kinh phí Triệu đồng");
        // A data row with a word where a unit could stand is no units row.
        let g = grid(&[&["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Kinh phí"], &["1", "NV1", "Hội nghị", "Xong", "đồng"]]);
        assert_eq!(find(&g, 0, 0).unwrap().last_row, 0);
    }

    #[test]
    fn a_row_of_units_under_a_two_row_header_is_part_of_it() {
        let g = grid(&[
            &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Kinh phí", ""],
            &["", "", "", "", "NSNN", "XHH"],
            &["", "", "", "", "(nghìn đồng)", "(nghìn đồng)"],
            &["1", "NV1", "Hội nghị", "Xong", "30000", "5000"],
        ]);
        let h = find(&g, 0, 0).unwrap();
        assert_eq!((h.first_row, h.last_row), (0, 2));
        let budgets: Vec<&str> = h.columns.iter().filter(|c| c.field == Field::Budget).map(|c| c.header.as_str()).collect();
        assert_eq!(budgets, ["Kinh phí NSNN (nghìn đồng)", "Kinh phí XHH (nghìn đồng)"]);
    }

    #[test]
    fn a_result_split_into_columns_is_read_from_all_of_them() {
        let g = grid(&[
            &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả thực hiện", "", "Tình trạng"],
            &["", "", "", "Số lượng", "Nội dung", ""],
            &["1", "NV5", "Hội chợ", "12", "doanh nghiệp tham gia", "Hoàn thành"],
        ]);
        let h = find(&g, 0, 0).unwrap();
        let results: Vec<u32> = h.columns.iter().filter(|c| c.field == Field::Result).map(|c| c.col).collect();
        assert_eq!((h.last_row, results), (1, vec![3, 4]));
        assert_eq!(h.col(Field::Status).unwrap().col, 5);
    }

    #[test]
    fn of_two_years_columns_the_later_year_s_is_read() {
        let g = grid(&[
            &["STT", "Nội dung hoạt động", "Kết quả năm 2023", "Kết quả năm 2024", "Tình trạng"],
            &["1", "Hội nghị", "3 đoàn", "5 đoàn", "Xong"],
        ]);
        assert_eq!(find(&g, 0, 0).unwrap().col(Field::Result).unwrap().col, 3);
        let g = grid(&[&["STT", "Nội dung hoạt động", "Kết quả", "Kết quả năm 2024", "Tình trạng"], &["1", "Hội nghị", "3", "5", "Xong"]]);
        assert_eq!(find(&g, 0, 0).unwrap().col(Field::Result).unwrap().col, 2, "a year on one header only decides nothing");
    }

    #[test]
    fn a_row_numbering_the_columns_is_part_of_the_header() {
        let g = grid(&[
            &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Tình trạng", "", "", "Kinh phí"],
            &["", "", "", "Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "(triệu đồng)"],
            &["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
            &["1", "NV1", "Hội nghị", "x", "", "", "5"],
        ]);
        assert_eq!(find(&g, 0, 0).map(|h| (h.first_row, h.last_row)), Some((0, 2)));
        let g = grid(&[&["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả"], &["1", "2", "3", "4"], &["1", "NV1", "Hội nghị", "Xong"]]);
        assert_eq!(find(&g, 3, 0).map(|h| (h.first_row, h.last_row)), Some((3, 4)));
        let g = grid(&[&["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả"], &["1", "NV1", "Hội nghị", "Xong"]]);
        assert_eq!(find(&g, 0, 0).map(|h| (h.first_row, h.last_row)), Some((0, 0)));
    }

    #[test]
    fn a_header_s_words_carried_on_to_the_row_under_it_are_joined() {
        let g = grid(&[
            &["STT", "Nhiệm vụ", "Nội dung", "Kết quả", "Tình trạng", "Kinh phí"],
            &["", "", "hoạt động", "thực hiện", "thực hiện", "(nghìn đồng)"],
            &["1", "NV1", "Hội nghị", "2 hội nghị", "Hoàn thành", "30000"],
        ]);
        let h = find(&g, 0, 0).unwrap();
        assert_eq!(h.last_row, 1);
        assert_eq!(h.col(Field::Activity).unwrap().header, "Nội dung hoạt động");
        assert_eq!(h.col(Field::Budget).unwrap().header, "Kinh phí (nghìn đồng)");
        // Not a first row of data in small letters, numbered or followed by no numbered row.
        for second in [["1", "nv1", "hội nghị", "xong", "hoàn thành", "5"], ["", "", "hội nghị", "xong", "hoàn thành", "5"]] {
            let g = grid(&[&["STT", "Nhiệm vụ", "Nội dung", "Kết quả", "Tình trạng", "Kinh phí"], &second, &["", "", "", "", "", ""]]);
            assert_eq!(find(&g, 0, 0).unwrap().last_row, 0, "{second:?}");
        }
    }

    #[test]
    fn sources_side_by_side_under_one_header_row_are_the_budget() {
        let columns = |heads: &[&str]| {
            let mut head = vec!["STT", "Nội dung hoạt động", "Kết quả"];
            head.extend_from_slice(heads);
            head.push("Ghi chú");
            let data: Vec<&str> = (0..head.len()).map(|c| ["1", "Hội nghị", "Xong"].get(c).copied().unwrap_or("5")).collect();
            let h = find(&grid(&[&head, &data]), 0, 0).unwrap();
            let of = |f: Field| h.columns.iter().filter(|c| c.field == f).map(|c| c.col).collect::<Vec<_>>();
            (of(Field::Budget), of(Field::BudgetSource), h.others.iter().map(|(c, _)| *c).collect::<Vec<_>>())
        };
        // Every source, added up.
        for heads in [
            &["Ngân sách tỉnh (triệu đồng)", "Xã hội hóa (triệu đồng)"][..],
            &["NSNN (triệu đồng)", "XHH (triệu đồng)"],
            &["Kinh phí NSNN", "Kinh phí XHH", "Kinh phí khác"],
            &["NS tỉnh (tr.đ)", "Nguồn khác (tr.đ)"],
            &["NSĐP", "XHH"],
        ] {
            let n = heads.len() as u32;
            assert_eq!(columns(heads), ((3..3 + n).collect(), vec![], vec![]), "{heads:?}");
        }
        // After the total, its parts.
        assert_eq!(columns(&["Tổng kinh phí", "NSNN", "XHH"]), (vec![3], vec![4, 5], vec![]));
        // Not where the money came from, nor one source after the total, nor the budget and a note.
        assert_eq!(columns(&["Kinh phí (triệu đồng)", "Nguồn kinh phí"]), (vec![3], vec![], vec![4]));
        assert_eq!(columns(&["Kinh phí (triệu đồng)", "Trong đó NSNN"]), (vec![3], vec![], vec![4]));
        assert_eq!(columns(&["Ngân sách (triệu đồng)", "Khác"]), (vec![3], vec![], vec![4]));
    }

    #[test]
    fn a_budget_split_by_source_is_its_total_or_every_source() {
        let head = ["STT", "Nội dung hoạt động", "Kết quả", "Kinh phí (triệu đồng)", "", "", "Ghi chú"];
        let budgets = |h: &Header| h.columns.iter().filter(|c| c.field == Field::Budget).map(|c| c.col).collect::<Vec<_>>();
        let g = grid(&[
            &head,
            &["", "", "", "Tổng số", "Ngân sách nhà nước", "Xã hội hóa", ""],
            &["1", "Hội nghị", "Xong", "30", "20", "10", ""],
        ]);
        let h = find(&g, 0, 0).unwrap();
        assert_eq!((h.last_row, budgets(&h)), (1, vec![3]), "the total column");
        assert_eq!(h.col(Field::Budget).unwrap().header, "Kinh phí (triệu đồng) Tổng số");
        assert_eq!(h.col(Field::Note).unwrap().col, 6);
        // The sources, read where a row leaves the total blank.
        let sources: Vec<u32> = h.columns.iter().filter(|c| c.field == Field::BudgetSource).map(|c| c.col).collect();
        assert_eq!(sources, [4, 5]);
        // Three header rows: "Trong đó" over the sources.
        let g = grid(&[
            &head,
            &["", "", "", "Tổng số", "Trong đó", "", ""],
            &["", "", "", "", "Ngân sách nhà nước", "Xã hội hóa", ""],
            &["1", "Hội nghị", "Xong", "30", "20", "10", ""],
        ]);
        let h = find(&g, 0, 0).unwrap();
        assert_eq!((h.last_row, budgets(&h)), (2, vec![3]), "three rows");
        assert_eq!(h.columns.iter().filter(|c| c.field == Field::BudgetSource).count(), 2);
        // The money allotted and spent, each split by source: the money spent, every source.
        let g = grid(&[
            &["STT", "Nội dung hoạt động", "Kết quả", "Kinh phí (triệu đồng)", "", "", "", "Ghi chú"],
            &["", "", "", "Dự toán", "", "Thực hiện", "", ""],
            &["", "", "", "NSNN", "XHH", "NSNN", "XHH", ""],
            &["1", "Hội nghị", "Xong", "20", "5", "15", "3", ""],
        ]);
        let h = find(&g, 0, 0).unwrap();
        assert_eq!((h.last_row, budgets(&h)), (2, vec![5, 6]), "allotted and spent by source");
        assert_eq!(h.others.iter().map(|(c, _)| *c).collect::<Vec<_>>(), [3, 4]);
        // With a total of each: the money spent's total, its sources where it is blank.
        let g = grid(&[
            &["STT", "Nội dung hoạt động", "Kết quả", "Kinh phí (triệu đồng)", "", "", "", "", "", "Ghi chú"],
            &["", "", "", "Dự toán", "", "", "Thực hiện", "", "", ""],
            &["", "", "", "Tổng số", "NSNN", "XHH", "Tổng số", "NSNN", "XHH", ""],
            &["1", "Hội nghị", "Xong", "25", "20", "5", "18", "15", "3", ""],
        ]);
        let h = find(&g, 0, 0).unwrap();
        assert_eq!((h.last_row, budgets(&h)), (2, vec![6]), "the money spent's total");
        assert_eq!(h.columns.iter().filter(|c| c.field == Field::BudgetSource).map(|c| c.col).collect::<Vec<_>>(), [7, 8]);
        assert_eq!(h.others.iter().map(|(c, _)| *c).collect::<Vec<_>>(), [3, 4, 5]);
        // A data row under a two-row header is no third header row.
        let g = grid(&[
            &head,
            &["", "", "", "Tổng số", "Ngân sách nhà nước", "Xã hội hóa", ""],
            &["", "Hội nghị", "Xong", "", "Ngân sách tỉnh", "", ""],
        ]);
        assert_eq!(find(&g, 0, 0).unwrap().last_row, 1);
        let g = grid(&[&head, &["", "", "", "Ngân sách tỉnh", "Xã hội hóa", "", ""], &["1", "Hội nghị", "Xong", "20", "10", "", ""]]);
        assert_eq!(budgets(&find(&g, 0, 0).unwrap()), vec![3, 4], "every source");
        // A data row with words only under the group is data.
        let g = grid(&[&head, &["", "Hội nghị", "", "Ngân sách tỉnh", "", "", ""]]);
        assert_eq!(find(&g, 0, 0).unwrap().last_row, 0);
        let g = grid(&[&head, &["", "", "", "x", "", "", ""]]);
        assert_eq!(find(&g, 0, 0).unwrap().last_row, 0, "a mark is not a header");
    }

    #[test]
    fn two_amounts_named_in_one_budget_header() {
        assert_eq!(spent_of_pair("Kinh phí (Dự toán/Thực hiện)"), Some(1));
        assert_eq!(spent_of_pair("Kinh phí KH/TH"), Some(1));
        assert_eq!(spent_of_pair("Kinh phí (Thực hiện/Kế hoạch)"), Some(0));
        assert_eq!(spent_of_pair("Kinh phí (triệu đồng)"), None);
        assert_eq!(spent_of_pair("Kinh phí (NSNN/XHH)"), None, "sources, not allotted and spent");
    }

    #[test]
    fn the_plan_s_task_list_is_no_report() {
        let list = grid(&[
            &["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"],
            &["1", "Tuyên truyền, quán triệt", "Sở Ngoại vụ", "Sở VHTTDL", "Hằng năm", "Hội nghị"],
        ]);
        assert!(find(&list, 0, 0).is_none());
        // The plan's table copied, with what was done added: a report.
        let report = grid(&[
            &["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả thực hiện"],
            &["1", "Tuyên truyền, quán triệt", "Sở Ngoại vụ", "Sở VHTTDL", "Tổ chức 3 hội nghị"],
        ]);
        assert!(find(&report, 0, 0).is_some());
    }

    #[test]
    fn a_table_of_two_columns_that_say_what_was_done() {
        let g = grid(&[&["Đơn vị báo cáo: Sở Ngoại vụ"], &["Nhiệm vụ", "Kết quả thực hiện"], &["NV1", "Hội nghị, 120 đại biểu"]]);
        assert_eq!(find(&g, 0, 0).map(|h| (h.first_row, h.columns.len())), Some((1, 2)));
        // Two columns, one of which says nothing done, are not a table.
        let g = grid(&[&["STT", "Nhiệm vụ"], &["1", "NV1"]]);
        assert!(find(&g, 0, 0).is_none());
    }

    #[test]
    fn no_header_in_a_letter() {
        let g = grid(&[&["Kính gửi: Sở Ngoại vụ"], &["Thực hiện Kế hoạch số …, Sở báo cáo như sau"]]);
        assert!(find(&g, 0, 0).is_none());
    }
}
