//! Reading single values the way Vietnamese clerks write them: statuses, budgets, dates,
//! roles. Each function takes a cell and says what it means, or that it cannot tell.

use chrono::{Datelike, NaiveDate};

use crate::ingest::Cell;
use crate::plan::Role;
use crate::text::fold;

/// Implementation status of an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Done,
    InProgress,
    NotStarted,
    Unknown,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::InProgress => "in_progress",
            Status::NotStarted => "not_started",
            Status::Unknown => "unknown",
        }
    }
    /// The Vietnamese word for a status code as stored in the rows table.
    pub fn vi(code: &str) -> &'static str {
        match code {
            "done" => "Hoàn thành",
            "in_progress" => "Đang thực hiện",
            "not_started" => "Chưa thực hiện",
            _ => "Không rõ",
        }
    }
}

const STATUS_WORDS: &[(&str, Status)] = &[
    ("hoan thanh", Status::Done),
    ("da hoan thanh", Status::Done),
    ("ht", Status::Done),
    // "Hoàn thành xuất sắc", as an assessment abbreviates it.
    ("htxs", Status::Done),
    ("xong", Status::Done),
    ("da xong", Status::Done),
    // "HT" and "TH" (hoàn thành, thực hiện) after the word that says how far: "Đã HT", "Đã
    // TH" done, "Chưa HT" in progress as "Chưa hoàn thành" is ("Chưa TH" is "chưa" alone).
    ("da ht", Status::Done),
    ("da th", Status::Done),
    ("chua ht", Status::InProgress),
    // Their initials typed together: "ĐHT" (đã hoàn thành) done, "CHT" (chưa hoàn thành) in
    // progress, as "ĐTH" and "CTH" are read (each was `status_unknown`).
    ("dht", Status::Done),
    ("cht", Status::InProgress),
    // Not finished yet, as "Chưa hoàn thành" ("Chưa xong" is not "Chưa" alone); nearly
    // done; going on ("Tiếp tục" alone).
    ("chua xong", Status::InProgress),
    ("chua hoan tat", Status::InProgress),
    ("chua ket thuc", Status::InProgress),
    ("gan hoan thanh", Status::InProgress),
    ("sap hoan thanh", Status::InProgress),
    ("tiep tuc", Status::InProgress),
    // The work taken over as finished, or put out: done.
    ("nghiem thu", Status::Done),
    ("da nghiem thu", Status::Done),
    ("da phat hanh", Status::Done),
    ("da in", Status::Done),
    ("da thuc hien", Status::Done),
    ("da trien khai", Status::Done),
    ("hoan thanh 100", Status::Done),
    ("dat", Status::Done),
    ("dang thuc hien", Status::InProgress),
    ("dang trien khai", Status::InProgress),
    ("dang tien hanh", Status::InProgress),
    ("dang", Status::InProgress),
    ("dth", Status::InProgress),
    ("chua hoan thanh", Status::InProgress),
    ("khong hoan thanh", Status::InProgress),
    ("hoan thanh mot phan", Status::InProgress),
    ("da hoan thanh mot phan", Status::InProgress),
    ("hoan thanh 1 phan", Status::InProgress),
    ("da hoan thanh 1 phan", Status::InProgress),
    // ("Hoàn thành một số nội dung": some of it.)
    ("hoan thanh mot so", Status::InProgress),
    ("da hoan thanh mot so", Status::InProgress),
    ("dat mot phan", Status::InProgress),
    ("tiep tuc thuc hien", Status::InProgress),
    ("tiep tuc trien khai", Status::InProgress),
    ("thuong xuyen", Status::InProgress),
    ("thuc hien thuong xuyen", Status::InProgress),
    ("trien khai thuong xuyen", Status::InProgress),
    ("duy tri thuong xuyen", Status::InProgress),
    ("lien tuc", Status::InProgress),
    ("dung tien do", Status::InProgress),
    // Ahead of schedule, or carried over to go on next year: the work goes on.
    ("vuot tien do", Status::InProgress),
    ("chuyen tiep", Status::InProgress),
    ("cham tien do", Status::InProgress),
    // On schedule, or behind it: the work goes on ("Đảm bảo tiến độ", "Quá hạn", "Trễ hạn").
    ("dam bao tien do", Status::InProgress),
    ("bao dam tien do", Status::InProgress),
    ("dung ke hoach", Status::InProgress),
    ("qua han", Status::InProgress),
    ("tre han", Status::InProgress),
    ("cham so voi ke hoach", Status::InProgress),
    // The target not (yet) reached, as "Chưa hoàn thành" says ("Chưa" alone is not started).
    ("chua dat", Status::InProgress),
    ("khong dat", Status::InProgress),
    // Done and still being done ("Đã và đang triển khai"): under way.
    ("da va dang trien khai", Status::InProgress),
    ("da va dang thuc hien", Status::InProgress),
    ("da va dang to chuc", Status::InProgress),
    ("thuc hien dinh ky", Status::InProgress),
    ("con dang thuc hien", Status::InProgress),
    ("con dang trien khai", Status::InProgress),
    // A draft written, not yet issued.
    ("du thao", Status::InProgress),
    ("dang du thao", Status::InProgress),
    ("co ban hoan thanh", Status::Done),
    ("da co ban hoan thanh", Status::Done),
    ("co ban da hoan thanh", Status::Done),
    ("co ban dat", Status::Done),
    ("vuot ke hoach", Status::Done),
    ("hoan tat", Status::Done),
    ("da hoan tat", Status::Done),
    ("da to chuc", Status::Done),
    ("da ban hanh", Status::Done),
    ("da lam", Status::Done),
    ("da hoan thien", Status::Done),
    ("chua thuc hien", Status::NotStarted),
    ("chua trien khai", Status::NotStarted),
    ("chua", Status::NotStarted),
    ("cth", Status::NotStarted),
    ("khong thuc hien", Status::NotStarted),
    ("khong trien khai", Status::NotStarted),
    ("khong to chuc", Status::NotStarted),
    // Put off or called off this year: not carried out ("Hoãn" alone folds as "Hoàn" does,
    // so only with the word after it).
    ("huy", Status::NotStarted),
    ("huy bo", Status::NotStarted),
    ("da huy", Status::NotStarted),
    ("tam hoan", Status::NotStarted),
    ("hoan lai", Status::NotStarted),
    ("hoan to chuc", Status::NotStarted),
    ("hoan thuc hien", Status::NotStarted),
    ("chuyen sang nam", Status::NotStarted),
    ("khong phat sinh", Status::NotStarted),
    ("thuc hien xong", Status::Done),
    // A step finished is the work done: signed, approved, sent, built; ended.
    ("da ky", Status::Done),
    ("da ky ket", Status::Done),
    ("da phe duyet", Status::Done),
    ("da gui", Status::Done),
    ("da bao cao", Status::Done),
    ("da xay dung", Status::Done),
    ("da ket thuc", Status::Done),
    ("ket thuc", Status::Done),
    ("cho phe duyet", Status::InProgress),
    // Waiting for the money: not begun ("Chờ kinh phí", "Chờ bố trí kinh phí").
    ("cho kinh phi", Status::NotStarted),
    ("dang cho kinh phi", Status::NotStarted),
    ("cho bo tri kinh phi", Status::NotStarted),
    ("dang cho bo tri kinh phi", Status::NotStarted),
    ("cho cap kinh phi", Status::NotStarted),
    ("khong co kinh phi", Status::NotStarted),
    // ("Đợi", waiting, as "Chờ": "Đang đợi kinh phí" was in progress by its "Đang".)
    ("doi kinh phi", Status::NotStarted),
    ("dang doi kinh phi", Status::NotStarted),
    ("doi bo tri kinh phi", Status::NotStarted),
    ("dang doi bo tri kinh phi", Status::NotStarted),
    // Part of the work done, as "Hoàn thành một phần" ("Đã thực hiện 1 phần" was done by its
    // "Đã thực hiện").
    ("da thuc hien mot phan", Status::InProgress),
    ("thuc hien mot phan", Status::InProgress),
    ("da trien khai mot phan", Status::InProgress),
    ("trien khai mot phan", Status::InProgress),
    ("da thuc hien 1 phan", Status::InProgress),
    ("thuc hien 1 phan", Status::InProgress),
    ("hoan thanh 1 phan", Status::InProgress),
    ("da hoan thanh 1 phan", Status::InProgress),
    ("dat 1 phan", Status::InProgress),
    // Finished ("Triển khai xong"), beyond its target ("Vượt chỉ tiêu"), done well ("HTT",
    // hoàn thành tốt, as an assessment abbreviates it).
    ("trien khai xong", Status::Done),
    ("to chuc xong", Status::Done),
    ("vuot chi tieu", Status::Done),
    ("vuot muc", Status::Done),
    ("htt", Status::Done),
    // Put back or done away with: not carried out this year ("Lùi sang năm 2025", "Lùi lại").
    ("lui thoi gian", Status::NotStarted),
    ("lui sang", Status::NotStarted),
    ("lui lai", Status::NotStarted),
    ("khong du dieu kien", Status::NotStarted),
    ("bai bo", Status::NotStarted),
    // Stopped, as called off: not carried out this year ("Dừng" alone folds as "Đúng" does;
    // "Tạm dừng", paused, is neither, flagged).
    ("ngung", Status::NotStarted),
    ("da ngung", Status::NotStarted),
    ("ngung thuc hien", Status::NotStarted),
    ("dung thuc hien", Status::NotStarted),
    ("dung trien khai", Status::NotStarted),
    ("da dung", Status::NotStarted),
    // Carried out, and well: done ("Tốt" alone rates the work, done or not).
    ("thuc hien tot", Status::Done),
    // In English, as some forms are filled.
    ("done", Status::Done),
    ("complete", Status::Done),
    ("completed", Status::Done),
    ("finished", Status::Done),
    ("in progress", Status::InProgress),
    ("ongoing", Status::InProgress),
    ("on going", Status::InProgress),
    ("not started", Status::NotStarted),
    // Sent up for approval: the agency's part is done, the outcome not yet.
    ("da trinh", Status::InProgress),
    ("dang cho phe duyet", Status::InProgress),
];

/// Reads a status word ("Đã hoàn thành", "HT", "Đang triển khai", ...). A longer text is
/// read by the phrase it starts with ("Hoàn thành đúng kế hoạch"). A share of the work
/// ("100%", "Đạt 80%", "Hoàn thành 80% kế hoạch") says it whatever the words: all of it is
/// done, none of it not started, anything between in progress.
pub fn status(text: &str) -> Status {
    // A share exceeded ("Vượt 120%", "Hoàn thành (vượt 10%)") is all of the work done; a
    // change ("tăng 20%", "giảm 5%") is no share of it, and the words say the status.
    let said = |key: &str, words: &[&str]| words.iter().any(|w| crate::text::contains_words(key, w));
    if let Some(p) = percent(text) {
        let before = memchr::memchr(b'%', text.as_bytes()).map(|at| fold(&text[..at])).unwrap_or_default();
        if said(&before, &["vuot"]) {
            return Status::Done;
        }
        if said(&before, &["tang", "giam", "hon"]) {
            return status_words(text);
        }
        return match p {
            p if p >= 100.0 => Status::Done,
            p if p <= 0.0 => Status::NotStarted,
            _ => Status::InProgress,
        };
    }
    status_words(text)
}

/// The status a number in the status column says, as a share of the work: in a column
/// headed as a share ("Tỷ lệ hoàn thành (%)", "Mức độ hoàn thành"), 100 or a cell formatted
/// as a percentage (1 is 100%, 0.8 is 80%); elsewhere only what no form's numbered codes
/// ("1 - Hoàn thành; 2 - Đang thực hiện") could mean: a fraction, or 10 and more.
pub fn status_number(text: &str, share_header: bool) -> Status {
    let Ok(n) = text.trim().replace(',', ".").parse::<f64>() else { return Status::Unknown };
    let share = match n {
        // Not a share: a year, a count.
        n if !n.is_finite() || !(0.0..=200.0).contains(&n) => return Status::Unknown,
        n if n < 1.0 => n * 100.0,
        n if n == 1.0 && share_header => 100.0,
        n if n >= 10.0 || (share_header && n > 1.0) => n,
        _ => return Status::Unknown,
    };
    match share {
        p if p >= 100.0 => Status::Done,
        p if p <= 0.0 => Status::NotStarted,
        _ => Status::InProgress,
    }
}

/// Whether a status column's header names a share of the work rather than a state.
pub fn share_header(header: &str) -> bool {
    let key = fold(header);
    header.contains('%') || ["ty le", "muc do"].iter().any(|w| crate::text::contains_words(&key, w))
}

/// The codes a form gives its statuses, in the status column's header or a line above the
/// table ("Tình trạng (1: Hoàn thành; 2: Đang thực hiện; 3: Chưa thực hiện)", "1 - Hoàn
/// thành, 2 - …", "(1) Hoàn thành"): each code with the status its words say. Empty unless
/// two codes or more say a status each.
pub fn status_legend(text: &str) -> Vec<(String, Status)> {
    let mut legend: Vec<(String, Status)> = Vec::new();
    for part in text.split([';', ',', '\n', '(', '[']) {
        // The code is the word just before a mark ("1:", "1 -", "1.", "1)", "1="), after
        // any words ("Ghi chú: cột Tình trạng ghi 1 - Hoàn thành"): a number or one letter.
        for (at, _) in part.match_indices([':', '-', '–', '.', ')', '=', '/', ']']) {
            let before = part[..at].trim_end();
            let code = before.rsplit(|c: char| c.is_whitespace() || c == ':').next().unwrap_or("");
            let is_code = (1..=2).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit())
                || code.len() == 1 && code.bytes().all(|b| b.is_ascii_alphabetic());
            if !is_code {
                continue;
            }
            let status = status_words(part[at..].trim_start_matches([':', '-', '–', '.', ')', '=', '/', ']']).trim());
            if status != Status::Unknown && !legend.iter().any(|(c, _)| c.eq_ignore_ascii_case(code)) {
                legend.push((code.to_string(), status));
            }
            break;
        }
    }
    if legend.len() < 2 {
        legend.clear();
    }
    legend
}

