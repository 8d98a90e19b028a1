//! Matching what a submission writes against the plan: agency names and task references.
//! Two candidates are never guessed between: the caller flags them.

use std::collections::BTreeSet;

use crate::plan::Plan;
use crate::text::{contains_words, fold, roman};

/// The outcome of matching a name or reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match {
    One(String),
    Ambiguous(Vec<String>),
    None,
}

/// Every spelling of every agency, folded, for matching.
pub struct AgencyIndex {
    keys: Vec<(String, String)>,
    /// Folded name → the codes that go by it.
    exact: std::collections::HashMap<String, BTreeSet<String>>,
    /// The rarest word of a folded name → indexes into `keys`, to find names inside a
    /// text without trying every name.
    by_word: std::collections::HashMap<String, Vec<usize>>,
    /// A district's or town's place name alone ("yen the" for "UBND huyện Yên Thế"), as its
    /// report's file or sheet is named → its code; only a place of two words or more that
    /// no other agency's name holds, and not the province's.
    places: Vec<(String, String)>,
}

/// Common abbreviations in agency names, expanded before matching.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("ubnd", "uy ban nhan dan"),
    ("ub", "uy ban nhan dan"),
    ("tp", "thanh pho"),
    ("h", "huyen"),
    ("tx", "thi xa"),
    ("vh", "van hoa"),
    ("tt", "the thao"),
    ("dl", "du lich"),
    ("pt", "phat thanh"),
    ("th", "truyen hinh"),
    ("mttq", "mat tran to quoc"),
    ("ubmttq", "uy ban mat tran to quoc"),
    ("hdnd", "hoi dong nhan dan"),
    ("ptnt", "phat trien nong thon"),
];

/// Expands abbreviations word by word ("ubnd h luc ngan" → "uy ban nhan dan huyen luc ngan"),
/// and leaves out "và", which a clerk may write as a dash or leave out ("Sở Giáo dục - Đào
/// tạo", "Sở Văn hóa Thể thao Du lịch").
///
/// Abbreviations are also typed together ("Sở VHTT và DL", "Đài PTTH"): a word made of
/// these, each two letters, is each of them. (No Vietnamese word is made of them: each has
/// no vowel.)
fn expand(key: &str) -> String {
    const TOGETHER: &[&str] = &["vh", "tt", "dl", "pt", "th"];
    let expanded = |w: &str| ABBREVIATIONS.iter().find(|(a, _)| *a == w).map(|(_, e)| *e);
    let mut out: Vec<&str> = Vec::new();
    let words: Vec<&str> = key.split(' ').filter(|w| *w != "va").collect();
    let mut i = 0;
    while i < words.len() {
        // An abbreviation with a point after each letter ("T.P Bắc Giang", "U.B.N.D"),
        // folded as letters apart: the most letters together that make one.
        let run = words[i..].iter().take_while(|w| w.len() == 1).count();
        if let Some((n, e)) = (2..=run).rev().find_map(|n| expanded(&words[i..i + n].concat()).map(|e| (n, e))) {
            out.push(e);
            i += n;
            continue;
        }
        let w = words[i];
        i += 1;
        let pieces =
            w.len() >= 4 && w.len().is_multiple_of(2) && w.as_bytes().chunks(2).all(|c| TOGETHER.iter().any(|t| t.as_bytes() == c));
        if pieces {
            out.extend((0..w.len()).step_by(2).filter_map(|i| expanded(&w[i..i + 2])));
        } else {
            out.push(expanded(w).unwrap_or(w));
        }
    }
    out.join(" ")
}

impl AgencyIndex {
    pub fn new(plan: &Plan) -> AgencyIndex {
        AgencyIndex::build(plan, None)
    }

    /// The index for the reports of one year: a shortened name two agencies share, of which
    /// that year has one (a department before and after a merger, "Sở NN" for "Sở NN&PTNT"
    /// to 2024 and "Sở NN&MT" from 2025), is that one's.
    pub fn in_year(plan: &Plan, year: i32) -> AgencyIndex {
        AgencyIndex::build(plan, Some(year))
    }

