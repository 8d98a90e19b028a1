//! The parts of an administrative document around its table: the row numbering the
//! columns under the header ("(1) (2) (3)…", "A B 1 2…"), and the signing block under the
//! table (the place-and-date line, "Nơi nhận:", "KT. GIÁM ĐỐC", "Người lập biểu", the
//! signer's name). Reports follow the state's form for documents, so clerks add both.
//!
//! Owns: telling those rows from data rows. Does not own: reading the date the signing
//! block states (see `normalise`).

use crate::text::fold_within;

/// Whether a row under the header numbers the columns: at least three cells, every
/// non-empty one a column number ("1", "(2)", "[3]", "(6)=(4)+(5)") or letter ("A",
/// "(B)"), numbers and letters each rising from left to right, a number by no more than
/// the columns it moved. A data row always has some text that is not a number, or a
/// number out of step (an amount), so it is never one.
pub fn is_numbering_row(cells: &[String]) -> bool {
    numbering(cells.iter().map(|t| Some(column_label(t.trim())).filter(|_| !t.trim().is_empty())))
}

/// `is_numbering_row` on cells as the reader gives them (a numbering row typed as numbers
/// is numbers), for rows further down: a second table's numbering row.
pub fn is_numbering_data(cells: &[calamine::Data]) -> bool {
    use calamine::Data;
    numbering(cells.iter().map(|d| match d {
        Data::Empty => None,
        Data::String(t) if t.trim().is_empty() => None,
        // A column's label is short: a longer text is not one, without looking further.
        Data::String(t) if t.len() > 24 => Some(None),
        Data::String(t) => Some(column_label(t.trim())),
        Data::Int(n) => Some(u32::try_from(*n).ok().filter(|&n| (1..100).contains(&n)).map(Label::Number)),
        Data::Float(f) if f.fract() == 0.0 && (1.0..100.0).contains(f) => Some(Some(Label::Number(*f as u32))),
        _ => Some(None),
    }))
}

/// Whether a row's cells (`None` empty, `Some(None)` not a column label) number columns.
fn numbering(cells: impl Iterator<Item = Option<Option<Label>>>) -> bool {
    let (mut count, mut last_number, mut last_letter) = (0, None::<(u32, usize)>, 0u8);
    for (c, label) in cells.enumerate().filter_map(|(c, l)| l.map(|l| (c, l))) {
        match label {
            Some(Label::Number(n)) if last_number.is_none_or(|(m, at)| n > m && (n - m) as usize <= c - at) => last_number = Some((n, c)),
            Some(Label::Letter(l)) if l > last_letter => last_letter = l,
            _ => return false,
        }
        count += 1;
    }
    count >= 3
}

enum Label {
    Number(u32),
    Letter(u8),
}

/// A column's label in a numbering row: the part before any formula ("(6)=(4)x(5)") is the
/// label, and the formula may hold only numbers, brackets and operators.
fn column_label(t: &str) -> Option<Label> {
    let (label, formula) = t.split_once('=').unwrap_or((t, ""));
    if !formula.chars().all(|c| c.is_ascii_digit() || "()[]+-*/xX.,: ".contains(c)) {
        return None;
    }
    let label = label.trim();
    let inner = label
        .strip_prefix('(')
        .and_then(|l| l.strip_suffix(')'))
        .or_else(|| label.strip_prefix('[').and_then(|l| l.strip_suffix(']')))
        .unwrap_or(label)
        .trim();
    match inner.as_bytes() {
        [l] if l.is_ascii_alphabetic() => Some(Label::Letter(l.to_ascii_uppercase())),
        [_] | [_, _] if inner.bytes().all(|b| b.is_ascii_digit()) => inner.parse().ok().filter(|&n| n > 0).map(Label::Number),
        _ => None,
    }
}

/// What a cell of a signing block says, if it is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signing {
    /// The place-and-date line ("Bắc Giang, ngày 20 tháng 10 năm 2024"), filled in or not.
    DateLine,
    /// A signer's title, "Nơi nhận:", "(Ký, ghi rõ họ tên)".
    Other,
}

