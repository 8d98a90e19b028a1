#!/usr/bin/env python3
"""Metamorphic check: changes the shipped Bắc Giang 2024 workbooks the ways clerks change a
form, and checks that tonghop reads the same activities from every changed folder as from
the originals (agency, task, activity, result, status, budget, report date).

usage: scripts/metamorphic.py [BINARY]     (default: target/release/tonghop, or
                                             $CARGO_TARGET_DIR/release/tonghop)
       METAMORPHIC_INPUTS=tests/fixtures/clerks/2024 scripts/metamorphic.py   (other .xlsx)
       METAMORPHIC_INPUTS=inputs/lai-chau-vhdn-2021-2025/2023 METAMORPHIC_YEAR=2023 \
         METAMORPHIC_PLAN=inputs/plans/lai-chau.toml scripts/metamorphic.py       (another plan)

Changes: the table typed as labelled lines ("- Nội dung hoạt động: …", "+ Kết quả: …"); the
table filled in as cards (a label and its value per row); the table turned on
its side (a row per column); a totals row under the table; three tick-box columns for the status; the report
date only on a signing line under the table; the sender named only in the title, the file
named for nothing; the task merged down over its rows; no task column, a heading above each task's
rows instead; the columns in the opposite order; last year's results and money in columns
hidden beside this year's, under the same headers; the budget in đồng; texts in NFD; dates typed as text; short texts in capitals (compared without
regard to case); the table 35 rows down under a paragraph; the table under a report of 140
paragraphs (past row 90, where the header was once looked for no further); two empty columns on the left; a
document heading above; a blank row after every row; difficulties, proposals and a signing
block under the table; the form's guidance sheet in front; a cover letter sheet in front;
every workbook saved by LibreOffice as .ods and as .xls. Needs python3 with openpyxl and
LibreOffice (for the last two). Exits 1 if any changed folder reads differently. Works in
a temporary folder; the repository is not touched.
"""
import atexit, csv, os, shutil, subprocess, sys, tempfile
from pathlib import Path
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

REPO = Path(__file__).resolve().parent.parent
# Another folder of a Bắc Giang year's workbooks may be given (a fixture folder).
SRC = Path(os.environ.get('METAMORPHIC_INPUTS', REPO / 'inputs/bac-giang-ngvh-2030/2024'))
PLAN = Path(os.environ.get('METAMORPHIC_PLAN', REPO / 'inputs/plans/bac-giang.toml'))
YEAR = os.environ.get('METAMORPHIC_YEAR', '2024')
target = Path(os.environ.get('CARGO_TARGET_DIR', REPO / 'target'))
BIN = sys.argv[1] if len(sys.argv) > 1 else str(target / 'release/tonghop')
ROOT = Path(tempfile.mkdtemp(prefix='tonghop-metamorphic-'))
atexit.register(shutil.rmtree, ROOT, True)


def cols_left(ws):
    ws.insert_cols(1, 2)

def title_block(ws):
    ws.insert_rows(1, 6)
    ws['A1'] = 'UBND TỈNH BẮC GIANG'; ws['E1'] = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
    ws['E2'] = 'Độc lập - Tự do - Hạnh phúc'; ws['A3'] = 'Số: 123/BC'
    ws['A5'] = 'BÁO CÁO'; ws['A6'] = 'Kết quả thực hiện Kế hoạch năm 2024'

def blank_between(ws):
    # a blank row after every numbered data row (openpyxl does not move merged cells: sheets
    # with merges are left as they are)
    if ws.merged_cells.ranges:
        return
    n = ws.max_row
    for r in range(n, 0, -1):
        if isinstance(ws.cell(row=r, column=1).value, (int, float)):
            ws.insert_rows(r + 1, 1)

def upper_headers(ws):
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and len(c.value) < 40:
                c.value = c.value.upper()

def move_down(ws):
    if ws.merged_cells.ranges:
        return
    ws.insert_rows(1, 35)
    ws['A10'] = 'Năm 2024, đơn vị đã triển khai các nhiệm vụ theo Kế hoạch, cụ thể như sau.'

def long_report_above(ws):
    # A report of several pages pasted from Word above the table, a paragraph per row.
    if ws.merged_cells.ranges:
        return
    ws.insert_rows(1, 140)
    lines = ['I. ĐẶC ĐIỂM TÌNH HÌNH', 'II. KẾT QUẢ TRIỂN KHAI THỰC HIỆN']
    lines += [f'Đoạn {i}: đơn vị đã quán triệt, tuyên truyền và lồng ghép các nội dung của Kế hoạch vào chương trình công tác.' for i in range(1, 137)]
    lines += ['Kết quả cụ thể tại biểu chi tiết dưới đây.']
    for i, line in enumerate(lines, start=1):
        ws.cell(row=i, column=1, value=line)

