//! Formulas an .xlsx holds with no value saved (a workbook a script wrote, as openpyxl writes
//! "=20+30" and no result; Excel and LibreOffice save every formula's result). Where one is
//! arithmetic on figures and on cells of its own sheet ("=15+15", "=F5*2", "=SUM(F5:F9)"),
//! its value is worked out as a spreadsheet program would; any other is left marked, to be
//! flagged `formula_no_value`.

use calamine::{Data, Range};

use super::NO_VALUE;

/// Works out the value of every cell of `range` marked as a formula with no value
/// (`NO_VALUE` and its text) that is arithmetic on figures and on the sheet's own cells,
/// in rounds, so that a total of totals is worked out after them.
pub fn evaluate(range: &mut Range<Data>) {
    let Some((row0, col0)) = range.start() else { return };
    let mut pending: Vec<(u32, u32)> = range
        .used_cells()
        .filter(|(_, _, d)| matches!(d, Data::String(s) if s.starts_with(NO_VALUE)))
        .map(|(r, c, _)| (row0 + r as u32, col0 + c as u32))
        .collect();
    // (A formula needs at most as many rounds as the chain of formulas it reads.)
    while !pending.is_empty() {
        let mut done = Vec::new();
        for &at in &pending {
            let Some(Data::String(s)) = range.get_value(at) else { continue };
            let text = s.trim_start_matches(NO_VALUE).trim_start_matches('=').to_string();
            if let Some(v) = Parser::new(&text, range).whole() {
                done.push((at, Data::Float(v)));
            } else if let Some(t) = Parser::new(&text, range).joined() {
                done.push((at, Data::String(t)));
            }
        }
        if done.is_empty() {
            return;
        }
        for (at, v) in done {
            range.set_value(at, v);
            pending.retain(|p| *p != at);
        }
    }
}

/// Why a cell gives no number: not worked out yet (a formula still marked), or it is no
/// figure (a text: none in arithmetic, nothing in a sum).
enum NoNumber {
    Pending,
    Text,
}

