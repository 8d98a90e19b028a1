#!/usr/bin/env bash
# Regenerates the shipped example inputs under inputs/<plan id>/<year>/.
#
# Most workbooks are made by `tonghop sample` (deterministic); then other tools take over
# a few, so the reader is not tested only on files our own writer made:
#   - LibreOffice converts one workbook a year to .xls and one to .ods;
#   - openpyxl writes the Lục Ngạn district's report (scripts/openpyxl_submission.py).
# Needs: cargo, python3 with openpyxl, LibreOffice (Debian package libreoffice-calc).
set -euo pipefail
cd "$(dirname "$0")/.."
plan=inputs/plans/bac-giang.toml
dir=inputs/bac-giang-ngvh-2030
cargo build --quiet
bin=${CARGO_TARGET_DIR:-target}/debug/tonghop

convert() { # convert FILE FORMAT: replace an .xlsx by LibreOffice's .xls or .ods of it
  local file=$1 fmt=$2
  soffice --headless --calc --convert-to "$fmt" --outdir "$(dirname "$file")" "$file" >/dev/null
  rm "$file"
}

for year in 2023 2024; do
  rm -rf "${dir:?}/$year"
  "$bin" sample --plan "$plan" --year "$year" --out "$dir/$year" >/dev/null
  convert "$dir/$year/05_SNNPTNT_bao-cao-$year.xlsx" xls
  convert "$dir/$year/12_DPTTH_bao-cao-$year.xlsx" ods
  if [ -f "$dir/$year/20_HLUCNGAN_bao-cao-$year.xlsx" ]; then
    rm "$dir/$year/20_HLUCNGAN_bao-cao-$year.xlsx"
    python3 scripts/openpyxl_submission.py "$dir/$year/20_HLUCNGAN_bao-cao-$year.xlsx" "$year"
  fi
done
ls -l "$dir"/*
