//! Reports not typed as a table: a Word report pasted into a sheet (lines under tasks'
//! headings, labelled lines, a numbered list pasted a number per cell), a form filled in as
//! cards, a table on its side, and a table with a column per task and field (a form's
//! answers). Each is turned into the header and rows a table would give, for `read_rows`.
//! Does not own: reading the rows so made (the parent module's `read_rows`).

use super::*;

/// A report typed as lines with no table at all (a Word report pasted into a sheet): each
/// line under a task's heading ("1. Nhiệm vụ 1: Tuyên truyền…", "NV4 - …") is an activity of
/// that task ("- Đã tổ chức 2 hội nghị…"), down to the next heading, a section of
/// difficulties or proposals, another numbered section ("III. PHƯƠNG HƯỚNG…"), or the
/// signing block. A line labelled with a field ("- Kết quả: 200 đại biểu", "Kinh phí: 10
/// triệu"), or a label in a cell of its own with its value beside it ("Tình trạng | Hoàn
/// thành", a form filled in as cards), gives that field of the activity above it, or starts
/// one; "Nội dung:" starts an activity, "Nhiệm vụ:" names the task. Under a card, another
/// short label ("Địa điểm:") goes to its note. A label with values in several cells beside
/// it is a table on its side ("Nhiệm vụ | NV1 | NV2", "Nội dung | Hội nghị | Tọa đàm"): a
/// column an activity. The sheet's header and rows, as a table would give them; `None`
/// where no line is under a task's heading.
pub(super) fn lines_table(
    plan: &Plan,
    year: i32,
    cache: &TextCache,
    sheet: &SheetData,
) -> Option<(crate::ingest::header::Header, Vec<crate::ingest::RawRow>)> {
    use crate::ingest::header::{Column, Header};
    use crate::ingest::RawRow;
    // Columns of the fields labelled lines give, past any sheet's: findings on their cells
    // name where each stands (`RawRow::places`).
    const LABELLED: u32 = LABELLED_COLUMN;
    const UNLABELLED: u32 = LABELLED + 32;
    let mut rows: Vec<RawRow> = Vec::new();
    // The task's heading or label above: where it stands (0-based row, column), as written.
    let mut current: Option<(u32, u32, String)> = None;
    // Where the rows under the current heading start; whether the last one is a card (made
    // or added to by a label).
    let (mut since, mut card) = (0, false);
    // Whether that card's labels stand in cells of their own, their values beside them.
    let mut cell_card = false;
    let mut labels: Vec<(Field, String)> = Vec::new();
    let mut others: Vec<(u32, String)> = Vec::new();
    // A table on its side: its columns of values.
    let mut across: Vec<Across> = Vec::new();
    let (mut activity_col, mut first_row) = (None, None);
    // Whether a heading or a label names one of the plan's tasks; whether the lines are under
    // a section of the work done.
    let (mut named_task, mut within) = (false, false);
    for line in lines_of(&sheet.top).iter().map(Vec::as_slice) {
        let row = line[0].row;
        // A line is the first text of its row; a value may stand beside it.
        let Some(k) = line.iter().position(|c| matches!(&c.cell, Cell::Text(t) if !t.trim().is_empty())) else { continue };
        let (tc, beside) = (&line[k], line[k + 1..].iter().find(|c| !c.cell.is_empty()));
        let Cell::Text(t) = &tc.cell else { continue };
        let t = t.trim();
        let body = strip_section_label(t);
        // (A heading naming a task the plan has not, "Nhiệm vụ 25", heads lines still: they
        // are flagged, not passed over.)
        if matching::numbered(body) || code_heading(plan, cache, body) {
            if !matches!(cache.resolve(plan, body), Match::None) {
                first_row.get_or_insert(tc.row);
                named_task = true;
            }
            current = Some((tc.row, tc.col, t.to_string()));
            (since, card, cell_card) = (rows.len(), false, false);
            across.clear();
            rows.extend(heading_row(current.as_ref(), &line[k + 1..], &mut activity_col));
            // What was done, after the task's code ("2. NV4: Đón 3 đoàn nghệ thuật Hàn
            // Quốc"), not its title: an activity of it. It was dropped.
            if let Some(done) = activity_after_code(plan, body) {
                activity_col.get_or_insert(tc.col);
                rows.push(line_row(tc, Cell::Text(t.to_string()), done, Vec::new(), vec![(TASK, tc.row, tc.col)]));
            }
            continue;
        }
        // A heading of the report's own numbering that is a task's title, shortened ("1.
        // Tuyên truyền, quán triệt…", "II. QUẢNG BÁ HÌNH ẢNH…"): that task's; not a line of
        // what was done ("- …", a sentence ending in a point).
        // (Where its words are in several titles, its lines are flagged, not passed over.)
        // (An item under the task's heading in its title's words, "1. Quảng bá hình ảnh vùng
        // đất" under that task's, is one of its lines.)
        // (A section in Roman figures is a heading still: it would end the task.)
        let roman = || t.split(['.', ')']).next().is_some_and(|l| crate::text::roman(l.trim()).is_some());
        let same =
            |m: &Match| !roman() && current.as_ref().is_some_and(|(_, _, w)| matches!(m, Match::One(_)) && cache.resolve(plan, w) == *m);
        if let Some(m) = title_heading(plan, t, body).filter(|m| !same(m)) {
            first_row.get_or_insert(tc.row);
            named_task = true;
            // (Written as the reader finds it again: the heading, where it names the task.)
            let found = |w: &str| matches!(&m, Match::One(code) if cache.resolve(plan, w) == Match::One(code.clone()));
            let written = match &m {
                _ if found(t) => t.to_string(),
                _ if found(body) => body.to_string(),
                Match::One(code) => code.clone(),
                // (Not its number, the report's own: "III." is no NV3.)
                _ => body.to_string(),
            };
            current = Some((tc.row, tc.col, written));
            (since, card, cell_card) = (rows.len(), false, false);
            across.clear();
            rows.extend(heading_row(current.as_ref(), &line[k + 1..], &mut activity_col));
            continue;
        }
        // A heading of work outside the plan's tasks ("III. NHIỆM VỤ KHÁC", "Nhiệm vụ phát
        // sinh:"): its lines are that work, flagged so, down to the next heading. (They were
        // lines of no task, `task_missing`, or of the task above.)
        if matching::outside_plan(body) {
            current = Some((tc.row, tc.col, body.trim_end_matches(':').trim_end().to_string()));
            (since, card, cell_card) = (rows.len(), false, false);
            across.clear();
            continue;
        }
        // (A section numbered in Roman figures, "III. PHƯƠNG HƯỚNG…", ends the task; an item
        // lettered or numbered under it, "a) Tổ chức…", "1. Đón đoàn…", is one of its lines.)
        let roman_section = body != t
            && t.split(['.', ')']).next().is_some_and(|l| crate::text::roman(l.trim()).is_some() && !l.contains(char::is_lowercase));
        // (A card's difficulties or proposals, their label in a cell and the text beside it,
        // are the card's, not a section of the report's.)
        let text = strip_section_label(t.trim_start_matches(BULLETS).trim());
        // (So are a labelled line's under a card, "+ Kiến nghị: …" below "- Nội dung: …".)
        let under_card = card && rows.len() > since;
        let card_narrative = || {
            labelled(text, (tc.row, tc.col), beside, under_card)
                .is_some_and(|l| (under_card || l.3 != (tc.row, tc.col)) && matches!(l.0, Some(Field::Difficulties | Field::Proposals)))
        };
        let ends = roman_section
            || narrative::heading(t).is_some() && !card_narrative()
            || crate::ingest::form::signing_line(t).is_some()
            || crate::text::fold_within(t, 40).is_some_and(|k| k.starts_with("noi nhan"));
        if ends {
            current = None;
            // (A section in Roman figures of no work done ends the lines read; one in its
            // own words, "II. LĨNH VỰC VĂN HÓA", is read as one of the work done: its lines
            // were dropped.)
            within = roman_section && !closed_section(t, body, year);
            continue;
        }
        // A label with values in several cells beside it: a table turned on its side, each
        // column one activity ("Nhiệm vụ | NV1 | NV2", "Nội dung | Hội nghị | Tọa đàm").
        let values: Vec<&crate::ingest::TopCell> = line[k + 1..].iter().filter(|c| !c.cell.is_empty()).collect();
        // (One value under one of the columns, the others left blank, is the table's too.)
        let under = |v: &&crate::ingest::TopCell| across.iter().any(|a| a.col == v.col);
        let across_label = match values.as_slice() {
            [first, _, ..] | [first] if values.len() > 1 || under(first) => {
                // (Another label, "Địa điểm | Hội trường | Nhà văn hóa", under the columns'
                // activities: their notes.)
                let open = |v: &&crate::ingest::TopCell| across.iter().any(|a| a.col == v.col && a.row.is_some());
                let other = values.iter().all(open);
                labelled(text, (tc.row, tc.col), Some(first), other).filter(|l| l.3 == (first.row, first.col))
            }
            _ => None,
        };
        if let Some((None, label, _, _)) = &across_label {
            let col = other_column(&mut others, label);
            for v in &values {
                if let Some(r) = across.iter().find(|a| a.col == v.col).and_then(|a| a.row) {
                    rows[r].extra.push((col, v.cell.clone()));
                    rows[r].places.push((col, v.row, v.col));
                }
            }
            continue;
        }
        if let Some((Some(f), label, _, _)) = across_label {
            if f == Field::Task {
                across = values.iter().map(|v| Across { col: v.col, task: Some((v.row, v.cell.text())), row: None }).collect();
                if values.iter().any(|v| !matches!(cache.resolve(plan, &v.cell.text()), Match::None)) {
                    first_row.get_or_insert(row);
                    named_task = true;
                }
                current = None;
                continue;
            }
            if !labels.iter().any(|(g, _)| *g == f) {
                labels.push((f, label));
            }
            for v in values {
                let n = match across.iter().position(|a| a.col == v.col) {
                    Some(n) => n,
                    None => {
                        across.push(Across { col: v.col, task: None, row: None });
                        across.len() - 1
                    }
                };
                let open = across[n].row.filter(|&r: &usize| !rows[r].cells.iter().any(|(g, _, _)| *g == f));
                let virt = if f == Field::Activity { v.col } else { LABELLED + f as u32 };
                match open {
                    Some(r) => {
                        rows[r].cells.push((f, virt, v.cell.clone()));
                        rows[r].places.push((virt, v.row, v.col));
                    }
                    None => {
                        // Its task: the column's, else the heading's above, else none
                        // (flagged).
                        let (task, place) = match (&across[n].task, &current) {
                            (Some((r, w)), _) => (Cell::Text(w.clone()), (TASK, *r, v.col)),
                            (None, Some((r, col, w))) => (Cell::Text(w.clone()), (TASK, *r, *col)),
                            (None, None) => (Cell::Empty, (TASK, row, tc.col)),
                        };
                        let task = (Field::Task, TASK, task);
                        first_row.get_or_insert(row);
                        let mut places = vec![place];
                        if virt != v.col {
                            places.push((virt, v.row, v.col));
                        } else {
                            activity_col.get_or_insert(v.col);
                        }
                        rows.push(RawRow { row, cells: vec![task, (f, virt, v.cell.clone())], extra: Vec::new(), within: None, places });
                        across[n].row = Some(rows.len() - 1);
                    }
                }
            }
            continue;
        }
        across.clear();
        if let Some((Some(Field::Task), _, value, at)) = labelled(text, (tc.row, tc.col), beside, false) {
            // (A task's label naming none of the plan's, "Nhiệm vụ trọng tâm: …", is a line;
            // in a cell of its own, a form's, it names the task as written, to be flagged.)
            let written = value.text();
            let named = !matches!(cache.resolve(plan, &written), Match::None);
            if at != (tc.row, tc.col) || named {
                first_row.get_or_insert(row);
                named_task |= named;
                current = Some((at.0, at.1, written));
                (since, card, cell_card) = (rows.len(), true, false);
                continue;
            }
        }
        if let Some((field, label, value, at)) =
            labelled(text, (tc.row, tc.col), beside, card && rows.len() > since).filter(|l| l.0 != Some(Field::Task))
        {
            // Its task: the heading's above; a form's field before any task names none
            // (flagged).
            let (task, task_at) = match &current {
                Some((r, col, written)) => ((Field::Task, TASK, Cell::Text(written.clone())), (TASK, *r, *col)),
                None if at != (tc.row, tc.col) && field.is_some() => {
                    first_row.get_or_insert(row);
                    ((Field::Task, TASK, Cell::Empty), (TASK, row, tc.col))
                }
                None => continue,
            };
            let Some(f) = field else {
                // Another label, under a card: its note ("Địa điểm: Hội trường").
                let col = other_column(&mut others, &label);
                let last = rows.last_mut().expect("a card is a row");
                last.extra.push((col, value));
                last.places.push((col, at.0, at.1));
                continue;
            };
            if !labels.iter().any(|(g, _)| *g == f) {
                labels.push((f, label));
            }
            let was_card = card;
            card = true;
            cell_card = at != (tc.row, tc.col);
            // ("Nội dung:" starts an activity, or names the one a card's first labels began,
            // "Vai trò: Chủ trì" above it.)
            let open = rows[since..].last().is_some_and(|r| was_card && !r.cells.iter().any(|(g, _, _)| *g == Field::Activity));
            if f == Field::Activity && !open {
                activity_col.get_or_insert(at.1);
                rows.push(RawRow { row, cells: vec![task, (f, at.1, value)], extra: Vec::new(), within: None, places: vec![task_at] });
                continue;
            }
            if f == Field::Activity {
                activity_col.get_or_insert(at.1);
                let last = rows.last_mut().expect("an open card is a row");
                last.cells.push((f, at.1, value));
                last.places.push((at.1, at.0, at.1));
                continue;
            }
            let virt = LABELLED + f as u32;
            match rows[since..].last_mut().filter(|r| !r.cells.iter().any(|(g, _, _)| *g == f)) {
                Some(last) => {
                    last.cells.push((f, virt, value));
                    last.places.push((virt, at.0, at.1));
                }
                None => rows.push(RawRow {
                    row,
                    cells: vec![task, (f, virt, value)],
                    extra: Vec::new(),
                    within: None,
                    places: vec![task_at, (virt, at.0, at.1)],
                }),
            }
            continue;
        }
        // A line before any task's heading, under a section of the work done ("I. CÔNG TÁC
        // CHỈ ĐẠO" over "- Ban hành Kế hoạch số 45…"): an activity with no task (flagged), as
        // `plain_lines` reads a report that names none. It was passed over.
        if current.is_none() && within && text.split_whitespace().nth(2).is_some() && !text.ends_with(':') {
            first_row.get_or_insert(tc.row);
            activity_col.get_or_insert(tc.col);
            let extra = line[k + 1..].iter().filter(|c| !c.cell.is_empty()).map(|c| (c.col, c.cell.clone())).collect();
            rows.push(line_row(tc, written_task(text), text, extra, vec![(TASK, tc.row, tc.col)]));
            continue;
        }
        let Some((r, col, written)) = &current else { continue };
        // The other cells of its row go to its note ("- Tổ chức hội nghị | Hoàn thành").
        let extra: Vec<(u32, Cell)> = line[k + 1..].iter().filter(|c| !c.cell.is_empty()).map(|c| (c.col, c.cell.clone())).collect();
        // A line under a card filled in cells ("Quý IV (tái bản)" below "Kết quả | 2.000
        // cuốn"): its note.
        if cell_card && rows.len() > since {
            let last = rows.last_mut().expect("a card is a row");
            for (n, c) in std::iter::once((tc.col, tc.cell.clone())).chain(extra).enumerate() {
                // (Columns of no label, past the labels': noted as written.)
                let virt = UNLABELLED + n.min(8) as u32;
                last.extra.push((virt, c.1));
                last.places.push((virt, row, c.0));
            }
            continue;
        }
        if text.split_whitespace().nth(2).is_none() && extra.is_empty() {
            continue;
        }
        activity_col.get_or_insert(tc.col);
        (card, cell_card) = (false, false);
        // A task's code written with the line ("- Đưa 20 tin bài (NV5)"): its own, as a
        // table's row's is over the heading above it.
        let (task, at) = match task_in_activity(text) {
            Some(code) => (Cell::Text(code.to_string()), (TASK, tc.row, tc.col)),
            None => (Cell::Text(written.clone()), (TASK, *r, *col)),
        };
        rows.push(line_row(tc, task, text, extra, vec![at]));
    }
    let first_row = first_row?;
    // Labels with no task of the plan named anywhere: a form, if it has two fields or more
    // ("Nội dung | …", "Kết quả | …"); one alone ("ND | 3 | Nature Digital") is no report.
    if activity_col.is_none() && labels.is_empty() || !named_task && labels.len() < 2 {
        return None;
    }
    let mut columns = vec![Column { field: Field::Task, col: TASK, header: "Nhiệm vụ".into() }];
    if let Some(col) = activity_col {
        columns.push(Column { field: Field::Activity, col, header: "Nội dung hoạt động".into() });
    }
    columns.extend(labels.into_iter().filter(|(f, _)| *f != Field::Activity).map(|(f, header)| Column {
        field: f,
        col: LABELLED + f as u32,
        header,
    }));
    Some((Header { first_row, last_row: first_row, columns, others }, rows))
}

