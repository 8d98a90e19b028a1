//! Ingest: the only code that opens workbooks.
//!
//! Owns: listing a year folder, telling a report from junk (lock files, documents,
//! encrypted or broken workbooks), picking the reader by the file's first bytes, finding
//! the report table and the "Đơn vị báo cáo" / "Ngày báo cáo" lines, and handing on the raw
//! cells of each row. Does not own: what the cells mean (see `normalise`).

mod decrypt;
pub mod form;
mod formula;
pub mod header;
pub mod isolate;
pub mod texttable;
mod xml2003;

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Dimensions, Ods, Range, Reader, Sheets, Xls, Xlsb, Xlsx};
use chrono::{Datelike, NaiveDateTime};
use sha2::{Digest, Sha256};

use crate::error::Kind;
pub use header::{Field, Header};

/// Extensions read as spreadsheets.
pub const SPREADSHEET_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "xlsb", "ods"];

/// Extensions of tables saved as text, read as the table they hold (see `read_bytes`).
pub const TEXT_TABLE_EXTENSIONS: &[&str] = &["csv", "tsv", "txt"];

/// The department's optional register of incoming documents, read separately.
pub const RECEIPTS_FILE: &str = "receipts.csv";

/// The register kept as a workbook instead ("receipts.xlsx"): its first sheet, read as the
/// CSV is, where there is no `receipts.csv`.
pub const RECEIPTS_BOOKS: [&str; 3] = ["receipts.xlsx", "receipts.xls", "receipts.ods"];

/// Whether a file name in the year folder is the receipts register's.
fn is_register(name: &str) -> bool {
    name.eq_ignore_ascii_case(RECEIPTS_FILE) || RECEIPTS_BOOKS.iter().any(|b| name.eq_ignore_ascii_case(b))
}

/// A cell value as the reader gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDateTime),
    Bool(bool),
    /// A formula error such as "#REF!".
    Error(String),
}

/// Cell text between a reading worker and the run, as bytes checked with a vectorised
/// UTF-8 validator: most of a workbook is Vietnamese text, on which the standard check
/// (what serde gives a string) was 5% of an M run.
mod utf8_bytes {
    use serde::{de, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(text: &str, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(text.as_bytes())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        struct Text;
        impl de::Visitor<'_> for Text {
            type Value = String;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("UTF-8 text as bytes")
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<String, E> {
                simdutf8::basic::from_utf8(v).map(str::to_string).map_err(|_| E::custom("cell text is not UTF-8"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
                Ok(v.to_string())
            }
        }
        d.deserialize_bytes(Text)
    }
}

/// A cell crosses from a worker as `[tag, value]`, the tag a number: serde's derived form
/// names the variant in a string for every cell, which was most of decoding a cell.
impl serde::Serialize for Cell {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple;
        struct Bytes<'a>(&'a str);
        impl serde::Serialize for Bytes<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                utf8_bytes::serialize(self.0, s)
            }
        }
        let mut t = s.serialize_tuple(2)?;
        match self {
            Cell::Empty => (t.serialize_element(&0u8)?, t.serialize_element(&())?),
            Cell::Text(x) => (t.serialize_element(&1u8)?, t.serialize_element(&Bytes(x))?),
            Cell::Number(x) => (t.serialize_element(&2u8)?, t.serialize_element(x)?),
            Cell::Date(x) => (t.serialize_element(&3u8)?, t.serialize_element(x)?),
            Cell::Bool(x) => (t.serialize_element(&4u8)?, t.serialize_element(x)?),
            Cell::Error(x) => (t.serialize_element(&5u8)?, t.serialize_element(x)?),
        };
        t.end()
    }
}

impl<'de> serde::Deserialize<'de> for Cell {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Cell, D::Error> {
        use serde::de::{self, SeqAccess};
        struct Text(String);
        impl<'de> serde::Deserialize<'de> for Text {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
                utf8_bytes::deserialize(d).map(Text)
            }
        }
        struct Tagged;
        impl<'de> de::Visitor<'de> for Tagged {
            type Value = Cell;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a cell as [tag, value]")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Cell, A::Error> {
                let missing = || de::Error::custom("a cell without its value");
                let tag: u8 = seq.next_element()?.ok_or_else(missing)?;
                match tag {
                    0 => seq.next_element::<()>()?.map(|_| Cell::Empty),
                    1 => seq.next_element::<Text>()?.map(|t| Cell::Text(t.0)),
                    2 => seq.next_element()?.map(Cell::Number),
                    3 => seq.next_element()?.map(Cell::Date),
                    4 => seq.next_element()?.map(Cell::Bool),
                    5 => seq.next_element()?.map(Cell::Error),
                    other => return Err(de::Error::custom(format!("unknown cell tag {other}"))),
                }
                .ok_or_else(missing)
            }
        }
        d.deserialize_tuple(2, Tagged)
    }
}

/// An ISO 8601 duration as LibreOffice saves a time of day ("PT08H30M00S", "PT8H30M",
/// "PT14H05M00.000S"): its hours and minutes, "08:30"; None for any other duration.
fn iso_time(s: &str) -> Option<String> {
    let rest = s.strip_prefix("PT")?;
    let (h, rest) = rest.split_once('H')?;
    let (m, rest) = rest.split_once('M')?;
    let seconds = rest.strip_suffix('S').unwrap_or(rest);
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60 && (seconds.is_empty() || seconds.parse::<f64>().is_ok())).then(|| format!("{h:02}:{m:02}"))
}

impl Cell {
    fn from_data(d: &Data) -> Cell {
        match d {
            Data::Empty => Cell::Empty,
            Data::String(s) if s.trim().is_empty() => Cell::Empty,
            Data::String(s) if s.starts_with(NO_VALUE) => Cell::Error(format!("={}", &s[NO_VALUE.len_utf8()..])),
            Data::String(s) => Cell::Text(s.clone()),
            Data::Int(i) => Cell::Number(*i as f64),
            Data::Float(f) => Cell::Number(*f),
            Data::Bool(b) => Cell::Bool(*b),
            Data::DateTime(dt) if dt.is_datetime() => dt.as_datetime().map_or(Cell::Number(dt.as_f64()), Cell::Date),
            Data::DateTime(dt) => Cell::Number(dt.as_f64()),
            // (An .xlsx saved as "Strict Open XML" keeps its dates as text too, "2024-10-20",
            // "2024-10-20T14:30:00.0000002", and a time as a duration, "PT14H30M0.000S".)
            Data::DateTimeIso(s) if s.starts_with('P') => Cell::Text(iso_time(s).unwrap_or_else(|| s.clone())),
            Data::DateTimeIso(s) => NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
                .ok()
                .or_else(|| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().and_then(|d| d.and_hms_opt(0, 0, 0)))
                .map_or_else(|| Cell::Text(s.clone()), Cell::Date),
            // (A time of day in an .ods, "PT08H30M00S": "08:30".)
            Data::DurationIso(s) => Cell::Text(iso_time(s).unwrap_or_else(|| s.clone())),
            Data::Error(e) => Cell::Error(e.to_string()),
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// A cell that stands for nothing: a zero, or only dashes, dots or slashes ("-", "–",
    /// "…", "/"), as a template's formulas fill its unused rows or a clerk marks "none".
    pub fn is_placeholder(&self) -> bool {
        match self {
            Cell::Number(n) => *n == 0.0,
            Cell::Text(t) => is_placeholder_text(t),
            _ => false,
        }
    }

    /// `text`, taking the cell's own text rather than a copy.
    pub fn into_text(self) -> String {
        match self {
            Cell::Text(s) | Cell::Error(s) => s,
            other => other.text(),
        }
    }

    /// The cell as text (numbers without a needless ".0"), for matching and display.
    /// The row number a cell gives ("3", "3.", 3), if it gives one (1 to 9,999).
    pub fn row_number(&self) -> Option<f64> {
        match self {
            Cell::Number(n) if n.fract() == 0.0 && (1.0..10_000.0).contains(n) => Some(*n),
            Cell::Text(t) if header::is_row_number(t) => t.trim().trim_end_matches('.').parse().ok().filter(|n: &f64| *n >= 1.0),
            _ => None,
        }
    }

    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => format!("{n}"),
            // (A time of day alone, "8:30" in a "Thời gian" column, is a date on Excel's day
            // 0, 31/12/1899 or, in a workbook of the 1904 system, 01/01/1904: the time.)
            Cell::Date(d) if d.year() == 1899 || (d.year() == 1904 && d.ordinal() == 1 && d.time() != chrono::NaiveTime::MIN) => {
                d.format("%H:%M").to_string()
            }
            Cell::Date(d) => d.format("%d/%m/%Y").to_string(),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// A file found in the year folder.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// Path relative to the year folder, with `/` separators.
    pub rel: String,
    pub path: PathBuf,
}

/// Lists every file below `dir`, sorted by relative path so that runs do not depend on
/// the file system's order. Hidden files (".…", and Windows' own hidden files in every
/// folder it shows pictures or icons in: "Thumbs.db", "desktop.ini") and the receipts
/// register are left out; symbolic links are not followed.
pub fn list_files(dir: &Path) -> std::io::Result<Vec<InputFile>> {
    let mut out = Vec::new();
    walk(dir, "", &mut out)?;
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(out)
}

fn walk(dir: &Path, prefix: &str, out: &mut Vec<InputFile>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = name_text(&entry.file_name());
        let windows_own = ["thumbs.db", "ehthumbs.db", "desktop.ini"].iter().any(|w| name.eq_ignore_ascii_case(w));
        if name.starts_with('.') || windows_own || (prefix.is_empty() && is_register(&name)) {
            continue;
        }
        let rel = if prefix.is_empty() { name.clone() } else { format!("{prefix}/{name}") };
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&entry.path(), &rel, out)?;
        } else {
            // Files, and links (listed, never followed: see `ingest`).
            out.push(InputFile { rel, path: entry.path() });
        }
    }
    Ok(())
}

/// A file's name as text. One that is not UTF-8 was written in a Windows code page (a zip
/// archive made on Windows with Vietnamese names, unpacked on Linux): read as Windows-1258,
/// Vietnamese Windows', so that "Sở Tài chính/" still names its sender. Each such letter was
/// "�", the sender unknown.
fn name_text(name: &std::ffi::OsStr) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        bytes_text(name.as_bytes())
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().into_owned()
    }
}

/// Text in UTF-8, else in Windows-1258 (its tone marks combining, composed here).
fn bytes_text(bytes: &[u8]) -> String {
    use unicode_normalization::UnicodeNormalization;
    match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(_) => encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes).0.nfc().collect(),
    }
}

/// The receipts register of a year folder, if it has one.
#[derive(Debug, Clone)]
pub struct Receipts {
    /// Its file's name in the year folder ("receipts.csv", "receipts.xlsx").
    pub name: String,
    pub text: String,
    pub bytes: u64,
    pub sha256: String,
}

/// Reads the receipts register from a year folder: `receipts.csv` (UTF-8 or UTF-16 text),
/// else `receipts.xlsx` (or .xls, .ods), its first sheet's cells as tab-separated lines.
/// A register workbook that cannot be read is an error, as an unreadable CSV is.
pub fn read_receipts(dir: &Path) -> std::io::Result<Option<Receipts>> {
    let names: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect(),
        Err(_) => return Ok(None),
    };
    let find = |want: &str| names.iter().find(|n| n.eq_ignore_ascii_case(want)).filter(|n| dir.join(n).is_file());
    if let Some(name) = find(RECEIPTS_FILE) {
        let data = std::fs::read(dir.join(name))?;
        return Ok(Some(Receipts {
            name: name.clone(),
            text: texttable::decode(&data),
            bytes: data.len() as u64,
            sha256: hex(&Sha256::digest(&data)),
        }));
    }
    let Some(name) = RECEIPTS_BOOKS.iter().find_map(|b| find(b)) else { return Ok(None) };
    let data = std::fs::read(dir.join(name))?;
    let bad = |e: String| std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{name}: {e}"));
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(data.as_slice())).map_err(|e| bad(e.to_string()))?;
    let first = book.sheet_names().first().cloned().ok_or_else(|| bad("không có trang tính".into()))?;
    let range = book.worksheet_range(&first).map_err(|e| bad(e.to_string()))?;
    // Tabs and line breaks inside a cell would split it: spaces there.
    let text = range
        .rows()
        .map(|r| r.iter().map(|d| Cell::from_data(d).text().replace(['\t', '\n', '\r'], " ")).collect::<Vec<_>>().join("\t"))
        .collect::<Vec<_>>()
        .join("\n");
    Ok(Some(Receipts { name: name.clone(), text, bytes: data.len() as u64, sha256: hex(&Sha256::digest(&data)) }))
}

/// A non-empty cell above the header (or near the top of a sheet without one): where the
/// agency and the report date are written.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TopCell {
    pub row: u32,
    pub col: u32,
    pub cell: Cell,
}

/// One data row under the header: the cells of the recognised columns.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RawRow {
    /// 0-based sheet row.
    pub row: u32,
    /// (field, 0-based column, value); fields without a cell are absent.
    pub cells: Vec<(Field, u32, Cell)>,
    /// Cells under headers of no field (`Header::others`): (0-based column, value).
    #[serde(default)]
    pub extra: Vec<(u32, Cell)>,
    /// Where the row's number cell is merged down from a row above and the row has a piece
    /// of activity but no result or status of its own: that row (0-based). A cell of several
    /// paragraphs pasted from Word splits into rows, the row's other cells merged over them.
    #[serde(default)]
    pub within: Option<u32>,
    /// Where a cell is not on the row's own line (a report written as labelled lines, its
    /// "Kết quả:" a line below its activity's): (column as in `cells`, 0-based row and
    /// column where it stands). Findings on such a cell name where it stands.
    #[serde(default)]
    pub places: Vec<(u32, u32, u32)>,
}

impl RawRow {
    /// The row's texts, for a finding: its activity's, else its cells' joined, cut short.
    pub fn summary(&self) -> String {
        let texts = |c: &Cell| match c {
            Cell::Empty => None,
            c => Some(c.text()),
        };
        let text = match self.get(Field::Activity).and_then(|(c, _)| texts(c)) {
            Some(t) => t,
            None => self.cells.iter().filter_map(|(_, _, c)| texts(c)).collect::<Vec<_>>().join(" | "),
        };
        match text.char_indices().nth(80) {
            Some((at, _)) => format!("{}…", &text[..at]),
            None => text,
        }
    }

    pub fn get(&self, f: Field) -> Option<(&Cell, u32)> {
        self.cells.iter().find(|(g, _, _)| *g == f).map(|(_, c, v)| (v, *c))
    }

    /// The cell of a field in one column, taken out of the row (an empty cell is left in its
    /// place); `None` where it is empty.
    pub fn take_at(&mut self, f: Field, col: u32) -> Option<(Cell, u32)> {
        let (_, _, cell) = self.cells.iter_mut().find(|(g, c, v)| *g == f && *c == col && !v.is_empty())?;
        Some((std::mem::replace(cell, Cell::Empty), col))
    }

    /// The cell of a column of no field, taken out of the row; `None` where it is empty.
    pub fn take_extra(&mut self, col: u32) -> Option<(Cell, u32)> {
        let at = self.extra.iter().position(|(c, v)| *c == col && !v.is_empty())?;
        let (col, cell) = self.extra.remove(at);
        Some((cell, col))
    }

    /// The cell of a field, taken out of the row (an empty cell is left in its place). A
    /// field read from a group of columns ("Kết quả thực hiện" over "Số lượng | Nội dung")
    /// is their texts joined by "; ", at the first one's column.
    pub fn take(&mut self, f: Field) -> Option<(Cell, u32)> {
        self.take_labelled(f, &[])
    }

    /// `take`, each text of a group's column after its label where `labels` gives one
    /// (column, label): "Quý I: 1 hội nghị; Quý III: 2 hội nghị".
    pub fn take_labelled(&mut self, f: Field, labels: &[(u32, String)]) -> Option<(Cell, u32)> {
        let at = self.cells.iter().position(|(g, _, _)| *g == f)?;
        let (tail, rest) = self.cells.split_at_mut(at + 1);
        let (_, col, first) = &mut tail[at];
        let (col, first) = (*col, std::mem::replace(first, Cell::Empty));
        // One column, as nearly always: no text is joined.
        if labels.is_empty() && !rest.iter().any(|(g, _, v)| *g == f && !v.is_empty()) {
            return Some((first, col));
        }
        let rest: Vec<(u32, Cell)> =
            rest.iter_mut().filter(|(g, _, v)| *g == f && !v.is_empty()).map(|(_, c, v)| (*c, std::mem::replace(v, Cell::Empty))).collect();
        // A formula error in any of them is the field's value, to be flagged, not joined.
        if let Some((c, e)) = std::iter::once((col, first.clone())).chain(rest.iter().cloned()).find(|(_, v)| matches!(v, Cell::Error(_))) {
            return Some((e, c));
        }
        let texts: Vec<String> = std::iter::once((col, first))
            .chain(rest)
            .map(|(c, v)| (c, v.into_text()))
            .filter(|(_, t)| !t.trim().is_empty())
            .map(|(c, t)| match labels.iter().find(|(l, _)| *l == c) {
                Some((_, label)) => format!("{label}: {t}"),
                None => t,
            })
            .collect();
        if texts.is_empty() {
            return Some((Cell::Empty, col));
        }
        Some((Cell::Text(texts.join("; ")), col))
    }
}

/// A sheet as read.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct SheetData {
    pub name: String,
    pub hidden: bool,
    pub header: Option<Header>,
    pub top: Vec<TopCell>,
    pub rows: Vec<RawRow>,
    /// 0-based row where the signing block under the table starts ("Bắc Giang, ngày…",
    /// "Nơi nhận:", "GIÁM ĐỐC"), if the sheet has one. Its rows are still in `rows`.
    pub signing_row: Option<u32>,
    /// The place-and-date lines of that signing block: where the report's date may be.
    pub signing_dates: Vec<TopCell>,
    /// The lines of that signing block that sign for a body ("TM. ỦY BAN NHÂN DÂN HUYỆN
    /// LỤC NGẠN", "GIÁM ĐỐC SỞ NGOẠI VỤ"): where the sender may be named.
    #[serde(default)]
    pub signers: Vec<TopCell>,
    /// Cells in the table's rows under no header at all (typed beside the table's
    /// columns): per such column, its 0-based index, the first row, and how many.
    #[serde(default)]
    pub stray: Vec<(u32, u32, usize)>,
    /// Another table under the report's, with a header of its own that names no activity,
    /// result or task ("STT | Nguồn kinh phí | Số tiền"): its 0-based header row, its
    /// header's texts, and how many rows it has. Its rows are not the report's.
    #[serde(default)]
    pub other_table: Option<(u32, String, usize)>,
    /// Rows of the table hidden by hand (not by a filter, nor folded into an outline
    /// group): the sender left them out of what is shown and printed. Each 0-based row
    /// with its texts, cut short; they are not in `rows`.
    #[serde(default)]
    pub hidden_rows: Vec<(u32, String)>,
    /// Columns of the table hidden by hand and left out of it, as they would have been
    /// read in place of a column shown or kept in the notes: each one's 0-based header row
    /// and column, and its header.
    #[serde(default)]
    pub hidden_cols: Vec<(u32, u32, String)>,
    /// Cells so far from the rest of the sheet that its grid would not fit in memory (a
    /// stray cell typed at XFD1048576): left out. The first one (0-based row, column),
    /// its text cut short, and how many.
    #[serde(default)]
    pub far: Option<(u32, u32, String, usize)>,
}

impl SheetData {
    /// Takes the rows hidden by hand (0-based, sorted) out of the table's rows.
    fn leave_out_hidden(&mut self, hidden: &[u32]) {
        if hidden.is_empty() {
            return;
        }
        let (kept, left): (Vec<RawRow>, Vec<RawRow>) =
            std::mem::take(&mut self.rows).into_iter().partition(|r| hidden.binary_search(&r.row).is_err());
        self.rows = kept;
        self.hidden_rows = left.iter().map(|r| (r.row, r.summary())).collect();
    }
}

/// The rows and columns a sheet hides by hand, 0-based and sorted (see each format's
/// reader for what is not counted: rows a filter hides, rows and columns folded into an
/// outline group).
#[derive(Debug, Clone, Default, PartialEq)]
struct Hidden {
    rows: Vec<u32>,
    cols: Vec<u32>,
}

