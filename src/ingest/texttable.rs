//! Tables that arrive as text under a spreadsheet's name: an HTML page that a web system
//! exported as ".xls", or CSV text saved with an ".xls" name. Both become a grid that the
//! usual header finder reads.

use calamine::{Data, Range};

/// Most rows and columns read from a text table.
const MAX_ROWS: usize = 100_000;
const MAX_COLS: usize = 200;

/// Text of a file: UTF-8, or UTF-16 with a byte-order mark; text that is neither is read
/// in Vietnamese Windows' code page, Windows-1258, and composed (NFC), as Excel saves "CSV
/// (Comma delimited)" and "Text (Tab delimited)" on a Vietnamese Windows (every accented
/// letter was "�" and the file unreadable).
pub fn decode(data: &[u8]) -> String {
    if data.starts_with(&[0xFF, 0xFE]) || data.starts_with(&[0xFE, 0xFF]) {
        let le = data[0] == 0xFF;
        let units: Vec<u16> = data[2..]
            .chunks_exact(2)
            .map(|c| if le { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) })
            .collect();
        return String::from_utf16_lossy(&units);
    }
    let data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    match std::str::from_utf8(data) {
        Ok(text) => text.to_string(),
        Err(_) => {
            use unicode_normalization::UnicodeNormalization;
            encoding_rs::WINDOWS_1258.decode_without_bom_handling(data).0.nfc().collect()
        }
    }
}

/// Whether text looks like an HTML page.
pub fn is_html(text: &str) -> bool {
    let head: String = text.chars().take(2048).collect::<String>().to_ascii_lowercase();
    head.contains("<html") || head.contains("<table") || head.contains("<!doctype html")
}

/// The grid of every `<tr>` of an HTML page, cells in order, `colspan` padded with empty
/// cells. Tags inside cells are dropped, entities decoded, `<br>` kept as a line break.
pub fn html_grid(text: &str) -> Vec<Vec<String>> {
    let lower = text.to_ascii_lowercase();
    let mut rows = Vec::new();
    let mut pos = 0;
    while let Some(start) = find_tag(&lower, "tr", pos) {
        let end = find_tag(&lower, "/tr", start + 3).or_else(|| find_tag(&lower, "tr", start + 3)).unwrap_or(lower.len());
        let row_html = &text[start..end];
        let row_lower = &lower[start..end];
        let mut cells = Vec::new();
        let mut p = 0;
        while let Some(cs) = find_tag(row_lower, "td", p).into_iter().chain(find_tag(row_lower, "th", p)).min() {
            let open_end = row_lower[cs..].find('>').map_or(row_lower.len(), |i| cs + i + 1);
            let close = [
                find_tag(row_lower, "/td", open_end),
                find_tag(row_lower, "/th", open_end),
                find_tag(row_lower, "td", open_end),
                find_tag(row_lower, "th", open_end),
            ]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(row_lower.len());
            let span = attr_number(&row_lower[cs..open_end], "colspan").unwrap_or(1).clamp(1, 50);
            cells.push(cell_text(&row_html[open_end..close]));
            for _ in 1..span {
                cells.push(String::new());
            }
            p = close.max(open_end);
            if cells.len() >= MAX_COLS {
                break;
            }
        }
        rows.push(cells);
        if rows.len() >= MAX_ROWS {
            break;
        }
        pos = end.max(start + 3);
    }
    rows
}

/// Position of `<name` followed by a space, `>` or `/`, from `from`.
fn find_tag(lower: &str, name: &str, from: usize) -> Option<usize> {
    let pat = format!("<{name}");
    let mut at = from;
    while let Some(i) = lower.get(at..)?.find(&pat) {
        let p = at + i;
        match lower.as_bytes().get(p + pat.len()) {
            Some(b' ' | b'>' | b'/' | b'\t' | b'\n' | b'\r') | None => return Some(p),
            _ => at = p + 1,
        }
    }
    None
}

