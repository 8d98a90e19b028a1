//! Vietnamese-aware text folding, shared by plan matching and ingest.
//!
//! Owns: turning any spelling of a word (NFC or NFD, "hóa" or "hoá", upper case,
//! non-breaking spaces, line breaks, stray punctuation) into one comparable key.
//! Does not own: what a key means (headers, agencies, statuses live elsewhere).

pub mod legacy;

use unicode_normalization::UnicodeNormalization;

/// Folds text into a matching key: lower case, no diacritics (đ → d), every run of
/// punctuation or white space turned into one space, trimmed.
///
/// Tone placement ("hóa"/"hoá") disappears with the diacritics, so both spellings fold
/// to the same key. `&` reads as "va" ("VH,TT&DL" → "vh tt va dl").
pub fn fold(s: &str) -> String {
    fold_within(s, usize::MAX).expect("no limit")
}

/// `fold`, or `None` as soon as the key grows longer than `limit` bytes: what looks for
/// short keys (headers, labels) does not fold a long text to its end.
pub fn fold_within(s: &str, limit: usize) -> Option<String> {
    match fold_head(s, limit) {
        (key, true) if key.len() <= limit => Some(key),
        _ => None,
    }
}

/// The start of `fold(s)`, folding no further than needed: the whole key and `true`, or,
/// once it grows longer than `limit` bytes, the part folded so far (longer than `limit`,
/// ending at a word or character boundary of the key) and `false`.
pub fn fold_head(s: &str, limit: usize) -> (String, bool) {
    // Legacy-encoded text (TCVN3, VNI) matches as the words it stands for.
    let converted = legacy::to_unicode(s);
    let s = converted.as_ref().map_or(s, |(t, _)| t.as_str());
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let latin = latin_letters();
    let letter = |out: &mut String, pending_space: &mut bool, c: char| {
        if *pending_space && !out.is_empty() {
            out.push(' ');
        }
        *pending_space = false;
        out.push(c);
    };
    // Byte by byte where text is ASCII, as most of any text is, Vietnamese included;
    // character by character elsewhere. This is the hot path of matching and of finding
    // repeated rows, so no whole-string normalisation.
    let mut i = 0;
    let bytes = s.as_bytes();
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            if b.is_ascii_alphanumeric() {
                letter(&mut out, &mut pending_space, b.to_ascii_lowercase() as char);
            } else if b == b'&' {
                push_word(&mut out, &mut pending_space, "va");
            } else {
                pending_space = true;
                // The key only grows: once over the limit, it stays over. Checked between
                // words and at other characters, not at every ASCII letter.
                if out.len() > limit {
                    return (out, false);
                }
            }
            continue;
        }
        if out.len() > limit {
            return (out, false);
        }
        let c = s[i..].chars().next().expect("a character starts here");
        i += c.len_utf8();
        // A Latin letter with diacritics: its folded letter, looked up.
        if let Some(&b) = latin_entry(latin, c).filter(|&&b| b != 0) {
            letter(&mut out, &mut pending_space, b as char);
            continue;
        }
        // Otherwise the first character of its canonical decomposition (a decomposed
        // input's marks are skipped).
        match base(c) {
            'đ' | 'Đ' => letter(&mut out, &mut pending_space, 'd'),
            c if is_combining_mark(c) => {}
            c if c.is_alphanumeric() => c.to_lowercase().for_each(|l| letter(&mut out, &mut pending_space, l)),
            _ => pending_space = true,
        }
    }
    (out, true)
}

/// The first character of a character's canonical decomposition.
fn base(c: char) -> char {
    let mut base = None;
    unicode_normalization::char::decompose_canonical(c, |d| {
        base.get_or_insert(d);
    });
    base.unwrap_or(c)
}

/// First and last characters of `latin_letters`: Latin-1 letters to Latin Extended Additional,
/// where every Vietnamese letter with diacritics is.
const LATIN_FIRST: char = '\u{C0}';
const LATIN_LAST: char = '\u{1EFF}';

/// A character's entry in a table running from `LATIN_FIRST` to `LATIN_LAST`.
fn latin_entry<T>(table: &[T], c: char) -> Option<&T> {
    (c as usize).checked_sub(LATIN_FIRST as usize).and_then(|i| table.get(i))
}

/// For each character from `LATIN_FIRST` to `LATIN_LAST`: the ASCII letter `fold` makes of
/// it (its base, đ as d, lower case), or 0 where that is not one ASCII letter. Built once
/// from the same rules; the decomposition lookup per character was 6% of an M run.
fn latin_letters() -> &'static [u8] {
    static TABLE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (LATIN_FIRST as u32..=LATIN_LAST as u32)
            .map(|u| {
                let Some(c) = char::from_u32(u) else { return 0 };
                let b = match base(c) {
                    'đ' | 'Đ' => 'd',
                    b => b,
                };
                match b {
                    b if b.is_ascii_alphanumeric() => b.to_ascii_lowercase() as u8,
                    _ => 0,
                }
            })
            .collect()
    })
}