impl Hidden {
    fn sorted(mut self) -> Hidden {
        for v in [&mut self.rows, &mut self.cols] {
            v.sort_unstable();
            v.dedup();
        }
        self
    }
}

/// A workbook as read.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct WorkbookData {
    pub sheets: Vec<SheetData>,
    /// The workbook's own name where it was sent inside a zip archive
    /// ("Báo cáo/SoNgoaiVu_2024.xlsx"): the archive is read as the one workbook it holds.
    #[serde(default)]
    pub archived: Option<String>,
}

/// A file after ingest: its size and hash, and what could be read from it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Ingested {
    pub rel: String,
    pub bytes: u64,
    pub sha256: String,
    /// The workbook, or why it was skipped (with the reader's detail).
    pub content: Result<WorkbookData, (Kind, String)>,
}

/// Rows of a sheet without a table read as its lines: a report typed as lines of a few
/// pages, well past where a header is looked for.
pub const LINES_READ: usize = 1_000;

/// Reads one file: hashes it and, if it is a spreadsheet, reads its tables. Never panics:
/// a panic inside the reader becomes a skipped file.
pub fn ingest(file: &InputFile) -> Ingested {
    // A link could lead out of the input folder: it is listed, not read.
    match std::fs::symlink_metadata(&file.path) {
        Ok(m) if m.file_type().is_symlink() => {
            return Ingested { rel: file.rel.clone(), bytes: 0, sha256: String::new(), content: Err((Kind::Symlink, String::new())) };
        }
        Ok(m) if !m.file_type().is_file() => {
            return Ingested {
                rel: file.rel.clone(),
                bytes: 0,
                sha256: String::new(),
                content: Err((Kind::Unreadable, "không phải tệp thường".into())),
            };
        }
        _ => {}
    }
    let data = match std::fs::read(&file.path) {
        Ok(d) => d,
        Err(e) => {
            return Ingested { rel: file.rel.clone(), bytes: 0, sha256: String::new(), content: Err((Kind::Unreadable, e.to_string())) };
        }
    };
    let sha256 = hex(&Sha256::digest(&data));
    let content = std::panic::catch_unwind(|| read_bytes(&file.rel, &data)).unwrap_or_else(|p| Err((Kind::ReadPanic, panic_text(&p))));
    Ingested { rel: file.rel.clone(), bytes: data.len() as u64, sha256, content }
}

fn panic_text(p: &Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| p.downcast_ref::<String>().cloned()).unwrap_or_else(|| "panic".into())
}

/// Lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The file's format as its first bytes say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Magic {
    Zip,
    Cfb,
    Other,
}

fn magic(data: &[u8]) -> Magic {
    if data.starts_with(b"PK\x03\x04") {
        Magic::Zip
    } else if data.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Magic::Cfb
    } else {
        Magic::Other
    }
}

/// Whether `needle` occurs in `hay`: a whole file is searched, so with memchr's substring
/// search rather than comparing at every byte.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(hay, needle).is_some()
}

/// Reads a workbook from its bytes. `rel` gives the name (for the lock-file and extension checks).
pub fn read_bytes(rel: &str, data: &[u8]) -> Result<WorkbookData, (Kind, String)> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    if name.starts_with("~$") {
        return Err((Kind::LockFile, String::new()));
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    // A workbook whose name lost or changed its extension (an e-mail attachment saved as
    // "ATT00001" or "noname", "bao-cao.xlsx.bak") is read as what its bytes say it is; any
    // other file under such a name is not a spreadsheet, whatever it holds.
    let known = SPREADSHEET_EXTENSIONS.contains(&ext.as_str());
    let not_spreadsheet =
        || (Kind::NotSpreadsheet, if ext.is_empty() { "tệp không có phần mở rộng".to_string() } else { format!(".{ext}") });
    let format = magic(data);
    // An archive this program cannot open: said so, for the department to unpack it.
    if data.starts_with(b"Rar!\x1a\x07") || data.starts_with(b"7z\xbc\xaf\x27\x1c") {
        let what = if data[0] == b'R' { "RAR" } else { "7-Zip" };
        return Err((Kind::NotSpreadsheet, format!("tệp nén {what}: giải nén rồi chép bảng tính vào thư mục năm")));
    }
    // A table saved as text by Excel ("CSV", "Text (Tab delimited)", "Unicode Text") is read
    // as the table it holds. A ".txt" is read only where it has a report's header: a note
    // sent beside the report is not a spreadsheet, as its name says.
    if format == Magic::Other && TEXT_TABLE_EXTENSIONS.contains(&ext.as_str()) && !data.is_empty() {
        return match read_text_table(data) {
            Ok(wb) if ext != "txt" || wb.sheets.iter().any(|s| s.header.is_some()) => Ok(wb),
            Err(e) if ext != "txt" => Err(e),
            _ => Err(not_spreadsheet()),
        };
    }
    // LibreOffice's "Flat XML ODF Spreadsheet" (.fods): an .ods's content as one XML
    // document, read as that .ods (before 0.19.0 `not_spreadsheet`).
    if ext == "fods" && format == Magic::Other {
        let head = &data[..data.len().min(8192)];
        if contains(head, b"<office:document") && contains(head, b"application/vnd.oasis.opendocument.spreadsheet") {
            let zipped = ods_of_flat(data).ok_or((Kind::Unreadable, "không đọc được bảng tính ODF dạng XML (.fods)".to_string()))?;
            return read_bytes("flat.ods", &zipped);
        }
    }
    // Excel saves "XML Spreadsheet 2003" under an ".xml" name (before 0.19.0 not read).
    if ext == "xml" && format == Magic::Other {
        let text = texttable::decode(data);
        if xml2003::is_workbook(&text) {
            return read_spreadsheet_ml(&text);
        }
    }
    if !known && format == Magic::Other {
        return Err(not_spreadsheet());
    }
    if data.is_empty() {
        return Err((Kind::Unreadable, "tệp rỗng, 0 byte".into()));
    }
    if format == Magic::Other {
        return read_text_table(data);
    }
    if format == Magic::Zip && !known {
        if let Some(read) = read_archive(data) {
            return read;
        }
    }
    let mut sheets = match open_book(format, &ext, data) {
        Ok(sheets) => sheets,
        // Encrypted with Excel's default password, which Excel opens without asking: read as
        // the workbook it is. (Tried only once the reader says it is encrypted.)
        Err((Kind::Encrypted, e)) => {
            return match decrypt::with_default_password(data) {
                Some(plain) => read_bytes(rel, &plain),
                None => Err((Kind::Encrypted, e)),
            };
        }
        // An .ods whose content is indented, as a generator's pretty-printed XML is, which
        // calamine refuses ("Expecting 'table-cell'"): read with the indentation between its
        // elements taken out (before 0.19.0 unreadable).
        Err((Kind::Unreadable, e)) if e.starts_with("ODS: ") => {
            let plain = ods_unindented(data).ok_or((Kind::Unreadable, e.clone()))?;
            let mut sheets = open_book(format, &ext, &plain).map_err(|_| (Kind::Unreadable, e))?;
            return read_sheets(&mut sheets, &plain);
        }
        Err(e) if known => return Err(e),
        Err(_) => return Err(not_spreadsheet()),
    };
    read_sheets(&mut sheets, data)
}

/// An OpenDocument workbook with the whitespace between the elements of its content's
/// structure (the document's, its tables', rows' and cells') taken out, "mimetype" first;
/// text inside a cell's paragraphs, or a format's, is kept as written. `None` where its
/// content is not indented so, or it cannot be read.
fn ods_unindented(data: &[u8]) -> Option<Vec<u8>> {
    use quick_xml::events::Event;
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(Cursor::new(data)).ok()?;
    let mut names: Vec<String> = zip.file_names().map(|n| n.map(|n| n.into_owned())).collect::<Result<_, _>>().ok()?;
    names.sort_by_key(|n| n != "mimetype");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut changed = false;
    for name in names {
        let entry = zip.by_name(&name).ok()?;
        if entry.size() > ARCHIVED_MAX {
            return None;
        }
        let mut bytes = Vec::new();
        entry.take(ARCHIVED_MAX).read_to_end(&mut bytes).ok()?;
        if name == "content.xml" {
            let mut reader = quick_xml::Reader::from_reader(&bytes[..]);
            let mut writer = quick_xml::Writer::new(Vec::with_capacity(bytes.len()));
            // Whether each open element holds the document's or a table's structure (its
            // spaces are indentation), not text ("text:p", "number:text").
            let (mut buf, mut structure) = (Vec::new(), Vec::new());
            loop {
                match reader.read_event_into(&mut buf).ok()? {
                    Event::Eof => break,
                    Event::Text(t) if structure.last() == Some(&true) && t.chars().all(|c| c.is_ascii_whitespace()) => changed = true,
                    event => {
                        match &event {
                            Event::Start(e) => structure.push(matches!(e.name().as_ref().split(':').next(), Some("table" | "office"))),
                            Event::End(_) => _ = structure.pop(),
                            _ => {}
                        }
                        writer.write_event(event).ok()?;
                    }
                }
                buf.clear();
            }
            bytes = writer.into_inner();
        }
        out.start_file(name, stored).ok()?;
        out.write_all(&bytes).ok()?;
    }
    changed.then_some(())?;
    Some(out.finish().ok()?.into_inner())
}

/// The .ods a flat OpenDocument spreadsheet (.fods) stands for: its document as the
/// content, beside the mimetype and a manifest. (The readers take what they need from the
/// one document: its tables, and its styles' formats.)
fn ods_of_flat(data: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    out.start_file("mimetype", stored).ok()?;
    out.write_all(b"application/vnd.oasis.opendocument.spreadsheet").ok()?;
    // (calamine reads the manifest for a password.)
    out.start_file("META-INF/manifest.xml", stored).ok()?;
    out.write_all(concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">"#,
        r#"<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>"#,
        r#"<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#
    ).as_bytes())
    .ok()?;
    out.start_file("content.xml", stored.large_file(data.len() as u64 >= u32::MAX as u64)).ok()?;
    out.write_all(data).ok()?;
    Some(out.finish().ok()?.into_inner())
}

/// Whether a zip's "mimetype" entry, wherever it stands, names an OpenDocument spreadsheet.
fn opendocument_spreadsheet(data: &[u8]) -> bool {
    use std::io::Read;
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(data)) else { return false };
    let Ok(entry) = zip.by_name("mimetype") else { return false };
    let mut head = Vec::new();
    entry.take(64).read_to_end(&mut head).is_ok() && head.starts_with(b"application/vnd.oasis.opendocument.spreadsheet")
}

/// The largest workbook read out of a zip archive.
const ARCHIVED_MAX: u64 = 256 << 20;

/// A zip archive a report was sent in ("bao-cao.zip", with the Word report and a scan
/// beside the workbook): read as the one workbook it holds. `None` where it holds none (not
/// a spreadsheet, as its name says); several are listed and skipped, as each may be
/// another agency's and they are not told apart inside it. macOS's copies of the files'
/// attributes ("__MACOSX/._…") and lock files are not workbooks.
fn read_archive(data: &[u8]) -> Option<Result<WorkbookData, (Kind, String)>> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(Cursor::new(data)).ok()?;
    // A workbook itself (whatever its name): opened as one.
    if ["xl/workbook.xml", "xl/workbook.bin", "content.xml", "[Content_Types].xml"].iter().any(|n| zip.index_for_name(n).is_some()) {
        return None;
    }
    let books: Vec<(usize, String)> = (0..zip.len())
        .filter_map(|i| {
            let entry = zip.by_index_raw(i).ok()?;
            // Names are UTF-8 where the archiver says so (7-Zip, WinRAR), else in a code
            // page the archive does not name.
            let name = bytes_text(entry.name_raw());
            let base = name.rsplit('/').next().unwrap_or(&name);
            let ext = base.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
            let workbook = entry.is_file() && SPREADSHEET_EXTENSIONS.contains(&ext.as_str());
            (workbook && !base.starts_with("~$") && !base.starts_with("._") && !name.starts_with("__MACOSX/")).then_some((i, name))
        })
        .collect();
    match books.as_slice() {
        [] => None,
        [(i, name)] => Some((|| {
            let entry = match zip.by_index(*i) {
                Ok(e) => e,
                Err(zip::result::ZipError::UnsupportedArchive(zip::result::ZipError::PASSWORD_REQUIRED)) => {
                    return Err((Kind::Encrypted, String::new()));
                }
                Err(e) => return Err((Kind::Unreadable, format!("tệp nén: {e}"))),
            };
            if entry.encrypted() {
                return Err((Kind::Encrypted, String::new()));
            }
            if entry.size() > ARCHIVED_MAX {
                return Err((Kind::Unreadable, format!("{name} trong tệp nén quá lớn ({} MB)", entry.size() >> 20)));
            }
            let mut inner = Vec::with_capacity(entry.size() as usize);
            entry.take(ARCHIVED_MAX).read_to_end(&mut inner).map_err(|e| (Kind::Unreadable, format!("{name} trong tệp nén: {e}")))?;
            let mut wb = read_bytes(name, &inner)?;
            wb.archived = Some(name.clone());
            Ok(wb)
        })()),
        several => {
            let names: Vec<&str> = several.iter().map(|(_, n)| n.as_str()).collect();
            Some(Err((Kind::Archive, names.join(", "))))
        }
    }
}

/// Opens a zip or OLE file as the workbook it holds; `ext` is the name's extension.
fn open_book<'a>(format: Magic, ext: &str, data: &'a [u8]) -> Result<Sheets<Cursor<&'a [u8]>>, (Kind, String)> {
    let cursor = Cursor::new(data);
    let unreadable = |e: String| (Kind::Unreadable, e);
    Ok(match format {
        Magic::Zip => {
            let is_ods = contains(&data[..data.len().min(200)], b"application/vnd.oasis.opendocument.spreadsheet");
            let xlsb = ext == "xlsb" || (!SPREADSHEET_EXTENSIONS.contains(&ext) && contains(data, b"xl/workbook.bin"));
            let ods = |cursor| {
                Ods::new(cursor).map_err(|e| match e {
                    // A cell typed far from the rest (calamine makes a grid of every sheet
                    // as it opens the file, and stops at 100 million cells).
                    calamine::OdsError::Password => (Kind::Encrypted, String::new()),
                    calamine::OdsError::CellLimitExceeded { .. } => {
                        unreadable("ODS: có ô nằm quá xa bảng, trang vượt 100 triệu ô; xóa các ô thừa ở xa bảng rồi lưu lại".into())
                    }
                    e => unreadable(format!("ODS: {e}")),
                })
            };
            if is_ods {
                Sheets::Ods(ods(cursor)?)
            } else if xlsb {
                Sheets::Xlsb(Xlsb::new(cursor).map_err(|e| unreadable(format!("XLSB: {e}")))?)
            } else {
                match Xlsx::new(cursor) {
                    Ok(book) => Sheets::Xlsx(book),
                    // Only a file that is not a workbook is searched for what it is instead.
                    Err(_) if contains(data, b"word/document.xml") => {
                        return Err((Kind::NotSpreadsheet, "tài liệu Word đặt tên như bảng tính".into()));
                    }
                    // An OpenDocument spreadsheet whose "mimetype" is not its first entry, as
                    // a tool that zips it again writes it (before 0.19.0 unreadable).
                    Err(_) if opendocument_spreadsheet(data) => Sheets::Ods(ods(Cursor::new(data))?),
                    Err(e) => return Err(unreadable(format!("XLSX: {e}"))),
                }
            }
        }
        Magic::Cfb => {
            let utf16 = |s: &str| s.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>();
            if contains(data, &utf16("EncryptedPackage")) {
                return Err((Kind::Encrypted, String::new()));
            }
            if contains(data, &utf16("WordDocument")) {
                return Err((Kind::NotSpreadsheet, "tài liệu Word (.doc) đặt tên như bảng tính".into()));
            }
            Sheets::Xls(Xls::new(cursor).map_err(|e| match e {
                // A password of the sender's own (Excel's default one is tried first).
                calamine::XlsError::Password => (Kind::Encrypted, String::new()),
                e => unreadable(format!("XLS: {e}")),
            })?)
        }
        Magic::Other => return Err(unreadable("không nhận ra định dạng".into())),
    })
}

fn read_sheets(book: &mut Sheets<Cursor<&[u8]>>, data: &[u8]) -> Result<WorkbookData, (Kind, String)> {
    let metas: Vec<calamine::Sheet> = book.sheets_metadata().to_vec();
    let metas_count = metas.len();
    // An XLS workbook's records, read once where needed.
    let xls_sheets = std::cell::OnceCell::new();
    let xls_sheet = |name: &str| xls_sheets.get_or_init(|| xls_layout(data).unwrap_or_default()).get(name).cloned().unwrap_or_default();
    // An ODS workbook's content (every sheet's), read again once where needed.
    let ods_content = std::cell::OnceCell::new();
    let ods_xml = || ods_content.get_or_init(|| ods_content_of(data)).as_deref();
    let mut sheets = Vec::new();
    for meta in metas {
        if meta.typ != calamine::SheetType::WorkSheet {
            continue;
        }
        let unreadable = |e: String| (Kind::Unreadable, format!("trang \"{}\": {e}", meta.name));
        // An ODS sheet's merged cells, hidden rows and numbers shown, from one walk of the
        // workbook's content (made where any of them is needed).
        let ods_walk = std::cell::OnceCell::new();
        let ods_sheet = || ods_walk.get_or_init(|| ods_xml().and_then(|xml| ods_layout(xml, &meta.name))).as_ref();
        // XLSX and XLSB cells are read one by one, as calamine's grid reads them, to leave
        // out any far from the rest (cachegrind, S: 0.8% more instructions in the workers;
        // reading so only the sheets whose given size is large cost 4.7%, as it opens each
        // sheet twice).
        // Whether a formula with no value saved was read (worked out below where it can be).
        let no_value = std::cell::Cell::new(false);
        // The XLSX styles that show a number otherwise than as kept, with how.
        let mut shown = Vec::new();
        let (mut range, far) = match book {
            // (Errors said as calamine says them: "Xlsx error: …".)
            Sheets::Xlsx(x) => {
                // A formula saved with no value (a workbook a script wrote) is marked, not
                // read as an empty cell.
                let with_formulas = match x.worksheet_cells_reader(&meta.name) {
                    Ok(mut cells) => {
                        let size = cells.dimensions().len();
                        shown = shown_styles(cells.styles());
                        let next = || {
                            let c = cells.next_cell_with_formula().map_err(|e| calamine::Error::from(e).to_string())?;
                            Ok(c.map(|c| match (c.value, c.formula) {
                                (calamine::DataRef::Empty, Some(f)) if !f.trim().is_empty() => {
                                    no_value.set(true);
                                    calamine::Cell::new(c.pos, calamine::DataRef::String(format!("{NO_VALUE}{f}")))
                                }
                                (value, _) => calamine::Cell::new(c.pos, value),
                            }))
                        };
                        Some((size, near_cells(size, next)))
                    }
                    Err(calamine::XlsxError::NotAWorksheet(_)) => None,
                    Err(e) => return Err(unreadable(calamine::Error::from(e).to_string())),
                };
                match with_formulas {
                    None => (Range::default(), None),
                    Some((_, Ok(read))) => read,
                    // (A formula calamine cannot read, a shared one with no index, fails that
                    // pass: the values alone are read, as before.)
                    Some((size, Err(_))) => {
                        let mut cells =
                            x.worksheet_cells_reader(&meta.name).map_err(|e| unreadable(calamine::Error::from(e).to_string()))?;
                        near_cells(size, || cells.next_cell().map_err(|e| calamine::Error::from(e).to_string())).map_err(unreadable)?
                    }
                }
            }
            Sheets::Xlsb(x) => {
                let mut cells = x.worksheet_cells_reader(&meta.name).map_err(|e| unreadable(calamine::Error::from(e).to_string()))?;
                let size = cells.dimensions().len();
                near_cells(size, || cells.next_cell().map_err(|e| calamine::Error::from(e).to_string())).map_err(unreadable)?
            }
            _ => (book.worksheet_range(&meta.name).map_err(|e| unreadable(e.to_string()))?, None),
        };
        if no_value.get() {
            formula::evaluate(&mut range);
        }
        // Numbers shown otherwise than as kept ("85%" typed into a cell, kept as 0.85; 300
        // formatted to show "300 đại biểu"): the texts shown (before 0.17.0 the fractions,
        // before 0.18.0 the numbers with words or scaled).
        match book {
            Sheets::Xlsx(x) if !shown.is_empty() => shown_in_xlsx(x, &meta.name, &shown, &mut range),
            Sheets::Xls(_) => {
                for (row, col, how) in xls_sheet(&meta.name).shown {
                    as_shown(&mut range, (row, col), &how);
                }
            }
            Sheets::Xlsb(_) => {
                for (row, col, how) in xlsb_shown(data, &meta.name).unwrap_or_default() {
                    as_shown(&mut range, (row, col), &how);
                }
            }
            Sheets::Ods(_) => {
                // (Any cell of a number: its format may be one of the workbook's own
                // styles, in styles.xml, not in the content.)
                let any = ods_xml().is_some_and(|xml| {
                    [&b"\"percentage\""[..], b"\"currency\"", b"\"float\""].iter().any(|n| memchr::memmem::find(xml, n).is_some())
                });
                for (row, col, shown) in ods_sheet().filter(|_| any).map_or(&[][..], |l| &l.shown[..]) {
                    if matches!(range.get_value((*row, *col)), Some(Data::Float(_) | Data::Int(_))) {
                        range.set_value((*row, *col), Data::String(shown.clone()));
                    }
                }
            }
            _ => {}
        }
        // An XLSX sheet's XML, read again whole (once) where its merged cells or hidden rows
        // are needed.
        let (is_xlsx, xml) = (matches!(book, Sheets::Xlsx(_)), std::cell::OnceCell::new());
        let sheet_xml = || xml.get_or_init(|| xlsx_sheet_xml(data, &meta.name, metas_count)).as_deref();
        // Merged regions cost a second pass over the sheet: read only if a row needs them.
        let merges = |book: &mut Sheets<Cursor<&[u8]>>| {
            let ours = if is_xlsx { sheet_xml().and_then(merges_in) } else { None };
            // (An ODS workbook's content, every sheet's, is read once, and each sheet's part
            // walked once.)
            let ods = if matches!(book, Sheets::Ods(_)) { ods_sheet() } else { None };
            ours.unwrap_or_else(|| merged_regions(book, data, ods, &meta.name))
        };
        let hidden = meta.visible != calamine::SheetVisible::Visible;
        // The rows and columns of its table hidden by hand, which calamine does not report:
        // from the sheet's XML (XLSX), the workbook's content (ODS) or its records (XLS, XLSB).
        // (Which reader, apart from the reader itself, which `merges` borrows.)
        let (xls, xlsb, ods) = (matches!(book, Sheets::Xls(_)), matches!(book, Sheets::Xlsb(_)), matches!(book, Sheets::Ods(_)));
        let found = || {
            if xls {
                xls_sheet(&meta.name).hidden
            } else if xlsb {
                xlsb_layout(data, &meta.name).map(|(_, hidden)| hidden).unwrap_or_default()
            } else if ods {
                // (Most workbooks hide nothing: one search tells.)
                match ods_xml().is_some_and(|xml| memchr::memmem::find(xml, b"\"collapse\"").is_some()) {
                    true => ods_sheet().map(|l| l.hidden.clone()).unwrap_or_default(),
                    false => Hidden::default(),
                }
            } else if xml.get().is_some() || xlsx_may_hide_rows(data, &meta.name, metas_count) {
                // An XLSX sheet's XML, held whole only where it may hide one, or is already
                // (for its merged cells).
                sheet_xml().map(xlsx_hidden).unwrap_or_default()
            } else {
                Hidden::default()
            }
        };
        read_grid(&mut sheets, (&meta.name, hidden), &range, far, &mut || merges(book), found);
    }
    if sheets.is_empty() {
        return Err((Kind::NoTable, ": sổ không có trang tính nào".into()));
    }
    Ok(WorkbookData { sheets, archived: None })
}

