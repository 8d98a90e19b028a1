//! A long sheet's rows written as XML by tonghop, not by rust_xlsxwriter, so that they can
//! be written on both cores and compressed while they are written.
//!
//! rust_xlsxwriter writes a sheet's cells on one thread and compresses the sheet when the
//! workbook is saved, on one thread again: at M the activities sheet (83 MB of XML) was
//! ~0.7 s of writing then ~0.17 s of deflate, one after the other, at the end of every run.
//! Here rust_xlsxwriter still writes everything around the rows (the sheet's title, header,
//! columns, print setup and merged title cells, the workbook's other parts), and tonghop
//! writes the rows' XML the same way it would, byte for byte (the tests
//! `*_are_written_as_rust_xlsxwriter_writes_them` in `workbook.rs` compare the two), then
//! puts the compressed sheet in the saved workbook in place of rust_xlsxwriter's.

use std::borrow::Cow;
use std::io::{Cursor, Read, Write};

use rayon::prelude::*;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use zip::write::{SimpleFileOptions, ZipFileBuilder};
use zip::{CompressionMethod, DateTime, PreparedZipFile, ZipArchive, ZipWriter};

/// Excel's longest text in a cell, in UTF-16 units; rust_xlsxwriter refuses longer text.
const MAX_STRING_LEN: usize = 32_767;

/// The zip entry of the workbook's `n`th sheet (from 1), as rust_xlsxwriter names it.
pub fn sheet_entry(n: usize) -> String {
    format!("xl/worksheets/sheet{n}.xml")
}

/// The options rust_xlsxwriter gives every XML part of the package, at `level`.
fn entry_options(level: i64) -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(level))
        .unix_permissions(0o600)
        .last_modified_time(DateTime::default())
}

/// A compressed zip entry being written: the XML is given to it a piece at a time.
fn entry(name: &str, level: i64) -> Result<ZipFileBuilder, XlsxError> {
    Ok(ZipFileBuilder::new(name, entry_options(level))?)
}

/// Lines of a sheet written as XML on one core at a time, and pieces of XML given to the
/// compressing thread at a time (see `long_sheet`).
const BLOCK: usize = 1024;
const BLOCKS_AT_ONCE: usize = 4;

/// What `long_sheet` needs to know of a sheet besides its lines.
pub struct Long<'a> {
    /// The sheet's zip entry (`sheet_entry`) and zip level.
    pub entry: String,
    pub level: i64,
    /// Every format of the workbook, in the order they are numbered in it.
    pub all: &'a [&'a Format],
    /// The formats the lines' cells take: the lines are given their numbers in this order.
    pub formats: &'a [&'a Format],
    /// The row of the first line (from 0).
    pub first: u32,
    /// The sheet's cells' range, and the merged cells of its lines, in order.
    pub dimension: String,
    pub merges: Vec<String>,
}

/// A sheet whose lines tonghop writes, compressed as its zip entry: the XML around the
/// lines is that of the sheet `frame` makes (in a workbook of its own), and `xml` writes
/// the lines, given a block of them, the first's place among them, and the formats'
/// numbers. The blocks are written on both cores (the pool the caller runs on), a few at a
/// time, while a thread of its own compresses those written before, in order.
pub fn long_sheet<L: Sync>(
    sheet: &Long,
    frame: impl FnOnce(&mut Worksheet) -> Result<(), XlsxError>,
    lines: &[L],
    xml: impl Fn(usize, &[L], &[u32], &mut Vec<u8>) -> Result<(), XlsxError> + Sync,
) -> Result<PreparedZipFile, XlsxError> {
    // With a line's cell, for the header's row to be written out as it is before a line.
    let (xml_around, xf) = around(sheet.all, sheet.formats, |ws| {
        frame(ws)?;
        ws.write_blank(sheet.first, 0, sheet.formats[0])?;
        Ok(())
    })?;
    let Frame { head, tail } = Frame::split(&xml_around, sheet.first, &sheet.dimension, &sheet.merges)?;
    let blocks: Vec<(usize, &[L])> = lines.chunks(BLOCK).enumerate().map(|(b, lines)| (b * BLOCK, lines)).collect();
    let mut zipped = entry(&sheet.entry, sheet.level)?;
    std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<u8>>(BLOCKS_AT_ONCE);
        let zipper = s.spawn(move || -> Result<_, XlsxError> {
            zipped.write_all(head.as_bytes())?;
            for piece in rx {
                zipped.write_all(&piece)?;
            }
            zipped.write_all(tail.as_bytes())?;
            Ok(zipped.finish()?)
        });
        let mut failed = None;
        'blocks: for some in blocks.chunks(BLOCKS_AT_ONCE) {
            let pieces = some
                .par_iter()
                .map(|(first, lines)| {
                    let mut out = Vec::with_capacity(lines.len() * 1024);
                    xml(*first, lines, &xf, &mut out).map(|()| out)
                })
                .collect::<Result<Vec<_>, _>>();
            match pieces {
                Ok(pieces) => {
                    for piece in pieces {
                        // Refused only if the zipping thread failed: its error is returned.
                        if tx.send(piece).is_err() {
                            break 'blocks;
                        }
                    }
                }
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        drop(tx);
        let zipped = zipper.join().expect("the zipping thread does not panic");
        match failed {
            Some(e) => Err(e),
            None => zipped,
        }
    })
}