/// Titles over a signature and the other fixed lines of a signing block, folded. With
/// "KT.", "TM.", "TL.", "TUQ." or "Q." before them (signing for someone) too.
const SIGNING_LINES: &[&str] = &[
    "noi nhan",
    "nguoi lap bieu",
    "nguoi lap bang",
    "nguoi lap",
    "nguoi tong hop",
    "nguoi bao cao",
    "thu truong don vi",
    "thu truong co quan",
    "thu truong",
    "lanh dao don vi",
    "xac nhan cua thu truong don vi",
    "xac nhan cua lanh dao",
    "giam doc",
    "pho giam doc",
    "chu tich",
    "pho chu tich",
    "truong ban",
    "pho truong ban",
    "truong phong",
    "pho truong phong",
    "chanh van phong",
    "pho chanh van phong",
    "ky ghi ro ho ten",
    "ky ten",
    "ky ten dong dau",
    "ky ghi ro ho ten dong dau",
    "ky dong dau",
];

/// Whether a cell's text is a line of a signing block, and which.
pub fn signing_line(t: &str) -> Option<Signing> {
    // Signing lines are short and of more than one word: other cells (a task "NV1", an
    // activity) are not folded to find out. This runs for the first cell of every row.
    if t.len() > 160 || !t.trim().contains(char::is_whitespace) {
        return None;
    }
    if let Some(spaced) = unglued_date(t) {
        return signing_line(&spaced);
    }
    let key = fold_within(t, 64)?;
    // The place ends at a comma ("Bắc Giang, ngày …"), which folding drops; or, the comma
    // left out, it is a few words in capitals ("Bắc Giang ngày 20/10/2024").
    let place_before = || {
        let words: Vec<&str> = t.split_whitespace().collect();
        words.iter().position(|w| crate::text::fold(w) == "ngay").is_some_and(|at| at > 0 && is_place(&words[..at].join(" ")))
    };
    if is_date_line(&key) && (key.starts_with("ngay") || t.contains(',') || place_before()) {
        return Some(Signing::DateLine);
    }
    // The place and the date in figures, "ngày" left out ("Bắc Giang, 20/10/2024"): a place
    // is a few words in capitals ("Hội nghị, 20/10/2024" is not one).
    if let Some((place, date)) = t.split_once(',') {
        if is_place(place) && only_a_date(date) {
            return Some(Signing::DateLine);
        }
    }
    // The comma left out too ("Bắc Giang 20/10/2024"): the place's words capitalised, not
    // typed in capitals, as a title's are ("KẾT QUẢ ĐẾN 30/9/2024" is the day a report
    // counts up to, not the day it was sent).
    if let Some((place, date)) = t.trim().rsplit_once(char::is_whitespace) {
        let capitalised = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() <= 2 || w.chars().skip(1).any(char::is_lowercase);
        if is_place(place) && place.split_whitespace().all(capitalised) && only_a_date(date) {
            return Some(Signing::DateLine);
        }
    }
    let words: Vec<&str> = key.split(' ').collect();
    let title = match words.as_slice() {
        // "TM. Ủy ban nhân dân huyện": signing on behalf of a body, whatever its name.
        ["tm", _, ..] => return Some(Signing::Other),
        ["kt" | "tl" | "tuq" | "q", rest @ ..] => rest.join(" "),
        _ => key.clone(),
    };
    SIGNING_LINES.contains(&title.as_str()).then_some(Signing::Other)
}

/// A date line typed with its words and figures run together ("Bắc Giang, ngày20 tháng10
/// năm2024", "ngày 20tháng 10năm 2024"), spaced out; `None` where none is.
pub fn unglued_date(t: &str) -> Option<String> {
    // (A figure beside the last letter of "ngày", "tháng", "năm" or the first: most texts
    // are passed over here, as this runs for the first cell of every row.)
    let b = t.as_bytes();
    let maybe = b.windows(2).any(|w| {
        (w[1].is_ascii_digit() && matches!(w[0], b'y' | b'g' | b'm' | b'Y' | b'G' | b'M'))
            || (w[0].is_ascii_digit() && matches!(w[1], b'n' | b't' | b'N' | b'T'))
    });
    if !maybe {
        return None;
    }
    let lower = t.to_lowercase();
    let glued = ["ngày", "tháng", "năm"].iter().any(|w| {
        lower.match_indices(w).any(|(at, _)| {
            let after = lower[at + w.len()..].starts_with(|c: char| c.is_ascii_digit());
            let before = lower[..at].ends_with(|c: char| c.is_ascii_digit());
            after || before
        })
    });
    if !glued {
        return None;
    }
    let mut out = String::with_capacity(t.len() + 8);
    let mut prev: Option<char> = None;
    for c in t.chars() {
        if let Some(p) = prev {
            if (p.is_alphabetic() && c.is_ascii_digit()) || (p.is_ascii_digit() && c.is_alphabetic()) {
                out.push(' ');
            }
        }
        out.push(c);
        prev = Some(c);
    }
    Some(out)
}