/// Whether a status cell says more than its status ("Đang thực hiện, dự kiến xong tháng
/// 12", "Chưa thực hiện do thiếu kinh phí"): two words or more after its status phrase that
/// only qualify it ("đúng tiến độ", "tốt", "100%") or say the status again ("Chưa triển
/// khai thực hiện", "Đang thực hiện thường xuyên") do not count; a date does ("Hoàn thành
/// 15/6/2024", "Hoàn thành tháng 6"), as it says when.
pub fn status_says_more(text: &str) -> bool {
    const QUALIFY: &[&str] = &[
        "dung", "tien", "do", "ke", "hoach", "han", "tot", "xuat", "sac", "dat", "yeu", "cau", "vuot", "muc", "truoc", "thoi", "nam", "so",
        "voi", "thuc", "hien", "trien", "khai", "tiep", "tuc", "thuong", "xuyen",
    ];
    if has_date(text) {
        return true;
    }
    let key = fold(text);
    let first = key.as_bytes().first().copied();
    let phrase = STATUS_WORDS
        .iter()
        .filter(|(w, _)| w.as_bytes().first().copied() == first && crate::ingest::header::starts_with_words(&key, w))
        .map(|(w, _)| w.len())
        .max();
    let rest = &key[phrase.unwrap_or(0)..];
    rest.split(' ').filter(|w| !w.is_empty() && !QUALIFY.contains(w) && !w.bytes().all(|b| b.is_ascii_digit())).nth(1).is_some()
}

/// Whether a text is a time alone, when the work was done or is due ("Tháng 6/2024", "Quý
/// II/2024", "15/06/2024", "6 tháng đầu năm", "Cả năm"): in a status column headed
/// "Tiến độ", no status.
pub fn period_only(text: &str) -> bool {
    const WORDS: &[&str] = &["thang", "quy", "nam", "ngay", "dau", "cuoi", "giua", "ca", "trong", "tu", "den", "i", "ii", "iii", "iv"];
    let key = fold(text);
    let mut words = key.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).peekable();
    words.peek().is_some() && words.all(|w| WORDS.contains(&w) || w.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a text has a date in it: figures joined by "/" ("15/6/2024", "6/2024"), or a
/// month or day with its figure ("tháng 6", "ngày 15").
fn has_date(text: &str) -> bool {
    let b = text.as_bytes();
    if b.windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b'/' && w[2].is_ascii_digit()) {
        return true;
    }
    let key = fold(text);
    let mut words = key.split(' ').peekable();
    while let Some(w) = words.next() {
        if matches!(w, "thang" | "ngay") && words.peek().is_some_and(|n| n.bytes().next().is_some_and(|c| c.is_ascii_digit())) {
            return true;
        }
    }
    false
}

/// The status a text's opening phrase says.
fn status_words(text: &str) -> Status {
    // A tick alone in the status column ("✓", "√", as a Vietnamese keyboard types one): done.
    // (Not "x", which some forms write for what was not done.)
    if matches!(text.trim(), "✓" | "✔" | "√" | "✅") {
        return Status::Done;
    }
    // An option's number or letter before its words, as a form's drop-down list gives them
    // ("1. Hoàn thành", "2-Đang thực hiện", "(3) Chưa thực hiện", "a) Đang thực hiện").
    let text = option_label(text).unwrap_or(text);
    let key = fold(text);
    // Alone only: "Chậm" (late) folds as "Chăm sóc…" does, and "Định kỳ…" may open a result.
    // A period alone ("Hằng năm", "Hàng quý") is recurring work, as "Định kỳ" is.
    if matches!(key.as_str(), "cham" | "dinh ky" | "hang nam" | "hang quy" | "hang thang") {
        return Status::InProgress;
    }
    // The first letter rules out most phrases before any comparison (this runs per row).
    let first = key.as_bytes().first().copied();
    let found = STATUS_WORDS
        .iter()
        .filter(|(w, _)| w.as_bytes().first().copied() == first && crate::ingest::header::starts_with_words(&key, w))
        .max_by_key(|(w, _)| w.len())
        .map_or(Status::Unknown, |&(_, s)| s);
    // "Hoãn" (put off) folds as "Hoàn" does, "Dừng" (stopped) as "Đúng": told by their marks,
    // where they open the status ("Hoãn", "Hoãn do dịch bệnh", "Dừng").
    if found == Status::Unknown && (key == "hoan" || key == "dung" || key.starts_with("hoan ") || key.starts_with("dung ")) {
        let said = crate::text::tidy(text).to_lowercase();
        if said.split(|c: char| !c.is_alphabetic()).next().is_some_and(|w| w == "hoãn" || w == "dừng") {
            return Status::NotStarted;
        }
    }
    found
}

/// The words after an option's number or letter ("1. Hoàn thành", "2-Đang…", "(3) Chưa…",
/// "a) …"): a number of one or two figures, or one letter, closed by a point, dash or
/// bracket, then a letter. Not "1 phần", "2024", "1.5".
fn option_label(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let inner = t.strip_prefix('(').unwrap_or(t);
    // (Most statuses open with a capital: no option's label, told at once.)
    if !inner.bytes().next().is_some_and(|b| b.is_ascii_digit() || b.is_ascii_lowercase()) {
        return None;
    }
    let mark = inner.char_indices().take(4).find(|(_, c)| matches!(c, '.' | '-' | ')' | '–')).map(|(i, _)| i)?;
    let (label, rest) = (&inner[..mark], inner[mark..].trim_start_matches(['.', '-', ')', '–', ' ']));
    let number = (1..=2).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_digit());
    let letter = label.len() == 1 && label.bytes().all(|b| b.is_ascii_lowercase()) && inner[mark..].starts_with(['.', ')']);
    ((number || letter) && rest.starts_with(char::is_alphabetic)).then_some(rest)
}

/// The status a sentence opens with ("Đã hoàn thành 3 lớp tập huấn", "Đang triển khai
/// xây dựng…", "Chưa thực hiện do…"): only the phrases that say a status whatever follows,
/// not a word that may open any sentence ("Đạt", "Đang", "Chưa", "HT") nor a share ("tăng
/// 20%").
pub fn status_opening(text: &str) -> Status {
    // "Đã", "Đang", "Chưa" only with the verb after them: alone they fold as "Đà", "Đảng",
    // "Chùa" do.
    const OPENINGS: &[(&str, Status)] = &[
        ("hoan thanh", Status::Done),
        ("da hoan thanh", Status::Done),
        ("da thuc hien", Status::Done),
        ("da to chuc", Status::Done),
        ("da trien khai", Status::Done),
        ("da ban hanh", Status::Done),
        ("da xay dung", Status::Done),
        ("da ky", Status::Done),
        ("da ky ket", Status::Done),
        ("da phe duyet", Status::Done),
        ("da phoi hop", Status::Done),
        ("da tham gia", Status::Done),
        // Other verbs of work done after "Đã" ("Đã đón 3 đoàn", "Đã phát hành 2.000 cuốn");
        // not "Đã đăng", which folds as "Đa dạng" does.
        ("da don", Status::Done),
        ("da tiep", Status::Done),
        ("da cu", Status::Done),
        ("da phat hanh", Status::Done),
        ("da phat song", Status::Done),
        ("da xuat ban", Status::Done),
        ("da in", Status::Done),
        ("da hoan tat", Status::Done),
        ("da tuyen truyen", Status::Done),
        ("da bien soan", Status::Done),
        ("da gui", Status::Done),
        ("da hoan thien", Status::Done),
        ("da van dong", Status::Done),
        ("da tiep nhan", Status::Done),
        ("da ho tro", Status::Done),
        ("thuc hien xong", Status::Done),
        ("dang thuc hien", Status::InProgress),
        ("dang trien khai", Status::InProgress),
        ("dang tien hanh", Status::InProgress),
        ("dang xay dung", Status::InProgress),
        ("da va dang trien khai", Status::InProgress),
        ("da va dang thuc hien", Status::InProgress),
        ("dang hoan thien", Status::InProgress),
        ("dang chuan bi", Status::InProgress),
        ("dang phoi hop", Status::InProgress),
        ("tiep tuc thuc hien", Status::InProgress),
        ("tiep tuc trien khai", Status::InProgress),
        ("da trinh", Status::InProgress),
        ("chua hoan thanh", Status::InProgress),
        ("hoan thanh mot phan", Status::InProgress),
        ("hoan thanh 1 phan", Status::InProgress),
        ("da hoan thanh 1 phan", Status::InProgress),
        // ("Hoàn thành một số nội dung": some of it.)
        ("hoan thanh mot so", Status::InProgress),
        ("da hoan thanh mot so", Status::InProgress),
        ("da thuc hien mot phan", Status::InProgress),
        ("da thuc hien 1 phan", Status::InProgress),
        ("da trien khai mot phan", Status::InProgress),
        ("chua thuc hien", Status::NotStarted),
        ("chua trien khai", Status::NotStarted),
        ("chua to chuc", Status::NotStarted),
        ("chua ban hanh", Status::NotStarted),
        ("chua xay dung", Status::NotStarted),
        ("khong thuc hien", Status::NotStarted),
        ("khong trien khai", Status::NotStarted),
        ("khong to chuc", Status::NotStarted),
        ("khong phat sinh", Status::NotStarted),
        ("tam hoan", Status::NotStarted),
        ("hoan to chuc", Status::NotStarted),
        // Mostly done, done with success; put back to another year (each was no status).
        ("co ban hoan thanh", Status::Done),
        ("da co ban hoan thanh", Status::Done),
        ("to chuc thanh cong", Status::Done),
        ("lui sang", Status::NotStarted),
        ("chuyen sang nam", Status::NotStarted),
    ];
    let head: String = text.chars().take(40).collect();
    let Some(key) = crate::text::fold_within(&head, 64) else { return Status::Unknown };
    let first = key.as_bytes().first().copied();
    let said = OPENINGS
        .iter()
        .filter(|(w, _)| w.as_bytes().first().copied() == first && crate::ingest::header::starts_with_words(&key, w))
        .max_by_key(|(w, _)| w.len())
        .map_or(Status::Unknown, |&(_, s)| s);
    // A share of the work after it ("Hoàn thành 80% khối lượng") says how much.
    match said {
        Status::Unknown => status_closing(text),
        _ if head.contains('%') => Some(status(&head)).filter(|s| *s != Status::Unknown).unwrap_or(said),
        _ => said,
    }
}

/// The status a text closes with, in brackets or after a colon or a dash, alone: "Tổ chức
/// hội nghị quán triệt (đã hoàn thành)", "Tập huấn lễ tân: đang thực hiện", "Hội thảo - đạt
/// 100%"; not a text that goes on after it.
fn status_closing(text: &str) -> Status {
    let text = text.trim_end().trim_end_matches(['.', ';']);
    let tail = match text.strip_suffix(')') {
        Some(inner) => inner.rsplit_once('(').map(|(_, t)| t),
        None => text.rsplit_once([':', '–']).map(|(_, t)| t).or_else(|| text.rsplit_once(" - ").map(|(_, t)| t)),
    };
    match tail.map(str::trim) {
        Some(t) if !t.is_empty() && t.split_whitespace().nth(4).is_none() => status(t),
        _ => Status::Unknown,
    }
}

/// The first share written with a percent sign ("80%", "80 %", "66,5%"), if any.
fn percent(text: &str) -> Option<f64> {
    let at = memchr::memchr(b'%', text.as_bytes())?;
    let before = text[..at].trim_end();
    let start = before.rfind(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).map_or(0, |i| i + 1);
    let number = &before[start..];
    if number.is_empty() {
        return None;
    }
    number.replace(',', ".").parse().ok()
}

/// Whether a tick-box cell is ticked ("x", "X", "✓", "v", 1, TRUE).
pub fn ticked(cell: &Cell) -> bool {
    match cell {
        Cell::Bool(b) => *b,
        Cell::Number(n) => *n != 0.0,
        Cell::Text(t) => {
            let t = t.trim().to_lowercase();
            // "√" (the square root sign) is how a tick is typed from Vietnamese keyboards
            // and Word's symbols; "✗", "+", "•", "●", "■" mark a box too; "ü" and "þ" are
            // the tick and the ticked box inserted in the Wingdings font, "P" and "R" in
            // Wingdings 2 (the cell holds the letter).
            matches!(
                t.as_str(),
                "x" | "v"
                    | "✓"
                    | "✔"
                    | "✅"
                    | "☑"
                    | "☒"
                    | "√"
                    | "✗"
                    | "✘"
                    | "+"
                    | "•"
                    | "●"
                    | "■"
                    | "ü"
                    | "þ"
                    | "p"
                    | "r"
                    | "có"
                    | "co"
                    | "rồi"
                    | "roi"
                    | "đã"
                    | "1"
                    | "true"
            )
        }
        _ => false,
    }
}

/// Whether a tick box's text says it is not ticked: blank, "0", "o", "-", an empty box,
/// "không".
pub fn unticked(t: &str) -> bool {
    let t = t.trim().to_lowercase();
    matches!(t.as_str(), "" | "0" | "o" | "-" | "–" | "☐" | "□" | "false" | "không" | "khong")
}

