"""Writes one agency's report with openpyxl, as another office's tool would.

Used by scripts/make-examples.sh so that the shipped examples include a workbook that
tonghop's own writer did not make: merged title cells, the date only in the signing line,
the agency by an abbreviated name, budgets typed as text with their unit, and a
hand-typed subtotal that does not match its rows.

usage: python3 scripts/openpyxl_submission.py OUT.xlsx YEAR
"""
import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

out, year = sys.argv[1], int(sys.argv[2])
wb = Workbook()
ws = wb.active
ws.title = "BC NGVH"
bold = Font(name="Times New Roman", bold=True)
ws.merge_cells("A1:C1")
ws["A1"] = "UBND H. LỤC NGẠN"
ws["A1"].font = bold
ws.merge_cells("D1:H1")
ws["D1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
ws["D1"].font = bold
ws.merge_cells("D2:H2")
ws["D2"] = f"Lục Ngạn, ngày 18 tháng 10 năm {year}"
ws.merge_cells("A4:H4")
ws["A4"] = f"BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NGOẠI GIAO VĂN HÓA NĂM {year}"
ws["A4"].font = bold
ws["A4"].alignment = Alignment(horizontal="center")
header = ["TT", "Nhiệm vụ", "Vai trò", "Nội dung hoạt động", "Kết quả", "Tình trạng", "Kinh phí\n(triệu đồng)", "Ghi chú"]
for c, h in enumerate(header, start=1):
    cell = ws.cell(row=6, column=c, value=h)
    cell.font = bold
    cell.alignment = Alignment(wrap_text=True)
rows = [
    (1, "IV.11", "Chủ trì", "Tổ chức Lễ hội vải thiều Lục Ngạn có khách quốc tế tham dự", "Đón hơn 30 đoàn khách nước ngoài", "Đã hoàn thành", "120", ""),
    (2, "IV.11", "Chủ trì", "Quảng bá vùng cây ăn quả Lục Ngạn trên kênh đối ngoại của tỉnh", "Phát sóng 4 phóng sự", "Đang triển khai", "15 triệu", ""),
    (3, "IV.11", "Chủ trì", "Tập huấn lễ tân đối ngoại cho cán bộ cấp xã", "", "Chưa triển khai", "-", "Chuyển sang năm sau"),
    (None, None, None, "Cộng", None, None, "140", None),
]
for r, values in enumerate(rows, start=7):
    for c, v in enumerate(values, start=1):
        if v is not None:
            ws.cell(row=r, column=c, value=v)
for col, width in zip("ABCDEFGH", [5, 10, 10, 45, 35, 16, 14, 18]):
    ws.column_dimensions[col].width = width
wb.save(out)