/// Whether a text opens a place-and-date line whose date is in the next cell ("Bắc Giang,
/// ngày" | 20/10/2024, "Bắc Giang," | 20/10/2024): a place of a few words in capitals, a
/// comma, and "ngày" or nothing after it.
pub fn place_date_opening(t: &str) -> bool {
    // (Or "Ngày" alone, with no place: "Ngày" | 20 | "tháng" | 10 | "năm" | 2024.)
    if t.len() <= 12 && crate::text::fold(t) == "ngay" {
        return true;
    }
    let Some((place, rest)) = t.split_once(',') else { return false };
    is_place(place) && t.len() <= 80 && matches!(crate::text::fold(rest).as_str(), "" | "ngay")
}

/// Whether a text before a comma may be a place's name: a few words, each in capitals
/// ("Bắc Giang", "TP. Lai Châu"; not "Hội nghị").
fn is_place(t: &str) -> bool {
    (1..=5).contains(&t.split_whitespace().count()) && t.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// The place-and-date line an opening ("Bắc Giang, ngày") and the texts of the cells after
/// it make, where they make one.
pub fn joined_date_line(opening: &str, rest: &[String]) -> Option<String> {
    if rest.is_empty() {
        return None;
    }
    let line = format!("{} {}", opening.trim_end(), rest.join(" "));
    (signing_line(&line) == Some(Signing::DateLine)).then_some(line)
}

/// Titles a signer holds over a body's name ("GIÁM ĐỐC SỞ NGOẠI VỤ"), folded.
pub const SIGNER_TITLES: &[&str] = &[
    "giam doc",
    "pho giam doc",
    "chu tich",
    "pho chu tich",
    "thu truong",
    "thu truong co quan",
    "thu truong don vi",
    "truong phong",
    "chanh van phong",
    "tong bien tap",
    "truong ban",
    "chu nhiem",
];

/// The body a line of a signing block signs for, folded: "TM. ỦY BAN NHÂN DÂN HUYỆN LỤC
/// NGẠN" → "uy ban nhan dan huyen luc ngan"; also "GIÁM ĐỐC SỞ NGOẠI VỤ", "KT. GIÁM ĐỐC SỞ
/// NỘI VỤ". None for "KT. GIÁM ĐỐC" alone, and for "Nơi nhận:" and its list (bodies the
/// report goes to).
pub fn signer_body(t: &str) -> Option<String> {
    if t.len() > 200 || !t.trim().contains(char::is_whitespace) {
        return None;
    }
    let key = fold_within(t, 160)?;
    let words: Vec<&str> = key.split(' ').collect();
    let rest: &[&str] = match words.as_slice() {
        ["tm" | "tuq", rest @ ..] | ["t", "m", rest @ ..] => rest,
        ["kt" | "tl" | "q", rest @ ..] => rest,
        all => all,
    };
    let rest = rest.join(" ");
    let body = SIGNER_TITLES
        .iter()
        .filter(|w| crate::ingest::header::starts_with_words(&rest, w))
        .max_by_key(|w| w.len())
        .map_or(rest.as_str(), |w| rest[w.len()..].trim_start());
    // "TM." signs for a body whatever follows; a title alone names none.
    let on_behalf = matches!(words.as_slice(), ["tm", ..] | ["t", "m", ..]);
    (body.split(' ').filter(|w| !w.is_empty()).count() >= 2 && (on_behalf || body != rest)).then(|| body.to_string())
}

/// Whether a text is a date and nothing more (a full stop after it allowed): in figures,
/// day first ("20/10/2024", "20-10-2024", "20.10.2024"; its year in two figures too,
/// "20-10-24", as "ngày 20/10/24" is read), or in words ("20 tháng 10 năm 2024").
pub fn only_a_date(t: &str) -> bool {
    let date = t.trim().trim_end_matches('.');
    if date.len() > 40 {
        return false;
    }
    let parts: Vec<&str> = date.split(['/', '-', '.']).collect();
    let figures =
        matches!(parts.as_slice(), [d, m, y] if figures_of(d, 2) && figures_of(m, 2) && figures_of(y, 4) && matches!(y.len(), 2 | 4));
    let in_words = || {
        let key = crate::text::fold(date);
        let w: Vec<&str> = key.split(' ').collect();
        matches!(w.as_slice(), [d, "thang", m, "nam", y] if figures_of(d, 2) && figures_of(m, 2) && figures_of(y, 4) && y.len() == 4)
    };
    figures || in_words()
}

/// Whether a word is figures only, at most `max` of them (a day, a month, a year).
fn figures_of(w: &str, max: usize) -> bool {
    !w.is_empty() && w.len() <= max && w.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a folded text is a place-and-date line: at most six words of place, then
/// "ngày … tháng … năm …" and nothing after the year. The day and month may be blank
/// (left to be written by hand). The date may also be written in figures after "ngày"
/// ("Lục Ngạn, ngày 15/10/2024").
fn is_date_line(key: &str) -> bool {
    let words: Vec<&str> = key.split(' ').collect();
    let Some(at) = words.iter().position(|w| *w == "ngay") else { return false };
    if at > 6 {
        return false;
    }
    let number = |w: &&str, max: usize| figures_of(w, max);
    match &words[at + 1..] {
        // (Or its year in two figures, "ngày 20/10/24".)
        [d, m, y, tail @ ..] if number(d, 2) && number(m, 2) && matches!(y.len(), 2 | 4) && number(y, 4) => return weekday_or_time(tail),
        // The year first, as a system writes it ("Ngày 2024-10-20").
        [y, m, d, tail @ ..] if y.len() == 4 && number(y, 4) && number(m, 2) && number(d, 2) => return weekday_or_time(tail),
        // The year left out ("Bắc Giang, ngày 20/10"): a date line still, its year guessed.
        [d, m] if number(d, 2) && number(m, 2) => return true,
        _ => {}
    }
    let mut rest = words[at + 1..].iter().peekable();
    let day = rest.next_if(|w| number(w, 2)).is_some();
    if rest.next() != Some(&"thang") {
        return false;
    }
    let month = rest.next_if(|w| number(w, 2)).is_some();
    match rest.next() {
        Some(&"nam") => {}
        // "ngày 20 tháng 10", the year left out.
        None => return day && month,
        // "ngày 20 tháng 10, 2024", the year after a comma, "năm" left out.
        Some(y) if day && month && y.len() == 4 && number(y, 4) => return rest.next().is_none(),
        Some(_) => return false,
    }
    rest.next_if(|w| number(w, 4));
    weekday_or_time(&rest.copied().collect::<Vec<_>>())
}

/// Whether the words after a date line's year are none, or only its weekday or time of day
/// ("(Thứ hai)", "lúc 14:30", "14h30"), as a system stamps them.
fn weekday_or_time(tail: &[&str]) -> bool {
    let tail = match tail {
        ["thu", "hai" | "ba" | "tu" | "nam" | "sau" | "bay" | "2" | "3" | "4" | "5" | "6" | "7", rest @ ..]
        | ["chu", "nhat", rest @ ..] => rest,
        rest => rest,
    };
    match tail {
        [] => true,
        ["luc", rest @ ..] => !rest.is_empty() && time_of_day(rest),
        rest => time_of_day(rest),
    }
}

/// Whether folded words are a time of day ("14 30", "14h30", "14 30 00", "14 gio 30").
fn time_of_day(words: &[&str]) -> bool {
    let figures = |w: &&str| figures_of(w, 2);
    match words {
        [h] => h.split_once('h').is_some_and(|(h, m)| figures(&h) && (m.is_empty() || figures(&m))),
        [h, "gio", m] | [h, "gio", m, "phut"] => figures(h) && figures(m),
        [h, m] | [h, m, _] if words.iter().all(figures) => figures(h) && figures(m),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn numbering_rows_and_data_rows() {
        let numbering: &[&[&str]] = &[
            &["1", "2", "3", "4", "5", "6"],
            &["(1)", "(2)", "(3)", "(4)", "(5)"],
            &["A", "B", "1", "2", "3", "4"],
            &["(A)", "(B)", "(1)", "(2)", "(3)=(1)+(2)"],
            &["[1]", "", "[3]", "[4]", "", "6=4x5"],
            &["1", "2", "3"],
        ];
        for r in numbering {
            assert!(is_numbering_row(&row(r)), "{r:?}");
        }
        let as_data = |r: &[&str]| {
            r.iter()
                .map(|t| t.parse::<i64>().map_or_else(|_| calamine::Data::String(t.to_string()), calamine::Data::Int))
                .collect::<Vec<_>>()
        };
        for r in numbering {
            assert!(is_numbering_data(&as_data(r)), "{r:?}");
        }
        let data: &[&[&str]] = &[
            &["1", "NV1", "Hội nghị quán triệt", "120 đại biểu", "Hoàn thành", "30"],
            &["1", "2", "Tổ chức lớp bồi dưỡng"],
            &["1", "2", "15"],
            &["1", "3", "2"],
            &["1", "2"],
            &["", "", "", ""],
            &["1", "2", "3", "Ghi chú"],
            &["(1)", "(2)", "(3)=(1)+ghi chú"],
            &["1", "2", "300"],
            &["1", "2", "", "15"],
            &["2", "3", "5"],
            &["A", "B", "A"],
        ];
        for r in data {
            assert!(!is_numbering_row(&row(r)), "{r:?}");
            assert!(!is_numbering_data(&as_data(r)), "{r:?}");
        }
    }

    #[test]
    fn a_signing_line_may_name_the_body_signed_for() {
        let body = |t: &str| signer_body(t);
        assert_eq!(body("TM. ỦY BAN NHÂN DÂN HUYỆN LỤC NGẠN").as_deref(), Some("uy ban nhan dan huyen luc ngan"));
        assert_eq!(body("GIÁM ĐỐC SỞ NGOẠI VỤ").as_deref(), Some("so ngoai vu"));
        assert_eq!(body("KT. GIÁM ĐỐC SỞ NỘI VỤ").as_deref(), Some("so noi vu"));
        assert_eq!(body("PHÓ GIÁM ĐỐC Sở Tài chính").as_deref(), Some("so tai chinh"));
        // A title alone, the list of recipients, a name: no body.
        for t in ["KT. GIÁM ĐỐC", "GIÁM ĐỐC", "Nơi nhận:", "- Sở Ngoại vụ;", "Nguyễn Văn An", "Người lập biểu"] {
            assert_eq!(body(t), None, "{t}");
        }
    }

    #[test]
    fn a_place_and_date_line_whose_date_is_in_the_next_cell() {
        for t in ["Bắc Giang, ngày", "Bắc Giang,", "TP. Lai Châu, ngày ", "Ngày"] {
            assert!(place_date_opening(t), "{t}");
        }
        for t in ["Bắc Giang", "Hội nghị, ngày", "Bắc Giang, ngày 20", "Ngày 20"] {
            assert!(!place_date_opening(t), "{t}");
        }
        let texts = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let joined = |rest: &[&str]| joined_date_line("Bắc Giang, ngày", &texts(rest));
        assert_eq!(joined(&["20/10/2024"]).as_deref(), Some("Bắc Giang, ngày 20/10/2024"));
        assert_eq!(joined(&["20", "tháng", "10", "năm", "2024"]).as_deref(), Some("Bắc Giang, ngày 20 tháng 10 năm 2024"));
        assert_eq!(joined(&["GIÁM ĐỐC"]), None);
        assert_eq!(joined_date_line("Bắc Giang,", &texts(&["20/10/2024"])).as_deref(), Some("Bắc Giang, 20/10/2024"));
    }

    #[test]
    fn signing_lines_and_data() {
        let cases = [
            ("Bắc Giang, ngày 20 tháng 10 năm 2024", Some(Signing::DateLine)),
            ("Yên Thế, ngày      tháng 10 năm 2024", Some(Signing::DateLine)),
            ("TP. Lai Châu, ngày … tháng … năm 20…", Some(Signing::DateLine)),
            ("ngày 20 tháng 10 năm 2024", Some(Signing::DateLine)),
            ("Lục Ngạn, ngày 15/10/2024", Some(Signing::DateLine)),
            ("Bắc Giang, 20 tháng 10 năm 2024", Some(Signing::DateLine)),
            ("Bắc Giang, ngày 20 tháng 10, 2024", Some(Signing::DateLine)),
            ("Hội nghị, 20 tháng 10 năm 2024", None),
            ("Bắc Giang ngày 20/10/2024", Some(Signing::DateLine)),
            ("Bắc Giang, ngày 20/10/24", Some(Signing::DateLine)),
            ("Số 12/BC-UBND ngày 15/10/24", None),
            ("Hội nghị ngày 20/10/2024", None),
            ("Lục Ngạn, ngày 15/10", Some(Signing::DateLine)),
            ("Bắc Giang, ngày 20 tháng 10", Some(Signing::DateLine)),
            ("Bắc Giang, ngày tháng 10", None),
            ("Hội nghị, ngày 20/10 tại Hà Nội", None),
            ("Bắc Giang, 20/10/2024", Some(Signing::DateLine)),
            ("Bắc Giang, 20-10-24", Some(Signing::DateLine)),
            ("Hội nghị, 20-10-24", None),
            ("TP. Lai Châu, 20-10-2024.", Some(Signing::DateLine)),
            ("Hội nghị, 20/10/2024", None),
            ("Bắc Giang, 20/10", None),
            // The comma left out: a place's words capitalised, not a title in capitals.
            ("Bắc Giang 20/10/2024", Some(Signing::DateLine)),
            ("TP. Lai Châu 20-10-2024", Some(Signing::DateLine)),
            ("KẾT QUẢ ĐẾN 30/9/2024", None),
            ("Hội nghị 20/10/2024", None),
            ("Bắc Giang 20/10", None),
            ("(Ngày 15/10/2024)", Some(Signing::DateLine)),
            // A weekday or a time of day after the date, as a system stamps it; the year
            // first; not an event on that day.
            ("Ngày 20/10/2024 (Thứ hai)", Some(Signing::DateLine)),
            ("Ngày 20/10/2024 lúc 14:30", Some(Signing::DateLine)),
            ("Bắc Giang, ngày 20 tháng 10 năm 2024 (Chủ nhật)", Some(Signing::DateLine)),
            ("Ngày 2024-10-20", Some(Signing::DateLine)),
            ("Ngày 20/10/2024 tổ chức hội nghị", None),
            ("Ngày 20/10/2024 12", None),
            ("Số 12/BC-UBND ngày 15/10/2024", None),
            ("ngày 15/10/2024 tổ chức hội nghị", None),
            ("UBND huyện Lục Ngạn, ngày 20 tháng 10 năm 2024", Some(Signing::DateLine)),
            ("Nơi nhận:", Some(Signing::Other)),
            ("KT. GIÁM ĐỐC", Some(Signing::Other)),
            ("PHÓ GIÁM ĐỐC", Some(Signing::Other)),
            ("TM. ỦY BAN NHÂN DÂN", Some(Signing::Other)),
            ("CHỦ TỊCH", Some(Signing::Other)),
            ("Người lập biểu", Some(Signing::Other)),
            ("THỦ TRƯỞNG ĐƠN VỊ", Some(Signing::Other)),
            ("(Ký, ghi rõ họ tên)", Some(Signing::Other)),
            ("(Ký tên, đóng dấu)", Some(Signing::Other)),
            ("Tổ chức hội nghị ngày 15 tháng 3 năm 2024 tại Hà Nội", None),
            ("Tổ chức hội nghị quán triệt ngày 15 tháng 3 năm 2024", None),
            ("Tổ chức hội nghị ngày 15 tháng 3 năm 2024", None),
            ("Giám đốc Sở tiếp đoàn Hàn Quốc", None),
            ("Hoàn thành", None),
            ("NV1", None),
            ("Nguyễn Văn An", None),
            ("Tm", None),
        ];
        for (t, want) in cases {
            assert_eq!(signing_line(t), want, "{t:?}");
        }
    }
}