/// A report typed as lines that names no task anywhere, its work listed under a section of
/// what was done ("I. KẾT QUẢ THỰC HIỆN", "II. Tình hình triển khai", "CÔNG TÁC CHỈ ĐẠO"):
/// each line there of three words or more is an activity with no task (flagged
/// `task_missing`), down to a section of difficulties, proposals, assessment or next year's
/// work, or the signing block. An item heading lines under it ("1. Công tác tuyên truyền"
/// over "- Đã tổ chức…") is no activity: it goes to their notes. It was `no_table`, its
/// sender asked to send it again. The sheet's header and rows, as a table would give them;
/// `None` where no line is under such a section.
pub(super) fn plain_lines(year: i32, sheet: &SheetData) -> Option<(crate::ingest::header::Header, Vec<crate::ingest::RawRow>)> {
    use crate::ingest::header::{Column, Header};
    use crate::ingest::RawRow;
    // The first text of each row, and the other cells beside it.
    let joined = lines_of(&sheet.top);
    let lines: Vec<(&crate::ingest::TopCell, &str, &[crate::ingest::TopCell])> = joined
        .iter()
        .filter_map(|line| {
            let k = line.iter().position(|c| matches!(&c.cell, Cell::Text(t) if !t.trim().is_empty()))?;
            let Cell::Text(t) = &line[k].cell else { return None };
            Some((&line[k], t.trim(), &line[k + 1..]))
        })
        .collect();
    let mut others: Vec<(u32, String)> = Vec::new();
    let mut rows: Vec<RawRow> = Vec::new();
    // Whether the lines are under a section of what was done; the item heading them.
    let (mut within, mut item): (bool, Option<(String, String)>) = (false, None);
    // Under a heading of work outside the plan's tasks ("III. NHIỆM VỤ KHÁC", "3. Nhiệm vụ
    // phát sinh"): where it stands, as written. Its lines are that work, flagged so (they
    // were lines of no task, `task_missing`, or, under "Nhiệm vụ phát sinh", passed over).
    // Whether it is an item, which the next item ends, not a section.
    let mut outside: Option<(u32, u32, String)> = None;
    let mut outside_item = false;
    for (i, (tc, t, beside)) in lines.iter().enumerate() {
        let (label, body) = item_label(t);
        let words = body.split_whitespace().count();
        let sentence = body.ends_with(['.', ';']);
        let capitals = words >= 2 && !body.chars().any(char::is_lowercase);
        let roman = crate::text::roman(label).is_some() && !label.contains(char::is_lowercase);
        if crate::ingest::form::signing_line(t).is_some() || crate::text::fold_within(t, 40).is_some_and(|k| k.starts_with("noi nhan")) {
            within = false;
            continue;
        }
        let heading_outside = || matching::outside_plan(body).then(|| (tc.row, tc.col, body.trim_end_matches(':').trim_end().to_string()));
        let done = || work_section(t, body, year);
        // A section's heading: numbered in Roman figures, or a title in capitals (numbered
        // in figures, outside a section of what was done: inside, an item's).
        if (roman || capitals && (label.is_empty() || !within)) && !sentence && words <= 16 {
            (outside, outside_item) = (heading_outside(), false);
            within = outside.is_some() || done();
            item = None;
            continue;
        }
        // Or a line that says what follows ("Kết quả thực hiện như sau:"), or one numbered
        // in figures ("1. Kết quả thực hiện"), opening one; or, within one, an item of work
        // outside the plan's tasks.
        if (!label.is_empty() || body.ends_with(':')) && !sentence && words <= 10 {
            if let Some(o) = heading_outside() {
                (outside_item, item) = (within, None);
                (outside, within) = (Some(o), true);
                continue;
            }
            if !within && done() {
                within = true;
                continue;
            }
        }
        if narrative::heading(t).is_some() || later_plan(t, year) {
            within = false;
            continue;
        }
        if !within {
            continue;
        }
        let text = item_label(t.trim_start_matches(BULLETS).trim()).1;
        // An item heading lines set out under it ("1. Công tác tuyên truyền" over "- Đã…",
        // "2.1. …", "a) …"), or in capitals.
        let next_is_item = lines.get(i + 1).is_some_and(|(_, n, _)| {
            let (l, _) = item_label(n);
            n.starts_with(BULLETS)
                || l.contains('.') && !label.is_empty() && l.starts_with(label)
                || l.len() == 1 && l.chars().all(char::is_lowercase)
        });
        if !t.starts_with(BULLETS) && !sentence && words <= 12 && (!label.is_empty() && next_is_item || capitals) {
            item = Some((label.to_string(), body.trim_end_matches(':').to_string()));
            if outside_item {
                outside = None;
            }
            continue;
        }
        let mut extra: Vec<(u32, Cell)> = beside.iter().filter(|c| !c.cell.is_empty()).map(|c| (c.col, c.cell.clone())).collect();
        // (Nor a line that says what follows, "… báo cáo như sau:".)
        if (text.split_whitespace().nth(2).is_none() || text.ends_with(':')) && extra.is_empty() {
            continue;
        }
        let (task, at) = match (written_task(text), &outside) {
            (Cell::Empty, Some((r, c, heading))) => (Cell::Text(heading.clone()), (TASK, *r, *c)),
            (task, _) => (task, (TASK, tc.row, tc.col)),
        };
        let mut places = vec![at];
        // (Under it: an item set out with a dash, lettered, or numbered within its number.)
        let under = |(of, _): &(String, String)| {
            t.starts_with(BULLETS)
                || label.chars().count() == 1 && label.chars().all(char::is_lowercase)
                || !of.is_empty() && label.starts_with(&format!("{of}."))
        };
        if let Some((_, heading)) = item.as_ref().filter(|i| under(i)) {
            let col = other_column(&mut others, "Mục");
            extra.insert(0, (col, Cell::Text(heading.clone())));
            places.push((col, tc.row, tc.col));
        } else {
            item = None;
        }
        rows.push(line_row(tc, task, text, extra, places));
    }
    let first = rows.first()?;
    let (first_row, col) = (first.row, first.cells[1].1);
    let columns = vec![
        Column { field: Field::Task, col: TASK, header: "Nhiệm vụ".into() },
        Column { field: Field::Activity, col, header: "Nội dung hoạt động".into() },
    ];
    Some((Header { first_row, last_row: first_row, columns, others }, rows))
}

