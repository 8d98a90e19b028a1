//! Excel's "XML Spreadsheet 2003" (SpreadsheetML): one XML document of worksheets, which
//! Excel saves as ".xml" and which web systems and report generators export under an
//! ".xls" name. calamine does not read it; its sheets are read here into the cells, merged
//! regions, hidden rows and columns and numbers shown that the other formats give, and
//! then as any sheet is.

use calamine::{CellErrorType, DataRef, Dimensions};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::Shown;

/// The namespace every SpreadsheetML workbook declares.
const NAMESPACE: &str = "urn:schemas-microsoft-com:office:spreadsheet";

/// Excel's last row and column (0-based): cells past them are not read.
const LAST_ROW: u32 = 1_048_575;
const LAST_COL: u32 = 16_383;

/// Most rows or columns one element hides at once ("ss:Span" on a hidden row): a report's
/// table is far shorter.
const MOST_HIDDEN: u32 = 65_536;

/// One worksheet as read.
#[derive(Debug, Default)]
pub(crate) struct XmlSheet {
    pub name: String,
    /// Hidden (or very hidden) in the workbook's window.
    pub hidden: bool,
    /// Its cells with a value, in the order written (rows down, cells across).
    pub cells: Vec<calamine::Cell<DataRef<'static>>>,
    /// Numbers whose format shows them otherwise than as kept ("0%", "0\" đại biểu\"").
    pub shown: Vec<(u32, u32, Shown)>,
    pub merges: Vec<Dimensions>,
    /// Rows and columns hidden by hand, sorted.
    pub hidden_rows: Vec<u32>,
    pub hidden_cols: Vec<u32>,
}

/// Whether a text is a SpreadsheetML workbook: its root element, a `Workbook` in its
/// namespace, within the first few kilobytes (after the declaration and
/// `<?mso-application progid="Excel.Sheet"?>`).
pub(crate) fn is_workbook(text: &str) -> bool {
    let head = match text.char_indices().nth(8192) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    head.contains(NAMESPACE) && (head.contains("<Workbook") || head.contains(":Workbook"))
}

/// The value of an attribute, by its local name ("Index" for "ss:Index").
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// A whole number attribute; `None` where absent or not a number.
fn attr_number(e: &BytesStart, name: &str) -> Option<u32> {
    attr(e, name).and_then(|v| v.trim().parse().ok())
}

/// A number format as SpreadsheetML names it: Excel's own names for its built-in formats
/// ("Percent" is "0.00%"), else the format's code.
fn format_code(name: &str) -> &str {
    match name {
        "Percent" => "0.00%",
        "General Number" | "General" => "General",
        "Fixed" => "0.00",
        "Standard" => "#,##0.00",
        "Scientific" => "0.00E+00",
        code => code,
    }
}

/// What a cell's `Data` says, as calamine gives the same in the other formats.
fn value(kind: &str, text: String) -> DataRef<'static> {
    match kind {
        "Number" => text.trim().parse::<f64>().map_or(DataRef::String(text), DataRef::Float),
        // (Kept as "2024-10-20T00:00:00.000", as Excel's Strict format keeps it.)
        "DateTime" => DataRef::DateTimeIso(text),
        "Boolean" => DataRef::Bool(matches!(text.trim(), "1" | "true" | "TRUE")),
        "Error" => DataRef::Error(match text.trim() {
            "#DIV/0!" => CellErrorType::Div0,
            "#N/A" => CellErrorType::NA,
            "#NAME?" => CellErrorType::Name,
            "#NULL!" => CellErrorType::Null,
            "#NUM!" => CellErrorType::Num,
            "#REF!" => CellErrorType::Ref,
            "#VALUE!" => CellErrorType::Value,
            _ => CellErrorType::GettingData,
        }),
        _ => DataRef::String(text),
    }
}

/// The cell being read: where it is, its style, its formula, its value's type and text.
struct Open {
    at: (u32, u32),
    style: Option<String>,
    formula: Option<String>,
    kind: Option<String>,
    text: String,
}

/// A formula saved with no value (a script's SpreadsheetML; Excel saves the value), as the
/// other formats' are marked: `NO_VALUE` and its text, worked out where it is arithmetic,
/// else flagged (its references in Excel's R1C1 notation, "=RC[-2]+RC[-1]", as written).
fn no_value(formula: &str) -> DataRef<'static> {
    DataRef::String(format!("{}{}", super::NO_VALUE, formula.trim().trim_start_matches('=')))
}