struct Parser<'a> {
    text: &'a [u8],
    at: usize,
    range: &'a Range<Data>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, range: &'a Range<Data>) -> Parser<'a> {
        Parser { text: text.as_bytes(), at: 0, range }
    }

    /// The formula's value, where the whole of it is read and is finite.
    fn whole(mut self) -> Option<f64> {
        let v = self.expr()?;
        self.blanks();
        (self.at == self.text.len() && v.is_finite()).then_some(v)
    }

    /// The formula's text, where the whole of it is texts in quotes, cells and figures
    /// joined by "&" (`="1 đoàn, "&D5`), or one of them alone (`=D5`, `="Hoàn thành"`).
    fn joined(mut self) -> Option<String> {
        let mut out = String::new();
        loop {
            self.blanks();
            if self.text.get(self.at) == Some(&b'"') {
                self.at += 1;
                loop {
                    let end = self.at + self.text.get(self.at..)?.iter().position(|b| *b == b'"')?;
                    out.push_str(std::str::from_utf8(&self.text[self.at..end]).ok()?);
                    self.at = end + 1;
                    // ("" is a quote within the text.)
                    if self.text.get(self.at) != Some(&b'"') {
                        break;
                    }
                    out.push('"');
                    self.at += 1;
                }
            } else if let Some(v) = self.number() {
                out.push_str(&crate::normalise::fmt_num(v));
            } else {
                let at = self.reference()?;
                match self.range.get_value(at) {
                    None | Some(Data::Empty) => {}
                    Some(Data::String(s)) if s.starts_with(NO_VALUE) => return None,
                    Some(Data::String(s)) => out.push_str(s),
                    Some(Data::Float(f)) => out.push_str(&crate::normalise::fmt_num(*f)),
                    Some(Data::Int(i)) => out.push_str(&i.to_string()),
                    Some(_) => return None,
                }
            }
            if !self.eat(b'&') {
                break;
            }
        }
        self.blanks();
        (self.at == self.text.len()).then_some(out)
    }

    fn blanks(&mut self) {
        while self.text.get(self.at).is_some_and(|b| *b == b' ') {
            self.at += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.blanks();
        let found = self.text.get(self.at) == Some(&b);
        if found {
            self.at += 1;
        }
        found
    }

    fn expr(&mut self) -> Option<f64> {
        let mut v = self.term()?;
        loop {
            if self.eat(b'+') {
                v += self.term()?;
            } else if self.eat(b'-') {
                v -= self.term()?;
            } else {
                return Some(v);
            }
        }
    }

    fn term(&mut self) -> Option<f64> {
        let mut v = self.factor()?;
        loop {
            if self.eat(b'*') {
                v *= self.factor()?;
            } else if self.eat(b'/') {
                let d = self.factor()?;
                if d == 0.0 {
                    return None;
                }
                v /= d;
            } else {
                return Some(v);
            }
        }
    }

    fn factor(&mut self) -> Option<f64> {
        if self.eat(b'-') {
            return self.factor().map(|v| -v);
        }
        if self.eat(b'+') {
            return self.factor();
        }
        let mut v = if self.eat(b'(') {
            let v = self.expr()?;
            self.eat(b')').then_some(v)?
        } else if let Some(v) = self.number() {
            v
        } else if self.word("SUM") {
            self.sum()?
        } else {
            let at = self.reference()?;
            self.value(at, false).ok()?
        };
        if self.eat(b'%') {
            v /= 100.0;
        }
        Some(v)
    }

    fn number(&mut self) -> Option<f64> {
        self.blanks();
        let start = self.at;
        while self.text.get(self.at).is_some_and(|b| b.is_ascii_digit() || *b == b'.') {
            self.at += 1;
        }
        // (A reference's letters come first: "F5" is no number.)
        let v = std::str::from_utf8(&self.text[start..self.at]).ok()?.parse().ok();
        if v.is_none() {
            self.at = start;
        }
        v
    }

    /// A function's name and its opening bracket, in any case.
    fn word(&mut self, name: &str) -> bool {
        self.blanks();
        let end = self.at + name.len();
        let found =
            self.text.get(self.at..end).is_some_and(|w| w.eq_ignore_ascii_case(name.as_bytes())) && self.text.get(end) == Some(&b'(');
        if found {
            self.at = end + 1;
        }
        found
    }

    /// "SUM(" read: its arguments, each a range, a cell or an expression, and the closing
    /// bracket. A range's texts and blanks add nothing, as in a spreadsheet.
    fn sum(&mut self) -> Option<f64> {
        let mut total = 0.0;
        loop {
            let mark = self.at;
            match self.reference() {
                Some(a) if self.eat(b':') => {
                    let b = self.reference()?;
                    for row in a.0.min(b.0)..=a.0.max(b.0) {
                        for col in a.1.min(b.1)..=a.1.max(b.1) {
                            match self.value((row, col), true) {
                                Ok(v) => total += v,
                                Err(NoNumber::Text) => {}
                                Err(NoNumber::Pending) => return None,
                            }
                        }
                    }
                }
                _ => {
                    self.at = mark;
                    total += self.expr()?;
                }
            }
            if self.eat(b')') {
                return Some(total);
            }
            if !self.eat(b',') && !self.eat(b';') {
                return None;
            }
        }
    }

    /// A cell of the sheet by its A1 name ("F5", "$F$5"), 0-based (row, column). Not one
    /// of another sheet ("Sheet2!F5"): the name stops short of the "!", and the formula is
    /// not read whole.
    fn reference(&mut self) -> Option<(u32, u32)> {
        self.blanks();
        let start = self.at;
        self.eat(b'$');
        let mut col: u32 = 0;
        let letters = self.at;
        while let Some(b) = self.text.get(self.at).filter(|b| b.is_ascii_alphabetic()) {
            col = col.checked_mul(26)?.checked_add(u32::from(b.to_ascii_uppercase() - b'A') + 1)?;
            self.at += 1;
        }
        let letters = self.at - letters;
        self.eat(b'$');
        let digits = self.at;
        let mut row: u32 = 0;
        while let Some(b) = self.text.get(self.at).filter(|b| b.is_ascii_digit()) {
            row = row.checked_mul(10)?.checked_add(u32::from(b - b'0'))?;
            self.at += 1;
        }
        if !(1..=3).contains(&letters) || self.at == digits || row == 0 || self.text.get(self.at) == Some(&b'!') {
            self.at = start;
            return None;
        }
        Some((row - 1, col - 1))
    }

    /// A cell's number. Figures typed as text count in arithmetic ("10" + 5), not in a
    /// range summed (`in_range`), as in a spreadsheet.
    fn value(&self, at: (u32, u32), in_range: bool) -> Result<f64, NoNumber> {
        match self.range.get_value(at) {
            None | Some(Data::Empty) => Ok(0.0),
            Some(Data::Float(f)) => Ok(*f),
            Some(Data::Int(i)) => Ok(*i as f64),
            Some(Data::Bool(b)) => Ok(f64::from(u8::from(*b))),
            Some(Data::String(s)) if s.starts_with(NO_VALUE) => Err(NoNumber::Pending),
            Some(Data::String(s)) if !in_range => s.trim().parse().map_err(|_| NoNumber::Text),
            Some(_) => Err(NoNumber::Text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(cells: &[((u32, u32), Data)]) -> Range<Data> {
        let mut r = Range::new((0, 0), (9, 9));
        for (at, d) in cells {
            r.set_value(*at, d.clone());
        }
        r
    }

    fn marked(f: &str) -> Data {
        Data::String(format!("{NO_VALUE}{f}"))
    }

    #[test]
    fn arithmetic_on_figures_and_the_sheet_s_cells_is_worked_out() {
        let mut r = sheet(&[
            ((4, 5), Data::Float(30.0)),
            ((5, 5), Data::Int(10)),
            ((6, 5), Data::String("Lồng ghép".into())),
            ((6, 6), Data::String("5".into())),
            ((7, 5), marked("=SUM(F5:F7)")),
            ((8, 5), marked("=F8*2")),
            ((0, 0), marked("=15+15")),
            ((0, 1), marked("=(10 - 4) / 3 + -1")),
            ((0, 2), marked("=sum($F$5,F6, 2)")),
            ((0, 3), marked("=50%*F5")),
            // Figures typed as text count in arithmetic, not in a range summed.
            ((0, 4), marked("=G7+1")),
            ((0, 5), marked("=SUM(F7:G7)")),
            ((2, 0), marked("=\"1 đoàn, \"&\"12 người\"")),
            ((2, 1), marked("=F7")),
            ((2, 2), marked("=\"Kinh phí: \" & F5 & \" triệu, \"\"NS\"\"\"")),
            // Not worked out: another sheet, a function not read, a division by zero, text.
            ((1, 0), marked("=Sheet2!A1")),
            ((1, 1), marked("=ROUND(F5,0)")),
            ((1, 2), marked("=F5/0")),
            ((1, 3), marked("=F5+F7")),
        ]);
        evaluate(&mut r);
        let v = |at| r.get_value(at).cloned();
        assert_eq!(v((7, 5)), Some(Data::Float(40.0)));
        assert_eq!(v((8, 5)), Some(Data::Float(80.0)), "a formula over one worked out");
        assert_eq!(v((0, 0)), Some(Data::Float(30.0)));
        assert_eq!(v((0, 1)), Some(Data::Float(1.0)));
        assert_eq!(v((0, 2)), Some(Data::Float(42.0)));
        assert_eq!(v((0, 3)), Some(Data::Float(15.0)));
        assert_eq!(v((0, 4)), Some(Data::Float(6.0)));
        // Texts joined, or a cell's text alone.
        assert_eq!(v((2, 0)), Some(Data::String("1 đoàn, 12 người".into())));
        assert_eq!(v((2, 1)), Some(Data::String("Lồng ghép".into())));
        assert_eq!(v((2, 2)), Some(Data::String("Kinh phí: 30 triệu, \"NS\"".into())));
        assert_eq!(v((0, 5)), Some(Data::Float(0.0)));
        for (at, f) in [((1, 0), "=Sheet2!A1"), ((1, 1), "=ROUND(F5,0)"), ((1, 2), "=F5/0"), ((1, 3), "=F5+F7")] {
            assert_eq!(v(at), Some(marked(f)), "{f}");
        }
    }
}