/// Reads a role as written ("Chủ trì", "Phối hợp").
pub fn role(text: &str) -> Option<Role> {
    let key = fold(text);
    let key = after_body(&key);
    // (Also shortened with a point, "C.trì", "P.hợp", or run together, "Ctrì": each was
    // kept in the note, a role the plan does not give the agency not told.)
    let word = |w: &str| key == w || key.strip_prefix(w).is_some_and(|rest| rest.starts_with(' '));
    if key.starts_with("chu tri") || key == "ct" || word("c tri") || word("ctri") {
        Some(Role::Lead)
    } else if key.starts_with("phoi hop") || key == "ph" || key == "tham gia" || word("p hop") || word("phop") {
        Some(Role::Partner)
    } else {
        None
    }
}

/// Whether a role's cell says more than the role ("Chủ trì (phối hợp với Sở VHTTDL)"):
/// two words or more after it, to keep in the note.
pub fn role_says_more(text: &str) -> bool {
    let key = fold(text);
    let key = after_body(&key);
    let rest = ["chu tri", "phoi hop", "tham gia"].iter().find_map(|w| key.strip_prefix(w)).unwrap_or("");
    // ("Chủ trì thực hiện", "Phối hợp triển khai" say the role only.)
    rest.split(' ').filter(|w| !w.is_empty() && !matches!(*w, "thuc" | "hien" | "trien" | "khai")).nth(1).is_some()
}

/// A folded role's words after the body it names ("Cơ quan chủ trì", "Đơn vị phối hợp",
/// "Là cơ quan chủ trì"): the role.
fn after_body(key: &str) -> &str {
    ["la ", "co quan ", "don vi "].iter().fold(key, |k, p| k.strip_prefix(p).unwrap_or(k))
}

/// The money unit a budget column's header names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unit {
    Dong,
    Thousand,
    Million,
    Billion,
}

impl Unit {
    /// An amount in this unit, in millions: divided where the unit is smaller, as 800.000 đồng
    /// is 0.8 million only so (times 1e-6, it is 0.7999999999999999).
    fn to_millions(self, amount: f64) -> f64 {
        match self {
            Unit::Dong => amount / 1e6,
            Unit::Thousand => amount / 1e3,
            Unit::Million => amount,
            Unit::Billion => amount * 1e3,
        }
    }

    /// How many millions of đồng one of this unit is.
    fn in_millions(self) -> f64 {
        match self {
            Unit::Dong => 1e-6,
            Unit::Thousand => 1e-3,
            Unit::Million => 1.0,
            Unit::Billion => 1e3,
        }
    }

    /// The unit written in a header ("Kinh phí (triệu đồng)"); millions when none is named,
    /// since that is what the plan's form asks for.
    pub fn from_header(header: &str) -> Unit {
        Unit::named(header).unwrap_or(Unit::Million)
    }

    /// The unit a text names ("triệu đồng", "1.000 đồng", "ĐVT: đồng"), if it names one.
    pub fn named(text: &str) -> Option<Unit> {
        // "1000đ" folds to one word: the "d" is set apart from the number; so is the "x"
        // of "x1000 đồng", "x1.000đ" (times a thousand).
        let figures = |n: &str| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
        let key = fold(text)
            .split(' ')
            .map(|w| w.strip_prefix('x').filter(|n| figures(n.strip_suffix('d').unwrap_or(n))).unwrap_or(w))
            .map(|w| match w.strip_suffix('d') {
                Some(n) if figures(n) => format!("{n} d"),
                _ => w.to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ");
        let has = |w: &str| crate::text::contains_words(&key, w);
        // "1.000 đồng", "1000đ": thousands; "1.000.000 đ": millions.
        if has("1 000 000") || has("1000000") {
            Some(Unit::Million)
        } else if has("1 000") || has("1000") {
            Some(Unit::Thousand)
        } else if has("trieu") || has("tr") || has("trd") {
            Some(Unit::Million)
        } else if has("ty") || has("ti") {
            Some(Unit::Billion)
        } else if has("nghin") || thousand_ngan(&key) {
            Some(Unit::Thousand)
        } else if has("dong") || has("vnd") || has("d") {
            Some(Unit::Dong)
        } else {
            None
        }
    }
}

/// Whether "ngàn" (a thousand, as the South says it) is among the words of a folded text:
/// not the "ngân" of "ngân sách" (the budget) or "ngân hàng" (a bank), nor the district
/// Lục Ngạn, which fold alike; nor the "giải ngân" of money paid out ("Kinh phí giải ngân",
/// read in thousands before).
fn thousand_ngan(key: &str) -> bool {
    let words: Vec<&str> = key.split(' ').collect();
    words.iter().enumerate().any(|(i, w)| {
        *w == "ngan" && !matches!(words.get(i + 1), Some(&"sach" | &"hang")) && (i == 0 || !matches!(words[i - 1], "luc" | "giai"))
    })
}

/// Whether the words after an amount name where its money came from ("25 ngân sách tỉnh",
/// "25 - NSNN", "10 xã hội hóa"): the amount is in the column's unit.
pub fn names_source(words: &str) -> bool {
    const SOURCES: &[&str] =
        &["ngan sach", "ns", "nsnn", "nstw", "nsdp", "nst", "nsh", "nguon", "von", "xhh", "xa hoi hoa", "tai tro", "kinh phi", "kp"];
    SOURCES.iter().any(|s| crate::ingest::header::starts_with_words(words, s))
}

/// The signs of foreign currencies, with their codes. ("¥" is the yen's sign and the yuan's:
/// near the Chinese border, more likely the yuan.)
const FOREIGN_SIGNS: &[(char, &str)] = &[('$', "USD"), ('€', "EUR"), ('£', "GBP"), ('¥', "JPY/CNY"), ('₩', "KRW")];

/// The foreign currency a budget's text or header names ("5.000 USD", "$5,000", "Kinh phí
/// (USD)", "3.000 đô la Mỹ", "10.000 nhân dân tệ"), by its code: amounts in it are no
/// đồng, and no rate here converts them. A word that is also a Vietnamese one ("đô la" is
/// "đó là", "kíp" "kịp", "yên" a place's name) names it only after a figure.
pub fn foreign_currency(t: &str) -> Option<&'static str> {
    const CODES: &[(&str, &str)] = &[
        ("usd", "USD"),
        ("do la my", "USD"),
        ("eur", "EUR"),
        ("euro", "EUR"),
        ("jpy", "JPY"),
        ("yen nhat", "JPY"),
        ("krw", "KRW"),
        ("won han quoc", "KRW"),
        ("cny", "CNY"),
        ("rmb", "CNY"),
        ("nhan dan te", "CNY"),
        ("gbp", "GBP"),
        ("bang anh", "GBP"),
        ("aud", "AUD"),
        ("sgd", "SGD"),
        ("thb", "THB"),
        ("lak", "LAK"),
        ("kip lao", "LAK"),
    ];
    const AFTER_A_FIGURE: &[(&str, &str)] =
        &[("do la", "USD"), ("do", "USD"), ("yen", "JPY"), ("won", "KRW"), ("te", "CNY"), ("kip", "LAK"), ("bat", "THB")];
    if let Some((_, code)) = FOREIGN_SIGNS.iter().find(|(c, _)| t.contains(*c)) {
        return Some(code);
    }
    // Figures and letters typed together ("5000USD") apart.
    let mut key = String::with_capacity(t.len() + 4);
    for w in fold(t).split(' ') {
        let mut prev_digit = None;
        if !key.is_empty() {
            key.push(' ');
        }
        for c in w.chars() {
            let digit = c.is_ascii_digit();
            if prev_digit.is_some_and(|p| p != digit) {
                key.push(' ');
            }
            key.push(c);
            prev_digit = Some(digit);
        }
    }
    // Compared word by word, not searched for: this reads every budget column's header.
    let words: Vec<&str> = key.split(' ').collect();
    let at = |i: usize, name: &str| name.split(' ').enumerate().all(|(k, part)| words.get(i + k) == Some(&part));
    if let Some(code) = (0..words.len()).find_map(|i| CODES.iter().find(|(w, _)| at(i, w)).map(|(_, code)| *code)) {
        return Some(code);
    }
    // (Longer words first: "đô la" before "đô".)
    (1..words.len())
        .filter(|i| words[i - 1].bytes().all(|b| b.is_ascii_digit()))
        .find_map(|i| AFTER_A_FIGURE.iter().find(|(w, _)| at(i, w)).map(|(_, code)| *code))
}

/// The amount in đồng written beside the same in a foreign currency, one of them in
/// brackets ("50 (khoảng 2.000 USD)", "5.000 USD (tương đương 120 triệu đồng)"), in
/// millions.
pub fn dong_beside_foreign(t: &str, unit: Unit) -> Option<f64> {
    let (outside, inside) = t.trim().strip_suffix(')')?.rsplit_once('(')?;
    [outside, inside].into_iter().filter(|p| foreign_currency(p).is_none()).find_map(|p| {
        match budget(&Cell::Text(p.trim().to_string()), unit) {
            Budget::Millions(m) => Some(m),
            _ => None,
        }
    })
}

/// The outcome of reading a budget cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Budget {
    /// Nothing written.
    Blank,
    /// An amount in millions of đồng.
    Millions(f64),
    /// Cannot be read as an amount.
    Unreadable,
    /// Readable, but only plausible in another unit (a factor of a thousand or a million off).
    Suspect(f64),
}

/// Largest plausible budget of one activity, in millions (100 billion đồng).
const MAX_MILLIONS: f64 = 100_000.0;
/// Smallest plausible non-zero budget, in millions (10,000 đồng).
const MIN_MILLIONS: f64 = 0.01;

