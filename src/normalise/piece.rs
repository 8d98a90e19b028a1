//! Each accepted file's rows, column by column, kept compact until all files are read and
//! then joined into the rows table without copying a text.
//!
//! A Polars frame per file cost ~10 KB of bookkeeping per file whatever its size (arrays,
//! schemas, and an 8 KiB first block per text column), so memory grew with the number of
//! files; here a file costs its texts, one buffer per column of exactly their size, and
//! 16 bytes a cell. Joining hands those buffers to the table as they are.

use polars::prelude::*;
use polars_arrow::array::{Utf8ViewArray, View};
use polars_arrow::bitmap::Bitmap;
use rayon::prelude::*;

use super::Row;
use crate::schema;

/// Most bytes in one buffer: a view's offset is 32 bits.
const BUFFER_MAX: usize = u32::MAX as usize;

/// One text column of one file: views into `buffers` (one, unless the column holds more
/// than 4 GB of text); a value equal to the one above it points at the same bytes.
pub struct TextPiece {
    views: Vec<View>,
    buffers: Vec<Vec<u8>>,
    /// Which values are present, if any is missing.
    valid: Option<Vec<bool>>,
}

impl TextPiece {
    pub fn new<'a>(values: impl ExactSizeIterator<Item = Option<&'a str>> + Clone) -> TextPiece {
        Self::with_buffers_of(values, BUFFER_MAX)
    }

    fn with_buffers_of<'a>(values: impl ExactSizeIterator<Item = Option<&'a str>> + Clone, most: usize) -> TextPiece {
        let long: usize = values.clone().flatten().map(str::len).filter(|&n| n > View::MAX_INLINE_SIZE as usize).sum();
        let mut piece =
            TextPiece { views: Vec::with_capacity(values.len()), buffers: vec![Vec::with_capacity(long.min(most))], valid: None };
        let mut above: Option<(&str, View)> = None;
        for (i, v) in values.enumerate() {
            let Some(v) = v else {
                piece.valid.get_or_insert_with(|| vec![true; i]).push(false);
                piece.views.push(View::default());
                continue;
            };
            if let Some(valid) = piece.valid.as_mut() {
                valid.push(true);
            }
            // A short value is held in its view: nothing to compare with the one above.
            let view = match above {
                _ if v.len() <= View::MAX_INLINE_SIZE as usize => View::new_inline(v.as_bytes()),
                Some((text, view)) if text == v => view,
                _ => {
                    // A cell holds at most 32,767 characters, so one text always fits a buffer.
                    // Never leaving an empty buffer behind: only the last one can be empty.
                    if piece.buffers.last().is_some_and(|b| !b.is_empty() && b.len() + v.len() > most) {
                        piece.buffers.push(Vec::new());
                    }
                    let index = piece.buffers.len() - 1;
                    let buffer = &mut piece.buffers[index];
                    let offset = buffer.len() as u32;
                    buffer.extend_from_slice(v.as_bytes());
                    View::new_from_bytes(v.as_bytes(), index as u32, offset)
                }
            };
            above = Some((v, view));
            piece.views.push(view);
        }
        piece.buffers.retain(|b| !b.is_empty());
        for b in &mut piece.buffers {
            b.shrink_to_fit();
        }
        piece
    }

    /// The `i`th value, copied out (for the rare look back at a file's rows).
    fn value(&self, i: usize) -> Option<String> {
        if self.valid.as_ref().is_some_and(|v| !v[i]) {
            return None;
        }
        let v = self.views[i];
        let len = v.length as usize;
        let bytes = if len <= View::MAX_INLINE_SIZE as usize {
            v.as_u128().to_le_bytes()[4..4 + len].to_vec()
        } else {
            self.buffers[v.buffer_idx as usize][v.offset as usize..v.offset as usize + len].to_vec()
        };
        String::from_utf8(bytes).ok()
    }

    /// `n` times the same value: one view, the text held once.
    pub fn repeat(v: &str, n: usize) -> TextPiece {
        let mut piece = TextPiece::new(std::iter::once(Some(v)).take(n.min(1)));
        if let Some(&view) = piece.views.first() {
            piece.views = vec![view; n];
        }
        piece
    }

    /// The pieces of one column one under the other, as a column named `name`.
    pub fn join(name: &str, pieces: Vec<TextPiece>) -> PolarsResult<Column> {
        let n = pieces.iter().map(|p| p.views.len()).sum();
        let mut views = Vec::with_capacity(n);
        let mut buffers = Vec::new();
        let any_missing = pieces.iter().any(|p| p.valid.is_some());
        let mut valid: Vec<bool> = Vec::with_capacity(if any_missing { n } else { 0 });
        for p in pieces {
            if any_missing {
                match &p.valid {
                    Some(v) => valid.extend_from_slice(v),
                    None => valid.extend(std::iter::repeat_n(true, p.views.len())),
                }
            }
            let base = u32::try_from(buffers.len()).map_err(|_| polars_err!(ComputeError: "{name}: too many pieces"))?;
            views.extend(p.views.into_iter().map(|mut v| {
                if v.length > View::MAX_INLINE_SIZE {
                    v.buffer_idx += base;
                }
                v
            }));
            buffers.extend(p.buffers.into_iter().map(Into::into));
        }
        let validity = any_missing.then(|| Bitmap::from_iter(valid));
        // Not `try_new`, which checks every view's bytes for UTF-8 one view at a time (200 ms
        // of the way to the activities sheet at L).
        // SAFETY: every view was made from a `&str` by `with_buffers_of`: inline, or pointing at
        // the bytes it appended to its piece's buffer at the index and offset in the view. A
        // piece drops only a trailing empty buffer, which no view points at, and each piece's
        // buffer indexes are moved past the pieces' buffers before it, in the order they are
        // appended here. The validity has one bit per view. (Debug builds check the views.)
        let array =
            unsafe { Utf8ViewArray::new_unchecked_unknown_md(ArrowDataType::Utf8View, views.into(), buffers.into(), validity, None) };
        Ok(StringChunked::with_chunk(name.into(), array).into_column())
    }
}