fn push_word(out: &mut String, pending_space: &mut bool, word: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
    *pending_space = true;
}

/// Combining diacritical marks left by NFD decomposition (Vietnamese uses U+0300–U+0323).
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}')
}

/// Tidies text for output: NFC, non-breaking and other odd spaces made plain, line breaks
/// kept as `\n`, runs of spaces collapsed, trimmed. The words themselves are kept as written.
pub fn tidy(s: &str) -> String {
    // Most cells are tidy already: one pass to see that, and a copy.
    if already_tidy(s) {
        return s.to_string();
    }
    tidy_slow(s)
}

/// `tidy`, keeping the text itself when it is tidy already.
pub fn tidy_owned(s: String) -> String {
    if already_tidy(&s) {
        return s;
    }
    tidy_slow(&s)
}

/// `tidy`, character by character.
fn tidy_slow(s: &str) -> String {
    // Most text is NFC already: the quick check avoids composing it again.
    let composed;
    let nfc: &str = if unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        s
    } else {
        composed = s.nfc().collect::<String>();
        &composed
    };
    let mut out = String::with_capacity(nfc.len());
    let mut space = false;
    for c in nfc.chars() {
        match c {
            '\r' => continue,
            '\n' => {
                while out.ends_with(' ') {
                    out.pop();
                }
                out.push('\n');
                space = false;
            }
            c if c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}' => space = true,
            c if c.is_control() => continue,
            c => {
                if space && !out.is_empty() && !out.ends_with('\n') {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    out.trim().to_string()
}

/// Whether `tidy` would return `s` unchanged: NFC, single plain spaces between words,
/// none at either end, no other spacing or control characters (line breaks included).
///
/// Every text cell read passes here. It walks bytes: ASCII is judged byte by byte, and
/// only other characters are decoded (walking `chars()` was 16% of the main process's
/// reading at M).
fn already_tidy(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let table = latin_nfc_letters();
    let mut after_space = false;
    // Whether a character is neither ASCII nor in the table: then the general NFC check decides.
    let mut general = false;
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            if x == b' ' {
                if after_space {
                    return false;
                }
                after_space = true;
            } else if x < 0x20 || x == 0x7F {
                return false;
            } else {
                after_space = false;
            }
            i += 1;
            continue;
        }
        after_space = false;
        // `s` is UTF-8: a lead byte and its continuation bytes.
        let (u, n) = match x {
            0xC0..=0xDF => (u32::from(x & 0x1F) << 6 | u32::from(b[i + 1] & 0x3F), 2),
            0xE0..=0xEF => (u32::from(x & 0x0F) << 12 | u32::from(b[i + 1] & 0x3F) << 6 | u32::from(b[i + 2] & 0x3F), 3),
            _ => (
                u32::from(x & 0x07) << 18 | u32::from(b[i + 1] & 0x3F) << 12 | u32::from(b[i + 2] & 0x3F) << 6 | u32::from(b[i + 3] & 0x3F),
                4,
            ),
        };
        i += n;
        let Some(c) = char::from_u32(u) else { return false };
        if latin_entry(table, c) == Some(&true) {
            continue;
        }
        if c.is_whitespace() || c.is_control() || c == '\u{200B}' || c == '\u{FEFF}' {
            return false;
        }
        general = true;
    }
    !general || unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes
}

/// For each character from `LATIN_FIRST` to `LATIN_LAST`: whether text made of it and ASCII
/// is NFC and tidy as it stands (not a space or control character, NFC quick check "yes",
/// no combining class), as Vietnamese letters written precomposed are. Built once; the
/// general check per character was 2% of reading.
fn latin_nfc_letters() -> &'static [bool] {
    static TABLE: std::sync::OnceLock<Vec<bool>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (LATIN_FIRST as u32..=LATIN_LAST as u32)
            .map(|u| {
                char::from_u32(u).is_some_and(|c| {
                    !c.is_whitespace()
                        && !c.is_control()
                        && unicode_normalization::char::canonical_combining_class(c) == 0
                        && unicode_normalization::is_nfc_quick(std::iter::once(c)) == unicode_normalization::IsNormalized::Yes
                })
            })
            .collect()
    })
}