    fn build(plan: &Plan, year: Option<i32>) -> AgencyIndex {
        let mut keys = Vec::new();
        for a in &plan.agencies {
            for name in std::iter::once(&a.code).chain(std::iter::once(&a.name)).chain(a.aliases.iter()) {
                let k = fold(name);
                keys.push((expand(&k), a.code.clone()));
                keys.push((k, a.code.clone()));
            }
        }
        // A name without the province it ends with ("Liên hiệp các tổ chức hữu nghị", "Đài
        // Phát thanh - Truyền hình" for "… tỉnh", "… tỉnh Bắc Giang"): the same agency,
        // where it is a name of three words or more that no other agency goes by.
        let province = fold(&plan.province);
        let suffixes = [format!(" tinh {province}"), format!(" {province}"), " tinh".to_string()];
        let mut bare: std::collections::BTreeMap<String, BTreeSet<String>> = Default::default();
        for (k, code) in &keys {
            if let Some(b) = suffixes.iter().find_map(|s| k.strip_suffix(s.as_str())).filter(|b| b.split(' ').count() >= 3) {
                bare.entry(b.to_string()).or_default().insert(code.clone());
            }
        }
        // A committee's name without "Ủy ban" ("MTTQ tỉnh", "Mặt trận Tổ quốc tỉnh" for "Ủy ban
        // MTTQ tỉnh"): the Front's reports are signed so. (Not "Ủy ban nhân dân …", whose
        // rest is no name.)
        for (k, code) in &keys {
            if let Some(b) = k.strip_prefix("uy ban ").filter(|b| !b.starts_with("nhan dan") && b.split(' ').count() >= 2) {
                bare.entry(b.to_string()).or_default().insert(code.clone());
            }
        }
        // A department's abbreviated field cut at "và" ("Sở GD" for "Sở GD&ĐT"), where no
        // other agency's name is cut so.
        for (k, code) in &keys {
            if let Some((head, _)) = k.split_once(" va ").filter(|(h, _)| h.starts_with("so ") && h.split(' ').count() == 2) {
                if !head[3..].bytes().any(|b| b"aeiouy".contains(&b)) {
                    bare.entry(head.to_string()).or_default().insert(code.clone());
                }
            }
        }
        // A department by "Sở" and its field's initials ("Sở TC" for "Sở Tài chính", "Sở CT",
        // "Sở KHCN"), as a clerk shortens a name the plan gives no short form of: only from
        // the name written in full (an abbreviated alias's initials are no one's), none that
        // is a Vietnamese word (a vowel but "y": "Sở YT" is "Sở Y tế"), and not where two
        // departments share them ("Sở NV": Nội vụ and Ngoại vụ), which `bare` leaves out.
        for a in &plan.agencies {
            let name = fold(&a.name);
            let Some(field) = name.strip_prefix("so ") else { continue };
            let words: Vec<&str> = field.split(' ').filter(|w| *w != "va").collect();
            let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
            let full = words.len() >= 2 && words.iter().all(|w| w.bytes().any(|b| b"aeiouy".contains(&b)));
            if full && !initials.bytes().any(|b| b"aeiou".contains(&b)) {
                bare.entry(format!("so {initials}")).or_default().insert(a.code.clone());
            }
        }
        // The province by its initials ("TP BG", "Báo BG" for "… Bắc Giang"), as a file or a
        // signature abbreviates it.
        let initials: String = province.split(' ').filter_map(|w| w.chars().next()).collect();
        if initials.len() >= 2 {
            for (k, code) in &keys {
                if k != &province && contains_words(k, &province) {
                    bare.entry(k.replace(&province, &initials)).or_default().insert(code.clone());
                }
            }
        }
        let named: BTreeSet<&str> = keys.iter().map(|(k, _)| k.as_str()).collect();
        let in_year = |codes: BTreeSet<String>| -> BTreeSet<String> {
            match year {
                Some(y) if codes.len() > 1 => codes.into_iter().filter(|c| plan.agency(c).is_some_and(|a| a.in_force(y))).collect(),
                _ => codes,
            }
        };
        let bare: Vec<(String, String)> = bare
            .into_iter()
            .map(|(b, codes)| (b, in_year(codes)))
            .filter(|(b, codes)| codes.len() == 1 && !named.contains(b.as_str()))
            .filter_map(|(b, codes)| Some((b, codes.into_iter().next()?)))
            .collect();
        keys.extend(bare);
        keys.sort();
        keys.dedup();
        // (Also a body's name without the kind of body it starts with, as a file is named:
        // "Tài chính", "KH&ĐT", "NN&PTNT" for "Sở …", "MTTQ tỉnh" for "Ủy ban MTTQ tỉnh".)
        const UNITS: [&str; 8] = [
            "uy ban nhan dan huyen ",
            "uy ban nhan dan thi xa ",
            "uy ban nhan dan thanh pho ",
            "huyen ",
            "thi xa ",
            "thanh pho ",
            "so ",
            "uy ban ",
        ];
        // (Or its abbreviation alone, four letters or more and no vowel, so no Vietnamese
        // word: "VHTTDL", "KHCN" for "Sở …", as the plan writes it or as the initials of
        // its field, "Văn hóa, Thể thao và Du lịch".)
        let abbreviation = |w: &str| w.len() >= 4 && !w.contains(' ') && !w.bytes().any(|b| b"aeiouy".contains(&b));
        let initials: Vec<(String, &str)> = keys
            .iter()
            .filter_map(|(k, code)| {
                let field = k.strip_prefix("so ")?;
                let initials: String = field.split(' ').filter(|w| *w != "va").filter_map(|w| w.chars().next()).collect();
                abbreviation(&initials).then_some((initials, code.as_str()))
            })
            .collect();
        let mut places: std::collections::BTreeMap<&str, BTreeSet<&str>> = Default::default();
        for (k, code) in &keys {
            if let Some(place) = UNITS.iter().find_map(|u| k.strip_prefix(u)) {
                if (place.split(' ').count() >= 2 || abbreviation(place)) && !place.starts_with("cac ") && place != province {
                    places.entry(place).or_default().insert(code);
                }
            }
        }
        for (initials, code) in &initials {
            places.entry(initials.as_str()).or_default().insert(code);
        }
        let places: Vec<(String, String)> = places
            .into_iter()
            .filter(|(place, codes)| codes.len() == 1 && !keys.iter().any(|(k, c)| !codes.contains(c.as_str()) && contains_words(k, place)))
            .filter_map(|(place, codes)| Some((place.to_string(), codes.into_iter().next()?.to_string())))
            .collect();
        let mut exact: std::collections::HashMap<String, BTreeSet<String>> = std::collections::HashMap::new();
        // How many names each word occurs in: a name is filed under its rarest word, so a
        // text is tried only against names whose rarest word it contains ("00017" in a
        // plan of 2,000 "Cơ quan … số 000NN", "bắc giang" among 26 "Sở …").
        let mut names_with: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (key, _) in &keys {
            let mut words: Vec<&str> = key.split(' ').collect();
            words.sort_unstable();
            words.dedup();
            for w in words {
                *names_with.entry(w).or_default() += 1;
            }
        }
        let mut by_word: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
        for (i, (key, code)) in keys.iter().enumerate() {
            exact.entry(key.clone()).or_default().insert(code.clone());
            let rarest = key.split(' ').min_by_key(|w| names_with.get(w).copied().unwrap_or(0)).unwrap_or("");
            by_word.entry(rarest.to_string()).or_default().push(i);
        }
        AgencyIndex { keys, exact, by_word, places }
    }

    /// Matches text that should be exactly an agency's name ("Đơn vị báo cáo: …").
    /// Falls back to names contained in the text, keeping the longest.
    pub fn name(&self, text: &str) -> Match {
        let k = fold(text);
        if k.is_empty() {
            return Match::None;
        }
        let e = expand(&k);
        let exact: BTreeSet<&String> = [&k, &e].into_iter().filter_map(|key| self.exact.get(key.as_str())).flatten().collect();
        match exact.len() {
            1 => return Match::One(exact.into_iter().next().cloned().unwrap_or_default()),
            n if n > 1 => return Match::Ambiguous(exact.into_iter().cloned().collect()),
            _ => {}
        }
        if let Some((_, code)) = self.places.iter().find(|(place, _)| *place == k) {
            return Match::One(code.clone());
        }
        self.within(text)
    }

    /// Finds a district's or town's place name alone in the name of a file, sheet or
    /// folder ("Yen The.xlsx", "BC_LucNgan_2024.xlsx"), where no agency's name is in it.
    pub fn place_within(&self, text: &str) -> Match {
        let texts = std::iter::once(text.to_string()).chain(unglued(text));
        let mut found: BTreeSet<&String> = texts
            .flat_map(|t| {
                let k = fold(&t);
                self.places.iter().filter(move |(place, _)| contains_words(&k, place)).map(|(_, code)| code)
            })
            .collect();
        // Its words typed together with no capital to part them ("lucngan.xlsx",
        // "BC_LUCNGAN_2024", "UBNDHIEPHOA"), also after the kind of body; or an agency's
        // whole name so typed ("songoaivu.xlsx", "CONGANTINH").
        if found.is_empty() {
            const BODIES: [&str; 8] = ["", "h", "huyen", "ubnd", "ubndh", "ubndhuyen", "tp", "ubndtp"];
            let key = fold(text);
            // (A year typed on, "lucngan2024", comes off.)
            for w in key.split(' ').map(|w| w.trim_end_matches(|c: char| c.is_ascii_digit())).filter(|w| w.len() >= 5) {
                found.extend(
                    self.places
                        .iter()
                        .filter(|(place, _)| {
                            let squashed: String = place.split(' ').collect();
                            w.strip_suffix(squashed.as_str()).is_some_and(|body| BODIES.contains(&body))
                        })
                        .map(|(_, code)| code),
                );
                found.extend(
                    self.keys
                        .iter()
                        .filter(|(name, _)| name.contains(' ') && name.bytes().filter(|b| *b != b' ').eq(w.bytes()))
                        .map(|(_, code)| code),
                );
            }
        }
        match found.len() {
            0 => Match::None,
            1 => Match::One(found.into_iter().next().cloned().unwrap_or_default()),
            _ => Match::Ambiguous(found.into_iter().cloned().collect()),
        }
    }

