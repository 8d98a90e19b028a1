//! Who sent a report: the agency named above its table (a "Đơn vị báo cáo" line, the
//! issuing body's name in the document's heading, a title "… của Sở …", an appendix's
//! reference), else its sheets' names, else its file's or folder's name; a workbook of
//! several agencies' rows or sheets split into each one's report. Does not own: matching a
//! name to the plan's agencies (`matching`), nor the date (`dates`).

use super::*;

/// The labels a report's sender is written after ("Đơn vị báo cáo: Sở Tư pháp"), folded.
const AGENCY_LABELS: &[&str] = &["don vi bao cao", "co quan bao cao", "ten don vi", "ten co quan", "don vi", "co quan"];

/// The agency the sheets' own lines name, tried in the order `find_agency` gives; `seen`
/// keeps a name written after a label that matched no agency.
fn agency_in_sheets(index: &AgencyIndex, sheets: &[&SheetData], seen: &mut String) -> Option<(Match, String)> {
    for &sheet in sheets {
        for (i, tc) in sheet.top.iter().enumerate() {
            let Cell::Text(t) = &tc.cell else { continue };
            if fold(t).starts_with("don vi tinh") {
                continue;
            }
            if let Some(v) = label_value(t, AGENCY_LABELS) {
                let value = if v.is_empty() { next_in_row(sheet, i).map(|c| c.text()).unwrap_or_default() } else { v.to_string() };
                let value = tidy(&crate::text::legacy::to_unicode(&value).map_or(value, |(t, _)| t));
                if value.is_empty() {
                    continue;
                }
                match index.name(&value) {
                    Match::None => *seen = value,
                    m => return Some((m, value)),
                }
            }
        }
    }
    // An appendix: "(Kèm theo Báo cáo số 245/BC-SVHTTDL ngày … của Sở Văn hóa…)".
    for &sheet in sheets {
        for tc in &sheet.top {
            let Cell::Text(t) = &tc.cell else { continue };
            if let Some(m) = ReportReference::find(t).and_then(|r| r.agency(index)) {
                return Some((m, ReportReference::issuer_as_written(t)));
            }
        }
    }
    for &sheet in sheets {
        for tc in &sheet.top {
            let Cell::Text(t) = &tc.cell else { continue };
            let key = fold(t);
            // Whom the report is sent to ("Kính gửi: Sở Ngoại vụ", "Gửi Sở Ngoại vụ", "Đồng
            // gửi", "Kính trình", "Báo cáo kết quả năm 2024 gửi Sở Ngoại vụ") is not who
            // sent it.
            let addressee = crate::ingest::header::starts_with_words(&key, "kinh trinh") || crate::text::contains_words(&key, "gui");
            if addressee || key.split(' ').count() > 12 {
                continue;
            }
            if let m @ Match::One(_) = index.name(t).clone() {
                if matches!(index.within(t), Match::One(_)) {
                    return Some((m, tidy(t)));
                }
            }
        }
    }
    // A name typed over two lines, one cell under the other ("SỞ VĂN HÓA, THỂ THAO" over
    // "VÀ DU LỊCH"): only the two together are a name.
    for &sheet in sheets {
        for tc in &sheet.top {
            let Cell::Text(t) = &tc.cell else { continue };
            let below = sheet.top.iter().find(|b| b.row == tc.row + 1 && b.col == tc.col).and_then(|b| match &b.cell {
                Cell::Text(u) => Some(u),
                _ => None,
            });
            let Some(u) = below else { continue };
            let both = format!("{} {}", t.trim(), u.trim());
            if both.split_whitespace().nth(12).is_some() {
                continue;
            }
            if let m @ Match::One(_) = index.name(&both) {
                if matches!(index.name(t), Match::None) && matches!(index.name(u), Match::None) {
                    return Some((m, tidy(&both)));
                }
            }
        }
    }
    // The report's title naming its sender: "Báo cáo kết quả … năm 2024 của Sở Giáo dục
    // và Đào tạo", "Kết quả thực hiện … (Sở Khoa học và Công nghệ)".
    for &sheet in sheets {
        for tc in &sheet.top {
            let Cell::Text(t) = &tc.cell else { continue };
            if let Some(m) = title_sender(index, t) {
                return Some((m, tidy(t)));
            }
        }
    }
    None
}

