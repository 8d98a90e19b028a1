#!/usr/bin/env bash
# Renders a workbook to PDF and PNG pages with LibreOffice headless, to look at it as a
# reader would.  usage: scripts/render.sh WORKBOOK.xlsx OUTDIR [DPI]
# Needs the Debian packages libreoffice-calc and poppler-utils.
set -euo pipefail
book=$1 out=$2 dpi=${3:-70}
mkdir -p "$out"
soffice --headless --calc --convert-to pdf --outdir "$out" "$book" >/dev/null 2>&1
pdf="$out/$(basename "${book%.*}").pdf"
pdftoppm -png -r "$dpi" "$pdf" "$out/page"
ls "$out"