/// Every worksheet of a SpreadsheetML workbook, in order. An error says where the XML
/// stops being well formed.
pub(crate) fn sheets(text: &str) -> Result<Vec<XmlSheet>, String> {
    let mut reader = Reader::from_str(text);
    let mut styles: Vec<(String, Shown)> = Vec::new();
    let mut style_id: Option<String> = None;
    let mut sheets = Vec::new();
    let mut sheet: Option<XmlSheet> = None;
    let (mut row, mut next_row, mut next_col, mut col_next) = (0u32, 0u32, 0u32, 0u32);
    let mut cell: Option<Open> = None;
    // Inside a cell's `Data` (rich text has tags of its own there), its `Comment`, or a
    // sheet's `Visible` option.
    let (mut in_data, mut in_comment, mut in_visible) = (false, false, false);
    loop {
        let event = reader.read_event().map_err(|e| format!("XML hỏng ở byte {}: {e}", reader.error_position()))?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            match e.local_name().as_ref() {
                "Style" => style_id = attr(e, "ID"),
                "NumberFormat" => {
                    if let (Some(id), Some(format)) = (style_id.as_ref(), attr(e, "Format")) {
                        if let Some(shown) = Shown::of(format_code(&format)) {
                            styles.push((id.clone(), shown));
                        }
                    }
                }
                "Worksheet" => {
                    sheet = Some(XmlSheet { name: attr(e, "Name").unwrap_or_default(), ..XmlSheet::default() });
                    (next_row, col_next) = (0, 0);
                }
                "Column" if sheet.is_some() => {
                    let at = attr_number(e, "Index").map_or(col_next, |i| i.saturating_sub(1));
                    let span = attr_number(e, "Span").unwrap_or(0).min(MOST_HIDDEN);
                    if attr(e, "Hidden").as_deref() == Some("1") {
                        if let Some(s) = sheet.as_mut() {
                            s.hidden_cols.extend((at..=at.saturating_add(span)).take_while(|&c| c <= LAST_COL));
                        }
                    }
                    col_next = at.saturating_add(span).saturating_add(1);
                }
                "Row" if sheet.is_some() => {
                    row = attr_number(e, "Index").map_or(next_row, |i| i.saturating_sub(1));
                    let row_span = attr_number(e, "Span").unwrap_or(0).min(MOST_HIDDEN);
                    next_col = 0;
                    if attr(e, "Hidden").as_deref() == Some("1") {
                        if let Some(s) = sheet.as_mut() {
                            s.hidden_rows.extend((row..=row.saturating_add(row_span)).take_while(|&r| r <= LAST_ROW));
                        }
                    }
                    next_row = row.saturating_add(row_span).saturating_add(1);
                }
                "Cell" if sheet.is_some() => {
                    let col = attr_number(e, "Index").map_or(next_col, |i| i.saturating_sub(1));
                    let (across, down) = (attr_number(e, "MergeAcross").unwrap_or(0), attr_number(e, "MergeDown").unwrap_or(0));
                    let inside = row <= LAST_ROW && col <= LAST_COL;
                    if (across > 0 || down > 0) && inside {
                        if let Some(s) = sheet.as_mut() {
                            let end = (row.saturating_add(down).min(LAST_ROW), col.saturating_add(across).min(LAST_COL));
                            s.merges.push(Dimensions { start: (row, col), end });
                        }
                    }
                    next_col = col.saturating_add(across).saturating_add(1);
                    let formula = attr(e, "Formula").filter(|f| !f.trim().trim_start_matches('=').is_empty());
                    cell = None;
                    match (inside, empty, formula) {
                        (true, false, formula) => {
                            cell = Some(Open { at: (row, col), style: attr(e, "StyleID"), formula, kind: None, text: String::new() })
                        }
                        // (`<Cell ss:Formula="=20+30"/>`: a formula alone.)
                        (true, true, Some(f)) => {
                            if let Some(s) = sheet.as_mut() {
                                s.cells.push(calamine::Cell::new((row, col), no_value(&f)));
                            }
                        }
                        _ => {}
                    }
                }
                "Comment" if !empty => in_comment = true,
                "Data" if !in_comment && !in_data => {
                    if let Some(c) = cell.as_mut() {
                        c.kind = Some(attr(e, "Type").unwrap_or_else(|| "String".into()));
                        in_data = !empty;
                    }
                }
                "Visible" if sheet.is_some() && !empty => in_visible = true,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Text(t) if in_data || in_visible => {
                let t = t.xml_content(quick_xml::XmlVersion::Implicit1_0);
                if in_visible {
                    if let Some(s) = sheet.as_mut() {
                        s.hidden |= matches!(t.trim(), "SheetHidden" | "SheetVeryHidden");
                    }
                } else if let Some(c) = cell.as_mut() {
                    c.text.push_str(&t);
                }
            }
            Event::CData(t) if in_data => {
                if let Some(c) = cell.as_mut() {
                    c.text.push_str(&t.into_inner());
                }
            }
            Event::GeneralRef(r) if in_data => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(ch)) => Some(ch.to_string()),
                    _ => {
                        quick_xml::escape::resolve_predefined_entity(&r.xml_content(quick_xml::XmlVersion::Implicit1_0)).map(str::to_string)
                    }
                };
                if let (Some(c), Some(s)) = (cell.as_mut(), resolved) {
                    c.text.push_str(&s);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "Style" => style_id = None,
                "Data" if in_data => in_data = false,
                "Comment" => in_comment = false,
                "Visible" => in_visible = false,
                "Cell" => {
                    let (Some(open), Some(s)) = (cell.take(), sheet.as_mut()) else { continue };
                    let Some(kind) = open.kind else {
                        if let Some(f) = open.formula {
                            s.cells.push(calamine::Cell::new(open.at, no_value(&f)));
                        }
                        continue;
                    };
                    let number = kind == "Number";
                    s.cells.push(calamine::Cell::new(open.at, value(&kind, open.text)));
                    if let (true, Some(style)) = (number, open.style) {
                        if let Some((_, shown)) = styles.iter().find(|(id, _)| *id == style) {
                            s.shown.push((open.at.0, open.at.1, shown.clone()));
                        }
                    }
                }
                "Worksheet" => {
                    if let Some(mut s) = sheet.take() {
                        for v in [&mut s.hidden_rows, &mut s.hidden_cols] {
                            v.sort_unstable();
                            v.dedup();
                        }
                        sheets.push(s);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(sheets)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &XmlSheet, r: u32, c: u32) -> Option<&DataRef<'static>> {
        s.cells.iter().find(|x| x.get_position() == (r, c)).map(|x| x.get_value())
    }

    #[test]
    fn a_spreadsheetml_workbook_s_cells_merges_and_hidden_parts_are_read() {
        let xml = r##"<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:html="http://www.w3.org/TR/REC-html40">
 <Styles>
  <Style ss:ID="Default" ss:Name="Normal"><NumberFormat/></Style>
  <Style ss:ID="s21"><NumberFormat ss:Format="0%"/></Style>
  <Style ss:ID="s22"><NumberFormat ss:Format="0&quot; đại biểu&quot;"/></Style>
  <Style ss:ID="s23"><NumberFormat ss:Format="Short Date"/></Style>
 </Styles>
 <Worksheet ss:Name="Báo cáo">
  <Table ss:ExpandedColumnCount="6" ss:ExpandedRowCount="9">
   <Column ss:Width="30"/>
   <Column ss:Index="3" ss:Hidden="1" ss:Span="1"/>
   <Row><Cell ss:MergeAcross="2"><Data ss:Type="String">SỞ NGOẠI VỤ</Data></Cell><Cell><Data ss:Type="String">A &amp; B&#10;C</Data></Cell></Row>
   <Row ss:Index="3" ss:Hidden="1"><Cell ss:Index="2" ss:MergeDown="2"><Data ss:Type="String">NV1</Data></Cell>
    <Cell ss:StyleID="s21"><Data ss:Type="Number">0.85</Data></Cell><Cell ss:StyleID="s22"><Data ss:Type="Number">300</Data></Cell>
    <Cell ss:StyleID="s23"><Data ss:Type="DateTime">2024-10-20T00:00:00.000</Data><Comment ss:Author="x"><ss:Data xmlns="http://www.w3.org/TR/REC-html40"><B>not the cell</B></ss:Data></Comment></Cell></Row>
   <Row><Cell ss:Index="2"/><Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>Tổ chức</B><Font html:Color="#FF0000"> hội nghị</Font></ss:Data></Cell>
    <Cell ss:Formula="=1/0"><Data ss:Type="Error">#DIV/0!</Data></Cell><Cell><Data ss:Type="Boolean">1</Data></Cell></Row>
   <Row ss:Span="1" ss:Hidden="1"/>
   <Row><Cell><Data ss:Type="Number">7</Data></Cell></Row>
  </Table>
 </Worksheet>
 <Worksheet ss:Name="Ẩn"><Table/><WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>
</Workbook>"##;
        assert!(is_workbook(xml));
        let book = sheets(xml).unwrap();
        assert_eq!(book.len(), 2);
        let s = &book[0];
        assert_eq!((s.name.as_str(), s.hidden, book[1].hidden), ("Báo cáo", false, true));
        assert_eq!(at(s, 0, 0), Some(&DataRef::String("SỞ NGOẠI VỤ".into())));
        assert_eq!(at(s, 0, 3), Some(&DataRef::String("A & B\nC".into())), "after a cell merged across three");
        assert_eq!(at(s, 2, 1), Some(&DataRef::String("NV1".into())));
        assert_eq!(at(s, 2, 2), Some(&DataRef::Float(0.85)));
        assert_eq!(at(s, 2, 4), Some(&DataRef::DateTimeIso("2024-10-20T00:00:00.000".into())), "not the comment's text");
        assert_eq!(at(s, 3, 2), Some(&DataRef::String("Tổ chức hội nghị".into())), "rich text");
        assert_eq!(at(s, 3, 3), Some(&DataRef::Error(CellErrorType::Div0)));
        assert_eq!(at(s, 3, 4), Some(&DataRef::Bool(true)));
        assert_eq!(at(s, 6, 0), Some(&DataRef::Float(7.0)), "after two hidden rows of one element");
        assert_eq!(s.cells.len(), 10);
        assert_eq!(s.merges, vec![Dimensions { start: (0, 0), end: (0, 2) }, Dimensions { start: (2, 1), end: (4, 1) }]);
        assert_eq!(s.hidden_rows, vec![2, 4, 5]);
        assert_eq!(s.hidden_cols, vec![2, 3]);
        let shown: Vec<_> = s.shown.iter().map(|(r, c, how)| (*r, *c, how.text(if *c == 2 { 0.85 } else { 300.0 }))).collect();
        assert_eq!(shown, vec![(2, 2, Some("85%".into())), (2, 3, Some("300 đại biểu".into()))]);
    }

    #[test]
    fn a_workbook_cut_short_or_with_odd_numbers_is_read_or_refused_never_a_panic() {
        // Excel's own workbook from the shared corpus, cut at every 61st byte, and with its
        // positions made odd: zero, negative, past Excel's last row and column, past u32.
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/third-party/phpspreadsheet/templates/excel2003.xml");
        let text = std::fs::read_to_string(path).unwrap();
        for cut in (0..text.len()).step_by(61).filter(|&i| text.is_char_boundary(i)) {
            let _ = sheets(&text[..cut]);
        }
        for odd in ["0", "-1", "16385", "1048577", "4294967295", "99999999999", "x"] {
            let changed =
                text.replace("ss:Index=\"", &format!("ss:Index=\"{odd}")).replace("ss:MergeDown=\"", &format!("ss:MergeDown=\"{odd}"));
            for s in sheets(&changed).unwrap() {
                assert!(s.merges.iter().all(|m| m.start.0 <= m.end.0 && m.start.1 <= m.end.1), "{odd}");
                assert!(s.cells.iter().all(|c| c.get_position().0 <= LAST_ROW && c.get_position().1 <= LAST_COL), "{odd}");
            }
        }
    }

    #[test]
    fn a_formula_saved_with_no_value_is_marked_as_the_other_formats_mark_it() {
        let xml = r#"<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="A"><Table><Row>
            <Cell><Data ss:Type="Number">20</Data></Cell><Cell ss:Formula="=20+30"/><Cell ss:Formula="=RC[-2]*2"></Cell>
            <Cell ss:Formula="=RC[-3]+1"><Data ss:Type="Number">21</Data></Cell></Row></Table></Worksheet></Workbook>"#;
        let s = &sheets(xml).unwrap()[0];
        let marked = |f: &str| Some(DataRef::String(format!("{}{f}", crate::ingest::NO_VALUE)));
        assert_eq!(at(s, 0, 1).cloned(), marked("20+30"));
        assert_eq!(at(s, 0, 2).cloned(), marked("RC[-2]*2"));
        assert_eq!(at(s, 0, 3), Some(&DataRef::Float(21.0)), "the value saved");
    }

    #[test]
    fn broken_or_foreign_xml_is_told_apart() {
        assert!(!is_workbook(
            r#"<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"/>"#
        ));
        let cut = r#"<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="A"><Table><Row><Cell><Data ss:Type="String">x</Data></Row>"#;
        assert!(is_workbook(cut));
        assert!(sheets(cut).unwrap_err().contains("XML hỏng"));
    }
}