/// Reads a budget cell in the unit of its column's header. Text may carry its own unit
/// ("15 triệu", "1,2 tỷ", "500.000 đồng") and Vietnamese separators ("1.500.000", "1,5").
pub fn budget(cell: &Cell, unit: Unit) -> Budget {
    let (amount, unit) = match cell {
        Cell::Empty => return Budget::Blank,
        Cell::Number(n) => (*n, unit),
        // Also an amount after its source's name, the one thing in the cell ("Nguồn NSNN:
        // 30 triệu"), or before it in brackets ("30 (NSNN)").
        // An amount with a foreign currency's sign after it ("30$", "1.500 €") is no amount in
        // đồng: the sign is no word, and was passed over as the amount read in the column's
        // unit. Left to the foreign-currency reading (`foreign_currency`).
        Cell::Text(t) if t.contains(|c| FOREIGN_SIGNS.iter().any(|(s, _)| *s == c)) => return Budget::Unreadable,
        // A share alone ("100%", or a number the cell shows as a percentage, "50%" for 0.5)
        // is no amount: it was read as 100 or 50 in the column's unit.
        Cell::Text(t)
            if t.trim()
                .strip_suffix('%')
                .is_some_and(|n| !n.trim().is_empty() && n.trim().bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')) =>
        {
            return Budget::Unreadable
        }
        Cell::Text(t) => {
            // (Amounts joined, "10 (NS tỉnh) + 5 (XHH)", "10 triệu (NS) và 5 triệu (XHH)", are
            // added up before one of them is taken for the whole: the first was.)
            let joined = t.contains(['+', ';', '\n']) || t.contains(" và ");
            let read = || match joined {
                true => spent_beside_allotted(t, unit).or_else(|| by_source(t, unit)).or_else(|| one_amount(t, unit)),
                false => one_amount(t, unit).or_else(|| spent_beside_allotted(t, unit)).or_else(|| by_source(t, unit)),
            };
            match currency_last(t).as_deref().map_or_else(read, |t| one_amount(t, unit)) {
                Some(v) => v,
                None => return Budget::Unreadable,
            }
        }
        _ => return Budget::Unreadable,
    };
    if !amount.is_finite() || amount < 0.0 {
        return Budget::Unreadable;
    }
    let m = unit.to_millions(amount);
    if m > MAX_MILLIONS || (m > 0.0 && m < MIN_MILLIONS) {
        Budget::Suspect(m)
    } else {
        Budget::Millions(m)
    }
}

/// A budget written with the currency's sign ("15.000.000 ₫") or the currency first
/// ("VNĐ 15.000.000", "đ15.000.000"), as the amount in đồng: "15.000.000 đồng". `None`
/// for any other text.
fn currency_last(t: &str) -> Option<String> {
    let t = t.trim();
    let amount = ["₫", "VNĐ", "VND", "vnđ", "vnd", "đ", "Đ"].iter().find_map(|c| t.strip_prefix(c)).map(str::trim_start);
    match amount {
        Some(a) if a.starts_with(|c: char| c.is_ascii_digit()) => Some(format!("{} đồng", a.trim_end_matches('₫').trim_end())),
        _ => t.contains('₫').then(|| t.replace('₫', " đồng")),
    }
}

/// One amount in a budget cell, also after its source's name ("Nguồn NSNN: 30 triệu") or
/// before it in brackets ("30 (NSNN)").
fn one_amount(t: &str, unit: Unit) -> Option<(f64, Unit)> {
    if let Some(figure) = spelled_out_in_dong(t) {
        return budget_text(figure, Unit::Dong);
    }
    // The total before its parts by source in brackets ("Tổng: 15 (NS 10, XHH 5)"): the
    // total.
    if let Some((total, parts)) = t.trim().strip_suffix(')').and_then(|s| s.rsplit_once('(')) {
        let key = fold(parts);
        if parts.contains(|c: char| c.is_ascii_digit()) && !total.trim().is_empty() && key.split(' ').any(names_source) {
            return one_amount(total, unit);
        }
    }
    budget_text(without_source(without_spent(without_approx(t))), unit)
        .or_else(|| match t.split_once(':') {
            Some((label, amount)) if !label.contains(|c: char| c.is_ascii_digit()) && !amount.contains(':') => budget_text(amount, unit),
            _ => None,
        })
        .or_else(|| source_first(t).and_then(|amount| budget_text(amount, unit)))
}

/// The amount after its source's name with no colon between ("NSNN 10", "NS tỉnh 10 triệu",
/// "XHH 5"): the text from its first figure. (Each was `budget_unreadable`.)
fn source_first(t: &str) -> Option<&str> {
    let at = t.find(|c: char| c.is_ascii_digit())?;
    let source = fold(&t[..at]);
    (!source.is_empty() && source.split(' ').nth(4).is_none() && names_source(&source)).then(|| &t[at..])
}

/// Amounts by source in one cell, added up: "NSĐP: 10; XHH: 5", "10 + 5", "10tr (NS tỉnh),
/// 5tr (XHH)", one per line. Every part must be an amount; the sum is in millions.
fn by_source(t: &str, unit: Unit) -> Option<(f64, Unit)> {
    let parts: Vec<&str> = t
        .split([';', '+', '\n'])
        .flat_map(|p| p.split(", "))
        .flat_map(|p| p.split(" và "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 {
        return None;
    }
    let mut sum = 0.0;
    for p in parts {
        let (amount, u) = one_amount(p, unit)?;
        sum += u.to_millions(amount);
    }
    Some((sum, Unit::Million))
}

/// Whether a difficulty or a proposal says there is none ("Không", "Không có", "Chưa có",
/// "Không có khó khăn, vướng mắc", "Không có kiến nghị, đề xuất", "Không có ý kiến"):
/// nothing to list. Not one that names what is lacking ("Không có kinh phí", "Không đủ
/// nhân lực"), which is a difficulty.
pub fn says_none(t: &str) -> bool {
    const ABOUT: &[&str] = &[
        "co", "kho", "khan", "vuong", "mac", "kien", "nghi", "de", "xuat", "y", "gi", "phat", "sinh", "han", "che", "ton", "tai", "nao",
        "them", "va",
    ];
    // Only "Không…" and "Chưa…" say so: other texts are not folded to find out.
    if t.len() > 120 || !t.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with(['K', 'k', 'C', 'c']) {
        return false;
    }
    let Some(key) = crate::text::fold_within(t, 120) else { return false };
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    let rest = match words.as_slice() {
        ["khong", rest @ ..] => rest,
        ["chua", "co" | "phat", rest @ ..] => rest,
        _ => return false,
    };
    rest.len() <= 8 && rest.iter().all(|w| ABOUT.contains(w))
}

/// Whether a budget cell says the money has no figure of its own: spent within another
/// programme or the agency's running budget, or paid by others ("Lồng ghép", "Kinh phí
/// thường xuyên", "Trong dự toán được giao", "Đơn vị tự đảm bảo", "Xã hội hóa"), or counted
/// elsewhere ("Đã bao gồm ở mục 1"). Not with a figure in it, which is an amount to read,
/// but for the place it is counted at.
pub fn no_figure(t: &str) -> bool {
    const SAID: &[&str] = &[
        "long ghep",
        "kinh phi thuong xuyen",
        "kp thuong xuyen",
        "chi thuong xuyen",
        "nguon thuong xuyen",
        "nguon kinh phi thuong xuyen",
        "trong du toan",
        "tu dam bao",
        "don vi tu dam bao",
        "kp don vi tu dam bao",
        "kinh phi don vi tu dam bao",
        "xa hoi hoa",
        "nguon xa hoi hoa",
        "tai tro",
        "khong tach rieng",
        "theo du toan",
        "kp chi thuong xuyen",
        "kinh phi chi thuong xuyen",
        "doanh nghiep tai tro",
    ];
    // Counted elsewhere, with where ("Đã bao gồm ở mục 1", "Đã tính ở dòng 3", "Nằm trong
    // kinh phí hội nghị"): a figure there is the place's, not an amount.
    const ELSEWHERE: &[&str] = &["da bao gom", "bao gom trong", "bao gom o", "da tinh o", "da tinh trong", "tinh o muc", "nam trong"];
    let key = fold(t);
    // After the words that lead to the source ("Từ nguồn chi thường xuyên", "Sử dụng
    // nguồn xã hội hóa", "Bằng ngân sách tỉnh", "Do doanh nghiệp tài trợ").
    let key = ["tu ", "bang ", "su dung ", "thuoc ", "do ", "lay tu "].iter().fold(key.as_str(), |k, p| k.strip_prefix(p).unwrap_or(k));
    let said = |words: &[&str]| words.iter().any(|w| crate::ingest::header::starts_with_words(key, w));
    // Or the money's source alone ("Nguồn sự nghiệp văn hóa", "Ngân sách tỉnh", "NSNN").
    said(ELSEWHERE) || (!t.bytes().any(|b| b.is_ascii_digit()) && (said(SAID) || names_source(key)))
}

/// A budget's text without the words that say it is about that much ("khoảng 30 triệu",
/// "~30", "ước tính 30", "gần 30"); a bound ("trên 30", "không quá 30") is not an amount.
fn without_approx(t: &str) -> &str {
    let mut rest = t.trim().trim_start_matches(['~', '≈']).trim_start();
    while let Some((w, r)) = rest.split_once(char::is_whitespace) {
        if !matches!(fold(w).as_str(), "khoang" | "xap" | "xi" | "uoc" | "tinh" | "gan" | "chung" | "tuong" | "duong") {
            break;
        }
        rest = r.trim_start();
    }
    rest
}

/// The words before an amount that say it was spent, folded.
const SPENT: &[&str] =
    &["da giai ngan", "giai ngan", "da chi", "thuc chi", "da su dung", "thuc hien", "da thuc hien", "da quyet toan", "quyet toan"];

/// The words that say an amount was allotted, not spent ("Dự toán 20", "Được giao: 20",
/// "Kế hoạch 20"), folded.
const ALLOTTED: &[&str] = &["du toan", "duoc giao", "ke hoach", "kh", "du kien", "duoc cap"];

/// Whether a budget cell read as an amount says more than the amount: two words or more
/// besides its figures, unit and the words of an amount ("15 triệu; đã quyết toán", "15
/// (dự toán 20)", "NSĐP: 10; XHH: 5"), to keep in the note; the amount alone was kept.
pub fn budget_says_more(t: &str) -> bool {
    // (Besides the words of an amount spelled out.)
    const AMOUNT: &[&str] = &[
        "tr", "trd", "d", "vnd", "vn", "k", "ng", "khoang", "xap", "xi", "uoc", "tinh", "gan", "tong", "cong", "kinh", "phi", "kp", "so",
        "tien",
    ];
    let key = fold(t);
    // (None spent, "Không phát sinh", "Chưa sử dụng", "Miễn phí", says it all as 0.)
    if ["khong", "chua", "mien phi"].iter().any(|w| crate::ingest::header::starts_with_words(&key, w)) {
        return false;
    }
    // (A share of it, "15 tr (giải ngân 100%)", says how much was paid out.)
    if t.contains('%') {
        return true;
    }
    let amount = |w: &&str| w.bytes().all(|b| b.is_ascii_digit()) || [AMOUNT, SPELLED_DIGITS, SPELLED_UNITS].iter().any(|l| l.contains(w));
    key.split(' ').filter(|w| !w.is_empty() && !amount(w)).nth(1).is_some()
}

/// The money spent where a cell gives it beside the money allotted, as two budget columns
/// would ("15 (dự toán 20)", "Dự toán 20, thực hiện 15", "Được giao: 20; Đã chi: 15").
fn spent_beside_allotted(t: &str, unit: Unit) -> Option<(f64, Unit)> {
    let allotted = |k: &str| ALLOTTED.iter().any(|w| crate::ingest::header::starts_with_words(k, w));
    if let Some((outside, inner)) = t.trim().strip_suffix(')').and_then(|s| s.rsplit_once('(')) {
        if allotted(&fold(inner)) {
            return one_amount(outside, unit);
        }
    }
    let parts: Vec<&str> = t.split([',', ';', '\n']).map(str::trim).filter(|p| !p.is_empty()).collect();
    let [a, b] = parts.as_slice() else { return None };
    let spent = |k: &str| SPENT.iter().any(|w| crate::ingest::header::starts_with_words(k, w));
    let (ka, kb) = (fold(a), fold(b));
    match (allotted(&ka), allotted(&kb)) {
        (true, false) if spent(&kb) => one_amount(b, unit),
        (false, true) if spent(&ka) => one_amount(a, unit),
        _ => None,
    }
}

/// A budget's text without the words before it that say it was spent ("Đã giải ngân 15
/// triệu", "Đã chi 15", "Thực hiện 15 triệu"): the amount.
fn without_spent(t: &str) -> &str {
    // (Only a text opening with one of their first letters is folded.)
    if !t.starts_with(['Đ', 'đ', 'G', 'g', 'T', 't', 'Q', 'q']) {
        return t;
    }
    let Some(at) = t.find(|c: char| c.is_ascii_digit()) else { return t };
    let key = fold(&t[..at]);
    if SPENT.contains(&key.as_str()) {
        &t[at..]
    } else {
        t
    }
}

/// A budget's text without the source named after it in brackets ("30 (NSNN)"); as it is
/// where the brackets hold a figure.
fn without_source(t: &str) -> &str {
    let t = t.trim();
    match t.strip_suffix(')').and_then(|s| s.rsplit_once('(')) {
        // Not a unit in brackets ("20.000 (nghìn đồng)"): the amount's own. A share in
        // brackets ("15 tr (giải ngân 100%)") says how much of it was paid out.
        Some((amount, source))
            if (!source.contains(|c: char| c.is_ascii_digit()) || one_share(source))
                && !amount.trim().is_empty()
                && !crate::ingest::header::is_unit(source) =>
        {
            amount.trim_end()
        }
        _ => t,
    }
}

/// Whether a text's only figure is a share ("giải ngân 100%").
fn one_share(t: &str) -> bool {
    let figures =
        t.split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).filter(|w| w.bytes().any(|b| b.is_ascii_digit())).count();
    figures == 1 && percent(t).is_some()
}

/// "1tr2" (1.2 million), "15tr500" (15.5 million), "2tỷ5" (2.5 billion): figures, the unit
/// abbreviated, and the decimals after it, written together or spaced out ("1 tỷ 2"), with
/// nothing else.
fn unit_with_decimals(t: &str) -> Option<(f64, Unit)> {
    // Also spaced out, "1 tỷ 2", "2 triệu 500", as said: its figures after the unit are
    // its decimals whether the smaller unit is said or left out ("1 tỷ 200" is "1 tỷ 200
    // triệu"). (Unread, `budget_unreadable`, before 0.15.0.)
    let digits = |s: &str| !s.is_empty() && s.len() <= 6 && s.bytes().all(|b| b.is_ascii_digit());
    let at = t.find(|c: char| !c.is_ascii_digit())?;
    let (whole, rest) = t.split_at(at);
    let rest = rest.trim_start();
    let (word, decimals) = rest.split_at(rest.find(|c: char| c.is_ascii_digit())?);
    let unit = match fold(word).as_str() {
        "tr" | "trieu" => Unit::Million,
        "ty" | "ti" => Unit::Billion,
        _ => return None,
    };
    let decimals = decimals.trim();
    if !digits(whole) || !digits(decimals) || decimals.len() > 3 {
        return None;
    }
    let amount = format!("{whole}.{decimals}").parse().ok()?;
    Some((amount, unit))
}

/// Parses budget text: `None` when unreadable, else the amount and its unit (a dash or
/// "không" is zero).
fn budget_text(t: &str, default: Unit) -> Option<(f64, Unit)> {
    // An amount for the year ("20.000.000đ/năm") is the year's amount; one per person or
    // per class ("500.000đ/người") is not a total, and stays unread.
    let t = match t.rsplit_once('/') {
        Some((amount, per)) if fold(per) == "nam" => amount,
        _ => t,
    };
    let key = fold(t);
    let trimmed = t.trim();
    // "Không", "Không có", "Không phát sinh", "Không sử dụng kinh phí": none spent.
    // "Chưa có", "Chưa phát sinh": none yet, as "Không có" says.
    let none = key == "khong"
        || key == "mien phi"
        || matches!(key.as_str(), "chua co" | "chua phat sinh" | "chua su dung")
        || (key.starts_with("khong ") && !key.bytes().any(|b| b.is_ascii_digit()));
    if none || trimmed.chars().all(|c| matches!(c, '-' | '–' | '—' | '/' | ' ')) {
        return Some((0.0, default));
    }
    // "1tr2", "15tr500": the figures after the unit are the amount's decimals, as the words
    // are said ("một triệu hai" is 1.2 million).
    if let Some(amount) = unit_with_decimals(trimmed) {
        return Some(amount);
    }
    // Split the numeric part from the words after it.
    // (Figures grouped by a space: plain, no-break, or the narrow or thin one a web page or
    // a French-style format puts between thousands, "15\u{202f}000\u{202f}000".)
    let num_end = trimmed
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')))
        .unwrap_or(trimmed.len());
    let (num, words_as_written) = trimmed.split_at(num_end);
    let words = fold(words_as_written);
    let unit = match words.as_str() {
        "" => default,
        w if w.starts_with("trieu") || w == "tr" || w.starts_with("tr d") || w == "trd" => Unit::Million,
        w if w.starts_with("ty") || w.starts_with("ti ") || w == "ti" => Unit::Billion,
        w if names_source(w) => default,
        // ("ng.đ", "ngđ": nghìn đồng, as a column of amounts abbreviates it.)
        w if w.starts_with("nghin") || w.starts_with("ngan") || w == "k" || w == "ng d" || w == "ngd" => Unit::Thousand,
        "d" | "dong" | "vnd" | "vn d" => Unit::Dong,
        _ => return None,
    };
    let amount = vn_number(num)?;
    // "1 tỷ 200 triệu", "2 triệu 500 nghìn đồng": a smaller amount with its own unit
    // follows the first (without one, "1 tỷ 2", it was read as decimals above).
    let after_unit = words_as_written.trim_start().split_once(char::is_whitespace).map_or("", |(_, rest)| rest.trim_start());
    if after_unit.starts_with(|c: char| c.is_ascii_digit()) {
        let rest_unit_named = after_unit.contains(|c: char| c.is_ascii_alphabetic());
        return match budget_text(after_unit, default) {
            Some((more, smaller)) if rest_unit_named && smaller.in_millions() < unit.in_millions() => {
                Some((unit.to_millions(amount) + smaller.to_millions(more), Unit::Million))
            }
            _ => None,
        };
    }
    // "1 tỷ rưỡi", "2 triệu rưỡi": and a half.
    let half = fold(after_unit.split_whitespace().next().unwrap_or("")) == "ruoi";
    Some((if half { amount + 0.5 } else { amount }, unit))
}

/// The words of an amount spelled out ("Mười lăm triệu đồng", "Bằng chữ: …"), folded:
/// figures, and the units and words around them.
const SPELLED_DIGITS: &[&str] =
    &["khong", "mot", "hai", "ba", "bon", "tu", "nam", "lam", "sau", "bay", "tam", "chin", "muoi", "linh", "le", "tram"];
const SPELLED_UNITS: &[&str] = &["bang", "chu", "nghin", "ngan", "trieu", "ty", "ti", "chan", "ruoi", "dong"];

/// The figure of a budget written with the same amount in words after it, as on a payment
/// order ("15.000.000 (Mười lăm triệu đồng)", "(Bằng chữ: …)"): the figure is in đồng.
fn spelled_out_in_dong(t: &str) -> Option<&str> {
    let (figure, words) = t.trim().strip_suffix(')')?.rsplit_once('(')?;
    let key = fold(words);
    // Words of figures, not a unit alone ("20.000 (nghìn đồng)").
    let spelled = key.ends_with(" dong")
        && key.split(' ').all(|w| SPELLED_DIGITS.contains(&w) || SPELLED_UNITS.contains(&w))
        && key.split(' ').any(|w| SPELLED_DIGITS.contains(&w));
    (spelled && figure.trim_end().ends_with(|c: char| c.is_ascii_digit())).then(|| figure.trim_end())
}

/// Reads a number written the Vietnamese way ("1.500.000", "1,5", "1.500.000,5"), also
/// the English way where it cannot be the Vietnamese one ("1,500,000.5"). Returns `None`
/// where the two readings disagree and nothing decides ("1,500").
pub fn vn_number(s: &str) -> Option<f64> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') || !s.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let groups_of_three = |sep: char| s.split(sep).skip(1).all(|g| g.len() == 3);
    let normal = match (dots, commas) {
        (0, 0) => s.clone(),
        // "1.500.000" or "1.500": thousands; "1.5": a decimal point.
        (_, 0) if groups_of_three('.') => s.replace('.', ""),
        (1, 0) => s.clone(),
        (_, 0) => return None,
        // "1,5" decimal comma; "1,500" could be 1.5 or 1500.
        (0, 1) if groups_of_three(',') => return None,
        (0, 1) => s.replace(',', "."),
        (0, _) if groups_of_three(',') => s.replace(',', ""),
        (0, _) => return None,
        _ => {
            let (last_dot, last_comma) = (s.rfind('.')?, s.rfind(',')?);
            // Three figures after the last mark are a thousands group typed with the other
            // mark ("15,000.000", "15.000,000"), not decimals: which was meant is not known.
            if s.len() - last_dot.max(last_comma) == 4 {
                return None;
            }
            if last_comma > last_dot {
                s.replace('.', "").replace(',', ".")
            } else {
                s.replace(',', "")
            }
        }
    };
    normal.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The outcome of reading a date.
#[derive(Debug, Clone, PartialEq)]
pub enum DateRead {
    Blank,
    Date(NaiveDate),
    /// A year and month, the day left blank (`month_of`): found only in a report's date line.
    Month(i32, u32),
    /// Not a date, or a day that does not exist ("31/02/2024").
    Bad,
}

/// Reads a date cell: an Excel date, a serial number, or text such as "20/10/2024",
/// "20-10-2024", "20.10.2024", "ngày 20 tháng 10 năm 2024" (always day first) or
/// "2024-10-20".
pub fn date(cell: &Cell) -> DateRead {
    match cell {
        Cell::Empty => DateRead::Blank,
        Cell::Date(dt) => DateRead::Date(dt.date()),
        Cell::Number(n) if (20000.0..80000.0).contains(n) => {
            let base = NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid");
            base.checked_add_signed(chrono::Duration::days(n.trunc() as i64)).map_or(DateRead::Bad, DateRead::Date)
        }
        Cell::Text(t) => date_text(t),
        _ => DateRead::Bad,
    }
}

/// Finds a date in text; `Blank` when the text has no digits at all.
pub fn date_text(t: &str) -> DateRead {
    let key = fold(t);
    if !key.chars().any(|c| c.is_ascii_digit()) {
        return DateRead::Blank;
    }
    // The weekday in figures before it ("thứ 2, ngày 21/10/2024") is not the day.
    if let Some(at) = key.find("thu ").filter(|&at| at == 0 || key.as_bytes()[at - 1] == b' ') {
        let rest = &key[at + "thu ".len()..];
        if rest.len() > 1 && (b'2'..=b'7').contains(&rest.as_bytes()[0]) && rest.as_bytes()[1] == b' ' {
            return date_text(&format!("{}{}", &key[..at], &rest[2..]));
        }
    }
    // "ngày 20 tháng 10 năm 2024": the numbers after the words (the year in two figures,
    // "năm 24", in this century). A year of one figure is none: typed with a thousands
    // point or space ("năm 2.024"), not read as written (it was the year 2002), but
    // guessed (`date_guess`) and said so.
    if let (Some(d), Some(m), Some(y)) = (after(&key, "ngay"), after(&key, "thang"), after(&key, "nam")) {
        if y < 10 {
            return DateRead::Bad;
        }
        return ymd(if y < 100 { 2000 + y } else { y }, m, d);
    }
    // The month in words ("ngày 20 tháng mười năm 2024"): read as its figure.
    if let Some(key) = month_in_words(&key) {
        return date_text(&key);
    }
    // A letter O typed for a zero ("2O/10/2024") splits a figure in two: not read as
    // written, but guessed (`date_guess`) and said so.
    if o_for_zero(&key).is_some() {
        return DateRead::Bad;
    }
    let nums: Vec<&str> = key.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).collect();
    let num = |s: &str| s.parse::<u32>().unwrap_or(0);
    // ISO when the year comes first, else day first.
    match nums.as_slice() {
        [y, m, d, ..] if y.len() == 4 => ymd(num(y), num(m), num(d)),
        [d, m, y, ..] if y.len() == 4 => ymd(num(y), num(m), num(d)),
        [d, m, y, ..] if y.len() == 2 => ymd(2000 + num(y), num(m), num(d)),
        _ => month_named(&key).unwrap_or(DateRead::Bad),
    }
}

/// A date whose month is a word: in English, as an English-language system writes it
/// ("25-Oct-2024", "Oct 25, 2024"), or in Roman numerals ("25/X/2024", "ngày 25 tháng X
/// năm 2024"). Only a day, a month and a four-digit year, nothing else in figures.
fn month_named(key: &str) -> Option<DateRead> {
    const ENGLISH: [&str; 12] =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    const ROMAN: [&str; 12] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
    let month = |w: &str| {
        let english = ENGLISH.iter().position(|m| w.len() >= 3 && m.starts_with(w) || (w == "sept" && *m == "september"));
        english.or_else(|| ROMAN.iter().position(|m| *m == w)).map(|i| i as u32 + 1)
    };
    let words: Vec<&str> = key.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let months: Vec<u32> = words.iter().filter_map(|w| month(w)).collect();
    let figures: Vec<&str> = words.iter().copied().filter(|w| w.bytes().all(|b| b.is_ascii_digit())).collect();
    match (months.as_slice(), figures.as_slice()) {
        ([m], [d, y]) | ([m], [y, d]) if d.len() <= 2 && y.len() == 4 => Some(ymd(y.parse().ok()?, *m, d.parse().ok()?)),
        _ => None,
    }
}

/// A folded date with its month in Vietnamese words after "tháng" ("tháng mười", "tháng
/// mười hai", "tháng tư", "tháng năm năm 2024"), the month written as its figure.
fn month_in_words(key: &str) -> Option<String> {
    const WORDS: [(&str, u32); 15] = [
        ("muoi mot", 11),
        ("muoi hai", 12),
        ("muoi", 10),
        ("mot", 1),
        ("gieng", 1),
        ("hai", 2),
        ("ba", 3),
        ("tu", 4),
        ("bon", 4),
        ("nam", 5),
        ("sau", 6),
        ("bay", 7),
        ("tam", 8),
        ("chin", 9),
        ("chap", 12),
    ];
    let at = key.find("thang ")? + "thang ".len();
    let rest = &key[at..];
    let (word, m) = WORDS.iter().find(|(w, _)| crate::ingest::header::starts_with_words(rest, w))?;
    Some(format!("{}{m}{}", &key[..at], &rest[word.len()..]))
}

/// A date in a file's name ("BC_NGVH_25.10.2024.xlsx", "BaoCao_20241020", "bao cao
/// 15-10-2024", "BC_2024-10-18"), in the reporting year `year` or the next: day, month and
/// year apart (day first, or the year first), or eight figures together (yyyymmdd, else
/// ddmmyyyy). `None` where the name has none, or two different ones.
pub fn date_in_name(name: &str, year: i32) -> Option<NaiveDate> {
    let stem = name.rsplit('/').next().unwrap_or(name);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    // Runs of figures, by where they start and end.
    let bytes = stem.as_bytes();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at].is_ascii_digit() {
            let end = bytes[at..].iter().position(|b| !b.is_ascii_digit()).map_or(bytes.len(), |n| at + n);
            runs.push((at, end));
            at = end;
        } else {
            at += 1;
        }
    }
    let num = |(from, to): (usize, usize)| stem[from..to].parse::<u32>().ok();
    let date = |y: Option<u32>, m: Option<u32>, d: Option<u32>| {
        NaiveDate::from_ymd_opt(i32::try_from(y?).ok()?, m?, d?).filter(|d| (year..=year + 1).contains(&d.year()))
    };
    let mut found = Vec::new();
    for (i, &(from, to)) in runs.iter().enumerate() {
        // Eight figures together: yyyymmdd, else ddmmyyyy.
        if to - from == 8 {
            let part = |a: usize, b: usize| num((from + a, from + b));
            found.extend(date(part(0, 4), part(4, 6), part(6, 8)).or_else(|| date(part(4, 8), part(2, 4), part(0, 2))));
        }
        // Three runs one mark apart: "25.10.2024", "2024-10-18".
        let Some(&[a, b, c]) = runs.get(i..i + 3) else { continue };
        let apart = |x: (usize, usize), y: (usize, usize)| y.0 == x.1 + 1 && b"._- ".contains(&bytes[x.1]);
        if apart(a, b) && apart(b, c) {
            match (a.1 - a.0, b.1 - b.0, c.1 - c.0) {
                (1 | 2, 1 | 2, 4) => found.extend(date(num(c), num(b), num(a))),
                (4, 1 | 2, 1 | 2) => found.extend(date(num(a), num(b), num(c))),
                _ => {}
            }
        }
    }
    found.sort();
    found.dedup();
    match found.as_slice() {
        [d] => Some(*d),
        _ => None,
    }
}