    /// Finds agency names inside a longer text (a file name, a title). The longest names
    /// found win; names contained in a longer one found ("Bắc Giang" in "Báo Bắc Giang")
    /// do not count.
    pub fn within(&self, text: &str) -> Match {
        match self.within_as_written(text) {
            // Words typed together, as in a file name ("SoNgoaiVu", "BC_UBNDhuyenYenThe",
            // "SKH&CN"): tried apart where nothing was found.
            Match::None => {
                unglued(text).into_iter().map(|t| self.within_as_written(&t)).find(|m| !matches!(m, Match::None)).unwrap_or(Match::None)
            }
            m => m,
        }
    }

    fn within_as_written(&self, text: &str) -> Match {
        let k = fold(text);
        let e = expand(&k);
        // Only names whose rarest word occurs in the text can occur in it.
        let mut candidates: Vec<usize> = k.split(' ').chain(e.split(' ')).filter_map(|w| self.by_word.get(w)).flatten().copied().collect();
        candidates.sort_unstable();
        candidates.dedup();
        let found: Vec<&(String, String)> = candidates
            .into_iter()
            .map(|i| &self.keys[i])
            .filter(|(key, _)| key.len() >= 3 && (contains_words(&k, key) || contains_words(&e, key)))
            .collect();
        let Some(longest) = found.iter().map(|(key, _)| key.len()).max() else {
            return Match::None;
        };
        let codes: BTreeSet<&String> = found
            .iter()
            .filter(|(key, _)| !found.iter().any(|(other, _)| other.len() > key.len() && contains_words(other, key)))
            .filter(|(key, _)| key.len() * 2 >= longest)
            .map(|(_, c)| c)
            .collect();
        match codes.len() {
            0 => Match::None,
            1 => Match::One(codes.into_iter().next().cloned().unwrap_or_default()),
            _ => Match::Ambiguous(codes.into_iter().cloned().collect()),
        }
    }
}

/// A text's words typed together, set apart: at a small letter before a capital
/// ("SoNgoaiVu" → "So Ngoai Vu"); a run of capitals before small letters either before its
/// last capital ("TPBacGiang" → "TP Bac Giang") or after it ("UBNDhuyen" → "UBND huyen");
/// and "&" dropped between capitals ("SKH&CN" → "SKHCN", an agency's code). Empty where
/// nothing is typed together.
pub fn unglued(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut variants = Vec::new();
    for run_whole in [false, true] {
        let mut out = String::with_capacity(text.len() + 8);
        for (i, &c) in chars.iter().enumerate() {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1).copied();
            if c == '&' && prev.is_some_and(char::is_uppercase) && next.is_some_and(char::is_uppercase) {
                continue;
            }
            let before_prev = i.checked_sub(2).map(|j| chars[j]);
            let split = match prev {
                // small → capital
                Some(p) if p.is_lowercase() && c.is_uppercase() => true,
                // capitals → small: before the last capital, or after the run
                Some(p) if !run_whole && p.is_uppercase() && c.is_uppercase() && next.is_some_and(char::is_lowercase) => true,
                Some(p) if run_whole && p.is_uppercase() && before_prev.is_some_and(char::is_uppercase) && c.is_lowercase() => true,
                _ => false,
            };
            if split {
                out.push(' ');
            }
            out.push(c);
        }
        if out != text && !variants.contains(&out) {
            variants.push(out);
        }
    }
    variants
}

/// Whether a task cell, a section's heading or a sheet's name says the work is outside the
/// plan's tasks: "Khác", "Nhiệm vụ khác", "CÁC HOẠT ĐỘNG KHÁC", "Nhiệm vụ phát sinh",
/// "Công việc đột xuất", "Ngoài kế hoạch", "Nhiệm vụ bổ sung", "Khác (ghi rõ)". Not
/// "Chung" (work for every task), nor a section by the agency's part in the tasks
/// ("Nhiệm vụ phối hợp"), nor other work of a kind ("Hoạt động đối ngoại khác").
pub fn outside_plan(text: &str) -> bool {
    // What may follow the kind of work, of which one of the marks.
    const WORDS: &[&str] = &[
        "khac", "phat", "sinh", "ngoai", "ke", "hoach", "kh", "dot", "xuat", "bo", "sung", "duoc", "giao", "them", "trong", "nam", "moi",
        "ghi", "ro",
    ];
    const MARKS: &[&str] = &["khac", "phat sinh", "ngoai ke hoach", "ngoai kh", "dot xuat", "bo sung", "giao them"];
    let Some(key) = crate::text::fold_within(text, 80) else { return false };
    let mut rest = key.as_str();
    for lead in ["cac ", "mot so ", "nhung "] {
        rest = rest.strip_prefix(lead).unwrap_or(rest);
    }
    for kind in ["nhiem vu ", "hoat dong ", "cong viec ", "cong tac ", "noi dung ", "viec ", "nv "] {
        if let Some(r) = rest.strip_prefix(kind) {
            rest = r;
            break;
        }
    }
    !rest.is_empty()
        && rest.split(' ').all(|w| WORDS.contains(&w) || w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        && MARKS.iter().any(|m| contains_words(rest, m))
}

/// Whether a task reference gives a task's number ("Nhiệm vụ 15", "NV15: …", "Nhiệm vụ số
/// IV", "Nội dung 2"), whether or not the plan has it; a title does not ("NHIỆM VỤ PHỐI HỢP").
pub fn numbered(text: &str) -> bool {
    let key = fold(text);
    let (number, _) = number_and_rest(&key);
    number.is_some() && ["nhiem vu", "nv", "noi dung", "nd"].iter().any(|p| key.starts_with(p))
}

/// The number a task reference gives ("3", "3.", "NV3", "Nhiệm vụ 3", "Nhiệm vụ số 3",
/// "III"; "Nội dung 3", "ND3", as a plan whose section II is its "nội dung" numbers its
/// tasks), and the words after it.
fn number_and_rest(key: &str) -> (Option<u32>, String) {
    let mut words: Vec<&str> = key.split(' ').collect();
    for prefix in [
        &["nhiem", "vu", "so"][..],
        &["nhiem", "vu", "thu"],
        &["nhiem", "vu"],
        &["noi", "dung", "so"],
        &["noi", "dung"],
        &["nv"],
        &["nd"],
        &["so"],
        &["muc"],
    ] {
        if words.len() >= prefix.len() && words[..prefix.len()] == *prefix {
            words.drain(..prefix.len());
            break;
        }
    }
    // "nv3" folds as one word; "Nhiệm vụ thứ ba" is the third.
    let first = words.first().copied().unwrap_or("");
    let ordinal = ["nhat", "hai", "ba", "tu", "nam", "sau", "bay", "tam", "chin", "muoi"].iter().position(|w| *w == first);
    if let (Some(i), true) = (ordinal, key.starts_with("nhiem vu thu ")) {
        return (Some(i as u32 + 1), words[1..].join(" "));
    }
    let first = first
        .strip_prefix("nv")
        .or_else(|| first.strip_prefix("nd"))
        .filter(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit()))
        .unwrap_or(first);
    // A section and an item ("II.1"): the item of a part of the plan, not task 2 (a plan
    // that numbers its tasks so names them as its tasks' other names).
    let item_follows = words.get(1).is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()));
    let n = first.parse::<u32>().ok().or_else(|| roman(first).filter(|_| !item_follows));
    match n {
        Some(n) => (Some(n), words[1..].join(" ")),
        None => (None, words.join(" ")),
    }
}