/// Whether a section's heading (its text after its number) is of the work done ("KẾT QUẢ
/// THỰC HIỆN", "Tình hình triển khai", "CÔNG TÁC CHỈ ĐẠO", "CÁC NHIỆM VỤ PHỐI HỢP", "NHIỆM
/// VỤ KHÁC"): not the report's title ("BÁO CÁO KẾT QUẢ…"), an assessment, difficulties,
/// proposals or next year's work, nor a plan's section of its tasks ("NHIỆM VỤ VÀ GIẢI
/// PHÁP").
fn work_section(t: &str, body: &str, year: i32) -> bool {
    let Some(key) = crate::text::fold_within(body, 200) else { return false };
    ["ket qua", "tinh hinh", "cong tac", "hoat dong", "trien khai", "thuc hien", "phoi hop", "nhiem vu khac", "nhiem vu duoc giao"]
        .iter()
        .any(|w| crate::text::contains_words(&key, w))
        && !closed_section(t, body, year)
}

/// Whether a section's heading is of no work done: the report's title ("BÁO CÁO KẾT
/// QUẢ…"), an assessment, difficulties, proposals, lessons, next year's work, or a plan's
/// sections (its aims, grounds, tasks and solutions, who does what: the plan sent in place
/// of a report).
fn closed_section(t: &str, body: &str, year: i32) -> bool {
    let Some(key) = crate::text::fold_within(body, 200) else { return true };
    ["danh gia", "phuong huong", "bai hoc", "de xuat", "kien nghi", "muc dich", "yeu cau", "can cu", "giai phap"]
        .iter()
        .any(|w| crate::text::contains_words(&key, w))
        || key.starts_with("bao cao")
        // ("Tình hình tổ chức thực hiện" is a report's.)
        || key.starts_with("to chuc thuc hien")
        || narrative::heading(t).is_some()
        || later_plan(t, year)
}