fn attr_number(tag: &str, name: &str) -> Option<usize> {
    let i = tag.find(name)?;
    let rest = tag[i + name.len()..].trim_start().strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    rest.chars().take_while(char::is_ascii_digit).collect::<String>().parse().ok()
}

/// The text of a cell's HTML: tags removed (`<br>` as a line break), entities decoded.
fn cell_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find('>').map_or(rest.len(), |j| i + j + 1);
        let tag = rest[i..end].to_ascii_lowercase();
        if tag.starts_with("<br") || tag.starts_with("<p") || tag.starts_with("</p") {
            out.push('\n');
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    let decoded = entities(&out);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ").trim().to_string()
}

fn entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ if name.starts_with("#x") || name.starts_with("#X") => u32::from_str_radix(&name[2..], 16).ok().and_then(char::from_u32),
                _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The grid of CSV text, with the delimiter (`,`, `;` or tab) that splits the first lines
/// most evenly. `None` when it is not a table (fewer than two rows of three columns).
pub fn csv_grid(text: &str) -> Option<Vec<Vec<String>>> {
    let sample: Vec<&str> = text.lines().take(20).collect();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| sample.iter().filter(|l| l.as_bytes().iter().filter(|b| *b == d).count() >= 2).count())?;
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records().take(MAX_ROWS) {
        let record = record.ok()?;
        rows.push(record.iter().take(MAX_COLS).map(str::to_string).collect::<Vec<_>>());
    }
    let wide = rows.iter().filter(|r| r.iter().filter(|c| !c.trim().is_empty()).count() >= 3).count();
    (wide >= 2).then_some(rows)
}

/// A grid of texts as a calamine range (numbers stay text; the normaliser reads them).
pub fn to_range(grid: &[Vec<String>]) -> Range<Data> {
    let height = grid.len().max(1) as u32;
    let width = grid.iter().map(Vec::len).max().unwrap_or(1).max(1) as u32;
    let mut range = Range::new((0, 0), (height - 1, width - 1));
    for (r, row) in grid.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.trim().is_empty() {
                range.set_value((r as u32, c as u32), Data::String(v.clone()));
            }
        }
    }
    range
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_tables() {
        let html = "<html><body><table border=1><tr><th>STT</th><th colspan=\"2\">Nhiệm vụ</th></tr>\
                    <tr><td>1</td><td>NV1 &amp; NV2</td><td>Hội&nbsp;nghị<br/>lần 2</td></tr><tr><td>2<td>x</table></body></html>";
        let g = html_grid(html);
        assert_eq!(g[0], vec!["STT", "Nhiệm vụ", ""]);
        assert_eq!(g[1], vec!["1", "NV1 & NV2", "Hội nghị lần 2"]);
        assert_eq!(g[2], vec!["2", "x"]);
        assert!(is_html(html));
    }

    #[test]
    fn csv_tables() {
        let g = csv_grid("STT;Nhiệm vụ;Nội dung hoạt động\n1;NV1;\"Hội nghị; lần 2\"\n").unwrap();
        assert_eq!(g[1], vec!["1", "NV1", "Hội nghị; lần 2"]);
        assert!(csv_grid("just some words\nand more").is_none());
    }

    #[test]
    fn utf16_text() {
        let bytes: Vec<u8> = [0xFF, 0xFE].into_iter().chain("<table>".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&bytes), "<table>");
        // Windows-1258 writes a tone as a mark after its letter ("ở" is "ơ" 0xF5 and the
        // hook 0xD2; "ạ" is "a" and the dot 0xF2; "ế" is "ê" 0xEA and the acute 0xEC).
        let cp1258 = b"S\xf5\xd2 Ngoa\xf2i vu\xf2;K\xea\xect qua\xd2";
        assert_eq!(decode(cp1258), "Sở Ngoại vụ;Kết quả");
    }
}