def nfd(ws):
    import unicodedata
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str):
                c.value = unicodedata.normalize('NFD', c.value)

def dates_as_text(ws):
    import datetime
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, datetime.datetime):
                c.value = c.value.strftime('%d/%m/%Y')

def table(ws):
    """The header's row and its columns by what they hold, or None (merged cells, or no
    numbered rows): (header row, {field: column}, [data rows])."""
    if ws.merged_cells.ranges:
        return None
    for row in ws.iter_rows(max_row=40):
        if row[0].value in ('STT', 'TT'):
            head = row[0].row
            cols = {}
            for c in row:
                t = str(c.value or '').lower()
                for field, words in [('task', ['nhiệm vụ', 'mã nhiệm vụ']), ('status', ['tình trạng', 'tiến độ']), ('budget', ['kinh phí'])]:
                    if any(t.startswith(w) for w in words) and field not in cols:
                        cols[field] = c.column
            data = [r for r in range(head + 1, ws.max_row + 1) if isinstance(ws.cell(row=r, column=1).value, (int, float))]
            return (head, cols, data) if 'task' in cols and data else None
    return None


def merge_tasks(ws):
    # a task written once and merged down over the rows of the same task
    t = table(ws)
    if not t:
        return
    _, cols, data = t
    c = cols['task']
    start = data[0]
    for r in data[1:] + [None]:
        if r is not None and r == start + 1 and ws.cell(row=r, column=c).value == ws.cell(row=start, column=c).value:
            continue
        last = (r - 1) if r is not None else data[-1]
        if last > start:
            for k in range(start + 1, last + 1):
                ws.cell(row=k, column=c).value = None
            ws.merge_cells(start_row=start, start_column=c, end_row=last, end_column=c)
        start = r


def tasks_as_headings(ws):
    # no task column: a heading row "Nhiệm vụ …" above each task's rows, across the table
    t = table(ws)
    if not t:
        return
    head, cols, data = t
    c = cols['task']
    tasks = {r: ws.cell(row=r, column=c).value for r in data}
    ws.delete_cols(c)
    for r in reversed(data):
        if tasks[r] is not None and (r - 1 not in tasks or tasks[r - 1] != tasks[r]):
            ws.insert_rows(r, 1)
            code = str(tasks[r])
            ws.cell(row=r, column=1).value = code if code.lower().startswith('nhiệm vụ') else f'Nhiệm vụ {code}'


def reverse_columns(ws):
    # the same columns in the opposite order
    t = table(ws)
    if not t:
        return
    head, _, data = t
    width = max(c.column for c in ws[head] if c.value is not None)
    for r in [head] + data:
        values = [ws.cell(row=r, column=k).value for k in range(1, width + 1)]
        for k, v in enumerate(reversed(values), 1):
            ws.cell(row=r, column=k).value = v


def last_year_hidden(wb):
    # last year's results and money kept under the same headers in columns hidden beside
    # this year's (the report copied from last year's, this year's columns inserted), also
    # on a page of the table carried on to a sheet of its own
    copied = None
    for ws in wb.worksheets:
        t = table(ws)
        if t:
            head, cols, data = t
            width = max(c.column for c in ws[head] if c.value is not None)
            copied = [k for k in range(1, width + 1) if str(ws.cell(row=head, column=k).value or '').lower().startswith('kết quả')]
            copied += [cols['budget']] if 'budget' in cols else []
            rows = [head] + data
        elif copied and not ws.merged_cells.ranges:
            # (A carried page, its first row numbered: its numbered rows, in the same columns.)
            head = None
            rows = [r for r in range(1, ws.max_row + 1) if isinstance(ws.cell(row=r, column=1).value, (int, float))]
            first = next((r for r in range(1, ws.max_row + 1) if any(c.value is not None for c in ws[r])), None)
            if not rows or rows[0] != first:
                continue
        else:
            continue
        if not copied:
            continue
        at = min(copied)
        old = {r: [ws.cell(row=r, column=k).value for k in copied] for r in rows}
        ws.insert_cols(at, amount=len(copied))
        for r, values in old.items():
            for i, v in enumerate(values):
                if r != head and isinstance(v, (int, float)) and not isinstance(v, bool):
                    v = v + 7
                elif r != head and isinstance(v, str) and v.strip():
                    v = v + ' (năm 2023)'
                ws.cell(row=r, column=at + i).value = v
        for i in range(len(copied)):
            ws.column_dimensions[get_column_letter(at + i)].hidden = True


