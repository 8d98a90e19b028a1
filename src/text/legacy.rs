//! Text typed in a legacy Vietnamese 8-bit encoding and shown through a font (TCVN3/ABC
//! ".VnTime", VNI-Windows "VNI-Times"): in the workbook it arrives as Latin-1 letters and
//! symbols ("Së V¨n hãa", "Sôû Vaên hoùa"). Detected conservatively and converted; the
//! caller flags every converted value.

use unicode_normalization::UnicodeNormalization;

/// Which legacy encoding a text was in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    Tcvn3,
    Vni,
}

impl Legacy {
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3",
            Legacy::Vni => "VNI",
        }
    }
}

/// TCVN3 (TCVN 5712, "ABC") code points as Windows shows them → Unicode. The capitals
/// with tone marks live in a separate font (.VnTimeH) at the same codes, so they decode
/// to small letters; an all-capitals text is raised again afterwards.
const TCVN3: &[(char, char)] = &[
    ('\u{A1}', 'Ă'),
    ('\u{A2}', 'Â'),
    ('\u{A3}', 'Ê'),
    ('\u{A4}', 'Ô'),
    ('\u{A5}', 'Ơ'),
    ('\u{A6}', 'Ư'),
    ('\u{A7}', 'Đ'),
    ('\u{A8}', 'ă'),
    ('\u{A9}', 'â'),
    ('\u{AA}', 'ê'),
    ('\u{AB}', 'ô'),
    ('\u{AC}', 'ơ'),
    ('\u{AD}', 'ư'),
    ('\u{AE}', 'đ'),
    ('\u{B5}', 'à'),
    ('\u{B6}', 'ả'),
    ('\u{B7}', 'ã'),
    ('\u{B8}', 'á'),
    ('\u{B9}', 'ạ'),
    ('\u{BB}', 'ằ'),
    ('\u{BC}', 'ẳ'),
    ('\u{BD}', 'ẵ'),
    ('\u{BE}', 'ắ'),
    ('\u{C6}', 'ặ'),
    ('\u{C7}', 'ầ'),
    ('\u{C8}', 'ẩ'),
    ('\u{C9}', 'ẫ'),
    ('\u{CA}', 'ấ'),
    ('\u{CB}', 'ậ'),
    ('\u{CC}', 'è'),
    ('\u{CE}', 'ẻ'),
    ('\u{CF}', 'ẽ'),
    ('\u{D0}', 'é'),
    ('\u{D1}', 'ẹ'),
    ('\u{D2}', 'ề'),
    ('\u{D3}', 'ể'),
    ('\u{D4}', 'ễ'),
    ('\u{D5}', 'ế'),
    ('\u{D6}', 'ệ'),
    ('\u{D7}', 'ì'),
    ('\u{D8}', 'ỉ'),
    ('\u{DC}', 'ĩ'),
    ('\u{DD}', 'í'),
    ('\u{DE}', 'ị'),
    ('\u{DF}', 'ò'),
    ('\u{E1}', 'ỏ'),
    ('\u{E2}', 'õ'),
    ('\u{E3}', 'ó'),
    ('\u{E4}', 'ọ'),
    ('\u{E5}', 'ồ'),
    ('\u{E6}', 'ổ'),
    ('\u{E7}', 'ỗ'),
    ('\u{E8}', 'ố'),
    ('\u{E9}', 'ộ'),
    ('\u{EA}', 'ờ'),
    ('\u{EB}', 'ở'),
    ('\u{EC}', 'ỡ'),
    ('\u{ED}', 'ớ'),
    ('\u{EE}', 'ợ'),
    ('\u{EF}', 'ù'),
    ('\u{F1}', 'ủ'),
    ('\u{F2}', 'ũ'),
    ('\u{F3}', 'ú'),
    ('\u{F4}', 'ụ'),
    ('\u{F5}', 'ừ'),
    ('\u{F6}', 'ử'),
    ('\u{F7}', 'ữ'),
    ('\u{F8}', 'ứ'),
    ('\u{F9}', 'ự'),
    ('\u{FA}', 'ỳ'),
    ('\u{FB}', 'ỷ'),
    ('\u{FC}', 'ỹ'),
    ('\u{FD}', 'ý'),
    ('\u{FE}', 'ỵ'),
];