/// Whether `key` occurs in `text` as whole words (both already folded).
pub fn contains_words(text: &str, key: &str) -> bool {
    if key.is_empty() {
        return false;
    }
    let mut start = 0;
    while let Some(pos) = text[start..].find(key) {
        let at = start + pos;
        let end = at + key.len();
        let before_ok = at == 0 || text.as_bytes()[at - 1] == b' ';
        let after_ok = end == text.len() || text.as_bytes()[end] == b' ';
        if before_ok && after_ok {
            return true;
        }
        start = at + 1;
        while !text.is_char_boundary(start) {
            start += 1;
        }
    }
    false
}

/// Makes text from outside (file names, cell text) safe to print on a terminal:
/// control characters become `?`, and it is cut to `max` characters.
pub fn for_terminal(s: &str, max: usize) -> String {
    let mut out: String = s.chars().take(max).map(|c| if c.is_control() { '?' } else { c }).collect();
    if s.chars().count() > max {
        out.push('…');
    }
    out
}

/// Reads a Roman numeral (I … XXX) as a number.
pub fn roman(s: &str) -> Option<u32> {
    let s = s.trim().to_ascii_uppercase();
    if s.is_empty() || s.len() > 8 || !s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')) {
        return None;
    }
    let value = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        _ => 0,
    };
    let chars: Vec<u32> = s.chars().map(value).collect();
    let mut total = 0i64;
    for (i, &v) in chars.iter().enumerate() {
        if chars.get(i + 1).is_some_and(|&next| next > v) {
            total -= i64::from(v);
        } else {
            total += i64::from(v);
        }
    }
    u32::try_from(total).ok().filter(|&n| n > 0 && n <= 50)
}