/// The rows of a sheet's lines, each a row's cells, with an item's number or bullet typed in
/// a cell of its own joined to the text in the next column ("1." | "Nhiệm vụ 1: …", "-" |
/// "Đã tổ chức…", as a numbered or bulleted list pasted from Word sets them out): one cell,
/// where the text stands, "1. Nhiệm vụ 1: …", "- Đã tổ chức…". They were read as a line
/// "1." and a value beside it: the report was `no_table`.
fn lines_of(top: &[crate::ingest::TopCell]) -> Vec<Vec<crate::ingest::TopCell>> {
    // (A bullet Word pastes in its own symbol font is a character of the private use area.)
    let bullet = |l: &str| {
        let mut cs = l.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if !c.is_alphanumeric() && !c.is_whitespace() || c == 'o' || ('\u{f000}'..='\u{f0ff}').contains(&c))
    };
    // A report typed into one cell, its lines broken within it ("I. KẾT QUẢ…\n1. Nhiệm vụ 1:
    // …\n- Đã tổ chức…"): where two of its lines or more open with a number or a bullet,
    // each line is one, all in that cell.
    let listed = |t: &str| {
        let opens = |l: &str| {
            let l = l.trim_start();
            l.starts_with(BULLETS) || !item_label(l).0.is_empty() || matching::numbered(l)
        };
        t.contains('\n') && t.lines().filter(|l| opens(l)).nth(1).is_some()
    };
    let mut out = Vec::new();
    for line in top.chunk_by(|a, b| a.row == b.row) {
        let cells: Vec<&crate::ingest::TopCell> = line.iter().filter(|c| !c.cell.is_empty()).collect();
        if let [one] = cells.as_slice() {
            if let Cell::Text(t) = &one.cell {
                if listed(t) {
                    let one_line =
                        |l: &str| vec![crate::ingest::TopCell { row: one.row, col: one.col, cell: Cell::Text(l.trim().to_string()) }];
                    out.extend(t.lines().filter(|l| !l.trim().is_empty()).map(one_line));
                    continue;
                }
            }
        }
        out.push(line.to_vec());
    }
    out.iter()
        .map(|line| {
            let cells: Vec<&crate::ingest::TopCell> = line.iter().filter(|c| !c.cell.is_empty()).collect();
            let joined = match cells.as_slice() {
                [l, t, ..] if t.col == l.col + 1 => match (&l.cell, &t.cell) {
                    (Cell::Text(label), Cell::Text(text)) if !text.trim().is_empty() => {
                        let label = label.trim();
                        if bullet(label) {
                            Some(format!("- {}", text.trim()))
                        } else if item_number(label) {
                            let dotted = if label.ends_with(['.', ')']) { label.to_string() } else { format!("{label}.") };
                            Some(format!("{dotted} {}", text.trim()))
                        } else {
                            None
                        }
                    }
                    _ => None,
                },
                _ => None,
            };
            match joined {
                Some(text) => {
                    let at = cells[1];
                    let mut out = vec![crate::ingest::TopCell { row: at.row, col: at.col, cell: Cell::Text(text) }];
                    out.extend(line.iter().filter(|c| c.col > at.col).cloned());
                    out
                }
                None => line.clone(),
            }
        })
        .collect()
}

