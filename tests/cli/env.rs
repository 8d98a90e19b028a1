//! A test environment: fixtures copied into a temporary folder (inputs are never touched),
//! the real binary run there with a fixed `--as-of`, and helpers to read outputs back.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{open_workbook_auto, Data, Reader};

pub const PLAN_ID: &str = "bac-giang-ngvh-2030";
pub const AS_OF: &str = "2024-11-20";

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub struct Env {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

impl Env {
    /// An empty project folder with the shipped plans.
    pub fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        copy_dir(&repo().join("inputs/plans"), &root.join("inputs/plans"));
        Env { _dir: dir, root }
    }

    /// With the shipped example submissions of a year.
    pub fn example(year: i32) -> Env {
        let env = Env::new();
        copy_dir(&repo().join(format!("inputs/{PLAN_ID}/{year}")), &env.year_dir(year));
        env
    }

    /// Copies every file of a folder of the repository into this project's year folder.
    pub fn copy_into_year(&self, year: i32, from: &str) -> PathBuf {
        let dir = self.year_dir(year);
        copy_dir(&repo().join(from), &dir);
        dir
    }

    pub fn year_dir(&self, year: i32) -> PathBuf {
        self.root.join(format!("inputs/{PLAN_ID}/{year}"))
    }

    pub fn out_dir(&self, year: i32) -> PathBuf {
        self.root.join(format!("outputs/{PLAN_ID}/{year}"))
    }

    /// Runs tonghop in the project folder.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_tonghop")).args(args).current_dir(&self.root).env("NO_COLOR", "1").output().unwrap()
    }

    /// `tonghop run` on the Bắc Giang plan for a year, checked to succeed.
    pub fn run_year(&self, year: i32, extra: &[&str]) -> Output {
        let y = year.to_string();
        let mut args = vec!["run", "--plan", "inputs/plans/bac-giang.toml", "--year", &y];
        if !extra.contains(&"--as-of") {
            args.extend_from_slice(&["--as-of", AS_OF]);
        }
        args.extend_from_slice(extra);
        let out = self.run(&args);
        assert_ok(&out, &args);
        out
    }

    pub fn workbook(&self, year: i32) -> PathBuf {
        self.out_dir(year).join(format!("tong-hop-{PLAN_ID}-{year}.xlsx"))
    }

    pub fn csv(&self, year: i32, name: &str) -> Vec<BTreeMap<String, String>> {
        read_csv(&self.out_dir(year).join(name))
    }
}

/// The named columns of each CSV row, in order: what a test compares.
pub fn pick<'a, const N: usize>(rows: &'a [BTreeMap<String, String>], columns: [&str; N]) -> Vec<[&'a str; N]> {
    rows.iter().map(|r| columns.map(|c| r[c].as_str())).collect()
}

/// Writes a one-sheet report: its lines above the table, one per row from the first, then
/// a blank row, the table's header and its rows; every cell as text.
pub fn write_report(path: &Path, lines: &[&str], header: &[&str], rows: &[&[&str]]) {
    let mut cells: Vec<Vec<String>> = lines.iter().map(|l| vec![l.to_string()]).collect();
    cells.push(Vec::new());
    cells.extend(grid(&[header]));
    cells.extend(grid(rows));
    write_sheets(path, &[("Sheet1", cells)]);
}

/// Writes a workbook of named sheets, each a grid of texts from its first cell.
pub fn write_sheets(path: &Path, sheets: &[(&str, Vec<Vec<String>>)]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, cells) in sheets {
        let ws = wb.add_worksheet().set_name(*name).unwrap();
        for (r, row) in cells.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                ws.write_string(r as u32, c as u16, v).unwrap();
            }
        }
    }
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    wb.save(path).unwrap();
}

/// A grid of texts, as `write_sheets` takes it.
pub fn grid(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter().map(|r| r.iter().map(|t| t.to_string()).collect()).collect()
}

/// Fails with the command, status, stdout and stderr when a run did not succeed.
pub fn assert_ok(out: &Output, args: &[&str]) {
    assert!(
        out.status.success(),
        "tonghop {}\nstatus: {:?}\nstdout:\n{}\nstderr:\n{}",
        args.join(" "),
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A part of a zip archive (an .xlsx), as text.
pub fn zip_part(path: &Path, name: &str) -> String {
    let data = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(data)).unwrap();
    let mut s = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).unwrap_or_else(|e| panic!("{name}: {e}")), &mut s).unwrap();
    s
}

/// A CSV file as rows of column → value (quoted fields with commas handled).
pub fn read_csv(path: &Path) -> Vec<BTreeMap<String, String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut records = parse_csv(&text).into_iter();
    let header = records.next().unwrap_or_default();
    records.map(|r| header.iter().cloned().zip(r).collect()).collect()
}

fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// A cell as text, the way the golden dumps show it.
pub fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        Data::DateTime(dt) => dt.as_datetime().map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
        other => other.to_string(),
    }
}

/// A sheet of a workbook as a grid of texts.
pub fn sheet(path: &Path, name: &str) -> Vec<Vec<String>> {
    let mut wb = open_workbook_auto(path).unwrap();
    let range = wb.worksheet_range(name).unwrap_or_else(|e| panic!("sheet {name}: {e}"));
    range.rows().map(|r| r.iter().map(cell_text).collect()).collect()
}

/// The row of a sheet whose cells include `needle`.
pub fn row_with<'a>(grid: &'a [Vec<String>], needle: &str) -> &'a Vec<String> {
    grid.iter().find(|r| r.iter().any(|c| c == needle)).unwrap_or_else(|| panic!("no row with {needle:?}"))
}

/// Every non-empty cell of every sheet as `Sheet!A1<TAB>value`, for golden comparisons.
pub fn dump(path: &Path) -> String {
    let mut wb = open_workbook_auto(path).unwrap();
    let mut out = String::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).unwrap();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (i, row) in range.rows().enumerate() {
            for (j, d) in row.iter().enumerate() {
                let t = cell_text(d);
                if !t.is_empty() {
                    out.push_str(&format!("{name}!{}\t{}\n", a1(r0 + i as u32, c0 + j as u32), t.replace('\n', "\\n")));
                }
            }
        }
    }
    out
}

fn a1(row: u32, col: u32) -> String {
    let mut name = String::new();
    let mut c = col + 1;
    while c > 0 {
        name.insert(0, char::from(b'A' + ((c - 1) % 26) as u8));
        c = (c - 1) / 26;
    }
    format!("{name}{}", row + 1)
}

/// Compares text to a reviewed file under tests/golden/; `UPDATE_GOLDEN=1` rewrites it.
pub fn golden(name: &str, actual: &str) {
    let path = repo().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{} missing: run UPDATE_GOLDEN=1 cargo test", path.display()));
    if want != actual {
        let diff: Vec<String> =
            want.lines().zip(actual.lines()).filter(|(a, b)| a != b).take(10).map(|(a, b)| format!("- {a}\n+ {b}")).collect();
        panic!(
            "{name} differs from the golden file ({} vs {} lines); first differences:\n{}\nReview, then UPDATE_GOLDEN=1 cargo test",
            want.lines().count(),
            actual.lines().count(),
            diff.join("\n")
        );
    }
}