/// The month and year of a date whose day is left blank, to be written by hand at the
/// signing ("ngày    tháng 10 năm 2024", "ngày …/10/2024", "tháng mười năm 2024"): its
/// figures are a month and a four-digit year, and nothing else.
pub fn month_of(t: &str) -> Option<(i32, u32)> {
    let key = fold(t);
    // A month in words is followed by "năm" and the year: "tháng năm năm 2024" is May,
    // "tháng … năm 2024" no month.
    let key = match month_in_words(&key) {
        Some(k) if k.split(' ').skip_while(|w| *w != "thang").nth(2) == Some("nam") => k,
        Some(_) => return None,
        None => key,
    };
    let mut figures = key.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty());
    let (m, y) = (figures.next()?, figures.next()?);
    if figures.next().is_some() || m.len() > 2 || y.len() != 4 {
        return None;
    }
    let (y, m) = (y.parse::<i32>().ok()?, m.parse::<u32>().ok()?);
    ((1..=12).contains(&m) && (1990..=2100).contains(&y)).then_some((y, m))
}

/// A report date that reads only with a guess, in the reporting year `year` with its
/// deadline: a day and month with no year ("20/10", "20 tháng 10"), in the year of the two
/// (the reporting year or the next) that puts it nearer the deadline; or the month written
/// first, as an English-language system writes it ("10/20/2024": no month 20).
pub fn date_guess(t: &str, year: i32, deadline: Option<NaiveDate>) -> Option<NaiveDate> {
    let key = fold(t);
    // The letter O typed for a zero ("2O/10/2024"): the date with zeros.
    if let Some(fixed) = o_for_zero(&key) {
        return match date_text(&fixed) {
            DateRead::Date(d) => Some(d),
            _ => date_guess(&fixed, year, deadline),
        };
    }
    // A year split by a thousands point ("năm 2.024"): the date with the year joined.
    if let Some(fixed) = year_split(&key) {
        return match date_text(&fixed) {
            DateRead::Date(d) => Some(d),
            _ => None,
        };
    }
    // A date put into a text by a formula (="Ngày báo cáo: "&A1) is its serial number.
    if let Ok(serial @ 36_526..=73_050) = key.trim().parse::<u32>() {
        return NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(u64::from(serial)));
    }
    let key = month_in_words(&key).unwrap_or(key);
    let nums: Vec<u32> =
        key.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).map(|s| s.parse().ok()).collect::<Option<_>>()?;
    match nums.as_slice() {
        [d, m] => {
            let near = deadline.unwrap_or(NaiveDate::from_ymd_opt(year, 12, 31)?);
            [year, year + 1]
                .into_iter()
                .filter_map(|y| NaiveDate::from_ymd_opt(y, *m, *d))
                .min_by_key(|date| (*date - near).num_days().abs())
        }
        [m, d, y] if *y >= 1990 && *d > 12 => NaiveDate::from_ymd_opt(i32::try_from(*y).ok()?, *m, *d),
        _ => None,
    }
}