/// Latin-1 symbols that TCVN3 uses for letters and that Vietnamese text in Unicode never
/// contains as letters: their presence is the TCVN3 evidence.
fn tcvn3_symbol(c: char) -> bool {
    matches!(c, '\u{A1}'..='\u{AE}' | '\u{B5}'..='\u{BE}' | '\u{D7}' | '\u{DE}' | '\u{DF}' | '\u{F7}' | '\u{FE}')
}

/// Latin-1 letters that VNI uses as marks or letters and Vietnamese Unicode text never has.
fn vni_marker(c: char) -> bool {
    matches!(
        c,
        'ø' | 'Ø'
            | 'û'
            | 'Û'
            | 'ï'
            | 'Ï'
            | 'ñ'
            | 'Ñ'
            | 'ö'
            | 'Ö'
            | 'æ'
            | 'Æ'
            | 'î'
            | 'Î'
            | 'ë'
            | 'Ë'
            | 'ü'
            | 'Ü'
            | 'å'
            | 'Å'
            | 'ä'
            | 'Ä'
    )
}

/// VNI-Windows letters that stand alone.
fn vni_letter(c: char) -> Option<char> {
    Some(match c {
        'ô' => 'ơ',
        'Ô' => 'Ơ',
        'ö' => 'ư',
        'Ö' => 'Ư',
        'ñ' => 'đ',
        'Ñ' => 'Đ',
        'æ' => 'ỉ',
        'Æ' => 'Ỉ',
        'ó' => 'ĩ',
        'Ó' => 'Ĩ',
        'ò' => 'ị',
        'Ò' => 'Ị',
        'î' => 'ỵ',
        'Î' => 'Ỵ',
        _ => return None,
    })
}

/// VNI-Windows marks that follow a vowel: the combining marks they add.
fn vni_marks(c: char) -> Option<&'static [char]> {
    const ACUTE: char = '\u{301}';
    const GRAVE: char = '\u{300}';
    const HOOK: char = '\u{309}';
    const TILDE: char = '\u{303}';
    const DOT: char = '\u{323}';
    const CIRC: char = '\u{302}';
    const BREVE: char = '\u{306}';
    Some(match c.to_lowercase().next().unwrap_or(c) {
        'ù' => &[ACUTE],
        'ø' => &[GRAVE],
        'û' => &[HOOK],
        'õ' => &[TILDE],
        'ï' => &[DOT],
        'â' => &[CIRC],
        'ê' => &[BREVE],
        'á' => &[CIRC, ACUTE],
        'à' => &[CIRC, GRAVE],
        'å' => &[CIRC, HOOK],
        'ã' => &[CIRC, TILDE],
        'ä' => &[CIRC, DOT],
        'é' => &[BREVE, ACUTE],
        'è' => &[BREVE, GRAVE],
        'ú' => &[BREVE, HOOK],
        'ü' => &[BREVE, TILDE],
        'ë' => &[BREVE, DOT],
        _ => return None,
    })
}