/// Reads a sheet's grid as a report (`read_sheet`) onto the sheets read before it, whose
/// last table it may carry on. `merges` gives its merged regions, where a row needs them;
/// `found` the rows and columns hidden by hand, asked only where it has rows.
fn read_grid(
    sheets: &mut Vec<SheetData>,
    (name, hidden): (&str, bool),
    range: &Range<Data>,
    far: Option<(u32, u32, String, usize)>,
    merges: &mut dyn FnMut() -> Vec<Dimensions>,
    found: impl FnOnce() -> Hidden,
) {
    // The header of the last sheet read with a table, for a page carried on without one.
    fn carried(sheets: &[SheetData]) -> Option<Carried<'_>> {
        sheets.iter().rev().find(|s| s.header.is_some() && !s.hidden).map(Carried::from)
    }
    let mut read = read_sheet(name, hidden, range, &[], merges, carried(sheets));
    if read.iter().any(|s| !s.rows.is_empty()) {
        let found = found();
        // Columns hidden by hand under the table's header (last year's results hidden
        // beside this year's): the sheet is read again, leaving out those it would read
        // in place of one shown or keep in its notes (`Header::leave_out`).
        let under_header = |h: &header::Header| {
            h.columns.iter().map(|c| c.col).chain(h.others.iter().map(|o| o.0)).any(|c| found.cols.binary_search(&c).is_ok())
        };
        if read.iter().filter_map(|s| s.header.as_ref()).any(under_header) {
            read = read_sheet(name, hidden, range, &found.cols, merges, carried(sheets));
        }
        for s in &mut read {
            s.leave_out_hidden(&found.rows);
        }
    }
    read[0].far = far;
    sheets.extend(read);
}

/// The styles of an XLSX workbook's palette that show a number otherwise than as it is
/// kept (see `Shown`), by their index, with how each shows it. Not the built-in currency
/// and accounting formats (5-8, 41-44), whose sign is the locale's where the workbook
/// gives no code of its own: calamine gives the United States' "$".
fn shown_styles(styles: &[calamine::Style]) -> Vec<(usize, Shown)> {
    let mut found = Vec::new();
    for (id, style) in styles.iter().enumerate() {
        let Some(format) = style.number_format.as_ref() else { continue };
        if matches!(format.format_id, Some(5..=8 | 41..=44)) {
            continue;
        }
        if let Some(shown) = Shown::of(&format.format_code) {
            found.push((id, shown));
        }
    }
    found
}

/// How a number format shows a number of zero and more where the text differs from the
/// number as it is kept: as a percentage ("0%": 0.85 shows "85%"), scaled by thousands
/// ("#,##0,,": 50000000 shows "50", as a budget in millions may be typed in đồng), or with
/// words about it ("0\" đại biểu\"": 300 shows "300 đại biểu"; "#,##0 [$₫-42A]": "50000000 ₫").
/// Not dates and times, fractions, exponents, text, or a format with conditions.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Shown {
    /// The decimals shown.
    decimals: usize,
    /// What the number is multiplied by (100 for a percentage, 1/1000 per scaling comma).
    times: f64,
    /// The texts before and after the number ("%" among them).
    before: String,
    after: String,
    /// How many sections the format has ("0 đ;-0 đ;\"-\"": three): the first is for
    /// numbers of zero and more, or above zero where there are three.
    sections: usize,
}

impl Shown {
    /// How `code` shows a number, or `None` where it shows it as it is (or as something
    /// else than a number with words about it).
    pub(crate) fn of(code: &str) -> Option<Shown> {
        // The sections, split on semicolons outside quotes.
        let (mut sections, mut quoted) = (vec![String::new()], false);
        let mut chars = code.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => quoted = !quoted,
                ';' if !quoted => {
                    sections.push(String::new());
                    continue;
                }
                '\\' if !quoted => {
                    let last = sections.last_mut().expect("one at least");
                    last.push(c);
                    last.extend(chars.next());
                    continue;
                }
                _ => {}
            }
            sections.last_mut().expect("one at least").push(c);
        }
        // "General", as a number shows with no format, marked by a character no code holds.
        let mut first = sections.remove(0);
        if let Some(at) = first.to_ascii_lowercase().find("general") {
            first.replace_range(at..at + "general".len(), "\u{1}");
        }
        let (mut before, mut after, mut digits, mut decimals, mut point, mut commas, mut percent) =
            (String::new(), String::new(), false, 0, false, 0, false);
        let mut chars = first.chars().peekable();
        // The literal text goes before the number until its first digit, then after it.
        macro_rules! text {
            ($t:expr) => {
                if digits {
                    after.push_str($t)
                } else {
                    before.push_str($t)
                }
            };
        }
        while let Some(c) = chars.next() {
            match c {
                '"' => {
                    let t: String = chars.by_ref().take_while(|&c| c != '"').collect();
                    text!(&t);
                }
                '\\' => text!(&chars.next()?.to_string()),
                // Room for a character, and a character repeated to fill the cell.
                '_' | '*' => {
                    chars.next();
                }
                '[' => {
                    let inside: String = chars.by_ref().take_while(|&c| c != ']').collect();
                    match inside.strip_prefix('$') {
                        // A currency and its locale, "[$₫-42A]"; the locale alone, "[$-42A]".
                        Some(sign) => text!(sign.split('-').next().unwrap_or("")),
                        // A colour is no text; a condition or an elapsed time is not for here.
                        None if inside.chars().all(char::is_alphanumeric)
                            && !matches!(inside.to_lowercase().as_str(), "h" | "hh" | "m" | "mm" | "s" | "ss") => {}
                        None => return None,
                    }
                }
                '0' | '#' | '?' => {
                    if !after.is_empty() {
                        // Text between the digits, "0\" - \"0": no number with words.
                        return None;
                    }
                    digits = true;
                    if point {
                        decimals += 1;
                    }
                    commas = 0;
                }
                '.' if digits || chars.peek().is_some_and(|c| matches!(c, '0' | '#' | '?')) => {
                    point = true;
                    digits = true;
                }
                ',' if digits && after.is_empty() => commas += 1,
                '%' => {
                    percent = true;
                    text!("%");
                }
                '\u{1}' => {
                    digits = true;
                    decimals = usize::MAX;
                }
                // Dates and times, exponents, fractions and text are not a number with words.
                c if c.is_alphabetic() || c == '/' || c == '@' => return None,
                c => text!(&c.to_string()),
            }
        }
        if !digits {
            return None;
        }
        let words = |t: &str| t.chars().any(|c| c.is_alphanumeric() || c == '%' || CURRENCY_SIGNS.contains(c));
        if !percent && commas == 0 && !words(&before) && !words(&after) {
            return None;
        }
        let times = if percent { 100.0 } else { 1.0 } / 1000f64.powi(commas);
        Some(Shown { decimals, times, before, after, sections: sections.len() + 1 })
    }

    /// The text `n` shows, or `None` where another section of the format shows it (a
    /// number below zero where it has two, zero where it has three).
    pub(crate) fn text(&self, n: f64) -> Option<String> {
        if (n < 0.0 && self.sections > 1) || (n == 0.0 && self.sections > 2) || !n.is_finite() {
            return None;
        }
        let v = n.abs() * self.times;
        let number = if self.decimals == usize::MAX { Cell::Number(v).text() } else { format!("{:.*}", self.decimals, v) };
        let sign = if n < 0.0 { "-" } else { "" };
        Some(format!("{sign}{}{number}{}", self.before, self.after).trim().to_string())
    }
}

/// Signs of money a number format may show: the đồng's, and those of the currencies a
/// province's partners pay in. Not "$": the sign Excel's currency and accounting formats
/// show on a computer set up for the United States, whatever the money is (an amount in
/// đồng shown "$50,000,000" is still read as the number).
const CURRENCY_SIGNS: &str = "₫€£¥₩₹฿₽¢﷼";

/// Numbers an XLSX sheet shows otherwise than as kept (see `Shown`), made the texts shown
/// ("85%", which Excel keeps as 0.85 formatted "0%": a result read "0.85", a status "1"
/// where "100%" was typed). A second pass over the sheet, for its cells' styles, made only
/// in a workbook that has such a style.
fn shown_in_xlsx(x: &mut calamine::Xlsx<Cursor<&[u8]>>, name: &str, shown: &[(usize, Shown)], range: &mut Range<Data>) {
    if !range.used_cells().any(|(_, _, v)| matches!(v, Data::Float(_) | Data::Int(_))) {
        return;
    }
    let Ok(mut cells) = x.worksheet_cells_reader(name) else { return };
    while let Ok(Some((row, col, style))) = cells.next_style_id() {
        if let Some((_, how)) = shown.iter().find(|(id, _)| *id == style) {
            as_shown(range, (row, col), how);
        }
    }
}

/// A number in a grid made the text its cell shows (0.85 formatted "0%": "85%").
fn as_shown(range: &mut Range<Data>, at: (u32, u32), how: &Shown) {
    let number = match range.get_value(at) {
        Some(Data::Float(f)) => *f,
        Some(Data::Int(i)) => *i as f64,
        _ => return,
    };
    if let Some(text) = how.text(number) {
        range.set_value(at, Data::String(text));
    }
}

/// What stands before a formula's text where an XLSX cell holds a formula saved with no
/// value: the cell is read as `Cell::Error("=…")`, flagged `formula_no_value`. (A
/// character of Unicode's private use area, which no report's text holds.)
pub const NO_VALUE: char = '\u{E000}';

/// Most cells a sheet's grid may span (512 MiB of cells) before the cells far from the
/// rest are left out.
const GRID_CELLS: u64 = 16 << 20;

/// The least gap, in rows or columns, between the cells kept and those left out as far
/// away: a sheet's own parts stand closer.
const FAR_GAP: u32 = 1000;

/// A sheet's grid from its cells, read one by one from `next`, as calamine's
/// `worksheet_range` makes it; but where one grid over every cell would span more than
/// `GRID_CELLS` (a stray cell typed at XFD1048576 makes 17 billion of them, and the
/// reader runs out of memory), the cells beyond the widest gap between rows or columns
/// holding any are left out, those on the side with fewer, until it does not. Returns the
/// grid and, if any were left out, the first of them, its text and how many. `size` is the
/// sheet's size as it gives it, room for its cells where it is small.
#[allow(clippy::type_complexity)]
fn near_cells<'a>(
    size: u64,
    mut next: impl FnMut() -> Result<Option<calamine::Cell<calamine::DataRef<'a>>>, String>,
) -> Result<(Range<Data>, Option<(u32, u32, String, usize)>), String> {
    let mut cells: Vec<calamine::Cell<Data>> = Vec::with_capacity(if size < 100_000 { size as usize } else { 0 });
    while let Some(c) = next()? {
        // (A text of spaces, as a formula giving "" leaves, is read as no cell at all.)
        // (Most texts start with a letter: only the others are trimmed to find out.)
        let spaces = |t: &str| t.as_bytes().first().is_none_or(|b| !b.is_ascii_alphanumeric()) && t.trim().is_empty();
        let blank = match c.get_value() {
            calamine::DataRef::Empty => true,
            calamine::DataRef::String(t) => spaces(t),
            calamine::DataRef::SharedString(t) => spaces(t),
            _ => false,
        };
        if !blank {
            let pos = c.get_position();
            cells.push(calamine::Cell::new(pos, Data::from(c.get_value().clone())));
        }
    }
    let mut far: Vec<calamine::Cell<Data>> = Vec::new();
    loop {
        // The grid's height and width, in one pass (this runs for every sheet).
        let (mut low, mut high) = ((u32::MAX, u32::MAX), (0, 0));
        for c in &cells {
            let (r, col) = c.get_position();
            (low, high) = ((low.0.min(r), low.1.min(col)), (high.0.max(r), high.1.max(col)));
        }
        let (height, width) = (u64::from(high.0.saturating_sub(low.0)) + 1, u64::from(high.1.saturating_sub(low.1)) + 1);
        if cells.is_empty() || height * width <= GRID_CELLS {
            break;
        }
        // The gap that leaves out the most of the grid.
        let (by_row, gap) = match (widest_gap(&cells, |p| p.0), widest_gap(&cells, |p| p.1)) {
            (Some(r), Some(c)) if u64::from(c.1 - c.0) * height > u64::from(r.1 - r.0) * width => (false, c),
            (Some(r), _) => (true, r),
            (None, Some(c)) => (false, c),
            (None, None) => break,
        };
        let at = |c: &calamine::Cell<Data>| if by_row { c.get_position().0 } else { c.get_position().1 };
        let before = cells.iter().filter(|c| at(c) <= gap.0).count();
        let keep_before = before * 2 >= cells.len();
        let (kept, out): (Vec<_>, Vec<_>) = cells.into_iter().partition(|c| (at(c) <= gap.0) == keep_before);
        cells = kept;
        far.extend(out);
    }
    let far = far.iter().min_by_key(|c| c.get_position()).map(|first| {
        let (row, col) = first.get_position();
        let text: String = first.get_value().to_string().chars().take(60).collect();
        (row, col, text, far.len())
    });
    Ok((Range::from_sparse(cells), far))
}

/// The widest gap of at least `FAR_GAP` between two rows (or columns, as `at` takes) that
/// hold cells: the last before it and the first after it.
fn widest_gap(cells: &[calamine::Cell<Data>], at: impl Fn((u32, u32)) -> u32) -> Option<(u32, u32)> {
    let mut at: Vec<u32> = cells.iter().map(|c| at(c.get_position())).collect();
    at.sort_unstable();
    at.dedup();
    at.windows(2).filter(|w| w[1] - w[0] >= FAR_GAP).max_by_key(|w| w[1] - w[0]).map(|w| (w[0], w[1]))
}

fn merged_regions(book: &mut Sheets<Cursor<&[u8]>>, data: &[u8], ods: Option<&OdsLayout>, name: &str) -> Vec<Dimensions> {
    match book {
        Sheets::Xlsx(x) if x.sheets_metadata().len() == 1 => {
            only_sheet_merges(data).unwrap_or_else(|| x.merge_cells_by_sheet_name(name).unwrap_or_default())
        }
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Ods(_) => ods.map(|l| l.merges.clone()).unwrap_or_default(),
        Sheets::Xlsb(_) => xlsb_layout(data, name).map(|(merges, _)| merges).unwrap_or_default(),
    }
}

/// The largest `content.xml` of an ODS workbook read again for its merged cells.
const ODS_CONTENT_MAX: u64 = 64 << 20;

/// An ODS workbook's `content.xml`, read again whole (every sheet is in it).
fn ods_content_of(data: &[u8]) -> Option<Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(data)).ok()?;
    entry_bytes(&mut zip, data, "content.xml", ODS_CONTENT_MAX)
}

/// What calamine does not report of an ODS sheet: its merged regions, the rows and
/// columns it hides by hand, and what its cells of numbers show.
struct OdsLayout {
    /// Its cells that span rows or columns (`table:number-rows-spanned`,
    /// `table:number-columns-spanned`), which calamine does not report.
    merges: Vec<Dimensions>,
    /// 0-based rows and columns with `table:visibility="collapse"`: not rows a filter hides
    /// (`"filter"`), nor those of a folded outline group (inside `<table:table-row-group>`
    /// or `<table:table-column-group>`).
    hidden: Hidden,
    /// Cells of numbers shown otherwise than as kept, which calamine reads as the numbers:
    /// a percentage (`office:value-type="percentage"`, read as the fraction), an amount of
    /// money with its sign ("currency", "50.000.000 ₫"), a number with words ("300 đại
    /// biểu") or scaled ("50" for 50000000): 0-based
    /// row and column, and the text the cell shows.
    shown: Vec<(u32, u32, String)>,
}

/// What an ODS cell of a number keeps (`office:value-type`).
#[derive(Clone, Copy)]
enum Kept {
    Share,
    Money,
    Number,
}

