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

const AGENCY: &[&str] = &["don vi", "co quan", "don vi gui", "noi gui", "co quan gui", "agency", "ten don vi"];
/// How many lines from the top the register's header is looked for in.
const HEADER_SEARCH: usize = 10;
const DATE: &[&str] = &["ngay nhan", "ngay den", "ngay", "received", "received date", "ngay nhan bao cao"];

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
    let find = |header: &[String], names: &[&str]| {
        header.iter().position(|h| names.contains(&h.as_str()) || names.iter().any(|n| h.starts_with(&format!("{n} "))))
    };
    let header = records.iter().take(HEADER_SEARCH).enumerate().find_map(|(k, r)| {
        let h: Vec<String> = r.as_ref().ok()?.iter().map(fold).collect();
        Some((k, find(&h, AGENCY)?, find(&h, DATE)?))
    });
    let Some((header_at, agency_col, date_col)) = header else {
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
    reg
}