/// A folded text with a year split in two by a thousands point or space ("2 024", folded
/// from "2.024") joined; `None` where it has none. Only a year from 1990 to 2100. (Figures
/// with slashes and such a year, "20/10/2.024", `date_text` does not read either.)
fn year_split(key: &str) -> Option<String> {
    let digits = |w: &str, n: usize| w.len() == n && w.bytes().all(|b| b.is_ascii_digit());
    // (Looked for without allocating: most texts have none.)
    let mut words = key.split(' ').peekable();
    let mut at = 0;
    while let Some(w) = words.next() {
        let year = match words.peek() {
            Some(next) if digits(w, 1) && digits(next, 3) => u32::from(w.as_bytes()[0] - b'0') * 1000 + next.parse::<u32>().unwrap_or(0),
            _ => 0,
        };
        if (1990..=2100).contains(&year) {
            let mut out = key.to_string();
            out.remove(at + 1);
            return Some(out);
        }
        at += w.len() + 1;
    }
    None
}

/// A folded text with the letters "o" typed for zeros in its figures ("2o/1o/2024") made
/// zeros; `None` where it has none. A figure is a run of digits and such letters, with a
/// digit in it, between other characters than letters and digits.
fn o_for_zero(key: &str) -> Option<String> {
    let (mut out, mut token, mut found) = (String::with_capacity(key.len()), String::new(), false);
    let mut flush = |token: &mut String, out: &mut String| {
        let figure =
            token.contains('o') && token.bytes().any(|b| b.is_ascii_digit()) && token.bytes().all(|b| b.is_ascii_digit() || b == b'o');
        found |= figure;
        out.push_str(&if figure { token.replace('o', "0") } else { std::mem::take(token) });
        token.clear();
    };
    for c in key.chars() {
        if c.is_ascii_alphanumeric() {
            token.push(c);
        } else {
            flush(&mut token, &mut out);
            out.push(c);
        }
    }
    flush(&mut token, &mut out);
    found.then_some(out)
}

fn after(key: &str, word: &str) -> Option<u32> {
    let mut words = key.split(' ');
    words.position(|w| w == word)?;
    words.next()?.parse().ok()
}