/// Walks the sheet named `name` in an ODS `content.xml`. `None` where anything is
/// unexpected (no regions, hidden rows or numbers shown are used then).
fn ods_layout(xml: &[u8], name: &str) -> Option<OdsLayout> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    reader.config_mut().expand_empty_elements = true;
    let number = |e: &quick_xml::events::BytesStart, attr: &str| -> Option<u32> {
        match e.try_get_attribute(attr).ok()? {
            Some(a) => a.value.trim().parse().ok(),
            None => Some(1),
        }
    };
    let value = |e: &quick_xml::events::BytesStart, attr: &str| -> Option<String> {
        let a = e.try_get_attribute(attr).ok()??;
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned())
    };
    let (mut inside, mut depth, mut groups, mut col_groups) = (false, 0u32, 0u32, 0u32);
    let (mut row, mut col, mut repeats, mut column) = (0u32, 0u32, 1u32, 0u32);
    // Where the row being read starts among the numbers shown; the number the cell being
    // read keeps.
    let (mut row_shown, mut float_kept) = (0, f64::NAN);
    let mut layout = OdsLayout { merges: Vec::new(), hidden: Hidden::default(), shown: Vec::new() };
    // A number's cell being read: where it starts, how many columns it repeats over, the
    // text it shows, and whether that is its text whatever it is (a percentage's).
    let mut number_cell: Option<(u32, u32, String, Kept)> = None;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if e.name().as_ref() == "table:table" => {
                if inside {
                    depth += 1;
                } else if value(&e, "table:name").as_deref() == Some(name) {
                    inside = true;
                }
            }
            Event::End(e) if inside && e.name().as_ref() == "table:table" => {
                if depth == 0 {
                    layout.hidden = layout.hidden.sorted();
                    return Some(layout);
                }
                depth -= 1;
            }
            Event::Start(e) if inside && depth == 0 && e.name().as_ref() == "table:table-row-group" => groups += 1,
            Event::End(e) if inside && depth == 0 && e.name().as_ref() == "table:table-row-group" => groups = groups.saturating_sub(1),
            Event::Start(e) if inside && depth == 0 && e.name().as_ref() == "table:table-row" => {
                (col, repeats, row_shown) = (0, number(&e, "table:number-rows-repeated")?, layout.shown.len());
                if groups == 0 && value(&e, "table:visibility").as_deref() == Some("collapse") {
                    // A run of hidden empty rows to the sheet's end is no row of the table.
                    layout.hidden.rows.extend(row..row.saturating_add(repeats.min(10_000)));
                }
            }
            Event::Start(e) if inside && depth == 0 && e.name().as_ref() == "table:table-column-group" => col_groups += 1,
            Event::End(e) if inside && depth == 0 && e.name().as_ref() == "table:table-column-group" => {
                col_groups = col_groups.saturating_sub(1)
            }
            Event::Start(e) if inside && depth == 0 && e.name().as_ref() == "table:table-column" => {
                let n = number(&e, "table:number-columns-repeated")?;
                if col_groups == 0 && value(&e, "table:visibility").as_deref() == Some("collapse") {
                    layout.hidden.cols.extend(column..column.saturating_add(n.min(1_000)));
                }
                column = column.saturating_add(n);
            }
            Event::End(e) if inside && depth == 0 && e.name().as_ref() == "table:table-row" => {
                // A row's numbers shown, in each row it repeats over ("$1" in two rows alike).
                let once = layout.shown[row_shown..].to_vec();
                for again in 1..repeats.min(1_000) {
                    layout.shown.extend(once.iter().map(|(r, c, t)| (r + again, *c, t.clone())));
                }
                row = row.saturating_add(repeats);
            }
            Event::Start(e) if inside && depth == 0 && matches!(e.name().as_ref(), "table:table-cell" | "table:covered-table-cell") => {
                let (rows, cols) = (number(&e, "table:number-rows-spanned")?, number(&e, "table:number-columns-spanned")?);
                if rows > 1 || cols > 1 {
                    layout.merges.push(Dimensions { start: (row, col), end: (row + rows - 1, col + cols - 1) });
                }
                let repeated = number(&e, "table:number-columns-repeated")?;
                let kept = match value(&e, "office:value-type").as_deref() {
                    Some("percentage") => Some(Kept::Share),
                    Some("currency") => Some(Kept::Money),
                    Some("float") => Some(Kept::Number),
                    _ => None,
                };
                if let Some(kept) = kept {
                    number_cell = Some((col, repeated.min(1_000), String::new(), kept));
                    float_kept = value(&e, "office:value").and_then(|v| v.parse::<f64>().ok()).unwrap_or(f64::NAN);
                }
                col = col.saturating_add(repeated);
            }
            Event::Text(t) if number_cell.is_some() => {
                if let Some((_, _, shown, _)) = number_cell.as_mut() {
                    shown.push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0));
                }
            }
            Event::End(e) if e.name().as_ref() == "table:table-cell" && number_cell.is_some() => {
                // A number with words about it, the figures apart from the words ("300 đại
                // biểu", "15.000.000 đ", "VND 15000000"; not a date, "0-Jan-00", nor a
                // formula's error, "#NAME?"), or a sign of money or a share; money with words
                // anywhere ("ANG (1.2)"); a percentage whatever it shows.
                let figures = |t: &str| t.chars().any(|c| c.is_ascii_digit()) && t.chars().all(|c| c.is_ascii_digit() || ".,-".contains(c));
                let letters = |t: &str| t.chars().filter(|c| c.is_alphabetic()).count() > 1;
                // Or figures that are the number scaled by thousands ("50" for 50000000, as
                // "#,##0,," shows it), grouped either way.
                let scaled = |t: &str| {
                    let t = t.trim();
                    // Its grouping marks before its decimal one: "1,234.5" or "1.234,5".
                    let read = |group: char, point: char| {
                        (t.rfind(group).unwrap_or(0) <= t.find(point).unwrap_or(t.len()))
                            .then(|| t.replace(group, "").replace(point, ".").parse::<f64>().ok())
                            .flatten()
                    };
                    // (Not the number itself, grouped: "1,234" for 1234 is not 1.234 scaled.)
                    let readings: Vec<f64> = [read(',', '.'), read('.', ',')].into_iter().flatten().collect();
                    let by = |c: f64, k: f64| c != 0.0 && ((float_kept / c) / k - 1.0).abs() < 1e-9;
                    figures(t)
                        && !readings.iter().any(|&c| by(c, 1.0))
                        && readings.iter().any(|&c| [1e3, 1e6, 1e9].iter().any(|&k| by(c, k)))
                };
                let words = |t: &str| {
                    scaled(t) || {
                        let t = t.trim();
                        let (first, last) = (t.split_whitespace().next().unwrap_or(""), t.split_whitespace().last().unwrap_or(""));
                        !t.starts_with('#')
                            && ((figures(first) && letters(&t[first.len()..]))
                                || (figures(last) && letters(&t[..t.len() - last.len()]))
                                || t.contains(|c| c == '%' || CURRENCY_SIGNS.contains(c)))
                    }
                };
                let money = |t: &str| letters(t) || t.contains(|c| CURRENCY_SIGNS.contains(c));
                let shows = |(_, _, shown, kept): &(u32, u32, String, Kept)| match kept {
                    Kept::Share => true,
                    Kept::Money => money(shown) || words(shown),
                    Kept::Number => words(shown),
                };
                if let Some((first, n, shown, _)) = number_cell.take().filter(shows) {
                    layout.shown.extend((first..first.saturating_add(n)).map(|c| (row, c, shown.trim().to_string())));
                }
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// The characters of a BIFF8 XLUnicodeString, `count` of them after its byte of flags,
/// whose bit 0 says they are UTF-16 (else a byte each); `None` where they do not fit or do
/// not decode.
fn xl_string(count: usize, flags: u8, chars: &[u8]) -> Option<String> {
    if flags & 1 == 1 {
        let units: Vec<u16> = chars.get(..count * 2)?.chunks(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        String::from_utf16(&units).ok()
    } else {
        Some(chars.get(..count)?.iter().map(|&b| char::from(b)).collect())
    }
}

/// What calamine does not report of an XLS sheet.
#[derive(Debug, Clone, Default)]
struct XlsSheet {
    hidden: Hidden,
    /// Its cells of numbers shown otherwise than as kept (see `Shown`): 0-based row and
    /// column, and how.
    shown: Vec<(u32, u32, Shown)>,
}

/// What each sheet of an XLS (BIFF8) workbook does not tell calamine, by sheet name. The
/// rows and columns it hides by hand: its ROW records (0x0208) marked hidden (`fDyZero`),
/// not those of an outline level above 0 (folded into a group), and none in a sheet with a
/// filter on (FILTERMODE, 0x009B: the rows it hides are data); its COLINFO records (0x007D)
/// marked hidden (`fHidden`), not those of an outline level above 0. Its cells of numbers
/// (NUMBER, RK, MULRK, FORMULA) whose XF (0x00E0) has a format that shows them otherwise than
/// as kept (see `Shown`): a percentage's built in ("0%", "0.00%") or the workbook's own
/// (FORMAT, 0x041E). `None` where anything is unexpected.
fn xls_layout(data: &[u8]) -> Option<std::collections::HashMap<String, XlsSheet>> {
    use std::io::Read;
    let mut cf = cfb::CompoundFile::open(Cursor::new(data)).ok()?;
    let stream = ["/Workbook", "/Book"].into_iter().find(|n| cf.is_stream(n))?;
    let mut wb = Vec::new();
    cf.open_stream(stream).ok()?.take(ODS_CONTENT_MAX).read_to_end(&mut wb).ok()?;
    // The records from an offset: (type, body).
    let wb = &wb[..];
    let records = |from: usize| {
        let mut at = from;
        std::iter::from_fn(move || {
            let head = wb.get(at..at + 4)?;
            let (kind, len) = (u16::from_le_bytes([head[0], head[1]]), usize::from(u16::from_le_bytes([head[2], head[3]])));
            let body = wb.get(at + 4..at + 4 + len)?;
            at += 4 + len;
            Some((kind, body))
        })
    };
    // The globals: BIFF8 (BOF version 0x0600), then a BOUNDSHEET8 (0x0085) per sheet:
    // where its substream starts, and its name.
    let mut globals = records(0);
    let (0x0809, bof) = globals.next()? else { return None };
    if bof.get(..2)? != [0x00, 0x06] {
        return None;
    }
    let mut sheets = Vec::new();
    // The workbook's own formats that show numbers otherwise, by number; then its XFs', in
    // order.
    let (mut formats, mut xfs) = (std::collections::HashMap::new(), Vec::new());
    for (kind, body) in globals {
        match kind {
            // ifmt, then its code: an XLUnicodeString (cch, fHighByte, the characters).
            0x041E => {
                let id = u16::from_le_bytes(body.get(..2)?.try_into().ok()?);
                let count = usize::from(u16::from_le_bytes(body.get(2..4)?.try_into().ok()?));
                if let Some(how) = xl_string(count, *body.get(4)?, body.get(5..)?).and_then(|code| Shown::of(&code)) {
                    formats.insert(id, how);
                }
            }
            // ifnt, then ifmt.
            0x00E0 => {
                let id = u16::from_le_bytes(body.get(2..4)?.try_into().ok()?);
                xfs.push(match id {
                    9 => Shown::of("0%"),
                    10 => Shown::of("0.00%"),
                    _ => formats.get(&id).cloned(),
                });
            }
            0x0085 => {
                let at = u32::from_le_bytes(body.get(..4)?.try_into().ok()?) as usize;
                let name = xl_string(usize::from(*body.get(6)?), *body.get(7)?, body.get(8..)?)?;
                sheets.push((name, at));
            }
            0x000A => break,
            _ => {}
        }
    }
    let any_shown = xfs.iter().any(Option::is_some);
    let mut layout = std::collections::HashMap::new();
    for (name, at) in sheets {
        let (mut found, mut filtered, mut depth) = (Hidden::default(), false, 0u32);
        let mut shown = Vec::new();
        for (kind, body) in records(at) {
            let u16_at = |i: usize| -> Option<u16> { Some(u16::from_le_bytes(body.get(i..i + 2)?.try_into().ok()?)) };
            // A cell's row, column and how its XF shows it, if otherwise than as kept.
            let mut cell = |row: u16, col: u16, xf: u16| {
                if let Some(Some(how)) = xfs.get(usize::from(xf)) {
                    shown.push((u32::from(row), u32::from(col), how.clone()));
                }
            };
            match kind {
                0x0809 => depth += 1,
                0x000A => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        break;
                    }
                }
                0x009B if depth == 1 => filtered = true,
                0x0208 if depth == 1 => {
                    let flags = u16::from_le_bytes(body.get(12..14)?.try_into().ok()?);
                    if flags & 0x20 != 0 && flags & 0x07 == 0 {
                        found.rows.push(u32::from(u16::from_le_bytes(body.get(..2)?.try_into().ok()?)));
                    }
                }
                // colFirst, colLast, coldx, ixfe, then flags: fHidden (bit 0), iOutLevel
                // (bits 8-10).
                0x007D if depth == 1 => {
                    let flags = u16_at(8)?;
                    if flags & 0x0001 != 0 && flags & 0x0700 == 0 {
                        found.cols.extend(u32::from(u16_at(0)?)..=u32::from(u16_at(2)?.min(255)));
                    }
                }
                // NUMBER, RK, FORMULA: rw, col, ixfe.
                0x0203 | 0x027E | 0x0006 if depth == 1 && any_shown => cell(u16_at(0)?, u16_at(2)?, u16_at(4)?),
                // MULRK: rw, colFirst, then an ixfe and an RK value (six bytes) per cell.
                0x00BD if depth == 1 && any_shown => {
                    let (row, first) = (u16_at(0)?, u16_at(2)?);
                    for (i, at) in (4..body.len().saturating_sub(2)).step_by(6).enumerate() {
                        cell(row, first.saturating_add(i as u16), u16_at(at)?);
                    }
                }
                _ => {}
            }
        }
        if filtered {
            found.rows.clear();
        }
        layout.insert(name, XlsSheet { hidden: found.sorted(), shown });
    }
    Some(layout)
}

/// The largest sheet XML read whole for its merged cells (a year's report is well under 1 MB).
const ONLY_SHEET_MAX: u64 = 16 << 20;

/// The merged regions of an XLSX workbook's only sheet, read from its `<mergeCells>`
/// element alone, as calamine reads them. calamine's `merge_cells_by_sheet_name` parses the
/// whole sheet again to reach that element, which comes after the cells (under perf, about a
/// tenth of a reading worker's time at M). `None` where the sheet's XML is not the one file
/// under `xl/worksheets/`, or anything is unexpected: calamine's pass reads them then.
fn only_sheet_merges(data: &[u8]) -> Option<Vec<Dimensions>> {
    merges_in(&only_sheet_xml(data)?)
}

/// The XML of an XLSX workbook's only sheet: `None` where it is not the one file under
/// `xl/worksheets/`, or is larger than `ONLY_SHEET_MAX`.
fn only_sheet_xml(data: &[u8]) -> Option<Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(data)).ok()?;
    let name = only_sheet_name(&mut zip)?;
    entry_bytes(&mut zip, data, &name, ONLY_SHEET_MAX)
}

/// The one file under `xl/worksheets/`, if there is one and only one.
fn only_sheet_name(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Option<String> {
    let is_sheet = |n: &str| {
        let n = n.to_ascii_lowercase();
        n.strip_prefix("xl/worksheets/").is_some_and(|rest| rest.ends_with(".xml") && !rest.contains('/'))
    };
    let sheets: Vec<Option<String>> =
        zip.file_names().map(|n| n.ok().map(|n| n.to_string())).filter(|n| n.as_deref().is_none_or(is_sheet)).take(2).collect();
    match sheets.as_slice() {
        [Some(name)] => Some(name.clone()),
        _ => None,
    }
}

/// A zip entry's bytes as stored in the workbook's bytes `data` (compressed or not).
fn stored_bytes<'d>(entry: &zip::read::ZipFile<'_, Cursor<&[u8]>>, data: &'d [u8]) -> Option<&'d [u8]> {
    let start = usize::try_from(entry.data_start()?).ok()?;
    data.get(start..start.checked_add(usize::try_from(entry.compressed_size()).ok()?)?)
}

/// A zip entry's bytes, held whole: only an entry of reasonable size (calamine's pass
/// streams). A deflated entry is inflated straight from the workbook's bytes into its
/// buffer: through `Read` the buffer is zeroed first and the bytes checksummed (calamine,
/// reading the same entry, checks them), a seventh of this pass's cost on S (cachegrind).
fn entry_bytes(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, data: &[u8], name: &str, max: u64) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut entry = zip.by_name(name).ok()?;
    let size = entry.size();
    if size > max {
        return None;
    }
    if let (zip::CompressionMethod::Deflated, Some(compressed)) = (entry.compression(), stored_bytes(&entry, data)) {
        let mut out = Vec::with_capacity(size as usize);
        let mut inflater = flate2::Decompress::new(false);
        let done = inflater.decompress_vec(compressed, &mut out, flate2::FlushDecompress::Finish);
        if matches!(done, Ok(flate2::Status::StreamEnd)) && out.len() as u64 == size {
            return Some(out);
        }
    }
    let mut xml = Vec::with_capacity(size as usize);
    entry.by_ref().take(max).read_to_end(&mut xml).ok()?;
    Some(xml)
}

/// The XML of the XLSX sheet named `name`, among `count` sheets: the only sheet's, else
/// the part the workbook's relationships give it. `None` where anything is unexpected.
fn xlsx_sheet_xml(data: &[u8], name: &str, count: usize) -> Option<Vec<u8>> {
    if count == 1 {
        if let Some(xml) = only_sheet_xml(data) {
            return Some(xml);
        }
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(data)).ok()?;
    let part = xlsx_sheet_part(&mut zip, data, name)?;
    entry_bytes(&mut zip, data, &part, ONLY_SHEET_MAX)
}

/// Whether the XML of the XLSX sheet named `name` (among `count` sheets) may hide a row:
/// it holds "hidden=". Inflated a piece at a time into a small buffer and searched, not
/// held whole: most sheets hide nothing, and at L holding each sheet whole to look cost 4%
/// of the run's wall time. `true` where anything is unexpected (the whole XML is read then).
fn xlsx_may_hide_rows(data: &[u8], name: &str, count: usize) -> bool {
    let found = || -> Option<bool> {
        let mut zip = zip::ZipArchive::new(Cursor::new(data)).ok()?;
        let part = match (count, only_sheet_name(&mut zip)) {
            (1, Some(only)) => only,
            _ => xlsx_sheet_part(&mut zip, data, name)?,
        };
        let entry = zip.by_name(&part).ok()?;
        let stored = stored_bytes(&entry, data)?;
        match entry.compression() {
            zip::CompressionMethod::Stored => Some(memchr::memmem::find(stored, b"hidden=").is_some()),
            zip::CompressionMethod::Deflated => inflated_contains(stored, b"hidden="),
            _ => None,
        }
    };
    found().unwrap_or(true)
}

/// Whether deflated bytes inflate to a text holding `needle`: inflated 64 KB at a time,
/// the end of each piece carried over to the next so that a match across two is found.
fn inflated_contains(deflated: &[u8], needle: &[u8]) -> Option<bool> {
    let finder = memchr::memmem::Finder::new(needle);
    let mut inflater = flate2::Decompress::new(false);
    let mut buf = vec![0u8; 64 << 10];
    let (keep, mut carried) = (needle.len() - 1, 0);
    loop {
        let (before_in, before_out) = (inflater.total_in(), inflater.total_out());
        let rest = deflated.get(usize::try_from(before_in).ok()?..)?;
        let status = inflater.decompress(rest, &mut buf[carried..], flate2::FlushDecompress::None).ok()?;
        let end = carried + usize::try_from(inflater.total_out() - before_out).ok()?;
        if finder.find(&buf[..end]).is_some() {
            return Some(true);
        }
        if status == flate2::Status::StreamEnd {
            return Some(false);
        }
        if inflater.total_in() == before_in && inflater.total_out() == before_out {
            return None;
        }
        carried = end.min(keep);
        buf.copy_within(end - carried..end, 0);
    }
}

/// The zip path of the sheet named `name`: its relationship id in `xl/workbook.xml`, that
/// id's target in `xl/_rels/workbook.xml.rels`.
fn xlsx_sheet_part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, data: &[u8], name: &str) -> Option<String> {
    use quick_xml::events::Event;
    let workbook = entry_bytes(zip, data, "xl/workbook.xml", ONLY_SHEET_MAX)?;
    let mut reader = quick_xml::Reader::from_reader(&workbook[..]);
    let id = loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "sheet" && xml_attr(&e, "name").as_deref() == Some(name) => {
                // The relationship id, "r:id" under whatever prefix.
                let id = e.attributes().flatten().find(|a| a.key.local_name().as_ref() == "id");
                break id.and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))?;
            }
            Event::Eof => return None,
            _ => {}
        }
    };
    rels_target(zip, data, "xl/_rels/workbook.xml.rels", &id)
}

/// An attribute's value by its name, with or without a namespace prefix.
fn xml_attr(e: &quick_xml::events::BytesStart, key: &str) -> Option<String> {
    let a = e.attributes().flatten().find(|a| a.key.as_ref() == key || a.key.local_name().as_ref() == key)?;
    a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned())
}

