//! The difficulties and proposals a report writes as text of their own, outside its table's
//! columns: under a heading ("II. KHÓ KHĂN, VƯỚNG MẮC", "III. ĐỀ XUẤT, KIẾN NGHỊ") below the
//! table or in the report written out above it, or on one line ("Kiến nghị: Bổ sung kinh
//! phí…"). They concern the agency's work as a whole, not one task.

use crate::ingest::header::starts_with_words;
use crate::ingest::{Cell, Field, TopCell};
use crate::text::{fold_within, tidy};

/// Words a heading of difficulties starts with (after "Những", "Một số", "Các").
const DIFFICULTIES: &[&str] = &["kho khan", "vuong mac", "han che", "ton tai"];
/// Words a heading of proposals starts with.
const PROPOSALS: &[&str] = &["kien nghi", "de xuat"];

/// Lines read one after the other: a heading opens its section, and the lines under it
/// belong to it until a line with a section number of its own, or a row of the table.
#[derive(Debug, Default)]
pub struct Narrative {
    section: Option<Field>,
    /// (Field::Difficulties or Field::Proposals, the line as written, tidied).
    pub lines: Vec<(Field, String)>,
}

impl Narrative {
    /// Takes a line if it is a heading or a line of the open section; returns whether it did.
    pub fn line(&mut self, t: &str) -> bool {
        let t = t.trim();
        if t.is_empty() {
            return false;
        }
        if let Some((field, rest)) = heading(t) {
            self.section = Some(field);
            if !rest.is_empty() {
                // ("III. KHÓ KHĂN, VƯỚNG MẮC: Không": none to list.)
                if !super::values::says_none(rest) {
                    self.lines.push((field, tidy(rest)));
                }
            } else if !only_heading_words(t) {
                // A difficulty or a proposal itself ("1. Khó khăn về nhân lực"): kept.
                self.lines.push((field, tidy(t)));
            }
            return true;
        }
        let Some(field) = self.section else { return false };
        // "IV. TỔ CHỨC THỰC HIỆN", "PHỤ LỤC KẾT QUẢ", "Đơn vị tính: triệu đồng": another
        // part of the report, a title in capitals, or the table's own lines.
        // (Or the signing block, "Nơi nhận:" and its list, where the report is typed as lines.)
        if roman_label(t)
            || is_title(t)
            || fold_within(t, 120).is_some_and(|k| TABLE_LINES.iter().any(|w| starts_with_words(&k, w)))
            || crate::ingest::form::signing_line(t).is_some()
        {
            self.section = None;
            return false;
        }
        // Legacy-encoded text (TCVN3, VNI) is kept as the words it stands for.
        let text = crate::text::legacy::to_unicode(t).map_or_else(|| tidy(t), |(u, _)| tidy(&u));
        if !super::values::says_none(&text) {
            self.lines.push((field, text));
        }
        true
    }

    /// Whether a line is a heading of difficulties or proposals ("III. ĐỀ XUẤT, KIẾN NGHỊ"),
    /// which no task number before it makes a row of the table.
    pub fn is_heading(t: &str) -> bool {
        heading(t.trim()).is_some()
    }

    /// Reads the lines above a table (the report written out there), each row's texts as
    /// one line; the table ends the section open at its top.
    pub fn above_table(&mut self, top: &[TopCell]) {
        let mut line_at = None;
        let mut line = String::new();
        for tc in top {
            if line_at != Some(tc.row) {
                self.lines_of(&line);
                line.clear();
                line_at = Some(tc.row);
            }
            if let Cell::Text(t) = &tc.cell {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(t.trim());
            }
        }
        self.lines_of(&line);
        self.close();
    }

    /// A row's text, each of its lines broken within a cell one line ("II. KHÓ KHĂN\n-
    /// Thiếu kinh phí", a report typed into one cell).
    fn lines_of(&mut self, text: &str) {
        if text.contains('\n') {
            text.lines().for_each(|l| {
                self.line(l);
            });
        } else {
            self.line(text);
        }
    }

    /// A row of the table, or the signing block, ends the open section.
    pub fn close(&mut self) {
        self.section = None;
    }

    /// The lines of one field, one per line.
    pub fn text(&self, field: Field) -> String {
        self.lines.iter().filter(|(f, _)| *f == field).map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("\n")
    }
}

/// Whether a line is the heading of difficulties or proposals: its field, and what follows
/// a colon on the same line. A heading is short: up to ten words before any colon.
pub fn heading(t: &str) -> Option<(Field, &str)> {
    let (head, rest) = match t.split_once(':') {
        Some((h, r)) => (h, r.trim()),
        None => (t, ""),
    };
    let key = fold_within(head, 120)?;
    let mut words: Vec<&str> = key.split(' ').collect();
    // A section's number before it: "II", "2", "b".
    if words.first().is_some_and(|w| crate::text::roman(w).is_some() || w.bytes().all(|b| b.is_ascii_digit()) || w.len() == 1) {
        words.remove(0);
    }
    for lead in [&["nhung"][..], &["mot", "so"], &["cac"]] {
        if words.starts_with(lead) {
            words.drain(..lead.len());
        }
    }
    if words.is_empty() || words.len() > 10 {
        return None;
    }
    let key = words.join(" ");
    let starts = |list: &[&str]| list.iter().any(|w| starts_with_words(&key, w));
    if starts(DIFFICULTIES) {
        Some((Field::Difficulties, rest))
    } else if starts(PROPOSALS) {
        Some((Field::Proposals, rest))
    } else {
        None
    }
}