/// Word overlap of two folded texts (Dice coefficient on word sets, short words ignored).
fn similarity(a: &str, b: &str) -> f64 {
    let set = |s: &str| s.split(' ').filter(|w| w.len() > 1).map(str::to_string).collect::<BTreeSet<String>>();
    let (x, y) = (set(a), set(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let common = x.intersection(&y).count() as f64;
    2.0 * common / (x.len() + y.len()) as f64
}

/// Share of the words of `part` found in `whole` (short words ignored).
fn containment(part: &str, whole: &str) -> f64 {
    let words: Vec<&str> = part.split(' ').filter(|w| w.len() > 1).collect();
    if words.is_empty() {
        return 0.0;
    }
    let whole: BTreeSet<&str> = whole.split(' ').collect();
    words.iter().filter(|w| whole.contains(*w)).count() as f64 / words.len() as f64
}

/// The tasks whose titles have every word of a section's heading ("III | QUẢNG BÁ HÌNH
/// ẢNH" for "Quảng bá các giá trị văn hoá, hình ảnh…"): a heading shortens its task's title
/// to a few of its words, not always its first. Only the words that say what the work is
/// about count, not those any report's sections are named by ("NHIỆM VỤ PHỐI HỢP", "CÁC
/// HOẠT ĐỘNG KHÁC"): two of them, in one task's title only; three, in several titles, each
/// a candidate (of which the agency's own is meant); else none.
pub fn heading_words(plan: &Plan, text: &str) -> Match {
    title_words(plan, text, 2)
}

/// `heading_words`, with at least `least` words that say what the work is about (of which
/// three, in several titles, make candidates).
pub fn title_words(plan: &Plan, text: &str, least: usize) -> Match {
    const GENERIC: &[&str] = &[
        "nhiem", "vu", "hoat", "dong", "ket", "qua", "thuc", "hien", "cong", "tac", "cac", "khac", "chu", "tri", "phoi", "hop", "duoc",
        "giao", "nam", "linh", "vuc", "cua", "va", "ve", "tai", "trong", "voi", "theo", "ke", "hoach", "chung", "doi", "ngoai",
    ];
    let key = spelled_out(&fold(text));
    let words: Vec<&str> = key.split(' ').filter(|w| w.len() > 1 && !GENERIC.contains(w)).collect();
    if words.len() < least.max(2) {
        return Match::None;
    }
    let codes: Vec<String> = plan
        .tasks
        .iter()
        .filter(|t| {
            let title = spelled_out(&fold(&t.title));
            let title: BTreeSet<&str> = title.split(' ').collect();
            words.iter().all(|w| title.contains(w))
        })
        .map(|t| t.code.clone())
        .collect();
    match codes.len() {
        1 => Match::One(codes.into_iter().next().expect("one")),
        n if n > 1 && words.len() >= 3 => Match::Ambiguous(codes),
        _ => Match::None,
    }
}

/// How close a title must be to count, and by how much it must beat the next one.
const TITLE_MIN: f64 = 0.55;
const TITLE_MARGIN: f64 = 0.15;

/// The tasks a cell names as several ("NV1, NV6", "NV2 và NV5", "NV1-NV3", "NV1 đến NV3"),
/// in plan order, where it names two or more: an activity reported for each of them.
pub fn several(plan: &Plan, text: &str) -> Option<Vec<String>> {
    listed(plan, text).or_else(|| range(plan, text)).filter(|codes| codes.len() > 1)
}

/// A list of references ("NV1, NV3", "NV2 và NV5", "NV1/NV2", or a line each, "NV1⏎NV2"),
/// each part naming a task: the distinct tasks, in plan order. (With a slash, and before
/// 0.17.0 a line each, the first alone was read, silently.)
fn listed(plan: &Plan, text: &str) -> Option<Vec<String>> {
    // "II/1", "IV/3": a section and its item, written with a slash for the dot.
    if text.contains('/') && named(plan, &spelled_out(&fold(&text.replace('/', ".")))).is_some() {
        return None;
    }
    let parts = text.split([',', ';', '&', '+', '/', '\n']).flat_map(|p| p.split(" và ")).map(str::trim).filter(|p| !p.is_empty());
    parts.clone().nth(1)?;
    let mut codes = Vec::new();
    for part in parts {
        match task(plan, part) {
            Match::One(c) => codes.push(c),
            _ => return None,
        }
    }
    Some(in_plan_order(plan, codes))
}

/// A range of codes ("NV1-NV3", "NV1 – NV3" with Word's dash, "NV1 đến NV3", "Từ NV1
/// đến NV3"): every task from one end to the other, in plan order. ("NV-1" and "IV.4 - Hội
/// chợ…" are one task: the dash joins a code or a title.)
fn range(plan: &Plan, text: &str) -> Option<Vec<String>> {
    // ("Từ" before the first: from.)
    let text = match text.trim_start().split_once(' ') {
        Some((from, rest)) if fold(from) == "tu" && rest.contains(" đến ") => rest,
        _ => text,
    };
    let (a, b) = text.split_once(['-', '–', '—', '→']).or_else(|| text.split_once(" đến "))?;
    if !a.chars().any(|c| c.is_ascii_digit()) || b.trim().len() > 12 {
        return None;
    }
    let (Match::One(x), Match::One(y)) = (task(plan, a), task(plan, b)) else { return None };
    let at = |c: &str| plan.tasks.iter().position(|t| t.code == c);
    let (i, j) = (at(&x)?, at(&y)?);
    (i != j).then(|| plan.tasks[i.min(j)..=i.max(j)].iter().map(|t| t.code.clone()).collect())
}

fn in_plan_order(plan: &Plan, mut codes: Vec<String>) -> Vec<String> {
    codes.sort_by_key(|c| plan.tasks.iter().position(|t| &t.code == c));
    codes.dedup();
    codes
}

/// A task's title, or a text to be compared with one, as titles are compared: folded, the
/// strategy's abbreviations spelled out.
pub fn title_key(text: &str) -> String {
    spelled_out(&fold(text))
}

/// The strategy's words as clerks abbreviate them in a task's title ("NGVH", "VHĐN", "VN"),
/// spelled out in a folded text, so that the title matches the plan's wording.
fn spelled_out(key: &str) -> String {
    const WORDS: [(&str, &str); 4] =
        [("ngvh", "ngoai giao van hoa"), ("vhdn", "van hoa doi ngoai"), ("vn", "viet nam"), ("ubnd", "uy ban nhan dan")];
    if !key.split(' ').any(|w| WORDS.iter().any(|(a, _)| *a == w)) {
        return key.to_string();
    }
    key.split(' ').map(|w| WORDS.iter().find(|(a, _)| *a == w).map_or(w, |(_, e)| e)).collect::<Vec<_>>().join(" ")
}

/// The task a reference names by the plan's section in Roman figures ("mục II", "phần II")
/// and an item's number in figures beside it, where the plan gives a task that code or name
/// ("II.4", "IV.8"); `None` for any other reference.
fn section_and_item(plan: &Plan, key: &str) -> Option<Match> {
    // (Every reference comes here, many of them in a sheet's every line: most are passed
    // over before they are split into words.)
    if !key.contains("muc ") && !key.contains("phan ") {
        return None;
    }
    let words: Vec<&str> = key.split(' ').collect();
    let at = words.windows(2).position(|w| matches!(w[0], "muc" | "phan") && crate::text::roman(w[1]).is_some())?;
    let section = words[at + 1].to_ascii_uppercase();
    let mut items = words.iter().enumerate().filter(|(i, w)| *i != at + 1 && !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()));
    let (Some((_, item)), None) = (items.next(), items.next()) else { return None };
    let name = format!("{section}.{}", item.trim_start_matches('0'));
    let task = plan.tasks.iter().find(|t| std::iter::once(&t.code).chain(&t.aliases).any(|a| a.eq_ignore_ascii_case(&name)))?;
    Some(Match::One(task.code.clone()))
}

/// The task a folded reference is the code of, or another name the plan gives it ("II.1"),
/// spaces aside.
fn named<'p>(plan: &'p Plan, key: &str) -> Option<&'p crate::plan::Task> {
    let squash = |s: &str| s.replace(' ', "");
    let key = squash(key);
    plan.tasks.iter().find(|t| std::iter::once(&t.code).chain(&t.aliases).any(|n| squash(&fold(n)) == key))
}

