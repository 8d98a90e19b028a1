#!/usr/bin/env python3
"""Randomised layouts: nothing read is lost. Writes folders of 24 reports (one per Bắc Giang
agency) in random layouts: a document heading or not, a units line, a two-row header with
tick boxes, a numbering row, task headings between rows, rows numbered or not, a task left
blank, blank rows between rows, a second part with its columns in another order (with or
without a number column), a totals
row, a table of money by source, a signing block, extra columns, a column of no field
(its cells marked "@17", to come out in the note), and
texts chosen to look like what tonghop must not take them for ("Kết quả tốt" in a status
column, "Khó khăn về nhân lực" as an activity, "Tổng số 3 lớp", "Ví dụ điển hình",
"Bắc Giang, ngày hội"…). Every row's activity carries a marker ("#17"); each marker must come
out in rows.csv, in files.csv (difficulties, proposals) or in problems.csv, and every
activity in rows.csv must be a marked one (nothing made up from headers, totals or other
tables). Prints what fails, with its file and row, and exits 1 if anything does.

usage: scripts/layouts.py [SEEDS] [BINARY]   (default 20 seeds; target/release/tonghop, or
                                             $CARGO_TARGET_DIR/release/tonghop)
Needs python3 with openpyxl. Works in a temporary folder.
"""
import csv, os, random, re, shutil, subprocess, sys, tempfile
from pathlib import Path
from openpyxl import Workbook

REPO = Path(__file__).resolve().parent.parent
SEEDS = int(sys.argv[1]) if len(sys.argv) > 1 else 20
target = Path(os.environ.get('CARGO_TARGET_DIR', REPO / 'target'))
BIN = sys.argv[2] if len(sys.argv) > 2 else str(target / 'release/tonghop')

AGENCIES = ["Sở Ngoại vụ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Thông tin và Truyền thông", "Sở Công Thương",
            "Sở Nông nghiệp và Phát triển nông thôn", "Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Nội vụ",
            "Sở Giáo dục và Đào tạo", "Sở Khoa học và Công nghệ", "Báo Bắc Giang", "Đài Phát thanh và Truyền hình tỉnh",
            "Công an tỉnh", "Liên hiệp các tổ chức hữu nghị tỉnh", "UBND thành phố Bắc Giang", "UBND huyện Yên Thế",
            "UBND huyện Tân Yên", "UBND huyện Lạng Giang", "UBND huyện Lục Nam", "UBND huyện Lục Ngạn",
            "UBND huyện Sơn Động", "UBND huyện Yên Dũng", "UBND huyện Việt Yên", "UBND huyện Hiệp Hòa"]
HEADERS = [["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí (triệu đồng)"],
           ["TT", "Nhiệm vụ", "Hoạt động", "Kết quả thực hiện", "Tiến độ", "Kinh phí", "Khó khăn", "Kiến nghị"],
           ["STT", "Mã nhiệm vụ", "Nội dung công việc", "Kết quả đạt được", "Mức độ hoàn thành", "Kinh phí (đồng)", "Ghi chú"],
           ["Số TT", "Nhiệm vụ", "Các hoạt động đã triển khai", "Sản phẩm", "Tình trạng", "KP", "Khó khăn, vướng mắc",
            "Đề xuất, kiến nghị", "Ghi chú"]]
# Texts that start with headers' words, totals', signing blocks', examples', headings'.
ACTIVITIES = ["Kết quả tốt", "Nội dung tuyên truyền", "Hoạt động giao lưu", "Nhiệm vụ trọng tâm", "Kinh phí còn hạn chế",
              "Khó khăn về nhân lực", "Kiến nghị bổ sung", "Ghi chú thêm", "Tình trạng tốt", "Tổng số 3 lớp", "Cộng đồng kiều bào",
              "Đơn vị phối hợp", "Ngày hội văn hóa", "Bắc Giang, ngày hội", "Nơi tổ chức", "HỘI NGHỊ XÚC TIẾN", "Hoàn thành tốt",
              "Thời gian thực hiện", "Sản phẩm OCOP", "Tiến độ tốt", "Vai trò chủ trì", "Đề xuất mở rộng", "Tổng kết năm",
              "Giao lưu hữu nghị", "Tập huấn", "Đón đoàn", "Ví dụ điển hình", "Phụ lục hợp đồng", "I. Hội nghị", "Kính gửi thư mời",
              "Người lập kế hoạch", "Giám đốc tiếp đoàn"]