def budget_in_dong(ws):
    # the budget in đồng, its header saying so
    t = table(ws)
    if not t or 'budget' not in t[1]:
        return
    head, cols, data = t
    c = cols['budget']
    header = str(ws.cell(row=head, column=c).value)
    if 'triệu' not in header or 'nghìn' in header:
        return
    ws.cell(row=head, column=c).value = 'Kinh phí (đồng)'
    for r in data:
        v = ws.cell(row=r, column=c).value
        if isinstance(v, (int, float)):
            ws.cell(row=r, column=c).value = round(v * 1_000_000)


def plain_table(ws):
    """`table`, where its rows follow its one-row header without a gap: (header row,
    {field: column}, [data rows], width, {column: header text} past the number column)."""
    t = table(ws)
    if not t:
        return None
    head, cols, data = t
    if data != list(range(head + 1, data[-1] + 1)):
        return None
    width = ws.max_column
    return head, cols, data, width, {c: ws.cell(row=head, column=c).value for c in range(2, width + 1)}


def as_cards(ws):
    # the table filled in as cards: a label and its value per row ("Nhiệm vụ | NV1",
    # "Nội dung hoạt động | …"), a blank row between cards
    t = plain_table(ws)
    if not t:
        return
    head, cols, data, width, labels = t
    order = [cols['task']] + [c for c in range(2, width + 1) if c != cols['task']]
    cards = []
    for r in data:
        for c in order:
            v = ws.cell(row=r, column=c).value
            if labels[c] and v is not None and str(v).strip():
                cards.append((labels[c], v))
        cards.append(None)
    ws.delete_rows(head, data[-1] - head + 1)
    ws.insert_rows(head, len(cards))
    for i, card in enumerate(cards):
        if card:
            ws.cell(row=head + i, column=1).value, ws.cell(row=head + i, column=2).value = card


def as_lines(ws, pasted=False, one_cell=False):
    # the table typed as labelled lines, a Word report pasted into a sheet: "Nhiệm vụ IV.9:"
    # above its activities, each "- Nội dung hoạt động: …" then "+ Kết quả: …" and the rest;
    # pasted: a Word list, each line's number or bullet in a cell of its own, its text in
    # the next ("1." | "Nhiệm vụ IV.9:", "-" | "Nội dung hoạt động: …"); one_cell: every line
    # typed into one cell, broken within it
    t = plain_table(ws)
    if not t:
        return
    head, cols, data, width, labels = t
    lines, task = [], None
    for r in data:
        code = ws.cell(row=r, column=cols['task']).value
        if code != task:
            task = code
            text = str(code)
            heading = text if text.lower().startswith('nhiệm vụ') else f'Nhiệm vụ {text}:'
            lines.append(f'{sum(1 for l in lines if l.startswith(("1", "2", "3", "4", "5", "6", "7", "8", "9"))) + 1}. {heading}' if pasted else heading)
        first = True
        for c in range(2, width + 1):
            v = ws.cell(row=r, column=c).value
            if c == cols['task'] or not labels[c] or v is None or not str(v).strip():
                continue
            lines.append(f"{'-' if first else '+'} {labels[c]}: {v}")
            first = False
    ws.delete_rows(head, data[-1] - head + 1)
    if one_cell:
        ws.insert_rows(head, 1)
        # (A header's own line break, "Kinh phí\n(đồng)", typed on one line there.)
        ws.cell(row=head, column=1).value = '\n'.join(line.replace('\n', ' ') for line in lines)
        return
    ws.insert_rows(head, len(lines))
    for i, line in enumerate(lines):
        if pasted:
            mark, text = line.split(' ', 1)
            ws.cell(row=head + i, column=1).value = mark
            ws.cell(row=head + i, column=2).value = text
        else:
            ws.cell(row=head + i, column=1).value = line


def on_its_side(ws):
    # the table turned on its side: a row per column, its header then each row's value
    t = plain_table(ws)
    if not t:
        return
    head, cols, data, width, labels = t
    grid = [[ws.cell(row=r, column=c).value for r in [head] + data] for c in range(2, width + 1) if labels[c]]
    ws.delete_rows(head, data[-1] - head + 1)
    ws.insert_rows(head, len(grid))
    for i, line in enumerate(grid):
        for j, v in enumerate(line):
            ws.cell(row=head + i, column=1 + j).value = v