/// A column index (0-based) and row (0-based) as an A1 reference ("C12").
pub fn a1(row: u32, col: u32) -> String {
    let mut name = String::new();
    let mut c = col + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        name.insert(0, char::from(b'A' + rem as u8));
        c = (c - 1) / 26;
    }
    format!("{name}{}", row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `fold` as it was before its ASCII fast path: every character through the decomposition.
    fn fold_by_characters(s: &str) -> String {
        let converted = legacy::to_unicode(s);
        let s = converted.as_ref().map_or(s, |(t, _)| t.as_str());
        let mut out = String::new();
        let mut pending_space = false;
        for c in s.chars().map(base) {
            let c = match c {
                'đ' | 'Đ' => 'd',
                '&' => {
                    push_word(&mut out, &mut pending_space, "va");
                    continue;
                }
                c if is_combining_mark(c) => continue,
                c => c,
            };
            if c.is_alphanumeric() {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.extend(c.to_lowercase());
            } else {
                pending_space = true;
            }
        }
        out
    }

    #[test]
    fn fold_agrees_with_folding_character_by_character() {
        let mut texts: Vec<String> = (0..0x3000u32).filter_map(char::from_u32).map(|c| format!("Ab{c}c {c}& {c}")).collect();
        texts.extend(
            [
                "  Tổ chức Hội nghị — xúc tiến (VH,TT&DL)…  ",
                "To\u{0302}\u{0309} chu\u{031B}\u{0301}c", // decomposed
                "&&a&",
                "Sở Ngoại vụ; UBND tỉnh: 2.500.000 đồng",
                "ĐÀ NẴNG\n\tquận Hải Châu",
                "Tæ chøc", // TCVN3
            ]
            .map(String::from),
        );
        for t in &texts {
            assert_eq!(fold(t), fold_by_characters(t), "{t:?}");
        }
    }

    #[test]
    fn a_fold_within_a_limit_is_the_fold_or_nothing() {
        let texts = ["Kết quả thực hiện", "  Tổ chức Hội nghị — xúc tiến (VH,TT&DL)…  ", "a&b", "&&a&", "Tæ chøc", "ĐÀ NẴNG", ""];
        for t in texts {
            let whole = fold(t);
            for limit in 0..whole.len() + 3 {
                let want = (whole.len() <= limit).then(|| whole.clone());
                assert_eq!(fold_within(t, limit), want, "{t:?} within {limit}");
            }
        }
    }

    #[test]
    fn the_latin_letter_table_folds_as_the_decomposition_does() {
        for u in LATIN_FIRST as u32..=LATIN_LAST as u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let b = match base(c) {
                'đ' | 'Đ' => 'd',
                b => b,
            };
            let want: String = if is_combining_mark(b) || !b.is_alphanumeric() { String::new() } else { b.to_lowercase().collect() };
            assert_eq!(fold(&format!("a{c}")), format!("a{want}"), "U+{u:04X}");
        }
        assert_eq!(fold("Tổ CHỨC Hội nghị ĐỐI NGOẠI"), "to chuc hoi nghi doi ngoai");
    }

    #[test]
    fn text_of_latin_letters_the_table_calls_nfc_is_nfc() {
        for u in LATIN_FIRST as u32..=LATIN_LAST as u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let s = format!("a{c}b");
            if already_tidy(&s) {
                assert_eq!(s.nfc().collect::<String>(), s, "U+{u:04X}");
            }
        }
    }

    #[test]
    fn fold_cases() {
        let cases = [
            ("Sở Văn hóa, Thể thao và Du lịch", "so van hoa the thao va du lich"),
            ("SỞ VĂN HOÁ,  THỂ THAO VÀ DU LỊCH", "so van hoa the thao va du lich"),
            ("Sở VH,TT&DL", "so vh tt va dl"),
            ("Kinh phí\n(triệu đồng)", "kinh phi trieu dong"),
            ("Thủy\u{00A0}lợi", "thuy loi"),
            ("thuỷ", "thuy"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input), want, "fold({input:?})");
        }
        // NFD input folds the same as NFC.
        let nfd: String = "Đang thực hiện".nfd().collect();
        assert_eq!(fold(&nfd), "dang thuc hien");
    }

    /// `already_tidy` as it was written first, character by character: the oracle for the
    /// byte walk.
    fn already_tidy_by_chars(s: &str) -> bool {
        let mut after_space = true;
        for c in s.chars() {
            if c == ' ' {
                if after_space {
                    return false;
                }
                after_space = true;
                continue;
            }
            if c.is_control() || (!c.is_ascii() && c.is_whitespace()) || c == '\u{200B}' || c == '\u{FEFF}' {
                return false;
            }
            after_space = false;
        }
        (!after_space || s.is_empty()) && unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes
    }

    #[test]
    fn the_byte_walk_judges_tidy_text_as_the_characters_do() {
        let nfd: String = "Thủy lợi Hoá".nfd().collect();
        let mut texts: Vec<String> =
            ["", " ", "a", "a b", "a  b", " a", "a ", "a\nb", "a\u{7F}b", "\u{1F}", "=1+1", "x\u{10FFFF}", "😀 ok"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        texts.push(nfd);
        // Every character up to U+2100 and a few beyond, alone, between letters, after a
        // space, and before one.
        let chars = (0u32..0x2100).chain([0x200B, 0x2028, 0x3000, 0xFEFF, 0x1F600, 0x10FFFF]).filter_map(char::from_u32);
        for c in chars {
            texts.extend([c.to_string(), format!("a{c}b"), format!("Hội {c}nghị"), format!("đ{c} x"), format!("ư{c}\u{301}")]);
        }
        for t in &texts {
            assert_eq!(already_tidy(t), already_tidy_by_chars(t), "{t:?}");
        }
    }

    #[test]
    fn tidy_fast_path_agrees() {
        let nfd: String = "Hoá".nfd().collect();
        for s in [
            "",
            " ",
            "a",
            "Tổ chức hội nghị",
            "Tổ chức  hội nghị",
            " a",
            "a ",
            "a\nb",
            "a\tb",
            "a\u{00A0}b",
            "a\u{200B}b",
            "a\u{FEFF}",
            "\u{0085}x",
            nfd.as_str(),
            "=1+1",
            "Hội chợ 2024: 1.500 khách",
        ] {
            assert_eq!(tidy(s), tidy_slow(s), "{s:?}");
            if already_tidy(s) {
                assert_eq!(tidy_slow(s), s, "{s:?}");
            }
        }
    }

    #[test]
    fn tidy_keeps_words_and_line_breaks() {
        assert_eq!(tidy("  Tổ chức\u{00A0}\u{00A0}hội nghị \r\n lần 2  "), "Tổ chức hội nghị\nlần 2");
        let nfd: String = "hoá".nfd().collect();
        assert_eq!(tidy(&nfd), "hoá");
    }

    #[test]
    fn words_inside_text() {
        assert!(contains_words("bao cao svhttdl 2024", "svhttdl"));
        assert!(!contains_words("bao cao svhttdl2024", "svhttdl"));
        assert!(contains_words("ubnd huyen luc ngan", "luc ngan"));
        assert!(!contains_words("so noi vu", "so ngoai vu"));
    }

    #[test]
    fn roman_numerals() {
        for (s, n) in [("III", Some(3)), ("iv", Some(4)), ("IX", Some(9)), ("XII", Some(12)), ("A", None), ("", None)] {
            assert_eq!(roman(s), n, "{s}");
        }
    }

    #[test]
    fn a1_refs() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(11, 2), "C12");
        assert_eq!(a1(0, 26), "AA1");
        assert_eq!(a1(4, 701), "ZZ5");
    }
}