/// The zip path a workbook's relationships (`rels`) give the relationship `id`.
fn rels_target(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, data: &[u8], rels: &str, id: &str) -> Option<String> {
    use quick_xml::events::Event;
    let rels = entry_bytes(zip, data, rels, ONLY_SHEET_MAX)?;
    let mut reader = quick_xml::Reader::from_reader(&rels[..]);
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" && xml_attr(&e, "Id").as_deref() == Some(id) => {
                let target = xml_attr(&e, "Target")?;
                return Some(match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_string(),
                    None => format!("xl/{target}"),
                });
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// The records of an XLSB part, as (type, body): each record's type and size are written
/// in groups of 7 bits, the high bit saying another follows (the type in up to 2 bytes,
/// the size in up to 4).
fn xlsb_records(bin: &[u8]) -> impl Iterator<Item = (u32, &[u8])> {
    fn number(bin: &[u8], at: &mut usize, bytes: usize) -> Option<u32> {
        let mut n = 0u32;
        for k in 0..bytes {
            let b = *bin.get(*at)?;
            *at += 1;
            n |= u32::from(b & 0x7f) << (7 * k);
            if b & 0x80 == 0 {
                break;
            }
        }
        Some(n)
    }
    let mut at = 0;
    std::iter::from_fn(move || {
        let kind = number(bin, &mut at, 2)?;
        let len = usize::try_from(number(bin, &mut at, 4)?).ok()?;
        let body = bin.get(at..at.checked_add(len)?)?;
        at += len;
        Some((kind, body))
    })
}

/// What calamine does not report of the XLSB sheet named `name`: its merged regions
/// (BrtMergeCell, 176), and the rows it hides by hand (BrtRowHdr, 0, with `fDyZero`), not
/// those of an outline level above 0, and none in a sheet with a filter on
/// (BrtBeginFilterColumn, 163), and the columns (BrtColInfo, 60, with `fHidden`), not
/// those of an outline level above 0. `None` where anything is unexpected.
fn xlsb_layout(data: &[u8], name: &str) -> Option<(Vec<Dimensions>, Hidden)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(data)).ok()?;
    let bin = xlsb_sheet_bin(&mut zip, data, name)?;
    let u32_at = |body: &[u8], i: usize| -> Option<u32> { Some(u32::from_le_bytes(body.get(i * 4..i * 4 + 4)?.try_into().ok()?)) };
    let (mut merges, mut hidden, mut filtered) = (Vec::new(), Hidden::default(), false);
    for (kind, body) in xlsb_records(&bin) {
        match kind {
            // rw, ixfe, miyRw, then a byte of flags and one with iOutLevel (bits 0-2) and
            // fDyZero (bit 4).
            0 => {
                let flags = *body.get(11)?;
                if flags & 0x10 != 0 && flags & 0x07 == 0 {
                    hidden.rows.push(u32_at(body, 0)?);
                }
            }
            // BrtColInfo: colFirst, colLast, coldx, ixfe, then flags: fHidden (bit 0),
            // iOutLevel (bits 8-10).
            60 => {
                let flags = u16::from_le_bytes(body.get(16..18)?.try_into().ok()?);
                if flags & 0x0001 != 0 && flags & 0x0700 == 0 {
                    hidden.cols.extend(u32_at(body, 0)?..=u32_at(body, 1)?.min(16_383));
                }
            }
            176 => merges.push(Dimensions { start: (u32_at(body, 0)?, u32_at(body, 2)?), end: (u32_at(body, 1)?, u32_at(body, 3)?) }),
            163 => filtered = true,
            _ => {}
        }
    }
    if filtered {
        hidden.rows.clear();
    }
    Some((merges, hidden.sorted()))
}

/// An XLSB XLWideString at `at` in a record's body: a count of UTF-16 units, then the
/// units; with the offset after it.
fn xlsb_wide(b: &[u8], at: usize) -> Option<(String, usize)> {
    let n = usize::try_from(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?)).ok()?;
    let end = at.checked_add(4)?.checked_add(n.checked_mul(2)?)?;
    let units: Vec<u16> = b.get(at + 4..end)?.chunks(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    Some((String::from_utf16(&units).ok()?, end))
}

/// The part of the XLSB sheet named `name`, found by its relationship id: in its
/// BrtBundleSh (156) in xl/workbook.bin, after two 4-byte fields, its id then its name.
fn xlsb_sheet_bin(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, data: &[u8], name: &str) -> Option<Vec<u8>> {
    let workbook = entry_bytes(zip, data, "xl/workbook.bin", ONLY_SHEET_MAX)?;
    let id = xlsb_records(&workbook).filter(|(kind, _)| *kind == 156).find_map(|(_, body)| {
        let (id, next) = xlsb_wide(body, 8)?;
        (xlsb_wide(body, next)?.0 == name).then_some(id)
    })?;
    let part = rels_target(zip, data, "xl/_rels/workbook.bin.rels", &id)?;
    entry_bytes(zip, data, &part, ONLY_SHEET_MAX)
}