/// The agency a sheet's own "Đơn vị báo cáo: …" line (or "Đơn vị: …", "Tên cơ quan: …")
/// names, as one of the plan's: its code and the name as written. Not "Đơn vị phối hợp: …".
pub(super) fn sheet_sender(index: &AgencyIndex, sheet: &SheetData) -> Option<(String, String)> {
    const STRICT: &[&str] = &["don vi bao cao", "co quan bao cao", "ten don vi", "ten co quan", "don vi", "co quan"];
    sheet.top.iter().find_map(|tc| {
        let Cell::Text(t) = &tc.cell else { return None };
        let (label, value) = t.split_once(':')?;
        if !STRICT.contains(&fold(label).as_str()) {
            return None;
        }
        match index.name(value.trim()) {
            Match::One(c) => Some((c.clone(), tidy(value))),
            _ => None,
        }
    })
}

/// Finds the reporting agency: the "Đơn vị báo cáo" line, an appendix's line naming its
/// report, a title cell that is an agency's name, the report's title naming its sender (on
/// the report's sheets, then on the others), the file name, the sheet names, then the
/// folders it is filed in.
/// Returns the match and what was written where it was found.
pub(super) fn find_agency(index: &AgencyIndex, wb: &WorkbookData, report: &[usize], rel: &str) -> (Match, String) {
    // The report's own sheets first: another sheet (the plan's task list, a cover letter)
    // names other agencies.
    let mine: Vec<&SheetData> = report.iter().map(|&i| &wb.sheets[i]).collect();
    let others: Vec<&SheetData> = wb.sheets.iter().enumerate().filter(|(i, _)| !report.contains(i)).map(|(_, s)| s).collect();
    let mut seen = String::new();
    for sheets in [&mine, &others] {
        if let Some(found) = agency_in_sheets(index, sheets, &mut seen) {
            return found;
        }
    }
    // The signing block under the table, signing for the sender ("TM. ỦY BAN NHÂN DÂN
    // HUYỆN LỤC NGẠN", "GIÁM ĐỐC SỞ NGOẠI VỤ"); not "Nơi nhận:" and its list.
    for sheet in mine.iter().chain(others.iter()) {
        for tc in &sheet.signers {
            let Cell::Text(t) = &tc.cell else { continue };
            if let Some(m @ Match::One(_)) = crate::ingest::form::signer_body(t).map(|body| index.name(&body)) {
                return (m, tidy(t));
            }
        }
    }
    // A workbook sent inside a zip archive: its own name first, the archive's as its folder.
    let rel = wb.archived.as_ref().map_or_else(|| rel.to_string(), |inner| format!("{rel}/{inner}"));
    match path_agency(index, &rel, &wb.sheets) {
        (Match::None, _) if !seen.is_empty() => (Match::None, seen),
        // Else a column naming the agency on every row, the same one ("Đơn vị báo cáo |
        // Nhiệm vụ | …" with "Sở Ngoại vụ" on each): after the file's name, as such a column
        // may name who carried the work out rather than who reports it.
        // A body the plan does not have is named as its report names it, not by the file.
        // (An unknown one is listed under the issuer's line, else as the column names it.)
        (Match::None, stem) => match agency_column(index, &mine) {
            Some(found @ (Match::One(_), _)) => found,
            column => (Match::None, issuer_line(&mine).or(column.map(|(_, written)| written)).unwrap_or(stem)),
        },
        found => found,
    }
}