/// A line of a report typed as lines as a row: its task (as written, or none), its text the
/// activity where the line stands, the other cells of its row (in its note), and where the
/// task and the others stand (`RawRow::places`).
fn line_row(
    line: &crate::ingest::TopCell,
    task: Cell,
    text: &str,
    extra: Vec<(u32, Cell)>,
    places: Vec<(u32, u32, u32)>,
) -> crate::ingest::RawRow {
    let cells = vec![(Field::Task, TASK, task), (Field::Activity, line.col, Cell::Text(text.to_string()))];
    crate::ingest::RawRow { row: line.row, cells, extra, within: None, places }
}

/// A task's code written with a line of a report typed as lines ("(NV2)", "NV4: …"), as
/// `task_in_activity` finds it; else no task (flagged).
fn written_task(text: &str) -> Cell {
    task_in_activity(text).map_or(Cell::Empty, |code| Cell::Text(code.to_string()))
}

/// The words after a task's heading's code that say what was done, not the task's title
/// ("NV4: Đón 3 đoàn nghệ thuật Hàn Quốc"): in no task's title's words, and with a figure,
/// a status they open with, or a full stop, as a title has not.
fn activity_after_code<'a>(plan: &Plan, heading: &'a str) -> Option<&'a str> {
    let (_, rest) = [heading.split_once(':'), heading.split_once(" - "), heading.split_once(" – ")]
        .into_iter()
        .flatten()
        .min_by_key(|(a, _)| a.len())?;
    let rest = rest.trim();
    // (Three words or more.)
    rest.split_whitespace().nth(2)?;
    let figure = rest.split(|c: char| !c.is_ascii_digit()).any(|n| !n.is_empty() && n.len() < 4);
    let said = figure || rest.ends_with('.') || values::status_opening(rest) != Status::Unknown;
    (said && matches!(matching::heading_words(plan, rest), Match::None)).then_some(rest)
}

/// Whether a text is an item's number, with its point or bracket or without: "1", "2.1.",
/// "II", "IV.", "a)", "ii)" (a letter, or Roman figures in small letters, only with them:
/// "v" alone is a tick).
fn item_number(t: &str) -> bool {
    let n = t.trim_end_matches(['.', ')']);
    let marked = t.len() > n.len();
    let letter = n.chars().count() == 1 && n.chars().all(char::is_alphabetic) && marked;
    let roman = crate::text::roman(n).is_some() && (marked || !n.contains(char::is_lowercase));
    !n.is_empty() && n.len() <= 8 && (n.split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) || roman || letter)
}

/// A line's item number and the text after it: "1." "2.1." "a)" "II." before a text of
/// three letters or more; "" and the line where it has none.
fn item_label(t: &str) -> (&str, &str) {
    let t = t.trim();
    let end = t.find(|c: char| c.is_whitespace()).unwrap_or(t.len());
    let head = &t[..end];
    let label = head.trim_end_matches(['.', ')']);
    // (Before a text, its point or bracket: "1 lớp" is a count.)
    let rest = t[end..].trim_start();
    if head.len() > label.len() && item_number(head) && rest.chars().filter(|c| c.is_alphabetic()).nth(2).is_some() {
        (label, rest)
    } else {
        ("", t)
    }
}

/// A labelled line's field (`None` for another label), label as written, value, and where
/// the value stands (0-based row, column).
type Labelled = (Option<Field>, String, Cell, (u32, u32));

/// Labels that name the activity and no more ("Nội dung:", "Hoạt động đã triển khai:"),
/// and the result (folded).
const PLAIN_ACTIVITY: &[&str] = &[
    "noi dung",
    "nd",
    "hoat dong",
    "cac hoat dong",
    "noi dung hoat dong",
    "ten hoat dong",
    "cong viec",
    "noi dung cong viec",
    "noi dung thuc hien",
    "noi dung cu the",
    "hoat dong cu the",
    "noi dung da trien khai",
    "hoat dong da trien khai",
    "cac hoat dong da trien khai",
    "noi dung da thuc hien",
    "hoat dong da thuc hien",
];
const PLAIN_RESULT: &[&str] =
    &["ket qua", "kq", "ket qua thuc hien", "ket qua dat duoc", "ket qua cu the", "san pham", "ket qua san pham", "ket qua trien khai"];