/// Whether a heading says no more than that difficulties or proposals follow ("II. KHÓ
/// KHĂN, VƯỚNG MẮC TRONG QUÁ TRÌNH THỰC HIỆN"), not what they are ("Khó khăn về nhân lực").
fn only_heading_words(t: &str) -> bool {
    const WORDS: &[&str] = &[
        "kho", "khan", "vuong", "mac", "han", "che", "ton", "tai", "kien", "nghi", "de", "xuat", "va", "giai", "phap", "nguyen", "nhan",
        "trong", "qua", "trinh", "thuc", "hien", "to", "chuc", "trien", "khai", "nhiem", "vu", "ke", "hoach", "nam", "cong", "tac",
        "ngoai", "giao", "van", "hoa", "doi", "chu", "yeu", "nhung", "mot", "so", "cac", "cua", "don", "vi", "co", "quan", "ban", "chinh",
        "tiep", "theo",
    ];
    let Some(key) = fold_within(t, 160) else { return false };
    key.split(' ').enumerate().all(|(i, w)| {
        WORDS.contains(&w) || w.bytes().all(|b| b.is_ascii_digit()) || (i == 0 && (crate::text::roman(w).is_some() || w.len() == 1))
    })
}

/// Lines that belong to a table, not to the text above it.
const TABLE_LINES: &[&str] = &["don vi tinh", "dvt", "phu luc", "bieu mau", "noi nhan"];

/// Whether a line is a title in capitals ("BẢNG TỔNG HỢP KẾT QUẢ"): two or more words, no
/// small letter.
/// A line in capitals that is a sentence, ending with a full stop or set out as an item
/// ("- THIẾU CÁN BỘ BIẾT NGOẠI NGỮ."), is a line of the section typed in capitals, not a title.
fn is_title(t: &str) -> bool {
    let sentence = t.ends_with(['.', ';']) || t.starts_with(['-', '+', '•', '*', '–']);
    !sentence && t.split_whitespace().nth(1).is_some() && t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase)
}

/// Whether a line starts with a Roman section number ("IV.", "III "), or is one.
fn roman_label(t: &str) -> bool {
    let first = t.split(|c: char| c == '.' || c == ')' || c.is_whitespace()).next().unwrap_or("");
    first.len() <= 5 && crate::text::roman(first).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_open_sections_and_lines_fill_them() {
        let mut n = Narrative::default();
        for t in [
            "Tổ chức hội nghị",
            "II. KHÓ KHĂN, VƯỚNG MẮC",
            "- Kinh phí còn hạn chế.",
            "- Doanh nghiệp chưa mặn mà.",
            "THIẾU CÁN BỘ BIẾT NGOẠI NGỮ.",
            "III",
            "ĐỀ XUẤT, KIẾN NGHỊ",
            "1. Đề nghị bố trí thêm kinh phí.",
            "IV. TỔ CHỨC THỰC HIỆN",
            "Giao các phòng chuyên môn",
            "Khó khăn: Thiếu người.",
            "BẢNG TỔNG HỢP KẾT QUẢ",
            "Đơn vị tính: triệu đồng",
        ] {
            n.line(t);
        }
        // A sentence in capitals is a line of the section; a title in capitals ends it.
        assert_eq!(
            n.text(Field::Difficulties),
            "- Kinh phí còn hạn chế.\n- Doanh nghiệp chưa mặn mà.\nTHIẾU CÁN BỘ BIẾT NGOẠI NGỮ.\nThiếu người."
        );
        assert_eq!(n.text(Field::Proposals), "1. Đề nghị bố trí thêm kinh phí.");
    }

    #[test]
    fn a_heading_may_carry_its_text() {
        let mut n = Narrative::default();
        assert!(n.line("Khó khăn, vướng mắc: Thiếu giáo viên ngoại ngữ."));
        assert!(n.line("Những kiến nghị, đề xuất: Bổ sung kinh phí."));
        n.close();
        assert!(!n.line("Hội chợ"));
        assert_eq!(n.lines, [(Field::Difficulties, "Thiếu giáo viên ngoại ngữ.".into()), (Field::Proposals, "Bổ sung kinh phí.".into())]);
        // One that says there is none lists nothing, on the heading's line or under it.
        let mut none = Narrative::default();
        assert!(none.line("III. KHÓ KHĂN, VƯỚNG MẮC: Không"));
        assert!(none.line("IV. KIẾN NGHỊ, ĐỀ XUẤT"));
        assert!(none.line("- Không có kiến nghị."));
        assert!(none.lines.is_empty(), "{:?}", none.lines);
        // Not headings: a sentence that starts with the word, a title that names it later.
        assert!(heading("Khó khăn lớn nhất trong năm là thiếu kinh phí để tổ chức các đoàn đi nước ngoài").is_none());
        assert!(heading("Báo cáo khó khăn, vướng mắc").is_none());
    }

    #[test]
    fn a_heading_that_says_what_the_difficulty_is_is_kept() {
        let mut n = Narrative::default();
        for t in [
            "II. KHÓ KHĂN, VƯỚNG MẮC TRONG QUÁ TRÌNH THỰC HIỆN",
            "1. Khó khăn về nhân lực",
            "Kiến nghị tăng biên chế",
            "3. Đề xuất, kiến nghị",
        ] {
            assert!(n.line(t), "{t}");
        }
        assert_eq!(n.text(Field::Difficulties), "1. Khó khăn về nhân lực");
        assert_eq!(n.text(Field::Proposals), "Kiến nghị tăng biên chế");
    }
}