/// A table of several agencies' rows, each naming its agency in a column of its own, in a
/// file with no sender of its own (a form's answers downloaded from Google Forms, "Dấu
/// thời gian | Tên đơn vị | Nhiệm vụ | …"; the department's own table of everyone's rows):
/// one part per agency, each with its rows (a row that leaves the column blank is the row
/// above's agency's), named after the file and the agency as written, and a part of the
/// rows naming no agency of the plan, under the file's own name, which is then its own
/// report with no sender. `None` for any other file: one agency's report may name others
/// in such a column (a partner that carried the work out), and is read as it is.
pub(super) fn by_agency(index: &AgencyIndex, ing: &Ingested) -> Option<Vec<Ingested>> {
    let wb = ing.content.as_ref().ok()?;
    if !wb.sheets.iter().any(|s| s.header.as_ref().is_some_and(|h| h.col(Field::Agency).is_some())) || template_marker(wb).is_some() {
        return None;
    }
    // Each row's agency, sheet by sheet.
    let mut first_written: Vec<(String, String)> = Vec::new();
    let owners: Vec<Vec<Option<String>>> = wb
        .sheets
        .iter()
        .map(|s| {
            let mut above: Option<String> = None;
            s.rows
                .iter()
                .map(|r| {
                    match r.get(Field::Agency) {
                        Some((Cell::Text(t), _)) if !t.trim().is_empty() => {
                            above = match index.name(t) {
                                Match::One(code) => {
                                    if !first_written.iter().any(|(c, _)| *c == code) {
                                        first_written.push((code.clone(), tidy(t)));
                                    }
                                    Some(code)
                                }
                                _ => None,
                            };
                        }
                        Some((c, _)) if !c.is_empty() => above = None,
                        _ => {}
                    }
                    above.clone()
                })
                .collect()
        })
        .collect();
    // Rows of two agencies, or of one and a body the plan does not have (its rows listed
    // under the file's name, as below; the whole file was `agency_unknown`, the agency's
    // rows with it).
    let named = |r: &crate::ingest::RawRow| matches!(r.get(Field::Agency), Some((Cell::Text(t), _)) if !t.trim().is_empty());
    let named_other = || owners.iter().flatten().zip(wb.sheets.iter().flat_map(|s| &s.rows)).any(|(o, r)| o.is_none() && named(r));
    if first_written.is_empty() || (first_written.len() == 1 && !named_other()) {
        return None;
    }
    let all: Vec<usize> = (0..wb.sheets.len()).collect();
    if !matches!(find_agency(index, wb, &all, &ing.rel).0, Match::None) {
        return None;
    }
    let part = |owner: Option<&str>, rel: String| {
        let mut wb = wb.clone();
        for (sheet, owners) in wb.sheets.iter_mut().zip(&owners) {
            let mut keep = owners.iter().map(|o| o.as_deref() == owner);
            sheet.rows.retain(|_| keep.next().unwrap_or(false));
        }
        Ingested { rel, bytes: ing.bytes, sha256: ing.sha256.clone(), content: Ok(wb) }
    };
    let mut parts = Vec::new();
    if owners.iter().flatten().any(Option::is_none) {
        parts.push(part(None, ing.rel.clone()));
    }
    for (code, written) in &first_written {
        parts.push(part(Some(code), format!("{}{PART}{written}", ing.rel)));
    }
    parts.sort_by(|a, b| a.rel.cmp(&b.rel));
    Some(parts)
}

/// The one agency a table's agency column names on all its rows that name one.
/// Where it names none of the plan's, no agency, and the first it names as written (the
/// sender an unknown one is listed under).
fn agency_column(index: &AgencyIndex, sheets: &[&SheetData]) -> Option<(Match, String)> {
    let mut found: Option<(String, String)> = None;
    let mut unknown: Option<String> = None;
    for sheet in sheets {
        for row in &sheet.rows {
            let Some((Cell::Text(t), _)) = row.get(Field::Agency) else { continue };
            let Match::One(code) = index.name(t) else {
                unknown.get_or_insert_with(|| tidy(t));
                continue;
            };
            match &found {
                Some((c, _)) if *c != code => return None,
                Some(_) => {}
                None => found = Some((code, tidy(t))),
            }
        }
    }
    match (found, unknown) {
        (Some((code, written)), None) => Some((Match::One(code), written)),
        (None, Some(written)) => Some((Match::None, written)),
        _ => None,
    }
}