/// Whether a line is "Nhiệm vụ" (or "NV") and a code of the plan's tasks after it, "Nhiệm vụ
/// IV.9:", a heading as `matching::numbered` ones are (which take figures alone).
fn code_heading(plan: &Plan, cache: &TextCache, body: &str) -> bool {
    let words: Vec<&str> = body.split_whitespace().collect();
    let code = match words.as_slice() {
        [n, v, code, ..] if fold(n) == "nhiem" && fold(v) == "vu" => code,
        [n, code, ..] if fold(n) == "nv" => code,
        _ => return false,
    };
    let code = code.trim_end_matches([':', ',', '.', ')']);
    code.contains(|c: char| c.is_ascii_digit()) && matches!(cache.resolve(plan, code), Match::One(_))
}

/// A form's answers with a column per task and field, as Google Forms gives them with a
/// section per task ("Dấu thời gian | Tên đơn vị | Nhiệm vụ 1: Kết quả thực hiện | Nhiệm vụ
/// 1: Tình trạng | Nhiệm vụ 2: …"): each answer's columns of one task are a row of that
/// task, with the answer's agency and its other columns; a task left blank is no row. The
/// header is the first of the top 20 rows with two such columns or more. `None` where there
/// is none.
pub(super) fn wide_table(
    plan: &Plan,
    cache: &TextCache,
    sheet: &SheetData,
) -> Option<(crate::ingest::header::Header, Vec<crate::ingest::RawRow>)> {
    use crate::ingest::header::{classify, Column, Header};
    let top = &sheet.top;
    let first = top.first()?.row;
    // The header's row, and each of its columns: a task's field (the task as written), or
    // another column.
    let mut found = None;
    for cells in top.chunk_by(|a, b| a.row == b.row).take_while(|l| l[0].row < first + 20) {
        let r = cells[0].row;
        let parsed: Vec<WideColumn> = cells
            .iter()
            .filter_map(|c| match &c.cell {
                Cell::Text(t) if !t.trim().is_empty() => Some((c.col, t.trim().to_string(), task_field(plan, cache, t))),
                _ => None,
            })
            .collect();
        if parsed.iter().filter(|p| p.2.is_some()).count() >= 2 {
            found = Some((r, parsed));
            break;
        }
    }
    let (header_row, parsed) = found?;
    let agency = parsed.iter().find(|p| p.2.is_none() && classify(&p.1) == Some(Field::Agency)).map(|p| p.0);
    let others: Vec<(u32, String)> = parsed.iter().filter(|p| p.2.is_none() && Some(p.0) != agency).map(|p| (p.0, p.1.clone())).collect();
    // The tasks in the order of their first columns, each with its columns.
    let mut groups: Vec<TaskColumns> = Vec::new();
    for (col, _, tf) in &parsed {
        let Some((task, field)) = tf else { continue };
        match groups.iter_mut().find(|g| fold(&g.0) == fold(task)) {
            Some(g) => g.2.push((*col, *field)),
            None => groups.push((task.clone(), *col, vec![(*col, *field)])),
        }
    }
    let mut rows = Vec::new();
    for line in top.chunk_by(|a, b| a.row == b.row).skip_while(|l| l[0].row <= header_row) {
        let row = line[0].row;
        let at = |col: u32| line.iter().find(|c| c.col == col).map(|c| c.cell.clone());
        let extra: Vec<(u32, Cell)> = others.iter().filter_map(|(col, _)| at(*col).map(|c| (*col, c))).collect();
        let before = rows.len();
        for (task, col0, cols) in &groups {
            let fields: Vec<(Field, u32, Cell)> = cols.iter().filter_map(|(col, f)| at(*col).map(|c| (*f, *col, c))).collect();
            if fields.is_empty() {
                continue;
            }
            let mut cells = vec![(Field::Task, TASK, Cell::Text(task.clone()))];
            cells.extend(agency.and_then(|col| at(col).map(|c| (Field::Agency, col, c))));
            cells.extend(fields);
            rows.push(crate::ingest::RawRow { row, cells, extra: extra.clone(), within: None, places: vec![(TASK, header_row, *col0)] });
        }
        // An answer with no task filled in is still its agency's answer: a row of its agency
        // alone, so that the agency is seen to have sent it (with nothing in it).
        if rows.len() == before {
            let cells: Vec<(Field, u32, Cell)> = agency.and_then(|col| at(col).map(|c| (Field::Agency, col, c))).into_iter().collect();
            if !cells.is_empty() || !extra.is_empty() {
                rows.push(crate::ingest::RawRow { row, cells, extra, within: None, places: Vec::new() });
            }
        }
    }
    let mut columns = vec![Column { field: Field::Task, col: TASK, header: "Nhiệm vụ".into() }];
    if let Some(col) = agency {
        columns.push(Column {
            field: Field::Agency,
            col,
            header: parsed.iter().find(|p| p.0 == col).map_or(String::new(), |p| p.1.clone()),
        });
    }
    // (One column per field: the first task's, its header the field's words.)
    for (col, text, tf) in &parsed {
        if let Some((_, f)) = tf {
            if !columns.iter().any(|c| c.field == *f) {
                columns.push(Column { field: *f, col: *col, header: text.clone() });
            }
        }
    }
    Some((Header { first_row: header_row, last_row: header_row, columns, others }, rows))
}

/// A column of a form's answers a column per task: where it is, its header, and the task (as
/// written) and field it is for, if it is one's.
type WideColumn = (u32, String, Option<(String, Field)>);
/// A task's columns in those answers: the task as written, its first column, and each
/// column with its field.
type TaskColumns = (String, u32, Vec<(u32, Field)>);

/// A header naming a task and a field of it ("Nhiệm vụ 1: Kết quả thực hiện", "NV2 - Tình
/// trạng", "Kinh phí (Nhiệm vụ IV.3)"): the task as written and the field.
fn task_field(plan: &Plan, cache: &TextCache, text: &str) -> Option<(String, Field)> {
    let t = text.trim();
    let mut splits: Vec<(&str, &str)> = [t.split_once(':'), t.split_once(" - "), t.split_once(" – ")].into_iter().flatten().collect();
    if let Some((a, b)) = t.strip_suffix(')').and_then(|x| x.rsplit_once('(')) {
        splits.push((a, b));
    }
    let field = |x: &str| {
        crate::ingest::header::classify(x.trim())
            .filter(|f| matches!(f, Field::Activity | Field::Result | Field::Status | Field::Budget | Field::Note | Field::Role))
    };
    // A task's reference, not its title: "Nhiệm vụ 1", "NV1", "Nhiệm vụ IV.9", "II.1".
    let task = |x: &str| {
        let x = x.trim();
        matching::numbered(x)
            || code_heading(plan, cache, x)
            || x.split_whitespace().nth(1).is_none()
                && x.contains(|c: char| c.is_ascii_digit())
                && matches!(cache.resolve(plan, x), Match::One(_))
    };
    splits.into_iter().find_map(|(a, b)| match (task(a), task(b)) {
        (true, false) => field(b).map(|f| (a.trim().to_string(), f)),
        (false, true) => field(a).map(|f| (b.trim().to_string(), f)),
        _ => None,
    })
}