/// Resolves a task reference: the exact code, a number, or a title close to the plan's
/// wording. A number and a title that point at different tasks, or two titles equally
/// close, are ambiguous.
pub fn task(plan: &Plan, text: &str) -> Match {
    let key = spelled_out(&fold(text));
    if key.is_empty() {
        return Match::None;
    }
    // A section of the plan named with an item's number ("Mục II, nhiệm vụ 4", "Khoản 4
    // Mục II", "Phần II - Nhiệm vụ 4"): the item as the plan names it ("II.4"). The section
    // was read as a task of its own ("II", task 2) beside the item, or the whole not at all.
    if let Some(m) = section_and_item(plan, &key) {
        return m;
    }
    // "Các nhiệm vụ 1, 2" (the tasks 1 and 2): as "Nhiệm vụ 1, 2" (it was `task_unknown`).
    if key.starts_with("cac nhiem vu ") || key.starts_with("cac nv ") {
        if let Some((_, rest)) = text.trim_start().split_once(char::is_whitespace) {
            return task(plan, rest);
        }
    }
    // The agency's part written before the code ("Chủ trì NV1", "Phối hợp thực hiện
    // Nhiệm vụ 3"): the task the code names. (Not before a title: a title may open so.)
    let role = ["chu tri thuc hien ", "phoi hop thuc hien ", "chu tri ", "phoi hop "].iter().find_map(|p| key.strip_prefix(p));
    if let Some(rest) = role.filter(|r| named(plan, r).is_some() || numbered(r)) {
        return task(plan, rest);
    }
    // Several references in one cell ("NV1, NV3", "NV2 và NV5", "NV1-NV3"): candidates,
    // never the first alone. ("NV3; 3" is one task.)
    if let Some(mut codes) = listed(plan, text).or_else(|| range(plan, text)) {
        return if codes.len() == 1 { Match::One(codes.remove(0)) } else { Match::Ambiguous(codes) };
    }
    // A section's label before a task named as such ("II. Nhiệm vụ 15: …"): the task it
    // names, not the section's number.
    if let Some((label, rest)) = text.trim_start().split_once(['.', ')']) {
        let label = label.trim();
        let rest_key = fold(rest);
        if label.len() <= 5
            && (crate::text::roman(label).is_some() || label.bytes().all(|b| b.is_ascii_digit()))
            && (rest_key.starts_with("nhiem vu ") || (rest_key.starts_with("nv") && numbered(rest)))
        {
            return task(plan, rest);
        }
    }
    let squash = |s: &str| s.replace(' ', "");
    let names = |t: &'_ crate::plan::Task| std::iter::once(fold(&t.code)).chain(t.aliases.iter().map(|a| fold(a))).collect::<Vec<_>>();
    if let Some(t) = named(plan, &key) {
        return Match::One(t.code.clone());
    }
    // A code written before a title ("Nhiệm vụ IV.3: Hướng dẫn…"): the longest code the
    // reference starts with, checked against the title if one follows.
    let stripped = ["nhiem vu so ", "nhiem vu thu ", "nhiem vu ", "nv so ", "muc ", "noi dung so ", "noi dung "]
        .iter()
        .find_map(|p| key.strip_prefix(p))
        .unwrap_or(&key);
    if let Some(t) = plan.tasks.iter().find(|t| names(t).iter().any(|n| squash(n) == squash(stripped))) {
        return Match::One(t.code.clone());
    }
    // A lettered item alone ("a", "b)", "Điểm c", "Mục a"), where the plan's tasks are the
    // lettered items of a section ("II.2.1.a"): the task whose item it is; of several
    // sections' items of that letter, each a candidate, never guessed.
    let letter = stripped.strip_prefix("diem ").unwrap_or(stripped);
    if letter.len() == 1 && letter.as_bytes()[0].is_ascii_lowercase() {
        let items: Vec<String> = plan
            .tasks
            .iter()
            .filter(|t| t.aliases.iter().any(|a| a.rsplit_once('.').is_some_and(|(_, l)| l.eq_ignore_ascii_case(letter))))
            .map(|t| t.code.clone())
            .collect();
        match items.len() {
            0 => {}
            1 => return Match::One(items[0].clone()),
            _ => return Match::Ambiguous(items),
        }
    }
    let by_code = plan
        .tasks
        .iter()
        .flat_map(|t| names(t).into_iter().map(move |n| (n, t)))
        .filter(|(c, _)| c.contains(' ') || c.chars().any(|ch| ch.is_ascii_digit()))
        .filter(|(c, _)| stripped.starts_with(&format!("{c} ")))
        .max_by_key(|(c, _)| c.len());
    if let Some((c, t)) = by_code {
        let rest = &stripped[c.len()..];
        if rest.split(' ').filter(|w| w.len() > 1).count() < 3 || containment(rest, &spelled_out(&fold(&t.title))) >= TITLE_MIN {
            return Match::One(t.code.clone());
        }
    }
    let (number, rest) = number_and_rest(&key);
    let by_number = number.and_then(|n| {
        plan.tasks.iter().find(|t| {
            let c = squash(&fold(&t.code));
            c == format!("nv{n}") || c == n.to_string()
        })
    });
    // The start of one task's title, cut short ("Tuyên truyền, quán triệt, nâng cao nhận
    // thức" for a title of thirty words): that task, where no other title starts so.
    let titled = rest.split(' ').filter(|w| w.len() > 1).count() >= 3;
    let titles: Vec<(String, &str)> = match titled {
        true => plan.tasks.iter().map(|t| (spelled_out(&fold(&t.title)), t.code.as_str())).collect(),
        false => Vec::new(),
    };
    let starts: Vec<&str> =
        titles.iter().filter(|(title, _)| crate::ingest::header::starts_with_words(title, &rest)).map(|(_, code)| *code).collect();
    let by_title = if let [code] = starts.as_slice() {
        Some(Match::One(code.to_string()))
    } else if titled {
        let mut scored: Vec<(f64, &str)> = titles.iter().map(|(title, code)| (similarity(&rest, title), *code)).collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        match scored.as_slice() {
            [(best, code), (second, other), ..] if *best >= TITLE_MIN => {
                if best - second >= TITLE_MARGIN {
                    Some(Match::One(code.to_string()))
                } else {
                    Some(Match::Ambiguous(vec![code.to_string(), other.to_string()]))
                }
            }
            [(best, code)] if *best >= TITLE_MIN => Some(Match::One(code.to_string())),
            _ => None,
        }
    } else {
        None
    };
    match (by_number, by_title) {
        (Some(t), None) => Match::One(t.code.clone()),
        (Some(t), Some(Match::One(c))) if c == t.code => Match::One(c),
        (Some(t), Some(Match::One(c))) => Match::Ambiguous(vec![t.code.clone(), c]),
        (Some(t), Some(Match::Ambiguous(mut v))) => {
            if v.contains(&t.code) {
                Match::One(t.code.clone())
            } else {
                v.insert(0, t.code.clone());
                Match::Ambiguous(v)
            }
        }
        (None, Some(m)) => m,
        (Some(t), Some(Match::None)) => Match::One(t.code.clone()),
        (None, None) => Match::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn a_section_named_with_an_item_s_number_is_that_item() {
        let p = plan();
        for t in ["Mục II, nhiệm vụ 3", "Khoản 3 Mục II", "Phần II - Nhiệm vụ 03", "mục II nhiệm vụ số 3"] {
            assert_eq!(task(&p, t), Match::One("NV3".into()), "{t}");
        }
        // (A task's code, as section IV's duties are coded.)
        assert_eq!(task(&p, "Mục IV, điểm 4"), Match::One("IV.4".into()));
        // No such item in the plan, no item, or two: read as before.
        assert_eq!(section_and_item(&p, &fold("Mục II, nhiệm vụ 9")), None);
        assert_eq!(section_and_item(&p, &fold("Mục II")), None);
        assert_eq!(section_and_item(&p, &fold("Mục II, nhiệm vụ 3 và 4")), None);
    }

    fn plan() -> Plan {
        let text = r#"
[plan]
id = "t"
title = "t"
province = "Bắc Giang"
first_year = 2022
last_year = 2030
coordinator = "SNV"
deadline = "25/10"
[[agencies]]
code = "SNV"
name = "Sở Ngoại vụ"
[[agencies]]
code = "SNOIV"
name = "Sở Nội vụ"
[[agencies]]
code = "SVHTTDL"
name = "Sở Văn hóa, Thể thao và Du lịch"
aliases = ["Sở VHTTDL"]
[[agencies]]
code = "BBG"
name = "Báo Bắc Giang"
[[agencies]]
code = "TPBG"
name = "UBND thành phố Bắc Giang"
[[agencies]]
code = "LUCNGAN"
name = "UBND huyện Lục Ngạn"
[[agencies]]
code = "UBMTTQ"
name = "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"
[[agencies]]
code = "SGDDT"
name = "Sở Giáo dục và Đào tạo"
aliases = ["Sở GD&ĐT"]
[[agencies]]
code = "SKHDT"
name = "Sở Kế hoạch và Đầu tư"
aliases = ["Sở KH&ĐT"]
[[agencies]]
code = "SKHCN"
name = "Sở Khoa học và Công nghệ"
aliases = ["Sở KH&CN"]
[[agencies]]
code = "STC"
name = "Sở Tài chính"
[[agencies]]
code = "SCT"
name = "Sở Công Thương"
[[agencies]]
code = "SYT"
name = "Sở Y tế"
[[agencies]]
code = "SNNPTNT"
name = "Sở Nông nghiệp và Phát triển nông thôn"
aliases = ["Sở NN và PTNT"]
until = 2024
successor = "SNNMT"
[[agencies]]
code = "SNNMT"
name = "Sở Nông nghiệp và Môi trường"
aliases = ["Sở NN và MT"]
from = 2025
[[tasks]]
code = "NV1"
title = "Tuyên truyền, quán triệt, nâng cao nhận thức về vị trí, vai trò của ngoại giao văn hóa"
lead = "SNV"
[[tasks]]
code = "NV3"
aliases = ["II.3"]
title = "Phát triển nguồn lực trong lĩnh vực ngoại giao văn hoá"
lead = "SVHTTDL"
[[tasks]]
code = "NV7"
title = "Vận động, đa dạng hoá và bảo tồn, phát huy giá trị di sản văn hóa"
lead = "SVHTTDL"
[[tasks]]
code = "IV.4"
title = "Tổ chức Hội chợ trái cây quốc tế tại tỉnh Bắc Giang"
lead = "SNV"
"#;
        crate::plan::check_text(text, Path::new("t.toml")).plan.unwrap()
    }

    #[test]
    fn a_letter_alone_is_a_lettered_item_only_where_the_plan_letters_its_tasks() {
        // This plan's aliases are numbered ("II.3"): a letter names none of its tasks.
        assert_eq!(task(&plan(), "a"), Match::None);
        let text = r#"
[plan]
id = "t"
title = "t"
province = "Lạng Sơn"
first_year = 2022
last_year = 2025
[[tasks]]
code = "NV1"
aliases = ["II.2.1.a"]
title = "Quảng bá hình ảnh địa phương"
[[tasks]]
code = "NV2"
aliases = ["II.2.1.b"]
title = "Áp dụng khoa học, công nghệ số"
[[tasks]]
code = "NV5"
aliases = ["II.2.2.a"]
title = "Phát triển nguồn nhân lực"
"#;
        let p = crate::plan::check_text(text, Path::new("t.toml")).plan.unwrap();
        assert_eq!(task(&p, "b)"), Match::One("NV2".into()));
        assert_eq!(task(&p, "Điểm b"), Match::One("NV2".into()));
        assert_eq!(task(&p, "a"), Match::Ambiguous(vec!["NV1".into(), "NV5".into()]), "two sections' items a");
        assert_eq!(task(&p, "c"), Match::None);
    }

    #[test]
    fn a_heading_s_few_words_of_a_title() {
        let p = plan();
        assert_eq!(heading_words(&p, "BẢO TỒN DI SẢN"), Match::One("NV7".into()));
        assert_eq!(heading_words(&p, "Hội chợ"), Match::One("IV.4".into()));
        assert_eq!(heading_words(&p, "VĂN HÓA"), Match::None, "in three titles, two words");
        assert_eq!(heading_words(&p, "Khen thưởng"), Match::None);
        assert_eq!(heading_words(&p, "Di sản"), Match::One("NV7".into()));
        // The words sections are named by say no task.
        for h in ["NHIỆM VỤ PHỐI HỢP", "NHIỆM VỤ CHỦ TRÌ", "CÁC HOẠT ĐỘNG KHÁC", "KẾT QUẢ THỰC HIỆN", "HOẠT ĐỘNG ĐỐI NGOẠI"]
        {
            assert_eq!(heading_words(&p, h), Match::None, "{h}");
        }
        assert_eq!(heading_words(&p, "Tuyên"), Match::None, "one word");
    }

    #[test]
    fn work_outside_the_plan_s_tasks_is_told_by_its_words() {
        for t in [
            "Khác",
            "Nhiệm vụ khác",
            "Các nhiệm vụ khác",
            "CÁC HOẠT ĐỘNG KHÁC",
            "Nhiệm vụ phát sinh",
            "Phát sinh",
            "Công việc đột xuất",
            "Nhiệm vụ ngoài kế hoạch",
            "Ngoài KH",
            "Nhiệm vụ khác được giao",
            "Nhiệm vụ bổ sung năm 2024",
            "Khác (ghi rõ)",
            "Nhiệm vụ phát sinh trong năm:",
        ] {
            assert!(outside_plan(t), "{t}");
        }
        for t in [
            "Chung",
            "Nhiệm vụ chung",
            "Nhiệm vụ phối hợp",
            "Hoạt động đối ngoại khác",
            "Nhiệm vụ",
            "Kế hoạch",
            "NV25",
            "Không phát sinh",
            "",
        ] {
            assert!(!outside_plan(t), "{t}");
        }
    }

    #[test]
    fn agencies() {
        let p = plan();
        let idx = AgencyIndex::new(&p);
        let one = |s: &str| Match::One(s.to_string());
        let cases = [
            ("Sở Ngoại vụ", one("SNV")),
            ("SỞ NGOẠI VỤ", one("SNV")),
            ("Sở Nội vụ", one("SNOIV")),
            ("Sở VH,TT&DL", one("SVHTTDL")),
            ("Sở Văn hoá, Thể thao và Du lịch", one("SVHTTDL")),
            // "và" written as a dash, or left out.
            ("Sở Văn hóa - Thể thao - Du lịch", one("SVHTTDL")),
            ("Sở Văn hóa Thể thao Du lịch", one("SVHTTDL")),
            ("SVHTTDL", one("SVHTTDL")),
            // Abbreviations typed together.
            ("Sở VHTT và DL", one("SVHTTDL")),
            ("Sở VHTT&DL tỉnh", one("SVHTTDL")),
            ("UBND TP Bắc Giang", one("TPBG")),
            ("Ủy ban nhân dân huyện Lục Ngạn", one("LUCNGAN")),
            ("UBND H. Lục Ngạn", one("LUCNGAN")),
            // With a point after each letter of the abbreviation.
            ("UBND T.P Bắc Giang", one("TPBG")),
            ("U.B.N.D T.P Bắc Giang", one("TPBG")),
            ("Ủy ban MTTQ Việt Nam tỉnh Bắc Giang", one("UBMTTQ")),
            ("UBMTTQ Việt Nam tỉnh", one("UBMTTQ")),
            ("Phòng Tư pháp", Match::None),
            // A name without the province it ends with; not one of two words ("thành phố"),
            // nor a body's name alone ("Báo").
            ("Ủy ban Mặt trận Tổ quốc Việt Nam", one("UBMTTQ")),
            // A committee's name without "Ủy ban", as the Front signs its reports.
            ("MTTQ tỉnh Bắc Giang", one("UBMTTQ")),
            ("Mặt trận Tổ quốc Việt Nam tỉnh", one("UBMTTQ")),
            ("Nhân dân tỉnh", Match::None),
            ("UBND thành phố", one("TPBG")),
            ("Thành phố", Match::None),
            ("Báo", Match::None),
            // The province by its initials; a department's field cut at "và", where no other
            // agency's is cut so ("Sở KH" is two).
            ("UBND TP BG", one("TPBG")),
            ("Báo BG", one("BBG")),
            ("Sở GD", one("SGDDT")),
            ("Sở KH", Match::None),
            // A department by its field's initials, where no other's are the same.
            ("Sở TC", one("STC")),
            ("SỞ CT", one("SCT")),
            ("Sở KHCN", one("SKHCN")),
            ("Sở YT", one("SYT")),
            ("Sở NV", Match::None),
            ("Số TT", Match::None),
        ];
        for (text, want) in cases {
            assert_eq!(idx.name(text), want, "{text}");
        }
        assert_eq!(idx.within("BaoCao_SVHTTDL_2024.xlsx"), one("SVHTTDL"));
        assert_eq!(idx.within("bao cao bao bac giang 2024"), one("BBG"));
        assert_eq!(idx.within("bao cao chung so ngoai vu va so noi vu"), Match::Ambiguous(vec!["SNOIV".into(), "SNV".into()]));
    }

    #[test]
    fn a_name_shortened_alike_for_a_department_before_and_after_a_merger_is_the_year_s() {
        let plan = plan();
        assert_eq!(AgencyIndex::in_year(&plan, 2024).name("Sở NN"), Match::One("SNNPTNT".into()));
        assert_eq!(AgencyIndex::in_year(&plan, 2025).name("Sở NN"), Match::One("SNNMT".into()));
        // With no year, it is no one's.
        assert_eq!(AgencyIndex::new(&plan).name("Sở NN"), Match::None);
    }

    #[test]
    fn words_typed_together_are_tried_apart() {
        let idx = AgencyIndex::new(&plan());
        for (text, code) in
            [("SoNgoaiVu_2024", "SNV"), ("BC_UBNDhuyenLucNgan", "LUCNGAN"), ("BCBaoBacGiang", "BBG"), ("BaoCaoSoNoiVu", "SNOIV")]
        {
            assert_eq!(idx.within(text), Match::One(code.into()), "{text}");
        }
        assert_eq!(unglued("SKH&CN 2024"), ["SKHCN 2024"]);
        assert_eq!(unglued("UBNDhuyen"), ["UBN Dhuyen", "UBND huyen"]);
        assert!(unglued("Sở Ngoại vụ").is_empty());
        assert_eq!(idx.within("BaoCaoNam2024"), Match::None);
    }

    #[test]
    fn a_district_s_place_name_alone_names_it_in_a_file_s_name() {
        let idx = AgencyIndex::new(&plan());
        for text in [
            "Lục Ngạn",
            "Luc Ngan 2024",
            "BC_LucNgan",
            "BC NGVH - LỤC NGẠN",
            "lucngan",
            "BC_LUCNGAN_2024",
            "UBNDHLUCNGAN",
            "huyenlucngan",
            "bc_lucngan2024",
        ] {
            assert_eq!(idx.place_within(text), Match::One("LUCNGAN".into()), "{text}");
        }
        assert_eq!(idx.name("Lục Ngạn"), Match::One("LUCNGAN".into()));
        // Not the province's name (the town's, "Báo Bắc Giang"'s too), nor in a longer text.
        assert_eq!(idx.place_within("Bắc Giang"), Match::None);
        assert_eq!(idx.within("Đoàn công tác tại Lục Ngạn"), Match::None);
        assert_eq!(idx.place_within("Lục Nam"), Match::None);
        assert_eq!(idx.place_within("songoaivu"), Match::One("SNV".into()));
        assert_eq!(idx.place_within("BC_SONOIVU_2024"), Match::One("SNOIV".into()));
        // Typed together: the whole word only, after nothing but the kind of body.
        assert_eq!(idx.place_within("bacgiang"), Match::None);
        assert_eq!(idx.place_within("xalucngan"), Match::None);
        // A body's name without "Sở" or "Ủy ban", as a file is named; not in a longer text.
        for (text, code) in [
            ("Noi vu.xlsx", "SNOIV"),
            ("BC_NgoaiVu_2024", "SNV"),
            ("Van hoa, The thao va Du lich.xlsx", "SVHTTDL"),
            ("Mat tran To quoc Viet Nam tinh", "UBMTTQ"),
        ] {
            assert_eq!(idx.place_within(text), Match::One(code.into()), "{text}");
        }
        assert_eq!(idx.name("Nội vụ"), Match::One("SNOIV".into()));
        assert_eq!(idx.within("Công tác nội vụ năm 2024"), Match::None);
        // A department's abbreviation alone, as the plan writes it ("Sở VHTTDL") or as the
        // initials of its field: no vowel, four letters or more.
        for text in ["VHTTDL.xlsx", "BC_VHTTDL_2024", "bao cao vhttdl"] {
            assert_eq!(idx.place_within(text), Match::One("SVHTTDL".into()), "{text}");
        }
        assert_eq!(idx.place_within("BC NGVH 2024"), Match::None, "the topic, no agency");
    }

    #[test]
    fn tasks() {
        let p = plan();
        let one = |s: &str| Match::One(s.to_string());
        let cases = [
            ("NV3", one("NV3")),
            ("nv 3", one("NV3")),
            ("3", one("NV3")),
            ("3.", one("NV3")),
            ("Nhiệm vụ 3", one("NV3")),
            ("Nhiệm vụ số 3", one("NV3")),
            ("III", one("NV3")),
            ("IV.4", one("IV.4")),
            ("Nhiệm vụ IV.4: Tổ chức Hội chợ trái cây quốc tế tại tỉnh Bắc Giang", one("IV.4")),
            ("IV.4 - Hội chợ trái cây", one("IV.4")),
            ("IV.4 – Hội chợ trái cây", one("IV.4")),
            ("Nhiệm vụ 3: Phát triển nguồn lực trong lĩnh vực ngoại giao văn hoá", one("NV3")),
            ("Phát triển nguồn lực ngoại giao văn hóa", one("NV3")),
            ("Phát triển nguồn lực NGVH", one("NV3")),
            ("Phát triển nguồn lực trong lĩnh vực NGVH", one("NV3")),
            ("3. Phát triển nguồn lực trong lĩnh vực ngoại giao văn hoá", one("NV3")),
            ("Bảo tồn, phát huy giá trị di sản văn hoá", one("NV7")),
            ("1. Phát triển nguồn lực trong lĩnh vực ngoại giao văn hoá", Match::Ambiguous(vec!["NV1".into(), "NV3".into()])),
            ("Nhiệm vụ thứ 3", one("NV3")),
            ("Nhiệm vụ 3 (NV3)", one("NV3")),
            ("Mục 3", one("NV3")),
            ("Mục IV.4", one("IV.4")),
            // A plan whose section II is its "nội dung" (Lai Châu): its tasks so numbered.
            ("Nội dung 3", one("NV3")),
            ("Nội dung số 3", one("NV3")),
            ("ND3", one("NV3")),
            ("ND 3", one("NV3")),
            ("Nội dung 3: Phát triển nguồn lực trong lĩnh vực ngoại giao văn hoá", one("NV3")),
            ("Nội dung IV.4", one("IV.4")),
            ("Nội dung hoạt động", Match::None),
            ("NV1, NV3", Match::Ambiguous(vec!["NV1".into(), "NV3".into()])),
            ("NV3 và NV7", Match::Ambiguous(vec!["NV3".into(), "NV7".into()])),
            ("NV3\nNV7", Match::Ambiguous(vec!["NV3".into(), "NV7".into()])),
            ("NV3; 3", one("NV3")),
            ("Vận động, đa dạng hoá và bảo tồn, phát huy giá trị di sản văn hóa", one("NV7")),
            ("9", Match::None),
            ("Hoạt động khác", Match::None),
            // The start of one title, cut short; not words two titles start with.
            ("Tuyên truyền, quán triệt, nâng cao nhận thức", one("NV1")),
            ("Vận động, đa dạng hoá", one("NV7")),
            // A range: every task in it, never the first alone.
            ("NV1-NV3", Match::Ambiguous(vec!["NV1".into(), "NV3".into()])),
            ("NV7 đến NV1", Match::Ambiguous(vec!["NV1".into(), "NV3".into(), "NV7".into()])),
            // With the dash Word or autocorrect puts in, an arrow, "Từ … đến …" (each was the
            // first alone, with no finding, or not read).
            ("NV1 – NV3", Match::Ambiguous(vec!["NV1".into(), "NV3".into()])),
            ("NV1—NV3", Match::Ambiguous(vec!["NV1".into(), "NV3".into()])),
            ("NV1 → NV3", Match::Ambiguous(vec!["NV1".into(), "NV3".into()])),
            ("Từ NV1 đến NV3", Match::Ambiguous(vec!["NV1".into(), "NV3".into()])),
            ("Các nhiệm vụ 1, 3", Match::Ambiguous(vec!["NV1".into(), "NV3".into()])),
            ("Các NV 1, 3", Match::Ambiguous(vec!["NV1".into(), "NV3".into()])),
            ("Các nhiệm vụ khác", Match::None),
            ("NV-3", one("NV3")),
            // The agency's part before the code.
            ("Chủ trì NV3", one("NV3")),
            ("Phối hợp thực hiện Nhiệm vụ 3", one("NV3")),
            ("Phối hợp II.3", one("NV3")),
            // Another name the plan gives a task; a section and an item it does not name.
            ("II.3", one("NV3")),
            ("Mục II.3", one("NV3")),
            ("II.3. Phát triển nguồn lực trong lĩnh vực ngoại giao văn hoá", one("NV3")),
            ("III.1", Match::None),
            ("Nhiệm vụ thứ ba", one("NV3")),
            ("II. Nhiệm vụ 3: Phát triển nguồn lực", one("NV3")),
            ("I. Nhiệm vụ 15: Công tác khác", Match::None),
        ];
        for (text, want) in cases {
            assert_eq!(task(&p, text), want, "{text}");
        }
        // Several tasks named as such, in plan order; not two tasks one reference could be.
        let codes = |v: &[&str]| Some(v.iter().map(|c| c.to_string()).collect::<Vec<_>>());
        assert_eq!(several(&p, "NV7, NV1"), codes(&["NV1", "NV7"]));
        assert_eq!(several(&p, "NV1 - NV7"), codes(&["NV1", "NV3", "NV7"]));
        assert_eq!(several(&p, "1. Phát triển nguồn lực trong lĩnh vực ngoại giao văn hoá"), None);
        assert_eq!(several(&p, "NV3; 3"), None);
        assert_eq!(several(&p, "NV1/NV7"), codes(&["NV1", "NV7"]));
        assert_eq!(several(&p, "NV7\nNV1"), codes(&["NV1", "NV7"]));
        assert_eq!(several(&p, "NV7\r\nNhiệm vụ 1"), codes(&["NV1", "NV7"]));
        // A section and its item with a slash for the dot.
        assert_eq!(several(&p, "II/3"), None);
        assert_eq!(task(&p, "II/3"), one("NV3"));
        // A number names a task, found or not; a title does not.
        for (text, want) in
            [("Nhiệm vụ 15: Hợp tác", true), ("NV15", true), ("Nhiệm vụ 3", true), ("NHIỆM VỤ PHỐI HỢP", false), ("15. Hợp tác", false)]
        {
            assert_eq!(numbered(text), want, "{text}");
        }
    }
}