/// The issuing body's line of the block at the top left of a report ("SỞ TƯ PHÁP" under
/// "UBND TỈNH BẮC GIANG", "TỈNH ĐOÀN BẮC GIANG"): the last line naming a body in the first
/// such run of lines, one under the other. Only what an unknown sender is listed under.
fn issuer_line(sheets: &[&SheetData]) -> Option<String> {
    const BODIES: &[&str] = &[
        "so",
        "phong",
        "ban",
        "dai",
        "bao",
        "cong an",
        "tinh doan",
        "thanh doan",
        "huyen doan",
        "hoi",
        "lien hiep",
        "uy ban",
        "ubnd",
        "van phong",
        "trung tam",
        "truong",
        "bo chi huy",
        "cuc",
        "chi cuc",
        "tinh uy",
        "thanh uy",
        "huyen uy",
        "lien doan",
        "mat tran",
    ];
    let body = |tc: &TopCell| match &tc.cell {
        Cell::Text(t) if tc.row < 8 && t.split_whitespace().nth(12).is_none() => {
            let key = fold(t);
            let named = BODIES.iter().any(|b| crate::ingest::header::starts_with_words(&key, b) && key.len() > b.len());
            (named && !key.starts_with("bao cao")).then(|| tidy(t))
        }
        _ => None,
    };
    let sheet = sheets.first()?;
    let first = sheet.top.iter().find(|tc| body(tc).is_some())?;
    let mut line = body(first);
    let mut row = first.row;
    while let Some(next) = sheet.top.iter().find(|tc| tc.row == row + 1 && tc.col == first.col).and_then(|tc| body(tc).map(|b| (tc.row, b)))
    {
        (row, line) = (next.0, Some(next.1));
    }
    line
}

/// The agency a file's name, its sheets' names or the folders it is filed in name.
pub(super) fn path_agency(index: &AgencyIndex, rel: &str, sheets: &[SheetData]) -> (Match, String) {
    let decoded = decoded_name(rel);
    let rel = decoded.as_deref().unwrap_or(rel);
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    // An agency's name, else a district's place name alone ("Yen The.xlsx").
    let named = |t: &str| match index.within(t) {
        Match::None => index.place_within(t),
        m => m,
    };
    match named(stem) {
        Match::None => {}
        m => return (m, stem.to_string()),
    }
    for sheet in sheets {
        if let m @ Match::One(_) = named(&sheet.name) {
            return (m, sheet.name.clone());
        }
    }
    // The folder it was filed in ("So Ngoai vu/bao-cao.xlsx"), the nearest first.
    for folder in rel.rsplit('/').skip(1) {
        if let m @ Match::One(_) = named(folder) {
            return (m, folder.to_string());
        }
    }
    (Match::None, stem.to_string())
}