/// The text columns of the rows table, in its order.
const TEXT: [&str; 14] = [
    schema::AGENCY_CODE,
    schema::AGENCY_AS_WRITTEN,
    schema::FILE,
    schema::SHEET,
    schema::TASK_CODE,
    schema::TASK_AS_WRITTEN,
    schema::ROLE,
    schema::ACTIVITY,
    schema::RESULT,
    schema::STATUS,
    schema::DIFFICULTIES,
    schema::PROPOSALS,
    schema::FLAGS,
    schema::NOTE,
];

/// One accepted file's rows.
pub struct Piece {
    /// In `TEXT` order.
    texts: Vec<TextPiece>,
    row: Vec<u32>,
    budget: Vec<Option<f64>>,
    report_date: Vec<Option<i32>>,
}

impl Piece {
    /// A file's rows, in the order given, with what its record says of them all.
    pub fn new(rows: &[Row], file: &super::FileRecord) -> Piece {
        let n = rows.len();
        let same = |v: &str| -> TextPiece { TextPiece::repeat(v, n) };
        let each = |f: fn(&Row) -> Option<&str>| TextPiece::new(rows.iter().map(f));
        let flags: Vec<String> = rows.iter().map(|r| r.flags.iter().map(|k| k.code()).collect::<Vec<_>>().join(";")).collect();
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid");
        Piece {
            texts: vec![
                same(file.agency_code.as_deref().unwrap_or_default()),
                same(&file.agency_as_written),
                each(|r| Some(r.file.as_str())),
                each(|r| Some(r.sheet.as_str())),
                each(|r| r.task_code.as_deref()),
                each(|r| Some(r.task_as_written.as_str())),
                each(|r| Some(r.role)),
                each(|r| Some(r.activity.as_str())),
                each(|r| Some(r.result.as_str())),
                each(|r| Some(r.status.as_str())),
                each(|r| Some(r.difficulties.as_str())),
                each(|r| Some(r.proposals.as_str())),
                TextPiece::new(flags.iter().map(|f| Some(f.as_str()))),
                each(|r| Some(r.note.as_str())),
            ],
            row: rows.iter().map(|r| r.row).collect(),
            budget: rows.iter().map(|r| r.budget).collect(),
            report_date: vec![file.report_date.map(|d| (d - epoch).num_days() as i32); n],
        }
    }

    /// Its rows' activities, as written.
    pub fn activities(&self) -> Vec<String> {
        let at = TEXT.iter().position(|n| *n == schema::ACTIVITY).expect("the activity is a text column");
        let t = &self.texts[at];
        (0..t.views.len()).filter_map(|i| t.value(i)).collect()
    }