/// The column of another label of a report written as labelled lines ("Địa điểm"), the
/// same for the label however spelled: its note is "Địa điểm: …".
fn other_column(others: &mut Vec<(u32, String)>, label: &str) -> u32 {
    let n = others.iter().position(|(_, l)| fold(l) == fold(label)).unwrap_or_else(|| {
        others.push((LABELLED_COLUMN + 64 + others.len() as u32, label.to_string()));
        others.len() - 1
    });
    others[n].0
}

/// A heading's row with more cells than the heading ("NV7 | Tổng số 2 đoàn nghệ thuật | 2
/// đoàn"): a row of that task, its first text the activity, the others its note.
fn heading_row(
    task: Option<&(u32, u32, String)>,
    rest: &[crate::ingest::TopCell],
    activity_col: &mut Option<u32>,
) -> Option<crate::ingest::RawRow> {
    let (r, col, written) = task?;
    let rest: Vec<&crate::ingest::TopCell> = rest.iter().filter(|c| !c.cell.is_empty()).collect();
    let first = rest.first()?;
    let activity = rest.iter().position(|c| matches!(c.cell, Cell::Text(_)));
    let mut cells = vec![(Field::Task, TASK, Cell::Text(written.clone()))];
    if let Some(a) = activity {
        activity_col.get_or_insert(rest[a].col);
        cells.push((Field::Activity, rest[a].col, rest[a].cell.clone()));
    }
    let extra = rest.iter().enumerate().filter(|(n, _)| Some(*n) != activity).map(|(_, c)| (c.col, c.cell.clone())).collect();
    Some(crate::ingest::RawRow { row: first.row, cells, extra, within: None, places: vec![(TASK, *r, *col)] })
}

/// The task a line of a report typed as lines heads, where it is a heading of the report's
/// own numbering in figures ("1.", "II.") or in capitals, not a sentence, whose words are a
/// task's title's (`matching::heading_words`): that task, or the tasks whose titles all
/// have them.
fn title_heading(plan: &Plan, line: &str, body: &str) -> Option<Match> {
    let label = line.trim_start().split(['.', ')']).next().unwrap_or("").trim();
    let numbered = body != line.trim_start() && (label.bytes().all(|b| b.is_ascii_digit()) || crate::text::roman(label).is_some());
    let capitals = !body.chars().any(char::is_lowercase);
    if !(numbered || capitals) || body.trim_end().ends_with(['.', ';', ':']) {
        return None;
    }
    Some(matching::heading_words(plan, body)).filter(|m| !matches!(m, Match::None))
}

/// A column of values of a table on its side (a label per row, "Nhiệm vụ | NV1 | NV2"): its
/// task (where it stands, as written) and its activity's row in the rows read so far.
struct Across {
    col: u32,
    task: Option<(u32, String)>,
    row: Option<usize>,
}

/// The labels a card of an activity has besides its fields' ("Thời gian thực hiện", "Địa
/// điểm", "Thành phần"): kept in its note.
pub(super) fn card_label(label: &str) -> bool {
    const CARD_LABELS: &[&str] = &[
        "thoi gian",
        "dia diem",
        "don vi phoi hop",
        "co quan phoi hop",
        "so luong",
        "so nguoi",
        "thanh phan",
        "hinh thuc",
        "doi tuong",
        "quy mo",
        "nguon kinh phi",
        "don vi tinh",
    ];
    let key = fold(label);
    CARD_LABELS.iter().any(|p| crate::ingest::header::starts_with_words(&key, p))
}

