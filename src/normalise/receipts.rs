//! The department's register of incoming documents (`receipts.csv` in the year folder):
//! agency as written, received date, document number. Where it names an agency, its date
//! is the date the report was received, whatever the workbook itself says.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::matching::{AgencyIndex, Match};
use super::values::{self, DateRead};
use crate::error::{Kind, Problem};
use crate::ingest::Cell;
use crate::text::fold;

/// The register as read: earliest received date per agency code, and its findings.
#[derive(Debug, Default)]
pub struct Register {
    pub received: BTreeMap<String, NaiveDate>,
    pub problems: Vec<Problem>,
}

/// The columns' names, the likeliest first. The sender is "Tác giả" in the register the
/// rules on records prescribe (Nghị định 30/2020/NĐ-CP), where "Đơn vị hoặc người nhận" is
/// who got it inside the department: a column naming a receiver is not the sender's.
const AGENCY: &[&str] = &["don vi gui", "co quan gui", "noi gui", "tac gia", "don vi", "co quan", "ten don vi", "agency"];
/// How many lines from the top the register's header is looked for in.
const HEADER_SEARCH: usize = 10;
/// The day it came ("Ngày đến" in the prescribed register), before any other date ("Ngày
/// tháng" of the document itself).
const DATE: &[&str] = &["ngay nhan", "ngay den", "ngay nhan bao cao", "received", "received date", "ngay"];
/// What the document is ("Tên loại và trích yếu nội dung"): in a register of every incoming
/// document, only a report's line gives a report's received date.
const SUMMARY: &[&str] = &["trich yeu", "ten loai va trich yeu", "ten loai va trich yeu noi dung", "noi dung", "ten van ban"];

/// Reads the register's text. Lines it cannot read are listed, never dropped silently.
/// A date with no year ("20/10") is read in the reporting `year` or the next, whichever
/// is nearer the `deadline`, and said so (`date_guessed`), as in a report.
pub fn read(text: &str, name: &str, index: &AgencyIndex, year: i32, deadline: Option<NaiveDate>) -> Register {
    let mut reg = Register::default();
    // The header may stand under a title ("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"): the separator is the
    // one the first lines use most, and the header the first of them naming both columns.
    let first: Vec<&str> = text.lines().take(HEADER_SEARCH).collect();
    let most = |d: u8| first.iter().map(|l| l.bytes().filter(|b| *b == d).count()).max().unwrap_or(0);
    let delimiter = [b',', b';', b'\t'].into_iter().max_by_key(|d| most(*d)).unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let records: Vec<csv::Result<csv::StringRecord>> = reader.records().collect();
    // The column of the first name that one has, as written or followed by more words.
    let find = |header: &[String], names: &[&str], not: &str| {
        names
            .iter()
            .find_map(|n| header.iter().position(|h| (h == n || h.starts_with(&format!("{n} "))) && !crate::text::contains_words(h, not)))
    };
    let header = records.iter().take(HEADER_SEARCH).enumerate().find_map(|(k, r)| {
        let h: Vec<String> = r.as_ref().ok()?.iter().map(fold).collect();
        Some((k, find(&h, AGENCY, "nhan")?, find(&h, DATE, "")?, find(&h, SUMMARY, "")))
    });
    let Some((header_at, agency_col, date_col, summary_col)) = header else {
        if !records.is_empty() {
            reg.problems.push(Problem::at(
                name,
                "",
                "A1".into(),
                Kind::ReceiptUnreadable,
                "dòng tiêu đề cần cột \"Đơn vị\" và \"Ngày nhận\"",
            ));
        }
        return reg;
    };
    let mut other_documents = 0;
    for (i, record) in records.into_iter().enumerate().skip(header_at + 1) {
        let line = format!("A{}", i + 1);
        let Ok(record) = record else {
            reg.problems.push(Problem::at(name, "", line, Kind::ReceiptUnreadable, "dòng hỏng"));
            continue;
        };
        let agency = record.get(agency_col).unwrap_or("").trim();
        let date = record.get(date_col).unwrap_or("").trim();
        if agency.is_empty() && date.is_empty() {
            continue;
        }
        // A letter, a decision, an invitation: no report.
        let summary = summary_col.and_then(|c| record.get(c)).map(fold).unwrap_or_default();
        if !summary.is_empty() && !crate::text::contains_words(&summary, "bao cao") {
            other_documents += 1;
            continue;
        }
        let read = values::date(&Cell::Text(date.to_string()));
        // Guessed only where the date does not read as written.
        let guessed = (read == DateRead::Bad).then(|| values::date_guess(date, year, deadline)).flatten();
        let date = match (&read, guessed) {
            (DateRead::Date(d), _) => *d,
            (_, Some(d)) => {
                reg.problems.push(Problem::at(name, "", line.clone(), Kind::DateGuessed, format!("{date} → {}", d.format("%d/%m/%Y"))));
                d
            }
            _ => {
                reg.problems.push(Problem::at(name, "", line, Kind::ReceiptUnreadable, format!("{agency}; {date}")));
                continue;
            }
        };
        match index.name(agency) {
            Match::One(code) => {
                let e = reg.received.entry(code).or_insert(date);
                *e = (*e).min(date);
            }
            _ => reg.problems.push(Problem::at(name, "", line, Kind::ReceiptUnknownAgency, agency.to_string())),
        }
    }
    if other_documents > 0 {
        reg.problems.push(Problem::at(name, "", format!("A{}", header_at + 1), Kind::ReceiptOtherDocuments, other_documents.to_string()));
    }
    reg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prescribed_register_of_every_incoming_document() {
        let plan = crate::plan::load(std::path::Path::new("inputs/plans/bac-giang.toml")).unwrap();
        let index = AgencyIndex::new(&plan);
        // The register's columns as the rules on records give them: the sender is "Tác
        // giả", not the department's own unit that got it; a letter is no report.
        let text = "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN\n\
            Ngày đến;Số đến;Tác giả;Số, ký hiệu;Ngày tháng;Tên loại và trích yếu nội dung;Đơn vị hoặc người nhận\n\
            12/03/2024;101;Sở Tài chính;45/STC-NS;10/03/2024;Công văn về dự toán năm 2024;Phòng Hợp tác quốc tế\n\
            23/10/2024;876;Sở Tài chính;210/BC-STC;21/10/2024;Báo cáo kết quả thực hiện Kế hoạch ngoại giao văn hóa năm 2024;Phòng Hợp tác quốc tế\n";
        let reg = read(text, "receipts.csv", &index, 2024, None);
        assert_eq!(reg.received.get("STC"), NaiveDate::from_ymd_opt(2024, 10, 23).as_ref());
        let kinds: Vec<(&str, &str)> = reg.problems.iter().map(|p| (p.kind.code(), p.detail.as_str())).collect();
        assert_eq!(kinds, [("receipt_other_documents", "1")]);
    }
}