RESULTS = ["50 người", "Đạt", "Hoàn thành", "Kết quả tốt", "", "Đã ký 3 biên bản", "Khó khăn", "x", "Tổng cộng 3"]
STATUSES = ["Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "100%", "x", "", "Đạt"]
BUDGETS = [5, "10", "1.500.000", "-", "", "Không", "khoảng 3 triệu", 0]
TASKS = ["NV1", "NV2", "NV4", "Nhiệm vụ 1", "1", "NV6", "", "II.1", "IV.3"]


def make(seed, folder):
    """One folder of 24 reports; returns {marker: (file, row)}."""
    rnd = random.Random(seed)
    markers, k = {}, 0
    for f, agency in enumerate(AGENCIES):
        header = rnd.choice(HEADERS)
        wb = Workbook()
        ws = wb.active
        rows = []
        if rnd.random() < 0.5:
            rows += [["UBND TỈNH BẮC GIANG", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                     [agency.upper(), None, None, "Độc lập - Tự do - Hạnh phúc"], []]
        rows += [[f"Đơn vị báo cáo: {agency}"], ["Ngày báo cáo: 20/10/2024"]]
        if rnd.random() < 0.3:
            rows.append(["Đơn vị tính: triệu đồng"])
        two_row = rnd.random() < 0.3
        if two_row:
            header = ["STT", "Nhiệm vụ", "Nội dung hoạt động", "Kết quả", "Tình trạng", "", "", "Kinh phí", "Ghi chú"]
            rows += [[], header, ["", "", "", "", "Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "(triệu đồng)", ""]]
        else:
            # a column of no field tonghop knows: its cells go to the note, marked "@17"
            place = len(header) if rnd.random() < 0.3 else None
            if place is not None:
                header = header + [rnd.choice(["Địa điểm", "Thời gian thực hiện", "Đơn vị phối hợp", "Số người tham gia"])]
            rows += [[], header]
        if rnd.random() < 0.3:
            rows.append([f"({i + 1})" for i in range(len(header))])
        numbered = rnd.random() < 0.6
        headings = rnd.random() < 0.3
        for i in range(rnd.randint(1, 8)):
            if headings and rnd.random() < 0.4:
                rows.append([rnd.choice(["I", "II", None]), rnd.choice(["Nhiệm vụ 1: Tuyên truyền, quán triệt", "NHIỆM VỤ 2", "Nhiệm vụ 4: Thúc đẩy hợp tác"])])
            k += 1
            marker = f"#{k}"
            row = [i + 1 if numbered else None, rnd.choice(TASKS), f"{rnd.choice(ACTIVITIES)} {marker}",
                   rnd.choice(RESULTS) or "Kết quả", rnd.choice(STATUSES), rnd.choice(BUDGETS)]
            if two_row:
                tick = rnd.randint(0, 3)
                row = row[:4] + ["x" if tick == j else None for j in range(3)] + [row[5], rnd.choice(ACTIVITIES + RESULTS)]
            else:
                row += [rnd.choice(ACTIVITIES + RESULTS) for _ in range(len(header) - 6 + rnd.randint(0, 2))]
                if place is not None:
                    row[place] = f"Hội trường @{k}"
                    markers[f"@{k}"] = (f"f{f:02d}.xlsx", len(rows) + 1)
            if rnd.random() < 0.2:
                row[1] = None
            rows.append(row)
            markers[marker] = (f"f{f:02d}.xlsx", len(rows))
            if rnd.random() < 0.15:
                rows.append([])
        if rnd.random() < 0.25:
            # a second part with a header of its own, the columns in another order
            # (with or without a number column)
            no_stt = rnd.random() < 0.5
            second = ["STT", "Nội dung hoạt động", "Nhiệm vụ", "Tình trạng", "Kết quả"]
            rows += [[], ["II. NHIỆM VỤ PHỐI HỢP"], second[1:] if no_stt else second]
            for i in range(rnd.randint(1, 3)):
                k += 1
                marker = f"#{k}"
                row = [i + 1, f"{rnd.choice(ACTIVITIES)} {marker}", rnd.choice(TASKS), rnd.choice(STATUSES),
                       rnd.choice(RESULTS) or "Kết quả"]
                rows.append(row[1:] if no_stt else row)
                markers[marker] = (f"f{f:02d}.xlsx", len(rows))
        if rnd.random() < 0.4:
            rows.append([None, "Tổng cộng", None, None, None, 50])
        if rnd.random() < 0.2:
            # another kind of table under the report's: money by source
            rows += [[], ["STT", "Nguồn kinh phí", "Số tiền (triệu đồng)"], [1, "Ngân sách tỉnh", 10], [2, "Xã hội hóa", 5]]
        if rnd.random() < 0.4:
            rows += [[], ["Bắc Giang, ngày 20 tháng 10 năm 2024"], ["GIÁM ĐỐC"], ["Nguyễn Văn A"]]
        for row in rows:
            ws.append([None if v == "" else v for v in row])
        wb.save(folder / f"f{f:02d}.xlsx")
    return markers


def main():
    root = Path(tempfile.mkdtemp(prefix='tonghop-layouts-'))
    lost = 0
    try:
        for seed in range(1, SEEDS + 1):
            inputs = root / 'in' / '2024'
            shutil.rmtree(root / 'in', ignore_errors=True)
            inputs.mkdir(parents=True)
            markers = make(seed, inputs)
            out = root / 'out'
            shutil.rmtree(out, ignore_errors=True)
            run = subprocess.run([BIN, 'run', '--plan', str(REPO / 'inputs/plans/bac-giang.toml'), '--year', '2024', '--inputs',
                                  str(root / 'in'), '--out', str(out), '--as-of', '2024-11-20'], capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(f"seed {seed}: tonghop failed ({run.returncode}):\n{run.stderr[-2000:]}")
            text = ''.join(p.read_text(encoding='utf-8') for p in out.glob('*/2024/*.csv'))
            found = set(re.findall(r'[#@]\d+\b', text))
            missing = [(m, at) for m, at in markers.items() if m not in found]
            for m, (file, row) in missing:
                print(f"seed {seed}: {m} ({file}, row {row}) is nowhere in the outputs")
            lost += len(missing)
            # Nor is anything made up: every activity consolidated is one of the marked rows.
            with open(next(out.glob('*/2024/rows.csv')), encoding='utf-8') as f:
                made_up = [r for r in csv.DictReader(f) if not re.search(r'#\d+\b', r['activity'])]
            for r in made_up:
                print(f"seed {seed}: {r['file']} row {r['row']} is no activity written: {r['activity']!r} | {r['result']!r}")
            lost += len(made_up)
            print(f"seed {seed}: {len(markers) - len(missing)}/{len(markers)} rows came out")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    sys.exit(1 if lost else 0)


if __name__ == '__main__':
    main()