/// A file's path as it was named before a download kept it encoded: an attachment saved
/// by a mail client or a download manager that writes the name as it came in the mail or
/// the link, in MIME's encoded words ("=?UTF-8?B?U+G7nyBUw6BpIGNow61uaC54bHN4?=", also
/// "?Q?", in any charset encoding_rs knows) or percent-encoded ("S%E1%BB%9F%20T%C3%A0i…");
/// None where it is neither (or is not text once decoded).
fn decoded_name(rel: &str) -> Option<String> {
    if rel.contains("=?") {
        let mut out = String::new();
        let mut rest = rel;
        let mut decoded_any = false;
        while let Some(start) = rest.find("=?") {
            let word = encoded_word(&rest[start..]);
            let before = &rest[..start];
            // (Blanks between two encoded words are not part of the name.)
            if !(decoded_any && word.is_some() && before.trim().is_empty()) {
                out.push_str(before);
            }
            match word {
                Some((text, len)) => {
                    out.push_str(&text);
                    rest = &rest[start + len..];
                    decoded_any = true;
                }
                None => {
                    out.push_str("=?");
                    rest = &rest[start + 2..];
                    decoded_any = false;
                }
            }
        }
        out.push_str(rest);
        return (out != rel).then_some(out);
    }
    // (Percent-encoded, a name is all ASCII with no blank: "Tỷ lệ 50%20.xlsx" is as typed.)
    let plain = |part: &str| -> Option<String> {
        let encoded = part.contains('%') && part.bytes().all(|b| b.is_ascii_graphic());
        encoded.then(|| percent_encoding::percent_decode_str(part).decode_utf8().ok().map(|d| d.into_owned()))?
    };
    let parts: Vec<Option<String>> = rel.split('/').map(plain).collect();
    parts
        .iter()
        .any(Option::is_some)
        .then(|| {
            let decoded: Vec<&str> = rel.split('/').zip(&parts).map(|(part, p)| p.as_deref().unwrap_or(part)).collect();
            decoded.join("/")
        })
        .filter(|d| d != rel)
}

/// One MIME encoded word at the start of `s` ("=?charset?B?…?="): its text and its length.
fn encoded_word(s: &str) -> Option<(String, usize)> {
    use base64::Engine;
    let mut parts = s[2..].splitn(3, '?');
    let (charset, how, rest) = (parts.next()?, parts.next()?, parts.next()?);
    let text = &rest[..rest.find("?=")?];
    let bytes = match how {
        "B" | "b" => base64::engine::general_purpose::STANDARD_NO_PAD.decode(text.trim_end_matches('=')).ok()?,
        "Q" | "q" => {
            let text = text.replace('_', " ");
            percent_encoding::percent_decode_str(&text.replace('=', "%")).collect()
        }
        _ => return None,
    };
    let encoding = encoding_rs::Encoding::for_label(charset.split('*').next()?.as_bytes())?;
    let (decoded, _, bad) = encoding.decode(&bytes);
    let len = 2 + charset.len() + 1 + how.len() + 1 + text.len() + 2;
    (!bad).then(|| (unicode_normalization::UnicodeNormalization::nfc(decoded.as_ref()).collect(), len))
}