fn ymd(y: u32, m: u32, d: u32) -> DateRead {
    let Ok(y) = i32::try_from(y) else {
        return DateRead::Bad;
    };
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) if (1990..=2100).contains(&date.year()) => DateRead::Date(date),
        _ => DateRead::Bad,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_difficulty_that_says_there_is_none() {
        for t in [
            "Không",
            "không.",
            "Không có",
            "Chưa có",
            "Không có khó khăn",
            "Không có khó khăn, vướng mắc",
            "Không có kiến nghị, đề xuất",
            "Không đề xuất",
            "Không có ý kiến",
            "Chưa phát sinh",
            "Không vướng mắc gì",
        ] {
            assert!(says_none(t), "{t:?}");
        }
        for t in [
            "Không có kinh phí",
            "Không đủ nhân lực",
            "Kinh phí còn hạn chế",
            "Không có khó khăn lớn nhưng thiếu người",
            "Đề nghị bổ sung kinh phí",
            "",
        ] {
            assert!(!says_none(t), "{t:?}");
        }
    }

    #[test]
    fn roles_as_written() {
        for (t, want) in [
            ("Chủ trì", Some(Role::Lead)),
            ("CT", Some(Role::Lead)),
            ("Cơ quan chủ trì", Some(Role::Lead)),
            ("Là cơ quan chủ trì", Some(Role::Lead)),
            ("Phối hợp thực hiện", Some(Role::Partner)),
            ("Đơn vị phối hợp", Some(Role::Partner)),
            ("Tham gia", Some(Role::Partner)),
            ("C.trì", Some(Role::Lead)),
            ("C.Trì", Some(Role::Lead)),
            ("Ctrì", Some(Role::Lead)),
            ("P.hợp", Some(Role::Partner)),
            ("P. Hợp", Some(Role::Partner)),
            ("Phợp", Some(Role::Partner)),
            ("Thực hiện", None),
            ("Cty", None),
        ] {
            assert_eq!(role(t), want, "{t:?}");
        }
    }

    #[test]
    fn a_form_s_status_codes() {
        use Status::*;
        let legend = status_legend;
        let three = vec![("1".to_string(), Done), ("2".to_string(), InProgress), ("3".to_string(), NotStarted)];
        assert_eq!(legend("Tình trạng (1: Hoàn thành; 2: Đang thực hiện; 3: Chưa thực hiện)"), three);
        assert_eq!(legend("Ghi chú: 1 - Hoàn thành, 2 - Đang thực hiện, 3 - Chưa thực hiện"), three);
        assert_eq!(legend("Tình trạng\n(1) Hoàn thành\n(2) Đang thực hiện\n(3) Chưa thực hiện"), three);
        assert_eq!(legend("Ghi chú: cột Tình trạng ghi 1 - Hoàn thành, 2 - Đang thực hiện, 3 - Chưa thực hiện"), three);
        assert_eq!(legend("A. Đã hoàn thành; B. Đang triển khai"), vec![("A".to_string(), Done), ("B".to_string(), InProgress)]);
        // Not a list of the words to write, nor one code alone.
        assert!(legend("Tình trạng: Hoàn thành, Đang thực hiện, Chưa thực hiện").is_empty());
        assert!(legend("Tình trạng (1: Hoàn thành)").is_empty());
        assert!(legend("Hoàn thành/Chưa hoàn thành").is_empty());
    }

    #[test]
    fn a_role_that_says_more() {
        assert!(role_says_more("Chủ trì (phối hợp với Sở VHTTDL)"));
        assert!(!role_says_more("Chủ trì"));
        assert!(!role_says_more("Là cơ quan chủ trì"));
        assert!(!role_says_more("Phối hợp"));
        assert!(!role_says_more("CT"));
        assert!(!role_says_more("Chủ trì thực hiện"));
        assert!(!role_says_more("Phối hợp triển khai"));
    }

    #[test]
    fn a_budget_that_says_more() {
        for (t, more) in [
            ("15 triệu", false),
            ("15.000.000 đồng", false),
            ("khoảng 30 triệu", false),
            ("1 tỷ 200 triệu", false),
            ("15.000.000 (Mười lăm triệu đồng)", false),
            ("30 (NSNN)", false),
            ("Không phát sinh", false),
            ("Chưa sử dụng kinh phí", false),
            ("15 triệu; đã quyết toán", true),
            ("15 (dự toán 20)", true),
            ("NSĐP: 10; XHH: 5", true),
            ("15 tr (giải ngân 100%)", true),
        ] {
            assert_eq!(budget_says_more(t), more, "{t}");
        }
    }

    #[test]
    fn a_status_that_says_more() {
        for (t, more) in [
            ("Hoàn thành", false),
            ("Hoàn thành đúng tiến độ", false),
            ("Hoàn thành tốt", false),
            ("Đã hoàn thành 100% kế hoạch", false),
            ("Đang thực hiện, dự kiến xong tháng 12", true),
            ("Chưa thực hiện do thiếu kinh phí", true),
            ("Hoàn thành; đã tổ chức 2 hội nghị", true),
            ("Chưa triển khai thực hiện", false),
            ("Đang tiếp tục thực hiện", false),
            ("Đang thực hiện thường xuyên", false),
            ("Đang thực hiện theo kế hoạch", false),
            ("Hoàn thành 15/6/2024", true),
            ("Hoàn thành tháng 6", true),
            ("Hoàn thành ngày 15 tháng 6", true),
            ("Đạt 100%", false),
        ] {
            assert_eq!(status_says_more(t), more, "{t}");
        }
    }

    #[test]
    fn a_time_alone_is_no_status() {
        for t in [
            "Tháng 6/2024",
            "Quý II/2024",
            "quý IV",
            "15/06/2024",
            "Năm 2024",
            "6 tháng đầu năm",
            "Cả năm",
            "Trong năm",
            "Tháng 12",
            "2024",
        ] {
            assert!(period_only(t), "{t}");
            assert_eq!(status(t), Status::Unknown, "{t}");
        }
        for t in ["", "Hoàn thành tháng 6", "Đang thực hiện", "Quý II hoàn thành", "x"] {
            assert!(!period_only(t), "{t}");
        }
    }

    #[test]
    fn statuses() {
        let cases = [
            ("Chờ kinh phí", Status::NotStarted),
            ("Đang chờ bố trí kinh phí", Status::NotStarted),
            ("Đang chờ kinh phí", Status::NotStarted),
            ("Ngừng thực hiện", Status::NotStarted),
            ("Dừng thực hiện do dịch bệnh", Status::NotStarted),
            ("Tạm dừng", Status::Unknown),
            ("Đang đợi kinh phí", Status::NotStarted),
            ("Đã thực hiện 1 phần", Status::InProgress),
            ("Đã triển khai một phần", Status::InProgress),
            ("Triển khai xong", Status::Done),
            ("Vượt chỉ tiêu", Status::Done),
            ("HTT", Status::Done),
            ("Lùi thời gian tổ chức", Status::NotStarted),
            ("Bãi bỏ", Status::NotStarted),
            ("Đúng tiến độ", Status::InProgress),
            ("Thực hiện tốt", Status::Done),
            ("Done", Status::Done),
            ("Completed", Status::Done),
            ("In progress", Status::InProgress),
            ("Not started", Status::NotStarted),
            ("Hoàn thành", Status::Done),
            ("Đã hoàn thành", Status::Done),
            ("HT", Status::Done),
            ("Đã HT", Status::Done),
            ("Đã TH", Status::Done),
            ("Chưa HT", Status::InProgress),
            ("Chưa TH", Status::NotStarted),
            ("ĐHT", Status::Done),
            ("CHT", Status::InProgress),
            ("Chưa xong", Status::InProgress),
            ("Chưa kết thúc", Status::InProgress),
            ("Gần hoàn thành", Status::InProgress),
            ("Tiếp tục", Status::InProgress),
            ("Đã nghiệm thu", Status::Done),
            ("Đã phát hành", Status::Done),
            // ("Đã đăng" folds as "Đa dạng" does: not a status.)
            ("Đa dạng hóa", Status::Unknown),
            ("Chưa có kinh phí", Status::NotStarted),
            ("hoàn thành đúng tiến độ", Status::Done),
            ("Đang thực hiện", Status::InProgress),
            ("Đang triển khai", Status::InProgress),
            ("Thực hiện thường xuyên", Status::InProgress),
            ("Hoàn thành (vượt 10%)", Status::Done),
            ("Cơ bản hoàn thành", Status::Done),
            ("Đã ký kết", Status::Done),
            ("Đã làm", Status::Done),
            ("Đã hoàn thiện", Status::Done),
            ("Không triển khai", Status::NotStarted),
            ("Đã trình UBND tỉnh", Status::InProgress),
            ("Đã phê duyệt", Status::Done),
            ("Kết thúc", Status::Done),
            ("Vượt tiến độ", Status::InProgress),
            ("Hoàn thành vượt tiến độ", Status::Done),
            ("Chuyển tiếp", Status::InProgress),
            ("HTXS", Status::Done),
            ("Đã báo cáo UBND tỉnh", Status::Done),
            // A plan for later is no status: "Dự kiến hoàn thành tháng 12" is under way.
            ("Dự kiến quý IV", Status::Unknown),
            ("Vượt kế hoạch", Status::Done),
            ("Chậm tiến độ", Status::InProgress),
            ("Chậm", Status::InProgress),
            ("Chăm sóc di tích", Status::Unknown),
            ("Định kỳ", Status::InProgress),
            ("Còn đang thực hiện", Status::InProgress),
            ("Dự thảo", Status::InProgress),
            ("Đang dự thảo", Status::InProgress),
            ("Hoàn thành, tăng 20% so với năm trước", Status::Done),
            ("Duy trì thường xuyên", Status::InProgress),
            ("Đã tổ chức", Status::Done),
            ("Chưa hoàn thành", Status::InProgress),
            ("Chưa triển khai", Status::NotStarted),
            ("Chưa thực hiện", Status::NotStarted),
            ("Tốt", Status::Unknown),
            ("Hằng năm", Status::InProgress),
            ("Hàng quý", Status::InProgress),
            ("Hằng năm tổ chức 2 lớp", Status::Unknown),
            ("Đảm bảo tiến độ", Status::InProgress),
            ("Quá hạn 10 ngày", Status::InProgress),
            ("Trễ hạn", Status::InProgress),
            ("Chưa đạt", Status::InProgress),
            ("Không đạt", Status::InProgress),
            ("Đạt", Status::Done),
            ("Đã và đang triển khai", Status::InProgress),
            ("Cơ bản đạt", Status::Done),
            ("Đúng kế hoạch", Status::InProgress),
            ("", Status::Unknown),
            ("Hoàn thành một phần", Status::InProgress),
            ("Đã hoàn thành một phần kế hoạch", Status::InProgress),
            ("Hoàn thành một số nội dung", Status::InProgress),
            // A drop-down list's numbered options.
            ("1. Hoàn thành", Status::Done),
            ("2-Đang thực hiện", Status::InProgress),
            ("(3) Chưa thực hiện", Status::NotStarted),
            ("a) Đang thực hiện", Status::InProgress),
            ("Đã hoàn thành 1 phần", Status::InProgress),
            ("Không hoàn thành", Status::InProgress),
            ("Hoàn thành cơ bản", Status::Done),
            ("100%", Status::Done),
            ("Đạt 100 %", Status::Done),
            ("Vượt 120%", Status::Done),
            ("Hoàn thành 80% kế hoạch", Status::InProgress),
            ("66,5%", Status::InProgress),
            ("0%", Status::NotStarted),
            ("Hoàn thành 100% kế hoạch", Status::Done),
            ("%", Status::Unknown),
        ];
        for (t, want) in cases {
            assert_eq!(status(t), want, "{t:?}");
        }
    }

    #[test]
    fn money_with_no_figure_of_its_own_is_said_so() {
        for t in [
            "Lồng ghép",
            "Lồng ghép trong chương trình xúc tiến",
            "Kinh phí thường xuyên",
            "Trong dự toán được giao",
            "KP đơn vị tự đảm bảo",
            "Xã hội hóa",
            "Tài trợ",
            "Doanh nghiệp tài trợ",
            "Đã bao gồm ở mục 1",
            "Bao gồm trong kinh phí hội nghị",
            "Đã tính ở dòng trên",
            "Nằm trong kinh phí sự nghiệp",
            "Theo dự toán",
            "KP chi thường xuyên",
            "Nguồn sự nghiệp văn hóa",
            "Ngân sách tỉnh",
            "NSNN",
            "Từ nguồn chi thường xuyên",
            "Sử dụng nguồn xã hội hóa",
            "Bằng ngân sách tỉnh",
            "Do doanh nghiệp tài trợ",
            "KP sự nghiệp",
            "KP sự nghiệp văn hóa",
        ] {
            assert!(no_figure(t), "{t}");
        }
        // Free is nothing spent; so is none yet.
        for (t, want) in
            [("1tr2", 1.2), ("15tr500", 15.5), ("2tỷ5", 2500.0), ("1TR5", 1.5), ("20.000.000đ/năm", 20.0), ("20 triệu / Năm", 20.0)]
        {
            assert_eq!(budget(&Cell::Text(t.into()), Unit::Million), Budget::Millions(want), "{t}");
        }
        assert_eq!(budget(&Cell::Text("500.000đ/người".into()), Unit::Million), Budget::Unreadable);
        // A share alone is no amount (each was read as the figure, 100 and 50 million).
        for t in ["100%", "50 %", "12,5%"] {
            assert_eq!(budget(&Cell::Text(t.into()), Unit::Million), Budget::Unreadable, "{t}");
        }
        for t in ["Miễn phí", "Chưa có", "Chưa phát sinh"] {
            assert_eq!(budget(&Cell::Text(t.into()), Unit::Million), Budget::Millions(0.0), "{t}");
        }
        for t in ["Xã hội hóa 30 triệu", "abc", "Không quá 5 triệu", "Hội nghị"] {
            assert!(!no_figure(t), "{t}");
        }
    }

    #[test]
    fn a_number_in_the_status_column_is_a_share_where_it_cannot_be_a_code() {
        use Status::*;
        for (t, share, want) in [
            ("100", false, Done),
            ("80", false, InProgress),
            ("0.8", false, InProgress),
            ("0", false, NotStarted),
            ("1", true, Done),
            ("1", false, Unknown),
            ("2", false, Unknown),
            ("3", true, InProgress),
            ("120", false, Done),
            ("2024", false, Unknown),
            ("-1", true, Unknown),
            ("x", true, Unknown),
        ] {
            assert_eq!(status_number(t, share), want, "{t:?} {share}");
        }
        assert!(share_header("Tỷ lệ hoàn thành (%)") && share_header("Mức độ hoàn thành") && !share_header("Tình trạng"));
        assert_eq!(status("Thực hiện xong"), Done);
        assert_eq!(status("Chờ phê duyệt"), InProgress);
        for t in [
            "Hủy",
            "Đã hủy",
            "Tạm hoãn",
            "Hoãn lại",
            "Chuyển sang năm 2025",
            "Không phát sinh",
            "Hoãn",
            "Hoa\u{303}n",
            "Hoãn do dịch bệnh",
            "Dừng",
            "Lùi sang năm 2025",
            "Không đủ điều kiện thực hiện",
        ] {
            assert_eq!(status(t), NotStarted, "{t}");
        }
        assert_eq!(status("Hoàn thành"), Done);
        assert_eq!(status("Hoàn tất"), Done);
        assert_eq!(status("Đã cơ bản hoàn thành"), Done);
        for t in ["Hoàn", "Đúng", "Đúng hạn nộp"] {
            assert_eq!(status(t), Unknown, "{t}: not put off or stopped");
        }
        assert_eq!(status("Tạm dừng"), Unknown, "paused: neither, asked");
        for t in ["✓", " √ ", "✅"] {
            assert_eq!(status(t), Done, "{t}");
        }
        assert_eq!(status("x"), Unknown, "a cross may say not done");
    }

    #[test]
    fn numbers() {
        let cases = [
            ("1.500.000", Some(1_500_000.0)),
            ("1,5", Some(1.5)),
            ("1.5", Some(1.5)),
            ("1.500", Some(1500.0)),
            ("1.500.000,5", Some(1_500_000.5)),
            ("1,500,000.5", Some(1_500_000.5)),
            ("1,500,000", Some(1_500_000.0)),
            ("1,500", None),
            // A thousands group typed with the other mark: 15 thousand or 15 million?
            ("15,000.000", None),
            ("15.000,000", None),
            ("1.500.000,00", Some(1_500_000.0)),
            ("12", Some(12.0)),
            ("1 500 000", Some(1_500_000.0)),
            ("abc", None),
        ];
        for (s, want) in cases {
            assert_eq!(vn_number(s), want, "{s:?}");
        }
    }

    #[test]
    fn a_result_opening_with_a_status_says_it() {
        for (t, want) in [
            ("Đã hoàn thành 3 lớp tập huấn cho 120 cán bộ", Status::Done),
            ("Hoàn thành việc xây dựng cơ sở dữ liệu", Status::Done),
            ("Đang triển khai xây dựng đề án", Status::InProgress),
            ("Chưa hoàn thành do thiếu kinh phí", Status::InProgress),
            ("Chưa thực hiện do dịch bệnh", Status::NotStarted),
            ("Tăng 20% so với năm trước", Status::Unknown),
            ("Đạt giải nhất", Status::Unknown),
            ("Đang", Status::Unknown),
            ("Tổ chức 3 lớp", Status::Unknown),
            ("Tổ chức thành công 2 hội nghị", Status::Done),
            ("Đã cơ bản hoàn thành việc xây dựng đề án", Status::Done),
            ("Lùi sang năm 2025 do chưa có kinh phí", Status::NotStarted),
            ("Chuyển sang năm 2025 thực hiện", Status::NotStarted),
            ("Đã ban hành Kế hoạch số 12/KH-SNV", Status::Done),
            ("Đang xây dựng dự thảo đề án", Status::InProgress),
            ("Chưa tổ chức được do thiếu kinh phí", Status::NotStarted),
            ("Hoàn thành 80% khối lượng công việc", Status::InProgress),
            ("Hoàn thành 100% kế hoạch", Status::Done),
            ("Đã tổ chức 3 lớp, tăng 20% so với năm trước", Status::Done),
            ("Đã và đang triển khai các hoạt động quảng bá", Status::InProgress),
            ("Đã thực hiện 1 phần kế hoạch tuyên truyền", Status::InProgress),
            // Not "Đã", "Đang", "Chưa" alone: "Đảng ủy", "Đa dạng hóa", "Chùa Vĩnh Nghiêm".
            ("Đảng ủy Sở chỉ đạo xây dựng kế hoạch", Status::Unknown),
            ("Đa dạng hóa các hình thức tuyên truyền", Status::Unknown),
            ("Chùa Vĩnh Nghiêm đón đoàn khách quốc tế", Status::Unknown),
            ("Đã đón 3 đoàn khách quốc tế", Status::Done),
            ("Đã phát hành 2.000 cuốn sách ảnh", Status::Done),
            ("Đa dạng hóa các sản phẩm quảng bá", Status::Unknown),
            ("Đà Nẵng và Bắc Giang ký kết hợp tác", Status::Unknown),
            // Or closes with one, alone: in brackets, after a colon or a dash.
            ("Tổ chức hội nghị quán triệt (đã hoàn thành)", Status::Done),
            ("Tập huấn lễ tân: đang thực hiện", Status::InProgress),
            ("Hội thảo - đạt 100%", Status::Done),
            ("Liên hoan nghệ thuật (dự kiến tổ chức quý IV năm nay)", Status::Unknown),
            ("Đón đoàn (NV1)", Status::Unknown),
            ("Kết quả: 2 lớp", Status::Unknown),
        ] {
            assert_eq!(status_opening(t), want, "{t:?}");
        }
    }

    #[test]
    fn a_foreign_currency_is_told_by_its_code_sign_or_name() {
        for (t, code) in [
            ("5.000 USD", Some("USD")),
            ("$1,500", Some("USD")),
            ("3.000 đô la Mỹ", Some("USD")),
            ("5000đô", Some("USD")),
            ("1000 EUR", Some("EUR")),
            ("10.000 nhân dân tệ", Some("CNY")),
            ("500000 yên", Some("JPY")),
            ("Kinh phí (USD)", Some("USD")),
            ("Tài trợ (nghìn Euro)", Some("EUR")),
            ("¥20,000", Some("JPY/CNY")),
            // Vietnamese words that fold alike, not after a figure.
            ("Chưa kịp giải ngân", None),
            ("Kinh phí đó là của huyện", None),
            ("Hỗ trợ huyện Yên Thế", None),
            ("15 triệu đồng", None),
            ("Kinh phí (triệu đồng)", None),
        ] {
            assert_eq!(foreign_currency(t), code, "{t}");
        }
        // The same in đồng beside it is the amount.
        assert_eq!(dong_beside_foreign("50 (khoảng 2.000 USD)", Unit::Million), Some(50.0));
        assert_eq!(dong_beside_foreign("5.000 USD (tương đương 120 triệu đồng)", Unit::Million), Some(120.0));
        assert_eq!(dong_beside_foreign("5.000 USD (Hàn Quốc tài trợ)", Unit::Million), None);
        assert_eq!(dong_beside_foreign("30 triệu (1.200$)", Unit::Million), Some(30.0));
        // A sign after the figures is no amount in đồng, where it was read as one.
        for t in ["30$", "1.500 €", "$30", "20.000¥"] {
            assert_eq!(budget(&Cell::Text(t.into()), Unit::Million), Budget::Unreadable, "{t}");
        }
    }

    #[test]
    fn budgets() {
        use Budget::*;
        let m = Unit::Million;
        let cases = [
            (Cell::Number(15.0), m, Millions(15.0)),
            (Cell::Number(15_000_000.0), Unit::Dong, Millions(15.0)),
            (Cell::Number(15_000.0), Unit::Thousand, Millions(15.0)),
            (Cell::Text("15 triệu".into()), Unit::Dong, Millions(15.0)),
            (Cell::Text("1,2 tỷ".into()), m, Millions(1200.0)),
            (Cell::Text("1 tỷ 200 triệu".into()), m, Millions(1200.0)),
            (Cell::Text("Nguồn NSNN: 30 triệu".into()), m, Millions(30.0)),
            (Cell::Text("30 (NSNN)".into()), m, Millions(30.0)),
            (Cell::Text("25 ngân sách tỉnh".into()), m, Millions(25.0)),
            (Cell::Text("25 - NSNN".into()), m, Millions(25.0)),
            (Cell::Text("25 ngàn".into()), m, Millions(0.025)),
            (Cell::Text("800.000 đ".into()), m, Millions(0.8)),
            (Cell::Text("Đã giải ngân 15 triệu".into()), m, Millions(15.0)),
            (Cell::Text("Thực hiện 15".into()), m, Millions(15.0)),
            (Cell::Text("Dự toán 20".into()), m, Unreadable),
            // Beside the money allotted, the money spent.
            (Cell::Text("15 (dự toán 20)".into()), m, Millions(15.0)),
            (Cell::Text("Dự toán 20, thực hiện 15".into()), m, Millions(15.0)),
            (Cell::Text("Được giao: 20 triệu; Đã chi: 15 triệu".into()), m, Millions(15.0)),
            (Cell::Text("Thực hiện 15; dự toán 20".into()), m, Millions(15.0)),
            (Cell::Text("Dự toán 20, dự kiến 25".into()), m, Unreadable),
            (Cell::Text("15\u{202f}000\u{202f}000 đ".into()), m, Millions(15.0)),
            (Cell::Text("15\u{a0}000\u{a0}000".into()), Unit::Dong, Millions(15.0)),
            (Cell::Text("15.000.000 ₫".into()), m, Millions(15.0)),
            (Cell::Text("₫15.000.000".into()), m, Millions(15.0)),
            (Cell::Text("VNĐ 15.000.000".into()), m, Millions(15.0)),
            (Cell::Text("đ15.000.000".into()), m, Millions(15.0)),
            (Cell::Number(800_000.0), Unit::Dong, Millions(0.8)),
            (Cell::Text("1 tỷ rưỡi".into()), m, Millions(1500.0)),
            (Cell::Text("2 triệu rưỡi".into()), m, Millions(2.5)),
            (Cell::Text("15.000.000 (Mười lăm triệu đồng)".into()), m, Millions(15.0)),
            (Cell::Text("1.500.000 đồng (Bằng chữ: Một triệu năm trăm nghìn đồng)".into()), m, Millions(1.5)),
            (Cell::Text("30 (2 đợt)".into()), m, Unreadable),
            // Amounts by source in one cell, added up; each part must be an amount.
            (Cell::Text("NSNN: 30; XHH: 20".into()), m, Millions(50.0)),
            (Cell::Text("10 + 5".into()), m, Millions(15.0)),
            (Cell::Text("10tr (NS tỉnh), 5tr (XHH)".into()), m, Millions(15.0)),
            // The source's name before its amount with no colon (each was unreadable).
            (Cell::Text("NSNN 10".into()), m, Millions(10.0)),
            (Cell::Text("NSNN 10, XHH 5".into()), m, Millions(15.0)),
            (Cell::Text("NS tỉnh 10 triệu; XHH 500 nghìn".into()), m, Millions(10.5)),
            (Cell::Text("Hội nghị 10".into()), m, Unreadable),
            // Joined amounts added up, not the first taken for the whole; a total before its
            // parts by source.
            (Cell::Text("10 (NS tỉnh) + 5 (XHH)".into()), m, Millions(15.0)),
            (Cell::Text("10 triệu (NS) và 5 triệu (XHH)".into()), m, Millions(15.0)),
            (Cell::Text("Tổng: 15 (NS 10, XHH 5)".into()), m, Millions(15.0)),
            (Cell::Text("15 triệu; đã quyết toán".into()), m, Millions(15.0)),
            (Cell::Text("15 tr (giải ngân 100%)".into()), m, Millions(15.0)),
            (Cell::Text("NS tỉnh: 10\nXHH: 500 nghìn".into()), m, Millions(10.5)),
            (Cell::Text("10; Hội nghị".into()), m, Unreadable),
            // A unit in brackets is the amount's, not a source: not 20,000 millions.
            (Cell::Text("20.000 (nghìn đồng)".into()), m, Millions(20.0)),
            (Cell::Text("2 triệu 500 nghìn đồng".into()), Unit::Dong, Millions(2.5)),
            (Cell::Text("1 tỷ 2".into()), m, Millions(1200.0)),
            (Cell::Text("1 tỷ 250".into()), m, Millions(1250.0)),
            (Cell::Text("2 triệu 500".into()), Unit::Dong, Millions(2.5)),
            (Cell::Text("1 tỷ 2500".into()), m, Unreadable),
            (Cell::Text("1 tỷ 2,5 triệu".into()), m, Millions(1002.5)),
            (Cell::Text("200 triệu 1 tỷ".into()), m, Unreadable),
            (Cell::Text("1.500.000 đồng".into()), m, Millions(1.5)),
            (Cell::Text("1.500.000".into()), Unit::Dong, Millions(1.5)),
            (Cell::Text("1,5".into()), m, Millions(1.5)),
            (Cell::Text("-".into()), m, Millions(0.0)),
            (Cell::Empty, m, Blank),
            (Cell::Text("khoảng vài chục".into()), m, Unreadable),
            (Cell::Text("Khoảng 30 triệu".into()), m, Millions(30.0)),
            (Cell::Text("~30".into()), m, Millions(30.0)),
            (Cell::Text("ước tính 1,2 tỷ".into()), m, Millions(1200.0)),
            (Cell::Text("Trên 30 triệu".into()), m, Unreadable),
            (Cell::Text("500k".into()), m, Millions(0.5)),
            (Cell::Text("500 ng.đ".into()), m, Millions(0.5)),
            (Cell::Text("500 ngđ".into()), m, Millions(0.5)),
            (Cell::Text("Không phát sinh".into()), m, Millions(0.0)),
            (Cell::Text("Không sử dụng kinh phí".into()), m, Millions(0.0)),
            (Cell::Text("Không quá 5 triệu".into()), m, Unreadable),
            (Cell::Text("Lồng ghép".into()), m, Unreadable),
            (Cell::Text("1,500".into()), m, Unreadable),
            // A sum in đồng typed into a millions column: off by a million, flagged.
            (Cell::Number(25_000_000.0), m, Suspect(25_000_000.0)),
            (Cell::Error("#REF!".into()), m, Unreadable),
        ];
        for (cell, unit, want) in cases {
            assert_eq!(budget(&cell, unit), want, "{cell:?} in {unit:?}");
        }
        // Millions typed into a đồng column: 25 đồng is no activity's budget.
        assert!(matches!(budget(&Cell::Number(25.0), Unit::Dong), Suspect(_)));
    }

    #[test]
    fn units_from_headers() {
        for (h, u) in [
            ("Kinh phí (triệu đồng)", Unit::Million),
            ("Kinh phí\n(Tr.đ)", Unit::Million),
            ("Kinh phí (đồng)", Unit::Dong),
            ("Kinh phí (VNĐ)", Unit::Dong),
            ("Kinh phí (nghìn đồng)", Unit::Thousand),
            ("Kinh phí (1.000 đồng)", Unit::Thousand),
            ("Kinh phí (1000đ)", Unit::Thousand),
            ("Kinh phí (1.000đ)", Unit::Thousand),
            ("Kinh phí (1.000.000 đồng)", Unit::Million),
            ("Kinh phí năm 2024 (đồng)", Unit::Dong),
            ("Kinh phí", Unit::Million),
        ] {
            assert_eq!(Unit::from_header(h), u, "{h}");
        }
        assert_eq!(Unit::named("Kinh phí năm 2024"), None);
        assert_eq!(Unit::named("ĐVT: 1.000 đồng"), Some(Unit::Thousand));
        for times in ["Kinh phí (x1000 đồng)", "Kinh phí (x1.000đ)", "Kinh phí (x 1.000 VNĐ)", "Kinh phí (x1000đ)"] {
            assert_eq!(Unit::named(times), Some(Unit::Thousand), "{times}");
        }
        assert_eq!(Unit::named("Kinh phí (x1.000.000đ)"), Some(Unit::Million));
        // "Ngân sách" is the budget, not "ngàn" (a thousand), which folds alike.
        assert_eq!(Unit::named("Ngân sách"), None);
        assert_eq!(Unit::named("Kinh phí huyện Lục Ngạn"), None);
        assert_eq!(Unit::named("Kinh phí giải ngân"), None);
        assert_eq!(Unit::named("Kinh phí giải ngân (ngàn đồng)"), Some(Unit::Thousand));
        assert_eq!(Unit::named("Ngân sách tỉnh (ngàn đồng)"), Some(Unit::Thousand));
        assert_eq!(Unit::named("Kinh phí (ngàn đồng)"), Some(Unit::Thousand));
    }

    #[test]
    fn dates() {
        let d = |y, m, dd| DateRead::Date(NaiveDate::from_ymd_opt(y, m, dd).unwrap());
        let cases = [
            (Cell::Text("20/10/2024".into()), d(2024, 10, 20)),
            (Cell::Text("20-10-2024".into()), d(2024, 10, 20)),
            (Cell::Text("05/11/2024".into()), d(2024, 11, 5)),
            (Cell::Text("ngày 20 tháng 10 năm 2024".into()), d(2024, 10, 20)),
            (Cell::Text("Bắc Giang, ngày 03 tháng 11 năm 2023".into()), d(2023, 11, 3)),
            (Cell::Text("2024-10-20".into()), d(2024, 10, 20)),
            (Cell::Text("20/10/24".into()), d(2024, 10, 20)),
            (Cell::Text("31/02/2024".into()), DateRead::Bad),
            (Cell::Text("ngày … tháng … năm 2024".into()), DateRead::Bad),
            (Cell::Text("25-Oct-2024".into()), d(2024, 10, 25)),
            (Cell::Text("Oct 25, 2024".into()), d(2024, 10, 25)),
            (Cell::Text("25 October 2024".into()), d(2024, 10, 25)),
            (Cell::Text("25/X/2024".into()), d(2024, 10, 25)),
            (Cell::Text("Bắc Giang, ngày 25 tháng XI năm 2024".into()), d(2024, 11, 25)),
            (Cell::Text("31-Feb-2024".into()), DateRead::Bad),
            (Cell::Text("V/v báo cáo 25 năm 2024".into()), DateRead::Bad),
            // The month in words.
            (Cell::Text("20 tháng mười năm 2024".into()), d(2024, 10, 20)),
            (Cell::Text("Bắc Giang, ngày 05 tháng Mười Một năm 2024".into()), d(2024, 11, 5)),
            (Cell::Text("ngày 20 tháng năm năm 2024".into()), d(2024, 5, 20)),
            (Cell::Text("ngày 20 tháng tư năm 2024".into()), d(2024, 4, 20)),
            // The year in two figures; the day and month in figures before the year in words.
            (Cell::Text("Bắc Giang, ngày 20 tháng 10 năm 24".into()), d(2024, 10, 20)),
            (Cell::Text("Bắc Giang, ngày 20/10 năm 2024".into()), d(2024, 10, 20)),
            (Cell::Number(45585.0), d(2024, 10, 20)),
            (Cell::Empty, DateRead::Blank),
        ];
        for (cell, want) in cases {
            assert_eq!(date(&cell), want, "{cell:?}");
        }
    }

    #[test]
    fn tick_marks() {
        for t in ["x", "X", "✓", "√", "v", "+", "•", "có", " x ", "ü", "þ", "P", "R", "✅"] {
            assert!(ticked(&Cell::Text(t.into())), "{t:?}");
        }
        for t in ["", "-", "không", "0", "Đang làm"] {
            assert!(!ticked(&Cell::Text(t.into())), "{t:?}");
        }
        assert!(ticked(&Cell::Number(1.0)) && !ticked(&Cell::Number(0.0)) && !ticked(&Cell::Empty));
    }

    #[test]
    fn a_date_that_reads_only_with_a_guess() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        let deadline = d(2024, 10, 25);
        // No year: the reporting year's or the next's, whichever is nearer the deadline.
        assert_eq!(date_guess("20/10", 2024, deadline), d(2024, 10, 20));
        assert_eq!(date_guess("20 tháng 10", 2024, deadline), d(2024, 10, 20));
        assert_eq!(date_guess("15/01", 2024, deadline), d(2025, 1, 15));
        assert_eq!(date_guess("05/06", 2024, deadline), d(2024, 6, 5));
        // The month first, where the day-first reading has no such month.
        assert_eq!(date_guess("10/20/2024", 2024, deadline), d(2024, 10, 20));
        // The letter O for a zero: not read as written ("2O/10/2024" was the 2nd), guessed.
        for t in ["2O/10/2024", "20/1O/2024", "20/10/2O24", "ngày 2O tháng 10 năm 2024"] {
            assert_eq!(date_text(t), DateRead::Bad, "{t}");
            assert_eq!(date_guess(t, 2024, deadline), d(2024, 10, 20), "{t}");
        }
        // A year split by a thousands point or space: not read as written ("năm 2.024" was
        // 2002), guessed.
        for t in ["Bắc Giang, ngày 20 tháng 10 năm 2.024", "20/10/2.024", "ngày 20 tháng 10 năm 2 024"] {
            assert_eq!(date_text(t), DateRead::Bad, "{t}");
            assert_eq!(date_guess(t, 2024, deadline), d(2024, 10, 20), "{t}");
        }
        assert_eq!(date_text("ngày 2 tháng 10 năm 2024"), DateRead::Date(NaiveDate::from_ymd_opt(2024, 10, 2).unwrap()));
        assert_eq!(date_text("Sở Ngoại vụ, ngày 20/10/2024"), DateRead::Date(NaiveDate::from_ymd_opt(2024, 10, 20).unwrap()));
        // The weekday in figures is not the day.
        for t in ["thứ 2 ngày 21/10/2024", "Thứ 2, 21/10/2024", "Bắc Giang, thứ 2 ngày 21 tháng 10 năm 2024"] {
            assert_eq!(date_text(t), DateRead::Date(NaiveDate::from_ymd_opt(2024, 10, 21).unwrap()), "{t}");
        }
        // A date a formula put into a text, as its serial number.
        assert_eq!(date_guess("45585", 2024, deadline), d(2024, 10, 20));
        // Nothing to guess from.
        for t in ["31/02", "05/06/2024", "2024", "20", "1/2/3/4"] {
            assert_eq!(date_guess(t, 2024, deadline), None, "{t}");
        }
    }

    #[test]
    fn a_date_in_a_file_s_name() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        for (name, want) in [
            ("BC_NGVH_25.10.2024.xlsx", d(2024, 10, 25)),
            ("BaoCao_20241020.xlsx", d(2024, 10, 20)),
            ("Cong an/bao cao ngay 15-10-2024.xls", d(2024, 10, 15)),
            ("BC_2024-10-18.xlsx", d(2024, 10, 18)),
            ("BC 20102024.xlsx", d(2024, 10, 20)),
            ("BC_5_1_2025.xlsx", d(2025, 1, 5)),
            // No date, another year's, or two.
            ("BC 2024.xlsx", None),
            ("BC_NGVH_25.10.2022.xlsx", None),
            ("KH 123-2024.xlsx", None),
            ("BC 15.10.2024 sua 20.10.2024.xlsx", None),
            ("so 1234567890.xlsx", None),
        ] {
            assert_eq!(date_in_name(name, 2024), want, "{name}");
        }
    }

    #[test]
    fn a_date_with_its_day_left_blank() {
        for t in [
            "Bắc Giang, ngày    tháng 10 năm 2024",
            "Yên Thế, ngày … tháng 10 năm 2024",
            "ngày ..... tháng 10 năm 2024",
            "ngày …/10/2024",
            "  /10/2024",
            "tháng 10/2024",
            "Bắc Giang, tháng mười năm 2024",
        ] {
            assert_eq!(month_of(t), Some((2024, 10)), "{t}");
        }
        assert_eq!(month_of("ngày    tháng năm năm 2024"), Some((2024, 5)));
        // A day written, the month or the year blank, or not a month.
        for t in [
            "ngày 20 tháng 10 năm 2024",
            "ngày … tháng … năm 2024",
            "ngày    tháng    năm 2024",
            "ngày 20 tháng … năm 2024",
            "ngày … tháng 10 năm 20…",
            "13/2024",
            "10/24",
        ] {
            assert_eq!(month_of(t), None, "{t}");
        }
    }
}