/// The column's letters (A, B, …, AA, …).
pub fn column_name(col: u16) -> String {
    rust_xlsxwriter::column_number_to_name(col)
}

/// The start of row `row` (from 0), with its height in points when it has one of its own.
pub fn row_start(out: &mut Vec<u8>, row: u32, height: Option<f64>) {
    match height {
        // As rust_xlsxwriter keeps it: whole pixels, written back in points.
        Some(h) => {
            let pixels = (h * 4.0 / 3.0).round() as u32;
            let points = f64::from(pixels) * 0.75;
            write!(out, r#"<row r="{}" ht="{points}" customHeight="1">"#, row + 1).expect("write to memory");
        }
        None => write!(out, r#"<row r="{}">"#, row + 1).expect("write to memory"),
    }
}

pub fn row_end(out: &mut Vec<u8>) {
    out.extend_from_slice(b"</row>");
}

/// A formatted cell with no value.
pub fn blank(out: &mut Vec<u8>, row: u32, col: &str, xf: u32) {
    write!(out, r#"<c r="{col}{}" s="{xf}"/>"#, row + 1).expect("write to memory");
}

/// A number; NaN and the infinities as rust_xlsxwriter writes them, as text.
pub fn number(out: &mut Vec<u8>, row: u32, col: &str, x: f64, xf: u32) -> Result<(), XlsxError> {
    match x {
        x if x.is_nan() => text(out, row, col, "NAN", xf),
        f64::INFINITY => text(out, row, col, "INF", xf),
        f64::NEG_INFINITY => text(out, row, col, "-INF", xf),
        x => {
            write!(out, r#"<c r="{col}{}" s="{xf}"><v>{x}</v></c>"#, row + 1).expect("write to memory");
            Ok(())
        }
    }
}

/// Text, inline in the cell; empty text is a blank cell in the format, as rust_xlsxwriter
/// writes it.
pub fn text(out: &mut Vec<u8>, row: u32, col: &str, s: &str, xf: u32) -> Result<(), XlsxError> {
    if s.is_empty() {
        blank(out, row, col, xf);
        return Ok(());
    }
    if s.len() > MAX_STRING_LEN && s.encode_utf16().count() > MAX_STRING_LEN {
        return Err(XlsxError::MaxStringLengthExceeded);
    }
    let preserve = if s.starts_with(['\t', '\n', ' ']) || s.ends_with(['\t', '\n', ' ']) { r#" xml:space="preserve""# } else { "" };
    write!(out, r#"<c r="{col}{}" s="{xf}" t="inlineStr"><is><t{preserve}>"#, row + 1).expect("write to memory");
    escape(out, s);
    out.extend_from_slice(b"</t></is></c>");
    Ok(())
}

/// Whether a byte starts something `escape` changes: `&`, `<`, `>`, a control character
/// other than tab and newline, `_` (of a literal "_xHHHH_") or 0xEF (of U+FFFE, U+FFFF).
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b != b'\t' as usize && b != b'\n' as usize;
        b += 1;
    }
    t[b'&' as usize] = true;
    t[b'<' as usize] = true;
    t[b'>' as usize] = true;
    t[b'_' as usize] = true;
    t[0xEF] = true;
    t
};

/// Text as rust_xlsxwriter puts it in a cell: a literal "_xHHHH_" gets its underscore
/// escaped ("_x005F_xHHHH_"), then `&`, `<` and `>` become entities, and the control
/// characters other than tab and newline, U+FFFE and U+FFFF become "_xHHHH_".
fn escape(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    let mut from = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if !SPECIAL[c as usize] {
            i += 1;
            continue;
        }
        out.extend_from_slice(&b[from..i]);
        from = i + 1;
        match c {
            b'&' => out.extend_from_slice(b"&amp;"),
            b'<' => out.extend_from_slice(b"&lt;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            b'_' => {
                let literal = b.len() >= i + 7 && b[i + 1] == b'x' && b[i + 2..i + 6].iter().all(u8::is_ascii_hexdigit) && b[i + 6] == b'_';
                if literal {
                    out.extend_from_slice(b"_x005F");
                }
                out.push(b'_');
            }
            0xEF if b.get(i + 1) == Some(&0xBF) && matches!(b.get(i + 2), Some(0xBE | 0xBF)) => {
                out.extend_from_slice(if b[i + 2] == 0xBE { b"_xFFFE_" } else { b"_xFFFF_" });
                from = i + 3;
                i += 2;
            }
            0xEF => out.push(c),
            _ => write!(out, "_x{c:04X}_").expect("write to memory"),
        }
        i += 1;
    }
    out.extend_from_slice(&b[from..]);
}

/// The XML rust_xlsxwriter writes around a sheet's rows, split where tonghop's rows go.
struct Frame {
    /// Up to the rows tonghop writes (the title and the header).
    head: String,
    /// From the end of the rows on, with the merged cells of tonghop's rows added.
    tail: String,
}

/// Writes, in a workbook of its own, the sheet `make` makes, after a sheet that has a cell
/// in each of `formats`; reads back the XML of the one and the format numbers of the other.
/// The formats of `all` are numbered first, in their order, as in the workbook the sheet is
/// for, so the numbers are the same there.
fn around(
    all: &[&Format],
    formats: &[&Format],
    make: impl FnOnce(&mut rust_xlsxwriter::Worksheet) -> Result<(), XlsxError>,
) -> Result<(String, Vec<u32>), XlsxError> {
    let mut wb = Workbook::new();
    for f in all {
        wb.register_format(f);
    }
    let probe = wb.add_worksheet();
    for (c, f) in formats.iter().enumerate() {
        probe.write_blank(0, c as u16, f)?;
    }
    make(wb.add_worksheet_with_constant_memory()?)?;
    wb.set_zip_compression_level(1);
    let bytes = wb.save_to_buffer()?;
    let mut zip = ZipArchive::new(Cursor::new(bytes))?;
    let mut part = |name: &str| -> Result<String, XlsxError> {
        let mut xml = String::new();
        zip.by_name(name)?.read_to_string(&mut xml)?;
        Ok(xml)
    };
    let probe = part(&sheet_entry(1))?;
    let sheet = part(&sheet_entry(2))?;
    let xf = (0..formats.len())
        .map(|c| {
            let cell = format!(r#"<c r="{}1" s=""#, column_name(c as u16));
            let at = probe.find(&cell).map(|p| p + cell.len());
            at.and_then(|p| probe[p..].split('"').next()?.parse().ok()).unwrap_or(0)
        })
        .collect();
    Ok((sheet, xf))
}

impl Frame {
    /// Splits a sheet's XML before row `from` (from 0), where tonghop's rows go in place of
    /// those from there on; its dimension becomes `dimension` and `merges` are added to its
    /// merged cells.
    ///
    /// The sheet is to have a cell in row `from`: in constant-memory mode a row is written
    /// out when the next one starts, and the last row at the save, where rust_xlsxwriter
    /// writes its height again in an empty row of the same number.
    fn split(sheet: &str, from: u32, dimension: &str, merges: &[String]) -> Result<Frame, XlsxError> {
        let broken = |what: &str| XlsxError::ParameterError(format!("rust_xlsxwriter's sheet XML has no {what}"));
        let dim_at = sheet.find(r#"<dimension ref=""#).ok_or_else(|| broken("dimension"))? + r#"<dimension ref=""#.len();
        let dim_end = dim_at + sheet[dim_at..].find('"').ok_or_else(|| broken("dimension"))?;
        let rows_end = sheet.find("</sheetData>").ok_or_else(|| broken("</sheetData>"))?;
        let ours = sheet.find(&format!(r#"<row r="{}""#, from + 1)).ok_or_else(|| broken("row to write from"))?;
        let head = format!("{}{dimension}{}", &sheet[..dim_at], &sheet[dim_end..ours]);
        let rest = &sheet[rows_end..];
        let tail = match merges {
            [] => rest.to_string(),
            _ => {
                let open = r#"<mergeCells count=""#;
                let at = rest.find(open).ok_or_else(|| broken("mergeCells"))? + open.len();
                let count_end = at + rest[at..].find('"').ok_or_else(|| broken("mergeCells"))?;
                let count: usize = rest[at..count_end].parse().map_err(|_| broken("merged cells' count"))?;
                let close = rest.find("</mergeCells>").ok_or_else(|| broken("</mergeCells>"))?;
                let mut tail = format!("{}{}{}", &rest[..at], count + merges.len(), &rest[count_end..close]);
                for m in merges {
                    tail.push_str(&format!(r#"<mergeCell ref="{m}"/>"#));
                }
                tail.push_str(&rest[close..]);
                tail
            }
        };
        Ok(Frame { head, tail })
    }
}

/// Writes the package rust_xlsxwriter saved in `saved` to `out`, with `sheets` in place of
/// the entries of their names. The other entries are copied as they are, still compressed.
///
/// The package is put together in memory (it is the compressed workbook: 9 MB at M): a
/// zip written as a stream, as rust_xlsxwriter writes it, gives each entry's sizes after
/// its data, and the zip crate (9.4) leaves them out of the entries it copies, which
/// `unzip -t` then finds overlapping. Written where it can go back, each entry's header
/// has its sizes.
pub fn replace_entries(saved: &[u8], sheets: Vec<PreparedZipFile>, out: &mut (dyn Write + Send)) -> Result<(), XlsxError> {
    let mut zip = ZipArchive::new(Cursor::new(saved))?;
    let size = saved.len() + sheets.iter().map(|s| s.compressed_size() as usize).sum::<usize>();
    let mut w = ZipWriter::new(Cursor::new(Vec::with_capacity(size + 4096)));
    let mut sheets: Vec<Option<PreparedZipFile>> = sheets.into_iter().map(Some).collect();
    for i in 0..zip.len() {
        let f = zip.by_index_raw(i)?;
        match sheets.iter_mut().find_map(|s| s.take_if(|s| s.file_name_raw() == f.name_raw())) {
            Some(s) => {
                drop(f);
                w.add_prepared_file(s)?;
            }
            None => w.raw_copy_file(f)?,
        }
    }
    if sheets.iter().any(Option::is_some) {
        return Err(XlsxError::ParameterError("a sheet to replace is not in the workbook".to_string()));
    }
    out.write_all(&w.finish()?.into_inner())?;
    Ok(())
}

/// Text a cell takes as it is, or cut to `max` characters and marked.
pub fn cut(s: &str, max: usize) -> Cow<'_, str> {
    // A text of at most `max` bytes has at most `max` characters: no need to count.
    if s.len() > max && s.chars().count() > max {
        Cow::Owned(format!("{} …[cắt bớt]", s.chars().take(max).collect::<String>()))
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cell rust_xlsxwriter writes for `s`, from a saved workbook.
    fn by_rust_xlsxwriter(s: &str) -> String {
        cell_by_rust_xlsxwriter(|ws, f| {
            ws.write_string_with_format(2, 1, s, f).unwrap();
        })
    }

    /// The cell B3 that `write` writes, in a bold format, as rust_xlsxwriter saves it.
    fn cell_by_rust_xlsxwriter(write: impl FnOnce(&mut Worksheet, &Format)) -> String {
        let mut wb = Workbook::new();
        let f = Format::new().set_bold();
        write(wb.add_worksheet_with_constant_memory().unwrap(), &f);
        let mut zip = ZipArchive::new(Cursor::new(wb.save_to_buffer().unwrap())).unwrap();
        let mut xml = String::new();
        zip.by_name(&sheet_entry(1)).unwrap().read_to_string(&mut xml).unwrap();
        let from = xml.find("<c ").unwrap();
        xml[from..xml.find("</row>").unwrap()].to_string()
    }

    #[test]
    fn text_is_escaped_as_rust_xlsxwriter_escapes_it() {
        let texts = [
            "plain",
            "a & b < c > d \"q\" 'a'",
            " leading",
            "trailing\n",
            "\ttab",
            "ctl\u{1}\u{8}\u{b}\u{c}\r\u{1f}x",
            "_x0041_ and _x00zz_ and _x12 and _x1234",
            "_x_x0041__x0042_",
            "end _x",
            "\u{fffe}\u{ffff}\u{fffd}\u{feff}ï¿",
            "Tiếng Việt có dấu 😀",
            "\0",
            "",
        ];
        for s in texts {
            let mut ours = Vec::new();
            text(&mut ours, 2, "B", s, 1).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), by_rust_xlsxwriter(s), "{s:?}");
        }
    }

    #[test]
    fn a_replaced_entry_leaves_a_zip_read_front_to_back_as_unzip_reads_it() {
        let mut wb = Workbook::new();
        for n in 0..3 {
            wb.add_worksheet().write_string(0, 0, format!("trang {n}")).unwrap();
        }
        let saved = wb.save_to_buffer().unwrap();
        let mut sheet = entry(&sheet_entry(2), 2).unwrap();
        sheet.write_all(br#"<?xml version="1.0"?><worksheet><sheetData/></worksheet>"#).unwrap();
        let mut out = Vec::new();
        replace_entries(&saved, vec![sheet.finish().unwrap()], &mut out).unwrap();
        // From the first entry's header to the next, by the sizes each header gives, then
        // the central directory: as `unzip -t` walks a zip, whose entries copied by the zip
        // crate into a stream were found overlapping (their headers leave the sizes to after
        // the data, where the copy does not write them).
        let u16_at = |p: usize| usize::from(u16::from_le_bytes([out[p], out[p + 1]]));
        let u32_at = |p: usize| u32::from_le_bytes(out[p..p + 4].try_into().unwrap()) as usize;
        let (mut at, mut entries) = (0, Vec::new());
        while out[at..].starts_with(b"PK\x03\x04") {
            let name = String::from_utf8(out[at + 30..at + 30 + u16_at(at + 26)].to_vec()).unwrap();
            at += 30 + u16_at(at + 26) + u16_at(at + 28) + u32_at(at + 18);
            entries.push(name);
        }
        assert!(out[at..].starts_with(b"PK\x01\x02"), "entries overlap or leave a gap after {entries:?}");
        let mut zip = ZipArchive::new(Cursor::new(&out)).unwrap();
        let names: Vec<String> = (0..zip.len()).map(|i| zip.by_index_raw(i).unwrap().name().unwrap().to_string()).collect();
        assert_eq!(entries, names);
        let mut xml = String::new();
        zip.by_name(&sheet_entry(2)).unwrap().read_to_string(&mut xml).unwrap();
        assert_eq!(xml, r#"<?xml version="1.0"?><worksheet><sheetData/></worksheet>"#);
    }

    #[test]
    fn numbers_are_written_as_rust_xlsxwriter_writes_them() {
        for x in [0.0, -0.0, 1.0, 0.1 + 0.2, -3.25, 1e21, 1e-7, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let mut ours = Vec::new();
            number(&mut ours, 2, "B", x, 1).unwrap();
            let theirs = cell_by_rust_xlsxwriter(|ws, f| {
                ws.write_number_with_format(2, 1, x, f).unwrap();
            });
            assert_eq!(String::from_utf8(ours).unwrap(), theirs, "{x}");
        }
    }

    #[test]
    fn text_longer_than_excel_allows_is_refused_as_rust_xlsxwriter_refuses_it() {
        let long = "😀".repeat(16_384);
        assert!(matches!(text(&mut Vec::new(), 0, "A", &long, 1), Err(XlsxError::MaxStringLengthExceeded)));
        assert!(text(&mut Vec::new(), 0, "A", &"a".repeat(32_767), 1).is_ok());
    }
}