/// A line labelled with a field ("Kết quả: 200 đại biểu"), or a label in a cell of its own
/// with its value in a cell beside it ("Kinh phí | 10"): the field (`None` for another
/// label, taken only under a card, `other`), the label as written, the value, and where the
/// value stands (0-based row, column).
pub(super) fn labelled(text: &str, own: (u32, u32), beside: Option<&crate::ingest::TopCell>, other: bool) -> Option<Labelled> {
    // (Difficulties and proposals only in a cell of their own, or under a card: "Khó khăn:
    // …" in a line opens the report's section of them.)
    let beside_only = beside.is_some() && !text.contains([':', '：']) || text.trim_end().ends_with([':', '：']) || other;
    let field = |label: &str| {
        crate::ingest::header::classify(label).filter(|f| {
            matches!(f, Field::Task | Field::Role | Field::Activity | Field::Result | Field::Status | Field::Budget | Field::Note)
                || beside_only && matches!(f, Field::Difficulties | Field::Proposals)
        })
    };
    // A label is a few words, no figures ("Tháng 5: …" is a line of what was done).
    let short = |label: &str| {
        let label = label.trim();
        !label.is_empty() && label.split_whitespace().nth(5).is_none() && !label.contains(|c: char| c.is_ascii_digit())
    };
    let (label, value) = match text.split_once([':', '：']) {
        Some((label, value)) if short(label) => (label.trim(), value.trim()),
        None if short(text) => (text, ""),
        _ => return None,
    };
    let (value, at) = match (value, beside) {
        ("", Some(b)) => (b.cell.clone(), (b.row, b.col)),
        ("", None) => return None,
        (v, _) => (Cell::Text(v.to_string()), own),
    };
    // A sentence after a status's label that reads as no status ("Đánh giá: các hoạt động
    // được tổ chức hiệu quả") is no status.
    let f = field(label).filter(|f| {
        *f != Field::Status
            || !matches!(&value, Cell::Text(v) if v.split_whitespace().nth(4).is_some() && crate::normalise::values::status(v) == crate::normalise::values::Status::Unknown)
    });
    // (A row number's label, "STT | 1 | 2", is no note.)
    let number = || crate::ingest::header::classify(label) == Some(Field::Stt);
    // (Another label of up to three words after a colon, "Địa điểm: …", or one of those a
    // card has, "Thời gian thực hiện: …"; in a cell of its own, up to five.)
    let words = if at == own && !card_label(label) { 3 } else { 5 };
    if f.is_none() && !(other && short(label) && label.split_whitespace().nth(words).is_none() && !number()) {
        return None;
    }
    // A label that says more than the field's name ("Hoạt động giao lưu: đón 3 đoàn", "Kết
    // quả nổi bật: …") is part of what is written: the whole line is the text.
    let key = fold(label);
    let plain = match f {
        Some(Field::Activity) => PLAIN_ACTIVITY.contains(&key.as_str()),
        Some(Field::Result) => PLAIN_RESULT.contains(&key.as_str()),
        Some(Field::Note) => key == "ghi chu",
        _ => true,
    };
    let value = match value {
        Cell::Text(v) if !plain => Cell::Text(format!("{}: {v}", label.trim())),
        v => v,
    };
    Some((f, label.to_string(), value, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_labelled_line_gives_its_field() {
        let beside = crate::ingest::TopCell { row: 4, col: 1, cell: Cell::Number(10.0) };
        let field = |t: &str, beside: Option<&crate::ingest::TopCell>, other: bool| {
            labelled(t, (4, 0), beside, other).map(|(f, _, v, at)| (f, v.text(), at))
        };
        assert_eq!(field("Kết quả: 200 người", None, false), Some((Some(Field::Result), "200 người".into(), (4, 0))));
        assert_eq!(field("Kinh phí (triệu đồng)", Some(&beside), false), Some((Some(Field::Budget), "10".into(), (4, 1))));
        // A label saying more than the field's name is kept with what it labels.
        assert_eq!(
            field("Hoạt động giao lưu: đón 3 đoàn", None, false),
            Some((Some(Field::Activity), "Hoạt động giao lưu: đón 3 đoàn".into(), (4, 0)))
        );
        // No label: figures before the colon, a long text, a sentence after a status's label,
        // a label of no field outside a card; a label with nothing after it.
        assert_eq!(field("Tháng 5: tổ chức hội thảo", None, false), None);
        assert_eq!(field("Hội nghị xúc tiến đầu tư vào tỉnh năm nay: 3 hội nghị", None, false), None);
        assert_eq!(field("Đánh giá: các hoạt động được tổ chức hiệu quả, thiết thực", None, false), None);
        assert_eq!(field("Địa điểm: Hội trường", None, false), None);
        assert_eq!(field("Địa điểm: Hội trường", None, true), Some((None, "Hội trường".into(), (4, 0))));
        assert_eq!(field("Kết quả:", None, false), None);
        // Under a card: a card's usual label of more words, its proposals.
        assert_eq!(field("Thời gian thực hiện: Quý III", None, true), Some((None, "Quý III".into(), (4, 0))));
        assert_eq!(field("Thời gian tổ chức hội thảo quốc tế: Quý III", None, true), None);
        assert_eq!(field("Kiến nghị: bổ sung kinh phí", None, false), None);
        assert_eq!(field("Kiến nghị: bổ sung kinh phí", None, true), Some((Some(Field::Proposals), "bổ sung kinh phí".into(), (4, 0))));
    }

    #[test]
    fn a_section_of_the_work_done_is_told_by_its_heading() {
        let done = |t: &str| work_section(t, item_label(t).1, 2024);
        for t in [
            "I. KẾT QUẢ THỰC HIỆN",
            "II. Tình hình triển khai",
            "CÔNG TÁC CHỈ ĐẠO",
            "I. TÌNH HÌNH TỔ CHỨC THỰC HIỆN",
            "II. CÁC NHIỆM VỤ PHỐI HỢP",
            "III. NHIỆM VỤ KHÁC",
            "II. NHIỆM VỤ ĐƯỢC GIAO",
        ] {
            assert!(done(t), "{t}");
        }
        for t in [
            "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2024",
            "II. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN",
            "III. KHÓ KHĂN, VƯỚNG MẮC TRONG QUÁ TRÌNH THỰC HIỆN",
            "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025",
            "IV. TỔ CHỨC THỰC HIỆN",
            "II. NHIỆM VỤ VÀ GIẢI PHÁP",
            "I. MỤC ĐÍCH, YÊU CẦU",
        ] {
            assert!(!done(t), "{t}");
        }
        // In a report naming tasks, a section in its own words is read; not those.
        let closed = |t: &str| closed_section(t, item_label(t).1, 2024);
        assert!(!closed("II. LĨNH VỰC VĂN HÓA, THỂ THAO") && !closed("III. CÁC NHIỆM VỤ PHỐI HỢP"));
        assert!(["II. ĐÁNH GIÁ CHUNG", "IV. PHƯƠNG HƯỚNG NĂM 2025", "I. MỤC ĐÍCH, YÊU CẦU", "III. KHÓ KHĂN, VƯỚNG MẮC"]
            .iter()
            .all(|t| closed(t)));
    }

    #[test]
    fn an_item_s_number_is_set_apart_from_its_text() {
        assert_eq!(item_label("1. Tổ chức hội nghị"), ("1", "Tổ chức hội nghị"));
        assert_eq!(item_label("3.1. Ký kết thỏa thuận"), ("3.1", "Ký kết thỏa thuận"));
        assert_eq!(item_label("a) Đón đoàn"), ("a", "Đón đoàn"));
        assert_eq!(item_label("II. KẾT QUẢ THỰC HIỆN"), ("II", "KẾT QUẢ THỰC HIỆN"));
        // Not a figure of what was done, nor a year, nor a number with no text after it.
        assert_eq!(item_label("1.500 lượt người tham gia"), ("", "1.500 lượt người tham gia"));
        assert_eq!(item_label("2024 là năm bản lề"), ("", "2024 là năm bản lề"));
        assert_eq!(item_label("1. Ok"), ("", "1. Ok"));
        // A number in a cell of its own, with its point or without; a tick is none.
        assert!(["1", "2.1.", "II", "iv.", "a)"].iter().all(|t| item_number(t)));
        assert!(!["v", "x", "a", "1,5", "NV1", ""].iter().any(|t| item_number(t)));
    }

    #[test]
    fn a_task_named_by_its_code_heads_lines() {
        let plan = crate::plan::load(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/inputs/plans/bac-giang.toml"))).unwrap();
        let cache = TextCache::default();
        assert!(code_heading(&plan, &cache, "Nhiệm vụ IV.9:"));
        assert!(code_heading(&plan, &cache, "NV 3 - Phát triển nguồn lực"));
        assert!(!code_heading(&plan, &cache, "Nhiệm vụ trọng tâm năm 2025"));
        assert!(!code_heading(&plan, &cache, "Nhiệm vụ IV.99"));
    }
}
