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
const DATE: &[&str] = &["ngay nhan", "ngay den", "ngay", "received", "received date", "ngay nhan bao cao"];

/// Reads the register's text. Lines it cannot read are listed, never dropped silently.
/// A date with no year ("20/10") is read in the reporting `year` or the next, whichever
/// is nearer the `deadline`, and said so (`date_guessed`), as in a report.
pub fn read(text: &str, name: &str, index: &AgencyIndex, year: i32, deadline: Option<NaiveDate>) -> Register {
    let mut reg = Register::default();
    let first = text.lines().next().unwrap_or("");
    let delimiter = [b',', b';', b'\t'].into_iter().max_by_key(|d| first.bytes().filter(|b| b == d).count()).unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut records = reader.records();
    let header: Vec<String> = match records.next() {
        Some(Ok(h)) => h.iter().map(fold).collect(),
        _ => return reg,
    };
    let find =
        |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()) || names.iter().any(|n| h.starts_with(&format!("{n} "))));
    let (Some(agency_col), Some(date_col)) = (find(AGENCY), find(DATE)) else {
        reg.problems.push(Problem::at(name, "", "A1".into(), Kind::ReceiptUnreadable, "dòng tiêu đề cần cột \"Đơn vị\" và \"Ngày nhận\""));
        return reg;
    };
    for (i, record) in records.enumerate() {
        let line = format!("A{}", i + 2);
        let Ok(record) = record else {
            reg.problems.push(Problem::at(name, "", line, Kind::ReceiptUnreadable, "dòng hỏng"));
            continue;
        };
        let agency = record.get(agency_col).unwrap_or("").trim();
        let date = record.get(date_col).unwrap_or("").trim();
        if agency.is_empty() && date.is_empty() {
            continue;
        }
        let date = match (values::date(&Cell::Text(date.to_string())), values::date_guess(date, year, deadline)) {
            (DateRead::Date(d), _) => d,
            (DateRead::Bad, Some(d)) => {
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