fn is_vowel(c: char) -> bool {
    let base: char = c.nfd().next().unwrap_or(c);
    matches!(base.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
        || matches!(c, 'ơ' | 'Ơ' | 'ư' | 'Ư')
        || matches!(base, 'ơ' | 'Ơ' | 'ư' | 'Ư')
}

/// Which legacy encoding `s` looks like, if any. Text with any character beyond Latin-1 is
/// Unicode already. VNI never uses TCVN3's symbols, so two symbols, or a symbol with a
/// letter Unicode Vietnamese never has, mean TCVN3; two such letters without a symbol, VNI.
pub fn detect(s: &str) -> Option<Legacy> {
    // A character past U+00FF starts with a byte from 0xC4 up (U+0100 is C4 80); those
    // before it are ASCII or start with C2 or C3, and continuation bytes are below 0xC0.
    // Checked on bytes: this runs for every text cell and every fold.
    if s.is_ascii() || s.bytes().any(|b| b >= 0xC4) {
        return None;
    }
    let symbols = s.chars().filter(|&c| tcvn3_symbol(c)).count();
    let markers = s.chars().filter(|&c| vni_marker(c)).count();
    if symbols >= 2 || (symbols == 1 && markers >= 1) {
        Some(Legacy::Tcvn3)
    } else if markers >= 2 || (markers == 1 && s.chars().filter(|c| !c.is_ascii()).count() >= 2) {
        Some(Legacy::Vni)
    } else {
        None
    }
}

/// Decodes TCVN3 text shown as Latin-1.
pub fn from_tcvn3(s: &str) -> String {
    let out: String = s.chars().map(|c| TCVN3.iter().find(|(k, _)| *k == c).map_or(c, |(_, v)| *v)).collect();
    let letters: Vec<char> = s.chars().filter(|c| c.is_ascii_alphabetic()).collect();
    if letters.len() >= 2 && letters.iter().all(|c| c.is_ascii_uppercase()) {
        out.to_uppercase()
    } else {
        out
    }
}

/// Decodes VNI-Windows text shown as Latin-1.
pub fn from_vni(s: &str) -> String {
    let mut out: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars() {
        if let (Some(marks), Some(&last)) = (vni_marks(c), out.last()) {
            if is_vowel(last) {
                out.pop();
                let composed: String = std::iter::once(last).chain(marks.iter().copied()).collect::<String>().nfc().collect();
                out.extend(composed.chars());
                continue;
            }
        }
        out.push(vni_letter(c).unwrap_or(c));
    }
    out.into_iter().collect()
}

/// Converts legacy-encoded text to Unicode, saying which encoding it was in.
pub fn to_unicode(s: &str) -> Option<(String, Legacy)> {
    match detect(s)? {
        Legacy::Tcvn3 => Some((from_tcvn3(s), Legacy::Tcvn3)),
        Legacy::Vni => Some((from_vni(s), Legacy::Vni)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_past_latin_1_is_unicode_whatever_else_it_has() {
        // Two TCVN3 symbols make text legacy, unless a character past U+00FF is in it: every
        // character up to U+0800 and a few beyond, after them.
        for u in (0u32..0x800).chain([0x1EA0, 0x1EF9, 0xFFFD, 0x1F600]) {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(detect(&format!("Së V¨n{c}")).is_some(), u <= 0xFF, "U+{u:04X}");
        }
    }

    #[test]
    fn tcvn3_cases() {
        let cases = [
            ("Së V¨n hãa, ThÓ thao vµ Du lÞch", "Sở Văn hóa, Thể thao và Du lịch"),
            ("Tæ chøc héi nghÞ tuyªn truyÒn", "Tổ chức hội nghị tuyên truyền"),
            ("§ang thùc hiÖn", "Đang thực hiện"),
            ("Hoµn thµnh", "Hoàn thành"),
            ("Kinh phÝ (triÖu ®ång)", "Kinh phí (triệu đồng)"),
            ("Së NGO¹I Vô", "SỞ NGOẠI VỤ"),
        ];
        for (legacy, want) in cases {
            assert_eq!(detect(legacy), Some(Legacy::Tcvn3), "{legacy}");
            assert_eq!(from_tcvn3(legacy), want);
        }
    }

    #[test]
    fn vni_cases() {
        let cases = [
            ("Sôû Vaên hoùa, Theå thao vaø Du lòch", "Sở Văn hóa, Thể thao và Du lịch"),
            ("Ñang thöïc hieän", "Đang thực hiện"),
            ("Hoaøn thaønh", "Hoàn thành"),
            ("Toå chöùc hoäi nghò", "Tổ chức hội nghị"),
        ];
        for (legacy, want) in cases {
            assert_eq!(detect(legacy), Some(Legacy::Vni), "{legacy}");
            assert_eq!(from_vni(legacy), want);
        }
    }

    #[test]
    fn unicode_is_left_alone() {
        for s in [
            "Hoàn thành",
            "Báo cáo",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Công",
            "Kết quả",
            "Tỷ lệ 100%",
            "Nguyễn Văn A",
            "Café © 2024",
            "NV1",
            "",
        ] {
            assert_eq!(detect(s), None, "{s}");
        }
    }
}