/// The cells of numbers the XLSB sheet named `name` shows otherwise than as kept (see
/// `Shown`): 0-based row and column, and how. The cell XFs (BrtXF, 47, between
/// BrtBeginCellXFs, 617, and BrtEndCellXFs, 618, in xl/styles.bin) whose iFmt is a
/// percentage's, built in (9, 10), or the workbook's own (BrtFmt, 44) showing them so; then the sheet's cells of numbers (BrtCellRk, 2;
/// BrtCellReal, 5; BrtFmlaNum, 9: the column, then the XF in the low 24 bits) in its rows
/// (BrtRowHdr, 0). Empty where the workbook has no such XF; `None` where anything is
/// unexpected.
fn xlsb_shown(data: &[u8], name: &str) -> Option<Vec<(u32, u32, Shown)>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(data)).ok()?;
    let styles = entry_bytes(&mut zip, data, "xl/styles.bin", ONLY_SHEET_MAX)?;
    let (mut formats, mut xfs, mut cell_xfs) = (std::collections::HashMap::new(), Vec::new(), false);
    for (kind, body) in xlsb_records(&styles) {
        match kind {
            44 => {
                let id = u16::from_le_bytes(body.get(..2)?.try_into().ok()?);
                if let Some(how) = xlsb_wide(body, 2).and_then(|(code, _)| Shown::of(&code)) {
                    formats.insert(id, how);
                }
            }
            617 => cell_xfs = true,
            618 => cell_xfs = false,
            47 if cell_xfs => {
                xfs.push(match u16::from_le_bytes(body.get(2..4)?.try_into().ok()?) {
                    9 => Shown::of("0%"),
                    10 => Shown::of("0.00%"),
                    id => formats.get(&id).cloned(),
                });
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    if !xfs.iter().any(Option::is_some) {
        return Some(found);
    }
    let bin = xlsb_sheet_bin(&mut zip, data, name)?;
    let u32_at = |body: &[u8], i: usize| -> Option<u32> { Some(u32::from_le_bytes(body.get(i * 4..i * 4 + 4)?.try_into().ok()?)) };
    let mut row = 0;
    for (kind, body) in xlsb_records(&bin) {
        match kind {
            0 => row = u32_at(body, 0)?,
            2 | 5 | 9 => {
                if let Some(Some(how)) = xfs.get(usize::try_from(u32_at(body, 1)? & 0x00FF_FFFF).ok()?) {
                    found.push((row, u32_at(body, 0)?, how.clone()));
                }
            }
            _ => {}
        }
    }
    Some(found)
}

/// The rows and columns an XLSX sheet's XML hides by hand (`<row … hidden="1">`, `<col
/// min max … hidden="1">`): not rows a filter hides (the sheet has an `<autoFilter>` with a
/// `<filterColumn>`), nor rows or columns folded into an outline group (`outlineLevel`),
/// which are the sheet's data as much as those shown.
fn xlsx_hidden(xml: &[u8]) -> Hidden {
    let mut hidden = Hidden::default();
    // Most sheets hide nothing: one search tells.
    if memchr::memmem::find(xml, b"hidden=").is_none() {
        return hidden;
    }
    let filtered = memchr::memmem::find(xml, b"filterColumn").is_some();
    for at in memchr::memmem::find_iter(xml, b"hidden=") {
        let Some(open) = memchr::memrchr(b'<', &xml[..at]) else { continue };
        let tag = &xml[open + 1..];
        let Some(close) = memchr::memchr(b'>', tag) else { continue };
        let tag = &tag[..close];
        // The element's name, with any namespace prefix ("x:row").
        let name_end = tag.iter().position(|b| b.is_ascii_whitespace()).unwrap_or(tag.len());
        let local = tag[..name_end].rsplit(|&b| b == b':').next().unwrap_or_default();
        if local != b"row" && local != b"col" {
            continue;
        }
        let value = |key: &[u8]| -> Option<&[u8]> {
            let at = memchr::memmem::find_iter(tag, key).find(|&i| i > 0 && tag[i - 1].is_ascii_whitespace())? + key.len();
            let quote = *tag.get(at)?;
            let rest = &tag[at + 1..];
            Some(&rest[..memchr::memchr(quote, rest)?])
        };
        // (LibreOffice writes outlineLevel="0" on every row.)
        if !matches!(value(b"hidden="), Some(b"1" | b"true")) || value(b"outlineLevel=").is_some_and(|l| l != b"0") {
            continue;
        }
        let number = |key: &[u8]| value(key).and_then(|v| std::str::from_utf8(v).ok()?.parse::<u32>().ok()).filter(|&n| n >= 1);
        if local == b"col" {
            if let (Some(min), Some(max)) = (number(b"min="), number(b"max=")) {
                hidden.cols.extend(min - 1..max.min(16_384));
            }
        } else if let Some(r) = number(b"r=").filter(|_| !filtered) {
            hidden.rows.push(r - 1);
        }
    }
    hidden.sorted()
}

/// The merged regions in a sheet's XML, read from its `<mergeCells>` element alone, as
/// calamine reads them; `None` where anything is unexpected.
fn merges_in(xml: &[u8]) -> Option<Vec<Dimensions>> {
    use quick_xml::events::Event;
    // Where the element starts: "<mergeCells", or with a namespace prefix "<x:mergeCells".
    // Inside text a "<" is always escaped, so this is markup.
    let tag = memchr::memmem::find_iter(xml, b"mergeCells").find_map(|at| {
        let before = &xml[..at];
        let open = memchr::memrchr(b'<', before)?;
        let prefix = &before[open + 1..];
        (prefix.is_empty() || prefix.strip_suffix(b":").is_some_and(|p| !p.is_empty() && p.iter().all(u8::is_ascii_alphanumeric)))
            .then_some(open)
    });
    let Some(open) = tag else { return Some(Vec::new()) };
    let mut reader = quick_xml::Reader::from_reader(&xml[open..]);
    reader.config_mut().check_end_names = false;
    reader.config_mut().expand_empty_elements = true;
    let mut regions = Vec::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == "mergeCell" => {
                if let Some(r) = e.try_get_attribute("ref").ok()? {
                    regions.push(cell_range(r.value.as_bytes())?);
                }
            }
            Event::End(e) if e.local_name().as_ref() == "mergeCells" => return Some(regions),
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// A range as "A1:C3" or one cell as "B2", 0-based; `None` for anything else.
fn cell_range(r: &[u8]) -> Option<Dimensions> {
    let cell = |c: &[u8]| -> Option<(u32, u32)> {
        let letters = c.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        let (col, row) = c.split_at(letters);
        if !(1..=3).contains(&letters) || row.is_empty() || row.len() > 7 || !row.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let col = col.iter().fold(0u32, |n, b| n * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1);
        let row = row.iter().fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
        (row >= 1).then(|| (row - 1, col - 1))
    };
    match r.iter().position(|&b| b == b':') {
        Some(i) => Some(Dimensions { start: cell(&r[..i])?, end: cell(&r[i + 1..])? }),
        None => cell(r).map(|c| Dimensions { start: c, end: c }),
    }
}

/// A file that is text: an HTML table or CSV saved under a spreadsheet's name is read as
/// the table it holds; anything else is named and skipped.
fn read_text_table(data: &[u8]) -> Result<WorkbookData, (Kind, String)> {
    if data.starts_with(b"%PDF") {
        return Err((Kind::NotSpreadsheet, "tài liệu PDF đặt tên như bảng tính".into()));
    }
    if data.starts_with(b"{\\rtf") {
        return Err((Kind::NotSpreadsheet, "tài liệu RTF (Word) đặt tên như bảng tính".into()));
    }
    // A bare BIFF stream (Excel 2.x–4.x, before the OLE container) starts with a BOF record.
    if matches!(data, [0x09, 0x00 | 0x02 | 0x04 | 0x08, ..]) && data.len() > 4 && data[2] < 0x20 {
        return Err((Kind::Unreadable, "bảng tính Excel rất cũ (2.x–4.x): mở bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx".into()));
    }
    let text = texttable::decode(data);
    if text.chars().take(4096).any(|c| c == '\u{0}' || c == '\u{FFFD}' || (c.is_control() && !c.is_whitespace())) {
        return Err((Kind::Unreadable, "không nhận ra định dạng".into()));
    }
    let head: String = text.chars().take(512).collect::<String>().to_ascii_lowercase();
    // (SpreadsheetML first: its "<Table" is an HTML table's tag to `is_html`.)
    let (grid, what) = if xml2003::is_workbook(&text) {
        return read_spreadsheet_ml(&text);
    } else if texttable::is_html(&text) {
        (texttable::html_grid(&text), "HTML")
    } else if head.contains("<?xml") {
        return Err((Kind::Unreadable, "tệp XML không phải bảng tính".into()));
    } else {
        match texttable::csv_grid(&text) {
            Some(g) => (g, "CSV"),
            None => return Err((Kind::Unreadable, "tệp văn bản, không phải bảng tính".into())),
        }
    };
    let range = texttable::to_range(&grid);
    Ok(WorkbookData { sheets: read_sheet(&format!("({what})"), false, &range, &[], &mut Vec::new, None), archived: None })
}

/// A workbook saved as "XML Spreadsheet 2003" (SpreadsheetML), as Excel saves it under an
/// ".xml" name and web systems export it under an ".xls" one: each sheet read as any other,
/// with its merged cells, hidden rows and columns and numbers shown (before 0.19.0 it was
/// skipped as unreadable).
fn read_spreadsheet_ml(text: &str) -> Result<WorkbookData, (Kind, String)> {
    let book = xml2003::sheets(text).map_err(|e| (Kind::Unreadable, format!("bảng tính XML 2003 (SpreadsheetML) hỏng: {e}")))?;
    let mut sheets = Vec::new();
    for sheet in book {
        let xml2003::XmlSheet { name, hidden, cells, shown, merges, hidden_rows, hidden_cols } = sheet;
        let size = cells.len() as u64;
        let mut cells = cells.into_iter();
        let (mut range, far) = near_cells(size, || Ok(cells.next())).map_err(|e| (Kind::Unreadable, format!("trang \"{name}\": {e}")))?;
        // (A formula saved with no value, worked out where it is arithmetic.)
        if range.used_cells().any(|(_, _, d)| matches!(d, Data::String(t) if t.starts_with(NO_VALUE))) {
            formula::evaluate(&mut range);
        }
        for (row, col, how) in &shown {
            as_shown(&mut range, (*row, *col), how);
        }
        let found = || Hidden { rows: hidden_rows, cols: hidden_cols };
        read_grid(&mut sheets, (&name, hidden), &range, far, &mut || merges.clone(), found);
    }
    if sheets.is_empty() {
        return Err((Kind::NoTable, ": sổ không có trang tính nào".into()));
    }
    Ok(WorkbookData { sheets, archived: None })
}

/// Fields whose merged cells stand for every row they span (a task written once beside
/// several activities). Numbers are not among them: a budget merged over three rows is
/// one budget, not three. An empty cell of these has the sheet's merged regions read.
const SPANNING_FIELDS: &[Field] = &[Field::Task, Field::Role, Field::Agency];

/// Texts that also stand for every row their merged cell spans (an activity beside its
/// results, one per row; one status for them all), looked up only where the merged
/// regions were read already: a sheet that merges these merges its tasks too, or leaves
/// them empty under the first, and reading the regions for every empty result was 9% of
/// the workers' instructions on S.
const ALSO_SPANNING: &[Field] = &[Field::Activity, Field::Result, Field::Status, Field::Difficulties, Field::Proposals];

/// Reads one sheet: finds the header, the cells above it, and every non-blank row below it.
/// `merges` gives the sheet's merged regions; it is called at most once, and only when an
/// empty cell might be part of one.
pub fn read_sheet(
    name: &str,
    hidden: bool,
    range: &Range<Data>,
    hidden_cols: &[u32],
    merges: &mut dyn FnMut() -> Vec<Dimensions>,
    carried: Option<Carried>,
) -> Vec<SheetData> {
    let Some((row0, col0)) = range.start() else {
        return vec![SheetData {
            name: name.to_string(),
            hidden,
            header: None,
            top: Vec::new(),
            rows: Vec::new(),
            signing_row: None,
            signing_dates: Vec::new(),
            signers: Vec::new(),
            stray: Vec::new(),
            other_table: None,
            hidden_rows: Vec::new(),
            hidden_cols: Vec::new(),
            far: None,
        }];
    };
    let texts = |skip: usize| -> Vec<Vec<String>> {
        range
            .rows()
            .skip(skip)
            .take(header::HEADER_SEARCH_ROWS + 3)
            .map(|r| r.iter().map(|d| Cell::from_data(d).into_text()).collect())
            .collect()
    };
    // The first rows, then (only where no header is there) further down: a report written
    // out in the sheet above its table.
    let found = (0..header::HEADER_SEARCH_WINDOWS)
        .map(|w| w * header::HEADER_SEARCH_ROWS)
        .take_while(|&skip| skip < range.height())
        .find_map(|skip| header::find(&texts(skip), row0 + skip as u32, col0));
    // A page of the table carried on to a sheet of its own, with no header: read under the
    // header of the report's sheet before it, where its first row is numbered as the
    // report's rows are and has cells only in that header's columns.
    let carried = match (&found, carried) {
        (None, Some(c)) if continues(range, &c) => Some(c.header.clone()),
        _ => None,
    };
    let continued = carried.is_some();
    let mut header = found.or(carried);
    // Columns hidden by hand the table would read in place of one shown, or keep in its
    // notes: left out, and listed.
    let left_out = match &mut header {
        Some(h) if !continued && !hidden_cols.is_empty() => h.leave_out(hidden_cols),
        _ => Vec::new(),
    };
    // A sheet without a table (a cover letter, a report typed as lines) is read line by
    // line: its "Ngày báo cáo" line may stand under a page of text, and a report typed as
    // lines runs to pages. Up to `LINES_READ` rows.
    let top_rows = match &header {
        _ if continued => 0,
        Some(h) => (h.first_row - row0) as usize,
        None => LINES_READ,
    };
    let mut top = Vec::new();
    for (i, r) in range.rows().take(top_rows).enumerate() {
        for (j, d) in r.iter().enumerate() {
            let cell = Cell::from_data(d);
            if !cell.is_empty() {
                top.push(TopCell { row: row0 + i as u32, col: col0 + j as u32, cell });
            }
        }
    }
    let mut rows = Vec::new();
    let mut merged: Option<Vec<Dimensions>> = None;
    let (mut signing_row, mut signing_dates, mut signers) = (None, Vec::new(), Vec::new());
    let mut stray: Vec<(u32, u32, usize)> = Vec::new();
    let mut other_table: Option<(u32, String, usize)> = None;
    let mut split_at: Option<u32> = None;
    if let Some(h) = &header {
        let start = if continued { 0 } else { (h.last_row + 1 - row0) as usize };
        // Columns with no header text in any header row, and not read as part of a group.
        let unheaded: Vec<usize> = (0..range.width())
            .filter(|&j| {
                !h.columns.iter().any(|c| (c.col - col0) as usize == j)
                    && (h.first_row..=h.last_row).all(|r| range.get(((r - row0) as usize, j)).is_none_or(|d| Cell::from_data(d).is_empty()))
            })
            .collect();
        // Whether the row before was blank (checked on each row: cheap, no text copied).
        let mut blank = false;
        for (i, r) in range.rows().enumerate().skip(start) {
            let row = row0 + i as u32;
            let blank_before = std::mem::replace(
                &mut blank,
                r.iter().all(|d| matches!(d, Data::Empty) || matches!(d, Data::String(t) if t.trim().is_empty())),
            );
            if signing_row.is_none() && is_signing_row(r) {
                signing_row = Some(row);
            }
            // A second table's numbering row ("1 2 3…" under its header) is no row.
            if form::is_numbering_data(r) {
                continue;
            }
            // The signing block's date line, in whichever column it stands.
            if signing_row.is_some_and(|s| row - s < SIGNING_ROWS) {
                for (j, d) in r.iter().enumerate() {
                    if let Data::String(t) = d {
                        // Its date in the next cells ("Bắc Giang, ngày" | 20/10/2024): one line.
                        if let Some(line) = date_line_across(r, j) {
                            signing_dates.push(TopCell { row, col: col0 + j as u32, cell: Cell::Text(line) });
                        } else if form::signing_line(t) == Some(form::Signing::DateLine) {
                            signing_dates.push(TopCell { row, col: col0 + j as u32, cell: Cell::Text(t.clone()) });
                        } else if form::signer_body(t).is_some() {
                            signers.push(TopCell { row, col: col0 + j as u32, cell: Cell::Text(t.clone()) });
                        }
                    }
                }
            }
            // Another table, not the report's, under it: its rows are counted, not read.
            if let Some((_, _, n)) = &mut other_table {
                if r.iter().any(|d| !Cell::from_data(d).is_empty()) {
                    *n += 1;
                }
                continue;
            }
            match table_below(r, range, i, row, col0)
                .or_else(|| blank_before.then(|| header_again(r, range, i, row, col0, h)).flatten())
                .filter(|_| signing_row.is_none())
            {
                Some(None) => {
                    let texts: Vec<String> = r.iter().map(|d| Cell::from_data(d).into_text()).filter(|t| !t.trim().is_empty()).collect();
                    other_table = Some((row, texts.join(" | "), 0));
                    continue;
                }
                // Another part of the report in other columns ("II. NHIỆM VỤ PHỐI HỢP" over
                // "STT | Nội dung | Nhiệm vụ | …"): read as a table of its own, under its
                // header (the same header written again is read on, as before).
                Some(Some(next)) if next.columns != h.columns => {
                    split_at = Some(row);
                    break;
                }
                _ => {}
            }
            if signing_row.is_none() {
                for &j in &unheaded {
                    if r.get(j).map(Cell::from_data).is_some_and(|c| !c.is_empty() && !c.is_placeholder()) {
                        let col = col0 + j as u32;
                        match stray.iter_mut().find(|s| s.0 == col) {
                            Some(s) => s.2 += 1,
                            None => stray.push((col, row, 1)),
                        }
                    }
                }
            }
            let mut cells = Vec::new();
            // The value a merged region over this row's cell in column `col` holds, if any
            // (not the header's own merges).
            let from_merge = |merges: &[Dimensions], col: u32| {
                let m = merges.iter().find(|m| m.start.0 < row && row <= m.end.0 && m.start.1 <= col && col <= m.end.1)?;
                (m.start.0 > h.last_row)
                    .then(|| range.get(((m.start.0 - row0) as usize, (m.start.1 - col0) as usize)).map_or(Cell::Empty, Cell::from_data))
            };
            let mut later = Vec::new();
            for c in &h.columns {
                let idx = (c.col - col0) as usize;
                let mut cell = r.get(idx).map_or(Cell::Empty, Cell::from_data);
                if cell.is_empty() && SPANNING_FIELDS.contains(&c.field) {
                    cell = from_merge(merged.get_or_insert_with(&mut *merges), c.col).unwrap_or(Cell::Empty);
                } else if cell.is_empty() && ALSO_SPANNING.contains(&c.field) {
                    later.push((c.field, c.col));
                }
                if !cell.is_empty() {
                    cells.push((c.field, c.col, cell));
                }
            }
            if let Some(merges) = &merged {
                for (field, col) in later {
                    if let Some(cell) = from_merge(merges, col).filter(|c| !c.is_empty()) {
                        cells.push((field, col, cell));
                    }
                }
            }
            // Within a numbered row's merged number cell, with a piece of activity of its own
            // but no result or status (those merged over it), or a piece of result of its own
            // beside the row's activity merged over it: more of that row (looked up only for
            // such a row). A cell of several paragraphs pasted from Word splits so. (Each
            // result's piece was an activity of its own, the same activity again: the row's
            // one number says it is one.) With a status of its own, a row is one.
            // (Whether a cell is blank, as `Cell::from_data` says, without copying its text.)
            let own = |f: Field| {
                h.col(f).and_then(|c| r.get((c.col - col0) as usize)).is_some_and(|d| match d {
                    Data::Empty => false,
                    Data::String(s) => !s.trim().is_empty(),
                    _ => true,
                })
            };
            let not_own = [Field::Stt, Field::Status, Field::StatusDone, Field::StatusInProgress, Field::StatusNotStarted];
            let piece = match (own(Field::Activity), own(Field::Result)) {
                (true, false) => Some(None),
                (false, true) => h.col(Field::Activity).map(|c| Some(c.col)),
                _ => None,
            };
            let within = match (h.col(Field::Stt), piece) {
                (Some(stt), Some(activity_merged)) if !not_own.iter().any(|&f| own(f)) => {
                    let merges = merged.get_or_insert_with(&mut *merges);
                    let over = |col: u32| {
                        merges
                            .iter()
                            .find(|m| m.start.0 < row && row <= m.end.0 && m.start.1 <= col && col <= m.end.1 && m.start.0 > h.last_row)
                    };
                    over(stt.col)
                        .filter(|m| activity_merged.is_none_or(|a| over(a).is_some_and(|n| n.start.0 == m.start.0)))
                        .map(|m| m.start.0)
                }
                _ => None,
            };
            // A row with only a number in the first column is no row; with words there, it
            // may be a heading written across the table ("I. Nhiệm vụ 3: …").
            let words = |c: &Cell| matches!(c, Cell::Text(t) if t.chars().filter(|c| c.is_alphabetic()).nth(2).is_some());
            let extra: Vec<(u32, Cell)> = h
                .others
                .iter()
                .filter_map(|(col, _)| {
                    r.get(col.checked_sub(col0)? as usize).map(Cell::from_data).filter(|c| !c.is_empty()).map(|c| (*col, c))
                })
                .collect();
            // Nor is one with nothing but zeros and dashes besides it (a template's unused
            // rows, a formula filled down the whole column).
            let says = |c: &Cell| !c.is_placeholder();
            if cells.iter().any(|(f, _, c)| (*f != Field::Stt && says(c)) || words(c)) || extra.iter().any(|(_, c)| says(c)) {
                rows.push(RawRow { row, cells, extra, within, places: Vec::new() });
            }
        }
    }
    let mut sheets = vec![SheetData {
        name: name.to_string(),
        hidden,
        header,
        top,
        rows,
        signing_row,
        signing_dates,
        signers,
        stray,
        other_table,
        hidden_rows: Vec::new(),
        hidden_cols: left_out,
        far: None,
    }];
    if let (Some(at), Some(end)) = (split_at, range.end()) {
        let mut parts = read_sheet(name, hidden, &range.range((at, col0), end), hidden_cols, merges, None);
        // The line just over its header, a heading of one text ("II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM
        // 2025"), stays a row of the part above; it is also the part's own line above its
        // table, as a sheet's first table has its own.
        let above = at.checked_sub(row0 + 1).and_then(|i| range.rows().nth(i as usize));
        let mut texts = above.into_iter().flatten().enumerate().filter(|(_, d)| !Cell::from_data(d).is_empty());
        if let (Some((j, d)), None, Some(part)) = (texts.next(), texts.next(), parts.first_mut()) {
            if part.top.is_empty() && matches!(Cell::from_data(d), Cell::Text(_)) {
                part.top.push(TopCell { row: at - 1, col: col0 + j as u32, cell: Cell::from_data(d) });
            }
        }
        sheets.extend(parts);
    }
    sheets
}

/// Whether a text is only a mark standing for nothing: dashes, dots, slashes, stars, or a
/// zero ("0", "0,0").
pub fn is_placeholder_text(t: &str) -> bool {
    let t = t.trim();
    !t.is_empty()
        && (t.chars().all(|c| matches!(c, '-' | '–' | '—' | '−' | '_' | '.' | '…' | '·' | '/' | '*' | ' '))
            || t.trim_start_matches('0').trim_start_matches(['.', ',']).trim_start_matches('0').is_empty())
}

/// The table of the last sheet read, for a sheet that carries it on with no header: its
/// header, and the number of its last numbered row, if its rows are numbered.
pub struct Carried<'a> {
    header: &'a Header,
    last_number: Option<f64>,
}

impl<'a> From<&'a SheetData> for Carried<'a> {
    fn from(s: &'a SheetData) -> Carried<'a> {
        let last_number = s.rows.iter().rev().find_map(|r| r.get(Field::Stt).and_then(|(c, _)| c.row_number()));
        Carried { header: s.header.as_ref().expect("a sheet with a table"), last_number }
    }
}

/// Whether a sheet with no header goes on with the table carried: its first row with
/// anything in it starts with a row's number, the one after the table's last where its
/// rows are numbered, and has at least two more cells, all in the header's columns.
fn continues(range: &Range<Data>, carried: &Carried) -> bool {
    let h = carried.header;
    let Some((_, col0)) = range.start() else { return false };
    let blank = |d: &Data| matches!(d, Data::Empty) || matches!(d, Data::String(t) if t.trim().is_empty());
    let Some(r) = range.rows().find(|r| r.iter().any(|d| !blank(d))) else { return false };
    let cells: Vec<(u32, Cell)> =
        r.iter().enumerate().map(|(j, d)| (col0 + j as u32, Cell::from_data(d))).filter(|(_, c)| !c.is_empty()).collect();
    let numbered = cells.first().and_then(|(_, c)| c.row_number()).is_some_and(|n| carried.last_number.is_none_or(|last| n == last + 1.0));
    let min_col = h.columns.iter().map(|c| c.col).chain(h.others.iter().map(|(c, _)| *c)).min().unwrap_or(0);
    let in_header = |col: u32| h.columns.iter().any(|c| c.col == col) || h.others.iter().any(|(c, _)| *c == col);
    numbered && cells.len() >= 3 && col0 >= min_col && cells.iter().all(|(col, _)| in_header(*col))
}

/// Whether row `i` of a range (sheet row `row`) starts a table under the report's: it
/// opens with a row number's header ("STT", "TT") and has another column header. Then the
/// header it makes with the rows under it, if it is a report's (an activity, result or
/// task), or `None` for another kind of table ("STT | Nguồn kinh phí | Số tiền").
fn table_below(r: &[Data], range: &Range<Data>, i: usize, row: u32, col0: u32) -> Option<Option<Header>> {
    // Most rows start with a number, or text that is no "STT": nothing is allocated for them.
    let mut cells = r.iter().filter(|d| !matches!(d, Data::Empty) && !matches!(d, Data::String(t) if t.trim().is_empty()));
    let first_is_stt = matches!(cells.next(), Some(Data::String(t)) if t.len() <= 24 && header::classify(t) == Some(Field::Stt));
    let window = || -> Vec<Vec<String>> {
        range.rows().skip(i).take(3).map(|r| r.iter().map(|d| Cell::from_data(d).into_text()).collect()).collect()
    };
    if first_is_stt && cells.next().is_some() {
        return Some(header::find(&window(), row, col0));
    }
    // With no number column: under a section's heading ("II. NHIỆM VỤ PHỐI HỢP"), a row of
    // headers and nothing else, each a different field, one of them the activity, result
    // or task ("Nội dung hoạt động | Nhiệm vụ | Tình trạng | Kết quả"). Only a report's.
    if i == 0 || !only_headers(r) || !under_heading(range, i) {
        return None;
    }
    header::find(&window(), row, col0).filter(|h| h.first_row == row).map(Some)
}

/// The table's header written again after a blank row (the caller's check) with a column
/// changed, no section's heading above it ("Nhiệm vụ | Nội dung hoạt động | Kinh phí | Tình
/// trạng" under a block headed "… | Kết quả | …", a form of one block per activity): its
/// rows are read under it. Two columns or more must stand where the table's do, headed word
/// for word as they are.
fn header_again(r: &[Data], range: &Range<Data>, i: usize, row: u32, col0: u32, h: &Header) -> Option<Option<Header>> {
    if i == 0 || !only_headers(r) {
        return None;
    }
    let window: Vec<Vec<String>> =
        range.rows().skip(i).take(3).map(|r| r.iter().map(|d| Cell::from_data(d).into_text()).collect()).collect();
    let next = header::find(&window, row, col0).filter(|n| n.first_row == row)?;
    // (Word for word: a row of data's texts start with headers' words, "Nhiệm vụ trọng tâm |
    // Nội dung tuyên truyền | Kết quả tốt", and are no header.)
    let same = next
        .columns
        .iter()
        .filter(|c| {
            h.columns.iter().any(|d| d.col == c.col && d.field == c.field && crate::text::fold(&d.header) == crate::text::fold(&c.header))
        })
        .count();
    (same >= 2).then_some(Some(next))
}

/// Whether a row holds only column headers: at least three short texts, each naming a
/// field, no two the same (the tick boxes count as the status), one the activity, result
/// or task. A row of data has a number, a long text, or a text no header is like.
fn only_headers(r: &[Data]) -> bool {
    let mut seen: Vec<Field> = Vec::new();
    for d in r {
        let t = match d {
            Data::Empty => continue,
            Data::String(t) if t.trim().is_empty() => continue,
            Data::String(t) if t.len() <= 80 => t,
            _ => return false,
        };
        let f = match header::classify(t) {
            Some(Field::StatusDone | Field::StatusInProgress | Field::StatusNotStarted) => Field::Status,
            Some(f) => f,
            None => return false,
        };
        if seen.contains(&f) {
            return false;
        }
        seen.push(f);
    }
    seen.len() >= 3 && seen.iter().any(|f| matches!(f, Field::Activity | Field::Result | Field::Task))
}

/// Whether the row above row `i` (a blank row between allowed) is a section's heading: one
/// text alone on its row, numbered as a section ("II. …", "2. …", "Phần II …", "Bảng 2 …")
/// or in capitals.
fn under_heading(range: &Range<Data>, i: usize) -> bool {
    let text_of =
        |k: usize| -> Option<Vec<&Data>> { range.rows().nth(k).map(|r| r.iter().filter(|d| !Cell::from_data(d).is_empty()).collect()) };
    let mut k = i - 1;
    let mut cells = text_of(k).unwrap_or_default();
    if cells.is_empty() && k > 0 {
        k -= 1;
        cells = text_of(k).unwrap_or_default();
    }
    let [Data::String(t)] = cells.as_slice() else { return false };
    let t = t.trim();
    let key = crate::text::fold(t);
    let first = key.split(' ').next().unwrap_or("");
    let numbered = t.split_once(['.', ')']).is_some_and(|(label, _)| {
        let l = label.trim();
        !l.is_empty() && l.len() <= 5 && (l.bytes().all(|b| b.is_ascii_digit()) || crate::text::roman(l).is_some())
    });
    let capitals = t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase);
    numbered || capitals || matches!(first, "phan" | "bang" | "bieu" | "muc")
}

/// How many rows from its start a signing block's date line is looked for in.
const SIGNING_ROWS: u32 = 12;

/// Whether a row under the table starts its signing block: every non-empty cell is a line
/// of one (the place-and-date line, a signer's title, "Nơi nhận:"). A data row has a
/// number or a task first, which ends the check there.
fn is_signing_row(r: &[Data]) -> bool {
    let mut any = false;
    for (j, d) in r.iter().enumerate() {
        match d {
            Data::Empty => {}
            Data::String(t) if t.trim().is_empty() => {}
            Data::String(t) if form::signing_line(t).is_some() => any = true,
            // A place-and-date line with its date in the next cells: the rest of the row.
            Data::String(_) if date_line_across(r, j).is_some() => return true,
            _ => return false,
        }
    }
    any
}

/// A place-and-date line with its date in the cells after it, as a form may have it
/// ("Bắc Giang, ngày" | 20/10/2024, or "Bắc Giang, ngày" | 20 | "tháng" | 10 | "năm" |
/// 2024): the line they make, where `r[j]` opens one and they make a date line.
fn date_line_across(r: &[Data], j: usize) -> Option<String> {
    let Some(Data::String(t)) = r.get(j) else { return None };
    if !form::place_date_opening(t) {
        return None;
    }
    let rest: Vec<String> = r[j + 1..].iter().map(Cell::from_data).filter(|c| !c.is_empty()).take(6).map(|c| c.text()).collect();
    form::joined_date_line(t, &rest)
}

/// Whether folded text starts like a label followed by its value ("don vi bao cao ...").
pub fn label_value<'a>(raw: &'a str, labels: &[&str]) -> Option<&'a str> {
    // Folded only as far as the longest label and a space: a text after the label may run
    // to pages (this looks at every line above and under a table).
    let (key, _) = crate::text::fold_head(raw, labels.iter().map(|l| l.len()).max().unwrap_or(0) + 1);
    let label = labels.iter().find(|l| key == **l || key.strip_prefix(**l).is_some_and(|rest| rest.starts_with(' ')))?;
    // The value is what follows the first ':' if there is one, else the text after the label words.
    if let Some((_, v)) = raw.split_once(':') {
        return Some(v.trim());
    }
    let words = label.split(' ').count();
    let mut rest = raw.trim_start();
    for _ in 0..words {
        rest = rest.trim_start().split_once(char::is_whitespace).map_or("", |(_, r)| r);
    }
    Some(rest.trim())
}