def totals_row(ws):
    # a "Tổng cộng" row under the table, its budget the sum of the rows'
    t = table(ws)
    if not t or 'budget' not in t[1]:
        return
    _, cols, data = t
    values = [ws.cell(row=r, column=cols['budget']).value for r in data]
    if not all(isinstance(v, (int, float)) or v is None for v in values):
        return
    r = data[-1] + 1
    ws.insert_rows(r, 1)
    ws.cell(row=r, column=2).value = 'Tổng cộng'
    ws.cell(row=r, column=cols['budget']).value = sum(v or 0 for v in values)


def autosum_below(ws):
    # Excel's AutoSum under the money column, nothing written beside it: under the table's
    # first block of numbered rows, where its amounts are in one unit (no "ĐVT" column)
    t = table(ws)
    if not t or 'budget' not in t[1]:
        return
    head, cols, data = t
    if any(str(c.value or '').strip().lower() in ('đvt', 'đơn vị tính') for c in ws[head]):
        return
    data = [r for i, r in enumerate(data) if r == data[0] + i]
    values = [ws.cell(row=r, column=cols['budget']).value for r in data]
    if not all(isinstance(v, (int, float)) or v is None for v in values) or not any(values):
        return
    r = data[-1] + 1
    ws.insert_rows(r, 1)
    ws.cell(row=r, column=cols['budget']).value = sum(v or 0 for v in values)


def status_ticks(ws):
    # three tick-box columns "Hoàn thành | Đang thực hiện | Chưa thực hiện" for the status
    t = table(ws)
    if not t or 'status' not in t[1]:
        return
    head, cols, data = t
    c = cols['status']
    marks = {}
    for r in data:
        v = str(ws.cell(row=r, column=c).value or '').lower()
        marks[r] = 1 if 'đang' in v or 'một phần' in v else 2 if 'chưa' in v else 0 if 'hoàn thành' in v or 'xong' in v else None
    ws.insert_cols(c + 1, 2)
    for k, h in enumerate(['Hoàn thành', 'Đang thực hiện', 'Chưa thực hiện']):
        ws.cell(row=head, column=c + k).value = h
    for r in data:
        for k in range(3):
            ws.cell(row=r, column=c + k).value = 'x' if marks[r] == k else None


def date_in_signing(ws):
    # the report date only on the signing line under the table
    import datetime
    when = None
    for row in ws.iter_rows(max_row=12):
        for cell in row:
            v = cell.value
            if isinstance(v, str) and v.startswith('Ngày báo cáo:'):
                text = v.split(':', 1)[1].strip()
                try:
                    when = datetime.datetime.strptime(text, '%d/%m/%Y')
                except ValueError:
                    return  # a date that does not exist stays where it is
                cell.value = None
            elif isinstance(v, datetime.datetime) and cell.row <= 12:
                when = v
                cell.value = None
    if when:
        n = ws.max_row
        ws.cell(row=n + 2, column=4).value = f'Bắc Giang, ngày {when.day} tháng {when.month} năm {when.year}'
        ws.cell(row=n + 3, column=4).value = 'GIÁM ĐỐC'


def narrative_after(ws):
    n = ws.max_row
    ws.cell(row=n + 2, column=1, value='II'); ws.cell(row=n + 2, column=2, value='KHÓ KHĂN, VƯỚNG MẮC')
    ws.cell(row=n + 3, column=2, value='- Kinh phí còn hạn chế.')
    ws.cell(row=n + 4, column=1, value='III'); ws.cell(row=n + 4, column=2, value='ĐỀ XUẤT, KIẾN NGHỊ')
    ws.cell(row=n + 5, column=2, value='1. Đề nghị bố trí thêm kinh phí.')
    ws.cell(row=n + 7, column=4, value='Bắc Giang, ngày 20 tháng 10 năm 2024')
    ws.cell(row=n + 8, column=4, value='GIÁM ĐỐC')

def cover_sheet(wb):
    g = wb.create_sheet('Cong van', 0)
    g['A1'] = 'Kính gửi: Sở Ngoại vụ tỉnh Bắc Giang'
    g['A3'] = 'Thực hiện Công văn số 456/SNgV-VP ngày 01/9/2024 của Sở Ngoại vụ, đơn vị gửi báo cáo kèm theo.'

def sender_in_title(wb):
    # the sender named only in the title ("… CỦA SỞ NỘI VỤ"), the file named for nothing
    for ws in wb.worksheets:
        for row in ws.iter_rows(max_row=12):
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith('Đơn vị báo cáo:'):
                    name = cell.value.split(':', 1)[1].strip()
                    cell.value = 'BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2024 CỦA ' + name.upper()