    /// The rows table: the pieces one under the other, columns as `schema::rows()`.
    pub fn table(pieces: Vec<Piece>, plan_id: &str, year: i32) -> PolarsResult<DataFrame> {
        let n: usize = pieces.iter().map(|p| p.row.len()).sum();
        let (mut row, mut budget, mut report_date) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
        let mut by_column: Vec<Vec<TextPiece>> = (0..TEXT.len()).map(|_| Vec::with_capacity(pieces.len())).collect();
        for p in pieces {
            row.extend(p.row);
            budget.extend(p.budget);
            report_date.extend(p.report_date);
            for (column, t) in by_column.iter_mut().zip(p.texts) {
                column.push(t);
            }
        }
        // On Polars' thread pool, the one the rest of the run uses (report::workbook::build).
        let texts = polars_core::runtime::THREAD_POOL.install(|| {
            by_column.into_par_iter().zip(TEXT).map(|(pieces, name)| TextPiece::join(name, pieces)).collect::<PolarsResult<Vec<_>>>()
        })?;
        let mut texts = texts.into_iter();
        let mut text = || texts.next().ok_or_else(|| polars_err!(ComputeError: "a text column is missing"));
        let columns = vec![
            TextPiece::join(schema::PLAN_ID, vec![TextPiece::repeat(plan_id, n)])?,
            Column::new(schema::YEAR.into(), vec![year; n]),
            text()?,
            text()?,
            text()?,
            text()?,
            Column::new(schema::ROW.into(), row),
            text()?,
            text()?,
            text()?,
            text()?,
            text()?,
            text()?,
            Column::new(schema::BUDGET.into(), budget),
            text()?,
            text()?,
            Column::new(schema::REPORT_DATE.into(), report_date).cast(&DataType::Date)?,
            text()?,
            text()?,
        ];
        let df = DataFrame::new(n, columns)?;
        schema::ensure(&df, &schema::rows(), "rows")?;
        Ok(df)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_reads_back_whole_inline_or_from_its_buffer() {
        let long = "Tổ chức hội nghị quán triệt Chiến lược ngoại giao văn hóa";
        let t = TextPiece::new([Some("Hội chợ"), Some(long), Some(long), None].into_iter());
        let got: Vec<Option<String>> = (0..4).map(|i| t.value(i)).collect();
        assert_eq!(got, [Some("Hội chợ".to_string()), Some(long.to_string()), Some(long.to_string()), None]);
    }

    fn read(c: &Column) -> Vec<Option<&str>> {
        c.str().unwrap().iter().collect()
    }

    #[test]
    fn each_text_is_held_once_and_reads_back_whole() {
        let long = "Tổ chức hội nghị xúc tiến du lịch";
        let x13 = "x".repeat(13);
        let values = [Some(long), Some(long), Some("ngắn"), Some(""), Some(long), Some(x13.as_str())];
        let column = TextPiece::join("t", vec![TextPiece::new(values.iter().copied())]).unwrap();
        assert_eq!(read(&column), values);
        // The two first copies share their bytes; the fifth, after other values, is stored again.
        let chunk = column.str().unwrap().downcast_iter().next().unwrap();
        assert_eq!(chunk.total_buffer_len(), 2 * long.len() + 13);
        assert_eq!(chunk.data_buffers().iter().map(|b| b.len()).sum::<usize>(), chunk.total_buffer_len());
    }

    #[test]
    fn a_repeated_value_is_held_once_however_often_it_is_read() {
        let long = "Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Giang";
        let pieces = vec![TextPiece::repeat(long, 3), TextPiece::repeat("ngắn", 2), TextPiece::repeat(long, 0), TextPiece::repeat("", 1)];
        let column = TextPiece::join("t", pieces).unwrap();
        assert_eq!(read(&column), [Some(long), Some(long), Some(long), Some("ngắn"), Some("ngắn"), Some("")]);
        // The long text once: none for the short ones, nor for the piece of no rows.
        assert_eq!(column.str().unwrap().downcast_iter().next().unwrap().total_buffer_len(), long.len());
    }

    #[test]
    fn pieces_join_in_order_with_their_missing_values() {
        let a = TextPiece::new([Some("một hoạt động dài dòng"), Some("b")].into_iter());
        let b = TextPiece::new([None, Some("một hoạt động khác, cũng dài")].into_iter());
        let empty = TextPiece::new(std::iter::empty());
        let column = TextPiece::join("t", vec![empty, a, b]).unwrap();
        assert_eq!(read(&column), [Some("một hoạt động dài dòng"), Some("b"), None, Some("một hoạt động khác, cũng dài")]);
        assert_eq!(column.n_chunks(), 1);
    }

    #[test]
    fn a_column_past_one_buffer_goes_on_in_another() {
        let texts = ["một hoạt động dài dòng", "hoạt động thứ hai, dài", "thứ ba, cũng đủ dài"];
        let long = TextPiece::with_buffers_of(texts.iter().map(|t| Some(*t)), 40);
        assert_eq!(long.buffers.len(), 3);
        let column = TextPiece::join("t", vec![TextPiece::new([Some("đầu tiên, một văn bản dài")].into_iter()), long]).unwrap();
        assert_eq!(read(&column), [Some("đầu tiên, một văn bản dài"), Some(texts[0]), Some(texts[1]), Some(texts[2])]);
        // A first text longer than a buffer's limit goes into the first buffer, which is never
        // left empty before another: every view points at a buffer that is kept.
        let over =
            TextPiece::with_buffers_of([Some("một văn bản dài hơn giới hạn của một bộ đệm"), Some("ngắn"), Some(texts[2])].into_iter(), 20);
        assert!(over.buffers.iter().all(|b| !b.is_empty()));
        let column = TextPiece::join("t", vec![over]).unwrap();
        assert_eq!(read(&column), [Some("một văn bản dài hơn giới hạn của một bộ đệm"), Some("ngắn"), Some(texts[2])]);
    }

    #[test]
    fn no_pieces_make_an_empty_table_of_the_right_shape() {
        let df = Piece::table(Vec::new(), "bac-giang-ngvh-2030", 2024).unwrap();
        assert_eq!(df.height(), 0);
        schema::ensure(&df, &schema::rows(), "rows").unwrap();
    }
}