/// The benchmark's floor: opens a workbook with calamine and walks every cell of every
/// sheet, doing nothing else. With `keep`, returns every row's cell texts (to measure
/// parsing plus writing one sheet of them); otherwise only counts the cells.
pub fn floor_read(path: &Path, keep: bool) -> (usize, Vec<Vec<String>>) {
    let Ok(mut book) = calamine::open_workbook_auto(path) else { return (0, Vec::new()) };
    let mut cells = 0;
    let mut rows = Vec::new();
    for name in book.sheet_names() {
        let Ok(range) = book.worksheet_range(&name) else { continue };
        for r in range.rows() {
            cells += r.iter().filter(|d| !matches!(d, Data::Empty)).count();
            if keep {
                rows.push(r.iter().map(|d| d.to_string()).collect());
            }
        }
    }
    (cells, rows)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn a_time_of_day_alone_reads_as_the_time() {
        let at = |y, m, d, h, min| Cell::Date(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, 0).unwrap()).text();
        assert_eq!(at(1899, 12, 30, 8, 30), "08:30");
        assert_eq!(at(1899, 12, 31, 14, 5), "14:05");
        assert_eq!(at(1904, 1, 1, 8, 30), "08:30", "in a workbook of the 1904 system");
        assert_eq!(at(2024, 6, 15, 0, 0), "15/06/2024");
        assert_eq!(at(1904, 1, 1, 0, 0), "01/01/1904");
        for (iso, want) in [("PT08H30M00S", Some("08:30")), ("PT14H05M00.000S", Some("14:05")), ("PT8H30M", Some("08:30")), ("P1D", None)] {
            assert_eq!(iso_time(iso).as_deref(), want, "{iso}");
        }
    }

    #[test]
    fn an_ods_number_is_read_as_shown_where_its_words_or_scale_say_so() {
        let cell = |kind: &str, value: &str, shown: &str| {
            format!(r#"<table:table-cell office:value-type="{kind}" office:value="{value}"><text:p>{shown}</text:p></table:table-cell>"#)
        };
        let cells = [
            cell("float", "300", "300 đại biểu"),
            cell("float", "50000000", "50"),
            cell("float", "1500000", "1,5"),
            cell("currency", "15000000", "15.000.000 ₫"),
            cell("percentage", "0.85", "85%"),
            // The number as it is, grouped or rounded; a date's format; an error; dollars.
            cell("float", "1234", "1,234"),
            cell("float", "1234567", "1.234.567"),
            cell("float", "12.345", "12.35"),
            cell("float", "0", "0-Jan-00"),
            cell("float", "0", "#NAME?"),
            cell("currency", "15000000", "$15,000,000.00"),
        ];
        let xml = format!(
            r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="S"><table:table-row>{}</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#,
            cells.concat()
        );
        let shown = ods_layout(xml.as_bytes(), "S").unwrap().shown;
        let texts: Vec<(u32, &str)> = shown.iter().map(|(_, c, t)| (*c, t.as_str())).collect();
        assert_eq!(texts, [(0, "300 đại biểu"), (1, "50"), (2, "1,5"), (3, "15.000.000 ₫"), (4, "85%")]);
    }

    #[test]
    fn a_strict_open_xml_workbook_s_dates_and_times_are_read() {
        // Excel's "Strict Open XML Spreadsheet" keeps a date as text ("2009-05-11",
        // "2009-05-07T11:01:02.000000244…") and a time as a duration ("PT24H0M0.000S"): two
        // workbooks Excel saved so, from ExcelDataReader's tests in the shared corpus.
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/third-party/exceldatareader/strict");
        let cells = |file: &str| {
            let mut book = Xlsx::new(Cursor::new(std::fs::read(dir.join(file)).unwrap())).unwrap();
            let name = book.sheet_names()[0].clone();
            book.worksheet_range(&name).unwrap()
        };
        let range = cells("Test_num_double_date_bool_string.xlsx");
        let at = |r: u32, c: u32| Cell::from_data(range.get_value((r, c)).unwrap());
        let day =
            |d: u32, h: u32, m: u32, s: u32| Cell::Date(chrono::NaiveDate::from_ymd_opt(2009, 5, d).unwrap().and_hms_opt(h, m, s).unwrap());
        assert_eq!(at(0, 2), day(11, 0, 0, 0));
        assert!(
            matches!(at(0, 5), Cell::Date(d) if d.date() == chrono::NaiveDate::from_ymd_opt(2009, 5, 7).unwrap() && d.format("%H:%M:%S").to_string() == "11:01:02")
        );
        assert_eq!(at(0, 2).text(), "11/05/2009");
        let range = cells("Test_git_issue_283_TimeSpan.xlsx");
        let texts: Vec<String> = (0..4).map(|r| Cell::from_data(range.get_value((r, 0)).unwrap()).text()).collect();
        assert_eq!(texts, ["00:00", "24:00", "48:00", "1392:00"]);
    }

    #[test]
    fn excel_s_own_xml_spreadsheet_2003_workbooks_are_read() {
        // Workbooks Excel 2016 saved as "XML Spreadsheet 2003", from PhpSpreadsheet's tests
        // in the shared corpus: cells after skipped ones, merged cells, a hidden row and
        // column, formulas' values, errors, dates and times, comments (not the cell's text).
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/third-party/phpspreadsheet");
        let text = std::fs::read_to_string(dir.join("templates/excel2003.xml")).unwrap();
        assert!(xml2003::is_workbook(&text));
        let book = xml2003::sheets(&text).unwrap();
        assert_eq!(book.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Sample Data", "Report Data"]);
        let cell = |s: &xml2003::XmlSheet, want: &str| {
            let c = s.cells.iter().find(|c| Cell::from_data(&Data::from(c.get_value().clone())).text() == want);
            c.unwrap_or_else(|| panic!("{want} not found")).get_position()
        };
        let value = |s: &xml2003::XmlSheet, at: (u32, u32)| {
            s.cells.iter().find(|c| c.get_position() == at).map(|c| Cell::from_data(&Data::from(c.get_value().clone())))
        };
        let sample = &book[0];
        assert_eq!(cell(sample, "Test String 1"), (0, 0), "its comment is not its text");
        assert!(!sample.cells.iter().any(|c| matches!(c.get_value(), calamine::DataRef::String(t) if t.contains("colour-formatted"))));
        let boxed = cell(sample, "BOX");
        assert_eq!(boxed.1, 1);
        assert!(sample.merges.contains(&Dimensions { start: boxed, end: (boxed.0 + 1, 2) }));
        assert_eq!(cell(sample, "Test Column 1"), (boxed.0, 6));
        let below = cell(sample, "Hidden row above");
        assert_eq!(sample.hidden_rows, vec![below.0 - 1]);
        assert_eq!(value(sample, (below.0 - 1, 2)), Some(Cell::Error("#NAME?".into())));
        let report = &book[1];
        assert_eq!(cell(report, "ABC"), (2, 0));
        assert_eq!(value(report, (2, 3)).unwrap().text(), "01/01/2001");
        assert_eq!(value(report, (2, 4)).unwrap().text(), "01:00");
        assert_eq!(value(report, (2, 9)).unwrap().text(), "A");
        assert_eq!(value(report, (2, 10)).unwrap().text(), "1A", "a formula's value");
        assert_eq!(report.hidden_cols, vec![9]);
        // Another, of formulas' values; and one cut short, named unreadable.
        let book = xml2003::sheets(&std::fs::read_to_string(dir.join("Reader/Xml/issue.3658.xml")).unwrap()).unwrap();
        let texts: Vec<String> = (0..4).filter_map(|r| value(&book[0], (r, 0))).map(|c| c.text()).collect();
        assert_eq!(texts, ["123", "124", "00123", "pcdos"]);
        // A short one under an ".xls" name, its "<Table" near the top, as a web system
        // writes it: not read as an HTML page.
        let short = r#"<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Báo cáo"><Table><Row><Cell><Data ss:Type="String">Đơn vị báo cáo: Sở Ngoại vụ</Data></Cell></Row></Table></Worksheet></Workbook>"#;
        let book = read_bytes("bao-cao.xls", short.as_bytes()).unwrap();
        assert_eq!(book.sheets[0].name, "Báo cáo");
        let corrupt = std::fs::read(dir.join("Reader/Xml/CorruptedXmlFile.xml")).unwrap();
        assert_eq!(read_bytes("CorruptedXmlFile.xml", &corrupt).unwrap_err().0, Kind::Unreadable);
    }

    #[test]
    fn an_ods_with_indented_content_is_read_as_written() {
        // OpenSpout's test workbooks (shared corpus) indent their content.xml, which calamine
        // refuses; read without the indentation, the cells are those written, a cell's lines
        // each its own paragraph.
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/third-party/openspout/ods");
        let cells = |file: &str| {
            let data = std::fs::read(dir.join(file)).unwrap();
            assert!(Ods::new(Cursor::new(&data[..])).is_err(), "calamine reads {file} as it is");
            let plain = ods_unindented(&data).unwrap();
            let mut book = Ods::new(Cursor::new(plain)).unwrap();
            let name = book.sheet_names()[0].clone();
            let range = book.worksheet_range(&name).unwrap();
            range.rows().map(|r| r.iter().map(|d| Cell::from_data(d).text()).collect::<Vec<_>>()).collect::<Vec<_>>()
        };
        assert_eq!(cells("sheet_with_multiline_string.ods"), [["string\non multiple\nlines!"]]);
        assert_eq!(cells("one_sheet_with_strings.ods")[1][..2], ["ods--21", "ods--22"]);
        // Through the reader as a run does it, its sheet is read.
        let data = std::fs::read(dir.join("two_sheets_with_no_settings_xml_file.ods")).unwrap();
        let book = read_bytes("a.ods", &data).unwrap();
        assert_eq!(book.sheets.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Sheet1", "Sheet2"]);
        // A workbook LibreOffice wrote (not indented) is not rewritten.
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/percent/2024/so-van-hoa.ods");
        assert!(ods_unindented(&std::fs::read(fixture).unwrap()).is_none());
    }

    #[test]
    fn a_number_format_tells_what_a_number_shows() {
        for (code, n, want) in [
            ("0%", 0.85, Some("85%")),
            ("0.00%", 0.125, Some("12.50%")),
            ("0.0%;[Red]-0.0%", 0.125, Some("12.5%")),
            ("#,##0.0#%", 0.5, Some("50.00%")),
            // Signs typed as themselves, quoted or after a backslash: the number and the sign.
            ("0\" %\"", 85.0, Some("85 %")),
            ("0\\%", 30.0, Some("30%")),
            // Words about the number, a currency's sign, scaled by thousands.
            ("0\" đại biểu\"", 300.0, Some("300 đại biểu")),
            ("#,##0\\ \"₫\"", 50_000_000.0, Some("50000000 ₫")),
            ("#,##0 [$₫-42A]", 15_000_000.0, Some("15000000 ₫")),
            ("[$VND] #,##0", 15_000_000.0, Some("VND 15000000")),
            // The sign of a computer set up for the United States, whatever the money.
            ("\"$\"#,##0", 15_000_000.0, None),
            ("_(\"$\"* #,##0_)", 15_000_000.0, None),
            ("#,##0,,", 50_000_000.0, Some("50")),
            ("#,##0.0,,\" tr\"", 1_500_000.0, Some("1.5 tr")),
            ("General\" lớp\"", 3.0, Some("3 lớp")),
            ("\"NV\"0", 3.0, Some("NV3")),
            // Another section for numbers below zero, or for zero.
            ("0\" đ\";\"âm \"0", -5.0, None),
            ("0\" đ\"", -5.0, Some("-5 đ")),
            ("#,##0\" đ\";-#,##0\" đ\";\"-\"", 0.0, None),
            // The number as it is: no words, only grouping, signs or room for them.
            ("General", 3.0, None),
            ("#,##0", 1500.0, None),
            ("#,##0_);(#,##0)", 1500.0, None),
            ("0.00", 1.5, None),
            // Not a number with words: dates, times, exponents, fractions, text, conditions.
            ("dd/mm/yyyy", 45585.0, None),
            ("[h]:mm", 1.5, None),
            ("0.00E+00", 1500.0, None),
            ("# ?/?", 1.5, None),
            ("@", 3.0, None),
            ("[>=100]0\" nhiều\";0", 150.0, None),
            ("0\" - \"0", 3.0, None),
        ] {
            assert_eq!(Shown::of(code).and_then(|s| s.text(n)).as_deref(), want, "{code}");
        }
    }

    #[test]
    fn an_xls_workbook_s_numbers_shown_otherwise_are_those_of_its_xlsx_copy() {
        // The same workbook saved as .xlsx and .xls, in the shared corpus (SheetJS's test
        // files; the one pair there with a number shown as a percentage): the cells our pass
        // over the XLS records finds are those calamine's styles give in the .xlsx.
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/third-party/sheetjs-test_files");
        let xlsx = std::fs::read(dir.join("minimal_112.xlsx")).unwrap();
        let xls = std::fs::read(dir.join("minimal_112.xls")).unwrap();
        let mut book = Xlsx::new(Cursor::new(&xlsx[..])).unwrap();
        let mut theirs = Vec::new();
        for name in book.sheet_names() {
            let mut cells = book.worksheet_cells_reader(&name).unwrap();
            let shown = shown_styles(cells.styles());
            while let Some((cell, style)) = cells.next_cell_with_style_id().unwrap() {
                let number = matches!(cell.get_value(), calamine::DataRef::Float(_) | calamine::DataRef::Int(_));
                if let (true, Some((_, how))) = (number, shown.iter().find(|(id, _)| *id == style)) {
                    theirs.push((name.clone(), cell.get_position(), format!("{how:?}")));
                }
            }
        }
        let mut ours: Vec<(String, (u32, u32), String)> = xls_layout(&xls)
            .unwrap()
            .into_iter()
            .flat_map(|(name, sheet)| sheet.shown.into_iter().map(move |(r, c, how)| (name.clone(), (r, c), format!("{how:?}"))))
            .collect();
        ours.sort();
        theirs.sort();
        assert!(!theirs.is_empty());
        assert_eq!(ours, theirs);
    }

    #[test]
    fn an_xlsb_or_ods_workbook_s_numbers_shown_otherwise_are_those_of_its_xls_copy() {
        // The same workbooks saved as .xls, .xlsb and .ods, in the shared corpus (SheetJS's
        // test files with numbers shown as percentages, money and words): the cells each pass
        // finds, by sheet.
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/third-party/sheetjs-test_files");
        let mut compared = 0;
        for stem in ["number_format", "formula_stress_test"] {
            let read = |ext: &str| std::fs::read(dir.join(format!("{stem}.{ext}"))).unwrap();
            let (xls, xlsb, ods) = (read("xls"), read("xlsb"), ods_content_of(&read("ods")).unwrap());
            for (name, sheet) in xls_layout(&xls).unwrap() {
                let mut theirs: Vec<(u32, u32)> = sheet.shown.iter().map(|&(r, c, _)| (r, c)).collect();
                theirs.sort();
                let mut in_xlsb: Vec<(u32, u32)> = xlsb_shown(&xlsb, &name).unwrap().iter().map(|&(r, c, _)| (r, c)).collect();
                in_xlsb.sort();
                let mut in_ods: Vec<(u32, u32)> = ods_layout(&ods, &name).unwrap().shown.iter().map(|&(r, c, _)| (r, c)).collect();
                in_ods.sort();
                assert_eq!(in_xlsb, theirs, "{stem}.xlsb {name}");
                assert_eq!(in_ods, theirs, "{stem}.ods {name}");
                compared += theirs.len();
            }
        }
        assert!(compared > 40, "{compared}");
    }

    #[test]
    fn hidden_files_and_windows_own_are_not_listed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("Yen The")).unwrap();
        for name in ["a.xlsx", ".DS_Store", "Thumbs.db", "Yen The/THUMBS.DB", "desktop.ini", "Yen The/b.xls", "notes.txt"] {
            std::fs::write(dir.path().join(name), b"x").unwrap();
        }
        let listed: Vec<String> = list_files(dir.path()).unwrap().into_iter().map(|f| f.rel).collect();
        assert_eq!(listed, ["Yen The/b.xls", "a.xlsx", "notes.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_name_not_in_utf8_is_read_in_the_vietnamese_windows_code_page() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        // "Sở Tài chính" in Windows-1258: "ơ" and the hook above it apart.
        let folder = std::ffi::OsStr::from_bytes(b"S\xf5\xd2 T\xe0i ch\xednh");
        std::fs::create_dir_all(dir.path().join(folder)).unwrap();
        std::fs::write(dir.path().join(folder).join("bc.xlsx"), b"x").unwrap();
        let listed = list_files(dir.path()).unwrap();
        assert_eq!(listed[0].rel, "Sở Tài chính/bc.xlsx");
        // Still opened by its own bytes.
        assert!(listed[0].path.is_file());
        assert_eq!(bytes_text("Sở".as_bytes()), "Sở");
    }

    #[test]
    fn cells_far_from_the_rest_are_left_out_of_the_grid_and_counted() {
        let read = |cells: &[((u32, u32), &str)]| {
            let mut it = cells.iter().map(|&(pos, t)| calamine::Cell::new(pos, calamine::DataRef::SharedString(t)));
            near_cells(1, || Ok(it.next())).unwrap()
        };
        let table: Vec<((u32, u32), &str)> = (0..40).flat_map(|r| (0..6).map(move |c| ((r, c), "ô"))).collect();
        // A stray cell at XFD1048576: 17 billion cells in one grid.
        let (range, far) = read(&[&table[..], &[((1_048_575, 16_383), "x")]].concat());
        assert_eq!((range.start(), range.end()), (Some((0, 0)), Some((39, 5))));
        assert_eq!(far, Some((1_048_575, 16_383, "x".to_string(), 1)));
        // Two cells typed far down and to the right, a third far to the right: only as much
        // is left out as makes the grid fit (40 rows to column 16,001 do).
        let strays = [((500_000, 200), "a"), ((500_001, 200), "b"), ((10, 16_000), "d")];
        let (range, far) = read(&[&table[..], &strays[..]].concat());
        assert_eq!((range.start(), range.end()), (Some((0, 0)), Some((39, 16_000))));
        assert_eq!(far, Some((500_000, 200, "a".to_string(), 2)));
        // Far down alone, the grid fits: nothing is left out.
        let (range, far) = read(&[&table[..], &[((900_000, 0), "c")]].concat());
        assert_eq!((range.end(), far), (Some((900_000, 5)), None));
        // The side with more cells is kept, wherever it stands.
        let low: Vec<((u32, u32), &str)> = table.iter().map(|&((r, c), t)| ((r + 900_000, c + 40), t)).collect();
        let (range, far) = read(&[&[((0, 0), "Báo cáo"), ((0, 16_000), "y")][..], &low[..]].concat());
        assert_eq!((range.start(), range.end()), (Some((900_000, 40)), Some((900_039, 45))));
        assert_eq!(far.map(|f| (f.0, f.1, f.3)), Some((0, 0, 2)));
        // A column filled to the end is no stray: its grid fits, and is kept whole.
        let column: Vec<((u32, u32), &str)> = (0..1_048_576).map(|r| ((r, 7), "0")).collect();
        let (range, far) = read(&[&table[..], &column[..]].concat());
        assert_eq!((range.end(), far), (Some((1_048_575, 7)), None));
    }

    #[test]
    fn marks_that_stand_for_nothing() {
        for t in ["-", " – ", "—", "...", "…", "/", "- -", "*", "0", "0,0", "0.00", "00"] {
            assert!(is_placeholder_text(t), "{t:?}");
        }
        for t in ["", " ", "x", "X", "0,5", "10", "-5", "Không", "1.", "-)", "NV1"] {
            assert!(!is_placeholder_text(t), "{t:?}");
        }
        assert!(Cell::Number(0.0).is_placeholder() && !Cell::Number(0.5).is_placeholder() && !Cell::Empty.is_placeholder());
    }

    #[test]
    fn a_second_table_in_other_columns_is_read_under_its_own_header_with_or_without_numbers() {
        let g = |rows: &[&[&str]]| texttable::to_range(&rows.iter().map(|r| r.iter().map(|s| s.to_string()).collect()).collect::<Vec<_>>());
        let first: &[&str] = &["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"];
        let row: &[&str] = &["1", "NV1", "Hội nghị", "50 người", "Hoàn thành"];
        let range = g(&[
            first,
            row,
            &[],
            &["II. NHIỆM VỤ PHỐI HỢP"],
            &["Nội dung hoạt động", "Nhiệm vụ", "Tình trạng", "Kết quả"],
            &["Phối hợp tổ chức hội chợ", "NV2", "Hoàn thành", "20 gian hàng"],
        ]);
        let sheets = read_sheet("BC", false, &range, &[], &mut Vec::new, None);
        assert_eq!(sheets.len(), 2);
        let second = sheets[1].header.as_ref().unwrap();
        assert_eq!((second.first_row, second.col(Field::Activity).unwrap().col), (4, 0));
        assert_eq!(sheets[0].rows.len(), 2, "the row and the section's heading");
        assert_eq!(sheets[1].rows.len(), 1);
        // A row of data whose texts start with headers' words, under no heading, is a row.
        let range = g(&[first, row, &[], &["", "", "Kết quả tốt", "Khó khăn về nhân lực", "Tiến độ chậm"]]);
        assert_eq!(read_sheet("BC", false, &range, &[], &mut Vec::new, None).len(), 1);
    }

    #[test]
    fn a_page_carried_on_with_a_column_of_no_field_left_of_its_start() {
        // The table's first column has no field ("Thời gian"); the next page's cells start
        // one column right of it, where the numbers are.
        let first = texttable::to_range(
            &[
                vec!["Thời gian", "STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng"],
                vec!["Quý I", "1", "NV1", "Hội nghị", "50 người", "Hoàn thành"],
            ]
            .iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect::<Vec<_>>(),
        );
        let sheet = read_sheet("Trang 1", false, &first, &[], &mut Vec::new, None).remove(0);
        assert_eq!(sheet.header.as_ref().unwrap().others, [(0, "Thời gian".to_string())]);
        let mut next = Range::new((0, 1), (0, 5));
        for (c, v) in ["2", "NV2", "Tập huấn", "2 lớp", "Hoàn thành"].iter().enumerate() {
            next.set_value((0, 1 + c as u32), Data::String(v.to_string()));
        }
        let carried = read_sheet("Trang 2", false, &next, &[], &mut Vec::new, Some(Carried::from(&sheet))).remove(0);
        assert_eq!(carried.rows.len(), 1);
        assert!(carried.rows[0].extra.is_empty());
    }

    #[test]
    fn a_field_read_from_a_group_of_columns_is_their_texts_joined() {
        let mut raw = RawRow {
            row: 5,
            cells: vec![
                (Field::Result, 3, Cell::Number(12.0)),
                (Field::Result, 4, Cell::Text("doanh nghiệp tham gia".into())),
                (Field::Status, 5, Cell::Text("Hoàn thành".into())),
            ],
            extra: Vec::new(),
            within: None,
            places: Vec::new(),
        };
        assert_eq!(raw.take(Field::Result), Some((Cell::Text("12; doanh nghiệp tham gia".into()), 3)));
        assert_eq!(raw.take(Field::Status), Some((Cell::Text("Hoàn thành".into()), 5)));
        let mut raw = RawRow {
            row: 5,
            cells: vec![(Field::Result, 3, Cell::Text("12".into())), (Field::Result, 4, Cell::Error("#REF!".into()))],
            extra: Vec::new(),
            within: None,
            places: Vec::new(),
        };
        assert_eq!(raw.take(Field::Result), Some((Cell::Error("#REF!".into()), 4)), "an error is flagged, not joined");
        let mut raw = RawRow {
            row: 5,
            cells: vec![
                (Field::Result, 3, Cell::Text("1 hội nghị".into())),
                (Field::Result, 4, Cell::Empty),
                (Field::Result, 5, Cell::Empty),
            ],
            extra: Vec::new(),
            within: None,
            places: Vec::new(),
        };
        let labels: Vec<(u32, String)> =
            ["Quý I", "Quý II", "Quý III"].iter().enumerate().map(|(i, l)| (3 + i as u32, l.to_string())).collect();
        assert_eq!(raw.take_labelled(Field::Result, &labels), Some((Cell::Text("Quý I: 1 hội nghị".into()), 3)));
    }

    #[test]
    fn cell_text_crosses_from_a_worker_whole_and_invalid_bytes_are_refused() {
        let cells = vec![Cell::Text("Tổ chức “Ngày hội” — 100%".into()), Cell::Number(1.5), Cell::Error("#REF!".into())];
        let bytes = postcard::to_allocvec(&cells).unwrap();
        assert_eq!(postcard::from_bytes::<Vec<Cell>>(&bytes).unwrap(), cells);
        // The same message with one byte of the text made invalid UTF-8.
        let mut bad = bytes.clone();
        let at = bad.windows(3).position(|w| w == "ổ".as_bytes()).unwrap();
        bad[at] = 0xFF;
        assert!(postcard::from_bytes::<Vec<Cell>>(&bad).is_err());
    }

    #[test]
    fn every_kind_of_cell_and_field_crosses_from_a_worker_as_it_was() {
        let date = chrono::NaiveDate::from_ymd_opt(2024, 10, 25).unwrap().and_hms_opt(8, 30, 0).unwrap();
        let cells = vec![
            Cell::Empty,
            Cell::Text(String::new()),
            Cell::Text("Hội nghị".into()),
            Cell::Number(-0.25),
            Cell::Date(date),
            Cell::Bool(true),
            Cell::Error("#DIV/0!".into()),
        ];
        let bytes = postcard::to_allocvec(&cells).unwrap();
        assert_eq!(postcard::from_bytes::<Vec<Cell>>(&bytes).unwrap(), cells);
        for (i, f) in Field::ALL.iter().enumerate() {
            assert_eq!(*f as usize, i, "Field::ALL is in declaration order");
            let bytes = postcard::to_allocvec(f).unwrap();
            assert_eq!(bytes, [i as u8], "a field is one byte");
            assert_eq!(postcard::from_bytes::<Field>(&bytes).unwrap(), *f);
        }
        assert!(postcard::from_bytes::<Field>(&[Field::ALL.len() as u8]).is_err());
        assert!(postcard::from_bytes::<Cell>(&postcard::to_allocvec(&(9u8, ())).unwrap()).is_err());
    }

    #[test]
    fn cell_ranges_read_as_calamine_reads_them_or_not_at_all() {
        let d = |a: (u32, u32), b: (u32, u32)| Some(Dimensions { start: a, end: b });
        assert_eq!(cell_range(b"A1:C3"), d((0, 0), (2, 2)));
        assert_eq!(cell_range(b"b12"), d((11, 1), (11, 1)));
        assert_eq!(cell_range(b"AA10:XFD1048576"), d((9, 26), (1_048_575, 16_383)));
        for odd in [&b""[..], b"A", b"12", b"A0", b"$A$1", b"A1:", b"A1:B2:C3", b"ABCD1", b"A1 "] {
            assert_eq!(cell_range(odd), None, "{}", String::from_utf8_lossy(odd));
        }
    }

    /// Every single-sheet XLSX workbook of the shared corpus whose merged cells the short
    /// read finds gets the same regions as calamine's pass over the whole sheet.
    #[test]
    fn a_sheet_s_merged_cells_are_what_calamine_finds() {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/third-party");
        let mut files = Vec::new();
        walk(&corpus, "", &mut files).unwrap();
        let (mut compared, mut merged, mut several) = (0, 0, 0);
        for f in files.iter().filter(|f| f.rel.ends_with(".xlsx") || f.rel.ends_with(".xlsm")) {
            // Big workbooks add time to the tests, not cases.
            let data = std::fs::read(&f.path).unwrap();
            if data.len() > 200_000 {
                continue;
            }
            let Ok(mut book) = Xlsx::new(Cursor::new(&data[..])) else { continue };
            let names = book.sheet_names();
            // Each sheet's XML found by its name, the only sheet's or through the workbook's
            // relationships, holds the merged cells calamine finds for that name.
            for name in &names {
                let Some(ours) = xlsx_sheet_xml(&data, name, names.len()).as_deref().and_then(merges_in) else { continue };
                let theirs =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| book.merge_cells_by_sheet_name(name).unwrap_or_default()));
                let Ok(theirs) = theirs else { continue };
                assert_eq!(ours, theirs, "{} {name}", f.rel);
                compared += 1;
                merged += usize::from(!ours.is_empty());
                several += usize::from(names.len() > 1);
            }
        }
        assert!(
            compared > 200 && merged > 10 && several > 100,
            "{compared} sheets compared, {merged} with merged cells, {several} of several"
        );
    }

    #[test]
    fn an_ods_or_xlsb_sheet_s_merged_cells_are_the_xlsx_copy_s() {
        // The same workbook saved in three formats, in the shared corpus (SheetJS's test
        // files): the merged cells tonghop reads in the .ods and the .xlsb are the ones
        // calamine finds in the .xlsx.
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/third-party/sheetjs-test_files");
        let xlsx = std::fs::read(dir.join("merge_cells.xlsx")).unwrap();
        let ods = ods_content_of(&std::fs::read(dir.join("merge_cells.ods")).unwrap()).unwrap();
        let xlsb = std::fs::read(dir.join("merge_cells.xlsb")).unwrap();
        let mut book = Xlsx::new(Cursor::new(&xlsx[..])).unwrap();
        let sorted = |mut v: Vec<Dimensions>| {
            v.sort_by_key(|d| (d.start, d.end));
            v
        };
        let mut merged = 0;
        for name in book.sheet_names() {
            let theirs = sorted(book.merge_cells_by_sheet_name(&name).unwrap_or_default());
            assert_eq!(sorted(ods_layout(&ods, &name).unwrap().merges), theirs, "{name}");
            assert_eq!(sorted(xlsb_layout(&xlsb, &name).unwrap().0), theirs, "{name}");
            merged += theirs.len();
        }
        assert!(merged > 0);
        assert!(ods_layout(&ods, "no such sheet").is_none());
        assert_eq!(xlsb_layout(&xlsb, "no such sheet"), None);
    }

    #[test]
    fn an_xls_workbook_s_sheets_are_found_in_its_records_as_calamine_finds_them() {
        // Every BIFF8 workbook of the shared corpus that calamine opens: the sheets our pass
        // over its records finds are calamine's worksheets, by name.
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/third-party");
        let mut files = Vec::new();
        walk(&corpus, "", &mut files).unwrap();
        let mut compared = 0;
        for f in files.iter().filter(|f| f.rel.to_ascii_lowercase().ends_with(".xls")) {
            let data = std::fs::read(&f.path).unwrap();
            if data.len() > 300_000 {
                continue;
            }
            let Some(ours) = xls_layout(&data) else { continue };
            // A loop in its sectors has calamine ask for 4 GB (a run reads it in a worker
            // with a memory limit); ours read it.
            if f.rel.ends_with("oleloop.xls") {
                continue;
            }
            let Ok(book) = std::panic::catch_unwind(|| Xls::new(Cursor::new(&data[..]))) else { continue };
            let Ok(book) = book else { continue };
            let theirs: std::collections::BTreeSet<&str> =
                book.sheets_metadata().iter().filter(|m| m.typ == calamine::SheetType::WorkSheet).map(|m| m.name.as_str()).collect();
            let found: std::collections::BTreeSet<&str> = ours.keys().map(String::as_str).collect();
            assert!(theirs.is_subset(&found), "{}: {theirs:?} {found:?}", f.rel);
            compared += 1;
        }
        assert!(compared > 100, "{compared} workbooks compared");
    }

    #[test]
    fn a_word_in_deflated_text_is_found_across_the_pieces_it_is_inflated_in() {
        use std::io::Write;
        let deflate = |text: &[u8]| {
            let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
            e.write_all(text).unwrap();
            e.finish().unwrap()
        };
        for at in [0, 100, (64 << 10) - 3, 64 << 10, (128 << 10) - 6, 200_000] {
            let mut text: Vec<u8> = (0..210_000u32).map(|i| b'a' + (i * 7 % 23) as u8).collect();
            text[at..at + 7].copy_from_slice(b"hidden=");
            assert_eq!(inflated_contains(&deflate(&text), b"hidden="), Some(true), "at {at}");
        }
        let text: Vec<u8> = (0..210_000u32).map(|i| b'a' + (i * 7 % 23) as u8).collect();
        assert_eq!(inflated_contains(&deflate(&text), b"hidden="), Some(false));
        assert_eq!(inflated_contains(b"not deflate at all", b"hidden="), None);
    }

    #[test]
    fn an_xlsb_sheet_s_hidden_rows_and_columns_are_read_from_its_records() {
        // A row and a column hidden by hand and two cells merged, as SheetJS writes them
        // (tests/fixtures/xlsb/make-hidden-row.js).
        let ours = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xlsb/hidden-row-sheetjs.xlsb")).unwrap();
        let d = |a: (u32, u32), b: (u32, u32)| Dimensions { start: a, end: b };
        assert_eq!(xlsb_layout(&ours, "Báo cáo"), Some((vec![d((4, 1), (5, 1))], Hidden { rows: vec![5], cols: vec![6] })));
    }

    #[test]
    fn rows_and_columns_hidden_by_hand_are_told_from_filtered_and_folded_ones() {
        let sheet = |rows: &str, after: &str| format!(r#"<worksheet><sheetData>{rows}</sheetData>{after}</worksheet>"#);
        let rows = r#"<row r="5"><c r="A5"/></row><row r="6" hidden="1"><c r="A6"/></row><x:row r="7" ht="15" hidden="true" outlineLevel="0"/><row r="8" hidden="0"/><row r="9" hidden="1" outlineLevel="1"/><row r="10" spans="1:3" hidden="1"/>"#;
        assert_eq!(xlsx_hidden(sheet(rows, "").as_bytes()).rows, [5, 6, 9]);
        // Columns: hidden by hand, not folded into a group.
        let cols = r#"<cols><col min="3" max="4" width="0" hidden="1" customWidth="1"/><x:col min="6" max="6" hidden="true" outlineLevel="0"/><col min="7" max="8" hidden="1" outlineLevel="1"/><col min="9" max="9" hidden="0"/></cols>"#;
        let with_cols = format!(r#"<worksheet>{cols}<sheetData>{rows}</sheetData></worksheet>"#);
        assert_eq!(xlsx_hidden(with_cols.as_bytes()), Hidden { rows: vec![5, 6, 9], cols: vec![2, 3, 5] });
        // A filter hides rows the sender did not leave out.
        let filtered = sheet(
            rows,
            r#"<autoFilter ref="A4:F10"><filterColumn colId="1"><filters><filter val="NV1"/></filters></filterColumn></autoFilter>"#,
        );
        assert!(xlsx_hidden(filtered.as_bytes()).rows.is_empty());
        // (A filter hides no column.)
        let filtered = format!(
            r#"<worksheet>{cols}<sheetData>{rows}</sheetData><autoFilter ref="A4:F10"><filterColumn colId="1"/></autoFilter></worksheet>"#
        );
        assert_eq!(xlsx_hidden(filtered.as_bytes()), Hidden { rows: Vec::new(), cols: vec![2, 3, 5] });
        // A cell's text saying hidden= is no row's attribute.
        let text = sheet(r#"<row r="3"><c r="A3" t="inlineStr"><is><t>hidden="1"</t></is></c></row>"#, "");
        assert_eq!(xlsx_hidden(text.as_bytes()), Hidden::default());
    }

    #[test]
    fn merged_cells_under_a_namespace_prefix_are_found() {
        use std::io::Write;
        let sheet = r#"<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>mergeCells &lt;mergeCells</x:t></x:is></x:c></x:row></x:sheetData><x:mergeCells count="2"><x:mergeCell ref="A2:A4"/><x:mergeCell ref="B1:C1"></x:mergeCell></x:mergeCells></x:worksheet>"#;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, text) in [("xl/workbook.xml", "<workbook/>"), ("xl/worksheets/sheet1.xml", sheet)] {
            zip.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        let data = zip.finish().unwrap().into_inner();
        let d = |a: (u32, u32), b: (u32, u32)| Dimensions { start: a, end: b };
        assert_eq!(only_sheet_merges(&data), Some(vec![d((1, 0), (3, 0)), d((0, 1), (0, 2))]));
    }

    #[test]
    fn a_word_document_named_as_a_workbook_is_named_so() {
        use std::io::Write;
        let zipped = |entries: &[(&str, &str)]| {
            let mut zip = ::zip::ZipWriter::new(Cursor::new(Vec::new()));
            for (name, text) in entries {
                zip.start_file(*name, ::zip::write::SimpleFileOptions::default()).unwrap();
                zip.write_all(text.as_bytes()).unwrap();
            }
            zip.finish().unwrap().into_inner()
        };
        let word = zipped(&[("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")]);
        assert_eq!(read_bytes("bao-cao.xlsx", &word).unwrap_err(), (Kind::NotSpreadsheet, "tài liệu Word đặt tên như bảng tính".into()));
        let broken = zipped(&[("[Content_Types].xml", "<Types/>")]);
        assert!(matches!(read_bytes("bao-cao.xlsx", &broken), Err((Kind::Unreadable, e)) if e.starts_with("XLSX: ")));
    }

    /// An .xlsx workbook of one sheet holding a report's header and nothing else.
    fn header_only_xlsx() -> Vec<u8> {
        xlsx_with(&[], 0)
    }

    /// An .xlsx workbook of one sheet: the lines given (row, column, text) and a report's
    /// header on row `header_row`, with no rows under it.
    pub(crate) fn xlsx_with(lines: &[(u32, u16, &str)], header_row: u32) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for &(row, col, text) in lines {
            sheet.write(row, col, text).unwrap();
        }
        for (col, text) in ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả thực hiện"].into_iter().enumerate() {
            sheet.write(header_row, col as u16, text).unwrap();
        }
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn a_table_under_pages_of_text_is_found_as_far_down_as_lines_are_read() {
        // A report pasted from Word, a paragraph per row, its table below.
        let para = "Đơn vị đã quán triệt và lồng ghép các nội dung của Kế hoạch vào chương trình công tác.";
        for (header_row, found) in [(140, true), (LINES_READ as u32 - 10, true), (LINES_READ as u32 + 40, false)] {
            let lines: Vec<(u32, u16, &str)> = (0..header_row - 1).map(|r| (r, 0, para)).collect();
            let wb = read_bytes("bao-cao.xlsx", &xlsx_with(&lines, header_row)).unwrap();
            let header = wb.sheets[0].header.as_ref();
            assert_eq!(header.map(|h| h.first_row), found.then_some(header_row), "header on row {header_row}");
        }
    }

    #[test]
    fn a_workbook_whose_name_lost_its_extension_is_read_by_its_bytes() {
        let xlsx = header_only_xlsx();
        for name in ["ATT00001", "bao-cao.xlsx.bak", "noname.dat", "Báo cáo.docx"] {
            assert!(read_bytes(name, &xlsx).unwrap().sheets[0].header.is_some(), "{name}");
        }
        let xls = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/messy/2024/07_stc_cot_la.xls")).unwrap();
        assert!(read_bytes("ATT00002", &xls).unwrap().sheets.iter().any(|s| s.header.is_some()));
        // Anything else under such a name is not a spreadsheet, as its name says.
        assert_eq!(read_bytes("noname", b"%PDF-1.4").unwrap_err(), (Kind::NotSpreadsheet, "tệp không có phần mở rộng".into()));
        assert_eq!(read_bytes("ATT00003.txt", b"STT,Nhiem vu").unwrap_err(), (Kind::NotSpreadsheet, ".txt".into()));
    }

    #[test]
    fn a_report_sent_in_a_zip_archive_is_read_as_the_one_workbook_it_holds() {
        use std::io::Write;
        let xlsx = header_only_xlsx();
        let zipped = |entries: &[(&str, &[u8])]| {
            let mut zip = ::zip::ZipWriter::new(Cursor::new(Vec::new()));
            for (name, bytes) in entries {
                zip.start_file(*name, ::zip::write::SimpleFileOptions::default()).unwrap();
                zip.write_all(bytes).unwrap();
            }
            zip.finish().unwrap().into_inner()
        };
        // With the Word report, a scan and macOS's attribute copies beside it.
        let one = zipped(&[
            ("Báo cáo/SoNgoaiVu_2024.xlsx", &xlsx),
            ("__MACOSX/Báo cáo/._SoNgoaiVu_2024.xlsx", b"attr"),
            ("Báo cáo/Công văn.pdf", b"%PDF-1.4"),
        ]);
        let wb = read_bytes("bao-cao.zip", &one).unwrap();
        assert_eq!(wb.archived.as_deref(), Some("Báo cáo/SoNgoaiVu_2024.xlsx"));
        assert!(wb.sheets[0].header.is_some());
        let two = zipped(&[("SNV.xlsx", &xlsx), ("STC.xlsx", &xlsx)]);
        assert_eq!(read_bytes("bao-cao.zip", &two).unwrap_err(), (Kind::Archive, "SNV.xlsx, STC.xlsx".into()));
        assert_eq!(
            read_bytes("bao-cao.rar", b"Rar!\x1a\x07\x01\x00").unwrap_err().1,
            "tệp nén RAR: giải nén rồi chép bảng tính vào thư mục năm"
        );
        let none = zipped(&[("scan.pdf", b"%PDF-1.4")]);
        assert_eq!(read_bytes("bao-cao.zip", &none).unwrap_err(), (Kind::NotSpreadsheet, ".zip".into()));
    }

    #[test]
    fn junk_is_named() {
        assert_eq!(read_bytes("~$SoNgoaiVu.xlsx", b"xx").unwrap_err().0, Kind::LockFile);
        assert_eq!(read_bytes("CongVan.docx", b"PK\x03\x04").unwrap_err(), (Kind::NotSpreadsheet, ".docx".into()));
        assert_eq!(read_bytes("a.xlsx", b"").unwrap_err().0, Kind::Unreadable);
        assert_eq!(read_bytes("a.xls", b"%PDF-1.4").unwrap_err().0, Kind::NotSpreadsheet);
        assert_eq!(read_bytes("a.xls", b"\x00\x01binary\x02").unwrap_err().0, Kind::Unreadable);
        // An HTML page is read as the table it holds; this one holds no report table.
        let wb = read_bytes("a.xls", b"<html><table><tr><td>x</td></tr></table>").unwrap();
        assert!(wb.sheets[0].header.is_none());
        let truncated = b"PK\x03\x04\x14\x00\x00\x00\x08\x00garbage";
        assert_eq!(read_bytes("a.xlsx", truncated).unwrap_err().0, Kind::Unreadable);
    }

    #[test]
    fn labels() {
        assert_eq!(label_value("Đơn vị báo cáo: Sở Ngoại vụ", &["don vi bao cao"]), Some("Sở Ngoại vụ"));
        assert_eq!(label_value("ĐƠN VỊ BÁO CÁO  Sở Ngoại vụ", &["don vi bao cao"]), Some("Sở Ngoại vụ"));
        assert_eq!(label_value("Ngày báo cáo:", &["ngay bao cao"]), Some(""));
        assert_eq!(label_value("Kính gửi: Sở Ngoại vụ", &["don vi bao cao"]), None);
        // A long text after its label, and the shorter of two labels that open alike.
        let long = format!("Đơn vị báo cáo: {}", "Sở Ngoại vụ tỉnh Bắc Giang; ".repeat(40));
        assert_eq!(label_value(&long, &["don vi bao cao"]), Some(long[long.find(':').unwrap() + 1..].trim()));
        assert_eq!(label_value("Đơn vị - Sở Ngoại vụ", &["don vi bao cao", "don vi"]), Some("- Sở Ngoại vụ"));
        assert_eq!(label_value("Đơn vị báo cáo", &["don vi bao cao", "don vi"]), Some(""));
        assert_eq!(label_value("Đơn vịbáo cáo: x", &["don vi"]), None);
    }
}