/// The agency a report's title names as its sender: the words after its last "của" ("…
/// năm 2024 của Sở Giáo dục và Đào tạo"), or a part in brackets that is a name and nothing
/// else ("(Sở Khoa học và Công nghệ)"). A line naming a document by its number ("theo Công
/// văn số 456/SNgV-VP của Sở Ngoại vụ") names that document's issuer, not the sender.
fn title_sender(index: &AgencyIndex, t: &str) -> Option<Match> {
    if t.len() > 400 || t.split('/').skip(1).any(|p| p.starts_with(char::is_alphabetic)) {
        return None;
    }
    let key = fold(t);
    let title = key.starts_with("bao cao") || key.starts_with("ket qua") || key.starts_with("tinh hinh");
    if title {
        if let Some((_, after)) = key.rsplit_once(" cua ") {
            // ("… của Sở Nội vụ gửi Sở Ngoại vụ": the sender, not whom it is sent to.)
            let after = after.split(" gui ").next().unwrap_or(after);
            if let m @ Match::One(_) = index.within(after) {
                return Some(m);
            }
        }
    }
    let mut rest = t;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else { break };
        if let m @ Match::One(_) = index.name(&rest[open + 1..open + close]) {
            return Some(m);
        }
        rest = &rest[open + close + 1..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_sender_is_named_by_its_issuer_block() {
        let top = |lines: &[(u32, u16, &str)]| {
            let wb = crate::ingest::read_bytes("bao-cao.xlsx", &crate::ingest::tests::xlsx_with(lines, 6)).unwrap();
            issuer_line(&[&wb.sheets[0]])
        };
        let national = (0, 3, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assert_eq!(top(&[(0, 0, "UBND TỈNH BẮC GIANG"), (1, 0, "SỞ TƯ PHÁP"), national]).as_deref(), Some("SỞ TƯ PHÁP"));
        assert_eq!(top(&[(0, 0, "TỈNH ĐOÀN BẮC GIANG"), (3, 0, "BÁO CÁO")]).as_deref(), Some("TỈNH ĐOÀN BẮC GIANG"));
        // A title is no body; nor is a line further down.
        assert_eq!(top(&[(2, 0, "BÁO CÁO KẾT QUẢ NĂM 2024"), national]), None);
    }

    #[test]
    fn a_name_a_download_kept_encoded_names_its_sender() {
        let plan = crate::plan::load(std::path::Path::new("inputs/plans/bac-giang.toml")).unwrap();
        let index = AgencyIndex::new(&plan);
        let cases = [
            ("2024/B%C3%A1o%20c%C3%A1o%20S%E1%BB%9F%20T%C3%A0i%20ch%C3%ADnh.xlsx", "STC"),
            ("2024/=?UTF-8?B?U+G7nyBUw6BpIGNow61uaC54bHN4?=", "STC"),
            ("2024/=?utf-8?Q?S=E1=BB=9F_C=C3=B4ng_Th=C6=B0=C6=A1ng.xlsx?=", "SCT"),
            // Two encoded words, the blank between them no part of the name.
            ("2024/=?UTF-8?B?QsOhbyBjw6FvIFPhu58g?= =?UTF-8?B?Tmdv4bqhaSB24bulLnhsc3g=?=", "SNV"),
            ("2024/BC =?UTF-8?B?U+G7nyBUw6BpIGNow61uaA==?= 2024.xlsx", "STC"),
        ];
        for (rel, code) in cases {
            assert_eq!(path_agency(&index, rel, &[]).0, Match::One(code.to_string()), "{rel}");
        }
        assert_eq!(
            decoded_name("2024/=?UTF-8?B?QsOhbyBjw6FvIFPhu58g?= =?UTF-8?B?Tmdv4bqhaSB24bulLnhsc3g=?=").as_deref(),
            Some("2024/Báo cáo Sở Ngoại vụ.xlsx")
        );
        // A name that only has a "%" or a "=?" in it stays as it is.
        for rel in ["2024/100% hoàn thành.xlsx", "2024/Tỷ lệ 50%20.xlsx", "2024/=?x?B?zz?=.xlsx", "2024/bao-cao.xlsx"] {
            assert_eq!(decoded_name(rel), None, "{rel}");
        }
    }

    #[test]
    fn a_title_names_its_sender() {
        let plan = crate::plan::load(std::path::Path::new("inputs/plans/bac-giang.toml")).unwrap();
        let index = AgencyIndex::new(&plan);
        let one = |code: &str| Some(Match::One(code.to_string()));
        let cases = [
            ("BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2024 CỦA SỞ GIÁO DỤC VÀ ĐÀO TẠO", one("SGDDT")),
            ("Kết quả thực hiện nhiệm vụ năm 2024 của Sở Công thương tỉnh Bắc Giang", one("SCT")),
            ("Kết quả thực hiện nhiệm vụ năm 2024 (Sở Khoa học và Công nghệ)", one("SKHCN")),
            // Another document's issuer, the plan's issuer, or no name at all.
            ("Báo cáo theo Công văn số 456/SNgV-VP của Sở Ngoại vụ", None),
            ("Báo cáo kết quả thực hiện Kế hoạch của UBND tỉnh", None),
            ("Kết quả thực hiện (năm 2024)", None),
            ("Hội nghị của Sở Ngoại vụ với các đối tác", None),
            ("Báo cáo kết quả năm 2024 của Sở Nội vụ gửi Sở Ngoại vụ", one("SNOIV")),
        ];
        for (t, want) in cases {
            assert_eq!(title_sender(&index, t), want, "{t:?}");
        }
    }
}