def guidance_sheet(wb):
    g = wb.create_sheet('Hướng dẫn', 0)
    g['A1'] = 'HƯỚNG DẪN'
    for c, h in enumerate(['STT', 'Nhiệm vụ', 'Nội dung hoạt động', 'Kết quả thực hiện', 'Tình trạng'], 1):
        g.cell(row=3, column=c, value=h)
    for c, v in enumerate([1, 'NV1', 'Ví dụ: Hội nghị', '100 người', 'Hoàn thành'], 1):
        g.cell(row=4, column=c, value=v)

SHEET_T = {'as_lines': as_lines, 'as_pasted_list': lambda ws: as_lines(ws, pasted=True), 'in_one_cell': lambda ws: as_lines(ws, one_cell=True), 'as_cards': as_cards, 'on_its_side': on_its_side, 'totals_row': totals_row, 'autosum_below': autosum_below, 'status_ticks': status_ticks, 'date_in_signing': date_in_signing, 'merge_tasks': merge_tasks, 'tasks_as_headings': tasks_as_headings, 'reverse_columns': reverse_columns, 'budget_in_dong': budget_in_dong, 'nfd': nfd, 'dates_as_text': dates_as_text, 'upper_headers': upper_headers, 'move_down': move_down, 'long_report_above': long_report_above, 'cols_left': cols_left, 'title_block': title_block, 'blank_between': blank_between, 'narrative_after': narrative_after}
BOOK_T = {'last_year_hidden': last_year_hidden, 'sender_in_title': sender_in_title, 'guidance_sheet': guidance_sheet, 'cover_sheet': cover_sheet}

def rows_of(out, fold_case=False):
    f = next(Path(out).rglob('rows.csv'))
    keep = ['agency_code', 'task_code', 'activity', 'result', 'status', 'budget_million_vnd', 'difficulties', 'proposals', 'report_date']
    with open(f, encoding='utf-8') as fh:
        return sorted(tuple(r[k].upper() if fold_case else r[k] for k in keep) for r in csv.DictReader(fh))

def run(name, folder, fold_case=False):
    out = ROOT / name / 'out'
    subprocess.run([BIN, 'run', '--plan', str(PLAN), '--year', YEAR, '--inputs', str(folder.parent), '--out', str(out), '--as-of', f'{YEAR}-11-20'],
                   capture_output=True, check=True)
    return rows_of(out, fold_case)


failed = []


def compare(name, base, got):
    lost = [r for r in base if r not in got]
    extra = [r for r in got if r not in base]
    print(f'{name:16} {len(got)} rows, {len(lost)} lost, {len(extra)} extra')
    for r in lost[:3]:
        print('   lost ', r[:4])
    for r in extra[:3]:
        print('   extra', r[:4])
    if lost or extra:
        failed.append(name)

base_dir = ROOT / 'base' / 'in' / YEAR
base_dir.mkdir(parents=True)
# Only workbooks openpyxl can open and save are changed (a fixture folder may hold broken
# or encrypted ones on purpose).
for f in SRC.glob('*.xlsx'):
    if f.name.startswith('~$'):
        continue
    try:
        load_workbook(f)
    except Exception:
        continue
    shutil.copy(f, base_dir)
base = run('base', base_dir)
print(f'{"originals":16} {len(base)} rows')
for name in list(SHEET_T) + list(BOOK_T):
    d = ROOT / name / 'in' / YEAR
    d.mkdir(parents=True)
    for f in base_dir.glob('*.xlsx'):
        # The values a spreadsheet program saved, not its formulas: openpyxl saves no values.
        wb = load_workbook(f, data_only=True)
        if name in SHEET_T:
            for ws in wb.worksheets:
                SHEET_T[name](ws)
        else:
            BOOK_T[name](wb)
        # Named for nothing where the sender is to be found in the workbook alone.
        wb.save(d / (f'bao-cao-{sorted(base_dir.glob("*.xlsx")).index(f):02}.xlsx' if name == 'sender_in_title' else f.name))
    fold_case = name == 'upper_headers'
    compare(name, [tuple(v.upper() for v in r) for r in base] if fold_case else base, run(name, d, fold_case))

for fmt in ['ods', 'xls']:
    d = ROOT / ('to_' + fmt) / 'in' / YEAR
    d.mkdir(parents=True)
    subprocess.run(['soffice', '--headless', '--calc', '--convert-to', fmt, '--outdir', str(d)] + [str(f) for f in base_dir.glob('*.xlsx')], capture_output=True)
    compare('to_' + fmt, base, run('to_' + fmt, d))

if failed:
    print('read differently:', ', '.join(failed))
    sys.exit(1)
print('every change read the same')
